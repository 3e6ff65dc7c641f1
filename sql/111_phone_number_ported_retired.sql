-- 111_phone_number_ported_retired: a number added on its own because it
-- was ported in from another provider is marked so (the Telephony screen
-- shows it; the audit event of its addition says it), and a number the
-- operator no longer offers can be retired (state 'retired': never
-- allocated, kept with its history, restorable). The state column is a
-- VARCHAR, so the new state needs only its comment.

ALTER TABLE phone_number
	ADD COLUMN ported_in TINYINT(1) NOT NULL DEFAULT 0
	    COMMENT '1: ported in from another provider (added on its own)' AFTER number,
	MODIFY COLUMN state VARCHAR(16) NOT NULL DEFAULT 'available'
	    COMMENT 'available, reserved, active, cooling_off, retired';
