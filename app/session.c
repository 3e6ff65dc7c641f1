/*
 * session: see session.h.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <sodium.h>

#include "config.h"
#include "http/http.h"
#include "log.h"
#include "session.h"
#include "store/store.h"

/*
 * Argon2id costs 64 MiB a hash: at most cfg.hash_slots run at once across
 * all workers. A slot is a lock file held with flock(2), so the kernel
 * frees it when a worker dies mid-hash (a shared semaphore would leak it).
 * A worker that finds no slot free within a short wait answers "busy"
 * instead of blocking, so a flood of sign-ins cannot pin every worker.
 */
static char	 slot_dir[64];
static int	 nslots;
static int	 slot_fd[64];
static int	 held = -1;

int
session_hash_slots_init(int slots)
{
	int	 i;

	if (slots > 64)
		slots = 64;
	snprintf(slot_dir, sizeof(slot_dir), "/tmp/tenantry-hash-XXXXXX");
	if (mkdtemp(slot_dir) == NULL) {
		slot_dir[0] = '\0';
		return -1;
	}
	for (i = 0; i < 64; i++)
		slot_fd[i] = -1;
	nslots = slots;
	return 0;
}

void
session_hash_slots_cleanup(void)
{
	char	 path[96];
	int	 i;

	if (slot_dir[0] == '\0')
		return;
	for (i = 0; i < nslots; i++) {
		snprintf(path, sizeof(path), "%s/%d", slot_dir, i);
		unlink(path);
	}
	rmdir(slot_dir);
}

/*
 * Take one of the first `limit` slots, waiting up to wait_ms. 0 ok (or no
 * slots configured: the shell commands), -1 busy. Sign-ins may use every
 * slot; the signed-in actions that hash (a new password) only the first
 * half (ACCOUNT_SLOTS), so that a flood of them leaves a core to the pages
 * of everybody else.
 */
static int
hash_slot_take(int wait_ms, int limit)
{
	char	 path[96];
	int	 i, k, waited = 0;

	if (nslots == 0)
		return 0;
	if (limit > nslots)
		limit = nslots;
	for (;;) {
		for (k = 0; k < limit; k++) {
			i = (int)((getpid() + k) % limit);
			if (slot_fd[i] == -1) {
				snprintf(path, sizeof(path), "%s/%d", slot_dir, i);
				slot_fd[i] = open(path, O_RDWR | O_CREAT |
				    O_CLOEXEC, 0600);
				if (slot_fd[i] == -1)
					continue;
			}
			if (flock(slot_fd[i], LOCK_EX | LOCK_NB) == 0) {
				held = i;
				return 0;
			}
		}
		if (waited >= wait_ms)
			return -1;
		usleep(20 * 1000);
		waited += 20;
	}
}

#define ACCOUNT_SLOTS	(nslots > 1 ? nslots / 2 : 1)
/* A worker that finds them taken answers "busy" at once: waiting would
 * hold the worker, and the pages of everybody else queue behind it. */
#define ACCOUNT_SLOT_WAIT_MS	0

static void
hash_slot_give(void)
{
	if (held >= 0) {
		flock(slot_fd[held], LOCK_UN);
		held = -1;
	}
}

int
session_hash_password(const char *pw, char *out, size_t cap)
{
	int	 rc;

	if (cap < crypto_pwhash_STRBYTES)
		return -1;
	if (hash_slot_take(ACCOUNT_SLOT_WAIT_MS, ACCOUNT_SLOTS) == -1)
		return -2;
	rc = crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
	hash_slot_give();
	return rc == 0 ? 0 : -1;
}

/* The hash of a password nobody knows, for checks that must cost what a
 * real one costs. "" when it could not be made. */
static const char *
dummy_hash(void)
{
	static char	 dummy[crypto_pwhash_STRBYTES];

	if (dummy[0] == '\0' && session_hash_password("tenantry-dummy", dummy,
	    sizeof(dummy)) == -1)
		dummy[0] = '\0';
	return dummy;
}

/*
 * 1 verified, 0 not, -1 no hashing slot (of the first `limit`) free within
 * wait_ms. A stored value that is not an Argon2id hash (an invited user's
 * marker) never verifies, after the same work as a real check: the time of
 * an answer does not tell which accounts are still waiting for their first
 * password.
 */
static int
verify_password(const char *hash, const char *pw, int wait_ms, int limit)
{
	const char	*h = hash;
	int		 rc, real = strncmp(hash, "$argon2", 7) == 0;

	if (!real && *(h = dummy_hash()) == '\0')
		return 0;
	if (hash_slot_take(wait_ms, limit) == -1)
		return -1;
	rc = crypto_pwhash_str_verify(h, pw, strlen(pw));
	hash_slot_give();
	return real && rc == 0;
}

