/*
 * occupier_history: the audit events of an occupier at a site (services,
 * contracts) and of the occupier itself: who, when (in the site's time
 * zone, else the operator's), what, and the fields that changed with
 * their labels, old -> new (domain/history.c).
 */
#include <string.h>
#include <time.h>

#include "../arena.h"
#include "../domain/history.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define PER_PAGE	50

static const char *
action_label(const char *entity, const char *action)
{
	static const struct {
		const char *entity, *action, *label;
	} labels[] = {
		{ "occupier_service", "add", "Service added" },
		{ "occupier_service", "update", "Service changed" },
		{ "occupier_service", "remove", "Service removed" },
		{ "occupier_service", "activate", "Service activated" },
		{ "occupier_service", "move", "Service start moved" },
		{ "contract", "create", "Contract created" },
		{ "contract", "update", "Contract changed" },
		{ "occupier", "create", "Occupier created" },
		{ "occupier", "update", "Occupier changed" },
		{ "phone_number", "allocate", "Number allocated" },
		{ "phone_number", "deallocate", "Number deallocated" },
		{ "phone_number", "activate", "Number activated" },
		{ "phone_number", "deactivate", "Number deactivated" },
		{ "phone_number", "set_main", "Main number changed" },
		{ "floor_port", "assign", "Floor port assigned" },
		{ "floor_port", "unassign", "Floor port unassigned" },
		{ "floor_port", "role", "Switch port role changed" },
		{ "floor_port", "activate", "Floor port activated" },
		{ "floor_port", "deactivate", "Floor port deactivated" },
		{ "public_ip", "assign", "Public IP assigned" },
		{ "public_ip", "release", "Public IP released" },
		{ "public_ip", "activate", "Public IP activated" },
		{ "public_ip", "deactivate", "Public IP deactivated" },
		{ "device", "register", "Device registered" },
		{ "device", "activate", "Device activated" },
		{ "device", "deactivate", "Device deactivated" },
		{ "device", "remove", "Device removed" },
		{ "case", "create", "Case raised" },
		{ "case", "comment", "Case comment" },
		{ "case", "close", "Case closed" },
		{ "case", "reopen", "Case reopened" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(entity, labels[i].entity) == 0 &&
		    strcmp(action, labels[i].action) == 0)
			return labels[i].label;
	return action;
}

/* Row of event e at local time tm: who, what, and its fields old → new. */
static void
fill_row(struct req *r, struct tpl_dict *d, const struct store_event *e,
    const struct tm *tm)
{
	struct tpl_dict		*row, *ch, *c;
	struct hist_view	 v;
	char			 when[48], iso[32];
	size_t			 i;

	row = tpl_section(d, TN_ROW);
	history_when(tm, when, sizeof(when));
	strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%S", tm);
	tpl_set(row, TN_AT, when);
	tpl_set(row, TN_AT_ISO, iso);
	tpl_set(row, TN_WHO, e->who);
	tpl_set(row, TN_WHAT, action_label(e->entity, e->action));
	if (history_view(r->a, e->entity, e->old_value, e->new_value,
	    page_currency(), &v) < 0 || v.n == 0) {
		tpl_show(row, TN_NO_CHANGE);
		return;
	}
	if (v.subject != NULL && *v.subject != '\0')
		tpl_set(tpl_section(row, TN_SUBJECT), TN_TEXT, v.subject);
	ch = tpl_section(row, TN_CHANGES);
	for (i = 0; i < v.n; i++) {
		c = tpl_section(ch, TN_CHANGE);
		tpl_set(c, TN_LABEL, v.lines[i].label);
		if (v.lines[i].old != NULL)
			tpl_set(tpl_section(c, TN_FROM), TN_OLD,
			    v.lines[i].old);
		if (v.lines[i].old != NULL && v.lines[i].new != NULL)
			tpl_show(c, TN_ARROW);
		if (v.lines[i].new != NULL)
			tpl_set(tpl_section(c, TN_TO), TN_NEW, v.lines[i].new);
	}
}

/* The events' times in the page's zone (the site's, else the
 * operator's); the zone named in the header. */
static struct tm *
local_times(struct req *r, struct tpl_dict *d, const struct store_event *e,
    size_t n)
{
	struct tm	*tm;
	int64_t		*t;
	size_t		 i;

	tm = arena_calloc(r->a, n + 1, sizeof(*tm));
	t = arena_calloc(r->a, n + 1, sizeof(*t));
	for (i = 0; i < n; i++)
		t[i] = e[i].at;
	history_local(t, n, page_timezone(), tm);
	tpl_set(d, TN_ZONE, *page_timezone() ? page_timezone() : "local");
	return tm;
}

void
page_occupier_history(struct req *r)
{
	struct tpl_dict		*d;
	struct store_occupier	 o;
	struct store_event	*e;
	struct tm		*tm;
	int64_t			 page;
	size_t			 n, i;

	/* A page number that is not one is page 1. */
	if (query_id(r, "page", &page) != 1 || page > 100000)
		page = 1;
	if ((d = page_begin(r, "History", "occupier_history.tpl",
	    "occupiers")) == NULL)
		return;
	if (!occupier_nav(r, d, r->ids[0], r->ids[1], "history", &o))
		return;
	if (store_history(r->a, r->user.operator_id, o.id, r->ids[1],
	    (page - 1) * PER_PAGE, PER_PAGE + 1, &e, &n) < 0) {
		page_store_error(r);
		return;
	}
	tm = local_times(r, d, e, n < PER_PAGE ? n : PER_PAGE);
	for (i = 0; i < n && i < PER_PAGE; i++)
		fill_row(r, d, &e[i], &tm[i]);
	tpl_show(d, n == 0 ? TN_EMPTY : TN_HAS_ROWS);
	if (page > 1)
		tpl_set_int(tpl_section(d, TN_PREV), TN_N, page - 1);
	if (n > PER_PAGE)
		tpl_set_int(tpl_section(d, TN_NEXT), TN_N, page + 1);
	page_end(r);
}
