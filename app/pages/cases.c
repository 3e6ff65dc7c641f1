/*
 * cases: support cases (issue 4). Three screens:
 *   /cases       list with a status filter (open by default, closed, all),
 *                optional occupier and site filters, paging;
 *   /cases/new   raise a case, pre-filled from the query string (the
 *                Manage services save of IVR or Conference bridge links
 *                here with a subject and a checklist for the details);
 *   /cases/ID    the case and its conversation; POST op=comment, close,
 *                reopen.
 *
 * A case concerns an occupier present at the site: the occupier must hold
 * a contract (of any status) there. A closed case takes no comments: it is
 * reopened first. Closing and reopening write an audit event and a system
 * line (a comment without an author) into the conversation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../domain/date.h"
#include "../domain/helpdesk.h"
#include "../log.h"
#include "../notify.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_case.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define PER_PAGE	25
#define SAVE_TRIES	3

/* ---- shared helpers ---- */

enum case_status_filter {
	CSF_OPEN,	/* "open" */
	CSF_CLOSED,	/* "closed" */
	CSF_ALL,	/* "all" */
	CSF__MAX
};

static const char *const csf_names[CSF__MAX] = {
	"open",		/* CSF_OPEN */
	"closed",	/* CSF_CLOSED */
	"all",		/* CSF_ALL */
};

static const char *const csf_labels[CSF__MAX] = {
	"Open",		/* CSF_OPEN */
	"Closed",	/* CSF_CLOSED */
	"All",		/* CSF_ALL */
};

/* A numeric id from the query string: 0 when absent or empty, -1 when
 * malformed (validate_id), else the id. */
static int64_t
query_id_or(struct req *r, const char *key)
{
	int64_t	 id;

	return query_id(r, key, &id) < 0 ? -1 : id;
}

static const struct store_case_option *
option_find(const struct store_case_option *o, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (o[i].id == id)
			return &o[i];
	return NULL;
}

static void
options_fill(struct tpl_dict *d, enum tpl_name section,
    const struct store_case_option *o, size_t n, int64_t selected)
{
	struct tpl_dict	*opt;
	size_t		 i;

	for (i = 0; i < n; i++) {
		opt = tpl_section(d, section);
		tpl_set_int(opt, TN_ID, o[i].id);
		tpl_set(opt, TN_NAME, o[i].name);
		if (o[i].id == selected)
			tpl_show(opt, TN_SELECTED);
	}
}

/* Services grouped by category (each run of one category, catalog order). */
static void
services_fill(struct tpl_dict *d, const struct store_case_option *o, size_t n,
    int64_t selected)
{
	struct tpl_dict	*grp = NULL, *opt;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (grp == NULL || strcmp(o[i].extra, o[i - 1].extra) != 0) {
			grp = tpl_section(d, TN_SERVICE_GROUP);
			tpl_set(grp, TN_LABEL, o[i].extra);
		}
		opt = tpl_section(grp, TN_SERVICE_OPT);
		tpl_set_int(opt, TN_ID, o[i].id);
		tpl_set(opt, TN_NAME, o[i].name);
		if (o[i].id == selected)
			tpl_show(opt, TN_SELECTED);
	}
}

/* A time (unix seconds) in the operator's zone (TZ of the process). */
static void
time_set(struct req *r, struct tpl_dict *d, enum tpl_name key,
    enum tpl_name iso_key, int64_t t, int with_time)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;
	char		 day[32], iso[32];

	if (localtime_r(&tt, &tm) == NULL) {
		tpl_set(d, key, "");
		return;
	}
	date_format_long(date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday), day, sizeof(day));
	if (with_time)
		tpl_set(d, key, arena_printf(r->a, "%s, %02d:%02d", day,
		    tm.tm_hour, tm.tm_min));
	else
		tpl_set(d, key, day);
	strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%S", &tm);
	tpl_set(d, iso_key, iso);
}

/* ---- /cases ---- */

/* The queue's filters, as in the query string. */
struct queue {
	enum case_status_filter	 tab;
	int64_t			 occ, site;
	int64_t			 assignee;	/* 0 any, -1 nobody, else id */
	enum hd_status		 state;		/* HD_STATUS__MAX: any */
	enum hd_priority	 prio;		/* HD_PRIORITY__MAX: any */
	int			 breached;	/* SLA breached only */
};

/* "/cases?status=S[&occupier=O]...[&page=P]" (page 0: none). */
static char *
list_href(struct req *r, const struct queue *q, enum case_status_filter f,
    int64_t page)
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
	if (page > 1)
		buf_printf(&b, "&page=%lld", (long long)page);
	return b.p;
}

/* "3 h 05 min" of business seconds. */
static char *
span(struct arena *a, int64_t s)
{
	int64_t	 m = (s < 0 ? -s : s) / 60;

	if (m >= 60)
		return arena_printf(a, "%lld h %02lld min", (long long)(m / 60),
		    (long long)(m % 60));
	return arena_printf(a, "%lld min", (long long)m);
}

/* SLA_TEXT (the case screen's sentence), SLA_SHORT (the queue's),
 * SLA_CLASS (badge) and SLA_STATE (late, paused, ok), and SLA_BREACHED,
 * of case c now. 1 when breached. */
