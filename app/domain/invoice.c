/*
 * invoice: see invoice.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charges.h"
#include "date.h"
#include "invoice.h"
#include "money.h"

const char *const vat_rate_names[VAT__MAX] = {
	"standard",	/* VAT_STANDARD */
	"zero",		/* VAT_ZERO */
	"exempt",	/* VAT_EXEMPT */
};

const char *const vat_rate_labels[VAT__MAX] = {
	"20%",		/* VAT_STANDARD */
	"0%",		/* VAT_ZERO */
	"Exempt",	/* VAT_EXEMPT */
};

const int vat_rate_bp[VAT__MAX] = {
	2000,		/* VAT_STANDARD */
	0,		/* VAT_ZERO */
	0,		/* VAT_EXEMPT */
};

const char *const inv_line_kind_names[IL__MAX] = {
	"charge",	/* IL_CHARGE */
	"adjust",	/* IL_ADJUST */
	"oneoff",	/* IL_ONEOFF */
	"discount",	/* IL_DISCOUNT */
	"credit",	/* IL_CREDIT */
	"usage",	/* IL_USAGE */
};

const char *const inv_status_names[INV__MAX] = {
	"draft",	/* INV_DRAFT */
	"issued",	/* INV_ISSUED */
	"paid",		/* INV_PAID */
	"credited",	/* INV_CREDITED */
};

const char *const inv_status_labels[INV__MAX] = {
	"Draft",	/* INV_DRAFT */
	"Issued",	/* INV_ISSUED */
	"Paid",		/* INV_PAID */
	"Credited",	/* INV_CREDITED */
};

enum vat_rate
vat_rate_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < VAT__MAX; i++)
		if (strcmp(s, vat_rate_names[i]) == 0)
			return (enum vat_rate)i;
	return VAT__MAX;
}

void
vat_rate_label(enum vat_rate r, int bp, char *buf, size_t cap)
{
	if (r == VAT_EXEMPT || r >= VAT__MAX) {
		snprintf(buf, cap, "%s", r == VAT_EXEMPT ? "Exempt" : "?");
		return;
	}
	if (bp % 100 == 0)
		snprintf(buf, cap, "%d%%", bp / 100);
	else
		snprintf(buf, cap, "%d.%02d%%", bp / 100, bp % 100);
}

enum inv_line_kind
inv_line_kind_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < IL__MAX; i++)
		if (strcmp(s, inv_line_kind_names[i]) == 0)
			return (enum inv_line_kind)i;
	return IL__MAX;
}

int
vat_line(int64_t net, int bp, int64_t *vat)
{
	int64_t	 m, q, r;

	if (bp < 0 || bp > 10000 || net == INT64_MIN)
		return -1;
	m = net < 0 ? -net : net;
	if (bp > 0 && m > INT64_MAX / bp)
		return -1;
	m *= bp;
	q = m / 10000;
	r = m % 10000;
	if (r * 2 >= 10000)
		q++;
	*vat = net < 0 ? -q : q;
	return 0;
}

int
inv_line_vat(struct inv_line *l)
{
	if (l->rate >= VAT__MAX)
		return -1;
	l->bp = vat_rate_bp[l->rate];
	return vat_line(l->net, l->bp, &l->vat);
}

static int
add_ok(int64_t a, int64_t b, int64_t *out)
{
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
		return -1;
	*out = a + b;
	return 0;
}

int
inv_totals(const struct inv_line *l, size_t n, struct inv_totals *t)
{
	size_t	 i, k;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < n; i++) {
		for (k = 0; k < t->nrates; k++)
			if (t->rates[k].rate == l[i].rate &&
			    t->rates[k].bp == l[i].bp)
				break;
		if (k == t->nrates) {
			if (t->nrates == INV_MAX_RATES)
				return -1;
			/* Keep the summary in rate order, then bp. */
			while (k > 0 && (t->rates[k - 1].rate > l[i].rate ||
			    (t->rates[k - 1].rate == l[i].rate &&
			    t->rates[k - 1].bp > l[i].bp))) {
				t->rates[k] = t->rates[k - 1];
				k--;
			}
			t->rates[k].rate = l[i].rate;
			t->rates[k].bp = l[i].bp;
			t->rates[k].net = 0;
			t->rates[k].vat = 0;
			t->nrates++;
		}
		if (add_ok(t->rates[k].net, l[i].net, &t->rates[k].net) == -1 ||
		    add_ok(t->rates[k].vat, l[i].vat, &t->rates[k].vat) == -1 ||
		    add_ok(t->net, l[i].net, &t->net) == -1 ||
		    add_ok(t->vat, l[i].vat, &t->vat) == -1)
			return -1;
	}
	return add_ok(t->net, t->vat, &t->gross);
}

/* ---- inv_diff ---- */

#define CMP(a, b)	((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

static int
seg_key_cmp(const struct inv_seg *a, const struct inv_seg *b)
{
	int	 c;

	if ((c = CMP(a->occsvc_id, b->occsvc_id)) != 0 ||
	    (c = CMP(a->month, b->month)) != 0 ||
	    (c = CMP(a->from, b->from)) != 0 ||
	    (c = CMP(a->to, b->to)) != 0 ||
	    (c = CMP(a->price, b->price)) != 0 ||
	    (c = CMP(a->qty, b->qty)) != 0)
		return c;
	return CMP(a->amount, b->amount);
}

