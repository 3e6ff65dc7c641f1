/*
 * front: the front controller. One route table; method (405) and route
 * (404) are checked before any database work, then session, role (403)
 * and CSRF on every POST (403), then the page handler runs.
 */
#ifndef TENANTRY_FRONT_H
#define TENANTRY_FRONT_H

struct req;

void	front_handle(struct req *);

#endif
