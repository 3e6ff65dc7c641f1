/*
 * ops/occimport: see occimport.h.
 */
#include <string.h>
#include <strings.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../store/store.h"
#include "../store/store_occrec.h"
#include "contracts.h"
#include "occimport.h"
#include "occupiers.h"
#include "webhooks.h"

/* What the operator has: sites, occupiers with a billing reference,
 * contracts. */
struct known {
	struct store_site	*sites;
	size_t			 nsites;
	struct store_occref	*occ;
	size_t			 nocc;
	struct store_conref	*con;
	size_t			 ncon;
};

/* The record a line gives. */
static void
line_rec(const struct occimp_row *r, struct store_occrec *rec)
{
	rec->legal_name = r->v[OI_LEGAL_NAME];
	rec->company_no = r->v[OI_COMPANY_NO];
	rec->vat_number = r->v[OI_VAT_NUMBER];
	rec->billing_address = r->v[OI_BILLING_ADDRESS];
	rec->contact[0].name = r->v[OI_CONTACT_NAME];
	rec->contact[0].email = r->v[OI_CONTACT_EMAIL];
	rec->contact[1].name = r->v[OI_CONTACT2_NAME];
	rec->contact[1].email = r->v[OI_CONTACT2_EMAIL];
	rec->contact[2].name = r->v[OI_CONTACT3_NAME];
	rec->contact[2].email = r->v[OI_CONTACT3_EMAIL];
}

static const struct store_occref *
find_occ(const struct known *k, const char *ref)
{
	size_t	 i;

	for (i = 0; i < k->nocc; i++)
		if (strcasecmp(k->occ[i].billing_ref, ref) == 0)
			return &k->occ[i];
	return NULL;
}

static const struct store_conref *
find_con(const struct known *k, const char *ref)
{
	size_t	 i;

	for (i = 0; i < k->ncon; i++)
		if (strcasecmp(k->con[i].reference, ref) == 0)
			return &k->con[i];
	return NULL;
}

/* The occupier of line r: new, changed or the same. */
static void
plan_occ(const struct known *k, const struct occimp_row *r,
    struct occimport_line *l)
{
	const struct store_occref	*o;
	struct store_occrec		 rec;

	if ((o = find_occ(k, r->v[OI_BILLING_REF])) == NULL) {
		l->occ = OIA_NEW;
		return;
	}
	l->occ_id = o->id;
	line_rec(r, &rec);
	l->occ = strcmp(o->name, r->v[OI_NAME]) == 0 &&
	    strcmp(o->rec.contact[0].email, rec.contact[0].email) == 0 &&
	    ops_occrec_same(&o->rec, &rec) ? OIA_SAME : OIA_CHANGED;
}

/* The contract of line r: its site, then new or the same; an existing
 * one that differs is an error. */
static void
plan_con(struct arena *a, const struct known *k, struct occimp *im,
    const struct occimp_row *r, struct occimport_line *l)
{
	const struct store_conref	*c;
	size_t				 i;

	l->con = OIA_NONE;
	if (!r->has_contract)
		return;
	for (i = 0; i < k->nsites; i++)
		if (strcasecmp(k->sites[i].name, r->v[OI_SITE]) == 0)
			l->site_id = k->sites[i].id;
	if (l->site_id == 0) {
		occimp_error(a, im, r->line, arena_printf(a, "site \u201c%s\u201d "
		    "is not one of your sites", r->v[OI_SITE]));
		return;
	}
	if ((c = find_con(k, r->v[OI_CONTRACT_REF])) == NULL) {
		l->con = OIA_NEW;
		return;
	}
	if (strcasecmp(c->billing_ref, r->v[OI_BILLING_REF]) != 0)
		occimp_error(a, im, r->line, arena_printf(a, "contract_ref %s "
		    "is another occupier's contract", r->v[OI_CONTRACT_REF]));
	else if (c->site_id != l->site_id || c->start != r->start ||
	    c->end != r->end || c->value != r->value ||
	    c->notice_months != r->notice_months || c->deposit != r->deposit)
		occimp_error(a, im, r->line, arena_printf(a, "contract %s "
		    "already exists with other details: change it on its "
		    "page", r->v[OI_CONTRACT_REF]));
	else
		l->con = OIA_SAME;
}

/* Read the file and plan every line against what the operator has. */
static int
plan(struct arena *a, int64_t op, const struct occimport_in *in,
    struct occimport_out *out)
{
	struct known	 k;
	size_t		 i;

	occimp_read(a, in->data, in->len, &out->im);
	out->line = arena_calloc(a, out->im.n ? out->im.n : 1,
	    sizeof(*out->line));
	if (out->im.n == 0)
		return 1;
	if (store_site_list(a, op, 0, &k.sites, &k.nsites) < 0 ||
	    store_occref_all(a, op, &k.occ, &k.nocc) < 0 ||
	    store_conref_all(a, op, &k.con, &k.ncon) < 0)
		return -1;
	out->occ_new = out->occ_changed = out->occ_same = 0;
	out->con_new = out->con_same = 0;
	for (i = 0; i < out->im.n; i++) {
		plan_occ(&k, &out->im.rows[i], &out->line[i]);
		plan_con(a, &k, &out->im, &out->im.rows[i], &out->line[i]);
		out->occ_new += out->line[i].occ == OIA_NEW;
		out->occ_changed += out->line[i].occ == OIA_CHANGED;
		out->occ_same += out->line[i].occ == OIA_SAME;
		out->con_new += out->line[i].con == OIA_NEW;
		out->con_same += out->line[i].con == OIA_SAME;
	}
	return 1;
}

