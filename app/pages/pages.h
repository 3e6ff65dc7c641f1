/*
 * pages: one file per screen, each exporting one entry point
 * page_<screen>(struct req *). The front controller (front.c) has already
 * checked method, route, session, role and CSRF; r->ids holds the numeric
 * path segments in order.
 */
#ifndef TENANTRY_PAGES_H
#define TENANTRY_PAGES_H

/* The one wording of the Wi-Fi device forms (the operator's and the
 * occupier's): what a MAC address may look like and what the allocation
 * means. */
#define WIFI_DEVICE_HINT "Accepted as aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF " \
	"or aabb.ccdd.eeff. Only active devices count against the Wi-Fi " \
	"devices allocation, and a device can be active only within it."

#include <stddef.h>
#include <stdint.h>

#include "../domain/validate.h"
#include "../http/http.h"
#include "../ops/ops.h"
#include "../tpl/tpl_names.h"

struct tpl_dict;
struct store_occupier;
struct rules_result;

void	page_home(struct req *);
void	page_login(struct req *);
void	page_login_code(struct req *);
void	page_twofactor(struct req *);
void	page_logout(struct req *);
void	page_healthz(struct req *);
void	page_fortunes(struct req *);
void	page_dashboard(struct req *);
void	page_search(struct req *);
void	page_occupiers(struct req *);
void	page_occupier(struct req *);
void	page_occupier_edit(struct req *);
void	page_occupier_site(struct req *);
void	page_occupier_contracts(struct req *);
void	page_occupier_services(struct req *);
void	page_services_manage(struct req *);
/* A POST after its session ended (r->expired_user) with that session's
 * CSRF token: the form kept for the user's next sign-in, and a 303 to the
 * sign-in that comes back to path?draft=1. 0: not kept (answer as
 * usual). */
int	page_draft_keep(struct req *);
/* GET path?draft=1 after the sign-in: the form kept for this user and
 * page, as a form list (1; it is deleted), 0 none, -1 answered (error). */
int	page_draft_take(struct req *, struct kvlist *);
void	page_occupier_history(struct req *);
void	page_catalog(struct req *);
void	page_catalog_edit(struct req *);
void	page_catalog_new(struct req *);
void	page_occupier_telephony(struct req *);
void	page_occupier_devices(struct req *);
void	page_site_telephony(struct req *);
void	page_site_telephony_csv(struct req *);
void	page_site_ports(struct req *);
void	page_cases(struct req *);
void	page_case_new(struct req *);
void	page_case(struct req *);
void	page_occupier_charges(struct req *);
void	page_reports(struct req *);
void	page_report_charges(struct req *);
void	page_report_active(struct req *);
void	page_contract_edit(struct req *);
void	page_occupier_movein(struct req *);
void	page_occupier_import(struct req *);
/* contract_edit.c: the contract form's fields (reference, dates, terms)
 * read into in->c: 0, or the number of its errors (shown in d). */
struct contract_save_in;
int	page_contract_read(struct req *, struct tpl_dict *,
	    struct contract_save_in *);
void	page_sites(struct req *);
void	page_site(struct req *);
void	page_site_archive(struct req *);
void	page_site_edit(struct req *);	/* /sites/new, /sites/N/edit */
void	page_site_numbers(struct req *);	/* /sites/N/numbers/new */
/* site_network.c, site_ports_import.c: switches, floor ports, IP pools */
void	page_site_network(struct req *);	/* /sites/N/network */
/* site_ipv6.c: IPv6 pools and delegations (the Network screen's part) */
int	site_ipv6_fill(struct req *, struct tpl_dict *, int64_t site);
void	page_site_ipv6_new(struct req *);	/* /sites/N/ipv6/new */
void	page_site_ipv6_delegate(struct req *);	/* /sites/N/ipv6/delegate */
void	page_site_ipv6_release(struct req *);	/* /sites/N/ipv6/release */
void	page_site_switch_new(struct req *);	/* /sites/N/switches/new */
void	page_site_ports_new(struct req *);	/* /sites/N/ports/new */
void	page_site_ports_import(struct req *);	/* /sites/N/ports/import */
void	page_site_ips_new(struct req *);	/* /sites/N/ips/new */
/* site_floors.c, contract_spaces.c: floors, spaces, a contract's spaces */
void	page_site_floors(struct req *);		/* /sites/N/floors */
void	page_site_floor_new(struct req *);	/* /sites/N/floors/new */
void	page_site_space_edit(struct req *);	/* /sites/N/spaces/new, M/edit */
void	page_site_space_archive(struct req *);	/* /sites/N/spaces/M/archive */
void	page_contract_spaces(struct req *);	/* /occupiers/N/contracts/M/spaces */
void	page_port_space(struct req *);		/* /sites/N/ports/M/space */
struct store_estate_site;
struct ops_result;
/* Load the site of /sites/N/...: 1, or 0 answered (404, 500). */
int	site_network_site(struct req *, struct store_estate_site *);
/* Load the site of /sites/N/... and begin the page (SITE_ID, SITE_NAME):
 * 1, or 0 answered (404, 500). */
