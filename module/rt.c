// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 mirror, rtnetlink part: the core's addresses and routes in the
 * kernel, and the user's addresses in the core, over a NETLINK_ROUTE
 * kernel socket per device, from an ordered workqueue that nothing waits
 * for under RTNL.  The address events it applies come from rt_watch.c.
 * Why and how: Documentation/ndpv6/glue.rst, "The rtnetlink mirror".
 */
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/timekeeping.h>
#include <linux/workqueue.h>
#include <net/addrconf.h>
#include <net/if_inet6.h>
#include <net/ipv6.h>
#include <net/net_namespace.h>
#include <uapi/linux/ndpv6.h>

#include "device.h"
#include "netlink.h"

#define NDPV6_RT_DRIFT_S	2

/* --------------------------------------------------------- the tables */

/*
 * The core's tables, whole: room for what the core has (its capacities go
 * up to NDPV6_MAX_ADDRS, _ROUTERS, _PREFIXES, _ROUTES), grown when a
 * table did not fit; *_room are 0 (nothing allocated) before the first
 * snapshot.
 */
struct rt_snap {
	int n_addrs, n_rtrs, n_pfx, n_rts;
	int room_addrs, room_rtrs, room_pfx, room_rts;
	struct ndp_addr_info *ai;
	struct ndp_router_info *ri;
	struct ndp_prefix_info *pi;
	struct ndp_route_info *rti;	/* RFC 4191 RIO routes */
};

static void snap_free(struct rt_snap *s)
{
	kvfree(s->ai);
	kvfree(s->ri);
	kvfree(s->pi);
	kvfree(s->rti);
	memset(s, 0, sizeof(*s));
}

/* Room for @want entries of @size bytes at *@p, which has *@room. */
static bool snap_room(void **p, int *room, int want, size_t size)
{
	void *t;

	if (want <= *room)
		return true;
	want += 8;
	t = kvmalloc_array(want, size, GFP_KERNEL);
	if (!t)
		return false;
	kvfree(*p);
	*p = t;
	*room = want;
	return true;
}

/*
 * Fill @s from the core under its lock, counting every entry but keeping
 * those that fit.  Return: 1 when whole, 0 while the core is stopped,
 * -EAGAIN when a table did not fit (the counts say how much is needed).
 */
static int snap_fill(struct ndpv6_dev *priv, struct rt_snap *s)
{
	struct ndp_addr_info ai;
	struct ndp_router_info ri;
	struct ndp_prefix_info pi;
	struct ndp_route_info rti;
	int ret = 1;
	u32 pos;
	s64 now;

	s->n_addrs = 0;
	s->n_rtrs = 0;
	s->n_pfx = 0;
	s->n_rts = 0;
	spin_lock_bh(&priv->lock);
	if (!priv->ctx) {
		ret = 0;
		goto out;
	}
	now = ktime_get_ns();
	for (pos = 0; ndp_addr_next(priv->ctx, now, &pos, &ai); s->n_addrs++)
		if (s->n_addrs < s->room_addrs)
			s->ai[s->n_addrs] = ai;
	for (pos = 0; ndp_router_next(priv->ctx, now, &pos, &ri); s->n_rtrs++)
		if (s->n_rtrs < s->room_rtrs)
			s->ri[s->n_rtrs] = ri;
	for (pos = 0; ndp_prefix_next(priv->ctx, now, &pos, &pi); s->n_pfx++)
		if (s->n_pfx < s->room_pfx)
			s->pi[s->n_pfx] = pi;
	for (pos = 0; ndp_route_next(priv->ctx, now, &pos, &rti); s->n_rts++)
		if (s->n_rts < s->room_rts)
			s->rti[s->n_rts] = rti;
	if (s->n_addrs > s->room_addrs || s->n_rtrs > s->room_rtrs ||
	    s->n_pfx > s->room_pfx || s->n_rts > s->room_rts)
		ret = -EAGAIN;
out:
	spin_unlock_bh(&priv->lock);
	return ret;
}

