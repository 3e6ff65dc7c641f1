/*
 * ledger_check: `tenantry ledger-check`, the proof that the charge ledger
 * (sql/020_charge_ledger.sql) says what the audit log says.
 *
 * For every operator and every occupier service it computes the charged
 * segments twice and compares them: from the ledger's rows
 * (domain/ledger.c), and from the audit log read as charges were computed
 * before the ledger existed: the price and QTY before the first change
 * (the first update event's old values, or the service's current ones),
 * then each update event's new values from its effective day, the last of
 * a day winning (domain/charges.c, charges_parse_values). This reading is
 * C, independent of the SQL that derived the ledger in the migration. It
 * also checks the ledger's shape: every service has rows, contiguous,
 * the last one open with the service's current price and QTY while the
 * service goes on, closed on the day it ended once it has.
 *
 * Equal segments mean equal charges in every month. Prints one line per
 * operator and the first differences; exit status 0 when all agree, 1 on a
 * difference, 2 on an error. Read-only.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "domain/charges.h"
#include "domain/date.h"
#include "domain/ledger.h"
#include "store/db.h"
#include "store/store.h"
#include "store/store_ledger.h"

#define SHOW_MAX	20	/* differences printed per run */

static size_t	 shown;

static void
seg_text(const struct charge_seg *s, char *buf, size_t cap)
{
	char	 f[DATE_STRLEN], t[DATE_STRLEN];

	date_format(s->from, f, sizeof(f));
	date_format(s->to, t, sizeof(t));
	snprintf(buf, cap, "%s..%s %lld x %lld", f, *t ? t : "open",
	    (long long)s->price, (long long)s->qty);
}

static void
differ(int64_t id, const char *what)
{
	if (shown++ < SHOW_MAX)
		printf("ledger-check:   occupier service %lld: %s\n",
		    (long long)id, what);
}

/* The audit log's segments of service s (changes ch[0..nch) are its update
 * events by day). -1 when an event's values cannot be read. */
static int
audit_segments(struct arena *a, const struct store_ledger_check_svc *s,
    const struct store_charge_change *ch, size_t nch,
    struct charge_seg **out, size_t *n)
{
	struct charge_change	*cc;
	int64_t			 price = s->price, qty = s->qty;
	size_t			 k;

	if (nch > 0 && charges_parse_values(ch[0].old_value, &price,
	    &qty) == -1)
		return -1;
	cc = arena_calloc(a, nch + 1, sizeof(*cc));
	{
		int64_t p = price, q = qty;

		for (k = 0; k < nch; k++) {
			if (charges_parse_values(ch[k].new_value, &p, &q) == -1)
				return -1;
			cc[k].day = ch[k].day;
			cc[k].price = p;
			cc[k].qty = q;
		}
	}
	/* At most one segment per change, and one more. */
	*out = arena_calloc(a, nch + 1, sizeof(**out));
	*n = charges_segments(s->activated, s->ended, price, qty, cc, nch,
	    *out, nch + 1);
	return 0;
}

/* Check one service; the number of differences found (0 or 1). */
static size_t
check_service(struct arena *a, const struct store_ledger_check_svc *s,
    const struct ledger_row *rows, size_t nrows,
    const struct store_charge_change *ch, size_t nch)
{
	struct charge_seg	*as, *ls;
	size_t			 na, nl, k, bad;
	char			 x[128], y[128];
	const struct ledger_row	*last;

	if (nrows == 0) {
		differ(s->id, "no ledger rows");
		return 1;
	}
	if ((bad = ledger_check_rows(rows, nrows)) != 0) {
		differ(s->id, arena_printf(a, "ledger row %zu is not contiguous "
		    "with the next or ends before it starts", bad));
		return 1;
	}
	last = &rows[nrows - 1];
	if (s->ended == DATE_NONE && (last->to != DATE_NONE ||
	    last->price != s->price || last->qty != s->qty)) {
		differ(s->id, arena_printf(a, "the row in force is not the "
		    "service's price %lld x QTY %lld", (long long)s->price,
		    (long long)s->qty));
		return 1;
	}
	if (s->ended != DATE_NONE && last->to != (s->ended > last->from ?
	    s->ended : last->from)) {
		differ(s->id, "the last row is not closed on the day the "
		    "service ended");
		return 1;
	}
	if (audit_segments(a, s, ch, nch, &as, &na) == -1) {
		differ(s->id, "an audit event's values cannot be read");
		return 1;
	}
	ls = arena_calloc(a, nrows, sizeof(*ls));
	nl = ledger_segments(s->activated, s->ended, rows, nrows, ls);
	for (k = 0; k < na || k < nl; k++) {
		if (k < na && k < nl && as[k].from == ls[k].from &&
		    as[k].to == ls[k].to && as[k].price == ls[k].price &&
		    as[k].qty == ls[k].qty)
			continue;
		if (k < na)
			seg_text(&as[k], x, sizeof(x));
		if (k < nl)
			seg_text(&ls[k], y, sizeof(y));
		differ(s->id, arena_printf(a, "charged segment %zu: audit log "
		    "%s, ledger %s", k + 1, k < na ? x : "none",
		    k < nl ? y : "none"));
		return 1;
	}
	return 0;
}

