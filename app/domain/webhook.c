/*
 * webhook: see webhook.h.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <strings.h>
#include <string.h>

#include <sodium.h>

#include "webhook.h"

const char *const wh_event_names[WH_EVENT__MAX + 1] = {
	"occupier.created",	/* WH_OCCUPIER_CREATED */
	"occupier.changed",	/* WH_OCCUPIER_CHANGED */
	"contract.created",	/* WH_CONTRACT_CREATED */
	"contract.changed",	/* WH_CONTRACT_CHANGED */
	"service_plan.changed",	/* WH_SERVICE_PLAN_CHANGED */
	"number.changed",	/* WH_NUMBER_CHANGED */
	"device.created",	/* WH_DEVICE_CREATED */
	"device.changed",	/* WH_DEVICE_CHANGED */
	"case.created",		/* WH_CASE_CREATED */
	"case.changed",		/* WH_CASE_CHANGED */
	"invoice.created",	/* WH_INVOICE_CREATED */
	"ipv6_delegation.created",	/* WH_IPV6_DELEGATED */
	"ipv6_delegation.released",	/* WH_IPV6_RELEASED */
	NULL,
};

const char *const wh_event_labels[WH_EVENT__MAX] = {
	"An occupier is created",		/* WH_OCCUPIER_CREATED */
	"An occupier's details change",		/* WH_OCCUPIER_CHANGED */
	"A contract is created",		/* WH_CONTRACT_CREATED */
	"A contract changes",			/* WH_CONTRACT_CHANGED */
	"A services plan is saved",		/* WH_SERVICE_PLAN_CHANGED */
	"A phone number is allocated or changes",/* WH_NUMBER_CHANGED */
	"A device is registered",		/* WH_DEVICE_CREATED */
	"A device changes",			/* WH_DEVICE_CHANGED */
	"A case is raised",			/* WH_CASE_CREATED */
	"A case changes (comment, status, triage)",/* WH_CASE_CHANGED */
	"An invoice is issued",			/* WH_INVOICE_CREATED */
	"An IPv6 prefix is delegated to an occupier",/* WH_IPV6_DELEGATED */
	"An occupier's IPv6 prefix is released",/* WH_IPV6_RELEASED */
};

/* a within prefix/len (IPv4 as a 32-bit number). */
static int
in4(uint32_t a, uint32_t net, int len)
{
	uint32_t mask = len == 0 ? 0 : 0xffffffffu << (32 - len);

	return (a & mask) == (net & mask);
}

enum wh_addr
wh_addr_v4(const unsigned char b[4])
{
	uint32_t a = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];

	if (in4(a, 0x7f000000u, 8))
		return WH_ADDR_LOOPBACK;
	if (in4(a, 0x0a000000u, 8) || in4(a, 0xac100000u, 12) ||
	    in4(a, 0xc0a80000u, 16))
		return WH_ADDR_PRIVATE;
	if (in4(a, 0xa9fe0000u, 16))
		return WH_ADDR_LINK_LOCAL;
	if (in4(a, 0x64400000u, 10))
		return WH_ADDR_CGNAT;
	if (in4(a, 0x00000000u, 8) ||	/* "this network" */
	    in4(a, 0xc0000000u, 24) ||	/* IETF protocol assignments */
	    in4(a, 0xc0000200u, 24) ||	/* TEST-NET-1 */
	    in4(a, 0xc6336400u, 24) ||	/* TEST-NET-2 */
	    in4(a, 0xcb007100u, 24) ||	/* TEST-NET-3 */
	    in4(a, 0xc6120000u, 15) ||	/* benchmarking */
	    in4(a, 0xc0586300u, 24) ||	/* 6to4 relay anycast */
	    in4(a, 0xe0000000u, 4) ||	/* multicast */
	    in4(a, 0xf0000000u, 4))	/* reserved, broadcast */
		return WH_ADDR_RESERVED;
	return WH_ADDR_PUBLIC;
}

static int
zero(const unsigned char *p, size_t n)
{
	while (n-- > 0)
		if (*p++ != 0)
			return 0;
	return 1;
}

