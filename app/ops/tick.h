/*
 * tick: the daily job (`tenantry tick`, and the serve master's
 * housekeeping process at TENANTRY_TICK_HOUR). For each operator, once
 * per its business day, each step in its own transaction:
 *   - numbers whose cooling off is over go back to available;
 *   - contracts whose end date has come are moved out: their
 *     services end on the end date (charges stop on it), and when the
 *     occupier holds no other running contract at the site its numbers
 *     cool off, its floor ports and public IPs are released and its Wi-Fi
 *     devices and accounts removed; when it holds no running contract at
 *     all its users are disabled. Audited as the system; history kept;
 *   - services that need a device (switch ports) and whose start date
 *     has come but that have not started start today when the
 *     occupier's active ports at the site leave room for them (as a port
 *     activation does; domain/svcstart.h), one transaction per occupier
 *     and site; the others keep waiting for their device.
 *   - the last complete month's charge totals are computed and kept
 *     (store_report.h), so the charges report's first view of it is quick.
 * Then expired sessions and throttle rows are purged (housekeep_round).
 *
 * A day's run is claimed by a row in tick_run (operator, day): the first
 * host to insert it does the work, any other host skips, so several hosts
 * running the job at once do it once, and a second run the same day
 * changes nothing.
 */
#ifndef TENANTRY_OPS_TICK_H
#define TENANTRY_OPS_TICK_H

#include <stdint.h>

struct arena;

struct tick_report {
	int64_t		 operators;	/* runs done by this host */
	int64_t		 skipped;	/* runs another host (or run) had claimed */
	int64_t		 cooled;	/* numbers back to available */
	int64_t		 moveouts;	/* contracts moved out */
	int64_t		 purged;	/* expired rows deleted */
};

/* The operator's today and hour at now in zone tz ("" or unknown: the
 * server's), or the TENANTRY_TODAY pin (hour then from the clock). */
void	 tick_today(const char *tz, int64_t now, int32_t *day, int *hour);

/*
 * Run the daily job for every operator whose hour has come (hour < 0:
 * every operator, as `tenantry tick` does; else those whose local hour
 * is at least hour). 1 done, -1 a store error (steps done so far stay
 * done; the next run does the rest).
 */
int	 ops_tick_run(struct arena *, int64_t now, int hour,
	    struct tick_report *);

#endif
