#!/bin/sh
# cluster.sh: Tenantry scaled out on this one machine, with the real engines:
# a MariaDB Galera cluster of three nodes, three `tenantry serve` hosts on
# TCP (each pointed first at a different node, the others as fallbacks) and
# one nginx with an upstream of the three hosts. No systemd; every file it
# writes is under $VAR/cluster.
#
#   sh nginx/cluster.sh run            foreground (make cluster); Ctrl-C stops everything
#   sh nginx/cluster.sh start          the same in the background; returns once it serves
#   sh nginx/cluster.sh stop           stops what start or run started
#   sh nginx/cluster.sh status         each node's Galera state, each host's processes
#   sh nginx/cluster.sh kill-node N    SIGKILL database node N
#   sh nginx/cluster.sh start-node N   start node N again; it rejoins (IST) and syncs
#   sh nginx/cluster.sh isolate-node N on|off   cut node N off the group (it leaves the
#                                      primary component, wsrep_ready OFF) or let it back
#   sh nginx/cluster.sh kill-host N    SIGKILL app host N's master and workers
#   sh nginx/cluster.sh start-host N   start app host N again
#   sh nginx/cluster.sh sql N SQL      run SQL on node N (root, through its socket)
#   sh nginx/cluster.sh env            the addresses and ports, as shell assignments
#
# Where things run: when the kernel lets this user create network
# namespaces, each node and each host is a namespace of its own with a real
# address on a private bridge (10.77.X.0/24; nodes .11-.13 on the standard
# ports 3306, 4567 group communication, 4568 IST, 4444 SST; hosts .21-.23
# on port 9000); otherwise everything listens on 127.0.0.1 with distinct
# free ports. nginx listens on 127.0.0.1:$PORT (the upstream of all hosts)
# and, for tests and measurements, on one more port per host that reaches
# that host alone (`env` prints them). The nodes run as the mysql user with
# data directories it owns: as root, the rsync state transfer's daemon drops
# to nobody and the joining node fails ("cannot stat destination:
# Permission denied").
#
# Settings (environment):
#   PORT               nginx's port (8080)
#   VAR                state directory (var); the cluster lives in $VAR/cluster
#   CLUSTER_NODES      database nodes (3)
#   CLUSTER_HOSTS      app hosts (3)
#   CLUSTER_GALERA     1 (default): Galera; 0: one plain MariaDB (CLUSTER_NODES=1),
#                      the same settings otherwise, for comparison figures
#   CLUSTER_NETNS      auto (default), 1 (namespaces or fail), 0 (loopback ports)
#   CLUSTER_SEED       1 (default): load the demo data into an empty database
#   CLUSTER_FLUSH      innodb_flush_log_at_trx_commit of the nodes (1)
#   TENANTRY_WORKERS   workers per host (2 x cores)
#   TENANTRY_BIN, TENANTRY_TODAY, TENANTRY_*   passed to the hosts (see README)
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${PORT:=8080}"
: "${VAR:=$ROOT/var}"
C="$VAR/cluster"
BIN="${TENANTRY_BIN:-$ROOT/build/tenantry}"
DBNAME="${TENANTRY_DB_NAME:-tenantry}"
GALERA_LIB=/usr/lib/galera/libgalera_smm.so
DBUSER=mysql
[ "$(id -u)" = 0 ] || DBUSER=$(id -un)

say() { printf '%s\n' "$*"; }
die() { say "cluster: $*" >&2; exit 1; }

# ---- the layout (written once per start to $C/env, read by every command) ----

# free_ports N: N distinct free TCP ports of 127.0.0.1 other than $PORT
# (all held until all are found), one a line.
free_ports() {
	node -e "
	const net = require('net'), all = [];
	(function next() {
		if (all.length === $1) {
			console.log(all.map((s) => s.address().port).join('\\n'));
			all.forEach((s) => s.close());
			return;
		}
		const s = net.createServer();
		s.listen(0, '127.0.0.1', () => {
			if (s.address().port === $PORT)	/* nginx's, maybe not bound yet */
				s.close(), setImmediate(next);
			else
				all.push(s), next();
		});
	})();"
}

