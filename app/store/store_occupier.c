/*
 * store_occupier: occupiers and the audit trail. See store.h.
 */
#include <stdlib.h>
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "db.h"
#include "store.h"

char *
store_like_pattern(struct arena *a, const char *q)
{
	struct buf	 b;

	buf_init(&b, a, strlen(q ? q : "") * 2 + 3);
	buf_putc(&b, '%');
	for (; q != NULL && *q != '\0'; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *q);
	}
	buf_putc(&b, '%');
	return b.p;
}

static int32_t	 business_day = DATE_NONE;

void
store_set_day(int32_t day)
{
	business_day = day;
}

#define AUDIT_COLS	10

/* The AUDIT_COLS parameters of event e (day: the business day or NULL). */
static void
audit_params(struct dbp *p, int64_t op, const struct store_audit_event *e,
    const char *day)
{
	p[0] = DBP_I(op);
	p[1] = e->occupier_id > 0 ? DBP_I(e->occupier_id) : DBP_NUL;
	p[2] = e->site_id > 0 ? DBP_I(e->site_id) : DBP_NUL;
	p[3] = e->user_id > 0 ? DBP_I(e->user_id) : DBP_NUL;
	p[4] = DBP_S(e->entity);
	p[5] = DBP_I(e->entity_id);
	p[6] = DBP_S(e->action);
	p[7] = DBP_S(e->old_value);
	p[8] = DBP_S(e->new_value);
	p[9] = DBP_S(day);
}

void
store_audit_begin(struct store_audit_batch *b, int64_t op, int32_t day)
{
	b->operator_id = op;
	b->day = day;
	b->n = 0;
}

int
store_audit_flush(struct store_audit_batch *b)
{
	static const enum stmt	 by_rows[STORE_AUDIT_BATCH] = {
	    STMT_AUDIT_INSERT, STMT_AUDIT_INSERT2, STMT_AUDIT_INSERT3,
	    STMT_AUDIT_INSERT4 };
	struct dbp		 p[STORE_AUDIT_BATCH * AUDIT_COLS];
	char			 d[DATE_STRLEN];
	const char		*day = NULL;
	size_t			 i, n = b->n;

	if (n == 0)
		return 0;
	b->n = 0;
	if (b->day != DATE_NONE) {
		date_format(b->day, d, sizeof(d));
		day = d;
	}
	for (i = 0; i < n; i++)
		audit_params(p + i * AUDIT_COLS, b->operator_id, &b->ev[i], day);
	return db_exec(by_rows[n - 1], p, n * AUDIT_COLS, NULL) < 0 ? -1 : 1;
}

int
store_audit_queue(struct store_audit_batch *b, int64_t occ, int64_t site,
    int64_t user, const char *entity, int64_t entity_id, const char *action,
    const char *old_value, const char *new_value)
{
	if (b->n == STORE_AUDIT_BATCH && store_audit_flush(b) < 0)
		return -1;
	b->ev[b->n++] = (struct store_audit_event){ occ, site, user, entity_id,
	    entity, action, old_value, new_value };
	return 1;
}

int
store_audit(int64_t op, int64_t occ, int64_t site, int64_t user,
    const char *entity, int64_t entity_id, const char *action,
    const char *old_value, const char *new_value)
{
	struct store_audit_batch	 b;

	store_audit_begin(&b, op, business_day);
	store_audit_queue(&b, occ, site, user, entity, entity_id, action,
	    old_value, new_value);
	return store_audit_flush(&b);
}

/* A row of STMT_OCCUPIER_LIST_FROM: an occupier and one of its contracts. */
struct occ_contract {
	int64_t		 id;
	const char	*name, *billing_ref, *site;
	const char	*w, *sw;	/* collation weights of the two names */
	size_t		 wlen, swlen;
	int32_t		 start, end;
	int		 has_contract;
};

static int
weight_cmp(const char *x, size_t xn, const char *y, size_t yn)
{
	int	 c;

	if ((c = memcmp(x, y, xn < yn ? xn : yn)) != 0)
		return c;
	return (xn > yn) - (xn < yn);
}

