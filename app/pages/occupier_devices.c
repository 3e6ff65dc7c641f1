/*
 * occupier_devices: the occupier's Devices tab at a site (issue 4; DESIGN
 * 3): the five infrastructure device types with their in use / allocated
 * fractions. Switch ports (the occupier's floor ports, changed on the
 * site's floor ports screen), Telephony extensions (changed on the
 * Telephony tab), Public IP addresses (assigned with the Public IP
 * service: activate with the device's MAC, deactivate), Wi-Fi devices and
 * Wi-Fi accounts (register, activate, deactivate, remove).
 *
 * POST op=ip_activate (ip, mac), op=ip_deactivate (ip), op=register
 * (type, identifier, label), op=activate, op=deactivate, op=remove
 * (device). Each is one transaction with an audit event. Activation beyond
 * the allocation is refused with the fraction (422, page and input kept,
 * nothing written); so are malformed or duplicate identifiers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/date.h"
#include "../domain/device.h"
#include "../log.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_device.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

#define SAVE_TRIES	3

enum dev_op {
	DOP_IP_ACTIVATE,	/* "ip_activate" */
	DOP_IP_DEACTIVATE,	/* "ip_deactivate" */
	DOP_REGISTER,		/* "register" */
	DOP_ACTIVATE,		/* "activate" */
	DOP_DEACTIVATE,		/* "deactivate" */
	DOP_REMOVE,		/* "remove" */
	DOP__MAX
};

static const char *const dop_keys[DOP__MAX] = {
	"ip_activate",		/* DOP_IP_ACTIVATE */
	"ip_deactivate",	/* DOP_IP_DEACTIVATE */
	"register",		/* DOP_REGISTER */
	"activate",		/* DOP_ACTIVATE */
	"deactivate",		/* DOP_DEACTIVATE */
	"remove",		/* DOP_REMOVE */
};

enum reg_field {
	RGF_IDENTIFIER,		/* identifier */
	RGF_LABEL,		/* label */
	RGF__MAX
};

/* Register forms, per device type: the identifier is named for what it is. */
static const struct field reg_fields[DEVICE_TYPE__MAX][RGF__MAX] = {
	[DEVICE_WIFI_DEVICE] = {
		[RGF_IDENTIFIER] = { "identifier", "MAC address", FT_TEXT, 64,
		    1, 0, 0, NULL },
		[RGF_LABEL] = { "label", "Label", FT_TEXT, 128, 0, 0, 0, NULL },
	},
	[DEVICE_WIFI_ACCOUNT] = {
		[RGF_IDENTIFIER] = { "identifier", "Account name", FT_TEXT, 64,
		    1, 0, 0, NULL },
		[RGF_LABEL] = { "label", "Label", FT_TEXT, 128, 0, 0, 0, NULL },
	},
};

/* What a refused request leaves for the page. */
struct dev_state {
	struct tpl_dict		*d;
	struct tpl_dict		*reg[DEVICE_TYPE__MAX];	/* register forms */
	int			 errors;
	int64_t			 ip_id;		/* row whose MAC was refused */
	const char		*ip_mac;	/* as typed */
	const char		*ip_err;
};

static void
top_error(struct dev_state *st, const char *m)
{
	tpl_set(tpl_section(st->d, TN_TOP_ERRORS), TN_MSG, m);
	tpl_show(st->d, TN_HAS_TOP_ERRORS);
	st->errors++;
}

/* Strict positive decimal id; -1 for anything else. */
static int64_t
parse_id(const char *s)
{
	int64_t	 v = 0;
	int	 n = 0;

	if (s == NULL || *s < '1' || *s > '9')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || ++n > 18)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* May one more of type t be activated? 1 yes, 0 refused (message shown),
 * -1 error. Inside the transaction, after the plan row is locked. */
static int
alloc_ok(struct req *r, struct dev_state *st, int64_t occ, int64_t site,
    enum infra t)
{
	struct rules_result	*res;
	char			 m[256];

