/*
 * store_api: the JSON API's keys and its sync reads (sql_api.def). The
 * return convention of db.h: <0 error, 0 none, >0 ok.
 */
#ifndef TENANTRY_STORE_API_H
#define TENANTRY_STORE_API_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct store_apikey {
	int64_t		 id;
	const char	*name, *prefix;
	int		 can_write;
	int64_t		 site_id;	/* 0: every site */
	const char	*site_name;	/* list: "" every site */
	const char	*created, *last_used;	/* list: "YYYY-MM-DD HH:MM" or "" */
	int		 revoked;
};

/* A request's key, found by the hash of what it sent. */
struct store_apikey_auth {
	int64_t		 id, operator_id, site_id, created_by;
	int		 can_write, revoked;
	const char	*operator_name, *currency, *timezone;
};

int	 store_apikey_list(struct arena *, int64_t op, struct store_apikey **,
	    size_t *);
int	 store_apikey_auth(struct arena *, const unsigned char hash[32],
	    struct store_apikey_auth *);
/* Count a request in window (a unix minute) and record the use; *count:
 * the requests of the window so far, this one included. */
int	 store_apikey_use(struct arena *, int64_t id, int64_t window,
	    int64_t *count);

/* An occupier as the API gives it (updated: unix seconds). */
struct store_api_occupier {
	int64_t		 id, version, updated;
	const char	*name, *billing_ref, *contact_email, *notes;
};
/* Up to limit occupiers of op after id `after`, changed since `since`,
 * only those with a contract at site (0: any). */
int	 store_api_occupiers(struct arena *, int64_t op, int64_t site,
	    int64_t after, int64_t since, int64_t limit,
	    struct store_api_occupier **, size_t *);
int	 store_api_occupier(struct arena *, int64_t op, int64_t site,
	    int64_t id, struct store_api_occupier *);

/* The answer of an API POST by its Idempotency-Key (sql/093). */
struct store_api_idem {
	const char	*request_hash;	/* hex */
	int		 status;
	const char	*location, *etag, *body;	/* "" none */
};
int	 store_api_idem_get(struct arena *, int64_t key_id, const char *idem,
	    struct store_api_idem *);
/* In the transaction of the POST's change. */
int	 store_api_idem_put(int64_t key_id, const char *idem,
	    const struct store_api_idem *);

/* An external id of a record (sql/100): its integration and the id. */
struct store_extid {
	const char	*integration, *external_id;
};

/* Record entity ("occupier", "contract", "site") id's external ids, by
 * integration: 1 (*n may be 0), -1. */
int	 store_extid_list(struct arena *, int64_t op, const char *entity,
	    int64_t id, struct store_extid **, size_t *n);
/* The record of entity an external id names: 1 (*id), 0 none, -1. */
int	 store_extid_find(struct arena *, int64_t op, const char *entity,
	    const char *integration, const char *external_id, int64_t *id);
/* Give record id the external id in integration (external_id NULL:
 * none), replacing the one it had there: 1, -2 the id names another
 * record already, -1. */
int	 store_extid_set(int64_t op, const char *entity, int64_t id,
	    const char *integration, const char *external_id, int64_t now);

#endif