/* List order (name, then id), then each occupier's sites in name order. */
static int
occ_contract_order(const void *a, const void *b)
{
	const struct occ_contract	*x = a, *y = b;
	int				 c;

	if ((c = weight_cmp(x->w, x->wlen, y->w, y->wlen)) != 0)
		return c;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	if (x->has_contract != y->has_contract)
		return x->has_contract - y->has_contract;
	return weight_cmp(x->sw, x->swlen, y->sw, y->swlen);
}

/*
 * The occupiers of res (rows of STMT_OCCUPIER_LIST_FROM or of the
 * filtered lists: one per contract, column 3 the weight of the sort key)
 * in that order, each with its distinct site names (", "-separated, in
 * name order) and the number of its contracts running on day today.
 */
static void
occupier_group(struct arena *a, const struct dbres *res, int32_t today,
    struct store_occupier **out, size_t *n)
{
	struct occ_contract	*c;
	struct store_occupier	*o;
	struct buf		 sites;
	size_t			 i, j, k;

	c = arena_calloc(a, res->nrows ? res->nrows : 1, sizeof(*c));
	for (i = 0; i < res->nrows; i++) {
		const struct dbrow *row = &res->rows[i];

		c[i].id = dbrow_int(row, 0);
		c[i].name = dbrow_str(row, 1);
		c[i].billing_ref = dbrow_str(row, 2);
		c[i].w = dbrow_str(row, 3);
		c[i].wlen = row->len[3];
		if ((c[i].has_contract = !dbrow_isnull(row, 6))) {
			c[i].site = dbrow_str(row, 4);
			c[i].sw = dbrow_str(row, 5);
			c[i].swlen = row->len[5];
			c[i].start = dbrow_day(row, 6);
			c[i].end = dbrow_day(row, 7);
		}
	}
	qsort(c, res->nrows, sizeof(*c), occ_contract_order);
	o = arena_calloc(a, res->nrows ? res->nrows : 1, sizeof(*o));
	*n = 0;
	for (i = 0; i < res->nrows; i = j) {
		o[*n].id = c[i].id;
		o[*n].name = c[i].name;
		o[*n].billing_ref = c[i].billing_ref;
		buf_init(&sites, a, 64);
		for (j = i; j < res->nrows && c[j].id == c[i].id; j++) {
			if (!c[j].has_contract)
				continue;
			if (c[j].start <= today &&
			    (c[j].end == DATE_NONE || c[j].end >= today))
				o[*n].active_contracts++;
			for (k = i; k < j; k++)	/* a site already named */
				if (c[k].has_contract && weight_cmp(c[k].sw,
				    c[k].swlen, c[j].sw, c[j].swlen) == 0)
					break;
			if (k < j)
				continue;
			if (sites.len > 0)
				buf_puts(&sites, ", ");
			buf_puts(&sites, c[j].site);
		}
		o[*n].sites = sites.p;
		(*n)++;
	}
	*out = o;
}

/* The rows of one page, from the key (from_name, from_id) of its first
 * row (occupier_group). */
static int
occupier_rows(struct arena *a, int64_t op, const char *pattern,
    int32_t today, const char *from_name, int64_t from_id, int64_t limit,
    struct store_occupier **out, size_t *n)
{
	struct dbp		 pk[] = { DBP_I(op), DBP_S(pattern),
	    DBP_S(pattern), DBP_S(from_name), DBP_S(from_name), DBP_I(from_id),
	    DBP_I(limit) };
	struct dbres		 res;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, STMT_OCCUPIER_LIST_FROM, pk, NPARAMS(pk),
	    &res)) <= 0)
		return rc;
	occupier_group(a, &res, today, out, n);
	return 1;
}

int
store_occupier_filtered(struct arena *a, int64_t op,
    const struct store_occ_filter *f, int32_t today, int64_t per_page,
    struct store_occupier **out, size_t *n, int *more)
{
	char			 d[DATE_STRLEN];
	const char		*pattern = store_like_pattern(a, f->q);
	struct dbp		 p[] = { DBP_I(op), DBP_S(pattern),
	    DBP_I(f->site), DBP_S(f->status), dbp_day(today, d),
	    DBP_S(f->after_key), DBP_I(f->after_id), DBP_I(per_page + 1) };
	struct dbres		 res;

