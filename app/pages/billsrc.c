/*
 * billsrc: see billsrc.h. The lines are billing_lines' (billing.c), from
 * the charge ledger, for a range of occupier ids at a time.
 */
#include <stdint.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/ledger.h"
#include "../log.h"
#include "billsrc.h"

int
billsrc_month(struct arena *a, int64_t op, int64_t site, int64_t occ_lo,
    int64_t occ_hi, int year, int month, struct bill_line **out, size_t *n)
{
	struct store_ledger_svc	*svc;
	struct charge_line	*lines;
	struct bill_line	*bl;
	size_t			 nsvc, i, k, nl, nrows = 0, most = 0;
	int32_t			 first, last;

	*out = NULL;
	*n = 0;
	if (date_days_in_month(year, month) == 0)
		return 1;
	first = date_from_ymd(year, month, 1);
	last = first + date_days_in_month(year, month) - 1;
	if (store_ledger_month_range(a, op, site, occ_lo, occ_hi, first, last,
	    &svc, &nsvc) < 0)
		return -1;
	/* A ledger row makes at most one line a month. */
	for (i = 0; i < nsvc; i++) {
		nrows += svc[i].nrows;
		if (svc[i].nrows > most)
			most = svc[i].nrows;
	}
	if (nrows == 0)
		return 1;
	bl = arena_calloc(a, nrows, sizeof(*bl));
	lines = arena_calloc(a, most, sizeof(*lines));
	for (i = 0; i < nsvc; i++) {
		nl = ledger_month(svc[i].activated, svc[i].ended, svc[i].rows,
		    svc[i].nrows, year, month, lines);
		if (nl == (size_t)-1) {
			log_warnx("billsrc: overflow for occupier service %lld",
			    (long long)svc[i].id);
			return -2;
		}
		for (k = 0; k < nl; k++) {
			bl[*n].row = &svc[i];
			bl[*n].l = lines[k];
			(*n)++;
		}
	}
	*out = bl;
	return 1;
}
