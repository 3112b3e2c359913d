#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# When the kernel refuses what the mirror asks, it is said and counted,
# and tried again: with IPv6 disabled on ndp0 (disable_ipv6=1: the kernel
# answers RTM_NEWADDR and RTM_NEWROUTE with EACCES), an RA's SLAAC
# address and routes cannot reach the kernel: GLUE_RT_ADDR_REFUSED and
# GLUE_RT_ROUTE_REFUSED move, the kernel log names the address, and
# `ndpv6ctl monitor` prints a kernel-refused event for the address and for
# each route, with the kernel's reason.  With
# IPv6 enabled again, the next RA brings the kernel's view back to the
# core's (address, on-link prefix, default route).
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | RAs from fe80::1:1|          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          |  disable_ipv6 1, then 0      |
#                                   +------------------------------+
#
# timeout: 60
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

# the SLAAC address of router 1's first prefix (ndp-frames.py ras)
RA_SLAAC=2001:db8:1:1:5054:ff:fe12:3456

# a, b and c are filled through namerefs
# shellcheck disable=SC2034
declare -A a b c

mirror_setup a

mon=$(mktemp)
monitor_bg "$mon" -n host monitor ndp0
run nsq host sysctl -qw net.ipv6.conf.ndp0.disable_ipv6=1
run nsq peer python3 "$FRAMES" ras veth0 1 1
refused() {
	ethstats host ndp0 b
	[ "$(moved a b GLUE_RT_ADDR_REFUSED)" -gt 0 ] &&
		[ "$(moved a b GLUE_RT_ROUTE_REFUSED)" -gt 0 ]
}
wait_until 10 refused
[[ $(ctl addr show ndp0) == *"inet6 $RA_SLAAC/64 "* ]] ||
	fail "the core has no SLAAC address $RA_SLAAC"
line=$(dmesg | grep "ndp0: the kernel refused address $RA_SLAAC/64" | tail -n 1)
[ -n "$line" ] || fail "no kernel log line for $RA_SLAAC"
log "kernel log: ${line#*] }"
no_kaddr "$RA_SLAAC" || fail "the kernel shows $RA_SLAAC with IPv6 disabled"
want="[ndp0] kernel-refused $RA_SLAAC/64 error Permission denied"
wait_until 5 grep -qxF "$want" "$mon"
wait_until 5 grep -qE '^\[ndp0\] kernel-refused 2001:db8:1:1::/64 error ' "$mon"
wait_until 5 grep -qE '^\[ndp0\] kernel-refused fe80::1:1 error ' "$mon"
log "ndpv6ctl monitor: $want, and one for each route:"
indent "$(grep -v "$RA_SLAAC" "$mon" | grep kernel-refused)"

run nsq host sysctl -qw net.ipv6.conf.ndp0.disable_ipv6=0
run nsq peer python3 "$FRAMES" ras veth0 1 1
back() {
	has_kaddr "$RA_SLAAC" && has_route "2001:db8:1:1::/64 proto ra" &&
		[[ $(ip -n host -6 route show default) == *"via fe80::1:1 dev ndp0 proto ra"* ]]
}
wait_until 10 back
log "IPv6 enabled again, the next RA: $RA_SLAAC, its prefix and the" \
    "default route are in the kernel"
ethstats host ndp0 c
show_moved "ethtool -S ndp0, what moved:" a c
