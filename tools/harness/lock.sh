# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by check.sh, demo-run.sh and lint.sh: one harness run at a time
# per work tree, since they share build/ (the module copies, the console
# logs, the results file).  A second run waits for the first.
harness_lock() {
	mkdir -p "$1/build"
	exec {HARNESS_LOCK_FD}>"$1/build/.harness.lock"
	if ! flock -n "$HARNESS_LOCK_FD"; then
		echo "harness: another make check/demo/lint runs in $1; waiting ..."
		flock "$HARNESS_LOCK_FD"
	fi
}
