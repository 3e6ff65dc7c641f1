/*
 * migrate: apply sql/NNN_*.sql in name order, each once, recorded in
 * schema_migrations. Statements in a file are separated by ';' at the end
 * of a line; each is prepared and executed (no multi-statement queries).
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "log.h"
#include "store/db.h"

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
slurp(struct arena *a, const char *path, size_t *len)
{
	FILE	*f;
	long	 n;
	char	*p;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	p = arena_alloc(a, (size_t)n + 1);
	if (fread(p, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	p[n] = '\0';
	*len = (size_t)n;
	return p;
}

/* Run each ';'-at-end-of-line statement of sql; skip comment-only chunks. */
static int
apply(char *sql, size_t len)
{
	char	*s = sql, *end = sql + len, *p, *stmt_end;
	int	 only_comments;

	while (s < end) {
		for (p = s; p < end; p++)
			if (*p == ';' && (p + 1 == end || p[1] == '\n' ||
			    p[1] == '\r'))
				break;
		stmt_end = p;
		only_comments = 1;
		{
			char *q = s;
			while (q < stmt_end) {
				while (q < stmt_end && (*q == ' ' ||
				    *q == '\t' || *q == '\n' || *q == '\r'))
					q++;
				if (q + 1 < stmt_end && q[0] == '-' && q[1] == '-') {
					while (q < stmt_end && *q != '\n')
						q++;
					continue;
				}
				if (q < stmt_end)
					only_comments = 0;
				break;
			}
		}
		if (!only_comments &&
		    db_exec_migration_sql(s, (size_t)(stmt_end - s)) < 0)
			return -1;
		s = stmt_end + 1;
	}
	return 0;
}

int
cli_migrate(const char *dir)
{
	struct arena	*a;
	DIR		*dp;
	struct dirent	*de;
	char		**names = NULL, path[1024];
	size_t		 n = 0, cap = 0, i, len;
	struct dbres	 res;
	struct dbp	 p[1];
	int		 rc = 1, applied = 0;

	if (db_connect() < 0) {
		fprintf(stderr, "migrate: cannot connect to the database\n");
		return 1;
	}
	a = arena_new(1 << 16);
	if (db_exec(STMT_MIGRATIONS_CREATE, NULL, 0, NULL) < 0)
		goto out;
	if ((dp = opendir(dir)) == NULL) {
		fprintf(stderr, "migrate: cannot open %s\n", dir);
		goto out;
	}
	while ((de = readdir(dp)) != NULL) {
		size_t l = strlen(de->d_name);

		if (l < 5 || strcmp(de->d_name + l - 4, ".sql") != 0 ||
		    de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			names = arena_realloc(a, names, cap * sizeof(*names),
			    ncap * sizeof(*names));
			cap = ncap;
		}
		names[n++] = arena_strdup(a, de->d_name);
	}
	closedir(dp);
	if (n > 0)
		qsort(names, n, sizeof(*names), cmp);
	for (i = 0; i < n; i++) {
		char	*sql;

		p[0] = DBP_S(names[i]);
		if (db_query(a, STMT_MIGRATION_APPLIED, p, 1, &res) < 0)
			goto out;
		if (res.nrows > 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if ((sql = slurp(a, path, &len)) == NULL) {
			fprintf(stderr, "migrate: cannot read %s\n", path);
			goto out;
		}
		if (apply(sql, len) == -1) {
			fprintf(stderr, "migrate: %s failed\n", names[i]);
			goto out;
		}
		if (db_exec(STMT_MIGRATION_RECORD, p, 1, NULL) < 0)
			goto out;
		printf("migrate: applied %s\n", names[i]);
		applied++;
	}
	if (applied == 0)
		printf("migrate: up to date\n");
	rc = 0;
out:
	arena_free(a);
	db_close();
	return rc;
}
