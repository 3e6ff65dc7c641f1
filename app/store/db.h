/*
 * db: the one MariaDB connection of a worker, its prepared statements and
 * transactions. All SQL lives in the statement table (store/sql_*.def,
 * X-macros collected in stmt.h); statements are prepared lazily once per
 * connection and re-prepared after a reconnect.
 *
 * Return convention of every function here and in store_*.c:
 * <0 error (logged), 0 nothing found / nothing changed, >0 ok.
 */
#ifndef TENANTRY_DB_H
#define TENANTRY_DB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "stmt.h"

struct arena;

enum dbp_type { DBP_NULL, DBP_INT, DBP_STR, DBP_BLOB };

/* One statement parameter. */
struct dbp {
	enum dbp_type	 t;
	int64_t		 i;
	const char	*s;
	size_t		 len;
};

#define DBP_I(x)	((struct dbp){ DBP_INT, (int64_t)(x), NULL, 0 })
#define DBP_S(x)	((x) == NULL ? (struct dbp){ DBP_NULL, 0, NULL, 0 } : \
			    (struct dbp){ DBP_STR, 0, (x), strlen(x) })
#define DBP_SN(x, n)	((struct dbp){ DBP_STR, 0, (x), (n) })
#define DBP_B(x, n)	((struct dbp){ DBP_BLOB, 0, (const char *)(x), (n) })
#define DBP_NUL		((struct dbp){ DBP_NULL, 0, NULL, 0 })

/*
 * One result row, read through the dbrow_* accessors. Integer and DATE
 * columns stay numbers from the fetch to the caller (num: the value, a
 * DATE as its day number; no text is made for them unless dbrow_str asks);
 * the others are NUL-terminated text in col (len: bytes). null marks SQL
 * NULLs. Everything is in the arena of the query.
 */
struct dbrow {
	char			**col;
	size_t			 *len;
	int64_t			 *num;
	unsigned char		 *null;
	const unsigned char	 *kind;		/* per column: text, integer or date */
	struct arena		 *a;		/* for dbrow_str of a number */
};

struct dbres {
	size_t		 nrows;
	size_t		 ncols;
	struct dbrow	*rows;
};

/* Call once before forking (mysql_library_init). */
int	 db_library_init(void);
void	 db_library_end(void);
/* Connect (if not connected) to the socket, or to the first server of
 * TENANTRY_DB_HOST's list that answers, from the one in use: a server that
 * fails, or a Galera node that leaves the primary component, is left for
 * the next. 1 ok, -1 error. */
int	 db_connect(void);
void	 db_close(void);
/* 1 when the last error was a lost or refused connection, or a server
 * that cannot serve now (Galera: not in the primary component). */
int	 db_unavailable(void);
/* MariaDB error number of the last failure (1213 deadlock, 1205 lock wait...). */
unsigned db_errno(void);

/* Run a query statement; rows into res (arena memory). >=0 rows, -1 error. */
int	 db_query(struct arena *, enum stmt, const struct dbp *, size_t,
	    struct dbres *res);
/* Run a query statement and hand each row to fn(ctx, row) as it is
 * fetched, for results too large to keep as rows of text (a month of
 * charges): the row's texts live only until fn returns, so fn keeps what
 * it needs in its own structs. fn returns 0 to go on, -1 to stop (the
 * call fails). >=0 rows, -1 error. */
int	 db_query_each(enum stmt, const struct dbp *, size_t,
	    int (*fn)(void *ctx, const struct dbrow *), void *ctx);
/*
 * A query whose rows the caller pulls one at a time, as the server sends
 * them (nothing is stored: bounded memory for any number of rows), for a
 * result written out as it is read (a CSV download). db_stream_open runs
 * the statement: 1 ok, -1 error (nothing to close). db_stream_next: 1 and
 * *row (valid until the next call: its texts are in a scratch arena reset
 * for each row), 0 no more rows, -1 error (logged; the rows stop there).
 * db_stream_close ends it, reading and dropping any rows left; call it
 * after every open that succeeded. One stream at a time, and while it is
 * open no other statement can run on the connection (they fail, logged).
 * Not for inside a transaction's retry loop: rows already handed out
 * cannot be taken back.
 */
