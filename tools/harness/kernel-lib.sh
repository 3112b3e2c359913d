# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by the kernel builders, tools/harness/uml-kernel.sh and
# tools/harness/smp-kernel.sh: the shared source tree, the check that a
# config fragment survived olddefconfig, and a progress ticker.

# kernel_extract TARBALL SRC LOCK: Debian's linux-source TARBALL unpacked
# once into SRC (stamp .ndpv6-extracted), under LOCK, which every builder
# of that source version shares.
kernel_extract() {
	local tarball=$1 src=$2 fd

	exec {fd}>"$3"
	flock "$fd"
	if [ ! -f "$src/.ndpv6-extracted" ]; then
		echo "kernel: extracting $tarball into $src ..." >&2
		rm -rf "$src"
		mkdir -p "$src"
		tar -C "$src" --strip-components=1 -xJf "$tarball"
		touch "$src/.ndpv6-extracted"
	fi
	exec {fd}>&-
}

# kernel_config_stuck WHO CONFIG FRAGMENT...: every =y and =n line of the
# fragments survived olddefconfig in CONFIG (the last fragment to set an
# option wins, as in merge_config.sh); prints those that did not.
# Kconfig drops an unmet or unknown option without a word.
kernel_config_stuck() {
	local who=$1 config=$2 line missing=0

	shift 2
	while read -r line; do
		case "$line" in
		CONFIG_*=y) grep -qx "$line" "$config" ;;
		CONFIG_*=n) ! grep -q "^${line%=n}=" "$config" ;;
		*) continue ;;
		esac || {
			echo "$who: $line did not stick in .config" >&2
			missing=1
		}
	done < <(cat "$@" | sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)=/\1 &/p; s/^# \(CONFIG_[A-Za-z0-9_]*\) is not set/\1 &/p' |
		 awk '{ k = $1; sub(/^[^ ]* /, ""); v[k] = $0 } END { for (k in v) print v[k] }')
	return $missing
}

# kernel_ticker WHO DIR START: progress every 30 s on stderr, so that a
# first build never goes silent for minutes; kernel_ticker_stop ends it
# (an EXIT trap does too).
KERNEL_TICKER=
kernel_ticker() {
	local who=$1 dir=$2 start=$3

	( while sleep 30; do
		echo "$who: still building ($(( $(date +%s) - start )) s, $(find "$dir" -name '*.o' | wc -l) objects)" >&2
	  done ) &
	KERNEL_TICKER=$!
	trap kernel_ticker_stop EXIT
}

kernel_ticker_stop() {
	[ -z "$KERNEL_TICKER" ] || kill "$KERNEL_TICKER" 2>/dev/null || true
	KERNEL_TICKER=
}
