/*
 * contract_edit: create (/occupiers/N/sites/S/contracts/new) and edit
 * (/occupiers/N/contracts/C/edit) a contract. An end before the start is
 * refused with a message; a duplicate reference likewise. The save is
 * ops_contract_save (ops/contracts.h), which also moves the contract's
 * services that have not started when its start moves.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/date.h"
#include "../domain/money.h"
#include "../ops/contracts.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "billing_lock.h"
#include "pages.h"

enum contract_field {
	CF_REFERENCE,	/* reference */
	CF_START,	/* start_date */
	CF_END,		/* end_date */
	CF_VERSION,	/* version */
	CF_VALUE,	/* value */
	CF_NOTICE,	/* notice_months */
	CF_DEPOSIT,	/* deposit */
	CF__MAX
};

static const struct field fields[CF__MAX] = {
	[CF_REFERENCE] = { "reference", "Reference", FT_TEXT, 64, 1, 0, 0, NULL, 0 },
	[CF_START] = { "start_date", "Start date", FT_DATE, 10, 1, 0, 0, NULL, 0 },
	[CF_END] = { "end_date", "End date", FT_DATE, 10, 0, 0, 0, NULL, 0 },
	[CF_VERSION] = { "version", "Version", FT_INT, 20, 0, 0, INT32_MAX, NULL, 0 },
	[CF_VALUE] = { "value", "Contract value a month", FT_MONEY, 20, 0, 0, 0, NULL, 0 },
	[CF_NOTICE] = { "notice_months", "Notice period (months)", FT_INT, 2, 0, 0, 24, NULL, 0 },
	[CF_DEPOSIT] = { "deposit", "Deposit", FT_MONEY, 20, 0, 0, 0, NULL, 0 },
};

/* The contract edited (/edit: ids {N, C}) into cur, and its site; or the
 * new one's site (ids {N, S}). 1, or 0 with the response made. */
static int
contract_load(struct req *r, int editing, struct store_contract *cur,
    int64_t *site)
{
	int	 rc;

	memset(cur, 0, sizeof(*cur));
	cur->end = DATE_NONE;
	cur->start = DATE_NONE;
	if (!editing) {
		*site = r->ids[1];
		return 1;
	}
	if ((rc = store_contract_get(r->a, r->user.operator_id, r->ids[1],
	    cur)) < 0) {
		page_store_error(r);
		return 0;
	}
	if (rc == 0 || cur->occupier_id != r->ids[0]) {
		http_error(r, 404);
		return 0;
	}
	*site = cur->site_id;
	return 1;
}

/* The form's header and, on GET, its fields from cur. */
static void
fill_form(struct req *r, struct tpl_dict *d, int editing,
    const struct store_contract *cur, int64_t occ, int64_t site)
{
	char	 date[DATE_STRLEN], m[MONEY_STRLEN];

	if (editing) {
		tpl_show(d, TN_EDITING);
		tpl_set(d, TN_CONTRACT_REF, cur->reference);
		tpl_set(d, TN_ACTION, arena_printf(r->a,
		    "/occupiers/%lld/contracts/%lld/edit", (long long)occ,
		    (long long)cur->id));
	} else {
		tpl_show(d, TN_CREATING);
		tpl_set(d, TN_ACTION, arena_printf(r->a,
		    "/occupiers/%lld/sites/%lld/contracts/new", (long long)occ,
		    (long long)site));
	}
	if (r->method != M_GET)
		return;
	form_fill(r, d, "reference", cur->reference);
	date_format(cur->start, date, sizeof(date));
	form_fill(r, d, "start_date", date);
	date_format(cur->end, date, sizeof(date));
	form_fill(r, d, "end_date", date);
	tpl_set_int(d, TN_F_VERSION, cur->version);
	if (!editing)
		return;
	money_format(cur->value, m, sizeof(m));
	form_fill(r, d, "value", m);
	money_format(cur->deposit, m, sizeof(m));
	form_fill(r, d, "deposit", m);
	tpl_set_int(d, TN_F_NOTICE_MONTHS, cur->notice_months);
}

int
page_contract_read(struct req *r, struct tpl_dict *d,
    struct contract_save_in *in)
{
	struct fval	 v[CF__MAX];
	int		 rc;

	rc = form_read(r, d, fields, CF__MAX, v);
	if (v[CF_START].err == NULL && v[CF_END].err == NULL &&
	    v[CF_END].date != DATE_NONE && v[CF_END].date < v[CF_START].date) {
		form_error(r, d, "end_date", "End date must be on or after the "
		    "start date");
		rc++;
	}
	in->c.reference = v[CF_REFERENCE].s;
	in->c.start = v[CF_START].date;
	in->c.end = v[CF_END].date;
	in->c.version = v[CF_VERSION].i;
	in->c.value = v[CF_VALUE].i;
	in->c.notice_months = v[CF_NOTICE].i;
	in->c.deposit = v[CF_DEPOSIT].i;
	return rc;
}

/* billing_lock_contract for the save: dates moved across an invoiced
 * month. */
static int
locked(void *r, const struct store_contract *old,
    const struct store_contract *new_, const char **msg)
{
	return billing_lock_contract(r, old, new_, msg);
}

void
page_contract_edit(struct req *r)
{
	struct tpl_dict			*d;
	struct store_occupier		 o;
	struct store_contract		 cur;
	struct ops_ctx			 c;
	struct contract_save_in		 in;
	struct contract_save_out	 out;
	int				 rc, editing;
	int64_t				 site;

	editing = strstr(r->path, "/edit") != NULL;
	if (!contract_load(r, editing, &cur, &site) ||
	    (d = page_begin(r, editing ? "Edit contract" : "New contract",
	    "contract_edit.tpl", "occupiers")) == NULL ||
	    !occupier_nav(r, d, r->ids[0], site, "contracts", &o))
		return;
	fill_form(r, d, editing, &cur, o.id, site);
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.c.id = cur.id;
	in.c.occupier_id = o.id;
	in.c.site_id = site;
	if (page_contract_read(r, d, &in) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	if (editing) {
		in.old = &cur;
		in.locked = locked;
		in.locked_arg = r;
	}
	in.overlap_ok = form_has(r, "overlap_ok");
	page_ops_ctx(r, &c);
	if ((rc = ops_contract_save(&c, &in, &out)) > 0) {
		http_redirect(r, arena_printf(r->a,
		    "/occupiers/%lld/sites/%lld/contracts?done=%s",
		    (long long)o.id, (long long)site,
		    editing ? "saved" : "created"));
		return;
	}
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (page_refused_bare(r, &out.why))
		return;
	page_refused(r, d, &out.why);
	if (out.why.why == OPS_CONFLICT)
		tpl_set_int(d, TN_F_VERSION, cur.version);
	if (out.overlaps != NULL)
		tpl_set(tpl_section(d, TN_OVERLAP), TN_REFERENCE,
		    out.overlaps);
	page_end(r);
}
