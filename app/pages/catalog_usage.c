/*
 * catalog_usage: the usage catalog (/catalog/usage): destination groups,
 * each tariff's rate table, the allowances and the bandwidth tiers that
 * usage billing rates calls and bursts with. Operator admins load a rate
 * card (domain/ratecard.h: the file `tenantry usage rates` reads) in a
 * text box that starts with the current card, through the operation
 * (ops_usage_catalog_set: checked whole, all of it or nothing); a refusal
 * names each line, with the text kept.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../domain/money.h"
#include "../http/parse.h"
#include "../domain/ratecard.h"
#include "../ops/usage_catalog.h"
#include "../store/store_usage.h"
#include "../tpl/tpl.h"
#include "pages.h"

static const struct field card_field =
    { "card", "Rate card", FT_MULTILINE, RATECARD_BYTES_MAX, 1, 0, 0, NULL, 0 };

/* The current catalog's tables into d. */
static void
fill(struct req *r, struct tpl_dict *d, const struct su_card *k)
{
	struct tpl_dict	*t = NULL, *s;
	const char	*cur = NULL;
	char		 m[MONEY_STRLEN];
	size_t		 i;

	for (i = 0; i < k->ng; i++) {
		s = tpl_section(d, TN_GROUP);
		tpl_set(s, TN_CODE, k->g[i].code);
		tpl_set(s, TN_NAME, k->g[i].name);
	}
	for (i = 0; i < k->nr; i++) {
		const struct usage_cat_rate *x = &k->r[i];

		if (cur == NULL || strcmp(cur, x->tariff) != 0) {
			t = tpl_section(d, TN_TARIFF);
			tpl_set(t, TN_CODE, x->tariff);
			tpl_set(t, TN_NAME, k->rname[i][0]);
			cur = x->tariff;
		}
		s = tpl_section(t, TN_RATE);
		tpl_set(s, TN_PREFIX, *x->prefix != '\0' ? arena_printf(r->a,
		    "+%s", x->prefix) : "any number");
		tpl_set(s, TN_GROUP_NAME, k->rname[i][1]);
		tpl_set(s, TN_PER_MINUTE, ratecard_price(r->a, x->per_minute));
		tpl_set(s, TN_SETUP, ratecard_price(r->a, x->setup));
		tpl_set(s, TN_MINIMUM, ratecard_price(r->a, x->minimum));
		tpl_set(s, TN_INCREMENTS, arena_printf(r->a, "%d/%d",
		    (int)x->first, (int)x->step));
	}
	for (i = 0; i < k->nl; i++) {
		s = tpl_section(d, TN_ALLOWANCE);
		tpl_set(s, TN_TARIFF_NAME, k->lname[i][0]);
		tpl_set(s, TN_GROUP_NAME, k->lname[i][1]);
		tpl_set(s, TN_MINUTES, k->l[i].minutes < 0 ? "unlimited" :
		    arena_printf(r->a, "%lld%s", (long long)k->l[i].minutes,
		    k->l[i].per_line ? " per voice line" : ""));
	}
	for (i = 0; i < k->nt; i++) {
		s = tpl_section(d, TN_TIER);
		tpl_set(s, TN_NAME, k->tname[i]);
		tpl_set_int(s, TN_MBPS, k->t[i].mbps);
		money_format(k->t[i].per_mbps, m, sizeof(m));
		tpl_set(s, TN_PER_MBPS, m);
	}
	if (k->ng == 0 && k->nr == 0 && k->nl == 0 && k->nt == 0)
		tpl_show(d, TN_EMPTY);
	tpl_set(d, TN_MINOR, strcmp(r->user.currency, "GBP") == 0 ? "pence" :
	    "cents");
}

/* The card of k, as the text box shows it. */
static const char *
card_text(struct req *r, const struct su_card *k)
{
	struct buf	 b;

	buf_init(&b, r->a, 4096);
	ratecard_write(&b, k->g, k->ng, k->r, k->nr, k->l, k->nl, k->t, k->nt);
	return b.p;
}

static void
fill_done(struct req *r, struct tpl_dict *d)
{
	const char	*s = query_text(r, "done", 200);

	/* Only what the load's redirect says: digits, commas, words. */
	if (s != NULL && *s != '\0' && strspn(s, "0123456789 ,()"
	    "abcdefghijklmnopqrstuvwxyz") == strlen(s))
		tpl_set(tpl_section(d, TN_DONE), TN_COUNTS, s);
}

/* Load the posted card. 1 answered, 0 the form back (422). */
static int
load(struct req *r, struct tpl_dict *d)
{
	struct ratecard		 k;
	struct usage_cat_in	 in;
	struct usage_cat_out	 out;
	struct ops_ctx		 c;
	struct fval		 v;
	const char		*text;
	size_t			 i, line;
	int			 rc;

	if (form_read(r, d, &card_field, 1, &v) > 0)
		return 0;
	text = v.s;
	ratecard_read(r->a, text, strlen(text), &k);
	if (k.nerrs > 0) {
		for (i = 0; i < k.nerrs; i++)
			form_error(r, d, "card", arena_printf(r->a, "Rate card "
			    "%s.", k.errs[i].text));
		if (k.more_errs)
			form_error(r, d, "card", "More lines are wrong.");
		return 0;
	}
	ops_usage_catalog_of_card(&k, &in);
	page_ops_ctx(r, &c);
	if ((rc = ops_usage_catalog_set(&c, &in, &out)) < 0) {
		page_store_error(r);
		return 1;
	}
	if (rc == 0) {
		for (i = 0; i < out.why.n; i++) {
			line = ratecard_line_of(&k, out.why.m[i].field);
			form_error(r, d, "card", line > 0 ? arena_printf(r->a,
			    "Rate card line %zu: %s.", line, out.why.m[i].text) :
			    out.why.m[i].text);
		}
		return 0;
	}
	http_redirect(r, arena_printf(r->a, "/catalog/usage?done=%s",
	    parse_urlencode(r->a, arena_printf(r->a, "%zu groups (%zu new), "
	    "%zu rates of %zu tariffs, %zu allowances, %zu tiers", k.ng,
	    out.groups_added, k.nr, out.tariffs, k.nl, out.tiers))));
	return 1;
}

void
page_catalog_usage(struct req *r)
{
	struct tpl_dict	*d;
	struct su_card	 k;
	int		 edit = r->user.role == ROLE_OPERATOR_ADMIN;

	if ((d = page_begin(r, "Usage rates", "catalog_usage.tpl",
	    "catalog")) == NULL)
		return;
	if (edit)
		tpl_show(d, TN_CAN_EDIT);
	/* A card that loads redirects: the tables are read only to show. */
	if (r->method != M_GET && load(r, d))
		return;
	if (store_usage_card(r->a, r->user.operator_id, &k) < 0) {
		page_store_error(r);
		return;
	}
	if (r->method == M_GET) {
		fill_done(r, d);
		tpl_set(d, TN_F_CARD, card_text(r, &k));
	} else
		r->status = 422;
	fill(r, d, &k);
	page_end(r);
}
