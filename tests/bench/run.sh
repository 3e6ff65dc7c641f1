#!/bin/sh
# tests/bench/run.sh: `make bench`. Bounded (< 10 minutes on 2
# cores), loopback only. Starts a private stack (tests/bench/lib.sh) with a
# generated data set (tests/bench/data.sh), runs wrk against the stack's
# limits, TechEmpower Fortunes (C and PHP-FPM) and the real pages,
# interleaved over rounds, and prints a table of medians, ratios to the
# limits measured in the same run, the issue's goals with PASS/FAIL, worker
# memory, the statements each page runs with their EXPLAIN, and CPU time per
# request of every component. The table also goes to tests/bench/out/latest.md.
#
# Settings (environment): BENCH_DURATION (8 s per run), BENCH_ROUNDS (3),
# BENCH_CONNECTIONS (64), BENCH_THREADS (2), BENCH_OCCUPIERS (20000),
# BENCH_SMALL (200), BENCH_TIMING (10 requests per page for the statement
# timings), TENANTRY_WORKERS (4), TENANTRY_BIN (build/tenantry; copied, so a
# rebuild during the run changes nothing), TENANTRY_TEMPLATES, TENANTRY_SQL_DIR,
# BENCH_KEEP=1 (keep the throwaway directory), BENCH_ONLY_SCREENS=1 (stop
# after the "every screen" table, tests/bench/screens.sh), BENCH_BUDGET (560 s: runs that
# would end later are skipped and named in the report, so the whole stays
# under 10 minutes), BENCH_STRICT=1 (exit 1 when a
# goal fails; by default only errors fail: the goals are reported, never
# asserted). Raw wrk output, results.tsv and statements.tsv go to
# tests/bench/out/ as well.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
: "${BENCH_DURATION:=8}"
: "${BENCH_ROUNDS:=3}"
: "${BENCH_CONNECTIONS:=64}"
: "${BENCH_THREADS:=2}"
: "${BENCH_OCCUPIERS:=20000}"
: "${BENCH_SMALL:=200}"
: "${BENCH_STRICT:=0}"
: "${BENCH_BUDGET:=560}"	# seconds: no run starts that could end after it
NPLAN=129	# plan occupiers: 1 for the Services tab + 2 x 64 for saves
T0=$(date +%s)

. "$ROOT/tests/bench/lib.sh"
. "$ROOT/tests/bench/data.sh"
OUT="$BENCH_DIR/out"
mkdir -p "$OUT/raw"
rm -f "$OUT"/raw/*.txt

bench_deps
BIN_SRC="${TENANTRY_BIN:-$ROOT/build/tenantry}"
[ -x "$BIN_SRC" ] || bench_die "$BIN_SRC is missing: run make all (make bench does)"

# Never touch a configured database: the benchmark gets a throwaway one.
unset TENANTRY_DB_HOST TENANTRY_DB_PORT TENANTRY_DB_SOCKET TENANTRY_DB_USER \
    TENANTRY_DB_PASSWORD TENANTRY_DB_NAME TENANTRY_CONFIG TENANTRY_LISTEN
PORT=$(bench_free_port)
PORT_SMALL=$(bench_free_port)
[ "$PORT_SMALL" = "$PORT" ] && PORT_SMALL=$((PORT + 1))
VAR=$(mktemp -d /tmp/tenantry-bench.XXXXXX)
export PORT VAR
RUN="$VAR/run"
mkdir -p "$RUN" "$VAR/work"
# A private copy: a rebuild of build/ during the run cannot change it.
cp "$BIN_SRC" "$VAR/tenantry"
BIN="$VAR/tenantry"
export TENANTRY_BIN="$BIN"
STACK_PIDS=""
NGINX_PID="" PHP_PID="" APP_PID="" APP_SMALL_PID=""
_root=$ROOT
. "$ROOT/nginx/stack.sh"	# stack_db_start / stack_db_stop (it sets ROOT from $0)
ROOT=$_root

cleanup() {
	trap - EXIT INT TERM
	bench_stop >/dev/null 2>&1
	[ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$VAR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

CLK=$(getconf CLK_TCK)
W="$VAR/work"

# ---- stack and data ------------------------------------------------------
bench_say "bench: private stack on 127.0.0.1:$PORT (small data: $PORT_SMALL), data in $VAR"
stack_db_start >>"$RUN/setup.log" 2>&1 || { cat "$RUN/setup.log" >&2; bench_die "MariaDB did not start"; }
bench_say "bench: generating $BENCH_OCCUPIERS occupiers (and $BENCH_SMALL for the small variant)"
t=$(date +%s)
bench_db_setup tenantry "$BENCH_OCCUPIERS" "$NPLAN" ||
	{ tail -20 "$RUN/setup.log" >&2; bench_die "data generation failed"; }
bench_db_setup tenantry_small "$BENCH_SMALL" 1 ||
	{ tail -20 "$RUN/setup.log" >&2; bench_die "data generation (small) failed"; }
GEN_SECONDS=$(($(date +%s) - t))
# The day's job first, as an operator's stack has run it each morning (the
# generated data ends contracts whose move-outs it performs): the serve
# masters run none of it while the figures are taken.
t=$(date +%s)
for db in tenantry tenantry_small; do
	TENANTRY_DB_NAME=$db "$BIN" tick >>"$RUN/setup.log" 2>&1 ||
	    { tail -20 "$RUN/setup.log" >&2; bench_die "tenantry tick ($db) failed"; }
done
TICK_SECONDS=$(($(date +%s) - t))
export TENANTRY_TICK_HOUR=24
# The general and slow logs are on while the checks and captures below run:
# MariaDB logs a prepared statement with its parameters only if a log was on
# when it was prepared, and each connection copies slow_query_log and
# long_query_time when it opens. The serve masters are restarted, logs off,
# before the measurements.
bench_sql mysql "SET GLOBAL log_output = 'TABLE'; SET GLOBAL general_log = 1; SET GLOBAL long_query_time = 0; SET GLOBAL slow_query_log = 1"
bench_app_start
LOGIN=$(bench_login "$PORT") || bench_die "cannot sign in"
LOGIN_SMALL=$(bench_login "$PORT_SMALL") || bench_die "cannot sign in (small)"
TOKEN=${LOGIN% *} CSRF=${LOGIN#* }
TOKEN_SMALL=${LOGIN_SMALL% *}
COOKIE="Cookie: tn_session=$TOKEN"
COOKIE_SMALL="Cookie: tn_session=$TOKEN_SMALL"
export BENCH_CSRF="$CSRF"

KX=$(bench_sql tenantry "SELECT id FROM bench_site WHERE idx = 2")
SVC_OCC=$(bench_sql tenantry "SELECT id FROM bench_occ WHERE plan = 1")
KX_S=$(bench_sql tenantry_small "SELECT id FROM bench_site WHERE idx = 2")
SVC_OCC_S=$(bench_sql tenantry_small "SELECT id FROM bench_occ WHERE plan = 1")
SVC_URL="/occupiers/$SVC_OCC/sites/$KX/services"
SVC_URL_S="/occupiers/$SVC_OCC_S/sites/$KX_S/services"
MANAGE_URL="/occupiers/$SVC_OCC/sites/$KX/services/manage"
NLTD=$(bench_sql tenantry_small "SELECT COUNT(*) FROM occupier o JOIN operator p ON p.id = o.operator_id WHERE p.name = 'Northwind Workspaces' AND o.name LIKE '%Ltd%'")
DEEP_S=$((NLTD / 25))	# the last full page of the same search at the small size
[ "$DEEP_S" -ge 1 ] || DEEP_S=1
base="http://127.0.0.1:$PORT"
base_s="http://127.0.0.1:$PORT_SMALL"

# An API key, made on its page as an operator admin makes one: the API's
# plan read and save are measured beside the Services tab and the
# dialog's save (the same occupier's plan; its saves are not counted with
# the wrk saves of the other plan occupiers).
APIKEY=$(curl -sS -H "$COOKIE" --data-urlencode "csrf=$CSRF" --data-urlencode "name=bench-$$" \
    --data-urlencode "scope=write" --data-urlencode "site_id=" "$base/settings/api-keys" |
    sed -n 's/.*id="new-key-value">\(tnt_[0-9a-f]*\)<.*/\1/p' | head -1)