int
ops_occupier_import_preview(struct ops_ctx *c, const struct occimport_in *in,
    struct occimport_out *out)
{
	memset(out, 0, sizeof(*out));
	return plan(c->t.a, c->t.operator_id, in, out);
}

/* The occupier of line r written: created or updated. 1, 0 refused, -1. */
static int
write_occ(struct txn *t, const struct occimp_row *r, struct occimport_line *l,
    struct ops_result *why)
{
	struct store_occupier	 o, cur;
	struct store_occrec	 rec, old;
	int			 rc;

	line_rec(r, &rec);
	memset(&o, 0, sizeof(o));
	o.name = r->v[OI_NAME];
	o.billing_ref = r->v[OI_BILLING_REF];
	o.contact_email = r->v[OI_CONTACT_EMAIL];
	o.notes = "";
	if (l->occ == OIA_NEW) {
		if (store_occupier_insert(t->operator_id, &o, &l->occ_id) < 0 ||
		    txn_audit(t, l->occ_id, 0, "occupier", l->occ_id, "create",
		    NULL, ops_occupier_text(t->a, &o)) < 0 ||
		    ops_event(t, WH_OCCUPIER_CREATED, l->occ_id, 0, l->occ_id,
		    ops_occupier_text(t->a, &o)) < 0)
			return -1;
		return ops_occrec_write(t, l->occ_id, NULL, &rec);
	}
	if ((rc = store_occupier_get(t->a, t->operator_id, l->occ_id,
	    &cur)) <= 0 || store_occrec_get(t->a, t->operator_id, l->occ_id,
	    &old) < 0)
		return rc < 0 ? -1 : ops_refuse(why, OPS_CONFLICT, "file",
		    "An occupier of the file was deleted meanwhile: nothing was "
		    "imported; import the file again.");
	o.id = cur.id;
	o.version = cur.version;
	o.notes = cur.notes;
	if ((rc = store_occupier_update(t->operator_id, &o)) <= 0)
		return rc < 0 ? -1 : ops_refuse(why, OPS_CONFLICT, "file",
		    "An occupier of the file was changed meanwhile: nothing was "
		    "imported; import the file again.");
	if (txn_audit(t, o.id, 0, "occupier", o.id, "update",
	    ops_occupier_text(t->a, &cur), ops_occupier_text(t->a, &o)) < 0 ||
	    ops_event(t, WH_OCCUPIER_CHANGED, o.id, 0, o.id,
	    ops_occupier_text(t->a, &o)) < 0)
		return -1;
	return ops_occrec_write(t, o.id, &old, &rec);
}

/* The new contract of line r. 1, 0 refused, -1. */
static int
write_con(struct txn *t, const struct occimp_row *r,
    const struct occimport_line *l, struct ops_result *why)
{
	struct store_contract	 c;
	int64_t			 id;
	int			 rc;

	memset(&c, 0, sizeof(c));
	c.occupier_id = l->occ_id;
	c.site_id = l->site_id;
	c.reference = r->v[OI_CONTRACT_REF];
	c.start = r->start;
	c.end = r->end;
	c.value = r->value;
	c.notice_months = r->notice_months;
	c.deposit = r->deposit;
	if ((rc = store_contract_insert(t->operator_id, &c, t->day, &id)) <= 0)
		return rc == -1 ? -1 : ops_refuse(why, OPS_CONFLICT, "file",
		    arena_printf(t->a, "Line %zu: contract %s was added "
		    "meanwhile: nothing was imported; import the file again.",
		    r->line, c.reference));
	if (txn_audit(t, c.occupier_id, c.site_id, "contract", id, "create",
	    NULL, ops_contract_text(t->a, &c)) < 0 ||
	    ops_event(t, WH_CONTRACT_CREATED, c.occupier_id, c.site_id, id,
	    ops_contract_text(t->a, &c)) < 0)
		return -1;
	if (c.value == 0 && c.notice_months == 0 && c.deposit == 0)
		return 1;
	return txn_audit(t, c.occupier_id, c.site_id, "contract", id, "terms",
	    NULL, ops_contract_terms_text(t->a, &c));
}

struct import {
	const struct occimport_in	*in;
	struct occimport_out		*out;
};

static int
import_txn(struct txn *t, void *arg)
{
	struct import		*s = arg;
	struct occimport_out	*out = s->out;
	size_t			 i;
	int			 rc;

	memset(out, 0, sizeof(*out));
	if (plan(t->a, t->operator_id, s->in, out) < 0)
		return -1;
	for (i = 0; i < out->im.nerrs; i++)
		ops_refuse(&out->why, OPS_INVALID, "file", out->im.errs[i].text);
	if (out->im.nerrs > 0)
		return 0;
	if (out->im.n == 0)
		return ops_refuse(&out->why, OPS_INVALID, "file", "The file has "
		    "no occupier: nothing to import.");
	for (i = 0; i < out->im.n; i++) {
		if (out->line[i].occ != OIA_SAME && (rc = write_occ(t,
		    &out->im.rows[i], &out->line[i], &out->why)) <= 0)
			return rc;
		if (out->line[i].con == OIA_NEW && (rc = write_con(t,
		    &out->im.rows[i], &out->line[i], &out->why)) <= 0)
			return rc;
	}
	return 1;
}

int
ops_occupier_import(struct ops_ctx *c, const struct occimport_in *in,
    struct occimport_out *out)
{
	struct import	 s = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, import_txn, &s);
}
