#!/bin/sh
# stack.sh: boot Tenantry's private stack (MariaDB, FastCGI master, nginx).
#   sh nginx/stack.sh run    foreground; Ctrl-C stops everything it started
# Sourced by tests/run.sh and tests/bench for stack_start / stack_stop.
#
# Settings (environment):
#   PORT                 nginx port on 127.0.0.1 (8080)
#   VAR                  state directory (var): var/db holds MariaDB's data
#   TENANTRY_DB_HOST     use an existing MySQL/MariaDB server instead of the
#                        private one (with TENANTRY_DB_PORT, _USER, _PASSWORD,
#                        _NAME); TENANTRY_DB_SOCKET likewise for a local socket
#   TENANTRY_*           passed to the application (see README)

ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${PORT:=8080}"
: "${VAR:=$ROOT/var}"
RUN="$VAR/run"
BIN="${TENANTRY_BIN:-$ROOT/build/tenantry}"
STACK_PIDS=""
EXTERNAL_DB=0
if [ -n "${TENANTRY_DB_HOST:-}" ] || [ -n "${TENANTRY_DB_SOCKET:-}" ]; then
	EXTERNAL_DB=1
fi

say() { printf '%s\n' "$*"; }

stack_db_start() {
	mkdir -p "$RUN" "$VAR/db" "$VAR/db-tmp"
	if [ "$EXTERNAL_DB" = 1 ]; then
		return 0
	fi
	export TENANTRY_DB_SOCKET_PRIVATE="$RUN/mariadb.sock"
	if [ ! -d "$VAR/db/mysql" ]; then
		say "stack: creating the private database in $VAR/db"
		mariadb-install-db --no-defaults --user=root --datadir="$VAR/db" \
		    --auth-root-authentication-method=normal --skip-test-db \
		    >"$RUN/mariadb-install.log" 2>&1 || {
			cat "$RUN/mariadb-install.log" >&2; return 1; }
	fi
	rm -f "$RUN/mariadb.sock"
	mariadbd --no-defaults --user=root --datadir="$VAR/db" \
	    --socket="$RUN/mariadb.sock" --pid-file="$RUN/mariadb.pid" \
	    --tmpdir="$VAR/db-tmp" \
	    --skip-networking --log-error="$RUN/mariadb.log" \
	    --innodb-flush-log-at-trx-commit=1 --max-connections=200 \
	    --innodb-buffer-pool-size=256M --character-set-server=utf8mb4 \
	    --collation-server=utf8mb4_unicode_ci &
	DB_PID=$!
	STACK_PIDS="$STACK_PIDS $DB_PID"
	i=0
	until mariadb --no-defaults -S "$RUN/mariadb.sock" -u root -e 'SELECT 1' >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -gt 150 ] || ! kill -0 "$DB_PID" 2>/dev/null; then
			say "stack: MariaDB did not start; see $RUN/mariadb.log" >&2
			tail -20 "$RUN/mariadb.log" >&2
			return 1
		fi
		sleep 0.1
	done
	mariadb --no-defaults -S "$RUN/mariadb.sock" -u root -e \
	    "CREATE DATABASE IF NOT EXISTS \`${TENANTRY_DB_NAME:-tenantry}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
	export TENANTRY_DB_SOCKET="$RUN/mariadb.sock"
}

stack_db_stop() {
	if [ -n "${DB_PID:-}" ]; then
		kill "$DB_PID" 2>/dev/null
		wait "$DB_PID" 2>/dev/null
		DB_PID=""
	fi
}

# stack_nginx_conf UPSTREAM: nginx/nginx.conf.in rendered for $RUN, $ROOT
# and $PORT. Sign-ins nginx passes on: 5 a second per hashing slot (half
# of what the slots could hash), 10 per slot queued in nginx; from one
# client address one a second (set per minute: TENANTRY_LOGIN_ADDR_RATE),
# with a queue of 10.
stack_nginx_conf() {
	user=""
	[ "$(id -u)" = 0 ] && user="user root;"
	slots=${TENANTRY_HASH_SLOTS:-$(nproc)}
	sed -e "s|@RUN@|$RUN|g" -e "s|@ROOT@|$ROOT|g" -e "s|@PORT@|$PORT|g" \
	    -e "s|@UPSTREAM@|$1|g" -e "s|@USER@|$user|g" \
	    -e "s|@LOGIN_RATE@|${TENANTRY_LOGIN_RATE:-$((5 * slots))}|g" \
	    -e "s|@LOGIN_BURST@|$((10 * slots))|g" \
	    -e "s|@LOGIN_ADDR_RATE@|${TENANTRY_LOGIN_ADDR_RATE:-60}|g" \
	    -e "s|@LOGIN_ADDR_BURST@|10|g" \
	    "$ROOT/nginx/nginx.conf.in"
}