[ -n "$APIKEY" ] || bench_die "cannot make an API key"
API_AUTH="Authorization: Bearer $APIKEY"
API_PLAN="/api/v1/occupiers/$SVC_OCC/sites/$KX/services"
API_N=0

# The static file: the Services tab's own bytes.
curl -fsS -H "$COOKIE" "$base$SVC_URL" >"$RUN/static/services.html" ||
	bench_die "the Services tab did not answer"
SVC_BYTES=$(wc -c <"$RUN/static/services.html")

# The preview body (current rows, as app.js posts while you type).
bench_plan_tsv tenantry "o.plan = 1" >"$W/svc.tsv"
bench_form_body "$CSRF" recalc now "&partial=1" <"$W/svc.tsv" >"$W/preview.body"
export BENCH_BODY_FILE="$W/preview.body"
export BENCH_SAVE_DATA="$W/save.lua"

# ---- checks: every target answers what it should ---------------------------
fail_check() { bench_say "bench: check failed: $*"; exit 1; }
get() {	# get BASE PATH [COOKIE] -> body in $W/body, status echoed
	if [ -n "${3:-}" ]; then
		curl -sS -o "$W/body" -w '%{http_code}' -H "$3" "$1$2"
	else
		curl -sS -o "$W/body" -w '%{http_code}' "$1$2"
	fi
}
count() { grep -o "$1" "$W/body" | wc -l | tr -d ' '; }

[ "$(get "$base" /bench/static.html)" = 200 ] && [ "$(wc -c <"$W/body")" = "$SVC_BYTES" ] ||
	fail_check "static file"
[ "$(get "$base" /healthz)" = 200 ] || fail_check "/healthz"
HEALTHZ_BYTES=$(wc -c <"$W/body")
[ "$(get "$base" /fortunes)" = 200 ] && [ "$(count '<tr><td>')" = 13 ] || fail_check "/fortunes"
cp "$W/body" "$W/fortunes.c.html"
[ "$(get "$base" /php/fortunes)" = 200 ] && [ "$(count '<tr><td>')" = 13 ] ||
	{ cat "$W/body" "$RUN/php-fpm.log" >&2; fail_check "/php/fortunes"; }
