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
. "${0%/*}/lib.sh"

FLOODS=()
FLOOD_DEVS=()
FLOOD_BASE=()
# The peer runs no DAD: PEER_LL is usable at once.  Each namespace has a
# holder: the helpers poll its /proc/PID/net files with builtins, no
# process per look (every process is slow in UML, and much slower while
# the floods run).

# ndp0 LOWER_NS [NDP0_NS]: ndp0 on veth1, up, link-local ready.
ndp0() {
	local ns=${2:-$1}

	run ip -n "$1" link add link veth1 name ndp0 netns "$ns" type ndpv6
	run ip -n "$ns" link set ndp0 up
	wait_until 20 has_addr "$ns" ndp0 "$HOST_LL"
}

# replies PID DEV: the echo replies DEV received, in PID's namespace.
replies() {
	local name val

	while read -r name val; do
		[ "$name" = Icmp6InEchoReplies ] && { echo "$val"; return 0; }
	done <"/proc/$1/net/dev_snmp6/$2"
	return 1
}

# flowing: each flood has had 100 more replies than when first looked at:
# the traffic is really going both ways when ndp0 is taken away.
flowing() {
	local i n

	for i in "${!FLOODS[@]}"; do
		n=$(replies "${FLOODS[i]}" "${FLOOD_DEVS[i]}" 2>/dev/null) ||
			return 1
		[ -n "${FLOOD_BASE[i]:-}" ] || FLOOD_BASE[i]=$n
		[ "$n" -ge $((FLOOD_BASE[i] + 100)) ] || return 1
	done
}

# floods NDP0_NS: ping floods both ways (at most 60 s), answered.
floods() {
	wait_until 20 has_addr peer veth0 "$PEER_LL"
	nsq_bg peer ping -6 -f -q -w 60 "$HOST_LL%veth0" >/dev/null 2>&1
	FLOODS+=($!)
	FLOOD_DEVS+=(veth0)
	nsq_bg "$1" ping -6 -f -q -w 60 "$PEER_LL%ndp0" >/dev/null 2>&1
	FLOODS+=($!)
	FLOOD_DEVS+=(ndp0)
	FLOOD_BASE=()
	wait_until 30 flowing
	log "floods flowing both ways"
}

floods_stop() {
	stop_pids "${FLOODS[@]}"
	FLOODS=()
	FLOOD_DEVS=()
}
trap 'floods_stop; e2e_cleanup' EXIT

# no_ndp0 NS: no ndp0 in NS's /proc/net/dev (which must be there: a
# holder gone would read as no ndp0).
no_ndp0() {
	local file=/proc/${E2E_HOLDER[$1]}/net/dev name rest

	[ -r "$file" ] && in_ns "${E2E_HOLDER[$1]}" "$1" || return 2
	while read -r name rest; do
		[ "$name" = ndp0: ] && return 1
	done <"$file"
	return 0
}

# gone NS: ndp0 has left NS (namespace cleanup is asynchronous).
gone() {
	wait_until 60 no_ndp0 "$1"
	log "ndp0 gone from $1"
}

# Kernel reports since the test started (check_kernel); UML's own
# "suspicious RCU usage" splat is left to console_check.py, which knows it.
E2E_KERNEL_IGNORE="suspicious RCU usage"
kernel_mark

ns_add peer host app
nsq peer sysctl -qw net.ipv6.conf.default.accept_dad=0
holder peer
holder host
holder app
lower_pair host

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
	# errors still show).  Their output rotates the kernel's log past
	# the marker: what came before is checked now, then a new marker.
	check_kernel
	level=$(awk '{ print $1 }' /proc/sys/kernel/printk)
	dmesg -n 5
	insmod "$NDPV6_KO"
	rc=$?
	dmesg -n "$level"
	[ "$rc" -eq 0 ] || fail "insmod $NDPV6_KO: $rc"
	kernel_mark
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
lower_pair host
ndp0 host app
run ip -n app -d link show ndp0
floods app
holder_stop host
run ip netns del host
gone app
floods_stop
ns_add host
holder host

log "5. ten create/destroy cycles"
lower_pair host
for ((i = 1; i <= 10; i++)); do
	# created and up in one process (ip -batch): no gap between the two
	ip -n host -batch - <<-EOC
		link add link veth1 name ndp0 type ndpv6
		link set ndp0 up
	EOC
	if [ $((i % 5)) -eq 0 ]; then
		wait_until 20 has_addr host ndp0 "$HOST_LL"
		run nsq peer ping -6 -c 2 -i 0.2 -W 2 "$HOST_LL%veth0"
	else
		nap 0.$((i % 5))	# into DAD, at different points
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
run nsq peer ping -6 -c 2 -i 0.2 -W 2 "$HOST_LL%veth0"
run ip -n host link del ndp0
nap 2		# for what the last teardowns report late (cleanup works)
check_kernel
