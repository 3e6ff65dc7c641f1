-- 107_occsvc_site_cover: the (operator, site, service) index of
-- occupier_service also carries what the usage report and rating read of
-- each service (activated, ended, occupier, QTY), so the site's Tariff,
-- Voice and Bandwidth services come from the index alone. At 10 000
-- occupiers a site (50 000 services, 18 000 of those categories) the
-- statement took ~55 ms in row lookups and takes ~18 ms. Every query that
-- seeks (operator, site, service) still can; saves that change a QTY now
-- also move the row's index entry.
ALTER TABLE occupier_service DROP KEY occsvc_site,
	ADD KEY occsvc_site (operator_id, site_id, service_id, activated_at,
	ended_at, occupier_id, qty);
