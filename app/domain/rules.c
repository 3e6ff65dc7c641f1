/*
 * rules: the Manage services rules engine; see rules.h and domain §3-§4.
 *
 * Pure C: no allocation, no I/O. Every string is written with
 * (v)snprintf into a fixed buffer, and a truncated message never ends in
 * the middle of a UTF-8 sequence.
 *
 * Evaluation model, stated once:
 *  - A plan row counts ("is valid") when its service is in the catalog
 *    and its qty is at least 1. Invalid rows are reported (unknown
 *    service, or bad quantity) and otherwise ignored: they allocate
 *    nothing and do not count towards any rule.
 *  - qty(S) is the sum of the qty of all valid rows naming S; S is
 *    present when qty(S) >= 1. Sums and products saturate at the int64
 *    limits instead of overflowing.
 *  - Service-level violations (requires, excludes, max_qty) are reported
 *    at the first plan row naming the subject service, so that the order
 *    is plan row order; within one row, row-level violations come first,
 *    then rules in catalog order. Infrastructure violations come last,
 *    in enum infra order.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rules.h"

const char *const infra_names[INFRA__MAX] = {
	"Switch ports",			/* INFRA_SWITCH_PORTS */
	"Telephony extensions",		/* INFRA_PHONE_EXT */
	"Public IP addresses",		/* INFRA_PUBLIC_IP */
	"Wi-Fi devices",		/* INFRA_WIFI_DEVICES */
	"Wi-Fi accounts",		/* INFRA_WIFI_ACCOUNTS */
};

const char *const svc_category_names[CAT__MAX] = {
	"Internet",			/* CAT_INTERNET */
	"Bandwidth",			/* CAT_BANDWIDTH */
	"Public IP",			/* CAT_PUBLIC_IP */
	"Voice",			/* CAT_VOICE */
	"Call feature",			/* CAT_CALL_FEATURE */
	"Tariff",			/* CAT_TARIFF */
	"Service level",		/* CAT_SERVICE_LEVEL */
	"Wi-Fi",			/* CAT_WIFI */
	"IVR",				/* CAT_IVR */
	"Conference bridge",		/* CAT_CONFERENCE */
};

const char *const rule_kind_names[RULE__MAX] = {
	"requires",			/* RULE_REQUIRES */
	"excludes",			/* RULE_EXCLUDES */
	"max_qty",			/* RULE_MAX_QTY */
};

/*
 * How an infrastructure overrun is worded: the X verb ("in use" for
 * things assigned, "active" for things activated) and what the user must
 * do first. Parallel to enum infra.
 */
static const struct {
	const char	*verb;
	const char	*action;
} infra_words[INFRA__MAX] = {
	/* INFRA_SWITCH_PORTS */
	{ "in use", "release a floor port first" },
	/* INFRA_PHONE_EXT */
	{ "active", "deactivate a phone number first" },
	/* INFRA_PUBLIC_IP */
	{ "in use", "release an address first" },
	/* INFRA_WIFI_DEVICES */
	{ "active", "deactivate a Wi-Fi device first" },
	/* INFRA_WIFI_ACCOUNTS */
	{ "active", "deactivate a Wi-Fi account first" },
};

/* Shared read-only context of one rules_check_plan call. */
struct ctx {
	const struct rules_catalog	*cat;
	const struct rules_line		*plan;
	size_t				 n;
	struct rules_result		*out;
};

/* Category named exactly s (case-sensitive), or CAT__MAX; s may be NULL. */
enum svc_category
svc_category_parse(const char *s)
{
	size_t	 i;

	if (s == NULL)
		return CAT__MAX;
	for (i = 0; i < CAT__MAX; i++)
		if (strcmp(s, svc_category_names[i]) == 0)
			return (enum svc_category)i;
	return CAT__MAX;
}

/* a + b, clamped to [INT64_MIN, INT64_MAX]. */
static int64_t
sat_add(int64_t a, int64_t b)
{
	if (b > 0 && a > INT64_MAX - b)
		return INT64_MAX;
	if (b < 0 && a < INT64_MIN - b)
		return INT64_MIN;
	return a + b;
}

/* a * b, clamped to [INT64_MIN, INT64_MAX]. */
static int64_t
sat_mul(int64_t a, int64_t b)
{
	if (a == 0 || b == 0)
		return 0;
	/* Bound checks by sign, never negating INT64_MIN. */
	if (a > 0 && b > 0 && a > INT64_MAX / b)
		return INT64_MAX;
	if (a < 0 && b < 0 && a < INT64_MAX / b)
		return INT64_MAX;
	if (a > 0 && b < 0 && b < INT64_MIN / a)
		return INT64_MIN;
	if (a < 0 && b > 0 && a < INT64_MIN / b)
		return INT64_MIN;
	return a * b;
}