int	site_network_begin(struct req *, const char *title, const char *tpl,
	    struct store_estate_site *, struct tpl_dict **);
/* FLOOR_OPT sections (ID, NAME, SELECTED: chosen) of site. -1 error. */
int	site_network_floors(struct req *, struct tpl_dict *, int64_t site,
	    int64_t chosen);
/* Answer an operation's store error (rc < 0) or refusal (rc 0; the form
 * re-rendered with its messages): 1 answered, 0 done (rc > 0). */
int	site_network_failed(struct req *, struct tpl_dict *, int rc,
	    const struct ops_result *);
void	page_team(struct req *);
void	page_occupier_users(struct req *);
void	page_set_password(struct req *);
void	page_account(struct req *);
void	page_my(struct req *);
void	page_my_site(struct req *);
void	page_my_services(struct req *);
void	page_my_telephony(struct req *);
void	page_my_devices(struct req *);
void	page_my_charges(struct req *);
void	page_my_cases(struct req *);
void	page_my_case_new(struct req *);
void	page_my_case(struct req *);
void	page_my_users(struct req *);
void	page_forgot_password(struct req *);
void	page_outbox(struct req *);
void	page_webhooks(struct req *);	/* /settings/webhooks[/N] */
void	page_case_attachment(struct req *);
/* invoicing (sql/040) */
void	page_invoices(struct req *);
void	page_invoice(struct req *);
void	page_invoice_pdf(struct req *);
void	page_bill_runs(struct req *);
void	page_bill_run(struct req *);
void	page_invoice_export(struct req *);
void	page_billing_settings(struct req *);
void	page_catalog_billing(struct req *);
void	page_catalog_usage(struct req *);
void	page_occupier_billing(struct req *);
void	page_my_invoices(struct req *);
void	page_my_invoice(struct req *);
/* Usage billing (site_usage.c, site_usage_import.c, occupier_usage.c). */
void	page_site_usage(struct req *);
void	page_site_usage_nobody(struct req *);
void	page_site_usage_import(struct req *);
void	page_occupier_usage(struct req *);
void	page_occupier_usage_csv(struct req *);
void	page_my_usage(struct req *);
void	page_my_usage_csv(struct req *);
void	page_api_docs(struct req *);
void	page_api_keys(struct req *);	/* /settings/api-keys */

/* ---- layout.c: shared page chrome ---- */

/* Start an HTML page: layout with menu; returns the body dictionary for
 * body_tpl. menu names the active menu entry ("occupiers", "sites"...).
 * NULL when it could not (the 500 is answered). */
struct tpl_dict	*page_begin(struct req *, const char *title,
		    const char *body_tpl, const char *menu);
/* Render the page begun with page_begin (status r->status or 200). */
void		 page_end(struct req *);
/* Handle a store failure: 503 when the database is unreachable, else 500. */
void		 page_store_error(struct req *);
/* The local path to go to after sign-in (the form's or query's "next",
 * only when safe; else "/"). */
const char	*page_next_path(struct req *);
/* Too many failed sign-in attempts: 429, Retry-After and the message. */
void		 page_login_throttled(struct req *, struct tpl_dict *,
		    int64_t wait);

/* ---- the ops layer (ops/ops.h) from a page ---- */