int
session_verify_password(const char *hash, const char *pw)
{
	int	 rc = verify_password(hash, pw, ACCOUNT_SLOT_WAIT_MS,
	    ACCOUNT_SLOTS);

	return rc == -1 ? -2 : rc;
}

int
session_hash_unusable(char *out, size_t cap)
{
	/* No hash to compute: nothing verifies against this marker, and an
	 * invitation costs no hashing slot. */
	if (cap < sizeof(SESSION_UNUSABLE_HASH))
		return -1;
	memcpy(out, SESSION_UNUSABLE_HASH, sizeof(SESSION_UNUSABLE_HASH));
	return 0;
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
	struct store_pagever	 pv;
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
	if (r->pagever_occ != 0) {
		if ((rc = store_session_load_pagever(r->a, h, r->pagever_occ,
		    r->pagever_site, &s, &pv)) < 0)
			return -1;
	} else if ((rc = store_session_load(r->a, h, &s)) < 0)
		return -1;
	if (rc == 0) {
		clear_session_cookie(r);
		return 0;
	}
	if (s.disabled ||
	    r->now - s.last_seen > (int64_t)cfg.idle_minutes * 60 ||
	    r->now - s.created_at > (int64_t)cfg.absolute_hours * 3600 ||
	    (s.mfa_pending && r->now - s.created_at > SESSION_MFA_SECONDS)) {
		if (!s.disabled && !s.mfa_pending) {
			/* Ended by time: a form it posts may be kept for
			 * the user's next sign-in (pages/draft.c). */
			r->expired_user = s.user.id;
			r->expired_operator = s.user.operator_id;
			snprintf(r->expired_csrf, sizeof(r->expired_csrf),
			    "%s", s.csrf);
		}
		if (store_session_delete(s.id) < 0)
			return -1;
		clear_session_cookie(r);
		return 0;
	}
	/* One write a minute at most keeps the idle clock honest. */
	if (r->now - s.last_seen >= 60 && store_session_touch(s.id, r->now) < 0)
		return -1;
	r->signed_in = !s.mfa_pending;
	r->mfa_pending = s.mfa_pending;
	r->session_id = s.id;
	r->user.id = s.user.id;
	r->user.operator_id = s.user.operator_id;
	r->user.occupier_id = s.user.occupier_id;
	r->user.role = role_parse(s.user.role);
	r->user.email = s.user.email;
	r->user.name = s.user.name;
	r->user.operator_name = s.operator_name;
	r->user.currency = s.currency;
	r->user.timezone = s.timezone;
	snprintf(r->csrf, sizeof(r->csrf), "%s", s.csrf);
	if (r->user.role == ROLE__MAX) {
		log_warnx("session: user %lld has unknown role %s",
		    (long long)s.user.id, s.user.role);
		r->signed_in = 0;
		r->mfa_pending = 0;
		return 0;
	}
	if (s.mfa_pending)
		return 0;
	if (r->pagever_occ != 0)
		store_pagever_set(&pv);
	r->must_enrol = s.mfa_required && !s.user.tfa &&
	    (r->user.role == ROLE_OPERATOR_ADMIN ||
	    r->user.role == ROLE_OPERATOR_STAFF);
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
	/* Awaiting the two-factor code: the session's token (the code step)
	 * or the pre-session's (the sign-in form, to start again). */
	if (r->mfa_pending && sent != NULL && strlen(sent) == 64 &&
	    sodium_memcmp(sent, r->csrf, 64) == 0)
		return 1;
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

/* Seconds until the failure at `nth` leaves the window. */
static int64_t
wait_for(int64_t nth, int64_t now)
{
	int64_t	 w = nth + LOGIN_WINDOW_SECONDS - now;

	return w > 0 ? w : 1;
}

int
session_throttle_check(struct req *r, const char *email, int64_t *wait)
{
	struct store_login_window	 w;
	int64_t				 since = r->now - LOGIN_WINDOW_SECONDS;
	int				 known;

	*wait = 0;
	if (store_login_window(r->a, email, r->remote_addr, since, &w) < 0)
		return -1;
	if (w.pair_nth > 0)
		*wait = wait_for(w.pair_nth, r->now);
	if (w.addr_nth > 0 && wait_for(w.addr_nth, r->now) > *wait)
		*wait = wait_for(w.addr_nth, r->now);
	if (w.account_nth > 0 && *wait == 0) {
		/* Many failures from elsewhere: only addresses the account
		 * has signed in from before may still try. */
		if ((known = store_login_known(r->a, email, r->remote_addr,
		    r->now - LOGIN_KNOWN_SECONDS)) < 0)
			return -1;
		if (!known)
			*wait = wait_for(w.account_nth, r->now);
	}
	return *wait > 0;
}

int
session_throttle_fail(struct req *r, const char *email, int64_t *wait)
{
	int	 rc;

	if (store_login_fail(email, r->remote_addr, r->now) < 0)
		return -1;
	/* This failure may be the one that closes the door. */
	if ((rc = session_throttle_check(r, email, wait)) < 0)
		return -1;
	return rc;
}

enum login_result
session_login(struct req *r, const char *email_in, const char *pw,
    int64_t operator_id, int64_t *wait, struct store_user **choices,
    size_t *nchoices)
{
	struct store_user	*us, *u = NULL, *ok_users;
	unsigned char		 tok[32], h[32], crnd[32];
	char			 tokhex[65], csrf[65], nh[crypto_pwhash_STRBYTES];
	const char		*email;
	size_t			 n, i, nok = 0, tried = 0;
	int			 rc, v;

	*wait = 0;
	*choices = NULL;
	*nchoices = 0;
	email = lower(r->a, email_in);
	if ((rc = session_throttle_check(r, email, wait)) < 0)
		return LOGIN_ERROR;
	if (rc > 0)
		return LOGIN_THROTTLED;
	if (store_users_by_email(r->a, email, &us, &n) < 0)
		return LOGIN_ERROR;
	/* One e-mail may have an account at several operators: the password
	 * picks the account (at most 5 are tried, one hash each); several
	 * that match ask the user to choose the workspace. */
	ok_users = arena_calloc(r->a, n ? n : 1, sizeof(*ok_users));
	for (i = 0; i < n; i++) {
		if (operator_id > 0 && us[i].operator_id != operator_id)
			continue;
		tried++;
		if ((v = verify_password(us[i].pw_hash, pw,
		    LOGIN_SLOT_WAIT_MS, nslots)) == -1)
			return LOGIN_BUSY;
		if (v == 1 && !us[i].disabled)
			ok_users[nok++] = us[i];
	}
	if (tried == 0) {
		/* Spend the same time as a real check: no user enumeration. */
		if (verify_password("", pw, LOGIN_SLOT_WAIT_MS, nslots) == -1)
			return LOGIN_BUSY;
	}
	if (nok == 0) {
		if ((rc = session_throttle_fail(r, email, wait)) < 0)
			return LOGIN_ERROR;
		return rc > 0 ? LOGIN_THROTTLED : LOGIN_BAD;
	}
	if (nok > 1) {
		*choices = ok_users;
		*nchoices = nok;
		return LOGIN_CHOOSE;
	}
	u = &ok_users[0];
	/* With two-factor on, the failures are cleared and the address is
	 * known only once the code is right too (session_mfa_done). */
	if (!u->tfa && store_login_ok(email, r->remote_addr, r->now) < 0)
		return LOGIN_ERROR;
	if (crypto_pwhash_str_needs_rehash(u->pw_hash,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		if (session_hash_password(pw, nh, sizeof(nh)) == 0)
			(void)store_user_set_hash(u->id, nh);
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
	/* Whatever bytes the browser sent, the row holds valid UTF-8 that
	 * fits its column (VARCHAR(255), strict mode). */
	if (store_session_insert(h, u->id, csrf, r->now,
	    parse_utf8_clean(r->a, r->remote_addr, 64),
	    parse_utf8_clean(r->a, r->user_agent, 255), u->tfa) < 0)
		return LOGIN_ERROR;
	set_cookie(r, SESSION_COOKIE, tokhex, -1);
	sodium_memzero(tokhex, sizeof(tokhex));
	/* The pre-session token has done its job. */
	set_cookie(r, PRESESSION_COOKIE, "", 0);
	return u->tfa ? LOGIN_CODE : LOGIN_OK;
}

void
session_logout(struct req *r)
{
	if (r->signed_in || r->mfa_pending)
		(void)store_session_delete(r->session_id);
	r->signed_in = 0;
	r->mfa_pending = 0;
	clear_session_cookie(r);
}

int
session_mfa_done(struct req *r, const char *email)
{
	return store_login_ok(lower(r->a, email), r->remote_addr, r->now) < 0 ?
	    -1 : 0;
}
