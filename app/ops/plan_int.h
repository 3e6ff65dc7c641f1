/*
 * ops/plan's own parts, shared by plan.c (the bridge, the dialog and its
 * checks) and plan_save.c (the save's transaction). Not for other files.
 */
#ifndef TENANTRY_OPS_PLAN_INT_H
#define TENANTRY_OPS_PLAN_INT_H

#include "plan.h"

/* A dialog for in's occupier and site, empty. */
struct plan_dialog *plan_dlg_new(const struct txn *, const struct plan_in *);
/* Fill d without a lock (its header, plan, current rows and contracts)
 * or, inside a transaction, under the plan's lock. 1, 0 no such occupier
 * or site of the operator, -1 store error. */
int	 plan_dlg_read(const struct txn *, struct plan_dialog *);
int	 plan_dlg_lock(const struct txn *, struct plan_dialog *);
/* The rows of d: the current ones as stored, or the form's. */
void	 plan_rows_current(const struct txn *, struct plan_dialog *);
void	 plan_rows_form(struct plan_dialog *, const struct plan_form *);
/* 1 when form f is one the dialog could have sent: within bounds, no
 * current row named twice. */
int	 plan_form_readable(const struct txn *, const struct plan_form *);
/* 1 when d's rows and drops name every current row once, nothing else. */
int	 plan_form_names(const struct txn *, const struct plan_dialog *);
/* A message of the whole plan. */
void	 plan_top_msg(struct plan_dialog *, const char *);
/* Check every row on its own, then the plan against the rules. */
void	 plan_evaluate(const struct txn *, struct plan_dialog *);
/* The occupier occ and its site, both of the operator (as the occupier
 * tabs check them): 1 (*o), 0 not, -1 store error. */
int	 plan_occupier(const struct txn *, int64_t occ, int64_t site,
	    struct store_occupier *o);
/* The answer to a form that could not be read: OPS_NOT_FOUND when the
 * occupier or site is not the operator's, else OPS_BAD_FORM. 0, -1. */
int	 plan_unreadable(struct ops_ctx *, const struct plan_in *,
	    struct plan_out *);
/* The message of a form that could not be read. */
extern const char plan_unreadable_msg[];

#endif