struct ops_ctx;
struct ops_result;
/* The context of an operation run for the signed-in user of r. */
void		 page_ops_ctx(struct req *, struct ops_ctx *);
/* An operation refused: its status into r, its messages into the form of
 * d (each by its field, or for the whole form). */
void		 page_refused(struct req *, struct tpl_dict *,
		    const struct ops_result *);
/* A refusal with no form to show it on (not found, a form no screen of
 * ours sends, busy): answered as an error page, 1; else 0 (for
 * page_refused). */
int		 page_refused_bare(struct req *, const struct ops_result *);
/* Set a value in the dictionary, formatted. */
void		 page_setf(struct tpl_dict *, enum tpl_name key, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));
void		 page_set_date(struct tpl_dict *, enum tpl_name key, int32_t day);
/* key: minor units in the page's currency ("£1,234.56", money_format_cur). */
void		 page_set_money(struct tpl_dict *, enum tpl_name key,
		    int64_t minor);
/*
 * The currency and time zone of the amounts and times a page shows: the
 * operator's from page_begin; a site's own (non-empty) currency and zone
 * win on a page about that site (occupier_nav, my_nav); an invoice's
 * amounts are in the invoice's currency (page_use_currency).
 */
void		 page_use_site(const char *currency, const char *timezone);
void		 page_use_currency(const char *currency);
const char	*page_currency(void);
const char	*page_timezone(void);
/* key: "16 Feb 2026, 14:05" in the page's time zone and iso_key the same as
 * YYYY-MM-DDTHH:MM:SS (TN__MAX: none); "" for t <= 0. */
void		 page_set_time(struct req *, struct tpl_dict *, enum tpl_name key,
		    enum tpl_name iso_key, int64_t t);

/* ---- occupier_pick.c: the occupier picker (one text field) ---- */

struct pick {
	const char	*key;		/* form or query key */
	const char	*html_id;	/* the input's id */
	const char	*label;		/* its label, also names it in messages */
	int		 sr_label;	/* the label for screen readers only */
	int64_t		 site;		/* > 0: occupiers with a contract there */
};
void		 page_occupier_search(struct req *);
/* The picker as include inc of d, showing value. */
void		 pick_fill(struct req *, struct tpl_dict *, enum tpl_name inc,
		    const struct pick *, const char *value, int invalid);
/* The text typed in the picker (query on GET, form on POST; "" none). */
const char	*pick_text(struct req *, const struct pick *);
/* The occupier text names: 1 (*id, *name if not NULL), 0 none or more
 * than one (the message in d, on the field), -1 store error. pick_lookup:
 * the same with the message in *msg. */
int		 pick_lookup(struct req *, const struct pick *,
		    const char *text, int64_t *id, const char **name,
		    const char **msg);
int		 pick_resolve(struct req *, struct tpl_dict *,
		    const struct pick *, const char *text, int64_t *id,
		    const char **name);

/* ---- confirm.c: what cannot be undone ---- */

/* The question of a confirmation: its title, the consequence named (e.g.
 * "+44 20 7946 0202 will be unavailable until 4 Mar 2027."), the button
 * that does it, where Cancel goes (and its label for the breadcrumb, or
 * NULL), and the menu item of the page. */
struct page_confirm {
	const char	*title;
	const char	*consequence;
	const char	*button;
	const char	*back;
	const char	*back_label;
	const char	*menu;
};
/* 1 when the post carries confirm=1: go on. Else the confirmation page
 * is answered (the same fields, posted again with confirm=1) and 0. */
int	 page_confirmed(struct req *, const struct page_confirm *);
/* The consequence of deactivating number (held by holder) today. */
const char *page_deactivate_consequence(struct req *, const char *number,
	    const char *holder);

/* ---- month.c: ?month=YYYY-MM ---- */

/* Read the month (default: this month + default_offset) and fill MONTH,
 * MONTH_LABEL, PREV_MONTH, NEXT_MONTH. 0, or -1 when ?month is malformed. */
/*
 * Keyset paging (a list paged by after=/before= a row's key): of got rows
 * of size bytes fetched (per + 1 asked, after the key, or before it
 * nearest first when before), the number to show (at most per, put back in
 * the list's order) and whether Previous and Next links are due (*prev,
 * *next). have_key: a key was given.
 */
