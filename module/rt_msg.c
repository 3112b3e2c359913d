// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 mirror, rtnetlink part: the requests.  One RTM_NEWADDR/DELADDR or
 * RTM_NEWROUTE/DELROUTE at a time on the device's NETLINK_ROUTE kernel
 * socket, its answer read back at once; what to request and when is
 * rt.c's.
 */
#include <linux/icmpv6.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <net/ipv6.h>

#include "device.h"

#define NDPV6_RT_METRIC		1024
#define NDPV6_RT_MSG		256

struct rt_msg {
	struct nlmsghdr nlh;
	u8 body[NDPV6_RT_MSG];
};

static void *msg_init(struct rt_msg *m, u16 type, u16 flags, u32 hdrlen)
{
	memset(m, 0, sizeof(*m));
	m->nlh.nlmsg_type = type;
	m->nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	m->nlh.nlmsg_len = NLMSG_LENGTH(hdrlen);
	return NLMSG_DATA(&m->nlh);
}

static void msg_attr(struct rt_msg *m, u16 type, const void *data, u16 len)
{
	struct nlattr *nla = (void *)&m->nlh + NLMSG_ALIGN(m->nlh.nlmsg_len);

	if (WARN_ON_ONCE(NLMSG_ALIGN(m->nlh.nlmsg_len) + nla_total_size(len) >
			 sizeof(*m)))
		return;
	nla->nla_type = type;
	nla->nla_len = nla_attr_size(len);
	memcpy(nla_data(nla), data, len);
	m->nlh.nlmsg_len = NLMSG_ALIGN(m->nlh.nlmsg_len) + nla_total_size(len);
}

static void msg_u32(struct rt_msg *m, u16 type, u32 v)
{
	msg_attr(m, type, &v, sizeof(v));
}

/* Send @m to the kernel and read its answer: 0 or a negative errno. */
static int rt_send(struct ndpv6_dev *priv, struct rt_msg *m)
{
	struct ndpv6_rt *rt = &priv->rt;
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct msghdr msg = { .msg_name = &sa, .msg_namelen = sizeof(sa) };
	struct kvec iov = { .iov_base = m, .iov_len = m->nlh.nlmsg_len };
	struct {
		struct nlmsghdr nlh;
		struct nlmsgerr err;
		u8 rest[NDPV6_RT_MSG];
	} *ack;
	int rc, err = -EPROTO;

	ack = kmalloc(sizeof(*ack), GFP_KERNEL);
	if (!ack)
		return -ENOMEM;
	m->nlh.nlmsg_seq = ++rt->seq;
	rc = kernel_sendmsg(rt->sock, &msg, &iov, 1, iov.iov_len);
	if (rc < 0) {
		err = rc;
		goto out;
	}
	/* the answer is already queued: rtnetlink ran in sendmsg */
	for (;;) {
		struct msghdr rmsg = { .msg_flags = MSG_DONTWAIT };
		struct kvec riov = { .iov_base = ack, .iov_len = sizeof(*ack) };

		rc = kernel_recvmsg(rt->sock, &rmsg, &riov, 1, sizeof(*ack),
				    MSG_DONTWAIT);
		if (rc < 0) {
			/* no memory for the answer: done or not, unknown */
			if (rc == -ENOBUFS)
				err = rc;
			break;
		}
		if (rc >= (int)NLMSG_LENGTH(sizeof(ack->err)) &&
		    ack->nlh.nlmsg_type == NLMSG_ERROR &&
		    ack->nlh.nlmsg_seq == m->nlh.nlmsg_seq) {
			err = ack->err.error;
			break;
		}
	}
out:
	kfree(ack);
	return err;
}

/*
 * The metric of a route of preference @pref: the kernel makes one
 * multipath route of same-metric routes with gateways (only its own RA
 * routes, RTF_ADDRCONF, which rtnetlink cannot set, stay apart), showing
 * and choosing by the first one's preference.  So each preference has
 * its metric, in its order: medium keeps 1024, the kernel's.
 */
static u32 rt_metric(u8 pref)
{
	return NDPV6_RT_METRIC + NDP_PREF_MEDIUM - pref;
}

/* RTA_PREF of enum ndp_pref: the RFC 4191 wire values. */
static u8 rta_pref(u8 pref)
{
	switch (pref) {
	case NDP_PREF_HIGH:
		return ICMPV6_ROUTER_PREF_HIGH;
	case NDP_PREF_LOW:
		return ICMPV6_ROUTER_PREF_LOW;
	default:
		return ICMPV6_ROUTER_PREF_MEDIUM;
	}
}

/* Count the kernel's answer @err, after the caller's own mapping. */
static int rt_done(struct ndpv6_dev *priv, int err)
{
	ndpv6_glue_inc(priv, err ? NDPV6_GLUE_RT_ERROR : NDPV6_GLUE_RT_MSGS);
	return err;
}