/*
 * The core's tables in one snapshot, whatever their size; false while the
 * core is stopped, or when there is no memory for them (RT_ERROR).  The
 * tables only grow up to the core's capacities, so this ends.
 */
static bool core_snapshot(struct ndpv6_dev *priv, struct rt_snap *s)
{
	int ret;

	might_sleep();
	while ((ret = snap_fill(priv, s)) < 0) {
		if (!snap_room((void **)&s->ai, &s->room_addrs, s->n_addrs,
			       sizeof(*s->ai)) ||
		    !snap_room((void **)&s->ri, &s->room_rtrs, s->n_rtrs,
			       sizeof(*s->ri)) ||
		    !snap_room((void **)&s->pi, &s->room_pfx, s->n_pfx,
			       sizeof(*s->pi)) ||
		    !snap_room((void **)&s->rti, &s->room_rts, s->n_rts,
			       sizeof(*s->rti))) {
			ndpv6_glue_inc(priv, NDPV6_GLUE_RT_ERROR);
			ndpv6_mirror_retry(priv);
			return false;
		}
	}
	return ret;
}

/* Room for one more entry in a table of the mirror's (*@n of *@room). */
static bool table_room(void **p, u32 n, u32 *room, size_t size)
{
	u32 want = max(2 * *room, 16U);
	void *t;

	if (n < *room)
		return true;
	t = kvmalloc_array(want, size, GFP_KERNEL);
	if (!t)
		return false;
	if (n)
		memcpy(t, *p, n * size);
	kvfree(*p);
	*p = t;
	*room = want;
	return true;
}

static int addr_find(const struct ndpv6_rt *rt, const struct in6_addr *a)
{
	u32 i;

	for (i = 0; i < rt->n_addrs; i++)
		if (ipv6_addr_equal(&rt->addrs[i].addr, a))
			return i;
	return -1;
}

static int route_find(const struct ndpv6_rt *rt,
		      const struct ndpv6_rt_route *r)
{
	u32 i;

	/* another preference is another route: the kernel's is replaced */
	for (i = 0; i < rt->n_routes; i++)
		if (rt->routes[i].plen == r->plen &&
		    rt->routes[i].pref == r->pref &&
		    ipv6_addr_equal(&rt->routes[i].dst, &r->dst) &&
		    ipv6_addr_equal(&rt->routes[i].gw, &r->gw))
			return i;
	return -1;
}

/* Would a lifetime sent @sent_s seconds ago drift from @now_s? */
static bool lft_drift(u32 sent_s, u64 at_ns, u32 now_s)
{
	u64 age = div_u64(ktime_get_ns() - at_ns, NSEC_PER_SEC);
	u32 expect;

	if (sent_s == NDP_INFINITE || now_s == NDP_INFINITE)
		return sent_s != now_s;
	expect = age >= sent_s ? 0 : sent_s - (u32)age;
	return abs((s64)expect - now_s) > NDPV6_RT_DRIFT_S;
}

static bool epoch_same(struct ndpv6_dev *priv)
{
	return atomic_read(&priv->rt.epoch) == priv->rt.seen_epoch;
}

/*
 * A core address the kernel shows: DAD passed, or optimistic (RFC 4429),
 * which the kernel then sees deprecated so that it avoids it as a source
 * (3.1).
 */
static bool ai_in_kernel(const struct ndp_addr_info *ai)
{
	return ai->state == NDP_ADDR_PREFERRED ||
	       ai->state == NDP_ADDR_DEPRECATED ||
	       ai->state == NDP_ADDR_OPTIMISTIC;
}

/*
 * No memory for a request, or for its answer (which may have been yes):
 * not the kernel's refusal, so it is sent again (ndpv6_mirror_retry()).
 */
static bool rt_transient(int err)
{
	return err == -ENOMEM || err == -ENOBUFS;
}

