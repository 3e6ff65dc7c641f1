/*
 * phone: see phone.h.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "phone.h"

const char *const phone_state_keys[PHONE__MAX] = {
	"available",		/* PHONE_AVAILABLE */
	"reserved",		/* PHONE_RESERVED */
	"active",		/* PHONE_ACTIVE */
	"cooling_off",		/* PHONE_COOLING_OFF */
	"retired",		/* PHONE_RETIRED */
};
const char *const phone_state_labels[PHONE__MAX] = {
	"Available",		/* PHONE_AVAILABLE */
	"Reserved",		/* PHONE_RESERVED */
	"Active",		/* PHONE_ACTIVE */
	"Cooling off",		/* PHONE_COOLING_OFF */
	"Retired",		/* PHONE_RETIRED */
};
const char *const phone_op_keys[PHONE_OP__MAX] = {
	"allocate",		/* PHONE_OP_ALLOCATE */
	"deallocate",		/* PHONE_OP_DEALLOCATE */
	"activate",		/* PHONE_OP_ACTIVATE */
	"deactivate",		/* PHONE_OP_DEACTIVATE */
	"set_main",		/* PHONE_OP_SET_MAIN */
	"reinstate",		/* PHONE_OP_REINSTATE */
	"retire",		/* PHONE_OP_RETIRE */
	"restore",		/* PHONE_OP_RESTORE */
};

enum phone_state
phone_state_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < PHONE__MAX; i++)
		if (strcmp(s, phone_state_keys[i]) == 0)
			return (enum phone_state)i;
	return PHONE__MAX;
}

enum phone_op
phone_op_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < PHONE_OP__MAX; i++)
		if (strcmp(s, phone_op_keys[i]) == 0)
			return (enum phone_op)i;
	return PHONE_OP__MAX;
}

enum phone_state
phone_effective_state(enum phone_state stored, int32_t cooloff_until,
    int32_t today)
{
	if ((unsigned)stored >= PHONE__MAX)
		return PHONE__MAX;
	/* DATE_NONE is INT32_MIN: a cooling-off row without an end is over. */
	if (stored == PHONE_COOLING_OFF && cooloff_until <= today)
		return PHONE_AVAILABLE;
	return stored;
}

int32_t
phone_cooloff_until(int32_t day, int days)
{
	if (days < 0)
		days = 0;
	if (day > INT32_MAX - days)
		return INT32_MAX;
	return day + days;
}

const char *
phone_holder_label(enum phone_holder h, const char *occupier_name,
    const char *none)
{
	switch (h) {
	case PHONE_HOLDER_OCCUPIER:
		return occupier_name;
	case PHONE_HOLDER_OPERATOR:
		return "Operator";
	default:
		return none;
	}
}

