/*
 * csv: see csv.h. Pure: writes into a caller's buffer.
 */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "csv.h"
#include "money.h"

void
csv_text(struct buf *b, const char *s, int first)
{
	if (!first)
		buf_putc(b, ',');
	buf_putc(b, '"');
	if (s != NULL && (s[0] == '=' || s[0] == '+' || s[0] == '-' ||
	    s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
		buf_putc(b, '\'');
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
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
	if (!first)
		buf_putc(b, ',');
	buf_printf(b, "%lld", (long long)v);
}

void
csv_end(struct buf *b)
{
	buf_puts(b, "\r\n");
}
