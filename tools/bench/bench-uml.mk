# SPDX-License-Identifier: GPL-2.0
#
# The datapath benchmark in UML.  Included by the top-level Makefile.
#
#   make bench-uml [BENCH_SECONDS=10] [BENCH_ECHO_SECONDS=5]
#                  [BENCH_ROUNDS=1] [BENCH_TIMEOUT=seconds]
#       TCP throughput over IPv6 through ndp0 against the same over a
#       plain veth pair, and an echo flood answered by the core against
#       one answered by Linux, in one boot of the benchmark kernel
#       (tools/harness/uml-bench.config: no debug checkers; built once,
#       about 9 minutes on 2 cores, then cached).  Prints the figures
#       with the machine and the date; see tools/bench/bench-uml.sh.

BENCH_SECONDS ?= 10
BENCH_ECHO_SECONDS ?= 5
BENCH_ROUNDS ?= 1
BENCH_TIMEOUT ?=

.PHONY: bench-uml

bench-uml:
	@BENCH_SECONDS='$(BENCH_SECONDS)' \
		BENCH_ECHO_SECONDS='$(BENCH_ECHO_SECONDS)' \
		BENCH_ROUNDS='$(BENCH_ROUNDS)' \
		BENCH_TIMEOUT='$(BENCH_TIMEOUT)' tools/bench/bench-uml.sh
