/*
 * Unit tests for app/domain/phone.c: the phone number state
 * machine (keys, labels, parsing, the effective state with cooling-off
 * ending by itself, every op from every state and holder, the target
 * states) and the Telephony extensions arithmetic with its refusal
 * message, including the fraction and the edges of int64.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/date.h"
#include "domain/phone.h"

static int32_t	 TODAY;	/* 2026-02-16, the day tests/run.sh pins */

static int
setup(void **state)
{
	(void)state;
	TODAY = date_from_ymd(2026, 2, 16);
	return 0;
}

/* ---- keys, labels, parsing ----------------------------------------------- */

static void
test_state_keys_and_labels(void **state)
{
	(void)state;
	assert_string_equal(phone_state_keys[PHONE_AVAILABLE], "available");
	assert_string_equal(phone_state_keys[PHONE_RESERVED], "reserved");
	assert_string_equal(phone_state_keys[PHONE_ACTIVE], "active");
	assert_string_equal(phone_state_keys[PHONE_COOLING_OFF], "cooling_off");
	assert_string_equal(phone_state_labels[PHONE_AVAILABLE], "Available");
	assert_string_equal(phone_state_labels[PHONE_RESERVED], "Reserved");
	assert_string_equal(phone_state_labels[PHONE_ACTIVE], "Active");
	assert_string_equal(phone_state_labels[PHONE_COOLING_OFF], "Cooling off");
	assert_string_equal(phone_state_keys[PHONE_RETIRED], "retired");
	assert_string_equal(phone_state_labels[PHONE_RETIRED], "Retired");
}

static void
test_state_parse(void **state)
{
	int	 i;

	(void)state;
	for (i = 0; i < PHONE__MAX; i++)
		assert_int_equal(phone_state_parse(phone_state_keys[i]), i);
	assert_int_equal(phone_state_parse(NULL), PHONE__MAX);
	assert_int_equal(phone_state_parse(""), PHONE__MAX);
	assert_int_equal(phone_state_parse("Active"), PHONE__MAX);
	assert_int_equal(phone_state_parse("active "), PHONE__MAX);
	assert_int_equal(phone_state_parse("cooling off"), PHONE__MAX);
	assert_int_equal(phone_state_parse("all"), PHONE__MAX);
}

static void
test_op_parse(void **state)
{
	int	 i;

	(void)state;
	assert_string_equal(phone_op_keys[PHONE_OP_ALLOCATE], "allocate");
	assert_string_equal(phone_op_keys[PHONE_OP_DEALLOCATE], "deallocate");
	assert_string_equal(phone_op_keys[PHONE_OP_ACTIVATE], "activate");
	assert_string_equal(phone_op_keys[PHONE_OP_DEACTIVATE], "deactivate");
	assert_string_equal(phone_op_keys[PHONE_OP_SET_MAIN], "set_main");
	for (i = 0; i < PHONE_OP__MAX; i++)
		assert_int_equal(phone_op_parse(phone_op_keys[i]), i);
	assert_int_equal(phone_op_parse(NULL), PHONE_OP__MAX);
	assert_int_equal(phone_op_parse("delete"), PHONE_OP__MAX);
	assert_int_equal(phone_op_parse("ACTIVATE"), PHONE_OP__MAX);
}

/* ---- effective state ------------------------------------------------------ */

static void
test_effective_state(void **state)
{
	const int32_t	 d = TODAY;

	(void)state;
	/* Cooling off until a later day: still cooling off. */
	assert_int_equal(phone_effective_state(PHONE_COOLING_OFF, d + 1, d),
	    PHONE_COOLING_OFF);
	assert_int_equal(phone_effective_state(PHONE_COOLING_OFF, d + 90, d),
	    PHONE_COOLING_OFF);
	/* From cooloff_until on, available again. */
	assert_int_equal(phone_effective_state(PHONE_COOLING_OFF, d, d),
	    PHONE_AVAILABLE);
	assert_int_equal(phone_effective_state(PHONE_COOLING_OFF, d - 1, d),
	    PHONE_AVAILABLE);
	/* A cooling-off row without an end date is over. */
	assert_int_equal(phone_effective_state(PHONE_COOLING_OFF, DATE_NONE, d),
	    PHONE_AVAILABLE);
	/* Other states are as stored, whatever cooloff_until says. */
	assert_int_equal(phone_effective_state(PHONE_AVAILABLE, DATE_NONE, d),
	    PHONE_AVAILABLE);
	assert_int_equal(phone_effective_state(PHONE_RESERVED, d - 5, d),
	    PHONE_RESERVED);
	assert_int_equal(phone_effective_state(PHONE_ACTIVE, d - 5, d),
	    PHONE_ACTIVE);
	assert_int_equal(phone_effective_state(PHONE_ACTIVE, d + 5, d),
	    PHONE_ACTIVE);
	assert_int_equal(phone_effective_state(PHONE_RETIRED, d - 5, d),
	    PHONE_RETIRED);
	assert_int_equal(phone_effective_state(PHONE__MAX, d, d), PHONE__MAX);
	assert_int_equal(phone_effective_state((enum phone_state)-1, d, d),
	    PHONE__MAX);
}

