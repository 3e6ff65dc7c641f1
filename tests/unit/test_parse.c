/*
 * Unit tests for the request-input parsers (app/http/parse.c): percent
 * decoding, urlencoded forms and query strings, cookies, indexed keys,
 * UTF-8 validation and urlencode. Every expectation is an exact value.
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
#include "http/parse.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

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

/* Decode a C string; returns the result code, *out the decoded string. */
static int
dec(struct arena *a, const char *s, int plus, char **out, size_t *outlen)
{
	*out = NULL;
	return parse_urldecode(a, s, strlen(s), plus, out, outlen);
}

static void
assert_dec(struct arena *a, const char *in, int plus, const char *want)
{
	char	*out;
	size_t	 n = (size_t)-1;

	assert_int_equal(dec(a, in, plus, &out, &n), 0);
	assert_non_null(out);
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
}

static void
assert_dec_fails(struct arena *a, const char *in, int plus)
{
	char	*out;

	assert_int_equal(dec(a, in, plus, &out, NULL), -1);
}

/* ---- parse_urldecode -------------------------------------------------- */

static void
test_urldecode_plain(void **state)
{
	struct arena *a = *state;

	assert_dec(a, "", 1, "");
	assert_dec(a, "abc", 1, "abc");
	assert_dec(a, "/occupiers/12", 0, "/occupiers/12");
}

static void
test_urldecode_hex_case(void **state)
{
	struct arena *a = *state;

	assert_dec(a, "%41%42%43", 1, "ABC");
	assert_dec(a, "%2f%2F", 1, "//");
	assert_dec(a, "%e2%82%ac", 1, "\xe2\x82\xac");
	assert_dec(a, "%E2%82%AC", 1, "\xe2\x82\xac");
	assert_dec(a, "%Ff%fF", 1, "\xff\xff");
	assert_dec(a, "a%20b", 0, "a b");
	assert_dec(a, "%25", 1, "%");
	assert_dec(a, "%2525", 1, "%25");	/* decoded once only */
}

static void
test_urldecode_plus(void **state)
{
	struct arena *a = *state;

	/* Forms: '+' is a space, %2B is a literal '+'. */
	assert_dec(a, "a+b", 1, "a b");
	assert_dec(a, "a%2Bb", 1, "a+b");
	assert_dec(a, "a%2bb", 1, "a+b");
	assert_dec(a, "++", 1, "  ");
	/* Paths: '+' stays '+'. */
	assert_dec(a, "a+b", 0, "a+b");
	assert_dec(a, "a%2Bb", 0, "a+b");
	assert_dec(a, "%20+", 0, " +");
}

static void
test_urldecode_malformed(void **state)
{
	struct arena *a = *state;

	assert_dec_fails(a, "%", 1);
	assert_dec_fails(a, "%4", 1);
	assert_dec_fails(a, "abc%4", 1);
	assert_dec_fails(a, "%zz", 1);
	assert_dec_fails(a, "%g0", 1);
	assert_dec_fails(a, "%0g", 1);
	assert_dec_fails(a, "% 1", 1);
	assert_dec_fails(a, "%-1", 1);
	assert_dec_fails(a, "ab%", 0);
	assert_dec_fails(a, "%%41", 1);
}

static void
test_urldecode_nul(void **state)
{
	struct arena	*a = *state;
	char		*out;

	assert_dec_fails(a, "%00", 1);
	assert_dec_fails(a, "a%00b", 0);
	/* A raw NUL byte inside the length is refused as well. */
	assert_int_equal(parse_urldecode(a, "a\0b", 3, 1, &out, NULL), -1);
}

static void
test_urldecode_length_bounded(void **state)
{
	struct arena	*a = *state;
	char		*out;
	size_t		 n;

	/* Only len bytes are read: the escape is cut short at the boundary. */
	assert_int_equal(parse_urldecode(a, "ab%41", 4, 1, &out, &n), -1);
	assert_int_equal(parse_urldecode(a, "ab%41", 2, 1, &out, &n), 0);
	assert_string_equal(out, "ab");
	assert_int_equal(n, 2);
	/* outlen may be NULL. */
	assert_int_equal(parse_urldecode(a, "x%41", 4, 1, &out, NULL), 0);
	assert_string_equal(out, "xA");
}