size_t		 page_keyset(void *rows, size_t got, size_t size, size_t per,
		    int have_key, int before, int *prev, int *next);
int	 page_month(struct req *, struct tpl_dict *, int *year, int *month,
	    int default_offset);

/* ---- form.c: validated forms ---- */

/*
 * Read and validate n fields from r->form into v. For each field "key",
 * the dictionary receives F_<KEY> (value as typed) and, on error,
 * F_<KEY>_ERR with the message and section F_<KEY>_INVALID; the ERRORS
 * section lists every message. Returns the number of errors.
 */
int	 form_read(struct req *, struct tpl_dict *, const struct field *,
	    size_t n, struct fval *v);
/* Add one more error to the form (e.g. a cross-field rule). key may be NULL
 * for a form-level message. */
void	 form_error(struct req *, struct tpl_dict *, const char *key,
	    const char *msg);
/* Fill F_<KEY> for every field from current values (edit forms). */
void	 form_fill(struct req *, struct tpl_dict *, const char *key,
	    const char *value);

/*
 * Typed values outside a field table, for the controls of a screen (which
 * button, which row): pages never read the form or the query string any
 * other way. form_id / query_id: 1 a valid id (validate_id) in *id, 0
 * absent or empty, -1 present but not an id. form_id_or_400: 1 a valid id,
 * else 0 with the 400 page answered. form_enum / query_enum: the index of
 * the value in choices (NULL-terminated), -1 absent or not one of them.
 * form_text / query_text: the value when present and at most cap bytes of
 * one line, else NULL. form_has: 1 when the key was sent at all.
 */
int		 form_id(struct req *, const char *key, int64_t *id);
int		 form_id_or_400(struct req *, const char *key, int64_t *id);
int		 query_id(struct req *, const char *key, int64_t *id);
int		 form_enum(struct req *, const char *key,
		    const char *const *choices);
int		 query_enum(struct req *, const char *key,
		    const char *const *choices);
/* The one-time flash the previous redirect left (?done=CODE of a
 * redirect, http_flash_take) as an index of choices, -1 none or another. */
int		 flash_enum(struct req *, const char *const *choices);
const char	*form_text(struct req *, const char *key, size_t cap);
const char	*query_text(struct req *, const char *key, size_t cap);
int		 form_has(struct req *, const char *key);
/* 1 when the query string has key with a value. */
int		 query_has(struct req *, const char *key);
/* A search text (any text, the query parser made it UTF-8): 1 in *s, 0
 * absent (*s ""), -1 over cap bytes. */
int		 query_search(struct req *, const char *key, size_t cap,
		    const char **s);
/* form_int: 1 an integer in [min, max] in *v, 0 absent or empty, -1
 * anything else (a control's value: which row). form_ids: every value
 * sent under key (a repeated field, e.g. hidden drop=ID inputs), in the
 * order sent: 0 each one an id (validate_id), -1 one is not, or more than
 * max of them. */
int		 form_int(struct req *, const char *key, int64_t min,
		    int64_t max, int64_t *v);
int		 form_ids(struct req *, const char *key, size_t max,
		    int64_t **ids, size_t *n);
/*
 * Rows of a form sent as prefix[i][field] (i from 0 to max - 1, any order,
 * any gaps): each present row read through the field table f (n fields,
 * keys without the prefix) into rows[k * n .. k * n + n - 1], in index
 * order; *nrows rows. A field's messages go into the row's own fval err
 * (not into the form). 0 ok, -1 more than max rows or a malformed key.
 */
int		 form_rows(struct req *, const char *prefix,
		    const struct field *f, size_t n, size_t max,
		    struct fval **rows, size_t *nrows);
/* One field of the form read through its table entry f into v (nothing
 * goes into a dictionary: the page decides where a message shows). Returns
 * v->err. */
const char	*form_field(struct req *, const struct field *f,
		    struct fval *v);
/* form_id_set: every value of a repeated key (check boxes) as ids,
 * ascending, each once: 0 (*n may be 0), -1 a value that is not an id
 * (validate_id) or more than max values. */
int		 form_id_set(struct req *, const char *key, size_t max,
		    int64_t **ids, size_t *n);

/* ---- occupier_nav.c: the occupier header, site selector and tabs ---- */

