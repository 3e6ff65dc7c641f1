/*
 * webhooks: /settings/webhooks, the operator's webhook endpoints, for its
 * admins (README "Webhooks"). The list and a form to add one (its secret
 * is shown once, on the answer to that form); /settings/webhooks/ID edits
 * one (URL, events, enabled, allow a private address), reveals or rotates
 * its secret, and shows its events (with Redeliver) and the delivery log
 * (every attempt: time, event, status, duration, error).
 * POST /settings/webhooks/ID op=save|reveal|rotate|redeliver.
 */
#include <stdio.h>
#include <string.h>

#include "../ops/webhooks.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define SHOWN	50	/* events and log rows on the page */

enum wf {
	WF_URL,
	WF_VERSION,
	WF__MAX
};

static const struct field fields[WF__MAX] = {
	[WF_URL] = { "url", "URL", FT_TEXT, WH_URL_MAX, 1, 0, 0, NULL, 0 },
	[WF_VERSION] = { "version", "Version", FT_INT, 10, 0, 0, INT32_MAX, NULL, 0 },
};

static const char *const ops_keys[] = { "save", "reveal", "rotate",
    "redeliver", NULL };
enum { OP_SAVE, OP_REVEAL, OP_ROTATE, OP_REDELIVER };

/* The endpoint form: its values (kept on a refusal) and event boxes. */
static void
fill_form(struct req *r, struct tpl_dict *d, const struct webhook_save_in *in)
{
	struct tpl_dict	*e;
	int		 i;

	form_fill(r, d, "url", in->url);
	form_fill(r, d, "version", arena_printf(r->a, "%lld",
	    (long long)in->version));
	for (i = 0; i < WH_EVENT__MAX; i++) {
		e = tpl_section(d, TN_EVENT);
		tpl_set(e, TN_NAME, wh_event_names[i]);
		tpl_set(e, TN_LABEL, wh_event_labels[i]);
		if (in->events & (1u << i))
			tpl_show(e, TN_CHECKED);
	}
	if (in->enabled)
		tpl_show(d, TN_ENABLED);
	if (in->allow_private)
		tpl_show(d, TN_ALLOW_PRIVATE);
}

static void
fill_list(struct req *r, struct tpl_dict *d,
    const struct store_wh_endpoint *e, size_t n)
{
	struct tpl_dict	*l = tpl_section(d, TN_LIST), *row;
	size_t		 k;

	for (k = 0; k < n; k++) {
		row = tpl_section(l, TN_ROW);
		tpl_set_int(row, TN_ID, e[k].id);
		tpl_set(row, TN_URL, e[k].url);
		tpl_set(row, TN_EVENTS, e[k].events);
		tpl_set(row, TN_STATE, e[k].enabled ? "Enabled" : "Disabled");
		tpl_set(row, TN_STATE_CLASS, e[k].enabled ? "active" :
		    "inactive");
		tpl_set(row, TN_PRIVATE, e[k].allow_private ? "Allowed" : "No");
	}
	tpl_show(l, n > 0 ? TN_HAS_ROWS : TN_EMPTY);
	(void)r;
}

static void
delivery_state(struct tpl_dict *row, const struct store_wh_delivery *v)
{
	static const char *const st[][3] = {
		{ "delivered", "Delivered", "active" },
		{ "failed", "Failed", "inactive" },
		{ "sending", "Sending", "scheduled" },
	};
	size_t	 i;

	tpl_set(row, TN_STATE, "Waiting");
	tpl_set(row, TN_STATE_CLASS, "scheduled");
	for (i = 0; i < sizeof(st) / sizeof(st[0]); i++)
		if (strcmp(v->state, st[i][0]) == 0) {
			tpl_set(row, TN_STATE, st[i][1]);
			tpl_set(row, TN_STATE_CLASS, st[i][2]);
		}
	if (strcmp(v->state, "delivered") == 0 ||
	    strcmp(v->state, "failed") == 0)
		tpl_show(row, TN_CAN_REDELIVER);
}

