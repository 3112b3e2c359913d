// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 generic netlink family, reading: table dumps and one-entry gets
 * (routers, prefixes, addresses, neighbours), counters and parameters.
 * See netlink.c for the family, its policies and its locking.
 *
 * Dumps hold no device reference between reads: each read looks the
 * device up again by index under RCU, resumes at its cursor in cb->args
 * and sets cb->seq from the generation of the table it dumps, so that
 * genl_dump_check_consistent() flags NLM_F_DUMP_INTR when an entry entered
 * or left that table between two reads (ndp_table_generation(): a state
 * change, a NUD transition or a refreshed lifetime does not count, and
 * neither does a change in another table); a device gone, down or
 * restarted since the last read ends the dump flagged the same way.
 */
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>
#include <uapi/linux/ndpv6.h>

#include "compat.h"
#include "device.h"
#include "netlink_cmds.h"

/* Dump cursor in cb->args. */
#define DUMP_IFINDEX		0	/* the device */
#define DUMP_POS		1	/* the table iterator's position */
#define DUMP_STARTED		2	/* when the core read was started, 0 */

/* ----------------------------------------------------- entries to skbs */

static int put_router(struct sk_buff *skb, const struct ndp_router_info *ri)
{
	struct nlattr *nest = nla_nest_start(skb, NDPV6_A_ROUTER);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put(skb, NDPV6_ROUTER_A_ADDRESS, 16, ri->addr.b) ||
	    nla_put_u32(skb, NDPV6_ROUTER_A_LIFETIME, ri->lifetime_s) ||
	    nla_put_u8(skb, NDPV6_ROUTER_A_ORIGIN, ri->origin) ||
	    nla_put_u8(skb, NDPV6_ROUTER_A_NUD, ri->nud) ||
	    nla_put_u8(skb, NDPV6_ROUTER_A_PREF, ri->pref)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int put_dns(struct sk_buff *skb, const struct ndp_dns_info *di)
{
	struct nlattr *nest = nla_nest_start(skb, NDPV6_A_DNS);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u8(skb, NDPV6_DNS_A_KIND, di->kind) ||
	    (di->kind == NDP_DNS_SERVER &&
	     nla_put(skb, NDPV6_DNS_A_SERVER, 16, di->server.b)) ||
	    (di->kind == NDP_DNS_DOMAIN &&
	     nla_put_string(skb, NDPV6_DNS_A_DOMAIN, di->name)) ||
	    (di->kind == NDP_DNS_CAPTIVE_PORTAL &&
	     nla_put_string(skb, NDPV6_DNS_A_URI, di->name)) ||
	    (di->kind == NDP_DNS_PREF64 &&
	     (nla_put(skb, NDPV6_DNS_A_PREFIX, 16, di->server.b) ||
	      nla_put_u8(skb, NDPV6_DNS_A_PREFIX_LEN, di->plen))) ||
	    nla_put(skb, NDPV6_DNS_A_ROUTER, 16, di->rtr.b) ||
	    nla_put_u32(skb, NDPV6_DNS_A_LIFETIME, di->lifetime_s)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int put_route(struct sk_buff *skb, const struct ndp_route_info *ri)
{
	struct nlattr *nest = nla_nest_start(skb, NDPV6_A_ROUTE);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put(skb, NDPV6_ROUTE_A_PREFIX, 16, ri->pfx.addr.b) ||
	    nla_put_u8(skb, NDPV6_ROUTE_A_PREFIX_LEN, ri->pfx.len) ||
	    nla_put(skb, NDPV6_ROUTE_A_ROUTER, 16, ri->rtr.b) ||
	    nla_put_u8(skb, NDPV6_ROUTE_A_PREF, ri->pref) ||
	    nla_put_u32(skb, NDPV6_ROUTE_A_LIFETIME, ri->lifetime_s)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int put_prefix(struct sk_buff *skb, const struct ndp_prefix_info *pi)
{
	struct nlattr *nest = nla_nest_start(skb, NDPV6_A_PREFIX);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put(skb, NDPV6_PREFIX_A_ADDRESS, 16, pi->pfx.addr.b) ||
	    nla_put_u8(skb, NDPV6_PREFIX_A_LEN, pi->pfx.len) ||
	    nla_put_u32(skb, NDPV6_PREFIX_A_VALID_LFT, pi->valid_s) ||
	    nla_put_u32(skb, NDPV6_PREFIX_A_PREFERRED_LFT, pi->preferred_s) ||
	    nla_put_u8(skb, NDPV6_PREFIX_A_ORIGIN, pi->origin) ||
	    (pi->onlink && nla_put_flag(skb, NDPV6_PREFIX_A_ONLINK)) ||
	    (pi->autonomous && nla_put_flag(skb, NDPV6_PREFIX_A_AUTONOMOUS))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int put_addr(struct sk_buff *skb, const struct ndp_addr_info *ai)
{
	struct nlattr *nest = nla_nest_start(skb, NDPV6_A_ADDR);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put(skb, NDPV6_ADDR_A_ADDRESS, 16, ai->addr.b) ||
	    nla_put_u8(skb, NDPV6_ADDR_A_PREFIX_LEN, ai->plen) ||
	    nla_put_u8(skb, NDPV6_ADDR_A_STATE, ai->state) ||
	    nla_put_u8(skb, NDPV6_ADDR_A_ORIGIN, ai->origin) ||
	    nla_put_u32(skb, NDPV6_ADDR_A_VALID_LFT, ai->valid_s) ||
	    nla_put_u32(skb, NDPV6_ADDR_A_PREFERRED_LFT, ai->preferred_s)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int put_neigh(struct sk_buff *skb, const struct ndp_nbr_info *ni)
{
	struct nlattr *nest = nla_nest_start(skb, NDPV6_A_NEIGH);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put(skb, NDPV6_NEIGH_A_ADDRESS, 16, ni->addr.b) ||
	    (ni->state != NDP_NUD_INCOMPLETE &&
	     nla_put(skb, NDPV6_NEIGH_A_LLADDR, NDP_ETH_ALEN, ni->mac)) ||
	    nla_put_u8(skb, NDPV6_NEIGH_A_STATE, ni->state) ||
	    (ni->is_router && nla_put_flag(skb, NDPV6_NEIGH_A_ROUTER)) ||
	    nla_put_u32(skb, NDPV6_NEIGH_A_QUEUED, ni->queued)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * One table: put the entry at or after *@pos into @skb and advance *@pos.
 * Return: 1 (put), 0 (no entry left) or -EMSGSIZE (*@pos unchanged).
 * The core lock is held.
 */
typedef int (*table_fn)(struct sk_buff *skb, const struct ndp_ctx *ctx,
			s64 now, u32 *pos);

static int table_routers(struct sk_buff *skb, const struct ndp_ctx *ctx,
			 s64 now, u32 *pos)
{
	struct ndp_router_info ri;
	u32 p = *pos;

	if (!ndp_router_next(ctx, now, &p, &ri))
		return 0;
	if (put_router(skb, &ri))
		return -EMSGSIZE;
	*pos = p;
	return 1;
}

static int table_dns(struct sk_buff *skb, const struct ndp_ctx *ctx, s64 now,
		     u32 *pos)
{
	struct ndp_dns_info di;
	u32 p = *pos;

	/* the uapi's kinds are the core's */
	BUILD_BUG_ON((int)NDPV6_DNS_PREF64 != (int)NDP_DNS_PREF64);
	if (!ndp_dns_next(ctx, now, &p, &di))
		return 0;
	if (put_dns(skb, &di))
		return -EMSGSIZE;
	*pos = p;
	return 1;
}

static int put_redirect(struct sk_buff *skb,
			const struct ndp_redirect_info *ri)
{
	struct nlattr *nest = nla_nest_start(skb, NDPV6_A_REDIRECT);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put(skb, NDPV6_REDIRECT_A_DESTINATION, 16, ri->dst.b) ||
	    nla_put(skb, NDPV6_REDIRECT_A_NEXT_HOP, 16, ri->nh.b) ||
	    nla_put(skb, NDPV6_REDIRECT_A_ROUTER, 16, ri->rtr.b) ||
	    nla_put_u32(skb, NDPV6_REDIRECT_A_LIFETIME, ri->lifetime_s)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int table_redirects(struct sk_buff *skb, const struct ndp_ctx *ctx,
			   s64 now, u32 *pos)
{
	struct ndp_redirect_info ri;
	u32 p = *pos;

	if (!ndp_redirect_next(ctx, now, &p, &ri))
		return 0;
	if (put_redirect(skb, &ri))
		return -EMSGSIZE;
	*pos = p;
	return 1;
}

static int table_routes(struct sk_buff *skb, const struct ndp_ctx *ctx,
			s64 now, u32 *pos)
{
	struct ndp_route_info ri;
	u32 p = *pos;

	/* the uapi's preferences are the core's */
	BUILD_BUG_ON((int)NDPV6_PREF_HIGH != (int)NDP_PREF_HIGH ||
		     (int)NDPV6_PREF_LOW != (int)NDP_PREF_LOW);
	if (!ndp_route_next(ctx, now, &p, &ri))
		return 0;
	if (put_route(skb, &ri))
		return -EMSGSIZE;
	*pos = p;
	return 1;
}

static int table_prefixes(struct sk_buff *skb, const struct ndp_ctx *ctx,
			  s64 now, u32 *pos)
{
	struct ndp_prefix_info pi;
	u32 p = *pos;

	if (!ndp_prefix_next(ctx, now, &p, &pi))
		return 0;
	if (put_prefix(skb, &pi))
		return -EMSGSIZE;
	*pos = p;
	return 1;
}

static int table_addrs(struct sk_buff *skb, const struct ndp_ctx *ctx,
		       s64 now, u32 *pos)
{
	struct ndp_addr_info ai;
	u32 p = *pos;

	if (!ndp_addr_next(ctx, now, &p, &ai))
		return 0;
	if (put_addr(skb, &ai))
		return -EMSGSIZE;
	*pos = p;
	return 1;
}

static int table_neighs(struct sk_buff *skb, const struct ndp_ctx *ctx,
			s64 now, u32 *pos)
{
	struct ndp_nbr_info ni;
	u32 p = *pos;

	if (!ndp_nbr_next(ctx, &p, &ni))
		return 0;
	if (put_neigh(skb, &ni))
		return -EMSGSIZE;
	*pos = p;
	return 1;
}

/* ---------------------------------------------------------------- dumps */

static int dump_start(struct netlink_callback *cb)
{
	struct nlattr **attrs = ndpv6_dump_attrs(cb);
	struct net_device *dev;
	int i;

	for (i = NDPV6_A_ROUTER; i <= NDPV6_A_NEIGH; i++) {
		if (attrs[i]) {
			NL_SET_ERR_MSG_ATTR(cb->extack, attrs[i],
					    "a dump lists every entry: no key");
			return -EINVAL;
		}
	}
	dev = ndpv6_nl_dev_get(sock_net(cb->skb->sk), attrs, cb->extack);
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	cb->args[DUMP_IFINDEX] = dev->ifindex;
	cb->args[DUMP_POS] = 0;
	cb->args[DUMP_STARTED] = 0;
	dev_put(dev);
	return 0;
}

/*
 * One read of a table dump: as many entries as fit, from the cursor.  The
 * device is looked up again (RCU) and its core read under the core lock.
 */
static int dump_table(struct sk_buff *skb, struct netlink_callback *cb,
		      u8 cmd, table_fn fn, enum ndp_table table)
{
	int ifindex = cb->args[DUMP_IFINDEX];
	struct net_device *dev;
	struct ndpv6_dev *priv;
	bool done = false;
	u32 pos = cb->args[DUMP_POS];
	void *hdr;
	s64 now;
	int ret;

	rcu_read_lock();
	dev = dev_get_by_index_rcu(sock_net(skb->sk), ifindex);
	if (!dev || !netif_is_ndpv6(dev)) {
		/* Gone since the last read: the listing is not whole. */
		cb->seq = cb->prev_seq ^ 2;
		rcu_read_unlock();
		return 0;
	}
	priv = netdev_priv(dev);
	spin_lock_bh(&priv->lock);
	if (!priv->ctx ||
	    (cb->args[DUMP_STARTED] &&
	     cb->args[DUMP_STARTED] != (long)priv->open_ns)) {
		/*
		 * Down: empty, or cut short if it was running at the last
		 * read; restarted since: the cursor means nothing any more.
		 */
		if (cb->args[DUMP_STARTED])
			cb->seq = cb->prev_seq ^ 2;
		done = true;
		goto unlock;
	}
	/* priv->open_ns changes under the core lock with priv->ctx */
	cb->args[DUMP_STARTED] = (long)priv->open_ns;
	cb->seq = (ndp_table_generation(priv->ctx, table) << 1) | 1;
	now = ndpv6_nl_now();
	for (;;) {
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, &ndpv6_genl_family,
				  NLM_F_MULTI, cmd);
		if (!hdr)
			break;
		genl_dump_check_consistent(cb, hdr);
		if (nla_put_u32(skb, NDPV6_A_IFINDEX, ifindex)) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		ret = fn(skb, priv->ctx, now, &pos);
		if (ret <= 0) {
			genlmsg_cancel(skb, hdr);
			done = !ret;
			break;
		}
		genlmsg_end(skb, hdr);
	}
unlock:
	spin_unlock_bh(&priv->lock);
	rcu_read_unlock();
	cb->args[DUMP_POS] = pos;
	return done ? 0 : skb->len;
}

static int dump_routers(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_table(skb, cb, NDPV6_CMD_GET_ROUTER, table_routers,
			  NDP_TABLE_ROUTERS);
}

static int dump_dns(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_table(skb, cb, NDPV6_CMD_GET_DNS, table_dns, NDP_TABLE_DNS);
}

static int dump_redirects(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_table(skb, cb, NDPV6_CMD_GET_REDIRECT, table_redirects,
			  NDP_TABLE_DESTS);
}

static int dump_routes(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_table(skb, cb, NDPV6_CMD_GET_ROUTE, table_routes,
			  NDP_TABLE_ROUTES);
}

static int dump_prefixes(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_table(skb, cb, NDPV6_CMD_GET_PREFIX, table_prefixes,
			  NDP_TABLE_PREFIXES);
}

static int dump_addrs(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_table(skb, cb, NDPV6_CMD_GET_ADDR, table_addrs,
			  NDP_TABLE_ADDRS);
}

static int dump_neighs(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_table(skb, cb, NDPV6_CMD_GET_NEIGH, table_neighs,
			  NDP_TABLE_NBRS);
}

/* ------------------------------------------------------ one-entry gets */

/* A reply with the device's index, for @cmd; NULL on no memory. */
static struct sk_buff *reply_new(struct genl_info *info, size_t size, u8 cmd,
				 void **hdr)
{
	struct net_device *dev = info->user_ptr[0];
	struct sk_buff *skb;

	skb = genlmsg_new(size, GFP_KERNEL);
	if (!skb)
		return NULL;
	*hdr = genlmsg_put_reply(skb, info, &ndpv6_genl_family, 0, cmd);
	if (!*hdr || nla_put_u32(skb, NDPV6_A_IFINDEX, dev->ifindex)) {
		nlmsg_free(skb);
		return NULL;
	}
	return skb;
}

/*
 * Find the entry of @fn's table for which @match() holds, put it in a reply
 * and send it.  -ENOENT when there is none.
 */
static int get_one(struct genl_info *info, u8 cmd, table_fn fn,
		   bool (*match)(const struct sk_buff *skb, const void *hdr,
				 const void *key),
		   const void *key)
{
	struct ndpv6_dev *priv = ndpv6_nl_priv(info);
	struct sk_buff *skb;
	bool found = false;
	u32 pos = 0;
	void *hdr;
	s64 now;
	int mark;

	skb = reply_new(info, NLMSG_GOODSIZE, cmd, &hdr);
	if (!skb)
		return -ENOMEM;
	mark = skb->len;
	spin_lock_bh(&priv->lock);
	if (priv->ctx) {
		now = ndpv6_nl_now();
		while (fn(skb, priv->ctx, now, &pos) > 0) {
			if (match(skb, skb->data + mark, key)) {
				found = true;
				break;
			}
			nlmsg_trim(skb, skb->data + mark);
		}
	}
	spin_unlock_bh(&priv->lock);
	if (!found) {
		nlmsg_free(skb);
		return -ENOENT;
	}
	genlmsg_end(skb, hdr);
	return genlmsg_reply(skb, info);
}

struct prefix_key {
	struct ndp_ip6 addr;
	u8 len;
};

/* The entry just put at @nest: its nested attribute @type. */
static const struct nlattr *nested(const void *nest, int type)
{
	const struct nlattr *n = nest;

	return nla_find(nla_data(n), nla_len(n), type);
}

static bool match_addr16(const struct nlattr *a, const void *key)
{
	return a && !memcmp(nla_data(a), key, 16);
}

static bool match_router(const struct sk_buff *skb, const void *nest,
			 const void *key)
{
	return match_addr16(nested(nest, NDPV6_ROUTER_A_ADDRESS), key);
}

static bool match_addr(const struct sk_buff *skb, const void *nest,
		       const void *key)
{
	return match_addr16(nested(nest, NDPV6_ADDR_A_ADDRESS), key);
}

static bool match_prefix(const struct sk_buff *skb, const void *nest,
			 const void *key)
{
	const struct nlattr *len = nested(nest, NDPV6_PREFIX_A_LEN);
	const struct prefix_key *k = key;

	return match_addr16(nested(nest, NDPV6_PREFIX_A_ADDRESS), &k->addr) &&
	       len && nla_get_u8(len) == k->len;
}

/* Zero the bits of @p beyond its length. */
static void prefix_mask(struct ndp_prefix *p)
{
	unsigned int i;

	for (i = 0; i < 16; i++) {
		if (p->len >= (i + 1) * 8)
			continue;
		if (p->len > i * 8)
			p->addr.b[i] &= (u8)(0xff00 >> (p->len - i * 8));
		else
			p->addr.b[i] = 0;
	}
}

/**
 * ndpv6_nl_parse_prefix() - the prefix of an NDPV6_A_PREFIX nest.
 * @info: the request
 * @tb: the nest, parsed
 * @p: the prefix, bits past its length cleared
 *
 * Context: process.
 * Return: 0, or -EINVAL (with extack) when the address or length is
 * missing.
 */
int ndpv6_nl_parse_prefix(struct genl_info *info, struct nlattr **tb,
			  struct ndp_prefix *p)
{
	struct nlattr *nest = info->attrs[NDPV6_A_PREFIX];
	int err;

	err = ndpv6_nl_get_ip(info, tb, NDPV6_PREFIX_A_ADDRESS, nest, &p->addr);
	if (err)
		return err;
	if (!tb[NDPV6_PREFIX_A_LEN]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "the prefix length is missing");
		info->extack->miss_type = NDPV6_PREFIX_A_LEN;
		info->extack->miss_nest = nest;
		return -EINVAL;
	}
	p->len = nla_get_u8(tb[NDPV6_PREFIX_A_LEN]);
	prefix_mask(p);
	return 0;
}

static int nl_get_router(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[NDPV6_ROUTER_A_MAX + 1];
	struct ndp_ip6 ip;
	int err;

	err = ndpv6_nl_nest_parse(info, NDPV6_A_ROUTER, tb, NDPV6_ROUTER_A_MAX,
				  ndpv6_nl_router_policy,
				  "give the router's address, or ask for a dump");
	if (!err)
		err = ndpv6_nl_get_ip(info, tb, NDPV6_ROUTER_A_ADDRESS,
				      info->attrs[NDPV6_A_ROUTER], &ip);
	if (err)
		return err;
	err = get_one(info, NDPV6_CMD_GET_ROUTER, table_routers,
		      match_router, &ip);
	if (err == -ENOENT)
		NL_SET_ERR_MSG(info->extack, "no such router");
	return err;
}

static int nl_get_prefix(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[NDPV6_PREFIX_A_MAX + 1];
	struct prefix_key key;
	struct ndp_prefix p;
	int err;

	err = ndpv6_nl_nest_parse(info, NDPV6_A_PREFIX, tb, NDPV6_PREFIX_A_MAX,
				  ndpv6_nl_prefix_policy,
				  "give the prefix, or ask for a dump");
	if (!err)
		err = ndpv6_nl_parse_prefix(info, tb, &p);
	if (err)
		return err;
	key.addr = p.addr;
	key.len = p.len;
	err = get_one(info, NDPV6_CMD_GET_PREFIX, table_prefixes,
		      match_prefix, &key);
	if (err == -ENOENT)
		NL_SET_ERR_MSG(info->extack, "no such prefix");
	return err;
}

static int nl_get_addr(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[NDPV6_ADDR_A_MAX + 1];
	struct ndp_ip6 ip;
	int err;

	err = ndpv6_nl_nest_parse(info, NDPV6_A_ADDR, tb, NDPV6_ADDR_A_MAX,
				  ndpv6_nl_addr_policy,
				  "give the address, or ask for a dump");
	if (!err)
		err = ndpv6_nl_get_ip(info, tb, NDPV6_ADDR_A_ADDRESS,
				      info->attrs[NDPV6_A_ADDR], &ip);
	if (err)
		return err;
	err = get_one(info, NDPV6_CMD_GET_ADDR, table_addrs, match_addr, &ip);
	if (err == -ENOENT)
		NL_SET_ERR_MSG(info->extack, "no such address");
	return err;
}

static int nl_get_neigh(struct sk_buff *skb, struct genl_info *info)
{
	struct ndpv6_dev *priv = ndpv6_nl_priv(info);
	struct nlattr *tb[NDPV6_NEIGH_A_MAX + 1];
	struct ndp_nbr_info ni;
	struct sk_buff *reply;
	struct ndp_ip6 ip;
	void *hdr;
	int err;

	err = ndpv6_nl_nest_parse(info, NDPV6_A_NEIGH, tb, NDPV6_NEIGH_A_MAX,
				  ndpv6_nl_neigh_policy,
				  "give the neighbour's address, or ask for a dump");
	if (!err)
		err = ndpv6_nl_get_ip(info, tb, NDPV6_NEIGH_A_ADDRESS,
				      info->attrs[NDPV6_A_NEIGH], &ip);
	if (err)
		return err;
	spin_lock_bh(&priv->lock);
	err = priv->ctx ? ndp_nbr_lookup(priv->ctx, &ip, &ni) : -ENOENT;
	spin_unlock_bh(&priv->lock);
	if (err) {
		NL_SET_ERR_MSG(info->extack, "no such neighbour");
		return -ENOENT;
	}
	reply = reply_new(info, NLMSG_GOODSIZE, NDPV6_CMD_GET_NEIGH, &hdr);
	if (!reply)
		return -ENOMEM;
	if (put_neigh(reply, &ni)) {
		nlmsg_free(reply);
		return -EMSGSIZE;
	}
	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);
}

/* ---------------------------------------------------------------- stats */

static size_t stats_size(void)
{
	size_t size = nla_total_size(4) + nla_total_size(0);
	unsigned int i;

	for (i = 0; i < NDP_STAT_MAX; i++)
		size += nla_total_size(0) + nla_total_size(4) +
			nla_total_size(strlen(ndp_stat_name(i)) + 1) +
			nla_total_size_64bit(8);
	return size;
}

static int nl_get_stats(struct sk_buff *skb, struct genl_info *info)
{
	struct ndpv6_dev *priv = ndpv6_nl_priv(info);
	struct nlattr *nest, *one;
	struct sk_buff *reply;
	bool running;
	unsigned int i;
	u64 *stats;
	void *hdr;
	int err = -EMSGSIZE;

	stats = kmalloc_array(NDP_STAT_MAX, sizeof(*stats), GFP_KERNEL);
	if (!stats)
		return -ENOMEM;
	spin_lock_bh(&priv->lock);
	running = priv->ctx;
	if (running)
		memcpy(stats, ndp_stats(priv->ctx),
		       NDP_STAT_MAX * sizeof(*stats));
	spin_unlock_bh(&priv->lock);

	reply = reply_new(info, stats_size(), NDPV6_CMD_GET_STATS, &hdr);
	if (!reply) {
		err = -ENOMEM;
		goto out;
	}
	nest = nla_nest_start(reply, NDPV6_A_STATS);
	if (!nest)
		goto fail;
	for (i = 0; running && i < NDP_STAT_MAX; i++) {
		one = nla_nest_start(reply, NDPV6_STATS_A_STAT);
		if (!one ||
		    nla_put_u32(reply, NDPV6_STAT_A_ID, i) ||
		    nla_put_string(reply, NDPV6_STAT_A_NAME, ndp_stat_name(i)) ||
		    nla_put_u64_64bit(reply, NDPV6_STAT_A_VALUE, stats[i],
				      NDPV6_STAT_A_PAD))
			goto fail;
		nla_nest_end(reply, one);
	}
	nla_nest_end(reply, nest);
	genlmsg_end(reply, hdr);
	kfree(stats);
	return genlmsg_reply(reply, info);
fail:
	nlmsg_free(reply);
out:
	kfree(stats);
	return err;
}

/* ----------------------------------------------------------- parameters */

struct params_snap {
	bool running;
	struct ndp_params p;
	struct ndp_fill f;
	struct ndp_config next;
};

static void params_snapshot(struct ndpv6_dev *priv, struct params_snap *s)
{
	memset(s, 0, sizeof(*s));
	spin_lock_bh(&priv->lock);
	ndpv6_core_next_config(priv, &s->next);
	s->running = priv->ctx;
	if (s->running) {
		ndp_get_params(priv->ctx, &s->p);
		ndp_get_fill(priv->ctx, &s->f);
	}
	spin_unlock_bh(&priv->lock);
}

static int put_caps(struct sk_buff *skb, u32 addrs, u32 nbrs, u32 routers,
		    u32 prefixes, u32 routes)
{
	return nla_put_u32(skb, NDPV6_PARAMS_A_MAX_ADDRS, addrs) ||
	       nla_put_u32(skb, NDPV6_PARAMS_A_MAX_NBRS, nbrs) ||
	       nla_put_u32(skb, NDPV6_PARAMS_A_MAX_ROUTERS, routers) ||
	       nla_put_u32(skb, NDPV6_PARAMS_A_MAX_PREFIXES, prefixes) ||
	       nla_put_u32(skb, NDPV6_PARAMS_A_MAX_ROUTES, routes);
}

static bool caps_pending(const struct params_snap *s)
{
	return s->running &&
	       (s->f.max_addrs != s->next.max_addrs ||
		s->f.max_nbrs != s->next.max_nbrs ||
		s->f.max_routers != s->next.max_routers ||
		s->f.max_prefixes != s->next.max_prefixes ||
		s->f.max_routes != s->next.max_routes ||
		s->p.addr_gen != s->next.addr_gen);
}

static int put_params(struct sk_buff *skb, const struct params_snap *s)
{
	const struct ndp_config *n = &s->next;
	const struct ndp_params *p = &s->p;
	const struct ndp_fill *f = &s->f;
	struct nlattr *nest, *pend;

	nest = nla_nest_start(skb, NDPV6_A_PARAMS);
	if (!nest)
		return -EMSGSIZE;
	if (!s->running) {
		if (nla_put_u8(skb, NDPV6_PARAMS_A_DAD_TRANSMITS,
			       n->dad_transmits) ||
		    nla_put_u8(skb, NDPV6_PARAMS_A_ACCEPT_RA, n->accept_ra) ||
		    nla_put_u8(skb, NDPV6_PARAMS_A_REPLY_ECHO, n->reply_echo) ||
		    nla_put_u8(skb, NDPV6_PARAMS_A_OPTIMISTIC_DAD,
			       n->optimistic_dad) ||
		    nla_put_u8(skb, NDPV6_PARAMS_A_ADDR_GEN_MODE, n->addr_gen) ||
		    put_caps(skb, n->max_addrs, n->max_nbrs, n->max_routers,
			     n->max_prefixes, n->max_routes) ||
		    nla_put_u32(skb, NDPV6_PARAMS_A_MAX_GROUPS, n->max_groups) ||
		    nla_put_u32(skb, NDPV6_PARAMS_A_MAX_QUEUED, n->queue_total))
			goto fail;
		nla_nest_end(skb, nest);
		return 0;
	}
	if (nla_put_flag(skb, NDPV6_PARAMS_A_RUNNING) ||
	    nla_put_u8(skb, NDPV6_PARAMS_A_HOP_LIMIT, p->cur_hop_limit) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_MTU, p->mtu) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_BASE_REACHABLE_TIME,
			p->base_reachable_ms) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_REACHABLE_TIME, p->reachable_ms) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_RETRANS_TIME, p->retrans_ms) ||
	    nla_put_u8(skb, NDPV6_PARAMS_A_DAD_TRANSMITS, p->dad_transmits) ||
	    nla_put_u8(skb, NDPV6_PARAMS_A_ACCEPT_RA, p->accept_ra) ||
	    nla_put_u8(skb, NDPV6_PARAMS_A_REPLY_ECHO, p->reply_echo) ||
	    nla_put_u8(skb, NDPV6_PARAMS_A_OPTIMISTIC_DAD, p->optimistic_dad) ||
	    nla_put_u8(skb, NDPV6_PARAMS_A_ADDR_GEN_MODE, p->addr_gen) ||
	    put_caps(skb, f->max_addrs, f->max_nbrs, f->max_routers,
		     f->max_prefixes, f->max_routes) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_MAX_GROUPS, f->max_groups) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_MAX_QUEUED, f->max_queued) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_ADDRS, f->addrs) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_NBRS, f->nbrs) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_ROUTERS, f->routers) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_PREFIXES, f->prefixes) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_ROUTES, f->routes) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_GROUPS, f->groups) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_QUEUED, f->queued) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_INCOMPLETE, f->incomplete) ||
	    (p->link_up && nla_put_flag(skb, NDPV6_PARAMS_A_LINK_UP)) ||
	    (p->mld_v1 && nla_put_flag(skb, NDPV6_PARAMS_A_MLD_V1)) ||
	    (p->ip_disabled && nla_put_flag(skb, NDPV6_PARAMS_A_IP_DISABLED)))
		goto fail;
	if (caps_pending(s)) {
		pend = nla_nest_start(skb, NDPV6_PARAMS_A_PENDING);
		if (!pend || put_caps(skb, n->max_addrs, n->max_nbrs,
				      n->max_routers, n->max_prefixes,
				      n->max_routes) ||
		    nla_put_u8(skb, NDPV6_PARAMS_A_ADDR_GEN_MODE, n->addr_gen))
			goto fail;
		nla_nest_end(skb, pend);
	}
	nla_nest_end(skb, nest);
	return 0;
