/*
 * account: see account.h.
 */
#include <string.h>

#include "account.h"

size_t
account_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

enum account_pw
account_password_check(const char *pw, const char *confirm)
{
	if (account_chars(pw) < ACCOUNT_PASSWORD_MIN)
		return ACCOUNT_PW_SHORT;
	if (strcmp(pw, confirm) != 0)
		return ACCOUNT_PW_MISMATCH;
	return ACCOUNT_PW_OK;
}

char *
account_email_fold(char *s)
{
	char	*p;

	for (p = s; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return s;
}

int64_t
account_window_left(int64_t now, int64_t window)
{
	return window - now % window;
}

int64_t
account_wait_minutes(int64_t s)
{
	return (s + 59) / 60;
}
