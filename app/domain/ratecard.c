/*
 * ratecard: a rate card read and written (ratecard.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../arena.h"
#include "money.h"
#include "ratecard.h"

#define FIELDS_MAX	12

/* Split line s (NUL-terminated, changed in place) into at most FIELDS_MAX
 * fields, double quotes as RFC 4180; -1 when a quote is not closed. */
static int
split(char *s, char **f)
{
	int	 n = 0;
	char	*w;

	for (;;) {
		if (n == FIELDS_MAX)
			return n + 1;
		while (*s == ' ')
			s++;
		f[n++] = w = s;
		if (*s == '"') {
			for (s++; ; s++) {
				if (*s == '\0')
					return -1;
				if (*s == '"' && s[1] == '"')
					*w++ = *s++;
				else if (*s == '"')
					break;
				else
					*w++ = *s;
			}
			s++;
			while (*s == ' ')
				s++;
			if (*s != ',' && *s != '\0')
				return -1;
		} else {
			while (*s != ',' && *s != '\0')
				*w++ = *s++;
			while (w > f[n - 1] && w[-1] == ' ')
				w--;
		}
		if (*s == '\0') {
			*w = '\0';
			return n;
		}
		*w = '\0';
		s++;
	}
}

/* "1.5" (at most three decimals) as thousandths: 1500. 0, or -1. */
static int
thousandths(const char *s, int64_t *out)
{
	int64_t	 v = 0;
	int	 dec = -1;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s == '.' && dec < 0) {
			dec = 0;
			continue;
		}
		if (*s < '0' || *s > '9' || dec == 3 || v > INT64_C(1000000000000))
			return -1;
		v = v * 10 + (*s - '0');
		if (dec >= 0)
			dec++;
	}
	for (dec = dec < 0 ? 0 : dec; dec < 3; dec++)
		v *= 10;
	*out = v;
	return 0;
}

static int
whole(const char *s, int64_t *out)
{
	char	*e;

	if (*s == '\0' || strlen(s) > 9)
		return -1;
	*out = strtoll(s, &e, 10);
	return *e == '\0' && *out >= 0 ? 0 : -1;
}

static void
bad(struct arena *a, struct ratecard *k, size_t line, const char *why)
{
	if (k->nerrs == RATECARD_ERRS_MAX) {
		k->more_errs = 1;
		return;
	}
	k->errs[k->nerrs].line = line;
	k->errs[k->nerrs++].text = arena_printf(a, "line %zu: %s", line, why);
}

/* One line's item into k. */
static void
item(struct arena *a, struct ratecard *k, size_t line, char **f, int n)
{
	int64_t	 v[5];

	if (strcmp(f[0], "group") == 0 && n == 3) {
		k->gl[k->ng] = line;
		k->g[k->ng].code = arena_strdup(a, f[1]);
		k->g[k->ng++].name = arena_strdup(a, f[2]);
	} else if (strcmp(f[0], "rate") == 0 && n == 9) {
		struct usage_cat_rate *r = &k->r[k->nr];

		if (thousandths(f[4], &v[0]) < 0 || thousandths(f[5], &v[1]) <
		    0 || thousandths(f[6], &v[2]) < 0) {
			bad(a, k, line, "a price is a number of pence (or cents) "
			    "with at most three decimals, e.g. 1.5");
			return;
		}
		if (whole(f[7], &v[3]) < 0 || whole(f[8], &v[4]) < 0) {
			bad(a, k, line, "the increments are whole seconds");
			return;
		}
		k->rl[k->nr++] = line;
		r->tariff = arena_strdup(a, f[1]);
		r->prefix = arena_strdup(a, f[2]);
		r->group = arena_strdup(a, f[3]);
		r->per_minute = v[0];
		r->setup = v[1];
		r->minimum = v[2];
		r->first = (int32_t)v[3];
		r->step = (int32_t)v[4];
	} else if (strcmp(f[0], "allowance") == 0 && n == 5) {
		struct usage_cat_allowance *l = &k->l[k->nl];

		if (strcmp(f[3], "unlimited") == 0)
			v[0] = -1;
		else if (whole(f[3], &v[0]) < 0) {
			bad(a, k, line, "minutes are a whole number or unlimited");
			return;
		}
		if (strcmp(f[4], "per_line") != 0 && strcmp(f[4], "total") != 0) {
			bad(a, k, line, "the last field is per_line or total");
			return;
		}
		k->ll[k->nl++] = line;
		l->tariff = arena_strdup(a, f[1]);
		l->group = arena_strdup(a, f[2]);
		l->minutes = v[0];
		l->per_line = strcmp(f[4], "per_line") == 0;
	} else if (strcmp(f[0], "tier") == 0 && n == 4) {
		struct usage_cat_tier *t = &k->t[k->nt];

		if (whole(f[2], &v[0]) < 0 || money_parse(f[3], &v[1]) < 0) {
			bad(a, k, line, "a tier is a whole number of Mbps and a "
			    "burst price such as 5.00");
			return;
		}
		k->tl[k->nt++] = line;
		t->service = arena_strdup(a, f[1]);
		t->mbps = v[0];
		t->per_mbps = v[1];
	} else
		bad(a, k, line, arena_printf(a, "not an item: group (3 fields), "
		    "rate (9), allowance (5) or tier (4); this line has %d "
		    "field%s starting with \"%s\"", n, n == 1 ? "" : "s", f[0]));
}

