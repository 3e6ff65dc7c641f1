/*
 * helpdesk: see helpdesk.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "helpdesk.h"

const char *const hd_status_names[HD_STATUS__MAX + 1] = {
	"open",			/* HD_OPEN */
	"in_progress",		/* HD_IN_PROGRESS */
	"awaiting_customer",	/* HD_AWAITING */
	"resolved",		/* HD_RESOLVED */
	"closed",		/* HD_CLOSED */
	NULL,			/* the end (validate_enum) */
};
const char *const hd_status_labels[HD_STATUS__MAX] = {
	"Open",			/* HD_OPEN */
	"In progress",		/* HD_IN_PROGRESS */
	"Awaiting customer",	/* HD_AWAITING */
	"Resolved",		/* HD_RESOLVED */
	"Closed",		/* HD_CLOSED */
};
const char *const hd_status_classes[HD_STATUS__MAX] = {
	"active",		/* HD_OPEN */
	"active",		/* HD_IN_PROGRESS */
	"scheduled",		/* HD_AWAITING */
	"scheduled",		/* HD_RESOLVED */
	"inactive",		/* HD_CLOSED */
};
const char *const hd_priority_names[HD_PRIORITY__MAX + 1] = {
	"low",			/* HD_LOW */
	"normal",		/* HD_NORMAL */
	"high",			/* HD_HIGH */
	"urgent",		/* HD_URGENT */
	NULL,			/* the end (validate_enum) */
};
const char *const hd_priority_labels[HD_PRIORITY__MAX] = {
	"Low",			/* HD_LOW */
	"Normal",		/* HD_NORMAL */
	"High",			/* HD_HIGH */
	"Urgent",		/* HD_URGENT */
};
const char *const hd_category_names[HD_CATEGORY__MAX + 1] = {
	"ivr",			/* HD_CAT_IVR */
	"conference_bridge",	/* HD_CAT_CONFERENCE */
	"connectivity",		/* HD_CAT_CONNECTIVITY */
	"telephony",		/* HD_CAT_TELEPHONY */
	"wifi",			/* HD_CAT_WIFI */
	"billing",		/* HD_CAT_BILLING */
	"other",		/* HD_CAT_OTHER */
	NULL,			/* the end (validate_enum) */
};
const char *const hd_category_labels[HD_CATEGORY__MAX] = {
	"IVR",			/* HD_CAT_IVR */
	"Conference bridge",	/* HD_CAT_CONFERENCE */
	"Connectivity",		/* HD_CAT_CONNECTIVITY */
	"Telephony",		/* HD_CAT_TELEPHONY */
	"Wi-Fi",		/* HD_CAT_WIFI */
	"Billing",		/* HD_CAT_BILLING */
	"Other",		/* HD_CAT_OTHER */
};

/* First response and resolution, business minutes (a day is 8.5 h). */
static const struct hd_target targets[HD_PRIORITY__MAX] = {
	{ 8 * 60, 5 * 510 },	/* HD_LOW: a day's morning, 5 days */
	{ 4 * 60, 2 * 510 },	/* HD_NORMAL: 4 h, 2 days */
	{ 60, 510 },		/* HD_HIGH: 1 h, 1 day */
	{ 30, 4 * 60 },		/* HD_URGENT: 30 min, 4 h */
};

static int
parse(const char *const *names, int n, const char *s)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (s != NULL && strcmp(s, names[i]) == 0)
			return i;
	return n;
}

enum hd_status
hd_status_parse(const char *s)
{
	return (enum hd_status)parse(hd_status_names, HD_STATUS__MAX, s);
}

enum hd_priority
hd_priority_parse(const char *s)
{
	return (enum hd_priority)parse(hd_priority_names, HD_PRIORITY__MAX, s);
}

enum hd_category
hd_category_parse(const char *s)
{
	return (enum hd_category)parse(hd_category_names, HD_CATEGORY__MAX, s);
}

enum hd_category
hd_category_by_label(const char *s)
{
	return (enum hd_category)parse(hd_category_labels, HD_CATEGORY__MAX, s);
}

