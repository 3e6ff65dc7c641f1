/*
 * estate: the rules of the estate an operator sets up (estate.h).
 */
#include <string.h>

#include "estate.h"

int
estate_currency_ok(const char *s)
{
	size_t	 i;

	if (s == NULL || strlen(s) != 3)
		return 0;
	for (i = 0; i < 3; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

static int
tzchar(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+';
}

int
estate_timezone_ok(const char *s)
{
	size_t	 part = 0, n;

	if (s == NULL || (n = strlen(s)) == 0 || n > 64)
		return 0;
	for (; *s != '\0'; s++) {
		if (*s == '/') {
			if (part == 0)
				return 0;
			part = 0;
			continue;
		}
		if (!tzchar(*s) || ++part > 30)
			return 0;
	}
	return part > 0;
}

/* The digits of s, spaces skipped, after a leading '+' when plus: how
 * many (0 when anything else is there or more than 15). */
static size_t
digits_of(const char *s, int plus, char *d)
{
	size_t	 n = 0;

	if (plus) {
		if (*s != '+')
			return 0;
		s++;
	}
	for (; *s != '\0'; s++) {
		if (*s == ' ')
			continue;
		if (*s < '0' || *s > '9' || n == 15)
			return 0;
		d[n++] = *s;
	}
	d[n] = '\0';
	return n;
}

static int64_t
value_of(const char *d)
{
	int64_t	 v = 0;

	for (; *d != '\0'; d++)
		v = v * 10 + (*d - '0');
	return v;
}

int
estate_range(const char *from, const char *to, int64_t *first,
    int64_t *last, const char **why_from, const char **why_to)
{
	char	 f[16], t[16], w[16];
	size_t	 nf, nt;

	*why_from = *why_to = NULL;
	nf = digits_of(from, 1, f);
	if (nf < 8 || f[0] == '0') {
		*why_from = "From must be a number in E.164 form, such as "
		    "+44 1632 960000";
		return 0;
	}
	if (to != NULL && *to == '+')
		nt = digits_of(to, 1, t);
	else
		nt = to != NULL ? digits_of(to, 0, t) : 0;
	if (nt == 0 || nt > nf || (*to == '+' && nt != nf)) {
		*why_to = "To must be a number of the same length as From, or "
		    "its last digits, such as 0299";
		return 0;
	}
	memcpy(w, f, nf + 1);
	memcpy(w + nf - nt, t, nt);
	*first = value_of(f);
	*last = value_of(w);
	if (*last < *first) {
		*why_to = "To must not come before From";
		return 0;
	}
	if (*last - *first >= ESTATE_RANGE_MAX) {
		*why_to = "A range holds at most 1000 numbers";
		return 0;
	}
	return 1;
}

void
estate_format_like(const char *pattern, int64_t n, char *out, size_t cap)
{
	char	 d[21];
	size_t	 nd = 0, i, o = 0, k = 0;
	int64_t	 v;

	for (v = n; v > 0 && nd < 20; v /= 10)
		d[nd++] = (char)('0' + v % 10);	/* reversed */
	for (i = 0; pattern[i] != '\0' && o + 1 < cap; i++) {
		if (pattern[i] >= '0' && pattern[i] <= '9')
			out[o++] = k < nd ? d[nd - 1 - k++] : '0';
		else
			out[o++] = pattern[i];
	}
	if (cap > 0)
		out[o] = '\0';
}
