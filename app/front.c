/*
 * front: see front.h.
 */
#include <stdio.h>
#include <string.h>

#include "front.h"
#include "api/api.h"
#include "http/http.h"
#include "log.h"
#include "pages/pages.h"
#include "session.h"
#include "store/db.h"
#include "store/store.h"

#define MG	(1u << M_GET)
#define MP	(1u << M_POST)
#define MU	(1u << M_PUT)
#define MA	(1u << M_PATCH)

enum page {
	PAGE_HOME,		/* / */
	PAGE_HEALTHZ,		/* /healthz */
	PAGE_FORTUNES,		/* /fortunes */
	PAGE_LOGIN,		/* /login */
	PAGE_LOGOUT,		/* /logout */
	PAGE_DASHBOARD,		/* /dashboard */
	PAGE_SEARCH,		/* /search */
	PAGE_OCCUPIERS,		/* /occupiers */
	PAGE_OCCUPIER_NEW,	/* /occupiers/new */
	PAGE_OCCUPIER_SEARCH,	/* /occupiers/search */
	PAGE_OCCUPIER,		/* /occupiers/# */
	PAGE_OCCUPIER_EDIT,	/* /occupiers/#/edit */
	PAGE_OCCUPIER_SITE,	/* /occupiers/#/site */
	PAGE_CONTRACTS,		/* /occupiers/#/sites/#/contracts */
	PAGE_CONTRACT_NEW,	/* /occupiers/#/sites/#/contracts/new */
	PAGE_CONTRACT_EDIT,	/* /occupiers/#/contracts/#/edit */
	PAGE_OCC_MOVEIN,	/* /occupiers/#/move-in */
	PAGE_OCC_IMPORT,	/* /occupiers/import */
	PAGE_SERVICES,		/* /occupiers/#/sites/#/services */
	PAGE_SERVICES_MANAGE,	/* /occupiers/#/sites/#/services/manage */
	PAGE_HISTORY,		/* /occupiers/#/sites/#/history */
	PAGE_CATALOG,		/* /catalog */
	PAGE_CATALOG_SERVICE,	/* /catalog/# (GET: everyone operator-side) */
	PAGE_CATALOG_EDIT,	/* /catalog/# (POST: operator admins) */
	PAGE_CATALOG_NEW,	/* /catalog/new (operator admins) */
	PAGE_OCC_TELEPHONY,	/* /occupiers/#/sites/#/telephony */
	PAGE_OCC_DEVICES,	/* /occupiers/#/sites/#/devices */
	PAGE_SITE_TELEPHONY,	/* /sites/#/telephony */
	PAGE_SITE_TELEPHONY_CSV,/* /sites/#/telephony.csv */
	PAGE_SITE_PORTS,	/* /sites/#/ports */
	PAGE_CASES,		/* /cases */
	PAGE_CASE_NEW,		/* /cases/new */
	PAGE_CASE,		/* /cases/# */
	PAGE_OCC_CHARGES,	/* /occupiers/#/sites/#/charges */
	PAGE_REPORTS,		/* /reports */
	PAGE_REPORT_CHARGES,	/* /reports/charges */
	PAGE_REPORT_CHARGES_CSV,/* /reports/charges.csv */
	PAGE_REPORT_ACTIVE,	/* /reports/active-services */
	PAGE_REPORT_ACTIVE_CSV,	/* /reports/active-services.csv */
	PAGE_SITES,		/* /sites */
	PAGE_SITE,		/* /sites/# */
	PAGE_SITE_NEW,		/* /sites/new (operator admins) */
	PAGE_SITE_EDIT,		/* /sites/#/edit (operator admins) */
	PAGE_SITE_ARCHIVE,	/* /sites/#/archive (operator admins) */
	PAGE_SITE_NUMBERS,	/* /sites/#/numbers/new (operator admins) */
	PAGE_SITE_NETWORK,	/* /sites/#/network */
	PAGE_SITE_SWITCH_NEW,	/* /sites/#/switches/new (operator admins) */
	PAGE_SITE_PORTS_NEW,	/* /sites/#/ports/new (operator admins) */
	PAGE_SITE_PORTS_IMPORT,	/* /sites/#/ports/import (operator admins) */
	PAGE_SITE_IPS_NEW,	/* /sites/#/ips/new (operator admins) */
	PAGE_SITE_IPV6_NEW,	/* /sites/#/ipv6/new (operator admins) */
	PAGE_SITE_IPV6_DELEGATE,	/* /sites/#/ipv6/delegate (operator admins) */
	PAGE_SITE_IPV6_RELEASE,	/* /sites/#/ipv6/release (operator admins) */
	PAGE_SITE_FLOORS,	/* /sites/#/floors */
	PAGE_SITE_FLOOR_NEW,	/* /sites/#/floors/new (operator admins) */
	PAGE_SITE_SPACE_NEW,	/* /sites/#/spaces/new (operator admins) */
	PAGE_SITE_SPACE_EDIT,	/* /sites/#/spaces/#/edit (operator admins) */
	PAGE_SITE_SPACE_ARCHIVE,/* /sites/#/spaces/#/archive (operator admins) */
	PAGE_CONTRACT_SPACES,	/* /occupiers/#/contracts/#/spaces */
	PAGE_PORT_SPACE,	/* /sites/#/ports/#/space (operator admins) */
	PAGE_OCC_USERS,		/* /occupiers/#/sites/#/users */
	PAGE_OCC_USER,		/* /occupiers/#/sites/#/users/# */
	PAGE_TEAM,		/* /team */
	PAGE_TEAM_MEMBER,	/* /team/# */
	PAGE_SET_PASSWORD,	/* /set-password */
	PAGE_ACCOUNT,		/* /account */
	PAGE_ACCOUNT_SESSION,	/* /account/sessions/# */
	PAGE_MY,		/* /my */
	PAGE_MY_SITE,		/* /my/site */
	PAGE_MY_SERVICES,	/* /my/sites/#/services */
	PAGE_MY_TELEPHONY,	/* /my/sites/#/telephony */
	PAGE_MY_DEVICES,	/* /my/sites/#/devices (GET) */
	PAGE_MY_DEVICE_ADD,	/* /my/sites/#/devices (POST: occupier admins) */
	PAGE_MY_CHARGES,	/* /my/sites/#/charges */
	PAGE_MY_CASES,		/* /my/cases */
	PAGE_MY_CASE_NEW,	/* /my/cases/new */
	PAGE_MY_CASE,		/* /my/cases/# */
	PAGE_MY_USERS,		/* /my/users */
	PAGE_MY_USER,		/* /my/users/# */
	PAGE_FORGOT_PASSWORD,	/* /forgot-password */
	PAGE_OUTBOX,		/* /outbox */
	PAGE_OUTBOX_MESSAGE,	/* /outbox/# */
	PAGE_WEBHOOKS,		/* /settings/webhooks */
	PAGE_WEBHOOK,		/* /settings/webhooks/# */
	PAGE_CASE_ATTACHMENT,	/* /cases/#/attachments/# */
	PAGE_MY_CASE_ATTACHMENT,/* /my/cases/#/attachments/# */
	PAGE_INVOICES,		/* /invoices */
	PAGE_INVOICE,		/* /invoices/# */
	PAGE_INVOICE_PDF,	/* /invoices/#/pdf */
	PAGE_BILL_RUNS,		/* /invoices/runs */
	PAGE_BILL_RUN,		/* /invoices/runs/# */
	PAGE_INVOICE_EXPORT,	/* /invoices/export */
	PAGE_INVOICE_EXPORT_FILE,/* /invoices/exports/# */
	PAGE_INVOICE_SETTINGS,	/* /invoices/settings (GET) */
	PAGE_INVOICE_SETTINGS_EDIT,/* /invoices/settings (POST: operator admins) */
	PAGE_CATALOG_BILLING,	/* /catalog/billing (GET) */
	PAGE_CATALOG_BILLING_EDIT,/* /catalog/billing (POST: operator admins) */
	PAGE_CATALOG_USAGE,	/* /catalog/usage (GET) */
	PAGE_CATALOG_USAGE_EDIT,/* /catalog/usage (POST: operator admins) */
	PAGE_OCC_BILLING,	/* /occupiers/#/billing */
	PAGE_MY_INVOICES,	/* /my/invoices */
	PAGE_MY_INVOICE,	/* /my/invoices/# */
	PAGE_MY_INVOICE_PDF,	/* /my/invoices/#/pdf */
	PAGE_SITE_USAGE,	/* /sites/#/usage (the Billing Usage Report) */
	PAGE_SITE_USAGE_CSV,	/* /sites/#/usage.csv */
	PAGE_SITE_USAGE_NOBODY,	/* /sites/#/usage/unattributed.csv */
	PAGE_SITE_USAGE_IMPORT,	/* /sites/#/usage/import */
	PAGE_OCC_USAGE,		/* /occupiers/#/sites/#/usage */
	PAGE_OCC_USAGE_CSV,	/* /occupiers/#/sites/#/usage/calls.csv */
	PAGE_MY_USAGE,		/* /my/sites/#/usage */
	PAGE_MY_USAGE_CSV,	/* /my/sites/#/usage/calls.csv */
	PAGE_API_KEYS,		/* /settings/api-keys (operator admins) */
	PAGE_API_DOCS,		/* /settings/api-docs (operator roles) */
	PAGE_LOGIN_CODE,	/* /login/code (two-factor step of a sign-in) */
	PAGE_TWOFACTOR,		/* /account/two-factor */
	PAGE__MAX
};

