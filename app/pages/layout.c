/*
 * layout: the page chrome shared by every screen: left-hand menu, user,
 * sign-out form, flash message. Escaping is the templates' job.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../domain/date.h"
#include "../domain/history.h"
#include "../domain/money.h"
#include "../log.h"
#include "../store/db.h"
#include "../tpl/tpl.h"
#include "pages.h"

struct menu_item {
	const char	*key;
	const char	*label;
	const char	*href;
	unsigned	 roles;
};

static const struct menu_item menu[] = {
	{ "dashboard", "Today", "/dashboard", R_OPERATOR },
	{ "occupiers", "Occupiers", "/occupiers", R_OPERATOR },
	{ "sites", "Sites", "/sites", R_OPERATOR },
	{ "cases", "Cases", "/cases", R_OPERATOR },
	{ "reports", "Reports", "/reports", R_OPERATOR },
	{ "invoices", "Invoices", "/invoices", R_OPERATOR },
	{ "catalog", "Catalog", "/catalog", R_OPERATOR },
	{ "team", "Team", "/team", R_OPADMIN },
	{ "outbox", "Outbox", "/outbox", R_OPADMIN },
	{ "webhooks", "Webhooks", "/settings/webhooks", R_OPADMIN },
	{ "my", "Services", "/my", R_OCCUPIER },
	{ "mycases", "Cases", "/my/cases", R_OCCUPIER },
	{ "myinvoices", "Invoices", "/my/invoices", R_OCCUPIER },
	{ "myusers", "Users", "/my/users", R_OCCADMIN },
	{ "account", "Account", "/account", R_ANY },
};

/* Fixed flash messages, chosen by the ?done= of a redirect after a POST
 * (shown once: http_redirect moves it into a cookie, http_flash_take). */
static const struct {
	const char	*code;
	const char	*text;
} flashes[] = {
	{ "created", "Created." },
	{ "saved", "Changes saved." },
	{ "signedout", "You have signed out." },
	{ "services_saved", "Services saved." },
	{ "saved_case", "Services saved." },
	{ "nothing_saved", "Nothing to save: the services are as they were." },
	{ "password_set", "Your password is set. Sign in with it." },
	{ "password_changed", "Your password is changed. Your other "
	    "sessions have ended." },
	{ "session_revoked", "The session has ended." },
	{ "user_disabled", "The user is disabled and signed out everywhere." },
	{ "user_enabled", "The user is enabled and can sign in again." },
	{ "user_removed", "The user is removed and signed out everywhere." },
	{ "role_changed", "The role is changed." },
	{ "device_registered", "The Wi-Fi device is registered and active." },
	{ "comment_added", "Your comment is added." },
	{ "mail_retry", "The message will be sent again." },
	{ "redelivered", "The event will be sent again." },
	{ "retired", "The service is retired: no longer offered." },
	{ "offered", "The service is offered again." },
	{ "site_archived", "Site archived: it takes no new contract." },
	{ "site_restored", "Site restored: it takes new contracts again." },
};

