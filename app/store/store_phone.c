/*
 * store_phone: phone number pools. See store_phone.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/phone.h"
#include "../domain/usage.h"
#include "../log.h"
#include "db.h"
#include "store.h"
#include "store_phone.h"

/* The twelve columns every number query selects, in order. */
static void
phone_from_row(const struct dbrow *r, int32_t today, struct store_phone *p)
{
	memset(p, 0, sizeof(*p));
	p->id = dbrow_int(r, 0);
	p->number = dbrow_str(r, 1);
	p->stored = phone_state_parse(dbrow_str(r, 2));
	p->occupier_id = dbrow_int(r, 3);
	p->operator_held = dbrow_int(r, 4) != 0;
	p->is_main = dbrow_int(r, 5) != 0;
	p->activated_at = dbrow_day(r, 6);
	p->deactivated_at = dbrow_day(r, 7);
	p->cooloff_until = dbrow_day(r, 8);
	p->version = dbrow_int(r, 9);
	p->occupier_name = dbrow_str(r, 10);
	p->ported_in = dbrow_int(r, 11) != 0;
	p->state = phone_effective_state(p->stored, p->cooloff_until, today);
}

static int
phone_rows(struct arena *a, const struct dbres *res, int32_t today,
    struct store_phone **out, size_t *n)
{
	struct store_phone	*p;
	size_t			 i;

	p = arena_calloc(a, res->nrows ? res->nrows : 1, sizeof(*p));
	for (i = 0; i < res->nrows; i++)
		phone_from_row(&res->rows[i], today, &p[i]);
	*out = p;
	*n = res->nrows;
	return 1;
}

enum phone_holder
store_phone_holder(const struct store_phone *p)
{
	if (p->occupier_id > 0)
		return PHONE_HOLDER_OCCUPIER;
	if (p->operator_held)
		return PHONE_HOLDER_OPERATOR;
	return PHONE_HOLDER_NONE;
}

/* The 10 parameters of the site list's filters (STMT_PHONE_LIST_SITE and
 * the pages): operator, site, state (twice, with the day d) and holder. */
static void
filter_params(struct dbp *p, int64_t op, int64_t site, const char *d,
    const struct store_phone_filter *f)
{
	const char	*st = "";
	int64_t		 hk = SPH_ALL, occ = 0;
	size_t		 i;

	if (f != NULL) {
		if ((unsigned)f->state < PHONE__MAX)
			st = phone_state_keys[f->state];
		hk = f->holder;
		occ = f->occupier;
	}
	p[0] = DBP_I(op);
	p[1] = DBP_I(site);
	p[2] = DBP_S(st);
	p[3] = DBP_S(d);
	p[4] = DBP_S(st);
	for (i = 5; i <= 9; i++)
		p[i] = DBP_I(hk);
	p[8] = DBP_I(occ);
}

int
store_phone_list_site(struct arena *a, int64_t op, int64_t site,
    int32_t today, const struct store_phone_filter *f,
    struct store_phone **out, size_t *n)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[10];
	struct dbres	 res;

	*out = NULL;
	*n = 0;
	date_format(today, d, sizeof(d));
	filter_params(p, op, site, d, f);
	if (db_query(a, STMT_PHONE_LIST_SITE, p, NPARAMS(p), &res) < 0)
		return -1;
	return phone_rows(a, &res, today, out, n);
}

