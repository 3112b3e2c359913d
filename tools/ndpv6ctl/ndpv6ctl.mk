# SPDX-License-Identifier: GPL-2.0
#
# ndpv6ctl, the generic netlink tool (C, libmnl).  Included by the
# top-level Makefile; paths are relative to the repository root.
#
#   make ndpv6ctl            build/ndpv6ctl/ndpv6ctl (also by make check
#                            and make demo: the e2e tests use it; not by a
#                            plain make, which builds the module only)
#   make install             ndpv6ctl into $(DESTDIR)$(PREFIX)/sbin and its
#                            man page into .../share/man/man8
#   make ndpv6ctl-uninstall  remove both

PREFIX ?= /usr/local
NDPV6CTL := build/ndpv6ctl/ndpv6ctl
NDPV6CTL_CC ?= gcc
# Expanded when ndpv6ctl is built, so that make without libmnl is quiet.
NDPV6CTL_CFLAGS = -std=gnu11 -O2 -g -Wall -Wextra -Werror \
		  -Itools/lib/include -Iinclude/uapi \
		  $(shell pkg-config --cflags libmnl)
NDPV6CTL_LIBS = $(shell pkg-config --libs libmnl)

.PHONY: ndpv6ctl ndpv6ctl-bootstrap ndpv6ctl-install ndpv6ctl-uninstall \
	install

demo: $(NDPV6CTL)
install: ndpv6ctl-install

# make check installs missing packages (libmnl-dev) before building.
check: ndpv6ctl-bootstrap
ndpv6ctl-bootstrap:
	@tools/harness/bootstrap.sh >/dev/null && $(MAKE) --no-print-directory \
		$(NDPV6CTL)

ndpv6ctl: $(NDPV6CTL)

NDPV6CTL_SRCS := $(addprefix tools/ndpv6ctl/,ndpv6ctl.c cmd.c nl.c print.c)

$(NDPV6CTL): $(NDPV6CTL_SRCS) tools/ndpv6ctl/ndpv6ctl.h \
		include/uapi/linux/ndpv6.h tools/lib/include/linux/compiler.h
	@pkg-config --exists libmnl || { echo "ndpv6ctl: libmnl-dev and" \
		"pkg-config are needed (tools/harness/bootstrap.sh)" >&2; \
		exit 1; }
	@mkdir -p $(@D)
	$(NDPV6CTL_CC) $(NDPV6CTL_CFLAGS) $(CFLAGS) -o $@ $(NDPV6CTL_SRCS) \
		$(NDPV6CTL_LIBS) $(LDFLAGS)

ndpv6ctl-install: $(NDPV6CTL)
	install -D -m 0755 $(NDPV6CTL) $(DESTDIR)$(PREFIX)/sbin/ndpv6ctl
	install -D -m 0644 tools/ndpv6ctl/ndpv6ctl.8 \
		$(DESTDIR)$(PREFIX)/share/man/man8/ndpv6ctl.8

ndpv6ctl-uninstall:
	rm -f $(DESTDIR)$(PREFIX)/sbin/ndpv6ctl \
		$(DESTDIR)$(PREFIX)/share/man/man8/ndpv6ctl.8
