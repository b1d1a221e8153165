# lockstep — the only entry point: deps, build, test, bench.
#
#   make deps    install the Debian packages lockstep needs (apt-get)
#   make         build build/lockstep and the libraries behind it
#   make test    unit tests (GoogleTest) and conformance smoke runs
#   make bench   benchmarks against peers (see bench/)

TEST262    ?= ../shared/test262
WASM_TESTS ?= ../shared/wasm
SPEC       ?= ../shared/spec
JOBS       ?= $(shell nproc)
ifeq ($(MAKELEVEL),0)
MAKEFLAGS  += -j$(JOBS)
endif

# Every top-level source folder becomes one static library build/lib/lib<folder>.a
# holding every .cpp below it. The test binary build/tests/<name>_tests links
# the libraries LIB_DEPS_<name> names, when the subsystem stands alone.
LIB_FOLDERS := syntax runtime spec abstract_ops algorithms builtins wasm wasm_js_api conformance
LIB_DEPS_syntax       := syntax spec
LIB_DEPS_regexp       := syntax spec
LIB_DEPS_spec         := spec
LIB_DEPS_wasm         := wasm spec
LIB_DEPS_wasm_fuzz_regressions := wasm spec
# Every other test binary links all libraries (the engine's layers call each
# other: built-ins run scripts, the evaluator creates built-in objects).
lib_deps = $(or $(LIB_DEPS_$(1)),$(LIB_FOLDERS))

CCACHE   := $(shell command -v ccache 2>/dev/null)
CXX      := $(CCACHE) g++
WERROR   ?= -Werror
OPT      ?= -O2
CXXFLAGS := -std=c++20 $(OPT) -Wall -Wextra $(WERROR) -I. -MMD -MP $(EXTRA_CXXFLAGS)
LDLIBS   := -lboost_context -lpugixml -licui18n -licuuc -licudata -pthread
GTEST    := -lgtest -lgtest_main

BUILD := build
OBJ   := $(BUILD)/obj

sources_in = $(shell find $(1) -name '*.cpp' 2>/dev/null | sort)
lib_of     = $(BUILD)/lib/lib$(1).a

ALL_LIBS := $(foreach f,$(LIB_FOLDERS),$(call lib_of,$(f)))
TOOL_OBJS := $(patsubst %.cpp,$(OBJ)/%.o,$(call sources_in,tools))

# One GoogleTest binary per folder of tests/: build/tests/<folder>_tests.
TEST_FOLDERS := $(notdir $(shell find tests -mindepth 1 -maxdepth 1 -type d | sort))
TEST_BINS    := $(foreach t,$(TEST_FOLDERS),$(BUILD)/tests/$(t)_tests)

.PHONY: all deps test unit spec-check conformance-smoke bench bench-deps clean demo fuzz fuzz-deps fuzz-wast
all: $(BUILD)/lockstep

define LIB_RULE
$(call lib_of,$(1)): $(patsubst %.cpp,$(OBJ)/%.o,$(call sources_in,$(1)))
	@mkdir -p $$(@D)
	@rm -f $$@
	$$(if $$^,ar rcs $$@ $$^,ar rcs $$@)
endef
$(foreach f,$(LIB_FOLDERS),$(eval $(call LIB_RULE,$(f))))

$(OBJ)/%.o: %.cpp
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c $< -o $@

$(BUILD)/lockstep: $(TOOL_OBJS) $(ALL_LIBS)
	$(CXX) -o $@ $(TOOL_OBJS) -Wl,--start-group $(ALL_LIBS) -Wl,--end-group $(LDLIBS)

define TEST_RULE
$(BUILD)/tests/$(1)_tests: $(patsubst %.cpp,$(OBJ)/%.o,$(call sources_in,tests/$(1))) $(foreach d,$(call lib_deps,$(1)),$(call lib_of,$(d)))
	@mkdir -p $$(@D)
	$$(CXX) -o $$@ $$(filter %.o,$$^) -Wl,--start-group $$(filter %.a,$$^) -Wl,--end-group $(GTEST) $(LDLIBS)
endef
$(foreach t,$(TEST_FOLDERS),$(eval $(call TEST_RULE,$(t))))

-include $(shell find $(OBJ) -name '*.d' 2>/dev/null)

# ---- set-up ---------------------------------------------------------------
DEBIAN_PACKAGES := g++ make ccache pkg-config libboost-dev libboost-context-dev \
                   libgtest-dev libgmock-dev libpugixml-dev libicu-dev libxml2-utils
deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "deps: all present"; fi

