/*
 * contract_edit: create (/occupiers/N/sites/S/contracts/new) and edit
 * (/occupiers/N/contracts/C/edit) a contract. An end before the start is
 * refused with a message; a duplicate reference likewise.
 *
 * A service's start date is its contract's start (seed: "its start date
 * specifies when the service and its associated charges begin"), so
 * moving a contract's start moves its services that have not started, in
 * the same transaction, each with an audit event: their start date, and
 * the day they start (when it is set) to the new start, or to today when
 * the new start is already past (charges never reach back into days that
 * are over). Services that have started keep their days.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/date.h"
#include "../domain/svcstart.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_device.h"
#include "../tpl/tpl.h"
#include "billing_lock.h"
#include "pages.h"

enum contract_field {
	CF_REFERENCE,	/* reference */
	CF_START,	/* start_date */
	CF_END,		/* end_date */
	CF_VERSION,	/* version */
	CF__MAX
};

static const struct field fields[CF__MAX] = {
	[CF_REFERENCE] = { "reference", "Reference", FT_TEXT, 64, 1, 0, 0, NULL },
	[CF_START] = { "start_date", "Start date", FT_DATE, 10, 1, 0, 0, NULL },
	[CF_END] = { "end_date", "End date", FT_DATE, 10, 0, 0, 0, NULL },
	[CF_VERSION] = { "version", "Version", FT_INT, 20, 0, 0, INT32_MAX, NULL },
};

static char *
audit_text(struct req *r, const struct store_contract *c)
{
	char	 s[DATE_STRLEN], e[DATE_STRLEN];

	date_format(c->start, s, sizeof(s));
	date_format(c->end, e, sizeof(e));
	return arena_printf(r->a, "reference=%s\nstart_date=%s\nend_date=%s",
	    c->reference, s, e);
}

static char *
move_text(struct req *r, const char *name, int32_t start, int32_t activated)
{
	char	 s[DATE_STRLEN], a[DATE_STRLEN];

	date_format(start, s, sizeof(s));
	date_format(activated, a, sizeof(a));
	return arena_printf(r->a, "service=%s\nstart_date=%s\nactivated=%s",
	    name, s, a);
}

/* Inside the transaction, after the contract's update: move the services
 * of contract c that have not started to its new start. 1 ok, -1 error. */
