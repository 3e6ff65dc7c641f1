/*
 * parse: see parse.h. Every function here takes attacker-controlled bytes.
 */
#include <stdint.h>
#include <string.h>

#include "../arena.h"
#include "parse.h"

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
parse_urldecode(struct arena *a, const char *s, size_t len, int plus,
    char **out, size_t *outlen)
{
	char	*d;
	size_t	 i, j;
	int	 hi, lo;

	d = arena_alloc(a, len + 1);
	for (i = j = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '%') {
			if (len - i < 3)
				return -1;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (unsigned char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus)
			c = ' ';
		if (c == '\0')
			return -1;
		d[j++] = (char)c;
	}
	d[j] = '\0';
	*out = d;
	if (outlen != NULL)
		*outlen = j;
	return 0;
}

int
parse_urlencoded(struct arena *a, const char *s, size_t len,
    struct kvlist *out, const char **badkey)
{
	size_t	 i, start, eq, n, cap;
	char	*k, *v;
	size_t	 vlen;

	out->v = NULL;
	out->n = 0;
	if (badkey != NULL)
		*badkey = NULL;
	/* Count non-empty pairs first: one allocation for all of them. */
	for (cap = 0, start = 0; start <= len; start = i + 1) {
		for (i = start; i < len && s[i] != '&'; i++)
			continue;
		if (i > start)
			cap++;
	}
	if (cap > PARSE_MAX_PAIRS)
		return -2;
	if (cap == 0)
		cap = 1;
	out->v = arena_calloc(a, cap, sizeof(*out->v));
	n = 0;
	for (start = 0; start <= len; start = i + 1) {
		for (i = start; i < len && s[i] != '&'; i++)
			continue;
		if (i == start)
			continue;	/* empty pair */
		for (eq = start; eq < i && s[eq] != '='; eq++)
			continue;
		if (parse_urldecode(a, s + start, eq - start, 1, &k, NULL) == -1 ||
		    !parse_utf8_valid(k, strlen(k))) {
			if (badkey != NULL)
				*badkey = arena_strndup(a, s + start, eq - start);
			return -1;
		}
		if (eq < i) {
			if (parse_urldecode(a, s + eq + 1, i - eq - 1, 1, &v,
			    &vlen) == -1 || !parse_utf8_valid(v, vlen)) {
				if (badkey != NULL)
					*badkey = k;
				return -1;
			}
		} else {
			v = arena_strdup(a, "");
			vlen = 0;
		}
		out->v[n].key = k;
		out->v[n].val = v;
		out->v[n].vlen = vlen;
		n++;
	}
	out->n = n;
	return 0;
}

static int
is_cookie_ws(char c)
{
	return c == ' ' || c == '\t';
}

void
parse_cookies(struct arena *a, const char *hdr, struct kvlist *out)
{
	const char	*p, *end, *eq, *ks, *ke, *vs, *ve;
	size_t		 cap, n;

	out->v = NULL;
	out->n = 0;
	if (hdr == NULL)
		return;
	for (cap = 1, p = hdr; *p != '\0'; p++)
		if (*p == ';')
			cap++;
	if (cap > PARSE_MAX_PAIRS)
		cap = PARSE_MAX_PAIRS;
	out->v = arena_calloc(a, cap, sizeof(*out->v));
	n = 0;
	for (p = hdr; *p != '\0' && n < cap; p = *end ? end + 1 : end) {
		end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		eq = memchr(p, '=', (size_t)(end - p));
		if (eq == NULL)
			continue;
		ks = p;
		ke = eq;
		while (ks < ke && is_cookie_ws(*ks))
			ks++;
		while (ke > ks && is_cookie_ws(ke[-1]))
			ke--;
		vs = eq + 1;
		ve = end;
		while (vs < ve && is_cookie_ws(*vs))
			vs++;
		while (ve > vs && is_cookie_ws(ve[-1]))
			ve--;
		if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
			vs++;
			ve--;
		}
		if (ks == ke)
			continue;
		out->v[n].key = arena_strndup(a, ks, (size_t)(ke - ks));
		out->v[n].val = arena_strndup(a, vs, (size_t)(ve - vs));
		out->v[n].vlen = (size_t)(ve - vs);
		n++;
	}
	out->n = n;
}

const char *
kv_get(const struct kvlist *l, const char *key)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return l->v[i].val;
	return NULL;
}