cp "$W/body" "$W/fortunes.php.html"
# ctemplate writes &#39; where htmlspecialchars writes &#039;: the same text.
if [ "$(sed "s/&#039;/\&#39;/g" "$W/fortunes.php.html")" = "$(cat "$W/fortunes.c.html")" ]; then
	FORTUNES_SAME="identical HTML (after &#039; = &#39;)"
else
	FORTUNES_SAME="DIFFERENT HTML"
fi
[ "$(get "$base" "/occupiers?q=Ltd&page=1" "$COOKIE")" = 200 ] &&
	[ "$(count '<tr><td data-label="Name"><a href="/occupiers/')" = 25 ] || fail_check "occupiers page 1"
OCC_PAGES=$(sed -n 's/.*Page [0-9]* of \([0-9]*\).*/\1/p' "$W/body" | head -1)
[ "$(get "$base" "/occupiers?q=Ltd&page=500" "$COOKIE")" = 200 ] &&
	[ "$(count '<tr><td data-label="Name"><a href="/occupiers/')" = 25 ] || fail_check "occupiers page 500"
[ "$(get "$base" "$SVC_URL" "$COOKIE")" = 200 ] || fail_check "Services tab"
FRACS=$(grep -o '<span class="frac">[0-9/]*' "$W/body" | sed 's/.*>//' | tr '\n' ' ')
SVC_ROWS=$(count 'class="badge')
[ "$(get "$base_s" "$SVC_URL_S" "$COOKIE_SMALL")" = 200 ] || fail_check "Services tab (small)"
[ "$(get "$base_s" "/occupiers?q=Ltd&page=$DEEP_S" "$COOKIE_SMALL")" = 200 ] &&
	[ "$(count '<tr><td data-label="Name"><a href="/occupiers/')" = 25 ] || fail_check "occupiers page $DEEP_S (small)"
st=$(curl -sS -o "$W/body" -w '%{http_code}' -H "$COOKIE" --data-binary "@$W/preview.body" "$base$MANAGE_URL")
[ "$st" = 200 ] && ! grep -q 'blocked-why' "$W/body" || { head -c 600 "$W/body" >&2; fail_check "preview ($st)"; }
PREVIEW_BYTES=$(wc -c <"$W/body")

# ---- statements per page (general log) and their EXPLAIN -------------------
# Each page is requested once with MariaDB's general log on: the log holds
# exactly the statements that request ran (prepares excluded: once per worker).
: >"$W/stmts.tsv"
# Then BENCH_TIMING requests of the page with the slow log at
# long_query_time=0 give each statement's server time and rows examined.
: "${BENCH_TIMING:=10}"
: >"$W/slow.tsv"
CHECK_SAVES=0
page_request() {	# page_request NAME: one request; body in $W/body, status in $W/status
	pg_name=$1
	case $1 in
	fortunes) set -- "$base/fortunes" ;;
	occ1) set -- -H "$COOKIE" "$base/occupiers?q=Ltd&page=1" ;;
	occ500) set -- -H "$COOKIE" "$base/occupiers?q=Ltd&page=500" ;;
	services) set -- -H "$COOKIE" "$base$SVC_URL" ;;
	preview) set -- -H "$COOKIE" --data-binary "@$W/preview.body" "$base$MANAGE_URL" ;;
	api_plan) set -- -H "$API_AUTH" "$base$API_PLAN" ;;
	api_save)	# the plan as read, its first price one minor unit up or back
		API_N=$((API_N + 1))
		node -e 'const p = JSON.parse(require("fs").readFileSync(0, "utf8")), n = +process.argv[1];
		    process.stdout.write(JSON.stringify({ rows: p.services.map((r, i) =>
			({ id: r.id, qty: r.qty, price: r.price + (i === 0 ? (n % 2 ? 1 : -1) : 0) })) }))' \
		    "$API_N" <"$W/api_plan.json" >"$W/api_save.json"
		# The version by SQL (its text names bench_occ: left out of the logs).
		V=$(bench_sql tenantry "SELECT p.version FROM occupier_site_plan p JOIN bench_occ o ON o.id = p.occupier_id WHERE o.plan = 1 AND p.site_id = $KX")
		set -- -X PUT -H "$API_AUTH" -H "If-Match: \"v$V\"" -H "Content-Type: application/json" \
		    --data-binary "@$W/api_save.json" "$base$API_PLAN" ;;
	save)	# a real save of the second plan occupier: the other plan each time
		bench_plan_tsv tenantry "o.plan = 2" >"$W/one.tsv"
		bench_form_body "$CSRF" save next "" <"$W/one.tsv" >"$W/save1.body"
		CHECK_SAVES=$((CHECK_SAVES + 1))
		set -- -H "$COOKIE" --data-binary "@$W/save1.body" \
		    "$base/occupiers/$(head -1 "$W/one.tsv" | cut -f1)/sites/$KX/services/manage" ;;
	esac
	curl -sS -o "$W/body" -w '%{http_code} %{time_total}' "$@" >"$W/st_t"
	cut -d' ' -f1 "$W/st_t" >"$W/status"
	printf '%s\t%s\n' "$pg_name" "$(cut -d' ' -f2 "$W/st_t")" >>"$W/times.tsv"
}
capture() {	# capture NAME: the statements of one request, in order
	bench_sql mysql "SET GLOBAL general_log = 0; TRUNCATE TABLE mysql.general_log; SET GLOBAL general_log = 1"
	page_request "$1"
	bench_sql mysql "SET GLOBAL general_log = 0"
	bench_sql mysql "SELECT command_type, REPLACE(REPLACE(CONVERT(argument USING utf8mb4), '\n', ' '), '\t', ' ') FROM mysql.general_log WHERE command_type IN ('Execute', 'Query') AND CONVERT(argument USING utf8mb4) NOT LIKE 'SET GLOBAL general_log%' AND CONVERT(argument USING utf8mb4) NOT LIKE '%bench_occ%' ORDER BY event_time" |
	    awk -v n="$1" 'BEGIN { FS = "\t" } { print n "\t" $1 "\t" $2 }' >>"$W/stmts.tsv"
}
timing() {	# timing NAME: server time of each statement over BENCH_TIMING requests
	bench_sql mysql "TRUNCATE TABLE mysql.slow_log"
	i=0
	while [ $i -lt "$BENCH_TIMING" ]; do page_request "$1"; i=$((i + 1)); done
	bench_sql mysql "SELECT TIME_TO_SEC(query_time) * 1000000, rows_examined, REPLACE(REPLACE(CONVERT(sql_text USING utf8mb4), '\n', ' '), '\t', ' ') FROM mysql.slow_log WHERE db = 'tenantry' AND CONVERT(sql_text USING utf8mb4) NOT LIKE '%bench_occ%'" |
	    awk -v n="$1" 'BEGIN { FS = "\t" } { print n "\t" $1 "\t" $2 "\t" $3 }' >>"$W/slow.tsv"
}
capture save
[ "$(cat "$W/status")" = 303 ] || { head -c 800 "$W/body" >&2; fail_check "save ($(cat "$W/status"))"; }
curl -fsS -H "$API_AUTH" "$base$API_PLAN" >"$W/api_plan.json" || fail_check "API plan read"
capture api_save
[ "$(cat "$W/status")" = 200 ] || { head -c 800 "$W/body" >&2; fail_check "API plan save ($(cat "$W/status"))"; }
for pg in fortunes occ1 occ500 services preview api_plan; do capture "$pg"; done
: >"$W/times.tsv"
for pg in fortunes occ1 occ500 services preview save api_plan api_save; do timing "$pg"; done
# Statements of an unchanged Services tab, as each response counts them in
# its Server-Timing header: the median of 20 requests one at a time (each
# worker reads the plan once, then answers from its page cache).
SVC_STMTS=$(i=0; while [ $i -lt 20 ]; do
	curl -sS -o /dev/null -D - -H "$COOKIE" "$base$SVC_URL" | sed -n 's/.*statements: \([0-9]*\).*/\1/p'
	i=$((i + 1)); done | sort -n | awk '{ a[NR] = $1 } END { print (NR ? a[int((NR + 1) / 2)] : "?") }')
bench_sql mysql "SET GLOBAL general_log = 0; SET GLOBAL slow_query_log = 0; SET GLOBAL long_query_time = 10; TRUNCATE TABLE mysql.general_log; TRUNCATE TABLE mysql.slow_log"
bench_serve_restart

# The "every screen" table (tests/bench/screens.sh), one request at a time.
. "$ROOT/tests/bench/screens.sh"
bench_say "bench: every screen, one request at a time"
screens_run >"$W/screens.md" || bench_say "bench: the every-screen part failed"
cp "$W/screens.md" "$OUT/screens.md"
if [ "${BENCH_ONLY_SCREENS:-0}" = 1 ]; then
	cat "$W/screens.md"
	exit 0
