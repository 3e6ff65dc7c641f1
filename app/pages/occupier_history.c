/*
 * occupier_history: the audit events of an occupier at a site (services,
 * contracts) and of the occupier itself: who, when, old -> new.
 */
#include <string.h>

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

void
page_occupier_history(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct store_occupier	 o;
	struct store_event	*e;
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
	for (i = 0; i < n && i < PER_PAGE; i++) {
		row = tpl_section(d, TN_ROW);
		tpl_set(row, TN_AT, e[i].at);
		tpl_set(row, TN_WHO, e[i].who);
		tpl_set(row, TN_WHAT, action_label(e[i].entity, e[i].action));
		tpl_set(row, TN_OLD, e[i].old_value);
		tpl_set(row, TN_NEW, e[i].new_value);
	}
	tpl_show(d, n == 0 ? TN_EMPTY : TN_HAS_ROWS);
	if (page > 1)
		tpl_set_int(tpl_section(d, TN_PREV), TN_N, page - 1);
	if (n > PER_PAGE)
		tpl_set_int(tpl_section(d, TN_NEXT), TN_N, page + 1);
	page_end(r);
}
