/*
 * account: the rules of accounts, pure (no I/O): what a new password must
 * be, how e-mail addresses compare, how long a paced action waits.
 */
#ifndef TENANTRY_ACCOUNT_H
#define TENANTRY_ACCOUNT_H

#include <stddef.h>
#include <stdint.h>

/* The minimum length of a new password, in characters. */
#define ACCOUNT_PASSWORD_MIN	10

enum account_pw {
	ACCOUNT_PW_OK,
	ACCOUNT_PW_SHORT,	/* fewer than ACCOUNT_PASSWORD_MIN characters */
	ACCOUNT_PW_MISMATCH,	/* the confirmation differs */
};

/* Characters (UTF-8 code points) of s. */
size_t	 account_chars(const char *s);
/* A new password and its confirmation, both as typed (never trimmed). */
enum account_pw account_password_check(const char *pw, const char *confirm);
/* An e-mail address as accounts keep and compare it: ASCII letters in
 * lower case, in place; returns s. */
char	*account_email_fold(char *s);
/* Seconds from now to the end of the fixed window of `window` seconds
 * (windows start at multiples of it) that holds now: 1 to window. */
int64_t	 account_window_left(int64_t now, int64_t window);
/* Whole minutes to say for a wait of s seconds (rounded up). */
int64_t	 account_wait_minutes(int64_t s);

#endif
