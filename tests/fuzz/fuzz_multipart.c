/*
 * fuzz_multipart: parse_multipart on arbitrary bytes: the first line is
 * the Content-Type, the rest the body. Properties: on success every pair
 * has a non-empty key, its value NUL-terminated at vlen, and fields that
 * are not files NUL-free valid UTF-8; on -1 badkey is set; -2 only past
 * PARSE_MAX_PAIRS pairs.
 */
#include "fuzz.h"
#include "http/multipart.h"
#include "http/parse.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = fuzz_arena();
	struct kvlist	 l;
	const char	*bad = NULL, *nl;
	char		*ct, *body;
	size_t		 i, ctlen, blen;
	int		 rc, file;

	nl = memchr(data, '\n', size);
	ctlen = nl != NULL ? (size_t)(nl - (const char *)data) : size;
	ct = fuzz_cstr(data, ctlen);
	blen = nl != NULL ? size - ctlen - 1 : 0;
	/* The body in a buffer of its own size: reads past it are caught. */
	body = malloc(blen ? blen : 1);
	FUZZ_CHECK(body != NULL);
	if (blen > 0)
		memcpy(body, nl + 1, blen);
	rc = parse_multipart(a, ct, body, blen, &l, &bad);
	FUZZ_CHECK(rc == 0 || rc == -1 || rc == -2);
	if (rc == -1)
		FUZZ_CHECK(bad != NULL);
	if (rc == 0) {
		for (i = 0; i < l.n; i++) {
			const struct kv *kv = &l.v[i];
			size_t kl = strlen(kv->key);

			FUZZ_CHECK(kl > 0 && kv->val != NULL);
			FUZZ_CHECK(kv->val[kv->vlen] == '\0');
			FUZZ_CHECK(kv->vlen <= blen);
			file = i + 1 < l.n && strlen(l.v[i + 1].key) == kl +
			    strlen(MULTIPART_FILENAME_SUFFIX) &&
			    strncmp(l.v[i + 1].key, kv->key, kl) == 0 &&
			    strcmp(l.v[i + 1].key + kl,
			    MULTIPART_FILENAME_SUFFIX) == 0;
			if (!file && strstr(kv->key, MULTIPART_FILENAME_SUFFIX) ==
			    NULL) {
				FUZZ_CHECK(strlen(kv->val) == kv->vlen);
				FUZZ_CHECK(parse_utf8_valid(kv->val, kv->vlen));
			}
			if (file)
				i++;
		}
	}
	free(body);
	free(ct);
	arena_reset(a);
	return 0;
}
