/*
 * report_charges: Occupier Service Charges for a complete month, on
 * screen (/reports/charges) and as CSV (/reports/charges.csv).
 *
 * On screen the lines come PER_PAGE occupiers at a time in name order,
 * paged by key (after= / before= an occupier's id: one seek into the
 * occupier name index whatever the depth); the month's totals (per site,
 * the grand total, lines and occupiers counted) come from one aggregate
 * statement over the whole month (kept once computed: store_report.h),
 * never from the lines shown. The CSV is streamed (send_csv): one
 * statement in the report's order whose rows come from the server one at
 * a time, each line written as it is computed (bounded worker memory,
 * first byte before the month is read whole); its Total row is the sum of
 * the lines written.
 *
 * The month under way has no report yet, but a CSV of its month-to-date
 * draft (its lines up to today, marked as a draft in its name and first
 * line); a month to come has neither.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/charges.h"
#include "../domain/csv.h"
#include "../domain/date.h"
#include "../log.h"
#include "../ops/billrun.h"
#include "../store/store_report.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define PER_PAGE	25	/* occupiers a page, unless per= says (1-100) */
#define PER_MAX		100

/* A month of the report: (y, m), its first and last day, "YYYY-MM". */
struct month {
	int		 y, m;
	size_t		 per;		/* occupiers a page */
	int32_t		 first, last;
	int32_t		 draft_to;	/* the month under way: today; else 0 */
	char		 label[16];
};

static void
csv_head(struct buf *b)
{
	csv_text(b, "Occupier", 1);
	csv_text(b, "Site", 0);
	csv_text(b, "Service", 0);
	csv_text(b, "From", 0);
	csv_text(b, "To", 0);
	csv_text(b, "Days", 0);
	csv_text(b, "Days in month", 0);
	csv_text(b, "Unit price", 0);
	csv_text(b, "QTY", 0);
	csv_text(b, "Amount", 0);
	csv_end(b);
}

static void
csv_line(struct buf *b, const struct bill_line *bl)
{
	char	 f[DATE_STRLEN], t[DATE_STRLEN];

	date_format(bl->l.from, f, sizeof(f));
	date_format(bl->l.to, t, sizeof(t));
	csv_text(b, bl->row->occ_name, 1);
	csv_text(b, bl->row->site_name, 0);
	csv_text(b, bl->row->service_name, 0);
	csv_text(b, f, 0);
	csv_text(b, t, 0);
	csv_int(b, bl->l.days, 0);
	csv_int(b, bl->l.dim, 0);
	csv_money(b, bl->l.price, 0);
	csv_int(b, bl->l.qty, 0);
	csv_money(b, bl->l.amount, 0);
	csv_end(b);
}

/* The draft's first line: what it is and up to when. */
static void
csv_draft_note(struct req *r, struct buf *b, const struct month *mo)
{
	char	 t[DATE_STRLEN];

	date_format(mo->draft_to, t, sizeof(t));
	csv_text(b, arena_printf(r->a, "Draft \xe2\x80\x94 month to date: the "
	    "charges of %s up to %s; final when the month has ended.",
	    mo->label, t), 1);
	csv_end(b);
}

/* The CSV being written (send_csv). */
struct csv_out {
	struct req		*r;
	const struct month	*mo;
	int64_t			 total;		/* of the lines written */
	int			 begun;		/* status and head sent */
	int			 gone;		/* a write failed */
};

/* Status, headers and the head, once: before the first line, or for a
 * month without lines at the end. 0, -1 (the client went away). */
static int
csv_begin(struct csv_out *o)
{
	struct req	*r = o->r;

	if (o->begun)
		return o->gone ? -1 : 0;
	o->begun = 1;
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"occupier-service-charges-%s%s.csv\"",
	    o->mo->label, o->mo->draft_to != 0 ?
	    "-draft-month-to-date" : ""));
	if (http_stream_begin(r, 200, "text/csv; charset=utf-8") == -1) {
		o->gone = 1;
		return -1;
	}
	if (o->mo->draft_to != 0)
		csv_draft_note(r, http_stream_buf(r), o->mo);
	csv_head(http_stream_buf(r));
	return 0;
}

/* A line of the month as it is computed: cut at today for the draft,
 * added to the total, written (the first at once: first byte fast). */
