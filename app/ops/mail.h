/*
 * ops/mail: what an operator admin does to the outbox (notify.h queues
 * it, mailer.c sends it). See ops.h for the contract of every operation.
 */
#ifndef TENANTRY_OPS_MAIL_H
#define TENANTRY_OPS_MAIL_H

#include "../store/store_mail.h"
#include "ops.h"

struct mail_retry_in {
	int64_t		 id;
};

struct mail_retry_out {
	struct ops_result	 why;
	struct store_mail	 mail;		/* as it was (found) */
};

/*
 * Send a dead letter of ctx's operator again (its attempts from 0). A
 * message not dead, or one that carried a one-time link (erased once
 * sent), is OPS_CONFLICT; another operator's is OPS_NOT_FOUND.
 */
int	 ops_mail_retry(struct ops_ctx *, const struct mail_retry_in *,
	    struct mail_retry_out *);

#endif
