#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every ndpv6ctl command against a live ndp0, human and JSON output, and
# each kind of refusal with its message and exit status.
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | Linux IPv6        |          | veth1 52:54:00:12:34:56      |
#    | veth0             |----------|  (IPv6 off)                  |
#    | fe80::<eui64>/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    +-------------------+          |  fe80::5054:ff:fe12:3456/64  |
#                                   +------------------------------+
#
# timeout: 180
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

out=$("$NDPV6CTL" --help)
has "$out" '^Usage: ndpv6ctl ' 'monitor \[DEV\]' 'Exit status:'
ndp0_setup plain

# addrs: the link-local address, preferred, for ever; by name and index.
out=$(ctl addr show ndp0)
echo "$out"
has "$out" "^inet6 $HOST_LL/64 scope link proto linklocal preferred valid_lft forever preferred_lft forever$"
out=$(ctl -j addr show ndp0)
echo "$out"
has "$out" "^\[\{\"ifindex\":[0-9]+,\"ifname\":\"ndp0\",\"address\":\"$HOST_LL\",\"prefixlen\":64,\"origin\":\"linklocal\",\"state\":\"preferred\",\"valid_lft\":4294967295,\"preferred_lft\":4294967295\}\]$"
idx=$(ip -n host -o link show ndp0)
idx=${idx%%:*}
has "$(ctl addr show "$idx")" "^inet6 $HOST_LL/64 "
# with a key: that entry alone, an object and not an array in JSON
has "$(ctl addr show ndp0 "$HOST_LL")" "^inet6 $HOST_LL/64 scope link proto linklocal preferred valid_lft forever preferred_lft forever$"
has "$(ctl -j addr show ndp0 "$HOST_LL")" "^\{\"ifindex\":[0-9]+,\"ifname\":\"ndp0\",\"address\":\"$HOST_LL\",\"prefixlen\":64,"
expect 1 'no such address' ctl addr show ndp0 2001:db8:99::1

# neigh: after a ping from ndp0, the peer is in the cache.
wait_until 10 no_tentative peer veth0
peer_ll=$(ll_addr peer veth0)
peer_mac=$(ip -n peer -o link show veth0)
[[ $peer_mac =~ link/ether\ ([0-9a-f:]{17}) ]] || fail "veth0 has no MAC"
peer_mac=${BASH_REMATCH[1]}
run nsq host ping -6 -c 1 -W 2 "$peer_ll%ndp0"
out=$(ctl neigh show ndp0)
echo "$out"
has "$out" "$peer_ll dev ndp0 lladdr $peer_mac (REACHABLE|STALE|DELAY|PROBE)"
has "$(ctl neigh show ndp0 "$peer_ll")" "^$peer_ll dev ndp0 lladdr $peer_mac "
has "$(ctl -j neigh show ndp0)" "\"dst\":\"$peer_ll\",\"lladdr\":\"$peer_mac\",\"router\":false,\"queued\":0,\"state\":\"[a-z]+\"\}"
expect 1 'no such neighbour' ctl neigh show ndp0 fe80::dead

# routers and prefixes: empty without RAs.
[ -z "$(ctl router show ndp0)" ] || fail "routers: not empty"
[ "$(ctl -j prefix show ndp0)" = "[]" ] || fail "prefixes -j: not []"

