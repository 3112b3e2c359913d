# SPDX-License-Identifier: GPL-2.0
#
# The core in userspace: the library, fuzzing, record/replay, benchmarks.
# Included by the top-level Makefile; every path is relative to the
# repository root and every product is under build/.
#
#   make lib [CC=clang]        build/lib/<cc>/libndpv6.a, the core
#   make fuzz [FUZZ_SECONDS=N] both libFuzzer targets, N s each (60);
#                              working corpus in build/fuzz/corpus,
#                              crashes in build/fuzz/artifacts
#   make fuzz-build            build/fuzz/fuzz_handle, build/fuzz/fuzz_ops
#   make fuzz-standalone       the targets without libFuzzer (gcc,
#                              valgrind): build/fuzz-standalone/
#   make fuzz-smoke            replay the committed corpus, then a short
#                              bounded run of each target (make check)
#   make fuzz-corpus           regenerate the committed seed corpus and
#                              tools/replay/tests/basic.pcap
#   make replay                build/replay/ndpv6-replay
#   make replay-check          replay tools/replay/tests/*.pcap, compare
#                              with the committed *.expected
#   make replay-expected       rewrite the *.expected (review the diff!)
#   make bench-build           build/bench/ndpv6-bench (make check)
#   make bench                 benchmarks: ns (median) and instructions
#                              (callgrind; perf stat where supported)
#   make userspace-check       fuzz-smoke + replay-check + bench-build,
#                              recording results for make check
#                              (NDPV6_RESULTS)
#
# One rule compiles the core and the tools' C files, with one set of flags
# and warnings (the kernel's W=1 set less what W=1 turns off, as errors);
# it is instantiated once per instrumentation: plain with $(CC) (library,
# replay, bench, corpus generator), clang with libFuzzer, ASan and UBSan
# and NDP_FUZZ_NO_CSUM (mutations reach the parsers), and plain with
# NDP_FUZZ_NO_CSUM for the standalone fuzz targets.

include module/core/core.mk

FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 15
FUZZ_CC ?= clang

US_CORE_SRCS := $(NDPV6_CORE:%=module/core/%.c)
US_WARN := -Wall -Wextra -Werror -Wno-unused-parameter \
	   -Wno-missing-field-initializers -Wno-sign-compare \
	   -Wno-type-limits -Wno-shift-negative-value \
	   -Wmissing-declarations -Wmissing-prototypes \
	   -Wold-style-definition
US_CFLAGS := -std=gnu11 -g -Itools/lib/include -Iinclude $(US_WARN)
# Test support linked by every tool (frames shared with the KUnit suites).
US_SUPPORT := tools/fuzz/fuzz_common.c tools/fuzz/fuzz_check.c \
	      tools/fuzz/fuzz_frames.c kunit/ndp_frames.c

# $(call us_variant,DIR,CC,FLAGS): DIR/obj/<path>.o from <path>.c, and
# DIR/libndpv6.a of the core.
define us_variant
$(1)/obj/%.o: %.c
	@mkdir -p $$(@D)
	$(2) $(US_CFLAGS) $(3) $$(CFLAGS) -MMD -MP -c -o $$@ $$<

$(1)/libndpv6.a: $(US_CORE_SRCS:%.c=$(1)/obj/%.o)
	@rm -f $$@
	$$(AR) rcs $$@ $$^

-include $$(shell find $(1)/obj -name '*.d' 2>/dev/null)
endef

# The objects of @2 (sources) in variant directory @1.
us_objs = $(patsubst %.c,$(1)/obj/%.o,$(2))

LIB_DIR := build/lib/$(notdir $(firstword $(CC)))
LIB := $(LIB_DIR)/libndpv6.a
FUZZ_DIR := build/fuzz
FZSA_DIR := build/fuzz-standalone
FUZZ_SAN := -fsanitize=fuzzer-no-link,address,undefined \
	    -fno-sanitize-recover=undefined

$(eval $(call us_variant,$(LIB_DIR),$(CC),-O2))
$(eval $(call us_variant,$(FUZZ_DIR),$(FUZZ_CC),-O1 -fno-omit-frame-pointer \
	$(FUZZ_SAN) -DNDP_FUZZ_NO_CSUM))
$(eval $(call us_variant,$(FZSA_DIR),$(CC),-O1 -DNDP_FUZZ_NO_CSUM))

