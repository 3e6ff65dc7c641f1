/*
 * store: all SQL of Tenantry, as functions over plain structs. Every
 * function takes the operator id of the signed-in user and filters on it,
 * so a row of another operator is simply "not found".
 *
 * Return convention: <0 error (logged; db_unavailable() tells a lost
 * database from a bug), 0 not found / nothing changed, >0 ok.
 * Strings in returned structs live in the arena passed in.
 */
#ifndef TENANTRY_STORE_H
#define TENANTRY_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;

/* ---- users, sessions, throttle (store_auth.c) ---- */

struct store_user {
	int64_t		 id;
	int64_t		 operator_id;
	int64_t		 occupier_id;
	const char	*role;
	const char	*email;
	const char	*name;
	const char	*pw_hash;
	int		 disabled;
	const char	*operator_name;	/* store_users_by_email only */
	int		 tfa;		/* two-factor sign-in is on */
};

/* Drafts (sql/078): keep user's form body for path (replacing an older
 * one); take the newest made after since (0: none) and delete them. 1 or
 * 0 (take: none), -1 error. */
int	 store_draft_keep(int64_t op, int64_t user, const char *path,
	    const char *body, int64_t now);
int	 store_draft_take(struct arena *, int64_t op, int64_t user,
	    const char *path, int64_t since, const char **body);

struct store_session {
	int64_t		 id;
	int64_t		 created_at;
	int64_t		 last_seen;
	const char	*csrf;
	int		 disabled;
	const char	*operator_name;
	const char	*currency;	/* the operator's ISO 4217 code */
	const char	*timezone;	/* the operator's IANA zone */
	int		 mfa_pending;	/* password checked, two-factor code awaited */
	int		 mfa_required;	/* the operator requires two-factor (operator roles) */
	struct store_user user;		/* pw_hash unset */
};

/* The accounts of an e-mail (lower case) across operators, at most 5,
 * oldest first, with their hashes and operator names. 1 (n may be 0), -1. */
int	 store_users_by_email(struct arena *, const char *email,
	    struct store_user **, size_t *n);
int	 store_user_set_hash(int64_t user_id, const char *hash);

/*
 * Sign-in throttle over a decaying window (sql/012_security.sql): failures
 * of the last LOGIN_WINDOW_SECONDS. An attempt is refused while the window
 * holds LOGIN_PAIR_MAX failures of this e-mail from this address,
 * LOGIN_ADDR_MAX from this address for any e-mail, or LOGIN_ACCOUNT_MAX of
 * this e-mail from anywhere when the address is not one the account signed
 * in from in the last LOGIN_KNOWN_SECONDS.
 */
#define LOGIN_WINDOW_SECONDS	900
#define LOGIN_PAIR_MAX		5
#define LOGIN_ADDR_MAX		30
#define LOGIN_ACCOUNT_MAX	20
#define LOGIN_KNOWN_SECONDS	(90 * 86400)

struct store_login_window {
	int64_t		 pair;		/* failures: this e-mail, this address */
	int64_t		 account;	/* this e-mail, any address (<= 100) */
	int64_t		 pair_nth;	/* time of the LOGIN_PAIR_MAX-th newest pair failure, or 0 */
	int64_t		 account_nth;	/* time of the LOGIN_ACCOUNT_MAX-th newest, or 0 */
	int64_t		 addr_nth;	/* time of the LOGIN_ADDR_MAX-th newest of the address, or 0 */
};
/* The failures since `since` for email from addr. 1, or -1. */
int	 store_login_window(struct arena *, const char *email,
	    const char *addr, int64_t since, struct store_login_window *);
/* 1 when email signed in from addr after `since`, 0 not, -1 error. */
int	 store_login_known(struct arena *, const char *email,
	    const char *addr, int64_t since);
/* Record a failure; 1 or -1. */
int	 store_login_fail(const char *email, const char *addr, int64_t now);
/* A success: the failures of this e-mail from this address are forgotten
 * and the address becomes a known one. 1 or -1. */
int	 store_login_ok(const char *email, const char *addr, int64_t now);
/* Forget the failures of email from addr (a password just set). 1 or -1. */
int	 store_login_clear(const char *email, const char *addr);

