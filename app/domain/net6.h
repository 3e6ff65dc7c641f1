/*
 * net6: the pure rules of IPv6 prefixes an operator delegates to its
 * occupiers (domain §3): a site's pool (a /32 to a /60) split into /56
 * or /64 prefixes, one per delegation, numbered 0.. within the pool. No
 * I/O, no allocation.
 */
#ifndef TENANTRY_NET6_H
#define TENANTRY_NET6_H

#include <stddef.h>
#include <stdint.h>

#define NET6_POOL_MIN	32	/* widest pool */
#define NET6_POOL_MAX	60	/* narrowest pool */
/* "xxxx:...:xxxx/128" and its NUL. */
#define NET6_STRLEN	(46 + 4)

struct net6 {
	uint8_t	 addr[16];	/* network address, host bits zero */
	int	 len;		/* prefix length 0..128 */
};

/*
 * An IPv6 pool in CIDR ("2001:db8:100::/48"): a valid address, a length
 * from NET6_POOL_MIN to NET6_POOL_MAX, no host bits set. 1 ok, 0 with
 * *why set (a sentence for the form).
 */
int	 net6_pool_parse(const char *s, struct net6 *p, const char **why);
/* A delegation size for pool p: 56 or 64, longer than p's. 1 ok, 0 with
 * *why set. */
int	 net6_delegation_ok(const struct net6 *p, int dlen, const char **why);
/* How many /dlen prefixes p holds (dlen > p->len, dlen - p->len <= 32). */
uint64_t net6_count(const struct net6 *p, int dlen);
/* The i-th /dlen prefix of p (i < net6_count). */
struct net6 net6_nth(const struct net6 *p, int dlen, uint64_t i);
/* 1 when a and b share an address, else 0. */
int	 net6_overlap(const struct net6 *a, const struct net6 *b);
/* "2001:db8:100::/48" (RFC 5952, as inet_ntop writes it) into out. */
void	 net6_format(const struct net6 *p, char *out, size_t cap);

#endif
