/*
 * contract_spaces: /occupiers/N/contracts/M/spaces (staff): the spaces a
 * contract holds, each with its floor and floor ports, and the forms that
 * assign a space of the contract's site to it or unassign one.
 */
#include <stdio.h>
#include <string.h>

#include "../ops/spaces.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

static const char *const actions[] = { "assign", "unassign", NULL };

/* The contract of the path (occupier N): 1, 0 answered (404, 500). */
static int
load(struct req *r, struct store_contract *k)
{
	int	 rc;

	if ((rc = store_contract_get(r->a, r->user.operator_id, r->ids[1],
	    k)) < 0) {
		page_store_error(r);
		return 0;
	}
	if (rc == 0 || k->occupier_id != r->ids[0]) {
		http_error(r, 404);
		return 0;
	}
	return 1;
}

static int
fill(struct req *r, struct tpl_dict *d, const struct store_contract *k)
{
	struct store_space	*held, *all;
	struct tpl_dict		*row;
	size_t			 nh, na, i;
	int64_t			 chosen = 0;

	if (store_cspace_list(r->a, r->user.operator_id, k->id, &held,
	    &nh) < 0 || store_space_list(r->a, r->user.operator_id,
	    k->site_id, &all, &na) < 0)
		return -1;
	tpl_set_int(d, TN_OCC_ID, k->occupier_id);
	tpl_set_int(d, TN_SITE_ID, k->site_id);
	tpl_set_int(d, TN_CONTRACT_ID, k->id);
	tpl_set(d, TN_REFERENCE, k->reference);
	for (i = 0; i < nh; i++) {
		row = tpl_section(d, TN_SPACE);
		tpl_set_int(row, TN_ID, held[i].id);
		tpl_set(row, TN_NAME, held[i].name);
		tpl_set(row, TN_KIND, held[i].kind);
		tpl_set_int(row, TN_CAPACITY, held[i].capacity);
		tpl_set(row, TN_FLOOR, held[i].floor_name);
		tpl_set(row, TN_PORTS, *held[i].ports ? held[i].ports : "None");
	}
	tpl_show(d, nh > 0 ? TN_HAS_SPACES : TN_NO_SPACES);
	form_id(r, "space", &chosen);
	for (i = 0; i < na; i++) {
		if (all[i].archived)
			continue;
		row = tpl_section(d, TN_SPACE_OPT);
		tpl_set_int(row, TN_ID, all[i].id);
		tpl_set(row, TN_NAME, all[i].name);
		tpl_set(row, TN_HOLDER, *all[i].holder ? all[i].holder :
		    "free");
		if (all[i].id == chosen)
			tpl_show(row, TN_SELECTED);
	}
	return 1;
}

/* The assign or unassign posted: 1 go on rendering (refused: the
 * messages are in d), 0 answered. */
static int
post(struct req *r, struct tpl_dict *d, const struct store_contract *k)
{
	struct contract_space_in	 in;
	struct ops_result		 why;
	struct ops_ctx			 c;
	int				 act, rc;

	if ((act = form_enum(r, "action", actions)) < 0 ||
	    (rc = form_id(r, "space", &in.space)) < 0) {
		http_error(r, 400);
		return 0;
	}
	if (rc == 0) {
		form_error(r, d, "space", "Choose a space");
		r->status = 422;
		return 1;
	}
	in.occupier = r->ids[0];
	in.contract = k->id;
	in.assign = act == 0;
	page_ops_ctx(r, &c);
	if ((rc = ops_contract_space(&c, &in, &why)) > 0) {
		http_redirect(r, arena_printf(r->a, "/occupiers/%lld/contracts/"
		    "%lld/spaces", (long long)r->ids[0], (long long)k->id));
		return 0;
	}
	if (rc < 0) {
		page_store_error(r);
		return 0;
	}
	if (page_refused_bare(r, &why))
		return 0;
	page_refused(r, d, &why);
	return 1;
}

void
page_contract_spaces(struct req *r)
{
	struct tpl_dict		*d;
	struct store_contract	 k;

	if (!load(r, &k) || (d = page_begin(r, "Contract spaces",
	    "contract_spaces.tpl", "occupiers")) == NULL)
		return;
	if (r->method == M_POST && !post(r, d, &k))
		return;
	if (fill(r, d, &k) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}