# netns_usable: 0 when namespaces, veth pairs and a bridge can be made here.
netns_usable() {
	local t="tnp$$" ok=1
	ip netns add "$t" 2>/dev/null || return 1
	ip link add "${t}b" type bridge 2>/dev/null &&
	    ip link add "${t}v" type veth peer name "${t}w" 2>/dev/null &&
	    ip link set "${t}w" netns "$t" 2>/dev/null && ok=0
	ip link del "${t}v" 2>/dev/null
	ip link del "${t}b" 2>/dev/null
	ip netns del "$t" 2>/dev/null
	return $ok
}

# layout_new: choose the addresses and ports of this start and write $C/env.
layout_new() {
	local nodes hosts galera mode x k i
	nodes=${CLUSTER_NODES:-3}
	hosts=${CLUSTER_HOSTS:-3}
	galera=${CLUSTER_GALERA:-1}
	[ "$galera" = 1 ] || [ "$nodes" = 1 ] || die "CLUSTER_GALERA=0 runs one node (CLUSTER_NODES=1)"
	mode=loopback
	set -- $(free_ports $((4 * nodes + 2 * hosts)))
	case ${CLUSTER_NETNS:-auto} in
	0) ;;
	1) netns_usable || die "CLUSTER_NETNS=1 but network namespaces cannot be created here"; mode=netns ;;
	*) netns_usable && mode=netns ;;
	esac
	{
		say "MODE=$mode NODES=$nodes HOSTS=$hosts GALERA=$galera PORT=$PORT"
		if [ "$mode" = netns ]; then
			# A /24 of 10.77.0.0/16 and a bridge name no other interface uses.
			x=$(( $(printf '%s' "$C" | cksum | cut -d' ' -f1) % 250 + 1 ))
			k=0
			while ip -o addr show | grep -q " 10\.77\.$x\." || ip link show "tnbr$x" >/dev/null 2>&1; do
				x=$((x % 250 + 1)); k=$((k + 1))
				[ $k -gt 250 ] && die "no free 10.77.X.0/24"
			done
			say "NET=10.77.$x TAG=tn$x BR=tnbr$x"
		fi
		i=1
		while [ $i -le "$nodes" ]; do
			if [ "$mode" = netns ]; then
				say "DBA_$i=10.77.$x.$((10 + i)) DBP_$i=3306 GCP_$i=4567 ISTP_$i=4568 SSTP_$i=4444"
			else
				say "DBA_$i=127.0.0.1 DBP_$i=$1 GCP_$i=$2 ISTP_$i=$3 SSTP_$i=$4"
				shift 4
			fi
			i=$((i + 1))
		done
		i=1
		while [ $i -le "$hosts" ]; do
			if [ "$mode" = netns ]; then
				say "HA_$i=10.77.$x.$((20 + i)) HP_$i=9000 HPORT_$i=$1"
				shift 2
			else
				say "HA_$i=127.0.0.1 HP_$i=$1 HPORT_$i=$2"
				shift 2
			fi
			i=$((i + 1))
		done
	} >"$C/env.new" || exit 1
	mv "$C/env.new" "$C/env"
}

layout_load() {
	[ -f "$C/env" ] || die "no cluster in $C (sh nginx/cluster.sh start)"
	. "$C/env"
}

v() { eval "printf '%s' \"\${$1}\""; }	# v NAME: the value of $NAME

# in_ns WHAT CMD...: CMD in WHAT's namespace (db1, app2...), or here.

# ---- the network (netns mode) -------------------------------------------------

