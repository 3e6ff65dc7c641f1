/*
 * ops/apikeys: see apikeys.h.
 */
#include <string.h>

#include <sodium.h>

#include "../arena.h"
#include "../session.h"
#include "../store/db.h"
#include "apikeys.h"

struct create {
	const struct apikey_create_in	*in;
	struct apikey_create_out	*out;
	unsigned char			 hash[32];
};

static int
create_txn(struct txn *t, void *arg)
{
	struct create	*s = arg;
	struct dbp	 p[] = { DBP_I(t->operator_id), DBP_S(s->in->name),
	    DBP_SN(s->out->key + 4, 8), DBP_B(s->hash, 32),
	    DBP_I(s->in->can_write), s->in->site_id > 0 ?
	    DBP_I(s->in->site_id) : DBP_NUL, DBP_I(t->user_id) };
	struct dbp	 q[] = { DBP_I(t->operator_id), DBP_I(s->in->site_id) };
	struct dbres	 res;
	uint64_t	 id;
	int		 rc;

	if (s->in->site_id > 0) {
		if ((rc = db_query(t->a, STMT_SITE_GET, q, NPARAMS(q), &res)) < 0)
			return -1;
		if (rc == 0)
			return ops_refuse(&s->out->why, OPS_INVALID, "site_id",
			    "Site is not one of your sites.");
	}
	if (db_exec(STMT_API_KEY_INSERT, p, NPARAMS(p), &id) < 0)
		return -1;
	s->out->id = (int64_t)id;
	return txn_audit(t, 0, s->in->site_id, "api_key", s->out->id,
	    "create", NULL, arena_printf(t->a, "name=%s\nprefix=%.8s\n"
	    "scope=%s", s->in->name, s->out->key + 4, s->in->can_write ?
	    "read+write" : "read")) < 0 ? -1 : 1;
}

int
ops_apikey_create(struct ops_ctx *c, const struct apikey_create_in *in,
    struct apikey_create_out *out)
{
	struct create	 s;
	char		 hex[65];
	int		 rc;

	memset(out, 0, sizeof(*out));
	memset(&s, 0, sizeof(s));
	s.in = in;
	s.out = out;
	session_token_new(hex, s.hash);
	memcpy(out->key, APIKEY_PREFIX, 4);
	memcpy(out->key + 4, hex, 65);
	sodium_memzero(hex, sizeof(hex));
	rc = db_txn(&c->t, create_txn, &s);
	if (rc <= 0)
		sodium_memzero(out->key, sizeof(out->key));
	return rc;
}

struct revoke {
	int64_t			 id;
	struct apikey_revoke_out *out;
};

static int
revoke_txn(struct txn *t, void *arg)
{
	struct revoke	*s = arg;
	struct dbp	 p[] = { DBP_I(t->operator_id), DBP_I(s->id) };
	struct dbres	 res;
	int64_t		 n;
	int		 rc;

	if ((rc = db_query(t->a, STMT_API_KEY_GET, p, NPARAMS(p), &res)) < 0)
		return -1;
	if (rc == 0)
		return ops_refuse(&s->out->why, OPS_NOT_FOUND, NULL,
		    "No such API key.");
	if ((n = db_exec(STMT_API_KEY_REVOKE, p, NPARAMS(p), NULL)) < 0)
		return -1;
	if (n == 0)
		return 1;
	return txn_audit(t, 0, dbrow_int(&res.rows[0], 4), "api_key", s->id,
	    "revoke", arena_printf(t->a, "name=%s\nprefix=%s",
	    dbrow_str(&res.rows[0], 1), dbrow_str(&res.rows[0], 2)),
	    "revoked") < 0 ? -1 : 1;
}

int
ops_apikey_revoke(struct ops_ctx *c, int64_t id, struct apikey_revoke_out *out)
{
	struct revoke	 s = { id, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, revoke_txn, &s);
}

int
ops_apikey_hash(const char *key, unsigned char hash[32])
{
	if (key == NULL || strncmp(key, APIKEY_PREFIX, 4) != 0)
		return -1;
	return session_token_hash(key + 4, hash);
}
