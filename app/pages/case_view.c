/*
 * case_view: a case as the operator's screens show it (the queue and the
 * case): badge, labels, the SLA in words. See case_view.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../domain/date.h"
#include "../tpl/tpl.h"
#include "case_view.h"
#include "pages.h"

const struct store_case_option *
case_option_find(const struct store_case_option *o, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (o[i].id == id)
			return &o[i];
	return NULL;
}

void
case_options_fill(struct tpl_dict *d, enum tpl_name section,
    const struct store_case_option *o, size_t n, int64_t selected)
{
	struct tpl_dict	*opt;
	size_t		 i;

	for (i = 0; i < n; i++) {
		opt = tpl_section(d, section);
		tpl_set_int(opt, TN_ID, o[i].id);
		tpl_set(opt, TN_NAME, o[i].name);
		if (o[i].id == selected)
			tpl_show(opt, TN_SELECTED);
	}
}

void
case_badge_set(struct tpl_dict *d, const char *status)
{
	enum hd_status	 st = hd_status_parse(status);

	if (st == HD_STATUS__MAX)
		st = HD_OPEN;
	tpl_set(d, TN_STATUS_LABEL, hd_status_labels[st]);
	tpl_set(d, TN_STATUS_CLASS, hd_status_classes[st]);
}

const char *
case_priority_label(const char *p)
{
	enum hd_priority	 pr = hd_priority_parse(p);

	return pr < HD_PRIORITY__MAX ? hd_priority_labels[pr] : p;
}

const char *
case_category_label(const char *c)
{
	enum hd_category	 k = hd_category_parse(c);

	return k < HD_CATEGORY__MAX ? hd_category_labels[k] : c;
}

void
case_day_set(struct tpl_dict *d, enum tpl_name key, enum tpl_name iso_key,
    int64_t t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;
	char		 day[32], iso[32];

	if (localtime_r(&tt, &tm) == NULL) {
		tpl_set(d, key, "");
		return;
	}
	date_format_long(date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday), day, sizeof(day));
	tpl_set(d, key, day);
	strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%S", &tm);
	tpl_set(d, iso_key, iso);
}

/* "3 h 05 min" of business seconds. */
static char *
span(struct arena *a, int64_t s)
{
	int64_t	 m = (s < 0 ? -s : s) / 60;

	if (m >= 60)
		return arena_printf(a, "%lld h %02lld min", (long long)(m / 60),
		    (long long)(m % 60));
	return arena_printf(a, "%lld min", (long long)m);
}

/* The first-response half of the SLA: *text for the case, *brief for the
 * queue (NULL: nothing to say there). */
static void
sla_first(struct req *r, const struct store_case *c, const struct hd_sla *sla,
    enum hd_status st, const char **text, const char **brief)
{
	const char	*left;

	if (c->first_response_at > 0) {
		*text = arena_printf(r->a, "first response %s",
		    sla->fr_breached ? "late" : "in time");
		*brief = sla->fr_breached ? "replied late" : NULL;
	} else if (st == HD_CLOSED) {
		*text = "no response";
		*brief = NULL;
	} else if (sla->fr_breached) {
		*text = "first response overdue";
		*brief = "reply overdue";
	} else {
		left = span(r->a, hd_business_seconds(r->now, sla->fr_due,
		    c->tz));
		*text = arena_printf(r->a, "first response within %s", left);
		*brief = arena_printf(r->a, "reply within %s", left);
	}
}

/* The resolution half: *text for the case, *brief for the queue. */
static void
sla_resolution(struct req *r, const struct hd_sla *sla, enum hd_status st,
    const char **text, const char **brief)
{
	const char	*left = span(r->a, sla->res_left);

	if (st == HD_CLOSED || st == HD_RESOLVED) {
		*text = arena_printf(r->a, "resolved %s", sla->res_breached ?
		    "late" : "in time");
		*brief = *text;
	} else if (sla->res_breached) {
		*text = arena_printf(r->a, "resolution overdue by %s", left);
		*brief = arena_printf(r->a, "%s over", left);
	} else if (sla->paused) {
		*text = arena_printf(r->a, "clock paused, %s left", left);
		*brief = arena_printf(r->a, "paused, %s left", left);
	} else {
		*text = arena_printf(r->a, "%s left to resolve", left);
		*brief = arena_printf(r->a, "%s left", left);
	}
}

int
case_sla_set(struct req *r, struct tpl_dict *d, const struct store_case *c)
{
	struct hd_sla	 sla;
	enum hd_status	 st = hd_status_parse(c->status);
	const char	*fr, *res, *sfr, *sres;

	hd_sla(hd_priority_parse(c->priority), st, c->created_at,
	    c->first_response_at, c->sla_elapsed, c->sla_running_since, r->now,
	    c->tz, &sla);
	sla_first(r, c, &sla, st, &fr, &sfr);
	sla_resolution(r, &sla, st, &res, &sres);
	tpl_set(d, TN_SLA_TEXT, arena_printf(r->a, "%s; %s", fr, res));
	tpl_set(d, TN_SLA_SHORT, sfr != NULL ? arena_printf(r->a, "%s · %s",
	    sfr, sres) : sres);
	if (sla.fr_breached || sla.res_breached) {
		tpl_set(d, TN_SLA_CLASS, "inactive");
		tpl_set(d, TN_SLA_STATE, "late");
		tpl_show(d, TN_SLA_BREACHED);
		return 1;
	}
	tpl_set(d, TN_SLA_CLASS, sla.paused ? "scheduled" : "active");
	tpl_set(d, TN_SLA_STATE, sla.paused ? "paused" : "ok");
	return 0;
}

int
case_sla_breached(struct req *r, const struct store_case *c)
{
	struct hd_sla	 sla;

	hd_sla(hd_priority_parse(c->priority), hd_status_parse(c->status),
	    c->created_at, c->first_response_at, c->sla_elapsed,
	    c->sla_running_since, r->now, c->tz, &sla);
	return sla.fr_breached || sla.res_breached;
}
