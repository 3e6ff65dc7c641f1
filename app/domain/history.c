/*
 * history: see history.h.
 */
#include <stdlib.h>
#include <string.h>

#include "../arena.h"
#include "date.h"
#include "history.h"
#include "money.h"

enum hk {
	HK_TEXT,
	HK_MONEY,	/* "12.50" as written by money_format */
	HK_MINOR,	/* "1250": integer minor units */
	HK_DATE,	/* "2026-09-14" */
};

/* The fields by entity (NULL: any entity, after the entity's own);
 * name: the field that names what the event is about. */
static const struct field {
	const char	*entity, *key, *label;
	enum hk		 kind;
	int		 name;
} fields[] = {
	{ "occupier_service", "service", "Service", HK_TEXT, 1 },
	{ "occupier_service", "start_date", "Start date", HK_DATE, 0 },
	{ "contract", "reference", "Reference", HK_TEXT, 1 },
	{ "contract", "start_date", "Contract start", HK_DATE, 0 },
	{ "contract", "end_date", "Contract end", HK_DATE, 0 },
	{ "contract", "end", "Contract end", HK_DATE, 0 },
	{ "contract", "service", "Service", HK_TEXT, 0 },
	{ "occupier", "name", "Name", HK_TEXT, 0 },
	{ "phone_number", "number", "Number", HK_TEXT, 1 },
	{ "public_ip", "address", "Address", HK_TEXT, 1 },
	{ "device", "identifier", "Identifier", HK_TEXT, 1 },
	{ "floor_port", "label", "Port", HK_TEXT, 1 },
	{ "case", "subject", "Subject", HK_TEXT, 1 },
	{ "invoice", "number", "Number", HK_TEXT, 1 },
	{ "invoice", "gross", "Total", HK_MINOR, 0 },
	{ "invoice", "net", "Net", HK_MINOR, 0 },
	{ "invoice", "amount", "Amount", HK_MINOR, 0 },
	{ "bill_run", "net", "Net", HK_MONEY, 0 },
	{ "site", "name", "Name", HK_TEXT, 1 },
	{ "service", "rrp", "RRP", HK_MONEY, 0 },

	{ NULL, "service", "Service", HK_TEXT, 0 },
	{ NULL, "contract", "Contract", HK_TEXT, 0 },
	{ NULL, "price", "Price", HK_MONEY, 0 },
	{ NULL, "qty", "Quantity", HK_TEXT, 0 },
	{ NULL, "activated", "Activated", HK_DATE, 0 },
	{ NULL, "start_date", "Start date", HK_DATE, 0 },
	{ NULL, "end_date", "End date", HK_DATE, 0 },
	{ NULL, "reference", "Reference", HK_TEXT, 0 },
	{ NULL, "name", "Name", HK_TEXT, 0 },
	{ NULL, "billing_ref", "Billing reference", HK_TEXT, 0 },
	{ NULL, "contact_email", "Contact email", HK_TEXT, 0 },
	{ NULL, "email", "Email", HK_TEXT, 0 },
	{ NULL, "notes", "Notes", HK_TEXT, 0 },
	{ NULL, "role", "Role", HK_TEXT, 0 },
	{ NULL, "state", "State", HK_TEXT, 0 },
	{ NULL, "status", "Status", HK_TEXT, 0 },
	{ NULL, "holder", "Holder", HK_TEXT, 0 },
	{ NULL, "main", "Main number", HK_TEXT, 0 },
	{ NULL, "available_again", "Available again", HK_DATE, 0 },
	{ NULL, "number", "Number", HK_TEXT, 0 },
	{ NULL, "address", "Address", HK_TEXT, 0 },
	{ NULL, "mac", "MAC address", HK_TEXT, 0 },
	{ NULL, "type", "Type", HK_TEXT, 0 },
	{ NULL, "identifier", "Identifier", HK_TEXT, 0 },
	{ NULL, "label", "Label", HK_TEXT, 0 },
	{ NULL, "occupier", "Occupier", HK_TEXT, 0 },
	{ NULL, "subject", "Subject", HK_TEXT, 0 },
	{ NULL, "details", "Details", HK_TEXT, 0 },
	{ NULL, "assignee", "Assignee", HK_TEXT, 0 },
	{ NULL, "priority", "Priority", HK_TEXT, 0 },
	{ NULL, "category", "Category", HK_TEXT, 0 },
	{ NULL, "description", "Description", HK_TEXT, 0 },
	{ NULL, "kind", "Kind", HK_TEXT, 0 },
	{ NULL, "line", "Line", HK_TEXT, 0 },
	{ NULL, "timezone", "Time zone", HK_TEXT, 0 },
	{ NULL, "currency", "Currency", HK_TEXT, 0 },
	{ NULL, "sites", "Sites", HK_TEXT, 0 },
	{ NULL, "services ended", "Services ended", HK_TEXT, 0 },
	{ NULL, "numbers deactivated", "Numbers deactivated", HK_TEXT, 0 },
	{ NULL, "ports released", "Ports released", HK_TEXT, 0 },
	{ NULL, "public IPs released", "Public IPs released", HK_TEXT, 0 },
	{ NULL, "Wi-Fi removed", "Wi-Fi removed", HK_TEXT, 0 },
	{ NULL, "users disabled", "Users disabled", HK_TEXT, 0 },
	{ NULL, "numbers", "Numbers", HK_TEXT, 0 },
	{ NULL, "from", "From", HK_TEXT, 0 },
	{ NULL, "to", "To", HK_TEXT, 0 },
	{ NULL, "count", "Count", HK_TEXT, 0 },
	{ NULL, "period", "Period", HK_TEXT, 0 },
	{ NULL, "mode", "Mode", HK_TEXT, 0 },
	{ NULL, "invoices", "Invoices", HK_TEXT, 0 },
	{ NULL, "other", "Other service", HK_TEXT, 0 },
	{ NULL, "rule", "Rule", HK_TEXT, 0 },
	{ NULL, "max", "Maximum", HK_TEXT, 0 },
	{ NULL, "legal_name", "Legal name", HK_TEXT, 0 },
	{ NULL, "vat_number", "VAT number", HK_TEXT, 0 },
	{ NULL, "invoice_prefix", "Invoice prefix", HK_TEXT, 0 },
	{ NULL, "credit_prefix", "Credit note prefix", HK_TEXT, 0 },
	{ NULL, "terms_days", "Payment terms (days)", HK_TEXT, 0 },
	{ NULL, "", "Value", HK_TEXT, 0 },
};

