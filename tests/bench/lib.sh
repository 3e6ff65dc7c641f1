#!/bin/sh
# lib.sh: the benchmark's private stack, shared by run.sh and profile.sh.
# Sourced with ROOT (the repository) set. It starts, under a throwaway VAR:
#   - MariaDB through nginx/stack.sh (stack_db_start: socket only,
#     innodb_flush_log_at_trx_commit=1), with two databases: "tenantry"
#     (the full data set) and "tenantry_small" (200 occupiers);
#   - two `tenantry serve` masters of the same binary, one per database;
#   - PHP-FPM (pm = static, the same worker count) for tests/bench/fortunes.php;
#   - one nginx from nginx/nginx.conf.in, rendered as nginx/stack.sh does,
#     plus a static file of the Services tab's size and /php/fortunes on
#     PORT, and a copy of the server block on PORT_SMALL for the small data.

BENCH_DIR="$ROOT/tests/bench"
: "${TENANTRY_TODAY:=2026-02-16}"
: "${TENANTRY_WORKERS:=4}"
: "${TENANTRY_TEMPLATES:=$ROOT/templates}"
: "${TENANTRY_SQL_DIR:=$ROOT/sql}"
export TENANTRY_TODAY TENANTRY_WORKERS TENANTRY_TEMPLATES TENANTRY_SQL_DIR
BENCH_EMAIL="admin@northwind.example"
BENCH_PASSWORD="tenantry-demo"

bench_say() { printf '%s\n' "$*" >&2; }
bench_die() { bench_say "bench: $*"; exit 1; }

# Install what the benchmark needs (Debian packages), if missing.
bench_deps() {
	missing=""
	for p in wrk php8.2-fpm php8.2-mysql curl procps; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	bench_say "bench: installing:$missing"
	[ "$(id -u)" -eq 0 ] || bench_die "run as root (or install:$missing)"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	# shellcheck disable=SC2086
	apt-get install -y -qq $missing >/dev/null || bench_die "apt-get install failed"
}

bench_free_port() {
	if command -v node >/dev/null 2>&1; then
		node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
		return
	fi
	p=$((20000 + $$ % 20000))
	while ss -ltn 2>/dev/null | grep -q ":$p "; do p=$((p + 1)); done
	echo "$p"
}

# bench_sql DB SQL: tab-separated rows, no header.
bench_sql() {
	mariadb --no-defaults --default-character-set=utf8mb4 -S "$RUN/mariadb.sock" \
	    -u root "$1" -N -B -e "$2"
}

# Start MariaDB (nginx/stack.sh), migrate and seed DB, generate its data.
# bench_db_setup DB TOTAL NPLAN
bench_db_setup() {
	db=$1
	bench_sql mysql "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
		return 1
	TENANTRY_DB_NAME=$db "$BIN" migrate >>"$RUN/setup.log" 2>&1 || return 1
	TENANTRY_DEMO=1 TENANTRY_DB_NAME=$db "$BIN" seed >>"$RUN/setup.log" 2>&1 || return 1
	existing=$(bench_sql "$db" "SELECT COUNT(*) FROM occupier o JOIN operator p ON p.id = o.operator_id WHERE p.name = 'Northwind Workspaces'")
	bench_gen_sql "$2" "$3" "$TENANTRY_TODAY" "$existing" |
	    mariadb --no-defaults -S "$RUN/mariadb.sock" -u root "$db" >>"$RUN/setup.log" 2>&1
}

