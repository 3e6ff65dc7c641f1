/*
 * occupier_usage: an occupier's usage at a site for a month: the Usage
 * tab (/occupiers/OCC/sites/SITE/usage) and the occupier's own view
 * (/my/sites/SITE/usage): allocations, allowances and how much is used,
 * the usage charge lines, the 95th percentile and burst of its traffic,
 * and the itemised calls (on screen a page at a time, and as CSV). Also
 * the usage block of the Charges tabs (usage_charges_block).
 */
#include <stdio.h>
#include <string.h>

#include "../domain/charges.h"
#include "../domain/csv.h"
#include "../domain/date.h"
#include "../domain/money.h"
#include "../domain/usage.h"
#include "../store/store.h"
#include "../store/store_usage.h"
#include "../tpl/tpl.h"
#include "../usage.h"
#include "pages.h"

#define CALLS_PER_PAGE	100

/* "12:05" of a number of seconds, for the dictionary. */
static void
set_dur(struct tpl_dict *d, enum tpl_name key, int64_t secs)
{
	char	 b[32];

	usage_duration_format(secs, b, sizeof(b));
	tpl_set(d, key, b);
}

/* The allocations, allowances and lines of o into d (shared with the
 * Billing Usage Report's template through the same names). */
void
usage_fill_month(struct req *r, struct tpl_dict *d,
    const struct usage_occ_month *o)
{
	struct tpl_dict	*x;
	char		 b[32];
	size_t		 i;

	tpl_set_int(d, TN_NUMBERS, o->numbers);
	tpl_set_int(d, TN_PORTS, o->ports);
	tpl_set_int(d, TN_LINES, o->lines);
	tpl_set(d, TN_TARIFF, o->tariff[0] != '\0' ? o->tariff : "none");
	if (o->committed_mbps >= 0)
		page_setf(d, TN_COMMITTED, "%lld Mbps (%s)",
		    (long long)o->committed_mbps, o->tier);
	else
		tpl_set(d, TN_COMMITTED, "no bandwidth tier");
	for (i = 0; i < o->nallow; i++) {
		x = tpl_section(d, TN_ALLOW);
		tpl_set(x, TN_GROUP, o->allow[i].group);
		if (o->allow[i].seconds == USAGE_UNLIMITED) {
			tpl_set(x, TN_ALLOWANCE, "Unlimited");
			tpl_set(x, TN_LEFT, "—");
		} else {
			page_setf(x, TN_ALLOWANCE, "%lld min",
			    (long long)(o->allow[i].seconds / 60));
			set_dur(x, TN_LEFT, o->allow[i].seconds > o->allow[i].used ?
			    o->allow[i].seconds - o->allow[i].used : 0);
		}
		set_dur(x, TN_USED, o->allow[i].used);
	}
	if (o->nallow > 0)
		tpl_show(d, TN_HAS_ALLOW);
	for (i = 0; i < o->nlines; i++) {
		x = tpl_section(d, TN_LINE);
		tpl_set(x, TN_LABEL, o->lines_v[i].label);
		tpl_set(x, TN_DETAIL, o->lines_v[i].detail);
		page_set_money(x, TN_AMOUNT, o->lines_v[i].amount);
	}
	page_set_money(d, TN_USAGE_TOTAL, o->total);
	tpl_show(d, o->nlines > 0 ? TN_HAS_LINES : TN_NO_LINES);
	tpl_set_int(d, TN_CALLS, o->calls);
	tpl_set_int(d, TN_FREE_CALLS, o->free_calls);
	tpl_set_int(d, TN_UNRATED_CALLS, o->unrated_calls);
	if (o->unrated_calls > 0)
		tpl_show(d, TN_HAS_UNRATED);
	if (o->samples > 0) {
		x = tpl_section(d, TN_TRAFFIC);
		usage_mbps_format(o->p95_bits, b, sizeof(b));
		tpl_set(x, TN_P95, b);
		tpl_set_int(x, TN_SAMPLES, o->samples);
		usage_mbps_format(o->burst_bits, b, sizeof(b));
		tpl_set(x, TN_BURST, b);
	}
	(void)r;
}

/* The month of ?month, or an error answered (0). */
static int
month_of(struct req *r, struct tpl_dict *d, int *y, int *m)
{
	if (page_month(r, d, y, m, 0) == -1) {
		http_error_msg(r, 400, "The month must be written YYYY-MM.");
		return 0;
	}
	return 1;
}

