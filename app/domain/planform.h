/*
 * planform: the rules of the Manage services form that need no store
 * (domain §4). Pure.
 *
 * The form holds the whole plan of one occupier at one site: a row per
 * service (the id of a current row, 0 for a new one) and a drop per
 * current row the user removed. A price and a QTY are checked as typed,
 * each with its own message; the rules engine (rules.h) checks the plan
 * as a whole.
 */
#ifndef TENANTRY_PLANFORM_H
#define TENANTRY_PLANFORM_H

#include <stddef.h>
#include <stdint.h>

#define PLANFORM_PRICE_CAP	24	/* bytes of a price as typed */
#define PLANFORM_QTY_CAP	6	/* bytes of a QTY as typed */
#define PLANFORM_QTY_MAX	9999

/* A price as typed: at most PLANFORM_PRICE_CAP bytes, an amount of 0.00
 * or more, with the operator's currency symbol or code and thousands
 * separators if the user likes (money_parse_price). 0 and *price, or -1. */
int	 planform_price(const char *raw, const char *currency,
	    int64_t *price);
/* A QTY as typed: a whole number from 1 to PLANFORM_QTY_MAX, at most
 * PLANFORM_QTY_CAP bytes (leading white space and a sign allowed, nothing
 * after the digits). 0 and *qty, or -1. */
int	 planform_qty(const char *raw, int64_t *qty);
/* 1 when price x qty is a line total money holds (at most MONEY_MAX). */
int	 planform_total_ok(int64_t price, int64_t qty);
/* 1 when no current row is named twice: among the rows' ids (0, a new
 * row, is not a name) and the drops, each id at most once. */
int	 planform_ids_distinct(const int64_t *rows, size_t nrows,
	    const int64_t *drops, size_t ndrops);
/* 1 when the rows' ids (0 left out) and the drops, already distinct,
 * name every current row cur[0..ncur) exactly once and nothing else:
 * what a save must hold. */
int	 planform_names_plan(const int64_t *rows, size_t nrows,
	    const int64_t *drops, size_t ndrops, const int64_t *cur,
	    size_t ncur);
/* Phone numbers a save allocates and activates: when the occupier had no
 * voice service at the site (voice QTY before 0) and the plan has some
 * (after), the numbers it lacks for them (in_use: its active numbers);
 * else 0. */
int64_t	 planform_voice_numbers(int64_t before, int64_t after,
	    int64_t in_use);

#endif
