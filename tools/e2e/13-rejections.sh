#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every invalid `ip link add ... type ndpv6` fails with its extack message
# and its errno (EINVAL, ENODEV for a missing lower, EBUSY for a lower that
# already has an rx handler), and ndp0 cannot move to another namespace
# (NETIF_F_NETNS_LOCAL).
#
#                       ns "host"                               ns "empty"
#    +--------------------------------------------------+    +-----------+
#    | veth1 (IPv6 off) -- ndp0 (ndpv6)     lo  sit0    |    |    lo     |
#    | vv6a (IPv6 on)        <-veth->  vv6b             |    |           |
#    | vsmall (mtu 1000)     <-veth->  vsmallp          |    +-----------+
#    | vbig (IPv6 off, 1500) <-veth->  vbigp            |
#    | veth1 <-veth-> veth1p                            |
#    +--------------------------------------------------+
#
# timeout: 90
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

# expect_fail TEXT CMD...: CMD must fail and print TEXT.
expect_fail() {
	local want=$1 out

	shift
	echo "+ $*"
	if out=$("$@" 2>&1); then
		echo "$out"
		fail "succeeded: $*"
	fi
	echo "$out"
	[[ $out == *"$want"* ]] || fail "no \"$want\" from: $*"
}

ns_add host empty
nsq host sysctl -qw net.ipv6.conf.default.disable_ipv6=0
ip -n host link add veth1 type veth peer name veth1p
ip -n host link add vv6a type veth peer name vv6b
ip -n host link add vsmall mtu 1000 type veth peer name vsmallp mtu 1000
ip -n host link add vbig type veth peer name vbigp
for dev in veth1 vbig; do
	nsq host sysctl -qw "net.ipv6.conf.$dev.disable_ipv6=1"
done
for dev in veth1 veth1p vv6a vv6b vsmall vsmallp vbig vbigp; do
	ip -n host link set "$dev" up
done

run ip -n host link add link veth1 name ndp0 type ndpv6
run ip -n host -d link show ndp0

expect_fail "a lower device is needed" \
	ip -n host link add name ndpx type ndpv6
# veth1's index does not exist in "empty", where link-netns looks it up.
expect_fail "lower device not found" \
	ip -n host link add link veth1 name ndpx link-netns empty type ndpv6
expect_fail "lower device is an ndpv6 device" \
	ip -n host link add link ndp0 name ndpx type ndpv6
expect_fail "lower device is a loopback device" \
	ip -n host link add link lo name ndpx type ndpv6
ip -n host link show sit0 >/dev/null 2>&1 ||
	ip -n host link add sit1 type sit
sit=$(ip -n host -o link show type sit | awk -F': ' '{ sub(/@.*/, "", $2); print $2; exit }')
expect_fail "lower device is not Ethernet" \
	ip -n host link add link "$sit" name ndpx type ndpv6
expect_fail "lower device MTU is below 1280" \
	ip -n host link add link vsmall name ndpx type ndpv6
expect_fail "IPv6 is enabled on the lower device: set net.ipv6.conf.<lower>.disable_ipv6=1 first" \
	ip -n host link add link vv6a name ndpx type ndpv6
expect_fail "lower device already has an rx handler" \
	ip -n host link add link veth1 name ndpx type ndpv6
expect_fail "MTU is above the lower device's MTU" \
	ip -n host link add link vbig name ndpx mtu 9000 type ndpv6

# The errno of each refusal, from the netlink ack itself (ip prints only
# the message): one python3 process sends RTM_NEWLINK for every case.
# shellcheck disable=SC2016
newlink_errnos() {
	nsq host python3 -c '
import socket, struct, sys
def attr(t, data):
    n = 4 + len(data)
    return struct.pack("HH", n, t) + data + bytes((4 - n % 4) % 4)
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
s.setsockopt(270, 10, 1)    # SOL_NETLINK, NETLINK_CAP_ACK
s.setsockopt(270, 11, 1)    # NETLINK_EXT_ACK
for seq, line in enumerate(sys.stdin, 1):
    link, mtu = (int(x) for x in line.split())
    a = attr(3, b"ndpx\0")                      # IFLA_IFNAME
    if link:
        a += attr(5, struct.pack("I", link))    # IFLA_LINK
    if mtu:
        a += attr(4, struct.pack("I", mtu))     # IFLA_MTU
    a += attr(18, attr(1, b"ndpv6\0"))          # IFLA_LINKINFO, KIND
    body = struct.pack("BxHiII", 0, 0, 0, 0, 0) + a
    # RTM_NEWLINK, REQUEST | ACK | EXCL | CREATE
    s.send(struct.pack("IHHII", 16 + len(body), 16, 0x605, seq, 0) + body)
    r = s.recv(65536)
    err = -struct.unpack_from("i", r, 16)[0]
    msg, off = "", 36
    while off + 4 <= len(r):
        n, t = struct.unpack_from("HH", r, off)
        if n < 4:
            break
        if t == 1:                              # NLMSGERR_ATTR_MSG
            msg = r[off + 4:off + n].rstrip(b"\0").decode()
        off += (n + 3) & ~3
    print(err, msg)
'
}

ifindex() {
	local out

	out=$(ip -n host -o link show dev "$1")
	echo "${out%%:*}"
}

cases="0 0 22
9999 0 19
$(ifindex ndp0) 0 22
$(ifindex lo) 0 22
$(ifindex "$sit") 0 22
$(ifindex vsmall) 0 22
$(ifindex vv6a) 0 22
$(ifindex veth1) 0 16
$(ifindex vbig) 9000 22"
wants=()
requests=
while read -r link mtu want; do
	requests+="$link $mtu"$'\n'
	wants+=("$want")
done <<<"$cases"
results=$(newlink_errnos <<<"${requests%$'\n'}")
log "errno and message of each refusal:"
echo "$results"
i=0
while read -r got _; do
	[ "${wants[i]}" = "$got" ] ||
		fail "errno $got where ${wants[i]} was expected"
	i=$((i + 1))
done <<<"$results"
[ "$i" = "${#wants[@]}" ] || fail "$i answers to ${#wants[@]} requests"

# Nothing was left behind by the failures.
if ip -n host link show ndpx >/dev/null 2>&1; then
	fail "ndpx exists"
fi

# ndp0 stays in its namespace.
echo "+ ip -n host link set ndp0 netns empty"
if ip -n host link set ndp0 netns empty; then
	fail "ndp0 moved to another namespace"
fi
ip -n host link show ndp0 >/dev/null || fail "ndp0 is gone from host"
if ip -n empty link show ndp0 >/dev/null 2>&1; then
	fail "ndp0 appeared in empty"
fi

