/*
 * serve: the FastCGI master and its pre-forked workers.
 */
#ifndef TENANTRY_SERVE_H
#define TENANTRY_SERVE_H

int	serve_main(void);

#endif
