/*
 * occrec: see occrec.h.
 */
#include <string.h>

#include "occrec.h"

static const char *const eu_prefixes[] = {
	"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR",
	"HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO",
	"SE", "SI", "SK", NULL
};

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum_upper(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z');
}

/* s without the separators in drop, letters in capitals, into out (cap
 * bytes): its length, or -1 when longer than cap - 1 or a byte is not a
 * letter or digit. */
static int
squeeze(const char *s, const char *drop, char *out, size_t cap)
{
	size_t	 n = 0;
	char	 c;

	for (; *s != '\0'; s++) {
		if (strchr(drop, *s) != NULL)
			continue;
		c = *s;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!is_alnum_upper(c) || n + 1 >= cap)
			return -1;
		out[n++] = c;
	}
	out[n] = '\0';
	return (int)n;
}

static size_t
digits(const char *s)
{
	size_t	 n = 0;

	while (is_digit(s[n]))
		n++;
	return n;
}

static int
has_digit(const char *s)
{
	for (; *s != '\0'; s++)
		if (is_digit(*s))
			return 1;
	return 0;
}

/* The UK forms after GB or XI: 9 or 12 digits, GD or HA and 3 digits. */
static int
uk_ok(const char *b)
{
	size_t	 n = strlen(b);

	if (digits(b) == n)
		return n == 9 || n == 12;
	return n == 5 && (strncmp(b, "GD", 2) == 0 ||
	    strncmp(b, "HA", 2) == 0) && digits(b + 2) == 3;
}

const char *
vat_check(const char *s, char *out, size_t cap)
{
	size_t	 i, n;
	int	 len;

	if (cap < VAT_STRLEN)
		return "cannot be checked";
	out[0] = '\0';
	if ((len = squeeze(s, " .-", out, cap)) < 0) {
		out[0] = '\0';
		return "must be letters and digits, e.g. GB123456789";
	}
	if (len == 0)
		return NULL;
	if (len < 2 || !(out[0] >= 'A' && out[0] <= 'Z') ||
	    !(out[1] >= 'A' && out[1] <= 'Z')) {
		out[0] = '\0';
		return "must start with its country prefix, e.g. GB123456789";
	}
	if (strncmp(out, "GB", 2) == 0 || strncmp(out, "XI", 2) == 0) {
		if (uk_ok(out + 2))
			return NULL;
		out[0] = '\0';
		return "must be GB and 9 or 12 digits, e.g. GB123456789";
	}
	for (i = 0; eu_prefixes[i] != NULL; i++)
		if (strncmp(out, eu_prefixes[i], 2) == 0)
			break;
	n = strlen(out + 2);
	if (eu_prefixes[i] == NULL) {
		out[0] = '\0';
		return "must start with GB, XI or the prefix of an EU member "
		    "state, e.g. GB123456789 or DE123456789";
	}
	if (n < 2 || n > 12 || !has_digit(out + 2)) {
		out[0] = '\0';
		return "must be its country prefix and 2 to 12 letters or "
		    "digits, e.g. DE123456789";
	}
	return NULL;
}

const char *
company_no_check(const char *s, char *out, size_t cap)
{
	int	 len;

	if (cap < 13)
		return "cannot be checked";
	if ((len = squeeze(s, " ", out, 13)) < 0 ||
	    (len > 0 && (len < 2 || !has_digit(out)))) {
		out[0] = '\0';
		return "must be 2 to 12 letters or digits, e.g. 01234567 or "
		    "SC123456";
	}
	return NULL;
}
