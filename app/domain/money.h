/*
 * money: integer minor units (pence). Never floating point.
 */
#ifndef TENANTRY_MONEY_H
#define TENANTRY_MONEY_H

#include <stddef.h>
#include <stdint.h>

#define MONEY_MAX	INT64_C(99999999999)	/* 999,999,999.99: DECIMAL(12,2)-sized */
#define MONEY_STRLEN	32

/*
 * Parse a non-negative amount: digits with an optional '.' and at most two
 * decimals ("12", "12.5", "12.50"); surrounding spaces and thousands
 * commas ("1,234.50") are accepted. Returns 0 and sets *out, or -1.
 */
int	 money_parse(const char *s, int64_t *out);
/*
 * A price as an operator types it: money_parse's amount, optionally after
 * the operator's currency symbol or its ISO 4217 code ("£5.00", "£ 1,250",
 * "GBP 5.00"; currency is the operator's code, e.g. "GBP"). Another
 * currency's symbol is refused. Returns 0 and sets *out, or -1.
 */
int	 money_parse_price(const char *s, const char *currency, int64_t *out);
/* The symbol of ISO 4217 code currency ("GBP": "£"), or NULL if unknown. */
const char *money_symbol(const char *currency);
/* "1234.50" (plain, for form fields). */
void	 money_format(int64_t minor, char *buf, size_t cap);
/* "1,234.50" (display). */
void	 money_format_display(int64_t minor, char *buf, size_t cap);
/*
 * An amount on screen, in its currency: "£1,234.56", "-£1,234.56",
 * "€0.50"; a currency whose symbol is letters, or an unknown code, is
 * written before the amount with a space ("CHF 12.00", "XYZ 12.00");
 * NULL or "": the display form without a currency ("1,234.56").
 * Truncated to cap - 1 bytes like snprintf. CSV files keep money_format.
 */
void	 money_format_cur(int64_t minor, const char *currency, char *buf,
	    size_t cap);
/* a * qty with overflow check: 0 ok, -1 overflow. */
int	 money_mul(int64_t a, int64_t qty, int64_t *out);

#endif
