/*
 * tpl: the C face of ctemplate. tpl_shim.cc is the only C++ file in
 * Tenantry; every call here catches C++ exceptions and reports failure.
 *
 * Dictionaries created with tpl_dict_new are freed by tpl_dict_free (the
 * request code registers that with the request arena). Values are copied
 * into the dictionary. Escaping happens in the templates only: every
 * template starts with {{%AUTOESCAPE context="HTML"}}.
 *
 * The one exception is the plain-text part of an e-mail (templates/mail_NAME.txt,
 * rendered with tpl_render_text): text/plain is not HTML, so it is
 * expanded as written, blank lines kept and nothing escaped; it never
 * reaches a browser as a page.
 */
#ifndef TENANTRY_TPL_H
#define TENANTRY_TPL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tpl_dict;

/* Load and parse every *.tpl under dir. Returns 0, or -1 (logged). */
int		 tpl_init(const char *dir);
/* Re-read templates that changed on disk (SIGHUP). */
void		 tpl_reload(void);

/*
 * Names of variables, sections and includes are enum tpl_name values,
 * TN_<NAME>, generated from the templates themselves (tpl_names.h, by
 * tplnames.sh): a name that no template uses does not compile. A name
 * made at run time (a form field's F_<KEY>) goes through tpl_name_of.
 */
#include "tpl_names.h"

struct tpl_dict	*tpl_dict_new(const char *name);
void		 tpl_dict_free(void *);
void		 tpl_set(struct tpl_dict *, enum tpl_name, const char *val);
void		 tpl_setn(struct tpl_dict *, enum tpl_name, const char *val,
		    size_t len);
void		 tpl_set_int(struct tpl_dict *, enum tpl_name, long long);
void		 tpl_show(struct tpl_dict *, enum tpl_name section);
/* A new sub-dictionary for one repetition of section; parent lookups apply. */
struct tpl_dict	*tpl_section(struct tpl_dict *, enum tpl_name section);
/* A dictionary for {{>name}} rendering file. */
struct tpl_dict	*tpl_include(struct tpl_dict *, enum tpl_name name,
		    const char *file);
/* The name called name (a name made at run time), or TN__MAX when no
 * template uses it (logged: setting it would show nothing). The calls
 * above do nothing for TN__MAX. */
enum tpl_name	 tpl_name_of(const char *name);

typedef void	(*tpl_emit_fn)(void *ctx, const char *, size_t);
/* Expand file with dict through emit. Returns 0, or -1 (logged). */
int		 tpl_render(const char *file, const struct tpl_dict *,
		    tpl_emit_fn emit, void *ctx);

/* A *.txt template (the text part of an e-mail): not stripped, not
 * escaped. Returns 0, or -1 (logged). */
int		 tpl_render_text(const char *file, const struct tpl_dict *,
		    tpl_emit_fn emit, void *ctx);

#ifdef __cplusplus
}
#endif

#endif
