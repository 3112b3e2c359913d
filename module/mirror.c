// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 mirror: what the lower device and the kernel must know about the
 * core, done in process context by one work item per device that drains
 * the note ring (it takes RTNL, holds a reference on ndp0 while queued,
 * and is never waited for).  What each note does and the locking:
 * Documentation/ndpv6/glue.rst, "The mirror".
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <net/addrconf.h>
#include <net/if_inet6.h>
#include <net/ipv6.h>

#include "device.h"
#include "netlink.h"

#define NDPV6_NOTE_BATCH	16

/**
 * ndpv6_mirror_kick() - have the mirror work run soon.
 * @priv: the device
 *
 * The work holds a reference on ndp0 while it is queued.
 *
 * Context: any, while ndp0 is registered; callers that may race with
 * ndo_stop hold the core lock and check that the core is running.
 */
void ndpv6_mirror_kick(struct ndpv6_dev *priv)
{
	dev_hold(priv->dev);
	if (!ndpv6_queue_work(&priv->mirror))
		dev_put(priv->dev);
}

/* ------------------------------------------------- groups on the lower */

static int lower_find(const struct ndpv6_dev *priv, const struct in6_addr *g)
{
	u32 i;

	for (i = 0; i < priv->n_lower; i++)
		if (ipv6_addr_equal(&priv->lower_groups[i].grp, g))
			return i;
	return -1;
}

/*
 * Room for one more group on the lower.  The table grows with what the
 * core joins (its max_groups: up to NDPV6_MAX_ADDRS + 16), never with a
 * fixed limit that would leave later addresses' groups out of the filter.
 */
static bool lower_room(struct ndpv6_dev *priv)
{
	struct ndpv6_lower_group *t;
	u32 room;

	ASSERT_RTNL();
	if (priv->n_lower < priv->lower_room)
		return true;
	room = max(2 * priv->lower_room, 16U);
	t = kvmalloc_array(room, sizeof(*t), GFP_KERNEL);
	if (!t)
		return false;
	if (priv->n_lower)
		memcpy(t, priv->lower_groups, priv->n_lower * sizeof(*t));
	kvfree(priv->lower_groups);
	priv->lower_groups = t;
	priv->lower_room = room;
	return true;
}

static void lower_join(struct ndpv6_dev *priv, const struct in6_addr *g)
{
	u8 mac[ETH_ALEN];
	int i;

	ASSERT_RTNL();
	i = lower_find(priv, g);
	if (i >= 0) {
		priv->lower_groups[i].refs++;
		return;
	}
	if (!lower_room(priv)) {
		ndpv6_glue_inc(priv, NDPV6_GLUE_LOWER_GROUPS_FULL);
		ndpv6_mirror_retry(priv);
		return;
	}
	ipv6_eth_mc_map(g, mac);
	if (dev_mc_add(priv->lower, mac)) {
		ndpv6_glue_inc(priv, NDPV6_GLUE_LOWER_GROUP_ERROR);
		ndpv6_mirror_retry(priv);
		return;
	}
	priv->lower_groups[priv->n_lower].grp = *g;
	priv->lower_groups[priv->n_lower].refs = 1;
	priv->n_lower++;
}

static void lower_remove(struct ndpv6_dev *priv, u32 i)
{
	u8 mac[ETH_ALEN];

	ASSERT_RTNL();	/* lower_groups */
	ipv6_eth_mc_map(&priv->lower_groups[i].grp, mac);
	dev_mc_del(priv->lower, mac);
	priv->lower_groups[i] = priv->lower_groups[--priv->n_lower];
}

static void lower_leave(struct ndpv6_dev *priv, const struct in6_addr *g)
{
	int i;

	ASSERT_RTNL();
	i = lower_find(priv, g);
	if (i >= 0 && !--priv->lower_groups[i].refs)
		lower_remove(priv, i);
}

/* ---------------------------------------------------- the kernel's view */

/**
 * ndpv6_core_addr_state() - the state the core shows for its address @a.
 * @priv: the device
 * @a: the address
 *
 * A walk of the core's table, however large.
 *
 * Context: process or BH; takes the core lock with BH disabled.
 * Return: enum ndp_addr_state, or -1 when the core has no @a (or no core).
 */
