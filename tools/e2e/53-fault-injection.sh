#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fault injection (failslab), in three parts:
#  1. fail-nth: every slab allocation of `ip link add ... type ndpv6`,
#     `ip link set ndp0 up` and each ndpv6 generic netlink request fails in
#     turn (fail-nth.py); each must end in a clean error with the state
#     before, or be absorbed with the state after, and the next try (the
#     retry) must work;
#  2. GFP_ATOMIC allocations fail at random while traffic flows through
#     ndp0 and the core's addresses come and go: the core's frames that
#     found no memory are counted, no event is lost unsaid, ping works
#     after;
#  3. the allocations of the kworkers that run the mirror fail at random
#     while the core's tables change: once faults stop the mirror retries
#     by itself until the kernel's view is the core's.
# The console check and the kmemleak scan after the e2e tests find crashes,
# splats and leaks.  Documentation/ndpv6/testing.rst, "Fault injection".
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | veth0 52:54:00:ab:cd:ef |----| veth1 52:54:00:12:34:56      |
#    | fe80::5054:ff:feab:cdef |    |  ndp0 (type ndpv6 on veth1)  |
#    | ping, stream.py         |    |  fe80::5054:ff:fe12:3456/64  |
#    +-------------------------+    +------------------------------+
#
# timeout: 240
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

FAILSLAB=/sys/kernel/debug/failslab
FAILNTH=$E2E_DIR/fail-nth.py
if [ ! -d "$FAILSLAB" ] || [ ! -w /proc/self/fail-nth ]; then
	skip "no failslab (CONFIG_FAILSLAB, CONFIG_FAULT_INJECTION_DEBUG_FS)"
fi

# failslab is the whole kernel's: its settings are put back at exit, and
# no kworker keeps make-it-fail.
FS_KNOBS=(probability interval times space verbose task-filter
	  ignore-gfp-wait cache-filter)
declare -A fs_saved
for k in "${FS_KNOBS[@]}"; do
	fs_saved[$k]=$(<"$FAILSLAB/$k")
done
MARKED=()

