#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ndp0 follows its lower device: carrier (the peer's end going down takes
# veth1's carrier, and ndp0's, away), MTU (lowered with the lower, never
# above it), offloads (ndp0 has what veth1 has: scatter-gather, checksum,
# TSO; turning SG off on veth1 turns it off on ndp0, and TCP's large
# packets cross ndp0 whole both ways: GSO-sized on xmit, as veth delivers
# them on receive, neither segmented nor linearised), and the MAC address:
# a new MAC re-creates the core, so ndp0's link-local address changes and
# the old one leaves the kernel.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | Linux IPv6        |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|   -> 52:54:00:aa:bb:cc       |
#    |                   |          |  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          +------------------------------+
#
# timeout: 150
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

mtu() {
	ip -n "$1" -o link show dev "$2" | sed 's/.* mtu \([0-9]*\) .*/\1/'
}

mtu_is() {
	[ "$(mtu "$1" "$2")" = "$3" ]
}

# feature DEV NAME: on or off, from ethtool -k.
feature() {
	nsx host ethtool -k "$1" | awk -v f="$2:" '$1 == f { print $2 }'
}

ndp0_setup plain

log "carrier follows the lower"
wait_until 10 lower_up host ndp0
run ip -n peer link set veth0 down
wait_until 10 lower_down host ndp0
run ip -n host link show ndp0
run ip -n peer link set veth0 up
wait_until 10 lower_up host ndp0
run ip -n host link show ndp0

log "MTU: never above the lower's"
run ip -n host link set veth1 mtu 1400
wait_until 10 mtu_is host ndp0 1400
if ip -n host link set ndp0 mtu 1500 2>/dev/null; then
	fail "ndp0's MTU went above its lower's"
fi
run ip -n host link set veth1 mtu 1500
run ip -n host link set ndp0 mtu 1500
[ "$(mtu host ndp0)" = 1500 ] || fail "ndp0's MTU not back to 1500"

log "offloads follow the lower"
for f in scatter-gather tx-checksumming tcp-segmentation-offload; do
	log "$f: veth1 $(feature veth1 "$f"), ndp0 $(feature ndp0 "$f")"
	[ "$(feature veth1 "$f")" = "$(feature ndp0 "$f")" ] ||
		fail "ndp0's $f differs from veth1's"
done
run nsx host ethtool -K veth1 sg off
[ "$(feature ndp0 scatter-gather)" = off ] ||
	fail "scatter-gather still on on ndp0 with veth1's off"
run nsx host ethtool -K veth1 sg on
[ "$(feature ndp0 scatter-gather)" = on ] ||
	fail "scatter-gather not back on ndp0"

log "large packets cross ndp0 whole (iperf3, 2 s each way)"
if command -v iperf3 >/dev/null; then
	wait_until 20 no_tentative peer veth0
	peer_ll=$(ll_addr peer veth0)
	stat() {
		nsx host cat "/sys/class/net/ndp0/statistics/$1"
	}
	tb=$(stat tx_bytes) tp=$(stat tx_packets)
	rb=$(stat rx_bytes) rp=$(stat rx_packets)
	# iperf3_listening: the peer's server listens on port 5201 (0x1451,
	# TCP_LISTEN 0A in /proc/net/tcp6): on a loaded machine a second's
	# nap was not always enough, and the client was refused.
	iperf3_listening() {
		local laddr st

		while read -r _ laddr _ st _; do
			[[ $laddr == *:1451 && $st == 0A ]] && return 0
		done <"/proc/${E2E_HOLDER[peer]}/net/tcp6"
		return 1
	}
	for dir in "" -R; do
		nsx peer iperf3 -s -1 >/dev/null 2>&1 &
		E2E_IPERF=$!
		wait_until 20 iperf3_listening
		run nsx host iperf3 -c "$peer_ll%ndp0" -t 2 -f m $dir
		wait "$E2E_IPERF" || true
	done
	tb=$(( $(stat tx_bytes) - tb )) tp=$(( $(stat tx_packets) - tp ))
	rb=$(( $(stat rx_bytes) - rb )) rp=$(( $(stat rx_packets) - rp ))
	log "ndp0 sent $tb bytes in $tp packets ($((tb / tp)) each)," \
	    "received $rb bytes in $rp packets ($((rb / rp)) each)"
	[ $((tb / tp)) -gt 1500 ] ||
		fail "ndp0's packets to send were cut to the MTU"
	[ $((rb / rp)) -gt 1500 ] ||
		fail "ndp0's received packets were cut to the MTU"
else
	log "iperf3 missing: skipped"
fi

log "a new MAC on the lower: a new core, a new link-local address"
run ip -n host link set veth1 address 52:54:00:aa:bb:cc
wait_until 20 has_addr host ndp0 fe80::5054:ff:feaa:bbcc
run ip -n host -6 addr show dev ndp0
if has_addr host ndp0 "$HOST_LL"; then
	fail "the old link-local address is still on ndp0"
fi
wait_until 10 no_tentative peer veth0
run nsx peer ping -6 -c 3 -i 0.2 -W 2 fe80::5054:ff:feaa:bbcc%veth0