/* Count one action against key in the fixed window of `window` seconds
 * that holds now; *n receives the count including this one (more than max:
 * refused, and then not counted, with no write). 1 or -1. */
int	 store_pace_take(struct arena *, const char *key, int64_t now,
	    int64_t window, int64_t max, int64_t *n);
/* Bounded housekeeping (at most 1 000 rows a table a call): failures
 * outside the window, known addresses past 90 days, paces of yesterday,
 * sessions an hour past their idle or past their absolute expiry, forms
 * kept over a sign-in past a day. *deleted: rows removed.
 * 1, or -1. */
int	 store_purge(int64_t now, int64_t idle_seconds,
	    int64_t absolute_seconds, int64_t *deleted);

int	 store_session_insert(const unsigned char hash[32], int64_t user_id,
	    const char *csrf, int64_t now, const char *addr, const char *ua,
	    int mfa_pending);
int	 store_session_load(struct arena *, const unsigned char hash[32],
	    struct store_session *);
/* The versions of what an occupier's page at a site shows (sql/096),
 * read with the session: occ 0 when the page declares none. */
struct store_pagever {
	int64_t		 op, occ, site;
	int64_t		 occupier_site, catalog, site_names;	/* 0: no row */
};
/* store_session_load, and the page versions of occupier occ at site in
 * the same statement (pv->op is the session's operator). */
int	 store_session_load_pagever(struct arena *,
	    const unsigned char hash[32], int64_t occ, int64_t site,
	    struct store_session *, struct store_pagever *pv);
/* The page versions the request read with its session, which a page
 * read of the same occupier and site may serve from the worker's cache;
 * NULL: none (the front controller clears them per request). */
void	 store_pagever_set(const struct store_pagever *);
/* Plan reads served from the worker's cache, and read, since it began. */
void	 store_plan_cache_stats(uint64_t *hits, uint64_t *reads);
int	 store_session_touch(int64_t id, int64_t now);
int	 store_session_delete(int64_t id);
int	 store_session_delete_user(int64_t user_id);

/* ---- audit ---- */
/* The business day recorded with every audit event from now on (the front
 * controller sets it per request to r->today; DATE_NONE: none). */
void	 store_set_day(int32_t day);
int	 store_audit(int64_t operator_id, int64_t occupier_id, int64_t site_id,
	    int64_t user_id, const char *entity, int64_t entity_id,
	    const char *action, const char *old_value, const char *new_value);

/* Events of one save written together, up to STORE_AUDIT_BATCH rows per
 * statement: queue them as store_audit would write them, flush before the
 * next write whose events must come after them, and before committing. The
 * strings must live until the flush (the request's arena). */
#define STORE_AUDIT_BATCH 4
struct store_audit_event {
	int64_t		 occupier_id, site_id, user_id, entity_id;
	const char	*entity, *action, *old_value, *new_value;
};
struct store_audit_batch {
	int64_t				 operator_id;
	int32_t				 day;	/* business day, DATE_NONE: none */
	size_t				 n;
	struct store_audit_event	 ev[STORE_AUDIT_BATCH];
};
/* A batch of operator_id's events of business day `day`. */
void	 store_audit_begin(struct store_audit_batch *, int64_t operator_id,
	    int32_t day);
int	 store_audit_queue(struct store_audit_batch *, int64_t occupier_id,
	    int64_t site_id, int64_t user_id, const char *entity,
	    int64_t entity_id, const char *action, const char *old_value,
	    const char *new_value);
int	 store_audit_flush(struct store_audit_batch *);

/* ---- occupiers (store_occupier.c) ---- */

struct store_occupier {
	int64_t		 id;
	const char	*name;
	const char	*billing_ref;
	const char	*contact_email;
	const char	*notes;
	int64_t		 version;
	const char	*sites;		/* list only: site names */
	int64_t		 active_contracts; /* list only */
	/* Tabs' header only: ids of the sites where it has a contract. */
	int64_t		*contract_sites;
	size_t		 ncontract_sites;
};

/* The Occupiers list sorted (by name, or by billing reference) and
 * filtered by site (0 any) and contract status ("" any, "active",
 * "starting", "ended", "none"; domain §2 on day today), paged by key:
 * the per_page rows after (after_key, after_id) ("" and 0: the first),
 * *more 1 when more follow. q matches the name or the billing
 * reference. 1, or -1 error. */