/* Add or refresh one address of the core. */
static void addr_want(struct ndpv6_dev *priv, const struct ndp_addr_info *ai)
{
	struct ndpv6_rt *rt = &priv->rt;
	struct ndpv6_rt_addr *e, a = {};
	int i, err;

	memcpy(a.addr.s6_addr, ai->addr.b, sizeof(a.addr.s6_addr));
	a.plen = ai->plen;
	a.valid_s = ai->valid_s;
	a.preferred_s = ai->state == NDP_ADDR_PREFERRED ? ai->preferred_s : 0;
	if (!a.valid_s)
		return;
	i = addr_find(rt, &a.addr);
	if (i >= 0) {
		e = &rt->addrs[i];
		if (!e->unsure &&
		    !lft_drift(e->valid_s, e->at_ns, a.valid_s) &&
		    !lft_drift(e->preferred_s, e->at_ns, a.preferred_s))
			return;
	} else {
		/*
		 * already in the kernel and not ours: the user's, tentative
		 * too (the kernel's DAD work clears that for ndp0, NOARP, a
		 * moment after the address came; the core's note may be first)
		 */
		if (ipv6_chk_addr_and_flags(dev_net(priv->dev), &a.addr,
					    priv->dev, false, 1, 0))
			return;
		if (!table_room((void **)&rt->addrs, rt->n_addrs,
				&rt->room_addrs, sizeof(*rt->addrs))) {
			ndpv6_glue_inc(priv, NDPV6_GLUE_RT_ERROR);
			ndpv6_mirror_retry(priv);
			return;
		}
		e = &rt->addrs[rt->n_addrs++];
	}
	a.at_ns = ktime_get_ns();
	*e = a;
	err = ndpv6_rt_addr_msg(priv, true, &a, ai->origin == NDP_ORIGIN_SLAAC);
	if (rt_transient(err)) {
		/* maybe in the kernel: kept, and replaced at the retry */
		e->unsure = true;
		ndpv6_mirror_retry(priv);
		return;
	}
	if (err) {
		/* out of the table: the next run tries again */
		*e = rt->addrs[--rt->n_addrs];
		ndpv6_glue_inc(priv, NDPV6_GLUE_RT_ADDR_REFUSED);
		net_warn_ratelimited("%s: the kernel refused address %pI6c/%u (%d): tried again at the next change\n",
				     priv->dev->name, &a.addr, a.plen, err);
		ndpv6_nl_notify_kernel_refused(priv->dev, NDPV6_A_ADDR,
					       &a.addr, a.plen, err);
		return;
	}
	if (!epoch_same(priv))
		ndpv6_rt_addr_msg(priv, false, &a, false);
}

/**
 * ndpv6_rt_own() - is an address event the rtnetlink work's own doing?
 * @priv: the device
 * @a: the address added or deleted
 *
 * True while the work itself adds or deletes @a as an address of its table
 * (the core's): no user's event.  Its deletion of an address the core
 * dropped, queued as a user's, would take the address out of the core
 * again if it were back by then (deleted and added in quick succession).
 * The deletion of an address out of its table (DAD failed, or refused by
 * the core) is left to the notifier, whose user's event takes it out of
 * the core as well.
 *
 * Context: the inet6addr notifier; the table is the work's, read here
 * only when the notifier runs in the work.
 * Return: true if the event is the work's own.
 */
bool ndpv6_rt_own(struct ndpv6_dev *priv, const struct in6_addr *a)
{
	return in_task() && current_work() == &priv->rt.work &&
	       addr_find(&priv->rt, a) >= 0;
}

static int user_pfx_find(const struct ndpv6_rt *rt, const struct in6_addr *p,
			 u8 plen)
{
	u32 i;

	for (i = 0; i < rt->n_user_pfx; i++)
		if (rt->user_pfx[i].plen == plen &&
		    ipv6_addr_equal(&rt->user_pfx[i].pfx, p))
			return i;
	return -1;
}

