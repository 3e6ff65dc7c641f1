/*
 * my_case: /my/cases/ID, one of the occupier's cases and its conversation;
 * POST adds a comment while the case is open. An occupier admin sees every
 * case of its occupier, an occupier user only the cases it raised; any
 * other case, of another occupier or another operator, is 404, exactly
 * like a missing one. Closing and reopening are the operator's. The
 * comment is ops_case_comment's (ops/cases.c).
 */
#include <stdio.h>
#include <string.h>

#include "../domain/helpdesk.h"
#include "../ops/cases.h"
#include "../store/store.h"
#include "../store/store_account.h"
#include "../store/store_case.h"
#include "../tpl/tpl.h"
#include "case_view.h"
#include "pages.h"

static const struct field comment_field =
    { "comment", "Comment", FT_MULTILINE, 10000, 1, 0, 0, NULL, 0 };

/* Load case id if the user may see it. 1, 0 (404), -1. */
int
my_case_load(struct req *r, int64_t id, struct store_case *c)
{
	int	 rc;

	if ((rc = store_case_get(r->a, r->user.operator_id, id, c)) <= 0)
		return rc;
	if (c->occupier_id != r->user.occupier_id)
		return 0;
	if (r->user.role == ROLE_OCCUPIER_ADMIN)
		return 1;
	return c->created_by_id == r->user.id ? 1 : 0;
}

/* The case and its conversation. open: comments are taken. 1, or 0 when
 * the response is made (an error page). */
static int
fill_case(struct req *r, struct tpl_dict *d, const struct store_case *c,
    int open)
{
	struct store_case_comment	*m;
	struct tpl_dict			*line;
	enum hd_status			 st;
	enum hd_priority		 pr = hd_priority_parse(c->priority);
	enum hd_category		 cat = hd_category_parse(c->category);
	size_t				 n, i;

	if (store_case_comments(r->a, r->user.operator_id, c->id, &m, &n) < 0 ||
	    case_files_fill(r, d, c->id, arena_printf(r->a, "/my/cases/%lld",
	    (long long)c->id)) < 0) {
		page_store_error(r);
		return 0;
	}
	tpl_set_int(d, TN_ID, c->id);
	tpl_set(d, TN_SUBJECT, c->subject);
	tpl_set(d, TN_SITE_NAME, c->site_name);
	tpl_set(d, TN_RAISED_BY, *c->created_by ? c->created_by : "Unknown");
	page_set_time(r, d, TN_RAISED, TN_RAISED_ISO, c->created_at);
	if (c->service_id > 0)
		tpl_set(tpl_section(d, TN_SERVICE), TN_SERVICE_NAME,
		    c->service_name);
	else
		tpl_show(d, TN_NO_SERVICE);
	tpl_set(d, TN_DETAILS, c->details);
	if ((st = hd_status_parse(c->status)) == HD_STATUS__MAX)
		st = HD_OPEN;
	tpl_set(d, TN_STATUS, hd_status_labels[st]);
	tpl_set(d, TN_PRIORITY, pr < HD_PRIORITY__MAX ? hd_priority_labels[pr] :
	    c->priority);
	tpl_set(d, TN_CATEGORY, cat < HD_CATEGORY__MAX ?
	    hd_category_labels[cat] : c->category);
	tpl_set(d, TN_STATUS_CLASS, hd_status_classes[st]);
	for (i = 0; i < n; i++) {
		line = tpl_section(d, TN_LINE);
		tpl_set_int(line, TN_ID, m[i].id);
		tpl_set(line, TN_BODY, m[i].body);
		page_set_time(r, line, TN_AT, TN_AT_ISO, m[i].at);
		if (m[i].user_id > 0) {
			tpl_show(line, TN_PERSON);
			tpl_set(line, TN_AUTHOR, m[i].author);
		} else
			tpl_show(line, TN_SYSTEM);
	}
	tpl_show(d, n > 0 ? TN_HAS_LINES : TN_NO_LINES);
	tpl_show(d, open ? TN_CAN_COMMENT : TN_IS_CLOSED);
	return 1;
}

/* POST: add the comment (1: answered, the redirect or an error page), or
 * 0 with the form's messages in d (*open 0 when the case turned out
 * closed). */
static int
comment_post(struct req *r, struct tpl_dict *d, const struct store_case *k,
    int *open)
{
	struct case_comment_in	 in;
	struct case_comment_out	 out;
	struct case_file	 cf;
	struct ops_ctx		 c;
	struct fval		 v;
	int			 bad, rc;

	bad = form_read(r, d, &comment_field, 1, &v);
	if (case_file_check(r, d, &cf) < 0)
		bad++;
	if (bad > 0) {
		r->status = 422;
		return 0;
	}
	in.kase = k;
	in.body = v.s;
	in.file = &cf;
	page_ops_ctx(r, &c);
	if ((rc = ops_case_comment(&c, &in, &out)) < 0) {
		page_store_error(r);
		return 1;
	}
	if (rc == 0) {
		page_refused(r, d, &out.why);
		*open = 0;
		return 0;
	}
	http_redirect(r, arena_printf(r->a,
	    "/my/cases/%lld?done=comment_added#c%lld", (long long)k->id,
	    (long long)out.comment_id));
	return 1;
}

void
page_my_case(struct req *r)
{
	struct tpl_dict		*d;
	struct store_case	 c;
	int			 rc, open;

	if ((rc = my_case_load(r, r->ids[0], &c)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, c.subject, "my_case.tpl", "mycases")) == NULL)
		return;
	open = strcmp(c.status, "closed") != 0;
	if (r->method == M_POST && comment_post(r, d, &c, &open))
		return;
	if (fill_case(r, d, &c, open))
		page_end(r);
}
