/*
 * housekeep: bounded deletion of expired rows (sessions, sign-in failures,
 * known addresses, paces), run by a process of the serve master.
 */
#ifndef TENANTRY_HOUSEKEEP_H
#define TENANTRY_HOUSEKEEP_H

#include <stdint.h>

/* One round as of now: 1 (*deleted rows), or -1 on a store error. */
int	 housekeep_round(int64_t now, int64_t *deleted);
/* The housekeeping process: a round a minute until SIGTERM; never returns. */
void	 housekeep_main(void) __attribute__((noreturn));

#endif