static void route_want(struct ndpv6_dev *priv, const struct ndpv6_rt_route *r)
{
	struct ndpv6_rt *rt = &priv->rt;
	struct ndpv6_rt_route *e;
	int i, err;

	if (!r->lifetime_s)
		return;
	/* the kernel routes the prefix of the user's address itself */
	if (r->plen && user_pfx_find(rt, &r->dst, r->plen) >= 0)
		return;
	i = route_find(rt, r);
	if (i >= 0) {
		e = &rt->routes[i];
		if (!e->unsure &&
		    !lft_drift(e->lifetime_s, e->at_ns, r->lifetime_s))
			return;
	} else {
		if (!table_room((void **)&rt->routes, rt->n_routes,
				&rt->room_routes, sizeof(*rt->routes))) {
			ndpv6_glue_inc(priv, NDPV6_GLUE_RT_ERROR);
			ndpv6_mirror_retry(priv);
			return;
		}
		e = &rt->routes[rt->n_routes++];
	}
	*e = *r;
	e->at_ns = ktime_get_ns();
	err = ndpv6_rt_route_msg(priv, true, e);
	if (rt_transient(err)) {
		/* maybe in the kernel: kept, and added again at the retry */
		e->unsure = true;
		ndpv6_mirror_retry(priv);
		return;
	}
	if (err) {
		/* out of the table: the next run tries again */
		*e = rt->routes[--rt->n_routes];
		ndpv6_glue_inc(priv, NDPV6_GLUE_RT_ROUTE_REFUSED);
		net_warn_ratelimited("%s: the kernel refused route %pI6c/%u via %pI6c (%d): tried again at the next change\n",
				     priv->dev->name, &r->dst, r->plen, &r->gw,
				     err);
		if (r->plen)
			ndpv6_nl_notify_kernel_refused(priv->dev,
						       NDPV6_A_PREFIX, &r->dst,
						       r->plen, err);
		else
			ndpv6_nl_notify_kernel_refused(priv->dev,
						       NDPV6_A_ROUTER, &r->gw,
						       0, err);
		return;
	}
	if (!epoch_same(priv))
		ndpv6_rt_route_msg(priv, false, r);
}

static bool snap_has_addr(const struct rt_snap *s, const struct in6_addr *a)
{
	int i;

	for (i = 0; i < s->n_addrs; i++)
		if (!memcmp(s->ai[i].addr.b, a->s6_addr, 16) &&
		    ai_in_kernel(&s->ai[i]))
			return true;
	return false;
}

static bool snap_has_router(const struct rt_snap *s,
			    const struct ndp_ip6 *ip)
{
	int i;

	for (i = 0; i < s->n_rtrs; i++)
		if (!memcmp(s->ri[i].addr.b, ip->b, sizeof(ip->b)))
			return true;
	return false;
}

/* The routes of the snapshot: prefixes, default routers, RIO routes. */
static int snap_n_routes(const struct rt_snap *s)
{
	return s->n_pfx + s->n_rtrs + s->n_rts;
}

/* Route @i of the snapshot; lifetime 0 for one that is not mirrored. */
static void snap_route(const struct rt_snap *s, int i,
		       struct ndpv6_rt_route *r)
{
	const struct ndp_route_info *rti;

	memset(r, 0, sizeof(*r));
	r->pref = NDP_PREF_MEDIUM;
	if (i < s->n_pfx) {
		memcpy(r->dst.s6_addr, s->pi[i].pfx.addr.b, 16);
		r->plen = s->pi[i].pfx.len;
		r->lifetime_s = s->pi[i].onlink ? s->pi[i].valid_s : 0;
		return;
	}
	i -= s->n_pfx;
	if (i < s->n_rtrs) {
		memcpy(r->gw.s6_addr, s->ri[i].addr.b, 16);
		r->lifetime_s = s->ri[i].lifetime_s;
		r->pref = s->ri[i].pref;
		return;
	}
	rti = &s->rti[i - s->n_rtrs];
	memcpy(r->dst.s6_addr, rti->pfx.addr.b, 16);
	memcpy(r->gw.s6_addr, rti->rtr.b, 16);
	r->plen = rti->pfx.len;
	r->pref = rti->pref;
	/*
	 * The kernel has one ::/0 route per gateway: a default router's own
	 * is shown rather than the RIO's (core.rst, "Router preferences")
	 */
	r->lifetime_s = !r->plen && snap_has_router(s, &rti->rtr) ? 0 :
			rti->lifetime_s;
}

