/*
 * case: /cases/ID, a case and its conversation for the operator's team.
 * POST op=comment (with a file), close, reopen, status (to=in_progress,
 * awaiting_customer, resolved) and triage (assignee, priority, category),
 * each an operation of ops/cases.c. A closed case takes no comments: it is
 * reopened first. Closing and reopening write an audit event and a system
 * line (a comment without an author) into the conversation. A change the
 * case's state no longer allows (someone changed it meanwhile) is 409
 * with the case shown as it is now.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/helpdesk.h"
#include "../ops/cases.h"
#include "../store/store.h"
#include "../store/store_case.h"
#include "../tpl/tpl.h"
#include "case_view.h"
#include "pages.h"

enum case_op {
	KO_COMMENT,	/* "comment" */
	KO_CLOSE,	/* "close" */
	KO_REOPEN,	/* "reopen" */
	KO_STATUS,	/* "status": to=in_progress|awaiting_customer|resolved */
	KO_TRIAGE,	/* "triage": assignee, priority, category */
	KO__MAX
};

static const char *const case_ops[KO__MAX + 1] = {
	"comment",	/* KO_COMMENT */
	"close",	/* KO_CLOSE */
	"reopen",	/* KO_REOPEN */
	"status",	/* KO_STATUS */
	"triage",	/* KO_TRIAGE */
	NULL,
};

/* The button of each move, by target status. */
static const char *const move_labels[HD_STATUS__MAX] = {
	"Reopen case",		/* HD_OPEN */
	"Start work",		/* HD_IN_PROGRESS */
	"Await customer",	/* HD_AWAITING */
	"Resolve",		/* HD_RESOLVED */
	"Close case",		/* HD_CLOSED */
};

static const struct field comment_field =
    { "comment", "Comment", FT_MULTILINE, 10000, 1, 0, 0, NULL, 0 };

/* An action on the case, as the form asks it. */
struct action {
	enum case_op		 op;
	struct fval		 comment;	/* KO_COMMENT */
	struct case_file	 file;		/* KO_COMMENT */
	enum hd_status		 to;		/* the moves */
	int64_t			 assignee;	/* KO_TRIAGE */
	enum hd_priority	 prio;		/* KO_TRIAGE */
	enum hd_category	 cat;		/* KO_TRIAGE */
};

/* The case's facts: who, where, what, the SLA. */
static void
fill_head(struct req *r, struct tpl_dict *d, const struct store_case *c)
{
	struct tpl_dict	*sub;

	tpl_set_int(d, TN_ID, c->id);
	tpl_set(d, TN_SUBJECT, c->subject);
	case_badge_set(d, c->status);
	tpl_set(d, TN_RAISED_BY, c->created_by[0] ? c->created_by :
	    "an unknown user");
	page_set_time(r, d, TN_RAISED, TN_RAISED_ISO, c->created_at);
	if (hd_status_parse(c->status) == HD_CLOSED && c->closed_at > 0)
		page_set_time(r, tpl_section(d, TN_CLOSED), TN_CLOSED_AT,
		    TN__MAX, c->closed_at);
	tpl_set_int(d, TN_OCC_ID, c->occupier_id);
	tpl_set(d, TN_OCC_NAME, c->occupier_name);
	tpl_set_int(d, TN_SITE_ID, c->site_id);
	tpl_set(d, TN_SITE_NAME, c->site_name);
	if (c->service_id > 0) {
		sub = tpl_section(d, TN_SERVICE);
		tpl_set_int(sub, TN_SERVICE_ID, c->service_id);
		tpl_set(sub, TN_SERVICE_NAME, c->service_name);
		tpl_set(sub, TN_SERVICE_CATEGORY, c->service_category);
	} else
		tpl_show(d, TN_NO_SERVICE);
	tpl_set(d, TN_PRIORITY, case_priority_label(c->priority));
	tpl_set(d, TN_CATEGORY, case_category_label(c->category));
	tpl_set(d, TN_ASSIGNEE, c->assignee_name[0] ? c->assignee_name :
	    "Unassigned");
	case_sla_set(r, d, c);
	tpl_set(d, TN_TZ, c->tz);
	tpl_set(d, TN_DETAILS, c->details);
	tpl_set_int(d, TN_NCOMMENTS, c->ncomments);
	tpl_set(d, TN_COMMENTS_NOUN, c->ncomments == 1 ? "comment" :
	    "comments");
}

/* Triage (assignee, priority, category) and the moves the status allows
 * (close and reopen keep their ops). */