static const struct field *
field_of(const char *entity, const char *key)
{
	const struct field	*any = NULL;
	size_t			 i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (strcmp(fields[i].key, key) != 0)
			continue;
		if (fields[i].entity == NULL) {
			if (any == NULL)
				any = &fields[i];
		} else if (entity != NULL && strcmp(fields[i].entity,
		    entity) == 0)
			return &fields[i];
	}
	return any;
}

const char *
history_label(const char *entity, const char *key)
{
	const struct field	*f = field_of(entity, key);

	return f != NULL ? f->label : key;
}

/* The length of the key of line p (up to its '='), or 0 when the line
 * does not start with one: a letter, then letters, digits, '_', '-' or
 * spaces ("services ended"), at most 32. */
static size_t
key_len(const char *p, const char *eol)
{
	size_t	 n = 0;
	char	 c;

	if (p >= eol || !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	for (; p + n < eol && n <= 32; n++) {
		c = p[n];
		if (c == '=')
			return n;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == ' '))
			return 0;
	}
	return 0;
}

size_t
history_parse(struct arena *a, const char *text, struct hist_kv **out)
{
	const char	*p, *eol;
	struct hist_kv	*kv;
	size_t		 n = 0, cap = 1, k;

	*out = NULL;
	if (text == NULL || *text == '\0')
		return 0;
	for (p = text; *p != '\0'; p++)
		if (*p == '\n')
			cap++;
	if ((kv = arena_calloc(a, cap, sizeof(*kv))) == NULL)
		return 0;
	for (p = text; p != NULL; p = *eol != '\0' ? eol + 1 : NULL) {
		if ((eol = strchr(p, '\n')) == NULL)
			eol = p + strlen(p);
		if ((k = key_len(p, eol)) > 0) {
			kv[n].key = arena_strndup(a, p, k);
			kv[n].value = arena_strndup(a, p + k + 1,
			    (size_t)(eol - p) - k - 1);
			n++;
		} else if (n == 0) {
			kv[n].key = "";
			kv[n].value = arena_strndup(a, p, (size_t)(eol - p));
			n++;
		} else
			/* The value of the previous key goes on. */
			kv[n - 1].value = arena_printf(a, "%s\n%.*s",
			    kv[n - 1].value, (int)(eol - p), p);
	}
	*out = kv;
	return n;
}

/* value of field f as shown: money in currency, dates written long;
 * a value that is not what the field expects is shown as it is. */
static const char *
show(struct arena *a, const struct field *f, const char *v,
    const char *currency)
{
	char		 b[MONEY_STRLEN + 16], *end;
	int64_t		 m;
	long long	 ll;
	int32_t		 day;

	if (v == NULL)
		return v;
	if (*v == '\0')
		return "\xe2\x80\x94";	/* — */
	if (f == NULL)
		return v;
	switch (f->kind) {
	case HK_MONEY:
		if (*v == '-' ? money_parse(v + 1, &m) == -1 :
		    money_parse(v, &m) == -1)
			return v;
		money_format_cur(*v == '-' ? -m : m, currency, b, sizeof(b));
		return arena_strdup(a, b);
	case HK_MINOR:
		ll = strtoll(v, &end, 10);
		if (*end != '\0')
			return v;
		money_format_cur((int64_t)ll, currency, b, sizeof(b));
		return arena_strdup(a, b);
	case HK_DATE:
		if (date_parse(v, &day) == -1)
			return v;
		date_format_long(day, b, sizeof(b));
		return arena_strdup(a, b);
	default:
		return v;
	}
}