size_t
kv_count(const struct kvlist *l, const char *key)
{
	size_t	 i, n;

	for (i = n = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			n++;
	return n;
}

int
parse_indexed_key(const char *key, const char *prefix, size_t maxidx,
    size_t *idx, const char **field, size_t *fieldlen)
{
	size_t		 plen, n;
	const char	*p, *f;

	plen = strlen(prefix);
	if (strncmp(key, prefix, plen) != 0 || key[plen] != '[')
		return 0;
	p = key + plen + 1;
	if (*p < '0' || *p > '9')
		return 0;
	if (*p == '0' && p[1] != ']')
		return 0;	/* no leading zeros: one spelling per index */
	for (n = 0; *p >= '0' && *p <= '9'; p++) {
		size_t d = (size_t)(*p - '0');

		if (n > (maxidx - d) / 10 || d > maxidx)
			return 0;	/* n * 10 + d would exceed maxidx */
		n = n * 10 + d;
	}
	if (p[0] != ']' || p[1] != '[')
		return 0;
	f = p + 2;
	p = strchr(f, ']');
	if (p == NULL || p == f || p[1] != '\0')
		return 0;
	*idx = n;
	*field = f;
	*fieldlen = (size_t)(p - f);
	return 1;
}

int
parse_utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n, k;
	uint32_t		 cp, min;

	while (i < len) {
		unsigned char c = p[i];

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1; cp = c & 0x1F; min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2; cp = c & 0x0F; min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3; cp = c & 0x07; min = 0x10000;
		} else
			return 0;
		if (len - i <= n)
			return 0;
		for (k = 1; k <= n; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += n + 1;
	}
	return 1;
}

/* Length of the valid UTF-8 sequence at p (at most left bytes), 0 if none. */
static size_t
utf8_seq(const unsigned char *p, size_t left)
{
	size_t		 n, k;
	uint32_t	 cp, min;

	if (p[0] < 0x80)
		return 1;
	if ((p[0] & 0xE0) == 0xC0) {
		n = 1; cp = p[0] & 0x1F; min = 0x80;
	} else if ((p[0] & 0xF0) == 0xE0) {
		n = 2; cp = p[0] & 0x0F; min = 0x800;
	} else if ((p[0] & 0xF8) == 0xF0) {
		n = 3; cp = p[0] & 0x07; min = 0x10000;
	} else
		return 0;
	if (left <= n)
		return 0;
	for (k = 1; k <= n; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n + 1;
}

char *
parse_utf8_clean(struct arena *a, const char *s, size_t cap)
{
	const unsigned char	*p = (const unsigned char *)(s ? s : "");
	size_t			 len = strlen((const char *)p), i = 0, n, o = 0;
	char			*out = arena_alloc(a, cap + 1);

	while (i < len) {
		n = utf8_seq(p + i, len - i);
		if (n == 1 && (p[i] < 0x20 || p[i] == 0x7F)) {
			if (o + 1 > cap)
				break;
			out[o++] = '?';
		} else if (n == 0) {
			if (o + 3 > cap)
				break;
			memcpy(out + o, "\xEF\xBF\xBD", 3);	/* U+FFFD */
			o += 3;
			n = 1;
		} else {
			if (o + n > cap)
				break;
			memcpy(out + o, p + i, n);
			o += n;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}

char *
parse_urlencode(struct arena *a, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	struct buf		 b;

	buf_init(&b, a, strlen(s) * 3 + 1);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~' || c == '/')
			buf_putc(&b, (char)c);
		else {
			buf_putc(&b, '%');
			buf_putc(&b, hex[c >> 4]);
			buf_putc(&b, hex[c & 15]);
		}
	}
	return b.p;
}

/* Whether p[0..n) is a flash code: 1 to 32 of a-z and '_'. */
static int
flash_code(const char *p, size_t n)
{
	size_t	 i;

	if (n == 0 || n > 32)
		return 0;
	for (i = 0; i < n; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') || p[i] == '_'))
			return 0;
	return 1;
}

const char *
parse_flash_split(struct arena *a, const char *path, const char **code)
{
	const char	*q, *end, *p, *amp;
	struct buf	 b;
	size_t		 n;

	*code = NULL;
	if (path == NULL || (q = strchr(path, '?')) == NULL)
		return path;
	end = q + 1 + strcspn(q + 1, "#");
	for (p = q + 1; p < end; p = amp + 1) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		n = (size_t)(amp - p);
		if (n > 5 && strncmp(p, "done=", 5) == 0 &&
		    flash_code(p + 5, n - 5))
			break;
		if (amp == end) {
			p = end;
			break;
		}
	}
	if (p >= end)
		return path;
	*code = arena_strndup(a, p + 5, n - 5);
	buf_init(&b, a, strlen(path) + 1);
	/* Up to the parameter (without the '&' before it, or the '?' when
	 * nothing else is left), then what follows it. */
	if (p == q + 1 && amp == end)
		buf_put(&b, path, (size_t)(q - path));
	else if (p == q + 1)
		buf_put(&b, path, (size_t)(p - path));
	else
		buf_put(&b, path, (size_t)(p - 1 - path));
	if (p == q + 1 && amp < end)
		buf_put(&b, amp + 1, strlen(amp + 1));
	else
		buf_put(&b, amp, strlen(amp));
	buf_putc(&b, '\0');
	return b.p;
}
