/*
 * my_nav: the header of the occupier's self-service view: the occupier's
 * name, the site selector (only the sites where the occupier has a
 * contract, of any status) and the tabs. Everything is scoped by the
 * signed-in user's operator and occupier, never by the URL.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/date.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

static const struct {
	const char	*key;
	const char	*label;
} tabs[] = {
	{ "services", "Services" },
	{ "telephony", "Phone numbers" },
	{ "devices", "Devices" },
	{ "charges", "Charges" },
	{ "usage", "Usage" },
};

int
my_tab_known(const char *tab)
{
	size_t	 i;

	for (i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++)
		if (strcmp(tab, tabs[i].key) == 0)
			return 1;
	return 0;
}

int
my_sites(struct req *r, int64_t **ids, size_t *n)
{
	*ids = NULL;
	*n = 0;
	if (r->user.occupier_id <= 0)
		return 1;
	return store_contract_sites(r->a, r->user.operator_id,
	    r->user.occupier_id, ids, n) < 0 ? -1 : 1;
}

int
my_site_ok(struct req *r, int64_t site)
{
	int64_t	*ids;
	size_t	 n, i;

	if (my_sites(r, &ids, &n) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (ids[i] == site)
			return 1;
	return 0;
}

int
my_nav(struct req *r, struct tpl_dict *d, int64_t site, const char *tab)
{
	struct store_occupier	 o;
	struct store_site	*sites;
	struct tpl_dict		*s, *t, *nav;
	int64_t			*ids;
	size_t			 n, ns, i, k;
	int			 rc, found = 0;

	if (my_sites(r, &ids, &n) < 0) {
		page_store_error(r);
		return 0;
	}
	for (k = 0; k < n; k++)
		if (ids[k] == site)
			found = 1;
	if (!found) {
		http_error(r, 404);
		return 0;
	}
	if ((rc = store_occupier_get(r->a, r->user.operator_id,
	    r->user.occupier_id, &o)) < 0 ||
	    store_site_list(r->a, r->user.operator_id, 0, &sites, &ns) < 0) {
		page_store_error(r);
		return 0;
	}
	if (rc == 0) {
		http_error(r, 404);
		return 0;
	}
	nav = tpl_include(d, TN_OCC_NAV, "my_nav.tpl");
	tpl_set(d, TN_OCC_NAME, o.name);
	tpl_set_int(d, TN_SITE_ID, site);
	tpl_set(nav, TN_OCC_NAME, o.name);
	tpl_set(nav, TN_OPERATOR_NAME, r->user.operator_name);
	tpl_set(nav, TN_TAB, tab);
	for (i = 0; i < ns; i++) {
		for (k = 0; k < n && ids[k] != sites[i].id; k++)
			continue;
		if (k == n)
			continue;	/* not one of the occupier's sites */
		s = tpl_section(nav, TN_SITE_OPT);
		tpl_set_int(s, TN_ID, sites[i].id);
		tpl_set(s, TN_NAME, sites[i].name);
		if (sites[i].id == site) {
			page_use_site(sites[i].currency, sites[i].timezone);
			tpl_show(s, TN_SELECTED);
			tpl_set(d, TN_SITE_NAME, sites[i].name);
			tpl_set(nav, TN_SITE_NAME, sites[i].name);
		}
	}
	for (i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++) {
		t = tpl_section(nav, TN_TABS);
		tpl_set(t, TN_LABEL, tabs[i].label);
		tpl_set(t, TN_HREF, arena_printf(r->a, "/my/sites/%lld/%s",
		    (long long)site, tabs[i].key));
		if (strcmp(tab, tabs[i].key) == 0)
			tpl_show(t, TN_CURRENT);
	}
	return 1;
}
