/*
 * confirm: what cannot be undone is done only when confirmed, with or
 * without JavaScript. A form whose button does such a thing carries
 * data-confirm (app.js asks in a dialog, then posts confirm=1); without
 * JavaScript, the post without confirm=1 answers a confirmation page that
 * names the consequence and posts the same fields again with confirm=1.
 */
#include <string.h>

#include "../config.h"
#include "../domain/date.h"
#include "../domain/phone.h"
#include "../tpl/tpl.h"
#include "pages.h"

int
page_confirmed(struct req *r, const struct page_confirm *q)
{
	struct tpl_dict	*d, *f;
	size_t		 i;

	if (form_enum(r, "confirm", (const char *const[]){ "1", NULL }) == 0)
		return 1;
	if ((d = page_begin(r, q->title, "confirm.tpl", q->menu)) == NULL)
		return 0;
	tpl_set(d, TN_TITLE, q->title);
	tpl_set(d, TN_CONSEQUENCE, q->consequence);
	tpl_set(d, TN_BUTTON, q->button);
	tpl_set(d, TN_BACK, q->back);
	tpl_set(d, TN_ACTION, r->path);
	if (q->back_label != NULL)
		tpl_set(tpl_section(d, TN_CRUMB), TN_LABEL, q->back_label);
	/* The same fields again (the CSRF token among them). */
	for (i = 0; i < r->form.n; i++) {
		const struct kv *kv = &r->form.v[i];

		if (strcmp(kv->key, "confirm") == 0 ||
		    memchr(kv->val, '\0', kv->vlen) != NULL)
			continue;
		f = tpl_section(d, TN_FIELD);
		tpl_set(f, TN_NAME, kv->key);
		tpl_set(f, TN_VALUE, kv->val);
	}
	page_end(r);
	return 0;
}

const char *
page_deactivate_consequence(struct req *r, const char *number,
    const char *holder)
{
	char	 until[32];

	date_format_long(phone_cooloff_until(r->today, cfg.cooloff_days),
	    until, sizeof(until));
	return arena_printf(r->a, "%s will be unavailable until %s: %s "
	    "loses it now, and it cools off for %d days before it can be "
	    "allocated again. Deactivated by mistake? It can be reinstated "
	    "within 24 hours.", number, until, holder != NULL && *holder !=
	    '\0' ? holder : "its holder", cfg.cooloff_days);
}
