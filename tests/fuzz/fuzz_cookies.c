/*
 * fuzz_cookies: parse_cookies on a NUL-terminated copy of the input.
 * Properties: at most PARSE_MAX_PAIRS pairs; every name is non-empty and
 * has no surrounding blanks and no ';' or '='; values have no ';' and
 * vlen matches; kv_get finds every name.
 */
#include "fuzz.h"
#include "http/parse.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = fuzz_arena();
	struct kvlist	 l;
	char		*hdr;
	size_t		 i, klen;

	hdr = fuzz_cstr(data, size);
	parse_cookies(a, hdr, &l);
	FUZZ_CHECK(l.n <= PARSE_MAX_PAIRS);
	for (i = 0; i < l.n; i++) {
		const char *k = l.v[i].key, *v = l.v[i].val;

		klen = strlen(k);
		FUZZ_CHECK(klen > 0);
		FUZZ_CHECK(k[0] != ' ' && k[0] != '\t');
		FUZZ_CHECK(k[klen - 1] != ' ' && k[klen - 1] != '\t');
		FUZZ_CHECK(strchr(k, ';') == NULL && strchr(k, '=') == NULL);
		FUZZ_CHECK(strlen(v) == l.v[i].vlen);
		FUZZ_CHECK(strchr(v, ';') == NULL);
		FUZZ_CHECK(klen + l.v[i].vlen < size);
		if (i >= 64)
			continue;	/* the rest is quadratic */
		FUZZ_CHECK(strstr(hdr, k) != NULL);
		FUZZ_CHECK(kv_get(&l, k) != NULL);
		FUZZ_CHECK(kv_count(&l, k) >= 1);
	}
	parse_cookies(a, NULL, &l);
	FUZZ_CHECK(l.n == 0);
	free(hdr);
	arena_reset(a);
	return 0;
}
