/* ops/operators: see operators.h. */
#include <string.h>

#include "../arena.h"
#include "../domain/estate.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/txn.h"
#include "operators.h"

struct create {
	const struct operator_create_in	*in;
	struct operator_create_out	*out;
};

static int
create_txn(struct txn *t, void *arg)
{
	struct create			*c = arg;
	const struct operator_create_in	*in = c->in;
	struct dbp			 p[] = { DBP_S(in->name),
	    DBP_S(in->currency), DBP_S(in->timezone) };
	uint64_t			 id = 0;

	if (db_exec(STMT_OPERATOR_INSERT, p, NPARAMS(p), &id) < 0)
		return -1;
	c->out->id = (int64_t)id;
	/* Its event is of the new operator: nothing is queued yet. */
	t->operator_id = (int64_t)id;
	store_audit_begin(&t->audit, t->operator_id, t->day);
	return txn_audit(t, 0, 0, "operator", (int64_t)id, "create", NULL,
	    arena_printf(t->a, "name=%s\ncurrency=%s\ntimezone=%s", in->name,
	    in->currency, in->timezone));
}

int
ops_operator_create(struct ops_ctx *c, const struct operator_create_in *in,
    struct operator_create_out *out)
{
	struct create	 s = { in, out };
	int		 ok = 1;

	memset(out, 0, sizeof(*out));
	if (*in->name == '\0' || strlen(in->name) > 200)
		ok = ops_refuse(&out->why, OPS_INVALID, "name", "Name must be "
		    "1 to 200 characters");
	if (!estate_currency_ok(in->currency))
		ok = ops_refuse(&out->why, OPS_INVALID, "currency", "Currency "
		    "must be a three-letter ISO 4217 code");
	if (*in->timezone == '\0' || strlen(in->timezone) > 64)
		ok = ops_refuse(&out->why, OPS_INVALID, "timezone", "Time zone "
		    "must be 1 to 64 characters");
	if (!ok)
		return 0;
	c->t.operator_id = 0;
	return db_txn(&c->t, create_txn, &s);
}
