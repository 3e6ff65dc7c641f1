/*
 * api_charges: GET /api/v1/charges?month=YYYY-MM, what each occupier
 * service is charged in a month, from the charge ledger and its proration
 * rule (domain/ledger.h: the lines a bill run invoices), a page of
 * occupiers at a time in id order (cursor: the last occupier's id), only
 * the key's site for a key restricted to one; ?occupier= one occupier's.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/ledger.h"
#include "../http/http.h"
#include "../store/store_ledger.h"
#include "api.h"

int
api_month_arg(struct req *r, int *y, int *m)
{
	const char	*s = kv_get(&r->query, "month");
	int32_t		 d;

	if (s != NULL && strlen(s) == 7 && date_parse(arena_printf(r->a,
	    "%s-01", s), &d) == 0) {
		int	 dd;

		date_to_ymd(d, y, m, &dd);
		return 1;
	}
	api_problem(r, 400, "bad-request", "Bad query parameter",
	    "month is required, written YYYY-MM.");
	return 0;
}

/* One service's charges in the month, or NULL on an overflow. */
static json_t *
svc_json(const struct store_ledger_svc *s, int y, int m,
    struct charge_line *l)
{
	json_t	*a = json_array();
	int64_t	 total = 0;
	size_t	 i, n;

	n = ledger_month(s->activated, s->ended, s->rows, s->nrows, y, m, l);
	if (n == (size_t)-1)
		return NULL;
	for (i = 0; i < n; i++) {
		total += l[i].amount;
		json_array_append_new(a, json_pack("{s:o, s:o, s:i, s:i, s:I, "
		    "s:I, s:I}", "from", api_day(l[i].from), "to",
		    api_day(l[i].to), "days", l[i].days, "days_in_month",
		    l[i].dim, "price", (json_int_t)l[i].price, "qty",
		    (json_int_t)l[i].qty, "amount", (json_int_t)l[i].amount));
	}
	return json_pack("{s:I, s:I, s:s, s:I, s:s, s:I, s:s, s:o, s:I}",
	    "occupier_service_id", (json_int_t)s->id, "occupier_id",
	    (json_int_t)s->occ_id, "occupier_name", s->occ_name, "site_id",
	    (json_int_t)s->site_id, "site_name", s->site_name, "service_id",
	    (json_int_t)s->service_id, "service_name", s->service_name,
	    "lines", a, "amount", (json_int_t)total);
}

/* The services charged in the month to occupiers [lo, hi] as items. */
static json_t *
charges_json(struct req *r, const struct api_key *k, int64_t lo, int64_t hi,
    int y, int m)
{
	struct store_ledger_svc	*s;
	struct charge_line	*l;
	json_t			*items = json_array(), *x;
	size_t			 i, n, most = 1;

	if (store_ledger_month_range(r->a, k->operator_id, k->site_id, lo, hi,
	    date_from_ymd(y, m, 1), date_from_ymd(y, m,
	    date_days_in_month(y, m)), &s, &n) < 0)
		return NULL;
	for (i = 0; i < n; i++)
		if (s[i].nrows > most)
			most = s[i].nrows;
	l = arena_calloc(r->a, most, sizeof(*l));
	for (i = 0; i < n; i++) {
		if ((x = svc_json(&s[i], y, m, l)) == NULL)
			return NULL;
		json_array_append_new(items, x);
	}
	return items;
}

void
api_charges(struct req *r, const struct api_key *k)
{
	struct store_api_occupier	*o;
	json_t				*items;
	int64_t				 after, limit, occ;
	size_t				 n;
	int				 y, m, more;

	if (!api_month_arg(r, &y, &m) || !api_paging(r, &after, &limit) ||
	    api_query_int(r, "occupier", INT64_MAX / 2, &occ) < 0)
		return;
	if (occ > 0) {
		o = arena_calloc(r->a, 1, sizeof(*o));
		n = 1;
		if (!api_occupier_load(r, k, occ, o))
			return;
	} else if (store_api_occupiers(r->a, k->operator_id, k->site_id,
	    after, 0, limit + 1, &o, &n) < 0) {
		api_store_error(r);
		return;
	}
	if (n == 0) {
		api_page(r, json_array(), 0);
		return;
	}
	if ((more = n > (size_t)limit))
		n = (size_t)limit;	/* the page; o[limit] says there is more */
	if ((items = charges_json(r, k, o[0].id, o[n - 1].id, y, m)) == NULL) {
		api_store_error(r);
		return;
	}
	api_page(r, items, more ? o[n - 1].id : 0);
}