static void
test_cooloff_period(void **state)
{
	const int32_t	 d = TODAY;
	int32_t		 until;
	int		 day;

	(void)state;
	until = phone_cooloff_until(d, 90);
	assert_int_equal(until, date_from_ymd(2026, 5, 17));
	/* Deactivated today: cooling off every day before until, available
	 * from until on. */
	for (day = 0; day < 90; day++)
		assert_int_equal(phone_effective_state(PHONE_COOLING_OFF, until,
		    d + day), PHONE_COOLING_OFF);
	assert_int_equal(phone_effective_state(PHONE_COOLING_OFF, until,
	    d + 90), PHONE_AVAILABLE);
	assert_int_equal(phone_cooloff_until(d, 0), d);
	assert_int_equal(phone_cooloff_until(d, -5), d);
	assert_int_equal(phone_cooloff_until(d, 1), d + 1);
	assert_int_equal(phone_cooloff_until(INT32_MAX - 3, 90), INT32_MAX);
	/* A zero-day period: available again the same day. */
	assert_int_equal(phone_effective_state(PHONE_COOLING_OFF,
	    phone_cooloff_until(d, 0), d), PHONE_AVAILABLE);
}

/* ---- transitions ---------------------------------------------------------- */

static void
test_transitions_allowed(void **state)
{
	const struct {
		enum phone_op		 op;
		enum phone_state	 st;
		enum phone_holder	 h;
		enum phone_state	 to;
	} ok[] = {
		{ PHONE_OP_ALLOCATE, PHONE_AVAILABLE, PHONE_HOLDER_NONE,
		    PHONE_RESERVED },
		{ PHONE_OP_DEALLOCATE, PHONE_RESERVED, PHONE_HOLDER_OCCUPIER,
		    PHONE_AVAILABLE },
		{ PHONE_OP_DEALLOCATE, PHONE_RESERVED, PHONE_HOLDER_OPERATOR,
		    PHONE_AVAILABLE },
		{ PHONE_OP_ACTIVATE, PHONE_RESERVED, PHONE_HOLDER_OCCUPIER,
		    PHONE_ACTIVE },
		{ PHONE_OP_DEACTIVATE, PHONE_ACTIVE, PHONE_HOLDER_OCCUPIER,
		    PHONE_COOLING_OFF },
		{ PHONE_OP_SET_MAIN, PHONE_ACTIVE, PHONE_HOLDER_OCCUPIER,
		    PHONE_ACTIVE },
		{ PHONE_OP_RETIRE, PHONE_AVAILABLE, PHONE_HOLDER_NONE,
		    PHONE_RETIRED },
		{ PHONE_OP_RESTORE, PHONE_RETIRED, PHONE_HOLDER_NONE,
		    PHONE_AVAILABLE },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_null(phone_transition_refusal(ok[i].op, ok[i].st,
		    ok[i].h));
		assert_int_equal(phone_transition_target(ok[i].op, ok[i].st),
		    ok[i].to);
	}
}

/* Every (op, state, holder) not listed as allowed is refused with a
 * sentence; the allowed set is exactly the one of phone.h. */