# fs_set KNOB VALUE...: failslab settings.
fs_set() {
	while [ $# -ge 2 ]; do
		echo "$2" >"$FAILSLAB/$1"
		shift 2
	done
}

# unmark: no kworker has make-it-fail any more.
unmark() {
	local pid

	for pid in "${MARKED[@]}"; do
		echo 0 >"/proc/$pid/make-it-fail" 2>/dev/null || true
	done
	MARKED=()
}

fs_restore() {
	local k

	echo 0 >"$FAILSLAB/probability"
	unmark
	for k in "${FS_KNOBS[@]}"; do
		echo "${fs_saved[$k]}" >"$FAILSLAB/$k" || true
	done
}
trap 'fs_restore; e2e_cleanup' EXIT

# fired BUDGET: how many failures failslab injected of BUDGET (times).
fired() {
	echo $(($1 - $(<"$FAILSLAB/times")))
}

# filled through namerefs
# shellcheck disable=SC2034
declare -A e0 e1 d0 d1

# ---------------------------------------------------- 1. fail-nth, each request
#
# fail-nth counts only what failslab lets through: GFP_KERNEL allocations
# too (ignore-gfp-wait off); no probability, so nothing else fails.
fs_set verbose 0 probability 0 ignore-gfp-wait N cache-filter N
ndp0_link plain
run ip -n host link del ndp0
# The kernel says when sysfs or sysctl found no memory for ndp0, with a
# stack trace each, more than its 16 KiB log keeps: no check_kernel here,
# console_check.py reads the whole console after the run.
run nsq host python3 "$FAILNTH" "link-add veth1 ndp0"
# (part 3 wants more than 16 addresses, and no DAD: addresses at once)
run ctl params set ndp0 max-addrs 64 dad-transmits 0
run nsq host python3 "$FAILNTH" "link-up ndp0" \
	"router-add ndp0 fe80::1" "router-del ndp0 fe80::1" \
	"prefix-add ndp0 2001:db8:5::/64" "prefix-del ndp0 2001:db8:5::/64" \
	"addr-add ndp0 2001:db8:5::5/64" "addr-del ndp0 2001:db8:5::5/64" \
	"params-set ndp0 2 0 0" "params-get ndp0" "stats-get ndp0" \
	"addr-dump ndp0"
# ... and the tools work as before: ndpv6ctl, and ping through ndp0.
run ctl params set ndp0 dad-transmits 0 accept-ra on reply-echo on
wait_until 10 has_addr host ndp0 "$HOST_LL"
wait_until 10 no_tentative peer veth0
run nsq host ping -6 -c 1 -W 5 "$PEER_LL%ndp0"

# ------------------------------------- 2. GFP_ATOMIC failures during traffic
#
# Only allocations that cannot sleep fail (ignore-gfp-wait), anywhere (no
# task filter: the datapath runs in softirq), one in ten, at most BUDGET,
# while the peer pings ndp0 (the core answers), the core's addresses come
# and go (the monitor's events are allocated GFP_ATOMIC) and a TCP stream
# goes each way (connected before: connect() may fail with ENOMEM).  TCP's
# own allocations fail too: now and then a stream stalls for longer than
# its 15 s (seen once in five runs, with nothing dropped by ndp0), which is
# TCP's affair; a stream that arrives must be what was sent.
mon=$(mktemp)
monitor_bg "$mon" -n host monitor ndp0
STREAM=$E2E_DIR/stream.py
BYTES=262144
go=$(mktemp -u)
out_ping=$(mktemp)
s_host=$(mktemp)
s_peer=$(mktemp)
export STREAM_STALL=15
nsq_bg host python3 "$STREAM" 5301 "$PEER_LL%ndp0" 5302 $BYTES "$go" \
	>"$s_host"
E2E_PIDS+=("$!")
nsq_bg peer python3 "$STREAM" 5302 "$HOST_LL%veth0" 5301 $BYTES "$go" \
	>"$s_peer"
E2E_PIDS+=("$!")
wait_until 15 grep -q connected "$s_host"
wait_until 15 grep -q connected "$s_peer"
EVENTS=24
churn=()
for i in $(seq 1 $EVENTS); do
	churn+=("addr-add ndp0 2001:db8:9::$i/64" "addr-del ndp0 2001:db8:9::$i")
done
ethstats host ndp0 e0
devstats host ndp0 d0
BUDGET=400
log "GFP_ATOMIC failures on: one in ten, at most $BUDGET"
kernel_mark
fs_set ignore-gfp-wait Y task-filter N interval 1 times $BUDGET space 0 \
	probability 10
touch "$go"
nsq_bg peer ping -6 -q -c 300 -i 0.01 -W 2 "$HOST_LL%veth0" >"$out_ping"
ping_pid=$!
E2E_PIDS+=("$ping_pid")
run nsq host python3 "$FAILNTH" --plain "${churn[@]}"
wait "$ping_pid" || true
fs_set probability 0
n=$(fired $BUDGET)
log "GFP_ATOMIC failures off: $n injected"
wait_until 40 grep -q received "$s_host"
wait_until 40 grep -q received "$s_peer"
ethstats host ndp0 e1
devstats host ndp0 d1
show_moved "ndp0's counters that moved:" e0 e1
show_moved "ndp0's statistics that moved:" d0 d1
log "ping from the peer: $(ping_counts "$(<"$out_ping")")"
[ "$n" -gt 0 ] || fail "no failure was injected"
log "stream, host: $(<"$s_host")"
log "stream, peer: $(<"$s_peer")"
for w in "$s_host:$s_peer" "$s_peer:$s_host"; do
	[[ $(<"${w#*:}") =~ received\ ([0-9]+\ [0-9a-f]+) ]] || continue
	[[ $(<"${w%%:*}") == *"sent ${BASH_REMATCH[1]}"* ]] ||
		fail "a stream arrived, but not as it was sent"
done
# The core's frames (its echo replies among them) that found no memory
# are counted.
[ "$(moved e0 e1 GLUE_TX_ALLOC_FAILED)" -gt 0 ] || fail "no drop counted"
# Every event reached the monitor, or it was told that some were lost
# (ENOBUFS on its socket: "events were dropped").
all_events() {
	got=$(grep -c '\] addr-\(add\|del\) 2001:db8:9::' "$mon") || true
	[ "$got" = $((2 * EVENTS)) ]
}
events_told() {
	all_events || grep -q 'events were dropped' "$mon"
}
poll_until 10 events_told || true
if ! all_events; then
	log "monitor: $got of $((2 * EVENTS)) events:"
	indent "$(<"$mon")"
	grep -q 'events were dropped' "$mon" ||
		fail "events lost, and the monitor was not told"
fi
# all well again
out=$(nsq peer ping -6 -c 3 -i 0.2 -W 2 "$HOST_LL%veth0")
[ "$(ping_counts "$out")" = "3 3" ] || fail "ping after the faults: $out"
check_kernel

# ---------------------------------------- 3. failures in the mirror's work
#
# The mirror runs on the module's workqueue, in an unbound kworker: every
# kworker/u* gets make-it-fail, and failslab fails a fifth of their
# allocations (task filter on; sleeping ones too; at most BUDGET, which
# lasts to the end) while the core's addresses, prefixes and routers
# change.
workload() {
	local i ops=()

	for i in $(seq 1 20); do
		ops+=("addr-add ndp0 2001:db8:a::$i/64")
	done
	ops+=("prefix-add ndp0 2001:db8:b::/64" "router-add ndp0 fe80::2"
	      "kaddr-add ndp0 2001:db8:c::1/64" "sleep 1")
	for i in $(seq 1 10); do
		ops+=("addr-del ndp0 2001:db8:a::$i")
	done
	ops+=("prefix-del ndp0 2001:db8:b::/64" "link-down ndp0" "link-up ndp0"
	      "sleep 1")
	for i in $(seq 1 20); do
		ops+=("addr-add ndp0 2001:db8:e::$i/64")
	done
	ops+=("prefix-add ndp0 2001:db8:b::/64" "router-add ndp0 fe80::2"
	      "sleep 1")
	run nsq host python3 "$FAILNTH" --plain "${ops[@]}"
}

# lower_groups: veth1 has the solicited-node group of each of the core's
# addresses (/proc/net/dev_mcast: "ifindex name users global address").
lower_groups() {
	local have=" " dev mac line hex

	while read -r _ dev _ _ mac; do
		[ "$dev" = veth1 ] && have+="$mac "
	done <"/proc/${E2E_HOLDER[host]}/net/dev_mcast"
	while IFS= read -r line; do
		[[ $line =~ inet6\ ([0-9a-f:]+)/ ]] || continue
		hex=$(ip6_hex "${BASH_REMATCH[1]}")
		[[ $have == *" 3333ff${hex:26:6} "* ]] || return 1
	done < <(ctl addr show ndp0)
}

ethstats host ndp0 e0
BUDGET=2000
fs_set ignore-gfp-wait N task-filter Y interval 1 times $BUDGET space 0 \
	probability 20
for p in /proc/[0-9]*; do
	read -r comm <"$p/comm" 2>/dev/null || continue
	[[ $comm == kworker/u* ]] || continue
	echo 1 >"$p/make-it-fail" 2>/dev/null || continue
	MARKED+=("${p#/proc/}")
done
log "mirror failures on: ${#MARKED[@]} kworkers, one in five, at most $BUDGET"
workload
fs_set probability 0
unmark
log "mirror failures off: $(fired $BUDGET) injected"
ethstats host ndp0 e1
show_moved "ndp0's counters that moved:" e0 e1
errors=0
for c in RT_ERROR LOWER_GROUP_ERROR LOWER_GROUPS_FULL LL_ERROR NOTES_LOST; do
	errors=$((errors + $(moved e0 e1 "GLUE_$c")))
done
[ "$errors" -gt 0 ] || fail "no failure reached the mirror"
# With no change of the core's to make it run, the mirror tries again
# what it found no memory for (at the core's next tick, within a second),
# until the kernel's view is the core's: addresses, routes, the
# link-local address, the lower's groups.
wait_state 15 "the kernel's view is not the core's after the faults" \
	views_agree
wait_until 10 has_addr host ndp0 "$HOST_LL"
wait_until 10 lower_groups
check_kernel
