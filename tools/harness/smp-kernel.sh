#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (or reuse) an x86-64 SMP debug kernel (lockdep, KCSAN, debug
# objects, DEBUG_NET) from Debian's linux-source-6.12, for the module's
# tests under QEMU with two CPUs (make check-smp).  Prints the build
# directory on stdout; progress goes to stderr.
#
#   smp-kernel.sh [FRAGMENT]     (default: tools/harness/smp.config)
#
# Configuration: x86_64_defconfig, kvm_guest.config (virtio, 9p), then
# FRAGMENT.  The build lives in ${XDG_CACHE_HOME:-$HOME/.cache}/ndpv6/
# smp-<ver>-<hash>, keyed by the source package version and the fragment's
# hash, and is reused when complete (stamp file .ndpv6-complete).  Its
# arch/x86/boot/bzImage is the kernel; `make -C DIR M=...` builds modules
# against it (Module.symvers comes from the full build).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
frag=${1:-$here/smp.config}
series=6.12
cache=${XDG_CACHE_HOME:-$HOME/.cache}/ndpv6
tarball=/usr/src/linux-source-$series.tar.xz

# shellcheck source=tools/harness/kernel-lib.sh
. "$here/kernel-lib.sh"

[ -f "$tarball" ] || { echo "smp-kernel: $tarball missing (run tools/harness/bootstrap.sh)" >&2; exit 1; }
ver=$(dpkg-query -W -f='${Version}' "linux-source-$series")
hash=$(sha256sum <"$frag" | cut -c1-12)
out=$cache/smp-$ver-$hash
src=$cache/src-$ver

mkdir -p "$cache"
# One build per directory at a time; a second caller waits and reuses it.
exec 9>"$out.lock"
if ! flock -n 9; then
	echo "smp-kernel: another build holds $out.lock; waiting for it ..." >&2
	flock 9
fi

if [ -f "$out/.ndpv6-complete" ]; then
	echo "$out"
	exit 0
fi

kernel_extract "$tarball" "$src" "$cache/.lock-src-$ver"

echo "smp-kernel: building x86-64 $ver with ${frag##*/} into $out (about 30 minutes on 2 busy cores) ..." >&2
rm -rf "$out"
mkdir -p "$out"
make -s -C "$src" O="$out" x86_64_defconfig >&2
make -s -C "$src" O="$out" kvm_guest.config >&2
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "$frag" >/dev/null
make -s -C "$src" O="$out" olddefconfig >&2
kernel_config_stuck smp-kernel "$out/.config" "$frag" || exit 1

start=$(date +%s)
kernel_ticker smp-kernel "$out" "$start"
make -s -C "$src" O="$out" -j"$(nproc)" bzImage modules >&2
kernel_ticker_stop
# The parser used by the harness: tools/testing/kunit/kunit.py parse.
ln -sfn "$src" "$out/source-tree"
touch "$out/.ndpv6-complete"
echo "smp-kernel: done in $(( $(date +%s) - start )) s" >&2
echo "$out"
