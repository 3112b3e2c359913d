#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The lower's link lost and regained (the core's ndp_link_change()): the
# peer's end goes down, so veth1, and ndp0, lose their carrier.  While the
# link is down the peer takes 2001:db8:15::1, an address the core already
# has (a duplicate that appears while we are away), a new address
# 2001:db8:15::2 is added to the core and router solicitation is turned on:
# the core sends nothing into the dead link.  When the carrier comes back
# the core reports its groups, runs DAD again for every address (DAD NS
# from ::) and solicits routers (an RS): the peer answers the DAD NS for
# 2001:db8:15::1, which the core then finds a duplicate and takes out of
# `ip -6 addr`; 2001:db8:15::3 and the link-local address pass again and
# stay in the kernel all along (no RTM_DELADDR for them).  tcpdump on
# veth1 sees every frame the host sends toward the peer, with times.
#
#        ns "peer"                          ns "host"
#    +--------------------+         +------------------------------+
#    | Linux IPv6, no DAD |         | veth1 52:54:00:12:34:56      |
#    | veth0: down, up    |---------|  (IPv6 off)      [tcpdump]   |
#    | fe80::<eui64>/64   |         |  ndp0 (type ndpv6 on veth1)  |
#    | 2001:db8:15::1/64  |         |  fe80::5054:ff:fe12:3456/64  |
#    |  (added while the  |         |  2001:db8:15::1/64, ::3/64   |
#    |   link is down)    |         |  2001:db8:15::2/64 (added    |
#    +--------------------+         |   while the link is down)    |
#                                   +------------------------------+
#
# timeout: 120
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

DUP=2001:db8:15::1
NEW=2001:db8:15::2
KEEP=2001:db8:15::3
work=$(mktemp -d /run/ndpv6/15.XXXXXX)
trap 'e2e_cleanup; rm -rf "$work"' EXIT

# core_state ADDR STATE: the core lists ADDR/64 (manual) in STATE.
core_state() {
	[[ $(ctl addr show ndp0) == *"inet6 $1/64 scope global proto manual $2 "* ]]
}

# core_link yes|no: the core's view of the link (ndpv6ctl params show).
core_link() {
	[[ $(ctl params show ndp0) =~ $'\n'\ +link_up\ +$1$'\n' ]]
}

# now_us: the wall clock in microseconds, as tcpdump -tt prints it.
now_us() {
	echo "${EPOCHREALTIME/./}"
}

ndp0_link quiet
# Every frame veth1 sends, and every address event, from here on (they
# start while ndp0 comes up).
nsq_bg host tcpdump -i veth1 -nn -U -w "$work/cap.pcap" "ether src $HOST_MAC" \
	2>"$work/tcpdump.err"
E2E_PIDS+=("$!")
tcpdump_pid=$!
nsq_bg host ip -6 monitor address >"$work/mon.txt"
E2E_PIDS+=("$!")
# no RS for now: the one after the link comes back is then the only one
run ctl params set ndp0 accept-ra off
run ip -n host link set ndp0 up
run ctl addr add ndp0 "$DUP/64"
run ctl addr add ndp0 "$KEEP/64"
wait_until 10 ll_preferred
wait_until 10 has_kaddr "$DUP"
wait_until 10 has_kaddr "$KEEP"
wait_until 10 has_kaddr "$HOST_LL"
log "ndp0 has its addresses"
core_link yes || fail "the core does not know its link is up"

wait_until 20 grep -q "listening on veth1" "$work/tcpdump.err"

log "the peer's end goes down: no carrier on veth1"
run ip -n peer link set veth0 down
wait_until 10 lower_down host ndp0
t_dead=$(now_us)
wait_until 5 core_link no
run ip -n peer -6 addr add "$DUP/64" dev veth0 nodad
run ctl addr add ndp0 "$NEW/64"
run ctl params set ndp0 accept-ra on
nap 1.5
core_state "$NEW" tentative || fail "$NEW left DAD while the link was down"
t_alive=$(now_us)

log "the peer's end comes back"
run ip -n peer link set veth0 up
wait_until 10 lower_up host ndp0
wait_until 5 core_link yes
wait_state 10 "$DUP, the peer's now, is still on ndp0" no_kaddr "$DUP"
core_state "$DUP" preferred && fail "the core still uses $DUP"
declare -A stats
ethstats host ndp0 stats
for c in DAD_FAILED LINK_DOWN LINK_UP; do
	[ "${stats[$c]:-0}" = 1 ] ||
		fail "core counter $c is ${stats[$c]:-0}, not 1"
done
log "the core found $DUP a duplicate: gone from ip -6 addr"
wait_until 10 has_kaddr "$NEW"
wait_until 10 core_state "$KEEP" preferred
ctl addr show ndp0
has_kaddr "$KEEP" || fail "$KEEP left ip -6 addr"
has_kaddr "$HOST_LL" || fail "the link-local address left ip -6 addr"
run ip -n host -6 addr show dev ndp0

kill "$tcpdump_pid"
wait "$tcpdump_pid" 2>/dev/null || true
tcpdump -r "$work/cap.pcap" -tt -nn -v 2>/dev/null >"$work/cap.txt"

# Frames (their first line: a time stamp) sent while the link was dead,
# and the kinds sent after it came back.
dead=0 rs=0 ns_dup=0 ns_new=0 ns_keep=0 mld=0
while read -r line; do
	[[ $line =~ ^([0-9]+)\.([0-9]{6})\  ]] || continue
	us=${BASH_REMATCH[1]}${BASH_REMATCH[2]}
	if [ "$us" -gt "$t_dead" ] && [ "$us" -lt "$t_alive" ]; then
		echo "sent while the link was down: $line"
		dead=$((dead + 1))
		continue
	fi
	[ "$us" -gt "$t_alive" ] || continue
	case $line in
	*"router solicitation"*)	rs=$((rs + 1)) ;;
	*"multicast listener report v2"*)	mld=$((mld + 1)) ;;
	*" :: > ff02::1:ff00:1:"*"neighbor solicitation"*"who has $DUP"*)
		ns_dup=$((ns_dup + 1)) ;;
	*" :: > ff02::1:ff00:2:"*"neighbor solicitation"*"who has $NEW"*)
		ns_new=$((ns_new + 1)) ;;
	*" :: > ff02::1:ff00:3:"*"neighbor solicitation"*"who has $KEEP"*)
		ns_keep=$((ns_keep + 1)) ;;
	esac
done <"$work/cap.txt"
log "after the link came back: RS $rs, MLD Reports $mld," \
    "DAD NS for $DUP $ns_dup, $NEW $ns_new, $KEEP $ns_keep"
[ "$dead" -eq 0 ] || fail "$dead frames went into the dead link"
[ "$rs" -ge 1 ] || fail "no RS after the link came back"
[ "$mld" -ge 1 ] || fail "no MLD Report after the link came back"
if [ "$ns_dup" -eq 0 ] || [ "$ns_new" -eq 0 ] || [ "$ns_keep" -eq 0 ]; then
	fail "not every address ran DAD again"
fi

# The kernel's view: only the duplicate went away.
deleted=$(grep '^Deleted' "$work/mon.txt" || true)
log "addresses deleted from ndp0: ${deleted:-none}"
[[ $deleted == *" $DUP/64 "* ]] || fail "no RTM_DELADDR for $DUP"
[[ $deleted != *" $KEEP/64 "* && $deleted != *" $HOST_LL/64 "* ]] ||
	fail "an address that passed DAD again was removed and added back"