/* ---- parse_urlencoded ------------------------------------------------- */

static int
form(struct arena *a, const char *s, struct kvlist *l, const char **bad)
{
	return parse_urlencoded(a, s, strlen(s), l, bad);
}

static void
test_form_basic(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad = "unset";

	assert_int_equal(form(a, "name=O%27Brien&ref=A+1&note=", &l, &bad), 0);
	assert_null(bad);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].key, "name");
	assert_string_equal(l.v[0].val, "O'Brien");
	assert_int_equal(l.v[0].vlen, 7);
	assert_string_equal(l.v[1].key, "ref");
	assert_string_equal(l.v[1].val, "A 1");
	assert_string_equal(l.v[2].key, "note");
	assert_string_equal(l.v[2].val, "");
	assert_int_equal(l.v[2].vlen, 0);
	assert_string_equal(kv_get(&l, "name"), "O'Brien");
	assert_string_equal(kv_get(&l, "note"), "");
	assert_null(kv_get(&l, "missing"));
	assert_null(kv_get(&l, "Name"));	/* case-sensitive */
	assert_int_equal(kv_count(&l, "ref"), 1);
	assert_int_equal(kv_count(&l, "missing"), 0);
}

static void
test_form_empty_input(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad;

	assert_int_equal(form(a, "", &l, &bad), 0);
	assert_int_equal(l.n, 0);
	assert_null(bad);
	assert_null(kv_get(&l, ""));
	assert_int_equal(form(a, "&&&", &l, &bad), 0);
	assert_int_equal(l.n, 0);
}

static void
test_form_escapes_in_keys_and_values(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad;

	assert_int_equal(form(a,
	    "rows%5B0%5D%5Bqty%5D=3&a%2Bb=c%2Bd&sp+ace=x+y&eq=a%3Db&amp=%26",
	    &l, &bad), 0);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[0].key, "rows[0][qty]");
	assert_string_equal(l.v[0].val, "3");
	assert_string_equal(l.v[1].key, "a+b");
	assert_string_equal(l.v[1].val, "c+d");
	assert_string_equal(l.v[2].key, "sp ace");
	assert_string_equal(l.v[2].val, "x y");
	assert_string_equal(l.v[3].key, "eq");
	assert_string_equal(l.v[3].val, "a=b");
	assert_string_equal(l.v[4].key, "amp");
	assert_string_equal(l.v[4].val, "&");
}

static void
test_form_second_equals_is_value(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad;

	assert_int_equal(form(a, "a=b=c&=v", &l, &bad), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].key, "a");
	assert_string_equal(l.v[0].val, "b=c");
	assert_int_equal(l.v[0].vlen, 3);
	/* An empty key is a pair like any other. */
	assert_string_equal(l.v[1].key, "");
	assert_string_equal(l.v[1].val, "v");
}

static void
test_form_empty_pairs_skipped(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad;

	assert_int_equal(form(a, "&a=1&&b=2&", &l, &bad), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].key, "a");
	assert_string_equal(l.v[0].val, "1");
	assert_string_equal(l.v[1].key, "b");
	assert_string_equal(l.v[1].val, "2");
}

static void
test_form_key_without_equals(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad;

	assert_int_equal(form(a, "flag&x=1&other", &l, &bad), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].key, "flag");
	assert_string_equal(l.v[0].val, "");
	assert_int_equal(l.v[0].vlen, 0);
	assert_string_equal(l.v[2].key, "other");
	assert_string_equal(l.v[2].val, "");
	assert_string_equal(kv_get(&l, "flag"), "");
}

static void
test_form_repeated_keys_in_order(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad;

	assert_int_equal(form(a, "s=1&t=x&s=2&s=3", &l, &bad), 0);
	assert_int_equal(l.n, 4);
	assert_int_equal(kv_count(&l, "s"), 3);
	assert_int_equal(kv_count(&l, "t"), 1);
	assert_string_equal(kv_get(&l, "s"), "1");	/* first value */
	assert_string_equal(l.v[0].val, "1");
	assert_string_equal(l.v[2].val, "2");
	assert_string_equal(l.v[3].val, "3");
}

