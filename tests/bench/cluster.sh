#!/bin/sh
# tests/bench/cluster.sh: `make bench-cluster`, what scaling out costs on
# this one machine. Two stacks from nginx/cluster.sh, started side by side
# and measured in turn (interleaved rounds, so both see the same machine):
#   single   1 app host + 1 MariaDB (no Galera)
#   galera   3 app hosts + 3 Galera nodes (wsrep_sync_wait = 1)
# with the same server settings, the same workers per host, the same
# transport (network namespaces when available) and the same data (the
# demo seed plus tests/bench/data.sh's generated occupiers and plans). For
# each: the Services tab (wrk -t2 -c64, GET through nginx's upstream),
# saves (tests/bench/save.lua, -t2 -c64: every save succeeds and changes two
# rows) and one client saving alone (-t1 -c1: the latency of a save, so the
# commit latency replication adds). On 2 cores three hosts and three nodes
# share the CPU that one host and one node had: this measures the cost of
# the cluster, not a gain. Loopback only; about 5 minutes.
#
# Besides requests a second, which move with whatever else runs on the
# machine, each run reports the CPU time all processes of the stack (nginx,
# serve masters and workers, mariadbd) spent per request.
#
# Settings: BENCH_DURATION (8 s), BENCH_ROUNDS (5), BENCH_CONNECTIONS (64),
# BENCH_THREADS (2), BENCH_OCCUPIERS (2000), TENANTRY_WORKERS (4 per host),
# TENANTRY_BIN (build/tenantry), BENCH_KEEP=1. The table goes to
# tests/bench/out/cluster.md, raw wrk output to tests/bench/out/raw/cluster.*.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
: "${BENCH_DURATION:=8}"
: "${BENCH_ROUNDS:=5}"
: "${BENCH_CONNECTIONS:=64}"
: "${BENCH_THREADS:=2}"
: "${BENCH_OCCUPIERS:=2000}"
NPLAN=129
T0=$(date +%s)
. "$ROOT/tests/bench/lib.sh"
. "$ROOT/tests/bench/data.sh"
OUT="$BENCH_DIR/out"
mkdir -p "$OUT/raw"
rm -f "$OUT"/raw/cluster.*
bench_deps
BIN_SRC="${TENANTRY_BIN:-$ROOT/build/tenantry}"
[ -x "$BIN_SRC" ] || bench_die "$BIN_SRC is missing: run make all"
unset TENANTRY_DB_HOST TENANTRY_DB_PORT TENANTRY_DB_SOCKET TENANTRY_DB_USER \
    TENANTRY_DB_PASSWORD TENANTRY_DB_NAME TENANTRY_CONFIG TENANTRY_LISTEN
BV=$(mktemp -d /tmp/tenantry-bench-cluster.XXXXXX)
chmod o+x "$BV"	# the nodes run as the mysql user
cp "$BIN_SRC" "$BV/tenantry"
export TENANTRY_BIN="$BV/tenantry"
export TENANTRY_TODAY TENANTRY_WORKERS
W="$BV/work"
mkdir -p "$W"
CONFIGS="single galera"

