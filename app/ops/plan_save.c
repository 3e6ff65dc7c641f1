/*
 * ops/plan_save: the Manage services save, ops_plan_save (plan.h; domain
 * §4): one transaction through db_txn, which runs it again whole after a
 * deadlock or a lost connection.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/ledger.h"
#include "../domain/money.h"
#include "../domain/planform.h"
#include "../domain/svcstart.h"
#include "../notify.h"
#include "../store/store_device.h"
#include "../store/store_ledger.h"
#include "../store/store_phone.h"
#include "plan.h"
#include "plan_int.h"
#include "webhooks.h"

/* One run of the save's transaction. */
struct save {
	const struct plan_in		*in;
	struct plan_dialog		*d;
	struct store_ledger_batch	 lb;
	int				*start;	/* row j starts now */
	enum ops_why			 why;	/* refused: why */
	int64_t				 needs_case;
	int				 unchanged;	/* nothing to save */
};

static int
refused(struct save *s, enum ops_why why)
{
	s->why = why;
	return 0;
}

static char *
audit_row(struct arena *a, const struct store_service *s, const char *ref,
    int64_t price, int64_t qty)
{
	char	 b[MONEY_STRLEN];

	money_format(price, b, sizeof(b));
	return arena_printf(a, "service=%s\ncontract=%s\nprice=%s\nqty=%lld",
	    s ? s->name : "?", ref, b, (long long)qty);
}

static char *
audit_activate(struct arena *a, const struct store_service *s, int32_t day)
{
	char	 d[DATE_STRLEN];

	date_format(day, d, sizeof(d));
	return arena_printf(a, "service=%s\nactivated=%s", s ? s->name : "?",
	    d);
}

/* QTY of Voice services among the current rows / the plan's rows. */
static int64_t
voice_qty_current(const struct plan_dialog *d)
{
	const struct store_service	*s;
	int64_t				 q = 0;
	size_t				 i;

	for (i = 0; i < d->ncur; i++)
		if ((s = plan_service(&d->plan, d->cur[i].service_id)) !=
		    NULL && svc_category_parse(s->category) == CAT_VOICE)
			q += d->cur[i].qty;
	return q;
}

static int64_t
voice_qty_plan(const struct plan_dialog *d)
{
	int64_t	 q = 0;
	size_t	 i;

	for (i = 0; i < d->nrows; i++)
		if (d->rows[i].svc != NULL &&
		    svc_category_parse(d->rows[i].svc->category) == CAT_VOICE)
			q += d->rows[i].qty;
	return q;
}

/* The numbers the first voice service activated (today), e-mailed to the
 * occupier in the save's transaction. 1, -1. */
static int
numbers_mail(const struct txn *t, const struct plan_dialog *d)
{
	struct store_phone	*p;
	const char		**nums;
	size_t			 n, i, k = 0;

	if (store_phone_list_occupier(t->a, t->operator_id, d->occ, d->site,
	    t->day, &p, &n) < 0)
		return -1;
	nums = arena_calloc(t->a, n ? n : 1, sizeof(*nums));
	for (i = 0; i < n; i++)
		if (p[i].state == PHONE_ACTIVE && p[i].activated_at == t->day)
			nums[k++] = p[i].number;
	return notify_numbers_activated(t->a, t->operator_id, d->occ, d->site,
	    nums, k, t->now);
}

/* The charge ledger's row in force of current row c (into buf), or NULL. */
static const struct ledger_row *
ledger_open(const struct store_occsvc *c, struct ledger_row *buf)
{
	if (c->ledger_from == DATE_NONE)
		return NULL;
	buf->occsvc_id = c->id;
	buf->from = c->ledger_from;
	buf->to = DATE_NONE;
	buf->price = c->ledger_price;
	buf->qty = c->ledger_qty;
	return buf;
}

/* Queue the ledger rows of a new price and QTY of service id (open: its
 * row in force, NULL for a new service), in force from today. */
static int
ledger_set(const struct txn *t, struct save *s, const struct ledger_row *open,
    int64_t id, int64_t price, int64_t qty)
{
	struct ledger_row	 out[2];
	size_t			 i, n;

	n = ledger_change(open, id, t->day, price, qty, out);
	for (i = 0; i < n; i++)
		if (store_ledger_queue(&s->lb, s->d->occ, s->d->site,
		    &out[i]) < 0)
			return -1;
	return 1;
}

/*
 * Which of the plan's services waiting for a device start with this save,
 * on active switch ports that no started service holds (svcstart.h): the
 * port of a service this save removes, or a port activated before the
 * service was added. start[j] is set for row j.
 */
