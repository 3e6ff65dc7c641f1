/*
 * services_manage: the Add services / Manage services dialog (seed; DESIGN
 * 4). The form holds the whole plan for one occupier at one site:
 * row[i][id] (0 for a new row), row[i][service], row[i][contract],
 * row[i][price], row[i][qty], and drop=ID for each current row the user
 * removed. Every submit re-evaluates the plan on the server (the rules
 * live once, in C); "add" appends a row, "remove" drops one (a current row
 * becomes a drop), "restore" brings a dropped row back, op=save saves in
 * one transaction. A save must name every current row of the plan it
 * started from exactly once, as a row or as a drop, and no other row: the
 * rules are evaluated on exactly the plan that is stored. Without JavaScript it is a page
 * with a Recalculate button; with it, app.js posts partial=1 and swaps the
 * returned form in place.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mysqld_error.h>

#include "../domain/date.h"
#include "../domain/ledger.h"
#include "../domain/money.h"
#include "../domain/status.h"
#include "../domain/svcstart.h"
#include "../log.h"
#include "../notify.h"
#include "../store/db.h"
#include "../store/store_device.h"
#include "../store/store_ledger.h"
#include "../store/store_phone.h"
#include "../tpl/tpl.h"
#include "billing_lock.h"
#include "pages.h"
#include "svcplan.h"

#define MAX_ROWS	200
#define MAX_MSGS	8
#define SAVE_TRIES	5

struct mrow {
	int64_t				 id;		/* occupier_service, 0 new */
	int64_t				 service_id;
	int64_t				 contract_id;
	const char			*price_raw;
	int64_t				 price;
	const char			*qty_raw;
	int64_t				 qty;
	int				 price_ok, qty_ok;
	const struct store_occsvc	*cur;		/* existing row */
	const struct store_service	*svc;
	const char			*msgs[MAX_MSGS];
	size_t				 nmsgs;
};

struct manage {
	struct req		*r;
	int64_t			 occ, site;
	struct store_occupier	 o;
	struct store_plan_head	 head;		/* manage_load(m, 0): o's header */
	struct svcplan		 plan;
	struct store_occsvc	*cur;		/* current, not ended */
	size_t			 ncur;
	struct store_contract	*contracts;	/* eligible: not inactive */
	size_t			 ncontracts;
	int64_t			 version;	/* plan version the form is based on */
	struct mrow		 rows[MAX_ROWS];
	size_t			 nrows;
	int64_t			 drops[MAX_ROWS];	/* current rows removed */
	size_t			 ndrops;
	const char		*top[MAX_MSGS];	/* messages not tied to a row */
	size_t			 ntop;
	struct rules_result	 res;
	int			 errors;	/* any message at all */
};

static void
row_msg(struct manage *m, struct mrow *row, const char *msg)
{
	if (row->nmsgs < MAX_MSGS)
		row->msgs[row->nmsgs++] = msg;
	m->errors++;
}

static void
top_msg(struct manage *m, const char *msg)
{
	if (m->ntop < MAX_MSGS)
		m->top[m->ntop++] = msg;
	m->errors++;
}

static const struct store_occsvc *
cur_row(const struct manage *m, int64_t id)
{
	size_t	 i;

	for (i = 0; i < m->ncur; i++)
		if (m->cur[i].id == id)
			return &m->cur[i];
	return NULL;
}

static const struct store_contract *
contract_of(const struct manage *m, int64_t id)
{
	size_t	 i;

	for (i = 0; i < m->ncontracts; i++)
		if (m->contracts[i].id == id)
			return &m->contracts[i];
	return NULL;
}

/* ASCII case-insensitive "needle occurs in hay". */
static int
contains_ci(const char *hay, const char *needle)
{
	size_t	 i, n = strlen(needle);

	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n && hay[i] != '\0' &&
		    tolower((unsigned char)hay[i]) ==
		    tolower((unsigned char)needle[i]); i++)
			continue;
		if (i == n)
			return 1;
	}
	return n == 0;
}

/* Strict positive decimal id; 0 for "", -1 for anything else. */
static int64_t
parse_id(const char *s)
{
	int64_t	 v = 0;
	int	 n = 0;

	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || ++n > 18)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* Load what the dialog needs besides the rows. 1 ok, 0 no such occupier
 * or site of the operator, -1 store error. */
static int
manage_load(struct manage *m, int lock)
{
	struct req		*r = m->r;
	struct store_contract	*c;
	size_t			 n, i;
	unsigned		 st;
	int			 rc;

	if (lock) {
		/* Under the plan's lock: the current rows, locked too, then
		 * what they are checked against. */
		if ((rc = store_plan_lock(r->a, r->user.operator_id, m->occ,
		    m->site, &m->version, &m->cur, &m->ncur)) <= 0)
			return rc;
		if (svcplan_load(r, m->occ, m->site, &m->plan, &c, &n) < 0)
			return -1;
	} else {
		/* Reading only: the occupier, the version and the current rows
		 * kept, from one snapshot (every part scoped to the operator),
		 * and the site checked against the operator's site list. */
		const struct store_site	*sites;
		size_t			 ns, k;

		if (svcplan_read(r, m->occ, m->site, &m->plan, &m->cur,
		    &m->ncur, &m->head) < 0)
			return -1;
		if (!m->head.found)
			return 0;
		if (store_site_names(r->a, r->user.operator_id,
		    m->head.sites_version, &sites, &ns) < 0)
			return -1;
		for (k = 0; k < ns && sites[k].id != m->site; k++)
			;
		if (k == ns)
			return 0;
		m->o = m->head.o;
		m->version = m->plan.version;
		for (i = n = 0; i < m->ncur; i++)
			if (m->cur[i].ended == DATE_NONE)
				m->cur[n++] = m->cur[i];
		m->ncur = n;
		if (store_contract_list(r->a, r->user.operator_id, m->occ,
		    m->site, &c, &n) < 0)
			return -1;
	}
	m->contracts = arena_calloc(r->a, n, sizeof(*m->contracts));
	m->ncontracts = 0;
	for (i = 0; i < n; i++) {
		st = contract_status(c[i].start, c[i].end, r->today);
		if (!(st & ST_INACTIVE))
			m->contracts[m->ncontracts++] = c[i];
	}
	return 1;
}

