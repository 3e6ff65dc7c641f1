/*
 * svcplan: see svcplan.h.
 */
#include <string.h>

#include "../domain/date.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

const char svcplan_zero_cost_note[] =
    "Cost 0.00: this service may be free of charge, or, for voice and "
    "bandwidth services, charged on contracted allocations, allowances and "
    "usage rather than this value (see the Billing Usage Report). The price "
    "may be charged in addition to those charges.";

/* The rules engine's view of p->cat. */
static void
svcplan_build(struct req *r, struct svcplan *p)
{
	size_t	 i, k;

	p->rsvc = arena_calloc(r->a, p->cat.nsvc, sizeof(*p->rsvc));
	for (i = 0; i < p->cat.nsvc; i++) {
		p->rsvc[i].id = p->cat.svc[i].id;
		p->rsvc[i].name = p->cat.svc[i].name;
		p->rsvc[i].category = svc_category_parse(p->cat.svc[i].category);
		for (k = 0; k < INFRA__MAX; k++)
			p->rsvc[i].entitle[k] = p->cat.svc[i].ent[k];
	}
	p->rrules = arena_calloc(r->a, p->cat.nrules, sizeof(*p->rrules));
	for (i = k = 0; i < p->cat.nrules; i++) {
		const struct store_rule	*s = &p->cat.rules[i];
		struct rules_rule	*u = &p->rrules[k];

		if (strcmp(s->kind, "requires") == 0)
			u->kind = RULE_REQUIRES;
		else if (strcmp(s->kind, "excludes") == 0)
			u->kind = RULE_EXCLUDES;
		else if (strcmp(s->kind, "max_qty") == 0)
			u->kind = RULE_MAX_QTY;
		else
			continue;	/* unknown kinds are not enforced */
		u->service_id = s->service_id;
		u->other_id = s->other_id;
		u->other_cat = svc_category_parse(s->other_category);
		u->qty_le = s->qty_le;
		u->max = s->max_qty;
		if (u->kind == RULE_REQUIRES && u->other_id == 0 &&
		    u->other_cat == CAT__MAX)
			continue;	/* malformed row: nothing to require */
		k++;
	}
	p->rc.services = p->rsvc;
	p->rc.nservices = p->cat.nsvc;
	p->rc.rules = p->rrules;
	p->rc.nrules = k;
}

int
svcplan_load(struct req *r, int64_t occ, int64_t site, struct svcplan *p,
    struct store_contract **contracts, size_t *ncontracts)
{
	memset(p, 0, sizeof(*p));
	if (store_plan_context(r->a, r->user.operator_id, occ, site, &p->cat,
	    p->state.in_use, contracts, ncontracts, &p->ips_held) < 0)
		return -1;
	svcplan_build(r, p);
	return 1;
}

int
svcplan_read(struct req *r, int64_t occ, int64_t site, struct svcplan *p,
    struct store_occsvc **os, size_t *n, struct store_plan_head *head)
{
	memset(p, 0, sizeof(*p));
	if (store_plan_read(r->a, r->user.operator_id, occ, site, &p->cat,
	    p->state.in_use, os, n, &p->version, head) < 0)
		return -1;
	svcplan_build(r, p);
	return 1;
}

const struct store_service *
svcplan_service(const struct svcplan *p, int64_t id)
{
	size_t	 i;

	for (i = 0; i < p->cat.nsvc; i++)
		if (p->cat.svc[i].id == id)
			return &p->cat.svc[i];
	return NULL;
}

size_t
svcplan_check_current(struct req *r, const struct svcplan *p,
    const struct store_occsvc *os, size_t n, struct rules_result *res)
{
	struct rules_line	*lines;
	size_t			 i, nl = 0;

	lines = arena_calloc(r->a, n ? n : 1, sizeof(*lines));
	for (i = 0; i < n; i++) {
		if (os[i].ended != DATE_NONE && os[i].ended <= r->today)
			continue;
		lines[nl].service_id = os[i].service_id;
		lines[nl].qty = os[i].qty;
		nl++;
	}
	svcplan_check(p, lines, nl, res);
	return nl;
}

int
svcplan_provisioned(struct req *r, int64_t occ, int64_t site,
    struct rules_result *res)
{
	struct svcplan		 plan;
	struct store_occsvc	*os;
	size_t			 n;

	if (svcplan_read(r, occ, site, &plan, &os, &n, NULL) < 0)
		return -1;
	svcplan_check_current(r, &plan, os, n, res);
	return 1;
}

size_t
svcplan_check(const struct svcplan *p, const struct rules_line *lines,
    size_t n, struct rules_result *res)
{
	return rules_check_plan(&p->rc, &p->state, lines, n, res);
}

void
svcplan_fill_infra(struct tpl_dict *d, const struct rules_result *res)
{
	struct tpl_dict	*s;
	char		 frac[64];
	int		 t;

	for (t = 0; t < INFRA__MAX; t++) {
		s = tpl_section(d, TN_INFRA);
		rules_fraction_format(res, (enum infra)t, frac, sizeof(frac));
		tpl_set(s, TN_LABEL, infra_names[t]);
		tpl_set(s, TN_FRACTION, frac);
		if (res->in_use[t] > res->allocated[t])
			tpl_show(s, TN_OVER);
	}
}
