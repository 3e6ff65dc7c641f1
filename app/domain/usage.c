/*
 * usage: see usage.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../arena.h"
#include "date.h"
#include "usage.h"

/* ---- phone numbers ---- */

int
usage_number_norm(const char *s, size_t len, char *out)
{
	char		 d[USAGE_DIGITS_MAX + 4];
	const char	*p, *pre = "";
	size_t		 n = 0, i, plen;
	int		 plus = 0;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9') {
			if (n >= sizeof(d) - 1)
				return -1;
			d[n++] = c;
		} else if (c == '+' && n == 0 && !plus)
			plus = 1;
		else if (c == ' ' || c == '-' || c == '.' || c == '(' ||
		    c == ')' || c == '\t')
			continue;
		else
			return -1;
	}
	d[n] = '\0';
	p = d;
	if (plus) {
		if (n == 0 || d[0] == '0')
			return -1;
	} else if (n >= 2 && d[0] == '0' && d[1] == '0') {
		p = d + 2;
		if (*p == '0' || *p == '\0')
			return -1;
	} else if (n >= 1 && d[0] == '0') {
		pre = USAGE_COUNTRY;
		p = d + 1;
		if (*p == '\0' || *p == '0')
			return -1;
	} else if (n > 0 && n < 8)
		pre = USAGE_COUNTRY;
	plen = strlen(pre);
	n = strlen(p);
	if (n == 0 || plen + n > USAGE_DIGITS_MAX || plen + n < 3)
		return -1;
	memcpy(out, pre, plen);
	memcpy(out + plen, p, n);
	out[plen + n] = '\0';
	return (int)(plen + n);
}

/* ---- time ---- */

