/*
 * lookup: what the global search box understands, pure (no I/O). A query
 * is tried as each kind it can be: a phone number (any formatting), an IP
 * address, a MAC address (any separator or case, device.h), a floor-port
 * label (any text). And the scale of the start page's bar chart.
 */
#ifndef TENANTRY_LOOKUP_H
#define TENANTRY_LOOKUP_H

#include <stddef.h>
#include <stdint.h>

#define LOOKUP_PHONE_CAP	40	/* the digits of a number, "+", NUL */
#define LOOKUP_IP_CAP		46	/* INET6_ADDRSTRLEN */

/*
 * A phone number typed with any spacing and punctuation (spaces, dashes,
 * dots, parentheses) as the digits the stored numbers have once their
 * spaces are removed: "+44 20 7946 0101", "0044 20...", "020 7946 0101"
 * (a national 0 is the +44 of the demo's numbering) all give
 * "+442079460101"; digits without a prefix ("79460101") are kept as they
 * are and match the end of a number. 1 with out set, 0 when q is not a
 * phone number (a letter, fewer than 4 digits, or too long).
 */
int	 lookup_phone(const char *q, char *out, size_t cap);
/* 1 when q (blanks around ignored) is an IPv4 or IPv6 address, with its
 * canonical text form (as stored) in out; else 0. */
int	 lookup_ip(const char *q, char *out, size_t cap);
/* The text trimmed of blanks at both ends, into out; 0 when empty. */
int	 lookup_trim(const char *q, char *out, size_t cap);

/* The height, 0..h, of a bar of value v on a chart whose tallest bar is
 * max (h for v == max, 0 for v <= 0 or max <= 0), rounded to the nearest. */
int64_t	 lookup_bar_height(int64_t v, int64_t max, int64_t h);

#endif
