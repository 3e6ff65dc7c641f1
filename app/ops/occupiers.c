/*
 * ops/occupiers: see occupiers.h.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/validate.h"
#include "occupiers.h"

static char *
audit_text(struct arena *a, const struct store_occupier *o)
{
	return arena_printf(a, "name=%s\nbilling_ref=%s\ncontact_email=%s\n"
	    "notes=%s", o->name, o->billing_ref, o->contact_email, o->notes);
}

struct save {
	const struct occupier_save_in	*in;
	struct occupier_save_out	*out;
};

/* The warning of a name another occupier has: 0 (refused), 1 none, -1. */
static int
same_name(struct txn *t, struct save *s)
{
	char		 folded[256];
	const char	*holder;
	int		 rc;

	validate_name_fold(s->in->name, folded, sizeof(folded));
	if ((rc = store_occupier_name_taken(t->a, t->operator_id, folded,
	    s->in->id, &holder)) <= 0)
		return rc < 0 ? -1 : 1;
	s->out->same_name = holder;
	return ops_refuse(&s->out->why, OPS_INVALID, "name", arena_printf(t->a,
	    "Another occupier is named %s: tick \u201cSave anyway\u201d if "
	    "this is a different company", holder));
}

static int
save_txn(struct txn *t, void *arg)
{
	struct save		*s = arg;
	const struct occupier_save_in *in = s->in;
	struct store_occupier	 o, cur;
	int			 rc;

	memset(&o, 0, sizeof(o));
	o.id = in->id;
	o.version = in->version;
	o.name = in->name;
	o.billing_ref = in->billing_ref;
	o.contact_email = in->contact_email;
	o.notes = in->notes;
	if (!in->same_name_ok && (rc = same_name(t, s)) <= 0)
		return rc;
	if (*in->billing_ref != '\0') {
		const char *holder;

		if ((rc = store_occupier_ref_taken(t->a, t->operator_id,
		    in->billing_ref, in->id, &holder)) < 0)
			return -1;
		if (rc > 0)
			return ops_refuse(&s->out->why, OPS_INVALID,
			    "billing_ref", arena_printf(t->a, "Billing "
			    "reference %s is already used by %s: each occupier "
			    "has its own", in->billing_ref, holder));
	}
	if (in->id == 0) {
		if (store_occupier_insert(t->operator_id, &o, &s->out->id) < 0)
			return -1;
		return txn_audit(t, s->out->id, 0, "occupier", s->out->id,
		    "create", NULL, audit_text(t->a, &o));
	}
	if ((rc = store_occupier_get(t->a, t->operator_id, in->id, &cur)) < 0)
		return -1;
	if (rc == 0)
		return ops_refuse(&s->out->why, OPS_NOT_FOUND, NULL, NULL);
	if ((rc = store_occupier_update(t->operator_id, &o)) < 0)
		return -1;
	if (rc == 0) {
		/* Someone else's change came first: show it, keep the input. */
		s->out->current = cur;
		return ops_refuse(&s->out->why, OPS_CONFLICT, NULL, "This "
		    "occupier was changed by someone else while you were "
		    "editing. Your changes were not saved: check the current "
		    "details below and save again.");
	}
	s->out->id = in->id;
	return txn_audit(t, in->id, 0, "occupier", in->id, "update",
	    audit_text(t->a, &cur), audit_text(t->a, &o));
}

int
ops_occupier_save(struct ops_ctx *c, const struct occupier_save_in *in,
    struct occupier_save_out *out)
{
	struct save	 s = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, save_txn, &s);
}
