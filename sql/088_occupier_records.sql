-- 088_occupier_records: the richer occupier record (legal name, company
-- number, up to three billing contacts beside the billing address and VAT
-- number of 040) and a contract's terms (value, notice period, deposit).
ALTER TABLE occupier
  ADD COLUMN legal_name VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'registered legal name (empty: not given)',
  ADD COLUMN company_no VARCHAR(20) NOT NULL DEFAULT '' COMMENT 'company registration number (empty: not given)',
  ADD COLUMN contact_name VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'name of the billing contact of contact_email',
  ADD COLUMN contact2_name VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'second billing contact: name',
  ADD COLUMN contact2_email VARCHAR(254) NOT NULL DEFAULT '' COMMENT 'second billing contact: e-mail (empty: none)',
  ADD COLUMN contact3_name VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'third billing contact: name',
  ADD COLUMN contact3_email VARCHAR(254) NOT NULL DEFAULT '' COMMENT 'third billing contact: e-mail (empty: none)';

ALTER TABLE contract
  ADD COLUMN value_minor BIGINT NOT NULL DEFAULT 0 COMMENT 'contract value a month, minor units of the site currency',
  ADD COLUMN notice_months INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'notice period in months',
  ADD COLUMN deposit_minor BIGINT NOT NULL DEFAULT 0 COMMENT 'deposit held, minor units of the site currency';
