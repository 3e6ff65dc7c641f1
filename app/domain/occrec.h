/*
 * occrec: the rules of an occupier's record (domain §2): VAT registration
 * numbers and company numbers, checked leniently and normalised. Pure.
 */
#ifndef TENANTRY_OCCREC_H
#define TENANTRY_OCCREC_H

#include <stddef.h>

/* Room for a normalised VAT number ("GB123456789012", "ATU12345678"). */
#define VAT_STRLEN	16

/*
 * A VAT registration number as typed ("GB 123 4567 89", "gb123.4567.89",
 * "DE-123456789"): spaces, dots and hyphens are dropped and letters put
 * in capitals. Accepted: GB or XI and 9 or 12 digits, or GD/HA and 3
 * digits (UK government departments and health authorities); the prefix
 * of an EU member state (EL for Greece) and 2 to 12 letters or digits
 * with at least one digit. The empty text is accepted (no number) and
 * gives "". Returns NULL and writes the normalised number into out (cap
 * bytes, at least VAT_STRLEN), or the message completing "VAT number ...".
 */
const char	*vat_check(const char *s, char *out, size_t cap);

/*
 * A company registration number ("01234567", "SC123456", "OC 301 234"):
 * spaces dropped, letters put in capitals, 2 to 12 letters or digits with
 * at least one digit; "" accepted. Returns NULL and the normalised number
 * in out (cap bytes, at least 13), or the message completing "Company
 * number ...".
 */
const char	*company_no_check(const char *s, char *out, size_t cap);

#endif
