/*
 * totp: see totp.h.
 */
#include <string.h>

#include <liboath/oath.h>

#include "totp.h"

static int
lib_ready(void)
{
	static int	 ready;

	if (!ready && oath_init() == OATH_OK)
		ready = 1;
	return ready;
}

int
totp_verify(const unsigned char *secret, size_t len, int64_t now,
    const char *code, int64_t after_step, int64_t *step)
{
	uint64_t	 counter = 0;
	int		 pos = 0, rc;
	size_t		 n, i;

	*step = 0;
	if (code == NULL || (n = strlen(code)) < 6 || n > 8)
		return 0;
	for (i = 0; i < n; i++)
		if (code[i] < '0' || code[i] > '9')
			return 0;
	if (!lib_ready())
		return -1;
	rc = oath_totp_validate3((const char *)secret, len, (time_t)now,
	    TOTP_STEP, 0, TOTP_WINDOW, &pos, &counter, code);
	if (rc == OATH_INVALID_OTP)
		return 0;
	if (rc < 0)
		return -1;
	if ((int64_t)counter <= after_step)
		return 0;
	*step = (int64_t)counter;
	return 1;
}

int
totp_code(const unsigned char *secret, size_t len, int64_t now,
    unsigned digits, char *out, size_t cap)
{
	if (digits < 6 || digits > 8 || cap < digits + 1 || !lib_ready())
		return -1;
	return oath_totp_generate((const char *)secret, len, (time_t)now,
	    TOTP_STEP, 0, digits, out) == OATH_OK ? 0 : -1;
}

static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int
base32_encode(const unsigned char *in, size_t len, char *out, size_t cap)
{
	size_t		 n = 0, i;
	unsigned	 acc = 0, bits = 0;

	if (cap < (len * 8 + 4) / 5 + 1)
		return -1;
	for (i = 0; i < len; i++) {
		acc = (acc << 8) | in[i];
		bits += 8;
		while (bits >= 5) {
			out[n++] = b32[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0)
		out[n++] = b32[(acc << (5 - bits)) & 31];
	out[n] = '\0';
	return (int)n;
}

void
recovery_code_format(const unsigned char rnd[10], char out[RECOVERY_CODE_LEN + 1])
{
	char	 t[17];
	size_t	 i, n = 0;

	(void)base32_encode(rnd, 10, t, sizeof(t));
	for (i = 0; i < 16; i++) {
		if (i > 0 && i % 4 == 0)
			out[n++] = '-';
		out[n++] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] - 'A' + 'a' :
		    t[i]);
	}
	out[n] = '\0';
}

int
recovery_code_normalise(const char *in, char *out, size_t cap)
{
	size_t	 n = 0;
	char	 c;

	for (; *in != '\0'; in++) {
		c = *in;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')))
			return 0;
		if (n + 1 >= cap)
			return 0;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == 16;
}
