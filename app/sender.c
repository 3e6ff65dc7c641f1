/*
 * sender: see sender.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "log.h"
#include "sender.h"

volatile sig_atomic_t	 sender_stopping;

static void
on_term(int sig)
{
	(void)sig;
	sender_stopping = 1;
}

int
sender_start(const char *who, char *owner, size_t size)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (sodium_init() < 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
		log_warnx("%s: library initialisation failed", who);
		return -1;
	}
	sender_owner(owner, size);
	return 0;
}

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
