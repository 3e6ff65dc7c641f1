/*
 * test_invoice: VAT per line and per rate, charge lines into invoice lines
 * (proration, adjustments after a change, a run done twice), credit notes
 * that reverse exactly, statuses, the Windows-1252 text of the PDF, and
 * the accounting systems' export rows.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "domain/acct_export.h"
#include "domain/charges.h"
#include "domain/date.h"
#include "domain/invoice.h"
#include "domain/money.h"
#include "domain/winansi.h"

#define D(y, m, d)	date_from_ymd((y), (m), (d))

static int64_t
vat_of(int64_t net, int bp)
{
	int64_t	 v = -42;

	assert_int_equal(vat_line(net, bp, &v), 0);
	return v;
}

static void
test_vat_line_rounding(void **state)
{
	int64_t	 v;

	(void)state;
	assert_int_equal(vat_of(10000, 2000), 2000);
	assert_int_equal(vat_of(1, 2000), 0);		/* 0.2p */
	assert_int_equal(vat_of(2, 2000), 0);		/* 0.4p */
	assert_int_equal(vat_of(3, 2000), 1);		/* 0.6p */
	assert_int_equal(vat_of(7, 2000), 1);		/* 1.4p */
	assert_int_equal(vat_of(8, 2000), 2);		/* 1.6p */
	assert_int_equal(vat_of(484, 2000), 97);	/* 96.8p */
	assert_int_equal(vat_of(1742, 2000), 348);	/* 348.4p */
	/* Exactly half rounds up; a negative amount rounds like its
	 * positive, so a reversal's VAT is exactly the opposite. */
	assert_int_equal(vat_of(1, 5000), 1);
	assert_int_equal(vat_of(-1, 5000), -1);
	assert_int_equal(vat_of(-3, 2000), -1);
	assert_int_equal(vat_of(-484, 2000), -97);
	assert_int_equal(vat_of(12345, 0), 0);
	assert_int_equal(vat_of(0, 2000), 0);
	for (v = -2000; v <= 2000; v++)
		assert_int_equal(vat_of(-v, 2000), -vat_of(v, 2000));
	assert_int_equal(vat_line(INT64_MAX, 2000, &v), -1);
	assert_int_equal(vat_line(INT64_MIN, 2000, &v), -1);
	assert_int_equal(vat_line(100, 10001, &v), -1);
	assert_int_equal(vat_line(100, -1, &v), -1);
}

static struct inv_line
line(enum vat_rate r, int64_t net)
{
	struct inv_line	 l;

	memset(&l, 0, sizeof(l));
	l.kind = IL_ONEOFF;
	l.rate = r;
	l.net = net;
	l.from = l.to = l.month = DATE_NONE;
	l.qty = 1;
	l.unit_price = net;
	assert_int_equal(inv_line_vat(&l), 0);
	return l;
}

static void
test_totals_per_rate(void **state)
{
	struct inv_line		 l[6];
	struct inv_totals	 t;

	(void)state;
	l[0] = line(VAT_EXEMPT, 700);
	l[1] = line(VAT_STANDARD, 3);
	l[2] = line(VAT_ZERO, 500);
	l[3] = line(VAT_STANDARD, 3);
	l[4] = line(VAT_STANDARD, 3);
	l[5] = line(VAT_STANDARD, 1000);
	assert_int_equal(inv_totals(l, 6, &t), 0);
	/* VAT per line, then summed per rate: 3 x 0.6p rounds to 3 x 1p,
	 * where 20 % of the 9p sum would be 2p. */
	assert_int_equal(t.nrates, 3);
	assert_int_equal(t.rates[0].rate, VAT_STANDARD);
	assert_int_equal(t.rates[0].bp, 2000);
	assert_int_equal(t.rates[0].net, 1009);
	assert_int_equal(t.rates[0].vat, 203);
	assert_int_equal(t.rates[1].rate, VAT_ZERO);
	assert_int_equal(t.rates[1].net, 500);
	assert_int_equal(t.rates[1].vat, 0);
	assert_int_equal(t.rates[2].rate, VAT_EXEMPT);
	assert_int_equal(t.rates[2].net, 700);
	assert_int_equal(t.net, 2209);
	assert_int_equal(t.vat, 203);
	assert_int_equal(t.gross, 2412);
	/* A discount lowers net and VAT of its rate. */
	l[0] = line(VAT_STANDARD, -509);
	assert_int_equal(inv_totals(l, 6, &t), 0);
	assert_int_equal(t.nrates, 2);
	assert_int_equal(t.rates[0].net, 500);
	assert_int_equal(t.rates[0].vat, 101);	/* 1+1+1+200-102 */
	assert_int_equal(t.gross, 500 + 101 + 500);
	assert_int_equal(inv_totals(l, 0, &t), 0);
	assert_int_equal(t.gross, 0);
	assert_int_equal(t.nrates, 0);
}

