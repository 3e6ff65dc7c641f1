/*
 * store_invoice: the SQL of invoicing (sql/040, statements in
 * sql_invoice.def): billing settings, occupier billing details, catalog
 * VAT and accounting codes, invoices and credit notes with their lines,
 * payments, bill runs, invoiced periods and exports.
 *
 * Return convention as store.h: <0 error (logged), 0 not found / nothing
 * changed, >0 ok. Strings live in the arena passed in. Functions marked
 * "in a transaction" expect the caller's db_begin.
 */
#ifndef TENANTRY_STORE_INVOICE_H
#define TENANTRY_STORE_INVOICE_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/invoice.h"

struct arena;
struct buf;

/* ---- settings ---- */

struct store_billset {
	const char	*legal_name, *address, *vat_number, *email;
	const char	*payment_details;
	const char	*invoice_prefix, *credit_prefix;
	int64_t		 terms_days;
	const char	*xero_account, *qbo_item, *sage_nominal;
	int64_t		 version;	/* 0: never saved (defaults) */
	const char	*operator_name, *currency;
};

/* Always 1 for an existing operator (defaults when never saved). */
int	 store_billset_get(struct arena *, int64_t op, struct store_billset *);
/* Insert (s->version 0) or update at s->version. 0: changed meanwhile. */
int	 store_billset_save(int64_t op, const struct store_billset *);

struct store_occbill {
	int64_t		 id;
	const char	*name, *billing_ref, *contact_email;
	const char	*billing_name, *billing_address, *vat_number;
	int64_t		 terms_days;	/* -1: the operator's default */
	int64_t		 version;
};

int	 store_occbill_get(struct arena *, int64_t op, int64_t occ,
	    struct store_occbill *);
/* 0: changed meanwhile (or no such occupier). */
int	 store_occbill_save(int64_t op, const struct store_occbill *);

struct store_svcbill {
	int64_t		 id;
	const char	*code, *name, *category;
	enum vat_rate	 rate;
	const char	*xero_account, *xero_tax, *qbo_item, *qbo_tax;
	const char	*sage_nominal, *sage_tax;
};

int	 store_svcbill_list(struct arena *, int64_t op, struct store_svcbill **,
	    size_t *);
int	 store_svcbill_save(int64_t op, const struct store_svcbill *);

/* ---- one document ---- */

struct store_party {
	const char	*name, *address, *vat, *ref, *email, *payment;
};

struct store_invoice {
	int64_t			 id, occupier_id;
	const char		*occ_name;
	int			 credit;	/* a credit note */
	int			 issued;
	int64_t			 run_id, site_id;
	const char		*site_name;	/* "" : all sites */
	int32_t			 period;	/* DATE_NONE: none */
	const char		*mode;		/* arrears, advance, "" */
	int64_t			 credit_of;
	const char		*credit_of_number;
	int64_t			 seq;
	const char		*number;	/* "" while a draft */
	int32_t			 issue, due;
	struct store_party	 bill, seller;	/* as issued; live for drafts */
	const char		*currency;
	int64_t			 net, vat, gross, credited, paid;
	int64_t			 exported_at, version;
	int64_t			 terms_days;	/* live */
	const char		*invoice_prefix, *credit_prefix;
	int64_t			 issued_at;
	const char		*issued_by;
};

struct store_invline {
	struct inv_line		 l;
	int64_t			 line_no;
	int64_t			 credited_by;	/* credit note id, 0: none */
	const char		*credited_by_number;
};

/* occ != 0: an occupier user's view (its own issued documents only). */
int	 store_invoice_get(struct arena *, int64_t op, int64_t occ, int64_t id,
	    struct store_invoice *);
int	 store_invoice_lines(struct arena *, int64_t op, int64_t id,
	    struct store_invline **, size_t *);

struct store_payment {
	int32_t		 paid_on;
	int64_t		 amount;
	const char	*reference, *by;
};
int	 store_invoice_payments(struct arena *, int64_t op, int64_t id,
	    struct store_payment **, size_t *);

struct store_credit_ref {
	int64_t		 id;
	const char	*number;
	int32_t		 issue;
	int64_t		 gross;
};
int	 store_invoice_credits(struct arena *, int64_t op, int64_t id,
	    struct store_credit_ref **, size_t *);