static int
sla_set(struct req *r, struct tpl_dict *d, const struct store_case *c)
{
	struct hd_sla	 sla;
	enum hd_status	 st = hd_status_parse(c->status);
	enum hd_priority pr = hd_priority_parse(c->priority);
	char		*fr, *res, *sfr, *sres;
	int		 done = st == HD_CLOSED || st == HD_RESOLVED;

	hd_sla(pr, st, c->created_at, c->first_response_at, c->sla_elapsed,
	    c->sla_running_since, r->now, c->tz, &sla);
	if (c->first_response_at > 0) {
		fr = arena_printf(r->a, "first response %s", sla.fr_breached ?
		    "late" : "in time");
		sfr = sla.fr_breached ? "replied late" : NULL;
	} else if (st == HD_CLOSED) {
		fr = arena_strdup(r->a, "no response");
		sfr = NULL;
	} else if (sla.fr_breached) {
		fr = arena_strdup(r->a, "first response overdue");
		sfr = "reply overdue";
	} else {
		fr = arena_printf(r->a, "first response within %s",
		    span(r->a, hd_business_seconds(r->now, sla.fr_due, c->tz)));
		sfr = arena_printf(r->a, "reply within %s",
		    span(r->a, hd_business_seconds(r->now, sla.fr_due, c->tz)));
	}
	if (done) {
		res = arena_printf(r->a, "resolved %s", sla.res_breached ?
		    "late" : "in time");
		sres = res;
	} else if (sla.res_breached) {
		res = arena_printf(r->a, "resolution overdue by %s",
		    span(r->a, sla.res_left));
		sres = arena_printf(r->a, "%s over", span(r->a, sla.res_left));
	} else if (sla.paused) {
		res = arena_printf(r->a, "clock paused, %s left",
		    span(r->a, sla.res_left));
		sres = arena_printf(r->a, "paused, %s left",
		    span(r->a, sla.res_left));
	} else {
		res = arena_printf(r->a, "%s left to resolve",
		    span(r->a, sla.res_left));
		sres = arena_printf(r->a, "%s left", span(r->a, sla.res_left));
	}
	tpl_set(d, TN_SLA_TEXT, arena_printf(r->a, "%s; %s", fr, res));
	tpl_set(d, TN_SLA_SHORT, sfr != NULL ? arena_printf(r->a, "%s · %s",
	    sfr, sres) : sres);
	if (sla.fr_breached || sla.res_breached) {
		tpl_set(d, TN_SLA_CLASS, "inactive");
		tpl_set(d, TN_SLA_STATE, "late");
		tpl_show(d, TN_SLA_BREACHED);
		return 1;
	}
	tpl_set(d, TN_SLA_CLASS, sla.paused ? "scheduled" : "active");
	tpl_set(d, TN_SLA_STATE, sla.paused ? "paused" : "ok");
	return 0;
}

/* 1 when the case's SLA is breached now (the queue's filter). */
static int
breached(struct req *r, const struct store_case *c)
{
	struct hd_sla	 sla;

	hd_sla(hd_priority_parse(c->priority), hd_status_parse(c->status),
	    c->created_at, c->first_response_at, c->sla_elapsed,
	    c->sla_running_since, r->now, c->tz, &sla);
	return sla.fr_breached || sla.res_breached;
}

static void
badge_set(struct tpl_dict *d, const char *status)
{
	enum hd_status	 st = hd_status_parse(status);

	if (st == HD_STATUS__MAX)
		st = HD_OPEN;
	tpl_set(d, TN_STATUS_LABEL, hd_status_labels[st]);
	tpl_set(d, TN_STATUS_CLASS, hd_status_classes[st]);
}

static const char *
priority_label(const char *p)
{
	enum hd_priority	 pr = hd_priority_parse(p);

	return pr < HD_PRIORITY__MAX ? hd_priority_labels[pr] : p;
}

static const char *
category_label(const char *c)
{
	enum hd_category	 k = hd_category_parse(c);

	return k < HD_CATEGORY__MAX ? hd_category_labels[k] : c;
}

#define SLA_SCAN	1000	/* cases looked at for the SLA filter */

