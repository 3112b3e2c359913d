# SPDX-License-Identifier: GPL-2.0
#
# The core in userspace: fuzzing, record/replay, benchmarks.  Included by
# the top-level Makefile; every path is relative to the repository root.
#
#   make fuzz [FUZZ_SECONDS=N]   both libFuzzer targets, N s each (60);
#                                working corpus in build/fuzz/corpus,
#                                crashes in build/fuzz/artifacts
#   make fuzz-smoke              replay the committed corpus, then a short
#                                bounded run of each target (make check)
#   make fuzz-corpus             regenerate the committed seed corpus and
#                                tools/replay/tests/basic.pcap
#   make replay                  tools/replay/ndpv6-replay
#   make replay-check            replay tools/replay/tests/*.pcap, compare
#                                with the committed *.expected
#   make replay-expected         rewrite the *.expected (review the diff!)
#   make bench                   benchmarks: ns (median) and instructions
#                                (callgrind; perf stat where supported)
#   make userspace-check         fuzz-smoke + replay-check, recording
#                                results for make check (NDPV6_RESULTS)
#
# The core sources are compiled here with each tool's own flags: the fuzz
# targets with clang -fsanitize=fuzzer,address,undefined and
# NDP_FUZZ_NO_CSUM (mutations reach the parsers), replay and bench with
# -O2 (bench with -DNDEBUG).

FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 15
comma := ,
FUZZ_CC ?= clang
US_CC ?= $(CC)

US_CORE_SRCS := $(wildcard module/core/*.c)
US_CORE_HDRS := $(wildcard module/core/*.h include/*.h) \
		tools/lib/include/linux/types.h \
		tools/lib/include/linux/compiler.h
US_COMMON := tools/fuzz/fuzz_common.c kunit/ndp_frames.c
US_COMMON_HDRS := tools/fuzz/fuzz_common.h kunit/ndp_frames.h
US_INC := -Itools/lib/include -Iinclude
US_WARN := -Wall -Wextra -Wno-unused-parameter \
	   -Wno-missing-field-initializers -Wno-sign-compare

FUZZ_DIR := build/fuzz
FUZZ_TARGETS := fuzz_handle fuzz_ops
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/%)
FUZZ_CFLAGS := -g -O1 -fno-omit-frame-pointer \
	       -fsanitize=fuzzer,address,undefined \
	       -fno-sanitize-recover=undefined -DNDP_FUZZ_NO_CSUM \
	       $(US_INC) $(US_WARN)

REPLAY := tools/replay/ndpv6-replay
REPLAY_TESTS := $(wildcard tools/replay/tests/*.pcap)
BENCH := build/bench/ndpv6-bench

.PHONY: fuzz fuzz-build fuzz-smoke fuzz-corpus replay replay-check \
	replay-expected bench userspace-check

fuzz-build: $(FUZZ_BINS)

# The core and the common code are compiled once for both targets.
FUZZ_OBJS := $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(US_CORE_SRCS) $(US_COMMON))

$(FUZZ_DIR)/obj/%.o: %.c $(US_CORE_HDRS) $(US_COMMON_HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(subst fuzzer$(comma),fuzzer-no-link$(comma),$(FUZZ_CFLAGS)) \
		-c -o $@ $<

$(FUZZ_BINS): $(FUZZ_DIR)/%: tools/fuzz/%.c $(FUZZ_OBJS) $(US_CORE_HDRS) \
		$(US_COMMON_HDRS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_OBJS)

# Without libFuzzer (gcc, valgrind): run the targets on files.
$(FUZZ_DIR)/%-standalone: tools/fuzz/%.c tools/fuzz/standalone.c \
		$(US_COMMON) $(US_CORE_SRCS) $(US_CORE_HDRS) $(US_COMMON_HDRS)
	@mkdir -p $(@D)
	$(US_CC) -g -O1 -DNDP_FUZZ_NO_CSUM $(US_INC) $(US_WARN) -o $@ $< \
		tools/fuzz/standalone.c $(US_COMMON) $(US_CORE_SRCS)

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

fuzz-corpus: $(FUZZ_DIR)/gen_corpus
	$(FUZZ_DIR)/gen_corpus --handle tools/fuzz/corpus/fuzz_handle \
		--ops tools/fuzz/corpus/fuzz_ops \
		--pcap tools/replay/tests/basic.pcap

$(FUZZ_DIR)/gen_corpus: tools/fuzz/gen_corpus.c $(US_COMMON) \
		$(US_CORE_SRCS) $(US_CORE_HDRS) $(US_COMMON_HDRS)
	@mkdir -p $(@D) tools/fuzz/corpus/fuzz_handle tools/fuzz/corpus/fuzz_ops
	$(US_CC) -g -O1 $(US_INC) $(US_WARN) -o $@ $< $(US_COMMON) \
		$(US_CORE_SRCS)

replay: $(REPLAY)

$(REPLAY): tools/replay/ndpv6-replay.c $(US_COMMON) $(US_CORE_SRCS) \
		$(US_CORE_HDRS) $(US_COMMON_HDRS)
	$(US_CC) -g -O2 $(US_INC) $(US_WARN) -o $@ $< $(US_COMMON) \
		$(US_CORE_SRCS)

# Each tests/NAME.pcap replays with the options in tests/NAME.args.
replay-check: $(REPLAY)
	@rc=0; for p in $(REPLAY_TESTS); do \
		b=$${p%.pcap}; \
		$(REPLAY) $$p $$(cat $$b.args 2>/dev/null) >$$b.out 2>&1; \
		if diff -u $$b.expected $$b.out; then \
			echo "replay: $$(basename $$b) ok"; rm -f $$b.out; \
		else echo "replay: $$(basename $$b) differs"; rc=1; fi; \
	done; exit $$rc

replay-expected: $(REPLAY)
	@for p in $(REPLAY_TESTS); do \
		b=$${p%.pcap}; \
		$(REPLAY) $$p $$(cat $$b.args 2>/dev/null) >$$b.expected 2>&1; \
		echo "replay: wrote $$b.expected"; \
	done

bench: $(BENCH)
	@tools/bench/bench.sh $(BENCH)

$(BENCH): tools/bench/ndpv6-bench.c $(US_COMMON) $(US_CORE_SRCS) \
		$(US_CORE_HDRS) $(US_COMMON_HDRS)
	@mkdir -p $(@D)
	$(US_CC) -g -O2 -DNDEBUG $(US_INC) $(US_WARN) -o $@ $< $(US_COMMON) \
		$(US_CORE_SRCS)

userspace-check:
	@tools/fuzz/check.sh
