/*
 * test_catalog: the catalog rules an admin writes, checked and made what
 * is stored (fields a kind does not use cleared), with the form field
 * each refusal is about.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/catalog.h"

static struct catalog_rule
rule(const char *kind, int64_t other, int other_ok, const char *cat,
    int has_max, int64_t max, int qty_le)
{
	struct catalog_rule	 r;

	memset(&r, 0, sizeof(r));
	r.kind = kind;
	r.has_other = other != 0;
	r.other = other;
	r.other_ok = other_ok;
	r.category = cat;
	r.has_max = has_max;
	r.max = max;
	r.qty_le = qty_le;
	return r;
}

static void
test_requires(void **state)
{
	struct catalog_rule	 r;
	const char		*f = NULL;

	(void)state;
	r = rule("requires", 7, 1, NULL, 1, 5, 1);
	assert_null(catalog_rule_check(&r, &f));
	assert_int_equal(r.other, 7);
	assert_int_equal(r.qty_le, 1);
	assert_int_equal(r.max, 0);		/* not an "at most" rule */
	r = rule("requires", 0, 0, "Internet", 0, 0, 0);
	assert_null(catalog_rule_check(&r, &f));
	assert_string_equal(r.category, "Internet");
	r = rule("requires", 7, 1, "Internet", 0, 0, 0);
	assert_string_equal(catalog_rule_check(&r, &f), "A requires rule "
	    "names either another service or a category, not both");
	assert_string_equal(f, "other");
	r = rule("requires", 0, 0, NULL, 0, 0, 0);
	assert_non_null(catalog_rule_check(&r, &f));
	assert_string_equal(f, "other");
}

static void
test_excludes_and_max(void **state)
{
	struct catalog_rule	 r;
	const char		*f = NULL;

	(void)state;
	r = rule("excludes", 9, 1, NULL, 0, 0, 1);
	assert_null(catalog_rule_check(&r, &f));
	assert_int_equal(r.qty_le, 0);
	r = rule("excludes", 0, 0, "Voice", 0, 0, 0);
	assert_string_equal(catalog_rule_check(&r, &f),
	    "An excludes rule names another service");
	assert_string_equal(f, "other");
	r = rule("max_qty", 9, 1, "Voice", 1, 3, 1);
	assert_null(catalog_rule_check(&r, &f));
	assert_int_equal(r.max, 3);
	assert_int_equal(r.other, 0);
	assert_null(r.category);
	assert_int_equal(r.qty_le, 0);
	r = rule("max_qty", 0, 0, NULL, 0, 0, 0);
	assert_string_equal(catalog_rule_check(&r, &f), "Maximum is required "
	    "for an \u201cat most\u201d rule");
	assert_string_equal(f, "max");
}

static void
test_refused_names(void **state)
{
	struct catalog_rule	 r;
	const char		*f = NULL;

	(void)state;
	/* Another service that is not one (the service itself, another
	 * operator's, none at all), before anything else. */
	r = rule("max_qty", 5, 0, NULL, 1, 2, 0);
	assert_string_equal(catalog_rule_check(&r, &f),
	    "Other service must be another service of the catalog");
	assert_string_equal(f, "other");
	r = rule("requires", 0, 0, "Coffee", 0, 0, 0);
	assert_string_equal(catalog_rule_check(&r, &f),
	    "Category is not a catalog category");
	assert_string_equal(f, "category");
	r = rule("forbids", 5, 1, NULL, 0, 0, 0);
	assert_string_equal(catalog_rule_check(&r, &f),
	    "Rule must be requires, excludes or at most");
	assert_string_equal(f, "kind");
}

/* A rule that repeats one stored: the same requirement, the same
 * exclusion either way round, a second "at most" rule; others do not. */
static void
test_repeats(void **state)
{
	const struct catalog_rule_had req_svc = { "requires", 7, 5, "" };
	const struct catalog_rule_had req_cat = { "requires", 7, 0, "Internet" };
	const struct catalog_rule_had exc = { "excludes", 5, 7, "" };
	const struct catalog_rule_had max = { "max_qty", 7, 0, "" };
	struct catalog_rule	 r;

	(void)state;
	r = rule("requires", 5, 1, NULL, 0, 0, 0);
	assert_string_equal(catalog_rule_repeats(&r, 7, &req_svc),
	    "This service already has this requirement");
	assert_null(catalog_rule_repeats(&r, 8, &req_svc));
	assert_null(catalog_rule_repeats(&r, 7, &req_cat));
	r = rule("requires", 0, 0, "Internet", 0, 0, 0);
	assert_non_null(catalog_rule_repeats(&r, 7, &req_cat));
	assert_null(catalog_rule_repeats(&r, 7, &req_svc));
	/* Excludes is symmetric: 7 excludes 5 repeats 5 excludes 7. */
	r = rule("excludes", 5, 1, NULL, 0, 0, 0);
	assert_string_equal(catalog_rule_repeats(&r, 7, &exc),
	    "These two services already cannot be taken together");
	r = rule("excludes", 7, 1, NULL, 0, 0, 0);
	assert_non_null(catalog_rule_repeats(&r, 5, &exc));
	r = rule("excludes", 6, 1, NULL, 0, 0, 0);
	assert_null(catalog_rule_repeats(&r, 7, &exc));
	r = rule("max_qty", 0, 0, NULL, 1, 3, 0);
	assert_non_null(catalog_rule_repeats(&r, 7, &max));
	assert_null(catalog_rule_repeats(&r, 8, &max));
	assert_null(catalog_rule_repeats(&r, 7, &req_svc));
}

static void
test_code(void **state)
{
	char	 long_code[CATALOG_CODE_MAX + 2];

	(void)state;
	assert_null(catalog_code_check("inet-lan-100"));
	assert_null(catalog_code_check("IP_29.v2"));
	assert_null(catalog_code_check("9"));
	assert_string_equal(catalog_code_check(""), "is required");
	assert_string_equal(catalog_code_check(NULL), "is required");
	assert_string_equal(catalog_code_check("-x"),
	    "must start with a letter or a digit");
	assert_string_equal(catalog_code_check("inet lan"),
	    "may hold only letters, digits, '-', '_' and '.'");
	assert_non_null(catalog_code_check("caf\xc3\xa9"));
	memset(long_code, 'a', CATALOG_CODE_MAX);
	long_code[CATALOG_CODE_MAX] = '\0';
	assert_null(catalog_code_check(long_code));
	long_code[CATALOG_CODE_MAX] = 'a';
	long_code[CATALOG_CODE_MAX + 1] = '\0';
	assert_string_equal(catalog_code_check(long_code),
	    "must be at most 48 characters");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_requires),
		cmocka_unit_test(test_excludes_and_max),
		cmocka_unit_test(test_refused_names),
		cmocka_unit_test(test_repeats),
		cmocka_unit_test(test_code),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
