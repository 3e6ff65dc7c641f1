/*
 * ratecard: an operator's usage catalog as a rate card, the text both the
 * shell (`tenantry usage rates`) and the Catalog's Usage rates page read
 * and write: CSV (fields may be in double quotes), one item a line, its
 * kind first; empty lines, lines starting with # and a first line
 * starting with "kind" are skipped:
 *
 *   group,CODE,NAME
 *   rate,TARIFF,PREFIX,GROUP,PER_MINUTE,SETUP,MINIMUM,FIRST,STEP
 *   allowance,TARIFF,GROUP,MINUTES|unlimited,per_line|total
 *   tier,SERVICE,COMMITTED_MBPS,BURST_PER_MBPS
 *
 * TARIFF and SERVICE are catalog codes; PER_MINUTE, SETUP and MINIMUM are
 * pence (or cents) with up to three decimals ("1.5" is 1.5p a minute),
 * kept in thousandths; FIRST and STEP whole seconds; BURST_PER_MBPS an
 * amount a month ("5.00"). Reading checks the form of each line only;
 * the rules (ops/usage_catalog.h) are the operation's. Pure.
 */
#ifndef TENANTRY_RATECARD_H
#define TENANTRY_RATECARD_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct buf;

struct usage_cat_group {
	const char	*code;		/* [a-z0-9_], 1-32 */
	const char	*name;		/* 1-100 */
};

/* Amounts in thousandths of a minor unit (1.5p a minute: 1500). */
struct usage_cat_rate {
	const char	*tariff;	/* a Tariff service's code */
	const char	*prefix;	/* international digits, 0-16; "" any */
	const char	*group;		/* a group's code */
	int64_t		 per_minute, setup, minimum;
	int32_t		 first, step;	/* seconds: 0-3600, 1-3600 */
};

struct usage_cat_allowance {
	const char	*tariff;
	const char	*group;
	int64_t		 minutes;	/* a month; -1 unlimited */
	int		 per_line;	/* minutes per voice line */
};

struct usage_cat_tier {
	const char	*service;	/* a Bandwidth service's code */
	int64_t		 mbps;		/* committed, 1-100000 */
	int64_t		 per_mbps;	/* a Mbps of burst a month, minor units */
};

struct ratecard_err {
	size_t		 line;
	const char	*text;
};

#define RATECARD_BYTES_MAX	(1 << 20)
#define RATECARD_ITEMS_MAX	20000	/* of each kind */
#define RATECARD_ERRS_MAX	50

struct ratecard {
	struct usage_cat_group		*g;
	struct usage_cat_rate		*r;
	struct usage_cat_allowance	*l;
	struct usage_cat_tier		*t;
	size_t				*gl, *rl, *ll, *tl;	/* their lines */
	size_t				 ng, nr, nl, nt;
	struct ratecard_err		*errs;
	size_t				 nerrs;
	int				 more_errs;
};

/* Read len bytes of text into k (from arena a): every line's form
 * checked; k->nerrs 0 when every line is an item. */
void	 ratecard_read(struct arena *, const char *text, size_t len,
	    struct ratecard *k);
/* The line of the item an operation's refusal names ("rate 3", as
 * ops_usage_catalog_set names them), or 0. */
size_t	 ratecard_line_of(const struct ratecard *, const char *field);
/* Append the card of these items, as ratecard_read reads it. */
void	 ratecard_write(struct buf *, const struct usage_cat_group *, size_t,
	    const struct usage_cat_rate *, size_t,
	    const struct usage_cat_allowance *, size_t,
	    const struct usage_cat_tier *, size_t);
/* Thousandths as the card writes them: 2500 -> "2.5", 30000 -> "30". */
const char *ratecard_price(struct arena *, int64_t thousandths);

#endif
