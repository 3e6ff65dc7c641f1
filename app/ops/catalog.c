/*
 * ops/catalog: see catalog.h.
 */
#include <string.h>
#include <strings.h>

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
	const struct store_service	*s;	/* save: as read; add: NULL */
	struct catalog_out		*out;
};

/* The operator's sites among the ids ticked, in the sites' order, with
 * their own RRPs (-1: none) in *rrps. */
static int64_t *
sites_ticked(struct arena *a, const struct catalog_service_in *in,
    int64_t **rrps, size_t *n)
{
	int64_t	*ids;
	size_t	 i, j;

	ids = arena_calloc(a, in->nsites ? in->nsites : 1, sizeof(*ids));
	*rrps = arena_calloc(a, in->nsites ? in->nsites : 1, sizeof(**rrps));
	*n = 0;
	for (i = 0; i < in->nsites; i++)
		for (j = 0; j < in->nchecked; j++)
			if (in->checked[j] == in->sites[i].id) {
				(*rrps)[*n] = in->site_rrp != NULL ?
				    in->site_rrp[i] : -1;
				ids[(*n)++] = in->sites[i].id;
				break;
			}
	return ids;
}

/* "site:amount,..." of the sites' own RRPs (none: ""). */
static const char *
rrps_text(struct arena *a, const int64_t *sites, const int64_t *rrps,
    size_t n)
{
	struct buf	 b;
	char		 m[MONEY_STRLEN];
	size_t		 i;

	buf_init(&b, a, 64);
	for (i = 0; i < n; i++) {
		if (rrps[i] < 0)
			continue;
		money_format(rrps[i], m, sizeof(m));
		buf_printf(&b, "%s%lld:%s", b.len ? "," : "",
		    (long long)sites[i], m);
	}
	return b.p;
}

/* The sites' own RRPs of service id as stored, as rrps_text has them. */
static const char *
rrps_stored(struct txn *t, int64_t id)
{
	struct store_site_rrp	*r;
	int64_t			*sites, *rrps;
	size_t			 n, i;

	if (store_service_site_rrps(t->a, t->operator_id, id, &r, &n) < 0)
		return NULL;
	sites = arena_calloc(t->a, n ? n : 1, sizeof(*sites));
	rrps = arena_calloc(t->a, n ? n : 1, sizeof(*rrps));
	for (i = 0; i < n; i++) {
		sites[i] = r[i].site_id;
		rrps[i] = r[i].rrp;
	}
	return rrps_text(t->a, sites, rrps, n);
}

/* "1,2" of the site ids. */
static const char *
ids_text(struct arena *a, const int64_t *ids, size_t n)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, a, 32);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i ? "," : "", (long long)ids[i]);
	return b.p;
}

/* "\nkey=value" of what changed, for both sides of the audit event. */
static void
changed_line(struct buf *ob, struct buf *nb, const char *key,
    const char *was, const char *is)
{
	if (strcmp(was, is) == 0)
		return;
	buf_printf(ob, "\n%s=%s", key, was);
	buf_printf(nb, "\n%s=%s", key, is);
}

static const char *
ent_text(struct arena *a, const int64_t *e)
{
	return arena_printf(a, "%lld/%lld/%lld/%lld/%lld", (long long)e[0],
	    (long long)e[1], (long long)e[2], (long long)e[3],
	    (long long)e[4]);
}

/* The audit event of a save: RRP and description always (and the sites
 * before), anything else that changed after them. */
static int
save_audit(struct txn *t, const struct service_op *x, const char *old_rrps,
    const char *new_rrps)
{
	const struct store_service_def	*d = &x->in->def;
	const struct store_service	*s = x->s;
	struct buf			 ob, nb;
	char				 o[MONEY_STRLEN], n[MONEY_STRLEN];

	buf_init(&ob, t->a, 256);
	buf_init(&nb, t->a, 256);
	money_format(s->rrp_base, o, sizeof(o));
	money_format(d->rrp, n, sizeof(n));
	buf_printf(&ob, "rrp=%s\ndescription=%s\nsites=%s", o, s->description,
	    s->site_ids);
	buf_printf(&nb, "rrp=%s\ndescription=%s", n, d->description);
	changed_line(&ob, &nb, "code", s->code, d->code);
	changed_line(&ob, &nb, "name", s->name, d->name);
	changed_line(&ob, &nb, "category", s->category, d->category);
	money_format(s->cost, o, sizeof(o));
	money_format(d->cost, n, sizeof(n));
	changed_line(&ob, &nb, "cost", o, n);
	changed_line(&ob, &nb, "entitles", ent_text(t->a, s->ent),
	    ent_text(t->a, d->ent));
	changed_line(&ob, &nb, "site_rrp", old_rrps, new_rrps);
	return txn_audit(t, 0, 0, "service", s->id, "update", ob.p, nb.p);
}

/* Refused: code is another service's. */
static int
code_taken(struct arena *a, struct catalog_out *out, const char *code)
{
	return ops_refuse(&out->why, OPS_INVALID, "code", arena_printf(a,
	    "Code %s is already another service's: choose another.", code));
}

