#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# TCP and UDP both ways through ndp0: 1 MiB each way over one TCP
# connection and over one UDP session (datagrams of 64 to 3000 bytes: the
# larger ones are IPv6 fragments), once with the client on the peer and
# the server behind ndp0, once the other way round (xfer.py runs on both
# ends at once, each client once and server once).  The SHA-256 of what
# each end sent must equal what the other end received.  ndp0's own
# statistics must account for the traffic: at least 4 MiB passed up and
# 4 MiB sent.
#
#        ns "peer"                          ns "host"
#    +-------------------------+    +------------------------------+
#    | veth0 52:54:00:ab:cd:ef |----| veth1 52:54:00:12:34:56      |
#    | fe80::5054:ff:feab:cdef |    |  ndp0 (type ndpv6 on veth1)  |
#    | xfer.py :5202           |    |  fe80::5054:ff:fe12:3456/64  |
#    |   client, then server   |    |  xfer.py :5201               |
#    |                         |    |    server, then client       |
#    +-------------------------+    +------------------------------+
#
# timeout: 120
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

XFER=$E2E_DIR/xfer.py
BYTES=1048576

# The SHA-256 line a side printed: sha_of OUTPUT ROLE PROTO WHAT.
sha_of() {
	local line

	while IFS= read -r line; do
		if [[ "$line" =~ ^$2\ $3\ $4\ ([0-9]+\ [0-9a-f]+)$ ]]; then
			echo "${BASH_REMATCH[1]}"
			return
		fi
	done <<<"$1"
	echo none
}

# same CLIENT_OUT SERVER_OUT WHO: each way of WHO's client session.
same() {
	local proto

	for proto in tcp udp; do
		[ "$(sha_of "$1" client $proto sent)" = \
		  "$(sha_of "$2" server $proto received)" ] ||
			fail "$3, $proto: the server did not receive what the client sent"
		[ "$(sha_of "$2" server $proto sent)" = \
		  "$(sha_of "$1" client $proto received)" ] ||
			fail "$3, $proto: the client did not receive what the server sent"
		[[ "$(sha_of "$1" client $proto sent)" == "$BYTES "* ]] ||
			fail "$3, $proto: the client did not send $BYTES bytes"
	done
}

declare -A d0 d1

ndp0_setup quiet
devstats host ndp0 d0
log "xfer.py on both ends"
out_host=$(mktemp)
out_peer=$(mktemp)
nsq_bg host python3 "$XFER" 5201 "$PEER_LL%ndp0" 5202 $BYTES second \
	>"$out_host" 2>&1
host_pid=$!
nsq_bg peer python3 "$XFER" 5202 "$HOST_LL%veth0" 5201 $BYTES first \
	>"$out_peer" 2>&1
peer_pid=$!
E2E_PIDS+=("$host_pid" "$peer_pid")
rc=0
wait "$peer_pid" || rc=$?
wait "$host_pid" || rc=$?
host=$(<"$out_host")
peer=$(<"$out_peer")
log "host (behind ndp0):"
indent "$host"
log "peer:"
indent "$peer"
[ $rc -eq 0 ] || fail "xfer.py failed"
same "$peer" "$host" "client on the peer"
same "$host" "$peer" "client behind ndp0"
devstats host ndp0 d1

log "ndp0: rx $((d1[rx_packets] - d0[rx_packets])) packets" \
    "$((d1[rx_bytes] - d0[rx_bytes])) bytes," \
    "tx $((d1[tx_packets] - d0[tx_packets])) packets" \
    "$((d1[tx_bytes] - d0[tx_bytes])) bytes," \
    "dropped rx $((d1[rx_dropped] - d0[rx_dropped]))" \
    "tx $((d1[tx_dropped] - d0[tx_dropped]))"
# Two sessions, each 1 MiB each way over TCP and over UDP: at least 4 MiB
# of payload went up through ndp0 and 4 MiB left through it.
[ $((d1[rx_bytes] - d0[rx_bytes])) -ge $((4 * BYTES)) ] ||
	fail "ndp0's rx_bytes did not count the traffic it passed up"
[ $((d1[tx_bytes] - d0[tx_bytes])) -ge $((4 * BYTES)) ] ||
	fail "ndp0's tx_bytes did not count the traffic it sent"
