-- 005_accounts: team members and occupier users. An invited user
-- gets a random, unknown password and a one-time set-password link; only a
-- hash of the link's token is kept. A removed user keeps its row (history
-- and cases still name it) but frees its email for a new user.

ALTER TABLE app_user
	ADD COLUMN invited TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1 until the user sets a password through a set-password link' AFTER disabled,
	ADD COLUMN removed BIGINT UNSIGNED NOT NULL DEFAULT 0 COMMENT '0 while the user exists; its own id once removed, which frees the email' AFTER invited,
	DROP KEY user_email,
	ADD UNIQUE KEY user_email (email, removed);

CREATE TABLE user_token (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'token id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner (the user operator)',
	user_id		BIGINT UNSIGNED NOT NULL COMMENT 'whose password the link sets',
	token_hash	BINARY(32) NOT NULL COMMENT 'crypto_generichash of the 32-byte token in the link; the token itself is never stored',
	created_at	BIGINT NOT NULL COMMENT 'unix seconds',
	expires_at	BIGINT NOT NULL COMMENT 'unix seconds; the link is dead from then on',
	used_at		BIGINT NULL COMMENT 'unix seconds when the password was set; NULL while unused',
	created_by	BIGINT UNSIGNED NULL COMMENT 'user who issued the link',
	PRIMARY KEY (id),
	UNIQUE KEY user_token_hash (token_hash),
	KEY user_token_user (operator_id, user_id),
	CONSTRAINT fk_user_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='one-time set-password links';
