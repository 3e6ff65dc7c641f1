/*
 * site_ipv6: IPv6 prefixes a site delegates to its occupiers. The
 * Network screen (site_network.c) lists the pools and the delegations
 * (site_ipv6_fill, paged by ?after=ID); operator admins add a pool
 * (/sites/N/ipv6/new), delegate the lowest free prefix of a pool to an
 * occupier with a contract at the site (/sites/N/ipv6/delegate) and
 * release a delegation after a confirmation (/sites/N/ipv6/release).
 */
#include <string.h>

#include "../ops/ipv6.h"
#include "../store/store.h"
#include "../store/store_estate.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define DELEGATIONS_PAGE	50	/* delegations listed at once */

static const char *
fmt(struct req *r, const struct net6 *p)
{
	char	*s = arena_alloc(r->a, NET6_STRLEN);

	net6_format(p, s, NET6_STRLEN);
	return s;
}

static void
fill_pools(struct req *r, struct tpl_dict *d, const struct store_v6_pool *p,
    size_t n)
{
	struct tpl_dict	*row;
	size_t		 i;

	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_V6_POOL);
		tpl_set(row, TN_PREFIX, fmt(r, &p[i].prefix));
		tpl_set_int(row, TN_DLEN, p[i].dlen);
		tpl_set_int(row, TN_USED, p[i].delegated);
		page_setf(row, TN_TOTAL, "%llu", (unsigned long long)
		    net6_count(&p[i].prefix, p[i].dlen));
	}
	tpl_show(d, n > 0 ? TN_HAS_V6_POOLS : TN_NO_V6_POOLS);
}

static void
fill_delegations(struct req *r, struct tpl_dict *d, int64_t site,
    const struct store_v6_delegation *v, size_t n, int more)
{
	struct tpl_dict	*row;
	size_t		 i;

	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_V6_DLG);
		tpl_set_int(row, TN_ID, v[i].id);
		tpl_set(row, TN_PREFIX, fmt(r, &v[i].prefix));
		tpl_set_int(row, TN_OCC_ID, v[i].occupier);
		tpl_set(row, TN_OCC_NAME, v[i].occupier_name);
		tpl_set(row, TN_DAY, v[i].since);
		if (r->user.role == ROLE_OPERATOR_ADMIN)
			tpl_show(row, TN_CAN_RELEASE);
	}
	if (n > 0)
		tpl_show(d, TN_HAS_V6_DLG);
	if (more)
		tpl_set(tpl_section(d, TN_V6_MORE), TN_HREF, arena_printf(r->a,
		    "/sites/%lld/network?after=%lld#v6d-h", (long long)site,
		    (long long)v[n - 1].id));
}

int
site_ipv6_fill(struct req *r, struct tpl_dict *d, int64_t site)
{
	struct store_v6_pool		*p;
	struct store_v6_delegation	*v;
	size_t				 np, nv;
	int64_t				 after = 0;

	query_id(r, "after", &after);
	if (store_v6_pool_list(r->a, r->user.operator_id, site, &p, &np) < 0 ||
	    store_v6_delegation_list(r->a, r->user.operator_id, site, after,
	    DELEGATIONS_PAGE + 1, &v, &nv) < 0)
		return -1;
	fill_pools(r, d, p, np);
	fill_delegations(r, d, site, v, nv > DELEGATIONS_PAGE ?
	    DELEGATIONS_PAGE : nv, nv > DELEGATIONS_PAGE);
	return 1;
}

/* ---- add a pool ---- */

enum v6_field { V6_PREFIX, V6_DLEN, V6__MAX };

static const char *const dlen_choices[] = { "56", "64", NULL };

static const struct field v6_fields[V6__MAX] = {
	[V6_PREFIX] = { "prefix", "Prefix", FT_TEXT, 64, 1, 0, 0, NULL },
	[V6_DLEN] = { "dlen", "Delegate", FT_ENUM, 4, 1, 0, 0, dlen_choices },
};

