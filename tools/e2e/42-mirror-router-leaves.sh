#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The router leaves: radvd on the peer stops (SIGTERM: its final RA has a
# router lifetime of 0); the core drops the router and the default route
# via it leaves `ip -6 route`; the on-link prefix and the SLAAC address,
# whose lifetimes the final RA keeps, stay.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | radvd (stopped)   |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    | fe80::<eui64>/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    | 2001:db8:1::1/64  |          |  2001:db8:1::5054:ff:fe12:3456
#    +-------------------+          +------------------------------+
#
# timeout: 60
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ndp0_setup router 600 300 1800
peer_ll=$(ll_addr peer veth0)
dflt="default via $peer_ll proto ra metric 1024 expires "
# Everything that must stay or go, seen before radvd stops: the default
# route can show before the SLAAC address has passed DAD, and the prefix
# route comes from the same work run as the default route or another.
wait_state 20 "no default route via $peer_ll" has_route "$dflt"
wait_state 20 "no $SLAAC" has_kaddr "$SLAAC"
wait_state 10 "no on-link prefix" has_route "2001:db8:1::/64 proto ra "
run ip -n host -6 route show dev ndp0
run kill -TERM "$RADVD_PID"
wait "$RADVD_PID" 2>/dev/null || true
wait_state 5 "the default route stayed after radvd's final RA" no_route "default "
run ip -n host -6 route show dev ndp0
has_route "2001:db8:1::/64 proto ra " || fail "the on-link prefix went too"
has_kaddr "$SLAAC" || fail "the SLAAC address went too"
[[ $(ctl router show ndp0) != *default* ]] || fail "the core still has a router"
log "default route gone with the router; prefix and address stay"
