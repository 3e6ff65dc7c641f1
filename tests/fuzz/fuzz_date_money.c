/*
 * fuzz_date_money: date_parse and money_parse on a NUL-terminated copy of
 * the input, with the round-trip property parse(format(x)) == x whenever
 * parsing succeeds; money_parse_price agrees with money_parse with or
 * without the currency symbol or code in front (and, date_parse being strict, format(parse(s)) == s).
 * The first bytes are also read as a day number (within the supported
 * years) and as amounts, to drive the formatters and money_mul directly.
 */
#include "fuzz.h"
#include "domain/date.h"
#include "domain/money.h"

static void
check_date(int32_t days)
{
	char	 buf[DATE_STRLEN], lng[32];
	int32_t	 back;
	int	 y, m, d;

	date_format(days, buf, sizeof(buf));
	FUZZ_CHECK(strlen(buf) == 10);
	FUZZ_CHECK(date_parse(buf, &back) == 0 && back == days);
	date_to_ymd(days, &y, &m, &d);
	FUZZ_CHECK(y >= 1900 && y <= 9999 && m >= 1 && m <= 12);
	FUZZ_CHECK(d >= 1 && d <= date_days_in_month(y, m));
	FUZZ_CHECK(date_from_ymd(y, m, d) == days);
	date_format_long(days, lng, sizeof(lng));
	FUZZ_CHECK(strlen(lng) >= 10 && strlen(lng) <= 11);
}

static void
check_money(int64_t v)
{
	char	 plain[MONEY_STRLEN], disp[MONEY_STRLEN * 2];
	int64_t	 back;

	money_format(v, plain, sizeof(plain));
	money_format_display(v, disp, sizeof(disp));
	FUZZ_CHECK(strlen(plain) < MONEY_STRLEN);
	if (v >= 0 && v <= MONEY_MAX) {
		FUZZ_CHECK(money_parse(plain, &back) == 0 && back == v);
		FUZZ_CHECK(money_parse(disp, &back) == 0 && back == v);
	} else if (v > MONEY_MAX)
		FUZZ_CHECK(money_parse(plain, &back) == -1);
	else
		FUZZ_CHECK(plain[0] == '-' && disp[0] == '-');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = fuzz_arena();
	char		*s, buf[DATE_STRLEN];
	int32_t		 days, lo, hi;
	int64_t		 v, x, q, prod;
	uint32_t	 u32;
	uint64_t	 u64;

	s = fuzz_cstr(data, size);
	if (date_parse(s, &days) == 0) {
		date_format(days, buf, sizeof(buf));
		FUZZ_CHECK(strcmp(buf, s) == 0);
		check_date(days);
	}
	if (money_parse(s, &v) == 0) {
		FUZZ_CHECK(v >= 0 && v <= MONEY_MAX);
		check_money(v);
		/* A plain amount reads the same as a price, whatever the
		 * currency. */
		FUZZ_CHECK(money_parse_price(s, "GBP", &x) == 0 && x == v);
	}
	/* A price as typed: the same amount with or without the operator's
	 * symbol or code in front. */
	if (money_parse_price(s, "GBP", &v) == 0) {
		char *t = arena_printf(a, "£%s", s), *u = arena_printf(a, "GBP %s", s);

		FUZZ_CHECK(v >= 0 && v <= MONEY_MAX);
		if (money_parse(s, &x) == 0) {
			FUZZ_CHECK(x == v);
			FUZZ_CHECK(money_parse_price(t, "GBP", &x) == 0 && x == v);
			FUZZ_CHECK(money_parse_price(u, "GBP", &x) == 0 && x == v);
		}
	}
	lo = date_from_ymd(1900, 1, 1);
	hi = date_from_ymd(9999, 12, 31);
	if (size >= 4) {
		memcpy(&u32, data, 4);
		check_date(lo + (int32_t)(u32 % (uint32_t)(hi - lo + 1)));
	}
	if (size >= 8) {
		memcpy(&u64, data, 8);
		memcpy(&x, &u64, 8);
		check_money(x);
		check_money((int64_t)(u64 % (uint64_t)(MONEY_MAX + 1)));
	}
	if (size >= 16) {
		memcpy(&x, data, 8);
		memcpy(&q, data + 8, 8);
		if (x >= 0 && q >= 0) {
			__int128 want = (__int128)x * q;

			if (money_mul(x, q, &prod) == 0)
				FUZZ_CHECK(want <= INT64_MAX && prod == want);
			else
				FUZZ_CHECK(want > INT64_MAX);
		} else
			FUZZ_CHECK(money_mul(x, q, &prod) == -1);
	}
	free(s);
	arena_reset(a);
	return 0;
}
