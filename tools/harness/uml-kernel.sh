#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (or reuse) a User-Mode Linux kernel from Debian's linux-source-SERIES
# with a config fragment from this repository.  Prints the build directory on
# stdout; progress goes to stderr.
#
#   [UML_SERIES=6.1|6.12] uml-kernel.sh [FRAGMENT]
#                                (default: tools/harness/uml.config, 6.1)
#
# The build lives in ${XDG_CACHE_HOME:-$HOME/.cache}/ndpv6/uml-<ver>-<hash>,
# keyed by the kernel source package version (so each series has its own
# directory) and the fragment's hash, and is reused when it is complete
# (stamp file .ndpv6-complete).  A series other than 6.1 may have its own
# extra fragment, <fragment>-<series>.config (uml-6.12.config), merged after
# the common one and hashed with it; 6.1's key is the common fragment's alone.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
frag=${1:-$here/uml.config}
series=${UML_SERIES:-6.1}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/ndpv6
tarball=/usr/src/linux-source-$series.tar.xz

# shellcheck source=tools/harness/kernel-lib.sh
. "$here/kernel-lib.sh"

[ -f "$tarball" ] || { echo "uml-kernel: $tarball missing (run tools/harness/bootstrap.sh)" >&2; exit 1; }
ver=$(dpkg-query -W -f='${Version}' "linux-source-$series")
extra=${frag%.config}-$series.config
frags=("$frag")
if [ "$series" != 6.1 ] && [ -f "$extra" ]; then
	frags+=("$extra")
fi
hash=$(cat "${frags[@]}" | sha256sum | cut -c1-12)
name=$(basename "$frag" .config)
out=$cache/$name-$ver-$hash
src=$cache/src-$ver

mkdir -p "$cache"
# One lock per kernel build (the test and the benchmark kernels build side
# by side); the shared source tree has its own lock for its extraction.
exec 9>"$out.lock"
if ! flock -n 9; then
	echo "uml-kernel: another build holds $out.lock; waiting for it ..." >&2
	flock 9
fi

# Module.symvers (vmlinux's exports) comes from `make modules`; without it
# modpost cannot tell an undefined symbol in ndpv6.ko at build time.  Builds
# made before this step get it added here.
symvers() {
	echo "uml-kernel: make modules for Module.symvers ..." >&2
	make -s -C "$src" ARCH=um O="$out" -j"$(nproc)" modules >&2
}

if [ -f "$out/.ndpv6-complete" ]; then
	[ -f "$out/Module.symvers" ] || symvers
	echo "$out"
	exit 0
fi

kernel_extract "$tarball" "$src" "$cache/.lock-src-$ver"

echo "uml-kernel: building UML $ver with ${frags[*]##*/} into $out (6.1: about 8-9 minutes on 2 cores, 6.12: 26 to 46) ..." >&2
rm -rf "$out"
mkdir -p "$out"
make -s -C "$src" ARCH=um O="$out" defconfig >&2
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "${frags[@]}" >/dev/null
make -s -C "$src" ARCH=um O="$out" olddefconfig >&2

kernel_config_stuck uml-kernel "$out/.config" "${frags[@]}" || exit 1

start=$(date +%s)
kernel_ticker uml-kernel "$out" "$start"
make -s -C "$src" ARCH=um O="$out" -j"$(nproc)" linux modules_prepare >&2
symvers
kernel_ticker_stop
# The parser used by the harness: tools/testing/kunit/kunit.py parse.
ln -sfn "$src" "$out/source-tree"
touch "$out/.ndpv6-complete"
echo "uml-kernel: done in $(( $(date +%s) - start )) s" >&2
echo "$out"
