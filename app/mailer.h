/*
 * mailer: the sender. It delivers the outbox (store_mail) to the relay
 * named by cfg.smtp_url over SMTP with libcurl (STARTTLS as cfg.smtp_tls
 * says, credentials when cfg.smtp_user is set), one row at a time:
 *
 *   claim a due row (a lease: nobody else can take it until it ends),
 *   build the message (domain/mime.c), hand it to the relay, then
 *   - accepted: sent (a one-time link in it is erased from the row);
 *   - refused by the relay (an SMTP 4xx or 5xx answer to the message):
 *     an attempt counted, retried after cfg.mail_retry_seconds doubled
 *     at each attempt (at most an hour), dead after cfg.mail_max_attempts;
 *   - the relay unreachable (no connection, TLS or login failure, the
 *     connection lost): the row is put back, the attempt not counted, and
 *     the sender waits (doubling, at most 30 s) before trying again.
 *
 * A sender that dies while sending leaves its row claimed until the lease
 * ends (MAILER_LEASE_SECONDS, longer than any one delivery may take); then
 * any sender takes it again, with the same Message-ID.
 */
#ifndef TENANTRY_MAILER_H
#define TENANTRY_MAILER_H

#define MAILER_LEASE_SECONDS	300
#define MAILER_TIMEOUT_SECONDS	60	/* one delivery, connection included */

/* The sender's loop until SIGTERM/SIGINT (serve's child, or `tenantry mail
 * run`). Returns the exit status. */
int	 mailer_main(void);
/* `tenantry mail test --to ADDR`: one message to addr now, through the
 * relay, not the outbox. 0 sent, else 1 (the reason printed). */
int	 mailer_send_test(const char *to);

#endif
