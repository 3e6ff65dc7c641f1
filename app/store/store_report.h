/*
 * store_report: the reports' pages and kept totals (sql_report.def).
 * Return convention (db.h): <0 error (logged), 0 nothing, >0 ok.
 */
#ifndef TENANTRY_STORE_REPORT_H
#define TENANTRY_STORE_REPORT_H

#include <stddef.h>
#include <stdint.h>

struct arena;

/* An occupier as a paging key: its id and name. */
struct store_occ_key {
	int64_t		 id;
	const char	*name;
};

/* The occupier id of op as a paging key: 1 found, 0 not op's, -1 error. */
int	 store_report_occ_key(struct arena *, int64_t op, int64_t id,
	    struct store_occ_key *out);
/*
 * Up to limit occupiers of op charged in the month [first, last] (day
 * numbers) after key (NULL: from the first) in name order, or, before 1,
 * the ones before key, nearest first. 1 ok, -1 error.
 */
int	 store_report_charged(struct arena *, int64_t op, int32_t first,
	    int32_t last, const struct store_occ_key *key, int before,
	    size_t limit, struct store_occ_key **out, size_t *n);
/* Up to limit occupiers of op after key (NULL: from the first), charged or
 * not, in name order: a chunk of the CSV. 1 ok, -1 error. */
int	 store_report_occupiers(struct arena *, int64_t op,
	    const struct store_occ_key *key, size_t limit,
	    struct store_occ_key **out, size_t *n);

/* A month's totals: per site, and the grand total (site_id 0). */
struct store_charge_total {
	int64_t		 site_id;
	const char	*site_name;
	int64_t		 nlines, noccupiers, amount;
};

/*
 * The totals of the complete month [first, last] of op: the kept ones, or
 * computed by the one aggregate statement and kept (sql/072 says how they
 * stay true). Sites by name, the grand total last (always there: zeros for
 * a month without charges). 1 ok, -1 error.
 */
int	 store_report_charge_totals(struct arena *, int64_t op, int32_t first,
	    int32_t last, struct store_charge_total **out, size_t *n);

/* A group of the Active services report: a site and a catalog service. */
struct store_active_group {
	int64_t		 site_id, service_id;
	const char	*site_name, *service_name;
	int64_t		 cost, rrp;		/* per unit, the catalog's */
	int64_t		 qty, price_total, cost_total;
};

/* The day's totals: per site, and in all (the last row, site_id 0). */
struct store_active_total {
	int64_t		 site_id;
	const char	*site_name;
	int64_t		 ngroups, nservices, qty, price_total, cost_total;
};

/* Make sure the groups of op's services active on day are kept (the one
 * aggregate, sql/073). 1 ok, -1 error. */
int	 store_report_active_keep(struct arena *, int64_t op, int32_t day);
/*
 * Up to limit kept groups of the day in site name and catalog order: the
 * first ones (key_site 0), the ones after group (key_site, key_service),
 * or, before 1, the ones before it, nearest first. 1 ok, -1 error.
 */
int	 store_report_active_page(struct arena *, int64_t op, int32_t day,
	    int64_t key_site, int64_t key_service, int before, size_t limit,
	    struct store_active_group **out, size_t *n);
/* The day's totals from the kept groups, sites by name, the total last
 * (always there). 1 ok, -1 error. */
int	 store_report_active_totals(struct arena *, int64_t op, int32_t day,
	    struct store_active_total **out, size_t *n);

struct store_active;
/* Each occupier service of op active on day, in site name, catalog and
 * occupier name order, handed to fn as it is fetched (its texts live until
 * fn returns; fn returns -1 to stop): the full CSV, in bounded memory, read
 * a kept group (store_report_active_keep first) at a time. >=0 rows, -1
 * error or stopped. */
int	 store_report_active_each(struct arena *, int64_t op, int32_t day,
	    int (*fn)(void *, const struct store_active *), void *ctx);

#endif
