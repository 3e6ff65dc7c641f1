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

/*
 * A numeric id from the query string. 0 when absent or empty, -1 when
 * malformed (not 1..18 digits, or a leading zero), else the id.
 */
static int64_t
query_id(struct req *r, const char *key)
{
	const char	*s;
	int64_t		 v = 0;
	int		 n = 0;

	if ((s = kv_get(&r->query, key)) == NULL || *s == '\0')
		return 0;
	if (*s == '0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || ++n > 18)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
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
options_fill(struct tpl_dict *d, const char *section,
    const struct store_case_option *o, size_t n, int64_t selected)
{
	struct tpl_dict	*opt;
	size_t		 i;

	for (i = 0; i < n; i++) {
		opt = tpl_section(d, section);
		tpl_set_int(opt, "ID", o[i].id);
		tpl_set(opt, "NAME", o[i].name);
		if (o[i].id == selected)
			tpl_show(opt, "SELECTED");
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
			grp = tpl_section(d, "SERVICE_GROUP");
			tpl_set(grp, "LABEL", o[i].extra);
		}
		opt = tpl_section(grp, "SERVICE_OPT");
		tpl_set_int(opt, "ID", o[i].id);
		tpl_set(opt, "NAME", o[i].name);
		if (o[i].id == selected)
			tpl_show(opt, "SELECTED");
	}
}

/* A time (unix seconds) in the operator's zone (TZ of the process). */
static void
time_set(struct req *r, struct tpl_dict *d, const char *key, int64_t t,
    int with_time)
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
	tpl_set(d, arena_printf(r->a, "%s_ISO", key), iso);
}

static void
status_set(struct tpl_dict *d, const char *status)
{
	int	 open = strcmp(status, "open") == 0;

	tpl_set(d, "STATUS_LABEL", open ? "Open" : "Closed");
	tpl_set(d, "STATUS_CLASS", open ? "active" : "inactive");
}

/* ---- /cases ---- */

/* "/cases?status=S[&occupier=O][&site=T][&page=P]" (page 0: none). */
static char *
list_href(struct req *r, enum case_status_filter f, int64_t occ,
    int64_t site, int64_t page)
{
	struct buf	 b;

	buf_init(&b, r->a, 64);
	buf_printf(&b, "/cases?status=%s", csf_names[f]);
	if (occ > 0)
		buf_printf(&b, "&occupier=%lld", (long long)occ);
	if (site > 0)
		buf_printf(&b, "&site=%lld", (long long)site);
	if (page > 1)
		buf_printf(&b, "&page=%lld", (long long)page);
	return b.p;
}

