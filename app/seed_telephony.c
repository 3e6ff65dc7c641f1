/*
 * seed_telephony: demo data of the telephony feature (see cli.h): a pool
 * of 60 numbers per site from Ofcom's ranges reserved for drama (never
 * allocated to a real line): London 020 7946 0000-0999, Bristol 0117 496
 * 0000-0999. With the demo (Northwind):
 *   Canary Wharf  +44 20 7946 0100..0159
 *   Shoreditch    +44 20 7946 0200..0259
 * Acme Analytics has its 3 voice lines' numbers active at Canary Wharf
 * (0100 the main one), Fjord Media its 2 (0103 main); the operator keeps
 * the last two numbers of each site; 0157 is cooling off. Without it
 * (Eastwind): Harbour House +44 117 496 0000..0059, all available.
 */
#include <stdio.h>

#include "cli.h"
#include "config.h"
#include "domain/date.h"
#include "domain/phone.h"
#include "store/db.h"

#define POOL		60	/* numbers per site */

/* Demo occupier indexes (seed.c's occupiers[]) and their voice lines. */
#define OCC_ACME	0
#define OCC_FJORD	5
#define ACME_LINES	3
#define FJORD_LINES	2

static int
insert(int64_t op, int64_t site, const char *number, enum phone_state st,
    int64_t occ, int operator_held, int is_main, int32_t activated,
    int32_t deactivated, int32_t until)
{
	char		 ad[DATE_STRLEN], dd[DATE_STRLEN], ud[DATE_STRLEN];
	struct dbp	 p[10];

	date_format(activated, ad, sizeof(ad));
	date_format(deactivated, dd, sizeof(dd));
	date_format(until, ud, sizeof(ud));
	p[0] = DBP_I(op);
	p[1] = DBP_I(site);
	p[2] = DBP_S(number);
	p[3] = DBP_S(phone_state_keys[st]);
	p[4] = occ > 0 ? DBP_I(occ) : DBP_NUL;
	p[5] = DBP_I(operator_held);
	p[6] = DBP_I(is_main);
	p[7] = activated == DATE_NONE ? DBP_NUL : DBP_S(ad);
	p[8] = deactivated == DATE_NONE ? DBP_NUL : DBP_S(dd);
	p[9] = until == DATE_NONE ? DBP_NUL : DBP_S(ud);
	return db_exec(STMT_PHONE_SEED, p, 10, NULL) < 0 ? -1 : 0;
}

int
seed_telephony(int64_t op, const int64_t *sites, size_t nsites,
    const int64_t *occ, size_t nocc, int demo, int32_t today)
{
	char		 number[32];
	size_t		 s;
	int		 i, days;

	days = cfg.cooloff_days > 0 ? cfg.cooloff_days : 1;
	for (s = 0; s < nsites; s++) {
		/* Ten blocks of 100 in each drama range. */
		if (s >= 9)
			break;
		for (i = 0; i < POOL; i++) {
			enum phone_state st = PHONE_AVAILABLE;
			int64_t		 holder = 0;
			int		 opheld = 0, is_main = 0;
			int32_t		 act = DATE_NONE, deact = DATE_NONE;
			int32_t		 until = DATE_NONE;

			if (demo)
				snprintf(number, sizeof(number),
				    "+44 20 7946 %04d", (int)(s + 1) * 100 + i);
			else
				snprintf(number, sizeof(number),
				    "+44 117 496 %04d", (int)s * 100 + i);
			if (demo && s == 0 && nocc > OCC_FJORD) {
				if (i < ACME_LINES) {
					st = PHONE_ACTIVE;
					holder = occ[OCC_ACME];
					is_main = i == 0;
					act = today - 400;
				} else if (i < ACME_LINES + FJORD_LINES) {
					st = PHONE_ACTIVE;
					holder = occ[OCC_FJORD];
					is_main = i == ACME_LINES;
					act = today - 360;
				} else if (i == POOL - 3) {
					/* Deactivated lately: still cooling
					 * off, whatever the period is. */
					st = PHONE_COOLING_OFF;
					act = today - 700;
					deact = days > 10 ? today - 10 : today;
					until = phone_cooloff_until(deact, days);
				}
			}
			if (demo && i >= POOL - 2) {
				st = PHONE_RESERVED;
				opheld = 1;
			}
			if (insert(op, sites[s], number, st, holder, opheld,
			    is_main, act, deact, until) == -1)
				return -1;
		}
	}
	return 0;
}
