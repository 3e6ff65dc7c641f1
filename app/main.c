/*
 * tenantry: one binary, its subcommands.
 *   tenantry serve                      FastCGI master and workers
 *   tenantry migrate                    apply sql/ migrations
 *   tenantry purge                      delete expired sessions and the like now
 *   tenantry tick                       the daily job now (ops/tick.h)
 *   tenantry seed                       demo data into an empty database
 *                                       (only with TENANTRY_DEMO=1)
 *   tenantry operator add --name N [--currency C] [--timezone TZ]
 *   tenantry user add --email E --name N --role R --operator ID
 *                     [--occupier ID]   password read from standard input
 *   tenantry mail run                   the mail sender alone (serve runs one)
 *   tenantry mail test --to ADDR        one test message through the relay
 *   tenantry webhooks run               the webhook sender alone (serve runs one)
 *   tenantry notify-contracts           the daily contract-ending notices
 *   tenantry notify-invoice ...         an invoice-issued e-mail (see usage)
 *   tenantry ledger-check               the charge ledger against the
 *                                       audit log (ledger_check.c)
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
#include "housekeep.h"
#include "http/http.h"
#include "mailer.h"
#include "whsender.h"
#include "notify.h"
#include "arena.h"
#include "ops/operators.h"
#include "ops/tick.h"
#include "ops/users.h"
#include "serve.h"
#include "session.h"
#include "store/db.h"
#include "store/store.h"
#include "tpl/tpl.h"

static void
usage(void)
{
	fputs("usage: tenantry serve | migrate | seed | purge | tick | ledger-check |\n"
	    "       tenantry operator add --name N [--currency GBP]"
	    " [--timezone Europe/London]\n"
	    "       tenantry user add --email E --name N --role R --operator ID"
	    " [--occupier ID]\n"
	    "  (the new password is read from standard input)\n"
	    "       tenantry mail run | mail test --to ADDR\n"
	    "       tenantry webhooks run\n"
	    "       tenantry notify-contracts\n"
	    "       tenantry notify-invoice --operator ID --occupier ID"
	    " --number N --total MINOR\n"
	    "                --issued YYYY-MM-DD --due YYYY-MM-DD [--path /my/...]\n"
	    "       tenantry usage import --site ID FILE...\n"
	    "       tenantry usage traffic --site ID --occupier ID"
	    " --interface NAME FILE...\n"
	    "       tenantry usage rates --operator ID FILE\n"
	    "Configuration: TENANTRY_CONFIG file and TENANTRY_* variables"
	    " (see README).\n", stderr);
}

int32_t
cli_today(void)
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
	struct ops_ctx	 c;
	struct user_create_in	 in;
	struct user_create_out	 out;
	size_t		 n;
	int		 i, rc;
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
	if (db_connect() < 0) {
		fprintf(stderr, "user add: cannot connect to the database\n");
		return 1;
	}
	/* The operation the Users screens call, with the password chosen
	 * here: its checks, its audit event, no set-password mail. */
	seed_ctx(&c, arena_new(1 << 12), op, cli_today());
	memset(&in, 0, sizeof(in));
	in.occupier_id = occ;
	in.name = name;
	in.email = email;
	in.role = role;
	in.password_hash = hash;
	rc = ops_user_create(&c, &in, &out);
	if (rc > 0)
		printf("user add: %s (%s) created\n", out.email, role);
	else if (rc == 0)
		fprintf(stderr, "user add: %s\n", out.why.n > 0 ?
		    out.why.m[0].text : "refused");
	else
		fprintf(stderr, "user add: could not create the user\n");
	arena_free(c.t.a);
	db_close();
	return rc > 0 ? 0 : 1;
}

/* Templates and libsodium, for the commands that queue e-mail. */
static int
notify_init(void)
{
	if (sodium_init() < 0 || tpl_init(cfg.templates) == -1) {
		fprintf(stderr, "tenantry: templates in %s failed to load\n",
		    cfg.templates);
		return -1;
	}
	return 0;
}

