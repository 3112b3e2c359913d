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
 * the caller's), and its timestamp in @tstamp.
 */
static void event_from_ifa(struct inet6_ifaddr *ifa, struct ndpv6_rt_event *e,
			   unsigned long *tstamp)
{
	u32 flags;

	e->addr = ifa->addr;
	e->plen = ifa->prefix_len;
	spin_lock_bh(&ifa->lock);
	flags = ifa->flags;
	e->valid_s = ifa->valid_lft;
	e->preferred_s = ifa->prefered_lft;
	*tstamp = ifa->tstamp;
	spin_unlock_bh(&ifa->lock);
	e->onlink = e->plen < 128 && !(flags & IFA_F_NOPREFIXROUTE);
}

/**
 * ndpv6_rt_rescan() - give the core every user's address of ndp0 again.
 * @priv: the device
 *
 * The event ring overflowed (ip -batch of many addresses while the work
 * lagged, seen on two CPUs), or ndp0 was opened with addresses the
 * notifier never saw (added while it was down, or kept over the down by
 * keep_addr_on_down): every address of ndp0's is given to the core again
 * as a user's (ndpv6_rt_event_apply() passes over the mirror's own; one
 * the core has comes back -EEXIST and changes nothing).  A lost deletion
 * is not recovered: an address in the core but not in the kernel may be
 * ndpv6ctl's, still in DAD.
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
		/* a group (autojoin): the mirror's upper groups, as above */
		if (ipv6_addr_is_multicast(&ifa->addr))
			continue;
		event_from_ifa(ifa, &ev[n], &tstamp);
		ev[n++].kind = RT_EV_USER_ADD;
	}
	read_unlock_bh(&idev->lock);
	in6_dev_put(idev);
	while (n)
		ndpv6_rt_event_apply(priv, &ev[--n]);
	kvfree(ev);
}

/**
 * ndpv6_rt_kernel_plen() - the prefix length of an address of ndp0's.
 * @priv: the device
 * @a: the address
 *
 * Context: process or BH; takes the inet6_dev's lock (6.1 exports no
 * lookup of one address).
 * Return: the length, or -1 when ndp0 does not have @a.
 */
int ndpv6_rt_kernel_plen(struct ndpv6_dev *priv, const struct in6_addr *a)
{
	struct inet6_ifaddr *ifa;
	struct inet6_dev *idev;
	int plen = -1;

	idev = in6_dev_get(priv->dev);
	if (!idev)
		return -1;
	read_lock_bh(&idev->lock);
	list_for_each_entry(ifa, &idev->addr_list, if_list) {
		if (ipv6_addr_equal(&ifa->addr, a)) {
			plen = ifa->prefix_len;
			break;
		}
	}
	read_unlock_bh(&idev->lock);
	in6_dev_put(idev);
	return plen;
}

/**
 * ndpv6_rt_event_take() - the oldest event of the ring.
 * @rt: the device's rtnetlink mirror
 * @e: the event, when there is one
 * @rescan: set (never cleared) when ndp0's addresses must be walked again:
 *	events were dropped since the last call, or ndp0 was opened
 *
 * Context: process, the rtnetlink work; takes @rt->lock with BH disabled.
 * Return: true if @e was filled, false when the ring is empty.
 */
bool ndpv6_rt_event_take(struct ndpv6_rt *rt, struct ndpv6_rt_event *e,
			 bool *rescan)
{
	bool got = false;

	spin_lock_bh(&rt->lock);
	if (rt->ev_len) {
		*e = rt->ev[rt->ev_head];
		rt->ev_head = (rt->ev_head + 1) % NDPV6_RT_EVENTS;
		rt->ev_len--;
		got = true;
	}
	if (rt->rescan) {
		rt->rescan = false;
		*rescan = true;
	}
	if (rt->ev_lost) {
		rt->ev_lost = false;
		*rescan = true;
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
 * ndpv6_rt_core_del() - the core let an address go (deleted, or its valid
 *	lifetime ran out): ndp0 must not keep it.
 * @priv: the device
 * @a: the address
 *
 * The mirror's own additions leave with the work's reconcile; the rest
 * would stay: the core's link-local addresses that mirror.c shows, and the
 * user's addresses the core took.
 *
 * Context: any.
 */
void ndpv6_rt_core_del(struct ndpv6_dev *priv, const struct in6_addr *a)
{
	struct ndpv6_rt_event e = {
		.kind = RT_EV_CORE_DEL,
		.addr = *a,
		.epoch = atomic_read(&priv->rt.epoch),
	};

	event_queue(priv, &e);
}

/**
 * ndpv6_rt_event_pending() - is an event about an address still queued?
 * @rt: the device's rtnetlink mirror
 * @a: the address
 *
 * Context: process, the rtnetlink work; takes @rt->lock with BH disabled.
 * Return: true if one is.
 */
bool ndpv6_rt_event_pending(struct ndpv6_rt *rt, const struct in6_addr *a)
{
	bool found = false;
	u32 i;

	spin_lock_bh(&rt->lock);
	for (i = 0; i < rt->ev_len && !found; i++)
		found = ipv6_addr_equal(&rt->ev[(rt->ev_head + i) %
						NDPV6_RT_EVENTS].addr, a);
	spin_unlock_bh(&rt->lock);
	return found;
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
	priv->rt.rescan = false;
	spin_unlock_bh(&priv->rt.lock);
}

/**
 * ndpv6_rt_open() - ndp0 was opened: the core, new, must get the user's
 *	addresses that ndp0 has already.
 * @priv: the device, running
 *
 * The notifier ignores what is added while ndp0 is down, and a user may
 * keep addresses over a down (keep_addr_on_down): the work walks ndp0's
 * addresses at its next run (ndpv6_rt_rescan()).
 *
 * Context: process, RTNL held (ndo_open).
 */
void ndpv6_rt_open(struct ndpv6_dev *priv)
{
	ASSERT_RTNL();
	spin_lock_bh(&priv->rt.lock);
	priv->rt.rescan = true;
	spin_unlock_bh(&priv->rt.lock);
	ndpv6_rt_kick(priv);
}

/* ------------------------------------------------ the inet6addr notifier */

/*
 * Context: process with RTNL (ip -6 addr add/del, device events), or
 * softirq when the kernel's own RA processing adds an address (only if a
 * user turned accept_ra back on for ndp0), on any CPU: so no sleeping, and
 * the event queue's lock is taken with interrupts saved.  No caller holds
 * ifa->lock; the fields that change after the address is made (flags,
 * lifetimes, their timestamp: inet6_addr_modify(), RA processing, DAD)
 * are read under it, those that do not (address, prefix length) outside.
 */
static int ndpv6_inet6addr_event(struct notifier_block *nb,
				 unsigned long event, void *ptr)
{
	struct inet6_ifaddr *ifa = ptr;
	struct net_device *dev = ifa->idev->dev;
	struct ndpv6_rt_event e = {};
	struct ndpv6_dev *priv;
	unsigned long tstamp;

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
	event_from_ifa(ifa, &e, &tstamp);
	switch (event) {
	case NETDEV_UP:
		/*
		 * The mirror's own: added by its work, in this task.  Not
		 * told by the protocol: a user may give kernel_ra or
		 * kernel_ll (IFA_PROTO), and the kernel's addrconf marks the
		 * link-local address it makes once a user set ndp0's
		 * addr_gen_mode again; nobody would defend either.
		 */
		if (READ_ONCE(priv->rt.adder) == current)
			return NOTIFY_DONE;
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
