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
#define MAXPARAMS 64

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

static int
is_conn_error(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == CR_SERVER_LOST_EXTENDED || e == ER_CONNECTION_KILLED ||
	    e == 4031 /* ER_CLIENT_INTERACTION_TIMEOUT */ ||
	    e == CR_COMMANDS_OUT_OF_SYNC || e == ER_SERVER_SHUTDOWN;
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

void
db_close(void)
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
	in_txn = 0;
}

int
db_connect(void)
{
	unsigned	 timeout;
	my_bool		 off = 0;

	if (conn != NULL)
		return 1;
	if ((conn = mysql_init(NULL)) == NULL) {
		last_errno = CR_OUT_OF_MEMORY;
		return -1;
	}
	timeout = 3;
	mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	timeout = 5;
	mysql_options(conn, MYSQL_OPT_READ_TIMEOUT, &timeout);
	mysql_options(conn, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
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
	if (mysql_real_connect(conn,
	    cfg.db_host[0] != '\0' ? cfg.db_host : NULL,
	    cfg.db_user, cfg.db_password, cfg.db_name,
	    cfg.db_host[0] != '\0' ? cfg.db_port : 0,
	    cfg.db_host[0] != '\0' ? NULL : cfg.db_socket, 0) == NULL) {
		last_errno = mysql_errno(conn);
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
	return last_errno == ER_LOCK_DEADLOCK ||
	    last_errno == ER_LOCK_WAIT_TIMEOUT;
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

/* Forget a broken connection so the next call reconnects. */
static void
drop_if_broken(void)
{
	if (is_conn_error(last_errno))
		db_close();
}

/*
 * Prepare, bind and execute statement id. On a lost connection outside a
 * transaction, reconnect, re-prepare and retry once.
 */
static MYSQL_STMT *
execute(enum stmt id, const struct dbp *p, size_t np)
{
	MYSQL_BIND	 b[MAXPARAMS];
	unsigned long	 lens[MAXPARAMS];
	MYSQL_STMT	*st;
	int		 attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		if (db_connect() < 0)
			return NULL;
		if ((st = prepare(id)) == NULL)
			goto fail;
		if (bind_params(st, p, np, b, lens) == -1)
			return NULL;
		if (mysql_stmt_execute(st) == 0)
			return st;
		last_errno = mysql_stmt_errno(st);
		if (!is_conn_error(last_errno))
			log_warnx("db: %s: %u %s", stmt_names[id], last_errno,
			    mysql_stmt_error(st));
fail:
		if (!is_conn_error(last_errno) || in_txn) {
			drop_if_broken();
			return NULL;
		}
		db_close();
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

/* Column i of the row just fetched, as text, into row (arena a). */
static int
column_text(struct arena *a, MYSQL_STMT *st, unsigned char kind, size_t i,
    const MYSQL_BIND *b, unsigned long len, struct dbrow *row)
{
	const MYSQL_TIME	*t;
	char			*c;
	int64_t			 v;

	switch (kind) {
	case COL_INT:
	case COL_UINT:
		c = arena_alloc(a, 22);
		v = *(const int64_t *)b->buffer;
		if (kind == COL_INT && v < 0) {
			c[0] = '-';
			row->len[i] = 1 + fmt_u64(c + 1, 0 - (uint64_t)v);
		} else
			row->len[i] = fmt_u64(c, (uint64_t)v);
		row->col[i] = c;
		return 0;
	case COL_DATE:
		t = b->buffer;
		c = arena_alloc(a, DATE_STRLEN);
		date_format(date_from_ymd((int)t->year, (int)t->month,
		    (int)t->day), c, DATE_STRLEN);
		row->col[i] = c;
		row->len[i] = strlen(c);
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

int
db_query(struct arena *a, enum stmt id, const struct dbp *p, size_t np,
    struct dbres *res)
{
	MYSQL_STMT	*st;
	MYSQL_BIND	 rb[MAXCOLS];
	unsigned long	 len[MAXCOLS];
	my_bool		 isnull[MAXCOLS], err[MAXCOLS];
	int64_t		 num[MAXCOLS];
	MYSQL_TIME	 tm[MAXCOLS];
	size_t		 ncols, i, cap = 0;
	int		 rc;

	memset(res, 0, sizeof(*res));
	if ((st = execute(id, p, np)) == NULL)
		return -1;
	if ((ncols = cols[id].n) == 0) {
		log_warnx("db: %s: not a query", stmt_names[id]);
		mysql_stmt_free_result(st);
		return -1;
	}
	memset(rb, 0, sizeof(rb[0]) * ncols);
	for (i = 0; i < ncols; i++) {
		switch (cols[id].kind[i]) {
		case COL_INT:
		case COL_UINT:
			rb[i].buffer_type = MYSQL_TYPE_LONGLONG;
			rb[i].buffer = &num[i];
			rb[i].is_unsigned = cols[id].kind[i] == COL_UINT;
			break;
		case COL_DATE:
			rb[i].buffer_type = MYSQL_TYPE_DATE;
			rb[i].buffer = &tm[i];
			break;
		default:
			rb[i].buffer_type = MYSQL_TYPE_STRING;
			rb[i].buffer = arena_alloc(a, COLBUF);
			rb[i].buffer_length = COLBUF;
			break;
		}
		rb[i].length = &len[i];
		rb[i].is_null = &isnull[i];
		/* The library sets it for text only, and reads it for all. */
		err[i] = 0;
		rb[i].error = &err[i];
	}
	if (mysql_stmt_bind_result(st, rb) != 0) {
		last_errno = mysql_stmt_errno(st);
		mysql_stmt_free_result(st);
		return -1;
	}
	res->ncols = ncols;
	while ((rc = mysql_stmt_fetch(st)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		struct dbrow	*row;

		if (res->nrows == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			res->rows = arena_realloc(a, res->rows,
			    cap * sizeof(*res->rows), ncap * sizeof(*res->rows));
			cap = ncap;
		}
		row = &res->rows[res->nrows++];
		row->col = arena_alloc(a, sizeof(char *) * ncols);
		row->len = arena_alloc(a, sizeof(size_t) * ncols);
		for (i = 0; i < ncols; i++) {
			if (isnull[i]) {
				row->col[i] = NULL;
				row->len[i] = 0;
			} else if (column_text(a, st, cols[id].kind[i], i,
			    &rb[i], len[i], row) == -1) {
				last_errno = mysql_stmt_errno(st);
				mysql_stmt_free_result(st);
				return -1;
			}
		}
	}
	if (rc != MYSQL_NO_DATA) {
		last_errno = mysql_stmt_errno(st);
		log_warnx("db: %s: fetch: %s", stmt_names[id],
		    mysql_stmt_error(st));
		mysql_stmt_free_result(st);
		drop_if_broken();
		return -1;
	}
	mysql_stmt_free_result(st);
	return (int)res->nrows;
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
	if (nrows > UINT32_MAX || db_connect() < 0 || (st = prepare(id)) == NULL)
		return -1;
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
	int	 rc = 1;

	if (conn == NULL)
		return -1;
	if (mysql_commit(conn) != 0) {
		last_errno = mysql_errno(conn);
		log_warnx("db: commit: %s", mysql_error(conn));
		rc = -1;
		mysql_rollback(conn);
	}
	in_txn = 0;
	drop_if_broken();
	return rc;
}

void
db_rollback(void)
{
	unsigned	 saved = last_errno;

	in_txn = 0;
	if (conn == NULL)
		return;
	if (mysql_rollback(conn) != 0) {
		/* A connection that cannot roll back is not to be trusted. */
		db_close();
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
	return r->col[c] == NULL ? 0 : strtoll(r->col[c], NULL, 10);
}

const char *
dbrow_str(const struct dbrow *r, size_t c)
{
	return r->col[c] == NULL ? "" : r->col[c];
}

int
dbrow_isnull(const struct dbrow *r, size_t c)
{
	return r->col[c] == NULL;
}

int32_t
dbrow_day(const struct dbrow *r, size_t c)
{
	int32_t	 d;

	if (dbrow_isnull(r, c) || date_parse(dbrow_str(r, c), &d) == -1)
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