# ---- tests ----------------------------------------------------------------
# Every stage appends "passed failed [skipped known_failures]" to
# build/test-summary; the last line of `make test` adds them up: "failed"
# there counts the failures no expectation file lists (those fail the run),
# "known failures" those listed as known gaps.
SUMMARY := $(BUILD)/test-summary
test: $(BUILD)/lockstep $(TEST_BINS)
	@rm -f $(SUMMARY); status=0; \
	for t in $(TEST_BINS); do \
	  echo "== $$t"; \
	  $$t --gtest_brief=1 > $(BUILD)/$$(basename $$t).log 2>&1; rc=$$?; \
	  tail -n 25 $(BUILD)/$$(basename $$t).log; \
	  p=$$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' $(BUILD)/$$(basename $$t).log); \
	  f=$$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' $(BUILD)/$$(basename $$t).log); \
	  [ $$rc -ne 0 ] && [ -z "$$f" ] && f=1; \
	  echo "$${p:-0} $${f:-0}" >> $(SUMMARY); [ $$rc -eq 0 ] || status=1; \
	done; \
	if $(MAKE) --no-print-directory spec-check; then echo "1 0" >> $(SUMMARY); \
	else echo "0 1" >> $(SUMMARY); status=1; fi; \
	$(MAKE) --no-print-directory conformance-smoke || status=1; \
	awk '{p+=$$1; f+=$$2-$$4; s+=$$3; k+=$$4} END {printf "%d passed, %d failed, %d known failures, %d skipped\n", p, f, k, s}' $(SUMMARY); \
	exit $$status

# The step markers of the code against the pinned specs (spec/check.h):
# fails on any drift, an unknown RULE or an unreadable marker, and (exit 2)
# when the spec sources are not at $(SPEC).
spec-check: $(BUILD)/lockstep
	@echo "== lockstep spec check"; \
	$(BUILD)/lockstep spec check --spec $(SPEC)

# Conformance smoke runs: each with its expectation file of known failures.
# The run phase's smoke run: the language tests (with Annex B's) and the
# built-ins whose issues have landed (a few minutes on 2 cores); module
# tests, top-level await and import() included. SMOKE_RUN_EXCLUDED names
# features to leave out (comma-separated; empty: none).
# The header of conformance/test262/expectations/run.txt says how to
# regenerate its known failures.
SMOKE_RUN_EXCLUDED :=
SMOKE_RUN_PATHS    := language annexB/language $(addprefix built-ins/,Object Function Array String Number \
                      Boolean Symbol Math JSON Reflect Proxy Map Set WeakMap WeakSet Error NativeErrors \
                      WeakRef FinalizationRegistry BigInt Promise Date Iterator GeneratorFunction GeneratorPrototype AsyncFunction \
                      AsyncGeneratorFunction AsyncGeneratorPrototype AsyncFromSyncIteratorPrototype \
                      ArrayBuffer SharedArrayBuffer DataView TypedArray TypedArrayConstructors Atomics)
conformance-smoke: $(BUILD)/lockstep
	@status=0; \
	echo "== test262 --parse-only (smoke)"; \
	$(BUILD)/lockstep test262 --test262 $(TEST262) -j $(JOBS) --parse-only \
	  --expectations conformance/test262/expectations/parse.txt \
	  --summary-file $(BUILD)/smoke-parse.sum language built-ins annexB || status=1; \
	cat $(BUILD)/smoke-parse.sum >> $(SUMMARY) 2>/dev/null; \
	echo "== test262 run phase (smoke)"; \
	$(BUILD)/lockstep test262 --test262 $(TEST262) -j $(JOBS) $(if $(SMOKE_RUN_EXCLUDED),--exclude-features $(SMOKE_RUN_EXCLUDED)) \
	  --expectations conformance/test262/expectations/run.txt \
	  --summary-file $(BUILD)/smoke-run.sum $(SMOKE_RUN_PATHS) || status=1; \
	cat $(BUILD)/smoke-run.sum >> $(SUMMARY) 2>/dev/null; \
	echo "== wast (core, legacy)"; \
	$(BUILD)/lockstep wast --expectations conformance/wast/expectations.txt \
	  --summary-file $(BUILD)/smoke-wast.sum $(WASM_TESTS)/core $(WASM_TESTS)/legacy || status=1; \
	cat $(BUILD)/smoke-wast.sum >> $(SUMMARY) 2>/dev/null; \
	echo "== wpt (js-api, jspi)"; \
	$(BUILD)/lockstep wpt --wpt-root $(WASM_TESTS) -j $(JOBS) --timeout 10000 --expectations conformance/wpt/expectations.txt \
	  --summary-file $(BUILD)/smoke-wpt.sum $(WASM_TESTS)/js-api $(WASM_TESTS)/jspi || status=1; \
	cat $(BUILD)/smoke-wpt.sum >> $(SUMMARY) 2>/dev/null; \
	exit $$status

demo: $(BUILD)/lockstep
	$(BUILD)/lockstep run examples/hello.js
	$(BUILD)/lockstep run examples/modules/main.mjs
	$(BUILD)/lockstep run examples/add.wat --invoke add 2 3

