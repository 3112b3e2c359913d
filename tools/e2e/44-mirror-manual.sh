#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Addresses a user adds on ndp0 enter the core: 2001:db8:5::10 appears in
# the core's table (ndpv6ctl addr show), passes its DAD and answers the peer's
# NS (the peer pings it); 2001:db8:5::20, which the peer already owns,
# fails the core's DAD and leaves `ip -6 addr`; `ip -6 addr del` takes an
# address out of the core.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | veth0             |----------| veth1 52:54:00:12:34:56      |
#    | fe80::<eui64>/64  |          |  (IPv6 off)                  |
#    | 2001:db8:5::1/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    | 2001:db8:5::20/64 |          |  2001:db8:5::10/64 (user's)  |
#    +-------------------+          +------------------------------+
#
# timeout: 60
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ndp0_setup router
ip -n peer addr add 2001:db8:5::1/64 dev veth0 nodad
ip -n peer addr add 2001:db8:5::20/64 dev veth0 nodad

in_core() {
	[[ $(ctl addr show ndp0) == *"inet6 $1/64 scope global proto manual $2 "* ]]
}
run ip -n host addr add 2001:db8:5::10/64 dev ndp0
wait_state 10 "2001:db8:5::10 did not pass DAD in the core" in_core 2001:db8:5::10 preferred
ctl addr show ndp0
has_kaddr 2001:db8:5::10 || fail "2001:db8:5::10 left ip -6 addr"
run nsq peer ping -6 -c 2 -i 0.3 -W 2 2001:db8:5::10
run nsq host ping -6 -c 2 -i 0.3 -W 2 2001:db8:5::1

run ip -n host addr add 2001:db8:5::20/64 dev ndp0
wait_state 10 "2001:db8:5::20 (the peer's) stayed after DAD" no_kaddr 2001:db8:5::20
[[ $(ctl addr show ndp0) != *2001:db8:5::20/* ]] ||
	fail "the core still lists 2001:db8:5::20"
has_kaddr 2001:db8:5::10 || fail "2001:db8:5::10 went too"
log "the duplicate left ip -6 addr"

run ip -n host addr del 2001:db8:5::10/64 dev ndp0
gone() {
	[[ $(ctl addr show ndp0) != *2001:db8:5::10/* ]]
}
wait_until 10 gone
log "ip -6 addr del took it out of the core"
