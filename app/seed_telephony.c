/*
 * seed_telephony: demo data of the telephony feature (see cli.h): a pool
 * of 60 numbers per site from Ofcom's ranges reserved for drama (never
 * allocated to a real line): London 020 7946 0000-0999, Bristol 0117 496
 * 0000-0999. With the demo (Northwind):
 *   Canary Wharf  +44 20 7946 0100..0159
 *   Shoreditch    +44 20 7946 0200..0259
 * the operator keeps the last two numbers of each site; 0157 is cooling
 * off. The pools are added before the demo's plans, whose Manage
 * services saves activate the voice lines' numbers on the days they were
 * added (seed.c, demo_plans): Acme Analytics' 3 (0100 the main one,
 * active since 400 days ago), Fjord Media's 2 (0103 main, since 360 days
 * ago) and Blue Finch's 2 (0105, 0106, today). Without demo data
 * (Eastwind): Harbour House +44 117 496 0000..0059, all available.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "domain/date.h"
#include "domain/phone.h"
#include "ops/sites.h"
#include "ops/telephony.h"
#include "store/db.h"
#include "store/store_phone.h"

#define POOL		60	/* numbers per site */

/* Demo occupier index (seed.c's occupiers[]) of Fjord Media: a demo
 * with fewer occupiers has no number cooling off. */
#define OCC_FJORD	5

/*
 * Number of site (its pool's, added by ops_number_range_add) put into a
 * state of the past: active since `activated` for occupier occ, or
 * cooling off since `deactivated`. Not through the operations: the
 * cooling-off number was last held, until ten days ago, by Acme
 * Analytics on a fourth line its plan no longer shows (seed_usage.c
 * records that holding); replaying it would change what Acme was charged
 * in the past. The seed's one way to write a number's history. 0, or -1.
 */
static int
history(int64_t op, int64_t site, const char *number, enum phone_state st,
    int64_t occ, int is_main, int32_t activated, int32_t deactivated,
    int32_t until)
{
	char		 ad[DATE_STRLEN], dd[DATE_STRLEN], ud[DATE_STRLEN];
	struct dbp	 p[10];

	date_format(activated, ad, sizeof(ad));
	date_format(deactivated, dd, sizeof(dd));
	date_format(until, ud, sizeof(ud));
	p[0] = DBP_S(phone_state_keys[st]);
	p[1] = occ > 0 ? DBP_I(occ) : DBP_NUL;
	p[2] = DBP_I(is_main);
	p[3] = activated == DATE_NONE ? DBP_NUL : DBP_S(ad);
	p[4] = deactivated == DATE_NONE ? DBP_NUL : DBP_S(dd);
	p[5] = until == DATE_NONE ? DBP_NUL : DBP_S(ud);
	p[6] = DBP_I(op);
	p[7] = DBP_I(site);
	p[8] = DBP_S(number);
	p[9] = DBP_S(phone_state_keys[PHONE_AVAILABLE]);
	return db_exec(STMT_PHONE_SEED_HISTORY, p, 10, NULL) == 1 ? 0 : -1;
}

/* The pool of site: numbers from..to through the Telephony page's
 * operation (all available). 0, or -1. */
static int
pool(struct ops_ctx *c, int64_t site, const char *from, const char *to)
{
	struct number_range_in	 in;
	struct number_range_out	 out;

	memset(&in, 0, sizeof(in));
	in.site = site;
	in.from = from;
	in.to = to;
	return ops_number_range_add(c, &in, &out) > 0 &&
	    out.added == POOL ? 0 : -1;
}

/* The operator keeps number of site (allocated to the operator, as the
 * site's Telephony page does). 0, or -1. */
static int
keep(struct ops_ctx *c, int64_t site, const char *number)
{
	struct store_phone	*ph;
	struct number_change_in	 in;
	struct number_out	 out;
	size_t			 n, i;

	if (store_phone_list_site(c->t.a, c->t.operator_id, site, c->t.day, NULL, &ph,
	    &n) < 0)
		return -1;
	for (i = 0; i < n && strcmp(ph[i].number, number) != 0; i++)
		;
	if (i == n)
		return -1;
	memset(&in, 0, sizeof(in));
	in.site = site;
	in.id = ph[i].id;
	in.op = PHONE_OP_ALLOCATE;
	return ops_number_change(c, &in, &out) > 0 ? 0 : -1;
}

/* The numbers of demo site s (0 or 1) after its pool was added. */
static int
demo_numbers(struct ops_ctx *c, size_t s, int64_t site, size_t nocc)
{
	char	 number[32];
	int	 i, days, rc = 0;

	days = cfg.cooloff_days > 0 ? cfg.cooloff_days : 1;
	for (i = 0; i < POOL && rc == 0; i++) {
		int32_t	 today = c->t.day, deact;

		snprintf(number, sizeof(number), "+44 20 7946 %04d",
		    (int)(s + 1) * 100 + i);
		if (i >= POOL - 2)
			rc = keep(c, site, number);
		else if (s == 0 && nocc > OCC_FJORD && i == POOL - 3) {
			/* Deactivated lately: still cooling off, whatever
			 * the period is. */
			deact = days > 10 ? today - 10 : today;
			rc = history(c->t.operator_id, site, number,
			    PHONE_COOLING_OFF, 0, 0, today - 700, deact,
			    phone_cooloff_until(deact, days));
		}
	}
	return rc;
}

int
seed_telephony(struct arena *a, int64_t op, const int64_t *sites,
    size_t nsites, size_t nocc, int demo, int32_t today)
{
	struct ops_ctx	 c;
	char		 from[32], to[32];
	size_t		 s;

	seed_ctx(&c, a, op, today);
	/* Ten blocks of 100 in each drama range. */
	for (s = 0; s < nsites && s < 9; s++) {
		if (demo) {
			snprintf(from, sizeof(from), "+44 20 7946 %04d",
			    (int)(s + 1) * 100);
			snprintf(to, sizeof(to), "+44 20 7946 %04d",
			    (int)(s + 1) * 100 + POOL - 1);
		} else {
			snprintf(from, sizeof(from), "+44 117 496 %04d",
			    (int)s * 100);
			snprintf(to, sizeof(to), "+44 117 496 %04d",
			    (int)s * 100 + POOL - 1);
		}
		if (pool(&c, sites[s], from, to) == -1 ||
		    (demo && demo_numbers(&c, s, sites[s], nocc) == -1))
			return -1;
	}
	return 0;
}
