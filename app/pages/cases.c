/*
 * cases: /cases, the help desk's queue: a status tab (open by default,
 * closed, all) and filters (occupier, site, assignee or nobody, status,
 * priority, SLA breached), PER_PAGE cases a page by key (after=ID /
 * before=ID: the cases older or newer than that one, newest first, so a
 * page costs the same however many cases there are; the links keep the
 * filters). The other case screens: case_new.c
 * (raise a case) and case.c (a case and its conversation).
 */
#include <stdio.h>
#include <string.h>

#include "../domain/helpdesk.h"
#include "../store/store.h"
#include "../store/store_case.h"
#include "../tpl/tpl.h"
#include "case_view.h"
#include "pages.h"

#define PER_PAGE	50
#define SLA_SCAN	1000	/* cases looked at for the SLA filter */

enum case_status_filter {
	CSF_OPEN,	/* "open" */
	CSF_CLOSED,	/* "closed" */
	CSF_ALL,	/* "all" */
	CSF__MAX
};

static const char *const csf_names[CSF__MAX + 1] = {
	"open",		/* CSF_OPEN */
	"closed",	/* CSF_CLOSED */
	"all",		/* CSF_ALL */
	NULL,
};

static const char *const csf_labels[CSF__MAX] = {
	"Open",		/* CSF_OPEN */
	"Closed",	/* CSF_CLOSED */
	"All",		/* CSF_ALL */
};

static const char *const assignee_none[] = { "none", NULL };
static const char *const sla_choices[] = { "breached", NULL };

/* The queue's filters, as in the query string. */
struct queue {
	enum case_status_filter	 tab;
	int64_t			 occ, site;
	int64_t			 assignee;	/* 0 any, -1 nobody, else id */
	enum hd_status		 state;		/* HD_STATUS__MAX: any */
	enum hd_priority	 prio;		/* HD_PRIORITY__MAX: any */
	int			 breached;	/* SLA breached only */
	int64_t			 anchor;	/* after=ID / before=ID, 0 none */
	int			 before;
	const char		*occ_text;	/* occupier typed in the picker */
};

/* The occupier filter's picker (occupier_pick.c). */
static const struct pick occ_pick =
    { "occupier_occ", "f-occupier", "Occupier", 0, 0 };

/* What the queue shows. */
struct shown {
	struct store_case_option	*sites, *team;
	size_t				 nsite, nteam;
	const struct store_case_option	*occ, *site;	/* the filters' */
	struct store_case_option	 occ_one;	/* *occ */
	const char			*pick_msg;	/* occ_text not one */
	int64_t				 counts[CSF__MAX];
	int64_t				 total;
	struct store_case		*c;
	size_t				 n;
	int				 more;	/* more past the page's far end */
};

static int
bad_filter(struct req *r, const char *msg)
{
	http_error_msg(r, 400, msg);
	return 0;
}

/* The filters of the query string into q. 1, or 0 when answered (400). */
static int
queue_read(struct req *r, struct queue *q)
{
	int	 k;

	memset(q, 0, sizeof(*q));
	q->state = HD_STATUS__MAX;
	q->prio = HD_PRIORITY__MAX;
	if (query_has(r, "status")) {
		if ((k = query_enum(r, "status", csf_names)) < 0)
			return bad_filter(r, "The status filter must be open, "
			    "closed or all.");
		q->tab = (enum case_status_filter)k;
	}
	if (query_id(r, "occupier", &q->occ) < 0 ||
	    query_id(r, "site", &q->site) < 0)
		return bad_filter(r, "The occupier or site filter is not a "
		    "valid id.");
	if (query_enum(r, "assignee", assignee_none) == 0)
		q->assignee = -1;
	else if (query_id(r, "assignee", &q->assignee) < 0)
		return bad_filter(r, "The assignee filter is not a team "
		    "member.");
	if (query_has(r, "state")) {
		if ((k = query_enum(r, "state", hd_status_names)) < 0)
			return bad_filter(r, "The status must be one of the "
			    "choices.");
		q->state = (enum hd_status)k;
	}
	if (query_has(r, "priority")) {
		if ((k = query_enum(r, "priority", hd_priority_names)) < 0)
			return bad_filter(r, "The priority must be one of the "
			    "choices.");
		q->prio = (enum hd_priority)k;
	}
	if (query_has(r, "sla")) {
		if (query_enum(r, "sla", sla_choices) < 0)
			return bad_filter(r, "The SLA filter must be breached.");
		q->breached = 1;
	}
	/* The page by key: the cases after (older than) or before one. */
	if (query_id(r, "before", &q->anchor) == 1)
		q->before = 1;
	else if (query_id(r, "after", &q->anchor) != 1)
		q->anchor = 0;
	q->occ_text = pick_text(r, &occ_pick);
	return 1;
}

