/*
 * store_case: support cases and their conversation (issue 4). Every
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
	STORE_CASE_OPT__MAX
};

/* Open and closed cases matching the filters (occ, site: 0 for any). */
int	 store_case_counts(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int64_t *open, int64_t *closed);
/* Cases newest first; status "open", "closed" or NULL for both. 1 ok
 * (possibly none), <0 error. */
int	 store_case_list(struct arena *, int64_t op, const char *status,
	    int64_t occ, int64_t site, int64_t offset, int64_t limit,
	    struct store_case **out, size_t *n);
/* One case with details and author. */
int	 store_case_get(struct arena *, int64_t op, int64_t id,
	    struct store_case *);
/* Raise a case (status open) created by user. service 0: none. 0 when the
 * occupier, site or service is not the operator's, or the occupier has no
 * contract at the site (the page checks each first to say which). */
int	 store_case_insert(int64_t op, int64_t occ, int64_t site,
	    int64_t service, const char *subject, const char *details,
	    int64_t user, int64_t *id);
/* open -> closed (close non-zero) or closed -> open. 0 when the case is
 * missing or not in the state the change starts from. */
int	 store_case_set_status(int64_t op, int64_t id, int close);
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

#endif
