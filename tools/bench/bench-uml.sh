#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench-uml: the datapath benchmark, in a UML kernel built without the
# debug checkers (tools/harness/uml-bench.config: no KASAN, lockdep,
# kmemleak, ...).  A benchmark that reports, not a timed test.
#
#   bench-uml.sh            on the host: the benchmark kernel (cached;
#                           built once by uml-kernel.sh), ndpv6.ko for it,
#                           one UML boot (NDPV6_MODE=bench), the figures
#                           with the machine and the date
#   bench-uml.sh inside     in UML (run by tools/harness/uml-init.sh):
#                           the measurements
#
# Environment: BENCH_SECONDS (10) per TCP run, BENCH_ECHO_SECONDS (5) per
# echo flood, BENCH_ROUNDS (1): the runs are interleaved, round by round,
# so that a change in the machine's load hits both sides alike; the table
# shows the medians.  BENCH_TIMEOUT: hard limit on the UML run (default:
# from the above, with room for a slow machine).
#
# What is measured, in one UML run, on two identical veth pairs:
#
#      ns "a"                 ns "b"
#    +-----------+        +-----------+
#    | va        |--------| vb        |      plain veth pair, Linux IPv6
#    +-----------+        +-----------+      on both ends
#      ns "peer"              ns "host"
#    +-----------+        +----------------------+
#    | veth0     |--------| veth1 (IPv6 off)     |
#    +-----------+        |  ndp0 (ndpv6)        |
#                         +----------------------+
#
#  1. TCP throughput (iperf3, one stream, BENCH_SECONDS) into the host
#     side (b, ndp0: ndp0's receive path) and out of it (iperf3 -R: ndp0's
#     transmit path), and ndp0's figure as a share of the plain pair's.
#  2. Echo flood (ping -f for BENCH_ECHO_SECONDS): a and peer ping the
#     host side; on the plain pair b's Linux IPv6 answers, behind ndp0 the
#     core answers in softirq.  Replies per second, and the ratio.
# UML runs on one virtual CPU: client, server and both stacks share it, so
# the figures compare CPU cost per byte and per packet more than link
# speed.
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)

# ------------------------------------------------------------ in UML

MAC_B=52:54:00:00:00:0b
LL_B=fe80::5054:ff:fe00:b		# modified EUI-64 of $MAC_B
MAC_HOST=52:54:00:12:34:56
LL_HOST=fe80::5054:ff:fe12:3456		# modified EUI-64 of $MAC_HOST

say() {
	echo "bench: $*"
}

# has_ll NS DEV ADDR: ADDR/64 on DEV and not tentative.
has_ll() {
	local out

	out=$(ip -n "$1" -6 -o addr show dev "$2")
	[[ "$out" == *" $3/64 "* && "$out" != *tentative* ]]
}

# wait_for CMD...: CMD succeeds within 10 s.
wait_for() {
	local deadline=$((SECONDS + 10))

	while [ $SECONDS -lt $deadline ]; do
		"$@" && return 0
		sleep 0.1
	done
	say "gave up waiting for: $*"
	return 1
}

topology() {
	local ns

	for ns in a b peer host; do
		ip netns add $ns
		ip -n $ns link set lo up
		ip netns exec $ns sysctl -qw \
			net.ipv6.conf.default.accept_dad=0 \
			net.ipv6.conf.default.router_solicitations=0
	done
	ip link add va netns a type veth peer name vb netns b \
		address "$MAC_B"
	ip link add veth0 netns peer type veth peer name veth1 netns host \
		address "$MAC_HOST"
	ip netns exec host sysctl -qw net.ipv6.conf.veth1.disable_ipv6=1
	for ns in a:va b:vb peer:veth0 host:veth1; do
		ip -n "${ns%:*}" link set "${ns#*:}" up
	done
	ip -n host link add link veth1 name ndp0 type ndpv6
	ip -n host link set ndp0 up
	wait_for has_ll b vb "$LL_B" &&
		wait_for has_ll host ndp0 "$LL_HOST"
}

# listening NS: iperf3's server listens in NS.
listening() {
	[ -n "$(ip netns exec "$1" ss -Hltn 'sport = :5201')" ]
}

# mbits OUTPUT: the receiver's Mbit/s from iperf3's summary.
mbits() {
	local line

	while IFS= read -r line; do
		if [[ "$line" =~ \ ([0-9.]+)\ Mbits/sec.*receiver ]]; then
			echo "${BASH_REMATCH[1]}"
			return
		fi
	done <<<"$1"
	echo 0
}

# tcp NS DST%DEV [-R]: Mbit/s of one iperf3 run.
tcp() {
	local out

	out=$(ip netns exec "$1" iperf3 -6 -c "$2" -t "$BENCH_SECONDS" -f m \
	      ${3:+"$3"} 2>&1)
	mbits "$out"
}

# echo_rate NS DST%DEV: replies per second of ping -f.
echo_rate() {
	local out

	out=$(ip netns exec "$1" ping -6 -q -f -w "$BENCH_ECHO_SECONDS" \
	      "$2" 2>&1)
	if [[ "$out" =~ ([0-9]+)\ received.*time\ ([0-9]+)ms ]]; then
		echo $(( BASH_REMATCH[1] * 1000 / (BASH_REMATCH[2] + 1) ))
	else
		echo 0
	fi
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (b > 0) printf "%.1f %%", 100 * a / b; else print "n/a" }'
}

