/*
 * ops/ipv6: see ipv6.h.
 */
#include <string.h>

#include "../arena.h"
#include "ipv6.h"
#include "network.h"
#include "webhooks.h"

static const char *
fmt(struct arena *a, const struct net6 *p)
{
	char	*s = arena_alloc(a, NET6_STRLEN);

	net6_format(p, s, NET6_STRLEN);
	return s;
}

struct pool {
	const struct v6_pool_add_in	*in;
	struct v6_pool_add_out		*out;
};

static int
pool_txn(struct txn *t, void *arg)
{
	struct pool	*g = arg;
	struct net6	*all;
	size_t		 n, i;
	int		 rc;

	if ((rc = ops_net_site(t, g->in->site, &g->out->why)) <= 0)
		return rc;
	if (store_v6_pool_all(t->a, t->operator_id, &all, &n) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (net6_overlap(&all[i], &g->out->pool))
			return ops_refuse(&g->out->why, OPS_INVALID, "prefix",
			    arena_printf(t->a, "This prefix overlaps the pool "
			    "%s", fmt(t->a, &all[i])));
	if (store_v6_pool_insert(t->operator_id, g->in->site, &g->out->pool,
	    g->in->dlen) < 0)
		return -1;
	return txn_audit(t, 0, g->in->site, "ipv6_pool", 0, "create", NULL,
	    arena_printf(t->a, "prefix=%s\ndelegation=/%d\nprefixes=%llu",
	    fmt(t->a, &g->out->pool), g->in->dlen,
	    (unsigned long long)g->out->prefixes));
}

int
ops_v6_pool_add(struct ops_ctx *c, const struct v6_pool_add_in *in,
    struct v6_pool_add_out *out)
{
	struct pool	 g = { in, out };
	const char	*why;

	memset(out, 0, sizeof(*out));
	if (!net6_pool_parse(in->prefix, &out->pool, &why))
		return ops_refuse(&out->why, OPS_INVALID, "prefix", why);
	if (!net6_delegation_ok(&out->pool, in->dlen, &why))
		return ops_refuse(&out->why, OPS_INVALID, "dlen", why);
	out->prefixes = net6_count(&out->pool, in->dlen);
	return db_txn(&c->t, pool_txn, &g);
}

struct dlg {
	const struct v6_delegate_in	*in;
	struct v6_delegate_out		*out;
};

static int
delegate_txn(struct txn *t, void *arg)
{
	struct dlg		*g = arg;
	struct store_v6_pool	 p;
	int64_t			 idx, id;
	const char		*pfx, *pool;
	int			 rc;

	if ((rc = ops_net_site(t, g->in->site, &g->out->why)) <= 0)
		return rc;
	if ((rc = store_v6_pool_lock(t->a, t->operator_id, g->in->site,
	    g->in->pool, &p)) <= 0 ||
	    (rc = store_v6_occupier_at(t->a, t->operator_id, g->in->site,
	    g->in->occupier)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&g->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	if ((idx = store_v6_lowest_free(t->a, p.id)) < 0)
		return -1;
	if ((uint64_t)idx >= net6_count(&p.prefix, p.dlen))
		return ops_refuse(&g->out->why, OPS_INVALID, "pool",
		    arena_printf(t->a, "The pool %s is full: every /%d of it "
		    "is delegated", fmt(t->a, &p.prefix), p.dlen));
	g->out->prefix = net6_nth(&p.prefix, p.dlen, (uint64_t)idx);
	if (store_v6_delegation_insert(t->operator_id, g->in->site, p.id, idx,
	    g->in->occupier, &id) < 0)
		return -1;
	pfx = fmt(t->a, &g->out->prefix);
	pool = fmt(t->a, &p.prefix);
	if (ops_event(t, WH_IPV6_DELEGATED, g->in->occupier, g->in->site, id,
	    arena_printf(t->a, "prefix=%s\npool=%s", pfx, pool)) < 0)
		return -1;
	return txn_audit(t, g->in->occupier, g->in->site, "ipv6_delegation", 0,
	    "create", NULL, arena_printf(t->a, "prefix=%s\npool=%s", pfx,
	    pool));
}

int
ops_v6_delegate(struct ops_ctx *c, const struct v6_delegate_in *in,
    struct v6_delegate_out *out)
{
	struct dlg	 g = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, delegate_txn, &g);
}

struct rel {
	const struct v6_release_in	*in;
	struct v6_release_out		*out;
};

static int
release_txn(struct txn *t, void *arg)
{
	struct rel			*g = arg;
	struct store_v6_delegation	 d;
	int				 rc;

	if ((rc = store_v6_delegation_get(t->a, t->operator_id, g->in->site,
	    g->in->delegation, &d)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&g->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	g->out->prefix = d.prefix;
	if (store_v6_delegation_delete(t->operator_id, d.id) < 0 ||
	    ops_event(t, WH_IPV6_RELEASED, d.occupier, g->in->site, d.id,
	    arena_printf(t->a, "prefix=%s", fmt(t->a, &d.prefix))) < 0)
		return -1;
	return txn_audit(t, d.occupier, g->in->site, "ipv6_delegation", d.id,
	    "release", arena_printf(t->a, "prefix=%s\noccupier=%s",
	    fmt(t->a, &d.prefix), d.occupier_name), NULL);
}

int
ops_v6_release(struct ops_ctx *c, const struct v6_release_in *in,
    struct v6_release_out *out)
{
	struct rel	 g = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, release_txn, &g);
}
