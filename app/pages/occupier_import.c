/*
 * occupier_import: /occupiers/import: occupiers with their contracts from
 * a CSV file (the columns: doc/occupier-import.md). Choosing a file shows
 * a preview (op=preview): what each line will do and every error by its
 * line number (422), nothing written. Import (op=import) posts the same
 * text again and writes all of it in one transaction or nothing
 * (ops_occupier_import); a line already there as it says writes nothing,
 * so importing a file twice changes nothing the second time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../http/parse.h"
#include "../ops/occimport.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define IMPORT_MAX	(1024 * 1024)

static const struct field data_field = { "data", "File", FT_MULTILINE,
    IMPORT_MAX, 0, 0, 0, NULL, 0 };
static const char *const ops_names[] = { "preview", "import", NULL };
static const char *const act_label[] = { "\xe2\x80\x94", "New", "Update",
    "Unchanged" };

/* The file: uploaded (preview), or the text the preview posted back. */
static const char *
file_data(struct req *r, size_t *len)
{
	struct fval	 v;
	size_t		 i;

	*len = 0;
	for (i = 0; i < r->files.n; i++) {
		const struct mp_file *f = &r->files.f[i];

		if (strcmp(f->field, "file") == 0 && f->len > 0) {
			*len = f->len;
			return f->data;
		}
	}
	if (form_field(r, &data_field, &v) != NULL || !v.present)
		return NULL;
	*len = strlen(v.raw);
	return v.raw;
}

/* "3 new, 1 updated, 12 unchanged occupiers; 3 new, 12 unchanged
 * contracts". */
static const char *
counts_text(struct req *r, size_t on, size_t ou, size_t os, size_t cn,
    size_t cs)
{
	return arena_printf(r->a, "%zu new, %zu updated, %zu unchanged "
	    "occupier%s; %zu new, %zu unchanged contract%s", on, ou, os,
	    on + ou + os == 1 ? "" : "s", cn, cs, cn + cs == 1 ? "" : "s");
}

static const char *
counts(struct req *r, const struct occimport_out *o)
{
	return counts_text(r, o->occ_new, o->occ_changed, o->occ_same,
	    o->con_new, o->con_same);
}

/* The import's redirect carries its counts as numbers (the message is
 * made here, never taken from the URL). */
static const char *const count_keys[] = { "on", "ou", "os", "cn", "cs" };

/* The preview: each line's actions, its errors, and the Import form. */
static void
fill_preview(struct req *r, struct tpl_dict *d, const struct occimport_out *o,
    const char *data, size_t len)
{
	struct tpl_dict	*p, *row;
	size_t		 i;

	p = tpl_section(d, TN_PREVIEW);
	tpl_set(p, TN_COUNTS, counts(r, o));
	for (i = 0; i < o->im.n; i++) {
		const struct occimp_row *x = &o->im.rows[i];

		row = tpl_section(p, TN_ROW);
		tpl_set_int(row, TN_LINE, (int64_t)x->line);
		tpl_set(row, TN_BILLING_REF, x->v[OI_BILLING_REF]);
		tpl_set(row, TN_NAME, x->v[OI_NAME]);
		tpl_set(row, TN_OCC_ACT, act_label[o->line[i].occ]);
		tpl_set(row, TN_CONTRACT_REF, x->v[OI_CONTRACT_REF]);
		tpl_set(row, TN_CON_ACT, act_label[o->line[i].con]);
	}
	/* Each bad line in the summary; by the file field, what to do. */
	for (i = 0; i < o->im.nerrs; i++)
		form_error(r, d, NULL, o->im.errs[i].text);
	if (o->im.more_errs)
		form_error(r, d, NULL, "More lines have errors: correct "
		    "these first.");
	if (o->im.nerrs > 0)
		form_error(r, d, "file", "Nothing was imported: correct the "
		    "lines listed above and choose the file again.");
	if (o->im.nerrs > 0 || o->im.n == 0) {
		if (o->im.n == 0 && o->im.nerrs == 0)
			form_error(r, d, "file", "The file has no occupier: "
			    "nothing to import.");
		r->status = 422;
		return;
	}
	tpl_show(p, TN_CAN_IMPORT);
	tpl_set(p, TN_DATA, arena_strndup(r->a, data, len));
}

static void
fill_done(struct req *r, struct tpl_dict *d)
{
	const char	*s;
	size_t		 n[5], i;
	char		*end;

	for (i = 0; i < 5; i++) {
		s = query_text(r, count_keys[i], 9);
		if (s == NULL || *s < '0' || *s > '9')
			return;
		n[i] = (size_t)strtoul(s, &end, 10);
		if (*end != '\0')
			return;
	}
	tpl_set(tpl_section(d, TN_DONE), TN_COUNTS, counts_text(r, n[0], n[1],
	    n[2], n[3], n[4]));
}

void
page_occupier_import(struct req *r)
{
	struct tpl_dict		*d;
	struct ops_ctx		 c;
	struct occimport_in	 in;
	struct occimport_out	 out;
	int			 op, rc;

	if ((d = page_begin(r, "Import occupiers", "occupier_import.tpl",
	    "occupiers")) == NULL)
		return;
	if (r->method == M_GET) {
		fill_done(r, d);
		page_end(r);
		return;
	}
	op = form_enum(r, "op", ops_names);
	if ((in.data = file_data(r, &in.len)) == NULL) {
		form_error(r, d, "file", "Choose a CSV file to import.");
		r->status = 422;
		page_end(r);
		return;
	}
	page_ops_ctx(r, &c);
	rc = op == 1 ? ops_occupier_import(&c, &in, &out) :
	    ops_occupier_import_preview(&c, &in, &out);
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (op == 1 && rc > 0) {
		http_redirect(r, arena_printf(r->a, "/occupiers/import?on=%zu&"
		    "ou=%zu&os=%zu&cn=%zu&cs=%zu", out.occ_new, out.occ_changed,
		    out.occ_same, out.con_new, out.con_same));
		return;
	}
	if (op == 1 && page_refused_bare(r, &out.why))
		return;
	fill_preview(r, d, &out, in.data, in.len);
	page_end(r);
}
