/*
 * ops/catalog: see catalog.h.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/money.h"
#include "../domain/rules.h"
#include "catalog.h"

static const struct store_service *
service_of(const struct store_catalog *c, int64_t id)
{
	size_t	 i;

	for (i = 0; i < c->nsvc; i++)
		if (c->svc[i].id == id)
			return &c->svc[i];
	return NULL;
}

struct service_op {
	const struct catalog_service_in	*in;
	const struct store_service	*s;
	struct catalog_out		*out;
};

/* The operator's sites among the ids ticked, in the sites' order. */
static int64_t *
sites_ticked(struct arena *a, const struct catalog_service_in *in,
    size_t *n)
{
	int64_t	*ids;
	size_t	 i, j;

	ids = arena_calloc(a, in->nsites ? in->nsites : 1, sizeof(*ids));
	*n = 0;
	for (i = 0; i < in->nsites; i++)
		for (j = 0; j < in->nchecked; j++)
			if (in->checked[j] == in->sites[i].id) {
				ids[(*n)++] = in->sites[i].id;
				break;
			}
	return ids;
}

static int
service_txn(struct txn *t, void *arg)
{
	struct service_op		*x = arg;
	const struct catalog_service_in	*in = x->in;
	const struct store_service	*s = x->s;
	char				 ob[MONEY_STRLEN], nb[MONEY_STRLEN];
	int64_t				*ids;
	size_t				 nids;
	int				 rc;

	ids = sites_ticked(t->a, in, &nids);
	if ((rc = store_service_update(t->operator_id, s->id, in->rrp,
	    in->description)) > 0)
		rc = store_service_sites_set(t->operator_id, s->id, ids, nids);
	if (rc <= 0)
		return rc < 0 ? -1 : ops_refuse(&x->out->why, OPS_INVALID,
		    NULL, NULL);
	money_format(s->rrp, ob, sizeof(ob));
	money_format(in->rrp, nb, sizeof(nb));
	if (txn_audit(t, 0, 0, "service", s->id, "update", arena_printf(t->a,
	    "rrp=%s\ndescription=%s\nsites=%s", ob, s->description,
	    s->site_ids), arena_printf(t->a, "rrp=%s\ndescription=%s", nb,
	    in->description)) < 0)
		return -1;
	return store_catalog_bump(t->operator_id) > 0 ? 1 : -1;
}

int
ops_catalog_service_save(struct ops_ctx *c,
    const struct catalog_service_in *in, struct catalog_out *out)
{
	struct service_op	 x = { in, NULL, out };

	memset(out, 0, sizeof(*out));
	if ((x.s = service_of(in->cat, in->service_id)) == NULL)
		return ops_refuse(&out->why, OPS_NOT_FOUND, NULL, NULL);
	return db_txn(&c->t, service_txn, &x);
}

struct rule_op {
	const struct store_service	*s;
	const struct store_catalog	*cat;		/* added: its catalog */
	int				 confirmed;	/* its impact shown */
	struct catalog_rule		 rule;		/* added */
	int64_t				 rule_id;	/* deleted */
	struct catalog_out		*out;
};

/* The rules engine's view of rule u of service svc, and of cat's
 * services; 0 when the engine does not enforce it. */
static int
rule_engine(struct arena *a, const struct store_catalog *cat,
    const struct catalog_rule *u, int64_t svc, struct rules_rule *r,
    struct rules_service **rs)
{
	size_t	 i;
	int	 k;

	memset(r, 0, sizeof(*r));
	for (k = 0; k < RULE__MAX; k++)
		if (strcmp(u->kind, rule_kind_names[k]) == 0)
			break;
	if (k == RULE__MAX)
		return 0;
	r->kind = (enum rule_kind)k;
	r->service_id = svc;
	r->other_id = u->other;
	r->other_cat = svc_category_parse(u->category);
	r->qty_le = u->qty_le;
	r->max = u->max;
	*rs = arena_calloc(a, cat->nsvc ? cat->nsvc : 1, sizeof(**rs));
	for (i = 0; i < cat->nsvc; i++) {
		(*rs)[i].id = cat->svc[i].id;
		(*rs)[i].name = cat->svc[i].name;
		(*rs)[i].category = svc_category_parse(cat->svc[i].category);
	}
	return 1;
}

/* How many plans saved so far x's rule breaks (out->impact), a few of
 * them named. 0, or -1. */
