/*
 * store_device: see store_device.h.
 */
#include <string.h>

#include <mysqld_error.h>

#include "../arena.h"
#include "db.h"
#include "store.h"
#include "store_device.h"

int
store_device_plan_lock(struct arena *a, int64_t op, int64_t occ, int64_t site)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres	 res;
	int64_t		 version;
	int		 rc;

	/* The common case locks the existing row without the shared lock
	 * INSERT IGNORE takes (two of those upgrading would deadlock). */
	if ((rc = db_query(a, STMT_DEV_PLAN_LOCK, p, NPARAMS(p), &res)) != 0)
		return rc < 0 ? -1 : 1;
	return store_plan_version(a, op, occ, site, &version);
}

int
store_device_pending(struct arena *a, int64_t op, int64_t occ, int64_t site,
    const char *day, struct store_pending **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site),
	    DBP_S(day) };
	struct dbres		 res;
	struct store_pending	*s;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_DEV_PENDING_SVC, p, NPARAMS(p), &res) < 0)
		return -1;
	s = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*s));
	for (i = 0; i < res.nrows; i++) {
		s[i].id = dbrow_int(&res.rows[i], 0);
		s[i].name = dbrow_str(&res.rows[i], 1);
		s[i].start = dbrow_day(&res.rows[i], 2);
		s[i].activated = dbrow_day(&res.rows[i], 3);
		s[i].ports = dbrow_int(&res.rows[i], 4);
	}
	*out = s;
	*n = res.nrows;
	return 1;
}

int
store_hport_lock(struct arena *a, int64_t op, int64_t site, int64_t id,
    struct store_hport *h)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(site), DBP_I(id) };
	struct dbres		 res;
	const struct dbrow	*r;
	int			 rc;

	memset(h, 0, sizeof(*h));
	if ((rc = db_query(a, STMT_DEV_PORT_LOCK, p, NPARAMS(p), &res)) <= 0)
		return rc < 0 ? -1 : 0;
	r = &res.rows[0];
	h->id = dbrow_int(r, 0);
	h->floor_id = dbrow_int(r, 1);
	h->floor_name = "";
	h->label = dbrow_str(r, 2);
	h->switch_name = dbrow_str(r, 3);
	h->switch_port = dbrow_int(r, 4);
	h->role = dbrow_str(r, 5);
	h->occupier_id = dbrow_int(r, 6);
	h->state = dbrow_str(r, 7);
	return 1;
}

int
store_hport_set(int64_t op, int64_t site, int64_t id, int64_t occ,
    const char *role, const char *state)
{
	struct dbp	 p[] = { occ > 0 ? DBP_I(occ) : DBP_NUL, DBP_S(role),
	    DBP_S(state), DBP_I(op), DBP_I(site), DBP_I(id) };
	int64_t		 n;

	if ((n = db_exec(STMT_DEV_PORT_SET, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_hport_count(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t *held, int64_t *active)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres	 res;

	*held = *active = 0;
	if (db_query(a, STMT_DEV_PORT_COUNT, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows > 0) {
		*held = dbrow_int(&res.rows[0], 0);
		*active = dbrow_int(&res.rows[0], 1);
	}
	return 1;
}

int
store_hport_list(struct arena *a, int64_t op, int64_t occ, int64_t site,
    struct store_hport **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres		 res;
	struct store_hport	*h;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_DEV_PORT_LIST_OCC, p, NPARAMS(p), &res) < 0)
		return -1;
	h = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*h));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		h[i].id = dbrow_int(r, 0);
		h[i].floor_id = dbrow_int(r, 1);
		h[i].floor_name = dbrow_str(r, 2);
		h[i].label = dbrow_str(r, 3);
		h[i].switch_name = dbrow_str(r, 4);
		h[i].switch_port = dbrow_int(r, 5);
		h[i].role = dbrow_str(r, 6);
		h[i].occupier_id = occ;
		h[i].state = dbrow_str(r, 7);
	}
	*out = h;
	*n = res.nrows;
	return 1;
}

