/*
 * Unit tests for the error paths of db's streaming read (db_stream_open,
 * db_stream_next, db_stream_close in app/store/db.c), which need no
 * server: a stream never opened hands out no row; a statement that cannot
 * run (no server answers on the configured socket) opens nothing, its
 * next says error, and close after it is harmless; a failed open leaves
 * no stream behind that would refuse the next one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <errmsg.h>

#include "config.h"
#include "store/db.h"

static int
setup(void **state)
{
	(void)state;
	memset(&cfg, 0, sizeof(cfg));
	/* A socket no server listens on: every connect fails at once. */
	snprintf(cfg.db_socket, sizeof(cfg.db_socket),
	    "/nonexistent-tenantry-test/mariadb.sock");
	snprintf(cfg.db_user, sizeof(cfg.db_user), "root");
	snprintf(cfg.db_name, sizeof(cfg.db_name), "tenantry");
	return db_library_init() < 0 ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	db_close();
	db_library_end();
	return 0;
}

static void
test_next_without_open(void **state)
{
	const struct dbrow	*row = (const struct dbrow *)state;

	(void)state;
	assert_int_equal(db_stream_next(&row), -1);
	assert_null(row);
	db_stream_close();	/* nothing open: nothing happens */
	assert_int_equal(db_stream_next(&row), -1);
}

static void
test_open_fails_without_server(void **state)
{
	const struct dbrow	*row = NULL;
	struct dbp		 p[] = { DBP_I(1), DBP_S("2026-01-31"),
				    DBP_S("2026-01-01"), DBP_S("2026-01-31"),
				    DBP_S("2026-01-01") };
	int			 k;

	(void)state;
	for (k = 0; k < 2; k++) {
		assert_int_equal(db_stream_open(STMT_LEDGER_MONTH_STREAM, p,
		    NPARAMS(p)), -1);
		/* Refused for the connection, never as "a stream is open". */
		assert_int_equal(db_unavailable(), 1);
		assert_int_not_equal(db_errno(), CR_COMMANDS_OUT_OF_SYNC);
		assert_int_equal(db_stream_next(&row), -1);
		assert_null(row);
		db_stream_close();
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_without_open),
		cmocka_unit_test(test_open_fails_without_server),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
