/*
 * fuzz_validate: validate_field on arbitrary values. Byte 0 picks the
 * field type (FT__MAX included: the "is not valid" path), byte 1 the cap,
 * required flag, absent value and the INT range / password minimum; the
 * rest is the value (it may hold NUL bytes: robustness, not a contract).
 * Properties: only documented messages; the cap is enforced; an accepted
 * value has the typed value its type promises (an id prints back as
 * itself; an enum's index names the value).
 */
#include "fuzz.h"
#include "domain/date.h"
#include "domain/money.h"
#include "domain/validate.h"

static const char *const messages[] = {
	"is too long", "is required", "must be a single line of text",
	"contains control characters", "must be an email address",
	"must be a date (YYYY-MM-DD)", "must be an amount such as 12.50",
	"must be a whole number", "is too small", "is too large",
	"is too short", "is not valid", "is not one of the choices",
	"must be one of the choices",
};

static const char *const choices[] = { "open", "closed", "", "a b", NULL };

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t	 caps[] = { 0, 1, 8, 10, 16, 64, 255, 4096 };
	static const int64_t	 ranges[][2] = {
		{ 0, 0 }, { 1, 100 }, { -5, 5 }, { 0, INT64_MAX },
		{ INT64_MIN, INT64_MAX }, { 8, 0 }, { 12, 0 }, { 100, 50 },
	};
	struct arena		*a = fuzz_arena();
	struct field		 f;
	struct fval		 v;
	const char		*err, *raw;
	char			*copy, *trimmed, buf[64];
	size_t			 len, i, tl;
	int64_t			 back;

	if (size < 2)
		return 0;
	memset(&f, 0, sizeof(f));
	f.key = "k";
	f.label = "K";
	f.type = (enum ftype)(data[0] % (FT__MAX + 1));
	f.cap = caps[data[1] & 7];
	f.required = (data[1] >> 3) & 1;
	f.min = ranges[data[1] >> 5][0];
	f.max = ranges[data[1] >> 5][1];
	f.choices = (data[1] >> 6) & 1 ? choices : NULL;
	len = size - 2;
	copy = fuzz_cstr(data + 2, len);
	raw = (data[1] >> 4) & 1 ? NULL : copy;
	if (raw == NULL)
		len = 0;
	trimmed = arena_alloc(a, len + 1);
	err = validate_field(&f, raw, len, trimmed, &v);

	FUZZ_CHECK(err == v.err);
	FUZZ_CHECK(v.s == trimmed);
	FUZZ_CHECK(v.raw == (raw == NULL ? v.raw : raw));
	FUZZ_CHECK(raw != NULL || strcmp(v.raw, "") == 0);
	tl = strlen(trimmed);
	FUZZ_CHECK(tl <= len);
	if (f.type != FT_PASSWORD && tl > 0)
		FUZZ_CHECK(!is_blank(trimmed[0]));
	if (f.type == FT_PASSWORD && raw != NULL)
		FUZZ_CHECK(memcmp(trimmed, raw, len) == 0);
	if (err != NULL) {
		for (i = 0; i < sizeof(messages) / sizeof(messages[0]); i++)
			if (strcmp(err, messages[i]) == 0)
				break;
		FUZZ_CHECK(i < sizeof(messages) / sizeof(messages[0]));
	}
	if (len > f.cap)
		FUZZ_CHECK(err != NULL && strcmp(err, "is too long") == 0);
	if (f.required && !v.present && len <= f.cap)
		FUZZ_CHECK(err != NULL && strcmp(err, "is required") == 0);
	if (!v.present)
		FUZZ_CHECK(v.date == DATE_NONE);
	if (err == NULL && v.present) {
		switch (f.type) {
		case FT_TEXT:
			for (i = 0; i < tl; i++)
				FUZZ_CHECK((unsigned char)trimmed[i] >= 0x20 &&
				    trimmed[i] != 0x7f);
			break;
		case FT_MULTILINE:
			for (i = 0; i < tl; i++)
				FUZZ_CHECK((unsigned char)trimmed[i] >= 0x20 ||
				    strchr("\r\n\t", trimmed[i]) != NULL);
			FUZZ_CHECK(memchr(trimmed, 0x7f, tl) == NULL);
			break;
		case FT_EMAIL:
			FUZZ_CHECK(strchr(trimmed, '@') != NULL);
			FUZZ_CHECK(strchr(trimmed, ' ') == NULL);
			break;
		case FT_DATE:
			FUZZ_CHECK(v.date != DATE_NONE);
			FUZZ_CHECK(v.date >= date_from_ymd(2000, 1, 1) &&
			    v.date <= date_from_ymd(2099, 12, 31));
			date_format(v.date, buf, sizeof(buf));
			FUZZ_CHECK(strcmp(buf, trimmed) == 0);
			break;
		case FT_MONEY:
			FUZZ_CHECK(v.i >= 0 && v.i <= MONEY_MAX);
			money_format(v.i, buf, sizeof(buf));
			FUZZ_CHECK(money_parse(buf, &back) == 0 && back == v.i);
			break;
		case FT_INT:
			FUZZ_CHECK(v.i >= f.min && v.i <= f.max);
			break;
		case FT_PASSWORD:
			FUZZ_CHECK((int64_t)len >= f.min);
			break;
		case FT_ID:
			FUZZ_CHECK(v.i > 0 && trimmed[0] != '0' && tl <= 18);
			snprintf(buf, sizeof(buf), "%lld", (long long)v.i);
			FUZZ_CHECK(strcmp(buf, trimmed) == 0);
			break;
		case FT_ENUM:
			FUZZ_CHECK(f.choices != NULL && v.i >= 0 && v.i < 4);
			FUZZ_CHECK(strcmp(f.choices[v.i], trimmed) == 0);
			break;
		default:
			FUZZ_CHECK(!"an unknown type accepted a value");
		}
	}
	free(copy);
	arena_reset(a);
	return 0;
}
