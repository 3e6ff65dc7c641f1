/*
 * db: see db.h. One connection per worker process.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "../arena.h"
#include "../config.h"
#include "../domain/date.h"
#include "../log.h"
#include "db.h"

const char *const stmt_sql[STMT__MAX] = {
#define X(name, sql) sql,
#include "stmt_list.h"
#undef X
};

const char *const stmt_names[STMT__MAX] = {
#define X(name, sql) #name,
#include "stmt_list.h"
#undef X
};

#define COLBUF	256	/* first fetch buffer per column; longer values re-fetched */
#define MAXCOLS	64
#define MAXPARAMS 1408	/* the largest: 64 invoice lines a statement (22 each) */

static MYSQL		*conn;
static MYSQL_STMT	*stmts[STMT__MAX];

/*
 * How each result column is fetched, from the metadata read once when the
 * statement is prepared (not on every execution): integers and dates in
 * their binary form, turned into text here (the client library formats a
 * DATE with sprintf: 9 % of the Services tab's instructions), the rest as
 * text.
 */
enum colkind { COL_TEXT, COL_INT, COL_UINT, COL_DATE };
static struct {
	unsigned	 n;		/* 0: not a query (or not prepared) */
	unsigned char	 kind[MAXCOLS];
} cols[STMT__MAX];
static unsigned		 last_errno;
static int		 in_txn;
/*
 * Server lists (TENANTRY_DB_HOST "db1,db2,db3", e.g. the nodes of a Galera
 * cluster): the worker uses one server at a time, node, starting with the
 * first that answers. When its server fails (a lost or refused connection)
 * or stops serving (a Galera node out of the primary component answers
 * 1047, "WSREP has not yet prepared node for application use", or with
 * wsrep_sync_wait 1205 to any statement outside a transaction), the
 * connection is dropped and the next connection is tried from the
 * following server in the list, round and round. A worker stays on the
 * server it moved to; restarting the workers (SIGHUP to serve) starts them
 * on their first server again.
 */
static size_t		 node;
/*
 * What became of the transaction that failed last, for db_retryable and
 * db_commit_unknown (until the next statement outside a transaction):
 * - TXN_LOST: the connection broke before COMMIT reached the server, which
 *   rolls such a transaction back (and a Galera node replicates nothing
 *   before COMMIT), so it may be run again whole, on a new connection;
 * - TXN_UNKNOWN: the connection broke while COMMIT was under way: it may
 *   have been committed, so it is never run again nor reported unsaved.
 * txn_broken holds from the loss until the page ends the transaction
 * (db_commit, db_rollback): its remaining statements fail at once instead
 * of running on a new connection outside any transaction.
 */
static enum { TXN_OK, TXN_LOST, TXN_UNKNOWN } txn_fate;
static int		 txn_broken;
/* db_stream_*: 1 a stream's rows are being read, -1 it failed or its
 * connection was closed (db_stream_close still to come), 0 none. */
static int		 strm_open;
static struct arena	*strm_abind, *strm_arow;	/* its buffers */

#define ER_WSREP_NOT_READY	ER_UNKNOWN_COM_ERROR	/* 1047 */

/*
 * A statement this connection prepared, failing when run with a syntax
 * error (1064) or a missing table (1146), is not the statement's fault:
 * the server failed to load a trigger of a table it writes. Seen on a
 * Galera node whose thread was aborted by a replicated write set while it
 * opened the table: the table's triggers stay marked "has an error in its
 * body" in that node's table cache, and every write to the table there
 * fails until the table is closed (FLUSH TABLES on that node, or a
 * restart), while the other nodes are sound. With several servers the
 * worker moves to the next one and the page's transaction runs again
 * there; with one server it is an error like any other (logged with the
 * server's message).
 */
static int
is_node_broken(unsigned e)
{
	return cfg.ndb_hosts > 1 && (e == ER_PARSE_ERROR ||
	    e == ER_NO_SUCH_TABLE);
}

/* A lost or refused connection, or a server that cannot serve now. */
static int
is_conn_error(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == CR_SERVER_LOST_EXTENDED || e == ER_CONNECTION_KILLED ||
	    e == 4031 /* ER_CLIENT_INTERACTION_TIMEOUT */ ||
	    e == CR_COMMANDS_OUT_OF_SYNC || e == ER_SERVER_SHUTDOWN ||
	    e == ER_WSREP_NOT_READY;
}

int
db_library_init(void)
{
	return mysql_library_init(0, NULL, NULL) == 0 ? 0 : -1;
}

void
db_library_end(void)
{
	mysql_library_end();
}

