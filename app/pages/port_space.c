/*
 * port_space: /sites/N/ports/M/space (operator admins): the space (office,
 * suite, desk) a floor port is in, chosen among the site's spaces, or
 * none. Back to the floor ports screen, the port's edit panel open.
 */
#include <stdio.h>
#include <string.h>

#include "../ops/spaces.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

/* The form: the port, its space (the one posted when answered again) and
 * the site's spaces not archived. 1, -1 error. */
static int
fill(struct req *r, struct tpl_dict *d, int64_t chosen, int posted)
{
	struct store_space	*all;
	struct tpl_dict		*row;
	const char		*label, *sname;
	int64_t			 cur;
	size_t			 n, i;
	int			 rc;

	if ((rc = store_pspace_get(r->a, r->user.operator_id, r->ids[0],
	    r->ids[1], &label, &cur, &sname)) <= 0)
		return rc < 0 ? -1 : 0;
	if (store_space_list(r->a, r->user.operator_id, r->ids[0], &all,
	    &n) < 0)
		return -1;
	if (!posted)
		chosen = cur;
	tpl_set_int(d, TN_SITE_ID, r->ids[0]);
	tpl_set_int(d, TN_PORT_ID, r->ids[1]);
	tpl_set(d, TN_LABEL, label);
	tpl_set(d, TN_CURRENT, *sname ? sname : "None");
	for (i = 0; i < n; i++) {
		if (all[i].archived && all[i].id != chosen)
			continue;
		row = tpl_section(d, TN_SPACE_OPT);
		tpl_set_int(row, TN_ID, all[i].id);
		tpl_set(row, TN_NAME, all[i].name);
		tpl_set(row, TN_KIND, all[i].kind);
		if (all[i].id == chosen)
			tpl_show(row, TN_SELECTED);
	}
	return 1;
}

/* The space posted: 1 go on rendering (refused: messages in d), 0
 * answered. *chosen: the space posted. */
static int
post(struct req *r, struct tpl_dict *d, int64_t *chosen)
{
	struct port_space_in	 in;
	struct ops_result	 why;
	struct ops_ctx		 c;
	const char		*label;
	int			 rc;

	if (form_id(r, "space", &in.space) < 0) {
		http_error(r, 400);
		return 0;
	}
	*chosen = in.space;
	in.site = r->ids[0];
	in.port = r->ids[1];
	page_ops_ctx(r, &c);
	if ((rc = ops_port_space(&c, &in, &why, &label)) > 0) {
		http_redirect(r, arena_printf(r->a, "/sites/%lld/ports?port="
		    "%lld&done=saved", (long long)in.site, (long long)in.port));
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
page_port_space(struct req *r)
{
	struct tpl_dict	*d;
	int64_t		 chosen = 0;
	int		 rc;

	if ((d = page_begin(r, "Floor port space", "port_space.tpl",
	    "sites")) == NULL)
		return;
	if (r->method == M_POST && !post(r, d, &chosen))
		return;
	if ((rc = fill(r, d, chosen, r->method == M_POST)) <= 0) {
		if (rc == 0)
			http_error(r, 404);
		else
			page_store_error(r);
		return;
	}
	page_end(r);
}