void
page_cases(struct req *r)
{
	struct tpl_dict			*d, *row, *pg, *tab, *e, *o;
	struct store_case_option	*occs, *sites, *team;
	const struct store_case_option	*occ = NULL, *site = NULL;
	struct store_case		*c;
	struct store_case_filter	 cf;
	struct queue			 q;
	enum case_status_filter		 i;
	const char			*s;
	int64_t				 page, counts[CSF__MAX];
	int64_t				 total, pages;
	size_t				 nocc, nsite, nteam, n, k, m;
	struct buf			 what;
	int				 j;

	memset(&q, 0, sizeof(q));
	q.tab = CSF_OPEN;
	q.state = HD_STATUS__MAX;
	q.prio = HD_PRIORITY__MAX;
	if ((s = kv_get(&r->query, "status")) != NULL && *s != '\0') {
		for (q.tab = 0; q.tab < CSF__MAX; q.tab++)
			if (strcmp(s, csf_names[q.tab]) == 0)
				break;
		if (q.tab == CSF__MAX) {
			http_error_msg(r, 400, "The status filter must be open, "
			    "closed or all.");
			return;
		}
	}
	q.occ = query_id_or(r, "occupier");
	q.site = query_id_or(r, "site");
	if (q.occ < 0 || q.site < 0) {
		http_error_msg(r, 400, "The occupier or site filter is not a "
		    "valid id.");
		return;
	}
	if ((s = kv_get(&r->query, "assignee")) != NULL &&
	    strcmp(s, "none") == 0)
		q.assignee = -1;
	else if ((q.assignee = query_id_or(r, "assignee")) < 0) {
		http_error_msg(r, 400, "The assignee filter is not a team "
		    "member.");
		return;
	}
	if ((s = kv_get(&r->query, "state")) != NULL && *s != '\0' &&
	    (q.state = hd_status_parse(s)) == HD_STATUS__MAX) {
		http_error_msg(r, 400, "The status must be one of the choices.");
		return;
	}
	if ((s = kv_get(&r->query, "priority")) != NULL && *s != '\0' &&
	    (q.prio = hd_priority_parse(s)) == HD_PRIORITY__MAX) {
		http_error_msg(r, 400, "The priority must be one of the "
		    "choices.");
		return;
	}
	if ((s = kv_get(&r->query, "sla")) != NULL && *s != '\0') {
		if (strcmp(s, "breached") != 0) {
			http_error_msg(r, 400, "The SLA filter must be "
			    "breached.");
			return;
		}
		q.breached = 1;
	}
	if ((page = query_id_or(r, "page")) <= 0 || page > 1000000)
		page = 1;
	if (store_case_options(r->a, r->user.operator_id,
	    STORE_CASE_OPT_OCCUPIERS, &occs, &nocc) < 0 ||
	    store_case_options(r->a, r->user.operator_id,
	    STORE_CASE_OPT_SITES, &sites, &nsite) < 0 ||
	    store_case_options(r->a, r->user.operator_id,
	    STORE_CASE_OPT_TEAM, &team, &nteam) < 0) {
		page_store_error(r);
		return;
	}
	/* Another operator's occupier, site or user is simply not found. */
	if ((q.occ > 0 && (occ = option_find(occs, nocc, q.occ)) == NULL) ||
	    (q.site > 0 && (site = option_find(sites, nsite, q.site)) ==
	    NULL) || (q.assignee > 0 && option_find(team, nteam, q.assignee) ==
	    NULL)) {
		http_error(r, 404);
		return;
	}
	memset(&cf, 0, sizeof(cf));
	cf.op = r->user.operator_id;
	cf.occ = q.occ;
	cf.site = q.site;
	cf.assignee = q.assignee;
	cf.status = q.state < HD_STATUS__MAX ? hd_status_names[q.state] : "";
	cf.priority = q.prio < HD_PRIORITY__MAX ? hd_priority_names[q.prio] :
	    "";
	if (store_case_counts(r->a, &cf, &counts[CSF_OPEN], &counts[CSF_CLOSED])
	    < 0) {
		page_store_error(r);
		return;
	}
	counts[CSF_ALL] = counts[CSF_OPEN] + counts[CSF_CLOSED];
	cf.tab = q.tab == CSF_ALL ? NULL : csf_names[q.tab];
	if (q.breached) {
		/* Breaches are computed, not stored: look at the cases the
		 * other filters leave, keep the breached, then page. */
		if (store_case_list(r->a, &cf, 0, SLA_SCAN, &c, &n) < 0) {
			page_store_error(r);
			return;
		}
		for (k = m = 0; k < n; k++)
			if (breached(r, &c[k]))
				c[m++] = c[k];
		total = (int64_t)m;
		pages = total == 0 ? 1 : (total + PER_PAGE - 1) / PER_PAGE;
		if (page > pages)
			page = pages;
		c += (page - 1) * PER_PAGE;
		n = m - (size_t)((page - 1) * PER_PAGE);
		if (n > PER_PAGE)
			n = PER_PAGE;
	} else {
		total = counts[q.tab];
		pages = total == 0 ? 1 : (total + PER_PAGE - 1) / PER_PAGE;
		if (page > pages)
			page = pages;
		if (store_case_list(r->a, &cf, (page - 1) * PER_PAGE, PER_PAGE,
		    &c, &n) < 0) {
			page_store_error(r);
			return;
		}
	}
	if ((d = page_begin(r, "Cases", "cases.tpl", "cases")) == NULL)
		return;
	for (i = 0; i < CSF__MAX; i++) {
		tab = tpl_section(d, TN_STATUS_TAB);
		tpl_set(tab, TN_HREF, list_href(r, &q, i, 0));
		tpl_set(tab, TN_LABEL, csf_labels[i]);
		tpl_set_int(tab, TN_COUNT, counts[i]);
		if (i == q.tab)
			tpl_show(tab, TN_CURRENT);
	}
	tpl_set(d, TN_STATUS, csf_names[q.tab]);
	options_fill(d, TN_OCCUPIER_OPT, occs, nocc, q.occ);
	options_fill(d, TN_SITE_OPT, sites, nsite, q.site);
	options_fill(d, TN_ASSIGNEE_OPT, team, nteam, q.assignee);
	if (q.assignee < 0)
		tpl_show(d, TN_UNASSIGNED_SELECTED);
	for (j = 0; j < HD_STATUS__MAX; j++) {
		o = tpl_section(d, TN_STATE_OPT);
		tpl_set(o, TN_KEY, hd_status_names[j]);
		tpl_set(o, TN_LABEL, hd_status_labels[j]);
		if (j == (int)q.state)
			tpl_show(o, TN_SELECTED);
	}
	for (j = 0; j < HD_PRIORITY__MAX; j++) {
		o = tpl_section(d, TN_PRIORITY_OPT);
		tpl_set(o, TN_KEY, hd_priority_names[j]);
		tpl_set(o, TN_LABEL, hd_priority_labels[j]);
		if (j == (int)q.prio)
			tpl_show(o, TN_SELECTED);
	}
	if (q.breached)
		tpl_show(d, TN_SLA_SELECTED);
	if (occ != NULL || site != NULL || q.assignee != 0 ||
	    q.state < HD_STATUS__MAX || q.prio < HD_PRIORITY__MAX ||
	    q.breached) {
		struct queue none;

		memset(&none, 0, sizeof(none));
		none.state = HD_STATUS__MAX;
		none.prio = HD_PRIORITY__MAX;
		tpl_show(d, TN_FILTERED);
		tpl_set(d, TN_CLEAR_HREF, list_href(r, &none, q.tab, 0));
	}
	if (occ != NULL && site != NULL)
		tpl_set(d, TN_NEW_HREF, arena_printf(r->a,
		    "/cases/new?occupier=%lld&site=%lld", (long long)q.occ,
		    (long long)q.site));
	else if (occ != NULL)
		tpl_set(d, TN_NEW_HREF, arena_printf(r->a,
		    "/cases/new?occupier=%lld", (long long)q.occ));
	else if (site != NULL)
		tpl_set(d, TN_NEW_HREF, arena_printf(r->a,
		    "/cases/new?site=%lld", (long long)q.site));
	else
		tpl_set(d, TN_NEW_HREF, "/cases/new");
	tpl_set_int(d, TN_TOTAL, total);
	tpl_set(d, TN_TOTAL_NOUN, total == 1 ? "case" : "cases");
	for (k = 0; k < n; k++) {
		row = tpl_section(d, TN_ROW);
		tpl_set_int(row, TN_ID, c[k].id);
		tpl_set(row, TN_SUBJECT, c[k].subject);
		tpl_set_int(row, TN_OCC_ID, c[k].occupier_id);
		tpl_set(row, TN_OCC_NAME, c[k].occupier_name);
		tpl_set(row, TN_SITE_NAME, c[k].site_name);
		if (c[k].service_id > 0) {
			tpl_show(row, TN_SERVICE);
			tpl_set(row, TN_SERVICE_NAME, c[k].service_name);
		} else
			tpl_show(row, TN_NO_SERVICE);
		badge_set(row, c[k].status);
		time_set(r, row, TN_RAISED, TN_RAISED_ISO, c[k].created_at, 0);
		tpl_set_int(row, TN_NCOMMENTS, c[k].ncomments);
		tpl_set(row, TN_PRIORITY, priority_label(c[k].priority));
		tpl_set(row, TN_PRIORITY_KEY, c[k].priority);
		tpl_set(row, TN_ASSIGNEE, c[k].assignee_name[0] ?
		    c[k].assignee_name : "Unassigned");
		sla_set(r, row, &c[k]);
	}
	if (n > 0)
		tpl_show(d, TN_HAS_ROWS);
	else {
		/* "There are no open cases for Acme at Canary Wharf." */
		buf_init(&what, r->a, 128);
		buf_printf(&what, "There are no %scases", q.tab == CSF_OPEN ?
		    "open " : q.tab == CSF_CLOSED ? "closed " : "");
		if (occ != NULL)
			buf_printf(&what, " for %s", occ->name);
		if (site != NULL)
			buf_printf(&what, " at %s", site->name);
		if (q.assignee != 0 || q.state < HD_STATUS__MAX ||
		    q.prio < HD_PRIORITY__MAX || q.breached)
			buf_puts(&what, " matching these filters");
		buf_puts(&what, ".");
		tpl_show(d, TN_EMPTY);
		tpl_set(d, TN_EMPTY_TEXT, what.p);
		if (q.tab != CSF_ALL && counts[CSF_ALL] > 0) {
			e = tpl_section(d, TN_EMPTY_OTHER);
			i = q.tab == CSF_OPEN ? CSF_CLOSED : CSF_OPEN;
			tpl_set(e, TN_HREF, list_href(r, &q, i, 0));
			tpl_set(e, TN_LABEL, arena_printf(r->a, "See %lld %s %s",
			    (long long)counts[i], i == CSF_OPEN ? "open" :
			    "closed", counts[i] == 1 ? "case" : "cases"));
		}
	}
	if (pages > 1) {
		pg = tpl_section(d, TN_PAGER);
		tpl_set_int(pg, TN_PAGE, page);
		tpl_set_int(pg, TN_PAGES, pages);
		if (page > 1)
			tpl_set(tpl_section(pg, TN_PREV), TN_HREF,
			    list_href(r, &q, q.tab, page - 1));
		if (page < pages)
			tpl_set(tpl_section(pg, TN_NEXT), TN_HREF,
			    list_href(r, &q, q.tab, page + 1));
	}
	page_end(r);
}

