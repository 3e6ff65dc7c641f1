-- 086_catalog_retire: operator admins add services to the catalog, retire
-- them and price them per site. A retired service is no longer offered
-- (not in Available services, refused on a new row) while the plans that
-- hold it keep it until it is removed. A site's RRP overrides the
-- service's RRP wherever that site's RRP is shown or a price defaults to
-- it; NULL: the service's.
ALTER TABLE service
  ADD COLUMN retired TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: no longer offered; plans that hold it keep it until removed';
ALTER TABLE service_site
  ADD COLUMN rrp BIGINT DEFAULT NULL COMMENT 'RRP at this site (minor units); NULL: the service''s';