# The nginx configuration: nginx/nginx.conf.in rendered exactly as
# nginx/stack.sh renders it, then the bench locations added to its server
# block, and a copy of the upstream and server block for the small data.
bench_nginx_conf() {
	stack_nginx_conf "unix:$RUN/tenantry.sock" >"$RUN/nginx.base.conf"
	awk -v run="$RUN" -v bench="$BENCH_DIR" -v port="$PORT" -v sport="$PORT_SMALL" '
	function extra() {
		print "\t\t# bench: nginx serving a static file of the Services tab size"
		print "\t\tlocation = /bench/static.html {"
		print "\t\t\talias " run "/static/services.html;"
		print "\t\t\tdefault_type text/html;"
		print "\t\t\tadd_header Content-Security-Policy \"default-src '\''self'\''; frame-ancestors '\''none'\''\" always;"
		print "\t\t\tadd_header X-Content-Type-Options nosniff always;"
		print "\t\t\tadd_header Referrer-Policy same-origin always;"
		print "\t\t}"
		print "\t\t# bench: the PHP-FPM peer of /fortunes"
		print "\t\tlocation = /php/fortunes {"
		print "\t\t\tinclude /etc/nginx/fastcgi_params;"
		print "\t\t\tfastcgi_param SCRIPT_FILENAME " bench "/fortunes.php;"
		print "\t\t\tfastcgi_param BENCH_DB_SOCKET " run "/mariadb.sock;"
		print "\t\t\tfastcgi_param BENCH_DB_NAME tenantry;"
		print "\t\t\tfastcgi_pass unix:" run "/php-fpm.sock;"
		print "\t\t}"
	}
	/^\tupstream tenantry \{/ { inup = 1 }
	inup { up = up $0 "\n" }
	inup && /^\t\}/ { inup = 0 }
	/^\tserver \{/ { insrv = 1 }
	insrv { srv = srv $0 "\n" }
	insrv && /^\t\}/ { insrv = 0 }
	/^\t\tlocation \/ \{/ && !done { extra(); done = 1 }
	/^\}/ {
		gsub(/upstream tenantry \{/, "upstream tenantry_small {", up)
		gsub(/tenantry\.sock/, "tenantry-small.sock", up)
		gsub("127.0.0.1:" port ";", "127.0.0.1:" sport ";", srv)
		gsub(/fastcgi_pass tenantry;/, "fastcgi_pass tenantry_small;", srv)
		print "\t# bench: the same application on the small data set"
		printf "%s", up
		printf "%s", srv
	}
	{ print }
	' "$RUN/nginx.base.conf" >"$RUN/nginx.conf"
}

bench_php_start() {
	cat >"$RUN/php-fpm.conf" <<EOF
[global]
pid = $RUN/php-fpm.pid
error_log = $RUN/php-fpm.log
daemonize = no

[bench]
user = root
listen = $RUN/php-fpm.sock
listen.backlog = 1024
pm = static
pm.max_children = $TENANTRY_WORKERS
pm.max_requests = 0
clear_env = yes
EOF
	php-fpm8.2 -R -F -y "$RUN/php-fpm.conf" >>"$RUN/php-fpm.log" 2>&1 &
	PHP_PID=$!
	STACK_PIDS="$STACK_PIDS $PHP_PID"
}

bench_serve_start() {
	TENANTRY_LISTEN="$RUN/tenantry.sock" TENANTRY_DB_NAME=tenantry \
	    "$BIN" serve 2>>"$RUN/tenantry.log" &
	APP_PID=$!
	TENANTRY_LISTEN="$RUN/tenantry-small.sock" TENANTRY_DB_NAME=tenantry_small \
	    "$BIN" serve 2>>"$RUN/tenantry-small.log" &
	APP_SMALL_PID=$!
	STACK_PIDS="$STACK_PIDS $APP_PID $APP_SMALL_PID"
}

# Wait until HEALTHZ answers on both ports and PHP-FPM listens.
bench_wait_up() {
	i=0
	until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null &&
	    curl -fsS -o /dev/null "http://127.0.0.1:$PORT_SMALL/healthz" 2>/dev/null &&
	    [ -S "$RUN/php-fpm.sock" ]; do
		i=$((i + 1))
		for p in $NGINX_PID $PHP_PID $APP_PID $APP_SMALL_PID; do
			kill -0 "$p" 2>/dev/null || {
				tail -5 "$RUN/tenantry.log" "$RUN/nginx-error.log" "$RUN/php-fpm.log" >&2
				bench_die "a component (pid $p) exited; see $RUN/"; }
		done
		[ $i -gt 100 ] && bench_die "the stack did not answer on port $PORT"
		sleep 0.1
	done
}

# Restart both serve masters: fresh connections and prepared statements.
bench_serve_restart() {
	kill "$APP_PID" "$APP_SMALL_PID" 2>/dev/null
	wait "$APP_PID" "$APP_SMALL_PID" 2>/dev/null
	bench_serve_start
	bench_wait_up
}

# Wait (at most 30 s) until no statement of the benchmark's databases runs:
# requests a run left queued must not be charged to the next run.
bench_drain() {
	i=0 idle=0
	while [ $i -lt 300 ] && [ $idle -lt 2 ]; do
		n=$(bench_sql mysql "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND IN ('Query', 'Execute') AND ID <> CONNECTION_ID() AND DB IN ('tenantry', 'tenantry_small')")
		if [ "$n" = 0 ]; then idle=$((idle + 1)); else idle=0; fi
		i=$((i + 1))
		sleep 0.1
	done
}

# bench_app_start: both serve masters, PHP-FPM and nginx; waits for them.
bench_app_start() {
	mkdir -p "$RUN/nginx-tmp" "$RUN/static"
	bench_serve_start
	bench_php_start
	bench_nginx_conf
	: >"$RUN/static/services.html"
	nginx -p "$RUN" -e "$RUN/nginx-error.log" -c "$RUN/nginx.conf" -g 'daemon off;' &
	NGINX_PID=$!
	STACK_PIDS="$STACK_PIDS $NGINX_PID"
	bench_wait_up
}

bench_stop() {
	for p in $NGINX_PID $PHP_PID $APP_PID $APP_SMALL_PID; do
		[ -n "$p" ] && kill "$p" 2>/dev/null
	done
	for p in $NGINX_PID $PHP_PID $APP_PID $APP_SMALL_PID; do
		[ -n "$p" ] && wait "$p" 2>/dev/null
	done
	NGINX_PID="" PHP_PID="" APP_PID="" APP_SMALL_PID=""
	stack_db_stop
}

# Worker pids of a serve master (its children).
bench_workers() {
	ps -o pid= --ppid "$1" | tr -d ' '
}

# bench_login PORT: prints "TOKEN CSRF" for the demo operator admin.
bench_login() {
	base="http://127.0.0.1:$1"
	jar="$RUN/login.$1.jar"
	rm -f "$jar"
	page=$(curl -fsS -c "$jar" "$base/login") || return 1
	pre=$(printf '%s' "$page" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	st=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
	    --data-urlencode "email=$BENCH_EMAIL" --data-urlencode "password=$BENCH_PASSWORD" \
	    --data-urlencode "csrf=$pre" "$base/login")
	[ "$st" = 303 ] || { bench_say "bench: sign-in on port $1 answered $st"; return 1; }
	tok=$(awk '$6 == "tn_session" { print $7 }' "$jar")
	page=$(curl -fsS -H "Cookie: tn_session=$tok" "$base/occupiers") || return 1
	csrf=$(printf '%s' "$page" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	[ -n "$tok" ] && [ -n "$csrf" ] || return 1
	echo "$tok $csrf"
}

# bench_plan_tsv DB "PLAN CONDITION": one line per current row of the plan
# occupiers: occ site version row_id service contract qty price_now price_next.
# Saves alternate two plans: support-premium 60.00 <-> 61.00 and
# voice-line 15.00 <-> 15.50 (prices only, so the rules and the
# infrastructure stay valid and every save updates two rows).
bench_plan_tsv() {
	bench_sql "$1" "SELECT os.occupier_id, os.site_id, p.version, os.id, os.service_id,
	    os.contract_id, os.qty,
	    CONCAT(os.price DIV 100, '.', LPAD(os.price % 100, 2, '0')),
	    CONCAT(np DIV 100, '.', LPAD(np % 100, 2, '0'))
	  FROM (SELECT os.*, CASE s.code
	      WHEN 'support-premium' THEN IF(os.price = 6000, 6100, 6000)
	      WHEN 'voice-line' THEN IF(os.price = 1500, 1550, 1500)
	      ELSE os.price END AS np
	    FROM occupier_service os JOIN service s ON s.id = os.service_id) os
	  JOIN bench_occ o ON o.id = os.occupier_id
	  JOIN occupier_site_plan p ON p.occupier_id = os.occupier_id AND p.site_id = os.site_id
	  WHERE $2 AND os.ended_at IS NULL ORDER BY o.idx, os.id"
}

# bench_form_body CSRF OP WHICH (now|next) EXTRA < plan.tsv: the form the
# Manage services dialog posts for the first occupier in the input.
bench_form_body() {
	awk -v csrf="$1" -v op="$2" -v which="$3" -v extra="$4" '
	BEGIN { FS = "\t" }
	NR == 1 { occ = $1; printf "csrf=%s&version=%s&q=", csrf, $3 }
	$1 != occ { exit }
	{
		i = NR - 1
		k = "row%5B" i "%5D%5B"
		printf "&%sid%%5D=%s&%sservice%%5D=%s&%scontract%%5D=%s&%sprice%%5D=%s&%sqty%%5D=%s",
		    k, $4, k, $5, k, $6, k, (which == "next" ? $9 : $8), k, $7
	}
	END { printf "&op=%s%s", op, extra }'
}

# bench_lua_data < plan.tsv: the save script's data (tests/bench/save.lua).
bench_lua_data() {
	awk '
	BEGIN { FS = "\t"; print "return {" }
	$1 != occ {
		if (occ != "") print "} },"
		occ = $1
		printf "{ occ = %s, site = %s, version = %s, turn = 1, rows = {\n", $1, $2, $3
	}
	{ printf "  { %s, %s, %s, %s, \"%s\", \"%s\" },\n", $4, $5, $6, $7, $9, $8 }
	END { if (occ != "") print "} },"; print "}" }'
}