/* ---- /cases/new ---- */

enum case_field {
	KF_OCCUPIER,	/* occupier */
	KF_SITE,	/* site */
	KF_SERVICE,	/* service */
	KF_SUBJECT,	/* subject */
	KF_DETAILS,	/* details */
	KF_PRIORITY,	/* priority */
	KF_CATEGORY,	/* category */
	KF__MAX
};

static const struct field case_fields[KF__MAX] = {
	[KF_OCCUPIER] = { "occupier", "Occupier", FT_INT, 20, 1, 1, INT64_MAX, NULL },
	[KF_SITE] = { "site", "Site", FT_INT, 20, 1, 1, INT64_MAX, NULL },
	[KF_SERVICE] = { "service", "Related service", FT_INT, 20, 0, 1, INT64_MAX, NULL },
	[KF_SUBJECT] = { "subject", "Subject", FT_TEXT, 200, 1, 0, 0, NULL },
	[KF_DETAILS] = { "details", "Details", FT_MULTILINE, 10000, 1, 0, 0, NULL },
	[KF_PRIORITY] = { "priority", "Priority", FT_TEXT, 16, 0, 0, 0, NULL },
	[KF_CATEGORY] = { "category", "Category", FT_TEXT, 24, 0, 0, 0, NULL },
};

struct case_opts {
	struct store_case_option	*o[STORE_CASE_OPT__MAX];
	size_t				 n[STORE_CASE_OPT__MAX];
};

