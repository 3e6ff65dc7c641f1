// tpl_shim: the only C++ in Tenantry. A thin, exception-safe C API over
// ctemplate; see tpl.h for the contract.
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include <new>
#include <string>

#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>

#include "tpl.h"

using ctemplate::TemplateDictionary;
using ctemplate::TemplateString;

// struct tpl_dict is never defined: it is an opaque name for a
// TemplateDictionary, top-level or owned by its parent.
static struct tpl_dict *
wrap(TemplateDictionary *d)
{
	return reinterpret_cast<struct tpl_dict *>(d);
}

static TemplateDictionary *
D(struct tpl_dict *t)
{
	return reinterpret_cast<TemplateDictionary *>(t);
}

static const TemplateDictionary *
CD(const struct tpl_dict *t)
{
	return reinterpret_cast<const TemplateDictionary *>(t);
}

// Every name a template uses, as the StaticTemplateString (with the hash
// ctemplate's own make_tpl_varnames_h computed) of its enum tpl_name,
// generated from the templates (tplnames.sh): a name is hashed once, at
// build time, and registered once, at start-up, through ctemplate's
// public STS_INIT_WITH_HASH.
#include "tpl_names.inc"

static_assert(sizeof(tn_names) / sizeof(tn_names[0]) == TN__MAX,
    "tpl_names.inc and tpl_names.h disagree: run make tplnames");

static inline bool
known(enum tpl_name k)
{
	return (unsigned)k < (unsigned)TN__MAX;
}

static TemplateString
key_of(enum tpl_name k)
{
	return TemplateString(*tn_names[k]);
}

extern "C" enum tpl_name
tpl_name_of(const char *name)
{
	size_t lo = 0, hi = TN__MAX, len = strlen(name);

	// tn_names is in C-locale order of the names.
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		TemplateString t(*tn_names[mid]);
		size_t n = t.size() < len ? t.size() : len;
		int c = memcmp(t.begin(), name, n);

		if (c == 0)
			c = t.size() < len ? -1 : t.size() > len ? 1 : 0;
		if (c == 0)
			return (enum tpl_name)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	fprintf(stderr, "tpl: no template uses the name %s\n", name);
	return TN__MAX;
}

class CEmitter : public ctemplate::ExpandEmitter {
	tpl_emit_fn fn_;
	void *ctx_;
public:
	CEmitter(tpl_emit_fn fn, void *ctx) : fn_(fn), ctx_(ctx) {}
	void Emit(char c) { fn_(ctx_, &c, 1); }
	void Emit(const std::string &s) { fn_(ctx_, s.data(), s.size()); }
	void Emit(const char *s) { fn_(ctx_, s, strlen(s)); }
	void Emit(const char *s, size_t n) { fn_(ctx_, s, n); }
};

extern "C" int
tpl_init(const char *dir)
{
	try {
		DIR *dp;
		struct dirent *de;
		int rc = 0;

		if (!ctemplate::mutable_default_template_cache()->
		    SetTemplateRootDirectory(dir)) {
			fprintf(stderr, "tpl: bad template dir %s\n", dir);
			return -1;
		}
		if ((dp = opendir(dir)) == NULL) {
			fprintf(stderr, "tpl: cannot open %s\n", dir);
			return -1;
		}
		while ((de = readdir(dp)) != NULL) {
			size_t n = strlen(de->d_name);
			int text = n >= 5 &&
			    strcmp(de->d_name + n - 4, ".txt") == 0;
			if (n < 5 || (!text &&
			    strcmp(de->d_name + n - 4, ".tpl") != 0))
				continue;
			if (!ctemplate::LoadTemplate(de->d_name, text ?
			    ctemplate::DO_NOT_STRIP :
			    ctemplate::STRIP_BLANK_LINES)) {
				fprintf(stderr, "tpl: cannot load %s\n",
				    de->d_name);
				rc = -1;
			}
		}
		closedir(dp);
		return rc;
	} catch (...) {
		fprintf(stderr, "tpl: exception in tpl_init\n");
		return -1;
	}
}

extern "C" void
tpl_reload(void)
{
	try {
		ctemplate::mutable_default_template_cache()->
		    ReloadAllIfChanged(ctemplate::TemplateCache::LAZY_RELOAD);
	} catch (...) {
		fprintf(stderr, "tpl: exception in tpl_reload\n");
	}
}

extern "C" struct tpl_dict *
tpl_dict_new(const char *name)
{
	try {
		return wrap(new TemplateDictionary(name));
	} catch (...) {
		return NULL;
	}
}

extern "C" void
tpl_dict_free(void *p)
{
	delete reinterpret_cast<TemplateDictionary *>(p);
}

extern "C" void
tpl_setn(struct tpl_dict *t, enum tpl_name key, const char *val, size_t len)
{
	if (t == NULL || val == NULL || !known(key))
		return;
	try {
		D(t)->SetValue(key_of(key), TemplateString(val, len));
	} catch (...) {
		fprintf(stderr, "tpl: exception in tpl_setn\n");
	}
}

extern "C" void
tpl_set(struct tpl_dict *t, enum tpl_name key, const char *val)
{
	if (val != NULL)
		tpl_setn(t, key, val, strlen(val));
}

extern "C" void
tpl_set_int(struct tpl_dict *t, enum tpl_name key, long long v)
{
	char b[24], *p = b + sizeof(b);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*--p = '-';
	tpl_setn(t, key, p, (size_t)(b + sizeof(b) - p));
}

extern "C" void
tpl_show(struct tpl_dict *t, enum tpl_name section)
{
	if (t == NULL || !known(section))
		return;
	try {
		D(t)->ShowSection(key_of(section));
	} catch (...) {
		fprintf(stderr, "tpl: exception in tpl_show\n");
	}
}

extern "C" struct tpl_dict *
tpl_section(struct tpl_dict *t, enum tpl_name section)
{
	if (t == NULL || !known(section))
		return NULL;
	try {
		return wrap(D(t)->AddSectionDictionary(key_of(section)));
	} catch (...) {
		return NULL;
	}
}

extern "C" struct tpl_dict *
tpl_include(struct tpl_dict *t, enum tpl_name name, const char *file)
{
	if (t == NULL || !known(name))
		return NULL;
	try {
		TemplateDictionary *sub = D(t)->AddIncludeDictionary(key_of(name));
		sub->SetFilename(file);
		return wrap(sub);
	} catch (...) {
		return NULL;
	}
}

static int
render(const char *file, ctemplate::Strip strip, const struct tpl_dict *t,
    tpl_emit_fn emit, void *ctx)
{
	if (t == NULL)
		return -1;
	try {
		CEmitter out(emit, ctx);
		if (!ctemplate::ExpandTemplate(file, strip, CD(t), &out)) {
			fprintf(stderr, "tpl: cannot expand %s\n", file);
			return -1;
		}
		return 0;
	} catch (...) {
		fprintf(stderr, "tpl: exception rendering %s\n", file);
		return -1;
	}
}

extern "C" int
tpl_render(const char *file, const struct tpl_dict *t, tpl_emit_fn emit,
    void *ctx)
{
	return render(file, ctemplate::STRIP_BLANK_LINES, t, emit, ctx);
}

extern "C" int
tpl_render_text(const char *file, const struct tpl_dict *t, tpl_emit_fn emit,
    void *ctx)
{
	return render(file, ctemplate::DO_NOT_STRIP, t, emit, ctx);
}
