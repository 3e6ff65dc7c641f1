/*
 * config: see config.h.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "domain/date.h"

struct config cfg;

enum ckind { C_STR, C_INT };

static const struct citem {
	const char	*key;		/* file key; env is TENANTRY_ + upper */
	enum ckind	 kind;
	size_t		 off;
	size_t		 size;
} items[] = {
	{ "db_host", C_STR, offsetof(struct config, db_host), sizeof(cfg.db_host) },
	{ "db_port", C_INT, offsetof(struct config, db_port), 0 },
	{ "db_socket", C_STR, offsetof(struct config, db_socket), sizeof(cfg.db_socket) },
	{ "db_user", C_STR, offsetof(struct config, db_user), sizeof(cfg.db_user) },
	{ "db_password", C_STR, offsetof(struct config, db_password), sizeof(cfg.db_password) },
	{ "db_name", C_STR, offsetof(struct config, db_name), sizeof(cfg.db_name) },
	{ "listen", C_STR, offsetof(struct config, listen), sizeof(cfg.listen) },
	{ "workers", C_INT, offsetof(struct config, workers), 0 },
	{ "templates", C_STR, offsetof(struct config, templates), sizeof(cfg.templates) },
	{ "tz", C_STR, offsetof(struct config, tz), sizeof(cfg.tz) },
	{ "session_idle_minutes", C_INT, offsetof(struct config, idle_minutes), 0 },
	{ "session_absolute_hours", C_INT, offsetof(struct config, absolute_hours), 0 },
	{ "hash_slots", C_INT, offsetof(struct config, hash_slots), 0 },
	{ "cooloff_days", C_INT, offsetof(struct config, cooloff_days), 0 },
	{ "tick_hour", C_INT, offsetof(struct config, tick_hour), 0 },
	{ "base_url", C_STR, offsetof(struct config, base_url), sizeof(cfg.base_url) },
	{ "smtp_url", C_STR, offsetof(struct config, smtp_url), sizeof(cfg.smtp_url) },
	{ "smtp_user", C_STR, offsetof(struct config, smtp_user), sizeof(cfg.smtp_user) },
	{ "smtp_password", C_STR, offsetof(struct config, smtp_password), sizeof(cfg.smtp_password) },
	{ "smtp_tls", C_STR, offsetof(struct config, smtp_tls), sizeof(cfg.smtp_tls) },
	{ "smtp_ca_file", C_STR, offsetof(struct config, smtp_ca_file), sizeof(cfg.smtp_ca_file) },
	{ "mail_from", C_STR, offsetof(struct config, mail_from), sizeof(cfg.mail_from) },
	{ "mail_max_attempts", C_INT, offsetof(struct config, mail_max_attempts), 0 },
	{ "mail_retry_seconds", C_INT, offsetof(struct config, mail_retry_seconds), 0 },
	{ "mail_poll_ms", C_INT, offsetof(struct config, mail_poll_ms), 0 },
	{ "webhook_ca", C_STR, offsetof(struct config, webhook_ca), sizeof(cfg.webhook_ca) },
	{ "webhook_retry_seconds", C_INT, offsetof(struct config, webhook_retry_seconds), 0 },
	{ "webhook_poll_ms", C_INT, offsetof(struct config, webhook_poll_ms), 0 },
	{ "today", C_STR, 0, 0 },	/* special: parsed into cfg.today */
};

static int
set_item(const struct citem *it, const char *val)
{
	char	*end;
	long	 n;

	if (strcmp(it->key, "today") == 0) {
		if (*val == '\0') {
			cfg.today = DATE_NONE;
			return 0;
		}
		if (date_parse(val, &cfg.today) == -1) {
			fprintf(stderr, "config: today: not a date: %s\n", val);
			return -1;
		}
		return 0;
	}
	if (it->kind == C_STR) {
		if (strlen(val) >= it->size) {
			fprintf(stderr, "config: %s: too long\n", it->key);
			return -1;
		}
		snprintf((char *)&cfg + it->off, it->size, "%s", val);
		return 0;
	}
	n = strtol(val, &end, 10);
	if (*val == '\0' || *end != '\0' || n < 0 || n > 1000000) {
		fprintf(stderr, "config: %s: not a number: %s\n", it->key, val);
		return -1;
	}
	if (strcmp(it->key, "db_port") == 0)
		cfg.db_port = (unsigned)n;
	else
		*(int *)((char *)&cfg + it->off) = (int)n;
	return 0;
}

