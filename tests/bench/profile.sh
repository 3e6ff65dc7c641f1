#!/bin/sh
# tests/bench/profile.sh: profile pages of the benchmark on ONE worker
# (TENANTRY_WORKERS=1) against the same private stack and data as run.sh.
#   sh tests/bench/profile.sh [services] [save] [preview] [occ1] [occ500] [fortunes]
# PROFILE_TOOL=perf (default): under load (wrk -t1 -c8), perf samples the
#   worker (call graphs, DWARF) and mariadbd for PROFILE_SECONDS (8); prints
#   the top symbols of each.
# PROFILE_TOOL=callgrind: the worker runs under valgrind; after a warm-up the
#   counters are zeroed and PROFILE_REQUESTS (200) requests are made one at a
#   time; prints instructions per request and the top functions. Exact and
#   immune to other load on the machine (the app side only).
# Output: tests/bench/out/profile-*.txt (and the raw perf/callgrind files
# there when BENCH_KEEP=1).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
: "${PROFILE_TOOL:=perf}"
: "${PROFILE_SECONDS:=8}"
: "${PROFILE_REQUESTS:=200}"
: "${BENCH_OCCUPIERS:=20000}"
TENANTRY_WORKERS=1
. "$ROOT/tests/bench/lib.sh"
. "$ROOT/tests/bench/data.sh"
OUT="$BENCH_DIR/out"
mkdir -p "$OUT"
TARGETS=${*:-services save}

bench_deps
case $PROFILE_TOOL in
perf) command -v perf >/dev/null || bench_die "perf is missing (apt-get install linux-perf)" ;;
callgrind) command -v valgrind >/dev/null || bench_die "valgrind is missing (apt-get install valgrind)" ;;
*) bench_die "PROFILE_TOOL is perf or callgrind" ;;
esac
BIN_SRC="${TENANTRY_BIN:-$ROOT/build/tenantry}"
[ -x "$BIN_SRC" ] || bench_die "$BIN_SRC is missing: run make all"
unset TENANTRY_DB_HOST TENANTRY_DB_PORT TENANTRY_DB_SOCKET TENANTRY_DB_USER \
    TENANTRY_DB_PASSWORD TENANTRY_DB_NAME TENANTRY_CONFIG TENANTRY_LISTEN
