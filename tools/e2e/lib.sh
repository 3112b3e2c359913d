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

# Print what is about to run, then run it.
run() {
	echo "+ $*"
	"$@"
}

log() {
	echo "# $*"
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

e2e_cleanup() {
	local ns

	for ns in "${E2E_NAMESPACES[@]}"; do
		ip netns del "$ns" 2>/dev/null || true
	done
	E2E_NAMESPACES=()
# A pipe nobody writes to: `read -t` on it is a sleep without a process.
exec {E2E_NAP_FD}<> <(:)
}
trap e2e_cleanup EXIT

# wait_until SECONDS CMD...: poll CMD every 0.1 s until it succeeds; fail
# the test with a message when SECONDS pass first.
wait_until() {
	local limit=$1 deadline

	shift
	deadline=$(( ${EPOCHREALTIME/./} + limit * 1000000 ))
	until "$@" >/dev/null 2>&1; do
		if [ "${EPOCHREALTIME/./}" -ge "$deadline" ]; then
			fail "timed out after ${limit}s waiting for: $*"
		fi
		nap 0.1
	done
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

# no_tentative NS DEV: true once DEV has a link-local address and DAD has
# finished on all of its addresses.
no_tentative() {
	local out

	out=$(ip -n "$1" -6 -o addr show dev "$2")
	[[ "$out" == *"scope link"* && "$out" != *tentative* ]]
}