void
page_site_ipv6_new(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	struct fval			 v[V6__MAX];
	struct ops_ctx			 c;
	struct v6_pool_add_in		 in;
	struct v6_pool_add_out		 out;

	if (!site_network_begin(r, "Add an IPv6 pool", "site_ipv6_new.tpl",
	    &s, &d))
		return;
	tpl_show(d, form_enum(r, "dlen", dlen_choices) == 0 ? TN_DLEN_56 :
	    TN_DLEN_64);
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	if (form_read(r, d, v6_fields, V6__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	in.site = s.id;
	in.prefix = v[V6_PREFIX].s;
	in.dlen = v[V6_DLEN].i == 0 ? 56 : 64;
	page_ops_ctx(r, &c);
	if (site_network_failed(r, d, ops_v6_pool_add(&c, &in, &out), &out.why))
		return;
	http_redirect(r, arena_printf(r->a, "/sites/%lld/network?done=ipv_pool",
	    (long long)s.id));
}

/* ---- delegate a prefix ---- */

static const struct pick occ_pick = { "occ", "f-occ", "Occupier", 0, 0 };

/* The pools to choose from, the chosen one selected. */
static int
fill_pool_choice(struct req *r, struct tpl_dict *d, int64_t site,
    int64_t chosen)
{
	struct store_v6_pool	*p;
	struct tpl_dict		*row;
	size_t			 n, i;

	if (store_v6_pool_list(r->a, r->user.operator_id, site, &p, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_POOL_OPT);
		tpl_set_int(row, TN_ID, p[i].id);
		tpl_set(row, TN_PREFIX, fmt(r, &p[i].prefix));
		tpl_set_int(row, TN_DLEN, p[i].dlen);
		if (p[i].id == chosen)
			tpl_show(row, TN_SELECTED);
	}
	return 1;
}

void
page_site_ipv6_delegate(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	struct pick			 pk = occ_pick;
	struct ops_ctx			 c;
	struct v6_delegate_in		 in;
	struct v6_delegate_out		 out;
	const char			*text;
	int				 rc;

	if (!site_network_begin(r, "Delegate an IPv6 prefix",
	    "site_ipv6_delegate.tpl", &s, &d))
		return;
	pk.site = s.id;
	text = pick_text(r, &pk);
	memset(&in, 0, sizeof(in));
	in.site = s.id;
	if (r->method == M_GET)
		query_id(r, "pool", &in.pool);
	else
		form_id(r, "pool", &in.pool);
	if (fill_pool_choice(r, d, s.id, in.pool) < 0) {
		page_store_error(r);
		return;
	}
	if (r->method == M_GET) {
		pick_fill(r, d, TN_OCC_PICK, &pk, text, 0);
		page_end(r);
		return;
	}
	if ((rc = pick_resolve(r, d, &pk, text, &in.occupier, NULL)) <= 0) {
		if (rc < 0) {
			page_store_error(r);
			return;
		}
		pick_fill(r, d, TN_OCC_PICK, &pk, text, 1);
		r->status = 422;
		page_end(r);
		return;
	}
	pick_fill(r, d, TN_OCC_PICK, &pk, text, 0);
	if (in.pool == 0) {
		http_error(r, 400);
		return;
	}
	page_ops_ctx(r, &c);
	if (site_network_failed(r, d, ops_v6_delegate(&c, &in, &out), &out.why))
		return;
	http_redirect(r, arena_printf(r->a, "/sites/%lld/network?done=ipv_delegated",
	    (long long)s.id));
}

/* ---- release a delegation ---- */

/* Ask first, naming the prefix: 1 confirmed, 0 answered. */
static int
release_confirmed(struct req *r, const struct store_estate_site *s,
    int64_t id)
{
	struct store_v6_delegation	 v;
	struct page_confirm		 q;
	int				 rc;

	if ((rc = store_v6_delegation_get(r->a, r->user.operator_id, s->id, id,
	    &v)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		else
			http_error(r, 404);
		return 0;
	}
	memset(&q, 0, sizeof(q));
	q.title = arena_printf(r->a, "Release %s?", fmt(r, &v.prefix));
	q.consequence = arena_printf(r->a, "%s will no longer be delegated to "
	    "%s; it may be delegated to another occupier.", fmt(r, &v.prefix),
	    v.occupier_name);
	q.button = "Release the prefix";
	q.back = arena_printf(r->a, "/sites/%lld/network", (long long)s->id);
	q.back_label = arena_printf(r->a, "Network · %s", s->name);
	q.menu = "sites";
	return page_confirmed(r, &q);
}

void
page_site_ipv6_release(struct req *r)
{
	struct store_estate_site	 s;
	struct ops_ctx			 c;
	struct v6_release_in		 in;
	struct v6_release_out		 out;
	int				 rc;

	if (!site_network_site(r, &s))
		return;
	in.site = s.id;
	if (!form_id_or_400(r, "delegation", &in.delegation) ||
	    !release_confirmed(r, &s, in.delegation))
		return;
	page_ops_ctx(r, &c);
	if ((rc = ops_v6_release(&c, &in, &out)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		else
			page_refused_bare(r, &out.why);
		return;
	}
	http_redirect(r, arena_printf(r->a, "/sites/%lld/network?done=ipv_released",
	    (long long)s.id));
}
