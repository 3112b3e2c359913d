// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 glue: the core's lifecycle (start at ndo_open, stop at ndo_stop)
 * and the calls into it from process context.  Locks and contexts:
 * Documentation/ndpv6/glue.rst.
 */
#include <linux/etherdevice.h>
#include <linux/ipv6.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/netdevice.h>
#include <linux/random.h>
#include <linux/rtnetlink.h>

#include "device.h"

/* ndp_flush() rounds at down: the largest queue, NDP_OUT_DONE at a time */
#define NDPV6_FLUSH_ROUNDS	(65536 / NDP_OUT_DONE)

static void ndpv6_random(void *opaque, void *buf, u32 len)
{
	get_random_bytes(buf, len);
}

/**
 * ndpv6_core_start() - (re)create the core for the lower's MAC address.
 * @priv: the device, down
 *
 * The core gets priv->next_cfg with the lower's MTU; its memory grows when
 * that configuration needs more and is cleared before the core lock is
 * taken (only ndp_start(), bounded, runs under it).  The link-local
 * address starts tentative; its DAD and the first RS leave from the tick
 * after their random delays.
 *
 * Context: process, RTNL held (ndo_open).
 * Return: 0, -ENOMEM, -EINVAL (configuration) or -EADDRNOTAVAIL (the core
 * refuses the MAC address).
 */
int ndpv6_core_start(struct ndpv6_dev *priv)
{
	struct net_device *lower = priv->lower;
	struct ndp_config cfg;
	struct ndp_ctx *ctx;
	struct ndp_out *out;
	size_t size;
	void *mem;
	s64 now;

	ASSERT_RTNL();
	spin_lock_bh(&priv->lock);
	ndpv6_core_next_config(priv, &cfg);
	spin_unlock_bh(&priv->lock);
	cfg.link_mtu = max_t(u32, READ_ONCE(lower->mtu), IPV6_MIN_MTU);
	size = ndp_ctx_size(&cfg);
	if (!size)
		return -EINVAL;
	if (size > priv->ctx_size) {
		/* priv->ctx is NULL: nothing else uses the old memory */
		mem = kvzalloc(size, GFP_KERNEL);
		if (!mem)
			return -ENOMEM;
		kvfree(priv->ctx_mem);
		priv->ctx_mem = mem;
		priv->ctx_size = size;
	}
	DEBUG_NET_WARN_ON_ONCE(priv->ctx);
	ether_addr_copy(priv->core_mac, lower->dev_addr);
	/*
	 * Cleared and laid out here, preemptible and unlocked (8.9 MB at
	 * 100,000 neighbours): priv->ctx is NULL, so nothing else reads this
	 * memory until the locked section below publishes it.
	 */
	ctx = ndp_prepare(priv->ctx_mem, priv->ctx_size, &cfg);
	if (!ctx)
		return -EINVAL;

	local_bh_disable();
	out = ndpv6_out_get();
	spin_lock(&priv->lock);
	now = ndpv6_now();
	ctx = ndp_start(ctx, priv->core_mac, now, ndpv6_random, priv, out);
	if (ctx) {
		WRITE_ONCE(priv->ctx, ctx);
		priv->tick_at = NDP_TIME_NEVER;
		ndpv6_out_after_locked(priv, out, now);
		priv->open_ns = now;
		priv->ll_ns = 0;
	}
	spin_unlock(&priv->lock);
	ndpv6_out_finish(priv, out, NULL);
	local_bh_enable();
	return ctx ? 0 : -EADDRNOTAVAIL;
}

/**
 * ndpv6_core_stop() - stop the core: give back what it holds, stop the tick.
 * @priv: the device
 *
 * After the first locked section no other path calls the core (they all
 * find priv->ctx NULL), so the packets it still queues are flushed with no
 * one adding more.  Pending notes are dropped.
 *
 * Context: process, RTNL held (ndo_stop).
 */
