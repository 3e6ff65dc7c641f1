/*
 * date: civil dates as day numbers (days since 1970-01-01), proleptic
 * Gregorian. Pure; no time zones here (see date_today in the app).
 */
#ifndef TENANTRY_DATE_H
#define TENANTRY_DATE_H

#include <stddef.h>
#include <stdint.h>

#define DATE_NONE	INT32_MIN	/* "no date" (e.g. an open end) */
#define DATE_STRLEN	11		/* "YYYY-MM-DD" + NUL */

int32_t	 date_from_ymd(int y, int m, int d);
void	 date_to_ymd(int32_t days, int *y, int *m, int *d);
int	 date_is_leap(int y);
int	 date_days_in_month(int y, int m);
/* Strict "YYYY-MM-DD" (years 1900-9999, real calendar day). 0 or -1. */
int	 date_parse(const char *s, int32_t *out);
/* "YYYY-MM-DD" into buf (at least DATE_STRLEN bytes); "" for DATE_NONE. */
void	 date_format(int32_t days, char *buf, size_t cap);
/* "25 Nov 2026" into buf; "" for DATE_NONE. */
void	 date_format_long(int32_t days, char *buf, size_t cap);

#endif
