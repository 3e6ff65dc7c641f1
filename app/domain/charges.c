/*
 * charges: see charges.h.
 */
#include <stdlib.h>
#include <string.h>

#include "charges.h"
#include "date.h"
#include "money.h"

size_t
charges_segments(int32_t start, int32_t end, int64_t price0, int64_t qty0,
    const struct charge_change *ch, size_t nch, struct charge_seg *out,
    size_t cap)
{
	int64_t	 price = price0, qty = qty0;
	size_t	 i = 0, n = 0;
	int32_t	 from = start;

	if (start == DATE_NONE || (end != DATE_NONE && end <= start) ||
	    cap == 0)
		return 0;
	/* Changes on or before the start set the starting values. */
	while (i < nch && ch[i].day <= start) {
		price = ch[i].price;
		qty = ch[i].qty;
		i++;
	}
	for (; i < nch; i++) {
		if (end != DATE_NONE && ch[i].day >= end)
			break;
		if (ch[i].day > from) {
			if (n == cap)
				return n;
			out[n].from = from;
			out[n].to = ch[i].day - 1;
			out[n].price = price;
			out[n].qty = qty;
			n++;
			from = ch[i].day;
		}
		price = ch[i].price;
		qty = ch[i].qty;
	}
	if (n == cap)
		return n;
	out[n].from = from;
	out[n].to = end == DATE_NONE ? DATE_NONE : end - 1;
	out[n].price = price;
	out[n].qty = qty;
	return n + 1;
}

int
charges_prorate(int64_t price, int64_t qty, int days, int dim,
    int64_t *amount)
{
	int64_t	 num;

	if (price < 0 || qty < 0 || days < 0 || dim <= 0 || days > dim)
		return -1;
	if (money_mul(price, qty, &num) == -1 ||
	    (days > 0 && num > INT64_MAX / days))
		return -1;
	num *= days;
	/* Half-up without overflow: quotient, plus one when the remainder is
	 * at least half the divisor. */
	*amount = num / dim + ((num % dim) * 2 >= dim ? 1 : 0);
	return 0;
}

int
charges_line_until(struct charge_line *l, int32_t last)
{
	if (l->from > last)
		return 0;
	if (l->to <= last)
		return 1;
	l->to = last;
	l->days = (int)(last - l->from + 1);
	return charges_prorate(l->price, l->qty, l->days, l->dim,
	    &l->amount) == 0 ? 1 : -1;
}

size_t
charges_month(const struct charge_seg *s, size_t n, int year, int month,
    struct charge_line *out, size_t cap)
{
	int32_t	 first, last, from, to;
	int	 dim;
	size_t	 i, k = 0;

	dim = date_days_in_month(year, month);
	if (dim == 0)
		return 0;
	first = date_from_ymd(year, month, 1);
	last = first + dim - 1;
	for (i = 0; i < n && k < cap; i++) {
		from = s[i].from > first ? s[i].from : first;
		to = s[i].to == DATE_NONE || s[i].to > last ? last : s[i].to;
		if (to < from)
			continue;
		out[k].from = from;
		out[k].to = to;
		out[k].days = to - from + 1;
		out[k].dim = dim;
		out[k].price = s[i].price;
		out[k].qty = s[i].qty;
		if (charges_prorate(s[i].price, s[i].qty, out[k].days, dim,
		    &out[k].amount) == -1)
			return (size_t)-1;
		k++;
	}
	return k;
}

int
charges_parse_values(const char *text, int64_t *price, int64_t *qty)
{
	const char	*p, *e;
	char		 buf[64];
	size_t		 len;
	char		*end;
	long long	 q;

	for (p = text; p != NULL && *p != '\0'; p = *e ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		len = (size_t)(e - p);
		if (len > 6 && strncmp(p, "price=", 6) == 0 && len - 6 < sizeof(buf)) {
			memcpy(buf, p + 6, len - 6);
			buf[len - 6] = '\0';
			if (money_parse(buf, price) == -1)
				return -1;
		} else if (len > 4 && strncmp(p, "qty=", 4) == 0 &&
		    len - 4 < sizeof(buf)) {
			memcpy(buf, p + 4, len - 4);
			buf[len - 4] = '\0';
			q = strtoll(buf, &end, 10);
			if (*end != '\0' || q < 0)
				return -1;
			*qty = q;
		}
	}
	return 0;
}

int
charges_month_parse(const char *s, int *year, int *month)
{
	int	 y = 0, m = 0, i;

	if (s == NULL || strlen(s) != 7 || s[4] != '-')
		return -1;
	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	for (i = 5; i < 7; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		m = m * 10 + (s[i] - '0');
	}
	if (y < 1900 || m < 1 || m > 12)
		return -1;
	*year = y;
	*month = m;
	return 0;
}