static void
call_row(struct req *r, struct tpl_dict *row, const struct usage_site *s,
    const struct su_call *c)
{
	char	 b[32];

	usage_time_format(c->started, b, sizeof(b));
	tpl_set(row, TN_START, b);
	tpl_set(row, TN_CALLING, usage_number_show(r->a, s, c->calling));
	tpl_set(row, TN_CALLED, usage_number_show(r->a, s, c->called));
	tpl_set(row, TN_DIR, c->dir == USAGE_IN ? "in" : "out");
	set_dur(row, TN_DURATION, c->duration);
	tpl_set(row, TN_WHAT, c->kind == USAGE_RATED ?
	    usage_group_name(s, c->group) : usage_kind_labels[c->kind]);
	if (c->kind == USAGE_RATED) {
		set_dur(row, TN_BILLED, c->billed);
		set_dur(row, TN_INCLUDED, c->included);
		usage_rate_format(c->per_minute, b, sizeof(b));
		page_setf(row, TN_RATE, "%s/min", b);
	}
	page_set_money(row, TN_AMOUNT, c->amount);
}

/* The operator's tab (self 0) or the occupier's own view (self 1). */
static void
usage_show(struct req *r, int64_t occ, int64_t site, int self)
{
	struct tpl_dict		*d, *row;
	struct store_occupier	 o;
	struct usage_occ_month	 om;
	struct usage_site	*s;
	struct su_call		*c;
	const char		*base;
	int64_t			 from, to, page = 1, pages, amount = 0;
	size_t			 n, i, first;
	int			 y, m, rc;

	if ((d = page_begin(r, "Usage", "occupier_usage.tpl",
	    self ? "my" : "occupiers")) == NULL)
		return;
	if (self) {
		if (!my_nav(r, d, site, "usage"))
			return;
		base = arena_printf(r->a, "/my/sites/%lld/usage",
		    (long long)site);
	} else {
		if (!occupier_nav(r, d, occ, site, "usage", &o))
			return;
		occ = o.id;
		base = arena_printf(r->a, "/occupiers/%lld/sites/%lld/usage",
		    (long long)occ, (long long)site);
	}
	tpl_set(d, TN_BASE, base);
	if (!month_of(r, d, &y, &m))
		return;
	if (query_id(r, "page", &page) != 1 || page > 1000000)
		page = 1;
	usage_month_bounds(y, m, &from, &to);
	if ((rc = usage_occ_month(r->a, r->user.operator_id, occ, site, y, m,
	    &om)) < 0 || usage_site_load(r->a, r->user.operator_id, site,
	    USAGE_LOAD_DISPLAY, &s) < 0 || store_usage_calls(r->a,
	    r->user.operator_id, site, occ, y * 100 + m, from, to, &c,
	    &n) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0 || s == NULL) {
		http_error(r, 404);
		return;
	}
	usage_fill_month(r, d, &om);
	pages = n == 0 ? 1 : (int64_t)((n + CALLS_PER_PAGE - 1) / CALLS_PER_PAGE);
	if (page > pages)
		page = pages;
	first = (size_t)(page - 1) * CALLS_PER_PAGE;
	for (i = 0; i < n; i++)
		amount += c[i].amount;
	for (i = first; i < n && i < first + CALLS_PER_PAGE; i++)
		call_row(r, tpl_section(d, TN_CALL), s, &c[i]);
	tpl_set_int(d, TN_NCALLS, (long long)n);
	page_set_money(d, TN_CALLS_AMOUNT, amount);
	tpl_set_int(d, TN_PAGE, page);
	tpl_set_int(d, TN_PAGES, pages);
	if (page > 1) {
		row = tpl_section(d, TN_PREV_PAGE);
		tpl_set_int(row, TN_N, page - 1);
	}
	if (page < pages) {
		row = tpl_section(d, TN_NEXT_PAGE);
		tpl_set_int(row, TN_N, page + 1);
	}
	tpl_show(d, n > 0 ? TN_HAS_CALLS : TN_NO_CALLS);
	page_end(r);
}

void
page_occupier_usage(struct req *r)
{
	usage_show(r, r->ids[0], r->ids[1], 0);
}

void
page_my_usage(struct req *r)
{
	usage_show(r, r->user.occupier_id, r->ids[0], 1);
}