	res = arena_calloc(r->a, 1, sizeof(*res));
	if (svcplan_provisioned(r, occ, site, res) < 0)
		return -1;
	if (device_alloc_check(t, DEVICE_ACTIVATING, res->in_use[t],
	    res->allocated[t], 1, m, sizeof(m)))
		return 1;
	top_error(st, arena_printf(r->a, "%s.", m));
	return 0;
}

static char *
dev_text(struct req *r, const struct store_device *v)
{
	return arena_printf(r->a, "type=%s\nidentifier=%s\nlabel=%s\nstate=%s",
	    v->type, v->identifier, v->label, v->state);
}

/* op=register. 1 done, 0 refused, -1 error, -404 not found. */
static int
do_register(struct req *r, struct dev_state *st, int64_t occ, int64_t site,
    const char *site_name)
{
	struct fval		 v[RGF__MAX];
	struct store_device	 n;
	enum device_type	 t;
	char			 mac[DEVICE_MAC_STRLEN];
	const char		*ident, *err;
	int64_t			 id;
	int			 rc;

	if ((t = device_type_parse(kv_get(&r->form, "type"))) ==
	    DEVICE_TYPE__MAX)
		return -400;
	if (form_read(r, st->reg[t], reg_fields[t], RGF__MAX, v) > 0) {
		st->errors++;
		return 0;
	}
	if (t == DEVICE_WIFI_DEVICE) {
		err = device_mac_parse(v[RGF_IDENTIFIER].s, mac, sizeof(mac));
		ident = mac;
	} else {
		err = device_account_check(v[RGF_IDENTIFIER].s);
		ident = v[RGF_IDENTIFIER].s;
	}
	if (err != NULL) {
		form_error(r, st->reg[t], "identifier", arena_printf(r->a,
		    "%s %s.", reg_fields[t][RGF_IDENTIFIER].label, err));
		st->errors++;
		return 0;
	}
	if (db_begin() < 0)
		return -1;
	rc = store_device_insert(r->user.operator_id, occ, site,
	    device_type_keys[t], ident, v[RGF_LABEL].s, "registered", &id);
	if (rc == -2) {
		db_rollback();
		form_error(r, st->reg[t], "identifier", arena_printf(r->a,
		    "%s is already registered at %s.", ident, site_name));
		st->errors++;
		return 0;
	}
	if (rc <= 0) {
		db_rollback();
		return rc == 0 ? -404 : -1;
	}
	memset(&n, 0, sizeof(n));
	n.type = device_type_keys[t];
	n.identifier = ident;
	n.label = v[RGF_LABEL].s;
	n.state = "registered";
	if (store_audit(r->user.operator_id, occ, site, r->user.id, "device",
	    id, "register", NULL, dev_text(r, &n)) < 0 || db_commit() < 0) {
		db_rollback();
		return -1;
	}
	return 1;
}

/* op=activate, deactivate, remove on one device. */
static int
do_device(struct req *r, struct dev_state *st, enum dev_op op, int64_t occ,
    int64_t site)
{
	int64_t			 opid = r->user.operator_id, id;
	struct store_device	 cur, nxt;
	enum device_type	 t;
	const char		*action;
	int			 rc;

	if ((id = parse_id(kv_get(&r->form, "device"))) < 0)
		return -400;
	if (db_begin() < 0)
		return -1;
	/* Plan row first (the order every allocation check locks in). */
	if (op == DOP_ACTIVATE &&
	    (rc = store_device_plan_lock(r->a, opid, occ, site)) <= 0)
		goto fail;
	if ((rc = store_device_lock(r->a, opid, occ, site, id, &cur)) <= 0)
		goto fail;
	t = device_type_parse(cur.type);
	nxt = cur;
	switch (op) {
	case DOP_ACTIVATE:
		if (strcmp(cur.state, "active") == 0)
			goto same;
		if ((rc = alloc_ok(r, st, occ, site, device_type_infra(t))) <= 0)
			goto fail;
		nxt.state = "active";
		action = "activate";
		rc = store_device_set_state(opid, id, nxt.state);
		break;
	case DOP_DEACTIVATE:
		if (strcmp(cur.state, "active") != 0)
			goto same;
		nxt.state = "registered";
		action = "deactivate";
		rc = store_device_set_state(opid, id, nxt.state);
		break;
	default:
		if (strcmp(cur.state, "active") == 0) {
			top_error(st, arena_printf(r->a, "%s is active: "
			    "deactivate it before removing it.",
			    cur.identifier));
			rc = 0;
			goto fail;
		}
		action = "remove";
		rc = store_device_delete(opid, id);
		break;
	}
	if (rc <= 0)
		goto err;
	if (store_audit(opid, occ, site, r->user.id, "device", id, action,
	    dev_text(r, &cur), op == DOP_REMOVE ? NULL : dev_text(r, &nxt)) < 0)
		goto err;
	if (db_commit() < 0)
		return -1;
	return 1;
same:
	db_rollback();
	return 1;	/* already so: nothing to change */
fail:
	db_rollback();
	return rc < 0 ? -1 : st->errors > 0 ? 0 : -404;
err:
	db_rollback();
	return -1;
}

