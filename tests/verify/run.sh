#!/bin/sh
# tests/verify/run.sh: `make verify` ("Proof under fire"). Proves
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
#   worker-faults  a worker SIGKILLed every 2 s for 40 s (fast: 3 kills), and
#                  workers killed while hashing a password
#   cluster        three app hosts behind nginx on a 3-node Galera cluster
#                  (tests/verify/cluster.sh): lost updates over the nodes
#                  (16 × 200; fast 4 × 25), caches, pools, sessions across
#                  hosts, nodes killed and rejoined (fast: one), one cut
#                  off the group, an app host killed
#   security       the security matrix (sessions, CSRF, throttling, login
#                  flood, foreign ids, XSS/SQLi, headers, 413, slow clients)
#   leaks          10 000 requests to one worker under valgrind: 0 bytes lost;
#                  worker RSS after 100 000 requests within 5 % of RSS after
#                  1 000 (fast: 300 under valgrind; 2 000 vs 20 000)
#   past-months    on the benchmark's data (20 000 occupiers; fast: 1 000) in
#                  a database of its own: today stepped to 4 later dates, random
#                  edits at each, every earlier month's charges CSV
#                  byte-identical; tenantry ledger-check before and after
#
# Settings: VERIFY_FAST=1 (the subset `make test` runs), VERIFY_ONLY="lost-updates
# faults" (names above; "faults" = both fault checks), VERIFY_KEEP=1 (keep the
# data directory), VERIFY_BUDGET (seconds for the whole run: 1740, fast 540),
# VERIFY_RSS_FIRST / VERIFY_RSS_LAST / VERIFY_VALGRIND_REQUESTS (leaks sizes).
# Details of every check go to tests/out/verify/<check>.log. Every step runs
# under `timeout` within what is left of the budget (a check that would not
# fit is reported as not run, FAIL), and every loop is capped in count.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
FAST=${VERIFY_FAST:-0}
[ "$FAST" = 1 ] || FAST=0
ONLY=${VERIFY_ONLY:-}
OUT="$ROOT/tests/out/verify"
HERE="$ROOT/tests/verify"
ALL="fuzz sanitizers lost-updates db-faults worker-faults cluster security past-months leaks"
T0=$(date +%s)
BUDGET=${VERIFY_BUDGET:-$((FAST ? 540 : 1740))}
RESERVE=$((FAST ? 15 : 40))	# kept for each check still to come
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

# Full mode fuzzes (6 min, one core) in the background of the checks that
# are not sensitive to time or throughput (the HTTP suite, lost updates,
# database faults), and waits for it before the others: it does not count
# as a check still to come.
FUZZ_BG=0
[ "$FAST" = 0 ] && want fuzz && { want sanitizers || want lost-updates || want db-faults; } && FUZZ_BG=1
PENDING=0
for c in $ALL; do
	want "$c" || continue
	[ "$c" = fuzz ] && [ "$FUZZ_BG" = 1 ] && continue
	PENDING=$((PENDING + 1))
done

mkdir -p "$OUT"
for c in $ALL stack; do rm -f "$OUT/$c.log"; done
rm -f "$OUT/summary.txt" "$OUT"/valgrind.*.log "$OUT"/cluster-app*.log "$OUT"/cluster-nginx-error.log "$OUT/tenantry.log" "$OUT/fuzz.rc" "$OUT/error-pages.json"
mode="full"
[ "$FAST" = 1 ] && mode="fast"
echo "== verify ($mode): $(for c in $ALL; do want "$c" && printf '%s ' "$c"; done)"

elapsed() { echo $(($(date +%s) - T0)); }

LAST_T=$T0
TIMES=""
# verdict LINE PASS|FAIL: print a result line and count it.
verdict() {
	printf '%s\n' "$1" | tee -a "$OUT/summary.txt"
	if [ "$2" = PASS ]; then PASSN=$((PASSN + 1)); else FAILN=$((FAILN + 1)); fi
	now=$(date +%s)
	TIMES="$TIMES${TIMES:+, }${1%%:*} $((now - LAST_T))"
	LAST_T=$now
	PENDING=$((PENDING - 1))
}