struct route {
	unsigned	 methods;	/* MG | MP */
	const char	*pattern;	/* '#' segment: a positive integer id */
	void		(*fn)(struct req *);
	unsigned	 roles;		/* R_PUBLIC: no session needed */
	int		 nodb;		/* no session, no CSRF: public GETs (healthz, fortunes) */
	/* GET reads the page versions of occupier ids[0] at site ids[1]
	 * with the session (doc/page-cache.md). */
	int		 pagever;
};

static const struct route routes[PAGE__MAX] = {
	[PAGE_HOME] = { MG, "/", page_home, R_ANY, 0 },
	[PAGE_HEALTHZ] = { MG, "/healthz", page_healthz, R_PUBLIC, 1 },
	[PAGE_FORTUNES] = { MG, "/fortunes", page_fortunes, R_PUBLIC, 1 },
	[PAGE_LOGIN] = { MG | MP, "/login", page_login, R_PUBLIC, 0 },
	[PAGE_LOGOUT] = { MP, "/logout", page_logout, R_ANY, 0 },
	[PAGE_DASHBOARD] = { MG, "/dashboard", page_dashboard, R_OPERATOR, 0 },
	[PAGE_SEARCH] = { MG, "/search", page_search, R_OPERATOR, 0 },
	[PAGE_OCCUPIERS] = { MG, "/occupiers", page_occupiers, R_OPERATOR, 0 },
	[PAGE_OCCUPIER_NEW] = { MG | MP, "/occupiers/new", page_occupier_edit, R_OPERATOR, 0 },
	[PAGE_OCCUPIER_SEARCH] = { MG, "/occupiers/search", page_occupier_search, R_OPERATOR, 0 },
	[PAGE_OCCUPIER] = { MG, "/occupiers/#", page_occupier, R_OPERATOR, 0 },
	[PAGE_OCCUPIER_EDIT] = { MG | MP, "/occupiers/#/edit", page_occupier_edit, R_OPERATOR, 0 },
	[PAGE_OCCUPIER_SITE] = { MG, "/occupiers/#/site", page_occupier_site, R_OPERATOR, 0 },
	[PAGE_CONTRACTS] = { MG, "/occupiers/#/sites/#/contracts", page_occupier_contracts, R_OPERATOR, 0 },
	[PAGE_CONTRACT_NEW] = { MG | MP, "/occupiers/#/sites/#/contracts/new", page_contract_edit, R_OPERATOR, 0 },
	[PAGE_CONTRACT_EDIT] = { MG | MP, "/occupiers/#/contracts/#/edit", page_contract_edit, R_OPERATOR, 0 },
	[PAGE_OCC_MOVEIN] = { MG | MP, "/occupiers/#/move-in", page_occupier_movein, R_OPERATOR, 0 },
	[PAGE_OCC_IMPORT] = { MG | MP, "/occupiers/import", page_occupier_import, R_OPERATOR, 0 },
	[PAGE_SERVICES] = { MG, "/occupiers/#/sites/#/services", page_occupier_services, R_OPERATOR, 0, 1 },
	[PAGE_SERVICES_MANAGE] = { MG | MP, "/occupiers/#/sites/#/services/manage", page_services_manage, R_OPERATOR, 0, 1 },
	[PAGE_HISTORY] = { MG, "/occupiers/#/sites/#/history", page_occupier_history, R_OPERATOR, 0 },
	[PAGE_CATALOG] = { MG, "/catalog", page_catalog, R_OPERATOR, 0 },
	[PAGE_CATALOG_SERVICE] = { MG, "/catalog/#", page_catalog_edit, R_OPERATOR, 0 },
	[PAGE_CATALOG_EDIT] = { MP, "/catalog/#", page_catalog_edit, R_OPADMIN, 0 },
	[PAGE_CATALOG_NEW] = { MG | MP, "/catalog/new", page_catalog_new, R_OPADMIN, 0 },
	[PAGE_OCC_TELEPHONY] = { MG | MP, "/occupiers/#/sites/#/telephony", page_occupier_telephony, R_OPERATOR, 0 },
	[PAGE_OCC_DEVICES] = { MG | MP, "/occupiers/#/sites/#/devices", page_occupier_devices, R_OPERATOR, 0 },
	[PAGE_SITE_TELEPHONY] = { MG | MP, "/sites/#/telephony", page_site_telephony, R_OPERATOR, 0 },
	[PAGE_SITE_TELEPHONY_CSV] = { MG, "/sites/#/telephony.csv", page_site_telephony_csv, R_OPERATOR, 0 },
	[PAGE_SITE_PORTS] = { MG | MP, "/sites/#/ports", page_site_ports, R_OPERATOR, 0 },
	[PAGE_CASES] = { MG, "/cases", page_cases, R_OPERATOR, 0 },
	[PAGE_CASE_NEW] = { MG | MP, "/cases/new", page_case_new, R_OPERATOR, 0 },
	[PAGE_CASE] = { MG | MP, "/cases/#", page_case, R_OPERATOR, 0 },
	[PAGE_OCC_CHARGES] = { MG, "/occupiers/#/sites/#/charges", page_occupier_charges, R_OPERATOR, 0 },
	[PAGE_REPORTS] = { MG, "/reports", page_reports, R_OPERATOR, 0 },
	[PAGE_REPORT_CHARGES] = { MG, "/reports/charges", page_report_charges, R_OPERATOR, 0 },
	[PAGE_REPORT_CHARGES_CSV] = { MG, "/reports/charges.csv", page_report_charges, R_OPERATOR, 0 },
	[PAGE_REPORT_ACTIVE] = { MG, "/reports/active-services", page_report_active, R_OPERATOR, 0 },
	[PAGE_REPORT_ACTIVE_CSV] = { MG, "/reports/active-services.csv", page_report_active, R_OPERATOR, 0 },
	[PAGE_SITES] = { MG, "/sites", page_sites, R_OPERATOR, 0 },
	[PAGE_SITE] = { MG, "/sites/#", page_site, R_OPERATOR, 0 },
	[PAGE_SITE_NEW] = { MG | MP, "/sites/new", page_site_edit, R_OPADMIN, 0 },
	[PAGE_SITE_EDIT] = { MG | MP, "/sites/#/edit", page_site_edit, R_OPADMIN, 0 },
	[PAGE_SITE_ARCHIVE] = { MP, "/sites/#/archive", page_site_archive, R_OPADMIN, 0 },
	[PAGE_SITE_NUMBERS] = { MG | MP, "/sites/#/numbers/new", page_site_numbers, R_OPADMIN, 0 },
	[PAGE_SITE_NETWORK] = { MG, "/sites/#/network", page_site_network, R_OPERATOR, 0 },
	[PAGE_SITE_SWITCH_NEW] = { MG | MP, "/sites/#/switches/new", page_site_switch_new, R_OPADMIN, 0 },
	[PAGE_SITE_PORTS_NEW] = { MG | MP, "/sites/#/ports/new", page_site_ports_new, R_OPADMIN, 0 },
	[PAGE_SITE_PORTS_IMPORT] = { MG | MP, "/sites/#/ports/import", page_site_ports_import, R_OPADMIN, 0 },
	[PAGE_SITE_IPS_NEW] = { MG | MP, "/sites/#/ips/new", page_site_ips_new, R_OPADMIN, 0 },
	[PAGE_SITE_IPV6_NEW] = { MG | MP, "/sites/#/ipv6/new", page_site_ipv6_new, R_OPADMIN, 0 },
	[PAGE_SITE_IPV6_DELEGATE] = { MG | MP, "/sites/#/ipv6/delegate", page_site_ipv6_delegate, R_OPADMIN, 0 },
	[PAGE_SITE_IPV6_RELEASE] = { MP, "/sites/#/ipv6/release", page_site_ipv6_release, R_OPADMIN, 0 },
	[PAGE_SITE_FLOORS] = { MG, "/sites/#/floors", page_site_floors, R_OPERATOR, 0 },
	[PAGE_SITE_FLOOR_NEW] = { MG | MP, "/sites/#/floors/new", page_site_floor_new, R_OPADMIN, 0 },
	[PAGE_SITE_SPACE_NEW] = { MG | MP, "/sites/#/spaces/new", page_site_space_edit, R_OPADMIN, 0 },
	[PAGE_SITE_SPACE_EDIT] = { MG | MP, "/sites/#/spaces/#/edit", page_site_space_edit, R_OPADMIN, 0 },
	[PAGE_SITE_SPACE_ARCHIVE] = { MP, "/sites/#/spaces/#/archive", page_site_space_archive, R_OPADMIN, 0 },
	[PAGE_CONTRACT_SPACES] = { MG | MP, "/occupiers/#/contracts/#/spaces", page_contract_spaces, R_OPERATOR, 0 },
	[PAGE_PORT_SPACE] = { MG | MP, "/sites/#/ports/#/space", page_port_space, R_OPADMIN, 0 },
	[PAGE_OCC_USERS] = { MG | MP, "/occupiers/#/sites/#/users", page_occupier_users, R_OPERATOR, 0 },
	[PAGE_OCC_USER] = { MP, "/occupiers/#/sites/#/users/#", page_occupier_users, R_OPERATOR, 0 },
	[PAGE_TEAM] = { MG | MP, "/team", page_team, R_OPADMIN, 0 },
	[PAGE_TEAM_MEMBER] = { MP, "/team/#", page_team, R_OPADMIN, 0 },
	[PAGE_SET_PASSWORD] = { MG | MP, "/set-password", page_set_password, R_PUBLIC, 0 },
	[PAGE_ACCOUNT] = { MG | MP, "/account", page_account, R_ANY, 0 },
	[PAGE_ACCOUNT_SESSION] = { MP, "/account/sessions/#", page_account, R_ANY, 0 },
	[PAGE_MY] = { MG, "/my", page_my, R_OCCUPIER, 0 },
	[PAGE_MY_SITE] = { MG, "/my/site", page_my_site, R_OCCUPIER, 0 },
	[PAGE_MY_SERVICES] = { MG, "/my/sites/#/services", page_my_services, R_OCCUPIER, 0 },
	[PAGE_MY_TELEPHONY] = { MG, "/my/sites/#/telephony", page_my_telephony, R_OCCUPIER, 0 },
	[PAGE_MY_DEVICES] = { MG, "/my/sites/#/devices", page_my_devices, R_OCCUPIER, 0 },
	[PAGE_MY_DEVICE_ADD] = { MP, "/my/sites/#/devices", page_my_devices, R_OCCADMIN, 0 },
	[PAGE_MY_CHARGES] = { MG, "/my/sites/#/charges", page_my_charges, R_OCCUPIER, 0 },
	[PAGE_MY_CASES] = { MG, "/my/cases", page_my_cases, R_OCCUPIER, 0 },
	[PAGE_MY_CASE_NEW] = { MG | MP, "/my/cases/new", page_my_case_new, R_OCCUPIER, 0 },
	[PAGE_MY_CASE] = { MG | MP, "/my/cases/#", page_my_case, R_OCCUPIER, 0 },
	[PAGE_MY_USERS] = { MG | MP, "/my/users", page_my_users, R_OCCADMIN, 0 },
	[PAGE_MY_USER] = { MP, "/my/users/#", page_my_users, R_OCCADMIN, 0 },
	[PAGE_FORGOT_PASSWORD] = { MG | MP, "/forgot-password", page_forgot_password, R_PUBLIC, 0 },
	[PAGE_OUTBOX] = { MG, "/outbox", page_outbox, R_OPADMIN, 0 },
	[PAGE_OUTBOX_MESSAGE] = { MG | MP, "/outbox/#", page_outbox, R_OPADMIN, 0 },
	[PAGE_WEBHOOKS] = { MG | MP, "/settings/webhooks", page_webhooks, R_OPADMIN, 0 },
	[PAGE_WEBHOOK] = { MG | MP, "/settings/webhooks/#", page_webhooks, R_OPADMIN, 0 },
	[PAGE_CASE_ATTACHMENT] = { MG, "/cases/#/attachments/#", page_case_attachment, R_OPERATOR, 0 },
	[PAGE_MY_CASE_ATTACHMENT] = { MG, "/my/cases/#/attachments/#", page_case_attachment, R_OCCUPIER, 0 },
	[PAGE_INVOICES] = { MG, "/invoices", page_invoices, R_OPERATOR, 0 },
	[PAGE_INVOICE] = { MG | MP, "/invoices/#", page_invoice, R_OPERATOR, 0 },
	[PAGE_INVOICE_PDF] = { MG, "/invoices/#/pdf", page_invoice_pdf, R_OPERATOR, 0 },
	[PAGE_BILL_RUNS] = { MG | MP, "/invoices/runs", page_bill_runs, R_OPERATOR, 0 },
	[PAGE_BILL_RUN] = { MG | MP, "/invoices/runs/#", page_bill_run, R_OPERATOR, 0 },
	[PAGE_INVOICE_EXPORT] = { MG | MP, "/invoices/export", page_invoice_export, R_OPERATOR, 0 },
	[PAGE_INVOICE_EXPORT_FILE] = { MG, "/invoices/exports/#", page_invoice_export, R_OPERATOR, 0 },
	[PAGE_INVOICE_SETTINGS] = { MG, "/invoices/settings", page_billing_settings, R_OPERATOR, 0 },
	[PAGE_INVOICE_SETTINGS_EDIT] = { MP, "/invoices/settings", page_billing_settings, R_OPADMIN, 0 },
	[PAGE_CATALOG_BILLING] = { MG, "/catalog/billing", page_catalog_billing, R_OPERATOR, 0 },
	[PAGE_CATALOG_BILLING_EDIT] = { MP, "/catalog/billing", page_catalog_billing, R_OPADMIN, 0 },
	[PAGE_CATALOG_USAGE] = { MG, "/catalog/usage", page_catalog_usage, R_OPERATOR, 0 },
	[PAGE_CATALOG_USAGE_EDIT] = { MP, "/catalog/usage", page_catalog_usage, R_OPADMIN, 0 },
	[PAGE_OCC_BILLING] = { MG | MP, "/occupiers/#/billing", page_occupier_billing, R_OPERATOR, 0 },
	[PAGE_MY_INVOICES] = { MG, "/my/invoices", page_my_invoices, R_OCCUPIER, 0 },
	[PAGE_MY_INVOICE] = { MG, "/my/invoices/#", page_my_invoice, R_OCCUPIER, 0 },
	[PAGE_MY_INVOICE_PDF] = { MG, "/my/invoices/#/pdf", page_invoice_pdf, R_OCCUPIER, 0 },
	[PAGE_SITE_USAGE] = { MG, "/sites/#/usage", page_site_usage, R_OPERATOR, 0 },
	[PAGE_SITE_USAGE_CSV] = { MG, "/sites/#/usage.csv", page_site_usage, R_OPERATOR, 0 },
	[PAGE_SITE_USAGE_NOBODY] = { MG, "/sites/#/usage/unattributed.csv", page_site_usage_nobody, R_OPERATOR, 0 },
	[PAGE_SITE_USAGE_IMPORT] = { MG | MP, "/sites/#/usage/import", page_site_usage_import, R_OPERATOR, 0 },
	[PAGE_OCC_USAGE] = { MG, "/occupiers/#/sites/#/usage", page_occupier_usage, R_OPERATOR, 0 },
	[PAGE_OCC_USAGE_CSV] = { MG, "/occupiers/#/sites/#/usage/calls.csv", page_occupier_usage_csv, R_OPERATOR, 0 },
	[PAGE_MY_USAGE] = { MG, "/my/sites/#/usage", page_my_usage, R_OCCUPIER, 0 },
	[PAGE_MY_USAGE_CSV] = { MG, "/my/sites/#/usage/calls.csv", page_my_usage_csv, R_OCCUPIER, 0 },
	[PAGE_API_KEYS] = { MG | MP, "/settings/api-keys", page_api_keys, R_OPADMIN, 0 },
	[PAGE_API_DOCS] = { MG, "/settings/api-docs", page_api_docs, R_OPERATOR, 0 },
	[PAGE_LOGIN_CODE] = { MG | MP, "/login/code", page_login_code, R_PUBLIC, 0 },
	[PAGE_TWOFACTOR] = { MG | MP, "/account/two-factor", page_twofactor, R_ANY, 0 },
};

