-- 075_occupier_name_ref: the Occupiers search matches the name or the
-- billing reference. Both columns in one index of the operator's rows in
-- name order keep that scan in the index (no row read per occupier).

ALTER TABLE occupier
	ADD KEY occupier_name_ref (operator_id, name, billing_ref);
