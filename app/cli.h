/*
 * cli: the shell subcommands besides serve: migrate, seed, user add.
 */
#ifndef TENANTRY_CLI_H
#define TENANTRY_CLI_H

#include <stdint.h>

int	cli_migrate(const char *dir);
int	cli_seed(int32_t today);
int	cli_user_add(int argc, char *argv[]);

#endif
