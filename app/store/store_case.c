/*
 * store_case: support cases and comments. See store_case.h.
 */
#include <string.h>

#include "../arena.h"
#include "db.h"
#include "../domain/helpdesk.h"
#include "store_case.h"

/* The columns STMT_CASE_LIST and STMT_CASE_GET share (CASE_COLS). */
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
	c->created_by_id = dbrow_int(r, 13);
	c->assignee_id = dbrow_int(r, 14);
	c->assignee_name = dbrow_str(r, 15);
	c->priority = dbrow_str(r, 16);
	c->category = dbrow_str(r, 17);
	c->first_response_at = dbrow_int(r, 18);
	c->resolved_at = dbrow_int(r, 19);
	c->tz = dbrow_str(r, 20);
	c->sla_elapsed = dbrow_int(r, 21);
	c->sla_running_since = dbrow_int(r, 22);
	c->version = dbrow_int(r, 23);
	c->details = "";
	c->created_by = "";
}

#define CASE_NCOLS	24

/* The CASE_FILTER parameters of f into p (15 of them). */
static void
filter_params(const struct store_case_filter *f, struct dbp *p)
{
	const char	*st = f->status != NULL ? f->status : "";
	const char	*pr = f->priority != NULL ? f->priority : "";

	p[0] = DBP_I(f->op);
	p[1] = DBP_S(f->tab);
	p[2] = DBP_S(f->tab);
	p[3] = DBP_S(st);
	p[4] = DBP_S(st);
	p[5] = DBP_I(f->occ);
	p[6] = DBP_I(f->occ);
	p[7] = DBP_I(f->site);
	p[8] = DBP_I(f->site);
	p[9] = DBP_I(f->assignee);
	p[10] = DBP_I(f->assignee);
	p[11] = DBP_I(f->assignee);
	p[12] = DBP_S(pr);
	p[13] = DBP_S(pr);
	p[14] = DBP_I(f->raised_by);
	p[15] = DBP_I(f->raised_by);
}

#define NFILTER	16

int
store_case_counts(struct arena *a, const struct store_case_filter *f,
    int64_t *open, int64_t *closed)
{
	struct store_case_filter g = *f;
	struct dbp	 p[NFILTER];
	struct dbres	 res;
	int		 rc;

	*open = *closed = 0;
	g.tab = NULL;
	filter_params(&g, p);
	if ((rc = db_query(a, STMT_CASE_COUNTS, p, NFILTER, &res)) <= 0)
		return rc;
	*open = dbrow_int(&res.rows[0], 0);
	*closed = dbrow_int(&res.rows[0], 1);
	return 1;
}

int
store_case_list(struct arena *a, const struct store_case_filter *f,
    int64_t offset, int64_t limit, struct store_case **out, size_t *n)
{
	struct dbp	 p[NFILTER + 2];
	struct dbres	 res;
	struct store_case *c;
	size_t		 i;

	*out = NULL;
	*n = 0;
	filter_params(f, p);
	p[NFILTER] = DBP_I(limit);
	p[NFILTER + 1] = DBP_I(offset);
	if (db_query(a, STMT_CASE_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	c = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*c));
	for (i = 0; i < res.nrows; i++)
		case_from_row(&res.rows[i], &c[i]);
	*out = c;
	*n = res.nrows;
	return 1;
}

int
store_case_page(struct arena *a, const struct store_case_filter *f,
    int64_t anchor, int before, int64_t limit, struct store_case **out,
    size_t *n, int *more)
{
	struct dbp	 p[NFILTER + 2];
	struct dbres	 res;
	struct store_case *c;
	size_t		 i;

	*more = 0;
	if (anchor <= 0) {
		if (store_case_list(a, f, 0, limit + 1, out, n) < 0)
			return -1;
		if (*n > (size_t)limit) {
			*more = 1;
			*n = (size_t)limit;
		}
		return 1;
	}
	*out = NULL;
	*n = 0;
	p[0] = DBP_I(anchor);
	filter_params(f, p + 1);
	p[NFILTER + 1] = DBP_I(limit + 1);
	if (db_query(a, before ? STMT_CASE_PAGE_BEFORE : STMT_CASE_PAGE_AFTER,
	    p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows > (size_t)limit) {
		*more = 1;
		res.nrows = (size_t)limit;
	}
	c = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*c));
	for (i = 0; i < res.nrows; i++)
		case_from_row(&res.rows[i], &c[before ? res.nrows - 1 - i : i]);
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
	c->details = dbrow_str(&res.rows[0], CASE_NCOLS);
	c->created_by = dbrow_str(&res.rows[0], CASE_NCOLS + 1);
	return 1;
}