int ndpv6_core_addr_state(struct ndpv6_dev *priv, const struct in6_addr *a)
{
	struct ndp_addr_info ai;
	int state = -1;
	u32 pos = 0;
	s64 now;

	spin_lock_bh(&priv->lock);
	now = ktime_get_ns();
	while (priv->ctx && ndp_addr_next(priv->ctx, now, &pos, &ai)) {
		if (!memcmp(ai.addr.b, a->s6_addr, sizeof(ai.addr.b))) {
			state = ai.state;
			break;
		}
	}
	spin_unlock_bh(&priv->lock);
	return state;
}

/* Has the core @a, past DAD? */
static bool core_addr_valid(struct ndpv6_dev *priv, const struct in6_addr *a)
{
	int state = ndpv6_core_addr_state(priv, a);

	return state == NDP_ADDR_PREFERRED || state == NDP_ADDR_DEPRECATED;
}

/* The core's link-local address passed DAD: show it on ndp0. */
static void linklocal_add(struct ndpv6_dev *priv, const struct in6_addr *a)
{
	struct net_device *dev = priv->dev;
	struct inet6_dev *idev;

	ASSERT_RTNL();
	if (!netif_running(dev) || !core_addr_valid(priv, a))
		return;
	idev = __in6_dev_get(dev);
	/* with IPv6 off on ndp0 the kernel takes no address: no retry */
	if (!idev || READ_ONCE(idev->cnf.disable_ipv6) ||
	    ipv6_chk_addr(dev_net(dev), a, dev, 1))
		return;
	/*
	 * the address, fe80::/64 on ndp0, no DAD by the kernel; its notifier
	 * call comes inside, in this task (ndpv6_rt.adder)
	 */
	WRITE_ONCE(priv->rt.adder, current);
	addrconf_add_linklocal(idev, a, IFA_F_NODAD);
	WRITE_ONCE(priv->rt.adder, NULL);
	/* it says nothing when it finds no memory: look */
	if (!ipv6_chk_addr_and_flags(dev_net(dev), a, dev, false, 1, 0)) {
		ndpv6_glue_inc(priv, NDPV6_GLUE_LL_ERROR);
		ndpv6_mirror_retry(priv);
		return;
	}
	ndpv6_glue_inc(priv, NDPV6_GLUE_LL_MIRRORED);
	if (!priv->ll_ns)
		priv->ll_ns = ktime_get_ns();
}

/*
 * An RA's MTU option: ndp0's MTU (dev_set_mtu(), so that routes and
 * sockets follow), never above the lower's nor below 1280.
 */
static void mtu_apply(struct ndpv6_dev *priv, u32 mtu)
{
	u32 lower_mtu = READ_ONCE(priv->lower->mtu);
	struct net_device *dev = priv->dev;

	ASSERT_RTNL();
	if (lower_mtu < IPV6_MIN_MTU)
		return;		/* the notifier already handles such a lower */
	mtu = clamp_t(u32, mtu, IPV6_MIN_MTU, lower_mtu);
	if (dev->mtu != mtu && dev_set_mtu(dev, mtu))
		ndpv6_glue_inc(priv, NDPV6_GLUE_RT_ERROR);
}

/* An RA's CurHopLimit: ndp0's default hop limit. */
static void hoplimit_apply(struct ndpv6_dev *priv, u32 hops)
{
	struct inet6_dev *idev;

	ASSERT_RTNL();
	idev = __in6_dev_get(priv->dev);
	if (idev && hops && hops <= 255)
		WRITE_ONCE(idev->cnf.hop_limit, hops);
}