static void
test_transitions_exhaustive(void **state)
{
	int	 op, st, h, allowed, n_allowed = 0;

	(void)state;
	for (op = 0; op < PHONE_OP__MAX; op++)
		for (st = 0; st < PHONE__MAX; st++)
			for (h = 0; h < PHONE_HOLDER__MAX; h++) {
				const char *why = phone_transition_refusal(
				    (enum phone_op)op, (enum phone_state)st,
				    (enum phone_holder)h);

				switch (op) {
				case PHONE_OP_ALLOCATE:
					allowed = st == PHONE_AVAILABLE;
					break;
				case PHONE_OP_DEALLOCATE:
					allowed = st == PHONE_RESERVED;
					break;
				case PHONE_OP_ACTIVATE:
					allowed = st == PHONE_RESERVED &&
					    h == PHONE_HOLDER_OCCUPIER;
					break;
				case PHONE_OP_DEACTIVATE:
					allowed = st == PHONE_ACTIVE;
					break;
				case PHONE_OP_REINSTATE:
					allowed = st == PHONE_COOLING_OFF;
					break;
				case PHONE_OP_RETIRE:
					allowed = st == PHONE_AVAILABLE;
					break;
				case PHONE_OP_RESTORE:
					allowed = st == PHONE_RETIRED;
					break;
				default:
					allowed = st == PHONE_ACTIVE &&
					    h == PHONE_HOLDER_OCCUPIER;
					break;
				}
				if (allowed) {
					assert_null(why);
					n_allowed++;
					continue;
				}
				assert_non_null(why);
				assert_true(strlen(why) > 10);
				/* A sentence: capital first, full stop last. */
				assert_true(why[0] >= 'A' && why[0] <= 'Z');
				assert_int_equal(why[strlen(why) - 1], '.');
			}
	/* allocate 3 holders, deallocate 3, activate 1, deactivate 3,
	 * set_main 1, reinstate 3, retire 3, restore 3. */
	assert_int_equal(n_allowed, 20);
}

/* A number deactivated by mistake: back within 24 hours of the moment its
 * holding ended, not after, and never without one. */
static void
test_reinstate_window(void **state)
{
	const int64_t	 t = 1771200000;

	(void)state;
	assert_string_equal(phone_op_keys[PHONE_OP_REINSTATE], "reinstate");
	assert_int_equal(phone_transition_target(PHONE_OP_REINSTATE,
	    PHONE_COOLING_OFF), PHONE_ACTIVE);
	assert_null(phone_reinstate_refusal(t, t));
	assert_null(phone_reinstate_refusal(t, t + 3600));
	assert_null(phone_reinstate_refusal(t, t + PHONE_REINSTATE_SECONDS));
	assert_string_equal(phone_reinstate_refusal(t,
	    t + PHONE_REINSTATE_SECONDS + 1), "It was deactivated more than "
	    "24 hours ago: allocate it again once it is available.");
	assert_non_null(phone_reinstate_refusal(0, t));
	assert_non_null(phone_reinstate_refusal(t, t - 1));
}

static void
test_refusal_messages(void **state)
{
	(void)state;
	/* The rule: deallocate only if not active. */
	assert_string_equal(phone_transition_refusal(PHONE_OP_DEALLOCATE,
	    PHONE_ACTIVE, PHONE_HOLDER_OCCUPIER),
	    "An active number cannot be deallocated; deactivate it first.");
	assert_string_equal(phone_transition_refusal(PHONE_OP_DEALLOCATE,
	    PHONE_AVAILABLE, PHONE_HOLDER_NONE), "It is not allocated.");
	assert_non_null(strstr(phone_transition_refusal(PHONE_OP_DEALLOCATE,
	    PHONE_COOLING_OFF, PHONE_HOLDER_NONE), "cooling off"));
	/* Activate only a reserved number held by an occupier. */
	assert_string_equal(phone_transition_refusal(PHONE_OP_ACTIVATE,
	    PHONE_RESERVED, PHONE_HOLDER_OPERATOR),
	    "It is reserved for the operator; only a number allocated to an "
	    "occupier can be activated.");
	assert_string_equal(phone_transition_refusal(PHONE_OP_ACTIVATE,
	    PHONE_AVAILABLE, PHONE_HOLDER_NONE),
	    "It is not allocated; allocate it to an occupier first.");
	assert_string_equal(phone_transition_refusal(PHONE_OP_ACTIVATE,
	    PHONE_ACTIVE, PHONE_HOLDER_OCCUPIER), "It is already active.");
	assert_non_null(strstr(phone_transition_refusal(PHONE_OP_ACTIVATE,
	    PHONE_COOLING_OFF, PHONE_HOLDER_NONE), "cooling off"));
	/* Deactivate only active. */
	assert_string_equal(phone_transition_refusal(PHONE_OP_DEACTIVATE,
	    PHONE_RESERVED, PHONE_HOLDER_OCCUPIER),
	    "It is reserved, not active; only an active number can be "
	    "deactivated.");
	assert_string_equal(phone_transition_refusal(PHONE_OP_DEACTIVATE,
	    PHONE_COOLING_OFF, PHONE_HOLDER_NONE),
	    "It is already deactivated and cooling off.");
	/* Allocate only available. */
	assert_string_equal(phone_transition_refusal(PHONE_OP_ALLOCATE,
	    PHONE_RESERVED, PHONE_HOLDER_OPERATOR),
	    "It is already allocated; deallocate it first.");
	assert_non_null(strstr(phone_transition_refusal(PHONE_OP_ALLOCATE,
	    PHONE_COOLING_OFF, PHONE_HOLDER_NONE), "cooling-off period"));
	assert_string_equal(phone_transition_refusal(PHONE_OP_SET_MAIN,
	    PHONE_RESERVED, PHONE_HOLDER_OCCUPIER),
	    "Only an active number can be the main number.");
	/* Out of range. */
	assert_non_null(phone_transition_refusal(PHONE_OP__MAX, PHONE_ACTIVE,
	    PHONE_HOLDER_OCCUPIER));
	assert_non_null(phone_transition_refusal(PHONE_OP_ACTIVATE, PHONE__MAX,
	    PHONE_HOLDER_OCCUPIER));
	assert_int_equal(phone_transition_target(PHONE_OP__MAX, PHONE_ACTIVE),
	    PHONE__MAX);
	assert_int_equal(phone_transition_target(PHONE_OP_ACTIVATE, PHONE__MAX),
	    PHONE__MAX);
}

