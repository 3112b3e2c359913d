/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndpv6 netdev glue: the link type "ndpv6" (device.c), its datapath
 * (datapath.c), the core's lifecycle (core_glue.c) and the kernel's view
 * of the core (mirror.c).
 *
 * One struct ndpv6_dev is the private part of each ndp0; it is also the
 * lower device's rx_handler_data, so there is at most one ndpv6 device per
 * lower.  Locking rules: Documentation/ndpv6/glue.rst.
 */
#ifndef _NDPV6_DEVICE_H
#define _NDPV6_DEVICE_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/in6.h>
#include <linux/timekeeping.h>

#include "ndpv6.h"
#include "rt.h"
#include "core_glue.h"

/* Notes from the core waiting for process context (mirror.c). */
#define NDPV6_NOTE_RING		128
/* ndp0's own IPv6 groups given to the core (ndp_join_group). */
#define NDPV6_UPPER_GROUPS	24

/* Glue-level counters, one per reason (module/glue_stats.h). */
enum ndpv6_glue_stat {
#define NDPV6_GLUE(name, desc) NDPV6_GLUE_##name,
#include "glue_stats.h"
#undef NDPV6_GLUE
	NDPV6_GLUE_MAX
};

/* Glue-level counters of the datapath, per CPU (module/glue_pcpu_stats.h). */
enum ndpv6_glue_pcpu_stat {
#define NDPV6_GLUE_PCPU(name, desc) NDPV6_PCPU_##name,
#include "glue_pcpu_stats.h"
#undef NDPV6_GLUE_PCPU
	NDPV6_PCPU_MAX
};

struct ndpv6_glue_pcpu {
	unsigned long v[NDPV6_PCPU_MAX];
};

struct ndpv6_lower_group {
	struct in6_addr grp;
	u32 refs;
};

/**
 * struct ndpv6_dev - the private part of an ndpv6 device
 * @dev: the ndpv6 device itself (ndp0)
 * @lower: the lower Ethernet device, held (@lower_tracker) until the
 *	destructor
 * @lower_tracker: reference tracker for @lower
 * @node: entry in the list of ndpv6 devices (RTNL)
 * @attached: rx handler and upper link in place (RTNL)
 * @lower_ups: the lower's carrier_up_count when last looked at (RTNL)
 * @core_mac: the MAC address the core was started with (RTNL)
 * @open_ns: when the core was last started (RTNL)
 * @ll_ns: when its link-local address went into the kernel, 0 before
 *	(RTNL)
 * @lock: the core lock: every core call and the fields below it up to
 *	@notes; taken with BH disabled
 * @ctx: the running core, or NULL while ndp0 is down
 * @next_cfg: the configuration the next start of the core uses (the link
 *	MTU is the lower's then)
 * @ctx_mem: memory for the core context; only touched through @ctx, so it
 *	may be replaced while @ctx is NULL (RTNL)
 * @ctx_size: bytes at @ctx_mem
 * @tick_at: when @tick fires (ns), NDP_TIME_NEVER when it is not queued
 * @tick: runs ndp_tick() at the core's next deadline (at least every 1 s)
 * @note_head: first note of the ring
 * @note_len: notes in the ring
 * @notes_lost: notes were lost: the mirror re-reads the tables
 * @mirror_retry: the mirror found no memory for part of the kernel's view
 *	(ndpv6_mirror_retry()): the tick kicks it, and it re-reads the tables
 * @notes: core notes waiting for @mirror, in the order the core made them
 * @mirror: process-context work: notes, multicast on the lower, the
 *	kernel's view; takes RTNL, holds a reference on @dev while queued,
 *	never waited for (mirror.c)
 * @n_lower: entries in @lower_groups (RTNL)
 * @lower_room: room at @lower_groups, grown with the core's groups (RTNL)
 * @lower_groups: groups added on the lower with dev_mc_add (RTNL; freed
 *	by the destructor)
 * @n_upper: entries in @upper_groups (RTNL)
 * @upper_groups: ndp0's own groups the core was told about (RTNL)
 * @rt: the rtnetlink mirror: addresses and routes (rt.c, rt_watch.c)
 * @glue: glue-level counters (enum ndpv6_glue_stat)
 * @glue_pcpu: the datapath's glue-level counters, per CPU (enum
 *	ndpv6_glue_pcpu_stat), from ndo_init to the destructor
 */
