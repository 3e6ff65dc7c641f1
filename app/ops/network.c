/*
 * ops/network: see network.h.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../arena.h"
#include "../domain/device.h"
#include "../domain/network.h"
#include "../domain/port.h"
#include "../domain/usage.h"
#include "../store/store_device.h"
#include "../store/store_estate.h"
#include "network.h"

int
ops_net_site(struct txn *t, int64_t id, struct ops_result *why)
{
	struct store_estate_site	 s;
	int				 rc;

	if ((rc = store_estate_site_get(t->a, t->operator_id, id, &s)) < 0)
		return -1;
	if (rc == 0)
		return ops_refuse(why, OPS_NOT_FOUND, NULL, NULL);
	return 1;
}

struct sw {
	const struct switch_add_in	*in;
	struct switch_add_out		*out;
};

static int
switch_txn(struct txn *t, void *arg)
{
	struct sw	*s = arg;
	int64_t		 id, ports;
	int		 rc;

	if ((rc = ops_net_site(t, s->in->site, &s->out->why)) <= 0)
		return rc;
	if ((rc = store_switch_by_name(t->a, t->operator_id, s->in->site,
	    s->in->name, &id, &ports)) < 0)
		return -1;
	if (rc > 0)
		return ops_refuse(&s->out->why, OPS_INVALID, "name", "Another "
		    "switch of this site already has this name");
	if (store_switch_insert(t->operator_id, s->in->site, s->in->name,
	    s->in->model, s->in->ports, &id) < 0)
		return -1;
	return txn_audit(t, 0, s->in->site, "network_switch", id, "create",
	    NULL, arena_printf(t->a, "name=%s\nmodel=%s\nports=%lld",
	    s->in->name, s->in->model, (long long)s->in->ports));
}

int
ops_switch_add(struct ops_ctx *c, const struct switch_add_in *in,
    struct switch_add_out *out)
{
	struct sw	 s = { in, out };

	memset(out, 0, sizeof(*out));
	if (!net_switch_name_ok(in->name))
		return ops_refuse(&out->why, OPS_INVALID, "name", "Name must "
		    "be 1 to 64 letters, digits and - _ . /");
	return db_txn(&c->t, switch_txn, &s);
}

/* Switch sw of site has ports first..last: 1, 0 refused by field, -1. */
static int
switch_has(struct txn *t, int64_t site, const char *sw, int64_t first,
    int64_t last, const char *field, struct ops_result *why)
{
	int64_t	 id, ports;
	int	 rc;

	if ((rc = store_switch_by_name(t->a, t->operator_id, site, sw, &id,
	    &ports)) < 0)
		return -1;
	if (rc == 0)
		return ops_refuse(why, OPS_INVALID, "switch", arena_printf(t->a,
		    "This site has no switch named %s", sw));
	if (first < 1 || last > ports)
		return ops_refuse(why, OPS_INVALID, field, arena_printf(t->a,
		    "Switch %s has ports 1 to %lld", sw, (long long)ports));
	return 1;
}

/* Label and switch port free at site: 1, 0 refused by field, -1. */
static int
port_free(struct txn *t, int64_t site, const char *label, const char *sw,
    int64_t port, const char *lfield, const char *pfield,
    struct ops_result *why)
{
	const char	*what;
	int		 rc;

	if ((rc = store_port_clash(t->a, t->operator_id, site, label, sw, port,
	    &what)) <= 0)
		return rc < 0 ? -1 : 1;
	if (strcmp(what, "label") == 0)
		return ops_refuse(why, OPS_INVALID, lfield, arena_printf(t->a,
		    "This site already has a floor port labelled %s", label));
	return ops_refuse(why, OPS_INVALID, pfield, arena_printf(t->a,
	    "Port %lld of %s is already a floor port", (long long)port, sw));
}

/* The floor of site: 1, 0 refused (not found), -1. */
static int
floor_of(struct txn *t, int64_t site, int64_t floor, struct ops_result *why)
{
	const char	*name;
	int		 rc;

	if ((rc = store_net_floor_get(t->a, t->operator_id, site, floor,
	    &name)) < 0)
		return -1;
	return rc == 0 ? ops_refuse(why, OPS_NOT_FOUND, NULL, NULL) : 1;
}

