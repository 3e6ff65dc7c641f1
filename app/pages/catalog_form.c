/*
 * catalog_form: see catalog_form.h.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/catalog.h"
#include "../domain/money.h"
#include "../domain/rules.h"
#include "../tpl/tpl.h"
#include "catalog_form.h"

enum def_field {
	DF_RRP,		/* rrp */
	DF_DESC,	/* description */
	DF_CODE,	/* code */
	DF_NAME,	/* name */
	DF_CATEGORY,	/* category */
	DF_COST,	/* cost */
	DF_ENT,		/* ent_switch_ports, ... (STORE_INFRA of them) */
	DF__MAX = DF_ENT + STORE_INFRA
};

/* The first two are what a save has always sent; the rest come with the
 * whole form. */
static const struct field def_fields[DF__MAX] = {
	[DF_RRP] = { "rrp", "RRP", FT_MONEY, 20, 1, 0, 0, NULL, 0 },
	[DF_DESC] = { "description", "Description", FT_MULTILINE, 1000, 0, 0, 0, NULL, 0 },
	[DF_CODE] = { "code", "Code", FT_TEXT, 200, 1, 0, 0, NULL, 0 },
	[DF_NAME] = { "name", "Name", FT_TEXT, 200, 1, 0, 0, NULL, 0 },
	[DF_CATEGORY] = { "category", "Category", FT_TEXT, 32, 1, 0, 0, NULL, 0 },
	[DF_COST] = { "cost", "Cost", FT_MONEY, 20, 1, 0, 0, NULL, 0 },
	[DF_ENT + 0] = { "ent_switch_ports", "Switch ports per unit", FT_INT, 6, 0, 0, 9999, NULL, 1 },
	[DF_ENT + 1] = { "ent_phone_ext", "Telephony extensions per unit", FT_INT, 6, 0, 0, 9999, NULL, 1 },
	[DF_ENT + 2] = { "ent_public_ip", "Public IP addresses per unit", FT_INT, 6, 0, 0, 9999, NULL, 1 },
	[DF_ENT + 3] = { "ent_wifi_devices", "Wi-Fi devices per unit", FT_INT, 6, 0, 0, 9999, NULL, 1 },
	[DF_ENT + 4] = { "ent_wifi_accounts", "Wi-Fi accounts per unit", FT_INT, 6, 0, 0, 9999, NULL, 1 },
};

/* Each site's own RRP as typed (site_rrp_<id>): errors counted. */
static int
site_rrps_read(struct req *r, struct tpl_dict *d, const struct store_site *sites,
    size_t ns, struct catalog_form *f)
{
	struct field	 fd;
	struct fval	 v;
	size_t		 i;
	int		 bad = 0;

	f->site_rrp = arena_calloc(r->a, ns ? ns : 1, sizeof(*f->site_rrp));
	f->site_raw = arena_calloc(r->a, ns ? ns : 1, sizeof(*f->site_raw));
	f->site_err = arena_calloc(r->a, ns ? ns : 1, sizeof(*f->site_err));
	for (i = 0; i < ns; i++) {
		memset(&fd, 0, sizeof(fd));
		fd.key = arena_printf(r->a, "site_rrp_%lld",
		    (long long)sites[i].id);
		fd.label = arena_printf(r->a, "RRP at %s", sites[i].name);
		fd.type = FT_MONEY;
		fd.cap = 20;
		f->site_rrp[i] = -1;
		if (form_field(r, &fd, &v) != NULL) {
			f->site_err[i] = arena_printf(r->a, "%s %s", fd.label,
			    v.err);
			form_error(r, d, NULL, f->site_err[i]);
			bad++;
		} else if (v.present)
			f->site_rrp[i] = v.i;
		f->site_raw[i] = v.raw;
	}
	return bad;
}

/* The category named s (one of svc_category_names), or NULL. */
static const char *
category_of(const char *s)
{
	int	 k;

	for (k = 0; s != NULL && k < CAT__MAX; k++)
		if (strcmp(s, svc_category_names[k]) == 0)
			return svc_category_names[k];
	return NULL;
}