struct ndpv6_dev {
	struct net_device *dev;
	struct net_device *lower;
	netdevice_tracker lower_tracker;
	struct list_head node;
	bool attached;
	unsigned int lower_ups;
	u8 core_mac[ETH_ALEN] __aligned(2);
	s64 open_ns;
	s64 ll_ns;

	spinlock_t lock;	/* the core lock */
	struct ndp_ctx *ctx;
	struct ndp_config next_cfg;
	void *ctx_mem;
	size_t ctx_size;
	s64 tick_at;
	struct delayed_work tick;
	u32 note_head;
	u32 note_len;
	bool notes_lost;
	bool mirror_retry;
	struct ndp_note notes[NDPV6_NOTE_RING];

	struct work_struct mirror;
	u32 n_lower;
	u32 lower_room;
	struct ndpv6_lower_group *lower_groups;
	u32 n_upper;
	struct in6_addr upper_groups[NDPV6_UPPER_GROUPS];

	struct ndpv6_rt rt;

	atomic_long_t glue[NDPV6_GLUE_MAX];
	struct ndpv6_glue_pcpu __percpu *glue_pcpu;
};

static inline void ndpv6_glue_inc(struct ndpv6_dev *priv,
				  enum ndpv6_glue_stat s)
{
	atomic_long_inc(&priv->glue[s]);
}

/* Context: any; BH disabled or not (this_cpu_inc() is IRQ-safe). */
static inline void ndpv6_pcpu_inc(struct ndpv6_dev *priv,
				  enum ndpv6_glue_pcpu_stat s)
{
	this_cpu_inc(priv->glue_pcpu->v[s]);
}

const char *ndpv6_glue_name(unsigned int i);
const char *ndpv6_pcpu_name(unsigned int i);
unsigned long ndpv6_pcpu_read(const struct ndpv6_dev *priv, unsigned int i);

/* device.c */
int ndpv6_device_init(void);
void ndpv6_device_uninit(void);
bool netif_is_ndpv6(const struct net_device *dev);
bool ndpv6_queue_work(struct work_struct *work);

/* datapath.c */
int ndpv6_datapath_init(void);
void ndpv6_datapath_uninit(void);
rx_handler_result_t ndpv6_handle_frame(struct sk_buff **pskb);
netdev_tx_t ndpv6_start_xmit(struct sk_buff *skb, struct net_device *dev);
void ndpv6_tick_work(struct work_struct *work);
/* One core call: get the output, lock, call, after_locked, unlock, finish. */
struct ndp_out *ndpv6_out_get(void);
void ndpv6_out_put(struct ndp_out *out);
void ndpv6_out_after_locked(struct ndpv6_dev *priv, const struct ndp_out *out,
			    s64 now);
void ndpv6_out_finish(struct ndpv6_dev *priv, struct ndp_out *out,
		      const struct sk_buff *rx_skb);

/* useropt.c */
void ndpv6_useropts_send(struct ndpv6_dev *priv, const struct ndp_out *out,
			 const struct sk_buff *rx_skb);

/* The core's clock. */
static inline s64 ndpv6_now(void)
{
	return (s64)ktime_get_ns();
}

/* mirror.c */
void ndpv6_mirror_work(struct work_struct *work);
void ndpv6_mirror_kick(struct ndpv6_dev *priv);
int ndpv6_core_addr_state(struct ndpv6_dev *priv, const struct in6_addr *a);
void ndpv6_mirror_stop(struct ndpv6_dev *priv);
void ndpv6_mirror_retry(struct ndpv6_dev *priv);

#endif /* _NDPV6_DEVICE_H */
