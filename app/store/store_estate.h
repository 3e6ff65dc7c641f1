/*
 * store_estate: sites as the operator admin sets them up (ops/sites.c).
 * Inside the caller's transaction. Return convention (db.h): <0 error
 * (logged), 0 nothing found, >0 ok.
 */
#ifndef TENANTRY_STORE_ESTATE_H
#define TENANTRY_STORE_ESTATE_H

#include <stdint.h>

struct arena;

struct store_estate_site {
	int64_t		 id;
	const char	*name, *address;
	const char	*timezone;	/* "": the operator's */
	const char	*currency;	/* "": the operator's */
	int32_t		 archived;	/* day archived; DATE_NONE: in use */
};

/* Site id of op, locked: 1, 0 not op's. */
int	 store_estate_site_get(struct arena *, int64_t op, int64_t id,
	    struct store_estate_site *);
/* Another site of op (not id) has name: 1, 0 no. */
int	 store_estate_site_name_taken(struct arena *, int64_t op,
	    const char *name, int64_t id);
/* Insert (s->id 0; *id the new one) or update site s of op. 1, -1 error. */
int	 store_estate_site_put(int64_t op, const struct store_estate_site *s,
	    int64_t *id);

/* Site id of op under a shared lock: its name and archived day
 * (DATE_NONE: in use). 1, 0 not op's, -1 error. */
int	 store_estate_site_archived(struct arena *, int64_t op, int64_t id,
	    const char **name, int32_t *archived);
/* How many contracts of site id have not ended by day; -1 error. */
int64_t	 store_estate_site_running(struct arena *, int64_t op, int64_t id,
	    int32_t day);
/* Archive site id on day (DATE_NONE: restore it). 1, -1 error. */
int	 store_estate_site_archive(int64_t op, int64_t id, int32_t day);

/* How many of op's numbers (any site) fall in [first, last]; -1 error. */
int64_t	 store_estate_numbers_overlap(struct arena *, int64_t op,
	    int64_t first, int64_t last);
/* Add number (as written) to site's pool, available (marked ported in
 * when ported_in). 1, -1 error. */
int	 store_estate_number_insert(int64_t op, int64_t site,
	    const char *number, int ported_in);

#endif
