/*
 * site_floors: a site's floors and spaces (/sites/N/floors): each space
 * with its kind, capacity, floor ports and holder; for operator admins
 * the forms that add a floor (/sites/N/floors/new), add or edit a space
 * (/sites/N/spaces/new, /sites/N/spaces/M/edit) and archive an unused
 * space (POST /sites/N/spaces/M/archive).
 */
#include <stdio.h>
#include <string.h>

#include "../ops/spaces.h"
#include "../store/store.h"
#include "../store/store_estate.h"
#include "../tpl/tpl.h"
#include "pages.h"

static const char *
kind_label(const char *k)
{
	return strcmp(k, "office") == 0 ? "Office" : strcmp(k, "suite") == 0 ?
	    "Suite" : strcmp(k, "desk") == 0 ? "Desk" : k;
}

static void
fill_space(struct tpl_dict *row, const struct store_space *s, int admin)
{
	tpl_set_int(row, TN_ID, s->id);
	tpl_set(row, TN_NAME, s->name);
	tpl_set(row, TN_KIND, kind_label(s->kind));
	tpl_set_int(row, TN_CAPACITY, s->capacity);
	tpl_set(row, TN_PORTS, *s->ports ? s->ports : "None");
	tpl_set(row, TN_HOLDER, *s->holder ? s->holder : "Free");
	if (s->archived)
		tpl_show(row, TN_ARCHIVED);
	else if (admin)
		tpl_show(row, TN_CAN_EDIT);
}

/* The floors and their spaces into d. -1 store error. */
static int
fill_floors(struct req *r, struct tpl_dict *d, int64_t site)
{
	struct store_floor	*f;
	struct store_space	*sp;
	struct tpl_dict		*fd;
	size_t			 nf, ns, i, j, k;
	int			 admin = r->user.role == ROLE_OPERATOR_ADMIN;

	if (store_floor_list(r->a, r->user.operator_id, site, &f, &nf) < 0 ||
	    store_space_list(r->a, r->user.operator_id, site, &sp, &ns) < 0)
		return -1;
	for (i = 0; i < nf; i++) {
		fd = tpl_section(d, TN_FLOOR);
		tpl_set(fd, TN_NAME, f[i].name);
		tpl_set_int(fd, TN_ID, f[i].id);
		for (j = k = 0; j < ns; j++)
			if (sp[j].floor_id == f[i].id) {
				fill_space(tpl_section(fd, TN_SPACE), &sp[j],
				    admin);
				k++;
			}
		tpl_show(fd, k > 0 ? TN_HAS_SPACES : TN_NO_SPACES);
	}
	tpl_show(d, nf > 0 ? TN_HAS_FLOORS : TN_EMPTY);
	if (admin)
		tpl_show(d, TN_ADMIN);
	return 1;
}

void
page_site_floors(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	static const char *const done[] = { "floor", "space", "archived",
	    NULL };
	static const char *const msgs[] = { "Floor added.", "Space saved.",
	    "Space archived." };
	int				 k;

	if (!site_network_begin(r, "Floors and spaces", "site_floors.tpl", &s,
	    &d))
		return;
	if (fill_floors(r, d, s.id) < 0) {
		page_store_error(r);
		return;
	}
	if ((k = flash_enum(r, done)) >= 0)
		tpl_set(tpl_section(d, TN_DONE), TN_MSG, msgs[k]);
	page_end(r);
}

void
page_site_space_archive(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	struct ops_ctx			 c;
	struct ops_result		 why;
	int				 rc;

	if (!site_network_begin(r, "Floors and spaces", "site_floors.tpl", &s,
	    &d))
		return;
	page_ops_ctx(r, &c);
	if ((rc = ops_space_archive(&c, s.id, r->ids[1], &why)) > 0) {
		http_redirect(r, arena_printf(r->a, "/sites/%lld/floors?"
		    "done=archived", (long long)s.id));
		return;
	}
	if (rc < 0 || fill_floors(r, d, s.id) < 0) {
		page_store_error(r);
		return;
	}
	if (page_refused_bare(r, &why))
		return;
	page_refused(r, d, &why);
	page_end(r);
}

/* ---- add a floor ---- */

enum fl_field { FL_NAME, FL_LEVEL, FL__MAX };

