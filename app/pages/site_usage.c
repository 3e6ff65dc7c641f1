/*
 * site_usage: the seed's Billing Usage Report for a site and a month
 * (/sites/SITE/usage, 50 occupiers a page; /sites/SITE/usage.csv, all of
 * them): per occupier its allocations (numbers, voice lines, floor ports,
 * committed bandwidth), allowances and how much is used, and usage
 * charges (calls by group, 95th percentile and burst), with totals; and
 * the calls nobody can be charged for (/sites/SITE/usage/unattributed.csv).
 */
#include <stdio.h>
#include <string.h>

#include "../domain/charges.h"
#include "../domain/csv.h"
#include "../domain/date.h"
#include "../domain/usage.h"
#include "../store/store_usage.h"
#include "../tpl/tpl.h"
#include "../usage.h"
#include "pages.h"

#define OCC_PER_PAGE	50

static void
set_dur(struct tpl_dict *d, enum tpl_name key, int64_t secs)
{
	char	 b[32];

	usage_duration_format(secs, b, sizeof(b));
	tpl_set(d, key, b);
}

/* The allowance of o for group name, NULL when it has none. */
static const struct usage_allow_view *
allow_of(const struct usage_occ_month *o, const char *group)
{
	size_t	 i;

	for (i = 0; i < o->nallow; i++)
		if (group[0] != '\0' && strcmp(o->allow[i].group, group) == 0)
			return &o->allow[i];
	return NULL;
}

static void
csv_occ_cols(struct buf *b, const struct usage_occ_month *o)
{
	csv_text(b, o->name, 1);
	csv_text(b, o->billing_ref, 0);
	csv_int(b, o->numbers, 0);
	csv_int(b, o->lines, 0);
	csv_int(b, o->ports, 0);
	csv_text(b, o->tariff, 0);
	if (o->committed_mbps >= 0)
		csv_int(b, o->committed_mbps, 0);
	else
		csv_text(b, "", 0);
}

/* One occupier's rows of the CSV: a row per charge line, or one saying
 * there is no usage (or none charged). */
static void
csv_occ_rows(struct buf *b, const struct usage_occ_month *o)
{
	char		 p95[32];
	size_t		 k;

	for (k = 0; k < o->nlines; k++) {
		const struct usage_line *l = &o->lines_v[k];
		const struct usage_allow_view *al = allow_of(o, l->group);

		csv_occ_cols(b, o);
		csv_text(b, l->label, 0);
		csv_int(b, l->calls, 0);
		csv_int(b, l->billed, 0);
		if (al == NULL)
			csv_text(b, "", 0);
		else if (al->seconds == USAGE_UNLIMITED)
			csv_text(b, "unlimited", 0);
		else
			csv_int(b, al->seconds / 60, 0);
		csv_int(b, l->included, 0);
		if (strcmp(l->code, "burst") == 0) {
			usage_mbps_format(o->p95_bits, p95, sizeof(p95));
			csv_text(b, p95, 0);
		} else
			csv_text(b, "", 0);
		csv_money(b, l->amount, 0);
		csv_end(b);
	}
	if (o->nlines == 0) {
		csv_occ_cols(b, o);
		csv_text(b, o->calls > 0 ? "Calls not charged" :
		    "No usage", 0);
		csv_int(b, o->calls, 0);
		for (k = 0; k < 4; k++)
			csv_text(b, "", 0);
		csv_money(b, 0, 0);
		csv_end(b);
	}
}

static void
send_csv(struct req *r, const struct usage_report *rep, int y, int m)
{
	struct buf	 b;
	size_t		 i, k;

	buf_init(&b, r->a, 1024 + rep->nocc * 300);
	csv_text(&b, "Occupier", 1);
	csv_text(&b, "Billing reference", 0);
	csv_text(&b, "Phone numbers", 0);
	csv_text(&b, "Voice lines", 0);
	csv_text(&b, "Floor ports", 0);
	csv_text(&b, "Tariff", 0);
	csv_text(&b, "Committed Mbps", 0);
	csv_text(&b, "Item", 0);
	csv_text(&b, "Calls", 0);
	csv_text(&b, "Billed (s)", 0);
	csv_text(&b, "Allowance (min)", 0);
	csv_text(&b, "Included (s)", 0);
	csv_text(&b, "95th percentile (Mbps)", 0);
	csv_text(&b, "Amount", 0);
	csv_end(&b);
	for (i = 0; i < rep->nocc; i++)
		csv_occ_rows(&b, &rep->occ[i]);
	csv_text(&b, "Unattributed (numbers nobody held)", 1);
	for (k = 0; k < 6; k++)
		csv_text(&b, "", 0);
	csv_text(&b, "Calls not charged", 0);
	csv_int(&b, rep->nobody_calls, 0);
	for (k = 0; k < 4; k++)
		csv_text(&b, "", 0);
	csv_money(&b, 0, 0);
	csv_end(&b);
	csv_text(&b, "Total", 1);
	for (k = 0; k < 7; k++)
		csv_text(&b, "", 0);
	csv_int(&b, rep->calls + rep->nobody_calls, 0);
	csv_int(&b, rep->billed, 0);
	for (k = 0; k < 3; k++)
		csv_text(&b, "", 0);
	csv_money(&b, rep->total, 0);
	csv_end(&b);
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"billing-usage-%04d-%02d.csv\"", y, m));
	http_send(r, 200, "text/csv; charset=utf-8", b.p, b.len);
}

