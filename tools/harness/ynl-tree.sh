#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's own netlink tooling, YNL, from linux-source-6.12: its spec
# schemas (Documentation/netlink/) and tools (tools/net/ynl/: the spec
# library and cli.py, which drives any family from its spec).  Extracts
# only those two directories, once, into
# ${XDG_CACHE_HOME:-$HOME/.cache}/ndpv6/ynl-<version> (about a minute: the
# whole tarball is decompressed) and prints that directory.  The UML
# kernel sees it through hostfs, so the e2e tests can run cli.py too.
set -euo pipefail

pkg=linux-source-6.12
tarball=/usr/src/$pkg.tar.xz
cache=${XDG_CACHE_HOME:-$HOME/.cache}/ndpv6

[ -f "$tarball" ] || {
	echo "ynl-tree: $tarball missing (run tools/harness/bootstrap.sh)" >&2
	exit 1
}
ver=$(dpkg-query -W -f='${Version}' "$pkg")
out=$cache/ynl-$ver

mkdir -p "$cache"
exec 9>"$out.lock"
flock 9
if [ ! -f "$out/.ndpv6-extracted" ]; then
	echo "ynl-tree: extracting Documentation/netlink and tools/net/ynl" \
	     "of $tarball into $out ..." >&2
	rm -rf "$out"
	mkdir -p "$out"
	tar -C "$out" --strip-components=1 -xJf "$tarball" --wildcards \
		"$pkg/Documentation/netlink/*" "$pkg/tools/net/ynl/*"
	touch "$out/.ndpv6-extracted"
fi
echo "$out"
