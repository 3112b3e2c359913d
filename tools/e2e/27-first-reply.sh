#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The first reply to a neighbour ndp0 does not know yet is not lost.  The
# peer pings ndp0's link-local address once from each of 300 link-local
# addresses of its own, every one of them new to ndp0: the core answers
# while it resolves the sender (its echo reply comes out marked
# NDP_TX_RESOLVE; the glue gives it to ndp_send(), where it waits in the
# neighbour's queue until the NA), so every echo request gets its reply.
# Before, the reply was dropped (TX_CORE_UNRESOLVED) and each first ping
# was lost.
#
#        ns "peer"                          ns "host"
#    +--------------------------+     +-----------------------------+
#    | veth0                    |-----| veth1 (IPv6 off)            |
#    | fe80::1:1 ... fe80::1:12c|     |  ndp0 fe80::5054:ff:fe12:.. |
#    +--------------------------+     +-----------------------------+
#
# timeout: 180
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

n=300

# 300 neighbours confirmed within ReachableTime are all REACHABLE, which
# RFC 6583 eviction keeps: room for them, so that only the first-reply
# path is measured.
ndp0_link quiet
run ctl params set ndp0 max-nbrs 1024
ndp0_up
wait_until 5 has_addr peer veth0 "$PEER_LL"

batch=/run/ndpv6/first-reply-$$.batch
for i in $(seq 1 $n); do
	printf 'addr add fe80::1:%x/64 dev veth0 nodad\n' "$i"
done >"$batch"
run ip -n peer -batch "$batch"
rm -f "$batch"

unresolved0=$(ndp_stat ndp0 core TX_CORE_UNRESOLVED)
echo0=$(ndp_stat ndp0 core RX_ECHO)
# One process for all 300: an echo request each, from a source ndp0
# never saw, the next one sent when the reply came (or after 3 s), but no
# sooner than 20 ms after the one before: 50 new neighbours a second stay
# under the core's limit on new INCOMPLETE entries (64 at once, then 100
# a second), which a fast machine reached at the 300th ping.
got=$(nsx peer python3 "${0%/*}/echo-from.py" "$HOST_LL%veth0" fe80::1 "$n" 3 0.02)
unresolved1=$(ndp_stat ndp0 core TX_CORE_UNRESOLVED)
echo1=$(ndp_stat ndp0 core RX_ECHO)
log "replies $got of $n; echo requests answered $((echo1 - echo0)); replies that waited for resolution $((unresolved1 - unresolved0))"
if [ "$got" != "$n" ]; then
	grep -A120 '^ndp0 ' "$NDPV6_DEBUGFS" |
		grep -E ' (QUEUE|NBR|TX|ECHO|OUT)_[A-Z_]+ [1-9]'
	fail "$((n - got)) of $n first pings got no reply"
fi
# nearly every ping came from a new neighbour, whose reply had to wait (the
# peer's kernel may already have spoken from one of its new addresses)
[ $((unresolved1 - unresolved0)) -ge $((n - 5)) ] ||
	fail "only $((unresolved1 - unresolved0)) replies waited for resolution: the peers were not new"