static int
num(const char *s, size_t n, int *v)
{
	size_t	 i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int
usage_time_parse(const char *s, size_t len, int64_t *t)
{
	int		 y, mo, d, h, mi, sec = 0, zh = 0, zm = 0, sign = 1;
	size_t		 i;

	/* YYYY-MM-DD?HH:MM */
	if (len < 17 || num(s, 4, &y) || s[4] != '-' || num(s + 5, 2, &mo) ||
	    s[7] != '-' || num(s + 8, 2, &d) || (s[10] != 'T' &&
	    s[10] != 't' && s[10] != ' ') || num(s + 11, 2, &h) ||
	    s[13] != ':' || num(s + 14, 2, &mi))
		return -1;
	i = 16;
	if (i < len && s[i] == ':') {
		if (i + 3 > len || num(s + i + 1, 2, &sec))
			return -1;
		i += 3;
		if (i < len && (s[i] == '.' || s[i] == ',')) {
			/* Fractions of a second are dropped. */
			i++;
			if (i >= len || s[i] < '0' || s[i] > '9')
				return -1;
			while (i < len && s[i] >= '0' && s[i] <= '9')
				i++;
		}
	}
	while (i < len && s[i] == ' ')
		i++;
	if (i >= len)
		return -1;	/* no zone */
	if (s[i] == 'Z' || s[i] == 'z') {
		i++;
	} else if (s[i] == '+' || s[i] == '-') {
		sign = s[i] == '-' ? -1 : 1;
		i++;
		if (i + 2 > len || num(s + i, 2, &zh))
			return -1;
		i += 2;
		if (i < len && s[i] == ':')
			i++;
		if (i < len) {
			if (i + 2 > len || num(s + i, 2, &zm))
				return -1;
			i += 2;
		}
		if (zh > 14 || zm > 59)
			return -1;
	} else
		return -1;
	if (i != len)
		return -1;
	if (y < 2000 || y > 2099 || mo < 1 || mo > 12 || d < 1 ||
	    d > date_days_in_month(y, mo) || h > 23 || mi > 59 || sec > 59)
		return -1;
	*t = (int64_t)date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 +
	    sec - sign * (zh * 3600 + zm * 60);
	return 0;
}

int64_t
usage_day_start(int32_t day)
{
	struct tm	 tm;
	int		 y, m, d;

	date_to_ymd(day, &y, &m, &d);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

int32_t
usage_day_of(int64_t t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL)
		return DATE_NONE;
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
usage_month_of(int64_t t)
{
	int	 y, m, d;

	date_to_ymd(usage_day_of(t), &y, &m, &d);
	return y * 100 + m;
}

void
usage_month_bounds(int year, int month, int64_t *from, int64_t *to)
{
	*from = usage_day_start(date_from_ymd(year, month, 1));
	*to = usage_day_start(date_from_ymd(year, month, 1) +
	    date_days_in_month(year, month));
}

void
usage_time_format(int64_t t, char *buf, size_t cap)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	if (cap == 0)
		return;
	buf[0] = '\0';
	if (localtime_r(&tt, &tm) != NULL)
		strftime(buf, cap, "%Y-%m-%d %H:%M:%S", &tm);
}

int64_t
usage_moment(int32_t today, int64_t now)
{
	int32_t	 real = usage_day_of(now);

	if (real == DATE_NONE || today == DATE_NONE || today == real)
		return now;
	return usage_day_start(today) + (now - usage_day_start(real));
}

/* ---- CSV ---- */

void
usage_csv_init(struct usage_csv *c, const char *data, size_t len)
{
	c->p = data;
	c->end = data + len;
	c->line = 0;
	c->next_line = 1;
	c->max_fields = USAGE_CSV_FIELDS;
	/* A UTF-8 byte order mark (spreadsheets write one) is not data. */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		c->p += 3;
}

int
usage_csv_next(struct usage_csv *c, char **f, char *msg, size_t cap)
{
	const char	*p;
	size_t		 bl, start, last;
	int		 nf, quoted, blank;

again:
	if (c->p >= c->end)
		return 0;
	c->line = c->next_line;
	p = c->p;
	bl = 0;
	nf = 0;
	blank = 1;
	for (;;) {
		/* One field. */
		while (p < c->end && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)nf == c->max_fields) {
			snprintf(msg, cap, "has more than %zu fields",
			    c->max_fields);
			goto bad;
		}
		start = bl;
		f[nf++] = c->buf + bl;
		quoted = p < c->end && *p == '"';
		if (quoted) {
			blank = 0;
			p++;
			for (;;) {
				if (p >= c->end) {
					snprintf(msg, cap, "has a quote that "
					    "is never closed");
					goto bad;
				}
				if (*p == '"') {
					if (p + 1 < c->end && p[1] == '"') {
						p += 2;
						if (bl + 1 >= sizeof(c->buf))
							goto long_line;
						c->buf[bl++] = '"';
						continue;
					}
					p++;
					break;
				}
				if (*p == '\0')
					goto nul;
				if (*p == '\n')
					c->next_line++;
				if (bl + 1 >= sizeof(c->buf))
					goto long_line;
				c->buf[bl++] = *p++;
			}
			while (p < c->end && (*p == ' ' || *p == '\t'))
				p++;
			if (p < c->end && *p != ',' && *p != '\n' &&
			    *p != '\r') {
				snprintf(msg, cap, "has text after a closing "
				    "quote");
				goto bad;
			}
		} else {
			last = bl;
			while (p < c->end && *p != ',' && *p != '\n' &&
			    *p != '\r') {
				if (*p == '\0')
					goto nul;
				if (bl + 1 >= sizeof(c->buf))
					goto long_line;
				c->buf[bl++] = *p;
				if (*p != ' ' && *p != '\t')
					last = bl;
				p++;
			}
			bl = last;
			if (bl > start)
				blank = 0;
		}
		c->buf[bl++] = '\0';
		if (p < c->end && *p == ',') {
			blank = 0;
			p++;
			continue;
		}
		/* End of the record. */
		if (p < c->end && *p == '\r')
			p++;
		if (p < c->end && *p == '\n')
			p++;
		else if (p < c->end) {
			snprintf(msg, cap, "has a carriage return inside a "
			    "field");
			goto bad;
		}
		c->next_line++;
		c->p = p;
		break;
	}
	if (blank)
		goto again;
	return nf;
long_line:
	snprintf(msg, cap, "is longer than %d bytes", USAGE_LINE_MAX - 1);
	goto bad;
nul:
	snprintf(msg, cap, "holds a NUL byte: this is not a text file");
bad:
	c->p = c->end;
	return -1;
}

