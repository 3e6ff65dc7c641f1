/*
 * mailer: see mailer.h.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "arena.h"
#include "config.h"
#include "domain/mime.h"
#include "log.h"
#include "sender.h"
#include "mailer.h"
#include "store/db.h"
#include "store/store_mail.h"

/* The message being uploaded: libcurl reads it through upload(). */
struct upload {
	const char	*p;
	size_t		 left;
};

static size_t
upload(char *buf, size_t size, size_t nitems, void *ctx)
{
	struct upload	*u = ctx;
	size_t		 n = size * nitems;

	if (n > u->left)
		n = u->left;
	memcpy(buf, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

enum outcome {
	SENT,		/* the relay accepted it */
	REFUSED,	/* the relay answered no to this message */
	UNREACHABLE,	/* no relay to talk to (or it failed us midway) */
};

/* A handle set up for the relay; kept between messages so that libcurl
 * reuses the connection. */
static CURL *
relay_open(void)
{
	CURL	*c;

	if ((c = curl_easy_init()) == NULL)
		return NULL;
	curl_easy_setopt(c, CURLOPT_URL, cfg.smtp_url);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)MAILER_TIMEOUT_SECONDS);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, upload);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, cfg.mail_from);
	if (strcmp(cfg.smtp_tls, "required") == 0)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	else if (strcmp(cfg.smtp_tls, "try") == 0)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	else
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_NONE);
	if (cfg.smtp_ca_file[0] != '\0')
		curl_easy_setopt(c, CURLOPT_CAINFO, cfg.smtp_ca_file);
	if (cfg.smtp_user[0] != '\0') {
		curl_easy_setopt(c, CURLOPT_USERNAME, cfg.smtp_user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, cfg.smtp_password);
	}
	return c;
}

/* Hand msg to the relay for rcpt. *why: what went wrong (arena a). */
static enum outcome
relay_send(CURL *c, struct arena *a, const char *rcpt, const char *msg,
    size_t len, const char **why)
{
	struct curl_slist	*to;
	struct upload		 u = { msg, len };
	char			 err[CURL_ERROR_SIZE];
	CURLcode		 rc;
	long			 code = 0;

	*why = "";
	if ((to = curl_slist_append(NULL, arena_printf(a, "<%s>", rcpt))) ==
	    NULL) {
		*why = "out of memory";
		return UNREACHABLE;
	}
	err[0] = '\0';
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, to);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, NULL);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, NULL);
	curl_slist_free_all(to);
	if (rc == CURLE_OK)
		return SENT;
	*why = arena_printf(a, "%s%s%s", curl_easy_strerror(rc),
	    err[0] ? ": " : "", err);
	/* An SMTP answer of 400 or more to the message itself (its sender,
	 * its recipient, its data) is the relay refusing it; a refused login
	 * is the relay's settings, not the message's. */
	if (code >= 400 && rc != CURLE_LOGIN_DENIED &&
	    rc != CURLE_USE_SSL_FAILED)
		return REFUSED;
	return UNREACHABLE;
}

/* The whole message of row m into out. 0, or -1 (an address refused). */
static int
message(struct buf *out, const struct store_mail *m)
{
	struct mime_msg	 mm;

	memset(&mm, 0, sizeof(mm));
	mm.from_name = m->operator_name;
	mm.from_addr = cfg.mail_from;
	mm.to_name = m->rcpt_name;
	mm.to_addr = m->rcpt;
	mm.subject = m->subject;
	mm.message_id = m->message_id;
	mm.date = m->created_at;
	mm.text = m->body_text;
	mm.html = m->body_html;
	return mime_build(out, &mm);
}

/* Delay before attempt n + 1 (n >= 1 failed): retry_seconds * 2^(n-1),
 * at most an hour. */
static int64_t
backoff(int64_t n)
{
	int64_t	 d = cfg.mail_retry_seconds;

	while (--n > 0 && d < 3600)
		d *= 2;
	return d > 3600 ? 3600 : d;
}

/* Hand one claimed message to the relay and record what came of it: sent,
 * refused (tried again later, or dead), or the relay unreachable (the
 * message released, a fresh connection and a longer wait next time). */
