/*
 * notify: see notify.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "config.h"
#include "domain/date.h"
#include "domain/money.h"
#include "log.h"
#include "notify.h"
#include "store/store_case.h"
#include "store/store_mail.h"
#include "store/txn.h"
#include "tpl/tpl.h"

static const char *const case_kinds[NOTIFY_CASE__MAX] = {
	"case_raised",		/* NOTIFY_CASE_RAISED */
	"case_comment",		/* NOTIFY_CASE_COMMENT */
	"case_closed",		/* NOTIFY_CASE_CLOSED */
};

char *
notify_url(struct arena *a, const char *path)
{
	return arena_printf(a, "%s%s", cfg.base_url, path);
}

static void
emit(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

/* "tn.<32 hex>@<domain of the From address>". */
static char *
message_id(struct arena *a)
{
	unsigned char	 r[16];
	char		 hex[33];
	const char	*at = strchr(cfg.mail_from, '@');

	randombytes_buf(r, sizeof(r));
	sodium_bin2hex(hex, sizeof(hex), r, sizeof(r));
	return arena_printf(a, "tn.%s@%s", hex, at != NULL && at[1] != '\0' ?
	    at + 1 : "tenantry.invalid");
}

int
notify_queue(struct arena *a, int64_t op, const char *kind, const char *rcpt,
    const char *rcpt_name, const char *subject, struct tpl_dict *d,
    int sensitive, int64_t now)
{
	struct store_mail_new	 n;
	struct buf		 text, html;
	const char		*opname;
	char			 file[64];

	if (rcpt == NULL || *rcpt == '\0')
		return 1;	/* nobody to tell */
	if (store_mail_operator_name(a, op, &opname) < 0)
		return -1;
	tpl_set(d, TN_OPERATOR_NAME, opname);
	tpl_set(d, TN_RCPT_NAME, rcpt_name != NULL && *rcpt_name ? rcpt_name :
	    rcpt);
	tpl_set(d, TN_SUBJECT, subject);
	buf_init(&text, a, 2048);
	buf_init(&html, a, 4096);
	snprintf(file, sizeof(file), "mail_%s.txt", kind);
	if (tpl_render_text(file, d, emit, &text) == -1)
		return -1;
	snprintf(file, sizeof(file), "mail_%s.tpl", kind);
	if (tpl_render(file, d, emit, &html) == -1)
		return -1;
	memset(&n, 0, sizeof(n));
	n.operator_id = op;
	n.kind = kind;
	n.message_id = message_id(a);
	n.rcpt = rcpt;
	n.rcpt_name = rcpt_name != NULL ? rcpt_name : "";
	n.subject = subject;
	n.body_text = text.p;
	n.body_html = html.p;
	n.sensitive = sensitive;
	n.now = now;
	return store_mail_insert(&n, NULL);
}

/* A new dictionary freed with the arena. */
static struct tpl_dict *
dict(struct arena *a)
{
	struct tpl_dict	*d;

	if ((d = tpl_dict_new("mail")) != NULL)
		arena_defer(a, tpl_dict_free, d);
	return d;
}

/* "16 February 2026, 14:05" in the process's zone (the operator's). */
static char *
when(struct arena *a, int64_t t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;
	char		 day[32];

	if (localtime_r(&tt, &tm) == NULL)
		return arena_strdup(a, "");
	date_format_long(date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday), day, sizeof(day));
	return arena_printf(a, "%s, %02d:%02d", day, tm.tm_hour, tm.tm_min);
}

int
notify_password_link(struct arena *a, int64_t op, int64_t user,
    const char *token_hex, int64_t expires, enum notify_link why,
    int64_t now)
{
	struct store_mail_rcpt	 u;
	struct tpl_dict		*d;
	const char		*role, *kind, *subject, *opname, *occname = "";
	const char		*contact;
	int64_t			 occ;
	int			 invited, rc;

	if ((rc = store_mail_user(a, op, user, &u, &role, &occ, &invited)) <= 0)
		return rc < 0 ? -1 : 1;
	if (store_mail_operator_name(a, op, &opname) < 0 ||
	    (occ > 0 && store_mail_occupier(a, op, occ, &occname, &contact) < 0))
		return -1;
	if ((d = dict(a)) == NULL)
		return -1;
	if (why == NOTIFY_LINK_RESET) {
		kind = "password_reset";
		subject = arena_printf(a, "Reset your %s password", opname);
	} else if (invited) {
		kind = "invite";
		subject = arena_printf(a, "You are invited to %s", opname);
	} else {
		kind = "set_password";
		subject = arena_printf(a, "A new link to set your %s password",
		    opname);
	}
	tpl_set(d, TN_LINK, notify_url(a, arena_printf(a,
	    "/set-password?token=%s", token_hex)));
	tpl_set(d, TN_EXPIRES, when(a, expires));
	tpl_set(d, TN_EMAIL, u.email);
	if (*occname != '\0')
		tpl_set(tpl_section(d, TN_FOR_OCCUPIER), TN_OCCUPIER_NAME,
		    occname);
	return notify_queue(a, op, kind, u.email, u.name, subject, d, 1, now);
}