static void
fill_controls(struct tpl_dict *d, const struct store_case *c,
    const struct store_case_option *team, size_t nteam)
{
	struct tpl_dict	*o;
	enum hd_status	 st = hd_status_parse(c->status);
	int		 j;

	case_options_fill(d, TN_ASSIGNEE_OPT, team, nteam, c->assignee_id);
	case_choices_fill(d, hd_priority_parse(c->priority),
	    hd_category_parse(c->category));
	for (j = 0; j < HD_STATUS__MAX; j++) {
		if (st == HD_STATUS__MAX || !hd_can_move(st, (enum hd_status)j))
			continue;
		o = tpl_section(d, TN_MOVE);
		tpl_set(o, TN_LABEL, move_labels[j]);
		if (j == HD_CLOSED)
			tpl_set(o, TN_OP, "close");
		else if (j == HD_OPEN)
			tpl_set(o, TN_OP, "reopen");
		else {
			tpl_set(o, TN_OP, "status");
			tpl_set(tpl_section(o, TN_TO), TN_KEY,
			    hd_status_names[j]);
		}
	}
}

/* The conversation, and the canned replies of the category: a choice
 * fills the comment (with JavaScript; without, ?reply=N does). */
static void
fill_lines(struct req *r, struct tpl_dict *d, const struct store_case *c,
    const struct store_case_comment *m, size_t n, const char *base)
{
	const struct hd_canned	*cr;
	struct tpl_dict		*line, *sub, *o;
	size_t			 ncr, i;
	int64_t			 reply;

	for (i = 0; i < n; i++) {
		line = tpl_section(d, TN_LINE);
		sub = tpl_section(line, m[i].user_id > 0 ? TN_PERSON :
		    TN_SYSTEM);
		tpl_set_int(sub, TN_ID, m[i].id);
		tpl_set(sub, TN_AUTHOR, m[i].author[0] ? m[i].author :
		    "Unknown user");
		tpl_set(sub, TN_BODY, m[i].body);
		page_set_time(r, sub, TN_AT, TN_AT_ISO, m[i].at);
	}
	tpl_show(d, n > 0 ? TN_HAS_LINES : TN_NO_LINES);
	cr = hd_replies(hd_category_parse(c->category), &ncr);
	if (query_id(r, "reply", &reply) < 0)
		reply = -1;
	for (i = 0; i < ncr; i++) {
		o = tpl_section(d, TN_REPLY_OPT);
		tpl_set_int(o, TN_N, (long long)i + 1);
		tpl_set(o, TN_LABEL, cr[i].label);
		tpl_set(o, TN_TEXT, cr[i].text);
		tpl_set(o, TN_HREF, arena_printf(r->a, "%s?reply=%zu#f-comment",
		    base, i + 1));
		if (r->method == M_GET && reply == (int64_t)i + 1)
			form_fill(r, d, "comment", cr[i].text);
	}
	if (ncr > 0)
		tpl_show(d, TN_HAS_REPLIES);
}

/* Fill the case screen and end it. kept: a comment refused because the
 * case is closed, shown back to copy (NULL: none). */
static void
case_show(struct req *r, struct tpl_dict *d, const struct store_case *c,
    const char *kept)
{
	struct store_case_comment	*m;
	struct store_case_option	*team;
	size_t				 n, nteam;
	const char			*base;

	base = arena_printf(r->a, "/cases/%lld", (long long)c->id);
	if (store_case_comments(r->a, r->user.operator_id, c->id, &m, &n) <
	    0 || store_case_options(r->a, r->user.operator_id,
	    STORE_CASE_OPT_TEAM, &team, &nteam) < 0 ||
	    case_files_fill(r, d, c->id, base) < 0) {
		page_store_error(r);
		return;
	}
	fill_head(r, d, c);
	fill_controls(d, c, team, nteam);
	fill_lines(r, d, c, m, n, base);
	if (hd_status_parse(c->status) != HD_CLOSED)
		tpl_show(d, TN_CAN_COMMENT);
	else {
		tpl_show(d, TN_IS_CLOSED);
		if (kept != NULL)
			tpl_set(tpl_section(d, TN_KEPT), TN_TEXT, kept);
	}
	page_end(r);
}

/* The triage form: assignee (a team member, or nobody:
 * ops_case_assignee_check), priority and category. The errors (messages
 * into d), or -1 when answered (500). */
