#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of a stock Debian kernel under QEMU, after the initramfs of
# tools/harness/qemu-initramfs.sh switched to this machine's root, read-only
# over 9p (booted by tools/harness/run-qemu.sh).  What must be written gets
# a tmpfs; nothing reaches the host but the console.
#
# Environment, from KEY=VALUE arguments on the kernel command line: those
# of mode_check in tools/harness/guest-lib.sh (NDPV6_KO, NDPV6_E2E,
# NDPV6_E2E_SUITE, NDPV6_REPO) and NDPV6_YNL for tools/e2e/37-ynl-cli.sh.
# Prints what uml-init.sh prints in its check mode, and powers off
# whatever happens.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# HOME on the tmpfs: the host's /root stays visible (NDPV6_YNL's cache).
export HOME=/tmp LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
umask 022

# shellcheck source=tools/harness/guest-lib.sh
. "$(dirname "$0")/guest-lib.sh"

guest_setup ndpv6-qemu /tmp /var/tmp
stamp "init started"
mark "boot mode=check kernel=$(uname -r) cpus=$(nproc)"
mode_check
power_off
