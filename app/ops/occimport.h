/*
 * ops/occimport: the import of occupiers with their contracts from a CSV
 * file (domain/occimport.h reads it): a preview, then all of it in one
 * transaction, idempotent by billing reference. See ops.h for the
 * contract of every operation.
 */
#ifndef TENANTRY_OPS_OCCIMPORT_H
#define TENANTRY_OPS_OCCIMPORT_H

#include "../domain/occimport.h"
#include "ops.h"

enum occimport_act {
	OIA_NONE,	/* no contract on the line */
	OIA_NEW,	/* created */
	OIA_CHANGED,	/* an occupier whose details change */
	OIA_SAME,	/* already there as the line says: nothing written */
};

struct occimport_line {
	enum occimport_act	 occ, con;
	int64_t			 occ_id;	/* existing occupier, else 0 */
	int64_t			 site_id;	/* the contract's site */
};

struct occimport_in {
	const char	*data;
	size_t		 len;
};

struct occimport_out {
	struct ops_result	 why;
	struct occimp		 im;		/* the lines and their errors */
	struct occimport_line	*line;		/* im.n of them */
	size_t			 occ_new, occ_changed, occ_same;
	size_t			 con_new, con_same;
};

/*
 * What importing the file would do, read without writing: every line
 * checked on its own and against ctx's operator's occupiers (by billing
 * reference), contracts (by reference) and sites (by name); out->im.errs
 * lists every problem by line (none: the import can go ahead), out->line
 * each line's action and the counts. Another operator's references and
 * sites are never seen. >0 done, <0 store error.
 */
int	 ops_occupier_import_preview(struct ops_ctx *,
	    const struct occimport_in *, struct occimport_out *);

/*
 * Import the file in one transaction, checked again inside it: new
 * occupiers created, occupiers whose details differ updated (their notes
 * kept), new contracts created, each with its audit events; lines already
 * there as they say write nothing, so a second import of the same file
 * changes nothing. Refused with nothing written (OPS_INVALID, the errors
 * as messages on the file): any line with an error; an existing contract
 * with other details or another occupier's (its page changes it).
 */
int	 ops_occupier_import(struct ops_ctx *, const struct occimport_in *,
	    struct occimport_out *);

#endif
