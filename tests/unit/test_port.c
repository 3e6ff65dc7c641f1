/*
 * Unit tests for app/domain/port.c: what each change of the floor ports
 * screen does to a port, the rules a port change must keep (with the
 * screen's messages), what the screen offers, the audit actions, the
 * per-holder counts and their Switch ports allocation check, and the
 * services that active ports start.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/date.h"
#include "domain/port.h"
#include "domain/validate.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static struct port_pos
pos(int64_t holder, enum port_role role, int active)
{
	struct port_pos	 p;

	p.holder = holder;
	p.role = role;
	p.active = active;
	return p;
}

static void
assert_pos(struct port_pos p, int64_t holder, enum port_role role, int active)
{
	assert_int_equal(p.holder, holder);
	assert_int_equal(p.role, role);
	assert_int_equal(p.active, active);
}

/* ---- the ops --------------------------------------------------------- */

static void
test_op_keys(void **state)
{
	int	 k;

	(void)state;
	for (k = 0; k < PORT_OP__MAX; k++)
		assert_int_equal(validate_enum(port_op_keys[k], port_op_keys), k);
	assert_null(port_op_keys[PORT_OP__MAX]);
	assert_int_equal(validate_enum("Assign", port_op_keys), -1);
	assert_int_equal(validate_enum("", port_op_keys), -1);
	assert_int_equal(port_role_parse("wifi_ap"), PORT_ROLE_WIFI_AP);
	assert_string_equal(port_role_label("operator"), "Operator");
}

static void
test_after(void **state)
{
	struct port_pos	 lan = pos(7, PORT_ROLE_OCCUPIER_LAN, 0);
	struct port_pos	 free_ = pos(0, PORT_ROLE_PUBLIC_IP, 1);

	(void)state;
	/* Assign: the holder, and the role when one is chosen. */
	assert_pos(port_after(PORT_OP_ASSIGN, &free_, 9, PORT_ROLE__MAX), 9,
	    PORT_ROLE_PUBLIC_IP, 1);
	assert_pos(port_after(PORT_OP_ASSIGN, &free_, 9, PORT_ROLE_VOICE), 9,
	    PORT_ROLE_VOICE, 1);
	/* Role: only the role. */
	assert_pos(port_after(PORT_OP_ROLE, &lan, 9, PORT_ROLE_WIFI_AP), 7,
	    PORT_ROLE_WIFI_AP, 0);
	/* Edit: holder (0 none) and role. */
	assert_pos(port_after(PORT_OP_EDIT, &lan, 0, PORT_ROLE_VOICE), 0,
	    PORT_ROLE_VOICE, 0);
	/* Unassign, activate, deactivate keep the role even when one is
	 * sent. */
	assert_pos(port_after(PORT_OP_UNASSIGN, &lan, 9, PORT_ROLE_VOICE), 0,
	    PORT_ROLE_OCCUPIER_LAN, 0);
	assert_pos(port_after(PORT_OP_ACTIVATE, &lan, 9, PORT_ROLE_VOICE), 7,
	    PORT_ROLE_OCCUPIER_LAN, 1);
	assert_pos(port_after(PORT_OP_DEACTIVATE, &free_, 9,
	    PORT_ROLE_DISABLED), 0, PORT_ROLE_PUBLIC_IP, 0);
	/* A role this module does not know is kept as it is. */
	lan.role = PORT_ROLE__MAX;
	assert_pos(port_after(PORT_OP_ROLE, &lan, 0, PORT_ROLE__MAX), 7,
	    PORT_ROLE__MAX, 0);
}

/* ---- the rules and their messages ------------------------------------ */

