# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for the kernel-view tests (tools/e2e/4*.sh: what `ip -6 addr`
# and `ip -6 route` show of the core), on top of ndpv6ctl-lib.sh: the
# standard topology with radvd on the peer.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | radvd, forwarding |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    | fe80::<eui64>/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    | 2001:db8:1::1/64  |          |  fe80::5054:ff:fe12:3456/64  |
#    +-------------------+          +------------------------------+

# shellcheck source=tools/e2e/ndpv6ctl-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/ndpv6ctl-lib.sh"

# shellcheck disable=SC2034	# for the tests
SLAAC=2001:db8:1:0:5054:ff:fe12:3456	# 2001:db8:1::/64 + EUI-64 of $MAC
# shellcheck disable=SC2034	# for the tests
RADVD_PID=

# radvd_start VALID PREFERRED ROUTER_LIFETIME: radvd on the peer's veth0,
# RAs every 3-4 s (and at once to an RS) for 2001:db8:1::/64 (on-link,
# autonomous) with these lifetimes, CurHopLimit 61, MTU 1400.
radvd_start() {
	local conf=/run/ndpv6/radvd-$$.conf

	command -v radvd >/dev/null || skip "radvd is not installed"
	mkdir -p /run/ndpv6
	cat >"$conf" <<EOC
interface veth0 {
	AdvSendAdvert on;
	MinRtrAdvInterval 3;
	MaxRtrAdvInterval 4;
	AdvDefaultLifetime $3;
	AdvCurHopLimit 61;
	AdvLinkMTU 1400;
	prefix 2001:db8:1::/64 {
		AdvOnLink on;
		AdvAutonomous on;
		AdvValidLifetime $1;
		AdvPreferredLifetime $2;
	};
};
EOC
	# not nsq: $! must be radvd itself (nsenter execs it)
	nsenter --net=/run/netns/peer radvd -n -C "$conf" \
		-p "/run/ndpv6/radvd-$$.pid" -m stderr &
	RADVD_PID=$!
	E2E_PIDS+=("$RADVD_PID")
}

# mirror_setup VALID PREFERRED ROUTER_LIFETIME | none: the topology above;
# the peer forwards, runs no DAD, has 2001:db8:1::1/64 and, unless none,
# radvd (started before ndp0 comes up, so the core's first RS is answered
# at once); ndp0 up with its link-local address.
mirror_setup() {
	ns_add peer host
	nsq peer sysctl -qw net.ipv6.conf.default.accept_dad=0 \
		net.ipv6.conf.all.forwarding=1
	ip link add veth0 netns peer type veth peer name veth1 netns host
	nsq host sysctl -qw net.ipv6.conf.veth1.disable_ipv6=1
	ip -n host link set veth1 address "$MAC"
	ip -n peer link set veth0 up
	ip -n host link set veth1 up
	wait_until 10 no_tentative peer veth0
	ip -n peer addr add 2001:db8:1::1/64 dev veth0 nodad
	[ "$1" = none ] || radvd_start "$@"
	log "peer ready"
	ip -n host link add link veth1 name ndp0 type ndpv6
	ip -n host link set ndp0 up
	wait_until 10 ll_preferred
	log "ndp0 up, link-local address preferred in the core"
}

# addr_line: ndp0's line for $SLAAC in `ip -6 -o addr` (empty if none).
addr_line() {
	local line

	while IFS= read -r line; do
		[[ $line == *" $1/"* ]] && echo "$line"
	done < <(ip -n host -6 -o addr show dev ndp0)
	true
}

has_kaddr() {
	[ -n "$(addr_line "$1")" ]
}

no_kaddr() {
	[ -z "$(addr_line "$1")" ]
}

# has_route PATTERN: `ip -6 route show dev ndp0` has a line matching it.
has_route() {
	[[ $'\n'$(ip -n host -6 route show dev ndp0)$'\n' =~ $'\n'$1 ]]
}

no_route() {
	! has_route "$1"
}

# lifetimes LINE: "VALID PREFERRED" in seconds from an `ip -o addr` line.
lifetimes() {
	[[ $1 =~ valid_lft\ ([0-9]+)sec\ preferred_lft\ ([0-9]+)sec ]] ||
		return 1
	echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
}

# show_state: what the kernel and the core have, for a failure.
show_state() {
	run ip -n host -6 addr show dev ndp0 || true
	run ip -n host -6 route show dev ndp0 || true
	ctl addr show ndp0 || true
	ctl router show ndp0 || true
	ctl prefix show ndp0 || true
	grep -E 'RT_|USER_ADDRS|NOTES_' /sys/kernel/debug/ndpv6/devices || true
}
