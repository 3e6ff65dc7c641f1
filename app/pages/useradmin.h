/*
 * useradmin: the users screen shared by the three screens that manage
 * people: Team (operator admins; the operator's own users, occupier 0), an
 * occupier's Users tab (operator staff and admins) and the occupier admin's
 * own Users screen; and the pieces the account screens share with it. The
 * changes themselves are the operations of ops/users.c; adding a user or
 * giving a new link shows the one-time set-password link once.
 */
#ifndef TENANTRY_USERADMIN_H
#define TENANTRY_USERADMIN_H

#include <stdint.h>

struct req;
struct tpl_dict;
struct fval;
struct ops_result;

/*
 * The whole users screen (users.tpl) after its header (page_begin and the
 * header or tabs are the caller's), for the team (occ 0: operator roles,
 * role changes) or occupier occ (occupier roles, removal): POST to base
 * adds a user; POST to base/ID (id > 0) applies op=disable|enable|remove|
 * link|role to that user; then the list with its forms. Answers every
 * case: the link page (200), a redirect with ?done=..., 404 for a user not
 * in scope, 400 for an op the screen does not offer, 409 for a refused
 * change, 422 for a bad form, 429 paced, 500/503.
 */
void	 useradmin_screen(struct req *, struct tpl_dict *, int64_t occ,
	    int64_t id, const char *base);

/* An operation's refusal into the form of d (page_refused), with
 * Retry-After: retry_after when it was paced (OPS_TOO_MANY). */
void	 useradmin_refused(struct req *, struct tpl_dict *,
	    const struct ops_result *, int64_t retry_after);

/* A new password and its confirmation (fields pw_key and cf_key, already
 * read): the rules of domain/account.h, each broken one a message in d.
 * Returns how many. */
int	 useradmin_password_check(struct req *, struct tpl_dict *,
	    const struct fval *pw, const char *pw_key, const struct fval *cf,
	    const char *cf_key);

#endif
