/*
 * bill_runs: start a bill run (/invoices/runs: a month, in arrears or in
 * advance, one site or all) and see the recent ones. The run happens in
 * the request (ops/billrun.c); then its page shows what it made.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/charges.h"
#include "../domain/date.h"
#include "../domain/invoice.h"
#include "../ops/billrun.h"
#include "../store/store.h"
#include "../store/store_invoice.h"
#include "../tpl/tpl.h"
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

static const char *const modes[] = { "arrears", "advance", NULL };

/* The run the form asks for into in: NULL, or why it cannot be read. */
static const char *
read_run(struct req *r, struct tpl_dict *d, struct billrun_in *in)
{
	const char	*period = form_text(r, "period", 32);
	int		 mode = form_enum(r, "mode", modes);

	memset(in, 0, sizeof(*in));
	form_fill(r, d, "period", period != NULL ? period : "");
	tpl_show(d, mode == 1 ? TN_MODE_ADVANCE : TN_MODE_ARREARS);
	if (period == NULL || charges_month_parse(period, &in->year,
	    &in->month) == -1)
		return "Month must be written YYYY-MM.";
	if (mode < 0)
		return "Choose in arrears or in advance.";
	in->advance = mode == 1;
	if (form_id(r, "site", &in->site) < 0)
		return "Site must be one of your sites, or all sites.";
	return NULL;
}

/* The form again, with the sites (site selected) and the recent runs. */
static void
form_again(struct req *r, struct tpl_dict *d, const struct store_site *st,
    size_t ns, int64_t site)
{
	form_fill_sites(d, st, ns, site);
	if (runs_fill(r, d) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}

static void
show_form(struct req *r, struct tpl_dict *d, const char *why)
{
	struct store_site	*st;
	char			 month[32];
	size_t			 ns;
	int			 y, m, dd;

	if (store_site_list(r->a, r->user.operator_id, 0, &st, &ns) < 0) {
		page_store_error(r);
		return;
	}
	if (why != NULL) {
		form_error(r, d, "period", why);
		r->status = 422;
	} else {
		date_to_ymd(r->today, &y, &m, &dd);
		if (--m == 0) {
			m = 12;
			y--;
		}
		snprintf(month, sizeof(month), "%04d-%02d", y, m);
		form_fill(r, d, "period", month);
		tpl_show(d, TN_MODE_ARREARS);
	}
	form_again(r, d, st, ns, 0);
}

void
page_bill_runs(struct req *r)
{
	struct tpl_dict		*d;
	struct billrun_in	 in;
	struct billrun_out	 out;
	struct ops_ctx		 c;
	const char		*why;
	int			 rc;

	if ((d = page_begin(r, "Bill run", "bill_runs.tpl", "invoices")) ==
	    NULL)
		return;
	if (r->method == M_GET) {
		show_form(r, d, NULL);
		return;
	}
	if ((why = read_run(r, d, &in)) != NULL) {
		show_form(r, d, why);
		return;
	}
	page_ops_ctx(r, &c);
	if ((rc = ops_billrun_run(&c, &in, &out)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		page_refused(r, d, &out.why);
		form_again(r, d, out.sites, out.nsites, in.site);
		return;
	}
	http_redirect(r, arena_printf(r->a, "/invoices/runs/%lld?done=run",
	    (long long)out.run_id));
}
