/*
 * multipart: see multipart.h. Every byte here comes from the client.
 */
#include <ctype.h>
#include <string.h>

#include "../arena.h"
#include "multipart.h"

static int
bchar(unsigned char c)
{
	return isalnum(c) || strchr("'()+_,-./:=? ", c) != NULL;
}

const char *
mp_boundary(struct arena *a, const char *ct)
{
	const char	*p, *e;
	size_t		 n;

	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return NULL;
	if ((p = strstr(ct + 19, "boundary=")) == NULL)
		return NULL;
	p += 9;
	if (*p == '"') {
		p++;
		if ((e = strchr(p, '"')) == NULL)
			return NULL;
	} else
		for (e = p; *e != '\0' && *e != ';' && *e != ' ' && *e != '\t';
		    e++)
			continue;
	n = (size_t)(e - p);
	if (n == 0 || n > 70 || p[n - 1] == ' ')
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!bchar((unsigned char)p[i]))
			return NULL;
	return arena_strndup(a, p, n);
}

/* memmem for the body (which may hold NUL bytes). */
static const char *
find(const char *h, size_t hl, const char *n, size_t nl)
{
	size_t	 i;

	if (nl == 0 || hl < nl)
		return NULL;
	for (i = 0; i + nl <= hl; i++)
		if (h[i] == n[0] && memcmp(h + i, n, nl) == 0)
			return h + i;
	return NULL;
}

/* The value of parameter name (name="v" or name=v) in a header value. */
static const char *
param(struct arena *a, const char *v, const char *name)
{
	size_t		 nl = strlen(name);
	const char	*p = v, *e;

	while ((p = strchr(p, ';')) != NULL) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, name, nl) != 0 || p[nl] != '=')
			continue;
		p += nl + 1;
		if (*p == '"') {
			struct buf b;

			/* As browsers write it (WHATWG multipart/form-data): no
			 * backslash escapes; '"', CR and LF sent as %22, %0D,
			 * %0A, which are turned back. */
			buf_init(&b, a, 64);
			for (p++; *p != '\0' && *p != '"'; p++) {
				if (p[0] == '%' && p[1] == '2' && p[2] == '2') {
					buf_putc(&b, '"');
					p += 2;
				} else if (p[0] == '%' && p[1] == '0' &&
				    (p[2] == 'D' || p[2] == 'A')) {
					buf_putc(&b, p[2] == 'D' ? '\r' : '\n');
					p += 2;
				} else
					buf_putc(&b, *p);
			}
			if (*p != '"')
				return NULL;
			return b.p;
		}
		for (e = p; *e != '\0' && *e != ';' && *e != ' '; e++)
			continue;
		return arena_strndup(a, p, (size_t)(e - p));
	}
	return NULL;
}

/* The part's headers [h, he): Content-Disposition's name and filename
 * (*filename NULL when absent), Content-Type. 0, or -1. */
static int
part_headers(struct arena *a, const char *h, size_t hl, const char **name,
    const char **filename, const char **ctype)
{
	const char	*line, *eol, *end = h + hl;
	char		*v;
	int		 disp = 0;

	*name = *filename = NULL;
	*ctype = "";
	for (line = h; line < end; line = eol + 2) {
		size_t	 n;

		eol = find(line, (size_t)(end - line), "\r\n", 2);
		if (eol == NULL)
			eol = end;
		n = (size_t)(eol - line);
		if (memchr(line, '\0', n) != NULL)
			return -1;
		v = arena_strndup(a, line, n);
		if (strncasecmp(v, "Content-Disposition:", 20) == 0) {
			const char *p = v + 20;

			while (*p == ' ' || *p == '\t')
				p++;
			if (strncasecmp(p, "form-data", 9) != 0)
				return -1;
			*name = param(a, p, "name");
			*filename = param(a, p, "filename");
			disp = 1;
		} else if (strncasecmp(v, "Content-Type:", 13) == 0) {
			const char *p = v + 13;

			while (*p == ' ' || *p == '\t')
				p++;
			*ctype = p;
		}
		if (eol == end)
			break;
	}
	if (!disp || *name == NULL || **name == '\0' ||
	    strlen(*name) > MP_MAX_NAME ||
	    !parse_utf8_valid(*name, strlen(*name)))
		return -1;
	return 0;
}

/* The last path component of a file name (browsers of old sent paths). */
static const char *
basename_of(const char *f)
{
	const char	*p, *b = f;

	for (p = f; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	return b;
}

int
mp_parse(struct arena *a, const char *body, size_t len, const char *boundary,
    struct kvlist *fields, struct mp_files *files, const char **bad)
{
	struct buf	 delim;
	const char	*p, *end = body + len, *next, *hend;
	const char	*name, *filename, *ctype;
	size_t		 dl, nparts = 0;

	fields->v = arena_calloc(a, MP_MAX_PARTS, sizeof(*fields->v));
	fields->n = 0;
	files->n = 0;
	*bad = "the upload could not be read";
	buf_init(&delim, a, 80);
	buf_puts(&delim, "--");
	buf_puts(&delim, boundary);
	dl = delim.len;
	/* The first delimiter opens the body (a preamble before it is
	 * allowed but must end with CRLF). */
	if ((p = find(body, len, delim.p, dl)) == NULL)
		return -1;
	if (p != body && (p - body < 2 || p[-2] != '\r' || p[-1] != '\n'))
		return -1;
	p += dl;
	for (;;) {
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return 0;	/* the close delimiter */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return -1;
		p += 2;
		if (++nparts > MP_MAX_PARTS) {
			*bad = "too many fields";
			return -2;
		}
		/* Headers up to the blank line. */
		if ((size_t)(end - p) >= 2 && p[0] == '\r' && p[1] == '\n')
			hend = p;
		else {
			hend = find(p, (size_t)(end - p), "\r\n\r\n", 4);
			if (hend == NULL)
				return -1;
			hend += 2;
		}
		if (hend - p > MP_MAX_HEADER) {
			*bad = "a field's headers are too long";
			return -2;
		}
		if (part_headers(a, p, (size_t)(hend - p), &name, &filename,
		    &ctype) == -1)
			return -1;
		p = hend + 2;
		/* The content runs to CRLF + delimiter. */
		next = p;
		for (;;) {
			next = find(next, (size_t)(end - next), delim.p, dl);
			if (next == NULL)
				return -1;
			if (next - p >= 2 && next[-2] == '\r' && next[-1] == '\n')
				break;
			if (next == p)
				return -1;
			next++;
		}
		if (filename != NULL) {
			struct mp_file	*f;

			if (files->n >= MP_MAX_FILES) {
				*bad = "too many files";
				return -2;
			}
			f = &files->f[files->n++];
			f->field = name;
			f->filename = basename_of(filename);
			if (!parse_utf8_valid(f->filename, strlen(f->filename)))
				f->filename = "";
			f->ctype = ctype;
			f->data = p;
			f->len = (size_t)(next - 2 - p);
		} else {
			size_t	 vl = (size_t)(next - 2 - p);

			if (memchr(p, '\0', vl) != NULL ||
			    !parse_utf8_valid(p, vl)) {
				*bad = name;
				return -1;
			}
			fields->v[fields->n].key = name;
			fields->v[fields->n].val = arena_strndup(a, p, vl);
			fields->v[fields->n].vlen = vl;
			fields->n++;
		}
		p = next + dl;
	}
}
