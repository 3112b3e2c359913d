#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: bootstrap, UML kernel (cached), ndpv6.ko with the KUnit
# suites for it, the userspace library with gcc and clang, one UML boot
# (insmod runs the KUnit suites, then the end-to-end tests, a kmemleak scan,
# rmmod), the kernel's own KTAP parser, a scan of the console for kernel
# reports, the check.d hooks, and a summary whose last line is exactly
# "N passed, N failed" (", N skipped" appended when something was skipped).
#
# Environment (the Makefile passes its variables of the same names):
#   KUNIT        space-separated globs: only the kunit/*_test.c files whose
#                name or suite name (.name = "...") matches; default all
#   E2E          glob on the names of tools/e2e/[0-9]*.sh to run
#                (prefix match; default all; "none" for none)
#   E2E_TRACE    non-empty: each e2e test writes a bash trace with
#                timestamps to build/check/trace/NAME.sh.trace (profiling)
#   UML_TIMEOUT  seconds before the UML run is killed (default: 240 for
#                boot, KUnit and kmemleak, plus each selected e2e test's
#                own timeout and 10 s, at most 1500; the init enforces
#                the tests' timeouts)
#
# Results: every step appends lines "NAME ok|fail|skip [COUNT]" to
# build/check/results; the summary totals them.  A later step adds its own
# counts by dropping an executable into tools/harness/check.d/: it runs
# with NDPV6_REPO, NDPV6_KBUILD and NDPV6_RESULTS set, appends its lines to
# $NDPV6_RESULTS, and counts as one failure if it exits non-zero.
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/tools/harness
out=$repo/build/check
results=$out/results
console=$out/console.log
ktap=$out/ktap.log
copy=$repo/build/uml-kunit
start=$SECONDS

# shellcheck source=tools/harness/lock.sh
. "$here/lock.sh"
harness_lock "$repo"
mkdir -p "$out"
: >"$results"
rm -f "$console" "$ktap"

say() {
	echo "check: $*"
}

result() {
	echo "$*" >>"$results"
}

# Print the totals; the very last line is what CI reads.
summary() {
	local line

	echo
	say "console log: $console"
	while read -r line; do
		case "$line" in
		*' fail'|*' skip'|*' fail '[1-9]*|*' skip '[1-9]*)
			say "  $line" ;;
		esac
	done <"$results"
	say "done in $((SECONDS - start)) s"
	awk '
		{ n = ($3 == "") ? 1 : $3; t[$2] += n }
		END {
			line = sprintf("%d passed, %d failed", t["ok"], t["fail"])
			if (t["skip"] > 0)
				line = line sprintf(", %d skipped", t["skip"])
			print line
			exit (t["fail"] > 0 || t["ok"] == 0) ? 1 : 0
		}' "$results"
}

# A step that cannot go on: record it and stop with the summary.
fatal() {
	say "$1 failed"
	result "$1 fail"
	summary
	exit 1
}

