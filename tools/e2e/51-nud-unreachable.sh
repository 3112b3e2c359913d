#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# RFC 7048: NUD that fails keeps the entry.  ndp0 pings the peer, then the
# peer goes silent (IPv6 off: it answers nothing, the link stays up).
# REACHABLE times out, the pings move the entry to DELAY and stop there;
# PROBE follows, and after MAX_UNICAST_SOLICIT unanswered unicast NS it is
# UNREACHABLE in `ndpv6ctl neigh show`, its link-layer address kept.  It
# probes only while packets go to it (RFC 7048 3): with no traffic no
# multicast NS for 4 s; one ping, one multicast NS to the peer's
# solicited-node group and no more.  Then steady pings: multicast NS with
# exponential back-off, tcpdump on the peer's side sees the waits grow by
# BACKOFF_MULTIPLE (RetransTimer 250 ms: 0.75 s, 2.25 s, 6.75 s, each times
# a random factor in [0.5, 1.5), so every wait is longer than the one
# before), and the counters NBR_UNREACHABLE_ENTERED and NBR_BACKOFF_NS
# move.  Then the peer comes back: the pings, sent to the cached address
# all along, are answered within seconds and the entry leaves UNREACHABLE.
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
#    | goes silent: IPv6 off   |    |  fe80::5054:ff:fe12:3456/64  |
#    | [tcpdump: NS from host] |    |  ping the peer, or not       |
#    +-------------------------+    +------------------------------+
#
# timeout: 90
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

PEER_SN=ff02::1:ffab:cdef

work=$(mktemp -d /run/ndpv6/51.XXXXXX)
tcpdump_pid=
stop_tcpdump() {
	[ -z "$tcpdump_pid" ] || stop_pids "$tcpdump_pid"
	tcpdump_pid=
}
trap 'stop_tcpdump; e2e_cleanup; rm -rf "$work"' EXIT

# s1 and s2 are filled through namerefs
# shellcheck disable=SC2034
declare -A s0 s1 s2

ndp0_setup quiet
run nsq peer python3 "$FRAMES" ra veth0 --src fe80::1:1 --reachable 1000 \
	--retrans 250
run nsq host ping -6 -c 3 -i 0.2 -W 2 "$PEER_LL%ndp0"

# Every NS ndp0 sends, as the peer's link sees it.
nsq_bg peer tcpdump -i veth0 -nn -U --immediate-mode -w "$work/ns.pcap" \
	"ether src $HOST_MAC and icmp6 and ip6[40] == 135" \
	2>"$work/tcpdump.err"
tcpdump_pid=$!
wait_until 20 grep -q "listening on veth0" "$work/tcpdump.err"

ethstats host ndp0 s0
log "the peer goes silent"
run nsq peer sysctl -qw net.ipv6.conf.veth0.disable_ipv6=1
nsq_bg host ping -6 -i 0.2 -w 60 "$PEER_LL%ndp0" >/dev/null 2>&1
pinger=$!
E2E_PIDS+=("$pinger")

neigh_state() {
	has "$(ctl neigh show ndp0 "$PEER_LL")" \
		"^$PEER_LL dev ndp0 lladdr $PEER_MAC .*$1"
}
neigh_unreachable() {
	neigh_state UNREACHABLE
}
# DELAY (5 s) goes on to PROBE without packets: stop them there.
wait_until 20 neigh_state DELAY
stop_pids "$pinger"
t0=$EPOCHSECONDS
wait_until 20 neigh_unreachable
log "UNREACHABLE after $((EPOCHSECONDS - t0)) s, its address kept:"
run ctl neigh show ndp0 "$PEER_LL"

