# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for the ndp0 datapath tests (tools/e2e/2*.sh), on top of lib.sh:
# the two-namespace topology below, `ethtool -S ndp0` snapshots and diffs,
# the device's own statistics, and the frame generator ndp-frames.py.
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | Linux IPv6, quiet: no   |    | veth1 52:54:00:12:34:56      |
#    | RS, no DAD              |    |  (IPv6 off: disable_ipv6=1)  |
#    | veth0 52:54:00:ab:cd:ef |----|  ndp0 (type ndpv6 on veth1)  |
#    | fe80::5054:ff:feab:cdef |    |  fe80::5054:ff:fe12:3456/64  |
#    +-------------------------+    +------------------------------+

# shellcheck source=tools/e2e/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck disable=SC2034	# for the tests
FRAMES=$E2E_DIR/ndp-frames.py
HOST_MAC=52:54:00:12:34:56
HOST_LL=fe80::5054:ff:fe12:3456		# modified EUI-64 of $HOST_MAC
PEER_MAC=52:54:00:ab:cd:ef
PEER_LL=fe80::5054:ff:feab:cdef		# modified EUI-64 of $PEER_MAC
E2E_PIDS=()
# A process in each namespace, for its /proc/PID/net files.
declare -A E2E_HOLDER
# Background processes die before the namespaces.
ndp0_cleanup() {
	local pid

	for pid in "${E2E_PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	E2E_PIDS=()
	e2e_cleanup
}
trap ndp0_cleanup EXIT

# has_addr NS DEV ADDR: ADDR/64 on DEV, not tentative.  From the
# holder's /proc/PID/net/if_inet6 ("ADDR IFINDEX PLEN SCOPE FLAGS DEV",
# IFA_F_TENTATIVE 0x40) once NS has one: no process per look.
has_addr() {
	local out hex addr plen flags dev

	if [ -z "${E2E_HOLDER[$1]:-}" ]; then
		out=$(ip -n "$1" -6 -o addr show dev "$2")
		[[ "$out" == *" $3/64 "* && "$out" != *tentative* ]]
		return
	fi
	hex=$(ip6_hex "$3")
	while read -r addr _ plen _ flags dev; do
		[ "$addr" = "$hex" ] && [ "$dev" = "$2" ] &&
			[ "$plen" = 40 ] && (( (0x$flags & 0x40) == 0 )) &&
			return 0
	done <"/proc/${E2E_HOLDER[$1]}/net/if_inet6"
	return 1
}

# ndp0_topology: the namespaces and devices drawn above, ndp0 up with its
# link-local address (3 s at most), the peer's link-local address usable.
# The peer sends no RS and runs no DAD, so the link is quiet once its MLD
# reports are out.
ndp0_topology() {
	local ns

	ns_add peer host
	for ns in peer host; do
		# not nsq: $! must be the process inside the namespace
		nsenter --net=/run/netns/$ns sleep 3600 &
		E2E_HOLDER[$ns]=$!
		E2E_PIDS+=("$!")
		wait_until 5 in_ns "$!" "$ns"
	done
	nsq peer sysctl -qw net.ipv6.conf.default.router_solicitations=0 \
		net.ipv6.conf.default.accept_dad=0 \
		net.ipv6.conf.default.accept_ra=0
	ip link add veth0 netns peer address "$PEER_MAC" type veth \
		peer name veth1 netns host address "$HOST_MAC"
	nsq host sysctl -qw net.ipv6.conf.veth1.disable_ipv6=1
	ip -n peer link set veth0 up
	ip -n host link set veth1 up
	run ip -n host link add link veth1 name ndp0 type ndpv6
	run ip -n host link set ndp0 up
	wait_until 3 has_addr host ndp0 "$HOST_LL"
	wait_until 5 has_addr peer veth0 "$PEER_LL"
}

# ethstats NS DEV ARRAY: `ethtool -S DEV` in namespace NS into the
# associative array ARRAY (name -> value); fails when the dump is empty.
ethstats() {
	local -n _stats=$3
	local line

	_stats=()
	while IFS= read -r line; do
		[[ "$line" =~ ^\ +([A-Za-z0-9_]+):\ ([0-9]+)$ ]] || continue
		_stats["${BASH_REMATCH[1]}"]=${BASH_REMATCH[2]}
	done < <(nsq "$1" ethtool -S "$2")
	[ ${#_stats[@]} -gt 0 ] || fail "ethtool -S $2 shows nothing"
}

# ethstat NS DEV NAME: one counter of `ethtool -S DEV`.
ethstat() {
	local -A _one

	ethstats "$1" "$2" _one
	[ -n "${_one[$3]+set}" ] || fail "ethtool -S $2 has no $3"
	echo "${_one[$3]}"
}

# stats_diff A B: every counter that differs between the snapshots (the
# associative arrays A and B), "NAME before -> after", sorted by name.
stats_diff() {
	local -n _a=$1 _b=$2
	local k

	for k in "${!_b[@]}"; do
		[ "${_a[$k]:-missing}" = "${_b[$k]}" ] ||
			echo "$k ${_a[$k]:-missing} -> ${_b[$k]}"
	done | sort
}

# devstats NS DEV ARRAY: DEV's own statistics (the kernel's
# rtnl_link_stats64 of the device, what `ip -s link` shows) into ARRAY:
# rx_bytes, rx_packets, rx_errors, rx_dropped, tx_bytes, tx_packets,
# tx_errors, tx_dropped.  Read from /proc/PID/net/dev of the namespace's
# holder process: no process is started.
devstats() {
	local -n _dev=$3
	local name rest f

	_dev=()
	while read -r name rest; do
		[ "$name" = "$2:" ] || continue
		read -r -a f <<<"$rest"
		_dev=([rx_bytes]=${f[0]} [rx_packets]=${f[1]}
		      [rx_errors]=${f[2]} [rx_dropped]=${f[3]}
		      [tx_bytes]=${f[8]} [tx_packets]=${f[9]}
		      [tx_errors]=${f[10]} [tx_dropped]=${f[11]})
	done <"/proc/${E2E_HOLDER[$1]}/net/dev"
	[ ${#_dev[@]} -eq 8 ] || fail "$2 is not in $1's /proc/net/dev"
}

# snmp6 NS NAME: a counter of NS's IPv6 stack (/proc/net/snmp6).
snmp6() {
	local name val

	while read -r name val; do
		[ "$name" = "$2" ] && { echo "$val"; return; }
	done <"/proc/${E2E_HOLDER[$1]}/net/snmp6"
	fail "no $2 in $1's /proc/net/snmp6"
}

# indent TEXT: TEXT with every line indented by four spaces.
indent() {
	[ -n "$1" ] && echo "    ${1//$'\n'/$'\n'    }"
	true
}

# ping_counts OUTPUT: "TRANSMITTED RECEIVED" from ping's summary line.
ping_counts() {
	[[ "$1" =~ ([0-9]+)\ packets\ transmitted,\ ([0-9]+)\ received ]] ||
		return 1
	echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
}
