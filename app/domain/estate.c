/*
 * estate: the rules of the estate an operator sets up (estate.h).
 */
#include <string.h>

#include "estate.h"

int
estate_currency_ok(const char *s)
{
	size_t	 i;

	if (s == NULL || strlen(s) != 3)
		return 0;
	for (i = 0; i < 3; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

static int
tzchar(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+';
}

int
estate_timezone_ok(const char *s)
{
	size_t	 part = 0, n;

	if (s == NULL || (n = strlen(s)) == 0 || n > 64)
		return 0;
	for (; *s != '\0'; s++) {
		if (*s == '/') {
			if (part == 0)
				return 0;
			part = 0;
			continue;
		}
		if (!tzchar(*s) || ++part > 30)
			return 0;
	}
	return part > 0;
}
