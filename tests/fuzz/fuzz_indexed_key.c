/*
 * fuzz_indexed_key: decode the input as a form (like the Manage services
 * POST body) and run parse_indexed_key over every decoded key. First byte
 * picks maxidx. Property: an accepted key is exactly the canonical
 * "rows[N][field]" rebuilt from what was returned, with N <= maxidx.
 */
#include "fuzz.h"
#include "http/parse.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t	 maxidx[] = { 0, 9, 49, 999, 1000000 };
	struct arena		*a = fuzz_arena();
	struct kvlist		 l;
	const char		*field, *bad;
	char			*canon;
	size_t			 i, idx, flen, m;

	if (size == 0)
		return 0;
	m = maxidx[data[0] % (sizeof(maxidx) / sizeof(maxidx[0]))];
	if (parse_urlencoded(a, (const char *)data + 1, size - 1, &l,
	    &bad) == 0) {
		for (i = 0; i < l.n; i++) {
			const char *key = l.v[i].key;

			field = NULL;
			if (!parse_indexed_key(key, "rows", m, &idx, &field,
			    &flen))
				continue;
			FUZZ_CHECK(idx <= m);
			FUZZ_CHECK(flen > 0);
			FUZZ_CHECK(field > key && field + flen + 1 == key +
			    strlen(key));
			FUZZ_CHECK(memchr(field, ']', flen) == NULL);
			canon = arena_printf(a, "rows[%zu][%.*s]", idx,
			    (int)flen, field);
			FUZZ_CHECK(strcmp(canon, key) == 0);
			/* Other prefixes do not match the same key. */
			FUZZ_CHECK(!parse_indexed_key(key, "row", m, &idx,
			    &field, &flen));
			FUZZ_CHECK(!parse_indexed_key(key, "rowsx", m, &idx,
			    &field, &flen));
		}
	}
	arena_reset(a);
	return 0;
}
