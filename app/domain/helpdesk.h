/*
 * helpdesk: the rules of support cases, pure (no database): statuses and
 * the moves between them, priorities and their SLA targets, categories,
 * and the SLA clock in business hours (Monday to Friday, 09:00 to 17:30)
 * of a time zone (the site's).
 *
 * The resolution clock runs while a case is open or in progress and is
 * paused while it awaits the customer, is resolved or closed; a case keeps
 * the business seconds counted before the clock last started (elapsed) and
 * when it started (running_since, 0 while paused). The first-response
 * clock runs from the case's creation to the operator side's first answer
 * (a comment, or moving the case on to awaiting customer or resolved).
 */
#ifndef TENANTRY_HELPDESK_H
#define TENANTRY_HELPDESK_H

#include <stddef.h>
#include <stdint.h>

enum hd_status {
	HD_OPEN,		/* "open" */
	HD_IN_PROGRESS,		/* "in_progress" */
	HD_AWAITING,		/* "awaiting_customer" */
	HD_RESOLVED,		/* "resolved" */
	HD_CLOSED,		/* "closed" */
	HD_STATUS__MAX
};
extern const char *const hd_status_names[HD_STATUS__MAX + 1];	/* NULL-terminated */
extern const char *const hd_status_labels[HD_STATUS__MAX];
/* The badge class of each status (app.css). */
extern const char *const hd_status_classes[HD_STATUS__MAX];

enum hd_priority {
	HD_LOW,			/* "low" */
	HD_NORMAL,		/* "normal" */
	HD_HIGH,		/* "high" */
	HD_URGENT,		/* "urgent" */
	HD_PRIORITY__MAX
};
extern const char *const hd_priority_names[HD_PRIORITY__MAX + 1];	/* NULL-terminated */
extern const char *const hd_priority_labels[HD_PRIORITY__MAX];

enum hd_category {
	HD_CAT_IVR,		/* "ivr" */
	HD_CAT_CONFERENCE,	/* "conference_bridge" */
	HD_CAT_CONNECTIVITY,	/* "connectivity" */
	HD_CAT_TELEPHONY,	/* "telephony" */
	HD_CAT_WIFI,		/* "wifi" */
	HD_CAT_BILLING,		/* "billing" */
	HD_CAT_OTHER,		/* "other" */
	HD_CATEGORY__MAX
};
extern const char *const hd_category_names[HD_CATEGORY__MAX + 1];	/* NULL-terminated */
extern const char *const hd_category_labels[HD_CATEGORY__MAX];

/* The category whose label is s ("IVR", "Conference bridge": the catalog
 * categories of the services that need a case), or HD_CATEGORY__MAX. */
enum hd_category hd_category_by_label(const char *s);

/* The value named s, or the __MAX of its enum. */
enum hd_status	 hd_status_parse(const char *s);
enum hd_priority hd_priority_parse(const char *s);
enum hd_category hd_category_parse(const char *s);

/* 1 when the operator side may move a case from one status to the other
 * (open -> in progress -> awaiting customer -> resolved -> closed, back to
 * in progress from awaiting or resolved, and closed reopens as open). */
int	 hd_can_move(enum hd_status from, enum hd_status to);
/* 1 while the resolution clock runs in that status. */
int	 hd_clock_runs(enum hd_status);

/* SLA targets in business minutes. */
struct hd_target {
	int64_t	 first_response;
	int64_t	 resolution;
};
const struct hd_target *hd_target(enum hd_priority);

/*
 * Canned texts: the checklist a new IVR or conference-bridge case starts
 * from (hd_case_template, with its subject), and the replies the operator
 * side may start a comment from (hd_replies). A case or a comment that is
 * one of them unchanged (hd_is_template) says nothing: it is refused.
 */
struct hd_canned {
	const char	*label;
	const char	*text;
};
const struct hd_canned *hd_case_template(enum hd_category);
const struct hd_canned *hd_replies(enum hd_category, size_t *n);
int	 hd_is_template(const char *text);

/*
 * Attachments: at most HD_ATTACH_MAX bytes, and only these types, told
 * by the bytes themselves (never by the name or the type the browser
 * sent): PDF, PNG, JPEG, GIF, WAV and MP3 (IVR greetings), and plain text
 * (valid UTF-8 without NUL, named .txt, .log or .csv). The content type,
 * or NULL when the file is not one of them.
 */
#define HD_ATTACH_MAX	(4 * 1024 * 1024)
const char *hd_attach_type(const char *data, size_t len, const char *filename);
/* The file name to store and to send back: the last path component,
 * control characters and quotes out, at most 100 bytes (whole UTF-8
 * characters), "attachment" when nothing is left. Into out (cap >= 101). */
void	 hd_attach_name(const char *filename, char *out, size_t cap);

#define HD_DAY_START	(9 * 60)		/* 09:00 */
#define HD_DAY_END	(17 * 60 + 30)		/* 17:30 */

/* Business seconds between t0 and t1 (unix seconds) in time zone tz
 * (an IANA name; "" or NULL: the process's zone). 0 when t1 <= t0. */
int64_t	 hd_business_seconds(int64_t t0, int64_t t1, const char *tz);
/* The first moment at or after t0 by which secs business seconds have
 * passed (secs <= 0: t0 itself, moved to business hours when outside). */
int64_t	 hd_business_add(int64_t t0, int64_t secs, const char *tz);

/* The clock of a case after a move to `to` at now: new elapsed and
 * running_since. */
void	 hd_clock_move(enum hd_status to, int64_t now, const char *tz,
	    int64_t *elapsed, int64_t *running_since);

struct hd_sla {
	int64_t	 fr_due;	/* first response due (unix s); 0: answered */
	int	 fr_breached;	/* answered late, or not answered by now */
	int64_t	 res_left;	/* business seconds left to resolve (< 0 late) */
	int64_t	 res_due;	/* resolution due while the clock runs, else 0 */
	int	 res_breached;
	int	 paused;	/* the resolution clock is paused */
};
void	 hd_sla(enum hd_priority, enum hd_status, int64_t created,
	    int64_t first_response_at, int64_t elapsed, int64_t running_since,
	    int64_t now, const char *tz, struct hd_sla *out);

#endif