/* One operator: 0 all equal, >0 differences, -1 error. */
static long
check_operator(struct arena *a, int64_t op, const char *name)
{
	struct store_ledger_check_svc	*svc;
	struct ledger_row		*rows;
	struct store_charge_change	*ch;
	size_t				 nsvc, nrows, nch, i, r = 0, c = 0;
	size_t				 r0, c0, diffs = 0, orphans;
	int32_t				 far = date_from_ymd(9999, 12, 31);

	if (store_ledger_check_read(a, op, &svc, &nsvc, &rows, &nrows) < 0 ||
	    store_charge_changes(a, op, 0, 0, far, &ch, &nch) < 0)
		return -1;
	for (i = 0; i < nsvc; i++) {
		/* All three are sorted by service id. */
		while (r < nrows && rows[r].occsvc_id < svc[i].id)
			r++;
		while (c < nch && ch[c].occsvc_id < svc[i].id)
			c++;
		for (r0 = r; r < nrows && rows[r].occsvc_id == svc[i].id; r++)
			continue;
		for (c0 = c; c < nch && ch[c].occsvc_id == svc[i].id; c++)
			continue;
		diffs += check_service(a, &svc[i], rows + r0, r - r0, ch + c0,
		    c - c0);
	}
	/* Rows of no service of the operator (another operator's service). */
	for (i = r = orphans = 0; i < nrows; i++) {
		while (r < nsvc && svc[r].id < rows[i].occsvc_id)
			r++;
		if (r == nsvc || svc[r].id != rows[i].occsvc_id)
			orphans++;
	}
	if (orphans > 0) {
		printf("ledger-check:   %zu ledger rows belong to no service of "
		    "the operator\n", orphans);
		diffs += orphans;
	}
	printf("ledger-check: %s: %zu services, %zu ledger rows, %zu price/QTY "
	    "changes in the audit log: %s\n", name, nsvc, nrows, nch,
	    diffs == 0 ? "the same charges" : arena_printf(a,
	    "%zu differences", diffs));
	return (long)diffs;
}

int
cli_ledger_check(void)
{
	struct arena	*a, *ops;
	int64_t		*ids;
	const char	**names;
	size_t		 n, i;
	long		 d, total = 0;
	int		 rc = 2;

	if (db_connect() < 0) {
		fprintf(stderr, "ledger-check: cannot connect to the database\n");
		return 2;
	}
	ops = arena_new(1 << 12);
	a = arena_new(1 << 20);
	if (store_ledger_operators(ops, &ids, &names, &n) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		if ((d = check_operator(a, ids[i], names[i])) < 0)
			goto out;
		total += d;
		arena_reset(a);
	}
	printf("ledger-check: %s\n", total == 0 ? "the ledger and the audit log "
	    "charge the same days at the same prices" : "DIFFERENCES found");
	rc = total == 0 ? 0 : 1;
out:
	if (rc == 2)
		fprintf(stderr, "ledger-check: the database could not be read\n");
	arena_free(a);
	arena_free(ops);
	return rc;
}