struct range {
	const struct ports_range_in	*in;
	struct ports_range_out		*out;
	struct net_pattern		 p;
	int				 first;
};

static int
range_txn(struct txn *t, void *arg)
{
	struct range			*g = arg;
	const struct ports_range_in	*in = g->in;
	char				 label[NET_LABEL_MAX + 1];
	int				 i, n = net_pattern_count(&g->p), rc;

	g->out->added = 0;
	if ((rc = ops_net_site(t, in->site, &g->out->why)) <= 0 ||
	    (rc = floor_of(t, in->site, in->floor, &g->out->why)) <= 0 ||
	    (rc = switch_has(t, in->site, in->sw, g->first, g->first + n - 1,
	    "ports", &g->out->why)) <= 0)
		return rc;
	for (i = 0; i < n; i++) {
		net_pattern_label(&g->p, i, label, sizeof(label));
		if ((rc = port_free(t, in->site, label, in->sw, g->first + i,
		    "pattern", "ports", &g->out->why)) <= 0)
			return rc;
		if (store_port_insert(t->operator_id, in->site, in->floor,
		    label, in->sw, g->first + i, in->role, 0) < 0)
			return -1;
		g->out->added++;
	}
	return txn_audit(t, 0, in->site, "floor_port", 0, "add_range", NULL,
	    arena_printf(t->a, "pattern=%s\nswitch=%s\nports=%d-%d\ncount=%d\n"
	    "role=%s", in->pattern, in->sw, g->first, g->first + n - 1, n,
	    in->role));
}

int
ops_ports_add_range(struct ops_ctx *c, const struct ports_range_in *in,
    struct ports_range_out *out)
{
	struct range	 g;
	const char	*wp, *wr;

	memset(out, 0, sizeof(*out));
	memset(&g, 0, sizeof(g));
	g.in = in;
	g.out = out;
	if (!net_ports_plan(in->pattern, in->ports, &g.p, &g.first, &wp,
	    &wr)) {
		if (wp != NULL)
			ops_refuse(&out->why, OPS_INVALID, "pattern", wp);
		if (wr != NULL)
			ops_refuse(&out->why, OPS_INVALID, "ports", wr);
		return 0;
	}
	if (port_role_parse(in->role) == PORT_ROLE__MAX)
		return ops_refuse(&out->why, OPS_BAD_FORM, NULL, NULL);
	return db_txn(&c->t, range_txn, &g);
}

/* ---- CSV import ---- */

/* A row-level error (line 0: the file): the first OPS_MSGS_MAX kept. */
static void
row_error(struct ports_import_out *out, size_t line, const char *msg)
{
	ops_refuse(&out->why, OPS_INVALID, NULL, NULL);
	if (out->nerr < OPS_MSGS_MAX) {
		out->err_line[out->nerr] = line;
		out->err_msg[out->nerr] = msg;
	} else
		out->why.more = 1;
	out->nerr++;
}

static int
is_header(char *const *f, int n)
{
	return n > 0 && strcasecmp(f[0], "label") == 0;
}

/* One record into rows[*n] (copied into a). */
static void
read_row(struct arena *a, char *const *f, int nf, size_t line,
    struct ports_import_out *out)
{
	struct net_port_row	 r;
	struct port_row		*p;
	const char		*why;

	if (!net_port_row(f, nf, &r, &why)) {
		row_error(out, line, why);
		return;
	}
	p = &out->rows[out->nrows++];
	p->line = line;
	p->label = arena_strdup(a, r.label);
	p->sw = arena_strdup(a, r.sw);
	p->port = r.port;
	p->role = arena_strdup(a, r.role);
	p->space = arena_strdup(a, r.space);
}

/* Duplicates inside the file: labels, and switch ports. */
static void
file_duplicates(struct arena *a, struct ports_import_out *out)
{
	const char	**lab, **swp;
	size_t		 i, j;

	lab = arena_calloc(a, out->nrows + 1, sizeof(*lab));
	swp = arena_calloc(a, out->nrows + 1, sizeof(*swp));
	for (i = 0; i < out->nrows; i++) {
		lab[i] = out->rows[i].label;
		swp[i] = arena_printf(a, "%s#%lld", out->rows[i].sw,
		    (long long)out->rows[i].port);
	}
	for (i = 1; i < out->nrows; i++)
		for (j = 0; j < i; j++) {
			if (strcmp(lab[i], lab[j]) == 0)
				row_error(out, out->rows[i].line, arena_printf(a,
				    "Label %s is also on line %zu", lab[i],
				    out->rows[j].line));
			else if (strcmp(swp[i], swp[j]) == 0)
				row_error(out, out->rows[i].line, arena_printf(a,
				    "Port %lld of %s is also on line %zu",
				    (long long)out->rows[i].port,
				    out->rows[i].sw, out->rows[j].line));
		}
}