/**
 * ndpv6_rt_addr_msg() - add or delete an address of ndp0's, by rtnetlink.
 * @priv: the device
 * @add: RTM_NEWADDR (replacing its lifetimes) or RTM_DELADDR
 * @a: the address, its prefix length and lifetimes
 * @slaac: mark it as made from an RA (IFA_PROTO), as the kernel's own
 *
 * Added with IFA_F_NODAD (the core ran DAD) and IFA_F_NOPREFIXROUTE (the
 * mirror routes the core's prefixes itself).
 *
 * Context: process, the rtnetlink work; may sleep, RTNL not held
 * (rtnetlink takes it).
 * Return: 0 or a negative errno (the kernel's answer, or -ENOMEM).
 */
int ndpv6_rt_addr_msg(struct ndpv6_dev *priv, bool add,
		      const struct ndpv6_rt_addr *a, bool slaac)
{
	struct ifa_cacheinfo ci = {};
	struct ifaddrmsg *ifm;
	struct rt_msg *m;
	u32 flags = IFA_F_NODAD | IFA_F_NOPREFIXROUTE;
	u8 proto = IFAPROT_KERNEL_RA;
	int err;

	m = kmalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	ifm = msg_init(m, add ? RTM_NEWADDR : RTM_DELADDR,
		       add ? NLM_F_CREATE | NLM_F_REPLACE : 0, sizeof(*ifm));
	ifm->ifa_family = AF_INET6;
	ifm->ifa_prefixlen = a->plen;
	ifm->ifa_index = priv->dev->ifindex;
	msg_attr(m, IFA_LOCAL, &a->addr, sizeof(a->addr));
	if (add) {
		ci.ifa_valid = a->valid_s;
		ci.ifa_prefered = min(a->preferred_s, a->valid_s);
		msg_attr(m, IFA_CACHEINFO, &ci, sizeof(ci));
		msg_u32(m, IFA_FLAGS, flags);
		if (slaac)
			msg_attr(m, IFA_PROTO, &proto, sizeof(proto));
	}
	/* the address's notifier call comes inside rt_send(), in this task */
	if (add)
		WRITE_ONCE(priv->rt.adder, current);
	err = rt_send(priv, m);
	if (add)
		WRITE_ONCE(priv->rt.adder, NULL);
	kfree(m);
	/* a refused add is the caller's to log; a refused delete is here */
	if (err && !add)
		net_warn_ratelimited("%s: the kernel refused to delete address %pI6c/%u (%d)\n",
				     priv->dev->name, &a->addr, a->plen, err);
	return rt_done(priv, err);
}

/**
 * ndpv6_rt_route_msg() - add or delete a route through ndp0, by rtnetlink.
 * @priv: the device
 * @add: RTM_NEWROUTE (an existing route gets the new expiry) or
 *	RTM_DELROUTE
 * @r: destination and prefix length (0: the default route), gateway (::
 *	on-link), lifetime and preference (RTA_PREF: `ip -6 route` shows
 *	it as pref low, medium or high)
 *
 * Context: process, the rtnetlink work; may sleep, RTNL not held
 * (rtnetlink takes it).
 * Return: 0 (also when the route existed) or a negative errno.
 */
int ndpv6_rt_route_msg(struct ndpv6_dev *priv, bool add,
		       const struct ndpv6_rt_route *r)
{
	struct rtmsg *rtm;
	struct rt_msg *m;
	int err;

	m = kmalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	/* an existing route gets the new expiry, with -EEXIST */
	rtm = msg_init(m, add ? RTM_NEWROUTE : RTM_DELROUTE,
		       add ? NLM_F_CREATE : 0, sizeof(*rtm));
	rtm->rtm_family = AF_INET6;
	rtm->rtm_dst_len = r->plen;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_protocol = RTPROT_RA;
	rtm->rtm_scope = RT_SCOPE_UNIVERSE;
	rtm->rtm_type = RTN_UNICAST;
	if (r->plen)
		msg_attr(m, RTA_DST, &r->dst, sizeof(r->dst));
	if (!ipv6_addr_any(&r->gw))
		msg_attr(m, RTA_GATEWAY, &r->gw, sizeof(r->gw));
	msg_u32(m, RTA_OIF, priv->dev->ifindex);
	msg_u32(m, RTA_PRIORITY, rt_metric(r->pref));
	if (add && r->lifetime_s != NDP_INFINITE)
		msg_u32(m, RTA_EXPIRES, r->lifetime_s);
	if (add) {
		u8 pref = rta_pref(r->pref);

		msg_attr(m, RTA_PREF, &pref, sizeof(pref));
	}
	err = rt_send(priv, m);
	kfree(m);
	if (add && err == -EEXIST)
		err = 0;
	if (err && !add)
		net_warn_ratelimited("%s: the kernel refused to delete route %pI6c/%u via %pI6c (%d)\n",
				     priv->dev->name, &r->dst, r->plen, &r->gw,
				     err);
	return rt_done(priv, err);
}
