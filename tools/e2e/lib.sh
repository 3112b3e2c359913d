# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Shared helpers for the end-to-end tests in tools/e2e/.
#
# Conventions for a test, tools/e2e/NN-name.sh:
#  - It opens with a comment that draws its topology, e.g.
#
#        ns "a"                        ns "b"
#    +-----------+                +-----------+
#    |  veth0    |----------------|  veth1    |
#    | fe80::... |                | fe80::... |
#    +-----------+                +-----------+
#
#  - It sources this file, builds its namespaces with ns_add (they are
#    deleted on exit, pass or fail) and exits 0 to pass, 77 to skip (skip),
#    anything else to fail (fail, or any command failing under set -e).
#  - A line "# timeout: SECONDS" in its header overrides the default
#    per-test timeout of the runner (60 s).
#  - It runs as root inside the UML test kernel (tools/harness/uml-init.sh),
#    or a stock Debian kernel under QEMU (tools/harness/qemu-init.sh: the
#    root is read-only there, /run, /tmp, /var/tmp and /root are tmpfs),
#    with the module loaded; it must not wait out protocol defaults: shorten
#    timers through sysctls, radvd and ND parameters instead.
#  - Every process started in UML is slow (about 50 ms idle, up to a second
#    on a loaded machine): prefer bash builtins to dirname, sed, awk, sleep;
#    the helpers below do.
#  - Output goes to stdout/stderr; the runner shows it as KTAP diagnostics.
set -euo pipefail

E2E_NAMESPACES=()
# A pipe nobody writes to: `read -t` on it is a sleep without a process.
exec {E2E_NAP_FD}<> <(:)
E2E_T0=${EPOCHREALTIME/./}

# Profiling: with NDPV6_E2E_TRACE=DIR in the environment (`make check
# E2E_TRACE=1` puts it on UML's command line), every command the test runs
# goes to DIR/NAME.trace with its wall-clock time, for finding where the
# seconds go (the trace itself slows the test a little).
if [ -n "${NDPV6_E2E_TRACE:-}" ] && [ -d "$NDPV6_E2E_TRACE" ]; then
	exec {BASH_XTRACEFD}>>"$NDPV6_E2E_TRACE/${0##*/}.trace"
	PS4='+ ${EPOCHREALTIME} ${BASH_SOURCE[0]##*/}:${LINENO}: '
	set -x
fi

# e2e_elapsed: "[S.D s]", the time since the test started: UML is slow on
# a loaded machine, and the times in the log show where a test spends it.
# (E2E_ELAPSED= the same without a subshell.)
e2e_elapsed() {
	local us=$(( ${EPOCHREALTIME/./} - E2E_T0 ))

	printf -v E2E_ELAPSED '[%d.%d s]' $((us / 1000000)) \
		$((us / 100000 % 10))
}

# Print what is about to run, with the time, then run it.
run() {
	e2e_elapsed
	echo "+ $E2E_ELAPSED $*"
	"$@"
}

log() {
	e2e_elapsed
	echo "# $E2E_ELAPSED $*"
}

# nap SECONDS: sleep (fractions allowed) without starting a process.
nap() {
	read -r -t "$1" -u "$E2E_NAP_FD" _ || true
}

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "SKIP: $*"
	exit 77
}

# ns_add NAME...: create network namespaces with lo up; deleted on exit.
ns_add() {
	local ns

	for ns in "$@"; do
		ip netns add "$ns"
		E2E_NAMESPACES+=("$ns")
		ip -n "$ns" link set lo up
	done
}

# Run a command inside namespace NS: nsx NS CMD...
nsx() {
	local ns=$1

	shift
	ip netns exec "$ns" "$@"
}

# nsq NS CMD...: CMD in namespace NS's network only (nsenter --net: one
# setns, no mount namespace; /sys stays the init namespace's, so only for
# commands that do not read /sys: ping, sysctl, ethtool, python3 on
# sockets, tcpdump, radvd, /proc/net files).  It costs the same as nsx:
# measured in UML, 310-380 ms either way, two execs (an exec is ~110 ms,
# the mounts of `ip netns exec` are not what costs).  What it is for:
# nsq_bg below.
nsq() {
	local ns=$1

	shift
	nsenter --net="/run/netns/$ns" "$@"
}

# in_ns PID NS: process PID is in namespace NS (nsenter has done its
# setns): its /proc/PID/net files are NS's.
in_ns() {
	[ "/proc/$1/ns/net" -ef "/run/netns/$2" ]
}

# nsq_bg NS CMD...: nsq in the background, with $! the command itself.
# (`nsq NS CMD &` would make $! a subshell running the function: killing
# it leaves CMD running, flooding or holding NS after the test.)
nsq_bg() {
	local ns=$1

	shift
	nsenter --net="/run/netns/$ns" "$@" &
}

e2e_cleanup() {
	local ns

	for ns in "${E2E_NAMESPACES[@]}"; do
		ip netns del "$ns" 2>/dev/null || true
	done
	E2E_NAMESPACES=()
}
trap e2e_cleanup EXIT

# poll_until SECONDS CMD...: poll CMD every 0.1 s until it succeeds (0);
# 1 when SECONDS pass first.
poll_until() {
	local limit=$1 deadline

	shift
	deadline=$(( ${EPOCHREALTIME/./} + limit * 1000000 ))
	until "$@" >/dev/null 2>&1; do
		[ "${EPOCHREALTIME/./}" -lt "$deadline" ] || return 1
		nap 0.1
	done
}

# wait_until SECONDS CMD...: poll CMD every 0.1 s until it succeeds; fail
# the test with a message when SECONDS pass first.  Wait on the very
# condition the next assertion needs, not on another one that usually
# comes with it: the core's timers, the mirror's work and namespace
# cleanup run on their own time, later on a loaded machine.
wait_until() {
	local limit=$1

	shift
	poll_until "$limit" "$@" ||
		fail "timed out after ${limit}s waiting for: $*"
}

# veth_pair NS_A DEV_A NS_B DEV_B: a veth pair between two namespaces, up.
veth_pair() {
	ip link add "$2" netns "$1" up type veth peer name "$4" netns "$3"
	ip -n "$3" link set "$4" up
}

# ll_addr NS DEV: the link-local address of DEV (empty while there is none).
ll_addr() {
	local out

	out=$(ip -n "$1" -6 -o addr show dev "$2" scope link)
	[[ "$out" =~ inet6\ ([0-9a-f:]+)/ ]] && echo "${BASH_REMATCH[1]}"
	true
}

# ip6_hex ADDR: ADDR as the 32 hex digits of /proc/net/if_inet6 (builtins).
ip6_hex() {
	local a=${1,,} g out='' n
	local -a hd=() tl=()

	if [[ $a == *::* ]]; then
		IFS=: read -r -a hd <<<"${a%%::*}"
		IFS=: read -r -a tl <<<"${a#*::}"
	else
		IFS=: read -r -a hd <<<"$a"
	fi
	for g in "${hd[@]}"; do
		printf -v g '%04x' "0x$g"
		out+=$g
	done
	for ((n = ${#hd[@]} + ${#tl[@]}; n < 8; n++)); do
		out+=0000
	done
	for g in "${tl[@]}"; do
		printf -v g '%04x' "0x$g"
		out+=$g
	done
	echo "$out"
}

# no_tentative NS DEV: true once DEV has a link-local address and DAD has
# finished on all of its addresses.
no_tentative() {
	local out

	out=$(ip -n "$1" -6 -o addr show dev "$2")
	[[ "$out" == *"scope link"* && "$out" != *tentative* ]]
}