enum wh_addr
wh_addr_v6(const unsigned char a[16])
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0xff, 0xff };
	static const unsigned char nat64[12] = { 0, 0x64, 0xff, 0x9b };

	if (zero(a, 15) && a[15] == 1)
		return WH_ADDR_LOOPBACK;
	if (zero(a, 16))
		return WH_ADDR_RESERVED;
	if (memcmp(a, mapped, 12) == 0 || memcmp(a, nat64, 12) == 0 ||
	    zero(a, 12))	/* IPv4-compatible (deprecated) */
		return wh_addr_v4(a + 12);
	if (a[0] == 0x20 && a[1] == 0x02)	/* 6to4 */
		return wh_addr_v4(a + 2);
	if ((a[0] & 0xfe) == 0xfc)
		return WH_ADDR_PRIVATE;		/* unique local fc00::/7 */
	if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
		return WH_ADDR_LINK_LOCAL;	/* fe80::/10 */
	if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0)
		return WH_ADDR_PRIVATE;		/* site-local fec0::/10 */
	if (a[0] == 0xff ||			/* multicast */
	    (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8) ||
	    (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0) ||
	    (a[0] == 0x01 && zero(a + 1, 7)))	/* discard-only 100::/64 */
		return WH_ADDR_RESERVED;
	return WH_ADDR_PUBLIC;
}

int
wh_addr_text(const char *s)
{
	unsigned char	 b[16];
	char		 tmp[64];
	size_t		 n = strlen(s);

	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		if (n - 2 >= sizeof(tmp))
			return -1;
		memcpy(tmp, s + 1, n - 2);
		tmp[n - 2] = '\0';
		s = tmp;
	}
	if (inet_pton(AF_INET, s, b) == 1)
		return (int)wh_addr_v4(b);
	if (inet_pton(AF_INET6, s, b) == 1)
		return (int)wh_addr_v6(b);
	return -1;
}

const char *
wh_addr_name(enum wh_addr c)
{
	switch (c) {
	case WH_ADDR_PUBLIC:
		return "a public address";
	case WH_ADDR_PRIVATE:
		return "a private network address";
	case WH_ADDR_LOOPBACK:
		return "a loopback address";
	case WH_ADDR_LINK_LOCAL:
		return "a link-local address";
	case WH_ADDR_CGNAT:
		return "a carrier-grade NAT address";
	case WH_ADDR_RESERVED:
		break;
	}
	return "a reserved address";
}

/* The host of authority a (alen bytes, no user info) into host. NULL, or a
 * message. */
static const char *
url_host(const char *a, size_t alen, char *host, size_t hostsz)
{
	const char	*h = a, *port = NULL;
	size_t		 hlen, i;

	if (alen > 0 && a[0] == '[') {
		const char *end = memchr(a, ']', alen);

		if (end == NULL)
			return "has an IPv6 address without its closing ]";
		h = a + 1;
		hlen = (size_t)(end - h);
		if (end + 1 < a + alen) {
			if (end[1] != ':')
				return "has something after the IPv6 address";
			port = end + 2;
		}
	} else {
		const char *colon = memchr(a, ':', alen);

		hlen = colon != NULL ? (size_t)(colon - a) : alen;
		if (colon != NULL)
			port = colon + 1;
	}
	if (hlen == 0)
		return "has no host name";
	if (hlen >= hostsz)
		return "has too long a host name";
	if (port != NULL) {
		size_t	 plen = (size_t)(a + alen - port);
		long	 pv = 0;

		if (plen == 0 || plen > 5)
			return "has a port that is not a number from 1 to 65535";
		for (i = 0; i < plen; i++) {
			if (!isdigit((unsigned char)port[i]))
				return "has a port that is not a number from 1 "
				    "to 65535";
			pv = pv * 10 + (port[i] - '0');
		}
		if (pv < 1 || pv > 65535)
			return "has a port that is not a number from 1 to 65535";
	}
	for (i = 0; i < hlen; i++)
		host[i] = (char)tolower((unsigned char)h[i]);
	host[hlen] = '\0';
	if (a[0] != '[')
		for (i = 0; i < hlen; i++)
			if (!isalnum((unsigned char)host[i]) && host[i] != '-' &&
			    host[i] != '.')
				return "has a host name with characters a host "
				    "name cannot have (write an international "
				    "name in its xn-- form)";
	return NULL;
}

