/*
 * report_active: the Active services report: per site and service, the
 * quantity, cost, RRP, price and margin (price - cost) of the services
 * active today; on screen, and as CSV in full (one row per occupier
 * service) or as a summary (one row per site and service).
 *
 * The groups (site, service) of the day come from one aggregate statement
 * over the operator's services, kept until a service changes or the day
 * does (store_report.h); on screen PER_PAGE of them a page, paged by key
 * (after_site/after_service, before_site/before_service), and the totals
 * per site and in all from one aggregate over the kept groups, never from
 * the rows shown. The full CSV is streamed a group at a time, row by row
 * as MariaDB hands the rows over: never built whole in memory.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/csv.h"
#include "../domain/date.h"
#include "../domain/money.h"
#include "../log.h"
#include "../store/store.h"
#include "../store/store_report.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define PER_PAGE	50		/* groups a page, unless per= says */
#define PER_MAX		100
#define ALL_GROUPS	1000000		/* the summary CSV: every group */

static int
full_row(void *ctx, const struct store_active *a)
{
	struct req	*r = ctx;
	struct buf	*b = http_stream_buf(r);
	int64_t		 pt, ct;

	if (money_mul(a->price, a->qty, &pt) == -1 ||
	    money_mul(a->cost, a->qty, &ct) == -1)
		pt = ct = 0;
	csv_text(b, a->site_name, 1);
	csv_text(b, a->service_name, 0);
	csv_text(b, a->occ_name, 0);
	csv_text(b, a->contract_ref, 0);
	csv_int(b, a->qty, 0);
	csv_money(b, a->cost, 0);
	csv_money(b, a->rrp, 0);
	csv_money(b, a->price, 0);
	csv_money(b, pt, 0);
	csv_money(b, ct, 0);
	csv_money(b, pt - ct, 0);
	csv_end(b);
	return http_stream_put(r, 0);
}

static void
full_head(struct buf *b)
{
	csv_text(b, "Site", 1);
	csv_text(b, "Service", 0);
	csv_text(b, "Occupier", 0);
	csv_text(b, "Contract", 0);
	csv_text(b, "QTY", 0);
	csv_text(b, "Cost", 0);
	csv_text(b, "RRP", 0);
	csv_text(b, "Price", 0);
	csv_text(b, "Total price", 0);
	csv_text(b, "Total cost", 0);
	csv_text(b, "Margin", 0);
	csv_end(b);
}

static void
summary_rows(struct buf *b, const struct store_active_group *g, size_t n)
{
	size_t	 i;

	csv_text(b, "Site", 1);
	csv_text(b, "Service", 0);
	csv_text(b, "QTY", 0);
	csv_text(b, "Cost", 0);
	csv_text(b, "RRP", 0);
	csv_text(b, "Total price", 0);
	csv_text(b, "Total cost", 0);
	csv_text(b, "Margin", 0);
	csv_end(b);
	for (i = 0; i < n; i++) {
		csv_text(b, g[i].site_name, 1);
		csv_text(b, g[i].service_name, 0);
		csv_int(b, g[i].qty, 0);
		csv_money(b, g[i].cost, 0);
		csv_money(b, g[i].rrp, 0);
		csv_money(b, g[i].price_total, 0);
		csv_money(b, g[i].cost_total, 0);
		csv_money(b, g[i].price_total - g[i].cost_total, 0);
		csv_end(b);
	}
}

/* The CSV, full (streamed) or the summary (the kept groups, a few
 * hundred rows at most: sites x catalog). */
static void
send_csv(struct req *r, int full)
{
	struct store_active_group *g = NULL;
	size_t			 n = 0;
	char			 day[DATE_STRLEN];

	if (!full && store_report_active_page(r->a, r->user.operator_id,
	    r->today, 0, 0, 0, ALL_GROUPS, &g, &n) < 0) {
		page_store_error(r);
		return;
	}
	date_format(r->today, day, sizeof(day));
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"active-services-%s-%s.csv\"",
	    full ? "full" : "summary", day));
	if (http_stream_begin(r, 200, "text/csv; charset=utf-8") == -1)
		return;
	if (!full) {
		summary_rows(http_stream_buf(r), g, n);
		return;
	}
	full_head(http_stream_buf(r));
	if (http_stream_put(r, 1) == 0 && store_report_active_each(
	    r->a, r->user.operator_id, r->today, full_row, r) < 0 &&
	    !r->stream_failed) {
		/* The head is sent: say so in the file, and stop. */
		log_warnx("report_active: full CSV stopped early");
		csv_text(http_stream_buf(r), "The export stopped early "
		    "(an error on the server): this file is incomplete.", 1);
		csv_end(http_stream_buf(r));
	}
}

/* The page's groups: after or before a key group (site, service), in
 * order; *prev, *next: more on either side. 1 ok, 0 answered (400). */
