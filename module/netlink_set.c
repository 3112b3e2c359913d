// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 generic netlink family, writing: static routers, prefixes and
 * addresses (Mirage's add_routers, add_prefix, add_ip, and their
 * deletion) and parameters.  See netlink.c for the family, its policies,
 * and the permission check (pre_doit: CAP_NET_ADMIN in the device's
 * network namespace for every command here).
 */
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <uapi/linux/ndpv6.h>

#include "device.h"
#include "netlink_cmds.h"

/* ----------------------------------------------------- calling the core */

/* ----------------------------------------------------------- parameters */

/* SET_PARAMS reads, changes and writes back a device's next configuration. */
static DEFINE_MUTEX(set_params_mutex);

/* DAD transmits, accept-RA, reply-echo, optimistic DAD of @arg. */
static int core_set(struct ndp_ctx *ctx, s64 now, const void *arg,
		    struct ndp_out *out)
{
	const struct ndp_config *cfg = arg;

	ndp_set_dad_transmits(ctx, cfg->dad_transmits);
	ndp_set_accept_ra(ctx, cfg->accept_ra);
	ndp_set_reply_echo(ctx, cfg->reply_echo);
	ndp_set_optimistic_dad(ctx, cfg->optimistic_dad);
	return 0;
}

/* Apply @tb to @cfg, a configuration for the next up. */
static void cfg_set(struct ndp_config *cfg, struct nlattr **tb)
{
	if (tb[NDPV6_PARAMS_A_DAD_TRANSMITS])
		cfg->dad_transmits =
			nla_get_u8(tb[NDPV6_PARAMS_A_DAD_TRANSMITS]);
	if (tb[NDPV6_PARAMS_A_ACCEPT_RA])
		cfg->accept_ra = nla_get_u8(tb[NDPV6_PARAMS_A_ACCEPT_RA]);
	if (tb[NDPV6_PARAMS_A_REPLY_ECHO])
		cfg->reply_echo = nla_get_u8(tb[NDPV6_PARAMS_A_REPLY_ECHO]);
	if (tb[NDPV6_PARAMS_A_OPTIMISTIC_DAD])
		cfg->optimistic_dad =
			nla_get_u8(tb[NDPV6_PARAMS_A_OPTIMISTIC_DAD]);
	if (tb[NDPV6_PARAMS_A_MAX_ADDRS]) {
		cfg->max_addrs = nla_get_u32(tb[NDPV6_PARAMS_A_MAX_ADDRS]);
		/* each address joins its solicited-node group */
		cfg->max_groups = max_t(u32, 32, cfg->max_addrs + 16);
	}
	if (tb[NDPV6_PARAMS_A_MAX_NBRS]) {
		cfg->max_nbrs = nla_get_u32(tb[NDPV6_PARAMS_A_MAX_NBRS]);
		/* RFC 6583: a quarter of the cache may be INCOMPLETE */
		cfg->incomplete_quota = clamp_t(u32, cfg->max_nbrs / 4, 1,
						U16_MAX);
	}
	if (tb[NDPV6_PARAMS_A_MAX_ROUTERS])
		cfg->max_routers = nla_get_u32(tb[NDPV6_PARAMS_A_MAX_ROUTERS]);
	if (tb[NDPV6_PARAMS_A_MAX_PREFIXES])
		cfg->max_prefixes =
			nla_get_u32(tb[NDPV6_PARAMS_A_MAX_PREFIXES]);
	if (tb[NDPV6_PARAMS_A_MAX_ROUTES])
		cfg->max_routes = nla_get_u32(tb[NDPV6_PARAMS_A_MAX_ROUTES]);
	/* the uapi's modes are the core's */
	BUILD_BUG_ON((int)NDPV6_ADDR_GEN_STABLE_PRIVACY !=
		     (int)NDP_ADDR_GEN_STABLE_PRIVACY);
	if (tb[NDPV6_PARAMS_A_ADDR_GEN_MODE])
		cfg->addr_gen = nla_get_u8(tb[NDPV6_PARAMS_A_ADDR_GEN_MODE]);
	if (tb[NDPV6_PARAMS_A_STABLE_SECRET]) {
		nla_memcpy(cfg->stable_secret, tb[NDPV6_PARAMS_A_STABLE_SECRET],
			   sizeof(cfg->stable_secret));
		cfg->stable_secret_set = true;
	}
}