/* The occupier filter: occupier=ID (another operator's: 0, not found) or
 * the one typed in the picker (none or several: s->pick_msg, no filter).
 * 1, 0 not found, -1 store error. */
static int
queue_occupier(struct req *r, struct queue *q, struct shown *s)
{
	struct store_occupier	 o;
	const char		*name;
	int			 rc;

	if (q->occ > 0) {
		if ((rc = store_occupier_get(r->a, r->user.operator_id,
		    q->occ, &o)) <= 0)
			return rc;
		name = o.name;
	} else if (q->occ_text[0] == '\0')
		return 1;
	else if ((rc = pick_lookup(r, &occ_pick, q->occ_text, &q->occ,
	    &name, &s->pick_msg)) <= 0)
		return rc < 0 ? -1 : 1;
	s->occ_one.id = q->occ;
	s->occ_one.name = name;
	s->occ_one.extra = "";
	s->occ = &s->occ_one;
	return 1;
}

/* The page of the breached among c[0..n) (newest first) after or before
 * the anchor, into s. */
static void
breached_page(struct req *r, const struct queue *q, struct store_case *c,
    size_t n, struct shown *s)
{
	size_t	 k, m, at, lo, hi;

	for (k = m = 0; k < n; k++)
		if (case_sla_breached(r, &c[k]))
			c[m++] = c[k];
	s->total = (int64_t)m;
	for (at = 0; q->anchor > 0 && at < m && c[at].id != q->anchor; at++)
		continue;
	if (q->anchor == 0 || at == m) {	/* first page (or gone) */
		lo = 0;
		hi = m < PER_PAGE ? m : PER_PAGE;
		s->more = hi < m;
	} else if (q->before) {
		lo = at > PER_PAGE ? at - PER_PAGE : 0;
		hi = at;
		s->more = lo > 0;
	} else {
		lo = at + 1;
		hi = m - lo > PER_PAGE ? lo + PER_PAGE : m;
		s->more = hi < m;
	}
	s->c = c + lo;
	s->n = hi - lo;
}

/* The page of cases the filters leave, by key (newest first): those the
 * store's filters leave, or, for breaches (computed, not stored), the
 * breached among the first SLA_SCAN of them. 1, -1. */
static int
queue_page(struct req *r, struct queue *q, struct store_case_filter *cf,
    struct shown *s)
{
	struct store_case	*c;
	size_t			 n;

	cf->tab = q->tab == CSF_ALL ? NULL : csf_names[q->tab];
	s->total = s->counts[q->tab];
	if (!q->breached)
		return store_case_page(r->a, cf, q->anchor, q->before, PER_PAGE,
		    &s->c, &s->n, &s->more) < 0 ? -1 : 1;
	if (store_case_list(r->a, cf, 0, SLA_SCAN, &c, &n) < 0)
		return -1;
	breached_page(r, q, c, n, s);
	return 1;
}

/* Load what the queue shows. 1, or 0 when answered (404, 500, 503). */
static int
queue_load(struct req *r, struct queue *q, struct shown *s)
{
	struct store_case_filter	 cf;
	int64_t				 op = r->user.operator_id;
	int				 rc;

	memset(s, 0, sizeof(*s));
	if ((rc = queue_occupier(r, q, s)) < 0 || store_case_options(r->a, op,
	    STORE_CASE_OPT_SITES, &s->sites, &s->nsite) < 0 ||
	    store_case_options(r->a, op, STORE_CASE_OPT_TEAM, &s->team,
	    &s->nteam) < 0)
		goto err;
	/* Another operator's occupier, site or user is simply not found. */
	if (rc == 0 || (q->site > 0 && (s->site = case_option_find(
	    s->sites, s->nsite, q->site)) == NULL) || (q->assignee > 0 &&
	    case_option_find(s->team, s->nteam, q->assignee) == NULL)) {
		http_error(r, 404);
		return 0;
	}
	memset(&cf, 0, sizeof(cf));
	cf.op = op;
	cf.occ = q->occ;
	cf.site = q->site;
	cf.assignee = q->assignee;
	cf.status = q->state < HD_STATUS__MAX ? hd_status_names[q->state] : "";
	cf.priority = q->prio < HD_PRIORITY__MAX ? hd_priority_names[q->prio] :
	    "";
	if (store_case_counts(r->a, &cf, &s->counts[CSF_OPEN],
	    &s->counts[CSF_CLOSED]) < 0)
		goto err;
	s->counts[CSF_ALL] = s->counts[CSF_OPEN] + s->counts[CSF_CLOSED];
	if (queue_page(r, q, &cf, s) < 0)
		goto err;
	return 1;
err:
	page_store_error(r);
	return 0;
}

/* "/cases?status=S[&occupier=O]...[&KEY]" (key: "after=ID" or
 * "before=ID", NULL none). */
