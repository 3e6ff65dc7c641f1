/*
 * api_occupiers: /api/v1/occupiers (list for a sync: cursor paging and
 * updated_since; create) and /api/v1/occupiers/{id} (read with its ETag;
 * change with If-Match). Creating and changing go through
 * ops_occupier_save, the operation of the occupier form, with the form's
 * field rules.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/validate.h"
#include "../http/http.h"
#include "../ops/occupiers.h"
#include "../store/store_api.h"
#include "api.h"

#define PAGE_DEFAULT	50
#define PAGE_MAX	200

enum occ_field { OF_NAME, OF_REF, OF_EMAIL, OF_NOTES, OF__MAX };

/* The occupier form's own rules (pages/occupier_edit.c). */
static const struct field fields[OF__MAX] = {
	[OF_NAME] = { "name", "Name", FT_TEXT, 200, 1, 0, 0, NULL, 0 },
	[OF_REF] = { "billing_ref", "Billing reference", FT_TEXT, 64, 0, 0, 0, NULL, 0 },
	[OF_EMAIL] = { "contact_email", "Billing contact email", FT_EMAIL, 254, 0, 0, 0, NULL, 0 },
	[OF_NOTES] = { "notes", "Notes", FT_MULTILINE, 4000, 0, 0, 0, NULL, 1 },
};

static json_t *
occ_json(const struct store_api_occupier *o)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:I}", "id",
	    (json_int_t)o->id, "name", o->name, "billing_ref", o->billing_ref,
	    "contact_email", o->contact_email, "notes", o->notes, "version",
	    (json_int_t)o->version, "updated_at", (json_int_t)o->updated);
}

void
api_occupiers(struct req *r, const struct api_key *k)
{
	struct store_api_occupier	*o;
	json_t				*items, *j;
	int64_t				 after, since, limit;
	size_t				 i, n;

	if (api_query_int(r, "cursor", INT64_MAX / 2, &after) < 0 ||
	    api_query_int(r, "updated_since", INT64_MAX / 2, &since) < 0 ||
	    api_query_int(r, "limit", PAGE_MAX, &limit) < 0)
		return;
	if (limit == 0)
		limit = PAGE_DEFAULT;
	if (store_api_occupiers(r->a, k->operator_id, k->site_id, after, since,
	    limit + 1, &o, &n) < 0) {
		api_store_error(r);
		return;
	}
	items = json_array();
	for (i = 0; i < n && i < (size_t)limit; i++)
		json_array_append_new(items, occ_json(&o[i]));
	j = json_pack("{s:o}", "items", items);
	if (n > (size_t)limit)
		json_object_set_new(j, "next_cursor", json_string(arena_printf(
		    r->a, "%lld", (long long)o[limit - 1].id)));
	else
		json_object_set_new(j, "next_cursor", json_null());
	api_json(r, 200, j);
}

int
api_occupier_load(struct req *r, const struct api_key *k, int64_t id,
    struct store_api_occupier *o)
{
	int	 rc;

	if ((rc = store_api_occupier(r->a, k->operator_id, k->site_id, id,
	    o)) > 0)
		return 1;
	if (rc < 0)
		api_store_error(r);
	else
		api_problem(r, 404, "not-found", "Not found",
		    "No such occupier.");
	return 0;
}

void
api_occupier(struct req *r, const struct api_key *k)
{
	struct store_api_occupier	 o;

	if (!api_occupier_load(r, k, r->ids[0], &o))
		return;
	api_etag(r, o.version);
	api_json(r, 200, occ_json(&o));
}

/* Read the fields of body into v over the values of cur (NULL: a new
 * occupier); 0 ok, else the 422 answered. */
static int
read_fields(struct req *r, json_t *body, const struct store_api_occupier *cur,
    struct fval *v)
{
	const char	*dflt[OF__MAX] = { "", "", "", "" };
	struct ops_result why;
	json_t		*x;
	const char	*s;
	size_t		 i;

