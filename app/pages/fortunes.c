/*
 * fortunes: TechEmpower's Fortunes test by its published rules:
 * every row of the fortune table, one more added at request time, sorted
 * by message, escaped through the template, a complete HTML page. Public
 * and without a session: it measures the stack, not sign-in.
 */
#include <stdlib.h>
#include <string.h>

#include "../store/db.h"
#include "../tpl/tpl.h"
#include "pages.h"

struct fortune {
	const char	*id;
	const char	*message;
};

static int
by_message(const void *a, const void *b)
{
	return strcmp(((const struct fortune *)a)->message,
	    ((const struct fortune *)b)->message);
}

static void
emit(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

void
page_fortunes(struct req *r)
{
	struct dbres	 res;
	struct fortune	*f;
	struct tpl_dict	*d, *row;
	size_t		 i, n;

	if (db_query(r->a, STMT_FORTUNES, NULL, 0, &res) < 0) {
		page_store_error(r);
		return;
	}
	n = res.nrows + 1;
	f = arena_calloc(r->a, n, sizeof(*f));
	for (i = 0; i < res.nrows; i++) {
		f[i].id = dbrow_str(&res.rows[i], 0);
		f[i].message = dbrow_str(&res.rows[i], 1);
	}
	f[res.nrows].id = "0";
	f[res.nrows].message = "Additional fortune added at request time.";
	qsort(f, n, sizeof(*f), by_message);
	if ((d = tpl_dict_new("fortunes")) == NULL) {
		http_error(r, 500);
		return;
	}
	arena_defer(r->a, tpl_dict_free, d);
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_ROW);
		tpl_set(row, TN_ID, f[i].id);
		tpl_set(row, TN_MESSAGE, f[i].message);
	}
	r->body.len = 0;
	if (tpl_render("fortunes.tpl", d, emit, &r->body) == -1) {
		http_error(r, 500);
		return;
	}
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
	r->done = 1;
}
