#!/bin/sh
# tests/verify/run.sh: `make verify` (issue 7, "Proof under fire"). Proves
# with figures that Tenantry keeps working under load, faults and hostile
# input, against ONE private stack (free port, throwaway data under /tmp,
# MariaDB with innodb_flush_log_at_trx_commit=1, TENANTRY_TODAY pinned),
# traffic to 127.0.0.1 only. One line per check with its figures and
# PASS/FAIL, then "verify: N passed, M failed"; exit status 1 on a failure.
#
#   fuzz           libFuzzer drivers, 60 s each under ASan+UBSan (fast: replay)
#   sanitizers     the HTTP suite against the ASan+UBSan server: 0 reports
#                  (fast: the leaks request mix against it instead)
#   lost-updates   16 clients × 200 conflicting saves (fast: 4 × 25)
#   db-faults      MariaDB SIGKILLed 20 times under saves (fast: 2)
#   worker-faults  a worker SIGKILLed every 2 s for 40 s (fast: 3 kills)
#   security       the security matrix (sessions, CSRF, throttling, login
#                  flood, foreign ids, XSS/SQLi, headers, 413, slow clients)
#   leaks          10 000 requests to one worker under valgrind: 0 bytes lost;
#                  worker RSS after 100 000 requests within 5 % of RSS after
#                  1 000 (fast: 500 under valgrind; 2 000 vs 20 000)
#
# Settings: VERIFY_FAST=1 (the subset `make test` runs, < 2 min),
# VERIFY_ONLY="lost-updates faults" (names above; "faults" = both fault
# checks), VERIFY_KEEP=1 (keep the data directory). Details of every check
# go to tests/out/verify/<check>.log. Every step is capped in time
# (`timeout`) and every loop in count; the whole run stays under 20 min.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
FAST=${VERIFY_FAST:-0}
[ "$FAST" = 1 ] || FAST=0
ONLY=${VERIFY_ONLY:-}
OUT="$ROOT/tests/out/verify"
HERE="$ROOT/tests/verify"
ALL="fuzz sanitizers lost-updates db-faults worker-faults security leaks"
T0=$(date +%s)
PASSN=0
FAILN=0

for w in $ONLY; do
	case " $ALL faults all " in
	*" $w "*) ;;
	*) echo "verify: unknown check \"$w\" (checks: $ALL; faults = db-faults worker-faults)" >&2; exit 2 ;;
	esac
done

want() {
	[ -z "$ONLY" ] && return 0
	for w in $ONLY; do
		[ "$w" = "$1" ] || [ "$w" = all ] && return 0
		[ "$w" = faults ] && { [ "$1" = db-faults ] || [ "$1" = worker-faults ]; } && return 0
	done
	return 1
}

mkdir -p "$OUT"
for c in $ALL stack; do rm -f "$OUT/$c.log"; done
rm -f "$OUT/summary.txt"
mode="full"
[ "$FAST" = 1 ] && mode="fast"
echo "== verify ($mode): $(echo $ALL | tr ' ' '\n' | while read -r c; do want "$c" && printf '%s ' "$c"; done)"

elapsed() { echo $(($(date +%s) - T0)); }

# verdict LINE PASS|FAIL: print a result line and count it.
LAST_T=$T0
TIMES=""
verdict() {
	printf '%s\n' "$1" | tee -a "$OUT/summary.txt"
	if [ "$2" = PASS ]; then PASSN=$((PASSN + 1)); else FAILN=$((FAILN + 1)); fi
	now=$(date +%s)
	TIMES="$TIMES${TIMES:+, }${1%%:*} $((now - LAST_T))"
	LAST_T=$now
}

# result CHECK RC: the "VERIFY check: ..." line of tests/out/verify/CHECK.log.
result() {
	line=$(sed -n 's/^VERIFY //p' "$OUT/$1.log" | tail -1)
	if [ -z "$line" ]; then
		why="exit $2"
		[ "$2" = 124 ] && why="timed out"
		verdict "$1: no result ($why; see tests/out/verify/$1.log) — FAIL" FAIL
		tail -5 "$OUT/$1.log" | sed 's/^/    /'
		return
	fi
	case $line in
	*" — PASS") [ "$2" = 0 ] && { verdict "$line" PASS; return; } ;;
	esac
	verdict "$line" FAIL
}

