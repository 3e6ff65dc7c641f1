/*
 * network: label patterns, port ranges and IPv4 pools (network.h).
 */
#include <stdio.h>
#include <string.h>

#include "device.h"
#include "port.h"
#include "network.h"

static int
labelchar(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	    c == '/';
}

/* Digits of s (at most 4) into *v, *nd how many; the end. NULL: none. */
static const char *
number(const char *s, int *v, int *nd)
{
	*v = 0;
	for (*nd = 0; *s >= '0' && *s <= '9'; s++) {
		if (++*nd > 4)
			return NULL;
		*v = *v * 10 + (*s - '0');
	}
	return *nd == 0 ? NULL : s;
}

/* Copy [s, e) of label characters into out (cap NET_LABEL_MAX + 1). */
static int
fixed(const char *s, const char *e, char *out)
{
	size_t	 n = (size_t)(e - s), i;

	if (n > NET_LABEL_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (!labelchar(s[i]))
			return 0;
	memcpy(out, s, n);
	out[n] = '\0';
	return 1;
}

static const char PAT_SHAPE[] = "Pattern must be a label with one "
    "{first..last} group, such as CW-3-{01..48}";

int
net_pattern_parse(const char *s, struct net_pattern *p, const char **why)
{
	const char	*open, *close, *q;
	int		 nlo, nhi;
	char		 buf[3 * NET_LABEL_MAX];

	memset(p, 0, sizeof(*p));
	*why = PAT_SHAPE;
	if (s == NULL || (open = strchr(s, '{')) == NULL ||
	    (close = strchr(open, '}')) == NULL || strchr(close, '{') != NULL ||
	    strchr(close + 1, '}') != NULL)
		return 0;
	if (!fixed(s, open, p->prefix) || !fixed(close + 1, close +
	    strlen(close), p->suffix))
		return (*why = "Labels may hold letters, digits and - _ . / "
		    "only"), 0;
	if ((q = number(open + 1, &p->lo, &nlo)) == NULL || strncmp(q, "..",
	    2) != 0 || (q = number(q + 2, &p->hi, &nhi)) == NULL || q != close)
		return 0;
	if (p->hi < p->lo)
		return (*why = "The last number of the pattern must not come "
		    "before the first"), 0;
	if (p->hi - p->lo + 1 > NET_RANGE_MAX)
		return (*why = "A pattern gives at most 256 labels"), 0;
	if (open[1] == '0' && nlo > 1)
		p->width = nlo;
	net_pattern_label(p, p->hi - p->lo, buf, sizeof(buf));
	if (strlen(buf) > NET_LABEL_MAX)
		return (*why = "Labels must be at most 32 characters"), 0;
	*why = NULL;
	return 1;
}

int
net_pattern_count(const struct net_pattern *p)
{
	return p->hi - p->lo + 1;
}

void
net_pattern_label(const struct net_pattern *p, int i, char *out, size_t cap)
{
	snprintf(out, cap, "%s%0*d%s", p->prefix, p->width, p->lo + i,
	    p->suffix);
}

int
net_port_range(const char *s, int *first, int *last, const char **why)
{
	const char	*q;
	int		 nd;

	*why = "Switch ports must be a range such as 1-48";
	if (s == NULL || (q = number(s, first, &nd)) == NULL)
		return 0;
	if (*q == '\0')
		*last = *first;
	else if ((*q == '-' && (q = number(q + 1, last, &nd)) == NULL) ||
	    (*q == '.' && (q[1] != '.' || (q = number(q + 2, last, &nd)) ==
	    NULL)) || (*q != '\0'))
		return 0;
	if (*first < 1 || *last > NET_PORT_MAX)
		return (*why = "Switch ports are numbered from 1 to 9999"), 0;
	if (*last < *first)
		return (*why = "The last switch port must not come before the "
		    "first"), 0;
	*why = NULL;
	return 1;
}

int
net_ports_plan(const char *pattern, const char *ports, struct net_pattern *p,
    int *first_port, const char **why_pattern, const char **why_ports)
{
	int	 last, ok = 1;

	*why_pattern = *why_ports = NULL;
	if (!net_pattern_parse(pattern, p, why_pattern))
		ok = 0;
	if (!net_port_range(ports, first_port, &last, why_ports))
		ok = 0;
	if (ok && last - *first_port + 1 != net_pattern_count(p)) {
		*why_ports = "The pattern and the switch ports must count the "
		    "same number of ports";
		ok = 0;
	}
	return ok;
}

static int
chars_ok(const char *s, size_t max)
{
	size_t	 n;

	if (s == NULL || (n = strlen(s)) == 0 || n > max)
		return 0;
	for (; *s != '\0'; s++)
		if (!labelchar(*s))
			return 0;
	return 1;
}

int
net_label_ok(const char *s)
{
	return chars_ok(s, NET_LABEL_MAX);
}

int
net_switch_name_ok(const char *s)
{
	return chars_ok(s, 64);
}

int
net_port_row(char *const *f, int n, struct net_port_row *row,
    const char **why)
{
	int	 last;

	memset(row, 0, sizeof(*row));
	if (n != 4 && n != 5)
		return (*why = "A row must have 5 fields: label, switch, port, "
		    "role, space"), 0;
	row->label = f[0];
	row->sw = f[1];
	row->role = *f[3] == '\0' ? "disabled" : f[3];
	row->space = n == 5 ? f[4] : "";
	if (!net_label_ok(row->label))
		return (*why = "Label must be 1 to 32 letters, digits and "
		    "- _ . /"), 0;
	if (!net_switch_name_ok(row->sw))
		return (*why = "Switch must be the name of a switch"), 0;
	if (!net_port_range(f[2], &row->port, &last, why) ||
	    last != row->port)
		return (*why = "Port must be a switch port number from 1 to "
		    "9999"), 0;
	if (port_role_parse(row->role) == PORT_ROLE__MAX)
		return (*why = "Role must be one of occupier_lan, public_ip, "
		    "voice, wifi_ap, operator, disabled"), 0;
	*why = NULL;
	return 1;
}

long
net_first_duplicate(const char *const *v, size_t n)
{
	size_t	 i, j;

	for (i = 1; i < n; i++)
		for (j = 0; j < i; j++)
			if (strcmp(v[i], v[j]) == 0)
				return (long)i;
	return -1;
}

static const char CIDR_SHAPE[] = "Block must be an IPv4 block in CIDR "
    "form, such as 203.0.113.0/24";

int
net_cidr_parse(const char *s, struct net_cidr *c, const char **why)
{
	const char	*slash;
	char		 ip[16];
	int		 nd;

	*why = CIDR_SHAPE;
	memset(c, 0, sizeof(*c));
	if (s == NULL || (slash = strchr(s, '/')) == NULL ||
	    (size_t)(slash - s) >= sizeof(ip))
		return 0;
	memcpy(ip, s, (size_t)(slash - s));
	ip[slash - s] = '\0';
	if (device_ipv4_parse(ip, &c->net) == -1 || number(slash + 1,
	    &c->prefix, &nd) == NULL || slash[1 + nd] != '\0' || nd > 2 ||
	    (nd == 2 && slash[1] == '0') || c->prefix > 32)
		return 0;
	if (c->prefix < NET_POOL_PREFIX_MIN || c->prefix > NET_SELL_PREFIX)
		return (*why = "Block must be from a /22 to a /29"), 0;
	if ((c->net & (((uint32_t)1 << (32 - c->prefix)) - 1)) != 0)
		return (*why = "Block must start at its network address "
		    "(no host bits set)"), 0;
	*why = NULL;
	return 1;
}

uint32_t
net_cidr_last(const struct net_cidr *c)
{
	if (c->prefix <= 0)
		return 0xffffffffu;
	return c->net | (uint32_t)(((uint64_t)1 << (32 - c->prefix)) - 1);
}

int
net_cidr_overlap(const struct net_cidr *a, const struct net_cidr *b)
{
	return a->net <= net_cidr_last(b) && b->net <= net_cidr_last(a);
}

size_t
net_cidr_nblocks(const struct net_cidr *c, int prefix)
{
	if (prefix < c->prefix || prefix > 32)
		return 0;
	return (size_t)1 << (prefix - c->prefix);
}

struct net_cidr
net_cidr_block(const struct net_cidr *c, int prefix, size_t i)
{
	struct net_cidr	 b;

	b.prefix = prefix;
	b.net = c->net + (uint32_t)(i << (32 - prefix));
	return b;
}

void
net_cidr_format(const struct net_cidr *c, char *out, size_t cap)
{
	char	 ip[16];

	device_ipv4_format(c->net, ip, sizeof(ip));
	snprintf(out, cap, "%s/%d", ip, c->prefix);
}
