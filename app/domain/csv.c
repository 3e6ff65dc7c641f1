/*
 * csv: see csv.h. Pure: writes into a caller's buffer.
 */
#include <stdint.h>
#include <string.h>

#include "../arena.h"
#include "csv.h"
#include "money.h"

void
csv_text(struct buf *b, const char *s, int first)
{
	const char	*q;

	if (first)
		buf_putc(b, '"');
	else
		buf_put(b, ",\"", 2);
	if (s == NULL) {
		buf_putc(b, '"');
		return;
	}
	if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
	    s[0] == '\t' || s[0] == '\r')
		buf_putc(b, '\'');
	/* Runs between quotes at once; each quote doubled. */
	while ((q = strchr(s, '"')) != NULL) {
		buf_put(b, s, (size_t)(q - s) + 1);
		buf_putc(b, '"');
		s = q + 1;
	}
	buf_puts(b, s);
	buf_putc(b, '"');
}

void
csv_money(struct buf *b, int64_t minor, int first)
{
	char	 m[MONEY_STRLEN];

	if (!first)
		buf_putc(b, ',');
	money_format(minor, m, sizeof(m));
	buf_puts(b, m);
}

void
csv_int(struct buf *b, int64_t v, int first)
{
	char		 t[24], *p = t + sizeof(t);
	uint64_t	 u = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;

	if (!first)
		buf_putc(b, ',');
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	buf_put(b, p, (size_t)(t + sizeof(t) - p));
}

void
csv_end(struct buf *b)
{
	buf_puts(b, "\r\n");
}
