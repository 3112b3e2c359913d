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

# make lib: the core as a userspace static library, with $(CC).  Warnings
# are the kernel's W=1 set (-Wextra less what W=1 turns off), as errors.
LIB := tools/lib/libndpv6.a
LIB_SRCS := $(wildcard module/core/*.c)
LIB_OBJDIR := build/lib-$(notdir $(firstword $(CC)))
LIB_OBJS := $(LIB_SRCS:module/core/%.c=$(LIB_OBJDIR)/%.o)
LIB_CFLAGS := -std=gnu11 -O2 -g -Itools/lib/include -Iinclude \
	      -Wall -Wextra -Werror -Wno-unused-parameter \
	      -Wno-missing-field-initializers -Wno-sign-compare \
	      -Wno-type-limits -Wno-shift-negative-value \
	      -Wmissing-declarations -Wmissing-prototypes \
	      -Wold-style-definition

.PHONY: all modules check demo lib lint clean help

all: modules

modules:
	@test -d "$(KDIR)" || { echo "KDIR=$(KDIR) is not a kernel build" \
		"directory: install the headers or pass KDIR=..." >&2; exit 1; }
	$(MAKE) -C "$(KDIR)" M="$(CURDIR)" modules

# All of the harness's output goes to stdout, in order; its last line is the
# summary.  (On failure make itself then adds "*** [...] Error 1" on stderr.)
check:
	@KUNIT='$(KUNIT)' E2E='$(E2E)' UML_TIMEOUT='$(UML_TIMEOUT)' \
		E2E_TRACE='$(E2E_TRACE)' tools/harness/check.sh 2>&1

demo:
	@UML_TIMEOUT='$(UML_TIMEOUT)' tools/harness/demo-run.sh

lib: $(LIB_OBJS)
	@rm -f $(LIB)
	$(AR) rcs $(LIB) $(LIB_OBJS)

$(LIB_OBJDIR)/%.o: module/core/%.c
	@mkdir -p $(@D)
	$(CC) $(LIB_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(LIB_OBJS:.o=.d)

lint:
	@tools/harness/lint.sh

clean:
	rm -rf build $(LIB)
	find . \( -path ./.git -o -path ./build \) -prune -o \
		\( -name '*.o' -o -name '*.ko' -o -name '*.mod' \
		-o -name '*.mod.c' -o -name '.*.cmd' -o -name '*.a' \
		-o -name '.*.d' -o -name modules.order \
		-o -name Module.symvers \) -type f -print0 | xargs -0 rm -f
	rm -rf .tmp_versions

help:
	@echo 'ndpv6 targets:'
	@echo '  make [KDIR=dir] [ARCH=um]  build ndpv6.ko against KDIR'
	@echo '                             (default /lib/modules/$$(uname -r)/build);'
	@echo '                             nothing else (dkms.conf runs it)'
	@echo '  make ndpv6ctl              the netlink tool (needs libmnl-dev)'
	@echo '  make demo                  narrated run in a UML kernel'
	@echo '  make check                 KUnit suites, end-to-end tests and'
	@echo '                             kernel checkers in a UML kernel; ends'
	@echo '                             with "N passed, N failed"'
	@echo '      KUNIT="glob ..."       only kunit/*_test.c files whose name'
	@echo '                             or suite name matches'
	@echo '      E2E=prefix             only tools/e2e/<prefix>*.sh (none: no'
	@echo '                             e2e tests)'
	@echo '      E2E_TRACE=1            each e2e test traced with'
	@echo '                             timestamps (build/check/trace/)'
	@echo '      UML_TIMEOUT=seconds    hard limit on the UML run (default:'
	@echo '                             240 + each e2e test'"'"'s timeout + 10)'
	@echo '  make lib [CC=clang]        userspace $(LIB) from module/core'
	@echo '  make lint                  checkpatch --strict, W=1 and sparse'
	@echo '                             builds against the UML kernel'
	@echo '  make clean                 remove build products (not the'
	@echo '                             UML kernel cache in ~/.cache/ndpv6)'

include tools/ndpv6ctl/ndpv6ctl.mk
include tools/userspace.mk
-include tools/bench/bench-uml.mk
