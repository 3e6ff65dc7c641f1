/*
 * invoice: the arithmetic of invoices and credit notes, pure (no I/O).
 *
 * VAT is charged per line (net x rate, rounded half-up on the amount's
 * magnitude, so that the VAT of -x is exactly -(VAT of x)) and summed per
 * rate, as a UK VAT invoice shows it; totals are net, VAT and gross.
 * Invoice lines come from charge lines: inv_diff turns "what the months
 * cost" and "what was invoiced for them" into the lines still to invoice
 * (new lines, and reversals of lines invoiced before that no longer hold),
 * so a bill run can run again, after a change or a crash, and invoice each
 * penny once. A credit note copies the lines it credits (net and VAT
 * unchanged), so it reverses them exactly. Money: integer minor units.
 */
#ifndef TENANTRY_INVOICE_H
#define TENANTRY_INVOICE_H

#include <stddef.h>
#include <stdint.h>

enum vat_rate {
	VAT_STANDARD,	/* "standard": 20 % */
	VAT_ZERO,	/* "zero": zero-rated, 0 % */
	VAT_EXEMPT,	/* "exempt": no VAT, shown apart from zero-rated */
	VAT__MAX
};
extern const char *const vat_rate_names[VAT__MAX];	/* as stored */
extern const char *const vat_rate_labels[VAT__MAX];	/* "20%", "0%", "Exempt" */
extern const int vat_rate_bp[VAT__MAX];			/* basis points */
/* VAT__MAX when s names no rate. */
enum vat_rate	 vat_rate_parse(const char *s);
/* "20%" for 2000 basis points, "Exempt" for an exempt rate, into buf. */
void		 vat_rate_label(enum vat_rate, int bp, char *buf, size_t cap);

/* VAT of one line: net x bp / 10000, rounded half-up on |net|. 0, or -1
 * on overflow or a rate outside 0..10000. */
int	 vat_line(int64_t net, int bp, int64_t *vat);

enum inv_line_kind {
	IL_CHARGE,	/* "charge": the month billed */
	IL_ADJUST,	/* "adjust": a month invoiced before, corrected */
	IL_ONEOFF,	/* "oneoff": added by staff */
	IL_DISCOUNT,	/* "discount": added by staff, negative */
	IL_CREDIT,	/* "credit": a credit note's copy of a line */
	IL_USAGE,	/* "usage": a month's rated calls of one group */
	IL__MAX
};
extern const char *const inv_line_kind_names[IL__MAX];
enum inv_line_kind	 inv_line_kind_parse(const char *s);

struct inv_line {
	int64_t			 id;		/* 0 until stored */
	enum inv_line_kind	 kind;
	int64_t			 occsvc_id;	/* charge/adjust, else 0 */
	int64_t			 service_id;	/* 0: none */
	int64_t			 site_id;	/* 0: none */
	int32_t			 month;		/* first day; DATE_NONE: none */
	int32_t			 from, to;	/* DATE_NONE: none */
	int			 days, dim;	/* 0: not prorated */
	int64_t			 unit_price, qty;
	int64_t			 net;		/* signed */
	enum vat_rate		 rate;
	int			 bp;
	int64_t			 vat;		/* signed, as net */
	int64_t			 credit_of_line;	/* credit lines, else 0 */
	int			 usage_month;	/* usage lines: YYYYMM, else 0 */
	int64_t			 usage_group;	/* usage lines: the group, or
						 * INV_USAGE_BURST */
	const char		*description;
};

/* The usage_group of a bandwidth burst line (never a group's id): with
 * the site, month and occupier, the key that bills a burst once. */
#define INV_USAGE_BURST	0

#define INV_MAX_RATES	8

struct inv_vat_sum {
	enum vat_rate	 rate;
	int		 bp;
	int64_t		 net, vat;
};

struct inv_totals {
	int64_t			 net, vat, gross;
	struct inv_vat_sum	 rates[INV_MAX_RATES];	/* by rate, then bp */
	size_t			 nrates;
};

/* Totals of n lines, VAT summed per (rate, bp): the lines' VAT as stored,
 * never recomputed from the sums. 0, or -1 on overflow or more than
 * INV_MAX_RATES rates. */
int	 inv_totals(const struct inv_line *, size_t n, struct inv_totals *);

/* Set l->bp from l->rate and l->vat from l->net. 0 or -1 (overflow). */
int	 inv_line_vat(struct inv_line *l);

/*
 * A charged run of days of one occupier service in one month (a line of
 * the charges), as wanted now or as invoiced before.
 */
