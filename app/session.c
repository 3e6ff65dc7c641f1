/*
 * session: see session.h.
 */
#include <ctype.h>
#include <errno.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <sodium.h>

#include "config.h"
#include "http/http.h"
#include "log.h"
#include "session.h"
#include "store/store.h"

static sem_t	*hash_sem;	/* shared by all workers: caps Argon2id memory */

int
session_hash_slots_init(int slots)
{
	void	*p;

	p = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return -1;
	hash_sem = p;
	return sem_init(hash_sem, 1, (unsigned)slots);
}

static void
hash_slot_take(void)
{
	if (hash_sem == NULL)
		return;
	while (sem_wait(hash_sem) == -1 && errno == EINTR)
		continue;
}

static void
hash_slot_give(void)
{
	if (hash_sem != NULL)
		sem_post(hash_sem);
}

int
session_hash_password(const char *pw, char *out, size_t cap)
{
	int	 rc;

	if (cap < crypto_pwhash_STRBYTES)
		return -1;
	hash_slot_take();
	rc = crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
	hash_slot_give();
	return rc == 0 ? 0 : -1;
}

static int
verify_password(const char *hash, const char *pw)
{
	int	 rc;

	hash_slot_take();
	rc = crypto_pwhash_str_verify(hash, pw, strlen(pw));
	hash_slot_give();
	return rc == 0;
}

int
session_verify_password(const char *hash, const char *pw)
{
	return verify_password(hash, pw);
}

int
session_hash_unusable(char *out, size_t cap)
{
	unsigned char	 rnd[32];
	char		 pw[65];
	int		 rc;

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(pw, sizeof(pw), rnd, sizeof(rnd));
	rc = session_hash_password(pw, out, cap);
	sodium_memzero(rnd, sizeof(rnd));
	sodium_memzero(pw, sizeof(pw));
	return rc;
}

static int
hex_decode32(const char *hex, unsigned char out[32])
{
	size_t	 binlen;

	if (hex == NULL || strlen(hex) != 64)
		return -1;
	if (sodium_hex2bin(out, 32, hex, 64, NULL, &binlen, NULL) != 0 ||
	    binlen != 32)
		return -1;
	return 0;
}

static void
token_hash(const unsigned char tok[32], unsigned char h[32])
{
	crypto_generichash(h, 32, tok, 32, NULL, 0);
}

void
session_token_new(char hex[65], unsigned char hash[32])
{
	unsigned char	 tok[32];

	randombytes_buf(tok, sizeof(tok));
	sodium_bin2hex(hex, 65, tok, sizeof(tok));
	token_hash(tok, hash);
	sodium_memzero(tok, sizeof(tok));
}

int
session_token_hash(const char *hex, unsigned char hash[32])
{
	unsigned char	 tok[32];

	if (hex_decode32(hex, tok) == -1)
		return -1;
	token_hash(tok, hash);
	sodium_memzero(tok, sizeof(tok));
	return 0;
}

static void
set_cookie(struct req *r, const char *name, const char *value, int64_t maxage)
{
	char	*v;

	/* Session cookies (no Max-Age) unless clearing: expiry is server-side. */
	v = arena_printf(r->a, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
	    name, value, r->https ? "; Secure" : "",
	    maxage == 0 ? "; Max-Age=0" : "");
	http_header(r, "Set-Cookie", v);
}

static void
clear_session_cookie(struct req *r)
{
	set_cookie(r, SESSION_COOKIE, "", 0);
}

int
session_load(struct req *r)
{
	struct store_session	 s;
	unsigned char		 tok[32], h[32];
	const char		*c;
	int			 rc;

	r->signed_in = 0;
	if ((c = kv_get(&r->cookies, SESSION_COOKIE)) == NULL || *c == '\0')
		return 0;
	if (hex_decode32(c, tok) == -1) {
		clear_session_cookie(r);
		return 0;
	}
	token_hash(tok, h);
	sodium_memzero(tok, sizeof(tok));
	if ((rc = store_session_load(r->a, h, &s)) < 0)
		return -1;
	if (rc == 0) {
		clear_session_cookie(r);
		return 0;
	}
	if (s.disabled ||
	    r->now - s.last_seen > (int64_t)cfg.idle_minutes * 60 ||
	    r->now - s.created_at > (int64_t)cfg.absolute_hours * 3600) {
		if (store_session_delete(s.id) < 0)
			return -1;
		clear_session_cookie(r);
		return 0;
	}
	/* One write a minute at most keeps the idle clock honest. */
	if (r->now - s.last_seen >= 60 && store_session_touch(s.id, r->now) < 0)
		return -1;
	r->signed_in = 1;
	r->session_id = s.id;
	r->user.id = s.user.id;
	r->user.operator_id = s.user.operator_id;
	r->user.occupier_id = s.user.occupier_id;
	r->user.role = role_parse(s.user.role);
	r->user.email = s.user.email;
	r->user.name = s.user.name;
	r->user.operator_name = s.operator_name;
	snprintf(r->csrf, sizeof(r->csrf), "%s", s.csrf);
	if (r->user.role == ROLE__MAX) {
		log_warnx("session: user %lld has unknown role %s",
		    (long long)s.user.id, s.user.role);
		r->signed_in = 0;
		return 0;
	}
	log_request_user((long long)r->user.id);
	return 1;
}

