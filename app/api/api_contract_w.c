/*
 * api_contract_w: POST /api/v1/contracts (create) and PATCH
 * /api/v1/contracts/{id} (change, If-Match), through ops_contract_save,
 * the operation of the contract form, with the form's field rules, the
 * lock of invoiced months and the overlap warning (refused unless the
 * body confirms it with "confirm_overlap": true). Dates are YYYY-MM-DD,
 * amounts minor units.
 */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/money.h"
#include "../domain/validate.h"
#include "../http/http.h"
#include "../ops/billrun.h"
#include "../ops/contracts.h"
#include "../store/store.h"
#include "api.h"

enum cw_field { CW_REF, CW_START, CW_END, CW_VALUE, CW_NOTICE, CW_DEPOSIT,
    CW__MAX };

/* The contract form's own rules (pages/contract_edit.c). */
static const struct field fields[CW__MAX] = {
	[CW_REF] = { "reference", "Reference", FT_TEXT, 64, 1, 0, 0, NULL, 0 },
	[CW_START] = { "start", "Start date", FT_DATE, 10, 1, 0, 0, NULL, 0 },
	[CW_END] = { "end", "End date", FT_DATE, 10, 0, 0, 0, NULL, 0 },
	[CW_VALUE] = { "value", "Contract value a month", FT_MONEY, 20, 0, 0, 0, NULL, 0 },
	[CW_NOTICE] = { "notice_months", "Notice period (months)", FT_INT, 2, 0, 0, 24, NULL, 0 },
	[CW_DEPOSIT] = { "deposit", "Deposit", FT_MONEY, 20, 0, 0, 0, NULL, 0 },
};

/* A field of body as the form's text: strings as they are, integers
 * (amounts in minor units, months) as digits, null as empty; *s NULL
 * when absent. 0, or -1 for another type. */
static int
field_text(struct req *r, json_t *body, enum cw_field f, const char **s)
{
	json_t	*x = json_object_get(body, fields[f].key);
	char	 m[32];

	*s = NULL;
	if (x == NULL)
		return 0;
	if (json_is_null(x))
		*s = "";
	else if (json_is_string(x))
		*s = json_string_value(x);
	else if (json_is_integer(x) && (f == CW_VALUE || f == CW_DEPOSIT)) {
		money_format(json_integer_value(x), m, sizeof(m));
		*s = arena_strdup(r->a, m);
	} else if (json_is_integer(x) && f == CW_NOTICE)
		*s = arena_printf(r->a, "%lld",
		    (long long)json_integer_value(x));
	else
		return -1;
	return 0;
}

/* The body over cur (the current contract, or a blank one) into c: 0,
 * or -1 with the 422 answered. */
static int
read_fields(struct req *r, json_t *body, const struct store_contract *cur,
    struct store_contract *c)
{
	struct ops_result	 why;
	struct fval		 v;
	const char		*s, *dflt[CW__MAX];
	char			 b[CW__MAX][32];
	size_t			 i;

	memset(&why, 0, sizeof(why));
	*c = *cur;
	dflt[CW_REF] = cur->reference != NULL ? cur->reference : "";
	date_format(cur->start, b[CW_START], sizeof(b[CW_START]));
	date_format(cur->end, b[CW_END], sizeof(b[CW_END]));
	money_format(cur->value, b[CW_VALUE], sizeof(b[CW_VALUE]));
	snprintf(b[CW_NOTICE], sizeof(b[CW_NOTICE]), "%lld",
	    (long long)cur->notice_months);
	money_format(cur->deposit, b[CW_DEPOSIT], sizeof(b[CW_DEPOSIT]));
	for (i = CW_START; i < CW__MAX; i++)
		dflt[i] = b[i];
	for (i = 0; i < CW__MAX; i++) {
		if (field_text(r, body, i, &s) < 0) {
			ops_refuse(&why, OPS_INVALID, fields[i].key,
			    arena_printf(r->a, "%s must be a %s", fields[i].label,
			    i == CW_VALUE || i == CW_DEPOSIT ? "number of minor "
			    "units" : i == CW_NOTICE ? "number" : "string"));
			continue;
		}
		if (s == NULL)
			s = dflt[i];
		if (validate_field(&fields[i], s, strlen(s),
		    arena_alloc(r->a, strlen(s) + 1), &v) != NULL) {
			ops_refuse(&why, OPS_INVALID, fields[i].key,
			    api_field_message(r, &fields[i], &v, strlen(s)));
			continue;
		}
		switch (i) {
		case CW_REF: c->reference = v.s; break;
		case CW_START: c->start = v.date; break;
		case CW_END: c->end = v.date; break;
		case CW_VALUE: c->value = v.i; break;
		case CW_NOTICE: c->notice_months = v.i; break;
		default: c->deposit = v.i; break;
		}
	}
	if (why.n == 0 && c->end != DATE_NONE && c->end < c->start)
		ops_refuse(&why, OPS_INVALID, "end", "End date must be on or "
		    "after the start date");
	if (why.n == 0)
		return 0;
	api_refused(r, &why);
	return -1;
}

