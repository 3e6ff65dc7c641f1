/*
 * estate: the rules of the estate an operator sets up (sites). Pure.
 */
#ifndef TENANTRY_ESTATE_H
#define TENANTRY_ESTATE_H

/* An ISO 4217 code: three capital letters ("GBP"). 1 ok, 0 not. */
int	 estate_currency_ok(const char *);
/* The shape of an IANA time zone name ("Europe/London", "UTC",
 * "America/Argentina/Buenos_Aires"): letters, digits, '_', '-', '+'
 * in parts of 1-30 separated by single '/', at most 64 bytes, no "." or
 * "..". Whether the zone exists is the caller's to check. 1 ok, 0 not. */
int	 estate_timezone_ok(const char *);

#endif
