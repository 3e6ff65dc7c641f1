/*
 * ops/mail: see mail.h.
 */
#include <string.h>

#include "mail.h"

struct retry {
	const struct mail_retry_in	*in;
	struct mail_retry_out		*out;
};

static int
retry_txn(struct txn *t, void *arg)
{
	struct retry		*s = arg;
	struct store_mail	*m = &s->out->mail;
	int			 rc;

	if ((rc = store_mail_get(t->a, t->operator_id, s->in->id, m)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	if ((rc = store_mail_retry(t->operator_id, m->id, t->now)) != 0)
		return rc;
	return ops_refuse(&s->out->why, OPS_CONFLICT, NULL, m->sensitive ?
	    "This message carried a one-time link, which is erased: give the "
	    "user a new link instead." : "Only a dead letter can be sent "
	    "again.");
}

int
ops_mail_retry(struct ops_ctx *c, const struct mail_retry_in *in,
    struct mail_retry_out *out)
{
	struct retry	 s = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, retry_txn, &s);
}
