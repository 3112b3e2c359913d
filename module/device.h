/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndpv6 netdev glue: the link type "ndpv6" (device.c), its datapath
 * (datapath.c) and the kernel's view of the core (mirror.c).
 *
 * One struct ndpv6_dev is the private part of each ndp0; it is also the
 * lower device's rx_handler_data, so there is at most one ndpv6 device per
 * lower.  Locking rules: see the top of datapath.c.
 */
#ifndef _NDPV6_DEVICE_H
#define _NDPV6_DEVICE_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/in6.h>

#include "ndpv6.h"
#include "mirror_rt.h"

/* Notes from the core waiting for process context (mirror.c). */
#define NDPV6_NOTE_RING		128
/* ndp0's own IPv6 groups given to the core (ndp_join_group). */
#define NDPV6_UPPER_GROUPS	24

/*
 * Glue-level counters, one per reason (the core counts its own), shown in
 * /sys/kernel/debug/ndpv6/devices.
 */
enum ndpv6_glue_stat {
	/* ND/MLD the kernel itself tried to send on ndp0, dropped */
	NDPV6_GLUE_KERNEL_ND_SUPPRESSED,
	/* frames the core built, sent on the lower, by kind */
	NDPV6_GLUE_TX_CORE_NS,
	NDPV6_GLUE_TX_CORE_NA,
	NDPV6_GLUE_TX_CORE_RS,
	NDPV6_GLUE_TX_CORE_MLD,
	NDPV6_GLUE_TX_CORE_ECHO,
	NDPV6_GLUE_TX_CORE_OTHER,
	NDPV6_GLUE_TX_ALLOC_FAILED,	/* core frame not sent: no memory */
	NDPV6_GLUE_TX_LOWER_ERROR,	/* the lower refused a frame */
	NDPV6_GLUE_TX_NOT_IPV6,		/* ndp0 xmit: not an IPv6 packet */
	NDPV6_GLUE_TX_DOWN,		/* ndp0 xmit: core not running */
	NDPV6_GLUE_TX_NO_HEADROOM,	/* ndp0 xmit: no memory for headroom */
	NDPV6_GLUE_RX_PULL_FAILED,	/* rx: no memory to linearise */
	NDPV6_GLUE_NOTES_LOST,		/* core notes lost: ring/output full */
	NDPV6_GLUE_NOTES_DEFERRED,	/* notes not mirrored (NBR_UNREACHABLE) */
	NDPV6_GLUE_LL_MIRRORED,		/* link-local given to the kernel */
	NDPV6_GLUE_LOWER_GROUPS_FULL,	/* group not put on the lower: full */
	NDPV6_GLUE_LOWER_GROUP_ERROR,	/* dev_mc_add() on the lower failed */
	NDPV6_GLUE_UPPER_GROUPS_FULL,	/* ndp0 group not given to the core */
	NDPV6_GLUE_UPPER_GROUP_ERROR,	/* the core refused a group of ndp0 */
	NDPV6_GLUE_RT_MSGS,		/* rtnetlink messages the kernel took */
	NDPV6_GLUE_RT_ERROR,		/* ... refused, or not sent (mirror_rt) */
	NDPV6_GLUE_USER_ADDRS,		/* ndp0 addresses given to the core */
	NDPV6_GLUE_MAX
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
 * @rt: the rtnetlink mirror: addresses and routes (mirror_rt.c)
 * @glue: glue-level counters (enum ndpv6_glue_stat)
 */
struct ndpv6_dev {
	struct net_device *dev;
	struct net_device *lower;
	netdevice_tracker lower_tracker;
	struct list_head node;
	bool attached;
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
	struct ndp_note notes[NDPV6_NOTE_RING];

	struct work_struct mirror;
	u32 n_lower;
	u32 lower_room;
	struct ndpv6_lower_group *lower_groups;
	u32 n_upper;
	struct in6_addr upper_groups[NDPV6_UPPER_GROUPS];

	struct ndpv6_rt rt;

	atomic_long_t glue[NDPV6_GLUE_MAX];
};

static inline void ndpv6_glue_inc(struct ndpv6_dev *priv,
				  enum ndpv6_glue_stat s)
{
	atomic_long_inc(&priv->glue[s]);
}

const char *ndpv6_glue_name(unsigned int i);

/* device.c */
int ndpv6_device_init(void);
void ndpv6_device_uninit(void);
bool netif_is_ndpv6(const struct net_device *dev);

/*
 * A call into the core from process context (ndpv6_core_call()): @fn runs
 * under the core lock with BH disabled, with the current time; its output
 * is processed as the datapath's is.
 */
typedef int (*ndpv6_core_fn)(struct ndp_ctx *ctx, s64 now, const void *arg,
			     struct ndp_out *out);

/* datapath.c */
int ndpv6_datapath_init(void);
void ndpv6_datapath_uninit(void);
rx_handler_result_t ndpv6_handle_frame(struct sk_buff **pskb);
netdev_tx_t ndpv6_start_xmit(struct sk_buff *skb, struct net_device *dev);
void ndpv6_tick_work(struct work_struct *work);
int ndpv6_core_start(struct ndpv6_dev *priv);
void ndpv6_core_stop(struct ndpv6_dev *priv);
int ndpv6_core_call(struct ndpv6_dev *priv, ndpv6_core_fn fn, const void *arg);
int ndpv6_core_group(struct ndpv6_dev *priv, const struct in6_addr *grp,
		     bool join);
void ndpv6_next_config(struct ndpv6_dev *priv, struct ndp_config *cfg);
int ndpv6_set_next_config(struct ndpv6_dev *priv,
			  const struct ndp_config *cfg);
void ndpv6_core_set_mtu(struct ndpv6_dev *priv, u32 mtu);
int ndpv6_core_addrs(struct ndpv6_dev *priv, struct ndp_addr_info *ai,
		     int max);
struct ndp_addr_info *ndpv6_core_addrs_all(struct ndpv6_dev *priv, int *n);
bool ndpv6_core_stats(struct ndpv6_dev *priv, u64 *stats);

/* mirror.c */
void ndpv6_mirror_work(struct work_struct *work);
void ndpv6_mirror_kick(struct ndpv6_dev *priv);
void ndpv6_mirror_stop(struct ndpv6_dev *priv);

#endif /* _NDPV6_DEVICE_H */