static void
test_form_malformed_key(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad = NULL;

	/* Raw name when it cannot be decoded. */
	assert_int_equal(form(a, "ok=1&na%zzme=2", &l, &bad), -1);
	assert_non_null(bad);
	assert_string_equal(bad, "na%zzme");
	assert_int_equal(form(a, "k%=1", &l, &bad), -1);
	assert_string_equal(bad, "k%");
	assert_int_equal(form(a, "%00=1", &l, &bad), -1);
	assert_string_equal(bad, "%00");
	/* badkey may be NULL. */
	assert_int_equal(form(a, "%=1", &l, NULL), -1);
}

static void
test_form_malformed_value(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad = NULL;

	/* Decoded name when only the value is bad. */
	assert_int_equal(form(a, "a=1&full+name=x%4", &l, &bad), -1);
	assert_string_equal(bad, "full name");
	assert_int_equal(form(a, "n%41me=%zz", &l, &bad), -1);
	assert_string_equal(bad, "nAme");
	assert_int_equal(form(a, "v=a%00b", &l, &bad), -1);
	assert_string_equal(bad, "v");
	assert_int_equal(form(a, "v=%", &l, &bad), -1);
	assert_string_equal(bad, "v");
}

static void
test_form_invalid_utf8(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad = NULL;

	/* Invalid UTF-8 in a value: the name is reported. */
	assert_int_equal(form(a, "name=%FF", &l, &bad), -1);
	assert_string_equal(bad, "name");
	assert_int_equal(form(a, "name=%C0%AF", &l, &bad), -1);	/* overlong */
	assert_string_equal(bad, "name");
	assert_int_equal(form(a, "name=%ED%A0%80", &l, &bad), -1); /* surrogate */
	assert_string_equal(bad, "name");
	assert_int_equal(form(a, "name=abc%E2%82", &l, &bad), -1); /* truncated */
	assert_string_equal(bad, "name");
	/* Invalid UTF-8 in a key: the raw key is reported. */
	assert_int_equal(form(a, "x=1&k%FFy=2", &l, &bad), -1);
	assert_string_equal(bad, "k%FFy");
	/* Raw (unescaped) invalid bytes too. */
	assert_int_equal(form(a, "k=\xc3", &l, &bad), -1);
	assert_string_equal(bad, "k");
	/* Valid multi-byte UTF-8 passes, escaped or raw. */
	bad = "unset";
	assert_int_equal(form(a, "city=Z%C3%BCrich&r=\xe2\x82\xac", &l, &bad), 0);
	assert_null(bad);
	assert_string_equal(kv_get(&l, "city"), "Z\xc3\xbcrich");
	assert_int_equal(l.v[0].vlen, 7);
	assert_string_equal(kv_get(&l, "r"), "\xe2\x82\xac");
}

static void
test_form_length_bounded(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad;

	/* Only len bytes are parsed (bodies are not NUL-terminated). */
	assert_int_equal(parse_urlencoded(a, "a=12&b=3", 3, &l, &bad), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].val, "1");
	/* A raw NUL inside the body is malformed. */
	assert_int_equal(parse_urlencoded(a, "a=1\0&b=2", 8, &l, &bad), -1);
	assert_string_equal(bad, "a");
}

static char *
many_pairs(size_t n)
{
	char	*s, *p;
	size_t	 i;

	s = malloc(n * 4 + 1);
	assert_non_null(s);
	for (p = s, i = 0; i < n; i++) {
		memcpy(p, i == 0 ? "a=1" : "&a=1", i == 0 ? 3 : 4);
		p += i == 0 ? 3 : 4;
	}
	*p = '\0';
	return s;
}

