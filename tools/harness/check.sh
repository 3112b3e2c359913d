#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: bootstrap, UML kernel (cached), ndpv6.ko with the KUnit
# suites for it, the userspace library with gcc and clang, one UML boot
# (insmod runs the KUnit suites, then the end-to-end tests, a kmemleak scan,
# rmmod) and beside it one QEMU boot of Debian's stock 6.12 kernel with two
# CPUs running a subset of the end-to-end tests (QEMU_SUBSET below) with
# ndpv6.ko built against that kernel's headers; once that QEMU run is
# over, in the background too, a second UML kernel, 6.12, built once from
# linux-source-6.12 with the same fragment, boots a KUnit build of
# ndpv6.ko for it and runs the KUnit suites only (suites renamed
# <suite>_6_12); after that, in the background too, the SMP debug kernel
# (below) under QEMU with two CPUs runs the KUnit suites and the e2e tests
# of SMP_CHECK_SUBSET (suites renamed <suite>_smp; its first build: about
# 30 minutes, beside the rest); then the kernel's own KTAP parser on all of it, a scan of
# every console for kernel reports, the check.d hooks, and a summary whose
# last line is exactly "N passed, N failed" (", N skipped" appended when
# something was skipped).
#
# `make check-kernels` (CHECK_KERNELS=1): bootstrap, and every end-to-end
# test on each of Debian's stock kernels, 6.1 and 6.12, under QEMU side by
# side; no UML run, no library builds, no hooks; the same summary.
#
# `make check-smp` (CHECK_SMP=1): bootstrap, the SMP debug kernel
# (tools/harness/smp-kernel.sh: lockdep, KCSAN, debug objects; built once,
# cached), a KUnit build of ndpv6.ko against it, and one QEMU boot with
# two CPUs running every KUnit suite (KUNIT selects) and the e2e tests of
# SMP_SUBSET below (E2E overrides it); its console scanned with
# console_check.py --smp; no UML run, no library builds, no hooks; the
# same summary.
#
# Environment (the Makefile passes its variables of the same names):
#   KUNIT        space-separated globs: only the kunit/*_test.c files whose
#                name or suite name (.name = "...") matches; default all
#                (in both UML kernels, 6.1 and 6.12)
#   E2E          comma-separated globs on the names of tools/e2e/[0-9]*.sh
#                to run (prefix match; default all; "none" for none); the
#                QEMU run of `make check` runs those of QEMU_SUBSET
#                that match
#   QEMU         the stock kernel series booted under QEMU (6.1, 6.12,
#                "none" for no QEMU run; default 6.12, and for
#                check-kernels "6.1 6.12")
#   UML612       "none": no KUnit run on UML 6.12 (counted as skipped);
#                default: run it
#   SMP          "none": no run on the SMP debug kernel in make check
#                (counted as skipped); default: run it
#   QEMU_TIMEOUT seconds before a QEMU run is killed (default: 180 for
#                boot and module, plus each selected e2e test's own
#                timeout and 10 s, at most 2400; check-smp: 600 for boot
#                and the KUnit suites, plus the same, at most 3600)
#   E2E_TRACE    non-empty: each e2e test writes a bash trace with
#                timestamps to build/check/trace/NAME.sh.trace (profiling)
#   UML_TIMEOUT  seconds before the UML run is killed (default: 240 for
#                boot, KUnit and kmemleak, plus each selected e2e test's
#                own timeout and 10 s, at most 1500; the init enforces
#                the tests' timeouts); the KUnit-only UML 6.12 run gets
#                the same limit
#
# Results: every step appends lines "NAME ok|fail|skip [COUNT]" to
# build/check/results; the summary totals them.  A later step adds its own
# counts by dropping an executable into tools/harness/check.d/: it runs
# with NDPV6_REPO, NDPV6_KBUILD and NDPV6_RESULTS set, appends its lines to
# $NDPV6_RESULTS, and counts as one failure if it exits non-zero.
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/tools/harness
out=$repo/build/check
results=$out/results
console=$out/console.log
ktap=$out/ktap.log
copy=$repo/build/uml-kunit
start=$SECONDS
# The stock-kernel subset of `make check`: link create and up, link-local
# ping both ways (10), TCP and UDP both ways (21), teardown under a ping
# flood and rmmod (12, and rmmod after the suite), ndpv6ctl loading the
# module by itself (38), SLAAC from radvd and the kernel's view of it (40).
# Documentation/ndpv6/benchmarks.rst gives each test's time under QEMU.
QEMU_SUBSET=10-,12-,21-,38-,40-
# The e2e tests of check-smp: traffic on both CPUs (link-local ping 10,
# neighbour loss 20, TCP and UDP 21, an NS flood 23) and the control
# plane beside it (ndpv6ctl monitor 35, the kernel mirror under SLAAC 40
# and under a flood 46).
SMP_SUBSET=10-,20-,21-,23-,35-,40-,46-
# ... and of make check's SMP run: link-local ping on both CPUs (10).
SMP_CHECK_SUBSET=10-
# The e2e tests make check does not run in UML (E2E= naming one does):
# the SMP stress test (52) needs two CPUs, and re-inserts the module, which
# in a KUnit build runs every suite again into the console: for now it runs
# with `make check-smp E2E=52` only.
SMP_ONLY=52-
QEMU_PIDS=()