	*out = NULL;
	*n = 0;
	*more = 0;
	if (db_query(a, f->by_ref ? STMT_OCCUPIER_FILTER_BY_REF :
	    STMT_OCCUPIER_FILTER_BY_NAME, p, NPARAMS(p), &res) < 0)
		return -1;
	occupier_group(a, &res, today, out, n);
	if (*n > (size_t)per_page) {
		*n = (size_t)per_page;
		*more = 1;
	}
	return 1;
}

/*
 * Per-worker page index of the Occupiers list. The occupier_names row of
 * an operator is bumped by triggers whenever one of its occupiers is
 * added, renamed or deleted (sql/007_occupier_names.sql), so for the same
 * (operator, version, search text, page size) the matches are the same
 * rows in the same order: the entry keeps their number and the key
 * (name, id) of the first row of every page, taken from one scan of the
 * (operator_id, name) index. A page then costs the version (one primary-
 * key row) and a 25-row range seek, at any page of any size of list.
 * The version is read before the scan: an occupier committed in between
 * puts newer rows under the older version, which only requests that read
 * that older version (begun before the commit) can meet. Entries own
 * their arenas, live as long as the worker and are replaced oldest
 * first, like the catalog cache. An operator without a version row has
 * had no occupier since 007 was applied (the insert trigger adds the row)
 * unless another client moved some in by hand, which no trigger counts:
 * its index is built for the request alone and never kept.
 */
#define OCCLIST_CACHE	8

static struct occlist_entry {
	int64_t		 op, version, per_page;	/* op 0: empty */
	char		*pattern;
	int64_t		 total;
	size_t		 npages;
	char		**first_name;
	int64_t		*first_id;
	struct arena	*a;
} occlist_cache[OCCLIST_CACHE];
static size_t	occlist_next;

/* Fill e (its arena e->a reset by the caller) from one scan of the index. */
static int
occlist_scan(struct arena *a, struct occlist_entry *e, int64_t op,
    int64_t version, const char *pattern, int64_t per_page)
{
	struct dbp		 p[] = { DBP_I(op), DBP_S(pattern),
	    DBP_S(pattern) };
	struct dbres		 res;
	size_t			 k;
	int			 all = strcmp(pattern, "%%") == 0;

	/* No search: the statement without the LIKEs (op only). */
	if (db_query(a, all ? STMT_OCCUPIER_KEYS_ALL : STMT_OCCUPIER_KEYS, p,
	    all ? 1 : NPARAMS(p), &res) < 0)
		return -1;
	e->op = op;
	e->version = version;
	e->per_page = per_page;
	e->pattern = arena_strdup(e->a, pattern);
	e->total = (int64_t)res.nrows;
	e->npages = (res.nrows + (size_t)per_page - 1) / (size_t)per_page;
	e->first_name = arena_calloc(e->a, e->npages ? e->npages : 1,
	    sizeof(*e->first_name));
	e->first_id = arena_calloc(e->a, e->npages ? e->npages : 1,
	    sizeof(*e->first_id));
	for (k = 0; k < e->npages; k++) {
		const struct dbrow *row = &res.rows[k * (size_t)per_page];

		e->first_id[k] = dbrow_int(row, 0);
		e->first_name[k] = arena_strdup(e->a, dbrow_str(row, 1));
	}
	return 1;
}

static struct occlist_entry *
occlist_find(struct arena *a, int64_t op, int64_t version,
    const char *pattern, int64_t per_page)
{
	struct occlist_entry	*e;
	size_t			 i;

	for (i = 0; i < OCCLIST_CACHE; i++) {
		e = &occlist_cache[i];
		if (e->op == op && e->version == version &&
		    e->per_page == per_page && strcmp(e->pattern, pattern) == 0)
			return e;
	}
	e = &occlist_cache[occlist_next];
	if (e->a == NULL)
		e->a = arena_new(16384);
	else
		arena_reset(e->a);
	e->op = 0;
	if (occlist_scan(a, e, op, version, pattern, per_page) < 0) {
		e->op = 0;
		return NULL;
	}
	occlist_next = (occlist_next + 1) % OCCLIST_CACHE;
	return e;
}

