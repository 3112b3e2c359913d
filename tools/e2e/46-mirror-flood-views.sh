#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# After a flood of Router Advertisements that fills the core's tables, the
# kernel's view of ndp0 and the core's agree; a user's address takes the
# place of a flood-made one; an address the core cannot take does not
# stay in the kernel.
#
# The peer sends 40 RAs from made-up routers (fe80::1:1 .. fe80::1:28),
# each with 4 SLAAC prefixes: 160 prefixes for a core with the default
# capacities (16 addresses, 16 routers, 64 prefixes).  Then:
#  - the kernel shows exactly the core's addresses (global ones), on-link
#    prefixes (the /64 routes on ndp0) and default routers (the default
#    routes via ndp0), and GLUE_RT_ERROR did not move;
#  - `ip -6 addr add 2001:db8:ff::77/64 dev ndp0`: the made-up routers
#    never answered an NS, so one of their SLAAC addresses makes room
#    (ADDR_DISPLACED) and leaves the kernel too; the views still agree;
#  - 14 more user addresses take the places of the rest; the next one
#    finds the table full of addresses that are never displaced (the
#    user's, the link-local one): it leaves the kernel again within a
#    few seconds, with a kernel log line naming it and why, the event
#    ADDR_REFUSED (ndpv6ctl monitor prints it) and the counter
#    GLUE_ADDR_REFUSED; the views still agree.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | 40 routers' RAs   |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          |  + ip -6 addr add            |
#                                   +------------------------------+
#
# timeout: 120
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

USER_ADDR=2001:db8:ff::77
REFUSED=2001:db8:ff::100

# a, b, c and d are filled through namerefs
# shellcheck disable=SC2034
declare -A a b c d

mirror_setup a

run nsq peer python3 "$FRAMES" ras veth0 40 4

if ! poll_until 30 views_agree; then
	indent "$(show_views)"
	indent "$(ip -n host -6 route show | grep -v '^2001')"
	fail "after the flood the kernel's view is not the core's"
fi
view=$(core_view)
log "after the flood: $(grep -c '^A' <<<"$view") addresses," \
    "$(grep -c '^R' <<<"$view") routers, $(grep -c '^P' <<<"$view")" \
    "on-link prefixes, in the core and the kernel alike"
ethstats host ndp0 b
[ "$(moved a b GLUE_RT_ERROR)" = 0 ] ||
	fail "GLUE_RT_ERROR moved by $(moved a b GLUE_RT_ERROR)"
[ "$(moved a b ADDR_TABLE_FULL)" -gt 0 ] ||
	fail "the flood did not fill the address table (ADDR_TABLE_FULL 0)"

user_in_core() {
	[[ $(ctl addr show ndp0) == *"inet6 $USER_ADDR/64 "* ]]
}

run ip -n host -6 addr add "$USER_ADDR/64" dev ndp0
wait_until 10 user_in_core
if ! poll_until 10 views_agree; then
	indent "$(show_views)"
	indent "$(ip -n host -6 route show | grep -v '^2001:db8:[0-9a-f]*:[1-4]::/64 ')"
	indent "$(ip -n host -6 addr show dev ndp0 | grep -v '2001:db8:[0-9a-f]*:[1-4]:')"
	fail "after $USER_ADDR took a flood-made address's place the views differ"
fi
has_kaddr "$USER_ADDR" || fail "$USER_ADDR is no longer in the kernel"
ethstats host ndp0 c
[ "$(moved b c ADDR_DISPLACED)" = 1 ] ||
	fail "ADDR_DISPLACED moved by $(moved b c ADDR_DISPLACED), not 1"
[ "$(moved b c GLUE_ADDR_REFUSED)" = 0 ] ||
	fail "$USER_ADDR refused: GLUE_ADDR_REFUSED $(moved b c GLUE_ADDR_REFUSED)"
log "$USER_ADDR in the core and the kernel, in a flood-made address's place"

batch=/run/ndpv6/flood-views-$$.batch
mkdir -p /run/ndpv6
for i in $(seq 1 14); do
	printf 'addr add 2001:db8:ff::%x/64 dev ndp0\n' "$i"
done >"$batch"
run ip -n host -batch "$batch"
rm -f "$batch"
last_in_core() {
	[[ $(ctl addr show ndp0) == *"inet6 2001:db8:ff::e/64 "* ]]
}
wait_until 10 last_in_core

mon=$(mktemp)
monitor_bg "$mon" -n host monitor ndp0
run ip -n host -6 addr add "$REFUSED/64" dev ndp0
if ! poll_until 10 no_kaddr "$REFUSED"; then
	indent "$(addr_line "$REFUSED")"
	fail "$REFUSED, which the core could not take, stays in the kernel"
fi
ethstats host ndp0 d
[ "$(moved c d GLUE_ADDR_REFUSED)" = 1 ] ||
	fail "GLUE_ADDR_REFUSED moved by $(moved c d GLUE_ADDR_REFUSED), not 1"
[ "$(moved c d ADDR_DISPLACED)" = 14 ] ||
	fail "ADDR_DISPLACED moved by $(moved c d ADDR_DISPLACED), not 14"
line=$(dmesg | grep "ndp0: $REFUSED/64" | tail -n 1)
[[ $line == *"refused by the core"* ]] ||
	fail "no kernel log line for $REFUSED: ${line:-none}"
log "kernel log: ${line#*] }"
want="[ndp0] addr-refused $REFUSED/64 error No space left on device"
wait_until 5 grep -qxF "$want" "$mon"
log "ndpv6ctl monitor: $want"
if ! poll_until 10 views_agree; then
	indent "$(show_views)"
	fail "after the refusal the kernel's view is not the core's"
fi
show_moved "ethtool -S ndp0, what moved (flood, user addresses):" a d
