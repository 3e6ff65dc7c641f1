/*
 * occupier_contracts: the Contracts tab of an occupier at a site, with
 * statuses derived from dates on the day viewed, and for each contract
 * whose end date is to come the checklist of its move-out.
 */
#include <stdio.h>

#include "../domain/date.h"
#include "../domain/money.h"
#include "../domain/status.h"
#include "../store/store.h"
#include "../store/store_occrec.h"
#include "../store/store_space.h"
#include "../store/store_tick.h"
#include "../tpl/tpl.h"
#include "pages.h"

static void
moveout_item(struct arena *a, struct tpl_dict *m, int64_t n, const char *one,
    const char *many, const char *what)
{
	struct tpl_dict	*it;

	if (n == 0)
		return;
	it = tpl_section(m, TN_ITEM);
	tpl_set(it, TN_TEXT, arena_printf(a, "%lld %s %s",
	    (long long)n, n == 1 ? one : many, what));
}

/*
 * The move-out checklist of a contract whose end date is still to come:
 * what the daily job will do on that day (ops/tick.h), until it has. 1 or
 * 0, -1 error.
 */
static int
fill_moveout(struct req *r, struct tpl_dict *row, int64_t occ, int64_t site,
    const struct store_contract *c)
{
	struct store_tick_release	 x;
	struct tpl_dict			*m;
	int64_t				 here, any;
	int				 rc;

	if (c->end == DATE_NONE || c->end < r->today)
		return 1;
	if ((rc = store_tick_preview(r->a, r->user.operator_id, c->id, site,
	    occ, &x)) <= 0)
		return rc;
	if ((here = store_tick_live(r->a, r->user.operator_id, occ,
	    site, c->id, c->end)) < 0 || (any = store_tick_live(r->a,
	    r->user.operator_id, occ, 0, c->id, c->end)) < 0)
		return -1;
	m = tpl_section(row, TN_MOVEOUT);
	page_set_date(m, TN_END, c->end);
	moveout_item(r->a, m, x.services, "service ends", "services end",
	    "(charges stop on the end day)");
	if (here == 0) {
		moveout_item(r->a, m, x.numbers, "phone number is", "phone numbers "
		    "are", "deactivated (cooling off)");
		moveout_item(r->a, m, x.ports, "floor port is", "floor ports are",
		    "released");
		moveout_item(r->a, m, x.ips, "public IP address is", "public IP "
		    "addresses are", "released");
		moveout_item(r->a, m, x.devices, "Wi-Fi device or account is",
		    "Wi-Fi devices and accounts are", "removed");
		moveout_item(r->a, m, x.ipv6, "IPv6 prefix is", "IPv6 prefixes "
		    "are", "released");
	} else
		tpl_show(m, TN_SITE_KEPT);
	if (any == 0)
		tpl_show(m, TN_USERS_DISABLED);
	return 1;
}

/* A contract's terms in one cell: "1,250.00 a month, 3 months' notice,
 * deposit 2,500.00", or "—" when none is set. */
static void
fill_terms(struct req *r, struct tpl_dict *row, const struct store_contract *c)
{
	char	 v[MONEY_STRLEN], dep[MONEY_STRLEN];

	if (c->value == 0 && c->notice_months == 0 && c->deposit == 0) {
		tpl_set(row, TN_TERMS, "\xe2\x80\x94");
		return;
	}
	money_format_display(c->value, v, sizeof(v));
	money_format_display(c->deposit, dep, sizeof(dep));
	tpl_set(row, TN_TERMS, arena_printf(r->a, "%s a month, %lld month%s "
	    "notice, deposit %s", v, (long long)c->notice_months,
	    c->notice_months == 1 ? "'s" : "s'", dep));
}

/*
 * The spaces a contract holds, each with its floor and the floor ports in
 * it ("Office 3.01 (office, floor 3; ports CW-3-01, CW-3-02)"), or "None".
 * 1, -1 error.
 */