static int
opts_load(struct req *r, struct case_opts *co)
{
	int	 k;

	for (k = 0; k < STORE_CASE_OPT__MAX; k++)
		if (store_case_options(r->a, r->user.operator_id, k, &co->o[k],
		    &co->n[k]) < 0)
			return -1;
	return 1;
}

static void
opts_fill(struct tpl_dict *d, const struct case_opts *co, int64_t occ,
    int64_t site, int64_t svc)
{
	options_fill(d, TN_OCCUPIER_OPT, co->o[STORE_CASE_OPT_OCCUPIERS],
	    co->n[STORE_CASE_OPT_OCCUPIERS], occ);
	options_fill(d, TN_SITE_OPT, co->o[STORE_CASE_OPT_SITES],
	    co->n[STORE_CASE_OPT_SITES], site);
	services_fill(d, co->o[STORE_CASE_OPT_SERVICES],
	    co->n[STORE_CASE_OPT_SERVICES], svc);
}

/* The priority and category selects of the raise form. */
static void
choices_fill(struct tpl_dict *d, enum hd_priority prio, enum hd_category cat)
{
	struct tpl_dict	*o;
	int		 i;

	for (i = 0; i < HD_PRIORITY__MAX; i++) {
		o = tpl_section(d, TN_PRIORITY_OPT);
		tpl_set(o, TN_KEY, hd_priority_names[i]);
		tpl_set(o, TN_LABEL, hd_priority_labels[i]);
		if (i == (int)prio)
			tpl_show(o, TN_SELECTED);
	}
	for (i = 0; i < HD_CATEGORY__MAX; i++) {
		o = tpl_section(d, TN_CATEGORY_OPT);
		tpl_set(o, TN_KEY, hd_category_names[i]);
		tpl_set(o, TN_LABEL, hd_category_labels[i]);
		if (i == (int)cat)
			tpl_show(o, TN_SELECTED);
	}
}

/* GET /cases/new: the empty form, or pre-filled from the query string. */
static void
case_new_form(struct req *r, struct tpl_dict *d, const struct case_opts *co)
{
	const struct store_case_option	*svc = NULL;
	const struct hd_canned		*t;
	const char			*subject, *details;
	int64_t				 occ, site, sid;

	occ = query_id_or(r, "occupier");
	site = query_id_or(r, "site");
	sid = query_id_or(r, "service");
	if (occ < 0 || site < 0 || sid < 0) {
		http_error_msg(r, 400, "The occupier, site or service to "
		    "pre-fill is not a valid id.");
		return;
	}
	if ((occ > 0 && option_find(co->o[STORE_CASE_OPT_OCCUPIERS],
	    co->n[STORE_CASE_OPT_OCCUPIERS], occ) == NULL) ||
	    (site > 0 && option_find(co->o[STORE_CASE_OPT_SITES],
	    co->n[STORE_CASE_OPT_SITES], site) == NULL) ||
	    (sid > 0 && (svc = option_find(co->o[STORE_CASE_OPT_SERVICES],
	    co->n[STORE_CASE_OPT_SERVICES], sid)) == NULL)) {
		http_error(r, 404);
		return;
	}
	subject = kv_get(&r->query, "subject");
	details = kv_get(&r->query, "details");
	if (svc != NULL && (t = hd_case_template(hd_category_by_label(
	    svc->extra))) != NULL) {
		if (subject == NULL || *subject == '\0')
			subject = t->label;
		if (details == NULL || *details == '\0')
			details = t->text;
	}
	form_fill(r, d, "subject", subject == NULL ? "" : subject);
	form_fill(r, d, "details", details == NULL ? "" : details);
	opts_fill(d, co, occ, site, sid);
	choices_fill(d, HD_NORMAL, svc != NULL && hd_category_by_label(
	    svc->extra) != HD_CATEGORY__MAX ? hd_category_by_label(svc->extra) :
	    HD_CAT_OTHER);
	page_end(r);
}

/* One attempt at the raise transaction: 1 saved, 0 refused (no contract
 * at the site; nothing written), <0 error. */
static int
case_raise_once(struct req *r, int64_t occ, int64_t site, int64_t svc,
    const char *subject, const char *details, const char *svc_name,
    const char *priority, const char *category, const struct case_file *cf,
    int64_t *id)
{
	int	 rc;

	if (db_begin() < 0)
		return -1;
	if ((rc = store_case_contract_exists(r->a, r->user.operator_id, occ,
	    site)) > 0)
		rc = store_case_insert(r->user.operator_id, occ, site, svc,
		    subject, details, r->user.id, priority, category, r->now,
		    id);
	if (rc > 0)
		rc = case_file_save(r, *id, 0, cf);
	if (rc > 0)
		rc = store_audit(r->user.operator_id, occ, site, r->user.id,
		    "case", *id, "create", NULL, arena_printf(r->a,
		    "subject=%s\nservice=%s\nstatus=open\ndetails=%s", subject,
		    svc_name, details));
	/* Raised by the operator: the occupier hears of it. */
	if (rc > 0)
		rc = notify_case(r->a, r->user.operator_id, *id,
		    NOTIFY_CASE_RAISED, 1, r->user.id, NULL, r->now);
	if (rc > 0 && db_commit() > 0)
		return 1;
	db_rollback();
	return rc > 0 ? -1 : rc;
}

