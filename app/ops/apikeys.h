/*
 * ops/apikeys: the JSON API's keys, created and revoked by operator
 * admins. See ops.h for the contract of every operation.
 */
#ifndef TENANTRY_OPS_APIKEYS_H
#define TENANTRY_OPS_APIKEYS_H

#include "ops.h"

/* "tnt_" and 64 hex digits: what a program sends as its Bearer token. */
#define APIKEY_PREFIX	"tnt_"
#define APIKEY_STRLEN	(4 + 64 + 1)

struct apikey_create_in {
	const char	*name;		/* checked by the page: 1 to 100 bytes */
	int		 can_write;
	int64_t		 site_id;	/* 0: every site */
};

struct apikey_create_out {
	struct ops_result	 why;
	int64_t			 id;
	char			 key[APIKEY_STRLEN];	/* shown once, never stored */
};

/*
 * Create a key of ctx's operator (its site, when given, must be one of the
 * operator's: else OPS_INVALID on "site_id"), with its audit event; only
 * the hash of the key is stored, the key itself comes back in out->key.
 */
int	 ops_apikey_create(struct ops_ctx *, const struct apikey_create_in *,
	    struct apikey_create_out *);

struct apikey_revoke_out {
	struct ops_result	 why;
};

/* Revoke key id of ctx's operator (OPS_NOT_FOUND otherwise; revoking a
 * revoked key changes nothing and succeeds), with its audit event. */
int	 ops_apikey_revoke(struct ops_ctx *, int64_t id,
	    struct apikey_revoke_out *);

/* The hash a presented key is looked up by: 0, or -1 when it is not of
 * the form of APIKEY_PREFIX and 64 hex digits. */
int	 ops_apikey_hash(const char *key, unsigned char hash[32]);

#endif