void
page_cases(struct req *r)
{
	struct tpl_dict			*d, *row, *pg, *tab, *e;
	struct store_case_option	*occs, *sites;
	const struct store_case_option	*occ = NULL, *site = NULL;
	struct store_case		*c;
	struct store_case_filter	 cf;
	enum case_status_filter		 f = CSF_OPEN, i;
	const char			*s;
	int64_t				 occ_id, site_id, page, counts[CSF__MAX];
	int64_t				 total, pages;
	size_t				 nocc, nsite, n, k;
	struct buf			 what;

	if ((s = kv_get(&r->query, "status")) != NULL && *s != '\0') {
		for (f = 0; f < CSF__MAX; f++)
			if (strcmp(s, csf_names[f]) == 0)
				break;
		if (f == CSF__MAX) {
			http_error_msg(r, 400, "The status filter must be open, "
			    "closed or all.");
			return;
		}
	}
	occ_id = query_id(r, "occupier");
	site_id = query_id(r, "site");
	if (occ_id < 0 || site_id < 0) {
		http_error_msg(r, 400, "The occupier or site filter is not a "
		    "valid id.");
		return;
	}
	if ((page = query_id(r, "page")) <= 0 || page > 1000000)
		page = 1;
	if (store_case_options(r->a, r->user.operator_id,
	    STORE_CASE_OPT_OCCUPIERS, &occs, &nocc) < 0 ||
	    store_case_options(r->a, r->user.operator_id,
	    STORE_CASE_OPT_SITES, &sites, &nsite) < 0) {
		page_store_error(r);
		return;
	}
	/* Another operator's occupier or site is simply not found. */
	if ((occ_id > 0 && (occ = option_find(occs, nocc, occ_id)) == NULL) ||
	    (site_id > 0 && (site = option_find(sites, nsite, site_id)) ==
	    NULL)) {
		http_error(r, 404);
		return;
	}
	memset(&cf, 0, sizeof(cf));
	cf.op = r->user.operator_id;
	cf.occ = occ_id;
	cf.site = site_id;
	if (store_case_counts(r->a, &cf, &counts[CSF_OPEN], &counts[CSF_CLOSED])
	    < 0) {
		page_store_error(r);
		return;
	}
	counts[CSF_ALL] = counts[CSF_OPEN] + counts[CSF_CLOSED];
	total = counts[f];
	pages = total == 0 ? 1 : (total + PER_PAGE - 1) / PER_PAGE;
	if (page > pages)
		page = pages;
	cf.tab = f == CSF_ALL ? NULL : csf_names[f];
	if (store_case_list(r->a, &cf, (page - 1) * PER_PAGE, PER_PAGE, &c,
	    &n) < 0) {
		page_store_error(r);
		return;
	}
	if ((d = page_begin(r, "Cases", "cases.tpl", "cases")) == NULL) {
		http_error(r, 500);
		return;
	}
	for (i = 0; i < CSF__MAX; i++) {
		tab = tpl_section(d, "STATUS_TAB");
		tpl_set(tab, "HREF", list_href(r, i, occ_id, site_id, 0));
		tpl_set(tab, "LABEL", csf_labels[i]);
		tpl_set_int(tab, "COUNT", counts[i]);
		if (i == f)
			tpl_show(tab, "CURRENT");
	}
	tpl_set(d, "STATUS", csf_names[f]);
	options_fill(d, "OCCUPIER_OPT", occs, nocc, occ_id);
	options_fill(d, "SITE_OPT", sites, nsite, site_id);
	if (occ != NULL || site != NULL) {
		tpl_show(d, "FILTERED");
		tpl_set(d, "CLEAR_HREF", list_href(r, f, 0, 0, 0));
	}
	if (occ != NULL && site != NULL)
		tpl_set(d, "NEW_HREF", arena_printf(r->a,
		    "/cases/new?occupier=%lld&site=%lld", (long long)occ_id,
		    (long long)site_id));
	else if (occ != NULL)
		tpl_set(d, "NEW_HREF", arena_printf(r->a,
		    "/cases/new?occupier=%lld", (long long)occ_id));
	else if (site != NULL)
		tpl_set(d, "NEW_HREF", arena_printf(r->a,
		    "/cases/new?site=%lld", (long long)site_id));
	else
		tpl_set(d, "NEW_HREF", "/cases/new");
	tpl_set_int(d, "TOTAL", total);
	tpl_set(d, "TOTAL_NOUN", total == 1 ? "case" : "cases");
	for (k = 0; k < n; k++) {
		row = tpl_section(d, "ROW");
		tpl_set_int(row, "ID", c[k].id);
		tpl_set(row, "SUBJECT", c[k].subject);
		tpl_set_int(row, "OCC_ID", c[k].occupier_id);
		tpl_set(row, "OCC_NAME", c[k].occupier_name);
		tpl_set(row, "SITE_NAME", c[k].site_name);
		if (c[k].service_id > 0) {
			tpl_show(row, "SERVICE");
			tpl_set(row, "SERVICE_NAME", c[k].service_name);
		} else
			tpl_show(row, "NO_SERVICE");
		status_set(row, c[k].status);
		time_set(r, row, "RAISED", c[k].created_at, 0);
		tpl_set_int(row, "NCOMMENTS", c[k].ncomments);
	}
	if (n > 0)
		tpl_show(d, "HAS_ROWS");
	else {
		/* "There are no open cases for Acme at Canary Wharf." */
		buf_init(&what, r->a, 128);
		buf_printf(&what, "There are no %scases", f == CSF_OPEN ?
		    "open " : f == CSF_CLOSED ? "closed " : "");
		if (occ != NULL)
			buf_printf(&what, " for %s", occ->name);
		if (site != NULL)
			buf_printf(&what, " at %s", site->name);
		buf_puts(&what, ".");
		tpl_show(d, "EMPTY");
		tpl_set(d, "EMPTY_TEXT", what.p);
		if (f != CSF_ALL && counts[CSF_ALL] > 0) {
			e = tpl_section(d, "EMPTY_OTHER");
			i = f == CSF_OPEN ? CSF_CLOSED : CSF_OPEN;
			tpl_set(e, "HREF", list_href(r, i, occ_id, site_id, 0));
			tpl_set(e, "LABEL", arena_printf(r->a, "See %lld %s %s",
			    (long long)counts[i], i == CSF_OPEN ? "open" :
			    "closed", counts[i] == 1 ? "case" : "cases"));
		}
	}
	if (pages > 1) {
		pg = tpl_section(d, "PAGER");
		tpl_set_int(pg, "PAGE", page);
		tpl_set_int(pg, "PAGES", pages);
		if (page > 1)
			tpl_set(tpl_section(pg, "PREV"), "HREF",
			    list_href(r, f, occ_id, site_id, page - 1));
		if (page < pages)
			tpl_set(tpl_section(pg, "NEXT"), "HREF",
			    list_href(r, f, occ_id, site_id, page + 1));
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
	[KF_OCCUPIER] = { "occupier", "Occupier", FT_INT, 20, 1, 1, INT64_MAX },
	[KF_SITE] = { "site", "Site", FT_INT, 20, 1, 1, INT64_MAX },
	[KF_SERVICE] = { "service", "Related service", FT_INT, 20, 0, 1, INT64_MAX },
	[KF_SUBJECT] = { "subject", "Subject", FT_TEXT, 200, 1, 0, 0 },
	[KF_DETAILS] = { "details", "Details", FT_MULTILINE, 10000, 1, 0, 0 },
	[KF_PRIORITY] = { "priority", "Priority", FT_TEXT, 16, 0, 0, 0 },
	[KF_CATEGORY] = { "category", "Category", FT_TEXT, 24, 0, 0, 0 },
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
	options_fill(d, "OCCUPIER_OPT", co->o[STORE_CASE_OPT_OCCUPIERS],
	    co->n[STORE_CASE_OPT_OCCUPIERS], occ);
	options_fill(d, "SITE_OPT", co->o[STORE_CASE_OPT_SITES],
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
		o = tpl_section(d, "PRIORITY_OPT");
		tpl_set(o, "KEY", hd_priority_names[i]);
		tpl_set(o, "LABEL", hd_priority_labels[i]);
		if (i == (int)prio)
			tpl_show(o, "SELECTED");
	}
	for (i = 0; i < HD_CATEGORY__MAX; i++) {
		o = tpl_section(d, "CATEGORY_OPT");
		tpl_set(o, "KEY", hd_category_names[i]);
		tpl_set(o, "LABEL", hd_category_labels[i]);
		if (i == (int)cat)
			tpl_show(o, "SELECTED");
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

	occ = query_id(r, "occupier");
	site = query_id(r, "site");
	sid = query_id(r, "service");
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
    const char *priority, const char *category, int64_t *id)
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

	if (opts_load(r, &co) < 0) {
		page_store_error(r);
		return;
	}
	if ((d = page_begin(r, "Raise a case", "case_new.tpl", "cases")) ==
	    NULL) {
		http_error(r, 500);
		return;
	}
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
	choices_fill(d, prio == HD_PRIORITY__MAX ? HD_NORMAL : prio, cat);
	if (errors > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
		rc = case_raise_once(r, occ->id, site->id, svc ? svc->id : 0,
		    v[KF_SUBJECT].s, v[KF_DETAILS].s, svc ? svc->name : "",
		    hd_priority_names[prio], hd_category_names[cat], &id);
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
	KO__MAX
};

static const char *const case_ops[KO__MAX] = {
	"comment",	/* KO_COMMENT */
	"close",	/* KO_CLOSE */
	"reopen",	/* KO_REOPEN */
};

static const struct field comment_field =
    { "comment", "Comment", FT_MULTILINE, 10000, 1, 0, 0 };

/* Fill the case screen. kept: a comment refused because the case is
 * closed, shown back to copy (NULL: none). 1 ok, 0 response made. */
static int
case_fill(struct req *r, struct tpl_dict *d, const struct store_case *c,
    const char *kept)
{
	struct store_case_comment	*m;
	struct tpl_dict			*line, *sub;
	size_t				 n, i;
	int				 open = strcmp(c->status, "open") == 0;

	if (store_case_comments(r->a, r->user.operator_id, c->id, &m, &n) <
	    0) {
		page_store_error(r);
		return 0;
	}
	tpl_set_int(d, "ID", c->id);
	tpl_set(d, "SUBJECT", c->subject);
	status_set(d, c->status);
	tpl_set(d, "RAISED_BY", c->created_by[0] ? c->created_by :
	    "an unknown user");
	time_set(r, d, "RAISED", c->created_at, 1);
	if (!open && c->closed_at > 0) {
		sub = tpl_section(d, "CLOSED");
		time_set(r, sub, "CLOSED_AT", c->closed_at, 1);
	}
	tpl_set_int(d, "OCC_ID", c->occupier_id);
	tpl_set(d, "OCC_NAME", c->occupier_name);
	tpl_set_int(d, "SITE_ID", c->site_id);
	tpl_set(d, "SITE_NAME", c->site_name);
	if (c->service_id > 0) {
		sub = tpl_section(d, "SERVICE");
		tpl_set_int(sub, "SERVICE_ID", c->service_id);
		tpl_set(sub, "SERVICE_NAME", c->service_name);
		tpl_set(sub, "SERVICE_CATEGORY", c->service_category);
	} else
		tpl_show(d, "NO_SERVICE");
	tpl_set(d, "DETAILS", c->details);
	tpl_set_int(d, "NCOMMENTS", c->ncomments);
	tpl_set(d, "COMMENTS_NOUN", c->ncomments == 1 ? "comment" : "comments");
	for (i = 0; i < n; i++) {
		line = tpl_section(d, "LINE");
		sub = tpl_section(line, m[i].user_id > 0 ? "PERSON" : "SYSTEM");
		tpl_set_int(sub, "ID", m[i].id);
		tpl_set(sub, "AUTHOR", m[i].author[0] ? m[i].author :
		    "Unknown user");
		tpl_set(sub, "BODY", m[i].body);
		time_set(r, sub, "AT", m[i].at, 1);
	}
	tpl_show(d, n > 0 ? "HAS_LINES" : "NO_LINES");
	if (open) {
		tpl_show(d, "CAN_CLOSE");
		tpl_show(d, "CAN_COMMENT");
	} else {
		tpl_show(d, "CAN_REOPEN");
		tpl_show(d, "IS_CLOSED");
		if (kept != NULL)
			tpl_set(tpl_section(d, "KEPT"), "TEXT", kept);
	}
	return 1;
}

/* One attempt at an op's transaction: 1 done, 0 refused (the case is not
 * in the state the op needs; nothing written), <0 error. */
static int
case_op_once(struct req *r, const struct store_case *c, enum case_op op,
    const char *comment, int64_t *comment_id)
{
	const char	*line, *from, *to, *was = "";
	int		 rc;

	if (db_begin() < 0)
		return -1;
	if (op == KO_COMMENT) {
		rc = store_case_comment_insert(r->user.operator_id, c->id,
		    r->user.id, comment, comment_id);
		if (rc > 0)
			rc = store_case_first_response(r->user.operator_id,
			    c->id, r->now);
		if (rc > 0)
			rc = store_audit(r->user.operator_id, c->occupier_id,
			    c->site_id, r->user.id, "case", c->id, "comment",
			    NULL, arena_printf(r->a, "comment=%s", comment));
		if (rc > 0)
			rc = notify_case(r->a, r->user.operator_id, c->id,
			    NOTIFY_CASE_COMMENT, 1, r->user.id, comment, r->now);
	} else {
		if (op == KO_CLOSE) {
			line = arena_printf(r->a, "Closed by %s.", r->user.name);
			from = "status=open";
			to = "status=closed";
		} else {
			line = arena_printf(r->a, "Reopened by %s.",
			    r->user.name);
			from = "status=closed";
			to = "status=open";
		}
		rc = store_case_move(r->a, r->user.operator_id, c->id,
		    op == KO_CLOSE ? "closed" : "open", r->now, 1, &was);
		if (rc > 0)
			rc = store_case_comment_insert(r->user.operator_id,
			    c->id, 0, line, NULL);
		if (rc > 0)
			rc = store_audit(r->user.operator_id, c->occupier_id,
			    c->site_id, r->user.id, "case", c->id, case_ops[op],
			    op == KO_CLOSE ? arena_printf(r->a, "status=%s", was) :
			    from, to);
		if (rc > 0 && op == KO_CLOSE)
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
	struct tpl_dict		*d;
	struct store_case	 c;
	struct fval		 v;
	const char		*ops, *kept = NULL, *msg = NULL;
	enum case_op		 op;
	int64_t			 cid = 0;
	int			 rc, attempt;

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
	    (long long)c.id), "case.tpl", "cases")) == NULL) {
		http_error(r, 500);
		return;
	}
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
	if (op == KO_COMMENT && form_read(r, d, &comment_field, 1, &v) > 0) {
		r->status = 422;
		if (case_fill(r, d, &c, v.raw))
			page_end(r);
		return;
	}
	for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
		rc = case_op_once(r, &c, op, op == KO_COMMENT ? v.s : NULL,
		    &cid);
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
	default:
		msg = "This case is already open.";
		break;
	}
	r->status = 409;
	form_error(r, d, NULL, msg);
	if (case_fill(r, d, &c, kept))
		page_end(r);
}
