/*
 * catalog_edit: one catalog service. Everyone operator-side sees it;
 * operator admins (POST is admin-only in the route table) change it: its
 * code, name, category, cost, RRP, description, entitlements, sites and
 * RRP by site (op=save; a save that sends only RRP, description and sites
 * keeps the rest), retire it or offer it again (op=retire, op=unretire),
 * and add or delete rules (op=add_rule, op=delete_rule). Each change is one transaction that also
 * bumps the catalog version (worker caches) and writes an audit event.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/money.h"
#include "../domain/rules.h"
#include "../ops/catalog.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "catalog_form.h"
#include "pages.h"

const char	*catalog_entitlements(struct req *, const struct store_service *);
const char	*catalog_rule_text_for(struct req *,
		    const struct store_catalog *, const struct store_rule *,
		    int64_t for_service);

/* What deleting rule u of service s does, named. */
static const char *
rule_consequence(struct req *r, const struct store_catalog *c,
    const struct store_rule *u, const struct store_service *s)
{
	return arena_printf(r->a, "The rule \u201c%s\u201d of %s is deleted: "
	    "from now on no occupier's services are checked against it. To "
	    "have it again, add it anew.", catalog_rule_text_for(r, c, u,
	    s->id), s->name);
}

enum rule_field {
	RF_KIND,	/* kind */
	RF_OTHER,	/* other (service id) */
	RF_CATEGORY,	/* category */
	RF_MAX,		/* max */
	RF__MAX
};

static const struct field rule_fields[RF__MAX] = {
	[RF_KIND] = { "kind", "Rule", FT_TEXT, 16, 1, 0, 0, NULL, 0 },
	[RF_OTHER] = { "other", "Other service", FT_INT, 20, 0, 0, INT64_MAX, NULL, 0 },
	[RF_CATEGORY] = { "category", "Category", FT_TEXT, 32, 0, 0, 0, NULL, 0 },
	[RF_MAX] = { "max", "Maximum", FT_INT, 6, 0, 1, 99999, NULL, 0 },
};

/* What the page works on: the catalog, the service, the operator's sites
 * and the service's own RRPs at them. */
struct page_cat {
	const struct store_catalog	*cat;
	const struct store_service	*s;
	struct store_site		*sites;
	size_t				 ns;
	struct store_site_rrp		*rr;
	size_t				 nr;
};

static const struct store_service *
find(const struct store_catalog *c, int64_t id)
{
	size_t	 i;

	for (i = 0; i < c->nsvc; i++)
		if (c->svc[i].id == id)
			return &c->svc[i];
	return NULL;
}

/* The rules of s (section RULE), deletable by operator admins. */
static void
fill_rules(struct req *r, struct tpl_dict *d, const struct store_catalog *c,
    const struct store_service *s)
{
	struct tpl_dict	*x;
	size_t		 i;
	int		 k;

	for (i = 0; i < c->nrules; i++) {
		const struct store_rule *u = &c->rules[i];

		if (u->service_id != s->id && !(u->other_id == s->id &&
		    strcmp(u->kind, "excludes") == 0))
			continue;
		x = tpl_section(d, TN_RULE);
		tpl_set_int(x, TN_RULE_ID, u->id);
		tpl_set(x, TN_TEXT, catalog_rule_text_for(r, c, u, s->id));
		if (r->user.role == ROLE_OPERATOR_ADMIN)
			tpl_set(tpl_section(x, TN_RULE_EDIT), TN_CONFIRM,
			    rule_consequence(r, c, u, s));
	}
	for (i = 0; i < c->nsvc; i++) {
		if (c->svc[i].id == s->id)
			continue;
		x = tpl_section(d, TN_OTHER);
		tpl_set_int(x, TN_ID, c->svc[i].id);
		tpl_set(x, TN_NAME, c->svc[i].name);
	}
	for (k = 0; k < CAT__MAX; k++)
		tpl_set(tpl_section(d, TN_CAT), TN_NAME, svc_category_names[k]);
}

/* What the page shows: the service as stored, its form (f: as sent, or
 * NULL: as stored) and its rules. */