static bool snap_has_route(const struct rt_snap *s,
			   const struct ndpv6_rt_route *r)
{
	struct ndpv6_rt_route c;
	int i;

	for (i = 0; i < snap_n_routes(s); i++) {
		snap_route(s, i, &c);
		if (c.lifetime_s && c.plen == r->plen && c.pref == r->pref &&
		    ipv6_addr_equal(&c.dst, &r->dst) &&
		    ipv6_addr_equal(&c.gw, &r->gw))
			return true;
	}
	return false;
}

/*
 * A deletion's answer @err: true when it failed for want of memory, and
 * the entry stays in the table to be deleted again at the retry.
 */
static bool del_later(struct ndpv6_dev *priv, int err)
{
	if (!rt_transient(err))
		return false;
	ndpv6_mirror_retry(priv);
	return true;
}

/* The kernel made like the core's tables (glue.rst, "The rtnetlink mirror"). */
static void reconcile(struct ndpv6_dev *priv, struct rt_snap *s)
{
	struct ndpv6_rt *rt = &priv->rt;
	struct ndpv6_rt_route r;
	struct in6_addr a;
	u32 i;
	int k;

	if (!core_snapshot(priv, s))
		return;
	for (i = 0; i < rt->n_addrs; ) {
		if (snap_has_addr(s, &rt->addrs[i].addr) ||
		    del_later(priv, ndpv6_rt_addr_msg(priv, false,
						      &rt->addrs[i], false))) {
			i++;
			continue;
		}
		rt->addrs[i] = rt->addrs[--rt->n_addrs];
	}
	for (i = 0; i < rt->n_routes; ) {
		if (snap_has_route(s, &rt->routes[i]) ||
		    del_later(priv, ndpv6_rt_route_msg(priv, false,
						       &rt->routes[i]))) {
			i++;
			continue;
		}
		rt->routes[i] = rt->routes[--rt->n_routes];
	}
	for (k = 0; k < s->n_addrs; k++) {
		if (!ai_in_kernel(&s->ai[k]))
			continue;
		memcpy(a.s6_addr, s->ai[k].addr.b, sizeof(a.s6_addr));
		if (ipv6_addr_type(&a) & IPV6_ADDR_LINKLOCAL)
			continue;
		addr_want(priv, &s->ai[k]);
	}
	for (k = 0; k < snap_n_routes(s); k++) {
		snap_route(s, k, &r);
		route_want(priv, &r);
	}
}

/* ------------------------------------------------------- address events */

static int core_add_ip(struct ndp_ctx *ctx, s64 now, const void *arg,
		       struct ndp_out *out)
{
	const struct ndpv6_rt_event *e = arg;
	struct ndp_ip6 ip;

	memcpy(ip.b, e->addr.s6_addr, sizeof(ip.b));
	return ndp_add_ip(ctx, now, &ip, e->plen, e->valid_s,
			  min(e->preferred_s, e->valid_s), out);
}

/* The on-link prefix the kernel made for a user's address, in the core. */
static int core_add_pfx(struct ndp_ctx *ctx, s64 now, const void *arg,
			struct ndp_out *out)
{
	const struct ndpv6_rt_pfx *p = arg;
	struct ndp_prefix pfx = { .len = p->plen };

	memcpy(pfx.addr.b, p->pfx.s6_addr, sizeof(pfx.addr.b));
	return ndp_add_prefix(ctx, now, &pfx, NDP_INFINITE, out);
}

