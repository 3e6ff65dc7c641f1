/*
 * txn: the one transaction runner. Every business transaction of Tenantry
 * runs through db_txn: BEGIN, the caller's function, the audit events it
 * queued, COMMIT (or ROLLBACK), and the single retry policy.
 *
 * A transaction that fails with a deadlock (1213: also a Galera
 * certification failure, reported at COMMIT or among a statement's rows),
 * a lock wait timeout (1205), or a connection lost before COMMIT reached
 * the server is run again whole, up to TXN_TRIES times, after a short
 * pause that differs between workers. A COMMIT whose outcome is unknown
 * (the connection broke while it was under way) is never run again:
 * db_commit_unknown() tells the page, which says the change may have been
 * saved.
 */
#ifndef TENANTRY_TXN_H
#define TENANTRY_TXN_H

#include <stdint.h>

#include "store.h"

struct arena;

#define TXN_TRIES	5

/* What every transaction carries: who acts, for which operator, on which
 * business day (the day audit events are dated with), and the audit
 * events it queued (written just before COMMIT, in the order queued). */
struct txn {
	struct arena		*a;
	int64_t			 operator_id;
	int64_t			 user_id;	/* 0: the system (a daily job, the shell) */
	int32_t			 day;		/* the operator's today */
	int64_t			 now;		/* unix seconds */
	unsigned		 attempt;	/* 0 at the first run, 1 at the first retry ... */
	struct store_audit_batch audit;
	/* When not NULL, run once fn returned >0, before the
	 * audit events and COMMIT, in the same transaction (the JSON API
	 * writes a POST's answer under its Idempotency-Key with it): >=0 go
	 * on, <0 a store error (rolled back, retried like fn's). Cleared
	 * once the transaction committed: it belongs to that one only. */
	int			(*before_commit)(struct txn *, void *);
	void			*before_commit_arg;
};

/*
 * Run fn(t, arg) in a transaction. fn returns >0 to commit, 0 to refuse
 * (everything it did is rolled back; its reasons are the caller's
 * business), <0 on a store error. fn may run more than once (see above):
 * it must start from arg's inputs each time, not from what a failed run
 * left. Returns fn's value when it committed or refused, or -1 on a store
 * error (db_unavailable(), db_commit_unknown() say more).
 */
int	 db_txn(struct txn *t, int (*fn)(struct txn *, void *), void *arg);
/*
 * Inside an enclosing transaction (one db_txn's fn calling an operation,
 * as the demo seed does: all of it or none), db_txn is a part of it and
 * neither begins nor commits: SAVEPOINT, fn, its audit events, RELEASE.
 * A refusal (0) rolls back to the savepoint (that part undone, the
 * enclosing transaction goes on); a store error returns -1 at once, never
 * retried here: the enclosing transaction fails, and its own db_txn runs
 * it again whole when the error allows. One level of parts: a part inside
 * a part is a store error (-1).
 */

/* Queue an audit event of t (its operator, user and day), written before
 * COMMIT: who did what to which row, old -> new ("key=value" lines).
 * occ and site may be 0. 1, or -1 store error. */
int	 txn_audit(struct txn *t, int64_t occ, int64_t site, const char *entity,
	    int64_t entity_id, const char *action, const char *old_value,
	    const char *new_value);
/* Write the queued events now (when later writes must come after them in
 * the log). 1, 0 nothing queued, -1 error. */
int	 txn_audit_flush(struct txn *t);

#endif
