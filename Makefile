# Tenantry. `make run` and `make test` do everything (see README.md).
.POSIX:
.SUFFIXES:

PKGS     = fcgi libmariadb libsodium libcurl jansson
CC       = gcc
CXX      = g++
PKG_CFLAGS != pkg-config --cflags $(PKGS) 2>/dev/null || true
WARN     = -Wall -Wextra -Werror
CSTD     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
# -MMD -MP: each object lists the headers (and statement .def files) it
# includes in a .d file beside it, so a change rebuilds exactly its users.
CFLAGS   = $(CSTD) $(WARN) -O2 -g -MMD -MP -Iapp $(PKG_CFLAGS)
CXXFLAGS = -std=c++11 $(WARN) -O2 -g -MMD -MP
LDLIBS   = -lfcgi -lctemplate_nothreads -lmariadb -lsodium -lcurl -ljansson -lhpdf -loath -lqrencode -pthread -lstdc++
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

APP_C   != find app -name '*.c' | sort
HDRS    != find app -name '*.h' -o -name '*.def' | sort
OBJ      = $(APP_C:app/%.c=build/obj/%.o) build/obj/tpl/tpl_shim.o
ASAN_OBJ = $(APP_C:app/%.c=build/asan/%.o) build/asan/tpl/tpl_shim.o
# Everything but main.c: what unit tests and fuzzers link against.
LIB_C   != ls app/domain/*.c; echo app/http/parse.c app/http/multipart.c app/arena.c
# What app/domain links against (TOTP, QR codes).
LIB_LIBS = -lsodium -loath -lqrencode -ljansson

all: build/tenantry

build/tenantry: $(OBJ)
	$(CXX) -o $@ $(OBJ) $(LDLIBS)

build/asan/tenantry: $(ASAN_OBJ)
	$(CXX) $(SAN) -o $@ $(ASAN_OBJ) $(LDLIBS)

build/obj/tpl/tpl_shim.o: app/tpl/tpl_shim.cc
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c -o $@ app/tpl/tpl_shim.cc

build/asan/tpl/tpl_shim.o: app/tpl/tpl_shim.cc
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) $(SAN) -O1 -c -o $@ app/tpl/tpl_shim.cc

-include $(OBJ:.o=.d) $(ASAN_OBJ:.o=.d)
# New flags rebuild everything (and write the .d files the first time).
$(OBJ) $(ASAN_OBJ): Makefile

build/obj/%.o: app/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

build/asan/%.o: app/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -O1 -c -o $@ $<

asan: build/asan/tenantry

# The template names (app/tpl/tpl_names.h, tpl_names.inc) from templates/:
# run after adding or renaming a name in a template, then commit both.
tplnames:
	@sh app/tpl/tplnames.sh templates app/tpl

# Install missing Debian packages (root; no-op when all are present).
deps:
	@sh nginx/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@sh nginx/stack.sh run

# Scaled out on this machine: three app hosts behind nginx on a 3-node
# MariaDB Galera cluster (nginx/cluster.sh; README "Scaling out").
cluster: deps
	@$(MAKE) --no-print-directory all
	@sh nginx/cluster.sh run

test: deps
	@$(MAKE) --no-print-directory all asan unit-build
	@sh tests/run.sh

# The developer's check before a commit: unit, fuzz-corpus replay and HTTP
# suites, no package installation (run `make deps` once, as root, first),
# so it also runs as an ordinary user.
check:
	@$(MAKE) --no-print-directory all asan unit-build
	@SUITES="unit fuzz http" sh tests/run.sh

UNIT_TESTS != ls tests/unit/test_*.c 2>/dev/null | sed 's|tests/unit/\(.*\)\.c|build/unit/\1|'
UNIT_ASAN   = $(UNIT_TESTS:build/unit/%=build/unit-asan/%)

unit-build: $(UNIT_TESTS) $(UNIT_ASAN)

# The db tests (no server needed) link the db module itself.
DB_TEST_C = app/store/db.c app/config.c app/log.c
build/unit/test_dbstream: tests/unit/test_dbstream.c $(LIB_C) $(DB_TEST_C) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_C) $(DB_TEST_C) $(LIB_LIBS) -lmariadb -lcmocka

build/unit-asan/test_dbstream: tests/unit/test_dbstream.c $(LIB_C) $(DB_TEST_C) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -O1 -o $@ $< $(LIB_C) $(DB_TEST_C) $(LIB_LIBS) -lmariadb -lcmocka

build/unit/test_%: tests/unit/test_%.c $(LIB_C) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_C) $(LIB_LIBS) -lcmocka

build/unit-asan/test_%: tests/unit/test_%.c $(LIB_C) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -O1 -o $@ $< $(LIB_C) $(LIB_LIBS) -lcmocka

# libFuzzer drivers (tests/fuzz/fuzz_*.c) over the pure modules, with the
# flags above; tests/fuzz/build.sh asks for them (make fuzz-build).
FUZZ_CC    = clang
FUZZ_FLAGS = $(CSTD) $(WARN) -g -O1 -fsanitize=fuzzer,address,undefined \
	     -fno-sanitize-recover=undefined -fno-omit-frame-pointer -Iapp -Itests/fuzz
FUZZERS   != ls tests/fuzz/fuzz_*.c 2>/dev/null | sed 's|tests/fuzz/\(.*\)\.c|build/fuzz/\1|'

fuzz-build: $(FUZZERS)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(LIB_C) $(HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(LIB_C) $(LIB_LIBS)

# Fuzz every driver for FUZZ_SECONDS (60) from its committed corpus.
FUZZ_SECONDS = 60
fuzz:
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

# The leaks check of make verify alone: requests of every page to one
# worker under valgrind, failing on any byte lost.
valgrind: deps
	@$(MAKE) --no-print-directory all asan unit-build
	@VERIFY_ONLY=leaks sh tests/verify/run.sh

unit: unit-build
	@SUITES=unit sh tests/run.sh

# Proof under fire: fuzzing, sanitizers, leaks, concurrency,
# faults, security matrix; bounded (< 20 min on 2 cores), loopback only.
verify: deps
	@$(MAKE) --no-print-directory all asan unit-build
	@sh tests/verify/run.sh

# Benchmarks: bounded (< 10 min on 2 cores), loopback only.
bench: deps
	@$(MAKE) --no-print-directory all
	@sh tests/bench/run.sh

# What scaling out costs on this machine: 1 host + 1 node vs 3 hosts + 3
# Galera nodes (wrk; about 5 minutes, loopback only).
bench-cluster: deps
	@$(MAKE) --no-print-directory all
	@sh tests/bench/cluster.sh

clean:
	rm -rf build

.PHONY: all asan tplnames deps run cluster test check unit unit-build fuzz fuzz-build valgrind verify bench bench-cluster clean