void ndpv6_core_stop(struct ndpv6_dev *priv)
{
	struct ndp_fill fill = {};
	struct ndp_ctx *ctx;
	struct ndp_out *out;
	unsigned int i;

	ASSERT_RTNL();
	spin_lock_bh(&priv->lock);
	ctx = priv->ctx;
	WRITE_ONCE(priv->ctx, NULL);
	priv->tick_at = NDP_TIME_NEVER;
	priv->note_head = 0;
	priv->note_len = 0;
	priv->notes_lost = false;
	priv->mirror_retry = false;
	spin_unlock_bh(&priv->lock);

	/* each round gives back up to NDP_OUT_DONE packets */
	for (i = 0; ctx && i <= NDPV6_FLUSH_ROUNDS; i++) {
		local_bh_disable();
		out = ndpv6_out_get();
		spin_lock(&priv->lock);
		ndp_flush(ctx, out);
		ndp_get_fill(ctx, &fill);
		spin_unlock(&priv->lock);
		ndpv6_out_finish(priv, out, NULL);
		local_bh_enable();
		if (!fill.queued)
			break;
	}
	WARN_ON_ONCE(ctx && fill.queued);
	cancel_delayed_work_sync(&priv->tick);
}

/**
 * ndpv6_core_call() - call the core from process context.
 * @priv: the device
 * @fn: what to call, under the core lock with BH disabled
 * @arg: passed to @fn
 *
 * The output of @fn is processed as the datapath's is: notes to the note
 * ring (the mirror takes them on), the tick moved to the new deadline,
 * frames transmitted on the lower and handles given back freed, all after
 * the lock is released.
 *
 * Context: process or BH; takes the core lock with BH disabled.
 * Return: @fn's result, or -ENETDOWN when the core is not running.
 */
int ndpv6_core_call(struct ndpv6_dev *priv, ndpv6_core_fn fn, const void *arg)
{
	struct ndp_out *out;
	int err = -ENETDOWN;
	s64 now;

	local_bh_disable();
	out = ndpv6_out_get();
	spin_lock(&priv->lock);
	if (priv->ctx) {
		now = ndpv6_now();
		err = fn(priv->ctx, now, arg, out);
		ndpv6_out_after_locked(priv, out, now);
	}
	spin_unlock(&priv->lock);
	ndpv6_out_finish(priv, out, NULL);
	local_bh_enable();
	return err;
}

static int core_join(struct ndp_ctx *ctx, s64 now, const void *arg,
		     struct ndp_out *out)
{
	return ndp_join_group(ctx, now, arg, out);
}

static int core_leave(struct ndp_ctx *ctx, s64 now, const void *arg,
		      struct ndp_out *out)
{
	return ndp_leave_group(ctx, now, arg, out);
}

/**
 * ndpv6_core_group() - have the core join or leave a group of ndp0's.
 * @priv: the device
 * @grp: an IPv6 multicast group
 * @join: join, or leave
 *
 * Context: process; takes the core lock with BH disabled.
 * Return: 0, -ENETDOWN when the core is not running, or the core's error.
 */
int ndpv6_core_group(struct ndpv6_dev *priv, const struct in6_addr *grp,
		     bool join)
{
	struct ndp_ip6 g;

	memcpy(g.b, grp->s6_addr, sizeof(g.b));
	return ndpv6_core_call(priv, join ? core_join : core_leave, &g);
}

/**
 * ndpv6_core_next_config() - the configuration the next start of the core uses.
 * @priv: the device
 * @cfg: filled in
 *
 * Context: priv->lock held.
 */
void ndpv6_core_next_config(struct ndpv6_dev *priv, struct ndp_config *cfg)
{
	lockdep_assert_held(&priv->lock);
	*cfg = priv->next_cfg;
}

/**
 * ndpv6_core_set_next_config() - the configuration for the next start of the
 *	core (table capacities and defaults; it takes effect at the next up).
 * @priv: the device
 * @cfg: the configuration; its link_mtu is ignored (the lower's is used)
 *
 * Context: process or BH; takes the core lock with BH disabled.
 * Return: 0, or -EINVAL if the core would refuse @cfg.
 */
