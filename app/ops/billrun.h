/*
 * ops/billrun: what a month costs and the bill run that invoices it.
 * See ops.h for the contract of every operation.
 *
 * The charge lines of a month come from the charge ledger
 * (store/store_ledger.h: each occupier service's price and QTY over time)
 * through the pure domain/ledger.c: the Charges tabs and the Occupier
 * Service Charges report show them (billrun_lines), and a bill run
 * invoices them (billrun_source, a range of occupiers at a time): this
 * file is the one to change when charges come from elsewhere.
 *
 * A month's lines depend only on what was in force during that month:
 * changes made later never alter them (the ledger never rewrites a day
 * that is over). A service is charged from the day it started to the day
 * before it ended (the removal day is not charged); each run of days at
 * one price and QTY is one line, amount = price x days x QTY / days in the
 * month rounded half-up to the penny.
 *
 * The bill run: in arrears it bills a month that has ended (its prorated
 * charges, as the charges report shows them); in advance it bills this or
 * next month as the services stand now. Either way it also bills the
 * adjustments of the earlier months invoiced in advance and not closed
 * yet (changes made since they were billed: a reversal of what was billed
 * and the lines as they are now). Lines are what the months cost minus
 * what invoices (drafts included, credit notes not) already hold
 * (inv_diff), so a run done again, or after a crash, invoices each penny
 * once; an occupier with nothing to bill gets no draft.
 *
 * Occupiers are taken in chunks (by id), each chunk one transaction: a
 * crash loses the chunk in flight whole, never half an invoice, and the
 * next run finishes the work. Runs of an operator take turns chunk by
 * chunk on a lock row. At the end the months are marked: a month billed
 * in arrears, or an advance month whose adjustments are billed after it
 * ended, is closed (locked: billrun_locked refuses changes dated in it);
 * a month billed in advance is "billed" until then.
 */
#ifndef TENANTRY_OPS_BILLRUN_H
#define TENANTRY_OPS_BILLRUN_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/charges.h"
#include "../store/store.h"
#include "../store/store_ledger.h"
#include "ops.h"

struct arena;

/* A charge line and the occupier service it is of. */
struct bill_line {
	const struct store_ledger_svc	*row;	/* service, occupier, site */
	struct charge_line		 l;
};

/*
 * Lines of month (year, month) of operator op for occupier occ at site
 * (both given), or for every occupier (occ 0) at every site (site 0) or
 * at one, in occupier name, site name and catalog order, and their total.
 * Everything in arena a. 1 ok, -1 store error, -2 arithmetic overflow
 * (logged). A whole month of every occupier is read once (occ 0) and
 * grouped by the caller, never read occupier by occupier: at 200 000
 * services it costs the server about a third of a second.
 */
int	 billrun_lines(struct arena *a, int64_t op, int64_t occ, int64_t site,
	    int year, int month, struct bill_line **out, size_t *n,
	    int64_t *total);

/* The same for the occupiers of window w (store_ledger.h), in occupier
 * name, site name and catalog order: a page of the charges report, a
 * chunk of its CSV. 1 ok, -1 store error, -2 arithmetic overflow. */
int	 billrun_lines_window(struct arena *a, int64_t op,
	    const struct store_name_window *w, int year, int month,
	    struct bill_line **out, size_t *n, int64_t *total);

/*
 * The same lines of every occupier of op, each handed to fn(ctx, line)
 * as soon as it is computed, in occupier name, site name and catalog
 * order: one statement whose rows stream from the server
 * (store_ledger_month_each), so memory stays bounded by one occupier's
 * services and the first line comes before the month is read whole (the
 * charges report's CSV). The line and its strings live until fn returns;
 * fn runs no statement and returns 0 to go on, -1 to stop. 1 ok, -1 store
 * error (fn not yet called when the statement failed), -2 arithmetic
 * overflow (logged) or stopped by fn.
 */
int	 billrun_lines_each(struct arena *a, int64_t op, int year, int month,
	    int (*fn)(void *ctx, const struct bill_line *), void *ctx);

/*
 * The same lines for the occupiers with ids in [occ_lo, occ_hi] at the
 * site (0: all sites), in occupier id, site name, service order (a bill
 * run's chunk: bounded memory for any number of occupiers). 1 ok, -1
 * store error, -2 arithmetic overflow (logged).
 */
int	 billrun_source(struct arena *a, int64_t op, int64_t site,
	    int64_t occ_lo, int64_t occ_hi, int year, int month,
	    struct bill_line **out, size_t *n);

/*
 * Invoiced periods are locked. A month at a site is closed once it is
 * invoiced in full after it ended (a run in arrears, or the adjustments
 * of a run in advance made after the month ended). A change dated inside
 * a closed month is refused: its charges are on issued (or about to be
 * issued) invoices, and a correction is a credit note. A month invoiced
 * in advance is not closed: a change dated in it becomes adjustment lines
 * on the next run.
 *
 * In the saving transaction t, before writing: 1 when a change at the
 * site dated in [from, to] (day numbers, either order) touches a closed
 * month (*msg: why it is refused, a sentence in t's arena), 0 when not,
 * -1 store error. billrun_locked_contract: the same for a contract edit,
 * over the days its start and its end move across (an open end counts as
 * the far future).
 */
int	 billrun_locked(struct txn *t, int64_t site, int32_t from, int32_t to,
	    const char **msg);
int	 billrun_locked_contract(struct txn *t,
	    const struct store_contract *old, const struct store_contract *new_,
	    const char **msg);

struct billrun_in {
	int64_t		 site;		/* 0: all sites */
	int		 year, month;
	int		 advance;	/* 0: in arrears */
};

struct billrun_out {
	struct ops_result	 why;
	int64_t			 run_id;	/* set once the run row is written */
	int64_t			 occupiers, invoices, lines, net;
	struct store_site	*sites;		/* the operator's (for a refusal's form) */
	size_t			 nsites;
};

/*
 * Bill the month of in for ctx's operator (one site or all): the run row,
 * then a transaction per chunk of occupiers, the last one marking the
 * months and the run done with its audit event. Refused (OPS_INVALID, on
 * field "period") when the site is not one of the operator's or the month
 * does not suit the mode. A store error after the run row leaves the run
 * "did not finish" (out->run_id): running the month again bills the rest.
 */
int	 ops_billrun_run(struct ops_ctx *, const struct billrun_in *,
	    struct billrun_out *);

#endif