static void
fill(struct req *r, struct tpl_dict *d, const struct page_cat *p,
    const struct catalog_form *f)
{
	const struct store_service	*s = p->s;

	tpl_set_int(d, TN_ID, s->id);
	tpl_set(d, TN_NAME, s->name);
	tpl_set(d, TN_CATEGORY, s->category);
	tpl_set(d, TN_CODE, s->code);
	page_set_money(d, TN_COST, s->cost);
	page_set_money(d, TN_RRP_SHOW, s->rrp_base);
	tpl_set(d, TN_DESCRIPTION_SHOW, s->description);
	tpl_set(d, TN_ENTITLES, catalog_entitlements(r, s));
	tpl_show(d, s->retired ? TN_RETIRED : TN_OFFERED);
	if (s->needs_case)
		tpl_show(d, TN_NEEDS_CASE);
	if (f == NULL || !f->from_form)
		catalog_form_fill(r, d, s);
	catalog_form_categories(d, f != NULL && f->from_form ?
	    f->def.category : s->category);
	catalog_form_sites(r, d, s, p->rr, p->nr, p->sites, p->ns, f);
	fill_rules(r, d, p->cat, s);
	if (r->user.role == ROLE_OPERATOR_ADMIN)
		tpl_show(d, TN_CAN_EDIT);
	else
		tpl_show(d, TN_READ_ONLY);
}

/* Deleting rule id of service s asks first, naming the consequence: 1 go
 * on (confirmed, or not one of the service's rules: the operation says
 * so), 0 the question answered. */
static int
rule_confirmed(struct req *r, const struct store_catalog *c,
    const struct store_service *s, int64_t id)
{
	struct page_confirm	 q;
	size_t			 i;

	for (i = 0; i < c->nrules; i++)
		if (c->rules[i].id == id && (c->rules[i].service_id == s->id ||
		    (c->rules[i].other_id == s->id &&
		    strcmp(c->rules[i].kind, "excludes") == 0)))
			break;
	if (i == c->nrules)
		return 1;
	memset(&q, 0, sizeof(q));
	q.title = arena_printf(r->a, "Delete a rule of %s?", s->name);
	q.consequence = rule_consequence(r, c, &c->rules[i], s);
	q.button = "Delete the rule";
	q.back = arena_printf(r->a, "/catalog/%lld", (long long)s->id);
	q.back_label = s->name;
	q.menu = "catalog";
	return page_confirmed(r, &q);
}

enum cat_op {
	CO_SAVE,	/* save */
	CO_ADD_RULE,	/* add_rule */
	CO_DELETE_RULE,	/* delete_rule */
	CO_RETIRE,	/* retire */
	CO_UNRETIRE,	/* unretire */
};

static const char *const cat_ops[] = { "save", "add_rule", "delete_rule",
    "retire", "unretire", NULL };

/* op=add_rule: the rule sent, through ops_catalog_rule_add. 1, 0 refused
 * or not read (messages in d), -1 store error. */
static int
add_rule(struct req *r, struct tpl_dict *d, struct ops_ctx *c,
    const struct store_catalog *cat, const struct store_service *s,
    struct catalog_out *out)
{
	struct catalog_rule_in	 in;
	struct fval		 v[RF__MAX];

	memset(out, 0, sizeof(*out));
	if (form_read(r, d, rule_fields, RF__MAX, v) > 0)
		return ops_refuse(&out->why, OPS_INVALID, NULL, NULL);
	memset(&in, 0, sizeof(in));
	in.cat = cat;
	in.service_id = s->id;
	in.rule.kind = v[RF_KIND].s;
	in.rule.has_other = v[RF_OTHER].present;
	in.rule.other = v[RF_OTHER].i;
	in.rule.category = v[RF_CATEGORY].present ? v[RF_CATEGORY].s : NULL;
	in.rule.has_max = v[RF_MAX].present;
	in.rule.max = v[RF_MAX].i;
	in.rule.qty_le = form_has(r, "qty_le");
	in.confirmed = form_has(r, "confirm_impact");
	return ops_catalog_rule_add(c, &in, out);
}

/* A rule that saved plans break: the confirmation, with the rule as sent. */
static void
impact_fill(struct req *r, struct tpl_dict *d, const struct catalog_out *out)
{
	static const char *const keys[] = { "kind", "other", "category",
	    "qty_le", "max" };
	struct tpl_dict	*x, *h;
	const char	*v;
	size_t		 i;

	if (out->impact == 0)
		return;
	x = tpl_section(d, TN_IMPACT);
	tpl_set(x, TN_TEXT, out->impact_names);
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if ((v = form_text(r, keys[i], 64)) == NULL)
			continue;
		h = tpl_section(x, TN_HIDDEN);
		tpl_set(h, TN_NAME, keys[i]);
		tpl_set(h, TN_VALUE, v);
	}
}

