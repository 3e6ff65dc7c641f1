/*
 * ops/cases: see cases.h.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/validate.h"
#include "../notify.h"
#include "cases.h"
#include "webhooks.h"

const struct field ops_case_raise_fields[CRF__MAX] = {
	[CRF_SUBJECT] = { "subject", "Subject", FT_TEXT, 200, 1, 0, 0, NULL, 0 },
	[CRF_DETAILS] = { "details", "Details", FT_MULTILINE, 10000, 1, 0, 0, NULL, 1 },
	[CRF_PRIORITY] = { "priority", "Priority", FT_TEXT, 16, 0, 0, 0, NULL, 0 },
	[CRF_CATEGORY] = { "category", "Category", FT_TEXT, 24, 0, 0, 0, NULL, 0 },
};

/* 1 when ctx acts for an occupier (its own users), else the operator. */
static int
occupier_side(const struct ops_ctx *c)
{
	return c->occupier_id > 0;
}

/* Store file f with case id (comment 0: with the case itself) inside t;
 * nothing when f holds no file. 1, 0 (no such case), -1. */
static int
file_save(struct txn *t, int64_t case_id, int64_t comment,
    const struct case_file *f)
{
	int64_t	 id;

	if (f == NULL || f->data == NULL)
		return 1;
	return store_case_att_insert(t->operator_id, case_id, comment, f->name,
	    f->ctype, f->data, f->len, t->user_id, t->now, &id);
}

/* "comment=...\nattachment=NAME" of a comment's audit event. */
static char *
comment_text(struct arena *a, const char *body, const struct case_file *f)
{
	int	 has = f != NULL && f->data != NULL;

	return arena_printf(a, "comment=%s%s%s", body, has ? "\nattachment=" :
	    "", has ? f->name : "");
}

/* ---- raise ---- */

int
ops_case_details_check(const char *details, struct ops_result *why)
{
	if (details == NULL || !hd_is_template(details))
		return 1;
	return ops_refuse(why, OPS_INVALID, "details", "Details are the "
	    "checklist unchanged: answer each point of it before sending the "
	    "case.");
}

int
ops_case_choices(const char *prio_name, const char *cat_name,
    const char *svc_category, enum hd_priority *prio, enum hd_category *cat,
    struct ops_result *why)
{
	size_t	 n = why->n;
	int	 i;

	*prio = HD_NORMAL;
	if (prio_name != NULL) {
		if ((i = validate_enum(prio_name, hd_priority_names)) < 0)
			ops_refuse(why, OPS_INVALID, "priority", "Priority must "
			    "be one of the choices.");
		else
			*prio = (enum hd_priority)i;
	}
	*cat = svc_category != NULL ? hd_category_by_label(svc_category) :
	    HD_CAT_OTHER;
	if (cat_name != NULL) {
		if ((i = validate_enum(cat_name, hd_category_names)) < 0)
			ops_refuse(why, OPS_INVALID, "category", "Category must "
			    "be one of the choices.");
		*cat = i < 0 ? HD_CATEGORY__MAX : (enum hd_category)i;
	}
	if (*cat == HD_CATEGORY__MAX)
		*cat = HD_CAT_OTHER;
	return (int)(why->n - n);
}

int
ops_case_service_check(struct arena *a, const struct store_case_option *svc,
    const struct store_case_option *mine, size_t nmine, const char *occ_name,
    const char *site_name, struct ops_result *why)
{
	size_t	 i;

	if (svc == NULL)
		return 1;
	for (i = 0; i < nmine; i++)
		if (mine[i].id == svc->id)
			return 1;
	return ops_refuse(why, OPS_INVALID, "service", arena_printf(a,
	    "Related service: %s is not one of %s's services at %s. Choose "
	    "one of them, or None.", svc->name, occ_name, site_name));
}

int
ops_case_assignee_check(struct ops_ctx *c, int64_t assignee,
    struct ops_result *why)
{
	struct store_case_option	*team;
	size_t				 n, i;