/* A whole life: available -> reserved -> active -> cooling off ->
 * available (by date) -> reserved again, each step checked against the
 * effective state, as the store does. */
static void
test_life_cycle(void **state)
{
	enum phone_state	 st = PHONE_AVAILABLE;
	int32_t			 until = DATE_NONE, d = TODAY;

	(void)state;
	assert_null(phone_transition_refusal(PHONE_OP_ALLOCATE, st,
	    PHONE_HOLDER_NONE));
	st = phone_transition_target(PHONE_OP_ALLOCATE, st);
	assert_int_equal(st, PHONE_RESERVED);
	assert_non_null(phone_transition_refusal(PHONE_OP_DEACTIVATE, st,
	    PHONE_HOLDER_OCCUPIER));
	assert_null(phone_transition_refusal(PHONE_OP_ACTIVATE, st,
	    PHONE_HOLDER_OCCUPIER));
	st = phone_transition_target(PHONE_OP_ACTIVATE, st);
	assert_int_equal(st, PHONE_ACTIVE);
	assert_non_null(phone_transition_refusal(PHONE_OP_DEALLOCATE, st,
	    PHONE_HOLDER_OCCUPIER));
	assert_null(phone_transition_refusal(PHONE_OP_SET_MAIN, st,
	    PHONE_HOLDER_OCCUPIER));
	assert_null(phone_transition_refusal(PHONE_OP_DEACTIVATE, st,
	    PHONE_HOLDER_OCCUPIER));
	st = phone_transition_target(PHONE_OP_DEACTIVATE, st);
	until = phone_cooloff_until(d, 90);
	assert_int_equal(st, PHONE_COOLING_OFF);
	/* While cooling off: nothing can be done with it but reinstate it
	 * (whose 24 hours phone_reinstate_refusal keeps). */
	for (int op = 0; op < PHONE_OP__MAX; op++)
		if (op != PHONE_OP_REINSTATE)
			assert_non_null(phone_transition_refusal(
			    (enum phone_op)op, phone_effective_state(st, until,
			    d + 89), PHONE_HOLDER_NONE));
	assert_null(phone_transition_refusal(PHONE_OP_REINSTATE,
	    phone_effective_state(st, until, d + 89), PHONE_HOLDER_NONE));
	/* From the day the period ends: allocatable again. */
	assert_null(phone_transition_refusal(PHONE_OP_ALLOCATE,
	    phone_effective_state(st, until, d + 90), PHONE_HOLDER_NONE));
}

/* ---- Telephony extensions arithmetic -------------------------------------- */