static int core_del_pfx(struct ndp_ctx *ctx, s64 now, const void *arg,
			struct ndp_out *out)
{
	const struct ndpv6_rt_pfx *p = arg;
	struct ndp_prefix pfx = { .len = p->plen };

	memcpy(pfx.addr.b, p->pfx.s6_addr, sizeof(pfx.addr.b));
	return ndp_del_prefix(ctx, now, &pfx, out);
}

/*
 * The kernel routes the prefix of a user's address (without noprefixroute)
 * on ndp0: the core must find it on-link too, or it could not reach the
 * neighbours the kernel sends there.  One core prefix per kernel prefix,
 * counted over the user's addresses.
 */
static bool user_pfx_get(struct ndpv6_dev *priv,
			 const struct ndpv6_rt_event *e)
{
	struct ndpv6_rt *rt = &priv->rt;
	struct ndpv6_rt_pfx p = { .plen = e->plen, .refs = 1 };
	int i;

	ipv6_addr_prefix(&p.pfx, &e->addr, e->plen);
	i = user_pfx_find(rt, &p.pfx, p.plen);
	if (i >= 0) {
		rt->user_pfx[i].refs++;
		return true;
	}
	if (rt->n_user_pfx == NDPV6_RT_USER_PFX ||
	    ndpv6_core_call(priv, core_add_pfx, &p)) {
		ndpv6_glue_inc(priv, NDPV6_GLUE_RT_ERROR);
		return false;
	}
	rt->user_pfx[rt->n_user_pfx++] = p;
	return true;
}

static void user_pfx_put(struct ndpv6_dev *priv, const struct in6_addr *a,
			 u8 plen)
{
	struct ndpv6_rt *rt = &priv->rt;
	struct in6_addr pfx;
	int i;

	ipv6_addr_prefix(&pfx, a, plen);
	i = user_pfx_find(rt, &pfx, plen);
	if (i < 0 || --rt->user_pfx[i].refs)
		return;
	ndpv6_core_call(priv, core_del_pfx, &rt->user_pfx[i]);
	rt->user_pfx[i] = rt->user_pfx[--rt->n_user_pfx];
}

/* A user's address the core took: remembered with its prefix reference. */
static void user_track(struct ndpv6_dev *priv, const struct ndpv6_rt_event *e)
{
	struct ndpv6_rt *rt = &priv->rt;
	struct ndpv6_rt_user *u;

	if (!table_room((void **)&rt->users, rt->n_users, &rt->room_users,
			sizeof(*rt->users))) {
		/* untracked, it takes no reference it could not give back */
		ndpv6_glue_inc(priv, NDPV6_GLUE_RT_ERROR);
		return;
	}
	u = &rt->users[rt->n_users++];
	u->addr = e->addr;
	u->plen = e->plen;
	u->onlink = e->onlink && user_pfx_get(priv, e);
}

/* The user's address @a left the core or ndp0: its prefix reference goes. */
static void user_untrack(struct ndpv6_dev *priv, const struct in6_addr *a)
{
	struct ndpv6_rt *rt = &priv->rt;
	u32 i;

	for (i = 0; i < rt->n_users; i++) {
		if (!ipv6_addr_equal(&rt->users[i].addr, a))
			continue;
		if (rt->users[i].onlink)
			user_pfx_put(priv, a, rt->users[i].plen);
		rt->users[i] = rt->users[--rt->n_users];
		return;
	}
}

/* Delete @a from ndp0 if the kernel has it, with the kernel's length. */
static void kernel_addr_del(struct ndpv6_dev *priv, const struct in6_addr *a)
{
	struct ndpv6_rt_addr ra = { .addr = *a };
	int plen = ndpv6_rt_kernel_plen(priv, a);

	if (plen < 0)
		return;
	ra.plen = plen;
	ndpv6_rt_addr_msg(priv, false, &ra, false);
}