	if (assignee == 0)
		return 1;
	if (assignee > 0) {
		if (store_case_options(c->t.a, c->t.operator_id,
		    STORE_CASE_OPT_TEAM, &team, &n) < 0)
			return -1;
		for (i = 0; i < n; i++)
			if (team[i].id == assignee)
				return 1;
	}
	return ops_refuse(why, OPS_INVALID, "assignee", "Assignee must be a "
	    "member of the team.");
}

struct raise {
	struct ops_ctx			*c;
	const struct case_raise_in	*in;
	struct case_raise_out		*out;
	int64_t				 occ;
};

static int
raise_refuse(struct raise *s)
{
	struct txn	*t = &s->c->t;

	if (occupier_side(s->c))
		return ops_refuse(&s->out->why, OPS_INVALID, "site",
		    "Site must be one of your sites.");
	return ops_refuse(&s->out->why, OPS_INVALID, "site", arena_printf(t->a,
	    "%s has no contract at %s: a case must concern an occupier "
	    "present at that site. Choose a site where it has a contract.",
	    s->in->occupier_name, s->in->site_name));
}

static int
raise_txn(struct txn *t, void *arg)
{
	struct raise			*s = arg;
	const struct case_raise_in	*in = s->in;
	int64_t				*id = &s->out->id;
	int				 rc;

	if ((rc = store_case_contract_exists(t->a, t->operator_id, s->occ,
	    in->site_id)) > 0)
		rc = store_case_insert(t->operator_id, s->occ, in->site_id,
		    in->service_id, in->subject, in->details, t->user_id,
		    hd_priority_names[in->priority],
		    hd_category_names[in->category], t->now, id);
	if (rc > 0)
		rc = file_save(t, *id, 0, in->file);
	if (rc == 0)
		return raise_refuse(s);
	if (rc < 0 || txn_audit(t, s->occ, in->site_id, "case", *id, "create",
	    NULL, arena_printf(t->a, "subject=%s\nservice=%s\nstatus=open\n"
	    "details=%s", in->subject, in->service_name, in->details)) < 0 ||
	    ops_event(t, WH_CASE_CREATED, s->occ, in->site_id, *id,
	    arena_printf(t->a, "subject=%s\nservice=%s\nstatus=open\n"
	    "priority=%s\ncategory=%s", in->subject, in->service_name,
	    hd_priority_names[in->priority],
	    hd_category_names[in->category])) < 0)
		return -1;
	/* The other side hears of it: raised by the operator, the occupier;
	 * raised by the occupier, the operator's team. */
	return notify_case(t->a, t->operator_id, *id, NOTIFY_CASE_RAISED,
	    !occupier_side(s->c), t->user_id, NULL, t->now) > 0 ? 1 : -1;
}

int
ops_case_raise(struct ops_ctx *c, const struct case_raise_in *in,
    struct case_raise_out *out)
{
	struct raise	 s = { c, in, out, 0 };

	memset(out, 0, sizeof(*out));
	if (!ops_case_details_check(in->details, &out->why))
		return 0;
	s.occ = occupier_side(c) ? c->occupier_id : in->occupier_id;
	return db_txn(&c->t, raise_txn, &s);
}

/* ---- comment ---- */

struct comment {
	struct ops_ctx			*c;
	const struct case_comment_in	*in;
	struct case_comment_out		*out;
};

static int
comment_refuse(struct comment *s)
{
	return ops_refuse(&s->out->why, OPS_CONFLICT, NULL,
	    occupier_side(s->c) ? "This case is closed: your comment was not "
	    "added. Ask your operator to reopen it." : "This case is closed: "
	    "reopen it to add a comment. Your comment was not saved.");
}

