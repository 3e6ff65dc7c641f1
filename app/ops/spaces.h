/*
 * ops/spaces: floors and spaces (offices, suites, desks) of a site, set
 * up by operator admins, and the spaces a contract holds (staff). A
 * contract holds zero or more spaces; a space is held by at most one
 * contract at a time (no two contracts whose dates meet, unless one has
 * moved out). See ops.h for the contract of every operation.
 */
#ifndef TENANTRY_OPS_SPACES_H
#define TENANTRY_OPS_SPACES_H

#include "../store/store_space.h"
#include "ops.h"

/* Space kinds, the stored values (NULL-terminated). */
extern const char *const space_kinds[];

struct floor_add_in {
	int64_t		 site;
	const char	*name;
	int64_t		 level;		/* sort order, 0: ground */
};

struct floor_add_out {
	struct ops_result	 why;
	int64_t			 id;	/* the new floor */
};

/*
 * Add a floor to site (of ctx's operator), audited: a name another floor
 * of the site has is refused (OPS_INVALID, "name"); an unknown site is
 * OPS_NOT_FOUND.
 */
int	 ops_floor_add(struct ops_ctx *, const struct floor_add_in *,
	    struct floor_add_out *);

struct space_save_in {
	int64_t		 site;
	int64_t		 id;		/* 0: a new space */
	int64_t		 floor;
	const char	*name, *kind;	/* kind: one of space_kinds */
	int64_t		 capacity;
};

/*
 * Create or change a space of site, in one transaction with its audit
 * event: a name another space of the floor has is refused (OPS_INVALID,
 * "name"); an unknown site, floor or space is OPS_NOT_FOUND.
 */
int	 ops_space_save(struct ops_ctx *, const struct space_save_in *,
	    struct ops_result *);

/*
 * Archive a space of site that no contract ever held and no port is in,
 * audited: one in use is OPS_CONFLICT (a message for the page); an
 * unknown one OPS_NOT_FOUND.
 */
int	 ops_space_archive(struct ops_ctx *, int64_t site, int64_t id,
	    struct ops_result *);

struct contract_space_in {
	int64_t		 occupier, contract, space;
	int		 assign;	/* 1 assign, 0 unassign */
};

/*
 * Assign a space of the contract's site to the contract (or unassign
 * it), audited: an archived space, or one another contract holds over
 * dates that meet this one's, is refused (OPS_INVALID, "space"); an
 * unknown contract (or not occupier's), space, or a space the contract
 * does not hold (unassign) is OPS_NOT_FOUND.
 */
int	 ops_contract_space(struct ops_ctx *, const struct contract_space_in *,
	    struct ops_result *);

struct port_space_in {
	int64_t		 site, port;
	int64_t		 space;		/* 0: in no space */
};

/*
 * Put floor port port of site in space (or in none), audited: an
 * archived space is refused (OPS_INVALID, "space"); an unknown site, port
 * or space (or one of another site) is OPS_NOT_FOUND. *label: the port's.
 */
int	 ops_port_space(struct ops_ctx *, const struct port_space_in *,
	    struct ops_result *, const char **label);

#endif
