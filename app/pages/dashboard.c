/*
 * dashboard: the operator's start page, what needs attention today: open
 * cases, contracts starting or ending within 30 days, services awaiting
 * activation, occupiers over an allocation (domain §3), this month's
 * charges by site and a bar chart of the last 12 months' charges (an
 * inline SVG drawn here, its figures also in a table). Each block is one
 * bounded read (store/store_dashboard.h) and says so when it is empty.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../domain/date.h"
#include "../domain/lookup.h"
#include "../domain/rules.h"
#include "../store/store_dashboard.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define CASES_SHOWN	5
#define LIST_SHOWN	8
#define AHEAD_DAYS	30
#define MONTHS		12
#define CHART_W		600	/* the SVG's user units */
#define CHART_H		160	/* the tallest bar */
#define CHART_TOP	20	/* room above it for its figure */
#define BAR_STEP	(CHART_W / MONTHS)
#define BAR_W		34

static const char *const month_short[12] = { "Jan", "Feb", "Mar", "Apr",
    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static void
set_place(struct tpl_dict *row, const struct store_dash_item *it)
{
	tpl_set_int(row, TN_OCC_ID, it->occ_id);
	tpl_set(row, TN_OCCUPIER, it->occ_name);
	tpl_set_int(row, TN_SITE_ID, it->site_id);
	tpl_set(row, TN_SITE, it->site_name);
}

static int
fill_cases(struct req *r, struct tpl_dict *d)
{
	struct store_dash_list	 l;
	struct tpl_dict		*row;
	int64_t			 count;
	size_t			 i;

	if (store_dash_cases(r->a, r->user.operator_id, CASES_SHOWN, &count,
	    &l) < 0)
		return -1;
	tpl_set_int(d, TN_CASES_COUNT, count);
	tpl_set(d, TN_CASES_NOUN, count == 1 ? "open case" : "open cases");
	if (count == 0)
		tpl_show(d, TN_CASES_EMPTY);
	for (i = 0; i < l.n; i++) {
		row = tpl_section(d, TN_CASE);
		tpl_set_int(row, TN_ID, l.v[i].id);
		tpl_set(row, TN_SUBJECT, l.v[i].text);
		set_place(row, &l.v[i]);
		page_set_time(r, row, TN_RAISED, TN_RAISED_ISO, l.v[i].time);
	}
	return 0;
}

static int
fill_contracts(struct req *r, struct tpl_dict *d)
{
	struct store_dash_list	 l;
	struct tpl_dict		*row;
	int64_t			 starting, ending;
	size_t			 i;

	if (store_dash_contracts(r->a, r->user.operator_id, r->today,
	    r->today + AHEAD_DAYS, LIST_SHOWN, &starting, &ending, &l) < 0)
		return -1;
	tpl_set_int(d, TN_STARTING, starting);
	tpl_set_int(d, TN_ENDING, ending);
	if (l.n == 0)
		tpl_show(d, TN_CONTRACTS_EMPTY);
	for (i = 0; i < l.n; i++) {
		row = tpl_section(d, TN_CONTRACT);
		tpl_set(row, TN_KIND, strcmp(l.v[i].kind, "start") == 0 ?
		    "Starts" : "Ends");
		page_set_date(row, TN_DAY, l.v[i].day);
		tpl_set(row, TN_REFERENCE, l.v[i].text);
		set_place(row, &l.v[i]);
	}
	return 0;
}

static int
fill_pending(struct req *r, struct tpl_dict *d)
{
	struct store_dash_list	 l;
	struct tpl_dict		*row;
	int64_t			 count;
	size_t			 i;

	if (store_dash_pending(r->a, r->user.operator_id, r->today,
	    LIST_SHOWN, &count, &l) < 0)
		return -1;
	tpl_set_int(d, TN_PENDING_COUNT, count);
	tpl_set(d, TN_PENDING_NOUN, count == 1 ? "service" : "services");
	if (count == 0)
		tpl_show(d, TN_PENDING_EMPTY);
	for (i = 0; i < l.n; i++) {
		row = tpl_section(d, TN_PENDING);
		tpl_set(row, TN_SERVICE, l.v[i].text);
		tpl_set_int(row, TN_QTY, l.v[i].n[0]);
		set_place(row, &l.v[i]);
		if (l.v[i].day == DATE_NONE)
			tpl_set(row, TN_STARTS, "when its device is activated");
		else {
			char b[32];

			date_format_long(l.v[i].day, b, sizeof(b));
			page_setf(row, TN_STARTS, "on %s", b);
		}
	}
	return 0;
}

/* "Switch ports 3/2, Telephony extensions 1/0": the kinds over. */
static const char *
over_text(struct req *r, const struct store_dash_item *it)
{
	struct rules_result	 res;
	struct buf		 b;
	char			 f[48];
	int			 t;

	memset(&res, 0, sizeof(res));
	buf_init(&b, r->a, 96);
	for (t = 0; t < INFRA__MAX; t++) {
		res.in_use[t] = it->n[2 * t];
		res.allocated[t] = it->n[2 * t + 1];
		if (res.in_use[t] <= res.allocated[t])
			continue;
		rules_fraction_format(&res, (enum infra)t, f, sizeof(f));
		buf_printf(&b, "%s%s %s", b.len ? ", " : "", infra_names[t], f);
	}
	return b.p;
}

static int
fill_over(struct req *r, struct tpl_dict *d)
{
	struct store_dash_list	 l;
	struct tpl_dict		*row;
	int64_t			 count;
	size_t			 i;

	if (store_dash_over(r->a, r->user.operator_id, LIST_SHOWN, &count,
	    &l) < 0)
		return -1;
	if (count > DASH_OVER_COUNTED)
		page_setf(d, TN_OVER_COUNT, "more than %d", DASH_OVER_COUNTED);
	else
		tpl_set_int(d, TN_OVER_COUNT, count);
	tpl_set(d, TN_OVER_NOUN, count == 1 ? "occupier at a site uses more "
	    "than its services allocate" : "occupiers at a site use more than "
	    "their services allocate");
	if (l.n == 0)
		tpl_show(d, TN_OVER_EMPTY);
	for (i = 0; i < l.n; i++) {
		row = tpl_section(d, TN_OVER);
		set_place(row, &l.v[i]);
		tpl_set(row, TN_FRACTIONS, over_text(r, &l.v[i]));
	}
	return 0;
}

/* This month's charges by site (the rows of month index MONTHS - 1). */
static void
fill_sites(struct tpl_dict *d, const struct store_dash_list *l)
{
	struct tpl_dict		*row;
	int64_t			 total = 0;
	size_t			 i, n = 0;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].n[0] != MONTHS - 1)
			continue;
		row = tpl_section(d, TN_SITE_CHARGE);
		tpl_set_int(row, TN_SITE_ID, l->v[i].site_id);
		tpl_set(row, TN_SITE, l->v[i].site_name);
		page_set_money(row, TN_AMOUNT, l->v[i].n[1]);
		total += l->v[i].n[1];
		n++;
	}
	if (n == 0)
		tpl_show(d, TN_SITES_EMPTY);
	else
		page_set_money(tpl_section(d, TN_SITES_TOTAL), TN_AMOUNT,
		    total);
}

