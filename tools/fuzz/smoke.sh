#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make fuzz-smoke: for each fuzz target, run every committed corpus file
# once (regressions), then a short bounded fuzzing run from that corpus
# with a fixed seed.  Usage: smoke.sh [SECONDS per target, default 20].
# With NDPV6_RESULTS set, appends "NAME ok|fail [COUNT]" lines to it
# (the make check results file).
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-20}
dir=$repo/build/fuzz
rc=0

result() {
	[ -n "${NDPV6_RESULTS:-}" ] && echo "$*" >>"$NDPV6_RESULTS"
	return 0
}

for t in fuzz_handle fuzz_ops; do
	corpus=$repo/tools/fuzz/corpus/$t
	n=$(find "$corpus" -type f | wc -l)
	mkdir -p "$dir/artifacts/$t"
	if "$dir/$t" -runs=0 "$corpus" >"$dir/$t.corpus.log" 2>&1; then
		echo "fuzz-smoke: $t: $n corpus files ok"
		result "fuzz-corpus-$t ok $n"
	else
		tail -n 40 "$dir/$t.corpus.log"
		echo "fuzz-smoke: $t: corpus replay FAILED ($dir/$t.corpus.log)"
		result "fuzz-corpus-$t fail"
		rc=1
		continue
	fi
	work=$dir/smoke/$t
	rm -rf "$work"
	mkdir -p "$work"
	if "$dir/$t" -max_total_time="$secs" -seed=1 -max_len=4096 \
		-print_final_stats=1 -artifact_prefix="$dir/artifacts/$t/" \
		"$work" "$corpus" >"$dir/$t.smoke.log" 2>&1; then
		runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' \
			"$dir/$t.smoke.log" | grep -o '[0-9]*$')
		echo "fuzz-smoke: $t: ${runs:-?} runs in ${secs} s, no crash"
		result "fuzz-smoke-$t ok"
	else
		grep -A 30 -E 'INVARIANT|ERROR: (libFuzzer|AddressSanitizer)|runtime error' \
			"$dir/$t.smoke.log" | head -n 60
		echo "fuzz-smoke: $t: CRASH, input in $dir/artifacts/$t/ ($dir/$t.smoke.log)"
		result "fuzz-smoke-$t fail"
		rc=1
	fi
done
exit $rc
