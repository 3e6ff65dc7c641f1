/*
 * usage: the pure rules of usage billing: call detail records (CDRs) and
 * 5-minute traffic samples read from CSV, phone numbers, who held a
 * number when, rate tables with longest-prefix match, billing increments,
 * minimum and set-up charges, inclusive allowances consumed in call
 * order, and the 95th percentile of bandwidth. No I/O and no database;
 * the time functions read the process time zone (TZ, set from
 * TENANTRY_TZ at start-up), which is what makes a day "local".
 *
 * Money and rates are integers. A rate table stores prices per minute, a
 * set-up charge and a minimum charge in thousandths of a minor unit
 * ("millipence": 1.5p a minute is 1500), so that cheap destinations can
 * be priced below a penny a minute.
 *
 * THE ROUNDING RULE (the one place it is stated): every usage amount is
 * worked out exactly in integers and rounded half up to a whole minor
 * unit once: once per call for calls (usage_call_charge), once per month
 * for a bandwidth burst (usage_burst_charge). Every line and total of
 * usage is the sum of those rounded amounts, so an itemised call list
 * always adds up to its line to the penny.
 */
#ifndef TENANTRY_USAGE_H
#define TENANTRY_USAGE_H

#include <stddef.h>
#include <stdint.h>

struct arena;

#define USAGE_DIGITS_MAX	15		/* digits of a normalised number (E.164) */
#define USAGE_COUNTRY		"44"		/* national numbers ("020 ...") are UK */
#define USAGE_SLOT		300		/* seconds of a traffic sample */
#define USAGE_UNLIMITED		INT64_MAX	/* an allowance without a limit */
#define USAGE_OPEN		INT64_MAX	/* a holding still running */
#define USAGE_LINE_MAX		1024		/* bytes of one CSV record */
#define USAGE_MSG_MAX		240		/* bytes of an error message */

/* ---- phone numbers ---- */

/*
 * Normalise a phone number to international digits without the '+':
 * "+44 20 7946 0100", "0044 20 7946 0100" and "020 7946 0100" all give
 * "442079460100" (a national number, one leading 0, is read as a UK
 * number); a short code without a prefix ("999", "118118", fewer than
 * 8 digits) is a UK number too; other bare digit strings are taken as
 * international already. Spaces, '-', '.', '(' and ')' are ignored.
 * Returns the number of digits written to out (NUL-terminated; out holds
 * USAGE_DIGITS_MAX + 1 bytes), or -1 when s is not a phone number
 * (another character, no digits, more than USAGE_DIGITS_MAX digits).
 */
int	 usage_number_norm(const char *s, size_t len, char *out);

/* ---- time (local to the process time zone) ---- */

/*
 * A start time with its zone: "YYYY-MM-DDTHH:MM:SS" (a space may stand
 * for the T; seconds optional) followed by "Z", "+HH:MM", "+HHMM" or
 * "+HH" (or '-'). Years 2000-2099. Returns 0 and the unix time in *t, or
 * -1. A time without a zone is refused: a PBX in another zone (or a
 * summer-time change) would otherwise shift every call by hours.
 */
int	 usage_time_parse(const char *s, size_t len, int64_t *t);
/* The unix time of local midnight starting day. */
int64_t	 usage_day_start(int32_t day);
/* The local day of unix time t. */
int32_t	 usage_day_of(int64_t t);
/* The local month of unix time t as YYYYMM (202602). */
int	 usage_month_of(int64_t t);
/* [*from, *to) of local month (year, month) as unix times. */
void	 usage_month_bounds(int year, int month, int64_t *from, int64_t *to);
/* "2026-02-03 09:15:00" (local) into buf (at least 20 bytes). */
void	 usage_time_format(int64_t t, char *buf, size_t cap);
/*
 * The moment a change made now (unix time) takes effect on business day
 * today: today's local midnight plus the local time of day of now. Equal
 * to now when today is the real local date; tests and demos that pin
 * today get a moment on the pinned day.
 */
int64_t	 usage_moment(int32_t today, int64_t now);

/* ---- CSV records ---- */

/*
 * A reader of RFC 4180 records over a buffer: fields separated by ',',
 * optionally quoted ("" inside quotes is one "), records ended by LF or
 * CRLF. Blank lines are skipped. line is the number of the line the
 * current record starts on (from 1).
 */
struct usage_csv {
	const char	*p, *end;
	size_t		 line, next_line;
	size_t		 max_fields;	/* USAGE_CSV_FIELDS unless set after init */
	char		 buf[USAGE_LINE_MAX];
};
#define USAGE_CSV_FIELDS	8
void	 usage_csv_init(struct usage_csv *, const char *data, size_t len);
/*
 * The next record: up to max_fields fields (f has room for them; pointers into the
 * reader's buffer, NUL-terminated, spaces around unquoted fields
 * trimmed). Returns the number of fields, 0 at the end, or -1 with a
 * message in msg (cap bytes): an unterminated quote, a record longer
 * than USAGE_LINE_MAX bytes, more fields than max_fields, a NUL.
 */
int	 usage_csv_next(struct usage_csv *, char **f, char *msg, size_t cap);