PORT=$(bench_free_port)
PORT_SMALL=$(bench_free_port)
[ "$PORT_SMALL" = "$PORT" ] && PORT_SMALL=$((PORT + 1))
VAR=$(mktemp -d /tmp/tenantry-profile.XXXXXX)
export PORT VAR
RUN="$VAR/run"
mkdir -p "$RUN" "$VAR/work"
W="$VAR/work"
cp "$BIN_SRC" "$VAR/tenantry"
BIN="$VAR/tenantry"
export TENANTRY_BIN="$BIN"
STACK_PIDS=""
NGINX_PID="" PHP_PID="" APP_PID="" APP_SMALL_PID=""
_root=$ROOT
. "$ROOT/nginx/stack.sh"
ROOT=$_root
cleanup() {
	trap - EXIT INT TERM
	bench_stop >/dev/null 2>&1
	[ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$VAR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stack_db_start >>"$RUN/setup.log" 2>&1 || bench_die "MariaDB did not start"
bench_say "profile: generating the data set"
bench_db_setup tenantry "$BENCH_OCCUPIERS" 129 || bench_die "data generation failed"
bench_db_setup tenantry_small 200 1 || bench_die "data generation (small) failed"
bench_app_start
LOGIN=$(bench_login "$PORT") || bench_die "cannot sign in"
TOKEN=${LOGIN% *} CSRF=${LOGIN#* }
COOKIE="Cookie: tn_session=$TOKEN"
export BENCH_CSRF="$CSRF" BENCH_BODY_FILE="$W/preview.body" BENCH_SAVE_DATA="$W/save.lua"
KX=$(bench_sql tenantry "SELECT id FROM bench_site WHERE idx = 2")
SVC_OCC=$(bench_sql tenantry "SELECT id FROM bench_occ WHERE plan = 1")
base="http://127.0.0.1:$PORT"
SVC_URL="/occupiers/$SVC_OCC/sites/$KX/services"
MANAGE_URL="$SVC_URL/manage"
bench_plan_tsv tenantry "o.plan = 1" | bench_form_body "$CSRF" recalc now "&partial=1" >"$W/preview.body"

# cg_serve N TARGET: the serve master under callgrind (fork follows; only
# request handling is collected), N requests of TARGET, then a clean stop;
# CG_FILE is the worker's callgrind file.
cg_serve() {
	kill "$APP_PID" 2>/dev/null
	wait "$APP_PID" 2>/dev/null
	rm -f "$RUN"/callgrind.*.out
	TENANTRY_LISTEN="$RUN/tenantry.sock" TENANTRY_DB_NAME=tenantry \
	    valgrind --tool=callgrind --callgrind-out-file="$RUN/callgrind.%p.out" \
	    --collect-atstart=no --toggle-collect=front_handle --toggle-collect=http_serialize \
	    "$BIN" serve 2>>"$RUN/valgrind.log" &
	APP_PID=$!
	i=0
	until [ -n "$(bench_workers "$APP_PID")" ] && curl -fsS -o /dev/null "$base/healthz" 2>/dev/null; do
		i=$((i + 1)); [ $i -gt 300 ] && bench_die "serve under valgrind did not start"
		sleep 0.2
	done
	worker=$(bench_workers "$APP_PID" | head -1)
	i=0
	while [ $i -lt "$1" ]; do one_request "$2"; i=$((i + 1)); done
	kill "$APP_PID" 2>/dev/null
	wait "$APP_PID" 2>/dev/null
	CG_FILE="$RUN/callgrind.$worker.out"
}
cg_total() { sed -n 's/^summary: *//p; s/^totals: *//p' "$1" | head -1; }

# one_request NAME: one request of the target (saves alternate the plans).
one_request() {
	case $1 in
	services) curl -sS -o /dev/null -H "$COOKIE" "$base$SVC_URL" ;;
	preview) curl -sS -o /dev/null -H "$COOKIE" --data-binary "@$W/preview.body" "$base$MANAGE_URL" ;;
	occ1) curl -sS -o /dev/null -H "$COOKIE" "$base/occupiers?q=Ltd&page=1" ;;
	occ500) curl -sS -o /dev/null -H "$COOKIE" "$base/occupiers?q=Ltd&page=500" ;;
	fortunes) curl -sS -o /dev/null "$base/fortunes" ;;
	save)
		bench_plan_tsv tenantry "o.plan = 2" >"$W/one.tsv"
		bench_form_body "$CSRF" save next "" <"$W/one.tsv" >"$W/save.body"
		curl -sS -o /dev/null -H "$COOKIE" --data-binary "@$W/save.body" \
		    "$base/occupiers/$(head -1 "$W/one.tsv" | cut -f1)/sites/$KX/services/manage" ;;
	esac
}

wrk_args() {
	case $1 in
	services) echo "-H|$COOKIE|$base$SVC_URL" ;;
	preview) echo "-H|$COOKIE|-s|$BENCH_DIR/post.lua|$base$MANAGE_URL" ;;
	occ1) echo "-H|$COOKIE|$base/occupiers?q=Ltd&page=1" ;;
	occ500) echo "-H|$COOKIE|$base/occupiers?q=Ltd&page=500" ;;
	fortunes) echo "$base/fortunes" ;;
	save) echo "-H|$COOKIE|-s|$BENCH_DIR/save.lua|$base/|--|1" ;;
	esac
}