# shellcheck source=tools/harness/lock.sh
. "$here/lock.sh"
harness_lock "$repo"
mkdir -p "$out"
: >"$results"
rm -f "$console" "$ktap" "$out"/console-qemu-*.log "$out"/console-uml-*.log \
	"$out/console-smp.log"

say() {
	echo "check: $*"
}

# The e2e tests' own parameters, NDPV6_NLFUZZ_* (tools/e2e/54-netlink-fuzz.sh),
# from the environment (`make check NDPV6_NLFUZZ_SECONDS=600` puts them
# there) onto every guest's kernel command line, which its init gets as
# its environment.
guest_env=()
for name in $(compgen -e); do
	[[ $name == NDPV6_NLFUZZ_* && ${!name} =~ ^[A-Za-z0-9_.:-]+$ ]] &&
		guest_env+=("$name=${!name}")
done
[ ${#guest_env[@]} -eq 0 ] || say "for the e2e tests: ${guest_env[*]}"

result() {
	echo "$*" >>"$results"
}

# Print the totals; the very last line is what CI reads.
summary() {
	local line

	echo
	for line in "$console" "$out"/console-uml-*.log \
		    "$out"/console-qemu-*.log "$out/console-smp.log"; do
		[ -f "$line" ] && say "console log: $line"
	done
	while read -r line; do
		case "$line" in
		*' fail'|*' skip'|*' fail '[1-9]*|*' skip '[1-9]*)
			say "  $line" ;;
		esac
	done <"$results"
	say "done in $((SECONDS - start)) s"
	awk '
		{ n = ($3 == "") ? 1 : $3; t[$2] += n }
		END {
			line = sprintf("%d passed, %d failed", t["ok"], t["fail"])
			if (t["skip"] > 0)
				line = line sprintf(", %d skipped", t["skip"])
			print line
			exit (t["fail"] > 0 || t["ok"] == 0) ? 1 : 0
		}' "$results"
}

# A step that cannot go on: record it and stop with the summary.
fatal() {
	say "$1 failed"
	result "$1 fail"
	summary
	exit 1
}

# KUNIT globs -> kunit/*_test.c base names, matched on the file name or on a
# suite name the file declares.
kunit_files() {
	local f base names globs g n

	read -r -a globs <<<"$KUNIT"
	for f in "$repo"/kunit/*_test.c; do
		[ -f "$f" ] || continue
		base=$(basename "$f" .c)
		names=$(sed -n 's/.*\.name[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
		for g in "${globs[@]}"; do
			# shellcheck disable=SC2254
			case "$base" in $g) echo "$base"; continue 2 ;; esac
			for n in $names; do
				# shellcheck disable=SC2254
				case "$n" in $g) echo "$base"; continue 3 ;; esac
			done
		done
	done
}

# e2e_select GLOBS: the names of the tools/e2e/[0-9]*.sh that one of the
# comma-separated prefix GLOBS matches ("" all, "none" none), one a line.
e2e_select() {
	local t name g globs=()

	[ "$1" = none ] && return
	IFS=, read -r -a globs <<<"$1"
	[ ${#globs[@]} -gt 0 ] || globs=('*')
	for t in "$repo"/tools/e2e/[0-9]*.sh; do
		[ -f "$t" ] || continue
		name=${t##*/}
		name=${name%.sh}
		for g in "${globs[@]}"; do
			# shellcheck disable=SC2254
			case "$name" in $g*) echo "$name"; break ;; esac
		done
	done
}

