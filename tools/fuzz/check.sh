#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make userspace-check (and make check, through
# tools/harness/check.d/userspace): build the fuzz targets, replay their
# corpus and fuzz briefly (smoke.sh), run the replay tests, and build the
# benchmark (not run: its figures need a quiet machine) so that it cannot
# break unseen.  Each step
# appends "NAME ok|fail|skip [COUNT]" to $NDPV6_RESULTS when it is set
# (and then exits 0: the lines say what failed).
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
rc=0
mkdir -p build

result() {
	[ -n "${NDPV6_RESULTS:-}" ] && echo "$*" >>"$NDPV6_RESULTS"
	return 0
}

# clang with the libFuzzer runtime (Debian: libclang-rt-*-dev)?
if echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' |
	clang -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1; then
	if make -s -j2 fuzz-build >build/fuzz-build.log 2>&1; then
		result "fuzz-build ok"
		tools/fuzz/smoke.sh "${FUZZ_SMOKE_SECONDS:-15}" || rc=1
	else
		cat build/fuzz-build.log
		result "fuzz-build fail"
		rc=1
	fi
else
	echo "userspace-check: clang -fsanitize=fuzzer unavailable: fuzzing skipped"
	result "fuzz-build skip"
fi

n=$(find tools/replay/tests -name "*.pcap" | wc -l)
if make -s replay-check; then
	result "replay ok $n"
else
	result "replay fail"
	rc=1
fi
if make -s bench-build >build/bench-build.log 2>&1; then
	result "bench-build ok"
else
	cat build/bench-build.log
	result "bench-build fail"
	rc=1
fi
# Under make check the result lines carry the outcome: a non-zero exit
# would count one more failure.
[ -n "${NDPV6_RESULTS:-}" ] && exit 0
exit $rc