static void
device_starts(const struct txn *t, const struct plan_dialog *d, int *start)
{
	struct svcstart_item	*w;
	size_t			*wrow, nw = 0, j;
	int64_t			 held = 0, ports;

	w = arena_calloc(t->a, d->nrows + 1, sizeof(*w));
	wrow = arena_calloc(t->a, d->nrows + 1, sizeof(*wrow));
	for (j = 0; j < d->nrows; j++) {
		const struct plan_row *row = &d->rows[j];

		start[j] = 0;
		if (row->svc == NULL || !row->svc->needs_device)
			continue;
		ports = row->svc->ent[INFRA_SWITCH_PORTS] * row->qty;
		if (row->id > 0 && row->cur->activated != DATE_NONE) {
			held += ports;
			continue;
		}
		w[nw].ports = ports;
		wrow[nw++] = j;
	}
	svcstart_on_ports(d->plan.state.in_use[INFRA_SWITCH_PORTS], held, w,
	    nw);
	for (j = 0; j < nw; j++)
		start[wrow[j]] = w[j].start;
}

/* 1 when the plan's rows keep current row id. */
static int
row_kept(const struct plan_dialog *d, int64_t id)
{
	size_t	 j;

	for (j = 0; j < d->nrows; j++)
		if (d->rows[j].id == id)
			return 1;
	return 0;
}

/* Removed: the current rows the plan no longer holds. 1, -1. */
static int
save_removed(struct txn *t, struct save *s)
{
	const struct plan_dialog	*d = s->d;
	struct ledger_row		 lr, closed;
	size_t				 i;

	for (i = 0; i < d->ncur; i++) {
		const struct store_occsvc *c = &d->cur[i];

		if (row_kept(d, c->id))
			continue;
		/* Never started (no charge ever): it goes, with its ledger
		 * rows; else it ends today and stays as Inactive (previously
		 * provisioned), its ledger row closed today: the removal day
		 * is not charged. */
		if (c->activated == DATE_NONE || c->activated > t->day) {
			if (store_occsvc_delete(t->operator_id, c->id,
			    t->day) <= 0)
				return -1;
		} else {
			if (store_occsvc_end(t->operator_id, c->id, t->day,
			    t->user_id) <= 0)
				return -1;
			if (ledger_open(c, &lr) != NULL) {
				ledger_close(&lr, t->day, &closed);
				if (store_ledger_queue(&s->lb, d->occ, d->site,
				    &closed) < 0)
					return -1;
			}
		}
		if (txn_audit(t, d->occ, d->site, "occupier_service", c->id,
		    "remove", audit_row(t->a, plan_service(&d->plan,
		    c->service_id), c->contract_ref, c->price, c->qty),
		    NULL) < 0)
			return -1;
	}
	return 1;
}

/* A current row the plan keeps, row j: started on a free port, a new
 * price or QTY. 1, -1. */
static int
save_kept(struct txn *t, struct save *s, size_t j)
{
	const struct plan_dialog	*d = s->d;
	const struct plan_row		*row = &d->rows[j];
	struct ledger_row		 lr;
	int32_t				 day;

	if (s->start[j]) {
		/* Waiting for a device: a free active port starts it
		 * (device_starts). */
		day = svcstart_day(row->cur->start, t->day);
		if (store_occsvc_activate(t->operator_id, row->id, day) <= 0 ||
		    txn_audit(t, d->occ, d->site, "occupier_service", row->id,
		    "activate", NULL, audit_activate(t->a, row->svc, day)) < 0)
			return -1;
	}
	if (row->price == row->cur->price && row->qty == row->cur->qty)
		return 1;
	if (store_occsvc_update(t->operator_id, row->id, row->price, row->qty,
	    t->user_id) <= 0 ||
	    ledger_set(t, s, ledger_open(row->cur, &lr), row->id, row->price,
	    row->qty) < 0)
		return -1;
	return txn_audit(t, d->occ, d->site, "occupier_service", row->id,
	    "update", audit_row(t->a, row->svc, row->cur->contract_ref,
	    row->cur->price, row->cur->qty), audit_row(t->a, row->svc,
	    row->cur->contract_ref, row->price, row->qty)) < 0 ? -1 : 1;
}

