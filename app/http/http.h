/*
 * http: the request as the front controller and pages see it, and the
 * response primitives. A response is built in memory (status, headers,
 * body) and written in one piece by the FastCGI loop: never half-written.
 */
#ifndef TENANTRY_HTTP_H
#define TENANTRY_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "../arena.h"
#include "multipart.h"
#include "parse.h"

struct tpl_dict;
struct route;

#define HTTP_BODY_MAX	(1024 * 1024)	/* 1 MiB: larger bodies get 413 */
/* multipart/form-data (file uploads, to the routes that take them): an
 * attachment of 4 MiB and the rest of its form. */
#define HTTP_UPLOAD_MAX	(5 * 1024 * 1024)
#define HTTP_MAX_IDS	4

enum method {
	M_GET,		/* GET (and HEAD, answered without a body) */
	M_POST,		/* POST */
	M_PUT,		/* PUT (the JSON API only) */
	M_PATCH,	/* PATCH (the JSON API only) */
	M__MAX		/* anything else: 405 (or 404 for an unknown path) */
};

enum role {
	ROLE_OPERATOR_ADMIN,	/* "operator_admin" */
	ROLE_OPERATOR_STAFF,	/* "operator_staff" */
	ROLE_OCCUPIER_ADMIN,	/* "occupier_admin" */
	ROLE_OCCUPIER_USER,	/* "occupier_user" */
	ROLE__MAX
};
extern const char *const role_names[ROLE__MAX];
extern const char *const role_labels[ROLE__MAX];
/* ROLE__MAX when s names no role. */
enum role	role_parse(const char *s);

/* Role masks for the route table. */
#define R_OPADMIN	(1u << ROLE_OPERATOR_ADMIN)
#define R_OPSTAFF	(1u << ROLE_OPERATOR_STAFF)
#define R_OCCADMIN	(1u << ROLE_OCCUPIER_ADMIN)
#define R_OCCUSER	(1u << ROLE_OCCUPIER_USER)
#define R_OPERATOR	(R_OPADMIN | R_OPSTAFF)
#define R_OCCUPIER	(R_OCCADMIN | R_OCCUSER)
#define R_ANY		(R_OPERATOR | R_OCCUPIER)
#define R_PUBLIC	0u		/* no session needed */

struct user {
	int64_t		 id;
	int64_t		 operator_id;
	int64_t		 occupier_id;	/* occupier roles only, else 0 */
	enum role	 role;
	const char	*email;
	const char	*name;
	const char	*operator_name;
	const char	*currency;	/* the operator's (ISO 4217) */
	const char	*timezone;	/* the operator's (IANA) */
};

struct req {
	struct arena		*a;
	unsigned long long	 id;		/* request id for the log */
	enum method		 method;
	int			 head;		/* HEAD: no body in the reply */
	const char		*path;		/* decoded path, no query */
	const char		*uri;		/* path and query as sent */
	struct kvlist		 query;
	struct kvlist		 form;		/* POST body */
	int			 form_bad;	/* body could not be decoded */
	const char		*form_badkey;	/* the field that could not */
	int			 multipart;	/* the body was multipart/form-data */
	struct mp_files		 files;		/* its files */
	struct kvlist		 cookies;
	/* The JSON API (/api/...): its body as sent (POST, PUT, PATCH; never
	 * parsed as a form) and the headers it reads. "" when absent. */
	const char		*raw;
	size_t			 rawlen;
	const char		*content_type_in;
	const char		*authorization, *if_match, *idempotency_key;
	const char		*remote_addr;
	const char		*user_agent;
	int			 https;
	int64_t			 now;		/* unix seconds */
	/* The error summary (form_error): the page dictionary it is in and
	 * the dictionary of its shared list (templates/error_list.tpl). */
	struct tpl_dict		*err_page, *err_list;
	int32_t			 today;		/* operator's local date */
	int64_t			 ids[HTTP_MAX_IDS];	/* numeric path segments */
	size_t			 nids;
	const struct route	*route;