void
ratecard_read(struct arena *a, const char *text, size_t len,
    struct ratecard *k)
{
	size_t	 line = 0, max = RATECARD_ITEMS_MAX, n;
	char	*copy, *s, *e, *f[FIELDS_MAX];
	int	 nf;

	memset(k, 0, sizeof(*k));
	k->errs = arena_calloc(a, RATECARD_ERRS_MAX, sizeof(*k->errs));
	if (len > RATECARD_BYTES_MAX) {
		bad(a, k, 0, "a rate card is at most 1 MiB");
		return;
	}
	n = 0;
	for (s = (char *)text; s < text + len; s++)
		n += *s == '\n';
	if (n + 1 < max)
		max = n + 1;
	k->g = arena_calloc(a, max, sizeof(*k->g));
	k->r = arena_calloc(a, max, sizeof(*k->r));
	k->l = arena_calloc(a, max, sizeof(*k->l));
	k->t = arena_calloc(a, max, sizeof(*k->t));
	k->gl = arena_calloc(a, max, sizeof(size_t));
	k->rl = arena_calloc(a, max, sizeof(size_t));
	k->ll = arena_calloc(a, max, sizeof(size_t));
	k->tl = arena_calloc(a, max, sizeof(size_t));
	copy = arena_strndup(a, text, len);
	if (strncmp(copy, "\xef\xbb\xbf", 3) == 0)
		copy += 3;
	for (s = copy; *s != '\0' || s == copy; s = e) {
		if ((e = strchr(s, '\n')) != NULL)
			*e++ = '\0';
		else
			e = s + strlen(s);
		line++;
		s[strcspn(s, "\r")] = '\0';
		if (strlen(s) > 4000)
			bad(a, k, line, "the line is too long");
		else if (s[0] == '\0' || s[0] == '#' ||
		    (line == 1 && strncmp(s, "kind", 4) == 0))
			;
		else if ((nf = split(s, f)) < 0)
			bad(a, k, line, "a quoted field is not closed");
		else if (nf > FIELDS_MAX - 1)
			bad(a, k, line, "too many fields");
		else if (k->ng == max || k->nr == max || k->nl == max ||
		    k->nt == max)
			bad(a, k, line, "more than 20 000 items of a kind");
		else
			item(a, k, line, f, nf);
		if (*e == '\0')
			break;
	}
}

size_t
ratecard_line_of(const struct ratecard *k, const char *field)
{
	size_t	 i;

	if (field == NULL)
		return 0;
	if (sscanf(field, "group %zu", &i) == 1 && i >= 1 && i <= k->ng)
		return k->gl[i - 1];
	if (sscanf(field, "rate %zu", &i) == 1 && i >= 1 && i <= k->nr)
		return k->rl[i - 1];
	if (sscanf(field, "allowance %zu", &i) == 1 && i >= 1 && i <= k->nl)
		return k->ll[i - 1];
	if (sscanf(field, "tier %zu", &i) == 1 && i >= 1 && i <= k->nt)
		return k->tl[i - 1];
	return 0;
}

const char *
ratecard_price(struct arena *a, int64_t v)
{
	char	 frac[8];
	int	 n;

	if (v % 1000 == 0)
		return arena_printf(a, "%lld", (long long)(v / 1000));
	n = snprintf(frac, sizeof(frac), "%03lld", (long long)(v % 1000));
	while (n > 0 && frac[n - 1] == '0')
		frac[--n] = '\0';
	return arena_printf(a, "%lld.%s", (long long)(v / 1000), frac);
}

/* A field as the card writes it: in double quotes when it holds a comma,
 * a quote or leading or trailing spaces. */
static void
field(struct buf *b, const char *s)
{
	size_t	 n = strlen(s);

	buf_putc(b, ',');
	if (strpbrk(s, ",\"") == NULL && (n == 0 || (s[0] != ' ' &&
	    s[n - 1] != ' '))) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

void
ratecard_write(struct buf *b, const struct usage_cat_group *g, size_t ng,
    const struct usage_cat_rate *r, size_t nr,
    const struct usage_cat_allowance *l, size_t nl,
    const struct usage_cat_tier *t, size_t nt)
{
	char	 m[MONEY_STRLEN];
	size_t	 i;

	buf_puts(b, "kind,item\n");
	for (i = 0; i < ng; i++) {
		buf_puts(b, "group");
		field(b, g[i].code);
		field(b, g[i].name);
		buf_putc(b, '\n');
	}
	for (i = 0; i < nr; i++) {
		buf_puts(b, "rate");
		field(b, r[i].tariff);
		field(b, r[i].prefix);
		field(b, r[i].group);
		buf_printf(b, ",%s,%s,%s,%d,%d\n", ratecard_price(b->a,
		    r[i].per_minute), ratecard_price(b->a, r[i].setup),
		    ratecard_price(b->a, r[i].minimum), (int)r[i].first,
		    (int)r[i].step);
	}
	for (i = 0; i < nl; i++) {
		buf_puts(b, "allowance");
		field(b, l[i].tariff);
		field(b, l[i].group);
		if (l[i].minutes < 0)
			buf_puts(b, ",unlimited");
		else
			buf_printf(b, ",%lld", (long long)l[i].minutes);
		buf_puts(b, l[i].per_line ? ",per_line\n" : ",total\n");
	}
	for (i = 0; i < nt; i++) {
		buf_puts(b, "tier");
		field(b, t[i].service);
		money_format(t[i].per_mbps, m, sizeof(m));
		buf_printf(b, ",%lld,%s\n", (long long)t[i].mbps, m);
	}
}
