/*
 * validate: field validators with byte caps. Pure; each returns NULL when
 * the value is acceptable (and stores the typed value), or a message that
 * completes the sentence "<Label> ..." (e.g. "is required").
 */
#ifndef TENANTRY_VALIDATE_H
#define TENANTRY_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

enum ftype {
	FT_TEXT,	/* one line: no control characters */
	FT_MULTILINE,	/* text with newlines and tabs */
	FT_EMAIL,	/* local@domain, one line */
	FT_DATE,	/* YYYY-MM-DD */
	FT_MONEY,	/* 12.34, non-negative */
	FT_INT,		/* integer in [min, max] */
	FT_PASSWORD,	/* any bytes but NUL, length >= min */
	FT_ID,		/* a row id: 1 to 18 digits, no sign, no leading zero */
	FT_ENUM,	/* one of choices (NULL-terminated); i: its index */
	FT__MAX
};

struct field {
	const char	*key;		/* form name */
	const char	*label;		/* shown in messages */
	enum ftype	 type;
	size_t		 cap;		/* maximum bytes */
	int		 required;
	int64_t		 min, max;	/* FT_INT range; FT_PASSWORD min length */
	const char *const *choices;	/* FT_ENUM: the values it takes */
	int		 plural;	/* the label is plural ("Details"):
					 * messages say "are", not "is" */
};

struct fval {
	const char	*raw;		/* as submitted (for re-display), "" if absent */
	int		 present;	/* non-empty after trimming */
	const char	*s;		/* trimmed text */
	int64_t		 i;		/* FT_INT, FT_ID, FT_MONEY (minor units), FT_ENUM (index) */
	int32_t		 date;		/* FT_DATE, DATE_NONE when empty */
	const char	*err;		/* NULL, or "is required" etc. */
};

/*
 * Validate raw (len bytes, NUL-terminated, may be NULL for absent) against
 * f. trimmed must have room for len + 1 bytes; it receives the value with
 * leading and trailing white space removed. Fills v; returns v->err.
 */
const char	*validate_field(const struct field *f, const char *raw,
		    size_t len, char *trimmed, struct fval *v);

/* The one parser of row ids (paths, forms, queries): 1 to 18 decimal
 * digits, no sign, no leading zero, nothing else. 0 ok (*id > 0), -1 not. */
int		 validate_id(const char *s, int64_t *id);
/* The index of s in choices (NULL-terminated), or -1. */
int		 validate_enum(const char *s, const char *const *choices);
/* A name as compared for "the same name": s without leading and trailing
 * white space and with each run of it inside made one space, into out
 * (cap bytes, cut on a UTF-8 boundary). Letter case is left to the
 * database's collation. */
void		 validate_name_fold(const char *s, char *out, size_t cap);
/* Whether day ranges [a0, a1] and [b0, b1] (inclusive; an end of
 * DATE_NONE: open) share a day. */
int		 validate_ranges_overlap(int32_t a0, int32_t a1, int32_t b0,
		    int32_t b1);

#endif