/* One bar of the chart and its row in the table beside it. */
static void
fill_bar(struct tpl_dict *d, int k, int y, int m, int64_t v, int64_t max)
{
	struct tpl_dict	*bar = tpl_section(d, TN_BAR);
	struct tpl_dict	*row = tpl_section(d, TN_MONTH_ROW);
	int64_t		 h = lookup_bar_height(v, max, CHART_H);

	page_setf(bar, TN_LABEL, "%s %d", month_short[m - 1], y);
	page_setf(row, TN_LABEL, "%s %d", month_short[m - 1], y);
	tpl_set(bar, TN_SHORT, month_short[m - 1]);
	page_set_money(bar, TN_AMOUNT, v);
	page_set_money(row, TN_AMOUNT, v);
	tpl_set_int(bar, TN_X, k * BAR_STEP + (BAR_STEP - BAR_W) / 2);
	tpl_set_int(bar, TN_TX, k * BAR_STEP + BAR_STEP / 2);
	tpl_set_int(bar, TN_W, BAR_W);
	tpl_set_int(bar, TN_H, h);
	tpl_set_int(bar, TN_Y, CHART_TOP + CHART_H - h);
	tpl_set_int(bar, TN_LY, CHART_TOP + CHART_H + 16);
}

static int
fill_charges(struct req *r, struct tpl_dict *d)
{
	struct store_dash_list	 l;
	int64_t			 by_month[MONTHS] = { 0 }, max = 0;
	int			 y, m, dd, k;
	size_t			 i;

	date_to_ymd(r->today, &y, &m, &dd);
	for (k = 0; k < MONTHS - 1; k++)	/* back to the first month */
		if (--m == 0) {
			m = 12;
			y--;
		}
	if (store_dash_charges(r->a, r->user.operator_id,
	    date_from_ymd(y, m, 1), &l) < 0)
		return -1;
	for (i = 0; i < l.n; i++)
		if (l.v[i].n[0] >= 0 && l.v[i].n[0] < MONTHS)
			by_month[l.v[i].n[0]] += l.v[i].n[1];
	for (k = 0; k < MONTHS; k++)
		if (by_month[k] > max)
			max = by_month[k];
	fill_sites(d, &l);
	tpl_set_int(d, TN_CHART_W, CHART_W);
	tpl_set_int(d, TN_CHART_H, CHART_TOP + CHART_H + 24);
	tpl_set_int(d, TN_BASE_Y, CHART_TOP + CHART_H);
	page_setf(d, TN_CHART_FROM, "%s %d", month_short[m - 1], y);
	for (k = 0; k < MONTHS; k++) {
		fill_bar(d, k, y, m, by_month[k], max);
		if (++m == 13) {
			m = 1;
			y++;
		}
	}
	page_setf(d, TN_CHART_TO, "%s %d", month_short[(m + 10) % 12],
	    m == 1 ? y - 1 : y);
	if (max == 0)
		tpl_show(d, TN_CHART_EMPTY);
	return 0;
}

void
page_dashboard(struct req *r)
{
	struct tpl_dict	*d;

	if ((d = page_begin(r, "Today", "dashboard.tpl", "dashboard")) ==
	    NULL)
		return;
	page_set_date(d, TN_TODAY, r->today);
	if (fill_cases(r, d) < 0 || fill_contracts(r, d) < 0 ||
	    fill_pending(r, d) < 0 || fill_over(r, d) < 0 ||
	    fill_charges(r, d) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}
