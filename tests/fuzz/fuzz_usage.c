/*
 * fuzz_usage: the usage file readers and their parts on arbitrary bytes:
 * usage_cdr_read and usage_samples_read (with the input as a file),
 * usage_number_norm and usage_time_parse (with it as one field).
 * Properties: a refused file names a line within it and says why; an
 * accepted one gives records whose numbers are normalised digits, whose
 * durations and byte counts are in range, and samples sorted on 5-minute
 * slots without repeats; a normalised number is digits only and stable.
 */
#include <time.h>

#include "fuzz.h"
#include "domain/usage.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		*a = fuzz_arena();
	struct usage_cdr	*c;
	struct usage_sample	*s;
	char			 msg[USAGE_MSG_MAX], d[USAGE_DIGITS_MAX + 1];
	char			 d2[USAGE_DIGITS_MAX + 1];
	size_t			 line, i, lines = 1;
	long			 n;
	int64_t			 t;
	int			 k;
	static int		 tz;

	if (!tz) {
		setenv("TZ", "Europe/London", 1);
		tzset();
		tz = 1;
	}
	for (i = 0; i < size; i++)
		if (data[i] == '\n')
			lines++;
	n = usage_cdr_read(a, (const char *)data, size, &c, &line, msg);
	if (n < 0) {
		FUZZ_CHECK(line >= 1 && line <= lines && msg[0] != '\0');
		FUZZ_CHECK(c == NULL);
	} else
		for (i = 0; i < (size_t)n; i++) {
			FUZZ_CHECK(strspn(c[i].calling, "0123456789") ==
			    strlen(c[i].calling) && strlen(c[i].calling) >= 3);
			FUZZ_CHECK(strspn(c[i].called, "0123456789") ==
			    strlen(c[i].called));
			FUZZ_CHECK(c[i].duration >= 0 && c[i].duration <= 86400);
			FUZZ_CHECK(c[i].dir == USAGE_OUT || c[i].dir == USAGE_IN);
			FUZZ_CHECK(c[i].line >= 1 && c[i].line <= lines);
		}
	n = usage_samples_read(a, (const char *)data, size, &s, &line, msg);
	if (n < 0)
		FUZZ_CHECK(line >= 1 && line <= lines && msg[0] != '\0');
	else
		for (i = 0; i < (size_t)n; i++) {
			FUZZ_CHECK(s[i].slot % USAGE_SLOT == 0);
			FUZZ_CHECK(i == 0 || s[i].slot > s[i - 1].slot);
			FUZZ_CHECK(s[i].bytes_in >= 0 && s[i].bytes_out >= 0);
		}
	if ((k = usage_number_norm((const char *)data, size, d)) >= 0) {
		FUZZ_CHECK((size_t)k == strlen(d) && k <= USAGE_DIGITS_MAX);
		FUZZ_CHECK(strspn(d, "0123456789") == (size_t)k);
		/* Normalised digits stay what they are once a '+' leads. */
		d2[0] = '+';
		memcpy(d2 + 1, d, (size_t)k);
		FUZZ_CHECK(usage_number_norm(d2, (size_t)k + 1, d) == k);
	}
	if (usage_time_parse((const char *)data, size, &t) == 0) {
		char	 buf[32];

		FUZZ_CHECK(t > INT64_C(946684800) - 15 * 3600);
		usage_time_format(t, buf, sizeof(buf));
		FUZZ_CHECK(strlen(buf) == 19);
	}
	arena_reset(a);
	return 0;
}