struct inv_seg {
	int64_t		 occsvc_id, service_id, site_id, occ_id;
	int32_t		 month;		/* first day of the month charged */
	int32_t		 from, to;
	int		 days, dim;
	int64_t		 price, qty, amount;
	int		 sign;		/* +1, or -1: a reversal invoiced */
	size_t		 ord;		/* display order (wanted lines) */
	int		 adjust;	/* inv_diff output: an adjustment */
	const void	*ctx;		/* caller's (names, for descriptions) */
};

/*
 * The lines still to invoice: for each key (occupier service, month,
 * from, to, price, QTY, amount), the number wanted minus the sum of the
 * signs invoiced; a positive difference gives that many lines, a negative
 * one that many reversals (sign -1). A line is an adjustment unless its
 * month is `month` and nothing was invoiced for its service and month
 * before. Both arrays are sorted in place. Output in display order: by
 * month, then the service's first wanted position (services no longer
 * wanted last), reversals first. Returns the number written (at most
 * cap; nw + the sum of |sign| of have always suffices), or (size_t)-1
 * when cap is too small.
 */
size_t	 inv_diff(struct inv_seg *want, size_t nw, struct inv_seg *have,
	    size_t nh, int32_t month, struct inv_seg *out, size_t cap);

struct charge_line;
/* A charge line (domain/charges.h) of an occupier service as a wanted
 * segment (sign +1). */
void	 inv_seg_from_charge(struct inv_seg *, const struct charge_line *,
	    int64_t occsvc_id, int64_t service_id, int64_t site_id,
	    int64_t occ_id, size_t ord);
/* The invoice line of a segment from inv_diff: a charge or an adjustment,
 * net = sign x amount, VAT at rate. 0, or -1 on overflow. */
int	 inv_line_from_seg(const struct inv_seg *, enum vat_rate,
	    const char *description, struct inv_line *);

/* The credit note lines for lines src (kind IL_CREDIT, same net, VAT,
 * rate, dates and description, credit_of_line = the source id). */
void	 inv_credit_lines(const struct inv_line *src, size_t n,
	    struct inv_line *out);

enum inv_status {
	INV_DRAFT,	/* "draft" */
	INV_ISSUED,	/* "issued": numbered, money still due (or a credit note) */
	INV_PAID,	/* "paid": nothing left to pay */
	INV_CREDITED,	/* "credited": credit notes cover the whole of it */
	INV__MAX
};
extern const char *const inv_status_names[INV__MAX];
extern const char *const inv_status_labels[INV__MAX];

/* Status of an invoice (credit 0) or credit note (credit 1). */
enum inv_status	 inv_status(int credit, int issued, int64_t gross,
		    int64_t credited, int64_t paid);
/* Left to pay: gross - credited - paid (never below 0). */
int64_t		 inv_due(int64_t gross, int64_t credited, int64_t paid);

/* A line staff add to a draft: a one-off (qty x unit price, VAT at rate)
 * or a discount (one negative line of amount > 0). 0, or -1 when the net
 * overflows or goes past MONEY_MAX (description is kept, not copied). */
/*
 * The usage line of a month's rated calls of one destination group at a
 * site (usage_month YYYYMM), or of its bandwidth burst (group
 * INV_USAGE_BURST): QTY 1 at the amount, which is already the sum of the
 * calls' rounded charges (the burst's rounded charge); VAT at rate. 0 or
 * -1 (overflow).
 */
int	 inv_usage_line(struct inv_line *l, int64_t site, int usage_month,
	    int64_t group, int64_t amount, enum vat_rate rate,
	    const char *description);

int	 inv_oneoff_line(struct inv_line *, const char *description,
	    int64_t qty, int64_t unit_price, enum vat_rate);
int	 inv_discount_line(struct inv_line *, const char *description,
	    int64_t amount, enum vat_rate);

/* NULL when a bill run of month (year, month) suits its mode on day
 * today (in arrears: a month that has ended; in advance: this month or
 * next), else why not, as a sentence. */
const char	*inv_run_check(int year, int month, int advance, int32_t today);

/* 1 when s is fit to start a document number: letters, digits, - / _
 * and . only (the empty string too). */
int	 inv_prefix_ok(const char *s);

/* "1–31 Jan 2026 · 3 × 15.00 · 31/31 days" (UTF-8) for a line with
 * dates; "3 × 15.00" for one without. Into buf, truncated to cap. */
void	 inv_line_detail(const struct inv_line *, char *buf, size_t cap);

/* "January 2026" for the month of day. */
void	 inv_month_label(int32_t day, char *buf, size_t cap);

#endif
