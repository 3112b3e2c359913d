/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What differs between the kernels ndpv6 builds against (6.1 to 6.12), in
 * one place.  The NDPV6_HAVE_* macros come from module/compat.mk, which
 * probes the target's headers: a version number cannot tell them (stable
 * series backport some of these changes).  Macros the kernel defines
 * itself are tested with #ifdef here.
 */
#ifndef NDPV6_COMPAT_H
#define NDPV6_COMPAT_H

#include <linux/local_lock.h>
#include <linux/lockdep.h>
#include <linux/netdevice.h>
#include <net/genetlink.h>

/*
 * Lockless transmit and a fixed network namespace: feature bits up to
 * 6.11, struct net_device bits from 6.12 (netns_local renamed
 * netns_immutable in 6.13 and in 6.12.y).  NDPV6_F_FIXED is what stays in
 * dev->features whatever ndo_fix_features computes; ndpv6_set_fixed() sets
 * the bits that are fields instead.
 */
#ifdef NDPV6_HAVE_DEV_LLTX
#define NDPV6_F_LLTX		0
#else
#define NDPV6_F_LLTX		NETIF_F_LLTX
#endif
#if defined(NDPV6_HAVE_DEV_NETNS_IMMUTABLE) || \
	defined(NDPV6_HAVE_DEV_NETNS_LOCAL)
#define NDPV6_F_NETNS_LOCAL	0
#else
#define NDPV6_F_NETNS_LOCAL	NETIF_F_NETNS_LOCAL
#endif
#define NDPV6_F_FIXED		(NDPV6_F_LLTX | NDPV6_F_NETNS_LOCAL)

static inline void ndpv6_set_fixed(struct net_device *dev)
{
#ifdef NDPV6_HAVE_DEV_LLTX
	dev->lltx = true;
#endif
#if defined(NDPV6_HAVE_DEV_NETNS_IMMUTABLE)
	dev->netns_immutable = true;
#elif defined(NDPV6_HAVE_DEV_NETNS_LOCAL)
	dev->netns_local = true;
#endif
}

/*
 * The family's pre_doit/post_doit get the split op from 6.2 (same
 * internal_flags), and a dump's attributes are in its struct genl_info.
 */
#ifdef NDPV6_HAVE_GENL_SPLIT_OPS
#define ndpv6_genl_hook_ops	genl_split_ops
#else
#define ndpv6_genl_hook_ops	genl_ops
#endif

static inline struct nlattr **ndpv6_dump_attrs(struct netlink_callback *cb)
{
#ifdef NDPV6_HAVE_GENL_INFO_DUMP
	return genl_info_dump(cb)->attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

/*
 * Joining the events group needs CAP_NET_ADMIN in the socket's namespace
 * where genetlink can check it (6.7, and the 6.1 stable series: bookworm's
 * 6.1 kernels have it); without it the group is open to every process
 * there, as rtnetlink's groups are.
 */
#ifdef GENL_MCAST_CAP_NET_ADMIN
#define NDPV6_MCGRP_FLAGS	GENL_MCAST_CAP_NET_ADMIN
#else
#define NDPV6_MCGRP_FLAGS	0
#endif

/* ethtool_puts() (6.8): on older kernels the same through "%s". */
#ifndef NDPV6_HAVE_ETHTOOL_PUTS
#define ethtool_puts(data, str)	ethtool_sprintf((data), "%s", (str))
#endif

/*
 * Per-CPU data used with BH disabled: on PREEMPT_RT (from 6.11) a BH
 * section no longer excludes the other users on the CPU, the local lock
 * does.  Without it, BH disabled is enough (lockdep still asserts that).
 */
#ifndef local_lock_nested_bh
#define local_lock_nested_bh(lock)	lockdep_assert_in_softirq()
#define local_unlock_nested_bh(lock)	do { } while (0)
#endif

#endif /* NDPV6_COMPAT_H */
