/*
 * api_cases_w: POST /api/v1/cases (raise a case) and PATCH
 * /api/v1/cases/{id} (its status, assignee, priority and category, with
 * If-Match), through the operations of the case screens (ops/cases.h):
 * ops_case_raise with the raise form's rules and wording (the related
 * service one the occupier holds at the site, the priority and category
 * among the choices, details that are not a checklist left unchanged, an
 * occupier present at the site), and ops_case_change, the page's move
 * and triage in one transaction with the case's version checked.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/helpdesk.h"
#include "../domain/validate.h"
#include "../http/http.h"
#include "../ops/cases.h"
#include "../store/store.h"
#include "../store/store_case.h"
#include "api.h"

/* An id member key of body: the id; 0 when absent or null (refused into
 * why with msg when required); -1 (refused) when not a positive integer. */
static int64_t
id_member(json_t *body, const char *key, int required, const char *msg,
    struct ops_result *why)
{
	json_t	*x = json_object_get(body, key);

	if (x == NULL || json_is_null(x)) {
		if (required)
			ops_refuse(why, OPS_INVALID, key, msg);
		return 0;
	}
	if (json_is_integer(x) && json_integer_value(x) > 0)
		return json_integer_value(x);
	ops_refuse(why, OPS_INVALID, key, msg);
	return -1;
}

/* ---- raise ---- */

/* The request of a raise, read and checked. */
struct raise_req {
	struct fval			 text[CRF_PRIORITY];
	const char			*prio, *cat;
	int64_t				 occ, site, svc;
	struct store_api_occupier	 o;
	struct store_site		 s;
	const struct store_case_option	*service;	/* NULL: none */
};

/* The subject, details, priority, category and ids of body into q,
 * refusals into why. */
static void
raise_fields(struct req *r, json_t *body, struct raise_req *q,
    struct ops_result *why)
{
	/* The text fields, those before the priority. */
	api_text_fields(r, body, ops_case_raise_fields, CRF_PRIORITY, q->text,
	    why);
	q->prio = api_str_member(r, body, "priority", "Priority", NULL, why);
	q->cat = api_str_member(r, body, "category", "Category", NULL, why);
	q->occ = id_member(body, "occupier_id", 1, "occupier_id is required: "
	    "the id of the occupier the case concerns", why);
	q->site = id_member(body, "site_id", 1, "site_id is required: the id "
	    "of the site the case concerns", why);
	q->svc = id_member(body, "service_id", 0, "service_id is the id of a "
	    "service, or null for none", why);
}

/* The occupier, site and service of q in k's scope (404 otherwise, as
 * the raise form answers ids that are not the operator's), then the
 * related service checked against the occupier's at the site. 1, or 0
 * answered. */
static int
raise_scope(struct req *r, const struct api_key *k, struct raise_req *q,
    struct ops_result *why)
{
	struct store_case_option	*o = NULL, *mine = NULL;
	size_t				 n = 0, nmine = 0, i;
	int				 rc;

	if (k->site_id != 0 && q->site != k->site_id) {
		api_problem(r, 404, "not-found", "Not found", "No such site.");
		return 0;
	}
	/* A site key sees the occupiers with a contract at its site. */
	if (!api_occupier_load(r, k, q->occ, &q->o))
		return 0;
	rc = store_site_get(r->a, k->operator_id, q->site, &q->s);
	if (rc > 0 && q->svc > 0)
		rc = store_case_options(r->a, k->operator_id,
		    STORE_CASE_OPT_SERVICES, &o, &n);
	if (rc > 0 && q->svc > 0) {
		for (i = 0; i < n && o[i].id != q->svc; i++)
			;
		q->service = i < n ? &o[i] : NULL;
		rc = q->service != NULL;
	}
	if (rc > 0)
		rc = store_case_occ_site_services(r->a, k->operator_id, q->occ,
		    q->site, &mine, &nmine);
	if (rc <= 0) {
		if (rc < 0)
			api_store_error(r);
		else
			api_problem(r, 404, "not-found", "Not found",
			    "No such occupier, site or service.");
		return 0;
	}
	ops_case_service_check(r->a, q->service, mine, nmine, q->o.name,
	    q->s.name, why);
	return 1;
}

struct raised {
	const struct api_key		*k;
	const struct case_raise_out	*out;
};

static json_t *
raised_answer(struct txn *t, void *arg, int *status, const char **location,
    int64_t *version)
{
	struct raised		*s = arg;
	struct store_case	 c;

	if (store_case_get(t->a, t->operator_id, s->out->id, &c) <= 0)
		return NULL;
	*status = 201;
	*version = c.version;
	*location = arena_printf(t->a, "/api/v1/cases/%lld", (long long)c.id);
	return api_case_json(&c);
}

