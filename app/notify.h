/*
 * notify: the e-mails Tenantry sends, written to the outbox (store_mail)
 * inside the transaction of the change that causes them. Each is rendered
 * from two templates, templates/mail_<kind>.txt (the text/plain part) and
 * templates/mail_<kind>.tpl (the text/html part), with the operator's name
 * and absolute links (cfg.base_url). app/mailer.c sends them.
 *
 * Every function returns 1 (queued; also when there was nobody to tell),
 * or -1 on a store or template error: the caller rolls back its change.
 */
#ifndef TENANTRY_NOTIFY_H
#define TENANTRY_NOTIFY_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct tpl_dict;
struct store_mail_contract;

/* cfg.base_url + path ("/cases/4" -> "https://app.example/cases/4"). */
char	*notify_url(struct arena *, const char *path);

/*
 * One message of kind to rcpt, from the kind's templates and d (the
 * caller's values; OPERATOR_NAME, RCPT_NAME, BASE_URL and SUBJECT are
 * added). sensitive: the body holds a one-time link (erased once sent).
 */
int	 notify_queue(struct arena *, int64_t op, const char *kind,
	    const char *rcpt, const char *rcpt_name, const char *subject,
	    struct tpl_dict *d, int sensitive, int64_t now);

enum notify_link {
	NOTIFY_LINK_ADMIN,	/* given by an admin: an invitation while the
				   user has no password, else a new link */
	NOTIFY_LINK_RESET,	/* asked for on "Forgot your password?" */
};
/* The set-password link /set-password?token=HEX to user (of op), valid
 * until expires. */
int	 notify_password_link(struct arena *, int64_t op, int64_t user,
	    const char *token_hex, int64_t expires, enum notify_link,
	    int64_t now);

enum notify_case_event {
	NOTIFY_CASE_RAISED,	/* "case_raised" */
	NOTIFY_CASE_COMMENT,	/* "case_comment" */
	NOTIFY_CASE_CLOSED,	/* "case_closed" */
	NOTIFY_CASE__MAX
};
/*
 * Tell the other side of case id about ev by author (a user of op;
 * operator_side: the author is a team member). The occupier side is the
 * occupier user who raised it and the occupier's admins; the operator
 * side is the case's assignee, or the whole team when nobody is assigned.
 * The author is never told. text: the comment (NOTIFY_CASE_COMMENT).
 */
int	 notify_case(struct arena *, int64_t op, int64_t case_id,
	    enum notify_case_event ev, int operator_side, int64_t author,
	    const char *text, int64_t now);

/* Numbers just activated for occ at site, to the occupier's admins (or,
 * when it has none, its contact email). */
int	 notify_numbers_activated(struct arena *, int64_t op, int64_t occ,
	    int64_t site, const char *const *numbers, size_t n, int64_t now);

/* The notice that contract c ends in days_left days (60 or 30 notice),
 * to the occupier's admins (or contact email) and the operator admins. */
int	 notify_contract_ending(struct arena *,
	    const struct store_mail_contract *c, int notice, int days_left,
	    int64_t now);

/*
 * The daily step of contract-ending notices, for day today: every
 * contract that ends within 60 days (but after 30) gets its 60-day notice,
 * every one that ends within 30 days its 30-day notice, once per contract
 * and end date (a new end date gets new notices). Each contract is its
 * own transaction (the notice row and its mails); running it twice, or
 * on two hosts at once, sends nothing twice. *queued: contracts noticed
 * now. 1, or -1 (what was done stays done).
 */
int	 notify_contracts_step(struct arena *, int32_t today, int64_t now,
	    int *queued);

/* An invoice issued (for the invoicing module to call in the transaction
 * that issues it): to the occupier's billing contact and its admins. */
struct notify_invoice {
	int64_t		 operator_id;
	int64_t		 occupier_id;
	const char	*number;	/* the invoice number */
	int64_t		 total_minor;	/* total due, minor units */
	const char	*currency;	/* ISO 4217 */
	int32_t		 issued;	/* day numbers */
	int32_t		 due;
	const char	*path;		/* where the occupier sees it, "/my/..." */
};
int	 notify_invoice_issued(struct arena *, const struct notify_invoice *,
	    int64_t now);

#endif
