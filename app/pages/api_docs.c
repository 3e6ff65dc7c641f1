/*
 * api_docs: /settings/api-docs, the API reference for an operator's
 * developers, drawn on the server from the same OpenAPI document the API
 * serves at /api/v1/openapi.json (templates/openapi.json): every endpoint
 * with its parameters, body and answers, and every schema with its
 * properties. Nothing is fetched from elsewhere: no script, no font, no
 * external viewer.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../api/api.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define REF_SCHEMAS	"#/components/schemas/"
#define REF_RESPONSES	"#/components/responses/"
#define REF_PARAMETERS	"#/components/parameters/"

static const char *
str_of(json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s != NULL ? s : "";
}

/* The name a $ref points at (after its last '/'), NULL when none. */
static const char *
ref_name(json_t *schema, const char *prefix)
{
	const char	*ref = json_string_value(json_object_get(schema, "$ref"));

	if (ref == NULL || strncmp(ref, prefix, strlen(prefix)) != 0)
		return NULL;
	return ref + strlen(prefix);
}

/* "string", "string or null", "array of", ... into TYPE of d; a schema
 * named by $ref (itself or its items') into the REF section. */
static void
set_type(struct req *r, struct tpl_dict *d, json_t *schema)
{
	const char	*name, *sep = "";
	json_t		*t, *items, *v;
	char		*out = "";
	size_t		 i;

	if (schema == NULL) {
		tpl_set(d, TN_TYPE, "");
		return;
	}
	if ((name = ref_name(schema, REF_SCHEMAS)) != NULL) {
		tpl_set(d, TN_TYPE, "");
		tpl_set(tpl_section(d, TN_REF), TN_RNAME, name);
		return;
	}
	t = json_object_get(schema, "type");
	if (json_is_string(t))
		out = arena_strdup(r->a, json_string_value(t));
	else if (json_is_array(t))
		json_array_foreach(t, i, v) {
			out = arena_printf(r->a, "%s%s%s", out, sep,
			    json_string_value(v) ? json_string_value(v) : "?");
			sep = " or ";
		}
	items = json_object_get(schema, "items");
	if (items != NULL) {
		if ((name = ref_name(items, REF_SCHEMAS)) != NULL) {
			out = arena_printf(r->a, "%s of", out);
			tpl_set(tpl_section(d, TN_REF), TN_RNAME, name);
		} else
			out = arena_printf(r->a, "%s of %s", out,
			    str_of(items, "type"));
	}
	tpl_set(d, TN_TYPE, out);
}

/* The description of a schema or parameter with its constraints. */
static const char *
notes_of(struct req *r, json_t *o, json_t *schema)
{
	static const char *const keys[] = { "minimum", "maximum", "default",
	    "maxLength", "pattern", "format", NULL };
	const char	*d = str_of(o, "description");
	char		*out = arena_strdup(r->a, d);
	json_t		*v, *e;
	size_t		 i, j;
	char		*txt;

	if (schema == NULL)
		return out;
	for (i = 0; keys[i] != NULL; i++) {
		if ((v = json_object_get(schema, keys[i])) == NULL)
			continue;
		txt = json_dumps(v, JSON_ENCODE_ANY);	/* in the arena */
		out = arena_printf(r->a, "%s%s%s %s", out, *out ? "; " : "",
		    keys[i], txt != NULL ? txt : "");
	}
	if ((v = json_object_get(schema, "enum")) != NULL) {
		out = arena_printf(r->a, "%s%sone of:", out, *out ? "; " : "");
		json_array_foreach(v, j, e)
			out = arena_printf(r->a, "%s%s %s", out, j ? "," : "",
			    json_is_string(e) ? json_string_value(e) : "null");
	}
	return out;
}

/* The JSON schema of a body or answer (its first media type), with the
 * media type into ctype. */
static json_t *
body_schema(json_t *body, const char **ctype)
{
	const char	*k;
	json_t		*v;

	*ctype = "";
	json_object_foreach(json_object_get(body, "content"), k, v) {
		*ctype = k;
		return json_object_get(v, "schema");
	}
	return NULL;
}

static void
fill_params(struct req *r, struct tpl_dict *op, json_t *components,
    json_t *params)
{
	struct tpl_dict	*row;
	const char	*name;
	json_t		*p, *schema;
	size_t		 i;

	json_array_foreach(params, i, p) {
		if ((name = ref_name(p, REF_PARAMETERS)) != NULL)
			p = json_object_get(json_object_get(components,
			    "parameters"), name);
		row = tpl_section(op, TN_PARAM);
		schema = json_object_get(p, "schema");
		tpl_set(row, TN_NAME, str_of(p, "name"));
		tpl_set(row, TN_IN, str_of(p, "in"));
		set_type(r, row, schema);
		tpl_set(row, TN_REQUIRED, json_is_true(json_object_get(p,
		    "required")) ? "yes" : "no");
		tpl_set(row, TN_NOTES, notes_of(r, p, schema));
	}
	if (json_array_size(params) > 0)
		tpl_show(op, TN_HAS_PARAMS);
}

