/*
 * keyset: what a page paged by key shows of the rows it fetched.
 */
#include "pages.h"

size_t
page_keyset(void *rows, size_t got, size_t size, size_t per, int have_key,
    int before, int *prev, int *next)
{
	unsigned char	*a, *b, t;
	size_t		 n = got > per ? per : got, i, k;

	*prev = before ? got > per : have_key;
	*next = before ? 1 : got > per;
	if (!before)
		return n;
	/* Fetched nearest first: back to the list's order. */
	for (i = 0; i < n / 2; i++) {
		a = (unsigned char *)rows + i * size;
		b = (unsigned char *)rows + (n - 1 - i) * size;
		for (k = 0; k < size; k++) {
			t = a[k];
			a[k] = b[k];
			b[k] = t;
		}
	}
	return n;
}