/* Add r to list (n of cap) unless its address is there or is skip. */
static void
rcpt_add(struct store_mail_rcpt *list, size_t *n, size_t cap,
    const struct store_mail_rcpt *r, const char *skip)
{
	size_t	 i;

	if (r->email == NULL || *r->email == '\0' || *n >= cap ||
	    (skip != NULL && strcmp(r->email, skip) == 0))
		return;
	for (i = 0; i < *n; i++)
		if (strcmp(list[i].email, r->email) == 0)
			return;
	list[(*n)++] = *r;
}

#define MAX_RCPTS	64

int
notify_case(struct arena *a, int64_t op, int64_t case_id,
    enum notify_case_event ev, int operator_side, int64_t author,
    const char *text, int64_t now)
{
	struct store_case	 c;
	struct store_mail_rcpt	 who[MAX_RCPTS], me, u, *l;
	struct tpl_dict		*d;
	const char		*role, *author_name = "", *subject, *skip = NULL;
	size_t			 n = 0, nl, i;
	int64_t			 occ;
	int			 rc, to_operator = !operator_side;

	if (ev >= NOTIFY_CASE__MAX)
		return -1;
	if ((rc = store_case_get(a, op, case_id, &c)) <= 0)
		return rc < 0 ? -1 : 1;
	if (author > 0 && store_mail_user(a, op, author, &me, NULL, NULL,
	    NULL) > 0) {
		author_name = me.name;
		skip = me.email;
	}
	if (to_operator) {
		if (c.assignee_id > 0 && (rc = store_mail_user(a, op,
		    c.assignee_id, &u, &role, &occ, NULL)) != 0) {
			if (rc < 0)
				return -1;
			rcpt_add(who, &n, MAX_RCPTS, &u, skip);
		} else {
			if (store_mail_team(a, op, "", &l, &nl) < 0)
				return -1;
			for (i = 0; i < nl; i++)
				rcpt_add(who, &n, MAX_RCPTS, &l[i], skip);
		}
	} else {
		if (c.created_by_id > 0 && (rc = store_mail_user(a, op,
		    c.created_by_id, &u, &role, &occ, NULL)) != 0) {
			if (rc < 0)
				return -1;
			if (occ == c.occupier_id)
				rcpt_add(who, &n, MAX_RCPTS, &u, skip);
		}
		if (store_mail_occ_admins(a, op, c.occupier_id, &l, &nl) < 0)
			return -1;
		for (i = 0; i < nl; i++)
			rcpt_add(who, &n, MAX_RCPTS, &l[i], skip);
	}
	switch (ev) {
	case NOTIFY_CASE_RAISED:
		subject = arena_printf(a, "Case %lld raised: %s",
		    (long long)c.id, c.subject);
		break;
	case NOTIFY_CASE_COMMENT:
		subject = arena_printf(a, "New comment on case %lld: %s",
		    (long long)c.id, c.subject);
		break;
	default:
		subject = arena_printf(a, "Case %lld closed: %s",
		    (long long)c.id, c.subject);
		break;
	}
	for (i = 0; i < n; i++) {
		if ((d = dict(a)) == NULL)
			return -1;
		tpl_set_int(d, TN_CASE_ID, c.id);
		tpl_set(d, TN_CASE_SUBJECT, c.subject);
		tpl_set(d, TN_OCCUPIER_NAME, c.occupier_name);
		tpl_set(d, TN_SITE_NAME, c.site_name);
		tpl_set(d, TN_AUTHOR, *author_name ? author_name : "Someone");
		tpl_set(d, TN_DETAILS, c.details);
		if (text != NULL)
			tpl_set(tpl_section(d, TN_COMMENT), TN_TEXT, text);
		tpl_set(d, TN_LINK, notify_url(a, arena_printf(a, to_operator ?
		    "/cases/%lld" : "/my/cases/%lld", (long long)c.id)));
		if (notify_queue(a, op, case_kinds[ev], who[i].email,
		    who[i].name, subject, d, 0, now) < 0)
			return -1;
	}
	return 1;
}

