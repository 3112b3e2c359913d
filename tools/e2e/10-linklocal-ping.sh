#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ndp0's link-local address: the core derives fe80::<EUI-64 of veth1's MAC>,
# runs DAD, and the kernel shows it on ndp0 within 3 s of `ip link set ndp0
# up`, with its fe80::/64 route.  The peer (plain Linux IPv6) pings it and
# the core answers (its echo counter moves, the kernel's does not); ndp0
# pings the peer (the core resolves the peer with NS/NA, the reply goes up
# to the kernel's ping socket on ndp0).
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | Linux IPv6        |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off: disable_ipv6=1)  |
#    | fe80::<eui64>/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          |  fe80::5054:ff:fe12:3456/64  |
#                                   +------------------------------+
#
# timeout: 120
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ndp0_link plain
run ip -n host -d link show ndp0
t0=$(date +%s%N)
# Userspace in UML can be slow on a loaded machine: poll with slack, and
# hold the kernel to 3 s with its own figure (ndo_open to the address in
# the kernel, from debugfs).
ndp0_up
ms=$(ndp_stat ndp0 time linklocal_ms)
log "ndp0 has $HOST_LL: ${ms} ms after ndo_open (seen after $(( ($(date +%s%N) - t0) / 1000000 )) ms)"
if [ "$ms" -le 0 ] || [ "$ms" -gt 3000 ]; then
	fail "link-local address after $ms ms, not within 3 s"
fi
run ip -n host -6 addr show dev ndp0
run ip -n host -6 route show dev ndp0
grep -q '^fe80::/64 ' <<<"$(ip -n host -6 route show dev ndp0)" ||
	fail "no fe80::/64 route on ndp0"

wait_until 10 no_tentative peer veth0
peer_ll=$(ll_addr peer veth0)
log "peer: $peer_ll"

# The peer pings ndp0: the core answers, the host kernel never sees it.
echo0=$(ndp_stat ndp0 core RX_ECHO)
run nsq peer ping -6 -c 3 -i 0.2 -W 2 "$HOST_LL%veth0"
echo1=$(ndp_stat ndp0 core RX_ECHO)
log "core echo replies: $echo0 -> $echo1"
[ $((echo1 - echo0)) -ge 3 ] || fail "the core did not answer the pings"
# shellcheck disable=SC2016
kernel_echo=$(nsq host awk '$1 == "Icmp6InEchos" { print $2 }' /proc/net/snmp6)
[ "$kernel_echo" = 0 ] || fail "the host kernel saw $kernel_echo echo requests"

# ndp0 pings the peer: resolved by the core, the reply goes up on ndp0.
run nsq host ping -6 -c 3 -i 0.2 -W 2 "$peer_ll%ndp0"
run nsq peer ip -6 neigh show dev veth0
grep -q "lladdr $HOST_MAC" <<<"$(nsq peer ip -6 neigh show dev veth0)" ||
	fail "the peer has no neighbour entry for ndp0"
run ip -n host -s link show ndp0
grep -A40 '^ndp0 ' "$NDPV6_DEBUGFS" | grep -E 'addr |ECHO|TX_CORE|RX_(PACKETS|ND|DELIVERED) '
