/*
 * report_charges: Occupier Service Charges for a complete month: every
 * occupier's charge lines, on screen (/reports/charges) and as CSV
 * (/reports/charges.csv). The total equals the sum of the lines.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/csv.h"
#include "../domain/date.h"
#include "../ops/billrun.h"
#include "../tpl/tpl.h"
#include "pages.h"

static void
send_csv(struct req *r, const struct bill_line *bl, size_t n, int64_t total,
    const char *month)
{
	struct buf	 b;
	char		 f[DATE_STRLEN], t[DATE_STRLEN];
	size_t		 i;

	buf_init(&b, r->a, 256 + n * 160);
	csv_text(&b, "Occupier", 1);
	csv_text(&b, "Site", 0);
	csv_text(&b, "Service", 0);
	csv_text(&b, "From", 0);
	csv_text(&b, "To", 0);
	csv_text(&b, "Days", 0);
	csv_text(&b, "Days in month", 0);
	csv_text(&b, "Unit price", 0);
	csv_text(&b, "QTY", 0);
	csv_text(&b, "Amount", 0);
	csv_end(&b);
	for (i = 0; i < n; i++) {
		date_format(bl[i].l.from, f, sizeof(f));
		date_format(bl[i].l.to, t, sizeof(t));
		csv_text(&b, bl[i].row->occ_name, 1);
		csv_text(&b, bl[i].row->site_name, 0);
		csv_text(&b, bl[i].row->service_name, 0);
		csv_text(&b, f, 0);
		csv_text(&b, t, 0);
		csv_int(&b, bl[i].l.days, 0);
		csv_int(&b, bl[i].l.dim, 0);
		csv_money(&b, bl[i].l.price, 0);
		csv_int(&b, bl[i].l.qty, 0);
		csv_money(&b, bl[i].l.amount, 0);
		csv_end(&b);
	}
	csv_text(&b, "Total", 1);
	for (i = 0; i < 8; i++)
		csv_text(&b, "", 0);
	csv_money(&b, total, 0);
	csv_end(&b);
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"occupier-service-charges-%s.csv\"", month));
	http_send(r, 200, "text/csv; charset=utf-8", b.p, b.len);
}

void
page_report_charges(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct bill_line	*bl;
	size_t			 n, i;
	int64_t			 total, sub = 0;
	int			 y, m, ty, tm, td, rc, csv;
	char			 month[16];

	csv = strstr(r->path, ".csv") != NULL;
	if ((d = page_begin(r, "Occupier Service Charges",
	    "report_charges.tpl", "reports")) == NULL)
		return;
	if (page_month(r, d, &y, &m, -1) == -1) {
		http_error_msg(r, 400, "The month must be written YYYY-MM.");
		return;
	}
	date_to_ymd(r->today, &ty, &tm, &td);
	if (y * 12 + m >= ty * 12 + tm) {
		/* Only complete months: the month must have ended. */
		r->status = 422;
		tpl_show(d, TN_NOT_COMPLETE);
		if (csv) {
			http_error_msg(r, 422, "Choose a complete month: the "
			    "report covers months that have ended.");
			return;
		}
		page_end(r);
		return;
	}
	if ((rc = billrun_lines(r->a, r->user.operator_id, 0, 0, y,
	    m, &bl, &n, &total)) < 0) {
		if (rc == -2)
			http_error(r, 500);
		else
			page_store_error(r);
		return;
	}
	snprintf(month, sizeof(month), "%04d-%02d", y, m);
	if (csv) {
		send_csv(r, bl, n, total, month);
		return;
	}
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_ROW);
		tpl_set(row, TN_OCCUPIER, bl[i].row->occ_name);
		tpl_set_int(row, TN_OCC_ID, bl[i].row->occ_id);
		tpl_set_int(row, TN_SITE_ID, bl[i].row->site_id);
		tpl_set(row, TN_SITE, bl[i].row->site_name);
		tpl_set(row, TN_SERVICE, bl[i].row->service_name);
		page_set_date(row, TN_FROM, bl[i].l.from);
		page_set_date(row, TN_TO, bl[i].l.to);
		page_setf(row, TN_DAYS, "%d/%d", bl[i].l.days, bl[i].l.dim);
		page_set_money(row, TN_PRICE, bl[i].l.price);
		tpl_set_int(row, TN_QTY, bl[i].l.qty);
		page_set_money(row, TN_AMOUNT, bl[i].l.amount);
		sub += bl[i].l.amount;
		/* Subtotal after the last line of each occupier. */
		if (i + 1 == n || bl[i + 1].row->occ_id != bl[i].row->occ_id) {
			struct tpl_dict *s = tpl_section(row, TN_SUBTOTAL);

			tpl_set(s, TN_OCCUPIER, bl[i].row->occ_name);
			page_set_money(s, TN_AMOUNT, sub);
			sub = 0;
		}
	}
	tpl_set_int(d, TN_NLINES, (long long)n);
	page_set_money(d, TN_TOTAL, total);
	tpl_show(d, n == 0 ? TN_EMPTY : TN_HAS_ROWS);
	page_end(r);
}
