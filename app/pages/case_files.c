/*
 * case_files: what the case screens share: the upload check (a file comes
 * with a new case or a comment, saved by ops/cases.c in the same
 * transaction), the priority and category selects, the list of
 * attachments on a case, and the download,
 * page_case_attachment: /cases/ID/attachments/N for the operator's team,
 * /my/cases/ID/attachments/N for the occupier users who may see the case
 * (my_case_load); anyone else gets 404, as for a missing file. A file is
 * always sent as a download (Content-Disposition: attachment) with the
 * type its bytes were checked to be, never shown inline.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/helpdesk.h"
#include "../log.h"
#include "../ops/cases.h"
#include "../store/store_case.h"
#include "../tpl/tpl.h"
#include "case_view.h"
#include "pages.h"

int
case_file_check(struct req *r, struct tpl_dict *d, struct case_file *cf)
{
	const struct mp_file	*f = NULL;
	size_t			 i;

	memset(cf, 0, sizeof(cf[0]));
	for (i = 0; i < r->files.n; i++) {
		if (strcmp(r->files.f[i].field, "file") != 0)
			continue;
		if (r->files.f[i].len == 0 && r->files.f[i].filename[0] == '\0')
			continue;	/* the empty file input of a form */
		if (f != NULL) {
			form_error(r, d, "file", "Attach one file at a time.");
			return -1;
		}
		f = &r->files.f[i];
	}
	if (f == NULL)
		return 0;
	hd_attach_name(f->filename, cf->name, sizeof(cf->name));
	if (f->len > HD_ATTACH_MAX) {
		form_error(r, d, "file", arena_printf(r->a, "%s is too large: "
		    "files of up to 4 MiB can be attached. Choose the file "
		    "again, a smaller one.", cf->name));
		return -1;
	}
	if ((cf->ctype = hd_attach_type(f->data, f->len, f->filename)) ==
	    NULL) {
		form_error(r, d, "file", arena_printf(r->a, "%s cannot be "
		    "attached: only PDF, PNG, JPEG, GIF, WAV, MP3 and text "
		    "files (.txt, .log, .csv) can. Choose the file again.",
		    cf->name));
		return -1;
	}
	cf->data = f->data;
	cf->len = f->len;
	return 1;
}

int
case_raise_read(struct req *r, struct tpl_dict *d, struct fval *v)
{
	return form_read(r, d, ops_case_raise_fields, CRF__MAX, v);
}

/* The messages of why into d, on their fields. */
static void
why_fill(struct req *r, struct tpl_dict *d, const struct ops_result *why)
{
	size_t	 i;

	for (i = 0; i < why->n; i++)
		form_error(r, d, why->m[i].field, why->m[i].text);
}

int
case_choices_check(struct req *r, struct tpl_dict *d, const struct fval *v,
    const char *svc_category, enum hd_priority *prio, enum hd_category *cat)
{
	struct ops_result	 why;
	int			 errors;

	memset(&why, 0, sizeof(why));
	errors = ops_case_choices(v[CRF_PRIORITY].present ?
	    v[CRF_PRIORITY].s : NULL, v[CRF_CATEGORY].present ?
	    v[CRF_CATEGORY].s : NULL, svc_category, prio, cat, &why);
	why_fill(r, d, &why);
	return errors;
}

int
case_details_check(struct req *r, struct tpl_dict *d, const struct fval *v)
{
	struct ops_result	 why;

	memset(&why, 0, sizeof(why));
	if (v[CRF_DETAILS].err != NULL ||
	    ops_case_details_check(v[CRF_DETAILS].s, &why))
		return 0;
	why_fill(r, d, &why);
	return 1;
}

void
case_choices_fill(struct tpl_dict *d, enum hd_priority prio,
    enum hd_category cat)
{
	struct tpl_dict	*o;
	int		 i;

	for (i = 0; i < HD_PRIORITY__MAX; i++) {
		o = tpl_section(d, TN_PRIORITY_OPT);
		tpl_set(o, TN_KEY, hd_priority_names[i]);
		tpl_set(o, TN_LABEL, hd_priority_labels[i]);
		if (i == (int)prio)
			tpl_show(o, TN_SELECTED);
	}
	for (i = 0; i < HD_CATEGORY__MAX; i++) {
		o = tpl_section(d, TN_CATEGORY_OPT);
		tpl_set(o, TN_KEY, hd_category_names[i]);
		tpl_set(o, TN_LABEL, hd_category_labels[i]);
		if (i == (int)cat)
			tpl_show(o, TN_SELECTED);
	}
}

/* "12.5 KiB" */
static char *
size_text(struct arena *a, int64_t n)
{
	if (n < 1024)
		return arena_printf(a, "%lld bytes", (long long)n);
	if (n < 1024 * 1024)
		return arena_printf(a, "%lld.%lld KiB", (long long)(n / 1024),
		    (long long)(n % 1024 * 10 / 1024));
	return arena_printf(a, "%lld.%lld MiB", (long long)(n / 1048576),
	    (long long)(n % 1048576 * 10 / 1048576));
}

int
case_files_fill(struct req *r, struct tpl_dict *d, int64_t case_id,
    const char *base)
{
	struct store_case_att	*t;
	struct tpl_dict		*row;
	size_t			 n, i;

	if (store_case_att_list(r->a, r->user.operator_id, case_id, &t, &n) <
	    0)
		return -1;
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_ATTACHMENT);
		tpl_set(row, TN_HREF, arena_printf(r->a, "%s/attachments/%lld",
		    base, (long long)t[i].id));
		tpl_set(row, TN_NAME, t[i].filename);
		tpl_set(row, TN_SIZE, size_text(r->a, t[i].size));
		tpl_set(row, TN_BY, t[i].uploader[0] ? t[i].uploader : "Unknown");
		page_set_time(r, row, TN_AT, TN_AT_ISO, t[i].created_at);
	}
	if (n > 0)
		tpl_show(d, TN_HAS_ATTACHMENTS);
	return 1;
}

void
page_case_attachment(struct req *r)
{
	struct store_case	 c;
	struct store_case_att	 t;
	struct buf		 cd;
	const unsigned char	*p;
	int			 rc;

	if (r->user.role == ROLE_OCCUPIER_ADMIN ||
	    r->user.role == ROLE_OCCUPIER_USER)
		rc = my_case_load(r, r->ids[0], &c);
	else
		rc = store_case_get(r->a, r->user.operator_id, r->ids[0], &c);
	if (rc > 0)
		rc = store_case_att_get(r->a, r->user.operator_id, c.id,
		    r->ids[1], &t);
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	/* filename: ASCII with the rest as '_'; filename*: the UTF-8 name
	 * percent-encoded (RFC 6266, RFC 8187). */
	buf_init(&cd, r->a, 256);
	buf_puts(&cd, "attachment; filename=\"");
	for (p = (const unsigned char *)t.filename; *p != '\0'; p++)
		buf_putc(&cd, *p >= 0x20 && *p < 0x7F && *p != '"' &&
		    *p != '\\' ? (char)*p : '_');
	buf_printf(&cd, "\"; filename*=UTF-8''%s", parse_urlencode(r->a,
	    t.filename));
	http_send(r, 200, t.content_type, t.data, (size_t)t.size);
	http_header(r, "Content-Disposition", cd.p);
}
