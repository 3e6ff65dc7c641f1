/*
 * store_network: switches, floor ports and IP pools (sql_network.def).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../arena.h"
#include "db.h"
#include "store_network.h"

int
store_switch_list(struct arena *a, int64_t op, int64_t site,
    struct store_switch **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_NET_SWITCH_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 1;
	*out = arena_calloc(a, res.nrows, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		(*out)[i].name = dbrow_str(&res.rows[i], 1);
		(*out)[i].model = dbrow_str(&res.rows[i], 2);
		(*out)[i].ports = dbrow_int(&res.rows[i], 3);
		(*out)[i].used = dbrow_int(&res.rows[i], 4);
	}
	*n = res.nrows;
	return 1;
}

int
store_switch_by_name(struct arena *a, int64_t op, int64_t site,
    const char *name, int64_t *id, int64_t *ports)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_S(name) };
	struct dbres	 res;

	if (db_query(a, STMT_NET_SWITCH_BY_NAME, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*id = dbrow_int(&res.rows[0], 0);
	*ports = dbrow_int(&res.rows[0], 1);
	return 1;
}

int
store_switch_insert(int64_t op, int64_t site, const char *name,
    const char *model, int64_t ports, int64_t *id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_S(name),
	    DBP_S(model), DBP_I(ports) };
	uint64_t	 k = 0;

	if (db_exec(STMT_NET_SWITCH_INSERT, p, NPARAMS(p), &k) < 0)
		return -1;
	*id = (int64_t)k;
	return 1;
}

int
store_net_floor_get(struct arena *a, int64_t op, int64_t site, int64_t floor,
    const char **name)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(floor) };
	struct dbres	 res;

	if (db_query(a, STMT_NET_FLOOR_GET, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*name = dbrow_str(&res.rows[0], 0);
	return 1;
}

int
store_port_clash(struct arena *a, int64_t op, int64_t site,
    const char *label, const char *sw, int64_t port, const char **what)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_S(label),
	    DBP_S(sw), DBP_I(port) };
	struct dbres	 res;

	if (db_query(a, STMT_NET_PORT_CLASH, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*what = strcmp(dbrow_str(&res.rows[0], 0), label) == 0 ? "label" :
	    "switch";
	return 1;
}

int
store_port_insert(int64_t op, int64_t site, int64_t floor, const char *label,
    const char *sw, int64_t port, const char *role, int64_t space)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(floor),
	    DBP_S(label), DBP_S(sw), DBP_I(port), DBP_S(role),
	    space > 0 ? DBP_I(space) : DBP_NUL };

	return db_exec(STMT_NET_PORT_INSERT, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_ip_pool_list(struct arena *a, int64_t op, int64_t site,
    struct store_ip_pool **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_NET_POOL_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 1;
	*out = arena_calloc(a, res.nrows, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		(*out)[i].cidr = dbrow_str(&res.rows[i], 1);
		(*out)[i].addresses = dbrow_int(&res.rows[i], 2);
		(*out)[i].free = dbrow_int(&res.rows[i], 3);
	}
	*n = res.nrows;
	return 1;
}

int
store_ip_pool_overlap(struct arena *a, int64_t op, uint32_t first,
    uint32_t last, const char **cidr)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(last), DBP_I(first) };
	struct dbres	 res;

	if (db_query(a, STMT_NET_POOL_OVERLAP, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*cidr = dbrow_str(&res.rows[0], 0);
	return 1;
}

int64_t
store_ip_in_range(struct arena *a, int64_t op, uint32_t first, uint32_t last)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(first), DBP_I(last) };
	struct dbres	 res;

	if (db_query(a, STMT_NET_IP_OVERLAP, p, NPARAMS(p), &res) < 0 ||
	    res.nrows != 1)
		return -1;
	return dbrow_int(&res.rows[0], 0);
}

int
store_ip_pool_insert(int64_t op, int64_t site, const char *cidr,
    uint32_t first, uint32_t last, int64_t *id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_S(cidr),
	    DBP_I(first), DBP_I(last) };
	uint64_t	 k = 0;

	if (db_exec(STMT_NET_POOL_INSERT, p, NPARAMS(p), &k) < 0)
		return -1;
	*id = (int64_t)k;
	return 1;
}

int
store_space_by_name(struct arena *a, int64_t op, int64_t floor,
    const char *name, int64_t *id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(floor), DBP_S(name) };
	struct dbres	 res;

	if (db_query(a, STMT_NET_SPACE_BY_NAME, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*id = dbrow_int(&res.rows[0], 0);
	return 1;
}
