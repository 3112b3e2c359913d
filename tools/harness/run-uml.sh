#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot the UML test kernel with this machine's root (hostfs, read-write) and
# tools/harness/uml-init.sh as PID 1; the console goes to stdout.
#
#   run-uml.sh KBUILD TIMEOUT [KEY=VALUE...]
#
# KEY=VALUE arguments become the init's environment (see uml-init.sh), as
# does NDPV6_KBUILD=KBUILD (its modules, e.g. drivers/net/dummy.ko).
# UML forks helper processes, so it runs in its own process group, and the
# whole group is killed after TIMEOUT seconds: a hung kernel fails the run
# instead of hanging it.  Exit status: UML's, or 124 on timeout.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 KBUILD TIMEOUT [KEY=VALUE...]" >&2; exit 2; }
kbuild=$1
limit=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
init=$here/uml-init.sh

[ -x "$kbuild/linux" ] || { echo "run-uml: $kbuild/linux missing" >&2; exit 2; }
if [[ "$init" == *[[:space:]]* ]]; then
	echo "run-uml: the repository path must not contain spaces: $init" >&2
	exit 2
fi

flag=$(mktemp)
# No stdin for UML (con0 input is null): it must not put a terminal into
# raw mode, and CI has none.  Its memory file goes to TMPDIR.
setsid "$kbuild/linux" mem=512M rootfstype=hostfs rootflags=/ rw \
	init="$init" con=null con0=null,fd:1 NDPV6_KBUILD="$kbuild" "$@" </dev/null &
pid=$!

# setsid made $pid the leader of a new process group: kill the group.
(
	sleep "$limit" &
	nap=$!
	trap 'kill $nap 2>/dev/null; exit 0' TERM
	wait $nap
	echo timeout >"$flag"
	kill -KILL -- -"$pid"
) >/dev/null 2>&1 </dev/null &
watchdog=$!

rc=0
wait "$pid" || rc=$?
kill "$watchdog" 2>/dev/null || true
wait "$watchdog" 2>/dev/null || true
# Helpers that outlived the kernel.
kill -KILL -- -"$pid" 2>/dev/null || true

if [ -s "$flag" ]; then
	echo "run-uml: UML killed after ${limit}s (timeout)" >&2
	rc=124
fi
rm -f "$flag"
exit "$rc"
