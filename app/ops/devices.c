/*
 * ops/devices: see devices.h.
 */
#include <string.h>

#include "../arena.h"
#include "../http/http.h"
#include "../pages/svcplan.h"
#include "../store/store.h"
#include "../store/store_device.h"
#include "devices.h"
#include "webhooks.h"

const struct field ops_device_reg_fields[DEVICE_TYPE__MAX][DRF__MAX] = {
	[DEVICE_WIFI_DEVICE] = {
		[DRF_IDENTIFIER] = { "identifier", "MAC address", FT_TEXT, 64,
		    1, 0, 0, NULL, 0 },
		[DRF_LABEL] = { "label", "Label", FT_TEXT, 128, 0, 0, 0, NULL, 0 },
	},
	[DEVICE_WIFI_ACCOUNT] = {
		[DRF_IDENTIFIER] = { "identifier", "Account name", FT_TEXT, 64,
		    1, 0, 0, NULL, 0 },
		[DRF_LABEL] = { "label", "Label", FT_TEXT, 128, 0, 0, 0, NULL, 0 },
	},
};

/* What a transaction function returns when there is nothing to change:
 * it refuses without a reason, so that db_txn rolls back (a plan row its
 * lock created goes too), and the operation answers done. */
#define NOTHING_TO_DO	0

static int
done_unless_refused(int rc, const struct device_out *out)
{
	return rc == 0 && out->why.why == OPS_OK ? 1 : rc;
}

int
ops_provisioned(struct txn *t, int64_t occ, int64_t site,
    struct rules_result *res)
{
	struct req	 r;

	/* svcplan reads the plan through a request's arena, operator and
	 * day: those of t. */
	memset(&r, 0, sizeof(r));
	r.a = t->a;
	r.user.operator_id = t->operator_id;
	r.today = t->day;
	return svcplan_provisioned(&r, occ, site, res);
}

int
ops_alloc_ok(struct txn *t, struct ops_result *why, int64_t occ,
    int64_t site, enum infra kind)
{
	struct rules_result	*res;
	char			 m[256];

	res = arena_calloc(t->a, 1, sizeof(*res));
	if (ops_provisioned(t, occ, site, res) < 0)
		return -1;
	if (device_alloc_check(kind, DEVICE_ACTIVATING, res->in_use[kind],
	    res->allocated[kind], 1, m, sizeof(m)))
		return 1;
	return ops_refuse(why, OPS_CONFLICT, NULL, arena_printf(t->a, "%s.",
	    m));
}

/* The plan row of occ at site, locked: 1, 0 refused (not ctx's), -1. */
static int
plan_lock(struct txn *t, struct ops_result *why, int64_t occ, int64_t site)
{
	int	 rc;

	if ((rc = store_device_plan_lock(t->a, t->operator_id, occ, site)) < 0)
		return -1;
	return rc > 0 ? 1 : ops_refuse(why, OPS_NOT_FOUND, NULL, NULL);
}

static char *
dev_text(struct arena *a, const struct store_device *v)
{
	return arena_printf(a, "type=%s\nidentifier=%s\nlabel=%s\nstate=%s",
	    v->type, v->identifier, v->label, v->state);
}

/* ---- register ---- */

struct reg {
	const struct device_register_in	*in;
	const char			*ident;		/* as stored */
	struct device_out		*out;
};

static int
reg_duplicate(struct txn *t, struct reg *g)
{
	struct store_site	 s;
	const char		*where = "this site";

	if (g->in->name_site && store_site_get(t->a, t->operator_id,
	    g->in->site, &s) > 0)
		where = s.name;
	return ops_refuse(&g->out->why, OPS_INVALID, "identifier",
	    arena_printf(t->a, "%s is already registered at %s.", g->ident,
	    where));
}