cleanup() {
	trap - EXIT INT TERM
	for x in $CONFIGS; do
		[ -f "$BV/$x/cluster/env" ] && VAR="$BV/$x" sh "$ROOT/nginx/cluster.sh" stop >>"$BV/stop.log" 2>&1
	done
	[ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$BV"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
	node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# use X: point lib.sh's helpers (bench_sql, bench_login) at config X's node 1.
use() {
	RUN="$BV/$1/cluster/db1"
	eval "PORT=\$PORT_$1"
	base="http://127.0.0.1:$PORT"
}

# ---- the two stacks ------------------------------------------------------------
for x in $CONFIGS; do
	p=$(free_port)
	eval "PORT_$x=$p"
	mkdir -p "$BV/$x"
	if [ $x = single ]; then
		set -- CLUSTER_GALERA=0 CLUSTER_NODES=1 CLUSTER_HOSTS=1
	else
		set -- CLUSTER_GALERA=1 CLUSTER_NODES=3 CLUSTER_HOSTS=3
	fi
	bench_say "bench-cluster: starting $x on 127.0.0.1:$p ($*)"
	env "$@" VAR="$BV/$x" PORT="$p" sh "$ROOT/nginx/cluster.sh" start >"$BV/$x.start.log" 2>&1 ||
		{ tail -20 "$BV/$x.start.log" >&2; bench_die "$x did not start"; }
	use $x
	existing=$(bench_sql tenantry "SELECT COUNT(*) FROM occupier o JOIN operator p ON p.id = o.operator_id WHERE p.name = 'Northwind Workspaces'")
	t=$(date +%s)
	bench_gen_sql "$BENCH_OCCUPIERS" "$NPLAN" "$TENANTRY_TODAY" "$existing" |
	    mariadb --no-defaults -S "$RUN/mariadb.sock" -u root tenantry >>"$BV/$x.data.log" 2>&1 ||
	    { tail -5 "$BV/$x.data.log" >&2; bench_die "data generation for $x failed"; }
	bench_say "bench-cluster: $x: $BENCH_OCCUPIERS occupiers in $(($(date +%s) - t)) s"
	LOGIN=$(bench_login "$PORT") || bench_die "cannot sign in ($x)"
	eval "TOKEN_$x=\${LOGIN% *} CSRF_$x=\${LOGIN#* }"
	KX=$(bench_sql tenantry "SELECT id FROM bench_site WHERE idx = 2")
	SO=$(bench_sql tenantry "SELECT id FROM bench_occ WHERE plan = 1")
	eval "SVC_$x=/occupiers/$SO/sites/$KX/services"
done
MODE=$(sed -n 's/^MODE=\([a-z]*\).*/\1/p' "$BV/galera/cluster/env")

# Every process of config X's stack.
stack_pids() {
	for f in "$BV/$1"/cluster/db*/launch.pid "$BV/$1"/cluster/app*.pid "$BV/$1"/cluster/nginx.launch.pid; do
		p=$(cat "$f" 2>/dev/null) || continue
		echo "$p"
		ps -o pid= --ppid "$p" 2>/dev/null
	done
}
jiffies() {	# utime + stime of the given pids
	for p in "$@"; do
		[ -r "/proc/$p/stat" ] && sed 's/.*) //' "/proc/$p/stat"
	done | awk '{ s += $12 + $13 } END { print s + 0 }'
}
CLK=$(getconf CLK_TCK)

# run_wrk X TARGET ROUND [SECONDS]: one wrk run against config X.
run_wrk() {
	x=$1 name=$2 round=$3 dur=${4:-$BENCH_DURATION}
	use "$x"
	eval "tok=\$TOKEN_$x csrf=\$CSRF_$x svc=\$SVC_$x"
	f="$OUT/raw/cluster.$x.$name.r$round.txt"
	pids=$(stack_pids "$x")
	# shellcheck disable=SC2086
	j0=$(jiffies $pids)
	case $name in
	services)
		wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"${dur}s" --timeout 10s --latency \
		    -H "Cookie: tn_session=$tok" "$base$svc" >"$f" 2>&1 ;;
	saves|save1)
		bench_plan_tsv tenantry "o.plan > 1" | bench_lua_data >"$W/save.$x.lua"
		if [ $name = saves ]; then set -- -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -- "$BENCH_THREADS"
		else set -- -t1 -c1 -- 1; fi
		a=$1 b=$2
		shift 2
		BENCH_SAVE_DATA="$W/save.$x.lua" BENCH_CSRF="$csrf" wrk "$a" "$b" -d"${dur}s" --timeout 10s \
		    --latency -H "Cookie: tn_session=$tok" -s "$BENCH_DIR/save.lua" "$base/" "$@" >"$f" 2>&1 ;;
	esac
	sleep 0.5	# requests still queued finish
	# shellcheck disable=SC2086
	j1=$(jiffies $pids)
	awk -v x="$x" -v name="$name" -v round="$round" -v cpu="$(((j1 - j0) * 1000000 / CLK))" '
	function ms(v) {
		if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
		if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
		if (v ~ /s$/) { sub(/s$/, "", v); return v * 1000 }
		return v + 0
	}
	/Requests\/sec:/ { rps = $2 }
	/requests in/ { reqs = $1 }
	/^ +Latency +[0-9.]/ { mean = ms($2) }
	/^ +50%/ { p50 = ms($2) }
	/^ +99%/ { p99 = ms($2) }
	/Non-2xx or 3xx responses:/ { bad += $NF }
	/Socket errors:/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
	/^SAVE / { for (i = 2; i <= NF; i++) { split($i, kv, "="); s[kv[1]] = kv[2] } }
	END {
		if (name != "services") bad = s["conflicts"] + s["other"] + s["lost"]
		if (reqs == 0) reqs = 1
		printf "%s\t%s\t%s\t%.0f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%.0f\n", x, name, round, rps, mean, p50, p99, bad, s["saved"] + 0, cpu / reqs
	}' "$f" >>"$W/results.tsv"
	tail -1 "$W/results.tsv" | awk -F'\t' '{ printf "  round %s %-7s %-8s %7d req/s  mean %7.2f ms  p50 %7.2f  p99 %8.2f  errors %d  CPU %d us/request\n", $3, $1, $2, $4, $5, $6, $7, $8, $10 }' >&2
}

: >"$W/results.tsv"
# Warm-up: 1 s of each target on each config (not counted).
for x in $CONFIGS; do
	for t in services saves; do
		run_wrk "$x" "$t" 0 1 2>/dev/null
	done