/* Read every record of the file: 1 (bad rows among them have row
 * errors), or 0: the file cannot be read on. */
static int
read_file(struct arena *a, const struct ports_import_in *in,
    struct ports_import_out *out)
{
	struct usage_csv	*cs;
	char			*f[USAGE_CSV_FIELDS], msg[160];
	int			 nf;

	cs = arena_alloc(a, sizeof(*cs));
	out->rows = arena_calloc(a, PORTS_IMPORT_MAX, sizeof(*out->rows));
	usage_csv_init(cs, in->data, in->len);
	while ((nf = usage_csv_next(cs, f, msg, sizeof(msg))) != 0) {
		if (nf < 0) {
			row_error(out, cs->line, arena_strdup(a, msg));
			return 0;
		}
		if (cs->line == 1 && is_header(f, nf))
			continue;
		if (out->nrows == PORTS_IMPORT_MAX) {
			row_error(out, cs->line, "A file holds at most 512 "
			    "floor ports");
			return 0;
		}
		read_row(a, f, nf, cs->line, out);
	}
	if (out->nrows == 0 && out->nerr == 0) {
		row_error(out, 0, "The file has no floor ports");
		return 0;
	}
	file_duplicates(a, out);
	return 1;
}

/* One row against the site: row errors added; 1 checked, -1 error. */
static int
check_row(struct txn *t, const struct ports_import_in *in, struct port_row *p,
    struct ports_import_out *out)
{
	const char	*what;
	int64_t		 id, ports;
	int		 rc;

	if ((rc = store_switch_by_name(t->a, t->operator_id, in->site, p->sw,
	    &id, &ports)) < 0)
		return -1;
	if (rc == 0)
		row_error(out, p->line, arena_printf(t->a, "This site has no "
		    "switch named %s", p->sw));
	else if (p->port > ports)
		row_error(out, p->line, arena_printf(t->a, "Switch %s has ports "
		    "1 to %lld", p->sw, (long long)ports));
	if ((rc = store_port_clash(t->a, t->operator_id, in->site, p->label,
	    p->sw, p->port, &what)) < 0)
		return -1;
	if (rc > 0)
		row_error(out, p->line, strcmp(what, "label") == 0 ?
		    arena_printf(t->a, "This site already has a floor port "
		    "labelled %s", p->label) : arena_printf(t->a, "Port %lld "
		    "of %s is already a floor port", (long long)p->port, p->sw));
	p->space_id = 0;
	if (*p->space == '\0')
		return 1;
	if ((rc = store_space_by_name(t->a, t->operator_id, in->floor,
	    p->space, &p->space_id)) < 0)
		return -1;
	if (rc == 0)
		row_error(out, p->line, arena_printf(t->a, "This floor has no "
		    "space named %s", p->space));
	return 1;
}

struct import {
	const struct ports_import_in	*in;
	struct ports_import_out		*out;
	size_t				 nerr;	/* of the file's reading */
	int				 more;
};

static int
import_txn(struct txn *t, void *arg)
{
	struct import			*m = arg;
	const struct ports_import_in	*in = m->in;
	struct ports_import_out		*out = m->out;
	size_t				 i;
	int				 rc;

	memset(&out->why, 0, sizeof(out->why));
	out->nerr = m->nerr;
	out->why.more = m->more;
	if ((rc = ops_net_site(t, in->site, &out->why)) <= 0 ||
	    (rc = floor_of(t, in->site, in->floor, &out->why)) <= 0)
		return rc;
	for (i = 0; i < out->nrows; i++)
		if (check_row(t, in, &out->rows[i], out) < 0)
			return -1;
	if (out->nerr > 0)
		return ops_refuse(&out->why, OPS_INVALID, NULL, NULL);
	if (!in->commit)
		return 1;
	for (i = 0; i < out->nrows; i++)
		if (store_port_insert(t->operator_id, in->site, in->floor,
		    out->rows[i].label, out->rows[i].sw, out->rows[i].port,
		    out->rows[i].role, out->rows[i].space_id) < 0)
			return -1;
	return txn_audit(t, 0, in->site, "floor_port", 0, "import", NULL,
	    arena_printf(t->a, "count=%zu\nfirst=%s\nlast=%s", out->nrows,
	    out->rows[0].label, out->rows[out->nrows - 1].label));
}

