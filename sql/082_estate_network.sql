-- 082_estate_network: the estate an operator admin sets up itself.
-- Spaces (offices, suites, desks) on a floor with a capacity, held by
-- contracts (a contract holds zero or more spaces, a space at most one
-- running contract at a time: checked by ops/estate_spaces.c); a floor
-- port may belong to a space. Switches by name with their port count
-- (floor_port.switch_name names one of its site's). Public IPv4 pools as
-- added in CIDR, split into /29 blocks in public_ip.
CREATE TABLE space (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'space id',
  operator_id BIGINT UNSIGNED NOT NULL COMMENT 'owner',
  site_id BIGINT UNSIGNED NOT NULL COMMENT 'building (denormalised for scoping)',
  floor_id BIGINT UNSIGNED NOT NULL COMMENT 'floor it is on',
  name VARCHAR(100) NOT NULL COMMENT 'e.g. Office 3.12',
  kind VARCHAR(16) NOT NULL COMMENT 'office, suite or desk',
  capacity INT UNSIGNED NOT NULL COMMENT 'people it seats',
  archived TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: no longer offered (never held, no ports)',
  PRIMARY KEY (id),
  UNIQUE KEY space_name (floor_id, name),
  KEY space_site (operator_id, site_id, floor_id),
  CONSTRAINT fk_space_floor FOREIGN KEY (floor_id) REFERENCES floor (id),
  CONSTRAINT fk_space_site FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='an office, suite or desk on a floor';

CREATE TABLE contract_space (
  operator_id BIGINT UNSIGNED NOT NULL COMMENT 'owner',
  contract_id BIGINT UNSIGNED NOT NULL COMMENT 'the contract',
  space_id BIGINT UNSIGNED NOT NULL COMMENT 'a space it holds',
  PRIMARY KEY (contract_id, space_id),
  KEY contract_space_space (space_id),
  CONSTRAINT fk_contract_space_contract FOREIGN KEY (contract_id) REFERENCES contract (id),
  CONSTRAINT fk_contract_space_space FOREIGN KEY (space_id) REFERENCES space (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='spaces a contract holds';

ALTER TABLE floor_port
  ADD COLUMN space_id BIGINT UNSIGNED DEFAULT NULL COMMENT 'space the wall port is in, NULL: none',
  ADD CONSTRAINT fk_port_space FOREIGN KEY (space_id) REFERENCES space (id);

CREATE TABLE network_switch (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'switch id',
  operator_id BIGINT UNSIGNED NOT NULL COMMENT 'owner',
  site_id BIGINT UNSIGNED NOT NULL COMMENT 'building',
  name VARCHAR(64) NOT NULL COMMENT 'name floor_port.switch_name refers to',
  model VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'make and model',
  ports INT UNSIGNED NOT NULL COMMENT 'ports numbered 1..ports',
  PRIMARY KEY (id),
  UNIQUE KEY switch_name (site_id, name),
  KEY switch_operator (operator_id, site_id),
  CONSTRAINT fk_switch_site FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='an access switch of a site';

-- The switches existing floor ports name.
INSERT INTO network_switch (operator_id, site_id, name, model, ports)
  SELECT operator_id, site_id, switch_name, '', GREATEST(48, MAX(switch_port))
  FROM floor_port GROUP BY operator_id, site_id, switch_name;

CREATE TABLE ip_pool (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'pool id',
  operator_id BIGINT UNSIGNED NOT NULL COMMENT 'owner',
  site_id BIGINT UNSIGNED NOT NULL COMMENT 'site whose pool it feeds',
  cidr VARCHAR(18) NOT NULL COMMENT 'as added, e.g. 203.0.113.0/24',
  first_addr INT UNSIGNED NOT NULL COMMENT 'network address as a number',
  last_addr INT UNSIGNED NOT NULL COMMENT 'broadcast address as a number',
  PRIMARY KEY (id),
  KEY ip_pool_range (operator_id, first_addr, last_addr),
  KEY ip_pool_site (site_id),
  CONSTRAINT fk_ip_pool_site FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='public IPv4 blocks added to a site''s pool';
