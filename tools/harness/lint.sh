#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make lint`: checkpatch --strict --no-tree on the kernel C sources and on
# the userspace tools' (with the exceptions listed below), kernel-doc on the
# kernel sources (and a kernel-doc for every public function), a W=1
# build and a sparse build (C=2: every file) of the test module against the
# UML kernel, and shellcheck on the scripts when it is installed.  Prints
# what each finds in this repository's files (warnings from kernel headers
# are counted, not shown) and fails if anything was found.
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/tools/harness
copy=$repo/build/lint
log=$repo/build/lint.log
failed=0

# shellcheck source=tools/harness/lock.sh
. "$here/lock.sh"
harness_lock "$repo"
"$here/bootstrap.sh" || exit 1
kbuild=$("$here/uml-kernel.sh") || exit 1
src=$kbuild/source-tree
cd "$repo" || exit 1

report() {
	local name=$1 file=$2 n

	n=$(grep -c . "$file")
	if [ "$n" -eq 0 ]; then
		echo "lint: $name: clean"
	else
		echo "lint: $name: $n finding(s)"
		sed 's/^/    /' "$file"
		failed=1
	fi
}

mapfile -t csrc < <(ls module/*.[ch] module/core/*.[ch] kunit/*.[ch] \
			include/*.h include/uapi/linux/*.h 2>/dev/null)
perl "$src/scripts/checkpatch.pl" --strict --no-tree --terse --show-types \
	-f "${csrc[@]}" 2>&1 | grep -E ': (ERROR|WARNING|CHECK):' \
	>"$repo/build/lint.checkpatch"
report "checkpatch --strict (${#csrc[@]} files)" "$repo/build/lint.checkpatch"

# kernel-doc: every comment that opens with /** is well-formed kernel-doc,
# and every function the public header declares has one at its definition
# (or in the header, for its inline functions).
mapfile -t kdoc < <(ls include/*.h include/uapi/linux/*.h module/*.[ch] \
			module/core/*.[ch] 2>/dev/null)
perl "$src/scripts/kernel-doc" -none "${kdoc[@]}" \
	>"$repo/build/lint.kernel-doc" 2>&1
for fn in $(sed -nE 's/^[a-z][^(]*[ *](ndp_[a-z0-9_]+)\(.*/\1/p' \
		include/ndpv6.h); do
	grep -qE "^ \* $fn\(\) - " include/ndpv6.h module/core/*.c ||
		echo "include/ndpv6.h: $fn() has no kernel-doc" \
			>>"$repo/build/lint.kernel-doc"
done
report "kernel-doc (${#kdoc[@]} files, include/ndpv6.h's API)" \
	"$repo/build/lint.kernel-doc"

# The userspace tools in C are held to the same style; they get the
# kernel's attribute macros from tools/lib/include/linux/compiler.h.  What
# checkpatch cannot know about userspace is left out, and only that:
#  - EMBEDDED_FUNCTION_NAME: a word of a message to the user that happens
#    to name the function printing it ("usage", "icmp6", "help"); __func__
#    would be wrong in a tool's message;
#  - CamelCase of names that are not ours: libFuzzer's entry points
#    LLVMFuzzerInitialize/LLVMFuzzerTestOneInput and C99's PRIu64 & co.;
#  - volatile on a sig_atomic_t, which C requires of an object a signal
#    handler writes;
#  - MACRO_ARG_REUSE in ndpv6ctl's NAME(tbl, v): tbl is an array's name,
#    and its second use is inside ARRAY_SIZE(), which does not evaluate it;
#  - compiler.h itself, where the attributes are spelled out (checkpatch
#    skips the kernel's own compiler_attributes.h the same way).
mapfile -t tsrc < <(ls tools/fuzz/*.[ch] tools/bench/*.c tools/ndpv6ctl/*.[ch] \
			tools/replay/*.c tools/lib/include/linux/types.h \
			2>/dev/null)
perl "$src/scripts/checkpatch.pl" --strict --no-tree --terse --show-types \
	--ignore EMBEDDED_FUNCTION_NAME -f "${tsrc[@]}" 2>&1 |
	grep -E ': (ERROR|WARNING|CHECK):' |
	grep -vE 'CAMELCASE: Avoid CamelCase: <(LLVMFuzzer[A-Za-z]+|PRI[diouxX](8|16|32|64|MAX|PTR))>$' |
	grep -vE '^tools/ndpv6ctl/cmd\.c:[0-9]+: WARNING:VOLATILE:' |
	grep -vE "^tools/ndpv6ctl/cmd\.c:[0-9]+: CHECK:MACRO_ARG_REUSE: Macro argument reuse 'tbl'" \
	>"$repo/build/lint.checkpatch-tools"
report "checkpatch --strict, userspace tools (${#tsrc[@]} files)" \
	"$repo/build/lint.checkpatch-tools"

# reStructuredText: the pages parse without a warning (docutils, as Sphinx
# would read them).
python3 - Documentation/ndpv6/*.rst >"$repo/build/lint.rst" 2>&1 <<'PY'
import sys
from docutils.core import publish_doctree
for path in sys.argv[1:]:
    with open(path) as f:
        publish_doctree(f.read(), source_path=path,
                        settings_overrides={'report_level': 2,
                                            'halt_level': 5})
PY
report "reStructuredText (Documentation/ndpv6)" "$repo/build/lint.rst"

# A fresh copy, so that W=1 sees every file compiled.
rm -rf "$copy"
mkdir -p "$copy"
cp -a Kbuild include module kunit "$copy/"
make -C "$kbuild" ARCH=um M="$copy" NDPV6_KUNIT=y W=1 C=2 \
	KCFLAGS="-fmacro-prefix-map=$copy/=" -j"$(nproc)" modules >"$log" 2>&1
rc=$?
sed -i "s#$copy/#$repo/#g" "$log"
grep -E "^$repo/[^:]+:[0-9]+:([0-9]+:)? (warning|error)" "$log" |
	sed "s#^$repo/##" | sort -u >"$repo/build/lint.build"
if [ $rc -ne 0 ] && [ ! -s "$repo/build/lint.build" ]; then
	echo "build failed (exit $rc), see $log" >"$repo/build/lint.build"
fi
echo "lint: W=1 C=2 build: $(grep -cE '(warning|error)' "$log") diagnostic(s)" \
	"in all, kernel headers included; full log: $log"
report "W=1 + sparse, this repository's files" "$repo/build/lint.build"

if command -v shellcheck >/dev/null; then
	mapfile -t sh < <(ls tools/*.sh tools/*/*.sh .ci/run 2>/dev/null)
	shellcheck -x -f gcc "${sh[@]}" >"$repo/build/lint.shellcheck" 2>&1
	report "shellcheck (${#sh[@]} files)" "$repo/build/lint.shellcheck"
else
	echo "lint: shellcheck not installed, scripts not checked"
fi

[ $failed -eq 0 ] && echo "lint: all clean"
exit $failed
