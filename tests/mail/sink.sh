#!/bin/sh
# tests/mail/sink.sh start|stop: the test SMTP sink (tests/mail/sink.py) on
# 127.0.0.1:$MAIL_SINK_PORT, writing to $MAIL_SINK_DIR, its pid in
# $MAIL_SINK_DIR.pid. start waits until it answers; stop waits until it is
# gone. Used by tests/run.sh and by the tests that take the sink away.
set -u
here=$(cd "$(dirname "$0")" && pwd)
pidf="$MAIL_SINK_DIR.pid"
case "${1:-}" in
start)
	mkdir -p "$MAIL_SINK_DIR"
	# Debian's python3: the one python3-aiosmtpd installs into.
	/usr/bin/python3 "$here/sink.py" --port "$MAIL_SINK_PORT" --dir "$MAIL_SINK_DIR" \
	    --pidfile "$pidf" >>"$MAIL_SINK_DIR.log" 2>&1 &
	i=0
	until python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1', int(sys.argv[1])), 1); s.recv(100)" \
	    "$MAIL_SINK_PORT" 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt 100 ] && { echo "sink: did not start" >&2; exit 1; }
		sleep 0.1
	done
	;;
stop)
	[ -f "$pidf" ] || exit 0
	pid=$(cat "$pidf")
	kill "$pid" 2>/dev/null
	i=0
	while kill -0 "$pid" 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt 50 ] && kill -9 "$pid" 2>/dev/null
		sleep 0.1
	done
	rm -f "$pidf"
	;;
*)
	echo "usage: sink.sh start|stop" >&2
	exit 2
	;;
esac
