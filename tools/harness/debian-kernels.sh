# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by the check.d hooks that build against Debian's stock kernels.
# tools/harness/packages installs their headers through the meta-packages
# (linux-headers-amd64 for 6.1, linux-headers-6.12-amd64 for 6.12), so
# the exact release is found here, never written down.

# debian_kernel SERIES: the newest Debian amd64 kernel release of SERIES
# (6.1 or 6.12) whose build directory is installed, such as 6.1.0-57-amd64
# or 6.12.118+deb12-amd64; prints nothing when there is none.
debian_kernel() {
	local re d rel

	case $1 in
	6.1) re='^6\.1\.0-[0-9]+-amd64$' ;;
	6.12) re='^6\.12\.[0-9]+\+deb[0-9]+-amd64$' ;;
	*) return 1 ;;
	esac
	for d in /lib/modules/*/build; do
		rel=${d%/build}
		rel=${rel##*/}
		[[ $rel =~ $re ]] && [ -f "$d/Makefile" ] && echo "$rel"
	done | sort -V | tail -n 1
}
