/*
 * network: the pure rules of an operator's network estate (domain §3):
 * floor-port label patterns ("CW-3-{01..48}") expanded onto a range of
 * switch ports, and public IPv4 pools given in CIDR, split into the
 * blocks the catalog sells. No I/O, no allocation.
 */
#ifndef TENANTRY_NETWORK_H
#define TENANTRY_NETWORK_H

#include <stddef.h>
#include <stdint.h>

/* At most this many floor ports in one range. */
#define NET_RANGE_MAX	256
/* Longest floor-port label (floor_port.label). */
#define NET_LABEL_MAX	32
/* Highest switch port number. */
#define NET_PORT_MAX	9999

/*
 * A label pattern: a fixed prefix, one {lo..hi} group, a fixed suffix
 * ("CW-3-{01..48}"). When lo is written with a leading zero ("01") every
 * label is zero-padded to its width ("CW-3-01" .. "CW-3-48").
 */
struct net_pattern {
	char	 prefix[NET_LABEL_MAX + 1];
	char	 suffix[NET_LABEL_MAX + 1];
	int	 lo, hi;
	int	 width;		/* digits to pad to, 0: none */
};

/* Parse s into *p: 1 ok, 0 with *why set (a sentence for the form). */
int	 net_pattern_parse(const char *s, struct net_pattern *p,
	    const char **why);
/* Number of labels p expands to. */
int	 net_pattern_count(const struct net_pattern *p);
/* Label i (0-based) of p into out. */
void	 net_pattern_label(const struct net_pattern *p, int i, char *out,
	    size_t cap);

/* A switch port range "1-48", "1..48" or one port "7": 1 ok, 0 with *why. */
int	 net_port_range(const char *s, int *first, int *last,
	    const char **why);

/*
 * The whole bulk add: pattern and ports parsed, and as many labels as
 * ports (the first label on the first port). 1 ok, or 0 with
 * *why_pattern or *why_ports (the field it belongs to) set.
 */
int	 net_ports_plan(const char *pattern, const char *ports,
	    struct net_pattern *p, int *first_port, const char **why_pattern,
	    const char **why_ports);

/* A floor-port label: 1-32 letters, digits and - _ . / : 1 ok, 0 not. */
int	 net_label_ok(const char *s);
/* A switch name: 1-64 bytes, the characters of a label. 1 ok, 0 not. */
int	 net_switch_name_ok(const char *s);

/* One record of a floor ports CSV: label, switch, port, role, space. */
struct net_port_row {
	const char	*label, *sw;
	int		 port;
	const char	*role;		/* a port_role key; "" given: "disabled" */
	const char	*space;		/* "": none */
};
/* Fields f[0..n) of a record (4 or 5 of them) into *row (pointing into
 * f): 1 ok, 0 with *why set. */
int	 net_port_row(char *const *f, int n, struct net_port_row *row,
	    const char **why);

/* Index of the first string of v[0..n) equal to an earlier one, or -1. */
long	 net_first_duplicate(const char *const *v, size_t n);

/* Blocks the catalog sells: a /29 gives 5 usable addresses (network,
 * gateway and broadcast excluded). */
#define NET_SELL_PREFIX		29
/* Widest pool one add takes: a /22 (128 blocks, 640 addresses). */
#define NET_POOL_PREFIX_MIN	22

struct net_cidr {
	uint32_t	 net;		/* network address */
	int		 prefix;	/* 0..32 */
};

/*
 * An IPv4 pool in CIDR ("203.0.113.0/24"): a network address (no host
 * bits set), prefix from NET_POOL_PREFIX_MIN to NET_SELL_PREFIX. 1 ok, 0
 * with *why set.
 */
int	 net_cidr_parse(const char *s, struct net_cidr *c, const char **why);
/* Last address of c. */
uint32_t net_cidr_last(const struct net_cidr *c);
/* 1 when a and b share an address, else 0. */
int	 net_cidr_overlap(const struct net_cidr *a, const struct net_cidr *b);
/* How many /prefix blocks c splits into (0 when prefix < c's). */
size_t	 net_cidr_nblocks(const struct net_cidr *c, int prefix);
/* Block i of c at /prefix. */
struct net_cidr net_cidr_block(const struct net_cidr *c, int prefix,
	    size_t i);
/* "a.b.c.d/p" into out. */
void	 net_cidr_format(const struct net_cidr *c, char *out, size_t cap);

#endif