# budget NAME SECONDS: CAP = SECONDS or less, so that the checks still to come
# keep RESERVE each; also VERIFY_STOP_AT (epoch ms) for the node scripts to
# stop their loops and report in time. 1 (and a FAIL line) if it cannot run.
budget() {
	left=$((BUDGET - $(elapsed) - RESERVE * (PENDING - 1)))
	CAP=$2
	[ "$left" -lt "$CAP" ] && CAP=$left
	if [ "$CAP" -lt 10 ]; then
		verdict "$1: not run, the verify budget of $BUDGET s is spent — FAIL" FAIL
		return 1
	fi
	VERIFY_STOP_AT=$((($(date +%s) + CAP - 6) * 1000))
	export VERIFY_STOP_AT
	return 0
}

# result CHECK RC: the "VERIFY check: ..." line of tests/out/verify/CHECK.log.
result() {
	line=$(sed -n 's/^VERIFY //p' "$OUT/$1.log" | tail -1)
	if [ -z "$line" ]; then
		why="exit $2"
		[ "$2" = 124 ] && why="timed out after $CAP s"
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
export WORKERS=4 HASH_SLOTS=$TENANTRY_HASH_SLOTS
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=0:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
. "$ROOT/nginx/stack.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)	# stack.sh guessed it from $0
RUN="$VAR/run"
export BASE_URL="http://127.0.0.1:$PORT"
export TENANTRY_OUT="$OUT"
APP_CONF=""
FUZZ_PID=""

cleanup() {
	[ -n "$FUZZ_PID" ] && kill "$FUZZ_PID" 2>/dev/null
	[ -n "${NODE_PID:-}" ] && kill "$NODE_PID" 2>/dev/null
	stack_stop >>"$OUT/stack.log" 2>&1
	[ -f "$VAR/galera/cluster/env" ] && VAR="$VAR/galera" sh "$ROOT/nginx/cluster.sh" stop >>"$OUT/stack.log" 2>&1
	# The app hosts' and the single stack's logs outlive the data: a
	# failed check is read from them.
	for f in "$VAR"/galera/cluster/app*.log "$VAR"/galera/cluster/run/nginx-error.log; do
		[ -f "$f" ] && cp "$f" "$OUT/cluster-$(basename "$f")"
	done
	[ -f "$RUN/tenantry.log" ] && cp "$RUN/tenantry.log" "$OUT/tenantry.log"
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

# app_down [now]: stop the FastCGI master and nginx; "now" first ends the
# workers (by pid) instead of letting them drain (they may be stuck).
app_down() {
	[ -z "$APP_CONF" ] && return 0
	if [ "${1:-}" = now ]; then
		for w in $(ps -o pid= --ppid "$APP_PID" 2>/dev/null); do kill -9 "$w" 2>/dev/null; done
	fi
	stack_app_stop >>"$OUT/stack.log" 2>&1
	APP_CONF=""
}

# app_up BUILD WORKERS: the FastCGI master with BUILD (plain, asan or
# valgrind) and WORKERS workers behind nginx, restarted if it differs.
app_up() {
	[ "$APP_CONF" = "$1/$2" ] && kill -0 "$APP_PID" 2>/dev/null && return 0
	db_up || return 1
	app_down
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

# stack_for NAME BUILD WORKERS: app_up, or a FAIL line.
stack_for() {
	app_up "$2" "$3" && return 0
	verdict "$1: the stack did not start (see tests/out/verify/stack.log) — FAIL" FAIL
	return 1
}

# check NAME SECONDS BUILD WORKERS CMD...: one node check on the stack.
check() {
	name=$1
	budget "$name" "$2" || return
	stack_for "$name" "$3" "$4" || return
	shift 4
	mark_log
	timeout "$CAP" "$@" >"$OUT/$name.log" 2>&1
	result "$name" $?
}

sanitizer_reports() {	# in the server log since mark_log
	tail -c +$((VERIFY_LOG_OFFSET + 1)) "$VERIFY_LOG" 2>/dev/null |
	    grep -c -E "ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:"
}

# ---- 1. fuzzing -------------------------------------------------------------------

FUZZ_SECS=60
group() { sed ':a;s/\B[0-9]\{3\}\>/ &/;ta'; }	# 1234567 → 1 234 567

fuzz_result() {	# RC
	log="$OUT/fuzz.log"
	drivers=$(grep -c -E '^(ok |FAIL |fuzz_)' "$log")
	leaks=$(cat build/fuzz/*.run.log build/fuzz/*.replay.log 2>/dev/null | grep -c "ERROR: LeakSanitizer")
	if [ "$FAST" = 1 ]; then
		inputs=$(sed -n 's/^ok [^ ]* \([0-9]*\) inputs/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
		bad=$(grep -c '^FAIL' "$log")
		st=FAIL
		[ "$1" = 0 ] && [ "$bad" = 0 ] && [ "$drivers" -gt 0 ] && st=PASS
		verdict "fuzz: corpus replay under ASan+UBSan, $drivers drivers, $inputs inputs, $bad crashes, $leaks leaks (full mode fuzzes each driver ${FUZZ_SECS} s) — $st" $st
		return
	fi
	total=$(awk '/^fuzz_/ {s+=$2} END {print s+0}' "$log" | group)
	crashes=$(sed -n 's/^fuzz: \([0-9]*\) crashes/\1/p' "$log")
	per=$(awk '/^fuzz_/ {print $1, $2}' "$log" | while read -r d x; do printf '%s %s, ' "${d#fuzz_}" "$(echo "$x" | group)"; done | sed 's/, $//')
	st=FAIL
	[ "$1" = 0 ] && [ "${crashes:-1}" = 0 ] && [ "$leaks" = 0 ] && [ "$drivers" -gt 0 ] && st=PASS
	verdict "fuzz: $drivers drivers × ${FUZZ_SECS} s under ASan+UBSan, $total executions ($per), ${crashes:-?} crashes, $leaks leaks — $st" $st
}

fuzz_now() {
	budget fuzz $((FAST ? 120 : FUZZ_SECS * 8 + 120)) || return
	: >"$OUT/fuzz.log"
	if [ "$FAST" = 1 ]; then
		env -u ASAN_OPTIONS -u UBSAN_OPTIONS timeout "$CAP" sh tests/fuzz/replay.sh >"$OUT/fuzz.log" 2>&1
	else
		env -u ASAN_OPTIONS -u UBSAN_OPTIONS timeout "$CAP" sh tests/fuzz/run.sh "$FUZZ_SECS" >"$OUT/fuzz.log" 2>&1
	fi
	fuzz_result $?
}

fuzz_bg_start() {
	: >"$OUT/fuzz.log"
	t=$((BUDGET - $(elapsed) - 10))
	[ $t -gt $((FUZZ_SECS * 8 + 120)) ] && t=$((FUZZ_SECS * 8 + 120))
	[ $t -lt 10 ] && t=10
	(env -u ASAN_OPTIONS -u UBSAN_OPTIONS timeout $t \
	    sh tests/fuzz/run.sh "$FUZZ_SECS" >"$OUT/fuzz.log" 2>&1; echo $? >"$OUT/fuzz.rc") &
	FUZZ_PID=$!
}

fuzz_bg_wait() {
	[ -z "$FUZZ_PID" ] && return
	wait "$FUZZ_PID"
	FUZZ_PID=""
	PENDING=$((PENDING + 1))	# it was not counted as to come
	fuzz_result "$(cat "$OUT/fuzz.rc" 2>/dev/null || echo 1)"
}

if want fuzz; then
	if [ "$FUZZ_BG" = 1 ]; then fuzz_bg_start; else fuzz_now; fi
fi

[ -d tests/node_modules/playwright-core ] ||
    (cd tests && npm install --no-audit --no-fund --loglevel=error) >>"$OUT/stack.log" 2>&1

# ---- 2. sanitizers, full mode: the whole HTTP suite on the fresh database ------------

if want sanitizers && [ "$FAST" = 0 ] && budget sanitizers 480 && stack_for sanitizers asan 4; then
	mark_log
	timeout "$CAP" node --test --test-concurrency=1 --test-reporter=tap tests/http/ >"$OUT/sanitizers.log" 2>&1
	rc=$?
	p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$OUT/sanitizers.log" | tail -1)
	f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$OUT/sanitizers.log" | tail -1)
	reports=$(sanitizer_reports)
	failing=$(sed -n 's/^not ok [0-9]* - //p' "$OUT/sanitizers.log" | head -8 | tr '\n' '|' | sed 's/|$//; s/|/; /g')
	st=FAIL
	[ "$rc" = 0 ] && [ "${f:-1}" = 0 ] && [ "$reports" = 0 ] && st=PASS
	verdict "sanitizers: the HTTP suite against the ASan+UBSan server: ${p:-0} passed, ${f:-?} failed${failing:+ ($failing)}${rc:+, exit $rc}, $reports sanitizer reports — $st" $st
fi

# ---- 4. lost updates ----------------------------------------------------------------

if want lost-updates; then
	if [ "$FAST" = 1 ]; then
		check lost-updates 60 asan 4 node "$HERE/lost_updates.mjs" 4 25
	else
		check lost-updates 240 asan 4 node "$HERE/lost_updates.mjs" 16 200
	fi
fi

# ---- 5. database faults: run.sh kills and restarts MariaDB, db_faults.mjs loads --------

progress() {	# DIR: acknowledged saves so far (db_faults.mjs writes it)
	p=$(cat "$1/progress" 2>/dev/null)
	case $p in ''|*[!0-9]*) p=0 ;; esac
	echo "$p"
}

db_faults() {
	kills=20 clients=6
	[ "$FAST" = 1 ] && kills=2 clients=3
	budget db-faults $((FAST ? 60 : 240)) || return
	stack_for db-faults asan 4 || return
	mark_log
	d="$VAR/dbf"
	rm -rf "$d"
	mkdir -p "$d"
	DB_KILLS=$kills timeout "$CAP" node "$HERE/db_faults.mjs" "$d" "$clients" >"$OUT/db-faults.log" 2>&1 &
	NODE_PID=$!
	end=$(($(date +%s) + CAP - 25))
	i=0
	while [ ! -f "$d/ready" ] && kill -0 "$NODE_PID" 2>/dev/null && [ $i -lt 600 ]; do sleep 0.2; i=$((i + 1)); done
	k=0
	while [ $k -lt $kills ] && [ -f "$d/ready" ] && kill -0 "$NODE_PID" 2>/dev/null && [ "$(date +%s)" -lt "$end" ]; do
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
	wait "$NODE_PID"
	rc=$?
	NODE_PID=""
	cp "$d/kills" "$OUT/db-faults.kills" 2>/dev/null
	result db-faults $rc
}
want db-faults && db_faults

fuzz_bg_wait

# ---- 2. sanitizers, fast mode: the leaks mix against the ASan server, and
# every report in this run's ASan server log ----------------------------------------

if want sanitizers && [ "$FAST" = 1 ] && budget sanitizers 60 && stack_for sanitizers asan 4; then
	VERIFY_LOG_OFFSET=0
	export VERIFY_LOG="$RUN/tenantry.log" VERIFY_LOG_OFFSET
	rm -f "$VAR/san-state.json"
	LOAD_MAX_SECONDS=$((CAP - 15)) timeout "$CAP" \
	    node "$HERE/load.mjs" "$VAR/san-state.json" "$VAR/san.json" 2000 4 >"$OUT/sanitizers.log" 2>&1
	rc=$?
	reqs=$(node -e "try{const r=require('$VAR/san.json');const e=Object.entries(r.byStatus).filter(([s])=>s==='0'||s>=500).reduce((a,[,v])=>a+v,0);console.log(r.requests+' '+e)}catch{console.log('0 0')}")
	reports=$(sanitizer_reports)
	st=FAIL
	[ "$rc" = 0 ] && [ "$reports" = 0 ] && [ "${reqs#* }" = 0 ] && [ "${reqs% *}" -ge 2000 ] && st=PASS
	verdict "sanitizers: $(echo "${reqs% *}" | group) requests of every page and POST against the ASan+UBSan server (${reqs#* } 5xx); $reports sanitizer reports in its log over this run (the HTTP suite under ASan runs in make test and in full verify) — $st" $st
fi

# ---- 6. worker faults ------------------------------------------------------------------

if want worker-faults; then
	if [ "$FAST" = 1 ]; then
		check worker-faults 60 asan 4 node "$HERE/worker_faults.mjs" 3
	else
		check worker-faults 150 asan 4 node "$HERE/worker_faults.mjs" 20
	fi
	# Workers killed while hashing may have left the hash slots taken, and
	# their successors stuck: end this server now rather than drain it.
	app_down now
fi

# ---- 6b. the cluster: its own stack (nginx/cluster.sh), under $VAR/galera -----------------

if want cluster && budget cluster $((FAST ? 150 : 420)); then
	if [ "$FAST" = 1 ]; then set -- 4 25; else set -- 16 200; fi
	VAR="$VAR" timeout "$CAP" sh "$HERE/cluster.sh" "$@" >"$OUT/cluster.log" 2>&1
	result cluster $?
fi

# ---- 7. security matrix (the production build) ------------------------------------------

if want security; then
	check security $((FAST ? 180 : 300)) plain 4 node "$HERE/security.mjs"
	grep -E '^  (PASS|FAIL) ' "$OUT/security.log" 2>/dev/null | tee -a "$OUT/summary.txt"
fi

# ---- 8. past months never change (the production build, bench data) ------------------------

past_months() {
	occ=20000 nplan=16
	[ "$FAST" = 1 ] && occ=1000
	occ=${VERIFY_PAST_OCCUPIERS:-$occ}
	budget past-months $((FAST ? 90 : 360)) || return
	if ! db_up; then
		verdict "past-months: MariaDB did not start (see tests/out/verify/stack.log) — FAIL" FAIL
		return
	fi
	pdb=tenantry_past
	: >"$OUT/past-months.log"
	# The bench data, generated as make bench generates it.
	(
		. "$ROOT/tests/bench/data.sh"
		export TENANTRY_DB_NAME=$pdb
		m() { mariadb --no-defaults -S "$RUN/mariadb.sock" -u root "$@"; }
		m -e "DROP DATABASE IF EXISTS $pdb; CREATE DATABASE $pdb CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" &&
		"$ROOT/build/tenantry" migrate && TENANTRY_DEMO=1 "$ROOT/build/tenantry" seed &&
		existing=$(m -N "$pdb" -e "SELECT COUNT(*) FROM occupier o JOIN operator p ON p.id = o.operator_id WHERE p.name = 'Northwind Workspaces'") &&
		bench_gen_sql "$occ" "$nplan" "$TENANTRY_TODAY" "$existing" | m "$pdb" >/dev/null
	) >>"$OUT/past-months.log" 2>&1 || {
		verdict "past-months: the bench data could not be generated (see tests/out/verify/past-months.log) — FAIL" FAIL
		return
	}
	TENANTRY_DB_NAME=$pdb TENANTRY_BIN="$ROOT/build/tenantry" PAST_DB_PID=$DB_PID \
	    timeout "$CAP" node "$HERE/past_months.mjs" >>"$OUT/past-months.log" 2>&1
	result past-months $?
	mariadb --no-defaults -S "$RUN/mariadb.sock" -u root -e "DROP DATABASE IF EXISTS $pdb" >>"$OUT/past-months.log" 2>&1
}
want past-months && past_months

# ---- 3. leaks: RSS of one worker (production build), then valgrind -------------------------

leaks() {
	if [ "$FAST" = 1 ]; then
		first=2000 last=20000 vg=300
	else
		first=1000 last=100000 vg=10000
	fi
	first=${VERIFY_RSS_FIRST:-$first} last=${VERIFY_RSS_LAST:-$last} vg=${VERIFY_VALGRIND_REQUESTS:-$vg}
	budget leaks $((FAST ? 150 : 900)) || return
	stop=$(($(date +%s) + CAP))
	st="$VAR/leaks-state.json"
	rm -f "$st"
	: >"$OUT/leaks.log"
	stack_for leaks plain 1 || return
	# The RSS run may use what the valgrind run (about 1/40 of the rate,
	# plus 30 s to start and stop) leaves.
	rss_s=$((CAP - 30 - vg / 40 - 10))
	echo "== RSS: $last requests, 1 worker, at most $rss_s s" >>"$OUT/leaks.log"
	LOAD_MAX_SECONDS=$rss_s timeout $((rss_s + 30)) \
	    node "$HERE/load.mjs" "$st" "$VAR/rss.json" "$last" 4 "$APP_PID" "$first" "$last" >>"$OUT/leaks.log" 2>&1
	rm -f "$RUN"/valgrind.*.log
	if [ "$vg" -gt 0 ]; then
		stack_for leaks valgrind 1 || return
		vgmaster=$APP_PID
		vg_s=$((stop - $(date +%s) - 25))
		echo "== valgrind: $vg requests, 1 worker, at most $vg_s s" >>"$OUT/leaks.log"
		LOAD_MAX_SECONDS=$vg_s timeout $((vg_s + 20)) \
		    node "$HERE/load.mjs" "$st" "$VAR/vg.json" "$vg" 2 >>"$OUT/leaks.log" 2>&1
		# SIGTERM: the master drains, the worker exits, valgrind checks it.
		app_down
		cp "$RUN"/valgrind.*.log "$OUT/" 2>/dev/null
	else
		vgmaster=0
	fi
	node "$HERE/leaks_report.mjs" "$VAR/rss.json" "$VAR/vg.json" "$vgmaster" "$RUN" "$first" "$last" "$vg" >>"$OUT/leaks.log" 2>&1
	result leaks $?
}
want leaks && leaks

# ---- summary --------------------------------------------------------------------------------

echo "verify: $PASSN passed, $FAILN failed ($(elapsed) s: $TIMES; details in tests/out/verify/)" | tee -a "$OUT/summary.txt"
[ "$FAILN" -eq 0 ]
