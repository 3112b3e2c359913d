#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ndpv6ctl loads the module by itself on a stock kernel: with ndpv6
# unloaded and installed as DKMS installs it (updates/dkms/ndpv6.ko in the
# kernel's module tree, depmod run), `ndpv6ctl monitor` asks for the
# generic netlink family "ndpv6", the kernel runs modprobe for the alias
# net-pf-16-proto-16-family-ndpv6 (MODULE_ALIAS_GENL_FAMILY), and the
# command then works: it joins the events group and exits 0 on SIGTERM.
# Before the install the same command fails, saying the family is not
# there, and loads nothing.
#
# The module tree is the guest's own: a tmpfs over /lib/modules/$(uname -r)
# (the host's root is read-only under QEMU) with the stock tree's lists of
# built-in modules and ndpv6.ko alone: depmod of the whole stock tree
# (4,230 compressed modules) takes 20 s on the (loaded, 2-core) host, and
# several times that under TCG; this one takes 2 s there.
# The stock tree is back once the test unmounts the tmpfs.  UML has no
# module tree (the module is insmod-ed from the build directory): there
# the test skips.
#
#    init namespace: no device; ndpv6ctl monitor (all devices)
#       |  CTRL_CMD_GETFAMILY "ndpv6"
#    kernel --request_module--> /sbin/modprobe --> updates/dkms/ndpv6.ko
#
# timeout: 120
# shellcheck source=tools/e2e/lib.sh
. "${0%/*}/lib.sh"

kver=$(uname -r)
tree=/lib/modules/$kver
work=/run/ndpv6/autoload-$$
[ -d "$tree/kernel" ] ||
	skip "no module tree for $kver: ndpv6.ko is insmod-ed from the build directory (the stock kernels under QEMU run this test)"
[ -f "${NDPV6_KO:-}" ] ||
	skip "NDPV6_KO (the module the harness loaded) is not set"
[ -x "$NDPV6CTL" ] || fail "$NDPV6CTL is missing: make ndpv6ctl"

mounted=
# The stock tree back, and the module loaded whatever happened, for the
# tests after this one and the harness's rmmod.
autoload_cleanup() {
	[ -z "$mounted" ] || umount "$tree" || true
	mounted=
	[ -e /sys/module/ndpv6 ] || insmod "$NDPV6_KO" || true
}
trap 'autoload_cleanup; e2e_cleanup' EXIT

unloaded() {
	[ -e /sys/module/ndpv6 ] && rmmod ndpv6
	[ ! -e /sys/module/ndpv6 ]
}

loaded() {
	[ "$(</sys/module/ndpv6/initstate)" = live ]
}

# loaded_or_gone PID: the module is live, or PID has exited.
loaded_or_gone() {
	[ -e /sys/module/ndpv6/initstate ] && loaded && return 0
	! kill -0 "$1" 2>/dev/null
}

# The lists modprobe needs to tell a built-in module from a missing one,
# kept before the tmpfs hides them.
mkdir -p "$work"
for f in modules.order modules.builtin modules.builtin.modinfo; do
	cp "$tree/$f" "$work/"
done

wait_until 20 unloaded
log "ndpv6 unloaded"
run mount -t tmpfs -o mode=0755 ndpv6-modules "$tree"
mounted=1
cp "$work"/modules.* "$tree/"
run depmod "$kver"
expect 1 'the ndpv6 generic netlink family is not there' "$NDPV6CTL" monitor
[ ! -e /sys/module/ndpv6 ] || fail "ndpv6 got loaded while not installed"

log "installed as DKMS installs it, depmod"
mkdir -p "$tree/updates/dkms"
cp "$NDPV6_KO" "$tree/updates/dkms/ndpv6.ko"
run depmod "$kver"
grep -qx 'alias net-pf-16-proto-16-family-ndpv6 ndpv6' "$tree/modules.alias" ||
	fail "depmod did not record the genetlink alias in modules.alias"
[ ! -e /sys/module/ndpv6 ] || fail "ndpv6 loaded before ndpv6ctl ran"

mon=$work/monitor.out
bg "$NDPV6CTL" monitor >"$mon" 2>&1
pid=$!
wait_until 60 loaded_or_gone "$pid"
if ! kill -0 "$pid" 2>/dev/null; then
	cat "$mon"
	fail "ndpv6ctl monitor exited: the module was not loaded for it"
fi
loaded || fail "ndpv6 is not live"
has "$(lsmod)" $'\nndpv6 '
log "ndpv6 loaded by modprobe for ndpv6ctl"
wait_until 10 monitor_ready "$pid"
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
cat "$mon"
[ "$rc" -eq 0 ] || fail "ndpv6ctl monitor exited with status $rc"

