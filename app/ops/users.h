/*
 * ops/users: the people who sign in, as their admins manage them: the
 * operator's team (occupier 0: operator roles) and each occupier's users
 * (occupier roles). Add a user, disable, enable, remove (occupier users
 * only), give a new set-password link, change a team member's role; and
 * the link a user asks for on "Forgot your password?". Every change is
 * one transaction with its audit event (entity "user"). A set-password
 * link is 256 random bits of which only the hash is kept; the link itself
 * goes to the user by e-mail (notify.h), queued in the same transaction,
 * and, when an admin gave it, back to the admin's screen once. Costly
 * actions are paced (ops_user_pace). See ops.h for the contract of every
 * operation.
 */
#ifndef TENANTRY_OPS_USERS_H
#define TENANTRY_OPS_USERS_H

#include "../store/store_account.h"
#include "ops.h"

/* ---- paces ---- */

enum pace_kind {
	PACE_PASSWORD,	/* password changes: 10 a user, 100 an operator in 15 min */
	PACE_ACCOUNTS,	/* new users and set-password links: 30 a user, 200 an
			   operator in 10 min */
	PACE__MAX
};

struct user_pace_out {
	struct ops_result	 why;
	int64_t			 retry_after;	/* OPS_TOO_MANY: seconds */
};

/*
 * Count one costly action of kind by ctx's user against its paces (per
 * user, then per operator), so that one account cannot keep the hashing
 * slots or the database from everybody else. Refused: OPS_TOO_MANY with a
 * form-level message and out->retry_after. Not a transaction: the count
 * stands whatever the action does next.
 */
int	 ops_user_pace(struct ops_ctx *, enum pace_kind,
	    struct user_pace_out *);

/* 1 when role (a role_names[] name) may be given to a user of occupier
 * occ (0: the team): operator roles on the team, occupier roles else. */
int	 ops_user_role_ok(int64_t occ, const char *role);

/* ---- adding a user ---- */

struct user_create_in {
	int64_t		 occupier_id;	/* 0: a team member */
	const char	*name;
	const char	*email;		/* compared in lower case */
	const char	*role;		/* role_names[] (ops_user_role_ok) */
	/* NULL: a password nobody knows, and a set-password link e-mailed
	 * (the Users screens). Else the hash (session_hash_password) of the
	 * password its user chose, no link and no mail: the shell's
	 * `tenantry user add` (the first admin of an operator) and the demo
	 * seed's published password; no screen sets it. */
	const char	*password_hash;
};

struct user_create_out {
	struct ops_result	 why;
	int64_t			 id;
	const char		*email;		/* as kept (lower case) */
	const char		*link;		/* the set-password link, absolute */
	int64_t			 retry_after;	/* OPS_TOO_MANY: seconds */
};

/*
 * Add a user to the team or to an occupier of ctx's operator, with a
 * password nobody knows and a set-password link valid 72 hours (paced as
 * PACE_ACCOUNTS), or with in->password_hash (not invited, no link). A
 * role the screen does not give, or an email another user of the
 * operator has, is OPS_INVALID on its field; an occupier (or operator)
 * that is not there, OPS_NOT_FOUND.
 */
int	 ops_user_create(struct ops_ctx *, const struct user_create_in *,
	    struct user_create_out *);

/* ---- changing one ---- */

enum user_change {
	USER_DISABLE,	/* "disable": cannot sign in, every session ends */
	USER_ENABLE,	/* "enable": may sign in again */
	USER_REMOVE,	/* "remove": occupier users only */
	USER_LINK,	/* "link": a new set-password link */
	USER_ROLE,	/* "role": team members only */
	USER_CHANGE__MAX
};
extern const char *const user_changes[USER_CHANGE__MAX + 1];	/* NULL-terminated */

struct user_change_in {
	int64_t			 occupier_id;	/* 0: the team */
	int64_t			 id;
	enum user_change	 change;
	const char		*role;		/* USER_ROLE: the new role */
};

struct user_change_out {
	struct ops_result		 why;
	struct store_account_user	 user;		/* as it was */
	const char			*link;		/* USER_LINK */
	int64_t				 retry_after;	/* OPS_TOO_MANY */
};

/*
 * Apply a change to a user of the team or of an occupier (a user of
 * neither is OPS_NOT_FOUND). Nobody changes their own role, disables or
 * removes themself, and the team keeps at least one enabled operator
 * admin; a disabled user gets no link; those and a role the team does not
 * give are OPS_CONFLICT with a form-level sentence. USER_LINK is paced
 * (PACE_ACCOUNTS). Disabling or removing ends the user's sessions and
 * links. A change to what already is (enabling an enabled user) is done
 * without an audit event.
 */
int	 ops_user_change(struct ops_ctx *, const struct user_change_in *,
	    struct user_change_out *);

/* ---- "Forgot your password?" ---- */

struct user_reset_in {
	const char	*email;
};

struct user_reset_out {
	struct ops_result	 why;
	size_t			 sent;		/* links e-mailed */
};

/*
 * E-mail a new set-password link (valid an hour; the older unused ones
 * dropped) to each enabled account with this email, one per operator, each
 * its own transaction with its audit event "password_reset" by the system
 * (user 0, whoever asked). Past 3 such e-mails to one address in an hour,
 * none more is sent; either way the caller says the same thing.
 */
int	 ops_user_reset(struct ops_ctx *, const struct user_reset_in *,
	    struct user_reset_out *);

#endif