/* op=ip_activate, ip_deactivate on one of the occupier's addresses. */
static int
do_ip(struct req *r, struct dev_state *st, enum dev_op op, int64_t occ,
    int64_t site)
{
	int64_t			 opid = r->user.operator_id, id;
	struct store_public_ip	 ip;
	char			 mac[DEVICE_MAC_STRLEN];
	const char		*typed = NULL, *err;
	int			 rc;

	if ((id = parse_id(kv_get(&r->form, "ip"))) < 0)
		return -400;
	if (op == DOP_IP_ACTIVATE) {
		typed = kv_get(&r->form, "mac");
		if (typed != NULL && strlen(typed) > 64)
			err = "is too long";
		else
			err = device_mac_parse(typed, mac, sizeof(mac));
		if (err != NULL) {
			st->ip_id = id;
			st->ip_mac = typed ? typed : "";
			st->ip_err = arena_printf(r->a, "Device MAC address %s.",
			    err);
			top_error(st, st->ip_err);
			return 0;
		}
	}
	if (db_begin() < 0)
		return -1;
	if (op == DOP_IP_ACTIVATE &&
	    (rc = store_device_plan_lock(r->a, opid, occ, site)) <= 0)
		goto fail;
	if ((rc = store_public_ip_lock(r->a, opid, occ, site, id, &ip)) <= 0)
		goto fail;
	if (op == DOP_IP_ACTIVATE) {
		if (strcmp(ip.state, "active") == 0) {
			top_error(st, arena_printf(r->a, "%s is already active "
			    "(device %s): deactivate it to change its device.",
			    ip.address, ip.device_mac));
			rc = 0;
			goto fail;
		}
		if ((rc = alloc_ok(r, st, occ, site, INFRA_PUBLIC_IP)) <= 0) {
			st->ip_id = id;
			st->ip_mac = typed;
			goto fail;
		}
		if (store_public_ip_set(opid, id, "active", mac) <= 0 ||
		    store_audit(opid, occ, site, r->user.id, "public_ip", id,
		    "activate", arena_printf(r->a, "address=%s\nstate=%s",
		    ip.address, ip.state), arena_printf(r->a, "address=%s\n"
		    "state=active\nmac=%s", ip.address, mac)) < 0)
			goto err;
	} else {
		if (strcmp(ip.state, "active") != 0) {
			db_rollback();
			return 1;	/* already so */
		}
		if (store_public_ip_set(opid, id, "assigned", NULL) <= 0 ||
		    store_audit(opid, occ, site, r->user.id, "public_ip", id,
		    "deactivate", arena_printf(r->a, "address=%s\nstate=active"
		    "\nmac=%s", ip.address, ip.device_mac), arena_printf(r->a,
		    "address=%s\nstate=assigned", ip.address)) < 0)
			goto err;
	}
	if (db_commit() < 0)
		return -1;
	return 1;
fail:
	db_rollback();
	return rc < 0 ? -1 : st->errors > 0 ? 0 : -404;
err:
	db_rollback();
	return -1;
}