void
session_presession(struct req *r)
{
	const char	*c;
	unsigned char	 rnd[32];

	if (r->signed_in)
		return;
	c = kv_get(&r->cookies, PRESESSION_COOKIE);
	if (c != NULL && hex_decode32(c, rnd) == 0) {
		snprintf(r->csrf, sizeof(r->csrf), "%s", c);
		return;
	}
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(r->csrf, sizeof(r->csrf), rnd, sizeof(rnd));
	set_cookie(r, PRESESSION_COOKIE, r->csrf, -1);
}

int
session_csrf_ok(struct req *r)
{
	const char	*sent, *want;

	sent = kv_get(&r->form, "csrf");
	if (r->signed_in)
		want = r->csrf;
	else
		want = kv_get(&r->cookies, PRESESSION_COOKIE);
	if (sent == NULL || want == NULL || strlen(want) != 64 ||
	    strlen(sent) != 64)
		return 0;
	return sodium_memcmp(sent, want, 64) == 0;
}

static char *
lower(struct arena *a, const char *s)
{
	char	*p, *q;

	p = arena_strdup(a, s);
	for (q = p; *q != '\0'; q++)
		*q = (char)tolower((unsigned char)*q);
	return p;
}

enum login_result
session_login(struct req *r, const char *email_in, const char *pw,
    int64_t *wait)
{
	static char		 dummy[crypto_pwhash_STRBYTES];
	struct store_user	 u;
	unsigned char		 tok[32], h[32], crnd[32];
	char			 tokhex[65], csrf[65], nh[crypto_pwhash_STRBYTES];
	const char		*email;
	int64_t			 failures, locked;
	int			 rc, ok;

	*wait = 0;
	email = lower(r->a, email_in);
	if (store_throttle_get(r->a, email, &failures, &locked) < 0)
		return LOGIN_ERROR;
	if (locked > r->now) {
		*wait = locked - r->now;
		return LOGIN_THROTTLED;
	}
	if ((rc = store_user_by_email(r->a, email, &u)) < 0)
		return LOGIN_ERROR;
	if (rc == 0) {
		/* Spend the same time as a real check: no user enumeration. */
		if (dummy[0] == '\0' &&
		    session_hash_password("tenantry-dummy", dummy,
		    sizeof(dummy)) == -1)
			return LOGIN_ERROR;
		(void)verify_password(dummy, pw);
		ok = 0;
	} else
		ok = verify_password(u.pw_hash, pw) && !u.disabled;
	if (!ok) {
		if (store_throttle_fail(email, r->now, LOGIN_MAX_FAILURES,
		    LOGIN_LOCK_SECONDS) < 0)
			return LOGIN_ERROR;
		if (failures + 1 >= LOGIN_MAX_FAILURES) {
			*wait = LOGIN_LOCK_SECONDS;
			return LOGIN_THROTTLED;
		}
		return LOGIN_BAD;
	}
	if (failures > 0 && store_throttle_clear(email) < 0)
		return LOGIN_ERROR;
	if (crypto_pwhash_str_needs_rehash(u.pw_hash,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		if (session_hash_password(pw, nh, sizeof(nh)) == 0)
			(void)store_user_set_hash(u.id, nh);
	}
	/* A new token at every sign-in; the old session (if any) ends. */
	if (r->signed_in && store_session_delete(r->session_id) < 0)
		return LOGIN_ERROR;
	randombytes_buf(tok, sizeof(tok));
	randombytes_buf(crnd, sizeof(crnd));
	sodium_bin2hex(tokhex, sizeof(tokhex), tok, sizeof(tok));
	sodium_bin2hex(csrf, sizeof(csrf), crnd, sizeof(crnd));
	token_hash(tok, h);
	sodium_memzero(tok, sizeof(tok));
	if (store_session_insert(h, u.id, csrf, r->now, r->remote_addr,
	    r->user_agent) < 0)
		return LOGIN_ERROR;
	set_cookie(r, SESSION_COOKIE, tokhex, -1);
	sodium_memzero(tokhex, sizeof(tokhex));
	/* The pre-session token has done its job. */
	set_cookie(r, PRESESSION_COOKIE, "", 0);
	return LOGIN_OK;
}

void
session_logout(struct req *r)
{
	if (r->signed_in)
		(void)store_session_delete(r->session_id);
	r->signed_in = 0;
	clear_session_cookie(r);
}
