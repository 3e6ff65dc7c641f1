/*
 * tick: the daily job (tick.h). Each step is its own transaction through
 * db_txn, audited as the system (user 0) on the operator's day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../arena.h"
#include "../config.h"
#include "../domain/date.h"
#include "../domain/phone.h"
#include "../domain/usage.h"
#include "../housekeep.h"
#include "../store/store_dashboard.h"
#include "../store/store_device.h"
#include "../store/store_report.h"
#include "../store/store_tick.h"
#include "../store/txn.h"
#include "ports.h"
#include "tick.h"
#include "webhooks.h"

void
tick_today(const char *tz, int64_t now, int32_t *day, int *hour)
{
	time_t		 t = (time_t)now;
	struct tm	 tm;

	setenv("TZ", tz != NULL && *tz != '\0' ? tz : cfg.tz, 1);
	tzset();
	localtime_r(&t, &tm);
	setenv("TZ", cfg.tz, 1);
	tzset();
	*hour = tm.tm_hour;
	*day = cfg.today != DATE_NONE ? cfg.today :
	    date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The rows a list of due move-outs or device plans holds (the LIMIT of
 * STMT_TICK_MOVEOUTS and STMT_TICK_DEVICE_DUE), and at most this many
 * lists of move-outs a day: 100 000. */
#define TICK_BATCH	500
#define TICK_ROUNDS	200

struct claim {
	const char	*host;
	int		 won;
};

static int
claim_txn(struct txn *t, void *arg)
{
	struct claim	*c = arg;
	int		 rc;

	if ((rc = store_tick_claim(t->operator_id, t->day, c->host,
	    t->now)) < 0)
		return -1;
	c->won = rc;
	return 1;
}

static int
cooloff_txn(struct txn *t, void *arg)
{
	int64_t		*n = arg;

	if ((*n = store_tick_cooloff_end(t->operator_id, t->day)) < 0)
		return -1;
	if (*n == 0)
		return 1;
	return txn_audit(t, 0, 0, "phone_number", 0, "cooloff_end", NULL,
	    arena_printf(t->a, "numbers=%lld\nstate=available",
	    (long long)*n));
}

/* The move-out of one contract (tick.h). */
static int
moveout_txn(struct txn *t, void *arg)
{
	const struct store_tick_contract *k = arg;
	struct store_tick_release	 r;
	char				 end[DATE_STRLEN];
	int64_t				 live;
	int				 rc;

	memset(&r, 0, sizeof(r));
	if ((rc = store_tick_contract_lock(t->a, t->operator_id, k->id)) <= 0)
		return rc < 0 ? -1 : 1;	/* done meanwhile: nothing to do */
	if (store_tick_end_services(t->operator_id, k->id, k->end,
	    &r.services) < 0)
		return -1;
	if ((live = store_tick_live(t->a, t->operator_id, k->occ, k->site,
	    k->id, k->end)) < 0)
		return -1;
	if (live == 0 && store_tick_release_site(t->operator_id, k->site,
	    k->occ, t->day, phone_cooloff_until(t->day, cfg.cooloff_days),
	    usage_moment(t->day, t->now), &r) < 0)
		return -1;
	if ((live = store_tick_live(t->a, t->operator_id, k->occ, 0, k->id,
	    k->end)) < 0)
		return -1;
	if (live == 0 && (r.users = store_tick_disable_users(t->operator_id,
	    k->occ)) < 0)
		return -1;
	if (store_tick_contract_done(t->operator_id, k->id, t->day) < 0)
		return -1;
	date_format(k->end, end, sizeof(end));
	if (ops_event(t, WH_CONTRACT_CHANGED, k->occ, k->site, k->id,
	    arena_printf(t->a, "reference=%s\nend_date=%s\nstate=moved_out",
	    k->reference, end)) < 0)
		return -1;
	return txn_audit(t, k->occ, k->site, "contract", k->id, "move_out",
	    NULL, arena_printf(t->a, "reference=%s\nend=%s\nservices ended=%lld"
	    "\nnumbers deactivated=%lld\nports released=%lld\n"
	    "public IPs released=%lld\nWi-Fi removed=%lld\nusers disabled=%lld"
	    "\nIPv6 prefixes released=%lld", k->reference, end,
	    (long long)r.services, (long long)r.numbers, (long long)r.ports,
	    (long long)r.ips, (long long)r.devices, (long long)r.users,
	    (long long)r.ipv6));
}

