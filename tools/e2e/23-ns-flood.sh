#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# NS flood (RFC 6583): the peer namespace floods ndp0 with valid Neighbor
# Solicitations, each from a new link-local address and MAC (ndp-frames.py
# flood: 4,000 NS/s asked for 10 s, prebuilt frames sent in batches of one
# sendmmsg(2) each; it prints the rate it reached).  It does not reach
# 4,000/s here: in the checkers' UML kernel (KASAN, lockdep, kmemleak) the
# receiving side bounds the rate, not the sender, since every NS makes (or
# evicts for) an entry and is answered with an NA, all within the sender's
# own system call on UML's one CPU.  Measured on the 2-core machine
# (2026-11-28): 1,926 NS/s with one other run beside it (the former sender,
# one system call per frame: about 1,400), 1,100-1,300 NS/s when several
# runs share the machine (the former sender: 1,227).  That is 11,000-19,000
# NS in all, over 40 times the cache's 256 entries.  Each one makes the
# core create a STALE entry, so the neighbour cache is full within a
# fraction of a second and stays full.  Meanwhile:
#  - two established flows through ndp0 lose nothing: ndp0 pings the peer
#    and the peer pings ndp0, 10 per second each, from before the flood
#    until 2 s after it (every echo request answered, but for the last
#    one, in flight when ping is stopped);
#  - the table stays within its cap (TABLE_NBRS <= TABLE_NBRS_MAX and
#    TABLE_INCOMPLETE within the quarter of it, sampled during the flood);
#  - the counters show the evictions (NBR_EVICTED).
# While the cache is full, ndp0 resolves a neighbour new to it, fe80::3,
# which answers 50 ms late (ndp-frames.py slow-na: over a hundred flood NS
# arrive meanwhile), and the ping that asked for it leaves: a STALE entry
# made by an NS may take only another STALE one, never the INCOMPLETE
# entry of a resolution under way.  After the flood, a new neighbour (a
# second address of the peer) is served within 10 s: it pings ndp0 and
# ndp0 pings it.
#
# The flows' neighbour entry must survive on its merits, not by luck of
# timing: one RA (router lifetime 0, from a made-up router fe80::1:1)
# sets ReachableTime to 1 s, so the peer's entry leaves REACHABLE for
# STALE, DELAY and PROBE several times during the flood, as it would over a
# long attack with the default 30 s.
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | veth0 52:54:00:ab:cd:ef |----| veth1 52:54:00:12:34:56      |
#    | fe80::5054:ff:feab:cdef |    |  ndp0 (type ndpv6 on veth1)  |
#    |   ping ndp0, 10/s       |    |  fe80::5054:ff:fe12:3456/64  |
#    | ndp-frames.py flood:    |    |  ping the peer, 10/s         |
#    |   NS from fe80::ee:0:<i>|    |  ethtool -S ndp0 every 2 s   |
#    |   MAC 02:ee:<i>         |    |                              |
#    | slow-na fe80::3, 50 ms  |    |  ping fe80::3 once full      |
#    | then fe80::2 (new)      |    |                              |
#    +-------------------------+    +------------------------------+
#
# timeout: 150
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

RATE=4000
SECONDS_FLOOD=10
NEW_LL=fe80::2
DURING_LL=fe80::3

# b and s are filled through namerefs
# shellcheck disable=SC2034
declare -A a b s

ndp0_setup quiet
run nsq peer python3 "$FRAMES" ra veth0 --src fe80::1:1 --reachable 1000
run nsq host ping -6 -c 2 -i 0.2 -W 2 "$PEER_LL%ndp0"
ethstats host ndp0 a

# The flows, 10 pings per second each way, from before the flood until
# 2 s after it: stopped with SIGINT, so the last ping may be in flight.
out_host=$(mktemp)
out_peer=$(mktemp)
nsenter --net=/run/netns/host ping -6 -i 0.1 -c 1000 "$PEER_LL%ndp0" >"$out_host" 2>&1 &
ping_host=$!
nsenter --net=/run/netns/peer ping -6 -i 0.1 -c 1000 -I "$PEER_LL%veth0" \
	"$HOST_LL%veth0" >"$out_peer" 2>&1 &
ping_peer=$!
E2E_PIDS+=("$ping_host" "$ping_peer")

log "flood: $RATE NS/s asked for $SECONDS_FLOOD s"
out_flood=$(mktemp)
nsenter --net=/run/netns/peer python3 "$FRAMES" flood veth0 "$HOST_MAC" \
	"$HOST_LL" --rate $RATE --seconds $SECONDS_FLOOD >"$out_flood" 2>&1 &
flood=$!
E2E_PIDS+=("$flood")

