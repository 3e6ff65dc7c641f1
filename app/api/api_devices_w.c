/*
 * api_devices_w: an occupier's Wi-Fi devices and accounts at a site —
 * POST /api/v1/occupiers/{id}/sites/{site}/devices (register, activated at
 * once when asked) and GET or PATCH .../devices/{device} (activate,
 * deactivate, remove), through the Devices tab's operations
 * (ops/devices.h: the identifier's rules, the allocation of the
 * occupier's services, the audit event and the webhook event) with the
 * tab's wording.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/device.h"
#include "../domain/validate.h"
#include "../http/http.h"
#include "../ops/devices.h"
#include "../store/store_device.h"
#include "api.h"

json_t *
api_device_json(const struct store_device *d)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)d->id,
	    "type", d->type, "identifier", d->identifier, "label", d->label !=
	    NULL ? d->label : "", "state", d->state);
}

/* The occupier (r->ids[0]) and site (r->ids[1]) of the path in k's
 * scope: 1, or 0 answered. */
static int
path_in_scope(struct req *r, const struct api_key *k)
{
	struct store_api_occupier	 o;

	return api_site_in_scope(r, k, r->ids[1]) &&
	    api_occupier_load(r, k, r->ids[0], &o);
}

/* Device id of the path's occupier at its site into d: 1, 0 none, -1. */
static int
device_find(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t id, struct store_device *d)
{
	struct store_device	*v;
	size_t			 n, i;

	if (store_device_list(a, op, occ, site, &v, &n) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (v[i].id == id) {
			*d = v[i];
			return 1;
		}
	return 0;
}

/* The device of the path into d: 1, or 0 answered. */
static int
device_load(struct req *r, const struct api_key *k, struct store_device *d)
{
	int	 rc;

	if (!path_in_scope(r, k))
		return 0;
	if ((rc = device_find(r->a, k->operator_id, r->ids[0], r->ids[1],
	    r->ids[2], d)) > 0)
		return 1;
	if (rc < 0)
		api_store_error(r);
	else
		api_problem(r, 404, "not-found", "Not found", "No such device.");
	return 0;
}

void
api_device(struct req *r, const struct api_key *k)
{
	struct store_device	 d;

	if (device_load(r, k, &d))
		api_json(r, 200, api_device_json(&d));
}

/* The register request of body into in: 1, or 0 with the 422. */
static int
read_register(struct req *r, json_t *body, struct device_register_in *in)
{
	struct ops_result	 why;
	struct fval		 v[DRF__MAX];
	json_t			*t = json_object_get(body, "type");

	memset(&why, 0, sizeof(why));
	in->type = device_type_parse(json_is_string(t) ? json_string_value(t) :
	    NULL);
	if (in->type == DEVICE_TYPE__MAX) {
		ops_refuse(&why, OPS_INVALID, "type", "type is wifi_device or "
		    "wifi_account");
		api_refused(r, &why);
		return 0;
	}
	api_text_fields(r, body, ops_device_reg_fields[in->type], DRF__MAX, v,
	    &why);
	in->identifier = v[DRF_IDENTIFIER].s;
	in->label = v[DRF_LABEL].s;
	t = json_object_get(body, "active");
	if (t != NULL && !json_is_boolean(t))
		ops_refuse(&why, OPS_INVALID, "active", "active is true or "
		    "false");
	in->activate = json_is_true(t);
	if (why.n == 0)
		return 1;
	api_refused(r, &why);
	return 0;
}

/* The answer of a register or a change, built in its transaction. */
struct saved {
	int64_t				 occ, site, id;
	const struct device_out		*out;	/* register: the id */
	const struct store_device	*removed;	/* the device removed */
};

static json_t *
saved_answer(struct txn *t, void *arg, int *status, const char **location,
    int64_t *version)
{
	struct saved		*s = arg;
	struct store_device	 d;
	int64_t			 id = s->id > 0 ? s->id : s->out->id;

	(void)version;
	*status = s->id > 0 ? 200 : 201;
	if (s->removed != NULL) {
		d = *s->removed;
		d.state = "removed";
		return api_device_json(&d);
	}
	if (device_find(t->a, t->operator_id, s->occ, s->site, id, &d) <= 0)
		return NULL;
	if (s->id == 0)
		*location = arena_printf(t->a, "/api/v1/occupiers/%lld/sites/"
		    "%lld/devices/%lld", (long long)s->occ, (long long)s->site,
		    (long long)id);
	return api_device_json(&d);
}

void
api_device_create(struct req *r, const struct api_key *k)
{
	struct device_register_in	 in;
	struct device_out		 out;
	struct saved			 sv = { r->ids[0], r->ids[1], 0, &out,
					    NULL };
	struct api_answer		 ans = { k, saved_answer, &sv, { 0 } };
	struct ops_ctx			 c;
	json_t				*body;
	int				 rc;

	if (!path_in_scope(r, k) || (body = api_body(r)) == NULL)
		return;
	memset(&in, 0, sizeof(in));
	if (!read_register(r, body, &in))
		return;
	in.occ = r->ids[0];
	in.site = r->ids[1];
	in.name_site = 1;
	api_ops_ctx(r, k, &c);
	api_answer_attach(&c, &ans);
	rc = ops_device_register(&c, &in, &out);
	if (!api_answer_done(r, &ans, rc))
		api_refused(r, &out.why);
}

void
api_device_patch(struct req *r, const struct api_key *k)
{
	static const char *const actions[] = { "activate", "deactivate",
	    "remove", NULL };
	struct store_device	 d;
	struct device_change_in	 in;
	struct device_out	 out;
	struct saved		 sv = { r->ids[0], r->ids[1], r->ids[2], &out,
				    NULL };
	struct api_answer	 ans = { k, saved_answer, &sv, { 0 } };
	struct ops_result	 why;
	struct ops_ctx		 c;
	json_t			*body, *a;
	int			 i = -1, rc;

	if (!device_load(r, k, &d) || (body = api_body(r)) == NULL)
		return;
	a = json_object_get(body, "action");
	if (json_is_string(a))
		i = validate_enum(json_string_value(a), actions);
	if (i < 0) {
		memset(&why, 0, sizeof(why));
		ops_refuse(&why, OPS_INVALID, "action", "action is one of "
		    "activate, deactivate, remove");
		api_refused(r, &why);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.occ = r->ids[0];
	in.site = r->ids[1];
	in.id = d.id;
	in.what = i == 0 ? DEVICE_CHANGE_ACTIVATE : i == 1 ?
	    DEVICE_CHANGE_DEACTIVATE : DEVICE_CHANGE_REMOVE;
	if (in.what == DEVICE_CHANGE_REMOVE)
		sv.removed = &d;
	api_ops_ctx(r, k, &c);
	api_answer_attach(&c, &ans);
	rc = ops_device_change(&c, &in, &out);
	if (rc > 0 && ans.saved.body == NULL) {
		/* Already so: done with nothing written (no answer built). */
		api_json(r, 200, api_device_json(&d));
		return;
	}
	if (!api_answer_done(r, &ans, rc))
		api_refused(r, &out.why);
}
