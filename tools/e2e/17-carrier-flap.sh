#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A carrier flap the kernel reports as one change.  The link watch
# batches carrier events of a device whose own ifindex is its iflink (a
# dummy here; a physical NIC too): after it has run, the next ones wait
# up to a second, so a carrier lost and back within it reaches the
# notifier as one NETDEV_CHANGE with the carrier on, as if nothing had
# happened.  Only the lower's carrier-up count tells it was lost: ndp0
# must see a re-attachment (the core's LINK_DOWN, LINK_UP; DAD again,
# RFC 4862 5.4).
#
# The batch: d1's carrier (no ndp0 on it) goes off first, so that the
# link watch runs and starts its second; d0's carrier then goes off and on
# within that second, in the same `ip -batch`.
#
#        ns "host"
#    +----------------------------------------+
#    | d0 (dummy) 52:54:00:12:34:56           |
#    |  ndp0 (type ndpv6 on d0)               |
#    | d1 (dummy): primes the link watch      |
#    +----------------------------------------+
#
# timeout: 60
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

# dummy_driver: the dummy driver loaded (stock kernels: modprobe; the UML
# test kernel builds it as a module in its build tree, NDPV6_KBUILD).
dummy_driver() {
	[ -d /sys/module/dummy ] && return
	modprobe dummy numdummies=0 2>/dev/null && return
	[ -n "${NDPV6_KBUILD:-}" ] &&
		insmod "$NDPV6_KBUILD/drivers/net/dummy.ko" numdummies=0 \
			2>/dev/null && return
	skip "no dummy network driver in this kernel"
}

ups() {
	nsx host cat /sys/class/net/d0/carrier_up_count
}

dummy_driver
ns_add host
holder host
run ip -n host link add d0 address "$HOST_MAC" type dummy
run ip -n host link add d1 type dummy
run nsq host sysctl -qw net.ipv6.conf.d0.disable_ipv6=1
run ip -n host link set d0 up
run ip -n host link set d1 up
run ip -n host link add link d0 name ndp0 type ndpv6
ndp0_up host

declare -A before after
ethstats host ndp0 before
ups0=$(ups)
log "d0's carrier off and on within one batch of the link watch"
printf '%s\n' 'link set d1 carrier off' 'link set d0 carrier off' \
	'link set d0 carrier on' | run ip -n host -batch -
# the batch's second is over by then
nap 2
ethstats host ndp0 after
log "carrier_up_count of d0: $ups0 -> $(ups); the core's counters that moved:"
indent "$(stats_diff before after)"
[ "$(ups)" -gt "$ups0" ] || fail "d0 did not lose its carrier"
for c in LINK_DOWN LINK_UP; do
	[ "${after[$c]}" -gt "${before[$c]}" ] ||
		fail "the core missed the flap ($c ${before[$c]} -> ${after[$c]})"
done
# no neighbour here: every NS is DAD's
[ "${after[GLUE_TX_CORE_NS]}" -gt "${before[GLUE_TX_CORE_NS]}" ] ||
	fail "no DAD after the flap"
wait_until 10 ll_preferred
log "the core saw a re-attachment; ndp0's link-local address is preferred again"