static void
test_check(void **state)
{
	const struct {
		struct port_pos		 cur, nxt;
		enum port_refusal	 want;
	} c[] = {
		/* Fine: assign a free port, unassign, switch roles. */
		{ pos(0, PORT_ROLE_VOICE, 0), pos(3, PORT_ROLE_VOICE, 0), PORT_OK },
		{ pos(3, PORT_ROLE_VOICE, 0), pos(0, PORT_ROLE_VOICE, 0), PORT_OK },
		{ pos(3, PORT_ROLE_VOICE, 1), pos(3, PORT_ROLE_WIFI_AP, 1), PORT_OK },
		/* Assigning again to its own holder is no move. */
		{ pos(3, PORT_ROLE_VOICE, 1), pos(3, PORT_ROLE_VOICE, 1), PORT_OK },
		/* An Operator port without a holder may be active. */
		{ pos(0, PORT_ROLE_OPERATOR, 0), pos(0, PORT_ROLE_OPERATOR, 1), PORT_OK },
		{ pos(0, PORT_ROLE_DISABLED, 0), pos(0, PORT_ROLE_DISABLED, 0), PORT_OK },
		/* Held by another. */
		{ pos(3, PORT_ROLE_VOICE, 0), pos(4, PORT_ROLE_VOICE, 0), PORT_HELD },
		{ pos(3, PORT_ROLE_VOICE, 1), pos(4, PORT_ROLE_VOICE, 1), PORT_HELD },
		/* Moving an active port. */
		{ pos(3, PORT_ROLE_VOICE, 1), pos(0, PORT_ROLE_VOICE, 1), PORT_MOVE_ACTIVE },
		{ pos(0, PORT_ROLE_OPERATOR, 1), pos(3, PORT_ROLE_VOICE, 1), PORT_MOVE_ACTIVE },
		/* Operator ports have no holder. */
		{ pos(0, PORT_ROLE_OPERATOR, 0), pos(3, PORT_ROLE_OPERATOR, 0), PORT_OPERATOR_HELD },
		{ pos(3, PORT_ROLE_VOICE, 0), pos(3, PORT_ROLE_OPERATOR, 0), PORT_OPERATOR_HELD },
		/* Disabled ports are not active. */
		{ pos(3, PORT_ROLE_VOICE, 1), pos(3, PORT_ROLE_DISABLED, 1), PORT_DISABLE_ACTIVE },
		{ pos(3, PORT_ROLE_DISABLED, 0), pos(3, PORT_ROLE_DISABLED, 1), PORT_ACTIVATE_DISABLED },
		/* Activation needs a holder (but for Operator ports). */
		{ pos(0, PORT_ROLE_VOICE, 0), pos(0, PORT_ROLE_VOICE, 1), PORT_ACTIVATE_UNASSIGNED },
		{ pos(0, PORT_ROLE__MAX, 0), pos(0, PORT_ROLE__MAX, 1), PORT_ACTIVATE_UNASSIGNED },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(c); i++)
		assert_int_equal(port_check(&c[i].cur, &c[i].nxt), c[i].want);
}

static void
test_refusal_texts(void **state)
{
	struct port_pos	 held = pos(3, PORT_ROLE_VOICE, 0);
	struct port_pos	 none = pos(0, PORT_ROLE_VOICE, 0);
	const struct {
		enum port_refusal	 why;
		const struct port_pos	*nxt;
		const char		*want;
	} c[] = {
		{ PORT_HELD, &held, "SD-G-05 is held by Acme Ltd: unassign it "
		    "first." },
		{ PORT_MOVE_ACTIVE, &held, "SD-G-05 is active: deactivate it "
		    "before assigning it." },
		{ PORT_MOVE_ACTIVE, &none, "SD-G-05 is active: deactivate it "
		    "before unassigning it." },
		{ PORT_OPERATOR_HELD, &held, "SD-G-05: an Operator port cannot "
		    "be held by an occupier; choose another switch port role." },
		{ PORT_DISABLE_ACTIVE, &held, "SD-G-05 is active: deactivate it "
		    "before disabling it." },
		{ PORT_ACTIVATE_DISABLED, &held, "SD-G-05 is Disabled: choose "
		    "another switch port role before activating it." },
		{ PORT_ACTIVATE_UNASSIGNED, &none, "SD-G-05 is unassigned: "
		    "assign it to an occupier before activating it." },
		{ PORT_OK, &none, "" },
	};
	char	 m[256];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		port_refusal_text(c[i].why, "SD-G-05", "Acme Ltd", c[i].nxt, m,
		    sizeof(m));
		assert_string_equal(m, c[i].want);
	}
	/* Truncated, never overrun. */
	port_refusal_text(PORT_HELD, "SD-G-05", "Acme Ltd", &held, m, 8);
	assert_string_equal(m, "SD-G-05");
}

/* What the screen offers agrees with what port_check allows. */
static void
test_offers_agree_with_check(void **state)
{
	int64_t		 holders[] = { 0, 5 };
	struct port_pos	 p, n;
	size_t		 h;
	int		 r, on;

	(void)state;
	for (h = 0; h < NELEM(holders); h++)
		for (r = 0; r <= PORT_ROLE__MAX; r++)
			for (on = 0; on <= 1; on++) {
				p = pos(holders[h], (enum port_role)r, on);
				n = port_after(PORT_OP_ACTIVATE, &p, 0,
				    PORT_ROLE__MAX);
				if (!on && port_check(&p, &p) == PORT_OK)
					assert_int_equal(port_can_activate(&p),
					    port_check(&p, &n) == PORT_OK);
				assert_int_equal(port_can_unassign(&p),
				    !on && holders[h] > 0);
			}
	p = pos(0, PORT_ROLE_OPERATOR, 0);
	assert_true(port_can_activate(&p));
	p = pos(5, PORT_ROLE_DISABLED, 0);
	assert_false(port_can_activate(&p));
	p = pos(5, PORT_ROLE_VOICE, 1);
	assert_false(port_can_activate(&p));
	assert_false(port_can_unassign(&p));
}

static void
test_actions(void **state)
{
	struct port_pos	 a = pos(0, PORT_ROLE_VOICE, 0);
	struct port_pos	 b;

	(void)state;
	assert_null(port_action(&a, &a));
	b = pos(4, PORT_ROLE_WIFI_AP, 0);	/* holder and role: assign */
	assert_string_equal(port_action(&a, &b), "assign");
	assert_string_equal(port_action(&b, &a), "unassign");
	b = pos(0, PORT_ROLE_VOICE, 1);
	assert_string_equal(port_action(&a, &b), "activate");
	assert_string_equal(port_action(&b, &a), "deactivate");
	b = pos(0, PORT_ROLE_DISABLED, 0);
	assert_string_equal(port_action(&a, &b), "role");
}

