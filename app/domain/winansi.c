/*
 * winansi: see winansi.h.
 */
#include <stdint.h>

#include "winansi.h"

/* Windows-1252 bytes 0x80..0x9f and the code points they stand for (0:
 * unassigned). */
static const uint16_t cp1252_hi[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/* Decode one UTF-8 sequence at s; *len receives its length (at least 1).
 * Returns the code point, or -1 when malformed. */
static long
utf8_next(const unsigned char *s, size_t *len)
{
	unsigned long	 c;
	size_t		 n, i;

	*len = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
	} else
		return -1;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3f);
	}
	*len = n;
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return -1;
	return (long)c;
}

static int
to_cp1252(long c)
{
	int	 i;

	if (c < 0)
		return '?';
	if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
		return ' ';
	if (c < 0x100)
		return (int)c;
	for (i = 0; i < 32; i++)
		if (cp1252_hi[i] == c)
			return 0x80 + i;
	return '?';
}

size_t
winansi_from_utf8(const char *s, char *out, size_t cap)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = 0, len;

	if (cap == 0)
		return 0;
	while (p != NULL && *p != '\0' && n + 1 < cap) {
		out[n++] = (char)to_cp1252(utf8_next(p, &len));
		p += len;
	}
	out[n] = '\0';
	return n;
}