static void
test_form_max_pairs(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	const char	*bad;
	char		*s;

	s = many_pairs(PARSE_MAX_PAIRS);
	assert_int_equal(form(a, s, &l, &bad), 0);
	assert_int_equal(l.n, PARSE_MAX_PAIRS);
	assert_int_equal(kv_count(&l, "a"), PARSE_MAX_PAIRS);
	free(s);

	s = many_pairs(PARSE_MAX_PAIRS + 1);
	assert_int_equal(form(a, s, &l, &bad), -2);
	free(s);

	s = many_pairs(PARSE_MAX_PAIRS * 3);
	assert_int_equal(form(a, s, &l, &bad), -2);
	free(s);
}

/* ---- parse_cookies ---------------------------------------------------- */

static void
test_cookies_basic(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;

	parse_cookies(a, "sid=abc123; theme=dark", &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].key, "sid");
	assert_string_equal(l.v[0].val, "abc123");
	assert_int_equal(l.v[0].vlen, 6);
	assert_string_equal(l.v[1].key, "theme");
	assert_string_equal(l.v[1].val, "dark");
	assert_string_equal(kv_get(&l, "theme"), "dark");
}

static void
test_cookies_null_and_empty(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;

	parse_cookies(a, NULL, &l);
	assert_int_equal(l.n, 0);
	assert_null(kv_get(&l, "sid"));
	parse_cookies(a, "", &l);
	assert_int_equal(l.n, 0);
	parse_cookies(a, ";;; ;", &l);
	assert_int_equal(l.n, 0);
}

static void
test_cookies_spaces(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;

	parse_cookies(a, "  a = 1 ;\tb\t=\t2\t;c=3;d= x y ", &l);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.v[0].key, "a");
	assert_string_equal(l.v[0].val, "1");
	assert_string_equal(l.v[1].key, "b");
	assert_string_equal(l.v[1].val, "2");
	assert_string_equal(l.v[2].key, "c");
	assert_string_equal(l.v[2].val, "3");
	/* Inner spaces are kept, outer ones trimmed. */
	assert_string_equal(l.v[3].key, "d");
	assert_string_equal(l.v[3].val, "x y");
	assert_int_equal(l.v[3].vlen, 3);
}

static void
test_cookies_quoted(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;

	parse_cookies(a, "q=\"quoted\"; e=\"\"; h=\"; o=\"x; n=a\"b", &l);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[0].val, "quoted");
	assert_int_equal(l.v[0].vlen, 6);
	assert_string_equal(l.v[1].val, "");
	assert_int_equal(l.v[1].vlen, 0);
	/* A lone quote is not a quoted value. */
	assert_string_equal(l.v[2].val, "\"");
	assert_string_equal(l.v[3].val, "\"x");
	assert_string_equal(l.v[4].val, "a\"b");
}

static void
test_cookies_values_not_decoded(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;

	parse_cookies(a, "v=a%20b+c; w=x=y", &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].val, "a%20b+c");
	assert_string_equal(l.v[1].key, "w");
	assert_string_equal(l.v[1].val, "x=y");
}

static void
test_cookies_malformed_skipped(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;

	/* Missing '=' and empty names are skipped; the rest is kept. */
	parse_cookies(a, "noequals; =v; ok=1;  = w ; e=; last", &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].key, "ok");
	assert_string_equal(l.v[0].val, "1");
	assert_string_equal(l.v[1].key, "e");
	assert_string_equal(l.v[1].val, "");
	assert_null(kv_get(&l, ""));
	assert_null(kv_get(&l, "noequals"));
	assert_null(kv_get(&l, "last"));
}