# Sample the table while the flood runs; once it is full, resolve
# DURING_LL (its answer comes late): did the echo request leave?
max_nbrs=0
max_inc=0
during=''
out_during=$(mktemp)
while kill -0 "$flood" 2>/dev/null; do
	ethstats host ndp0 s
	log "nbrs ${s[TABLE_NBRS]}/${s[TABLE_NBRS_MAX]}" \
	    "incomplete ${s[TABLE_INCOMPLETE]}" \
	    "created $((s[NBR_CREATED] - a[NBR_CREATED]))" \
	    "evicted $((s[NBR_EVICTED] - a[NBR_EVICTED]))"
	[ "${s[TABLE_NBRS]}" -le "${s[TABLE_NBRS_MAX]}" ] ||
		fail "the neighbour cache is over its cap"
	[ "${s[TABLE_INCOMPLETE]}" -le $((s[TABLE_NBRS_MAX] / 4)) ] ||
		fail "more INCOMPLETE entries than the quota (RFC 6583)"
	[ "${s[TABLE_NBRS]}" -le "$max_nbrs" ] || max_nbrs=${s[TABLE_NBRS]}
	[ "${s[TABLE_INCOMPLETE]}" -le "$max_inc" ] ||
		max_inc=${s[TABLE_INCOMPLETE]}
	if [ -z "$during" ] &&
	   [ "${s[TABLE_NBRS]}" -eq "${s[TABLE_NBRS_MAX]}" ]; then
		nsq peer python3 "$FRAMES" slow-na veth0 "$DURING_LL" \
			--delay 50 --wait 8 >"$out_during" 2>&1 &
		slow=$!
		# python starts slowly beside the flood: wait until it listens
		for _ in $(seq 50); do
			grep -q answering "$out_during" && break
			nap 0.1
		done
		nsq host ping -6 -c 3 -i 1 -W 1 "$DURING_LL%ndp0" \
			>/dev/null 2>&1 || true
		if wait "$slow"; then during=left; else during=lost; fi
		log "during the flood, a ping to $DURING_LL (new, answers" \
		    "late): $during"
		indent "$(cat "$out_during")"
		continue
	fi
	nap 2
done
wait "$flood" || { cat "$out_flood"; fail "the flood generator failed"; }
indent "$(cat "$out_flood")"
flood_end=$EPOCHREALTIME

# A new neighbour is served within 10 s of the end of the flood: a second
# address of the peer, added now (nodad: ndp0 has not heard of it), pings
# ndp0 and ndp0 pings it.  (The core drops its echo reply to a neighbour
# it is still resolving, so the first ping of each try may go unanswered:
# two per try.)
served() {
	nsq peer ping -6 -c 2 -i 0.2 -W 1 -I "$NEW_LL%veth0" "$HOST_LL%veth0" &&
		nsq host ping -6 -c 2 -i 0.2 -W 1 "$NEW_LL%ndp0"
} >/dev/null 2>&1
run ip -n peer addr add "$NEW_LL/64" dev veth0 nodad
problems=()
deadline=$(( ${flood_end/./} + 10000000 ))
tries=0
until served; do
	tries=$((tries + 1))
	if [ "${EPOCHREALTIME/./}" -ge "$deadline" ]; then
		problems+=("the new neighbour $NEW_LL was not served within 10 s")
		break
	fi
	nap 0.2
done
t=${EPOCHREALTIME/./}
log "new neighbour $NEW_LL: $(( (t - ${flood_end/./}) / 1000 )) ms after" \
    "the flood, ${problems[*]:-served} ($tries failed tries)"

nap 2
kill -INT "$ping_host" "$ping_peer"
wait "$ping_host" || true
wait "$ping_peer" || true
ethstats host ndp0 b
show_moved "ethtool -S ndp0, what moved (flood, flows, new neighbour):" a b
log "table: at most $max_nbrs of ${b[TABLE_NBRS_MAX]} entries," \
    "at most $max_inc INCOMPLETE"

# lost OUTPUT: the echo requests of a ping run that got no reply, but for
# the last one sent (it may have been in flight at SIGINT).
lost() {
	local line tx=0 n missing=()
	local -A replied

	while IFS= read -r line; do
		if [[ "$line" =~ icmp_seq=([0-9]+)\ ttl= ]]; then
			replied[${BASH_REMATCH[1]}]=1
		elif [[ "$line" =~ ^([0-9]+)\ packets\ transmitted ]]; then
			tx=${BASH_REMATCH[1]}
		fi
	done <"$1"
	[ "$tx" -gt 0 ] || return 1
	for ((n = 1; n < tx; n++)); do
		[ -n "${replied[$n]:-}" ] || missing+=("$n")
	done
	echo "$tx ${#replied[@]} ${missing[*]}"
}

# flow NAME OUTPUT: the flow's losses, into problems.
flow() {
	local tx='' rx missing

	read -r tx rx missing < <(lost "$2")
	[ -n "$tx" ] || { cat "$2"; fail "no summary from the ping $1"; }
	log "$1: $rx replies to $tx echo requests; lost: ${missing:-none}"
	[ -z "$missing" ] ||
		problems+=("the flow $1 lost echo requests $missing")
}
flow "ndp0 -> peer" "$out_host"
flow "peer -> ndp0" "$out_peer"
if [ -z "$during" ]; then
	problems+=("the flood ended before the cache was full")
elif [ "$during" != left ]; then
	problems+=("during the flood, no ping to $DURING_LL left ndp0")
fi
[ "$(moved a b NBR_EVICTED)" -gt 0 ] ||
	problems+=("no eviction counted: was the cache ever full?")

if [ ${#problems[@]} -gt 0 ]; then
	if [ -x "$NDPV6CTL" ]; then
		run ctl neigh show ndp0 "$PEER_LL" || true
		run ctl neigh show ndp0 "$NEW_LL" || true
	fi
	run ip -n peer -6 neigh show dev veth0
	fail "$(printf '%s; ' "${problems[@]}")"
fi
