/*
 * occupier_devices: the occupier's Devices tab at a site (domain §3): the
 * five infrastructure device types with their in use / allocated
 * fractions. Switch ports (the occupier's floor ports, changed on the
 * site's floor ports screen), Telephony extensions (changed on the
 * Telephony tab), Public IP addresses (assigned with the Public IP
 * service: activate with the device's MAC, deactivate), Wi-Fi devices and
 * Wi-Fi accounts (register, activate, deactivate, remove).
 *
 * POST op=ip_activate (ip, mac), op=ip_deactivate (ip), op=register
 * (type, identifier, label), op=activate, op=deactivate, op=remove
 * (device): the operations of ops/devices.h, each one transaction with an
 * audit event. Activation beyond the allocation is refused with the
 * fraction (422, page and input kept, nothing written); so are malformed
 * or duplicate identifiers.
 */
#include <string.h>

#include "../domain/device.h"
#include "../ops/devices.h"
#include "../store/store.h"
#include "../store/store_device.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

enum dev_op {
	DOP_IP_ACTIVATE,	/* "ip_activate" */
	DOP_IP_DEACTIVATE,	/* "ip_deactivate" */
	DOP_REGISTER,		/* "register" */
	DOP_ACTIVATE,		/* "activate" */
	DOP_DEACTIVATE,		/* "deactivate" */
	DOP_REMOVE,		/* "remove" */
	DOP__MAX
};

static const char *const dop_keys[DOP__MAX + 1] = {
	"ip_activate",		/* DOP_IP_ACTIVATE */
	"ip_deactivate",	/* DOP_IP_DEACTIVATE */
	"register",		/* DOP_REGISTER */
	"activate",		/* DOP_ACTIVATE */
	"deactivate",		/* DOP_DEACTIVATE */
	"remove",		/* DOP_REMOVE */
	NULL
};


/* The MAC address typed to activate a public IP address. */
static const struct field mac_field =
    { "mac", "Device MAC address", FT_TEXT, 64, 0, 0, 0, NULL, 0 };

#define BAD_FORM	(-400)	/* a form no screen of ours sends */

/* The tab, and what a refused request leaves for it. */
struct tab {
	struct tpl_dict		*d;
	struct tpl_dict		*reg[DEVICE_TYPE__MAX];	/* register forms */
	int64_t			 occ, site;
	enum device_type	 type;		/* register: the form sent */
	int64_t			 ip_id;		/* ip_activate: the row sent */
	const char		*ip_mac;	/* as typed */
	const char		*ip_err;
};

static void
top_error(struct tab *tb, const char *m)
{
	tpl_set(tpl_section(tb->d, TN_TOP_ERRORS), TN_MSG, m);
	tpl_show(tb->d, TN_HAS_TOP_ERRORS);
}

/* op=register: one of the two forms. */
static int
post_register(struct req *r, struct tab *tb, struct ops_ctx *c,
    struct device_out *out)
{
	struct device_register_in	 in;
	struct fval			 v[DRF__MAX];

	memset(out, 0, sizeof(*out));
	if ((tb->type = device_type_parse(form_text(r, "type", 32))) ==
	    DEVICE_TYPE__MAX)
		return BAD_FORM;
	if (form_read(r, tb->reg[tb->type], ops_device_reg_fields[tb->type],
	    DRF__MAX, v) > 0)
		return ops_refuse(&out->why, OPS_INVALID, NULL, NULL);
	memset(&in, 0, sizeof(in));
	in.occ = tb->occ;
	in.site = tb->site;
	in.type = tb->type;
	in.identifier = v[DRF_IDENTIFIER].s;
	in.label = v[DRF_LABEL].s;
	in.name_site = 1;
	return ops_device_register(c, &in, out);
}

/* op=activate, deactivate, remove on one device. */
static int
post_device(struct req *r, struct tab *tb, struct ops_ctx *c, enum dev_op op,
    struct device_out *out)
{
	struct device_change_in	 in;

	memset(&in, 0, sizeof(in));
	if (form_id(r, "device", &in.id) != 1)
		return BAD_FORM;
	in.occ = tb->occ;
	in.site = tb->site;
	in.what = op == DOP_ACTIVATE ? DEVICE_CHANGE_ACTIVATE :
	    op == DOP_DEACTIVATE ? DEVICE_CHANGE_DEACTIVATE :
	    DEVICE_CHANGE_REMOVE;
	return ops_device_change(c, &in, out);
}

/* op=ip_activate, ip_deactivate on one of the occupier's addresses. */
static int
post_ip(struct req *r, struct tab *tb, struct ops_ctx *c, enum dev_op op,
    struct device_out *out)
{
	struct public_ip_change_in	 in;
	struct fval			 mac;

