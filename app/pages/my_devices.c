/*
 * my_devices: /my/sites/SITE/devices, the occupier's devices at one of its
 * sites: its Wi-Fi devices and Wi-Fi accounts with the two fractions, and
 * its public IP addresses, read-only. An occupier admin registers a Wi-Fi
 * device (POST: MAC address and label): it is registered and activated at
 * once, within the allocation (Wi-Fi devices X/Y of its services, domain
 * §3); beyond it the request is refused (409, input kept, nothing
 * written). ops_device_register (ops/devices.h) does it.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/device.h"
#include "../domain/rules.h"
#include "../ops/devices.h"
#include "../store/store.h"
#include "../store/store_device.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

/* The registration: 1 done (redirected), 0 refused (messages in d), -1
 * the store error answered. */
static int
post(struct req *r, struct tpl_dict *d, int64_t site)
{
	struct device_register_in	 in;
	struct device_out		 out;
	struct fval			 v[DRF__MAX];
	struct ops_ctx			 c;
	int				 rc;

	if (form_read(r, d, ops_device_reg_fields[DEVICE_WIFI_DEVICE],
	    DRF__MAX, v) > 0) {
		r->status = 422;
		return 0;
	}
	memset(&in, 0, sizeof(in));
	in.occ = r->user.occupier_id;
	in.site = site;
	in.type = DEVICE_WIFI_DEVICE;
	in.identifier = v[DRF_IDENTIFIER].s;
	in.label = v[DRF_LABEL].s;
	in.activate = 1;
	page_ops_ctx(r, &c);
	if ((rc = ops_device_register(&c, &in, &out)) < 0) {
		page_store_error(r);
		return -1;
	}
	if (rc > 0) {
		http_redirect(r, arena_printf(r->a, "/my/sites/%lld/"
		    "devices?done=device_registered", (long long)site));
		return 1;
	}
	if (page_refused_bare(r, &out.why))
		return -1;
	page_refused(r, d, &out.why);
	return 0;
}

static void
fill_devices(struct tpl_dict *d, const struct store_device *dv, size_t n)
{
	struct tpl_dict		*row;
	enum device_type	 t;
	size_t			 i;
	int			 on;

	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_DEVICE);
		t = device_type_parse(dv[i].type);
		on = strcmp(dv[i].state, "active") == 0;
		tpl_set(row, TN_TYPE, t == DEVICE_TYPE__MAX ? dv[i].type :
		    device_type_labels[t]);
		tpl_set(row, TN_IDENTIFIER, dv[i].identifier);
		tpl_set(row, TN_LABEL, dv[i].label);
		tpl_set(row, TN_STATE, on ? "Active" : "Registered");
		tpl_set(row, TN_STATE_CLASS, on ? "active" : "scheduled");
	}
	tpl_show(d, n > 0 ? TN_HAS_DEVICES : TN_NO_DEVICES);
}

static void
fill_ips(struct tpl_dict *d, const struct store_public_ip *ip, size_t n)
{
	struct tpl_dict	*row;
	size_t		 i;
	int		 on;

	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_IP);
		on = strcmp(ip[i].state, "active") == 0;
		tpl_set(row, TN_ADDRESS, ip[i].address);
		tpl_set(row, TN_BLOCK, ip[i].block);
		tpl_set(row, TN_STATE, on ? "Active" : "Assigned");
		tpl_set(row, TN_STATE_CLASS, on ? "active" : "scheduled");
	}
	if (n > 0)
		tpl_show(d, TN_HAS_IPS);
}

void
page_my_devices(struct req *r)
{
	struct tpl_dict		*d;
	struct store_device	*dv;
	struct store_public_ip	*ip;
	struct rules_result	 res;
	size_t			 n, nip;
	int64_t			 site = r->ids[0];

	if ((d = page_begin(r, "Devices", "my_devices.tpl", "my")) == NULL)
		return;
	if (!my_nav(r, d, site, "devices"))
		return;
	if (r->method == M_POST && post(r, d, site) != 0)
		return;
	if (store_device_list(r->a, r->user.operator_id, r->user.occupier_id,
	    site, &dv, &n) < 0 ||
	    store_public_ip_list(r->a, r->user.operator_id,
	    r->user.occupier_id, site, &ip, &nip) < 0 ||
	    svcplan_provisioned(r, r->user.occupier_id, site, &res) < 0) {
		page_store_error(r);
		return;
	}
	page_set_fraction(d, TN_WIFI_DEVICES, &res, INFRA_WIFI_DEVICES);
	page_set_fraction(d, TN_WIFI_ACCOUNTS, &res, INFRA_WIFI_ACCOUNTS);
	page_set_fraction(d, TN_PUBLIC_IPS, &res, INFRA_PUBLIC_IP);
	fill_devices(d, dv, n);
	fill_ips(d, ip, nip);
	if (res.allocated[INFRA_WIFI_DEVICES] == 0 &&
	    res.in_use[INFRA_WIFI_DEVICES] == 0) {
		/* 0/0: nothing to register against; say so instead. */
		tpl_show(d, TN_NO_WIFI);
		tpl_set(d, TN_OPERATOR_NAME, r->user.operator_name);
	} else if (r->user.role == ROLE_OCCUPIER_ADMIN) {
		tpl_show(d, TN_CAN_REGISTER);
		tpl_set(d, TN_WIFI_HINT, WIFI_DEVICE_HINT);
		tpl_set(d, TN_ACTION, arena_printf(r->a, "/my/sites/%lld/devices",
		    (long long)site));
	}
	page_end(r);
}
