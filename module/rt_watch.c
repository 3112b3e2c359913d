// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 mirror, rtnetlink part: the address events.  The inet6addr
 * notifier sees the user's addresses come and go on ndp0, the note mirror
 * reports those whose DAD failed in the core; both queue them in the
 * device's event ring for the work (rt.c), which rescans ndp0's addresses
 * if the ring overflowed.  Documentation/ndpv6/glue.rst, "The rtnetlink
 * mirror".
 */
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/notifier.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <net/addrconf.h>
#include <net/if_inet6.h>
#include <net/ipv6.h>

#include "device.h"

/*
 * Queue @e unless ndp0 was closed since it was seen (e->epoch): checked
 * under rt->lock, which ndpv6_rt_reset() takes after ndp0 stopped running
 * (__dev_close_many() clears __LINK_STATE_START before ndo_stop).  So an
 * event queued before the reset is cleared by it, and one that comes
 * after it is dropped here, even if the notifier saw ndp0 running.
 */
static void event_queue(struct ndpv6_dev *priv,
			const struct ndpv6_rt_event *e)
{
	struct ndpv6_rt *rt = &priv->rt;
	unsigned long flags;

	spin_lock_irqsave(&rt->lock, flags);
	if (!netif_running(priv->dev) ||
	    e->epoch != atomic_read(&rt->epoch)) {
		spin_unlock_irqrestore(&rt->lock, flags);
		return;
	}
	if (rt->ev_len == NDPV6_RT_EVENTS) {
		rt->ev_lost = true;
	} else {
		rt->ev[(rt->ev_head + rt->ev_len) % NDPV6_RT_EVENTS] = *e;
		rt->ev_len++;
	}
	spin_unlock_irqrestore(&rt->lock, flags);
	ndpv6_rt_kick(priv);
}

/*
 * @e from address @ifa: what the work needs of it (@e's kind and epoch are
 * the caller's); returns its protocol, and its timestamp in @tstamp.
 */
static u8 event_from_ifa(struct inet6_ifaddr *ifa, struct ndpv6_rt_event *e,
			 unsigned long *tstamp)
{
	u32 flags;
	u8 proto;

	e->addr = ifa->addr;
	e->plen = ifa->prefix_len;
	spin_lock_bh(&ifa->lock);
	flags = ifa->flags;
	e->valid_s = ifa->valid_lft;
	e->preferred_s = ifa->prefered_lft;
	*tstamp = ifa->tstamp;
	proto = ifa->ifa_proto;
	spin_unlock_bh(&ifa->lock);
	e->onlink = e->plen < 128 && !(flags & IFA_F_NOPREFIXROUTE);
	return proto;
}

/* Is @proto the mirror's own (an address it added, SLAAC or link-local)? */
static bool proto_mirror(u8 proto)
{
	return proto == IFAPROT_KERNEL_RA || proto == IFAPROT_KERNEL_LL;
}

/**
 * ndpv6_rt_rescan() - give the core every user's address of ndp0 again.
 * @priv: the device
 *
 * The event ring overflowed (ip -batch of many addresses while the work
 * lagged, seen on two CPUs): every address of ndp0's that the mirror did
 * not add is given to the core again as a user's (ndpv6_rt_event_apply();
 * one the core has comes back -EEXIST and changes nothing).  A lost
 * deletion is not recovered: an address in the core but not in the kernel
 * may be ndpv6ctl's, still in DAD.
 *
 * Context: process, the rtnetlink work (no RTNL).
 */
void ndpv6_rt_rescan(struct ndpv6_dev *priv)
{
	struct ndpv6_rt_event *ev;
	struct inet6_ifaddr *ifa;
	struct inet6_dev *idev;
	unsigned long tstamp;
	u32 n = 0, max = 0;

	idev = in6_dev_get(priv->dev);
	if (!idev)
		return;
	read_lock_bh(&idev->lock);
	list_for_each_entry(ifa, &idev->addr_list, if_list)
		max++;
	read_unlock_bh(&idev->lock);
	ev = kvcalloc(max, sizeof(*ev), GFP_KERNEL);
	if (!ev) {
		in6_dev_put(idev);
		ndpv6_glue_inc(priv, NDPV6_GLUE_RT_ERROR);
		return;
	}
	read_lock_bh(&idev->lock);
	list_for_each_entry(ifa, &idev->addr_list, if_list) {
		if (n == max)
			break;
		if (proto_mirror(event_from_ifa(ifa, &ev[n], &tstamp)))
			continue;
		ev[n++].kind = RT_EV_USER_ADD;
	}
	read_unlock_bh(&idev->lock);
	in6_dev_put(idev);
	while (n)
		ndpv6_rt_event_apply(priv, &ev[--n]);
	kvfree(ev);
}

/**
 * ndpv6_rt_event_take() - the oldest event of the ring.
 * @rt: the device's rtnetlink mirror
 * @e: the event, when there is one
 * @lost: set (never cleared) when events were dropped since the last call
 *
 * Context: process, the rtnetlink work; takes @rt->lock with BH disabled.
 * Return: true if @e was filled, false when the ring is empty.
 */
