/*
 * ops/twofactor: see twofactor.h.
 */
#include <string.h>

#include <sodium.h>

#include "../arena.h"
#include "../http/http.h"
#include "../session.h"
#include "../store/store_twofactor.h"
#include "twofactor.h"

#define WRONG_CODE	"That code is not right. Enter the 6-digit code your " \
	"authenticator app shows now, or one of your recovery codes."

int
ops_twofactor_state(struct ops_ctx *c, struct tfa_state *s)
{
	struct store_tfa_user	 u;
	int			 rc;

	memset(s, 0, sizeof(*s));
	if ((rc = store_tfa_user(c->t.a, c->t.operator_id, c->t.user_id,
	    &u)) <= 0)
		return -1;
	s->on = u.secret != NULL;
	s->email = u.email;
	if (s->on && (s->recovery_left = store_recovery_left(c->t.a,
	    c->t.user_id)) < 0)
		return -1;
	if (!s->on && u.pending != NULL && base32_encode(u.pending,
	    u.pending_len, s->secret_b32, sizeof(s->secret_b32)) < 0)
		return -1;
	return 1;
}

struct begin {
	unsigned char	 secret[TOTP_SECRET_BYTES];
	struct ops_result *why;
};

static int
begin_txn(struct txn *t, void *arg)
{
	struct begin	*s = arg;
	int		 rc;

	if ((rc = store_tfa_set_pending(t->operator_id, t->user_id, s->secret,
	    sizeof(s->secret))) <= 0)
		return rc < 0 ? -1 : ops_refuse(s->why, OPS_CONFLICT, NULL,
		    "Two-factor sign-in is already on.");
	return 1;
}

int
ops_twofactor_begin(struct ops_ctx *c, struct tfa_begin_out *out)
{
	struct begin	 s;
	int		 rc;

	memset(out, 0, sizeof(*out));
	randombytes_buf(s.secret, sizeof(s.secret));
	s.why = &out->why;
	rc = db_txn(&c->t, begin_txn, &s);
	sodium_memzero(s.secret, sizeof(s.secret));
	return rc;
}

static void
code_hash(const char *norm, unsigned char h[32])
{
	crypto_generichash(h, 32, (const unsigned char *)norm, strlen(norm),
	    NULL, 0);
}

struct enable {
	const struct store_tfa_user	*u;
	int64_t				 step;
	unsigned char			 hash[RECOVERY_CODES][32];
	struct tfa_enable_out		*out;
};

