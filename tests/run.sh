#!/bin/sh
# tests/run.sh: every suite of `make test`, against a private stack on free
# ports with a throwaway database, ending in one summary line.
#   unit     tests/unit (cmocka), plain and under ASan+UBSan
#   fuzz     the committed corpus of tests/fuzz replayed through each driver
#   http     tests/http/*.test.mjs (node:test + fetch) through nginx+FastCGI+MariaDB
#   browser  tests/browser/*.test.mjs (playwright-core + Debian chromium)
#   verify   the fast subset of `make verify` (tests/verify/run.sh, VERIFY_FAST=1),
#            on a stack of its own
# SUITES="unit http" limits the run; the server under test is the ASan build.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
: "${SUITES:=unit fuzz http browser verify}"
OUT="$ROOT/tests/out"
mkdir -p "$OUT"
PASS=0
FAIL=0
FAILED_SUITES=""

count_cmocka() {	# file
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')
	PASS=$((PASS + p))
	FAIL=$((FAIL + f))
}

count_node() {		# file
	p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$1" | tail -1)
	f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$1" | tail -1)
	PASS=$((PASS + ${p:-0}))
	FAIL=$((FAIL + ${f:-0}))
}

suite_failed() {
	FAILED_SUITES="$FAILED_SUITES $1"
}

want() { case " $SUITES " in *" $1 "*) return 0 ;; esac; return 1; }

# Generated files never drift: the template names are regenerated from the
# templates and must equal the committed ones.
if want unit; then
	echo "== generated files"
	gen=$(mktemp -d)
	cp app/tpl/tpl_names.h app/tpl/tpl_names.inc "$gen"/
	if sh app/tpl/tplnames.sh templates "$gen" && cmp -s "$gen/tpl_names.h" app/tpl/tpl_names.h &&
	    cmp -s "$gen/tpl_names.inc" app/tpl/tpl_names.inc; then
		PASS=$((PASS + 1))
	else
		echo "generated: app/tpl/tpl_names.* differ from the templates (run make tplnames and commit)"
		FAIL=$((FAIL + 1))
		suite_failed generated
	fi
	rm -rf "$gen"
fi

if want unit; then
	echo "== unit (plain and ASan+UBSan)"
	: >"$OUT/unit.log"
	for t in build/unit/test_* build/unit-asan/test_*; do
		[ -x "$t" ] || continue
		if ! "$t" >>"$OUT/unit.log" 2>&1; then
			echo "unit: $t failed"
			suite_failed "$t"
			# A crash before cmocka's summary still counts as a failure.
			grep -q "FAILED" "$OUT/unit.log" || FAIL=$((FAIL + 1))
		fi
	done
	count_cmocka "$OUT/unit.log"
	grep -E "^\[  (FAILED|ERROR)  \]|runtime error|AddressSanitizer" "$OUT/unit.log" | head -20
fi

if want fuzz && [ -f tests/fuzz/replay.sh ]; then
	echo "== fuzz corpus replay"
	if sh tests/fuzz/replay.sh >"$OUT/fuzz.log" 2>&1; then
		n=$(grep -c '^ok ' "$OUT/fuzz.log")
		PASS=$((PASS + n))
	else
		FAIL=$((FAIL + 1))
		suite_failed fuzz
		tail -20 "$OUT/fuzz.log"
	fi
fi

