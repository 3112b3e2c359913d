#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Addresses a user adds on ndp0 enter the core: 2001:db8:5::10 appears in
# the core's table (ndpv6ctl addr show), passes its DAD and answers the peer's
# NS (the peer pings it); 2001:db8:5::20, which the peer already owns,
# fails the core's DAD and leaves `ip -6 addr`; `ip -6 addr del` takes an
# address out of the core.  A user's address is the user's whatever its
# protocol: 2001:db8:5::31 and ::32, added with IFA_PROTO kernel_ra and
# kernel_ll (the mirror's own marks), enter the core too, and so does the
# link-local address the kernel makes itself once ndp0's addr_gen_mode is
# random, and addresses the kernel has at ndp0's up: 2001:db8:5::40, added
# while ndp0 was down, and ::41, kept over a down by keep_addr_on_down.
# What the core lets go leaves ndp0 too: link-local addresses added with
# ndpv6ctl (fe80::2 deleted, fe80::3 expired), a user's 2001:db8:6::50
# deleted with ndpv6ctl (with the core's on-link prefix made for it) and
# 2001:db8:6::51, deleted while still tentative in the core.  (All of
# these used to stay in the kernel, undefended.)
#
#        ns "peer"                          ns "host"
#    +-------------------+          +------------------------------+
#    | veth0             |----------| veth1 52:54:00:12:34:56      |
#    | fe80::<eui64>/64  |          |  (IPv6 off)                  |
#    | 2001:db8:5::1/64  |          |  ndp0 (type ndpv6 on veth1)  |
#    | 2001:db8:5::20/64 |          |  2001:db8:5::10/64 (user's)  |
#    +-------------------+          +------------------------------+
#
# timeout: 120
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

ndp0_setup router
ip -n peer addr add 2001:db8:5::1/64 dev veth0 nodad
ip -n peer addr add 2001:db8:5::20/64 dev veth0 nodad

in_core() {
	[[ $(ctl addr show ndp0) == *"inet6 $1/64 scope global proto manual $2 "* ]]
}
run ip -n host addr add 2001:db8:5::10/64 dev ndp0
wait_state 10 "2001:db8:5::10 did not pass DAD in the core" in_core 2001:db8:5::10 preferred
ctl addr show ndp0
has_kaddr 2001:db8:5::10 || fail "2001:db8:5::10 left ip -6 addr"
run nsq peer ping -6 -c 2 -i 0.3 -W 2 2001:db8:5::10
run nsq host ping -6 -c 2 -i 0.3 -W 2 2001:db8:5::1

