/*
 * store_phone: the phone number pools of the sites. Every
 * function takes the operator id of the signed-in user and filters on it,
 * and a site id: a number of another operator or another site is simply
 * "not found".
 *
 * Return convention: <0 error (logged; db_unavailable() tells a lost
 * database from a bug), 0 not found, >0 ok; the changing functions also
 * return -2 when the change is refused in the number's current state
 * (*why: the reason, a sentence; nothing was changed).
 *
 * The changing functions run inside the caller's transaction (db_begin):
 * each locks the number with SELECT ... FOR UPDATE, derives its effective
 * state on today (domain/phone.h) and checks the transition there. The
 * caller writes the audit event (store_audit), except for
 * store_phone_voice_first, which has no user to name. A change of a
 * number's holder also ends its holding and begins the new one in the
 * holder history (phone_holder, which usage billing attributes calls by),
 * in the same transaction, at the moment of the change on day today.
 * Strings in returned structs live in the arena passed in.
 */
#ifndef TENANTRY_STORE_PHONE_H
#define TENANTRY_STORE_PHONE_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/phone.h"

struct arena;

struct store_phone {
	int64_t			 id;
	const char		*number;	/* "+44 20 7946 0100" */
	enum phone_state	 stored;	/* as in the table */
	enum phone_state	 state;		/* effective on the day asked */
	int64_t			 occupier_id;	/* 0: none */
	const char		*occupier_name;	/* "" when none */
	int			 operator_held;
	int			 is_main;
	int32_t			 activated_at;	/* day numbers; DATE_NONE when NULL */
	int32_t			 deactivated_at;
	int32_t			 cooloff_until;
	int64_t			 version;
	int			 ported_in;	/* added on its own, ported in */
};

/* Holder of a number, as the holder filter and audit values name it. */
enum phone_holder store_phone_holder(const struct store_phone *);

/* The site list's holder filter. */
enum store_phone_hf {
	SPH_ALL,		/* every number */
	SPH_OPERATOR,		/* reserved for the operator */
	SPH_OCCUPIER,		/* held by one occupier (filter.occupier) */
	SPH_NONE,		/* held by nobody */
};

struct store_phone_filter {
	enum phone_state	 state;		/* effective; PHONE__MAX: all */
	enum store_phone_hf	 holder;
	int64_t			 occupier;	/* SPH_OCCUPIER */
};

/* An occupier that may hold numbers at a site. */
struct store_phone_occ {
	int64_t		 id;
	const char	*name;
	int		 has_contract;	/* at the site; else it only holds numbers */
};

/* Numbers of a site matching the filter (NULL: all), by number. 1 (also
 * when none match), -1 error. */
int	 store_phone_list_site(struct arena *, int64_t op, int64_t site,
	    int32_t today, const struct store_phone_filter *,
	    struct store_phone **, size_t *);
/* A page of the site's numbers by key (the Telephony screen): the limit
 * numbers after the number anchor (0: from the first), or with before the
 * limit numbers before it, always in number order, matching the filter
 * and q (digits the number contains, spaces ignored; "" any). *more: there
 * are matches beyond the page in the direction read. 1, 0 the anchor is
 * not a number of the site, -1. */
struct store_phone_page {
	const char	*q;
	int64_t		 anchor;
	int		 before;
	int64_t		 limit;
};
int	 store_phone_page_site(struct arena *, int64_t op, int64_t site,
	    int32_t today, const struct store_phone_filter *,
	    const struct store_phone_page *, struct store_phone **, size_t *,
	    int *more);
/* Numbers of the site by effective state; total = the sum. 1, -1. */
int	 store_phone_counts(struct arena *, int64_t op, int64_t site,
	    int32_t today, int64_t counts[PHONE__MAX], int64_t *total);
/* The occupier's numbers at the site: main first, then active, then
 * reserved. 1 (also when none), -1. */
int	 store_phone_list_occupier(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int32_t today, struct store_phone **, size_t *);
/* One number of the site, without a lock. 1, 0 not found, -1. */
int	 store_phone_get(struct arena *, int64_t op, int64_t site, int64_t id,
	    int32_t today, struct store_phone *);
/* Occupiers with a contract at the site or holding a number there, by
 * name. 1, -1. */
int	 store_phone_site_occupiers(struct arena *, int64_t op, int64_t site,
	    struct store_phone_occ **, size_t *);
