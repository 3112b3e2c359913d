#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The lower and ndp0 unregistered in one batch, the lower first: the
# kernel unregisters a batch in list order and warns when a device it
# has just taken down still has an upper (WARN_ON in
# unregister_netdevice_many_notify), then kernfs warns when ndp0 later
# unlinks from a lower whose sysfs directory is gone.  ndp0 must let go of
# its lower as soon as the lower goes, not only in its own uninit.
#   1. `ip link del group 7` with veth1 (registered first) and ndp0 in
#      group 7;
#   2. two namespaces freed by one cleanup: the lower's ("low") and
#      ndp0's ("app"), both kept alive by one process until it exits, so
#      that their last references drop together ("low" first: the process
#      closes its files before it leaves its network namespace).
# Each time: ndp0 and the lower are gone and the kernel printed nothing.
#
#     1.        ns "one"                     2.   ns "low"     ns "app"
#    +-----------------------------+         +-----------+  +----------+
#    | veth0 <-veth-> veth1 -- ndp0|         | veth1     |--| ndp0     |
#    |        group 7: veth1, ndp0 |         | (IPv6 off)|  | (ndpv6)  |
#    +-----------------------------+         +-----------+  +----------+
#
# timeout: 60
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

kernel_mark

no_dev() {
	! ip -n "$1" link show "$2" >/dev/null 2>&1
}

ns_gone() {
	[ ! -e "/run/netns/$1" ]
}

log "1. ip link del group 7: veth1 and ndp0 in one batch"
ns_add one
ip -n one link add veth1 type veth peer name veth0
nsx one sysctl -qw net.ipv6.conf.veth1.disable_ipv6=1
ip -n one link set veth1 address "$HOST_MAC"
run ip -n one link add link veth1 name ndp0 type ndpv6
ip -n one link set veth0 up
ip -n one link set veth1 up
ip -n one link set ndp0 up
ip -n one link set veth1 group 7
ip -n one link set ndp0 group 7
run ip -n one link del group 7
no_dev one ndp0 || fail "ndp0 outlived ip link del group"
no_dev one veth1 || fail "veth1 outlived ip link del group"
check_kernel

log "2. the lower's namespace and ndp0's freed by one cleanup"
ns_add low app
ip link add veth1 netns low type veth peer name veth0 netns low
nsx low sysctl -qw net.ipv6.conf.veth1.disable_ipv6=1
run ip -n low link add link veth1 name ndp0 netns app type ndpv6
ip -n low link set veth0 up
ip -n low link set veth1 up
ip -n app link set ndp0 up
# one process holds both: "app" as its network namespace, "low" open
nsenter --net=/run/netns/app sleep 60 3</run/netns/low &
holder=$!
holding() {
	[[ $(readlink "/proc/$holder/exe") == */sleep ]]
}
wait_until 10 holding
run ip netns del app
run ip netns del low
kill "$holder"
wait "$holder" 2>/dev/null || true
# the namespaces' cleanup runs in a worker: wait until the module lists
# no device (debugfs), then a little for the cleanup to finish
ndp_devs_gone() {
	local line

	while IFS= read -r line; do
		[[ $line == *ndp0* ]] && return 1
	done </sys/kernel/debug/ndpv6/devices
	true
}
wait_until 20 ndp_devs_gone
nap 2
check_kernel
log "no warning, no leftover device"
