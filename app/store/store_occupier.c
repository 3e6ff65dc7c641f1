/*
 * store_occupier: occupiers and the audit trail. See store.h.
 */
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

int
store_audit(int64_t op, int64_t occ, int64_t site, int64_t user,
    const char *entity, int64_t entity_id, const char *action,
    const char *old_value, const char *new_value)
{
	struct dbp	 p[] = { DBP_I(op), occ > 0 ? DBP_I(occ) : DBP_NUL,
	    site > 0 ? DBP_I(site) : DBP_NUL, user > 0 ? DBP_I(user) : DBP_NUL,
	    DBP_S(entity), DBP_I(entity_id), DBP_S(action), DBP_S(old_value),
	    DBP_S(new_value), DBP_NUL };
	char		 d[DATE_STRLEN];

	if (business_day != DATE_NONE) {
		date_format(business_day, d, sizeof(d));
		p[9] = DBP_S(d);
	}
	return db_exec(STMT_AUDIT_INSERT, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_occupier_count(struct arena *a, int64_t op, const char *q,
    int64_t *count)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(store_like_pattern(a, q)) };
	struct dbres	 res;
	int		 rc;

	*count = 0;
	if ((rc = db_query(a, STMT_OCCUPIER_COUNT, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*count = dbrow_int(&res.rows[0], 0);
	return 1;
}

int
store_occupier_list(struct arena *a, int64_t op, const char *q,
    const char *today, int64_t offset, int64_t limit,
    struct store_occupier **out, size_t *n)
{
	struct dbp		 p[] = { DBP_S(today), DBP_S(today), DBP_I(op),
	    DBP_S(store_like_pattern(a, q)), DBP_I(limit), DBP_I(offset) };
	struct dbres		 res;
	struct store_occupier	*o;
	size_t			 i;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, STMT_OCCUPIER_LIST, p, NPARAMS(p), &res)) <= 0)
		return rc;
	o = arena_calloc(a, res.nrows, sizeof(*o));
	for (i = 0; i < res.nrows; i++) {
		o[i].id = dbrow_int(&res.rows[i], 0);
		o[i].name = dbrow_str(&res.rows[i], 1);
		o[i].billing_ref = dbrow_str(&res.rows[i], 2);
		o[i].sites = dbrow_str(&res.rows[i], 3);
		o[i].active_contracts = dbrow_int(&res.rows[i], 4);
	}
	*out = o;
	*n = res.nrows;
	return 1;
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
	o->id = dbrow_int(&res.rows[0], 0);
	o->name = dbrow_str(&res.rows[0], 1);
	o->billing_ref = dbrow_str(&res.rows[0], 2);
	o->contact_email = dbrow_str(&res.rows[0], 3);
	o->notes = dbrow_str(&res.rows[0], 4);
	o->version = dbrow_int(&res.rows[0], 5);
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
