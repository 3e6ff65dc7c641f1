/*
 * ops/contracts: see contracts.h.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/money.h"
#include "../domain/svcstart.h"
#include "../domain/validate.h"
#include "../store/store_device.h"
#include "../store/store_estate.h"
#include "contracts.h"
#include "webhooks.h"

char *
ops_contract_text(struct arena *a, const struct store_contract *c)
{
	char	 s[DATE_STRLEN], e[DATE_STRLEN];

	date_format(c->start, s, sizeof(s));
	date_format(c->end, e, sizeof(e));
	return arena_printf(a, "reference=%s\nstart_date=%s\nend_date=%s",
	    c->reference, s, e);
}

/* The terms of a contract, audited apart ("terms") when they change. */
char *
ops_contract_terms_text(struct arena *a, const struct store_contract *c)
{
	char	 v[MONEY_STRLEN], d[MONEY_STRLEN];

	money_format(c->value, v, sizeof(v));
	money_format(c->deposit, d, sizeof(d));
	return arena_printf(a, "value=%s\nnotice_months=%lld\ndeposit=%s", v,
	    (long long)c->notice_months, d);
}

static int
terms_changed(const struct store_contract *old, const struct store_contract *c)
{
	if (old == NULL)
		return c->value != 0 || c->notice_months != 0 || c->deposit != 0;
	return old->value != c->value || old->notice_months !=
	    c->notice_months || old->deposit != c->deposit;
}

static char *
move_text(struct arena *a, const char *name, int32_t start,
    int32_t activated)
{
	char	 s[DATE_STRLEN], d[DATE_STRLEN];

	date_format(start, s, sizeof(s));
	date_format(activated, d, sizeof(d));
	return arena_printf(a, "service=%s\nstart_date=%s\nactivated=%s",
	    name, s, d);
}

/* After the contract's update: move the services of contract c that have
 * not started to its new start. 1 ok, -1 error. */