bool ndpv6_rt_event_take(struct ndpv6_rt *rt, struct ndpv6_rt_event *e,
			 bool *lost)
{
	bool got = false;

	spin_lock_bh(&rt->lock);
	if (rt->ev_len) {
		*e = rt->ev[rt->ev_head];
		rt->ev_head = (rt->ev_head + 1) % NDPV6_RT_EVENTS;
		rt->ev_len--;
		got = true;
	}
	if (rt->ev_lost) {
		rt->ev_lost = false;
		*lost = true;
		ndpv6_glue_inc(container_of(rt, struct ndpv6_dev, rt),
			       NDPV6_GLUE_RT_ERROR);
	}
	spin_unlock_bh(&rt->lock);
	return got;
}

/**
 * ndpv6_rt_kernel_del() - remove an address from ndp0 (its DAD failed in
 *	the core).
 * @priv: the device
 * @a: the address
 * @plen: its prefix length
 *
 * Context: any.
 */
void ndpv6_rt_kernel_del(struct ndpv6_dev *priv, const struct in6_addr *a,
			 u8 plen)
{
	struct ndpv6_rt_event e = {
		.kind = RT_EV_KERNEL_DEL,
		.plen = plen,
		.addr = *a,
		.epoch = atomic_read(&priv->rt.epoch),
	};

	event_queue(priv, &e);
}

/**
 * ndpv6_rt_reset() - ndp0 went down: the kernel dropped its addresses and
 *	routes, the work forgets what it added.
 * @priv: the device, no longer running
 *
 * The epoch moves and the event ring empties in one section of rt.lock:
 * an inet6addr notifier in softirq on another CPU that saw ndp0 running
 * before, and queues its event after, finds the new epoch (event_queue()).
 *
 * Context: process, RTNL held (ndo_stop).
 */
void ndpv6_rt_reset(struct ndpv6_dev *priv)
{
	ASSERT_RTNL();
	DEBUG_NET_WARN_ON_ONCE(netif_running(priv->dev));
	spin_lock_bh(&priv->rt.lock);
	atomic_inc(&priv->rt.epoch);
	priv->rt.ev_len = 0;
	spin_unlock_bh(&priv->rt.lock);
}

/* ------------------------------------------------ the inet6addr notifier */

/*
 * Context: process with RTNL (ip -6 addr add/del, device events), or
 * softirq when the kernel's own RA processing adds an address (only if a
 * user turned accept_ra back on for ndp0), on any CPU: so no sleeping, and
 * the event queue's lock is taken with interrupts saved.  No caller holds
 * ifa->lock; the fields that change after the address is made (flags,
 * lifetimes, their timestamp, the protocol: inet6_addr_modify(), RA
 * processing, DAD) are read under it, those that do not (address, prefix
 * length) outside.
 */
static int ndpv6_inet6addr_event(struct notifier_block *nb,
				 unsigned long event, void *ptr)
{
	struct inet6_ifaddr *ifa = ptr;
	struct net_device *dev = ifa->idev->dev;
	struct ndpv6_rt_event e = {};
	struct ndpv6_dev *priv;
	unsigned long tstamp;
	u8 proto;

	if (!netif_is_ndpv6(dev))
		return NOTIFY_DONE;
	priv = netdev_priv(dev);
	/* the rtnetlink work's own addition or deletion */
	if (ndpv6_rt_own(priv, &ifa->addr))
		return NOTIFY_DONE;
	/*
	 * Read before the running test: a down after the test changes the
	 * epoch, and event_queue() drops the event.  What comes after a down
	 * and up is caught by the work (ndpv6_rt_event_apply()).
	 */
	e.epoch = atomic_read(&priv->rt.epoch);
	/*
	 * The epoch before the running state; pairs with the full barrier
	 * after __dev_close_many() clears running, before ndpv6_rt_reset()
	 * moves the epoch.
	 */
	smp_rmb();
	/* closed: the kernel is dropping ndp0's addresses, the core is gone */
	if (!netif_running(dev))
		return NOTIFY_DONE;
	/* a group (ip addr add ... autojoin): the mirror's upper groups */
	if (ipv6_addr_is_multicast(&ifa->addr))
		return NOTIFY_DONE;
	proto = event_from_ifa(ifa, &e, &tstamp);
	switch (event) {
	case NETDEV_UP:
		if (proto_mirror(proto))
			return NOTIFY_DONE;	/* the mirror's own */
		e.kind = RT_EV_USER_ADD;
		break;
	case NETDEV_DOWN:
		/* expired in the kernel, as in the core: not the user's */
		if (e.valid_s != NDP_INFINITE &&
		    (jiffies - tstamp) / HZ + 1 >= e.valid_s)
			return NOTIFY_DONE;
		e.kind = RT_EV_USER_DEL;
		break;
	default:
		return NOTIFY_DONE;
	}
	event_queue(priv, &e);
	return NOTIFY_DONE;
}

static struct notifier_block ndpv6_inet6addr_nb = {
	.notifier_call = ndpv6_inet6addr_event,
};

/**
 * ndpv6_rt_init() - register the inet6addr notifier.
 *
 * Context: module init, after the module's workqueue is made.
 * Return: 0 or a negative errno.
 */
int ndpv6_rt_init(void)
{
	return register_inet6addr_notifier(&ndpv6_inet6addr_nb);
}

/**
 * ndpv6_rt_uninit() - undo ndpv6_rt_init().
 *
 * Context: module exit, after every ndpv6 device is gone.
 */
void ndpv6_rt_uninit(void)
{
	unregister_inet6addr_notifier(&ndpv6_inet6addr_nb);
}
