/*
 * occupier_edit: create (/occupiers/new) and edit (/occupiers/N/edit) an
 * occupier. Edits carry the version they started from: a save over
 * someone else's change is refused, never silently overwritten.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/db.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

enum occ_field {
	OF_NAME,	/* name */
	OF_BILLING_REF,	/* billing_ref */
	OF_EMAIL,	/* contact_email */
	OF_NOTES,	/* notes */
	OF_VERSION,	/* version */
	OF__MAX
};

static const struct field fields[OF__MAX] = {
	[OF_NAME] = { "name", "Name", FT_TEXT, 200, 1, 0, 0, NULL },
	[OF_BILLING_REF] = { "billing_ref", "Billing reference", FT_TEXT, 64, 0, 0, 0, NULL },
	[OF_EMAIL] = { "contact_email", "Billing contact email", FT_EMAIL, 254, 0, 0, 0, NULL },
	[OF_NOTES] = { "notes", "Notes", FT_MULTILINE, 4000, 0, 0, 0, NULL },
	[OF_VERSION] = { "version", "Version", FT_INT, 20, 0, 0, INT32_MAX, NULL },
};

static char *
audit_text(struct req *r, const struct store_occupier *o)
{
	return arena_printf(r->a, "name=%s\nbilling_ref=%s\ncontact_email=%s\n"
	    "notes=%s", o->name, o->billing_ref, o->contact_email, o->notes);
}

void
page_occupier_edit(struct req *r)
{
	struct tpl_dict		*d;
	struct store_occupier	 cur, o;
	struct fval		 v[OF__MAX];
	int			 editing = r->nids > 0, rc;
	int64_t			 id = 0;

	memset(&cur, 0, sizeof(cur));
	if (editing) {
		if ((rc = store_occupier_get(r->a, r->user.operator_id,
		    r->ids[0], &cur)) < 0) {
			page_store_error(r);
			return;
		}
		if (rc == 0) {
			http_error(r, 404);
			return;
		}
	}
	d = page_begin(r, editing ? "Edit occupier" : "New occupier",
	    "occupier_edit.tpl", "occupiers");
	if (d == NULL)
		return;
	if (editing) {
		tpl_show(d, "EDITING");
		tpl_set_int(d, "OCC_ID", cur.id);
		tpl_set(d, "OCC_NAME", cur.name);
		tpl_set(d, "ACTION", arena_printf(r->a, "/occupiers/%lld/edit",
		    (long long)cur.id));
	} else {
		tpl_show(d, "CREATING");
		tpl_set(d, "ACTION", "/occupiers/new");
	}
	if (r->method == M_GET) {
		form_fill(r, d, "name", cur.name);
		form_fill(r, d, "billing_ref", cur.billing_ref);
		form_fill(r, d, "contact_email", cur.contact_email);
		form_fill(r, d, "notes", cur.notes);
		tpl_set_int(d, "F_VERSION", cur.version);
		page_end(r);
		return;
	}
	if (form_read(r, d, fields, OF__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	memset(&o, 0, sizeof(o));
	o.name = v[OF_NAME].s;
	o.billing_ref = v[OF_BILLING_REF].s;
	o.contact_email = v[OF_EMAIL].s;
	o.notes = v[OF_NOTES].s;
	o.id = cur.id;
	o.version = v[OF_VERSION].i;
	if (db_begin() < 0) {
		page_store_error(r);
		return;
	}
	if (editing) {
		rc = store_occupier_update(r->user.operator_id, &o);
		id = cur.id;
	} else
		rc = store_occupier_insert(r->user.operator_id, &o, &id);
	if (rc > 0)
		rc = store_audit(r->user.operator_id, id, 0, r->user.id,
		    "occupier", id, editing ? "update" : "create",
		    editing ? audit_text(r, &cur) : NULL, audit_text(r, &o));
	if (rc > 0 && db_commit() < 0)
		rc = -1;	/* a failed COMMIT is the store's failure */
	if (rc <= 0) {
		db_rollback();
		if (rc < 0) {
			page_store_error(r);
			return;
		}
		/* Version mismatch: show what is there now, keep the input. */
		r->status = 409;
		tpl_set_int(d, "F_VERSION", cur.version);
		form_error(r, d, NULL, "This occupier was changed by someone "
		    "else while you were editing. Your changes were not saved: "
		    "check the current details below and save again.");
		tpl_show(d, "CONFLICT");
		tpl_set(d, "CUR_NAME", cur.name);
		tpl_set(d, "CUR_BILLING_REF", cur.billing_ref);
		tpl_set(d, "CUR_EMAIL", cur.contact_email);
		tpl_set(d, "CUR_NOTES", cur.notes);
		page_end(r);
		return;
	}
	http_redirect(r, arena_printf(r->a, editing ?
	    "/occupiers/%lld?done=saved" : "/occupiers/%lld?done=created",
	    (long long)id));
}