fi

# norm(): a statement's text without its literals (to match log entries).
NORM_AWK='function norm(x) { sub(/token_hash = .*/, "token_hash = ?", x); gsub(/\\./, "", x); gsub(/'"'"'[^'"'"']*'"'"'/, "?", x); gsub(/[0-9]+/, "N", x); gsub(/ +/, " ", x); return x }'

# ---- measurement helpers ----------------------------------------------------
jiffies() {	# sum of utime+stime of the given pids
	for p in "$@"; do
		[ -r "/proc/$p/stat" ] && sed 's/.*) //' "/proc/$p/stat"
	done | awk '{ s += $12 + $13 } END { print s + 0 }'
}
busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
child_seconds() {	# child_seconds FILE: CPU seconds of finished children in `times` output
	awk 'NR == 2 { n = split($0, a, " "); s = 0
	    for (i = 1; i <= n; i++) { split(a[i], b, "m"); sub(/s$/, "", b[2]); s += b[1] * 60 + b[2] }
	    print s }' "$1"
}
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
DB_PIDS=$DB_PID
nginx_pids() { echo "$NGINX_PID $(ps -o pid= --ppid "$NGINX_PID" | tr '\n' ' ')"; }
php_pids() { echo "$PHP_PID $(ps -o pid= --ppid "$PHP_PID" | tr '\n' ' ')"; }
app_pids() { echo "$APP_PID $(bench_workers "$APP_PID" | tr '\n' ' ')"; }
small_pids() { echo "$APP_SMALL_PID $(bench_workers "$APP_SMALL_PID" | tr '\n' ' ')"; }

rss_snapshot() {	# rss_snapshot LABEL: one line per worker of the main stack
	for p in $(bench_workers "$APP_PID"); do
		printf '%s\t%s\t%s\n' "$1" "$p" "$(rss_kib "$p")"
	done >>"$W/rss.tsv"
}

target_label() {
	case $1 in
	static) echo "nginx static file ($SVC_BYTES B, the Services tab's size)" ;;
	healthz) echo "FastCGI constant reply (/healthz, $HEALTHZ_BYTES B)" ;;
	fortunes) echo "Fortunes: Tenantry (C, ctemplate)" ;;
	php) echo "Fortunes: PHP-FPM (PDO)" ;;
	occ1) echo "Occupiers, search \"Ltd\", page 1" ;;
	occ500) echo "Occupiers, search \"Ltd\", page 500 of $OCC_PAGES" ;;
	services) echo "Services tab (12 services)" ;;
	preview) echo "Manage services preview (POST recalc)" ;;
	save) echo "Manage services save (POST save)" ;;
	s_services) echo "Services tab, $BENCH_SMALL occupiers" ;;
	s_occ1) echo "Occupiers page 1, $BENCH_SMALL occupiers" ;;
	s_occdeep) echo "Occupiers page $DEEP_S (last full), $BENCH_SMALL occupiers" ;;
	esac
}

# run_wrk NAME ROUND DURATION: one wrk run with CPU accounting.
run_wrk() {
	name=$1 round=$2 dur=$3
	small=0
	set -- -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"${dur}s" --timeout 10s --latency
	case $name in
	static) set -- "$@" "$base/bench/static.html" ;;
	healthz) set -- "$@" "$base/healthz" ;;
	fortunes) set -- "$@" "$base/fortunes" ;;
	php) set -- "$@" "$base/php/fortunes" ;;
	occ1) set -- "$@" -H "$COOKIE" "$base/occupiers?q=Ltd&page=1" ;;
	occ500) set -- "$@" -H "$COOKIE" "$base/occupiers?q=Ltd&page=500" ;;
	services) set -- "$@" -H "$COOKIE" "$base$SVC_URL" ;;
	preview) set -- "$@" -H "$COOKIE" -s "$BENCH_DIR/post.lua" "$base$MANAGE_URL" ;;
	save)
		bench_plan_tsv tenantry "o.plan > 1" | bench_lua_data >"$BENCH_SAVE_DATA"
		set -- "$@" -H "$COOKIE" -s "$BENCH_DIR/save.lua" "$base/" -- "$BENCH_THREADS" ;;
	s_services) small=1; set -- "$@" -H "$COOKIE_SMALL" "$base_s$SVC_URL_S" ;;
	s_occ1) small=1; set -- "$@" -H "$COOKIE_SMALL" "$base_s/occupiers?q=Ltd&page=1" ;;
	s_occdeep) small=1; set -- "$@" -H "$COOKIE_SMALL" "$base_s/occupiers?q=Ltd&page=$DEEP_S" ;;
	esac
	if [ $small = 1 ]; then apps=$(small_pids); else apps=$(app_pids); fi
	ng=$(nginx_pids) ph=$(php_pids)
	a0=$(jiffies $apps) d0=$(jiffies $DB_PIDS) n0=$(jiffies $ng) p0=$(jiffies $ph)
	o0=$(jiffies $(app_pids) $(small_pids) $DB_PIDS $ng $ph) b0=$(busy_jiffies)
	times >"$W/times0"	# not in $(...): a subshell has no children
	t0=$(date +%s%N)
	f="$OUT/raw/$name.r$round.txt"
	wrk "$@" >"$f" 2>&1
	times >"$W/times1"
	# Requests still queued when wrk stops finish before the CPU is read.
	bench_drain
	t1=$(date +%s%N)
	a1=$(jiffies $apps) d1=$(jiffies $DB_PIDS) n1=$(jiffies $ng) p1=$(jiffies $ph)
	o1=$(jiffies $(app_pids) $(small_pids) $DB_PIDS $ng $ph) b1=$(busy_jiffies)
	w0=$(child_seconds "$W/times0") w1=$(child_seconds "$W/times1")
	[ "$round" = 0 ] && return 0
	awk -v name="$name" -v round="$round" -v clk="$CLK" -v dur="$dur" \
	    -v a="$((a1 - a0))" -v d="$((d1 - d0))" -v n="$((n1 - n0))" -v p="$((p1 - p0))" \
	    -v ours="$((o1 - o0))" -v busy="$((b1 - b0))" -v w0="$w0" -v w1="$w1" -v wall="$(((t1 - t0) / 1000000))" '
	function ms(v) {
		if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
		if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
		if (v ~ /m$/) { sub(/m$/, "", v); return v * 60000 }
		if (v ~ /s$/) { sub(/s$/, "", v); return v * 1000 }
		return v + 0
	}
	/Requests\/sec:/ { rps = $2 }
	/^ +50%/ { p50 = ms($2) }
	/^ +99%/ { p99 = ms($2) }
	/requests in/ { reqs = $1 }
	/Non-2xx or 3xx responses:/ { bad += $NF }
	/Socket errors:/ { gsub(/,/, ""); bad += $4 + $6 + $8; tmo = $10 }
	/^SAVE / { for (i = 2; i <= NF; i++) { split($i, kv, "="); s[kv[1]] = kv[2] } }
	END {
		if (reqs == 0) reqs = 1
		us = 1e6 / clk / reqs
		wrk = (w1 - w0) * 1e6 / reqs
		# CPU of everything else on the machine, in cores, over the run.
		other = ((busy - ours) / clk - (w1 - w0)) / (wall / 1000)
		if (other < 0) other = 0
		printf "%s\t%s\t%.0f\t%.2f\t%.2f\t%d\t%d\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.2f\t%d\t%d\t%d\n",
		    name, round, rps, p50, p99, bad, reqs, a * us, d * us, n * us, p * us, wrk,
		    other, s["saved"] + 0, s["conflicts"] + s["other"] + s["lost"], tmo + 0
	}' "$f" >>"$W/results.tsv"
}