int
store_device_site_occupiers(struct arena *a, int64_t op, int64_t site,
    struct store_holder **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(site), DBP_I(site) };
	struct dbres		 res;
	struct store_holder	*h;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_DEV_SITE_OCCUPIERS, p, NPARAMS(p), &res) < 0)
		return -1;
	h = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*h));
	for (i = 0; i < res.nrows; i++) {
		h[i].id = dbrow_int(&res.rows[i], 0);
		h[i].name = dbrow_str(&res.rows[i], 1);
	}
	*out = h;
	*n = res.nrows;
	return 1;
}

static void
ip_row(const struct dbrow *r, struct store_public_ip *ip)
{
	ip->id = dbrow_int(r, 0);
	ip->address = dbrow_str(r, 1);
	ip->block = dbrow_str(r, 2);
	ip->state = dbrow_str(r, 3);
	ip->device_mac = dbrow_str(r, 4);
}

int
store_public_ip_list(struct arena *a, int64_t op, int64_t occ, int64_t site,
    struct store_public_ip **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres		 res;
	struct store_public_ip	*ip;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_DEV_IP_LIST_OCC, p, NPARAMS(p), &res) < 0)
		return -1;
	ip = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*ip));
	for (i = 0; i < res.nrows; i++)
		ip_row(&res.rows[i], &ip[i]);
	*out = ip;
	*n = res.nrows;
	return 1;
}

int
store_public_ip_lock(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t id, struct store_public_ip *ip)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(ip, 0, sizeof(*ip));
	if ((rc = db_query(a, STMT_DEV_IP_LOCK, p, NPARAMS(p), &res)) <= 0)
		return rc < 0 ? -1 : 0;
	ip_row(&res.rows[0], ip);
	return 1;
}

