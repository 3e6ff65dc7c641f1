/*
 * response: status, headers and the one error page. Security headers are
 * added here, once, for every response (STYLE 10).
 */
#include <stdio.h>
#include <string.h>

#include "../log.h"
#include "../tpl/tpl.h"
#include "http.h"

const char *const role_names[ROLE__MAX] = {
	"operator_admin",	/* ROLE_OPERATOR_ADMIN */
	"operator_staff",	/* ROLE_OPERATOR_STAFF */
	"occupier_admin",	/* ROLE_OCCUPIER_ADMIN */
	"occupier_user",	/* ROLE_OCCUPIER_USER */
};

const char *const role_labels[ROLE__MAX] = {
	"Operator admin",	/* ROLE_OPERATOR_ADMIN */
	"Operator staff",	/* ROLE_OPERATOR_STAFF */
	"Occupier admin",	/* ROLE_OCCUPIER_ADMIN */
	"Occupier user",	/* ROLE_OCCUPIER_USER */
};

enum role
role_parse(const char *s)
{
	int	 i;

	for (i = 0; i < ROLE__MAX; i++)
		if (s != NULL && strcmp(s, role_names[i]) == 0)
			return (enum role)i;
	return ROLE__MAX;
}

const char *
http_reason(int code)
{
	switch (code) {
	case 200: return "OK";
	case 201: return "Created";
	case 303: return "See Other";
	case 401: return "Unauthorized";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 412: return "Precondition Failed";
	case 428: return "Precondition Required";
	case 415: return "Unsupported Media Type";
	case 413: return "Payload Too Large";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Error";
	}
}

static int
header_safe(const char *s)
{
	return strpbrk(s, "\r\n") == NULL;
}

void
http_header(struct req *r, const char *name, const char *value)
{
	if (!header_safe(name) || !header_safe(value)) {
		log_warnx("http: refused header with CR/LF: %s", name);
		return;
	}
	buf_printf(&r->hdr, "%s: %s\r\n", name, value);
}

/* The one-time flash's cookie: set with the redirect, cleared by the page
 * that shows it. */
#define FLASH_COOKIE	"tn_flash"

void
http_redirect(struct req *r, const char *path)
{
	const char	*code;

	/* Local paths only: "//host" would be an open redirect. */
	if (path == NULL || path[0] != '/' || path[1] == '/' || path[1] == '\\')
		path = "/";
	/* ?done=CODE is a one-time flash: it leaves the URL (a reload or a
	 * bookmark does not show it again) and goes in a cookie. */
	path = parse_flash_split(r->a, path, &code);
	if (code != NULL) {
		http_header(r, "Set-Cookie", arena_printf(r->a, "%s=%s; Path=/; "
		    "HttpOnly; SameSite=Lax; Max-Age=600%s", FLASH_COOKIE, code,
		    r->https ? "; Secure" : ""));
		r->flash_set = 1;
	}
	r->status = 303;
	http_header(r, "Location", path);
	r->body.len = 0;
	r->body.p[0] = '\0';
	r->done = 1;
}

const char *
http_flash_take(struct req *r)
{
	const char	*v;
	size_t		 i, n;

	if (r->flash_taken)
		return r->flash;
	r->flash_taken = 1;
	if ((v = kv_get(&r->cookies, FLASH_COOKIE)) == NULL)
		return NULL;
	r->flash_clear = 1;	/* http_serialize, unless a new one is set */
	n = strlen(v);
	for (i = 0; i < n; i++)
		if (!((v[i] >= 'a' && v[i] <= 'z') || v[i] == '_'))
			return NULL;
	if (n == 0 || n > 32)
		return NULL;
	r->flash = v;
	return v;
}

