/*
 * ops: see ops.h.
 */
#include "ops.h"

int
ops_refuse(struct ops_result *r, enum ops_why why, const char *field,
    const char *text)
{
	if (r->why == OPS_OK)
		r->why = why;
	if (text != NULL) {
		if (r->n < OPS_MSGS_MAX) {
			r->m[r->n].field = field;
			r->m[r->n].text = text;
			r->n++;
		} else
			r->more = 1;
	}
	return 0;
}

int
ops_status(enum ops_why why)
{
	static const int	 status[OPS_WHY__MAX] = {
		200,	/* OPS_OK */
		422,	/* OPS_INVALID */
		404,	/* OPS_NOT_FOUND */
		409,	/* OPS_CONFLICT */
		409,	/* OPS_LOCKED */
		503,	/* OPS_BUSY */
		429,	/* OPS_TOO_MANY */
		400,	/* OPS_BAD_FORM */
	};

	return why < OPS_WHY__MAX ? status[why] : 500;
}
