/*
 * site_network: a site's network estate (/sites/N/network): its switches
 * and public IP pools, and for operator admins the forms that add them:
 * a switch (/sites/N/switches/new), floor ports by a label pattern
 * (/sites/N/ports/new) and a public IPv4 pool (/sites/N/ips/new). The
 * CSV import of floor ports is site_ports_import.c.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/network.h"
#include "../domain/port.h"
#include "../ops/network.h"
#include "../store/store.h"
#include "../store/store_device.h"
#include "../store/store_estate.h"
#include "../tpl/tpl.h"
#include "pages.h"

int
site_network_site(struct req *r, struct store_estate_site *s)
{
	int	 rc;

	if ((rc = store_estate_site_get(r->a, r->user.operator_id, r->ids[0],
	    s)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		else
			http_error(r, 404);
		return 0;
	}
	return 1;
}

int
site_network_begin(struct req *r, const char *title, const char *tpl,
    struct store_estate_site *s, struct tpl_dict **d)
{
	if (!site_network_site(r, s))
		return 0;
	if ((*d = page_begin(r, title, tpl, "sites")) == NULL)
		return 0;
	tpl_set_int(*d, TN_SITE_ID, s->id);
	tpl_set(*d, TN_SITE_NAME, s->name);
	return 1;
}

int
site_network_floors(struct req *r, struct tpl_dict *d, int64_t site,
    int64_t chosen)
{
	struct store_floor	*f;
	struct tpl_dict		*row;
	size_t			 n, i;

	if (store_floor_list(r->a, r->user.operator_id, site, &f, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_FLOOR_OPT);
		tpl_set_int(row, TN_ID, f[i].id);
		tpl_set(row, TN_NAME, f[i].name);
		if (f[i].id == chosen)
			tpl_show(row, TN_SELECTED);
	}
	return 1;
}

/* Answer a refusal or a store error of an operation: 1 answered. */
int
site_network_failed(struct req *r, struct tpl_dict *d, int rc,
    const struct ops_result *why)
{
	if (rc < 0) {
		page_store_error(r);
		return 1;
	}
	if (rc > 0)
		return 0;
	if (page_refused_bare(r, why))
		return 1;
	page_refused(r, d, why);
	page_end(r);
	return 1;
}

static void
fill_switches(struct tpl_dict *d, const struct store_switch *sw, size_t n)
{
	struct tpl_dict	*row;
	size_t		 i;

	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_SWITCH);
		tpl_set(row, TN_NAME, sw[i].name);
		tpl_set(row, TN_MODEL, sw[i].model);
		tpl_set_int(row, TN_PORTS, sw[i].ports);
		tpl_set_int(row, TN_USED, sw[i].used);
	}
	tpl_show(d, n > 0 ? TN_HAS_SWITCHES : TN_NO_SWITCHES);
}

static void
fill_pools(struct tpl_dict *d, const struct store_ip_pool *p, size_t n)
{
	struct tpl_dict	*row;
	size_t		 i;

	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_POOL);
		tpl_set(row, TN_CIDR, p[i].cidr);
		tpl_set_int(row, TN_ADDRESSES, p[i].addresses);
		tpl_set_int(row, TN_FREE, p[i].free);
	}
	tpl_show(d, n > 0 ? TN_HAS_POOLS : TN_NO_POOLS);
}

/* What the form just done did (the flash KEY, and ?n=COUNT). */
static void
fill_done(struct req *r, struct tpl_dict *d)
{
	static const char *const keys[] = { "switch", "ports", "pool",
	    "import", "ipv_pool", "ipv_delegated", "ipv_released", NULL };
	static const char *const msgs[] = { "Switch added.",
	    "%lld floor ports added.", "Pool added: %lld addresses free.",
	    "%lld floor ports imported.", "IPv6 pool added.",
	    "IPv6 prefix delegated.", "IPv6 prefix released." };

	int64_t		 n = 0;
	int		 k;

	if ((k = flash_enum(r, keys)) < 0)
		return;
	query_id(r, "n", &n);
	tpl_set(tpl_section(d, TN_DONE), TN_MSG, arena_printf(r->a, msgs[k],
	    (long long)n));
}

void
page_site_network(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	struct store_switch		*sw;
	struct store_ip_pool		*p;
	size_t				 nsw, np;
	int64_t				 total, nfree;

	if (!site_network_begin(r, "Network", "site_network.tpl", &s, &d))
		return;
	if (store_switch_list(r->a, r->user.operator_id, s.id, &sw, &nsw) < 0 ||
	    store_ip_pool_list(r->a, r->user.operator_id, s.id, &p, &np) < 0 ||
	    store_public_ip_pool(r->a, r->user.operator_id, s.id, &total,
	    &nfree) < 0 || site_ipv6_fill(r, d, s.id) < 0) {
		page_store_error(r);
		return;
	}
	fill_switches(d, sw, nsw);
	fill_pools(d, p, np);
	tpl_set_int(d, TN_POOL_TOTAL, total);
	tpl_set_int(d, TN_POOL_FREE, nfree);
	if (r->user.role == ROLE_OPERATOR_ADMIN)
		tpl_show(d, TN_CAN_EDIT);
	fill_done(r, d);
	page_end(r);
}

/* ---- add a switch ---- */

enum sw_field { SW_NAME, SW_MODEL, SW_PORTS, SW__MAX };

