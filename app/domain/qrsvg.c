/*
 * qrsvg: see qrsvg.h.
 */
#include <qrencode.h>

#include "qrsvg.h"

#define QUIET	4	/* modules of light margin each side */

void
qrsvg_matrix(struct buf *b, const unsigned char *m, int width, int px)
{
	int	 x, y, side = width + 2 * QUIET;

	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
	    " height=\"%d\" viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\""
	    " role=\"img\" aria-label=\"QR code\">", px, px, side, side);
	buf_printf(b, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>", side,
	    side);
	for (y = 0; y < width; y++)
		for (x = 0; x < width; x++)
			if (m[y * width + x] & 1)
				buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"1\""
				    " height=\"1\"/>", x + QUIET, y + QUIET);
	buf_puts(b, "</svg>");
}

char *
qrsvg_text(struct arena *a, const char *text, int px)
{
	QRcode		*q;
	struct buf	 b;

	if ((q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) ==
	    NULL)
		return NULL;
	buf_init(&b, a, 16384);
	qrsvg_matrix(&b, q->data, q->width, px);
	QRcode_free(q);
	return b.p;
}