void
page_case_new(struct req *r)
{
	struct tpl_dict			*d;
	struct case_opts		 co;
	struct fval			 v[KF__MAX];
	const struct store_case_option	*occ = NULL, *site = NULL, *svc = NULL;
	int				 errors, rc = -1, attempt;
	int64_t				 id = 0;
	enum hd_priority		 prio;
	enum hd_category		 cat;
	struct case_file		 cf;

	if (opts_load(r, &co) < 0) {
		page_store_error(r);
		return;
	}
	if ((d = page_begin(r, "Raise a case", "case_new.tpl", "cases")) ==
	    NULL)
		return;
	if (r->method == M_GET) {
		case_new_form(r, d, &co);
		return;
	}
	errors = form_read(r, d, case_fields, KF__MAX, v);
	/* An id of another operator (or none at all) is not found: 404. */
	if ((v[KF_OCCUPIER].err == NULL && (occ = option_find(
	    co.o[STORE_CASE_OPT_OCCUPIERS], co.n[STORE_CASE_OPT_OCCUPIERS],
	    v[KF_OCCUPIER].i)) == NULL) ||
	    (v[KF_SITE].err == NULL && (site = option_find(
	    co.o[STORE_CASE_OPT_SITES], co.n[STORE_CASE_OPT_SITES],
	    v[KF_SITE].i)) == NULL) ||
	    (v[KF_SERVICE].err == NULL && v[KF_SERVICE].present &&
	    (svc = option_find(co.o[STORE_CASE_OPT_SERVICES],
	    co.n[STORE_CASE_OPT_SERVICES], v[KF_SERVICE].i)) == NULL)) {
		http_error(r, 404);
		return;
	}
	opts_fill(d, &co, occ ? occ->id : 0, site ? site->id : 0,
	    svc ? svc->id : 0);
	prio = HD_NORMAL;
	if (v[KF_PRIORITY].present &&
	    (prio = hd_priority_parse(v[KF_PRIORITY].s)) == HD_PRIORITY__MAX) {
		form_error(r, d, "priority", "Priority must be one of the "
		    "choices.");
		errors++;
	}
	cat = svc != NULL ? hd_category_by_label(svc->extra) : HD_CAT_OTHER;
	if (v[KF_CATEGORY].present &&
	    (cat = hd_category_parse(v[KF_CATEGORY].s)) == HD_CATEGORY__MAX) {
		form_error(r, d, "category", "Category must be one of the "
		    "choices.");
		errors++;
	}
	if (cat == HD_CATEGORY__MAX)
		cat = HD_CAT_OTHER;
	if (v[KF_DETAILS].err == NULL && hd_is_template(v[KF_DETAILS].s)) {
		form_error(r, d, "details", "Details are the checklist "
		    "unchanged: answer each point of it before sending the "
		    "case.");
		errors++;
	}
	if (case_file_check(r, d, &cf) < 0)
		errors++;
	choices_fill(d, prio == HD_PRIORITY__MAX ? HD_NORMAL : prio, cat);
	if (errors > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
		rc = case_raise_once(r, occ->id, site->id, svc ? svc->id : 0,
		    v[KF_SUBJECT].s, v[KF_DETAILS].s, svc ? svc->name : "",
		    hd_priority_names[prio], hd_category_names[cat], &cf, &id);
		if (rc >= 0 || !db_retryable())
			break;
		log_info("cases: retrying raise after %u", db_errno());
	}
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		r->status = 422;
		form_error(r, d, "site", arena_printf(r->a, "%s has no contract "
		    "at %s: a case must concern an occupier present at that "
		    "site. Choose a site where it has a contract.", occ->name,
		    site->name));
		page_end(r);
		return;
	}
	http_redirect(r, arena_printf(r->a, "/cases/%lld?done=created",
	    (long long)id));
}

/* ---- /cases/ID ---- */

enum case_op {
	KO_COMMENT,	/* "comment" */
	KO_CLOSE,	/* "close" */
	KO_REOPEN,	/* "reopen" */
	KO_STATUS,	/* "status": to=in_progress|awaiting_customer|resolved */
	KO_TRIAGE,	/* "triage": assignee, priority, category */
	KO__MAX
};

