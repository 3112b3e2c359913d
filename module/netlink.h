/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndpv6 generic netlink family "ndpv6" (netlink.c): tables, counters and
 * parameters of ndpv6 devices, static configuration, and the events
 * multicast group.  The interface is include/uapi/linux/ndpv6.h, described
 * by Documentation/netlink/specs/ndpv6.yaml.
 */
#ifndef _NDPV6_NETLINK_H
#define _NDPV6_NETLINK_H

#include <linux/netdevice.h>

#include "ndpv6.h"

int ndpv6_nl_init(void);
void ndpv6_nl_uninit(void);

/*
 * Events: the glue calls ndpv6_nl_notify() once per core note, in the
 * order the core made them, ndpv6_nl_notify_lost() when notes were
 * lost, ndpv6_nl_notify_refused() when the core refused a user's
 * address (the rtnetlink mirror removes it from the device), and
 * ndpv6_nl_notify_kernel_refused() when the kernel refused one of the
 * mirror's additions.  They may
 * be called in any context (they allocate GFP_ATOMIC and take no lock of
 * the device), cost nothing when nobody listens in @dev's network
 * namespace, give the listeners' sockets ENOBUFS when there is no memory
 * for an event, and must not be called before ndpv6_nl_init() or after
 * ndpv6_nl_uninit() (devices exist only in between).
 */
void ndpv6_nl_notify(struct net_device *dev, const struct ndp_note *note);
void ndpv6_nl_notify_lost(struct net_device *dev);
void ndpv6_nl_notify_refused(struct net_device *dev,
			     const struct in6_addr *addr, u8 plen, int err);
void ndpv6_nl_notify_kernel_refused(struct net_device *dev, int what,
				    const struct in6_addr *addr, u8 plen,
				    int err);

#endif /* _NDPV6_NETLINK_H */
