/*
 * store_usage: the SQL of usage billing (tables of sql/050_usage.sql).
 * Every function takes the operator id and filters on it; a site or
 * occupier of another operator is "not found".
 *
 * Return convention: <0 error (logged), 0 not found, >0 ok (the reads
 * return 1 also when they find no rows). Strings live in the arena.
 * The writes run inside the caller's transaction.
 */
#ifndef TENANTRY_STORE_USAGE_H
#define TENANTRY_STORE_USAGE_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/ratecard.h"
#include "../domain/usage.h"

struct arena;

/* ---- what rating a site needs ---- */

struct su_number {
	int64_t		 id;
	const char	*number;	/* as stored: "+44 20 7946 0100" */
};
/* A holding of a number (phone_holder). */
struct su_holding {
	int64_t		 number_id;
	int64_t		 occupier;
	int64_t		 from, until;	/* until USAGE_OPEN while held */
};
/* A Tariff, Voice or Bandwidth service row of an occupier at a site. */
enum su_cat { SU_TARIFF, SU_VOICE, SU_BANDWIDTH };
struct su_service {
	int64_t		 occupier;
	enum su_cat	 cat;
	const char	*name;		/* the service's */
	struct usage_period p;		/* from activation to end, service, QTY */
};
struct su_rate {
	int64_t		 service;	/* the tariff */
	struct usage_rate r;
};
struct su_allowance {
	int64_t		 service, group;
	int64_t		 minutes;	/* -1: unlimited */
	int		 per_line;
};
struct su_group {
	int64_t		 id;
	const char	*code, *name;
};
struct su_tier {
	int64_t		 service;
	const char	*name;
	int64_t		 mbps, per_mbps;
};

/* The site (its name), 0 when it is not the operator's. */
int	 store_usage_site(struct arena *, int64_t op, int64_t site,
	    const char **name);
/* Command line: the operator of a site (no user to scope by). */
int	 store_usage_site_operator(struct arena *, int64_t site, int64_t *op,
	    const char **name);
int	 store_usage_numbers(struct arena *, int64_t op, int64_t site,
	    struct su_number **, size_t *);
/* By number, then from. */
int	 store_usage_holdings(struct arena *, int64_t op, int64_t site,
	    struct su_holding **, size_t *);
/* occ 0: every occupier of the site. Rows never activated are left out. */
int	 store_usage_services(struct arena *, int64_t op, int64_t site,
	    int64_t occ, struct su_service **, size_t *);
/* By tariff, then prefix. */
int	 store_usage_rates(struct arena *, int64_t op, struct su_rate **,
	    size_t *);
int	 store_usage_allowances(struct arena *, int64_t op,
	    struct su_allowance **, size_t *);
/* In display order. */
int	 store_usage_groups(struct arena *, int64_t op, struct su_group **,
	    size_t *);
int	 store_usage_tiers(struct arena *, int64_t op, struct su_tier **,
	    size_t *);
/* The occupier's name and whether it has a contract at the site; 0 when
 * it is not the operator's. */
int	 store_usage_occupier(struct arena *, int64_t op, int64_t occ,
	    int64_t site, const char **name, int *has_contract);

/* ---- import ---- */

/* Lock the site's import row (created if needed) until the transaction
 * ends, so that imports of a site run one at a time, and (bump) count
 * this import: *imports is the count before it. 0: no such site. */
int	 store_usage_lock(struct arena *, int64_t op, int64_t site,
	    int64_t *imports, int bump);

struct su_import {
	int64_t		 id;
	const char	*kind;		/* "calls", "traffic" */
	const char	*file_name;
	int64_t		 records, added, duplicates, unattributed;
	int64_t		 occupier_id;	/* traffic */
	const char	*occupier_name;
	const char	*interface;
	int64_t		 user_id;
	const char	*user_name;	/* "" for the command line */
	const char	*via;		/* web, cli, seed */
	int64_t		 at;		/* unix time */
};
int	 store_usage_import_add(int64_t op, int64_t site,
	    const struct su_import *, int64_t *id);
