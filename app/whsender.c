/*
 * whsender: see whsender.h.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <curl/curl.h>
#include <sodium.h>

#include "arena.h"
#include "config.h"
#include "domain/webhook.h"
#include "log.h"
#include "sender.h"
#include "store/db.h"
#include "store/store_webhook.h"
#include "whsender.h"

/* What the open-socket callback knows and found. */
struct gate {
	int		 allow_private;
	int		 refused;	/* 1: an address was refused */
	char		 addr[INET6_ADDRSTRLEN];
	enum wh_addr	 cls;
};

/* Called by libcurl with the resolved address it is about to connect to:
 * the one place an address is judged, so DNS rebinding cannot slip a
 * private address past a check made earlier. */
static curl_socket_t
open_socket(void *ctx, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct gate	*g = ctx;
	enum wh_addr	 cls;

	if (purpose != CURLSOCKTYPE_IPCXN)
		return CURL_SOCKET_BAD;
	if (a->family == AF_INET) {
		const struct sockaddr_in *s4 = (const void *)&a->addr;

		cls = wh_addr_v4((const unsigned char *)&s4->sin_addr);
		inet_ntop(AF_INET, &s4->sin_addr, g->addr, sizeof(g->addr));
	} else if (a->family == AF_INET6) {
		const struct sockaddr_in6 *s6 = (const void *)&a->addr;

		cls = wh_addr_v6(s6->sin6_addr.s6_addr);
		inet_ntop(AF_INET6, &s6->sin6_addr, g->addr, sizeof(g->addr));
	} else
		return CURL_SOCKET_BAD;
	if (cls != WH_ADDR_PUBLIC && !g->allow_private) {
		g->refused = 1;
		g->cls = cls;
		return CURL_SOCKET_BAD;
	}
	return socket(a->family, a->socktype, a->protocol);
}

static size_t
discard(char *p, size_t size, size_t n, void *ctx)
{
	(void)p;
	(void)ctx;
	return size * n;
}

struct result {
	int		 status;	/* HTTP status, 0 none */
	int64_t		 ms;
	const char	*error;		/* "" for a 2xx */
};

static int64_t
mono_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
set_options(CURL *c, const struct store_wh_claim *d, struct gate *g,
    struct curl_slist *h, char *err)
{
	curl_easy_setopt(c, CURLOPT_URL, d->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_PROXY, "");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)WH_TIMEOUT_SECONDS);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, g);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, d->payload);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(d->payload));
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "Tenantry-Webhooks/1");
	if (cfg.webhook_ca[0] != '\0')
		curl_easy_setopt(c, CURLOPT_CAINFO, cfg.webhook_ca);
}

/* One POST of claimed row d. */
static void
post(struct arena *a, const struct store_wh_claim *d, struct result *res)
{
	struct gate		 g;
	struct curl_slist	*h = NULL, *n;
	char			 sig[WH_SIG_MAX], err[CURL_ERROR_SIZE];
	const char		*why;
	CURLcode		 rc;
	CURL			*c;
	long			 code = 0;
	int64_t			 t0 = mono_ms();

	memset(&g, 0, sizeof(g));
	memset(res, 0, sizeof(*res));
	g.allow_private = d->allow_private;
	err[0] = '\0';
	res->error = "";
	/* The rule of the form holds for rows written before it changed. */
	if ((why = wh_url_check(d->url, d->allow_private, NULL, 0)) != NULL) {
		res->error = arena_printf(a, "refused: URL %s", why);
		return;
	}
	if (wh_signature(d->secret, (int64_t)time(NULL), d->payload,
	    strlen(d->payload), sig, sizeof(sig)) < 0 ||
	    (c = curl_easy_init()) == NULL) {
		res->error = "out of memory";
		return;
	}
	const char *hdr[] = { "Content-Type: application/json",
	    arena_printf(a, "Tenantry-Signature: %s", sig),
	    arena_printf(a, "Tenantry-Event-Id: %s", d->event_id),
	    arena_printf(a, "Tenantry-Event-Type: %s", d->event_type),
	    "Expect:" };
	for (size_t i = 0; i < sizeof(hdr) / sizeof(hdr[0]); i++) {
		if ((n = curl_slist_append(h, hdr[i])) == NULL)
			break;
		h = n;
	}
	set_options(c, d, &g, h, err);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_cleanup(c);
	curl_slist_free_all(h);
	res->ms = mono_ms() - t0;
	res->status = (int)code;
	if (g.refused)
		res->error = arena_printf(a, "refused: the host resolved to %s, "
		    "%s (the endpoint does not allow a private address)",
		    g.addr, wh_addr_name(g.cls));
	else if (rc != CURLE_OK)
		res->error = arena_printf(a, "%s%s%s", curl_easy_strerror(rc),
		    err[0] ? ": " : "", err);
	else if (code < 200 || code > 299)
		res->error = arena_printf(a, "HTTP %ld", code);
}

/* Deliver claimed row d and record the attempt and its outcome. */
static void
deliver(struct arena *a, const struct store_wh_claim *d, const char *owner)
{
	struct result	 res;
	int64_t		 at = (int64_t)time(NULL), now;

	post(a, d, &res);
	now = (int64_t)time(NULL);
	if (store_webhook_attempt(d, at, res.status, res.ms, res.error) < 0)
		log_warnx("webhooks: attempt of delivery %lld not logged",
		    (long long)d->id);
	if (res.error[0] == '\0') {
		if (store_webhook_delivered(d->id, owner, now, res.status) <= 0)
			log_warnx("webhooks: delivery %lld was delivered but "
			    "could not be marked so", (long long)d->id);
		return;
	}
	log_info("webhooks: delivery %lld (%s) attempt %lld failed: %s",
	    (long long)d->id, d->event_id, (long long)d->attempts, res.error);
	(void)store_webhook_failed(d->id, owner, now, now +
	    wh_backoff(cfg.webhook_retry_seconds, d->attempts), res.status,
	    res.error);
}

int
whsender_main(void)
{
	struct arena		*a;
	struct store_wh_claim	 d;
	char			 owner[128];
	int64_t			 now;
	int			 rc;

	if (sender_start("webhooks", owner, sizeof(owner)) < 0)
		return 1;
	a = arena_new(64 * 1024);
	log_info("webhooks: sending as %s", owner);
	while (!sender_stopping) {
		arena_reset(a);
		now = (int64_t)time(NULL);
		rc = store_webhook_claim(a, owner, now, now + WH_LEASE_SECONDS,
		    &d);
		if (rc < 0)
			sender_nap(1000, &sender_stopping);
		else if (rc == 0)
			sender_nap(cfg.webhook_poll_ms, &sender_stopping);
		else
			deliver(a, &d, owner);
	}
	arena_free(a);
	db_close();
	curl_global_cleanup();
	log_info("webhooks: stopped");
	return 0;
}
