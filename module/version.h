/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The module's version, in one place: MODULE_VERSION() (main.c) and
 * dkms.conf's PACKAGE_VERSION both read this line.
 */
#ifndef NDPV6_VERSION_H
#define NDPV6_VERSION_H

#define NDPV6_VERSION "0.1.0"

#endif /* NDPV6_VERSION_H */