/* In a transaction: lock the document's row. 0: not found. */
struct store_invlock {
	int		 issued, credit;
	int64_t		 version, gross, credited, paid, occupier_id;
};
int	 store_invoice_lock(struct arena *, int64_t op, int64_t id,
	    struct store_invlock *);

/* In a transaction, drafts only: add lines (numbered after the last),
 * remove a staff line, set the totals from the lines, delete the draft. */
int	 store_invoice_add_lines(struct arena *, int64_t op, int64_t id,
	    const struct inv_line *, size_t n);
int	 store_invoice_line_delete(int64_t op, int64_t id, int64_t line);
int	 store_invoice_retotal(struct arena *, int64_t op, int64_t id,
	    struct inv_totals *);
int	 store_invoice_discard(int64_t op, int64_t id);

/* In a transaction: the next number of kind ("invoice" or "credit"),
 * under the counter's lock until commit or rollback. */
int	 store_counter_take(int64_t op, const char *kind, int64_t *seq);

struct store_issue {
	int64_t			 seq;
	const char		*number;
	int32_t			 issue, due;
	struct store_party	 bill, seller;
	const char		*currency;
	struct inv_totals	 t;
	int64_t			 user;
};
/* In a transaction: a draft becomes issued. 0: not a draft. */
int	 store_invoice_issue(int64_t op, int64_t id, const struct store_issue *);
/* In a transaction: a draft credit note of issued invoice id. */
int	 store_credit_create(int64_t op, int64_t id, int64_t user,
	    int64_t *credit_id);
int	 store_invoice_credited_add(int64_t op, int64_t id, int64_t amount);
int	 store_invoice_payment(int64_t op, int64_t id, int32_t day,
	    int64_t amount, const char *reference, int64_t user);

/* ---- lists ---- */

struct store_invitem {
	int64_t		 id;
	int		 credit, issued;
	const char	*number;
	int64_t		 occupier_id;
	const char	*occ_name;
	int32_t		 period;
	const char	*mode;
	int32_t		 issue, due;
	int64_t		 net, vat, gross, credited, paid;
	int		 exported;
	int64_t		 run_id;
};

struct store_invfilter {
	int64_t		 occupier_id;	/* 0: all */
	int64_t		 run_id;	/* 0: all */
	int		 issued_only;	/* occupier users */
	const char	*status;	/* all, draft, issued, paid, credited, credit */
	int32_t		 period;	/* DATE_NONE: all */
};

int	 store_invoice_list(struct arena *, int64_t op,
	    const struct store_invfilter *, int64_t limit, int64_t offset,
	    struct store_invitem **, size_t *);
int	 store_invoice_count(struct arena *, int64_t op,
	    const struct store_invfilter *, int64_t *count, int64_t *net,
	    int64_t *vat, int64_t *gross);

/* ---- bill runs ---- */

struct store_run {
	int64_t		 id, site_id;
	const char	*site_name;
	int32_t		 period;
	const char	*mode, *state;
	int64_t		 occupiers, invoices, lines, net;
	const char	*by;
	int64_t		 started, finished, micros;
	int64_t		 drafts, issued;	/* store_run_get only */
};

int	 store_run_insert(int64_t op, int64_t site, int32_t period,
	    const char *mode, int64_t user, int64_t *id);
int	 store_run_get(struct arena *, int64_t op, int64_t id,
	    struct store_run *);
int	 store_run_list(struct arena *, int64_t op, struct store_run **,
	    size_t *);
int	 store_run_drafts(struct arena *, int64_t op, int64_t run,
	    int64_t **ids, size_t *);
int	 store_run_progress(int64_t op, int64_t run, int64_t occupiers,
	    int64_t invoices, int64_t lines, int64_t net);
int	 store_run_done(int64_t op, int64_t run);
/* In a transaction: take the operator's bill-run lock. */
int	 store_run_lock(int64_t op);
/* Up to limit occupier ids above after, ascending. */
int	 store_run_occupiers(struct arena *, int64_t op, int64_t after,
	    int64_t limit, int64_t **ids, size_t *);
/* VAT rate and name of every catalog service, sorted by id. */
struct store_svcrate {
	int64_t		 id;
	enum vat_rate	 rate;
	const char	*name;
};
int	 store_run_rates(struct arena *, int64_t op, struct store_svcrate **,
	    size_t *);

