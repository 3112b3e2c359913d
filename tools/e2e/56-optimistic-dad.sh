#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# RFC 4429 Optimistic DAD for SLAAC addresses, on by default.  With DAD
# made long (8 transmits: 8 s), the SLAAC address from radvd's prefix is
# usable at once: the core shows it optimistic, the kernel has it
# deprecated (preferred_lft 0, so that it prefers other sources while DAD
# runs) and the peer's ping to it is answered.  When DAD passes it is
# preferred in both views, with its lifetimes.  With `optimistic-dad off`
# (after a down/up, so that the address is made again) the address is
# tentative, absent from the kernel, until DAD passes.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | radvd, forwarding |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    | RA 2001:db8:1::/64|          |  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          |  2001:db8:1::5054:ff:fe12:3456
#                                   +------------------------------+
#
# timeout: 150
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

# core_has STATE: the core lists the SLAAC address in STATE.
core_has() {
	[[ $(ctl addr show ndp0) == *"inet6 $SLAAC/64 scope global proto slaac $1 "* ]]
}

ndp0_link router
radvd_start 600 300 30
run ctl params set ndp0 dad-transmits 8
run ip -n host link set ndp0 up
wait_state 20 "no optimistic SLAAC address" core_has optimistic
log "the SLAAC address is optimistic in the core"
wait_state 5 "the optimistic address is not in the kernel" has_kaddr "$SLAAC"
line=$(addr_line "$SLAAC")
echo "$line"
[[ $line == *" deprecated "* ]] ||
	fail "the kernel does not have the optimistic address deprecated"
run nsx peer ping -c 1 -W 3 "$SLAAC" ||
	fail "the optimistic address does not answer"
core_has optimistic ||
	fail "DAD ended before the ping: the check proves nothing"
log "the peer's ping to the optimistic address was answered"
[ "$(ethstat host ndp0 ADDR_OPTIMISTIC)" = 1 ] ||
	fail "ADDR_OPTIMISTIC is not 1"

wait_state 20 "DAD did not pass" core_has preferred
wait_state 5 "the kernel still has it deprecated" kaddr_preferred "$SLAAC"
read -r valid preferred < <(lifetimes "$(addr_line "$SLAAC")")
log "preferred after DAD: kernel valid_lft $valid, preferred_lft $preferred"
((preferred > 200 && valid > 500)) ||
	fail "the kernel's lifetimes $valid/$preferred, not the RA's"

log "optimistic-dad off: the next SLAAC address waits for DAD"
run ctl params set ndp0 optimistic-dad off
has "$(ctl -j params show ndp0)" '"optimistic_dad":0,'
run ip -n host link set ndp0 down
run ip -n host link set ndp0 up
wait_state 20 "no tentative SLAAC address" core_has tentative
no_kaddr "$SLAAC" || fail "a tentative address is in the kernel"
wait_state 25 "DAD did not pass" core_has preferred
wait_state 5 "the address did not reach the kernel" has_kaddr "$SLAAC"
log "tentative, then preferred and in the kernel"
