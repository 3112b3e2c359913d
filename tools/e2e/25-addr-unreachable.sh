#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The local sender is told, and every drop is counted.
#
# 1. Address unreachable (RFC 4861 7.2.2, RFC 4443 3.1 code 3): ping from
#    the host namespace through ndp0 to 2001:db8:25::99, on-link and
#    absent.  The core queues the echo request, multicasts three NS one
#    RetransTimer (1 s) apart, gives the packet back as unreachable, and
#    the glue has the kernel send ICMPv6 Destination Unreachable, address
#    unreachable, to the sender: ping prints "Destination unreachable:
#    Address unreachable" after about 3 s instead of nothing.  At the same
#    time the peer, plain Linux IPv6 on veth0, pings the same address: its
#    own ND is the reference, and both pings must say the same thing about
#    the same time.  ethtool -S ndp0 (QUEUE_RESOLUTION_FAILED, NBR_FAILED,
#    the NS sent), ndp0's tx_dropped and the kernel's ICMPv6 counters
#    (Icmp6OutDestUnreachs, Icmp6InDestUnreachs) must move by exactly one.
#
# 2. A lower that refuses: the peer's veth0 gets MTU 1280, so veth_xmit()
#    on veth1 refuses frames longer than that (__dev_forward_skb(): not
#    forwardable, NET_XMIT_DROP) while carrier and everything else stay up.
#    Three 1348-byte echo requests to the peer, a resolved neighbour: the
#    core sends them, the lower drops them; ndp0 counts each once as
#    tx_dropped (and not as tx_packets), GLUE_TX_LOWER_ERROR moves by three,
#    and veth1 counts them as its own tx drops.
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | Linux IPv6, quiet       |    | veth1 52:54:00:12:34:56      |
#    | veth0 52:54:00:ab:cd:ef |----|  (IPv6 off: disable_ipv6=1)  |
#    | 2001:db8:25::2/64       |    |  ndp0 (type ndpv6 on veth1)  |
#    |   ping 2001:db8:25::99  |    |  2001:db8:25::1/64           |
#    | 2: MTU 1280             |    |   ping 2001:db8:25::99       |
#    +-------------------------+    |  2: ping -s 1300 the peer    |
#                                   +------------------------------+
#          (no 2001:db8:25::99 anywhere)
#
# timeout: 60
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

# filled through namerefs
# shellcheck disable=SC2034
declare -A s0 s1 s2 d0 d1 d2 v0 v2

ABSENT=2001:db8:25::99
HOST_GA=2001:db8:25::1
PEER_GA=2001:db8:25::2

# ping_in NS ARGS...: ping -6 in namespace NS's network only (nsenter, one
# setns: cheaper in UML than nsx; ping needs no /sys).
ping_in() {
	local ns=$1

	shift
	nsenter --net="/run/netns/$ns" ping -6 "$@"
}

ndp0_setup quiet
# No router here: accept_ra off stops the core's RS (quiet counters).
ctl params set ndp0 accept-ra off
run ip -n peer addr add "$PEER_GA/64" dev veth0 nodad
run ip -n host addr add "$HOST_GA/64" dev ndp0
# The kernel routes 2001:db8:25::/64 to ndp0; the core must know the
# prefix as on-link too (from the mirror), or it has no route for it.
core_onlink() {
	[[ $(ctl prefix show ndp0) == *"2001:db8:25::/64 "* ]]
}
wait_until 5 core_onlink
# For part 2, the peer resolves the host's address and the reverse; the
# peer's NS needs the address out of the core's DAD (a tentative address
# answers no NS).
core_preferred() {
	[[ $(ctl addr show ndp0) == *"inet6 $HOST_GA/64 "*" preferred "* ]]
}
wait_until 5 core_preferred
ping_in host -c 1 -W 3 "$PEER_GA" >/dev/null

# ---------------------------------------------------- address unreachable
ethstats host ndp0 s0
devstats host ndp0 d0
out6_h=$(snmp6 host Icmp6OutDestUnreachs)
in6_h=$(snmp6 host Icmp6InDestUnreachs)
out6_p=$(snmp6 peer Icmp6OutDestUnreachs)