/* ---- call detail records ---- */

enum usage_dir {
	USAGE_OUT,		/* "out", "outbound", "o" */
	USAGE_IN,		/* "in", "inbound", "i" */
};

struct usage_cdr {
	int64_t		 start;		/* unix time */
	int32_t		 duration;	/* seconds, 0..86400 */
	int		 dir;		/* enum usage_dir */
	int64_t		 carrier_cost;	/* ten-thousandths of a major unit; -1: none */
	size_t		 line;		/* where it was in its file */
	char		 calling[USAGE_DIGITS_MAX + 1];
	char		 called[USAGE_DIGITS_MAX + 1];
};

/*
 * Read a CDR file: one record per call with the columns calling number,
 * called number, start time with zone, duration in seconds, direction
 * and, optionally, the carrier's cost (a non-negative amount with up to
 * 4 decimals). A first line naming the columns ("calling,...") is
 * skipped. Returns the number of calls (in *out, arena memory, in file
 * order), or -1 when any record is bad: *bad_line and msg (USAGE_MSG_MAX
 * bytes) say which and why, e.g. "the start time “2026-02-30 10:00Z” is
 * not a date and time with a zone (2026-02-03T09:15:00Z)". An empty
 * file, or one with only the header line, is refused too.
 */
long	 usage_cdr_read(struct arena *, const char *data, size_t len,
	    struct usage_cdr **out, size_t *bad_line, char *msg);
/* Order of normalised numbers: as the numbers they are (shorter first,
 * then digit by digit; they never start with 0). */
int	 usage_digits_cmp(const char *a, const char *b);
/* Order of calls: start time, then calling, called, direction (the
 * natural key, usage_digits_cmp for the numbers), for qsort. */
int	 usage_cdr_cmp(const void *, const void *);
/* 1 when a and b are the same call (the natural key: start, calling,
 * called, direction; the site is the file's). */
int	 usage_cdr_same(const struct usage_cdr *a, const struct usage_cdr *b);

/* ---- traffic samples ---- */

struct usage_sample {
	int64_t		 slot;		/* unix time of the 5-minute slot's start */
	int64_t		 bytes_in, bytes_out;
	size_t		 line;
};

/*
 * Read a traffic file of one port or VLAN: timestamp with zone, bytes in,
 * bytes out over the 5 minutes that start there (byte counts up to
 * 10^14). A timestamp inside a slot is taken as that slot's start (a
 * poller a few seconds late); two samples in one slot are an error. A
 * header line ("timestamp,...") is skipped. Returns the number of
 * samples (sorted by slot), or -1 with *bad_line and msg as
 * usage_cdr_read.
 */
long	 usage_samples_read(struct arena *, const char *data, size_t len,
	    struct usage_sample **out, size_t *bad_line, char *msg);

/* ---- who held a number when ---- */

/* One holding of a number: [from, until) unix times (until USAGE_OPEN
 * while it runs), by an occupier. */
struct usage_holding {
	int64_t		 from, until;
	int64_t		 occupier;
};
/* The occupier holding the number at t among n holdings sorted by from;
 * 0 when nobody did. */
int64_t	 usage_holder_at(const struct usage_holding *, size_t n, int64_t t);

/* ---- services in force ---- */

/* A service row as far as usage needs it: from the day it started to the
 * day it ended (exclusive; DATE_NONE: open), service id and QTY. */
struct usage_period {
	int32_t		 from, to;
	int64_t		 service;
	int64_t		 qty;
};
/* The service in force on day (the latest started of those running);
 * NULL when none. */
const struct usage_period *usage_period_on(const struct usage_period *,
	    size_t n, int32_t day);
/* Sum of the QTY of the periods running on any day of month (year,
 * month): the voice lines an allowance "per voice line" counts. */
int64_t	 usage_qty_in_month(const struct usage_period *, size_t n, int year,
	    int month);
/* The period in force at the end of month (year, month), else the last
 * one that ran in it; NULL when none ran (a bandwidth tier). */
const struct usage_period *usage_period_month(const struct usage_period *,
	    size_t n, int year, int month);

/* ---- rates ---- */

/* One row of a rate table: calls whose normalised called number starts
 * with prefix ("" matches every number) are in group and cost
 * per_minute (millipence) for each billed minute, plus setup, at least
 * minimum; billed time is first seconds at least, then steps of step
 * seconds (60/1: a minute, then per second; 0/60: per started minute). */
struct usage_rate {
	const char	*prefix;
	int64_t		 group;
	int64_t		 per_minute, setup, minimum;
	int32_t		 first, step;
};

/* A rate table indexed for longest-prefix match (a digit trie). */
struct usage_ratetab;
/* Build over rates[0..n) (kept, not copied). NULL when a prefix is not
 * digits. */
struct usage_ratetab *usage_ratetab_new(struct arena *,
	    const struct usage_rate *rates, size_t n);
/* The rate of the longest prefix of digits; NULL when none matches. */
const struct usage_rate *usage_rate_match(const struct usage_ratetab *,
	    const char *digits);