/* The segments of one service in month (y, m) as wanted segments. */
static size_t
segs_of(int32_t start, int32_t end, int64_t price, int64_t qty,
    const struct charge_change *ch, size_t nch, int y, int m, int64_t occsvc,
    struct inv_seg *out, size_t ord0)
{
	struct charge_seg	 s[16];
	struct charge_line	 cl[16];
	size_t			 n, k;

	n = charges_segments(start, end, price, qty, ch, nch, s, 16);
	n = charges_month(s, n, y, m, cl, 16);
	for (k = 0; k < n; k++)
		inv_seg_from_charge(&out[k], &cl[k], occsvc, 7, 1, 100,
		    ord0 + k);
	return n;
}

static int64_t
signed_sum(const struct inv_seg *s, size_t n)
{
	int64_t	 t = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		t += s[i].sign * s[i].amount;
	return t;
}

static void
test_proration_into_lines(void **state)
{
	/* 15.00 x 1 from 10 Jan, QTY 3 from 20 Jan: 4.84 + 17.42 (the
	 * charges report's lines), as two charge lines with their VAT. */
	struct charge_change	 ch[] = { { D(2026, 1, 20), 1500, 3 } };
	struct inv_seg		 want[8], out[8];
	struct inv_line		 l[8];
	struct inv_totals	 t;
	size_t			 n, k;

	(void)state;
	n = segs_of(D(2026, 1, 10), DATE_NONE, 1500, 1, ch, 1, 2026, 1, 11,
	    want, 0);
	assert_int_equal(n, 2);
	n = inv_diff(want, n, NULL, 0, D(2026, 1, 1), out, 8);
	assert_int_equal(n, 2);
	for (k = 0; k < n; k++)
		assert_int_equal(inv_line_from_seg(&out[k], VAT_STANDARD,
		    "Voice line", &l[k]), 0);
	assert_int_equal(l[0].kind, IL_CHARGE);
	assert_int_equal(l[0].from, D(2026, 1, 10));
	assert_int_equal(l[0].to, D(2026, 1, 19));
	assert_int_equal(l[0].days, 10);
	assert_int_equal(l[0].dim, 31);
	assert_int_equal(l[0].net, 484);
	assert_int_equal(l[0].vat, 97);
	assert_int_equal(l[1].from, D(2026, 1, 20));
	assert_int_equal(l[1].qty, 3);
	assert_int_equal(l[1].net, 1742);
	assert_int_equal(l[1].vat, 348);
	assert_int_equal(l[1].month, D(2026, 1, 1));
	assert_int_equal(inv_totals(l, n, &t), 0);
	assert_int_equal(t.net, 2226);
	assert_int_equal(t.vat, 445);
	assert_int_equal(t.gross, 2671);
}

