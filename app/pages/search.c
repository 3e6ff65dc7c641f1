/*
 * search: the global search box of the layout (a GET form, no JavaScript
 * needed). A query is tried as each kind it can be (domain/lookup.h): a
 * phone number in any formatting, an IP address, a MAC address in any
 * separator or case, a floor-port label; what is found is listed by kind
 * with links to its occupier, its site and the screen that manages it.
 * Only the signed-in operator's rows are searched.
 */
#include <string.h>

#include "../domain/device.h"
#include "../domain/lookup.h"
#include "../store/store_dashboard.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define QUERY_CAP	100
#define FOUND_CAP	20

/* What a found row links to: its screen (at the occupier's tab when it
 * has a holder, else the site's screen). */
static void
set_found(struct tpl_dict *row, const struct store_dash_item *it,
    const char *occ_tab, const char *site_screen)
{
	tpl_set(row, TN_TEXT, it->text);
	tpl_set(row, TN_STATE, it->state);
	tpl_set_int(row, TN_SITE_ID, it->site_id);
	tpl_set(row, TN_SITE, it->site_name);
	if (it->occ_id > 0) {
		struct tpl_dict *o = tpl_section(row, TN_HOLDER);

		tpl_set_int(o, TN_OCC_ID, it->occ_id);
		tpl_set(o, TN_OCCUPIER, it->occ_name);
		tpl_set_int(o, TN_SITE_ID, it->site_id);
		tpl_set(o, TN_TAB, occ_tab);
	} else
		tpl_show(row, TN_NO_HOLDER);
	tpl_set(row, TN_SCREEN, site_screen);
}

/* One kind of result: its rows as section sec with a heading. */
static size_t
fill_kind(struct tpl_dict *d, const char *heading,
    const struct store_dash_list *l, const char *occ_tab,
    const char *site_screen)
{
	struct tpl_dict	*k, *row;
	size_t		 i;

	if (l->n == 0)
		return 0;
	k = tpl_section(d, TN_KIND);
	tpl_set(k, TN_HEADING, heading);
	for (i = 0; i < l->n; i++) {
		row = tpl_section(k, TN_FOUND);
		set_found(row, &l->v[i], occ_tab, site_screen);
		if (l->v[i].extra[0] != '\0')
			tpl_set(tpl_section(row, TN_DETAIL), TN_TEXT,
			    l->v[i].extra);
	}
	return l->n;
}

/* Every kind the query can be; the number of rows found, -1 error. */
static long
run_search(struct req *r, struct tpl_dict *d, const char *q)
{
	struct store_dash_list	 l;
	char			 b[LOOKUP_PHONE_CAP + LOOKUP_IP_CAP];
	int64_t			 op = r->user.operator_id;
	size_t			 n = 0, i;

	if (lookup_phone(q, b, sizeof(b))) {
		if (store_search_phone(r->a, op, b, FOUND_CAP, &l) < 0)
			return -1;
		n += fill_kind(d, "Phone numbers", &l, "telephony",
		    "telephony");
	}
	if (lookup_ip(q, b, sizeof(b))) {
		if (store_search_ip(r->a, op, b, FOUND_CAP, &l) < 0)
			return -1;
		n += fill_kind(d, "IP addresses", &l, "services", "");
	}
	if (device_mac_parse(q, b, sizeof(b)) == NULL) {
		if (store_search_mac(r->a, op, b, FOUND_CAP, &l) < 0)
			return -1;
		for (i = 0; i < l.n; i++)	/* "Reception laptop (aa:..)" */
			l.v[i].extra = strcmp(l.v[i].kind, "ip") == 0 ?
			    arena_printf(r->a, "IP address used by %s", b) :
			    arena_printf(r->a, "Wi-Fi device %s", b);
		n += fill_kind(d, "Devices (MAC address)", &l, "devices", "");
	}
	if (store_search_port(r->a, op, q, FOUND_CAP, &l) < 0)
		return -1;
	for (i = 0; i < l.n; i++)
		l.v[i].extra = arena_printf(r->a, "%s, switch %s port %lld",
		    l.v[i].extra, l.v[i].kind, (long long)l.v[i].n[0]);
	n += fill_kind(d, "Floor ports", &l, "services", "ports");
	return (long)n;
}

void
page_search(struct req *r)
{
	struct tpl_dict	*d;
	const char	*raw;
	char		 q[QUERY_CAP + 1];
	long		 n;

	if (query_search(r, "find", QUERY_CAP, &raw) < 0) {
		http_error_msg(r, 400, "The search text is too long "
		    "(100 bytes at most).");
		return;
	}
	if ((d = page_begin(r, "Search", "search.tpl", NULL)) == NULL)
		return;
	if (!lookup_trim(raw, q, sizeof(q))) {
		tpl_show(d, TN_NO_QUERY);
		page_end(r);
		return;
	}
	tpl_set(d, TN_Q, q);
	if ((n = run_search(r, d, q)) < 0) {
		page_store_error(r);
		return;
	}
	if (n == 0)
		tpl_show(d, TN_NOTHING);
	else
		page_setf(d, TN_COUNT, "%ld found", n);
	page_end(r);
}
