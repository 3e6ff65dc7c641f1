/*
 * log: one line per event on stderr, with pid and the current request's
 * id, user and remote address (set by the front controller).
 */
#ifndef TENANTRY_LOG_H
#define TENANTRY_LOG_H

void	log_request_begin(unsigned long long id, const char *addr);
void	log_request_user(long long user_id);
void	log_request_end(void);
void	log_warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
