/*
 * invoice_pdf: an invoice or credit note as a PDF (/invoices/N/pdf for
 * the operator, /my/invoices/N/pdf for the occupier's own issued ones),
 * drawn with libharu (Debian libhpdf-dev): A4, the standard Helvetica
 * fonts (nothing embedded, so a document is a few kilobytes), text in
 * Windows-1252 (domain/winansi.c). The PDF shows what the HTML view shows:
 * seller and buyer with addresses and VAT numbers, number and dates, the
 * lines with their details, the VAT summary per rate, the totals and how
 * to pay. An issued document's PDF is drawn from frozen data, so it is the
 * same every time. libharu's memory is its own (malloc), freed with the
 * request's arena.
 */
#include <stdio.h>
#include <string.h>

#include <hpdf.h>

#include "../domain/date.h"
#include "../domain/invoice.h"
#include "../domain/money.h"
#include "../domain/winansi.h"
#include "../log.h"
#include "invoicing.h"
#include "pages.h"

#define PAGE_W		595.276f
#define PAGE_H		841.89f
#define MARGIN		50.0f
#define MAX_PAGES	64
#define COL_RATE	390.0f	/* right edges of the number columns */
#define COL_VAT		465.0f
#define COL_NET		(PAGE_W - MARGIN)
#define ROW_H		26.0f
#define BOTTOM		(MARGIN + 40.0f)

struct pdf {
	struct req		*r;
	HPDF_Doc		 doc;
	HPDF_Page		 pages[MAX_PAGES];
	int			 npages;
	HPDF_Page		 page;
	HPDF_Font		 font, bold;
	float			 y;
	HPDF_STATUS		 err;
	const struct invdoc	*x;
};

static void HPDF_STDCALL
on_error(HPDF_STATUS e, HPDF_STATUS detail, void *ud)
{
	struct pdf	*p = ud;

	(void)detail;
	if (e != HPDF_STREAM_EOF && p->err == HPDF_OK)
		p->err = e;
}

static void
doc_free(void *d)
{
	HPDF_Free(d);
}

/* s in Windows-1252, in the arena. */
static const char *
w1252(struct pdf *p, const char *s)
{
	size_t	 n = strlen(s) + 1;
	char	*o = arena_alloc(p->r->a, n);

	winansi_from_utf8(s, o, n);
	return o;
}

static float
width(struct pdf *p, HPDF_Font f, float size, const char *s)
{
	HPDF_Page_SetFontAndSize(p->page, f, size);
	return HPDF_Page_TextWidth(p->page, s);
}

/* Windows-1252 text w at (x, y); align 0 left, 1 right edge at x. */
static void
text_w(struct pdf *p, HPDF_Font f, float size, float x, float y, int align,
    const char *w)
{
	if (align)
		x -= width(p, f, size, w);
	HPDF_Page_BeginText(p->page);
	HPDF_Page_SetFontAndSize(p->page, f, size);
	HPDF_Page_TextOut(p->page, x, y, w);
	HPDF_Page_EndText(p->page);
}

/* The same for UTF-8 s. */
static void
text(struct pdf *p, HPDF_Font f, float size, float x, float y, int align,
    const char *s)
{
	text_w(p, f, size, x, y, align, w1252(p, s));
}

/* UTF-8 s in Windows-1252, cut to fit max points with an ellipsis. */
static const char *
fit(struct pdf *p, HPDF_Font f, float size, const char *s, float max)
{
	char	*w = (char *)w1252(p, s);
	size_t	 n = strlen(w);

	if (width(p, f, size, w) <= max)
		return w;
	while (n > 1) {
		w[--n] = '\0';
		w[n - 1] = '\x85';	/* the ellipsis */
		if (width(p, f, size, w) <= max)
			break;
	}
	return w;
}

static void
rule(struct pdf *p, float y, float gray)
{
	HPDF_Page_SetGrayStroke(p->page, gray);
	HPDF_Page_SetLineWidth(p->page, 0.5f);
	HPDF_Page_MoveTo(p->page, MARGIN, y);
	HPDF_Page_LineTo(p->page, PAGE_W - MARGIN, y);
	HPDF_Page_Stroke(p->page);
}