static int
event(int64_t op, int64_t id, const char *status, int64_t now)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id), DBP_S(status), DBP_I(now) };

	return db_exec(STMT_CASE_EVENT_INSERT, p, NPARAMS(p), NULL) > 0 ? 1 : -1;
}

int
store_case_insert(int64_t op, int64_t occ, int64_t site, int64_t service,
    const char *subject, const char *details, int64_t user,
    const char *priority, const char *category, int64_t now, int64_t *id)
{
	struct dbp	 p[] = { service > 0 ? DBP_I(service) : DBP_NUL,
	    DBP_S(subject), DBP_S(details), user > 0 ? DBP_I(user) : DBP_NUL,
	    DBP_S(priority), DBP_S(category), DBP_I(now),
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
	return event(op, *id, "open", now);
}

int
store_case_move(struct arena *a, int64_t op, int64_t id, const char *to,
    int64_t now, int response, const char **from)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	enum hd_status	 f, t = hd_status_parse(to);
	int64_t		 fr, elapsed, running, resolved;
	const char	*tz;
	int64_t		 n;

	*from = "";
	if (db_query(a, STMT_CASE_LOCK, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*from = dbrow_str(&res.rows[0], 0);
	fr = dbrow_int(&res.rows[0], 1);
	elapsed = dbrow_int(&res.rows[0], 2);
	running = dbrow_int(&res.rows[0], 3);
	tz = dbrow_str(&res.rows[0], 4);
	f = hd_status_parse(*from);
	if (!hd_can_move(f, t))
		return 0;
	hd_clock_move(t, now, tz, &elapsed, &running);
	if (response && fr == 0 && (t == HD_AWAITING || t == HD_RESOLVED))
		fr = now;
	resolved = t == HD_RESOLVED ? now : 0;
	{
		struct dbp q[] = { DBP_S(to), DBP_S(to),
		    resolved > 0 ? DBP_I(resolved) : DBP_NUL, DBP_I(elapsed),
		    running > 0 ? DBP_I(running) : DBP_NUL,
		    fr > 0 ? DBP_I(fr) : DBP_NUL, DBP_I(op), DBP_I(id),
		    DBP_S(*from) };

		if ((n = db_exec(STMT_CASE_MOVE, q, NPARAMS(q), NULL)) < 0)
			return -1;
		if (n == 0)
			return 0;
	}
	return event(op, id, to, now);
}

int
store_case_version_lock(struct arena *a, int64_t op, int64_t id,
    int64_t *version)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;

	*version = 0;
	if (db_query(a, STMT_CASE_LOCK, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*version = dbrow_int(&res.rows[0], 5);
	return 1;
}

int
store_case_first_response(int64_t op, int64_t id, int64_t now)
{
	struct dbp	 p[] = { DBP_I(now), DBP_I(op), DBP_I(id) };

	return db_exec(STMT_CASE_FIRST_RESPONSE, p, NPARAMS(p), NULL) < 0 ?
	    -1 : 1;
}

int
store_case_triage(int64_t op, int64_t id, int64_t assignee,
    const char *priority, const char *category)
{
	struct dbp	 p[] = { assignee > 0 ? DBP_I(assignee) : DBP_NUL,
	    DBP_S(priority), DBP_S(category), DBP_I(op), DBP_I(id) };

	return db_exec(STMT_CASE_TRIAGE, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_case_events(struct arena *a, int64_t op, int64_t id,
    const char ***status, int64_t **at, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	size_t		 i;

	*status = NULL;
	*at = NULL;
	*n = 0;
	if (db_query(a, STMT_CASE_EVENTS, p, NPARAMS(p), &res) < 0)
		return -1;
	*status = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**status));
	*at = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**at));
	for (i = 0; i < res.nrows; i++) {
		(*status)[i] = dbrow_str(&res.rows[i], 0);
		(*at)[i] = dbrow_int(&res.rows[i], 1);
	}
	*n = res.nrows;
	return 1;
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

static int	 options_query(struct arena *, enum stmt, const struct dbp *, size_t,
		    struct store_case_option **, size_t *);

int
store_case_options(struct arena *a, int64_t op, enum store_case_options which,
    struct store_case_option **out, size_t *n)
{
	static const enum stmt stmts[STORE_CASE_OPT__MAX] = {
		STMT_CASE_OCCUPIER_OPTIONS,	/* STORE_CASE_OPT_OCCUPIERS */
		STMT_CASE_SITE_OPTIONS,		/* STORE_CASE_OPT_SITES */
		STMT_CASE_SERVICE_OPTIONS,	/* STORE_CASE_OPT_SERVICES */
		STMT_CASE_TEAM,			/* STORE_CASE_OPT_TEAM */
	};
	struct dbp		 p[] = { DBP_I(op) };

	*out = NULL;
	*n = 0;
	if (which >= STORE_CASE_OPT__MAX)
		return -1;
	return options_query(a, stmts[which], p, NPARAMS(p), out, n);
}

int
store_case_occ_services(struct arena *a, int64_t op, int64_t occ,
    struct store_case_option **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(occ) };

	*out = NULL;
	*n = 0;
	return options_query(a, STMT_CASE_OCC_SERVICE_OPTIONS, p, NPARAMS(p),
	    out, n);
}

int
store_case_occ_site_services(struct arena *a, int64_t op, int64_t occ,
    int64_t site, struct store_case_option **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };

	*out = NULL;
	*n = 0;
	return options_query(a, STMT_CASE_OCC_SITE_SERVICE_OPTIONS, p,
	    NPARAMS(p), out, n);
}

