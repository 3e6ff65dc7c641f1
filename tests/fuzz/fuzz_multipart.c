/*
 * fuzz_multipart: mp_boundary on the first line of the input, then
 * mp_parse of the rest with that boundary (or "XyZ" when the line is not a
 * valid Content-Type). Properties: within the limits; every file's bytes
 * lie inside the body; names and text values are valid UTF-8 without NUL;
 * a failure says why.
 */
#include "fuzz.h"
#include "http/multipart.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = fuzz_arena();
	struct kvlist	 fields;
	struct mp_files	 files;
	const char	*bound, *bad = NULL, *body;
	char		*in = fuzz_cstr(data, size), *nl;
	size_t		 blen, i;
	int		 rc;

	nl = memchr(in, '\n', size);
	if (nl != NULL) {
		*nl = '\0';
		body = nl + 1;
		blen = size - (size_t)(nl + 1 - in);
	} else {
		body = in;
		blen = size;
	}
	bound = nl != NULL ? mp_boundary(a, in) : NULL;
	if (bound != NULL) {
		FUZZ_CHECK(strlen(bound) >= 1 && strlen(bound) <= 70);
		FUZZ_CHECK(strstr(in, bound) != NULL);
	} else
		bound = "XyZ";
	rc = mp_parse(a, body, blen, bound, &fields, &files, &bad);
	FUZZ_CHECK(rc == 0 || rc == -1 || rc == -2);
	if (rc != 0) {
		FUZZ_CHECK(bad != NULL);
	} else {
		FUZZ_CHECK(fields.n <= MP_MAX_PARTS);
		FUZZ_CHECK(files.n <= MP_MAX_FILES);
		for (i = 0; i < fields.n; i++) {
			FUZZ_CHECK(fields.v[i].key[0] != '\0');
			FUZZ_CHECK(parse_utf8_valid(fields.v[i].key,
			    strlen(fields.v[i].key)));
			FUZZ_CHECK(strlen(fields.v[i].val) == fields.v[i].vlen);
			FUZZ_CHECK(parse_utf8_valid(fields.v[i].val,
			    fields.v[i].vlen));
		}
		for (i = 0; i < files.n; i++) {
			const struct mp_file *f = &files.f[i];

			FUZZ_CHECK(f->data >= body && f->data + f->len <=
			    body + blen);
			FUZZ_CHECK(strchr(f->filename, '/') == NULL);
			FUZZ_CHECK(strchr(f->filename, '\\') == NULL);
		}
	}
	free(in);
	arena_reset(a);
	return 0;
}
