-- 093_api_idempotency: the Idempotency-Key of the JSON API's POSTs. A POST
-- that creates something writes its answer here in the same transaction
-- as what it created, so a retry with the same key (per API key) gets
-- that answer back and creates nothing twice; the same key with another
-- request (method, path, body) is refused. A refused POST writes nothing:
-- its retry runs again. Answers are kept a day (housekeeping purges them).
CREATE TABLE api_idempotency (
  api_key_id BIGINT UNSIGNED NOT NULL COMMENT 'the key that sent it',
  idem_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'the Idempotency-Key header',
  request_hash CHAR(64) NOT NULL COMMENT 'BLAKE2b-256 (hex) of method, path and body',
  status SMALLINT UNSIGNED NOT NULL COMMENT 'HTTP status of the answer',
  location VARCHAR(255) NOT NULL DEFAULT '' COMMENT 'Location header of the answer',
  etag VARCHAR(64) NOT NULL DEFAULT '' COMMENT 'ETag header of the answer',
  body MEDIUMTEXT NOT NULL COMMENT 'body of the answer (JSON)',
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'first request',
  PRIMARY KEY (api_key_id, idem_key),
  KEY api_idem_created (created_at),
  CONSTRAINT fk_api_idem_key FOREIGN KEY (api_key_id) REFERENCES api_key (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='answers of API POSTs by Idempotency-Key';
