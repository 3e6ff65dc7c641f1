-- 012_security: what an outside attack on a running build found.
--
-- Sign-in throttling over a decaying window. The old login_throttle kept one
-- count per account that only a success reset, so one wrong password every
-- five minutes kept any account locked for ever. Now every failure is a row
-- (email tried, client address, time); an attempt is refused while the last
-- 15 minutes hold 5 failures for that email from that address, 30 failures
-- from that address for any email, or 20 failures for that email from
-- anywhere — the last one only for addresses the account has never signed
-- in from successfully (login_known), so that an attacker elsewhere cannot
-- lock a user out of their usual address. Rows older than the window are
-- purged by the serve master.

DROP TABLE login_throttle;

CREATE TABLE login_failure (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'row id',
	email		VARCHAR(254) NOT NULL COMMENT 'account tried (lower case), known or not',
	addr		VARCHAR(64) NOT NULL COMMENT 'client address (REMOTE_ADDR)',
	at		BIGINT NOT NULL COMMENT 'unix seconds of the failed attempt',
	PRIMARY KEY (id),
	KEY login_failure_email (email, at),
	KEY login_failure_addr (addr, at),
	KEY login_failure_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='failed sign-ins and password checks, for the throttle window';

CREATE TABLE login_known (
	email		VARCHAR(254) NOT NULL COMMENT 'account (lower case)',
	addr		VARCHAR(64) NOT NULL COMMENT 'client address it signed in from',
	last_ok		BIGINT NOT NULL COMMENT 'unix seconds of the last successful sign-in from there',
	PRIMARY KEY (email, addr),
	KEY login_known_at (last_ok)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='addresses an account signed in from (90 days)';

-- Paces for actions that cost a password hash or create accounts (password
-- changes, new users, set-password links): a fixed window per key, where a
-- key names the action and a user or an operator ("pw:u:42", "user:o:1").
CREATE TABLE pace (
	pkey		VARCHAR(64) NOT NULL COMMENT 'action and who (user or operator)',
	window_start	BIGINT NOT NULL COMMENT 'unix seconds the current window began',
	n		INT UNSIGNED NOT NULL COMMENT 'actions in the current window',
	PRIMARY KEY (pkey),
	KEY pace_window (window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='rate limits of costly actions';

-- A user's e-mail is unique within its operator, not across Tenantry: one
-- operator can no longer learn, or block, the addresses of another's users.
-- Sign-in finds the accounts of an e-mail across operators and signs in to
-- the one whose password matches (README, Roles).
ALTER TABLE app_user
	DROP KEY user_email,
	ADD UNIQUE KEY user_email (operator_id, email, removed),
	ADD KEY user_login (email, removed),
	MODIFY email VARCHAR(254) NOT NULL COMMENT 'login, unique within the operator';
