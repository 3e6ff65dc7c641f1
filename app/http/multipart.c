/*
 * multipart: see multipart.h.
 */
#include <string.h>
#include <strings.h>

#include "../arena.h"
#include "multipart.h"
#include "parse.h"

#define BOUNDARY_MAX	70	/* RFC 2046 */
#define NAME_MAX_BYTES	255

/* The boundary parameter of a Content-Type, into b (BOUNDARY_MAX + 1). */
static int
boundary_of(const char *ct, char *b)
{
	const char	*p;
	size_t		 n = 0;

	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return -1;
	for (p = ct + 19; (p = strchr(p, ';')) != NULL; ) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "boundary=", 9) != 0)
			continue;
		p += 9;
		if (*p == '"') {
			for (p++; *p != '"' && *p != '\0'; p++) {
				if (n == BOUNDARY_MAX)
					return -1;
				b[n++] = *p;
			}
			if (*p != '"')
				return -1;
		} else
			for (; *p != ';' && *p != ' ' && *p != '\t' &&
			    *p != '\0'; p++) {
				if (n == BOUNDARY_MAX)
					return -1;
				b[n++] = *p;
			}
		b[n] = '\0';
		return n > 0 ? 0 : -1;
	}
	return -1;
}

/* memmem without relying on a libc extension. */
static const char *
find(const char *h, size_t hl, const char *n, size_t nl)
{
	const char	*p, *end;

	if (nl == 0 || hl < nl)
		return NULL;
	end = h + hl - nl;
	for (p = h; p <= end; p++) {
		p = memchr(p, n[0], (size_t)(end - p) + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p, n, nl) == 0)
			return p;
	}
	return NULL;
}

/*
 * The value of parameter key (name, filename) of a Content-Disposition
 * header value v[0..vl): quoted or a token. NULL when absent.
 */
static char *
param(struct arena *a, const char *v, size_t vl, const char *key)
{
	size_t		 kl = strlen(key), i, j;

	for (i = 0; i + kl + 1 <= vl; i++) {
		if (v[i] != ';')
			continue;
		for (j = i + 1; j < vl && (v[j] == ' ' || v[j] == '\t'); j++)
			continue;
		if (j + kl + 1 > vl || strncasecmp(v + j, key, kl) != 0 ||
		    v[j + kl] != '=')
			continue;
		j += kl + 1;
		if (j < vl && v[j] == '"') {
			size_t s = ++j;

			while (j < vl && v[j] != '"')
				j++;
			if (j >= vl)
				return NULL;
			return arena_strndup(a, v + s, j - s);
		} else {
			size_t s = j;

			while (j < vl && v[j] != ';' && v[j] != ' ')
				j++;
			return arena_strndup(a, v + s, j - s);
		}
	}
	return NULL;
}

static int
text_ok(const char *s, size_t n)
{
	return memchr(s, '\0', n) == NULL && parse_utf8_valid(s, n);
}

static int
push(struct arena *a, struct kvlist *out, size_t *cap, const char *key,
    const char *val, size_t vlen)
{
	if (out->n == PARSE_MAX_PAIRS)
		return -2;
	if (out->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;

		out->v = arena_realloc(a, out->v, *cap * sizeof(*out->v),
		    ncap * sizeof(*out->v));
		*cap = ncap;
	}
	out->v[out->n].key = key;
	out->v[out->n].val = val;
	out->v[out->n].vlen = vlen;
	out->n++;
	return 0;
}

int
parse_multipart(struct arena *a, const char *ctype, const char *body,
    size_t len, struct kvlist *out, const char **badkey)
{
	char		 b[BOUNDARY_MAX + 1], delim[BOUNDARY_MAX + 5];
	const char	*p, *end = body + len, *q;
	size_t		 dl, cap = 0;
	int		 rc;

	out->v = NULL;
	out->n = 0;
	if (badkey != NULL)
		*badkey = NULL;
#define BAD(why) do {							\
		if (badkey != NULL)					\
			*badkey = (why);				\
		return -1;						\
	} while (0)
	if (boundary_of(ctype, b) == -1)
		BAD("(the form's boundary)");
	/* Every delimiter but the first follows a CRLF. */
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, b, strlen(b) + 1);
	dl = strlen(delim);
	if (len >= dl - 2 && memcmp(body, delim + 2, dl - 2) == 0)
		p = body + dl - 2;
	else if ((q = find(body, len, delim, dl)) != NULL)
		p = q + dl;	/* after a preamble */
	else
		BAD("(the form has no parts)");
	for (;;) {
		const char	*hdr, *hend, *content, *next;
		char		*name = NULL, *filename = NULL, *val;
		size_t		 clen;

		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break;	/* the close delimiter */
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			BAD("(a part of the form)");
		hdr = p + 2;
		/* A part needs its Content-Disposition header. */
		if ((end - hdr >= 2 && hdr[0] == '\r' && hdr[1] == '\n') ||
		    (hend = find(hdr, (size_t)(end - hdr), "\r\n\r\n",
		    4)) == NULL)
			BAD("(a part of the form)");
		/* Headers: only Content-Disposition matters. */
		for (q = hdr; q < hend; ) {
			const char *eol = find(q, (size_t)(hend - q) + 2, "\r\n",
			    2);
			size_t	 ll = (size_t)(eol - q);

			if (ll > 20 && strncasecmp(q, "content-disposition:",
			    20) == 0) {
				name = param(a, q + 20, ll - 20, "name");
				filename = param(a, q + 20, ll - 20,
				    "filename");
			}
			q = eol + 2;
		}
		content = hend + 4;
		if (content > end)
			BAD("(a part of the form)");
		if ((next = find(content, (size_t)(end - content), delim,
		    dl)) == NULL)
			BAD("(the form's end)");
		clen = (size_t)(next - content);
		p = next + dl;
		if (name == NULL || *name == '\0' ||
		    !text_ok(name, strlen(name)))
			BAD("(a part without a name)");
		val = arena_strndup(a, content, clen);
		if (filename != NULL) {
			const char	*s = filename, *t;
			char		*key;

			for (t = filename; *t != '\0'; t++)
				if (*t == '/' || *t == '\\')
					s = t + 1;
			if (strlen(s) > NAME_MAX_BYTES || !text_ok(s, strlen(s)))
				s = "(a file name that cannot be shown)";
			key = arena_printf(a, "%s%s", name,
			    MULTIPART_FILENAME_SUFFIX);
			if ((rc = push(a, out, &cap, name, val, clen)) != 0 ||
			    (rc = push(a, out, &cap, key, s, strlen(s))) != 0)
				return rc;
		} else {
			if (!text_ok(val, clen))
				BAD(name);
			if ((rc = push(a, out, &cap, name, val, clen)) != 0)
				return rc;
		}
	}
#undef BAD
	return 0;
}
