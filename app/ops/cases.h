/*
 * ops/cases: the help desk's use cases, for the operator's team and for
 * the occupier's own users alike: raise a case (with a file), comment
 * (with a file), move it between statuses, triage it. Every change is one
 * transaction with its audit event (entity "case") and the e-mail to the
 * other side (notify.h), queued in the same transaction. The side that
 * acts is told by the context: an occupier role (ctx->occupier_id > 0) is
 * the occupier's side, any other the operator's. See ops.h for the
 * contract of every operation, domain/helpdesk.h for the rules of cases
 * (statuses, moves, the SLA clock).
 */
#ifndef TENANTRY_OPS_CASES_H
#define TENANTRY_OPS_CASES_H

#include "../domain/helpdesk.h"
#include "../domain/validate.h"
#include "../store/store_case.h"
#include "ops.h"

/* A file to attach, already checked (hd_attach_name, hd_attach_type). */
struct case_file {
	char		 name[128];	/* hd_attach_name */
	const char	*ctype;		/* hd_attach_type */
	const char	*data;		/* NULL: no file */
	size_t		 len;
};

/* The fields of a raise form after its occupier, site and service. */
enum case_raise_field {
	CRF_SUBJECT,	/* subject */
	CRF_DETAILS,	/* details */
	CRF_PRIORITY,	/* priority */
	CRF_CATEGORY,	/* category */
	CRF__MAX
};
/* Their rules and labels, the raise forms' and the API's. */
extern const struct field ops_case_raise_fields[CRF__MAX];

struct case_raise_in {
	int64_t			 occupier_id;	/* the operator side's choice;
						   ignored for the occupier side
						   (ctx's occupier) */
	int64_t			 site_id;
	int64_t			 service_id;	/* 0: none */
	const char		*service_name;	/* "" when none (the audit event) */
	const char		*occupier_name;	/* for the operator side's message */
	const char		*site_name;	/* likewise */
	const char		*subject, *details;
	enum hd_priority	 priority;
	enum hd_category	 category;
	const struct case_file	*file;		/* NULL or no data: none */
};

struct case_raise_out {
	struct ops_result	 why;
	int64_t			 id;		/* the case raised */
};

/*
 * The rules of a new case's text and choices, shared by the raise forms
 * and the API so that both refuse with the same words. Details that are a
 * checklist left unchanged (hd_is_template): OPS_INVALID on "details".
 * 1 when fine, else 0 with the message added to why.
 */
int	 ops_case_details_check(const char *details, struct ops_result *why);
/*
 * Priority and category as named (hd_priority_names, hd_category_names;
 * NULL: not given, then normal and the related service's category, or
 * other) into *prio and *cat; a name not among them is OPS_INVALID on its
 * field ("Priority must be one of the choices."). The number of messages
 * added to why.
 */
int	 ops_case_choices(const char *prio_name, const char *cat_name,
	    const char *svc_category, enum hd_priority *prio,
	    enum hd_category *cat, struct ops_result *why);

/*
 * The related service svc of a new case (NULL: none) must be one of mine
 * (nmine of them), the services the occupier named occ_name holds now at
 * the site named site_name (store_case_occ_site_services): else
 * OPS_INVALID on "service", in the raise form's words (in a). Shared by
 * the raise form and the API. 1 fine, 0 refused into why.
 */
int	 ops_case_service_check(struct arena *a,
	    const struct store_case_option *svc,
	    const struct store_case_option *mine, size_t nmine,
	    const char *occ_name, const char *site_name, struct ops_result *why);
/*
 * The assignee of a triage: 0 (nobody) or an enabled member of ctx's
 * operator's team; else (another id, or a negative one: not an id)
 * OPS_INVALID on "assignee". Shared by the case page and the API. 1
 * fine, 0 refused into why, -1 store error.
 */
int	 ops_case_assignee_check(struct ops_ctx *, int64_t assignee,
	    struct ops_result *why);

/*
 * Raise a case for an occupier present at the site (it holds a contract of
 * any status there; else OPS_INVALID on "site"), its details checked by
 * ops_case_details_check, with its file, the audit
 * event "create" and the mail to the other side.
 */
int	 ops_case_raise(struct ops_ctx *, const struct case_raise_in *,
	    struct case_raise_out *);

struct case_comment_in {
	const struct store_case	*kase;		/* as the screen loaded it */
	const char		*body;
	const struct case_file	*file;		/* NULL or no data: none */
};

struct case_comment_out {
	struct ops_result	 why;
	int64_t			 comment_id;
};

/*
 * Add a person's comment (and its file) to an open case: the operator
 * side's first comment answers the case (first response); the occupier
 * side's comment on a case awaiting the customer starts its clock again
 * (in progress). A closed case takes none: OPS_CONFLICT.
 */
int	 ops_case_comment(struct ops_ctx *, const struct case_comment_in *,
	    struct case_comment_out *);

struct case_move_in {
	const struct store_case	*kase;
	enum hd_status		 to;
	const char		*by;		/* the actor's name, for the line */
};

struct case_move_out {
	struct ops_result	 why;
};

/*
 * Move a case to status `to` as the rules allow from where it is now
 * (hd_can_move; the operator side's move answers the case), with a system
 * line "Closed by NAME." in the conversation, the audit event (close,
 * reopen or status) and, when closed, the mail to the occupier side. A
 * move the current status does not allow is OPS_CONFLICT.
 */
int	 ops_case_move(struct ops_ctx *, const struct case_move_in *,
	    struct case_move_out *);

struct case_triage_in {
	const struct store_case	*kase;
	int64_t			 assignee_id;	/* 0: nobody; a team member */
	enum hd_priority	 priority;
	enum hd_category	 category;
};

struct case_triage_out {
	struct ops_result	 why;
};

/* Set a case's assignee, priority and category, with the audit event
 * "triage" (old and new). */
int	 ops_case_triage(struct ops_ctx *, const struct case_triage_in *,
	    struct case_triage_out *);

struct case_change_in {
	const struct store_case	*kase;
	int64_t			 version;	/* 0: any; else the one read */
	int			 move;		/* move to `to` (ops_case_move) */
	enum hd_status		 to;
	const char		*by;
	int			 triage;	/* set these (ops_case_triage) */
	int64_t			 assignee_id;	/* checked: ops_case_assignee_check */
	enum hd_priority	 priority;
	enum hd_category	 category;
};

struct case_change_out {
	struct ops_result	 why;
	int			 stale;		/* refused: not at version */
};

/*
 * A move and a triage of one case in one transaction (the API's change of
 * a case): the case locked, refused (OPS_CONFLICT, stale set) when its
 * version is not in->version, then the move as ops_case_move makes it
 * (its refusals) and the triage as ops_case_triage makes it, each with
 * its audit event, conversation line and webhook event.
 */
int	 ops_case_change(struct ops_ctx *, const struct case_change_in *,
	    struct case_change_out *);

#endif
