#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Neighbour loss: ndp0 talks to the peer, then the peer goes away (its
# IPv6 is switched off: it answers nothing, while the link stays up so that
# ndp0 keeps sending).  The peer's entry fails after its probes: REACHABLE
# times out to STALE, traffic moves it to DELAY, then PROBE, and after
# MAX_UNICAST_SOLICIT unanswered NS it is removed (NBR_FAILED).  The next
# packets make a new INCOMPLETE entry and wait in its queue; after
# MAX_MULTICAST_SOLICIT unanswered NS that fails too and the queued packets
# are dropped and counted (QUEUE_RESOLUTION_FAILED in `ethtool -S ndp0`,
# tx_dropped in ndp0's own statistics).  Then the peer comes back and
# traffic resumes both ways.  Nothing may crash (the harness scans the
# console).
#
# Timers are shortened the way a router would: one RA (router lifetime 0,
# from a made-up router fe80::1:1, so the peer stays a plain neighbour)
# sets ReachableTime to 1 s and RetransTimer to 250 ms.
# DELAY_FIRST_PROBE_TIME (5 s) is a constant of RFC 4861 and is waited out.
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | veth0 52:54:00:ab:cd:ef |----| veth1 52:54:00:12:34:56      |
#    | fe80::5054:ff:feab:cdef |    |  ndp0 (type ndpv6 on veth1)  |
#    | goes away: IPv6 off     |    |  fe80::5054:ff:fe12:3456/64  |
#    | (disable_ipv6=1), back  |    |  ping -i 0.2 the peer        |
#    +-------------------------+    +------------------------------+
#
# timeout: 120
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

# s1, s2 and d1 are filled through namerefs
# shellcheck disable=SC2034
declare -A s0 s1 s2 d0 d1

ndp0_setup quiet
run nsq peer python3 "$FRAMES" ra veth0 --src fe80::1:1 --reachable 1000 \
	--retrans 250
run nsq host ping -6 -c 3 -i 0.2 -W 2 "$PEER_LL%ndp0"

ethstats host ndp0 s0
devstats host ndp0 d0
log "the peer goes away"
run nsq peer sysctl -qw net.ipv6.conf.veth0.disable_ipv6=1
ping_out=$(mktemp)
nsq_bg host ping -6 -i 0.2 -w 30 "$PEER_LL%ndp0" >"$ping_out" 2>&1
E2E_PIDS+=("$!")

# The entry fails once (PROBE), the next one once more (INCOMPLETE) with
# packets in its queue.
failed_twice() {
	local -A s

	ethstats host ndp0 s
	[ $((s[NBR_FAILED] - s0[NBR_FAILED])) -ge 2 ] &&
		[ $((s[QUEUE_RESOLUTION_FAILED] - \
		     s0[QUEUE_RESOLUTION_FAILED])) -ge 1 ]
}
t0=$EPOCHSECONDS
wait_until 20 failed_twice
log "two failures after $((EPOCHSECONDS - t0)) s"
ethstats host ndp0 s1
devstats host ndp0 d1
show_moved "ethtool -S ndp0, what moved while the peer was away:" s0 s1
show_moved "ip -s link show ndp0, what moved:" d0 d1

dropped=$(moved s0 s1 QUEUE_RESOLUTION_FAILED)
check_moved s0 s1 GLUE_TX_CORE_NS -ge 6 \
	"3 unicast and 3 multicast NS before the two failures"
check_moved d0 d1 tx_dropped -ge "$dropped" \
	"ndp0's tx_dropped counts the queued packets dropped"
[ "${s1[TABLE_QUEUED]}" -le "${s1[TABLE_QUEUED_MAX]}" ] ||
	fail "more packets queued than the queue holds"
# Informational: does the local sender hear of it (RFC 4861 7.2.2: an
# ICMPv6 Destination Unreachable, address unreachable, for each packet
# dropped)?
unreach=0
while IFS= read -r line; do
	[[ "$line" != *"Address unreachable"* ]] || unreach=$((unreach + 1))
done <"$ping_out"
log "ping was told 'Address unreachable' $unreach times" \
    "for $dropped packets dropped"

log "the peer comes back"
run nsq peer sysctl -qw net.ipv6.conf.veth0.disable_ipv6=0
wait_until 5 has_addr peer veth0 "$PEER_LL"
wait_until 10 nsq host ping -6 -c 1 -W 1 "$PEER_LL%ndp0"
run nsq host ping -6 -c 3 -i 0.2 -W 2 "$PEER_LL%ndp0"
run nsq peer ping -6 -c 3 -i 0.2 -W 2 "$HOST_LL%veth0"
ethstats host ndp0 s2
show_moved "after the peer came back:" s1 s2
