/*
 * ops/sites: see sites.h.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/estate.h"
#include "sites.h"

#define ZONEINFO	"/usr/share/zoneinfo"

static char *
audit_text(struct arena *a, const struct store_estate_site *s)
{
	return arena_printf(a, "name=%s\naddress=%s\ntimezone=%s\ncurrency=%s",
	    s->name, s->address, *s->timezone ? s->timezone : "(operator's)",
	    *s->currency ? s->currency : "(operator's)");
}

/* The field rules that need no database: 1 ok, 0 refused. */
static int
check(struct arena *a, const struct site_save_in *in, struct ops_result *why)
{
	int	 ok = 1;

	if (*in->timezone != '\0' && (!estate_timezone_ok(in->timezone) ||
	    access(arena_printf(a, "%s/%s", ZONEINFO, in->timezone), R_OK) !=
	    0))
		ok = ops_refuse(why, OPS_INVALID, "timezone", "Time zone must "
		    "be a time zone name such as Europe/London");
	if (*in->currency != '\0' && !estate_currency_ok(in->currency))
		ok = ops_refuse(why, OPS_INVALID, "currency", "Currency must "
		    "be a three-letter ISO 4217 code such as GBP");
	return ok;
}

struct save {
	const struct site_save_in	*in;
	struct site_save_out		*out;
};

static int
save_txn(struct txn *t, void *arg)
{
	struct save			*s = arg;
	const struct site_save_in	*in = s->in;
	struct store_estate_site	 cur, v;
	int				 rc;

	memset(&cur, 0, sizeof(cur));
	if (in->id != 0) {
		if ((rc = store_estate_site_get(t->a, t->operator_id, in->id,
		    &cur)) < 0)
			return -1;
		if (rc == 0)
			return ops_refuse(&s->out->why, OPS_NOT_FOUND, NULL,
			    NULL);
	}
	if ((rc = store_estate_site_name_taken(t->a, t->operator_id, in->name,
	    in->id)) < 0)
		return -1;
	if (rc > 0)
		return ops_refuse(&s->out->why, OPS_INVALID, "name", "Another "
		    "site already has this name");
	v.id = in->id;
	v.name = in->name;
	v.address = in->address;
	v.timezone = in->timezone;
	v.currency = in->currency;
	if (store_estate_site_put(t->operator_id, &v, &s->out->id) < 0)
		return -1;
	return txn_audit(t, 0, s->out->id, "site", s->out->id,
	    in->id == 0 ? "create" : "update",
	    in->id == 0 ? NULL : audit_text(t->a, &cur), audit_text(t->a, &v));
}

int
ops_site_save(struct ops_ctx *c, const struct site_save_in *in,
    struct site_save_out *out)
{
	struct save	 s = { in, out };

	memset(out, 0, sizeof(*out));
	if (!check(c->t.a, in, &out->why))
		return 0;
	return db_txn(&c->t, save_txn, &s);
}

struct archive {
	const struct site_archive_in	*in;
	struct ops_result		*why;
};

static int
archive_txn(struct txn *t, void *arg)
{
	struct archive			*g = arg;
	struct store_estate_site	 site;
	char				 day[DATE_STRLEN];
	int64_t				 running;
	int				 rc;

	if ((rc = store_estate_site_get(t->a, t->operator_id, g->in->id,
	    &site)) <= 0)
		return rc < 0 ? -1 : ops_refuse(g->why, OPS_NOT_FOUND, NULL,
		    NULL);
	if ((site.archived != DATE_NONE) == (g->in->archive != 0))
		return ops_refuse(g->why, OPS_CONFLICT, NULL, arena_printf(t->a,
		    "%s is already %s: someone else did it meanwhile.",
		    site.name, g->in->archive ? "archived" : "in use"));
	if (g->in->archive) {
		if ((running = store_estate_site_running(t->a, t->operator_id,
		    site.id, g->in->today)) < 0)
			return -1;
		if (running > 0)
			return ops_refuse(g->why, OPS_INVALID, NULL,
			    arena_printf(t->a, "%s has %lld contract%s that "
			    "%s not ended (active or to start): end %s before "
			    "archiving the site.", site.name,
			    (long long)running, running == 1 ? "" : "s",
			    running == 1 ? "has" : "have",
			    running == 1 ? "it" : "them"));
	}
	if (store_estate_site_archive(t->operator_id, site.id,
	    g->in->archive ? g->in->today : DATE_NONE) < 0)
		return -1;
	date_format(g->in->today, day, sizeof(day));
	return txn_audit(t, 0, site.id, "site", site.id,
	    g->in->archive ? "archive" : "restore", NULL,
	    g->in->archive ? arena_printf(t->a, "archived_on=%s", day) :
	    "archived_on=(in use)");
}

int
ops_site_archive(struct ops_ctx *c, const struct site_archive_in *in,
    struct ops_result *why)
{
	struct archive	 g = { in, why };

	memset(why, 0, sizeof(*why));
	return db_txn(&c->t, archive_txn, &g);
}

struct range {
	const struct number_range_in	*in;
	struct number_range_out		*out;
	int64_t				 first, last;
};

static int
range_txn(struct txn *t, void *arg)
{
	struct range			*g = arg;
	struct store_estate_site	 site;
	char				 num[40];
	int64_t				 n, over;
	int				 rc;

	g->out->added = 0;
	if ((rc = store_estate_site_get(t->a, t->operator_id, g->in->site,
	    &site)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&g->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	if ((over = store_estate_numbers_overlap(t->a, t->operator_id,
	    g->first, g->last)) < 0)
		return -1;
	if (over > 0)
		return ops_refuse(&g->out->why, OPS_INVALID, "from",
		    arena_printf(t->a, "This range overlaps %lld number%s "
		    "already in a pool", (long long)over, over == 1 ? "" :
		    "s"));
	for (n = g->first; n <= g->last; n++) {
		estate_format_like(g->in->from, n, num, sizeof(num));
		if (store_estate_number_insert(t->operator_id, site.id,
		    num, g->in->ported_in) < 0)
			return -1;
		g->out->added++;
	}
	return txn_audit(t, 0, site.id, "phone_number", 0, g->first ==
	    g->last ? "add_number" : "add_range", NULL,
	    arena_printf(t->a, "from=%s\nto=%s\ncount=%lld\nstate=available%s",
	    g->in->from, num, (long long)g->out->added, g->in->ported_in ?
	    "\nported_in=yes" : ""));
}

int
ops_number_range_add(struct ops_ctx *c, const struct number_range_in *in,
    struct number_range_out *out)
{
	struct range	 g = { in, out, 0, 0 };
	const char	*wf, *wt;

	memset(out, 0, sizeof(*out));
	if (!estate_range(in->from, in->to == NULL || in->to[0] == '\0' ?
	    in->from : in->to, &g.first, &g.last, &wf, &wt)) {
		if (wf != NULL)
			ops_refuse(&out->why, OPS_INVALID, "from", wf);
		if (wt != NULL)
			ops_refuse(&out->why, OPS_INVALID, "to", wt);
		return 0;
	}
	return db_txn(&c->t, range_txn, &g);
}