/* The occupier's admins, or its contact email when it has none. */
static int
occupier_side(struct arena *a, int64_t op, int64_t occ, int billing_first,
    struct store_mail_rcpt *who, size_t *n, const char **occname)
{
	struct store_mail_rcpt	*l, c;
	const char		*contact;
	size_t			 nl, i;
	int			 rc;

	*n = 0;
	if ((rc = store_mail_occupier(a, op, occ, occname, &contact)) <= 0)
		return rc;
	c.email = contact;
	c.name = *occname;
	if (billing_first)
		rcpt_add(who, n, MAX_RCPTS, &c, NULL);
	if (store_mail_occ_admins(a, op, occ, &l, &nl) < 0)
		return -1;
	for (i = 0; i < nl; i++)
		rcpt_add(who, n, MAX_RCPTS, &l[i], NULL);
	if (*n == 0)
		rcpt_add(who, n, MAX_RCPTS, &c, NULL);
	return 1;
}

int
notify_numbers_activated(struct arena *a, int64_t op, int64_t occ,
    int64_t site, const char *const *numbers, size_t nn, int64_t now)
{
	struct store_mail_rcpt	 who[MAX_RCPTS];
	struct tpl_dict		*d;
	const char		*occname, *subject;
	size_t			 n, i, k;
	int			 rc;

	if (nn == 0)
		return 1;
	if ((rc = occupier_side(a, op, occ, 0, who, &n, &occname)) <= 0)
		return rc < 0 ? -1 : 1;
	subject = nn == 1 ? arena_printf(a, "Phone number %s is active",
	    numbers[0]) : arena_printf(a, "%zu phone numbers are active", nn);
	for (i = 0; i < n; i++) {
		if ((d = dict(a)) == NULL)
			return -1;
		tpl_set(d, TN_OCCUPIER_NAME, occname);
		tpl_set_int(d, TN_COUNT, (long long)nn);
		for (k = 0; k < nn; k++)
			tpl_set(tpl_section(d, TN_NUMBER), TN_NUMBER, numbers[k]);
		tpl_set(d, TN_LINK, notify_url(a, arena_printf(a,
		    "/my/sites/%lld/telephony", (long long)site)));
		if (notify_queue(a, op, "numbers_activated", who[i].email,
		    who[i].name, subject, d, 0, now) < 0)
			return -1;
	}
	return 1;
}

int
notify_contract_ending(struct arena *a, const struct store_mail_contract *c,
    int notice, int days_left, int64_t now)
{
	struct store_mail_rcpt	 who[MAX_RCPTS], *l;
	struct tpl_dict		*d;
	const char		*occname, *subject;
	char			 end[32];
	size_t			 n, nocc, nl, i;
	int			 rc;

	if ((rc = occupier_side(a, c->operator_id, c->occupier_id, 0, who, &n,
	    &occname)) < 0)
		return -1;
	nocc = n;
	if (store_mail_team(a, c->operator_id, "operator_admin", &l, &nl) < 0)
		return -1;
	for (i = 0; i < nl; i++)
		rcpt_add(who, &n, MAX_RCPTS, &l[i], NULL);
	date_format_long(c->end_date, end, sizeof(end));
	subject = arena_printf(a, "Contract %s ends on %s", c->reference, end);
	for (i = 0; i < n; i++) {
		if ((d = dict(a)) == NULL)
			return -1;
		tpl_set(d, TN_REFERENCE, c->reference);
		tpl_set(d, TN_OCCUPIER_NAME, c->occupier_name);
		tpl_set(d, TN_SITE_NAME, c->site_name);
		tpl_set(d, TN_END_DATE, end);
		tpl_set_int(d, TN_DAYS_LEFT, days_left);
		tpl_set(d, TN_DAYS_NOUN, days_left == 1 ? "day" : "days");
		tpl_set_int(d, TN_NOTICE, notice);
		tpl_set(d, TN_LINK, notify_url(a, i < nocc ? arena_printf(a,
		    "/my/sites/%lld/services", (long long)c->site_id) :
		    arena_printf(a, "/occupiers/%lld/sites/%lld/contracts",
		    (long long)c->occupier_id, (long long)c->site_id)));
		if (notify_queue(a, c->operator_id, "contract_ending",
		    who[i].email, who[i].name, subject, d, 0, now) < 0)
			return -1;
	}
	return 1;
}

