/*
 * store_account: team members, occupier users, set-password links, the
 * sessions of the account page. Every function takes the
 * operator id and filters on it; user functions also take the occupier
 * the user must belong to (occ 0: the operator's own team, whose users
 * have no occupier). A user of another operator or another occupier is
 * therefore "not found", exactly like a missing one.
 *
 * Return convention (db.h): <0 error (logged), 0 not found / nothing
 * changed, >0 ok; -2 where stated. Strings live in the arena passed in.
 * The changing functions run inside the caller's transaction.
 */
#ifndef TENANTRY_STORE_ACCOUNT_H
#define TENANTRY_STORE_ACCOUNT_H

#include <stddef.h>
#include <stdint.h>

struct arena;

#define ACCOUNT_LINK_SECONDS	(72 * 3600)	/* a set-password link lives 72 h */

struct store_account_user {
	int64_t		 id;
	int64_t		 occupier_id;	/* 0: a team member */
	const char	*email;
	const char	*name;
	const char	*role;		/* role_names[] */
	int		 disabled;
	int		 invited;	/* no password set through a link yet */
	int64_t		 nsessions;	/* list only: live sessions */
	int64_t		 last_seen;	/* list only: unix seconds, 0 never */
};

/* Users of the team (occ 0) or of occupier occ, removed ones left out, by
 * name. Sessions count as live when last seen at or after seen_after and
 * created at or after created_after. 1 (also when none), -1. */
int	 store_account_user_list(struct arena *, int64_t op, int64_t occ,
	    int64_t seen_after, int64_t created_after,
	    struct store_account_user **, size_t *);
/* One user of the team (occ 0) or of occupier occ; lock: FOR UPDATE. */
int	 store_account_user_get(struct arena *, int64_t op, int64_t occ,
	    int64_t id, int lock, struct store_account_user *);
/* The password hash of a user of the operator (*hash in the arena). */
int	 store_account_user_hash(struct arena *, int64_t op, int64_t id,
	    const char **hash);
/* 1 when a (not removed) user of operator op has this email. */
int	 store_account_email_taken(struct arena *, int64_t op,
	    const char *email);
/* A new user (invited: it has no password of its own yet). occ 0 for a
 * team member. 0 when op or occ is not there; -2 email taken. */
int	 store_account_user_insert(int64_t op, int64_t occ, const char *email,
	    const char *name, const char *role, const char *hash, int invited,
	    int64_t *id);
int	 store_account_user_set_disabled(int64_t op, int64_t occ, int64_t id,
	    int disabled);
/* Team members only (operator_admin, operator_staff). */
int	 store_account_user_set_role(int64_t op, int64_t id, const char *role);
/* Mark removed (and disabled); the row stays for history and cases. */
int	 store_account_user_remove(int64_t op, int64_t occ, int64_t id);
int	 store_account_user_set_name(int64_t op, int64_t id, const char *name);
/* New password hash; the user is no longer "invited". */
int	 store_account_user_set_hash(int64_t op, int64_t id, const char *hash);
/* Lock the enabled operator admins of the team; *count of them. 1, -1. */
int	 store_account_admins_lock(struct arena *, int64_t op, int64_t *count);
/* The name of occupier occ of the operator. 1, 0, -1. */
int	 store_account_occupier_name(struct arena *, int64_t op, int64_t occ,
	    const char **name);

/* ---- set-password links ---- */

struct store_account_token {
	int64_t		 id;
	int64_t		 operator_id;
	int64_t		 user_id;
	int64_t		 occupier_id;	/* the user's; 0 for a team member */
	int64_t		 expires_at;
	const char	*email;
	const char	*name;
};

/* Store a link's token hash for user (of the operator), valid until
 * expires. 0 when the user is not the operator's. */
int	 store_account_token_insert(int64_t op, int64_t user,
	    const unsigned char hash[32], int64_t now, int64_t expires,
	    int64_t by);
/* Forget every unused link of the user. */
int	 store_account_tokens_drop(int64_t op, int64_t user);
/* The unused, unexpired link whose token hashes to hash, of a user who
 * is neither disabled nor removed; lock: FOR UPDATE. 1, 0 dead, -1. */
int	 store_account_token_find(struct arena *, const unsigned char hash[32],
	    int64_t now, int lock, struct store_account_token *);
/* Mark a link used. 0 when it already was. */
int	 store_account_token_use(int64_t op, int64_t id, int64_t now);

/* ---- sessions of the account page ---- */

struct store_account_session {
	int64_t		 id;
	int64_t		 created_at;
	int64_t		 last_seen;
	const char	*remote_addr;
	const char	*user_agent;
};

/* Live sessions of the user (see store_account_user_list), newest first. */
int	 store_account_session_list(struct arena *, int64_t op, int64_t user,
	    int64_t seen_after, int64_t created_after,
	    struct store_account_session **, size_t *);
/* End one session of the user. 0 when the user has no such session. */
int	 store_account_session_delete(int64_t op, int64_t user, int64_t id);
/* End every session of the user but keep (0: all of them). */
int	 store_account_sessions_end(int64_t op, int64_t user, int64_t keep);

/* ---- cases raised by a user ---- */

/* Ids of the cases of occupier occ raised by user, ascending. 1, -1. */
int	 store_account_cases_by(struct arena *, int64_t op, int64_t occ,
	    int64_t user, int64_t **ids, size_t *n);

#endif