static int
service_txn(struct txn *t, void *arg)
{
	struct service_op		*x = arg;
	const struct catalog_service_in	*in = x->in;
	const char			*old_rrps;
	int64_t				*ids, *rrps;
	size_t				 nids;
	int				 rc;

	ids = sites_ticked(t->a, in, &rrps, &nids);
	if ((old_rrps = rrps_stored(t, x->s->id)) == NULL)
		return -1;
	if ((rc = store_service_update(t->operator_id, x->s->id,
	    &in->def)) == -2)
		return code_taken(t->a, x->out, in->def.code);
	if (rc < 0 || store_service_sites_set(t->operator_id, x->s->id, ids,
	    rrps, nids) < 0)
		return -1;
	if (save_audit(t, x, old_rrps, rrps_text(t->a, ids, rrps, nids)) < 0)
		return -1;
	return store_catalog_bump(t->operator_id) > 0 ? 1 : -1;
}

/* What a save or an add refuses before writing: the code's form, and a
 * code another service of the catalog has (the unique key says so too,
 * for one added meanwhile). 1 fine, 0 refused. */
static int
service_check(struct arena *a, const struct catalog_service_in *in,
    struct catalog_out *out)
{
	const char	*why;
	size_t		 i;

	if ((why = catalog_code_check(in->def.code)) != NULL)
		return ops_refuse(&out->why, OPS_INVALID, "code",
		    arena_printf(a, "Code %s", why));
	for (i = 0; i < in->cat->nsvc; i++)
		if (in->cat->svc[i].id != in->service_id &&
		    strcasecmp(in->cat->svc[i].code, in->def.code) == 0)
			return code_taken(a, out, in->def.code);
	return 1;
}

int
ops_catalog_service_save(struct ops_ctx *c,
    const struct catalog_service_in *in, struct catalog_out *out)
{
	struct service_op	 x = { in, NULL, out };

	memset(out, 0, sizeof(*out));
	if ((x.s = service_of(in->cat, in->service_id)) == NULL)
		return ops_refuse(&out->why, OPS_NOT_FOUND, NULL, NULL);
	if (!service_check(c->t.a, in, out))
		return 0;
	return db_txn(&c->t, service_txn, &x);
}

static int
add_txn(struct txn *t, void *arg)
{
	struct service_op		*x = arg;
	const struct catalog_service_in	*in = x->in;
	const struct store_service_def	*d = &in->def;
	int64_t				*ids, *rrps, id;
	size_t				 nids;
	char				 cost[MONEY_STRLEN], rrp[MONEY_STRLEN];

	ids = sites_ticked(t->a, in, &rrps, &nids);
	if ((id = store_service_insert(t->operator_id, d)) == -2)
		return code_taken(t->a, x->out, d->code);
	if (id < 0 || store_service_sites_set(t->operator_id, id, ids, rrps,
	    nids) < 0)
		return -1;
	money_format(d->cost, cost, sizeof(cost));
	money_format(d->rrp, rrp, sizeof(rrp));
	if (txn_audit(t, 0, 0, "service", id, "create", NULL, arena_printf(
	    t->a, "code=%s\nname=%s\ncategory=%s\ncost=%s\nrrp=%s\n"
	    "entitles=%s\nneeds_case=%d\nneeds_device=%d\nsites=%s\n"
	    "site_rrp=%s\ndescription=%s", d->code, d->name, d->category, cost,
	    rrp, ent_text(t->a, d->ent), d->needs_case, d->needs_device,
	    ids_text(t->a, ids, nids), rrps_text(t->a, ids, rrps, nids),
	    d->description)) < 0)
		return -1;
	x->out->id = id;
	return store_catalog_bump(t->operator_id) > 0 ? 1 : -1;
}

int
ops_catalog_service_add(struct ops_ctx *c,
    const struct catalog_service_in *in, struct catalog_out *out)
{
	struct service_op	 x = { in, NULL, out };

	memset(out, 0, sizeof(*out));
	if (!service_check(c->t.a, in, out))
		return 0;
	return db_txn(&c->t, add_txn, &x);
}

struct retire_op {
	const struct store_service	*s;
	int				 retired;
	struct catalog_out		*out;
};

static int
retire_txn(struct txn *t, void *arg)
{
	struct retire_op	*x = arg;
	int			 rc;

	if ((rc = store_service_retire(t->operator_id, x->s->id,
	    x->retired)) < 0)
		return -1;
	if (rc == 0)
		return ops_refuse(&x->out->why, OPS_CONFLICT, NULL,
		    arena_printf(t->a, x->retired ? "%s is retired already." :
		    "%s is offered already.", x->s->name));
	if (txn_audit(t, 0, 0, "service", x->s->id, x->retired ? "retire" :
	    "unretire", arena_printf(t->a, "name=%s\nretired=%d", x->s->name,
	    !x->retired), arena_printf(t->a, "name=%s\nretired=%d",
	    x->s->name, x->retired)) < 0)
		return -1;
	return store_catalog_bump(t->operator_id) > 0 ? 1 : -1;
}

int
ops_catalog_service_retire(struct ops_ctx *c,
    const struct catalog_retire_in *in, struct catalog_out *out)
{
	struct retire_op	 x;

	memset(out, 0, sizeof(*out));
	memset(&x, 0, sizeof(x));
	if ((x.s = service_of(in->cat, in->service_id)) == NULL)
		return ops_refuse(&out->why, OPS_NOT_FOUND, NULL, NULL);
	x.retired = in->retired != 0;
	x.out = out;
	return db_txn(&c->t, retire_txn, &x);
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
