/*
 * Unit tests for app/domain/occimport.c: the file of an occupier import
 * (columns by the header in any order, values normalised, every error by
 * its line, references twice, malformed files).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "domain/date.h"
#include "domain/occimport.h"

static struct arena	*A;

static int
setup(void **state)
{
	(void)state;
	A = arena_new(65536);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

static void
readit(const char *s, struct occimp *im)
{
	occimp_read(A, s, strlen(s), im);
}

static int
has_err(const struct occimp *im, size_t line, const char *part)
{
	size_t	 i;

	for (i = 0; i < im->nerrs; i++)
		if (im->errs[i].line == line && strstr(im->errs[i].text, part))
			return 1;
	return 0;
}

static void
test_good_file(void **state)
{
	struct occimp	 im;

	(void)state;
	readit("\xef\xbb\xbf" "name,billing_ref,vat_number,site,contract_ref,"
	    "start_date,value,notice_months,deposit\r\n"
	    "Acme,ACME-1,gb 123 4567 89,Canary Wharf,C-1,2026-03-01,"
	    "\"1,250.50\",3,2500\r\n"
	    "\r\n"
	    "\"Blue, Finch\",BF-2,,,,,,,\n", &im);
	assert_int_equal(im.nerrs, 0);
	assert_int_equal(im.n, 2);
	assert_int_equal(im.rows[0].line, 2);
	assert_string_equal(im.rows[0].v[OI_NAME], "Acme");
	assert_string_equal(im.rows[0].v[OI_VAT_NUMBER], "GB123456789");
	assert_true(im.rows[0].has_contract);
	assert_int_equal(im.rows[0].start, date_from_ymd(2026, 3, 1));
	assert_int_equal(im.rows[0].end, DATE_NONE);
	assert_int_equal(im.rows[0].value, 125050);
	assert_int_equal(im.rows[0].notice_months, 3);
	assert_int_equal(im.rows[0].deposit, 250000);
	assert_int_equal(im.rows[1].line, 4);
	assert_string_equal(im.rows[1].v[OI_NAME], "Blue, Finch");
	assert_false(im.rows[1].has_contract);
	assert_string_equal(im.rows[1].v[OI_LEGAL_NAME], "");
}

static void
test_errors_by_line(void **state)
{
	struct occimp	 im;

	(void)state;
	readit("billing_ref,name,vat_number,contact_name,contact_email,site,"
	    "contract_ref,start_date,end_date,notice_months\n"
	    "A-1,Acme,GB12,,,,,,,\n"
	    ",No ref,,,,,,,,\n"
	    "A-3,,,Bo,,,,,,\n"
	    "A-4,Four,,,x@,,,,,\n"
	    "A-5,Five,,,,,C-5,2026-13-01,,\n"
	    "A-6,Six,,,,Here,C-6,2026-03-02,2026-03-01,25\n"
	    "A-1,Again,,,,Here,C-6,2026-03-01,,\n"
	    "A-8,Eight,,,,Here,,,,\n"
	    "A-9,too,few\n", &im);
	assert_true(has_err(&im, 2, "vat_number \xe2\x80\x9cGB12\xe2\x80\x9d must be GB"));
	assert_true(has_err(&im, 3, "billing_ref is required"));
	assert_true(has_err(&im, 4, "name is required"));
	assert_true(has_err(&im, 4, "contact_email is required: contact_name has a name"));
	assert_true(has_err(&im, 5, "contact_email \xe2\x80\x9cx@\xe2\x80\x9d is not an e-mail"));
	assert_true(has_err(&im, 6, "site is required with a contract"));
	assert_true(has_err(&im, 6, "start_date"));
	assert_true(has_err(&im, 7, "end_date is before start_date"));
	assert_true(has_err(&im, 7, "notice_months \xe2\x80\x9c" "25"));
	assert_true(has_err(&im, 8, "billing_ref A-1 is on line 2 too"));
	assert_true(has_err(&im, 8, "contract_ref C-6 is on line 7 too"));
	assert_true(has_err(&im, 9, "contract_ref is required with a site"));
	assert_true(has_err(&im, 10, "has 3 fields; the header has 10"));
	assert_string_equal(im.errs[0].text, "Line 2: vat_number \xe2\x80\x9cGB12"
	    "\xe2\x80\x9d must be GB and 9 or 12 digits, e.g. GB123456789");
}

static void
test_bad_files(void **state)
{
	struct occimp	 im;

	(void)state;
	readit("", &im);
	assert_true(has_err(&im, 1, "the file is empty"));
	readit("name,colour\nx,y\n", &im);
	assert_true(has_err(&im, 1, "column \xe2\x80\x9c" "colour"));
	assert_int_equal(im.n, 0);
	readit("name,name\n", &im);
	assert_true(has_err(&im, 1, "is there twice"));
	readit("name,legal_name\nx,y\n", &im);
	assert_true(has_err(&im, 1, "must name the columns billing_ref and name"));
	readit("billing_ref,name\nA,\"open\n", &im);
	assert_true(has_err(&im, 2, "never closed"));
	assert_int_equal(im.n, 0);
}

static void
test_error_cap(void **state)
{
	struct occimp	 im;
	char		 buf[8192];
	size_t		 i, n = 0;

	(void)state;
	n += (size_t)snprintf(buf + n, sizeof(buf) - n, "billing_ref,name\n");
	for (i = 0; i < 80; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, ",\n");
	readit(buf, &im);
	assert_int_equal(im.nerrs, OCCIMP_ERRS_MAX);
	assert_true(im.more_errs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_file),
		cmocka_unit_test(test_errors_by_line),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_error_cap),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
