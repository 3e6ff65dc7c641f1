/*
 * my_case_new: /my/cases/new, an occupier user or admin raises a case for its
 * occupier at one of its sites (where it has a contract), optionally about
 * a service of the catalog. One transaction with its audit event; then to
 * the case.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/helpdesk.h"
#include "../notify.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_case.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define SAVE_TRIES	3

enum mc_field {
	MF_SITE,	/* site */
	MF_SERVICE,	/* service */
	MF_SUBJECT,	/* subject */
	MF_DETAILS,	/* details */
	MF_PRIORITY,	/* priority */
	MF_CATEGORY,	/* category */
	MF__MAX
};

static const struct field fields[MF__MAX] = {
	[MF_SITE] = { "site", "Site", FT_INT, 20, 1, 1, INT64_MAX, NULL },
	[MF_SERVICE] = { "service", "Related service", FT_INT, 20, 0, 1, INT64_MAX, NULL },
	[MF_SUBJECT] = { "subject", "Subject", FT_TEXT, 200, 1, 0, 0, NULL },
	[MF_DETAILS] = { "details", "Details", FT_MULTILINE, 10000, 1, 0, 0, NULL },
	[MF_PRIORITY] = { "priority", "Priority", FT_TEXT, 16, 0, 0, 0, NULL },
	[MF_CATEGORY] = { "category", "Category", FT_TEXT, 24, 0, 0, 0, NULL },
};

/* 1 raised, 0 refused (no contract at the site any more), -1 error. */
static int
raise_once(struct req *r, int64_t site, int64_t svc, const char *svc_name,
    const char *subject, const char *details, enum hd_priority prio,
    enum hd_category cat, const struct case_file *cf, int64_t *id)
{
	int64_t	 op = r->user.operator_id, occ = r->user.occupier_id;
	int	 rc;

	if (db_begin() < 0)
		return -1;
	if ((rc = store_case_contract_exists(r->a, op, occ, site)) > 0)
		rc = store_case_insert(op, occ, site, svc, subject, details,
		    r->user.id, hd_priority_names[prio], hd_category_names[cat],
		    r->now, id);
	if (rc > 0)
		rc = case_file_save(r, *id, 0, cf);
	if (rc > 0)
		rc = store_audit(op, occ, site, r->user.id, "case", *id,
		    "create", NULL, arena_printf(r->a, "subject=%s\n"
		    "service=%s\nstatus=open\ndetails=%s", subject, svc_name,
		    details));
	/* Raised by the occupier: the operator's team hears of it. */
	if (rc > 0)
		rc = notify_case(r->a, op, *id, NOTIFY_CASE_RAISED, 0,
		    r->user.id, NULL, r->now);
	if (rc > 0 && db_commit() > 0)
		return 1;
	db_rollback();
	return rc > 0 ? -1 : rc;
}