static int
page_groups(struct req *r, size_t per, struct store_active_group **g,
    size_t *n, int *prev, int *next)
{
	int64_t			 site = 0, svc = 0;
	int			 before = 0, k, ks;

	if ((k = query_id(r, "after_site", &site)) == 0 &&
	    (k = query_id(r, "before_site", &site)) == 1)
		before = 1;
	ks = query_id(r, before ? "before_service" : "after_service", &svc);
	if (k == -1 || ks == -1 || k != ks) {
		http_error_msg(r, 400, "The page asked for is not one.");
		return 0;
	}
	if (store_report_active_page(r->a, r->user.operator_id, r->today,
	    k == 1 ? site : 0, svc, before, per + 1, g, n) < 0)
		return -1;
	*n = page_keyset(*g, *n, sizeof(**g), per, k == 1, before, prev, next);
	return 1;
}

static void
fill_groups(struct tpl_dict *d, const struct store_active_group *g, size_t n)
{
	struct tpl_dict	*row;
	size_t		 i;

	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_ROW);
		tpl_set(row, TN_SITE, g[i].site_name);
		tpl_set(row, TN_SERVICE, g[i].service_name);
		tpl_set_int(row, TN_QTY, g[i].qty);
		page_set_money(row, TN_COST, g[i].cost);
		page_set_money(row, TN_RRP, g[i].rrp);
		page_set_money(row, TN_PRICE_TOTAL, g[i].price_total);
		page_set_money(row, TN_COST_TOTAL, g[i].cost_total);
		page_set_money(row, TN_MARGIN, g[i].price_total -
		    g[i].cost_total);
		if (g[i].price_total < g[i].cost_total)
			tpl_show(row, TN_NEGATIVE);
	}
}

/* Totals per site, and in all (the last row). */
static void
fill_totals(struct tpl_dict *d, const struct store_active_total *t, size_t n)
{
	struct tpl_dict	*s;
	size_t		 i;

	for (i = 0; i + 1 < n; i++) {
		s = tpl_section(d, TN_SITE_TOTAL);
		tpl_set(s, TN_SITE, t[i].site_name);
		tpl_set_int(s, TN_NSERVICES, t[i].nservices);
		tpl_set_int(s, TN_QTY, t[i].qty);
		page_set_money(s, TN_PRICE_TOTAL, t[i].price_total);
		page_set_money(s, TN_COST_TOTAL, t[i].cost_total);
		page_set_money(s, TN_MARGIN, t[i].price_total -
		    t[i].cost_total);
	}
	tpl_set_int(d, TN_NGROUPS, t[n - 1].ngroups);
	tpl_set_int(d, TN_NSERVICES, t[n - 1].nservices);
	tpl_set_int(d, TN_QTY, t[n - 1].qty);
	page_set_money(d, TN_PRICE_TOTAL, t[n - 1].price_total);
	page_set_money(d, TN_COST_TOTAL, t[n - 1].cost_total);
	page_set_money(d, TN_MARGIN, t[n - 1].price_total -
	    t[n - 1].cost_total);
}

static void
fill_pager(struct tpl_dict *d, const struct store_active_group *g, size_t n,
    int prev, int next)
{
	struct tpl_dict	*pg, *p;

	if (n == 0 || (!prev && !next))
		return;
	pg = tpl_section(d, TN_PAGER);
	if (prev) {
		p = tpl_section(pg, TN_PREV);
		tpl_set_int(p, TN_SITE_ID, g[0].site_id);
		tpl_set_int(p, TN_SERVICE_ID, g[0].service_id);
	}
	if (next) {
		p = tpl_section(pg, TN_NEXT);
		tpl_set_int(p, TN_SITE_ID, g[n - 1].site_id);
		tpl_set_int(p, TN_SERVICE_ID, g[n - 1].service_id);
	}
}

static void
show(struct req *r)
{
	struct tpl_dict			*d;
	struct store_active_group	*g;
	struct store_active_total	*t;
	size_t				 n, nt, per = PER_PAGE;
	int64_t				 x;
	int				 prev, next, rc;

	if ((d = page_begin(r, "Active services report", "report_active.tpl",
	    "reports")) == NULL)
		return;
	if (query_id(r, "per", &x) == 1 && x <= PER_MAX)
		per = (size_t)x;
	if ((rc = page_groups(r, per, &g, &n, &prev, &next)) <= 0 ||
	    store_report_active_totals(r->a, r->user.operator_id, r->today,
	    &t, &nt) < 0) {
		if (rc != 0)
			page_store_error(r);
		return;
	}
	fill_groups(d, g, n);
	fill_totals(d, t, nt);
	fill_pager(d, g, n, prev, next);
	tpl_set_int(d, TN_PER_PAGE, (long long)per);
	page_set_date(d, TN_TODAY, r->today);
	tpl_show(d, n > 0 ? TN_HAS_ROWS : t[nt - 1].ngroups == 0 ? TN_EMPTY :
	    TN_PAST_END);
	page_end(r);
}

void
page_report_active(struct req *r)
{
	int	 csv = strstr(r->path, ".csv") != NULL;

	if (store_report_active_keep(r->a, r->user.operator_id, r->today) <
	    0) {
		page_store_error(r);
		return;
	}
	if (csv)
		send_csv(r, query_enum(r, "kind", (const char *const[]){
		    "full", NULL }) == 0);
	else
		show(r);
}
