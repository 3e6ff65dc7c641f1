-- 041_usage_lines: usage charges (calls per destination group) become
-- invoice lines. A bill run writes one line per occupier, site, month of
-- usage and group, marked by usage_month and usage_group, and leaves out
-- what an invoice (draft or issued; not a credit note) already holds, so
-- the usage of a month is invoiced once. Discarding a draft deletes its
-- lines: the next run bills that usage again.

ALTER TABLE invoice_line
	ADD COLUMN usage_month INT NULL COMMENT 'usage lines: YYYYMM of the usage invoiced' AFTER credit_of_line,
	ADD COLUMN usage_group BIGINT UNSIGNED NULL COMMENT 'usage lines: the destination group (usage_group.id)' AFTER usage_month,
	ADD KEY invoice_line_usage (operator_id, usage_month, site_id, usage_group);