static void note_apply(struct ndpv6_dev *priv, const struct ndp_note *n)
{
	struct in6_addr a;

	ASSERT_RTNL();
	ndpv6_nl_notify(priv->dev, n);
	memcpy(a.s6_addr, n->addr.b, sizeof(a.s6_addr));
	switch (n->kind) {
	case NDP_NOTE_GROUP_JOIN:
		lower_join(priv, &a);
		break;
	case NDP_NOTE_GROUP_LEAVE:
		lower_leave(priv, &a);
		break;
	case NDP_NOTE_ADDR_ADD:
		if (ipv6_addr_type(&a) & IPV6_ADDR_LINKLOCAL) {
			linklocal_add(priv, &a);
			break;
		}
		fallthrough;
	case NDP_NOTE_ADDR_UPDATE:
	case NDP_NOTE_ADDR_DEPRECATED:
	case NDP_NOTE_ROUTER_ADD:
	case NDP_NOTE_ROUTER_DEL:
	case NDP_NOTE_PREFIX_ADD:
	case NDP_NOTE_PREFIX_DEL:
	case NDP_NOTE_ROUTE_ADD:
	case NDP_NOTE_ROUTE_DEL:
		ndpv6_rt_kick(priv);
		break;
	case NDP_NOTE_ADDR_DEL:
		/* a link-local one shown above, or a user's: out of ndp0 */
		ndpv6_rt_core_del(priv, &a);
		break;
	case NDP_NOTE_DAD_FAILED:
		ndpv6_rt_kernel_del(priv, &a, n->plen);
		break;
	case NDP_NOTE_MTU:
		mtu_apply(priv, n->value);
		break;
	case NDP_NOTE_HOPLIMIT:
		hoplimit_apply(priv, n->value);
		break;
	case NDP_NOTE_DNS:		/* an event only */
		break;
	case NDP_NOTE_IP_DISABLED:
		netdev_err(priv->dev, "duplicate link-local address %pI6c: another node uses our interface identifier (same MAC?); no more RS or SLAAC (RFC 4862 5.4.5) until set down and up\n",
			   &a);
		break;
	default:
		ndpv6_glue_inc(priv, NDPV6_GLUE_NOTES_DEFERRED);
		break;
	}
}

/* -------------------------------------------------------- ndp0's groups */

static bool in_set(const struct in6_addr *set, u32 n, const struct in6_addr *a)
{
	u32 i;

	for (i = 0; i < n; i++)
		if (ipv6_addr_equal(&set[i], a))
			return true;
	return false;
}

/* Groups the core joins by itself, or that never leave the host. */
static bool upper_skip(const struct in6_addr *g)
{
	return ipv6_addr_is_ll_all_nodes(g) ||
	       IPV6_ADDR_MC_SCOPE(g) < IPV6_ADDR_SCOPE_LINKLOCAL;
}

/* Give the core ndp0's groups: leave the gone ones, join the new ones. */
static void upper_sync(struct ndpv6_dev *priv)
{
	struct in6_addr want[NDPV6_UPPER_GROUPS];
	struct ifmcaddr6 *mc;
	struct inet6_dev *idev;
	u32 n = 0, i;

	ASSERT_RTNL();
	idev = __in6_dev_get(priv->dev);
	if (idev) {
		rcu_read_lock();
		for (mc = rcu_dereference(idev->mc_list); mc;
		     mc = rcu_dereference(mc->next)) {
			if (upper_skip(&mc->mca_addr))
				continue;
			if (n == NDPV6_UPPER_GROUPS) {
				ndpv6_glue_inc(priv,
					       NDPV6_GLUE_UPPER_GROUPS_FULL);
				break;
			}
			want[n++] = mc->mca_addr;
		}
		rcu_read_unlock();
	}

	for (i = 0; i < priv->n_upper; ) {
		if (in_set(want, n, &priv->upper_groups[i])) {
			i++;
			continue;
		}
		ndpv6_core_group(priv, &priv->upper_groups[i], false);
		priv->upper_groups[i] = priv->upper_groups[--priv->n_upper];
	}
	for (i = 0; i < n; i++) {
		if (in_set(priv->upper_groups, priv->n_upper, &want[i]))
			continue;
		if (ndpv6_core_group(priv, &want[i], true)) {
			ndpv6_glue_inc(priv, NDPV6_GLUE_UPPER_GROUP_ERROR);
			continue;
		}
		priv->upper_groups[priv->n_upper++] = want[i];
	}
}

/* --------------------------------------------------------------- resync */

/*
 * Notes were lost, or the mirror found no memory for part of its work
 * (ndpv6_mirror_retry()): rebuild the lower's groups and the link-local
 * address from the core's tables, every address of them (up to
 * max_addrs: 1024), and have the rtnetlink work reconcile.
 */