static int
seg_qsort_cmp(const void *a, const void *b)
{
	return seg_key_cmp(a, b);
}

static int
seg_out_cmp(const void *pa, const void *pb)
{
	const struct inv_seg	*a = pa, *b = pb;
	int			 c;

	if ((c = CMP(a->month, b->month)) != 0 ||
	    (c = CMP(a->ord, b->ord)) != 0 ||
	    (c = CMP(a->occsvc_id, b->occsvc_id)) != 0 ||
	    (c = CMP(a->sign, b->sign)) != 0)
		return c;
	return seg_key_cmp(a, b);
}

/* First index in s[0..n) whose occsvc_id >= id (s sorted by key). */
static size_t
lower_occsvc(const struct inv_seg *s, size_t n, int64_t id)
{
	size_t	 lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s[mid].occsvc_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Display position of an occupier service: its first wanted line's ord,
 * or after every wanted one. */
static size_t
ord_of(const struct inv_seg *want, size_t nw, int64_t id)
{
	size_t	 i, best = (size_t)-1;

	for (i = lower_occsvc(want, nw, id); i < nw &&
	    want[i].occsvc_id == id; i++)
		if (want[i].ord < best)
			best = want[i].ord;
	return best;
}

/* 1 when have holds a line of (occsvc, month). */
static int
invoiced_before(const struct inv_seg *have, size_t nh, int64_t id,
    int32_t month)
{
	size_t	 i;

	for (i = lower_occsvc(have, nh, id); i < nh &&
	    have[i].occsvc_id == id; i++)
		if (have[i].month == month)
			return 1;
	return 0;
}

size_t
inv_diff(struct inv_seg *want, size_t nw, struct inv_seg *have, size_t nh,
    int32_t month, struct inv_seg *out, size_t cap)
{
	size_t	 i = 0, j = 0, n = 0, k;
	int	 pass;

	if (nw > 1)
		qsort(want, nw, sizeof(*want), seg_qsort_cmp);
	if (nh > 1)
		qsort(have, nh, sizeof(*have), seg_qsort_cmp);
	/* Pass 0 counts, pass 1 writes. */
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1 && n > cap)
			return (size_t)-1;
		i = j = 0;
		n = 0;
		while (i < nw || j < nh) {
			const struct inv_seg	*key;
			size_t			 i0 = i, j0 = j;
			int64_t			 w = 0, h = 0, d;

			if (j >= nh || (i < nw &&
			    seg_key_cmp(&want[i], &have[j]) <= 0))
				key = &want[i];
			else
				key = &have[j];
			while (i < nw && seg_key_cmp(&want[i], key) == 0) {
				w++;
				i++;
			}
			while (j < nh && seg_key_cmp(&have[j], key) == 0) {
				h += have[j].sign;
				j++;
			}
			d = w - h;
			for (k = 0; k < (size_t)(d < 0 ? -d : d); k++, n++) {
				struct inv_seg *o;

				if (pass == 0)
					continue;
				o = &out[n];
				*o = d > 0 ? want[i0] : have[j0];
				o->sign = d > 0 ? 1 : -1;
				o->ord = ord_of(want, nw, o->occsvc_id);
				o->adjust = o->month != month || o->sign < 0 ||
				    invoiced_before(have, nh, o->occsvc_id,
				    o->month);
			}
		}
	}
	if (n > 1)
		qsort(out, n, sizeof(*out), seg_out_cmp);
	return n;
}

void
inv_seg_from_charge(struct inv_seg *s, const struct charge_line *c,
    int64_t occsvc_id, int64_t service_id, int64_t site_id, int64_t occ_id,
    size_t ord)
{
	int	 y, m, d;

	memset(s, 0, sizeof(*s));
	date_to_ymd(c->from, &y, &m, &d);
	s->occsvc_id = occsvc_id;
	s->service_id = service_id;
	s->site_id = site_id;
	s->occ_id = occ_id;
	s->month = date_from_ymd(y, m, 1);
	s->from = c->from;
	s->to = c->to;
	s->days = c->days;
	s->dim = c->dim;
	s->price = c->price;
	s->qty = c->qty;
	s->amount = c->amount;
	s->sign = 1;
	s->ord = ord;
}

int
inv_line_from_seg(const struct inv_seg *s, enum vat_rate rate,
    const char *description, struct inv_line *l)
{
	memset(l, 0, sizeof(*l));
	l->kind = s->adjust ? IL_ADJUST : IL_CHARGE;
	l->occsvc_id = s->occsvc_id;
	l->service_id = s->service_id;
	l->site_id = s->site_id;
	l->month = s->month;
	l->from = s->from;
	l->to = s->to;
	l->days = s->days;
	l->dim = s->dim;
	l->unit_price = s->price;
	l->qty = s->qty;
	if (s->amount == INT64_MIN)
		return -1;
	l->net = s->sign < 0 ? -s->amount : s->amount;
	l->rate = rate;
	l->description = description;
	return inv_line_vat(l);
}