struct store_occ_filter {
	const char	*q;
	int64_t		 site;
	const char	*status;
	int		 by_ref;
	const char	*after_key;
	int64_t		 after_id;
};
int	 store_occupier_filtered(struct arena *, int64_t op,
	    const struct store_occ_filter *, int32_t today, int64_t per_page,
	    struct store_occupier **, size_t *n, int *more);
/* Page *page (from 1; one past the last becomes the last) of the
 * occupiers whose name or billing reference contains q, in name order,
 * and how many match. */
int	 store_occupier_page(struct arena *, int64_t op, const char *q,
	    int32_t today, int64_t *page, int64_t per_page, int64_t *total,
	    struct store_occupier **out, size_t *n);
/* The occupier picker. store_occupier_pick: at most limit occupiers of
 * operator op whose name or billing reference contains text (site > 0:
 * only those with a contract at that site), in name order. 1, -1.
 * store_occupier_resolve: the one occupier a typed text names: the billing
 * reference equal to it, else the name equal to it, else the only one
 * containing it. 1 found (*o: id, name, billing_ref), 0 none, 2 more than
 * one, -1 error. */
int	 store_occupier_pick(struct arena *, int64_t op, int64_t site,
	    const char *text, int64_t limit, struct store_occupier **out,
	    size_t *n);
int	 store_occupier_resolve(struct arena *, int64_t op, int64_t site,
	    const char *text, struct store_occupier *o);
int	 store_occupier_get(struct arena *, int64_t op, int64_t id,
	    struct store_occupier *);
/* An occupier from columns k.. of a row: id, name, billing_ref,
 * contact_email, notes, version (the store modules' statements). */
struct dbrow;
void	 store_occupier_row(const struct dbrow *, size_t k,
	    struct store_occupier *);
/* Its contract sites from column k ("3,7,12" or NULL). */
void	 store_occupier_csites(struct arena *, const struct dbrow *, size_t k,
	    struct store_occupier *);
/* The occupier and the operator's sites in name order (site 0), or only
 * site `site` (none when it is not the operator's); 0: no such occupier.
 * The sites may be the worker's cache (store_site_names): never changed. */
struct store_site;
int	 store_occupier_sites(struct arena *, int64_t op, int64_t occ,
	    int64_t site, struct store_occupier *,
	    const struct store_site **sites, size_t *ns);
/* The operator's sites in name order, as of version (of its site_names
 * row; 0: none), from the worker's cache. Never changed by the caller. */
int	 store_site_names(struct arena *, int64_t op, int64_t version,
	    const struct store_site **, size_t *);
/* Whether another occupier of op than except (0: none) has billing
 * reference ref: 1 with its name in *holder, 0 no, -1 error. */
int	 store_occupier_ref_taken(struct arena *, int64_t op, const char *ref,
	    int64_t except, const char **holder);
/* The same for the name folded (validate_name_fold; letter case aside). */
int	 store_occupier_name_taken(struct arena *, int64_t op,
	    const char *folded, int64_t except, const char **holder);
int	 store_occupier_insert(int64_t op, const struct store_occupier *,
	    int64_t *id);
/* 0 when the version no longer matches (changed meanwhile). */
int	 store_occupier_update(int64_t op, const struct store_occupier *);

/* ---- sites (store_site.c) ---- */

struct store_site {
	int64_t		 id;
	const char	*name;
	const char	*address;
	int64_t		 nfloors, nports, noccupiers;
	/* Its own ISO 4217 currency and IANA time zone; "": the
	 * operator's. */
	const char	*currency, *timezone;
	int32_t		 archived;	/* day it was archived; DATE_NONE: in use */
};

struct store_floor {
	int64_t		 id;
	const char	*name;
	int64_t		 level;
};

struct store_port {
	int64_t		 id;
	int64_t		 floor_id;
	const char	*label;
	const char	*switch_name;
	int64_t		 switch_port;
	const char	*role;
	int64_t		 occupier_id;
	const char	*occupier_name;
	const char	*state;
};

/* figures: 1 for the floor, port and occupier counts (the Sites screen). */
int	 store_site_list(struct arena *, int64_t op, int figures,
	    struct store_site **, size_t *);
