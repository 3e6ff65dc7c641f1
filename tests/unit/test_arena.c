/*
 * Unit tests for the per-request arena and its growable buffer
 * (app/arena.c). STYLE 7: large allocations must work; reset runs the
 * deferred cleanups in reverse order and gives every chunk back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"

#if defined(__SANITIZE_ADDRESS__)
/* From libasan (<sanitizer/allocator_interface.h>, not shipped by gcc). */
size_t	__sanitizer_get_current_allocated_bytes(void);
#else
#include <malloc.h>
#endif

#define MIB	((size_t)1 << 20)

/* Bytes currently allocated from the C heap (malloc + mmap'd blocks). */
static size_t
heap_in_use(void)
{
#if defined(__SANITIZE_ADDRESS__)
	return __sanitizer_get_current_allocated_bytes();
#else
	struct mallinfo2 mi = mallinfo2();

	return mi.uordblks + mi.hblkhd;
#endif
}

static int
setup(void **state)
{
	*state = arena_new(4096);
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static void
test_new_and_free(void **state)
{
	struct arena	*a;
	char		*p;

	(void)state;
	a = arena_new(0);	/* rounded up to a sane chunk */
	assert_non_null(a);
	assert_int_equal(arena_used(a), 0);
	p = arena_alloc(a, 2000);
	memset(p, 1, 2000);
	assert_int_equal(arena_used(a), 2000);
	arena_free(a);
	arena_free(NULL);	/* NULL-safe */
}

static void
test_many_small_allocations(void **state)
{
	struct arena	*a = *state;
	enum { N = 50000 };
	unsigned char	**ptr;
	size_t		 i, j, sz, total = 0;

	ptr = calloc(N, sizeof(*ptr));
	assert_non_null(ptr);
	for (i = 0; i < N; i++) {
		sz = i % 97;		/* 0 .. 96; 0 counts as 1 */
		ptr[i] = arena_alloc(a, sz);
		assert_non_null(ptr[i]);
		memset(ptr[i], (int)(i & 0xff), sz == 0 ? 1 : sz);
		total += sz == 0 ? 1 : sz;
	}
	assert_int_equal(arena_used(a), total);
	/* No allocation overlapped another. */
	for (i = 0; i < N; i++) {
		sz = i % 97 == 0 ? 1 : i % 97;
		for (j = 0; j < sz; j++)
			if (ptr[i][j] != (unsigned char)(i & 0xff))
				fail_msg("allocation %zu byte %zu clobbered",
				    i, j);
	}
	free(ptr);
}

static void
test_alignment(void **state)
{
	struct arena	*a = *state;
	static const size_t sizes[] = { 1, 3, 7, 8, 9, 15, 16, 17, 31, 100,
	    1000, 1023, 1024, 1025, 3000, 4096, 5000, 65536, 8 * MIB };
	size_t		 i, round;
	void		*p;

	for (round = 0; round < 3; round++) {
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			p = arena_alloc(a, sizes[i]);
			if ((uintptr_t)p % 16 != 0)
				fail_msg("round %zu: arena_alloc(%zu) = %p is "
				    "not 16-byte aligned", round, sizes[i], p);
			p = arena_calloc(a, 3, sizes[i] < 8 ? 1 : sizes[i] / 8);
			if ((uintptr_t)p % 16 != 0)
				fail_msg("arena_calloc %p not 16-aligned", p);
			p = arena_strdup(a, "x");
			if ((uintptr_t)p % 16 != 0)
				fail_msg("arena_strdup %p not 16-aligned", p);
		}
		arena_reset(a);
	}
}

static void
test_large_allocation(void **state)
{
	struct arena	*a = *state;
	unsigned char	*big, *small1, *small2, *big2;
	size_t		 i, used;

	small1 = arena_alloc(a, 100);
	memset(small1, 0x11, 100);
	big = arena_alloc(a, 8 * MIB);
	assert_non_null(big);
	memset(big, 0xab, 8 * MIB);
	small2 = arena_alloc(a, 100);
	memset(small2, 0x22, 100);
	big2 = arena_alloc(a, 8 * MIB + 1);
	memset(big2, 0xcd, 8 * MIB + 1);
	used = arena_used(a);
	assert_int_equal(used, 200 + 16 * MIB + 1);
	for (i = 0; i < 8 * MIB; i += 4093)
		if (big[i] != 0xab)
			fail_msg("big[%zu] = %#x", i, big[i]);
	assert_int_equal(big[0], 0xab);
	assert_int_equal(big[8 * MIB - 1], 0xab);
	assert_int_equal(big2[8 * MIB], 0xcd);
	for (i = 0; i < 100; i++) {
		assert_int_equal(small1[i], 0x11);
		assert_int_equal(small2[i], 0x22);
	}
	arena_reset(a);
	assert_int_equal(arena_used(a), 0);
	/* And again after a reset. */
	big = arena_alloc(a, 8 * MIB);
	memset(big, 0x5a, 8 * MIB);
	assert_int_equal(big[8 * MIB - 1], 0x5a);
	assert_int_equal(arena_used(a), 8 * MIB);
}

