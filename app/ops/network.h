/*
 * ops/network: the operator admin's network estate of a site: switches,
 * floor ports added by a label pattern or imported from CSV, public IPv4
 * pools. See ops.h for the contract of every operation, domain/network.h
 * for the rules of patterns and blocks.
 */
#ifndef TENANTRY_OPS_NETWORK_H
#define TENANTRY_OPS_NETWORK_H

#include "../store/store_network.h"
#include "ops.h"

/* Site id of the transaction's operator: 1, 0 refused (OPS_NOT_FOUND in
 * *why), -1 store error. */
int	 ops_net_site(struct txn *, int64_t id, struct ops_result *why);

struct switch_add_in {
	int64_t		 site;
	const char	*name, *model;
	int64_t		 ports;		/* 1..NET_PORT_MAX, the page checked */
};

struct switch_add_out {
	struct ops_result	 why;
};

/*
 * Add a switch to site (of ctx's operator), in one transaction with its
 * audit event: a name another switch of the site has is refused
 * (OPS_INVALID, "name"); an unknown site is OPS_NOT_FOUND.
 */
int	 ops_switch_add(struct ops_ctx *, const struct switch_add_in *,
	    struct switch_add_out *);

struct ports_range_in {
	int64_t		 site, floor;
	const char	*pattern;	/* "CW-3-{01..48}" */
	const char	*sw;		/* switch name */
	const char	*ports;		/* "1-48" */
	const char	*role;		/* a port_role key */
};

struct ports_range_out {
	struct ops_result	 why;
	int64_t			 added;
};

/*
 * Add the floor ports a label pattern gives onto a range of a switch's
 * ports (the first label on the first port), unassigned and inactive, in
 * one transaction with one audit event: a bad pattern or range, counts
 * that differ, a switch the site does not have or ports past its last,
 * a label or switch port the site already has are refused by their field
 * (OPS_INVALID); an unknown site or floor is OPS_NOT_FOUND.
 */
int	 ops_ports_add_range(struct ops_ctx *, const struct ports_range_in *,
	    struct ports_range_out *);

/* One row of a ports CSV, as read and checked. */
struct port_row {
	size_t		 line;
	const char	*label, *sw, *role, *space;
	int64_t		 port;
	int64_t		 space_id;	/* 0: none */
};

#define PORTS_IMPORT_MAX	512	/* rows in one file */

struct ports_import_in {
	int64_t		 site, floor;
	const char	*data;
	size_t		 len;
	int		 commit;	/* 0: check and preview only */
};

struct ports_import_out {
	struct ops_result	 why;	/* OPS_INVALID: errors by line */
	struct port_row		*rows;
	size_t			 nrows;
	/* Row-level errors: line (0: the file) and message. */
	size_t			 nerr;
	size_t			 err_line[OPS_MSGS_MAX];
	const char		*err_msg[OPS_MSGS_MAX];
};

/*
 * Check a CSV of floor ports (label, switch, port, role, space; a header
 * line starting "label" is skipped) for floor of site, and with commit
 * add every row, in one transaction with one audit event, or none: any
 * bad row (a malformed field, a label or switch port twice in the file
 * or already at the site, a switch the site does not have or a port past
 * its last, a space not on the floor) refuses the whole file with the
 * errors by line (OPS_INVALID); an unknown site or floor is OPS_NOT_FOUND.
 * Without commit nothing is written and out->rows is the preview.
 */
int	 ops_ports_import(struct ops_ctx *, const struct ports_import_in *,
	    struct ports_import_out *);

struct ip_pool_add_in {
	int64_t		 site;
	const char	*cidr;		/* "203.0.113.0/24" */
};

struct ip_pool_add_out {
	struct ops_result	 why;
	int64_t			 blocks, addresses;
};

/*
 * Add an IPv4 block to site's public IP pool, split into /29 blocks of 5
 * usable addresses each (free), in one transaction with one audit event:
 * a malformed block, or one sharing an address with any pool of any of
 * the operator's sites, is refused (OPS_INVALID, "cidr"); an unknown site
 * is OPS_NOT_FOUND.
 */
int	 ops_ip_pool_add(struct ops_ctx *, const struct ip_pool_add_in *,
	    struct ip_pool_add_out *);

#endif
