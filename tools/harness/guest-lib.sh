# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by the test kernels' init scripts, tools/harness/uml-init.sh (UML)
# and tools/harness/qemu-init.sh (Debian's stock kernels under QEMU): the
# markers the host parses ("ndpv6-harness: ..."), the mounts every guest
# needs, the end-to-end runner and `make check`'s sequence (mode_check).
#
# mode_check reads from the environment (the kernel command line):
#   NDPV6_KO        the module to insmod (a KUnit build runs its suites)
#   NDPV6_E2E       comma-separated globs on tools/e2e/[0-9]*.sh names,
#                   each a prefix ("" = all, "none" = none)
#   NDPV6_E2E_SUITE the KTAP suite name of the e2e tests (default ndpv6_e2e)
#   NDPV6_REPO      the repository, as the guest sees it
mark() {
	echo "ndpv6-harness: $*"
}

# Where the time goes: kernel uptime at each phase.
stamp() {
	local up rest

	read -r up rest </proc/uptime
	mark "at $up s: $*"
}

power_off() {
	mark "done"
	sync
	echo o >/proc/sysrq-trigger
	sleep 5
	poweroff -ff
	sleep 60
}

# guest_setup HOSTNAME [DIR...]: the kernel file systems, a tmpfs on /run
# (ip netns needs /run/netns) and on each DIR (what must be writable on a
# read-only root; NDPV6_REPO under one is bound back over it), the
# loopback up; NET_DEVS= the devices there at boot.
guest_setup() {
	local f name=$1

	shift
	mount -t proc proc /proc
	mount -t sysfs sysfs /sys
	# DEVTMPFS_MOUNT, or the initramfs, may have mounted it already.
	grep -q '^devtmpfs /dev ' /proc/mounts ||
		mount -t devtmpfs devtmpfs /dev
	# What udev would add: bash's <(...) needs /dev/fd.
	ln -sfn /proc/self/fd /dev/fd
	ln -sfn /proc/self/fd/0 /dev/stdin
	ln -sfn /proc/self/fd/1 /dev/stdout
	ln -sfn /proc/self/fd/2 /dev/stderr
	mount -t debugfs debugfs /sys/kernel/debug
	for f in /run "$@"; do
		# a repository under DIR (a clone in /tmp) must stay visible
		case "${NDPV6_REPO:-}/" in
		"$f"/*)
			mkdir -p /dev/ndpv6-repo
			mount --bind "$NDPV6_REPO" /dev/ndpv6-repo
			mount -t tmpfs tmpfs "$f"
			mkdir -p "$NDPV6_REPO"
			mount --bind /dev/ndpv6-repo "$NDPV6_REPO"
			umount /dev/ndpv6-repo
			;;
		*)
			mount -t tmpfs tmpfs "$f"
			;;
		esac
	done
	mkdir -p /run/netns /run/ndpv6
	hostname "$name"
	ip link set lo up
	for f in /sys/class/net/*; do
		NET_DEVS+=" ${f##*/}"
	done
}

# Leave the network as the tests found it: no namespaces, and in the init
# namespace only the devices that were there at boot (NET_DEVS).  Builtins
# first: every process spawned in UML or under QEMU's TCG is slow.
NET_DEVS=
cleanup_net() {
	local f dev

	for f in /run/netns/*; do
		[ -e "$f" ] || continue
		ip netns del "${f##*/}" 2>/dev/null || true
	done
	for f in /sys/class/net/*; do
		dev=${f##*/}
		case " $NET_DEVS " in *" $dev "*) continue ;; esac
		ip link del "$dev" 2>/dev/null || true
	done
}