static void
deliver(CURL **c, struct arena *a, const struct store_mail *m,
    const struct buf *msg, const char *owner, long *wait_ms)
{
	const char	*why;

	switch (relay_send(*c, a, m->rcpt, msg->p, msg->len, &why)) {
	case SENT:
		*wait_ms = 0;
		if (store_mail_sent(m->id, owner, (int64_t)time(NULL)) <= 0)
			log_warnx("mailer: message %lld was sent but "
			    "could not be marked sent",
			    (long long)m->id);
		break;
	case REFUSED:
		*wait_ms = 0;
		log_info("mailer: message %lld attempt %lld refused: %s",
		    (long long)m->id, (long long)m->attempts, why);
		(void)store_mail_failed(m->id, owner,
		    cfg.mail_max_attempts, (int64_t)time(NULL) +
		    backoff(m->attempts), why);
		break;
	case UNREACHABLE:
		log_warnx("mailer: relay unreachable: %s", why);
		(void)store_mail_release(m->id, owner,
		    (int64_t)time(NULL), why);
		/* A fresh connection next time. */
		curl_easy_cleanup(*c);
		*c = NULL;
		*wait_ms = *wait_ms == 0 ? 1000L * cfg.mail_retry_seconds :
		    *wait_ms * 2;
		if (*wait_ms > 30000)
			*wait_ms = 30000;
		sender_nap(*wait_ms, &sender_stopping);
		break;
	}
}

int
mailer_main(void)
{
	struct arena		*a;
	struct store_mail	 m;
	struct buf		 msg;
	CURL			*c = NULL;
	char			 owner[128];
	long			 wait_ms = 0;
	int64_t			 now;
	int			 rc;

	if (sender_start("mailer", owner, sizeof(owner)) < 0)
		return 1;
	a = arena_new(64 * 1024);
	log_info("mailer: sending to %s as %s", cfg.smtp_url, owner);
	while (!sender_stopping) {
		arena_reset(a);
		now = (int64_t)time(NULL);
		rc = store_mail_claim(a, owner, now, now + MAILER_LEASE_SECONDS,
		    &m);
		if (rc < 0) {
			/* The database is away: try again shortly. */
			sender_nap(1000, &sender_stopping);
			continue;
		}
		if (rc == 0) {
			sender_nap(cfg.mail_poll_ms, &sender_stopping);
			continue;
		}
		buf_init(&msg, a, strlen(m.body_text) + strlen(m.body_html) +
		    4096);
		if (message(&msg, &m) == -1) {
			/* No attempt can help: dead at once. */
			(void)store_mail_failed(m.id, owner, 0, now,
			    "refused: the recipient address cannot be used");
			continue;
		}
		if (c == NULL && (c = relay_open()) == NULL) {
			(void)store_mail_release(m.id, owner, now + 1,
			    "out of memory");
			sender_nap(1000, &sender_stopping);
			continue;
		}
		deliver(&c, a, &m, &msg, owner, &wait_ms);
	}
	if (c != NULL)
		curl_easy_cleanup(c);
	arena_free(a);
	db_close();
	curl_global_cleanup();
	log_info("mailer: stopped");
	return 0;
}

int
mailer_send_test(const char *to)
{
	struct arena	*a;
	struct store_mail m;
	struct buf	 msg;
	unsigned char	 rnd[16];
	char		 hex[33];
	const char	*why, *at = strchr(cfg.mail_from, '@');
	CURL		*c;
	int		 rc = 1;

	if (cfg.smtp_url[0] == '\0') {
		fprintf(stderr, "mail test: TENANTRY_SMTP_URL is not set\n");
		return 1;
	}
	if (sodium_init() < 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	a = arena_new(16 * 1024);
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	memset(&m, 0, sizeof(m));
	m.operator_name = "Tenantry";
	m.rcpt = to;
	m.rcpt_name = "";
	m.subject = "Tenantry test message";
	m.message_id = arena_printf(a, "tn.%s@%s", hex, at ? at + 1 :
	    "tenantry.invalid");
	m.created_at = (int64_t)time(NULL);
	m.body_text = "This is a test message from Tenantry: the relay "
	    "settings work.\n";
	m.body_html = "<p>This is a test message from Tenantry: the relay "
	    "settings work.</p>\n";
	buf_init(&msg, a, 4096);
	if (message(&msg, &m) == -1)
		fprintf(stderr, "mail test: %s is not an address\n", to);
	else if ((c = relay_open()) == NULL)
		fprintf(stderr, "mail test: out of memory\n");
	else {
		if (relay_send(c, a, to, msg.p, msg.len, &why) == SENT) {
			printf("mail test: sent to %s (Message-ID <%s>)\n", to,
			    m.message_id);
			rc = 0;
		} else
			fprintf(stderr, "mail test: not sent: %s\n", why);
		curl_easy_cleanup(c);
	}
	arena_free(a);
	curl_global_cleanup();
	return rc;
}
