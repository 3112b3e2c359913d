#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# RFC 7217 stable-privacy addresses: with `params set ndp0 addr-gen-mode
# stable-privacy stable-secret S` before ndp0 comes up, its link-local and
# SLAAC addresses are exactly what stable-iid.py computes on its own
# (SipHash-2-4 of prefix, MAC and DAD_Counter under S), the same after
# down/up, not the MAC's EUI-64; the secret is never read back.  When the
# peer already has the SLAAC address, DAD fails and the next identifier
# (DAD_Counter 1) takes its place, with IP operation still on.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | radvd, forwarding |          | veth1 (IPv6 off)             |
#    | veth0             |----------|  ndp0, stable-privacy:       |
#    | 2001:db8:1::1/64  |          |  fe80::<F(fe80::, MAC, 0)>   |
#    |                   |          |  2001:db8:1::<F(.., 0 or 1)> |
#    +-------------------+          +------------------------------+
#
# timeout: 90
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

SECRET=00112233445566778899aabbccddeeff
iid() {
	python3 "$E2E_DIR/stable-iid.py" "$1" "$HOST_MAC" "$SECRET" "${2:-0}"
}
ll=$(iid fe80::)
slaac0=$(iid 2001:db8:1::)
slaac1=$(iid 2001:db8:1:: 1)
log "expected: $ll, $slaac0 (DAD_Counter 1: $slaac1)"

ndp0_link router
run ctl params set ndp0 addr-gen-mode stable-privacy stable-secret "$SECRET"
out=$(ctl params show ndp0)
echo "$out"
has "$out" "addr_gen_mode +stable-privacy"
[[ $out != *ecret* ]] || fail "params show reads the secret back"
radvd_start 600 300 30
run ip -n host link set ndp0 up
wait_state 10 "no stable link-local address $ll" has_addr host ndp0 "$ll"
wait_state 20 "no stable SLAAC address $slaac0" has_kaddr "$slaac0"
no_kaddr "$SLAAC" || fail "the EUI-64 SLAAC address $SLAAC is there too"
[[ $(ip -n host -6 -o addr show dev ndp0) != *"$HOST_LL/"* ]] ||
	fail "the EUI-64 link-local address $HOST_LL is there too"
run nsq peer ping -6 -c 2 -i 0.3 -W 2 "$slaac0"
log "link-local and SLAAC addresses are RFC 7217's, byte for byte"

ndp0_bounce_stable() {
	run ip -n host link set ndp0 down
	run ip -n host link set ndp0 up
	wait_state 10 "no $ll after down/up" has_addr host ndp0 "$ll"
}
ndp0_bounce_stable
wait_state 20 "no $slaac0 after down/up" has_kaddr "$slaac0"
log "the same addresses after down/up"

# The peer takes the SLAAC address first: ndp0's DAD for it fails.
run ip -n host link del ndp0
run ip -n peer addr add "$slaac0/64" dev veth0 nodad
run ip -n host link add link veth1 name ndp0 type ndpv6
run ctl params set ndp0 addr-gen-mode stable-privacy stable-secret "$SECRET"
run ip -n host link set ndp0 up
wait_state 30 "no next identifier $slaac1 after the duplicate" \
	has_kaddr "$slaac1"
no_kaddr "$slaac0" || fail "the duplicate $slaac0 is in the kernel"
out=$(ctl params show ndp0)
has "$out" "ip_disabled +no"
[ "$(ndp_stat ndp0 core IDGEN_RETRY)" = 1 ] ||
	fail "IDGEN_RETRY $(ndp_stat ndp0 core IDGEN_RETRY), not 1"
[ "$(ndp_stat ndp0 core DAD_FAILED)" = 1 ] ||
	fail "DAD_FAILED $(ndp_stat ndp0 core DAD_FAILED), not 1"
run nsq peer ping -6 -c 2 -i 0.3 -W 2 "$slaac1"
log "a duplicate stable address made way for the next one; IP still on"
