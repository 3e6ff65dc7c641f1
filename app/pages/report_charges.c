/*
 * report_charges: Occupier Service Charges for a complete month: every
 * occupier's charge lines, on screen (/reports/charges) and as CSV
 * (/reports/charges.csv). The total equals the sum of the lines. The
 * month under way has no report yet, but a CSV of its month-to-date
 * draft (its lines up to today, marked as a draft in its name and first
 * line); a month to come has neither.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/charges.h"
#include "../domain/csv.h"
#include "../domain/date.h"
#include "../ops/billrun.h"
#include "../tpl/tpl.h"
#include "pages.h"

static void
send_csv(struct req *r, const struct bill_line *bl, size_t n, int64_t total,
    const char *month, int32_t draft_to)
{
	struct buf	 b;
	char		 f[DATE_STRLEN], t[DATE_STRLEN];
	size_t		 i;

	buf_init(&b, r->a, 256 + n * 160);
	if (draft_to != 0) {
		date_format(draft_to, t, sizeof(t));
		csv_text(&b, arena_printf(r->a, "Draft \xe2\x80\x94 month to "
		    "date: the charges of %s up to %s; final when the month "
		    "has ended.", month, t), 1);
		csv_end(&b);
	}
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
	    "attachment; filename=\"occupier-service-charges-%s%s.csv\"", month,
	    draft_to != 0 ? "-draft-month-to-date" : ""));
	http_send(r, 200, "text/csv; charset=utf-8", b.p, b.len);
}

/* The month under way: its lines cut at today (month to date); the
 * total again. 0, or -1 on overflow. */
static int
month_to_date(struct req *r, struct bill_line *bl, size_t *n, int64_t *total)
{
	size_t	 i, k = 0;
	int	 rc;

	*total = 0;
	for (i = 0; i < *n; i++) {
		if ((rc = charges_line_until(&bl[i].l, r->today)) < 0)
			return -1;
		if (rc == 0)
			continue;
		bl[k++] = bl[i];
		*total += bl[i].l.amount;
	}
	*n = k;
	return 0;
}

static void
fill_rows(struct tpl_dict *d, const struct bill_line *bl, size_t n,
    int64_t total)
{
	struct tpl_dict	*row, *s;
	int64_t		 sub = 0;
	size_t		 i;

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
			s = tpl_section(row, TN_SUBTOTAL);
			tpl_set(s, TN_OCCUPIER, bl[i].row->occ_name);
			page_set_money(s, TN_AMOUNT, sub);
			sub = 0;
		}
	}
	tpl_set_int(d, TN_NLINES, (long long)n);
	page_set_money(d, TN_TOTAL, total);
	tpl_show(d, n == 0 ? TN_EMPTY : TN_HAS_ROWS);
}

/* A month not ended: the notice (and the draft's link for this month),
 * or for a CSV the month-to-date draft. 1 when answered. */
static int
not_complete(struct req *r, struct tpl_dict *d, int csv, int current)
{
	if (!csv) {
		/* Only complete months: the month must have ended. */
		r->status = 422;
		tpl_show(d, TN_NOT_COMPLETE);
		if (current)
			tpl_show(d, TN_DRAFT_LINK);
		page_end(r);
		return 1;
	}
	if (!current) {
		http_error_msg(r, 422, "Choose a complete month or this one: "
		    "the report covers months that have ended, and this "
		    "month to date as a draft.");
		return 1;
	}
	return 0;
}

void
page_report_charges(struct req *r)
{
	struct tpl_dict		*d;
	struct bill_line	*bl;
	size_t			 n;
	int64_t			 total;
	int			 y, m, ty, tm, td, rc, csv, current;
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
	current = y * 12 + m == ty * 12 + tm;
	if (y * 12 + m >= ty * 12 + tm &&
	    not_complete(r, d, csv, current))
		return;
	if ((rc = billrun_lines(r->a, r->user.operator_id, 0, 0, y,
	    m, &bl, &n, &total)) < 0 ||
	    (current && month_to_date(r, bl, &n, &total) < 0)) {
		if (rc == -2 || rc >= 0)
			http_error(r, 500);
		else
			page_store_error(r);
		return;
	}
	snprintf(month, sizeof(month), "%04d-%02d", y, m);
	if (csv) {
		send_csv(r, bl, n, total, month, current ? r->today : 0);
		return;
	}
	tpl_show(d, TN_CSV_LINK);
	fill_rows(d, bl, n, total);
	page_end(r);
}