static int
comment_txn(struct txn *t, void *arg)
{
	struct comment		*s = arg;
	const struct store_case	*k = s->in->kase;
	int64_t			*cid = &s->out->comment_id;
	const char		*was;
	int			 occside = occupier_side(s->c), rc;

	rc = store_case_comment_insert(t->operator_id, k->id, t->user_id,
	    s->in->body, cid);
	if (rc > 0)
		rc = file_save(t, k->id, *cid, s->in->file);
	if (rc == 0)
		return comment_refuse(s);
	if (rc < 0)
		return -1;
	if (!occside && store_case_first_response(t->operator_id, k->id,
	    t->now) < 0)
		return -1;
	/* The customer answered: the SLA clock runs again. */
	if (occside && strcmp(k->status, "awaiting_customer") == 0 &&
	    store_case_move(t->a, t->operator_id, k->id, "in_progress",
	    t->now, 0, &was) < 0)
		return -1;
	if (txn_audit(t, k->occupier_id, k->site_id, "case", k->id, "comment",
	    NULL, comment_text(t->a, s->in->body, s->in->file)) < 0 ||
	    ops_event(t, WH_CASE_CHANGED, k->occupier_id, k->site_id, k->id,
	    arena_printf(t->a, "subject=%s\nchange=comment", k->subject)) < 0)
		return -1;
	return notify_case(t->a, t->operator_id, k->id, NOTIFY_CASE_COMMENT,
	    !occside, t->user_id, s->in->body, t->now) > 0 ? 1 : -1;
}

int
ops_case_comment(struct ops_ctx *c, const struct case_comment_in *in,
    struct case_comment_out *out)
{
	struct comment	 s = { c, in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, comment_txn, &s);
}

/* ---- move ---- */

struct move {
	const struct case_move_in	*in;
	struct case_move_out		*out;
};

/* The audit action of a move to `to`: closing and reopening are named. */
static const char *
move_action(enum hd_status to)
{
	return to == HD_CLOSED ? "close" : to == HD_OPEN ? "reopen" : "status";
}

/* The move is not allowed from status `from` (where the case is now). */
static int
move_refuse(struct txn *t, struct move *s, const char *from)
{
	enum hd_status	 st = hd_status_parse(from), to = s->in->to;

	if (to == HD_CLOSED)
		return ops_refuse(&s->out->why, OPS_CONFLICT, NULL,
		    "This case is already closed.");
	if (to == HD_OPEN)
		return ops_refuse(&s->out->why, OPS_CONFLICT, NULL,
		    "This case is already open.");
	return ops_refuse(&s->out->why, OPS_CONFLICT, NULL, arena_printf(t->a,
	    "A case that is %s cannot move to %s.", hd_status_labels[st <
	    HD_STATUS__MAX ? st : HD_OPEN], hd_status_labels[to]));
}

static int
move_txn(struct txn *t, void *arg)
{
	struct move		*s = arg;
	const struct store_case	*k = s->in->kase;
	enum hd_status		 to = s->in->to;
	const char		*line, *was = "";
	int			 rc;

	line = arena_printf(t->a, "%s by %s.", to == HD_CLOSED ? "Closed" :
	    to == HD_OPEN ? "Reopened" : arena_printf(t->a, "Moved to %s",
	    hd_status_labels[to]), s->in->by);
	if ((rc = store_case_move(t->a, t->operator_id, k->id,
	    hd_status_names[to], t->now, 1, &was)) == 0)
		return move_refuse(t, s, was);
	if (rc > 0 && (rc = store_case_comment_insert(t->operator_id, k->id,
	    0, line, NULL)) == 0)
		return move_refuse(t, s, was);	/* the case went meanwhile */
	if (rc < 0 || txn_audit(t, k->occupier_id, k->site_id, "case", k->id,
	    move_action(to), arena_printf(t->a, "status=%s", was),
	    arena_printf(t->a, "status=%s", hd_status_names[to])) < 0 ||
	    ops_event(t, WH_CASE_CHANGED, k->occupier_id, k->site_id, k->id,
	    arena_printf(t->a, "subject=%s\nchange=%s\nstatus=%s", k->subject,
	    move_action(to), hd_status_names[to])) < 0)
		return -1;
	if (to == HD_CLOSED && notify_case(t->a, t->operator_id, k->id,
	    NOTIFY_CASE_CLOSED, 1, t->user_id, NULL, t->now) <= 0)
		return -1;
	return 1;
}