/*
 * A deletion from the kernel: the user's, or the mirror's own of an
 * address whose DAD failed (optimistic, so in the kernel meanwhile).  The
 * core keeps the DUPLICATE entry of an address it made (RFC 7217's next
 * identifier is made from it; a prefix's next RA must not make it again):
 * that one stays.  A user's duplicate goes, as the user's address.
 */
static int core_del_ip(struct ndp_ctx *ctx, s64 now, const void *arg,
		       struct ndp_out *out)
{
	const struct ndpv6_rt_event *e = arg;
	struct ndp_addr_info ai;
	struct ndp_ip6 ip;
	u32 pos = 0;

	memcpy(ip.b, e->addr.s6_addr, sizeof(ip.b));
	while (ndp_addr_next(ctx, now, &pos, &ai))
		if (!memcmp(ai.addr.b, ip.b, sizeof(ip.b)) &&
		    ai.state == NDP_ADDR_DUPLICATE &&
		    ai.origin != NDP_ORIGIN_MANUAL)
			return -EEXIST;
	return ndp_del_ip(ctx, now, &ip, out);
}

static const char *refusal(int err)
{
	switch (err) {
	case -ENOSPC:
		return "its address table is full";
	case -EINVAL:
		return "prefix length or lifetimes it does not take";
	default:
		return "error";
	}
}

/*
 * The core could not take a user's address: it must not stay in the
 * kernel, which would pick it as a source that nobody defends or answers
 * NS for.  So it goes again, said in the log, counted and sent as an
 * event.  Its deletion comes back through the notifier as a user's one,
 * which finds nothing in the core (ndpv6_rt_event_apply()).
 */
static void user_addr_refuse(struct ndpv6_dev *priv,
			     const struct ndpv6_rt_event *e, int err)
{
	struct ndpv6_rt_addr a = { .addr = e->addr, .plen = e->plen };

	ndpv6_glue_inc(priv, NDPV6_GLUE_ADDR_REFUSED);
	net_warn_ratelimited("%s: %pI6c/%u refused by the core (%s, %d): removed\n",
			     priv->dev->name, &e->addr, e->plen,
			     refusal(err), err);
	ndpv6_nl_notify_refused(priv->dev, &e->addr, e->plen, err);
	ndpv6_rt_addr_msg(priv, false, &a, false);
}

/**
 * ndpv6_rt_event_apply() - apply one address event: a user's address to or
 *	from the core, or one whose DAD failed out of the kernel.
 * @priv: the device
 * @e: the event (from the ring, or made by ndpv6_rt_rescan())
 *
 * Context: process, the rtnetlink work (no RTNL).
 */
void ndpv6_rt_event_apply(struct ndpv6_dev *priv,
			  const struct ndpv6_rt_event *e)
{
	struct ndpv6_rt *rt = &priv->rt;
	struct ndpv6_rt_addr a = {};
	int i, err;

	i = addr_find(rt, &e->addr);
	switch (e->kind) {
	case RT_EV_USER_ADD:
		if (i >= 0)
			return;		/* the mirror's own */
		/* deleted since, or dropped by a down and up in between */
		if (!ipv6_chk_addr_and_flags(dev_net(priv->dev), &e->addr,
					     priv->dev, false, 1, 0))
			return;
		err = ndpv6_core_call(priv, core_add_ip, e);
		/* -EEXIST: the core has it (its own, not through DAD yet) */
		if (err == -EEXIST || err == -ENETDOWN)
			return;
		if (err) {
			user_addr_refuse(priv, e, err);
			return;
		}
		ndpv6_glue_inc(priv, NDPV6_GLUE_USER_ADDRS);
		user_track(priv, e);
		break;
	case RT_EV_USER_DEL:
		if (i >= 0)
			rt->addrs[i] = rt->addrs[--rt->n_addrs];
		/*
		 * Not in the core: refused, deleted before its addition was
		 * applied, or let go by the core (RT_EV_CORE_DEL).  (One
		 * whose DAD failed is still there, DUPLICATE.)
		 */
		ndpv6_core_call(priv, core_del_ip, e);
		user_untrack(priv, &e->addr);
		break;
	case RT_EV_KERNEL_DEL:
		if (i >= 0)
			rt->addrs[i] = rt->addrs[--rt->n_addrs];
		a.addr = e->addr;
		a.plen = e->plen;
		ndpv6_rt_addr_msg(priv, false, &a, false);
		break;
	case RT_EV_CORE_DEL:
		/*
		 * Back in the core since (added again), or a user's event
		 * about it still to come: those decide.
		 */
		if (ndpv6_core_addr_state(priv, &e->addr) >= 0 ||
		    ndpv6_rt_event_pending(rt, &e->addr))
			break;
		if (i >= 0)
			rt->addrs[i] = rt->addrs[--rt->n_addrs];
		user_untrack(priv, &e->addr);
		kernel_addr_del(priv, &e->addr);
		break;
	}
}

