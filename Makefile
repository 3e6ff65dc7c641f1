# Tenantry. `make run` and `make test` do everything (see README.md).
.POSIX:
.SUFFIXES:

PKGS     = fcgi libmariadb libsodium
CC       = gcc
CXX      = g++
PKG_CFLAGS != pkg-config --cflags $(PKGS) 2>/dev/null || true
WARN     = -Wall -Wextra -Werror
CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -O2 -g -Iapp $(PKG_CFLAGS)
CXXFLAGS = -std=c++11 $(WARN) -O2 -g
LDLIBS   = -lfcgi -lctemplate_nothreads -lmariadb -lsodium -pthread -lstdc++
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

APP_C   != find app -name '*.c' | sort
HDRS    != find app -name '*.h' -o -name '*.def' | sort
OBJ      = $(APP_C:app/%.c=build/obj/%.o) build/obj/tpl/tpl_shim.o
ASAN_OBJ = $(APP_C:app/%.c=build/asan/%.o) build/asan/tpl/tpl_shim.o
# Everything but main.c: what unit tests and fuzzers link against.
LIB_C   != ls app/domain/*.c; echo app/http/parse.c app/http/multipart.c app/arena.c

all: build/tenantry

build/tenantry: $(OBJ)
	$(CXX) -o $@ $(OBJ) $(LDLIBS)

build/asan/tenantry: $(ASAN_OBJ)
	$(CXX) $(SAN) -o $@ $(ASAN_OBJ) $(LDLIBS)

build/obj/tpl/tpl_shim.o: app/tpl/tpl_shim.cc app/tpl/tpl.h
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c -o $@ app/tpl/tpl_shim.cc

build/asan/tpl/tpl_shim.o: app/tpl/tpl_shim.cc app/tpl/tpl.h
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) $(SAN) -O1 -c -o $@ app/tpl/tpl_shim.cc

$(OBJ): $(HDRS)
$(ASAN_OBJ): $(HDRS)

build/obj/%.o: app/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

build/asan/%.o: app/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -O1 -c -o $@ $<

asan: build/asan/tenantry

# Install missing Debian packages (root; no-op when all are present).
deps:
	@sh nginx/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@sh nginx/stack.sh run

test: deps
	@$(MAKE) --no-print-directory all asan unit-build
	@sh tests/run.sh

UNIT_TESTS != ls tests/unit/test_*.c 2>/dev/null | sed 's|tests/unit/\(.*\)\.c|build/unit/\1|'
UNIT_ASAN   = $(UNIT_TESTS:build/unit/%=build/unit-asan/%)

unit-build: $(UNIT_TESTS) $(UNIT_ASAN)

build/unit/test_%: tests/unit/test_%.c $(LIB_C) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_C) -lcmocka

build/unit-asan/test_%: tests/unit/test_%.c $(LIB_C) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -O1 -o $@ $< $(LIB_C) -lcmocka

unit: unit-build
	@SUITES=unit sh tests/run.sh

# Proof under fire (issue 7): fuzzing, sanitizers, leaks, concurrency,
# faults, security matrix; bounded (< 20 min on 2 cores), loopback only.
verify: deps
	@$(MAKE) --no-print-directory all asan unit-build
	@sh tests/verify/run.sh

# Benchmarks (issue 8): bounded (< 10 min on 2 cores), loopback only.
bench: deps
	@$(MAKE) --no-print-directory all
	@sh tests/bench/run.sh

format:
	clang-format -i $(APP_C) $(HDRS:%.def=) 

clean:
	rm -rf build

.PHONY: all asan deps run test unit unit-build verify bench format clean