static char *
list_href(struct req *r, const struct queue *q, enum case_status_filter f,
    const char *key)
{
	struct buf	 b;

	buf_init(&b, r->a, 64);
	buf_printf(&b, "/cases?status=%s", csf_names[f]);
	if (q->occ > 0)
		buf_printf(&b, "&occupier=%lld", (long long)q->occ);
	if (q->site > 0)
		buf_printf(&b, "&site=%lld", (long long)q->site);
	if (q->assignee > 0)
		buf_printf(&b, "&assignee=%lld", (long long)q->assignee);
	else if (q->assignee < 0)
		buf_puts(&b, "&assignee=none");
	if (q->state < HD_STATUS__MAX)
		buf_printf(&b, "&state=%s", hd_status_names[q->state]);
	if (q->prio < HD_PRIORITY__MAX)
		buf_printf(&b, "&priority=%s", hd_priority_names[q->prio]);
	if (q->breached)
		buf_puts(&b, "&sla=breached");
	if (key != NULL)
		buf_printf(&b, "&%s", key);
	return b.p;
}

/* 1 when a filter other than the status tab, occupier and site is on. */
static int
more_filters(const struct queue *q)
{
	return q->assignee != 0 || q->state < HD_STATUS__MAX ||
	    q->prio < HD_PRIORITY__MAX || q->breached;
}

/* The status tabs, and the filters' selects. */
static void
fill_filters(struct req *r, struct tpl_dict *d, const struct queue *q,
    const struct shown *s)
{
	struct tpl_dict			*tab, *o;
	enum case_status_filter		 i;
	int				 j;

	for (i = 0; i < CSF__MAX; i++) {
		tab = tpl_section(d, TN_STATUS_TAB);
		tpl_set(tab, TN_HREF, list_href(r, q, i, NULL));
		tpl_set(tab, TN_LABEL, csf_labels[i]);
		tpl_set_int(tab, TN_COUNT, s->counts[i]);
		if (i == q->tab)
			tpl_show(tab, TN_CURRENT);
	}
	tpl_set(d, TN_STATUS, csf_names[q->tab]);
	pick_fill(r, d, TN_OCC_PICK, &occ_pick, s->occ != NULL ?
	    s->occ->name : q->occ_text, s->pick_msg != NULL);
	if (s->pick_msg != NULL)
		tpl_set(tpl_section(d, TN_PICK_ERR), TN_MSG, s->pick_msg);
	case_options_fill(d, TN_SITE_OPT, s->sites, s->nsite, q->site);
	case_options_fill(d, TN_ASSIGNEE_OPT, s->team, s->nteam, q->assignee);
	if (q->assignee < 0)
		tpl_show(d, TN_UNASSIGNED_SELECTED);
	for (j = 0; j < HD_STATUS__MAX; j++) {
		o = tpl_section(d, TN_STATE_OPT);
		tpl_set(o, TN_KEY, hd_status_names[j]);
		tpl_set(o, TN_LABEL, hd_status_labels[j]);
		if (j == (int)q->state)
			tpl_show(o, TN_SELECTED);
	}
	for (j = 0; j < HD_PRIORITY__MAX; j++) {
		o = tpl_section(d, TN_PRIORITY_OPT);
		tpl_set(o, TN_KEY, hd_priority_names[j]);
		tpl_set(o, TN_LABEL, hd_priority_labels[j]);
		if (j == (int)q->prio)
			tpl_show(o, TN_SELECTED);
	}
	if (q->breached)
		tpl_show(d, TN_SLA_SELECTED);
}

/* "Clear filters" and "Raise a case" (for the occupier and site shown). */
static void
fill_links(struct req *r, struct tpl_dict *d, const struct queue *q,
    const struct shown *s)
{
	struct queue	 none;

	if (s->occ != NULL || s->site != NULL || more_filters(q)) {
		memset(&none, 0, sizeof(none));
		none.state = HD_STATUS__MAX;
		none.prio = HD_PRIORITY__MAX;
		tpl_show(d, TN_FILTERED);
		tpl_set(d, TN_CLEAR_HREF, list_href(r, &none, q->tab, NULL));
	}
	if (s->occ != NULL && s->site != NULL)
		tpl_set(d, TN_NEW_HREF, arena_printf(r->a,
		    "/cases/new?occupier=%lld&site=%lld", (long long)q->occ,
		    (long long)q->site));
	else if (s->occ != NULL)
		tpl_set(d, TN_NEW_HREF, arena_printf(r->a,
		    "/cases/new?occupier=%lld", (long long)q->occ));
	else if (s->site != NULL)
		tpl_set(d, TN_NEW_HREF, arena_printf(r->a,
		    "/cases/new?site=%lld", (long long)q->site));
	else
		tpl_set(d, TN_NEW_HREF, "/cases/new");
}