static void
emit(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

/* The page's currency and zone (a worker serves one request at a time):
 * set by page_begin for every page. */
static char	 page_cur[8], page_tz[65];

static void
copy_setting(char *dst, size_t cap, const char *v)
{
	size_t	 n = v != NULL ? strlen(v) : 0;

	if (n >= cap)
		n = 0;		/* longer than any valid one: none */
	memcpy(dst, v != NULL ? v : "", n);
	dst[n] = '\0';
}

void
page_use_currency(const char *currency)
{
	if (currency != NULL && *currency != '\0')
		copy_setting(page_cur, sizeof(page_cur), currency);
}

void
page_use_site(const char *currency, const char *timezone)
{
	page_use_currency(currency);
	if (timezone != NULL && *timezone != '\0')
		copy_setting(page_tz, sizeof(page_tz), timezone);
}

struct tpl_dict *
page_begin(struct req *r, const char *title, const char *body_tpl,
    const char *active)
{
	struct tpl_dict	*root, *item, *body;
	const char	*done;
	size_t		 i;

	if ((root = tpl_dict_new("layout")) == NULL) {
		log_warnx("layout: out of memory");
		http_error(r, 500);
		return NULL;
	}
	arena_defer(r->a, tpl_dict_free, root);
	r->tpl_root = root;
	copy_setting(page_cur, sizeof(page_cur), r->signed_in ?
	    r->user.currency : NULL);
	copy_setting(page_tz, sizeof(page_tz), r->signed_in ?
	    r->user.timezone : NULL);
	tpl_set(root, TN_TITLE, title);
	tpl_set(root, TN_CSRF, r->csrf);
	if (r->signed_in) {
		tpl_show(root, TN_SIGNED_IN);
		tpl_set(root, TN_USER_NAME, r->user.name);
		tpl_set(root, TN_ROLE_LABEL, role_labels[r->user.role]);
		tpl_set(root, TN_OPERATOR_NAME, r->user.operator_name);
		for (i = 0; i < sizeof(menu) / sizeof(menu[0]); i++) {
			if (!(menu[i].roles & (1u << r->user.role)))
				continue;
			item = tpl_section(root, TN_MENU);
			tpl_set(item, TN_LABEL, menu[i].label);
			tpl_set(item, TN_HREF, menu[i].href);
			if (active != NULL && strcmp(active, menu[i].key) == 0)
				tpl_show(item, TN_CURRENT);
		}
		if ((1u << r->user.role) & R_OPERATOR)	/* pages/search.c */
			tpl_show(root, TN_SEARCH_BOX);
	} else
		tpl_show(root, TN_SIGNED_OUT);
	if ((done = http_flash_take(r)) != NULL)
		for (i = 0; i < sizeof(flashes) / sizeof(flashes[0]); i++)
			if (strcmp(done, flashes[i].code) == 0)
				tpl_set(tpl_section(root, TN_FLASH), TN_TEXT,
				    flashes[i].text);
	body = tpl_include(root, TN_BODY, body_tpl);
	tpl_set(body, TN_CSRF, r->csrf);
	return body;
}

void
page_end(struct req *r)
{
	r->body.len = 0;
	r->content_type = "text/html; charset=utf-8";
	if (r->status == 0)
		r->status = 200;
	if (r->tpl_root == NULL ||
	    tpl_render("layout.tpl", r->tpl_root, emit, &r->body) == -1) {
		http_error(r, 500);
		return;
	}
	r->done = 1;
}

void
page_store_error(struct req *r)
{
	if (db_commit_unknown()) {
		/* The connection went while COMMIT was under way. */
		http_error_msg(r, 503, "The connection to the database was "
		    "lost while this change was being saved, so it may or may "
		    "not have been saved. Check whether it is there before "
		    "trying again.");
		return;
	}
	if (db_retryable()) {
		/* A deadlock or lock wait on every try (a Galera node leaving
		 * the cluster meanwhile): nothing was saved, and trying again
		 * in a moment will do. */
		http_header(r, "Retry-After", "2");
		http_error_msg(r, 503, "The database was too busy to save this "
		    "change just now. Nothing was saved: try again in a "
		    "moment.");
		return;
	}
	http_error(r, db_unavailable() ? 503 : 500);
}

void
page_ops_ctx(struct req *r, struct ops_ctx *c)
{
	memset(c, 0, sizeof(*c));
	c->t.a = r->a;
	c->t.operator_id = r->user.operator_id;
	c->t.user_id = r->user.id;
	c->t.day = r->today;
	c->t.now = r->now;
	c->occupier_id = r->user.occupier_id;
	c->role = r->signed_in ? (int)r->user.role : -1;
	c->remote_addr = r->remote_addr;
}

void
page_refused(struct req *r, struct tpl_dict *d, const struct ops_result *why)
{
	size_t	 i;

	r->status = ops_status(why->why);
	for (i = 0; i < why->n; i++)
		form_error(r, d, why->m[i].field, why->m[i].text);
	if (why->more)
		form_error(r, d, NULL, "More problems exist; fix these first.");
}

int
page_refused_bare(struct req *r, const struct ops_result *why)
{
	const char	*msg = why->n > 0 ? why->m[0].text : NULL;

	if (why->why == OPS_NOT_FOUND || why->why == OPS_BAD_FORM ||
	    why->why == OPS_BUSY) {
		if (msg != NULL)
			http_error_msg(r, ops_status(why->why), msg);
		else
			http_error(r, ops_status(why->why));
		return 1;
	}
	return 0;
}

void
page_setf(struct tpl_dict *d, enum tpl_name key, const char *fmt, ...)
{
	char	 b[512];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(b, sizeof(b), fmt, ap);
	va_end(ap);
	tpl_set(d, key, b);
}

void
page_set_date(struct tpl_dict *d, enum tpl_name key, int32_t day)
{
	char	 b[32];

	date_format_long(day, b, sizeof(b));
	tpl_set(d, key, b);
}

const char *
page_currency(void)
{
	return page_cur;
}

const char *
page_timezone(void)
{
	return page_tz;
}

void
page_set_money(struct tpl_dict *d, enum tpl_name key, int64_t minor)
{
	char	 b[MONEY_STRLEN + 8];

	money_format_cur(minor, page_cur, b, sizeof(b));
	tpl_set(d, key, b);
}

void
page_set_time(struct req *r, struct tpl_dict *d, enum tpl_name key,
    enum tpl_name iso_key, int64_t t)
{
	struct tm	 tm;
	char		 when[48], iso[32];

	/* In the page's zone (the site's, else the operator's). */
	if (t <= 0 || history_local(&t, 1, page_timezone(), &tm) < 0) {
		tpl_set(d, key, "");
		return;
	}
	history_when(&tm, when, sizeof(when));
	tpl_set(d, key, arena_strdup(r->a, when));
	strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%S", &tm);
	tpl_set(d, iso_key, iso);
}