static const char *const case_ops[KO__MAX] = {
	"comment",	/* KO_COMMENT */
	"close",	/* KO_CLOSE */
	"reopen",	/* KO_REOPEN */
	"status",	/* KO_STATUS */
	"triage",	/* KO_TRIAGE */
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
    { "comment", "Comment", FT_MULTILINE, 10000, 1, 0, 0, NULL };

/* Fill the case screen. kept: a comment refused because the case is
 * closed, shown back to copy (NULL: none). 1 ok, 0 response made. */
static int
case_fill(struct req *r, struct tpl_dict *d, const struct store_case *c,
    const char *kept)
{
	struct store_case_comment	*m;
	struct store_case_option	*team;
	const struct hd_canned		*cr;
	struct tpl_dict			*line, *sub, *o;
	size_t				 n, nteam, ncr, i;
	enum hd_status			 st = hd_status_parse(c->status);
	enum hd_category		 cat = hd_category_parse(c->category);
	enum hd_priority		 pr = hd_priority_parse(c->priority);
	int				 open = st != HD_CLOSED, j;
	int64_t				 reply;
	const char			*base;

	if (store_case_comments(r->a, r->user.operator_id, c->id, &m, &n) <
	    0 || store_case_options(r->a, r->user.operator_id,
	    STORE_CASE_OPT_TEAM, &team, &nteam) < 0 ||
	    case_files_fill(r, d, c->id, (base = arena_printf(r->a,
	    "/cases/%lld", (long long)c->id))) < 0) {
		page_store_error(r);
		return 0;
	}
	tpl_set_int(d, TN_ID, c->id);
	tpl_set(d, TN_SUBJECT, c->subject);
	badge_set(d, c->status);
	tpl_set(d, TN_RAISED_BY, c->created_by[0] ? c->created_by :
	    "an unknown user");
	time_set(r, d, TN_RAISED, TN_RAISED_ISO, c->created_at, 1);
	if (!open && c->closed_at > 0) {
		sub = tpl_section(d, TN_CLOSED);
		time_set(r, sub, TN_CLOSED_AT, TN__MAX, c->closed_at, 1);
	}
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
	tpl_set(d, TN_PRIORITY, priority_label(c->priority));
	tpl_set(d, TN_CATEGORY, category_label(c->category));
	tpl_set(d, TN_ASSIGNEE, c->assignee_name[0] ? c->assignee_name :
	    "Unassigned");
	sla_set(r, d, c);
	tpl_set(d, TN_TZ, c->tz);
	/* Triage: assignee, priority, category. */
	for (i = 0; i < nteam; i++) {
		o = tpl_section(d, TN_ASSIGNEE_OPT);
		tpl_set_int(o, TN_ID, team[i].id);
		tpl_set(o, TN_NAME, team[i].name);
		if (team[i].id == c->assignee_id)
			tpl_show(o, TN_SELECTED);
	}
	for (j = 0; j < HD_PRIORITY__MAX; j++) {
		o = tpl_section(d, TN_PRIORITY_OPT);
		tpl_set(o, TN_KEY, hd_priority_names[j]);
		tpl_set(o, TN_LABEL, hd_priority_labels[j]);
		if (j == (int)pr)
			tpl_show(o, TN_SELECTED);
	}
	for (j = 0; j < HD_CATEGORY__MAX; j++) {
		o = tpl_section(d, TN_CATEGORY_OPT);
		tpl_set(o, TN_KEY, hd_category_names[j]);
		tpl_set(o, TN_LABEL, hd_category_labels[j]);
		if (j == (int)cat)
			tpl_show(o, TN_SELECTED);
	}
	/* The moves the status allows (close and reopen keep their ops). */
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
			tpl_set(tpl_section(o, TN_TO), TN_KEY, hd_status_names[j]);
		}
	}
	tpl_set(d, TN_DETAILS, c->details);
	tpl_set_int(d, TN_NCOMMENTS, c->ncomments);
	tpl_set(d, TN_COMMENTS_NOUN, c->ncomments == 1 ? "comment" : "comments");
	for (i = 0; i < n; i++) {
		line = tpl_section(d, TN_LINE);
		sub = tpl_section(line, m[i].user_id > 0 ? TN_PERSON : TN_SYSTEM);
		tpl_set_int(sub, TN_ID, m[i].id);
		tpl_set(sub, TN_AUTHOR, m[i].author[0] ? m[i].author :
		    "Unknown user");
		tpl_set(sub, TN_BODY, m[i].body);
		time_set(r, sub, TN_AT, TN_AT_ISO, m[i].at, 1);
	}
	tpl_show(d, n > 0 ? TN_HAS_LINES : TN_NO_LINES);
	/* Canned replies of the category: a choice fills the comment (with
	 * JavaScript; without, ?reply=N does). */
	cr = hd_replies(cat, &ncr);
	reply = query_id_or(r, "reply");
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
	if (open) {
		tpl_show(d, TN_CAN_COMMENT);
	} else {
		tpl_show(d, TN_IS_CLOSED);
		if (kept != NULL)
			tpl_set(tpl_section(d, TN_KEPT), TN_TEXT, kept);
	}
	return 1;
}

/* One attempt at an op's transaction: 1 done, 0 refused (the case is not
 * in the state the op needs; nothing written), <0 error. */
static int
case_op_once(struct req *r, const struct store_case *c, enum case_op op,
    const char *comment, const struct case_file *cf, const char *to,
    int64_t assignee, const char *prio, const char *cat, int64_t *comment_id)
{
	const char	*line, *was = "";
	int		 rc;

	if (db_begin() < 0)
		return -1;
	if (op == KO_COMMENT) {
		rc = store_case_comment_insert(r->user.operator_id, c->id,
		    r->user.id, comment, comment_id);
		if (rc > 0)
			rc = case_file_save(r, c->id, *comment_id, cf);
		if (rc > 0)
			rc = store_case_first_response(r->user.operator_id,
			    c->id, r->now);
		if (rc > 0)
			rc = store_audit(r->user.operator_id, c->occupier_id,
			    c->site_id, r->user.id, "case", c->id, "comment",
			    NULL, arena_printf(r->a, "comment=%s%s%s", comment,
			    cf->data ? "\nattachment=" : "", cf->data ?
			    cf->name : ""));
		if (rc > 0)
			rc = notify_case(r->a, r->user.operator_id, c->id,
			    NOTIFY_CASE_COMMENT, 1, r->user.id, comment, r->now);
	} else if (op == KO_TRIAGE) {
		rc = store_case_triage(r->user.operator_id, c->id, assignee,
		    prio, cat);
		if (rc > 0)
			rc = store_audit(r->user.operator_id, c->occupier_id,
			    c->site_id, r->user.id, "case", c->id, "triage",
			    arena_printf(r->a, "assignee=%s\npriority=%s\n"
			    "category=%s", c->assignee_name, c->priority,
			    c->category), arena_printf(r->a, "assignee=%lld\n"
			    "priority=%s\ncategory=%s", (long long)assignee, prio,
			    cat));
	} else {
		enum hd_status t = hd_status_parse(to);

		line = arena_printf(r->a, "%s by %s.", t == HD_CLOSED ?
		    "Closed" : t == HD_OPEN ? "Reopened" : arena_printf(r->a,
		    "Moved to %s", hd_status_labels[t]), r->user.name);
		rc = store_case_move(r->a, r->user.operator_id, c->id, to,
		    r->now, 1, &was);
		if (rc > 0)
			rc = store_case_comment_insert(r->user.operator_id,
			    c->id, 0, line, NULL);
		if (rc > 0)
			rc = store_audit(r->user.operator_id, c->occupier_id,
			    c->site_id, r->user.id, "case", c->id, case_ops[op],
			    arena_printf(r->a, "status=%s", was),
			    arena_printf(r->a, "status=%s", to));
		if (rc > 0 && t == HD_CLOSED)
			rc = notify_case(r->a, r->user.operator_id, c->id,
			    NOTIFY_CASE_CLOSED, 1, r->user.id, NULL, r->now);
	}
	if (rc > 0 && db_commit() > 0)
		return 1;
	db_rollback();
	return rc > 0 ? -1 : rc;
}