/* The case templates: label is the subject. */
static const struct hd_canned templates[] = {
	{ "IVR configuration",
	    "Please include:\n"
	    "- The phone number(s) the IVR should answer\n"
	    "- The greeting callers hear (text, or say that you will send a "
	    "recording)\n"
	    "- The menu options: each key and where it goes (extension, "
	    "number, voicemail)\n"
	    "- Opening hours, and what callers hear outside them\n"
	    "- What happens when a caller presses nothing or a wrong key\n"
	    "- A contact name and phone number for testing\n" },
	{ "Conference bridge number and user details",
	    "Please include:\n"
	    "- How many dial-in numbers you need, and the country each "
	    "should be local to\n"
	    "- The most participants expected on one call\n"
	    "- The people who will host calls: name and email of each (each "
	    "receives a host PIN)\n"
	    "- Whether participants need a PIN to join\n"
	    "- Whether calls should be recorded\n"
	    "- A contact name and phone number for testing\n" },
};

static const struct hd_canned ivr_replies[] = {
	{ "Need more details", "Thank you for your request. To set up the IVR "
	    "we still need: [what is missing]. Please reply on this case." },
	{ "Configured, please test", "Your IVR on [number] is configured. "
	    "Please call it and check each menu option, then tell us here if "
	    "anything should change." },
	{ "Recording received", "We have received the greeting recording and "
	    "will have it live by [date]." },
};

static const struct hd_canned conf_replies[] = {
	{ "Need more details", "Thank you for your request. To set up the "
	    "conference bridge we still need: [what is missing]. Please reply "
	    "on this case." },
	{ "Bridge ready", "Your conference bridge is ready. Dial-in number: "
	    "[number]. Host PINs have been sent to: [hosts]. Please make a "
	    "test call and tell us here if anything should change." },
};

const struct hd_canned *
hd_case_template(enum hd_category c)
{
	if (c == HD_CAT_IVR)
		return &templates[0];
	if (c == HD_CAT_CONFERENCE)
		return &templates[1];
	return NULL;
}

const struct hd_canned *
hd_replies(enum hd_category c, size_t *n)
{
	if (c == HD_CAT_IVR) {
		*n = sizeof(ivr_replies) / sizeof(ivr_replies[0]);
		return ivr_replies;
	}
	if (c == HD_CAT_CONFERENCE) {
		*n = sizeof(conf_replies) / sizeof(conf_replies[0]);
		return conf_replies;
	}
	*n = 0;
	return NULL;
}

/* a and b equal when white space (runs of blanks, CR, LF) is ignored. */
static int
same_text(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' || *a == '\t' || *a == '\r' || *a == '\n')
			a++;
		while (*b == ' ' || *b == '\t' || *b == '\r' || *b == '\n')
			b++;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		if (*a++ != *b++)
			return 0;
	}
}

int
hd_is_template(const char *text)
{
	size_t	 i;

	if (text == NULL)
		return 0;
	for (i = 0; i < sizeof(templates) / sizeof(templates[0]); i++)
		if (same_text(text, templates[i].text))
			return 1;
	for (i = 0; i < sizeof(ivr_replies) / sizeof(ivr_replies[0]); i++)
		if (same_text(text, ivr_replies[i].text))
			return 1;
	for (i = 0; i < sizeof(conf_replies) / sizeof(conf_replies[0]); i++)
		if (same_text(text, conf_replies[i].text))
			return 1;
	return 0;
}

int
hd_can_move(enum hd_status from, enum hd_status to)
{
	if (from >= HD_STATUS__MAX || to >= HD_STATUS__MAX || from == to)
		return 0;
	switch (from) {
	case HD_OPEN:
		return to != HD_OPEN;
	case HD_IN_PROGRESS:
		return to == HD_AWAITING || to == HD_RESOLVED || to == HD_CLOSED;
	case HD_AWAITING:
		return to == HD_IN_PROGRESS || to == HD_RESOLVED ||
		    to == HD_CLOSED;
	case HD_RESOLVED:
		return to == HD_IN_PROGRESS || to == HD_CLOSED;
	case HD_CLOSED:
		return to == HD_OPEN;
	default:
		return 0;
	}
}

int
hd_clock_runs(enum hd_status s)
{
	return s == HD_OPEN || s == HD_IN_PROGRESS;
}