net_up() {
	local w a ns
	[ "$MODE" = netns ] || return 0
	ip link show "$BR" >/dev/null 2>&1 || {
		ip link add "$BR" type bridge &&
		    ip addr add "$NET.1/24" dev "$BR" &&
		    ip link set "$BR" up
	} || die "cannot create the bridge $BR"
	for w in $(i=1; while [ $i -le "$NODES" ]; do echo "db$i"; i=$((i + 1)); done) \
	    $(i=1; while [ $i -le "$HOSTS" ]; do echo "app$i"; i=$((i + 1)); done); do
		case $w in
		db*) a=$(v "DBA_${w#db}") ;;
		*) a=$(v "HA_${w#app}") ;;
		esac
		ns="$TAG-$w"
		ip netns list | grep -q "^$ns\b" && continue
		ip netns add "$ns" && ip netns exec "$ns" ip link set lo up &&
		    ip link add "$TAG$w" type veth peer name "${TAG}x$w" &&
		    ip link set "${TAG}x$w" netns "$ns" &&
		    ip link set "$TAG$w" master "$BR" && ip link set "$TAG$w" up &&
		    ip netns exec "$ns" ip addr add "$a/24" dev "${TAG}x$w" &&
		    ip netns exec "$ns" ip link set "${TAG}x$w" up ||
		    die "cannot set up the namespace $ns"
	done
	echo "$TAG $BR" >"$C/netns"
}

net_down() {
	local tag br ns l
	[ -f "$C/netns" ] || return 0
	read -r tag br <"$C/netns"
	for ns in $(ip netns list | awk '{ print $1 }' | grep "^$tag-"); do
		ip netns del "$ns" 2>/dev/null
	done
	for l in $(ip -o link show | awk -F': ' '{ print $2 }' | sed 's/@.*//' | grep "^$tag"); do
		ip link del "$l" 2>/dev/null
	done
	ip link del "$br" 2>/dev/null
	rm -f "$C/netns"
}

# ---- database nodes ------------------------------------------------------------

node_dir() { echo "$C/db$1"; }
node_sock() { echo "$C/db$1/mariadb.sock"; }
node_pid() { cat "$C/db$1/mariadb.pid" 2>/dev/null; }

# node_sql N SQL: tab-separated rows, no header (root through the socket).
node_sql() {
	mariadb --no-defaults --default-character-set=utf8mb4 -S "$(node_sock "$1")" -u root -N -B -e "$2"
}

node_status() {	# node_status N NAME: one wsrep status value
	node_sql "$1" "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | cut -f2
}

node_cnf() {
	local d a gc peers i
	d=$(node_dir "$1")
	a=$(v "DBA_$1") gc=$(v "GCP_$1")
	cat <<EOF
# Generated by nginx/cluster.sh for node $1 ($MODE); rewritten at each start.
[mysqld]
$([ "$(id -u)" = 0 ] && echo "user = mysql")
datadir = $d/data
socket = $d/mariadb.sock
pid-file = $d/mariadb.pid
log-error = $d/mariadb.log
bind-address = $a
port = $(v "DBP_$1")
max-connections = 200
innodb-buffer-pool-size = 256M
innodb-flush-log-at-trx-commit = ${CLUSTER_FLUSH:-1}
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
default-storage-engine = InnoDB
skip-name-resolve
EOF
	[ "$GALERA" = 1 ] || return 0
	peers=""
	i=1
	while [ $i -le "$NODES" ]; do
		peers="$peers${peers:+,}$(v "DBA_$i"):$(v "GCP_$i")"
		i=$((i + 1))
	done
	cat <<EOF
# Galera: row-based replication, interleaved auto-increment locks, and
# wsrep_sync_wait = 1 so that a read (and START TRANSACTION) first waits
# for every write the cluster has already committed: a request served by
# another node sees what the previous request changed (sessions, the
# version rows the worker caches are checked against).
binlog-format = ROW
innodb-autoinc-lock-mode = 2
wsrep-on = ON
wsrep-provider = $GALERA_LIB
wsrep-cluster-name = tenantry
wsrep-cluster-address = gcomm://$peers
wsrep-node-name = db$1
wsrep-node-address = $a:$gc
wsrep-provider-options = "gmcast.listen_addr=tcp://$a:$gc;ist.recv_addr=$a:$(v "ISTP_$1");gcache.size=256M"
wsrep-sst-method = rsync
wsrep-sst-receive-address = $a:$(v "SSTP_$1")
wsrep-sync-wait = 1
EOF
}