static void
emit_body(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

void
http_error_msg(struct req *r, int code, const char *msg)
{
	struct tpl_dict	*d;

	r->status = code;
	r->content_type = "text/html; charset=utf-8";
	r->body.len = 0;
	r->body.p[0] = '\0';
	r->hdr.len = 0;
	r->hdr.p[0] = '\0';
	r->done = 1;
	if (code == 405 && r->allow != NULL)
		http_header(r, "Allow", r->allow);
	if (code == 503)
		http_header(r, "Retry-After", "5");
	if ((d = tpl_dict_new("error")) == NULL)
		goto plain;
	arena_defer(r->a, tpl_dict_free, d);
	tpl_set_int(d, TN_CODE, code);
	tpl_set(d, TN_REASON, http_reason(code));
	tpl_set(d, TN_MESSAGE, msg);
	if (r->signed_in)
		tpl_show(d, TN_SIGNED_IN);
	if (tpl_render("error.tpl", d, emit_body, &r->body) == 0)
		return;
	r->body.len = 0;
plain:
	r->content_type = "text/plain; charset=utf-8";
	buf_printf(&r->body, "%d %s\n", code, http_reason(code));
}

void
http_error(struct req *r, int code)
{
	const char	*msg;

	switch (code) {
	case 400: msg = "The request could not be understood."; break;
	case 403: msg = "You are not allowed to do that. If you were filling "
	    "in a form, your session may have changed: go back, reload the "
	    "page and try again."; break;
	case 404: msg = "There is nothing here. It may have been removed, or "
	    "the address may be wrong."; break;
	case 405: msg = "This address does not accept that kind of request."; break;
	case 413: msg = "The request is too large (1 MiB at most)."; break;
	case 503: msg = "The database is not reachable right now. Nothing was "
	    "saved by this request. Please try again in a few seconds."; break;
	default: msg = "Something went wrong on our side. It has been logged."; break;
	}
	http_error_msg(r, code, msg);
}

void
http_send(struct req *r, int code, const char *ctype, const char *body,
    size_t len)
{
	r->status = code;
	r->content_type = ctype;
	r->body.len = 0;
	buf_put(&r->body, body, len);
	r->done = 1;
}

/* Status and the headers every response carries, then the page's own. */
static void
serialize_head(struct req *r, struct buf *out, int length)
{
	char	 num[32];

	buf_printf(out, "Status: %d %s\r\n", r->status, http_reason(r->status));
	if (r->status != 303)
		buf_printf(out, "Content-Type: %s\r\n", r->content_type ?
		    r->content_type : "text/html; charset=utf-8");
	if (length) {
		/* libfcgi's printf has no %zu: format sizes ourselves. */
		snprintf(num, sizeof(num), "%llu",
		    (unsigned long long)r->body.len);
		buf_printf(out, "Content-Length: %s\r\n", num);
	}
	buf_puts(out,
	    "Content-Security-Policy: default-src 'self'; script-src 'self'; "
	    "style-src 'self'; img-src 'self' data:; form-action 'self'; "
	    "base-uri 'none'; object-src 'none'; frame-ancestors 'none'\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "Cross-Origin-Opener-Policy: same-origin\r\n"
	    "Cache-Control: no-store\r\n");
	if (r->db_statements >= 0)
		buf_printf(out, "Server-Timing: db;desc=\"statements: %ld\"\r\n",
		    r->db_statements);
	buf_put(out, r->hdr.p, r->hdr.len);
	if (r->flash_clear && !r->flash_set)
		buf_printf(out, "Set-Cookie: %s=; Path=/; HttpOnly; SameSite=Lax; "
		    "Max-Age=0%s\r\n", FLASH_COOKIE, r->https ? "; Secure" : "");
	buf_puts(out, "\r\n");
}

void
http_serialize(struct req *r, struct buf *out)
{
	serialize_head(r, out, 1);
	if (!r->head)
		buf_put(out, r->body.p, r->body.len);
}

/* Write n bytes to the connection; -1 (once, logged) when it fails. */
static int
stream_write(struct req *r, const char *p, size_t n)
{
	if (r->stream_failed)
		return -1;
	if (n > 0 && r->out(r->out_ctx, p, n) == -1) {
		log_warnx("http: %s: the client stopped reading the download; "
		    "stopped", r->path);
		r->stream_failed = 1;
		return -1;
	}
	return 0;
}

int
http_stream_begin(struct req *r, int code, const char *ctype)
{
	struct buf	 head;

	if (r->out == NULL)
		return -1;
	r->status = code;
	r->content_type = ctype;
	r->done = 1;
	r->streamed = 1;
	buf_init(&head, r->a, 1024 + r->hdr.len);
	serialize_head(r, &head, 0);
	buf_init(&r->chunk, r->a, HTTP_STREAM_CHUNK + 4096);
	if (stream_write(r, head.p, head.len) == -1)
		return -1;
	return 0;
}

struct buf *
http_stream_buf(struct req *r)
{
	return &r->chunk;
}

int
http_stream_put(struct req *r, int flush)
{
	if (!flush && r->chunk.len < HTTP_STREAM_CHUNK)
		return r->stream_failed ? -1 : 0;
	if (!r->head && stream_write(r, r->chunk.p, r->chunk.len) == -1)
		return -1;
	/* The same bytes reused: the arena does not grow with the body. */
	r->chunk.len = 0;
	r->chunk.p[0] = '\0';
	if (flush && r->out_flush != NULL && r->out_flush(r->out_ctx) == -1) {
		r->stream_failed = 1;
		return -1;
	}
	return r->stream_failed ? -1 : 0;
}