int
store_public_ip_set(int64_t op, int64_t id, const char *state,
    const char *mac)
{
	struct dbp	 p[] = { DBP_S(state), DBP_S(mac), DBP_I(op), DBP_I(id) };
	int64_t		 n;

	if ((n = db_exec(STMT_DEV_IP_SET, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_public_ip_pool(struct arena *a, int64_t op, int64_t site,
    int64_t *total, int64_t *nfree)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site) };
	struct dbres	 res;

	*total = *nfree = 0;
	if (db_query(a, STMT_DEV_IP_POOL, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows > 0) {
		*total = dbrow_int(&res.rows[0], 0);
		*nfree = dbrow_int(&res.rows[0], 1);
	}
	return 1;
}

int
store_public_ip_sync(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t want, int64_t *have)
{
	struct dbp	 ph[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres	 held, fr;
	int64_t		 n, need, releasable = 0;
	size_t		 i;

	*have = 0;
	if (want < 0)
		want = 0;
	if (db_query(a, STMT_DEV_IP_HELD_LOCK, ph, NPARAMS(ph), &held) < 0)
		return -1;
	n = (int64_t)held.nrows;
	*have = n;
	if (n == want)
		return 1;
	if (n < want) {
		struct dbp pf[] = { DBP_I(op), DBP_I(site), DBP_I(want - n) };

		need = want - n;
		if (db_query(a, STMT_DEV_IP_FREE_LOCK, pf, NPARAMS(pf),
		    &fr) < 0)
			return -1;
		if ((int64_t)fr.nrows < need)
			return -2;	/* short pool: nothing changed */
		for (i = 0; i < fr.nrows; i++) {
			int64_t id = dbrow_int(&fr.rows[i], 0);
			struct dbp pa[] = { DBP_I(occ), DBP_I(op), DBP_I(id) };

			if (db_exec(STMT_DEV_IP_ASSIGN, pa, NPARAMS(pa),
			    NULL) != 1)
				return -1;
			if (store_audit(op, occ, site, 0, "public_ip", id,
			    "assign", NULL, arena_printf(a, "address=%s\n"
			    "state=assigned", dbrow_str(&fr.rows[i], 1))) < 0)
				return -1;
		}
		*have = want;
		return 1;
	}
	for (i = 0; i < held.nrows; i++)
		if (strcmp(dbrow_str(&held.rows[i], 2), "assigned") == 0)
			releasable++;
	if (releasable < n - want)
		return -2;	/* would drop an active address */
	need = n - want;
	for (i = held.nrows; i > 0 && need > 0; i--) {
		const struct dbrow	*r = &held.rows[i - 1];
		int64_t			 id = dbrow_int(r, 0);
		struct dbp		 pr[] = { DBP_I(op), DBP_I(id) };

		if (strcmp(dbrow_str(r, 2), "assigned") != 0)
			continue;
		if (db_exec(STMT_DEV_IP_RELEASE, pr, NPARAMS(pr), NULL) != 1)
			return -1;
		if (store_audit(op, occ, site, 0, "public_ip", id, "release",
		    arena_printf(a, "address=%s\nstate=assigned",
		    dbrow_str(r, 1)), NULL) < 0)
			return -1;
		need--;
	}
	*have = want;
	return 1;
}

int
store_public_ip_insert(int64_t op, int64_t site, const char *address,
    const char *block, int64_t occ, const char *state, const char *mac)
{
	struct dbp	 p[] = { DBP_S(address), DBP_S(block),
	    occ > 0 ? DBP_I(occ) : DBP_NUL, DBP_S(state), DBP_S(mac),
	    DBP_I(op), DBP_I(site) };
	int64_t		 n;

	if ((n = db_exec(STMT_DEV_IP_INSERT, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

static void
device_row(const struct dbrow *r, struct store_device *d)
{
	d->id = dbrow_int(r, 0);
	d->type = dbrow_str(r, 1);
	d->identifier = dbrow_str(r, 2);
	d->label = dbrow_str(r, 3);
	d->state = dbrow_str(r, 4);
}

int
store_device_list(struct arena *a, int64_t op, int64_t occ, int64_t site,
    struct store_device **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres		 res;
	struct store_device	*d;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_DEV_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	d = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*d));
	for (i = 0; i < res.nrows; i++)
		device_row(&res.rows[i], &d[i]);
	*out = d;
	*n = res.nrows;
	return 1;
}

int
store_device_lock(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t id, struct store_device *d)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(d, 0, sizeof(*d));
	if ((rc = db_query(a, STMT_DEV_LOCK, p, NPARAMS(p), &res)) <= 0)
		return rc < 0 ? -1 : 0;
	device_row(&res.rows[0], d);
	return 1;
}

int
store_device_insert(int64_t op, int64_t occ, int64_t site, const char *type,
    const char *identifier, const char *label, const char *state,
    int64_t *id)
{
	struct dbp	 p[] = { DBP_S(type), DBP_S(identifier), DBP_S(label),
	    DBP_S(state), DBP_I(op), DBP_I(occ), DBP_I(site) };
	uint64_t	 iid = 0;
	int64_t		 n;

	if (id != NULL)
		*id = 0;
	if ((n = db_exec(STMT_DEV_INSERT, p, NPARAMS(p), &iid)) < 0)
		return db_errno() == ER_DUP_ENTRY ? -2 : -1;
	if (n == 0)
		return 0;
	if (id != NULL)
		*id = (int64_t)iid;
	return 1;
}

int
store_device_set_state(int64_t op, int64_t id, const char *state)
{
	struct dbp	 p[] = { DBP_S(state), DBP_I(op), DBP_I(id) };
	int64_t		 n;

	if ((n = db_exec(STMT_DEV_SET_STATE, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_device_delete(int64_t op, int64_t id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	int64_t		 n;

	if ((n = db_exec(STMT_DEV_DELETE, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}