/* ---- holders' counts and the allocation ------------------------------ */

static void
test_deltas(void **state)
{
	struct port_delta	 d[4];
	struct port_pos		 c, x;
	size_t			 n = 0;

	(void)state;
	/* Port moves 8 -> nobody, another 0 -> 3 and is activated, a third
	 * of 8 is deactivated. */
	c = pos(8, PORT_ROLE_VOICE, 0);
	x = pos(0, PORT_ROLE_VOICE, 0);
	port_delta_add(d, &n, &c, &x);
	c = pos(0, PORT_ROLE_VOICE, 0);
	x = pos(3, PORT_ROLE_VOICE, 1);
	port_delta_add(d, &n, &c, &x);
	c = pos(8, PORT_ROLE_VOICE, 1);
	x = pos(8, PORT_ROLE_VOICE, 0);
	port_delta_add(d, &n, &c, &x);
	assert_int_equal(n, 2);
	port_delta_sort(d, n);
	assert_int_equal(d[0].occ, 3);
	assert_int_equal(d[0].gained, 1);
	assert_int_equal(d[0].activated, 1);
	assert_int_equal(d[0].lost + d[0].deactivated, 0);
	assert_true(port_delta_grows(&d[0]));
	assert_int_equal(d[1].occ, 8);
	assert_int_equal(d[1].lost, 1);
	assert_int_equal(d[1].deactivated, 1);
	assert_int_equal(d[1].gained + d[1].activated, 0);
	assert_false(port_delta_grows(&d[1]));
	/* port_delta_of finds, or appends a zeroed entry. */
	assert_ptr_equal(port_delta_of(d, &n, 8), &d[1]);
	d[2].gained = 99;
	assert_ptr_equal(port_delta_of(d, &n, 5), &d[2]);
	assert_int_equal(n, 3);
	assert_int_equal(d[2].gained, 0);
}

static void
test_alloc(void **state)
{
	struct port_delta	 d;
	char			 m[256];

	(void)state;
	memset(&d, 0, sizeof(d));
	/* Two more held of 3 with 2 held: one too many. */
	d.gained = 2;
	assert_int_equal(port_alloc_check(&d, 2, 0, 3, m, sizeof(m)), 0);
	assert_string_equal(m, "Switch ports 2/3: add a service with switch "
	    "ports before assigning 2 more ports (1 more fits)");
	/* Held within, but activation beyond. */
	d.gained = 1;
	d.activated = 1;
	assert_int_equal(port_alloc_check(&d, 0, 1, 1, m, sizeof(m)), 0);
	assert_string_equal(m, "Switch ports 1/1: add a service with switch "
	    "ports before activating another port");
	/* Swapping within the allocation: one lost, one gained, at 3/3. */
	d.gained = 1;
	d.lost = 1;
	d.activated = 1;
	d.deactivated = 1;
	assert_int_equal(port_alloc_check(&d, 3, 3, 3, m, sizeof(m)), 1);
	/* Nothing more asked: fine even when already over. */
	memset(&d, 0, sizeof(d));
	assert_int_equal(port_alloc_check(&d, 5, 5, 1, m, sizeof(m)), 1);
}

/* ---- services started by active ports -------------------------------- */

static void
test_services_start(void **state)
{
	int32_t			 today = 20500;
	struct port_service	 s[4];

	(void)state;
	memset(s, 0, sizeof(s));
	/* Started Internet holds 1 port; Public IP (2) and a second
	 * Internet (1) wait, the latter on a contract starting later. */
	s[0].ports = 1;
	s[0].started = 1;
	s[1].ports = 2;
	s[1].start = today - 10;
	s[2].ports = 1;
	s[2].start = today + 5;
	/* 2 active ports: 1 free, Public IP needs 2, Internet takes it. */
	assert_int_equal(port_services_start(2, s, 3, today), 1);
	assert_int_equal(s[0].on, DATE_NONE);
	assert_int_equal(s[1].on, DATE_NONE);
	assert_int_equal(s[2].on, today + 5);
	/* 4 active ports: 3 free, both start, in order. */
	assert_int_equal(port_services_start(4, s, 3, today), 2);
	assert_int_equal(s[1].on, today);
	assert_int_equal(s[2].on, today + 5);
	/* A service that needs no port is not started here. */
	s[3].ports = 0;
	assert_int_equal(port_services_start(10, &s[3], 1, today), 0);
	assert_int_equal(s[3].on, DATE_NONE);
	/* No active port: nothing. */
	assert_int_equal(port_services_start(0, s, 3, today), 0);
	assert_int_equal(port_services_start(5, NULL, 0, today), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_op_keys),
		cmocka_unit_test(test_after),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_refusal_texts),
		cmocka_unit_test(test_offers_agree_with_check),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_deltas),
		cmocka_unit_test(test_alloc),
		cmocka_unit_test(test_services_start),
	};

	return cmocka_run_group_tests_name("port", tests, NULL, NULL);
}
