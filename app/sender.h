/*
 * sender: what the master's sender processes share (mailer.c sends the
 * mail outbox, whsender.c the webhook outbox): the name a sender holds its
 * leases under, their start, and a sleep SIGTERM cuts short.
 */
#ifndef TENANTRY_SENDER_H
#define TENANTRY_SENDER_H

#include <signal.h>
#include <stddef.h>

/* Set by SIGTERM or SIGINT once sender_start has run: finish the row
 * in hand and stop. */
extern volatile sig_atomic_t	 sender_stopping;

/* Start a sender process named who (in log lines): SIGTERM and SIGINT
 * set sender_stopping, SIGPIPE is ignored, libsodium and libcurl are
 * initialised, and owner gets the name its leases are held under
 * (sender_owner). 0, or -1 logged. */
int	 sender_start(const char *who, char *owner, size_t size);
/* A name unique to this process ("host:pid:random"): a row it holds is
 * named by it alone. */
void	 sender_owner(char *owner, size_t size);
/* Sleep ms, returning early once *stopping is set. */
void	 sender_nap(long ms, volatile sig_atomic_t *stopping);

#endif