/* Correct the counts of an import once its records are written. */
int	 store_usage_import_counts(int64_t op, int64_t id, int64_t added,
	    int64_t duplicates);
/* The latest n imports of the site, newest first. */
int	 store_usage_imports(struct arena *, int64_t op, int64_t site,
	    size_t n, struct su_import **, size_t *);
int	 store_usage_import_get(struct arena *, int64_t op, int64_t site,
	    int64_t id, struct su_import *);

/* A call as stored. */
struct su_call {
	int64_t		 started;
	const char	*calling, *called;	/* international digits */
	int		 dir;			/* enum usage_dir */
	int64_t		 duration;
	int64_t		 carrier_cost;		/* -1: not given */
	int		 month;
	int64_t		 occupier;		/* 0: nobody */
	int		 kind;			/* enum usage_kind */
	int64_t		 service, group;
	int64_t		 billed, per_minute, setup, minimum;
	int64_t		 included, amount;
};
/* Count an import that changed calls (under store_usage_lock). */
int	 store_usage_bump(int64_t op, int64_t site);
/* The natural keys of the site's calls that started in [from, to]. */
int	 store_usage_existing(struct arena *, int64_t op, int64_t site,
	    int64_t from, int64_t to, struct su_call **, size_t *);
/* Insert calls (all new: the caller removed what exists). */
int	 store_usage_calls_add(struct arena *, int64_t op, int64_t site,
	    int64_t import_id, const struct su_call *, size_t n);
/* Set the allowance and charge of calls already stored (a month re-rated). */
int	 store_usage_calls_rerate(struct arena *, int64_t op, int64_t site,
	    const struct su_call *, size_t n);
/* The calls at the site in month ([from, to) its unix times) of occupier
 * occ (0: of nobody; -1: everyone's), in call order (start, calling,
 * called, direction). */
int	 store_usage_calls(struct arena *, int64_t op, int64_t site,
	    int64_t occ, int month, int64_t from, int64_t to,
	    struct su_call **, size_t *);

/* A row of the monthly voice summary (or of an import's state). */
struct su_vm {
	int		 month;		/* YYYYMM */
	int64_t		 occupier;	/* 0: nobody */
	int		 kind;
	int64_t		 group;		/* 0: not rated */
	int64_t		 calls, seconds, billed, included, amount, carrier;
	int64_t		 last_started;	/* store_usage_state only */
};
/* Per occupier, kind and group of the month so far: the allowance used
 * (included) and the latest call (last_started). */
int	 store_usage_state(struct arena *, int64_t op, int64_t site, int month,
	    int64_t from, int64_t to, struct su_vm **, size_t *);
/*
 * Make the month's summary (usage_voice_month) current: when the site had
 * imports since it was built, build it again from the calls, on the
 * server, in a transaction of its own (or the caller's). 1, -1 error.
 */
int	 store_usage_month_fresh(struct arena *, int64_t op, int64_t site,
	    int month, int64_t from, int64_t to);
/* The import count the month's summary was built at (0: none built). */
int	 store_usage_month_get(struct arena *, int64_t op, int64_t site,
	    int month, int64_t *imports);
/* Record that the summary is current at that count. */
int	 store_usage_month_put(int64_t op, int64_t site, int month,
	    int64_t imports);
/* Write summary rows: add 0 inserts them (after store_usage_vm_clear of
 * their month), add 1 adds them to the rows there. */
int	 store_usage_vm_put(struct arena *, int64_t op, int64_t site,
	    const struct su_vm *, size_t n, int add);
int	 store_usage_vm_clear(struct arena *, int64_t op, int64_t site,
	    int month);
/* The summary rows of month at the site (all: every occupier; else only
 * occ's). Make it fresh first. */
