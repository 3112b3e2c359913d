#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A device in one network namespace is invisible from another: by name,
# by index, for reads, writes and the monitor.  Two ndpv6 devices named
# ndp0 in two namespaces are each seen only from their own.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | veth0             |----------| veth1 52:54:00:12:34:56      |
#    |  ndp0 (on veth0)  |          |  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          +------------------------------+
#             "other": nothing but lo
#
# timeout: 180
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ndp0_setup plain
ns_add other
idx=$(ip -n host -o link show ndp0)
idx=${idx%%:*}

octl() {
	"$NDPV6CTL" -n other "$@"
}
expect 1 'ndp0: no such device' octl addr show ndp0
expect 1 'no such device' octl router add ndp0 fe80::1
expect 1 'no such device' octl params set ndp0 accept-ra off
expect 1 'no such device' octl monitor ndp0
# By index: absent in "other" (only lo, index 1, which is not ours).
expect 1 "$idx: no such device" octl addr show "$idx"
expect 1 'not an ndpv6 device' octl addr show 1

# A second ndp0 in "peer", on veth0: each namespace sees its own.
nsq peer sysctl -qw net.ipv6.conf.veth0.disable_ipv6=1
ip -n peer link set veth0 address 52:54:00:65:43:21
ip -n peer link add link veth0 name ndp0 type ndpv6
ip -n peer link set ndp0 up
peer_ll=fe80::5054:ff:fe65:4321
pctl() {
	"$NDPV6CTL" -n peer "$@"
}
peer_ready() {
	[[ $(pctl addr show ndp0) == *"inet6 $peer_ll/64 "*" preferred "* ]]
}
wait_until 10 peer_ready
run pctl addr show ndp0
[[ $(pctl addr show ndp0) == *"$HOST_LL"* ]] && fail "peer's ndp0 shows the host's address"
[[ $(ctl addr show ndp0) == *"$peer_ll"* ]] && fail "host's ndp0 shows the peer's address"

# A write in one namespace does not reach the other's device.
run pctl router add ndp0 fe80::77
[ -z "$(ctl router show ndp0)" ] || fail "the host's ndp0 got the peer's router"

# Events stay in their namespace.
mon_host=$(mktemp)
mon_other=$(mktemp)
monitor_bg "$mon_host" -n host monitor
monitor_bg "$mon_other" -n other monitor
run pctl router del ndp0 fe80::77
run ctl router add ndp0 fe80::88
wait_until 10 grep -q 'router-add fe80::88' "$mon_host"
# What must not show: no event marks its absence, so give it a second.
nap 1
grep -q fe80::77 "$mon_host" && fail "the host's monitor saw the peer's event"
[ -s "$mon_other" ] && { cat "$mon_other"; fail "'other' saw events"; }
log "devices and events stay in their namespace"