/* s for a message: at most 40 bytes, printable ASCII only. */
static void
shown(const char *s, char *out, size_t cap)
{
	size_t	 i, n = 0;

	for (i = 0; s[i] != '\0' && n + 4 < cap && i < 40; i++)
		out[n++] = s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '?';
	if (s[i] != '\0' && n + 4 < cap) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
}

/* A non-negative amount with at most 4 decimals, in ten-thousandths. */
static int
cost_parse(const char *s, int64_t *out)
{
	int64_t	 whole = 0, frac = 0;
	int	 nd = 0, nf = 0;

	for (; *s >= '0' && *s <= '9'; s++) {
		if (++nd > 10)
			return -1;
		whole = whole * 10 + (*s - '0');
	}
	if (*s == '.') {
		s++;
		for (; *s >= '0' && *s <= '9'; s++) {
			if (++nf > 4)
				return -1;
			frac = frac * 10 + (*s - '0');
		}
		if (nf == 0)
			return -1;
	}
	if (*s != '\0' || nd == 0)
		return -1;
	while (nf++ < 4)
		frac *= 10;
	*out = whole * 10000 + frac;
	return 0;
}

/* A whole number 0..max. */
static int
count_parse(const char *s, int64_t max, int64_t *out)
{
	int64_t	 v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > max)
			return -1;
	}
	*out = v;
	return 0;
}

static int
is_header(const char *first)
{
	return (first[0] >= 'a' && first[0] <= 'z') ||
	    (first[0] >= 'A' && first[0] <= 'Z');
}

/* Grow an arena array of n elements of size sz to hold one more. */
static void *
grow(struct arena *a, void *v, size_t n, size_t *cap, size_t sz)
{
	size_t	 ncap;

	if (n < *cap)
		return v;
	ncap = *cap ? *cap * 2 : 256;
	v = arena_realloc(a, v, *cap * sz, ncap * sz);
	*cap = ncap;
	return v;
}

static int
dir_parse(const char *s, int *dir)
{
	char	 l[12];
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++) {
		if (i + 1 >= sizeof(l))
			return -1;
		l[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	}
	l[i] = '\0';
	if (strcmp(l, "out") == 0 || strcmp(l, "outbound") == 0 ||
	    strcmp(l, "o") == 0 || strcmp(l, "outgoing") == 0)
		*dir = USAGE_OUT;
	else if (strcmp(l, "in") == 0 || strcmp(l, "inbound") == 0 ||
	    strcmp(l, "i") == 0 || strcmp(l, "incoming") == 0)
		*dir = USAGE_IN;
	else
		return -1;
	return 0;
}

long
usage_cdr_read(struct arena *a, const char *data, size_t len,
    struct usage_cdr **out, size_t *bad_line, char *msg)
{
	struct usage_csv	*c;
	struct usage_cdr	*v = NULL, *x;
	char			*f[USAGE_CSV_FIELDS], sh[48];
	size_t			 n = 0, cap = 0;
	int64_t			 dur;
	int			 nf, first = 1;

