/*
 * report_active: the Active services report: per site and service, the
 * quantity, cost, RRP, price and margin (price - cost) of the services
 * active today; on screen, and as CSV in full (one row per occupier
 * service) or as a summary (one row per site and service).
 */
#include <stdio.h>
#include <string.h>

#include "../domain/csv.h"
#include "../domain/date.h"
#include "../domain/money.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

struct group {
	int64_t		 site_id, service_id;
	const char	*site, *service;
	int64_t		 qty, cost, rrp;	/* cost, rrp: per unit */
	int64_t		 price_total, cost_total;
};

static size_t
summarise(struct req *r, const struct store_active *a, size_t n,
    struct group **out)
{
	struct group	*g;
	size_t		 i, k = 0;
	int64_t		 t;

	g = arena_calloc(r->a, n ? n : 1, sizeof(*g));
	for (i = 0; i < n; i++) {
		if (k == 0 || g[k - 1].site_id != a[i].site_id ||
		    g[k - 1].service_id != a[i].service_id) {
			g[k].site_id = a[i].site_id;
			g[k].service_id = a[i].service_id;
			g[k].site = a[i].site_name;
			g[k].service = a[i].service_name;
			g[k].cost = a[i].cost;
			g[k].rrp = a[i].rrp;
			k++;
		}
		g[k - 1].qty += a[i].qty;
		if (money_mul(a[i].price, a[i].qty, &t) == 0)
			g[k - 1].price_total += t;
		if (money_mul(a[i].cost, a[i].qty, &t) == 0)
			g[k - 1].cost_total += t;
	}
	*out = g;
	return k;
}

static void
send_csv(struct req *r, const struct store_active *a, size_t n,
    const struct group *g, size_t ng, int full)
{
	struct buf	 b;
	size_t		 i;
	int64_t		 pt, ct;
	char		 day[DATE_STRLEN];

	buf_init(&b, r->a, 256 + (full ? n : ng) * 160);
	if (full) {
		csv_text(&b, "Site", 1);
		csv_text(&b, "Service", 0);
		csv_text(&b, "Occupier", 0);
		csv_text(&b, "Contract", 0);
		csv_text(&b, "QTY", 0);
		csv_text(&b, "Cost", 0);
		csv_text(&b, "RRP", 0);
		csv_text(&b, "Price", 0);
		csv_text(&b, "Total price", 0);
		csv_text(&b, "Total cost", 0);
		csv_text(&b, "Margin", 0);
		csv_end(&b);
		for (i = 0; i < n; i++) {
			if (money_mul(a[i].price, a[i].qty, &pt) == -1 ||
			    money_mul(a[i].cost, a[i].qty, &ct) == -1)
				pt = ct = 0;
			csv_text(&b, a[i].site_name, 1);
			csv_text(&b, a[i].service_name, 0);
			csv_text(&b, a[i].occ_name, 0);
			csv_text(&b, a[i].contract_ref, 0);
			csv_int(&b, a[i].qty, 0);
			csv_money(&b, a[i].cost, 0);
			csv_money(&b, a[i].rrp, 0);
			csv_money(&b, a[i].price, 0);
			csv_money(&b, pt, 0);
			csv_money(&b, ct, 0);
			csv_money(&b, pt - ct, 0);
			csv_end(&b);
		}
	} else {
		csv_text(&b, "Site", 1);
		csv_text(&b, "Service", 0);
		csv_text(&b, "QTY", 0);
		csv_text(&b, "Cost", 0);
		csv_text(&b, "RRP", 0);
		csv_text(&b, "Total price", 0);
		csv_text(&b, "Total cost", 0);
		csv_text(&b, "Margin", 0);
		csv_end(&b);
		for (i = 0; i < ng; i++) {
			csv_text(&b, g[i].site, 1);
			csv_text(&b, g[i].service, 0);
			csv_int(&b, g[i].qty, 0);
			csv_money(&b, g[i].cost, 0);
			csv_money(&b, g[i].rrp, 0);
			csv_money(&b, g[i].price_total, 0);
			csv_money(&b, g[i].cost_total, 0);
			csv_money(&b, g[i].price_total - g[i].cost_total, 0);
			csv_end(&b);
		}
	}
	date_format(r->today, day, sizeof(day));
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"active-services-%s-%s.csv\"",
	    full ? "full" : "summary", day));
	http_send(r, 200, "text/csv; charset=utf-8", b.p, b.len);
}

void
page_report_active(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct store_active	*a;
	struct group		*g;
	const char		*kind;
	size_t			 n, ng, i;
	int64_t			 qty = 0, pt = 0, ct = 0;

	if (store_active_services(r->a, r->user.operator_id, r->today, &a,
	    &n) < 0) {
		page_store_error(r);
		return;
	}
	ng = summarise(r, a, n, &g);
	if (strstr(r->path, ".csv") != NULL) {
		kind = kv_get(&r->query, "kind");
		send_csv(r, a, n, g, ng, kind != NULL &&
		    strcmp(kind, "full") == 0);
		return;
	}
	if ((d = page_begin(r, "Active services report", "report_active.tpl",
	    "reports")) == NULL)
		return;
	for (i = 0; i < ng; i++) {
		row = tpl_section(d, TN_ROW);
		tpl_set(row, TN_SITE, g[i].site);
		tpl_set(row, TN_SERVICE, g[i].service);
		tpl_set_int(row, TN_QTY, g[i].qty);
		page_set_money(row, TN_COST, g[i].cost);
		page_set_money(row, TN_RRP, g[i].rrp);
		page_set_money(row, TN_PRICE_TOTAL, g[i].price_total);
		page_set_money(row, TN_COST_TOTAL, g[i].cost_total);
		page_set_money(row, TN_MARGIN, g[i].price_total - g[i].cost_total);
		if (g[i].price_total < g[i].cost_total)
			tpl_show(row, TN_NEGATIVE);
		qty += g[i].qty;
		pt += g[i].price_total;
		ct += g[i].cost_total;
	}
	tpl_set_int(d, TN_QTY, qty);
	page_set_money(d, TN_PRICE_TOTAL, pt);
	page_set_money(d, TN_COST_TOTAL, ct);
	page_set_money(d, TN_MARGIN, pt - ct);
	page_set_date(d, TN_TODAY, r->today);
	tpl_show(d, ng == 0 ? TN_EMPTY : TN_HAS_ROWS);
	page_end(r);
}