void
page_site_usage(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct usage_report	 rep;
	int64_t			 site = r->ids[0], page = 1, pages;
	size_t			 i, first;
	int			 y, m, rc, csv;

	csv = strstr(r->path, ".csv") != NULL;
	if ((d = page_begin(r, "Billing Usage Report", "site_usage.tpl",
	    "sites")) == NULL)
		return;
	if (page_month(r, d, &y, &m, 0) == -1) {
		http_error_msg(r, 400, "The month must be written YYYY-MM.");
		return;
	}
	if ((rc = usage_report(r->a, r->user.operator_id, site, y, m,
	    &rep)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if (csv) {
		send_csv(r, &rep, y, m);
		return;
	}
	if (query_id(r, "page", &page) != 1 || page > 1000000)
		page = 1;
	pages = rep.nocc == 0 ? 1 :
	    (int64_t)((rep.nocc + OCC_PER_PAGE - 1) / OCC_PER_PAGE);
	if (page > pages)
		page = pages;
	tpl_set_int(d, TN_SITE_ID, site);
	tpl_set(d, TN_SITE_NAME, rep.site_name);
	tpl_set_int(d, TN_NOCC, (long long)rep.nocc);
	tpl_set_int(d, TN_CALLS, rep.calls + rep.nobody_calls);
	set_dur(d, TN_BILLED, rep.billed);
	page_set_money(d, TN_CALL_AMOUNT, rep.call_amount);
	page_set_money(d, TN_BURST_AMOUNT, rep.burst_amount);
	page_set_money(d, TN_TOTAL, rep.total);
	tpl_set_int(d, TN_FREE_CALLS, rep.free_calls);
	tpl_set_int(d, TN_UNRATED_CALLS, rep.unrated_calls);
	tpl_set_int(d, TN_NOBODY_CALLS, rep.nobody_calls);
	set_dur(d, TN_NOBODY_SECONDS, rep.nobody_seconds);
	page_setf(d, TN_CARRIER, "%lld.%02lld", (long long)(rep.carrier /
	    10000), (long long)(rep.carrier % 10000 / 100));
	first = (size_t)(page - 1) * OCC_PER_PAGE;
	for (i = first; i < rep.nocc && i < first + OCC_PER_PAGE; i++) {
		const struct usage_occ_month *o = &rep.occ[i];

		row = tpl_section(d, TN_OCC);
		tpl_set_int(row, TN_OCC_ID, o->id);
		tpl_set(row, TN_NAME, o->name);
		usage_fill_month(r, row, o);
	}
	tpl_set_int(d, TN_PAGE, page);
	tpl_set_int(d, TN_PAGES, pages);
	if (page > 1)
		tpl_set_int(tpl_section(d, TN_PREV_PAGE), TN_N, page - 1);
	if (page < pages)
		tpl_set_int(tpl_section(d, TN_NEXT_PAGE), TN_N, page + 1);
	tpl_show(d, rep.nocc > 0 ? TN_HAS_OCC : TN_NO_OCC);
	if (rep.nobody_calls > 0)
		tpl_show(d, TN_HAS_NOBODY);
	page_end(r);
}

/* The calls of numbers nobody held, for the operator to chase. */
void
page_site_usage_nobody(struct req *r)
{
	struct usage_site	*s;
	struct su_call		*c;
	struct buf		 b;
	const char		*ms = query_text(r, "month", 16);
	char			 t[32];
	int64_t			 from, to, site = r->ids[0];
	size_t			 n, i;
	int			 y, m, dd, rc;

	date_to_ymd(r->today, &y, &m, &dd);
	if ((ms == NULL && query_has(r, "month")) || (ms != NULL &&
	    *ms != '\0' && charges_month_parse(ms, &y, &m) == -1)) {
		http_error_msg(r, 400, "The month must be written YYYY-MM.");
		return;
	}
	usage_month_bounds(y, m, &from, &to);
	if ((rc = usage_site_load(r->a, r->user.operator_id, site,
	    USAGE_LOAD_DISPLAY, &s)) > 0 && store_usage_calls(r->a,
	    r->user.operator_id, site, 0, y * 100 + m, from, to, &c, &n) < 0)
		rc = -1;
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	buf_init(&b, r->a, 256 + n * 100);
	csv_text(&b, "Start (local time)", 1);
	csv_text(&b, "Calling number", 0);
	csv_text(&b, "Called number", 0);
	csv_text(&b, "Direction", 0);
	csv_text(&b, "Duration (s)", 0);
	csv_end(&b);
	for (i = 0; i < n; i++) {
		usage_time_format(c[i].started, t, sizeof(t));
		csv_text(&b, t, 1);
		csv_text(&b, usage_number_show(r->a, s, c[i].calling), 0);
		csv_text(&b, usage_number_show(r->a, s, c[i].called), 0);
		csv_text(&b, c[i].dir == USAGE_IN ? "in" : "out", 0);
		csv_int(&b, c[i].duration, 0);
		csv_end(&b);
	}
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"unattributed-calls-%04d-%02d.csv\"", y, m));
	http_send(r, 200, "text/csv; charset=utf-8", b.p, b.len);
}
