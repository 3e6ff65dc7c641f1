/*
 * catalog_edit: one catalog service. Everyone operator-side sees it;
 * operator admins (POST is admin-only in the route table) change its RRP,
 * description and site availability (op=save), and add or delete rules
 * (op=add_rule, op=delete_rule). Each change is one transaction that also
 * bumps the catalog version (worker caches) and writes an audit event.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/money.h"
#include "../domain/rules.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

const char	*catalog_entitlements(struct req *, const struct store_service *);
const char	*catalog_rule_text_for(struct req *,
		    const struct store_catalog *, const struct store_rule *,
		    int64_t for_service);

enum svc_field {
	SVF_RRP,	/* rrp */
	SVF_DESC,	/* description */
	SVF__MAX
};

static const struct field svc_fields[SVF__MAX] = {
	[SVF_RRP] = { "rrp", "RRP", FT_MONEY, 20, 1, 0, 0, NULL },
	[SVF_DESC] = { "description", "Description", FT_MULTILINE, 1000, 0, 0, 0, NULL },
};

enum rule_field {
	RF_KIND,	/* kind */
	RF_OTHER,	/* other (service id) */
	RF_CATEGORY,	/* category */
	RF_MAX,		/* max */
	RF__MAX
};

static const struct field rule_fields[RF__MAX] = {
	[RF_KIND] = { "kind", "Rule", FT_TEXT, 16, 1, 0, 0, NULL },
	[RF_OTHER] = { "other", "Other service", FT_INT, 20, 0, 0, INT64_MAX, NULL },
	[RF_CATEGORY] = { "category", "Category", FT_TEXT, 32, 0, 0, 0, NULL },
	[RF_MAX] = { "max", "Maximum", FT_INT, 6, 0, 1, 99999, NULL },
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

/* Site ids checked in the form, each one the operator's. */
static int64_t *
checked_sites(struct req *r, const struct store_site *sites, size_t ns,
    size_t *n)
{
	int64_t	*ids;
	size_t	 i, j;

	ids = arena_calloc(r->a, ns ? ns : 1, sizeof(*ids));
	*n = 0;
	for (i = 0; i < ns; i++)
		for (j = 0; j < r->form.n; j++)
			if (strcmp(r->form.v[j].key, "site") == 0 &&
			    strtoll(r->form.v[j].val, NULL, 10) == sites[i].id) {
				ids[(*n)++] = sites[i].id;
				break;
			}
	return ids;
}

static void
fill(struct req *r, struct tpl_dict *d, const struct store_catalog *c,
    const struct store_service *s, const struct store_site *sites, size_t ns,
    int from_form)
{
	struct tpl_dict	*x;
	char		 b[MONEY_STRLEN], key[40];
	size_t		 i;
	int		 k;

	tpl_set_int(d, TN_ID, s->id);
	tpl_set(d, TN_NAME, s->name);
	tpl_set(d, TN_CATEGORY, s->category);
	tpl_set(d, TN_CODE, s->code);
	page_set_money(d, TN_COST, s->cost);
	page_set_money(d, TN_RRP_SHOW, s->rrp);
	tpl_set(d, TN_DESCRIPTION_SHOW, s->description);
	tpl_set(d, TN_ENTITLES, catalog_entitlements(r, s));
	if (s->needs_case)
		tpl_show(d, TN_NEEDS_CASE);
	if (!from_form) {
		money_format(s->rrp, b, sizeof(b));
		form_fill(r, d, "rrp", b);
		form_fill(r, d, "description", s->description);
	}
	for (i = 0; i < ns; i++) {
		int on;

		x = tpl_section(d, TN_SITE);
		tpl_set_int(x, TN_ID, sites[i].id);
		tpl_set(x, TN_NAME, sites[i].name);
		snprintf(key, sizeof(key), ",%lld,", (long long)sites[i].id);
		if (from_form) {
			size_t j;

			for (j = 0, on = 0; j < r->form.n; j++)
				if (strcmp(r->form.v[j].key, "site") == 0 &&
				    strtoll(r->form.v[j].val, NULL, 10) ==
				    sites[i].id)
					on = 1;
		} else
			on = strstr(arena_printf(r->a, ",%s,", s->site_ids),
			    key) != NULL;
		if (on)
			tpl_show(x, TN_CHECKED);
	}
	for (i = 0; i < c->nrules; i++) {
		const struct store_rule *u = &c->rules[i];

		if (u->service_id != s->id && !(u->other_id == s->id &&
		    strcmp(u->kind, "excludes") == 0))
			continue;
		x = tpl_section(d, TN_RULE);
		tpl_set_int(x, TN_RULE_ID, u->id);
		tpl_set(x, TN_TEXT, catalog_rule_text_for(r, c, u, s->id));
		if (r->user.role == ROLE_OPERATOR_ADMIN)
			tpl_show(x, TN_RULE_EDIT);
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
	if (r->user.role == ROLE_OPERATOR_ADMIN)
		tpl_show(d, TN_CAN_EDIT);
	else
		tpl_show(d, TN_READ_ONLY);
}

/* Validate and insert one rule. Returns 1 added, 0 refused (messages in
 * d), -1 store error. Runs inside the caller's transaction. */
static int
add_rule(struct req *r, struct tpl_dict *d, const struct store_catalog *c,
    const struct store_service *s)
{
	struct fval	 v[RF__MAX];
	const char	*kind, *cat = NULL;
	int64_t		 other = 0, max = 0;
	int		 qty_le, rc;

	if (form_read(r, d, rule_fields, RF__MAX, v) > 0)
		return 0;
	kind = v[RF_KIND].s;
	qty_le = kv_get(&r->form, "qty_le") != NULL;
	if (v[RF_OTHER].present) {
		other = v[RF_OTHER].i;
		if (find(c, other) == NULL || other == s->id) {
			form_error(r, d, "other", "Other service must be another "
			    "service of the catalog");
			return 0;
		}
	}
	if (v[RF_CATEGORY].present) {
		if (svc_category_parse(v[RF_CATEGORY].s) == CAT__MAX) {
			form_error(r, d, "category", "Category is not a catalog "
			    "category");
			return 0;
		}
		cat = v[RF_CATEGORY].s;
	}
	if (strcmp(kind, "requires") == 0) {
		if ((other > 0) == (cat != NULL)) {
			form_error(r, d, "other", "A requires rule names either "
			    "another service or a category, not both");
			return 0;
		}
		if (cat != NULL && qty_le) {
			/* The engine supports it; keep the form simple. */
		}
	} else if (strcmp(kind, "excludes") == 0) {
		if (other == 0 || cat != NULL) {
			form_error(r, d, "other", "An excludes rule names another "
			    "service");
			return 0;
		}
		qty_le = 0;
	} else if (strcmp(kind, "max_qty") == 0) {
		if (!v[RF_MAX].present) {
			form_error(r, d, "max", "Maximum is required for an "
			    "\u201cat most\u201d rule");
			return 0;
		}
		max = v[RF_MAX].i;
		other = 0;
		cat = NULL;
		qty_le = 0;
	} else {
		form_error(r, d, "kind", "Rule must be requires, excludes or "
		    "at most");
		return 0;
	}
	rc = store_rule_insert(r->user.operator_id, kind, s->id, other, cat,
	    qty_le, max);
	if (rc <= 0)
		return rc;
	return store_audit(r->user.operator_id, 0, 0, r->user.id,
	    "service_rule", s->id, "create", NULL, arena_printf(r->a,
	    "service=%s\nkind=%s\nother=%lld\ncategory=%s\nqty_le=%d\nmax=%lld",
	    s->name, kind, (long long)other, cat ? cat : "", qty_le,
	    (long long)max)) < 0 ? -1 : 1;
}

void
page_catalog_edit(struct req *r)
{
	struct tpl_dict			*d;
	struct store_catalog		 c;
	struct store_site		*sites;
	const struct store_service	*s;
	struct fval			 v[SVF__MAX];
	const char			*op;
	int64_t				*ids;
	size_t				 ns, nids;
	int				 rc = 0;

	if (store_catalog_load(r->a, r->user.operator_id, 0, &c) < 0 ||
	    store_site_list(r->a, r->user.operator_id, 0, &sites, &ns) < 0) {
		page_store_error(r);
		return;
	}
	if ((s = find(&c, r->ids[0])) == NULL) {
		http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, s->name, "catalog_edit.tpl", "catalog")) == NULL)
		return;
	if (r->method == M_GET) {
		fill(r, d, &c, s, sites, ns, 0);
		page_end(r);
		return;
	}
	op = kv_get(&r->form, "op");
	if (op == NULL)
		op = "save";
	if (db_begin() < 0) {
		page_store_error(r);
		return;
	}
	if (strcmp(op, "delete_rule") == 0) {
		const char *rid = kv_get(&r->form, "rule");
		int64_t id = rid ? strtoll(rid, NULL, 10) : 0;
		size_t i;

		/* Only rules of this service: anything else is not found. */
		for (i = 0, rc = 0; i < c.nrules; i++)
			if (c.rules[i].id == id && (c.rules[i].service_id ==
			    s->id || (c.rules[i].other_id == s->id &&
			    strcmp(c.rules[i].kind, "excludes") == 0)))
				rc = 1;
		if (rc == 1 && (rc = store_rule_delete(r->user.operator_id,
		    id)) > 0)
			rc = store_audit(r->user.operator_id, 0, 0, r->user.id,
			    "service_rule", s->id, "delete", arena_printf(r->a,
			    "service=%s\nrule=%lld", s->name, (long long)id),
			    NULL) < 0 ? -1 : 1;
		if (rc == 0) {
			db_rollback();
			http_error(r, 404);
			return;
		}
	} else if (strcmp(op, "add_rule") == 0) {
		rc = add_rule(r, d, &c, s);
	} else {
		if (form_read(r, d, svc_fields, SVF__MAX, v) > 0)
			rc = 0;
		else {
			char ob[MONEY_STRLEN], nb[MONEY_STRLEN];

			ids = checked_sites(r, sites, ns, &nids);
			money_format(s->rrp, ob, sizeof(ob));
			money_format(v[SVF_RRP].i, nb, sizeof(nb));
			rc = store_service_update(r->user.operator_id, s->id,
			    v[SVF_RRP].i, v[SVF_DESC].s);
			if (rc > 0)
				rc = store_service_sites_set(r->user.operator_id,
				    s->id, ids, nids);
			if (rc > 0)
				rc = store_audit(r->user.operator_id, 0, 0,
				    r->user.id, "service", s->id, "update",
				    arena_printf(r->a, "rrp=%s\ndescription=%s\n"
				    "sites=%s", ob, s->description, s->site_ids),
				    arena_printf(r->a, "rrp=%s\ndescription=%s",
				    nb, v[SVF_DESC].s)) < 0 ? -1 : 1;
		}
	}
	if (rc > 0 && store_catalog_bump(r->user.operator_id) > 0 &&
	    db_commit() > 0) {
		http_redirect(r, arena_printf(r->a, "/catalog/%lld?done=saved",
		    (long long)s->id));
		return;
	}
	db_rollback();
	if (rc < 0 || rc > 0) {
		page_store_error(r);
		return;
	}
	r->status = 422;
	fill(r, d, &c, s, sites, ns, strcmp(op, "save") == 0);
	page_end(r);
}
