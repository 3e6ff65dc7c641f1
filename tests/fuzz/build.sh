#!/bin/sh
# tests/fuzz/build.sh: build every libFuzzer driver (tests/fuzz/fuzz_*.c)
# into build/fuzz/ through the Makefile (make fuzz-build: the pure modules,
# the Makefile's flags, ASan+UBSan), installing clang first if needed.
# Sourced by replay.sh and run.sh; sets DRIVERS (names, in order).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
FUZZ_CC=${FUZZ_CC:-clang}
OUTDIR=build/fuzz

if ! command -v "$FUZZ_CC" >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "fuzz: installing clang and libclang-rt-14-dev" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		    clang libclang-rt-14-dev >&2 || exit 1
	else
		echo "fuzz: $FUZZ_CC not found (apt-get install clang libclang-rt-14-dev)" >&2
		exit 1
	fi
fi

# The drivers are built by the Makefile, with its flags (make fuzz-build).
DRIVERS=""
for src in tests/fuzz/fuzz_*.c; do
	DRIVERS="$DRIVERS $(basename "$src" .c)"
done
make --no-print-directory -s fuzz-build FUZZ_CC="$FUZZ_CC" >&2 || {
	echo "fuzz: build failed" >&2; exit 1; }
