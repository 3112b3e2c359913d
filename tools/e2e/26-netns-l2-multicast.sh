#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ndp0 in another namespace than its lower: a packet that came in a
# link-layer multicast frame stays multicast in ndp0's namespace.  The
# glue scrubs packets that cross namespaces (skb_scrub_packet()), which
# makes every one PACKET_HOST; it keeps pkt_type across the scrub.
#
# The peer sends a UDP datagram to ndp0's link-local address, port 9
# (nothing listens), in a frame to 33:33:00:00:00:01.  The core passes it
# up on ndp0 (a unicast destination that is not ours it drops itself, so
# nothing is forwarded); the kernel in "x" finds no socket and must not
# answer with an ICMPv6 Destination Unreachable (RFC 4443 2.4 e.3:
# icmp6_send() refuses a packet that was not PACKET_HOST).  Udp6NoPorts
# moves by one, Icmp6OutDestUnreachs not.  Then the same datagram in a
# frame to ndp0's MAC: now the error is due, Icmp6OutDestUnreachs moves
# by one (what the first check would have seen without the fix; it also
# shows the first datagram went where the second did).
#
#        ns "peer"                  ns "host"             ns "x"
#    +-------------------+    +------------------+    +----------------+
#    | veth0             |----| veth1 (IPv6 off) |    | ndp0 on veth1  |
#    | fe80::...:cdef    |    |                  |    | fe80::...:3456 |
#    +-------------------+    +------------------+    +----------------+
#
# timeout: 150
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

# rose NS NAME BEFORE: counter NAME of NS's IPv6 stack is above BEFORE.
rose() {
	[ "$(snmp6 "$1" "$2")" -gt "$3" ]
}

ndp0_link quiet x
# every error would be sent: none is held back by the rate limit
nsq x sysctl -qw net.ipv6.icmp.ratelimit=0
ndp0_up x
wait_until 5 has_addr peer veth0 "$PEER_LL"

noport=$(snmp6 x Udp6NoPorts)
unreach=$(snmp6 x Icmp6OutDestUnreachs)
run nsq peer python3 "$FRAMES" udp veth0 33:33:00:00:00:01 "$HOST_LL" \
	--src "$PEER_LL"
wait_until 10 rose x Udp6NoPorts "$noport"
# An error would be sent at once, in the same softirq; give it a moment.
nap 0.5
[ "$(snmp6 x Icmp6OutDestUnreachs)" = "$unreach" ] ||
	fail "an ICMPv6 error answered a datagram in a link-layer multicast frame"
log "link-layer multicast, unicast destination: no socket, no error"

noport=$(snmp6 x Udp6NoPorts)
run nsq peer python3 "$FRAMES" udp veth0 "$HOST_MAC" "$HOST_LL" \
	--src "$PEER_LL"
wait_until 10 rose x Udp6NoPorts "$noport"
wait_until 10 rose x Icmp6OutDestUnreachs "$unreach"
[ "$(snmp6 x Icmp6OutDestUnreachs)" = $((unreach + 1)) ] ||
	fail "Icmp6OutDestUnreachs moved by more than one"
log "the same datagram to ndp0's MAC: Destination Unreachable"