static int
move_services(struct txn *t, const struct store_contract *c)
{
	struct store_unstarted	*u;
	size_t			 n, i;
	int32_t			 act;

	if (store_occsvc_unstarted(t->a, t->operator_id, c->id, t->day, &u,
	    &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		act = u[i].activated == DATE_NONE ? DATE_NONE :
		    svcstart_day(c->start, t->day);
		if (u[i].start == c->start && u[i].activated == act)
			continue;
		if (store_occsvc_move(t->operator_id, u[i].id, c->start,
		    act) < 0 ||
		    txn_audit(t, c->occupier_id, c->site_id,
		    "occupier_service", u[i].id, "move", move_text(t->a,
		    u[i].name, u[i].start, u[i].activated), move_text(t->a,
		    u[i].name, c->start, act)) < 0)
			return -1;
	}
	return 1;
}

struct save {
	const struct contract_save_in	*in;
	struct contract_save_out	*out;
};

/* The edit: the plan's row first when the start moves, as every writer of
 * its services locks it (the Manage services save, the floor ports), then
 * the contract, then its services. The store's answer: 1, 0 (changed
 * meanwhile, or not found), -2 (reference taken), -1. */
static int
update(struct txn *t, const struct store_contract *old,
    const struct store_contract *c)
{
	int	 rc = 1;

	if (c->start != old->start)
		rc = store_device_plan_lock(t->a, t->operator_id,
		    c->occupier_id, c->site_id);
	if (rc > 0)
		rc = store_contract_update(t->operator_id, c);
	if (rc > 0 && c->start != old->start)
		rc = move_services(t, c);
	return rc;
}

/* The warning of dates overlapping another contract of the occupier at
 * the site: 0 (refused), 1 none, -1. */
static int
overlap(struct txn *t, struct save *s)
{
	const struct store_contract	*c = &s->in->c;
	struct store_contract		*l;
	char				 a[DATE_STRLEN], b[DATE_STRLEN];
	size_t				 n, i;

	if (store_contract_list(t->a, t->operator_id, c->occupier_id,
	    c->site_id, &l, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if ((s->in->old != NULL && l[i].id == s->in->old->id) ||
		    !validate_ranges_overlap(c->start, c->end, l[i].start,
		    l[i].end))
			continue;
		date_format(l[i].start, a, sizeof(a));
		date_format(l[i].end, b, sizeof(b));
		s->out->overlaps = l[i].reference;
		return ops_refuse(&s->out->why, OPS_INVALID, "start_date",
		    arena_printf(t->a, "The dates overlap contract %s (%s to "
		    "%s) of this occupier at this site: tick \u201cSave "
		    "anyway\u201d if both are meant", l[i].reference, a,
		    l[i].end == DATE_NONE ? "open" : b));
	}
	return 1;
}

/* A new contract only at a site in use (not archived), read under a
 * shared lock so that the site's archiving waits for this transaction:
 * 1 in use, 0 refused (or not the operator's), -1. */
static int
site_in_use(struct txn *t, struct save *s)
{
	const char	*name;
	int32_t		 archived;
	int		 rc;

	if ((rc = store_estate_site_archived(t->a, t->operator_id,
	    s->in->c.site_id, &name, &archived)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	if (archived == DATE_NONE)
		return 1;
	return ops_refuse(&s->out->why, OPS_INVALID, "site", arena_printf(t->a,
	    "%s is archived: it takes no new contract (an operator admin can "
	    "restore it on its site page)", name));
}

/* The dates of a contract whose move-out ran are history: its services
 * ended, its numbers, ports and addresses were released on its end date.
 * The contract as read for the edit says so; a move-out that runs after
 * that read changes its version, which the update checks. 1 not moved
 * out, 0 refused. */
static int
moved_out(struct txn *t, struct save *s)
{
	char		 d[DATE_STRLEN];

	if (s->in->old->moved_out == DATE_NONE)
		return 1;
	date_format(s->in->old->moved_out, d, sizeof(d));
	return ops_refuse(&s->out->why, OPS_INVALID, "end_date",
	    arena_printf(t->a, "This contract was moved out on %s: its "
	    "services ended and its numbers, ports and addresses were "
	    "released, so its dates can no longer change. Add a new contract "
	    "to go on at this site", d));
}

static int
save_txn(struct txn *t, void *arg)
{
	struct save			*s = arg;
	const struct contract_save_in	*in = s->in;
	const char			*locked;
	int				 rc;

	memset(&s->out->why, 0, sizeof(s->out->why));
	/* A moved-out contract's dates are history, whichever month. */
	if (in->old != NULL && (in->c.start != in->old->start ||
	    in->c.end != in->old->end) && (rc = moved_out(t, s)) <= 0)
		return rc;
	/* Dates may not move into or out of an invoiced, locked month. */
	if (in->old != NULL && in->locked != NULL &&
	    (rc = in->locked(in->locked_arg, in->old, &in->c, &locked)) != 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_INVALID, NULL,
		    locked);
	if (in->old == NULL && (rc = site_in_use(t, s)) <= 0)
		return rc;
	if (!in->overlap_ok && (rc = overlap(t, s)) <= 0)
		return rc;
	if (in->old != NULL) {
		rc = update(t, in->old, &in->c);
		s->out->id = in->old->id;
	} else
		rc = store_contract_insert(t->operator_id, &in->c, t->day,
		    &s->out->id);
	if (rc == -2)
		return ops_refuse(&s->out->why, OPS_INVALID, "reference",
		    "Reference is already used by another contract");
	if (rc == 0 && in->old != NULL)
		return ops_refuse(&s->out->why, OPS_CONFLICT, NULL, "This "
		    "contract was changed by someone else while you were "
		    "editing. Your changes were not saved: the form below "
		    "still holds them; save again to overwrite.");
	if (rc <= 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	if (txn_audit(t, in->c.occupier_id, in->c.site_id, "contract",
	    s->out->id, in->old != NULL ? "update" : "create",
	    in->old != NULL ? ops_contract_text(t->a, in->old) : NULL,
	    ops_contract_text(t->a, &in->c)) < 0 ||
	    ops_event(t, in->old != NULL ? WH_CONTRACT_CHANGED :
	    WH_CONTRACT_CREATED, in->c.occupier_id, in->c.site_id, s->out->id,
	    ops_contract_text(t->a, &in->c)) < 0)
		return -1;
	if (!terms_changed(in->old, &in->c))
		return 1;
	return txn_audit(t, in->c.occupier_id, in->c.site_id, "contract",
	    s->out->id, "terms", in->old != NULL ?
	    ops_contract_terms_text(t->a, in->old) : NULL,
	    ops_contract_terms_text(t->a, &in->c));
}

int
ops_contract_save(struct ops_ctx *c, const struct contract_save_in *in,
    struct contract_save_out *out)
{
	struct save	 s = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, save_txn, &s);
}
