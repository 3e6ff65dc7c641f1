/*
 * case_new: /cases/new, the operator's team raises a case, pre-filled from
 * the query string (the Manage services save of IVR or Conference bridge
 * links here with the service, a subject and a checklist for the
 * details). A case concerns an occupier present at the site: it must hold
 * a contract (of any status) there; it is named by id (occupier=ID) or
 * typed in the occupier picker (occupier_occ=: occupier_pick.c). The
 * raise is ops_case_raise's (one
 * transaction with its file, audit event and the mail to the occupier);
 * then to the case.
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

/* Longer than any query string nginx lets through. */
#define PREFILL_CAP	65536

/* The form's own fields; then those of every raise form (case_view.h). */
enum case_field {
	KF_OCCUPIER,	/* occupier */
	KF_SITE,	/* site */
	KF_SERVICE,	/* service */
	KF__MAX
};

static const struct field case_fields[KF__MAX] = {
	/* Required: the id or the picker's text (raise_occupier). */
	[KF_OCCUPIER] = { "occupier", "Occupier", FT_INT, 20, 0, 1, INT64_MAX, NULL, 0 },
	[KF_SITE] = { "site", "Site", FT_INT, 20, 1, 1, INT64_MAX, NULL, 0 },
	[KF_SERVICE] = { "service", "Related service", FT_INT, 20, 0, 1, INT64_MAX, NULL, 0 },
};

/* The selects' choices: sites and the catalog (the team and occupiers
 * are not loaded); mine: the chosen occupier's services at the chosen
 * site, once both are known (have_mine). */
struct case_opts {
	struct store_case_option	*o[STORE_CASE_OPT__MAX];
	size_t				 n[STORE_CASE_OPT__MAX];
	struct store_case_option	*mine;
	size_t				 nmine;
	int				 have_mine;
};

/* The form as read and checked. */
struct raise_form {
	struct fval			 v[KF__MAX];
	struct fval			 text[CRF__MAX];
	const struct store_case_option	*occ, *site, *svc;
	struct store_case_option	 occ_one;	/* *occ */
	enum hd_priority		 prio;
	enum hd_category		 cat;
	struct case_file		 file;
};

static int
opts_load(struct req *r, struct case_opts *co)
{
	int	 k;

	for (k = 0; k < STORE_CASE_OPT__MAX; k++)
		if (k != STORE_CASE_OPT_OCCUPIERS && k != STORE_CASE_OPT_TEAM &&
		    store_case_options(r->a, r->user.operator_id, k, &co->o[k],
		    &co->n[k]) < 0)
			return -1;
	return 1;
}

/* The choice id of select k, or NULL. */
static const struct store_case_option *
opt(const struct case_opts *co, enum store_case_options k, int64_t id)
{
	return case_option_find(co->o[k], co->n[k], id);
}

/* The occupier's services at the site into co->mine, when both are
 * chosen. 1, -1 store error. */
static int
mine_load(struct req *r, struct case_opts *co, int64_t occ, int64_t site)
{
	co->have_mine = 0;
	if (occ <= 0 || site <= 0)
		return 1;
	if (store_case_occ_site_services(r->a, r->user.operator_id, occ, site,
	    &co->mine, &co->nmine) < 0)
		return -1;
	co->have_mine = 1;
	return 1;
}

