-- 040_invoicing: invoices an operator sends. A bill run turns a month's
-- charge lines into draft invoices per occupier; staff edit and approve
-- them; approval gives a gap-free number per operator (invoice_counter,
-- locked FOR UPDATE in the approving transaction) and freezes the invoice
-- (the triggers below refuse any change to an issued invoice or its
-- lines, whoever writes). Corrections are credit notes, numbered on their
-- own. Months that are invoiced in full are locked (billing_period).
-- VAT rate and accounting codes per catalog service; exports to Xero,
-- QuickBooks Online and Sage 50. Money is BIGINT minor units (pence).
--
-- On a server with binary logging, creating triggers needs SUPER or
-- log_bin_trust_function_creators = 1 (see README, Configuration).

CREATE TABLE billing_settings (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	legal_name	VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'name printed as the seller (empty: the operator name)',
	address		VARCHAR(500) NOT NULL DEFAULT '' COMMENT 'seller postal address, one line per line',
	vat_number	VARCHAR(32) NOT NULL DEFAULT '' COMMENT 'seller VAT registration number',
	email		VARCHAR(254) NOT NULL DEFAULT '' COMMENT 'accounts contact printed on invoices',
	payment_details	VARCHAR(500) NOT NULL DEFAULT '' COMMENT 'how to pay (bank, sort code, account), printed on invoices',
	invoice_prefix	VARCHAR(16) NOT NULL DEFAULT 'INV-' COMMENT 'printed before an invoice sequence number',
	credit_prefix	VARCHAR(16) NOT NULL DEFAULT 'CN-' COMMENT 'printed before a credit note sequence number',
	terms_days	INT UNSIGNED NOT NULL DEFAULT 30 COMMENT 'default payment terms: due this many days after issue',
	xero_account	VARCHAR(16) NOT NULL DEFAULT '200' COMMENT 'Xero sales account code for lines without a service mapping',
	qbo_item	VARCHAR(100) NOT NULL DEFAULT 'Services' COMMENT 'QuickBooks Online product/service for lines without a service mapping',
	sage_nominal	VARCHAR(8) NOT NULL DEFAULT '4000' COMMENT 'Sage 50 nominal code for lines without a service mapping',
	version		INT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'optimistic lock for edits',
	PRIMARY KEY (operator_id),
	CONSTRAINT fk_billing_settings_operator FOREIGN KEY (operator_id) REFERENCES operator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='what an operator prints on its invoices';

CREATE TABLE invoice_counter (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	kind		VARCHAR(8) NOT NULL COMMENT 'invoice or credit: the next number; run: the bill runs'' lock row',
	next_seq	BIGINT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'the number the next approval takes; moves only in the approving transaction',
	PRIMARY KEY (operator_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='gap-free numbering per operator';

ALTER TABLE occupier
	ADD COLUMN billing_name VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'name invoices are addressed to (empty: the occupier name)',
	ADD COLUMN billing_address VARCHAR(500) NOT NULL DEFAULT '' COMMENT 'invoice address, one line per line',
	ADD COLUMN vat_number VARCHAR(32) NOT NULL DEFAULT '' COMMENT 'the occupier VAT registration number, printed on invoices',
	ADD COLUMN payment_terms_days INT UNSIGNED NULL COMMENT 'days to pay an invoice; NULL: the operator default';

ALTER TABLE service
	ADD COLUMN vat_rate VARCHAR(8) NOT NULL DEFAULT 'standard' COMMENT 'standard (20 %), zero or exempt',
	ADD COLUMN xero_account VARCHAR(16) NOT NULL DEFAULT '' COMMENT 'Xero account code (empty: the operator default)',
	ADD COLUMN xero_tax_type VARCHAR(64) NOT NULL DEFAULT '' COMMENT 'Xero tax rate name (empty: from the VAT rate)',
	ADD COLUMN qbo_item VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'QuickBooks Online product/service (empty: the operator default)',
	ADD COLUMN qbo_tax_code VARCHAR(32) NOT NULL DEFAULT '' COMMENT 'QuickBooks Online tax code (empty: from the VAT rate)',
	ADD COLUMN sage_nominal VARCHAR(8) NOT NULL DEFAULT '' COMMENT 'Sage 50 nominal code (empty: the operator default)',
	ADD COLUMN sage_tax_code VARCHAR(4) NOT NULL DEFAULT '' COMMENT 'Sage 50 tax code (empty: T1, T0 or T2 from the VAT rate)';

CREATE TABLE bill_run (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'run id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NULL COMMENT 'the site billed; NULL: all sites',
	period		DATE NOT NULL COMMENT 'first day of the month billed',
	mode		VARCHAR(8) NOT NULL COMMENT 'arrears (a month that has ended) or advance (this or next month)',
	state		VARCHAR(8) NOT NULL DEFAULT 'running' COMMENT 'running, or done; a run that stays running was interrupted',
	occupiers_done	INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'occupiers looked at so far',
	invoices	INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'draft invoices created',
	nlines		INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'lines on them',
	net		BIGINT NOT NULL DEFAULT 0 COMMENT 'their net total (minor units)',
	created_by	BIGINT UNSIGNED NULL COMMENT 'user who ran it',
	started_at	TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) COMMENT 'start',
	finished_at	TIMESTAMP(3) NULL COMMENT 'end, NULL while running or interrupted',
	PRIMARY KEY (id),
	KEY bill_run_operator (operator_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='one bill run of an operator';

CREATE TABLE billing_period (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site',
	month		DATE NOT NULL COMMENT 'first day of the month',
	state		VARCHAR(8) NOT NULL COMMENT 'billed: invoiced in advance, changes become adjustments; closed: invoiced in full after it ended, locked',
	run_id		BIGINT UNSIGNED NOT NULL COMMENT 'the run that set the state',
	PRIMARY KEY (operator_id, site_id, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='which months are invoiced at each site';

CREATE TABLE invoice (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'invoice or credit note id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner (the seller)',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'the occupier billed',
	kind		VARCHAR(8) NOT NULL DEFAULT 'invoice' COMMENT 'invoice or credit (a credit note)',
	status		VARCHAR(8) NOT NULL DEFAULT 'draft' COMMENT 'draft (editable) or issued (numbered, never changes)',
	run_id		BIGINT UNSIGNED NULL COMMENT 'the bill run that made the draft',
	site_id		BIGINT UNSIGNED NULL COMMENT 'the run''s site; NULL: all sites',
	period		DATE NULL COMMENT 'first day of the month billed',
	mode		VARCHAR(8) NOT NULL DEFAULT '' COMMENT 'arrears or advance (runs); empty for credit notes',
	credit_of	BIGINT UNSIGNED NULL COMMENT 'credit notes: the invoice credited',
	seq		BIGINT UNSIGNED NULL COMMENT 'sequence number, gap-free per operator and kind, given at approval',
	number		VARCHAR(48) NULL COMMENT 'printed number: prefix at approval + seq',
	issue_date	DATE NULL COMMENT 'date of issue (the tax point)',
	due_date	DATE NULL COMMENT 'payment due',
	bill_name	VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'occupier billing name, copied at approval',
	bill_address	VARCHAR(500) NOT NULL DEFAULT '' COMMENT 'occupier billing address, copied at approval',
	bill_vat	VARCHAR(32) NOT NULL DEFAULT '' COMMENT 'occupier VAT number, copied at approval',
	bill_ref	VARCHAR(64) NOT NULL DEFAULT '' COMMENT 'occupier billing reference, copied at approval',
	bill_email	VARCHAR(254) NOT NULL DEFAULT '' COMMENT 'occupier billing contact, copied at approval',
	seller_name	VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'operator legal name, copied at approval',
	seller_address	VARCHAR(500) NOT NULL DEFAULT '' COMMENT 'operator address, copied at approval',
	seller_vat	VARCHAR(32) NOT NULL DEFAULT '' COMMENT 'operator VAT number, copied at approval',
	seller_email	VARCHAR(254) NOT NULL DEFAULT '' COMMENT 'operator accounts contact, copied at approval',
	seller_payment	VARCHAR(500) NOT NULL DEFAULT '' COMMENT 'payment details, copied at approval',
	currency	CHAR(3) NOT NULL DEFAULT 'GBP' COMMENT 'ISO 4217 code of every amount',
	net		BIGINT NOT NULL DEFAULT 0 COMMENT 'sum of the lines'' net (minor units)',
	vat		BIGINT NOT NULL DEFAULT 0 COMMENT 'sum of the lines'' VAT',
	gross		BIGINT NOT NULL DEFAULT 0 COMMENT 'net + VAT',
	credited	BIGINT NOT NULL DEFAULT 0 COMMENT 'invoices: gross of the credit notes against it',
	paid		BIGINT NOT NULL DEFAULT 0 COMMENT 'invoices: payments marked',
	exported_at	TIMESTAMP NULL COMMENT 'last export to an accounting system, NULL: never',
	version		INT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'optimistic lock for draft edits, payments and credits',
	created_by	BIGINT UNSIGNED NULL COMMENT 'user who ran the bill run or made the credit note',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'row creation',
	issued_by	BIGINT UNSIGNED NULL COMMENT 'user who approved it',
	issued_at	TIMESTAMP NULL COMMENT 'approval',
	PRIMARY KEY (id),
	UNIQUE KEY invoice_number (operator_id, kind, seq),
	UNIQUE KEY invoice_run (run_id, occupier_id),
	KEY invoice_list (operator_id, id),
	KEY invoice_occupier (operator_id, occupier_id, kind),
	KEY invoice_issue (operator_id, status, issue_date),
	KEY invoice_credit_of (credit_of),
	CONSTRAINT fk_invoice_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id),
	CONSTRAINT ck_invoice_issued CHECK (status = 'draft' OR (seq IS NOT NULL AND number IS NOT NULL AND issue_date IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='invoices and credit notes';

CREATE TABLE invoice_line (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'line id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	invoice_id	BIGINT UNSIGNED NOT NULL COMMENT 'the invoice or credit note',
	line_no		INT UNSIGNED NOT NULL COMMENT 'order on the document',
	kind		VARCHAR(8) NOT NULL COMMENT 'charge (the month), adjust (an earlier month), oneoff, discount, credit',
	occsvc_id	BIGINT UNSIGNED NULL COMMENT 'charge/adjust: the occupier service charged',
	service_id	BIGINT UNSIGNED NULL COMMENT 'catalog service (its accounting codes)',
	site_id		BIGINT UNSIGNED NULL COMMENT 'site of the service',
	service_month	DATE NULL COMMENT 'charge/adjust: first day of the month the line charges',
	description	VARCHAR(300) NOT NULL COMMENT 'what is charged, as printed',
	from_day	DATE NULL COMMENT 'first day charged',
	to_day		DATE NULL COMMENT 'last day charged',
	days		INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'days charged (0: not prorated)',
	dim		INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'days in the month',
	unit_price	BIGINT NOT NULL COMMENT 'price per unit per month (minor units)',
	qty		BIGINT NOT NULL COMMENT 'units',
	net		BIGINT NOT NULL COMMENT 'net amount, signed: a reversal of a line invoiced before or a discount is negative',
	vat_rate	VARCHAR(8) NOT NULL COMMENT 'standard, zero or exempt',
	vat_bp		INT UNSIGNED NOT NULL COMMENT 'VAT rate in basis points (2000 = 20 %)',
	vat		BIGINT NOT NULL COMMENT 'VAT of this line, rounded half-up',
	credit_of_line	BIGINT UNSIGNED NULL COMMENT 'credit note lines: the invoice line credited (once at most)',
	PRIMARY KEY (id),
	UNIQUE KEY invoice_line_credit (credit_of_line),
	KEY invoice_line_invoice (invoice_id, line_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='lines of invoices and credit notes';

CREATE TABLE invoice_payment (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'payment id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	invoice_id	BIGINT UNSIGNED NOT NULL COMMENT 'the invoice paid',
	paid_on		DATE NOT NULL COMMENT 'day the money arrived',
	amount		BIGINT NOT NULL COMMENT 'minor units',
	reference	VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'bank reference',
	created_by	BIGINT UNSIGNED NULL COMMENT 'user who marked it',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'row creation',
	PRIMARY KEY (id),
	KEY invoice_payment_invoice (operator_id, invoice_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='payments marked against invoices';

CREATE TABLE invoice_export (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'export id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	format		VARCHAR(8) NOT NULL COMMENT 'xero, qbo or sage',
	month_from	DATE NOT NULL COMMENT 'first month (issue dates) exported',
	month_to	DATE NOT NULL COMMENT 'last month exported',
	documents	INT UNSIGNED NOT NULL COMMENT 'invoices and credit notes in it',
	created_by	BIGINT UNSIGNED NULL COMMENT 'user who exported',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'when',
	PRIMARY KEY (id),
	KEY invoice_export_operator (operator_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='exports to accounting systems';

CREATE TABLE invoice_export_doc (
	export_id	BIGINT UNSIGNED NOT NULL COMMENT 'the export',
	invoice_id	BIGINT UNSIGNED NOT NULL COMMENT 'an invoice or credit note in it',
	PRIMARY KEY (export_id, invoice_id),
	KEY invoice_export_doc_invoice (invoice_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='documents of each export (its file can be downloaded again)';

-- An issued invoice never changes: only what happens to it afterwards
-- (payments, credits, exports, and the version that guards them) moves.
-- Its lines are neither updated nor removed. (Lines are added to drafts
-- only, by every path under the invoice's row lock; a BEFORE INSERT trigger
-- checking the invoice per line doubled the bill run's insert time, so
-- that one is the application's.)
CREATE TRIGGER invoice_issued_frozen BEFORE UPDATE ON invoice FOR EACH ROW
	IF OLD.status = 'issued' AND NOT (NEW.status <=> OLD.status
	AND NEW.operator_id <=> OLD.operator_id AND NEW.occupier_id <=> OLD.occupier_id
	AND NEW.kind <=> OLD.kind AND NEW.run_id <=> OLD.run_id AND NEW.site_id <=> OLD.site_id
	AND NEW.period <=> OLD.period AND NEW.mode <=> OLD.mode AND NEW.credit_of <=> OLD.credit_of
	AND NEW.seq <=> OLD.seq AND NEW.number <=> OLD.number
	AND NEW.issue_date <=> OLD.issue_date AND NEW.due_date <=> OLD.due_date
	AND NEW.bill_name <=> OLD.bill_name AND NEW.bill_address <=> OLD.bill_address
	AND NEW.bill_vat <=> OLD.bill_vat AND NEW.bill_ref <=> OLD.bill_ref AND NEW.bill_email <=> OLD.bill_email
	AND NEW.seller_name <=> OLD.seller_name AND NEW.seller_address <=> OLD.seller_address
	AND NEW.seller_vat <=> OLD.seller_vat AND NEW.seller_email <=> OLD.seller_email
	AND NEW.seller_payment <=> OLD.seller_payment AND NEW.currency <=> OLD.currency
	AND NEW.net <=> OLD.net AND NEW.vat <=> OLD.vat AND NEW.gross <=> OLD.gross
	AND NEW.created_by <=> OLD.created_by AND NEW.created_at <=> OLD.created_at
	AND NEW.issued_by <=> OLD.issued_by AND NEW.issued_at <=> OLD.issued_at)
	THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an issued invoice never changes'; END IF;

CREATE TRIGGER invoice_issued_kept BEFORE DELETE ON invoice FOR EACH ROW
	IF OLD.status = 'issued' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an issued invoice is never deleted'; END IF;

CREATE TRIGGER invoice_line_frozen BEFORE UPDATE ON invoice_line FOR EACH ROW
	SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'invoice lines never change: remove and add';

CREATE TRIGGER invoice_line_kept BEFORE DELETE ON invoice_line FOR EACH ROW
	IF (SELECT status FROM invoice WHERE id = OLD.invoice_id) = 'issued' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'lines of an issued invoice are never removed'; END IF;