# A test's leftovers: the processes of its process group (timeout(1) makes
# one, pgid $1) and any process in a network namespace other than init's,
# killed before its namespaces are deleted.  A background job the test
# did not stop (a flood, a daemon) would otherwise go on through the
# next tests, slowing them down, and keep its namespace alive.  LEFT= what
# was killed ("comm[pid] ...").
kill_leftovers() {
	local f stat rest pid fields

	LEFT=
	for f in /proc/[0-9]*; do
		pid=${f#/proc/}
		if [ "$pid" -eq 1 ] || [ "$pid" -eq "$BASHPID" ]; then
			continue
		fi
		read -r stat 2>/dev/null <"$f/stat" || continue
		rest=${stat##*) }
		read -r -a fields <<<"$rest"
		# fields: state ppid pgrp ...; kernel threads have pgrp 0
		[ "${fields[2]}" != 0 ] || continue
		if [ "${fields[2]}" = "$1" ] ||
		   ! [ "$f/ns/net" -ef /proc/1/ns/net ]; then
			[ "${fields[0]}" = Z ] && continue
			stat=${stat#* (}
			LEFT+=" ${stat%%) *}[$pid]"
			kill -KILL "$pid" 2>/dev/null
		fi
	done
}

# TIMEOUT= the header line "# timeout: N" of test $1, else 60; plus, for
# a line "# timeout-scale: VAR F", F times the seconds in the environment
# variable VAR when it is set (a test whose length a variable sets, e.g.
# NDPV6_NLFUZZ_SECONDS).  check.sh's e2e_limit reads the same lines.
e2e_timeout() {
	local line var factor extra=0

	TIMEOUT=60
	while IFS= read -r line; do
		if [[ "$line" =~ ^#\ timeout:\ *([0-9]+) ]]; then
			TIMEOUT=${BASH_REMATCH[1]}
		elif [[ "$line" =~ ^#\ timeout-scale:\ *([A-Z0-9_]+)\ +([0-9]+) ]]; then
			var=${BASH_REMATCH[1]} factor=${BASH_REMATCH[2]}
			[[ ${!var:-} =~ ^[0-9]+$ ]] &&
				extra=$((extra + ${!var} * factor))
		elif [[ ! "$line" =~ ^# ]]; then
			break
		fi
	done <"$1"
	TIMEOUT=$((TIMEOUT + extra))
}

# MS= milliseconds of the real-time clock.
now_ms() {
	local us=${EPOCHREALTIME/./}

	MS=$((us / 1000))
}

# Run the tools/e2e/[0-9]*.sh that NDPV6_E2E selects as the KTAP suite
# NDPV6_E2E_SUITE, numbered $1 (after the KUnit suites that insmod ran);
# each test's output becomes diagnostics.
run_e2e() {
	local num=$1 tests=() t name rc i=0 failed=0 out t0 line reason
	local suite=${NDPV6_E2E_SUITE:-ndpv6_e2e} globs=() g

	IFS=, read -r -a globs <<<"${NDPV6_E2E:-}"
	[ ${#globs[@]} -gt 0 ] || globs=('*')
	if [ "${NDPV6_E2E:-}" != none ]; then
		for t in "$NDPV6_REPO"/tools/e2e/[0-9]*.sh; do
			[ -f "$t" ] || continue
			name=${t##*/}
			name=${name%.sh}
			for g in "${globs[@]}"; do
				# shellcheck disable=SC2254
				case "$name" in $g*) tests+=("$t"); break ;; esac
			done
		done
	fi

	echo "    KTAP version 1"
	echo "    # Subtest: $suite"
	echo "    1..${#tests[@]}"
	for t in "${tests[@]}"; do
		i=$((i + 1))
		name=${t##*/}
		name=${name%.sh}
		out=/run/ndpv6/$name.out
		e2e_timeout "$t"
		now_ms
		t0=$MS
		# in the background: $! is timeout's pid and process group
		timeout -k 5 "$TIMEOUT" bash "$t" >"$out" 2>&1 </dev/null &
		wait $!
		rc=$?
		kill_leftovers $!
		[ -z "$LEFT" ] ||
			echo "left behind, killed:$LEFT" >>"$out"
		reason=
		while IFS= read -r line; do
			echo "    # $name: $line"
			[[ -z "$reason" && "$line" == "SKIP: "* ]] &&
				reason=${line#SKIP: }
		done <"$out"
		now_ms
		echo "    # $name: took $((MS - t0)) ms"
		case $rc in
		0)	echo "    ok $i - $name" ;;
		77)	echo "    ok $i - $name # SKIP $reason" ;;
		124|137) echo "    # $name: timed out"
			echo "    not ok $i - $name"; failed=1 ;;
		*)	echo "    # $name: exit status $rc"
			echo "    not ok $i - $name"; failed=1 ;;
		esac
		cleanup_net
	done
	if [ $failed -eq 0 ]; then
		echo "ok $num - $suite"
	else
		echo "not ok $num - $suite"
	fi
}

# KASAN keeps freed slab objects in a quarantine (1/32 of memory, 16 MiB
# here) before the slab allocator takes them back, and kmemleak forgets
# an object only then.  A freed object waiting there behind one that
# kmemleak ignores (kfree_rcu() tells it to) is reached by no scanned
# pointer and reads as a leak: its first bytes are KASAN's free metadata,
# not its contents.  A namespace deleted by the last test is freed by a
# worker a little later.  So: wait for that, then free 40 MiB of fresh
# slab objects (UDP datagrams to ourselves), which pushes every older
# object out of the quarantine, before scanning.
flush_quarantine() {
	sleep 2
	python3 - <<'PY'
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
data = bytes(60000)
for _ in range(640):
    s.sendto(data, s.getsockname())
    s.recv(65536)
PY
}

# kmemleak only reports objects older than 5 s: wait that long after
# insmod, flush KASAN's quarantine, scan twice, and print the report
# while the module is loaded so that backtraces name its functions.
leak_report() {
	local since=$1 left

	[ -e /sys/kernel/debug/kmemleak ] || { mark "kmemleak missing"; return; }
	left=$((since + 6 - EPOCHSECONDS))
	[ $left -le 0 ] || sleep "$left"
	flush_quarantine || mark "quarantine flush failed"
	echo scan >/sys/kernel/debug/kmemleak
	echo scan >/sys/kernel/debug/kmemleak
	mark "kmemleak begin"
	cat /sys/kernel/debug/kmemleak
	mark "kmemleak end"
}

# The checkers' own counters, one marker line each, when the kernel has
# them: KCSAN's (setup_watchpoints > 0 shows it watched; data_races counts
# the races it saw, reported or not) and whether lockdep is still on (it
# turns itself off after its first report).
checker_stats() {
	local line out=

	if [ -r /sys/kernel/debug/kcsan ]; then
		while IFS= read -r line; do
			case "$line" in
			enabled:*|setup_watchpoints:*|data_races:*|report_races:*|races_unknown_origin:*)
				out+=" ${line/: /=}" ;;
			esac
		done </sys/kernel/debug/kcsan
		mark "kcsan:$out"
	fi
	if [ -r /proc/lockdep_stats ]; then
		while IFS= read -r line; do
			case "$line" in
			*debug_locks:*) mark "lockdep: debug_locks=${line##* }" ;;
			esac
		done </proc/lockdep_stats
	fi
}

mode_check() {
	local rc suites loaded

	mark "insmod $NDPV6_KO"
	loaded=$EPOCHSECONDS
	insmod "$NDPV6_KO"
	rc=$?
	mark "insmod rc=$rc"
	if [ $rc -ne 0 ]; then
		return
	fi
	stamp "KUnit suites done"
	suites=$(find /sys/kernel/debug/kunit -mindepth 1 -maxdepth 1 -type d 2>/dev/null |
		 wc -l)
	# E2E=none: no e2e suite at all (an empty one is "0 tests run!", an
	# error, to the KTAP parser); a glob that matches nothing still is.
	[ "${NDPV6_E2E:-}" = none ] || run_e2e $((suites + 1))
	mark "ktap end"
	stamp "e2e tests done"
	checker_stats
	cleanup_net
	leak_report "$loaded"
	stamp "kmemleak scan done"
	rmmod ndpv6
	mark "rmmod rc=$?"
}

