/*
 * catalog: see catalog.h.
 */
#include <string.h>

#include "catalog.h"
#include "rules.h"

/* The other service and the category named, checked on their own. */
static const char *
names_check(struct catalog_rule *r, const char **field)
{
	if (r->has_other && !r->other_ok) {
		*field = "other";
		return "Other service must be another service of the catalog";
	}
	if (!r->has_other)
		r->other = 0;
	if (r->category != NULL &&
	    svc_category_parse(r->category) == CAT__MAX) {
		*field = "category";
		return "Category is not a catalog category";
	}
	return NULL;
}

const char *
catalog_rule_check(struct catalog_rule *r, const char **field)
{
	const char	*why;

	if ((why = names_check(r, field)) != NULL)
		return why;
	if (strcmp(r->kind, "requires") == 0) {
		r->max = 0;
		if ((r->other > 0) == (r->category != NULL)) {
			*field = "other";
			return "A requires rule names either another service "
			    "or a category, not both";
		}
		return NULL;
	}
	if (strcmp(r->kind, "excludes") == 0) {
		r->max = 0;
		r->qty_le = 0;
		if (r->other == 0 || r->category != NULL) {
			*field = "other";
			return "An excludes rule names another service";
		}
		return NULL;
	}
	if (strcmp(r->kind, "max_qty") == 0) {
		if (!r->has_max) {
			*field = "max";
			return "Maximum is required for an \u201cat most\u201d "
			    "rule";
		}
		r->other = 0;
		r->category = NULL;
		r->qty_le = 0;
		return NULL;
	}
	*field = "kind";
	return "Rule must be requires, excludes or at most";
}

const char *
catalog_rule_repeats(const struct catalog_rule *r, int64_t svc,
    const struct catalog_rule_had *h)
{
	const char	*hc = h->category != NULL ? h->category : "";
	const char	*rc = r->category != NULL ? r->category : "";

	if (strcmp(r->kind, h->kind) != 0)
		return NULL;
	if (strcmp(r->kind, "excludes") == 0)
		return (h->service == svc && h->other == r->other) ||
		    (h->service == r->other && h->other == svc) ?
		    "These two services already cannot be taken together" :
		    NULL;
	if (h->service != svc)
		return NULL;
	if (strcmp(r->kind, "max_qty") == 0)
		return "This service already has an \u201cat most\u201d rule: "
		    "delete it to set another maximum";
	return h->other == r->other && strcmp(hc, rc) == 0 ?
	    "This service already has this requirement" : NULL;
}

const char *
catalog_code_check(const char *code)
{
	size_t	 i;

	if (code == NULL || code[0] == '\0')
		return "is required";
	for (i = 0; code[i] != '\0'; i++) {
		char c = code[i];

		if (i == CATALOG_CODE_MAX)
			return "must be at most 48 characters";
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'))
			continue;
		if (i == 0)
			return "must start with a letter or a digit";
		if (c != '-' && c != '_' && c != '.')
			return "may hold only letters, digits, '-', '_' and '.'";
	}
	return NULL;
}
