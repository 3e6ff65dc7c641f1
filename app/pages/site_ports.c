/*
 * site_ports: the floor ports of a site (the seed's "What next?": assign
 * floor ports, selecting the switch port role). Per floor: label, switch,
 * switch port, role, holder and state, with a check box per port.
 *
 * POST op=assign (occupier, role: "" keeps each port's role), op=role
 * (role), op=unassign, op=activate, op=deactivate, op=edit (one port:
 * occupier, "" for none, and role), each on the ports named by the
 * repeated field port: ops_ports_change (ops/ports.h), every port of the
 * request or none. Refusals answer 422 with the page and the input kept.
 * The occupier is named by id (occupier=ID) or typed in the occupier
 * picker (occupier_occ=, resolved among the occupiers with a contract at
 * the site; occupier_pick.c). GET ?port=ID opens the edit panel of one
 * port, on whatever page.
 *
 * PER_PAGE ports a page by key (floor level, floor, label, id): after=ID
 * the ports after that one, before=ID those before it; the floors shown
 * are the ones of the ports on the page.
 */
#include <string.h>

#include "../domain/port.h"
#include "../ops/ports.h"
#include "../store/store.h"
#include "../store/store_device.h"
#include "../tpl/tpl.h"
#include "../store/store_space.h"
#include "pages.h"

#define PER_PAGE	50

#define MAX_PORTS	512	/* ports in one request */

/*
 * The request from the form: 1, or 0 when it is not one the screen sends
 * (400). The form's own refusals (no port, no occupier, no role) are the
 * operation's.
 */
static int
read_form(struct req *r, struct ports_change_in *in)
{
	const char	*role;
	int64_t		*ids;
	int		 op;

	memset(in, 0, sizeof(*in));
	in->role = PORT_ROLE__MAX;
	if ((op = form_enum(r, "op", port_op_keys)) < 0 ||
	    form_id_set(r, "port", MAX_PORTS, &ids, &in->nids) < 0 ||
	    form_id(r, "occupier", &in->occ) < 0)
		return 0;
	in->op = (enum port_op)op;
	in->ids = ids;
	if (in->op == PORT_OP_EDIT && in->nids > 1)
		return 0;
	if ((role = form_text(r, "role", 64)) == NULL)
		return !form_has(r, "role");
	if (*role != '\0' && (in->role = port_role_parse(role)) ==
	    PORT_ROLE__MAX)
		return 0;
	return 1;
}

static void
fill_select_role(struct tpl_dict *d, enum tpl_name section, enum port_role cur)
{
	struct tpl_dict	*o;
	int		 k;

	for (k = 0; k < PORT_ROLE__MAX; k++) {
		o = tpl_section(d, section);
		tpl_set(o, TN_KEY, port_role_keys[k]);
		tpl_set(o, TN_LABEL, port_role_labels[k]);
		if ((enum port_role)k == cur)
			tpl_show(o, TN_SELECTED);
	}
}

/* The pickers of the bulk form and of the edit panel. */
static struct pick
occ_pick(int64_t site, int edit)
{
	struct pick	 p = { "occupier_occ", "b-occupier", "Occupier", 0,
			    site };

	if (edit) {
		p.html_id = "e-occupier";
		p.label = "Holder";
	}
	return p;
}

/* What the screen shows: the site's lists and the request answered again
 * (in: its input, kept; NULL on GET). */
struct screen {
	const struct store_site		*s;
	const struct ports_change_in	*in;
	const char			*occ_text; /* the occupier asked, kept */
	int64_t				 edit;	/* port of the edit panel, 0 none */
	struct req			*r;
	int64_t				 anchor; /* after=ID / before=ID, 0 none */
	int				 before;
	int				 more;	/* a port beyond the page */
};

/* The space the edit panel's port is in, and for operator admins the
 * link that changes it (pages/port_space.c). */
static void
fill_edit_space(struct req *r, struct tpl_dict *e, int64_t site, int64_t port)
{
	const char	*label, *sname;
	int64_t		 cur;

	if (store_pspace_get(r->a, r->user.operator_id, site, port, &label,
	    &cur, &sname) <= 0)
		return;
	tpl_set(e, TN_SPACE, *sname ? sname : "None");
	if (r->user.role == ROLE_OPERATOR_ADMIN)
		tpl_show(e, TN_CAN_SPACE);
}

/* The edit panel of port ep: the request's choices when it was this
 * panel's, else the port's own. */
