/*
 * svcstart: when a service that needs a device (an Internet or Public IP
 * service: it needs active switch ports) starts. Pure.
 *
 * Such a service starts when enough of the occupier's active switch ports
 * at the site are free for it: ports active minus the ports that services
 * already started (or due to start) hold, each holding its switch-port
 * entitlement x QTY. The waiting services are considered in order, each
 * taking its ports while they last. That happens when a port is
 * activated (the site's floor ports screen), and when a Manage services
 * save leaves an active port free: it removes the service that held it,
 * or adds a service while a port is free. So replacing Internet (LAN
 * only) by Internet (LAN + Wi-Fi) in one save starts the new service on
 * the port the old one held, and the occupier is never left connected but
 * uncharged. A service on a contract that starts in the future starts on
 * that start date (the day it is due, computed from dates: no job runs
 * on the day).
 */
#ifndef TENANTRY_SVCSTART_H
#define TENANTRY_SVCSTART_H

#include <stddef.h>
#include <stdint.h>

struct svcstart_item {
	int64_t		 ports;		/* switch ports it needs (entitlement x QTY) */
	int		 start;		/* out: 1 when it starts now */
};

/*
 * Waiting services w[0..n) against active switch ports, of which held are
 * held by started services: sets w[i].start for those that start, in
 * order, each taking its ports from what is free. A service that needs no
 * port (ports <= 0) is not started here. Returns how many start.
 */
size_t	 svcstart_on_ports(int64_t active, int64_t held,
	    struct svcstart_item *w, size_t n);

/* The day a service that starts now begins: its start date when that is
 * in the future (the contract's start), else today. */
int32_t	 svcstart_day(int32_t start_date, int32_t today);

#endif