static void
test_cookies_repeated(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;

	parse_cookies(a, "sid=first; sid=second", &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(kv_count(&l, "sid"), 2);
	assert_string_equal(kv_get(&l, "sid"), "first");
}

static void
test_cookies_many(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 l;
	struct buf	 b;
	size_t		 i, n = PARSE_MAX_PAIRS + 100;

	buf_init(&b, a, 16);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%sc%zu=v%zu", i ? "; " : "", i, i);
	parse_cookies(a, b.p, &l);
	/* Capped at PARSE_MAX_PAIRS, first ones kept, in order. */
	assert_int_equal(l.n, PARSE_MAX_PAIRS);
	assert_string_equal(l.v[0].key, "c0");
	assert_string_equal(l.v[0].val, "v0");
	assert_string_equal(l.v[PARSE_MAX_PAIRS - 1].key, "c4095");
	assert_string_equal(l.v[PARSE_MAX_PAIRS - 1].val, "v4095");
	assert_string_equal(kv_get(&l, "c1234"), "v1234");
	assert_null(kv_get(&l, "c4096"));

	/* 200 cookies: all kept. */
	buf_init(&b, a, 16);
	for (i = 0; i < 200; i++)
		buf_printf(&b, "k%zu=%zu;", i, i * 7);
	parse_cookies(a, b.p, &l);
	assert_int_equal(l.n, 200);
	assert_string_equal(kv_get(&l, "k199"), "1393");
}

/* ---- parse_indexed_key ------------------------------------------------ */

static void
test_indexed_ok(void **state)
{
	size_t		 idx = 99, flen = 99;
	const char	*field = NULL;
	const char	*key = "rows[0][qty]";

	(void)state;
	assert_int_equal(parse_indexed_key(key, "rows", 49, &idx, &field,
	    &flen), 1);
	assert_int_equal(idx, 0);
	assert_int_equal(flen, 3);
	assert_ptr_equal(field, key + 8);
	assert_memory_equal(field, "qty", 3);

	assert_int_equal(parse_indexed_key("rows[3][price]", "rows", 49, &idx,
	    &field, &flen), 1);
	assert_int_equal(idx, 3);
	assert_int_equal(flen, 5);
	assert_memory_equal(field, "price", 5);

	assert_int_equal(parse_indexed_key("rows[49][x]", "rows", 49, &idx,
	    &field, &flen), 1);
	assert_int_equal(idx, 49);
	assert_int_equal(flen, 1);

	assert_int_equal(parse_indexed_key("rows[10][service_id]", "rows", 49,
	    &idx, &field, &flen), 1);
	assert_int_equal(idx, 10);
	assert_int_equal(flen, 10);
}

static void
test_indexed_rejects(void **state)
{
	static const char *const bad[] = {
		"rows[00][qty]",	/* leading zero */
		"rows[01][qty]",
		"rows[007][qty]",
		"rows[-1][qty]",	/* negative */
		"rows[50][qty]",	/* > maxidx */
		"rows[100][qty]",
		"rows[99999999999999999999999999][qty]",
		"rows[][qty]",		/* empty index */
		"rows[ 1][qty]",
		"rows[1 ][qty]",
		"rows[+1][qty]",
		"rows[0x1][qty]",
		"rows[1][]",		/* empty field */
		"rows[1]",		/* missing field */
		"rows[1][qty",		/* unclosed field */
		"rows[1]qty]",		/* missing '[' */
		"rows[1[qty]",
		"rows1][qty]",		/* missing '[' after prefix */
		"rows",
		"rows[",
		"rows[1",
		"rows[1]",
		"rows[1][",
		"rows[1][qty]x",	/* trailing junk */
		"rows[1][qty][",
		"rows[1][qty][x]",
		"rows[1][qty]]",
		"row[1][qty]",		/* other prefix */
		"rowsx[1][qty]",
		"Rows[1][qty]",
		"xrows[1][qty]",
		"",
	};
	size_t		 i, idx = 77, flen = 77;
	const char	*field = "untouched";

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		if (parse_indexed_key(bad[i], "rows", 49, &idx, &field,
		    &flen) != 0)
			fail_msg("accepted \"%s\"", bad[i]);
	}
	/* Outputs are left alone on rejection. */
	assert_int_equal(idx, 77);
	assert_int_equal(flen, 77);
	assert_string_equal(field, "untouched");
}

static void
test_indexed_maxidx_zero(void **state)
{
	size_t		 idx, flen;
	const char	*field;

	(void)state;
	assert_int_equal(parse_indexed_key("r[0][a]", "r", 0, &idx, &field,
	    &flen), 1);
	assert_int_equal(idx, 0);
	assert_int_equal(parse_indexed_key("r[1][a]", "r", 0, &idx, &field,
	    &flen), 0);
}

