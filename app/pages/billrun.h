/*
 * billrun: the bill run of an operator (one site or all) for a month.
 *
 * In arrears it bills a month that has ended (its prorated charges, as
 * the charges report shows them); in advance it bills this or next month
 * as the services stand now. Either way it also bills the adjustments of
 * the earlier months invoiced in advance and not closed yet (changes made
 * since they were billed: a reversal of what was billed and the lines as
 * they are now). Lines are what the months cost minus what invoices
 * (drafts included, credit notes not) already hold (inv_diff), so a run
 * done again, or after a crash, invoices each penny once; an occupier
 * with nothing to bill gets no draft.
 *
 * Occupiers are taken in chunks (by id), each chunk one transaction: a
 * crash loses the chunk in flight whole, never half an invoice, and the
 * next run finishes the work. Runs of an operator take turns chunk by
 * chunk on a lock row. At the end the months are marked: a month billed
 * in arrears, or an advance month whose adjustments are billed after it
 * ended, is closed (locked: billing_lock.c refuses changes dated in it);
 * a month billed in advance is "billed" until then.
 */
#ifndef TENANTRY_BILLRUN_H
#define TENANTRY_BILLRUN_H

#include <stdint.h>

struct arena;

struct billrun_req {
	int64_t		 op, user;
	int64_t		 site;		/* 0: all sites */
	int		 year, month;
	int		 advance;	/* 0: arrears */
	int32_t		 today;
};

struct billrun_result {
	int64_t		 run_id;
	int64_t		 occupiers, invoices, lines, net;
};

/* NULL when the month suits the mode, else why not (a sentence). */
const char	*billrun_check(const struct billrun_req *);
/* Run it. 1 done, -1 store error, -2 arithmetic overflow (logged). The
 * run row is written first: res->run_id is set even when a chunk fails. */
int		 billrun_run(struct arena *, const struct billrun_req *,
		    struct billrun_result *res);

#endif
