/*
 * fuzz_urldecode: parse_urldecode on arbitrary bytes (first byte: plus
 * flag), then parse_urlencode and decode again (round trip); and
 * parse_utf8_valid checked against an independent table-driven reference
 * (RFC 3629 section 4).
 */
#include "fuzz.h"
#include "http/parse.h"

/* RFC 3629 well-formed UTF-8, written from the byte-range table. */
static int
utf8_reference(const uint8_t *s, size_t n)
{
	size_t	 i = 0;

	while (i < n) {
		uint8_t	 c = s[i], lo = 0x80, hi = 0xBF;
		size_t	 k, need;

		if (c <= 0x7F) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			need = 1;
		else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;
			if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;
			if (c == 0xF4)
				hi = 0x8F;
		} else
			return 0;
		if (n - i - 1 < need)
			return 0;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (k = 2; k <= need; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return 0;
		i += need + 1;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = fuzz_arena();
	char		*out, *enc, *back;
	size_t		 outlen, backlen, i, pct;
	int		 plus, rc;

	FUZZ_CHECK(parse_utf8_valid((const char *)data, size) ==
	    utf8_reference(data, size));
	if (size == 0)
		return 0;
	plus = data[0] & 1;
	data++;
	size--;
	rc = parse_urldecode(a, (const char *)data, size, plus, &out, &outlen);
	if (rc == 0) {
		FUZZ_CHECK(strlen(out) == outlen);
		for (pct = i = 0; i < size; i++)
			if (data[i] == '%')
				pct++;
		FUZZ_CHECK(outlen == size - 2 * pct);
		if (!plus)
			FUZZ_CHECK(memchr(data, '+', size) == NULL ||
			    memchr(out, '+', outlen) != NULL);
		enc = parse_urlencode(a, out);
		FUZZ_CHECK(strlen(enc) >= outlen && strlen(enc) <= 3 * outlen);
		for (i = 0; enc[i] != '\0'; i++) {
			unsigned char c = (unsigned char)enc[i];

			if (c == '%') {
				FUZZ_CHECK(strchr("0123456789ABCDEF",
				    enc[i + 1]) != NULL && enc[i + 1] != '\0');
				FUZZ_CHECK(strchr("0123456789ABCDEF",
				    enc[i + 2]) != NULL && enc[i + 2] != '\0');
				i += 2;
			} else
				FUZZ_CHECK((c >= 'A' && c <= 'Z') ||
				    (c >= 'a' && c <= 'z') ||
				    (c >= '0' && c <= '9') ||
				    strchr("-._~/", c) != NULL);
		}
		FUZZ_CHECK(parse_urldecode(a, enc, strlen(enc), plus, &back,
		    &backlen) == 0);
		FUZZ_CHECK(backlen == outlen);
		FUZZ_CHECK(memcmp(back, out, outlen) == 0);
	} else
		FUZZ_CHECK(rc == -1);
	arena_reset(a);
	return 0;
}
