/*
 * fuzz_ratecard: ratecard_read on arbitrary bytes. Properties: every error
 * names a line within the input (or 0, the size), at most
 * RATECARD_ERRS_MAX; every item read has its line within the input, a
 * tier or an allowance in range; and a card read without errors, written
 * out by ratecard_write, reads back without errors to the same items.
 */
#include "fuzz.h"
#include "domain/ratecard.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = fuzz_arena();
	struct ratecard	 k, back;
	struct buf	 b;
	size_t		 i, lines = 1;

	for (i = 0; i < size; i++)
		if (data[i] == '\n')
			lines++;
	ratecard_read(a, (const char *)data, size, &k);
	FUZZ_CHECK(k.nerrs <= RATECARD_ERRS_MAX);
	for (i = 0; i < k.nerrs; i++)
		FUZZ_CHECK(k.errs[i].line <= lines && k.errs[i].text[0] != '\0');
	for (i = 0; i < k.nr; i++)
		FUZZ_CHECK(k.rl[i] >= 1 && k.rl[i] <= lines &&
		    k.r[i].per_minute >= 0 && k.r[i].first >= 0);
	for (i = 0; i < k.nl; i++)
		FUZZ_CHECK(k.ll[i] >= 1 && k.ll[i] <= lines &&
		    k.l[i].minutes >= -1);
	for (i = 0; i < k.nt; i++)
		FUZZ_CHECK(k.tl[i] >= 1 && k.tl[i] <= lines &&
		    k.t[i].mbps >= 0 && k.t[i].per_mbps >= 0);
	/* (Short inputs only: a written line may be longer than the line it
	 * came from, quotes doubled, and a line has a limit.) */
	if (k.nerrs == 0 && size <= 1900 && memchr(data, 0, size) == NULL) {
		buf_init(&b, a, 256);
		ratecard_write(&b, k.g, k.ng, k.r, k.nr, k.l, k.nl, k.t, k.nt);
		ratecard_read(a, b.p, b.len, &back);
		FUZZ_CHECK(back.nerrs == 0);
		FUZZ_CHECK(back.ng == k.ng && back.nr == k.nr &&
		    back.nl == k.nl && back.nt == k.nt);
		for (i = 0; i < k.nr; i++)
			FUZZ_CHECK(back.r[i].per_minute == k.r[i].per_minute &&
			    strcmp(back.r[i].prefix, k.r[i].prefix) == 0 &&
			    strcmp(back.r[i].tariff, k.r[i].tariff) == 0);
		for (i = 0; i < k.ng; i++)
			FUZZ_CHECK(strcmp(back.g[i].name, k.g[i].name) == 0);
	}
	arena_reset(a);
	return 0;
}
