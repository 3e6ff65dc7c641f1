/*
 * winansi: UTF-8 text as Windows-1252 ("WinAnsiEncoding"), the encoding of
 * the PDF standard fonts (Helvetica) that invoices are printed with. Pure.
 */
#ifndef TENANTRY_WINANSI_H
#define TENANTRY_WINANSI_H

#include <stddef.h>

/*
 * Convert NUL-terminated UTF-8 s into out (cap bytes, NUL-terminated,
 * truncated to fit). Characters Windows-1252 has (Latin-1, the euro sign,
 * curly quotes, dashes, bullets...) become its single bytes; a character
 * it lacks, or a malformed sequence, becomes '?'; control characters
 * become a space. Returns the length written.
 */
size_t	 winansi_from_utf8(const char *s, char *out, size_t cap);

#endif
