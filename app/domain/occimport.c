/*
 * occimport: see occimport.h.
 */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "date.h"
#include "money.h"
#include "occimport.h"
#include "occrec.h"
#include "usage.h"
#include "validate.h"

const char *const occimp_cols[OI__MAX] = {
	"billing_ref", "name", "legal_name", "company_no", "vat_number",
	"billing_address", "contact_name", "contact_email", "contact2_name",
	"contact2_email", "contact3_name", "contact3_email", "site",
	"contract_ref", "start_date", "end_date", "value", "notice_months",
	"deposit",
};

/* Byte caps of the text columns, as the occupier and contract forms. */
static const size_t col_cap[OI__MAX] = {
	64, 200, 200, 20, 32, 500, 200, 254, 200, 254, 200, 254, 200, 64, 10,
	10, 20, 2, 20,
};

void
occimp_error(struct arena *a, struct occimp *im, size_t line,
    const char *text)
{
	if (im->nerrs == OCCIMP_ERRS_MAX) {
		im->more_errs = 1;
		return;
	}
	if (im->errs == NULL)
		im->errs = arena_calloc(a, OCCIMP_ERRS_MAX, sizeof(*im->errs));
	im->errs[im->nerrs].line = line;
	im->errs[im->nerrs].text = arena_printf(a, "Line %zu: %s", line, text);
	im->nerrs++;
}

/* The header: map[i] the column of field i, -1 for an unknown name (an
 * error). 0 ok, -1 refused. */
static int
header(struct arena *a, struct occimp *im, char **f, int nf, int *map,
    size_t line)
{
	int	 i, k, seen[OI__MAX];

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < nf; i++) {
		for (k = 0; k < OI__MAX; k++)
			if (strcmp(f[i], occimp_cols[k]) == 0)
				break;
		if (k == OI__MAX || seen[k]) {
			occimp_error(a, im, line, arena_printf(a, "column "
			    "\u201c%s\u201d is %s", f[i], k == OI__MAX ?
			    "not one of the columns of an occupier import" :
			    "there twice"));
			return -1;
		}
		seen[k] = 1;
		map[i] = k;
	}
	if (!seen[OI_BILLING_REF] || !seen[OI_NAME]) {
		occimp_error(a, im, line, "the header must name the columns "
		    "billing_ref and name (and any of the others)");
		return -1;
	}
	return 0;
}

/* Dates, amounts and the notice period of a row with a contract. */
static void
check_contract(struct arena *a, struct occimp *im, struct occimp_row *r)
{
	const char	*const *v = r->v;

	if (*v[OI_SITE] == '\0')
		occimp_error(a, im, r->line, "site is required with a contract");
	if (date_parse(v[OI_START_DATE], &r->start) < 0)
		occimp_error(a, im, r->line, arena_printf(a, "start_date "
		    "\u201c%s\u201d is not a date (YYYY-MM-DD)",
		    v[OI_START_DATE]));
	if (*v[OI_END_DATE] != '\0' && date_parse(v[OI_END_DATE],
	    &r->end) < 0)
		occimp_error(a, im, r->line, arena_printf(a, "end_date "
		    "\u201c%s\u201d is not a date (YYYY-MM-DD)", v[OI_END_DATE]));
	else if (r->end != DATE_NONE && r->start != DATE_NONE &&
	    r->end < r->start)
		occimp_error(a, im, r->line, "end_date is before start_date");
	if (*v[OI_VALUE] != '\0' && (money_parse(v[OI_VALUE], &r->value) < 0 ||
	    r->value > MONEY_MAX))
		occimp_error(a, im, r->line, arena_printf(a, "value \u201c%s"
		    "\u201d is not an amount such as 1250.00", v[OI_VALUE]));
	if (*v[OI_DEPOSIT] != '\0' && (money_parse(v[OI_DEPOSIT],
	    &r->deposit) < 0 || r->deposit > MONEY_MAX))
		occimp_error(a, im, r->line, arena_printf(a, "deposit \u201c%s"
		    "\u201d is not an amount such as 2500.00", v[OI_DEPOSIT]));
	if (*v[OI_NOTICE_MONTHS] != '\0') {
		const char *s = v[OI_NOTICE_MONTHS];

		if (strspn(s, "0123456789") != strlen(s) || strlen(s) > 2 ||
		    (r->notice_months = (s[0] - '0') * (s[1] ? 10 : 1) +
		    (s[1] ? s[1] - '0' : 0)) > 24)
			occimp_error(a, im, r->line, arena_printf(a,
			    "notice_months \u201c%s\u201d is not a number of "
			    "months from 0 to 24", s));
	}
}

