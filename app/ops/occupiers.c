/*
 * ops/occupiers: see occupiers.h.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/occrec.h"
#include "../domain/validate.h"
#include "occupiers.h"

static const char *const contact_keys[OCCREC_CONTACTS][2] = {
	{ "contact_name", "contact_email" },
	{ "contact2_name", "contact2_email" },
	{ "contact3_name", "contact3_email" },
};

/* A contact's e-mail: 1 ok (or empty), 0 refused into why. */
static int
contact_check(struct arena *a, struct store_occrec *r, size_t i,
    struct ops_result *why)
{
	static const struct field email = { "email", "E-mail", FT_EMAIL, 254,
	    0, 0, 0, NULL, 0 };
	struct fval	 v;
	char		*t;
	size_t		 len = strlen(r->contact[i].email);

	t = arena_alloc(a, len + 1);
	if (validate_field(&email, r->contact[i].email, len, t, &v) != NULL) {
		ops_refuse(why, OPS_INVALID, contact_keys[i][1], arena_printf(a,
		    "E-mail of billing contact %zu %s", i + 1, v.err));
		return 0;
	}
	r->contact[i].email = v.s;
	if (*v.s == '\0' && *r->contact[i].name != '\0') {
		ops_refuse(why, OPS_INVALID, contact_keys[i][1], arena_printf(a,
		    "E-mail of billing contact %zu is required: %s has a name",
		    i + 1, r->contact[i].name));
		return 0;
	}
	return 1;
}

size_t
ops_occrec_check(struct arena *a, struct store_occrec *r,
    struct ops_result *why)
{
	const char	*m;
	char		*out;
	size_t		 before = why->n, i;

	out = arena_alloc(a, VAT_STRLEN);
	if ((m = vat_check(r->vat_number, out, VAT_STRLEN)) != NULL)
		ops_refuse(why, OPS_INVALID, "vat_number", arena_printf(a,
		    "VAT number %s", m));
	else
		r->vat_number = out;
	out = arena_alloc(a, 16);
	if ((m = company_no_check(r->company_no, out, 16)) != NULL)
		ops_refuse(why, OPS_INVALID, "company_no", arena_printf(a,
		    "Company number %s", m));
	else
		r->company_no = out;
	for (i = 0; i < OCCREC_CONTACTS; i++)
		contact_check(a, r, i, why);
	return why->n - before;
}

char *
ops_occrec_text(struct arena *a, const struct store_occrec *r)
{
	return arena_printf(a, "legal_name=%s\ncompany_no=%s\nvat_number=%s\n"
	    "billing_address=%s\ncontact=%s <%s>\ncontact2=%s <%s>\n"
	    "contact3=%s <%s>", r->legal_name, r->company_no, r->vat_number,
	    r->billing_address, r->contact[0].name, r->contact[0].email,
	    r->contact[1].name, r->contact[1].email, r->contact[2].name,
	    r->contact[2].email);
}

int
ops_occrec_same(const struct store_occrec *x, const struct store_occrec *y)
{
	size_t	 i;

	if (strcmp(x->legal_name, y->legal_name) != 0 ||
	    strcmp(x->company_no, y->company_no) != 0 ||
	    strcmp(x->vat_number, y->vat_number) != 0 ||
	    strcmp(x->billing_address, y->billing_address) != 0)
		return 0;
	/* contact[0].email is the occupier's contact_email: its own event. */
	for (i = 0; i < OCCREC_CONTACTS; i++)
		if (strcmp(x->contact[i].name, y->contact[i].name) != 0 ||
		    (i > 0 && strcmp(x->contact[i].email,
		    y->contact[i].email) != 0))
			return 0;
	return 1;
}

int
ops_occrec_write(struct txn *t, int64_t occ, const struct store_occrec *old,
    const struct store_occrec *rec)
{
	struct store_occrec	 empty;

	if (old == NULL) {
		store_occrec_clear(&empty);
		old = &empty;
	}
	if (ops_occrec_same(old, rec))
		return 1;
	if (store_occrec_set(t->operator_id, occ, rec) < 0)
		return -1;
	return txn_audit(t, occ, 0, "occupier", occ, "details",
	    old == &empty ? NULL : ops_occrec_text(t->a, old),
	    ops_occrec_text(t->a, rec));
}

char *
ops_occupier_text(struct arena *a, const struct store_occupier *o)
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
	struct store_occrec	 oldrec;
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
		if (store_occupier_insert(t->operator_id, &o, &s->out->id) < 0 ||
		    txn_audit(t, s->out->id, 0, "occupier", s->out->id,
		    "create", NULL, ops_occupier_text(t->a, &o)) < 0)
			return -1;
		return in->rec == NULL ? 1 : ops_occrec_write(t, s->out->id,
		    NULL, in->rec);
	}
	if ((rc = store_occupier_get(t->a, t->operator_id, in->id, &cur)) < 0)
		return -1;
	if (rc == 0)
		return ops_refuse(&s->out->why, OPS_NOT_FOUND, NULL, NULL);
	if (in->rec != NULL && store_occrec_get(t->a, t->operator_id, in->id,
	    &oldrec) < 0)
		return -1;
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
	if (txn_audit(t, in->id, 0, "occupier", in->id, "update",
	    ops_occupier_text(t->a, &cur), ops_occupier_text(t->a, &o)) < 0)
		return -1;
	return in->rec == NULL ? 1 : ops_occrec_write(t, in->id, &oldrec,
	    in->rec);
}

int
ops_occupier_save(struct ops_ctx *c, const struct occupier_save_in *in,
    struct occupier_save_out *out)
{
	struct save		 s = { in, out };
	struct occupier_save_in	 checked;
	struct store_occrec	 rec;

	memset(out, 0, sizeof(*out));
	if (in->rec != NULL) {
		rec = *in->rec;
		rec.contact[0].email = in->contact_email;
		if (ops_occrec_check(c->t.a, &rec, &out->why) > 0)
			return 0;
		checked = *in;
		checked.rec = &rec;
		checked.contact_email = rec.contact[0].email;
		s.in = &checked;
	}
	return db_txn(&c->t, save_txn, &s);
}
