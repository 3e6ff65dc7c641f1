/*
 * totp: two-factor codes (RFC 6238 TOTP: HMAC-SHA-1, 30-second steps, 6
 * digits, one step either side accepted), the base32 text of a secret, and
 * recovery codes. Pure: no I/O; the HMAC and the truncation are liboath's.
 */
#ifndef TENANTRY_TOTP_H
#define TENANTRY_TOTP_H

#include <stddef.h>
#include <stdint.h>

#define TOTP_SECRET_BYTES	20	/* 160 bits, RFC 4226's recommendation */
#define TOTP_STEP		30	/* seconds */
#define TOTP_DIGITS		6
#define TOTP_WINDOW		1	/* steps accepted before and after now */

/*
 * Check code (its digits: 6 for users; the RFC's 8-digit vectors work too)
 * against secret at unix time now, within TOTP_WINDOW steps. 1 and the
 * matching step (unix time / TOTP_STEP) in *step; 0 not a valid code
 * (wrong, malformed, or of a step at or before after_step: a code already
 * used cannot be used again); -1 library failure.
 */
int	 totp_verify(const unsigned char *secret, size_t len, int64_t now,
	    const char *code, int64_t after_step, int64_t *step);

/* The code of digits digits (6..8) for secret at time now into out (at
 * least digits + 1 bytes). 0, or -1. */
int	 totp_code(const unsigned char *secret, size_t len, int64_t now,
	    unsigned digits, char *out, size_t cap);

/* RFC 4648 base32 (A-Z2-7) without padding of in, into out (cap bytes,
 * NUL-terminated). The length written, or -1 when cap is too small. */
int	 base32_encode(const unsigned char *in, size_t len, char *out,
	    size_t cap);

#define RECOVERY_CODES		10
#define RECOVERY_CODE_LEN	19	/* xxxx-xxxx-xxxx-xxxx: 80 random bits */

/* Format 10 random bytes as a recovery code (RECOVERY_CODE_LEN + 1 bytes). */
void	 recovery_code_format(const unsigned char rnd[10],
	    char out[RECOVERY_CODE_LEN + 1]);
/* The canonical form of a typed recovery code (lower case, no blanks or
 * dashes) into out (cap bytes): 1, or 0 when it cannot be one. */
int	 recovery_code_normalise(const char *in, char *out, size_t cap);

#endif
