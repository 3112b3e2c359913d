#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# DNS from Router Advertisements reaches userspace as the kernel passes it:
# radvd on the peer advertises an RDNSS (RFC 8106) server and a DNSSL
# search domain; each option of the RA comes out of ndp0's namespace on
# RTNLGRP_ND_USEROPT as RTM_NEWNDUSEROPT with ndp0's ifindex, type 134,
# the option's exact bytes and the router's address; rdnssd, unchanged,
# writes the server into its resolv.conf; `ndpv6ctl dns show` lists the
# server and the domain the core keeps (text and JSON); an RA that gives
# the server a lifetime of 0 takes it out of both again; a captive portal
# and a NAT64 prefix are passed up and kept too.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | radvd: RDNSS      |          | veth1 (IPv6 off)             |
#    |  2001:db8:1::53,  |----------|  ndp0 (type ndpv6 on veth1)  |
#    |  DNSSL example.org|          |  rdnssd, a netlink listener  |
#    +-------------------+          +------------------------------+
#
# timeout: 90
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

DNS=2001:db8:1::53
RADVD_EXTRA="	RDNSS $DNS { AdvRDNSSLifetime 60; };
	DNSSL example.org { AdvDNSSLLifetime 60; };"
resolv=/run/ndpv6/rdnssd-$$.conf
heard=/run/ndpv6/useropt-$$.out

command -v rdnssd >/dev/null || skip "rdnssd is not installed"
ndp0_link router
mkdir -p /run/ndpv6
# the listener joins the group before the first RA can come
bg nsq host python3 "$E2E_DIR/useropt-listen.py" 80 >"$heard"
wait_until 5 grep -q listening "$heard"
# rdnssd as root, no merge hook: this resolv.conf is the test's alone
bg nsq host rdnssd -f -u root -H /bin/true -r "$resolv" \
	-p "/run/ndpv6/rdnssd-$$.pid"
radvd_start 600 300 30
ndp0_up

ifindex=$(ip -n host -o link show dev ndp0 | cut -d: -f1)
peer_ll=$(ll_addr peer veth0)
# heard LEN HEX: a message for ndp0 from the router, an option of LEN
# bytes that begins with HEX
heard() {
	grep -q "^useropt ifindex $ifindex type 134 code 0 len $1 opt $2[0-9a-f]* src $peer_ll\$" "$heard"
}
# RDNSS: type 25, 3 units, reserved, lifetime 60, the server
wait_state 20 "no RDNSS option on RTNLGRP_ND_USEROPT" \
	heard 24 "190300000000003c$(ip6_hex "$DNS")"
# DNSSL: type 31, "example.org" as DNS labels, a zero label, padding
wait_until 10 heard 24 "1f0300000000003c076578616d706c65036f726700000000"
# the PIO too, as Linux passes it: 2001:db8:1::/64, L and A
wait_until 10 heard 32 "030440c0000002580000012c0000000020010db8000100000000000000000000"
run cat "$heard"
log "RDNSS, DNSSL and the PIO on RTNLGRP_ND_USEROPT, byte for byte"

in_resolv() {
	grep -q "^nameserver $DNS\$" "$resolv"
}
wait_state 20 "rdnssd did not write nameserver $DNS" in_resolv
run cat "$resolv"
grep -q "^search example.org\$" "$resolv" ||
	fail "rdnssd did not write the DNSSL domain"
log "rdnssd took the server and the search domain from ndp0"

# The core's own view of it (RFC 8106), typed: ndpv6ctl dns show.
dns_has() {
	[[ $(ctl dns show ndp0) == *"$1"* ]]
}
wait_until 5 dns_has "server $DNS dev ndp0 router $peer_ll lifetime "
out=$(ctl dns show ndp0)
echo "$out"
has "$out" "server $DNS dev ndp0 router $peer_ll lifetime [0-9]+sec" \
	"domain example.org dev ndp0 router $peer_ll lifetime [0-9]+sec"
out=$(ctl -j dns show ndp0)
echo "$out"
has "$out" '"kind":"server","server":"'"$DNS"'"' \
	'"kind":"domain","domain":"example.org"'
log "ndpv6ctl dns show: the server and the domain, text and JSON"

# the router withdraws the server (RFC 8106 5.1, lifetime 0): radvd
# stopped first, or its next RA would give the server back
stop_pids "$RADVD_PID"
run nsq peer python3 "$FRAMES" ra veth0 --src "$peer_ll" \
	--lifetime 30 --rdnss "$DNS" --rdnss-lifetime 0
withdrawn() {
	grep -q " opt 1903000000000000$(ip6_hex "$DNS") src $peer_ll\$" "$heard"
}
wait_until 5 withdrawn
not_in_resolv() {
	! in_resolv
}
wait_state 10 "rdnssd kept nameserver $DNS after lifetime 0" not_in_resolv
no_dns_server() {
	! dns_has "server $DNS "
}
wait_until 5 no_dns_server
run cat "$resolv"
log "an RDNSS lifetime of 0 took the server out of rdnssd's resolv.conf"

# The captive portal (RFC 8910) and a NAT64 prefix (RFC 8781): passed up
# raw (types 37 and 38) and kept typed.
run nsq peer python3 "$FRAMES" ra veth0 --src "$peer_ll" --lifetime 30 \
	--captive-portal https://portal.example/api --pref64 64:ff9b::/96
wait_until 5 heard 32 "2504"
wait_until 5 heard 16 "2602"
out=$(ctl dns show ndp0)
echo "$out"
has "$out" "captive-portal https://portal.example/api dev ndp0 router $peer_ll lifetime [0-9]+sec" \
	"pref64 64:ff9b::/96 dev ndp0 router $peer_ll lifetime [0-9]+sec"
log "the captive portal and the NAT64 prefix, raw and typed"