/* op=save: the service's fields and sites (catalog_form.h), through
 * ops_catalog_service_save. As add_rule. */
static int
save_service(struct req *r, struct tpl_dict *d, struct ops_ctx *c,
    const struct page_cat *p, struct catalog_form *f,
    struct catalog_out *out)
{
	struct catalog_service_in	 in;

	memset(out, 0, sizeof(*out));
	if (catalog_form_read(r, d, p->s, p->sites, p->ns, f) > 0)
		return ops_refuse(&out->why, OPS_INVALID, NULL, NULL);
	memset(&in, 0, sizeof(in));
	in.cat = p->cat;
	in.sites = p->sites;
	in.nsites = p->ns;
	in.service_id = p->s->id;
	in.def = f->def;
	in.checked = f->checked;
	in.nchecked = f->nchecked;
	in.site_rrp = f->site_rrp;
	return ops_catalog_service_save(c, &in, out);
}

/* op=delete_rule, asked first: as add_rule, or 2 when the question was
 * answered. */
static int
delete_rule(struct req *r, struct ops_ctx *c, const struct page_cat *p,
    struct catalog_out *out)
{
	struct catalog_rule_delete_in	 del;

	memset(&del, 0, sizeof(del));
	del.cat = p->cat;
	del.service_id = p->s->id;
	if (form_id(r, "rule", &del.rule_id) != 1)
		del.rule_id = 0;
	if (!rule_confirmed(r, p->cat, p->s, del.rule_id))
		return 2;
	return ops_catalog_rule_delete(c, &del, out);
}

/* The POST: one change (op), then back to the service, or the form again
 * with why not. */
static void
change(struct req *r, struct tpl_dict *d, const struct page_cat *p)
{
	struct catalog_retire_in	 ret;
	struct catalog_form		 f;
	struct catalog_out		 out;
	struct ops_ctx			 c;
	int64_t				*ids;
	int				 op, rc;

	memset(&f, 0, sizeof(f));
	if ((op = form_enum(r, "op", cat_ops)) < 0)
		op = CO_SAVE;
	if (form_ids(r, "site", p->ns + 64, &ids, &f.nchecked) < 0) {
		http_error_msg(r, 400, "This form could not be read: a choice "
		    "it sends is not one the screen offers.");
		return;
	}
	f.checked = ids;
	page_ops_ctx(r, &c);
	if (op == CO_DELETE_RULE) {
		if ((rc = delete_rule(r, &c, p, &out)) == 2)
			return;
	} else if (op == CO_ADD_RULE)
		rc = add_rule(r, d, &c, p->cat, p->s, &out);
	else if (op == CO_RETIRE || op == CO_UNRETIRE) {
		ret.cat = p->cat;
		ret.service_id = p->s->id;
		ret.retired = op == CO_RETIRE;
		rc = ops_catalog_service_retire(&c, &ret, &out);
	} else
		rc = save_service(r, d, &c, p, &f, &out);
	if (rc < 0)
		page_store_error(r);
	else if (rc > 0)
		http_redirect(r, arena_printf(r->a, "/catalog/%lld?done=%s",
		    (long long)p->s->id, op == CO_RETIRE ? "retired" :
		    op == CO_UNRETIRE ? "offered" : "saved"));
	else if (!page_refused_bare(r, &out.why)) {
		page_refused(r, d, &out.why);
		if (op == CO_ADD_RULE)
			impact_fill(r, d, &out);
		fill(r, d, p, &f);
		page_end(r);
	}
}

void
page_catalog_edit(struct req *r)
{
	struct tpl_dict		*d;
	struct store_catalog	 c;
	struct page_cat		 p;

	memset(&p, 0, sizeof(p));
	p.cat = &c;
	if (store_catalog_load(r->a, r->user.operator_id, 0, &c) < 0 ||
	    store_site_list(r->a, r->user.operator_id, 0, &p.sites,
	    &p.ns) < 0) {
		page_store_error(r);
		return;
	}
	if ((p.s = find(&c, r->ids[0])) == NULL) {
		http_error(r, 404);
		return;
	}
	if (store_service_site_rrps(r->a, r->user.operator_id, p.s->id, &p.rr,
	    &p.nr) < 0) {
		page_store_error(r);
		return;
	}
	if ((d = page_begin(r, p.s->name, "catalog_edit.tpl", "catalog")) ==
	    NULL)
		return;
	if (r->method == M_GET) {
		fill(r, d, &p, NULL);
		page_end(r);
		return;
	}
	change(r, d, &p);
}
