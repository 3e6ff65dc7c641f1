/*
 * bill_run: one bill run (/invoices/runs/N): what it billed, its drafts
 * and issued invoices, and "Approve all drafts", which approves each
 * draft in its own transaction (gap-free numbers, in draft order): an
 * interruption leaves whole invoices, issued or draft, never a gap.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/invoice.h"
#include "../ops/invoices.h"
#include "../store/store_invoice.h"
#include "../tpl/tpl.h"
#include "pages.h"

static const char *const run_ops[] = { "approve_all", NULL };

/* Approve every draft of run v, each on its own; then the run's page
 * says how many were issued and skipped (issued meanwhile, or empty). */
static void
approve_all(struct req *r, const struct store_run *v)
{
	struct invoice_approve_in	 in;
	struct invoice_out		 out;
	struct ops_ctx			 c;
	int64_t				*ids, issued = 0, skipped = 0;
	size_t				 n, i;
	int				 rc;

	if (form_enum(r, "op", run_ops) < 0) {
		http_error_msg(r, 400, "The bill run form could not be read.");
		return;
	}
	if (store_run_drafts(r->a, r->user.operator_id, v->id, &ids, &n) < 0) {
		page_store_error(r);
		return;
	}
	page_ops_ctx(r, &c);
	for (i = 0; i < n; i++) {
		memset(&in, 0, sizeof(in));
		in.id = ids[i];
		if ((rc = ops_invoice_approve(&c, &in, &out)) < 0) {
			page_store_error(r);
			return;
		}
		if (rc > 0)
			issued++;
		else
			skipped++;
	}
	http_redirect(r, arena_printf(r->a, "/invoices/runs/%lld?done="
	    "approved&issued=%lld&skipped=%lld", (long long)v->id,
	    (long long)issued, (long long)skipped));
}

/* The notice of the redirect's flash (run, approved). */
static void
notice_fill(struct req *r, struct tpl_dict *d, const struct store_run *v)
{
	const char	*done = http_flash_take(r), *is, *sk;

	if (done == NULL)
		return;
	if (strcmp(done, "run") == 0)
		tpl_set(tpl_section(d, TN_NOTICE), TN_TEXT, arena_printf(r->a,
		    "The run is done: %lld draft invoices for %lld occupiers.",
		    (long long)v->invoices, (long long)v->occupiers));
	else if (strcmp(done, "approved") == 0) {
		is = query_text(r, "issued", 20);
		sk = query_text(r, "skipped", 20);
		tpl_set(tpl_section(d, TN_NOTICE), TN_TEXT, arena_printf(r->a,
		    "Approved: %s invoices issued%s%s%s.", is ? is : "0",
		    sk && strcmp(sk, "0") != 0 ? " (" : "",
		    sk && strcmp(sk, "0") != 0 ? sk : "",
		    sk && strcmp(sk, "0") != 0 ? " issued meanwhile or empty)" :
		    ""));
	}
}

static void
run_fill(struct req *r, struct tpl_dict *d, const struct store_run *v)
{
	char	 b[32];

	tpl_set_int(d, TN_ID, v->id);
	inv_month_label(v->period, b, sizeof(b));
	tpl_set(d, TN_PERIOD, b);
	tpl_set(d, TN_MODE, strcmp(v->mode, "advance") == 0 ? "in advance" :
	    "in arrears");
	tpl_set(d, TN_SITE, *v->site_name ? v->site_name : "All sites");
	page_set_time(r, d, TN_STARTED, TN__MAX, v->started);
	tpl_set(d, TN_BY, v->by);
	tpl_set_int(d, TN_OCCUPIERS, v->occupiers);
	tpl_set_int(d, TN_INVOICES, v->invoices);
	tpl_set_int(d, TN_LINES, v->lines);
	page_set_money(d, TN_NET, v->net);
	tpl_set_int(d, TN_DRAFTS, v->drafts);
	tpl_set_int(d, TN_ISSUED, v->issued);
	if (strcmp(v->state, "done") == 0)
		page_setf(d, TN_STATE, "Done in %lld.%03lld s",
		    (long long)(v->micros / 1000000),
		    (long long)(v->micros / 1000 % 1000));
	else
		tpl_show(d, TN_UNFINISHED);
	if (v->drafts > 0)
		tpl_show(d, TN_CAN_APPROVE);
}

void
page_bill_run(struct req *r)
{
	struct tpl_dict		*d;
	struct store_run	 v;
	int			 rc;

	if ((rc = store_run_get(r->a, r->user.operator_id, r->ids[0],
	    &v)) <= 0) {
		if (rc == 0)
			http_error(r, 404);
		else
			page_store_error(r);
		return;
	}
	if (r->method == M_POST) {
		approve_all(r, &v);
		return;
	}
	if ((d = page_begin(r, arena_printf(r->a, "Bill run %lld",
	    (long long)v.id), "bill_run.tpl", "invoices")) == NULL)
		return;
	run_fill(r, d, &v);
	notice_fill(r, d, &v);
	page_end(r);
}
