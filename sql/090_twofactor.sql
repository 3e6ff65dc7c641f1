-- 090_twofactor: two-factor sign-in (TOTP, RFC 6238) for every user.
-- A user's secret is kept as raw bytes; totp_pending holds the secret of
-- an enrolment not yet confirmed with a code. totp_last_step is the last
-- time step whose code was accepted: a code of that step or an earlier one
-- is refused (no replay within the window). Recovery codes are kept only
-- as their crypto_generichash, each usable once. A session whose password
-- was right but whose code is still awaited has mfa_pending = 1: it opens
-- no page but the code step.
ALTER TABLE app_user
  ADD COLUMN totp_secret VARBINARY(20) DEFAULT NULL COMMENT 'TOTP secret (raw bytes) once two-factor sign-in is on; NULL: off',
  ADD COLUMN totp_pending VARBINARY(20) DEFAULT NULL COMMENT 'the secret of an enrolment awaiting its first code',
  ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0 COMMENT 'the last 30-second step whose code was accepted (replay guard)';
ALTER TABLE operator
  ADD COLUMN mfa_required TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: operator roles must use two-factor sign-in';
ALTER TABLE user_session
  ADD COLUMN mfa_pending TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: password checked, two-factor code awaited; opens nothing else';
CREATE TABLE user_recovery_code (
  user_id BIGINT UNSIGNED NOT NULL COMMENT 'whose',
  code_hash BINARY(32) NOT NULL COMMENT 'crypto_generichash of the normalised code; the code itself is never stored',
  used_at BIGINT DEFAULT NULL COMMENT 'unix seconds when used; NULL: still usable',
  PRIMARY KEY (user_id, code_hash),
  CONSTRAINT fk_recovery_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='two-factor recovery codes, hashed, each usable once';
