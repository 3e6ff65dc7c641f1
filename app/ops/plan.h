/*
 * ops/plan: the services plan of an occupier at a site (domain §3, §4):
 * the bridge from the stored catalog and infrastructure to the rules
 * engine (domain/rules.h), read by the Services tabs and the pages that
 * show the Provisioned infrastructure row, and the Add services / Manage
 * services dialog: its reads and its save. See ops.h for the contract of
 * every operation.
 */
#ifndef TENANTRY_OPS_PLAN_H
#define TENANTRY_OPS_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/rules.h"
#include "../store/store.h"
#include "ops.h"

#define PLAN_ROWS_MAX	200	/* rows (and drops) of one plan */
#define PLAN_MSGS_MAX	8	/* messages of one row, and of the dialog */

/* The operator's catalog (availability at the site) and what the occupier
 * has in use there, in the rules engine's terms. */
struct plan {
	struct store_catalog	 cat;
	struct rules_service	*rsvc;
	struct rules_rule	*rrules;
	struct rules_catalog	 rc;
	struct rules_state	 state;
	int64_t			 ips_held;	/* plan_load: public IPs held */
	int64_t			 version;	/* plan_read: 1 never saved */
};

/*
 * The plan's readers; t gives the arena, the operator and the day (no
 * transaction is begun: plan_load is meant for one, under the plan's
 * lock). 1 ok, -1 store error.
 *
 * plan_load: the catalog, the infrastructure in use and the occupier's
 * contracts at site (newest first), in one round trip. plan_read: the
 * same without the contracts, with every service row of the occupier at
 * site (current first, then by id), the plan's version and, when head is
 * not NULL, the tab's header, in one round trip. plan_provisioned: the
 * Provisioned infrastructure of the occupier at site: allocated (Y) by its
 * current services, active and scheduled, and in use (X).
 */
int	 plan_load(const struct txn *, int64_t occ, int64_t site,
	    struct plan *, struct store_contract **, size_t *);
int	 plan_read(const struct txn *, int64_t occ, int64_t site,
	    struct plan *, struct store_occsvc **, size_t *,
	    struct store_plan_head *);
int	 plan_provisioned(const struct txn *, int64_t occ, int64_t site,
	    struct rules_result *);
/* The catalog entry of service id, or NULL. */
const struct store_service *plan_service(const struct plan *, int64_t id);
/* Evaluate plan rows against the catalog and the infrastructure. */
size_t	 plan_check(const struct plan *, const struct rules_line *, size_t n,
	    struct rules_result *);
/* plan_check of the rows os[0..n) that have not ended by t's day: active
 * and scheduled, what is or will be allocated (Y). Returns their number. */
size_t	 plan_check_current(const struct txn *, const struct plan *,
	    const struct store_occsvc *os, size_t n, struct rules_result *);

/* ---- the Manage services dialog ---- */

/* A row as the dialog's form sends it. */
struct plan_row_in {
	int64_t		 id;		/* a current row; 0: a new one */
	int64_t		 service_id;
	int64_t		 contract_id;	/* 0: none chosen */
	const char	*price, *qty;	/* as typed */
};

/* What the user did besides editing the rows. */
enum plan_action {
	PLAN_RECALC,		/* recalculate, search, or save */
	PLAN_ADD,		/* arg: the service to add a row for */
	PLAN_REMOVE,		/* arg: the index of the row removed */
	PLAN_RESTORE,		/* arg: the current row brought back */
};

/* The dialog's form: the plan as the user left it. */
struct plan_form {
	int64_t			 version;	/* the plan's it started from */
	const struct plan_row_in *rows;
	size_t			 nrows;
	const int64_t		*drops;		/* current rows removed */
	size_t			 ndrops;
	enum plan_action	 action;
	int64_t			 arg;
};

