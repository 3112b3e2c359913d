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
# a run is bound by the CPU the host gives UML, and on a shared machine
# that varies from second to second.  So the host side also samples the
# CPU time of UML's host processes (every 0.2 s) and charges each run the
# CPU it used: the cost per GiB (TCP) and per 1000 replies (echo), and
# "ndp0 / veth" as a ratio of costs (the throughput ndp0 would reach with
# the same CPU), which does not depend on the load of the machine.  The
# wall-clock rates are printed too.
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

# devcount NS DEV: "RX_PACKETS RX_BYTES TX_PACKETS TX_BYTES" of DEV.
devcount() {
	local name rest f

	while read -r name rest; do
		[ "$name" = "$2:" ] || continue
		read -r -a f <<<"$rest"
		echo "${f[1]} ${f[0]} ${f[9]} ${f[8]}"
	done < <(ip netns exec "$1" cat /proc/net/dev)
}

# tcp NS DST%DEV HOST_NS HOST_DEV [-R]: one iperf3 run; prints
# "MBIT/S BYTES AVG_PACKET_BYTES": the receiver's rate, the bytes the host
# side's device received (or sent, with -R), and the average size of those
# packets: how large the GSO packets crossing it were.
tcp() {
	local out r0 b0 t0 tb0 r1 b1 t1 tb1 pk by

	read -r r0 b0 t0 tb0 < <(devcount "$3" "$4")
	out=$(ip netns exec "$1" iperf3 -6 -c "$2" -t "$BENCH_SECONDS" -f m \
	      ${5:+"$5"} 2>&1)
	read -r r1 b1 t1 tb1 < <(devcount "$3" "$4")
	if [ -n "${5:-}" ]; then
		pk=$((t1 - t0)) by=$((tb1 - tb0))
	else
		pk=$((r1 - r0)) by=$((b1 - b0))
	fi
	echo "$(mbits "$out") $by $((by / (pk + 1)))"
}

# echo_rate NS DST%DEV: ping -f; prints "REPLIES/S REPLIES".
echo_rate() {
	local out

	out=$(ip netns exec "$1" ping -6 -q -f -w "$BENCH_ECHO_SECONDS" \
	      "$2" 2>&1)
	if [[ "$out" =~ ([0-9]+)\ received.*time\ ([0-9]+)ms ]]; then
		echo "$(( BASH_REMATCH[1] * 1000 / (BASH_REMATCH[2] + 1) ))" \
		     "${BASH_REMATCH[1]}"
	else
		echo "0 0"
	fi
}

# run NAME CONFIG ROUND: one measurement; prints "bench-run: NAME CONFIG
# ROUND BEGIN END" and the figures (rate, bytes or replies, average packet
# size) for the host side, which charges the run the CPU UML used between
# BEGIN and END.
run() {
	local t0 res

	t0=$EPOCHREALTIME
	case "$1 $2" in
	"tcp-in veth")	res=$(tcp a "$LL_B%va" b vb) ;;
	"tcp-in ndp0")	res=$(tcp peer "$LL_HOST%veth0" host ndp0) ;;
	"tcp-out veth")	res=$(tcp a "$LL_B%va" b vb -R) ;;
	"tcp-out ndp0")	res=$(tcp peer "$LL_HOST%veth0" host ndp0 -R) ;;
	"echo veth")	res=$(echo_rate a "$LL_B%va") ;;
	"echo ndp0")	res=$(echo_rate peer "$LL_HOST%veth0") ;;
	esac
	echo "bench-run: $1 $2 $3 $t0 $EPOCHREALTIME $res"
}

inside() {
	local r name cfg order

	BENCH_SECONDS=${BENCH_SECONDS:-10}
	BENCH_ECHO_SECONDS=${BENCH_ECHO_SECONDS:-5}
	BENCH_ROUNDS=${BENCH_ROUNDS:-1}
	insmod "$NDPV6_KO" || { say "insmod failed"; return 1; }
	topology || return 1
	# one iperf3 server on each host side, for every run
	ip netns exec b iperf3 -s -D
	ip netns exec host iperf3 -s -D
	wait_for listening b && wait_for listening host || return 1
	say "UML kernel $(uname -r), $(nproc) CPU; $BENCH_ROUNDS round(s):" \
	    "TCP ${BENCH_SECONDS} s per run, echo flood" \
	    "${BENCH_ECHO_SECONDS} s per run"
	say "ndp0 offloads: $(ip netns exec host ethtool -k ndp0 |
		awk '/: on/ && !/fixed/ { sub(":", ""); printf "%s ", $1 }')"

	# Odd rounds measure the plain pair first, even rounds ndp0 first.
	for r in $(seq "$BENCH_ROUNDS"); do
		order="veth ndp0"
		[ $((r % 2)) = 1 ] || order="ndp0 veth"
		for name in tcp-in tcp-out echo; do
			for cfg in $order; do
				run "$name" "$cfg" "$r"
			done
		done
		say "round $r of $BENCH_ROUNDS done"
	done
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
	BENCH_ROUNDS="$rounds" >"$console" 2>&1 &
