/*
 * store_case: support cases and comments. See store_case.h.
 */
#include <string.h>

#include "../arena.h"
#include "db.h"
#include "store_case.h"

/* Columns 0..12 shared by STMT_CASE_LIST and STMT_CASE_GET. */
static void
case_from_row(const struct dbrow *r, struct store_case *c)
{
	c->id = dbrow_int(r, 0);
	c->subject = dbrow_str(r, 1);
	c->status = dbrow_str(r, 2);
	c->occupier_id = dbrow_int(r, 3);
	c->occupier_name = dbrow_str(r, 4);
	c->site_id = dbrow_int(r, 5);
	c->site_name = dbrow_str(r, 6);
	c->service_id = dbrow_int(r, 7);
	c->service_name = dbrow_str(r, 8);
	c->service_category = dbrow_str(r, 9);
	c->created_at = dbrow_int(r, 10);
	c->closed_at = dbrow_int(r, 11);
	c->ncomments = dbrow_int(r, 12);
	c->details = "";
	c->created_by = "";
}

int
store_case_counts(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t *open, int64_t *closed)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(occ), DBP_I(site),
	    DBP_I(site) };
	struct dbres	 res;
	int		 rc;

	*open = *closed = 0;
	if ((rc = db_query(a, STMT_CASE_COUNTS, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*open = dbrow_int(&res.rows[0], 0);
	*closed = dbrow_int(&res.rows[0], 1);
	return 1;
}

int
store_case_list(struct arena *a, int64_t op, const char *status,
    int64_t occ, int64_t site, int64_t offset, int64_t limit,
    struct store_case **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(status), DBP_S(status),
	    DBP_I(occ), DBP_I(occ), DBP_I(site), DBP_I(site), DBP_I(limit),
	    DBP_I(offset) };
	struct dbres	 res;
	struct store_case *c;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_CASE_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	c = arena_calloc(a, res.nrows, sizeof(*c));
	for (i = 0; i < res.nrows; i++)
		case_from_row(&res.rows[i], &c[i]);
	*out = c;
	*n = res.nrows;
	return 1;
}

int
store_case_get(struct arena *a, int64_t op, int64_t id, struct store_case *c)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(c, 0, sizeof(*c));
	if ((rc = db_query(a, STMT_CASE_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	case_from_row(&res.rows[0], c);
	c->details = dbrow_str(&res.rows[0], 13);
	c->created_by = dbrow_str(&res.rows[0], 14);
	return 1;
}

int
store_case_insert(int64_t op, int64_t occ, int64_t site, int64_t service,
    const char *subject, const char *details, int64_t user, int64_t *id)
{
	struct dbp	 p[] = { service > 0 ? DBP_I(service) : DBP_NUL,
	    DBP_S(subject), DBP_S(details), user > 0 ? DBP_I(user) : DBP_NUL,
	    DBP_I(op), DBP_I(occ), DBP_I(site),
	    service > 0 ? DBP_I(service) : DBP_NUL,
	    service > 0 ? DBP_I(service) : DBP_NUL };
	uint64_t	 iid = 0;
	int64_t		 n;

	*id = 0;
	if ((n = db_exec(STMT_CASE_INSERT, p, NPARAMS(p), &iid)) < 0)
		return -1;
	if (n == 0)
		return 0;
	*id = (int64_t)iid;
	return 1;
}

int
store_case_set_status(int64_t op, int64_t id, int close)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	int64_t		 n;

	if ((n = db_exec(close ? STMT_CASE_CLOSE : STMT_CASE_REOPEN, p,
	    NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_case_comment_insert(int64_t op, int64_t case_id, int64_t user,
    const char *body, int64_t *id)
{
	struct dbp	 p[] = { user > 0 ? DBP_I(user) : DBP_NUL, DBP_S(body),
	    DBP_I(op), DBP_I(case_id), DBP_I(user > 0 ? 0 : 1) };
	uint64_t	 iid = 0;
	int64_t		 n;

	if (id != NULL)
		*id = 0;
	if ((n = db_exec(STMT_CASE_COMMENT_INSERT, p, NPARAMS(p), &iid)) < 0)
		return -1;
	if (n == 0)
		return 0;
	if (id != NULL)
		*id = (int64_t)iid;
	return 1;
}

int
store_case_comments(struct arena *a, int64_t op, int64_t case_id,
    struct store_case_comment **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(case_id) };
	struct dbres		 res;
	struct store_case_comment *m;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_CASE_COMMENTS, p, NPARAMS(p), &res) < 0)
		return -1;
	m = arena_calloc(a, res.nrows, sizeof(*m));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		m[i].id = dbrow_int(r, 0);
		m[i].user_id = dbrow_int(r, 1);
		m[i].author = dbrow_str(r, 2);
		m[i].body = dbrow_str(r, 3);
		m[i].at = dbrow_int(r, 4);
	}
	*out = m;
	*n = res.nrows;
	return 1;
}

int
store_case_contract_exists(struct arena *a, int64_t op, int64_t occ,
    int64_t site)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres	 res;
	int		 rc;

	if ((rc = db_query(a, STMT_CASE_CONTRACT_EXISTS, p, NPARAMS(p),
	    &res)) <= 0)
		return rc;
	return dbrow_int(&res.rows[0], 0) > 0 ? 1 : 0;
}

int
store_case_options(struct arena *a, int64_t op, enum store_case_options which,
    struct store_case_option **out, size_t *n)
{
	static const enum stmt stmts[STORE_CASE_OPT__MAX] = {
		STMT_CASE_OCCUPIER_OPTIONS,	/* STORE_CASE_OPT_OCCUPIERS */
		STMT_CASE_SITE_OPTIONS,		/* STORE_CASE_OPT_SITES */
		STMT_CASE_SERVICE_OPTIONS,	/* STORE_CASE_OPT_SERVICES */
	};
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	struct store_case_option *o;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (which >= STORE_CASE_OPT__MAX)
		return -1;
	if (db_query(a, stmts[which], p, NPARAMS(p), &res) < 0)
		return -1;
	o = arena_calloc(a, res.nrows, sizeof(*o));
	for (i = 0; i < res.nrows; i++) {
		o[i].id = dbrow_int(&res.rows[i], 0);
		o[i].name = dbrow_str(&res.rows[i], 1);
		o[i].extra = dbrow_str(&res.rows[i], 2);
	}
	*out = o;
	*n = res.nrows;
	return 1;
}
