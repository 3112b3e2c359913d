#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# When the kernel refuses what the mirror asks, it is said and counted,
# and tried again: with IPv6 disabled on ndp0 (disable_ipv6=1: the kernel
# answers RTM_NEWADDR and RTM_NEWROUTE with EACCES), an RA's SLAAC
# address and routes cannot reach the kernel: GLUE_RT_ADDR_REFUSED and
# GLUE_RT_ROUTE_REFUSED move and the kernel log names the address.  With
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

ndp0_setup plain
run ctl params set ndp0 dad-transmits 0
ip -n host link set ndp0 down
ip -n host link set ndp0 up
wait_until 10 ll_preferred
ethstats host ndp0 a

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
