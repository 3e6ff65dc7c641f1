/*
 * sender: see sender.h.
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "sender.h"

void
sender_owner(char *owner, size_t size)
{
	char		 host[64];
	unsigned char	 rnd[6];
	char		 rhex[13];

	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "host");
	host[sizeof(host) - 1] = '\0';
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(rhex, sizeof(rhex), rnd, sizeof(rnd));
	snprintf(owner, size, "%.60s:%ld:%s", host, (long)getpid(), rhex);
}

void
sender_nap(long ms, volatile sig_atomic_t *stopping)
{
	struct timespec	 ts;

	while (ms > 0 && !*stopping) {
		long step = ms > 100 ? 100 : ms;

		ts.tv_sec = 0;
		ts.tv_nsec = step * 1000000L;
		nanosleep(&ts, NULL);
		ms -= step;
	}
}
