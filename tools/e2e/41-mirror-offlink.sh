#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Off-link through the default route: the peer routes between ndp0's link
# (2001:db8:1::/64, advertised by its radvd) and a third namespace on
# 2001:db8:2::/64; the host reaches 2001:db8:2::1 through the kernel's
# default route via the peer's link-local address on ndp0 (the core picks
# the same router as next hop), and 2001:db8:2::1 reaches the host's SLAAC
# address back.
#
#        ns "far"                 ns "peer"                    ns "host"
#    +----------------+    +-------------------+    +--------------------------+
#    | veth3          |----| veth2             |    | veth1 52:54:00:12:34:56  |
#    | 2001:db8:2::1  |    | 2001:db8:2::fe/64 |    |  (IPv6 off)              |
#    | default via    |    | forwarding, radvd |    |  ndp0 (ndpv6 on veth1)   |
#    | 2001:db8:2::fe |    | veth0             |----|  2001:db8:1::<EUI-64>/64 |
#    +----------------+    | 2001:db8:1::1/64  |    |  default via fe80::peer  |
#                          +-------------------+    +--------------------------+
#
# timeout: 60
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ndp0_setup router 600 300 30
ns_add far
veth_pair peer veth2 far veth3
nsq far sysctl -qw net.ipv6.conf.veth3.accept_dad=0
nsq peer sysctl -qw net.ipv6.conf.veth2.accept_dad=0
ip -n peer addr add 2001:db8:2::fe/64 dev veth2 nodad
ip -n far addr add 2001:db8:2::1/64 dev veth3 nodad
ip -n far -6 route add default via 2001:db8:2::fe dev veth3
peer_ll=$(ll_addr peer veth0)
wait_state 20 "no SLAAC address" has_kaddr "$SLAAC"
wait_state 10 "no default route" has_route "default via $peer_ll proto ra "
run ip -n host -6 route get 2001:db8:2::1
run nsq host ping -6 -c 3 -i 0.3 -W 2 2001:db8:2::1
run nsq far ping -6 -c 2 -i 0.3 -W 2 "$SLAAC"
log "2001:db8:2::1 reached off-link through the peer, and back"