/* ------------------------------------------------------------- the work */

/*
 * Context: process, on the module's ordered workqueue; RTNL not held (the
 * in-kernel RTM_* requests take it), and the workqueue is never flushed
 * under RTNL: the work holds a reference on ndp0 instead, which
 * unregistering waits for after RTNL is dropped.
 */
static void ndpv6_rt_work(struct work_struct *work)
{
	struct ndpv6_rt *rt = container_of(work, struct ndpv6_rt, work);
	struct ndpv6_dev *priv = container_of(rt, struct ndpv6_dev, rt);
	struct net_device *dev = priv->dev;
	struct ndpv6_rt_event e;
	struct rt_snap s = {};
	bool rescan = false;
	int epoch;

	if (READ_ONCE(dev->reg_state) != NETREG_REGISTERED)
		goto out;
	if (!rt->sock &&
	    sock_create_kern(dev_net(dev), PF_NETLINK, SOCK_RAW,
			     NETLINK_ROUTE, &rt->sock)) {
		rt->sock = NULL;
		ndpv6_glue_inc(priv, NDPV6_GLUE_RT_ERROR);
		ndpv6_mirror_retry(priv);
		goto out;
	}
	epoch = atomic_read(&rt->epoch);
	if (epoch != rt->seen_epoch) {
		rt->seen_epoch = epoch;
		rt->n_addrs = 0;
		rt->n_routes = 0;
		rt->n_users = 0;
		rt->n_user_pfx = 0;
	}
	while (ndpv6_rt_event_take(rt, &e, &rescan))
		ndpv6_rt_event_apply(priv, &e);
	if (rescan)
		ndpv6_rt_rescan(priv);
	reconcile(priv, &s);
	snap_free(&s);
out:
	dev_put(dev);
}

/**
 * ndpv6_rt_kick() - have the rtnetlink work run (again) soon.
 * @priv: the device
 *
 * Context: any; the work holds a reference to the device while queued.
 */
void ndpv6_rt_kick(struct ndpv6_dev *priv)
{
	dev_hold(priv->dev);
	if (!ndpv6_queue_work(&priv->rt.work))
		dev_put(priv->dev);
}

/**
 * ndpv6_rt_setup() - initialise the per-device state.
 * @priv: the device, being set up
 *
 * Context: process (rtnl_link_ops setup).
 */
void ndpv6_rt_setup(struct ndpv6_dev *priv)
{
	INIT_WORK(&priv->rt.work, ndpv6_rt_work);
	spin_lock_init(&priv->rt.lock);
}

/**
 * ndpv6_rt_release() - release the device's rtnetlink socket and tables.
 * @priv: the device, after its last reference (no work queued)
 *
 * Context: process (the device's destructor).
 */
void ndpv6_rt_release(struct ndpv6_dev *priv)
{
	if (priv->rt.sock)
		sock_release(priv->rt.sock);
	priv->rt.sock = NULL;
	kvfree(priv->rt.addrs);
	kvfree(priv->rt.routes);
	kvfree(priv->rt.users);
}