static int	 defer_log[8];
static int	 defer_n;

static void
defer_record(void *p)
{
	if (defer_n < 8)
		defer_log[defer_n] = *(int *)p;
	defer_n++;
}

static void
test_reset_runs_defers_in_reverse(void **state)
{
	struct arena	*a = *state;
	static int	 ids[] = { 1, 2, 3, 4 };
	int		*p;

	defer_n = 0;
	memset(defer_log, 0, sizeof(defer_log));
	arena_defer(a, defer_record, &ids[0]);
	arena_defer(a, defer_record, &ids[1]);
	/* A deferred pointer into the arena itself is still valid then. */
	p = arena_alloc(a, sizeof(*p));
	*p = 42;
	arena_defer(a, defer_record, p);
	arena_defer(a, defer_record, &ids[3]);
	assert_int_equal(defer_n, 0);
	arena_reset(a);
	assert_int_equal(defer_n, 4);
	assert_int_equal(defer_log[0], 4);
	assert_int_equal(defer_log[1], 42);
	assert_int_equal(defer_log[2], 2);
	assert_int_equal(defer_log[3], 1);
	/* Run once only. */
	arena_reset(a);
	assert_int_equal(defer_n, 4);
	/* The table is reusable after reset, up to 64 entries. */
	defer_n = 0;
	for (int i = 0; i < 64; i++)
		arena_defer(a, defer_record, &ids[i % 4]);
	arena_reset(a);
	assert_int_equal(defer_n, 64);
}

static void
test_free_runs_defers(void **state)
{
	struct arena	*a;
	static int	 id = 7;

	(void)state;
	defer_n = 0;
	a = arena_new(1024);
	arena_defer(a, defer_record, &id);
	arena_free(a);
	assert_int_equal(defer_n, 1);
	assert_int_equal(defer_log[0], 7);
}

static void
test_reset_frees_chunks(void **state)
{
	struct arena	*a = *state;
	size_t		 base, after[20], peak[20], first_used;
	int		 round, i;
	char		*first, *again;

	/* Warm up: whatever the first chunk is, it stays. */
	first = arena_alloc(a, 16);
	arena_reset(a);
	base = heap_in_use();
	for (round = 0; round < 20; round++) {
		for (i = 0; i < 1000; i++)	/* about 250 extra chunks */
			memset(arena_alloc(a, 1000), i, 1000);
		memset(arena_alloc(a, 8 * MIB), round, 8 * MIB);
		memset(arena_alloc(a, 3000), 0, 3000);	/* > chunk/4 */
		peak[round] = heap_in_use();
		arena_reset(a);
		after[round] = heap_in_use();
	}
	first_used = arena_used(a);
	again = arena_alloc(a, 16);
	/* Assert only now: cmocka may allocate while asserting. */
	assert_int_equal(first_used, 0);
	for (round = 0; round < 20; round++) {
		if (peak[round] < base + 8 * MIB + 1000 * 1000)
			fail_msg("round %d: peak %zu, base %zu", round,
			    peak[round], base);
		if (after[round] != base)
			fail_msg("round %d: %zu bytes in use after reset, "
			    "%zu before", round, after[round], base);
	}
	/* The first chunk is kept and reused from its start. */
	assert_ptr_equal(again, first);
}

static void
test_calloc_zeroes_reused_memory(void **state)
{
	struct arena	*a = *state;
	unsigned char	*p;
	size_t		 i;

	memset(arena_alloc(a, 2000), 0xff, 2000);
	arena_reset(a);
	p = arena_calloc(a, 250, 8);
	for (i = 0; i < 2000; i++)
		if (p[i] != 0)
			fail_msg("calloc byte %zu = %#x", i, p[i]);
	p = arena_calloc(a, 0, 8);
	assert_non_null(p);
	p = arena_calloc(a, 8, 0);
	assert_non_null(p);
}

static void
test_realloc_copies(void **state)
{
	struct arena	*a = *state;
	char		*p, *q;
	size_t		 i;

	p = arena_alloc(a, 11);
	memcpy(p, "0123456789", 11);
	/* Shrinking or same size: same block. */
	assert_ptr_equal(arena_realloc(a, p, 11, 11), p);
	assert_ptr_equal(arena_realloc(a, p, 11, 3), p);
	q = arena_realloc(a, p, 11, 5000);
	assert_non_null(q);
	assert_string_equal(q, "0123456789");
	memset(q + 11, 'z', 5000 - 11);
	assert_string_equal(p, "0123456789");	/* old block untouched */
	q = arena_realloc(a, q, 5000, 4 * MIB);
	assert_memory_equal(q, "0123456789", 11);
	for (i = 11; i < 5000; i++)
		if (q[i] != 'z')
			fail_msg("q[%zu] = %#x", i, q[i]);
	q[4 * MIB - 1] = 1;
	/* From nothing. */
	q = arena_realloc(a, NULL, 0, 10);
	assert_non_null(q);
	memset(q, 0, 10);
}