/*
 * The JSON API (api/api.h): its own section, for paths under /api/. No
 * session, no cookie, no CSRF: a Bearer API key only (API_OPEN: none),
 * and API_WRITE needs a read and write key. templates/openapi.json
 * documents exactly these routes (tests/http/api.test.mjs checks it).
 */
static const struct api_route api_routes[] = {
	{ MG, "/api/v1/openapi.json", api_openapi, API_OPEN },
	{ MG, "/api/v1/sites", api_sites, API_READ },
	{ MG, "/api/v1/occupiers", api_occupiers, API_READ },
	{ MP, "/api/v1/occupiers", api_occupier_create, API_WRITE },
	{ MG, "/api/v1/occupiers/#", api_occupier, API_READ },
	{ MA, "/api/v1/occupiers/#", api_occupier_patch, API_WRITE },
	{ MG, "/api/v1/occupiers/#/sites/#/services", api_plan, API_READ },
	{ MU, "/api/v1/occupiers/#/sites/#/services", api_plan_put, API_WRITE },
	{ MG, "/api/v1/occupiers/#/sites/#/devices", api_devices, API_READ },
	{ MP, "/api/v1/occupiers/#/sites/#/devices", api_device_create, API_WRITE },
	{ MG, "/api/v1/occupiers/#/sites/#/devices/#", api_device, API_READ },
	{ MA, "/api/v1/occupiers/#/sites/#/devices/#", api_device_patch, API_WRITE },
	{ MG, "/api/v1/occupiers/#/sites/#/usage", api_usage, API_READ },
	{ MG, "/api/v1/contracts", api_contracts, API_READ },
	{ MP, "/api/v1/contracts", api_contract_create, API_WRITE },
	{ MG, "/api/v1/contracts/#", api_contract, API_READ },
	{ MA, "/api/v1/contracts/#", api_contract_patch, API_WRITE },
	{ MG, "/api/v1/sites/#/numbers", api_site_numbers, API_READ },
	{ MG, "/api/v1/sites/#/numbers/#", api_site_number, API_READ },
	{ MA, "/api/v1/sites/#/numbers/#", api_site_number_patch, API_WRITE },
	{ MG, "/api/v1/cases", api_cases, API_READ },
	{ MP, "/api/v1/cases", api_case_create, API_WRITE },
	{ MG, "/api/v1/cases/#", api_case, API_READ },
	{ MA, "/api/v1/cases/#", api_case_patch, API_WRITE },
	{ MP, "/api/v1/cases/#/comments", api_case_comment, API_WRITE },
	{ MG, "/api/v1/charges", api_charges, API_READ },
	{ MG, "/api/v1/invoices", api_invoices, API_READ },
	{ MG, "/api/v1/invoices/#", api_invoice, API_READ },
	{ MG, "/api/v1/occupiers/external", api_extids_find, API_READ },
	{ MG, "/api/v1/occupiers/#/external-ids", api_extids, API_READ },
	{ MU, "/api/v1/occupiers/#/external-ids", api_extids_put, API_WRITE },
	{ MG, "/api/v1/contracts/external", api_extids_find, API_READ },
	{ MG, "/api/v1/contracts/#/external-ids", api_extids, API_READ },
	{ MU, "/api/v1/contracts/#/external-ids", api_extids_put, API_WRITE },
	{ MG, "/api/v1/sites/external", api_extids_find, API_READ },
	{ MG, "/api/v1/sites/#/external-ids", api_extids, API_READ },
	{ MU, "/api/v1/sites/#/external-ids", api_extids_put, API_WRITE },
};

