/*
 * estate: the rules of the estate an operator sets up (sites). Pure.
 */
#ifndef TENANTRY_ESTATE_H
#define TENANTRY_ESTATE_H

#include <stddef.h>
#include <stdint.h>

/* An ISO 4217 code: three capital letters ("GBP"). 1 ok, 0 not. */
int	 estate_currency_ok(const char *);
/* The shape of an IANA time zone name ("Europe/London", "UTC",
 * "America/Argentina/Buenos_Aires"): letters, digits, '_', '-', '+'
 * in parts of 1-30 separated by single '/', at most 64 bytes, no "." or
 * "..". Whether the zone exists is the caller's to check. 1 ok, 0 not. */
int	 estate_timezone_ok(const char *);

/* At most this many numbers in one range. */
#define ESTATE_RANGE_MAX	1000

/*
 * A range of phone numbers: from is E.164 ("+44 20 7946 0200": '+', then
 * 8-15 digits, the first not 0, spaces allowed between them); to is
 * either a whole E.164 number or its last digits ("0299"), which replace
 * the end of from. *first and *last are the numbers (digits as an
 * integer), at most ESTATE_RANGE_MAX of them, last >= first. 1 ok, or 0
 * with *why_from or *why_to (the field it belongs to) set.
 */
int	 estate_range(const char *from, const char *to, int64_t *first,
	    int64_t *last, const char **why_from, const char **why_to);
/* Number n written like pattern (the from as typed, its spaces kept):
 * "+44 20 7946 0200" and 442079460207 give "+44 20 7946 0207". */
void	 estate_format_like(const char *pattern, int64_t n, char *out,
	    size_t cap);

#endif