/*
 * A page among the first OCCLIST_BY_POSITION of the plain list, from the
 * kept count of the operator's occupiers (count) and an OFFSET seek into
 * the (operator_id, name) index: no page index to build (sql/108).
 */
#define OCCLIST_BY_POSITION	20

static int
occupier_rows_at(struct arena *a, int64_t op, int64_t count, int32_t today,
    int64_t *page, int64_t per_page, int64_t *total,
    struct store_occupier **out, size_t *n)
{
	int64_t		 pages = (count + per_page - 1) / per_page;
	struct dbp	 p[] = { DBP_I(op), DBP_I(per_page), DBP_I(0) };
	struct dbres	 res;
	int		 rc;

	*total = count > 0 ? count : 0;
	if (*total == 0)
		return 1;
	if (*page > pages)
		*page = pages;
	p[2] = DBP_I((*page - 1) * per_page);
	if ((rc = db_query(a, STMT_OCCUPIER_LIST_AT, p, NPARAMS(p),
	    &res)) <= 0)
		return rc;
	occupier_group(a, &res, today, out, n);
	return 1;
}

int
store_occupier_page(struct arena *a, int64_t op, const char *q,
    int32_t today, int64_t *page, int64_t per_page, int64_t *total,
    struct store_occupier **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	struct occlist_entry	*e, uncached;
	const char		*pattern = store_like_pattern(a, q);
	int			 rc;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (*page < 1 || per_page < 1)
		return 0;
	if ((rc = db_query(a, STMT_OCCUPIER_NAMES_VERSION, p, NPARAMS(p),
	    &res)) < 0)
		return -1;
	if (rc > 0 && strcmp(pattern, "%%") == 0 &&
	    *page <= OCCLIST_BY_POSITION)
		return occupier_rows_at(a, op, dbrow_int(&res.rows[0], 1), today,
		    page, per_page, total, out, n);
	if (rc == 0) {
		e = &uncached;
		e->a = a;
		if (occlist_scan(a, e, op, 0, pattern, per_page) < 0)
			return -1;
	} else if ((e = occlist_find(a, op, dbrow_int(&res.rows[0], 0),
	    pattern, per_page)) == NULL)
		return -1;
	*total = e->total;
	if (e->npages == 0)
		return 1;
	if ((uint64_t)*page > e->npages)
		*page = (int64_t)e->npages;
	return occupier_rows(a, op, pattern, today, e->first_name[*page - 1],
	    e->first_id[*page - 1], per_page, out, n);
}

void
store_occupier_row(const struct dbrow *row, size_t k, struct store_occupier *o)
{
	o->id = dbrow_int(row, k);
	o->name = dbrow_str(row, k + 1);
	o->billing_ref = dbrow_str(row, k + 2);
	o->contact_email = dbrow_str(row, k + 3);
	o->notes = dbrow_str(row, k + 4);
	o->version = dbrow_int(row, k + 5);
}

/* "3,7,12" (GROUP_CONCAT of ids; NULL: none) into o->contract_sites. */
void
store_occupier_csites(struct arena *a, const struct dbrow *row, size_t k,
    struct store_occupier *o)
{
	const char	*s;
	size_t		 n = 1, i;
	int64_t		 v = 0;

	o->contract_sites = NULL;
	o->ncontract_sites = 0;
	if (dbrow_isnull(row, k) || *(s = dbrow_str(row, k)) == '\0')
		return;
	for (i = 0; s[i] != '\0'; i++)
		n += s[i] == ',';
	o->contract_sites = arena_calloc(a, n, sizeof(int64_t));
	for (i = 0;; i++) {
		if (s[i] >= '0' && s[i] <= '9' && v < INT64_MAX / 10) {
			v = v * 10 + (s[i] - '0');
			continue;
		}
		if (o->ncontract_sites < n && v > 0)
			o->contract_sites[o->ncontract_sites++] = v;
		v = 0;
		if (s[i] == '\0')
			break;
	}
}

