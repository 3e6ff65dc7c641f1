#!/bin/sh
# tests/fuzz/build.sh: build every libFuzzer driver (tests/fuzz/fuzz_*.c)
# into build/fuzz/, linked with the pure modules (the Makefile's LIB_C),
# under ASan+UBSan. A driver is rebuilt only when a source is newer.
# Sourced by replay.sh and run.sh; sets DRIVERS (names, in order).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
FUZZ_CC=${FUZZ_CC:-clang}
FUZZ_FLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Iapp -Itests/fuzz"
LIB_C="$(ls app/domain/*.c) app/http/parse.c app/http/multipart.c app/arena.c"
OUTDIR=build/fuzz
APP_H=$(find app -name '*.h' | sort)

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

mkdir -p "$OUTDIR"
DRIVERS=""
for src in tests/fuzz/fuzz_*.c; do
	d=$(basename "$src" .c)
	DRIVERS="$DRIVERS $d"
	bin="$OUTDIR/$d"
	if [ -x "$bin" ]; then
		# shellcheck disable=SC2086
		newer=$(find "$src" tests/fuzz/fuzz.h $LIB_C $APP_H -newer "$bin" \
		    2>/dev/null | head -1)
		[ -z "$newer" ] && continue
	fi
	echo "fuzz: building $d" >&2
	# shellcheck disable=SC2086
	if ! $FUZZ_CC $FUZZ_FLAGS -o "$bin.tmp" "$src" $LIB_C; then
		echo "fuzz: build of $d failed" >&2
		rm -f "$bin.tmp"
		exit 1
	fi
	mv "$bin.tmp" "$bin"
done
