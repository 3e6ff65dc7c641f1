/*
 * usage: usage billing as the rest of Tenantry uses it: importing call
 * detail records and traffic samples (the site's Telephony screen, the
 * Billing Usage Report's import page, `tenantry usage import`, the demo),
 * and what a month of usage comes to (the Billing Usage Report, the
 * occupier's usage and charges). The rules are in domain/usage.h (with
 * the rounding rule), the SQL in store/store_usage.c.
 *
 * Return convention: <0 error (logged; db_unavailable() tells a lost
 * database), 0 not found, >0 ok; -2 a refused file (nothing written).
 */
#ifndef TENANTRY_USAGE_API_H
#define TENANTRY_USAGE_API_H

#include <stddef.h>
#include <stdint.h>

#include "domain/usage.h"

struct arena;

/* ---- import ---- */

/* What rating a site's calls needs (numbers, who held them when, the
 * occupiers' tariffs and voice lines, rate tables, allowances), loaded
 * once and used for any number of files of that site. */
struct usage_site;
/* What to load: everything rating needs, or the numbers and groups that
 * showing calls needs. */
enum usage_load { USAGE_LOAD_RATING, USAGE_LOAD_DISPLAY };
/* 0: no such site of the operator. */
int	 usage_site_load(struct arena *, int64_t op, int64_t site,
	    enum usage_load, struct usage_site **);
const char *usage_site_name(const struct usage_site *);
/* Forget what the site keeps from one import to the next (call it when
 * the transaction of an import is rolled back). */
void	 usage_site_forget(struct usage_site *);
/*
 * After the last import of a run (committed): write the monthly
 * summaries of the months the run touched, from its own calls, when they
 * were empty or current before the run and nobody else imported since
 * (else they are built again from the calls when first read). In a
 * transaction of its own, or the caller's. 1, -1 error.
 */
int	 usage_site_finish(struct arena *, struct usage_site *);

struct usage_result {
	int64_t		 import_id;
	long		 records;	/* in the file */
	long		 added;		/* new calls or samples */
	long		 duplicates;	/* imported before, or twice in the file */
	long		 unattributed;	/* new calls from numbers nobody held */
	long		 unrated;	/* new calls not charged: no tariff or rate */
	long		 rerated;	/* occupier-months rated again (older calls came) */
	size_t		 bad_line;	/* refused: the line */
	char		 msg[USAGE_MSG_MAX];	/* refused: why */
};

/*
 * Import a CDR file (domain/usage.h, usage_cdr_read) of the site, inside
 * the caller's transaction: every call is attributed to the occupier
 * that held the calling number when it started (a received call to the
 * holder of the called number), rated by that occupier's tariff on the
 * call's day, and the month's allowances are taken in call order. A call
 * imported before (same site, start, calling and called numbers and
 * direction) counts once. user 0: no user (command line, demo); via:
 * "web", "cli" or "seed". 1 imported; -2 refused (res->bad_line and
 * res->msg; nothing written); -1 error. s keeps the month's allowance
 * state for the next file: a caller whose transaction then fails calls
 * usage_site_forget.
 */
int	 usage_import_calls(struct arena *, struct usage_site *,
	    const char *file_name, const char *data, size_t len, int64_t user,
	    const char *via, struct usage_result *);

/*
 * Import a traffic file of one port or VLAN (interface, at most 64
 * bytes) of occupier occ at the site, inside the caller's transaction,
 * and work out again the 95th percentiles of the months it touches.
 * A sample imported before (same occupier, interface and 5 minutes)
 * counts once. 1, -2 refused (also: occ has no contract at the site), 0
 * no such site or occupier, -1 error.
 */
int	 usage_import_traffic(struct arena *, int64_t op, int64_t site,
	    int64_t occ, const char *interface, const char *file_name,
	    const char *data, size_t len, int64_t user, const char *via,
	    struct usage_result *);

/* ---- what a month comes to ---- */