static void
rows_from_current(struct manage *m)
{
	char	 b[MONEY_STRLEN];
	size_t	 i;

	m->nrows = 0;
	m->ndrops = 0;
	for (i = 0; i < m->ncur && i < MAX_ROWS; i++) {
		struct mrow *row = &m->rows[m->nrows++];

		memset(row, 0, sizeof(*row));
		row->id = m->cur[i].id;
		row->service_id = m->cur[i].service_id;
		row->contract_id = m->cur[i].contract_id;
		row->price = m->cur[i].price;
		money_format(row->price, b, sizeof(b));
		row->price_raw = arena_strdup(m->r->a, b);
		row->qty = m->cur[i].qty;
		row->qty_raw = arena_printf(m->r->a, "%lld",
		    (long long)row->qty);
		row->price_ok = row->qty_ok = 1;
	}
}

static int	ids_distinct(const struct manage *);

/* Read row[i][field] pairs and the drops from the form, in index order.
 * 0 ok, -1 bad (not something a person could have sent, or a row named
 * twice). */
static int
rows_from_form(struct manage *m)
{
	struct req	*r = m->r;
	struct {
		int		 present;
		const char	*id, *service, *contract, *price, *qty;
	}		*slot;
	const char	*field;
	size_t		 i, idx, flen;

	slot = arena_calloc(r->a, MAX_ROWS, sizeof(*slot));
	m->ndrops = 0;
	for (i = 0; i < r->form.n; i++) {
		const char *k = r->form.v[i].key, *v = r->form.v[i].val;

		if (strcmp(k, "drop") == 0) {
			int64_t id = parse_id(v);

			if (id <= 0 || m->ndrops == MAX_ROWS)
				return -1;
			m->drops[m->ndrops++] = id;
			continue;
		}
		if (!parse_indexed_key(k, "row", MAX_ROWS - 1, &idx, &field,
		    &flen))
			continue;
		slot[idx].present = 1;
		if (flen == 2 && strncmp(field, "id", 2) == 0)
			slot[idx].id = v;
		else if (flen == 7 && strncmp(field, "service", 7) == 0)
			slot[idx].service = v;
		else if (flen == 8 && strncmp(field, "contract", 8) == 0)
			slot[idx].contract = v;
		else if (flen == 5 && strncmp(field, "price", 5) == 0)
			slot[idx].price = v;
		else if (flen == 3 && strncmp(field, "qty", 3) == 0)
			slot[idx].qty = v;
	}
	m->nrows = 0;
	for (idx = 0; idx < MAX_ROWS; idx++) {
		struct mrow	*row;
		int64_t		 id, svc, con;

		if (!slot[idx].present)
			continue;
		id = parse_id(slot[idx].id);
		svc = parse_id(slot[idx].service);
		con = parse_id(slot[idx].contract);
		if (id < 0 || svc <= 0 || con < 0)
			return -1;	/* not something a person typed */
		row = &m->rows[m->nrows++];
		memset(row, 0, sizeof(*row));
		row->id = id;
		row->service_id = svc;
		row->contract_id = con;
		row->price_raw = slot[idx].price ? slot[idx].price : "";
		row->qty_raw = slot[idx].qty ? slot[idx].qty : "";
	}
	return ids_distinct(m) ? 0 : -1;
}

/* 1 when no current row is named twice (as rows or drops). */
static int
ids_distinct(const struct manage *m)
{
	size_t	 i, j;

	for (i = 0; i < m->nrows; i++) {
		if (m->rows[i].id == 0)
			continue;
		for (j = i + 1; j < m->nrows; j++)
			if (m->rows[j].id == m->rows[i].id)
				return 0;
		for (j = 0; j < m->ndrops; j++)
			if (m->drops[j] == m->rows[i].id)
				return 0;
	}
	for (i = 0; i < m->ndrops; i++)
		for (j = i + 1; j < m->ndrops; j++)
			if (m->drops[j] == m->drops[i])
				return 0;
	return 1;
}

/*
 * 1 when the form (rows and drops, already distinct) names every current
 * row exactly once and nothing else: what a save must hold, once the
 * version check has said the form started from this plan.
 */
static int
form_names_plan(const struct manage *m)
{
	size_t	 i, named = 0;

	for (i = 0; i < m->nrows; i++) {
		if (m->rows[i].id == 0)
			continue;
		if (cur_row(m, m->rows[i].id) == NULL)
			return 0;
		named++;
	}
	for (i = 0; i < m->ndrops; i++) {
		if (cur_row(m, m->drops[i]) == NULL)
			return 0;
		named++;
	}
	return named == m->ncur;
}