median() {
	printf '%s\n' "$@" | sort -g | awk '
		{ v[NR] = $1 }
		END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

inside() {
	local r in_v in_n out_v out_n e_v e_n
	local -a IN_V IN_N OUT_V OUT_N E_V E_N

	BENCH_SECONDS=${BENCH_SECONDS:-10}
	BENCH_ECHO_SECONDS=${BENCH_ECHO_SECONDS:-5}
	BENCH_ROUNDS=${BENCH_ROUNDS:-1}
	insmod "$NDPV6_KO" || { say "insmod failed"; return 1; }
	topology || return 1
	# one iperf3 server on each host side, for every run
	ip netns exec b iperf3 -s -D
	ip netns exec host iperf3 -s -D
	wait_for listening b && wait_for listening host || return 1
	say "kernel $(uname -r), $(nproc) CPU, $BENCH_ROUNDS round(s):" \
	    "TCP ${BENCH_SECONDS} s per run, echo flood" \
	    "${BENCH_ECHO_SECONDS} s per run"
	say "ndp0 offloads: $(ip netns exec host ethtool -k ndp0 |
		awk '/: on/ && !/fixed/ { sub(":", ""); printf "%s ", $1 }')"

	for r in $(seq "$BENCH_ROUNDS"); do
		in_v=$(tcp a "$LL_B%va")
		in_n=$(tcp peer "$LL_HOST%veth0")
		out_v=$(tcp a "$LL_B%va" -R)
		out_n=$(tcp peer "$LL_HOST%veth0" -R)
		e_v=$(echo_rate a "$LL_B%va")
		e_n=$(echo_rate peer "$LL_HOST%veth0")
		say "round $r: TCP in: veth $in_v, ndp0 $in_n Mbit/s;" \
		    "TCP out: veth $out_v, ndp0 $out_n Mbit/s;" \
		    "echo: veth $e_v, ndp0 $e_n replies/s"
		IN_V+=("$in_v"); IN_N+=("$in_n")
		OUT_V+=("$out_v"); OUT_N+=("$out_n")
		E_V+=("$e_v"); E_N+=("$e_n")
	done

	in_v=$(median "${IN_V[@]}"); in_n=$(median "${IN_N[@]}")
	out_v=$(median "${OUT_V[@]}"); out_n=$(median "${OUT_N[@]}")
	e_v=$(median "${E_V[@]}"); e_n=$(median "${E_N[@]}")
	say "| measurement | plain veth | through ndp0 | ndp0 / veth |"
	say "|---|---|---|---|"
	say "| TCP into the host side (ndp0 rx) | $in_v Mbit/s | $in_n Mbit/s | $(ratio "$in_n" "$in_v") |"
	say "| TCP out of the host side (ndp0 tx) | $out_v Mbit/s | $out_n Mbit/s | $(ratio "$out_n" "$out_v") |"
	say "| echo flood, replies/s (Linux vs core) | $e_v | $e_n | $(ratio "$e_n" "$e_v") |"
	say "ndp0 counters after the runs:"
	ip netns exec host ethtool -S ndp0 |
		awk '$2 != "0" && NR > 1 { print "bench:   " $0 }'
	ip -n host -s link show ndp0 | sed 's/^/bench:   /'
}

if [ "${1:-}" = inside ]; then
	inside
	exit
fi

# ------------------------------------------------------------ host side

set -e
here=$repo/tools/harness
out=$repo/build/bench-uml
copy=$repo/build/uml-bench
console=$out/console.log
secs=${BENCH_SECONDS:-10}
echo_secs=${BENCH_ECHO_SECONDS:-5}
rounds=${BENCH_ROUNDS:-1}
timeout=${BENCH_TIMEOUT:-$((240 + rounds * (4 * secs + 2 * echo_secs + 60)))}

mkdir -p "$out" "$copy"
"$here/bootstrap.sh"
kbuild=$("$here/uml-kernel.sh" "$here/uml-bench.config")
echo "bench-uml: UML kernel: $kbuild"
rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='*.mod' \
	--exclude='*.mod.c' --exclude='.*.cmd' --exclude='modules.order' \
	--exclude='Module.symvers' --exclude='.*.d' --exclude='*.a' \
	"$repo/Kbuild" "$repo/include" "$repo/module" "$copy/"
echo "bench-uml: building ndpv6.ko for it"
make -s -C "$kbuild" ARCH=um M="$copy" KCFLAGS="-fmacro-prefix-map=$copy/=" \
	-j"$(nproc)" modules 2>&1 | sed "s#$copy/#$repo/#g"

model=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
echo "bench-uml: booting UML (console: $console)"
rc=0
"$here/run-uml.sh" "$kbuild" "$timeout" NDPV6_MODE=bench \
	NDPV6_REPO="$repo" NDPV6_KO="$copy/ndpv6.ko" \
	BENCH_SECONDS="$secs" BENCH_ECHO_SECONDS="$echo_secs" \
	BENCH_ROUNDS="$rounds" >"$console" 2>&1 || rc=$?
sed -i 's/\r$//' "$console"
echo "machine: ${model:-unknown} ($(nproc) CPUs, host $(uname -sr))," \
     "UML with 1 CPU, mem=512M"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average at the end:" \
     "$(cut -d' ' -f1-3 /proc/loadavg)"
sed -n 's/^bench: //p' "$console" | tee "$out/results.txt"
grep -q '^ndpv6-harness: bench rc=0$' "$console" || {
	echo "bench-uml: FAILED (UML status $rc; see $console)"
	exit 1
}
