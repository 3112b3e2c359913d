#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ndpv6ctl monitor: a router expiry (a static router with a 2 s lifetime)
# and a DAD failure (the peer already owns the address the host adds),
# each reported once, in human and JSON form, and only for the device
# asked for; then IP operation disabled (the peer takes the host's
# link-local address while ndp0 is down: DAD fails for it at ndp0 up).
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | Linux IPv6        |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    | 2001:db8:7::1/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          |  adds 2001:db8:7::1: dup     |
#                                   +------------------------------+
#
# timeout: 180
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ndp0_setup plain
run ip -n peer addr add 2001:db8:7::1/64 dev veth0 nodad

mon=$(mktemp)
monj=$(mktemp)
monitor_bg "$mon" -n host monitor ndp0
monitor_bg "$monj" -n host -j monitor

# Router expiry: added with a 2 s lifetime, gone by itself.
run ctl router add ndp0 fe80::42 lifetime 2
wait_until 10 grep -q '^\[ndp0\] router-add fe80::42 lifetime 2sec$' "$mon"
wait_until 10 grep -q '^\[ndp0\] router-del fe80::42$' "$mon"
[ -z "$(ctl router show ndp0)" ] || fail "the router did not expire"

# DAD failure: the peer answers the core's DAD NS with its NA.
run ctl addr add ndp0 2001:db8:7::1/64
wait_until 15 grep -q '^\[ndp0\] dad-failed 2001:db8:7::1$' "$mon"
# The core keeps it listed as duplicate (never used), or drops it.
out=$(ctl addr show ndp0)
echo "$out"
if [[ $out == *2001:db8:7::1/* &&
      $out != *"inet6 2001:db8:7::1/64 scope global proto manual duplicate "* ]]; then
	fail "the duplicate address is still in use"
fi
has "$(ctl stats show ndp0)" 'DAD_FAILED +1'

# Both monitors have printed it (the JSON one may lag the other); then a
# second for a repeat, which no event would mark.
wait_until 10 grep -q '"event":"dad-failed"' "$monj"
nap 1
log "monitor output:"
cat "$mon"
log "monitor -j output:"
cat "$monj"
[ "$(grep -c dad-failed "$mon")" = 1 ] || fail "dad-failed reported more than once"
monjs=$(<"$monj")
has "$monjs" '\{"ifindex":[0-9]+,"ifname":"ndp0","event":"dad-failed","address":"2001:db8:7::1"(,"prefixlen":64)?\}' \
	'\{"ifindex":[0-9]+,"ifname":"ndp0","event":"router-add","address":"fe80::42","lifetime":2\}' \
	'\{"ifindex":[0-9]+,"ifname":"ndp0","event":"router-del","address":"fe80::42"\}'
log "DAD failure and router expiry reported"

# IP operation disabled (RFC 4862 5.4.5): the peer takes the host's EUI-64
# link-local address while ndp0 is down; ndp0 up runs DAD for it, the peer
# answers, and the core reports ip-disabled with that address.
run ip -n host link set ndp0 down
run ip -n peer addr add "$HOST_LL/64" dev veth0 nodad
run ip -n host link set ndp0 up
wait_until 15 grep -q "^\[ndp0\] ip-disabled $HOST_LL/64\$" "$mon"
wait_until 10 grep -q '"event":"ip-disabled"' "$monj"
has "$(<"$monj")" '\{"ifindex":[0-9]+,"ifname":"ndp0","event":"ip-disabled","address":"'"$HOST_LL"'","prefixlen":64\}'
out=$(ctl params show ndp0)
echo "$out"
has "$out" $'\n +ip_disabled +yes$'
has "$(ctl -j params show ndp0)" '"ip_disabled":true\}$'
has "$(ctl stats show ndp0)" $'\n +IP_DISABLED +1\n'
log "IP operation disabled reported"
