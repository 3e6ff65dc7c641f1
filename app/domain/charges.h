/*
 * charges: what an occupier pays for a month, to the penny.
 *
 * A service is charged from the day it starts (its activation day: the
 * contract start when that is in the future, else when it was activated)
 * to the day before it ended, never before or after. Its price and QTY
 * change over time (audit events); each run of days with a constant
 * price and QTY inside a month is one line:
 *	amount = price x days x QTY / days_in_month
 * rounded half-up to the penny once per line. Integer minor units only.
 */
#ifndef TENANTRY_CHARGES_H
#define TENANTRY_CHARGES_H

#include <stddef.h>
#include <stdint.h>

/* A change of price and QTY taking effect on a day. */
struct charge_change {
	int32_t		 day;
	int64_t		 price;		/* new price per unit per month */
	int64_t		 qty;		/* new QTY */
};

/* A run of days [from, to] (inclusive) at one price and QTY. */
struct charge_seg {
	int32_t		 from;
	int32_t		 to;		/* DATE_NONE: open-ended */
	int64_t		 price;
	int64_t		 qty;
};

struct charge_line {
	int32_t		 from, to;	/* inclusive, inside the month */
	int		 days;		/* to - from + 1 */
	int		 dim;		/* days in the month */
	int64_t		 price, qty;
	int64_t		 amount;	/* minor units */
};

/*
 * Segments of one service: charged from start (inclusive) to end
 * (exclusive: the day it ended, DATE_NONE if it goes on), starting at
 * price0/qty0, then changes (sorted by day; several on one day: the last
 * wins; a change before start sets the starting values). Returns the
 * number of segments written to out (at most cap; 0 when start is
 * DATE_NONE or end <= start).
 */
size_t	 charges_segments(int32_t start, int32_t end, int64_t price0,
	    int64_t qty0, const struct charge_change *changes, size_t nch,
	    struct charge_seg *out, size_t cap);

/* Round half-up of price x days x qty / dim. -1 on overflow or bad input. */
int	 charges_prorate(int64_t price, int64_t qty, int days, int dim,
	    int64_t *amount);

/*
 * Lines of month (year, month) for segments: each segment clipped to the
 * month; zero-day segments give no line. Returns lines written (<= cap),
 * or (size_t)-1 on overflow.
 */
size_t	 charges_month(const struct charge_seg *, size_t n, int year,
	    int month, struct charge_line *out, size_t cap);

/*
 * A line of the month so far (a month-to-date draft): the line cut at
 * last (inclusive), its days and amount recomputed (same days in the
 * month, so the amount is what has accrued by then). 1 kept, 0 the line
 * starts after last (drop it), -1 overflow or bad input.
 */
int	 charges_line_until(struct charge_line *, int32_t last);

/* "price=14.00\nqty=3" (audit text): fills what is present. 0 or -1. */
int	 charges_parse_values(const char *text, int64_t *price, int64_t *qty);

/* Parse "YYYY-MM" (1900..9999). 0 or -1. */
int	 charges_month_parse(const char *s, int *year, int *month);

#endif
