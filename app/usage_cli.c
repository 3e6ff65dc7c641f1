/*
 * usage_cli: the usage subcommands (see cli.h), for a nightly cron on the
 * phone platform and the traffic collector:
 *
 *   tenantry usage import --site ID FILE...
 *	call detail records of site ID, one file after the other, each in a
 *	transaction of its own: a bad file is refused whole (its line and
 *	the reason are printed) and the others still go in;
 *   tenantry usage traffic --site ID --occupier ID --interface NAME FILE...
 *	5-minute traffic samples of one port or VLAN of an occupier;
 *   tenantry usage rates --operator ID FILE
 *	an operator's rate card (cli_usage_rates).
 *
 * A file or a record imported again counts once. Exit status 0 when every
 * file went in, 1 when one was refused or failed, 2 on bad arguments.
 */
#include <sys/resource.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "cli.h"
#include "store/db.h"
#include "store/store_usage.h"
#include "domain/ratecard.h"
#include "ops/usage.h"
#include "ops/usage_catalog.h"

static void
usage_help(void)
{
	fputs("usage: tenantry usage import --site ID FILE...\n"
	    "       tenantry usage traffic --site ID --occupier ID "
	    "--interface NAME FILE...\n"
	    "       tenantry usage rates --operator ID FILE\n", stderr);
}

