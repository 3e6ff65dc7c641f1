/*
 * my_case_new: /my/cases/new, an occupier user or admin raises a case for its
 * occupier at one of its sites (where it has a contract), optionally about
 * one of the services it has now (ops_case_raise: one transaction with its audit
 * event and the mail to the operator's team); then to the case.
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

/* The form's own fields; then those of every raise form (case_view.h). */
enum mc_field {
	MF_SITE,	/* site */
	MF_SERVICE,	/* service */
	MF__MAX
};

static const struct field fields[MF__MAX] = {
	[MF_SITE] = { "site", "Site", FT_INT, 20, 1, 1, INT64_MAX, NULL, 0 },
	[MF_SERVICE] = { "service", "Related service", FT_INT, 20, 0, 1, INT64_MAX, NULL, 0 },
};

/* What the screen offers: the occupier's sites and the catalog. */
struct offer {
	int64_t				*mine;		/* the occupier's site ids */
	size_t				 nmine;
	struct store_site		*sites;		/* the operator's */
	size_t				 nsites;
	struct store_case_option	*svcs;
	size_t				 nsvcs;
};

/* The form as read: what to raise, and what the selects show. */
struct raise_form {
	int64_t				 site, sid;
	const struct store_case_option	*svc;
	enum hd_priority		 prio;
	enum hd_category		 cat;
	struct case_file		 file;
	struct fval			 v[MF__MAX];
	struct fval			 text[CRF__MAX];
};

static int
site_mine(const struct offer *o, int64_t site)
{
	size_t	 k;

	for (k = 0; k < o->nmine; k++)
		if (o->mine[k] == site)
			return 1;
	return 0;
}

/* Read and check the form into f; the messages into d. The errors. */
static int
raise_read(struct req *r, struct tpl_dict *d, const struct offer *o,
    struct raise_form *f)
{
	struct fval	*v = f->v;
	size_t		 i;
	int		 errors;

	errors = form_read(r, d, fields, MF__MAX, v);
	errors += case_raise_read(r, d, f->text);
	f->site = v[MF_SITE].err == NULL ? v[MF_SITE].i : 0;
	f->sid = v[MF_SERVICE].err == NULL && v[MF_SERVICE].present ?
	    v[MF_SERVICE].i : 0;
	if (v[MF_SITE].err == NULL && !site_mine(o, f->site)) {
		form_error(r, d, "site", "Site must be one of your sites.");
		errors++;
	}
	for (i = 0; f->sid > 0 && i < o->nsvcs; i++)
		if (o->svcs[i].id == f->sid)
			f->svc = &o->svcs[i];
	if (f->sid > 0 && f->svc == NULL) {
		form_error(r, d, "service", "Related service must be one of "
		    "the choices.");
		errors++;
	}
	errors += case_choices_check(r, d, f->text, f->svc != NULL ?
	    f->svc->extra : NULL, &f->prio, &f->cat);
	if (case_file_check(r, d, &f->file) < 0)
		errors++;
	return errors + case_details_check(r, d, f->text);
}

/* The selects, with the form's choices. */
static void
fill_form(struct req *r, struct tpl_dict *d, const struct offer *o,
    const struct raise_form *f)
{
	const struct hd_canned	*t;
	struct tpl_dict		*opt;
	size_t			 i;
	int			 k;

	for (i = 0; i < o->nsites; i++) {
		if (!site_mine(o, o->sites[i].id))
			continue;
		opt = tpl_section(d, TN_SITE_OPT);
		tpl_set_int(opt, TN_ID, o->sites[i].id);
		tpl_set(opt, TN_NAME, o->sites[i].name);
		if (o->sites[i].id == f->site)
			tpl_show(opt, TN_SELECTED);
	}
	for (i = 0; i < o->nsvcs; i++) {
		opt = tpl_section(d, TN_SERVICE_OPT);
		tpl_set_int(opt, TN_ID, o->svcs[i].id);
		tpl_set(opt, TN_NAME, o->svcs[i].name);
		tpl_set(opt, TN_CATEGORY, o->svcs[i].extra);
		if (o->svcs[i].id == f->sid)
			tpl_show(opt, TN_SELECTED);
	}
	case_choices_fill(d, f->prio, f->cat);
	/* ?category=ivr or conference_bridge: the checklist to answer. */
	if (r->method == M_GET && (k = query_enum(r, "category",
	    hd_category_names)) >= 0 && (t = hd_case_template(
	    (enum hd_category)k)) != NULL) {
		form_fill(r, d, "subject", t->label);
		form_fill(r, d, "details", t->text);
	}
	if (o->nmine == 0)
		tpl_show(d, TN_NO_SITES);
}

/* POST: raise it (1: answered, a redirect or an error page), or 0 with
 * the form's messages in d. */
static int
raise_post(struct req *r, struct tpl_dict *d, const struct offer *o,
    struct raise_form *f)
{
	struct ops_ctx		 c;
	struct case_raise_in	 in;
	struct case_raise_out	 out;
	int			 rc;

	if (raise_read(r, d, o, f) > 0) {
		r->status = 422;
		return 0;
	}
	memset(&in, 0, sizeof(in));
	in.site_id = f->site;
	in.service_id = f->sid;
	in.service_name = f->svc != NULL ? f->svc->name : "";
	in.subject = f->text[CRF_SUBJECT].s;
	in.details = f->text[CRF_DETAILS].s;
	in.priority = f->prio;
	in.category = f->cat;
	in.file = &f->file;
	page_ops_ctx(r, &c);
	if ((rc = ops_case_raise(&c, &in, &out)) < 0) {
		page_store_error(r);
		return 1;
	}
	if (rc == 0) {
		page_refused(r, d, &out.why);
		return 0;
	}
	http_redirect(r, arena_printf(r->a, "/my/cases/%lld?done=created",
	    (long long)out.id));
	return 1;
}

void
page_my_case_new(struct req *r)
{
	struct tpl_dict		*d;
	struct offer		 o;
	struct raise_form	 f;

	memset(&o, 0, sizeof(o));
	memset(&f, 0, sizeof(f));
	f.prio = HD_NORMAL;
	f.cat = HD_CAT_OTHER;
	if (my_sites(r, &o.mine, &o.nmine) < 0 ||
	    store_site_list(r->a, r->user.operator_id, 0, &o.sites,
	    &o.nsites) < 0 || store_case_occ_services(r->a, r->user.operator_id,
	    r->user.occupier_id, &o.svcs, &o.nsvcs) < 0) {
		page_store_error(r);
		return;
	}
	if ((d = page_begin(r, "Raise a case", "my_case_new.tpl",
	    "mycases")) == NULL)
		return;
	if (r->method == M_POST) {
		if (raise_post(r, d, &o, &f))
			return;
	} else if (o.nmine > 0)
		f.site = o.mine[0];
	fill_form(r, d, &o, &f);
	page_end(r);
}
