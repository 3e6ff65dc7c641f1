#!/bin/sh
# clock.sh: start or stop a second Tenantry stack (tenantry serve and
# nginx, as nginx/stack.sh starts them) on the test database, with its own
# today (TENANTRY_TODAY). tests/http/clock.mjs uses it to step through dates
# on the same data, as an operator would across months.
#   sh clock.sh start DIR DAY PORT   DIR: a directory of its own
#   sh clock.sh stop DIR
# The database is the one of the environment (TENANTRY_DB_SOCKET, set by
# tests/run.sh), never started or stopped here.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cmd=$1 DIR=$2
case $cmd in
start)
	[ -n "${TENANTRY_DB_SOCKET:-}" ] || { echo "clock: TENANTRY_DB_SOCKET is not set" >&2; exit 1; }
	export TENANTRY_TODAY=$3 PORT=$4 VAR=$DIR
	export TENANTRY_LISTEN="$DIR/run/tenantry.sock"
	export TENANTRY_WORKERS="${CLOCK_WORKERS:-2}"
	mkdir -p "$DIR/run"
	. "$ROOT/nginx/stack.sh"
	ROOT=$(cd "$(dirname "$0")/../.." && pwd)	# stack.sh guessed it from $0
	export TENANTRY_TEMPLATES="${TENANTRY_TEMPLATES:-$ROOT/templates}"
	export TENANTRY_SQL_DIR="${TENANTRY_SQL_DIR:-$ROOT/sql}"
	if ! stack_app_start >"$DIR/start.log" 2>&1; then
		echo "$APP_PID ${NGINX_PID:-}" >"$DIR/pids"
		cat "$DIR/start.log" >&2
		exit 1
	fi
	echo "$APP_PID $NGINX_PID" >"$DIR/pids"
	;;
stop)
	[ -f "$DIR/pids" ] || exit 0
	pids=$(cat "$DIR/pids")
	rm -f "$DIR/pids"
	for p in $pids; do kill "$p" 2>/dev/null; done
	# The serve master drains its workers; wait for both to be gone (an
	# exited process nobody has reaped yet, a zombie, counts as gone).
	alive() { s=$(ps -o stat= -p "$1" 2>/dev/null); [ -n "$s" ] && [ "${s#Z}" = "$s" ]; }
	i=0
	for p in $pids; do
		while alive "$p" && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	done
	;;
*)
	echo "usage: clock.sh start DIR DAY PORT | stop DIR" >&2
	exit 2
	;;
esac
