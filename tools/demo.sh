#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The narrated demo, run by `make demo` inside the UML kernel (as root, with
# NDPV6_KO set to the module built for it).  Each step says what it does,
# then shows the command and its output.
#
#        ns "peer"                      ns "host"
#    +----------------+            +----------------------+
#    | Linux IPv6     |            | veth1                |
#    | veth0          |------------|  (ndp0: ndpv6 on     |
#    |                |            |   veth1, when it     |
#    +----------------+            |   lands)             |
#                                  +----------------------+
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/e2e/lib.sh"

step() {
	echo
	echo "==> $*"
}

show() {
	echo "\$ $*"
	"$@"
}

: "${NDPV6_KO:?NDPV6_KO: the module to load}"

step "Load the ndpv6 module into this (User-Mode Linux) kernel."
show insmod "$NDPV6_KO"
show grep ndpv6 /proc/modules

step "Two network namespaces joined by a veth pair: 'peer' runs the Linux IPv6 stack."
show ip netns add peer
show ip netns add host
E2E_NAMESPACES+=(peer host)
show ip -n peer link set lo up
show ip -n host link set lo up
show ip link add veth0 netns peer type veth peer name veth1 netns host
show ip -n peer link set veth0 up
show ip -n host link set veth1 up

step "Wait for Duplicate Address Detection of the link-local addresses."
wait_until 10 no_tentative peer veth0
wait_until 10 no_tentative host veth1
show ip -n peer -6 addr show dev veth0
show ip -n host -6 addr show dev veth1

# ---------------------------------------------------------------- ndpv6 --
# NDPV6 LINK: the module takes over IPv6 on the host side (e2e test
# 10-linklocal-ping, narrated), then hands veth1 back to the kernel's own
# IPv6 for the comparison below.
step "ndpv6 takes over IPv6 on veth1. It refuses while the kernel's own IPv6 runs there (both would claim the same link-local address):"
show ip -n host link add link veth1 name ndp0 type ndpv6 || true

step "Switch the kernel's IPv6 off on veth1, stack ndp0 (link kind ndpv6) on it and bring it up. ndp0 is an L3 device (link/none, NOARP): neighbour discovery on veth1 is the module's alone."
show ip netns exec host sysctl -w net.ipv6.conf.veth1.disable_ipv6=1
show ip -n host link add link veth1 name ndp0 type ndpv6
show ip -n host link set ndp0 up
show ip -n host -d link show ndp0

step "The core derives fe80::<EUI-64 of veth1's MAC>, runs DAD (random delay, one NS from ::), and the kernel shows the address on ndp0 with its fe80::/64 route."
wait_until 10 no_tentative host ndp0
show ip -n host link show veth1
show ip -n host -6 addr show dev ndp0
show ip -n host -6 route show dev ndp0
show grep -E '^ndp0|linklocal_ms|  addr ' /sys/kernel/debug/ndpv6/devices
lla_ndp0=$(ll_addr host ndp0)

step "The peer pings ndp0: the core answers the echo requests itself (RX_ECHO, GLUE_TX_CORE_ECHO); the NS the peer sends first is answered by the core too."
show ip netns exec peer ping -6 -c 3 -i 0.2 "$lla_ndp0%veth0"
counters="RX_PACKETS|RX_ND|RX_ECHO|GLUE_TX_CORE_[A-Z]+"
echo "\$ ip netns exec host ethtool -S ndp0 | grep -E ' ($counters):'"
ip netns exec host ethtool -S ndp0 | grep -E " ($counters):"

step "ndp0 pings the peer: the kernel hands ndp0 bare IPv6 packets, the core resolves the peer with NS/NA, holds the first packet meanwhile, then sends them all on veth1; the replies come up through ndp0."
show ip netns exec host ping -6 -c 3 -i 0.2 "$(ll_addr peer veth0)%ndp0"
show ip -n peer -6 neigh show dev veth0
show ip -n host -s link show ndp0

step "Hand veth1 back to the kernel's own IPv6, for the comparison below."
show ip -n host link del ndp0
show ip netns exec host sysctl -w net.ipv6.conf.veth1.disable_ipv6=0
wait_until 10 no_tentative host veth1
# ---------------------------------------------------------------- ndpv6 --

