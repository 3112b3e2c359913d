// SPDX-License-Identifier: GPL-2.0
/*
 * RA options for userspace: each option the core lists in out->useropts
 * (DNS servers and search lists, captive portal, PREF64, prefixes) goes to
 * RTNLGRP_ND_USEROPT of ndp0's namespace as RTM_NEWNDUSEROPT, laid out as
 * the kernel's own ndisc_ra_useropt() lays it out, so rdnssd,
 * systemd-networkd and NetworkManager read ndp0's as any interface's.
 */
#include <linux/ipv6.h>
#include <linux/rtnetlink.h>
#include <net/ndisc.h>
#include <net/netlink.h>
#include <net/rtnetlink.h>

#include "device.h"

static int useropt_msg(struct ndpv6_dev *priv, const u8 *ip6, const u8 *opt,
		       u32 len)
{
	size_t base = NLMSG_ALIGN(sizeof(struct nduseroptmsg) + len);
	struct net *net = dev_net(priv->dev);
	struct nduseroptmsg *nd;
	struct nlmsghdr *nlh;
	struct sk_buff *skb;

	skb = nlmsg_new(base + nla_total_size(sizeof(struct in6_addr)),
			GFP_ATOMIC);
	if (!skb)
		return -ENOBUFS;
	nlh = nlmsg_put(skb, 0, 0, RTM_NEWNDUSEROPT, base, 0);
	if (!nlh)
		goto too_big;
	nd = nlmsg_data(nlh);
	memset(nd, 0, sizeof(*nd));
	nd->nduseropt_family = AF_INET6;
	nd->nduseropt_opts_len = len;
	nd->nduseropt_ifindex = priv->dev->ifindex;
	nd->nduseropt_icmp_type = NDISC_ROUTER_ADVERTISEMENT;
	nd->nduseropt_icmp_code = 0;	/* any other is no valid RA */
	memcpy(nd + 1, opt, len);
	/* the RA's source: the router the option came from */
	if (nla_put(skb, NDUSEROPT_SRCADDR, sizeof(struct in6_addr),
		    ip6 + offsetof(struct ipv6hdr, saddr)))
		goto too_big;
	nlmsg_end(skb, nlh);
	rtnl_notify(skb, net, 0, RTNLGRP_ND_USEROPT, NULL, GFP_ATOMIC);
	return 0;

too_big:
	nlmsg_free(skb);
	return -EMSGSIZE;
}

/**
 * ndpv6_useropts_send() - pass a received RA's options to userspace.
 * @priv: the device
 * @out: the output of ndp_handle() for @rx_skb
 * @rx_skb: the RA, not freed yet: the options point into its linear part
 *
 * Context: BH disabled, priv->lock not held (nothing here needs it).
 */
void ndpv6_useropts_send(struct ndpv6_dev *priv, const struct ndp_out *out,
			 const struct sk_buff *rx_skb)
{
	const u8 *ip6 = rx_skb->data;
	u32 i;
	int err;

	lockdep_assert_not_held(&priv->lock);
	for (i = 0; i < out->n_useropts; i++) {
		const struct ndp_useropt *u = &out->useropts[i];

		if (WARN_ON_ONCE(u->off + u->len > skb_headlen(rx_skb)))
			return;
		err = useropt_msg(priv, ip6, ip6 + u->off, u->len);
		if (err) {
			rtnl_set_sk_err(dev_net(priv->dev),
					RTNLGRP_ND_USEROPT, err);
			ndpv6_glue_inc(priv, NDPV6_GLUE_USEROPT_ERROR);
			continue;
		}
		ndpv6_glue_inc(priv, NDPV6_GLUE_USEROPT_SENT);
	}
}