int
store_occupier_get(struct arena *a, int64_t op, int64_t id,
    struct store_occupier *o)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(o, 0, sizeof(*o));
	if ((rc = db_query(a, STMT_OCCUPIER_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	store_occupier_row(&res.rows[0], 0, o);
	return 1;
}

/* A site and the collation weight of its name, for sorting. */
struct site_key {
	struct store_site	 s;
	const char		*w;
	size_t			 wlen;
};

static int
site_key_order(const void *a, const void *b)
{
	const struct site_key	*x = a, *y = b;
	int			 c;

	if ((c = weight_cmp(x->w, x->wlen, y->w, y->wlen)) != 0)
		return c;
	return (x->s.id > y->s.id) - (x->s.id < y->s.id);
}

/*
 * Per-worker cache of each operator's sites in name order, by the version
 * the triggers of sql/011_site_names.sql bump whenever a site is added,
 * renamed, re-addressed or deleted (by any client). Entries own their
 * arenas and are replaced oldest first, like the occupier list's. Version
 * 0 (no version row: an operator created since 011 with no site yet) is
 * read for the request alone and never kept.
 */
#define SITES_CACHE	8

static struct sites_entry {
	int64_t			 op, version;	/* op 0: empty */
	struct store_site	*sites;
	size_t			 n;
	struct arena		*a;
} sites_cache[SITES_CACHE];
static size_t	sites_next;

/* The operator's sites, by the collation weights of their names, into a. */
static int
sites_read(struct arena *a, struct arena *into, int64_t op,
    struct store_site **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	struct site_key		*k;
	struct store_site	*s;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_SITE_KEYS, p, NPARAMS(p), &res) < 0)
		return -1;
	k = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*k));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *row = &res.rows[i];

		k[i].s.id = dbrow_int(row, 0);
		k[i].s.name = dbrow_str(row, 1);
		k[i].s.address = dbrow_str(row, 2);
		k[i].w = dbrow_str(row, 3);
		k[i].wlen = row->len[3];
		k[i].s.currency = dbrow_str(row, 4);
		k[i].s.timezone = dbrow_str(row, 5);
		k[i].s.archived = dbrow_day(row, 6);
	}
	qsort(k, res.nrows, sizeof(*k), site_key_order);
	s = arena_calloc(into, res.nrows ? res.nrows : 1, sizeof(*s));
	for (i = 0; i < res.nrows; i++) {
		s[i].id = k[i].s.id;
		s[i].name = arena_strdup(into, k[i].s.name);
		s[i].address = arena_strdup(into, k[i].s.address);
		s[i].currency = arena_strdup(into, k[i].s.currency);
		s[i].timezone = arena_strdup(into, k[i].s.timezone);
		s[i].archived = k[i].s.archived;
	}
	*out = s;
	*n = res.nrows;
	return 1;
}

int
store_site_names(struct arena *a, int64_t op, int64_t version,
    const struct store_site **out, size_t *n)
{
	struct sites_entry	*e;
	struct store_site	*s;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (version == 0) {
		if (sites_read(a, a, op, &s, n) < 0)
			return -1;
		*out = s;
		return 1;
	}
	for (i = 0; i < SITES_CACHE; i++) {
		e = &sites_cache[i];
		if (e->op == op && e->version == version) {
			*out = e->sites;
			*n = e->n;
			return 1;
		}
	}
	e = &sites_cache[sites_next];
	if (e->a == NULL)
		e->a = arena_new(4096);
	else
		arena_reset(e->a);
	e->op = 0;
	if (sites_read(a, e->a, op, &e->sites, &e->n) < 0)
		return -1;
	e->op = op;
	e->version = version;
	sites_next = (sites_next + 1) % SITES_CACHE;
	*out = e->sites;
	*n = e->n;
	return 1;
}

int
store_occupier_sites(struct arena *a, int64_t op, int64_t occ, int64_t site,
    struct store_occupier *o, const struct store_site **sites, size_t *ns)
{
	struct dbp		 pa[] = { DBP_I(op), DBP_I(occ) };
	struct dbp		 p1[] = { DBP_I(site), DBP_I(op), DBP_I(occ) };
	struct dbres		 res;
	struct store_site	*s;
	int			 rc;