static int
reg_txn(struct txn *t, void *arg)
{
	struct reg			*g = arg;
	const struct device_register_in	*in = g->in;
	struct store_device		 n;
	int64_t				 id = 0;
	int				 rc;

	memset(&g->out->why, 0, sizeof(g->out->why));
	memset(&n, 0, sizeof(n));
	n.type = device_type_keys[in->type];
	n.identifier = g->ident;
	n.label = in->label;
	n.state = in->activate ? "active" : "registered";
	if (in->activate && ((rc = plan_lock(t, &g->out->why, in->occ,
	    in->site)) <= 0 || (rc = ops_alloc_ok(t, &g->out->why, in->occ,
	    in->site, device_type_infra(in->type))) <= 0))
		return rc;
	rc = store_device_insert(t->operator_id, in->occ, in->site, n.type,
	    n.identifier, n.label, n.state, &id);
	if (rc == -2)
		return reg_duplicate(t, g);
	if (rc <= 0)
		return rc < 0 ? -1 : ops_refuse(&g->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	g->out->id = id;
	if (ops_event(t, WH_DEVICE_CREATED, in->occ, in->site, id,
	    dev_text(t->a, &n)) < 0)
		return -1;
	return txn_audit(t, in->occ, in->site, "device", id, "register", NULL,
	    dev_text(t->a, &n));
}

int
ops_device_register(struct ops_ctx *c, const struct device_register_in *in,
    struct device_out *out)
{
	static const char *const label[DEVICE_TYPE__MAX] = {
		"MAC address",		/* DEVICE_WIFI_DEVICE */
		"Account name",		/* DEVICE_WIFI_ACCOUNT */
	};
	struct reg	 g = { in, in->identifier, out };
	char		*mac;
	const char	*err;

	memset(out, 0, sizeof(*out));
	if ((unsigned)in->type >= DEVICE_TYPE__MAX)
		return ops_refuse(&out->why, OPS_BAD_FORM, NULL, NULL);
	if (in->type == DEVICE_WIFI_DEVICE) {
		mac = arena_alloc(c->t.a, DEVICE_MAC_STRLEN);
		err = device_mac_parse(in->identifier, mac, DEVICE_MAC_STRLEN);
		g.ident = mac;
	} else
		err = device_account_check(in->identifier);
	if (err != NULL)
		return ops_refuse(&out->why, OPS_INVALID, "identifier",
		    arena_printf(c->t.a, "%s %s.", label[in->type], err));
	return db_txn(&c->t, reg_txn, &g);
}

/* ---- activate, deactivate, remove ---- */

struct chg {
	const struct device_change_in	*in;
	struct device_out		*out;
};

static int
chg_txn(struct txn *t, void *arg)
{
	struct chg			*g = arg;
	const struct device_change_in	*in = g->in;
	struct store_device		 cur, nxt;
	const char			*action;
	int				 rc, on;

	memset(&g->out->why, 0, sizeof(g->out->why));
	if (in->what == DEVICE_CHANGE_ACTIVATE &&
	    (rc = plan_lock(t, &g->out->why, in->occ, in->site)) <= 0)
		return rc;
	if ((rc = store_device_lock(t->a, t->operator_id, in->occ, in->site,
	    in->id, &cur)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&g->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	on = strcmp(cur.state, "active") == 0;
	nxt = cur;
	switch (in->what) {
	case DEVICE_CHANGE_ACTIVATE:
		if (on)
			return NOTHING_TO_DO;
		if ((rc = ops_alloc_ok(t, &g->out->why, in->occ, in->site,
		    device_type_infra(device_type_parse(cur.type)))) <= 0)
			return rc;
		nxt.state = "active";
		action = "activate";
		rc = store_device_set_state(t->operator_id, in->id, nxt.state);
		break;
	case DEVICE_CHANGE_DEACTIVATE:
		if (!on)
			return NOTHING_TO_DO;
		nxt.state = "registered";
		action = "deactivate";
		rc = store_device_set_state(t->operator_id, in->id, nxt.state);
		break;
	default:
		if (on)
			return ops_refuse(&g->out->why, OPS_CONFLICT, NULL,
			    arena_printf(t->a, "%s is active: deactivate it "
			    "before removing it.", cur.identifier));
		action = "remove";
		rc = store_device_delete(t->operator_id, in->id);
		break;
	}
	if (rc <= 0)
		return -1;
	if (ops_event(t, WH_DEVICE_CHANGED, in->occ, in->site, in->id,
	    arena_printf(t->a, "%s\nchange=%s", dev_text(t->a, &nxt),
	    action)) < 0)
		return -1;
	return txn_audit(t, in->occ, in->site, "device", in->id, action,
	    dev_text(t->a, &cur), in->what == DEVICE_CHANGE_REMOVE ? NULL :
	    dev_text(t->a, &nxt));
}

int
ops_device_change(struct ops_ctx *c, const struct device_change_in *in,
    struct device_out *out)
{
	struct chg	 g = { in, out };

	memset(out, 0, sizeof(*out));
	return done_unless_refused(db_txn(&c->t, chg_txn, &g), out);
}

/* ---- public IP addresses ---- */

struct ipc {
	const struct public_ip_change_in *in;
	const char			*mac;		/* as stored */
	struct device_out		*out;
};

static int
ip_activate(struct txn *t, struct ipc *g, const struct store_public_ip *ip)
{
	const struct public_ip_change_in *in = g->in;
	int				 rc;

	if (strcmp(ip->state, "active") == 0)
		return ops_refuse(&g->out->why, OPS_CONFLICT, NULL,
		    arena_printf(t->a, "%s is already active (device %s): "
		    "deactivate it to change its device.", ip->address,
		    ip->device_mac));
	if ((rc = ops_alloc_ok(t, &g->out->why, in->occ, in->site,
	    INFRA_PUBLIC_IP)) <= 0)
		return rc;
	if (store_public_ip_set(t->operator_id, in->id, "active", g->mac) <= 0)
		return -1;
	return txn_audit(t, in->occ, in->site, "public_ip", in->id, "activate",
	    arena_printf(t->a, "address=%s\nstate=%s", ip->address,
	    ip->state), arena_printf(t->a, "address=%s\nstate=active\nmac=%s",
	    ip->address, g->mac));
}

static int
ip_deactivate(struct txn *t, struct ipc *g, const struct store_public_ip *ip)
{
	const struct public_ip_change_in *in = g->in;

	if (strcmp(ip->state, "active") != 0)
		return NOTHING_TO_DO;
	if (store_public_ip_set(t->operator_id, in->id, "assigned", NULL) <= 0)
		return -1;
	return txn_audit(t, in->occ, in->site, "public_ip", in->id,
	    "deactivate", arena_printf(t->a, "address=%s\nstate=active\nmac=%s",
	    ip->address, ip->device_mac), arena_printf(t->a,
	    "address=%s\nstate=assigned", ip->address));
}

static int
ip_txn(struct txn *t, void *arg)
{
	struct ipc		*g = arg;
	struct store_public_ip	 ip;
	int			 rc;

	memset(&g->out->why, 0, sizeof(g->out->why));
	if (g->in->activate && (rc = plan_lock(t, &g->out->why, g->in->occ,
	    g->in->site)) <= 0)
		return rc;
	if ((rc = store_public_ip_lock(t->a, t->operator_id, g->in->occ,
	    g->in->site, g->in->id, &ip)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&g->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	return g->in->activate ? ip_activate(t, g, &ip) :
	    ip_deactivate(t, g, &ip);
}

int
ops_public_ip_change(struct ops_ctx *c, const struct public_ip_change_in *in,
    struct device_out *out)
{
	struct ipc	 g = { in, NULL, out };
	char		*mac;
	const char	*err;

	memset(out, 0, sizeof(*out));
	if (in->activate) {
		mac = arena_alloc(c->t.a, DEVICE_MAC_STRLEN);
		if ((err = device_mac_parse(in->mac, mac,
		    DEVICE_MAC_STRLEN)) != NULL)
			return ops_refuse(&out->why, OPS_INVALID, "mac",
			    arena_printf(c->t.a, "Device MAC address %s.",
			    err));
		g.mac = mac;
	}
	return done_unless_refused(db_txn(&c->t, ip_txn, &g), out);
}
