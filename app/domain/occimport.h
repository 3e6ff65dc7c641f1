/*
 * occimport: the file of an occupier import (domain §2), read and checked
 * without the database: one occupier a line, with optionally one contract.
 * The columns are named by a header line, in any order (doc/occupier-import.md
 * lists them); billing_ref and name are required, the others may be left
 * out. Pure.
 */
#ifndef TENANTRY_OCCIMPORT_H
#define TENANTRY_OCCIMPORT_H

#include <stddef.h>
#include <stdint.h>

struct arena;

enum occimp_col {
	OI_BILLING_REF, OI_NAME, OI_LEGAL_NAME, OI_COMPANY_NO, OI_VAT_NUMBER,
	OI_BILLING_ADDRESS, OI_CONTACT_NAME, OI_CONTACT_EMAIL,
	OI_CONTACT2_NAME, OI_CONTACT2_EMAIL, OI_CONTACT3_NAME,
	OI_CONTACT3_EMAIL, OI_SITE, OI_CONTRACT_REF, OI_START_DATE,
	OI_END_DATE, OI_VALUE, OI_NOTICE_MONTHS, OI_DEPOSIT,
	OI__MAX
};

/* The column names of the header, in enum order. */
extern const char *const occimp_cols[OI__MAX];

struct occimp_row {
	size_t		 line;		/* of the file, from 1 */
	const char	*v[OI__MAX];	/* text as read and normalised ("" none) */
	int		 has_contract;	/* a contract_ref was given */
	int32_t		 start, end;	/* DATE_NONE when none */
	int64_t		 value, notice_months, deposit;
};

struct occimp_err {
	size_t		 line;
	const char	*text;		/* "line 4: ..." */
};

#define OCCIMP_ROWS_MAX		2000
#define OCCIMP_ERRS_MAX		50

struct occimp {
	struct occimp_row	*rows;
	size_t			 n;
	struct occimp_err	*errs;
	size_t			 nerrs;
	int			 more_errs;	/* past OCCIMP_ERRS_MAX */
};

/*
 * Read the file (len bytes, a UTF-8 CSV with a header line) into im, from
 * arena a: every row checked on its own (required fields, VAT and company
 * numbers, e-mails, dates, amounts, a contract's site and start) and
 * against the others (a billing or contract reference twice). Every
 * problem is an error naming its line; im->nerrs 0: the file is good.
 */
void	 occimp_read(struct arena *a, const char *data, size_t len,
	    struct occimp *im);
/* Add an error of line (for the checks against the database). */
void	 occimp_error(struct arena *a, struct occimp *im, size_t line,
	    const char *text);

#endif