static int nl_set_params(struct sk_buff *skb, struct genl_info *info)
{
	struct ndpv6_dev *priv = ndpv6_nl_priv(info);
	struct nlattr *tb[NDPV6_PARAMS_A_MAX + 1];
	struct sk_buff *reply;
	struct ndp_config cfg;
	bool any = false;
	void *hdr;
	int err, i;

	err = ndpv6_nl_nest_parse(info, NDPV6_A_PARAMS, tb, NDPV6_PARAMS_A_MAX,
				  ndpv6_nl_params_policy, "nothing to set");
	if (err)
		return err;
	for (i = 0; i <= NDPV6_PARAMS_A_MAX; i++)
		any |= !!tb[i];
	if (!any) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[NDPV6_A_PARAMS],
				    "nothing to set");
		return -EINVAL;
	}

	/* the reply first: an error from here on means nothing changed */
	reply = ndpv6_nl_params_new(info, NDPV6_CMD_SET_PARAMS, &hdr);
	if (!reply)
		return -ENOMEM;
	/* All or nothing: the whole configuration must make a core. */
	mutex_lock(&set_params_mutex);
	spin_lock_bh(&priv->lock);
	ndpv6_core_next_config(priv, &cfg);
	spin_unlock_bh(&priv->lock);
	cfg_set(&cfg, tb);
	err = ndpv6_core_set_next_config(priv, &cfg);
	/*
	 * These also apply to the running core, still under the mutex: two
	 * writers applying their configurations in the other order would
	 * leave the running core and the next one disagreeing.
	 */
	if (!err && (tb[NDPV6_PARAMS_A_DAD_TRANSMITS] ||
		     tb[NDPV6_PARAMS_A_ACCEPT_RA] ||
		     tb[NDPV6_PARAMS_A_REPLY_ECHO] ||
		     tb[NDPV6_PARAMS_A_OPTIMISTIC_DAD]))
		ndpv6_core_call(priv, core_set, &cfg);
	mutex_unlock(&set_params_mutex);
	if (err) {
		nlmsg_free(reply);
		NL_SET_ERR_MSG(info->extack,
			       "the ND core refuses this configuration");
		return err;
	}
	return ndpv6_nl_params_reply(info, NDPV6_CMD_SET_PARAMS, reply, hdr);
}

/* --------------------------------------------------------------- writes */

enum write_kind {
	WRITE_ROUTER,
	WRITE_PREFIX,
	WRITE_ADDR,
};

/* Say why the core refused a write, in the extack. */
static int write_result(struct genl_info *info, int err, enum write_kind k)
{
	struct netlink_ext_ack *extack = info->extack;

	switch (err) {
	case -ENETDOWN:
		NL_SET_ERR_MSG(extack, "the device is down");
		break;
	case -EINVAL:
		NL_SET_ERR_MSG(extack, "refused by the ND core");
		break;
	case -EEXIST:
		NL_SET_ERR_MSG(extack, "the address is already there");
		break;
	case -ENOSPC:
		if (k == WRITE_ROUTER)
			NL_SET_ERR_MSG(extack,
				       "the router list is full (raise max-routers)");
		else if (k == WRITE_PREFIX)
			NL_SET_ERR_MSG(extack,
				       "the prefix list is full (raise max-prefixes)");
		else
			NL_SET_ERR_MSG(extack,
				       "the address or group table is full (raise max-addrs)");
		break;
	case -ENOENT:
		if (k == WRITE_ROUTER)
			NL_SET_ERR_MSG(extack, "no such router");
		else if (k == WRITE_PREFIX)
			NL_SET_ERR_MSG(extack, "no such prefix");
		else
			NL_SET_ERR_MSG(extack, "no such address");
		break;
	}
	return err;
}

struct router_args {
	struct ndp_ip6 ip;
	u32 lifetime;
};

static int core_add_router(struct ndp_ctx *ctx, s64 now, const void *arg,
			   struct ndp_out *out)
{
	const struct router_args *a = arg;

	return ndp_add_routers(ctx, now, &a->ip, 1, a->lifetime, out);
}

static int core_del_router(struct ndp_ctx *ctx, s64 now, const void *arg,
			   struct ndp_out *out)
{
	const struct router_args *a = arg;

