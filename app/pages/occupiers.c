/*
 * occupiers: the list, with search by name or billing reference (spaces
 * around it ignored), sorted by name or billing reference and filtered by
 * site and contract status. The plain list by name pages by page number
 * (store_occupier_page: its first pages by position from the kept count,
 * the others and searches from the worker's page index); a sorted or
 * filtered one pages by key (the last row's key and id in the next link).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/date.h"
#include "../domain/lookup.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define PER_PAGE	25
#define QUERY_CAP	200

static const char *const sorts[] = { "name", "ref", NULL };
static const char *const statuses[] = { "active", "starting", "ended",
    "none", NULL };
static const char *const status_labels[] = { "Active contract",
    "Contract starting", "Contracts ended", "No contract" };

struct occ_view {
	char			 q[QUERY_CAP + 1];
	struct store_occ_filter	 f;
	int			 sort, status;
	int64_t			 page;
};

/* The rows and what the list says when there are none. */
static void
fill_rows(struct tpl_dict *d, const struct occ_view *v,
    const struct store_occupier *o, size_t n)
{
	struct tpl_dict	*row;
	size_t		 i;

	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_ROW);
		tpl_set_int(row, TN_ID, o[i].id);
		tpl_set(row, TN_NAME, o[i].name);
		tpl_set(row, TN_BILLING_REF, o[i].billing_ref);
		tpl_set(row, TN_SITES, o[i].sites[0] ? o[i].sites : "—");
		tpl_set_int(row, TN_ACTIVE, o[i].active_contracts);
	}
	if (n > 0)
		tpl_show(d, TN_HAS_ROWS);
	else if (v->f.site > 0 || v->status >= 0 || v->f.after_id > 0)
		tpl_show(d, TN_NO_FILTER_MATCH);
	else if (v->q[0] != '\0')
		tpl_show(d, TN_NO_MATCH);
	else
		tpl_show(d, TN_EMPTY);
}

/* The filter form: sort, site and status choices, the current ones
 * selected. */
static int
fill_filters(struct req *r, struct tpl_dict *d, const struct occ_view *v)
{
	struct store_site	*s;
	struct tpl_dict		*o;
	size_t			 n, i;

	if (store_site_list(r->a, r->user.operator_id, 0, &s, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		o = tpl_section(d, TN_SITE_OPT);
		tpl_set_int(o, TN_ID, s[i].id);
		tpl_set(o, TN_NAME, s[i].name);
		if (s[i].id == v->f.site)
			tpl_show(o, TN_SELECTED);
	}
	for (i = 0; statuses[i] != NULL; i++) {
		o = tpl_section(d, TN_STATUS_OPT);
		tpl_set(o, TN_VALUE, statuses[i]);
		tpl_set(o, TN_NAME, status_labels[i]);
		if ((int)i == v->status)
			tpl_show(o, TN_SELECTED);
	}
	if (v->sort == 1)
		tpl_show(d, TN_BY_REF);
	else
		tpl_show(d, TN_BY_NAME);
	return 0;
}

/* The plain list by name: numbered pages from the page index. */
static int
list_plain(struct req *r, struct tpl_dict *d, struct occ_view *v)
{
	struct store_occupier	*o;
	struct tpl_dict		*pg, *p;
	int64_t			 total, pages;
	size_t			 n;

	if (store_occupier_page(r->a, r->user.operator_id, v->q, r->today,
	    &v->page, PER_PAGE, &total, &o, &n) < 0)
		return -1;
	pages = total == 0 ? 1 : (total + PER_PAGE - 1) / PER_PAGE;
	tpl_set(tpl_section(d, TN_COUNT), TN_TEXT, arena_printf(r->a,
	    "%lld %s", (long long)total, total == 1 ? "occupier" :
	    "occupiers"));
	fill_rows(d, v, o, n);
	if (pages > 1) {
		pg = tpl_section(d, TN_PAGER);
		tpl_set_int(pg, TN_PAGE, v->page);
		tpl_set_int(pg, TN_PAGES, pages);
		if (v->page > 1) {
			p = tpl_section(pg, TN_PREV);
			tpl_set_int(p, TN_N, v->page - 1);
			tpl_set(p, TN_Q, v->q);
		}
		if (v->page < pages) {
			p = tpl_section(pg, TN_NEXT);
			tpl_set_int(p, TN_N, v->page + 1);
			tpl_set(p, TN_Q, v->q);
		}
	}
	return 0;
}

/* A sorted or filtered list: pages by key. */
static int
list_keyed(struct req *r, struct tpl_dict *d, struct occ_view *v)
{
	struct store_occupier	*o;
	struct tpl_dict		*k;
	size_t			 n;
	int			 more;

	if (store_occupier_filtered(r->a, r->user.operator_id, &v->f,
	    r->today, PER_PAGE, &o, &n, &more) < 0)
		return -1;
	fill_rows(d, v, o, n);
	if (!more && v->f.after_id == 0)
		return 0;
	k = tpl_section(d, TN_KEYED);
	tpl_set(k, TN_SORT, sorts[v->sort]);	/* the view, for its links */
	tpl_set(k, TN_Q, v->q);
	if (v->f.site > 0)
		tpl_set_int(k, TN_SITE, v->f.site);
	tpl_set(k, TN_STATUS, v->f.status);
	if (v->f.after_id > 0)
		tpl_show(k, TN_FIRST);
	if (more) {
		struct tpl_dict *nx = tpl_section(k, TN_MORE);

		tpl_set(nx, TN_AFTER, v->sort == 1 ? o[n - 1].billing_ref :
		    o[n - 1].name);
		tpl_set_int(nx, TN_AID, o[n - 1].id);
	}
	return 0;
}

/* The view the query string asks for: 0, or -1 with the 400 answered. */
static int
read_view(struct req *r, struct occ_view *v)
{
	const char	*raw, *after;
	int64_t		 id;

	memset(v, 0, sizeof(*v));
	if (query_search(r, "q", QUERY_CAP, &raw) < 0 ||
	    query_search(r, "after", QUERY_CAP, &after) < 0) {
		http_error_msg(r, 400, "The search text is too long "
		    "(200 bytes at most).");
		return -1;
	}
	lookup_trim(raw, v->q, sizeof(v->q));
	v->f.q = v->q;
	if ((v->sort = query_enum(r, "sort", sorts)) < 0)
		v->sort = 0;
	v->f.by_ref = v->sort == 1;
	v->status = query_enum(r, "status", statuses);
	v->f.status = v->status >= 0 ? statuses[v->status] : "";
	v->f.site = query_id(r, "site", &id) == 1 ? id : 0;
	v->f.after_key = after;
	v->f.after_id = query_id(r, "aid", &id) == 1 ? id : 0;
	/* A page number that is not one is page 1. */
	if (query_id(r, "page", &v->page) != 1 || v->page > 1000000)
		v->page = 1;
	return 0;
}

void
page_occupiers(struct req *r)
{
	struct tpl_dict		*d;
	struct occ_view		 v;
	int			 rc;

	if (read_view(r, &v) < 0)
		return;
	if ((d = page_begin(r, "Occupiers", "occupiers.tpl", "occupiers")) ==
	    NULL)
		return;
	tpl_set(d, TN_Q, v.q);
	if (v.sort == 0 && v.f.site == 0 && v.status < 0 && v.f.after_id == 0)
		rc = list_plain(r, d, &v);
	else
		rc = list_keyed(r, d, &v);
	if (rc < 0 || fill_filters(r, d, &v) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}