static int
triage_read(struct req *r, struct tpl_dict *d, struct action *a)
{
	struct ops_result	 why;
	struct ops_ctx		 c;
	int			 bad = 0, k, rc;

	memset(&why, 0, sizeof(why));
	page_ops_ctx(r, &c);
	if (form_id(r, "assignee", &a->assignee) < 0)
		a->assignee = -1;	/* not an id: refused as no member */
	if ((rc = ops_case_assignee_check(&c, a->assignee, &why)) < 0) {
		page_store_error(r);
		return -1;
	}
	if (rc == 0) {
		form_error(r, d, why.m[0].field, why.m[0].text);
		bad++;
	}
	if ((k = form_enum(r, "priority", hd_priority_names)) < 0) {
		form_error(r, d, "priority", "Priority must be one of the "
		    "choices.");
		bad++;
	}
	a->prio = k < 0 ? HD_NORMAL : (enum hd_priority)k;
	if ((k = form_enum(r, "category", hd_category_names)) < 0) {
		form_error(r, d, "category", "Category must be one of the "
		    "choices.");
		bad++;
	}
	a->cat = k < 0 ? HD_CAT_OTHER : (enum hd_category)k;
	return bad;
}

/* The action the form asks for into a. The errors (messages into d), or
 * -1 when answered (400, 500). */
static int
action_read(struct req *r, struct tpl_dict *d, struct action *a)
{
	int	 bad, k;

	memset(a, 0, sizeof(*a));
	if ((k = form_enum(r, "op", case_ops)) < 0) {
		http_error_msg(r, 400, "Unknown action on a case.");
		return -1;
	}
	switch ((a->op = (enum case_op)k)) {
	case KO_COMMENT:
		bad = form_read(r, d, &comment_field, 1, &a->comment);
		if (a->comment.err == NULL && hd_is_template(a->comment.s)) {
			form_error(r, d, "comment", "The comment is a canned "
			    "reply unchanged: fill in its [bracketed] parts "
			    "before sending it.");
			bad++;
		}
		return bad + (case_file_check(r, d, &a->file) < 0);
	case KO_CLOSE:
		a->to = HD_CLOSED;
		return 0;
	case KO_REOPEN:
		a->to = HD_OPEN;
		return 0;
	case KO_STATUS:
		if ((k = form_enum(r, "to", hd_status_names)) < 0 ||
		    k == HD_CLOSED || k == HD_OPEN) {
			http_error_msg(r, 400, "Unknown status for a case.");
			return -1;
		}
		a->to = (enum hd_status)k;
		return 0;
	default:
		return triage_read(r, d, a);
	}
}

/* Run action a on case c. The operation's three-way return; *cid: the
 * comment added. */
static int
action_run(struct req *r, const struct store_case *c, const struct action *a,
    struct ops_result *why, int64_t *cid)
{
	struct ops_ctx		 ctx;
	struct case_comment_in	 ci = { c, a->comment.s, &a->file };
	struct case_comment_out	 co;
	struct case_move_in	 mi = { c, a->to, r->user.name };
	struct case_move_out	 mo;
	struct case_triage_in	 ti = { c, a->assignee, a->prio, a->cat };
	struct case_triage_out	 to;
	int			 rc;

	page_ops_ctx(r, &ctx);
	if (a->op == KO_COMMENT) {
		rc = ops_case_comment(&ctx, &ci, &co);
		*cid = co.comment_id;
		*why = co.why;
	} else if (a->op == KO_TRIAGE) {
		rc = ops_case_triage(&ctx, &ti, &to);
		*why = to.why;
	} else {
		rc = ops_case_move(&ctx, &mi, &mo);
		*why = mo.why;
	}
	return rc;
}

void
page_case(struct req *r)
{
	struct tpl_dict		*d;
	struct store_case	 c;
	struct action		 a;
	struct ops_result	 why;
	int64_t			 cid = 0;
	int			 rc;

	if ((rc = store_case_get(r->a, r->user.operator_id, r->ids[0], &c)) <=
	    0) {
		if (rc < 0)
			page_store_error(r);
		else
			http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, arena_printf(r->a, "Case %lld",
	    (long long)c.id), "case.tpl", "cases")) == NULL)
		return;
	if (r->method == M_GET) {
		case_show(r, d, &c, NULL);
		return;
	}
	if ((rc = action_read(r, d, &a)) != 0) {
		if (rc > 0) {
			r->status = 422;
			case_show(r, d, &c, NULL);
		}
		return;
	}
	if ((rc = action_run(r, &c, &a, &why, &cid)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc > 0) {
		http_redirect(r, a.op == KO_COMMENT ? arena_printf(r->a,
		    "/cases/%lld?done=saved#c%lld", (long long)c.id,
		    (long long)cid) : arena_printf(r->a,
		    "/cases/%lld?done=saved", (long long)c.id));
		return;
	}
	/* Refused: someone changed the state meanwhile. Show it as it is. */
	if ((rc = store_case_get(r->a, r->user.operator_id, c.id, &c)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		else
			http_error(r, 404);
		return;
	}
	page_refused(r, d, &why);
	case_show(r, d, &c, a.op == KO_COMMENT ? a.comment.s : NULL);
}