static void
fill_edit(struct req *r, struct tpl_dict *d, const struct screen *sc,
    const struct store_port *ep)
{
	struct tpl_dict	*e = tpl_section(d, TN_EDIT);
	struct pick	 pk = occ_pick(sc->s->id, 1);
	const char	*occ = ep->occupier_id > 0 ? ep->occupier_name : "";
	enum port_role	 role = port_role_parse(ep->role);

	tpl_set_int(e, TN_PORT_ID, ep->id);
	tpl_set(e, TN_LABEL, ep->label);
	tpl_set(e, TN_SWITCH, ep->switch_name);
	tpl_set_int(e, TN_SWITCH_PORT, ep->switch_port);
	tpl_set(e, TN_STATE, strcmp(ep->state, "active") == 0 ? "Active" :
	    "Inactive");
	if (sc->in != NULL && sc->in->op == PORT_OP_EDIT) {
		occ = sc->occ_text;
		role = sc->in->role;
	}
	pick_fill(r, e, TN_E_PICK, &pk, occ, 0);
	fill_select_role(e, TN_E_ROLE_OPT, role);
	fill_edit_space(r, e, sc->s->id, ep->id);
}

static int	id_in(const int64_t *, size_t, int64_t);

/* What unassigning the ports named by labels (held by holders) does. */
static const char *
unassign_consequence(struct req *r, const char *labels, const char *holders,
    size_t n)
{
	return arena_printf(r->a, "%s %s back to the pool: %s %s %s now, and "
	    "%s no longer %s in %s Switch ports.", labels, n == 1 ? "goes" :
	    "go", holders != NULL && *holders != '\0' ? holders : "the holder",
	    n == 1 ? "loses" : "lose", n == 1 ? "it" : "them", n == 1 ? "it" :
	    "they", n == 1 ? "counts" : "count", n == 1 ? "its" : "their");
}

/* Unassigning the checked ports asks first, naming them and their
 * holders: 1 go on (confirmed, or none of the site's held ports: the
 * operation says why), 0 the question answered. */
static int
unassign_confirmed(struct req *r, const struct screen *sc,
    const struct ports_change_in *in)
{
	struct site_floors	 sf;
	struct page_confirm	 q;
	const char		*labels = "", *holders = "";
	size_t			 j, n = 0;

	if (site_floors_read(r, sc->s->id, &sf) < 0) {
		page_store_error(r);
		return 0;
	}
	for (j = 0; j < sf.np; j++) {
		if (!id_in(in->ids, in->nids, sf.p[j].id) ||
		    sf.p[j].occupier_id <= 0)
			continue;
		labels = arena_printf(r->a, "%s%s%s", labels, n ? ", " : "",
		    sf.p[j].label);
		if (strstr(holders, sf.p[j].occupier_name) == NULL)
			holders = arena_printf(r->a, "%s%s%s", holders,
			    *holders ? " and " : "", sf.p[j].occupier_name);
		n++;
	}
	if (n == 0)
		return 1;
	memset(&q, 0, sizeof(q));
	q.title = n == 1 ? "Unassign this floor port?" :
	    "Unassign these floor ports?";
	q.consequence = unassign_consequence(r, labels, holders, n);
	q.button = n == 1 ? "Unassign the port" : "Unassign the ports";
	q.back = arena_printf(r->a, "/sites/%lld/ports", (long long)sc->s->id);
	q.back_label = arena_printf(r->a, "Floor ports · %s", sc->s->name);
	q.menu = "sites";
	return page_confirmed(r, &q);
}

