-- 078_form_draft: a form posted after its session had ended (idle or too
-- old), kept for its user until the next sign-in brings it back un-saved
-- (the Manage services dialog), then deleted.
CREATE TABLE form_draft (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'draft id',
  operator_id BIGINT UNSIGNED NOT NULL COMMENT 'owner',
  user_id BIGINT UNSIGNED NOT NULL COMMENT 'whose session had ended',
  path VARCHAR(255) NOT NULL COMMENT 'the page the form was posted to',
  body MEDIUMTEXT NOT NULL COMMENT 'the form as posted, url-encoded, without its CSRF token',
  created_at BIGINT NOT NULL COMMENT 'unix seconds',
  PRIMARY KEY (id),
  KEY form_draft_user (user_id, path),
  CONSTRAINT fk_form_draft_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='forms kept over a sign-in';
