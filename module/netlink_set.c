// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 generic netlink family, writing: static routers, prefixes and
 * addresses (the seed's add_routers, add_prefix, add_ip, and their
 * deletion) and parameters.  See netlink.c for the family, its policies,
 * and the permission check (pre_doit: CAP_NET_ADMIN in the device's
 * network namespace for every command here).
 */
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <uapi/linux/ndpv6.h>

#include "device.h"
#include "netlink_cmds.h"

/* ----------------------------------------------------- calling the core */

typedef int (*core_fn)(struct ndp_ctx *ctx, s64 now, const void *arg,
		       struct ndp_out *out);

/*
 * Run @fn on the device's core and process its output the way the
 * datapath does: notes to the device's note ring (the mirror hands them to
 * ndpv6_nl_notify()), the tick run early for the timers the call armed.
 *
 * INTERIM, until datapath.c exports its own helper for process-context
 * calls (requested in issue 9's report: ndpv6_core_call()): the output is
 * ours (kmalloc), the note ring is filled as notes_queue_locked() does, and
 * the tick is kicked at once rather than moved to the core's deadline.  The
 * write commands produce notes only (their frames leave from the tick);
 * frames or handles they never produce would be dropped here.
 *
 * Return: @fn's result, -ENETDOWN when the core is not running, -ENOMEM.
 */
static int core_call(struct ndpv6_dev *priv, core_fn fn, const void *arg)
{
	struct ndp_out *out;
	u32 i, slot;
	int err;

	out = kmalloc(sizeof(*out), GFP_KERNEL);
	if (!out)
		return -ENOMEM;
	ndp_out_reset(out);
	spin_lock_bh(&priv->lock);
	if (!priv->ctx) {
		err = -ENETDOWN;
		goto unlock;
	}
	err = fn(priv->ctx, ndpv6_nl_now(), arg, out);
	for (i = 0; i < out->n_notes; i++) {
		if (priv->note_len == NDPV6_NOTE_RING) {
			priv->notes_lost = true;
			break;
		}
		slot = (priv->note_head + priv->note_len) % NDPV6_NOTE_RING;
		priv->notes[slot] = out->notes[i];
		priv->note_len++;
	}
	if (out->notes_lost)
		priv->notes_lost = true;
	if (out->n_notes || out->notes_lost)
		ndpv6_mirror_kick(priv);
	priv->tick_at = ndpv6_nl_now();
	mod_delayed_work(system_wq, &priv->tick, 0);
unlock:
	spin_unlock_bh(&priv->lock);
	for (i = 0; i < out->n_tx; i++)
		kfree_skb(out->tx[i].handle);
	for (i = 0; i < out->n_done; i++)
		kfree_skb(out->done[i].handle);
	kfree(out);
	return err;
}

/* ----------------------------------------------------------- parameters */

struct set_args {
	bool dad, ra;
	u8 dad_transmits;
	bool accept_ra;
};

static int core_set(struct ndp_ctx *ctx, s64 now, const void *arg,
		    struct ndp_out *out)
{
	const struct set_args *a = arg;

	if (a->dad)
		ndp_set_dad_transmits(ctx, a->dad_transmits);
	if (a->ra)
		ndp_set_accept_ra(ctx, a->accept_ra);
	return 0;
}

static int nl_set_params(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[NDPV6_PARAMS_A_MAX + 1];
	struct set_args a = {};
	int err, i;

	err = ndpv6_nl_nest_parse(info, NDPV6_A_PARAMS, tb, NDPV6_PARAMS_A_MAX,
				  ndpv6_nl_params_policy, "nothing to set");
	if (err)
		return err;
	for (i = NDPV6_PARAMS_A_MAX_ADDRS; i <= NDPV6_PARAMS_A_MAX_PREFIXES;
	     i++) {
		if (tb[i]) {
			/* INTERIM: see next_config(). */
			NL_SET_ERR_MSG_ATTR(info->extack, tb[i],
					    "table capacities cannot be set yet: the device keeps no configuration for its next up");
			return -EINVAL;
		}
	}
	a.dad = tb[NDPV6_PARAMS_A_DAD_TRANSMITS];
	if (a.dad)
		a.dad_transmits = nla_get_u8(tb[NDPV6_PARAMS_A_DAD_TRANSMITS]);
	a.ra = tb[NDPV6_PARAMS_A_ACCEPT_RA];
	if (a.ra)
		a.accept_ra = nla_get_u8(tb[NDPV6_PARAMS_A_ACCEPT_RA]);
	if (!a.dad && !a.ra) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[NDPV6_A_PARAMS],
				    "nothing to set");
		return -EINVAL;
	}
	err = core_call(ndpv6_nl_priv(info), core_set, &a);
	if (err == -ENETDOWN) {
		NL_SET_ERR_MSG(info->extack, "the device is down");
		return err;
	}
	if (err)
		return err;
	return ndpv6_nl_params_reply(info, NDPV6_CMD_SET_PARAMS);
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
	err = core_call(ndpv6_nl_priv(info), add ? core_add_router :
			core_del_router, &a);
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
	err = core_call(ndpv6_nl_priv(info), add ? core_add_prefix :
			core_del_prefix, &a);
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
	err = core_call(ndpv6_nl_priv(info), add ? core_add_addr : core_del_addr,
			&a);
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
