#!/bin/sh
# tests/verify/cluster.sh: the `cluster` check of make verify (run.sh calls
# it; it can run alone). Starts Tenantry on a 3-node Galera cluster with
# three app hosts behind nginx (nginx/cluster.sh, state under
# $VAR/galera/cluster, the ASan+UBSan build, TENANTRY_TODAY pinned), runs
# tests/verify/cluster.mjs against it (it kills and restarts nodes and a
# host itself, through nginx/cluster.sh), and stops it whatever happens.
#   sh tests/verify/cluster.sh [CLIENTS SAVES]    (VERIFY_FAST=1: 4 × 25)
# Settings: VAR (a directory of its own; default a throwaway one in /tmp),
# CLUSTER_WORKERS (workers per host, 2), CLUSTER_NETNS (auto), TENANTRY_BIN.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
OWN_VAR=0
if [ -z "${VAR:-}" ]; then
	VAR=$(mktemp -d /tmp/tenantry-cluster.XXXXXX)
	OWN_VAR=1
fi
CVAR="$VAR/galera"
mkdir -p "$CVAR"
chmod o+x "$VAR"	# the nodes run as the mysql user
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export PORT
export TENANTRY_TODAY="${TENANTRY_TODAY:-2026-02-16}"
export TENANTRY_WORKERS="${CLUSTER_WORKERS:-2}"
export TENANTRY_HASH_SLOTS="${TENANTRY_HASH_SLOTS:-2}"
export TENANTRY_BIN="${TENANTRY_BIN:-$ROOT/build/asan/tenantry}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:halt_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
unset TENANTRY_DB_HOST TENANTRY_DB_PORT TENANTRY_DB_SOCKET TENANTRY_DB_USER \
    TENANTRY_DB_PASSWORD TENANTRY_DB_NAME TENANTRY_CONFIG TENANTRY_LISTEN
NODE_PID=""

stop() {
	[ -n "$NODE_PID" ] && kill "$NODE_PID" 2>/dev/null && wait "$NODE_PID" 2>/dev/null
	NODE_PID=""
	echo "== stop $(date +%s)"
	VAR="$CVAR" sh nginx/cluster.sh stop
	if [ "$OWN_VAR" = 1 ] && [ "${VERIFY_KEEP:-0}" != 1 ]; then
		rm -rf "$VAR"
	fi
}
trap stop EXIT
trap 'exit 130' INT TERM

echo "== start $(date +%s): VAR=$CVAR PORT=$PORT workers/host=$TENANTRY_WORKERS bin=$TENANTRY_BIN"
[ -x "$TENANTRY_BIN" ] || { echo "cluster: $TENANTRY_BIN is missing (make asan)"; exit 1; }
if ! VAR="$CVAR" sh nginx/cluster.sh start; then
	echo "cluster: the cluster did not start"
	exit 1
fi
VAR="$CVAR" sh nginx/cluster.sh status
export CLUSTER_VAR="$CVAR"
export BASE_URL="http://127.0.0.1:$PORT"
export TENANTRY_DB_SOCKET="$CVAR/cluster/db1/mariadb.sock"
# In the background, so that a signal from `timeout` stops the cluster now.
node "$ROOT/tests/verify/cluster.mjs" "$@" &
NODE_PID=$!
wait "$NODE_PID"
rc=$?
NODE_PID=""
for f in "$CVAR"/cluster/app*.log; do
	grep -E -A20 "ERROR: AddressSanitizer|runtime error:" "$f" | head -40
done
exit $rc
