/*
 * ops/operators: creating an operator (the shell's "operator add" and the
 * demo seed; no page creates one). See ops.h for the contract of every
 * operation.
 */
#ifndef TENANTRY_OPS_OPERATORS_H
#define TENANTRY_OPS_OPERATORS_H

#include "ops.h"

struct operator_create_in {
	const char	*name;		/* 1..200 bytes */
	const char	*currency;	/* ISO 4217 */
	const char	*timezone;	/* 1..64 bytes */
};

struct operator_create_out {
	struct ops_result	 why;
	int64_t			 id;	/* the operator created */
};

/*
 * Create an operator, in one transaction with its audit event (of the new
 * operator, by the system): an empty or over-long name or time zone, or a
 * currency that is not an ISO 4217 code, is refused by its field
 * (OPS_INVALID). ctx's operator is not used.
 */
int	 ops_operator_create(struct ops_ctx *, const struct operator_create_in *,
	    struct operator_create_out *);

#endif