const struct hd_target *
hd_target(enum hd_priority p)
{
	return &targets[p < HD_PRIORITY__MAX ? p : HD_NORMAL];
}

/*
 * Time zone switching: the C library converts in the process's zone
 * (TZ). A worker is one thread; the zone is put back before returning.
 */
struct tzsave {
	char	 old[128];
	int	 had, switched;
};

static void
tz_enter(struct tzsave *s, const char *tz)
{
	const char	*cur = getenv("TZ");

	s->switched = 0;
	if (tz == NULL || *tz == '\0' || (cur != NULL && strcmp(cur, tz) == 0))
		return;
	s->had = cur != NULL && strlen(cur) < sizeof(s->old);
	if (s->had)
		memcpy(s->old, cur, strlen(cur) + 1);
	setenv("TZ", tz, 1);
	tzset();
	s->switched = 1;
}

static void
tz_leave(struct tzsave *s)
{
	if (!s->switched)
		return;
	if (s->had)
		setenv("TZ", s->old, 1);
	else
		unsetenv("TZ");
	tzset();
}

/* The business window [*start, *end) of the local day containing t, and
 * whether that day is a weekday. */
static int
day_window(int64_t t, int64_t *start, int64_t *end, int64_t *next_day)
{
	struct tm	 tm, w;
	time_t		 tt = (time_t)t;
	int		 weekday;

	if (localtime_r(&tt, &tm) == NULL)
		return -1;
	weekday = tm.tm_wday >= 1 && tm.tm_wday <= 5;
	w = tm;
	w.tm_sec = 0;
	w.tm_isdst = -1;
	w.tm_hour = HD_DAY_START / 60;
	w.tm_min = HD_DAY_START % 60;
	*start = (int64_t)mktime(&w);
	w = tm;
	w.tm_sec = 0;
	w.tm_isdst = -1;
	w.tm_hour = HD_DAY_END / 60;
	w.tm_min = HD_DAY_END % 60;
	*end = (int64_t)mktime(&w);
	w = tm;
	w.tm_sec = 0;
	w.tm_min = 0;
	w.tm_hour = 0;
	w.tm_mday += 1;
	w.tm_isdst = -1;
	*next_day = (int64_t)mktime(&w);
	if (*next_day <= t)
		*next_day = t + 3600;	/* never stand still */
	return weekday;
}

#define MAX_DAYS	4000	/* about 11 years: beyond any SLA */

int64_t
hd_business_seconds(int64_t t0, int64_t t1, const char *tz)
{
	struct tzsave	 s;
	int64_t		 sum = 0, t = t0, ws, we, nd;
	int		 i, wd;

	if (t1 <= t0)
		return 0;
	tz_enter(&s, tz);
	for (i = 0; t < t1 && i < MAX_DAYS; i++) {
		if ((wd = day_window(t, &ws, &we, &nd)) < 0)
			break;
		if (wd) {
			int64_t a = t > ws ? t : ws;
			int64_t b = t1 < we ? t1 : we;

			if (b > a)
				sum += b - a;
		}
		t = nd;
	}
	tz_leave(&s);
	return sum;
}

int64_t
hd_business_add(int64_t t0, int64_t secs, const char *tz)
{
	struct tzsave	 s;
	int64_t		 t = t0, ws, we, nd, r = t0;
	int		 i, wd;

	tz_enter(&s, tz);
	for (i = 0; i < MAX_DAYS; i++) {
		if ((wd = day_window(t, &ws, &we, &nd)) < 0)
			break;
		if (wd && t < we) {
			int64_t a = t > ws ? t : ws;

			if (secs <= we - a) {
				r = a + (secs > 0 ? secs : 0);
				break;
			}
			secs -= we - a;
		}
		t = nd;
	}
	tz_leave(&s);
	return r;
}

void
hd_clock_move(enum hd_status to, int64_t now, const char *tz,
    int64_t *elapsed, int64_t *running_since)
{
	if (*running_since > 0) {
		if (hd_clock_runs(to))
			return;		/* runs on */
		*elapsed += hd_business_seconds(*running_since, now, tz);
		*running_since = 0;
	} else if (hd_clock_runs(to))
		*running_since = now;
}

