#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# After a flood of Router Advertisements from made-up routers has filled
# every table of ndp0, a real router that arrives later still gets in:
# radvd on the peer starts after the flood, and within two of its RAs its
# prefix has a SLAAC address and it is a default router, in the core and in
# the kernel.  The first RA finds no room, and ndp0 asks the router to
# prove two-way reachability (a unicast NS); the peer's kernel answers; the
# second RA takes the places of entries of routers that never answered
# (core.rst, "Routers and prefixes").  A user's address then takes the
# place of a flood-made one and works as the source of a TCP connection,
# and the kernel's view of ndp0 is the core's.
#
#        ns "peer"                          ns "host"
#    +--------------------------+    +------------------------------+
#    | 40 made-up routers' RAs  |    | veth1 52:54:00:12:34:56      |
#    |   (4 prefixes each)      |    |  ndp0 (type ndpv6 on veth1)  |
#    | then radvd: 2001:db8:1:: |----|  2001:db8:1::<EUI-64> (SLAAC)|
#    | veth0 2001:db8:1::1/64   |    |  2001:db8:1::77 (user)       |
#    +--------------------------+    +------------------------------+
#
# timeout: 120
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

USER_ADDR=2001:db8:1::77

# a, b and c are filled through namerefs
# shellcheck disable=SC2034
declare -A a b c

ndp0_link router
ndp0_up
wait_until 5 has_addr peer veth0 "$PEER_LL"
ethstats host ndp0 a

run nsq peer python3 "$FRAMES" ras veth0 40 4
# full: the core's address, router and prefix tables are full.
full() {
	local p

	p=$(ctl params show ndp0)
	[[ $p =~ $'\n'\ +addrs\ +16$'\n' && $p =~ $'\n'\ +routers\ +16$'\n' &&
	   $p =~ $'\n'\ +prefixes\ +64$'\n' ]]
}
if ! poll_until 20 full; then
	ctl params show ndp0
	fail "the flood did not fill the tables"
fi
if ! poll_until 30 views_agree; then
	indent "$(show_views)"
	fail "after the flood the kernel's view is not the core's"
fi
log "flood: 16 addresses, 16 routers, 64 prefixes, none the real router's"
ethstats host ndp0 b

# RAs radvd has sent (the peer's own ICMPv6 counter).
ras_sent() {
	local name value

	while read -r name value; do
		[ "$name" = Icmp6OutRouterAdvertisements ] && echo "$value"
	done < <(nsq peer cat /proc/net/snmp6)
	true
}

slaac_in_core() {
	[[ $(ctl addr show ndp0) == *"inet6 $SLAAC/64 "* ]]
}

ras0=$(ras_sent)
radvd_start 600 300 30
wait_state 15 "radvd's prefix got no SLAAC address" slaac_in_core
ras=$(($(ras_sent) - ras0))
log "SLAAC address for radvd's prefix after $ras of its RAs"
[ "$ras" -le 2 ] || fail "$ras RAs before the SLAAC address, not 2 at most"
wait_state 10 "radvd's router is no default router in the kernel" \
	views_have "R $PEER_LL"
wait_state 10 "no SLAAC address in the kernel" has_kaddr "$SLAAC"
ethstats host ndp0 c
for s in NBR_ROUTER_PROBED ROUTER_DISPLACED PREFIX_DISPLACED ADDR_DISPLACED; do
	[ "$(moved b c "$s")" -ge 1 ] || fail "$s did not move"
done
log "radvd's router and prefix took the places of made-up ones"

run ip -n host -6 addr add "$USER_ADDR/64" dev ndp0
user_preferred() {
	[[ $(ctl addr show ndp0) =~ inet6\ $USER_ADDR/64\ .*\ preferred ]]
}
wait_state 10 "$USER_ADDR is not a preferred address of the core" \
	user_preferred
bg nsq peer python3 "$E2E_DIR/tcp-echo.py" listen 2001:db8:1::1 5301
got=$(nsq host python3 "$E2E_DIR/tcp-echo.py" connect "$USER_ADDR" \
	2001:db8:1::1 5301)
[ "$got" = "$USER_ADDR hello" ] ||
	fail "TCP from $USER_ADDR: the peer answered '$got'"
log "TCP from $USER_ADDR to 2001:db8:1::1: the peer saw $USER_ADDR"

if ! poll_until 10 views_agree; then
	indent "$(show_views)"
	fail "the kernel's view is not the core's"
fi
has_kaddr "$USER_ADDR" || fail "$USER_ADDR is not in the kernel"
show_moved "ethtool -S ndp0, what moved (flood, radvd, user address):" a c