/*
 * A usage charge line: one per destination group with calls, and one for
 * a bandwidth burst. THIS IS THE API the occupier's charges and invoices
 * use (usage_month_lines): amounts are integer minor units, each the sum
 * of amounts rounded once by the rule of domain/usage.h.
 */
struct usage_line {
	const char	*code;		/* group code ("uk_mobile"), or "burst" */
	const char	*group;		/* the group's name; "" for the burst */
	const char	*label;		/* "Calls: UK mobile", "Bandwidth burst" */
	const char	*detail;	/* "12 calls, 34:10 billed (20:00 included)" */
	int64_t		 calls;		/* 0 for the burst */
	int64_t		 seconds, billed, included;
	int64_t		 amount;
};

/* The detail of a group's line: "12 calls, 34:10 billed (20:00
 * included)", as the report and the invoice line show it. */
const char *usage_calls_detail(struct arena *, int64_t calls, int64_t billed,
	    int64_t included);

/* An allowance of the month and how much of it is used. */
struct usage_allow_view {
	const char	*group;		/* its group's name */
	int64_t		 seconds;	/* USAGE_UNLIMITED: unlimited */
	int64_t		 used;
};

/* One occupier's month at a site: allocations, allowances, usage. */
struct usage_occ_month {
	int64_t			 id;
	const char		*name, *billing_ref;
	/* allocations */
	int64_t			 numbers;	/* held at some time in the month */
	int64_t			 ports;		/* floor ports held now */
	int64_t			 lines;		/* Voice QTY of the month */
	const char		*tariff;	/* at the month's end; "" none */
	const char		*tier;		/* bandwidth tier; "" none */
	int64_t			 committed_mbps;/* -1: no tier */
	/* allowances */
	struct usage_allow_view	*allow;
	size_t			 nallow;
	/* usage */
	struct usage_line	*lines_v;	/* the charge lines */
	size_t			 nlines;
	int64_t			 calls, seconds;	/* every call */
	int64_t			 free_calls;	/* internal and received */
	int64_t			 unrated_calls;	/* no tariff or no rate */
	int64_t			 samples;	/* traffic: 5-minute slots */
	int64_t			 p95_bits;	/* the higher of in and out */
	int64_t			 burst_bits;
	int64_t			 per_mbps;	/* burst price */
	int64_t			 carrier;	/* carrier cost, ten-thousandths */
	int64_t			 total;		/* sum of the lines */
};

/*
 * The usage charge lines of occupier occ at the site for month (year,
 * month), one per usage group (destination groups in their display
 * order, then the burst), and their total. Lines with no calls are left
 * out; a burst line appears when traffic was imported and the occupier
 * has a bandwidth tier (its amount may be 0). 1 (also when there are no
 * lines), 0 the occupier or site is not the operator's, -1 error.
 */
int	 usage_month_lines(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int year, int month, struct usage_line **,
	    size_t *n, int64_t *total);

/* The whole month of one occupier (the lines above and the rest). */
int	 usage_occ_month(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int year, int month, struct usage_occ_month *);

/* The Billing Usage Report of a site for a month. */
struct usage_report {
	const char		*site_name;
	struct usage_occ_month	*occ;		/* by name */
	size_t			 nocc;
	int64_t			 calls, billed, call_amount;
	int64_t			 burst_amount, total;
	int64_t			 free_calls, unrated_calls;
	int64_t			 nobody_calls, nobody_seconds;	/* unattributed */
	int64_t			 carrier;
};
/* 1, 0 no such site, -1 error. */
int	 usage_report(struct arena *, int64_t op, int64_t site, int year,
	    int month, struct usage_report *);

/* A stored number for display: the site's own format when it is one of
 * the site's numbers, else "+" and the digits. */
const char *usage_number_show(struct arena *, const struct usage_site *,
	    const char *digits);
/* The group's name ("" when unknown). */
const char *usage_group_name(const struct usage_site *, int64_t group);

#endif