/*
 * The daily step of contract-ending notices for today (TENANTRY_TODAY
 * pins it): idempotent, so a daily job may call it as often as it likes.
 */
static int
cli_notify_contracts(void)
{
	struct arena	*a;
	int		 queued = 0, rc;

	if (notify_init() == -1)
		return 1;
	a = arena_new(64 * 1024);
	rc = notify_contracts_step(a, cli_today(), (int64_t)time(NULL),
	    &queued);
	arena_free(a);
	if (rc < 0) {
		fprintf(stderr, "notify-contracts: failed (see the log); the "
		    "notices queued so far stay queued\n");
		return 1;
	}
	printf("notify-contracts: %d contract%s noticed\n", queued,
	    queued == 1 ? "" : "s");
	return 0;
}

/*
 * The daily job now, for every operator's today (TENANTRY_TODAY pins it):
 * a day already run (here or by another host) is skipped.
 */
static int
cli_tick(void)
{
	struct arena		*a;
	struct tick_report	 r;
	int			 rc;

	if (db_connect() < 0)
		return 1;
	a = arena_new(64 * 1024);
	rc = ops_tick_run(a, (int64_t)time(NULL), -1, &r);
	arena_free(a);
	if (rc < 0) {
		fprintf(stderr, "tick: failed (see the log); the steps done "
		    "stay done, the next run does the rest\n");
		return 1;
	}
	printf("tick: %lld run, %lld skipped (already run), %lld numbers "
	    "available again, %lld move-outs, %lld expired rows deleted\n",
	    (long long)r.operators, (long long)r.skipped, (long long)r.cooled,
	    (long long)r.moveouts, (long long)r.purged);
	return 0;
}

/* One invoice-issued e-mail: what the invoicing module calls in the
 * transaction that issues an invoice, from the shell. */
