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
# holding every .cpp below it. LIB_DEPS_<folder> names what it links against.
LIB_FOLDERS := syntax runtime spec abstract_ops algorithms builtins wasm conformance
LIB_DEPS_syntax       := syntax spec
LIB_DEPS_regexp       := syntax spec
LIB_DEPS_runtime      := runtime abstract_ops spec
LIB_DEPS_spec         := spec
LIB_DEPS_wasm         := wasm spec
LIB_DEPS_abstract_ops := abstract_ops runtime spec
LIB_DEPS_algorithms   := algorithms builtins abstract_ops runtime syntax spec
LIB_DEPS_builtins     := builtins abstract_ops runtime spec
LIB_DEPS_conformance  := $(LIB_FOLDERS)
LIB_DEPS_fiber        := runtime abstract_ops spec
LIB_DEPS_promise      := builtins abstract_ops runtime spec

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

.PHONY: all deps test unit conformance-smoke bench clean demo
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
$(BUILD)/tests/$(1)_tests: $(patsubst %.cpp,$(OBJ)/%.o,$(call sources_in,tests/$(1))) $(foreach d,$(LIB_DEPS_$(1)),$(call lib_of,$(d)))
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
# Every stage appends "N passed, N failed" to build/test-summary; the last
# line of `make test` adds them up.
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
	$(MAKE) --no-print-directory conformance-smoke || status=1; \
	awk '{p+=$$1; f+=$$2} END {printf "%d passed, %d failed\n", p, f}' $(SUMMARY); \
	exit $$status

# Conformance smoke runs: each with its expectation file of known failures.
conformance-smoke: $(BUILD)/lockstep
	@status=0; \
	echo "== test262 --parse-only (smoke)"; \
	$(BUILD)/lockstep test262 --test262 $(TEST262) -j $(JOBS) --parse-only \
	  --expectations conformance/test262/expectations/parse.txt \
	  --summary-file $(BUILD)/smoke-parse.sum language built-ins annexB || status=1; \
	cat $(BUILD)/smoke-parse.sum >> $(SUMMARY) 2>/dev/null; \
	exit $$status

demo: $(BUILD)/lockstep
	$(BUILD)/lockstep parse examples/hello.js

# Benchmarks are separate binaries (never part of the product): bench/<name>/*.cpp.
$(BUILD)/bench/parse_bench: $(patsubst %.cpp,$(OBJ)/%.o,$(call sources_in,bench/parse)) $(call lib_of,syntax) $(call lib_of,spec)
	@mkdir -p $(@D)
	$(CXX) -o $@ $(filter %.o,$^) -Wl,--start-group $(filter %.a,$^) -Wl,--end-group $(LDLIBS)

bench: $(BUILD)/lockstep $(BUILD)/bench/parse_bench
	bash bench/parse/run.sh $(TEST262)

clean:
	rm -rf $(BUILD)