	memset(&in, 0, sizeof(in));
	memset(out, 0, sizeof(*out));
	if (form_id(r, "ip", &in.id) != 1)
		return BAD_FORM;
	in.occ = tb->occ;
	in.site = tb->site;
	in.activate = op == DOP_IP_ACTIVATE;
	if (in.activate) {
		/* A refused activation keeps the MAC typed in its row. */
		tb->ip_id = in.id;
		form_field(r, &mac_field, &mac);
		tb->ip_mac = mac.raw;
		if (mac.err != NULL)
			return ops_refuse(&out->why, OPS_INVALID, "mac",
			    arena_printf(r->a, "%s %s.", mac_field.label,
			    mac.err));
		in.mac = mac.s;
	}
	return ops_public_ip_change(c, &in, out);
}

/* A POST: the operation's answer (<0, 0 refused into out, >0), or
 * BAD_FORM. */
static int
post(struct req *r, struct tab *tb, struct device_out *out)
{
	struct ops_ctx	 c;
	int		 op;

	page_ops_ctx(r, &c);
	switch ((op = form_enum(r, "op", dop_keys))) {
	case DOP_IP_ACTIVATE:
	case DOP_IP_DEACTIVATE:
		return post_ip(r, tb, &c, (enum dev_op)op, out);
	case DOP_REGISTER:
		return post_register(r, tb, &c, out);
	case DOP_ACTIVATE:
	case DOP_DEACTIVATE:
	case DOP_REMOVE:
		return post_device(r, tb, &c, (enum dev_op)op, out);
	default:
		return BAD_FORM;
	}
}

/* A refusal's messages where they belong: a register form's identifier,
 * an address row's MAC, or the top of the tab. */
static void
show_refusal(struct req *r, struct tab *tb, const struct ops_result *why)
{
	size_t	 i;

	for (i = 0; i < why->n; i++) {
		const struct ops_msg *m = &why->m[i];

		if (m->field != NULL && strcmp(m->field, "identifier") == 0) {
			form_error(r, tb->reg[tb->type], m->field, m->text);
			continue;
		}
		if (m->field != NULL && strcmp(m->field, "mac") == 0)
			tb->ip_err = m->text;
		top_error(tb, m->text);
	}
	r->status = 422;	/* every refusal of this tab */
}

