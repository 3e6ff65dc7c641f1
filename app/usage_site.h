/*
 * usage_site: the in-memory index of a site that rating calls needs
 * (usage_import.c builds it, usage_report.c reads it). Internal to the
 * usage module; everything lives in the arena it was loaded into.
 */
#ifndef TENANTRY_USAGE_SITE_H
#define TENANTRY_USAGE_SITE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/usage.h"
#include "store/store_usage.h"

/* A number of the site's pool and who held it when. */
struct usite_num {
	char			 digits[USAGE_DIGITS_MAX + 1];
	int64_t			 id;
	const char		*display;	/* as stored */
	const struct usage_holding *h;		/* by start */
	size_t			 nh;
};

/* An occupier's Tariff, Voice and Bandwidth services at the site. */
struct usite_occ {
	int64_t			 id;
	const struct usage_period *tariff, *voice, *bw;
	size_t			 nt, nv, nb;
};

/* A tariff: its rate table and allowances. */
struct usite_tariff {
	int64_t				 service;
	const struct usage_ratetab	*tab;		/* NULL: no rates */
	const struct su_allowance	*allow;
	size_t				 nallow;
};

/* An occupier-month as far as rating goes on: what its rated calls took
 * from the allowances, per group, and when its latest call started. */
#define USITE_GROUPS	16
struct usite_state {
	int64_t			 occupier;
	int			 month;
	int64_t			 last;
	size_t			 nused;
	struct usage_used	 used[USITE_GROUPS];
};

/* A month an import run touched, and what its summary was when the run
 * first touched it: the run can write the summary when it knows. */
enum usite_base {
	USITE_BASE_UNKNOWN,	/* stale: built again when read */
	USITE_BASE_EMPTY,	/* no calls before the run */
	USITE_BASE_CURRENT,	/* the summary was current */
};
struct usite_month {
	int			 month;
	enum usite_base		 base;
};

struct usage_site {
	int64_t			 op, site;
	const char		*name;
	struct usite_num	*num;
	size_t			 nnum;
	int32_t			*hash;		/* open addressing over num */
	uint32_t		 hmask;
	struct usage_holding	*holdings;
	struct usage_period	*periods;
	struct usite_occ	*occ;		/* by id */
	size_t			 nocc;
	struct usite_tariff	*tar;		/* by service */
	size_t			 ntar;
	struct su_group		*groups;	/* display order */
	size_t			 ngroups;
	/*
	 * The import state, kept from one file to the next (the command
	 * line imports a month of daily files): valid while the site's
	 * import count is `imports` (nobody else imported meanwhile).
	 */
	struct arena		*sa;		/* the arena it lives in */
	int64_t			 imports;	/* -1: nothing kept */
	struct usite_state	*st;
	size_t			 nst, stcap;
	int32_t			*sth;		/* open addressing over st */
	uint32_t		 sthmask;
	int64_t			 cur;		/* count before the running import */
	struct usite_month	*months;	/* months loaded into st */
	size_t			 nmonths, mcap;
	/* What the run's calls add to the months' summaries. */
	struct su_vm		*d;
	size_t			 nd, dcap;
	int32_t			*dh;
	uint32_t		 dhmask;
};

const struct usite_num	 *usage_site_number(const struct usage_site *,
			    const char *digits);
const struct usite_occ	 *usage_site_occ(const struct usage_site *, int64_t);
const struct usite_tariff *usage_site_tariff(const struct usage_site *,
			    int64_t service);
/* Allowance seconds of group in month for calls rated by tariff service
 * of occupier o (its voice lines of the month count when per line). */
int64_t	 usage_site_limit(const struct usage_site *, const struct usite_occ *o,
	    int64_t service, int64_t group, int month);

#endif
