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

const char *
money_symbol(const char *currency)
{
	static const struct {
		const char	*code, *symbol;
	} syms[] = {
		{ "GBP", "\xc2\xa3" },	/* £ */
		{ "EUR", "\xe2\x82\xac" },	/* € */
		{ "USD", "$" }, { "AUD", "$" }, { "CAD", "$" }, { "NZD", "$" },
		{ "SGD", "$" }, { "HKD", "$" },
		{ "JPY", "\xc2\xa5" },	/* ¥ */
		{ "CHF", "CHF" },
		{ "INR", "\xe2\x82\xb9" },	/* ₹ */
	};
	size_t	 i;

	if (currency == NULL)
		return NULL;
	for (i = 0; i < sizeof(syms) / sizeof(syms[0]); i++)
		if (strcmp(currency, syms[i].code) == 0)
			return syms[i].symbol;
	return NULL;
}

/* s without a leading prefix (and the spaces after it), or NULL. */
static const char *
skip_prefix(const char *s, const char *prefix)
{
	size_t	 n;

	if (prefix == NULL || *prefix == '\0')
		return NULL;
	n = strlen(prefix);
	if (strncmp(s, prefix, n) != 0)
		return NULL;
	for (s += n; *s == ' '; s++)
		continue;
	return s;
}

int
money_parse_price(const char *s, const char *currency, int64_t *out)
{
	const char	*p, *q;

	if (s == NULL)
		return -1;
	for (p = s; *p == ' '; p++)
		continue;
	if ((q = skip_prefix(p, money_symbol(currency))) != NULL ||
	    (q = skip_prefix(p, currency)) != NULL) {
		/* Only an amount may follow: "£" alone or "££5" is refused. */
		if (*q < '0' || *q > '9')
			return -1;
		p = q;
	}
	return money_parse(p, out);
}

/*
 * v as [-]units.cents, digits written from the right (no printf: the
 * Services tab formats ~50 amounts a page and snprintf was 13 % of its
 * instructions, measured with callgrind); group: a comma every three
 * digits of the units. Truncated to cap - 1 bytes like snprintf.
 */
static void
money_write(int64_t v, int group, char *buf, size_t cap)
{
	char		 t[MONEY_STRLEN * 2], *p = t + sizeof(t);
	uint64_t	 u;
	size_t		 n = 0, len;

	u = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
	*--p = (char)('0' + u % 10);
	*--p = (char)('0' + u / 10 % 10);
	*--p = '.';
	u /= 100;
	do {
		if (group && n > 0 && n % 3 == 0)
			*--p = ',';
		*--p = (char)('0' + u % 10);
		u /= 10;
		n++;
	} while (u > 0);
	if (v < 0)
		*--p = '-';
	if (cap == 0)
		return;
	len = (size_t)(t + sizeof(t) - p);
	if (len > cap - 1)
		len = cap - 1;
	memcpy(buf, p, len);
	buf[len] = '\0';
}

void
money_format(int64_t v, char *buf, size_t cap)
{
	money_write(v, 0, buf, cap);
}

void
money_format_display(int64_t v, char *buf, size_t cap)
{
	money_write(v, 1, buf, cap);
}

void
money_format_cur(int64_t v, const char *currency, char *buf, size_t cap)
{
	char		 num[MONEY_STRLEN];
	const char	*sym;
	size_t		 n = 0, len;

	if (cap == 0)
		return;
	if (currency == NULL || *currency == '\0') {
		money_write(v, 1, buf, cap);
		return;
	}
	/* The magnitude; INT64_MIN has none, it is written as it is. */
	money_write(v < 0 && v != INT64_MIN ? -v : v, 1, num, sizeof(num));
	if ((sym = money_symbol(currency)) == NULL)
		sym = currency;
	buf[0] = '\0';
#define PUT(s) do {							\
	len = strlen(s);						\
	if (len > cap - 1 - n)						\
		len = cap - 1 - n;					\
	memcpy(buf + n, (s), len);					\
	n += len;							\
	buf[n] = '\0';							\
} while (0)
	if (v < 0 && v != INT64_MIN)
		PUT("-");
	PUT(sym);
	/* Letters ("CHF", an unknown code) are set apart from the digits. */
	if ((*sym >= 'A' && *sym <= 'Z') || (*sym >= 'a' && *sym <= 'z'))
		PUT(" ");
	PUT(num);
#undef PUT
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
