/*
 * api_numbers_w: one phone number of a site's pool — GET
 * /api/v1/sites/{id}/numbers/{number} with its ETag, and PATCH, an action
 * on it through the site Telephony screen's operation (ops_number_change:
 * the state machine of domain/phone.h, the Telephony extensions of an
 * activation, the audit event, the occupier's notice, the webhook event),
 * with If-Match honoured inside that operation's transaction.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/phone.h"
#include "../http/http.h"
#include "../ops/telephony.h"
#include "../store/store_phone.h"
#include "api.h"

/* The number of the path (site r->ids[0], number r->ids[1]) in k's
 * scope into p: 1, or 0 answered. */
static int
number_load(struct req *r, const struct api_key *k, struct store_phone *p)
{
	int	 rc;

	if (!api_site_in_scope(r, k, r->ids[0]))
		return 0;
	if ((rc = store_phone_get(r->a, k->operator_id, r->ids[0], r->ids[1],
	    r->today, p)) > 0)
		return 1;
	if (rc < 0)
		api_store_error(r);
	else
		api_problem(r, 404, "not-found", "Not found",
		    "No such number at this site.");
	return 0;
}

void
api_site_number(struct req *r, const struct api_key *k)
{
	struct store_phone	 p;

	if (!number_load(r, k, &p))
		return;
	api_etag(r, p.version);
	api_json(r, 200, api_phone_json(&p));
}

/* The action of body into in: 1, or 0 with the 422 answered. */
static int
read_action(struct req *r, json_t *body, struct number_change_in *in)
{
	struct ops_result	 why;
	json_t			*a = json_object_get(body, "action");
	json_t			*o = json_object_get(body, "occupier_id");

	memset(&why, 0, sizeof(why));
	in->op = phone_op_parse(json_is_string(a) ? json_string_value(a) :
	    NULL);
	/* Retiring and restoring a number is the estate's (operator
	 * admins, on the site's Telephony screen), not an API key's. */
	if (in->op == PHONE_OP__MAX || in->op == PHONE_OP_RETIRE ||
	    in->op == PHONE_OP_RESTORE)
		ops_refuse(&why, OPS_INVALID, "action", "action is one of "
		    "allocate, deallocate, activate, deactivate, set_main, "
		    "reinstate");
	if (o != NULL && !json_is_null(o) && (!json_is_integer(o) ||
	    json_integer_value(o) < 0))
		ops_refuse(&why, OPS_INVALID, "occupier_id", "occupier_id is "
		    "the id of the occupier that gets the number, or 0 (null) "
		    "for the operator");
	else if (json_is_integer(o))
		in->occ = json_integer_value(o);
	if (in->occ != 0 && in->op != PHONE_OP_ALLOCATE && why.n == 0)
		ops_refuse(&why, OPS_INVALID, "occupier_id", "occupier_id is "
		    "sent only to allocate: the other actions concern whoever "
		    "holds the number");
	if (why.n == 0)
		return 1;
	api_refused(r, &why);
	return 0;
}

struct changed {
	int64_t		 site, id;
};

static json_t *
changed_answer(struct txn *t, void *arg, int *status, const char **location,
    int64_t *version)
{
	struct changed		*s = arg;
	struct store_phone	 p;

	(void)location;
	if (store_phone_get(t->a, t->operator_id, s->site, s->id, t->day,
	    &p) <= 0)
		return NULL;
	*status = 200;
	*version = p.version;
	return api_phone_json(&p);
}

void
api_site_number_patch(struct req *r, const struct api_key *k)
{
	struct store_phone	 p;
	struct number_change_in	 in;
	struct number_out	 out;
	struct changed		 ch = { r->ids[0], r->ids[1] };
	struct api_answer	 ans = { k, changed_answer, &ch, { 0 } };
	struct ops_ctx		 c;
	json_t			*body;
	int64_t			 want;
	int			 im, rc;

	if (!number_load(r, k, &p) ||
	    (im = api_precondition(r, p.version, "number", &want)) < 0)
		return;
	if ((body = api_body(r)) == NULL)
		return;
	memset(&in, 0, sizeof(in));
	if (!read_action(r, body, &in))
		return;
	in.site = r->ids[0];
	in.id = p.id;
	in.any_holder = 1;
	in.version = im > 0 ? want : 0;
	api_ops_ctx(r, k, &c);
	api_answer_attach(&c, &ans);
	rc = ops_number_change(&c, &in, &out);
	if (api_answer_done(r, &ans, rc))
		return;
	if (out.stale)
		api_stale(r, "number");
	else
		api_refused(r, &out.why);
}
