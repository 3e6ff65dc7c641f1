/*
 * txn: see txn.h.
 */
#include <unistd.h>

#include "../log.h"
#include "db.h"
#include "txn.h"

/* 1 while a part (db_txn inside an enclosing transaction) runs. */
static int	 in_part;

/* fn's outcome as it would be committed: the hook, then the audit
 * events. rc, or -1. */
static int
txn_finish(struct txn *t, void *arg, int rc)
{
	(void)arg;
	if ((t->before_commit != NULL &&
	    t->before_commit(t, t->before_commit_arg) < 0) ||
	    store_audit_flush(&t->audit) < 0)
		return -1;
	return rc;
}

/* db_txn inside an enclosing transaction: see txn.h. */
static int
txn_part(struct txn *t, int (*fn)(struct txn *, void *), void *arg)
{
	int	 rc;

	if (in_part) {
		log_warnx("txn: a part inside a part of a transaction");
		return -1;
	}
	t->attempt = 0;
	store_audit_begin(&t->audit, t->operator_id, t->day);
	if (db_exec(STMT_TXN_SAVEPOINT, NULL, 0, NULL) < 0)
		return -1;
	in_part = 1;
	rc = fn(t, arg);
	in_part = 0;
	if (rc > 0 && ((rc = txn_finish(t, arg, rc)) < 0 ||
	    db_exec(STMT_TXN_SAVEPOINT_RELEASE, NULL, 0, NULL) < 0))
		return -1;
	if (rc > 0) {
		t->before_commit = NULL;
		return rc;
	}
	if (rc == 0 && db_exec(STMT_TXN_SAVEPOINT_ROLLBACK, NULL, 0,
	    NULL) < 0)
		return -1;
	return rc < 0 ? -1 : 0;
}

int
db_txn(struct txn *t, int (*fn)(struct txn *, void *), void *arg)
{
	int	 rc;

	if (db_in_txn())
		return txn_part(t, fn, arg);
	for (t->attempt = 0;; t->attempt++) {
		store_audit_begin(&t->audit, t->operator_id, t->day);
		if (db_begin() < 0)
			rc = -1;
		else if ((rc = fn(t, arg)) > 0) {
			if (txn_finish(t, arg, rc) < 0 || db_commit() < 0)
				rc = -1;
			else {
				/* The hook was this transaction's alone. */
				t->before_commit = NULL;
				return rc;
			}
		}
		if (rc <= 0 && db_in_txn())
			db_rollback();
		if (rc >= 0)
			return rc;
		if (!db_retryable() || t->attempt + 1 >= TXN_TRIES)
			return -1;
		log_info("txn: running a transaction again after %u "
		    "(attempt %u)", db_errno(), t->attempt + 2);
		/* Back off a little, differently per worker. */
		usleep((useconds_t)(1000 * (t->attempt + 1) *
		    (1 + getpid() % 7)));
	}
}

int
txn_audit(struct txn *t, int64_t occ, int64_t site, const char *entity,
    int64_t entity_id, const char *action, const char *old_value,
    const char *new_value)
{
	return store_audit_queue(&t->audit, occ, site, t->user_id, entity,
	    entity_id, action, old_value, new_value);
}

int
txn_audit_flush(struct txn *t)
{
	return store_audit_flush(&t->audit);
}
