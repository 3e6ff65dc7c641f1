/*
 * api_extids: the ids another platform gives to occupiers, contracts and
 * sites (ops/extids.h), for a sync that keeps its own ids:
 *   GET /api/v1/{kind}/{id}/external-ids     the record's, by integration
 *   PUT /api/v1/{kind}/{id}/external-ids     {"nexudus": "123", "x": null}
 *   GET /api/v1/{kind}/external?integration=I&id=X   the record X names
 * kind: occupiers, contracts, sites. Every record is looked up in the
 * key's scope (operator, and site for a key restricted to one): any
 * other is 404.
 */
#include <string.h>

#include "../arena.h"
#include "../http/http.h"
#include "../ops/extids.h"
#include "../store/store.h"
#include "../store/store_api.h"
#include "api.h"

/* The kind of record the path names: its entity and the path's prefix. */
struct kind {
	const char	*entity, *prefix;
};

static const struct kind kinds[] = {
	{ "occupier", "/api/v1/occupiers/" },
	{ "contract", "/api/v1/contracts/" },
	{ "site", "/api/v1/sites/" },
};

static const struct kind *
kind_of(const struct req *r)
{
	size_t	 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strncmp(r->path, kinds[i].prefix,
		    strlen(kinds[i].prefix)) == 0)
			return &kinds[i];
	return &kinds[0];
}

/* Record id of kind k in key's scope: 1, 0 not (-1 error). */
static int
in_scope(struct req *r, const struct api_key *key, const struct kind *k,
    int64_t id)
{
	struct store_api_occupier	 o;
	struct store_contract		 c;
	struct store_site		 s;
	int				 rc;

	if (strcmp(k->entity, "occupier") == 0)
		return store_api_occupier(r->a, key->operator_id, key->site_id,
		    id, &o);
	if (strcmp(k->entity, "contract") == 0) {
		if ((rc = store_contract_get(r->a, key->operator_id, id, &c)) <= 0)
			return rc;
		return key->site_id == 0 || c.site_id == key->site_id;
	}
	if (key->site_id != 0 && id != key->site_id)
		return 0;
	return store_site_get(r->a, key->operator_id, id, &s);
}

/* The record's answer: entity, id and its external ids. */
static void
answer(struct req *r, const struct api_key *key, const struct kind *k,
    int64_t id)
{
	struct store_extid	*x;
	json_t			*ids;
	size_t			 i, n;

	if (store_extid_list(r->a, key->operator_id, k->entity, id, &x,
	    &n) < 0) {
		api_store_error(r);
		return;
	}
	ids = json_object();
	for (i = 0; i < n; i++)
		json_object_set_new(ids, x[i].integration,
		    json_string(x[i].external_id));
	api_json(r, 200, json_pack("{s:s, s:I, s:s, s:o}", "entity",
	    k->entity, "id", (json_int_t)id, "href", arena_printf(r->a,
	    "%s%lld", k->prefix, (long long)id), "external_ids", ids));
}

/* The record of the path in scope: 1, or 0 with the answer made. */
static int
record(struct req *r, const struct api_key *key, const struct kind *k)
{
	int	 rc;

	if ((rc = in_scope(r, key, k, r->ids[0])) > 0)
		return 1;
	if (rc < 0)
		api_store_error(r);
	else
		api_problem(r, 404, "not-found", "Not found", arena_printf(r->a,
		    "No such %s.", k->entity));
	return 0;
}

void
api_extids(struct req *r, const struct api_key *key)
{
	const struct kind	*k = kind_of(r);

	if (record(r, key, k))
		answer(r, key, k, r->ids[0]);
}

/* The body into in: 1, or 0 with the 422 answered. */
static int
read_set(struct req *r, json_t *body, struct extids_in *in)
{
	struct ops_result	 why;
	const char		*name;
	json_t			*v;

	memset(&why, 0, sizeof(why));
	if (json_object_size(body) == 0 || json_object_size(body) >
	    EXTID_SET_MAX)
		ops_refuse(&why, OPS_INVALID, NULL, "The body names 1 to 16 "
		    "integrations, each with its id or null");
	else
		json_object_foreach(body, name, v) {
			if (!json_is_string(v) && !json_is_null(v)) {
				ops_refuse(&why, OPS_INVALID, name, arena_printf(
				    r->a, "The id in %s must be a string or "
				    "null", name));
				continue;
			}
			in->set[in->n].integration = name;
			in->set[in->n].external_id = json_string_value(v);
			in->n++;
		}
	if (why.n == 0)
		return 1;
	api_refused(r, &why);
	return 0;
}

void
api_extids_put(struct req *r, const struct api_key *key)
{
	const struct kind	*k = kind_of(r);
	struct extids_in	 in;
	struct ops_result	 why;
	struct ops_ctx		 c;
	json_t			*body;
	int			 rc;

	if (!record(r, key, k) || (body = api_body(r)) == NULL)
		return;
	memset(&in, 0, sizeof(in));
	in.entity = k->entity;
	in.id = r->ids[0];
	if (!read_set(r, body, &in))
		return;
	api_ops_ctx(r, key, &c);
	if ((rc = ops_extids_set(&c, &in, &why)) < 0) {
		api_store_error(r);
		return;
	}
	if (rc == 0) {
		api_refused(r, &why);
		return;
	}
	answer(r, key, k, in.id);
}

void
api_extids_find(struct req *r, const struct api_key *key)
{
	const struct kind	*k = kind_of(r);
	const char		*integration = kv_get(&r->query, "integration");
	const char		*ext = kv_get(&r->query, "id");
	int64_t			 id;
	int			 rc;

	if (integration == NULL || !extid_integration_ok(integration) ||
	    ext == NULL || *ext == '\0') {
		api_problem(r, 400, "bad-request", "Bad query parameter",
		    "integration (1 to 40 of a-z, 0-9, _ and -) and id are "
		    "required.");
		return;
	}
	if ((rc = store_extid_find(r->a, key->operator_id, k->entity,
	    integration, ext, &id)) > 0)
		rc = in_scope(r, key, k, id);
	if (rc < 0) {
		api_store_error(r);
		return;
	}
	if (rc == 0) {
		api_problem(r, 404, "not-found", "Not found", arena_printf(r->a,
		    "No %s has this id in %s.", k->entity, integration));
		return;
	}
	http_header(r, "Location", arena_printf(r->a, "%s%lld", k->prefix,
	    (long long)id));
	answer(r, key, k, id);
}
