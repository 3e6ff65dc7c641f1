/*
 * bill_runs: start a bill run (/invoices/runs: a month, in arrears or in
 * advance, one site or all) and see the recent ones. The run happens in
 * the request (billrun.c); then its page shows what it made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/charges.h"
#include "../domain/date.h"
#include "../domain/invoice.h"
#include "../store/store.h"
#include "../store/store_invoice.h"
#include "../tpl/tpl.h"
#include "billrun.h"
#include "invoicing.h"
#include "pages.h"

/* The recent runs (section RUN of d). */
static int
runs_fill(struct req *r, struct tpl_dict *d)
{
	struct store_run	*v;
	size_t			 n, i;
	char			 b[32];

	if (store_run_list(r->a, r->user.operator_id, &v, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct tpl_dict *s = tpl_section(d, TN_RUN);

		tpl_set_int(s, TN_ID, v[i].id);
		inv_month_label(v[i].period, b, sizeof(b));
		tpl_set(s, TN_PERIOD, b);
		tpl_set(s, TN_MODE, strcmp(v[i].mode, "advance") == 0 ?
		    "in advance" : "in arrears");
		tpl_set(s, TN_SITE, *v[i].site_name ? v[i].site_name :
		    "All sites");
		page_set_time(r, s, TN_STARTED, TN__MAX, v[i].started);
		tpl_set(s, TN_BY, v[i].by);
		tpl_set_int(s, TN_OCCUPIERS, v[i].occupiers);
		tpl_set_int(s, TN_INVOICES, v[i].invoices);
		page_set_money(s, TN_NET, v[i].net);
		if (strcmp(v[i].state, "done") == 0)
			page_setf(s, TN_STATE, "done in %lld.%03lld s",
			    (long long)(v[i].micros / 1000000),
			    (long long)(v[i].micros / 1000 % 1000));
		else
			tpl_set(s, TN_STATE, "did not finish");
	}
	tpl_show(d, n > 0 ? TN_HAS_RUNS : TN_NO_RUNS);
	return 1;
}

static void
form_fill_sites(struct tpl_dict *d, const struct store_site *st, size_t ns,
    int64_t site)
{
	size_t	 i;

	for (i = 0; i < ns; i++) {
		struct tpl_dict *s = tpl_section(d, TN_SITE_OPT);

		tpl_set_int(s, TN_ID, st[i].id);
		tpl_set(s, TN_NAME, st[i].name);
		if (st[i].id == site)
			tpl_show(s, TN_SELECTED);
	}
}

void
page_bill_runs(struct req *r)
{
	struct tpl_dict		*d;
	struct store_site	*st;
	struct billrun_req	 q;
	struct billrun_result	 res;
	const char		*period, *mode, *site, *err = NULL;
	char			 month[32];
	size_t			 ns, i;
	int			 y, m, dd, rc;

	if ((d = page_begin(r, "Bill run", "bill_runs.tpl", "invoices")) ==
	    NULL)
		return;
	if (store_site_list(r->a, r->user.operator_id, 0, &st, &ns) < 0) {
		page_store_error(r);
		return;
	}
	memset(&q, 0, sizeof(q));
	q.op = r->user.operator_id;
	q.user = r->user.id;
	q.today = r->today;
	if (r->method == M_GET) {
		date_to_ymd(r->today, &y, &m, &dd);
		if (--m == 0) {
			m = 12;
			y--;
		}
		snprintf(month, sizeof(month), "%04d-%02d", y, m);
		form_fill(r, d, "period", month);
		tpl_show(d, TN_MODE_ARREARS);
		form_fill_sites(d, st, ns, 0);
		if (runs_fill(r, d) < 0) {
			page_store_error(r);
			return;
		}
		page_end(r);
		return;
	}
	period = kv_get(&r->form, "period");
	mode = kv_get(&r->form, "mode");
	site = kv_get(&r->form, "site");
	form_fill(r, d, "period", period ? period : "");
	tpl_show(d, mode != NULL && strcmp(mode, "advance") == 0 ? TN_MODE_ADVANCE : TN_MODE_ARREARS);
	if (period == NULL || charges_month_parse(period, &q.year,
	    &q.month) == -1)
		err = "Month must be written YYYY-MM.";
	else if (mode == NULL || (strcmp(mode, "arrears") != 0 &&
	    strcmp(mode, "advance") != 0))
		err = "Choose in arrears or in advance.";
	else {
		q.advance = strcmp(mode, "advance") == 0;
		q.site = site == NULL || *site == '\0' ? 0 :
		    strtoll(site, NULL, 10);
		for (i = 0; q.site != 0 && i < ns && st[i].id != q.site; i++)
			continue;
		if (q.site != 0 && i == ns)
			err = "Site must be one of your sites, or all sites.";
		else
			err = billrun_check(&q);
	}
	form_fill_sites(d, st, ns, q.site);
	if (err != NULL) {
		form_error(r, d, "period", err);
		r->status = 422;
		if (runs_fill(r, d) < 0) {
			page_store_error(r);
			return;
		}
		page_end(r);
		return;
	}
	rc = billrun_run(r->a, &q, &res);
	if (rc < 0) {
		if (rc == -2)
			http_error(r, 500);
		else
			page_store_error(r);
		return;
	}
	http_redirect(r, arena_printf(r->a, "/invoices/runs/%lld?done=run",
	    (long long)res.run_id));
}