/*
 * Remove a trailing incomplete UTF-8 sequence from the NUL-terminated
 * string s, which vsnprintf may have cut short.
 */
static void
utf8_trim_tail(char *s)
{
	size_t		 len, i, need;
	unsigned char	 c;

	len = strlen(s);
	/* Find the last lead byte (or ASCII) within 4 bytes of the end. */
	for (i = len; i > 0 && len - i < 4; i--) {
		c = (unsigned char)s[i - 1];
		if ((c & 0xc0) == 0x80)
			continue;	/* continuation byte */
		if (c < 0x80)
			return;
		if ((c & 0xe0) == 0xc0)
			need = 2;
		else if ((c & 0xf0) == 0xe0)
			need = 3;
		else
			need = 4;
		if (len - (i - 1) < need)
			s[i - 1] = '\0';
		return;
	}
}

/*
 * Count one violation and, while there is room, store it with its
 * message formatted from fmt. nv_total always grows; nv stops at
 * RULES_MAX_VIOLATIONS. infra is INFRA__MAX for non-infrastructure
 * violations.
 */
static struct rules_violation *
vpush(struct rules_result *out, enum rules_vkind kind, size_t line,
    int64_t service_id, int64_t other_id, enum infra infra,
    const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* The last violation stored, its amounts set (see rules.h). */
static void
vqty(struct rules_violation *v, int64_t qty, int64_t oqty)
{
	if (v == NULL)
		return;
	v->qty = qty;
	v->oqty = oqty;
}

static struct rules_violation *
vpush(struct rules_result *out, enum rules_vkind kind, size_t line,
    int64_t service_id, int64_t other_id, enum infra infra,
    const char *fmt, ...)
{
	struct rules_violation	*v;
	va_list			 ap;
	int			 rc;

	out->nv_total++;
	if (out->nv >= RULES_MAX_VIOLATIONS)
		return NULL;
	v = &out->v[out->nv++];
	v->kind = kind;
	v->line = line;
	v->service_id = service_id;
	v->other_id = other_id;
	v->infra = infra;
	va_start(ap, fmt);
	rc = vsnprintf(v->msg, sizeof(v->msg), fmt, ap);
	va_end(ap);
	if (rc < 0)
		v->msg[0] = '\0';
	else if ((size_t)rc >= sizeof(v->msg))
		utf8_trim_tail(v->msg);
	v->qty = v->oqty = 0;
	return v;
}

/* The catalog entry with this id, or NULL. */
static const struct rules_service *
svc_find(const struct ctx *c, int64_t id)
{
	size_t	 i;

	for (i = 0; i < c->cat->nservices; i++)
		if (c->cat->services[i].id == id)
			return &c->cat->services[i];
	return NULL;
}

/*
 * Display name of service id into buf: its catalog name, or
 * "Service #<id>" when it is unknown or unnamed. Returns buf.
 */
static const char *
svc_name(const struct ctx *c, int64_t id, char *buf, size_t cap)
{
	const struct rules_service	*s;

	if ((s = svc_find(c, id)) != NULL && s->name != NULL)
		return s->name;
	snprintf(buf, cap, "Service #%" PRId64, id);
	return buf;
}

static const char *
cat_name(enum svc_category cat)
{
	if ((unsigned)cat >= CAT__MAX)
		return "unknown";
	return svc_category_names[cat];
}

/* Whether plan row i counts for allocation and rules (see top). */
static int
row_valid(const struct ctx *c, size_t i)
{
	return c->plan[i].qty >= 1 &&
	    svc_find(c, c->plan[i].service_id) != NULL;
}

/* qty(id): summed qty of the valid rows naming id. */
static int64_t
svc_qty(const struct ctx *c, int64_t id)
{
	int64_t	 q = 0;
	size_t	 i;

	for (i = 0; i < c->n; i++)
		if (c->plan[i].service_id == id && row_valid(c, i))
			q = sat_add(q, c->plan[i].qty);
	return q;
}

/*
 * Summed qty of every valid row whose service is of category cat, except
 * the service self (a service never satisfies its own requirement).
 */
static int64_t
cat_qty(const struct ctx *c, enum svc_category cat, int64_t self)
{
	const struct rules_service	*s;
	int64_t				 q = 0;
	size_t				 i;

	for (i = 0; i < c->n; i++) {
		if (c->plan[i].service_id == self || c->plan[i].qty < 1)
			continue;
		s = svc_find(c, c->plan[i].service_id);
		if (s != NULL && s->category == cat)
			q = sat_add(q, c->plan[i].qty);
	}
	return q;
}

/* Index of the first plan row naming id, or RULES_NO_LINE. */
static size_t
first_row(const struct ctx *c, int64_t id)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		if (c->plan[i].service_id == id)
			return i;
	return RULES_NO_LINE;
}