static void
fill_rows(struct req *r, struct tpl_dict *d, const struct shown *s)
{
	struct tpl_dict		*row;
	const struct store_case	*c;
	size_t			 k;

	for (k = 0; k < s->n; k++) {
		c = &s->c[k];
		row = tpl_section(d, TN_ROW);
		tpl_set_int(row, TN_ID, c->id);
		tpl_set(row, TN_SUBJECT, c->subject);
		tpl_set_int(row, TN_OCC_ID, c->occupier_id);
		tpl_set(row, TN_OCC_NAME, c->occupier_name);
		tpl_set(row, TN_SITE_NAME, c->site_name);
		if (c->service_id > 0) {
			tpl_show(row, TN_SERVICE);
			tpl_set(row, TN_SERVICE_NAME, c->service_name);
		} else
			tpl_show(row, TN_NO_SERVICE);
		case_badge_set(row, c->status);
		case_day_set(row, TN_RAISED, TN_RAISED_ISO, c->created_at);
		tpl_set_int(row, TN_NCOMMENTS, c->ncomments);
		tpl_set(row, TN_PRIORITY, case_priority_label(c->priority));
		tpl_set(row, TN_PRIORITY_KEY, c->priority);
		tpl_set(row, TN_ASSIGNEE, c->assignee_name[0] ?
		    c->assignee_name : "Unassigned");
		case_sla_set(r, row, c);
	}
	if (s->n > 0)
		tpl_show(d, TN_HAS_ROWS);
}

/* "There are no open cases for Acme at Canary Wharf.", and a link to the
 * other tab when it has some. */
static void
fill_empty(struct req *r, struct tpl_dict *d, const struct queue *q,
    const struct shown *s)
{
	struct tpl_dict			*e;
	struct buf			 what;
	enum case_status_filter		 i;

	buf_init(&what, r->a, 128);
	buf_printf(&what, "There are no %scases", q->tab == CSF_OPEN ?
	    "open " : q->tab == CSF_CLOSED ? "closed " : "");
	if (s->occ != NULL)
		buf_printf(&what, " for %s", s->occ->name);
	if (s->site != NULL)
		buf_printf(&what, " at %s", s->site->name);
	if (more_filters(q))
		buf_puts(&what, " matching these filters");
	buf_puts(&what, ".");
	tpl_show(d, TN_EMPTY);
	tpl_set(d, TN_EMPTY_TEXT, what.p);
	if (q->tab != CSF_ALL && s->counts[CSF_ALL] > 0) {
		e = tpl_section(d, TN_EMPTY_OTHER);
		i = q->tab == CSF_OPEN ? CSF_CLOSED : CSF_OPEN;
		tpl_set(e, TN_HREF, list_href(r, q, i, NULL));
		tpl_set(e, TN_LABEL, arena_printf(r->a, "See %lld %s %s",
		    (long long)s->counts[i], i == CSF_OPEN ? "open" : "closed",
		    s->counts[i] == 1 ? "case" : "cases"));
	}
}

/* Previous and Next: the cases before the page's first and after its
 * last, the filters kept. */
static void
fill_pager(struct req *r, struct tpl_dict *d, const struct queue *q,
    const struct shown *s)
{
	struct tpl_dict	*pg;
	int		 prev, next;

	prev = q->before ? s->more : q->anchor > 0;
	next = q->before ? q->anchor > 0 : s->more;
	if (s->n == 0 || (!prev && !next))
		return;
	pg = tpl_section(d, TN_PAGER);
	if (prev)
		tpl_set(tpl_section(pg, TN_PREV), TN_HREF, list_href(r, q,
		    q->tab, arena_printf(r->a, "before=%lld",
		    (long long)s->c[0].id)));
	if (next)
		tpl_set(tpl_section(pg, TN_NEXT), TN_HREF, list_href(r, q,
		    q->tab, arena_printf(r->a, "after=%lld",
		    (long long)s->c[s->n - 1].id)));
}

void
page_cases(struct req *r)
{
	struct tpl_dict	*d;
	struct queue	 q;
	struct shown	 s;

	if (!queue_read(r, &q) || !queue_load(r, &q, &s))
		return;
	if ((d = page_begin(r, "Cases", "cases.tpl", "cases")) == NULL)
		return;
	fill_filters(r, d, &q, &s);
	fill_links(r, d, &q, &s);
	tpl_set_int(d, TN_TOTAL, s.total);
	tpl_set(d, TN_TOTAL_NOUN, s.total == 1 ? "case" : "cases");
	fill_rows(r, d, &s);
	if (s.n == 0)
		fill_empty(r, d, &q, &s);
	fill_pager(r, d, &q, &s);
	page_end(r);
}