static const struct field sw_fields[SW__MAX] = {
	[SW_NAME] = { "name", "Name", FT_TEXT, 64, 1, 0, 0, NULL },
	[SW_MODEL] = { "model", "Model", FT_TEXT, 100, 0, 0, 0, NULL },
	[SW_PORTS] = { "ports", "Ports", FT_INT, 8, 1, 1, NET_PORT_MAX, NULL },
};

void
page_site_switch_new(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	struct fval			 v[SW__MAX];
	struct ops_ctx			 c;
	struct switch_add_in		 in;
	struct switch_add_out		 out;

	if (!site_network_begin(r, "Add a switch", "site_switch_new.tpl", &s,
	    &d))
		return;
	if (r->method == M_GET) {
		form_fill(r, d, "ports", "48");
		page_end(r);
		return;
	}
	if (form_read(r, d, sw_fields, SW__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	in.site = s.id;
	in.name = v[SW_NAME].s;
	in.model = v[SW_MODEL].s ? v[SW_MODEL].s : "";
	in.ports = v[SW_PORTS].i;
	page_ops_ctx(r, &c);
	if (site_network_failed(r, d, ops_switch_add(&c, &in, &out), &out.why))
		return;
	http_redirect(r, arena_printf(r->a, "/sites/%lld/network?done=switch",
	    (long long)s.id));
}

/* ---- floor ports by a label pattern ---- */

enum pr_field { PR_FLOOR, PR_PATTERN, PR_SWITCH, PR_PORTS, PR_ROLE, PR__MAX };

static const char *const role_choices[] = { "occupier_lan", "public_ip",
    "voice", "wifi_ap", "operator", "disabled", NULL };

static const struct field pr_fields[PR__MAX] = {
	[PR_FLOOR] = { "floor", "Floor", FT_ID, 20, 1, 0, 0, NULL },
	[PR_PATTERN] = { "pattern", "Pattern", FT_TEXT, 64, 1, 0, 0, NULL },
	[PR_SWITCH] = { "switch", "Switch", FT_TEXT, 64, 1, 0, 0, NULL },
	[PR_PORTS] = { "ports", "Switch ports", FT_TEXT, 16, 1, 0, 0, NULL },
	[PR_ROLE] = { "role", "Role", FT_ENUM, 24, 1, 0, 0, role_choices },
};

/* The choices of the form: floors, switches, roles. */
static int
fill_range_form(struct req *r, struct tpl_dict *d, int64_t site)
{
	struct store_switch	*sw;
	struct tpl_dict		*row;
	const char		*cur_sw = form_text(r, "switch", 64);
	const char		*cur_role = form_text(r, "role", 24);
	int64_t			 floor = 0;
	size_t			 n, i;

	form_id(r, "floor", &floor);
	if (site_network_floors(r, d, site, floor) < 0 ||
	    store_switch_list(r->a, r->user.operator_id, site, &sw, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_SWITCH_OPT);
		tpl_set(row, TN_NAME, sw[i].name);
		tpl_set_int(row, TN_PORTS, sw[i].ports);
		if (cur_sw != NULL && strcmp(cur_sw, sw[i].name) == 0)
			tpl_show(row, TN_SELECTED);
	}
	for (i = 0; role_choices[i] != NULL; i++) {
		row = tpl_section(d, TN_ROLE_OPT);
		tpl_set(row, TN_KEY, role_choices[i]);
		tpl_set(row, TN_NAME, port_role_label(role_choices[i]));
		if (strcmp(cur_role != NULL ? cur_role : "disabled",
		    role_choices[i]) == 0)
			tpl_show(row, TN_SELECTED);
	}
	return 1;
}

void
page_site_ports_new(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	struct fval			 v[PR__MAX];
	struct ops_ctx			 c;
	struct ports_range_in		 in;
	struct ports_range_out		 out;

	if (!site_network_begin(r, "Add floor ports", "site_ports_new.tpl", &s,
	    &d))
		return;
	if (fill_range_form(r, d, s.id) < 0) {
		page_store_error(r);
		return;
	}
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	if (form_read(r, d, pr_fields, PR__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	in.site = s.id;
	in.floor = v[PR_FLOOR].i;
	in.pattern = v[PR_PATTERN].s;
	in.sw = v[PR_SWITCH].s;
	in.ports = v[PR_PORTS].s;
	in.role = role_choices[v[PR_ROLE].i];
	page_ops_ctx(r, &c);
	if (site_network_failed(r, d, ops_ports_add_range(&c, &in, &out),
	    &out.why))
		return;
	http_redirect(r, arena_printf(r->a, "/sites/%lld/network?done=ports&"
	    "n=%lld", (long long)s.id, (long long)out.added));
}

/* ---- a public IPv4 pool ---- */

enum ip_field { IP_CIDR, IP__MAX };

static const struct field ip_fields[IP__MAX] = {
	[IP_CIDR] = { "cidr", "Block", FT_TEXT, 32, 1, 0, 0, NULL },
};

void
page_site_ips_new(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	struct fval			 v[IP__MAX];
	struct ops_ctx			 c;
	struct ip_pool_add_in		 in;
	struct ip_pool_add_out		 out;

	if (!site_network_begin(r, "Add a public IP pool", "site_ips_new.tpl",
	    &s, &d))
		return;
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	if (form_read(r, d, ip_fields, IP__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	in.site = s.id;
	in.cidr = v[IP_CIDR].s;
	page_ops_ctx(r, &c);
	if (site_network_failed(r, d, ops_ip_pool_add(&c, &in, &out), &out.why))
		return;
	http_redirect(r, arena_printf(r->a, "/sites/%lld/network?done=pool&"
	    "n=%lld", (long long)s.id, (long long)out.addresses));
}