/* The routes whose forms may upload a file (multipart/form-data): the
 * case screens, the usage import and the floor ports import. Any other refuses such a body like a
 * badly encoded form. */
static const enum page upload_pages[] = {
	PAGE_CASE_NEW, PAGE_CASE, PAGE_MY_CASE_NEW, PAGE_MY_CASE,
	PAGE_SITE_USAGE_IMPORT, PAGE_SITE_PORTS_IMPORT, PAGE_OCC_IMPORT,
};

static int
upload_ok(const struct route *rt)
{
	size_t	 i;

	for (i = 0; i < sizeof(upload_pages) / sizeof(upload_pages[0]); i++)
		if (rt == &routes[upload_pages[i]])
			return 1;
	return 0;
}

/*
 * Match path against pattern; '#' matches a decimal id of 1..18 digits
 * without a leading zero. Fills ids. 1 on a match.
 */
static int
route_match(const char *pattern, const char *path, int64_t *ids, size_t *nids)
{
	const char	*p = pattern, *s = path;
	size_t		 n = 0;

	while (*p != '\0') {
		if (*p == '#') {
			int64_t	 v = 0;
			int	 nd = 0;

			if (*s < '1' || *s > '9')
				return 0;
			while (*s >= '0' && *s <= '9') {
				if (++nd > 18)
					return 0;
				v = v * 10 + (*s++ - '0');
			}
			if (n == HTTP_MAX_IDS)
				return 0;
			ids[n++] = v;
			p++;
			continue;
		}
		if (*p++ != *s++)
			return 0;
	}
	if (*s != '\0')
		return 0;
	*nids = n;
	return 1;
}