runner=$!
# Interrupted: take UML (its process group, $sid below) down with us.
sid=
trap '[ -z "$sid" ] || kill -KILL -- -"$sid" 2>/dev/null || true' EXIT

# The CPU time of UML's host processes (its session: run-uml.sh starts it
# with setsid), every 0.2 s: "EPOCHREALTIME TICKS".  Processes that ended
# were reaped by UML's kernel process, which then counts their time.
while [ -z "$sid" ] && kill -0 "$runner" 2>/dev/null; do
	sid=$(pgrep -P "$runner" -x linux || true)
	sleep 0.1
done
: >"$out/cpu"
while kill -0 "$runner" 2>/dev/null; do
	t=$EPOCHREALTIME
	# processes come and go: cat goes on past the ones that went
	{ cat /proc/[0-9]*/stat 2>/dev/null || true; } |
		awk -v sid="$sid" -v t="$t" '
		{ s = $0; sub(/^.*\) /, "", s); split(s, f, " ")
		  if (f[4] == sid) n += f[12] + f[13] + f[14] + f[15] }
		END { print t, n + 0 }' >>"$out/cpu"
	sleep 0.2
done
wait "$runner" || rc=$?
trap - EXIT
sed -i 's/\r$//' "$console"
grep '^bench-run: ' "$console" | cut -d' ' -f2- >"$out/runs"

echo "machine: ${model:-unknown} ($(nproc) CPUs, host $(uname -sr))," \
     "UML with 1 CPU, mem=512M"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average at the end:" \
     "$(cut -d' ' -f1-3 /proc/loadavg)"
{
	sed -n 's/^bench: //p' "$console"
	# runs: NAME CONFIG ROUND BEGIN END RATE COUNT [AVG_PACKET]
	awk -v hz="$(getconf CLK_TCK)" '
		FNR == NR { st[FNR] = $1; tk[FNR] = $2; ns = FNR; next }
		# the CPU ticks of the last sample at or before t (first = 1),
		# or of the first sample at or after t (first = 0)
		function ticks(t, first,   i) {
			if (first) {
				for (i = ns; i > 1 && st[i] > t; i--)
					;
			} else {
				for (i = 1; i < ns && st[i] < t; i++)
					;
			}
			return tk[i]
		}
		{
			k = $1 " " $2
			cpu = (ticks($5, 0) - ticks($4, 1)) / hz
			unit = ($1 == "echo" ? $7 / 1000 : $7 / 1073741824)
			rate[k] = rate[k] " " $6
			cost[k] = cost[k] " " (unit > 0 ? cpu / unit : 0)
			pkt[k] = pkt[k] " " $8
			printf "run %s round %d %s: %s %s, %.1f CPU-s, %s %s\n", \
				$1, $3, $2, $6, \
				($1 == "echo" ? "replies/s" : "Mbit/s"), cpu, \
				($1 == "echo" ? $7 " replies" : $7 " bytes"), \
				($1 == "echo" ? "" : "(avg packet " $8 " bytes)")
		}
		function median(str,   v, n, i, j, x) {
			n = split(str, v, " ")
			for (i = 2; i <= n; i++)
				for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) {
					x = v[j]; v[j] = v[j - 1]; v[j - 1] = x
				}
			return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
		}
		function line(name, what, unit, cu,   rv, rn, cv, cn) {
			rv = median(rate[name " veth"]); rn = median(rate[name " ndp0"])
			cv = median(cost[name " veth"]); cn = median(cost[name " ndp0"])
			printf "| %s | %s %s, %.2f %s | %s %s, %.2f %s | %.1f %% | %.1f %% |\n", \
				what, rv, unit, cv, cu, rn, unit, cn, cu, \
				(rv > 0 ? 100 * rn / rv : 0), (cn > 0 ? 100 * cv / cn : 0)
		}
		END {
			print ""
			print "Medians over the rounds; ndp0 / veth: by wall-clock rate, and by CPU cost (the rate at equal CPU):"
			print ""
			print "| measurement | plain veth | through ndp0 | ndp0 / veth, rate | ndp0 / veth, CPU |"
			print "|---|---|---|---|---|"
			line("tcp-in", "TCP into the host side (ndp0 receives)", "Mbit/s", "CPU-s/GiB")
			line("tcp-out", "TCP out of the host side (ndp0 sends)", "Mbit/s", "CPU-s/GiB")
			line("echo", "echo flood (Linux answers / the core answers)", "replies/s", "CPU-s/1000")
		}' "$out/cpu" "$out/runs"
} | tee "$out/results.txt"
grep -q '^ndpv6-harness: bench rc=0$' "$console" || {
	echo "bench-uml: FAILED (UML status $rc; see $console)"
	exit 1
}