	/* Session (set by the front controller). The page versions of
	 * occupier and site to read with it (the route declares them; 0:
	 * none), for the worker's page cache (doc/page-cache.md). */
	int64_t			 pagever_occ, pagever_site;
	/* Database statements the request ran (serve.c sets it),
	 * sent as Server-Timing: db;desc="statements: N". */
	long			 db_statements;
	int			 signed_in;
	struct user		 user;
	int64_t			 session_id;
	char			 csrf[65];	/* hex token for forms */
	/* Two-factor: the password was right, the code is awaited (user and
	 * session_id set, signed_in 0: no page opens but the code step). */
	int			 mfa_pending;
	/* Signed in, but the operator requires two-factor sign-in of this
	 * role and it is not on: only enrolment (and sign-out) open. */
	int			 must_enrol;
	/* A session that had just ended (idle or too old) when this request
	 * came: whose it was and its CSRF token (pages/draft.c keeps a form
	 * posted with it). expired_user 0: none. */
	int64_t			 expired_user, expired_operator;
	char			 expired_csrf[65];
	/* The one-time flash: the code taken (http_flash_take), its cookie
	 * to clear in this response, a new one set (http_redirect). */
	const char		*flash;
	int			 flash_taken, flash_clear, flash_set;

	/* Response. */
	int			 status;
	struct buf		 hdr;		/* extra header lines, CRLF-terminated */
	struct buf		 body;
	const char		*content_type;
	const char		*allow;		/* 405: the path's methods */
	int			 done;		/* a response has been produced */
	struct tpl_dict		*tpl_root;	/* layout dictionary (pages) */

	/* Streaming (http_stream_*): the connection's writer, set by the
	 * FastCGI loop; streamed: the head and body are already written. */
	int			(*out)(void *ctx, const char *, size_t);
	int			(*out_flush)(void *ctx);
	void			*out_ctx;
	int			 streamed;
	int			 stream_failed;	/* a write failed: stop */
	struct buf		 chunk;		/* body bytes not written yet */
};

/* Add a header line (name and value must not contain CR/LF: checked). */
void	 http_header(struct req *, const char *name, const char *value);
/* 303 See Other to a local path (must start with '/'). A done=CODE
 * parameter of path (parse_flash_split) is a one-time flash: it is taken
 * out of the URL and sent in a cookie, for the next page to show once. */
void	 http_redirect(struct req *, const char *path);
/* The flash code the previous redirect left (a-z and _), or NULL; the
 * cookie is cleared in this response, so a reload shows it no more. The
 * same answer for every call of one request. */
const char *http_flash_take(struct req *);
/* The one error page: status code and a short, safe message. */
void	 http_error(struct req *, int code);
void	 http_error_msg(struct req *, int code, const char *msg);
/* Plain body with a content type (CSV exports, /healthz). */
void	 http_send(struct req *, int code, const char *ctype, const char *body,
	    size_t len);
/*
 * Streaming a long body (CSV downloads) in bounded memory: the status and
 * headers are written first (no Content-Length: nginx sends the body
 * chunked), then the body in chunks as it is produced, never built whole
 * in the request arena. http_stream_begin: 0 ok, -1 when the connection
 * cannot take it (nothing written). The buffer to append to is
 * http_stream_buf(r); http_stream_put writes it once it holds
 * HTTP_STREAM_CHUNK bytes (flush 1: whatever it holds, and the
 * connection's buffers). Both return -1 once a write failed (the client
 * went away): stop producing. HEAD: headers only.
 */
#define HTTP_STREAM_CHUNK	(32 * 1024)
int	 http_stream_begin(struct req *, int code, const char *ctype);
struct buf *http_stream_buf(struct req *);
int	 http_stream_put(struct req *, int flush);
/* Reason phrase of a status code. */
const char *http_reason(int code);
/* Serialize status, headers and body (the FastCGI loop writes it). */
void	 http_serialize(struct req *, struct buf *out);

#endif