static int
cli_notify_invoice(int argc, char *argv[])
{
	struct notify_invoice	 inv;
	struct arena		*a;
	const char		*issued = NULL, *due = NULL;
	int			 i, rc;

	memset(&inv, 0, sizeof(inv));
	inv.currency = "GBP";
	inv.path = "/my";
	for (i = 0; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--operator") == 0)
			inv.operator_id = strtoll(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--occupier") == 0)
			inv.occupier_id = strtoll(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--number") == 0)
			inv.number = argv[i + 1];
		else if (strcmp(argv[i], "--total") == 0)
			inv.total_minor = strtoll(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--currency") == 0)
			inv.currency = argv[i + 1];
		else if (strcmp(argv[i], "--issued") == 0)
			issued = argv[i + 1];
		else if (strcmp(argv[i], "--due") == 0)
			due = argv[i + 1];
		else if (strcmp(argv[i], "--path") == 0)
			inv.path = argv[i + 1];
		else
			break;
	}
	if (i != argc || inv.operator_id <= 0 || inv.occupier_id <= 0 ||
	    inv.number == NULL || issued == NULL || due == NULL ||
	    date_parse(issued, &inv.issued) == -1 ||
	    date_parse(due, &inv.due) == -1) {
		usage();
		return 2;
	}
	if (notify_init() == -1)
		return 1;
	a = arena_new(16 * 1024);
	rc = -1;
	if (db_begin() > 0) {
		rc = notify_invoice_issued(a, &inv, (int64_t)time(NULL));
		if (rc > 0 && db_commit() < 0)
			rc = -1;
		if (rc <= 0)
			db_rollback();
	}
	arena_free(a);
	if (rc < 0) {
		fprintf(stderr, "notify-invoice: failed (see the log)\n");
		return 1;
	}
	printf("notify-invoice: queued\n");
	return 0;
}

/* ops_operator_create by the system: >0 done, 0 refused, <0 error. */
static int
operator_create(const char *name, const char *cur, const char *tz,
    uint64_t *id)
{
	struct operator_create_in	 in = { name, cur, tz };
	struct operator_create_out	 out;
	struct ops_ctx			 c;
	int				 rc;

	memset(&c, 0, sizeof(c));
	c.t.a = arena_new(1 << 12);
	c.t.now = (int64_t)time(NULL);
	c.role = -1;
	c.remote_addr = "";
	rc = ops_operator_create(&c, &in, &out);
	*id = (uint64_t)out.id;
	arena_free(c.t.a);
	return rc;
}

int
cli_operator_add(int argc, char *argv[])
{
	const char	*name = NULL, *cur = "GBP", *tz = "Europe/London";
	uint64_t	 id = 0;
	int		 i;

	for (i = 0; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--name") == 0)
			name = argv[i + 1];
		else if (strcmp(argv[i], "--currency") == 0)
			cur = argv[i + 1];
		else if (strcmp(argv[i], "--timezone") == 0)
			tz = argv[i + 1];
		else {
			usage();
			return 2;
		}
	}
	if (i != argc || name == NULL || *name == '\0' || strlen(name) > 200 ||
	    strlen(cur) != 3 || *tz == '\0' || strlen(tz) > 64) {
		usage();
		return 2;
	}
	if (db_connect() < 0 || operator_create(name, cur, tz, &id) <= 0) {
		fprintf(stderr, "operator add: could not create the "
		    "operator\n");
		return 1;
	}
	printf("operator add: %s created with id %llu\n", name,
	    (unsigned long long)id);
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
	} else if (strcmp(argv[1], "seed") == 0) {
		/* The demo data has published passwords: never by accident. */
		const char *demo = getenv("TENANTRY_DEMO");

		if (demo == NULL || strcmp(demo, "1") != 0) {
			fprintf(stderr, "seed: the demo data signs in with a "
			    "published password; it is loaded only with "
			    "TENANTRY_DEMO=1\n");
			rc = 2;
		} else
			rc = cli_seed(cli_today());
	} else if (strcmp(argv[1], "purge") == 0) {
		/* One housekeeping round now (the serve master runs one a
		 * minute). */
		int64_t n = 0;

		rc = db_connect() < 0 || housekeep_round((int64_t)time(NULL),
		    &n) < 0;
		if (rc == 0)
			printf("purge: %lld expired rows deleted\n",
			    (long long)n);
	} else if (strcmp(argv[1], "tick") == 0 && argc == 2) {
		rc = cli_tick();
	} else if (strcmp(argv[1], "operator") == 0 && argc >= 3 &&
	    strcmp(argv[2], "add") == 0)
		rc = cli_operator_add(argc - 3, argv + 3);
	else if (strcmp(argv[1], "ledger-check") == 0 && argc == 2)
		rc = cli_ledger_check();
	else if (strcmp(argv[1], "user") == 0 && argc >= 3 &&
	    strcmp(argv[2], "add") == 0)
		rc = cli_user_add(argc - 3, argv + 3);
	else if (strcmp(argv[1], "mail") == 0 && argc == 3 &&
	    strcmp(argv[2], "run") == 0) {
		if (cfg.smtp_url[0] == '\0') {
			fprintf(stderr, "mail run: TENANTRY_SMTP_URL is not "
			    "set\n");
			rc = 1;
		} else
			rc = mailer_main();
	} else if (strcmp(argv[1], "mail") == 0 && argc == 5 &&
	    strcmp(argv[2], "test") == 0 && strcmp(argv[3], "--to") == 0)
		rc = mailer_send_test(argv[4]);
	else if (strcmp(argv[1], "webhooks") == 0 && argc == 3 &&
	    strcmp(argv[2], "run") == 0)
		rc = whsender_main();
	else if (strcmp(argv[1], "notify-contracts") == 0 && argc == 2)
		rc = cli_notify_contracts();
	else if (strcmp(argv[1], "notify-invoice") == 0)
		rc = cli_notify_invoice(argc - 2, argv + 2);
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