static void
test_diff_run_twice_and_adjust(void **state)
{
	/* Month billed in advance at QTY 3 all month; then QTY 5 from the
	 * 15th: the next run reverses the line and bills the two new ones;
	 * a run after that has nothing left to bill. */
	struct charge_change	 ch[] = { { D(2026, 3, 15), 1500, 5 } };
	struct inv_seg		 want[8], have[8], out[16], w2[8];
	size_t			 nw, nh, n, k;

	(void)state;
	nw = segs_of(D(2025, 1, 1), DATE_NONE, 1500, 3, NULL, 0, 2026, 3, 11,
	    want, 0);
	assert_int_equal(nw, 1);
	n = inv_diff(want, nw, NULL, 0, D(2026, 3, 1), out, 16);
	assert_int_equal(n, 1);
	assert_int_equal(out[0].adjust, 0);
	assert_int_equal(out[0].amount, 4500);
	memcpy(have, out, sizeof(out[0]) * n);
	nh = n;
	/* The same again: nothing. */
	nw = segs_of(D(2025, 1, 1), DATE_NONE, 1500, 3, NULL, 0, 2026, 3, 11,
	    w2, 0);
	assert_int_equal(inv_diff(w2, nw, have, nh, D(2026, 3, 1), out, 16), 0);
	/* The change, seen by the run of April (month billed: April). */
	nw = segs_of(D(2025, 1, 1), DATE_NONE, 1500, 3, ch, 1, 2026, 3, 11,
	    want, 0);
	assert_int_equal(nw, 2);
	n = inv_diff(want, nw, have, nh, D(2026, 4, 1), out, 16);
	assert_int_equal(n, 3);
	assert_int_equal(out[0].sign, -1);	/* reversal first */
	assert_int_equal(out[0].amount, 4500);
	assert_int_equal(out[1].sign, 1);
	assert_int_equal(out[1].to, D(2026, 3, 14));
	assert_int_equal(out[1].amount, 2032);	/* 15 x 3 x 14/31 = 20.322 */
	assert_int_equal(out[2].from, D(2026, 3, 15));
	assert_int_equal(out[2].amount, 4113);	/* 15 x 5 x 17/31 = 41.129 */
	for (k = 0; k < n; k++)
		assert_int_equal(out[k].adjust, 1);
	assert_int_equal(signed_sum(out, n), 2032 + 4113 - 4500);
	/* Then invoiced: the next run finds nothing. */
	memcpy(have + nh, out, sizeof(out[0]) * n);
	nh += n;
	nw = segs_of(D(2025, 1, 1), DATE_NONE, 1500, 3, ch, 1, 2026, 3, 11,
	    want, 0);
	assert_int_equal(inv_diff(want, nw, have, nh, D(2026, 4, 1), out, 16),
	    0);
}

static void
test_diff_ended_new_and_duplicates(void **state)
{
	struct inv_seg	 want[8], have[8], out[16];
	size_t		 nw, nh, n;

	(void)state;
	/* Invoiced: services 11 and 12 (12 twice, by mistake). Now: 11
	 * unchanged, 12 gone, 13 new in the month invoiced before. */
	nh = segs_of(D(2025, 1, 1), DATE_NONE, 1000, 1, NULL, 0, 2026, 3, 11,
	    have, 0);
	nh += segs_of(D(2025, 1, 1), DATE_NONE, 2000, 1, NULL, 0, 2026, 3, 12,
	    have + nh, 0);
	have[nh] = have[nh - 1];
	nh++;
	nw = segs_of(D(2025, 1, 1), DATE_NONE, 1000, 1, NULL, 0, 2026, 3, 11,
	    want, 0);
	nw += segs_of(D(2026, 3, 20), DATE_NONE, 3000, 1, NULL, 0, 2026, 3, 13,
	    want + nw, 1);
	n = inv_diff(want, nw, have, nh, D(2026, 3, 1), out, 16);
	assert_int_equal(n, 3);
	/* Display order: 13 (wanted, position 1), then 12 (gone) last. */
	assert_int_equal(out[0].occsvc_id, 13);
	assert_int_equal(out[0].sign, 1);
	assert_int_equal(out[0].adjust, 0);	/* never invoiced, this month */
	assert_int_equal(out[0].amount, 1161);	/* 30 x 12/31 = 11.612 */
	assert_int_equal(out[1].occsvc_id, 12);
	assert_int_equal(out[1].sign, -1);
	assert_int_equal(out[2].occsvc_id, 12);
	assert_int_equal(out[2].sign, -1);
	assert_int_equal(signed_sum(out, n), 1161 - 4000);
	/* Too small an output: refused, nothing half-written counted. */
	nw = segs_of(D(2025, 1, 1), DATE_NONE, 1000, 1, NULL, 0, 2026, 3, 11,
	    want, 0);
	nw += segs_of(D(2026, 3, 20), DATE_NONE, 3000, 1, NULL, 0, 2026, 3, 13,
	    want + nw, 1);
	assert_int_equal(inv_diff(want, nw, have, nh, D(2026, 3, 1), out, 2),
	    (size_t)-1);
}

