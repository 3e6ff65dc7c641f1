/*
 * case_view: the parts the case screens share (the operator's cases.c,
 * case_new.c and case.c, the occupier's my_case.c and my_case_new.c):
 * reading a raise form's choices and file, the selects, the attachments
 * of a case (case_files.c); a case's badge, labels and SLA (case_view.c).
 */
#ifndef TENANTRY_CASE_VIEW_H
#define TENANTRY_CASE_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/helpdesk.h"
#include "../ops/cases.h"
#include "../tpl/tpl_names.h"

struct req;
struct tpl_dict;
struct fval;

/* ---- case_files.c ---- */

/* The form's "file" upload, if any: 1 a file fit to attach (cf filled),
 * 0 none, -1 refused (the message added to the form). */
int	 case_file_check(struct req *, struct tpl_dict *, struct case_file *);

/* Read them into v (form_read: typed input and messages into d). The
 * errors. */
int	 case_raise_read(struct req *, struct tpl_dict *, struct fval *v);
/*
 * The priority and category of a raise form read as v (both optional):
 * *prio (normal when not given or not one of the choices) and *cat (when
 * not given: the category of the related service, whose catalog category
 * is svc_category, NULL for none; else other). Messages into d; returns
 * how many.
 */
int	 case_choices_check(struct req *, struct tpl_dict *,
	    const struct fval *v, const char *svc_category,
	    enum hd_priority *prio, enum hd_category *cat);
/* A raise form's details (read as v) that are a checklist unchanged: the
 * message into d, 1; else 0. */
int	 case_details_check(struct req *, struct tpl_dict *,
	    const struct fval *v);
/* The priority and category selects (PRIORITY_OPT, CATEGORY_OPT: KEY,
 * LABEL, SELECTED) with prio and cat chosen. */
void	 case_choices_fill(struct tpl_dict *, enum hd_priority prio,
	    enum hd_category cat);

/* Section ATTACHMENT (HREF base/attachments/ID, NAME, SIZE, BY, AT) and
 * HAS_ATTACHMENTS. 1, -1. */
int	 case_files_fill(struct req *, struct tpl_dict *, int64_t case_id,
	    const char *base);

/* ---- case_view.c ---- */

/* The choice of id among o (n of them), or NULL. */
const struct store_case_option *case_option_find(
	    const struct store_case_option *o, size_t n, int64_t id);
/* One section (ID, NAME, SELECTED) per choice of o. */
void	 case_options_fill(struct tpl_dict *, enum tpl_name section,
	    const struct store_case_option *o, size_t n, int64_t selected);
/* STATUS_LABEL and STATUS_CLASS (the badge) of a case's status. */
void	 case_badge_set(struct tpl_dict *, const char *status);
/* The label of a priority or category name (the name itself when it is
 * not one). */
const char *case_priority_label(const char *);
const char *case_category_label(const char *);
/* key: the day of t ("16 February 2026", local time), iso_key: its
 * YYYY-MM-DDTHH:MM:SS. */
void	 case_day_set(struct tpl_dict *, enum tpl_name key,
	    enum tpl_name iso_key, int64_t t);
/* SLA_TEXT (the case screen's sentence), SLA_SHORT (the queue's),
 * SLA_CLASS (badge) and SLA_STATE (late, paused, ok), and SLA_BREACHED, of
 * case c now. 1 when breached. */
int	 case_sla_set(struct req *, struct tpl_dict *, const struct store_case *);
/* 1 when case c's SLA is breached now (the queue's filter). */
int	 case_sla_breached(struct req *, const struct store_case *);

#endif