	*out = NULL;
	*bad_line = 0;
	msg[0] = '\0';
	c = arena_alloc(a, sizeof(*c));
	usage_csv_init(c, data, len);
	while ((nf = usage_csv_next(c, f, msg, USAGE_MSG_MAX)) != 0) {
		if (nf < 0)
			goto bad;
		if (first && is_header(f[0])) {
			first = 0;
			continue;
		}
		first = 0;
		if (nf == 6 && f[5][0] == '\0')
			nf = 5;
		if (nf != 5 && nf != 6) {
			snprintf(msg, USAGE_MSG_MAX, "has %d field%s; a call "
			    "record has 5 or 6: calling number, called number, "
			    "start time, duration, direction and, optionally, "
			    "the carrier cost", nf, nf == 1 ? "" : "s");
			goto bad;
		}
		v = grow(a, v, n, &cap, sizeof(*v));
		x = &v[n];
		memset(x, 0, sizeof(*x));
		x->line = c->line;
		if (usage_number_norm(f[0], strlen(f[0]), x->calling) < 0) {
			shown(f[0], sh, sizeof(sh));
			snprintf(msg, USAGE_MSG_MAX, "the calling number "
			    "\u201c%s\u201d is not a phone number", sh);
			goto bad;
		}
		if (usage_number_norm(f[1], strlen(f[1]), x->called) < 0) {
			shown(f[1], sh, sizeof(sh));
			snprintf(msg, USAGE_MSG_MAX, "the called number "
			    "\u201c%s\u201d is not a phone number", sh);
			goto bad;
		}
		if (usage_time_parse(f[2], strlen(f[2]), &x->start) < 0) {
			shown(f[2], sh, sizeof(sh));
			snprintf(msg, USAGE_MSG_MAX, "the start time \u201c%s"
			    "\u201d is not a date and time with a zone (such "
			    "as 2026-02-03T09:15:00Z or 2026-02-03 "
			    "10:15:00+01:00)", sh);
			goto bad;
		}
		if (count_parse(f[3], 86400, &dur) < 0) {
			shown(f[3], sh, sizeof(sh));
			snprintf(msg, USAGE_MSG_MAX, "the duration \u201c%s"
			    "\u201d is not a whole number of seconds from 0 "
			    "to 86400", sh);
			goto bad;
		}
		x->duration = (int32_t)dur;
		if (dir_parse(f[4], &x->dir) < 0) {
			shown(f[4], sh, sizeof(sh));
			snprintf(msg, USAGE_MSG_MAX, "the direction \u201c%s"
			    "\u201d is neither out nor in", sh);
			goto bad;
		}
		x->carrier_cost = -1;
		if (nf == 6 && cost_parse(f[5], &x->carrier_cost) < 0) {
			shown(f[5], sh, sizeof(sh));
			snprintf(msg, USAGE_MSG_MAX, "the carrier cost \u201c%s"
			    "\u201d is not an amount such as 0.0125 (at most 4 "
			    "decimals)", sh);
			goto bad;
		}
		n++;
	}
	if (n == 0) {
		*bad_line = c->next_line > 1 ? c->next_line - 1 : 1;
		snprintf(msg, USAGE_MSG_MAX, "the file holds no call records");
		return -1;
	}
	*out = v;
	return (long)n;
bad:
	*bad_line = c->line;
	return -1;
}