static void
test_indexed_huge_index_large_maxidx(void **state)
{
	size_t		 idx = 0, flen;
	const char	*field;

	(void)state;
	/*
	 * 2^64 does not fit in size_t: it is > any maxidx and must be refused,
	 * not wrapped around to 0.
	 */
	assert_int_equal(parse_indexed_key("r[18446744073709551616][a]", "r",
	    SIZE_MAX, &idx, &field, &flen), 0);
	/* 2^64 + 5 would wrap to 5. */
	assert_int_equal(parse_indexed_key("r[18446744073709551621][a]", "r",
	    SIZE_MAX, &idx, &field, &flen), 0);
	/* SIZE_MAX itself is fine. */
	assert_int_equal(parse_indexed_key("r[18446744073709551615][a]", "r",
	    SIZE_MAX, &idx, &field, &flen), 1);
	assert_true(idx == SIZE_MAX);
}

/* ---- parse_utf8_valid ------------------------------------------------- */

struct u8case {
	const char	*s;
	size_t		 len;
	int		 valid;
	const char	*what;
};

#define U8(lit, v, w)	{ lit, sizeof(lit) - 1, v, w }

static void
test_utf8(void **state)
{
	static const struct u8case cases[] = {
		U8("", 1, "empty"),
		U8("plain ascii ~\x7f", 1, "ascii incl. DEL"),
		U8("\xc2\x80", 1, "U+0080"),
		U8("\xc3\xa9", 1, "e-acute"),
		U8("\xdf\xbf", 1, "U+07FF"),
		U8("\xe0\xa0\x80", 1, "U+0800"),
		U8("\xe2\x82\xac", 1, "euro"),
		U8("\xed\x9f\xbf", 1, "U+D7FF"),
		U8("\xee\x80\x80", 1, "U+E000"),
		U8("\xef\xbf\xbf", 1, "U+FFFF"),
		U8("\xf0\x90\x80\x80", 1, "U+10000"),
		U8("\xf0\x9f\x98\x80", 1, "emoji"),
		U8("\xf4\x8f\xbf\xbf", 1, "U+10FFFF"),
		U8("a\xc3\xa9z\xe2\x82\xac\xf0\x9f\x98\x80!", 1, "mixed"),
		/* overlongs */
		U8("\xc0\x80", 0, "overlong NUL"),
		U8("\xc0\xaf", 0, "overlong '/'"),
		U8("\xc1\xbf", 0, "overlong U+007F"),
		U8("\xe0\x80\x80", 0, "3-byte overlong NUL"),
		U8("\xe0\x9f\xbf", 0, "3-byte overlong U+07FF"),
		U8("\xf0\x80\x80\x80", 0, "4-byte overlong NUL"),
		U8("\xf0\x8f\xbf\xbf", 0, "4-byte overlong U+FFFF"),
		/* surrogates */
		U8("\xed\xa0\x80", 0, "U+D800"),
		U8("\xed\xaf\xbf", 0, "U+DBFF"),
		U8("\xed\xb0\x80", 0, "U+DC00"),
		U8("\xed\xbf\xbf", 0, "U+DFFF"),
		U8("\xed\xa0\xbd\xed\xb8\x80", 0, "CESU pair"),
		/* beyond U+10FFFF */
		U8("\xf4\x90\x80\x80", 0, "U+110000"),
		U8("\xf5\x80\x80\x80", 0, "F5 lead"),
		U8("\xf7\xbf\xbf\xbf", 0, "F7 lead"),
		U8("\xf8\x88\x80\x80\x80", 0, "5-byte"),
		U8("\xfc\x84\x80\x80\x80\x80", 0, "6-byte"),
		U8("\xfe", 0, "FE"),
		U8("\xff", 0, "FF"),
		/* stray continuation bytes */
		U8("\x80", 0, "lone continuation"),
		U8("a\xbf", 0, "continuation after ascii"),
		U8("\xc3\xa9\xa9", 0, "extra continuation"),
		/* truncated */
		U8("\xc3", 0, "truncated 2"),
		U8("\xe2\x82", 0, "truncated 3"),
		U8("\xe2", 0, "truncated 3 (1 byte)"),
		U8("\xf0\x9f\x98", 0, "truncated 4"),
		U8("abc\xf0\x9f", 0, "truncated 4 at end"),
		U8("\xc3" "a", 0, "bad continuation"),
		U8("\xe2\x82" "a", 0, "bad 3rd byte"),
		U8("\xf0\x9f\x98" "a", 0, "bad 4th byte"),
		U8("\xe2\xc2\xa9", 0, "lead where continuation expected"),
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++)
		if (parse_utf8_valid(cases[i].s, cases[i].len) !=
		    cases[i].valid)
			fail_msg("case %zu (%s): expected %d", i, cases[i].what,
			    cases[i].valid);
}