void
page_case(struct req *r)
{
	struct tpl_dict			*d;
	struct store_case		 c;
	struct store_case_option	*team;
	struct case_file		 cf;
	struct fval			 v;
	const char			*ops, *kept = NULL, *msg = NULL, *to = NULL;
	const char			*s;
	enum case_op			 op;
	enum hd_priority		 prio = HD_NORMAL;
	enum hd_category		 cat = HD_CAT_OTHER;
	int64_t				 cid = 0, assignee = 0;
	size_t				 nteam;
	int				 rc, attempt, bad = 0;

	memset(&cf, 0, sizeof(cf));
	if ((rc = store_case_get(r->a, r->user.operator_id, r->ids[0], &c)) <
	    0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, arena_printf(r->a, "Case %lld",
	    (long long)c.id), "case.tpl", "cases")) == NULL)
		return;
	if (r->method == M_GET) {
		if (case_fill(r, d, &c, NULL))
			page_end(r);
		return;
	}
	ops = kv_get(&r->form, "op");
	for (op = 0; op < KO__MAX; op++)
		if (ops != NULL && strcmp(ops, case_ops[op]) == 0)
			break;
	if (op == KO__MAX) {
		http_error_msg(r, 400, "Unknown action on a case.");
		return;
	}
	switch (op) {
	case KO_COMMENT:
		bad = form_read(r, d, &comment_field, 1, &v);
		if (v.err == NULL && hd_is_template(v.s)) {
			form_error(r, d, "comment", "The comment is a canned "
			    "reply unchanged: fill in its [bracketed] parts "
			    "before sending it.");
			bad++;
		}
		if (case_file_check(r, d, &cf) < 0)
			bad++;
		break;
	case KO_CLOSE:
		to = "closed";
		break;
	case KO_REOPEN:
		to = "open";
		break;
	case KO_STATUS:
		to = kv_get(&r->form, "to");
		if (to == NULL || hd_status_parse(to) == HD_STATUS__MAX ||
		    hd_status_parse(to) == HD_CLOSED ||
		    hd_status_parse(to) == HD_OPEN) {
			http_error_msg(r, 400, "Unknown status for a case.");
			return;
		}
		break;
	case KO_TRIAGE:
		if (store_case_options(r->a, r->user.operator_id,
		    STORE_CASE_OPT_TEAM, &team, &nteam) < 0) {
			page_store_error(r);
			return;
		}
		s = kv_get(&r->form, "assignee");
		if (s != NULL && *s != '\0') {
			assignee = strtoll(s, NULL, 10);
			if (assignee <= 0 || option_find(team, nteam,
			    assignee) == NULL) {
				form_error(r, d, "assignee", "Assignee must be "
				    "a member of the team.");
				bad++;
			}
		}
		if ((prio = hd_priority_parse(kv_get(&r->form, "priority"))) ==
		    HD_PRIORITY__MAX) {
			form_error(r, d, "priority", "Priority must be one of "
			    "the choices.");
			bad++;
		}
		if ((cat = hd_category_parse(kv_get(&r->form, "category"))) ==
		    HD_CATEGORY__MAX) {
			form_error(r, d, "category", "Category must be one of "
			    "the choices.");
			bad++;
		}
		break;
	default:
		break;
	}
	if (bad > 0) {
		r->status = 422;
		if (case_fill(r, d, &c, NULL))
			page_end(r);
		return;
	}
	for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
		rc = case_op_once(r, &c, op, op == KO_COMMENT ? v.s : NULL, &cf,
		    to, assignee, prio < HD_PRIORITY__MAX ?
		    hd_priority_names[prio] : "normal", cat < HD_CATEGORY__MAX ?
		    hd_category_names[cat] : "other", &cid);
		if (rc >= 0 || !db_retryable())
			break;
		log_info("cases: retrying %s after %u", case_ops[op],
		    db_errno());
	}
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (rc > 0) {
		http_redirect(r, op == KO_COMMENT ? arena_printf(r->a,
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
	switch (op) {
	case KO_COMMENT:
		msg = "This case is closed: reopen it to add a comment. Your "
		    "comment was not saved.";
		kept = v.s;
		break;
	case KO_CLOSE:
		msg = "This case is already closed.";
		break;
	case KO_REOPEN:
		msg = "This case is already open.";
		break;
	default:
		msg = arena_printf(r->a, "A case that is %s cannot move to "
		    "%s.", hd_status_labels[hd_status_parse(c.status) <
		    HD_STATUS__MAX ? hd_status_parse(c.status) : HD_OPEN],
		    hd_status_labels[hd_status_parse(to)]);
		break;
	}
	r->status = 409;
	form_error(r, d, NULL, msg);
	if (case_fill(r, d, &c, kept))
		page_end(r);
}
