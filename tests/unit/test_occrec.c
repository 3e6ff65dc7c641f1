/*
 * Unit tests for app/domain/occrec.c: VAT numbers (UK, Northern Ireland,
 * government departments, EU prefixes, separators and case, every refusal)
 * and company numbers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/occrec.h"

static void
ok_vat(const char *in, const char *want)
{
	char	 out[VAT_STRLEN];

	memset(out, 'x', sizeof(out));
	assert_null(vat_check(in, out, sizeof(out)));
	assert_string_equal(out, want);
}

static void
bad_vat(const char *in, const char *msg_part)
{
	char		 out[VAT_STRLEN];
	const char	*m = vat_check(in, out, sizeof(out));

	assert_non_null(m);
	assert_non_null(strstr(m, msg_part));
	assert_string_equal(out, "");
}

static void
test_vat_uk(void **state)
{
	(void)state;
	ok_vat("GB123456789", "GB123456789");
	ok_vat("gb 123 4567 89", "GB123456789");
	ok_vat("GB123.4567.89", "GB123456789");
	ok_vat("GB123456789012", "GB123456789012");
	ok_vat("XI123456789", "XI123456789");
	ok_vat("GBGD001", "GBGD001");
	ok_vat("GBHA599", "GBHA599");
	ok_vat("", "");
	ok_vat("   ", "");
	bad_vat("GB12345678", "9 or 12 digits");
	bad_vat("GB1234567890", "9 or 12 digits");
	bad_vat("GB1234567890123", "9 or 12 digits");
	bad_vat("GB12345678901234", "letters and digits");	/* over the room */
	bad_vat("GBGD0001", "9 or 12 digits");
	bad_vat("GBXX123", "9 or 12 digits");
	bad_vat("GB", "9 or 12 digits");
}

static void
test_vat_eu(void **state)
{
	(void)state;
	ok_vat("DE123456789", "DE123456789");
	ok_vat("de-123-456-789", "DE123456789");
	ok_vat("ATU12345678", "ATU12345678");
	ok_vat("FR12345678901", "FR12345678901");
	ok_vat("NL123456789B01", "NL123456789B01");
	ok_vat("EL123456789", "EL123456789");
	ok_vat("IE1234567WA", "IE1234567WA");
	bad_vat("GR123456789", "prefix of an EU member state");
	bad_vat("US123456789", "prefix of an EU member state");
	bad_vat("123456789", "country prefix");
	bad_vat("D1", "country prefix");
	bad_vat("DEABCDEFG", "2 to 12");
	bad_vat("DE1", "2 to 12");
	bad_vat("GB123456789!", "letters and digits");
	bad_vat("GB 123\t456 789", "letters and digits");
	bad_vat("GB12345678\xc3\xa9", "letters and digits");
}

static void
test_vat_small_buffer(void **state)
{
	char	 out[4];

	(void)state;
	assert_non_null(vat_check("GB123456789", out, sizeof(out)));
}

static void
test_company_no(void **state)
{
	char		 out[16];

	(void)state;
	assert_null(company_no_check("01234567", out, sizeof(out)));
	assert_string_equal(out, "01234567");
	assert_null(company_no_check("sc 123 456", out, sizeof(out)));
	assert_string_equal(out, "SC123456");
	assert_null(company_no_check("", out, sizeof(out)));
	assert_string_equal(out, "");
	assert_non_null(company_no_check("ABCDEFG", out, sizeof(out)));
	assert_string_equal(out, "");
	assert_non_null(company_no_check("1", out, sizeof(out)));
	assert_non_null(company_no_check("0123-4567", out, sizeof(out)));
	assert_non_null(company_no_check("0123456789012", out, sizeof(out)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vat_uk),
		cmocka_unit_test(test_vat_eu),
		cmocka_unit_test(test_vat_small_buffer),
		cmocka_unit_test(test_company_no),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
