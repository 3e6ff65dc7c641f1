/*
 * config: settings from an optional file (TENANTRY_CONFIG, lines of
 * "key = value", '#' comments) overridden by TENANTRY_* environment
 * variables. Defaults serve `make run`.
 */
#ifndef TENANTRY_CONFIG_H
#define TENANTRY_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#define CONFIG_DB_HOSTS	8	/* database servers TENANTRY_DB_HOST may list */

/* One database server of TENANTRY_DB_HOST's list. */
struct config_dbhost {
	char	 host[256];
	unsigned port;
};

struct config {
	char	 db_host[256];		/* TENANTRY_DB_HOST; "" = use socket; or a
					 * list "db1,db2:3307,[::1]:3306" */
	unsigned db_port;		/* TENANTRY_DB_PORT (3306) */
	char	 db_socket[512];	/* TENANTRY_DB_SOCKET */
	char	 db_user[128];		/* TENANTRY_DB_USER (root) */
	char	 db_password[256];	/* TENANTRY_DB_PASSWORD */
	char	 db_name[128];		/* TENANTRY_DB_NAME (tenantry) */
	char	 listen[512];		/* TENANTRY_LISTEN: socket path or 127.0.0.1:port */
	int	 workers;		/* TENANTRY_WORKERS (2 x cores) */
	char	 templates[512];	/* TENANTRY_TEMPLATES (templates) */
	char	 tz[64];		/* TENANTRY_TZ (Europe/London) */
	int32_t	 today;			/* TENANTRY_TODAY pin, or DATE_NONE */
	int	 idle_minutes;		/* TENANTRY_SESSION_IDLE_MINUTES (30) */
	int	 absolute_hours;	/* TENANTRY_SESSION_ABSOLUTE_HOURS (12) */
	int	 hash_slots;		/* TENANTRY_HASH_SLOTS: concurrent Argon2id (cores) */
	int	 cooloff_days;		/* TENANTRY_COOLOFF_DAYS (90) */
	int	 tick_hour;		/* TENANTRY_TICK_HOUR (3): the daily job's hour; 24+ off */
	/* E-mail (app/notify.c queues, app/mailer.c sends). */
	char	 base_url[256];		/* TENANTRY_BASE_URL: public URL, links in mail */
	char	 smtp_url[512];		/* TENANTRY_SMTP_URL: "" = nothing is sent */
	char	 smtp_user[256];	/* TENANTRY_SMTP_USER */
	char	 smtp_password[256];	/* TENANTRY_SMTP_PASSWORD */
	char	 smtp_tls[16];		/* TENANTRY_SMTP_TLS: try, required, off */
	char	 smtp_ca_file[512];	/* TENANTRY_SMTP_CA_FILE: extra trusted CA */
	char	 mail_from[254];	/* TENANTRY_MAIL_FROM: envelope and From address */
	int	 mail_max_attempts;	/* TENANTRY_MAIL_MAX_ATTEMPTS (5), then dead */
	int	 mail_retry_seconds;	/* TENANTRY_MAIL_RETRY_SECONDS (60), doubling */
	int	 mail_poll_ms;		/* TENANTRY_MAIL_POLL_MS (1000) */
	/* Webhooks (app/whsender.c sends them). */
	char	 webhook_ca[512];	/* TENANTRY_WEBHOOK_CA: CA file trusted
					 * instead of the system's (tests) */
	int	 webhook_retry_seconds;	/* TENANTRY_WEBHOOK_RETRY_SECONDS (30), doubling */
	int	 webhook_poll_ms;	/* TENANTRY_WEBHOOK_POLL_MS (1000) */
	/* db_host parsed: the servers in the order a worker tries them, the
	 * port of each from its entry or db_port. None: the socket. */
	struct config_dbhost db_hosts[CONFIG_DB_HOSTS];
	size_t	 ndb_hosts;
};

extern struct config cfg;

/* Load defaults, file and environment into cfg. 0, or -1 (message printed). */
int	 config_load(void);
/*
 * Parse a TENANTRY_DB_HOST list: comma-separated entries "host",
 * "host:port" or "[ipv6]:port" (an entry with more than one colon and no
 * brackets is an IPv6 address without a port), blanks around entries
 * ignored; a missing port is defport. Returns the number of entries (0 for
 * an empty list), or -1 for an empty entry, a bad port or more than max.
 */
int	 config_db_hosts_parse(const char *list, unsigned defport,
	    struct config_dbhost *out, size_t max);

#endif