# e2e_limit BASE MAX NAME...: the hard limit on a guest's run: BASE, plus
# for each e2e test its "# timeout: N" (else 60) and 10 s for its kill and
# cleanup; at most MAX, so that a hung kernel leaves most of CI's time.
# A test's "# timeout-scale: VAR F" adds F times \$VAR when VAR is set
# (guest-lib.sh's e2e_timeout), past MAX: a run made longer on purpose.
e2e_limit() {
	local base=$1 max=$2 name line limit secs extra=0 var factor

	shift 2
	limit=$base
	for name in "$@"; do
		secs=60
		while IFS= read -r line; do
			if [[ "$line" =~ ^#\ timeout:\ *([0-9]+) ]]; then
				secs=${BASH_REMATCH[1]}
			elif [[ "$line" =~ ^#\ timeout-scale:\ *([A-Z0-9_]+)\ +([0-9]+) ]]; then
				var=${BASH_REMATCH[1]} factor=${BASH_REMATCH[2]}
				[[ ${!var:-} =~ ^[0-9]+$ ]] &&
					extra=$((extra + ${!var} * factor))
			elif [[ ! "$line" =~ ^# ]]; then
				break
			fi
		done <"$repo/tools/e2e/$name.sh"
		limit=$((limit + secs + 10))
	done
	echo $(((limit < max ? limit : max) + extra))
}

# The count of STATUS (passed, failed, ...) in the parser's last line.
parsed() {
	echo "$counts" | grep -o "$1: [0-9]*" | grep -o '[0-9]*$' || echo 0
}

# stock_kernel SERIES: the newest of Debian's SERIES (6.1, 6.12) kernels
# with its image in /boot and its headers in /usr/src.
stock_kernel() {
	local f ver

	for f in /boot/vmlinuz-"$1".[0-9]*-amd64; do
		ver=${f#/boot/vmlinuz-}
		[ -f "$f" ] && [ -d "/usr/src/linux-headers-$ver" ] && echo "$ver"
	done | sort -V | tail -n 1
}

# qemu_start SERIES GLOBS NAME...: ndpv6.ko built against the stock SERIES
# kernel's headers (in a copy under build/, like the UML build), its
# initramfs, and a QEMU boot in the background running the e2e tests GLOBS
# selects (NDPV6_E2E; NAME... are those tests, for the time limit) as the
# KTAP suite ndpv6_e2e_<SERIES>.  Appends to QEMU_PIDS; a failed build is a
# failed case and boots nothing.
qemu_start() {
	local series=$1 tests=$2 kver dir limit log

	shift 2
	kver=$(stock_kernel "$series")
	if [ -z "$kver" ]; then
		say "no stock $series kernel with headers (tools/harness/packages)"
		result "qemu-$series-kernel fail"
		return
	fi
	dir=$repo/build/qemu-$series
	mkdir -p "$dir/src"
	rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='*.mod' \
		--exclude='*.mod.c' --exclude='.*.cmd' --exclude='modules.order' \
		--exclude='Module.symvers' --exclude='.*.d' --exclude='*.a' \
		"$repo/Kbuild" "$repo/include" "$repo/module" "$dir/src/" || {
		result "qemu-$series-copy fail"; return; }
	say "building ndpv6.ko against the headers of $kver"
	if ! make -C "/usr/src/linux-headers-$kver" M="$dir/src" \
		KCFLAGS="-fmacro-prefix-map=$dir/src/=" -j"$(nproc)" modules \
		>"$dir/build.log" 2>&1; then
		sed "s#$dir/src/#$repo/#g" "$dir/build.log"
		say "ndpv6.ko does not build against $kver"
		result "qemu-$series-module-build fail"
		return
	fi
	result "qemu-$series-module-build ok"
	"$here/qemu-initramfs.sh" "$kver" "$dir/initramfs.cpio" ||
		{ result "qemu-$series-initramfs fail"; return; }
	limit=${QEMU_TIMEOUT:-$(e2e_limit 180 2400 "$@")}
	log=$out/console-qemu-$series.log
	say "booting $kver under QEMU (timeout ${limit}s), console: $log"
	say "  e2e tests there: ${*:-none}"
	rm -f "$dir/rc"
	{
		echo "$EPOCHSECONDS" >"$dir/start"
		"$here/run-qemu.sh" "$kver" "$dir/initramfs.cpio" "$limit" \
			NDPV6_REPO="$repo" NDPV6_KO="$dir/src/ndpv6.ko" \
			NDPV6_YNL="$ynl" NDPV6_E2E="$tests" \
			NDPV6_E2E_SUITE="ndpv6_e2e_${series//./_}" \
			"${guest_env[@]}" >"$log" 2>&1
		echo $? >"$dir/rc"
	} &
	QEMU_PIDS+=("$!:$series")
}

# guest_verdict WHAT PREFIX CONSOLE RC: the init script's markers in a
# guest's CONSOLE (RC: its runner's exit status), as results named
# PREFIX-timeout, PREFIX-crash, then insmod and rmmod with PREFIX.
guest_verdict() {
	local what=$1 prefix=$2 log=$3 rc=$4

	grep -q '^ndpv6-harness: done$' "$log" || {
		if [ "$rc" -eq 124 ]; then
			say "$what timed out before the init script finished"
			result "${prefix}timeout fail"
		else
			say "$what stopped before the init script finished (crash?)"
			result "${prefix}crash fail"
		fi
		tail -n 40 "$log"
	}
	grep '^ndpv6-harness: initramfs: ' "$log"
	grep -q '^ndpv6-harness: insmod rc=0$' "$log" || {
		grep '^ndpv6-harness: insmod rc=' "$log"
		result "${prefix}insmod fail"
	}
	if grep -q '^ndpv6-harness: rmmod rc=' "$log" &&
	   ! grep -q '^ndpv6-harness: rmmod rc=0$' "$log"; then
		result "${prefix}rmmod fail"
	fi
}

# ktap_slice CONSOLE: the KTAP in a guest's console, from the first suite
# after insmod (insmod's own messages before it are left out: on 6.1 UML
# they are kmemleak's traces) to the end of the e2e suite.
ktap_slice() {
	sed -n '/^ndpv6-harness: insmod \//,/^ndpv6-harness: ktap end$/p' "$1" |
		sed -n '/^    KTAP version 1$/,$p' |
		sed '/^ndpv6-harness: ktap end$/d'
}

# ktap_rename SUFFIX N: a guest's KTAP (stdin) with each suite renamed
# <suite>SUFFIX and renumbered from N, beside another guest's run of the
# same suites; its "# module: ndpv6" lines (new since 6.1) left out: 6.1's
# parser misses the suite's plan after one.
ktap_rename() {
	sed -E "/^    # module: /d
		s/^(    # Subtest: .*)\$/\\1$1/
		s/^((not )?ok [0-9]+ (- )?)([^ #]+)/\\1\\4$1/" |
		awk -v n="$2" '/^(not )?ok [0-9]+ / {
				sub(/ok [0-9]+ /, "ok " n++ " ") }
			{ print }'
}

# qemu_collect: wait for each QEMU run, judge it, add its KTAP (its one
# suite renumbered after those already in $out/slice) and scan its console.
qemu_collect() {
	local entry pid series dir log rc n took

	for entry in "${QEMU_PIDS[@]}"; do
		pid=${entry%%:*}
		series=${entry#*:}
		dir=$repo/build/qemu-$series
		log=$out/console-qemu-$series.log
		say "waiting for the QEMU run of $series"
		wait "$pid"
		rc=$(cat "$dir/rc" 2>/dev/null || echo 1)
		took=$((EPOCHSECONDS - $(cat "$dir/start")))
		say "QEMU ($series) exited with status $rc (collected $took s after its start; the guest's own time is in its console)"
		sed -i 's/\r$//' "$log"
		guest_verdict "QEMU ($series)" "qemu-$series-" "$log" "$rc"
		grep -q '^ndpv6-harness: rmmod rc=0$' "$log" &&
			result "qemu-$series-rmmod ok"
		n=$(( $(grep -c '^    # Subtest: ' "$out/slice") + 1 ))
		ktap_slice "$log" |
			sed -E "s/^(not )?ok [0-9]+ - /\\1ok $n - /" >>"$out/slice"
		echo
		python3 "$here/console_check.py" "$log" "$results" ||
			result "qemu-$series-console-check fail"
	done
}

# copy_sources DIR: the module's sources (and the KUnit suites) in DIR,
# for a build that never mixes its objects with a host build in the
# repository; mtimes kept.
copy_sources() {
	mkdir -p "$1"
	rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='*.mod' \
		--exclude='*.mod.c' --exclude='.*.cmd' --exclude='modules.order' \
		--exclude='Module.symvers' --exclude='.*.d' --exclude='*.a' \
		"$repo/Kbuild" "$repo/include" "$repo/module" "$repo/kunit" \
		"$1/"
}

# uml612_start WAIT_FOR: in the background, the KUnit suites on a 6.12 UML
# kernel (UML_SERIES=6.12 uml-kernel.sh: built once, like 6.1's): the
# kernel first (a cold build overlaps the rest), then, once the file
# WAIT_FOR exists (the QEMU run's exit status; "" for no wait: that run
# and this one would share the core UML 6.1 leaves), ndpv6.ko with the
# suites KUNIT selects and a boot with no e2e tests.  Its steps leave
# build/uml-6.12/failed (what failed) or build/uml-6.12/rc.
UML612_PID=
uml612_start() {
	local wait_for=$1 dir=$repo/build/uml-6.12 limit

	mkdir -p "$dir"
	rm -f "$dir"/{failed,rc,kbuild,built,start,end}
	limit=${UML_TIMEOUT:-$(e2e_limit 240 1500)}
	say "UML 6.12 for the KUnit suites: kernel built or reused in the background (progress: $dir/kernel.log), booted after the QEMU run"
	{
		kb=$(UML_SERIES=6.12 nice "$here/uml-kernel.sh" \
		     2>"$dir/kernel.log") || { echo kernel >"$dir/failed"; exit; }
		echo "$kb" >"$dir/kbuild"
		if [ -n "$wait_for" ]; then
			while [ ! -f "$wait_for" ]; do
				sleep 2
			done
		fi
		echo "$EPOCHSECONDS" >"$dir/built"
		copy_sources "$dir/src" || { echo copy >"$dir/failed"; exit; }
		make -C "$kb" ARCH=um M="$dir/src" NDPV6_KUNIT=y \
			NDPV6_KUNIT_ONLY="$only" \
			KCFLAGS="-fmacro-prefix-map=$dir/src/=" -j"$(nproc)" \
			modules >"$dir/build.log" 2>&1 ||
			{ echo module-build >"$dir/failed"; exit; }
		echo "$EPOCHSECONDS" >"$dir/start"
		"$here/run-uml.sh" "$kb" "$limit" NDPV6_MODE=check \
			NDPV6_REPO="$repo" NDPV6_KO="$dir/src/ndpv6.ko" \
			NDPV6_E2E=none >"$out/console-uml-6.12.log" 2>&1
		echo $? >"$dir/rc"
		echo "$EPOCHSECONDS" >"$dir/end"
	} &
	UML612_PID=$!
}

# uml612_collect: wait for the UML 6.12 run, judge it like UML 6.1's, add
# its KTAP (ktap_rename _6_12) and scan its console.  A kernel that cannot be
# built (no linux-source-6.12) or a module that does not build is a
# failed case, never a silent pass.
uml612_collect() {
	local dir=$repo/build/uml-6.12 log=$out/console-uml-6.12.log rc n

	[ -n "$UML612_PID" ] || return
	if [ ! -f "$dir/kbuild" ] && [ ! -f "$dir/failed" ]; then
		say "the UML 6.12 kernel is still being built (a first run: 15 to 40 minutes on 2 cores; $dir/kernel.log)"
	fi
	say "waiting for the UML 6.12 KUnit run"
	wait "$UML612_PID"
	case $(cat "$dir/failed" 2>/dev/null) in
	kernel)	cat "$dir/kernel.log"
		say "no UML 6.12 kernel (UML_SERIES=6.12 tools/harness/uml-kernel.sh failed)"
		result "uml-6.12-kernel fail"
		return ;;
	copy)	result "uml-6.12-copy fail"
		return ;;
	module-build)
		sed "s#$dir/src/#$repo/#g" "$dir/build.log"
		say "ndpv6.ko with KUnit does not build for UML 6.12"
		result "uml-6.12-module-build fail"
		return ;;
	esac
	result "uml-6.12-module-build ok"
	rc=$(cat "$dir/rc" 2>/dev/null || echo 1)
	say "UML 6.12 ($(cat "$dir/kbuild")) exited with status $rc: module build $(( $(cat "$dir/start") - $(cat "$dir/built") )) s, boot to power-off $(( $(cat "$dir/end") - $(cat "$dir/start") )) s, collected $((EPOCHSECONDS - $(cat "$dir/end"))) s later"
	sed -i 's/\r$//' "$log"
	guest_verdict "UML 6.12" uml-6.12- "$log" "$rc"
	grep -q '^ndpv6-harness: rmmod rc=0$' "$log" &&
		result "uml-6.12-rmmod ok"
	n=$(( $(grep -c '^    # Subtest: ' "$out/slice") + 1 ))
	ktap_slice "$log" | ktap_rename _6_12 "$n" >>"$out/slice"
	echo
	python3 "$here/console_check.py" --uml612 "$log" "$results" ||
		result "uml-6.12-console-check fail"
}

# only= the kunit/*_test.c base names KUNIT selects (empty: all); a KUNIT
# that selects nothing stops the run.
kunit_only() {
	only=
	[ -n "${KUNIT:-}" ] || return 0
	only=$(kunit_files | tr '\n' ' ')
	[ -n "$only" ] || { say "KUNIT='$KUNIT' matches no kunit/*_test.c"; \
			    fatal kunit-filter; }
	say "KUnit files: $only"
}

# any_file FILE...: true when one of the FILEs exists.
any_file() {
	local f

	for f in "$@"; do
		[ -f "$f" ] && return 0
	done
	return 1
}

# smp_start WAIT_FOR TESTS NAME...: in the background, the SMP debug
# kernel (smp-kernel.sh: built once, cached; a cold build overlaps the
# rest), then, once one of the files WAIT_FOR (space-separated; "" for no
# wait) exists, ndpv6.ko
# with the KUnit suites KUNIT selects built against it (in a copy, like
# UML's), an initramfs without modules (virtio and 9p are built in), and a
# QEMU boot with two CPUs that runs the suites and the e2e tests TESTS
# (comma-separated names; NAME... for the time limit) as the suite
# $smp_suite.  Its steps leave build/smp/failed (what failed) or
# build/smp/rc.
SMP_PID=
smp_start() {
	local wait_for=$1 tests=$2 dir=$repo/build/smp limit kb

	shift 2
	mkdir -p "$dir"
	rm -f "$dir"/{failed,rc,kbuild,built,start,end}
	limit=${QEMU_TIMEOUT:-$(e2e_limit 600 3600 "$@")}
	say "SMP debug kernel: built or reused in the background (progress: $dir/kernel.log)"
	say "  e2e tests there: ${*:-none}"
	{
		kb=$(nice "$here/smp-kernel.sh" 2>"$dir/kernel.log") ||
			{ echo kernel >"$dir/failed"; exit; }
		echo "$kb" >"$dir/kbuild"
		# shellcheck disable=SC2086 # a list of file names
		until [ -z "$wait_for" ] || any_file $wait_for; do
			sleep 2
		done
		echo "$EPOCHSECONDS" >"$dir/built"
		copy_sources "$dir/src" || { echo copy >"$dir/failed"; exit; }
		make -C "$kb" M="$dir/src" NDPV6_KUNIT=y \
			NDPV6_KUNIT_ONLY="$only" \
			KCFLAGS="-fmacro-prefix-map=$dir/src/=" -j"$(nproc)" \
			modules >"$dir/build.log" 2>&1 ||
			{ echo module-build >"$dir/failed"; exit; }
		"$here/qemu-initramfs.sh" - "$dir/initramfs.cpio" \
			>"$dir/initramfs.log" 2>&1 ||
			{ echo initramfs >"$dir/failed"; exit; }
		echo "$EPOCHSECONDS" >"$dir/start"
		# printk.time=0: defconfig's PRINTK_TIME would put a
		# timestamp before each KTAP line KUnit prints, where the
		# parser and ktap_slice expect none.
		"$here/run-qemu.sh" "$kb/arch/x86/boot/bzImage" \
			"$dir/initramfs.cpio" "$limit" printk.time=0 \
			NDPV6_REPO="$repo" NDPV6_KO="$dir/src/ndpv6.ko" \
			NDPV6_YNL="$ynl" NDPV6_E2E="${tests:-none}" \
			NDPV6_E2E_SUITE="$smp_suite" "${guest_env[@]}" \
			>"$out/console-smp.log" 2>&1
		echo $? >"$dir/rc"
		echo "$EPOCHSECONDS" >"$dir/end"
	} &
	SMP_PID=$!
}

# smp_collect SUFFIX: wait for the SMP run, judge it, add its KTAP to
# $out/slice (with SUFFIX, each suite renamed <suite>SUFFIX and
# renumbered after those already there, as beside the UML 6.1 run of the
# same suites) and scan its console with console_check.py --smp.  A
# kernel or module that cannot be built is a failed case.
smp_collect() {
	local suffix=$1 dir=$repo/build/smp log=$out/console-smp.log rc n line

	[ -n "$SMP_PID" ] || return
	if [ ! -f "$dir/kbuild" ] && [ ! -f "$dir/failed" ]; then
		say "the SMP debug kernel is still being built (a first run: about 30 minutes on 2 cores; $dir/kernel.log)"
	fi
	say "waiting for the SMP run"
	wait "$SMP_PID"
	case $(cat "$dir/failed" 2>/dev/null) in
	kernel)	tail -n 40 "$dir/kernel.log"
		say "no SMP debug kernel (tools/harness/smp-kernel.sh failed)"
		result "smp-kernel fail"
		return ;;
	copy)	result "smp-copy fail"
		return ;;
	module-build)
		sed "s#$dir/src/#$repo/#g" "$dir/build.log"
		say "ndpv6.ko with KUnit does not build for the SMP kernel"
		result "smp-module-build fail"
		return ;;
	initramfs)
		cat "$dir/initramfs.log"
		result "smp-initramfs fail"
		return ;;
	esac
	result "smp-module-build ok"
	rc=$(cat "$dir/rc" 2>/dev/null || echo 1)
	say "QEMU (SMP, $(cat "$dir/kbuild")) exited with status $rc: module build $(( $(cat "$dir/start") - $(cat "$dir/built") )) s, boot to power-off $(( $(cat "$dir/end") - $(cat "$dir/start") )) s, collected $((EPOCHSECONDS - $(cat "$dir/end"))) s later"
	sed -i 's/\r$//' "$log"
	guest_verdict "QEMU (SMP)" smp- "$log" "$rc"
	sed -n 's/^ndpv6-harness: \(kcsan\|lockdep\): /  \1: /p' "$log" |
		while IFS= read -r line; do say "$line"; done
	grep -q '^ndpv6-harness: rmmod rc=0$' "$log" && result "smp-rmmod ok"
	if [ -z "$suffix" ]; then
		ktap_slice "$log" >>"$out/slice"
	else
		n=$(( $(grep -c '^    # Subtest: ' "$out/slice") + 1 ))
		ktap_slice "$log" | ktap_rename "$suffix" "$n" >>"$out/slice"
	fi
	echo
	python3 "$here/console_check.py" --smp "$log" "$results" ||
		result "smp-console-check fail"
}

"$here/bootstrap.sh" || fatal bootstrap

# Progress of a first build goes to stderr, which stays on the terminal.
# In check-kernels mode the UML tree is only needed for the KTAP parser;
# check-smp has its own kernel (a first build: about 30 minutes), niced like
# UML 6.12's.
if [ -n "${CHECK_SMP:-}" ]; then
	kbuild=$(nice "$here/smp-kernel.sh") || fatal smp-kernel
	say "SMP debug kernel: $kbuild"
else
	kbuild=$("$here/uml-kernel.sh") || fatal uml-kernel
	say "UML kernel: $kbuild"
fi
src=$kbuild/source-tree
: >"$out/slice"
# The kernel's YNL tools, for the e2e test that drives ndpv6 with them
# (it skips, saying so, without them).
ynl=$("$here/ynl-tree.sh") || { say "no YNL tree (ynl-tree.sh failed)"; ynl=; }

if [ -n "${CHECK_KERNELS:-}" ]; then
	mapfile -t names < <(e2e_select "${E2E:-}")
	for series in ${QEMU:-6.1 6.12}; do
		[ "$series" = none ] ||
			qemu_start "$series" "${E2E:-}" "${names[@]}"
	done
	qemu_collect
elif [ -n "${CHECK_SMP:-}" ]; then
	mapfile -t names < <(e2e_select "${E2E:-$SMP_SUBSET}")
	kunit_only
	smp_suite=ndpv6_e2e_smp
	smp_start "" "$(IFS=,; echo "${names[*]}")" "${names[@]}"
	smp_collect ""
else
	# The test build works on a copy so that it never mixes its objects
	# with a host build in the repository; messages are mapped back to
	# the repo.
	kunit_only
	copy_sources "$copy" || fatal copy-sources
	say "building ndpv6.ko for UML with the KUnit suites"
	make -C "$kbuild" ARCH=um M="$copy" NDPV6_KUNIT=y \
		NDPV6_KUNIT_ONLY="$only" KCFLAGS="-fmacro-prefix-map=$copy/=" \
		-j"$(nproc)" modules 2>&1 |
		sed "s#$copy/#$repo/#g"
	[ "${PIPESTATUS[0]}" -eq 0 ] || fatal module-build

	# The QEMU run goes beside everything that follows, up to the
	# parse.
	mapfile -t uml_tests < <(e2e_select "${E2E:-}")
	series=${QEMU:-6.12}
	if [ "$series" != none ] && [ ${#uml_tests[@]} -gt 0 ]; then
		mapfile -t names < <(printf '%s\n' "${uml_tests[@]}" |
				     grep -xF -f <(e2e_select "$QEMU_SUBSET"))
		[ ${#names[@]} -eq 0 ] ||
			qemu_start "$series" "$(IFS=,; echo "${names[*]}")" \
				   "${names[@]}"
	fi
	# The KUnit suites on UML 6.12, after the QEMU run if there is one.
	qemu_rc=
	[ ${#QEMU_PIDS[@]} -eq 0 ] || qemu_rc=$repo/build/qemu-$series/rc
	if [ "${UML612:-}" = none ]; then
		say "UML612=none: no KUnit run on UML 6.12"
		result "uml-6.12 skip"
	else
		uml612_start "$qemu_rc"
	fi

	# The SMP debug kernel with two CPUs, after UML 6.12 (else after
	# the QEMU run): the KUnit suites and the e2e tests of
	# SMP_CHECK_SUBSET that E2E selects, suites renamed <suite>_smp.
	if [ "${SMP:-}" = none ]; then
		say "SMP=none: no run on the SMP debug kernel"
		result "smp skip"
	else
		mapfile -t names < <(printf '%s\n' "${uml_tests[@]}" |
				     grep -xF -f <(e2e_select "$SMP_CHECK_SUBSET"))
		smp_wait=$qemu_rc
		[ "${UML612:-}" = none ] || smp_wait="$repo/build/uml-6.12/end $repo/build/uml-6.12/failed"
		smp_suite=ndpv6_e2e
		smp_start "$smp_wait" "$(IFS=,; echo "${names[*]}")" \
			  "${names[@]}"
	fi

	for cc in gcc clang; do
		if make -s -C "$repo" lib CC="$cc" >"$out/lib-$cc.log" 2>&1; then
			result "lib-$cc ok"
		else
			cat "$out/lib-$cc.log"
			say "make lib CC=$cc failed"
			result "lib-$cc fail"
		fi
	done

	uml_e2e=${E2E:-}
	if [ -z "$uml_e2e" ] && [ -n "$SMP_ONLY" ]; then
		mapfile -t uml_tests < <(printf '%s\n' "${uml_tests[@]}" |
			grep -vxF -f <(e2e_select "$SMP_ONLY"))
		uml_e2e=$(IFS=,; echo "${uml_tests[*]:-none}")
	fi
	timeout=${UML_TIMEOUT:-$(e2e_limit 240 1500 "${uml_tests[@]}")}
	trace=()
	if [ -n "${E2E_TRACE:-}" ]; then
		rm -rf "$out/trace"
		mkdir -p "$out/trace"
		trace=(NDPV6_E2E_TRACE="$out/trace")
		say "e2e tests traced with timestamps into $out/trace/"
	fi
	say "booting UML (timeout ${timeout}s), console: $console"
	t0=$SECONDS
	"$here/run-uml.sh" "$kbuild" "$timeout" NDPV6_MODE=check \
		NDPV6_REPO="$repo" NDPV6_KO="$copy/ndpv6.ko" NDPV6_YNL="$ynl" \
		NDPV6_E2E="$uml_e2e" "${trace[@]}" "${guest_env[@]}" \
		>"$console" 2>&1
	rc=$?
	sed -i 's/\r$//' "$console"	# the UML console ends lines with CR LF
	say "UML exited with status $rc after $((SECONDS - t0)) s"

	guest_verdict UML uml- "$console" "$rc"
	# KTAP: the suites insmod ran have no top-level header: the whole
	# gets one below.
	ktap_slice "$console" >>"$out/slice"
	qemu_collect
	uml612_collect
	smp_collect _smp
fi

suites=$(grep -c '^    # Subtest: ' "$out/slice")
{
	echo "KTAP version 1"
	echo "1..$suites"
	cat "$out/slice"
} >"$ktap"
rm -f "$out/slice"

echo
say "---- raw KTAP ($suites suites, $ktap) ----"
cat "$ktap"
say "---- end of raw KTAP ----"
echo
if [ "$suites" -eq 0 ]; then
	say "no KTAP in the console"
	result "ktap-missing fail"
else
	python3 "$src/tools/testing/kunit/kunit.py" parse "$ktap" |
		tee "$out/parse.log"
	counts=$(grep -o 'Testing complete\. Ran [0-9]* tests:.*' \
		 "$out/parse.log" | tail -n 1)
	if [ -z "$counts" ]; then
		say "the KTAP parser printed no result"
		result "ktap-parse fail"
	else
		result "ktap ok $(parsed passed)"
		result "ktap fail $(( $(parsed failed) + $(parsed crashed) + \
				     $(parsed errors) ))"
		result "ktap skip $(parsed skipped)"
	fi
fi

[ -n "${CHECK_KERNELS:-}${CHECK_SMP:-}" ] && { summary; exit; }

echo
python3 "$here/console_check.py" "$console" "$results" ||
	result "console-check fail"

for hook in "$here"/check.d/*; do
	[ -x "$hook" ] || continue
	name=$(basename "$hook")
	say "hook $name"
	NDPV6_REPO=$repo NDPV6_KBUILD=$kbuild NDPV6_RESULTS=$results \
		"$hook" || result "$name fail"
done

summary