static void
test_strdup_strndup_printf(void **state)
{
	struct arena	*a = *state;
	char		*s, *long_s;
	size_t		 i;

	assert_string_equal(arena_strdup(a, ""), "");
	assert_string_equal(arena_strdup(a, "hello"), "hello");
	assert_string_equal(arena_strndup(a, "hello world", 5), "hello");
	assert_string_equal(arena_strndup(a, "hello", 0), "");
	s = arena_strndup(a, "abc", 3);
	assert_int_equal(s[3], '\0');
	/* Not NUL-terminated input: exactly n bytes are read. */
	{
		char raw[4] = { 'w', 'x', 'y', 'z' };

		assert_string_equal(arena_strndup(a, raw, 4), "wxyz");
	}
	assert_string_equal(arena_printf(a, "%s-%d-%05.2f", "x", 42, 3.14159),
	    "x-42-03.14");
	s = arena_printf(a, "%0500d|%s", 7, "end");
	assert_int_equal(strlen(s), 504);
	for (i = 0; i < 499; i++)
		assert_int_equal(s[i], '0');
	assert_string_equal(s + 499, "7|end");

	long_s = malloc(100001);
	assert_non_null(long_s);
	memset(long_s, 'q', 100000);
	long_s[100000] = '\0';
	s = arena_printf(a, "<%s>", long_s);
	assert_int_equal(strlen(s), 100002);
	assert_int_equal(s[0], '<');
	assert_int_equal(s[100001], '>');
	assert_memory_equal(s + 1, long_s, 100000);
	s = arena_strdup(a, long_s);
	assert_string_equal(s, long_s);
	free(long_s);
}

static void
test_buf_basic(void **state)
{
	struct arena	*a = *state;
	struct buf	 b;

	buf_init(&b, a, 0);
	assert_int_equal(b.cap, 16);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.p, "");
	buf_puts(&b, "abc");
	buf_putc(&b, '-');
	buf_put(&b, "x\0y", 3);		/* embedded NUL is data */
	assert_int_equal(b.len, 7);
	assert_memory_equal(b.p, "abc-x\0y", 8);
	buf_put(&b, "", 0);
	assert_int_equal(b.len, 7);
	buf_printf(&b, "%d", 12345678);	/* 15 bytes: exactly fits cap 16 */
	assert_int_equal(b.len, 15);
	assert_int_equal(b.cap, 16);
	buf_putc(&b, '!');		/* must grow */
	assert_int_equal(b.len, 16);
	assert_true(b.cap >= 17);
	assert_memory_equal(b.p, "abc-x\0y12345678!", 17);
}

static void
test_buf_printf_growth(void **state)
{
	struct arena	*a = *state;
	struct buf	 b;
	char		 chunk[301], want[32];
	size_t		 i, expect;

	memset(chunk, 'L', 300);
	chunk[300] = '\0';
	buf_init(&b, a, 16);
	expect = 0;
	for (i = 0; i < 2000; i++) {
		buf_printf(&b, "[%zu:%s]", i, i % 10 == 0 ? chunk : "s");
		expect += (size_t)snprintf(NULL, 0, "[%zu:%s]", i,
		    i % 10 == 0 ? chunk : "s");
		if (b.len != expect || strlen(b.p) != expect)
			fail_msg("after %zu printfs len %zu strlen %zu want %zu",
			    i, b.len, strlen(b.p), expect);
		assert_true(b.cap > b.len);
	}
	/* Spot-check the content. */
	assert_memory_equal(b.p, "[0:LLL", 6);
	snprintf(want, sizeof(want), "L][1:s][2:s]");
	assert_non_null(strstr(b.p, want));
	assert_string_equal(b.p + b.len - 8, "[1999:s]");

	/* A single printf much longer than the buffer. */
	buf_init(&b, a, 16);
	buf_printf(&b, "%s%s%s", chunk, chunk, chunk);
	assert_int_equal(b.len, 900);
	assert_int_equal(strlen(b.p), 900);
	assert_int_equal(b.p[899], 'L');
	/* 1 MiB in one go, on top of existing content. */
	{
		char *huge = malloc(MIB + 1);

		assert_non_null(huge);
		memset(huge, 'H', MIB);
		huge[MIB] = '\0';
		buf_printf(&b, "%s.", huge);
		assert_int_equal(b.len, 900 + MIB + 1);
		assert_int_equal(b.p[900], 'H');
		assert_int_equal(b.p[900 + MIB], '.');
		assert_int_equal(b.p[900 + MIB + 1], '\0');
		free(huge);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_and_free),
		cmocka_unit_test_setup_teardown(test_many_small_allocations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alignment, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_allocation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reset_runs_defers_in_reverse, setup, teardown),
		cmocka_unit_test(test_free_runs_defers),
		cmocka_unit_test_setup_teardown(test_reset_frees_chunks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_calloc_zeroes_reused_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_realloc_copies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strdup_strndup_printf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_buf_basic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_buf_printf_growth, setup, teardown),
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