static int
fill_spaces(struct req *r, struct tpl_dict *row, int64_t contract)
{
	struct store_space	*s;
	struct tpl_dict		*sd;
	size_t			 n, i;

	if (store_cspace_list(r->a, r->user.operator_id, contract, &s, &n) < 0)
		return -1;
	if (n == 0)
		tpl_show(row, TN_NO_SPACE);
	for (i = 0; i < n; i++) {
		sd = tpl_section(row, TN_SPACE);
		tpl_set(sd, TN_NAME, s[i].name);
		tpl_set(sd, TN_DETAIL, arena_printf(r->a, "%s, %s; %s%s",
		    s[i].kind, s[i].floor_name, *s[i].ports ? "ports " :
		    "no floor ports", s[i].ports));
	}
	return 1;
}

/* The occupier's record above its contracts: 1, -1 error. */
static int
fill_record(struct req *r, struct tpl_dict *d, int64_t occ)
{
	struct store_occrec	 rec;
	struct tpl_dict		*rd, *cd;
	size_t			 i;

	if (store_occrec_get(r->a, r->user.operator_id, occ, &rec) < 0)
		return -1;
	rd = tpl_section(d, TN_RECORD);
	tpl_set(rd, TN_LEGAL_NAME, *rec.legal_name ? rec.legal_name :
	    "\xe2\x80\x94");
	tpl_set(rd, TN_COMPANY_NO, *rec.company_no ? rec.company_no :
	    "\xe2\x80\x94");
	tpl_set(rd, TN_VAT_NUMBER, *rec.vat_number ? rec.vat_number :
	    "\xe2\x80\x94");
	tpl_set(rd, TN_BILLING_ADDRESS, *rec.billing_address ?
	    rec.billing_address : "\xe2\x80\x94");
	for (i = 0; i < OCCREC_CONTACTS; i++) {
		if (*rec.contact[i].email == '\0')
			continue;
		cd = tpl_section(rd, TN_CONTACT);
		tpl_set(cd, TN_NAME, rec.contact[i].name);
		tpl_set(cd, TN_EMAIL, rec.contact[i].email);
	}
	return 1;
}

void
page_occupier_contracts(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct store_occupier	 o;
	struct store_contract	*c;
	size_t			 n, i;
	unsigned		 st;

	if ((d = page_begin(r, "Contracts", "occupier_contracts.tpl",
	    "occupiers")) == NULL)
		return;
	if (!occupier_nav(r, d, r->ids[0], r->ids[1], "contracts", &o))
		return;
	if (store_contract_list(r->a, r->user.operator_id, o.id, r->ids[1],
	    &c, &n) < 0) {
		page_store_error(r);
		return;
	}
	page_set_date(d, TN_TODAY, r->today);
	if (fill_record(r, d, o.id) < 0) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_ROW);
		st = contract_status(c[i].start, c[i].end, r->today);
		tpl_set_int(row, TN_ID, c[i].id);
		tpl_set(row, TN_REFERENCE, c[i].reference);
		page_set_date(row, TN_START, c[i].start);
		if (c[i].end == DATE_NONE)
			tpl_set(row, TN_END, "Open-ended");
		else
			page_set_date(row, TN_END, c[i].end);
		tpl_set(row, TN_STATUS, status_label(st));
		fill_terms(r, row, &c[i]);
		tpl_set(row, TN_STATUS_CLASS, st & ST_INACTIVE ? "inactive" :
		    (st & ST_ACTIVE) ? "active" : "scheduled");
		if (fill_spaces(r, row, c[i].id) < 0 ||
		    fill_moveout(r, d, o.id, r->ids[1], &c[i]) < 0) {
			page_store_error(r);
			return;
		}
	}
	if (n == 0)
		tpl_show(d, TN_EMPTY);
	else
		tpl_show(d, TN_HAS_ROWS);
	page_end(r);
}