void
page_my_case_new(struct req *r)
{
	struct tpl_dict			*d, *o;
	struct store_case_option	*svcs;
	const struct store_case_option	*svc = NULL;
	struct store_site		*sites;
	struct fval			 v[MF__MAX];
	int64_t				*mine, site = 0, sid = 0, id = 0;
	size_t				 nmine, nsvc, ns, i, k;
	int				 rc = 0, attempt, site_ok = 0;
	enum hd_priority		 prio = HD_NORMAL;
	enum hd_category		 cat = HD_CAT_OTHER;
	const struct hd_canned		*t;
	struct case_file		 cf;
	int				 k2;

	if (my_sites(r, &mine, &nmine) < 0 ||
	    store_site_list(r->a, r->user.operator_id, 0, &sites, &ns) < 0 ||
	    store_case_options(r->a, r->user.operator_id,
	    STORE_CASE_OPT_SERVICES, &svcs, &nsvc) < 0) {
		page_store_error(r);
		return;
	}
	if ((d = page_begin(r, "Raise a case", "my_case_new.tpl",
	    "mycases")) == NULL)
		return;
	if (r->method == M_POST) {
		rc = form_read(r, d, fields, MF__MAX, v);
		site = v[MF_SITE].err == NULL ? v[MF_SITE].i : 0;
		sid = v[MF_SERVICE].err == NULL && v[MF_SERVICE].present ?
		    v[MF_SERVICE].i : 0;
		for (k = 0; k < nmine; k++)
			if (mine[k] == site)
				site_ok = 1;
		if (v[MF_SITE].err == NULL && !site_ok) {
			form_error(r, d, "site", "Site must be one of your "
			    "sites.");
			rc++;
		}
		for (i = 0; sid > 0 && i < nsvc; i++)
			if (svcs[i].id == sid)
				svc = &svcs[i];
		if (sid > 0 && svc == NULL) {
			form_error(r, d, "service", "Related service must be "
			    "one of the choices.");
			rc++;
		}
		if (v[MF_PRIORITY].present && (prio = hd_priority_parse(
		    v[MF_PRIORITY].s)) == HD_PRIORITY__MAX) {
			form_error(r, d, "priority", "Priority must be one of "
			    "the choices.");
			prio = HD_NORMAL;
			rc++;
		}
		cat = svc != NULL ? hd_category_by_label(svc->extra) :
		    HD_CAT_OTHER;
		if (v[MF_CATEGORY].present && (cat = hd_category_parse(
		    v[MF_CATEGORY].s)) == HD_CATEGORY__MAX) {
			form_error(r, d, "category", "Category must be one of "
			    "the choices.");
			rc++;
		}
		if (cat == HD_CATEGORY__MAX)
			cat = HD_CAT_OTHER;
		if (case_file_check(r, d, &cf) < 0)
			rc++;
		if (v[MF_DETAILS].err == NULL &&
		    hd_is_template(v[MF_DETAILS].s)) {
			form_error(r, d, "details", "Details are the checklist "
			    "unchanged: answer each point of it before sending "
			    "the case.");
			rc++;
		}
		if (rc == 0) {
			for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
				rc = raise_once(r, site, sid, svc ? svc->name :
				    "", v[MF_SUBJECT].s, v[MF_DETAILS].s, prio,
				    cat, &cf, &id);
				if (rc >= 0 || !db_retryable())
					break;
			}
			if (rc < 0) {
				page_store_error(r);
				return;
			}
			if (rc > 0) {
				http_redirect(r, arena_printf(r->a,
				    "/my/cases/%lld?done=created",
				    (long long)id));
				return;
			}
			form_error(r, d, "site", "Site must be one of your "
			    "sites.");
		}
		r->status = 422;
	} else if (nmine > 0)
		site = mine[0];
	for (i = 0; i < ns; i++) {
		for (k = 0; k < nmine && mine[k] != sites[i].id; k++)
			continue;
		if (k == nmine)
			continue;
		o = tpl_section(d, TN_SITE_OPT);
		tpl_set_int(o, TN_ID, sites[i].id);
		tpl_set(o, TN_NAME, sites[i].name);
		if (sites[i].id == site)
			tpl_show(o, TN_SELECTED);
	}
	for (i = 0; i < nsvc; i++) {
		o = tpl_section(d, TN_SERVICE_OPT);
		tpl_set_int(o, TN_ID, svcs[i].id);
		tpl_set(o, TN_NAME, svcs[i].name);
		tpl_set(o, TN_CATEGORY, svcs[i].extra);
		if (svcs[i].id == sid)
			tpl_show(o, TN_SELECTED);
	}
	for (k2 = 0; k2 < HD_PRIORITY__MAX; k2++) {
		o = tpl_section(d, TN_PRIORITY_OPT);
		tpl_set(o, TN_KEY, hd_priority_names[k2]);
		tpl_set(o, TN_LABEL, hd_priority_labels[k2]);
		if (k2 == (int)prio)
			tpl_show(o, TN_SELECTED);
	}
	for (k2 = 0; k2 < HD_CATEGORY__MAX; k2++) {
		o = tpl_section(d, TN_CATEGORY_OPT);
		tpl_set(o, TN_KEY, hd_category_names[k2]);
		tpl_set(o, TN_LABEL, hd_category_labels[k2]);
		if (k2 == (int)cat)
			tpl_show(o, TN_SELECTED);
	}
	/* ?category=ivr or conference_bridge: the checklist to answer. */
	if (r->method == M_GET && (t = hd_case_template(hd_category_parse(
	    kv_get(&r->query, "category")))) != NULL) {
		form_fill(r, d, "subject", t->label);
		form_fill(r, d, "details", t->text);
	}
	if (nmine == 0)
		tpl_show(d, TN_NO_SITES);
	page_end(r);
}
