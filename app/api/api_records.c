/*
 * api_records: the read resources of the JSON API — contracts, a site's
 * phone numbers, an occupier's devices at a site, cases (with their
 * conversation) and invoices — each read through the store functions of
 * its screen, scoped to the key's operator and, for a key restricted to a
 * site, to that site: a record of another operator or site is 404, like
 * one that does not exist.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/phone.h"
#include "../http/http.h"
#include "../store/store.h"
#include "../store/store_case.h"
#include "../store/store_device.h"
#include "../store/store_invoice.h"
#include "../store/store_phone.h"
#include "api.h"

static void
not_found(struct req *r, const char *what)
{
	api_problem(r, 404, "not-found", "Not found", what);
}

/* ---- contracts ---- */

json_t *
api_contract_json(const struct store_contract *c)
{
	return json_pack("{s:I, s:I, s:I, s:s, s:o, s:o, s:I, s:I, s:I, s:I}",
	    "id", (json_int_t)c->id, "occupier_id", (json_int_t)c->occupier_id,
	    "site_id", (json_int_t)c->site_id, "reference", c->reference,
	    "start", api_day(c->start), "end", api_day(c->end), "version",
	    (json_int_t)c->version, "value", (json_int_t)c->value,
	    "notice_months", (json_int_t)c->notice_months, "deposit",
	    (json_int_t)c->deposit);
}

void
api_contracts(struct req *r, const struct api_key *k)
{
	struct store_contract	*c;
	json_t			*items;
	int64_t			 after, limit, occ, site, since;
	size_t			 i, n;

	if (!api_paging(r, &after, &limit) ||
	    api_query_int(r, "occupier", INT64_MAX / 2, &occ) < 0 ||
	    api_query_int(r, "site", INT64_MAX / 2, &site) < 0 ||
	    api_query_int(r, "updated_since", INT64_MAX / 2, &since) < 0)
		return;
	if (store_contract_page(r->a, k->operator_id, occ, site, k->site_id,
	    since, after, limit + 1, &c, &n) < 0) {
		api_store_error(r);
		return;
	}
	items = json_array();
	for (i = 0; i < n && i < (size_t)limit; i++)
		json_array_append_new(items, api_contract_json(&c[i]));
	api_page(r, items, n > (size_t)limit ? c[limit - 1].id : 0);
}

void
api_contract(struct req *r, const struct api_key *k)
{
	struct store_contract	 c;
	int			 rc;

	if ((rc = store_contract_get(r->a, k->operator_id, r->ids[0], &c)) < 0) {
		api_store_error(r);
		return;
	}
	if (rc == 0 || (k->site_id != 0 && c.site_id != k->site_id)) {
		not_found(r, "No such contract.");
		return;
	}
	api_etag(r, c.version);
	api_json(r, 200, api_contract_json(&c));
}

/* ---- phone numbers ---- */

int
api_site_in_scope(struct req *r, const struct api_key *k, int64_t site)
{
	struct store_site	 s;
	int			 rc;

	if (k->site_id != 0 && site != k->site_id) {
		not_found(r, "No such site.");
		return 0;
	}
	if ((rc = store_site_get(r->a, k->operator_id, site, &s)) > 0)
		return 1;
	if (rc < 0)
		api_store_error(r);
	else
		not_found(r, "No such site.");
	return 0;
}

json_t *
api_phone_json(const struct store_phone *p)
{
	return json_pack("{s:I, s:s, s:s, s:I, s:s, s:b, s:b, s:b, s:o, s:o,"
	    " s:o, s:I}", "id", (json_int_t)p->id, "number", p->number, "state",
	    p->state < PHONE__MAX ? phone_state_keys[p->state] : "",
	    "occupier_id", (json_int_t)p->occupier_id, "occupier_name",
	    p->occupier_name, "operator_held", p->operator_held, "is_main",
	    p->is_main, "ported_in", p->ported_in, "activated", api_day(p->activated_at), "deactivated",
	    api_day(p->deactivated_at), "cooloff_until",
	    api_day(p->cooloff_until), "version", (json_int_t)p->version);
}

/* ?state=: 1 with *st (PHONE__MAX: any), or 0 with the 400. */
static int
state_arg(struct req *r, enum phone_state *st)
{
	const char	*s = kv_get(&r->query, "state");

	*st = PHONE__MAX;
	if (s == NULL || *s == '\0')
		return 1;
	if ((*st = phone_state_parse(s)) < PHONE__MAX)
		return 1;
	api_problem(r, 400, "bad-request", "Bad query parameter", "state is "
	    "one of available, reserved, active, cooling_off, "
	    "retired.");
	return 0;
}