# ---- the runs -------------------------------------------------------------
TARGETS="static healthz fortunes php occ1 occ500 services preview save s_services s_occ1 s_occdeep"
NT=$(echo $TARGETS | wc -w)
: >"$W/results.tsv"
: >"$W/rss.tsv"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
rss_snapshot start
bench_say "bench: warm-up (1 s each), then $BENCH_ROUNDS rounds of $NT runs of ${BENCH_DURATION} s"
for t in $TARGETS; do run_wrk "$t" 0 1; done
bench_drain
rss_snapshot "after warm-up"
CUT=""
r=1
while [ $r -le "$BENCH_ROUNDS" ]; do
	# Interleaved; each round starts one target later than the previous.
	set -- $TARGETS
	i=1
	while [ $i -lt $r ] && [ $i -lt $NT ]; do
		set -- "$@" "$1"
		shift
		i=$((i + 1))
	done
	for t in "$@"; do
		if [ $(($(date +%s) - T0 + BENCH_DURATION + 20)) -gt "$BENCH_BUDGET" ]; then
			CUT="$CUT $t.r$r"
			continue
		fi
		run_wrk "$t" "$r" "$BENCH_DURATION"
		line=$(tail -1 "$W/results.tsv")
		bench_say "  round $r $(printf '%-10s' "$t") $(echo "$line" | awk -F'\t' '{ printf "%7d req/s  p50 %7.2f ms  p99 %8.2f ms  errors %d  timeouts %d  other load %.2f cores", $3, $4, $5, $6, $16, $13 }')"
	done
	rss_snapshot "after round $r"
	r=$((r + 1))
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- the bill run (tests/bench/billrun.sh) ----------------------------------
. "$ROOT/tests/bench/billrun.sh"
: >"$W/billrun.tsv"
bench_say "bench: bill runs of last month in arrears ($BENCH_SMALL, then $BENCH_OCCUPIERS occupiers)"
bench_billrun "$BENCH_SMALL" "$base_s" "$COOKIE_SMALL" "${LOGIN_SMALL#* }" "$APP_SMALL_PID" tenantry_small ||
	bench_die "the bill run ($BENCH_SMALL) failed"
bench_billrun "$BENCH_OCCUPIERS" "$base" "$COOKIE" "$CSRF" "$APP_PID" tenantry ||
	bench_die "the bill run ($BENCH_OCCUPIERS) failed"

# ---- durability check of the saves ------------------------------------------
SAVES_WRK=$(awk -F'\t' '$1 == "save" { s += $14 } END { print s + 0 }' "$W/results.tsv")
SAVES_BAD=$(awk -F'\t' '$1 == "save" { s += $15 } END { print s + 0 }' "$W/results.tsv")
SAVES_DB=$(bench_sql tenantry "SELECT SUM(p.version - 1) FROM occupier_site_plan p JOIN bench_occ o ON o.id = p.occupier_id WHERE o.plan > 1")
AUDIT_DB=$(bench_sql tenantry "SELECT COUNT(*) FROM audit_event a JOIN bench_occ o ON o.id = a.occupier_id WHERE o.plan > 1 AND a.entity = 'occupier_service' AND a.action = 'update'")
FLUSH=$(bench_sql mysql "SELECT @@innodb_flush_log_at_trx_commit")
WARM_SAVES=$(awk '/^SAVE/ { for (i = 2; i <= NF; i++) if ($i ~ /^saved=/) { sub(/saved=/, "", $i); s += $i } } END { print s + 0 }' "$OUT"/raw/save.r0.txt)

# fsync cost of this disk (what a durable commit waits for).
FSYNC_MS=$(dd if=/dev/zero of="$VAR/fsync.test" bs=4k count=200 oflag=dsync 2>&1 |
    awk '/copied/ { for (i = 1; i <= NF; i++) if ($i ~ /^s,?$/) t = $(i - 1); printf "%.2f", t * 1000 / 200 }')
rm -f "$VAR/fsync.test"