	return ndp_del_router(ctx, now, &a->ip, out);
}

static int nl_router(struct genl_info *info, bool add)
{
	struct nlattr *tb[NDPV6_ROUTER_A_MAX + 1];
	struct nlattr *nest = info->attrs[NDPV6_A_ROUTER];
	struct router_args a;
	int err;

	err = ndpv6_nl_nest_parse(info, NDPV6_A_ROUTER, tb, NDPV6_ROUTER_A_MAX,
				  ndpv6_nl_router_policy,
				  "the router is missing");
	if (!err)
		err = ndpv6_nl_get_ip(info, tb, NDPV6_ROUTER_A_ADDRESS, nest, &a.ip);
	if (err)
		return err;
	if (a.ip.b[0] != 0xfe || (a.ip.b[1] & 0xc0) != 0x80) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[NDPV6_ROUTER_A_ADDRESS],
				    "a router's address is link-local (fe80::/10)");
		return -EINVAL;
	}
	if (!add && tb[NDPV6_ROUTER_A_LIFETIME]) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[NDPV6_ROUTER_A_LIFETIME],
				    "deleting takes no lifetime");
		return -EINVAL;
	}
	a.lifetime = tb[NDPV6_ROUTER_A_LIFETIME] ?
		     nla_get_u32(tb[NDPV6_ROUTER_A_LIFETIME]) : NDP_INFINITE;
	err = ndpv6_core_call(ndpv6_nl_priv(info),
			      add ? core_add_router : core_del_router, &a);
	return write_result(info, err, WRITE_ROUTER);
}

static int nl_new_router(struct sk_buff *skb, struct genl_info *info)
{
	return nl_router(info, true);
}

static int nl_del_router(struct sk_buff *skb, struct genl_info *info)
{
	return nl_router(info, false);
}

struct prefix_args {
	struct ndp_prefix p;
	u32 valid;
};

static int core_add_prefix(struct ndp_ctx *ctx, s64 now, const void *arg,
			   struct ndp_out *out)
{
	const struct prefix_args *a = arg;

	return ndp_add_prefix(ctx, now, &a->p, a->valid, out);
}

static int core_del_prefix(struct ndp_ctx *ctx, s64 now, const void *arg,
			   struct ndp_out *out)
{
	const struct prefix_args *a = arg;

	return ndp_del_prefix(ctx, now, &a->p, out);
}

static int nl_prefix(struct genl_info *info, bool add)
{
	struct nlattr *tb[NDPV6_PREFIX_A_MAX + 1];
	struct prefix_args a;
	int err;

	err = ndpv6_nl_nest_parse(info, NDPV6_A_PREFIX, tb, NDPV6_PREFIX_A_MAX,
				  ndpv6_nl_prefix_policy,
				  "the prefix is missing");
	if (!err)
		err = ndpv6_nl_parse_prefix(info, tb, &a.p);
	if (err)
		return err;
	if (a.p.len >= 8 && a.p.addr.b[0] == 0xff) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[NDPV6_PREFIX_A_ADDRESS],
				    "a multicast prefix cannot be on-link");
		return -EINVAL;
	}
	if (!add && tb[NDPV6_PREFIX_A_VALID_LFT]) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[NDPV6_PREFIX_A_VALID_LFT],
				    "deleting takes no lifetime");
		return -EINVAL;
	}
	a.valid = tb[NDPV6_PREFIX_A_VALID_LFT] ?
		  nla_get_u32(tb[NDPV6_PREFIX_A_VALID_LFT]) : NDP_INFINITE;
	err = ndpv6_core_call(ndpv6_nl_priv(info),
			      add ? core_add_prefix : core_del_prefix, &a);
	return write_result(info, err, WRITE_PREFIX);
}

static int nl_new_prefix(struct sk_buff *skb, struct genl_info *info)
{
	return nl_prefix(info, true);
}

static int nl_del_prefix(struct sk_buff *skb, struct genl_info *info)
{
	return nl_prefix(info, false);
}

struct addr_args {
	struct ndp_ip6 ip;
	u8 plen;
	u32 valid, preferred;
};

static int core_add_addr(struct ndp_ctx *ctx, s64 now, const void *arg,
			 struct ndp_out *out)
{
	const struct addr_args *a = arg;

	return ndp_add_ip(ctx, now, &a->ip, a->plen, a->valid, a->preferred,
			  out);
}

