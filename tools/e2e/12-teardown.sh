#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Teardown under traffic: with ping floods running both ways over ndp0
# (the peer floods ndp0's link-local address, answered by the core; the
# host floods the peer through ndp0's xmit), ndp0 goes away by
#   1. ip link del ndp0,
#   2. rmmod ndpv6 (then insmod again, quietly: the KUnit suites of the
#      test build run at every load),
#   3. deleting the lower (veth1),
#   4. deleting the lower's namespace, ndp0 living in another one,
# then ten create/up/ping/destroy cycles.  Each time ndp0 must be gone,
# the lower usable again, and the kernel must not report anything (no
# splat, no "unregister_netdevice: waiting"; kmemleak runs at the end of
# `make check`).
#
#        ns "peer"                          ns "host"            ns "app"
#    +-------------------+          +----------------------+  +----------+
#    | Linux IPv6        |          | veth1 (IPv6 off)     |  | (4) ndp0 |
#    | veth0 ping -f ----|----------|  ndp0 (ndpv6) ping -f|  | of veth1 |
#    +-------------------+          +----------------------+  +----------+
#
# timeout: 400
# shellcheck source=tools/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

mac=52:54:00:12:34:56
ll=fe80::5054:ff:fe12:3456
FLOODS=()

# has_addr NS DEV ADDR: ADDR/64 on DEV, not tentative.  (No "cmd | grep
# -q" under pipefail: grep leaving early fails cmd with SIGPIPE.)
has_addr() {
	local out

	out=$(ip -n "$1" -6 -o addr show dev "$2")
	awk -v a=" $3/64 " 'index($0, a) && !/tentative/ { f = 1 }
			    END { exit !f }' <<<"$out"
}

# pair: veth0 in peer <-> veth1 in $1 (default host), IPv6 off on veth1.
pair() {
	local ns=${1:-host}

	ip link add veth0 netns peer type veth peer name veth1 netns "$ns"
	nsx "$ns" sysctl -qw net.ipv6.conf.veth1.disable_ipv6=1
	ip -n "$ns" link set veth1 address "$mac"
	ip -n peer link set veth0 up
	ip -n "$ns" link set veth1 up
}

# ndp0 LOWER_NS [NDP0_NS]: ndp0 on veth1, up, link-local ready.
ndp0() {
	local ns=${2:-$1}

	run ip -n "$1" link add link veth1 name ndp0 netns "$ns" type ndpv6
	run ip -n "$ns" link set ndp0 up
	wait_until 20 has_addr "$ns" ndp0 "$ll"
}

# floods NDP0_NS: ping floods both ways, for at most 60 s.
floods() {
	local peer_ll

	wait_until 20 no_tentative peer veth0
	peer_ll=$(ll_addr peer veth0)
	nsx peer ping -6 -f -q -w 60 "$ll%veth0" >/dev/null 2>&1 &
	FLOODS+=($!)
	nsx "$1" ping -6 -f -q -w 60 "$peer_ll%ndp0" >/dev/null 2>&1 &
	FLOODS+=($!)
	sleep 2
}

floods_stop() {
	local pid

	for pid in "${FLOODS[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	FLOODS=()
}
trap 'floods_stop; e2e_cleanup' EXIT

no_ndp0() {
	! ip -n "$1" link show ndp0 >/dev/null 2>&1
}

# gone NS: ndp0 has left NS (namespace cleanup is asynchronous).
gone() {
	wait_until 60 no_ndp0 "$1"
}

# Kernel reports since the test started.
dmesg_start=$(dmesg | wc -l)
check_kernel() {
	if dmesg | tail -n +$((dmesg_start + 1)) |
	   grep -E "unregister_netdevice: waiting|BUG:|WARNING:|Oops" |
	   grep -v "suspicious RCU usage"; then
		fail "the kernel reported a problem"
	fi
}

ns_add peer host app
pair host

log "1. ip link del ndp0 under floods"
ndp0 host
floods host
run ip -n host link del ndp0
gone host
floods_stop

log "2. rmmod ndpv6 under floods"
if [ -n "${NDPV6_KO:-}" ] && [ -f "$NDPV6_KO" ]; then
	ndp0 host
	floods host
	run rmmod ndpv6
	gone host
	floods_stop
	# The test build runs its KUnit suites at load: keep their KTAP off
	# the console, where the harness reads the e2e suite (warnings and
	# errors still show).
	level=$(awk '{ print $1 }' /proc/sys/kernel/printk)
	dmesg -n 5
	insmod "$NDPV6_KO"
	rc=$?
	dmesg -n "$level"
	[ "$rc" -eq 0 ] || fail "insmod $NDPV6_KO: $rc"
else
	log "NDPV6_KO not set: rmmod/insmod skipped"
fi

log "3. the lower deleted under floods"
ndp0 host
floods host
run ip -n host link del veth1
gone host
floods_stop
ip -n peer link show veth0 >/dev/null 2>&1 && fail "veth0 outlived its peer"

log "4. the lower's namespace deleted, ndp0 in another namespace"
pair host
ndp0 host app
run ip -n app -d link show ndp0
floods app
run ip netns del host
gone app
floods_stop
ns_add host

log "5. ten create/destroy cycles"
pair host
for i in $(seq 10); do
	ip -n host link add link veth1 name ndp0 type ndpv6
	ip -n host link set ndp0 up
	if [ $((i % 5)) -eq 0 ]; then
		wait_until 20 has_addr host ndp0 "$ll"
		run nsx peer ping -6 -c 2 -i 0.2 -W 2 "$ll%veth0"
	else
		sleep 0.$((i % 5))
	fi
	case $((i % 3)) in
	0)	ip -n host link del ndp0 ;;
	1)	ip -n host link set ndp0 down
		ip -n host link del ndp0 ;;
	2)	ip -n host link set veth1 down
		ip -n host link del ndp0
		ip -n host link set veth1 up ;;
	esac
	gone host
done
log "ten cycles done"

# The lower still works for a last ndp0.
ndp0 host
run nsx peer ping -6 -c 2 -i 0.2 -W 2 "$ll%veth0"
run ip -n host link del ndp0
sleep 2
check_kernel