/* The sites in use (not archived), by name: where something new starts
 * (move-in, a new catalog service). */
int	 store_site_list_in_use(struct arena *, int64_t op,
	    struct store_site **, size_t *);
int	 store_site_get(struct arena *, int64_t op, int64_t id,
	    struct store_site *);
/* 1 when some occupier holds a contract at the site (ended or not), 0
 * none, -1 error: one seek of the (site_id, occupier_id) index. */
int	 store_site_has_contract(struct arena *, int64_t op, int64_t site);
int	 store_floor_list(struct arena *, int64_t op, int64_t site,
	    struct store_floor **, size_t *);
int	 store_port_list_site(struct arena *, int64_t op, int64_t site,
	    struct store_port **, size_t *);
/* Up to limit ports of site in (floor level, floor, label, id) order after
 * port anchor (0: from the first) or, before, the ones before it, last
 * first. 1, or -1. */
int	 store_port_page(struct arena *, int64_t op, int64_t site,
	    int64_t anchor, int before, size_t limit, struct store_port **,
	    size_t *);
/* Port id of site: 1 found, 0 not the operator's site's, -1. */
int	 store_port_get_site(struct arena *, int64_t op, int64_t site,
	    int64_t id, struct store_port *);

/* ---- contracts (store_contract.c) ---- */

struct store_contract {
	int64_t		 id;
	int64_t		 occupier_id;
	int64_t		 site_id;
	const char	*reference;
	int32_t		 start;		/* day number */
	int32_t		 end;		/* DATE_NONE when open */
	int64_t		 version;
	/* Terms (list and get only): value a month and deposit in minor
	 * units of the site's currency, notice period in months. */
	int64_t		 value, notice_months, deposit;
	/* The day its move-out ran, DATE_NONE before (read by
	 * store_contract_get only; DATE_NONE from the lists). */
	int32_t		 moved_out;
};

int	 store_contract_list(struct arena *, int64_t op, int64_t occupier,
	    int64_t site, struct store_contract **, size_t *);
/* Newest first (start day, then id, descending), as store_contract_list. */
void	 store_contract_sort(struct store_contract *, size_t);
/* A contract of occupier at site from columns k.. of a row: id,
 * reference, start_date, end_date, version. */
struct dbrow;
void	 store_contract_row(const struct dbrow *, size_t k, int64_t occupier,
	    int64_t site, struct store_contract *);
/* The terms of a contract from columns k..: value_minor, notice_months,
 * deposit_minor. */
void	 store_contract_terms_row(const struct dbrow *, size_t k,
	    struct store_contract *);
int	 store_contract_get(struct arena *, int64_t op, int64_t id,
	    struct store_contract *);
/* The JSON API's page: up to limit contracts of op in id order after
 * `after`, of occupier occ and site (0: any), at key_site (0: any),
 * changed at or after unix second since (0: any). */
int	 store_contract_page(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int64_t key_site, int64_t since, int64_t after,
	    int64_t limit, struct store_contract **, size_t *);
/* -2: the reference is taken. 0: occupier or site not found. A contract
 * that ended before day (one entered as history: an import, the demo) is
 * kept as moved out on its end date: there was nothing of it here to
 * move out, and the daily job leaves it (and whatever is entered on it
 * later) alone. */
int	 store_contract_insert(int64_t op, const struct store_contract *,
	    int32_t day, int64_t *id);
/* -2: reference taken; 0: changed meanwhile or gone. */
int	 store_contract_update(int64_t op, const struct store_contract *);
/* Site ids where the occupier has contracts, ascending. */
int	 store_contract_sites(struct arena *, int64_t op, int64_t occupier,
	    int64_t **ids, size_t *n);

/* ---- catalog and occupier services (store_service.c) ---- */

#define STORE_INFRA	5	/* = INFRA__MAX of domain/rules.h */

struct store_service {
	int64_t		 id;
	const char	*code;
	const char	*name;
	const char	*category;
	const char	*description;
	int64_t		 cost, rrp;
	int		 needs_case, needs_device;
	int64_t		 ent[STORE_INFRA];
	int		 available;	/* offered at the site asked for (and
					 * not retired) */
	const char	*site_ids;	/* "1,2": every site offering it */
	int		 retired;	/* no longer offered; plans keep it */
	int64_t		 rrp_base;	/* its own RRP; rrp is the RRP at the
					 * site asked for (its override) */
};