static int
csv_each(void *ctx, const struct bill_line *line)
{
	struct csv_out		*o = ctx;
	struct bill_line	 bl = *line;
	int			 first = !o->begun, rc;

	if (o->mo->draft_to != 0 &&
	    (rc = charges_line_until(&bl.l, o->r->today)) <= 0)
		return rc < 0 ? -1 : 0;		/* overflow, or after today */
	if (bl.l.amount > 0 && o->total > INT64_MAX - bl.l.amount) {
		log_warnx("billing: total overflow");
		return -1;
	}
	o->total += bl.l.amount;
	if (csv_begin(o) == -1)
		return -1;
	csv_line(http_stream_buf(o->r), &bl);
	if (http_stream_put(o->r, first) == -1) {
		o->gone = 1;		/* the client went away: logged */
		return -1;
	}
	return 0;
}

/*
 * The month as CSV, streamed: the lines are computed and written as the
 * month's one statement sends its rows (billrun_lines_each), never held
 * whole, HTTP_STREAM_CHUNK bytes at a time, then the Total row (the sum
 * of the lines written). A store error before the first line still
 * answers its own page; one after it (rare: the server failing mid-read)
 * ends the file with a line saying it is incomplete, instead of the Total
 * row, and is logged.
 */
static void
send_csv(struct req *r, const struct month *mo)
{
	struct csv_out	 o = { r, mo, 0, 0, 0 };
	size_t		 i;
	int		 rc;

	rc = billrun_lines_each(r->a, r->user.operator_id, mo->y, mo->m,
	    csv_each, &o);
	if (rc < 0 && !o.begun) {
		if (rc == -1)
			page_store_error(r);
		else
			http_error(r, 500);
		return;
	}
	if (rc < 0) {
		if (!o.gone && !r->stream_failed) {
			/* The head is sent: say so in the file, and stop. */
			log_warnx("report_charges: CSV of %s stopped early",
			    mo->label);
			csv_text(http_stream_buf(r), "The export stopped early "
			    "(an error on the server): this file is "
			    "incomplete.", 1);
			csv_end(http_stream_buf(r));
		}
		return;
	}
	if (csv_begin(&o) == -1)
		return;
	csv_text(http_stream_buf(r), "Total", 1);
	for (i = 0; i < 8; i++)
		csv_text(http_stream_buf(r), "", 0);
	csv_money(http_stream_buf(r), o.total, 0);
	csv_end(http_stream_buf(r));
}

/* The page's occupiers: after= or before= a key (a foreign or unknown id
 * answers 404), PER_PAGE of them in name order; *prev, *next: whether
 * there are more on either side. 1 ok, 0 answered (404/400), -1 error. */
static int
page_keys(struct req *r, const struct month *mo,
    struct store_occ_key **o, size_t *n, int *prev, int *next)
{
	struct store_occ_key	 key;
	int64_t			 id;
	int			 before = 0, rc, k;

	if ((k = query_id(r, "after", &id)) == 0 &&
	    (k = query_id(r, "before", &id)) == 1)
		before = 1;
	if (k == -1) {
		http_error_msg(r, 400, "The page asked for is not one.");
		return 0;
	}
	if (k == 1 && (rc = store_report_occ_key(r->a, r->user.operator_id,
	    id, &key)) <= 0) {
		if (rc == 0)
			http_error(r, 404);
		return rc;
	}
	if (store_report_charged(r->a, r->user.operator_id, mo->first,
	    mo->last, k == 1 ? &key : NULL, before, mo->per + 1, o, n) < 0)
		return -1;
	*n = page_keyset(*o, *n, sizeof(**o), mo->per, k == 1, before, prev,
	    next);
	return 1;
}

/* The lines of the page, with a subtotal after each occupier's last. */
static void
fill_lines(struct tpl_dict *d, const struct bill_line *bl, size_t n)
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
		if (i + 1 == n || bl[i + 1].row->occ_id != bl[i].row->occ_id) {
			s = tpl_section(row, TN_SUBTOTAL);
			tpl_set(s, TN_OCCUPIER, bl[i].row->occ_name);
			page_set_money(s, TN_AMOUNT, sub);
			sub = 0;
		}
	}
}

