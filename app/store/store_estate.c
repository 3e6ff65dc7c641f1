/*
 * store_estate: sites as the operator admin sets them up (sql_estate.def).
 */
#include <stddef.h>
#include <stdint.h>

#include "../domain/date.h"
#include "db.h"
#include "store_estate.h"

int
store_estate_site_get(struct arena *a, int64_t op, int64_t id,
    struct store_estate_site *s)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;

	if (db_query(a, STMT_ESTATE_SITE_GET, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	s->id = dbrow_int(&res.rows[0], 0);
	s->name = dbrow_str(&res.rows[0], 1);
	s->address = dbrow_str(&res.rows[0], 2);
	s->timezone = dbrow_str(&res.rows[0], 3);
	s->currency = dbrow_str(&res.rows[0], 4);
	s->archived = dbrow_day(&res.rows[0], 5);
	return 1;
}

int
store_estate_site_archived(struct arena *a, int64_t op, int64_t id,
    const char **name, int32_t *archived)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;

	if (db_query(a, STMT_ESTATE_SITE_ARCHIVED, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*name = dbrow_str(&res.rows[0], 0);
	*archived = dbrow_day(&res.rows[0], 1);
	return 1;
}

int64_t
store_estate_site_running(struct arena *a, int64_t op, int64_t id,
    int32_t day)
{
	char		 buf[DATE_STRLEN];
	struct dbp	 p[] = { DBP_I(op), DBP_I(id), dbp_day(day, buf) };
	struct dbres	 res;

	if (db_query(a, STMT_ESTATE_SITE_RUNNING, p, NPARAMS(p), &res) < 0 ||
	    res.nrows != 1)
		return -1;
	return dbrow_int(&res.rows[0], 0);
}

int
store_estate_site_archive(int64_t op, int64_t id, int32_t day)
{
	char		 buf[DATE_STRLEN];
	struct dbp	 p[] = { dbp_day(day, buf), DBP_I(op), DBP_I(id) };

	return db_exec(STMT_ESTATE_SITE_ARCHIVE, p, NPARAMS(p), NULL) < 0 ?
	    -1 : 1;
}

int
store_estate_site_name_taken(struct arena *a, int64_t op, const char *name,
    int64_t id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(name), DBP_I(id) };
	struct dbres	 res;

	if (db_query(a, STMT_ESTATE_SITE_NAME_TAKEN, p, NPARAMS(p), &res) < 0 ||
	    res.nrows != 1)
		return -1;
	return dbrow_int(&res.rows[0], 0) > 0 ? 1 : 0;
}

/* "" stored as NULL: the operator's. */
static struct dbp
or_null(const char *s)
{
	return s == NULL || *s == '\0' ? DBP_NUL : DBP_S(s);
}

int
store_estate_site_put(int64_t op, const struct store_estate_site *s,
    int64_t *id)
{
	struct dbp	 pi[] = { DBP_I(op), DBP_S(s->name), DBP_S(s->address),
	    or_null(s->timezone), or_null(s->currency) };
	struct dbp	 pu[] = { DBP_S(s->name), DBP_S(s->address),
	    or_null(s->timezone), or_null(s->currency), DBP_I(op),
	    DBP_I(s->id) };
	uint64_t	 nid = 0;

	if (s->id != 0) {
		*id = s->id;
		return db_exec(STMT_ESTATE_SITE_UPDATE, pu, NPARAMS(pu),
		    NULL) < 0 || db_exec(STMT_ESTATE_SITE_NAMES_BUMP, pu + 4, 1,
		    NULL) < 0 ? -1 : 1;
	}
	if (db_exec(STMT_ESTATE_SITE_INSERT, pi, NPARAMS(pi), &nid) < 0)
		return -1;
	*id = (int64_t)nid;
	return 1;
}

int64_t
store_estate_numbers_overlap(struct arena *a, int64_t op, int64_t first,
    int64_t last)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(first), DBP_I(last) };
	struct dbres	 res;

	if (db_query(a, STMT_ESTATE_NUMBERS_OVERLAP, p, NPARAMS(p), &res) < 0 ||
	    res.nrows != 1)
		return -1;
	return dbrow_int(&res.rows[0], 0);
}

int
store_estate_number_insert(int64_t op, int64_t site, const char *number,
    int ported_in)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_S(number),
	    DBP_I(ported_in ? 1 : 0) };

	return db_exec(STMT_ESTATE_NUMBER_INSERT, p, NPARAMS(p), NULL) < 0 ?
	    -1 : 1;
}
