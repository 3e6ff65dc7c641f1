/*
 * ops/usage: see usage.h.
 */
#include <string.h>

#include "usage.h"

struct import {
	const struct usage_import_in	*in;
	struct usage_import_out		*out;
	struct usage_site		*site;	/* calls: the site rated against */
};

static int
import_txn(struct txn *t, void *arg)
{
	struct import			*im = arg;
	const struct usage_import_in	*in = im->in;
	struct usage_result		*res = &im->out->res;
	int				 rc;

	/* An earlier run of this transaction was rolled back: what the site
	 * kept from it is gone too. */
	if (t->attempt > 0 && in->loaded != NULL)
		usage_site_forget(in->loaded);
	memset(res, 0, sizeof(*res));
	if (in->kind == USAGE_IMPORT_TRAFFIC)
		rc = usage_import_traffic(t->a, t->operator_id, in->site,
		    in->occupier, in->interface, in->file_name, in->data,
		    in->len, t->user_id, in->via, res);
	else if ((im->site = in->loaded) != NULL ||
	    (rc = usage_site_load(t->a, t->operator_id, in->site,
	    USAGE_LOAD_RATING, &im->site)) > 0)
		rc = usage_import_calls(t->a, im->site, in->file_name,
		    in->data, in->len, t->user_id, in->via, res);
	if (rc == -2)
		return ops_refuse(&im->out->why, OPS_INVALID,
		    NULL, NULL);
	if (rc == 0)
		return ops_refuse(&im->out->why, OPS_NOT_FOUND, NULL, NULL);
	return rc;
}

int
ops_usage_import(struct ops_ctx *c, const struct usage_import_in *in,
    struct usage_import_out *out)
{
	struct import	 im = { in, out, NULL };
	int		 rc;

	memset(out, 0, sizeof(*out));
	rc = db_txn(&c->t, import_txn, &im);
	/* A failed import may have changed what a loaded site keeps (a
	 * refused file changed nothing). */
	if (rc < 0 && in->loaded != NULL)
		usage_site_forget(in->loaded);
	/* One upload: the month's summary from this file's calls, when it
	 * can (else built when first read). */
	if (rc > 0 && in->loaded == NULL && im.site != NULL)
		usage_site_finish(c->t.a, im.site);
	return rc;
}
