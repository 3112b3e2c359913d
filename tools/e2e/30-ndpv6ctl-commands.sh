#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every ndpv6ctl command against a live ndp0, human and JSON output, and
# each kind of refusal with its message and exit status.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | Linux IPv6        |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    | fe80::<eui64>/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          |  fe80::5054:ff:fe12:3456/64  |
#                                   +------------------------------+
#
# timeout: 60
# shellcheck source=tools/e2e/ndpv6ctl-lib.sh
. "$(dirname "$0")/ndpv6ctl-lib.sh"

run "$NDPV6CTL" --help | head -n 3
setup_ndp0

# addrs: the link-local address, preferred, for ever.
run ctl addrs ndp0
ctl addrs ndp0 | grep -q "^inet6 $LL/64 scope link proto linklocal preferred valid_lft forever preferred_lft forever$" ||
	fail "addrs: no link-local line"
[ "$(ctl -j addrs ndp0 | json_get 'd[0]["origin"] + " " + d[0]["state"]')" = "linklocal preferred" ] ||
	fail "addrs -j: wrong link-local entry"
run ctl addrs "$(nsx host cat /sys/class/net/ndp0/ifindex)"

# neigh: after a ping from ndp0, the peer is in the cache.
wait_until 10 no_tentative peer veth0
peer_ll=$(ll_addr peer veth0)
peer_mac=$(nsx peer cat /sys/class/net/veth0/address)
run nsx host ping -6 -c 1 -W 2 "$peer_ll%ndp0"
run ctl neigh ndp0
ctl neigh ndp0 | grep -q "^$peer_ll dev ndp0 lladdr $peer_mac " ||
	fail "neigh: the peer is missing"
run ctl neigh ndp0 "$peer_ll"
[ "$(ctl -j neigh ndp0 | json_get '[n["lladdr"] for n in d if n["dst"] == "'"$peer_ll"'"][0]')" = "$peer_mac" ] ||
	fail "neigh -j: the peer is missing"
expect 1 'no such neighbour' ctl neigh ndp0 fe80::dead

# routers and prefixes: empty without RAs.
run ctl routers ndp0
[ -z "$(ctl routers ndp0)" ] || fail "routers: not empty"
[ "$(ctl -j prefixes ndp0)" = "[]" ] || fail "prefixes -j: not []"

# stats: every counter by name; the echo replies moved RX_PACKETS.
run ctl stats ndp0 | head -n 5
ctl stats ndp0 | grep -Eq '^ +RX_PACKETS: [1-9]' || fail "stats: RX_PACKETS"
ctl stats ndp0 | grep -Eq '^ +ND_HOPLIMIT: 0$' || fail "stats: ND_HOPLIMIT"
[ "$(ctl -j stats ndp0 | json_get 'd["stats"]["RX_PACKETS"] > 0')" = True ] ||
	fail "stats -j: RX_PACKETS"

# params: running, the lower's MTU, the default capacities.
run ctl params ndp0
ctl params ndp0 | grep -q '^ndp0: ifindex [0-9]* running$' || fail "params"
[ "$(ctl -j params ndp0 | json_get 'd["mtu"], d["max_nbrs"], d["addrs"]')" = "(1500, 256, 1)" ] ||
	fail "params -j: mtu, max_nbrs, addrs"

# set: accept-ra and dad-transmits apply at once.
run ctl set ndp0 accept-ra off
[ "$(ctl -j params ndp0 | json_get 'd["accept_ra"]')" = 0 ] || fail "accept-ra off"
run ctl set ndp0 accept-ra on
run ctl -j set ndp0 dad-transmits 2
[ "$(ctl -j params ndp0 | json_get 'd["dad_transmits"]')" = 2 ] ||
	fail "dad-transmits 2"
run ctl set ndp0 dad-transmits 1

# addr add/del: tentative, then preferred, then gone.
run ctl addr add ndp0 2001:db8:9::1/64 valid 600 preferred 300
run ctl addrs ndp0
addr_pref() {
	ctl addrs ndp0 | grep -q "^inet6 2001:db8:9::1/64 scope global proto manual preferred valid_lft [0-9]*sec preferred_lft [0-9]*sec$"
}
wait_until 5 addr_pref
expect 1 'already there' ctl addr add ndp0 2001:db8:9::1/64
run ctl addr del ndp0 2001:db8:9::1
ctl addrs ndp0 | grep -q 2001:db8:9::1 && fail "addr del: still there"
expect 1 'no such address' ctl addr del ndp0 2001:db8:9::1

# Refusals: bad arguments (ours and the kernel's), devices.
expect 2 'not an IPv6 address' ctl addr add ndp0 2001:db8::zz
expect 2 "unknown command" ctl frobnicate ndp0
expect 2 'valid lifetime|preferred lifetime exceeds' \
	ctl addr add ndp0 2001:db8:9::2/64 valid 10 preferred 20
expect 2 'integer out of range' ctl set ndp0 dad-transmits 200
expect 2 'unicast' ctl addr add ndp0 ff02::1
expect 3 'nosuch0: no such device' ctl addrs nosuch0
expect 4 'veth1: not an ndpv6 device' ctl addrs veth1
expect 4 'not an ndpv6 device' ctl addrs lo
ip -n host link set ndp0 down
expect 1 'the device is down' ctl router add ndp0 fe80::1
[ -z "$(ctl addrs ndp0)" ] || fail "addrs while down: not empty"
run ctl params ndp0
ip -n host link set ndp0 up
wait_until 5 ll_preferred
log "all commands answered"