# ---- the report -------------------------------------------------------------
median() {	# median NAME COLUMN
	awk -F'\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$W/results.tsv" | sort -g |
	    awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
rounds() { awk -F'\t' -v n="$1" '$1 == n { printf "%s%d", (k++ ? " / " : ""), $3 }' "$W/results.tsv"; }
# per_round A B: the ratio A/B within each round (the two runs are close in time).
per_round() {
	awk -F'\t' -v a="$1" -v b="$2" '$1 == a { x[$2] = $3 } $1 == b { y[$2] = $3 }
	    END { for (r = 1; r in x; r++) printf "%s%.2f", (r > 1 ? " / " : ""), (y[r] > 0 ? x[r] / y[r] : 0) }' "$W/results.tsv"
}
errors() { awk -F'\t' -v n="$1" '$1 == n { s += $6; t += $16 } END { printf "%d%s", s, t ? " (+" t " timeouts)" : "" }' "$W/results.tsv"; }
STATIC=$(median static 3)
HEALTHZ=$(median healthz 3)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
GOALS_FAILED=0
goal() {	# goal TEXT MEASURED OK(0/1)
	if [ "$3" = 1 ]; then res=PASS; else res=FAIL; GOALS_FAILED=$((GOALS_FAILED + 1)); fi
	printf '| %s | %s | **%s** |\n' "$1" "$2" "$res"
}
ok() { if "$@"; then echo 1; else echo 0; fi; }

report() {
	cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
	mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
	rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
	dirty=$(git -C "$ROOT" status --porcelain -- app templates sql 2>/dev/null | wc -l | tr -d ' ')
	[ "$dirty" != 0 ] && rev="$rev + $dirty uncommitted file(s) in app/ templates/ sql/"
	rev="$rev (binary $BIN_SRC, sha256 $(sha256sum "$BIN" | cut -c1-12))"
	counts=$(bench_sql tenantry "SET @op := (SELECT id FROM operator WHERE name = 'Northwind Workspaces');
	    SELECT CONCAT_WS(' · ',
	     CONCAT((SELECT COUNT(*) FROM site WHERE operator_id = @op), ' sites'),
	     CONCAT((SELECT COUNT(*) FROM occupier WHERE operator_id = @op), ' occupiers'),
	     CONCAT((SELECT COUNT(*) FROM contract WHERE operator_id = @op), ' contracts'),
	     CONCAT((SELECT COUNT(*) FROM occupier_service WHERE operator_id = @op), ' occupier services'),
	     CONCAT((SELECT COUNT(*) FROM service WHERE operator_id = @op), ' catalog services'),
	     CONCAT((SELECT COUNT(*) FROM service_rule WHERE operator_id = @op), ' rules'),
	     CONCAT((SELECT COUNT(*) FROM phone_number WHERE operator_id = @op), ' phone numbers'),
	     CONCAT((SELECT COUNT(*) FROM device WHERE operator_id = @op), ' devices'),
	     CONCAT((SELECT COUNT(*) FROM public_ip WHERE operator_id = @op), ' public IPs'),
	     CONCAT((SELECT COUNT(*) FROM floor_port WHERE operator_id = @op), ' floor ports'))")
	counts_s=$(bench_sql tenantry_small "SET @op := (SELECT id FROM operator WHERE name = 'Northwind Workspaces');
	    SELECT CONCAT_WS(' · ',
	     CONCAT((SELECT COUNT(*) FROM occupier WHERE operator_id = @op), ' occupiers'),
	     CONCAT((SELECT COUNT(*) FROM contract WHERE operator_id = @op), ' contracts'),
	     CONCAT((SELECT COUNT(*) FROM occupier_service WHERE operator_id = @op), ' occupier services'),
	     CONCAT((SELECT COUNT(*) FROM phone_number WHERE operator_id = @op), ' phone numbers'),
	     CONCAT((SELECT COUNT(*) FROM device WHERE operator_id = @op), ' devices'))")

	echo "## Performance: \`make bench\`"
	echo
	echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') at $rev, on $(nproc) × $cpu_model, $mem RAM,"
	echo "Linux $(uname -r), $(. /etc/os-release && echo "$PRETTY_NAME"). nginx $(nginx -v 2>&1 | sed 's|.*/||'),"
	echo "MariaDB $(bench_sql mysql 'SELECT VERSION()' | cut -d- -f1), PHP $(php-fpm8.2 -v | head -1 | cut -d' ' -f2), wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)."
	echo "wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS, ${BENCH_DURATION} s per run, $BENCH_ROUNDS interleaved rounds (medians), loopback;"
	echo "$TENANTRY_WORKERS FastCGI workers, PHP-FPM pm = static with $TENANTRY_WORKERS children; innodb_flush_log_at_trx_commit=$FLUSH"
	echo "(one fsync on this disk: $FSYNC_MS ms). Load average $LOAD_START at the start, $LOAD_END at the end."
	echo
	[ -n "$CUT" ] && echo "**The time budget ($BENCH_BUDGET s) cut these runs:$CUT; their medians have fewer rounds.**" && echo
	echo "Data: $counts. Small variant: $counts_s. Generated in $GEN_SECONDS s; the day's \`tenantry tick\` then ran in $TICK_SECONDS s (none during the runs)."
	echo "The Services tab shows 12 services (all five fractions: $FRACS), $SVC_BYTES bytes."
	echo
	echo "**Absolute numbers move with whatever else runs on the machine: compare the ratios, which are measured"
	echo "in the same run.** \"Other load\" is CPU used by processes outside the benchmark during the runs (cores)."
	echo
	echo "| Target | req/s (median) | rounds | p50 ms | p99 ms | × static | × FastCGI | errors |"
	echo "|---|---:|---|---:|---:|---:|---:|---:|"
	for t in $TARGETS; do
		m=$(median "$t" 3)
		printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(target_label "$t")" "$m" "$(rounds "$t")" \
		    "$(median "$t" 4)" "$(median "$t" 5)" "$(ratio "$m" "$STATIC")" "$(ratio "$m" "$HEALTHZ")" "$(errors "$t")"
	done
	echo
	echo "CPU time per request (µs, medians), from /proc of each process: where a request's cost goes."
	echo
	echo "| Target | app workers | mariadbd | nginx | php-fpm | wrk (client) | sum | other load (cores) |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|"
	for t in $TARGETS; do
		a=$(median "$t" 8) d=$(median "$t" 9) n=$(median "$t" 10) p=$(median "$t" 11) w=$(median "$t" 12)
		printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(target_label "$t")" "$a" "$d" "$n" "$p" "$w" \
		    "$(awk -v a="$a" -v d="$d" -v n="$n" -v p="$p" -v w="$w" 'BEGIN { print a + d + n + p + w }')" "$(median "$t" 13)"
	done
	echo
	F=$(median fortunes 3) P=$(median php 3) S=$(median services 3) SP99=$(median services 5)
	V=$(median save 3) VP99=$(median save 5)
	SS=$(median s_services 3) O5=$(median occ500 3) OD=$(median s_occdeep 3)
	echo "### Goals"
	echo
	echo "| Goal | Measured | Result |"
	echo "|---|---|---|"
	goal "Fortunes ≥ 2 × PHP-FPM fortunes" "$(ratio "$F" "$P") × (per round $(per_round fortunes php))" "$(ok ge "$F" "$(awk -v p="$P" 'BEGIN { print 2 * p }')")"
	goal "Fortunes ≥ 0.55 × FastCGI hello" "$(ratio "$F" "$HEALTHZ") × (per round $(per_round fortunes healthz))" "$(ok ge "$F" "$(awk -v p="$HEALTHZ" 'BEGIN { print 0.55 * p }')")"
	SDB=$(median services 9) VDB=$(median save 9)
	goal "Services tab ≥ 0.35 × FastCGI hello" "$(ratio "$S" "$HEALTHZ") × (per round $(per_round services healthz))" "$(ok ge "$S" "$(awk -v p="$HEALTHZ" 'BEGIN { print 0.35 * p }')")"
	goal "Services tab p99 ≤ 25 ms at $BENCH_CONNECTIONS connections" "$SP99 ms" "$(ok le "$SP99" 25)"
	goal "Services tab: MariaDB CPU ≤ 120 µs a request" "$SDB µs" "$(ok le "$SDB" 120)"
	goal "Services tab: one statement a request when nothing changed" "median $SVC_STMTS statements (Server-Timing of 20 requests one at a time)" "$(ok le "$SVC_STMTS" 1)"
	goal "Saves ≥ 1 000/s" "$V/s" "$(ok ge "$V" 1000)"
	goal "Saves p99 ≤ 60 ms" "$VP99 ms" "$(ok le "$VP99" 60)"
	goal "Saves: MariaDB CPU ≤ 700 µs a save" "$VDB µs" "$(ok le "$VDB" 700)"
	durable=0
	[ "$FLUSH" = 1 ] && [ "$SAVES_BAD" = 0 ] && [ "$(errors save)" = 0 ] && [ "$AUDIT_DB" = $((2 * SAVES_DB)) ] &&
	    le "$((SAVES_WRK + WARM_SAVES + CHECK_SAVES))" "$SAVES_DB" && durable=1
	goal "Every save succeeds and is durable (flush_log_at_trx_commit=1)" "flush=$FLUSH; 303s seen by wrk: $SAVES_WRK (+$WARM_SAVES warm-up, +$CHECK_SAVES checks); committed: $SAVES_DB versions, $AUDIT_DB audit rows; refused: $SAVES_BAD" "$durable"
	goal "Services tab at $BENCH_OCCUPIERS within 1.2 × at $BENCH_SMALL occupiers" "$S vs $SS req/s ($(ratio "$SS" "$S") ×)" "$(ok le "$(ratio "$SS" "$S")" 1.2)"
	goal "Occupiers page 500 at $BENCH_OCCUPIERS within 1.2 × the last full page at $BENCH_SMALL" "$O5 vs $OD req/s ($(ratio "$OD" "$O5") ×)" "$(ok le "$(ratio "$OD" "$O5")" 1.2)"
	maxrss=$(awk -F'\t' '{ if ($3 > m) m = $3 } END { print m + 0 }' "$W/rss.tsv")
	growth=$(awk -F'\t' '$1 == "after round 1" { a[$2] = $3 } $1 ~ /^after round/ { l[$2] = $3 }
	    END { m = 0; for (p in a) if (l[p] - a[p] > m) m = l[p] - a[p]; print m }' "$W/rss.tsv")
	goal "Worker RSS ≤ 16 MiB each" "max $(awk -v k="$maxrss" 'BEGIN { printf "%.1f", k / 1024 }') MiB" "$(ok le "$maxrss" 16384)"
	goal "Worker RSS flat over the run (≤ 1 MiB growth after round 1)" "max growth $growth KiB" "$(ok le "$growth" 1024)"
	BR=$(awk -F'\t' -v n="$BENCH_OCCUPIERS" '$1 == n && $2 == "first" { print $3 }' "$W/billrun.tsv")
	BRN=$(awk -F'\t' -v n="$BENCH_OCCUPIERS" '$1 == n && $2 == "first" { print $5 " occupiers, " $6 " drafts, " $7 " lines" }' "$W/billrun.tsv")
	BRS=$(awk -F'\t' -v n="$BENCH_SMALL" '$1 == n && $2 == "first" { print $12 }' "$W/billrun.tsv")
	BRB=$(awk -F'\t' -v n="$BENCH_OCCUPIERS" '$1 == n && $2 == "first" { print $12 }' "$W/billrun.tsv")
	goal "Bill run of $BENCH_OCCUPIERS occupiers ≤ 5 s" "$BR s ($BRN)" "$(ok le "$BR" 5)"
	goal "Bill run: worker memory bounded (peak at $BENCH_OCCUPIERS within 4 MiB of the peak at $BENCH_SMALL, ≤ 16 MiB)" "peak $BRB KiB vs $BRS KiB" "$(ok le "$BRB" "$(awk -v s="$BRS" 'BEGIN { v = s + 4096; print (v < 16384 ? v : 16384) }')")"
	echo
	echo "Fortunes check: C and PHP answers are $FORTUNES_SAME."
	echo
	echo "### Bill run (last month, in arrears, all sites)"
	echo
	echo "Through the form, timed from the POST to the answer; \"again\": the same run once more, everything billed already."
	echo
	echo "| Occupiers | run | seconds | run's own time | occupiers | drafts | lines | net | worker RSS before → after (max) | worker peak (VmHWM) |"
	echo "|---:|---|---:|---:|---:|---:|---:|---:|---|---:|"
	awk -F'\t' '{ printf "| %s | %s | %.2f | %.2f s | %s | %s | %s | %.2f | %s → %s KiB | %s KiB |\n", $1, $2, $3, $4 / 1e6, $5, $6, $7, $8 / 100, $10, $11, $12 }' "$W/billrun.tsv"
	echo
	echo "### Worker memory (VmRSS, KiB)"
	echo
	echo '```'
	awk -F'\t' '{ if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } v[$1] = v[$1] sprintf(" %7d", $3) }
	    END { for (i = 1; i <= n; i++) printf "%-16s%s\n", order[i], v[order[i]] }' "$W/rss.tsv"
	echo "php-fpm children:$(for p in $(ps -o pid= --ppid "$PHP_PID"); do printf ' %7d' "$(rss_kib "$p")"; done)"
	echo '```'
	echo
	echo "### Statements per page and their EXPLAIN (the $BENCH_OCCUPIERS-occupier data)"
	echo
	echo "Captured with MariaDB's general log, one request each (prepares are once per worker and not counted)."
	echo
	# Median server time and rows examined of each statement, by its text
	# with the literals taken out.
	awk -F'\t' "$NORM_AWK"' { print $1 "\t" norm($4) "\t" $2 "\t" $3 }' "$W/slow.tsv" |
	    sort -t "$(printf '\t')" -k1,1 -k2,2 -k3,3g |
	    awk -F'\t' '{ k = $1 "\t" $2 } k != last { flush(); last = k; n = 0 } { t[++n] = $3; r[n] = $4 }
		function flush() { if (n) print last "\t" t[int((n + 1) / 2)] "\t" r[int((n + 1) / 2)] "\t" n }
		END { flush() }' >"$W/stmtstat.tsv"
	TOKEN_HASH=$(bench_sql tenantry "SELECT HEX(token_hash) FROM user_session ORDER BY id DESC LIMIT 1")
	api_side_by_side
	for pg in fortunes occ1 occ500 services preview save api_plan api_save; do
		n=$(awk -F'\t' -v p="$pg" '$1 == p' "$W/stmts.tsv" | wc -l | tr -d ' ')
		tot=$(awk -F'\t' -v p="$pg" "$NORM_AWK"'
		    FILENAME == ARGV[1] { if ($1 == p) us[$2] = $3; next }
		    $1 == p { s += us[norm($3)] } END { printf "%.0f", s }' "$W/stmtstat.tsv" "$W/stmts.tsv")
		echo "#### $pg: $n statements, $tot µs of server time"
		echo
		echo "(Server time and rows examined: medians of $BENCH_TIMING requests made one at a time, from the slow log at long_query_time=0.)"
		echo
		echo '```'
		awk -F'\t' -v p="$pg" '$1 == p { print $3 }' "$W/stmts.tsv" | while IFS= read -r q; do
			printf '%s\n' "$q" | awk -F'\t' -v p="$pg" -v f="$W/stmtstat.tsv" "$NORM_AWK"'
			    BEGIN { while ((getline l < f) > 0) { split(l, a, "\t"); if (a[1] == p) { us[a[2]] = a[3]; rows[a[2]] = a[4] } } }
			    { k = norm($0); printf "> [%s µs, %s rows examined] %s\n", (k in us ? sprintf("%.0f", us[k]) : "?"), (k in rows ? rows[k] : "?"), substr($0, 1, 200) }'
			case $(printf '%s' "$q" | tr 'a-z' 'A-Z' | sed 's/^ *//') in
			SELECT*|UPDATE*|DELETE*|"INSERT INTO"*SELECT*)
				# The session token is binary in the log: any 32 bytes do.
				q=$(printf '%s' "$q" | sed "s/token_hash = .*/token_hash = UNHEX('$TOKEN_HASH')/")
				bench_sql tenantry "EXPLAIN $q" 2>&1 | awk -F'\t' '
				    NF >= 10 { flag = ($4 == "ALL" || $10 ~ /filesort|temporary/) && $9 + 0 > 1000 ? "  <-- " : ""
				    printf "    %-3s %-18s %-10s %-7s %-24s rows=%-7s %s%s\n", $1, $2, $3, $4, $6, $9, $10, flag
				    next } { print "    " $0 }' ;;
			esac
		done
		echo '```'
		echo
	done
}

# The API's plan read and save beside the HTML page's, one request at a
# time on the same occupier's plan: statements, their server time, and the
# median time to the last byte of the BENCH_TIMING requests.
page_figures() {	# page_figures NAME: "statements server-µs median-ms"
	n=$(awk -F'\t' -v p="$1" '$1 == p' "$W/stmts.tsv" | wc -l | tr -d ' ')
	tot=$(awk -F'\t' -v p="$1" "$NORM_AWK"'
	    FILENAME == ARGV[1] { if ($1 == p) us[$2] = $3; next }
	    $1 == p { s += us[norm($3)] } END { printf "%.0f", s }' "$W/stmtstat.tsv" "$W/stmts.tsv")
	ms=$(awk -F'\t' -v p="$1" '$1 == p { print $2 * 1000 }' "$W/times.tsv" | sort -g |
	    awk '{ a[NR] = $1 } END { printf "%.1f", NR ? a[int((NR + 1) / 2)] : 0 }')
	echo "$n $tot $ms"
}
api_side_by_side() {
	echo "### The API beside the page (one request at a time, the same plan)"
	echo
	echo "| what | HTML: statements, server µs, ms | API: statements, server µs, ms |"
	echo "|---|---|---|"
	set -- $(page_figures services) $(page_figures api_plan)
	echo "| read the plan: Services tab / \`GET $API_PLAN\` | $1, $2, $3 | $4, $5, $6 |"
	set -- $(page_figures save) $(page_figures api_save)
	echo "| save the plan: the dialog's Save / \`PUT\` with If-Match | $1, $2, $3 | $4, $5, $6 |"
	echo
	echo "(Statements from the general log of one request each; server time from the slow log, medians of $BENCH_TIMING; ms: curl's time to the last byte, median of the same $BENCH_TIMING. The Services tab answers from its page cache after a worker's first read.)"
	echo
}

# Usage billing (tests/bench/usage.sh): its own section and goals.
. "$ROOT/tests/bench/usage.sh"
usage_bench || bench_say "bench: the usage billing part failed"

report >"$W/report.md"
[ -f "$W/usage.md" ] && cat "$W/usage.md" >>"$W/report.md"
[ -f "$W/screens.md" ] && { echo; cat "$W/screens.md"; } >>"$W/report.md"
cp "$W/report.md" "$OUT/latest.md"
cp "$W/results.tsv" "$OUT/results.tsv"
cp "$W/stmts.tsv" "$OUT/statements.tsv"
cp "$W/billrun.tsv" "$OUT/billrun.tsv"
cat "$W/report.md"
echo
echo "bench: $(awk -F'\t' '{ s += $6 } END { print s + 0 }' "$W/results.tsv") errors, $(awk -F'\t' '{ s += $16 } END { print s + 0 }' "$W/results.tsv") timeouts (> 10 s); $GOALS_FAILED goal(s) not met; $(($(date +%s) - T0)) s; table in tests/bench/out/latest.md"
if [ "$(awk -F'\t' '{ s += $6 } END { print s + 0 }' "$W/results.tsv")" != 0 ]; then
	exit 1
fi
[ "$BENCH_STRICT" = 1 ] && [ "$GOALS_FAILED" != 0 ] && exit 1
exit 0
