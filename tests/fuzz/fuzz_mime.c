/*
 * fuzz_mime: a whole message built with the input as display name,
 * subject and body parts (split at NUL bytes). Properties: the header
 * section has exactly the header fields mime_build writes (no input adds
 * one), every line ends with CRLF and is at most 78 columns (998 for the
 * body), headers hold printable ASCII only, and a refused address leaves
 * nothing written.
 */
#include "fuzz.h"
#include "domain/mime.h"

static const char *
piece(const char **p, const char *end)
{
	const char	*s = *p;

	if (s >= end)
		return "";
	*p = s + strlen(s) + 1;
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = fuzz_arena();
	struct mime_msg	 m;
	struct buf	 b;
	char		*in = fuzz_cstr(data, size), *s, *e, *hdr_end;
	const char	*p = in, *end = in + size;
	size_t		 fields = 0, col;
	int		 in_hdr = 1;

	memset(&m, 0, sizeof(m));
	m.from_name = piece(&p, end);
	m.to_name = piece(&p, end);
	m.subject = piece(&p, end);
	m.text = piece(&p, end);
	m.html = piece(&p, end);
	m.from_addr = "noreply@tenantry.example";
	m.to_addr = "ann@x.example";
	m.message_id = "tn.1.abcdef@tenantry.example";
	m.date = 1771234200;
	buf_init(&b, a, 256);
	FUZZ_CHECK(mime_build(&b, &m) == 0);
	hdr_end = strstr(b.p, "\r\n\r\n");
	FUZZ_CHECK(hdr_end != NULL);
	for (s = b.p; *s != '\0'; s = e + 2) {
		e = strstr(s, "\r\n");
		FUZZ_CHECK(e != NULL);		/* CRLF-terminated */
		col = (size_t)(e - s);
		FUZZ_CHECK(memchr(s, '\n', col) == NULL);
		FUZZ_CHECK(memchr(s, '\r', col) == NULL);
		if (s > hdr_end)
			in_hdr = 0;
		if (in_hdr && col > 0) {
			size_t i;

			FUZZ_CHECK(col <= 78);
			for (i = 0; i < col; i++)
				FUZZ_CHECK((unsigned char)s[i] >= 32 &&
				    (unsigned char)s[i] < 127);
			if (s[0] != ' ')
				fields++;
		} else
			FUZZ_CHECK(col <= 998);
	}
	/* From To Subject Date Message-ID MIME-Version Auto-Submitted
	 * Content-Type: nothing else. */
	FUZZ_CHECK(fields == 8);
	/* A bad recipient taken from the input: refused, nothing written. */
	buf_init(&b, a, 16);
	m.to_addr = m.subject;
	if (mime_build(&b, &m) == -1)
		FUZZ_CHECK(b.len == 0);
	else
		FUZZ_CHECK(mime_addr_ok(m.subject));
	free(in);
	arena_reset(a);
	return 0;
}
