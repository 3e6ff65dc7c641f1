/*
 * store_case: support cases and their conversation. Every
 * function takes the operator id of the signed-in user and filters on it:
 * a case, occupier, site or service of another operator is "not found".
 *
 * Return convention: <0 error (logged), 0 not found / nothing changed,
 * >0 ok. Strings in returned structs live in the arena passed in.
 * Times are unix seconds (0: none).
 */
#ifndef TENANTRY_STORE_CASE_H
#define TENANTRY_STORE_CASE_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct store_case {
	int64_t		 id;
	const char	*subject;
	const char	*status;	/* "open" or "closed" */
	int64_t		 occupier_id;
	const char	*occupier_name;
	int64_t		 site_id;
	const char	*site_name;
	int64_t		 service_id;	/* 0: no related service */
	const char	*service_name;	/* "" when none */
	const char	*service_category;
	int64_t		 created_at;
	int64_t		 closed_at;	/* 0 while open */
	int64_t		 ncomments;	/* people's comments, not system lines */
	const char	*details;	/* store_case_get only */
	const char	*created_by;	/* store_case_get only: name, "" unknown */
	int64_t		 created_by_id;	/* 0: unknown */
	int64_t		 assignee_id;	/* 0: nobody */
	const char	*assignee_name;	/* "" when nobody */
	const char	*priority;	/* hd_priority_names[] */
	const char	*category;	/* hd_category_names[] */
	int64_t		 first_response_at;	/* unix s, 0 none yet */
	int64_t		 resolved_at;	/* unix s, 0 not resolved */
	const char	*tz;		/* the site's time zone (or operator's) */
	int64_t		 sla_elapsed;	/* see domain/helpdesk.h */
	int64_t		 sla_running_since;
	int64_t		 version;	/* bumped by every move and triage */
};

/* The filters of a case list: 0 / NULL / "" for "any". */
struct store_case_filter {
	int64_t		 op;
	const char	*tab;		/* NULL all, "open" not closed, "closed" */
	const char	*status;	/* one status exactly */
	int64_t		 occ;
	int64_t		 site;
	int64_t		 assignee;	/* -1: nobody */
	const char	*priority;
	int64_t		 raised_by;
};

/* One line of the conversation. user_id 0: a system line (close, reopen). */
struct store_case_comment {
	int64_t		 id;
	int64_t		 user_id;
	const char	*author;
	const char	*body;
	int64_t		 at;
};

/* One choice of a select (occupier, site, service); extra: category. */
struct store_case_option {
	int64_t		 id;
	const char	*name;
	const char	*extra;
};

enum store_case_options {
	STORE_CASE_OPT_OCCUPIERS,	/* the operator's occupiers by name */
	STORE_CASE_OPT_SITES,		/* the operator's sites by name */
	STORE_CASE_OPT_SERVICES,	/* the catalog in its order */
	STORE_CASE_OPT_TEAM,		/* enabled team members by name (role) */
	STORE_CASE_OPT__MAX
};

/* ---- attachments ---- */

struct store_case_att {
	int64_t		 id;
	int64_t		 comment_id;	/* 0: with the case itself */
	const char	*filename;
	const char	*content_type;
	int64_t		 size;
	int64_t		 created_at;
	const char	*uploader;
	const char	*data;		/* store_case_att_get only */
};

/* Attach a file to case id (0 when the case is not the operator's). */
int	 store_case_att_insert(int64_t op, int64_t case_id, int64_t comment,
	    const char *filename, const char *ctype, const char *data,
	    size_t size, int64_t user, int64_t now, int64_t *id);
int	 store_case_att_list(struct arena *, int64_t op, int64_t case_id,
	    struct store_case_att **, size_t *);
/* One attachment of case id with its bytes. 1, 0, -1. */
int	 store_case_att_get(struct arena *, int64_t op, int64_t case_id,
	    int64_t id, struct store_case_att *);

/* Cases not closed and closed among those the filter matches (its tab
 * ignored). */
int	 store_case_counts(struct arena *, const struct store_case_filter *,
	    int64_t *open, int64_t *closed);
/* Cases newest first. 1 ok (possibly none), <0 error. */
int	 store_case_list(struct arena *, const struct store_case_filter *,
	    int64_t offset, int64_t limit, struct store_case **out, size_t *n);
/* A page of cases newest first by key: the first limit (anchor 0), or
 * those after case anchor (older), or (before) those before it (newer);
 * *more: there are more on the far side. 1 ok (possibly none), <0
 * error. */
int	 store_case_page(struct arena *, const struct store_case_filter *,
	    int64_t anchor, int before, int64_t limit, struct store_case **out,
	    size_t *n, int *more);
/* One case with details and author. */
int	 store_case_get(struct arena *, int64_t op, int64_t id,
	    struct store_case *);
/* Raise a case (status open, its SLA clock running from now) created by
 * user. service 0: none. 0 when the occupier, site or service is not the
 * operator's, or the occupier has no contract at the site (the page checks
 * each first to say which). */
int	 store_case_insert(int64_t op, int64_t occ, int64_t site,
	    int64_t service, const char *subject, const char *details,
	    int64_t user, const char *priority, const char *category,
	    int64_t now, int64_t *id);
/*
 * Move case id to status `to` (hd_status_names[]) at now, as the domain
 * allows from its current status (hd_can_move): the SLA clock and the
 * status history follow; response: the operator side made the move, which
 * answers the case when it goes to awaiting customer or resolved. 1 moved,
 * 0 not allowed from the current status (*from names it; "" when the case
 * is missing), -1.
 */
int	 store_case_move(struct arena *, int64_t op, int64_t id,
	    const char *to, int64_t now, int response, const char **from);
/* Lock case id (as a move does) and read its version: 1, 0 not the
 * operator's, -1. */
int	 store_case_version_lock(struct arena *, int64_t op, int64_t id,
	    int64_t *version);
/* The operator side's first answer, if none yet. */
int	 store_case_first_response(int64_t op, int64_t id, int64_t now);
/* Assignee (0: nobody; the page checks it is a team member), priority,
 * category. */
int	 store_case_triage(int64_t op, int64_t id, int64_t assignee,
	    const char *priority, const char *category);
/* The status history, oldest first: statuses and times. */
int	 store_case_events(struct arena *, int64_t op, int64_t id,
	    const char ***status, int64_t **at, size_t *n);
/* Add a line to the conversation. user 0 writes a system line, accepted
 * in any state; a person's comment is accepted only while the case is
 * open (0 otherwise, or when the case is missing). */
int	 store_case_comment_insert(int64_t op, int64_t case_id, int64_t user,
	    const char *body, int64_t *id);
/* The conversation, oldest first. 1 ok (possibly empty), <0 error. */
int	 store_case_comments(struct arena *, int64_t op, int64_t case_id,
	    struct store_case_comment **out, size_t *n);
/* 1 when the occupier has a contract (any status) at the site, else 0. */
int	 store_case_contract_exists(struct arena *, int64_t op, int64_t occ,
	    int64_t site);
/* The choices of one select. 1 ok (possibly empty), <0 error. */
int	 store_case_options(struct arena *, int64_t op, enum store_case_options,
	    struct store_case_option **out, size_t *n);
/* The services occupier occ has now (active or scheduled), as choices
 * (id, name, category) in catalog order. 1, or -1. */
int	 store_case_occ_services(struct arena *, int64_t op, int64_t occ,
	    struct store_case_option **out, size_t *n);
/* The same at one site only. 1, or -1. */
int	 store_case_occ_site_services(struct arena *, int64_t op, int64_t occ,
	    int64_t site, struct store_case_option **out, size_t *n);

#endif