int
store_phone_page_site(struct arena *a, int64_t op, int64_t site,
    int32_t today, const struct store_phone_filter *f,
    const struct store_phone_page *pg, struct store_phone **out, size_t *n,
    int *more)
{
	char			 d[DATE_STRLEN];
	const char		*like = "", *key = "";
	struct store_phone	 at, *p, t;
	struct dbp		 pp[16];
	struct dbres		 res;
	size_t			 i;
	int			 rc;

	*out = NULL;
	*n = 0;
	*more = 0;
	if (pg->anchor > 0) {
		if ((rc = store_phone_get(a, op, site, pg->anchor, today,
		    &at)) <= 0)
			return rc;
		key = at.number;
	}
	if (pg->q[0] != '\0')
		like = store_like_pattern(a, pg->q);
	date_format(today, d, sizeof(d));
	filter_params(pp, op, site, d, f);
	pp[10] = DBP_S(pg->q);
	pp[11] = DBP_S(like);
	pp[12] = DBP_S(key);
	pp[13] = DBP_S(key);
	pp[14] = DBP_I(pg->anchor);
	pp[15] = DBP_I(pg->limit + 1);
	if (db_query(a, pg->before && pg->anchor > 0 ?
	    STMT_PHONE_PAGE_SITE_BEFORE : STMT_PHONE_PAGE_SITE_AFTER, pp,
	    NPARAMS(pp), &res) < 0)
		return -1;
	if (res.nrows > (size_t)pg->limit) {
		*more = 1;
		res.nrows = (size_t)pg->limit;
	}
	phone_rows(a, &res, today, &p, n);
	if (pg->before && pg->anchor > 0)
		for (i = 0; i < *n / 2; i++) {
			t = p[i];
			p[i] = p[*n - 1 - i];
			p[*n - 1 - i] = t;
		}
	*out = p;
	return 1;
}

int
store_phone_counts(struct arena *a, int64_t op, int64_t site, int32_t today,
    int64_t counts[PHONE__MAX], int64_t *total)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[5];
	struct dbres	 res;
	enum phone_state st;
	size_t		 i;

	memset(counts, 0, sizeof(int64_t) * PHONE__MAX);
	*total = 0;
	date_format(today, d, sizeof(d));
	p[0] = DBP_I(op);
	p[1] = DBP_I(site);
	p[2] = DBP_I(op);
	p[3] = DBP_I(site);
	p[4] = DBP_S(d);
	if (db_query(a, STMT_PHONE_COUNTS_SITE, p, NPARAMS(p), &res) < 0)
		return -1;
	for (i = 0; i < res.nrows; i++) {
		const char	*s = dbrow_str(&res.rows[i], 0);
		int64_t		 c = dbrow_int(&res.rows[i], 1);

		if (strcmp(s, "cooled") == 0) {
			/* Cooling off no longer: available (counted once). */
			counts[PHONE_COOLING_OFF] -= c;
			counts[PHONE_AVAILABLE] += c;
			continue;
		}
		*total += c;
		if ((st = phone_state_parse(s)) < PHONE__MAX)
			counts[st] += c;
	}
	return 1;
}

int
store_phone_list_occupier(struct arena *a, int64_t op, int64_t occ,
    int64_t site, int32_t today, struct store_phone **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(occ) };
	struct dbres	 res;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_PHONE_LIST_OCCUPIER, p, NPARAMS(p), &res) < 0)
		return -1;
	return phone_rows(a, &res, today, out, n);
}

static int
phone_one(struct arena *a, enum stmt st, int64_t op, int64_t site,
    int64_t id, int32_t today, struct store_phone *ph)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(ph, 0, sizeof(*ph));
	if ((rc = db_query(a, st, p, NPARAMS(p), &res)) <= 0)
		return rc;
	phone_from_row(&res.rows[0], today, ph);
	if (ph->stored == PHONE__MAX) {
		log_warnx("store_phone: number %lld has an unknown state",
		    (long long)id);
		return -1;
	}
	return 1;
}

int
store_phone_get(struct arena *a, int64_t op, int64_t site, int64_t id,
    int32_t today, struct store_phone *ph)
{
	return phone_one(a, STMT_PHONE_GET, op, site, id, today, ph);
}

int
store_phone_site_occupiers(struct arena *a, int64_t op, int64_t site,
    struct store_phone_occ **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(site), DBP_I(op), DBP_I(site),
	    DBP_I(site) };
	struct dbres		 res;
	struct store_phone_occ	*o;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_PHONE_SITE_OCCUPIERS, p, NPARAMS(p), &res) < 0)
		return -1;
	o = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*o));
	for (i = 0; i < res.nrows; i++) {
		o[i].id = dbrow_int(&res.rows[i], 0);
		o[i].name = dbrow_str(&res.rows[i], 1);
		o[i].has_contract = dbrow_int(&res.rows[i], 2) != 0;
	}
	*out = o;
	*n = res.nrows;
	return 1;
}

