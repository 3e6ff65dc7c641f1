/*
 * ops/twofactor: two-factor sign-in (TOTP, RFC 6238) of ctx's user:
 * starting an enrolment, turning it on with a first code (and ten
 * recovery codes, shown once, kept hashed), turning it off, the code step
 * of a sign-in, and the operator's rule that makes it mandatory for
 * operator roles. See ops.h for the contract of every operation.
 */
#ifndef TENANTRY_OPS_TWOFACTOR_H
#define TENANTRY_OPS_TWOFACTOR_H

#include "../domain/totp.h"
#include "ops.h"

struct tfa_state {
	int		 on;		/* two-factor sign-in is on */
	int		 recovery_left;	/* unused recovery codes (on) */
	char		 secret_b32[40];	/* the pending secret ("" none) */
	const char	*email;
};

/* What ctx's user's two-factor state is. 1, or <0. */
int	 ops_twofactor_state(struct ops_ctx *, struct tfa_state *);

struct tfa_begin_out {
	struct ops_result	 why;
};

/* Start (or restart) an enrolment: a new random secret awaits its first
 * code. Refused (409) when two-factor is already on. */
int	 ops_twofactor_begin(struct ops_ctx *, struct tfa_begin_out *);

struct tfa_code_in {
	const char	*code;		/* 6 digits, or a recovery code */
	const char	*password;	/* ops_twofactor_disable: instead of a code */
};

struct tfa_enable_out {
	struct ops_result	 why;
	char			 codes[RECOVERY_CODES][RECOVERY_CODE_LEN + 1];
};

/* Turn two-factor on with a current code of the pending secret, replacing
 * any recovery codes by ten new ones (out->codes), with the audit event
 * "twofactor-on". 422 on a wrong code; 409 when no enrolment is pending. */
int	 ops_twofactor_enable(struct ops_ctx *, const struct tfa_code_in *,
	    struct tfa_enable_out *);

struct tfa_out {
	struct ops_result	 why;
};

/* Turn two-factor off, proved by a current code, a recovery code or the
 * password; the recovery codes go, with the audit event "twofactor-off".
 * 422 when the proof is wrong; 503 when no hashing slot is free. */
int	 ops_twofactor_disable(struct ops_ctx *, const struct tfa_code_in *,
	    struct tfa_out *);

/* The code step of a sign-in: a current code (not used before) or an
 * unused recovery code (used up) completes the pending session
 * session_id. 422 on a wrong, replayed or used code. */
int	 ops_twofactor_signin(struct ops_ctx *, int64_t session_id,
	    const struct tfa_code_in *, struct tfa_out *);

/* Operator admins: make two-factor mandatory for operator roles (or not),
 * with the audit event "update" of entity "operator". */
int	 ops_twofactor_require(struct ops_ctx *, int required,
	    struct tfa_out *);

#endif
