#!/bin/sh
# billrun.sh: the bill run in `make bench`: the operator's whole bill run
# for last month in arrears (every occupier, all sites), through the form
# as a user makes it, timed from the POST to the answer; the workers' RSS
# before and after; then the same run again (everything billed already:
# every occupier looked at, nothing written). Done on the small data set
# (BENCH_SMALL occupiers) and on the full one (BENCH_OCCUPIERS), so the
# memory of the two can be compared: a run works in chunks of occupiers and
# its worker's memory must not grow with their number.
#
# Sourced by run.sh (bench_billrun), or run alone with its own stack and
# data, as make bench makes them:  sh tests/bench/billrun.sh

# bench_billrun LABEL BASE COOKIE CSRF APP_PID DB: appends to $W/billrun.tsv
#   label pass seconds run_micros occupiers invoices lines net state
#   rss_before_max rss_after_max peak_max (KiB: VmRSS before and after,
#   VmHWM over the run, the largest of the workers)
bench_billrun() {
	_label=$1 _base=$2 _cookie=$3 _csrf=$4 _app=$5 _db=$6
	_month=$(date -u -d "$TENANTRY_TODAY -1 month" +%Y-%m)
	for _pass in first again; do
		_rss0=$(for p in $(bench_workers "$_app"); do awk '/^VmRSS:/ { print $2 }' "/proc/$p/status"; done | sort -n | tail -1)
		# The peak from here on: a sign-in's Argon2id hash (64 MiB) is
		# not the bill run's (5 > clear_refs resets VmHWM to VmRSS).
		for p in $(bench_workers "$_app"); do echo 5 >"/proc/$p/clear_refs"; done
		_out=$(curl -sS -o /dev/null -w '%{http_code} %{time_total} %{redirect_url}' -H "$_cookie" \
		    --data-urlencode "csrf=$_csrf" --data-urlencode "period=$_month" \
		    --data-urlencode "mode=arrears" --data-urlencode "site=" "$_base/invoices/runs")
		_rss1=$(for p in $(bench_workers "$_app"); do awk '/^VmRSS:/ { print $2 }' "/proc/$p/status"; done | sort -n | tail -1)
		_hwm=$(for p in $(bench_workers "$_app"); do awk '/^VmHWM:/ { print $2 }' "/proc/$p/status"; done | sort -n | tail -1)
		set -- $_out
		[ "$1" = 303 ] || { bench_say "bench: bill run ($_label, $_pass) answered $1"; return 1; }
		_run=$(printf '%s' "$3" | sed -n 's|.*/invoices/runs/\([0-9]*\).*|\1|p')
		_row=$(bench_sql "$_db" "SELECT TIMESTAMPDIFF(MICROSECOND, started_at, finished_at), occupiers_done, invoices, nlines, net, state FROM bill_run WHERE id = $_run")
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$_label" "$_pass" "$2" "$_row" "$_rss0" "$_rss1" "$_hwm" >>"$W/billrun.tsv"
		bench_say "  bill run $_label ($_pass): $(echo "$2" | awk '{ printf "%.2f", $1 }') s, $(printf '%s' "$_row" | awk -F'\t' '{ printf "%d occupiers, %d drafts, %d lines", $2, $3, $4 }'); worker RSS max $_rss0 -> $_rss1 KiB, peak $_hwm KiB"
	done
}

# Alone: a stack and data as make bench makes them, then the runs.
if [ "${0##*/}" = billrun.sh ]; then
	set -u
	ROOT=$(cd "$(dirname "$0")/../.." && pwd)
	cd "$ROOT" || exit 1
	: "${BENCH_OCCUPIERS:=20000}"
	: "${BENCH_SMALL:=200}"
	. "$ROOT/tests/bench/lib.sh"
	. "$ROOT/tests/bench/data.sh"
	bench_deps
	unset TENANTRY_DB_HOST TENANTRY_DB_PORT TENANTRY_DB_SOCKET TENANTRY_DB_USER \
	    TENANTRY_DB_PASSWORD TENANTRY_DB_NAME TENANTRY_CONFIG TENANTRY_LISTEN
	PORT=$(bench_free_port)
	PORT_SMALL=$(bench_free_port)
	[ "$PORT_SMALL" = "$PORT" ] && PORT_SMALL=$((PORT + 1))
	VAR=$(mktemp -d /tmp/tenantry-billrun.XXXXXX)
	export PORT VAR
	RUN="$VAR/run"
	W="$VAR/work"
	mkdir -p "$RUN" "$W"
	cp "${TENANTRY_BIN:-$ROOT/build/tenantry}" "$VAR/tenantry"
	BIN="$VAR/tenantry"
	export TENANTRY_BIN="$BIN"
	STACK_PIDS="" NGINX_PID="" PHP_PID="" APP_PID="" APP_SMALL_PID=""
	_root=$ROOT
	. "$ROOT/nginx/stack.sh"
	ROOT=$_root
	trap 'bench_stop >/dev/null 2>&1; rm -rf "$VAR"' EXIT
	trap 'exit 130' INT TERM
	stack_db_start >>"$RUN/setup.log" 2>&1 || bench_die "MariaDB did not start"
	bench_say "billrun: generating $BENCH_OCCUPIERS and $BENCH_SMALL occupiers"
	bench_db_setup tenantry "$BENCH_OCCUPIERS" 129 || bench_die "data generation failed"
	bench_db_setup tenantry_small "$BENCH_SMALL" 1 || bench_die "data generation (small) failed"
	bench_app_start
	L=$(bench_login "$PORT") || bench_die "cannot sign in"
	LS=$(bench_login "$PORT_SMALL") || bench_die "cannot sign in (small)"
	: >"$W/billrun.tsv"
	bench_billrun "$BENCH_SMALL" "http://127.0.0.1:$PORT_SMALL" "Cookie: tn_session=${LS% *}" "${LS#* }" \
	    "$APP_SMALL_PID" tenantry_small || exit 1
	bench_billrun "$BENCH_OCCUPIERS" "http://127.0.0.1:$PORT" "Cookie: tn_session=${L% *}" "${L#* }" \
	    "$APP_PID" tenantry || exit 1
	cat "$W/billrun.tsv"
fi