static int
rule_impact(struct txn *t, const struct store_catalog *cat, struct rule_op *x)
{
	struct store_impact_row	*ir;
	struct rules_service	*rs;
	struct rules_line	*lines;
	struct rules_rule	 r;
	struct buf		 names;
	size_t			 n, i, j, k, nnamed = 0;
	int64_t			 last = 0;

	if (!rule_engine(t->a, cat, &x->rule, x->s->id, &r, &rs))
		return 0;
	if (store_rule_impact(t->a, t->operator_id, x->s->id, t->day, &ir,
	    &n) < 0)
		return -1;
	lines = arena_calloc(t->a, n ? n : 1, sizeof(*lines));
	buf_init(&names, t->a, 128);
	for (i = 0; i < n; i = j) {
		for (j = i, k = 0; j < n && ir[j].occ == ir[i].occ &&
		    ir[j].site == ir[i].site; j++, k++) {
			lines[k].service_id = ir[j].service_id;
			lines[k].qty = ir[j].qty;
		}
		if (!rules_rule_broken(&r, rs, cat->nsvc, lines, k))
			continue;
		if (ir[i].occ != last)	/* by occupier: its plans in a run */
			x->out->impact++;
		if (nnamed++ < 3)
			buf_printf(&names, "%s%s at %s", nnamed > 1 ? ", " : "",
			    ir[i].occ_name, ir[i].site_name);
		last = ir[i].occ;
	}
	if (nnamed > 3)
		buf_printf(&names, " and %zu more", nnamed - 3);
	buf_putc(&names, '\0');
	x->out->impact_names = names.p;
	return 0;
}

