/*
 * occupier_edit: create (/occupiers/new) and edit (/occupiers/N/edit) an
 * occupier. Edits carry the version they started from: a save over
 * someone else's change is refused, never silently overwritten. The form
 * holds the richer record too (legal name, company and VAT numbers,
 * billing address, up to three billing contacts), saved in the same
 * transaction. A new occupier goes on to the move-in (occupier_movein.c);
 * its Back comes here with movein=1, and a save goes on to step 2 again.
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
	OF_LEGAL,	/* legal_name */
	OF_COMPANY,	/* company_no */
	OF_VAT,		/* vat_number */
	OF_ADDRESS,	/* billing_address */
	OF_CNAME,	/* contact_name */
	OF_C2NAME,	/* contact2_name */
	OF_C2EMAIL,	/* contact2_email */
	OF_C3NAME,	/* contact3_name */
	OF_C3EMAIL,	/* contact3_email */
	OF__MAX
};

static const struct field fields[OF__MAX] = {
	[OF_NAME] = { "name", "Name", FT_TEXT, 200, 1, 0, 0, NULL, 0 },
	[OF_BILLING_REF] = { "billing_ref", "Billing reference", FT_TEXT, 64, 0, 0, 0, NULL, 0 },
	[OF_EMAIL] = { "contact_email", "Billing contact email", FT_EMAIL, 254, 0, 0, 0, NULL, 0 },
	[OF_NOTES] = { "notes", "Notes", FT_MULTILINE, 4000, 0, 0, 0, NULL, 1 },
	[OF_VERSION] = { "version", "Version", FT_INT, 20, 0, 0, INT32_MAX, NULL, 0 },
	[OF_LEGAL] = { "legal_name", "Legal name", FT_TEXT, 200, 0, 0, 0, NULL, 0 },
	[OF_COMPANY] = { "company_no", "Company number", FT_TEXT, 20, 0, 0, 0, NULL, 0 },
	[OF_VAT] = { "vat_number", "VAT number", FT_TEXT, 32, 0, 0, 0, NULL, 0 },
	[OF_ADDRESS] = { "billing_address", "Billing address", FT_MULTILINE, 500, 0, 0, 0, NULL, 0 },
	[OF_CNAME] = { "contact_name", "Billing contact name", FT_TEXT, 200, 0, 0, 0, NULL, 0 },
	[OF_C2NAME] = { "contact2_name", "Name of billing contact 2", FT_TEXT, 200, 0, 0, 0, NULL, 0 },
	[OF_C2EMAIL] = { "contact2_email", "E-mail of billing contact 2", FT_EMAIL, 254, 0, 0, 0, NULL, 0 },
	[OF_C3NAME] = { "contact3_name", "Name of billing contact 3", FT_TEXT, 200, 0, 0, 0, NULL, 0 },
	[OF_C3EMAIL] = { "contact3_email", "E-mail of billing contact 3", FT_EMAIL, 254, 0, 0, 0, NULL, 0 },
};

/* The record's fields from rec (GET). */
static void
fill_rec(struct req *r, struct tpl_dict *d, const struct store_occrec *rec)
{
	form_fill(r, d, "legal_name", rec->legal_name);
	form_fill(r, d, "company_no", rec->company_no);
	form_fill(r, d, "vat_number", rec->vat_number);
	form_fill(r, d, "billing_address", rec->billing_address);
	form_fill(r, d, "contact_name", rec->contact[0].name);
	form_fill(r, d, "contact2_name", rec->contact[1].name);
	form_fill(r, d, "contact2_email", rec->contact[1].email);
	form_fill(r, d, "contact3_name", rec->contact[2].name);
	form_fill(r, d, "contact3_email", rec->contact[2].email);
}

/* The form read into in and rec: 0, or its errors (shown). */
static int
read_form(struct req *r, struct tpl_dict *d, struct occupier_save_in *in,
    struct store_occrec *rec)
{
	struct fval		 v[OF__MAX];
	struct ops_result	 why;
	size_t			 i, j;
	int			 n;