/* Close the connection and forget its prepared statements. */
static void
conn_close(void)
{
	size_t	 i;

	for (i = 0; i < STMT__MAX; i++)
		if (stmts[i] != NULL) {
			mysql_stmt_close(stmts[i]);
			stmts[i] = NULL;
		}
	if (conn != NULL) {
		mysql_close(conn);
		conn = NULL;
	}
	if (strm_open != 0)
		strm_open = -1;		/* its statement is gone */
}

void
db_close(void)
{
	conn_close();
	in_txn = 0;
	txn_broken = 0;
	strm_open = 0;
	if (strm_abind != NULL) {
		arena_free(strm_abind);
		arena_free(strm_arow);
		strm_abind = strm_arow = NULL;
	}
}

/*
 * The connection failed (last_errno): close it, so that the next statement
 * connects again, from the next server of the list. An open transaction
 * is lost with it.
 */
static void
conn_drop(void)
{
	if (conn != NULL && cfg.ndb_hosts > 1) {
		size_t	 next = (node + 1) % cfg.ndb_hosts;

		log_warnx("db: %s:%u failed (%u); next: %s:%u",
		    cfg.db_hosts[node].host, cfg.db_hosts[node].port,
		    last_errno, cfg.db_hosts[next].host,
		    cfg.db_hosts[next].port);
		node = next;
	}
	conn_close();
	if (in_txn) {
		txn_broken = 1;
		txn_fate = TXN_LOST;
	}
}