/* The itemised calls of occ at site for ?month as CSV. */
static void
usage_csv(struct req *r, int64_t occ, int64_t site, int self)
{
	struct usage_site	*s;
	struct su_call		*c;
	struct buf		 b;
	const char		*ms = query_text(r, "month", 16), *name;
	char			 t[32], rate[32], month[16];
	int64_t			 from, to, total = 0;
	size_t			 n, i;
	int			 y, m, dd, rc, has;

	date_to_ymd(r->today, &y, &m, &dd);
	if ((ms == NULL && query_has(r, "month")) || (ms != NULL &&
	    *ms != '\0' && charges_month_parse(ms, &y, &m) == -1)) {
		http_error_msg(r, 400, "The month must be written YYYY-MM.");
		return;
	}
	if (self)
		rc = my_site_ok(r, site);
	else
		rc = store_usage_occupier(r->a, r->user.operator_id, occ, site,
		    &name, &has);
	if (rc > 0)
		rc = usage_site_load(r->a, r->user.operator_id, site,
		    USAGE_LOAD_DISPLAY, &s);
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	usage_month_bounds(y, m, &from, &to);
	if (store_usage_calls(r->a, r->user.operator_id, site, occ, y * 100 + m,
	    from, to, &c, &n) < 0) {
		page_store_error(r);
		return;
	}
	buf_init(&b, r->a, 256 + n * 120);
	csv_text(&b, "Start (local time)", 1);
	csv_text(&b, "Calling number", 0);
	csv_text(&b, "Called number", 0);
	csv_text(&b, "Direction", 0);
	csv_text(&b, "Duration (s)", 0);
	csv_text(&b, "Group", 0);
	csv_text(&b, "Billed (s)", 0);
	csv_text(&b, "Included (s)", 0);
	csv_text(&b, "Rate per minute (p)", 0);
	csv_text(&b, "Amount", 0);
	csv_end(&b);
	for (i = 0; i < n; i++) {
		usage_time_format(c[i].started, t, sizeof(t));
		csv_text(&b, t, 1);
		csv_text(&b, usage_number_show(r->a, s, c[i].calling), 0);
		csv_text(&b, usage_number_show(r->a, s, c[i].called), 0);
		csv_text(&b, c[i].dir == USAGE_IN ? "in" : "out", 0);
		csv_int(&b, c[i].duration, 0);
		csv_text(&b, c[i].kind == USAGE_RATED ? usage_group_name(s,
		    c[i].group) : usage_kind_labels[c[i].kind], 0);
		csv_int(&b, c[i].billed, 0);
		csv_int(&b, c[i].included, 0);
		usage_rate_format(c[i].per_minute, rate, sizeof(rate));
		rate[strlen(rate) - 1] = '\0';	/* the "p" is in the heading */
		csv_text(&b, c[i].kind == USAGE_RATED ? rate : "", 0);
		csv_money(&b, c[i].amount, 0);
		csv_end(&b);
		total += c[i].amount;
	}
	csv_text(&b, "Total", 1);
	for (i = 0; i < 8; i++)
		csv_text(&b, "", 0);
	csv_money(&b, total, 0);
	csv_end(&b);
	snprintf(month, sizeof(month), "%04d-%02d", y, m);
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"calls-%s.csv\"", month));
	http_send(r, 200, "text/csv; charset=utf-8", b.p, b.len);
}

void
page_occupier_usage_csv(struct req *r)
{
	usage_csv(r, r->ids[0], r->ids[1], 0);
}

void
page_my_usage_csv(struct req *r)
{
	usage_csv(r, r->user.occupier_id, r->ids[0], 1);
}

void
usage_charges_block(struct req *r, struct tpl_dict *d, int64_t occ,
    int64_t site, int year, int month, const char *base)
{
	struct tpl_dict		*u, *x;
	struct usage_line	*l;
	size_t			 n, i;
	int64_t			 total;

	u = tpl_include(d, TN_USAGE_BLOCK, "usage_block.tpl");
	if (usage_month_lines(r->a, r->user.operator_id, occ, site, year,
	    month, &l, &n, &total) < 0) {
		/* The monthly charges above still stand on their own. */
		tpl_show(u, TN_USAGE_UNAVAILABLE);
		return;
	}
	tpl_set(u, TN_USAGE_HREF, arena_printf(r->a, "%s/usage?month=%04d-%02d",
	    base, year, month));
	for (i = 0; i < n; i++) {
		x = tpl_section(u, TN_LINE);
		tpl_set(x, TN_LABEL, l[i].label);
		tpl_set(x, TN_DETAIL, l[i].detail);
		page_set_money(x, TN_AMOUNT, l[i].amount);
	}
	page_set_money(u, TN_USAGE_TOTAL, total);
	tpl_show(u, n > 0 ? TN_HAS_USAGE : TN_NO_USAGE);
}
