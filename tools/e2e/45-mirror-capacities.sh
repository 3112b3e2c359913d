#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Table capacities above the glue's old fixed rooms are served whole:
# every address, prefix and router of the core reaches the kernel, and
# every group the core joins reaches the lower's multicast filter.
#
# With max-addrs 200, max-routers 32, max-prefixes 128 and no DAD, the
# peer sends 20 RAs (routers fe80::1:1 .. fe80::1:14), each with 5
# prefixes: 100 prefixes and 100 SLAAC addresses; the user adds 70
# addresses on ndp0 (`ip -batch`), each with its own solicited-node
# group.  More than 400 notes at once: the note ring overflows, and the
# mirror rebuilds the lower's groups from the core's tables (resync).
# Then the kernel must show 170 global addresses on ndp0, 20 default
# routes and 101 /64 routes (the RA prefixes and the users' one), and
# veth1 the 71 solicited-node MACs (the users' and the EUI-64 one).  The
# glue used to stop at 32 addresses, 16 routers, 64 prefixes and 64
# groups (and 16 addresses when rebuilding the groups).
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | 20 routers' RAs   |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          |  + 100 SLAAC, 70 users' addr |
#                                   +------------------------------+
#
# timeout: 300
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

WANT_ADDRS=170
WANT_DEFAULT=20
WANT_PFX=101
WANT_GROUPS=71

ndp0_setup plain
HOLDER=${E2E_HOLDER[host]}

ndp0_params max-addrs 200 max-routers 32 max-prefixes 128 dad-transmits 0

batch=$(mktemp)
for i in $(seq 1 70); do
	printf 'address add 2001:db8:ff::%x/64 dev ndp0\n' "$i"
done >"$batch"
run nsq peer python3 "$FRAMES" ras veth0 20 5
run ip -n host -batch "$batch"
rm -f "$batch"

# count: the kernel's view of ndp0 and veth1 now, in n_addrs, n_default,
# n_pfx and n_groups (the holder's /proc/net files: no process per look).
count() {
	local addr dst plen nh dev mac _

	n_addrs=0 n_default=0 n_pfx=0 n_groups=0
	while read -r addr _ _ _ _ dev; do
		[ "$dev" = ndp0 ] && [[ $addr == 20010db8* ]] &&
			n_addrs=$((n_addrs + 1))
	done <"/proc/$HOLDER/net/if_inet6"
	while read -r dst plen _ _ nh _ _ _ _ dev; do
		[ "$dev" = ndp0 ] || continue
		[ "$dst$plen" = 0000000000000000000000000000000000 ] &&
			[[ $nh == fe800000000000000000000000010* ]] &&
			n_default=$((n_default + 1))
		[ "$plen" = 40 ] && [[ $dst == 20010db8* ]] &&
			n_pfx=$((n_pfx + 1))
	done <"/proc/$HOLDER/net/ipv6_route"
	while read -r _ dev _ _ mac; do
		[ "$dev" = veth1 ] && [[ $mac == 3333ff* ]] &&
			n_groups=$((n_groups + 1))
	done <"/proc/$HOLDER/net/dev_mcast"
	return 0
}

all_there() {
	count
	[ "$n_addrs" = "$WANT_ADDRS" ] && [ "$n_default" = "$WANT_DEFAULT" ] &&
		[ "$n_pfx" = "$WANT_PFX" ] && [ "$n_groups" = "$WANT_GROUPS" ]
}

if ! poll_until 60 all_there; then
	count
	log "ndp0: $n_addrs global addresses (want $WANT_ADDRS)," \
	    "$n_default default routes (want $WANT_DEFAULT)," \
	    "$n_pfx /64 routes (want $WANT_PFX);" \
	    "veth1: $n_groups solicited-node groups (want $WANT_GROUPS)"
	fail "the kernel does not show all of the core's tables"
fi
log "ndp0: $n_addrs addresses, $n_default default routes, $n_pfx prefixes;" \
    "veth1: $n_groups solicited-node groups"
full=$(nsq host ethtool -S ndp0)
[[ $full =~ GLUE_LOWER_GROUPS_FULL:\ 0 ]] ||
	fail "GLUE_LOWER_GROUPS_FULL moved"
