/*
 * ops/usage: importing usage (call detail records, traffic samples) from
 * the site's import page and from `tenantry usage import`/`traffic`. See
 * ops.h for the contract of every operation, usage.h for the import rules.
 */
#ifndef TENANTRY_OPS_USAGE_H
#define TENANTRY_OPS_USAGE_H

#include "../usage.h"
#include "ops.h"

enum usage_import_kind { USAGE_IMPORT_CALLS, USAGE_IMPORT_TRAFFIC };

struct usage_import_in {
	enum usage_import_kind	 kind;
	int64_t			 site;
	int64_t			 occupier;	/* traffic: whose port or VLAN */
	const char		*interface;	/* traffic: its name */
	const char		*file_name;
	const char		*data;
	size_t			 len;
	const char		*via;		/* "web", "cli" */
	/*
	 * Calls: the site as loaded once for a run of files (the command
	 * line; its month summaries are then the caller's, usage_site_finish
	 * after the run), or NULL: loaded inside the transaction and its
	 * month summaries written once it committed (one upload).
	 */
	struct usage_site	*loaded;
};

struct usage_import_out {
	/* OPS_INVALID: the file was refused, res.bad_line (0: the file as a
	 * whole) and res.msg say why; OPS_NOT_FOUND: no such site or
	 * occupier of ctx's operator. */
	struct ops_result	 why;
	struct usage_result	 res;	/* done: the counts, res.import_id */
};

/*
 * Import one file of ctx's operator's site whole, in one transaction, or
 * nothing of it: a refused file (a bad line, an occupier with no contract
 * at the site) is OPS_INVALID, an unknown site or occupier OPS_NOT_FOUND.
 */
int	 ops_usage_import(struct ops_ctx *, const struct usage_import_in *,
	    struct usage_import_out *);

#endif
