/*
 * device: see device.h.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "device.h"

const char *const device_type_keys[DEVICE_TYPE__MAX] = {
	"wifi_device",			/* DEVICE_WIFI_DEVICE */
	"wifi_account",			/* DEVICE_WIFI_ACCOUNT */
};

const char *const device_type_labels[DEVICE_TYPE__MAX] = {
	"Wi-Fi device",			/* DEVICE_WIFI_DEVICE */
	"Wi-Fi account",		/* DEVICE_WIFI_ACCOUNT */
};

enum device_type
device_type_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < DEVICE_TYPE__MAX; i++)
		if (strcmp(s, device_type_keys[i]) == 0)
			return (enum device_type)i;
	return DEVICE_TYPE__MAX;
}

enum infra
device_type_infra(enum device_type t)
{
	return t == DEVICE_WIFI_ACCOUNT ? INFRA_WIFI_ACCOUNTS :
	    INFRA_WIFI_DEVICES;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * The 12 hex digits of s[0..n) written in one of the accepted layouts:
 * groups of `group` digits separated by sep (sep 0: no separator).
 * 0 ok, -1 not this layout.
 */
static int
mac_layout(const char *s, size_t n, size_t group, char sep, int nib[12])
{
	size_t	 i, k = 0, run = 0;

	for (i = 0; i < n; i++) {
		if (sep != 0 && s[i] == sep) {
			if (run != group || k == 12)
				return -1;
			run = 0;
			continue;
		}
		if (k == 12 || (nib[k] = hexval(s[i])) < 0)
			return -1;
		k++;
		if (++run > group)
			return -1;
	}
	return k == 12 && run == group ? 0 : -1;
}

const char *
device_mac_parse(const char *s, char *out, size_t cap)
{
	static const char	 hex[] = "0123456789abcdef";
	int			 nib[12], i, zero = 1;
	size_t			 a, b, k;

	if (out != NULL && cap > 0)
		out[0] = '\0';
	if (s == NULL)
		return "is required";
	for (a = 0; s[a] != '\0' && is_blank(s[a]); a++)
		continue;
	for (b = strlen(s); b > a && is_blank(s[b - 1]); b--)
		continue;
	if (a == b)
		return "is required";
	if (mac_layout(s + a, b - a, 2, ':', nib) == -1 &&
	    mac_layout(s + a, b - a, 2, '-', nib) == -1 &&
	    mac_layout(s + a, b - a, 4, '.', nib) == -1 &&
	    mac_layout(s + a, b - a, 12, 0, nib) == -1)
		return "must be six pairs of hexadecimal digits, such as "
		    "3c:22:fb:12:34:56";
	for (i = 0; i < 12; i++)
		if (nib[i] != 0)
			zero = 0;
	if (zero)
		return "cannot be all zeros (00:00:00:00:00:00)";
	/* The group bit: multicast, and broadcast ff:ff:ff:ff:ff:ff. */
	if (nib[1] & 1)
		return "is a multicast or broadcast address: give the "
		    "device's own address";
	if (out == NULL || cap < DEVICE_MAC_STRLEN)
		return "cannot be stored";
	for (i = 0, k = 0; i < 12; i++) {
		out[k++] = hex[nib[i]];
		if (i % 2 == 1 && i < 11)
			out[k++] = ':';
	}
	out[k] = '\0';
	return NULL;
}

const char *
device_account_check(const char *s)
{
	size_t	 n, i;

	if (s == NULL || *s == '\0')
		return "is required";
	n = strlen(s);
	if (n < DEVICE_ACCOUNT_MIN)
		return "must be at least 3 characters";
	if (n > DEVICE_ACCOUNT_MAX)
		return "must be at most 64 characters";
	for (i = 0; i < n; i++) {
		char c = s[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		    c == '@' || c == '-')
			continue;
		return "may contain only letters A-Z and a-z, digits and "
		    ". _ @ -";
	}
	return NULL;
}

int
device_ipv4_parse(const char *s, uint32_t *out)
{
	uint32_t	 a = 0, v;
	int		 part, nd;

	if (s == NULL)
		return -1;
	for (part = 0; part < 4; part++) {
		if (part > 0 && *s++ != '.')
			return -1;
		if (*s < '0' || *s > '9')
			return -1;
		if (*s == '0' && s[1] >= '0' && s[1] <= '9')
			return -1;	/* leading zero: octal in some tools */
		for (v = 0, nd = 0; *s >= '0' && *s <= '9'; s++) {
			if (++nd > 3)
				return -1;
			v = v * 10 + (uint32_t)(*s - '0');
		}
		if (v > 255)
			return -1;
		a = a << 8 | v;
	}
	if (*s != '\0')
		return -1;
	*out = a;
	return 0;
}

void
device_ipv4_format(uint32_t a, char *buf, size_t cap)
{
	if (buf == NULL || cap == 0)
		return;
	snprintf(buf, cap, "%u.%u.%u.%u", (unsigned)(a >> 24),
	    (unsigned)(a >> 16 & 0xff), (unsigned)(a >> 8 & 0xff),
	    (unsigned)(a & 0xff));
}

int
device_ipv4_block(const char *cidr, uint32_t *first, uint32_t *count)
{
	char		 ip[DEVICE_IPV4_STRLEN];
	const char	*slash, *p;
	uint32_t	 net, mask, size;
	int		 prefix = 0, nd = 0;
	size_t		 n;

	if (cidr == NULL || (slash = strchr(cidr, '/')) == NULL)
		return -1;
	if ((n = (size_t)(slash - cidr)) >= sizeof(ip))
		return -1;
	memcpy(ip, cidr, n);
	ip[n] = '\0';
	if (device_ipv4_parse(ip, &net) == -1)
		return -1;
	for (p = slash + 1; *p >= '0' && *p <= '9'; p++) {
		if (++nd > 2)
			return -1;
		prefix = prefix * 10 + (*p - '0');
	}
	if (nd == 0 || *p != '\0' || (nd == 2 && slash[1] == '0'))
		return -1;
	if (prefix < 8 || prefix > 30)
		return -1;
	size = (uint32_t)1 << (32 - prefix);
	mask = ~(size - 1);
	if ((net & mask) != net)
		return -1;	/* not the network address of the block */
	/* network, gateway, ..., broadcast */
	*first = net + 2;
	*count = size - 3;
	return 0;
}

/* Per type: the plural label is infra_names[t]; what to add; the noun. */
static const struct {
	const char	*add;
	const char	*one;
	const char	*many;
} alloc_words[INFRA__MAX] = {
	/* INFRA_SWITCH_PORTS */
	{ "add a service with switch ports", "port", "ports" },
	/* INFRA_PHONE_EXT */
	{ "add a Voice line", "number", "numbers" },
	/* INFRA_PUBLIC_IP */
	{ "add a Public IP service", "address", "addresses" },
	/* INFRA_WIFI_DEVICES */
	{ "add a Wi-Fi devices pack", "device", "devices" },
	/* INFRA_WIFI_ACCOUNTS */
	{ "add Wi-Fi Secure accounts", "account", "accounts" },
};

static const char *const step_words[DEVICE_STEP__MAX] = {
	"activating",			/* DEVICE_ACTIVATING */
	"assigning",			/* DEVICE_ASSIGNING */
};

int
device_alloc_check(enum infra t, enum device_step step, int64_t used,
    int64_t allocated, int64_t k, char *msg, size_t cap)
{
	int64_t	 room;

	if (msg != NULL && cap > 0)
		msg[0] = '\0';
	if (k < 1)
		return 1;
	if ((unsigned)t >= INFRA__MAX)
		t = INFRA_SWITCH_PORTS;
	if ((unsigned)step >= DEVICE_STEP__MAX)
		step = DEVICE_ACTIVATING;
	/* used + k <= allocated, without overflow. */
	if (used <= allocated && k <= allocated - used)
		return 1;
	if (msg == NULL || cap == 0)
		return 0;
	if (k == 1)
		snprintf(msg, cap, "%s %" PRId64 "/%" PRId64 ": %s before %s "
		    "another %s", infra_names[t], used, allocated,
		    alloc_words[t].add, step_words[step], alloc_words[t].one);
	else if ((room = allocated > used ? allocated - used : 0) == 0)
		snprintf(msg, cap, "%s %" PRId64 "/%" PRId64 ": %s before %s "
		    "%" PRId64 " more %s", infra_names[t], used, allocated,
		    alloc_words[t].add, step_words[step], k, alloc_words[t].many);
	else
		snprintf(msg, cap, "%s %" PRId64 "/%" PRId64 ": %s before %s "
		    "%" PRId64 " more %s (%" PRId64 " more %s)", infra_names[t],
		    used, allocated, alloc_words[t].add, step_words[step], k,
		    alloc_words[t].many, room, room == 1 ? "fits" : "fit");
	return 0;
}
