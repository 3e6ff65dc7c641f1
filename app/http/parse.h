/*
 * parse: decoding of untrusted request input (query strings, urlencoded
 * bodies, cookies). Pure functions over an arena; fuzzed in tests/fuzz/.
 */
#ifndef TENANTRY_PARSE_H
#define TENANTRY_PARSE_H

#include <stddef.h>

struct arena;

struct kv {
	const char	*key;
	const char	*val;
	size_t		 vlen;
};

/* An ordered list of pairs; repeated keys are kept in order. */
struct kvlist {
	struct kv	*v;
	size_t		 n;
};

#define PARSE_MAX_PAIRS	4096

/*
 * Percent-decode s[0..len) into a new NUL-terminated arena string.
 * plus: when non-zero, '+' decodes to a space (form encoding).
 * Returns 0 on success, -1 on a malformed escape or a decoded NUL byte.
 */
int	 parse_urldecode(struct arena *, const char *s, size_t len, int plus,
	    char **out, size_t *outlen);

/*
 * Parse application/x-www-form-urlencoded (also query strings) into out.
 * Empty pairs ("a=1&&b=2") are skipped; a key without '=' has value "".
 * Returns 0 on success; -1 on malformed input, with *badkey set to the
 * (decoded if possible, else raw) name of the offending field; -2 when
 * there are more than PARSE_MAX_PAIRS pairs.
 */
int	 parse_urlencoded(struct arena *, const char *s, size_t len,
	    struct kvlist *out, const char **badkey);

/*
 * Parse a Cookie header ("a=1; b=2"). Malformed pairs are skipped (RFC 6265
 * user agents send what they please); values are not percent-decoded.
 * Always succeeds.
 */
void	 parse_cookies(struct arena *, const char *hdr, struct kvlist *out);

/* First value of key, or NULL. */
const char *kv_get(const struct kvlist *, const char *key);
/* Number of pairs named key. */
size_t	 kv_count(const struct kvlist *, const char *key);

/*
 * Indexed keys: "prefix[N][field]" as sent by the Manage services rows.
 * Returns 1 and sets *idx and *field (pointing into key) when key has that
 * shape with 0 <= N <= maxidx; 0 otherwise.
 */
int	 parse_indexed_key(const char *key, const char *prefix, size_t maxidx,
	    size_t *idx, const char **field, size_t *fieldlen);

/*
 * A redirect's one-time flash: the first "done=CODE" parameter of path's
 * query (CODE: 1 to 32 of a-z and '_'; any other done= value, e.g. an id,
 * is a parameter and stays) taken out, *code = CODE; the path without it
 * (its other parameters and its #fragment kept), in the arena. No such
 * parameter: path itself, *code NULL.
 */
const char *parse_flash_split(struct arena *, const char *path,
	    const char **code);

/* Percent-encode s for use as a query value (RFC 3986 unreserved kept). */
char	*parse_urlencode(struct arena *, const char *s);

/* 1 when s[0..len) is valid UTF-8 (no overlongs, no surrogates). */
int	 parse_utf8_valid(const char *s, size_t len);
/* A copy of s (NULL: "") fit to store: every byte that does not start a
 * valid UTF-8 sequence becomes U+FFFD, control characters '?', and it is
 * cut at a character boundary to at most cap bytes. In the arena. */
char	*parse_utf8_clean(struct arena *, const char *s, size_t cap);

#endif