static void
test_activation_fits(void **state)
{
	(void)state;
	/* active + k <= allocated */
	assert_true(phone_activation_fits(0, 1, 1));
	assert_true(phone_activation_fits(2, 1, 3));
	assert_false(phone_activation_fits(3, 1, 3));
	assert_true(phone_activation_fits(0, 3, 3));
	assert_false(phone_activation_fits(0, 4, 3));
	assert_true(phone_activation_fits(1, 2, 3));
	assert_false(phone_activation_fits(2, 2, 3));
	/* No voice service at all. */
	assert_false(phone_activation_fits(0, 1, 0));
	/* The seed's 1/0 case: already over. */
	assert_false(phone_activation_fits(1, 1, 0));
	assert_false(phone_activation_fits(5, 1, 3));
	/* Nothing to add always fits, even when over. */
	assert_true(phone_activation_fits(5, 0, 3));
	assert_true(phone_activation_fits(5, -1, 3));
	assert_true(phone_activation_fits(0, 0, 0));
	/* Edges: no overflow. */
	assert_true(phone_activation_fits(0, INT64_MAX, INT64_MAX));
	assert_false(phone_activation_fits(1, INT64_MAX, INT64_MAX));
	assert_false(phone_activation_fits(INT64_MAX, INT64_MAX, INT64_MAX));
	assert_true(phone_activation_fits(INT64_MAX - 1, 1, INT64_MAX));
	assert_false(phone_activation_fits(INT64_MAX, 1, INT64_MAX));
	assert_false(phone_activation_fits(0, 1, INT64_MIN));
	assert_true(phone_activation_fits(INT64_MIN, 1, 1));
}

static void
test_activation_refusal_message(void **state)
{
	char	 b[128];

	(void)state;
	phone_activation_refusal(3, 1, 3, b, sizeof(b));
	assert_string_equal(b, "Telephony extensions 3/3: add a Voice line "
	    "before activating another number");
	phone_activation_refusal(2, 1, 2, b, sizeof(b));
	assert_string_equal(b, "Telephony extensions 2/2: add a Voice line "
	    "before activating another number");
	phone_activation_refusal(1, 1, 0, b, sizeof(b));
	assert_string_equal(b, "Telephony extensions 1/0: add a Voice line "
	    "before activating another number");
	phone_activation_refusal(1, 3, 2, b, sizeof(b));
	assert_string_equal(b, "Telephony extensions 1/2: add Voice lines "
	    "before activating 3 more numbers");
	/* Truncated, still a string; cap 0 and NULL are no-ops. */
	memset(b, 'x', sizeof(b));
	phone_activation_refusal(3, 1, 3, b, 10);
	assert_string_equal(b, "Telephony");
	phone_activation_refusal(3, 1, 3, b, 0);
	assert_string_equal(b, "Telephony");
	phone_activation_refusal(3, 1, 3, NULL, 10);
}

/* The demo occupiers of the seed: Acme 3 voice lines with 3 active
 * numbers, Fjord Media 2 with 2. Neither can activate one more; after a
 * deactivation each can again. */
static void
test_demo_known_answers(void **state)
{
	char	 b[128];

	(void)state;
	assert_false(phone_activation_fits(3, 1, 3));
	phone_activation_refusal(3, 1, 3, b, sizeof(b));
	assert_non_null(strstr(b, "Telephony extensions 3/3"));
	assert_true(phone_activation_fits(3 - 1, 1, 3));
	assert_false(phone_activation_fits(2, 1, 2));
	assert_true(phone_activation_fits(1, 1, 2));
}

static void
test_holder_labels(void **state)
{
	(void)state;
	assert_string_equal(phone_holder_label(PHONE_HOLDER_OCCUPIER,
	    "Acme Analytics Ltd", "none"), "Acme Analytics Ltd");
	assert_string_equal(phone_holder_label(PHONE_HOLDER_OPERATOR,
	    "Acme Analytics Ltd", "none"), "Operator");
	assert_string_equal(phone_holder_label(PHONE_HOLDER_NONE, "", "none"),
	    "none");
	assert_string_equal(phone_holder_label(PHONE_HOLDER_NONE, "", ""), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_keys_and_labels),
		cmocka_unit_test(test_state_parse),
		cmocka_unit_test(test_op_parse),
		cmocka_unit_test(test_effective_state),
		cmocka_unit_test(test_cooloff_period),
		cmocka_unit_test(test_transitions_allowed),
		cmocka_unit_test(test_transitions_exhaustive),
		cmocka_unit_test(test_refusal_messages),
		cmocka_unit_test(test_life_cycle),
		cmocka_unit_test(test_activation_fits),
		cmocka_unit_test(test_activation_refusal_message),
		cmocka_unit_test(test_demo_known_answers),
		cmocka_unit_test(test_holder_labels),
		cmocka_unit_test(test_reinstate_window),
	};

	return cmocka_run_group_tests_name("phone", tests, setup, NULL);
}