/* The month's totals per site and in all (the last row: site 0). */
static void
fill_totals(struct tpl_dict *d, const struct store_charge_total *t, size_t n)
{
	struct tpl_dict	*s;
	size_t		 i;

	for (i = 0; i + 1 < n; i++) {
		s = tpl_section(d, TN_SITE_TOTAL);
		tpl_set(s, TN_SITE, t[i].site_name);
		tpl_set_int(s, TN_NOCCUPIERS, t[i].noccupiers);
		tpl_set_int(s, TN_NLINES, t[i].nlines);
		page_set_money(s, TN_AMOUNT, t[i].amount);
	}
	tpl_set_int(d, TN_NOCCUPIERS, t[n - 1].noccupiers);
	tpl_set(d, TN_OCC_NOUN, t[n - 1].noccupiers == 1 ? "occupier" :
	    "occupiers");
	tpl_set_int(d, TN_NLINES, t[n - 1].nlines);
	page_set_money(d, TN_TOTAL, t[n - 1].amount);
}

static void
fill_pager(struct tpl_dict *d, const struct store_occ_key *o, size_t n,
    int prev, int next)
{
	struct tpl_dict	*pg;

	if (n == 0 || (!prev && !next))
		return;
	pg = tpl_section(d, TN_PAGER);
	if (prev)
		tpl_set_int(tpl_section(pg, TN_PREV), TN_KEY, o[0].id);
	if (next)
		tpl_set_int(tpl_section(pg, TN_NEXT), TN_KEY, o[n - 1].id);
}

/* The month on screen: a page of occupiers' lines and the month's totals. */
static void
show(struct req *r, struct tpl_dict *d, const struct month *mo)
{
	struct store_occ_key	*o;
	struct store_charge_total *t;
	struct store_name_window w;
	struct bill_line	*bl = NULL;
	size_t			 n, nl = 0, nt;
	int64_t			 sum;
	int			 prev, next, rc;

	if ((rc = page_keys(r, mo, &o, &n, &prev, &next)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		return;
	}
	if (n > 0) {
		w.first_name = o[0].name;
		w.first_id = o[0].id;
		w.last_name = o[n - 1].name;
		w.last_id = o[n - 1].id;
		if ((rc = billrun_lines_window(r->a, r->user.operator_id, &w,
		    mo->y, mo->m, &bl, &nl, &sum)) < 0) {
			if (rc == -2)
				http_error(r, 500);
			else
				page_store_error(r);
			return;
		}
	}
	if (store_report_charge_totals(r->a, r->user.operator_id, mo->first,
	    mo->last, &t, &nt) < 0) {
		page_store_error(r);
		return;
	}
	tpl_show(d, TN_CSV_LINK);
	fill_lines(d, bl, nl);
	fill_totals(d, t, nt);
	fill_pager(d, o, n, prev, next);
	tpl_set_int(d, TN_PAGE_LINES, (long long)nl);
	tpl_set_int(d, TN_PER_PAGE, (long long)mo->per);
	if (n > 0) {
		tpl_set(d, TN_FIRST_OCCUPIER, o[0].name);
		tpl_set(d, TN_LAST_OCCUPIER, o[n - 1].name);
	}
	tpl_show(d, n > 0 ? TN_HAS_ROWS : t[nt - 1].nlines == 0 ? TN_EMPTY :
	    TN_PAST_END);
	page_end(r);
}

/* A month not ended: the notice (and the draft's link for this month),
 * or for a CSV of a month to come a 422. 1 when answered. */
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
	struct month		 mo;
	int64_t			 per;
	int			 ty, tm, td, csv, current;

	csv = strstr(r->path, ".csv") != NULL;
	if ((d = page_begin(r, "Occupier Service Charges",
	    "report_charges.tpl", "reports")) == NULL)
		return;
	if (page_month(r, d, &mo.y, &mo.m, -1) == -1) {
		http_error_msg(r, 400, "The month must be written YYYY-MM.");
		return;
	}
	date_to_ymd(r->today, &ty, &tm, &td);
	current = mo.y * 12 + mo.m == ty * 12 + tm;
	if (mo.y * 12 + mo.m >= ty * 12 + tm &&
	    not_complete(r, d, csv, current))
		return;
	mo.draft_to = current ? r->today : 0;
	mo.per = query_id(r, "per", &per) == 1 && per <= PER_MAX ?
	    (size_t)per : PER_PAGE;
	mo.first = date_from_ymd(mo.y, mo.m, 1);
	mo.last = mo.first + date_days_in_month(mo.y, mo.m) - 1;
	snprintf(mo.label, sizeof(mo.label), "%04d-%02d", mo.y, mo.m);
	if (csv)
		send_csv(r, &mo);
	else
		show(r, d, &mo);
}
