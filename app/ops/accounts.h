/*
 * ops/accounts: what a user does to their own account: the name, a new
 * password (the current one checked by the caller), ending one of their
 * sessions; and setting a password through a set-password link, which
 * needs no session (the link's token is the credential). Each is one
 * transaction with its audit event. See ops.h for the contract of every
 * operation.
 */
#ifndef TENANTRY_OPS_ACCOUNTS_H
#define TENANTRY_OPS_ACCOUNTS_H

#include "../store/store_account.h"
#include "ops.h"

struct account_rename_in {
	const char	*name;
	const char	*was;		/* the name before (the audit's) */
};

struct account_rename_out {
	struct ops_result	 why;
};

/* Change ctx's user's name, with the audit event "update". */
int	 ops_account_rename(struct ops_ctx *, const struct account_rename_in *,
	    struct account_rename_out *);

struct account_password_in {
	const char	*hash;		/* the new password's Argon2id hash */
	int64_t		 keep_session;	/* the session that asked: it stays */
};

struct account_password_out {
	struct ops_result	 why;
};

/* Give ctx's user a new password hash, ending every other session and
 * every unused set-password link, with the audit event "password". */
int	 ops_account_password(struct ops_ctx *,
	    const struct account_password_in *, struct account_password_out *);

struct account_session_in {
	int64_t		 session_id;
};

struct account_session_out {
	struct ops_result	 why;
};

/* End one session of ctx's user (any other is OPS_NOT_FOUND), with the
 * audit event "revoke" of entity "session". */
int	 ops_account_session_end(struct ops_ctx *,
	    const struct account_session_in *, struct account_session_out *);

struct account_link_in {
	const struct store_account_token *token;	/* as found, live */
	const unsigned char		*token_hash;	/* 32 bytes */
	const char			*hash;		/* the new password's */
};

struct account_link_out {
	struct ops_result	 why;
};

/*
 * Set the password of the link's user (the transaction is theirs, of
 * their operator, whoever is signed in): the link is used up, the user's
 * other links and every session end, the failed sign-ins of the user from
 * ctx's address are forgotten, with the audit event "password". A link
 * that died meanwhile (used, expired, superseded, its user disabled) is
 * OPS_NOT_FOUND.
 */
int	 ops_account_password_by_link(struct ops_ctx *,
	    const struct account_link_in *, struct account_link_out *);

#endif
