#!/bin/sh
# tests/fuzz/replay.sh: build every libFuzzer driver and replay its
# committed corpus (tests/fuzz/corpus/<driver>/) once, under ASan+UBSan.
# Prints "ok <driver> <N> inputs" per driver; exits non-zero on a crash,
# a leak, a sanitizer report or a missing corpus. Run by `make test`.
set -u
. "$(dirname "$0")/build.sh"

status=0
for d in $DRIVERS; do
	corpus=tests/fuzz/corpus/$d
	n=$(find "$corpus" -type f 2>/dev/null | wc -l)
	if [ "$n" -eq 0 ]; then
		echo "FAIL $d: no corpus in $corpus"
		status=1
		continue
	fi
	log=$OUTDIR/$d.replay.log
	# -runs=0: execute every corpus file, mutate nothing.
	if "./$OUTDIR/$d" -runs=0 -detect_leaks=1 "$corpus" >"$log" 2>&1 &&
	    ! grep -q -E "runtime error:|ERROR: (Address|Leak)Sanitizer" "$log"; then
		echo "ok $d $n inputs"
	else
		echo "FAIL $d (log: $log)"
		grep -E -A15 "runtime error:|ERROR: |property failed|deadly signal" "$log" | head -40
		status=1
	fi
done
exit $status
