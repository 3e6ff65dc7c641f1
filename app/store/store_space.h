/*
 * store_space: floors, spaces and the spaces contracts hold
 * (ops/spaces.c). Inside the caller's transaction where it writes.
 * Return convention (db.h): <0 error (logged), 0 nothing found, >0 ok.
 */
#ifndef TENANTRY_STORE_SPACE_H
#define TENANTRY_STORE_SPACE_H

#include <stddef.h>
#include <stdint.h>

struct arena;

/* Another floor of site has name: 1, 0 no. */
int	 store_floor_taken(struct arena *, int64_t op, int64_t site,
	    const char *name);
/* A new floor of site: 1 (its id in *id), -1. */
int	 store_floor_insert(int64_t op, int64_t site, const char *name,
	    int64_t level, int64_t *id);

struct store_space {
	int64_t		 id, floor_id;
	const char	*name, *kind;
	int64_t		 capacity;
	int		 archived;
	const char	*ports;		/* labels, ", "-separated; "" none */
	const char	*holder;	/* "Occupier (REF)"; "" none (list only) */
	const char	*floor_name;	/* contract list only */
};

int	 store_space_list(struct arena *, int64_t op, int64_t site,
	    struct store_space **, size_t *);
/* Space id of site, locked: 1, 0 not op's or not site's. */
int	 store_space_get(struct arena *, int64_t op, int64_t site, int64_t id,
	    struct store_space *);
/* Another space of floor (not id) has name: 1, 0 no. */
int	 store_space_taken(struct arena *, int64_t op, int64_t floor,
	    const char *name, int64_t id);
/* Insert (s->id 0; *id the new one) or update space s of site. */
int	 store_space_put(int64_t op, int64_t site, const struct store_space *s,
	    int64_t *id);
/* Contracts that ever held space (*held) and ports in it (*ports). */
int	 store_space_in_use(struct arena *, int64_t op, int64_t id,
	    int64_t *held, int64_t *ports);
int	 store_space_archive(int64_t op, int64_t id);

int	 store_cspace_list(struct arena *, int64_t op, int64_t contract,
	    struct store_space **, size_t *);
/* Another contract meeting contract's dates holds space: 1 (*ref), 0. */
int	 store_cspace_held(struct arena *, int64_t op, int64_t contract,
	    int64_t space, const char **ref);
/* Link (1) or unlink (>0 removed, 0 it was not linked). */
int	 store_cspace_insert(int64_t op, int64_t contract, int64_t space);
int	 store_cspace_delete(int64_t op, int64_t contract, int64_t space);

/* Floor port id of site, locked: its label, space (0 none) and the
 * space's name ("" none). 1, 0 not op's or not site's. */
int	 store_pspace_get(struct arena *, int64_t op, int64_t site, int64_t id,
	    const char **label, int64_t *space, const char **space_name);
/* Put port id in space (0: in none). */
int	 store_pspace_set(int64_t op, int64_t id, int64_t space);

#endif
