/*
 * date: see date.h. The civil/day conversions are Howard Hinnant's
 * public-domain algorithms (days_from_civil / civil_from_days).
 */
#include <stdio.h>
#include <string.h>

#include "date.h"

int32_t
date_from_ymd(int y, int m, int d)
{
	int		 yy, era;
	unsigned	 yoe, doy, doe;

	yy = y - (m <= 2);
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = (unsigned)(yy - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + (int)doe - 719468);
}

void
date_to_ymd(int32_t days, int *y, int *m, int *d)
{
	int		 z, era, yy, mm;
	unsigned	 doe, yoe, doy, mp;

	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = (int)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	*m = mm;
	*y = yy + (mm <= 2);
}

int
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int dim[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : dim[m - 1];
}

static int
digits(const char *s, size_t n, int *out)
{
	size_t	 i;
	int	 v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
date_parse(const char *s, int32_t *out)
{
	int	 y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
		return -1;
	if (y < 1900 || m < 1 || m > 12 || d < 1 ||
	    d > date_days_in_month(y, m))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

/* v (0 <= v < 10^n) as exactly n digits at p; returns p + n. */
static char *
put_digits(char *p, int v, int n)
{
	int	 i;

	for (i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + n;
}

void
date_format(int32_t days, char *buf, size_t cap)
{
	int	 y, m, d;

	if (cap == 0)
		return;
	if (days == DATE_NONE) {
		buf[0] = '\0';
		return;
	}
	date_to_ymd(days, &y, &m, &d);
	if (cap < DATE_STRLEN || y < 0 || y > 9999) {
		snprintf(buf, cap, "%04d-%02d-%02d", y, m, d);
		return;
	}
	/* By hand: pages format dozens of dates, and snprintf was most of it. */
	put_digits(buf, y, 4);
	buf[4] = '-';
	put_digits(buf + 5, m, 2);
	buf[7] = '-';
	put_digits(buf + 8, d, 2);
	buf[10] = '\0';
}

void
date_format_long(int32_t days, char *buf, size_t cap)
{
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int	 y, m, d;

	if (cap == 0)
		return;
	if (days == DATE_NONE) {
		buf[0] = '\0';
		return;
	}
	date_to_ymd(days, &y, &m, &d);
	if (cap < 12 || y < 0 || y > 9999) {
		snprintf(buf, cap, "%d %s %04d", d, mon[m - 1], y);
		return;
	}
	if (d >= 10)
		buf = put_digits(buf, d, 2);
	else
		buf = put_digits(buf, d, 1);
	*buf++ = ' ';
	memcpy(buf, mon[m - 1], 3);
	buf[3] = ' ';
	put_digits(buf + 4, y, 4);
	buf[8] = '\0';
}
