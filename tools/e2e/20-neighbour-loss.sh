#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Neighbour loss: ndp0 talks to the peer, then the peer goes away (its
# IPv6 is switched off: it answers nothing, while the link stays up so that
# ndp0 keeps sending).  The peer's entry fails after its probes: REACHABLE
# times out to STALE, traffic moves it to DELAY, then PROBE, and after
# MAX_UNICAST_SOLICIT unanswered NS NUD has failed (NBR_FAILED): the entry
# stays, UNREACHABLE with its address (RFC 7048; the back-off that the
# pings start is 51-nud-unreachable.sh's), and the packets still leave to
# that address, none queued or dropped.  (A failed resolution, its queued packets
# dropped and counted, is 25-addr-unreachable.sh's.)  Then the peer comes
# back and traffic resumes both ways.  Nothing may crash (the harness
# scans the console).
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
nsq_bg host ping -6 -i 0.2 -w 30 "$PEER_LL%ndp0" >/dev/null 2>&1
E2E_PIDS+=("$!")

# NUD fails once (PROBE): the entry is kept, UNREACHABLE, and the next
# pings still leave to its address.
nud_failed() {
	local -A s

	ethstats host ndp0 s
	[ $((s[NBR_UNREACHABLE_ENTERED] - s0[NBR_UNREACHABLE_ENTERED])) \
	  -ge 1 ] &&
		[ $((s[TX_UNREACHABLE] - s0[TX_UNREACHABLE])) -ge 1 ]
}
t0=$EPOCHSECONDS
wait_until 20 nud_failed
log "NUD failed after $((EPOCHSECONDS - t0)) s"
ethstats host ndp0 s1
devstats host ndp0 d1
show_moved "ethtool -S ndp0, what moved while the peer was away:" s0 s1
show_moved "ip -s link show ndp0, what moved:" d0 d1

check_moved s0 s1 NBR_FAILED -eq 1 "NUD failed once"
check_moved s0 s1 GLUE_TX_CORE_NS -ge 4 \
	"3 unicast NS, then a multicast one with the first ping to UNREACHABLE"
check_moved s0 s1 QUEUE_RESOLUTION_FAILED -eq 0 \
	"the entry was kept: no packet waited or was dropped"
check_moved d0 d1 tx_dropped -eq 0 "ndp0's tx_dropped"
[ "${s1[TABLE_QUEUED]}" -le "${s1[TABLE_QUEUED_MAX]}" ] ||
	fail "more packets queued than the queue holds"

log "the peer comes back"
run nsq peer sysctl -qw net.ipv6.conf.veth0.disable_ipv6=0
wait_until 5 has_addr peer veth0 "$PEER_LL"
wait_until 10 nsq host ping -6 -c 1 -W 1 "$PEER_LL%ndp0"
run nsq host ping -6 -c 3 -i 0.2 -W 2 "$PEER_LL%ndp0"
run nsq peer ping -6 -c 3 -i 0.2 -W 2 "$HOST_LL%veth0"
ethstats host ndp0 s2
show_moved "after the peer came back:" s1 s2
