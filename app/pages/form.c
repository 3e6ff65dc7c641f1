/*
 * form: validated forms (STYLE 4). Handlers read typed values from the
 * fval array; messages and typed input go back into the dictionary.
 */
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../tpl/tpl.h"
#include "pages.h"

/* F_<KEY><suffix> of a form field: a name made at run time, looked up
 * among the templates' names (tpl_name_of logs one that none uses). */
static enum tpl_name
varname(struct req *r, const char *key, const char *suffix)
{
	char	*v, *p;

	v = arena_printf(r->a, "F_%s%s", key, suffix);
	for (p = v; *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	return tpl_name_of(v);
}

void
form_fill(struct req *r, struct tpl_dict *d, const char *key,
    const char *value)
{
	tpl_set(d, varname(r, key, ""), value);
}

void
form_error(struct req *r, struct tpl_dict *d, const char *key,
    const char *msg)
{
	struct tpl_dict	*e;

	/* One HAS_ERRORS section dictionary holds the list's include (an
	 * include is looked up in the dictionary of its section). */
	if (r->err_list == NULL || r->err_page != d) {
		r->err_list = tpl_include(tpl_section(d, TN_HAS_ERRORS),
		    TN_ERROR_LIST, "error_list.tpl");
		r->err_page = d;
	}
	e = tpl_section(r->err_list, TN_ERRORS);
	tpl_set(e, TN_MSG, msg);
	if (key != NULL) {
		tpl_set(e, TN_FIELD, arena_printf(r->a, "f-%s", key));
		tpl_show(e, TN_HAS_FIELD);
		tpl_set(d, varname(r, key, "_ERR"), msg);
		tpl_show(d, varname(r, key, "_INVALID"));
	}
}

int
form_read(struct req *r, struct tpl_dict *d, const struct field *f,
    size_t n, struct fval *v)
{
	const char	*raw;
	char		*trimmed;
	size_t		 i, len;
	int		 errors = 0;

	for (i = 0; i < n; i++) {
		raw = kv_get(&r->form, f[i].key);
		len = raw == NULL ? 0 : strlen(raw);
		trimmed = arena_alloc(r->a, len + 1);
		validate_field(&f[i], raw, len, trimmed, &v[i]);
		if (f[i].type != FT_PASSWORD)
			tpl_set(d, varname(r, f[i].key, ""), v[i].raw);
		if (v[i].err == NULL)
			continue;
		errors++;
		if (strcmp(v[i].err, "is too long") == 0)
			form_error(r, d, f[i].key, arena_printf(r->a,
			    "%s %s too long (at most %zu bytes; you entered %zu)",
			    f[i].label, f[i].plural ? "are" : "is", f[i].cap,
			    len));
		else if (f[i].plural && strncmp(v[i].err, "is ", 3) == 0)
			form_error(r, d, f[i].key, arena_printf(r->a,
			    "%s are %s", f[i].label, v[i].err + 3));
		else
			form_error(r, d, f[i].key, arena_printf(r->a, "%s %s",
			    f[i].label, v[i].err));
	}
	return errors;
}

static int
id_of(const char *v, int64_t *id)
{
	if (v == NULL || *v == '\0')
		return 0;
	return validate_id(v, id) == 0 ? 1 : -1;
}

int
form_id(struct req *r, const char *key, int64_t *id)
{
	*id = 0;
	return id_of(kv_get(&r->form, key), id);
}

int
form_id_or_400(struct req *r, const char *key, int64_t *id)
{
	if (form_id(r, key, id) == 1)
		return 1;
	http_error_msg(r, 400, "This form could not be read: a choice it "
	    "sends is not one the screen offers.");
	return 0;
}

int
query_id(struct req *r, const char *key, int64_t *id)
{
	*id = 0;
	return id_of(kv_get(&r->query, key), id);
}

int
form_enum(struct req *r, const char *key, const char *const *choices)
{
	return validate_enum(kv_get(&r->form, key), choices);
}

int
query_enum(struct req *r, const char *key, const char *const *choices)
{
	return validate_enum(kv_get(&r->query, key), choices);
}

int
flash_enum(struct req *r, const char *const *choices)
{
	return validate_enum(http_flash_take(r), choices);
}

static const char *
text_of(const char *v, size_t cap)
{
	const char	*p;

	if (v == NULL || strlen(v) > cap)
		return NULL;
	for (p = v; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return NULL;
	return v;
}

const char *
form_text(struct req *r, const char *key, size_t cap)
{
	return text_of(kv_get(&r->form, key), cap);
}

const char *
query_text(struct req *r, const char *key, size_t cap)
{
	return text_of(kv_get(&r->query, key), cap);
}

int
form_has(struct req *r, const char *key)
{
	return kv_get(&r->form, key) != NULL;
}

int
query_has(struct req *r, const char *key)
{
	const char	*v = kv_get(&r->query, key);

	return v != NULL && *v != '\0';
}

int
query_search(struct req *r, const char *key, size_t cap, const char **s)
{
	const char	*v = kv_get(&r->query, key);

	*s = "";
	if (v == NULL)
		return 0;
	if (strlen(v) > cap)
		return -1;
	*s = v;
	return 1;
}

int
form_int(struct req *r, const char *key, int64_t min, int64_t max,
    int64_t *v)
{
	const struct field	 f = { key, key, FT_INT, 20, 0, min, max,
				    NULL, 0 };
	const char		*raw = kv_get(&r->form, key);
	struct fval		 fv;
	char			 trimmed[21];

	*v = 0;
	if (raw == NULL || *raw == '\0')
		return 0;
	if (strlen(raw) > f.cap ||
	    validate_field(&f, raw, strlen(raw), trimmed, &fv) != NULL ||
	    !fv.present)
		return -1;
	*v = fv.i;
	return 1;
}

int
form_ids(struct req *r, const char *key, size_t max, int64_t **ids,
    size_t *n)
{
	size_t	 i;

	*n = 0;
	*ids = arena_calloc(r->a, max ? max : 1, sizeof(**ids));
	for (i = 0; i < r->form.n; i++) {
		if (strcmp(r->form.v[i].key, key) != 0)
			continue;
		if (*n == max || validate_id(r->form.v[i].val, &(*ids)[*n]) < 0)
			return -1;
		(*n)++;
	}
	return 0;
}

int
form_rows(struct req *r, const char *prefix, const struct field *f,
    size_t n, size_t max, struct fval **rows, size_t *nrows)
{
	const char	**raw;
	char		 *present, *trimmed;
	const char	 *field;
	size_t		  i, j, k, idx, flen, len;

	*rows = NULL;
	*nrows = 0;
	raw = arena_calloc(r->a, max * n, sizeof(*raw));
	present = arena_calloc(r->a, max, 1);
	for (i = 0; i < r->form.n; i++) {
		const char *key = r->form.v[i].key;

		if (strncmp(key, prefix, strlen(prefix)) != 0 ||
		    key[strlen(prefix)] != '[')
			continue;
		if (!parse_indexed_key(key, prefix, max - 1, &idx, &field,
		    &flen))
			return -1;
		for (j = 0; j < n; j++)
			if (strlen(f[j].key) == flen &&
			    strncmp(f[j].key, field, flen) == 0)
				break;
		if (j == n)
			continue;	/* a field this table does not read */
		present[idx] = 1;
		raw[idx * n + j] = r->form.v[i].val;
	}
	for (idx = 0, k = 0; idx < max; idx++)
		k += present[idx];
	*rows = arena_calloc(r->a, k ? k * n : 1, sizeof(**rows));
	for (idx = 0, k = 0; idx < max; idx++) {
		if (!present[idx])
			continue;
		for (j = 0; j < n; j++) {
			const char *v = raw[idx * n + j];

			len = v == NULL ? 0 : strlen(v);
			trimmed = arena_alloc(r->a, len + 1);
			validate_field(&f[j], v, len, trimmed,
			    &(*rows)[k * n + j]);
		}
		k++;
	}
	*nrows = k;
	return 0;
}

const char *
form_field(struct req *r, const struct field *f, struct fval *v)
{
	const char	*raw = kv_get(&r->form, f->key);
	size_t		 len = raw == NULL ? 0 : strlen(raw);

	return validate_field(f, raw, len, arena_alloc(r->a, len + 1), v);
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t	 x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

int
form_id_set(struct req *r, const char *key, size_t max, int64_t **ids,
    size_t *n)
{
	size_t	 i, j, k = 0;

	*ids = arena_calloc(r->a, max ? max : 1, sizeof(**ids));
	*n = 0;
	for (i = 0; i < r->form.n; i++) {
		if (strcmp(r->form.v[i].key, key) != 0)
			continue;
		if (k == max || validate_id(r->form.v[i].val, &(*ids)[k]) < 0)
			return -1;
		k++;
	}
	qsort(*ids, k, sizeof(**ids), cmp_id);
	for (i = j = 0; i < k; i++)
		if (j == 0 || (*ids)[j - 1] != (*ids)[i])
			(*ids)[j++] = (*ids)[i];
	*n = j;
	return 0;
}
