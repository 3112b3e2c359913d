#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# SLAAC from radvd on the peer, seen through ndpv6ctl: the prefix (RA,
# on-link, autonomous, valid 600 s / preferred 300 s), the SLAAC address
# 2001:db8:1::<EUI-64>/64 and the default router (the peer's link-local
# address, lifetime 30 s), each with lifetimes counting down from the RA's.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | radvd, forwarding |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    | fe80::<eui64>/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    | RA 2001:db8:1::/64|          |  2001:db8:1::5054:ff:fe12:3456
#    +-------------------+          +------------------------------+
#
# timeout: 180
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ndp0_setup router 600 300 30
peer_ll=$PEER_LL
slaac=$SLAAC	# RFC 5952: one 0 stays
has_slaac() {
	[[ $(ctl addr show ndp0) == *"inet6 $slaac/64 scope global proto slaac preferred "* ]]
}
wait_state 60 "no SLAAC address" has_slaac

lft='([0-9]+)sec'
out=$(ctl prefix show ndp0)
echo "$out"
has "$out" "^2001:db8:1::/64 dev ndp0 proto ra onlink autonomous valid_lft $lft preferred_lft $lft$"
[[ $out =~ valid_lft\ ([0-9]+)sec\ preferred_lft\ ([0-9]+)sec ]]
v=${BASH_REMATCH[1]} p=${BASH_REMATCH[2]}
((v <= 600 && v >= 570 && p <= 300 && p >= 270)) ||
	fail "prefix lifetimes $v/$p, not about 600/300"

out=$(ctl addr show ndp0)
echo "$out"
[[ $out =~ inet6\ $slaac/64\ scope\ global\ proto\ slaac\ preferred\ valid_lft\ ([0-9]+)sec\ preferred_lft\ ([0-9]+)sec ]] ||
	fail "addrs: no SLAAC line"
v=${BASH_REMATCH[1]} p=${BASH_REMATCH[2]}
((v <= 600 && v >= 570 && p <= 300 && p >= 270)) ||
	fail "address lifetimes $v/$p, not about 600/300"

out=$(ctl router show ndp0)
echo "$out"
[[ $out =~ ^default\ via\ $peer_ll\ dev\ ndp0\ proto\ ra\ lifetime\ ([0-9]+)sec\ [A-Z]+\ pref\ medium$ ]] ||
	fail "routers: no RA router line"
v=${BASH_REMATCH[1]}
((v <= 30 && v >= 20)) || fail "router lifetime $v, not about 30"

has "$(ctl -j prefix show ndp0)" '"prefix":"2001:db8:1::","prefixlen":64,"origin":"ra","onlink":true,"autonomous":true,"valid_lft":[0-9]+,"preferred_lft":[0-9]+'
has "$(ctl -j addr show ndp0)" "\"address\":\"$slaac\",\"prefixlen\":64,\"origin\":\"slaac\",\"state\":\"preferred\""
has "$(ctl -j router show ndp0)" "\"address\":\"$peer_ll\",\"origin\":\"ra\",\"lifetime\":[0-9]+"
has "$(ctl -j params show ndp0)" '"addrs":2,' '"routers":1,' '"prefixes":1,'
log "SLAAC seen in prefixes, addrs and routers"
