/*
 * usage_rates_cli: `tenantry usage rates --operator ID FILE`, an operator's
 * usage catalog from a rate card file, through its operation
 * (ops_usage_catalog_set: checked whole, all of it or nothing, one audit
 * event). The file is CSV (fields may be in double quotes), one item a
 * line, its kind first; empty lines, lines starting with # and a first
 * line starting with "kind" are skipped:
 *
 *   group,CODE,NAME
 *   rate,TARIFF,PREFIX,GROUP,PER_MINUTE,SETUP,MINIMUM,FIRST,STEP
 *   allowance,TARIFF,GROUP,MINUTES|unlimited,per_line|total
 *   tier,SERVICE,COMMITTED_MBPS,BURST_PER_MBPS
 *
 * TARIFF and SERVICE are catalog codes (a Tariff service, a Bandwidth
 * service); PER_MINUTE, SETUP and MINIMUM are in pence (or cents) with up
 * to three decimals ("1.5" is 1.5p a minute); FIRST and STEP the billing
 * increments in seconds; BURST_PER_MBPS an amount a month ("5.00"). Each
 * tariff named by a rate gets exactly the file's rates, each named by an
 * allowance exactly its allowances; what the file does not name stays.
 * Exit status 0 written, 1 refused (each problem printed with its line)
 * or failed, 2 bad arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "domain/money.h"
#include "ops/usage_catalog.h"
#include "store/db.h"

#define CARD_MAX	(1 << 20)	/* bytes */
#define FIELDS_MAX	12
#define ITEMS_MAX	20000	/* of each kind */

/* The items read, each with its line. */
struct card {
	struct usage_cat_group		*g;
	struct usage_cat_rate		*r;
	struct usage_cat_allowance	*l;
	struct usage_cat_tier		*t;
	size_t				*gl, *rl, *ll, *tl;
	size_t				 ng, nr, nl, nt;
	int				 bad;
};

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
bad(struct card *k, size_t line, const char *why)
{
	fprintf(stderr, "usage rates: line %zu: %s\n", line, why);
	k->bad = 1;
}

/* One line's item into k. */
static void
item(struct arena *a, struct card *k, size_t line, char **f, int n)
{
	int64_t	 v[5];

	if (k->ng == ITEMS_MAX || k->nr == ITEMS_MAX || k->nl == ITEMS_MAX ||
	    k->nt == ITEMS_MAX) {
		bad(k, line, "more than 20 000 items of a kind");
		return;
	}
	if (strcmp(f[0], "group") == 0 && n == 3) {
		k->gl[k->ng] = line;
		k->g[k->ng].code = arena_strdup(a, f[1]);
		k->g[k->ng++].name = arena_strdup(a, f[2]);
	} else if (strcmp(f[0], "rate") == 0 && n == 9) {
		struct usage_cat_rate *r = &k->r[k->nr];

		if (thousandths(f[4], &v[0]) < 0 || thousandths(f[5], &v[1]) <
		    0 || thousandths(f[6], &v[2]) < 0) {
			bad(k, line, "a price is a number of pence (or cents) "
			    "with at most three decimals, e.g. 1.5");
			return;
		}
		if (whole(f[7], &v[3]) < 0 || whole(f[8], &v[4]) < 0) {
			bad(k, line, "the increments are whole seconds");
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
			bad(k, line, "minutes are a whole number or unlimited");
			return;
		}
		if (strcmp(f[4], "per_line") != 0 && strcmp(f[4], "total") != 0) {
			bad(k, line, "the last field is per_line or total");
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
			bad(k, line, "a tier is a whole number of Mbps and a "
			    "burst price such as 5.00");
			return;
		}
		k->tl[k->nt++] = line;
		t->service = arena_strdup(a, f[1]);
		t->mbps = v[0];
		t->per_mbps = v[1];
	} else
		bad(k, line, arena_printf(a, "not an item: group (3 fields), "
		    "rate (9), allowance (5) or tier (4); this line has %d "
		    "field%s starting with \"%s\"", n, n == 1 ? "" : "s", f[0]));
}

