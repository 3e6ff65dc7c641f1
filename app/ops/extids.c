/*
 * ops/extids: see extids.h.
 */
#include <string.h>

#include "../arena.h"
#include "extids.h"

int
extid_integration_ok(const char *s)
{
	size_t	 n = strlen(s);

	return n > 0 && n <= EXTID_INTEGRATION_MAX &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-") == n;
}

static int
id_ok(const char *s)
{
	size_t	 i, n = strlen(s);

	if (n == 0 || n > EXTID_ID_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return 1;
}

static int
check(struct arena *a, const struct extids_in *in, struct ops_result *why)
{
	size_t	 i;
	int	 ok = 1;

	for (i = 0; i < in->n; i++) {
		if (!extid_integration_ok(in->set[i].integration))
			ok = ops_refuse(why, OPS_INVALID, in->set[i].integration,
			    arena_printf(a, "Integration \u201c%s\u201d must be "
			    "1 to 40 of a-z, 0-9, _ and -",
			    in->set[i].integration));
		else if (in->set[i].external_id != NULL &&
		    !id_ok(in->set[i].external_id))
			ok = ops_refuse(why, OPS_INVALID, in->set[i].integration,
			    arena_printf(a, "The id in %s must be 1 to 190 "
			    "characters without control characters",
			    in->set[i].integration));
	}
	return ok;
}

struct set {
	const struct extids_in	*in;
	struct ops_result	*why;
};

static int
set_txn(struct txn *t, void *arg)
{
	struct set		*g = arg;
	const struct extids_in	*in = g->in;
	const struct store_extid *x;
	char			*audit = "";
	int64_t			 other;
	size_t			 i;
	int			 rc;

	for (i = 0; i < in->n; i++) {
		x = &in->set[i];
		if (x->external_id != NULL) {
			if ((rc = store_extid_find(t->a, t->operator_id,
			    in->entity, x->integration, x->external_id,
			    &other)) < 0)
				return -1;
			if (rc > 0 && other != in->id)
				return ops_refuse(g->why, OPS_CONFLICT,
				    x->integration, arena_printf(t->a, "%s id "
				    "%s already names %s %lld", x->integration,
				    x->external_id, in->entity,
				    (long long)other));
		}
		if ((rc = store_extid_set(t->operator_id, in->entity, in->id,
		    x->integration, x->external_id, t->now)) == -2)
			return ops_refuse(g->why, OPS_CONFLICT, x->integration,
			    arena_printf(t->a, "%s id %s was just given to "
			    "another %s", x->integration, x->external_id,
			    in->entity));
		if (rc < 0)
			return -1;
		audit = arena_printf(t->a, "%s%s%s=%s", audit, *audit ? "\n" :
		    "", x->integration, x->external_id != NULL ?
		    x->external_id : "(none)");
	}
	return txn_audit(t, strcmp(in->entity, "occupier") == 0 ? in->id : 0,
	    strcmp(in->entity, "site") == 0 ? in->id : 0, in->entity, in->id,
	    "external_ids", NULL, audit);
}

int
ops_extids_set(struct ops_ctx *c, const struct extids_in *in,
    struct ops_result *why)
{
	struct set	 g = { in, why };

	memset(why, 0, sizeof(*why));
	if (!check(c->t.a, in, why))
		return 0;
	return db_txn(&c->t, set_txn, &g);
}
