/*
 * arena: the per-request allocator.
 *
 * Everything a request allocates comes from one arena, released in one
 * place (arena_reset at the bottom of the FastCGI loop). Allocation never
 * returns NULL: running out of memory aborts the worker, which the master
 * replaces. Cleanups registered with arena_defer run at reset, in reverse
 * order (used for ctemplate dictionaries, which own C++ memory).
 */
#ifndef TENANTRY_ARENA_H
#define TENANTRY_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct arena	*arena_new(size_t chunk);
void		 arena_free(struct arena *);
void		 arena_reset(struct arena *);
void		*arena_alloc(struct arena *, size_t);
void		*arena_calloc(struct arena *, size_t n, size_t size);
void		*arena_realloc(struct arena *, void *p, size_t oldsz, size_t newsz);
char		*arena_strdup(struct arena *, const char *);
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_printf(struct arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 arena_defer(struct arena *, void (*)(void *), void *);
size_t		 arena_used(const struct arena *);

/* A growable byte buffer living in an arena; always NUL-terminated. */
struct buf {
	struct arena	*a;
	char		*p;
	size_t		 len;
	size_t		 cap;
};

void	buf_init(struct buf *, struct arena *, size_t cap);
void	buf_put(struct buf *, const void *, size_t);
void	buf_puts(struct buf *, const char *);
void	buf_putc(struct buf *, char);
void	buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	buf_vprintf(struct buf *, const char *, va_list);

#endif
