# SPDX-License-Identifier: GPL-2.0
#
# ndpv6: see README.md and `make help`.  The module itself is described by
# Kbuild; this file drives it and the harness.

KDIR ?= /lib/modules/$(shell uname -r)/build

# make check: KUnit files or suites (globs), e2e test names (prefix glob),
# and the hard limit on one UML run (empty: computed by check.sh).
KUNIT ?=
E2E ?=
UML_TIMEOUT ?=
E2E_TRACE ?=
# ... and for the stock kernels under QEMU: which (6.1, 6.12, none) and
# the hard limit on one QEMU run (empty: defaults of check.sh).
QEMU ?=
QEMU_TIMEOUT ?=
# ... and whether the KUnit suites run on UML 6.12 too, and whether the
# SMP debug kernel runs its part (none: not).
UML612 ?=
SMP ?=

.PHONY: all modules check check-kernels check-smp demo lint clean help

all: modules

modules:
	@test -d "$(KDIR)" || { echo "KDIR=$(KDIR) is not a kernel build" \
		"directory: install the headers or pass KDIR=..." >&2; exit 1; }
	$(MAKE) -C "$(KDIR)" M="$(CURDIR)" modules

# All of the harness's output goes to stdout, in order; its last line is the
# summary.  (On failure make itself then adds "*** [...] Error 1" on stderr.)
check:
	@KUNIT='$(KUNIT)' E2E='$(E2E)' UML_TIMEOUT='$(UML_TIMEOUT)' \
		E2E_TRACE='$(E2E_TRACE)' QEMU='$(QEMU)' \
		QEMU_TIMEOUT='$(QEMU_TIMEOUT)' UML612='$(UML612)' SMP='$(SMP)' \
		tools/harness/check.sh 2>&1

# Every e2e test on Debian's stock 6.1 and 6.12 kernels under QEMU.
check-kernels: ndpv6ctl-bootstrap
	@CHECK_KERNELS=1 E2E='$(E2E)' QEMU='$(QEMU)' \
		QEMU_TIMEOUT='$(QEMU_TIMEOUT)' tools/harness/check.sh 2>&1

# KUnit suites and an e2e subset on the SMP debug kernel (lockdep, KCSAN)
# under QEMU with two CPUs; not part of make check (its first kernel build
# alone takes about 30 minutes on 2 cores).
check-smp: ndpv6ctl-bootstrap
	@CHECK_SMP=1 KUNIT='$(KUNIT)' E2E='$(E2E)' \
		QEMU_TIMEOUT='$(QEMU_TIMEOUT)' tools/harness/check.sh 2>&1

demo:
	@UML_TIMEOUT='$(UML_TIMEOUT)' tools/harness/demo-run.sh

lint:
	@tools/harness/lint.sh

clean:
	rm -rf build
	find . \( -path ./.git -o -path ./build \) -prune -o \
		\( -name '*.o' -o -name '*.ko' -o -name '*.mod' \
		-o -name '*.mod.c' -o -name '.*.cmd' -o -name '*.a' \
		-o -name '.*.d' -o -name modules.order \
		-o -name Module.symvers \) -type f -print0 | xargs -0 rm -f
	rm -rf .tmp_versions

# The targets of the included files are listed in their headers, the lines
# "#   make ..." and their continuations.
US_MAKEFILES := tools/userspace.mk tools/ndpv6ctl/ndpv6ctl.mk \
		tools/bench/bench-uml.mk

help:
	@echo 'ndpv6 targets:'
	@echo '  make [KDIR=dir] [ARCH=um]  build ndpv6.ko against KDIR (make all,'
	@echo '                             make modules; default KDIR'
	@echo '                             /lib/modules/$$(uname -r)/build);'
	@echo '                             nothing else (dkms.conf runs it)'
	@echo '  make demo                  narrated run in a UML kernel'
	@echo '  make check                 KUnit suites, end-to-end tests and'
	@echo '                             kernel checkers in a UML 6.1 kernel,'
	@echo '                             the KUnit suites in UML 6.12, an e2e'
	@echo '                             subset in stock 6.12 under QEMU, the'
	@echo '                             KUnit suites and the SMP e2e subset'
	@echo '                             on the SMP debug kernel (2 CPUs), and'
	@echo '                             make userspace-check; ends with'
	@echo '                             "N passed, N failed"'
	@echo '      KUNIT="glob ..."       only kunit/*_test.c files whose name'
	@echo '                             or suite name matches (both UMLs)'
	@echo '      UML612=none            no KUnit run in UML 6.12 (skipped)'
	@echo '      SMP=none               no run on the SMP kernel (skipped)'
	@echo '      E2E=prefix             only tools/e2e/<prefix>*.sh (none: no'
	@echo '                             e2e tests)'
	@echo '      E2E_TRACE=1            each e2e test traced with'
	@echo '                             timestamps (build/check/trace/)'
	@echo '      UML_TIMEOUT=seconds    hard limit on the UML run (default:'
	@echo '                             240 + each e2e test'"'"'s timeout + 10)'
	@echo '      QEMU=6.1|6.12|none     the stock kernel that runs the e2e'
	@echo '                             subset under QEMU beside UML'
	@echo '      QEMU_TIMEOUT=seconds   hard limit on a QEMU run (default:'
	@echo '                             180 + each e2e test'"'"'s timeout + 10)'
	@echo '  make check-kernels         every e2e test on Debian'"'"'s stock 6.1'
	@echo '                             and 6.12 kernels under QEMU (2 CPUs);'
	@echo '                             E2E, QEMU, QEMU_TIMEOUT as above'
	@echo '  make check-smp             every KUnit suite and an e2e subset'
	@echo '                             (10 20 21 23 35 40 46) on an SMP'
	@echo '                             debug kernel (lockdep, KCSAN, debug'
	@echo '                             objects; built from linux-source-6.12'
	@echo '                             once, into ~/.cache/ndpv6) under QEMU'
	@echo '                             with 2 CPUs; KUNIT, QEMU_TIMEOUT as'
	@echo '                             above, E2E=prefix overrides the subset'
	@echo '                             (E2E="*": all)'
	@echo '  make lint                  checkpatch --strict, W=1 and sparse'
	@echo '                             builds against the UML kernel'
	@echo '  make clean                 remove build products (not the'
	@echo '                             UML kernel cache in ~/.cache/ndpv6)'
	@echo '  make help                  this list'
	@for f in $(US_MAKEFILES); do \
		sed -n 's/^#   /  /p' $$f; \
	done

include tools/ndpv6ctl/ndpv6ctl.mk
include tools/userspace.mk
-include tools/bench/bench-uml.mk
