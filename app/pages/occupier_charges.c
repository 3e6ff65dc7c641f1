/*
 * occupier_charges: the Charges tab: what the occupier pays at the site for
 * a month, line by line (dates, days, unit price, QTY, amount) and total.
 */
#include <stdio.h>

#include "../domain/date.h"
#include "../ops/billrun.h"
#include "../tpl/tpl.h"
#include "pages.h"

void
page_occupier_charges(struct req *r)
{
	occupier_charges_show(r, r->ids[0], r->ids[1], 0);
}

/* The operator's tab (self 0: occ from the URL, checked by occupier_nav)
 * or the occupier's own view (self 1: the user's occupier, site checked by
 * my_nav). */
void
occupier_charges_show(struct req *r, int64_t occ, int64_t site, int self)
{
	struct tpl_dict		*d, *row;
	struct store_occupier	 o;
	struct bill_line	*bl;
	size_t			 n, i;
	int64_t			 total;
	int			 y, m, rc;

	if ((d = page_begin(r, "Charges", "occupier_charges.tpl",
	    self ? "my" : "occupiers")) == NULL)
		return;
	if (self) {
		if (!my_nav(r, d, site, "charges"))
			return;
		o.id = occ;
		tpl_set(d, TN_BASE, arena_printf(r->a, "/my/sites/%lld",
		    (long long)site));
	} else {
		if (!occupier_nav(r, d, occ, site, "charges", &o))
			return;
		tpl_set(d, TN_BASE, arena_printf(r->a,
		    "/occupiers/%lld/sites/%lld", (long long)o.id,
		    (long long)site));
	}
	if (page_month(r, d, &y, &m, 0) == -1) {
		http_error_msg(r, 400, "The month must be written YYYY-MM.");
		return;
	}
	if ((rc = billrun_lines(r->a, r->user.operator_id, o.id,
	    site, y, m, &bl, &n, &total)) < 0) {
		if (rc == -2)
			http_error(r, 500);
		else
			page_store_error(r);
		return;
	}
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_ROW);
		tpl_set(row, TN_SERVICE, bl[i].row->service_name);
		page_set_date(row, TN_FROM, bl[i].l.from);
		page_set_date(row, TN_TO, bl[i].l.to);
		page_setf(row, TN_DAYS, "%d/%d", bl[i].l.days, bl[i].l.dim);
		page_set_money(row, TN_PRICE, bl[i].l.price);
		tpl_set_int(row, TN_QTY, bl[i].l.qty);
		page_set_money(row, TN_AMOUNT, bl[i].l.amount);
	}
	page_set_money(d, TN_TOTAL, total);
	tpl_show(d, n == 0 ? TN_EMPTY : TN_HAS_ROWS);
	/* Usage (calls, bandwidth burst): its own block, its own total. */
	usage_charges_block(r, d, o.id, site, y, m, self ?
	    arena_printf(r->a, "/my/sites/%lld", (long long)site) :
	    arena_printf(r->a, "/occupiers/%lld/sites/%lld", (long long)o.id,
	    (long long)site));
	page_end(r);
}