# The demo data (published passwords) goes only into the private database,
# or wherever TENANTRY_DEMO=1 asks for it. An external database gets
# instructions for its first operator admin instead.
stack_seed() {
	if [ "${TENANTRY_DEMO:-}" = 1 ] || { [ "$EXTERNAL_DB" = 0 ] && [ "${TENANTRY_DEMO:-}" != 0 ]; }; then
		TENANTRY_DEMO=1 "$BIN" seed
		return
	fi
	say "stack: no demo data on this database (TENANTRY_DEMO=1 would load it)."
	say "stack: to create the first operator and its admin, if there is none yet:"
	say "  $BIN operator add --name 'Your Workspaces' --currency GBP --timezone Europe/London"
	say "  printf '%s\\n' 'a password of 10+ characters' | $BIN user add --email you@example.com --name 'Your Name' --role operator_admin --operator ID"
}

stack_app_start() {
	mkdir -p "$RUN/nginx-tmp"
	export TENANTRY_LISTEN="${TENANTRY_LISTEN:-$RUN/tenantry.sock}"
	export TENANTRY_TEMPLATES="${TENANTRY_TEMPLATES:-$ROOT/templates}"
	export TENANTRY_SQL_DIR="${TENANTRY_SQL_DIR:-$ROOT/sql}"
	# Links in e-mail are absolute: this stack's address unless set.
	export TENANTRY_BASE_URL="${TENANTRY_BASE_URL:-http://127.0.0.1:$PORT}"
	"$BIN" migrate || return 1
	stack_seed || return 1
	"$BIN" serve 2>>"$RUN/tenantry.log" &
	APP_PID=$!
	STACK_PIDS="$STACK_PIDS $APP_PID"
	case "$TENANTRY_LISTEN" in
	/*) upstream="unix:$TENANTRY_LISTEN" ;;
	*) upstream="$TENANTRY_LISTEN" ;;
	esac
	stack_nginx_conf "$upstream" >"$RUN/nginx.conf"
	nginx -p "$RUN" -e "$RUN/nginx-error.log" -c "$RUN/nginx.conf" -g 'daemon off;' &
	NGINX_PID=$!
	STACK_PIDS="$STACK_PIDS $NGINX_PID"
	i=0
	until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; do
		i=$((i + 1))
		if ! kill -0 "$NGINX_PID" 2>/dev/null || ! kill -0 "$APP_PID" 2>/dev/null; then
			say "stack: nginx or the application exited; see $RUN/" >&2
			tail -5 "$RUN/tenantry.log" "$RUN/nginx-error.log" >&2
			return 1
		fi
		if [ $i -gt 100 ]; then
			say "stack: the application did not answer on port $PORT" >&2
			tail -20 "$RUN/tenantry.log" "$RUN/nginx-error.log" >&2
			return 1
		fi
		sleep 0.1
	done
	sleep 0.2
	if ! kill -0 "$NGINX_PID" 2>/dev/null; then
		say "stack: nginx could not start (is port $PORT taken?)" >&2
		tail -3 "$RUN/nginx-error.log" >&2
		return 1
	fi
}

stack_app_stop() {
	[ -n "${NGINX_PID:-}" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
	[ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
	NGINX_PID=""
	APP_PID=""
}

stack_start() {
	stack_db_start && stack_app_start
}

stack_stop() {
	stack_app_stop
	stack_db_stop
}

stack_run() {
	trap 'say ""; say "stack: stopping"; stack_stop; exit 0' INT TERM
	trap 'stack_stop' EXIT
	if ! stack_start; then
		stack_stop
		exit 1
	fi
	cat <<MSG

  Tenantry is running: http://127.0.0.1:$PORT/

  Demo logins (password: tenantry-demo)
    operator_admin  admin@northwind.example
    operator_staff  staff@northwind.example
    occupier_admin  admin@acme.example
    occupier_user   user@acme.example
    (another operator, for isolation: admin@eastwind.example)

  Logs: $RUN/tenantry.log  Data: $VAR/db   Ctrl-C stops everything.

MSG
	# Wait until a signal, or until a component dies.
	while :; do
		for p in $STACK_PIDS; do
			if ! kill -0 "$p" 2>/dev/null; then
				say "stack: a component (pid $p) stopped; shutting down" >&2
				exit 1
			fi
		done
		sleep 1
	done
}

if [ "${1:-}" = run ]; then
	stack_run
fi
