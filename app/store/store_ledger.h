/*
 * store_ledger: the charge ledger in MariaDB (sql/020_charge_ledger.sql),
 * each occupier service's price and QTY over time as effective-dated rows
 * (domain/ledger.h says what a row means and how a change is recorded).
 *
 * Writers: the Manage services save writes a service's rows in the same
 * transaction as the service (a new service opens a row, a price or QTY
 * change closes the row in force and opens the next, a removal closes it;
 * a service deleted before it started loses its rows with it), and the
 * demo seed likewise. Nothing else writes the ledger, and nothing rewrites
 * a day that is over.
 *
 * Readers: store_ledger_month gives the rows of a month with their
 * services; pages/billing.h turns them into charge lines (the Charges tab,
 * the Occupier Service Charges report, and what a bill run invoices).
 *
 * Return convention (db.h): <0 error (logged), 0 nothing, >0 ok.
 */
#ifndef TENANTRY_STORE_LEDGER_H
#define TENANTRY_STORE_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/ledger.h"

struct arena;

/* ---- writes: rows queued and written up to four to a statement ---- */

#define STORE_LEDGER_BATCH 4

struct store_ledger_put {
	int64_t			 occupier_id, site_id;
	struct ledger_row	 row;
};

struct store_ledger_batch {
	int64_t			 operator_id;
	size_t			 n;
	struct store_ledger_put	 p[STORE_LEDGER_BATCH];
};

void	 store_ledger_begin(struct store_ledger_batch *, int64_t operator_id);
/* Queue row (of a service of occupier occ at site) to be written, keyed by
 * (service, row.from): a new row, or the values and end of an existing
 * one. Flushes a full batch first: 1 ok, -1 error. */
int	 store_ledger_queue(struct store_ledger_batch *, int64_t occ,
	    int64_t site, const struct ledger_row *row);
/* Write what is queued (inside the caller's transaction). 1 written, 0
 * nothing queued, -1 error. */
int	 store_ledger_flush(struct store_ledger_batch *);

/* ---- reads ---- */

/* A service charged in a month, with its ledger rows in that month. */
struct store_ledger_svc {
	int64_t			 id;		/* occupier_service */
	int64_t			 occ_id;
	const char		*occ_name;
	int64_t			 site_id;
	const char		*site_name;
	int64_t			 service_id;	/* catalog service */
	const char		*service_name;
	int32_t			 activated;	/* charge window [activated, ended) */
	int32_t			 ended;		/* DATE_NONE: goes on */
	const struct ledger_row	*rows;		/* by day, in force in the month */
	size_t			 nrows;
};

/*
 * The services of operator op charged in the month [first, last] (day
 * numbers), with the ledger rows in force on its days: of occupier occ at
 * site site (both given), or of every occupier (occ 0) at every site (site
 * 0) or one. In occupier name, site name and catalog order. A few
 * single-table scans through an index (the ledger's rows of the month, the
 * services charged in it, the names), merged in C: never a statement per
 * service. Arrays and strings in arena a. 1 ok (n may be 0), -1 error.
 */
int	 store_ledger_month(struct arena *a, int64_t op, int64_t occ,
	    int64_t site, int32_t first, int32_t last,
	    struct store_ledger_svc **out, size_t *n);
/* The same for the occupiers with ids in [lo, hi] at site (0: every
 * site): a bill run's chunk, bounded memory for any number of occupiers.
 * In occupier id, site name and catalog order. 1 ok, -1 error. */
int	 store_ledger_month_range(struct arena *a, int64_t op, int64_t site,
	    int64_t lo, int64_t hi, int32_t first, int32_t last,
	    struct store_ledger_svc **out, size_t *n);

/* A window of an operator's occupiers in name order, both ends in: from
 * (first_name, first_id) to (last_name, last_id). */
struct store_name_window {
	const char	*first_name;
	int64_t		 first_id;
	const char	*last_name;
	int64_t		 last_id;
};

/* The same for the occupiers of window w (a page of the charges report,
 * or a chunk of its CSV): in occupier name, site name and catalog order.
 * 1 ok, -1 error. */
int	 store_ledger_month_window(struct arena *a, int64_t op,
	    const struct store_name_window *w, int32_t first, int32_t last,
	    struct store_ledger_svc **out, size_t *n);

/*
 * The month [first, last] of every occupier of op, each service with its
 * rows handed to fn(ctx, svc) in the order of store_ledger_month
 * (occupier name, site name, catalog order), read as one statement whose
 * rows stream from the server (db_stream_open): memory bounded by one
 * occupier's services, whatever the number of occupiers. svc and its
 * strings live until fn returns; fn runs no statement (the connection is
 * busy with the stream) and returns 0 to go on, -1 to stop. 1 ok, -1
 * store error (before fn was first called when the statement failed),
 * -2 stopped by fn or out of memory.
 */
int	 store_ledger_month_each(struct arena *a, int64_t op, int32_t first,
	    int32_t last, int (*fn)(void *ctx, const struct store_ledger_svc *),
	    void *ctx);

/* ---- tenantry ledger-check ---- */

struct store_ledger_check_svc {
	int64_t		 id;
	int32_t		 activated, ended;
	int64_t		 price, qty;	/* the service's current values */
};

/* The operators' ids (and names), by id. */
int	 store_ledger_operators(struct arena *, int64_t **ids,
	    const char ***names, size_t *n);
/* Every service of op by id, and every ledger row of op by service, day. */
int	 store_ledger_check_read(struct arena *, int64_t op,
	    struct store_ledger_check_svc **svc, size_t *nsvc,
	    struct ledger_row **rows, size_t *nrows);

#endif