int
store_phone_active_count(struct arena *a, int64_t op, int64_t occ,
    int64_t site, int64_t *count)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres	 res;

	*count = 0;
	if (db_query(a, STMT_PHONE_ACTIVE_COUNT, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows > 0)
		*count = dbrow_int(&res.rows[0], 0);
	return 1;
}

/* The occupier's active numbers at the site, locked: how many, whether
 * one is the main number, and the first one's id (0 when none). */
static int
active_locked(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t *count, int *has_main, int64_t *first)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres	 res;
	size_t		 i;

	*count = 0;
	*has_main = 0;
	*first = 0;
	if (db_query(a, STMT_PHONE_ACTIVE_LOCK, p, NPARAMS(p), &res) < 0)
		return -1;
	*count = (int64_t)res.nrows;
	for (i = 0; i < res.nrows; i++)
		if (dbrow_int(&res.rows[i], 1) != 0)
			*has_main = 1;
	if (res.nrows > 0)
		*first = dbrow_int(&res.rows[0], 0);
	return 1;
}

/*
 * Lock number id of the site and check that op may be applied to it:
 * 1 yes (*ph filled), 0 not found (or not held by occ when occ > 0), -2
 * refused (*why), -1 error.
 */
static int
lock_for(struct arena *a, int64_t op, int64_t site, int64_t id, int64_t occ,
    int32_t today, enum phone_op what, struct store_phone *ph,
    const char **why)
{
	int	 rc;

	*why = NULL;
	if ((rc = phone_one(a, STMT_PHONE_LOCK, op, site, id, today, ph)) <= 0)
		return rc;
	if (occ > 0 && ph->occupier_id != occ)
		return 0;
	*why = phone_transition_refusal(what, ph->state, store_phone_holder(ph));
	return *why == NULL ? 1 : -2;
}

/*
 * The holder of number id changes from occupier `from` to occupier `to`
 * (0: nobody, or the operator): in the same transaction, the open
 * holding of the history (phone_holder, which attributes calls to who
 * held the number when) ends and, for an occupier, a new one begins, at
 * the moment of the change on business day today (usage_moment).
 */
static int
holder_change(int64_t op, int64_t site, int64_t id, int64_t from, int64_t to,
    int32_t today)
{
	int64_t		 at;

	if (from == to)
		return 1;
	at = usage_moment(today, (int64_t)time(NULL));
	/* Any holding still open ends, also one the number's row no longer
	 * shows (a row changed by another client). */
	{
		struct dbp p[] = { DBP_I(at), DBP_I(id), DBP_I(op) };

		if (db_exec(STMT_USAGE_HOLDING_END, p, NPARAMS(p), NULL) < 0)
			return -1;
	}
	if (to > 0) {
		struct dbp p[] = { DBP_I(op), DBP_I(site), DBP_I(id), DBP_I(to),
		    DBP_I(at), DBP_NUL };

		if (db_exec(STMT_USAGE_HOLDING_ADD, p, NPARAMS(p), NULL) < 0)
			return -1;
	}
	return 1;
}

static int
has_contract(struct arena *a, int64_t op, int64_t occ, int64_t site)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres	 res;

	if (db_query(a, STMT_PHONE_HAS_CONTRACT, p, NPARAMS(p), &res) < 0)
		return -1;
	return res.nrows > 0 && dbrow_int(&res.rows[0], 0) > 0 ? 1 : 0;
}

