#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of the UML test kernel (booted by tools/harness/run-uml.sh).  The
# host's root is the root file system (hostfs); this script only mounts
# UML-private file systems over it, so it changes nothing on the host.
#
# Environment, from KEY=VALUE arguments on the kernel command line:
#   NDPV6_MODE   check | demo | bench (tools/bench/bench-uml.sh)
#   NDPV6_REPO   the repository (on the host, seen through hostfs)
#   NDPV6_KO     check: the module to insmod
#   NDPV6_E2E    check: comma-separated globs on tools/e2e/[0-9]*.sh names
#                ("" = all, "none" = none)
#   NDPV6_YNL    check: Linux 6.12's YNL tree (tools/harness/ynl-tree.sh),
#                for tools/e2e/37-ynl-cli.sh
#
# check prints, between markers the host parses ("ndpv6-harness: ..."):
# the KUnit suites (run by insmod), the end-to-end tests as one more KTAP
# suite "ndpv6_e2e", and the kmemleak report taken before rmmod.  Whatever
# happens, it ends by powering off: PID 1 never exits.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C.UTF-8
umask 022

# shellcheck source=tools/harness/guest-lib.sh
. "$(dirname "$0")/guest-lib.sh"

mode_demo() {
	bash "$NDPV6_REPO/tools/demo.sh" </dev/null
	mark "demo rc=$?"
	cleanup_net
}

guest_setup ndpv6-uml
stamp "init started"
mark "boot mode=${NDPV6_MODE:-} kernel=$(uname -r)"
case "${NDPV6_MODE:-}" in
check)	mode_check ;;
demo)	mode_demo ;;
bench)	bash "$NDPV6_REPO/tools/bench/bench-uml.sh" inside </dev/null
	mark "bench rc=$?" ;;
*)	mark "unknown NDPV6_MODE '${NDPV6_MODE:-}'" ;;
esac
power_off
