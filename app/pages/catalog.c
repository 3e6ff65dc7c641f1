/*
 * catalog: the service catalog with cost, RRP, description, infrastructure
 * entitlements, rules and site availability. Everyone operator-side reads
 * it; operator admins edit a service from its page (catalog_edit.c).
 */
#include <stdio.h>
#include <string.h>

#include "../domain/money.h"
#include "../domain/rules.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

/* "1 switch port, 10 Wi-Fi devices" or "—". */
const char *
catalog_entitlements(struct req *r, const struct store_service *s)
{
	static const char *const one[INFRA__MAX] = { "switch port",
	    "telephony extension", "public IP address", "Wi-Fi device",
	    "Wi-Fi account" };
	static const char *const many[INFRA__MAX] = { "switch ports",
	    "telephony extensions", "public IP addresses", "Wi-Fi devices",
	    "Wi-Fi accounts" };
	struct buf	 b;
	int		 t;

	buf_init(&b, r->a, 64);
	for (t = 0; t < INFRA__MAX; t++) {
		if (s->ent[t] == 0)
			continue;
		buf_printf(&b, "%s%lld %s", b.len ? ", " : "",
		    (long long)s->ent[t], s->ent[t] == 1 ? one[t] : many[t]);
	}
	return b.len ? b.p : "—";
}

static const char *
service_name(const struct store_catalog *c, int64_t id)
{
	size_t	 i;

	for (i = 0; i < c->nsvc; i++)
		if (c->svc[i].id == id)
			return c->svc[i].name;
	return "?";
}

static const char *
catalog_rule_text(struct req *r, const struct store_catalog *c,
    const struct store_rule *u)
{
	const char	*cat = u->other_category;

	if (strcmp(u->kind, "requires") == 0) {
		if (u->other_id == 0)
			return arena_printf(r->a, "Requires %s %s service",
			    strchr("AEIOU", cat[0]) && cat[0] ? "an" : "a", cat);
		return arena_printf(r->a, "Requires %s%s",
		    service_name(c, u->other_id), u->qty_le ?
		    " (QTY no more than its QTY)" : "");
	}
	if (strcmp(u->kind, "excludes") == 0)
		return arena_printf(r->a, "Cannot be taken with %s",
		    service_name(c, u->other_id));
	if (strcmp(u->kind, "max_qty") == 0)
		return arena_printf(r->a, "At most %lld per occupier per site",
		    (long long)u->max_qty);
	return u->kind;
}

/* A rule as read from the page of service for (an excludes rule reads the
 * same from both of its services: the relation is symmetric). */
const char *
catalog_rule_text_for(struct req *r, const struct store_catalog *c,
    const struct store_rule *u, int64_t for_service)
{
	if (strcmp(u->kind, "excludes") == 0 && u->other_id == for_service)
		return arena_printf(r->a, "Cannot be taken with %s",
		    service_name(c, u->service_id));
	return catalog_rule_text(r, c, u);
}

/* "Canary Wharf, Shoreditch (RRP 95.00)": the sites offering s, each
 * with its own RRP if it has one, or "Not offered". */
static const char *
sites_text(struct req *r, const struct store_service *s,
    const struct store_site *sites, size_t ns,
    const struct store_site_rrp *rr, size_t nr)
{
	struct buf	 sb;
	char		 id[32], m[MONEY_STRLEN];
	size_t		 j, k;

	buf_init(&sb, r->a, 64);
	for (j = 0; j < ns; j++) {
		snprintf(id, sizeof(id), ",%lld,", (long long)sites[j].id);
		if (!strstr(arena_printf(r->a, ",%s,", s->site_ids), id))
			continue;
		buf_printf(&sb, "%s%s", sb.len ? ", " : "", sites[j].name);
		for (k = 0; k < nr; k++)
			if (rr[k].service_id == s->id &&
			    rr[k].site_id == sites[j].id) {
				money_format_display(rr[k].rrp, m, sizeof(m));
				buf_printf(&sb, " (RRP %s)", m);
			}
	}
	return sb.len ? sb.p : "Not offered";
}

void
page_catalog(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct store_catalog	 c;
	struct store_site	*sites;
	struct store_site_rrp	*rr;
	size_t			 i, j, ns, nr;

	if ((d = page_begin(r, "Catalog", "catalog.tpl", "catalog")) == NULL)
		return;
	if (store_catalog_load(r->a, r->user.operator_id, 0, &c) < 0 ||
	    store_site_list(r->a, r->user.operator_id, 0, &sites, &ns) < 0 ||
	    store_service_site_rrps(r->a, r->user.operator_id, 0, &rr,
	    &nr) < 0) {
		page_store_error(r);
		return;
	}
	tpl_show(d, r->user.role == ROLE_OPERATOR_ADMIN ? TN_CAN_EDIT :
	    TN_READ_ONLY);
	for (i = 0; i < c.nsvc; i++) {
		const struct store_service *s = &c.svc[i];

		row = tpl_section(d, TN_ROW);
		tpl_set_int(row, TN_ID, s->id);
		tpl_set(row, TN_NAME, s->name);
		tpl_set(row, TN_CATEGORY, s->category);
		tpl_set(row, TN_DESCRIPTION, s->description);
		page_set_money(row, TN_COST, s->cost);
		page_set_money(row, TN_RRP, s->rrp);
		tpl_set(row, TN_ENTITLES, catalog_entitlements(r, s));
		for (j = 0; j < c.nrules; j++)
			if (c.rules[j].service_id == s->id ||
			    (c.rules[j].other_id == s->id &&
			    strcmp(c.rules[j].kind, "excludes") == 0))
				tpl_set(tpl_section(row, TN_RULE), TN_TEXT,
				    catalog_rule_text_for(r, &c, &c.rules[j],
				    s->id));
		tpl_set(row, TN_SITES, sites_text(r, s, sites, ns, rr, nr));
		if (s->needs_case)
			tpl_show(row, TN_NEEDS_CASE);
		if (s->retired)
			tpl_show(row, TN_RETIRED);
	}
	tpl_show(d, c.nsvc == 0 ? TN_EMPTY : TN_HAS_ROWS);
	page_end(r);
}
