#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: the same bootstrap and UML kernel as `make check`, ndpv6.ko
# built for it (without the KUnit suites), and one UML boot running
# tools/demo.sh, shown live.  The whole console is kept in
# build/demo/console.log.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/tools/harness
out=$repo/build/demo
copy=$repo/build/uml-demo
console=$out/console.log
timeout=${UML_TIMEOUT:-480}

# shellcheck source=tools/harness/lock.sh
. "$here/lock.sh"
harness_lock "$repo"
mkdir -p "$out" "$copy"
"$here/bootstrap.sh"
# A first run builds the kernel (about 9 minutes on 2 cores); its progress
# goes to stderr.
kbuild=$("$here/uml-kernel.sh")
echo "demo: UML kernel: $kbuild"

rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='*.mod' \
	--exclude='*.mod.c' --exclude='.*.cmd' --exclude='modules.order' \
	--exclude='Module.symvers' --exclude='.*.d' --exclude='*.a' \
	"$repo/Kbuild" "$repo/include" "$repo/module" "$copy/"
echo "demo: building ndpv6.ko for UML"
make -s -C "$kbuild" ARCH=um M="$copy" KCFLAGS="-fmacro-prefix-map=$copy/=" \
	-j"$(nproc)" modules 2>&1 | sed "s#$copy/#$repo/#g"

echo "demo: booting UML; the full console goes to $console"
rc=0
"$here/run-uml.sh" "$kbuild" "$timeout" NDPV6_MODE=demo \
	NDPV6_REPO="$repo" NDPV6_KO="$copy/ndpv6.ko" 2>&1 |
	tr -d '\r' | tee "$console" | awk '
		# From the init on, less its markers and the stack dumps that
		# kmemleak prints at every insmod on 6.1 UML (known noise).
		/^ndpv6-harness: boot / { on = 1; next }
		!on || /^ndpv6-harness: / { next }
		/^kmemleak: (Trying to color|Adding scan area to) unknown obj/ {
			dump = 1; next
		}
		dump && /^(CPU: |Stack:|Call Trace:| )/ { next }
		{ dump = 0; print; fflush() }' || rc=$?
echo
if ! grep -q '^ndpv6-harness: demo rc=0$' "$console"; then
	echo "demo: FAILED (UML status $rc; see $console)"
	exit 1
fi
echo "demo: done (console: $console)"
