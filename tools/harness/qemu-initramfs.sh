#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The initramfs that boots one of Debian's stock kernels on this machine's
# root file system under QEMU (tools/harness/run-qemu.sh):
#
#   qemu-initramfs.sh KERNEL_VERSION|- OUTPUT.cpio
#
# It holds a static busybox, the kernel's modules for 9p over virtio (the
# stock kernels have them as modules; the closure of their dependencies,
# from modinfo, decompressed, in load order; none for "-", a kernel with
# them built in: tools/harness/smp-kernel.sh) and an /init that loads them,
# mounts the host's root read-only from the 9p share "hostroot" and
# switch_roots into the program named by NDPV6_INIT on the kernel command
# line (tools/harness/qemu-init.sh), which keeps the rest of the
# environment.  Any failure before that is printed and powers off.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 KERNEL_VERSION|- OUTPUT.cpio" >&2; exit 2; }
kver=$1
output=$2
busybox=/bin/busybox

[ "$kver" = - ] || [ -d "/lib/modules/$kver" ] ||
	{ echo "qemu-initramfs: /lib/modules/$kver missing" >&2; exit 1; }
if [ ! -x "$busybox" ] || ldd "$busybox" >/dev/null 2>&1; then
	echo "qemu-initramfs: no static $busybox (busybox-static)" >&2
	exit 1
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,dev,proc,sys,newroot,modules}
cp "$busybox" "$root/bin/busybox"

# ORDER= the modules to load, each after its dependencies; built-in ones
# (modinfo's filename "(builtin)") are left out.
ORDER=()
add_module() {
	local name=$1 file deps dep

	case " ${ORDER[*]} " in *" $name "*) return ;; esac
	file=$(modinfo -k "$kver" -F filename "$name") ||
		{ echo "qemu-initramfs: no module $name in $kver" >&2; exit 1; }
	[ "$file" != "(builtin)" ] || return 0
	deps=$(modinfo -k "$kver" -F depends "$name")
	for dep in ${deps//,/ }; do
		add_module "$dep"
	done
	case "$file" in
	*.ko.xz)  xz -dc "$file" >"$root/modules/$name.ko" ;;
	*.ko.zst) zstd -qdc "$file" >"$root/modules/$name.ko" ;;
	*.ko.gz)  gzip -dc "$file" >"$root/modules/$name.ko" ;;
	*)        cp "$file" "$root/modules/$name.ko" ;;
	esac
	ORDER+=("$name")
}
if [ "$kver" != - ]; then
	for m in virtio_pci 9pnet_virtio 9p; do
		add_module "$m"
	done
fi
echo "${ORDER[*]}" >"$root/modules/order"

cat >"$root/init" <<'EOF'
#!/bin/busybox sh
# PID 1 in the initramfs: 9p root, then NDPV6_INIT (see qemu-initramfs.sh).
/bin/busybox --install -s /bin
export PATH=/bin

die() {
	echo "ndpv6-harness: initramfs: $*"
	echo "ndpv6-harness: done"
	poweroff -f
	sleep 60
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in $(cat /modules/order); do
	insmod "/modules/$m.ko" || die "insmod $m failed"
done
# cache=loose: the guest's view of the host may be cached for the whole
# boot (programs run again and again); the harness changes none of what
# the guest reads while it runs.
mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144,ro,cache=loose \
	hostroot /newroot || die "mount of the host's root over 9p failed"
[ -n "$NDPV6_INIT" ] && [ -x "/newroot$NDPV6_INIT" ] ||
	die "NDPV6_INIT '$NDPV6_INIT' is not executable in the host's root"
mount --move /dev /newroot/dev
umount /sys /proc
exec switch_root /newroot "$NDPV6_INIT"
EOF
chmod +x "$root/init"

mkdir -p "$(dirname "$output")"
(cd "$root" && find . | cpio -o -H newc --quiet) >"$output.tmp"
mv "$output.tmp" "$output"
echo "qemu-initramfs: $output for $kver, modules: ${ORDER[*]:-none}"