/* The services of one plan that need a device and whose start date has
 * come: those its active ports leave room for start today (tick.h). */
static int
device_txn(struct txn *t, void *arg)
{
	const struct store_tick_plan	*p = arg;
	int				 rc;

	if ((rc = store_device_plan_lock(t->a, t->operator_id, p->occ,
	    p->site)) <= 0)
		return rc < 0 ? -1 : 1;	/* not the operator's: nothing */
	return ops_ports_start_services(t, p->occ, p->site);
}

/* The device step: one transaction per plan. */
static int
tick_devices(struct txn *t)
{
	struct store_tick_plan	*p, after = { 0, 0 };
	size_t			 n, i;

	/* By key: a plan whose service still waits (no port free) stays
	 * due, so the next list starts after the last one of this. */
	do {
		if (store_tick_device_due(t->a, t->operator_id, t->day, &after,
		    &p, &n) < 0)
			return -1;
		for (i = 0; i < n; i++)
			if (db_txn(t, device_txn, &p[i]) < 0)
				return -1;
		if (n > 0)
			after = p[n - 1];
	} while (n == TICK_BATCH);
	return 1;
}

static int
finish_txn(struct txn *t, void *arg)
{
	(void)arg;
	return store_tick_finish(t->operator_id, t->day, t->now);
}

/* The kept totals of the 12 months up to this one computed now
 * (store_report.h), so that neither the charges report's first view of
 * the last complete month nor the start page's chart of the 12 months
 * waits for an aggregate: after the tick a view only reads kept rows, and
 * a change recomputes only the months it dropped. 1 ok, -1 error. */
static int
warm_reports(struct txn *t)
{
	struct store_dash_list	 l;
	int			 y, m, d, k;

	date_to_ymd(t->day, &y, &m, &d);
	for (k = 0; k < 11; k++)
		if (--m == 0) {
			m = 12;
			y--;
		}
	return store_dash_charges(t->a, t->operator_id, date_from_ymd(y, m, 1),
	    &l) < 0 ? -1 : 1;
}

/* Operator t->operator_id's day, when this host claims it. */
static int
tick_operator(struct txn *t, const char *host, struct tick_report *out)
{
	struct store_tick_contract	*k;
	struct claim			 c = { host, 0 };
	int64_t				 n = 0;
	size_t				 nk, i;
	int				 round;

	if (db_txn(t, claim_txn, &c) < 0)
		return -1;
	if (!c.won) {
		out->skipped++;
		return 1;
	}
	if (db_txn(t, cooloff_txn, &n) < 0)
		return -1;
	out->cooled += n;
	/* The due move-outs come 500 at a time (STMT_TICK_MOVEOUTS); each
	 * one done leaves the list, so a full batch asks for the next (a
	 * building whose leases all end on one quarter day). */
	for (round = 0; round < TICK_ROUNDS; round++) {
		if (store_tick_moveouts(t->a, t->operator_id, t->day, &k,
		    &nk) < 0)
			return -1;
		for (i = 0; i < nk; i++) {
			if (db_txn(t, moveout_txn, &k[i]) < 0)
				return -1;
			out->moveouts++;
		}
		if (nk < TICK_BATCH)
			break;
	}
	if (tick_devices(t) < 0)
		return -1;
	if (db_txn(t, finish_txn, NULL) < 0)
		return -1;
	out->operators++;
	return warm_reports(t);
}

int
ops_tick_run(struct arena *a, int64_t now, int hour, struct tick_report *out)
{
	struct store_tick_op	*ops;
	struct txn		 t;
	char			 host[128];
	size_t			 n, i;
	int			 h;

	memset(out, 0, sizeof(*out));
	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "unknown");
	host[sizeof(host) - 1] = '\0';
	if (store_tick_operators(a, &ops, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		memset(&t, 0, sizeof(t));
		t.a = a;
		t.operator_id = ops[i].id;
		t.now = now;
		tick_today(ops[i].timezone, now, &t.day, &h);
		if (hour >= 0 && h < hour)
			continue;
		if (tick_operator(&t, host, out) < 0)
			return -1;
	}
	return housekeep_round(now, &out->purged);
}
