/*
 * stmt_list: every statement file, once. Include with X(name, sql) defined
 * (no include guard: stmt.h and db.c expand it several times).
 */
#include "sql_db.def"
#include "sql_auth.def"
#include "sql_occupier.def"
#include "sql_site.def"
#include "sql_contract.def"
#include "sql_service.def"
#include "sql_phone.def"
#include "sql_device.def"
#include "sql_case.def"
#include "sql_account.def"
#include "sql_seed.def"
#include "sql_mail.def"
#include "sql_ledger.def"
#include "sql_invoice.def"
#include "sql_usage.def"
#include "sql_tick.def"
#include "sql_estate.def"
#include "sql_twofactor.def"
