/*
 * sender: what the master's sender processes share (mailer.c sends the
 * mail outbox, whsender.c the webhook outbox): the name a sender holds its
 * leases under, and a sleep SIGTERM cuts short.
 */
#ifndef TENANTRY_SENDER_H
#define TENANTRY_SENDER_H

#include <signal.h>
#include <stddef.h>

/* A name unique to this process ("host:pid:random"): a row it holds is
 * named by it alone. */
void	 sender_owner(char *owner, size_t size);
/* Sleep ms, returning early once *stopping is set. */
void	 sender_nap(long ms, volatile sig_atomic_t *stopping);

#endif
