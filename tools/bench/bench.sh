#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench: run ndpv6-bench for the time of every operation (median and
# minimum ns over repeated runs, CLOCK_MONOTONIC), then count its
# instructions exactly with callgrind (--toggle-collect on the measured
# call only), and with `perf stat -e instructions` where the machine
# supports it.  Prints the machine, the date and a Markdown table (the
# table of "The core in userspace" in Documentation/ndpv6/benchmarks.rst
# is made from it).
#
# Usage: bench.sh path/to/ndpv6-bench
set -uo pipefail

bin=${1:?usage: bench.sh path/to/ndpv6-bench}
dir=$(dirname "$bin")
model=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
ncpu=$(nproc)
when=$(date -u '+%Y-%m-%d %H:%M UTC')
cc=$(strings -a "$bin" 2>/dev/null | grep -m1 -E '^GCC: |clang version' || true)

echo "machine: ${model:-unknown} ($ncpu CPUs), $(uname -sr)"
echo "date: $when; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: -O2, ${cc:-compiler unknown}"
echo

declare -A med min ir pf what
mapfile -t names < <("$bin" --list | cut -f1)
while IFS=$'\t' read -r n w; do what[$n]=$w; done < <("$bin" --list)

echo "timing (median of repeated runs)..." >&2
while read -r n m lo; do
	med[$n]=$m
	min[$n]=$lo
done < <("$bin")

if command -v valgrind >/dev/null; then
	for n in "${names[@]}"; do
		case $n in
		*due*) iters=1 ;;
		*100k) iters=200 ;;
		*) iters=2000 ;;
		esac
		echo "callgrind: $n x $iters..." >&2
		c=$(valgrind --tool=callgrind --toggle-collect=bench_measured \
			--callgrind-out-file="$dir/callgrind.$n.out" \
			"$bin" --op "$n" --iters "$iters" 2>&1 |
			sed -n 's/.*Collected : *\([0-9]*\).*/\1/p')
		[ -n "$c" ] && ir[$n]=$((c / iters))
	done
else
	echo "valgrind missing: no instruction counts" >&2
fi

perf_ok=no
if command -v perf >/dev/null &&
   perf stat -x, -e instructions true 2>&1 | grep -q '^[0-9]'; then
	perf_ok=yes
	for n in "${names[@]}"; do
		case $n in *due*) continue ;; esac
		a=$(perf stat -x, -e instructions "$bin" --op "$n" --iters 0 \
			2>&1 >/dev/null | grep instructions | cut -d, -f1)
		b=$(perf stat -x, -e instructions "$bin" --op "$n" \
			--iters 100000 2>&1 >/dev/null | grep instructions |
			cut -d, -f1)
		[ -n "$a" ] && [ -n "$b" ] && pf[$n]=$(((b - a) / 100000))
	done
fi

echo "| operation | ns (median) | ns (min) | instructions (callgrind) | instructions (perf) |"
echo "|---|---:|---:|---:|---:|"
for n in "${names[@]}"; do
	p=${pf[$n]:-}
	[ $perf_ok = no ] && p="n/a"
	printf '| %s | %s | %s | %s | %s |\n' "${what[$n]}" "${med[$n]:-?}" \
		"${min[$n]:-?}" "${ir[$n]:-?}" "${p:-}"
done
echo
echo "perf stat -e instructions: $([ $perf_ok = yes ] && echo supported ||
	echo 'not supported on this machine')"
echo "callgrind profiles: $dir/callgrind.<operation>.out (callgrind_annotate)"