/* Rows of (id, name, extra) into choices. 1, or -1. */
static int
options_query(struct arena *a, enum stmt st, const struct dbp *p, size_t np,
    struct store_case_option **out, size_t *n)
{
	struct dbres		 res;
	struct store_case_option *o;
	size_t			 i;

	if (db_query(a, st, p, np, &res) < 0)
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

int
store_case_att_insert(int64_t op, int64_t case_id, int64_t comment,
    const char *filename, const char *ctype, const char *data, size_t size,
    int64_t user, int64_t now, int64_t *id)
{
	struct dbp	 p[] = { comment > 0 ? DBP_I(comment) : DBP_NUL,
	    DBP_S(filename), DBP_S(ctype), DBP_I((int64_t)size),
	    DBP_B(data, size), user > 0 ? DBP_I(user) : DBP_NUL, DBP_I(now),
	    DBP_I(op), DBP_I(case_id) };
	uint64_t	 iid = 0;
	int64_t		 n;

	*id = 0;
	if ((n = db_exec(STMT_CASE_ATT_INSERT, p, NPARAMS(p), &iid)) < 0)
		return -1;
	if (n == 0)
		return 0;
	*id = (int64_t)iid;
	return 1;
}

static void
att_row(const struct dbrow *r, struct store_case_att *t)
{
	t->id = dbrow_int(r, 0);
	t->comment_id = dbrow_int(r, 1);
	t->filename = dbrow_str(r, 2);
	t->content_type = dbrow_str(r, 3);
	t->size = dbrow_int(r, 4);
	t->created_at = dbrow_int(r, 5);
	t->uploader = dbrow_str(r, 6);
	t->data = NULL;
}

int
store_case_att_list(struct arena *a, int64_t op, int64_t case_id,
    struct store_case_att **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(case_id) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_CASE_ATT_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		att_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return 1;
}

int
store_case_att_get(struct arena *a, int64_t op, int64_t case_id, int64_t id,
    struct store_case_att *t)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(case_id), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(t, 0, sizeof(*t));
	if ((rc = db_query(a, STMT_CASE_ATT_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	t->id = id;
	t->filename = dbrow_str(&res.rows[0], 0);
	t->content_type = dbrow_str(&res.rows[0], 1);
	t->size = (int64_t)res.rows[0].len[3];
	t->data = dbrow_str(&res.rows[0], 3);
	return 1;
}
