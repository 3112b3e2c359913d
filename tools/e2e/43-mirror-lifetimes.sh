#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Lifetimes run out: radvd advertises 2001:db8:1::/64 with a valid
# lifetime of 12 s and a preferred one of 6 s, then dies without a word
# (SIGKILL); in `ip -6 addr` the SLAAC address goes deprecated, then away,
# and the on-link prefix route goes with it.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | radvd (killed)    |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    | fe80::<eui64>/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    | 2001:db8:1::1/64  |          |  2001:db8:1::5054:ff:fe12:3456
#    +-------------------+          +------------------------------+
#
# timeout: 60
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ndp0_setup router 12 6 30
wait_state 20 "no SLAAC address in ip -6 addr" kaddr_preferred "$SLAAC"
run kill -KILL "$RADVD_PID"
wait "$RADVD_PID" 2>/dev/null || true
line=$(addr_line "$SLAAC")
echo "$line"
read -r v p < <(lifetimes "$line")
((v <= 12 && p <= 6)) || fail "lifetimes $v/$p, not at most 12/6"

deprecated() {
	[[ $(addr_line "$SLAAC") == *deprecated* ]]
}
# Preferred 6 s after radvd's last RA (before the kill), then the mirror:
# the limits leave room for a loaded machine.
wait_state 12 "the address did not go deprecated" deprecated
addr_line "$SLAAC"
log "deprecated"
wait_state 15 "the address did not go away" no_kaddr "$SLAAC"
wait_until 10 no_route "2001:db8:1::/64 "
run ip -n host -6 addr show dev ndp0
[[ $(ctl addr show ndp0) != *"$SLAAC"* ]] || fail "the core still has it"
log "the address went deprecated, then away"