int
ops_case_move(struct ops_ctx *c, const struct case_move_in *in,
    struct case_move_out *out)
{
	struct move	 s = { in, out };

	memset(out, 0, sizeof(*out));
	if (in->to >= HD_STATUS__MAX)
		return ops_refuse(&out->why, OPS_BAD_FORM, NULL,
		    "Unknown status for a case.");
	return db_txn(&c->t, move_txn, &s);
}

/* ---- triage ---- */

struct triage {
	const struct case_triage_in	*in;
};

static int
triage_txn(struct txn *t, void *arg)
{
	const struct case_triage_in	*in = ((struct triage *)arg)->in;
	const struct store_case		*k = in->kase;
	const char			*prio = hd_priority_names[in->priority];
	const char			*cat = hd_category_names[in->category];

	if (store_case_triage(t->operator_id, k->id, in->assignee_id, prio,
	    cat) < 0 || ops_event(t, WH_CASE_CHANGED, k->occupier_id,
	    k->site_id, k->id, arena_printf(t->a, "subject=%s\nchange=triage\n"
	    "assignee_id=%lld\npriority=%s\ncategory=%s", k->subject,
	    (long long)in->assignee_id, prio, cat)) < 0)
		return -1;
	return txn_audit(t, k->occupier_id, k->site_id, "case", k->id,
	    "triage", arena_printf(t->a, "assignee=%s\npriority=%s\n"
	    "category=%s", k->assignee_name, k->priority, k->category),
	    arena_printf(t->a, "assignee=%lld\npriority=%s\ncategory=%s",
	    (long long)in->assignee_id, prio, cat));
}

int
ops_case_triage(struct ops_ctx *c, const struct case_triage_in *in,
    struct case_triage_out *out)
{
	struct triage	 s = { in };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, triage_txn, &s);
}

/* ---- change: a move and a triage at once ---- */

struct change {
	const struct case_change_in	*in;
	struct case_change_out		*out;
};

static int
change_txn(struct txn *t, void *arg)
{
	struct change			*s = arg;
	const struct case_change_in	*in = s->in;
	struct case_move_in		 mi = { in->kase, in->to, in->by };
	struct case_move_out		 mo;
	struct move			 m = { &mi, &mo };
	struct case_triage_in		 ti = { in->kase, in->assignee_id,
					    in->priority, in->category };
	struct triage			 tr = { &ti };
	int64_t				 v;
	int				 rc;

	memset(s->out, 0, sizeof(*s->out));
	memset(&mo, 0, sizeof(mo));
	if ((rc = store_case_version_lock(t->a, t->operator_id, in->kase->id,
	    &v)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	if (in->version > 0 && v != in->version) {
		s->out->stale = 1;
		return ops_refuse(&s->out->why, OPS_CONFLICT, NULL, "The case "
		    "changed meanwhile: read it again.");
	}
	if (in->move && (rc = move_txn(t, &m)) <= 0) {
		s->out->why = mo.why;
		return rc;
	}
	return in->triage ? triage_txn(t, &tr) : 1;
}

int
ops_case_change(struct ops_ctx *c, const struct case_change_in *in,
    struct case_change_out *out)
{
	struct change	 s = { in, out };

	memset(out, 0, sizeof(*out));
	if (in->move && in->to >= HD_STATUS__MAX)
		return ops_refuse(&out->why, OPS_BAD_FORM, "status",
		    "Unknown status for a case.");
	return db_txn(&c->t, change_txn, &s);
}