void
api_case_create(struct req *r, const struct api_key *k)
{
	struct raise_req	 q;
	struct ops_result	 why;
	struct case_raise_in	 in;
	struct case_raise_out	 out;
	struct raised		 rs = { k, &out };
	struct api_answer	 ans = { k, raised_answer, &rs, { 0 } };
	struct ops_ctx		 c;
	json_t			*body;
	int			 rc;

	if ((body = api_body(r)) == NULL)
		return;
	memset(&q, 0, sizeof(q));
	memset(&why, 0, sizeof(why));
	memset(&in, 0, sizeof(in));
	raise_fields(r, body, &q, &why);
	if (q.occ > 0 && q.site > 0 && q.svc >= 0 &&
	    !raise_scope(r, k, &q, &why))
		return;
	ops_case_choices(q.prio, q.cat, q.service != NULL ?
	    q.service->extra : NULL, &in.priority, &in.category, &why);
	if (q.text[CRF_DETAILS].err == NULL)
		ops_case_details_check(q.text[CRF_DETAILS].s, &why);
	if (why.n > 0) {
		api_refused(r, &why);
		return;
	}
	in.occupier_id = q.occ;
	in.site_id = q.site;
	in.service_id = q.service != NULL ? q.service->id : 0;
	in.service_name = q.service != NULL ? q.service->name : "";
	in.occupier_name = q.o.name;
	in.site_name = q.s.name;
	in.subject = q.text[CRF_SUBJECT].s;
	in.details = q.text[CRF_DETAILS].s;
	api_ops_ctx(r, k, &c);
	api_answer_attach(&c, &ans);
	rc = ops_case_raise(&c, &in, &out);
	if (!api_answer_done(r, &ans, rc))
		api_refused(r, &out.why);
}

/* ---- change ---- */

/* The triage members of body over the case's own (in->triage set when
 * one of them changes it); refusals into why. -1 store error (answered),
 * else 0. */
static int
triage_fields(struct req *r, const struct api_key *k, json_t *body,
    const struct store_case *kase, struct case_change_in *in,
    struct ops_result *why)
{
	struct ops_ctx	 c;
	const char	*prio, *cat;
	json_t		*x = json_object_get(body, "assignee_id");

	prio = api_str_member(r, body, "priority", "Priority", NULL, why);
	cat = api_str_member(r, body, "category", "Category", NULL, why);
	in->assignee_id = kase->assignee_id;
	if (x != NULL)
		in->assignee_id = json_is_null(x) ? 0 : json_is_integer(x) &&
		    json_integer_value(x) >= 0 ? json_integer_value(x) : -1;
	ops_case_choices(prio != NULL ? prio : kase->priority, cat != NULL ?
	    cat : kase->category, NULL, &in->priority, &in->category, why);
	api_ops_ctx(r, k, &c);
	if (in->assignee_id != kase->assignee_id &&
	    ops_case_assignee_check(&c, in->assignee_id, why) < 0) {
		api_store_error(r);
		return -1;
	}
	in->triage = in->assignee_id != kase->assignee_id ||
	    in->priority != hd_priority_parse(kase->priority) ||
	    in->category != hd_category_parse(kase->category);
	return 0;
}

struct changed {
	const struct api_key	*k;
	int64_t			 id;
};

static json_t *
changed_answer(struct txn *t, void *arg, int *status, const char **location,
    int64_t *version)
{
	struct changed		*s = arg;
	struct store_case	 c;

	(void)location;
	if (store_case_get(t->a, t->operator_id, s->id, &c) <= 0)
		return NULL;
	*status = 200;
	*version = c.version;
	return api_case_json(&c);
}

/* Run the change in; answer. */
static void
change(struct req *r, const struct api_key *k, struct case_change_in *in,
    int had_if_match)
{
	struct case_change_out	 out;
	struct changed		 ch = { k, in->kase->id };
	struct api_answer	 ans = { k, changed_answer, &ch, { 0 } };
	struct ops_ctx		 c;
	int			 rc;

	api_ops_ctx(r, k, &c);
	api_answer_attach(&c, &ans);
	rc = ops_case_change(&c, in, &out);
	if (api_answer_done(r, &ans, rc))
		return;
	if (out.stale && had_if_match)
		api_stale(r, "case");
	else
		api_refused(r, &out.why);
}

void
api_case_patch(struct req *r, const struct api_key *k)
{
	struct store_case	 kase;
	struct case_change_in	 in;
	struct ops_result	 why;
	const char		*st;
	json_t			*body;
	int64_t			 want;
	int			 im;

	if (!api_case_load(r, k, &kase) ||
	    (im = api_precondition(r, kase.version, "case", &want)) < 0)
		return;
	if ((body = api_body(r)) == NULL)
		return;
	memset(&in, 0, sizeof(in));
	memset(&why, 0, sizeof(why));
	in.kase = &kase;
	in.version = im > 0 ? want : kase.version;
	in.by = "the API";
	if ((st = api_str_member(r, body, "status", "Status", NULL,
	    &why)) != NULL &&
	    strcmp(st, kase.status) != 0) {
		in.move = 1;
		in.to = hd_status_parse(st);
	}
	if (triage_fields(r, k, body, &kase, &in, &why) < 0)
		return;
	if (why.n > 0) {
		api_refused(r, &why);
		return;
	}
	change(r, k, &in, im > 0);
}
