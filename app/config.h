/*
 * config: settings from an optional file (TENANTRY_CONFIG, lines of
 * "key = value", '#' comments) overridden by TENANTRY_* environment
 * variables. Defaults serve `make run`.
 */
#ifndef TENANTRY_CONFIG_H
#define TENANTRY_CONFIG_H

#include <stdint.h>

struct config {
	char	 db_host[256];		/* TENANTRY_DB_HOST; "" = use socket */
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
};

extern struct config cfg;

/* Load defaults, file and environment into cfg. 0, or -1 (message printed). */
int	 config_load(void);

#endif