/* Connect to server i of the list, or to the socket when there is none. */
static int
connect_one(size_t i)
{
	unsigned	 timeout, port = 0;
	my_bool		 off = 0;
	const char	*host = NULL, *sock = cfg.db_socket;

	if ((conn = mysql_init(NULL)) == NULL) {
		last_errno = CR_OUT_OF_MEMORY;
		return -1;
	}
	if (cfg.ndb_hosts > 0) {
		host = cfg.db_hosts[i].host;
		port = cfg.db_hosts[i].port;
		sock = NULL;
	}
	timeout = 3;
	mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	timeout = 5;
	mysql_options(conn, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
	/* Longer than a Galera cluster takes to evict a node that died
	 * (6-7 s with the default evs.suspect_timeout of 5 s), during which
	 * the other nodes hold every commit and consistent read: a wait that
	 * ends in a commit, instead of a dropped connection and a commit of
	 * unknown outcome (make verify, the cluster check). */
	timeout = 10;
	mysql_options(conn, MYSQL_OPT_READ_TIMEOUT, &timeout);
	mysql_options(conn, MYSQL_OPT_RECONNECT, &off);
	mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* Index-merge intersection: with one operator owning most rows, the
	 * optimizer intersected (occupier_id) with (operator_id, occupier_id,
	 * site_id) for every occupier's services instead of reading the
	 * composite index alone (make bench, 200 000 services). */
	mysql_options(conn, MYSQL_INIT_COMMAND,
	    "SET SESSION sql_mode='STRICT_ALL_TABLES,NO_ZERO_DATE,"
	    "NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION',"
	    " time_zone='+00:00', innodb_lock_wait_timeout=5,"
	    " optimizer_switch='index_merge_intersection=off'");
	if (mysql_real_connect(conn, host, cfg.db_user, cfg.db_password,
	    cfg.db_name, port, sock, 0) == NULL) {
		last_errno = mysql_errno(conn);
		if (host != NULL)
			log_warnx("db: connect %s:%u: %s", host, port,
			    mysql_error(conn));
		else
			log_warnx("db: connect: %s", mysql_error(conn));
		mysql_close(conn);
		conn = NULL;
		if (last_errno == 0)
			last_errno = CR_CONNECTION_ERROR;
		return -1;
	}
	return 1;
}

int
db_connect(void)
{
	size_t	 k, n = cfg.ndb_hosts;

	if (conn != NULL)
		return 1;
	if (n <= 1)
		return connect_one(0);
	/* The servers in turn, from the one in use (or to be tried next). */
	for (k = 0; k < n; k++)
		if (connect_one((node + k) % n) > 0) {
			node = (node + k) % n;
			return 1;
		}
	return -1;
}

int
db_unavailable(void)
{
	return conn == NULL || is_conn_error(last_errno);
}

unsigned
db_errno(void)
{
	return last_errno;
}

int
db_retryable(void)
{
	if (txn_fate == TXN_UNKNOWN)
		return 0;
	return last_errno == ER_LOCK_DEADLOCK ||
	    last_errno == ER_LOCK_WAIT_TIMEOUT || txn_fate == TXN_LOST;
}

int
db_commit_unknown(void)
{
	return txn_fate == TXN_UNKNOWN;
}

/* Fill cols[id] from the metadata of prepared statement st. */
static int
columns_read(enum stmt id, MYSQL_STMT *st)
{
	MYSQL_RES	*meta;
	MYSQL_FIELD	*f;
	unsigned	 i, n;

	cols[id].n = 0;
	if ((meta = mysql_stmt_result_metadata(st)) == NULL)
		return 0;	/* not a query */
	n = mysql_num_fields(meta);
	f = mysql_fetch_fields(meta);
	if (n > MAXCOLS) {
		log_warnx("db: %s: too many columns", stmt_names[id]);
		mysql_free_result(meta);
		return -1;
	}
	for (i = 0; i < n; i++) {
		switch (f[i].type) {
		case MYSQL_TYPE_TINY:
		case MYSQL_TYPE_SHORT:
		case MYSQL_TYPE_INT24:
		case MYSQL_TYPE_LONG:
		case MYSQL_TYPE_LONGLONG:
			if (f[i].flags & ZEROFILL_FLAG)
				cols[id].kind[i] = COL_TEXT;
			else
				cols[id].kind[i] = (f[i].flags & UNSIGNED_FLAG) ?
				    COL_UINT : COL_INT;
			break;
		case MYSQL_TYPE_DATE:
			cols[id].kind[i] = COL_DATE;
			break;
		default:
			cols[id].kind[i] = COL_TEXT;
			break;
		}
	}
	cols[id].n = n;
	mysql_free_result(meta);
	return 0;
}

static MYSQL_STMT *
prepare(enum stmt id)
{
	MYSQL_STMT	*st;

	if (stmts[id] != NULL)
		return stmts[id];
	if ((st = mysql_stmt_init(conn)) == NULL) {
		last_errno = mysql_errno(conn);
		return NULL;
	}
	if (mysql_stmt_prepare(st, stmt_sql[id], strlen(stmt_sql[id])) != 0) {
		last_errno = mysql_stmt_errno(st);
		log_warnx("db: prepare %s: %s", stmt_names[id],
		    mysql_stmt_error(st));
		mysql_stmt_close(st);
		return NULL;
	}
	if (columns_read(id, st) == -1) {
		mysql_stmt_close(st);
		return NULL;
	}
	stmts[id] = st;
	return st;
}

static int
bind_params(MYSQL_STMT *st, const struct dbp *p, size_t np,
    MYSQL_BIND *b, unsigned long *lens)
{
	size_t	 i;

	if (np > MAXPARAMS || mysql_stmt_param_count(st) != np) {
		log_warnx("db: parameter count mismatch (%lu expected, %zu given)",
		    mysql_stmt_param_count(st), np);
		return -1;
	}
	memset(b, 0, sizeof(*b) * (np ? np : 1));
	for (i = 0; i < np; i++) {
		switch (p[i].t) {
		case DBP_NULL:
			b[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		case DBP_INT:
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&p[i].i;
			break;
		case DBP_STR:
		case DBP_BLOB:
			b[i].buffer_type = p[i].t == DBP_STR ?
			    MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
			b[i].buffer = (void *)p[i].s;
			lens[i] = (unsigned long)p[i].len;
			b[i].buffer_length = lens[i];
			b[i].length = &lens[i];
			break;
		}
	}
	if (np > 0 && mysql_stmt_bind_param(st, b) != 0) {
		last_errno = mysql_stmt_errno(st);
		return -1;
	}
	return 0;
}

/*
 * A deadlock (1213; on Galera also a certification failure or a write set
 * of another node that aborted this one) rolls the whole transaction back
 * on the server, and the connection is then outside any transaction: a
 * statement the page still ran would commit by itself, half a save. So
 * the transaction is marked broken: its remaining statements and its
 * COMMIT fail at once, last_errno still 1213, and db_txn runs it again.
 * (A lock wait timeout, 1205, rolls back only its statement.)
 */
static void
txn_if_rolled_back(void)
{
	if (in_txn && last_errno == ER_LOCK_DEADLOCK)
		txn_broken = 1;
}

/*
 * The server left the transaction without reporting an error: a statement
 * answered OK but its status no longer says "in a transaction". On a
 * Galera node a conflict with another node's write set (a BF abort) can
 * roll the transaction back while the error meant for the client is lost
 * on the way (seen in the cluster check: a save's later statements then
 * ran and committed one by one, outside any transaction, from what it had
 * read before, and its plan version was never bumped). From then on the
 * page's statements would each commit by themselves, half a save, so the
 * transaction is treated as a deadlock: broken, and run again whole by
 * db_txn. Returns 1 when so (last_errno ER_LOCK_DEADLOCK).
 */
static int
txn_left_silently(void)
{
	unsigned	 status = 0;

	if (!in_txn || conn == NULL || txn_broken ||
	    mariadb_get_infov(conn, MARIADB_CONNECTION_SERVER_STATUS,
	    &status) != 0 || (status & SERVER_STATUS_IN_TRANS) != 0)
		return 0;
	log_warnx("db: the server ended the transaction without an error "
	    "(a conflict rolled it back): its remaining statements are not "
	    "run");
	last_errno = ER_LOCK_DEADLOCK;
	txn_broken = 1;
	return 1;
}

/* Forget a broken connection so the next call reconnects. */
static void
drop_if_broken(void)
{
	txn_if_rolled_back();
	if (is_conn_error(last_errno) || is_node_broken(last_errno))
		conn_drop();
}

/* Statements run since the worker began (each execute, however many
 * times it is tried). */
static uint64_t	nstatements;

uint64_t
db_statements(void)
{
	return nstatements;
}

/*
 * Prepare, bind and execute statement id. Outside a transaction, a lost
 * connection (or a server that cannot serve) is connected again, from the
 * next server of the list, and the statement re-prepared and run again;
 * so is a statement that a conflict rolled back (1213: a deadlock, or a
 * Galera certification failure of its own implicit transaction), which
 * changed nothing. Inside a transaction neither is repeated here: the
 * page runs the whole transaction again (db_retryable).
 */
static MYSQL_STMT *
execute(enum stmt id, const struct dbp *p, size_t np)
{
	MYSQL_BIND	 b[MAXPARAMS];
	unsigned long	 lens[MAXPARAMS];
	MYSQL_STMT	*st;
	size_t		 attempt, attempts = cfg.ndb_hosts + 1;

	if (txn_broken)
		return NULL;	/* last_errno still says why */
	if (strm_open != 0) {
		/* The connection is busy with the stream's rows. */
		log_warnx("db: %s: run while a stream is open", stmt_names[id]);
		last_errno = CR_COMMANDS_OUT_OF_SYNC;
		return NULL;
	}
	nstatements++;
	if (!in_txn)
		txn_fate = TXN_OK;	/* the last transaction is history */
	if (attempts < 2)
		attempts = 2;
	for (attempt = 0; attempt < attempts; attempt++) {
		if (db_connect() < 0)
			return NULL;
		if ((st = prepare(id)) == NULL)
			goto fail;
		if (bind_params(st, p, np, b, lens) == -1)
			return NULL;
		if (mysql_stmt_execute(st) == 0) {
			if (!txn_left_silently())
				return st;
			mysql_stmt_free_result(st);
			return NULL;
		}
		last_errno = mysql_stmt_errno(st);
		if (!is_conn_error(last_errno))
			log_warnx("db: %s: %u %s", stmt_names[id], last_errno,
			    mysql_stmt_error(st));
fail:
		txn_if_rolled_back();
		if (is_conn_error(last_errno) || is_node_broken(last_errno) ||
		    (!in_txn &&
		    last_errno == ER_LOCK_WAIT_TIMEOUT && cfg.ndb_hosts > 1)) {
			/* Outside a transaction, 1205 from one of several
			 * servers is a Galera node that cannot serve
			 * consistent reads (wsrep_sync_wait on a node out of
			 * the primary component fails at once), or a rare
			 * lock wait of an autocommit write, which may as well
			 * be tried on the next server. */
			conn_drop();
			if (in_txn)
				return NULL;
		} else if (last_errno != ER_LOCK_DEADLOCK || in_txn)
			return NULL;
	}
	return NULL;
}

/* v as decimal digits into buf (at least 21 bytes); returns the length. */
static size_t
fmt_u64(char *buf, uint64_t v)
{
	char	 t[20];
	size_t	 n = 0, i;

	do
		t[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	for (i = 0; i < n; i++)
		buf[i] = t[n - 1 - i];
	buf[n] = '\0';
	return n;
}

/* Column i of the row just fetched into row (arena a): a number for an
 * integer or DATE column, text for the others. */
static int
column_read(struct arena *a, MYSQL_STMT *st, unsigned char kind, size_t i,
    const MYSQL_BIND *b, unsigned long len, struct dbrow *row)
{
	const MYSQL_TIME	*t;

	switch (kind) {
	case COL_INT:
	case COL_UINT:
		row->num[i] = *(const int64_t *)b->buffer;
		row->col[i] = NULL;
		row->len[i] = 0;
		return 0;
	case COL_DATE:
		t = b->buffer;
		row->num[i] = date_from_ymd((int)t->year, (int)t->month,
		    (int)t->day);
		row->col[i] = NULL;
		row->len[i] = 0;
		return 0;
	}
	row->len[i] = len;
	row->col[i] = arena_alloc(a, len + 1);
	if (len <= COLBUF)
		memcpy(row->col[i], b->buffer, len);
	else {
		MYSQL_BIND	 one;
		unsigned long	 l2;

		memset(&one, 0, sizeof(one));
		one.buffer_type = MYSQL_TYPE_STRING;
		one.buffer = row->col[i];
		one.buffer_length = len + 1;
		one.length = &l2;
		if (mysql_stmt_fetch_column(st, &one, (unsigned)i, 0) != 0)
			return -1;
	}
	row->col[i][len] = '\0';
	return 0;
}

/*
 * The result of an executed statement being fetched: the bound buffers of
 * one row (text buffers from an arena; a longer value is fetched again
 * into the row's arena) and the row handed out.
 */
struct fetcher {
	MYSQL_STMT	*st;
	enum stmt	 id;
	size_t		 ncols;
	struct arena	*arow;
	int		 reset;		/* reset arow before each row */
	MYSQL_BIND	 rb[MAXCOLS];
	unsigned long	 len[MAXCOLS];
	my_bool		 isnull[MAXCOLS], err[MAXCOLS];
	int64_t		 num[MAXCOLS];
	MYSQL_TIME	 tm[MAXCOLS];
	struct dbrow	 row;
};

/* Bind the result columns of f->st (text buffers from abind). 0, or -1
 * (the result freed). */
static int
fetcher_bind(struct fetcher *f, struct arena *abind)
{
	size_t	 i;

	if ((f->ncols = cols[f->id].n) == 0) {
		log_warnx("db: %s: not a query", stmt_names[f->id]);
		mysql_stmt_free_result(f->st);
		return -1;
	}
	memset(f->rb, 0, sizeof(f->rb[0]) * f->ncols);
	for (i = 0; i < f->ncols; i++) {
		switch (cols[f->id].kind[i]) {
		case COL_INT:
		case COL_UINT:
			f->rb[i].buffer_type = MYSQL_TYPE_LONGLONG;
			f->rb[i].buffer = &f->num[i];
			f->rb[i].is_unsigned = cols[f->id].kind[i] == COL_UINT;
			break;
		case COL_DATE:
			f->rb[i].buffer_type = MYSQL_TYPE_DATE;
			f->rb[i].buffer = &f->tm[i];
			break;
		default:
			f->rb[i].buffer_type = MYSQL_TYPE_STRING;
			f->rb[i].buffer = arena_alloc(abind, COLBUF);
			f->rb[i].buffer_length = COLBUF;
			break;
		}
		f->rb[i].length = &f->len[i];
		f->rb[i].is_null = &f->isnull[i];
		/* The library sets it for text only, and reads it for all. */
		f->err[i] = 0;
		f->rb[i].error = &f->err[i];
	}
	if (mysql_stmt_bind_result(f->st, f->rb) != 0) {
		last_errno = mysql_stmt_errno(f->st);
		mysql_stmt_free_result(f->st);
		return -1;
	}
	return 0;
}

/* f set up for the result of executed statement st (fetcher_bind). */
static int
fetcher_start(struct fetcher *f, MYSQL_STMT *st, enum stmt id,
    struct arena *abind, struct arena *arow, int reset)
{
	f->st = st;
	f->id = id;
	f->arow = arow;
	f->reset = reset;
	return fetcher_bind(f, abind);
}

/* The row fetched into f->row, its columns in f->arow. 0, -1. */
static int
fetcher_row(struct fetcher *f)
{
	struct dbrow	*row = &f->row;
	size_t		 i, ncols = f->ncols;

	row->col = arena_alloc(f->arow, sizeof(char *) * ncols);
	row->len = arena_alloc(f->arow, sizeof(size_t) * ncols);
	row->num = arena_alloc(f->arow, sizeof(int64_t) * ncols);
	row->null = arena_alloc(f->arow, ncols);
	row->kind = cols[f->id].kind;
	row->a = f->arow;
	for (i = 0; i < ncols; i++) {
		row->null[i] = f->isnull[i] != 0;
		if (f->isnull[i]) {
			row->col[i] = NULL;
			row->len[i] = 0;
			row->num[i] = 0;
		} else if (column_read(f->arow, f->st, cols[f->id].kind[i], i,
		    &f->rb[i], f->len[i], row) == -1) {
			last_errno = mysql_stmt_errno(f->st);
			return -1;
		}
	}
	return 0;
}

/*
 * The next row of f into f->row: 1 a row, 0 no more rows, -1 error. At 0
 * and -1 the result is freed (an error logged, a broken connection
 * dropped).
 */
static int
fetcher_next(struct fetcher *f)
{
	int	 rc;

	if (f->reset)
		arena_reset(f->arow);
	if ((rc = mysql_stmt_fetch(f->st)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		if (fetcher_row(f) == 0)
			return 1;
		mysql_stmt_free_result(f->st);
		return -1;
	}
	if (rc == MYSQL_NO_DATA) {
		mysql_stmt_free_result(f->st);
		return txn_left_silently() ? -1 : 0;
	}
	/* An error the server sends among the rows (a Galera conflict that
	 * aborts the statement) is reported on the connection. */
	if ((last_errno = mysql_stmt_errno(f->st)) != 0)
		log_warnx("db: %s: fetch: %u %s", stmt_names[f->id],
		    last_errno, mysql_stmt_error(f->st));
	else if ((last_errno = mysql_errno(conn)) != 0)
		log_warnx("db: %s: fetch: %u %s", stmt_names[f->id],
		    last_errno, mysql_error(conn));
	else {
		last_errno = CR_UNKNOWN_ERROR;
		log_warnx("db: %s: fetch failed (%d)", stmt_names[f->id], rc);
	}
	mysql_stmt_free_result(f->st);
	drop_if_broken();
	return -1;
}

/*
 * Fetch the rows of executed statement st, handing each to fn(ctx, row):
 * text buffers are bound from abind, each row's columns are allocated from
 * arow, which is reset before each row when reset is set (a scratch arena).
 * fn returns 0 to go on, -1 to stop (an error). >= 0 rows, -1 error.
 */
static int
fetch(MYSQL_STMT *st, enum stmt id, struct arena *abind, struct arena *arow,
    int reset, int (*fn)(void *, const struct dbrow *), void *ctx)
{
	struct fetcher	 f;
	size_t		 nrows = 0;
	int		 rc;

	if (fetcher_start(&f, st, id, abind, arow, reset) == -1)
		return -1;
	while ((rc = fetcher_next(&f)) == 1) {
		nrows++;
		if (fn(ctx, &f.row) == -1) {
			mysql_stmt_free_result(st);
			return -1;
		}
	}
	if (rc == -1)
		return -1;
	return nrows > INT32_MAX ? INT32_MAX : (int)nrows;
}

/* ---- a result read one row at a time by the caller (db_stream_*) ---- */

static struct fetcher	 strm;

int
db_stream_open(enum stmt id, const struct dbp *p, size_t np)
{
	MYSQL_STMT	*st;

	if (strm_open != 0) {
		log_warnx("db: %s: a stream is already open", stmt_names[id]);
		last_errno = CR_COMMANDS_OUT_OF_SYNC;
		return -1;
	}
	if ((st = execute(id, p, np)) == NULL)
		return -1;
	if (strm_abind == NULL) {
		strm_abind = arena_new(COLBUF * 8);
		strm_arow = arena_new(4096);
	}
	arena_reset(strm_abind);
	arena_reset(strm_arow);
	if (fetcher_start(&strm, st, id, strm_abind, strm_arow, 1) == -1)
		return -1;
	strm_open = 1;
	return 1;
}

int
db_stream_next(const struct dbrow **row)
{
	int	 rc;

	*row = NULL;
	if (strm_open != 1)
		return -1;
	if ((rc = fetcher_next(&strm)) == 1)
		*row = &strm.row;
	else
		strm_open = -1;		/* the result is freed */
	return rc;
}

void
db_stream_close(void)
{
	if (strm_open == 1)
		mysql_stmt_free_result(strm.st);	/* the rest is read
							 * and dropped */
	strm_open = 0;
	if (strm_arow != NULL)
		arena_reset(strm_arow);
}

/* db_query's fetch callback: keep the row (its columns are in the arena). */
struct keep {
	struct arena	*a;
	struct dbres	*res;
	size_t		 cap;
};

static int
keep_row(void *ctx, const struct dbrow *row)
{
	struct keep	*k = ctx;
	struct dbres	*res = k->res;

	if (res->nrows == k->cap) {
		size_t ncap = k->cap ? k->cap * 2 : 16;

		res->rows = arena_realloc(k->a, res->rows,
		    k->cap * sizeof(*res->rows), ncap * sizeof(*res->rows));
		k->cap = ncap;
	}
	res->rows[res->nrows++] = *row;
	return 0;
}

int
db_query(struct arena *a, enum stmt id, const struct dbp *p, size_t np,
    struct dbres *res)
{
	MYSQL_STMT	*st;
	struct keep	 k = { a, res, 0 };

	memset(res, 0, sizeof(*res));
	if ((st = execute(id, p, np)) == NULL)
		return -1;
	res->ncols = cols[id].n;
	return fetch(st, id, a, a, 0, keep_row, &k);
}

int
db_query_each(enum stmt id, const struct dbp *p, size_t np,
    int (*fn)(void *, const struct dbrow *), void *ctx)
{
	MYSQL_STMT	*st;
	struct arena	*abind, *arow;
	int		 rc;

	if ((st = execute(id, p, np)) == NULL)
		return -1;
	abind = arena_new(COLBUF * 8);
	arow = arena_new(4096);
	rc = fetch(st, id, abind, arow, 1, fn, ctx);
	arena_free(arow);
	arena_free(abind);
	return rc;
}

int64_t
db_exec(enum stmt id, const struct dbp *p, size_t np, uint64_t *insert_id)
{
	MYSQL_STMT	*st;
	my_ulonglong	 n;

	if ((st = execute(id, p, np)) == NULL)
		return -1;
	n = mysql_stmt_affected_rows(st);
	if (insert_id != NULL)
		*insert_id = mysql_stmt_insert_id(st);
	return n == (my_ulonglong)-1 ? 0 : (int64_t)n;
}

int64_t
db_exec_bulk(enum stmt id, const struct dbcol *c, size_t nc, size_t nrows)
{
	MYSQL_BIND	 b[MAXPARAMS];
	MYSQL_STMT	*st;
	unsigned int	 size = (unsigned int)nrows, none = 0;
	my_ulonglong	 n;
	size_t		 i;
	int		 rc;

	if (nrows == 0)
		return 0;
	if (txn_broken)
		return -1;	/* last_errno still says why (as execute) */
	if (nrows > UINT32_MAX || db_connect() < 0)
		return -1;
	if ((st = prepare(id)) == NULL) {
		drop_if_broken();
		return -1;
	}
	if (nc > MAXPARAMS || mysql_stmt_param_count(st) != nc) {
		log_warnx("db: %s: parameter count mismatch", stmt_names[id]);
		return -1;
	}
	memset(b, 0, sizeof(b[0]) * (nc ? nc : 1));
	for (i = 0; i < nc; i++) {
		if (c[i].t == DBP_INT) {
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)c[i].i;
		} else {
			b[i].buffer_type = c[i].t == DBP_BLOB ?
			    MYSQL_TYPE_BLOB : MYSQL_TYPE_STRING;
			b[i].buffer = (void *)c[i].s;
			b[i].length = (unsigned long *)c[i].len;
		}
		if (c[i].null != NULL)
			b[i].u.indicator = (char *)c[i].null;
	}
	rc = mysql_stmt_attr_set(st, STMT_ATTR_ARRAY_SIZE, &size) != 0 ||
	    mysql_stmt_bind_param(st, b) != 0 || mysql_stmt_execute(st) != 0;
	if (rc) {
		last_errno = mysql_stmt_errno(st);
		if (!is_conn_error(last_errno))
			log_warnx("db: %s (%zu rows): %u %s", stmt_names[id],
			    nrows, last_errno, mysql_stmt_error(st));
	} else
		n = mysql_stmt_affected_rows(st);
	/* Back to one row per execution for anyone else. */
	mysql_stmt_attr_set(st, STMT_ATTR_ARRAY_SIZE, &none);
	if (rc) {
		drop_if_broken();
		return -1;
	}
	if (txn_left_silently())
		return -1;
	return n == (my_ulonglong)-1 ? 0 : (int64_t)n;
}

int
db_begin(void)
{
	if (in_txn) {
		/* START TRANSACTION would commit it: never half a save. */
		log_warnx("db: begin inside a transaction: rolled back");
		db_rollback();
	}
	txn_fate = TXN_OK;
	txn_broken = 0;
	/* Not in a transaction yet, so a lost connection is reconnected. */
	if (db_exec(STMT_TXN_BEGIN, NULL, 0, NULL) < 0)
		return -1;
	in_txn = 1;
	return 1;
}

int
db_in_txn(void)
{
	return in_txn;
}

int
db_commit(void)
{
	unsigned	 e;

	if (txn_broken || conn == NULL) {
		/* The connection went before COMMIT, or a deadlock rolled
		 * the transaction back (txn_if_rolled_back): nothing to
		 * commit. The server is told so all the same (db_rollback),
		 * so that nothing of it can stay open on the connection for
		 * the next START TRANSACTION to commit. */
		db_rollback();
		return -1;
	}
	in_txn = 0;
	if (mysql_commit(conn) == 0)
		return 1;
	e = last_errno = mysql_errno(conn);
	log_warnx("db: commit: %u %s", e, mysql_error(conn));
	if (e == CR_SERVER_GONE_ERROR || e == ER_WSREP_NOT_READY) {
		txn_fate = TXN_LOST;	/* COMMIT not sent, or refused */
		conn_drop();
	} else if (e == ER_LOCK_DEADLOCK || e == ER_LOCK_WAIT_TIMEOUT)
		/* A deadlock, or on Galera a certification failure (1213):
		 * rolled back, and to be run again (a connection that cannot
		 * roll back is dropped: db_rollback). */
		db_rollback();
	else {
		/* Sent and not answered, or failed while committing (1180:
		 * on Galera, a node that left the primary component while
		 * replicating it): it may have been committed. The next
		 * statement goes to the next server. */
		txn_fate = TXN_UNKNOWN;
		conn_drop();
	}
	return -1;
}

void
db_rollback(void)
{
	unsigned	 saved = last_errno;

	in_txn = 0;
	txn_broken = 0;
	if (conn == NULL)
		return;
	if (mysql_rollback(conn) != 0) {
		/* A connection that cannot roll back is not to be trusted. */
		last_errno = mysql_errno(conn);
		conn_drop();
	}
	last_errno = saved;
}

int
db_exec_migration_sql(const char *sql, size_t len)
{
	MYSQL_STMT	*st;
	int		 rc = 1;

	if (db_connect() < 0)
		return -1;
	if ((st = mysql_stmt_init(conn)) == NULL)
		return -1;
	if (mysql_stmt_prepare(st, sql, (unsigned long)len) != 0 ||
	    mysql_stmt_execute(st) != 0) {
		last_errno = mysql_stmt_errno(st);
		log_warnx("db: migration: %s", mysql_stmt_error(st));
		rc = -1;
	}
	mysql_stmt_close(st);
	return rc;
}

int64_t
dbrow_int(const struct dbrow *r, size_t c)
{
	if (r->null[c])
		return 0;
	if (r->col[c] == NULL)
		return r->num[c];
	return strtoll(r->col[c], NULL, 10);
}

const char *
dbrow_str(const struct dbrow *r, size_t c)
{
	char	*t;

	if (r->null[c])
		return "";
	if (r->col[c] != NULL)
		return r->col[c];
	if (r->kind[c] == COL_DATE) {
		t = arena_alloc(r->a, DATE_STRLEN);
		date_format((int32_t)r->num[c], t, DATE_STRLEN);
		return t;
	}
	t = arena_alloc(r->a, 22);
	if (r->kind[c] == COL_INT && r->num[c] < 0) {
		t[0] = '-';
		fmt_u64(t + 1, 0 - (uint64_t)r->num[c]);
	} else
		fmt_u64(t, (uint64_t)r->num[c]);
	return t;
}

void
dbres_copy(struct arena *a, const struct dbres *from, struct dbres *to)
{
	size_t			 i, c, nc = from->ncols;
	const struct dbrow	*f;
	struct dbrow		*t;

	to->nrows = from->nrows;
	to->ncols = nc;
	to->rows = arena_calloc(a, from->nrows ? from->nrows : 1,
	    sizeof(*to->rows));
	for (i = 0; i < from->nrows; i++) {
		f = &from->rows[i];
		t = &to->rows[i];
		t->col = arena_calloc(a, nc ? nc : 1, sizeof(*t->col));
		t->len = arena_calloc(a, nc ? nc : 1, sizeof(*t->len));
		t->num = arena_calloc(a, nc ? nc : 1, sizeof(*t->num));
		t->null = arena_calloc(a, nc ? nc : 1, sizeof(*t->null));
		t->kind = f->kind;	/* the statement's, for the worker's life */
		t->a = a;
		memcpy(t->len, f->len, nc * sizeof(*t->len));
		memcpy(t->num, f->num, nc * sizeof(*t->num));
		memcpy(t->null, f->null, nc * sizeof(*t->null));
		for (c = 0; c < nc; c++)
			if (f->col[c] != NULL)
				t->col[c] = arena_strndup(a, f->col[c],
				    f->len[c]);
	}
}

int
dbrow_isnull(const struct dbrow *r, size_t c)
{
	return r->null[c];
}

int32_t
dbrow_day(const struct dbrow *r, size_t c)
{
	int32_t	 d;

	if (r->null[c])
		return DATE_NONE;
	if (r->col[c] == NULL && r->kind[c] == COL_DATE)
		return (int32_t)r->num[c];
	if (date_parse(dbrow_str(r, c), &d) == -1)
		return DATE_NONE;
	return d;
}

struct dbp
dbp_day(int32_t day, char *buf)
{
	if (day == DATE_NONE)
		return DBP_NUL;
	date_format(day, buf, DATE_STRLEN);
	return DBP_S(buf);
}