/* A service as an operator admin writes it (ops/catalog.h). */
struct store_service_def {
	const char	*code, *name, *category, *description;
	int64_t		 cost, rrp;
	int		 needs_case, needs_device;
	int64_t		 ent[STORE_INFRA];
};

/* A site's own RRP of a service. */
struct store_site_rrp {
	int64_t		 service_id, site_id, rrp;
};

struct store_rule {
	int64_t		 id;
	const char	*kind;		/* requires, excludes, max_qty */
	int64_t		 service_id;
	int64_t		 other_id;	/* 0: none */
	const char	*other_category; /* "" : none */
	int		 qty_le;
	int64_t		 max_qty;
};

/* A row of a plan a new rule may break (store_rule_impact). */
struct store_impact_row {
	int64_t		 occ, site;
	const char	*occ_name, *site_name;
	int64_t		 service_id, qty;
};
/* The current rows (on day) of every plan holding service, grouped by
 * plan (occupier name, site name). 1, or -1. */
int	 store_rule_impact(struct arena *, int64_t op, int64_t service,
	    int32_t day, struct store_impact_row **, size_t *);

struct store_catalog {
	struct store_service	*svc;
	size_t			 nsvc;
	struct store_rule	*rules;
	size_t			 nrules;
	const char		*currency;	/* the operator's ISO 4217 code:
						 * store_plan_read and
						 * store_plan_context only */
};

struct store_occsvc {
	int64_t		 id;
	int64_t		 service_id;
	int64_t		 contract_id;
	int64_t		 price;
	int64_t		 qty;
	int32_t		 start;		/* day numbers; DATE_NONE when NULL */
	int32_t		 activated;
	int32_t		 ended;
	const char	*contract_ref;
	int32_t		 contract_start;
	int32_t		 contract_end;
	/* store_plan_lock only: the charge ledger's row in force (ledger_from
	 * DATE_NONE: none; see store_ledger.h). */
	int32_t		 ledger_from;
	int64_t		 ledger_price, ledger_qty;
};

struct store_event {
	int64_t		 at;		/* unix seconds */
	const char	*who;
	const char	*entity;
	int64_t		 entity_id;
	const char	*action;
	const char	*old_value;
	const char	*new_value;
};

/* Whole catalog of the operator; available set for site (0: none). */
int	 store_catalog_load(struct arena *, int64_t op, int64_t site,
	    struct store_catalog *);
int	 store_catalog_bump(int64_t op);
/* Write service id as def says (needs_* are not changed): 1, -2 its
 * code is another service's, -1 error. */
int	 store_service_update(int64_t op, int64_t id,
	    const struct store_service_def *def);
/* A new service, last in the catalog's order: its id, -2 the code is
 * taken, -1 error. */
int64_t	 store_service_insert(int64_t op, const struct store_service_def *);
/* Retire (retired 1) or offer again (0): 1 changed, 0 it was so, -1. */
int	 store_service_retire(int64_t op, int64_t id, int retired);
/* The sites' own RRPs of service (0: of every service), by service and
 * site: 1 (*n may be 0), -1. */
int	 store_service_site_rrps(struct arena *, int64_t op, int64_t service,
	    struct store_site_rrp **, size_t *n);
/* Offer the service at sites[0..n) only, each at rrps[i] (< 0 or rrps
 * NULL: the service's RRP). */
int	 store_service_sites_set(int64_t op, int64_t id, const int64_t *sites,
	    const int64_t *rrps, size_t n);
/* other_id 0 and other_category NULL when not used; max_qty 0 likewise. */
int	 store_rule_insert(int64_t op, const char *kind, int64_t service,
	    int64_t other_id, const char *other_category, int qty_le,
	    int64_t max_qty);
int	 store_rule_delete(int64_t op, int64_t id);

/* Inside a transaction, in one round trip: lock the plan of the occupier
 * at the site (creating its row if needed) and its current (not ended)
 * rows, FOR UPDATE; the version and those rows, by id. 0: no such occupier
 * or site. */
