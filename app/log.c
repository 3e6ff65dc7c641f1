/*
 * log: see log.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static unsigned long long	 req_id;
static char			 req_addr[64];
static long long		 req_user;

void
log_request_begin(unsigned long long id, const char *addr)
{
	req_id = id;
	req_user = 0;
	snprintf(req_addr, sizeof(req_addr), "%s", addr ? addr : "-");
}

void
log_request_user(long long user_id)
{
	req_user = user_id;
}

void
log_request_end(void)
{
	req_id = 0;
	req_user = 0;
	req_addr[0] = '\0';
}

static void
vlog(const char *level, const char *fmt, va_list ap)
{
	char		 ts[32], msg[1024];
	time_t		 t = time(NULL);
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (req_id != 0)
		fprintf(stderr, "%s tenantry[%d] %s req=%llu user=%lld addr=%s: %s\n",
		    ts, (int)getpid(), level, req_id, req_user, req_addr, msg);
	else
		fprintf(stderr, "%s tenantry[%d] %s: %s\n", ts, (int)getpid(),
		    level, msg);
}

void
log_warnx(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog("warn", fmt, ap);
	va_end(ap);
}

void
log_info(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog("info", fmt, ap);
	va_end(ap);
}