	if (cur != NULL) {
		dflt[OF_NAME] = cur->name;
		dflt[OF_REF] = cur->billing_ref;
		dflt[OF_EMAIL] = cur->contact_email;
		dflt[OF_NOTES] = cur->notes;
	}
	memset(&why, 0, sizeof(why));
	for (i = 0; i < OF__MAX; i++) {
		s = dflt[i];
		if ((x = json_object_get(body, fields[i].key)) != NULL) {
			if (!json_is_string(x)) {
				ops_refuse(&why, OPS_INVALID, fields[i].key,
				    arena_printf(r->a, "%s must be a string",
				    fields[i].label));
				continue;
			}
			s = json_string_value(x);
		}
		if (validate_field(&fields[i], s, strlen(s),
		    arena_alloc(r->a, strlen(s) + 1), &v[i]) != NULL)
			ops_refuse(&why, OPS_INVALID, fields[i].key,
			    api_field_message(r, &fields[i], &v[i],
			    strlen(s)));
	}
	if (why.n == 0)
		return 0;
	api_refused(r, &why);
	return -1;
}

/* The answer of a save, built in its transaction (api_answer). */
struct saved {
	const struct api_key		*k;
	int64_t				 id;	/* 0: created */
	const struct occupier_save_out	*out;
};

static json_t *
saved_answer(struct txn *t, void *arg, int *status, const char **location,
    int64_t *version)
{
	struct saved			*s = arg;
	struct store_api_occupier	 o;

	if (store_api_occupier(t->a, s->k->operator_id, 0, s->out->id, &o) <= 0)
		return NULL;
	*version = o.version;
	*status = s->id == 0 ? 201 : 200;
	if (s->id == 0)
		*location = arena_printf(t->a, "/api/v1/occupiers/%lld",
		    (long long)o.id);
	return occ_json(&o);
}

/* Save v as occupier id (0: new) at version; answer. */
static void
save(struct req *r, const struct api_key *k, int64_t id, int64_t version,
    int had_if_match, const struct fval *v, int same_name_ok)
{
	struct ops_ctx			 c;
	struct occupier_save_in		 in;
	struct occupier_save_out	 out;
	struct saved			 sv = { k, id, &out };
	struct api_answer		 ans = { k, saved_answer, &sv, { 0 } };
	int				 rc;

	memset(&in, 0, sizeof(in));
	in.id = id;
	in.version = version;
	in.name = v[OF_NAME].s;
	in.billing_ref = v[OF_REF].s;
	in.contact_email = v[OF_EMAIL].s;
	in.notes = v[OF_NOTES].s;
	in.same_name_ok = same_name_ok;
	api_ops_ctx(r, k, &c);
	api_answer_attach(&c, &ans);
	rc = ops_occupier_save(&c, &in, &out);
	if (api_answer_done(r, &ans, rc))
		return;
	if (out.same_name != NULL)
		api_problem(r, 409, "duplicate-name", "Another occupier has this "
		    "name", arena_printf(r->a, "%s has this name already: send "
		    "confirm_same_name true to save it anyway.", out.same_name));
	else if (out.why.why == OPS_CONFLICT && had_if_match)
		api_stale(r, "occupier");
	else
		api_refused(r, &out.why);
}

static int
same_name_ok(json_t *body)
{
	return json_is_true(json_object_get(body, "confirm_same_name"));
}

void
api_occupier_create(struct req *r, const struct api_key *k)
{
	struct fval	 v[OF__MAX];
	json_t		*body;

	if (k->site_id != 0) {
		api_problem(r, 403, "forbidden", "This key cannot create "
		    "occupiers", "A key restricted to a site sees the occupiers "
		    "with a contract there: create occupiers with a key of "
		    "every site.");
		return;
	}
	if ((body = api_body(r)) == NULL || read_fields(r, body, NULL, v) != 0)
		return;
	save(r, k, 0, 0, 0, v, same_name_ok(body));
}

void
api_occupier_patch(struct req *r, const struct api_key *k)
{
	struct store_api_occupier	 o;
	struct fval			 v[OF__MAX];
	json_t				*body;
	int64_t				 want;
	int				 im;

	if (!api_occupier_load(r, k, r->ids[0], &o) ||
	    (im = api_precondition(r, o.version, "occupier", &want)) < 0)
		return;
	if ((body = api_body(r)) == NULL || read_fields(r, body, &o, v) != 0)
		return;
	save(r, k, o.id, im > 0 ? want : o.version, im > 0, v,
	    same_name_ok(body));
}
