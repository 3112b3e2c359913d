# SPDX-License-Identifier: GPL-2.0
#
# The core's source files, named once: Kbuild links them into ndpv6.ko and
# the top-level Makefile builds them into the userspace library.  A new
# file of the core is added here.
NDPV6_CORE := core wire rx nbr nbr_table addr iid mld slaac srcsel rtr \
	      rtr_view rs dns redirect rio
