/*
 * store_twofactor: TOTP secrets, recovery codes, the code step of a
 * session and the operator's two-factor rule. Every function: >0 done (or
 * the rows' count), 0 no row matched, -1 error.
 */
#ifndef TENANTRY_STORE_TWOFACTOR_H
#define TENANTRY_STORE_TWOFACTOR_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct store_tfa_user {
	const unsigned char	*secret;	/* NULL: two-factor off */
	size_t			 secret_len;
	const unsigned char	*pending;	/* NULL: no enrolment under way */
	size_t			 pending_len;
	int64_t			 last_step;
	const char		*pw_hash;
	const char		*email;
};

int	 store_tfa_user(struct arena *, int64_t op, int64_t user,
	    struct store_tfa_user *);
int	 store_tfa_set_pending(int64_t op, int64_t user,
	    const unsigned char *secret, size_t len);
/* Turn the pending secret (which must still be `pending`) on. */
int	 store_tfa_enable(int64_t op, int64_t user,
	    const unsigned char *pending, size_t len, int64_t step);
int	 store_tfa_disable(int64_t op, int64_t user);
/* Record step as used: 0 when it (or a later one) already was. */
int	 store_tfa_use_step(int64_t user, int64_t step);
int	 store_recovery_replace(int64_t user, const unsigned char (*hash)[32],
	    size_t n);
int	 store_recovery_delete(int64_t user);
/* Use one code: 0 when it is unknown or used. */
int	 store_recovery_use(int64_t user, const unsigned char hash[32],
	    int64_t now);
/* The unused codes' count (>= 0), -1 error. */
int	 store_recovery_left(struct arena *, int64_t user);
int	 store_session_mfa_done(int64_t session, int64_t now);
/* 1 required, 0 not, -1 error. */
int	 store_operator_mfa_required(struct arena *, int64_t op);
int	 store_operator_mfa_set(int64_t op, int required);

#endif
