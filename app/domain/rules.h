/*
 * rules: the Manage services rules engine (domain §3 and §4).
 *
 * Pure C: no I/O, no allocation. Given the site's catalog (services with
 * their per-unit infrastructure entitlements, and the rule rows), the
 * current infrastructure in use, and a proposed plan (the whole set of
 * occupier services that would be active or scheduled after the save), it
 * reports every violation and the Provisioned infrastructure fractions.
 */
#ifndef TENANTRY_RULES_H
#define TENANTRY_RULES_H

#include <stddef.h>
#include <stdint.h>

/* The five infrastructure device types, in display order. */
enum infra {
	INFRA_SWITCH_PORTS,	/* "Switch ports" */
	INFRA_PHONE_EXT,	/* "Telephony extensions" */
	INFRA_PUBLIC_IP,	/* "Public IP addresses" */
	INFRA_WIFI_DEVICES,	/* "Wi-Fi devices" */
	INFRA_WIFI_ACCOUNTS,	/* "Wi-Fi accounts" */
	INFRA__MAX
};
extern const char *const infra_names[INFRA__MAX];

/* Service categories (domain §2), in catalog display order. */
enum svc_category {
	CAT_INTERNET,		/* "Internet" */
	CAT_BANDWIDTH,		/* "Bandwidth" */
	CAT_PUBLIC_IP,		/* "Public IP" */
	CAT_VOICE,		/* "Voice" */
	CAT_CALL_FEATURE,	/* "Call feature" */
	CAT_TARIFF,		/* "Tariff" */
	CAT_SERVICE_LEVEL,	/* "Service level" */
	CAT_WIFI,		/* "Wi-Fi" */
	CAT_IVR,		/* "IVR" */
	CAT_CONFERENCE,		/* "Conference bridge" */
	CAT__MAX
};
extern const char *const svc_category_names[CAT__MAX];
/* Returns the category whose name equals s, or CAT__MAX. */
enum svc_category svc_category_parse(const char *s);

struct rules_service {
	int64_t			 id;
	const char		*name;
	enum svc_category	 category;
	int64_t			 entitle[INFRA__MAX];	/* per unit of qty */
};

enum rule_kind {
	RULE_REQUIRES,		/* service needs other service (or any of a category) */
	RULE_EXCLUDES,		/* service and other never together (symmetric) */
	RULE_MAX_QTY,		/* at most max units per occupier per site */
	RULE__MAX
};
extern const char *const rule_kind_names[RULE__MAX]; /* "requires", "excludes", "max_qty" */

struct rules_rule {
	enum rule_kind		 kind;
	int64_t			 service_id;	/* the rule's subject */
	int64_t			 other_id;	/* requires/excludes: other service, or 0 */
	enum svc_category	 other_cat;	/* requires: when other_id == 0, any service of it */
	int			 qty_le;	/* requires: also qty(service) <= qty(other) */
	int64_t			 max;		/* max_qty */
};

struct rules_catalog {
	const struct rules_service	*services;
	size_t				 nservices;
	const struct rules_rule		*rules;
	size_t				 nrules;
};

/* One row of the plan. Several rows may name the same service (e.g. on two
 * contracts); quantities of the same service are summed for the rules. */
struct rules_line {
	int64_t		 service_id;
	int64_t		 qty;
};

/* What is in use now: X of each fraction. */
struct rules_state {
	int64_t		 in_use[INFRA__MAX];
};

enum rules_vkind {
	RV_UNKNOWN_SERVICE,	/* service not in the catalog (not available here) */
	RV_BAD_QTY,		/* qty < 1 */
	RV_REQUIRES,
	RV_REQUIRES_QTY,
	RV_EXCLUDES,
	RV_MAX_QTY,
	RV_INFRA,		/* in use > allocated */
	RV__MAX
};

#define RULES_MSG_MAX		 256
#define RULES_MAX_VIOLATIONS	 64

struct rules_violation {
	enum rules_vkind	 kind;
	size_t			 line;		/* plan index of the offending row, or RULES_NO_LINE */
	int64_t			 service_id;	/* 0 for RV_INFRA */
	int64_t			 other_id;	/* the other service, when there is one */
	enum infra		 infra;		/* RV_INFRA only */
	/* How far the rule is broken: requires, max_qty: qty of the
	 * service; requires_qty: it and oqty of the other; excludes: qty
	 * of the service and oqty of the other. */
	int64_t			 qty, oqty;
	char			 msg[RULES_MSG_MAX];
};
#define RULES_NO_LINE ((size_t)-1)

struct rules_result {
	int64_t			 allocated[INFRA__MAX];	/* Y */
	int64_t			 in_use[INFRA__MAX];	/* X (copied from state) */
	struct rules_violation	 v[RULES_MAX_VIOLATIONS];
	size_t			 nv;		/* violations stored in v */
	size_t			 nv_total;	/* violations found (may exceed nv) */
};

/*
 * Evaluate plan (n rows) against the catalog and the state.
 * Fills out completely (allocated, in_use, violations); never fails.
 * Returns the number of violations found (out->nv_total): 0 means the
 * plan is valid and may be saved.
 */
size_t rules_check_plan(const struct rules_catalog *cat,
    const struct rules_state *state, const struct rules_line *plan,
    size_t n, struct rules_result *out);

/*
 * Whether violation v of a changed plan was already there, as far or
 * further, in before (the plan as saved): a rule added after the plan
 * was saved leaves it saveable for changes that do not make that rule's
 * violation worse (domain §3). The same rule broken (same kind, service
 * and other service; an exclusion either way round) and: max_qty or
 * requires, no more of the service; requires_qty, no bigger a gap;
 * excludes, no more of either service. Unknown services, bad quantities
 * and infrastructure overruns are never kept.
 */
int	 rules_violation_kept(const struct rules_result *before,
	    const struct rules_violation *v);

/*
 * Whether plan (the services of one occupier at one site) breaks rule r
 * alone, with the services svcs (for their categories): what a new rule
 * would do to a plan saved before it.
 */
int	 rules_rule_broken(const struct rules_rule *r,
	    const struct rules_service *svcs, size_t nsvcs,
	    const struct rules_line *plan, size_t n);

/* Format "X/Y" of infrastructure type t into buf (cap bytes). */
void rules_fraction_format(const struct rules_result *res, enum infra t,
    char *buf, size_t cap);

#endif
