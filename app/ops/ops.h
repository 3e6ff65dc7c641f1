/*
 * ops: the use cases of Tenantry, between the pages (and the daily job,
 * the shell commands, an API) and the store and domain. One file per
 * family of use cases (ops/plan.c, ops/ports.c, ops/cases.c, ...).
 *
 * Every operation has the form
 *
 *	int ops_<noun>_<verb>(struct ops_ctx *, const struct <in> *,
 *	    struct <out> *);
 *
 * with its contract in the sentence above it, and one three-way return:
 *   <0  store error (nothing changed; db_unavailable() and
 *       db_commit_unknown() tell a page which error page to show);
 *    0  refused: nothing changed, and out->why says why (a status for the
 *       page and messages, each tied to a form field or to the form);
 *   >0  done (committed).
 * An operation that writes runs as one transaction through db_txn (the
 * single retry policy, the audit events in the same transaction), is
 * scoped to ctx's operator (and occupier, for occupier users): a row of
 * anyone else is "not found", exactly like a row that does not exist.
 * Pages never begin or commit a transaction themselves.
 */
#ifndef TENANTRY_OPS_H
#define TENANTRY_OPS_H

#include <stddef.h>
#include <stdint.h>

#include "../store/txn.h"

/* Who acts, for whom, when: a request's signed-in user (pages fill it with
 * page_ops_ctx), or the system (a daily job: user 0). */
struct ops_ctx {
	struct txn	 t;		/* arena, operator, user, day, now, audit */
	int64_t		 occupier_id;	/* occupier roles: their occupier; else 0 */
	int		 role;		/* enum role (http.h); -1: the system */
	const char	*remote_addr;	/* "" for the system */
};

/* Why an operation refused. */
enum ops_why {
	OPS_OK,
	OPS_INVALID,		/* the input breaks a rule: 422 */
	OPS_NOT_FOUND,		/* no such row in ctx's scope: 404 */
	OPS_CONFLICT,		/* changed meanwhile, or a state that forbids it: 409 */
	OPS_LOCKED,		/* an invoiced period: 409 */
	OPS_BUSY,		/* try again shortly: 503 */
	OPS_TOO_MANY,		/* paced: 429 */
	OPS_BAD_FORM,		/* input no form of ours sends: 400 */
	OPS_WHY__MAX
};

#define OPS_MSGS_MAX	16

struct ops_msg {
	const char	*field;		/* form field, or NULL: the form's */
	const char	*text;		/* a whole sentence */
};

struct ops_result {
	enum ops_why	 why;
	size_t		 n;
	struct ops_msg	 m[OPS_MSGS_MAX];
	int		 more;		/* messages past OPS_MSGS_MAX were dropped */
};

/* Refuse with why (the first reason given stays) and one message (field
 * may be NULL; text NULL adds none). Returns 0, for `return ops_refuse(...)`. */
int	 ops_refuse(struct ops_result *, enum ops_why, const char *field,
	    const char *text);
/* The HTTP status of a refusal. */
int	 ops_status(enum ops_why);

#endif
