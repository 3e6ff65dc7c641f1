/*
 * my_devices: /my/sites/SITE/devices, the occupier's devices at one of its
 * sites: its Wi-Fi devices and Wi-Fi accounts with the two fractions, and
 * its public IP addresses, read-only. An occupier admin registers a Wi-Fi
 * device (POST: MAC address and label): it is registered and activated at
 * once, within the allocation (Wi-Fi devices X/Y of its services, DESIGN
 * 3); beyond it the request is refused (409, input kept, nothing written).
 * One transaction with an audit event; the plan row is locked first, as
 * every allocation check does.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/device.h"
#include "../domain/rules.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_device.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

#define SAVE_TRIES	3

enum reg_field {
	RGF_MAC,	/* identifier */
	RGF_LABEL,	/* label */
	RGF__MAX
};

static const struct field fields[RGF__MAX] = {
	[RGF_MAC] = { "identifier", "MAC address", FT_TEXT, 64, 1, 0, 0, NULL },
	[RGF_LABEL] = { "label", "Label", FT_TEXT, 128, 0, 0, 0, NULL },
};

/* One attempt: 1 registered, 0 beyond the allocation (*why), -2 the MAC
 * is registered already, -1 error. */
static int
register_once(struct req *r, int64_t site, const char *mac,
    const char *label, const char **why)
{
	struct rules_result	 res;
	int64_t			 op = r->user.operator_id;
	int64_t			 occ = r->user.occupier_id, id = 0;
	char			 m[256];
	int			 rc;

	if (db_begin() < 0)
		return -1;
	if ((rc = store_device_plan_lock(r->a, op, occ, site)) <= 0)
		goto fail;
	if (svcplan_provisioned(r, r->user.occupier_id, site, &res) < 0)
		goto fail;
	if (!device_alloc_check(INFRA_WIFI_DEVICES, DEVICE_ACTIVATING,
	    res.in_use[INFRA_WIFI_DEVICES], res.allocated[INFRA_WIFI_DEVICES],
	    1, m, sizeof(m))) {
		db_rollback();
		*why = arena_printf(r->a, "%s.", m);
		return 0;
	}
	rc = store_device_insert(op, occ, site, "wifi_device", mac, label,
	    "active", &id);
	if (rc == -2) {
		db_rollback();
		return -2;
	}
	if (rc <= 0)
		goto fail;
	if (store_audit(op, occ, site, r->user.id, "device", id, "register",
	    NULL, arena_printf(r->a, "type=wifi_device\nidentifier=%s\n"
	    "label=%s\nstate=active", mac, label)) < 0 || db_commit() < 0)
		goto fail;
	return 1;
fail:
	db_rollback();
	return -1;
}

void
page_my_devices(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct store_device	*dv;
	struct store_public_ip	*ip;
	struct rules_result	 res;
	struct fval		 v[RGF__MAX];
	enum device_type	 t;
	char			 frac[64], mac[DEVICE_MAC_STRLEN];
	const char		*err, *why = NULL;
	size_t			 n, nip, i;
	int64_t			 site = r->ids[0];
	int			 rc = 0, attempt;

	if ((d = page_begin(r, "Devices", "my_devices.tpl", "my")) == NULL)
		return;
	if (!my_nav(r, d, site, "devices"))
		return;
	if (r->method == M_POST) {
		if (form_read(r, d, fields, RGF__MAX, v) > 0) {
			r->status = 422;
			goto show;
		}
		if ((err = device_mac_parse(v[RGF_MAC].s, mac,
		    sizeof(mac))) != NULL) {
			form_error(r, d, "identifier", arena_printf(r->a,
			    "MAC address %s.", err));
			r->status = 422;
			goto show;
		}
		for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
			rc = register_once(r, site, mac, v[RGF_LABEL].s, &why);
			if (rc != -1 || !db_retryable())
				break;
		}
		if (rc == 1) {
			http_redirect(r, arena_printf(r->a, "/my/sites/%lld/"
			    "devices?done=device_registered", (long long)site));
			return;
		}
		if (rc == -2) {
			form_error(r, d, "identifier", arena_printf(r->a,
			    "%s is already registered at this site.", mac));
			r->status = 422;
			goto show;
		}
		if (rc == 0) {
			form_error(r, d, NULL, why);
			r->status = 409;
			goto show;
		}
		page_store_error(r);
		return;
	}
show:
	if (store_device_list(r->a, r->user.operator_id, r->user.occupier_id,
	    site, &dv, &n) < 0 ||
	    store_public_ip_list(r->a, r->user.operator_id,
	    r->user.occupier_id, site, &ip, &nip) < 0 ||
	    svcplan_provisioned(r, r->user.occupier_id, site, &res) < 0) {
		page_store_error(r);
		return;
	}
	rules_fraction_format(&res, INFRA_WIFI_DEVICES, frac, sizeof(frac));
	tpl_set(d, TN_WIFI_DEVICES, frac);
	rules_fraction_format(&res, INFRA_WIFI_ACCOUNTS, frac, sizeof(frac));
	tpl_set(d, TN_WIFI_ACCOUNTS, frac);
	rules_fraction_format(&res, INFRA_PUBLIC_IP, frac, sizeof(frac));
	tpl_set(d, TN_PUBLIC_IPS, frac);
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_DEVICE);
		t = device_type_parse(dv[i].type);
		tpl_set(row, TN_TYPE, t == DEVICE_TYPE__MAX ? dv[i].type :
		    device_type_labels[t]);
		tpl_set(row, TN_IDENTIFIER, dv[i].identifier);
		tpl_set(row, TN_LABEL, dv[i].label);
		if (strcmp(dv[i].state, "active") == 0) {
			tpl_set(row, TN_STATE, "Active");
			tpl_set(row, TN_STATE_CLASS, "active");
		} else {
			tpl_set(row, TN_STATE, "Registered");
			tpl_set(row, TN_STATE_CLASS, "scheduled");
		}
	}
	tpl_show(d, n > 0 ? TN_HAS_DEVICES : TN_NO_DEVICES);
	for (i = 0; i < nip; i++) {
		row = tpl_section(d, TN_IP);
		tpl_set(row, TN_ADDRESS, ip[i].address);
		tpl_set(row, TN_BLOCK, ip[i].block);
		tpl_set(row, TN_STATE, strcmp(ip[i].state, "active") == 0 ?
		    "Active" : "Assigned");
		tpl_set(row, TN_STATE_CLASS, strcmp(ip[i].state, "active") == 0 ?
		    "active" : "scheduled");
	}
	if (nip > 0)
		tpl_show(d, TN_HAS_IPS);
	if (r->user.role == ROLE_OCCUPIER_ADMIN) {
		tpl_show(d, TN_CAN_REGISTER);
		tpl_set(d, TN_ACTION, arena_printf(r->a, "/my/sites/%lld/devices",
		    (long long)site));
	}
	page_end(r);
}
