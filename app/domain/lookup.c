/*
 * lookup: see lookup.h.
 */
#include <arpa/inet.h>
#include <string.h>

#include "lookup.h"

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
lookup_trim(const char *q, char *out, size_t cap)
{
	size_t	 n;

	if (cap == 0)
		return 0;
	out[0] = '\0';
	if (q == NULL)
		return 0;
	while (blank(*q))
		q++;
	n = strlen(q);
	while (n > 0 && blank(q[n - 1]))
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(out, q, n);
	out[n] = '\0';
	return n > 0;
}

int
lookup_phone(const char *q, char *out, size_t cap)
{
	char	 d[LOOKUP_PHONE_CAP];
	size_t	 n = 0, k = 0;
	int	 plus = 0;
	const char *p;

	if (cap < LOOKUP_PHONE_CAP || q == NULL)
		return 0;
	for (p = q; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n + 1 >= sizeof(d))
				return 0;
			d[n++] = *p;
		} else if (*p == '+' && n == 0 && !plus)
			plus = 1;
		else if (!blank(*p) && strchr("-.()/", *p) == NULL)
			return 0;
	}
	if (n < 4)
		return 0;
	d[n] = '\0';
	if (plus) {
		out[k++] = '+';
		memcpy(out + k, d, n + 1);
	} else if (n > 2 && d[0] == '0' && d[1] == '0') {
		out[k++] = '+';
		memcpy(out + k, d + 2, n - 1);
	} else if (d[0] == '0') {
		memcpy(out, "+44", 3);
		memcpy(out + 3, d + 1, n);
	} else
		memcpy(out, d, n + 1);
	return 1;
}

int
lookup_ip(const char *q, char *out, size_t cap)
{
	char		 t[LOOKUP_IP_CAP];
	unsigned char	 bin[16];

	if (cap < LOOKUP_IP_CAP || !lookup_trim(q, t, sizeof(t)) ||
	    strlen(q) > 2 * sizeof(t))
		return 0;
	if (inet_pton(AF_INET, t, bin) == 1)
		return inet_ntop(AF_INET, bin, out, (socklen_t)cap) != NULL;
	if (inet_pton(AF_INET6, t, bin) == 1)
		return inet_ntop(AF_INET6, bin, out, (socklen_t)cap) != NULL;
	return 0;
}

int64_t
lookup_bar_height(int64_t v, int64_t max, int64_t h)
{
	if (v <= 0 || max <= 0 || h <= 0)
		return 0;
	if (v >= max)
		return h;
	/* v < max: v * h fits when both are bounded by the caller's money
	 * (int64) and a chart height of a few hundred pixels; scale down
	 * first when it would not. */
	while (v > INT64_MAX / h) {
		v /= 2;
		max /= 2;
	}
	return (v * h + max / 2) / max;
}