static void
test_credit_note_reverses_exactly(void **state)
{
	struct inv_line		 l[5], c[5];
	struct inv_totals	 ti, tc;
	size_t			 i;

	(void)state;
	l[0] = line(VAT_STANDARD, 484);
	l[1] = line(VAT_STANDARD, 1742);
	l[2] = line(VAT_ZERO, 999);
	l[3] = line(VAT_STANDARD, -4500);	/* a reversal */
	l[4] = line(VAT_EXEMPT, 333);
	for (i = 0; i < 5; i++)
		l[i].id = 100 + (int64_t)i;
	inv_credit_lines(l, 5, c);
	assert_int_equal(inv_totals(l, 5, &ti), 0);
	assert_int_equal(inv_totals(c, 5, &tc), 0);
	assert_int_equal(tc.net, ti.net);
	assert_int_equal(tc.vat, ti.vat);
	assert_int_equal(tc.gross, ti.gross);
	assert_int_equal(tc.nrates, ti.nrates);
	for (i = 0; i < tc.nrates; i++) {
		assert_int_equal(tc.rates[i].net, ti.rates[i].net);
		assert_int_equal(tc.rates[i].vat, ti.rates[i].vat);
	}
	for (i = 0; i < 5; i++) {
		int64_t v;

		assert_int_equal(c[i].kind, IL_CREDIT);
		assert_int_equal(c[i].credit_of_line, 100 + (int64_t)i);
		assert_int_equal(c[i].id, 0);
		/* Recomputed, the VAT is the same: nothing to drift. */
		assert_int_equal(vat_line(c[i].net, c[i].bp, &v), 0);
		assert_int_equal(v, l[i].vat);
	}
	/* Crediting some lines only: the credit's totals are theirs. */
	inv_credit_lines(l + 1, 2, c);
	assert_int_equal(inv_totals(c, 2, &tc), 0);
	assert_int_equal(tc.net, 1742 + 999);
	assert_int_equal(tc.vat, 348);
}

static void
test_status(void **state)
{
	(void)state;
	assert_int_equal(inv_status(0, 0, 1000, 0, 0), INV_DRAFT);
	assert_int_equal(inv_status(0, 1, 1000, 0, 0), INV_ISSUED);
	assert_int_equal(inv_status(0, 1, 1000, 0, 999), INV_ISSUED);
	assert_int_equal(inv_status(0, 1, 1000, 0, 1000), INV_PAID);
	assert_int_equal(inv_status(0, 1, 1000, 400, 600), INV_PAID);
	assert_int_equal(inv_status(0, 1, 1000, 1000, 0), INV_CREDITED);
	assert_int_equal(inv_status(0, 1, 1000, 400, 0), INV_ISSUED);
	assert_int_equal(inv_status(1, 1, 1000, 0, 0), INV_ISSUED);
	assert_int_equal(inv_status(0, 1, 0, 0, 0), INV_ISSUED);
	assert_int_equal(inv_due(1000, 400, 100), 500);
	assert_int_equal(inv_due(1000, 1000, 100), 0);
	assert_int_equal(vat_rate_parse("zero"), VAT_ZERO);
	assert_int_equal(vat_rate_parse("20"), VAT__MAX);
	assert_int_equal(inv_line_kind_parse("discount"), IL_DISCOUNT);
	assert_int_equal(inv_line_kind_parse(NULL), IL__MAX);
}