FUZZ_TARGETS := fuzz_handle fuzz_ops
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/%)
FZSA_BINS := $(FUZZ_TARGETS:%=$(FZSA_DIR)/%)
GEN_CORPUS := $(FUZZ_DIR)/gen_corpus
REPLAY := build/replay/ndpv6-replay
REPLAY_TESTS := $(wildcard tools/replay/tests/*.pcap)
BENCH := build/bench/ndpv6-bench

.PHONY: lib fuzz fuzz-build fuzz-standalone fuzz-smoke fuzz-corpus replay \
	replay-check replay-expected bench bench-build userspace-check

lib: $(LIB)

fuzz-build: $(FUZZ_BINS)

$(FUZZ_BINS): $(FUZZ_DIR)/%: $(call us_objs,$(FUZZ_DIR),tools/fuzz/%.c \
		$(US_SUPPORT)) $(FUZZ_DIR)/libndpv6.a
	$(FUZZ_CC) $(subst fuzzer-no-link,fuzzer,$(FUZZ_SAN)) -o $@ $^

fuzz-standalone: $(FZSA_BINS)

$(FZSA_BINS): $(FZSA_DIR)/%: $(call us_objs,$(FZSA_DIR),tools/fuzz/%.c \
		tools/fuzz/standalone.c $(US_SUPPORT)) $(FZSA_DIR)/libndpv6.a
	$(CC) -o $@ $^

fuzz: $(FUZZ_BINS)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/artifacts/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		$(FUZZ_DIR)/$$t -max_total_time=$(FUZZ_SECONDS) \
			-max_len=4096 -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_DIR)/artifacts/$$t/ \
			$(FUZZ_DIR)/corpus/$$t tools/fuzz/corpus/$$t \
			2>&1 | tail -n 25 || exit 1; \
	done; \
	echo "fuzz: crashes become corpus files: copy them from" \
		"$(FUZZ_DIR)/artifacts/<target>/ to tools/fuzz/corpus/<target>/"

fuzz-smoke: $(FUZZ_BINS)
	@tools/fuzz/smoke.sh $(FUZZ_SMOKE_SECONDS)

fuzz-corpus: $(GEN_CORPUS)
	@mkdir -p tools/fuzz/corpus/fuzz_handle tools/fuzz/corpus/fuzz_ops
	$(GEN_CORPUS) --handle tools/fuzz/corpus/fuzz_handle \
		--ops tools/fuzz/corpus/fuzz_ops \
		--pcap tools/replay/tests/basic.pcap

$(GEN_CORPUS): $(call us_objs,$(LIB_DIR),tools/fuzz/gen_corpus.c \
		$(US_SUPPORT)) $(LIB)
	@mkdir -p $(@D)
	$(CC) -o $@ $^

replay: $(REPLAY)

$(REPLAY): $(call us_objs,$(LIB_DIR),tools/replay/ndpv6-replay.c \
		$(US_SUPPORT)) $(LIB)
	@mkdir -p $(@D)
	$(CC) -o $@ $^

# Each tests/NAME.pcap replays with the options in tests/NAME.args; the
# output goes to build/replay/NAME.out.
replay-check: $(REPLAY)
	@rc=0; for p in $(REPLAY_TESTS); do \
		b=$${p%.pcap}; o=build/replay/$$(basename $$b).out; \
		$(REPLAY) $$p $$(cat $$b.args 2>/dev/null) >$$o 2>&1; \
		if diff -u $$b.expected $$o; then \
			echo "replay: $$(basename $$b) ok"; \
		else echo "replay: $$(basename $$b) differs"; rc=1; fi; \
	done; exit $$rc

replay-expected: $(REPLAY)
	@for p in $(REPLAY_TESTS); do \
		b=$${p%.pcap}; \
		$(REPLAY) $$p $$(cat $$b.args 2>/dev/null) >$$b.expected 2>&1; \
		echo "replay: wrote $$b.expected"; \
	done

bench-build: $(BENCH)

bench: $(BENCH)
	@tools/bench/bench.sh $(BENCH)

$(BENCH): $(call us_objs,$(LIB_DIR),tools/bench/ndpv6-bench.c \
		$(US_SUPPORT)) $(LIB)
	@mkdir -p $(@D)
	$(CC) -o $@ $^

userspace-check:
	@tools/fuzz/check.sh
