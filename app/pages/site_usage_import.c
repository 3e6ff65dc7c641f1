/*
 * site_usage_import: /sites/SITE/usage/import: upload a file of call
 * detail records (also from the site's Telephony screen) or of 5-minute
 * traffic samples of an occupier's port or VLAN, and the site's latest
 * imports. A file goes in whole, in one transaction, or not at all: a bad
 * row comes back here with its line number and the reason (422), and a
 * record imported before counts once. Uploads are multipart/form-data,
 * at most 1 MiB (nginx's and the server's limit); bigger files go
 * through `tenantry usage import` on the command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/db.h"
#include "../store/store_phone.h"
#include "../store/store_usage.h"
#include "../tpl/tpl.h"
#include "../usage.h"
#include "pages.h"

/* The uploaded file: its bytes and name; NULL when none was chosen. */
static const char *
upload(struct req *r, size_t *len, const char **name)
{
	size_t	 i;

	*len = 0;
	*name = NULL;
	for (i = 0; i < r->files.n; i++) {
		const struct mp_file *f = &r->files.f[i];

		if (strcmp(f->field, "file") != 0)
			continue;
		if (*f->filename == '\0' && f->len == 0)
			return NULL;	/* the input left empty */
		*len = f->len;
		*name = *f->filename != '\0' ? f->filename : "upload.csv";
		return f->data;
	}
	return NULL;
}

static void
show(struct req *r, struct tpl_dict *d, int64_t site, const char *site_name,
    const char *kind)
{
	struct su_import	*im, one;
	struct store_phone_occ	*po;
	struct tpl_dict		*row;
	const char		*is = kv_get(&r->query, "import");
	const char		*occ = kv_get(&r->form, "occupier");
	long long		 id;
	size_t			 n, i;

	tpl_set_int(d, TN_SITE_ID, site);
	tpl_set(d, TN_SITE_NAME, site_name);
	tpl_show(d, strcmp(kind, "traffic") == 0 ? TN_KIND_TRAFFIC :
	    TN_KIND_CALLS);
	if (store_phone_site_occupiers(r->a, r->user.operator_id, site, &po,
	    &n) < 0) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < n; i++) {
		if (!po[i].has_contract)
			continue;
		row = tpl_section(d, TN_OCC_OPT);
		tpl_set_int(row, TN_ID, po[i].id);
		tpl_set(row, TN_NAME, po[i].name);
		if (occ != NULL && strtoll(occ, NULL, 10) == po[i].id)
			tpl_show(row, TN_SELECTED);
	}
	/* The import just made (POST, redirect, GET ?import=ID). */
	if (is != NULL && sscanf(is, "%lld", &id) == 1 && id > 0 &&
	    store_usage_import_get(r->a, r->user.operator_id, site, id,
	    &one) > 0) {
		row = tpl_section(d, TN_DONE);
		tpl_set(row, TN_FILE, one.file_name);
		tpl_set_int(row, TN_RECORDS, one.records);
		tpl_set_int(row, TN_ADDED, one.added);
		tpl_set_int(row, TN_DUPLICATES, one.duplicates);
		if (strcmp(one.kind, "calls") == 0) {
			tpl_set_int(tpl_section(row, TN_CALLS), TN_UNATTRIBUTED,
			    one.unattributed);
		}
	}
	if (store_usage_imports(r->a, r->user.operator_id, site, 20, &im,
	    &n) < 0) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_IMPORT);
		page_set_time(r, row, TN_AT, TN_AT_ISO, im[i].at);
		tpl_set(row, TN_KIND, strcmp(im[i].kind, "calls") == 0 ?
		    "Call records" : "Traffic");
		tpl_set(row, TN_FILE, im[i].file_name);
		tpl_set(row, TN_FOR, im[i].occupier_name[0] != '\0' ?
		    arena_printf(r->a, "%s, %s", im[i].occupier_name,
		    im[i].interface) : "");
		tpl_set_int(row, TN_RECORDS, im[i].records);
		tpl_set_int(row, TN_ADDED, im[i].added);
		tpl_set_int(row, TN_DUPLICATES, im[i].duplicates);
		tpl_set(row, TN_BY, im[i].user_name[0] != '\0' ?
		    im[i].user_name : strcmp(im[i].via, "seed") == 0 ?
		    "Demo data" : "Command line");
	}
	tpl_show(d, n > 0 ? TN_HAS_IMPORTS : TN_NO_IMPORTS);
	page_end(r);
}