static void
test_line_detail(void **state)
{
	struct inv_line	 l;
	char		 b[128];

	(void)state;
	l = line(VAT_STANDARD, 1742);
	l.from = D(2026, 1, 20);
	l.to = D(2026, 1, 31);
	l.days = 12;
	l.dim = 31;
	l.qty = 3;
	l.unit_price = 1500;
	inv_line_detail(&l, b, sizeof(b));
	assert_string_equal(b,
	    "20\u201331 Jan 2026 \u00b7 3 \u00d7 15.00 \u00b7 12/31 days");
	l.to = D(2026, 2, 3);
	l.dim = 0;
	inv_line_detail(&l, b, sizeof(b));
	assert_string_equal(b,
	    "20 Jan 2026 \u2013 3 Feb 2026 \u00b7 3 \u00d7 15.00");
	l.from = l.to = DATE_NONE;
	l.unit_price = 123456;
	l.qty = 1;
	inv_line_detail(&l, b, sizeof(b));
	assert_string_equal(b, "1 \u00d7 1,234.56");
	inv_month_label(D(2026, 2, 16), b, sizeof(b));
	assert_string_equal(b, "February 2026");
	vat_rate_label(VAT_STANDARD, 2000, b, sizeof(b));
	assert_string_equal(b, "20%");
	vat_rate_label(VAT_STANDARD, 1750, b, sizeof(b));
	assert_string_equal(b, "17.50%");
	vat_rate_label(VAT_EXEMPT, 0, b, sizeof(b));
	assert_string_equal(b, "Exempt");
}

static void
test_winansi(void **state)
{
	char	 b[64];
	size_t	 n;

	(void)state;
	n = winansi_from_utf8("\u00a312 \u2013 O\u2019Brien & Sons \u20ac5",
	    b, sizeof(b));
	assert_int_equal(n, 23);
	assert_memory_equal(b, "\xa3" "12 \x96 O\x92" "Brien & Sons \x80" "5",
	    23);
	winansi_from_utf8("Caf\u00e9 \u00d7 \u00b7 \u65e5\u672c", b, sizeof(b));
	assert_string_equal(b, "Caf\xe9 \xd7 \xb7 ??");
	winansi_from_utf8("a\tb\nc\x7f", b, sizeof(b));
	assert_string_equal(b, "a b c ");
	/* Malformed: a lone continuation byte, a truncated sequence, an
	 * overlong form, a surrogate. */
	winansi_from_utf8("x\x80y\xc3", b, sizeof(b));
	assert_string_equal(b, "x?y?");
	winansi_from_utf8("\xc0\xaf\xed\xa0\x80!", b, sizeof(b));
	assert_string_equal(b, "??" "?!");	/* one per sequence */
	n = winansi_from_utf8("abcdef", b, 4);
	assert_int_equal(n, 3);
	assert_string_equal(b, "abc");
	assert_int_equal(winansi_from_utf8("x", b, 0), 0);
}

static struct acct_doc
doc(int credit)
{
	struct acct_doc	 d;

	memset(&d, 0, sizeof(d));
	d.credit = credit;
	d.number = credit ? "CN-000002" : "INV-000012";
	d.credit_of = credit ? "INV-000012" : NULL;
	d.contact = "O'Brien & Sons";
	d.email = "accounts@obrien.example";
	d.address = "Unit 4\n\n200 Great Eastern Street\nLondon\nEC2A 3HP\nUK\n";
	d.account_ref = "OBS-007";
	d.issue = D(2026, 2, 16);
	d.due = D(2026, 3, 18);
	d.terms_days = 30;
	d.currency = "GBP";
	return d;
}

static struct acct_line
aline(int64_t net, int64_t vat)
{
	struct acct_line	 l;

	memset(&l, 0, sizeof(l));
	l.description = "Voice line \u00b7 Shoreditch, 1\u201331 Jan 2026";
	l.net = net;
	l.vat = vat;
	l.account = "200";
	l.xero_tax = acct_default_tax(ACCT_XERO, VAT_STANDARD);
	l.qbo_item = "Voice";
	l.qbo_tax = acct_default_tax(ACCT_QBO, VAT_STANDARD);
	l.sage_nominal = "4000";
	l.sage_tax = acct_default_tax(ACCT_SAGE, VAT_STANDARD);
	l.service_date = D(2026, 1, 1);
	return l;
}

