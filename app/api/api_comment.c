/*
 * api_comment: POST /api/v1/cases/{id}/comments, a comment on a case
 * through the case page's operation (ops_case_comment: the first
 * response, the audit event, the mail), checked by the page's own field
 * rule; with an Idempotency-Key a retry adds it once.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/validate.h"
#include "../http/http.h"
#include "../ops/cases.h"
#include "../store/store_case.h"
#include "api.h"

/* The comment field of the case page (pages/case.c). */
static const struct field comment_field =
    { "body", "Comment", FT_MULTILINE, 10000, 1, 0, 0, NULL, 0 };

struct added {
	const struct case_comment_out	*out;
	int64_t				 case_id;
};

static json_t *
added_answer(struct txn *t, void *arg, int *status, const char **location,
    int64_t *version)
{
	struct added	*a = arg;

	(void)version;
	*status = 201;
	*location = arena_printf(t->a, "/api/v1/cases/%lld",
	    (long long)a->case_id);
	return json_pack("{s:I, s:I}", "id", (json_int_t)a->out->comment_id,
	    "case_id", (json_int_t)a->case_id);
}

/* The body's comment, checked: the text, or NULL with the 422. */
static const char *
read_comment(struct req *r, json_t *body)
{
	struct ops_result	 why;
	struct fval		 v;
	json_t			*x = json_object_get(body, "body");
	const char		*s = json_is_string(x) ? json_string_value(x) : "";

	memset(&why, 0, sizeof(why));
	if (x != NULL && !json_is_string(x))
		ops_refuse(&why, OPS_INVALID, "body", "Comment must be a string");
	else if (validate_field(&comment_field, s, strlen(s),
	    arena_alloc(r->a, strlen(s) + 1), &v) != NULL)
		ops_refuse(&why, OPS_INVALID, "body", api_field_message(r,
		    &comment_field, &v, strlen(s)));
	if (why.n == 0)
		return v.s;
	api_refused(r, &why);
	return NULL;
}

void
api_case_comment(struct req *r, const struct api_key *k)
{
	struct store_case		 kase;
	struct case_comment_in		 in;
	struct case_comment_out		 out;
	struct added			 ad = { &out, r->ids[0] };
	struct api_answer		 ans = { k, added_answer, &ad, { 0 } };
	struct ops_ctx			 c;
	json_t				*body;
	int				 rc;

	if ((rc = store_case_get(r->a, k->operator_id, r->ids[0], &kase)) < 0) {
		api_store_error(r);
		return;
	}
	if (rc == 0 || (k->site_id != 0 && kase.site_id != k->site_id)) {
		api_problem(r, 404, "not-found", "Not found", "No such case.");
		return;
	}
	memset(&in, 0, sizeof(in));
	in.kase = &kase;
	if ((body = api_body(r)) == NULL ||
	    (in.body = read_comment(r, body)) == NULL)
		return;
	api_ops_ctx(r, k, &c);
	api_answer_attach(&c, &ans);
	rc = ops_case_comment(&c, &in, &out);
	if (!api_answer_done(r, &ans, rc))
		api_refused(r, &out.why);
}
