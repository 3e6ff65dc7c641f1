/*
 * bill_run: one bill run (/invoices/runs/N): what it billed, its drafts
 * and issued invoices, and "Approve all drafts", which approves each
 * draft in its own transaction (gap-free numbers, in draft order): an
 * interruption leaves whole invoices, issued or draft, never a gap.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/invoice.h"
#include "../store/store_invoice.h"
#include "../tpl/tpl.h"
#include "invoicing.h"
#include "pages.h"

void
page_bill_run(struct req *r)
{
	struct tpl_dict		*d;
	struct store_run	 v;
	int64_t			*ids, issued = 0, skipped = 0;
	const char		*op, *number, *done;
	char			 b[32];
	size_t			 n, i;
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
		op = kv_get(&r->form, "op");
		if (op == NULL || strcmp(op, "approve_all") != 0) {
			http_error_msg(r, 400, "The bill run form could not be "
			    "read.");
			return;
		}
		if (store_run_drafts(r->a, r->user.operator_id, v.id, &ids,
		    &n) < 0) {
			page_store_error(r);
			return;
		}
		for (i = 0; i < n; i++) {
			rc = invoicing_approve(r, ids[i], 0, &number);
			if (rc < 0) {
				page_store_error(r);
				return;
			}
			if (rc == APPROVE_ISSUED)
				issued++;
			else
				skipped++;
		}
		http_redirect(r, arena_printf(r->a, "/invoices/runs/%lld?done="
		    "approved&issued=%lld&skipped=%lld", (long long)v.id,
		    (long long)issued, (long long)skipped));
		return;
	}
	if ((d = page_begin(r, arena_printf(r->a, "Bill run %lld",
	    (long long)v.id), "bill_run.tpl", "invoices")) == NULL)
		return;
	tpl_set_int(d, TN_ID, v.id);
	inv_month_label(v.period, b, sizeof(b));
	tpl_set(d, TN_PERIOD, b);
	tpl_set(d, TN_MODE, strcmp(v.mode, "advance") == 0 ? "in advance" :
	    "in arrears");
	tpl_set(d, TN_SITE, *v.site_name ? v.site_name : "All sites");
	page_set_time(r, d, TN_STARTED, TN__MAX, v.started);
	tpl_set(d, TN_BY, v.by);
	tpl_set_int(d, TN_OCCUPIERS, v.occupiers);
	tpl_set_int(d, TN_INVOICES, v.invoices);
	tpl_set_int(d, TN_LINES, v.lines);
	page_set_money(d, TN_NET, v.net);
	tpl_set_int(d, TN_DRAFTS, v.drafts);
	tpl_set_int(d, TN_ISSUED, v.issued);
	if (strcmp(v.state, "done") == 0)
		page_setf(d, TN_STATE, "Done in %lld.%03lld s",
		    (long long)(v.micros / 1000000),
		    (long long)(v.micros / 1000 % 1000));
	else
		tpl_show(d, TN_UNFINISHED);
	if (v.drafts > 0)
		tpl_show(d, TN_CAN_APPROVE);
	if ((done = kv_get(&r->query, "done")) != NULL) {
		if (strcmp(done, "run") == 0)
			tpl_set(tpl_section(d, TN_NOTICE), TN_TEXT, arena_printf(
			    r->a, "The run is done: %lld draft invoices for "
			    "%lld occupiers.", (long long)v.invoices,
			    (long long)v.occupiers));
		else if (strcmp(done, "approved") == 0) {
			const char *is = kv_get(&r->query, "issued");
			const char *sk = kv_get(&r->query, "skipped");

			tpl_set(tpl_section(d, TN_NOTICE), TN_TEXT, arena_printf(
			    r->a, "Approved: %s invoices issued%s%s%s.",
			    is ? is : "0", sk && strcmp(sk, "0") != 0 ?
			    " (" : "", sk && strcmp(sk, "0") != 0 ? sk : "",
			    sk && strcmp(sk, "0") != 0 ? " issued meanwhile "
			    "or empty)" : ""));
		}
	}
	page_end(r);
}