/* A new row of the plan, row j. 1, -1. */
static int
save_added(struct txn *t, struct save *s, size_t j)
{
	const struct plan_dialog	*d = s->d;
	const struct plan_row		*row = &d->rows[j];
	const struct store_contract	*con;
	struct store_occsvc		 n;
	int64_t				 id;

	con = plan_dialog_contract(d, row->contract_id);
	memset(&n, 0, sizeof(n));
	n.service_id = row->service_id;
	n.contract_id = row->contract_id;
	n.price = row->price;
	n.qty = row->qty;
	n.start = con->start;	/* never typed: the contract's */
	/* Seed, Start date: a future start is when the service and its
	 * charges begin; a past or present start begins at activation, which
	 * is now for services that need no device. Services that need a
	 * device start when it is activated, or now on a free active port
	 * (device_starts), on the contract's start if that is in the
	 * future. */
	if (row->svc->needs_device && !s->start[j])
		n.activated = DATE_NONE;
	else
		n.activated = svcstart_day(con->start, t->day);
	if (store_occsvc_insert(t->operator_id, d->occ, d->site, &n,
	    t->user_id, &id) < 0 ||
	    ledger_set(t, s, NULL, id, row->price, row->qty) < 0 ||
	    txn_audit(t, d->occ, d->site, "occupier_service", id, "add", NULL,
	    audit_row(t->a, row->svc, con->reference, row->price,
	    row->qty)) < 0)
		return -1;
	if (row->svc->needs_device && s->start[j] &&
	    txn_audit(t, d->occ, d->site, "occupier_service", id, "activate",
	    NULL, audit_activate(t->a, row->svc, n.activated)) < 0)
		return -1;
	if (row->svc->needs_case)
		s->needs_case = row->service_id;
	return 1;
}

/* Seed: "Adding voice services for the first time for this occupier at
 * this site allocates and activates phone numbers automatically". 1, 0
 * refused (too few numbers), -1. */
static int
save_voice(struct txn *t, struct save *s)
{
	struct plan_dialog	*d = s->d;
	int64_t			 need, got = 0;
	int			 rc;

	need = planform_voice_numbers(voice_qty_current(d), voice_qty_plan(d),
	    d->plan.state.in_use[INFRA_PHONE_EXT]);
	if (need == 0)
		return 1;
	rc = store_phone_voice_first(t->a, t->operator_id, d->occ, d->site,
	    need, t->day, &got);
	if (rc == -2) {
		plan_top_msg(d, arena_printf(t->a, "Not enough phone numbers "
		    "at this site: %lld needed, %lld available. Nothing was "
		    "saved: add numbers to the site pool or lower the Voice "
		    "line QTY.", (long long)need, (long long)got));
		return refused(s, OPS_INVALID);
	}
	if (rc < 0)
		return -1;
	if (got > 0 && numbers_mail(t, d) < 0)
		return -1;
	return 1;
}

/* Public IP addresses come from the site's pool with the service; nothing
 * to lock or change when the occupier holds as many as the plan allocates
 * (counted under the plan's lock by plan_load). 1, 0 refused, -1. */
static int
save_ips(struct txn *t, struct save *s)
{
	struct plan_dialog	*d = s->d;
	int64_t			 want = d->res.allocated[INFRA_PUBLIC_IP];
	int64_t			 have = 0;
	int			 rc;

	if (d->plan.ips_held == want)
		return 1;
	rc = store_public_ip_sync(t->a, t->operator_id, d->occ, d->site, want,
	    &have);
	if (rc == -2) {
		plan_top_msg(d, arena_printf(t->a, "Public IP addresses: %lld "
		    "needed but the site pool cannot provide them (the "
		    "occupier holds %lld). Nothing was saved.",
		    (long long)want, (long long)have));
		return refused(s, OPS_INVALID);
	}
	return rc < 0 ? -1 : 1;
}

/* The writes of a save the checks let through. 1, 0 refused, -1. */
static int
save_writes(struct txn *t, struct save *s)
{
	const struct plan_dialog	*d = s->d;
	size_t				 j;
	int				 rc;

	store_ledger_begin(&s->lb, t->operator_id);
	s->start = arena_calloc(t->a, d->nrows + 1, sizeof(*s->start));
	device_starts(t, d, s->start);
	if (save_removed(t, s) < 0)
		return -1;
	for (j = 0; j < d->nrows; j++)
		if ((d->rows[j].id > 0 ? save_kept(t, s, j) :
		    save_added(t, s, j)) < 0)
			return -1;
	/* The rows' events, in the order of the changes, before any other;
	 * the ledger's rows. */
	if (txn_audit_flush(t) < 0 || store_ledger_flush(&s->lb) < 0)
		return -1;
	if ((rc = save_voice(t, s)) <= 0 || (rc = save_ips(t, s)) <= 0)
		return rc;
	if (ops_event(t, WH_SERVICE_PLAN_CHANGED, d->occ, d->site, d->occ,
	    arena_printf(t->a, "version=%lld\nservices=%zu",
	    (long long)d->version + 1, d->nrows)) < 0)
		return -1;
	return store_plan_bump(t->operator_id, d->occ, d->site) < 0 ? -1 : 1;
}