fail:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/**
 * ndpv6_nl_params_new() - a reply for ndpv6_nl_params_reply().
 * @info: the request (GET_PARAMS or SET_PARAMS), its device held
 * @cmd: the reply's command
 * @hdr: set to the reply's generic netlink header
 *
 * SET_PARAMS makes its reply before it changes anything: with no memory
 * for it the request fails with nothing changed, never after the change.
 *
 * Context: process; sleeps (GFP_KERNEL).
 * Return: the reply, or NULL when there is no memory.
 */
struct sk_buff *ndpv6_nl_params_new(struct genl_info *info, u8 cmd,
				    void **hdr)
{
	return reply_new(info, NLMSG_GOODSIZE, cmd, hdr);
}

/**
 * ndpv6_nl_params_reply() - answer with the device's parameters.
 * @info: the request (GET_PARAMS or SET_PARAMS), its device held
 * @cmd: the reply's command
 * @reply: from ndpv6_nl_params_new() (consumed)
 * @hdr: its header
 *
 * A SET_PARAMS reply whose capacities wait for the next down/up also
 * says so in the extack (a warning with the ACK).
 *
 * Context: process; takes the core lock with BH disabled.
 * Return: 0 or -errno.
 */
int ndpv6_nl_params_reply(struct genl_info *info, u8 cmd,
			  struct sk_buff *reply, void *hdr)
{
	struct net_device *dev = info->user_ptr[0];
	struct params_snap s;