static int
locked(void *arg, const struct store_contract *old,
    const struct store_contract *new_, const char **msg)
{
	struct ops_ctx	*c = arg;

	return billrun_locked_contract(&c->t, old, new_, msg);
}

/* The answer of a save, built in its transaction (api_answer). */
struct saved {
	const struct api_key		*k;
	int				 created;
	const struct contract_save_out	*out;
};

static json_t *
saved_answer(struct txn *t, void *arg, int *status, const char **location,
    int64_t *version)
{
	struct saved		*s = arg;
	struct store_contract	 c;

	if (store_contract_get(t->a, s->k->operator_id, s->out->id, &c) <= 0)
		return NULL;
	*version = c.version;
	*status = s->created ? 201 : 200;
	if (s->created)
		*location = arena_printf(t->a, "/api/v1/contracts/%lld",
		    (long long)c.id);
	return api_contract_json(&c);
}

/* Save in (old NULL: new); answer. */
static void
save(struct req *r, const struct api_key *k, struct contract_save_in *in,
    int had_if_match)
{
	struct ops_ctx			 c;
	struct contract_save_out	 out;
	struct saved			 sv = { k, in->old == NULL, &out };
	struct api_answer		 ans = { k, saved_answer, &sv, { 0 } };
	int				 rc;

	api_ops_ctx(r, k, &c);
	if (in->old != NULL) {
		in->locked = locked;
		in->locked_arg = &c;
	}
	api_answer_attach(&c, &ans);
	rc = ops_contract_save(&c, in, &out);
	if (api_answer_done(r, &ans, rc))
		return;
	if (out.overlaps != NULL)
		api_problem(r, 409, "overlap", "The dates overlap another "
		    "contract", arena_printf(r->a, "Contract %s of this occupier "
		    "at this site overlaps these dates: send confirm_overlap "
		    "true to save it anyway.", out.overlaps));
	else if (out.why.why == OPS_CONFLICT && had_if_match)
		api_stale(r, "contract");
	else
		api_refused(r, &out.why);
}

void
api_contract_create(struct req *r, const struct api_key *k)
{
	struct contract_save_in	 in;
	struct store_contract	 blank;
	json_t			*body, *x;

	if ((body = api_body(r)) == NULL)
		return;
	memset(&blank, 0, sizeof(blank));
	blank.start = blank.end = DATE_NONE;
	memset(&in, 0, sizeof(in));
	if (read_fields(r, body, &blank, &in.c) != 0)
		return;
	x = json_object_get(body, "occupier_id");
	in.c.occupier_id = json_is_integer(x) ? json_integer_value(x) : 0;
	x = json_object_get(body, "site_id");
	in.c.site_id = json_is_integer(x) ? json_integer_value(x) : 0;
	if (in.c.occupier_id <= 0 || in.c.site_id <= 0) {
		struct ops_result why;

		memset(&why, 0, sizeof(why));
		ops_refuse(&why, OPS_INVALID, in.c.occupier_id <= 0 ?
		    "occupier_id" : "site_id", "occupier_id and site_id are "
		    "required: the ids of the occupier and of the site");
		api_refused(r, &why);
		return;
	}
	if (k->site_id != 0 && in.c.site_id != k->site_id) {
		api_problem(r, 404, "not-found", "Not found", "No such site.");
		return;
	}
	in.c.id = 0;
	in.c.version = 0;
	in.overlap_ok = json_is_true(json_object_get(body, "confirm_overlap"));
	save(r, k, &in, 0);
}

void
api_contract_patch(struct req *r, const struct api_key *k)
{
	struct contract_save_in	 in;
	struct store_contract	 cur;
	json_t			*body;
	int64_t			 want;
	int			 rc, im;

	if ((rc = store_contract_get(r->a, k->operator_id, r->ids[0],
	    &cur)) < 0) {
		api_store_error(r);
		return;
	}
	if (rc == 0 || (k->site_id != 0 && cur.site_id != k->site_id)) {
		api_problem(r, 404, "not-found", "Not found",
		    "No such contract.");
		return;
	}
	if ((im = api_precondition(r, cur.version, "contract", &want)) < 0)
		return;
	if ((body = api_body(r)) == NULL)
		return;
	memset(&in, 0, sizeof(in));
	if (read_fields(r, body, &cur, &in.c) != 0)
		return;
	in.c.version = im > 0 ? want : cur.version;
	in.old = &cur;
	in.overlap_ok = json_is_true(json_object_get(body, "confirm_overlap"));
	save(r, k, &in, im > 0);
}
