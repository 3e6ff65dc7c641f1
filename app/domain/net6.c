/*
 * net6: see net6.h.
 */
#include <sys/socket.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "net6.h"

/* Bit i (0: the most significant) of a. */
static int
bit(const uint8_t *a, int i)
{
	return (a[i / 8] >> (7 - i % 8)) & 1;
}

static int
length_of(const char *s, int *len)
{
	int	 n = 0, d = 0;

	for (; *s >= '0' && *s <= '9' && d < 4; s++, d++)
		n = n * 10 + (*s - '0');
	if (d == 0 || *s != '\0')
		return 0;
	*len = n;
	return 1;
}

int
net6_pool_parse(const char *s, struct net6 *p, const char **why)
{
	char		 a[INET6_ADDRSTRLEN];
	const char	*slash;
	size_t		 n;
	int		 i;

	memset(p, 0, sizeof(*p));
	if (s == NULL || (slash = strchr(s, '/')) == NULL ||
	    (n = (size_t)(slash - s)) == 0 || n >= sizeof(a)) {
		*why = "Enter an IPv6 prefix in CIDR form, e.g. 2001:db8:100::/48";
		return 0;
	}
	memcpy(a, s, n);
	a[n] = '\0';
	if (inet_pton(AF_INET6, a, p->addr) != 1 ||
	    !length_of(slash + 1, &p->len)) {
		*why = "Enter an IPv6 prefix in CIDR form, e.g. 2001:db8:100::/48";
		return 0;
	}
	if (p->len < NET6_POOL_MIN || p->len > NET6_POOL_MAX) {
		*why = "A pool is a /32 to a /60";
		return 0;
	}
	for (i = p->len; i < 128; i++)
		if (bit(p->addr, i)) {
			*why = "Host bits are set: give the first address of "
			    "the prefix";
			return 0;
		}
	return 1;
}

int
net6_delegation_ok(const struct net6 *p, int dlen, const char **why)
{
	if (dlen != 56 && dlen != 64) {
		*why = "Delegate /56 or /64 prefixes";
		return 0;
	}
	if (dlen <= p->len || dlen - p->len > 32) {
		*why = "The delegated prefixes must be longer than the pool";
		return 0;
	}
	return 1;
}

uint64_t
net6_count(const struct net6 *p, int dlen)
{
	if (dlen <= p->len || dlen - p->len > 32)
		return 0;
	return (uint64_t)1 << (dlen - p->len);
}

struct net6
net6_nth(const struct net6 *p, int dlen, uint64_t i)
{
	struct net6	 r = *p;
	int		 b;

	r.len = dlen;
	/* Bits p->len .. dlen-1 hold i, the last of them its lowest bit. */
	for (b = dlen - 1; b >= p->len; b--, i >>= 1)
		if (i & 1)
			r.addr[b / 8] |= (uint8_t)(1u << (7 - b % 8));
	return r;
}

int
net6_overlap(const struct net6 *a, const struct net6 *b)
{
	int	 n = a->len < b->len ? a->len : b->len, i;

	/* Two prefixes share an address when one holds the other. */
	for (i = 0; i < n; i++)
		if (bit(a->addr, i) != bit(b->addr, i))
			return 0;
	return 1;
}

void
net6_format(const struct net6 *p, char *out, size_t cap)
{
	char	 a[INET6_ADDRSTRLEN];

	if (inet_ntop(AF_INET6, p->addr, a, sizeof(a)) == NULL)
		a[0] = '\0';
	snprintf(out, cap, "%s/%d", a, p->len);
}
