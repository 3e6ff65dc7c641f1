/*
 * mime: an e-mail message as the sender hands it to the relay (RFC 5322,
 * RFC 2045-2047): headers, and a multipart/alternative body with a
 * text/plain and a text/html part, both UTF-8 in quoted-printable. Pure:
 * no I/O, no clock (the date is given); fuzzed in tests/fuzz/.
 *
 * Headers are never made by pasting text into them: a display name or a
 * subject is first stripped of control characters (CR and LF included,
 * each becomes a space), then written as it is when it is plain printable
 * ASCII, else as RFC 2047 encoded-words (UTF-8, base64) that never split a
 * character; long headers are folded (CRLF SP) under 78 columns where
 * there is a space. Addresses and the Message-ID are checked, not encoded:
 * anything but printable ASCII without spaces and specials is refused.
 */
#ifndef TENANTRY_MIME_H
#define TENANTRY_MIME_H

#include <stddef.h>
#include <stdint.h>

struct buf;

struct mime_msg {
	const char	*from_name;	/* display name (UTF-8), may be "" */
	const char	*from_addr;
	const char	*to_name;	/* may be "" */
	const char	*to_addr;
	const char	*subject;	/* UTF-8 */
	const char	*message_id;	/* left@right, without <> */
	int64_t		 date;		/* unix seconds, written in UTC */
	const char	*text;		/* text/plain part (UTF-8) */
	const char	*html;		/* text/html part (UTF-8) */
};

/* 1 when addr is an address fit for a header and an SMTP envelope. */
int	 mime_addr_ok(const char *addr);
/* 1 when id (without <>) is fit for a Message-ID header. */
int	 mime_msgid_ok(const char *id);

/*
 * The whole message, CRLF line ends, into out (appended). 0, or -1 when an
 * address or the Message-ID is refused (out is then left as it was).
 */
int	 mime_build(struct buf *out, const struct mime_msg *);

/* Pieces, exposed for tests. */
/* "Name: value" of an unstructured header (Subject), folded, CRLF-ended. */
void	 mime_header_text(struct buf *, const char *name, const char *value);
/* "Name: phrase <addr>" (phrase omitted when empty), CRLF-ended. */
void	 mime_header_addr(struct buf *, const char *name, const char *phrase,
	    const char *addr);
/* s[0..n) in quoted-printable: LF or CRLF ends a line, lines <= 76. */
void	 mime_qp(struct buf *, const char *s, size_t n);
/* RFC 5322 date of t in UTC: "Mon, 16 Feb 2026 09:30:00 +0000". */
void	 mime_date(char out[40], int64_t t);

#endif