run ip -n host addr add 2001:db8:5::20/64 dev ndp0
wait_state 10 "2001:db8:5::20 (the peer's) stayed after DAD" no_kaddr 2001:db8:5::20
[[ $(ctl addr show ndp0) != *2001:db8:5::20/* ]] ||
	fail "the core still lists 2001:db8:5::20"
has_kaddr 2001:db8:5::10 || fail "2001:db8:5::10 went too"
log "the duplicate left ip -6 addr"

run ip -n host addr del 2001:db8:5::10/64 dev ndp0
gone() {
	[[ $(ctl addr show ndp0) != *2001:db8:5::10/* ]]
}
wait_until 10 gone
log "ip -6 addr del took it out of the core"

# addr_add_proto ADDR PROTO: ADDR/64 on ndp0 with IFA_PROTO PROTO, a
# number (iproute2 6.1 has no word for it): RTM_NEWADDR by hand.
addr_add_proto() {
	nsq host python3 - "$1" "$2" <<'PY'
import os
import socket
import struct
import sys


def attr(atype, data):
    return struct.pack('=HH', 4 + len(data), atype) + data + \
        bytes(-len(data) % 4)


IFA_LOCAL, IFA_PROTO, RTM_NEWADDR = 2, 11, 20
body = struct.pack('=BBBBi', socket.AF_INET6, 64, 0, 0,
                   socket.if_nametoindex('ndp0')) + \
    attr(IFA_LOCAL, socket.inet_pton(socket.AF_INET6, sys.argv[1])) + \
    attr(IFA_PROTO, bytes([int(sys.argv[2])]))
# NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
s.send(struct.pack('=IHHII', 16 + len(body), RTM_NEWADDR, 0x605, 1, 0) +
      body)
err = struct.unpack_from('=i', s.recv(4096), 16)[0]
if err:
    sys.exit('RTM_NEWADDR %s: %s' % (sys.argv[1], os.strerror(-err)))
PY
}
# IFAPROT_KERNEL_RA 2, IFAPROT_KERNEL_LL 3
run addr_add_proto 2001:db8:5::31 2
run addr_add_proto 2001:db8:5::32 3
wait_state 10 "2001:db8:5::31 (proto kernel_ra) is not in the core" \
	in_core 2001:db8:5::31 preferred
wait_state 10 "2001:db8:5::32 (proto kernel_ll) is not in the core" \
	in_core 2001:db8:5::32 preferred
run nsq peer ping -6 -c 1 -W 2 2001:db8:5::31
log "addresses with the mirror's protocols went to the core"

# The kernel's own link-local address (addr_gen_mode random): fe80::/64
# with a random interface identifier, beside the core's EUI-64 one.
kernel_ll() {
	local line

	while read -r _ _ _ line _; do
		[ "${line%/64}" != "$HOST_LL" ] && echo "${line%/64}"
	done < <(ip -n host -6 -o addr show dev ndp0 scope link)
	true
}
run ip -n host link set ndp0 addrgenmode random
ndp0_bounce
has_kernel_ll() {
	[ -n "$(kernel_ll)" ]
}
wait_until 10 has_kernel_ll
kll=$(kernel_ll)
ll_in_core() {
	[[ $(ctl addr show ndp0) == *"inet6 $kll/64 scope link proto manual "* ]]
}
wait_state 10 "the kernel's own $kll is not in the core" ll_in_core
log "the kernel's own link-local address $kll went to the core"

# Addresses ndp0 has when it comes up: the notifier never saw them.
run ip -n host link set ndp0 addrgenmode none
run ip -n host link set ndp0 down
run ip -n host addr add 2001:db8:5::40/64 dev ndp0
ndp0_up
wait_state 10 "2001:db8:5::40, added while ndp0 was down, is not in the core" \
	in_core 2001:db8:5::40 preferred
nsq host sysctl -qw net.ipv6.conf.ndp0.keep_addr_on_down=1
run ip -n host addr add 2001:db8:5::41/64 dev ndp0
wait_until 10 in_core 2001:db8:5::41 preferred
ndp0_bounce
has_kaddr 2001:db8:5::41 || fail "keep_addr_on_down did not keep 2001:db8:5::41"
wait_state 10 "2001:db8:5::41, kept over the down, is not in the new core" \
	in_core 2001:db8:5::41 preferred
run nsq peer ping -6 -c 1 -W 2 2001:db8:5::41
log "the addresses ndp0 had at its up went to the new core"

# What the core lets go: out of ndp0 as well.
run ctl addr add ndp0 fe80::2
run ctl addr add ndp0 fe80::3 valid 4
wait_until 10 has_kaddr fe80::2
wait_until 10 has_kaddr fe80::3
run ip -n host addr add 2001:db8:6::50/64 dev ndp0
wait_until 10 in_core 2001:db8:6::50 preferred
has "$(ctl prefix show ndp0)" '2001:db8:6::/64 dev ndp0 '
run ctl addr del ndp0 fe80::2
run ctl addr del ndp0 2001:db8:6::50
wait_state 10 "fe80::2, deleted from the core, stayed on ndp0" \
	no_kaddr fe80::2
wait_state 10 "2001:db8:6::50, deleted from the core, stayed on ndp0" \
	no_kaddr 2001:db8:6::50
[[ $(ctl prefix show ndp0) != *2001:db8:6::/64* ]] ||
	fail "the core kept the prefix made for 2001:db8:6::50"
wait_state 10 "fe80::3, expired in the core, stayed on ndp0" \
	no_kaddr fe80::3
# dad-transmits applies to addresses added from now on
run ctl params set ndp0 dad-transmits 10
run ip -n host addr add 2001:db8:6::51/64 dev ndp0
wait_until 10 in_core 2001:db8:6::51 tentative
run ctl addr del ndp0 2001:db8:6::51
wait_state 10 "2001:db8:6::51, deleted while tentative, stayed on ndp0" \
	no_kaddr 2001:db8:6::51
run ctl params set ndp0 dad-transmits 1
log "what the core let go left ndp0"