/* The endpoint's events and its delivery log. 0, or -1 store error. */
static int
fill_one(struct req *r, struct tpl_dict *d, int64_t ep)
{
	struct tpl_dict		*o = tpl_section(d, TN_ONE), *row;
	struct store_wh_delivery *v;
	struct store_wh_attempt	*a;
	size_t			 nv, na, k;

	if (store_webhook_deliveries(r->a, r->user.operator_id, ep, SHOWN, &v,
	    &nv) < 0 || store_webhook_log(r->a, r->user.operator_id, ep, SHOWN,
	    &a, &na) < 0)
		return -1;
	tpl_set_int(o, TN_ID, ep);
	for (k = 0; k < nv; k++) {
		row = tpl_section(o, TN_DELIVERY);
		tpl_set_int(row, TN_ID, v[k].id);
		tpl_set_int(row, TN_EP, ep);
		tpl_set(row, TN_TYPE, v[k].event_type);
		tpl_set(row, TN_EVENT_ID, v[k].event_id);
		delivery_state(row, &v[k]);
		tpl_set_int(row, TN_ATTEMPTS, v[k].attempts);
		if (v[k].last_status > 0)
			tpl_set_int(row, TN_STATUS, v[k].last_status);
		tpl_set(row, TN_ERROR, v[k].last_error);
		page_set_time(r, row, TN_CREATED, TN_CREATED_ISO,
		    v[k].created_at);
	}
	tpl_show(o, nv > 0 ? TN_HAS_DELIVERIES : TN_NO_DELIVERIES);
	for (k = 0; k < na; k++) {
		row = tpl_section(o, TN_ATTEMPT);
		page_set_time(r, row, TN_AT, TN_AT_ISO, a[k].at);
		tpl_set(row, TN_TYPE, a[k].event_type);
		tpl_set(row, TN_EVENT_ID, a[k].event_id);
		if (a[k].status > 0)
			tpl_set_int(row, TN_STATUS, a[k].status);
		else
			tpl_set(row, TN_STATUS, "none");
		tpl_set_int(row, TN_DURATION, a[k].duration_ms);
		tpl_set(row, TN_ERROR, a[k].error);
	}
	tpl_show(o, na > 0 ? TN_HAS_LOG : TN_NO_LOG);
	return 0;
}

/* Begin the page: the list (ep NULL) or one endpoint. NULL when the
 * answer is made. */
static struct tpl_dict *
begin(struct req *r, const struct store_wh_endpoint *ep)
{
	struct store_wh_endpoint *e;
	struct tpl_dict		 *d;
	size_t			  n;

	if (ep == NULL && store_webhook_endpoints(r->a, r->user.operator_id,
	    &e, &n) < 0) {
		page_store_error(r);
		return NULL;
	}
	if ((d = page_begin(r, ep == NULL ? "Webhooks" : "Webhook endpoint",
	    "webhooks.tpl", "webhooks")) == NULL)
		return NULL;
	tpl_set(d, TN_HEADING, ep == NULL ? "Webhooks" : ep->url);
	if (ep == NULL) {
		fill_list(r, d, e, n);
		tpl_set(d, TN_ACTION, "/settings/webhooks");
		tpl_set(d, TN_SUBMIT, "Add endpoint");
		return d;
	}
	tpl_set(d, TN_ACTION, arena_printf(r->a, "/settings/webhooks/%lld",
	    (long long)ep->id));
	tpl_set(d, TN_SUBMIT, "Save changes");
	if (fill_one(r, d, ep->id) < 0) {
		page_store_error(r);
		return NULL;
	}
	return d;
}

static void
show_secret(struct req *r, struct tpl_dict *d, int64_t id, const char *secret,
    const char *note, int link)
{
	struct tpl_dict	*s = tpl_section(d, TN_SECRET_SHOWN);

	tpl_set(s, TN_SECRET, secret);
	tpl_set(s, TN_SECRET_NOTE, note);
	tpl_set_int(s, TN_ID, id);
	if (link)
		tpl_show(s, TN_SECRET_LINK);
	(void)r;
}

/* The form into in. The number of messages (shown by their fields). */
static int
read_form(struct req *r, struct tpl_dict *d, struct webhook_save_in *in)
{
	struct fval	 v[WF__MAX];
	int		 errors, i;

	errors = form_read(r, d, fields, WF__MAX, v);
	memset(in, 0, sizeof(*in));
	in->url = v[WF_URL].raw;
	in->version = v[WF_VERSION].err == NULL ? v[WF_VERSION].i : 0;
	for (i = 0; i < WH_EVENT__MAX; i++)
		if (form_has(r, arena_printf(r->a, "ev.%s", wh_event_names[i])))
			in->events |= 1u << i;
	in->enabled = form_has(r, "enabled");
	in->allow_private = form_has(r, "allow_private");
	if (errors == 0)
		in->url = v[WF_URL].s;
	return errors;
}