static void
set_frac(struct tpl_dict *d, enum tpl_name key, const struct rules_result *res,
    enum infra t)
{
	char	 frac[64];

	rules_fraction_format(res, t, frac, sizeof(frac));
	tpl_set(d, key, frac);
}

static const char *
state_label(const char *state)
{
	if (strcmp(state, "active") == 0)
		return "Active";
	if (strcmp(state, "assigned") == 0)
		return "Assigned";
	if (strcmp(state, "registered") == 0)
		return "Registered";
	return "Inactive";
}

/* Fill the tab from the database (after any rollback). */
static int
fill(struct req *r, struct dev_state *st, int64_t occ, int64_t site)
{
	struct tpl_dict		*d = st->d, *row, *sec;
	struct rules_result	*res;
	struct store_hport	*pt;
	struct store_public_ip	*ip;
	struct store_device	*dv;
	size_t			 npt, nip, ndv, i, shown[DEVICE_TYPE__MAX];
	int			 t;

	res = arena_calloc(r->a, 1, sizeof(*res));
	if (svcplan_provisioned(r, occ, site, res) < 0 ||
	    store_hport_list(r->a, r->user.operator_id, occ, site, &pt,
	    &npt) < 0 ||
	    store_public_ip_list(r->a, r->user.operator_id, occ, site, &ip,
	    &nip) < 0 ||
	    store_device_list(r->a, r->user.operator_id, occ, site, &dv,
	    &ndv) < 0)
		return -1;
	svcplan_fill_infra(d, res);
	set_frac(d, TN_PORTS_FRACTION, res, INFRA_SWITCH_PORTS);
	set_frac(d, TN_PHONE_FRACTION, res, INFRA_PHONE_EXT);
	set_frac(d, TN_IP_FRACTION, res, INFRA_PUBLIC_IP);
	tpl_set_int(d, TN_PHONE_ACTIVE, res->in_use[INFRA_PHONE_EXT]);
	for (i = 0; i < npt; i++) {
		int on = strcmp(pt[i].state, "active") == 0;

		row = tpl_section(d, TN_PORT);
		tpl_set(row, TN_LABEL, pt[i].label);
		tpl_set(row, TN_FLOOR, pt[i].floor_name);
		tpl_set(row, TN_SWITCH, pt[i].switch_name);
		tpl_set_int(row, TN_SWITCH_PORT, pt[i].switch_port);
		tpl_set(row, TN_ROLE, port_role_label(pt[i].role));
		tpl_set(row, TN_STATE, on ? "Active" : "Inactive");
		tpl_set(row, TN_STATE_CLASS, on ? "active" : "inactive");
	}
	tpl_show(d, npt > 0 ? TN_HAS_PORTS : TN_NO_PORTS);
	for (i = 0; i < nip; i++) {
		int on = strcmp(ip[i].state, "active") == 0;

		row = tpl_section(d, TN_IP);
		tpl_set_int(row, TN_ID, ip[i].id);
		tpl_set(row, TN_ADDRESS, ip[i].address);
		tpl_set(row, TN_BLOCK, ip[i].block);
		tpl_set(row, TN_STATE, state_label(ip[i].state));
		tpl_set(row, TN_STATE_CLASS, on ? "active" : "inactive");
		if (on) {
			tpl_set(row, TN_MAC, ip[i].device_mac);
			tpl_show(row, TN_CAN_DEACTIVATE);
		} else {
			sec = tpl_section(row, TN_CAN_ACTIVATE);
			if (st->ip_id == ip[i].id) {
				tpl_set(sec, TN_MAC_VALUE, st->ip_mac ?
				    st->ip_mac : "");
				if (st->ip_err != NULL) {
					tpl_set(sec, TN_MAC_ERR, st->ip_err);
					tpl_show(sec, TN_MAC_INVALID);
				}
			}
		}
	}
	tpl_show(d, nip > 0 ? TN_HAS_IPS : TN_NO_IPS);
	for (t = 0; t < DEVICE_TYPE__MAX; t++) {
		set_frac(st->reg[t], TN_FRACTION, res,
		    device_type_infra((enum device_type)t));
		shown[t] = 0;
	}
	for (i = 0; i < ndv; i++) {
		int on = strcmp(dv[i].state, "active") == 0;

		if ((t = device_type_parse(dv[i].type)) == DEVICE_TYPE__MAX)
			continue;
		shown[t]++;
		row = tpl_section(st->reg[t], TN_ROW);
		tpl_set_int(row, TN_ID, dv[i].id);
		tpl_set(row, TN_IDENT, dv[i].identifier);
		tpl_set(row, TN_LABEL, dv[i].label);
		tpl_set(row, TN_STATE, state_label(dv[i].state));
		tpl_set(row, TN_STATE_CLASS, on ? "active" : "inactive");
		tpl_show(row, on ? TN_CAN_DEACTIVATE : TN_CAN_ACTIVATE);
		if (!on)
			tpl_show(row, TN_CAN_REMOVE);
	}
	for (t = 0; t < DEVICE_TYPE__MAX; t++)
		tpl_show(st->reg[t], shown[t] > 0 ? TN_HAS_ROWS : TN_NO_ROWS);
	return 1;
}

