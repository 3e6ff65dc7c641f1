/*
 * housekeep: the serve master's housekeeping process. Once a minute it
 * deletes what nobody needs any more, in bounded batches (store_purge:
 * at most 1 000 rows a table a batch, at most HOUSEKEEP_BATCHES batches a
 * round, so that a backlog is worked off without long transactions or
 * long locks): sessions past their idle or absolute expiry, sign-in
 * failures outside the throttle window, known addresses older than 90
 * days, paces of past windows, forms kept over a sign-in, the API's
 * Idempotency-Key answers after a day, webhook deliveries (and their log)
 * that ended over 30 days ago and e-mail sent or given up over 90 days
 * ago. Several hosts may each run one: the deletes are idempotent. From TENANTRY_TICK_HOUR on (each operator's
 * local hour) a round is the daily job instead (ops/tick.h), which purges
 * as well and runs once per operator and day across all hosts.
 */
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "config.h"
#include "housekeep.h"
#include "log.h"
#include "ops/tick.h"
#include "store/db.h"
#include "store/store.h"
#include "store/store_mail.h"
#include "store/store_webhook.h"

#define HOUSEKEEP_PERIOD	60	/* seconds between rounds */
#define HOUSEKEEP_BATCHES	20	/* batches a round at most */
#define WEBHOOK_KEEP_DAYS	30	/* a finished delivery and its log */
#define MAIL_KEEP_DAYS		90	/* a message sent or given up */

static volatile sig_atomic_t	 hk_stop;

static void
hk_term(int sig)
{
	(void)sig;
	hk_stop = 1;
}

int
housekeep_round(int64_t now, int64_t *deleted)
{
	int64_t	 n, m;
	int	 i;

	*deleted = 0;
	for (i = 0; i < HOUSEKEEP_BATCHES; i++) {
		if (store_purge(now, (int64_t)cfg.idle_minutes * 60,
		    (int64_t)cfg.absolute_hours * 3600, &n) < 0)
			return -1;
		*deleted += n;
		if (n == 0)
			break;
	}
	for (i = 0; i < HOUSEKEEP_BATCHES; i++) {
		if ((n = store_webhook_purge(now - WEBHOOK_KEEP_DAYS * 86400)) < 0 ||
		    (m = store_mail_purge(now - MAIL_KEEP_DAYS * 86400)) < 0)
			return -1;
		*deleted += n + m;
		if (n + m == 0)
			break;
	}
	return 1;
}

/* The daily job, once its hour has come in each operator's zone (it
 * purges too); a day already run is skipped by one statement. */
static void
hk_tick(void)
{
	struct arena		*a;
	struct tick_report	 r;

	if ((a = arena_new(64 * 1024)) == NULL)
		return;
	if (ops_tick_run(a, (int64_t)time(NULL), cfg.tick_hour, &r) < 0)
		log_warnx("tick: failed (see above); the next round goes on");
	else if (r.operators > 0 || r.purged > 0)
		log_info("tick: %lld operator days run, %lld numbers available "
		    "again, %lld move-outs, %lld expired rows deleted",
		    (long long)r.operators, (long long)r.cooled,
		    (long long)r.moveouts, (long long)r.purged);
	arena_free(a);
}

void
housekeep_main(void)
{
	struct sigaction	 sa;
	sigset_t		 none;
	int64_t			 n;
	int			 i;

	sa.sa_handler = hk_term;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);	/* the master blocks them */
	while (!hk_stop) {
		if (db_connect() > 0 && cfg.tick_hour < 24)
			hk_tick();
		else if (db_connect() > 0 &&
		    housekeep_round((int64_t)time(NULL), &n) > 0 && n > 0)
			log_info("housekeep: %lld expired rows deleted",
			    (long long)n);
		for (i = 0; i < HOUSEKEEP_PERIOD && !hk_stop; i++)
			sleep(1);
	}
	db_close();
	_exit(0);
}
