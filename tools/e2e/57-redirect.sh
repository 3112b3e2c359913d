#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Redirect (RFC 4861 8): ndp0's default router is the peer, a Linux
# router, and 2001:db8:1::99 is not on-link for ndp0.  It is on the
# router's link, though (a permanent neighbour entry there, MAC
# 52:54:00:00:00:99, for a host that does not answer), so the router
# forwards ndp0's first packet to it back out of the interface it came in
# by, and sends ndp0 a Redirect (Linux's default): the destination is
# on-link, with its link-layer address.  The next packets leave ndp0
# straight to 52:54:00:00:00:99 (tcpdump on the router's side), `ndpv6ctl
# redirect show` lists the entry, and when that neighbour fails NUD (it
# never answers) the entry is forgotten and packets go to the router
# again.
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | router: forwarding      |    | veth1 52:54:00:12:34:56      |
#    | veth0 2001:db8:1::1/64  |----|  ndp0 (type ndpv6 on veth1)  |
#    | 2001:db8:1::99 -> :99   |    |  2001:db8:2::5/64, router:   |
#    |   (permanent, silent)   |    |  the peer's fe80::           |
#    | 2001:db8:2::/64 on veth0|    |                              |
#    +-------------------------+    +------------------------------+
#
# timeout: 120
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

DST=2001:db8:1::99
DST_MAC=52:54:00:00:00:99
work=$(mktemp -d /run/ndpv6/57.XXXXXX)
trap 'e2e_cleanup; rm -rf "$work"' EXIT

# sent_to MAC: echo requests to $DST the router's side saw for MAC.
sent_to() {
	tcpdump -r "$work/cap.pcap" -nn -e 2>/dev/null |
		grep -c "> $1, .* > $DST: ICMP6, echo request" || true
}

redirect_listed() {
	[[ $(ctl redirect show ndp0) == "$DST via $DST dev ndp0 redirected-by $PEER_LL "* ]]
}

no_redirect() {
	[ -z "$(ctl redirect show ndp0)" ]
}

ndp0_link router
run ip -n peer neigh add "$DST" lladdr "$DST_MAC" dev veth0 nud permanent
run ip -n peer route add 2001:db8:2::/64 dev veth0
ndp0_up host
run ctl addr add ndp0 2001:db8:2::5/64
run ctl router add ndp0 "$PEER_LL" lifetime 1800
wait_state 10 "no default route through the peer" has_route "default via $PEER_LL"
wait_until 10 has_kaddr 2001:db8:2::5

nsq_bg peer tcpdump -i veth0 -nn -U -w "$work/cap.pcap" "icmp6" \
	2>"$work/tcpdump.err"
E2E_PIDS+=("$!")
tcpdump_pid=$!
wait_until 20 grep -q "listening on veth0" "$work/tcpdump.err"

log "one packet through the router: it redirects"
nsx host ping -c 1 -W 1 "$DST" >/dev/null || true
wait_state 10 "no redirect entry" redirect_listed
ctl redirect show ndp0
[ "$(ethstat host ndp0 REDIRECT_ONLINK)" -ge 1 ] ||
	fail "REDIRECT_ONLINK did not move"
has "$(ctl -j redirect show ndp0)" "\"destination\":\"$DST\",\"next_hop\":\"$DST\",\"router\":\"$PEER_LL\",\"lifetime\":[0-9]+"

log "the next packets leave straight to $DST_MAC"
nsx host ping -c 4 -i 0.3 -W 1 "$DST" >/dev/null || true
nap 1
kill "$tcpdump_pid"
wait "$tcpdump_pid" 2>/dev/null || true
direct=$(sent_to "$DST_MAC")
via=$(sent_to "$PEER_MAC")
log "echo requests to $DST: $via to the router's MAC, $direct straight"
tcpdump -r "$work/cap.pcap" -nn -e 2>/dev/null | indent "$(cat)"
# the router's own forwarded copy goes to $DST_MAC too, from its MAC
[ "$via" -eq 1 ] || fail "$via echo requests went to the router, not 1"
[ "$direct" -ge 5 ] || fail "only $direct frames to $DST_MAC"

log "$DST never answers: NUD fails and the redirect is forgotten"
wait_state 30 "the redirect outlived its first hop" no_redirect
[ "$(ethstat host ndp0 REDIRECT_FORGOTTEN)" -ge 1 ] ||
	fail "REDIRECT_FORGOTTEN did not move"
