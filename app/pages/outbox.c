/*
 * outbox: /outbox, the e-mail Tenantry has queued for the operator, for
 * its admins: what waits (and why: the last error), what went, and the
 * dead letters (given up after the last attempt), which can be sent again.
 * /outbox/ID shows one message and its text part; a message that carries
 * a one-time link shows nothing of its body (it is erased once sent).
 * POST /outbox/ID (op=retry) sends a dead letter again (ops_mail_retry).
 */
#include <stdio.h>
#include <string.h>

#include "../config.h"
#include "../ops/mail.h"
#include "../store/store_mail.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define PER_PAGE	50

enum ob_tab {
	OB_ALL,		/* "" */
	OB_PENDING,	/* "pending" */
	OB_SENT,	/* "sent" */
	OB_DEAD,	/* "dead" */
	OB__MAX
};

static const char *const tab_keys[OB__MAX + 1] = {
	"",		/* OB_ALL */
	"pending",	/* OB_PENDING */
	"sent",		/* OB_SENT */
	"dead",		/* OB_DEAD */
	NULL,
};

static const char *const tab_labels[OB__MAX] = {
	"All",		/* OB_ALL */
	"Waiting",	/* OB_PENDING */
	"Sent",		/* OB_SENT */
	"Dead letters",	/* OB_DEAD */
};

static void
state_set(struct tpl_dict *d, const char *state)
{
	if (strcmp(state, "sent") == 0) {
		tpl_set(d, TN_STATE, "Sent");
		tpl_set(d, TN_STATE_CLASS, "active");
	} else if (strcmp(state, "dead") == 0) {
		tpl_set(d, TN_STATE, "Dead letter");
		tpl_set(d, TN_STATE_CLASS, "inactive");
	} else if (strcmp(state, "sending") == 0) {
		tpl_set(d, TN_STATE, "Sending");
		tpl_set(d, TN_STATE_CLASS, "scheduled");
	} else {
		tpl_set(d, TN_STATE, "Waiting");
		tpl_set(d, TN_STATE_CLASS, "scheduled");
	}
}

static void
relay_set(struct tpl_dict *d)
{
	if (cfg.smtp_url[0] == '\0')
		tpl_show(d, TN_NO_RELAY);
}

static void
outbox_list(struct req *r)
{
	struct tpl_dict		*d, *row, *t;
	struct store_mail	*m;
	enum ob_tab		 tab = OB_ALL, i;
	int64_t			 counts[OB__MAX];
	size_t			 n, k;
	int			 st;

	if (query_has(r, "state")) {
		/* tab_keys + 1: "" is no filter, never one asked for. */
		if ((st = query_enum(r, "state", tab_keys + 1)) < 0) {
			http_error_msg(r, 400, "The state filter must be "
			    "pending, sent or dead.");
			return;
		}
		tab = (enum ob_tab)(st + 1);
	}
	if (store_mail_counts(r->a, r->user.operator_id, &counts[OB_PENDING],
	    &counts[OB_SENT], &counts[OB_DEAD]) < 0 ||
	    store_mail_list(r->a, r->user.operator_id, tab_keys[tab], 0,
	    PER_PAGE, &m, &n) < 0) {
		page_store_error(r);
		return;
	}
	counts[OB_ALL] = counts[OB_PENDING] + counts[OB_SENT] + counts[OB_DEAD];
	if ((d = page_begin(r, "Outbox", "outbox.tpl", "outbox")) == NULL)
		return;
	relay_set(d);
	for (i = 0; i < OB__MAX; i++) {
		t = tpl_section(d, TN_TAB);
		tpl_set(t, TN_HREF, i == OB_ALL ? "/outbox" : arena_printf(r->a,
		    "/outbox?state=%s", tab_keys[i]));
		tpl_set(t, TN_LABEL, tab_labels[i]);
		tpl_set_int(t, TN_COUNT, counts[i]);
		if (i == tab)
			tpl_show(t, TN_CURRENT);
	}
	if (counts[OB_DEAD] > 0)
		tpl_set_int(tpl_section(d, TN_DEAD_NOTICE), TN_DEAD, counts[OB_DEAD]);
	for (k = 0; k < n; k++) {
		row = tpl_section(d, TN_ROW);
		tpl_set_int(row, TN_ID, m[k].id);
		tpl_set(row, TN_KIND, m[k].kind);
		tpl_set(row, TN_RCPT, m[k].rcpt);
		tpl_set(row, TN_SUBJECT, m[k].subject);
		state_set(row, m[k].state);
		tpl_set_int(row, TN_ATTEMPTS, m[k].attempts);
		tpl_set(row, TN_ERROR, m[k].last_error);
		page_set_time(r, row, TN_CREATED, TN_CREATED_ISO, m[k].created_at);
	}
	tpl_show(d, n > 0 ? TN_HAS_ROWS : TN_EMPTY);
	page_end(r);
}

