/*
 * usage_cli: the usage subcommands (see cli.h), for a nightly cron on the
 * phone platform and the traffic collector:
 *
 *   tenantry usage import --site ID FILE...
 *	call detail records of site ID, one file after the other, each in a
 *	transaction of its own: a bad file is refused whole (its line and
 *	the reason are printed) and the others still go in;
 *   tenantry usage traffic --site ID --occupier ID --interface NAME FILE...
 *	5-minute traffic samples of one port or VLAN of an occupier.
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
#include "usage.h"

static void
usage_help(void)
{
	fputs("usage: tenantry usage import --site ID FILE...\n"
	    "       tenantry usage traffic --site ID --occupier ID "
	    "--interface NAME FILE...\n", stderr);
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

int
cli_usage(int argc, char *argv[])
{
	struct arena		*ctx, *fa;
	struct usage_site	*site = NULL;
	struct usage_result	 res;
	struct rusage		 ru;
	const char		*interface = NULL, *site_name;
	long long		 sid = 0, occ = 0;
	long			 records = 0, added = 0, dups = 0, nobody = 0;
	long			 unrated = 0;
	int64_t			 op;
	double			 t0;
	int			 i, traffic, failed = 0, files = 0, rc, attempt;

	if (argc < 1) {
		usage_help();
		return 2;
	}
	if (strcmp(argv[0], "import") == 0)
		traffic = 0;
	else if (strcmp(argv[0], "traffic") == 0)
		traffic = 1;
	else {
		usage_help();
		return 2;
	}
	for (i = 1; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
		if (strcmp(argv[i], "--site") == 0)
			sid = strtoll(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--occupier") == 0)
			occ = strtoll(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--interface") == 0)
			interface = argv[i + 1];
		else {
			usage_help();
			return 2;
		}
	}
	if (sid <= 0 || i >= argc || (traffic && (occ <= 0 ||
	    interface == NULL)) || (!traffic && (occ != 0 ||
	    interface != NULL))) {
		usage_help();
		return 2;
	}
	if (db_connect() < 0) {
		fprintf(stderr, "usage: cannot connect to the database\n");
		return 1;
	}
	ctx = arena_new(1 << 20);
	fa = arena_new(1 << 20);
	if ((rc = store_usage_site_operator(ctx, sid, &op, &site_name)) <= 0) {
		fprintf(stderr, "usage: %s\n", rc == 0 ? "no such site" :
		    "cannot read the site");
		failed = 1;
		goto out;
	}
	t0 = now_s();
	if (!traffic && usage_site_load(ctx, op, sid, USAGE_LOAD_RATING,
	    &site) <= 0) {
		fprintf(stderr, "usage: cannot load the site's numbers, "
		    "tariffs and rates\n");
		failed = 1;
		goto out;
	}
	for (; i < argc; i++) {
		char	*data;
		size_t	 len;

		arena_reset(fa);
		if ((data = slurp(fa, argv[i], &len)) == NULL) {
			fprintf(stderr, "%s: cannot read the file\n", argv[i]);
			failed = 1;
			continue;
		}
		for (attempt = 0; attempt < 2; attempt++) {
			if (db_begin() < 0) {
				rc = -1;
				break;
			}
			if (traffic)
				rc = usage_import_traffic(fa, op, sid, occ,
				    interface, base(argv[i]), data, len, 0,
				    "cli", &res);
			else
				rc = usage_import_calls(fa, site, base(argv[i]),
				    data, len, 0, "cli", &res);
			if (rc > 0 && db_commit() > 0)
				break;
			db_rollback();
			/* A refused file (-2) wrote nothing and changed nothing
			 * the site keeps; anything else may have. */
			if (site != NULL && rc != -2)
				usage_site_forget(site);
			if (rc > 0)
				rc = -1;
			if (rc != -1 || !db_retryable())
				break;
		}
		if (rc == -2) {
			if (res.bad_line > 0)
				fprintf(stderr, "%s: line %zu: %s; nothing was "
				    "imported from this file\n", argv[i],
				    res.bad_line, res.msg);
			else
				fprintf(stderr, "%s: %s Nothing was imported "
				    "from this file.\n", argv[i], res.msg);
			failed = 1;
			continue;
		}
		if (rc <= 0) {
			fprintf(stderr, "%s: %s; nothing was imported from "
			    "this file\n", argv[i], rc == 0 ?
			    "no such site or occupier" : "the import failed");
			failed = 1;
			continue;
		}
		files++;
		records += res.records;
		added += res.added;
		dups += res.duplicates;
		nobody += res.unattributed;
		unrated += res.unrated;
		printf("%s: %ld records, %ld new, %ld imported before%s\n",
		    argv[i], res.records, res.added, res.duplicates, traffic ?
		    "" : arena_printf(fa, ", %ld unattributed, %ld not "
		    "charged (no tariff or rate)%s", res.unattributed,
		    res.unrated, res.rerated > 0 ? arena_printf(fa, ", %ld "
		    "occupier-months rated again", res.rerated) : ""));
	}
	/* The months' summaries, from the run's own calls when it can. */
	if (site != NULL && usage_site_finish(fa, site) < 0) {
		fprintf(stderr, "usage: the monthly summaries could not be "
		    "written; they are built when first read\n");
	}
	getrusage(RUSAGE_SELF, &ru);
	{
		double dt = now_s() - t0;

		printf("usage %s: %s, %d file%s, %ld records, %ld new, %ld "
		    "imported before, %ld unattributed, %ld not charged; "
		    "%.3f s, %.0f records/s, CPU %.3f s, max RSS %ld KiB\n",
		    argv[0], site_name, files, files == 1 ? "" : "s", records,
		    added, dups, nobody, unrated, dt, dt > 0 ?
		    (double)records / dt : 0.0, (double)ru.ru_utime.tv_sec +
		    (double)ru.ru_utime.tv_usec / 1e6 +
		    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec /
		    1e6, ru.ru_maxrss);
	}
out:
	arena_free(fa);
	arena_free(ctx);
	db_close();
	return failed ? 1 : 0;
}
