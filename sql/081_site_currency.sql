-- 081_site_currency: a site's own currency (the operator admin's Sites
-- screen sets name, address, time zone and currency); NULL: the operator's.
ALTER TABLE site
  ADD COLUMN currency CHAR(3) DEFAULT NULL COMMENT 'ISO 4217 code of the site''s prices; NULL: the operator''s';
