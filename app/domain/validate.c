/*
 * validate: see validate.h.
 */
#include <string.h>

#include "date.h"
#include "money.h"
#include "validate.h"

static int
has_ctl(const char *s, size_t n, int multiline)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0x7f)
			return 1;
		if (c < 0x20) {
			if (multiline && (c == '\n' || c == '\r' || c == '\t'))
				continue;
			return 1;
		}
	}
	return 0;
}

static int
email_ok(const char *s, size_t n)
{
	const char	*at;
	size_t		 i;

	at = memchr(s, '@', n);
	if (at == NULL || at == s || (size_t)(at - s) == n - 1)
		return 0;
	if (memchr(at + 1, '@', n - (size_t)(at - s) - 1) != NULL)
		return 0;
	if (memchr(at + 1, '.', n - (size_t)(at - s) - 1) == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] == ' ' || s[i] == '<' || s[i] == '>' || s[i] == ',')
			return 0;
	return 1;
}

static int
int_parse(const char *s, int64_t *out)
{
	int64_t	 v = 0;
	int	 neg = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (INT64_MAX - (*s - '0')) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

int
validate_id(const char *s, int64_t *id)
{
	int64_t	 v = 0;
	int	 n = 0;

	if (s == NULL || *s < '1' || *s > '9')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || ++n > 18)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*id = v;
	return 0;
}

int
validate_enum(const char *s, const char *const *choices)
{
	int	 i;

	if (s == NULL || choices == NULL)
		return -1;
	for (i = 0; choices[i] != NULL; i++)
		if (strcmp(s, choices[i]) == 0)
			return i;
	return -1;
}

/* A present value (trimmed, n bytes; len as sent) checked against its
 * type: NULL, or the message (also in v->err). */
static const char *
typed_check(const struct field *f, const char *trimmed, size_t n,
    size_t len, struct fval *v)
{
	switch (f->type) {
	case FT_TEXT:
		if (has_ctl(trimmed, n, 0))
			return v->err = "must be a single line of text";
		break;
	case FT_MULTILINE:
		if (has_ctl(trimmed, n, 1))
			return v->err = "contains control characters";
		break;
	case FT_EMAIL:
		if (has_ctl(trimmed, n, 0) || !email_ok(trimmed, n))
			return v->err = "must be an email address";
		break;
	case FT_DATE:
		if (date_parse(trimmed, &v->date) == -1)
			return v->err = "must be a date (YYYY-MM-DD)";
		/* A business date: a typo such as 1900 or 9999 is refused
		 * rather than stored as a contract of a thousand years. */
		if (v->date < date_from_ymd(2000, 1, 1) ||
		    v->date > date_from_ymd(2099, 12, 31))
			return v->err = "must be between 2000-01-01 and "
			    "2099-12-31";
		break;
	case FT_MONEY:
		if (money_parse(trimmed, &v->i) == -1)
			return v->err = "must be an amount such as 12.50";
		break;
	case FT_INT:
		if (int_parse(trimmed, &v->i) == -1)
			return v->err = "must be a whole number";
		if (v->i < f->min)
			return v->err = "is too small";
		if (v->i > f->max)
			return v->err = "is too large";
		break;
	case FT_PASSWORD:
		if ((int64_t)len < f->min)
			return v->err = "is too short";
		break;
	case FT_ID:
		if (validate_id(trimmed, &v->i) == -1)
			return v->err = "is not one of the choices";
		break;
	case FT_ENUM:
		if ((v->i = validate_enum(trimmed, f->choices)) < 0)
			return v->err = "must be one of the choices";
		break;
	default:
		return v->err = "is not valid";
	}
	return NULL;
}

const char *
validate_field(const struct field *f, const char *raw, size_t len,
    char *trimmed, struct fval *v)
{
	size_t	 a, b;

	memset(v, 0, sizeof(*v));
	v->date = DATE_NONE;
	v->raw = raw == NULL ? "" : raw;
	if (raw == NULL)
		len = 0;
	a = 0;
	b = len;
	if (f->type != FT_PASSWORD) {
		while (a < b && (raw[a] == ' ' || raw[a] == '\t' ||
		    raw[a] == '\r' || raw[a] == '\n'))
			a++;
		while (b > a && (raw[b - 1] == ' ' || raw[b - 1] == '\t' ||
		    raw[b - 1] == '\r' || raw[b - 1] == '\n'))
			b--;
	}
	if (b > a)
		memcpy(trimmed, raw + a, b - a);
	trimmed[b - a] = '\0';
	v->s = trimmed;
	v->present = b > a;
	if (len > f->cap)
		return v->err = "is too long";
	if (!v->present) {
		if (f->required)
			return v->err = "is required";
		return NULL;
	}
	return typed_check(f, trimmed, b - a, len, v);
}

static int
fold_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

void
validate_name_fold(const char *s, char *out, size_t cap)
{
	size_t	 k = 0;
	int	 gap = 0;

	if (cap == 0)
		return;
	for (; s != NULL && *s != '\0'; s++) {
		if (fold_space((unsigned char)*s)) {
			gap = k > 0;
			continue;
		}
		if (gap && k + 1 < cap)
			out[k++] = ' ';
		gap = 0;
		if (k + 1 >= cap)
			break;
		out[k++] = *s;
	}
	/* Never end in the middle of a UTF-8 sequence. */
	if (s != NULL && *s != '\0')
		while (k > 0 && ((unsigned char)out[k - 1] & 0xc0) == 0x80)
			k--;
	if (s != NULL && *s != '\0' && k > 0 &&
	    ((unsigned char)out[k - 1] & 0xc0) == 0xc0)
		k--;
	out[k] = '\0';
}

int
validate_ranges_overlap(int32_t a0, int32_t a1, int32_t b0, int32_t b1)
{
	if (a1 != DATE_NONE && b0 > a1)
		return 0;
	if (b1 != DATE_NONE && a0 > b1)
		return 0;
	return 1;
}
