/*
 * svcplan: see svcplan.h.
 */
#include "../ops/plan.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

const char svcplan_zero_cost_note[] =
    "Cost 0.00: this service may be free of charge, or, for voice and "
    "bandwidth services, charged on contracted allocations, allowances and "
    "usage rather than this value (see the Billing Usage Report). The price "
    "may be charged in addition to those charges.";

int
svcplan_provisioned(struct req *r, int64_t occ, int64_t site,
    struct rules_result *res)
{
	struct ops_ctx	 c;

	page_ops_ctx(r, &c);
	return plan_provisioned(&c.t, occ, site, res);
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