/* Whether rules a and b are both excludes rules over the same pair. */
static int
same_exclusion(const struct rules_rule *a, const struct rules_rule *b)
{
	if (a->kind != RULE_EXCLUDES || b->kind != RULE_EXCLUDES)
		return 0;
	return (a->service_id == b->service_id && a->other_id == b->other_id) ||
	    (a->service_id == b->other_id && a->other_id == b->service_id);
}

/* Whether an earlier catalog rule already states rule j's exclusion. */
static int
exclusion_seen(const struct ctx *c, size_t j)
{
	size_t	 k;

	for (k = 0; k < j; k++)
		if (same_exclusion(&c->cat->rules[k], &c->cat->rules[j]))
			return 1;
	return 0;
}

static void
check_requires(const struct ctx *c, size_t line, int64_t id,
    const char *name, int64_t qty, const struct rules_rule *r)
{
	char		 obuf[32];
	const char	*oname, *art;
	int64_t		 oqty;
	char		 c0;

	if (r->other_id != 0) {
		oname = svc_name(c, r->other_id, obuf, sizeof(obuf));
		oqty = r->other_id == id ? 0 : svc_qty(c, r->other_id);
		if (oqty < 1) {
			vqty(vpush(c->out, RV_REQUIRES, line, id, r->other_id,
			    INFRA__MAX, "%s requires %s", name, oname), qty, 0);
			return;
		}
	} else {
		oname = cat_name(r->other_cat);
		oqty = cat_qty(c, r->other_cat, id);
		if (oqty < 1) {
			c0 = oname[0];
			art = (c0 == 'A' || c0 == 'E' || c0 == 'I' ||
			    c0 == 'O' || c0 == 'U' || c0 == 'a' || c0 == 'e' ||
			    c0 == 'i' || c0 == 'o' || c0 == 'u') ? "an" : "a";
			vqty(vpush(c->out, RV_REQUIRES, line, id, 0,
			    INFRA__MAX, "%s requires %s %s service", name, art,
			    oname), qty, 0);
			return;
		}
	}
	if (r->qty_le && qty > oqty)
		vqty(vpush(c->out, RV_REQUIRES_QTY, line, id, r->other_id,
		    INFRA__MAX, "%s quantity (%" PRId64 ") cannot exceed "
		    "%s quantity (%" PRId64 ")", name, qty, oname, oqty), qty,
		    oqty);
}

/*
 * Rule j, an exclusion involving id, is reported here only if the other
 * service is present and first appears in a later row (so each unordered
 * pair is reported once, at the earlier of the two), and no earlier rule
 * states the same pair.
 */
static void
check_excludes(const struct ctx *c, size_t line, int64_t id,
    const char *name, size_t j)
{
	const struct rules_rule	*r = &c->cat->rules[j];
	char			 obuf[32];
	int64_t			 other;
	size_t			 oline;

	other = r->service_id == id ? r->other_id : r->service_id;
	if (other == id || svc_qty(c, other) < 1)
		return;
	oline = first_row(c, other);
	if (oline < line || exclusion_seen(c, j))
		return;
	vqty(vpush(c->out, RV_EXCLUDES, line, id, other, INFRA__MAX,
	    "%s and %s cannot be taken together",
	    name, svc_name(c, other, obuf, sizeof(obuf))), svc_qty(c, id),
	    svc_qty(c, other));
}

/* All rules about present service id, reported at its first row line. */
static void
check_service(const struct ctx *c, size_t line, const struct rules_service *s)
{
	const struct rules_rule	*r;
	char			 nbuf[32];
	const char		*name;
	int64_t			 qty;
	size_t			 j;

	if ((qty = svc_qty(c, s->id)) < 1)
		return;
	name = svc_name(c, s->id, nbuf, sizeof(nbuf));
	for (j = 0; j < c->cat->nrules; j++) {
		r = &c->cat->rules[j];
		switch (r->kind) {
		case RULE_REQUIRES:
			if (r->service_id == s->id)
				check_requires(c, line, s->id, name, qty, r);
			break;
		case RULE_EXCLUDES:
			if (r->service_id == s->id || r->other_id == s->id)
				check_excludes(c, line, s->id, name, j);
			break;
		case RULE_MAX_QTY:
			if (r->service_id == s->id && qty > r->max)
				vqty(vpush(c->out, RV_MAX_QTY, line, s->id, 0,
				    INFRA__MAX, "At most %" PRId64 " %s per "
				    "occupier per site", r->max, name), qty, 0);
			break;
		default:
			break;
		}
	}
}

