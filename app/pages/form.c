/*
 * form: validated forms (STYLE 4). Handlers read typed values from the
 * fval array; messages and typed input go back into the dictionary.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../tpl/tpl.h"
#include "pages.h"

static char *
varname(struct req *r, const char *key, const char *suffix)
{
	char	*v, *p;

	v = arena_printf(r->a, "F_%s%s", key, suffix);
	for (p = v; *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	return v;
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

	e = tpl_section(d, "ERRORS");
	tpl_set(e, "MSG", msg);
	if (key != NULL) {
		tpl_set(e, "FIELD", arena_printf(r->a, "f-%s", key));
		tpl_show(e, "HAS_FIELD");
		tpl_set(d, varname(r, key, "_ERR"), msg);
		tpl_show(d, varname(r, key, "_INVALID"));
	}
	tpl_show(d, "HAS_ERRORS");
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
			    "%s is too long (at most %zu bytes; you entered %zu)",
			    f[i].label, f[i].cap, len));
		else
			form_error(r, d, f[i].key, arena_printf(r->a, "%s %s",
			    f[i].label, v[i].err));
	}
	return errors;
}
