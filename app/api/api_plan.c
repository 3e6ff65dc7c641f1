/*
 * api_plan: /api/v1/occupiers/{id}/sites/{site}/services, the services
 * plan of an occupier at a site: GET reads it as the Manage services
 * dialog opens it (ops_plan_open: its current rows, the rules evaluated),
 * with the plan's version as its ETag; PUT saves the whole plan through
 * the dialog's own operation (ops_plan_save: the rules engine, the lock of
 * invoiced months, one transaction), If-Match required. Rows named by id
 * are the plan's current rows (changed or kept); rows without an id are
 * added; current rows left out are removed. The rules' messages come back
 * as the 422 problem's errors, worded as on the dialog.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/money.h"
#include "../http/http.h"
#include "../ops/billrun.h"
#include "../ops/plan.h"
#include "api.h"

static json_t *
row_json(const struct plan *p, const struct store_occsvc *os, int64_t *total,
    int64_t *cost)
{
	const struct store_service	*s = plan_service(p, os->service_id);
	int64_t				 t = 0, c = 0;

	if (money_mul(os->price, os->qty, &t) != 0)
		t = 0;
	if (s != NULL && money_mul(s->cost, os->qty, &c) != 0)
		c = 0;
	*total += t;
	*cost += c;
	return json_pack("{s:I, s:I, s:s, s:s, s:I, s:s, s:I, s:I, s:I, s:I,"
	    " s:o, s:o, s:o}", "id", (json_int_t)os->id, "service_id",
	    (json_int_t)os->service_id, "code", s != NULL ? s->code : "",
	    "name", s != NULL ? s->name : "", "contract_id",
	    (json_int_t)os->contract_id, "contract_ref", os->contract_ref !=
	    NULL ? os->contract_ref : "", "price", (json_int_t)os->price, "qty",
	    (json_int_t)os->qty, "total", (json_int_t)t, "cost", (json_int_t)c,
	    "start", api_day(os->start), "activated", api_day(os->activated),
	    "ended", api_day(os->ended));
}

static json_t *
infra_json(const struct rules_result *res)
{
	json_t	*a = json_array();
	int	 t;

	for (t = 0; t < INFRA__MAX; t++)
		json_array_append_new(a, json_pack("{s:s, s:I, s:I}", "name",
		    infra_names[t], "in_use", (json_int_t)res->in_use[t],
		    "allocated", (json_int_t)res->allocated[t]));
	return a;
}

static json_t *
plan_json(struct req *r, const struct plan_dialog *d)
{
	json_t	*rows = json_array();
	int64_t	 total = 0, cost = 0;
	size_t	 i;

	for (i = 0; i < d->ncur; i++)
		json_array_append_new(rows, row_json(&d->plan, &d->cur[i],
		    &total, &cost));
	return json_pack("{s:I, s:I, s:I, s:s, s:o, s:{s:I, s:I}, s:o}",
	    "occupier_id", (json_int_t)d->occ, "site_id", (json_int_t)d->site,
	    "version", (json_int_t)d->version, "currency", r->user.currency,
	    "services", rows, "totals", "price", (json_int_t)total, "cost",
	    (json_int_t)cost, "infrastructure", infra_json(&d->res));
}

/* The plan as stored: 1 with out->dlg, or 0 with the answer made. */
static int
plan_open(struct req *r, const struct api_key *k, struct ops_ctx *c,
    struct plan_out *out)
{
	struct plan_in	 in;
	int		 rc;

	if (k->site_id != 0 && k->site_id != r->ids[1]) {
		api_problem(r, 404, "not-found", "Not found",
		    "No such occupier or site.");
		return 0;
	}
	memset(&in, 0, sizeof(in));
	in.occ = r->ids[0];
	in.site = r->ids[1];
	api_ops_ctx(r, k, c);
	if ((rc = ops_plan_open(c, &in, out)) > 0)
		return 1;
	if (rc < 0)
		api_store_error(r);
	else if (out->why.why == OPS_NOT_FOUND)
		api_problem(r, 404, "not-found", "Not found",
		    "No such occupier or site.");
	else
		api_refused(r, &out->why);
	return 0;
}

