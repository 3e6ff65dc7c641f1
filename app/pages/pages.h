/*
 * pages: one file per screen, each exporting one entry point
 * page_<screen>(struct req *). The front controller (front.c) has already
 * checked method, route, session, role and CSRF; r->ids holds the numeric
 * path segments in order.
 */
#ifndef TENANTRY_PAGES_H
#define TENANTRY_PAGES_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/validate.h"
#include "../http/http.h"

struct tpl_dict;
struct store_occupier;
struct rules_result;

void	page_home(struct req *);
void	page_login(struct req *);
void	page_logout(struct req *);
void	page_healthz(struct req *);
void	page_fortunes(struct req *);
void	page_occupiers(struct req *);
void	page_occupier(struct req *);
void	page_occupier_edit(struct req *);
void	page_occupier_site(struct req *);
void	page_occupier_contracts(struct req *);
void	page_occupier_services(struct req *);
void	page_services_manage(struct req *);
void	page_occupier_history(struct req *);
void	page_catalog(struct req *);
void	page_catalog_edit(struct req *);
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
void	page_sites(struct req *);
void	page_site(struct req *);
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

/* ---- layout.c: shared page chrome ---- */

/* Start an HTML page: layout with menu; returns the body dictionary for
 * body_tpl. menu names the active menu entry ("occupiers", "sites"...). */
struct tpl_dict	*page_begin(struct req *, const char *title,
		    const char *body_tpl, const char *menu);
/* Render the page begun with page_begin (status r->status or 200). */
void		 page_end(struct req *);
/* Handle a store failure: 503 when the database is unreachable, else 500. */
void		 page_store_error(struct req *);
/* Set a value in the dictionary, formatted. */
void		 page_setf(struct tpl_dict *, const char *key, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));
void		 page_set_date(struct tpl_dict *, const char *key, int32_t day);
void		 page_set_money(struct tpl_dict *, const char *key, int64_t minor);
/* KEY: "16 February 2026, 14:05" (local time) and KEY_ISO; "" for t <= 0. */
void		 page_set_time(struct req *, struct tpl_dict *, const char *key,
		    int64_t t);

/* ---- month.c: ?month=YYYY-MM ---- */

/* Read the month (default: this month + default_offset) and fill MONTH,
 * MONTH_LABEL, PREV_MONTH, NEXT_MONTH. 0, or -1 when ?month is malformed. */
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

/* ---- case_files.c: attachments of cases ---- */

/* A file being attached, checked. */
struct case_file {
	char		 name[128];	/* hd_attach_name */
	const char	*ctype;		/* hd_attach_type */
	const char	*data;		/* NULL: no file */
	size_t		 len;
};
/* The form's "file" upload, if any: 1 a file fit to attach (cf filled),
 * 0 none, -1 refused (the message added to the form). */
int	 case_file_check(struct req *, struct tpl_dict *, struct case_file *);
/* Store cf with case id (comment 0: with the case itself), inside the
 * caller's transaction; nothing when cf holds no file. 1, 0 (no such
 * case), -1. */
int	 case_file_save(struct req *, int64_t case_id, int64_t comment,
	    const struct case_file *);
/* Section ATTACHMENT (HREF base/attachments/ID, NAME, SIZE, BY, AT) and
 * HAS_ATTACHMENTS. 1, -1. */
int	 case_files_fill(struct req *, struct tpl_dict *, int64_t case_id,
	    const char *base);

#endif
