/*
 * ops/usage_catalog: the usage catalog's operation (usage_catalog.h).
 */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "../domain/usage.h"
#include "../store/store_usage.h"
#include "usage_catalog.h"

#define PRICE_MAX	100000000000LL	/* 1 000 000.00 in thousandths */
#define MONEY_MAX	100000000LL	/* 1 000 000.00 in minor units */

struct set {
	const struct usage_cat_in	*in;
	struct usage_cat_out		*out;
};

/* A refusal of item k (from 1) of kind, e.g. "rate 3". */
static void
refuse(struct arena *a, struct ops_result *why, const char *kind, size_t k,
    const char *what, const char *text)
{
	ops_refuse(why, OPS_INVALID, arena_printf(a, "%s %zu", kind, k),
	    arena_printf(a, "%c%s %zu (%s): %s", kind[0] - 32, kind + 1, k,
	    what, text));
}

static int
code_ok(const char *s, size_t max)
{
	size_t	 n = strlen(s), i;

	if (n == 0 || n > max)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static int
digits_ok(const char *s, size_t max)
{
	size_t	 n = strlen(s), i;

	if (n > max)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* The checks that need no database: every item on its own, and the
 * card against itself (a group, a tariff's prefix, an allowance or a
 * tier twice). */
static void
check_items(struct arena *a, const struct usage_cat_in *in,
    struct ops_result *why)
{
	size_t	 i, j;

	for (i = 0; i < in->ngroups; i++) {
		const struct usage_cat_group *g = &in->groups[i];
		size_t nl = strlen(g->name);

		if (!code_ok(g->code, 32))
			refuse(a, why, "group", i + 1, g->code, "the code is "
			    "1 to 32 lower-case letters, digits or _");
		else if (nl == 0 || nl > 100)
			refuse(a, why, "group", i + 1, g->code, "the name is "
			    "1 to 100 characters");
		for (j = 0; j < i; j++)
			if (strcmp(in->groups[j].code, g->code) == 0)
				refuse(a, why, "group", i + 1, g->code,
				    arena_printf(a, "the same code as group "
				    "%zu", j + 1));
	}
	for (i = 0; i < in->nrates; i++) {
		const struct usage_cat_rate *r = &in->rates[i];
		const char *w = arena_printf(a, "%s, prefix \"%s\"", r->tariff,
		    r->prefix);

		if (!digits_ok(r->prefix, 16))
			refuse(a, why, "rate", i + 1, w, "a prefix is up to 16 "
			    "digits of the international number (empty: any "
			    "number)");
		if (r->per_minute < 0 || r->setup < 0 || r->minimum < 0 ||
		    r->per_minute > PRICE_MAX || r->setup > PRICE_MAX ||
		    r->minimum > PRICE_MAX)
			refuse(a, why, "rate", i + 1, w, "prices are from 0 to "
			    "1 000 000.00");
		if (r->first < 0 || r->first > 3600 || r->step < 1 ||
		    r->step > 3600)
			refuse(a, why, "rate", i + 1, w, "the first increment "
			    "is 0 to 3600 seconds, the step 1 to 3600");
		for (j = 0; j < i; j++)
			if (strcmp(in->rates[j].tariff, r->tariff) == 0 &&
			    strcmp(in->rates[j].prefix, r->prefix) == 0)
				refuse(a, why, "rate", i + 1, w, arena_printf(a,
				    "the same prefix as rate %zu", j + 1));
	}
	for (i = 0; i < in->nallowances; i++) {
		const struct usage_cat_allowance *l = &in->allowances[i];
		const char *w = arena_printf(a, "%s, %s", l->tariff, l->group);

		if (l->minutes < -1 || l->minutes > 1000000)
			refuse(a, why, "allowance", i + 1, w, "minutes are 0 "
			    "to 1 000 000, or unlimited");
		for (j = 0; j < i; j++)
			if (strcmp(in->allowances[j].tariff, l->tariff) == 0 &&
			    strcmp(in->allowances[j].group, l->group) == 0)
				refuse(a, why, "allowance", i + 1, w,
				    arena_printf(a, "the same tariff and group "
				    "as allowance %zu", j + 1));
	}
	for (i = 0; i < in->ntiers; i++) {
		const struct usage_cat_tier *t = &in->tiers[i];

		if (t->mbps < 1 || t->mbps > 100000)
			refuse(a, why, "tier", i + 1, t->service, "the "
			    "committed rate is 1 to 100 000 Mbps");
		if (t->per_mbps < 0 || t->per_mbps > MONEY_MAX)
			refuse(a, why, "tier", i + 1, t->service, "the burst "
			    "price is from 0 to 1 000 000.00 a Mbps");
		for (j = 0; j < i; j++)
			if (strcmp(in->tiers[j].service, t->service) == 0)
				refuse(a, why, "tier", i + 1, t->service,
				    arena_printf(a, "the same service as tier "
				    "%zu", j + 1));
	}
}

/* The service of ctx's operator with code, of category cat: 1 (*id), 0
 * refused into why as item k of kind, -1. */
static int
service_of(struct txn *t, struct ops_result *why, const char *code,
    const char *cat, const char *kind, size_t k, const char *what,
    int64_t *id)
{
	const char	*c;
	int		 rc;

	if ((rc = store_usage_service_cat(t->a, t->operator_id, code, id,
	    &c)) < 0)
		return -1;
	if (rc == 0) {
		refuse(t->a, why, kind, k, what, arena_printf(t->a, "no "
		    "service of the catalog has the code %s", code));
		return 0;
	}
	if (strcmp(c, cat) != 0) {
		refuse(t->a, why, kind, k, what, arena_printf(t->a, "%s is "
		    "a %s service, not a %s one", code, c, cat));
		return 0;
	}
	return 1;
}

/* The group of code: put from the card before (its id), or existing. 1,
 * 0 refused, -1. */
static int
group_of(struct txn *t, struct ops_result *why, const char *code,
    const char *kind, size_t k, const char *what, int64_t *id)
{
	int	 rc;

	if ((rc = store_usage_group_id(t->a, t->operator_id, code, id)) < 0)
		return -1;
	if (rc == 0)
		refuse(t->a, why, kind, k, what, arena_printf(t->a, "no "
		    "destination group has the code %s", code));
	return rc;
}

/* 1 when tariff (rates or allowances) or service (tiers) came before
 * index i in the card's items of its kind: replaced once. */
static int
rate_seen(const struct usage_cat_in *in, size_t i)
{
	size_t	 j;

	for (j = 0; j < i; j++)
		if (strcmp(in->rates[j].tariff, in->rates[i].tariff) == 0)
			return 1;
	return 0;
}

static int
allowance_seen(const struct usage_cat_in *in, size_t i)
{
	size_t	 j;

	for (j = 0; j < i; j++)
		if (strcmp(in->allowances[j].tariff,
		    in->allowances[i].tariff) == 0)
			return 1;
	return 0;
}

static int
set_txn(struct txn *t, void *arg)
{
	struct set			*s = arg;
	const struct usage_cat_in	*in = s->in;
	struct ops_result		*why = &s->out->why;
	int64_t				 op = t->operator_id, svc, grp;
	size_t				 i;
	int				 rc, added;

	memset(why, 0, sizeof(*why));
	s->out->groups_added = s->out->tariffs = s->out->tiers = 0;
	for (i = 0; i < in->ngroups; i++) {
		if (store_usage_group_put(t->a, op, in->groups[i].code,
		    in->groups[i].name, &grp, &added) < 0)
			return -1;
		s->out->groups_added += added != 0;
	}
	for (i = 0; i < in->nrates; i++) {
		const struct usage_cat_rate *r = &in->rates[i];
		const char *w = arena_printf(t->a, "%s, prefix \"%s\"",
		    r->tariff, r->prefix);
		struct usage_rate ur;

		if ((rc = service_of(t, why, r->tariff, "Tariff", "rate", i + 1,
		    w, &svc)) <= 0 || (rc = group_of(t, why, r->group, "rate",
		    i + 1, w, &grp)) <= 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		if (!rate_seen(in, i)) {
			if (store_usage_rates_drop(op, svc) < 0)
				return -1;
			s->out->tariffs++;
		}
		ur.prefix = r->prefix;
		ur.group = grp;
		ur.per_minute = r->per_minute;
		ur.setup = r->setup;
		ur.minimum = r->minimum;
		ur.first = r->first;
		ur.step = r->step;
		if (store_usage_rate_add(op, svc, &ur) <= 0)
			return -1;
	}
	for (i = 0; i < in->nallowances; i++) {
		const struct usage_cat_allowance *l = &in->allowances[i];
		const char *w = arena_printf(t->a, "%s, %s", l->tariff,
		    l->group);

		if ((rc = service_of(t, why, l->tariff, "Tariff", "allowance",
		    i + 1, w, &svc)) <= 0 || (rc = group_of(t, why, l->group,
		    "allowance", i + 1, w, &grp)) <= 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		if (!allowance_seen(in, i) &&
		    store_usage_allowances_drop(op, svc) < 0)
			return -1;
		if (store_usage_allowance_add(op, svc, grp, l->minutes,
		    l->per_line) <= 0)
			return -1;
	}
	for (i = 0; i < in->ntiers; i++) {
		const struct usage_cat_tier *tr = &in->tiers[i];

		if ((rc = service_of(t, why, tr->service, "Bandwidth", "tier",
		    i + 1, tr->service, &svc)) <= 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		if (store_usage_tier_drop(op, svc) < 0 ||
		    store_usage_tier_add(op, svc, tr->mbps, tr->per_mbps) <= 0)
			return -1;
		s->out->tiers++;
	}
	if (why->n > 0)
		return 0;	/* rolled back: nothing of it stays */
	return txn_audit(t, 0, 0, "usage_catalog", op, "set", NULL,
	    arena_printf(t->a, "groups=%zu\ngroups_added=%zu\nrates=%zu\n"
	    "tariffs=%zu\nallowances=%zu\ntiers=%zu", in->ngroups,
	    s->out->groups_added, in->nrates, s->out->tariffs,
	    in->nallowances, s->out->tiers)) < 0 ? -1 : 1;
}

void
ops_usage_catalog_of_card(const struct ratecard *k, struct usage_cat_in *in)
{
	memset(in, 0, sizeof(*in));
	in->groups = k->g;
	in->ngroups = k->ng;
	in->rates = k->r;
	in->nrates = k->nr;
	in->allowances = k->l;
	in->nallowances = k->nl;
	in->tiers = k->t;
	in->ntiers = k->nt;
}

int
ops_usage_catalog_set(struct ops_ctx *c, const struct usage_cat_in *in,
    struct usage_cat_out *out)
{
	struct set	 s = { in, out };

	memset(out, 0, sizeof(*out));
	check_items(c->t.a, in, &out->why);
	if (out->why.n > 0)
		return 0;
	return db_txn(&c->t, set_txn, &s);
}
