/*
 * stmt: the one statement table. Each store module lists its statements in
 * store/sql_<module>.def as X(STMT_NAME, "SQL"); this header turns them into
 * one enum, and db.c into the parallel string table.
 */
#ifndef TENANTRY_STMT_H
#define TENANTRY_STMT_H

enum stmt {
#define X(name, sql) name,
#include "stmt_list.h"
#undef X
	STMT__MAX
};

extern const char *const stmt_sql[STMT__MAX];
extern const char *const stmt_names[STMT__MAX];

#endif