# ---- the stack ------------------------------------------------------------------

# Never a configured database: a throwaway one (as tests/run.sh).
unset TENANTRY_DB_HOST TENANTRY_DB_PORT TENANTRY_DB_SOCKET TENANTRY_DB_USER \
    TENANTRY_DB_PASSWORD TENANTRY_DB_NAME TENANTRY_CONFIG TENANTRY_LISTEN
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
VAR=$(mktemp -d /tmp/tenantry-verify.XXXXXX)
export PORT VAR
export TENANTRY_TODAY=2026-02-16
export TENANTRY_HASH_SLOTS=2
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=0:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
. "$ROOT/nginx/stack.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)	# stack.sh guessed from $0
RUN="$VAR/run"
export BASE_URL="http://127.0.0.1:$PORT"
export TENANTRY_OUT="$OUT"
APP_CONF=""
FUZZ_PID=""

cleanup() {
	[ -n "$FUZZ_PID" ] && kill "$FUZZ_PID" 2>/dev/null
	stack_stop >>"$OUT/stack.log" 2>&1
	if [ "${VERIFY_KEEP:-0}" = 1 ]; then
		echo "verify: data kept in $VAR"
	else
		rm -rf "$VAR"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db_up() {
	[ -n "${DB_PID:-}" ] && return 0
	if [ -d "$VAR/db/mysql" ]; then
		stack_db_start >>"$OUT/stack.log" 2>&1 || return 1
	else
		# mariadb-install-db can fail on a busy machine: once more.
		stack_db_start >>"$OUT/stack.log" 2>&1 || {
			stack_db_stop
			rm -rf "$VAR/db"
			stack_db_start >>"$OUT/stack.log" 2>&1
		} || return 1
	fi
	export TENANTRY_DB_SOCKET="$RUN/mariadb.sock"
}

# app_up BUILD WORKERS: the FastCGI master with BUILD (plain, asan or
# valgrind) and WORKERS workers behind nginx, restarted if it differs.
app_up() {
	[ "$APP_CONF" = "$1/$2" ] && kill -0 "$APP_PID" 2>/dev/null && return 0
	db_up || return 1
	[ -n "$APP_CONF" ] && stack_app_stop >>"$OUT/stack.log" 2>&1
	APP_CONF=""
	case $1 in
	plain) BIN="$ROOT/build/tenantry" ;;
	asan) BIN="$ROOT/build/asan/tenantry" ;;
	valgrind)
		BIN="$VAR/tenantry-valgrind"
		cat >"$BIN" <<EOF
#!/bin/sh
# serve under valgrind (workers are forked, so each gets its own log)
[ "\$1" = serve ] && exec valgrind --leak-check=full --show-leak-kinds=definite,indirect \\
    --errors-for-leak-kinds=definite,indirect --num-callers=30 \\
    --log-file="$RUN/valgrind.%p.log" "$ROOT/build/tenantry" "\$@"
exec "$ROOT/build/tenantry" "\$@"
EOF
		chmod +x "$BIN"
		;;
	esac
	[ -x "$BIN" ] || { echo "verify: $BIN is missing (make all asan)" >>"$OUT/stack.log"; return 1; }
	export TENANTRY_WORKERS="$2"
	echo "== app: $1, $2 workers ($(elapsed) s)" >>"$OUT/stack.log"
	if ! stack_app_start >>"$OUT/stack.log" 2>&1; then
		# Under valgrind the first answer may come after stack.sh's 10 s.
		kill -0 "${APP_PID:-0}" 2>/dev/null && kill -0 "${NGINX_PID:-0}" 2>/dev/null || return 1
	fi
	i=0
	until curl -fsS -o /dev/null "$BASE_URL/healthz" 2>/dev/null; do
		[ $i -gt 150 ] && return 1
		sleep 0.2; i=$((i + 1))
	done
	export APP_PID TENANTRY_LISTEN
	APP_CONF="$1/$2"
}

# Log offsets, so that a check counts only what the server wrote meanwhile.
mark_log() {
	export VERIFY_LOG="$RUN/tenantry.log"
	VERIFY_LOG_OFFSET=$(wc -c <"$VERIFY_LOG" 2>/dev/null || echo 0)
	export VERIFY_LOG_OFFSET
}