void
inv_credit_lines(const struct inv_line *src, size_t n, struct inv_line *out)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		out[i] = src[i];
		out[i].id = 0;
		out[i].kind = IL_CREDIT;
		out[i].credit_of_line = src[i].id;
	}
}

int64_t
inv_due(int64_t gross, int64_t credited, int64_t paid)
{
	int64_t	 d = gross - credited - paid;

	return d > 0 ? d : 0;
}

enum inv_status
inv_status(int credit, int issued, int64_t gross, int64_t credited,
    int64_t paid)
{
	if (!issued)
		return INV_DRAFT;
	if (credit || gross <= 0)
		return INV_ISSUED;
	if (credited >= gross)
		return INV_CREDITED;
	if (inv_due(gross, credited, paid) == 0)
		return INV_PAID;
	return INV_ISSUED;
}

static const char *const mon3[12] = { "Jan", "Feb", "Mar", "Apr", "May",
    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

void
inv_line_detail(const struct inv_line *l, char *buf, size_t cap)
{
	char	 price[MONEY_STRLEN], dates[64];
	int	 fy, fm, fd, ty, tm, td;

	money_format_display(l->unit_price, price, sizeof(price));
	if (l->from == DATE_NONE || l->to == DATE_NONE) {
		snprintf(buf, cap, "%lld \u00d7 %s", (long long)l->qty, price);
		return;
	}
	date_to_ymd(l->from, &fy, &fm, &fd);
	date_to_ymd(l->to, &ty, &tm, &td);
	if (fy == ty && fm == tm && l->from == l->to)
		snprintf(dates, sizeof(dates), "%d %s %d", fd, mon3[fm - 1], fy);
	else if (fy == ty && fm == tm)
		snprintf(dates, sizeof(dates), "%d\u2013%d %s %d", fd, td,
		    mon3[fm - 1], fy);
	else
		snprintf(dates, sizeof(dates), "%d %s %d \u2013 %d %s %d", fd,
		    mon3[fm - 1], fy, td, mon3[tm - 1], ty);
	if (l->dim > 0)
		snprintf(buf, cap, "%s \u00b7 %lld \u00d7 %s \u00b7 %d/%d days",
		    dates, (long long)l->qty, price, l->days, l->dim);
	else
		snprintf(buf, cap, "%s \u00b7 %lld \u00d7 %s", dates,
		    (long long)l->qty, price);
}

void
inv_month_label(int32_t day, char *buf, size_t cap)
{
	static const char *const names[12] = { "January", "February",
	    "March", "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };
	int	 y, m, d;

	if (day == DATE_NONE) {
		snprintf(buf, cap, "%s", "");
		return;
	}
	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, cap, "%s %d", names[m - 1], y);
}

int
inv_usage_line(struct inv_line *l, int64_t site, int usage_month,
    int64_t group, int64_t amount, enum vat_rate rate,
    const char *description)
{
	memset(l, 0, sizeof(*l));
	l->month = l->from = l->to = DATE_NONE;
	l->kind = IL_USAGE;
	l->site_id = site;
	l->usage_month = usage_month;
	l->usage_group = group;
	l->description = description;
	l->qty = 1;
	l->unit_price = amount;
	l->net = amount;
	l->rate = rate;
	if (amount > MONEY_MAX || amount < -MONEY_MAX)
		return -1;
	return inv_line_vat(l);
}

int
inv_oneoff_line(struct inv_line *l, const char *description, int64_t qty,
    int64_t unit_price, enum vat_rate rate)
{
	memset(l, 0, sizeof(*l));
	l->month = l->from = l->to = DATE_NONE;
	l->kind = IL_ONEOFF;
	l->description = description;
	l->qty = qty;
	l->unit_price = unit_price;
	l->rate = rate;
	if (money_mul(unit_price, qty, &l->net) == -1 || l->net > MONEY_MAX)
		return -1;
	return inv_line_vat(l);
}

int
inv_discount_line(struct inv_line *l, const char *description,
    int64_t amount, enum vat_rate rate)
{
	memset(l, 0, sizeof(*l));
	l->month = l->from = l->to = DATE_NONE;
	l->kind = IL_DISCOUNT;
	l->description = description;
	l->qty = 1;
	l->unit_price = -amount;
	l->net = -amount;
	l->rate = rate;
	return inv_line_vat(l);
}

const char *
inv_run_check(int year, int month, int advance, int32_t today)
{
	int	 y, m, d, now, want;

	if (year < 2000 || year > 9999 || month < 1 || month > 12)
		return "The month must be written YYYY-MM.";
	date_to_ymd(today, &y, &m, &d);
	now = y * 12 + m - 1;
	want = year * 12 + month - 1;
	if (!advance && want >= now)
		return "A run in arrears bills a month that has ended: choose "
		    "last month or an earlier one.";
	if (advance && (want < now || want > now + 1))
		return "A run in advance bills this month or next month.";
	return NULL;
}

int
inv_prefix_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '/' ||
		    *s == '_' || *s == '.'))
			return 0;
	return 1;
}
