/*
 * Unit tests for two-factor codes (app/domain/totp.c): RFC 6238's SHA-1
 * test vectors through the verification wrapper, the 6-digit truncation,
 * the window and the replay guard, base32 (RFC 4648 vectors), recovery
 * codes, and the QR SVG renderer (app/domain/qrsvg.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "domain/qrsvg.h"
#include "domain/totp.h"

static const unsigned char seed[] = "12345678901234567890";

/* RFC 6238 appendix B, SHA-1 column. */
static const struct { int64_t t; const char *code; } rfc[] = {
	{ 59, "94287082" }, { 1111111109, "07081804" },
	{ 1111111111, "14050471" }, { 1234567890, "89005924" },
	{ 2000000000, "69279037" }, { 20000000000, "65353130" },
};

static void
test_rfc6238_vectors(void **state)
{
	int64_t	 step;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(rfc) / sizeof(rfc[0]); i++) {
		assert_int_equal(totp_verify(seed, 20, rfc[i].t, rfc[i].code, 0,
		    &step), 1);
		assert_int_equal(step, rfc[i].t / 30);
	}
}

static void
test_six_digits(void **state)
{
	char	 c[9];
	int64_t	 step;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(rfc) / sizeof(rfc[0]); i++) {
		assert_int_equal(totp_code(seed, 20, rfc[i].t, 6, c, sizeof(c)),
		    0);
		/* The 6-digit code is the 8-digit one's last six digits. */
		assert_string_equal(c, rfc[i].code + 2);
		assert_int_equal(totp_verify(seed, 20, rfc[i].t, c, 0, &step),
		    1);
	}
}

static void
test_window_and_replay(void **state)
{
	int64_t	 step, t = 1111111111;
	char	 c[9];

	(void)state;
	assert_int_equal(totp_code(seed, 20, t, 6, c, sizeof(c)), 0);
	/* One step either side: accepted; two: refused. */
	assert_int_equal(totp_verify(seed, 20, t + 30, c, 0, &step), 1);
	assert_int_equal(step, t / 30);
	assert_int_equal(totp_verify(seed, 20, t - 30, c, 0, &step), 1);
	assert_int_equal(totp_verify(seed, 20, t + 60, c, 0, &step), 0);
	assert_int_equal(totp_verify(seed, 20, t - 60, c, 0, &step), 0);
	/* Used once: the same step is refused. */
	assert_int_equal(totp_verify(seed, 20, t, c, t / 30, &step), 0);
	assert_int_equal(totp_verify(seed, 20, t, c, t / 30 - 1, &step), 1);
	/* Wrong or malformed codes. */
	c[5] = c[5] == '9' ? '0' : (char)(c[5] + 1);
	assert_int_equal(totp_verify(seed, 20, t, c, 0, &step), 0);
	assert_int_equal(totp_verify(seed, 20, t, "12a456", 0, &step), 0);
	assert_int_equal(totp_verify(seed, 20, t, "12345", 0, &step), 0);
	assert_int_equal(totp_verify(seed, 20, t, "", 0, &step), 0);
	assert_int_equal(totp_verify(seed, 20, t, NULL, 0, &step), 0);
}

static void
test_base32(void **state)
{
	static const struct { const char *in, *out; } v[] = {
		{ "", "" }, { "f", "MY" }, { "fo", "MZXQ" }, { "foo", "MZXW6" },
		{ "foob", "MZXW6YQ" }, { "fooba", "MZXW6YTB" },
		{ "foobar", "MZXW6YTBOI" },
	};
	char	 out[64];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_int_equal(base32_encode((const unsigned char *)v[i].in,
		    strlen(v[i].in), out, sizeof(out)), strlen(v[i].out));
		assert_string_equal(out, v[i].out);
	}
	assert_int_equal(base32_encode(seed, 20, out, sizeof(out)), 32);
	assert_string_equal(out, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	assert_int_equal(base32_encode(seed, 20, out, 32), -1);
}

static void
test_recovery_codes(void **state)
{
	unsigned char	 rnd[10] = { 0 };
	char		 c[RECOVERY_CODE_LEN + 1], n[32];

	(void)state;
	recovery_code_format(rnd, c);
	assert_string_equal(c, "aaaa-aaaa-aaaa-aaaa");
	memcpy(rnd, "foobarfoob", 10);
	recovery_code_format(rnd, c);
	assert_int_equal(strlen(c), RECOVERY_CODE_LEN);
	assert_string_equal(c, "mzxw-6ytb-ojtg-633c");
	assert_int_equal(recovery_code_normalise(" MZXW 6YTB-ojtg-633c", n,
	    sizeof(n)), 1);
	assert_string_equal(n, "mzxw6ytbojtg633c");
	assert_int_equal(recovery_code_normalise("mzxw-6ytb-oj", n, sizeof(n)),
	    0);
	assert_int_equal(recovery_code_normalise("mzxw-6ytb-ojtg-6331", n,
	    sizeof(n)), 0);
}

static void
test_svg_matrix(void **state)
{
	/* 3x3: dark corners and centre. */
	static const unsigned char m[9] = { 1, 0, 1, 0, 1, 0, 1, 0, 0x81 };
	struct buf	 b;
	const char	*p;
	int		 rects = 0;

	buf_init(&b, *state, 64);
	qrsvg_matrix(&b, m, 3, 99);
	assert_non_null(strstr(b.p, "width=\"99\" height=\"99\""));
	assert_non_null(strstr(b.p, "viewBox=\"0 0 11 11\""));
	for (p = b.p; (p = strstr(p, "width=\"1\"")) != NULL; p++)
		rects++;
	assert_int_equal(rects, 5);
	assert_non_null(strstr(b.p, "<rect x=\"4\" y=\"4\" "));
	assert_non_null(strstr(b.p, "<rect x=\"6\" y=\"4\" "));
	assert_non_null(strstr(b.p, "<rect x=\"5\" y=\"5\" "));
	assert_non_null(strstr(b.p, "<rect x=\"6\" y=\"6\" "));
	assert_null(strstr(b.p, "<rect x=\"5\" y=\"4\" "));
	assert_int_equal(strncmp(b.p, "<svg ", 5), 0);
	assert_int_equal(strcmp(b.p + b.len - 6, "</svg>"), 0);
}

static void
test_svg_text(void **state)
{
	char	*s = qrsvg_text(*state, "otpauth://totp/Tenantry:a%40b.c?"
	    "secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Tenantry", 200);

	assert_non_null(s);
	/* A version-4 symbol or larger: 33+ modules plus the quiet zone. */
	assert_non_null(strstr(s, "viewBox=\"0 0 "));
	assert_true(atoi(strstr(s, "viewBox=\"0 0 ") + 13) >= 33 + 8);
	assert_non_null(strstr(s, "width=\"200\""));
}

static int
setup(void **state)
{
	*state = arena_new(4096);
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc6238_vectors),
		cmocka_unit_test(test_six_digits),
		cmocka_unit_test(test_window_and_replay),
		cmocka_unit_test(test_base32),
		cmocka_unit_test(test_recovery_codes),
		cmocka_unit_test_setup_teardown(test_svg_matrix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_svg_text, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