static const struct field fl_fields[FL__MAX] = {
	[FL_NAME] = { "name", "Name", FT_TEXT, 100, 1, 0, 0, NULL },
	[FL_LEVEL] = { "level", "Level", FT_INT, 4, 1, -9, 200, NULL },
};

void
page_site_floor_new(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	struct fval			 v[FL__MAX];
	struct ops_ctx			 c;
	struct floor_add_in		 in;
	struct floor_add_out		 out;

	if (!site_network_begin(r, "Add a floor", "site_floor_new.tpl", &s, &d))
		return;
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	if (form_read(r, d, fl_fields, FL__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	in.site = s.id;
	in.name = v[FL_NAME].s;
	in.level = v[FL_LEVEL].i;
	page_ops_ctx(r, &c);
	if (site_network_failed(r, d, ops_floor_add(&c, &in, &out),
	    &out.why))
		return;
	http_redirect(r, arena_printf(r->a, "/sites/%lld/floors?done=floor",
	    (long long)s.id));
}

/* ---- add or edit a space ---- */

enum sp_field { SP_FLOOR, SP_NAME, SP_KIND, SP_CAPACITY, SP__MAX };

static const struct field sp_fields[SP__MAX] = {
	[SP_FLOOR] = { "floor", "Floor", FT_ID, 20, 1, 0, 0, NULL },
	[SP_NAME] = { "name", "Name", FT_TEXT, 100, 1, 0, 0, NULL },
	[SP_KIND] = { "kind", "Kind", FT_ENUM, 16, 1, 0, 0, space_kinds },
	[SP_CAPACITY] = { "capacity", "Capacity", FT_INT, 6, 1, 1, 10000,
	    NULL },
};

/* The space edited (r->ids[1]) into the form on a GET: 1, 0 answered. */
static int
space_load(struct req *r, struct tpl_dict *d, int64_t site, int64_t *floor)
{
	struct store_space	 cur;
	int			 rc;

	*floor = 0;
	form_id(r, "floor", floor);
	if (r->nids < 2) {
		tpl_show(d, TN_CREATING);
		return 1;
	}
	tpl_show(d, TN_EDITING);
	tpl_set_int(d, TN_SPACE_ID, r->ids[1]);
	if ((rc = store_space_get(r->a, r->user.operator_id, site, r->ids[1],
	    &cur)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		else
			http_error(r, 404);
		return 0;
	}
	if (r->method == M_GET) {
		*floor = cur.floor_id;
		form_fill(r, d, "name", cur.name);
		form_fill(r, d, "kind", cur.kind);
		form_fill(r, d, "capacity", arena_printf(r->a, "%lld",
		    (long long)cur.capacity));
	}
	return 1;
}

static void
fill_kinds(struct req *r, struct tpl_dict *d)
{
	const char	*cur = form_text(r, "kind", 16);
	struct tpl_dict	*row;
	size_t		 i;

	for (i = 0; space_kinds[i] != NULL; i++) {
		row = tpl_section(d, TN_KIND_OPT);
		tpl_set(row, TN_KEY, space_kinds[i]);
		tpl_set(row, TN_NAME, kind_label(space_kinds[i]));
		if (cur != NULL && strcmp(cur, space_kinds[i]) == 0)
			tpl_show(row, TN_SELECTED);
	}
}

void
page_site_space_edit(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	struct fval			 v[SP__MAX];
	struct ops_ctx			 c;
	struct space_save_in		 in;
	struct ops_result		 why;
	int64_t				 floor;

	if (!site_network_begin(r, r->nids < 2 ? "Add a space" : "Edit space",
	    "site_space_edit.tpl", &s, &d) || !space_load(r, d, s.id, &floor))
		return;
	if (site_network_floors(r, d, s.id, floor) < 0) {
		page_store_error(r);
		return;
	}
	fill_kinds(r, d);
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	if (form_read(r, d, sp_fields, SP__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	in.site = s.id;
	in.id = r->nids < 2 ? 0 : r->ids[1];
	in.floor = v[SP_FLOOR].i;
	in.name = v[SP_NAME].s;
	in.kind = space_kinds[v[SP_KIND].i];
	in.capacity = v[SP_CAPACITY].i;
	page_ops_ctx(r, &c);
	if (site_network_failed(r, d, ops_space_save(&c, &in, &why), &why))
		return;
	http_redirect(r, arena_printf(r->a, "/sites/%lld/floors?done=space",
	    (long long)s.id));
}