static void
test_utf8_length_bounded(void **state)
{
	(void)state;
	/* A valid sequence cut by len is truncated; bytes past len unread. */
	assert_int_equal(parse_utf8_valid("\xe2\x82\xac", 2), 0);
	assert_int_equal(parse_utf8_valid("ab\xff", 2), 1);
	assert_int_equal(parse_utf8_valid("\xff", 0), 1);
	/* NUL is a valid code point for this function. */
	assert_int_equal(parse_utf8_valid("a\0b", 3), 1);
}

/* ---- parse_urlencode -------------------------------------------------- */

static void
test_urlencode_exact(void **state)
{
	struct arena *a = *state;

	assert_string_equal(parse_urlencode(a, ""), "");
	assert_string_equal(parse_urlencode(a, "AZaz09-._~/"), "AZaz09-._~/");
	assert_string_equal(parse_urlencode(a, "a b"), "a%20b");
	assert_string_equal(parse_urlencode(a, "a+b&c=d?e#f%"),
	    "a%2Bb%26c%3Dd%3Fe%23f%25");
	assert_string_equal(parse_urlencode(a, "O'Brien <x>"),
	    "O%27Brien%20%3Cx%3E");
	assert_string_equal(parse_urlencode(a, "\xe2\x82\xac\x01\x7f\xff"),
	    "%E2%82%AC%01%7F%FF");
}