/* Append a row for service id (the arrow in Available services). */
static void
row_add(struct manage *m, int64_t sid)
{
	const struct store_service	*s;
	struct mrow			*row;
	char				 b[MONEY_STRLEN];

	s = svcplan_service(&m->plan, sid);
	if (s == NULL || !s->available) {
		top_msg(m, "That service is not available at this site.");
		return;
	}
	if (m->nrows == MAX_ROWS) {
		top_msg(m, "A plan holds 200 rows at most.");
		return;
	}
	row = &m->rows[m->nrows++];
	memset(row, 0, sizeof(*row));
	row->service_id = sid;
	/* Seed: "If there is only one contract, it will be selected". */
	if (m->ncontracts == 1)
		row->contract_id = m->contracts[0].id;
	money_format(s->rrp, b, sizeof(b));	/* price defaults to RRP */
	row->price_raw = arena_strdup(m->r->a, b);
	row->qty_raw = "1";
}

/* Bring current row id back from the drops, as it is stored. */
static void
row_restore(struct manage *m, int64_t id)
{
	const struct store_occsvc	*c;
	char				 b[MONEY_STRLEN];
	struct mrow			*row;
	size_t				 i;

	for (i = 0; i < m->ndrops && m->drops[i] != id; i++)
		;
	if (i == m->ndrops || (c = cur_row(m, id)) == NULL ||
	    m->nrows == MAX_ROWS)
		return;
	m->drops[i] = m->drops[--m->ndrops];
	row = &m->rows[m->nrows++];
	memset(row, 0, sizeof(*row));
	row->id = c->id;
	row->service_id = c->service_id;
	row->contract_id = c->contract_id;
	money_format(c->price, b, sizeof(b));
	row->price_raw = arena_strdup(m->r->a, b);
	row->qty_raw = arena_printf(m->r->a, "%lld", (long long)c->qty);
}

/* Check every row on its own, then the plan against the rules. */
static void
evaluate(struct manage *m)
{
	struct req		*r = m->r;
	struct rules_line	*lines;
	size_t			*line_row, nl = 0, i, j;
	char			*end;
	long long		 q;

	lines = arena_calloc(r->a, m->nrows ? m->nrows : 1, sizeof(*lines));
	line_row = arena_calloc(r->a, m->nrows ? m->nrows : 1,
	    sizeof(*line_row));
	for (i = 0; i < m->nrows; i++) {
		struct mrow *row = &m->rows[i];

		row->nmsgs = 0;
		if (row->id > 0) {
			/* Existing rows keep their service and contract. */
			if ((row->cur = cur_row(m, row->id)) == NULL) {
				row_msg(m, row, "This service was changed or "
				    "removed meanwhile: reload the dialog.");
				continue;
			}
			row->service_id = row->cur->service_id;
			row->contract_id = row->cur->contract_id;
		}
		row->svc = svcplan_service(&m->plan, row->service_id);
		if (row->svc == NULL) {
			row_msg(m, row, "This service is not in the catalog.");
			continue;
		}
		if (row->id == 0 && !row->svc->available)
			row_msg(m, row, arena_printf(r->a, "%s is not available "
			    "at this site.", row->svc->name));
		if (row->id == 0 && (row->contract_id == 0 ||
		    contract_of(m, row->contract_id) == NULL))
			row_msg(m, row, "Select the contract to charge this "
			    "service against.");
		/* As typed: the operator's currency symbol (or code) and
		 * thousands separators are fine ("£1,250.00"). */
		row->price_ok = strlen(row->price_raw) <= 24 &&
		    money_parse_price(row->price_raw, m->plan.cat.currency,
		    &row->price) == 0;
		if (!row->price_ok)
			row_msg(m, row, "Price must be an amount such as 12.50 "
			    "(0.00 or more).");
		q = strtoll(row->qty_raw, &end, 10);
		row->qty_ok = *row->qty_raw != '\0' && *end == '\0' &&
		    strlen(row->qty_raw) <= 6 && q >= 1 && q <= 9999;
		if (!row->qty_ok)
			row_msg(m, row, "QTY must be a whole number from 1 to "
			    "9999.");
		else
			row->qty = q;
		if (row->price_ok && row->qty_ok) {
			int64_t t;

			if (money_mul(row->price, row->qty, &t) == -1 ||
			    t > MONEY_MAX) {
				row_msg(m, row, "Price × QTY is too large.");
				row->price_ok = 0;
			}
		}
		/* Rules see every row of a known service (qty 1 if unreadable,
		 * so one typo does not hide the other problems). */
		lines[nl].service_id = row->service_id;
		lines[nl].qty = row->qty_ok ? row->qty : 1;
		line_row[nl] = i;
		nl++;
	}
	svcplan_check(&m->plan, lines, nl, &m->res);
	for (j = 0; j < m->res.nv; j++) {
		const struct rules_violation *v = &m->res.v[j];

		if (v->line == RULES_NO_LINE || v->line >= nl)
			top_msg(m, v->msg);
		else
			row_msg(m, &m->rows[line_row[v->line]],
			    arena_strdup(r->a, v->msg));
	}
	if (m->res.nv_total > m->res.nv)
		top_msg(m, "More problems exist; fix these first.");
	if (m->ncontracts == 0 && m->nrows > 0)
		m->errors++;
}