static const struct citem *
find_item(const char *key)
{
	size_t	 i;

	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++)
		if (strcmp(items[i].key, key) == 0)
			return &items[i];
	return NULL;
}

static int
load_file(const char *path)
{
	FILE			*f;
	char			 line[1024], *k, *v, *e;
	const struct citem	*it;
	int			 lineno = 0, rc = 0;

	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "config: cannot open %s\n", path);
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		for (k = line; isspace((unsigned char)*k); k++)
			continue;
		if (*k == '#' || *k == '\0')
			continue;
		if ((v = strchr(k, '=')) == NULL) {
			fprintf(stderr, "%s:%d: expected key = value\n", path, lineno);
			rc = -1;
			continue;
		}
		for (e = v; e > k && isspace((unsigned char)e[-1]); e--)
			continue;
		*e = '\0';
		for (v++; isspace((unsigned char)*v); v++)
			continue;
		for (e = v + strlen(v); e > v && isspace((unsigned char)e[-1]); e--)
			continue;
		*e = '\0';
		if ((it = find_item(k)) == NULL) {
			fprintf(stderr, "%s:%d: unknown key %s\n", path, lineno, k);
			rc = -1;
			continue;
		}
		if (set_item(it, v) == -1)
			rc = -1;
	}
	fclose(f);
	return rc;
}

/* The mail settings that would send something wrong, or send a password
 * in the clear: refused at start. */
static int
config_mail_check(void)
{
	const char	*at, *slash;
	size_t		 n;

	/* Links are built as base_url + "/path": no trailing slash. */
	while ((n = strlen(cfg.base_url)) > 0 && cfg.base_url[n - 1] == '/')
		cfg.base_url[n - 1] = '\0';
	if (strncmp(cfg.base_url, "http://", 7) != 0 &&
	    strncmp(cfg.base_url, "https://", 8) != 0) {
		fprintf(stderr, "config: base_url must start with http:// or "
		    "https://\n");
		return -1;
	}
	if (strpbrk(cfg.base_url, " \t\r\n\"'<>") != NULL) {
		fprintf(stderr, "config: base_url: not a URL\n");
		return -1;
	}
	if (strcmp(cfg.smtp_tls, "try") != 0 &&
	    strcmp(cfg.smtp_tls, "required") != 0 &&
	    strcmp(cfg.smtp_tls, "off") != 0) {
		fprintf(stderr, "config: smtp_tls must be try, required or "
		    "off\n");
		return -1;
	}
	if (cfg.smtp_url[0] != '\0' &&
	    strncmp(cfg.smtp_url, "smtp://", 7) != 0 &&
	    strncmp(cfg.smtp_url, "smtps://", 8) != 0) {
		fprintf(stderr, "config: smtp_url must start with smtp:// or "
		    "smtps://\n");
		return -1;
	}
	/* A password goes over TLS only: smtps://, or STARTTLS required
	 * (also one written into the URL, smtp://user:password@host). */
	at = strchr(cfg.smtp_url, '@');
	slash = strlen(cfg.smtp_url) > 8 ? strchr(cfg.smtp_url + 8, '/') : NULL;
	if ((cfg.smtp_user[0] != '\0' || (at != NULL && (slash == NULL ||
	    at < slash))) && strncmp(cfg.smtp_url, "smtps://", 8) != 0 &&
	    strcmp(cfg.smtp_tls, "required") != 0) {
		fprintf(stderr, "config: a relay login is set (smtp_user, or "
		    "in smtp_url): use smtps:// or smtp_tls = required, so "
		    "that the password is never sent in the clear\n");
		return -1;
	}
	if (cfg.mail_max_attempts < 1)
		cfg.mail_max_attempts = 1;
	if (cfg.mail_retry_seconds < 1)
		cfg.mail_retry_seconds = 1;
	if (cfg.mail_poll_ms < 50)
		cfg.mail_poll_ms = 50;
	if (cfg.webhook_retry_seconds < 1)
		cfg.webhook_retry_seconds = 1;
	if (cfg.webhook_poll_ms < 50)
		cfg.webhook_poll_ms = 50;
	return 0;
}


/* One entry of a host list (s, n bytes, trimmed) into h. 0 ok, -1 bad. */
static int
db_host_entry(const char *s, size_t n, unsigned defport,
    struct config_dbhost *h)
{
	const char	*colon = NULL, *host = s;
	size_t		 hlen = n, i, ncolon = 0;
	unsigned long	 port = defport;

