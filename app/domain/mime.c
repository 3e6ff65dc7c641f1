/*
 * mime: see mime.h. Every function here takes text that may come from a
 * user (names, subjects, case text) and never lets it start a header.
 */
#include <string.h>
#include <time.h>

#include "../arena.h"
#include "mime.h"

#define FOLD_AT		78	/* header lines are folded to stay within */
#define EW_RAW		45	/* bytes per encoded-word: 60 base64 chars, 75 in all */
#define QP_LINE		76	/* quoted-printable line, soft break included */

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int
is_atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

int
mime_addr_ok(const char *addr)
{
	const char	*at = NULL, *p;
	size_t		 n;

	if (addr == NULL || (n = strlen(addr)) < 3 || n > 254)
		return 0;
	for (p = addr; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '@') {
			if (at != NULL)
				return 0;
			at = p;
			continue;
		}
		if (c <= 32 || c >= 127 || strchr("<>()[]\\,;:\"", c) != NULL)
			return 0;
	}
	return at != NULL && at != addr && at[1] != '\0';
}

int
mime_msgid_ok(const char *id)
{
	return mime_addr_ok(id);
}

/* Length of the UTF-8 character starting at s (1 for a stray byte). */
static size_t
u8len(const unsigned char *s, size_t left)
{
	size_t	 n, k;

	if (s[0] < 0xC0)
		n = 1;
	else if (s[0] < 0xE0)
		n = 2;
	else if (s[0] < 0xF0)
		n = 3;
	else if (s[0] < 0xF8)
		n = 4;
	else
		n = 1;
	if (n > left)
		return 1;
	for (k = 1; k < n; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* value with every control character (C0, DEL) made a space, trimmed. */
static char *
clean(struct arena *a, const char *v)
{
	char	*s, *p, *e;

	s = arena_strdup(a, v == NULL ? "" : v);
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p == 0x7F)
			*p = ' ';
	for (p = s; *p == ' '; p++)
		continue;
	for (e = p + strlen(p); e > p && e[-1] == ' '; e--)
		continue;
	*e = '\0';
	return p;
}

/* A header under construction: tokens separated by a space or a fold. */
struct hline {
	struct buf	*b;
	size_t		 col;	/* columns used on the current line */
};

static void
hl_begin(struct hline *h, struct buf *b, const char *name)
{
	h->b = b;
	buf_puts(b, name);
	buf_putc(b, ':');
	h->col = strlen(name) + 1;
}

static void
hl_token(struct hline *h, const char *t, size_t n)
{
	if (h->col + 1 + n > FOLD_AT) {
		buf_puts(h->b, "\r\n ");
		h->col = 1;
	} else {
		buf_putc(h->b, ' ');
		h->col++;
	}
	buf_put(h->b, t, n);
	h->col += n;
}

static void
hl_end(struct hline *h)
{
	buf_puts(h->b, "\r\n");
}

/* s as encoded-words, each whole characters only. */
static void
hl_encoded(struct hline *h, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len = strlen(s), i = 0, start, k;
	char			 w[80];

	while (i < len) {
		size_t	 wn = 0, raw;

		start = i;
		while (i < len) {
			size_t c = u8len(p + i, len - i);

			if (i - start + c > EW_RAW)
				break;
			i += c;
		}
		raw = i - start;
		memcpy(w, "=?UTF-8?B?", 10);
		wn = 10;
		for (k = 0; k < raw; k += 3) {
			unsigned v = (unsigned)p[start + k] << 16;

			if (k + 1 < raw)
				v |= (unsigned)p[start + k + 1] << 8;
			if (k + 2 < raw)
				v |= p[start + k + 2];
			w[wn++] = b64[(v >> 18) & 63];
			w[wn++] = b64[(v >> 12) & 63];
			w[wn++] = k + 1 < raw ? b64[(v >> 6) & 63] : '=';
			w[wn++] = k + 2 < raw ? b64[v & 63] : '=';
		}
		w[wn++] = '?';
		w[wn++] = '=';
		hl_token(h, w, wn);
	}
}

/* 1 when s (cleaned) may be written as it is: printable ASCII words of at
 * most 70 characters, nothing that reads as an encoded-word. */
static int
plain_ok(const char *s)
{
	size_t	 word = 0;

	if (strstr(s, "=?") != NULL)
		return 0;
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x7F)
			return 0;
		word = *s == ' ' ? 0 : word + 1;
		if (word > 70)
			return 0;
	}
	return 1;
}

/* The words of s (split at spaces) as tokens. */
static void
hl_words(struct hline *h, const char *s)
{
	const char	*e;

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		for (e = s; *e != '\0' && *e != ' '; e++)
			continue;
		hl_token(h, s, (size_t)(e - s));
		s = e;
	}
}

void
mime_header_text(struct buf *b, const char *name, const char *value)
{
	struct hline	 h;
	char		*s = clean(b->a, value);

	hl_begin(&h, b, name);
	if (plain_ok(s))
		hl_words(&h, s);
	else
		hl_encoded(&h, s);
	hl_end(&h);
}

