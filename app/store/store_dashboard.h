/*
 * store_dashboard: the reads of the operator's start page and of the
 * global search (sql_dashboard.def). Every function takes the operator id
 * of the signed-in user and filters on it. Each is one statement (a
 * LIMITed seek or one aggregate), whatever the operator's size.
 *
 * Return convention (db.h): <0 error (logged), >=0 ok (the rows may be
 * none). Strings live in the arena passed in.
 */
#ifndef TENANTRY_STORE_DASHBOARD_H
#define TENANTRY_STORE_DASHBOARD_H

#include <stddef.h>
#include <stdint.h>

struct arena;

/* One row of a block: what it is about, with the occupier and site it
 * belongs to (occ_id 0: none). The meaning of the numbers, day and the
 * texts is the function's. */
struct store_dash_item {
	int64_t		 id;
	const char	*text;		/* subject, reference, service, ... */
	const char	*kind;		/* "start"/"end", "device"/"ip", ... */
	const char	*state;
	const char	*extra;
	int32_t		 day;		/* DATE_NONE: none */
	int64_t		 time;		/* unix seconds, 0: none */
	int64_t		 occ_id;
	const char	*occ_name;
	int64_t		 site_id;
	const char	*site_name;
	int64_t		 n[10];
};

struct store_dash_list {
	struct store_dash_item	*v;
	size_t			 n;
};

/* Open cases: how many, and the oldest limit (time: raised at). */
int	 store_dash_cases(struct arena *, int64_t op, int64_t limit,
	    int64_t *count, struct store_dash_list *);
/* Contracts starting (kind "start") or ending ("end") on a day of
 * [from, to], soonest first (day; text: reference): how many of each,
 * and the first limit. */
int	 store_dash_contracts(struct arena *, int64_t op, int32_t from,
	    int32_t to, int64_t limit, int64_t *starting, int64_t *ending,
	    struct store_dash_list *);
/* Services awaiting activation on today (day: their start, DATE_NONE
 * while waiting for a device; text: service; n[0]: QTY): how many, and
 * the soonest limit. */
int	 store_dash_pending(struct arena *, int64_t op, int32_t today,
	    int64_t limit, int64_t *count, struct store_dash_list *);
/* Occupiers over an allocation at a site: how many (occupier, site)
 * pairs, counted up to DASH_OVER_COUNTED + 1 (more: "more than
 * DASH_OVER_COUNTED"), and the first limit by occupier name: n[2t] in use
 * and n[2t+1] allocated of each kind t of enum infra (domain/rules.h). */
#define DASH_OVER_COUNTED	1000
int	 store_dash_over(struct arena *, int64_t op, int64_t limit,
	    int64_t *count, struct store_dash_list *);
/* The charges of the 12 months from first (a first of a month) by site:
 * n[0] month index 0..11, n[1] amount (minor units). */
int	 store_dash_charges(struct arena *, int64_t op, int32_t first,
	    struct store_dash_list *);

/* The global search (text: the number, address, device label or port
 * label; state; extra: the device MAC of an IP, or the floor and switch
 * port of a port). */
int	 store_search_phone(struct arena *, int64_t op, const char *digits,
	    int64_t limit, struct store_dash_list *);
int	 store_search_ip(struct arena *, int64_t op, const char *address,
	    int64_t limit, struct store_dash_list *);
/* kind "device" (id: the device) or "ip" (id: the address). */
int	 store_search_mac(struct arena *, int64_t op, const char *mac,
	    int64_t limit, struct store_dash_list *);
int	 store_search_port(struct arena *, int64_t op, const char *label,
	    int64_t limit, struct store_dash_list *);

#endif
