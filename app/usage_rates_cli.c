/*
 * usage_rates_cli: `tenantry usage rates --operator ID FILE`, an operator's
 * usage catalog from a rate card file, through its operation
 * (ops_usage_catalog_set: checked whole, all of it or nothing, one audit
 * event). The file's form is domain/ratecard.h's, as the Catalog's Usage
 * rates page reads it. Each tariff named by a rate gets exactly the
 * file's rates, each named by an allowance exactly its allowances; what
 * the file does not name stays.
 * Exit status 0 written, 1 refused (each problem printed with its line)
 * or failed, 2 bad arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "domain/ratecard.h"
#include "ops/usage_catalog.h"
#include "store/db.h"

/* The file into the arena: its text and length, or NULL. */
static char *
slurp(struct arena *a, const char *path, size_t *len)
{
	FILE	*f;
	char	*p;
	size_t	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	p = arena_alloc(a, RATECARD_BYTES_MAX + 2);
	n = fread(p, 1, RATECARD_BYTES_MAX + 1, f);
	fclose(f);
	p[n] = '\0';
	*len = n;
	return p;
}

int
cli_usage_rates(int argc, char *argv[])
{
	struct arena		*a;
	struct ratecard		 k;
	struct ops_ctx		 c;
	struct usage_cat_in	 in;
	struct usage_cat_out	 out;
	long long		 op = 0;
	const char		*text;
	size_t			 i, len = 0;
	int			 rc;

	if (argc == 3 && strcmp(argv[0], "--operator") == 0)
		op = strtoll(argv[1], NULL, 10);
	if (op <= 0) {
		fputs("usage: tenantry usage rates --operator ID FILE\n", stderr);
		return 2;
	}
	a = arena_new(1 << 20);
	if ((text = slurp(a, argv[2], &len)) == NULL) {
		fprintf(stderr, "usage rates: cannot read %s\n", argv[2]);
		arena_free(a);
		return 1;
	}
	ratecard_read(a, text, len, &k);
	if (k.nerrs > 0) {
		for (i = 0; i < k.nerrs; i++)
			fprintf(stderr, "usage rates: %s\n", k.errs[i].text);
		fprintf(stderr, "usage rates: %snothing was written\n",
		    k.more_errs ? "more lines are wrong; " : "");
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
			size_t l = ratecard_line_of(&k, out.why.m[i].field);

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
