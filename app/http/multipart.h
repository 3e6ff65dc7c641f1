/*
 * multipart: a bounded parser of multipart/form-data bodies (RFC 7578),
 * for the forms that upload a file (case attachments). Pure, over an
 * arena; fuzzed in tests/fuzz/fuzz_multipart.c.
 *
 * Text fields go to a kvlist like a urlencoded form (valid UTF-8, no NUL);
 * file fields (a part with a filename parameter) to files[], their bytes
 * pointing into the body. Limits: MP_MAX_PARTS parts, MP_MAX_FILES files,
 * MP_MAX_HEADER bytes of headers per part, names of MP_MAX_NAME bytes.
 * Anything else is refused whole: nothing half-read.
 */
#ifndef TENANTRY_MULTIPART_H
#define TENANTRY_MULTIPART_H

#include <stddef.h>

#include "parse.h"

struct arena;

#define MP_MAX_PARTS	64
#define MP_MAX_FILES	4
#define MP_MAX_HEADER	2048
#define MP_MAX_NAME	255

struct mp_file {
	const char	*field;		/* form field name */
	const char	*filename;	/* as sent, path stripped; may be "" */
	const char	*ctype;		/* as sent; "" when none */
	const char	*data;		/* into the body */
	size_t		 len;
};

struct mp_files {
	struct mp_file	 f[MP_MAX_FILES];
	size_t		 n;
};

/*
 * The boundary of a Content-Type header value ("multipart/form-data;
 * boundary=..."), into the arena. NULL when it is not multipart/form-data
 * or has no valid boundary (1..70 characters of RFC 2046).
 */
const char	*mp_boundary(struct arena *, const char *ctype);

/*
 * Parse body[0..len) with boundary. 0 ok; -1 malformed (*bad: a short
 * reason); -2 over a limit.
 */
int	 mp_parse(struct arena *, const char *body, size_t len,
	    const char *boundary, struct kvlist *fields, struct mp_files *files,
	    const char **bad);

#endif
