/*
 * ledger: the charge ledger, each occupier service's price and QTY over
 * time as effective-dated rows, and the charge lines they make (the
 * proration rule of charges.h). Pure: the rows come from the store
 * (store/store_ledger.h) and go back to it.
 *
 * A row [from, to) holds the price and QTY in force from day `from` to
 * the day before `to` (to: DATE_NONE while they are still in force). The
 * rows of one service are contiguous and never overlap. A change on day D
 * closes the row in force at D and opens a new one from D, so what was in
 * force on any day before D is never rewritten: a month's charges are a
 * function of what was in force during that month. Several changes on one
 * day: the last one wins (the day's row is changed in place).
 *
 * A service is charged on the days of its charge window [start, end):
 * from the day it started (occupier_service.activated_at) to the day
 * before it ended (ended_at: the day a service is removed is not charged,
 * so on the day one service replaces another only the new one is). The
 * ledger may hold days outside the window (a price set before the service
 * started); they charge nothing.
 */
#ifndef TENANTRY_LEDGER_H
#define TENANTRY_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "charges.h"

struct ledger_row {
	int64_t		 occsvc_id;
	int32_t		 from;		/* first day in force */
	int32_t		 to;		/* first day no longer; DATE_NONE: open */
	int64_t		 price;		/* per unit per month, minor units */
	int64_t		 qty;
};

/*
 * The rows that record a change of a service's price and QTY to (price,
 * qty) taking effect on day, given the row in force (open: NULL when the
 * service has none yet, e.g. a new service). Written to out (upserts keyed
 * by service and from day), returns how many (1 or 2):
 *  - no open row: a new open row from day;
 *  - the open row starts on or after day (a second change the same day, or
 *    a clock set back): that row, with the new values (from unchanged);
 *  - else: the open row closed at day, and a new open row from day.
 */
size_t	 ledger_change(const struct ledger_row *open, int64_t occsvc_id,
	    int32_t day, int64_t price, int64_t qty, struct ledger_row out[2]);

/*
 * The open row closed when its service ends on day (removed: the day is
 * not charged). A row that starts after day is closed where it starts
 * (it holds no day). Writes *out.
 */
void	 ledger_close(const struct ledger_row *open, int32_t day,
	    struct ledger_row *out);

/*
 * The charged segments of one service: each of its rows (sorted by from,
 * contiguous) clipped to the charge window [start, end) (end DATE_NONE:
 * open; start DATE_NONE: never started, nothing). Rows outside the window
 * give nothing. out must hold n segments; returns how many were written.
 * Segments use charges.h's inclusive [from, to].
 */
size_t	 ledger_segments(int32_t start, int32_t end,
	    const struct ledger_row *rows, size_t n, struct charge_seg *out);

/*
 * The charge lines of month (year, month) for one service: each row
 * clipped to the month and to the charge window [start, end), one line per
 * row that keeps a day, amount = price x days x QTY / days in the month,
 * rounded half-up once per line. out must hold n lines (a row makes at
 * most one line a month): no fixed cap, however many changes a service
 * had. Returns the number of lines, or (size_t)-1 on an arithmetic
 * overflow.
 */
size_t	 ledger_month(int32_t start, int32_t end,
	    const struct ledger_row *rows, size_t n, int year, int month,
	    struct charge_line *out);

/*
 * Check that rows (one service's, sorted by from) are well formed: from <
 * to or from == to (a row that holds no day), each row's to is the next
 * row's from, only the last may be open. 0 ok, else the 1-based index of
 * the first offending row.
 */
size_t	 ledger_check_rows(const struct ledger_row *rows, size_t n);

#endif