/* Fill dictionary d with the dialog (form, rows, messages, totals). */
static void
fill(struct manage *m, struct tpl_dict *d, const char *notice)
{
	struct req		*r = m->r;
	struct tpl_dict		*s, *c;
	const char		*q;
	size_t			 i, j, k;
	int64_t			 total, month = 0;
	size_t			 nbad = 0;
	char			 b[MONEY_STRLEN];

	tpl_set(d, TN_CSRF, r->csrf);
	tpl_set_int(d, TN_OCC_ID, m->occ);
	tpl_set_int(d, TN_SITE_ID, m->site);
	tpl_set(d, TN_OCC_NAME, m->o.name);
	tpl_set(d, TN_MANAGE_LABEL, m->ncur == 0 ? "Add services" :
	    "Manage services");
	tpl_set(d, TN_SAVE_LABEL, m->ncur == 0 ? "Add services" : "Save");
	tpl_set_int(d, TN_VERSION, m->version);
	q = kv_get(&r->form, "q");
	if (q == NULL)
		q = kv_get(&r->query, "q");
	if (q != NULL && strlen(q) > 200)
		q = NULL;
	tpl_set(d, TN_Q, q ? q : "");
	if (notice != NULL)
		tpl_set(tpl_section(d, TN_NOTICE), TN_TEXT, notice);
	for (i = 0; i < m->ntop; i++)
		tpl_set(tpl_section(d, TN_TOP_MSG), TN_MSG, m->top[i]);
	if (m->ntop > 0)
		tpl_show(d, TN_HAS_TOP_MSGS);

	/* Available services at this site, filtered by the search text
	 * (here for no-JS; app.js filters as you type). */
	for (i = 0, k = 0; i < m->plan.cat.nsvc; i++) {
		const struct store_service *sv = &m->plan.cat.svc[i];

		if (!sv->available)
			continue;
		s = tpl_section(d, TN_AVAIL);
		tpl_set_int(s, TN_ID, sv->id);
		tpl_set(s, TN_NAME, sv->name);
		tpl_set(s, TN_CATEGORY, sv->category);
		tpl_set(s, TN_DESCRIPTION, sv->description);
		if (q != NULL && *q != '\0' && !contains_ci(sv->name, q) &&
		    !contains_ci(sv->category, q))
			tpl_show(s, TN_HIDDEN);
		else
			k++;
	}
	if (k == 0)
		tpl_show(d, TN_NO_AVAIL);

	for (i = 0; i < m->nrows; i++) {
		struct mrow			*row = &m->rows[i];
		const struct store_contract	*con;

		s = tpl_section(d, TN_ROW);
		tpl_set_int(s, TN_I, (long long)i);
		tpl_set_int(s, TN_ID, row->id);
		tpl_set_int(s, TN_SERVICE_ID, row->service_id);
		tpl_set(s, TN_NAME, row->svc ? row->svc->name : "Unknown service");
		tpl_set(s, TN_DESCRIPTION, row->svc ? row->svc->description : "");
		if (row->svc != NULL) {
			page_set_money(s, TN_COST, row->svc->cost);
			page_set_money(s, TN_RRP, row->svc->rrp);
			if (row->svc->cost == 0)
				tpl_show(s, TN_ZERO_COST);
		}
		tpl_set(s, TN_PRICE, row->price_raw);
		tpl_set(s, TN_QTY, row->qty_raw);
		if (row->price_ok && row->qty_ok &&
		    money_mul(row->price, row->qty, &total) == 0) {
			page_set_money(s, TN_TOTAL, total);
			month += total;
		} else {
			tpl_set(s, TN_TOTAL, "—");
			nbad++;
		}
		if (row->id > 0 && row->cur != NULL) {
			c = tpl_section(s, TN_FIXED_CONTRACT);
			tpl_set(c, TN_REF, row->cur->contract_ref);
			tpl_set_int(c, TN_ID, row->contract_id);
			page_set_date(s, TN_START, row->cur->start);
		} else {
			c = tpl_section(s, TN_CHOOSE_CONTRACT);
			if (row->contract_id == 0 ||
			    contract_of(m, row->contract_id) == NULL)
				tpl_show(c, TN_NONE_SELECTED);
			for (j = 0; j < m->ncontracts; j++) {
				struct tpl_dict *o = tpl_section(c, TN_OPT);

				tpl_set_int(o, TN_ID, m->contracts[j].id);
				tpl_set(o, TN_REF, m->contracts[j].reference);
				if (m->contracts[j].id == row->contract_id)
					tpl_show(o, TN_SELECTED);
			}
			con = contract_of(m, row->contract_id);
			if (con != NULL)
				page_set_date(s, TN_START, con->start);
			else
				tpl_set(s, TN_START, "—");
		}
		if (row->nmsgs > 0) {
			tpl_show(s, TN_INVALID);
			for (j = 0; j < row->nmsgs; j++)
				tpl_set(tpl_section(s, TN_MSG), TN_TEXT,
				    row->msgs[j]);
		}
	}
	for (i = 0; i < m->ndrops; i++) {
		const struct store_occsvc	*c = cur_row(m, m->drops[i]);
		const struct store_service	*sv;

		s = tpl_section(d, TN_DROP);
		tpl_set_int(s, TN_ID, m->drops[i]);
		sv = c ? svcplan_service(&m->plan, c->service_id) : NULL;
		tpl_set(s, TN_NAME, sv ? sv->name : "A service changed meanwhile");
		if (c != NULL)
			tpl_show(s, TN_CAN_RESTORE);
	}
	if (m->ndrops > 0)
		tpl_show(d, TN_HAS_DROPS);
	tpl_show(d, m->nrows == 0 ? TN_NO_ROWS : TN_HAS_ROWS);
	if (m->ncontracts == 0)
		tpl_show(d, TN_NO_CONTRACT);
	svcplan_fill_infra(d, &m->res);
	/* A total without a row it cannot price would be wrong: it shows
	 * as not computed until every row is valid. */
	if (nbad > 0) {
		struct tpl_dict *t = tpl_section(d, TN_TOTAL_INVALID);

		tpl_set(d, TN_MONTH_TOTAL, "—");
		tpl_set_int(t, TN_NBAD, (long long)nbad);
		tpl_show(t, nbad > 1 ? TN_PLURAL : TN_SINGULAR);
	} else {
		money_format_display(month, b, sizeof(b));
		tpl_set(d, TN_MONTH_TOTAL, b);
	}
	if (m->errors > 0)
		tpl_show(d, TN_BLOCKED);
	tpl_set(d, TN_ZERO_COST_TEXT, svcplan_zero_cost_note);
}

