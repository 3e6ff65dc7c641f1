/*
 * site_ports_import: /sites/N/ports/import (operator admins): floor ports
 * from a CSV file (label, switch, port, role, space) onto a floor. A
 * first post (an upload or pasted text) previews the rows, or lists the
 * errors by line (422); the preview posts the same text again to import
 * it, all rows in one transaction or none.
 */
#include <stdio.h>
#include <string.h>

#include "../ops/network.h"
#include "../store/store_estate.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define CSV_CAP	(64 * 1024)

enum im_field { IM_FLOOR, IM_CSV, IM__MAX };

static const struct field im_fields[IM__MAX] = {
	[IM_FLOOR] = { "floor", "Floor", FT_ID, 20, 1, 0, 0, NULL },
	[IM_CSV] = { "csv", "Ports", FT_MULTILINE, CSV_CAP, 0, 0, 0, NULL },
};

static const char *const steps[] = { "preview", "import", NULL };

/* The uploaded file's bytes, or NULL when none was chosen. */
static const char *
upload(struct req *r, size_t *len)
{
	size_t	 i;

	*len = 0;
	for (i = 0; i < r->files.n; i++) {
		const struct mp_file *f = &r->files.f[i];

		if (strcmp(f->field, "file") != 0 || f->len == 0)
			continue;
		*len = f->len;
		return f->data;
	}
	return NULL;
}

static void
fill_rows(struct tpl_dict *d, const struct ports_import_out *out)
{
	struct tpl_dict	*row;
	size_t		 i;

	for (i = 0; i < out->nrows; i++) {
		row = tpl_section(d, TN_ROW);
		tpl_set_int(row, TN_LINE, (long long)out->rows[i].line);
		tpl_set(row, TN_LABEL, out->rows[i].label);
		tpl_set(row, TN_SWITCH, out->rows[i].sw);
		tpl_set_int(row, TN_PORT, out->rows[i].port);
		tpl_set(row, TN_ROLE, out->rows[i].role);
		tpl_set(row, TN_SPACE, out->rows[i].space);
	}
	tpl_set_int(d, TN_NROWS, (long long)out->nrows);
}

/* The errors by line in the summary; by the field the rows came from
 * (key: "file" for an upload, "csv" for pasted rows), what to do. */
static void
fill_errors(struct req *r, struct tpl_dict *d, const char *key,
    const struct ports_import_out *out)
{
	size_t	 i;

	for (i = 0; i < out->nerr && i < OPS_MSGS_MAX; i++)
		form_error(r, d, NULL, out->err_line[i] == 0 ?
		    out->err_msg[i] : arena_printf(r->a, "Line %zu: %s",
		    out->err_line[i], out->err_msg[i]));
	if (out->nerr > OPS_MSGS_MAX)
		form_error(r, d, NULL, arena_printf(r->a, "and %zu more "
		    "errors", out->nerr - OPS_MSGS_MAX));
	form_error(r, d, key, "Nothing was imported: correct the file and "
	    "try again");
}

/* Run the import (or its preview) and answer. key: the field the rows
 * came from. */
static void
run(struct req *r, struct tpl_dict *d, const char *key,
    struct ports_import_in *in)
{
	struct ops_ctx			 c;
	struct ports_import_out		 out;
	struct tpl_dict			*pv;
	int				 rc;

	page_ops_ctx(r, &c);
	rc = ops_ports_import(&c, in, &out);
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0 && out.why.why != OPS_INVALID) {
		page_refused_bare(r, &out.why);
		return;
	}
	tpl_set(d, TN_CSV, arena_strndup(r->a, in->data, in->len));
	if (rc == 0) {
		fill_errors(r, d, key, &out);
		r->status = 422;
	} else if (in->commit) {
		http_redirect(r, arena_printf(r->a, "/sites/%lld/network?"
		    "done=import&n=%zu", (long long)in->site, out.nrows));
		return;
	} else {
		pv = tpl_section(d, TN_PREVIEW);
		fill_rows(pv, &out);
		tpl_set_int(pv, TN_FLOOR_ID, in->floor);
		tpl_set(pv, TN_CSV, arena_strndup(r->a, in->data, in->len));
	}
	page_end(r);
}

void
page_site_ports_import(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	struct fval			 v[IM__MAX];
	struct ports_import_in		 in;
	int64_t				 floor = 0;
	const char			*key = "file";

	if (!site_network_begin(r, "Import floor ports", "site_ports_import.tpl",
	    &s, &d))
		return;
	form_id(r, "floor", &floor);
	if (site_network_floors(r, d, s.id, floor) < 0) {
		page_store_error(r);
		return;
	}
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	if (form_read(r, d, im_fields, IM__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.site = s.id;
	in.floor = v[IM_FLOOR].i;
	in.commit = form_enum(r, "step", steps) == 1;
	if ((in.data = upload(r, &in.len)) == NULL) {
		in.data = v[IM_CSV].raw;
		in.len = strlen(in.data);
		key = "csv";
	}
	run(r, d, key, &in);
}
