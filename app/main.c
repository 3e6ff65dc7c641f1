/*
 * tenantry: one binary, four subcommands (DESIGN 1).
 *   tenantry serve                      FastCGI master and workers
 *   tenantry migrate                    apply sql/ migrations
 *   tenantry seed                       demo data into an empty database
 *   tenantry user add --email E --name N --role R --operator ID
 *                     [--occupier ID]   password read from standard input
 *   tenantry usage import|traffic ...   usage records (usage_cli.c)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "cli.h"
#include "config.h"
#include "domain/date.h"
#include "http/http.h"
#include "serve.h"
#include "session.h"
#include "store/db.h"
#include "store/store.h"

static void
usage(void)
{
	fputs("usage: tenantry serve | migrate | seed |\n"
	    "       tenantry user add --email E --name N --role R --operator ID"
	    " [--occupier ID]\n"
	    "  (the new password is read from standard input)\n"
	    "       tenantry usage import --site ID FILE...\n"
	    "       tenantry usage traffic --site ID --occupier ID"
	    " --interface NAME FILE...\n"
	    "Configuration: TENANTRY_CONFIG file and TENANTRY_* variables"
	    " (see README).\n", stderr);
}

static int32_t
today_now(void)
{
	time_t		 t = time(NULL);
	struct tm	 tm;

	if (cfg.today != DATE_NONE)
		return cfg.today;
	localtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
cli_user_add(int argc, char *argv[])
{
	const char	*email = NULL, *name = NULL, *role = NULL;
	long long	 op = 0, occ = 0;
	char		 pw[1024], hash[crypto_pwhash_STRBYTES];
	size_t		 n;
	int		 i;
	enum role	 r;

	for (i = 0; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--email") == 0)
			email = argv[i + 1];
		else if (strcmp(argv[i], "--name") == 0)
			name = argv[i + 1];
		else if (strcmp(argv[i], "--role") == 0)
			role = argv[i + 1];
		else if (strcmp(argv[i], "--operator") == 0)
			op = strtoll(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--occupier") == 0)
			occ = strtoll(argv[i + 1], NULL, 10);
		else {
			usage();
			return 2;
		}
	}
	if (i != argc || email == NULL || name == NULL || role == NULL ||
	    op <= 0) {
		usage();
		return 2;
	}
	if ((r = role_parse(role)) == ROLE__MAX) {
		fprintf(stderr, "user add: role must be operator_admin, "
		    "operator_staff, occupier_admin or occupier_user\n");
		return 2;
	}
	if ((r == ROLE_OCCUPIER_ADMIN || r == ROLE_OCCUPIER_USER) != (occ > 0)) {
		fprintf(stderr, "user add: occupier roles need --occupier, "
		    "operator roles must not have it\n");
		return 2;
	}
	if (fgets(pw, sizeof(pw), stdin) == NULL) {
		fprintf(stderr, "user add: no password on standard input\n");
		return 2;
	}
	n = strcspn(pw, "\r\n");
	pw[n] = '\0';
	if (n < 10) {
		fprintf(stderr, "user add: password must be at least 10 characters\n");
		return 2;
	}
	if (sodium_init() < 0 ||
	    session_hash_password(pw, hash, sizeof(hash)) == -1) {
		fprintf(stderr, "user add: hashing failed\n");
		return 1;
	}
	sodium_memzero(pw, sizeof(pw));
	if (db_connect() < 0 ||
	    store_user_insert(op, occ, email, name, role, hash, NULL) < 0) {
		fprintf(stderr, "user add: could not create the user (is the "
		    "email taken, or the operator/occupier id wrong?)\n");
		return 1;
	}
	printf("user add: %s (%s) created\n", email, role);
	return 0;
}

int
main(int argc, char *argv[])
{
	const char	*sqldir;
	int		 rc;

	if (argc < 2) {
		usage();
		return 2;
	}
	if (config_load() == -1)
		return 1;
	setenv("TZ", cfg.tz, 1);
	tzset();
	if (strcmp(argv[1], "serve") == 0)
		return serve_main();
	if (db_library_init() == -1)
		return 1;
	if (strcmp(argv[1], "migrate") == 0) {
		sqldir = getenv("TENANTRY_SQL_DIR");
		rc = cli_migrate(sqldir && *sqldir ? sqldir : "sql");
	} else if (strcmp(argv[1], "seed") == 0)
		rc = cli_seed(today_now());
	else if (strcmp(argv[1], "user") == 0 && argc >= 3 &&
	    strcmp(argv[2], "add") == 0)
		rc = cli_user_add(argc - 3, argv + 3);
	else if (strcmp(argv[1], "usage") == 0)
		rc = cli_usage(argc - 2, argv + 2);
	else {
		usage();
		rc = 2;
	}
	db_close();
	db_library_end();
	return rc;
}