static void
fill_responses(struct req *r, struct tpl_dict *op, json_t *components,
    json_t *responses)
{
	struct tpl_dict	*row;
	const char	*status, *name, *ctype;
	json_t		*resp;

	json_object_foreach(responses, status, resp) {
		if ((name = ref_name(resp, REF_RESPONSES)) != NULL)
			resp = json_object_get(json_object_get(components,
			    "responses"), name);
		row = tpl_section(op, TN_RESPONSE);
		tpl_set(row, TN_STATUS, status);
		tpl_set(row, TN_DESCRIPTION, str_of(resp, "description"));
		set_type(r, row, body_schema(resp, &ctype));
		tpl_set(row, TN_CTYPE, ctype);
	}
}

static void
fill_op(struct req *r, struct tpl_dict *d, json_t *components,
    const char *path, json_t *path_params, const char *method, json_t *op)
{
	struct tpl_dict	*o;
	const char	*ctype;
	json_t		*body, *sec;
	char		 upper[16];
	size_t		 i;

	for (i = 0; method[i] != '\0' && i < sizeof(upper) - 1; i++)
		upper[i] = (char)(method[i] >= 'a' && method[i] <= 'z' ?
		    method[i] - 'a' + 'A' : method[i]);
	upper[i] = '\0';
	o = tpl_section(d, TN_OP);
	tpl_set(o, TN_METHOD, upper);
	tpl_set(o, TN_PATH, path);
	tpl_set(o, TN_ANCHOR, str_of(op, "operationId"));
	tpl_set(o, TN_SUMMARY, str_of(op, "summary"));
	if (*str_of(op, "description") != '\0')
		tpl_set(tpl_section(o, TN_DESC), TN_TEXT, str_of(op,
		    "description"));
	sec = json_object_get(op, "security");
	if (json_is_array(sec) && json_array_size(sec) == 0)
		tpl_show(o, TN_OPEN);
	fill_params(r, o, components, path_params);
	fill_params(r, o, components, json_object_get(op, "parameters"));
	if ((body = json_object_get(op, "requestBody")) != NULL) {
		struct tpl_dict *b = tpl_section(o, TN_BODY);

		set_type(r, b, body_schema(body, &ctype));
		tpl_set(b, TN_CTYPE, ctype);
	}
	fill_responses(r, o, components, json_object_get(op, "responses"));
}

static void
fill_schemas(struct req *r, struct tpl_dict *d, json_t *schemas)
{
	struct tpl_dict	*s, *row;
	const char	*name, *prop;
	json_t		*schema, *p, *req;
	size_t		 i;
	int		 required;

	json_object_foreach(schemas, name, schema) {
		s = tpl_section(d, TN_SCHEMA);
		tpl_set(s, TN_NAME, name);
		if (*str_of(schema, "description") != '\0')
			tpl_set(tpl_section(s, TN_DESC), TN_TEXT,
			    str_of(schema, "description"));
		req = json_object_get(schema, "required");
		json_object_foreach(json_object_get(schema, "properties"),
		    prop, p) {
			row = tpl_section(s, TN_PROP);
			tpl_set(row, TN_NAME, prop);
			set_type(r, row, p);
			required = 0;
			for (i = 0; i < json_array_size(req); i++)
				if (json_string_value(json_array_get(req, i))
				    != NULL && strcmp(json_string_value(
				    json_array_get(req, i)), prop) == 0)
					required = 1;
			tpl_set(row, TN_REQUIRED, required ? "yes" : "no");
			tpl_set(row, TN_NOTES, notes_of(r, p, p));
		}
		if (json_object_size(json_object_get(schema, "properties")) ==
		    0)
			set_type(r, tpl_section(s, TN_PLAIN), schema);
	}
}

void
page_api_docs(struct req *r)
{
	struct tpl_dict	*d;
	json_error_t	 err;
	json_t		*doc, *paths, *item, *op, *components;
	const char	*text, *path, *method;
	size_t		 n;

	api_json_arena(r);
	if ((text = api_openapi_text(r->a, &n)) == NULL ||
	    (doc = json_loadb(text, n, 0, &err)) == NULL) {
		page_store_error(r);
		return;
	}
	if ((d = page_begin(r, "API reference", "api_docs.tpl", "team")) ==
	    NULL)
		return;
	tpl_set(d, TN_TITLE, str_of(json_object_get(doc, "info"), "title"));
	tpl_set(d, TN_VERSION, str_of(json_object_get(doc, "info"),
	    "version"));
	tpl_set(d, TN_DESCRIPTION, str_of(json_object_get(doc, "info"),
	    "description"));
	tpl_set(d, TN_OPENAPI, str_of(doc, "openapi"));
	tpl_set(d, TN_SERVER, str_of(json_array_get(json_object_get(doc,
	    "servers"), 0), "url"));
	components = json_object_get(doc, "components");
	paths = json_object_get(doc, "paths");
	json_object_foreach(paths, path, item)
		json_object_foreach(item, method, op)
			if (json_is_object(op) && json_object_get(op,
			    "responses") != NULL)
				fill_op(r, d, components, path,
				    json_object_get(item, "parameters"), method,
				    op);
	fill_schemas(r, d, json_object_get(components, "schemas"));
	page_end(r);
}