int
usage_digits_cmp(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b);

	if (la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

int
usage_cdr_cmp(const void *pa, const void *pb)
{
	const struct usage_cdr	*a = pa, *b = pb;
	int			 c;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if ((c = usage_digits_cmp(a->calling, b->calling)) != 0)
		return c;
	if ((c = usage_digits_cmp(a->called, b->called)) != 0)
		return c;
	if (a->dir != b->dir)
		return a->dir < b->dir ? -1 : 1;
	/* Same call twice in a file: keep file order. */
	return a->line < b->line ? -1 : a->line > b->line;
}

int
usage_cdr_same(const struct usage_cdr *a, const struct usage_cdr *b)
{
	return a->start == b->start && a->dir == b->dir &&
	    strcmp(a->calling, b->calling) == 0 &&
	    strcmp(a->called, b->called) == 0;
}

static int
sample_cmp(const void *pa, const void *pb)
{
	const struct usage_sample	*a = pa, *b = pb;

	if (a->slot != b->slot)
		return a->slot < b->slot ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

long
usage_samples_read(struct arena *a, const char *data, size_t len,
    struct usage_sample **out, size_t *bad_line, char *msg)
{
	struct usage_csv	*c;
	struct usage_sample	*v = NULL, *x;
	char			*f[USAGE_CSV_FIELDS], sh[48], when[24];
	size_t			 n = 0, cap = 0, i;
	int64_t			 t;
	int			 nf, first = 1;

	*out = NULL;
	*bad_line = 0;
	msg[0] = '\0';
	c = arena_alloc(a, sizeof(*c));
	usage_csv_init(c, data, len);
	while ((nf = usage_csv_next(c, f, msg, USAGE_MSG_MAX)) != 0) {
		if (nf < 0)
			goto bad;
		if (first && is_header(f[0])) {
			first = 0;
			continue;
		}
		first = 0;
		if (nf != 3) {
			snprintf(msg, USAGE_MSG_MAX, "has %d field%s; a traffic "
			    "sample has 3: timestamp, bytes in, bytes out", nf,
			    nf == 1 ? "" : "s");
			goto bad;
		}
		v = grow(a, v, n, &cap, sizeof(*v));
		x = &v[n];
		x->line = c->line;
		if (usage_time_parse(f[0], strlen(f[0]), &t) < 0) {
			shown(f[0], sh, sizeof(sh));
			snprintf(msg, USAGE_MSG_MAX, "the timestamp \u201c%s"
			    "\u201d is not a date and time with a zone (such "
			    "as 2026-02-03T09:15:00Z)", sh);
			goto bad;
		}
		x->slot = t - ((t % USAGE_SLOT) + USAGE_SLOT) % USAGE_SLOT;
		if (count_parse(f[1], INT64_C(100000000000000),
		    &x->bytes_in) < 0) {
			shown(f[1], sh, sizeof(sh));
			snprintf(msg, USAGE_MSG_MAX, "the bytes in \u201c%s"
			    "\u201d are not a whole number of bytes", sh);
			goto bad;
		}
		if (count_parse(f[2], INT64_C(100000000000000),
		    &x->bytes_out) < 0) {
			shown(f[2], sh, sizeof(sh));
			snprintf(msg, USAGE_MSG_MAX, "the bytes out \u201c%s"
			    "\u201d are not a whole number of bytes", sh);
			goto bad;
		}
		n++;
	}
	if (n == 0) {
		*bad_line = c->next_line > 1 ? c->next_line - 1 : 1;
		snprintf(msg, USAGE_MSG_MAX, "the file holds no traffic "
		    "samples");
		return -1;
	}
	qsort(v, n, sizeof(*v), sample_cmp);
	for (i = 1; i < n; i++)
		if (v[i].slot == v[i - 1].slot) {
			usage_time_format(v[i].slot, when, sizeof(when));
			snprintf(msg, USAGE_MSG_MAX, "is a second sample for "
			    "the 5 minutes from %.16s (line %zu has one)",
			    when, v[i - 1].line);
			*bad_line = v[i].line;
			return -1;
		}
	*out = v;
	return (long)n;
bad:
	*bad_line = c->line;
	return -1;
}

/* ---- holdings and periods ---- */

int64_t
usage_holder_at(const struct usage_holding *h, size_t n, int64_t t)
{
	size_t	 lo = 0, hi = n;

	/* The last holding that started at or before t. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (h[mid].from <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	return t < h[lo - 1].until ? h[lo - 1].occupier : 0;
}

static int
runs_on(const struct usage_period *p, int32_t day)
{
	return p->from != DATE_NONE && p->from <= day &&
	    (p->to == DATE_NONE || day < p->to);
}

const struct usage_period *
usage_period_on(const struct usage_period *p, size_t n, int32_t day)
{
	const struct usage_period	*best = NULL;
	size_t				 i;

	for (i = 0; i < n; i++)
		if (runs_on(&p[i], day) && (best == NULL ||
		    p[i].from > best->from))
			best = &p[i];
	return best;
}

static int
runs_in(const struct usage_period *p, int32_t first, int32_t last)
{
	return p->from != DATE_NONE && p->from <= last &&
	    (p->to == DATE_NONE || p->to > first) &&
	    (p->to == DATE_NONE || p->to > p->from);
}

int64_t
usage_qty_in_month(const struct usage_period *p, size_t n, int year,
    int month)
{
	int32_t	 first = date_from_ymd(year, month, 1);
	int32_t	 last = first + date_days_in_month(year, month) - 1;
	int64_t	 q = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		if (runs_in(&p[i], first, last) && p[i].qty > 0)
			q += p[i].qty;
	return q;
}

const struct usage_period *
usage_period_month(const struct usage_period *p, size_t n, int year,
    int month)
{
	const struct usage_period	*best;
	int32_t				 first, last;
	size_t				 i;

	first = date_from_ymd(year, month, 1);
	last = first + date_days_in_month(year, month) - 1;
	if ((best = usage_period_on(p, n, last)) != NULL)
		return best;
	for (i = 0; i < n; i++)
		if (runs_in(&p[i], first, last) && (best == NULL ||
		    p[i].from > best->from))
			best = &p[i];
	return best;
}

/* ---- rates ---- */

struct rnode {
	int32_t			 next[10];
	const struct usage_rate	*rate;
};

struct usage_ratetab {
	struct rnode	*nodes;
	size_t		 n;
};

struct usage_ratetab *
usage_ratetab_new(struct arena *a, const struct usage_rate *r, size_t n)
{
	struct usage_ratetab	*t;
	size_t			 cap = 1, i;
	const char		*p;

	for (i = 0; i < n; i++) {
		for (p = r[i].prefix; *p != '\0'; p++)
			if (*p < '0' || *p > '9')
				return NULL;
		cap += (size_t)(p - r[i].prefix);
	}
	t = arena_alloc(a, sizeof(*t));
	t->nodes = arena_alloc(a, cap * sizeof(*t->nodes));
	memset(t->nodes, 0xff, cap * sizeof(*t->nodes));
	t->nodes[0].rate = NULL;
	t->n = 1;
	for (i = 0; i < n; i++) {
		int32_t	 at = 0;

		for (p = r[i].prefix; *p != '\0'; p++) {
			int d = *p - '0';

			if (t->nodes[at].next[d] < 0) {
				t->nodes[t->n].rate = NULL;
				t->nodes[at].next[d] = (int32_t)t->n++;
			}
			at = t->nodes[at].next[d];
		}
		t->nodes[at].rate = &r[i];
	}
	return t;
}

const struct usage_rate *
usage_rate_match(const struct usage_ratetab *t, const char *digits)
{
	const struct usage_rate	*best;
	int32_t			 at = 0;

	if (t == NULL)
		return NULL;
	best = t->nodes[0].rate;
	for (; *digits >= '0' && *digits <= '9'; digits++) {
		if ((at = t->nodes[at].next[*digits - '0']) < 0)
			break;
		if (t->nodes[at].rate != NULL)
			best = t->nodes[at].rate;
	}
	return best;
}

int64_t
usage_billed(int64_t duration, int32_t first, int32_t step)
{
	int64_t	 extra;

	if (duration <= 0)
		return 0;
	if (step < 1)
		step = 1;
	if (first < 0)
		first = 0;
	if (duration <= first)
		return first;
	extra = duration - first;
	return first + (extra + step - 1) / step * step;
}

#define CHARGE_MAX	(INT64_MAX / 4)

int64_t
usage_call_charge(int64_t per_minute, int64_t setup, int64_t minimum,
    int64_t billed, int64_t included)
{
	int64_t	 secs, v;

	if (per_minute < 0 || setup < 0 || minimum < 0)
		return -1;
	if (billed <= 0 || included >= billed)
		return 0;
	if (included < 0)
		included = 0;
	secs = billed - included;
	if (per_minute > 0 && secs > CHARGE_MAX / per_minute)
		return -1;
	/* In millipence x 60 (per_minute x seconds). */
	v = per_minute * secs;
	if (included == 0) {
		if (setup > CHARGE_MAX / 60 || minimum > CHARGE_MAX / 60 ||
		    v > CHARGE_MAX - setup * 60)
			return -1;
		v += setup * 60;
		if (v < minimum * 60)
			v = minimum * 60;
	}
	/* 1 minor unit = 1 000 millipence; x 60 for the minute. */
	return (v + 30000) / 60000;
}

int64_t
usage_allowance_take(int64_t limit, int64_t *used, int64_t billed)
{
	int64_t	 left, take;

	if (limit <= 0 || billed <= 0)
		return 0;
	if (limit == USAGE_UNLIMITED) {
		if (*used <= INT64_MAX - billed)
			*used += billed;
		return billed;
	}
	left = limit - *used;
	if (left <= 0)
		return 0;
	take = billed < left ? billed : left;
	*used += take;
	return take;
}

int64_t
usage_allowance_seconds(int64_t minutes, int per_line, int64_t lines)
{
	int64_t	 k;

	if (minutes < 0)
		return USAGE_UNLIMITED;
	k = per_line ? (lines > 0 ? lines : 0) : 1;
	if (k != 0 && minutes > INT64_MAX / 60 / k)
		return USAGE_UNLIMITED;
	return minutes * 60 * k;
}

/* ---- rating a month ---- */

const char *const usage_kind_labels[USAGE_KIND__MAX] = {
	"Charged",			/* USAGE_RATED */
	"Internal (free)",		/* USAGE_INTERNAL */
	"Inbound (free)",		/* USAGE_INBOUND */
	"Unattributed: no holder",	/* USAGE_NO_HOLDER */
	"Not charged: no tariff",	/* USAGE_NO_TARIFF */
	"Not charged: no rate",		/* USAGE_NO_RATE */
};

enum usage_kind
usage_classify(int dir, int calling_site, int called_site, int64_t holder,
    int64_t tariff, int has_rate)
{
	if (calling_site && called_site)
		return USAGE_INTERNAL;
	if (dir == USAGE_IN)
		return USAGE_INBOUND;
	if (holder <= 0)
		return USAGE_NO_HOLDER;
	if (tariff <= 0)
		return USAGE_NO_TARIFF;
	if (!has_rate)
		return USAGE_NO_RATE;
	return USAGE_RATED;
}

int
usage_rate_calls(struct usage_item *c, size_t n, struct usage_used *used,
    size_t *nused, size_t cap)
{
	size_t	 i, k;

	for (i = 0; i < n; i++) {
		c[i].included = 0;
		c[i].amount = 0;
		if (c[i].kind != USAGE_RATED)
			continue;
		for (k = 0; k < *nused; k++)
			if (used[k].month == c[i].month &&
			    used[k].group == c[i].group)
				break;
		if (k == *nused) {
			if (*nused == cap)
				return -1;
			used[k].month = c[i].month;
			used[k].group = c[i].group;
			used[k].used = 0;
			(*nused)++;
		}
		c[i].included = usage_allowance_take(c[i].limit, &used[k].used,
		    c[i].billed);
		c[i].amount = usage_call_charge(c[i].per_minute, c[i].setup,
		    c[i].minimum, c[i].billed, c[i].included);
		if (c[i].amount < 0)
			return -1;
	}
	return 0;
}

/* ---- bandwidth ---- */

static int
i64_cmp(const void *pa, const void *pb)
{
	int64_t	 a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return a < b ? -1 : a > b;
}

int64_t
usage_p95(int64_t *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), i64_cmp);
	return v[n - 1 - n / 20];
}

#define SLOT_MBIT	(INT64_C(1000000) * USAGE_SLOT)	/* bits in a slot at 1 Mbps */

int64_t
usage_burst_bits(int64_t p95_bits, int64_t committed_mbps)
{
	__int128	 commit = (__int128)committed_mbps * SLOT_MBIT;

	if (committed_mbps < 0)
		commit = 0;
	return (__int128)p95_bits > commit ? (int64_t)(p95_bits - commit) : 0;
}

int64_t
usage_burst_charge(int64_t burst_bits, int64_t per_mbps)
{
	__int128	 v;

	if (burst_bits <= 0 || per_mbps <= 0)
		return burst_bits < 0 || per_mbps < 0 ? -1 : 0;
	v = ((__int128)burst_bits * per_mbps + SLOT_MBIT / 2) / SLOT_MBIT;
	return v > INT64_MAX ? -1 : (int64_t)v;
}

void
usage_mbps_format(int64_t bits, char *buf, size_t cap)
{
	__int128	 h;

	if (bits < 0)
		bits = 0;
	h = ((__int128)bits * 100 + SLOT_MBIT / 2) / SLOT_MBIT;
	snprintf(buf, cap, "%lld.%02lld", (long long)(h / 100),
	    (long long)(h % 100));
}

/* ---- display ---- */

void
usage_duration_format(int64_t secs, char *buf, size_t cap)
{
	if (secs < 0)
		secs = 0;
	snprintf(buf, cap, "%lld:%02lld", (long long)(secs / 60),
	    (long long)(secs % 60));
}

void
usage_rate_format(int64_t mp, char *buf, size_t cap)
{
	char	 frac[8];
	int	 n;

	if (mp < 0)
		mp = 0;
	if (mp % 1000 == 0) {
		snprintf(buf, cap, "%lldp", (long long)(mp / 1000));
		return;
	}
	snprintf(frac, sizeof(frac), "%03lld", (long long)(mp % 1000));
	for (n = 2; n > 0 && frac[n] == '0'; n--)
		frac[n] = '\0';
	snprintf(buf, cap, "%lld.%sp", (long long)(mp / 1000), frac);
}