# KUNIT globs -> kunit/*_test.c base names, matched on the file name or on a
# suite name the file declares.
kunit_files() {
	local f base names globs g n

	read -r -a globs <<<"$KUNIT"
	for f in "$repo"/kunit/*_test.c; do
		[ -f "$f" ] || continue
		base=$(basename "$f" .c)
		names=$(sed -n 's/.*\.name[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
		for g in "${globs[@]}"; do
			# shellcheck disable=SC2254
			case "$base" in $g) echo "$base"; continue 2 ;; esac
			for n in $names; do
				# shellcheck disable=SC2254
				case "$n" in $g) echo "$base"; continue 3 ;; esac
			done
		done
	done
}

# The hard limit on the UML run: 240 s, plus for each e2e test that will
# run its "# timeout: N" (else 60) and 10 s for its kill and cleanup; at
# most 1500 s, so that a hung kernel leaves most of CI's time.
uml_limit() {
	local t name line limit=240 secs

	[ "${E2E:-}" = none ] && { echo $limit; return; }
	for t in "$repo"/tools/e2e/[0-9]*.sh; do
		[ -f "$t" ] || continue
		name=${t##*/}
		# shellcheck disable=SC2254
		case "${name%.sh}" in ${E2E:-*}*) ;; *) continue ;; esac
		secs=60
		while IFS= read -r line; do
			if [[ "$line" =~ ^#\ timeout:\ *([0-9]+) ]]; then
				secs=${BASH_REMATCH[1]}
				break
			fi
		done <"$t"
		limit=$((limit + secs + 10))
	done
	echo $((limit < 1500 ? limit : 1500))
}

# The count of STATUS (passed, failed, ...) in the parser's last line.
parsed() {
	echo "$counts" | grep -o "$1: [0-9]*" | grep -o '[0-9]*$' || echo 0
}

"$here/bootstrap.sh" || fatal bootstrap

# Progress of a first build goes to stderr, which stays on the terminal.
kbuild=$("$here/uml-kernel.sh") || fatal uml-kernel
say "UML kernel: $kbuild"
src=$kbuild/source-tree

# The test build works on a copy so that it never mixes its objects with a
# host build in the repository; messages are mapped back to the repo.
only=
if [ -n "${KUNIT:-}" ]; then
	only=$(kunit_files | tr '\n' ' ')
	[ -n "$only" ] || { say "KUNIT='$KUNIT' matches no kunit/*_test.c"; \
			    fatal kunit-filter; }
	say "KUnit files: $only"
fi
mkdir -p "$copy"
rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='*.mod' \
	--exclude='*.mod.c' --exclude='.*.cmd' --exclude='modules.order' \
	--exclude='Module.symvers' --exclude='.*.d' --exclude='*.a' \
	"$repo/Kbuild" "$repo/include" "$repo/module" "$repo/kunit" "$copy/" ||
	fatal copy-sources
say "building ndpv6.ko for UML with the KUnit suites"
make -C "$kbuild" ARCH=um M="$copy" NDPV6_KUNIT=y \
	NDPV6_KUNIT_ONLY="$only" KCFLAGS="-fmacro-prefix-map=$copy/=" \
	-j"$(nproc)" modules 2>&1 |
	sed "s#$copy/#$repo/#g"
[ "${PIPESTATUS[0]}" -eq 0 ] || fatal module-build

for cc in gcc clang; do
	if make -s -C "$repo" lib CC="$cc" >"$out/lib-$cc.log" 2>&1; then
		result "lib-$cc ok"
	else
		cat "$out/lib-$cc.log"
		say "make lib CC=$cc failed"
		result "lib-$cc fail"
	fi
done

timeout=${UML_TIMEOUT:-$(uml_limit)}
trace=()
if [ -n "${E2E_TRACE:-}" ]; then
	rm -rf "$out/trace"
	mkdir -p "$out/trace"
	trace=(NDPV6_E2E_TRACE="$out/trace")
	say "e2e tests traced with timestamps into $out/trace/"
fi
# The kernel's YNL tools, for the e2e test that drives ndpv6 with them
# (it skips, saying so, without them).
ynl=$("$here/ynl-tree.sh") || { say "no YNL tree (ynl-tree.sh failed)"; ynl=; }
say "booting UML (timeout ${timeout}s), console: $console"
t0=$SECONDS
"$here/run-uml.sh" "$kbuild" "$timeout" NDPV6_MODE=check \
	NDPV6_REPO="$repo" NDPV6_KO="$copy/ndpv6.ko" NDPV6_YNL="$ynl" \
	NDPV6_E2E="${E2E:-}" "${trace[@]}" >"$console" 2>&1
rc=$?
sed -i 's/\r$//' "$console"	# the UML console ends lines with CR LF
say "UML exited with status $rc after $((SECONDS - t0)) s"

grep -q '^ndpv6-harness: done$' "$console" || {
	if [ $rc -eq 124 ]; then
		say "UML timed out before the init script finished"
		result "uml-timeout fail"
	else
		say "UML stopped before the init script finished (crash?)"
		result "uml-crash fail"
	fi
	tail -n 40 "$console"
}
grep -q '^ndpv6-harness: insmod rc=0$' "$console" || {
	grep '^ndpv6-harness: insmod rc=' "$console"
	result "insmod fail"
}
if grep -q '^ndpv6-harness: rmmod rc=' "$console" &&
   ! grep -q '^ndpv6-harness: rmmod rc=0$' "$console"; then
	result "rmmod fail"
fi

# KTAP: the console after insmod, from the first suite to the end of the
# e2e suite (insmod's own messages before the first suite are left out: on
# 6.1 UML they are kmemleak's traces).  The suites insmod ran have no
# top-level header, so give them one.
sed -n '/^ndpv6-harness: insmod \//,/^ndpv6-harness: ktap end$/p' "$console" |
	sed -n '/^    KTAP version 1$/,$p' |
	sed '/^ndpv6-harness: ktap end$/d' >"$out/slice"
suites=$(grep -c '^    # Subtest: ' "$out/slice")
{
	echo "KTAP version 1"
	echo "1..$suites"
	cat "$out/slice"
} >"$ktap"
rm -f "$out/slice"

echo
say "---- raw KTAP ($suites suites, $ktap) ----"
cat "$ktap"
say "---- end of raw KTAP ----"
echo
if [ "$suites" -eq 0 ]; then
	say "no KTAP in the console"
	result "ktap-missing fail"
else
	python3 "$src/tools/testing/kunit/kunit.py" parse "$ktap" |
		tee "$out/parse.log"
	counts=$(grep -o 'Testing complete\. Ran [0-9]* tests:.*' \
		 "$out/parse.log" | tail -n 1)
	if [ -z "$counts" ]; then
		say "the KTAP parser printed no result"
		result "ktap-parse fail"
	else
		result "ktap ok $(parsed passed)"
		result "ktap fail $(( $(parsed failed) + $(parsed crashed) + \
				     $(parsed errors) ))"
		result "ktap skip $(parsed skipped)"
	fi
fi

echo
python3 "$here/console_check.py" "$console" "$results" ||
	result "console-check fail"

for hook in "$here"/check.d/*; do
	[ -x "$hook" ] || continue
	name=$(basename "$hook")
	say "hook $name"
	NDPV6_REPO=$repo NDPV6_KBUILD=$kbuild NDPV6_RESULTS=$results \
		"$hook" || result "$name fail"
done

summary
