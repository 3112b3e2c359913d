#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A neighbour cache of 10,000: the capacity raised with `ndpv6ctl params set`
# (in force after down/up, which the reply says), 10,000 NS from 10,000
# sources sent by a bounded script from the peer (ndp-frames.py flood: at most
# 4,000 NS/s), then one dump that is complete (every entry once, as many
# as the core counts) and consistent (not flagged NLM_F_DUMP_INTR).
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | ndp-frames.py     |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    | 10,000 NS from    |          |  ndp0 (type ndpv6 on veth1)  |
#    | fe80::ee:0:<i>    |          |  max-nbrs 10000              |
#    +-------------------+          +------------------------------+
#
# timeout: 300
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

N=10000
ndp0_setup plain
# The peer's own IPv6 stays quiet: no entry of its own in ndp0's cache.
nsq peer sysctl -qw net.ipv6.conf.veth0.disable_ipv6=1

err=$(mktemp)
ctl params set ndp0 max-nbrs "$N" 2>"$err" || { cat "$err"; fail "set max-nbrs $N"; }
err=$(<"$err")
echo "$err"
has "$err" '^Warning: new table capacities take effect at the next down/up'
has "$(ctl -j params show ndp0)" '"max_nbrs":256,' "\"pending\":\\{[^}]*\"max_nbrs\":$N,"
ndp0_bounce
out=$(ctl -j params show ndp0)
has "$out" "\"max_nbrs\":$N,"
[[ $out == *pending* ]] && fail "params: still pending after down/up"

# Bursts of the flood may exceed the softirq backlog: send, count, send
# again what is missing (at most three rounds).
nbrs() {
	local out

	out=$(ctl -j params show ndp0)
	[[ $out =~ \"nbrs\":([0-9]+), ]] && echo "${BASH_REMATCH[1]}"
}
all_in() {
	[ "$(nbrs)" -ge "$N" ]
}
sysctl -qw net.core.netdev_max_backlog=10000
for round in 1 2 3; do
	have=$(nbrs)
	log "round $round: $have neighbours"
	[ "$have" -ge "$N" ] && break
	run nsq peer timeout 60 python3 "$FRAMES" flood \
		veth0 "$HOST_MAC" "$HOST_LL" --count "$N" --rate 4000
	# The last frames may still be in the backlog: all in, or give them
	# 2 s before the next round.
	poll_until 2 all_in || true
done
have=$(nbrs)
[ "$have" -eq "$N" ] || fail "$have neighbours, not $N"

# One dump: complete and consistent (ndpv6ctl exits 1 when the kernel
# flags it inconsistent four times in a row).
dump=$(mktemp)
t0=${EPOCHREALTIME/./}
log "ndpv6ctl -j neigh show ndp0"
ctl -j neigh show ndp0 >"$dump"
log "dump of $N neighbours in $(( (${EPOCHREALTIME/./} - t0) / 1000 )) ms"
python3 - "$dump" "$N" <<'EOP' || fail "the dump is not complete"
import json, sys
d = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
addrs = [e["dst"] for e in d]
assert len(addrs) == n, (len(addrs), n)
assert len(set(addrs)) == n, "duplicates"
want = {"fe80::ee:0:%x:%x" % (i >> 16, i & 0xffff) if i >> 16 else
        "fe80::ee:0:0:%x" % i for i in range(1, n + 1)}
assert set(addrs) == want, sorted(set(addrs) ^ want)[:5]
assert all(e["state"] == "stale" and "lladdr" in e for e in d)
EOP
run ctl neigh show ndp0 | tail -n 2
log "10,000 neighbours dumped, complete and consistent"
