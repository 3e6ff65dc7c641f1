/*
 * store_lease: see store_lease.h.
 */
#include "store_lease.h"

int
store_lease_claim(struct arena *a, enum stmt claim, enum stmt claimed,
    const char *owner, int64_t now, int64_t lease_until,
    const struct dbrow **row)
{
	struct dbp	 p[] = { DBP_S(owner), DBP_I(lease_until), DBP_I(now) };
	struct dbres	 res;
	uint64_t	 id = 0;
	int64_t		 n;

	*row = NULL;
	if ((n = db_exec(claim, p, NPARAMS(p), &id)) < 0)
		return -1;
	if (n == 0 || id == 0)
		return 0;
	{
		struct dbp q[] = { DBP_I(id), DBP_S(owner) };

		if (db_query(a, claimed, q, NPARAMS(q), &res) < 0)
			return -1;
	}
	if (res.nrows == 0)
		return 0;
	*row = &res.rows[0];
	return 1;
}