# backoff_moved MIN [MAX]: NBR_BACKOFF_NS moved by MIN to MAX since s0.
backoff_moved() {
	local -A s
	local d

	ethstats host ndp0 s
	d=$((s[NBR_BACKOFF_NS] - s0[NBR_BACKOFF_NS]))
	[ "$d" -ge "$1" ] && [ "$d" -le "${2:-$d}" ]
}
# No packet, no probe (RFC 7048 3): the old back-off sent two in 4 s.
nap 4
backoff_moved 0 0 || fail "multicast NS with nothing sent to the peer"
# One packet: one NS with it, none after its first wait (< 1.2 s).
run nsq host ping -6 -c 1 -W 1 "$PEER_LL%ndp0" || true
nap 4
backoff_moved 1 1 || fail "not one multicast NS for one ping"
neigh_unreachable || fail "the entry left UNREACHABLE with no answer"

log "steady pings"
nsq_bg host ping -6 -i 0.2 -w 60 "$PEER_LL%ndp0" >/dev/null 2>&1
E2E_PIDS+=("$!")
# Four more multicast NS: three waits, 0.75 s, 2.25 s and 6.75 s at their
# means, at most 15.2 s in all.
wait_until 25 backoff_moved 5
ethstats host ndp0 s1
show_moved "ethtool -S ndp0, what moved while the peer was silent:" s0 s1
check_moved s0 s1 NBR_UNREACHABLE_ENTERED -eq 1
check_moved s0 s1 NBR_FAILED -eq 1 "NUD failed, once"
check_moved s0 s1 TX_UNREACHABLE -ge 1 "pings still sent to its MAC"
check_moved s0 s1 QUEUE_RESOLUTION_FAILED -eq 0 "no packet given back"
neigh_unreachable || fail "the entry left UNREACHABLE with no answer"

# The NS as tcpdump saw them: "TIME IP6 SRC > DST: ICMP6, ...".
stop_tcpdump
ucast=0
mcast=()
while read -r time _ _ _ dst _; do
	case $dst in
	"$PEER_LL:") ucast=$((ucast + 1)) ;;
	"$PEER_SN:") mcast+=("${time/./}") ;;	# microseconds
	esac
done < <(nsq peer tcpdump -r "$work/ns.pcap" -nn -tt 2>/dev/null)
log "$ucast unicast NS (PROBE), ${#mcast[@]} multicast NS (UNREACHABLE)"
[ "$ucast" -ge 3 ] || fail "only $ucast unicast NS before UNREACHABLE"
[ "${#mcast[@]}" -ge 5 ] || fail "only ${#mcast[@]} multicast NS"
# mcast[0] was the single ping's; the steady pings' start at mcast[1].
# Wait k (k = 1, 2, 3): RetransTimer * 3^k times [0.5, 1.5), give or take
# 100 ms for a loaded machine; each longer than the one before.
prev=0
for k in 1 2 3; do
	gap=$(( (mcast[k + 1] - mcast[k]) / 1000 ))	# ms
	base=$(( 250 * 3 ** k ))
	log "wait $k: $gap ms (base $base ms)"
	if [ "$gap" -lt $((base / 2 - 100)) ] ||
	   [ "$gap" -gt $((base * 3 / 2 + 100)) ]; then
		fail "wait $k is $gap ms, not within [0.5, 1.5) x $base ms"
	fi
	[ "$gap" -gt "$prev" ] || fail "wait $k ($gap ms) is not longer"
	prev=$gap
done

log "the peer comes back"
run nsq peer sysctl -qw net.ipv6.conf.veth0.disable_ipv6=0
wait_until 5 has_addr peer veth0 "$PEER_LL"
t0=$EPOCHSECONDS
wait_until 10 nsq host ping -6 -c 1 -W 1 "$PEER_LL%ndp0"
log "answered again after $((EPOCHSECONDS - t0)) s"
not_unreachable() {
	! neigh_unreachable
}
wait_until 10 not_unreachable
run ctl neigh show ndp0 "$PEER_LL"
run nsq peer ping -6 -c 3 -i 0.2 -W 2 "$HOST_LL%veth0"
ethstats host ndp0 s2
show_moved "after the peer came back:" s1 s2
check_moved s1 s2 NBR_UNREACHABLE_RECOVERED -ge 1
