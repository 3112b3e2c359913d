#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fault injection (failslab).  fail-nth: every slab allocation of `ip link
# add ... type ndpv6`, `ip link set ndp0 up` and each ndpv6 generic
# netlink request fails in turn (fail-nth.py); each must end in a clean
# error with the state before, or be absorbed with the state after, and
# the next try (the retry) must work.  The console check and the kmemleak
# scan after the e2e tests find crashes, splats and leaks.
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | veth0 52:54:00:ab:cd:ef |----| veth1 52:54:00:12:34:56      |
#    | fe80::5054:ff:feab:cdef |    |  ndp0 (type ndpv6 on veth1)  |
#    |                         |    |  fe80::5054:ff:fe12:3456/64  |
#    +-------------------------+    +------------------------------+
#
# timeout: 240
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

FAILSLAB=/sys/kernel/debug/failslab
FAILNTH=$E2E_DIR/fail-nth.py
if [ ! -d "$FAILSLAB" ] || [ ! -w /proc/self/fail-nth ]; then
	skip "no failslab (CONFIG_FAILSLAB, CONFIG_FAULT_INJECTION_DEBUG_FS)"
fi

# failslab is the whole kernel's: its settings are put back at exit.
FS_KNOBS=(probability interval times space verbose task-filter
	  ignore-gfp-wait cache-filter)
declare -A fs_saved
for k in "${FS_KNOBS[@]}"; do
	fs_saved[$k]=$(<"$FAILSLAB/$k")
done

# fs_set KNOB VALUE...: failslab settings.
fs_set() {
	while [ $# -ge 2 ]; do
		echo "$2" >"$FAILSLAB/$1"
		shift 2
	done
}

fs_restore() {
	local k

	echo 0 >"$FAILSLAB/probability"
	for k in "${FS_KNOBS[@]}"; do
		echo "${fs_saved[$k]}" >"$FAILSLAB/$k" || true
	done
}
trap 'fs_restore; e2e_cleanup' EXIT

# ---------------------------------------------------- 1. fail-nth, each request
#
# fail-nth counts only what failslab lets through: GFP_KERNEL allocations
# too (ignore-gfp-wait off); no probability, so nothing else fails.
fs_set verbose 0 probability 0 ignore-gfp-wait N cache-filter N
ndp0_link plain
run ip -n host link del ndp0
# The kernel says when sysfs or sysctl found no memory for ndp0, with a
# stack trace each, more than its 16 KiB log keeps: no check_kernel here,
# console_check.py reads the whole console after the run.
run nsq host python3 "$FAILNTH" "link-add veth1 ndp0"
# (no DAD: addresses at once)
run ctl params set ndp0 dad-transmits 0
run nsq host python3 "$FAILNTH" "link-up ndp0" \
	"router-add ndp0 fe80::1" "router-del ndp0 fe80::1" \
	"prefix-add ndp0 2001:db8:5::/64" "prefix-del ndp0 2001:db8:5::/64" \
	"addr-add ndp0 2001:db8:5::5/64" "addr-del ndp0 2001:db8:5::5/64" \
	"params-get ndp0" "stats-get ndp0" "addr-dump ndp0"
# ... and the tools work as before: ndpv6ctl, and ping through ndp0.
run ctl params set ndp0 dad-transmits 0 accept-ra on reply-echo on
wait_until 10 has_addr host ndp0 "$HOST_LL"
wait_until 10 no_tentative peer veth0
run nsq host ping -6 -c 1 -W 5 "$PEER_LL%ndp0"
