/*
 * ops/drafts: a form posted after its session ended (idle or too old) is
 * kept for its user, and given back once, un-saved, after the user signs
 * in again (the Manage services dialog: its work is not lost).
 */
#ifndef TENANTRY_OPS_DRAFTS_H
#define TENANTRY_OPS_DRAFTS_H

#include "ops.h"

/* How long a kept form waits for its user's next sign-in. */
#define DRAFT_KEEP_SECONDS	(24 * 3600)

/* Keep the url-encoded body posted to path for ctx's user (the user of
 * the session that had ended), replacing an older one of the same page. */
int	 ops_draft_keep(struct ops_ctx *, const char *path, const char *body);

/* Take ctx's user's kept form of path (made within DRAFT_KEEP_SECONDS):
 * >0 with *body, and it is deleted; 0 none; <0 store error. */
int	 ops_draft_take(struct ops_ctx *, const char *path, const char **body);

#endif
