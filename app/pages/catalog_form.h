/*
 * catalog_form: the fields of a catalog service as the add form
 * (catalog_new.c) and the service's page (catalog_edit.c) send them: code,
 * name, category, description, cost, RRP, the five entitlements per unit,
 * the sites ticked and each site's own RRP (site_rrp_<site id>, empty:
 * the service's).
 */
#ifndef TENANTRY_PAGES_CATALOG_FORM_H
#define TENANTRY_PAGES_CATALOG_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "../store/store.h"
#include "pages.h"

struct catalog_form {
	int			 from_form;	/* 0: show what is stored */
	struct store_service_def def;
	const int64_t		*checked;	/* the site ids ticked */
	size_t			 nchecked;
	int64_t			*site_rrp;	/* per site: its RRP, -1 none */
	const char		**site_raw;	/* per site: as typed */
	const char		**site_err;	/* per site: why not, or NULL */
};

/*
 * Read the form into f (site ids ticked already in f->checked). stored:
 * the service (a save; the fields a save does not send keep its values),
 * NULL for an add (every field is read). Messages into d. Returns the
 * number of errors.
 */
int	 catalog_form_read(struct req *, struct tpl_dict *,
	    const struct store_service *stored, const struct store_site *,
	    size_t ns, struct catalog_form *f);
/* The form's fields as stored (a GET of the service's page). */
void	 catalog_form_fill(struct req *, struct tpl_dict *,
	    const struct store_service *);
/* The category choices (section SVC_CAT, SELECTED): cat as sent or
 * stored. */
void	 catalog_form_categories(struct tpl_dict *, const char *cat);
/* The sites (section SITE: ID, NAME, CHECKED, SITE_RRP, SITE_RRP_ERR),
 * as sent (f->from_form) or as stored (s's sites and their RRPs r). */
void	 catalog_form_sites(struct req *, struct tpl_dict *,
	    const struct store_service *s, const struct store_site_rrp *r,
	    size_t nr, const struct store_site *, size_t ns,
	    const struct catalog_form *f);

#endif