void
api_site_numbers(struct req *r, const struct api_key *k)
{
	struct store_phone_filter	 f;
	struct store_phone_page		 pg;
	struct store_phone		*p;
	json_t				*items;
	size_t				 i, n;
	int				 more, rc;

	memset(&f, 0, sizeof(f));
	memset(&pg, 0, sizeof(pg));
	pg.q = "";
	f.holder = SPH_ALL;
	if (!api_paging(r, &pg.anchor, &pg.limit) || !state_arg(r, &f.state) ||
	    !api_site_in_scope(r, k, r->ids[0]))
		return;
	if ((rc = store_phone_page_site(r->a, k->operator_id, r->ids[0],
	    r->today, &f, &pg, &p, &n, &more)) < 0) {
		api_store_error(r);
		return;
	}
	if (rc == 0) {
		api_problem(r, 400, "bad-request", "Bad query parameter",
		    "cursor is not a next_cursor of this list.");
		return;
	}
	items = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(items, api_phone_json(&p[i]));
	api_page(r, items, more && n > 0 ? p[n - 1].id : 0);
}

/* ---- cases ---- */

json_t *
api_case_json(const struct store_case *c)
{
	return json_pack("{s:I, s:s, s:s, s:I, s:s, s:I, s:s, s:I, s:s, s:s,"
	    " s:s, s:I, s:I, s:I, s:I, s:I}", "id", (json_int_t)c->id, "subject",
	    c->subject, "status", c->status, "occupier_id",
	    (json_int_t)c->occupier_id, "occupier_name", c->occupier_name,
	    "site_id", (json_int_t)c->site_id, "site_name", c->site_name,
	    "service_id", (json_int_t)c->service_id, "service_name",
	    c->service_name != NULL ? c->service_name : "", "priority",
	    c->priority != NULL ? c->priority : "", "category", c->category !=
	    NULL ? c->category : "", "created_at", (json_int_t)c->created_at,
	    "closed_at", (json_int_t)c->closed_at, "assignee_id",
	    (json_int_t)c->assignee_id, "comments", (json_int_t)c->ncomments,
	    "version", (json_int_t)c->version);
}

/* ?status=open|closed: 1 with *tab (NULL: all), or 0 with the 400. */
static int
tab_arg(struct req *r, const char **tab)
{
	const char	*s = kv_get(&r->query, "status");

	*tab = NULL;
	if (s == NULL || *s == '\0')
		return 1;
	if (strcmp(s, "open") == 0 || strcmp(s, "closed") == 0) {
		*tab = s;
		return 1;
	}
	api_problem(r, 400, "bad-request", "Bad query parameter",
	    "status is open or closed.");
	return 0;
}

void
api_cases(struct req *r, const struct api_key *k)
{
	struct store_case_filter f;
	struct store_case	*c;
	json_t			*items;
	int64_t			 after, limit;
	size_t			 i, n;
	int			 more;

	memset(&f, 0, sizeof(f));
	f.op = k->operator_id;
	if (!api_paging(r, &after, &limit) || !tab_arg(r, &f.tab) ||
	    api_query_int(r, "occupier", INT64_MAX / 2, &f.occ) < 0 ||
	    api_query_int(r, "site", INT64_MAX / 2, &f.site) < 0)
		return;
	if (k->site_id != 0 && f.site != 0 && f.site != k->site_id) {
		api_page(r, json_array(), 0);	/* none at another site */
		return;
	}
	if (k->site_id != 0)
		f.site = k->site_id;
	if (store_case_page(r->a, &f, after, 0, limit, &c, &n, &more) < 0) {
		api_store_error(r);
		return;
	}
	items = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(items, api_case_json(&c[i]));
	api_page(r, items, more && n > 0 ? c[n - 1].id : 0);
}

int
api_case_load(struct req *r, const struct api_key *k, struct store_case *c)
{
	int	 rc;

	if ((rc = store_case_get(r->a, k->operator_id, r->ids[0], c)) < 0) {
		api_store_error(r);
		return 0;
	}
	if (rc == 0 || (k->site_id != 0 && c->site_id != k->site_id)) {
		not_found(r, "No such case.");
		return 0;
	}
	return 1;
}

void
api_case(struct req *r, const struct api_key *k)
{
	struct store_case		 c;
	struct store_case_comment	*cm;
	json_t				*j, *a;
	size_t				 i, n;

	if (!api_case_load(r, k, &c))
		return;
	if (store_case_comments(r->a, k->operator_id, c.id, &cm, &n) < 0) {
		api_store_error(r);
		return;
	}
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:I}", "id",
		    (json_int_t)cm[i].id, "author", cm[i].author, "body",
		    cm[i].body, "at", (json_int_t)cm[i].at));
	j = api_case_json(&c);
	api_etag(r, c.version);
	json_object_set_new(j, "details", json_string(c.details != NULL ?
	    c.details : ""));
	json_object_set_new(j, "conversation", a);
	api_json(r, 200, j);
}

/* ---- invoices ---- */