# The seqno in a node's grastate.dat (-1 after a crash; empty if none).
node_seqno() {
	sed -n 's/^seqno:[[:space:]]*//p' "$(node_dir "$1")/data/grastate.dat" 2>/dev/null
}

# node_recover N: the position a crashed node's InnoDB holds (uuid:seqno),
# as galera_recovery finds it for systemd.
node_recover() {
	local d
	d=$(node_dir "$1")
	rm -f "$d/recover.log"
	mariadbd --defaults-file="$d/my.cnf" --wsrep-recover --log-error="$d/recover.log" >/dev/null 2>&1
	sed -n 's/.*WSREP: Recovered position: *\([0-9a-f-]*:-*[0-9]*\).*/\1/p' "$d/recover.log" | tail -1
}

# node_start N [new]: start node N ("new": bootstrap a new primary component).
node_start() {
	local n d extra pos p
	n=$1
	d=$(node_dir "$n")
	p=$(cat "$d/launch.pid" 2>/dev/null)
	if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
		say "cluster: node $n is running (pid $p)" >&2
		return 1
	fi
	mkdir -p "$d"
	node_cnf "$n" >"$d/my.cnf"
	extra=""
	if [ ! -d "$d/data/mysql" ] && { [ "${2:-}" = new ] || [ "$GALERA" = 0 ]; }; then
		mkdir -p "$d/data"
		mariadb-install-db --no-defaults --user="$DBUSER" --datadir="$d/data" \
		    --auth-root-authentication-method=normal --skip-test-db \
		    >"$d/install.log" 2>&1 || { cat "$d/install.log" >&2; return 1; }
	fi
	mkdir -p "$d/data"
	[ "$DBUSER" = mysql ] && chown -R mysql:mysql "$d"
	if [ "$GALERA" = 1 ] && [ "$(node_seqno "$n")" = -1 ]; then
		# Killed: start from the position its InnoDB recovered, so that
		# it rejoins by an incremental transfer (IST), not a full copy.
		pos=$(node_recover "$n")
		[ -n "$pos" ] && extra="--wsrep-start-position=$pos"
	fi
	[ "${2:-}" = new ] && [ "$GALERA" = 1 ] && extra="$extra --wsrep-new-cluster"
	rm -f "$d/mariadb.sock" "$d/mariadb.pid"
	echo "== start $(date +%s%3N) $extra" >>"$d/node.log"
	# shellcheck disable=SC2086
	setsid sh -c 'exec "$@" >>"$0" 2>&1 </dev/null' "$d/stdout.log" \
	    $( [ "$MODE" = netns ] && echo "ip netns exec $TAG-db$n" ) \
	    mariadbd --defaults-file="$d/my.cnf" $extra &
	echo $! >"$d/launch.pid"
}

# node_wait N [SECONDS]: until node N answers and, with Galera, is Synced.
node_wait() {
	local n lim i p
	n=$1
	lim=$(( ${2:-180} * 10 ))
	i=0
	while :; do
		if [ "$GALERA" = 1 ]; then
			[ "$(node_status "$n" wsrep_local_state_comment)" = Synced ] &&
			    [ "$(node_status "$n" wsrep_ready)" = ON ] && return 0
		else
			node_sql "$n" "SELECT 1" >/dev/null 2>&1 && return 0
		fi
		i=$((i + 1))
		p=$(cat "$(node_dir "$n")/launch.pid" 2>/dev/null)
		if [ $i -gt $lim ] || { [ -n "$p" ] && ! kill -0 "$p" 2>/dev/null; }; then
			say "cluster: node $n did not come up; the end of $(node_dir "$n")/mariadb.log:" >&2
			tail -25 "$(node_dir "$n")/mariadb.log" >&2
			return 1
		fi
		sleep 0.1
	done
}

