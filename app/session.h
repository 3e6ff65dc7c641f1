/*
 * session: sign-in, sessions and CSRF (domain §2).
 *
 * The cookie carries 32 random bytes (hex); the database keeps only their
 * crypto_generichash. Idle expiry cfg.idle_minutes, absolute
 * cfg.absolute_hours. Each session has its own CSRF token; before sign-in a
 * "pre-session" cookie plays that role for the login form (double submit).
 */
#ifndef TENANTRY_SESSION_H
#define TENANTRY_SESSION_H

#include <stddef.h>
#include <stdint.h>

struct req;

#define SESSION_COOKIE	"tn_session"
#define PRESESSION_COOKIE "tn_pre"

/* Create the cross-worker Argon2id slots (call before forking) and remove
 * them at exit. */
int	 session_hash_slots_init(int slots);
void	 session_hash_slots_cleanup(void);
#define LOGIN_SLOT_WAIT_MS 300	/* then "busy": workers never pile up */

/* Load the session named by the request's cookie into r (signed_in, user,
 * csrf). 1 signed in, 0 not, -1 database error. */
int	 session_load(struct req *);
/* Ensure a pre-session CSRF token for a signed-out form; sets r->csrf. */
void	 session_presession(struct req *);
/* 1 when the POSTed csrf field matches the session's (or pre-session's). */
int	 session_csrf_ok(struct req *);

enum login_result {
	LOGIN_OK,
	LOGIN_BAD,		/* wrong email or password */
	LOGIN_THROTTLED,	/* too many failures: *wait_seconds set */
	LOGIN_BUSY,		/* every hashing slot taken: try again shortly */
	LOGIN_CHOOSE,		/* the password opens accounts at several operators */
	LOGIN_CODE,		/* right password, two-factor on: a pending session
				 * awaits the code (/login/code) */
	LOGIN_ERROR		/* database or hashing failure */
};
struct store_user;
/*
 * Check credentials; on success start a new session (new token, cookie).
 * An e-mail may have accounts at several operators: operator_id > 0 limits
 * the check to that operator's account; otherwise, when the password
 * matches accounts at several, LOGIN_CHOOSE returns them in *choices (with
 * their operator names) and nobody is signed in.
 */
enum login_result session_login(struct req *, const char *email,
	    const char *password, int64_t operator_id, int64_t *wait_seconds,
	    struct store_user **choices, size_t *nchoices);

/*
 * The throttle of sign-ins and password checks (store.h: the window and
 * its limits), for e-mail (lower case) from the request's address.
 * session_throttle_check: 1 refused now (*wait: seconds until an attempt
 * is accepted again), 0 may try, -1 error. session_throttle_fail records a
 * failed attempt and answers as check does afterwards.
 */
int	 session_throttle_check(struct req *, const char *email,
	    int64_t *wait);
int	 session_throttle_fail(struct req *, const char *email,
	    int64_t *wait);
/* How long a session awaiting its two-factor code lives. */
#define SESSION_MFA_SECONDS	300
/* The code was right: the address is known, the failures cleared. 0, -1. */
int	 session_mfa_done(struct req *, const char *email);

/* End the current session (delete the row, clear the cookie). */
void	 session_logout(struct req *);

/*
 * Argon2id hash of password into out (crypto_pwhash_STRBYTES). 0, -1
 * error, -2 busy: no hashing slot free. Outside sign-in, hashing uses half
 * of the slots (at least one) and never waits for one, so that a flood of
 * password changes leaves a core and the workers to everybody else's
 * pages.
 */
int	 session_hash_password(const char *password, char *out, size_t cap);
/* 1 when password matches the Argon2id hash, 0 not, -2 busy (as above). */
int	 session_verify_password(const char *hash, const char *password);
/* The stored "hash" of an account that cannot sign in until a
 * set-password link gives it a real password: a marker no password
 * verifies against (checking one costs a real hash all the same). 0, or -1
 * when cap is too small. */
#define SESSION_UNUSABLE_HASH	"!invited"
int	 session_hash_unusable(char *out, size_t cap);

/*
 * One-time tokens of set-password links, made like session tokens: 32
 * random bytes, given out as 64 hex digits, kept only as their
 * crypto_generichash. session_token_new fills hex (65 bytes) and hash;
 * session_token_hash hashes a token given back (0, or -1 when it is not 64
 * hex digits).
 */
void	 session_token_new(char hex[65], unsigned char hash[32]);
int	 session_token_hash(const char *hex, unsigned char hash[32]);

#endif
