/*
 * csv: RFC 4180 output (quoted fields, CRLF line ends), safe to open in a
 * spreadsheet: a text field starting with = + - @ (or tab/CR) gets a
 * leading apostrophe so that it is never read as a formula.
 */
#ifndef TENANTRY_CSV_H
#define TENANTRY_CSV_H

#include <stdint.h>

struct buf;

/* Append one text field (quoted; ',' before it unless first). */
void	 csv_text(struct buf *, const char *s, int first);
/* Append an amount in minor units as a plain number ("-12.50"). */
void	 csv_money(struct buf *, int64_t minor, int first);
void	 csv_int(struct buf *, int64_t v, int first);
/* End the record. */
void	 csv_end(struct buf *);

#endif
