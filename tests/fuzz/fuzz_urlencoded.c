/*
 * fuzz_urlencoded: parse_urlencoded (forms and query strings) on arbitrary
 * bytes, not NUL-terminated, then kv_get and kv_count over the result.
 * Properties: on success every pair is NUL-free valid UTF-8 with vlen
 * matching, every key is found by kv_get and counted; on -1 badkey is
 * set; -2 only when the input has more than PARSE_MAX_PAIRS segments.
 */
#include "fuzz.h"
#include "http/parse.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = fuzz_arena();
	struct kvlist	 l;
	const char	*bad = NULL, *v;
	size_t		 i, j, amps, n, total;
	int		 rc;

	rc = parse_urlencoded(a, (const char *)data, size, &l, &bad);
	for (amps = i = 0; i < size; i++)
		if (data[i] == '&')
			amps++;
	FUZZ_CHECK(rc == 0 || rc == -1 || rc == -2);
	if (rc == -2) {
		FUZZ_CHECK(amps + 1 > PARSE_MAX_PAIRS);
	} else if (rc == -1) {
		FUZZ_CHECK(bad != NULL);
		FUZZ_CHECK(strlen(bad) <= size);
	} else {
		FUZZ_CHECK(bad == NULL);
		FUZZ_CHECK(l.n <= amps + 1 && l.n <= PARSE_MAX_PAIRS);
		FUZZ_CHECK(l.n == 0 || l.v != NULL);
		for (i = 0; i < l.n; i++) {
			const struct kv *kv = &l.v[i];

			FUZZ_CHECK(kv->key != NULL && kv->val != NULL);
			FUZZ_CHECK(strlen(kv->val) == kv->vlen);
			FUZZ_CHECK(strlen(kv->key) + kv->vlen <= size);
			FUZZ_CHECK(parse_utf8_valid(kv->key, strlen(kv->key)));
			FUZZ_CHECK(parse_utf8_valid(kv->val, kv->vlen));
		}
		/*
		 * kv_get returns the first of repeated pairs and the counts
		 * of distinct keys add up to n (quadratic: small lists only).
		 */
		if (l.n <= 64) {
			for (total = i = 0; i < l.n; i++) {
				for (j = 0; j < i; j++)
					if (strcmp(l.v[j].key, l.v[i].key) == 0)
						break;
				v = kv_get(&l, l.v[i].key);
				FUZZ_CHECK(v == l.v[j].val);
				n = kv_count(&l, l.v[i].key);
				FUZZ_CHECK(n >= 1);
				if (j == i)
					total += n;
			}
			FUZZ_CHECK(total == l.n);
		}
		/* Keys are valid UTF-8, so a lone 0xFF byte is never one. */
		FUZZ_CHECK(kv_get(&l, "\xff") == NULL);
		FUZZ_CHECK(kv_count(&l, "\xff") == 0);
	}
	arena_reset(a);
	return 0;
}
