-- 092_api_keys: keys for the JSON API (/api/v1). An operator admin creates
-- them on /settings/api-keys; the key is shown once and only its hash is
-- kept (BLAKE2b of the 32 random bytes, like session tokens). A key reads,
-- or reads and writes, all of its operator's sites or only one. Last use
-- and the per-key rate window are kept on the row.
CREATE TABLE api_key (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'key id',
  operator_id BIGINT UNSIGNED NOT NULL COMMENT 'owner',
  name VARCHAR(100) NOT NULL COMMENT 'label given by the admin',
  prefix CHAR(8) NOT NULL COMMENT 'first characters of the key, to recognise it',
  token_hash BINARY(32) NOT NULL COMMENT 'BLAKE2b-256 of the key bytes',
  can_write TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: read and write; 0: read only',
  site_id BIGINT UNSIGNED DEFAULT NULL COMMENT 'restricted to this site; NULL: every site',
  created_by BIGINT UNSIGNED NOT NULL COMMENT 'the admin who created it',
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'creation',
  revoked_at TIMESTAMP NULL DEFAULT NULL COMMENT 'NULL: in use',
  last_used_at TIMESTAMP NULL DEFAULT NULL COMMENT 'last request with it',
  rl_window BIGINT NOT NULL DEFAULT 0 COMMENT 'rate limit: current window (unix minute)',
  rl_count INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'rate limit: requests in that window',
  PRIMARY KEY (id),
  UNIQUE KEY api_key_hash (token_hash),
  KEY api_key_operator (operator_id, id),
  CONSTRAINT fk_api_key_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
  CONSTRAINT fk_api_key_site FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='keys of the JSON API';