static int
rule_add_txn(struct txn *t, void *arg)
{
	struct rule_op			*x = arg;
	const struct catalog_rule	*u = &x->rule;
	int				 rc;

	x->out->impact = 0;
	if (!x->confirmed) {
		if (rule_impact(t, x->cat, x) < 0)
			return -1;
		if (x->out->impact > 0)
			return ops_refuse(&x->out->why, OPS_INVALID, NULL,
			    arena_printf(t->a, "%zu %s %s this: %s. "
			    "Their services stay as they are, and stay saveable "
			    "for changes that do not make it worse. Add the "
			    "rule anyway?", x->out->impact, x->out->impact == 1 ?
			    "occupier" : "occupiers", strcmp(u->kind, "max_qty") == 0 ?
			    (x->out->impact == 1 ? "exceeds" : "exceed") :
			    (x->out->impact == 1 ? "breaks" : "break"),
			    x->out->impact_names));
	}
	if ((rc = store_rule_insert(t->operator_id, u->kind, x->s->id,
	    u->other, u->category, u->qty_le, u->max)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&x->out->why, OPS_INVALID,
		    NULL, NULL);
	if (txn_audit(t, 0, 0, "service_rule", x->s->id, "create", NULL,
	    arena_printf(t->a, "service=%s\nkind=%s\nother=%lld\ncategory=%s\n"
	    "qty_le=%d\nmax=%lld", x->s->name, u->kind, (long long)u->other,
	    u->category ? u->category : "", u->qty_le,
	    (long long)u->max)) < 0)
		return -1;
	return store_catalog_bump(t->operator_id) > 0 ? 1 : -1;
}

/* Why rule r of service svc repeats a rule of the catalog, or NULL. The
 * catalog is the one the form was checked against; a rule added by
 * someone else meanwhile bumps the catalog's version and the next add
 * sees it. */
static const char *
rule_repeats(const struct store_catalog *cat, const struct catalog_rule *r,
    int64_t svc)
{
	const char	*why;
	size_t		 i;

	for (i = 0; i < cat->nrules; i++) {
		struct catalog_rule_had h = { cat->rules[i].kind,
		    cat->rules[i].service_id, cat->rules[i].other_id,
		    cat->rules[i].other_category };

		if ((why = catalog_rule_repeats(r, svc, &h)) != NULL)
			return why;
	}
	return NULL;
}

int
ops_catalog_rule_add(struct ops_ctx *c, const struct catalog_rule_in *in,
    struct catalog_out *out)
{
	struct rule_op	 x;
	const char	*why, *field = NULL;

	memset(out, 0, sizeof(*out));
	memset(&x, 0, sizeof(x));
	if ((x.s = service_of(in->cat, in->service_id)) == NULL)
		return ops_refuse(&out->why, OPS_NOT_FOUND, NULL, NULL);
	x.rule = in->rule;
	x.cat = in->cat;
	x.confirmed = in->confirmed;
	x.rule.other_ok = service_of(in->cat, x.rule.other) != NULL &&
	    x.rule.other != x.s->id;
	if ((why = catalog_rule_check(&x.rule, &field)) != NULL)
		return ops_refuse(&out->why, OPS_INVALID, field, why);
	if ((why = rule_repeats(in->cat, &x.rule, x.s->id)) != NULL)
		return ops_refuse(&out->why, OPS_INVALID, "kind", why);
	x.out = out;
	return db_txn(&c->t, rule_add_txn, &x);
}

static int
rule_delete_txn(struct txn *t, void *arg)
{
	struct rule_op	*x = arg;
	int		 rc;

	if ((rc = store_rule_delete(t->operator_id, x->rule_id)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&x->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	if (txn_audit(t, 0, 0, "service_rule", x->s->id, "delete",
	    arena_printf(t->a, "service=%s\nrule=%lld", x->s->name,
	    (long long)x->rule_id), NULL) < 0)
		return -1;
	return store_catalog_bump(t->operator_id) > 0 ? 1 : -1;
}

int
ops_catalog_rule_delete(struct ops_ctx *c,
    const struct catalog_rule_delete_in *in, struct catalog_out *out)
{
	const struct store_catalog	*cat = in->cat;
	struct rule_op			 x;
	size_t				 i;

	memset(out, 0, sizeof(*out));
	memset(&x, 0, sizeof(x));
	if ((x.s = service_of(cat, in->service_id)) == NULL)
		return ops_refuse(&out->why, OPS_NOT_FOUND, NULL, NULL);
	/* Only rules of this service: anything else is not found. */
	for (i = 0; i < cat->nrules; i++)
		if (cat->rules[i].id == in->rule_id &&
		    (cat->rules[i].service_id == x.s->id ||
		    (cat->rules[i].other_id == x.s->id &&
		    strcmp(cat->rules[i].kind, "excludes") == 0)))
			break;
	if (in->rule_id == 0 || i == cat->nrules)
		return ops_refuse(&out->why, OPS_NOT_FOUND, NULL, NULL);
	x.rule_id = in->rule_id;
	x.out = out;
	return db_txn(&c->t, rule_delete_txn, &x);
}

/* "vat=...\nxero=.../...\nqbo=.../...\nsage=.../..." of a service. */
static char *
codes_text(struct arena *a, const struct store_svcbill *v)
{
	return arena_printf(a, "vat=%s\nxero=%s/%s\nqbo=%s/%s\nsage=%s/%s",
	    vat_rate_names[v->rate], v->xero_account, v->xero_tax,
	    v->qbo_item, v->qbo_tax, v->sage_nominal, v->sage_tax);
}

static int
codes_changed(const struct store_svcbill *a, const struct store_svcbill *b)
{
	return a->rate != b->rate || strcmp(a->xero_account, b->xero_account) ||
	    strcmp(a->xero_tax, b->xero_tax) || strcmp(a->qbo_item,
	    b->qbo_item) || strcmp(a->qbo_tax, b->qbo_tax) ||
	    strcmp(a->sage_nominal, b->sage_nominal) || strcmp(a->sage_tax,
	    b->sage_tax);
}

struct codes_op {
	const struct catalog_codes_in	*in;
};

static int
codes_txn(struct txn *t, void *arg)
{
	const struct catalog_codes_in	*in = ((struct codes_op *)arg)->in;
	size_t				 i;

	for (i = 0; i < in->n; i++) {
		if (!codes_changed(&in->new_[i], &in->old[i]))
			continue;
		if (store_svcbill_save(t->operator_id, &in->new_[i]) <= 0 ||
		    txn_audit(t, 0, 0, "service", in->old[i].id,
		    "billing_codes", codes_text(t->a, &in->old[i]),
		    codes_text(t->a, &in->new_[i])) < 0)
			return -1;
	}
	return 1;
}

int
ops_catalog_codes_save(struct ops_ctx *c, const struct catalog_codes_in *in,
    struct catalog_out *out)
{
	struct codes_op	 x = { in };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, codes_txn, &x);
}