static void
test_export_rows(void **state)
{
	struct arena		*a = arena_new(4096);
	struct buf		 b;
	struct acct_doc		 inv = doc(0), cn = doc(1);
	struct acct_line	 l = aline(4200, 840), neg = aline(-4500, -900);
	const char		*al[4];
	char			 ab[128];

	(void)state;
	acct_address_lines(inv.address, ab, sizeof(ab), al);
	assert_string_equal(al[0], "Unit 4");
	assert_string_equal(al[1], "200 Great Eastern Street");
	assert_string_equal(al[2], "London");
	assert_string_equal(al[3], "EC2A 3HP, UK");

	buf_init(&b, a, 64);
	acct_header(&b, ACCT_XERO);
	assert_true(strncmp(b.p, "\"*ContactName\",\"EmailAddress\",", 30) == 0);
	assert_non_null(strstr(b.p, "\"*TaxType\",\"TaxAmount\","));
	b.len = 0;
	assert_int_equal(acct_row(&b, ACCT_XERO, &inv, &l), 1);
	b.p[b.len] = '\0';
	assert_string_equal(b.p, "\"O'Brien & Sons\",\"accounts@obrien.example\","
	    "\"Unit 4\",\"200 Great Eastern Street\",\"London\",\"EC2A 3HP, UK\","
	    "\"\",\"\",\"\",\"\",\"INV-000012\",\"OBS-007\",\"16/02/2026\","
	    "\"18/03/2026\",\"\",\"Voice line \u00b7 Shoreditch, 1\u201331 Jan 2026\","
	    "1,42.00,\"\",\"200\",\"20% (VAT on Income)\",8.40,\"\",\"\",\"\",\"\","
	    "\"GBP\",\"\"\r\n");
	/* A credit note: negative amounts, due on its date, the invoice as
	 * reference. */
	b.len = 0;
	assert_int_equal(acct_row(&b, ACCT_XERO, &cn, &l), 1);
	b.p[b.len] = '\0';
	assert_non_null(strstr(b.p, ",\"CN-000002\",\"Credit for INV-000012\","
	    "\"16/02/2026\",\"16/02/2026\","));
	assert_non_null(strstr(b.p, ",1,-42.00,\"\",\"200\","));
	assert_non_null(strstr(b.p, ",-8.40,"));

	b.len = 0;
	acct_header(&b, ACCT_QBO);
	b.p[b.len] = '\0';
	assert_string_equal(b.p, "\"InvoiceNo\",\"Customer\",\"InvoiceDate\","
	    "\"DueDate\",\"Terms\",\"Location\",\"Memo\",\"Item(Product/Service)\","
	    "\"ItemDescription\",\"ItemQuantity\",\"ItemRate\",\"ItemAmount\","
	    "\"ItemTaxCode\",\"ItemTaxAmount\",\"Currency\",\"Service Date\"\r\n");
	b.len = 0;
	assert_int_equal(acct_row(&b, ACCT_QBO, &inv, &l), 1);
	b.p[b.len] = '\0';
	assert_string_equal(b.p, "\"INV-000012\",\"O'Brien & Sons\",\"16/02/2026\","
	    "\"18/03/2026\",\"Net 30\",\"\",\"OBS-007\",\"Voice\","
	    "\"Voice line \u00b7 Shoreditch, 1\u201331 Jan 2026\",1,42.00,42.00,"
	    "\"20.0% S\",8.40,\"GBP\",\"01/01/2026\"\r\n");
	b.len = 0;
	assert_int_equal(acct_row(&b, ACCT_QBO, &cn, &l), 0);
	assert_int_equal(b.len, 0);

	b.len = 0;
	acct_header(&b, ACCT_SAGE);
	b.p[b.len] = '\0';
	assert_string_equal(b.p, "\"Type\",\"Account Reference\",\"Nominal A/C Ref\","
	    "\"Department Code\",\"Date\",\"Reference\",\"Details\",\"Net Amount\","
	    "\"Tax Code\",\"Tax Amount\",\"Exchange Rate\",\"Extra Reference\","
	    "\"User Name\",\"Project Refn\",\"Cost Code Refn\"\r\n");
	b.len = 0;
	assert_int_equal(acct_row(&b, ACCT_SAGE, &inv, &l), 1);
	b.p[b.len] = '\0';
	assert_string_equal(b.p, "\"SI\",\"OBS-007\",\"4000\",0,\"16/02/2026\","
	    "\"INV-000012\",\"Voice line \u00b7 Shoreditch, 1\u201331 Jan 2026\","
	    "42.00,\"T1\",8.40,\"\",\"\",\"Tenantry\",\"\",\"\"\r\n");
	/* An invoice's reversal line: a credit, positive amounts. */
	b.len = 0;
	assert_int_equal(acct_row(&b, ACCT_SAGE, &inv, &neg), 1);
	b.p[b.len] = '\0';
	assert_true(strncmp(b.p, "\"SC\",\"OBS-007\"", 14) == 0);
	assert_non_null(strstr(b.p, ",45.00,\"T1\",9.00,"));
	/* A credit note's line: SC; the invoice in Extra Reference. */
	b.len = 0;
	assert_int_equal(acct_row(&b, ACCT_SAGE, &cn, &l), 1);
	b.p[b.len] = '\0';
	assert_true(strncmp(b.p, "\"SC\",", 5) == 0);
	assert_non_null(strstr(b.p, ",\"INV-000012\",\"Tenantry\","));
	/* Details are cut at 60 bytes, never inside a character. */
	l.description = "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
	    "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
	    "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9x\u00e9";
	b.len = 0;
	assert_int_equal(acct_row(&b, ACCT_SAGE, &inv, &l), 1);
	b.p[b.len] = '\0';
	assert_non_null(strstr(b.p, "\u00e9\",42.00"));
	assert_null(strstr(b.p, "x"));
	/* Nothing of value: no Sage row. */
	l.net = l.vat = 0;
	b.len = 0;
	assert_int_equal(acct_row(&b, ACCT_SAGE, &inv, &l), 0);
	assert_int_equal(acct_format_parse("sage"), ACCT_SAGE);
	assert_int_equal(acct_format_parse("csv"), ACCT__MAX);
	assert_string_equal(acct_default_tax(ACCT_SAGE, VAT_EXEMPT), "T2");
	assert_string_equal(acct_default_tax(ACCT_XERO, VAT_ZERO),
	    "Zero Rated Income");
	arena_free(a);
}