# Benchmarks are separate binaries (never part of the product): bench/<name>/*.cpp.
$(BUILD)/bench/parse_bench: $(patsubst %.cpp,$(OBJ)/%.o,$(call sources_in,bench/parse)) $(call lib_of,syntax) $(call lib_of,spec)
	@mkdir -p $(@D)
	$(CXX) -o $@ $(filter %.o,$^) -Wl,--start-group $(filter %.a,$^) -Wl,--end-group $(LDLIBS)

# The wasm benchmark (bench/wasm/): C kernels compiled to .wasm with clang,
# run by lockstep's driver, wabt's wasm-interp and node. BENCH_PACKAGES are
# installed by `make bench` only (not by `make deps`).
BENCH_PACKAGES := wabt hyperfine clang lld
WASM_KERNELS   := $(patsubst bench/wasm/kernels/%.c,$(BUILD)/bench/wasm/%.wasm,$(wildcard bench/wasm/kernels/*.c))
# Installs those of the Debian packages $(1) that are missing.
install_missing = missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
bench-deps:
	@$(call install_missing,$(BENCH_PACKAGES))

$(BUILD)/bench/wasm_bench: $(patsubst %.cpp,$(OBJ)/%.o,$(call sources_in,bench/wasm)) $(call lib_of,wasm) $(call lib_of,spec)
	@mkdir -p $(@D)
	$(CXX) -o $@ $(filter %.o,$^) -Wl,--start-group $(filter %.a,$^) -Wl,--end-group $(LDLIBS)

$(BUILD)/bench/wasm/%.wasm: bench/wasm/kernels/%.c bench/wasm/kernels/bench.h | bench-deps
	@mkdir -p $(@D)
	clang --target=wasm32 -nostdlib -O2 -Wall -Wextra -Werror -Wl,--no-entry -o $@ $<

bench: $(BUILD)/lockstep $(BUILD)/bench/parse_bench $(BUILD)/bench/wasm_bench $(WASM_KERNELS)
	bash bench/parse/run.sh $(TEST262)
	bash bench/wasm/run.sh
	bash bench/async/run.sh

# ---- fuzzing (fuzz/; not part of the product) -------------------------------
# `make fuzz` builds the libFuzzer target from the wasm sources with clang and
# ASan/UBSan into build/fuzz/, seeds fuzz/corpus/wasm with every module of the
# .wast suite, and fuzzes for FUZZ_SECONDS in one worker process that is
# restarted after each finding (-fork=1), so one crash does not end the run.
# Findings land in build/fuzz/artifacts/; keep them in fuzz/regressions/.
FUZZ_SECONDS ?= 600
FUZZ_CXX     ?= clang++
FUZZ_PACKAGES := clang libclang-rt-dev
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_OBJ     := $(BUILD)/fuzz/obj
FUZZ_SOURCES := $(call sources_in,wasm) spec/step.cpp fuzz/wasm_fuzz.cpp

fuzz-deps:
	@$(call install_missing,$(FUZZ_PACKAGES))

$(FUZZ_OBJ)/%.o: %.cpp | fuzz-deps
	@mkdir -p $(@D)
	$(FUZZ_CXX) -std=c++20 -O1 -g -I. -MMD -MP -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c $< -o $@

$(BUILD)/fuzz/wasm_fuzz: $(patsubst %.cpp,$(FUZZ_OBJ)/%.o,$(FUZZ_SOURCES))
	$(FUZZ_CXX) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $^

$(BUILD)/fuzz/wasm_seeds: $(OBJ)/fuzz/wasm_seeds.o $(call lib_of,wasm) $(call lib_of,spec)
	@mkdir -p $(@D)
	$(CXX) -o $@ $(filter %.o,$^) -Wl,--start-group $(filter %.a,$^) -Wl,--end-group $(LDLIBS)

fuzz: $(BUILD)/fuzz/wasm_fuzz $(BUILD)/fuzz/wasm_seeds
	@mkdir -p $(BUILD)/fuzz/artifacts
	$(BUILD)/fuzz/wasm_seeds fuzz/corpus/wasm $(WASM_TESTS)/core
	$(BUILD)/fuzz/wasm_fuzz fuzz/corpus/wasm -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	  -rss_limit_mb=4096 -fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 \
	  -print_final_stats=1 -artifact_prefix=$(BUILD)/fuzz/artifacts/

# `make fuzz-wast`: the .wast suite through the runner built with the same
# sanitizers (edge-value arguments that the fuzzer's defaults never reach).
$(BUILD)/fuzz/wast_sanitized: $(patsubst %.cpp,$(FUZZ_OBJ)/%.o,$(filter-out fuzz/wasm_fuzz.cpp,$(FUZZ_SOURCES)) conformance/wast/runner.cpp fuzz/wast_sanitized.cpp)
	$(FUZZ_CXX) $(FUZZ_SAN) -o $@ $^

fuzz-wast: $(BUILD)/fuzz/wast_sanitized
	$(BUILD)/fuzz/wast_sanitized $(WASM_TESTS)/core

-include $(shell find $(FUZZ_OBJ) -name '*.d' 2>/dev/null)

clean:
	rm -rf $(BUILD)