static void
new_page(struct pdf *p)
{
	if (p->npages == MAX_PAGES) {
		p->err = HPDF_PAGE_CANNOT_FIND_OBJECT;
		return;
	}
	p->page = HPDF_AddPage(p->doc);
	HPDF_Page_SetSize(p->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	p->pages[p->npages++] = p->page;
	p->y = PAGE_H - MARGIN;
}

/* Lines of text (split at newlines) downwards from p->y. */
static void
block(struct pdf *p, HPDF_Font f, float size, float x, const char *s)
{
	const char	*e;

	while (s != NULL && *s != '\0') {
		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		if (e > s) {
			p->y -= size + 3;
			text(p, f, size, x, p->y, 0, arena_strndup(p->r->a, s,
			    (size_t)(e - s)));
		}
		s = *e ? e + 1 : e;
	}
}

static void
table_head(struct pdf *p)
{
	const char	*cur = p->x->v.currency;

	p->y -= 14;
	HPDF_Page_SetGrayFill(p->page, 0.35f);
	text(p, p->bold, 8, MARGIN, p->y, 0, "DESCRIPTION");
	text(p, p->bold, 8, COL_RATE, p->y, 1, "VAT RATE");
	text(p, p->bold, 8, COL_VAT, p->y, 1, "VAT");
	text(p, p->bold, 8, COL_NET, p->y, 1, arena_printf(p->r->a,
	    "NET (%s)", cur));
	HPDF_Page_SetGrayFill(p->page, 0);
	p->y -= 6;
	rule(p, p->y, 0.6f);
}

/* The seller, top left. */
static void
seller(struct pdf *p)
{
	const struct store_invoice	*v = &p->x->v;

	text(p, p->bold, 14, MARGIN, p->y - 14, 0, v->seller.name);
	p->y -= 16;
	block(p, p->font, 9, MARGIN, v->seller.address);
	if (*v->seller.vat != '\0') {
		p->y -= 12;
		text(p, p->font, 9, MARGIN, p->y, 0, arena_printf(p->r->a,
		    "VAT registration number %s", v->seller.vat));
	}
	if (*v->seller.email != '\0') {
		p->y -= 12;
		text(p, p->font, 9, MARGIN, p->y, 0, v->seller.email);
	}
}

/* One more line of the document's identity, on the right, at *ry. */
static void
ident(struct pdf *p, float *ry, const char *s)
{
	*ry -= 12;
	text(p, p->font, 9, PAGE_W - MARGIN, *ry, 1, s);
}

/* The document's identity, on the right from y = ry down; returns where
 * it ends. */
static float
identity(struct pdf *p, float ry)
{
	const struct store_invoice	*v = &p->x->v;
	char				 b[64];

	text(p, p->bold, 20, PAGE_W - MARGIN, ry, 1, v->credit ?
	    "CREDIT NOTE" : "INVOICE");
	if (!v->issued) {
		ry -= 16;
		HPDF_Page_SetRGBFill(p->page, 0.7f, 0.1f, 0.1f);
		text(p, p->bold, 10, PAGE_W - MARGIN, ry, 1,
		    "DRAFT \u2013 not issued, not a VAT invoice");
		HPDF_Page_SetGrayFill(p->page, 0);
	} else {
		ry -= 16;
		text(p, p->bold, 11, PAGE_W - MARGIN, ry, 1, v->number);
		date_format_long(v->issue, b, sizeof(b));
		ry -= 13;
		text(p, p->font, 9, PAGE_W - MARGIN, ry, 1, arena_printf(
		    p->r->a, "Date of issue (tax point): %s", b));
		if (!v->credit) {
			date_format_long(v->due, b, sizeof(b));
			ident(p, &ry, arena_printf(p->r->a, "Payment due: %s",
			    b));
		}
	}
	if (v->period != DATE_NONE) {
		inv_month_label(v->period, b, sizeof(b));
		ident(p, &ry, arena_printf(p->r->a, "Period: %s%s", b,
		    strcmp(v->mode, "advance") == 0 ? " in advance" :
		    strcmp(v->mode, "arrears") == 0 ? " in arrears" : ""));
	}
	if (*v->site_name != '\0')
		ident(p, &ry, arena_printf(p->r->a, "Site: %s", v->site_name));
	if (v->credit && *v->credit_of_number != '\0')
		ident(p, &ry, arena_printf(p->r->a, "Credits invoice %s",
		    v->credit_of_number));
	return ry;
}

/* Who pays. */
static void
bill_to(struct pdf *p)
{
	const struct store_invoice	*v = &p->x->v;

	p->y -= 28;
	HPDF_Page_SetGrayFill(p->page, 0.35f);
	text(p, p->bold, 8, MARGIN, p->y, 0, v->credit ? "CREDIT TO" :
	    "BILL TO");
	HPDF_Page_SetGrayFill(p->page, 0);
	p->y -= 14;
	text(p, p->bold, 11, MARGIN, p->y, 0, v->bill.name);
	block(p, p->font, 9, MARGIN, v->bill.address);
	if (*v->bill.vat != '\0') {
		p->y -= 12;
		text(p, p->font, 9, MARGIN, p->y, 0, arena_printf(p->r->a,
		    "VAT registration number %s", v->bill.vat));
	}
	if (*v->bill.ref != '\0') {
		p->y -= 12;
		text(p, p->font, 9, MARGIN, p->y, 0, arena_printf(p->r->a,
		    "Your reference %s", v->bill.ref));
	}
	p->y -= 18;
}

static void
head(struct pdf *p)
{
	float	 top = p->y, ry;

	seller(p);
	ry = identity(p, top - 20);
	if (ry < p->y)
		p->y = ry;
	bill_to(p);
}

static void
lines(struct pdf *p)
{
	char	 b[256];
	size_t	 i;

	table_head(p);
	for (i = 0; i < p->x->n && p->err == HPDF_OK; i++) {
		const struct inv_line *l = &p->x->lines[i].l;

		if (p->y - ROW_H < BOTTOM) {
			new_page(p);
			text(p, p->font, 8, MARGIN, p->y - 8, 0, arena_printf(
			    p->r->a, "%s (continued)", invoicing_title(p->r,
			    &p->x->v)));
			p->y -= 14;
			table_head(p);
		}
		p->y -= 12;
		text_w(p, p->font, 10, MARGIN, p->y, 0, fit(p, p->font, 10,
		    l->description, COL_RATE - MARGIN - 50));
		vat_rate_label(l->rate, l->bp, b, sizeof(b));
		text(p, p->font, 10, COL_RATE, p->y, 1, b);
		money_format_display(l->vat, b, sizeof(b));
		text(p, p->font, 10, COL_VAT, p->y, 1, b);
		money_format_display(l->net, b, sizeof(b));
		text(p, p->font, 10, COL_NET, p->y, 1, b);
		inv_line_detail(l, b, sizeof(b));
		p->y -= 10;
		HPDF_Page_SetGrayFill(p->page, 0.4f);
		text(p, p->font, 8, MARGIN, p->y, 0, b);
		HPDF_Page_SetGrayFill(p->page, 0);
		p->y -= 4;
		rule(p, p->y, 0.85f);
	}
}

static void
totals(struct pdf *p)
{
	const struct inv_totals		*t = &p->x->t;
	const char			*cur = p->x->v.currency;
	char				 b[64];
	float				 need = 40 + 12 * (float)t->nrates + 50;
	size_t				 i;

	if (p->y - need < BOTTOM)
		new_page(p);
	p->y -= 18;
	HPDF_Page_SetGrayFill(p->page, 0.35f);
	text(p, p->bold, 8, MARGIN, p->y, 0, "VAT SUMMARY");
	text(p, p->bold, 8, MARGIN + 130, p->y, 1, "NET");
	text(p, p->bold, 8, MARGIN + 200, p->y, 1, "VAT");
	HPDF_Page_SetGrayFill(p->page, 0);
	for (i = 0; i < t->nrates; i++) {
		p->y -= 12;
		vat_rate_label(t->rates[i].rate, t->rates[i].bp, b, sizeof(b));
		text(p, p->font, 9, MARGIN, p->y, 0, b);
		money_format_display(t->rates[i].net, b, sizeof(b));
		text(p, p->font, 9, MARGIN + 130, p->y, 1, b);
		money_format_display(t->rates[i].vat, b, sizeof(b));
		text(p, p->font, 9, MARGIN + 200, p->y, 1, b);
	}
	/* Totals on the right, level with the summary's top. */
	{
		float	 y = p->y + 12 * (float)t->nrates;

		text(p, p->font, 10, COL_VAT - 40, y, 1, "Net");
		text(p, p->font, 10, COL_NET, y, 1, invoicing_money(p->r, cur,
		    t->net));
		y -= 14;
		text(p, p->font, 10, COL_VAT - 40, y, 1, "VAT");
		text(p, p->font, 10, COL_NET, y, 1, invoicing_money(p->r, cur,
		    t->vat));
		y -= 18;
		text(p, p->bold, 12, COL_VAT - 40, y, 1, p->x->v.credit ?
		    "Total credited" : "Total");
		text(p, p->bold, 12, COL_NET, y, 1, invoicing_money(p->r, cur,
		    t->gross));
		if (y < p->y)
			p->y = y;
	}
}

static void
payment(struct pdf *p)
{
	const struct store_invoice	*v = &p->x->v;
	char				 b[64];

	if (v->credit || *v->seller.payment == '\0')
		return;
	if (p->y - 80 < BOTTOM)
		new_page(p);
	p->y -= 30;
	HPDF_Page_SetGrayFill(p->page, 0.35f);
	text(p, p->bold, 8, MARGIN, p->y, 0, "HOW TO PAY");
	HPDF_Page_SetGrayFill(p->page, 0);
	block(p, p->font, 9, MARGIN, v->seller.payment);
	if (v->issued) {
		date_format_long(v->due, b, sizeof(b));
		p->y -= 14;
		text(p, p->font, 9, MARGIN, p->y, 0, arena_printf(p->r->a,
		    "Please pay by %s, quoting %s.", b, v->number));
	}
}

static void
footers(struct pdf *p)
{
	int	 i;

	for (i = 0; i < p->npages; i++) {
		p->page = p->pages[i];
		HPDF_Page_SetGrayFill(p->page, 0.4f);
		text(p, p->font, 8, MARGIN, MARGIN - 20, 0, arena_printf(
		    p->r->a, "%s \u00b7 %s", p->x->v.seller.name,
		    invoicing_title(p->r, &p->x->v)));
		text(p, p->font, 8, PAGE_W - MARGIN, MARGIN - 20, 1,
		    arena_printf(p->r->a, "Page %d of %d", i + 1, p->npages));
	}
}

/* The filename: the number (or draft-N) in [A-Za-z0-9._-]. */
static const char *
filename(struct req *r, const struct store_invoice *v)
{
	char	*f = arena_printf(r->a, "%s.pdf", v->issued ? v->number :
	    arena_printf(r->a, "draft-%lld", (long long)v->id));
	char	*c;

	for (c = f; *c != '\0'; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		    (*c >= '0' && *c <= '9') || *c == '.' || *c == '-' ||
		    *c == '_'))
			*c = '_';
	return f;
}

