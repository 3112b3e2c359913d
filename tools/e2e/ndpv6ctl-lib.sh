# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for the ndpv6ctl end-to-end tests (tools/e2e/3*.sh), on top of
# lib.sh: the standard topology and ndpv6ctl itself.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | Linux IPv6        |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off: disable_ipv6=1)  |
#    | fe80::<eui64>/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          |  fe80::5054:ff:fe12:3456/64  |
#                                   +------------------------------+

# shellcheck source=tools/e2e/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

E2E_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NDPV6CTL=${NDPV6CTL:-$E2E_REPO/build/ndpv6ctl/ndpv6ctl}
MAC=52:54:00:12:34:56
LL=fe80::5054:ff:fe12:3456	# modified EUI-64 of $MAC
E2E_PIDS=()

[ -x "$NDPV6CTL" ] || fail "$NDPV6CTL is missing: make ndpv6ctl"

# Background processes (radvd, monitor) die before the namespaces.
ctl_cleanup() {
	local pid

	for pid in "${E2E_PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	E2E_PIDS=()
	e2e_cleanup
}
trap ctl_cleanup EXIT

# ctl ARGS...: ndpv6ctl in the host namespace (one process: -n).
ctl() {
	"$NDPV6CTL" -n host "$@"
}

# expect CODE PATTERN CMD...: CMD exits with CODE and its stderr matches
# the extended regular expression PATTERN.  (Builtins only but for CMD:
# a process costs much in UML, and the tests call this often.)
expect() {
	local code=$1 pattern=$2 rc=0 err line

	shift 2
	echo "+ $* (expect exit $code, /$pattern/)"
	err=$("$@" 2>&1 >/dev/null) || rc=$?
	[ -z "$err" ] || while IFS= read -r line; do
		echo "  stderr: $line"
	done <<<"$err"
	[ "$rc" = "$code" ] || fail "exit status $rc, expected $code: $*"
	[[ $err =~ $pattern ]] || fail "stderr does not match /$pattern/: $*"
}

# ll_preferred: the core's link-local address passed DAD.
ll_preferred() {
	[[ $(ctl addr show ndp0) == *"inet6 $LL/64 scope link proto linklocal preferred "* ]]
}

# setup_ndp0: the topology above, ndp0 up with its link-local address.
setup_ndp0() {
	ns_add peer host
	ip link add veth0 netns peer type veth peer name veth1 netns host
	nsq host sysctl -qw net.ipv6.conf.veth1.disable_ipv6=1
	ip -n host link set veth1 address "$MAC"
	ip -n peer link set veth0 up
	ip -n host link set veth1 up
	ip -n host link add link veth1 name ndp0 type ndpv6
	ip -n host link set ndp0 up
	wait_until 10 ll_preferred
}

# bg CMD...: run CMD in the background, killed at exit (CMD may be nsq NS
# CMD...: then it is started with nsq_bg, so that the kill reaches it).
bg() {
	if [ "$1" = nsq ]; then
		shift
		nsq_bg "$@"
	else
		"$@" &
	fi
	E2E_PIDS+=("$!")
}

# monitor_ready PID: the `ndpv6ctl monitor` of process PID has joined the
# events group, so that no event from now on can pass it by: its generic
# netlink socket (portid PID, in PID's namespace) lists a group in
# /proc/PID/net/netlink.  (That column shows group ids below 32; genetlink
# gives a family the lowest free ones, a handful here.)
monitor_ready() {
	local eth portid groups rest

	while read -r _ eth portid groups rest; do
		[ "$eth" = 16 ] && [ "$portid" = "$1" ] &&
			[ "$groups" != 00000000 ] && return 0
	done <"/proc/$1/net/netlink"
	return 1
}

# has TEXT PATTERN...: TEXT matches every extended regular expression
# (bash's own: no process per check).
has() {
	local text=$1 p

	shift
	for p in "$@"; do
		[[ $text =~ $p ]] || { echo "no /$p/ in: $text" >&2; return 1; }
	done
}