/* Load occupier (404 if not the operator's) and fill the header, site
 * selector (site may be 0) and tabs; tab names the active one.
 * Returns 1 ok, 0 when the response is already made (404/500). */
int	 occupier_nav(struct req *, struct tpl_dict *, int64_t occ,
	    int64_t site, const char *tab, struct store_occupier *o);
/* occupier_nav for a header already read (store_plan_read): 404 when the
 * occupier or the site is not the operator's. */
struct store_plan_head;
int	 occupier_nav_head(struct req *, struct tpl_dict *,
	    const struct store_plan_head *, int64_t site, const char *tab);
/* 1 when tab names an occupier tab ("contracts", ...). */
int	 occupier_tab_known(const char *tab);

/* ---- site.c: a site's floors and their ports ---- */

struct store_floor;
struct store_port;
struct site_floors {
	struct store_floor	*f;
	size_t			 nf;
	struct store_port	*p;		/* every floor's, by floor */
	size_t			 np;
	int64_t			 pool_total, pool_free;	/* public IP pool */
};
/* The floors, floor ports and public IP pool of site. 1, or -1. */
int	 site_floors_read(struct req *, int64_t site, struct site_floors *);
/* POOL_TOTAL, POOL_FREE, section FLOOR per floor (NAME, ID, NPORTS,
 * HAS_PORTS or NO_PORTS) with section PORT per port (LABEL, SWITCH,
 * SWITCH_PORT, ROLE, section HOLDER with OCC_ID and OCC_NAME or NO_HOLDER,
 * STATE), then EMPTY or HAS_FLOORS; row (may be NULL) adds what a screen
 * shows more of a port. */
void	 site_floors_fill(struct tpl_dict *, const struct site_floors *,
	    void (*row)(void *, struct tpl_dict *, const struct store_port *),
	    void *arg);

/* ---- occupier_devices.c: infrastructure fractions ---- */

/* key: the fraction X/Y of kind t (enum infra) in res, e.g. "3/10"
 * (domain §3). */
void	 page_set_fraction(struct tpl_dict *, enum tpl_name key,
	    const struct rules_result *res, int t);

/* ---- shown to the operator and, read-only, to the occupier itself ---- */

/* The Services tab of occupier occ at site; self: the occupier's own
 * read-only view (/my/sites/SITE/services: self-service header, no cost,
 * no Manage services). */
void	 occupier_services_show(struct req *, int64_t occ, int64_t site,
	    int self);
/* The Charges tab, likewise. */
void	 occupier_charges_show(struct req *, int64_t occ, int64_t site,
	    int self);

/* ---- occupier_usage.c: usage on the Charges tabs ---- */

/* The usage block of a Charges tab (include USAGE_BLOCK of d): the usage
 * charge lines of occ at site for the month, and their own total; base
 * is the tab's base path (its Usage tab is base/usage). */
void	 usage_charges_block(struct req *, struct tpl_dict *, int64_t occ,
	    int64_t site, int year, int month, const char *base);
struct usage_occ_month;
/* Allocations, allowances and usage lines of one occupier's month. */
void	 usage_fill_month(struct req *, struct tpl_dict *,
	    const struct usage_occ_month *);

/* ---- my_nav.c: the self-service header, site selector and tabs ---- */

/* For the signed-in occupier user: its sites are those where its occupier
 * has a contract. Fill the header (occupier name, site selector, tabs; tab
 * names the active one) for site, or answer 404 when site is not one of
 * them. Returns 1 ok, 0 when the response is already made. */
int	 my_nav(struct req *, struct tpl_dict *, int64_t site, const char *tab);
/* 1 when tab names a self-service tab ("services", ...). */
int	 my_tab_known(const char *tab);
/* The occupier's sites (ids ascending). 1, or -1 store error. */
int	 my_sites(struct req *, int64_t **ids, size_t *n);
/* 1 when site is one of the occupier's sites, 0 not, -1 store error. */
int	 my_site_ok(struct req *, int64_t site);
/* Case id if the signed-in occupier user may see it (an admin: every case
 * of its occupier; a user: the ones it raised). 1, 0 (404), -1. */
struct store_case;
int	 my_case_load(struct req *, int64_t id, struct store_case *);

#endif
