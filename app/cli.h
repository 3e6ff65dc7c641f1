/*
 * cli: the shell subcommands besides serve: migrate, seed, user add,
 * ledger-check.
 */
#ifndef TENANTRY_CLI_H
#define TENANTRY_CLI_H

#include <stddef.h>
#include <stdint.h>

struct arena;

int	cli_migrate(const char *dir);
int	cli_seed(int32_t today);
int	cli_user_add(int argc, char *argv[]);
int	cli_operator_add(int argc, char *argv[]);
/* `tenantry ledger-check` (ledger_check.c): 0 equal, 1 differences, 2
 * error. */
int	cli_ledger_check(void);
/* tenantry usage import|traffic ... (usage_cli.c) */
int	cli_usage(int argc, char *argv[]);
/* usage rates (usage_cli.c), from cli_usage. */
int	cli_usage_rates(int argc, char *argv[]);
/* Today: TENANTRY_TODAY, else the local date. */
int32_t	cli_today(void);

/*
 * Demo data of the infrastructure features, called by cli_seed inside its
 * transaction. sites: the operator's site ids; occ: the demo occupier ids
 * in the order of seed.c's occupiers[] table (demo != 0, Northwind), or
 * just the other operator's occupier (demo == 0). 0 ok, -1 error.
 */
/* seed_telephony: the number pools, added before the demo's plans (whose
 * saves activate the voice lines' numbers); nocc: the number of demo
 * occupiers. */
int	seed_telephony(struct arena *, int64_t op, const int64_t *sites,
	    size_t nsites, size_t nocc, int demo, int32_t today);
/* Demo of usage billing (rate tables, allowances, tiers, the numbers'
 * holders, call records and traffic), after seed_telephony. */
int	seed_usage(int64_t op, const int64_t *sites, size_t nsites,
	    const int64_t *occ, size_t nocc, int demo, int32_t today);
/* Demo public IP pools (seed_ip_pools: before the demo's plans, which
 * take addresses from them) and devices (seed_devices: after them), in
 * seed_devices.c, through the operations, their contexts in arena a. */
int	seed_ip_pools(struct arena *a, int64_t op, const int64_t *sites,
	    size_t nsites, int demo, int32_t today);
int	seed_devices(struct arena *a, int64_t op, const int64_t *sites,
	    size_t nsites, const int64_t *occ, size_t nocc, int demo,
	    int32_t today);
/* The context the seed and the shell's commands run the operations with:
 * the system (no user, no address) acting for operator op on day today. */
struct ops_ctx;
void	seed_ctx(struct ops_ctx *, struct arena *, int64_t op, int32_t today);

/* Demo invoicing details (seed_billing.c), inside cli_seed's transaction:
 * op is Northwind, other_op Eastwind. 0 ok, -1 error. */
int	seed_billing(struct arena *, int32_t today, int64_t op,
	    int64_t other_op, const int64_t *occ, size_t nocc);

#endif
