/*
 * multipart: decoding of multipart/form-data bodies (RFC 7578), the
 * encoding browsers use for forms with a file input. Pure; fuzzed in
 * tests/fuzz/fuzz_multipart.c.
 */
#ifndef TENANTRY_MULTIPART_H
#define TENANTRY_MULTIPART_H

#include <stddef.h>

struct arena;
struct kvlist;

#define MULTIPART_FILENAME_SUFFIX	":filename"

/*
 * Parse body (len bytes) sent with Content-Type ctype ("multipart/form-
 * data; boundary=..."). Each part named NAME becomes a pair NAME = its
 * content (copied, NUL-terminated, vlen bytes); a file part also gives
 * NAME:filename = the file's name as the browser sent it (its last path
 * segment), and its content may hold any bytes. Other fields must be
 * NUL-free valid UTF-8, as urlencoded ones. Returns 0; -1 on a malformed
 * body (no or a bad boundary, a part without a name, a missing end, a
 * bad field: *badkey names it or says what is wrong); -2 with more than
 * PARSE_MAX_PAIRS pairs.
 */
int	 parse_multipart(struct arena *, const char *ctype, const char *body,
	    size_t len, struct kvlist *out, const char **badkey);

#endif
