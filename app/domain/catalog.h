/*
 * catalog: the rules a catalog admin writes (a service requires another
 * service or a category, excludes another service, or is taken at most N
 * times per occupier and site), checked before they are stored. Pure; the
 * rules engine that applies them is rules.c.
 */
#ifndef TENANTRY_CATALOG_H
#define TENANTRY_CATALOG_H

#include <stdint.h>

/* A rule as the form sends it. */
struct catalog_rule {
	const char	*kind;		/* "requires", "excludes", "max_qty" */
	int		 has_other;	/* another service was named */
	int64_t		 other;		/* its id (0 when none) */
	int		 other_ok;	/* it is another service of the catalog */
	const char	*category;	/* a category name; NULL: none */
	int		 has_max;
	int64_t		 max;
	int		 qty_le;	/* "QTY no more than its QTY" ticked */
};

/*
 * Check rule r and make it what is stored: the fields its kind does not
 * use are cleared (an excludes rule has no QTY bound; an "at most" rule
 * names no other service or category). NULL when it can be stored, else
 * why (as the form shows it) and in *field the form field it is about.
 */
const char	*catalog_rule_check(struct catalog_rule *r, const char **field);

/* A rule stored already: its kind, the service it belongs to, the other
 * service (0: none) and the category ("" or NULL: none). */
struct catalog_rule_had {
	const char	*kind;
	int64_t		 service;
	int64_t		 other;
	const char	*category;
};
/*
 * Whether rule r (checked by catalog_rule_check) for service svc would
 * repeat rule h: the same requirement of svc, the same exclusion either
 * way round, or a second "at most" rule of svc. NULL when not, else why
 * (as the form shows it).
 */
const char	*catalog_rule_repeats(const struct catalog_rule *r, int64_t svc,
		    const struct catalog_rule_had *h);

/*
 * A service's code as an admin types it: 1 to CATALOG_CODE_MAX letters,
 * digits, '-', '_' or '.', starting with a letter or a digit (it names the
 * service in exports and imports: no spaces). NULL when it is one, else
 * why (the form puts "Code " before it).
 */
#define CATALOG_CODE_MAX	48
const char	*catalog_code_check(const char *code);

#endif