/* The file's items into k (from a). 0, or -1 when it cannot be read. */
static int
read_card(struct arena *a, const char *path, struct card *k)
{
	FILE	*fp;
	char	 buf[4096], *f[FIELDS_MAX];
	size_t	 line = 0, max, total = 0;
	int	 n;

	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "usage rates: cannot open %s\n", path);
		return -1;
	}
	max = ITEMS_MAX;
	k->g = arena_calloc(a, max, sizeof(*k->g));
	k->r = arena_calloc(a, max, sizeof(*k->r));
	k->l = arena_calloc(a, max, sizeof(*k->l));
	k->t = arena_calloc(a, max, sizeof(*k->t));
	k->gl = arena_calloc(a, max, sizeof(size_t));
	k->rl = arena_calloc(a, max, sizeof(size_t));
	k->ll = arena_calloc(a, max, sizeof(size_t));
	k->tl = arena_calloc(a, max, sizeof(size_t));
	while (fgets(buf, sizeof(buf), fp) != NULL) {
		size_t len = strlen(buf);

		line++;
		if ((total += len) > CARD_MAX) {
			bad(k, line, "the file is over 1 MiB");
			break;
		}
		if (len == sizeof(buf) - 1 && buf[len - 1] != '\n') {
			bad(k, line, "the line is too long");
			break;
		}
		buf[strcspn(buf, "\r\n")] = '\0';
		if (line == 1 && strncmp(buf, "\xef\xbb\xbf", 3) == 0)
			memmove(buf, buf + 3, strlen(buf + 3) + 1);
		if (buf[0] == '\0' || buf[0] == '#' ||
		    (line == 1 && strncmp(buf, "kind", 4) == 0))
			continue;
		if ((n = split(buf, f)) < 0)
			bad(k, line, "a quoted field is not closed");
		else if (n > FIELDS_MAX - 1)
			bad(k, line, "too many fields");
		else
			item(a, k, line, f, n);
	}
	fclose(fp);
	return 0;
}

/* The line of the item a refusal names ("rate 3"), or 0. */
static size_t
line_of(const struct card *k, const char *field)
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

int
cli_usage_rates(int argc, char *argv[])
{
	struct arena		*a;
	struct card		 k;
	struct ops_ctx		 c;
	struct usage_cat_in	 in;
	struct usage_cat_out	 out;
	long long		 op = 0;
	size_t			 i;
	int			 rc;

	if (argc == 3 && strcmp(argv[0], "--operator") == 0)
		op = strtoll(argv[1], NULL, 10);
	if (op <= 0) {
		fputs("usage: tenantry usage rates --operator ID FILE\n", stderr);
		return 2;
	}
	a = arena_new(1 << 20);
	memset(&k, 0, sizeof(k));
	if (read_card(a, argv[2], &k) < 0 || k.bad) {
		if (k.bad)
			fprintf(stderr, "usage rates: nothing was written\n");
		arena_free(a);
		return 1;
	}
	if (db_connect() < 0) {
		fprintf(stderr, "usage rates: cannot connect to the database\n");
		arena_free(a);
		return 1;
	}
	memset(&in, 0, sizeof(in));
	in.groups = k.g;
	in.ngroups = k.ng;
	in.rates = k.r;
	in.nrates = k.nr;
	in.allowances = k.l;
	in.nallowances = k.nl;
	in.tiers = k.t;
	in.ntiers = k.nt;
	seed_ctx(&c, a, op, cli_today());
	rc = ops_usage_catalog_set(&c, &in, &out);
	if (rc > 0)
		printf("usage rates: %zu groups (%zu new), %zu rates of %zu "
		    "tariffs, %zu allowances, %zu tiers\n", k.ng,
		    out.groups_added, k.nr, out.tariffs, k.nl, out.tiers);
	else if (rc == 0) {
		for (i = 0; i < out.why.n; i++) {
			size_t l = line_of(&k, out.why.m[i].field);

			if (l > 0)
				fprintf(stderr, "usage rates: line %zu: %s\n", l,
				    out.why.m[i].text);
			else
				fprintf(stderr, "usage rates: %s\n",
				    out.why.m[i].text);
		}
		fprintf(stderr, "usage rates: nothing was written\n");
	} else
		fprintf(stderr, "usage rates: the rates could not be written\n");
	arena_free(a);
	db_close();
	return rc > 0 ? 0 : 1;
}