/* A row of the dialog, checked. */
struct plan_row {
	int64_t				 id;	/* a current row; 0: new */
	int64_t				 service_id;
	int64_t				 contract_id;
	const char			*price_raw, *qty_raw;	/* as typed */
	int64_t				 price, qty;
	int				 price_ok, qty_ok;
	const struct store_occsvc	*cur;		/* a current row's */
	const struct store_service	*svc;
	const char			*msgs[PLAN_MSGS_MAX];
	size_t				 nmsgs;
	int				 bumped;	/* add raised its QTY */
	const char			*excl_with;	/* excluded by a later
							 * row's service (named) */
	const char			*kept;	/* a rule broken no worse
						 * than as saved: allowed */
};

/* The dialog: the plan it shows, what it is checked against, and every
 * message (by row, or of the whole plan). */
struct plan_dialog {
	int64_t			 occ, site;
	struct store_occupier	 o;
	struct store_plan_head	 head;		/* found: read with the plan */
	struct plan		 plan;
	struct store_occsvc	*cur;		/* current rows, not ended */
	size_t			 ncur;
	struct store_contract	*contracts;	/* eligible: not inactive */
	size_t			 ncontracts;
	int64_t			 version;	/* the form's, or the plan's */
	struct plan_row		 rows[PLAN_ROWS_MAX];
	size_t			 nrows;
	int64_t			 drops[PLAN_ROWS_MAX];
	size_t			 ndrops;
	const char		*top[PLAN_MSGS_MAX];	/* not tied to a row */
	size_t			 ntop;
	struct rules_result	 res;
	int			 errors;	/* any message: no Save */
	int			 changed;	/* differs from the stored plan */
};

/* The current row id of the dialog's plan, or NULL. */
const struct store_occsvc *plan_dialog_current(const struct plan_dialog *,
	    int64_t id);
/* The eligible contract id of the dialog, or NULL. */
const struct store_contract *plan_dialog_contract(const struct plan_dialog *,
	    int64_t id);

/* Whether a change dated in [from, to] at site touches an invoiced, locked
 * month: 1 (*msg says why), 0 not, -1 store error. */
typedef int	(*plan_locked_fn)(void *arg, int64_t site, int32_t from,
		    int32_t to, const char **msg);

struct plan_in {
	int64_t			 occ, site;
	const struct plan_form	*form;		/* NULL: the plan as stored */
	int			 unreadable;	/* the form could not be read */
	plan_locked_fn		 locked;	/* the save's; NULL: no lock */
	void			*locked_arg;
};

struct plan_out {
	struct ops_result	 why;
	struct plan_dialog	*dlg;		/* the dialog to show */
	int64_t			 needs_case;	/* saved: a service added that
						 * needs a case, or 0 */
	int			 unchanged;	/* "saved": nothing to save */
};

/*
 * The dialog of occupier in->occ of ctx's operator at in->site, read
 * without a lock: the plan as stored (in->form NULL), or the form's plan
 * after its action, every row checked and the plan evaluated (messages in
 * out->dlg; none refuses). Refused: no such occupier or site
 * (OPS_NOT_FOUND), a form that could not be read or names a current row
 * twice (OPS_BAD_FORM).
 */
int	 ops_plan_open(struct ops_ctx *, const struct plan_in *,
	    struct plan_out *);

/*
 * Save the form's plan (domain §4) in one transaction: under the plan's
 * lock, a form of the current version that names every current row once
 * is checked like the dialog checks it and against in->locked, then
 * (unless it changes nothing: out->unchanged, nothing written) written with its audit events, its charge ledger rows, the first voice
 * service's phone numbers and the public IP addresses it needs. Refused:
 * no such occupier or site (OPS_NOT_FOUND); a form that could not be read,
 * or does not name the plan's rows as the dialog showed them
 * (OPS_BAD_FORM, with its message); another save came first (OPS_CONFLICT,
 * its message, and out->dlg the current plan); any message of the dialog
 * (OPS_INVALID, out->dlg with the messages and the occupier).
 */
int	 ops_plan_save(struct ops_ctx *, const struct plan_in *,
	    struct plan_out *);

#endif
