/*
 * ops/spaces: see spaces.h.
 */
#include <string.h>

#include "../arena.h"
#include "../store/store.h"
#include "../store/store_estate.h"
#include "../store/store_network.h"
#include "spaces.h"

const char *const space_kinds[] = { "office", "suite", "desk", NULL };

struct floor_add {
	const struct floor_add_in	*in;
	struct ops_result		*why;
	int64_t				*id;
};

static int
site_ok(struct txn *t, int64_t site, struct ops_result *why)
{
	struct store_estate_site	 s;
	int				 rc;

	if ((rc = store_estate_site_get(t->a, t->operator_id, site, &s)) < 0)
		return -1;
	return rc == 0 ? ops_refuse(why, OPS_NOT_FOUND, NULL, NULL) : 1;
}

static int
floor_txn(struct txn *t, void *arg)
{
	struct floor_add	*f = arg;
	int			 rc;

	if ((rc = site_ok(t, f->in->site, f->why)) <= 0)
		return rc;
	if ((rc = store_floor_taken(t->a, t->operator_id, f->in->site,
	    f->in->name)) < 0)
		return -1;
	if (rc > 0)
		return ops_refuse(f->why, OPS_INVALID, "name", "Another floor "
		    "of this site already has this name");
	if (store_floor_insert(t->operator_id, f->in->site, f->in->name,
	    f->in->level, f->id) < 0)
		return -1;
	return txn_audit(t, 0, f->in->site, "floor", 0, "create", NULL,
	    arena_printf(t->a, "name=%s\nlevel=%lld", f->in->name,
	    (long long)f->in->level));
}

int
ops_floor_add(struct ops_ctx *c, const struct floor_add_in *in,
    struct floor_add_out *out)
{
	struct floor_add	 f = { in, &out->why, &out->id };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, floor_txn, &f);
}

static char *
space_text(struct arena *a, const struct store_space *s)
{
	return arena_printf(a, "floor=%lld\nname=%s\nkind=%s\ncapacity=%lld",
	    (long long)s->floor_id, s->name, s->kind, (long long)s->capacity);
}

struct space_save {
	const struct space_save_in	*in;
	struct ops_result		*why;
};

static int
space_txn(struct txn *t, void *arg)
{
	struct space_save		*g = arg;
	const struct space_save_in	*in = g->in;
	struct store_space		 cur, v;
	const char			*fname;
	int64_t				 id;
	int				 rc;

	if ((rc = site_ok(t, in->site, g->why)) <= 0)
		return rc;
	memset(&cur, 0, sizeof(cur));
	if (in->id != 0 && (rc = store_space_get(t->a, t->operator_id,
	    in->site, in->id, &cur)) <= 0)
		return rc < 0 ? -1 : ops_refuse(g->why, OPS_NOT_FOUND, NULL,
		    NULL);
	if ((rc = store_net_floor_get(t->a, t->operator_id, in->site,
	    in->floor, &fname)) <= 0)
		return rc < 0 ? -1 : ops_refuse(g->why, OPS_NOT_FOUND, NULL,
		    NULL);
	if ((rc = store_space_taken(t->a, t->operator_id, in->floor, in->name,
	    in->id)) < 0)
		return -1;
	if (rc > 0)
		return ops_refuse(g->why, OPS_INVALID, "name", "Another space "
		    "on this floor already has this name");
	memset(&v, 0, sizeof(v));
	v.id = in->id;
	v.floor_id = in->floor;
	v.name = in->name;
	v.kind = in->kind;
	v.capacity = in->capacity;
	if (store_space_put(t->operator_id, in->site, &v, &id) < 0)
		return -1;
	return txn_audit(t, 0, in->site, "space", id, in->id == 0 ? "create" :
	    "update", in->id == 0 ? NULL : space_text(t->a, &cur),
	    space_text(t->a, &v));
}

int
ops_space_save(struct ops_ctx *c, const struct space_save_in *in,
    struct ops_result *why)
{
	struct space_save	 g = { in, why };

	memset(why, 0, sizeof(*why));
	return db_txn(&c->t, space_txn, &g);
}

struct archive {
	int64_t			 site, id;
	struct ops_result	*why;
};

static int
archive_txn(struct txn *t, void *arg)
{
	struct archive		*g = arg;
	struct store_space	 s;
	int64_t			 held, ports;
	int			 rc;

	if ((rc = store_space_get(t->a, t->operator_id, g->site, g->id,
	    &s)) <= 0)
		return rc < 0 ? -1 : ops_refuse(g->why, OPS_NOT_FOUND, NULL,
		    NULL);
	if (store_space_in_use(t->a, t->operator_id, s.id, &held, &ports) < 0)
		return -1;
	if (held > 0 || ports > 0)
		return ops_refuse(g->why, OPS_CONFLICT, NULL, arena_printf(t->a,
		    "%s is in use (%lld contract%s, %lld floor port%s) and "
		    "cannot be archived", s.name, (long long)held, held == 1 ?
		    "" : "s", (long long)ports, ports == 1 ? "" : "s"));
	if (store_space_archive(t->operator_id, s.id) < 0)
		return -1;
	return txn_audit(t, 0, g->site, "space", s.id, "archive",
	    space_text(t->a, &s), "archived=1");
}