host_out=$(mktemp)
peer_out=$(mktemp)
log "both ping $ABSENT: the host through ndp0, the peer through Linux"
t0=${EPOCHREALTIME/./}
# not ping_in: $! must be ping itself (nsenter execs it)
nsenter --net=/run/netns/host ping -6 -c 1 -W 8 "$ABSENT" >"$host_out" 2>&1 &
host_pid=$!
nsenter --net=/run/netns/peer ping -6 -c 1 -W 8 "$ABSENT" >"$peer_out" 2>&1 &
peer_pid=$!
rc=0
wait "$host_pid" || rc=$?
t_host=$(( (${EPOCHREALTIME/./} - t0) / 100000 ))
wait "$peer_pid" || true
log "the host's ping (exit $rc, $((t_host / 10)).$((t_host % 10)) s):"
indent "$(<"$host_out")"
log "the peer's ping (Linux's own ND):"
indent "$(<"$peer_out")"

unreach_line() {
	local line

	while IFS= read -r line; do
		[[ "$line" != *"Destination unreachable: Address unreachable"* ]] ||
			{ echo "$line"; return 0; }
	done <"$1"
	return 1
}
h_line=$(unreach_line "$host_out") ||
	fail "the host's ping was not told 'Address unreachable'"
p_line=$(unreach_line "$peer_out") ||
	fail "Linux on the peer did not say 'Address unreachable' (reference)"
[ "$h_line" = "From $HOST_GA icmp_seq=1 Destination unreachable: Address unreachable" ] ||
	fail "host: '$h_line'"
[ "${h_line/$HOST_GA/X}" = "${p_line/$PEER_GA/X}" ] ||
	fail "ndp0 ('$h_line') and Linux ('$p_line') differ"
[ "$rc" -eq 1 ] || fail "the host's ping exited $rc, not 1 (an error)"
# three NS 1 s apart: about 3 s, and well before ping's own 8 s
((t_host >= 20 && t_host < 70)) ||
	fail "told after $((t_host / 10)).$((t_host % 10)) s, not about 3 s"

ethstats host ndp0 s1
devstats host ndp0 d1
show_moved "ethtool -S ndp0, what moved:" s0 s1
show_moved "ip -s link show ndp0, what moved:" d0 d1
check_moved s0 s1 QUEUE_RESOLUTION_FAILED -eq 1
check_moved s0 s1 NBR_FAILED -eq 1
check_moved s0 s1 GLUE_TX_CORE_NS -ge 3 "three NS sent for $ABSENT"
check_moved d0 d1 tx_dropped -eq 1 "ndp0's tx_dropped"
check_moved d0 d1 tx_packets -eq 0 \
	"ndp0 counted the dropped echo request as sent"
[ $(($(snmp6 host Icmp6OutDestUnreachs) - out6_h)) -eq 1 ] ||
	fail "the host's kernel did not send exactly one Destination Unreachable"
[ $(($(snmp6 host Icmp6InDestUnreachs) - in6_h)) -eq 1 ] ||
	fail "the host's kernel did not receive its Destination Unreachable"
[ $(($(snmp6 peer Icmp6OutDestUnreachs) - out6_p)) -eq 1 ] ||
	fail "Linux on the peer sent no Destination Unreachable (reference)"

# ------------------------------------------------- a lower that refuses
# s1 and d1 are the snapshots before: nothing sent since
devstats host veth1 v0
run ip -n peer link set veth0 mtu 1280
log "three 1348-byte echo requests the peer's veth0 cannot take"
ping_in host -c 3 -i 0.2 -W 0.2 -s 1300 "$PEER_GA" >/dev/null || true
ethstats host ndp0 s2
devstats host ndp0 d2
devstats host veth1 v2
show_moved "ethtool -S ndp0, what moved:" s1 s2
show_moved "ip -s link show ndp0, what moved:" d1 d2
show_moved "ip -s link show veth1, what moved:" v0 v2
check_moved d1 d2 tx_dropped -eq 3 "ndp0's tx_dropped"
check_moved d1 d2 tx_packets -eq 0 "ndp0 counted refused packets as sent"
check_moved s1 s2 GLUE_TX_LOWER_ERROR -eq 3
check_moved s1 s2 TX_PACKETS -eq 3 \
	"the core did not transmit the three packets"
check_moved v0 v2 tx_dropped -eq 3 "veth1 did not count its three drops"