int
ops_ports_import(struct ops_ctx *c, const struct ports_import_in *in,
    struct ports_import_out *out)
{
	struct import	 m = { in, out, 0, 0 };

	memset(out, 0, sizeof(*out));
	if (!read_file(c->t.a, in, out))
		return 0;
	m.nerr = out->nerr;
	m.more = out->why.more;
	return db_txn(&c->t, import_txn, &m);
}

/* ---- public IP pools ---- */

struct pool {
	const struct ip_pool_add_in	*in;
	struct ip_pool_add_out		*out;
	struct net_cidr			 c;
};

/* The /29 blocks of the pool, their usable addresses free. */
static int
pool_insert(struct txn *t, struct pool *g)
{
	struct net_cidr	 b;
	char		 block[24], addr[DEVICE_IPV4_STRLEN];
	uint32_t	 first, count, k;
	size_t		 i, n = net_cidr_nblocks(&g->c, NET_SELL_PREFIX);

	for (i = 0; i < n; i++) {
		b = net_cidr_block(&g->c, NET_SELL_PREFIX, i);
		net_cidr_format(&b, block, sizeof(block));
		if (device_ipv4_block(block, &first, &count) == -1)
			return -1;
		for (k = 0; k < count; k++) {
			device_ipv4_format(first + k, addr, sizeof(addr));
			if (store_public_ip_insert(t->operator_id, g->in->site,
			    addr, block, 0, "free", NULL) <= 0)
				return -1;
			g->out->addresses++;
		}
		g->out->blocks++;
	}
	return 1;
}

static int
pool_txn(struct txn *t, void *arg)
{
	struct pool	*g = arg;
	const char	*other;
	uint32_t	 last = net_cidr_last(&g->c);
	int64_t		 in_use, pool;
	int		 rc;

	g->out->blocks = g->out->addresses = 0;
	if ((rc = ops_net_site(t, g->in->site, &g->out->why)) <= 0)
		return rc;
	if ((rc = store_ip_pool_overlap(t->a, t->operator_id, g->c.net, last,
	    &other)) < 0)
		return -1;
	if (rc > 0)
		return ops_refuse(&g->out->why, OPS_INVALID, "cidr",
		    arena_printf(t->a, "This block overlaps the pool %s",
		    other));
	if ((in_use = store_ip_in_range(t->a, t->operator_id, g->c.net,
	    last)) < 0)
		return -1;
	if (in_use > 0)
		return ops_refuse(&g->out->why, OPS_INVALID, "cidr",
		    arena_printf(t->a, "This block overlaps %lld address%s "
		    "already in a pool", (long long)in_use, in_use == 1 ? "" :
		    "es"));
	if (store_ip_pool_insert(t->operator_id, g->in->site, g->in->cidr,
	    g->c.net, last, &pool) < 0 || pool_insert(t, g) < 0)
		return -1;
	return txn_audit(t, 0, g->in->site, "ip_pool", pool, "create", NULL,
	    arena_printf(t->a, "cidr=%s\nblocks=%lld\naddresses=%lld",
	    g->in->cidr, (long long)g->out->blocks,
	    (long long)g->out->addresses));
}

int
ops_ip_pool_add(struct ops_ctx *c, const struct ip_pool_add_in *in,
    struct ip_pool_add_out *out)
{
	struct pool	 g;
	const char	*why;

	memset(out, 0, sizeof(*out));
	memset(&g, 0, sizeof(g));
	g.in = in;
	g.out = out;
	if (!net_cidr_parse(in->cidr, &g.c, &why))
		return ops_refuse(&out->why, OPS_INVALID, "cidr", why);
	return db_txn(&c->t, pool_txn, &g);
}
