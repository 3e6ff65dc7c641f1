/*
 * api_keys: /settings/api-keys (operator admins): the keys programs call
 * the JSON API with. A new key is shown once, on the answer to the form
 * that created it; only its hash is kept. A key reads, or reads and
 * writes, every site of the operator or only one; revoking one refuses
 * its next request.
 */
#include <string.h>

#include "../ops/apikeys.h"
#include "../store/store.h"
#include "../store/store_api.h"
#include "../tpl/tpl.h"
#include "pages.h"

enum key_field { KF_NAME, KF_SCOPE, KF_SITE, KF__MAX };

static const char *const scopes[] = { "read", "write", NULL };

static const struct field fields[KF__MAX] = {
	[KF_NAME] = { "name", "Name", FT_TEXT, 100, 1, 0, 0, NULL, 0 },
	[KF_SCOPE] = { "scope", "Scope", FT_ENUM, 8, 1, 0, 0, scopes, 0 },
	[KF_SITE] = { "site_id", "Site", FT_ID, 20, 0, 0, 0, NULL, 0 },
};

static int
fill_keys(struct req *r, struct tpl_dict *d)
{
	struct store_apikey	*k;
	struct store_site	*s;
	struct tpl_dict		*row;
	size_t			 i, n, ns;

	if (store_apikey_list(r->a, r->user.operator_id, &k, &n) < 0 ||
	    store_site_list(r->a, r->user.operator_id, 0, &s, &ns) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_KEY);
		tpl_set_int(row, TN_KEY_ID, k[i].id);
		tpl_set(row, TN_KEY_NAME, k[i].name);
		tpl_set(row, TN_KEY_PREFIX, k[i].prefix);
		tpl_set(row, TN_KEY_SCOPE, k[i].can_write ? "Read and write" :
		    "Read");
		tpl_set(row, TN_KEY_SITE, *k[i].site_name ? k[i].site_name :
		    "Every site");
		tpl_set(row, TN_KEY_CREATED, k[i].created);
		tpl_set(row, TN_KEY_LAST_USED, *k[i].last_used ?
		    k[i].last_used : "Never");
		tpl_show(row, k[i].revoked ? TN_KEY_REVOKED : TN_KEY_ACTIVE);
	}
	if (n == 0)
		tpl_show(d, TN_NO_KEYS);
	for (i = 0; i < ns; i++) {
		row = tpl_section(d, TN_SITE);
		tpl_set_int(row, TN_SITE_ID, s[i].id);
		tpl_set(row, TN_SITE_NAME, s[i].name);
	}
	return 1;
}

/* POST revoke=ID. */
static int
revoke(struct req *r, struct tpl_dict *d, int64_t id)
{
	struct ops_ctx			 c;
	struct apikey_revoke_out	 out;
	int				 rc;

	page_ops_ctx(r, &c);
	if ((rc = ops_apikey_revoke(&c, id, &out)) < 0)
		return -1;
	if (rc == 0) {
		page_refused_bare(r, &out.why);
		return 0;
	}
	tpl_show(d, TN_REVOKED);
	return 1;
}

/* POST name, scope, site_id: a new key. */
static int
create(struct req *r, struct tpl_dict *d)
{
	struct ops_ctx			 c;
	struct apikey_create_in		 in;
	struct apikey_create_out	 out;
	struct fval			 v[KF__MAX];
	int				 rc;

	if (form_read(r, d, fields, KF__MAX, v) > 0) {
		r->status = 422;
		return 1;
	}
	memset(&in, 0, sizeof(in));
	in.name = v[KF_NAME].s;
	in.can_write = v[KF_SCOPE].i == 1;
	in.site_id = v[KF_SITE].present ? v[KF_SITE].i : 0;
	page_ops_ctx(r, &c);
	if ((rc = ops_apikey_create(&c, &in, &out)) < 0)
		return -1;
	if (rc == 0) {
		page_refused(r, d, &out.why);
		return 1;
	}
	tpl_show(d, TN_NEW_KEY);
	tpl_set(d, TN_NEW_KEY_NAME, in.name);
	tpl_set(d, TN_NEW_KEY_VALUE, out.key);
	form_fill(r, d, "name", "");
	return 1;
}

void
page_api_keys(struct req *r)
{
	struct tpl_dict	*d;
	int64_t		 id;
	int		 rc = 1;

	if ((d = page_begin(r, "API keys", "api_keys.tpl", "team")) == NULL)
		return;
	if (r->method == M_POST) {
		if (form_has(r, "revoke")) {
			if (form_id_or_400(r, "revoke", &id) == 0)
				return;
			rc = revoke(r, d, id);
		} else
			rc = create(r, d);
	}
	if (rc == 0)
		return;
	if (rc < 0 || fill_keys(r, d) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}