static int
id_in(const int64_t *ids, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* A port's row beyond what the site screen shows (site_floors_fill). */
static void
fill_port(void *arg, struct tpl_dict *row, const struct store_port *q)
{
	const struct screen	*sc = arg;
	struct port_pos		 p;

	p.holder = q->occupier_id;
	p.role = port_role_parse(q->role);
	p.active = strcmp(q->state, "active") == 0;
	tpl_set_int(row, TN_ID, q->id);
	if (sc->anchor > 0)	/* the Edit link stays on this page */
		tpl_set(row, TN_KEEP, arena_printf(sc->r->a, "&%s=%lld",
		    sc->before ? "before" : "after", (long long)sc->anchor));
	tpl_set(row, TN_STATE_CLASS, p.active ? "active" : "inactive");
	if (sc->in != NULL && sc->in->op != PORT_OP_EDIT &&
	    id_in(sc->in->ids, sc->in->nids, q->id))
		tpl_show(row, TN_CHECKED);
	if (q->id == sc->edit)
		tpl_show(row, TN_EDITING);
	if (p.active)
		tpl_show(row, TN_CAN_DEACTIVATE);
	else if (port_can_activate(&p))
		tpl_show(row, TN_CAN_ACTIVATE);
	if (port_can_unassign(&p))
		tpl_set(tpl_section(row, TN_CAN_UNASSIGN), TN_CONFIRM,
		    unassign_consequence(sc->r, q->label, q->occupier_name, 1));
}

/* The floors of the ports p[0..np) only, in the site's order. */
static void
floors_of_page(struct site_floors *sf)
{
	size_t	 i, j, k;

	for (i = k = 0; i < sf->nf; i++) {
		for (j = 0; j < sf->np; j++)
			if (sf->p[j].floor_id == sf->f[i].id)
				break;
		if (j < sf->np)
			sf->f[k++] = sf->f[i];
	}
	sf->nf = k;
}

/* The page of ports (sc->anchor, sc->before; sc->more set), its floors,
 * the pool, and *ep the edit panel's port (read on its own when not on
 * the page): 1, 0 the edit port is not the site's, -1 store error. */
static int
ports_page_read(struct req *r, struct screen *sc, struct site_floors *sf,
    const struct store_port **ep)
{
	int64_t			 op = r->user.operator_id, site = sc->s->id;
	struct store_port	*p, t, *one;
	size_t			 j;
	int			 rc;

	memset(sf, 0, sizeof(*sf));
	*ep = NULL;
	if (store_floor_list(r->a, op, site, &sf->f, &sf->nf) < 0 ||
	    store_port_page(r->a, op, site, sc->anchor, sc->before,
	    PER_PAGE + 1, &sf->p, &sf->np) < 0 ||
	    store_public_ip_pool(r->a, op, site, &sf->pool_total,
	    &sf->pool_free) < 0)
		return -1;
	if ((sc->more = sf->np > PER_PAGE))
		sf->np = PER_PAGE;
	for (j = 0; sc->before && j < sf->np / 2; j++) {
		t = sf->p[j];
		sf->p[j] = sf->p[sf->np - 1 - j];
		sf->p[sf->np - 1 - j] = t;
	}
	floors_of_page(sf);
	for (j = 0, p = sf->p; j < sf->np && sc->edit > 0; j++)
		if (p[j].id == sc->edit)
			*ep = &p[j];
	if (sc->edit == 0 || *ep != NULL)
		return 1;
	one = arena_calloc(r->a, 1, sizeof(*one));
	if ((rc = store_port_get_site(r->a, op, site, sc->edit, one)) <= 0)
		return rc;
	*ep = one;
	return 1;
}

/* Previous and Next: the ports before the page's first and after its
 * last. */
static void
fill_pager(struct req *r, struct tpl_dict *d, const struct screen *sc,
    const struct site_floors *sf)
{
	struct tpl_dict	*pg;
	int		 prev, next;

	prev = sc->before ? sc->more : sc->anchor > 0;
	next = sc->before ? sc->anchor > 0 : sc->more;
	if (sf->np == 0 || (!prev && !next))
		return;
	pg = tpl_section(d, TN_PAGER);
	if (prev)
		tpl_set(tpl_section(pg, TN_PREV), TN_HREF, arena_printf(r->a,
		    "/sites/%lld/ports?before=%lld", (long long)sc->s->id,
		    (long long)sf->p[0].id));
	if (next)
		tpl_set(tpl_section(pg, TN_NEXT), TN_HREF, arena_printf(r->a,
		    "/sites/%lld/ports?after=%lld", (long long)sc->s->id,
		    (long long)sf->p[sf->np - 1].id));
}

/* The screen; why: the refusal answered (NULL: none). */
static void
render(struct req *r, const struct screen *sc, const struct ops_result *why)
{
	const struct ports_change_in	*in = sc->in;
	const struct store_port		*ep = NULL;
	struct tpl_dict			*d;
	struct site_floors		 sf;
	struct pick			 pk = occ_pick(sc->s->id, 0);
	int				 rc, any;

	if ((rc = ports_page_read(r, (struct screen *)sc, &sf, &ep)) <= 0 ||
	    (any = store_site_has_contract(r->a, r->user.operator_id,
	    sc->s->id)) < 0) {
		if (rc == 0)
			http_error(r, 404);
		else
			page_store_error(r);
		return;
	}
	if ((d = page_begin(r, arena_printf(r->a, "Floor ports · %s",
	    sc->s->name), "site_ports.tpl", "sites")) == NULL)
		return;
	tpl_set_int(d, TN_SITE_ID, sc->s->id);
	tpl_set(d, TN_SITE_NAME, sc->s->name);
	if (why != NULL) {
		page_refused(r, d, why);
		r->status = 422;	/* every refusal of this screen */
	}
	/* The bulk form keeps what was chosen (not for the edit panel). */
	in = in != NULL && in->op != PORT_OP_EDIT ? in : NULL;
	pick_fill(r, d, TN_B_PICK, &pk, in ? sc->occ_text : "", 0);
	fill_select_role(d, TN_ROLE_OPT, in ? in->role : PORT_ROLE__MAX);
	if (!any)
		tpl_show(d, TN_NO_OCCUPIERS);
	if (ep != NULL)
		fill_edit(r, d, sc, ep);
	site_floors_fill(d, &sf, fill_port, (void *)sc);
	fill_pager(r, d, sc, &sf);
	page_end(r);
}

/* GET ?port=ID: the edit panel's port, 0 for none; -1 not an id. */
static int64_t
edit_port(struct req *r)
{
	const char	*s;
	int64_t		 id = 0;

	if (query_search(r, "port", 20, &s) != 0 && validate_id(s, &id) < 0)
		return -1;
	return id;
}

/* The occupier a POST names, as the form shows it again: the text typed,
 * or the name of occupier=ID among the holders. */
static const char *
occ_shown(struct req *r, const struct ports_change_in *in,
    const struct store_holder *h, size_t nh)
{
	const char	*t = pick_text(r, &(struct pick){ "occupier_occ", "",
			    "", 0, 0 });
	size_t		 i;

	for (i = 0; t[0] == '\0' && i < nh; i++)
		if (h[i].id == in->occ)
			return h[i].name;
	return t;
}

/* occupier_occ typed instead of occupier=ID: 1 resolved into in->occ (or
 * nothing typed), 0 refused (out->why), -1 store error. */
static int
read_picked(struct req *r, int64_t site, struct ports_change_in *in,
    struct ports_change_out *out)
{
	struct pick	 pk = occ_pick(site, in->op == PORT_OP_EDIT);
	const char	*t = pick_text(r, &pk), *msg;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (in->occ > 0 || t[0] == '\0')
		return 1;
	if ((rc = pick_lookup(r, &pk, t, &in->occ, NULL, &msg)) == 0)
		ops_refuse(&out->why, OPS_INVALID, "occupier", msg);
	return rc;
}

void
page_site_ports(struct req *r)
{
	struct store_site	 s;
	struct screen		 sc;
	struct ports_change_in	 in;
	struct ports_change_out	 out;
	struct store_holder	*h;
	struct ops_ctx		 c;
	size_t			 nh;
	int			 rc;

	memset(&sc, 0, sizeof(sc));
	sc.s = &s;
	sc.r = r;
	if ((rc = store_site_get(r->a, r->user.operator_id, r->ids[0],
	    &s)) <= 0) {
		if (rc == 0)
			http_error(r, 404);
		else
			page_store_error(r);
		return;
	}
	if (query_id(r, "before", &sc.anchor) == 1)
		sc.before = 1;
	else if (query_id(r, "after", &sc.anchor) != 1)
		sc.anchor = 0;
	if (r->method == M_GET) {
		if ((sc.edit = edit_port(r)) < 0)
			http_error(r, 404);
		else
			render(r, &sc, NULL);
		return;
	}
	if (!read_form(r, &in)) {
		http_error_msg(r, 400, "The floor ports form could not be read.");
		return;
	}
	sc.in = &in;
	sc.edit = in.op == PORT_OP_EDIT && in.nids == 1 ? in.ids[0] : 0;
	if ((rc = read_picked(r, s.id, &in, &out)) <= 0 ||
	    store_device_site_occupiers(r->a, r->user.operator_id, s.id, &h,
	    &nh) < 0) {
		if (rc != 0)	/* a store error */
			page_store_error(r);
		else {
			sc.occ_text = occ_shown(r, &in, NULL, 0);
			render(r, &sc, &out.why);
		}
		return;
	}
	in.site = s.id;
	in.holders = h;
	in.nholders = nh;
	if (in.op == PORT_OP_UNASSIGN && !unassign_confirmed(r, &sc, &in))
		return;
	page_ops_ctx(r, &c);
	if ((rc = ops_ports_change(&c, &in, &out)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc > 0) {
		http_redirect(r, arena_printf(r->a,
		    "/sites/%lld/ports?done=saved", (long long)s.id));
		return;
	}
	if (page_refused_bare(r, &out.why))
		return;
	sc.occ_text = occ_shown(r, &in, out.holders, out.nholders);
	render(r, &sc, &out.why);
}
