/*
 * planform: see planform.h.
 */
#include <string.h>

#include "money.h"
#include "planform.h"

int
planform_price(const char *raw, const char *currency, int64_t *price)
{
	if (strlen(raw) > PLANFORM_PRICE_CAP)
		return -1;
	return money_parse_price(raw, currency, price) == 0 ? 0 : -1;
}

int
planform_qty(const char *raw, int64_t *qty)
{
	const char	*p = raw;
	int64_t		 v = 0;
	int		 neg = 0;

	if (*raw == '\0' || strlen(raw) > PLANFORM_QTY_CAP)
		return -1;
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (*p - '0');
	if (*p != '\0')
		return -1;
	if (neg)
		v = -v;
	if (v < 1 || v > PLANFORM_QTY_MAX)
		return -1;
	*qty = v;
	return 0;
}

int
planform_total_ok(int64_t price, int64_t qty)
{
	int64_t	 t;

	return money_mul(price, qty, &t) == 0 && t <= MONEY_MAX;
}

int
planform_ids_distinct(const int64_t *rows, size_t nrows,
    const int64_t *drops, size_t ndrops)
{
	size_t	 i, j;

	for (i = 0; i < nrows; i++) {
		if (rows[i] == 0)
			continue;
		for (j = i + 1; j < nrows; j++)
			if (rows[j] == rows[i])
				return 0;
		for (j = 0; j < ndrops; j++)
			if (drops[j] == rows[i])
				return 0;
	}
	for (i = 0; i < ndrops; i++)
		for (j = i + 1; j < ndrops; j++)
			if (drops[j] == drops[i])
				return 0;
	return 1;
}

static int
among(int64_t id, const int64_t *ids, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

int
planform_names_plan(const int64_t *rows, size_t nrows,
    const int64_t *drops, size_t ndrops, const int64_t *cur, size_t ncur)
{
	size_t	 i, named = 0;

	for (i = 0; i < nrows; i++) {
		if (rows[i] == 0)
			continue;
		if (!among(rows[i], cur, ncur))
			return 0;
		named++;
	}
	for (i = 0; i < ndrops; i++) {
		if (!among(drops[i], cur, ncur))
			return 0;
		named++;
	}
	return named == ncur;
}

int64_t
planform_voice_numbers(int64_t before, int64_t after, int64_t in_use)
{
	if (before == 0 && after > 0 && after - in_use > 0)
		return after - in_use;
	return 0;
}
