/*
 * fuzz.h: shared bits of the libFuzzer drivers in tests/fuzz/.
 *
 * Every driver owns one arena for the process and resets it after each
 * input, as the FastCGI loop does after each request, so the leak checker
 * sees every chunk given back. FUZZ_CHECK turns a broken property into a
 * crash that libFuzzer records.
 */
#ifndef TENANTRY_FUZZ_H
#define TENANTRY_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: property failed: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static inline struct arena *
fuzz_arena(void)
{
	static struct arena	*a;

	if (a == NULL)
		a = arena_new(64 * 1024);
	return a;
}

/* A malloc'd NUL-terminated copy of the input (the caller frees it). */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char	*s;

	s = malloc(size + 1);
	FUZZ_CHECK(s != NULL);
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