static void
answer_plan(struct req *r, const struct plan_dialog *d, int64_t case_id)
{
	json_t	*j = plan_json(r, d);

	if (case_id > 0)
		json_object_set_new(j, "case_id", json_integer(case_id));
	api_etag(r, d->version);
	api_json(r, 200, j);
}

void
api_plan(struct req *r, const struct api_key *k)
{
	struct ops_ctx	 c;
	struct plan_out	 out;

	if (plan_open(r, k, &c, &out))
		answer_plan(r, out.dlg, 0);
}

/* An amount in minor units as the dialog's price field holds it. */
static const char *
money_text(struct arena *a, int64_t minor)
{
	char	 buf[32];

	money_format(minor, buf, sizeof(buf));
	return arena_strdup(a, buf);
}

/* A row field of the body: a JSON integer (price: minor units), or a
 * string as the dialog's field takes it ("25.00"); NULL: absent. */
static const char *
row_text(struct arena *a, json_t *row, const char *key, int money)
{
	json_t	*x = json_object_get(row, key);

	if (json_is_string(x))
		return json_string_value(x);
	if (!json_is_integer(x))
		return x == NULL ? NULL : "";
	if (money)
		return money_text(a, json_integer_value(x));
	return arena_printf(a, "%lld", (long long)json_integer_value(x));
}

static int64_t
row_id(json_t *row, const char *key)
{
	json_t	*x = json_object_get(row, key);

	return json_is_integer(x) && json_integer_value(x) > 0 ?
	    json_integer_value(x) : (x == NULL || json_is_null(x) ? 0 : -1);
}

/* Row i of the body over the current plan d: 1, or 0 with why. */
static int
read_row(struct req *r, const struct plan_dialog *d, json_t *row, size_t i,
    struct plan_row_in *in, struct ops_result *why)
{
	const struct store_occsvc	*cur = NULL;
	const struct store_service	*s;
	const char			*f = arena_printf(r->a, "rows[%zu]", i);

	memset(in, 0, sizeof(*in));
	if (!json_is_object(row) || (in->id = row_id(row, "id")) < 0 ||
	    (in->service_id = row_id(row, "service_id")) < 0 ||
	    (in->contract_id = row_id(row, "contract_id")) < 0)
		return ops_refuse(why, OPS_INVALID, f, "A row is an object with"
		    " integer ids (id, service_id, contract_id).");
	if (in->id > 0 && (cur = plan_dialog_current(d, in->id)) == NULL)
		return ops_refuse(why, OPS_INVALID, f, arena_printf(r->a,
		    "Row %lld is not one of the plan's current rows.",
		    (long long)in->id));
	if (cur != NULL && in->service_id == 0)
		in->service_id = cur->service_id;
	if (cur != NULL && in->contract_id == 0)
		in->contract_id = cur->contract_id;
	if (cur == NULL && in->contract_id == 0 && d->ncontracts == 1)
		in->contract_id = d->contracts[0].id;	/* as the dialog adds */
	if (in->service_id == 0)
		return ops_refuse(why, OPS_INVALID, f, "A new row needs its "
		    "service_id.");
	s = plan_service(&d->plan, in->service_id);
	in->price = row_text(r->a, row, "price", 1);
	in->qty = row_text(r->a, row, "qty", 0);
	if (in->price == NULL)	/* kept, or the RRP as the dialog adds */
		in->price = cur != NULL ? money_text(r->a, cur->price) :
		    s != NULL ? money_text(r->a, s->rrp) : "";
	if (in->qty == NULL)
		in->qty = cur != NULL ? arena_printf(r->a, "%lld",
		    (long long)cur->qty) : "1";
	return 1;
}

/* The body's plan as the dialog's form: rows, and the current rows it
 * leaves out as drops. 1, or 0 with the 422 answered. */
static int
read_form(struct req *r, json_t *body, const struct plan_dialog *d,
    struct plan_form *f)
{
	json_t			*rows = json_object_get(body, "rows"), *x;
	struct plan_row_in	*in;
	struct ops_result	 why;
	int64_t			*drops;
	size_t			 i, j, n;

