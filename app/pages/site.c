/*
 * site: one building: its floors and each floor's ports (label, switch,
 * switch port, role, holder, state), the size of its public IP pool, and
 * the ways to the screens that change them (floor ports, telephony). The
 * floors and ports are shown the same way on the floor ports screen
 * (site_floors_read, site_floors_fill).
 */
#include <string.h>

#include "../domain/date.h"
#include "../domain/port.h"
#include "../ops/sites.h"
#include "../store/store.h"
#include "../store/store_device.h"
#include "../tpl/tpl.h"
#include "pages.h"

int
site_floors_read(struct req *r, int64_t site, struct site_floors *sf)
{
	memset(sf, 0, sizeof(*sf));
	if (store_floor_list(r->a, r->user.operator_id, site, &sf->f,
	    &sf->nf) < 0 ||
	    store_port_list_site(r->a, r->user.operator_id, site, &sf->p,
	    &sf->np) < 0 ||
	    store_public_ip_pool(r->a, r->user.operator_id, site,
	    &sf->pool_total, &sf->pool_free) < 0)
		return -1;
	return 1;
}

static void
fill_port(struct tpl_dict *row, const struct store_port *p)
{
	struct tpl_dict	*h;

	tpl_set(row, TN_LABEL, p->label);
	tpl_set(row, TN_SWITCH, p->switch_name);
	tpl_set_int(row, TN_SWITCH_PORT, p->switch_port);
	tpl_set(row, TN_ROLE, port_role_label(p->role));
	if (p->occupier_id > 0) {
		h = tpl_section(row, TN_HOLDER);
		tpl_set_int(h, TN_OCC_ID, p->occupier_id);
		tpl_set(h, TN_OCC_NAME, p->occupier_name);
	} else
		tpl_show(row, TN_NO_HOLDER);
	tpl_set(row, TN_STATE, strcmp(p->state, "active") == 0 ? "Active" :
	    "Inactive");
}

void
site_floors_fill(struct tpl_dict *d, const struct site_floors *sf,
    void (*row)(void *, struct tpl_dict *, const struct store_port *),
    void *arg)
{
	struct tpl_dict	*fd, *pd;
	size_t		 i, j, count;

	tpl_set_int(d, TN_POOL_TOTAL, sf->pool_total);
	tpl_set_int(d, TN_POOL_FREE, sf->pool_free);
	for (i = 0; i < sf->nf; i++) {
		fd = tpl_section(d, TN_FLOOR);
		tpl_set(fd, TN_NAME, sf->f[i].name);
		tpl_set_int(fd, TN_ID, sf->f[i].id);
		for (j = count = 0; j < sf->np; j++) {
			if (sf->p[j].floor_id != sf->f[i].id)
				continue;
			count++;
			pd = tpl_section(fd, TN_PORT);
			fill_port(pd, &sf->p[j]);
			if (row != NULL)
				row(arg, pd, &sf->p[j]);
		}
		tpl_set_int(fd, TN_NPORTS, (long long)count);
		tpl_show(fd, count == 0 ? TN_NO_PORTS : TN_HAS_PORTS);
	}
	tpl_show(d, sf->nf == 0 ? TN_EMPTY : TN_HAS_FLOORS);
}

/* The site page (d from page_begin): its state, its floors and ports. */
static int
site_fill(struct req *r, struct tpl_dict *d, const struct store_site *s)
{
	struct site_floors	 sf;
	struct tpl_dict		*a;
	char			 day[32];

	if (site_floors_read(r, s->id, &sf) < 0)
		return -1;
	tpl_set(d, TN_SITE_NAME, s->name);
	tpl_set(d, TN_SITE_ADDRESS, s->address);
	tpl_set_int(d, TN_SITE_ID, s->id);
	a = NULL;
	if (s->archived != DATE_NONE) {
		date_format_long(s->archived, day, sizeof(day));
		a = tpl_section(d, TN_ARCHIVED);
		tpl_set(a, TN_DATE, day);
	}
	if (r->user.role == ROLE_OPERATOR_ADMIN) {
		tpl_show(d, TN_CAN_EDIT);
		tpl_show(a != NULL ? a : d, a != NULL ? TN_CAN_RESTORE :
		    TN_CAN_ARCHIVE);
	}
	site_floors_fill(d, &sf, NULL, NULL);
	return 1;
}

/* The site of the path, or the 404 / error page answered (0). */
static int
site_read(struct req *r, struct store_site *s)
{
	int	 rc;

	if ((rc = store_site_get(r->a, r->user.operator_id, r->ids[0], s)) < 0)
		page_store_error(r);
	else if (rc == 0)
		http_error(r, 404);
	return rc > 0;
}

void
page_site(struct req *r)
{
	struct tpl_dict		*d;
	struct store_site	 s;

	if (!site_read(r, &s) ||
	    (d = page_begin(r, s.name, "site.tpl", "sites")) == NULL)
		return;
	if (site_fill(r, d, &s) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}

/*
 * POST /sites/{id}/archive, do=archive or do=restore (operator admins):
 * back to the site page with a flash, or the site page again with the
 * reason it was refused (contracts still running).
 */
void
page_site_archive(struct req *r)
{
	static const char *const acts[] = { "archive", "restore", NULL };
	struct tpl_dict		*d;
	struct store_site	 s;
	struct ops_ctx		 c;
	struct site_archive_in	 in;
	struct ops_result	 why;
	int			 act, rc;

	if ((act = form_enum(r, "do", acts)) < 0) {
		http_error(r, 400);
		return;
	}
	if (!site_read(r, &s))
		return;
	in.id = s.id;
	in.archive = act == 0;
	in.today = r->today;
	page_ops_ctx(r, &c);
	if ((rc = ops_site_archive(&c, &in, &why)) > 0) {
		http_redirect(r, arena_printf(r->a, "/sites/%lld?done=%s",
		    (long long)s.id, act == 0 ? "site_archived" : "site_restored"));
		return;
	}
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (page_refused_bare(r, &why) ||
	    (d = page_begin(r, s.name, "site.tpl", "sites")) == NULL)
		return;
	if (site_fill(r, d, &s) < 0) {
		page_store_error(r);
		return;
	}
	page_refused(r, d, &why);
	page_end(r);
}