static int
enable_txn(struct txn *t, void *arg)
{
	struct enable	*s = arg;
	int		 rc;

	if ((rc = store_tfa_enable(t->operator_id, t->user_id, s->u->pending,
	    s->u->pending_len, s->step)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_CONFLICT,
		    NULL, "This set-up was changed meanwhile: start again.");
	if (store_recovery_replace(t->user_id,
	    (const unsigned char (*)[32])s->hash, RECOVERY_CODES) < 0)
		return -1;
	return txn_audit(t, 0, 0, "user", t->user_id, "twofactor-on", NULL,
	    "two-factor sign-in on; 10 recovery codes made");
}

int
ops_twofactor_enable(struct ops_ctx *c, const struct tfa_code_in *in,
    struct tfa_enable_out *out)
{
	struct store_tfa_user	 u;
	struct enable		 s;
	unsigned char		 rnd[10];
	char			 norm[32];
	int			 rc, i;

	memset(out, 0, sizeof(*out));
	if (store_tfa_user(c->t.a, c->t.operator_id, c->t.user_id, &u) <= 0)
		return -1;
	if (u.secret != NULL || u.pending == NULL)
		return ops_refuse(&out->why, OPS_CONFLICT, NULL, u.secret ?
		    "Two-factor sign-in is already on." :
		    "Start the set-up first.");
	if ((rc = totp_verify(u.pending, u.pending_len, c->t.now, in->code, 0,
	    &s.step)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&out->why, OPS_INVALID, "code",
		    "That code is not right. Enter the 6-digit code your "
		    "authenticator app shows now for Tenantry.");
	for (i = 0; i < RECOVERY_CODES; i++) {
		randombytes_buf(rnd, sizeof(rnd));
		recovery_code_format(rnd, out->codes[i]);
		(void)recovery_code_normalise(out->codes[i], norm, sizeof(norm));
		code_hash(norm, s.hash[i]);
	}
	s.u = &u;
	s.out = out;
	return db_txn(&c->t, enable_txn, &s);
}

/*
 * Check a proof of the second factor for u: a TOTP code of a step after
 * the last used (*step set) or a recovery code (*rhash set). 1, 0 wrong,
 * -1 error.
 */
static int
proof(const struct ops_ctx *c, const struct store_tfa_user *u,
    const char *code, int64_t *step, unsigned char rhash[32], int *recovery)
{
	char	 norm[32];

	*recovery = 0;
	*step = 0;
	if (code == NULL || *code == '\0')
		return 0;
	if (strlen(code) == TOTP_DIGITS)
		return totp_verify(u->secret, u->secret_len, c->t.now, code,
		    u->last_step, step);
	if (!recovery_code_normalise(code, norm, sizeof(norm)))
		return 0;
	code_hash(norm, rhash);
	*recovery = 1;
	return 1;
}

struct use {
	int64_t		 session_id;	/* 0: no session to complete */
	int64_t		 step;
	unsigned char	 rhash[32];
	int		 recovery, off;
	struct ops_result *why;
};

/* Use the proof up (a step or a recovery code), then complete the session
 * or turn two-factor off. */
static int
use_txn(struct txn *t, void *arg)
{
	struct use	*s = arg;
	int		 rc;

	if (s->recovery)
		rc = store_recovery_use(t->user_id, s->rhash, t->now);
	else if (s->step > 0)
		rc = store_tfa_use_step(t->user_id, s->step);
	else
		rc = 1;		/* the password proved it */
	if (rc <= 0)
		return rc < 0 ? -1 : ops_refuse(s->why, OPS_INVALID, "code",
		    WRONG_CODE);
	if (s->off) {
		if ((rc = store_tfa_disable(t->operator_id, t->user_id)) <= 0)
			return rc < 0 ? -1 : ops_refuse(s->why, OPS_CONFLICT,
			    NULL, "Two-factor sign-in is already off.");
		if (store_recovery_delete(t->user_id) < 0)
			return -1;
		return txn_audit(t, 0, 0, "user", t->user_id, "twofactor-off",
		    NULL, "two-factor sign-in off; recovery codes removed");
	}
	if ((rc = store_session_mfa_done(s->session_id, t->now)) <= 0)
		return rc < 0 ? -1 : ops_refuse(s->why, OPS_CONFLICT, NULL,
		    "This sign-in has expired: sign in again.");
	return 1;
}

/* The signed-in user with two-factor sign-in on: 1, 0 refused with off
 * (OPS_CONFLICT) when it is off, -1 error. */
static int
tfa_user_on(struct ops_ctx *c, struct store_tfa_user *u, struct tfa_out *out,
    const char *off)
{
	memset(out, 0, sizeof(*out));
	if (store_tfa_user(c->t.a, c->t.operator_id, c->t.user_id, u) <= 0)
		return -1;
	if (u->secret == NULL)
		return ops_refuse(&out->why, OPS_CONFLICT, NULL, off);
	return 1;
}

int
ops_twofactor_signin(struct ops_ctx *c, int64_t session_id,
    const struct tfa_code_in *in, struct tfa_out *out)
{
	struct store_tfa_user	 u;
	struct use		 s;
	int			 rc;

	memset(&s, 0, sizeof(s));
	if ((rc = tfa_user_on(c, &u, out, "Two-factor sign-in is off for this "
	    "account: sign in again.")) <= 0)
		return rc;
	if ((rc = proof(c, &u, in->code, &s.step, s.rhash, &s.recovery)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&out->why, OPS_INVALID, "code",
		    WRONG_CODE);
	s.session_id = session_id;
	s.why = &out->why;
	return db_txn(&c->t, use_txn, &s);
}

int
ops_twofactor_disable(struct ops_ctx *c, const struct tfa_code_in *in,
    struct tfa_out *out)
{
	struct store_tfa_user	 u;
	struct use		 s;
	int			 rc;

	memset(&s, 0, sizeof(s));
	if ((rc = tfa_user_on(c, &u, out, "Two-factor sign-in is already "
	    "off.")) <= 0)
		return rc;
	if (in->code != NULL && *in->code != '\0')
		rc = proof(c, &u, in->code, &s.step, s.rhash, &s.recovery);
	else if (in->password != NULL && *in->password != '\0') {
		if ((rc = session_verify_password(u.pw_hash, in->password)) ==
		    -2)
			return ops_refuse(&out->why, OPS_BUSY, NULL, "Too many "
			    "people are signing in at this moment. Wait a few "
			    "seconds and try again.");
	} else
		return ops_refuse(&out->why, OPS_INVALID, "code", "Enter a "
		    "current code or your password to turn two-factor "
		    "sign-in off.");
	if (rc <= 0)
		return rc < 0 ? -1 : ops_refuse(&out->why, OPS_INVALID, "code",
		    "That code or password is not right: two-factor sign-in "
		    "is still on.");
	s.off = 1;
	s.why = &out->why;
	return db_txn(&c->t, use_txn, &s);
}

struct require {
	int	 required;
};

static int
require_txn(struct txn *t, void *arg)
{
	struct require	*s = arg;

	if (store_operator_mfa_set(t->operator_id, s->required) < 0)
		return -1;
	return txn_audit(t, 0, 0, "operator", t->operator_id, "update", NULL,
	    s->required ? "two-factor sign-in mandatory for operator roles" :
	    "two-factor sign-in optional for operator roles");
}

int
ops_twofactor_require(struct ops_ctx *c, int required, struct tfa_out *out)
{
	struct require	 s = { required };

	memset(out, 0, sizeof(*out));
	if (c->role != ROLE_OPERATOR_ADMIN)
		return ops_refuse(&out->why, OPS_NOT_FOUND, NULL, NULL);
	return db_txn(&c->t, require_txn, &s);
}
