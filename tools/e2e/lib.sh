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
#  - Output goes to stdout/stderr; the runner shows it as KTAP diagnostics.
set -euo pipefail

E2E_NAMESPACES=()

# Print what is about to run, then run it.
run() {
	echo "+ $*"
	"$@"
}

log() {
	echo "# $*"
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
}
trap e2e_cleanup EXIT

# wait_until SECONDS CMD...: poll CMD every 0.1 s until it succeeds; fail
# the test with a message when SECONDS pass first.
wait_until() {
	local limit=$1 deadline

	shift
	deadline=$(( $(date +%s%N) + limit * 1000000000 ))
	until "$@" >/dev/null 2>&1; do
		if [ "$(date +%s%N)" -ge "$deadline" ]; then
			fail "timed out after ${limit}s waiting for: $*"
		fi
		sleep 0.1
	done
}

# veth_pair NS_A DEV_A NS_B DEV_B: a veth pair between two namespaces, up.
veth_pair() {
	ip link add "$2" netns "$1" type veth peer name "$4" netns "$3"
	ip -n "$1" link set "$2" up
	ip -n "$3" link set "$4" up
}

# ll_addr NS DEV: the link-local address of DEV (empty while there is none).
ll_addr() {
	ip -n "$1" -6 -o addr show dev "$2" scope link |
		awk '{ split($4, a, "/"); print a[1]; exit }'
}

# no_tentative NS DEV: true once DAD has finished on every address of DEV.
no_tentative() {
	[ -n "$(ll_addr "$1" "$2")" ] &&
		[ -z "$(ip -n "$1" -6 -o addr show dev "$2" tentative)" ]
}