/* The whole file into the arena (NUL-terminated). */
static char *
slurp(struct arena *a, const char *path, size_t *len)
{
	FILE	*f;
	char	*p;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	p = arena_alloc(a, (size_t)n + 1);
	if (n > 0 && fread(p, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	p[n] = '\0';
	*len = (size_t)n;
	return p;
}

static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The base name of a path, as the import records it. */
static const char *
base(const char *path)
{
	const char	*s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

/* The command line: 1 with the site (and for traffic the occupier and
 * interface) and *first the index of the first file, else 0. */
struct usage_args {
	int		 traffic;
	long long	 site, occ;
	const char	*interface;
};

static int
parse_args(int argc, char *argv[], struct usage_args *g, int *first)
{
	int	 i;

	memset(g, 0, sizeof(*g));
	if (argc < 1)
		return 0;
	if (strcmp(argv[0], "import") == 0)
		g->traffic = 0;
	else if (strcmp(argv[0], "traffic") == 0)
		g->traffic = 1;
	else
		return 0;
	for (i = 1; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
		if (strcmp(argv[i], "--site") == 0)
			g->site = strtoll(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--occupier") == 0)
			g->occ = strtoll(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--interface") == 0)
			g->interface = argv[i + 1];
		else
			return 0;
	}
	*first = i;
	return !(g->site <= 0 || i >= argc || (g->traffic && (g->occ <= 0 ||
	    g->interface == NULL)) || (!g->traffic && (g->occ != 0 ||
	    g->interface != NULL)));
}

/* The run's totals. */
struct usage_totals {
	int	 files;
	long	 records, added, dups, nobody, unrated;
};

/* Import one file (ops_usage_import: its own transaction) and print what
 * came of it: 1 imported, 0 not. */
static int
import_file(struct ops_ctx *c, struct usage_import_in *in, const char *path,
    struct usage_totals *tot)
{
	struct usage_import_out	 out;
	struct usage_result	*res = &out.res;
	int			 rc;

	if ((in->data = slurp(c->t.a, path, &in->len)) == NULL) {
		fprintf(stderr, "%s: cannot read the file\n", path);
		return 0;
	}
	in->file_name = base(path);
	rc = ops_usage_import(c, in, &out);
	if (rc == 0 && out.why.why == OPS_INVALID) {
		if (res->bad_line > 0)
			fprintf(stderr, "%s: line %zu: %s; nothing was "
			    "imported from this file\n", path, res->bad_line,
			    res->msg);
		else
			fprintf(stderr, "%s: %s Nothing was imported from this "
			    "file.\n", path, res->msg);
		return 0;
	}
	if (rc <= 0) {
		fprintf(stderr, "%s: %s; nothing was imported from this "
		    "file\n", path, rc == 0 ? "no such site or occupier" :
		    "the import failed");
		return 0;
	}
	tot->files++;
	tot->records += res->records;
	tot->added += res->added;
	tot->dups += res->duplicates;
	tot->nobody += res->unattributed;
	tot->unrated += res->unrated;
	printf("%s: %ld records, %ld new, %ld imported before%s\n", path,
	    res->records, res->added, res->duplicates, in->kind ==
	    USAGE_IMPORT_TRAFFIC ? "" : arena_printf(c->t.a, ", %ld "
	    "unattributed, %ld not charged (no tariff or rate)%s",
	    res->unattributed, res->unrated, res->rerated > 0 ?
	    arena_printf(c->t.a, ", %ld occupier-months rated again",
	    res->rerated) : ""));
	return 1;
}

static void
print_totals(const char *cmd, const char *site_name,
    const struct usage_totals *tot, double t0)
{
	struct rusage	 ru;
	double		 dt = now_s() - t0;

	getrusage(RUSAGE_SELF, &ru);
	printf("usage %s: %s, %d file%s, %ld records, %ld new, %ld "
	    "imported before, %ld unattributed, %ld not charged; "
	    "%.3f s, %.0f records/s, CPU %.3f s, max RSS %ld KiB\n",
	    cmd, site_name, tot->files, tot->files == 1 ? "" : "s",
	    tot->records, tot->added, tot->dups, tot->nobody, tot->unrated,
	    dt, dt > 0 ? (double)tot->records / dt : 0.0,
	    (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6,
	    ru.ru_maxrss);
}

/* Every file of the command line, one transaction each; then the months'
 * summaries. 1 all imported, 0 not. */
static int
run(struct arena *ctx, struct arena *fa, const struct usage_args *g,
    char *argv[], int first, int argc)
{
	struct usage_totals	 tot;
	struct usage_import_in	 in;
	struct ops_ctx		 c;
	const char		*site_name;
	int64_t			 op;
	double			 t0;
	int			 i, rc, ok = 1;

	if ((rc = store_usage_site_operator(ctx, g->site, &op,
	    &site_name)) <= 0) {
		fprintf(stderr, "usage: %s\n", rc == 0 ? "no such site" :
		    "cannot read the site");
		return 0;
	}
	memset(&in, 0, sizeof(in));
	in.kind = g->traffic ? USAGE_IMPORT_TRAFFIC : USAGE_IMPORT_CALLS;
	in.site = g->site;
	in.occupier = g->occ;
	in.interface = g->interface;
	in.via = "cli";
	t0 = now_s();
	if (!g->traffic && usage_site_load(ctx, op, g->site, USAGE_LOAD_RATING,
	    &in.loaded) <= 0) {
		fprintf(stderr, "usage: cannot load the site's numbers, "
		    "tariffs and rates\n");
		return 0;
	}
	/* The shell: no user, and no audit events (imports are recorded
	 * as imports). */
	memset(&c, 0, sizeof(c));
	c.t.a = fa;
	c.t.operator_id = op;
	c.t.now = (int64_t)time(NULL);
	c.role = -1;
	c.remote_addr = "";
	memset(&tot, 0, sizeof(tot));
	for (i = first; i < argc; i++) {
		arena_reset(fa);
		if (!import_file(&c, &in, argv[i], &tot))
			ok = 0;
	}
	/* The months' summaries, from the run's own calls when it can. */
	if (in.loaded != NULL && usage_site_finish(fa, in.loaded) < 0)
		fprintf(stderr, "usage: the monthly summaries could not be "
		    "written; they are built when first read\n");
	print_totals(argv[0], site_name, &tot, t0);
	return ok;
}

/*
 * `tenantry usage rates --operator ID FILE`: an operator's
 * usage catalog from a rate card file, through its operation
 * (ops_usage_catalog_set: checked whole, all of it or nothing, one audit
 * event). The file's form is domain/ratecard.h's, as the Catalog's Usage
 * rates page reads it. Each tariff named by a rate gets exactly the
 * file's rates, each named by an allowance exactly its allowances; what
 * the file does not name stays.
 * Exit status 0 written, 1 refused (each problem printed with its line)
 * or failed, 2 bad arguments.
 */
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
	ops_usage_catalog_of_card(&k, &in);
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

int
cli_usage(int argc, char *argv[])
{
	struct usage_args	 g;
	struct arena		*ctx, *fa;
	int			 first, ok;

	if (argc >= 1 && strcmp(argv[0], "rates") == 0)
		return cli_usage_rates(argc - 1, argv + 1);
	if (!parse_args(argc, argv, &g, &first)) {
		usage_help();
		return 2;
	}
	if (db_connect() < 0) {
		fprintf(stderr, "usage: cannot connect to the database\n");
		return 1;
	}
	ctx = arena_new(1 << 20);
	fa = arena_new(1 << 20);
	ok = run(ctx, fa, &g, argv, first, argc);
	arena_free(fa);
	arena_free(ctx);
	db_close();
	return ok ? 0 : 1;
}
