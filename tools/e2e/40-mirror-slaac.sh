#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# SLAAC in the kernel's view: radvd on the peer advertises 2001:db8:1::/64
# (valid 600 s, preferred 300 s, router lifetime 30 s, hop limit 61, MTU
# 1400); `ip -6 addr show dev ndp0` gets 2001:db8:1::<EUI-64>/64 with those
# lifetimes, `ip -6 route` the on-link prefix and a default route via the
# peer's link-local address; ndp0's hop limit and MTU are the RA's; pings
# both ways on global addresses.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | radvd, forwarding |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    | fe80::<eui64>/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    | 2001:db8:1::1/64  |          |  2001:db8:1::5054:ff:fe12:3456
#    +-------------------+          +------------------------------+
#
# timeout: 60
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ndp0_setup router 600 300 30
peer_ll=$(ll_addr peer veth0)
wait_state 20 "no SLAAC address in ip -6 addr" kaddr_preferred "$SLAAC"
log "SLAAC address in the kernel"
line=$(addr_line "$SLAAC")
echo "$line"
has "$line" "inet6 $SLAAC/64 scope global .*dynamic"
read -r v p < <(lifetimes "$line")
((v <= 600 && v >= 590 && p <= 300 && p >= 290)) ||
	fail "lifetimes $v/$p in ip -6 addr, not about 600/300"

wait_state 10 "no default route via $peer_ll" has_route "default via $peer_ll proto ra metric 1024 expires "
wait_until 5 has_route "2001:db8:1::/64 proto ra metric 1024 expires "
run ip -n host -6 route show dev ndp0
run ip -n host -6 route get 2001:db8:99::1

# The note mirror sets it (NDP_NOTE_HOPLIMIT), the routes come from the
# rtnetlink work: one seen is no sign of the other, so wait for it too.
hop_limit() {
	nsq host sysctl -n net.ipv6.conf.ndp0.hop_limit
}
hop_limit_61() {
	[ "$(hop_limit)" = 61 ]
}
if ! (wait_until 5 hop_limit_61); then
	fail "ndp0 hop_limit $(hop_limit), not the RA's 61"
fi
log "ndp0 hop_limit 61 (the RA's CurHopLimit)"
mtu_is() {
	[[ $(ip -n host link show dev ndp0) == *" mtu $1 "* ]]
}
wait_until 5 mtu_is 1400
log "ndp0 mtu 1400 (the RA's MTU option)"

run nsq host ping -6 -c 2 -i 0.3 -W 2 2001:db8:1::1
run nsq peer ping -6 -c 2 -i 0.3 -W 2 "$SLAAC"
log "SLAAC address, prefix route and default route in the kernel; pings both ways"
