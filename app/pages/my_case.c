/*
 * my_case: /my/cases/ID, one of the occupier's cases and its conversation;
 * POST adds a comment while the case is open. An occupier admin sees every
 * case of its occupier, an occupier user only the cases it raised; any
 * other case, of another occupier or another operator, is 404, exactly
 * like a missing one. Closing and reopening are the operator's.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/helpdesk.h"
#include "../notify.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_account.h"
#include "../store/store_case.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define SAVE_TRIES	3

static const struct field comment_field =
    { "comment", "Comment", FT_MULTILINE, 10000, 1, 0, 0, NULL };

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

/* 1 added, 0 the case is closed (nothing written), -1 error. */
static int
comment_once(struct req *r, const struct store_case *c, const char *body,
    const struct case_file *cf, int64_t *cid)
{
	const char	*was;
	int		 rc;

	if (db_begin() < 0)
		return -1;
	rc = store_case_comment_insert(r->user.operator_id, c->id, r->user.id,
	    body, cid);
	if (rc > 0)
		rc = case_file_save(r, c->id, *cid, cf);
	/* The customer answered: the SLA clock runs again. */
	if (rc > 0 && strcmp(c->status, "awaiting_customer") == 0)
		rc = store_case_move(r->a, r->user.operator_id, c->id,
		    "in_progress", r->now, 0, &was) < 0 ? -1 : 1;
	if (rc > 0)
		rc = store_audit(r->user.operator_id, c->occupier_id,
		    c->site_id, r->user.id, "case", c->id, "comment", NULL,
		    arena_printf(r->a, "comment=%s%s%s", body, cf->data ?
		    "\nattachment=" : "", cf->data ? cf->name : ""));
	if (rc > 0)
		rc = notify_case(r->a, r->user.operator_id, c->id,
		    NOTIFY_CASE_COMMENT, 0, r->user.id, body, r->now);
	if (rc > 0 && db_commit() > 0)
		return 1;
	db_rollback();
	return rc > 0 ? -1 : rc;
}

void
page_my_case(struct req *r)
{
	struct tpl_dict			*d, *line;
	struct store_case		 c;
	struct store_case_comment	*m;
	struct fval			 v;
	size_t				 n, i;
	int64_t				 cid = 0;
	int				 rc, attempt, open, bad;
	enum hd_status			 st;
	struct case_file		 cf;

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
	if (r->method == M_POST) {
		bad = form_read(r, d, &comment_field, 1, &v);
		if (case_file_check(r, d, &cf) < 0)
			bad++;
		if (bad > 0) {
			r->status = 422;
		} else {
			for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
				rc = comment_once(r, &c, v.s, &cf, &cid);
				if (rc >= 0 || !db_retryable())
					break;
			}
			if (rc < 0) {
				page_store_error(r);
				return;
			}
			if (rc > 0) {
				http_redirect(r, arena_printf(r->a,
				    "/my/cases/%lld?done=comment_added#c%lld",
				    (long long)c.id, (long long)cid));
				return;
			}
			r->status = 409;
			form_error(r, d, NULL, "This case is closed: your "
			    "comment was not added. Ask your operator to "
			    "reopen it.");
			open = 0;
		}
	}
	if (store_case_comments(r->a, r->user.operator_id, c.id, &m, &n) < 0 ||
	    case_files_fill(r, d, c.id, arena_printf(r->a, "/my/cases/%lld",
	    (long long)c.id)) < 0) {
		page_store_error(r);
		return;
	}
	tpl_set_int(d, TN_ID, c.id);
	tpl_set(d, TN_SUBJECT, c.subject);
	tpl_set(d, TN_SITE_NAME, c.site_name);
	tpl_set(d, TN_RAISED_BY, *c.created_by ? c.created_by : "Unknown");
	page_set_time(r, d, TN_RAISED, TN_RAISED_ISO, c.created_at);
	if (c.service_id > 0)
		tpl_set(tpl_section(d, TN_SERVICE), TN_SERVICE_NAME,
		    c.service_name);
	else
		tpl_show(d, TN_NO_SERVICE);
	tpl_set(d, TN_DETAILS, c.details);
	if ((st = hd_status_parse(c.status)) == HD_STATUS__MAX)
		st = HD_OPEN;
	tpl_set(d, TN_STATUS, hd_status_labels[st]);
	tpl_set(d, TN_PRIORITY, hd_priority_parse(c.priority) < HD_PRIORITY__MAX ?
	    hd_priority_labels[hd_priority_parse(c.priority)] : c.priority);
	tpl_set(d, TN_CATEGORY, hd_category_parse(c.category) < HD_CATEGORY__MAX ?
	    hd_category_labels[hd_category_parse(c.category)] : c.category);
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
	page_end(r);
}
