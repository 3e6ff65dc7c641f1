/*
 * history: the audit events as people read them (the History tab). An
 * event stores its values before and after as "key=value" lines (one
 * key a line; a value that holds a newline carries on in the lines that
 * do not start with a key). history_view turns a pair of them into
 * labelled fields ("Price", "Quantity", "Contract end"), keeps only what
 * changed, and writes money as money, dates as dates and an empty value
 * as "—" (a creation or removal leaves empty fields out). Keys it does
 * not know are shown as they are (the page escapes every value).
 * Pure: no I/O, memory from the arena.
 */
#ifndef TENANTRY_HISTORY_H
#define TENANTRY_HISTORY_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct arena;

/* One field of an event. old NULL: the field only has a value after
 * (created, or new in an update); new NULL: only before (removed). In an
 * update, a field that disappeared or appeared has "—" on its other side. */
struct hist_line {
	const char	*label;
	const char	*old;
	const char	*new;
};

struct hist_view {
	/* What the event is about, unchanged by it ("Voice line", a
	 * number, an address): the value of the entity's naming field, or
	 * NULL. It is listed among the lines too when it changed. */
	const char		*subject;
	struct hist_line	*lines;
	size_t			 n;
};

/* One key=value pair as stored. */
struct hist_kv {
	const char	*key;
	const char	*value;
};

/*
 * Split audit text into its pairs, in order; a first line without a key
 * becomes a pair with key "" (shown as "Value"). NULL or "": none.
 * Returns the number of pairs (in *out, arena memory).
 */
size_t	 history_parse(struct arena *, const char *text, struct hist_kv **out);
/* The label of key of entity ("contract", "end_date": "Contract end"), or
 * key itself when unknown. */
const char *history_label(const char *entity, const char *key);
/*
 * The readable form of an event of entity with values old and new (either
 * NULL or ""): a creation lists every field of new, a removal every field
 * of old, an update only the fields whose value changed (old → new).
 * Money fields are written in currency (money_format_cur; NULL: without a
 * symbol), dates as "14 Sep 2026". Returns 0, or -1 out of memory.
 */
int	 history_view(struct arena *, const char *entity, const char *old,
	    const char *new, const char *currency, struct hist_view *out);
/* "Price: £10.00 → £12.00", "Quantity: 3" (a creation), in the arena. */
const char *history_line_text(struct arena *, const struct hist_line *);
/*
 * The local times of t[0..n) (unix seconds) in time zone tz (IANA name;
 * NULL or "": the process's zone). Returns 0, or -1 when one could not
 * be converted. The process's zone is put back before returning.
 */
int	 history_local(const int64_t *t, size_t n, const char *tz,
	    struct tm *out);
/* "16 Feb 2026, 14:05" of a local time. */
void	 history_when(const struct tm *, char *buf, size_t cap);

#endif