static json_t *
invitem_json(const struct store_invitem *v)
{
	return json_pack("{s:I, s:s, s:b, s:b, s:I, s:s, s:o, s:o, s:o, s:I,"
	    " s:I, s:I, s:I, s:I}", "id", (json_int_t)v->id, "number",
	    v->number, "credit_note", v->credit, "issued", v->issued,
	    "occupier_id", (json_int_t)v->occupier_id, "occupier_name",
	    v->occ_name, "period", api_day(v->period), "issue_date",
	    api_day(v->issue), "due_date", api_day(v->due), "net",
	    (json_int_t)v->net, "vat", (json_int_t)v->vat, "gross",
	    (json_int_t)v->gross, "credited", (json_int_t)v->credited, "paid",
	    (json_int_t)v->paid);
}

/* An invoice spans an occupier's sites: a site key reads none. */
static int
invoices_in_scope(struct req *r, const struct api_key *k)
{
	if (k->site_id == 0)
		return 1;
	api_problem(r, 403, "forbidden", "This key cannot read invoices",
	    "An invoice may cover every site of an occupier: read invoices "
	    "with a key of every site.");
	return 0;
}

void
api_invoices(struct req *r, const struct api_key *k)
{
	static const char *const st[] = { "all", "draft", "issued", "paid",
	    "credited", "credit" };
	struct store_invfilter	 f;
	struct store_invitem	*v;
	const char		*s = kv_get(&r->query, "status");
	json_t			*items;
	int64_t			 off, limit;
	size_t			 i, n;

	memset(&f, 0, sizeof(f));
	f.period = DATE_NONE;
	f.status = "all";
	for (i = 0; s != NULL && *s != '\0' && i < 6 && strcmp(s, st[i]); i++)
		;
	if (i == 6) {
		api_problem(r, 400, "bad-request", "Bad query parameter",
		    "status is one of all, draft, issued, paid, credited, credit.");
		return;
	}
	if (s != NULL && *s != '\0')
		f.status = st[i];
	if (!invoices_in_scope(r, k) || !api_paging(r, &off, &limit) ||
	    api_query_int(r, "occupier", INT64_MAX / 2, &f.occupier_id) < 0)
		return;
	if (store_invoice_list(r->a, k->operator_id, &f, limit + 1, off, &v,
	    &n) < 0) {
		api_store_error(r);
		return;
	}
	items = json_array();
	for (i = 0; i < n && i < (size_t)limit; i++)
		json_array_append_new(items, invitem_json(&v[i]));
	api_page(r, items, n > (size_t)limit ? off + limit : 0);
}

static json_t *
lines_json(const struct store_invline *l, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:I, s:I, s:I}",
		    "line_no", (json_int_t)l[i].line_no, "description",
		    l[i].l.description, "qty", (json_int_t)l[i].l.qty,
		    "unit_price", (json_int_t)l[i].l.unit_price, "net",
		    (json_int_t)l[i].l.net));
	return a;
}

void
api_invoice(struct req *r, const struct api_key *k)
{
	struct store_invoice	 v;
	struct store_invline	*l;
	size_t			 n;
	int			 rc;

	if (!invoices_in_scope(r, k))
		return;
	if ((rc = store_invoice_get(r->a, k->operator_id, 0, r->ids[0],
	    &v)) < 0 || (rc > 0 && store_invoice_lines(r->a, k->operator_id,
	    v.id, &l, &n) < 0)) {
		api_store_error(r);
		return;
	}
	if (rc == 0) {
		not_found(r, "No such invoice.");
		return;
	}
	api_etag(r, v.version);
	api_json(r, 200, json_pack("{s:I, s:s, s:b, s:b, s:I, s:s, s:I, s:o,"
	    " s:o, s:o, s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "id",
	    (json_int_t)v.id, "number", v.number, "credit_note", v.credit,
	    "issued", v.issued, "occupier_id", (json_int_t)v.occupier_id,
	    "occupier_name", v.occ_name, "site_id", (json_int_t)v.site_id,
	    "period", api_day(v.period), "issue_date", api_day(v.issue),
	    "due_date", api_day(v.due), "currency", v.currency, "net",
	    (json_int_t)v.net, "vat", (json_int_t)v.vat, "gross",
	    (json_int_t)v.gross, "credited", (json_int_t)v.credited, "paid",
	    (json_int_t)v.paid, "version", (json_int_t)v.version, "lines",
	    lines_json(l, n)));
}

/* ---- devices ---- */

void
api_devices(struct req *r, const struct api_key *k)
{
	struct store_api_occupier	 o;
	struct store_device		*d;
	json_t				*items;
	size_t				 i, n;

	if (!api_site_in_scope(r, k, r->ids[1]))
		return;
	if (!api_occupier_load(r, k, r->ids[0], &o))
		return;
	if (store_device_list(r->a, k->operator_id, o.id, r->ids[1], &d,
	    &n) < 0) {
		api_store_error(r);
		return;
	}
	items = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(items, api_device_json(&d[i]));
	api_json(r, 200, json_pack("{s:o}", "items", items));
}
