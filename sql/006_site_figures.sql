-- 006_site_figures: the Sites screen counts the occupiers with a contract
-- at each site (COUNT(DISTINCT occupier_id) per site). With this index it
-- reads the index alone, grouped, instead of every contract row of the
-- site (98 ms at 40 000 contracts, measured by make bench).

ALTER TABLE contract
	ADD KEY contract_site_occupier (site_id, occupier_id);