for t in $TARGETS; do
	rep="$OUT/profile-$PROFILE_TOOL-$t.txt"
	if [ "$PROFILE_TOOL" = callgrind ]; then
		# Two worker lifetimes, 10 and 10 + N requests: the difference is
		# N requests without the first requests' connect and prepares.
		cg_serve 10 "$t"
		ta=$(cg_total "$CG_FILE")
		cg_serve $((10 + PROFILE_REQUESTS)) "$t"
		b=$CG_FILE
		tb=$(cg_total "$b")
		{
			echo "# callgrind: $t on one worker, request handling only (front_handle + http_serialize)"
			echo "instructions per request: $(((tb - ta) / PROFILE_REQUESTS)) (($tb - $ta) / $PROFILE_REQUESTS)"
			echo "the listings below are of $((10 + PROFILE_REQUESTS)) requests, including the first requests' connect and prepares"
			echo
			echo "## self"
			callgrind_annotate --inclusive=no "$b" 2>/dev/null | sed -n '/^Ir/,$p' | head -45
			echo
			echo "## inclusive"
			callgrind_annotate --inclusive=yes "$b" 2>/dev/null | sed -n '/^Ir/,$p' | head -60
		} >"$rep"
		[ "${BENCH_KEEP:-0}" = 1 ] && cp "$b" "$OUT/callgrind-$t.out"
	else
		worker=$(bench_workers "$APP_PID" | head -1)
		if [ "$t" = save ]; then
			bench_plan_tsv tenantry "o.plan > 1" | bench_lua_data >"$BENCH_SAVE_DATA"
		fi
		old_ifs=$IFS
		IFS='|'
		# shellcheck disable=SC2046
		set -- $(wrk_args "$t")
		IFS=$old_ifs
		wrk -t1 -c8 -d$((PROFILE_SECONDS + 4))s --latency "$@" >"$W/wrk.txt" 2>&1 &
		wpid=$!
		sleep 2
		perf record -F 1999 --call-graph dwarf,16384 -p "$worker" -o "$W/worker.data" \
		    -- sleep "$PROFILE_SECONDS" >/dev/null 2>&1 &
		p1=$!
		perf record -F 999 -g -p "$DB_PID" -o "$W/db.data" -- sleep "$PROFILE_SECONDS" >/dev/null 2>&1 &
		p2=$!
		wait $p1 $p2 $wpid
		bench_drain
		{
			echo "# perf, $t on one worker under wrk -t1 -c8 ($PROFILE_SECONDS s sampled)"
			grep -E "Requests/sec|50%|99%" "$W/wrk.txt"
			echo
			echo "## worker: self time by symbol"
			perf report -i "$W/worker.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null |
			    grep -v '^#' | grep -E '^ +[0-9]' | sed 's/  *-  *-  *$//; s/ *$//' | head -45
			echo
			echo "## worker: inclusive time (children) by symbol"
			perf report -i "$W/worker.data" --children --sort symbol --stdio -g none 2>/dev/null |
			    grep -v '^#' | grep -E '^ +[0-9]' | sed 's/  *-  *-  *$//; s/ *$//' | head -60
			echo
			echo "## mariadbd: self time by symbol"
			perf report -i "$W/db.data" --no-children --sort symbol --stdio -g none 2>/dev/null |
			    grep -v '^#' | grep -E '^ +[0-9]' | sed 's/  *-  *-  *$//; s/ *$//' | head -45
			echo
			echo "## mariadbd: inclusive time by symbol"
			perf report -i "$W/db.data" --children --sort symbol --stdio -g none 2>/dev/null |
			    grep -v '^#' | grep -E '^ +[0-9]' | sed 's/  *-  *-  *$//; s/ *$//' | head -60
		} >"$rep"
		[ "${BENCH_KEEP:-0}" = 1 ] && cp "$W/worker.data" "$OUT/perf-$t-worker.data" &&
		    cp "$W/db.data" "$OUT/perf-$t-db.data"
	fi
	bench_say "profile: $t -> $rep"
done