/* Lines staff add: QTY x price with VAT, a discount as one negative line;
 * a net past MONEY_MAX is refused. */
static void
test_staff_lines(void **state)
{
	struct inv_line	 l;

	(void)state;
	assert_int_equal(inv_oneoff_line(&l, "Cabling", 3, 1250, VAT_STANDARD),
	    0);
	assert_int_equal(l.kind, IL_ONEOFF);
	assert_string_equal(l.description, "Cabling");
	assert_int_equal(l.qty, 3);
	assert_int_equal(l.unit_price, 1250);
	assert_int_equal(l.net, 3750);
	assert_int_equal(l.bp, 2000);
	assert_int_equal(l.vat, 750);
	assert_int_equal(l.month, DATE_NONE);
	assert_int_equal(l.from, DATE_NONE);
	assert_int_equal(l.to, DATE_NONE);
	assert_int_equal(inv_oneoff_line(&l, "x", 1, 999, VAT_ZERO), 0);
	assert_int_equal(l.vat, 0);
	assert_int_equal(inv_oneoff_line(&l, "x", 100000, MONEY_MAX, VAT_STANDARD),
	    -1);
	assert_int_equal(inv_oneoff_line(&l, "x", 2, MONEY_MAX / 2 + 1,
	    VAT_STANDARD), -1);
	assert_int_equal(inv_oneoff_line(&l, "x", 1, MONEY_MAX, VAT_EXEMPT), 0);
	assert_int_equal(inv_discount_line(&l, "Goodwill", 1001, VAT_STANDARD),
	    0);
	assert_int_equal(l.kind, IL_DISCOUNT);
	assert_int_equal(l.qty, 1);
	assert_int_equal(l.unit_price, -1001);
	assert_int_equal(l.net, -1001);
	assert_int_equal(l.vat, -200);		/* 200.2p, rounded on |net| */
	assert_int_equal(l.month, DATE_NONE);
}