int ndpv6_core_set_next_config(struct ndpv6_dev *priv,
			       const struct ndp_config *cfg)
{
	struct ndp_config c = *cfg;

	c.link_mtu = max_t(u32, c.link_mtu, IPV6_MIN_MTU);
	if (!ndp_ctx_size(&c))
		return -EINVAL;
	spin_lock_bh(&priv->lock);
	priv->next_cfg = c;
	spin_unlock_bh(&priv->lock);
	return 0;
}

/**
 * ndpv6_core_set_mtu() - the lower's MTU changed.
 * @priv: the device
 * @mtu: the lower's new MTU
 *
 * Context: process, RTNL held.
 */
void ndpv6_core_set_mtu(struct ndpv6_dev *priv, u32 mtu)
{
	spin_lock_bh(&priv->lock);
	if (priv->ctx && mtu >= IPV6_MIN_MTU)
		ndp_set_link_mtu(priv->ctx, mtu);
	spin_unlock_bh(&priv->lock);
}

/**
 * ndpv6_core_addrs() - a snapshot of the core's addresses.
 * @priv: the device
 * @ai: room for @max entries
 * @max: size of @ai
 *
 * The walk is bounded by the core's max_addrs (at most NDPV6_MAX_ADDRS).
 *
 * Context: process; takes the core lock with BH disabled.
 * Return: how many addresses the core has (0 while it is not running);
 * the first @max of them are in @ai.
 */
int ndpv6_core_addrs(struct ndpv6_dev *priv, struct ndp_addr_info *ai,
		     int max)
{
	struct ndp_addr_info more;
	u32 pos = 0;
	int n = 0;

	spin_lock_bh(&priv->lock);
	if (priv->ctx) {
		s64 now = ndpv6_now();

		while (ndp_addr_next(priv->ctx, now, &pos,
				     n < max ? &ai[n] : &more))
			n++;
	}
	spin_unlock_bh(&priv->lock);
	return n;
}

/**
 * ndpv6_core_addrs_all() - every address of the core, however many.
 * @priv: the device
 * @n: set to how many there are
 *
 * Sized from what the core has (up to its max_addrs), not a fixed room:
 * an address added between the count and the copy makes it try again.
 *
 * Context: process; sleeps (GFP_KERNEL); takes the core lock with BH
 * disabled.
 * Return: the addresses (kvfree() them; room for at least one), or NULL
 * when there is no memory.
 */
struct ndp_addr_info *ndpv6_core_addrs_all(struct ndpv6_dev *priv, int *n)
{
	struct ndp_addr_info *ai;
	int room = 16;

	might_sleep();
	for (;;) {
		ai = kvmalloc_array(room, sizeof(*ai), GFP_KERNEL);
		if (!ai)
			return NULL;
		*n = ndpv6_core_addrs(priv, ai, room);
		if (*n <= room)
			return ai;
		kvfree(ai);
		room = *n + 8;
	}
}

/**
 * ndpv6_core_stats() - a snapshot of the core's counters and tables' fill.
 * @priv: the device
 * @stats: room for NDP_STAT_MAX counters
 * @fill: the tables' fill, read with @stats
 *
 * Context: process; takes the core lock with BH disabled.
 * Return: true if the core is running (@stats and @fill filled), else false.
 */
bool ndpv6_core_stats(struct ndpv6_dev *priv, u64 *stats,
		      struct ndp_fill *fill)
{
	bool up;

	spin_lock_bh(&priv->lock);
	up = priv->ctx;
	if (up) {
		memcpy(stats, ndp_stats(priv->ctx),
		       NDP_STAT_MAX * sizeof(*stats));
		ndp_get_fill(priv->ctx, fill);
	}
	spin_unlock_bh(&priv->lock);
	return up;
}
