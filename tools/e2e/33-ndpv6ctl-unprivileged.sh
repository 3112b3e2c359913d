#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Writes need CAP_NET_ADMIN in the device's network namespace: root with
# the capability dropped (capsh) and an unprivileged user (setpriv) are
# refused every write with "permission denied" and exit status 5, and
# nothing changes; both may still read.  Joining the events group needs it
# too (GENL_MCAST_CAP_NET_ADMIN, which 6.1.192 has).
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | Linux IPv6        |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    |                   |          |  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          +------------------------------+
#
# timeout: 180
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

command -v capsh >/dev/null || skip "capsh (libcap2-bin) is not installed"
command -v setpriv >/dev/null || skip "setpriv (util-linux) is not installed"
ndp0_setup plain

# Run ndpv6ctl in the host namespace without CAP_NET_ADMIN.
nocap() {
	# shellcheck disable=SC2016 # expanded by capsh's shell
	capsh --drop=cap_net_admin -- -c '"$0" -n host "$@"' "$NDPV6CTL" "$@"
}
nobody() {
	nsq host setpriv --reuid=65534 --regid=65534 --clear-groups \
		--inh-caps=-all --bounding-set=-all "$NDPV6CTL" "$@"
}

# Without the capability, every write is refused.
has "$(nocap addr show ndp0)" "^inet6 $HOST_LL/64 "
has "$(nocap params show ndp0)" '^ndp0: ifindex [0-9]+ running'
expect 1 'permission denied.*CAP_NET_ADMIN' nocap router add ndp0 fe80::1
expect 1 'permission denied' nocap router del ndp0 fe80::1
expect 1 'permission denied' nocap prefix add ndp0 2001:db8:5::/64
expect 1 'permission denied' nocap prefix del ndp0 2001:db8:5::/64
expect 1 'permission denied' nocap addr add ndp0 2001:db8:9::1/64
expect 1 'permission denied' nocap addr del ndp0 "$HOST_LL"
expect 1 'permission denied' nocap params set ndp0 accept-ra off
# An unprivileged user: the same check (one write of each kind suffices).
has "$(nobody addr show ndp0)" "^inet6 $HOST_LL/64 "
expect 1 'permission denied.*CAP_NET_ADMIN' nobody router add ndp0 fe80::1
expect 1 'permission denied' nobody addr del ndp0 "$HOST_LL"
expect 1 'permission denied' nobody params set ndp0 max-nbrs 1000
# Nor may they listen to the events; a monitor let in would wait for them
# until timeout ends it (exit 124).
# shellcheck disable=SC2016 # expanded by capsh's shell
expect 1 'joining the events group: Operation not permitted' \
	timeout 10 capsh --drop=cap_net_admin -- -c '"$0" -n host monitor ndp0' \
	"$NDPV6CTL"
expect 1 'joining the events group: Operation not permitted' \
	nsq host timeout 10 setpriv --reuid=65534 --regid=65534 \
	--clear-groups --inh-caps=-all --bounding-set=-all "$NDPV6CTL" monitor
[ -z "$(ctl router show ndp0)" ] || fail "a refused write changed the routers"
out=$(ctl -j params show ndp0)
has "$out" '"accept_ra":1,' '"addrs":1,'
[[ $out == *pending* ]] && fail "a refused write changed the capacities"

# The same writes as root go through.
run ctl router add ndp0 fe80::1
run ctl router del ndp0 fe80::1
log "unprivileged writes and event listeners refused, reads allowed"
