/*
 * webhook: the pure rules of webhooks (README "Webhooks"): the event types,
 * which URLs an endpoint may have, which addresses the sender may connect
 * to, the signature of a request and the retry schedule. No I/O.
 */
#ifndef TENANTRY_DOMAIN_WEBHOOK_H
#define TENANTRY_DOMAIN_WEBHOOK_H

#include <stddef.h>
#include <stdint.h>

enum wh_event {
	WH_OCCUPIER_CREATED,
	WH_OCCUPIER_CHANGED,
	WH_CONTRACT_CREATED,
	WH_CONTRACT_CHANGED,
	WH_SERVICE_PLAN_CHANGED,
	WH_NUMBER_CHANGED,
	WH_DEVICE_CREATED,
	WH_DEVICE_CHANGED,
	WH_CASE_CREATED,
	WH_CASE_CHANGED,
	WH_INVOICE_CREATED,
	WH_IPV6_DELEGATED,
	WH_IPV6_RELEASED,
	WH_EVENT__MAX
};

/* "occupier.created", ...; NULL-terminated. */
extern const char *const wh_event_names[WH_EVENT__MAX + 1];
/* What each event means, for the endpoint form. */
extern const char *const wh_event_labels[WH_EVENT__MAX];

/* Where an address is. Anything but WH_ADDR_PUBLIC needs the endpoint's
 * explicit "allow a private address" setting. */
enum wh_addr {
	WH_ADDR_PUBLIC,
	WH_ADDR_PRIVATE,	/* RFC 1918, IPv6 unique local fc00::/7 */
	WH_ADDR_LOOPBACK,	/* 127/8, ::1 */
	WH_ADDR_LINK_LOCAL,	/* 169.254/16, fe80::/10 */
	WH_ADDR_CGNAT,		/* 100.64/10 (shared address space) */
	WH_ADDR_RESERVED,	/* 0/8, multicast, 240/4, documentation, ... */
};

/* Classify an IPv4 address (4 bytes, network order). */
enum wh_addr	 wh_addr_v4(const unsigned char a[4]);
/* Classify an IPv6 address (16 bytes); an IPv4-mapped, -compatible, NAT64
 * (64:ff9b::/96) or 6to4 (2002::/16) address is its IPv4 address's class. */
enum wh_addr	 wh_addr_v6(const unsigned char a[16]);
/* Classify a textual address ("10.1.2.3", "::1", "[::1]"); -1 when s is
 * not an IP address literal (a host name). */
int		 wh_addr_text(const char *s);
/* A sentence fragment naming the class ("a loopback address"). */
const char	*wh_addr_name(enum wh_addr);

#define WH_URL_MAX	2000

/*
 * Check an endpoint URL: https only, a host, no user or password, no
 * fragment, no blanks or control characters, at most WH_URL_MAX bytes.
 * When allow_private is 0, a host that is an IP literal must be public and
 * "localhost" (and *.localhost) is refused; names are checked again by the
 * sender after resolution. host (size hostsz, may be NULL) receives the
 * host name without brackets. NULL when acceptable, else a message that
 * completes "URL ...".
 */
const char	*wh_url_check(const char *url, int allow_private, char *host,
		    size_t hostsz);

/* The signature header value for a request body sent at unix time t:
 * "t=<t>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with secret>".
 * out must hold WH_SIG_MAX bytes. 0, or -1 (out too small). */
#define WH_SIG_MAX	96
int		 wh_signature(const char *secret, int64_t t, const char *body,
		    size_t len, char *out, size_t outsz);

/* Seconds to wait after failed attempt n (n >= 1): base * 2^(n-1), at
 * most WH_BACKOFF_MAX. */
#define WH_BACKOFF_MAX	3600
#define WH_RETRY_WINDOW	86400	/* retried for a day after the event */
int64_t		 wh_backoff(int64_t base, int64_t n);

#endif
