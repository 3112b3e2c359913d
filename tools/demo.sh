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
# NDPV6 LINK: once the netdev glue lands, the module takes over IPv6 on the
# host side here:
#	step "Stack ndp0 (link kind ndpv6) on veth1: the module does ND now."
#	show ip -n host link add link veth1 name ndp0 type ndpv6
#	show ip -n host link set ndp0 up
#	show ip -n host -6 addr show dev ndp0
# and the pings below go over ndp0; later steps add radvd in 'peer', the
# SLAAC address on ndp0 and the routers and prefixes the module learned.
# ---------------------------------------------------------------- ndpv6 --

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