/* A usage line: the group's amount as QTY 1, VAT half-up on it, marked
 * with the month and group it invoices. */
static void
test_usage_line(void **state)
{
	struct inv_line	 l;

	(void)state;
	assert_int_equal(inv_usage_line(&l, 7, 202601, 3, 1234, VAT_STANDARD,
	    "Calls: UK mobile"), 0);
	assert_int_equal(l.kind, IL_USAGE);
	assert_string_equal(inv_line_kind_names[l.kind], "usage");
	assert_int_equal(inv_line_kind_parse("usage"), IL_USAGE);
	assert_int_equal(l.site_id, 7);
	assert_int_equal(l.usage_month, 202601);
	assert_int_equal(l.usage_group, 3);
	assert_int_equal(l.qty, 1);
	assert_int_equal(l.unit_price, 1234);
	assert_int_equal(l.net, 1234);
	assert_int_equal(l.vat, 247);		/* 246.8p, half-up */
	assert_int_equal(l.occsvc_id, 0);
	assert_int_equal(l.month, DATE_NONE);
	assert_int_equal(inv_usage_line(&l, 7, 202601, 3, 5, VAT_STANDARD,
	    "x"), 0);
	assert_int_equal(l.vat, 1);		/* 1.0p */
	assert_int_equal(inv_usage_line(&l, 7, 202601, 3, MONEY_MAX + 1,
	    VAT_STANDARD, "x"), -1);
}

/* A run in arrears bills a month that has ended; in advance, this month
 * or next; a month out of range is not a month. */
static void
test_run_check(void **state)
{
	int32_t	 today = D(2026, 2, 16);

	(void)state;
	assert_null(inv_run_check(2026, 1, 0, today));
	assert_null(inv_run_check(2025, 2, 0, today));
	assert_non_null(inv_run_check(2026, 2, 0, today));
	assert_non_null(inv_run_check(2026, 3, 0, today));
	assert_null(inv_run_check(2026, 2, 1, today));
	assert_null(inv_run_check(2026, 3, 1, today));
	assert_non_null(inv_run_check(2026, 1, 1, today));
	assert_non_null(inv_run_check(2026, 4, 1, today));
	assert_string_equal(inv_run_check(1999, 12, 0, today),
	    "The month must be written YYYY-MM.");
	assert_string_equal(inv_run_check(2026, 13, 1, today),
	    "The month must be written YYYY-MM.");
	assert_string_equal(inv_run_check(2026, 2, 0, today), "A run in "
	    "arrears bills a month that has ended: choose last month or an "
	    "earlier one.");
	assert_string_equal(inv_run_check(2026, 4, 1, today), "A run in "
	    "advance bills this month or next month.");
	/* Across a year's end. */
	assert_null(inv_run_check(2026, 1, 1, D(2025, 12, 31)));
	assert_null(inv_run_check(2025, 11, 0, D(2025, 12, 1)));
	assert_non_null(inv_run_check(2025, 12, 0, D(2025, 12, 31)));
}

static void
test_prefix(void **state)
{
	(void)state;
	assert_int_equal(inv_prefix_ok("INV-2026/01_a.b"), 1);
	assert_int_equal(inv_prefix_ok(""), 1);
	assert_int_equal(inv_prefix_ok("INV \"1\""), 0);
	assert_int_equal(inv_prefix_ok("INV#"), 0);
	assert_int_equal(inv_prefix_ok("\xc3\xa9"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vat_line_rounding),
		cmocka_unit_test(test_totals_per_rate),
		cmocka_unit_test(test_proration_into_lines),
		cmocka_unit_test(test_diff_run_twice_and_adjust),
		cmocka_unit_test(test_diff_ended_new_and_duplicates),
		cmocka_unit_test(test_credit_note_reverses_exactly),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_line_detail),
		cmocka_unit_test(test_winansi),
		cmocka_unit_test(test_export_rows),
		cmocka_unit_test(test_staff_lines),
		cmocka_unit_test(test_usage_line),
		cmocka_unit_test(test_run_check),
		cmocka_unit_test(test_prefix),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