void
mime_header_addr(struct buf *b, const char *name, const char *phrase,
    const char *addr)
{
	struct hline	 h;
	char		*s = clean(b->a, phrase), *q;
	const char	*p;
	int		 atoms = 1, printable = 1;
	size_t		 n = 0;

	hl_begin(&h, b, name);
	for (p = s; *p != '\0'; p++, n++) {
		if (*p != ' ' && !is_atext((unsigned char)*p))
			atoms = 0;
		if ((unsigned char)*p >= 0x7F)
			printable = 0;
	}
	if (*s == '\0')
		;
	else if (atoms && plain_ok(s))
		hl_words(&h, s);
	else {
		struct buf	 qs;

		/* A quoted string that fits on a line, else encoded-words. */
		buf_init(&qs, b->a, n * 2 + 3);
		buf_putc(&qs, '"');
		for (p = s; *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				buf_putc(&qs, '\\');
			buf_putc(&qs, *p);
		}
		buf_putc(&qs, '"');
		if (printable && qs.len <= 72 && strstr(s, "=?") == NULL)
			hl_token(&h, qs.p, qs.len);
		else
			hl_encoded(&h, s);
	}
	q = arena_printf(b->a, "<%s>", addr);
	hl_token(&h, q, strlen(q));
	hl_end(&h);
}

void
mime_qp(struct buf *b, const char *s, size_t n)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 i, col = 0;

	for (i = 0; i < n; i++) {
		unsigned char	 c = (unsigned char)s[i];
		int		 eol, lit;
		char		 t[3];
		size_t		 tn;

		if (c == '\n' || (c == '\r' && i + 1 < n && s[i + 1] == '\n')) {
			if (c == '\r')
				i++;
			buf_puts(b, "\r\n");
			col = 0;
			continue;
		}
		/* The last character of a line: trailing blanks are encoded. */
		eol = i + 1 == n || s[i + 1] == '\n' ||
		    (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n');
		lit = (c >= 33 && c <= 126 && c != '=') ||
		    ((c == ' ' || c == '\t') && !eol);
		if (c == '.' && col == 0)
			lit = 0;	/* never a line of one dot on the wire */
		if (lit) {
			t[0] = (char)c;
			tn = 1;
		} else {
			t[0] = '=';
			t[1] = hex[c >> 4];
			t[2] = hex[c & 15];
			tn = 3;
		}
		/* Leave room for the soft break's '=' unless the line ends. */
		if (col + tn > (eol ? QP_LINE : QP_LINE - 1)) {
			buf_puts(b, "=\r\n");
			col = 0;
			if (c == '.') {
				t[0] = '=';
				t[1] = '2';
				t[2] = 'E';
				tn = 3;
			}
		}
		buf_put(b, t, tn);
		col += tn;
	}
}

void
mime_date(char out[40], int64_t t)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	 tm;
	time_t		 tt = (time_t)t;
	char		*p = out;
	int		 y;

	if (gmtime_r(&tt, &tm) == NULL) {
		memset(&tm, 0, sizeof(tm));
		tm.tm_year = 70;
		tm.tm_mday = 1;
		tm.tm_wday = 4;
	}
	memcpy(p, days[tm.tm_wday % 7], 3);
	p += 3;
	*p++ = ',';
	*p++ = ' ';
	*p++ = (char)('0' + tm.tm_mday / 10);
	*p++ = (char)('0' + tm.tm_mday % 10);
	*p++ = ' ';
	memcpy(p, months[tm.tm_mon % 12], 3);
	p += 3;
	*p++ = ' ';
	y = tm.tm_year + 1900;
	if (y < 0 || y > 9999)
		y = 1970;
	*p++ = (char)('0' + y / 1000);
	*p++ = (char)('0' + y / 100 % 10);
	*p++ = (char)('0' + y / 10 % 10);
	*p++ = (char)('0' + y % 10);
	*p++ = ' ';
	*p++ = (char)('0' + tm.tm_hour / 10);
	*p++ = (char)('0' + tm.tm_hour % 10);
	*p++ = ':';
	*p++ = (char)('0' + tm.tm_min / 10);
	*p++ = (char)('0' + tm.tm_min % 10);
	*p++ = ':';
	*p++ = (char)('0' + tm.tm_sec / 10 % 10);
	*p++ = (char)('0' + tm.tm_sec % 10);
	memcpy(p, " +0000", 7);
}

static void
part(struct buf *b, const char *boundary, const char *type, const char *s)
{
	buf_printf(b, "--%s\r\nContent-Type: %s; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n", boundary,
	    type);
	mime_qp(b, s == NULL ? "" : s, s == NULL ? 0 : strlen(s));
	buf_puts(b, "\r\n");
}

int
mime_build(struct buf *out, const struct mime_msg *m)
{
	char		 date[40], boundary[64];
	const char	*p;
	size_t		 n;

	if (!mime_addr_ok(m->from_addr) || !mime_addr_ok(m->to_addr) ||
	    !mime_msgid_ok(m->message_id))
		return -1;
	/* "=_" never occurs in quoted-printable: the boundary cannot either. */
	memcpy(boundary, "=_tenantry_", 11);
	n = 11;
	for (p = m->message_id; *p != '\0' && n < 50; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9'))
			boundary[n++] = *p;
	boundary[n] = '\0';
	mime_date(date, m->date);
	mime_header_addr(out, "From", m->from_name, m->from_addr);
	mime_header_addr(out, "To", m->to_name, m->to_addr);
	mime_header_text(out, "Subject", m->subject);
	buf_printf(out, "Date: %s\r\n", date);
	buf_printf(out, "Message-ID: <%s>\r\n", m->message_id);
	buf_puts(out, "MIME-Version: 1.0\r\n"
	    "Auto-Submitted: auto-generated\r\n");
	buf_printf(out, "Content-Type: multipart/alternative;\r\n"
	    " boundary=\"%s\"\r\n\r\n", boundary);
	buf_puts(out, "This is a message in two parts: plain text and HTML.\r\n");
	part(out, boundary, "text/plain", m->text);
	part(out, boundary, "text/html", m->html);
	buf_printf(out, "--%s--\r\n", boundary);
	return 0;
}