/* Services grouped by category (each run of one category, catalog order). */
static void
groups_fill(struct tpl_dict *d, const struct store_case_option *o, size_t n,
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

/* The occupier picker of the form (occupier_pick.c). */
static const struct pick occ_pick =
    { "occupier_occ", "f-occupier", "Occupier", 0, 0 };

/* Occupier id of the operator into *o (its name): 1, 0 not the
 * operator's, -1 store error. */
static int
occupier_one(struct req *r, int64_t id, struct store_case_option *o)
{
	struct store_occupier	 x;
	int			 rc;

	if ((rc = store_occupier_get(r->a, r->user.operator_id, id, &x)) <= 0)
		return rc;
	o->id = x.id;
	o->name = x.name;
	o->extra = "";
	return 1;
}

/*
 * The related-service choices: the occupier's services at the site once
 * both are chosen (svc, a choice that is not one of them, kept and shown
 * after them: the form's own input, with its message); before that only
 * svc, the service a link pre-filled, if any.
 */
static void
services_fill(struct tpl_dict *d, const struct case_opts *co,
    const struct store_case_option *svc)
{
	int64_t	 sel = svc != NULL ? svc->id : 0;

	if (!co->have_mine) {
		tpl_show(d, TN_SERVICES_LATER);
		if (svc != NULL)
			groups_fill(d, svc, 1, sel);
		return;
	}
	tpl_show(d, TN_SERVICES_MINE);
	if (co->nmine == 0)
		tpl_show(d, TN_NO_SERVICES);
	groups_fill(d, co->mine, co->nmine, sel);
	if (svc != NULL && case_option_find(co->mine, co->nmine, sel) == NULL)
		groups_fill(d, svc, 1, sel);
}

static void
opts_fill(struct req *r, struct tpl_dict *d, const struct case_opts *co,
    const char *occ, int64_t site, const struct store_case_option *svc)
{
	pick_fill(r, d, TN_OCC_PICK, &occ_pick, occ, 0);
	case_options_fill(d, TN_SITE_OPT, co->o[STORE_CASE_OPT_SITES],
	    co->n[STORE_CASE_OPT_SITES], site);
	services_fill(d, co, svc);
}

/*
 * The occupier the form names without raising: occupier=ID (404 when not
 * the operator's), else the one typed in the picker (occupier_occ=: the
 * query on GET, as app.js asks for its services; the form on a POST of
 * "Show its services"); none or several: a message on the field, o->id 0.
 * 1, 0 answered (404), -1 store error.
 */
static int
named_occupier(struct req *r, struct tpl_dict *d, int64_t id,
    struct store_case_option *o)
{
	const char	*text, *msg;
	int		 rc;

	if (id > 0) {
		if ((rc = occupier_one(r, id, o)) == 0)
			http_error(r, 404);
		return rc;
	}
	text = pick_text(r, &occ_pick);
	o->name = text;
	if (text[0] == '\0')
		return 1;
	if ((rc = pick_lookup(r, &occ_pick, text, &o->id, &o->name,
	    &msg)) < 0)
		return -1;
	if (rc == 0) {
		o->id = 0;
		o->name = text;
		form_error(r, d, "occupier", msg);
	}
	return 1;
}

/* The subject and checklist a related service of a case category
 * pre-fills (an explicit subject or details win); *cat its category. */
static void
prefill_text(struct req *r, struct tpl_dict *d,
    const struct store_case_option *svc, enum hd_category *cat)
{
	const struct hd_canned	*t;
	const char		*subject, *details;

	if (query_search(r, "subject", PREFILL_CAP, &subject) < 0)
		subject = "";
	if (query_search(r, "details", PREFILL_CAP, &details) < 0)
		details = "";
	*cat = HD_CAT_OTHER;
	if (svc != NULL && hd_category_by_label(svc->extra) < HD_CATEGORY__MAX)
		*cat = hd_category_by_label(svc->extra);
	if (svc != NULL && (t = hd_case_template(*cat)) != NULL) {
		if (*subject == '\0')
			subject = t->label;
		if (*details == '\0')
			details = t->text;
	}
	form_fill(r, d, "subject", subject);
	form_fill(r, d, "details", details);
}

/* svc when it is one of the chosen occupier's services at the site (or
 * they are not both chosen yet), else NULL. */
static const struct store_case_option *
held(const struct case_opts *co, const struct store_case_option *svc)
{
	if (svc == NULL || !co->have_mine)
		return svc;
	return case_option_find(co->mine, co->nmine, svc->id);
}

/* GET: the empty form, or pre-filled from the query string. A pre-filled
 * service the chosen occupier does not hold at the site is not chosen
 * (its subject and checklist still pre-fill). */
static void
case_new_form(struct req *r, struct tpl_dict *d, struct case_opts *co)
{
	const struct store_case_option	*svc = NULL;
	struct store_case_option	 o = { 0, "", "" };
	int64_t				 occ, site, sid;
	enum hd_category		 cat;
	int				 rc;

	if (query_id(r, "occupier", &occ) < 0 || query_id(r, "site",
	    &site) < 0 || query_id(r, "service", &sid) < 0) {
		http_error_msg(r, 400, "The occupier, site or service to "
		    "pre-fill is not a valid id.");
		return;
	}
	if ((rc = named_occupier(r, d, occ, &o)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		return;
	}
	if ((site > 0 && opt(co, STORE_CASE_OPT_SITES, site) == NULL) ||
	    (sid > 0 && (svc = opt(co, STORE_CASE_OPT_SERVICES, sid)) ==
	    NULL)) {
		http_error(r, 404);
		return;
	}
	if (mine_load(r, co, o.id, site) < 0) {
		page_store_error(r);
		return;
	}
	prefill_text(r, d, svc, &cat);
	opts_fill(r, d, co, o.name, site, held(co, svc));
	case_choices_fill(d, HD_NORMAL, cat);
	page_end(r);
}

/* Subject and details as typed, for the form shown again unchecked. */
static const struct field shown_fields[2] = {
	{ "subject", "Subject", FT_TEXT, PREFILL_CAP, 0, 0, 0, NULL, 0 },
	{ "details", "Details", FT_MULTILINE, PREFILL_CAP, 0, 0, 0, NULL, 1 },
};

/*
 * POST with show (the form's "Show its services", for a browser without
 * JavaScript): the form again as typed, its related services now the
 * chosen occupier's at the chosen site. Nothing is checked but the
 * occupier's name, nothing is saved.
 */
static void
show_post(struct req *r, struct tpl_dict *d, struct case_opts *co)
{
	const struct store_case_option	*svc = NULL;
	struct store_case_option	 o = { 0, "", "" };
	struct fval			 v;
	int64_t				 occ = 0, site = 0, sid = 0;
	int				 rc, prio, cat, i;

	if (form_id(r, "occupier", &occ) < 0)
		occ = 0;
	if (form_id(r, "site", &site) <= 0 ||
	    opt(co, STORE_CASE_OPT_SITES, site) == NULL)
		site = 0;
	if (form_id(r, "service", &sid) > 0)
		svc = opt(co, STORE_CASE_OPT_SERVICES, sid);
	if ((rc = named_occupier(r, d, occ, &o)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		return;
	}
	if (mine_load(r, co, o.id, site) < 0) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < 2; i++) {
		(void)form_field(r, &shown_fields[i], &v);
		form_fill(r, d, shown_fields[i].key, v.raw);
	}
	prio = form_enum(r, "priority", hd_priority_names);
	cat = form_enum(r, "category", hd_category_names);
	opts_fill(r, d, co, o.name, site, held(co, svc));
	case_choices_fill(d, prio < 0 ? HD_NORMAL : (enum hd_priority)prio,
	    cat < 0 ? HD_CAT_OTHER : (enum hd_category)cat);
	page_end(r);
}

/* The occupier of the form: occupier=ID (another operator's: 0), or the
 * one typed (none or several: a message on the field, f->occ NULL). 1,
 * 0 not found, -1 store error. */
static int
raise_occupier(struct req *r, struct tpl_dict *d, struct raise_form *f,
    const char **shown)
{
	const char	*msg;
	int		 rc;

	*shown = pick_text(r, &occ_pick);
	if (f->v[KF_OCCUPIER].err != NULL)
		return 1;
	if (f->v[KF_OCCUPIER].present) {
		if ((rc = occupier_one(r, f->v[KF_OCCUPIER].i,
		    &f->occ_one)) <= 0)
			return rc;
	} else if ((*shown)[0] == '\0') {
		form_error(r, d, "occupier", "Occupier is required");
		return 1;
	} else if ((rc = pick_lookup(r, &occ_pick, *shown, &f->occ_one.id,
	    &f->occ_one.name, &msg)) <= 0) {
		if (rc == 0)
			form_error(r, d, "occupier", msg);
		return rc < 0 ? -1 : 1;
	}
	f->occ = &f->occ_one;
	*shown = f->occ_one.name;
	return 1;
}

/* The related service must be one the occupier holds at the site, once
 * both are chosen (ops_case_service_check): the message on the field, 1;
 * else 0. */
static int
service_check(struct req *r, struct tpl_dict *d, const struct case_opts *co,
    const struct raise_form *f)
{
	struct ops_result	 why;

	memset(&why, 0, sizeof(why));
	if (!co->have_mine || ops_case_service_check(r->a, f->svc, co->mine,
	    co->nmine, f->occ->name, f->site->name, &why))
		return 0;
	form_error(r, d, why.m[0].field, why.m[0].text);
	return 1;
}

/* Read and check the form into f (messages into d). The errors, or -1
 * when answered (404: an occupier, site or service not the operator's). */
static int
raise_read(struct req *r, struct tpl_dict *d, struct case_opts *co,
    struct raise_form *f)
{
	struct fval	*v = f->v;
	const char	*occ;
	int		 errors, rc;

	errors = form_read(r, d, case_fields, KF__MAX, v);
	errors += case_raise_read(r, d, f->text);
	if ((rc = raise_occupier(r, d, f, &occ)) < 0) {
		page_store_error(r);
		return -1;
	}
	if (f->occ == NULL && v[KF_OCCUPIER].err == NULL)
		errors++;
	/* An id of another operator (or none at all) is not found: 404. */
	if (rc == 0 ||
	    (v[KF_SITE].err == NULL && (f->site = opt(co,
	    STORE_CASE_OPT_SITES, v[KF_SITE].i)) == NULL) ||
	    (v[KF_SERVICE].err == NULL && v[KF_SERVICE].present &&
	    (f->svc = opt(co, STORE_CASE_OPT_SERVICES, v[KF_SERVICE].i)) ==
	    NULL)) {
		http_error(r, 404);
		return -1;
	}
	if (mine_load(r, co, f->occ != NULL ? f->occ->id : 0,
	    f->site != NULL ? f->site->id : 0) < 0) {
		page_store_error(r);
		return -1;
	}
	errors += service_check(r, d, co, f);
	opts_fill(r, d, co, occ, f->site ? f->site->id : 0, f->svc);
	errors += case_choices_check(r, d, f->text, f->svc != NULL ?
	    f->svc->extra : NULL, &f->prio, &f->cat);
	errors += case_details_check(r, d, f->text);
	if (case_file_check(r, d, &f->file) < 0)
		errors++;
	case_choices_fill(d, f->prio, f->cat);
	return errors;
}

/* POST: raise it and go to it, or the form again with its messages. */
static void
raise_post(struct req *r, struct tpl_dict *d, struct case_opts *co)
{
	struct raise_form	 f;
	struct case_raise_in	 in;
	struct case_raise_out	 out;
	struct ops_ctx		 c;
	int			 rc;

	if (form_has(r, "show")) {
		show_post(r, d, co);
		return;
	}
	memset(&f, 0, sizeof(f));
	if ((rc = raise_read(r, d, co, &f)) < 0)
		return;
	if (rc > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.occupier_id = f.occ->id;
	in.site_id = f.site->id;
	in.service_id = f.svc != NULL ? f.svc->id : 0;
	in.service_name = f.svc != NULL ? f.svc->name : "";
	in.occupier_name = f.occ->name;
	in.site_name = f.site->name;
	in.subject = f.text[CRF_SUBJECT].s;
	in.details = f.text[CRF_DETAILS].s;
	in.priority = f.prio;
	in.category = f.cat;
	in.file = &f.file;
	page_ops_ctx(r, &c);
	if ((rc = ops_case_raise(&c, &in, &out)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		page_refused(r, d, &out.why);
		page_end(r);
		return;
	}
	http_redirect(r, arena_printf(r->a, "/cases/%lld?done=created",
	    (long long)out.id));
}

void
page_case_new(struct req *r)
{
	struct tpl_dict		*d;
	struct case_opts	 co;

	memset(&co, 0, sizeof(co));
	if (opts_load(r, &co) < 0) {
		page_store_error(r);
		return;
	}
	if ((d = page_begin(r, "Raise a case", "case_new.tpl", "cases")) ==
	    NULL)
		return;
	if (r->method == M_GET)
		case_new_form(r, d, &co);
	else
		raise_post(r, d, &co);
}