	memset(&why, 0, sizeof(why));
	if (!json_is_array(rows) || json_array_size(rows) > PLAN_ROWS_MAX) {
		ops_refuse(&why, OPS_INVALID, "rows", "rows is an array of at "
		    "most 200 rows.");
		api_refused(r, &why);
		return 0;
	}
	n = json_array_size(rows);
	in = arena_calloc(r->a, n + 1, sizeof(*in));
	json_array_foreach(rows, i, x)
		read_row(r, d, x, i, &in[i], &why);
	drops = arena_calloc(r->a, d->ncur + 1, sizeof(*drops));
	f->ndrops = 0;
	for (i = 0; i < d->ncur; i++) {
		for (j = 0; j < n && in[j].id != d->cur[i].id; j++)
			;
		if (j == n)
			drops[f->ndrops++] = d->cur[i].id;
	}
	if (why.n > 0) {
		api_refused(r, &why);
		return 0;
	}
	f->rows = in;
	f->nrows = n;
	f->drops = drops;
	f->action = PLAN_RECALC;
	return 1;
}

/* The dialog's messages as a 422 problem: each row's, then the plan's. */
static void
answer_invalid(struct req *r, const struct plan_dialog *d)
{
	struct ops_result	 why;
	size_t			 i, j;

	memset(&why, 0, sizeof(why));
	why.why = OPS_INVALID;
	for (i = 0; i < d->nrows; i++)
		for (j = 0; j < d->rows[i].nmsgs; j++)
			ops_refuse(&why, OPS_INVALID, arena_printf(r->a,
			    "rows[%zu]", i), d->rows[i].msgs[j]);
	for (i = 0; i < d->ntop; i++)
		ops_refuse(&why, OPS_INVALID, NULL, d->top[i]);
	if (why.n == 0 && d->ncontracts == 0)
		ops_refuse(&why, OPS_INVALID, NULL, arena_printf(r->a, "%s has "
		    "no current contract at this site. No contract means no "
		    "service: create a contract first.", d->o.name));
	api_refused(r, &why);
}

static int
locked(void *arg, int64_t site, int32_t from, int32_t to, const char **msg)
{
	struct ops_ctx	*c = arg;

	return billrun_locked(&c->t, site, from, to, msg);
}

/* Save f over the plan: answer. */
static void
save(struct req *r, const struct api_key *k, struct ops_ctx *c,
    struct plan_form *f)
{
	struct plan_in	 in;
	struct plan_out	 out;
	int64_t		 case_id;
	int		 rc;

	memset(&in, 0, sizeof(in));
	in.occ = r->ids[0];
	in.site = r->ids[1];
	in.form = f;
	in.locked = locked;
	in.locked_arg = c;
	if ((rc = ops_plan_save(c, &in, &out)) < 0) {
		api_store_error(r);
		return;
	}
	if (rc == 0) {
		if (out.why.why == OPS_CONFLICT)
			api_problem(r, 412, "precondition-failed", "The plan "
			    "changed meanwhile", "If-Match is not the plan's "
			    "current version: read it again.");
		else if (out.why.why == OPS_INVALID && out.dlg != NULL)
			answer_invalid(r, out.dlg);
		else
			api_refused(r, &out.why);
		return;
	}
	case_id = out.needs_case;
	if (plan_open(r, k, c, &out))
		answer_plan(r, out.dlg, case_id);
}

void
api_plan_put(struct req *r, const struct api_key *k)
{
	struct ops_ctx	 c;
	struct plan_out	 cur;
	struct plan_form f;
	json_t		*body;
	int64_t		 want;
	int		 im;

	if (!plan_open(r, k, &c, &cur) || (im = api_if_match(r, &want)) < 0)
		return;
	if (im == 0) {
		api_problem(r, 428, "precondition-required", "If-Match is "
		    "required", "Send the plan's ETag as If-Match: a plan is "
		    "saved whole, over the version it was read at.");
		return;
	}
	if (want != cur.dlg->version) {
		api_problem(r, 412, "precondition-failed", "The plan changed "
		    "meanwhile", "If-Match is not the plan's current version: "
		    "read it again.");
		return;
	}
	memset(&f, 0, sizeof(f));
	f.version = want;
	if ((body = api_body(r)) == NULL || !read_form(r, body, cur.dlg, &f))
		return;
	save(r, k, &c, &f);
}
