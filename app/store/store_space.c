/*
 * store_space: floors, spaces and contract spaces (sql_space.def).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../arena.h"
#include "db.h"
#include "store_space.h"

static int
count(struct arena *a, enum stmt st, const struct dbp *p, size_t n)
{
	struct dbres	 res;

	if (db_query(a, st, p, n, &res) < 0 || res.nrows != 1)
		return -1;
	return dbrow_int(&res.rows[0], 0) > 0 ? 1 : 0;
}

int
store_floor_taken(struct arena *a, int64_t op, int64_t site, const char *name)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_S(name) };

	return count(a, STMT_SPACE_FLOOR_TAKEN, p, NPARAMS(p));
}

int
store_floor_insert(int64_t op, int64_t site, const char *name, int64_t level,
    int64_t *id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_S(name),
	    DBP_I(level) };
	uint64_t	 iid = 0;

	if (db_exec(STMT_SPACE_FLOOR_INSERT, p, NPARAMS(p), &iid) < 0)
		return -1;
	*id = (int64_t)iid;
	return 1;
}

static void
row_space(const struct dbrow *w, struct store_space *s)
{
	memset(s, 0, sizeof(*s));
	s->id = dbrow_int(w, 0);
	s->floor_id = dbrow_int(w, 1);
	s->name = dbrow_str(w, 2);
	s->kind = dbrow_str(w, 3);
	s->capacity = dbrow_int(w, 4);
	s->archived = dbrow_int(w, 5) != 0;
	s->ports = s->holder = s->floor_name = "";
}

int
store_space_list(struct arena *a, int64_t op, int64_t site,
    struct store_space **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_SPACE_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 1;
	*out = arena_calloc(a, res.nrows, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		row_space(&res.rows[i], &(*out)[i]);
		(*out)[i].ports = dbrow_str(&res.rows[i], 6);
		(*out)[i].holder = dbrow_str(&res.rows[i], 7);
	}
	*n = res.nrows;
	return 1;
}

int
store_space_get(struct arena *a, int64_t op, int64_t site, int64_t id,
    struct store_space *s)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(id) };
	struct dbres	 res;

	if (db_query(a, STMT_SPACE_GET, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	row_space(&res.rows[0], s);
	return 1;
}

int
store_space_taken(struct arena *a, int64_t op, int64_t floor,
    const char *name, int64_t id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(floor), DBP_S(name), DBP_I(id) };

	return count(a, STMT_SPACE_NAME_TAKEN, p, NPARAMS(p));
}

int
store_space_put(int64_t op, int64_t site, const struct store_space *s,
    int64_t *id)
{
	struct dbp	 pi[] = { DBP_I(op), DBP_I(site), DBP_I(s->floor_id),
	    DBP_S(s->name), DBP_S(s->kind), DBP_I(s->capacity) };
	struct dbp	 pu[] = { DBP_I(s->floor_id), DBP_S(s->name),
	    DBP_S(s->kind), DBP_I(s->capacity), DBP_I(op), DBP_I(s->id) };
	uint64_t	 nid = 0;

	if (s->id != 0) {
		*id = s->id;
		return db_exec(STMT_SPACE_UPDATE, pu, NPARAMS(pu), NULL) < 0 ?
		    -1 : 1;
	}
	if (db_exec(STMT_SPACE_INSERT, pi, NPARAMS(pi), &nid) < 0)
		return -1;
	*id = (int64_t)nid;
	return 1;
}

int
store_space_in_use(struct arena *a, int64_t op, int64_t id, int64_t *held,
    int64_t *ports)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id), DBP_I(op), DBP_I(id) };
	struct dbres	 res;

	if (db_query(a, STMT_SPACE_IN_USE, p, NPARAMS(p), &res) < 0 ||
	    res.nrows != 1)
		return -1;
	*held = dbrow_int(&res.rows[0], 0);
	*ports = dbrow_int(&res.rows[0], 1);
	return 1;
}

int
store_space_archive(int64_t op, int64_t id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };

	return db_exec(STMT_SPACE_ARCHIVE, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_cspace_list(struct arena *a, int64_t op, int64_t contract,
    struct store_space **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(contract) };
	struct dbres	 res;
	struct store_space *s;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_CSPACE_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 1;
	*out = arena_calloc(a, res.nrows, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		s = &(*out)[i];
		s->id = dbrow_int(&res.rows[i], 0);
		s->name = dbrow_str(&res.rows[i], 1);
		s->kind = dbrow_str(&res.rows[i], 2);
		s->capacity = dbrow_int(&res.rows[i], 3);
		s->floor_name = dbrow_str(&res.rows[i], 4);
		s->ports = dbrow_str(&res.rows[i], 5);
		s->holder = "";
	}
	*n = res.nrows;
	return 1;
}

int
store_cspace_held(struct arena *a, int64_t op, int64_t contract,
    int64_t space, const char **ref)
{
	struct dbp	 p[] = { DBP_I(contract), DBP_I(op), DBP_I(space) };
	struct dbres	 res;

	if (db_query(a, STMT_CSPACE_HELD, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*ref = dbrow_str(&res.rows[0], 0);
	return 1;
}

int
store_cspace_insert(int64_t op, int64_t contract, int64_t space)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(contract), DBP_I(space) };

	return db_exec(STMT_CSPACE_INSERT, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_cspace_delete(int64_t op, int64_t contract, int64_t space)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(contract), DBP_I(space) };
	int64_t		 n;

	if ((n = db_exec(STMT_CSPACE_DELETE, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_pspace_get(struct arena *a, int64_t op, int64_t site, int64_t id,
    const char **label, int64_t *space, const char **space_name)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(id) };
	struct dbres	 res;

	if (db_query(a, STMT_PSPACE_GET, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*label = dbrow_str(&res.rows[0], 0);
	*space = dbrow_int(&res.rows[0], 1);
	*space_name = dbrow_str(&res.rows[0], 2);
	return 1;
}

int
store_pspace_set(int64_t op, int64_t id, int64_t space)
{
	struct dbp	 p[] = { space > 0 ? DBP_I(space) : DBP_NUL, DBP_I(op),
	    DBP_I(id) };

	return db_exec(STMT_PSPACE_SET, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}
