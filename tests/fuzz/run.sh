#!/bin/sh
# tests/fuzz/run.sh [SECONDS]: fuzz every driver for SECONDS (default 60)
# under ASan+UBSan, starting from a scratch copy of its committed corpus
# (build/fuzz/work/<driver>/; the committed corpus is never written).
# Prints per driver the executions and crashes; a crashing input is copied
# into tests/fuzz/crashes/<driver>-<name> (the directory is created only
# then) so it can become a corpus file once fixed. Exits non-zero on any
# crash, leak or timeout.
set -u
SECS=${1:-60}
case $SECS in
''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac
. "$(dirname "$0")/build.sh"

total_crashes=0
for d in $DRIVERS; do
	work=$OUTDIR/work/$d
	art=$OUTDIR/artifacts/$d
	rm -rf "$work" "$art"
	mkdir -p "$work" "$art"
	cp tests/fuzz/corpus/"$d"/* "$work"/ 2>/dev/null
	log=$OUTDIR/$d.run.log
	"./$OUTDIR/$d" "$work" -max_total_time="$SECS" -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$art/" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	crashes=$(find "$art" -type f | wc -l)
	if [ "$crashes" -eq 0 ] && [ "$rc" -ne 0 ]; then
		crashes=1	# died without an artifact: count it anyway
	fi
	if [ "$crashes" -gt 0 ]; then
		mkdir -p tests/fuzz/crashes
		for f in "$art"/*; do
			[ -f "$f" ] || continue
			cp "$f" "tests/fuzz/crashes/$d-$(basename "$f")"
			echo "  crash input: tests/fuzz/crashes/$d-$(basename "$f")" \
			    "hex: $(od -An -tx1 -v "$f" | tr -d ' \n' | cut -c1-200)"
		done
		grep -E -A12 "runtime error:|ERROR: |property failed" "$log" | head -30
	fi
	total_crashes=$((total_crashes + crashes))
	printf '%-20s %10s executions  %d crashes  (corpus %d -> %d files, %ss)\n' \
	    "$d" "${execs:-?}" "$crashes" \
	    "$(find tests/fuzz/corpus/"$d" -type f | wc -l)" \
	    "$(find "$work" -type f | wc -l)" "$SECS"
done
echo "fuzz: $total_crashes crashes"
[ "$total_crashes" -eq 0 ]
