/*
 * store_site: sites, floors and floor ports. See store.h.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "db.h"
#include "store.h"

int
store_site_list(struct arena *a, int64_t op, int figures,
    struct store_site **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	struct store_site	*s;
	size_t			 i;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, figures ? STMT_SITE_LIST : STMT_SITE_NAMES, p, NPARAMS(p), &res)) <= 0)
		return rc;
	s = arena_calloc(a, res.nrows, sizeof(*s));
	for (i = 0; i < res.nrows; i++) {
		s[i].id = dbrow_int(&res.rows[i], 0);
		s[i].name = dbrow_str(&res.rows[i], 1);
		s[i].address = dbrow_str(&res.rows[i], 2);
		s[i].nfloors = dbrow_int(&res.rows[i], 3);
		s[i].nports = dbrow_int(&res.rows[i], 4);
		s[i].noccupiers = dbrow_int(&res.rows[i], 5);
		s[i].currency = dbrow_str(&res.rows[i], 6);
		s[i].timezone = dbrow_str(&res.rows[i], 7);
		s[i].archived = dbrow_day(&res.rows[i], 8);
	}
	*out = s;
	*n = res.nrows;
	return 1;
}

int
store_site_list_in_use(struct arena *a, int64_t op, struct store_site **out,
    size_t *n)
{
	size_t	 i, k;
	int	 rc;

	if ((rc = store_site_list(a, op, 0, out, n)) <= 0)
		return rc;
	for (i = k = 0; i < *n; i++)
		if ((*out)[i].archived == DATE_NONE)
			(*out)[k++] = (*out)[i];
	*n = k;
	return 1;
}

int
store_site_has_contract(struct arena *a, int64_t op, int64_t site)
{
	struct dbp	 p[] = { DBP_I(site), DBP_I(op) };
	struct dbres	 res;
	int		 rc;

	if ((rc = db_query(a, STMT_SITE_HAS_CONTRACT, p, NPARAMS(p),
	    &res)) <= 0)
		return rc;
	return dbrow_int(&res.rows[0], 0) != 0;
}

int
store_site_get(struct arena *a, int64_t op, int64_t id, struct store_site *s)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(s, 0, sizeof(*s));
	if ((rc = db_query(a, STMT_SITE_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	s->id = dbrow_int(&res.rows[0], 0);
	s->name = dbrow_str(&res.rows[0], 1);
	s->address = dbrow_str(&res.rows[0], 2);
	s->archived = dbrow_day(&res.rows[0], 3);
	return 1;
}

int
store_floor_list(struct arena *a, int64_t op, int64_t site,
    struct store_floor **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(site) };
	struct dbres		 res;
	struct store_floor	*f;
	size_t			 i;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, STMT_FLOOR_LIST, p, NPARAMS(p), &res)) <= 0)
		return rc;
	f = arena_calloc(a, res.nrows, sizeof(*f));
	for (i = 0; i < res.nrows; i++) {
		f[i].id = dbrow_int(&res.rows[i], 0);
		f[i].name = dbrow_str(&res.rows[i], 1);
		f[i].level = dbrow_int(&res.rows[i], 2);
	}
	*out = f;
	*n = res.nrows;
	return 1;
}

static struct store_port *ports_from_rows(struct arena *,
		    const struct dbres *);

int
store_port_list_site(struct arena *a, int64_t op, int64_t site,
    struct store_port **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(site) };
	struct dbres		 res;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, STMT_PORT_LIST_SITE, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*out = ports_from_rows(a, &res);
	*n = res.nrows;
	return 1;
}

int
store_port_page(struct arena *a, int64_t op, int64_t site, int64_t anchor,
    int before, size_t limit, struct store_port **out, size_t *n)
{
	struct dbp	 pa[] = { DBP_I(op), DBP_I(site), DBP_I(anchor),
			    DBP_I(op), DBP_I(site), DBP_I(anchor),
			    DBP_I((int64_t)limit) };
	struct dbp	 pb[] = { DBP_I(op), DBP_I(site), DBP_I(op),
			    DBP_I(site), DBP_I(anchor), DBP_I((int64_t)limit) };
	struct dbres	 res;
	int		 rc;

	*out = NULL;
	*n = 0;
	rc = before ? db_query(a, STMT_PORT_PAGE_BEFORE, pb, NPARAMS(pb), &res) :
	    db_query(a, STMT_PORT_PAGE_AFTER, pa, NPARAMS(pa), &res);
	if (rc <= 0)
		return rc;
	*out = ports_from_rows(a, &res);
	*n = res.nrows;
	return 1;
}

int
store_port_get_site(struct arena *a, int64_t op, int64_t site, int64_t id,
    struct store_port *out)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_query(a, STMT_PORT_GET_SITE, p, NPARAMS(p), &res)) <= 0)
		return rc;
	if (res.nrows == 0)
		return 0;
	*out = ports_from_rows(a, &res)[0];
	return 1;
}

static struct store_port *
ports_from_rows(struct arena *a, const struct dbres *res)
{
	struct store_port	*pt;
	size_t			 i;

	pt = arena_calloc(a, res->nrows ? res->nrows : 1, sizeof(*pt));
	for (i = 0; i < res->nrows; i++) {
		const struct dbrow *r = &res->rows[i];

		pt[i].id = dbrow_int(r, 0);
		pt[i].floor_id = dbrow_int(r, 1);
		pt[i].label = dbrow_str(r, 2);
		pt[i].switch_name = dbrow_str(r, 3);
		pt[i].switch_port = dbrow_int(r, 4);
		pt[i].role = dbrow_str(r, 5);
		pt[i].occupier_id = dbrow_int(r, 6);
		pt[i].occupier_name = dbrow_str(r, 7);
		pt[i].state = dbrow_str(r, 8);
	}
	return pt;
}
