/*
 * useradmin: adding users and changing them, shared by the three user
 * screens: Team (operator admins; the operator's own users, occ 0), an
 * occupier's Users tab (operator staff and admins) and the occupier admin's
 * own Users screen. Every change is one transaction with its audit event
 * (entity "user"); adding a user or asking for a new link gives a one-time
 * set-password link, which the screen shows once (only its hash is kept).
 */
#ifndef TENANTRY_USERADMIN_H
#define TENANTRY_USERADMIN_H

#include <stddef.h>
#include <stdint.h>

#include "../store/store_account.h"

struct req;
struct tpl_dict;
struct fval;

enum useradmin_op {
	UAO_DISABLE,	/* "disable": cannot sign in, every session ends */
	UAO_ENABLE,	/* "enable": may sign in again */
	UAO_REMOVE,	/* "remove": occupier users only */
	UAO_LINK,	/* "link": a new set-password link */
	UAO_ROLE,	/* "role": team members only */
	UAO__MAX
};
extern const char *const useradmin_ops[UAO__MAX];
/* The op named s, or UAO__MAX. */
enum useradmin_op useradmin_op_parse(const char *s);

/*
 * Read the add-user form (name, email, role; the role must be in the
 * roles mask) and add a user to the team (occ 0) or occupier occ, with a
 * random password nobody knows and a set-password link valid 72 hours.
 * 1 added (*id, *link: "/set-password?token=..."); 0 refused, the form's
 * messages in d and r->status 422; -1 store error (nothing answered).
 */
int	 useradmin_create(struct req *, struct tpl_dict *, int64_t occ,
	    unsigned roles, int64_t *id, const char **link);

/*
 * Apply op to user id of the team (occ 0) or occupier occ; role is the new
 * role of UAO_ROLE (must be in roles). Nobody changes their own role or
 * disables or removes themself, and the team keeps at least one enabled
 * operator admin. 1 done (*link for UAO_LINK; u: the user before), 0 no
 * such user, -2 refused (*why: a sentence), -1 store error.
 */
int	 useradmin_apply(struct req *, int64_t occ, int64_t id,
	    enum useradmin_op op, const char *role, unsigned roles,
	    struct store_account_user *u, const char **why, const char **link);

/*
 * Fill the users screen (users.tpl): section USER per user with the
 * actions that apply, ACTION (the list's URL; rows post to ACTION/ID),
 * ADD_ROLE_OPT for the add form from roles. team: role changes offered.
 * -1 store error (nothing answered), else 1.
 */
int	 useradmin_fill(struct req *, struct tpl_dict *, int64_t occ,
	    const char *action, unsigned roles, int team);

/* Show the link block (LINK) of users.tpl for a user just given a link. */
void	 useradmin_show_link(struct req *, struct tpl_dict *,
	    const char *name, const char *email, const char *link);

/*
 * The whole users screen after its header (page_begin and the header or
 * tabs are the caller's): POST to base adds a user; POST to base/ID
 * (id > 0) applies op=disable|enable|remove|link|role to that user; then
 * the list with its forms. Answers every case: the link page (200), a
 * redirect with ?done=..., 404 for a user not in scope, 400 for an unknown
 * op, 409 for a refused change, 422 for a bad form, 500/503.
 */
void	 useradmin_screen(struct req *, struct tpl_dict *, int64_t occ,
	    int64_t id, const char *base, unsigned roles, int team);

/*
 * Paces of costly account actions, per user and per operator, so that one
 * account cannot keep the hashing slots or the database from everybody
 * else: PACE_PASSWORD (password changes: 10 a user, 100 an operator in 15
 * minutes) and PACE_ACCOUNTS (new users and set-password links: 30 a user,
 * 200 an operator in 10 minutes). Counts one action. 1 go on; 0 refused
 * (a form-level message in d, r->status 429 and Retry-After); -1 error.
 */
enum pace_kind {
	PACE_PASSWORD,
	PACE_ACCOUNTS,
	PACE__MAX
};
int	 useradmin_pace(struct req *, struct tpl_dict *, enum pace_kind);

/* The minimum length of a password, in characters. */
#define USERADMIN_PASSWORD_MIN	10

/* A new password and its confirmation (fields pw_key and cf_key, already
 * read): at least USERADMIN_PASSWORD_MIN characters, both the same. Adds
 * the messages to d; returns how many. */
int	 useradmin_password_check(struct req *, struct tpl_dict *,
	    const struct fval *pw, const char *pw_key, const struct fval *cf,
	    const char *cf_key);

#endif