int	 store_usage_vm(struct arena *, int64_t op, int64_t site, int month,
	    int64_t occ, int all, struct su_vm **, size_t *);

/* Traffic samples of one interface; returns how many were new. */
int64_t	 store_usage_traffic_add(struct arena *, int64_t op, int64_t site,
	    int64_t occ, const char *interface, int64_t import_id,
	    const struct usage_sample *, size_t n);
/* The occupier's bits per slot in month, all interfaces summed. */
int	 store_usage_traffic(struct arena *, int64_t op, int64_t site,
	    int64_t occ, int month, int64_t **in_bits, int64_t **out_bits,
	    size_t *n);

struct su_bw {
	int64_t		 occupier;
	int64_t		 samples, p95_in, p95_out;	/* bits per slot */
};
int	 store_usage_bw_set(int64_t op, int64_t site, int month,
	    const struct su_bw *);
/* occ 0: the whole site. */
int	 store_usage_bw(struct arena *, int64_t op, int64_t site, int month,
	    int64_t occ, struct su_bw **, size_t *);

/* ---- the report's allocations ---- */

struct su_count {
	int64_t		 occupier;
	int64_t		 n;
};
/* Numbers each occupier held at some time in [from, to) (occ 0: all). */
int	 store_usage_numbers_held(struct arena *, int64_t op, int64_t site,
	    int64_t occ, int64_t from, int64_t to, struct su_count **,
	    size_t *);
/* Floor ports each occupier holds at the site (occ 0: all). */
int	 store_usage_ports_held(struct arena *, int64_t op, int64_t site,
	    int64_t occ, struct su_count **, size_t *);

struct su_occupier {
	int64_t		 id;
	const char	*name, *billing_ref;
};
/* The occupiers of the site's report for month: with a contract at the
 * site or with usage there in month, by name. */
int	 store_usage_report_occupiers(struct arena *, int64_t op,
	    int64_t site, int month, struct su_occupier **, size_t *);

/* ---- the usage catalog (ops/usage_catalog.c) and the demo ---- */

/* The operator's usage catalog (from arena), with the names shown: a
 * service's and a group's (names[i][0], [1]). 1, -1. */
struct su_card {
	struct usage_cat_group		*g;
	struct usage_cat_rate		*r;
	struct usage_cat_allowance	*l;
	struct usage_cat_tier		*t;
	const char			*(*rname)[2], *(*lname)[2], **tname;
	size_t				 ng, nr, nl, nt;
};
int	 store_usage_card(struct arena *, int64_t op, struct su_card *);
/* The operator's service with code: 1 (*id, *category from arena), 0
 * none, -1. */
int	 store_usage_service_cat(struct arena *, int64_t op, const char *code,
	    int64_t *id, const char **category);
/* Group code put (added last in order, or renamed), its id. 1, -1. */
int	 store_usage_group_put(struct arena *, int64_t op, const char *code,
	    const char *name, int64_t *id, int *added);
/* The group with code: 1 (*id), 0 none, -1. */
int	 store_usage_group_id(struct arena *, int64_t op, const char *code,
	    int64_t *id);
/* Drop service's rates, allowances or tier. 1, -1. */
int	 store_usage_rates_drop(int64_t op, int64_t service);
int	 store_usage_allowances_drop(int64_t op, int64_t service);
int	 store_usage_tier_drop(int64_t op, int64_t service);
int	 store_usage_rate_add(int64_t op, int64_t service,
	    const struct usage_rate *);
int	 store_usage_allowance_add(int64_t op, int64_t service, int64_t group,
	    int64_t minutes, int per_line);
int	 store_usage_tier_add(int64_t op, int64_t service, int64_t mbps,
	    int64_t per_mbps);
/* A holding written directly (the demo's past holder of a number). */
int	 store_usage_holding_add(int64_t op, int64_t site, int64_t number,
	    int64_t occ, int64_t from, int64_t until);

#endif
