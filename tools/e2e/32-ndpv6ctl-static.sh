#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Static routers and prefixes (Mirage's Ndpv6 add_routers and add_prefix)
# added, listed, refreshed and deleted with ndpv6ctl, and each refusal with
# its message and exit status.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | Linux IPv6        |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    |                   |          |  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          +------------------------------+
#
# timeout: 180
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ndp0_setup plain

run ctl router add ndp0 fe80::1 lifetime 100
run ctl router add ndp0 fe80::2
out=$(ctl router show ndp0)
echo "$out"
has "$out" '(^|'$'\n'')default via fe80::1 dev ndp0 proto static lifetime (9[0-9]|100)sec [A-Z]+ pref medium('$'\n''|$)' \
	'(^|'$'\n'')default via fe80::2 dev ndp0 proto static lifetime forever [A-Z]+ pref medium('$'\n''|$)'
has "$(ctl -j router show ndp0)" '"address":"fe80::1","origin":"static","lifetime":(9[0-9]|100)' \
	'"address":"fe80::2","origin":"static","lifetime":4294967295'
# one router by its address: that line alone; an unknown one: ENOENT
has "$(ctl router show ndp0 fe80::2)" '^default via fe80::2 dev ndp0 proto static lifetime forever [A-Z]+ pref medium$'
expect 1 'no such router' ctl router show ndp0 fe80::99
# Adding again refreshes the lifetime.
run ctl router add ndp0 fe80::1 lifetime 50
has "$(ctl router show ndp0)" 'default via fe80::1 .* lifetime (4[0-9]|50)sec '
run ctl router del ndp0 fe80::1
run ctl router del ndp0 fe80::2
[ -z "$(ctl router show ndp0)" ] || fail "routers: not empty after del"
expect 1 'no such router' ctl router show ndp0 fe80::1

run ctl prefix add ndp0 2001:db8:5::/64 valid 300
run ctl prefix add ndp0 2001:db8:6:7::1/48
out=$(ctl prefix show ndp0)
echo "$out"
has "$out" '2001:db8:5::/64 dev ndp0 proto static onlink valid_lft (29[0-9]|300)sec preferred_lft (29[0-9]|300)sec' \
	'2001:db8:6::/48 dev ndp0 proto static onlink valid_lft forever '
has "$(ctl -j prefix show ndp0 2001:db8:5::/64)" '^\{"ifindex":[0-9]+,"ifname":"ndp0","prefix":"2001:db8:5::","prefixlen":64,"origin":"static",'
expect 1 'no such prefix' ctl prefix show ndp0 2001:db8:5::/65
run ctl prefix del ndp0 2001:db8:5::/64
run ctl prefix del ndp0 2001:db8:6::/48
[ "$(ctl -j prefix show ndp0)" = "[]" ] || fail "prefixes: not empty after del"

expect 1 'link-local' ctl router add ndp0 2001:db8::1
expect 2 'not a number' ctl router add ndp0 fe80::1 lifetime soon
expect 1 'integer out of range|at least' ctl router add ndp0 fe80::1 lifetime 0
expect 1 'no such router' ctl router del ndp0 fe80::99
expect 2 'needs a length' ctl prefix add ndp0 2001:db8:5::
expect 2 'prefix length must be 0..128' ctl prefix add ndp0 2001:db8::/129
expect 1 'multicast' ctl prefix add ndp0 ff00::/8
expect 1 'no such prefix' ctl prefix del ndp0 2001:db8:77::/64
expect 2 "unknown option 'valid'" ctl router add ndp0 fe80::1 valid 5

# Capacity: the default router list holds 16.
for i in $(seq 1 16); do
	ctl router add ndp0 "fe80::1:$i" lifetime 60
done
expect 1 'router list is full' ctl router add ndp0 fe80::1:17
log "static routers and prefixes added and deleted"