struct notice {
	const struct store_mail_contract	*c;
	int					 days;
};

/* One contract's notice: 1 queued, 0 someone else had (nothing
 * written), -1. */
static int
notice_txn(struct txn *t, void *arg)
{
	struct notice				*n = arg;
	const struct store_mail_contract	*c = n->c;
	int					 rc;

	rc = store_mail_notice(c->id, n->days, c->end_date, c->operator_id,
	    t->day);
	if (rc > 0)
		rc = notify_contract_ending(t->a, c, n->days, c->end_date -
		    t->day, t->now);
	return rc;
}

/* One contract's notice in its own transaction (db_txn): 1 queued, 0
 * someone else had, -1. */
static int
contract_once(struct arena *a, const struct store_mail_contract *c, int days,
    int32_t today, int64_t now)
{
	struct notice	 n = { c, days };
	struct txn	 t;

	/* The daily job: no user; the notice row is the record. */
	memset(&t, 0, sizeof(t));
	t.a = a;
	t.operator_id = c->operator_id;
	t.day = today;
	t.now = now;
	return db_txn(&t, notice_txn, &n);
}

int
notify_contracts_step(struct arena *a, int32_t today, int64_t now,
    int *queued)
{
	static const int	 notices[] = { 60, 30 };
	struct store_mail_contract *c;
	size_t			 n, i, k;
	int			 rc;

	*queued = 0;
	for (k = 0; k < sizeof(notices) / sizeof(notices[0]); k++) {
		/* The 60-day notice for an end in 31..60 days, the 30-day one
		 * for an end in 0..30 days: a contract made with 10 days left
		 * gets the 30-day notice only; a missed day is caught up. */
		int32_t low = k == 0 ? today + 30 : today - 1;
		int32_t high = today + notices[k];

		for (;;) {
			if (store_mail_contracts_due(a, low, high, notices[k],
			    &c, &n) < 0)
				return -1;
			if (n == 0)
				break;
			for (i = 0; i < n; i++) {
				rc = contract_once(a, &c[i], notices[k],
				    today, now);
				if (rc < 0)
					return -1;
				if (rc > 0)
					(*queued)++;
			}
			if (n < 500)
				break;
		}
	}
	return 1;
}

int
notify_invoice_issued(struct arena *a, const struct notify_invoice *inv,
    int64_t now)
{
	struct store_mail_rcpt	 who[MAX_RCPTS];
	struct tpl_dict		*d;
	const char		*occname, *subject;
	char			 total[40], issued[32], due[32];
	size_t			 n, i;
	int			 rc;

	if ((rc = occupier_side(a, inv->operator_id, inv->occupier_id, 1, who,
	    &n, &occname)) <= 0)
		return rc < 0 ? -1 : 1;
	money_format_display(inv->total_minor, total, sizeof(total));
	date_format_long(inv->issued, issued, sizeof(issued));
	date_format_long(inv->due, due, sizeof(due));
	subject = arena_printf(a, "Invoice %s: %s %s due on %s", inv->number,
	    inv->currency, total, due);
	for (i = 0; i < n; i++) {
		if ((d = dict(a)) == NULL)
			return -1;
		tpl_set(d, TN_OCCUPIER_NAME, occname);
		tpl_set(d, TN_NUMBER, inv->number);
		tpl_set(d, TN_TOTAL, total);
		tpl_set(d, TN_CURRENCY, inv->currency);
		tpl_set(d, TN_ISSUED, issued);
		tpl_set(d, TN_DUE, due);
		tpl_set(d, TN_LINK, notify_url(a, inv->path != NULL &&
		    inv->path[0] == '/' ? inv->path : "/my"));
		if (notify_queue(a, inv->operator_id, "invoice_issued",
		    who[i].email, who[i].name, subject, d, 0, now) < 0)
			return -1;
	}
	return 1;
}