int
catalog_form_read(struct req *r, struct tpl_dict *d,
    const struct store_service *stored, const struct store_site *sites,
    size_t ns, struct catalog_form *f)
{
	struct store_service_def	*def = &f->def;
	struct fval			 v[DF__MAX];
	size_t				 n, k;
	int				 bad;

	f->from_form = 1;
	/* A save that sends only RRP and description keeps the rest. */
	n = stored != NULL && !form_has(r, "name") ? DF_CODE : DF__MAX;
	bad = form_read(r, d, def_fields, n, v);
	bad += site_rrps_read(r, d, sites, ns, f);
	def->rrp = v[DF_RRP].i;
	def->description = v[DF_DESC].s != NULL ? v[DF_DESC].s : "";
	if (n == DF_CODE) {
		def->code = stored->code;
		def->name = stored->name;
		def->category = stored->category;
		def->cost = stored->cost;
		for (k = 0; k < STORE_INFRA; k++)
			def->ent[k] = stored->ent[k];
		return bad;
	}
	def->code = v[DF_CODE].s;
	def->name = v[DF_NAME].s;
	def->category = category_of(v[DF_CATEGORY].s);
	if (v[DF_CATEGORY].err == NULL && def->category == NULL) {
		form_error(r, d, "category", "Category must be one of the "
		    "choices");
		bad++;
	}
	def->cost = v[DF_COST].i;
	for (k = 0; k < STORE_INFRA; k++)
		def->ent[k] = v[DF_ENT + k].present ? v[DF_ENT + k].i : 0;
	def->needs_case = form_has(r, "needs_case");
	def->needs_device = form_has(r, "needs_device");
	return bad;
}

void
catalog_form_fill(struct req *r, struct tpl_dict *d,
    const struct store_service *s)
{
	char	 b[MONEY_STRLEN];
	size_t	 k;

	money_format(s->rrp_base, b, sizeof(b));
	form_fill(r, d, "rrp", b);
	form_fill(r, d, "description", s->description);
	form_fill(r, d, "code", s->code);
	form_fill(r, d, "name", s->name);
	money_format(s->cost, b, sizeof(b));
	form_fill(r, d, "cost", b);
	for (k = 0; k < STORE_INFRA; k++)
		form_fill(r, d, def_fields[DF_ENT + k].key, arena_printf(r->a,
		    "%lld", (long long)s->ent[k]));
}

void
catalog_form_categories(struct tpl_dict *d, const char *cat)
{
	struct tpl_dict	*x;
	int		 k;

	for (k = 0; k < CAT__MAX; k++) {
		x = tpl_section(d, TN_SVC_CAT);
		tpl_set(x, TN_NAME, svc_category_names[k]);
		if (cat != NULL && strcmp(cat, svc_category_names[k]) == 0)
			tpl_show(x, TN_SELECTED);
	}
}

static int
ticked(const struct catalog_form *f, int64_t site)
{
	size_t	 i;

	for (i = 0; i < f->nchecked; i++)
		if (f->checked[i] == site)
			return 1;
	return 0;
}

/* Site i as stored: offered (1/0) and its own RRP in b ("" none). */
static int
stored_site(struct req *r, const struct store_service *s,
    const struct store_site_rrp *rr, size_t nr, int64_t site, char *b,
    size_t cap)
{
	char	 key[40];
	size_t	 j;

	b[0] = '\0';
	for (j = 0; j < nr; j++)
		if (rr[j].site_id == site && (s == NULL ||
		    rr[j].service_id == s->id))
			money_format(rr[j].rrp, b, cap);
	if (s == NULL)
		return 0;
	snprintf(key, sizeof(key), ",%lld,", (long long)site);
	return strstr(arena_printf(r->a, ",%s,", s->site_ids), key) != NULL;
}

void
catalog_form_sites(struct req *r, struct tpl_dict *d,
    const struct store_service *s, const struct store_site_rrp *rr,
    size_t nr, const struct store_site *sites, size_t ns,
    const struct catalog_form *f)
{
	struct tpl_dict	*x;
	char		 b[MONEY_STRLEN];
	size_t		 i;
	int		 on;

	for (i = 0; i < ns; i++) {
		x = tpl_section(d, TN_SITE);
		tpl_set_int(x, TN_ID, sites[i].id);
		tpl_set(x, TN_NAME, sites[i].name);
		on = stored_site(r, s, rr, nr, sites[i].id, b, sizeof(b));
		if (f != NULL && f->from_form) {
			on = ticked(f, sites[i].id);
			tpl_set(x, TN_SITE_RRP, f->site_raw[i]);
			if (f->site_err[i] != NULL) {
				tpl_set(x, TN_SITE_RRP_ERR, f->site_err[i]);
				tpl_show(x, TN_SITE_RRP_INVALID);
			}
		} else
			tpl_set(x, TN_SITE_RRP, b);
		if (b[0] != '\0' && on)
			tpl_set(tpl_section(x, TN_OWN_RRP), TN_RRP, b);
		if (on)
			tpl_show(x, TN_CHECKED);
	}
}