/* VAT and company numbers, contacts. */
static void
check_record(struct arena *a, struct occimp *im, struct occimp_row *r)
{
	static const struct field email = { "email", "e-mail", FT_EMAIL, 254,
	    0, 0, 0, NULL, 0 };
	static const int mails[3][2] = { { OI_CONTACT_NAME, OI_CONTACT_EMAIL },
	    { OI_CONTACT2_NAME, OI_CONTACT2_EMAIL },
	    { OI_CONTACT3_NAME, OI_CONTACT3_EMAIL } };
	const char	*m;
	char		*out, *t;
	struct fval	 fv;
	size_t		 i, len;

	out = arena_alloc(a, VAT_STRLEN);
	if ((m = vat_check(r->v[OI_VAT_NUMBER], out, VAT_STRLEN)) != NULL)
		occimp_error(a, im, r->line, arena_printf(a, "vat_number "
		    "\u201c%s\u201d %s", r->v[OI_VAT_NUMBER], m));
	else
		r->v[OI_VAT_NUMBER] = out;
	out = arena_alloc(a, 16);
	if ((m = company_no_check(r->v[OI_COMPANY_NO], out, 16)) != NULL)
		occimp_error(a, im, r->line, arena_printf(a, "company_no "
		    "\u201c%s\u201d %s", r->v[OI_COMPANY_NO], m));
	else
		r->v[OI_COMPANY_NO] = out;
	for (i = 0; i < 3; i++) {
		const char *e = r->v[mails[i][1]];

		len = strlen(e);
		t = arena_alloc(a, len + 1);
		if (validate_field(&email, e, len, t, &fv) != NULL)
			occimp_error(a, im, r->line, arena_printf(a, "%s "
			    "\u201c%s\u201d is not an e-mail address",
			    occimp_cols[mails[i][1]], e));
		else if (*e == '\0' && *r->v[mails[i][0]] != '\0')
			occimp_error(a, im, r->line, arena_printf(a, "%s is "
			    "required: %s has a name", occimp_cols[mails[i][1]],
			    occimp_cols[mails[i][0]]));
	}
}

/* One data row: fields f (nf of them, by map) into r, checked. */
static void
row(struct arena *a, struct occimp *im, struct occimp_row *r, char **f,
    int nf, const int *map, int ncols, size_t line)
{
	int	 i;

	memset(r, 0, sizeof(*r));
	r->line = line;
	r->start = r->end = DATE_NONE;
	for (i = 0; i < OI__MAX; i++)
		r->v[i] = "";
	if (nf != ncols) {
		occimp_error(a, im, line, arena_printf(a, "has %d field%s; the "
		    "header has %d", nf, nf == 1 ? "" : "s", ncols));
		return;
	}
	for (i = 0; i < nf; i++) {
		if (strlen(f[i]) > col_cap[map[i]]) {
			occimp_error(a, im, line, arena_printf(a, "%s is longer "
			    "than %zu bytes", occimp_cols[map[i]],
			    col_cap[map[i]]));
			return;
		}
		r->v[map[i]] = arena_strdup(a, f[i]);
	}
	if (*r->v[OI_BILLING_REF] == '\0')
		occimp_error(a, im, line, "billing_ref is required");
	if (*r->v[OI_NAME] == '\0')
		occimp_error(a, im, line, "name is required");
	check_record(a, im, r);
	if ((r->has_contract = *r->v[OI_CONTRACT_REF] != '\0'))
		check_contract(a, im, r);
	else if (*r->v[OI_SITE] != '\0' || *r->v[OI_START_DATE] != '\0')
		occimp_error(a, im, line, "contract_ref is required with a "
		    "site or a start_date");
}

/* A billing or contract reference on two lines. */
static void
twice(struct arena *a, struct occimp *im)
{
	size_t	 i, j;

	for (i = 0; i < im->n; i++)
		for (j = 0; j < i; j++) {
			const struct occimp_row *x = &im->rows[i], *y =
			    &im->rows[j];

			if (*x->v[OI_BILLING_REF] != '\0' &&
			    strcmp(x->v[OI_BILLING_REF],
			    y->v[OI_BILLING_REF]) == 0)
				occimp_error(a, im, x->line, arena_printf(a,
				    "billing_ref %s is on line %zu too",
				    x->v[OI_BILLING_REF], y->line));
			if (x->has_contract && y->has_contract &&
			    strcmp(x->v[OI_CONTRACT_REF],
			    y->v[OI_CONTRACT_REF]) == 0)
				occimp_error(a, im, x->line, arena_printf(a,
				    "contract_ref %s is on line %zu too",
				    x->v[OI_CONTRACT_REF], y->line));
		}
}

void
occimp_read(struct arena *a, const char *data, size_t len, struct occimp *im)
{
	struct usage_csv	*c;
	char			*f[OI__MAX], msg[160];
	int			 nf, map[OI__MAX], ncols = -1;

	memset(im, 0, sizeof(*im));
	c = arena_alloc(a, sizeof(*c));
	usage_csv_init(c, data, len);
	c->max_fields = OI__MAX;
	im->rows = arena_calloc(a, OCCIMP_ROWS_MAX, sizeof(*im->rows));
	while ((nf = usage_csv_next(c, f, msg, sizeof(msg))) != 0) {
		if (nf < 0) {
			occimp_error(a, im, c->line, msg);
			return;
		}
		if (ncols < 0) {
			if (header(a, im, f, nf, map, c->line) < 0)
				return;
			ncols = nf;
			continue;
		}
		if (im->n == OCCIMP_ROWS_MAX) {
			occimp_error(a, im, c->line, arena_printf(a, "a file "
			    "holds at most %d occupiers", OCCIMP_ROWS_MAX));
			return;
		}
		row(a, im, &im->rows[im->n++], f, nf, map, ncols, c->line);
	}
	if (ncols < 0)
		occimp_error(a, im, 1, "the file is empty: it needs a header "
		    "line and a line per occupier");
	twice(a, im);
}
