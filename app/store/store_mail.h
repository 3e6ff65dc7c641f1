/*
 * store_mail: the mail outbox (sql/060_mail_outbox.sql), the recipients of
 * notifications and the contract-ending notices.
 *
 * Return convention (db.h): <0 error (logged), 0 not found / nothing
 * changed, >0 ok. Strings live in the arena passed in. store_mail_insert
 * and the notice functions run inside the caller's transaction: the row is
 * written, or not, with the change that causes it.
 */
#ifndef TENANTRY_STORE_MAIL_H
#define TENANTRY_STORE_MAIL_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct store_mail {
	int64_t		 id;
	int64_t		 operator_id;
	const char	*operator_name;	/* claimed rows only */
	const char	*kind;
	const char	*message_id;
	const char	*rcpt;
	const char	*rcpt_name;
	const char	*subject;
	const char	*body_text;	/* claimed rows and store_mail_get */
	const char	*body_html;	/* claimed rows only */
	const char	*state;		/* pending, sending, sent, dead */
	int64_t		 attempts;
	int64_t		 next_attempt_at;
	const char	*last_error;
	int64_t		 created_at;
	int64_t		 sent_at;
	int		 sensitive;
};

struct store_mail_new {
	int64_t		 operator_id;
	const char	*kind;
	const char	*message_id;
	const char	*rcpt;
	const char	*rcpt_name;
	const char	*subject;
	const char	*body_text;
	const char	*body_html;
	int		 sensitive;
	int64_t		 now;
};

int	 store_mail_insert(const struct store_mail_new *, int64_t *id);
int	 store_mail_operator_name(struct arena *, int64_t op, const char **);

/* ---- the sender ---- */

/* Claim one due row for owner, leased until lease_until. 1 claimed (*m
 * filled), 0 nothing due, -1. */
int	 store_mail_claim(struct arena *, const char *owner, int64_t now,
	    int64_t lease_until, struct store_mail *m);
/* The relay accepted it. 0 when the lease was lost meanwhile. */
int	 store_mail_sent(int64_t id, const char *owner, int64_t now);
/* A failed attempt: dead when attempts reached max_attempts, else pending
 * again from retry_at. 0 when the lease was lost. */
int	 store_mail_failed(int64_t id, const char *owner, int64_t max_attempts,
	    int64_t retry_at, const char *error);
/* The relay was unreachable: pending again from retry_at, the attempt not
 * counted. */
int	 store_mail_release(int64_t id, const char *owner, int64_t retry_at,
	    const char *error);

/* ---- the outbox page (operator scoped) ---- */

/* Counts by state: pending (sending included), sent, dead. */
int	 store_mail_counts(struct arena *, int64_t op, int64_t *pending,
	    int64_t *sent, int64_t *dead);
/* Newest first; state "" for all. 1 (possibly none), -1. */
int	 store_mail_list(struct arena *, int64_t op, const char *state,
	    int64_t offset, int64_t limit, struct store_mail **, size_t *);
int	 store_mail_get(struct arena *, int64_t op, int64_t id,
	    struct store_mail *);
/* A dead row sent again (attempts from 0). 0 when not dead, or sensitive. */
int	 store_mail_retry(int64_t op, int64_t id, int64_t now);
/* Rows of kind for rcpt written after since. */
int	 store_mail_recent(struct arena *, const char *rcpt, const char *kind,
	    int64_t since, int64_t *count);

/* ---- recipients ---- */

struct store_mail_rcpt {
	const char	*email;
	const char	*name;
};

/* The operator's enabled team members; role "" for every role. */
int	 store_mail_team(struct arena *, int64_t op, const char *role,
	    struct store_mail_rcpt **, size_t *);
/* The enabled occupier admins of occ. */
int	 store_mail_occ_admins(struct arena *, int64_t op, int64_t occ,
	    struct store_mail_rcpt **, size_t *);
/* One enabled user; *occ its occupier (0 team), *role, *invited (no
 * password of its own yet). Any out pointer may be NULL. 1, 0, -1. */
int	 store_mail_user(struct arena *, int64_t op, int64_t id,
	    struct store_mail_rcpt *, const char **role, int64_t *occ,
	    int *invited);
/* Occupier name and billing contact ("" none). 1, 0, -1. */
int	 store_mail_occupier(struct arena *, int64_t op, int64_t occ,
	    const char **name, const char **contact);

struct store_mail_account {
	int64_t		 id;
	int64_t		 operator_id;
	const char	*email;
	const char	*name;
};
/* Enabled accounts with this (lower-case) email, of any operator. */
int	 store_mail_reset_users(struct arena *, const char *email,
	    struct store_mail_account **, size_t *);

/* ---- contract-ending notices ---- */

struct store_mail_contract {
	int64_t		 id;
	int64_t		 operator_id;
	int64_t		 occupier_id;
	int64_t		 site_id;
	const char	*reference;
	int32_t		 end_date;
	const char	*occupier_name;
	const char	*site_name;
};
/* Contracts ending after day low and on or before day high without a
 * `days` notice for their end date (at most 500 a call). */
int	 store_mail_contracts_due(struct arena *, int32_t low, int32_t high,
	    int days, struct store_mail_contract **, size_t *);
/* Record the notice: 1 recorded now, 0 someone already had. */
int	 store_mail_notice(int64_t contract, int days, int32_t end_date,
	    int64_t op, int32_t today);

/* Delete up to 1 000 messages sent or dead that were written before
 * `before` (unix seconds): the rows deleted, -1 error. */
int64_t	 store_mail_purge(int64_t before);

#endif
