-- 099_ipv6: IPv6 prefixes a site delegates to its occupiers. A pool is a
-- prefix (16 bytes and its length, a /32 to a /60) split into /56 or /64
-- prefixes numbered 0.. within it; a delegation records only the index of
-- the prefix given out (a /48 of /64s is 65 536 prefixes: none of them is
-- written until delegated). The lowest free index is given out first.
CREATE TABLE ipv6_pool (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'pool id',
  operator_id BIGINT UNSIGNED NOT NULL COMMENT 'owner',
  site_id BIGINT UNSIGNED NOT NULL COMMENT 'site whose occupiers it feeds',
  prefix BINARY(16) NOT NULL COMMENT 'network address of the pool',
  prefix_len TINYINT UNSIGNED NOT NULL COMMENT 'its length, 32..60',
  delegation_len TINYINT UNSIGNED NOT NULL COMMENT 'length of each delegated prefix, 56 or 64',
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'when added',
  PRIMARY KEY (id),
  KEY ipv6_pool_operator (operator_id, site_id),
  CONSTRAINT fk_ipv6_pool_site FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='IPv6 prefix of a site split into delegations';

CREATE TABLE ipv6_delegation (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'delegation id',
  operator_id BIGINT UNSIGNED NOT NULL COMMENT 'owner',
  site_id BIGINT UNSIGNED NOT NULL COMMENT 'site of the pool (denormalised for scoping)',
  pool_id BIGINT UNSIGNED NOT NULL COMMENT 'the pool',
  idx INT UNSIGNED NOT NULL COMMENT 'index of the delegated prefix within the pool',
  occupier_id BIGINT UNSIGNED NOT NULL COMMENT 'occupier it is delegated to',
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'when delegated',
  PRIMARY KEY (id),
  UNIQUE KEY ipv6_delegation_idx (pool_id, idx),
  KEY ipv6_delegation_site (operator_id, site_id, occupier_id),
  KEY ipv6_delegation_occupier (occupier_id),
  CONSTRAINT fk_ipv6_delegation_pool FOREIGN KEY (pool_id) REFERENCES ipv6_pool (id),
  CONSTRAINT fk_ipv6_delegation_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='an IPv6 prefix delegated to an occupier';