void
hd_sla(enum hd_priority p, enum hd_status st, int64_t created,
    int64_t first_response_at, int64_t elapsed, int64_t running_since,
    int64_t now, const char *tz, struct hd_sla *o)
{
	const struct hd_target	*t = hd_target(p);
	int64_t			 used, fr = t->first_response * 60;

	memset(o, 0, sizeof(*o));
	if (first_response_at > 0)
		o->fr_breached = hd_business_seconds(created, first_response_at,
		    tz) > fr;
	else if (st != HD_CLOSED) {
		o->fr_due = hd_business_add(created, fr, tz);
		o->fr_breached = now > o->fr_due;
	}
	used = elapsed;
	if (running_since > 0)
		used += hd_business_seconds(running_since, now, tz);
	o->res_left = t->resolution * 60 - used;
	o->paused = running_since == 0;
	if (!o->paused && o->res_left > 0)
		o->res_due = hd_business_add(now, o->res_left, tz);
	o->res_breached = o->res_left < 0;
}

/* 1 when s[0..n) is UTF-8 without NUL or other C0 controls but TAB, CR, LF. */
static int
text_ok(const unsigned char *s, size_t n)
{
	size_t	 i = 0, k, m;

	while (i < n) {
		unsigned char c = s[i];

		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\r' && c != '\n')
				return 0;
			if (c == 0x7F)
				return 0;
			i++;
			continue;
		}
		if ((c & 0xE0) == 0xC0 && c >= 0xC2)
			m = 1;
		else if ((c & 0xF0) == 0xE0)
			m = 2;
		else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
			m = 3;
		else
			return 0;
		if (n - i <= m)
			return 0;
		for (k = 1; k <= m; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
		i += m + 1;
	}
	return 1;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

const char *
hd_attach_type(const char *data, size_t len, const char *filename)
{
	const unsigned char	*d = (const unsigned char *)data;

	if (data == NULL || len == 0 || len > HD_ATTACH_MAX)
		return NULL;
	if (len >= 5 && memcmp(d, "%PDF-", 5) == 0)
		return "application/pdf";
	if (len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
		return "image/jpeg";
	if (len >= 6 && (memcmp(d, "GIF87a", 6) == 0 ||
	    memcmp(d, "GIF89a", 6) == 0))
		return "image/gif";
	if (len >= 12 && memcmp(d, "RIFF", 4) == 0 &&
	    memcmp(d + 8, "WAVE", 4) == 0)
		return "audio/wav";
	if ((len >= 3 && memcmp(d, "ID3", 3) == 0) ||
	    (len >= 2 && d[0] == 0xFF && (d[1] & 0xE0) == 0xE0))
		return "audio/mpeg";
	if (filename != NULL && (ends_with(filename, ".txt") ||
	    ends_with(filename, ".log") || ends_with(filename, ".csv")) &&
	    text_ok(d, len))
		return "text/plain; charset=utf-8";
	return NULL;
}

void
hd_attach_name(const char *filename, char *out, size_t cap)
{
	const char	*p, *b = filename == NULL ? "" : filename;
	size_t		 n = 0, c;

	for (p = b; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	while (*b != '\0' && n + 1 < cap && n < 100) {
		unsigned char ch = (unsigned char)*b;

		if (ch < 0x80) {
			out[n++] = ch < 0x20 || ch == 0x7F || ch == '"' ||
			    ch == ';' ? '_' : (char)ch;
			b++;
			continue;
		}
		/* A whole UTF-8 character, or a '_' for a stray byte. */
		c = (ch & 0xE0) == 0xC0 ? 2 : (ch & 0xF0) == 0xE0 ? 3 :
		    (ch & 0xF8) == 0xF0 ? 4 : 1;
		if (c == 1 || strnlen(b, c) < c || !text_ok(
		    (const unsigned char *)b, c)) {
			out[n++] = '_';
			b++;
			continue;
		}
		if (n + c >= cap || n + c > 100)
			break;
		memcpy(out + n, b, c);
		n += c;
		b += c;
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '.'))
		n--;
	out[n] = '\0';
	if (n == 0 || strcmp(out, ".") == 0)
		snprintf(out, cap, "attachment");
}
