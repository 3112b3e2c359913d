#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Counters: one malformed Neighbor Solicitation (hop limit 254, RFC 4861
# 7.1.1) from the peer to ndp0's solicited-node group moves exactly its
# counter in `ethtool -S ndp0`, and nothing else but RX_PACKETS (the core
# counts every IPv6 packet it is given): the full dump before and after is
# compared.  The device's own statistics count it as one rx drop (the core
# gave the packet back dropped) and nothing passed up.
#
# The link is quiet first: the peer sends no RS and runs no DAD, and the
# test waits until two dumps a second apart are equal (the core's and the
# peer's start-up messages are over), so anything else that moves is a
# fault.
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | veth0 52:54:00:ab:cd:ef |----| veth1 52:54:00:12:34:56      |
#    | fe80::5054:ff:feab:cdef |    |  ndp0 (type ndpv6 on veth1)  |
#    | ndp-frames.py ns        |    |  fe80::5054:ff:fe12:3456/64  |
#    |   --hoplimit 254        |    |  ethtool -S ndp0 before/after|
#    +-------------------------+    +------------------------------+
#
# timeout: 90
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

# b and db are filled through namerefs
# shellcheck disable=SC2034
declare -A a b quiet da db

ndp0_setup quiet

# No router answers here, so the core would send its RS 4 s apart into the
# measurement: accept_ra off stops them (the core then solicits nothing).
run ctl params set ndp0 accept-ra off

# Quiet: two dumps a second apart that are equal, within 15 s.
ethstats host ndp0 a
deadline=$((EPOCHSECONDS + 15))
while :; do
	nap 1
	ethstats host ndp0 quiet
	[ -n "$(stats_diff a quiet)" ] || break
	[ "$EPOCHSECONDS" -lt "$deadline" ] ||
		fail "ethtool -S ndp0 never settles: $(stats_diff a quiet)"
	for k in "${!quiet[@]}"; do a[$k]=${quiet[$k]}; done
done
log "quiet: no counter moved for 1 s"

ethstats host ndp0 a
devstats host ndp0 da
run nsq peer python3 "$FRAMES" ns veth0 auto "$HOST_LL" --src "$PEER_LL" \
	--hoplimit 254

# The core handles it in softirq: wait until its counter moves.
nd_hoplimit_moved() {
	[ "$(ethstat host ndp0 ND_HOPLIMIT)" -gt "${a[ND_HOPLIMIT]}" ]
}
wait_until 5 nd_hoplimit_moved
nap 0.3		# anything the NS would set off
ethstats host ndp0 b
devstats host ndp0 db

log "ethtool -S ndp0, what moved:"
diff=$(stats_diff a b)
indent "$diff"
# the glue's accounting too: one frame given to the core, dropped there
expected="GLUE_RX_CORE_DROPPED ${a[GLUE_RX_CORE_DROPPED]} -> $((a[GLUE_RX_CORE_DROPPED] + 1))
GLUE_RX_TO_CORE ${a[GLUE_RX_TO_CORE]} -> $((a[GLUE_RX_TO_CORE] + 1))
ND_HOPLIMIT ${a[ND_HOPLIMIT]} -> $((a[ND_HOPLIMIT] + 1))
RX_PACKETS ${a[RX_PACKETS]} -> $((a[RX_PACKETS] + 1))"
[ "$diff" = "$expected" ] ||
	fail "expected exactly ND_HOPLIMIT, RX_PACKETS, GLUE_RX_TO_CORE and GLUE_RX_CORE_DROPPED +1"

log "ip -s link show ndp0, what moved:"
diff=$(stats_diff da db)
indent "$diff"
[ "$diff" = "rx_dropped ${da[rx_dropped]} -> $((da[rx_dropped] + 1))" ] ||
	fail "expected exactly rx_dropped +1 in ndp0's own statistics"
log "one malformed NS: ND_HOPLIMIT +1, RX_PACKETS +1, the glue's +1, rx_dropped +1"
