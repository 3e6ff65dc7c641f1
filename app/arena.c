/*
 * arena: bump allocator made of chunks; see arena.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ALIGN		16
#define DEFER_MAX	64

struct chunk {
	struct chunk	*next;
	size_t		 cap;
	size_t		 used;
	size_t		 pad;		/* keeps data 16-byte aligned */
	unsigned char	 data[];
};
_Static_assert(offsetof(struct chunk, data) % ALIGN == 0,
    "arena chunk data must be ALIGN-aligned");

struct defer {
	void	(*fn)(void *);
	void	*p;
};

struct arena {
	struct chunk	*head;		/* current chunk, first in list */
	struct chunk	*first;		/* kept across resets */
	size_t		 chunk;
	size_t		 total;
	struct defer	 defers[DEFER_MAX];
	size_t		 ndefers;
};

static void
oom(void)
{
	fputs("tenantry: out of memory\n", stderr);
	abort();
}

static struct chunk *
chunk_new(size_t cap)
{
	struct chunk	*c;

	if (cap > SIZE_MAX - sizeof(*c))
		oom();
	if ((c = malloc(sizeof(*c) + cap)) == NULL)
		oom();
	c->next = NULL;
	c->cap = cap;
	c->used = 0;
	return c;
}

struct arena *
arena_new(size_t chunk)
{
	struct arena	*a;

	if ((a = calloc(1, sizeof(*a))) == NULL)
		oom();
	a->chunk = chunk < 1024 ? 1024 : chunk;
	a->first = a->head = chunk_new(a->chunk);
	return a;
}

void *
arena_alloc(struct arena *a, size_t sz)
{
	struct chunk	*c;
	size_t		 off;

	if (sz == 0)
		sz = 1;
	if (sz > SIZE_MAX - ALIGN)
		oom();
	c = a->head;
	off = (c->used + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (off > c->cap || c->cap - off < sz) {
		/* Large requests get a chunk of their own. */
		c = chunk_new(sz > a->chunk / 4 ? sz : a->chunk);
		if (sz > a->chunk / 4 && a->head != NULL) {
			c->next = a->head->next;
			a->head->next = c;
			c->used = sz;
			a->total += sz;
			return c->data;
		}
		c->next = a->head;
		a->head = c;
		off = 0;
	}
	c->used = off + sz;
	a->total += sz;
	return c->data + off;
}

void *
arena_calloc(struct arena *a, size_t n, size_t sz)
{
	void	*p;

	if (sz != 0 && n > SIZE_MAX / sz)
		oom();
	p = arena_alloc(a, n * sz);
	memset(p, 0, n * sz);
	return p;
}

void *
arena_realloc(struct arena *a, void *old, size_t oldsz, size_t newsz)
{
	void	*p;

	if (newsz <= oldsz)
		return old;
	p = arena_alloc(a, newsz);
	if (old != NULL && oldsz > 0)
		memcpy(p, old, oldsz);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	if (n == SIZE_MAX)
		oom();
	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	struct buf	 b;
	va_list		 ap;

	buf_init(&b, a, 64);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return b.p;
}

void
arena_defer(struct arena *a, void (*fn)(void *), void *p)
{
	if (a->ndefers == DEFER_MAX) {
		fputs("tenantry: arena defer table full\n", stderr);
		abort();
	}
	a->defers[a->ndefers].fn = fn;
	a->defers[a->ndefers].p = p;
	a->ndefers++;
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}

void
arena_reset(struct arena *a)
{
	struct chunk	*c, *next;

	while (a->ndefers > 0) {
		a->ndefers--;
		a->defers[a->ndefers].fn(a->defers[a->ndefers].p);
	}
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		if (c != a->first)
			free(c);
	}
	a->head = a->first;
	a->first->next = NULL;
	a->first->used = 0;
	a->total = 0;
}

void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	arena_reset(a);
	free(a->first);
	free(a);
}

void
buf_init(struct buf *b, struct arena *a, size_t cap)
{
	b->a = a;
	b->cap = cap < 16 ? 16 : cap;
	b->p = arena_alloc(a, b->cap);
	b->len = 0;
	b->p[0] = '\0';
}

static void
buf_reserve(struct buf *b, size_t more)
{
	size_t	 ncap;

	if (more >= SIZE_MAX / 2 - b->len)
		oom();
	if (b->len + more + 1 <= b->cap)
		return;
	ncap = b->cap * 2;
	while (ncap < b->len + more + 1)
		ncap *= 2;
	b->p = arena_realloc(b->a, b->p, b->len + 1, ncap);
	b->cap = ncap;
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 cp;
	int	 n;

	va_copy(cp, ap);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		buf_reserve(b, (size_t)n);
		n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		if (n < 0)
			return;
	}
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}
