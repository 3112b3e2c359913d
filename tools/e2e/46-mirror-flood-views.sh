#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# After a flood of Router Advertisements that fills the core's tables, the
# kernel's view of ndp0 and the core's agree, and an address the core
# cannot take does not stay in the kernel.
#
# The peer sends 40 RAs from made-up routers (fe80::1:1 .. fe80::1:28),
# each with 4 SLAAC prefixes: 160 prefixes for a core with the default
# capacities (16 addresses, 16 routers, 64 prefixes).  Then:
#  - the kernel shows exactly the core's addresses (global ones), on-link
#    prefixes (the /64 routes on ndp0) and default routers (the default
#    routes via ndp0), and GLUE_RT_ERROR did not move;
#  - `ip -6 addr add 2001:db8:ff::77/64 dev ndp0` succeeds (the kernel
#    takes it at once) but the core's address table is full: the address
#    leaves the kernel again within a few seconds, with a kernel log line
#    naming it and why, the event ADDR_REFUSED (ndpv6ctl monitor prints
#    it) and the counter GLUE_ADDR_REFUSED; the views still agree.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | 40 routers' RAs   |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          |  + ip -6 addr add (refused)  |
#                                   +------------------------------+
#
# timeout: 120
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

USER_ADDR=2001:db8:ff::77

# a, b and c are filled through namerefs
# shellcheck disable=SC2034
declare -A a b c

ndp0_setup plain
run ctl params set ndp0 dad-transmits 0
ip -n host link set ndp0 down
ip -n host link set ndp0 up
wait_until 10 ll_preferred
ethstats host ndp0 a

run nsq peer python3 "$FRAMES" ras veth0 40 4

# The core's view: "ADDR" lines of its global addresses, "R GW" of its
# default routers, "P PREFIX/LEN" of its on-link prefixes, sorted.
core_view() {
	local line

	while IFS= read -r line; do
		[[ $line =~ (TENTATIVE|DUPLICATE) ]] && continue
		[[ $line =~ inet6\ (2001:[0-9a-f:]+)/ ]] &&
			echo "A ${BASH_REMATCH[1]}"
	done < <(ctl addr show ndp0)
	while IFS= read -r line; do
		[[ $line =~ ^default\ via\ (fe80::[0-9a-f:]+)\  ]] &&
			echo "R ${BASH_REMATCH[1]}"
	done < <(ctl router show ndp0)
	while IFS= read -r line; do
		[[ $line =~ ^(2001:[0-9a-f:]+/[0-9]+)\ .*\ onlink ]] &&
			echo "P ${BASH_REMATCH[1]}"
	done < <(ctl prefix show ndp0)
} 2>&1

# The kernel's view, in the same form.
kernel_view() {
	local line

	while IFS= read -r line; do
		[[ $line =~ inet6\ (2001:[0-9a-f:]+)/ ]] &&
			echo "A ${BASH_REMATCH[1]}"
	done < <(ip -n host -6 -o addr show dev ndp0 scope global)
	# Default routes of one metric make one multipath route, a
	# "nexthop via" line per router (and `route show dev` omits it).
	while IFS= read -r line; do
		[[ $line =~ ^(default|[[:space:]]+nexthop)\ via\ (fe80::[0-9a-f:]+)\ dev\ ndp0\  ]] &&
			echo "R ${BASH_REMATCH[2]}"
		[[ $line =~ ^(2001:[0-9a-f:]+/[0-9]+)\ dev\ ndp0\ proto\ ra ]] &&
			echo "P ${BASH_REMATCH[1]}"
	done < <(ip -n host -6 route show)
}

views_agree() {
	[ "$(core_view | sort)" = "$(kernel_view | sort)" ]
}

show_views() {
	diff <(core_view | sort) <(kernel_view | sort) |
		sed 's/^</core only:/; s/^>/kernel only:/' | grep only || true
}

if ! poll_until 30 views_agree; then
	indent "$(show_views)"
	indent "$(ip -n host -6 route show | grep -v '^2001')"
	fail "after the flood the kernel's view is not the core's"
fi
view=$(core_view)
log "after the flood: $(grep -c '^A' <<<"$view") addresses," \
    "$(grep -c '^R' <<<"$view") routers, $(grep -c '^P' <<<"$view")" \
    "on-link prefixes, in the core and the kernel alike"
ethstats host ndp0 b
[ "$(moved a b GLUE_RT_ERROR)" = 0 ] ||
	fail "GLUE_RT_ERROR moved by $(moved a b GLUE_RT_ERROR)"
[ "$(moved a b ADDR_TABLE_FULL)" -gt 0 ] ||
	fail "the flood did not fill the address table (ADDR_TABLE_FULL 0)"

mon=$(mktemp)
bg "$NDPV6CTL" -n host monitor ndp0 >"$mon"
wait_until 10 monitor_ready "$!"
run ip -n host -6 addr add "$USER_ADDR/64" dev ndp0
if ! poll_until 10 no_kaddr "$USER_ADDR"; then
	indent "$(addr_line "$USER_ADDR")"
	fail "$USER_ADDR, which the core could not take, stays in the kernel"
fi
ethstats host ndp0 c
[ "$(moved b c GLUE_ADDR_REFUSED)" = 1 ] ||
	fail "GLUE_ADDR_REFUSED moved by $(moved b c GLUE_ADDR_REFUSED), not 1"
line=$(dmesg | grep "ndp0: $USER_ADDR/64" | tail -n 1)
[[ $line == *"refused by the core"* ]] ||
	fail "no kernel log line for $USER_ADDR: ${line:-none}"
log "kernel log: ${line#*] }"
want="[ndp0] addr-refused $USER_ADDR/64 error No space left on device"
wait_until 5 grep -qxF "$want" "$mon"
log "ndpv6ctl monitor: $want"
if ! poll_until 10 views_agree; then
	indent "$(show_views)"
	fail "after the refusal the kernel's view is not the core's"
fi
show_moved "ethtool -S ndp0, what moved (flood, refusal):" a c