	memset(o, 0, sizeof(*o));
	*sites = NULL;
	*ns = 0;
	if (site <= 0) {
		if ((rc = db_query(a, STMT_OCCUPIER_HEAD, pa, NPARAMS(pa),
		    &res)) <= 0)
			return rc;
		store_occupier_row(&res.rows[0], 0, o);
		store_occupier_csites(a, &res.rows[0], 7, o);
		if (store_site_names(a, op, dbrow_int(&res.rows[0], 6), sites,
		    ns) < 0)
			return -1;
		return 1;
	}
	if ((rc = db_query(a, STMT_OCCUPIER_SITE, p1, NPARAMS(p1), &res)) <= 0)
		return rc;
	store_occupier_row(&res.rows[0], 0, o);
	if (dbrow_isnull(&res.rows[0], 6))
		return 1;	/* not the operator's site: none */
	s = arena_calloc(a, 1, sizeof(*s));
	s->id = dbrow_int(&res.rows[0], 6);
	s->name = dbrow_str(&res.rows[0], 7);
	s->address = dbrow_str(&res.rows[0], 8);
	*sites = s;
	*ns = 1;
	return 1;
}

int
store_occupier_name_taken(struct arena *a, int64_t op, const char *folded,
    int64_t except, const char **holder)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(except), DBP_S(folded) };
	struct dbres	 res;

	*holder = NULL;
	if (db_query(a, STMT_OCCUPIER_NAME_TAKEN, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*holder = dbrow_str(&res.rows[0], 0);
	return 1;
}

int
store_occupier_ref_taken(struct arena *a, int64_t op, const char *ref,
    int64_t except, const char **holder)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(ref), DBP_I(except) };
	struct dbres	 res;

	*holder = NULL;
	if (db_query(a, STMT_OCCUPIER_REF_TAKEN, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*holder = dbrow_str(&res.rows[0], 0);
	return 1;
}

int
store_occupier_insert(int64_t op, const struct store_occupier *o, int64_t *id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(o->name), DBP_S(o->billing_ref),
	    DBP_S(o->contact_email), DBP_S(o->notes) };
	uint64_t	 iid = 0;

	if (db_exec(STMT_OCCUPIER_INSERT, p, NPARAMS(p), &iid) < 0)
		return -1;
	*id = (int64_t)iid;
	return 1;
}

int
store_occupier_update(int64_t op, const struct store_occupier *o)
{
	struct dbp	 p[] = { DBP_S(o->name), DBP_S(o->billing_ref),
	    DBP_S(o->contact_email), DBP_S(o->notes), DBP_I(op), DBP_I(o->id),
	    DBP_I(o->version) };
	int64_t		 n;

	if ((n = db_exec(STMT_OCCUPIER_UPDATE, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

static void
pick_row(const struct dbrow *row, struct store_occupier *o)
{
	memset(o, 0, sizeof(*o));
	o->id = dbrow_int(row, 0);
	o->name = dbrow_str(row, 1);
	o->billing_ref = dbrow_str(row, 2);
}

int
store_occupier_pick(struct arena *a, int64_t op, int64_t site,
    const char *text, int64_t limit, struct store_occupier **out, size_t *n)
{
	const char	*pattern = store_like_pattern(a, text);
	struct dbp	 p[] = { DBP_I(op), DBP_S(pattern), DBP_S(pattern),
	    DBP_I(site), DBP_I(site), DBP_I(limit) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_OCCUPIER_PICK_LIKE, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		pick_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return 1;
}

int
store_occupier_resolve(struct arena *a, int64_t op, int64_t site,
    const char *text, struct store_occupier *o)
{
	struct dbp		 p[] = { DBP_S(text), DBP_I(op), DBP_S(text),
	    DBP_S(text), DBP_I(site), DBP_I(site) };
	struct dbres		 res;
	struct store_occupier	*like;
	size_t			 n;

	memset(o, 0, sizeof(*o));
	if (db_query(a, STMT_OCCUPIER_PICK_EXACT, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows > 0) {
		/* References first: one equal reference names it; two equal
		 * references, or no reference and two equal names, do not. */
		if (res.nrows > 1 && dbrow_int(&res.rows[0], 3) ==
		    dbrow_int(&res.rows[1], 3))
			return 2;
		pick_row(&res.rows[0], o);
		return 1;
	}
	if (store_occupier_pick(a, op, site, text, 2, &like, &n) < 0)
		return -1;
	if (n != 1)
		return n == 0 ? 0 : 2;
	*o = like[0];
	return 1;
}