int	 store_plan_lock(struct arena *, int64_t op, int64_t occ, int64_t site,
	    int64_t *version, struct store_occsvc **, size_t *);
/* The header of an occupier tab, read with its plan (store_plan_read). */
struct store_plan_head {
	int			 found;		/* 0: not the operator's occupier */
	struct store_occupier	 o;
	int64_t			 sites_version;	/* for store_site_names */
};
/* In one round trip: the catalog (as store_catalog_load), the in-use
 * counters (as store_plan_context), every service row, current first,
 * then by id, the plan's version (as store_plan_version) and, when head
 * is not NULL, the tab's header. Outside a transaction's locks. With a
 * header, and the request's page versions (store_pagever_set) of this
 * operator, occupier and site equal to those of a read this worker kept,
 * no statement: the kept answer (doc/page-cache.md). */
int	 store_plan_read(struct arena *, int64_t op, int64_t occ, int64_t site,
	    struct store_catalog *, int64_t in_use[STORE_INFRA],
	    struct store_occsvc **, size_t *, int64_t *version,
	    struct store_plan_head *head);
/* The catalog (as store_catalog_load), X of each infrastructure fraction
 * for the occupier at the site, its contracts there (as
 * store_contract_list) and the public IPs it holds there (any state), in
 * one round trip. */
int	 store_plan_context(struct arena *, int64_t op, int64_t occ,
	    int64_t site, struct store_catalog *, int64_t in_use[STORE_INFRA],
	    struct store_contract **, size_t *, int64_t *ips_held);
/* Inside a transaction: lock the plan's version row (creating it if
 * needed) and read the version. 0: no such occupier or site. */
int	 store_plan_version(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int64_t *version);
int	 store_plan_bump(int64_t op, int64_t occ, int64_t site);
int	 store_occsvc_insert(int64_t op, int64_t occ, int64_t site,
	    const struct store_occsvc *, int64_t user, int64_t *id);
int	 store_occsvc_update(int64_t op, int64_t id, int64_t price,
	    int64_t qty, int64_t user);
int	 store_occsvc_end(int64_t op, int64_t id, int32_t day, int64_t user);
/* Only a service that never started (not activated, or activated in the
 * future): 0 when it had started. */
int	 store_occsvc_delete(int64_t op, int64_t id, int32_t today);
int	 store_occsvc_activate(int64_t op, int64_t id, int32_t day);
/* A service of a contract that has not started (store_occsvc_unstarted). */
struct store_unstarted {
	int64_t		 id;
	const char	*name;		/* catalog service name */
	int32_t		 start;
	int32_t		 activated;	/* DATE_NONE, or a day after today */
};
/* Inside a transaction: the services of contract that have not started by
 * today (not ended; not activated, or activated after today), locked, by
 * id. 1 ok (n may be 0). */
int	 store_occsvc_unstarted(struct arena *, int64_t op, int64_t contract,
	    int32_t today, struct store_unstarted **, size_t *n);
/* Set a service's start date and activation day (DATE_NONE: none). */
int	 store_occsvc_move(int64_t op, int64_t id, int32_t start,
	    int32_t activated);
int	 store_history(struct arena *, int64_t op, int64_t occ, int64_t site,
	    int64_t offset, int64_t limit, struct store_event **, size_t *);

/* ---- reports (store_service.c); charges: store_ledger.h ---- */

struct store_charge_change {
	int64_t		 occsvc_id;
	int32_t		 day;
	const char	*old_value;	/* "price=..\nqty=.." */
	const char	*new_value;
};

struct store_active {
	int64_t		 id;
	int64_t		 site_id;
	const char	*site_name;
	int64_t		 service_id;
	const char	*service_name;
	int64_t		 cost, rrp, price, qty;
	const char	*occ_name;
	const char	*contract_ref;
};

/* Price/QTY changes (audit events) up to last, by occupier service then
 * day: what charges were computed from before the charge ledger
 * (store_ledger.h); read only by `tenantry ledger-check`. */
int	 store_charge_changes(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int32_t last, struct store_charge_change **, size_t *);

/* Escape % _ and \ for LIKE and wrap in %...%. */
char	*store_like_pattern(struct arena *, const char *q);

#endif