node_kill() {
	local p i
	p=$(node_pid "$1")
	[ -n "$p" ] && kill -9 "$p" 2>/dev/null
	p=$(cat "$(node_dir "$1")/launch.pid" 2>/dev/null)
	[ -n "$p" ] && kill -9 "$p" 2>/dev/null
	i=0
	while [ -n "$p" ] && kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	rm -f "$(node_dir "$1")/launch.pid"
}

node_stop() {
	local p i
	p=$(cat "$(node_dir "$1")/launch.pid" 2>/dev/null)
	[ -n "$p" ] || return 0
	kill "$p" 2>/dev/null
	i=0
	while kill -0 "$p" 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt 600 ] && { kill -9 "$p" 2>/dev/null; break; }
		sleep 0.1
	done
	rm -f "$(node_dir "$1")/launch.pid"
}

# The node to bootstrap a cluster whose nodes are all down: the one that
# stopped last (safe_to_bootstrap: 1), else the most advanced after a crash.
node_bootstrap_choice() {
	local i best bestseq s
	i=1
	while [ $i -le "$NODES" ]; do
		grep -q '^safe_to_bootstrap: *1' "$(node_dir $i)/data/grastate.dat" 2>/dev/null && { echo $i; return; }
		i=$((i + 1))
	done
	best=1 bestseq=-2
	i=1
	while [ $i -le "$NODES" ]; do
		if [ -d "$(node_dir $i)/data/mysql" ]; then
			node_cnf $i >"$(node_dir $i)/my.cnf"
			s=$(node_seqno $i)
			[ "$s" = -1 ] && s=$(node_recover $i | sed 's/.*://')
			[ -n "$s" ] && [ "$s" -gt "$bestseq" ] && best=$i bestseq=$s
		fi
		i=$((i + 1))
	done
	sed -i 's/^safe_to_bootstrap:.*/safe_to_bootstrap: 1/' "$(node_dir $best)/data/grastate.dat" 2>/dev/null
	echo $best
}

# ---- app hosts -----------------------------------------------------------------

# The node list host N tries: its own node first, then the others in turn.
host_db_list() {
	local l k i
	l=""
	k=0
	while [ $k -lt "$NODES" ]; do
		i=$(( ($1 - 1 + k) % NODES + 1 ))
		l="$l${l:+,}$(v "DBA_$i"):$(v "DBP_$i")"
		k=$((k + 1))
	done
	echo "$l"
}

host_start() {
	local n pw p
	n=$1
	pw=$(cat "$C/app-password")
	p=$(host_pid "$n")
	if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
		say "cluster: host $n is running (pid $p)" >&2
		return 1
	fi
	rm -f "$C/app$n.pid"
	# shellcheck disable=SC2046
	TENANTRY_DB_HOST=$(host_db_list "$n") TENANTRY_DB_USER=tenantry \
	TENANTRY_DB_PASSWORD="$pw" TENANTRY_DB_NAME="$DBNAME" TENANTRY_DB_SOCKET= \
	TENANTRY_LISTEN="$(v "HA_$n"):$(v "HP_$n")" \
	TENANTRY_TEMPLATES="${TENANTRY_TEMPLATES:-$ROOT/templates}" \
	    setsid sh -c 'echo "== start $(date +%s%3N)" >>"$0"; exec "$@" 2>>"$0" </dev/null >/dev/null' "$C/app$n.log" \
	    $( [ "$MODE" = netns ] && echo "ip netns exec $TAG-app$n" ) "$BIN" serve &
	echo $! >"$C/app$n.pid"
}

host_pid() { cat "$C/app$1.pid" 2>/dev/null; }

host_kill() {	# master and workers at once
	local p i
	p=$(host_pid "$1")
	[ -n "$p" ] || return 0
	# shellcheck disable=SC2046
	kill -9 "$p" $(ps -o pid= --ppid "$p" 2>/dev/null) 2>/dev/null
	i=0
	while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	rm -f "$C/app$1.pid"
}