static int
move_services(struct req *r, const struct store_contract *c)
{
	struct store_unstarted	*u;
	size_t			 n, i;
	int32_t			 act;

	if (store_occsvc_unstarted(r->a, r->user.operator_id, c->id, r->today,
	    &u, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		act = u[i].activated == DATE_NONE ? DATE_NONE :
		    svcstart_day(c->start, r->today);
		if (u[i].start == c->start && u[i].activated == act)
			continue;
		if (store_occsvc_move(r->user.operator_id, u[i].id, c->start,
		    act) < 0 ||
		    store_audit(r->user.operator_id, c->occupier_id, c->site_id,
		    r->user.id, "occupier_service", u[i].id, "move",
		    move_text(r, u[i].name, u[i].start, u[i].activated),
		    move_text(r, u[i].name, c->start, act)) < 0)
			return -1;
	}
	return 1;
}

void
page_contract_edit(struct req *r)
{
	struct tpl_dict		*d;
	struct store_occupier	 o;
	struct store_contract	 cur, c;
	struct fval		 v[CF__MAX];
	char			 date[DATE_STRLEN];
	int			 editing, rc;
	int64_t			 site, id = 0;

	/* /occupiers/N/contracts/C/edit has ids {N, C}; new has {N, S}. */
	editing = strstr(r->path, "/edit") != NULL;
	memset(&cur, 0, sizeof(cur));
	cur.end = DATE_NONE;
	cur.start = DATE_NONE;
	if (editing) {
		if ((rc = store_contract_get(r->a, r->user.operator_id,
		    r->ids[1], &cur)) < 0) {
			page_store_error(r);
			return;
		}
		if (rc == 0 || cur.occupier_id != r->ids[0]) {
			http_error(r, 404);
			return;
		}
		site = cur.site_id;
	} else
		site = r->ids[1];
	d = page_begin(r, editing ? "Edit contract" : "New contract",
	    "contract_edit.tpl", "occupiers");
	if (d == NULL)
		return;
	if (!occupier_nav(r, d, r->ids[0], site, "contracts", &o))
		return;
	if (editing) {
		tpl_show(d, TN_EDITING);
		tpl_set(d, TN_CONTRACT_REF, cur.reference);
		tpl_set(d, TN_ACTION, arena_printf(r->a,
		    "/occupiers/%lld/contracts/%lld/edit", (long long)o.id,
		    (long long)cur.id));
	} else {
		tpl_show(d, TN_CREATING);
		tpl_set(d, TN_ACTION, arena_printf(r->a,
		    "/occupiers/%lld/sites/%lld/contracts/new", (long long)o.id,
		    (long long)site));
	}
	if (r->method == M_GET) {
		form_fill(r, d, "reference", cur.reference);
		date_format(cur.start, date, sizeof(date));
		form_fill(r, d, "start_date", date);
		date_format(cur.end, date, sizeof(date));
		form_fill(r, d, "end_date", date);
		tpl_set_int(d, TN_F_VERSION, cur.version);
		page_end(r);
		return;
	}
	rc = form_read(r, d, fields, CF__MAX, v);
	if (v[CF_START].err == NULL && v[CF_END].err == NULL &&
	    v[CF_END].date != DATE_NONE && v[CF_END].date < v[CF_START].date) {
		form_error(r, d, "end_date", "End date must be on or after the "
		    "start date");
		rc++;
	}
	if (rc > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	memset(&c, 0, sizeof(c));
	c.id = cur.id;
	c.occupier_id = o.id;
	c.site_id = site;
	c.reference = v[CF_REFERENCE].s;
	c.start = v[CF_START].date;
	c.end = v[CF_END].date;
	c.version = v[CF_VERSION].i;
	if (db_begin() < 0) {
		page_store_error(r);
		return;
	}
	/* Dates may not move into or out of an invoiced, locked month. */
	if (editing) {
		const char *locked;

		if ((rc = billing_lock_contract(r, &cur, &c, &locked)) != 0) {
			db_rollback();
			if (rc < 0) {
				page_store_error(r);
				return;
			}
			r->status = 422;
			form_error(r, d, NULL, locked);
			page_end(r);
			return;
		}
	}
	if (editing) {
		/* The plan's row first, as every writer of its services
		 * locks it (the Manage services save, the floor ports). */
		rc = 1;
		if (c.start != cur.start)
			rc = store_device_plan_lock(r->a, r->user.operator_id,
			    o.id, site);
		if (rc > 0)
			rc = store_contract_update(r->user.operator_id, &c);
		if (rc > 0 && c.start != cur.start)
			rc = move_services(r, &c);
		id = cur.id;
	} else
		rc = store_contract_insert(r->user.operator_id, &c, &id);
	if (rc > 0)
		rc = store_audit(r->user.operator_id, o.id, site, r->user.id,
		    "contract", id, editing ? "update" : "create",
		    editing ? audit_text(r, &cur) : NULL, audit_text(r, &c));
	if (rc > 0 && db_commit() > 0) {
		http_redirect(r, arena_printf(r->a,
		    "/occupiers/%lld/sites/%lld/contracts?done=%s",
		    (long long)o.id, (long long)site,
		    editing ? "saved" : "created"));
		return;
	}
	db_rollback();
	if (rc == -2) {
		r->status = 422;
		form_error(r, d, "reference", "Reference is already used by "
		    "another contract");
	} else if (rc == 0 && editing) {
		r->status = 409;
		tpl_set_int(d, TN_F_VERSION, cur.version);
		form_error(r, d, NULL, "This contract was changed by someone "
		    "else while you were editing. Your changes were not saved: "
		    "the form below still holds them; save again to overwrite.");
	} else if (rc == 0) {
		http_error(r, 404);
		return;
	} else {
		page_store_error(r);
		return;
	}
	page_end(r);
}