void
page_invoice_pdf(struct req *r)
{
	struct invdoc	 x;
	struct pdf	 p;
	HPDF_UINT32	 len, total = 0, cap;
	HPDF_BYTE	*out;
	HPDF_STATUS	 st;
	int		 self = r->user.role == ROLE_OCCUPIER_ADMIN ||
			    r->user.role == ROLE_OCCUPIER_USER;

	if (!invoicing_load(r, self ? r->user.occupier_id : 0, r->ids[0], &x))
		return;
	memset(&p, 0, sizeof(p));
	p.r = r;
	p.x = &x;
	if ((p.doc = HPDF_New(on_error, &p)) == NULL) {
		log_warnx("pdf: cannot create a document");
		http_error(r, 500);
		return;
	}
	arena_defer(r->a, doc_free, p.doc);
	HPDF_SetCompressionMode(p.doc, HPDF_COMP_ALL);
	HPDF_SetInfoAttr(p.doc, HPDF_INFO_CREATOR, "Tenantry");
	HPDF_SetInfoAttr(p.doc, HPDF_INFO_TITLE, w1252(&p, arena_printf(r->a,
	    "%s %s", x.v.credit ? "Credit note" : "Invoice",
	    invoicing_title(r, &x.v))));
	p.font = HPDF_GetFont(p.doc, "Helvetica", "WinAnsiEncoding");
	p.bold = HPDF_GetFont(p.doc, "Helvetica-Bold", "WinAnsiEncoding");
	new_page(&p);
	if (p.err == HPDF_OK)
		head(&p);
	if (p.err == HPDF_OK)
		lines(&p);
	if (p.err == HPDF_OK)
		totals(&p);
	if (p.err == HPDF_OK)
		payment(&p);
	if (p.err == HPDF_OK)
		footers(&p);
	if (p.err == HPDF_OK && HPDF_SaveToStream(p.doc) != HPDF_OK)
		p.err = HPDF_GetError(p.doc);
	if (p.err != HPDF_OK) {
		log_warnx("pdf: invoice %lld: libharu error 0x%04x",
		    (long long)x.v.id, (unsigned)p.err);
		http_error(r, 500);
		return;
	}
	cap = HPDF_GetStreamSize(p.doc);
	out = arena_alloc(r->a, cap ? cap : 1);
	HPDF_ResetStream(p.doc);
	do {
		len = cap - total;
		st = HPDF_ReadFromStream(p.doc, out + total, &len);
		total += len;
	} while (st == HPDF_OK && total < cap);
	if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || total != cap) {
		log_warnx("pdf: invoice %lld: reading the stream: 0x%04x",
		    (long long)x.v.id, (unsigned)st);
		http_error(r, 500);
		return;
	}
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "inline; filename=\"%s\"", filename(r, &x.v)));
	http_send(r, 200, "application/pdf", (const char *)out, total);
}
