/*
 * qrsvg: a QR code as inline SVG, drawn on the server (no external
 * service). libqrencode gives the matrix; each dark module becomes a
 * 1x1 rect in a viewBox with a 4-module quiet zone.
 */
#ifndef TENANTRY_QRSVG_H
#define TENANTRY_QRSVG_H

#include <stddef.h>

#include "../arena.h"

/* Render a width x width matrix (bit 0 of each byte: dark) as SVG of
 * px pixels a side into b. */
void	 qrsvg_matrix(struct buf *b, const unsigned char *m, int width,
	    int px);
/* The QR code of text (error correction M) as SVG in the arena, or NULL
 * when it cannot be encoded. */
char	*qrsvg_text(struct arena *, const char *text, int px);

#endif