static void resync(struct ndpv6_dev *priv)
{
	struct ndp_addr_info *ai;
	struct in6_addr *want, a;
	u32 n = 0, i;
	int k, na;

	ASSERT_RTNL();
	ai = ndpv6_core_addrs_all(priv, &na);
	want = ai ? kvmalloc_array(1 + na + priv->n_upper, sizeof(*want),
				   GFP_KERNEL) : NULL;
	if (!want) {
		kvfree(ai);
		ndpv6_glue_inc(priv, NDPV6_GLUE_NOTES_LOST);
		ndpv6_mirror_retry(priv);
		return;
	}
	want[n++] = in6addr_linklocal_allnodes;
	for (k = 0; k < na; k++) {
		memcpy(a.s6_addr, ai[k].addr.b, sizeof(a.s6_addr));
		addrconf_addr_solict_mult(&a, &want[n]);
		if (!in_set(want, n, &want[n]))
			n++;
		if (ai[k].origin == NDP_ORIGIN_LINKLOCAL)
			linklocal_add(priv, &a);
	}
	for (i = 0; i < priv->n_upper; i++)
		if (!in_set(want, n, &priv->upper_groups[i]))
			want[n++] = priv->upper_groups[i];

	for (i = 0; i < priv->n_lower; ) {
		if (in_set(want, n, &priv->lower_groups[i].grp))
			i++;
		else
			lower_remove(priv, i);
	}
	for (i = 0; i < n; i++)
		if (lower_find(priv, &want[i]) < 0)
			lower_join(priv, &want[i]);
	kvfree(want);
	kvfree(ai);
	/* addresses and routes: rt.c starts from the tables anyway */
	ndpv6_rt_kick(priv);
}

/* ------------------------------------------------------------- the work */

static u32 notes_take(struct ndpv6_dev *priv, struct ndp_note *batch, u32 max,
		      bool *lost, bool *retry)
{
	u32 n = 0;

	spin_lock_bh(&priv->lock);
	while (n < max && priv->note_len) {
		batch[n++] = priv->notes[priv->note_head];
		priv->note_head = (priv->note_head + 1) % NDPV6_NOTE_RING;
		priv->note_len--;
	}
	*lost = priv->notes_lost;
	priv->notes_lost = false;
	*retry = priv->mirror_retry;
	priv->mirror_retry = false;
	spin_unlock_bh(&priv->lock);
	return n;
}

/**
 * ndpv6_mirror_work() - drain the note ring, give the core ndp0's groups,
 *	rebuild from the core's tables when notes were lost or it is asked to
 *	retry (ndpv6_mirror_retry()).
 * @work: priv->mirror
 *
 * Context: process (the module's workqueue); takes RTNL; drops the
 * reference on ndp0 that ndpv6_mirror_kick() took.
 */
void ndpv6_mirror_work(struct work_struct *work)
{
	struct ndpv6_dev *priv = container_of(work, struct ndpv6_dev, mirror);
	struct net_device *dev = priv->dev;
	struct ndp_note batch[NDPV6_NOTE_BATCH];
	bool lost, retry;
	u32 i, n;

	rtnl_lock();
	/* closed or being unregistered since the kick: ndo_stop cleaned up */
	if (netif_running(dev) && dev->reg_state == NETREG_REGISTERED) {
		upper_sync(priv);
		do {
			n = notes_take(priv, batch, ARRAY_SIZE(batch), &lost,
				       &retry);
			for (i = 0; i < n; i++)
				note_apply(priv, &batch[i]);
			if (lost)
				ndpv6_nl_notify_lost(priv->dev);
			if (lost || retry)
				resync(priv);
		} while (n == ARRAY_SIZE(batch));
	}
	rtnl_unlock();
	dev_put(dev);
}

/**
 * ndpv6_mirror_retry() - have the mirror start over from the core's tables.
 * @priv: the device
 *
 * For what the mirror or its rtnetlink work could not do for want of
 * memory (a group on the lower, the link-local address, an address or
 * route of the kernel's): the next tick, within a second while the core
 * runs, kicks the mirror, which rebuilds the lower's groups and the
 * link-local address from the core's tables and has the rtnetlink work
 * reconcile the kernel's view again.  Until it succeeds, once a second.
 *
 * Context: process; takes the core lock with BH disabled.
 */
void ndpv6_mirror_retry(struct ndpv6_dev *priv)
{
	spin_lock_bh(&priv->lock);
	priv->mirror_retry = true;
	spin_unlock_bh(&priv->lock);
}

/**
 * ndpv6_mirror_stop() - take the core's groups off the lower.
 * @priv: the device, its core stopped
 *
 * A mirror work still queued stays so: it finds ndp0 closed once it has
 * RTNL (never waited for here: it needs RTNL).
 *
 * Context: process, RTNL held (ndo_stop, ndo_uninit).
 */
void ndpv6_mirror_stop(struct ndpv6_dev *priv)
{
	ASSERT_RTNL();
	while (priv->n_lower)
		lower_remove(priv, priv->n_lower - 1);
	priv->n_upper = 0;
}
