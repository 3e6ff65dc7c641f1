/*
 * phone: the phone number state machine of a site pool (domain §2, §3)
 * and the Telephony extensions arithmetic. Pure: no I/O, no
 * allocation, no configuration (the cooling-off length is a parameter).
 *
 *   available --allocate--> reserved --activate--> active
 *       ^                      |                     |
 *       +-----deallocate-------+                deactivate
 *       |                                            v
 *       +------- cooloff_until <= today ------- cooling_off
 *       |
 *       +--retire--> retired --restore--> available
 *
 * An available number the operator no longer offers (returned to the
 * carrier, ported out, kept off the pool) is retired: it stays in the
 * pool's records with its history, is never allocated, and can be
 * restored to the pool.
 * A reserved number is held by an occupier or by the operator itself; only
 * one held by an occupier can be activated. Cooling off ends by itself:
 * the stored state stays "cooling_off" and phone_effective_state derives
 * "available" once the day is reached, so no job has to run.
 */
#ifndef TENANTRY_PHONE_H
#define TENANTRY_PHONE_H

#include <stddef.h>
#include <stdint.h>

enum phone_state {
	PHONE_AVAILABLE,	/* "available" */
	PHONE_RESERVED,		/* "reserved" */
	PHONE_ACTIVE,		/* "active" */
	PHONE_COOLING_OFF,	/* "cooling_off" */
	PHONE_RETIRED,		/* "retired" */
	PHONE__MAX
};
/* Stored values (phone_number.state) and labels ("Cooling off"). */
extern const char *const phone_state_keys[PHONE__MAX];
extern const char *const phone_state_labels[PHONE__MAX];
/* The state whose key equals s, or PHONE__MAX (also for NULL). */
enum phone_state phone_state_parse(const char *s);

/*
 * The state on day today: a cooling_off number whose cooloff_until is
 * today or earlier (or missing: DATE_NONE) is available again; every
 * other state is as stored. Out-of-range input gives PHONE__MAX.
 */
enum phone_state phone_effective_state(enum phone_state stored,
    int32_t cooloff_until, int32_t today);

/* The first day a number deactivated on day is available again:
 * day + days (days < 0 counts as 0). */
int32_t	 phone_cooloff_until(int32_t day, int days);

enum phone_op {
	PHONE_OP_ALLOCATE,	/* "allocate": available -> reserved */
	PHONE_OP_DEALLOCATE,	/* "deallocate": reserved -> available */
	PHONE_OP_ACTIVATE,	/* "activate": reserved (occupier) -> active */
	PHONE_OP_DEACTIVATE,	/* "deactivate": active -> cooling_off */
	PHONE_OP_SET_MAIN,	/* "set_main": active stays active */
	PHONE_OP_REINSTATE,	/* "reinstate": cooling_off -> active, to the
				 * occupier it left, within
				 * PHONE_REINSTATE_SECONDS of deactivation */
	PHONE_OP_RETIRE,	/* "retire": available -> retired */
	PHONE_OP_RESTORE,	/* "restore": retired -> available */
	PHONE_OP__MAX
};
/* Form values and audit actions. */
extern const char *const phone_op_keys[PHONE_OP__MAX];
/* The op whose key equals s, or PHONE_OP__MAX (also for NULL). */
enum phone_op phone_op_parse(const char *s);

enum phone_holder {
	PHONE_HOLDER_NONE,	/* nobody */
	PHONE_HOLDER_OPERATOR,	/* reserved for the operator itself */
	PHONE_HOLDER_OCCUPIER,	/* reserved or active for an occupier */
	PHONE_HOLDER__MAX
};
/* How a holder is called: the occupier's name, "Operator", or none. */
const char	*phone_holder_label(enum phone_holder, const char *occupier_name,
		    const char *none);

/*
 * Whether op may be applied to a number in effective state st held by
 * holder: NULL when allowed, else the reason as a sentence that reads
 * after the number ("+44 20 7946 0100: <reason>"). Allowed:
 *   allocate    from available;
 *   deallocate  from reserved (never from active);
 *   activate    from reserved held by an occupier;
 *   deactivate  from active;
 *   set_main    on active (held by an occupier);
 *   reinstate   from cooling_off;
 *   retire      from available (also a number whose cooling off is over);
 *   restore     from retired.
 * Nothing else applies to a retired number.
 */
const char	*phone_transition_refusal(enum phone_op op, enum phone_state st,
		    enum phone_holder holder);
/* The state an allowed op leads to (set_main: st itself). PHONE__MAX for
 * out-of-range input. */
enum phone_state phone_transition_target(enum phone_op op, enum phone_state st);

/*
 * A number deactivated by mistake goes back to the occupier that held it,
 * as it was, for a short while: 24 hours from the moment its holding
 * ended. phone_reinstate_refusal: NULL when a holding that ended at
 * released (unix seconds, > 0) may be taken up again at now, else why not
 * (a sentence that reads after the number).
 */
#define PHONE_REINSTATE_SECONDS	(24 * 60 * 60)
const char	*phone_reinstate_refusal(int64_t released, int64_t now);

/*
 * Telephony extensions: activating k more numbers is allowed only when
 * active + k <= allocated (Y = voice services' qty). 1 when it fits (k <= 0
 * always fits), 0 when not. No overflow for any int64 input.
 */
int	 phone_activation_fits(int64_t active, int64_t k, int64_t allocated);

/*
 * The refusal when it does not fit, with the fraction active/allocated:
 * "Telephony extensions 3/3: add a Voice line before activating another
 * number" (k == 1), "... add Voice lines before activating 2 more numbers"
 * (k > 1). Always NUL-terminated when cap > 0.
 */
void	 phone_activation_refusal(int64_t active, int64_t k,
	    int64_t allocated, char *buf, size_t cap);

#endif
