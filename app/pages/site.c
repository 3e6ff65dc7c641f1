/*
 * site: one building: its floors and each floor's ports (label, switch,
 * switch port, role, holder, state), the size of its public IP pool, and
 * the ways to the screens that change them (floor ports, telephony).
 */
#include <string.h>

#include "../domain/device.h"
#include "../store/store.h"
#include "../store/store_device.h"
#include "../tpl/tpl.h"
#include "pages.h"

void
page_site(struct req *r)
{
	struct tpl_dict		*d, *fd, *row;
	struct store_site	 s;
	struct store_floor	*f;
	struct store_port	*p;
	size_t			 nf, np, i, j, count;
	int64_t			 total, nfree;
	int			 rc;

	if ((rc = store_site_get(r->a, r->user.operator_id, r->ids[0], &s)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, s.name, "site.tpl", "sites")) == NULL)
		return;
	if (store_floor_list(r->a, r->user.operator_id, s.id, &f, &nf) < 0 ||
	    store_port_list_site(r->a, r->user.operator_id, s.id, &p, &np) < 0 ||
	    store_public_ip_pool(r->a, r->user.operator_id, s.id, &total,
	    &nfree) < 0) {
		page_store_error(r);
		return;
	}
	tpl_set(d, TN_SITE_NAME, s.name);
	tpl_set(d, TN_SITE_ADDRESS, s.address);
	tpl_set_int(d, TN_SITE_ID, s.id);
	tpl_set_int(d, TN_POOL_TOTAL, total);
	tpl_set_int(d, TN_POOL_FREE, nfree);
	for (i = 0; i < nf; i++) {
		fd = tpl_section(d, TN_FLOOR);
		tpl_set(fd, TN_NAME, f[i].name);
		tpl_set_int(fd, TN_ID, f[i].id);
		for (j = count = 0; j < np; j++) {
			if (p[j].floor_id != f[i].id)
				continue;
			count++;
			row = tpl_section(fd, TN_PORT);
			tpl_set(row, TN_LABEL, p[j].label);
			tpl_set(row, TN_SWITCH, p[j].switch_name);
			tpl_set_int(row, TN_SWITCH_PORT, p[j].switch_port);
			tpl_set(row, TN_ROLE, port_role_label(p[j].role));
			if (p[j].occupier_id > 0) {
				struct tpl_dict *h = tpl_section(row, TN_HOLDER);
				tpl_set_int(h, TN_OCC_ID, p[j].occupier_id);
				tpl_set(h, TN_OCC_NAME, p[j].occupier_name);
			} else
				tpl_show(row, TN_NO_HOLDER);
			tpl_set(row, TN_STATE, strcmp(p[j].state, "active") == 0 ?
			    "Active" : "Inactive");
		}
		tpl_set_int(fd, TN_NPORTS, (long long)count);
		tpl_show(fd, count == 0 ? TN_NO_PORTS : TN_HAS_PORTS);
	}
	tpl_show(d, nf == 0 ? TN_EMPTY : TN_HAS_FLOORS);
	page_end(r);
}