void
page_set_fraction(struct tpl_dict *d, enum tpl_name key,
    const struct rules_result *res, int t)
{
	char	 frac[64];

	rules_fraction_format(res, (enum infra)t, frac, sizeof(frac));
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

static void
fill_ports(struct tpl_dict *d, const struct store_hport *pt, size_t n)
{
	struct tpl_dict	*row;
	size_t		 i;
	int		 on;

	for (i = 0; i < n; i++) {
		on = strcmp(pt[i].state, "active") == 0;
		row = tpl_section(d, TN_PORT);
		tpl_set(row, TN_LABEL, pt[i].label);
		tpl_set(row, TN_FLOOR, pt[i].floor_name);
		tpl_set(row, TN_SWITCH, pt[i].switch_name);
		tpl_set_int(row, TN_SWITCH_PORT, pt[i].switch_port);
		tpl_set(row, TN_ROLE, port_role_label(pt[i].role));
		tpl_set(row, TN_STATE, on ? "Active" : "Inactive");
		tpl_set(row, TN_STATE_CLASS, on ? "active" : "inactive");
	}
	tpl_show(d, n > 0 ? TN_HAS_PORTS : TN_NO_PORTS);
}

static void
fill_ips(const struct tab *tb, const struct store_public_ip *ip, size_t n)
{
	struct tpl_dict	*row, *sec;
	size_t		 i;
	int		 on;

	for (i = 0; i < n; i++) {
		on = strcmp(ip[i].state, "active") == 0;
		row = tpl_section(tb->d, TN_IP);
		tpl_set_int(row, TN_ID, ip[i].id);
		tpl_set(row, TN_ADDRESS, ip[i].address);
		tpl_set(row, TN_BLOCK, ip[i].block);
		tpl_set(row, TN_STATE, state_label(ip[i].state));
		tpl_set(row, TN_STATE_CLASS, on ? "active" : "inactive");
		if (on) {
			tpl_set(row, TN_MAC, ip[i].device_mac);
			tpl_show(row, TN_CAN_DEACTIVATE);
			continue;
		}
		sec = tpl_section(row, TN_CAN_ACTIVATE);
		if (tb->ip_id != ip[i].id)
			continue;
		tpl_set(sec, TN_MAC_VALUE, tb->ip_mac ? tb->ip_mac : "");
		if (tb->ip_err != NULL) {
			tpl_set(sec, TN_MAC_ERR, tb->ip_err);
			tpl_show(sec, TN_MAC_INVALID);
		}
	}
	tpl_show(tb->d, n > 0 ? TN_HAS_IPS : TN_NO_IPS);
}

static void
fill_devices(const struct tab *tb, const struct rules_result *res,
    const struct store_device *dv, size_t n)
{
	struct tpl_dict	*row;
	size_t		 i, shown[DEVICE_TYPE__MAX];
	int		 t, on;

	for (t = 0; t < DEVICE_TYPE__MAX; t++) {
		page_set_fraction(tb->reg[t], TN_FRACTION, res,
		    device_type_infra((enum device_type)t));
		shown[t] = 0;
	}
	for (i = 0; i < n; i++) {
		if ((t = device_type_parse(dv[i].type)) == DEVICE_TYPE__MAX)
			continue;
		on = strcmp(dv[i].state, "active") == 0;
		shown[t]++;
		row = tpl_section(tb->reg[t], TN_ROW);
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
		tpl_show(tb->reg[t], shown[t] > 0 ? TN_HAS_ROWS : TN_NO_ROWS);
}

/* Fill the tab from the database (after any refusal). 1, -1. */
static int
fill(struct req *r, const struct tab *tb)
{
	struct rules_result	*res;
	struct store_hport	*pt;
	struct store_public_ip	*ip;
	struct store_device	*dv;
	size_t			 npt, nip, ndv;

	res = arena_calloc(r->a, 1, sizeof(*res));
	if (svcplan_provisioned(r, tb->occ, tb->site, res) < 0 ||
	    store_hport_list(r->a, r->user.operator_id, tb->occ, tb->site,
	    &pt, &npt) < 0 ||
	    store_public_ip_list(r->a, r->user.operator_id, tb->occ,
	    tb->site, &ip, &nip) < 0 ||
	    store_device_list(r->a, r->user.operator_id, tb->occ, tb->site,
	    &dv, &ndv) < 0)
		return -1;
	svcplan_fill_infra(tb->d, res);
	page_set_fraction(tb->d, TN_PORTS_FRACTION, res, INFRA_SWITCH_PORTS);
	page_set_fraction(tb->d, TN_PHONE_FRACTION, res, INFRA_PHONE_EXT);
	page_set_fraction(tb->d, TN_IP_FRACTION, res, INFRA_PUBLIC_IP);
	tpl_set_int(tb->d, TN_PHONE_ACTIVE, res->in_use[INFRA_PHONE_EXT]);
	fill_ports(tb->d, pt, npt);
	fill_ips(tb, ip, nip);
	fill_devices(tb, res, dv, ndv);
	return 1;
}

void
page_occupier_devices(struct req *r)
{
	struct store_occupier	 o;
	struct tab		 tb;
	struct device_out	 out;
	int			 k, rc;

	memset(&tb, 0, sizeof(tb));
	tb.occ = r->ids[0];
	tb.site = r->ids[1];
	if ((tb.d = page_begin(r, "Devices", "occupier_devices.tpl",
	    "occupiers")) == NULL)
		return;
	/* 404 for an occupier or site that is not the operator's. */
	if (!occupier_nav(r, tb.d, tb.occ, tb.site, "devices", &o))
		return;
	tb.reg[DEVICE_WIFI_DEVICE] = tpl_section(tb.d, TN_WIFI_DEVICES);
	tb.reg[DEVICE_WIFI_ACCOUNT] = tpl_section(tb.d, TN_WIFI_ACCOUNTS);
	for (k = 0; k < DEVICE_TYPE__MAX; k++)
		tpl_set(tb.reg[k], TN_TYPE, device_type_keys[k]);
	tpl_set(tb.reg[DEVICE_WIFI_DEVICE], TN_WIFI_HINT, WIFI_DEVICE_HINT);
	if (r->method == M_POST) {
		if ((rc = post(r, &tb, &out)) == BAD_FORM) {
			http_error_msg(r, 400, "The devices form could not be "
			    "read.");
			return;
		}
		if (rc < 0) {
			page_store_error(r);
			return;
		}
		if (rc > 0) {
			http_redirect(r, arena_printf(r->a,
			    "/occupiers/%lld/sites/%lld/devices?done=saved",
			    (long long)tb.occ, (long long)tb.site));
			return;
		}
		if (page_refused_bare(r, &out.why))
			return;
		show_refusal(r, &tb, &out.why);
	}
	if (fill(r, &tb) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}