# stats: every counter by name.
out=$(ctl stats show ndp0)
echo "${out:0:400}"
# ... down to the last one the module knows (include/ndpv6_stats.h)
last=$(<"$(dirname "$0")/../../include/ndpv6_stats.h")
[[ $last =~ .*NDP_STAT\(([A-Z0-9_]+), ]] || fail "no NDP_STAT in ndpv6_stats.h"
last=${BASH_REMATCH[1]}
has "$out" '^ +RX_PACKETS +[1-9]' $'\n +ND_HOPLIMIT +0\n' $'\n +'"$last"' +[0-9]+$'
has "$(ctl -j stats show ndp0)" '^\{"ifindex":[0-9]+,"ifname":"ndp0","stats":\{"RX_PACKETS":[1-9][0-9]*,' '"ND_HOPLIMIT":0,'

# params: running, the lower's MTU, the default capacities; the core's
# state: the link up, MLDv2, IP operation on.
out=$(ctl params show ndp0)
echo "$out"
has "$out" '^ndp0: ifindex [0-9]+ running'$'\n' $'\n +mtu +1500\n' $'\n +max_nbrs +256\n' \
	$'\n +link_up +yes\n' $'\n +mld_v1 +no\n' $'\n +ip_disabled +no$'
out=$(ctl -j params show ndp0)
echo "$out"
has "$out" '"running":true,' '"mtu":1500,' '"max_nbrs":256,' '"addrs":1,' \
	'"link_up":true,"mld_v1":false,"ip_disabled":false\}$'

# An MLDv1 General Query from the peer (RFC 2710: 24 bytes, hop limit 1,
# Router Alert, from a link-local address): the core enters MLDv1
# compatibility mode (RFC 3810 8.2.1), and says so.
peer_mac_q=$(ip -n peer -o link show veth0)
[[ $peer_mac_q =~ link/ether\ ([0-9a-f:]{17}) ]] || fail "veth0 has no MAC"
run nsq peer python3 - "${BASH_REMATCH[1]}" "$(ll_addr peer veth0)" <<'PY'
import ipaddress, socket, struct, sys
mac = bytes.fromhex(sys.argv[1].replace(':', ''))
src = ipaddress.IPv6Address(sys.argv[2]).packed
dst = ipaddress.IPv6Address('ff02::1').packed
mld = struct.pack('!BBHHH', 130, 0, 0, 1000, 0) + bytes(16)
pseudo = src + dst + struct.pack('!I', len(mld)) + b'\0\0\0\x3a'
c = sum(struct.unpack('!%dH' % (len(pseudo + mld) // 2), pseudo + mld))
while c >> 16:
    c = (c & 0xffff) + (c >> 16)
mld = mld[:2] + struct.pack('!H', ~c & 0xffff) + mld[4:]
hbh = bytes([58, 0, 5, 2, 0, 0, 1, 0])	# Router Alert (MLD), PadN
ip6 = struct.pack('!IHBB', 0x60000000, len(hbh + mld), 0, 1) + src + dst
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(('veth0', 0))
s.send(b'\x33\x33\0\0\0\x01' + mac + b'\x86\xdd' + ip6 + hbh + mld)
PY
mld_v1_on() {
	[[ $(ctl params show ndp0) =~ $'\n'\ +mld_v1\ +yes$'\n' ]]
}
wait_until 10 mld_v1_on
has "$(ctl -j params show ndp0)" '"link_up":true,"mld_v1":true,"ip_disabled":false\}$'
has "$(ctl stats show ndp0)" $'\n +MLD_V1_QUERY +1\n'

# set: accept-ra and dad-transmits apply at once.
run ctl params set ndp0 accept-ra off
has "$(ctl -j params show ndp0)" '"accept_ra":0,'
run ctl params set ndp0 accept-ra on
has "$(ctl -j params set ndp0 dad-transmits 2)" '"dad_transmits":2,'
has "$(ctl -j params show ndp0)" '"dad_transmits":2,' '"accept_ra":1,'
run ctl params set ndp0 dad-transmits 1
run ctl params set ndp0 reply-echo off
has "$(ctl -j params show ndp0)" '"reply_echo":0,'
run ctl params set ndp0 reply-echo on
has "$(ctl -j params show ndp0)" '"reply_echo":1,'
expect 2 "'on' or 'off'" ctl params set ndp0 reply-echo maybe
# several keys in one request, all or nothing
has "$(ctl -j params set ndp0 accept-ra off dad-transmits 3)" \
	'"dad_transmits":3,"accept_ra":0,'
expect 1 'integer out of range' \
	ctl params set ndp0 accept-ra on max-routers 0
has "$(ctl -j params show ndp0)" '"dad_transmits":3,"accept_ra":0,'
run ctl params set ndp0 accept-ra on dad-transmits 1
expect 2 "'accept-ra' given twice" \
	ctl params set ndp0 accept-ra on accept-ra off

# addr add/del: tentative, then preferred, then gone.
run ctl addr add ndp0 2001:db8:9::1/64 valid 600 preferred 300
addr_pref() {
	[[ $(ctl addr show ndp0) =~ inet6\ 2001:db8:9::1/64\ scope\ global\ proto\ manual\ preferred\ valid_lft\ [0-9]+sec\ preferred_lft\ [0-9]+sec ]]
}
wait_until 10 addr_pref
run ctl addr show ndp0
expect 1 'already there' ctl addr add ndp0 2001:db8:9::1/64
run ctl addr del ndp0 2001:db8:9::1
[[ $(ctl addr show ndp0) == *2001:db8:9::1* ]] && fail "addr del: still there"
expect 1 'no such address' ctl addr del ndp0 2001:db8:9::1

# Usage errors: exit 2, one line that gives the form to use (the old
# spellings, "addrs DEV", "set DEV KEY VALUE", are gone).
expect 2 'not an IPv6 address' ctl addr add ndp0 2001:db8::zz
grammar='OBJECT \{show\|add\|del\|set\} DEV'
expect 2 "unknown object 'frobnicate' \\(usage: .*$grammar" ctl frobnicate ndp0
expect 2 "unknown object 'addrs' \\(usage: .*$grammar" ctl addrs ndp0
expect 2 "unknown object 'set' \\(usage: .*$grammar" ctl set ndp0 accept-ra on
expect 2 "router: unknown command 'set' \\(usage: ndpv6ctl router \\{show\\|add\\|del\\} DEV" \
	ctl router set ndp0 fe80::1
expect 2 'router: no command' ctl router
expect 2 'stats show: unexpected' ctl stats show ndp0 x
err=$(ctl addrs ndp0 2>&1) || true
[[ $err == *$'\n'* ]] && fail "a usage error of more than one line: $err"
# Kernel refusals: exit 1 with the kernel's own message (extended ACK).
expect 1 'preferred lifetime exceeds' \
	ctl addr add ndp0 2001:db8:9::2/64 valid 10 preferred 20
expect 2 "dad-transmits: '200' is not a number in 0\\.\\.16" ctl params set ndp0 dad-transmits 200
expect 1 'unicast' ctl addr add ndp0 ff02::1
expect 1 'nosuch0: no such device' ctl addr show nosuch0
expect 1 'veth1: not an ndpv6 device' ctl addr show veth1
expect 1 'lo: not an ndpv6 device' ctl addr show lo
expect 2 'network namespace nosuchns' "$NDPV6CTL" -n nosuchns addr show ndp0
ip -n host link set ndp0 down
expect 1 'the device is down' ctl router add ndp0 fe80::1
[ -z "$(ctl addr show ndp0)" ] || fail "addrs while down: not empty"
out=$(ctl params show ndp0)
echo "$out"
has "$out" '^ndp0: ifindex [0-9]+ down'$'\n'
# the core's state is not there while it does not run
[[ $out == *link_up* || $out == *mld_v1* || $out == *ip_disabled* ]] &&
	fail "params while down: the core's state is shown"
ip -n host link set ndp0 up
wait_until 5 ll_preferred
log "all commands answered"