static int route_match(const char *, const char *, int64_t *, size_t *);

/* A request under /api/: its route in api_routes, run by api_run. */
static void
front_api(struct req *r)
{
	const struct api_route	*rt = NULL;
	int64_t			 ids[HTTP_MAX_IDS];
	size_t			 i, nids = 0;
	unsigned		 allowed = 0;

	for (i = 0; i < sizeof(api_routes) / sizeof(api_routes[0]); i++) {
		if (!route_match(api_routes[i].pattern, r->path, ids, &nids))
			continue;
		allowed |= api_routes[i].methods;
		if (rt == NULL && r->method != M__MAX &&
		    (api_routes[i].methods & (1u << r->method))) {
			rt = &api_routes[i];
			memcpy(r->ids, ids, sizeof(ids));
			r->nids = nids;
		}
	}
	if (rt == NULL) {
		api_no_route(r, allowed);
		return;
	}
	store_set_day(r->today);
	/* No page versions: the worker's kept plan reads (store_plan_read)
	 * serve only the HTML page that set them. */
	store_pagever_set(NULL);
	api_run(r, rt);
}

void
front_handle(struct req *r)
{
	const struct route	*rt = NULL;
	int64_t			 ids[HTTP_MAX_IDS];
	size_t			 i, nids = 0;
	unsigned		 allowed = 0;
	int			 rc;

	if (strncmp(r->path, "/api/", 5) == 0) {
		front_api(r);
		return;
	}
	for (i = 0; i < PAGE__MAX; i++) {
		if (!route_match(routes[i].pattern, r->path, ids, &nids))
			continue;
		allowed |= routes[i].methods;
		if (rt == NULL && r->method != M__MAX &&
		    (routes[i].methods & (1u << r->method)))
			rt = &routes[i];
	}
	if (rt == NULL) {
		if (allowed != 0)
			r->allow = (allowed & MG) && (allowed & MP) ?
			    "GET, HEAD, POST" : (allowed & MG) ? "GET, HEAD" :
			    "POST";
		if (r->method == M__MAX)
			r->method = M_GET;	/* for the error page */
		http_error(r, allowed != 0 ? 405 : 404);
		return;
	}
	if (r->multipart && !r->form_bad && !upload_ok(rt)) {
		r->form_bad = 1;
		r->form_badkey = "(the form must be sent url-encoded)";
	} else if (r->multipart && r->form_bad) {
		http_error_msg(r, 400, arena_printf(r->a, "The form could not "
		    "be read (%s): nothing was saved. Go back and send it "
		    "again.", r->form_badkey ? r->form_badkey : "?"));
		return;
	}
	if (r->form_bad) {
		/* Before the session and CSRF checks: a fixed text, nothing
		 * of what was sent (the key goes to the log only). */
		log_warnx("front: unreadable form field %s for %s",
		    r->form_badkey ? r->form_badkey : "?", r->path);
		http_error_msg(r, 400, "A form field could not be read: it is "
		    "not correctly encoded. Nothing was saved.");
		return;
	}
	r->route = rt;
	store_set_day(r->today);
	store_pagever_set(NULL);
	if (rt->pagever && r->method == M_GET && nids >= 2) {
		r->pagever_occ = ids[0];
		r->pagever_site = ids[1];
	}
	memcpy(r->ids, ids, sizeof(ids));
	r->nids = nids;
	if (rt->nodb) {
		rt->fn(r);
		return;
	}
	if ((rc = session_load(r)) < 0) {
		http_error(r, db_unavailable() ? 503 : 500);
		return;
	}
	if (rt->roles != R_PUBLIC) {
		if (!r->signed_in) {
			if (r->method == M_GET)
				http_redirect(r, arena_printf(r->a,
				    "/login?next=%s", parse_urlencode(r->a, r->path)));
			else if (!(rt == &routes[PAGE_SERVICES_MANAGE] &&
			    page_draft_keep(r)))
				http_redirect(r, "/login?expired=1");
			return;
		}
		if (!(rt->roles & (1u << r->user.role))) {
			http_error(r, 403);
			return;
		}
		/* Two-factor required and not on: enrolment (and sign-out)
		 * only. */
		if (r->must_enrol && rt != &routes[PAGE_TWOFACTOR] &&
		    rt != &routes[PAGE_LOGOUT]) {
			http_redirect(r, "/account/two-factor");
			return;
		}
	}
	if (r->method == M_POST && !session_csrf_ok(r)) {
		log_warnx("front: CSRF token missing or wrong for %s", r->path);
		http_error(r, 403);
		return;
	}
	rt->fn(r);
}