need_stack=0
want http && need_stack=1
want browser && need_stack=1
if [ "$need_stack" = 1 ]; then
	if [ ! -d tests/node_modules/playwright-core ]; then
		echo "== npm install (tests/)"
		(cd tests && npm install --no-audit --no-fund --loglevel=error) || {
			echo "npm install failed" >&2; exit 1; }
	fi
	free_port() {
		node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
	}
	# Never touch a configured database: the tests get a throwaway one.
	unset TENANTRY_DB_HOST TENANTRY_DB_PORT TENANTRY_DB_SOCKET TENANTRY_DB_USER \
	    TENANTRY_DB_PASSWORD TENANTRY_DB_NAME TENANTRY_CONFIG
	PORT=$(free_port)
	VAR=$(mktemp -d /tmp/tenantry-test.XXXXXX)
	export PORT VAR
	# Pinned so that date-derived answers are exact (domain §2).
	export TENANTRY_TODAY="${TENANTRY_TODAY:-2026-02-16}"
	export TENANTRY_WORKERS="${TENANTRY_WORKERS:-4}"
	# The daily job only when a test runs `tenantry tick` (tests/http/tick.test.mjs).
	export TENANTRY_TICK_HOUR="${TENANTRY_TICK_HOUR:-24}"
	export TENANTRY_BIN="${TENANTRY_BIN:-$ROOT/build/asan/tenantry}"

	export ASAN_OPTIONS="detect_leaks=0:abort_on_error=0:halt_on_error=1"
	export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
	# A real SMTP server on loopback (tests/mail/sink.sh) is the relay.
	MAIL_SINK_PORT=$(free_port)
	MAIL_SINK_DIR="$VAR/mail-sink"
	export MAIL_SINK_PORT MAIL_SINK_DIR
	export TENANTRY_SMTP_URL="smtp://127.0.0.1:$MAIL_SINK_PORT"
	export TENANTRY_SMTP_TLS=off TENANTRY_MAIL_FROM="tenantry@northwind.example"
	export TENANTRY_MAIL_RETRY_SECONDS=1 TENANTRY_MAIL_MAX_ATTEMPTS=3 TENANTRY_MAIL_POLL_MS=200
	export TENANTRY_BASE_URL="http://127.0.0.1:$PORT"
	# Webhooks: tests/http/webhooks.test.mjs writes its receiver's
	# self-signed certificate here (the sender trusts it alone), and
	# retries come after a second.
	export TENANTRY_WEBHOOK_CA="$VAR/webhook-ca.pem"
	export TENANTRY_WEBHOOK_RETRY_SECONDS=1 TENANTRY_WEBHOOK_POLL_MS=200
	. "$ROOT/nginx/stack.sh"
	cleanup() {
		stack_stop
		sh "$ROOT/tests/mail/sink.sh" stop
		unset TENANTRY_SMTP_URL
		rm -rf "$VAR"
	}
	trap cleanup EXIT INT TERM
	echo "== starting the stack on 127.0.0.1:$PORT (data in $VAR)"
	if ! sh tests/mail/sink.sh start >"$OUT/stack.log" 2>&1 ||
	    ! stack_start >>"$OUT/stack.log" 2>&1; then
		cat "$OUT/stack.log"
		echo "tests: 0 passed, 1 failed"
		exit 1
	fi
	export BASE_URL="http://127.0.0.1:$PORT"
	# The schema the migrations built, against the committed snapshot.
	echo "== schema snapshot"
	if sh tests/schema.sh "$VAR/run/mariadb.sock" >"$OUT/schema.sql" 2>"$OUT/schema.err"; then
		if [ "${UPDATE_SCHEMA:-0}" = 1 ]; then
			cp "$OUT/schema.sql" sql/schema.sql
			echo "schema: sql/schema.sql rewritten"
		fi
		if cmp -s "$OUT/schema.sql" sql/schema.sql; then
			PASS=$((PASS + 1))
		else
			echo "schema: the migrations build another schema than sql/schema.sql:"
			diff -u sql/schema.sql "$OUT/schema.sql" | head -40
			echo "(a migration changed it: UPDATE_SCHEMA=1 SUITES=http sh tests/run.sh, then commit sql/schema.sql)"
			FAIL=$((FAIL + 1))
			suite_failed schema
		fi
	else
		cat "$OUT/schema.err"
		FAIL=$((FAIL + 1))
		suite_failed schema
	fi
	export TENANTRY_DB_SOCKET="$VAR/run/mariadb.sock"
	export TENANTRY_OUT="$OUT"
	for s in http browser; do
		want "$s" || continue
		ls tests/$s/*.test.mjs >/dev/null 2>&1 || continue
		echo "== $s"
		# ONLY="name ..." runs only tests/$s/<name>.test.mjs (a quicker look).
		files=tests/$s/
		if [ -n "${ONLY:-}" ]; then
			files=""
			for f in $ONLY; do
				[ -f "tests/$s/$f.test.mjs" ] && files="$files tests/$s/$f.test.mjs"
			done
			[ -z "$files" ] && continue
		fi
		# shellcheck disable=SC2086
		node --test --test-concurrency=1 --test-reporter=tap $files >"$OUT/$s.log" 2>&1
		rc=$?
		count_node "$OUT/$s.log"
		# What must hold after the whole suite, whatever its order.
		if [ "$s" = http ] && [ -z "${ONLY:-}" ]; then
			node --test --test-reporter=tap tests/http/after-suite.mjs >"$OUT/after-suite.log" 2>&1 || rc=1
			count_node "$OUT/after-suite.log"
			grep "^not ok" "$OUT/after-suite.log" >>"$OUT/$s.log"
		fi
		if [ $rc -ne 0 ]; then
			suite_failed "$s"
			grep -E "^not ok|# Subtest|error:|expected|actual" "$OUT/$s.log" | grep -B1 -A3 "not ok" | head -60
			grep -q "^# fail [1-9]" "$OUT/$s.log" || FAIL=$((FAIL + 1))
		fi
	done
	if grep -E "AddressSanitizer|runtime error:|LeakSanitizer" "$VAR/run/tenantry.log" >/dev/null 2>&1; then
		echo "sanitizer reports in the server log:"
		grep -E -A20 "AddressSanitizer|runtime error:" "$VAR/run/tenantry.log" | head -60
		FAIL=$((FAIL + 1))
		suite_failed sanitizers
	fi
	cp "$VAR/run/tenantry.log" "$OUT/tenantry.log" 2>/dev/null
fi

if want verify && [ -f tests/verify/run.sh ]; then
	# Its own stack: started after this one is stopped, so they never share.
	[ "$need_stack" = 1 ] && { trap - EXIT INT TERM; cleanup; }
	echo "== verify (fast subset)"
	VERIFY_FAST=1 sh tests/verify/run.sh >"$OUT/verify.log" 2>&1
	rc=$?
	grep -E "PASS|FAIL" "$OUT/verify.log" | grep -v "^verify:" | head -20
	p=$(sed -n 's/^verify: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' "$OUT/verify.log" | tail -1)
	f=$(sed -n 's/^verify: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' "$OUT/verify.log" | tail -1)
	PASS=$((PASS + ${p:-0}))
	FAIL=$((FAIL + ${f:-0}))
	if [ $rc -ne 0 ]; then
		suite_failed verify
		[ "${f:-0}" -gt 0 ] || FAIL=$((FAIL + 1))
	fi
fi

if [ -n "$FAILED_SUITES" ]; then
	echo "failed:$FAILED_SUITES (logs in tests/out/)"
fi
echo "tests: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ] && [ -z "$FAILED_SUITES" ]