int
ops_space_archive(struct ops_ctx *c, int64_t site, int64_t id,
    struct ops_result *why)
{
	struct archive	 g = { site, id, why };

	memset(why, 0, sizeof(*why));
	return db_txn(&c->t, archive_txn, &g);
}

struct cspace {
	const struct contract_space_in	*in;
	struct ops_result		*why;
};

static int
assign(struct txn *t, const struct store_contract *k,
    const struct store_space *s, struct ops_result *why)
{
	const char	*ref;
	int		 rc;

	if (s->archived)
		return ops_refuse(why, OPS_INVALID, "space", arena_printf(t->a,
		    "%s is archived", s->name));
	if ((rc = store_cspace_held(t->a, t->operator_id, k->id, s->id,
	    &ref)) < 0)
		return -1;
	if (rc > 0)
		return ops_refuse(why, OPS_INVALID, "space", arena_printf(t->a,
		    "%s is held by contract %s over these dates", s->name,
		    ref));
	return store_cspace_insert(t->operator_id, k->id, s->id);
}

static int
cspace_txn(struct txn *t, void *arg)
{
	struct cspace			*g = arg;
	const struct contract_space_in	*in = g->in;
	struct store_contract		 k;
	struct store_space		 s;
	int				 rc;

	if ((rc = store_contract_get(t->a, t->operator_id, in->contract,
	    &k)) < 0)
		return -1;
	if (rc == 0 || k.occupier_id != in->occupier ||
	    (rc = store_space_get(t->a, t->operator_id, k.site_id, in->space,
	    &s)) == 0)
		return ops_refuse(g->why, OPS_NOT_FOUND, NULL, NULL);
	if (rc < 0)
		return -1;
	if (in->assign)
		rc = assign(t, &k, &s, g->why);
	else if ((rc = store_cspace_delete(t->operator_id, k.id, s.id)) == 0)
		return ops_refuse(g->why, OPS_NOT_FOUND, NULL, NULL);
	if (rc <= 0)
		return rc;
	return txn_audit(t, k.occupier_id, k.site_id, "contract_space", k.id,
	    in->assign ? "assign" : "unassign", NULL, arena_printf(t->a,
	    "contract=%s\nspace=%s", k.reference, s.name));
}

int
ops_contract_space(struct ops_ctx *c, const struct contract_space_in *in,
    struct ops_result *why)
{
	struct cspace	 g = { in, why };

	memset(why, 0, sizeof(*why));
	return db_txn(&c->t, cspace_txn, &g);
}

struct pspace {
	const struct port_space_in	*in;
	struct ops_result		*why;
	const char			**label;
};

static int
pspace_txn(struct txn *t, void *arg)
{
	struct pspace			*g = arg;
	const struct port_space_in	*in = g->in;
	struct store_space		 s;
	const char			*old;
	int64_t				 cur;
	int				 rc;

	if ((rc = store_pspace_get(t->a, t->operator_id, in->site, in->port,
	    g->label, &cur, &old)) <= 0)
		return rc < 0 ? -1 : ops_refuse(g->why, OPS_NOT_FOUND, NULL,
		    NULL);
	memset(&s, 0, sizeof(s));
	s.name = "";
	if (in->space > 0 && (rc = store_space_get(t->a, t->operator_id,
	    in->site, in->space, &s)) <= 0)
		return rc < 0 ? -1 : ops_refuse(g->why, OPS_NOT_FOUND, NULL,
		    NULL);
	if (in->space > 0 && s.archived && cur != in->space)
		return ops_refuse(g->why, OPS_INVALID, "space",
		    arena_printf(t->a, "%s is archived", s.name));
	if (cur == in->space)
		return 1;
	if (store_pspace_set(t->operator_id, in->port, in->space) < 0)
		return -1;
	return txn_audit(t, 0, in->site, "floor_port", in->port, "space",
	    arena_printf(t->a, "label=%s\nspace=%s", *g->label, old),
	    arena_printf(t->a, "label=%s\nspace=%s", *g->label, s.name));
}

int
ops_port_space(struct ops_ctx *c, const struct port_space_in *in,
    struct ops_result *why, const char **label)
{
	struct pspace	 g = { in, why, label };

	memset(why, 0, sizeof(*why));
	*label = "";
	return db_txn(&c->t, pspace_txn, &g);
}