const char *
phone_transition_refusal(enum phone_op op, enum phone_state st,
    enum phone_holder holder)
{
	if ((unsigned)op >= PHONE_OP__MAX || (unsigned)st >= PHONE__MAX)
		return "It cannot be changed this way.";
	if (st == PHONE_RETIRED && op == PHONE_OP_RETIRE)
		return "It is already retired.";
	if (st == PHONE_RETIRED && op != PHONE_OP_RESTORE)
		return "It is retired: restore it to the pool first.";
	switch (op) {
	case PHONE_OP_ALLOCATE:
		switch (st) {
		case PHONE_AVAILABLE:
			return NULL;
		case PHONE_RESERVED:
			return "It is already allocated; deallocate it first.";
		case PHONE_ACTIVE:
			return "It is active; only an available number can be "
			    "allocated.";
		default:
			return "It is cooling off after deactivation; it can "
			    "be allocated again when the cooling-off period "
			    "ends.";
		}
	case PHONE_OP_DEALLOCATE:
		switch (st) {
		case PHONE_RESERVED:
			return NULL;
		case PHONE_ACTIVE:
			return "An active number cannot be deallocated; "
			    "deactivate it first.";
		case PHONE_AVAILABLE:
			return "It is not allocated.";
		default:
			return "It is cooling off after deactivation and not "
			    "allocated.";
		}
	case PHONE_OP_ACTIVATE:
		switch (st) {
		case PHONE_RESERVED:
			if (holder == PHONE_HOLDER_OCCUPIER)
				return NULL;
			if (holder == PHONE_HOLDER_OPERATOR)
				return "It is reserved for the operator; only a "
				    "number allocated to an occupier can be "
				    "activated.";
			return "It is not allocated to an occupier.";
		case PHONE_ACTIVE:
			return "It is already active.";
		case PHONE_AVAILABLE:
			return "It is not allocated; allocate it to an "
			    "occupier first.";
		default:
			return "It is cooling off after deactivation; it "
			    "cannot be activated.";
		}
	case PHONE_OP_DEACTIVATE:
		switch (st) {
		case PHONE_ACTIVE:
			return NULL;
		case PHONE_RESERVED:
			return "It is reserved, not active; only an active "
			    "number can be deactivated.";
		case PHONE_AVAILABLE:
			return "It is not active; only an active number can "
			    "be deactivated.";
		default:
			return "It is already deactivated and cooling off.";
		}
	case PHONE_OP_SET_MAIN:
		if (st == PHONE_ACTIVE && holder == PHONE_HOLDER_OCCUPIER)
			return NULL;
		return "Only an active number can be the main number.";
	case PHONE_OP_REINSTATE:
		if (st == PHONE_COOLING_OFF)
			return NULL;
		return "Only a number that is cooling off can be reinstated.";
	case PHONE_OP_RETIRE:
		if (st == PHONE_AVAILABLE)
			return NULL;
		return "Only an available number can be retired: it is held "
		    "or cooling off.";
	case PHONE_OP_RESTORE:
		if (st == PHONE_RETIRED)
			return NULL;
		return "It is not retired.";
	default:
		break;
	}
	return "It cannot be changed this way.";
}

const char *
phone_reinstate_refusal(int64_t released, int64_t now)
{
	if (released <= 0 || now < released)
		return "It has no holder to go back to.";
	if (now - released > PHONE_REINSTATE_SECONDS)
		return "It was deactivated more than 24 hours ago: allocate "
		    "it again once it is available.";
	return NULL;
}

enum phone_state
phone_transition_target(enum phone_op op, enum phone_state st)
{
	if ((unsigned)op >= PHONE_OP__MAX || (unsigned)st >= PHONE__MAX)
		return PHONE__MAX;
	switch (op) {
	case PHONE_OP_ALLOCATE:
		return PHONE_RESERVED;
	case PHONE_OP_DEALLOCATE:
		return PHONE_AVAILABLE;
	case PHONE_OP_ACTIVATE:
		return PHONE_ACTIVE;
	case PHONE_OP_DEACTIVATE:
		return PHONE_COOLING_OFF;
	case PHONE_OP_REINSTATE:
		return PHONE_ACTIVE;
	case PHONE_OP_RETIRE:
		return PHONE_RETIRED;
	case PHONE_OP_RESTORE:
		return PHONE_AVAILABLE;
	default:
		return st;
	}
}

int
phone_activation_fits(int64_t active, int64_t k, int64_t allocated)
{
	if (k <= 0)
		return 1;
	if (active < 0)
		active = 0;
	if (allocated < active)
		return 0;
	/* allocated >= active >= 0: the difference cannot overflow. */
	return allocated - active >= k;
}

void
phone_activation_refusal(int64_t active, int64_t k, int64_t allocated,
    char *buf, size_t cap)
{
	if (buf == NULL || cap == 0)
		return;
	if (k <= 1)
		snprintf(buf, cap, "Telephony extensions %" PRId64 "/%" PRId64
		    ": add a Voice line before activating another number",
		    active, allocated);
	else
		snprintf(buf, cap, "Telephony extensions %" PRId64 "/%" PRId64
		    ": add Voice lines before activating %" PRId64 " more "
		    "numbers", active, allocated, k);
}