# check NAME SECONDS BUILD WORKERS CMD...: run one node check on the stack.
check() {
	name=$1 secs=$2 build=$3 workers=$4
	shift 4
	if ! app_up "$build" "$workers"; then
		verdict "$name: the stack did not start (see tests/out/verify/stack.log) — FAIL" FAIL
		return
	fi
	mark_log
	timeout "$secs" "$@" >"$OUT/$name.log" 2>&1
	result "$name" $?
}

need_node_modules() {
	[ -d tests/node_modules/playwright-core ] && return 0
	(cd tests && npm install --no-audit --no-fund --loglevel=error) >>"$OUT/stack.log" 2>&1
}

# ---- 1. fuzzing -------------------------------------------------------------------

fuzz_result() {	# RC
	log="$OUT/fuzz.log"
	drivers=$(grep -c -E '^(ok |FAIL |fuzz_)' "$log")
	leaks=$(cat build/fuzz/*.run.log build/fuzz/*.replay.log 2>/dev/null | grep -c "ERROR: LeakSanitizer")
	if [ "$FAST" = 1 ]; then
		inputs=$(sed -n 's/^ok [^ ]* \([0-9]*\) inputs/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
		bad=$(grep -c '^FAIL' "$log")
		st=FAIL
		[ "$1" = 0 ] && [ "$bad" = 0 ] && [ "$drivers" -gt 0 ] && st=PASS
		verdict "fuzz: corpus replay under ASan+UBSan, $drivers drivers, $inputs inputs, $bad crashes, $leaks leaks (full mode fuzzes each driver 60 s) — $st" $st
		return
	fi
	total=$(awk '/^fuzz_/ {s+=$2} END {print s+0}' "$log")
	crashes=$(sed -n 's/^fuzz: \([0-9]*\) crashes/\1/p' "$log")
	per=$(awk '/^fuzz_/ {printf "%s%s %s", sep, $1, $2; sep=", "}' "$log")
	st=FAIL
	[ "$1" = 0 ] && [ "${crashes:-1}" = 0 ] && [ "$leaks" = 0 ] && [ "$drivers" -gt 0 ] && st=PASS
	verdict "fuzz: $drivers drivers × ${FUZZ_SECS}s under ASan+UBSan, $total executions ($per), ${crashes:-?} crashes, $leaks leaks — $st" $st
}

FUZZ_SECS=60
fuzz_start() {	# in the background during the leaks check (CPU-bound, not timing-sensitive)
	: >"$OUT/fuzz.log"
	if [ "$FAST" = 1 ]; then
		env -u ASAN_OPTIONS -u UBSAN_OPTIONS timeout 300 sh tests/fuzz/replay.sh >"$OUT/fuzz.log" 2>&1
		fuzz_result $?
		return
	fi
	(env -u ASAN_OPTIONS -u UBSAN_OPTIONS timeout $((FUZZ_SECS * 12 + 240)) \
	    sh tests/fuzz/run.sh "$FUZZ_SECS" >"$OUT/fuzz.log" 2>&1; echo $? >"$OUT/fuzz.rc") &
	FUZZ_PID=$!
}
fuzz_wait() {
	[ -z "$FUZZ_PID" ] && return
	wait "$FUZZ_PID"
	FUZZ_PID=""
	fuzz_result "$(cat "$OUT/fuzz.rc" 2>/dev/null || echo 1)"
}

# Fast: the replay, now. Full: 60 s per driver, in the background of the
# leaks check if it runs (CPU-bound, not timing-sensitive), else now.
if want fuzz; then
	if [ "$FAST" = 1 ]; then
		fuzz_start
	elif ! want leaks; then
		fuzz_start
		fuzz_wait
	fi
fi

# ---- 2. sanitizers (full: the HTTP suite on the fresh database) --------------------

need_node_modules
if want sanitizers && [ "$FAST" = 0 ]; then
	if app_up asan 4; then
		mark_log
		timeout 600 node --test --test-concurrency=1 --test-reporter=tap tests/http/ >"$OUT/sanitizers.log" 2>&1
		rc=$?
		p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$OUT/sanitizers.log" | tail -1)
		f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$OUT/sanitizers.log" | tail -1)
		reports=$(tail -c +$((VERIFY_LOG_OFFSET + 1)) "$VERIFY_LOG" | grep -c -E "ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:")
		failing=$(sed -n 's/^not ok [0-9]* - //p' "$OUT/sanitizers.log" | head -5 | tr '\n' ';' | sed 's/;$//; s/;/; /g')
		st=FAIL
		[ "$rc" = 0 ] && [ "${f:-1}" = 0 ] && [ "$reports" = 0 ] && st=PASS
		verdict "sanitizers: HTTP suite against the ASan+UBSan server: ${p:-0} passed, ${f:-?} failed${failing:+ ($failing)}, $reports sanitizer reports — $st" $st
	else
		verdict "sanitizers: the stack did not start (see tests/out/verify/stack.log) — FAIL" FAIL
	fi
fi

# ---- 4. lost updates --------------------------------------------------------------

if want lost-updates; then
	if [ "$FAST" = 1 ]; then
		check lost-updates 90 asan 4 node "$HERE/lost_updates.mjs" 4 25
	else
		check lost-updates 330 asan 4 node "$HERE/lost_updates.mjs" 16 200
	fi
fi

# ---- 5. database faults -------------------------------------------------------------

progress() {	# DIR: acknowledged saves so far (db_faults.mjs writes it)
	p=$(cat "$1/progress" 2>/dev/null)
	case $p in ''|*[!0-9]*) p=0 ;; esac
	echo "$p"
}

db_faults() {
	kills=20 clients=6 cap=360
	[ "$FAST" = 1 ] && kills=2 clients=3 cap=75
	if ! app_up asan 4; then
		verdict "db-faults: the stack did not start (see tests/out/verify/stack.log) — FAIL" FAIL
		return
	fi
	mark_log
	d="$VAR/dbf"
	rm -rf "$d"
	mkdir -p "$d"
	DB_KILLS=$kills timeout $((cap + 60)) node "$HERE/db_faults.mjs" "$d" "$clients" >"$OUT/db-faults.log" 2>&1 &
	np=$!
	end=$(($(date +%s) + cap))
	i=0
	while [ ! -f "$d/ready" ] && kill -0 "$np" 2>/dev/null && [ $i -lt 600 ]; do sleep 0.2; i=$((i + 1)); done
	k=0
	while [ $k -lt $kills ] && [ -f "$d/ready" ] && kill -0 "$np" 2>/dev/null && [ "$(date +%s)" -lt "$end" ]; do
		# Kill while saves are flowing: 3 more acknowledged since the
		# last restart (at most 20 s), then 0-400 ms later.
		base=$(progress "$d")
		w=0
		while [ "$(progress "$d")" -lt $((base + 3)) ] && [ $w -lt 200 ]; do
			sleep 0.1; w=$((w + 1))
		done
		r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
		sleep "0.$(printf '%03d' $((r % 400)))"
		echo "kill $(date +%s%3N)" >>"$d/kills"
		kill -9 "$DB_PID" 2>/dev/null
		wait "$DB_PID" 2>/dev/null
		DB_PID=""
		sleep 0.3
		if ! db_up; then
			echo "restart failed" >>"$d/kills"
			break
		fi
		echo "up $(date +%s%3N)" >>"$d/kills"
		k=$((k + 1))
	done
	# Let the clients see the last restart, then stop them.
	sleep 3
	touch "$d/stop"
	wait "$np"
	result db-faults $?
	cp "$d/kills" "$OUT/db-faults.kills" 2>/dev/null
}
want db-faults && db_faults

# ---- 2. sanitizers (fast: the leaks mix against the ASan server, and every
# report of this run's ASan phases) ---------------------------------------------------

if want sanitizers && [ "$FAST" = 1 ]; then
	if app_up asan 4; then
		mark_log
		rm -f "$VAR/san-state.json"
		timeout 120 node "$HERE/load.mjs" "$VAR/san-state.json" "$VAR/san.json" 2000 4 >"$OUT/sanitizers.log" 2>&1
		rc=$?
		reqs=$(node -e "try{const r=require('$VAR/san.json');const e=Object.entries(r.byStatus).filter(([s])=>s==='0'||s>=500).reduce((a,[,v])=>a+v,0);console.log(r.requests+' '+e)}catch{console.log('0 0')}")
		reports=$(grep -c -E "ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:" "$VERIFY_LOG")
		st=FAIL
		[ "$rc" = 0 ] && [ "$reports" = 0 ] && [ "${reqs#* }" = 0 ] && [ "${reqs% *}" -gt 0 ] && st=PASS
		verdict "sanitizers: ${reqs% *} requests of every page and POST against the ASan+UBSan server (${reqs#* } 5xx), $reports sanitizer reports in this run's ASan server log (the HTTP suite under ASan runs in make test and full verify) — $st" $st
	else
		verdict "sanitizers: the stack did not start (see tests/out/verify/stack.log) — FAIL" FAIL
	fi
fi

# ---- 6. worker faults ------------------------------------------------------------------

export WORKERS=4 HASH_SLOTS="$TENANTRY_HASH_SLOTS"
if want worker-faults; then
	if [ "$FAST" = 1 ]; then
		check worker-faults 90 asan 4 node "$HERE/worker_faults.mjs" 3
	else
		check worker-faults 180 asan 4 node "$HERE/worker_faults.mjs" 20
	fi
	# Workers killed while hashing may have left the hash slots taken:
	# end this server at once (its workers by pid) rather than drain it.
	if [ -n "$APP_CONF" ]; then
		for w in $(ps -o pid= --ppid "$APP_PID" 2>/dev/null); do kill -9 "$w" 2>/dev/null; done
		stack_app_stop >>"$OUT/stack.log" 2>&1
		APP_CONF=""
	fi
fi

# ---- 7. security matrix (the production build) ----------------------------------------

if want security; then
	check security 300 plain 4 node "$HERE/security.mjs"
	grep -E '^  (PASS|FAIL) ' "$OUT/security.log" | tee -a "$OUT/summary.txt"
fi

# ---- 3. leaks: RSS of one worker (production build), then valgrind ------------------------

leaks() {
	if [ "$FAST" = 1 ]; then
		first=2000 last=20000 vg=500
	else
		first=1000 last=100000 vg=10000
	fi
	first=${VERIFY_RSS_FIRST:-$first} last=${VERIFY_RSS_LAST:-$last} vg=${VERIFY_VALGRIND_REQUESTS:-$vg}
	st="$VAR/leaks-state.json"
	rm -f "$st"
	: >"$OUT/leaks.log"
	if ! app_up plain 1; then
		verdict "leaks: the stack did not start (see tests/out/verify/stack.log) — FAIL" FAIL
		return
	fi
	echo "== RSS: $last requests, 1 worker" >>"$OUT/leaks.log"
	LOAD_MAX_SECONDS=$((FAST ? 100 : 600)) timeout $((FAST ? 130 : 660)) \
	    node "$HERE/load.mjs" "$st" "$VAR/rss.json" "$last" 4 "$APP_PID" "$first" "$last" >>"$OUT/leaks.log" 2>&1
	rm -f "$RUN"/valgrind.*.log "$OUT"/valgrind.*.log
	if ! app_up valgrind 1; then
		verdict "leaks: the stack did not start under valgrind (see tests/out/verify/stack.log) — FAIL" FAIL
		return
	fi
	echo "== valgrind: $vg requests, 1 worker" >>"$OUT/leaks.log"
	vgmaster=$APP_PID
	LOAD_MAX_SECONDS=$((FAST ? 60 : 420)) timeout $((FAST ? 90 : 480)) \
	    node "$HERE/load.mjs" "$st" "$VAR/vg.json" "$vg" 2 >>"$OUT/leaks.log" 2>&1
	# SIGTERM: the master drains, the worker exits, valgrind checks it.
	stack_app_stop >>"$OUT/stack.log" 2>&1
	APP_CONF=""
	cp "$RUN"/valgrind.*.log "$OUT/" 2>/dev/null
	node "$HERE/leaks_report.mjs" "$VAR/rss.json" "$VAR/vg.json" "$vgmaster" "$RUN" "$first" "$last" "$vg" >>"$OUT/leaks.log" 2>&1
	result leaks $?
}
if want leaks; then
	want fuzz && [ "$FAST" = 0 ] && fuzz_start
	leaks
	fuzz_wait
fi

# ---- summary --------------------------------------------------------------------------------

echo "verify: $PASSN passed, $FAILN failed ($(elapsed) s: $TIMES; details in tests/out/verify/)" | tee -a "$OUT/summary.txt"
[ "$FAILN" -eq 0 ]