done
: >"$W/results.tsv"
r=1
while [ $r -le "$BENCH_ROUNDS" ]; do
	# Interleaved, the order of the configs swapped every round.
	order=$CONFIGS
	[ $((r % 2)) = 0 ] && order="galera single"
	for t in services saves save1; do
		for x in $order; do run_wrk "$x" "$t" "$r"; done
	done
	r=$((r + 1))
done

# Galera's own counters over the runs (every node).
GSTAT=""
i=1
while [ $i -le 3 ]; do
	s=$(mariadb --no-defaults -S "$BV/galera/cluster/db$i/mariadb.sock" -u root -N -B -e "SHOW GLOBAL STATUS WHERE Variable_name IN
	    ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts', 'wsrep_flow_control_paused', 'wsrep_replicated', 'wsrep_received',
	    'wsrep_evs_repl_latency')" |
	    awk '{ v[$1] = $2 } END { split(v["wsrep_evs_repl_latency"], l, "/");
	    printf "node: %d write sets replicated, %d received, %d certification failures, %d aborted by replication, flow control paused %.1f %% of the time, group replication latency avg %.2f ms (max %.2f ms)",
	    v["wsrep_replicated"], v["wsrep_received"], v["wsrep_local_cert_failures"], v["wsrep_local_bf_aborts"], v["wsrep_flow_control_paused"] * 100, l[2] * 1000, l[3] * 1000 }')
	GSTAT="$GSTAT
- node $i: ${s#node: }"
	i=$((i + 1))
done

median() {	# median CONFIG TARGET COLUMN
	awk -F'\t' -v x="$1" -v t="$2" -v c="$3" '$1 == x && $2 == t { print $c }' "$W/results.tsv" | sort -g |
	    awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
rounds() { awk -F'\t' -v x="$1" -v t="$2" '$1 == x && $2 == t { printf "%s%d", (k++ ? " / " : ""), $4 }' "$W/results.tsv"; }
errs() { awk -F'\t' -v x="$1" -v t="$2" '$1 == x && $2 == t { s += $8 } END { print s + 0 }' "$W/results.tsv"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
fmt() { awk -v v="$1" 'BEGIN { printf "%.0f", v }' | sed ':a;s/\B[0-9]\{3\}\>/ &/;ta'; }

{
	echo "# Scaling out on one machine: 1 host + 1 node vs 3 hosts + 3 Galera nodes"
	echo
	echo "$(date -u +%Y-%m-%d) at commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'); $(nproc) cores" \
	    "($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)); $MODE; ${TENANTRY_WORKERS} workers per host;" \
	    "$BENCH_OCCUPIERS occupiers; wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS, $BENCH_ROUNDS interleaved rounds of ${BENCH_DURATION} s; medians."
	echo
	echo "| | 1 host + 1 node | 3 hosts + 3 nodes | ratio |"
	echo "|---|---:|---:|---:|"
	for t in services saves; do
		case $t in services) l="Services tab, req/s" ;; saves) l="Saves (64 clients), saves/s" ;; esac
		a=$(median single $t 4) b=$(median galera $t 4)
		echo "| $l | $(fmt "$a") ($(rounds single $t)) | $(fmt "$b") ($(rounds galera $t)) | $(ratio "$b" "$a") |"
		a=$(median single $t 6) b=$(median galera $t 6)
		echo "| ... p50 ms | $a | $b | |"
		a=$(median single $t 7) b=$(median galera $t 7)
		echo "| ... p99 ms | $a | $b | |"
		a=$(median single $t 10) b=$(median galera $t 10)
		echo "| ... CPU µs a request, whole stack | $(fmt "$a") | $(fmt "$b") | $(ratio "$b" "$a") |"
	done
	a=$(median single save1 5) b=$(median galera save1 5)
	echo "| One client saving alone: mean ms a save | $a | $b | +$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b - a }') ms |"
	a=$(median single save1 6) b=$(median galera save1 6)
	echo "| ... p50 ms | $a | $b | +$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b - a }') ms |"
	a=$(median single save1 10) b=$(median galera save1 10)
	echo "| ... CPU µs a save, whole stack | $(fmt "$a") | $(fmt "$b") | $(ratio "$b" "$a") |"
	a=$(median single save1 4) b=$(median galera save1 4)
	echo "| ... saves/s | $(fmt "$a") | $(fmt "$b") | $(ratio "$b" "$a") |"
	echo "| Errors, conflicts or lost saves (all runs) | $(($(errs single services) + $(errs single saves) + $(errs single save1))) | $(($(errs galera services) + $(errs galera saves) + $(errs galera save1))) | |"
	echo
	echo "Galera over the runs:$GSTAT"
} >"$OUT/cluster.md"
cat "$OUT/cluster.md"
bench_say "bench-cluster: $(($(date +%s) - T0)) s"