static void
test_urlencode_round_trip(void **state)
{
	struct arena	*a = *state;
	char		 all[256], *enc, *dec_s;
	size_t		 i, n;
	struct kvlist	 l;
	const char	*bad;
	static const char *const samples[] = {
		"hello world", "a+b=c&d", "100%", "Z\xc3\xbcrich \xe2\x82\xac",
		"<script>alert(1)</script>", "O'Brien; DROP TABLE occupier;--",
		"/occupiers/12?x=1#f", "~._-", "\t\r\n",
	};

	/* Every byte but NUL. */
	for (i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = '\0';
	enc = parse_urlencode(a, all);
	assert_int_equal(strlen(enc), 67 + 188 * 3);	/* 67 kept as is */
	assert_int_equal(parse_urldecode(a, enc, strlen(enc), 1, &dec_s, &n),
	    0);
	assert_int_equal(n, 255);
	assert_memory_equal(dec_s, all, 255);
	/* Also with plus=0: an encoded string has no raw '+'. */
	assert_int_equal(parse_urldecode(a, enc, strlen(enc), 0, &dec_s, &n),
	    0);
	assert_memory_equal(dec_s, all, 255);

	for (i = 0; i < NELEM(samples); i++) {
		enc = parse_urlencode(a, samples[i]);
		assert_null(strpbrk(enc, " +&=?#"));
		assert_int_equal(parse_urldecode(a, enc, strlen(enc), 1,
		    &dec_s, &n), 0);
		assert_string_equal(dec_s, samples[i]);
		/* And as a form value. */
		enc = arena_printf(a, "q=%s&z=1", enc);
		assert_int_equal(form(a, enc, &l, &bad), 0);
		assert_int_equal(l.n, 2);
		assert_string_equal(kv_get(&l, "q"), samples[i]);
	}
}

/* ---- parse_utf8_clean ------------------------------------------------- */

/* Every byte 0x80-0xFF on its own, in a user agent: valid UTF-8 comes out,
 * the byte as U+FFFD, the text around it kept. */
static void
test_utf8_clean_every_high_byte(void **state)
{
	char	 in[8];
	int	 b;

	for (b = 0x80; b <= 0xFF; b++) {
		const char *out;

		snprintf(in, sizeof(in), "a%cb", (char)b);
		out = parse_utf8_clean(*state, in, 255);
		assert_int_equal(parse_utf8_valid(out, strlen(out)), 1);
		assert_string_equal(out, "a\xEF\xBF\xBD" "b");
	}
}

static void
test_utf8_clean_keeps_valid_and_cuts_on_boundaries(void **state)
{
	const char	*out;

	/* Valid text is untouched. */
	assert_string_equal(parse_utf8_clean(*state, "Mozilla/5.0 \xE2\x82\xAC", 255),
	    "Mozilla/5.0 \xE2\x82\xAC");
	/* A cut never splits a character: 3 + 3 bytes do not fit in 5. */
	assert_string_equal(parse_utf8_clean(*state, "\xE2\x82\xAC\xE2\x82\xAC", 5),
	    "\xE2\x82\xAC");
	/* Truncated and overlong sequences and surrogates are replaced. */
	out = parse_utf8_clean(*state, "\xE2\x82x\xC0\xAF\xED\xA0\x80", 255);
	assert_int_equal(parse_utf8_valid(out, strlen(out)), 1);
	assert_null(strchr(out, '\xC0'));
	/* Control characters become '?'. */
	assert_string_equal(parse_utf8_clean(*state, "a\tb\x7f", 255), "a?b?");
	assert_string_equal(parse_utf8_clean(*state, NULL, 10), "");
	assert_string_equal(parse_utf8_clean(*state, "abc", 0), "");
}

static void
test_flash_split(void **state)
{
	struct arena	*a = *state;
	const char	*code;
	static const struct { const char *in, *out, *code; } cases[] = {
		{ "/x?done=saved", "/x", "saved" },
		{ "/cases/5?done=saved#c12", "/cases/5#c12", "saved" },
		{ "/t?state=available&holder=none&done=saved",
		    "/t?state=available&holder=none", "saved" },
		{ "/s?done=saved_case&case=5", "/s?case=5", "saved_case" },
		{ "/t?q=1&done=saved&page=2", "/t?q=1&page=2", "saved" },
		{ "/invoices/export?done=12", "/invoices/export?done=12", NULL },
		{ "/x?done=", "/x?done=", NULL },
		{ "/x?done=Saved", "/x?done=Saved", NULL },
		{ "/x?undone=saved", "/x?undone=saved", NULL },
		{ "/x", "/x", NULL },
		{ "/x#done=saved", "/x#done=saved", NULL },
	};
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_string_equal(parse_flash_split(a, cases[i].in, &code),
		    cases[i].out);
		if (cases[i].code == NULL)
			assert_null(code);
		else
			assert_string_equal(code, cases[i].code);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_urldecode_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urldecode_hex_case, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urldecode_plus, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urldecode_malformed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urldecode_nul, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urldecode_length_bounded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_basic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_empty_input, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_escapes_in_keys_and_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_second_equals_is_value, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_empty_pairs_skipped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_key_without_equals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_repeated_keys_in_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_malformed_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_malformed_value, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_invalid_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_length_bounded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_max_pairs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cookies_basic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cookies_null_and_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cookies_spaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cookies_quoted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cookies_values_not_decoded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cookies_malformed_skipped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cookies_repeated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cookies_many, setup, teardown),
		cmocka_unit_test(test_indexed_ok),
		cmocka_unit_test(test_indexed_rejects),
		cmocka_unit_test(test_indexed_maxidx_zero),
		cmocka_unit_test(test_indexed_huge_index_large_maxidx),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_utf8_length_bounded),
		cmocka_unit_test_setup_teardown(test_utf8_clean_every_high_byte, setup, teardown),
		cmocka_unit_test_setup_teardown(test_utf8_clean_keeps_valid_and_cuts_on_boundaries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlencode_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlencode_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flash_split, setup, teardown),
	};

	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
