/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndpv6 mirror, rtnetlink part (rt.c, its requests in rt_msg.c, its
 * address events in rt_watch.c): the core's addresses, on-link prefixes
 * and default routers in ndp0's `ip -6 addr` and `ip -6 route`, and the
 * addresses a user adds on ndp0 given to the core.
 */
#ifndef _NDPV6_RT_H
#define _NDPV6_RT_H

#include <linux/atomic.h>
#include <linux/in6.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct ndpv6_dev;
struct socket;

/* Address events (user add/del, kernel delete) waiting for the work. */
#define NDPV6_RT_EVENTS		32
/* On-link prefixes of the user's addresses given to the core. */
#define NDPV6_RT_USER_PFX	16

struct ndpv6_rt_addr {
	struct in6_addr addr;
	u8 plen;
	bool unsure;		/* sent, but no memory or no answer: resent */
	u32 valid_s;
	u32 preferred_s;
	u64 at_ns;		/* when the lifetimes were sent */
};

struct ndpv6_rt_route {
	struct in6_addr dst;
	struct in6_addr gw;	/* :: for an on-link prefix */
	u8 plen;
	u8 pref;		/* enum ndp_pref: RTA_PREF (RFC 4191) */
	bool unsure;		/* as ndpv6_rt_addr's */
	u32 lifetime_s;
	u64 at_ns;
};

/* A user's address on ndp0 that the core took. */
struct ndpv6_rt_user {
	struct in6_addr addr;
	u8 plen;
	bool onlink;		/* it holds a reference on a user prefix */
};

/* A prefix the kernel has on-link for the user's addresses (refcounted). */
struct ndpv6_rt_pfx {
	struct in6_addr pfx;
	u8 plen;
	u32 refs;
};

enum ndpv6_rt_event_kind {
	RT_EV_USER_ADD,		/* a user added the address on ndp0 */
	RT_EV_USER_DEL,		/* a user deleted it */
	RT_EV_KERNEL_DEL,	/* its DAD failed in the core: out of ndp0 */
	RT_EV_CORE_DEL,		/* the core let it go: out of ndp0 too */
};

struct ndpv6_rt_event {
	u8 kind;		/* enum ndpv6_rt_event_kind */
	u8 plen;
	bool onlink;		/* the kernel made a prefix route for it */
	struct in6_addr addr;
	u32 valid_s;
	u32 preferred_s;
	int epoch;		/* ndpv6_rt.epoch when it was seen */
};

/**
 * struct ndpv6_rt - per-device state of the rtnetlink mirror
 * @work: the rtnetlink work, on the module's ordered workqueue; holds a
 *	reference to ndp0 while queued (never cancelled or flushed under RTNL)
 * @lock: protects @ev_* and @rescan, and orders them with @epoch and ndp0's running
 *	state (taken with interrupts saved, or BH disabled)
 * @ev_head: first event
 * @ev_len: events queued
 * @ev_lost: events were dropped (ring full)
 * @rescan: ndp0 was opened: the work walks its addresses
 * @ev: address events from the inet6addr notifier and the note mirror
 * @epoch: bumped at every ndo_stop, under @lock: the kernel removed
 *	ndp0's addresses and routes, so @addrs and @routes are forgotten, and
 *	events seen before are dropped
 * @seen_epoch: the epoch @addrs and @routes belong to (work only)
 * @seq: sequence number of the last message (work only)
 * @sock: NETLINK_ROUTE kernel socket in ndp0's namespace, created by the
 *	work, released by the destructor (work only)
 * @n_addrs: entries in @addrs (work only)
 * @room_addrs: room at @addrs (work only)
 * @addrs: addresses the mirror added, grown with the core's table (work
 *	only; freed with the socket)
 * @n_routes: entries in @routes (work only)
 * @room_routes: room at @routes (work only)
 * @routes: routes the mirror added, grown with the core's prefixes and
 *	routers (work only; freed with the socket)
 * @n_users: entries in @users (work only)
 * @room_users: room at @users (work only)
 * @users: the user's addresses the core took, whose on-link prefix
 *	reference they hold (work only; freed with the socket)
 * @n_user_pfx: entries in @user_pfx (work only)
 * @user_pfx: on-link prefixes of the user's addresses, given to the core
 *	and routed by the kernel itself (work only)
 * @adder: the task adding one of the mirror's own addresses to ndp0 right
 *	now (the works, on the module's ordered workqueue), NULL otherwise:
 *	the kernel calls the inet6addr notifier for it in that task
 */
struct ndpv6_rt {
	struct work_struct work;
	spinlock_t lock;	/* the event ring */
	u32 ev_head;
	u32 ev_len;
	bool ev_lost;
	bool rescan;
	struct ndpv6_rt_event ev[NDPV6_RT_EVENTS];
	atomic_t epoch;
	int seen_epoch;
	u32 seq;
	struct socket *sock;
	u32 n_addrs;
	u32 room_addrs;
	struct ndpv6_rt_addr *addrs;
	u32 n_routes;
	u32 room_routes;
	struct ndpv6_rt_route *routes;
	u32 n_users;
	u32 room_users;
	struct ndpv6_rt_user *users;
	u32 n_user_pfx;
	struct ndpv6_rt_pfx user_pfx[NDPV6_RT_USER_PFX];
	struct task_struct *adder;
};

/* rt.c */
void ndpv6_rt_setup(struct ndpv6_dev *priv);
void ndpv6_rt_release(struct ndpv6_dev *priv);
void ndpv6_rt_kick(struct ndpv6_dev *priv);
void ndpv6_rt_event_apply(struct ndpv6_dev *priv,
			  const struct ndpv6_rt_event *e);
bool ndpv6_rt_own(struct ndpv6_dev *priv, const struct in6_addr *a);

/* rt_watch.c */
int ndpv6_rt_init(void);
void ndpv6_rt_uninit(void);
void ndpv6_rt_reset(struct ndpv6_dev *priv);
void ndpv6_rt_open(struct ndpv6_dev *priv);
void ndpv6_rt_kernel_del(struct ndpv6_dev *priv, const struct in6_addr *a,
			 u8 plen);
void ndpv6_rt_core_del(struct ndpv6_dev *priv, const struct in6_addr *a);
bool ndpv6_rt_event_pending(struct ndpv6_rt *rt, const struct in6_addr *a);
int ndpv6_rt_kernel_plen(struct ndpv6_dev *priv, const struct in6_addr *a);
bool ndpv6_rt_event_take(struct ndpv6_rt *rt, struct ndpv6_rt_event *e,
			 bool *lost);
void ndpv6_rt_rescan(struct ndpv6_dev *priv);

/* rt_msg.c */
int ndpv6_rt_addr_msg(struct ndpv6_dev *priv, bool add,
		      const struct ndpv6_rt_addr *a, bool slaac);
int ndpv6_rt_route_msg(struct ndpv6_dev *priv, bool add,
		       const struct ndpv6_rt_route *r);

#endif /* _NDPV6_RT_H */