static void
emit(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

/* The dialog as a page, or (partial) as a bare fragment for app.js. */
static void
respond(struct manage *m, int status, const char *notice, int partial)
{
	struct req	*r = m->r;
	struct tpl_dict	*d;

	if (partial) {
		if ((d = tpl_dict_new("manage")) == NULL) {
			http_error(r, 500);
			return;
		}
		arena_defer(r->a, tpl_dict_free, d);
		fill(m, d, notice);
		r->body.len = 0;
		if (tpl_render("services_manage.tpl", d, emit, &r->body) == -1) {
			http_error(r, 500);
			return;
		}
		r->status = status;
		r->content_type = "text/html; charset=utf-8";
		r->done = 1;
		return;
	}
	if ((d = page_begin(r, m->ncur == 0 ? "Add services" :
	    "Manage services", "services_manage.tpl", "occupiers")) == NULL)
		return;
	if (m->head.found ? !occupier_nav_head(r, d, &m->head, m->site,
	    "services") : !occupier_nav(r, d, m->occ, m->site, "services",
	    &m->o))
		return;
	tpl_show(d, TN_FULL);
	fill(m, d, notice);
	r->status = status;
	page_end(r);
}

static char *
audit_row(struct req *r, const struct store_service *s, const char *ref,
    int64_t price, int64_t qty)
{
	char	 b[MONEY_STRLEN];

	money_format(price, b, sizeof(b));
	return arena_printf(r->a, "service=%s\ncontract=%s\nprice=%s\nqty=%lld",
	    s ? s->name : "?", ref, b, (long long)qty);
}

/* QTY of Voice services among the current rows / the plan's rows. */
static int64_t
voice_qty_current(const struct manage *m)
{
	const struct store_service	*s;
	int64_t				 q = 0;
	size_t				 i;

	for (i = 0; i < m->ncur; i++)
		if ((s = svcplan_service(&m->plan, m->cur[i].service_id)) !=
		    NULL && svc_category_parse(s->category) == CAT_VOICE)
			q += m->cur[i].qty;
	return q;
}

static int64_t
voice_qty_plan(const struct manage *m)
{
	int64_t	 q = 0;
	size_t	 i;

	for (i = 0; i < m->nrows; i++)
		if (m->rows[i].svc != NULL &&
		    svc_category_parse(m->rows[i].svc->category) == CAT_VOICE)
			q += m->rows[i].qty;
	return q;
}

/* The numbers the first voice service activated (today), e-mailed to the
 * occupier in the save's transaction. 1, -1. */
static int
numbers_mail(struct manage *m)
{
	struct store_phone	*p;
	const char		**nums;
	size_t			 n, i, k = 0;

	if (store_phone_list_occupier(m->r->a, m->r->user.operator_id, m->occ,
	    m->site, m->r->today, &p, &n) < 0)
		return -1;
	nums = arena_calloc(m->r->a, n ? n : 1, sizeof(*nums));
	for (i = 0; i < n; i++)
		if (p[i].state == PHONE_ACTIVE && p[i].activated_at == m->r->today)
			nums[k++] = p[i].number;
	return notify_numbers_activated(m->r->a, m->r->user.operator_id,
	    m->occ, m->site, nums, k, m->r->now);
}

/* The charge ledger's row in force of current row c (into buf), or NULL. */
static const struct ledger_row *
ledger_open(const struct store_occsvc *c, struct ledger_row *buf)
{
	if (c->ledger_from == DATE_NONE)
		return NULL;
	buf->occsvc_id = c->id;
	buf->from = c->ledger_from;
	buf->to = DATE_NONE;
	buf->price = c->ledger_price;
	buf->qty = c->ledger_qty;
	return buf;
}

/* Queue the ledger rows of a new price and QTY of service id (open: its
 * row in force, NULL for a new service), in force from today. */
static int
ledger_set(struct manage *m, struct store_ledger_batch *lb,
    const struct ledger_row *open, int64_t id, int64_t price, int64_t qty)
{
	struct ledger_row	 out[2];
	size_t			 i, n;

	n = ledger_change(open, id, m->r->today, price, qty, out);
	for (i = 0; i < n; i++)
		if (store_ledger_queue(lb, m->occ, m->site, &out[i]) < 0)
			return -1;
	return 1;
}

/*
 * Which of the plan's services waiting for a device start with this save,
 * on active switch ports that no started service holds (svcstart.h): the
 * port of a service this save removes, or a port activated before the
 * service was added. start[j] is set for row j.
 */
static void
device_starts(const struct manage *m, int *start)
{
	struct svcstart_item	*w;
	size_t			*wrow, nw = 0, j;
	int64_t			 held = 0, ports;

	w = arena_calloc(m->r->a, m->nrows + 1, sizeof(*w));
	wrow = arena_calloc(m->r->a, m->nrows + 1, sizeof(*wrow));
	for (j = 0; j < m->nrows; j++) {
		const struct mrow *row = &m->rows[j];

		start[j] = 0;
		if (row->svc == NULL || !row->svc->needs_device)
			continue;
		ports = row->svc->ent[INFRA_SWITCH_PORTS] * row->qty;
		if (row->id > 0 && row->cur->activated != DATE_NONE) {
			held += ports;
			continue;
		}
		w[nw].ports = ports;
		wrow[nw++] = j;
	}
	svcstart_on_ports(m->plan.state.in_use[INFRA_SWITCH_PORTS], held, w,
	    nw);
	for (j = 0; j < nw; j++)
		start[wrow[j]] = w[j].start;
}

static char *
audit_activate(struct req *r, const struct store_service *s, int32_t day)
{
	char	 d[DATE_STRLEN];

	date_format(day, d, sizeof(d));
	return arena_printf(r->a, "service=%s\nactivated=%s",
	    s ? s->name : "?", d);
}

/*
 * One save attempt inside a transaction. Returns 1 saved, 0 refused (the
 * reason is in m: a conflict sets *conflict, no such occupier or site of
 * the operator sets *missing, a form that does not name the plan's rows
 * exactly sets *malformed), -1 store error.
 */
static int
save_once(struct manage *m, int64_t form_version, int *conflict,
    int *missing, int *malformed, int64_t *needs_case)
{
	struct req		*r = m->r;
	int64_t			 op = r->user.operator_id, uid = r->user.id, id;
	struct store_audit_batch ab;
	struct store_ledger_batch lb;
	struct ledger_row	 lr, closed;
	size_t			 i, j;
	int			 keep, rc, *start;

	*conflict = 0;
	*missing = 0;
	*malformed = 0;
	if (db_begin() < 0)
		return -1;
	/* The version row is locked first: concurrent saves serialize here. */
	if ((rc = manage_load(m, 1)) < 0)
		goto err;
	if (rc == 0) {
		*missing = 1;
		db_rollback();
		return 0;
	}
	if (m->version != form_version) {
		*conflict = 1;
		db_rollback();
		return 0;
	}
	/* Same version: the rows are those the form started from, so a form
	 * that names one twice, one of another plan, or misses one was not
	 * made by the dialog. Nothing is evaluated or written. */
	if (!form_names_plan(m)) {
		*malformed = 1;
		db_rollback();
		return 0;
	}
	/* A change takes effect today: refused in an invoiced, locked month
	 * (billing_lock.h). */
	{
		const char *locked;

		if ((rc = billing_lock_check(r, m->site, r->today, r->today,
		    &locked)) < 0)
			goto err;
		if (rc > 0) {
			top_msg(m, locked);
			db_rollback();
			return 0;
		}
	}
	m->errors = 0;
	m->ntop = 0;
	evaluate(m);
	if (m->errors > 0) {
		db_rollback();
		return 0;
	}
	store_audit_begin(&ab, op, r->today);
	store_ledger_begin(&lb, op);
	start = arena_calloc(r->a, m->nrows + 1, sizeof(*start));
	device_starts(m, start);
	/* Removed: current rows the plan no longer holds. */
	for (i = 0; i < m->ncur; i++) {
		const struct store_occsvc *c = &m->cur[i];
		const struct store_service *s = svcplan_service(&m->plan,
		    c->service_id);

		for (j = 0, keep = 0; j < m->nrows; j++)
			if (m->rows[j].id == c->id)
				keep = 1;
		if (keep)
			continue;
		/* Never started (no charge ever): it goes, with its ledger
		 * rows; else it ends today and stays as Inactive (previously
		 * provisioned), its ledger row closed today: the removal day
		 * is not charged. */
		if (c->activated == DATE_NONE || c->activated > r->today) {
			if (store_occsvc_delete(op, c->id, r->today) <= 0)
				goto err;
		} else {
			if (store_occsvc_end(op, c->id, r->today, uid) <= 0)
				goto err;
			if (ledger_open(c, &lr) != NULL) {
				ledger_close(&lr, r->today, &closed);
				if (store_ledger_queue(&lb, m->occ, m->site,
				    &closed) < 0)
					goto err;
			}
		}
		if (store_audit_queue(&ab, m->occ, m->site, uid,
		    "occupier_service", c->id, "remove", audit_row(r, s, c->contract_ref, c->price,
		    c->qty), NULL) < 0)
			goto err;
	}
	for (j = 0; j < m->nrows; j++) {
		struct mrow			*row = &m->rows[j];
		const struct store_contract	*con;
		struct store_occsvc		 n;

		if (row->id > 0) {
			if (start[j]) {
				/* Waiting for a device: a free active port
				 * starts it (device_starts). */
				int32_t day = svcstart_day(row->cur->start,
				    r->today);

				if (store_occsvc_activate(op, row->id, day) <= 0 ||
				    store_audit_queue(&ab, m->occ, m->site, uid,
				    "occupier_service", row->id, "activate", NULL,
				    audit_activate(r, row->svc, day)) < 0)
					goto err;
			}
			if (row->price == row->cur->price &&
			    row->qty == row->cur->qty)
				continue;
			if (store_occsvc_update(op, row->id, row->price,
			    row->qty, uid) <= 0 ||
			    ledger_set(m, &lb, ledger_open(row->cur, &lr),
			    row->id, row->price, row->qty) < 0)
				goto err;
			if (store_audit_queue(&ab, m->occ, m->site, uid,
			    "occupier_service", row->id, "update",
			    audit_row(r, row->svc, row->cur->contract_ref,
			    row->cur->price, row->cur->qty),
			    audit_row(r, row->svc, row->cur->contract_ref,
			    row->price, row->qty)) < 0)
				goto err;
			continue;
		}
		con = contract_of(m, row->contract_id);
		memset(&n, 0, sizeof(n));
		n.service_id = row->service_id;
		n.contract_id = row->contract_id;
		n.price = row->price;
		n.qty = row->qty;
		n.start = con->start;	/* never typed: the contract's */
		/* Seed, Start date: a future start is when the service and its
		 * charges begin; a past or present start begins at activation,
		 * which is now for services that need no device. Services that
		 * need a device start when it is activated, or now on a free
		 * active port (device_starts), on the contract's start if that
		 * is in the future. */
		if (row->svc->needs_device && !start[j])
			n.activated = DATE_NONE;
		else
			n.activated = svcstart_day(con->start, r->today);
		if (store_occsvc_insert(op, m->occ, m->site, &n, uid, &id) < 0 ||
		    ledger_set(m, &lb, NULL, id, row->price, row->qty) < 0)
			goto err;
		if (store_audit_queue(&ab, m->occ, m->site, uid,
		    "occupier_service", id, "add", NULL, audit_row(r, row->svc, con->reference,
		    row->price, row->qty)) < 0)
			goto err;
		if (row->svc->needs_device && start[j] &&
		    store_audit_queue(&ab, m->occ, m->site, uid,
		    "occupier_service", id, "activate", NULL,
		    audit_activate(r, row->svc, n.activated)) < 0)
			goto err;
		if (row->svc->needs_case)
			*needs_case = row->service_id;
	}
	/* The rows' events, in the order of the changes, before any other;
	 * the ledger's rows. */
	if (store_audit_flush(&ab) < 0 || store_ledger_flush(&lb) < 0)
		goto err;
	/* Seed: "Adding voice services for the first time for this occupier
	 * at this site allocates and activates phone numbers automatically". */
	{
		int64_t before = voice_qty_current(m), after = voice_qty_plan(m);
		int64_t need = after - m->plan.state.in_use[INFRA_PHONE_EXT];
		int64_t got = 0;
		int rc;

		if (before == 0 && after > 0 && need > 0) {
			rc = store_phone_voice_first(r->a, op, m->occ, m->site,
			    need, r->today, &got);
			if (rc == -2) {
				top_msg(m, arena_printf(r->a, "Not enough phone "
				    "numbers at this site: %lld needed, %lld "
				    "available. Nothing was saved: add numbers to "
				    "the site pool or lower the Voice line QTY.",
				    (long long)need, (long long)got));
				db_rollback();
				return 0;
			}
			if (rc < 0)
				goto err;
			if (got > 0 && numbers_mail(m) < 0)
				goto err;
		}
	}
	/* Public IP addresses come from the site's pool with the service;
	 * nothing to lock or change when the occupier holds as many as the
	 * plan allocates (counted under the plan's lock by svcplan_load). */
	if (m->plan.ips_held != m->res.allocated[INFRA_PUBLIC_IP]) {
		int64_t have = 0;
		int rc = store_public_ip_sync(r->a, op, m->occ, m->site,
		    m->res.allocated[INFRA_PUBLIC_IP], &have);

		if (rc == -2) {
			top_msg(m, arena_printf(r->a, "Public IP addresses: %lld "
			    "needed but the site pool cannot provide them (the "
			    "occupier holds %lld). Nothing was saved.",
			    (long long)m->res.allocated[INFRA_PUBLIC_IP],
			    (long long)have));
			db_rollback();
			return 0;
		}
		if (rc < 0)
			goto err;
	}
	if (store_plan_bump(op, m->occ, m->site) < 0)
		goto err;
	if (db_commit() < 0)
		return -1;
	return 1;
err:
	db_rollback();
	return -1;
}

/* manage_load(m, 0) for a page: 1 loaded, else 0 and the response is
 * made (404, or a store error). */
static int
manage_read(struct manage *m)
{
	int	 rc;

	if ((rc = manage_load(m, 0)) > 0)
		return 1;
	if (rc < 0)
		page_store_error(m->r);
	else
		http_error(m->r, 404);
	return 0;
}

/* The occupier and the site, as occupier_nav checks them: 1 both of the
 * operator's, else 0 and the response is made (404, or a store error). */
static int
manage_occupier(struct manage *m)
{
	const struct store_site	*st;
	size_t			 nst;
	int			 rc;

	if ((rc = store_occupier_sites(m->r->a, m->r->user.operator_id,
	    m->occ, m->site, &m->o, &st, &nst)) < 0) {
		page_store_error(m->r);
		return 0;
	}
	if (rc == 0 || nst == 0) {
		http_error(m->r, 404);
		return 0;
	}
	return 1;
}

void
page_services_manage(struct req *r)
{
	struct manage	*m;
	const char	*op, *add, *rm, *vs;
	int64_t		 form_version = 0, sid;
	int		 partial, rc, conflict = 0, missing = 0, attempt;
	int		 malformed = 0;
	int		 is_save;
	int64_t		 needs_case = 0;
	size_t		 idx;

	m = arena_calloc(r->a, 1, sizeof(*m));
	m->r = r;
	m->occ = r->ids[0];
	m->site = r->ids[1];
	if (m->site <= 0) {
		http_error(r, 404);
		return;
	}
	/* A save reads everything again under the plan's lock (save_once),
	 * so it does not read it before as well: the lock's statement is
	 * scoped to the operator and finds nothing for a foreign id (404), and
	 * the occupier is read only when the dialog is shown again. */
	is_save = r->method != M_GET &&
	    (op = kv_get(&r->form, "op")) != NULL && strcmp(op, "save") == 0 &&
	    kv_get(&r->form, "add") == NULL &&
	    kv_get(&r->form, "remove") == NULL &&
	    kv_get(&r->form, "restore") == NULL;
	/* Otherwise the dialog reads the occupier with its plan, in one
	 * statement scoped to the operator: a 404 unless occupier and site
	 * are its own. */
	if (!is_save && !manage_read(m))
		return;
	if (r->method == M_GET) {
		rows_from_current(m);
		evaluate(m);
		respond(m, 200, NULL, kv_get(&r->query, "partial") != NULL);
		return;
	}
	partial = kv_get(&r->form, "partial") != NULL;
	if (rows_from_form(m) == -1 ||
	    (vs = kv_get(&r->form, "version")) == NULL ||
	    (form_version = parse_id(vs)) <= 0) {
		/* A foreign id is a 404 whatever the form holds. */
		if (is_save && !manage_occupier(m))
			return;
		http_error_msg(r, 400, "The services form could not be read.");
		return;
	}
	op = kv_get(&r->form, "op");
	if ((add = kv_get(&r->form, "add")) != NULL) {
		if ((sid = parse_id(add)) <= 0) {
			http_error_msg(r, 400, "The services form could not be "
			    "read.");
			return;
		}
		row_add(m, sid);
		op = "add";
	} else if ((rm = kv_get(&r->form, "remove")) != NULL) {
		idx = (size_t)strtoul(rm, NULL, 10);
		if (idx < m->nrows) {
			/* A current row is kept as a drop: removed on save,
			 * and the form still names it. */
			if (m->rows[idx].id > 0 && m->ndrops < MAX_ROWS)
				m->drops[m->ndrops++] = m->rows[idx].id;
			memmove(&m->rows[idx], &m->rows[idx + 1],
			    (m->nrows - idx - 1) * sizeof(m->rows[0]));
			m->nrows--;
		}
		op = "remove";
	} else if ((rm = kv_get(&r->form, "restore")) != NULL) {
		if ((sid = parse_id(rm)) <= 0) {
			http_error_msg(r, 400, "The services form could not be "
			    "read.");
			return;
		}
		row_restore(m, sid);
		op = "restore";
	}
	/* The form keeps the version it started from, not the latest. */
	m->version = form_version;
	if (op == NULL || strcmp(op, "save") != 0) {
		evaluate(m);
		respond(m, 200, NULL, partial);
		return;
	}
	for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
		rc = save_once(m, form_version, &conflict, &missing,
		    &malformed, &needs_case);
		if (rc >= 0 || !db_retryable())
			break;
		log_info("manage: retrying save after %u", db_errno());
		/* Back off a little, differently per worker, before retrying. */
		usleep((useconds_t)(1000 * (attempt + 1) * (1 + getpid() % 7)));
	}
	if (rc > 0) {
		if (needs_case)
			http_redirect(r, arena_printf(r->a,
			    "/occupiers/%lld/sites/%lld/services?done=saved_case"
			    "&case=%lld", (long long)m->occ, (long long)m->site,
			    (long long)needs_case));
		else
			http_redirect(r, arena_printf(r->a,
			    "/occupiers/%lld/sites/%lld/services?done="
			    "services_saved", (long long)m->occ,
			    (long long)m->site));
		return;
	}
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (missing) {
		http_error(r, 404);
		return;
	}
	if (malformed) {
		http_error_msg(r, 400, "The services form could not be read: "
		    "it does not hold the occupier's services as the dialog "
		    "showed them. Nothing was saved; open Manage services "
		    "again.");
		return;
	}
	if (conflict) {
		/* Show the current state, never a silent overwrite. */
		if (!manage_read(m))
			return;
		rows_from_current(m);
		m->errors = 0;
		m->ntop = 0;
		evaluate(m);
		respond(m, 409, "These services were changed by someone else "
		    "while you were editing (changed meanwhile). Nothing was "
		    "saved: the current services are shown below. Make your "
		    "changes again and save.", partial);
		return;
	}
	/* Rules failed against the latest state: show why, with the
	 * dialog's header. */
	if (!manage_occupier(m))
		return;
	m->version = form_version;
	respond(m, 422, NULL, partial);
}