/* A line invoiced before, as the diff needs it. */
struct store_invoiced {
	int64_t		 occ_id, occsvc_id, service_id, site_id;
	int32_t		 month, from, to;
	int		 days, dim;
	int64_t		 price, qty, net;
};
/* A group of rated calls not invoiced yet (STMT_RUN_USAGE). */
struct store_run_usage {
	int64_t		 occ_id, site_id, group_id;
	const char	*group;
	int64_t		 calls, billed, included, amount;
};
/* The rated calls of occupiers [occ_lo, occ_hi] in month (YYYYMM), at
 * site (0: every site), per occupier, site and group, that no invoice
 * holds yet; by occupier, site, group order. 1, -1. */
int	 store_run_usage(struct arena *, int64_t op, int64_t occ_lo,
	    int64_t occ_hi, int64_t site, int month,
	    struct store_run_usage **, size_t *);
/* An occupier's usage line at a site. */
struct store_occ_site {
	int64_t		 occ_id, site_id;
};
/* The bandwidth bursts of month (YYYYMM) at site (0: every site) that
 * invoices of occupiers [occ_lo, occ_hi] hold already; by occupier and
 * site. 1, -1. */
int	 store_run_bursts_invoiced(struct arena *, int64_t op,
	    int64_t occ_lo, int64_t occ_hi, int64_t site, int month,
	    struct store_occ_site **, size_t *);
int	 store_run_invoiced(struct arena *, int64_t op, int64_t occ_lo,
	    int64_t occ_hi, int64_t site, int32_t month_from, int32_t month_to,
	    struct store_invoiced **, size_t *);

struct store_period {
	int64_t		 site_id;
	int32_t		 month;
};
/* Months before `before` invoiced in advance and not closed. */
int	 store_run_open_periods(struct arena *, int64_t op, int64_t site,
	    int32_t before, struct store_period **, size_t *);
/* state "billed" or "closed" (a closed month stays closed). */
int	 store_run_period_mark(int64_t op, int64_t site, int32_t month,
	    const char *state, int64_t run);

/* One chunk's drafts: invoices (occupier, totals) and all their lines
 * (inv_line with line numbers in no[], occupiers in occ[]). In a
 * transaction. */
struct store_draft {
	int64_t			 occ_id;
	struct inv_totals	 t;
};
int	 store_run_insert_drafts(struct arena *, int64_t op, int64_t run,
	    int64_t site, int32_t period, const char *mode, int64_t user,
	    const struct store_draft *, size_t nd, const struct inv_line *,
	    const int64_t *occ, const int64_t *no, size_t nl);

/* The first closed (locked) month of the site in [from, to] (day
 * numbers, any day of the months): 1 and *month, or 0 when none. Shared
 * lock on what it read: call inside the saving transaction. */
int	 store_period_locked(struct arena *, int64_t op, int64_t site,
	    int32_t from, int32_t to, int32_t *month);

/* ---- exports ---- */

struct store_export {
	int64_t		 id;
	const char	*format;
	int32_t		 from, to;
	int64_t		 documents;
	const char	*by;
	int64_t		 at;
};

/* In a transaction: record an export of the months [from, to] (first
 * days), taking the documents not exported yet (all when again), invoices
 * only when invoices_only, and mark them exported. *docs: how many (0:
 * nothing to export). */
int	 store_export_create(int64_t op, const char *format, int32_t from,
	    int32_t to, int again, int invoices_only, int64_t user,
	    int64_t *id, int64_t *docs);
int	 store_export_list(struct arena *, int64_t op, struct store_export **,
	    size_t *);
int	 store_export_get(struct arena *, int64_t op, int64_t id,
	    struct store_export *);

struct store_exprow {
	int64_t		 doc_id;
	int		 credit;
	const char	*number, *credit_of, *name, *email, *address, *ref;
	int32_t		 issue, due;
	const char	*currency;
	int64_t		 terms_days;
	struct inv_line	 l;
	const char	*xero_account, *xero_tax, *qbo_item, *qbo_tax;
	const char	*sage_nominal, *sage_tax, *service_name;
};
int	 store_export_rows(struct arena *, int64_t op, int64_t id,
	    struct store_exprow **, size_t *);

#endif