/* POST op=save, on the list (ep NULL: a new endpoint) or one endpoint. */
static void
save(struct req *r, const struct store_wh_endpoint *ep)
{
	struct webhook_save_in	 in;
	struct webhook_save_out	 out;
	struct ops_ctx		 c;
	struct tpl_dict		*d;
	int			 errors, rc = 0;

	if ((d = begin(r, ep)) == NULL)
		return;
	errors = read_form(r, d, &in);
	in.id = ep != NULL ? ep->id : 0;
	if (errors == 0) {
		page_ops_ctx(r, &c);
		if ((rc = ops_webhook_save(&c, &in, &out)) < 0) {
			page_store_error(r);
			return;
		}
	}
	if (rc > 0 && ep != NULL) {
		http_redirect(r, arena_printf(r->a, "/settings/webhooks/%lld"
		    "?done=saved", (long long)ep->id));
		return;
	}
	if (rc > 0) {
		/* The secret is shown on this answer; later, Reveal. */
		show_secret(r, d, out.id, out.secret, "The endpoint is added. "
		    "Copy its signing secret now: the receiver checks every "
		    "request's Tenantry-Signature with it.", 1);
		r->status = 201;
		memset(&in, 0, sizeof(in));
		in.url = "";
		in.enabled = 1;
	} else if (errors == 0)
		page_refused(r, d, &out.why);
	else
		r->status = 422;
	fill_form(r, d, &in);
	page_end(r);
}

static void
fill_current(struct req *r, struct tpl_dict *d,
    const struct store_wh_endpoint *ep)
{
	struct webhook_save_in	 in;

	memset(&in, 0, sizeof(in));
	in.url = ep->url;
	in.version = ep->version;
	in.events = ops_webhook_events_bits(ep->events);
	in.enabled = ep->enabled;
	in.allow_private = ep->allow_private;
	fill_form(r, d, &in);
}

/* POST op=reveal / op=rotate. */
static void
secret(struct req *r, const struct store_wh_endpoint *ep, int rotate)
{
	struct webhook_secret_in	 in = { ep->id, rotate };
	struct webhook_secret_out	 out;
	struct ops_ctx			 c;
	struct tpl_dict			*d;
	int				 rc;

	page_ops_ctx(r, &c);
	if ((rc = ops_webhook_secret(&c, &in, &out)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0 && page_refused_bare(r, &out.why))
		return;
	if ((d = begin(r, ep)) == NULL)
		return;
	show_secret(r, d, ep->id, out.secret, rotate ? "A new secret is in "
	    "use from now on: give it to the receiver." : "The endpoint's "
	    "signing secret:", 0);
	fill_current(r, d, ep);
	page_end(r);
}

/* POST op=redeliver delivery=ID. */
static void
redeliver(struct req *r, const struct store_wh_endpoint *ep)
{
	struct webhook_redeliver_in	 in;
	struct webhook_redeliver_out	 out;
	struct ops_ctx			 c;
	struct tpl_dict			*d;
	int				 rc;

	if (!form_id_or_400(r, "delivery", &in.delivery))
		return;
	in.endpoint = ep->id;
	page_ops_ctx(r, &c);
	if ((rc = ops_webhook_redeliver(&c, &in, &out)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc > 0) {
		http_redirect(r, arena_printf(r->a, "/settings/webhooks/%lld"
		    "?done=redelivered", (long long)ep->id));
		return;
	}
	if (page_refused_bare(r, &out.why) || (d = begin(r, ep)) == NULL)
		return;
	page_refused(r, d, &out.why);
	fill_current(r, d, ep);
	page_end(r);
}

/* /settings/webhooks/ID. */
static void
one(struct req *r)
{
	struct store_wh_endpoint ep;
	struct tpl_dict		*d;
	int			 rc;

	if ((rc = store_webhook_endpoint_get(r->a, r->user.operator_id,
	    r->ids[0], &ep)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		else
			http_error(r, 404);
		return;
	}
	if (r->method == M_GET) {
		if ((d = begin(r, &ep)) == NULL)
			return;
		fill_current(r, d, &ep);
		page_end(r);
		return;
	}
	switch (form_enum(r, "op", ops_keys)) {
	case OP_SAVE:
		save(r, &ep);
		break;
	case OP_REVEAL:
	case OP_ROTATE:
		secret(r, &ep, form_enum(r, "op", ops_keys) == OP_ROTATE);
		break;
	case OP_REDELIVER:
		redeliver(r, &ep);
		break;
	default:
		http_error_msg(r, 400, "Unknown action on a webhook endpoint.");
	}
}

void
page_webhooks(struct req *r)
{
	struct webhook_save_in	 in;
	struct tpl_dict		*d;

	if (r->nids > 0) {
		one(r);
		return;
	}
	if (r->method == M_POST) {
		if (form_enum(r, "op", ops_keys) != OP_SAVE) {
			http_error_msg(r, 400, "Unknown action on webhooks.");
			return;
		}
		save(r, NULL);
		return;
	}
	if ((d = begin(r, NULL)) == NULL)
		return;
	memset(&in, 0, sizeof(in));
	in.url = "";
	in.enabled = 1;
	fill_form(r, d, &in);
	page_end(r);
}