/* A host made of digits and dots only is an IPv4 address or nothing (a
 * resolver reads "2130706433" or "127.1" as an address too). */
static int
numeric_name(const char *h)
{
	for (; *h != '\0'; h++)
		if (!isdigit((unsigned char)*h) && *h != '.')
			return 0;
	return 1;
}

static int
local_name(const char *h)
{
	size_t	 n = strlen(h);

	if (n > 0 && h[n - 1] == '.')
		n--;
	return (n == 9 && strncmp(h, "localhost", 9) == 0) ||
	    (n > 10 && strncmp(h + n - 10, ".localhost", 10) == 0);
}

const char *
wh_url_check(const char *url, int allow_private, char *host, size_t hostsz)
{
	char		 hbuf[256];
	const char	*p, *auth, *why;
	size_t		 n = strlen(url), alen;
	int		 cls;

	if (n == 0)
		return "is required";
	if (n > WH_URL_MAX)
		return "is too long (at most 2000 bytes)";
	for (p = url; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return "cannot contain spaces or control characters";
	if (strncasecmp(url, "https://", 8) != 0)
		return strstr(url, "://") != NULL ? "must start with https:// "
		    "(requests are only sent over TLS)" : "must be a full "
		    "address starting with https://";
	if (strchr(url, '#') != NULL)
		return "cannot have a #fragment";
	auth = url + 8;
	alen = strcspn(auth, "/?");
	if (memchr(auth, '@', alen) != NULL)
		return "cannot carry a user name or password";
	if ((why = url_host(auth, alen, hbuf, sizeof(hbuf))) != NULL)
		return why;
	if (numeric_name(hbuf) && wh_addr_text(hbuf) < 0)
		return "has a host made of digits that is not an IPv4 address";
	if (host != NULL)
		snprintf(host, hostsz, "%s", hbuf);
	if (allow_private)
		return NULL;
	if (local_name(hbuf))
		return "points to this machine (localhost): tick \"Allow a "
		    "private address\" if that is meant";
	if ((cls = wh_addr_text(hbuf)) > 0)
		switch ((enum wh_addr)cls) {
		case WH_ADDR_LOOPBACK:
			return "is a loopback address: tick \"Allow a private "
			    "address\" if that is meant";
		case WH_ADDR_RESERVED:
			return "is a reserved address, which cannot receive "
			    "webhooks";
		default:
			return "is a private network address: tick \"Allow a "
			    "private address\" if that is meant";
		}
	return NULL;
}

int
wh_signature(const char *secret, int64_t t, const char *body, size_t len,
    char *out, size_t outsz)
{
	crypto_auth_hmacsha256_state	 st;
	unsigned char			 mac[crypto_auth_hmacsha256_BYTES];
	char				 ts[24], hex[2 * sizeof(mac) + 1];
	int				 n;

	n = snprintf(ts, sizeof(ts), "%lld.", (long long)t);
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret,
	    strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts,
	    (unsigned long long)n);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body,
	    (unsigned long long)len);
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(hex, sizeof(hex), mac, sizeof(mac));
	sodium_memzero(&st, sizeof(st));
	n = snprintf(out, outsz, "t=%lld,v1=%s", (long long)t, hex);
	return n < 0 || (size_t)n >= outsz ? -1 : 0;
}

int64_t
wh_backoff(int64_t base, int64_t n)
{
	int64_t	 d = base < 1 ? 1 : base;

	while (--n > 0 && d < WH_BACKOFF_MAX)
		d *= 2;
	return d > WH_BACKOFF_MAX ? WH_BACKOFF_MAX : d;
}
