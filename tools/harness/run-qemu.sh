#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot one of Debian's stock kernels (/boot/vmlinuz-VERSION, installed by
# tools/harness/bootstrap.sh; this machine's own boot entries are never
# used) under QEMU with two CPUs, this machine's root shared read-only over
# 9p and tools/harness/qemu-init.sh as init; the serial console goes to
# stdout.
#
#   run-qemu.sh KERNEL_VERSION|KERNEL_IMAGE INITRAMFS TIMEOUT [KEY=VALUE...]
#
# A first argument with a slash is a kernel image to boot as it is (the
# SMP debug kernel of tools/harness/smp-kernel.sh, arch/x86/boot/bzImage).
# INITRAMFS comes from tools/harness/qemu-initramfs.sh for that kernel.
# KEY=VALUE arguments become the init's environment (see guest-lib.sh).
# KVM does not work on the machines this runs on: TCG, one host thread per
# virtual CPU.  QEMU is killed after TIMEOUT seconds, so a hung guest fails
# the run instead of hanging it.  Exit status: QEMU's, or 124 on timeout.
set -euo pipefail

[ $# -ge 3 ] ||
	{ echo "usage: $0 KERNEL_VERSION|KERNEL_IMAGE INITRAMFS TIMEOUT [KEY=VALUE...]" >&2
	  exit 2; }
kver=$1
initramfs=$2
limit=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
case $kver in
*/*)	kernel=$kver ;;
*)	kernel=/boot/vmlinuz-$kver ;;
esac

[ -r "$kernel" ] || { echo "run-qemu: $kernel missing" >&2; exit 2; }
[ -r "$initramfs" ] || { echo "run-qemu: $initramfs missing" >&2; exit 2; }
if [[ "$here" == *[[:space:]]* ]]; then
	echo "run-qemu: the repository path must not contain spaces: $here" >&2
	exit 2
fi

# panic=-1 and -no-reboot: a panic ends QEMU at once.  no_timer_check:
# under TCG on a loaded host the boot's IO-APIC timer check can miss its
# ticks and panic ("IO-APIC + timer doesn't work", seen 2026-12-07 at load
# 8); the emulated timer works, the check is what is too slow.  No network
# card, no display; stdin is not QEMU's business (CI has no terminal).
rc=0
timeout -k 10 "$limit" qemu-system-x86_64 \
	-accel tcg,thread=multi -smp 2 -m 1024 \
	-nodefaults -no-user-config -display none -no-reboot \
	-serial stdio \
	-kernel "$kernel" -initrd "$initramfs" \
	-virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
	-append "console=ttyS0 panic=-1 no_timer_check NDPV6_INIT=$here/qemu-init.sh $*" \
	</dev/null || rc=$?
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
	echo "run-qemu: QEMU killed after ${limit}s (timeout)" >&2
	rc=124
fi
exit "$rc"
