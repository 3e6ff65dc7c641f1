/*
 * occupier_nav: the header every occupier tab shares: name, edit link,
 * site selector and tabs.
 */
#include <stdio.h>
#include <string.h>

#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

static const struct {
	const char	*key;
	const char	*label;
} tabs[] = {
	{ "services", "Services" },
	{ "contracts", "Contracts" },
	{ "telephony", "Telephony" },
	{ "devices", "Devices" },
	{ "charges", "Charges" },
	{ "usage", "Usage" },
	{ "history", "History" },
	{ "users", "Users" },
};

int
occupier_tab_known(const char *tab)
{
	size_t	 i;

	for (i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++)
		if (strcmp(tab, tabs[i].key) == 0)
			return 1;
	return 0;
}

static int
has_contract(const struct store_occupier *o, int64_t site)
{
	size_t	 i;

	for (i = 0; i < o->ncontract_sites; i++)
		if (o->contract_sites[i] == site)
			return 1;
	return 0;
}

/* The site selector: the sites where o has a contract (and the one shown,
 * marked when it has none there); the others under "start a contract". */
static void
sites_fill(struct tpl_dict *d, struct tpl_dict *nav,
    const struct store_occupier *o, const struct store_site *sites,
    size_t ns, int64_t site)
{
	struct tpl_dict	*s;
	size_t		 i, nnew = 0;
	int		 c;

	for (i = 0; i < ns; i++) {
		c = has_contract(o, sites[i].id);
		if (!c && sites[i].id != site) {
			s = tpl_section(nav, TN_NEW_SITE_OPT);
			tpl_set_int(s, TN_ID, sites[i].id);
			tpl_set(s, TN_NAME, sites[i].name);
			nnew++;
			continue;
		}
		s = tpl_section(nav, TN_SITE_OPT);
		tpl_set_int(s, TN_ID, sites[i].id);
		tpl_set(s, TN_NAME, sites[i].name);
		if (!c)
			tpl_show(s, TN_NO_CONTRACT);
		if (sites[i].id == site) {
			page_use_site(sites[i].currency, sites[i].timezone);
			tpl_show(s, TN_SELECTED);
			tpl_set(d, TN_SITE_NAME, sites[i].name);
			tpl_set(nav, TN_SITE_NAME, sites[i].name);
		}
	}
	if (nnew > 0)
		tpl_show(nav, TN_NEW_SITES);
}

/* Fill the header of occupier o with the operator's sites; 0 (404 made)
 * when site is not one of them. */
static int
nav_fill(struct req *r, struct tpl_dict *d, const struct store_occupier *o,
    const struct store_site *sites, size_t ns, int64_t site, const char *tab)
{
	struct tpl_dict		*t, *nav;
	size_t			 i;
	int			 found = 0;

	for (i = 0; i < ns; i++)
		if (sites[i].id == site)
			found = 1;
	if (site != 0 && !found) {
		http_error(r, 404);
		return 0;
	}
	nav = tpl_include(d, TN_OCC_NAV, "occupier_nav.tpl");
	tpl_set_int(d, TN_OCC_ID, o->id);
	tpl_set(d, TN_OCC_NAME, o->name);
	tpl_set_int(d, TN_SITE_ID, site);
	tpl_set_int(nav, TN_OCC_ID, o->id);
	tpl_set(nav, TN_OCC_NAME, o->name);
	tpl_set(nav, TN_OCC_BILLING_REF, o->billing_ref);
	tpl_set(nav, TN_TAB, tab);
	sites_fill(d, nav, o, sites, ns, site);
	for (i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++) {
		t = tpl_section(nav, TN_TABS);
		tpl_set(t, TN_LABEL, tabs[i].label);
		tpl_set(t, TN_HREF, arena_printf(r->a,
		    "/occupiers/%lld/sites/%lld/%s", (long long)o->id,
		    (long long)site, tabs[i].key));
		if (strcmp(tab, tabs[i].key) == 0)
			tpl_show(t, TN_CURRENT);
	}
	return 1;
}

int
occupier_nav(struct req *r, struct tpl_dict *d, int64_t occ, int64_t site,
    const char *tab, struct store_occupier *o)
{
	const struct store_site	*sites;
	size_t			 ns;
	int			 rc;

	if ((rc = store_occupier_sites(r->a, r->user.operator_id, occ, 0, o,
	    &sites, &ns)) < 0) {
		page_store_error(r);
		return 0;
	}
	if (rc == 0) {
		http_error(r, 404);
		return 0;
	}
	return nav_fill(r, d, o, sites, ns, site, tab);
}

int
occupier_nav_head(struct req *r, struct tpl_dict *d,
    const struct store_plan_head *h, int64_t site, const char *tab)
{
	const struct store_site	*sites;
	size_t			 ns;

	if (!h->found) {
		http_error(r, 404);
		return 0;
	}
	if (store_site_names(r->a, r->user.operator_id, h->sites_version,
	    &sites, &ns) < 0) {
		page_store_error(r);
		return 0;
	}
	return nav_fill(r, d, &h->o, sites, ns, site, tab);
}