# ------------------------------------------------ kernel view (issue 7) --
# SLAAC AND OFF-LINK: radvd on the peer, the core's SLAAC address, on-link
# prefix and default router in ip -6 addr / ip -6 route (e2e tests
# 40-mirror-slaac and 41-mirror-offlink, narrated), then veth1 back to the
# kernel's own IPv6 again.
#
#        ns "far"              ns "peer"                  ns "host"
#    +--------------+   +-------------------+   +------------------------+
#    | 2001:db8:2::1|---| 2001:db8:2::fe    |   | ndp0 on veth1          |
#    +--------------+   | radvd, forwarding |---| 2001:db8:1::<EUI-64>   |
#                       | 2001:db8:1::1     |   | default via fe80::peer |
#                       +-------------------+   +------------------------+
step "SLAAC: ndp0 again on veth1, and radvd on the peer advertising 2001:db8:1::/64 (valid 600 s, preferred 300 s) every 3-4 s."
show ip netns exec host sysctl -w net.ipv6.conf.veth1.disable_ipv6=1
show ip -n host link add link veth1 name ndp0 type ndpv6
show ip -n host link set ndp0 up
radvd_conf=/run/ndpv6-demo-radvd.conf
cat >"$radvd_conf" <<EOC
interface veth0 {
	AdvSendAdvert on;
	MinRtrAdvInterval 3;
	MaxRtrAdvInterval 4;
	AdvDefaultLifetime 1800;
	prefix 2001:db8:1::/64 {
		AdvOnLink on;
		AdvAutonomous on;
		AdvValidLifetime 600;
		AdvPreferredLifetime 300;
	};
};
EOC
show cat "$radvd_conf"
show ip netns exec peer sysctl -w net.ipv6.conf.all.forwarding=1
show ip -n peer addr add 2001:db8:1::1/64 dev veth0 nodad
ip netns exec peer radvd -n -C "$radvd_conf" -p /run/ndpv6-demo-radvd.pid \
	-m stderr &
radvd_pid=$!

step "The core takes the RA: it forms 2001:db8:1::<EUI-64 of veth1's MAC>, runs DAD, and the kernel shows the address with the RA's lifetimes (nodad: the core ran DAD; noprefixroute: on-link comes from the prefix list), the on-link prefix and a default route via the peer's link-local address (proto ra, expiring with the RA's lifetimes)."
slaac_up() {
	ip -n host -6 -o addr show dev ndp0 | grep -q 'scope global'
}
wait_until 30 slaac_up
wait_until 10 eval 'ip -n host -6 route show dev ndp0 | grep -q ^default'
show ip -n host -6 addr show dev ndp0
show ip -n host -6 route show dev ndp0
show "${0%/*}/../build/ndpv6ctl/ndpv6ctl" -n host router show ndp0 || true
slaac=$(ip -n host -6 -o addr show dev ndp0 scope global |
	sed -n 's/.*inet6 \([0-9a-f:]*\)\/.*/\1/p')

step "Global addresses, both ways: the host pings the peer's 2001:db8:1::1, the peer pings the SLAAC address (the core answers its NS and the echo requests)."
show ip netns exec host ping -6 -c 2 -i 0.3 2001:db8:1::1
show ip netns exec peer ping -6 -c 2 -i 0.3 "$slaac"

step "Off-link: a third namespace, 'far', on 2001:db8:2::/64 behind the peer. The host's kernel routes 2001:db8:2::1 via its default route on ndp0; the core sends it to the router it learnt."
show ip netns add far
E2E_NAMESPACES+=(far)
show ip link add veth2 netns peer type veth peer name veth3 netns far
show ip -n peer link set veth2 up
show ip -n far link set veth3 up
show ip -n peer addr add 2001:db8:2::fe/64 dev veth2 nodad
show ip -n far addr add 2001:db8:2::1/64 dev veth3 nodad
show ip -n far -6 route add default via 2001:db8:2::fe dev veth3
show ip -n host -6 route get 2001:db8:2::1
show ip netns exec host ping -6 -c 3 -i 0.3 2001:db8:2::1

step "radvd stops: its last RA says router lifetime 0, the core drops the router, the default route leaves ip -6 route."
show kill -TERM "$radvd_pid"
wait "$radvd_pid" 2>/dev/null || true
wait_until 10 eval '! ip -n host -6 route show dev ndp0 | grep -q ^default'
show ip -n host -6 route show dev ndp0

step "Hand veth1 back to the kernel's own IPv6 once more."
show ip -n host link del ndp0
show ip netns del far
show ip netns exec host sysctl -w net.ipv6.conf.veth1.disable_ipv6=0
wait_until 10 no_tentative host veth1
# ------------------------------------------------ kernel view (issue 7) --

lla_peer=$(ll_addr peer veth0)
lla_host=$(ll_addr host veth1)

step "ping -6 from host to peer over link-local."
show ip netns exec host ping -6 -c 3 -i 0.2 "$lla_peer%veth1"

step "ping -6 from peer to host over link-local."
show ip netns exec peer ping -6 -c 3 -i 0.2 "$lla_host%veth0"

step "The neighbour caches after the pings."
show ip -n host -6 neigh show dev veth1
show ip -n peer -6 neigh show dev veth0

step "Tear down and unload the module."
e2e_cleanup
show rmmod ndpv6
echo
echo "==> demo complete"