	params_snapshot(ndpv6_nl_priv(info), &s);
	if (nla_put_string(reply, NDPV6_A_IFNAME, dev->name) ||
	    put_params(reply, &s)) {
		nlmsg_free(reply);
		return -EMSGSIZE;
	}
	if (cmd == NDPV6_CMD_SET_PARAMS && caps_pending(&s))
		NL_SET_ERR_MSG(info->extack,
			       "new table capacities take effect at the next down/up of the device");
	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);
}

static int nl_get_params(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *reply;
	void *hdr;

	reply = ndpv6_nl_params_new(info, NDPV6_CMD_GET_PARAMS, &hdr);
	if (!reply)
		return -ENOMEM;
	return ndpv6_nl_params_reply(info, NDPV6_CMD_GET_PARAMS, reply, hdr);
}

/* ---------------------------------------------------------- commands */

const struct genl_ops ndpv6_nl_get_ops[NDPV6_NL_N_GET_OPS] = {
	{
		.cmd = NDPV6_CMD_GET_ROUTER,
		.doit = nl_get_router,
		.start = dump_start,
		.dumpit = dump_routers,
		.policy = ndpv6_nl_router_cmd_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_GET_PREFIX,
		.doit = nl_get_prefix,
		.start = dump_start,
		.dumpit = dump_prefixes,
		.policy = ndpv6_nl_prefix_cmd_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_GET_ADDR,
		.doit = nl_get_addr,
		.start = dump_start,
		.dumpit = dump_addrs,
		.policy = ndpv6_nl_addr_cmd_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_GET_NEIGH,
		.doit = nl_get_neigh,
		.start = dump_start,
		.dumpit = dump_neighs,
		.policy = ndpv6_nl_neigh_cmd_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_GET_STATS,
		.doit = nl_get_stats,
		.policy = ndpv6_nl_dev_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_GET_PARAMS,
		.doit = nl_get_params,
		.policy = ndpv6_nl_dev_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_GET_DNS,
		.start = dump_start,
		.dumpit = dump_dns,
		.policy = ndpv6_nl_dev_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_GET_REDIRECT,
		.start = dump_start,
		.dumpit = dump_redirects,
		.policy = ndpv6_nl_dev_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_GET_ROUTE,
		.start = dump_start,
		.dumpit = dump_routes,
		.policy = ndpv6_nl_dev_policy,
		.maxattr = NDPV6_A_MAX,
	},
};
