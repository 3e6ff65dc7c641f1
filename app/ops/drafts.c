/*
 * ops/drafts: see drafts.h.
 */
#include "../store/store.h"
#include "drafts.h"

struct draft {
	const char	*path;
	const char	*body;		/* keep: in; take: out */
};

static int
keep_txn(struct txn *t, void *arg)
{
	struct draft	*x = arg;

	return store_draft_keep(t->operator_id, t->user_id, x->path, x->body,
	    t->now);
}

int
ops_draft_keep(struct ops_ctx *c, const char *path, const char *body)
{
	struct draft	 x = { path, body };

	if (c->t.user_id <= 0 || c->t.operator_id <= 0)
		return 0;
	return db_txn(&c->t, keep_txn, &x);
}

static int
take_txn(struct txn *t, void *arg)
{
	struct draft	*x = arg;
	int		 rc;

	x->body = NULL;
	if ((rc = store_draft_take(t->a, t->operator_id, t->user_id, x->path,
	    t->now - DRAFT_KEEP_SECONDS, &x->body)) < 0)
		return -1;
	/* None: nothing to commit, nothing changed. */
	return rc > 0 ? 1 : 2;
}

int
ops_draft_take(struct ops_ctx *c, const char *path, const char **body)
{
	struct draft	 x = { path, NULL };
	int		 rc;

	*body = NULL;
	if ((rc = db_txn(&c->t, take_txn, &x)) <= 0)
		return rc < 0 ? -1 : 0;
	if (x.body == NULL)
		return 0;
	*body = x.body;
	return 1;
}