/* Import the uploaded file in one transaction: 1 done (*id), -2 refused
 * (res->msg, res->bad_line), 0 not found, -1 error. */
static int
import(struct req *r, int64_t site, const char *kind, const char *data,
    size_t len, const char *name, int64_t occ, const char *interface,
    struct usage_result *res, int64_t *id)
{
	struct usage_site	*s = NULL;
	int			 rc, attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		if (db_begin() < 0)
			return -1;
		if (strcmp(kind, "traffic") == 0)
			rc = usage_import_traffic(r->a, r->user.operator_id,
			    site, occ, interface, name, data, len, r->user.id,
			    "web", res);
		else if ((rc = usage_site_load(r->a, r->user.operator_id, site,
		    USAGE_LOAD_RATING, &s)) > 0)
			rc = usage_import_calls(r->a, s, name, data, len,
			    r->user.id, "web", res);
		if (rc > 0 && db_commit() > 0) {
			*id = res->import_id;
			/* The month's summary from this file's calls, when
			 * it can (else built when first read). */
			if (s != NULL)
				usage_site_finish(r->a, s);
			return 1;
		}
		db_rollback();
		if (rc > 0)
			rc = -1;
		if (rc != -1 || !db_retryable())
			return rc;
	}
	return -1;
}

void
page_site_usage_import(struct req *r)
{
	struct tpl_dict		*d;
	struct usage_result	 res;
	const char		*site_name, *kind, *data, *name, *interface;
	const char		*os;
	int64_t			 site = r->ids[0], occ = 0, id = 0;
	size_t			 len;
	int			 rc;

	if ((rc = store_usage_site(r->a, r->user.operator_id, site,
	    &site_name)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, "Import usage", "site_usage_import.tpl",
	    "sites")) == NULL)
		return;
	kind = kv_get(&r->form, "kind");
	if (kind == NULL || strcmp(kind, "traffic") != 0)
		kind = "calls";
	if (r->method != M_POST) {
		show(r, d, site, site_name, kind);
		return;
	}
	interface = kv_get(&r->form, "interface");
	if (interface == NULL)
		interface = "";
	form_fill(r, d, "interface", interface);
	if ((os = kv_get(&r->form, "occupier")) != NULL)
		occ = strtoll(os, NULL, 10);
	data = upload(r, &len, &name);
	r->status = 422;
	if (data == NULL) {
		form_error(r, d, "file", "Choose a CSV file to import.");
		show(r, d, site, site_name, kind);
		return;
	}
	if (strcmp(kind, "traffic") == 0 && occ <= 0) {
		form_error(r, d, "occupier", "Choose whose port or VLAN the "
		    "samples are of.");
		show(r, d, site, site_name, kind);
		return;
	}
	rc = import(r, site, kind, data, len, name, occ, interface, &res, &id);
	if (rc == -2) {
		form_error(r, d, res.bad_line > 0 ? "file" : NULL,
		    res.bad_line > 0 ? arena_printf(r->a, "%s, line %zu: %s. "
		    "Nothing was imported: correct the file and choose it "
		    "again.", name, res.bad_line, res.msg) :
		    arena_printf(r->a, "%s Nothing was imported.", res.msg));
		show(r, d, site, site_name, kind);
		return;
	}
	if (rc == 0) {
		form_error(r, d, "occupier", "That occupier is not one of "
		    "yours.");
		show(r, d, site, site_name, kind);
		return;
	}
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	r->status = 0;
	http_redirect(r, arena_printf(r->a, "/sites/%lld/usage/import?"
	    "import=%lld", (long long)site, (long long)id));
}
