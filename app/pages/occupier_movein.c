/*
 * occupier_movein: step 2 of the move-in (/occupiers/N/move-in), after
 * the occupier (step 1, occupier_edit.c) and before its services (step 3,
 * Manage services of the contract's site): the site and the contract, its
 * reference, dates and terms, saved by ops_contract_save in its own
 * transaction. Back goes to the occupier (step 1, now an edit), Skip to
 * the occupier's page without a contract.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/date.h"
#include "../ops/contracts.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

static const struct field site_field = { "site", "Site", FT_ID, 18, 1, 0, 0,
    NULL, 0 };

/* The site select, sel chosen. */
static void
fill_sites(struct tpl_dict *d, const struct store_site *s, size_t n,
    int64_t sel)
{
	struct tpl_dict	*o;
	size_t		 i;

	for (i = 0; i < n; i++) {
		o = tpl_section(d, TN_SITE);
		tpl_set_int(o, TN_ID, s[i].id);
		tpl_set(o, TN_NAME, s[i].name);
		if (s[i].id == sel)
			tpl_show(o, TN_SELECTED);
	}
}

/* The site chosen, one of the operator's: its id, or 0 with the message
 * on the field. */
static int64_t
read_site(struct req *r, struct tpl_dict *d, const struct store_site *s,
    size_t n)
{
	struct fval	 v;
	size_t		 i;

	if (form_field(r, &site_field, &v) != NULL) {
		form_error(r, d, "site", "Site is required: choose the site "
		    "the occupier moves into");
		return 0;
	}
	for (i = 0; i < n; i++)
		if (s[i].id == v.i)
			return v.i;
	form_error(r, d, "site", "Site is not one of your sites");
	return 0;
}

/* The POST: 1 saved (redirected), 0 answered with the form. */
static void
save(struct req *r, struct tpl_dict *d, int64_t occ,
    const struct store_site *s, size_t n)
{
	struct ops_ctx			 c;
	struct contract_save_in		 in;
	struct contract_save_out	 out;
	int				 rc, bad;

	memset(&in, 0, sizeof(in));
	in.c.occupier_id = occ;
	in.c.site_id = read_site(r, d, s, n);
	bad = page_contract_read(r, d, &in) > 0 || in.c.site_id == 0;
	fill_sites(d, s, n, in.c.site_id);
	if (bad) {
		r->status = 422;
		page_end(r);
		return;
	}
	page_ops_ctx(r, &c);
	if ((rc = ops_contract_save(&c, &in, &out)) > 0) {
		http_redirect(r, arena_printf(r->a, "/occupiers/%lld/sites/%lld/"
		    "services/manage?movein=1", (long long)occ,
		    (long long)in.c.site_id));
		return;
	}
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (page_refused_bare(r, &out.why))
		return;
	page_refused(r, d, &out.why);
	page_end(r);
}

void
page_occupier_movein(struct req *r)
{
	struct tpl_dict		*d;
	struct store_occupier	 o;
	struct store_site	*s;
	size_t			 n;
	const char		*done;
	char			 today[DATE_STRLEN];
	int			 rc;

	if ((rc = store_occupier_get(r->a, r->user.operator_id, r->ids[0],
	    &o)) < 0 || (rc > 0 && store_site_list_in_use(r->a,
	    r->user.operator_id, &s, &n) < 0)) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, "Move-in: site and contract",
	    "occupier_movein.tpl", "occupiers")) == NULL)
		return;
	tpl_set_int(d, TN_OCC_ID, o.id);
	tpl_set(d, TN_OCC_NAME, o.name);
	if ((done = http_flash_take(r)) != NULL &&
	    strcmp(done, "moving_in") == 0)	/* page_occupier's */
		tpl_show(d, TN_CREATED);
	if (n == 0)
		tpl_show(d, TN_NO_SITES);
	if (r->method != M_GET) {
		save(r, d, o.id, s, n);
		return;
	}
	fill_sites(d, s, n, n == 1 ? s[0].id : 0);
	date_format(r->today, today, sizeof(today));
	form_fill(r, d, "start_date", today);
	page_end(r);
}