static int
reserve(int64_t op, int64_t id, int64_t occ)
{
	struct dbp	 p[] = { occ > 0 ? DBP_I(occ) : DBP_NUL,
	    DBP_I(occ > 0 ? 0 : 1), DBP_I(op), DBP_I(id) };

	return db_exec(STMT_PHONE_RESERVE, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_phone_allocate(struct arena *a, int64_t op, int64_t site, int64_t id,
    int64_t occ, int32_t today, struct store_phone *before, const char **why)
{
	struct store_phone	 ph;
	int			 rc;

	if ((rc = lock_for(a, op, site, id, 0, today, PHONE_OP_ALLOCATE, &ph,
	    why)) <= 0)
		goto out;
	if (occ > 0) {
		if ((rc = has_contract(a, op, occ, site)) < 0)
			goto out;
		if (rc == 0) {
			*why = "A number can be allocated only to an occupier "
			    "with a contract at this site.";
			rc = -2;
			goto out;
		}
	}
	if ((rc = reserve(op, id, occ)) > 0)
		rc = holder_change(op, site, id, ph.occupier_id, occ, today);
out:
	if (before != NULL)
		*before = ph;
	return rc;
}

int
store_phone_allocate_next(struct arena *a, int64_t op, int64_t site,
    int64_t occ, int64_t n, int32_t today, struct store_phone **out,
    size_t *nout)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[4];
	struct dbres	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*nout = 0;
	if (n <= 0)
		return 1;
	if (occ > 0 && (rc = has_contract(a, op, occ, site)) <= 0)
		return rc;
	date_format(today, d, sizeof(d));
	p[0] = DBP_I(op);
	p[1] = DBP_I(site);
	p[2] = DBP_S(d);
	p[3] = DBP_I(n);
	if (db_query(a, STMT_PHONE_NEXT_AVAILABLE, p, NPARAMS(p), &res) < 0)
		return -1;
	if ((int64_t)res.nrows < n) {
		*nout = res.nrows;
		return -2;
	}
	for (i = 0; i < res.nrows; i++)
		if (reserve(op, dbrow_int(&res.rows[i], 0), occ) < 0 ||
		    holder_change(op, site, dbrow_int(&res.rows[i], 0),
		    dbrow_int(&res.rows[i], 3), occ, today) < 0)
			return -1;
	return phone_rows(a, &res, today, out, nout);
}

int
store_phone_deallocate(struct arena *a, int64_t op, int64_t site, int64_t id,
    int64_t occ, int32_t today, struct store_phone *before, const char **why)
{
	struct store_phone	 ph;
	struct dbp		 p[] = { DBP_I(op), DBP_I(id) };
	int			 rc;

	if ((rc = lock_for(a, op, site, id, occ, today, PHONE_OP_DEALLOCATE,
	    &ph, why)) > 0)
		rc = db_exec(STMT_PHONE_RELEASE, p, NPARAMS(p), NULL) < 0 ||
		    holder_change(op, site, id, ph.occupier_id, 0, today) < 0 ?
		    -1 : 1;
	if (before != NULL)
		*before = ph;
	return rc;
}

int
store_phone_set_free(struct arena *a, int64_t op, int64_t site, int64_t id,
    enum phone_op what, int32_t today, struct store_phone *before,
    const char **why)
{
	struct store_phone	 ph;
	int			 rc;

	memset(&ph, 0, sizeof(ph));
	if (what != PHONE_OP_RETIRE && what != PHONE_OP_RESTORE)
		return 0;
	if ((rc = lock_for(a, op, site, id, 0, today, what, &ph, why)) > 0) {
		struct dbp p[] = { DBP_S(phone_state_keys[
		    phone_transition_target(what, ph.state)]), DBP_I(op),
		    DBP_I(id) };

		rc = db_exec(STMT_PHONE_SET_FREE, p, NPARAMS(p), NULL) < 0 ?
		    -1 : 1;
	}
	if (before != NULL)
		*before = ph;
	return rc;
}

static int
activate_one(int64_t op, int64_t id, int64_t occ, int as_main, int32_t today)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[5];

	p[0] = DBP_I(occ);
	p[1] = DBP_I(as_main ? 1 : 0);
	p[2] = dbp_day(today, d);
	p[3] = DBP_I(op);
	p[4] = DBP_I(id);
	return db_exec(STMT_PHONE_ACTIVATE, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_phone_activate(struct arena *a, int64_t op, int64_t site, int64_t id,
    int64_t occ, int32_t today, int64_t allocated, struct store_phone *before,
    const char **why)
{
	struct store_phone	 ph;
	int64_t			 active, first;
	char			*msg;
	int			 rc, has_main;

	if (occ <= 0) {
		/* Only to learn why a number without an occupier cannot be
		 * activated: never succeeds. */
		if ((rc = lock_for(a, op, site, id, 0, today, PHONE_OP_ACTIVATE,
		    &ph, why)) > 0)
			rc = 0;
		goto out;
	}
	if ((rc = lock_for(a, op, site, id, occ, today, PHONE_OP_ACTIVATE, &ph,
	    why)) <= 0)
		goto out;
	if ((rc = active_locked(a, op, occ, site, &active, &has_main,
	    &first)) < 0)
		goto out;
	if (!phone_activation_fits(active, 1, allocated)) {
		msg = arena_alloc(a, 160);
		phone_activation_refusal(active, 1, allocated, msg, 160);
		*why = msg;
		rc = -2;
		goto out;
	}
	rc = activate_one(op, id, occ, !has_main, today);
out:
	if (before != NULL)
		*before = ph;
	return rc;
}

int
store_phone_deactivate(struct arena *a, int64_t op, int64_t site, int64_t id,
    int64_t occ, int32_t today, int cooloff_days, struct store_phone *before,
    const char **why)
{
	char			 d[DATE_STRLEN], u[DATE_STRLEN];
	struct store_phone	 ph;
	struct dbp		 p[4];
	int64_t			 active, first;
	int			 rc, has_main;

	if ((rc = lock_for(a, op, site, id, occ, today, PHONE_OP_DEACTIVATE,
	    &ph, why)) <= 0)
		goto out;
	p[0] = dbp_day(today, d);
	p[1] = dbp_day(phone_cooloff_until(today, cooloff_days), u);
	p[2] = DBP_I(op);
	p[3] = DBP_I(id);
	if (db_exec(STMT_PHONE_DEACTIVATE, p, NPARAMS(p), NULL) < 0 ||
	    holder_change(op, site, id, ph.occupier_id, 0, today) < 0) {
		rc = -1;
		goto out;
	}
	rc = 1;
	if (ph.is_main && ph.occupier_id > 0) {
		/* The main number goes: the next active one takes over. */
		if (active_locked(a, op, ph.occupier_id, site, &active,
		    &has_main, &first) < 0)
			rc = -1;
		else if (first > 0 && !has_main) {
			struct dbp q[] = { DBP_I(op), DBP_I(first) };

			if (db_exec(STMT_PHONE_MAIN_SET, q, NPARAMS(q),
			    NULL) < 0)
				rc = -1;
		}
	}
out:
	if (before != NULL)
		*before = ph;
	return rc;
}

int
store_phone_last_holding(struct arena *a, int64_t op, int64_t site,
    int64_t id, int64_t *occ, int64_t *released)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(id) };
	struct dbres	 res;

	*occ = 0;
	*released = 0;
	if (db_query(a, STMT_PHONE_LAST_HOLDING, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*occ = dbrow_int(&res.rows[0], 0);
	*released = dbrow_int(&res.rows[0], 1);
	return 1;
}

/* The checks of a reinstatement of the locked number ph for occ: 1 it may
 * go back, 0 last held by someone else, -2 refused (*why), -1. */
static int
reinstate_check(struct arena *a, int64_t op, int64_t site, int64_t id,
    int64_t occ, int32_t today, int64_t allocated, const char **why)
{
	int64_t		 last, released, active, first;
	char		*msg;
	int		 rc, has_main;

	if ((rc = store_phone_last_holding(a, op, site, id, &last,
	    &released)) <= 0 || last != occ)
		return rc < 0 ? -1 : 0;
	if ((*why = phone_reinstate_refusal(released,
	    usage_moment(today, (int64_t)time(NULL)))) != NULL)
		return -2;
	if (active_locked(a, op, occ, site, &active, &has_main, &first) < 0)
		return -1;
	if (!phone_activation_fits(active, 1, allocated)) {
		msg = arena_alloc(a, 160);
		phone_activation_refusal(active, 1, allocated, msg, 160);
		*why = msg;
		return -2;
	}
	return has_main ? 1 : 2;
}

int
store_phone_reinstate(struct arena *a, int64_t op, int64_t site, int64_t id,
    int64_t occ, int32_t today, int64_t allocated, struct store_phone *before,
    const char **why)
{
	struct store_phone	 ph;
	char			 d[DATE_STRLEN];
	int			 rc = 0;

	memset(&ph, 0, sizeof(ph));
	*why = NULL;
	if ((rc = lock_for(a, op, site, id, 0, today, PHONE_OP_REINSTATE, &ph,
	    why)) <= 0)
		goto out;
	if (occ <= 0) {
		*why = phone_reinstate_refusal(0, 0);
		rc = -2;
		goto out;
	}
	if ((rc = reinstate_check(a, op, site, id, occ, today, allocated,
	    why)) <= 0)
		goto out;
	{
		/* Its activation day stays: the same period of use. */
		struct dbp p[] = { DBP_I(occ), DBP_I(rc == 2), DBP_NUL,
		    DBP_I(op), DBP_I(id) };

		if (ph.activated_at != DATE_NONE)
			p[2] = dbp_day(ph.activated_at, d);
		rc = db_exec(STMT_PHONE_ACTIVATE, p, NPARAMS(p), NULL) < 0 ||
		    holder_change(op, site, id, 0, occ, today) < 0 ? -1 : 1;
	}
out:
	if (before != NULL)
		*before = ph;
	return rc;
}

int
store_phone_set_main(struct arena *a, int64_t op, int64_t site, int64_t id,
    int64_t occ, int32_t today, struct store_phone *before, const char **why)
{
	struct store_phone	 ph;
	struct dbp		 c[] = { DBP_I(op), DBP_I(site), DBP_I(occ) };
	struct dbp		 s[] = { DBP_I(op), DBP_I(id) };
	int			 rc;

	memset(&ph, 0, sizeof(ph));
	*why = NULL;
	if (occ <= 0) {
		rc = 0;
		goto out;
	}
	if ((rc = lock_for(a, op, site, id, occ, today, PHONE_OP_SET_MAIN, &ph,
	    why)) <= 0 || ph.is_main)
		goto out;
	if (db_exec(STMT_PHONE_MAIN_CLEAR, c, NPARAMS(c), NULL) < 0 ||
	    db_exec(STMT_PHONE_MAIN_SET, s, NPARAMS(s), NULL) < 0)
		rc = -1;
out:
	if (before != NULL)
		*before = ph;
	return rc;
}

int
store_phone_voice_first(struct arena *a, int64_t op, int64_t occ,
    int64_t site, int64_t n, int32_t today, int64_t *got)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[4];
	struct dbres	 res;
	int64_t		 active, first;
	size_t		 i;
	int		 has_main;

	*got = 0;
	if (n <= 0)
		return 1;
	date_format(today, d, sizeof(d));
	p[0] = DBP_I(op);
	p[1] = DBP_I(site);
	p[2] = DBP_S(d);
	p[3] = DBP_I(n);
	if (db_query(a, STMT_PHONE_NEXT_AVAILABLE, p, NPARAMS(p), &res) < 0)
		return -1;
	*got = (int64_t)res.nrows;
	if ((int64_t)res.nrows < n)
		return -2;
	if (active_locked(a, op, occ, site, &active, &has_main, &first) < 0)
		return -1;
	for (i = 0; i < res.nrows; i++) {
		int64_t		 id = dbrow_int(&res.rows[i], 0);
		const char	*num = dbrow_str(&res.rows[i], 1);
		int		 as_main = i == 0 && !has_main;

		if (activate_one(op, id, occ, as_main, today) < 0 ||
		    holder_change(op, site, id, 0, occ, today) < 0 ||
		    store_audit(op, occ, site, 0, "phone_number", id,
		    phone_op_keys[PHONE_OP_ACTIVATE],
		    arena_printf(a, "number=%s\nstate=%s", num,
		    phone_state_labels[PHONE_AVAILABLE]),
		    arena_printf(a, "number=%s\nstate=%s%s\nreason=Voice "
		    "service added", num, phone_state_labels[PHONE_ACTIVE],
		    as_main ? "\nmain=yes" : "")) < 0)
			return -1;
	}
	return 1;
}