int	 db_stream_open(enum stmt, const struct dbp *, size_t);
int	 db_stream_next(const struct dbrow **row);
void	 db_stream_close(void);
/* Run a statement without a result set. >=0 affected rows, -1 error.
 * insert_id, if not NULL, receives LAST_INSERT_ID. */
int64_t	 db_exec(enum stmt, const struct dbp *, size_t, uint64_t *insert_id);

/*
 * One parameter of a statement run for many rows at once (db_exec_bulk):
 * the values of every row, column-wise. DBP_INT: i[row]; DBP_STR and
 * DBP_BLOB: s[row] with len[row] bytes. null, when not NULL, holds 1 for
 * the rows where the value is SQL NULL and 0 elsewhere.
 */
struct dbcol {
	enum dbp_type		 t;
	const int64_t		*i;
	const char *const	*s;
	const unsigned long	*len;
	const char		*null;
};
/* Run an INSERT/UPDATE statement for nrows rows in one round trip
 * (MariaDB's array binding). >= 0 affected rows, -1 error. Not retried
 * after a lost connection: meant for inside a transaction. */
int64_t	 db_exec_bulk(enum stmt, const struct dbcol *, size_t ncols,
	    size_t nrows);

/*
 * Transactions: begin/commit return 1 ok, -1 error; rollback never fails
 * visibly. After a failure and the rollback, db_retryable says whether the
 * transaction is to be run again whole, from db_begin: a deadlock (1213;
 * on Galera also a conflict with a transaction committed through another
 * node, reported by any statement or by COMMIT), a lock wait timeout
 * (1205), or a connection lost before COMMIT (the server rolled it back;
 * the next db_begin connects again, to the next server of the list).
 * db_commit_unknown: the connection was lost during COMMIT, so the
 * transaction may have been committed; it is not retryable, and the
 * answer must not say that nothing was saved. After a lost connection the
 * transaction's remaining statements fail at once (they never run outside
 * it on a new connection).
 */
int	 db_begin(void);
int	 db_commit(void);
void	 db_rollback(void);
/* Statements run by this process since it began: a request's count is
 * the difference (serve.c sends it in a Server-Timing header). */
uint64_t db_statements(void);
/* 1 while a transaction begun by db_begin is open. */
int	 db_in_txn(void);
int	 db_retryable(void);
int	 db_commit_unknown(void);

/* Migrations only: prepare and run one statement from a schema file.
 * The one place SQL text does not come from the statement table. */
int	 db_exec_migration_sql(const char *sql, size_t len);

/* A deep copy of result set from (its rows' text, numbers and NULLs) in
 * arena a: what a worker keeps of a statement's answer beyond its request. */
void	 dbres_copy(struct arena *a, const struct dbres *from, struct dbres *to);

/* Row accessors. */
/* An integer column (0 for NULL; text is parsed, for computed columns). */
int64_t	 dbrow_int(const struct dbrow *, size_t col);
/* Any column as text ("" for NULL); a number is formatted on demand. */
const char *dbrow_str(const struct dbrow *, size_t col);
int	 dbrow_isnull(const struct dbrow *, size_t col);
/* A DATE column as a day number (DATE_NONE for NULL or unreadable). */
int32_t	 dbrow_day(const struct dbrow *, size_t col);
/* A day number as a DATE parameter ("YYYY-MM-DD" written into buf, which
 * must hold DATE_STRLEN bytes), or NULL for DATE_NONE. */
struct dbp dbp_day(int32_t day, char *buf);

#define NPARAMS(a)	(sizeof(a) / sizeof((a)[0]))

#endif