/* The save's transaction (db_txn): from the form each time it runs. */
static int
save_txn(struct txn *t, void *arg)
{
	struct save		*s = arg;
	struct plan_dialog	*d;
	const char		*locked;
	int			 rc;

	s->why = OPS_OK;
	s->needs_case = 0;
	s->unchanged = 0;
	d = s->d = plan_dlg_new(t, s->in);
	/* The version row is locked first: concurrent saves serialize here. */
	if ((rc = plan_dlg_lock(t, d)) <= 0)
		return rc < 0 ? -1 : refused(s, OPS_NOT_FOUND);
	if (d->version != s->in->form->version)
		return refused(s, OPS_CONFLICT);
	/* Same version: the rows are those the form started from, so a form
	 * that names one twice, one of another plan, or misses one was not
	 * made by the dialog. Nothing is evaluated or written. */
	plan_rows_form(d, s->in->form);
	if (!plan_form_names(t, d))
		return refused(s, OPS_BAD_FORM);
	/* A change takes effect today: refused in an invoiced, locked month. */
	if (s->in->locked != NULL && (rc = s->in->locked(s->in->locked_arg,
	    d->site, t->day, t->day, &locked)) != 0) {
		if (rc < 0)
			return -1;
		plan_top_msg(d, locked);
		return refused(s, OPS_INVALID);
	}
	plan_evaluate(t, d);
	if (d->errors > 0)
		return refused(s, OPS_INVALID);
	if (!d->changed) {
		s->unchanged = 1;	/* an empty save writes nothing */
		return 1;
	}
	return save_writes(t, s);
}

/* Another save came first: the current plan, as the dialog shows it. */
static int
save_conflict(struct ops_ctx *c, const struct plan_in *in,
    struct plan_out *out)
{
	struct plan_dialog	*d = plan_dlg_new(&c->t, in);
	int			 rc;

	if ((rc = plan_dlg_read(&c->t, d)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&out->why, OPS_NOT_FOUND, NULL,
		    NULL);
	plan_rows_current(&c->t, d);
	plan_evaluate(&c->t, d);
	out->dlg = d;
	return ops_refuse(&out->why, OPS_CONFLICT, NULL, "These services were "
	    "changed by someone else while you were editing (changed "
	    "meanwhile). Nothing was saved: the current services are shown "
	    "below. Make your changes again and save.");
}

/* The checks failed against the latest state: the dialog with its
 * messages and the occupier it is for. */
static int
save_invalid(struct ops_ctx *c, struct plan_dialog *d, struct plan_out *out)
{
	int	 rc;

	if ((rc = plan_occupier(&c->t, d->occ, d->site, &d->o)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&out->why, OPS_NOT_FOUND, NULL,
		    NULL);
	out->dlg = d;
	return ops_refuse(&out->why, OPS_INVALID, NULL, NULL);
}

int
ops_plan_save(struct ops_ctx *c, const struct plan_in *in,
    struct plan_out *out)
{
	struct save	 s;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (in->form == NULL || in->unreadable ||
	    !plan_form_readable(&c->t, in->form))
		return plan_unreadable(c, in, out);
	memset(&s, 0, sizeof(s));
	s.in = in;
	if ((rc = db_txn(&c->t, save_txn, &s)) != 0) {
		out->needs_case = rc > 0 ? s.needs_case : 0;
		out->unchanged = rc > 0 && s.unchanged;
		return rc;
	}
	switch (s.why) {
	case OPS_CONFLICT:
		return save_conflict(c, in, out);
	case OPS_BAD_FORM:
		return ops_refuse(&out->why, OPS_BAD_FORM, NULL, "The services "
		    "form could not be read: it does not hold the occupier's "
		    "services as the dialog showed them. Nothing was saved; "
		    "open Manage services again.");
	case OPS_INVALID:
		return save_invalid(c, s.d, out);
	default:
		return ops_refuse(&out->why, OPS_NOT_FOUND, NULL, NULL);
	}
}