static const char *
lookup(const struct hist_kv *kv, size_t n, const char *key)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(kv[i].key, key) == 0)
			return kv[i].value;
	return NULL;
}

/* Add the line of key (values o, v raw; either NULL) when it is to be
 * shown; the subject noted. */
static void
add_line(struct arena *a, const char *entity, const char *key,
    const char *o, const char *v, int update, const char *currency,
    struct hist_view *out)
{
	const struct field	*f = field_of(entity, key);
	struct hist_line	*l;

	if (f != NULL && f->name && out->subject == NULL)
		out->subject = show(a, f, v != NULL ? v : o, currency);
	if (update && o != NULL && v != NULL && strcmp(o, v) == 0)
		return;
	/* A creation or removal lists the fields that have a value. */
	if (!update && (v != NULL ? *v : o != NULL ? *o : '\0') == '\0')
		return;
	l = &out->lines[out->n++];
	l->label = f != NULL ? f->label : key;
	l->old = show(a, f, o, currency);
	l->new = show(a, f, v, currency);
	if (update && l->old == NULL)
		l->old = "\xe2\x80\x94";	/* — */
	if (update && l->new == NULL)
		l->new = "\xe2\x80\x94";
}

int
history_view(struct arena *a, const char *entity, const char *old,
    const char *new, const char *currency, struct hist_view *out)
{
	struct hist_kv	*ov, *nv;
	size_t		 no, nn, i;
	int		 update;

	memset(out, 0, sizeof(*out));
	no = history_parse(a, old, &ov);
	nn = history_parse(a, new, &nv);
	update = no > 0 && nn > 0;
	if ((out->lines = arena_calloc(a, no + nn + 1,
	    sizeof(*out->lines))) == NULL)
		return -1;
	for (i = 0; i < nn; i++)
		add_line(a, entity, nv[i].key, update ? lookup(ov, no,
		    nv[i].key) : NULL, nv[i].value, update, currency, out);
	for (i = 0; i < no; i++)
		if (!update || lookup(nv, nn, ov[i].key) == NULL)
			add_line(a, entity, ov[i].key, ov[i].value, NULL,
			    update, currency, out);
	return 0;
}

const char *
history_line_text(struct arena *a, const struct hist_line *l)
{
	if (l->old != NULL && l->new != NULL)
		return arena_printf(a, "%s: %s \xe2\x86\x92 %s", l->label,
		    l->old, l->new);
	return arena_printf(a, "%s: %s", l->label,
	    l->new != NULL ? l->new : l->old != NULL ? l->old : "");
}

int
history_local(const int64_t *t, size_t n, const char *tz, struct tm *out)
{
	const char	*cur = getenv("TZ");
	char		 saved[128];
	int		 had = 0, switched = 0, rc = 0;
	time_t		 tt;
	size_t		 i;

	if (tz != NULL && *tz != '\0' && (cur == NULL || strcmp(cur, tz) != 0)) {
		if ((had = cur != NULL && strlen(cur) < sizeof(saved)))
			memcpy(saved, cur, strlen(cur) + 1);
		setenv("TZ", tz, 1);
		tzset();
		switched = 1;
	}
	for (i = 0; i < n; i++) {
		tt = (time_t)t[i];
		if (localtime_r(&tt, &out[i]) == NULL) {
			memset(&out[i], 0, sizeof(out[i]));
			rc = -1;
		}
	}
	if (switched) {
		if (had)
			setenv("TZ", saved, 1);
		else
			unsetenv("TZ");
		tzset();
	}
	return rc;
}

void
history_when(const struct tm *tm, char *buf, size_t cap)
{
	char	 day[32];
	size_t	 n;

	date_format_long(date_from_ymd(tm->tm_year + 1900, tm->tm_mon + 1,
	    tm->tm_mday), day, sizeof(day));
	if (cap == 0)
		return;
	n = strlen(day);
	if (n > cap - 1)
		n = cap - 1;
	memcpy(buf, day, n);
	buf[n] = '\0';
	if (cap - n > 8) {
		buf[n++] = ',';
		buf[n++] = ' ';
		buf[n++] = (char)('0' + tm->tm_hour / 10 % 10);
		buf[n++] = (char)('0' + tm->tm_hour % 10);
		buf[n++] = ':';
		buf[n++] = (char)('0' + tm->tm_min / 10 % 10);
		buf[n++] = (char)('0' + tm->tm_min % 10);
		buf[n] = '\0';
	}
}
