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
#include <stdint.h>
#include <string.h>

#include "../ops/usage.h"
#include "../store/store_usage.h"
#include "../tpl/tpl.h"
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

/* The traffic form's occupier: a picker of the occupiers with a contract
 * at the site (occupier_pick.c), so that the page does not grow with
 * them. A post may also name the occupier by its id (occupier=). */
static struct pick
occ_pick(int64_t site)
{
	return (struct pick){ "occupier_occ", "f-occupier_occ", "Occupier", 0,
	    site };
}

/* The occupier of a traffic import: 1 (*id), 0 the message on the form
 * (d), -1 store error. */
static int
read_occupier(struct req *r, struct tpl_dict *d, int64_t site, int64_t *id)
{
	struct pick	 p = occ_pick(site);
	const char	*text = pick_text(r, &p);

	if (form_id(r, "occupier", id) == 1 && *id > 0)
		return 1;
	*id = 0;
	if (*text == '\0') {
		form_error(r, d, p.key, "Occupier: type the name or billing "
		    "reference of whose port or VLAN the samples are of.");
		return 0;
	}
	return pick_resolve(r, d, &p, text, id, NULL);
}

/* The import just made (POST, redirect, GET ?import=ID). */
static void
fill_done(struct req *r, struct tpl_dict *d, int64_t site)
{
	struct su_import	 one;
	struct tpl_dict		*row;
	int64_t			 id;

	if (query_id(r, "import", &id) != 1 ||
	    store_usage_import_get(r->a, r->user.operator_id, site, id,
	    &one) <= 0)
		return;
	row = tpl_section(d, TN_DONE);
	tpl_set(row, TN_FILE, one.file_name);
	tpl_set_int(row, TN_RECORDS, one.records);
	tpl_set_int(row, TN_ADDED, one.added);
	tpl_set_int(row, TN_DUPLICATES, one.duplicates);
	if (strcmp(one.kind, "calls") == 0)
		tpl_set_int(tpl_section(row, TN_CALLS), TN_UNATTRIBUTED,
		    one.unattributed);
}

/* The site's latest imports. */
static int
fill_imports(struct req *r, struct tpl_dict *d, int64_t site)
{
	struct su_import	*im;
	struct tpl_dict		*row;
	size_t			 n, i;

	if (store_usage_imports(r->a, r->user.operator_id, site, 20, &im,
	    &n) < 0)
		return -1;
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
	return 1;
}

static void
show(struct req *r, struct tpl_dict *d, int64_t site, const char *site_name,
    enum usage_import_kind kind, int occ_invalid)
{
	struct pick	 p;

	tpl_set_int(d, TN_SITE_ID, site);
	tpl_set(d, TN_SITE_NAME, site_name);
	tpl_show(d, kind == USAGE_IMPORT_TRAFFIC ? TN_KIND_TRAFFIC :
	    TN_KIND_CALLS);
	p = occ_pick(site);
	pick_fill(r, d, TN_OCC_PICK, &p, pick_text(r, &p), occ_invalid);
	fill_done(r, d, site);
	if (fill_imports(r, d, site) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}

/* Why the import refused, on the form (422). */
static void
refused(struct req *r, struct tpl_dict *d, const struct usage_import_out *out,
    const char *name)
{
	const struct usage_result *res = &out->res;

	if (out->why.why == OPS_NOT_FOUND)
		form_error(r, d, "occupier_occ", "That occupier is not one "
		    "of yours.");
	else if (res->bad_line > 0)
		form_error(r, d, "file", arena_printf(r->a, "%s, line %zu: %s. "
		    "Nothing was imported: correct the file and choose it "
		    "again.", name, res->bad_line, res->msg));
	else
		form_error(r, d, NULL, arena_printf(r->a, "%s Nothing was "
		    "imported.", res->msg));
}

/* The file: the form's message (422), or 1. */
static int
check_input(struct req *r, struct tpl_dict *d, struct usage_import_in *in)
{
	if (in->data == NULL) {
		form_error(r, d, "file", "Choose a CSV file to import.");
		return 0;
	}
	return 1;
}

void
page_site_usage_import(struct req *r)
{
	static const char *const kinds[] = { "calls", "traffic", NULL };
	struct tpl_dict		*d;
	struct ops_ctx		 c;
	struct usage_import_in	 in;
	struct usage_import_out	 out;
	const char		*site_name;
	int64_t			 site = r->ids[0];
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
	memset(&in, 0, sizeof(in));
	in.kind = form_enum(r, "kind", kinds) == 1 ? USAGE_IMPORT_TRAFFIC :
	    USAGE_IMPORT_CALLS;
	if (r->method != M_POST) {
		show(r, d, site, site_name, in.kind, 0);
		return;
	}
	in.site = site;
	in.via = "web";
	/* Any text: the import says what a port or VLAN name may be. */
	if ((in.interface = form_text(r, "interface", SIZE_MAX)) == NULL)
		in.interface = "";
	form_fill(r, d, "interface", in.interface);
	in.data = upload(r, &in.len, &in.file_name);
	r->status = 422;
	rc = in.kind == USAGE_IMPORT_TRAFFIC ? read_occupier(r, d, site,
	    &in.occupier) : 1;
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (!check_input(r, d, &in) || rc == 0) {
		show(r, d, site, site_name, in.kind, rc == 0);
		return;
	}
	page_ops_ctx(r, &c);
	if ((rc = ops_usage_import(&c, &in, &out)) == 0) {
		refused(r, d, &out, in.file_name);
		show(r, d, site, site_name, in.kind, 0);
		return;
	}
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	r->status = 0;
	http_redirect(r, arena_printf(r->a, "/sites/%lld/usage/import?"
	    "import=%lld", (long long)site, (long long)out.res.import_id));
}
