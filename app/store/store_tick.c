/*
 * store_tick: the daily job's statements (sql_tick.def; store_tick.h).
 */
#include <stddef.h>
#include <stdint.h>

#include "../arena.h"
#include "../domain/date.h"
#include "db.h"
#include "store_tick.h"

int
store_tick_operators(struct arena *a, struct store_tick_op **out, size_t *n)
{
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_TICK_OPERATORS, NULL, 0, &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 1;
	if ((*out = arena_alloc(a, res.nrows * sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		(*out)[i].timezone = dbrow_str(&res.rows[i], 1);
	}
	*n = res.nrows;
	return 1;
}

int
store_tick_claim(int64_t op, int32_t day, const char *host, int64_t now)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[] = { DBP_I(op), dbp_day(day, d), DBP_S(host),
	    DBP_I(now) };
	int64_t		 n;

	if ((n = db_exec(STMT_TICK_CLAIM, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_tick_finish(int64_t op, int32_t day, int64_t now)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[] = { DBP_I(now), DBP_I(op), dbp_day(day, d) };

	return db_exec(STMT_TICK_FINISH, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int64_t
store_tick_cooloff_end(int64_t op, int32_t day)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[] = { DBP_I(op), dbp_day(day, d) };

	return db_exec(STMT_TICK_COOLOFF_END, p, NPARAMS(p), NULL);
}

int
store_tick_moveouts(struct arena *a, int64_t op, int32_t day,
    struct store_tick_contract **out, size_t *n)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[] = { DBP_I(op), dbp_day(day, d) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_TICK_MOVEOUTS, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 1;
	if ((*out = arena_alloc(a, res.nrows * sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		(*out)[i].occ = dbrow_int(&res.rows[i], 1);
		(*out)[i].site = dbrow_int(&res.rows[i], 2);
		(*out)[i].end = dbrow_day(&res.rows[i], 3);
		(*out)[i].reference = dbrow_str(&res.rows[i], 4);
	}
	*n = res.nrows;
	return 1;
}

int
store_tick_contract_lock(struct arena *a, int64_t op, int64_t id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;

	if (db_query(a, STMT_TICK_CONTRACT_LOCK, p, NPARAMS(p), &res) < 0)
		return -1;
	return res.nrows > 0 ? 1 : 0;
}

int
store_tick_contract_done(int64_t op, int64_t id, int32_t day)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[] = { dbp_day(day, d), DBP_I(op), DBP_I(id) };

	return db_exec(STMT_TICK_CONTRACT_DONE, p, NPARAMS(p), NULL) < 0 ?
	    -1 : 1;
}

int
store_tick_end_services(int64_t op, int64_t contract, int32_t end,
    int64_t *services)
{
	char		 d[DATE_STRLEN];
	struct dbp	 drop[] = { DBP_I(op), DBP_I(contract), dbp_day(end, d) };
	struct dbp	 close[] = { dbp_day(end, d), DBP_I(op), DBP_I(contract),
	    dbp_day(end, d) };
	struct dbp	 fin[] = { dbp_day(end, d), DBP_I(op), DBP_I(contract) };
	int64_t		 n, m;

	if ((n = db_exec(STMT_TICK_SVC_DROP, drop, NPARAMS(drop), NULL)) < 0 ||
	    db_exec(STMT_TICK_LEDGER_DROP, drop, NPARAMS(drop), NULL) < 0 ||
	    db_exec(STMT_TICK_LEDGER_CLOSE, close, NPARAMS(close), NULL) < 0 ||
	    (m = db_exec(STMT_TICK_SVC_END, fin, NPARAMS(fin), NULL)) < 0)
		return -1;
	*services = n + m;
	return 1;
}

int64_t
store_tick_live(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t contract, int32_t day)
{
	char		 d[DATE_STRLEN];
	struct dbp	 ps[] = { DBP_I(op), DBP_I(occ), DBP_I(site),
	    DBP_I(contract), dbp_day(day, d) };
	struct dbp	 pa[] = { DBP_I(op), DBP_I(occ), DBP_I(contract),
	    dbp_day(day, d) };
	struct dbres	 res;
	int		 rc;

	rc = site != 0 ?
	    db_query(a, STMT_TICK_SITE_LIVE, ps, NPARAMS(ps), &res) :
	    db_query(a, STMT_TICK_ANY_LIVE, pa, NPARAMS(pa), &res);
	if (rc < 0 || res.nrows != 1)
		return -1;
	return dbrow_int(&res.rows[0], 0);
}

int
store_tick_release_site(int64_t op, int64_t site, int64_t occ, int32_t day,
    int32_t until, int64_t at, struct store_tick_release *r)
{
	char		 d[DATE_STRLEN], u[DATE_STRLEN];
	struct dbp	 pc[] = { dbp_day(day, d), dbp_day(until, u), DBP_I(op),
	    DBP_I(site), DBP_I(occ) };
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(occ) };
	struct dbp	 ph[] = { DBP_I(at), DBP_I(op), DBP_I(site), DBP_I(occ) };
	int64_t		 a, b;

	if (db_exec(STMT_TICK_HOLDINGS_END, ph, NPARAMS(ph), NULL) < 0 ||
	    (a = db_exec(STMT_TICK_PHONE_COOL, pc, NPARAMS(pc), NULL)) < 0 ||
	    (b = db_exec(STMT_TICK_PHONE_FREE, p, NPARAMS(p), NULL)) < 0 ||
	    (r->ports = db_exec(STMT_TICK_PORTS_FREE, p, NPARAMS(p),
	    NULL)) < 0 ||
	    (r->ips = db_exec(STMT_TICK_IPS_FREE, p, NPARAMS(p), NULL)) < 0 ||
	    (r->ipv6 = db_exec(STMT_TICK_IPV6_FREE, p, NPARAMS(p), NULL)) < 0 ||
	    (r->devices = db_exec(STMT_TICK_DEVICES_DROP, p, NPARAMS(p),
	    NULL)) < 0)
		return -1;
	r->numbers = a + b;
	return 1;
}

int64_t
store_tick_disable_users(int64_t op, int64_t occ)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ) };

	return db_exec(STMT_TICK_USERS_DISABLE, p, NPARAMS(p), NULL);
}

int
store_tick_preview(struct arena *a, int64_t op, int64_t contract,
    int64_t site, int64_t occ, struct store_tick_release *r)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(contract),
	    DBP_I(op), DBP_I(site), DBP_I(occ), DBP_I(op), DBP_I(site),
	    DBP_I(occ), DBP_I(op), DBP_I(site), DBP_I(occ), DBP_I(op),
	    DBP_I(site), DBP_I(occ), DBP_I(op), DBP_I(contract), DBP_I(op),
	    DBP_I(site), DBP_I(occ) };
	struct dbres	 res;

	if (db_query(a, STMT_TICK_PREVIEW, p, NPARAMS(p), &res) < 0 ||
	    res.nrows != 1)
		return -1;
	r->services = dbrow_int(&res.rows[0], 0);
	r->numbers = dbrow_int(&res.rows[0], 1);
	r->ports = dbrow_int(&res.rows[0], 2);
	r->ips = dbrow_int(&res.rows[0], 3);
	r->devices = dbrow_int(&res.rows[0], 4);
	r->ipv6 = dbrow_int(&res.rows[0], 6);
	r->users = 0;
	return dbrow_int(&res.rows[0], 5) ? 0 : 1;
}

int
store_tick_device_due(struct arena *a, int64_t op, int32_t day,
    const struct store_tick_plan *after, struct store_tick_plan **out,
    size_t *n)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[] = { DBP_I(op), dbp_day(day, d), DBP_I(after->occ),
	    DBP_I(after->occ), DBP_I(after->site) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_TICK_DEVICE_DUE, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].occ = dbrow_int(&res.rows[i], 0);
		(*out)[i].site = dbrow_int(&res.rows[i], 1);
	}
	*n = res.nrows;
	return 1;
}