/* One message, and what it says (its text part, unless it carried a
 * one-time link). */
static void
fill_message(struct req *r, struct tpl_dict *d, const struct store_mail *m)
{
	relay_set(d);
	tpl_set_int(d, TN_ID, m->id);
	tpl_set(d, TN_KIND, m->kind);
	tpl_set(d, TN_RCPT, m->rcpt);
	tpl_set(d, TN_RCPT_NAME, m->rcpt_name);
	tpl_set(d, TN_SUBJECT, m->subject);
	tpl_set(d, TN_MESSAGE_ID, m->message_id);
	state_set(d, m->state);
	tpl_set_int(d, TN_ATTEMPTS, m->attempts);
	tpl_set_int(d, TN_MAX_ATTEMPTS, cfg.mail_max_attempts);
	tpl_set(d, TN_ERROR, m->last_error);
	page_set_time(r, d, TN_CREATED, TN_CREATED_ISO, m->created_at);
	if (m->sent_at > 0)
		page_set_time(r, tpl_section(d, TN_SENT), TN_SENT_AT,
		    TN_SENT_AT_ISO, m->sent_at);
	if (strcmp(m->state, "pending") == 0 && m->attempts > 0)
		page_set_time(r, tpl_section(d, TN_NEXT), TN_NEXT_AT,
		    TN_NEXT_AT_ISO, m->next_attempt_at);
	if (m->sensitive)
		tpl_show(d, TN_SENSITIVE);
	else
		tpl_set(tpl_section(d, TN_BODY), TN_TEXT, m->body_text);
	if (strcmp(m->state, "dead") == 0 && !m->sensitive)
		tpl_show(d, TN_CAN_RETRY);
}

static const char *const message_ops[] = { "retry", NULL };

/* POST /outbox/ID op=retry: send a dead letter again (ops_mail_retry). */
static void
outbox_retry(struct req *r)
{
	struct tpl_dict		*d;
	struct ops_ctx		 c;
	struct mail_retry_in	 in;
	struct mail_retry_out	 out;
	int			 rc;

	if (form_enum(r, "op", message_ops) != 0) {
		http_error_msg(r, 400, "Unknown action on a message.");
		return;
	}
	in.id = r->ids[0];
	page_ops_ctx(r, &c);
	if ((rc = ops_mail_retry(&c, &in, &out)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc > 0) {
		http_redirect(r, arena_printf(r->a,
		    "/outbox/%lld?done=mail_retry", (long long)out.mail.id));
		return;
	}
	if (page_refused_bare(r, &out.why) || (d = page_begin(r,
	    arena_printf(r->a, "Message %lld", (long long)out.mail.id),
	    "outbox_message.tpl", "outbox")) == NULL)
		return;
	page_refused(r, d, &out.why);
	fill_message(r, d, &out.mail);
	page_end(r);
}

static void
outbox_one(struct req *r)
{
	struct tpl_dict		*d;
	struct store_mail	 m;
	int			 rc;

	if ((rc = store_mail_get(r->a, r->user.operator_id, r->ids[0], &m)) <
	    0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, arena_printf(r->a, "Message %lld",
	    (long long)m.id), "outbox_message.tpl", "outbox")) == NULL)
		return;
	fill_message(r, d, &m);
	page_end(r);
}

void
page_outbox(struct req *r)
{
	if (r->nids == 0)
		outbox_list(r);
	else if (r->method == M_POST)
		outbox_retry(r);
	else
		outbox_one(r);
}