	for (i = 0; i < n; i++)
		if (s[i] == ':') {
			ncolon++;
			colon = &s[i];
		}
	if (n > 0 && s[0] == '[') {
		/* [v6] or [v6]:port */
		const char *close = memchr(s, ']', n);

		if (close == NULL)
			return -1;
		host = s + 1;
		hlen = (size_t)(close - host);
		colon = close + 1 < s + n ? close + 1 : NULL;
		if (colon != NULL && *colon != ':')
			return -1;
	} else if (ncolon == 1)
		hlen = (size_t)(colon - s);
	else
		colon = NULL;	/* none, or a bare IPv6 address */
	if (colon != NULL) {
		const char	*p = colon + 1, *end = s + n;

		if (p == end)
			return -1;
		for (port = 0; p < end; p++) {
			if (*p < '0' || *p > '9')
				return -1;
			port = port * 10 + (unsigned long)(*p - '0');
			if (port > 65535)
				return -1;
		}
		if (port == 0)
			return -1;
	}
	if (hlen == 0 || hlen >= sizeof(h->host))
		return -1;
	memcpy(h->host, host, hlen);
	h->host[hlen] = '\0';
	h->port = (unsigned)port;
	return 0;
}

int
config_db_hosts_parse(const char *list, unsigned defport,
    struct config_dbhost *out, size_t max)
{
	const char	*p = list, *e, *a, *b;
	size_t		 n = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return 0;
	for (;;) {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		for (a = p; a < e && (*a == ' ' || *a == '\t'); a++)
			continue;
		for (b = e; b > a && (b[-1] == ' ' || b[-1] == '\t'); b--)
			continue;
		if (n == max || db_host_entry(a, (size_t)(b - a), defport,
		    &out[n]) == -1)
			return -1;
		n++;
		if (*e == '\0')
			return (int)n;
		p = e + 1;
	}
}

int
config_load(void)
{
	int		 nh;
	char		 env[64];
	const char	*v;
	size_t		 i, j;
	long		 ncpu;

	memset(&cfg, 0, sizeof(cfg));
	cfg.db_port = 3306;
	snprintf(cfg.db_user, sizeof(cfg.db_user), "root");
	snprintf(cfg.db_name, sizeof(cfg.db_name), "tenantry");
	snprintf(cfg.db_socket, sizeof(cfg.db_socket), "var/run/mariadb.sock");
	snprintf(cfg.listen, sizeof(cfg.listen), "var/run/tenantry.sock");
	snprintf(cfg.templates, sizeof(cfg.templates), "templates");
	snprintf(cfg.tz, sizeof(cfg.tz), "Europe/London");
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	if (ncpu < 1)
		ncpu = 1;
	cfg.workers = (int)(2 * ncpu);
	cfg.hash_slots = (int)ncpu;
	cfg.today = DATE_NONE;
	cfg.idle_minutes = 30;
	cfg.absolute_hours = 12;
	cfg.cooloff_days = 90;
	cfg.tick_hour = 3;
	snprintf(cfg.base_url, sizeof(cfg.base_url), "http://127.0.0.1:8080");
	snprintf(cfg.smtp_tls, sizeof(cfg.smtp_tls), "try");
	snprintf(cfg.mail_from, sizeof(cfg.mail_from), "tenantry@localhost");
	cfg.mail_max_attempts = 5;
	cfg.mail_retry_seconds = 60;
	cfg.mail_poll_ms = 1000;
	cfg.webhook_retry_seconds = 30;
	cfg.webhook_poll_ms = 1000;

	if ((v = getenv("TENANTRY_CONFIG")) != NULL && *v != '\0' &&
	    load_file(v) == -1)
		return -1;
	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		snprintf(env, sizeof(env), "TENANTRY_");
		for (j = 0; items[i].key[j] != '\0' && 9 + j + 1 < sizeof(env); j++)
			env[9 + j] = (char)toupper((unsigned char)items[i].key[j]);
		env[9 + j] = '\0';
		if ((v = getenv(env)) != NULL && set_item(&items[i], v) == -1)
			return -1;
	}
	if ((nh = config_db_hosts_parse(cfg.db_host, cfg.db_port, cfg.db_hosts,
	    CONFIG_DB_HOSTS)) == -1) {
		fprintf(stderr, "config: db_host: not a list of at most %d "
		    "host or host:port entries: %s\n", CONFIG_DB_HOSTS,
		    cfg.db_host);
		return -1;
	}
	cfg.ndb_hosts = (size_t)nh;
	if (cfg.workers < 1)
		cfg.workers = 1;
	if (cfg.hash_slots < 1)
		cfg.hash_slots = 1;
	if (config_mail_check() == -1)
		return -1;
	return 0;
}