void
page_occupier_devices(struct req *r)
{
	struct store_occupier	 o;
	struct dev_state	 st;
	const char		*op, *site_name;
	int64_t			 occ = r->ids[0], site = r->ids[1];
	int			 k, rc = 1, attempt;

	memset(&st, 0, sizeof(st));
	if ((st.d = page_begin(r, "Devices", "occupier_devices.tpl",
	    "occupiers")) == NULL)
		return;
	/* 404 for an occupier or site that is not the operator's. */
	if (!occupier_nav(r, st.d, occ, site, "devices", &o))
		return;
	st.reg[DEVICE_WIFI_DEVICE] = tpl_section(st.d, TN_WIFI_DEVICES);
	st.reg[DEVICE_WIFI_ACCOUNT] = tpl_section(st.d, TN_WIFI_ACCOUNTS);
	for (k = 0; k < DEVICE_TYPE__MAX; k++)
		tpl_set(st.reg[k], TN_TYPE, device_type_keys[k]);
	if (r->method == M_POST) {
		if ((op = kv_get(&r->form, "op")) == NULL)
			op = "";
		for (k = 0; k < DOP__MAX; k++)
			if (strcmp(op, dop_keys[k]) == 0)
				break;
		site_name = "this site";
		{
			struct store_site s;

			if (store_site_get(r->a, r->user.operator_id, site,
			    &s) > 0)
				site_name = s.name;
		}
		for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
			switch (k) {
			case DOP_IP_ACTIVATE:
			case DOP_IP_DEACTIVATE:
				rc = do_ip(r, &st, (enum dev_op)k, occ, site);
				break;
			case DOP_REGISTER:
				rc = do_register(r, &st, occ, site, site_name);
				break;
			case DOP_ACTIVATE:
			case DOP_DEACTIVATE:
			case DOP_REMOVE:
				rc = do_device(r, &st, (enum dev_op)k, occ, site);
				break;
			default:
				rc = -400;
				break;
			}
			if (rc != -1 || !db_retryable() || st.errors > 0)
				break;
			log_info("devices: retrying after %u", db_errno());
		}
		if (rc == -400) {
			http_error_msg(r, 400, "The devices form could not be "
			    "read.");
			return;
		}
		if (rc == -404) {
			http_error(r, 404);
			return;
		}
		if (rc < 0) {
			page_store_error(r);
			return;
		}
		if (rc > 0) {
			http_redirect(r, arena_printf(r->a,
			    "/occupiers/%lld/sites/%lld/devices?done=saved",
			    (long long)occ, (long long)site));
			return;
		}
		r->status = 422;
	}
	if (fill(r, &st, occ, site) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}
