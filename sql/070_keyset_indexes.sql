-- 070_keyset_indexes: indexes for the screens that page their lists by key
-- and for the occupier picker. A site's numbers in number order (the
-- Telephony screen pages by (number, id): InnoDB keeps id in every
-- secondary key); an occupier found by its billing reference (the picker
-- resolves a typed reference with one seek).

ALTER TABLE phone_number
	ADD KEY phone_site_number (operator_id, site_id, number);

ALTER TABLE occupier
	ADD KEY occupier_billing_ref (operator_id, billing_ref);