/*
 * Billed seconds of a call of duration seconds: 0 for 0 (not connected);
 * else at least first, then rounded up to whole steps (step < 1 counts
 * as 1).
 */
int64_t	 usage_billed(int64_t duration, int32_t first, int32_t step);

/*
 * What a call costs, in minor units, rounded half up once (the rounding
 * rule above), when `included` of its billed seconds came out of an
 * allowance: nothing when all of them did (or billed is 0); when none
 * did, setup + per_minute x billed / 60, at least minimum; when some
 * did, per_minute x (billed - included) / 60 alone (the call started
 * inside the allowance, so no set-up or minimum). -1 on overflow.
 */
int64_t	 usage_call_charge(int64_t per_minute, int64_t setup, int64_t minimum,
	    int64_t billed, int64_t included);

/*
 * Take a call's billed seconds from an allowance of limit seconds
 * (USAGE_UNLIMITED: no limit; 0: none) of which *used are used: returns
 * the seconds included (at most what is left) and adds them to *used.
 * Calls take from it in call order, so the call that crosses the limit
 * is partly included and every later one pays in full.
 */
int64_t	 usage_allowance_take(int64_t limit, int64_t *used, int64_t billed);
/* An allowance of minutes (< 0: unlimited) per month, times lines when
 * per_line, in seconds (USAGE_UNLIMITED for unlimited). */
int64_t	 usage_allowance_seconds(int64_t minutes, int per_line, int64_t lines);

/* ---- rating a month ---- */

/* What became of a call. */
enum usage_kind {
	USAGE_RATED,		/* priced by the holder's tariff (maybe 0 in an allowance) */
	USAGE_INTERNAL,		/* between two numbers of the site: free */
	USAGE_INBOUND,		/* received: free, shown to the called number's holder */
	USAGE_NO_HOLDER,	/* made from a number nobody held: never charged */
	USAGE_NO_TARIFF,	/* the holder had no tariff that day: not charged */
	USAGE_NO_RATE,		/* no rate of the tariff matches the destination */
	USAGE_KIND__MAX
};
/* "Charged", "Internal (free)", ... */
extern const char *const usage_kind_labels[USAGE_KIND__MAX];

/*
 * The kind of a call: internal when both numbers belong to the site (the
 * site's own pool); else inbound when received; else no holder, no
 * tariff or no rate, in that order, when the holder (0: none), its
 * tariff (0: none) or a rate of it (0: none) is missing; else rated.
 */
enum usage_kind usage_classify(int dir, int calling_site, int called_site,
	    int64_t holder, int64_t tariff, int has_rate);

/* One call being rated. */
struct usage_item {
	int		 month;		/* YYYYMM of its start */
	int		 kind;		/* enum usage_kind; only USAGE_RATED costs */
	int64_t		 group;
	int64_t		 billed;	/* seconds (usage_billed) */
	int64_t		 per_minute, setup, minimum;
	int64_t		 limit;		/* allowance of group in its month under the
					 * call's tariff, seconds (0: none) */
	int64_t		 included;	/* out: seconds from the allowance */
	int64_t		 amount;	/* out: minor units */
};
/* Allowance used so far in a month and group. */
struct usage_used {
	int		 month;
	int64_t		 group;
	int64_t		 used;
};
/*
 * Rate the calls c[0..n) of one occupier, in call order: each rated call
 * takes its billed seconds from the allowance of its group in its month
 * (a new month starts with nothing used) and pays for the rest
 * (usage_call_charge); other kinds cost nothing. used[0..*nused) carries
 * what earlier calls took (an import that continues a month passes what
 * is stored) and is updated; it grows up to cap entries. 0, or -1 on
 * overflow or when more than cap month-and-group pairs are needed.
 */
int	 usage_rate_calls(struct usage_item *c, size_t n,
	    struct usage_used *used, size_t *nused, size_t cap);

/* ---- bandwidth ---- */

/*
 * The 95th percentile of v[0..n) by the burst-billing rule: sort the
 * 5-minute values ascending, drop the top 5 % (floor(n / 20) values: none
 * below 20 samples) and take the highest left. 0 when n is 0. Sorts v.
 */
int64_t	 usage_p95(int64_t *v, size_t n);
/* Bits of a 5-minute slot above a committed rate of mbps: the burst. */
int64_t	 usage_burst_bits(int64_t p95_bits, int64_t committed_mbps);
/*
 * The month's burst charge: burst_bits / (300 s x 10^6) Mbps at
 * per_mbps minor units per Mbps, rounded half up once. -1 on overflow.
 */
int64_t	 usage_burst_charge(int64_t burst_bits, int64_t per_mbps);
/* Bits of a 5-minute slot as Mbps with two decimals ("523.47"),
 * rounded half up. */
void	 usage_mbps_format(int64_t bits, char *buf, size_t cap);

/* ---- display ---- */

/* Seconds as minutes and seconds: "12:05" (minutes may exceed 59). */
void	 usage_duration_format(int64_t secs, char *buf, size_t cap);
/* A rate in millipence per minute as pence: "1.5p", "50p", "0.125p". */
void	 usage_rate_format(int64_t millipence, char *buf, size_t cap);

#endif
