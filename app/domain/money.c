/*
 * money: see money.h.
 */
#include <stdio.h>
#include <string.h>

#include "money.h"

int
money_parse(const char *s, int64_t *out)
{
	const char	*p, *end;
	int64_t		 whole = 0, frac = 0;
	int		 nd = 0, nf = 0, seen_dot = 0, since_comma = -1;

	if (s == NULL)
		return -1;
	for (p = s; *p == ' '; p++)
		continue;
	end = p + strlen(p);
	while (end > p && end[-1] == ' ')
		end--;
	if (p == end)
		return -1;
	for (; p < end; p++) {
		if (*p >= '0' && *p <= '9') {
			if (seen_dot) {
				if (++nf > 2)
					return -1;
				frac = frac * 10 + (*p - '0');
			} else {
				if (whole > MONEY_MAX / 100)
					return -1;
				whole = whole * 10 + (*p - '0');
				nd++;
				if (since_comma >= 0)
					since_comma++;
			}
		} else if (*p == ',' && !seen_dot && nd > 0) {
			if (since_comma >= 0 && since_comma != 3)
				return -1;
			if (since_comma < 0 && nd > 3)
				return -1;
			since_comma = 0;
		} else if (*p == '.' && !seen_dot) {
			if (since_comma >= 0 && since_comma != 3)
				return -1;
			seen_dot = 1;
		} else
			return -1;
	}
	if (since_comma >= 0 && since_comma != 3)
		return -1;
	if (nd == 0 || (seen_dot && nf == 0))
		return -1;
	if (nf == 1)
		frac *= 10;
	if (whole > (MONEY_MAX - frac) / 100)
		return -1;
	*out = whole * 100 + frac;
	return 0;
}

void
money_format(int64_t v, char *buf, size_t cap)
{
	const char	*sign = "";
	uint64_t	 u;

	if (v < 0) {
		sign = "-";
		u = (uint64_t)(-(v + 1)) + 1;
	} else
		u = (uint64_t)v;
	snprintf(buf, cap, "%s%llu.%02llu", sign,
	    (unsigned long long)(u / 100), (unsigned long long)(u % 100));
}

void
money_format_display(int64_t v, char *buf, size_t cap)
{
	char		 plain[MONEY_STRLEN], out[MONEY_STRLEN * 2];
	const char	*p, *dot;
	size_t		 o = 0, ndig, i;

	money_format(v, plain, sizeof(plain));
	p = plain;
	if (*p == '-')
		out[o++] = *p++;
	dot = strchr(p, '.');
	ndig = (size_t)(dot - p);
	for (i = 0; i < ndig; i++) {
		if (i > 0 && (ndig - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = p[i];
	}
	snprintf(out + o, sizeof(out) - o, "%s", dot);
	snprintf(buf, cap, "%s", out);
}

int
money_mul(int64_t a, int64_t qty, int64_t *out)
{
	if (a < 0 || qty < 0)
		return -1;
	if (qty != 0 && a > INT64_MAX / qty)
		return -1;
	*out = a * qty;
	return 0;
}