host_stop() {
	local p i
	p=$(host_pid "$1")
	[ -n "$p" ] || return 0
	kill "$p" 2>/dev/null
	i=0
	while kill -0 "$p" 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt 200 ] && { kill -9 "$p" $(ps -o pid= --ppid "$p" 2>/dev/null) 2>/dev/null; break; }
		sleep 0.1
	done
	rm -f "$C/app$1.pid"
}

# host_wait N: until host N answers /healthz through its own nginx port.
host_wait() {
	local i p
	i=0
	until curl -fsS -o /dev/null "http://127.0.0.1:$(v "HPORT_$1")/healthz" 2>/dev/null; do
		i=$((i + 1))
		p=$(host_pid "$1")
		if [ $i -gt 150 ] || [ -z "$p" ] || ! kill -0 "$p" 2>/dev/null; then
			say "cluster: host $1 did not answer; the end of $C/app$1.log:" >&2
			tail -10 "$C/app$1.log" >&2
			return 1
		fi
		sleep 0.1
	done
}

# ---- nginx ---------------------------------------------------------------------

# nginx/nginx.conf.in rendered as nginx/stack.sh renders it, with the
# upstream of all hosts, and one more server block per host (its own
# upstream of one) on HPORT_N.
nginx_conf() {
	local slots ups direct i
	slots=${TENANTRY_HASH_SLOTS:-$(nproc)}
	VAR="$C" PORT="$PORT" TENANTRY_LOGIN_RATE="${TENANTRY_LOGIN_RATE:-$((5 * slots * HOSTS))}" \
	    sh -c '. "$0"; stack_nginx_conf "@HOSTS@"' "$ROOT/nginx/stack.sh" >"$C/nginx.base.conf" || return 1
	ups="" direct=""
	i=1
	while [ $i -le "$HOSTS" ]; do
		ups="$ups$(v "HA_$i"):$(v "HP_$i") "
		direct="$direct$(v "HPORT_$i") "
		i=$((i + 1))
	done
	awk -v ups="$ups" -v direct="$direct" -v port="$PORT" '
	BEGIN { nu = split(ups, u, " "); split(direct, dp, " ") }
	/^\tupstream tenantry \{/ { inup = 1 }
	inup { up = up $0 "\n" }
	inup && /^\t\}/ { inup = 0 }
	/^\tserver \{/ { insrv = 1 }
	insrv { srv = srv $0 "\n" }
	insrv && /^\t\}/ { insrv = 0 }
	/server @HOSTS@;/ {
		print "\t\t# The app hosts (nginx/cluster.sh). nginx moves a request to the next"
		print "\t\t# host on a connection error or timeout, but never re-sends a POST that"
		print "\t\t# reached a worker (fastcgi_next_upstream without non_idempotent)."
		for (i = 1; i <= nu; i++) print "\t\tserver " u[i] ";"
		next
	}
	/^\}/ {
		for (i = 1; i <= nu; i++) {
			a = up; s = srv
			sub(/upstream tenantry \{/, "upstream tenantry_h" i " {", a)
			gsub(/\t\t# [^\n]*\n/, "", a)
			sub(/server @HOSTS@;/, "server " u[i] ";", a)
			gsub("listen 127.0.0.1:" port ";", "listen 127.0.0.1:" dp[i] ";", s)
			gsub(/fastcgi_pass tenantry;/, "fastcgi_pass tenantry_h" i ";", s)
			print "\t# host " i " alone (tests and measurements)"
			printf "%s", a
			printf "%s", s
		}
	}
	{ print }
	' "$C/nginx.base.conf" >"$C/run/nginx.conf"
}

nginx_start() {
	mkdir -p "$C/run/nginx-tmp"
	nginx_conf || return 1
	setsid nginx -p "$C/run" -e "$C/run/nginx-error.log" -c "$C/run/nginx.conf" -g 'daemon off;' \
	    </dev/null >>"$C/run/nginx-error.log" 2>&1 &
	echo $! >"$C/nginx.launch.pid"
}

nginx_stop() {
	local p i
	p=$(cat "$C/nginx.launch.pid" 2>/dev/null)
	[ -n "$p" ] || return 0
	kill "$p" 2>/dev/null
	i=0
	while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	rm -f "$C/nginx.launch.pid"
}

# ---- the whole -----------------------------------------------------------------

cluster_start() {
	local t0 fresh first pw i f p
	[ -x "$BIN" ] || die "$BIN is missing (make)"
	mkdir -p "$C/run"
	for f in "$C/nginx.launch.pid" "$C"/db*/launch.pid "$C"/app*.pid; do
		p=$(cat "$f" 2>/dev/null) || continue
		kill -0 "$p" 2>/dev/null &&
		    die "a cluster is already running from $C (sh nginx/cluster.sh stop)"
		rm -f "$f"	# left by a crash
	done
	net_down	# namespaces a crash left behind
	# The nodes run as the mysql user, which must reach their directories.
	if [ "$(id -u)" = 0 ]; then
		chmod o+x "$VAR" "$C"
		setpriv --reuid=mysql --regid=mysql --clear-groups test -x "$C" 2>/dev/null ||
		    die "the mysql user cannot reach $C: make the directories above it passable (chmod o+x), or set VAR"
	fi
	layout_new
	layout_load
	net_up || return 1
	t0=$(date +%s)
	fresh=1
	[ -d "$(node_dir 1)/data/mysql" ] && fresh=0
	if [ "$GALERA" = 1 ]; then
		first=1
		[ "$fresh" = 0 ] && first=$(node_bootstrap_choice)
		say "cluster: $NODES Galera nodes ($MODE), bootstrapping node $first"
		node_start "$first" new && node_wait "$first" || return 1
	else
		say "cluster: one MariaDB node, no Galera ($MODE)"
		node_start 1 && node_wait 1 || return 1
		first=1
	fi
	if [ "$fresh" = 1 ]; then
		pw=$(head -c 18 /dev/urandom | base64 | tr '+/' 'xy')
		echo "$pw" >"$C/app-password"
		chmod 600 "$C/app-password"
		# The hosts sign in as their own user from any address of the
		# private network; root stays local to each node.
		node_sql 1 "CREATE DATABASE IF NOT EXISTS \`$DBNAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		    CREATE USER IF NOT EXISTS 'tenantry'@'%' IDENTIFIED BY '$pw';
		    GRANT ALL ON \`$DBNAME\`.* TO 'tenantry'@'%'" || return 1
	fi
	i=1
	while [ $i -le "$NODES" ]; do
		if [ $i != "$first" ]; then
			node_start $i && node_wait $i || return 1
		fi
		i=$((i + 1))
	done
	say "cluster: nodes up and synced in $(($(date +%s) - t0)) s"
	# Migrations and the demo data once, through one node.
	TENANTRY_DB_SOCKET="$(node_sock "$first")" TENANTRY_DB_HOST= TENANTRY_DB_USER=root \
	    TENANTRY_DB_PASSWORD= TENANTRY_DB_NAME="$DBNAME" \
	    TENANTRY_SQL_DIR="${TENANTRY_SQL_DIR:-$ROOT/sql}" "$BIN" migrate >>"$C/setup.log" 2>&1 ||
	    { tail -5 "$C/setup.log" >&2; die "migrations failed (see $C/setup.log)"; }
	if [ "${CLUSTER_SEED:-1}" = 1 ]; then
		TENANTRY_DB_SOCKET="$(node_sock "$first")" TENANTRY_DB_HOST= TENANTRY_DB_USER=root \
		    TENANTRY_DB_PASSWORD= TENANTRY_DB_NAME="$DBNAME" TENANTRY_DEMO=1 "$BIN" seed >>"$C/setup.log" 2>&1 ||
		    { tail -5 "$C/setup.log" >&2; die "the demo data failed (see $C/setup.log)"; }
	fi
	i=1
	while [ $i -le "$HOSTS" ]; do host_start $i; i=$((i + 1)); done
	nginx_start || return 1
	i=1
	while [ $i -le "$HOSTS" ]; do host_wait $i || return 1; i=$((i + 1)); done
	curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" ||
	    { tail -5 "$C/run/nginx-error.log" >&2; die "nginx does not answer on port $PORT"; }
	say "cluster: serving on http://127.0.0.1:$PORT/ ($(($(date +%s) - t0)) s)"
}

cluster_stop() {
	local i
	[ -f "$C/env" ] || return 0
	. "$C/env"
	nginx_stop
	i=1
	while [ $i -le "$HOSTS" ]; do host_stop $i; i=$((i + 1)); done
	# Nodes one at a time, the first last: it is then safe to bootstrap.
	i=$NODES
	while [ $i -ge 1 ]; do node_stop $i; i=$((i - 1)); done
	net_down
}

cluster_status() {
	local i s p st
	layout_load
	i=1
	while [ $i -le "$NODES" ]; do
		if [ "$GALERA" = 1 ]; then
			s=$(node_sql $i "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment',
			    'wsrep_cluster_status', 'wsrep_cluster_size', 'wsrep_ready', 'wsrep_last_committed')" 2>/dev/null |
			    awk '{ printf "%s=%s ", $1, $2 }' | sed 's/wsrep_//g')
		else
			s=$(node_sql $i "SELECT 'up'" 2>/dev/null)
		fi
		say "node $i $(v "DBA_$i"):$(v "DBP_$i") pid $(node_pid $i): ${s:-down}"
		i=$((i + 1))
	done
	i=1
	while [ $i -le "$HOSTS" ]; do
		p=$(host_pid $i)
		st=down
		[ -n "$p" ] && kill -0 "$p" 2>/dev/null && st="master $p, $(ps -o pid= --ppid "$p" | wc -l) workers"
		say "host $i $(v "HA_$i"):$(v "HP_$i") (nginx 127.0.0.1:$(v "HPORT_$i"); nodes $(host_db_list $i)): $st"
		i=$((i + 1))
	done
}

cluster_run() {
	trap 'say ""; say "cluster: stopping"; cluster_stop; exit 0' INT TERM
	if ! cluster_start; then
		cluster_stop
		exit 1
	fi
	cat <<MSG

  Tenantry on $NODES Galera nodes and $HOSTS app hosts: http://127.0.0.1:$PORT/
  (demo logins as for make run; password tenantry-demo)

$(cluster_status | sed 's/^/  /')

  State and logs: $C   Ctrl-C stops everything.
  Faults to try meanwhile: sh nginx/cluster.sh kill-node 2 | start-node 2 | kill-host 1 | start-host 1

MSG
	while :; do
		p=$(cat "$C/nginx.launch.pid" 2>/dev/null)
		if [ -z "$p" ] || ! kill -0 "$p" 2>/dev/null; then
			say "cluster: nginx stopped; shutting down" >&2
			cluster_stop
			exit 1
		fi
		sleep 1
	done
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case $cmd in
run) cluster_run ;;
start)
	if ! cluster_start; then
		cluster_stop
		exit 1
	fi
	;;
stop) cluster_stop ;;
status) cluster_status ;;
env) layout_load; cat "$C/env" ;;
kill-node) layout_load; node_kill "$1" ;;
start-node) layout_load; node_start "$1" && node_wait "$1" "${2:-180}" ;;
isolate-node)
	layout_load
	case ${2:-on} in on) iso=1 ;; *) iso=0 ;; esac
	node_sql "$1" "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=$iso'"
	;;
kill-host) layout_load; host_kill "$1" ;;
start-host) layout_load; host_start "$1" && host_wait "$1" ;;
sql) layout_load; node_sql "$1" "$2" ;;
*)
	sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
	;;
esac