static int core_del_addr(struct ndp_ctx *ctx, s64 now, const void *arg,
			 struct ndp_out *out)
{
	const struct addr_args *a = arg;

	return ndp_del_ip(ctx, now, &a->ip, out);
}

static bool ip_is_unicast(const struct ndp_ip6 *ip)
{
	static const struct ndp_ip6 loopback = { .b = { [15] = 1 } };
	static const struct ndp_ip6 any;

	return ip->b[0] != 0xff && memcmp(ip, &any, sizeof(*ip)) &&
	       memcmp(ip, &loopback, sizeof(*ip));
}

static int nl_addr(struct genl_info *info, bool add)
{
	struct nlattr *tb[NDPV6_ADDR_A_MAX + 1];
	struct nlattr *nest = info->attrs[NDPV6_A_ADDR];
	struct in6_addr gone;
	struct addr_args a;
	int err, i;

	err = ndpv6_nl_nest_parse(info, NDPV6_A_ADDR, tb, NDPV6_ADDR_A_MAX,
				  ndpv6_nl_addr_policy,
				  "the address is missing");
	if (!err)
		err = ndpv6_nl_get_ip(info, tb, NDPV6_ADDR_A_ADDRESS, nest, &a.ip);
	if (err)
		return err;
	if (!ip_is_unicast(&a.ip)) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[NDPV6_ADDR_A_ADDRESS],
				    "the address must be unicast, not :: or ::1");
		return -EINVAL;
	}
	for (i = NDPV6_ADDR_A_PREFIX_LEN; !add && i <= NDPV6_ADDR_A_MAX; i++) {
		if (tb[i]) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[i],
					    "deleting takes the address only");
			return -EINVAL;
		}
	}
	a.plen = tb[NDPV6_ADDR_A_PREFIX_LEN] ?
		 nla_get_u8(tb[NDPV6_ADDR_A_PREFIX_LEN]) : 128;
	a.valid = tb[NDPV6_ADDR_A_VALID_LFT] ?
		  nla_get_u32(tb[NDPV6_ADDR_A_VALID_LFT]) : NDP_INFINITE;
	a.preferred = tb[NDPV6_ADDR_A_PREFERRED_LFT] ?
		      nla_get_u32(tb[NDPV6_ADDR_A_PREFERRED_LFT]) : a.valid;
	if (a.preferred > a.valid) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    tb[NDPV6_ADDR_A_PREFERRED_LFT],
				    "the preferred lifetime exceeds the valid one");
		return -EINVAL;
	}
	err = ndpv6_core_call(ndpv6_nl_priv(info),
			      add ? core_add_addr : core_del_addr, &a);
	/*
	 * Gone from the core: from ndp0 too, if the kernel has it (a
	 * user's address; one not through DAD yet left with no note)
	 */
	if (!add && !err) {
		memcpy(gone.s6_addr, a.ip.b, sizeof(gone.s6_addr));
		ndpv6_rt_core_del(ndpv6_nl_priv(info), &gone);
	}
	return write_result(info, err, WRITE_ADDR);
}

static int nl_new_addr(struct sk_buff *skb, struct genl_info *info)
{
	return nl_addr(info, true);
}

static int nl_del_addr(struct sk_buff *skb, struct genl_info *info)
{
	return nl_addr(info, false);
}

/* ---------------------------------------------------------- commands */

const struct genl_ops ndpv6_nl_set_ops[NDPV6_NL_N_SET_OPS] = {
	{
		.cmd = NDPV6_CMD_NEW_ROUTER,
		.doit = nl_new_router,
		.policy = ndpv6_nl_router_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_DEL_ROUTER,
		.doit = nl_del_router,
		.policy = ndpv6_nl_router_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_NEW_PREFIX,
		.doit = nl_new_prefix,
		.policy = ndpv6_nl_prefix_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_DEL_PREFIX,
		.doit = nl_del_prefix,
		.policy = ndpv6_nl_prefix_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_NEW_ADDR,
		.doit = nl_new_addr,
		.policy = ndpv6_nl_addr_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_DEL_ADDR,
		.doit = nl_del_addr,
		.policy = ndpv6_nl_addr_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_SET_PARAMS,
		.doit = nl_set_params,
		.policy = ndpv6_nl_params_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	},
};
