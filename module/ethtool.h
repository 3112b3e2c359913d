/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndpv6 ethtool operations (ethtool.c): driver information, the link of
 * the lower device, and `ethtool -S` with the core's counters, the fill
 * and capacity of its tables and the glue's counters.
 */
#ifndef _NDPV6_ETHTOOL_H
#define _NDPV6_ETHTOOL_H

#include <linux/ethtool.h>

extern const struct ethtool_ops ndpv6_ethtool_ops;

#endif /* _NDPV6_ETHTOOL_H */
