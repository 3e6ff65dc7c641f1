/*
 * api_usage: GET /api/v1/occupiers/{id}/sites/{site}/usage?month=YYYY-MM,
 * one occupier's usage at a site in a month as the Billing Usage Report
 * and the occupier's Usage tab compute it (usage_occ_month): what it
 * holds, its allowances and what it used of them, its calls, its traffic
 * and the usage charge lines (amounts in minor units), with their total.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/usage.h"
#include "../http/http.h"
#include "../store/store_api.h"
#include "../usage.h"
#include "api.h"

static json_t *
lines_json(const struct usage_occ_month *o)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < o->nlines; i++) {
		const struct usage_line *l = &o->lines_v[i];

		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:I, s:I,"
		    " s:I, s:I, s:I}", "code", l->code, "label", l->label,
		    "detail", l->detail, "calls", (json_int_t)l->calls,
		    "seconds", (json_int_t)l->seconds, "billed_seconds",
		    (json_int_t)l->billed, "included_seconds",
		    (json_int_t)l->included, "amount", (json_int_t)l->amount));
	}
	return a;
}

static json_t *
allowances_json(const struct usage_occ_month *o)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < o->nallow; i++)
		json_array_append_new(a, json_pack("{s:s, s:o, s:I}", "group",
		    o->allow[i].group, "seconds", o->allow[i].seconds ==
		    USAGE_UNLIMITED ? json_null() : json_integer(
		    o->allow[i].seconds), "used_seconds",
		    (json_int_t)o->allow[i].used));
	return a;
}

void
api_usage(struct req *r, const struct api_key *k)
{
	struct store_api_occupier	 occ;
	struct usage_occ_month		 o;
	int64_t				 site = r->ids[1];
	int				 y, m, rc;

	if (!api_month_arg(r, &y, &m) ||
	    !api_occupier_load(r, k, r->ids[0], &occ))
		return;
	if (k->site_id != 0 && site != k->site_id) {
		api_problem(r, 404, "not-found", "Not found", "No such site.");
		return;
	}
	if ((rc = usage_occ_month(r->a, k->operator_id, occ.id, site, y, m,
	    &o)) < 0) {
		api_store_error(r);
		return;
	}
	if (rc == 0) {
		api_problem(r, 404, "not-found", "Not found", "No such site.");
		return;
	}
	api_json(r, 200, json_pack("{s:I, s:I, s:s, s:I, s:I, s:I, s:s?,"
	    " s:s?, s:o, s:o, s:I, s:I, s:I, s:I, s:{s:I, s:I, s:I}, s:o,"
	    " s:I}",
	    "occupier_id", (json_int_t)occ.id, "site_id", (json_int_t)site,
	    "month", arena_printf(r->a, "%04d-%02d", y, m),
	    "numbers", (json_int_t)o.numbers, "floor_ports",
	    (json_int_t)o.ports, "voice_lines", (json_int_t)o.lines,
	    "tariff", *o.tariff ? o.tariff : NULL,
	    "bandwidth_tier", *o.tier ? o.tier : NULL,
	    "committed_mbps", o.committed_mbps < 0 ? json_null() :
	    json_integer(o.committed_mbps),
	    "allowances", allowances_json(&o),
	    "calls", (json_int_t)o.calls, "seconds", (json_int_t)o.seconds,
	    "free_calls", (json_int_t)o.free_calls, "unrated_calls",
	    (json_int_t)o.unrated_calls,
	    "traffic", "samples", (json_int_t)o.samples, "p95_bits",
	    (json_int_t)o.p95_bits, "burst_bits", (json_int_t)o.burst_bits,
	    "lines", lines_json(&o), "total", (json_int_t)o.total));
}
