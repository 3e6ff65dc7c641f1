/*
 * occupier_edit: create (/occupiers/new) and edit (/occupiers/N/edit) an
 * occupier. Edits carry the version they started from: a save over
 * someone else's change is refused, never silently overwritten.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ops/occupiers.h"
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
	[OF_NAME] = { "name", "Name", FT_TEXT, 200, 1, 0, 0, NULL, 0 },
	[OF_BILLING_REF] = { "billing_ref", "Billing reference", FT_TEXT, 64, 0, 0, 0, NULL, 0 },
	[OF_EMAIL] = { "contact_email", "Billing contact email", FT_EMAIL, 254, 0, 0, 0, NULL, 0 },
	[OF_NOTES] = { "notes", "Notes", FT_MULTILINE, 4000, 0, 0, 0, NULL, 1 },
	[OF_VERSION] = { "version", "Version", FT_INT, 20, 0, 0, INT32_MAX, NULL, 0 },
};

static void
show_conflict(struct tpl_dict *d, const struct store_occupier *cur)
{
	tpl_set_int(d, TN_F_VERSION, cur->version);
	tpl_show(d, TN_CONFLICT);
	tpl_set(d, TN_CUR_NAME, cur->name);
	tpl_set(d, TN_CUR_BILLING_REF, cur->billing_ref);
	tpl_set(d, TN_CUR_EMAIL, cur->contact_email);
	tpl_set(d, TN_CUR_NOTES, cur->notes);
}

void
page_occupier_edit(struct req *r)
{
	struct tpl_dict			*d;
	struct store_occupier		 cur;
	struct fval			 v[OF__MAX];
	struct ops_ctx			 c;
	struct occupier_save_in		 in;
	struct occupier_save_out	 out;
	int				 editing = r->nids > 0, rc;

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
	if ((d = page_begin(r, editing ? "Edit occupier" : "New occupier",
	    "occupier_edit.tpl", "occupiers")) == NULL)
		return;
	if (editing) {
		tpl_show(d, TN_EDITING);
		tpl_set_int(d, TN_OCC_ID, cur.id);
		tpl_set(d, TN_OCC_NAME, cur.name);
		tpl_set(d, TN_ACTION, arena_printf(r->a, "/occupiers/%lld/edit",
		    (long long)cur.id));
	} else {
		tpl_show(d, TN_CREATING);
		tpl_set(d, TN_ACTION, "/occupiers/new");
	}
	if (r->method == M_GET) {
		form_fill(r, d, "name", cur.name);
		form_fill(r, d, "billing_ref", cur.billing_ref);
		form_fill(r, d, "contact_email", cur.contact_email);
		form_fill(r, d, "notes", cur.notes);
		tpl_set_int(d, TN_F_VERSION, cur.version);
		page_end(r);
		return;
	}
	if (form_read(r, d, fields, OF__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.id = cur.id;
	in.version = v[OF_VERSION].i;
	in.name = v[OF_NAME].s;
	in.billing_ref = v[OF_BILLING_REF].s;
	in.contact_email = v[OF_EMAIL].s;
	in.notes = v[OF_NOTES].s;
	in.same_name_ok = form_has(r, "same_name_ok");
	page_ops_ctx(r, &c);
	if ((rc = ops_occupier_save(&c, &in, &out)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		if (page_refused_bare(r, &out.why))
			return;
		page_refused(r, d, &out.why);
		if (out.why.why == OPS_CONFLICT)
			show_conflict(d, &out.current);
		if (out.same_name != NULL)
			tpl_set(tpl_section(d, TN_SAME_NAME), TN_NAME,
			    out.same_name);
		page_end(r);
		return;
	}
	http_redirect(r, arena_printf(r->a, editing ?
	    "/occupiers/%lld?done=saved" : "/occupiers/%lld?done=created",
	    (long long)out.id));
}