/* Active numbers of the occupier at the site (X of Telephony
 * extensions). 1, -1. */
int	 store_phone_active_count(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int64_t *count);

/*
 * The changes. before (may be NULL) receives the number as it was when
 * locked. occ > 0 scopes the number to that holder: a number the occupier
 * does not hold is not found (0).
 */

/* Allocate to occupier occ (> 0; it must have a contract at the site) or
 * to the operator (occ == 0): available -> reserved. */
int	 store_phone_allocate(struct arena *, int64_t op, int64_t site,
	    int64_t id, int64_t occ, int32_t today, struct store_phone *before,
	    const char **why);
/* Allocate the next n available numbers (by number) to occ or the
 * operator (occ == 0). 1 with *out and *nout the numbers taken; -2 when fewer
 * than n are available (*nout = how many are; nothing changed); 0 when
 * occ has no contract at the site. */
int	 store_phone_allocate_next(struct arena *, int64_t op, int64_t site,
	    int64_t occ, int64_t n, int32_t today, struct store_phone **out,
	    size_t *nout);
/* what PHONE_OP_RETIRE: available -> retired; PHONE_OP_RESTORE: retired
 * -> available (no holder either way). */
int	 store_phone_set_free(struct arena *, int64_t op, int64_t site,
	    int64_t id, enum phone_op what, int32_t today,
	    struct store_phone *before, const char **why);
/* reserved -> available (never an active number). */
int	 store_phone_deallocate(struct arena *, int64_t op, int64_t site,
	    int64_t id, int64_t occ, int32_t today, struct store_phone *before,
	    const char **why);
/*
 * reserved (held by occupier occ > 0) -> active, when the occupier's
 * active numbers + 1 <= allocated (Telephony extensions Y, from the rules
 * engine); else -2 with the fraction in *why. The first active number of
 * the occupier at the site becomes its main number. The caller holds the
 * occupier's plan lock (store_plan_version with lock) so that concurrent
 * activations and services saves are serialized.
 */
int	 store_phone_activate(struct arena *, int64_t op, int64_t site,
	    int64_t id, int64_t occ, int32_t today, int64_t allocated,
	    struct store_phone *before, const char **why);
/* active -> cooling_off until today + cooloff_days; the holder is
 * released. When it was the main number, the occupier's next active
 * number (by number) becomes the main one. */
int	 store_phone_deactivate(struct arena *, int64_t op, int64_t site,
	    int64_t id, int64_t occ, int32_t today, int cooloff_days,
	    struct store_phone *before, const char **why);
/* Make an active number of occupier occ (> 0) its main number at the
 * site. 1 also when it already is. */
int	 store_phone_set_main(struct arena *, int64_t op, int64_t site,
	    int64_t id, int64_t occ, int32_t today, struct store_phone *before,
	    const char **why);

/* Who last held number id of the site and when that ended (unix seconds):
 * 1 with *occ and *released, 0 never held, -1. */
int	 store_phone_last_holding(struct arena *, int64_t op, int64_t site,
	    int64_t id, int64_t *occ, int64_t *released);
/*
 * cooling_off -> active again for occupier occ (> 0), the one whose
 * holding of it ended last, within PHONE_REINSTATE_SECONDS of that moment
 * and when it fits the occupier's Telephony extensions (allocated), as
 * activate checks it; its activation day stays, and it becomes the main
 * number when the occupier has none. -2 refused (*why), 0 not found or
 * last held by another occupier, 1 done, -1.
 */
int	 store_phone_reinstate(struct arena *, int64_t op, int64_t site,
	    int64_t id, int64_t occ, int32_t today, int64_t allocated,
	    struct store_phone *before, const char **why);

/*
 * Voice services added for the first time for occupier occ at the site:
 * inside the caller's transaction, take n numbers that are available (or
 * whose cooling-off has ended on today) in number order, skipping rows
 * other transactions hold, and make them active for the occupier, the
 * first one its main number (unless it already has one). Writes one
 * audit event per number (user: none, shown as "System").
 * 1 ok (*got = n); -2 the pool holds fewer than n (nothing changed; *got =
 * how many were available); -1 error. n <= 0: 1 with *got = 0.
 */
int	 store_phone_voice_first(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int64_t n, int32_t today, int64_t *got);

#endif