	n = form_read(r, d, fields, OF__MAX, v);
	in->version = v[OF_VERSION].i;
	in->name = v[OF_NAME].s;
	in->billing_ref = v[OF_BILLING_REF].s;
	in->contact_email = v[OF_EMAIL].s;
	in->notes = v[OF_NOTES].s;
	rec->legal_name = v[OF_LEGAL].s;
	rec->company_no = v[OF_COMPANY].s;
	rec->vat_number = v[OF_VAT].s;
	rec->billing_address = v[OF_ADDRESS].s;
	rec->contact[0].name = v[OF_CNAME].s;
	rec->contact[0].email = v[OF_EMAIL].s;
	rec->contact[1].name = v[OF_C2NAME].s;
	rec->contact[1].email = v[OF_C2EMAIL].s;
	rec->contact[2].name = v[OF_C3NAME].s;
	rec->contact[2].email = v[OF_C3EMAIL].s;
	in->rec = rec;
	if (n == 0)
		return 0;
	/* The record's own rules too, so that every message shows at once
	 * (fields already refused by their type are left to that message). */
	memset(&why, 0, sizeof(why));
	ops_occrec_check(r->a, rec, &why);
	for (i = 0; i < why.n; i++) {
		for (j = 0; j < OF__MAX; j++)
			if (why.m[i].field != NULL &&
			    strcmp(fields[j].key, why.m[i].field) == 0)
				break;
		if (j == OF__MAX || v[j].err == NULL) {
			form_error(r, d, why.m[i].field, why.m[i].text);
			n++;
		}
	}
	return n;
}

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

/* The occupier edited into cur and rec (/edit), or empty ones: 1, or 0
 * with the response made. */
static int
load(struct req *r, int editing, struct store_occupier *cur,
    struct store_occrec *rec)
{
	int	 rc = 1;

	memset(cur, 0, sizeof(*cur));
	store_occrec_clear(rec);
	if (editing && ((rc = store_occupier_get(r->a, r->user.operator_id,
	    r->ids[0], cur)) < 0 || (rc > 0 && store_occrec_get(r->a,
	    r->user.operator_id, cur->id, rec) < 0))) {
		page_store_error(r);
		return 0;
	}
	if (rc == 0) {
		http_error(r, 404);
		return 0;
	}
	return 1;
}

static void
fill_head(struct req *r, struct tpl_dict *d, int editing, int movein,
    const struct store_occupier *cur)
{
	if (editing && movein) {	/* Back from step 2 of the move-in */
		tpl_show(d, TN_STEPS);
		tpl_show(d, TN_MOVEIN);
	}
	if (editing) {
		tpl_show(d, TN_EDITING);
		tpl_set_int(d, TN_OCC_ID, cur->id);
		tpl_set(d, TN_OCC_NAME, cur->name);
		tpl_set(d, TN_ACTION, arena_printf(r->a, "/occupiers/%lld/edit",
		    (long long)cur->id));
	} else {
		tpl_show(d, TN_CREATING);
		tpl_show(d, TN_STEPS);
		tpl_set(d, TN_ACTION, "/occupiers/new");
	}
	if (r->method != M_GET)
		return;
	form_fill(r, d, "name", cur->name);
	form_fill(r, d, "billing_ref", cur->billing_ref);
	form_fill(r, d, "contact_email", cur->contact_email);
	form_fill(r, d, "notes", cur->notes);
	tpl_set_int(d, TN_F_VERSION, cur->version);
}

void
page_occupier_edit(struct req *r)
{
	struct tpl_dict			*d;
	struct store_occupier		 cur;
	struct store_occrec		 rec, newrec;
	struct ops_ctx			 c;
	struct occupier_save_in		 in;
	struct occupier_save_out	 out;
	int				 editing = r->nids > 0, rc;
	int				 movein = editing &&
	    (query_has(r, "movein") || form_has(r, "movein"));

	if (!load(r, editing, &cur, &rec) || (d = page_begin(r, editing ?
	    "Edit occupier" : "New occupier", "occupier_edit.tpl",
	    "occupiers")) == NULL)
		return;
	fill_head(r, d, editing, movein, &cur);
	if (r->method == M_GET) {
		fill_rec(r, d, &rec);
		page_end(r);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.id = cur.id;
	if (read_form(r, d, &in, &newrec) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
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
	http_redirect(r, arena_printf(r->a, movein ? "/occupiers/%lld/move-in" :
	    editing ? "/occupiers/%lld?done=saved" :
	    "/occupiers/%lld?done=created", (long long)out.id));
}