size_t
rules_check_plan(const struct rules_catalog *cat,
    const struct rules_state *state, const struct rules_line *plan,
    size_t n, struct rules_result *out)
{
	static const struct rules_catalog	 empty;
	const struct rules_service		*s;
	struct ctx				 c;
	char					 nbuf[32];
	size_t					 i, t;

	memset(out, 0, sizeof(*out));
	if (cat == NULL)
		cat = &empty;
	if (plan == NULL)
		n = 0;
	c.cat = cat;
	c.plan = plan;
	c.n = n;
	c.out = out;

	if (state != NULL)
		for (t = 0; t < INFRA__MAX; t++)
			out->in_use[t] = state->in_use[t];

	for (i = 0; i < n; i++) {
		if ((s = svc_find(&c, plan[i].service_id)) == NULL) {
			vpush(out, RV_UNKNOWN_SERVICE, i, plan[i].service_id,
			    0, INFRA__MAX, "Service #%" PRId64
			    " is not available at this site",
			    plan[i].service_id);
			continue;
		}
		if (plan[i].qty < 1) {
			vpush(out, RV_BAD_QTY, i, s->id, 0, INFRA__MAX,
			    "%s: quantity must be at least 1",
			    svc_name(&c, s->id, nbuf, sizeof(nbuf)));
		} else {
			for (t = 0; t < INFRA__MAX; t++)
				out->allocated[t] = sat_add(out->allocated[t],
				    sat_mul(s->entitle[t], plan[i].qty));
		}
		if (first_row(&c, s->id) == i)
			check_service(&c, i, s);
	}

	for (t = 0; t < INFRA__MAX; t++)
		if (out->in_use[t] > out->allocated[t])
			vpush(out, RV_INFRA, RULES_NO_LINE, 0, 0,
			    (enum infra)t, "%s: %" PRId64 " %s, %" PRId64
			    " allocated \xe2\x80\x94 %s", /* U+2014 */
			    infra_names[t],
			    out->in_use[t], infra_words[t].verb,
			    out->allocated[t], infra_words[t].action);

	return out->nv_total;
}

/* Whether b (of the saved plan) is v's rule broken at least as far. */
static int
kept_by(const struct rules_violation *b, const struct rules_violation *v)
{
	if (b->kind != v->kind)
		return 0;
	switch (v->kind) {
	case RV_MAX_QTY:
		return b->service_id == v->service_id && v->qty <= b->qty;
	case RV_REQUIRES:
		return b->service_id == v->service_id &&
		    b->other_id == v->other_id && v->qty <= b->qty;
	case RV_REQUIRES_QTY:
		return b->service_id == v->service_id &&
		    b->other_id == v->other_id &&
		    v->qty - v->oqty <= b->qty - b->oqty;
	case RV_EXCLUDES:
		if (b->service_id == v->service_id &&
		    b->other_id == v->other_id)
			return v->qty <= b->qty && v->oqty <= b->oqty;
		if (b->service_id == v->other_id &&
		    b->other_id == v->service_id)
			return v->qty <= b->oqty && v->oqty <= b->qty;
		return 0;
	default:
		return 0;	/* never kept */
	}
}

int
rules_violation_kept(const struct rules_result *before,
    const struct rules_violation *v)
{
	size_t	 i;

	if (before == NULL || v == NULL)
		return 0;
	for (i = 0; i < before->nv; i++)
		if (kept_by(&before->v[i], v))
			return 1;
	return 0;
}

int
rules_rule_broken(const struct rules_rule *r,
    const struct rules_service *svcs, size_t nsvcs,
    const struct rules_line *plan, size_t n)
{
	struct rules_catalog	 cat;
	struct rules_result	 res;
	size_t			 i;

	if (r == NULL)
		return 0;
	cat.services = svcs;
	cat.nservices = nsvcs;
	cat.rules = r;
	cat.nrules = 1;
	rules_check_plan(&cat, NULL, plan, n, &res);
	for (i = 0; i < res.nv; i++)
		switch (res.v[i].kind) {
		case RV_REQUIRES:
		case RV_REQUIRES_QTY:
		case RV_EXCLUDES:
		case RV_MAX_QTY:
			return 1;
		default:
			break;
		}
	return 0;
}

void
rules_fraction_format(const struct rules_result *res, enum infra t,
    char *buf, size_t cap)
{
	if (buf == NULL || cap == 0)
		return;
	if (res == NULL || (unsigned)t >= INFRA__MAX) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, cap, "%" PRId64 "/%" PRId64,
	    res->in_use[t], res->allocated[t]);
}
