// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 generic netlink family "ndpv6": the core's tables, counters and
 * parameters, static routers, prefixes and addresses, and events.
 *
 * The interface is include/uapi/linux/ndpv6.h (prose on every command and
 * attribute) and Documentation/netlink/specs/ndpv6.yaml; the policies below
 * implement the spec's checks and tools/netlink/check-spec.py compares them
 * with it.
 *
 * Devices: every request names one device of its socket's network
 * namespace (genl_info_net()), by index or name; a device of another
 * namespace is not found (-ENODEV), a device that is not an ndpv6 device
 * is refused (-EOPNOTSUPP).  pre_doit resolves the device and holds it for
 * the command; writes (NDPV6_NL_ADMIN) then need CAP_NET_ADMIN in the user
 * namespace owning the device's network namespace.  That check is done
 * here rather than with GENL_UNS_ADMIN_PERM so that the refusal carries an
 * extack message.
 *
 * Locking: the family is parallel_ops (no genl_mutex); each command takes
 * the device's core lock (priv->lock, BH disabled) around the core calls
 * that read or change the tables, never across an allocation or a
 * reply.  Dumps hold no device reference between reads: each read looks
 * the device up again by index under RCU, resumes at its cursor in
 * cb->args and sets cb->seq from the core's generation counter, so that
 * genl_dump_check_consistent() flags NLM_F_DUMP_INTR when a table changed
 * between two reads; a device gone or down since the last read ends the
 * dump flagged the same way.
 *
 * Events: ndpv6_nl_notify() turns one core note into an NDPV6_CMD_EVENT
 * message on the "events" group of the device's network namespace.
 */
#include <linux/capability.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>
#include <uapi/linux/ndpv6.h>

#include "device.h"
#include "netlink.h"

/* The UAPI enums are the core's. */
static_assert((int)NDPV6_ORIGIN_LINKLOCAL == (int)NDP_ORIGIN_LINKLOCAL);
static_assert((int)NDPV6_ORIGIN_SLAAC == (int)NDP_ORIGIN_SLAAC);
static_assert((int)NDPV6_ORIGIN_MANUAL == (int)NDP_ORIGIN_MANUAL);
static_assert((int)NDPV6_ORIGIN_RA == (int)NDP_ORIGIN_RA);
static_assert((int)NDPV6_ORIGIN_STATIC == (int)NDP_ORIGIN_STATIC);
static_assert((int)NDPV6_ADDR_STATE_TENTATIVE == (int)NDP_ADDR_TENTATIVE);
static_assert((int)NDPV6_ADDR_STATE_PREFERRED == (int)NDP_ADDR_PREFERRED);
static_assert((int)NDPV6_ADDR_STATE_DEPRECATED == (int)NDP_ADDR_DEPRECATED);
static_assert((int)NDPV6_ADDR_STATE_DUPLICATE == (int)NDP_ADDR_DUPLICATE);
static_assert((int)NDPV6_NUD_NONE == (int)NDP_NUD_NONE);
static_assert((int)NDPV6_NUD_INCOMPLETE == (int)NDP_NUD_INCOMPLETE);
static_assert((int)NDPV6_NUD_REACHABLE == (int)NDP_NUD_REACHABLE);
static_assert((int)NDPV6_NUD_STALE == (int)NDP_NUD_STALE);
static_assert((int)NDPV6_NUD_DELAY == (int)NDP_NUD_DELAY);
static_assert((int)NDPV6_NUD_PROBE == (int)NDP_NUD_PROBE);
static_assert((int)NDPV6_INFINITE == (int)NDP_INFINITE);
static_assert(sizeof(struct ndp_ip6) == 16);

/* genl_ops.internal_flags: the command changes the device. */
#define NDPV6_NL_ADMIN		BIT(0)

/* Dump cursor in cb->args. */
#define DUMP_IFINDEX		0	/* the device */
#define DUMP_POS		1	/* the table iterator's position */
#define DUMP_STARTED		2	/* a read saw the core running */

#define EVENT_SIZE		256

static struct genl_family ndpv6_genl_family;

/* ------------------------------------------------------------ policies */

static const struct nla_policy router_policy[NDPV6_ROUTER_A_MAX + 1] = {
	[NDPV6_ROUTER_A_ADDRESS] = NLA_POLICY_EXACT_LEN(16),
	[NDPV6_ROUTER_A_LIFETIME] = NLA_POLICY_MIN(NLA_U32, 1),
	[NDPV6_ROUTER_A_ORIGIN] = { .type = NLA_REJECT,
				    .reject_message = "read-only attribute" },
	[NDPV6_ROUTER_A_NUD] = { .type = NLA_REJECT,
				 .reject_message = "read-only attribute" },
};

static const struct nla_policy prefix_policy[NDPV6_PREFIX_A_MAX + 1] = {
	[NDPV6_PREFIX_A_ADDRESS] = NLA_POLICY_EXACT_LEN(16),
	[NDPV6_PREFIX_A_LEN] = NLA_POLICY_MAX(NLA_U8, 128),
	[NDPV6_PREFIX_A_VALID_LFT] = NLA_POLICY_MIN(NLA_U32, 1),
	[NDPV6_PREFIX_A_PREFERRED_LFT] = { .type = NLA_REJECT,
					   .reject_message =
						"read-only attribute" },
	[NDPV6_PREFIX_A_ORIGIN] = { .type = NLA_REJECT,
				    .reject_message = "read-only attribute" },
	[NDPV6_PREFIX_A_ONLINK] = { .type = NLA_REJECT,
				    .reject_message = "read-only attribute" },
	[NDPV6_PREFIX_A_AUTONOMOUS] = { .type = NLA_REJECT,
					.reject_message =
						"read-only attribute" },
};

static const struct nla_policy addr_policy[NDPV6_ADDR_A_MAX + 1] = {
	[NDPV6_ADDR_A_ADDRESS] = NLA_POLICY_EXACT_LEN(16),
	[NDPV6_ADDR_A_PREFIX_LEN] = NLA_POLICY_RANGE(NLA_U8, 1, 128),
	[NDPV6_ADDR_A_STATE] = { .type = NLA_REJECT,
				 .reject_message = "read-only attribute" },
	[NDPV6_ADDR_A_ORIGIN] = { .type = NLA_REJECT,
				  .reject_message = "read-only attribute" },
	[NDPV6_ADDR_A_VALID_LFT] = NLA_POLICY_MIN(NLA_U32, 1),
	[NDPV6_ADDR_A_PREFERRED_LFT] = { .type = NLA_U32 },
};

static const struct nla_policy neigh_policy[NDPV6_NEIGH_A_MAX + 1] = {
	[NDPV6_NEIGH_A_ADDRESS] = NLA_POLICY_EXACT_LEN(16),
	[NDPV6_NEIGH_A_LLADDR] = { .type = NLA_REJECT,
				   .reject_message = "read-only attribute" },
	[NDPV6_NEIGH_A_STATE] = { .type = NLA_REJECT,
				  .reject_message = "read-only attribute" },
	[NDPV6_NEIGH_A_ROUTER] = { .type = NLA_REJECT,
				   .reject_message = "read-only attribute" },
	[NDPV6_NEIGH_A_QUEUED] = { .type = NLA_REJECT,
				   .reject_message = "read-only attribute" },
};

static struct netlink_range_validation max_nbrs_range = {
	.min = 1,
	.max = NDPV6_MAX_NBRS,
};

static const struct nla_policy params_policy[NDPV6_PARAMS_A_MAX + 1] = {
	[NDPV6_PARAMS_A_RUNNING] = { .type = NLA_REJECT,
				     .reject_message = "read-only attribute" },
	[NDPV6_PARAMS_A_HOP_LIMIT] = { .type = NLA_REJECT,
				       .reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_MTU] = { .type = NLA_REJECT,
				 .reject_message = "read-only attribute" },
	[NDPV6_PARAMS_A_BASE_REACHABLE_TIME] = { .type = NLA_REJECT,
						 .reject_message =
						 "read-only attribute" },
	[NDPV6_PARAMS_A_REACHABLE_TIME] = { .type = NLA_REJECT,
					    .reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_RETRANS_TIME] = { .type = NLA_REJECT,
					  .reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_DAD_TRANSMITS] =
		NLA_POLICY_MAX(NLA_U8, NDPV6_MAX_DAD_TRANSMITS),
	[NDPV6_PARAMS_A_ACCEPT_RA] = NLA_POLICY_MAX(NLA_U8, 1),
	[NDPV6_PARAMS_A_MAX_ADDRS] =
		NLA_POLICY_RANGE(NLA_U32, 1, NDPV6_MAX_ADDRS),
	[NDPV6_PARAMS_A_MAX_NBRS] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &max_nbrs_range),
	[NDPV6_PARAMS_A_MAX_ROUTERS] =
		NLA_POLICY_RANGE(NLA_U32, 1, NDPV6_MAX_ROUTERS),
	[NDPV6_PARAMS_A_MAX_PREFIXES] =
		NLA_POLICY_RANGE(NLA_U32, 1, NDPV6_MAX_PREFIXES),
	[NDPV6_PARAMS_A_MAX_GROUPS] = { .type = NLA_REJECT,
					.reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_MAX_QUEUED] = { .type = NLA_REJECT,
					.reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_NUM_ADDRS] = { .type = NLA_REJECT,
				       .reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_NUM_NBRS] = { .type = NLA_REJECT,
				      .reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_NUM_ROUTERS] = { .type = NLA_REJECT,
					 .reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_NUM_PREFIXES] = { .type = NLA_REJECT,
					  .reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_NUM_GROUPS] = { .type = NLA_REJECT,
					.reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_NUM_QUEUED] = { .type = NLA_REJECT,
					.reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_NUM_INCOMPLETE] = { .type = NLA_REJECT,
					    .reject_message =
						"read-only attribute" },
	[NDPV6_PARAMS_A_PENDING] = { .type = NLA_REJECT,
				     .reject_message = "read-only attribute" },
};

/* Per command: the device, and the nest of its object. */
static const struct nla_policy dev_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
};

static const struct nla_policy router_cmd_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[NDPV6_A_ROUTER] = NLA_POLICY_NESTED(router_policy),
};

static const struct nla_policy prefix_cmd_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[NDPV6_A_PREFIX] = NLA_POLICY_NESTED(prefix_policy),
};

static const struct nla_policy addr_cmd_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[NDPV6_A_ADDR] = NLA_POLICY_NESTED(addr_policy),
};

static const struct nla_policy neigh_cmd_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[NDPV6_A_NEIGH] = NLA_POLICY_NESTED(neigh_policy),
};

static const struct nla_policy params_cmd_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[NDPV6_A_PARAMS] = NLA_POLICY_NESTED(params_policy),
};

/* ------------------------------------------------------------- devices */

/* The ndpv6 device a request names, held; or an ERR_PTR with extack. */
static struct net_device *dev_get(struct net *net, struct nlattr **attrs,
				  struct netlink_ext_ack *extack)
{
	struct nlattr *idx = attrs[NDPV6_A_IFINDEX];
	struct nlattr *name = attrs[NDPV6_A_IFNAME];
	struct net_device *dev;

	if (!idx && !name) {
		NL_SET_ERR_MSG(extack, "the device is missing (ifindex or name)");
		return ERR_PTR(-EINVAL);
	}
	if (idx && name) {
		NL_SET_ERR_MSG_ATTR(extack, name,
				    "name the device by ifindex or by name, not both");
		return ERR_PTR(-EINVAL);
	}
	if (idx)
		dev = dev_get_by_index(net, nla_get_u32(idx));
	else
		dev = dev_get_by_name(net, nla_data(name));
	if (!dev) {
		NL_SET_ERR_MSG_ATTR(extack, idx ?: name, "no such device");
		return ERR_PTR(-ENODEV);
	}
	if (!netif_is_ndpv6(dev)) {
		dev_put(dev);
		NL_SET_ERR_MSG_ATTR(extack, idx ?: name,
				    "not an ndpv6 device");
		return ERR_PTR(-EOPNOTSUPP);
	}
	return dev;
}

static int ndpv6_nl_pre_doit(const struct genl_ops *ops, struct sk_buff *skb,
			     struct genl_info *info)
{
	struct net_device *dev;

	dev = dev_get(genl_info_net(info), info->attrs, info->extack);
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	if ((ops->internal_flags & NDPV6_NL_ADMIN) &&
	    !netlink_ns_capable(skb, dev_net(dev)->user_ns, CAP_NET_ADMIN)) {
		dev_put(dev);
		GENL_SET_ERR_MSG(info,
				 "needs CAP_NET_ADMIN in the device's network namespace");
		return -EPERM;
	}
	info->user_ptr[0] = dev;
	return 0;
}

static void ndpv6_nl_post_doit(const struct genl_ops *ops,
			       struct sk_buff *skb, struct genl_info *info)
{
	dev_put(info->user_ptr[0]);
}

static struct ndpv6_dev *info_priv(struct genl_info *info)
{
	return netdev_priv((struct net_device *)info->user_ptr[0]);
}

static s64 nl_now(void)
{
	return (s64)ktime_get_ns();
}

/*
 * Parse the nest @type of the request with @policy into @tb; -EINVAL with
 * the literal @msg when the request lacks it.
 */
#define nest_parse(info, type, tb, max, policy, msg) ({			\
	struct genl_info *__info = (info);				\
	int __err = -EINVAL;						\
									\
	if (__info->attrs[type]) {					\
		__err = nla_parse_nested(tb, max, __info->attrs[type],	\
					 policy, __info->extack);	\
	} else {							\
		NL_SET_ERR_MSG(__info->extack, msg);			\
		__info->extack->miss_type = type;			\
	}								\
	__err;								\
})

/* The address attribute @type of @tb, required. */
static int get_ip(struct genl_info *info, struct nlattr **tb, int type,
		  struct nlattr *nest, struct ndp_ip6 *ip)
{
	if (!tb[type]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "the address is missing");
		info->extack->miss_type = type;
		info->extack->miss_nest = nest;
		return -EINVAL;
	}
	nla_memcpy(ip->b, tb[type], sizeof(ip->b));
	return 0;
}

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
	err = fn(priv->ctx, nl_now(), arg, out);
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
	priv->tick_at = nl_now();
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

/* ----------------------------------------------------- entries to skbs */

static int put_router(struct sk_buff *skb, const struct ndp_router_info *ri)
{
	struct nlattr *nest = nla_nest_start(skb, NDPV6_A_ROUTER);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put(skb, NDPV6_ROUTER_A_ADDRESS, 16, ri->addr.b) ||
	    nla_put_u32(skb, NDPV6_ROUTER_A_LIFETIME, ri->lifetime_s) ||
	    nla_put_u8(skb, NDPV6_ROUTER_A_ORIGIN, ri->origin) ||
	    nla_put_u8(skb, NDPV6_ROUTER_A_NUD, ri->nud)) {
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
	const struct genl_dumpit_info *di = genl_dumpit_info(cb);
	struct net_device *dev;
	int i;

	for (i = NDPV6_A_ROUTER; i <= NDPV6_A_NEIGH; i++) {
		if (di->attrs[i]) {
			NL_SET_ERR_MSG_ATTR(cb->extack, di->attrs[i],
					    "a dump lists every entry: no key");
			return -EINVAL;
		}
	}
	dev = dev_get(sock_net(cb->skb->sk), di->attrs, cb->extack);
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
		      u8 cmd, table_fn fn)
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
	if (!priv->ctx) {
		/* Down: empty, or cut short if it was running before. */
		if (cb->args[DUMP_STARTED])
			cb->seq = cb->prev_seq ^ 2;
		done = true;
		goto unlock;
	}
	cb->args[DUMP_STARTED] = 1;
	cb->seq = (ndp_generation(priv->ctx) << 1) | 1;
	now = nl_now();
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
	return dump_table(skb, cb, NDPV6_CMD_GET_ROUTER, table_routers);
}

static int dump_prefixes(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_table(skb, cb, NDPV6_CMD_GET_PREFIX, table_prefixes);
}

static int dump_addrs(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_table(skb, cb, NDPV6_CMD_GET_ADDR, table_addrs);
}

static int dump_neighs(struct sk_buff *skb, struct netlink_callback *cb)
{
	return dump_table(skb, cb, NDPV6_CMD_GET_NEIGH, table_neighs);
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
	struct ndpv6_dev *priv = info_priv(info);
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
		now = nl_now();
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

static int parse_prefix(struct genl_info *info, struct nlattr **tb,
			struct ndp_prefix *p)
{
	struct nlattr *nest = info->attrs[NDPV6_A_PREFIX];
	int err;

	err = get_ip(info, tb, NDPV6_PREFIX_A_ADDRESS, nest, &p->addr);
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

	err = nest_parse(info, NDPV6_A_ROUTER, tb, NDPV6_ROUTER_A_MAX,
			 router_policy,
			 "give the router's address, or ask for a dump");
	if (!err)
		err = get_ip(info, tb, NDPV6_ROUTER_A_ADDRESS,
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

	err = nest_parse(info, NDPV6_A_PREFIX, tb, NDPV6_PREFIX_A_MAX,
			 prefix_policy, "give the prefix, or ask for a dump");
	if (!err)
		err = parse_prefix(info, tb, &p);
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

	err = nest_parse(info, NDPV6_A_ADDR, tb, NDPV6_ADDR_A_MAX, addr_policy,
			 "give the address, or ask for a dump");
	if (!err)
		err = get_ip(info, tb, NDPV6_ADDR_A_ADDRESS,
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
	struct ndpv6_dev *priv = info_priv(info);
	struct nlattr *tb[NDPV6_NEIGH_A_MAX + 1];
	struct ndp_nbr_info ni;
	struct sk_buff *reply;
	struct ndp_ip6 ip;
	void *hdr;
	int err;

	err = nest_parse(info, NDPV6_A_NEIGH, tb, NDPV6_NEIGH_A_MAX,
			 neigh_policy,
			 "give the neighbour's address, or ask for a dump");
	if (!err)
		err = get_ip(info, tb, NDPV6_NEIGH_A_ADDRESS,
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
	struct ndpv6_dev *priv = info_priv(info);
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

/*
 * The configuration the next up of the device uses.  INTERIM: the glue
 * starts every core with ndp_config_default(); a per-device configuration
 * (requested in issue 9's report) replaces this.
 */
static void next_config(struct ndpv6_dev *priv, struct ndp_config *cfg)
{
	ndp_config_default(cfg);
}

static void params_snapshot(struct ndpv6_dev *priv, struct params_snap *s)
{
	memset(s, 0, sizeof(*s));
	spin_lock_bh(&priv->lock);
	next_config(priv, &s->next);
	s->running = priv->ctx;
	if (s->running) {
		ndp_get_params(priv->ctx, &s->p);
		ndp_get_fill(priv->ctx, &s->f);
	}
	spin_unlock_bh(&priv->lock);
}

static int put_caps(struct sk_buff *skb, u32 addrs, u32 nbrs, u32 routers,
		    u32 prefixes)
{
	return nla_put_u32(skb, NDPV6_PARAMS_A_MAX_ADDRS, addrs) ||
	       nla_put_u32(skb, NDPV6_PARAMS_A_MAX_NBRS, nbrs) ||
	       nla_put_u32(skb, NDPV6_PARAMS_A_MAX_ROUTERS, routers) ||
	       nla_put_u32(skb, NDPV6_PARAMS_A_MAX_PREFIXES, prefixes);
}

static bool caps_pending(const struct params_snap *s)
{
	return s->running &&
	       (s->f.max_addrs != s->next.max_addrs ||
		s->f.max_nbrs != s->next.max_nbrs ||
		s->f.max_routers != s->next.max_routers ||
		s->f.max_prefixes != s->next.max_prefixes);
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
		    put_caps(skb, n->max_addrs, n->max_nbrs, n->max_routers,
			     n->max_prefixes) ||
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
	    put_caps(skb, f->max_addrs, f->max_nbrs, f->max_routers,
		     f->max_prefixes) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_MAX_GROUPS, f->max_groups) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_MAX_QUEUED, f->max_queued) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_ADDRS, f->addrs) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_NBRS, f->nbrs) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_ROUTERS, f->routers) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_PREFIXES, f->prefixes) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_GROUPS, f->groups) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_QUEUED, f->queued) ||
	    nla_put_u32(skb, NDPV6_PARAMS_A_NUM_INCOMPLETE, f->incomplete))
		goto fail;
	if (caps_pending(s)) {
		pend = nla_nest_start(skb, NDPV6_PARAMS_A_PENDING);
		if (!pend || put_caps(skb, n->max_addrs, n->max_nbrs,
				      n->max_routers, n->max_prefixes))
			goto fail;
		nla_nest_end(skb, pend);
	}
	nla_nest_end(skb, nest);
	return 0;
fail:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

static int params_reply(struct genl_info *info, u8 cmd)
{
	struct net_device *dev = info->user_ptr[0];
	struct params_snap s;
	struct sk_buff *reply;
	void *hdr;

	params_snapshot(info_priv(info), &s);
	reply = reply_new(info, NLMSG_GOODSIZE, cmd, &hdr);
	if (!reply)
		return -ENOMEM;
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
	return params_reply(info, NDPV6_CMD_GET_PARAMS);
}

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

	err = nest_parse(info, NDPV6_A_PARAMS, tb, NDPV6_PARAMS_A_MAX,
			 params_policy, "nothing to set");
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
	err = core_call(info_priv(info), core_set, &a);
	if (err == -ENETDOWN) {
		NL_SET_ERR_MSG(info->extack, "the device is down");
		return err;
	}
	if (err)
		return err;
	return params_reply(info, NDPV6_CMD_SET_PARAMS);
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

	err = nest_parse(info, NDPV6_A_ROUTER, tb, NDPV6_ROUTER_A_MAX,
			 router_policy, "the router is missing");
	if (!err)
		err = get_ip(info, tb, NDPV6_ROUTER_A_ADDRESS, nest, &a.ip);
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
	err = core_call(info_priv(info), add ? core_add_router :
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

	err = nest_parse(info, NDPV6_A_PREFIX, tb, NDPV6_PREFIX_A_MAX,
			 prefix_policy, "the prefix is missing");
	if (!err)
		err = parse_prefix(info, tb, &a.p);
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
	err = core_call(info_priv(info), add ? core_add_prefix :
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

	err = nest_parse(info, NDPV6_A_ADDR, tb, NDPV6_ADDR_A_MAX, addr_policy,
			 "the address is missing");
	if (!err)
		err = get_ip(info, tb, NDPV6_ADDR_A_ADDRESS, nest, &a.ip);
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
	err = core_call(info_priv(info), add ? core_add_addr : core_del_addr,
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

/* --------------------------------------------------------------- events */

static const u8 note_events[] = {
	[NDP_NOTE_ADDR_ADD] = NDPV6_EVENT_ADDR_ADD,
	[NDP_NOTE_ADDR_DEPRECATED] = NDPV6_EVENT_ADDR_DEPRECATED,
	[NDP_NOTE_ADDR_DEL] = NDPV6_EVENT_ADDR_DEL,
	[NDP_NOTE_DAD_FAILED] = NDPV6_EVENT_DAD_FAILED,
	[NDP_NOTE_ROUTER_ADD] = NDPV6_EVENT_ROUTER_ADD,
	[NDP_NOTE_ROUTER_DEL] = NDPV6_EVENT_ROUTER_DEL,
	[NDP_NOTE_PREFIX_ADD] = NDPV6_EVENT_PREFIX_ADD,
	[NDP_NOTE_PREFIX_DEL] = NDPV6_EVENT_PREFIX_DEL,
	[NDP_NOTE_NBR_UNREACHABLE] = NDPV6_EVENT_NEIGH_UNREACHABLE,
};

static int put_event_object(struct sk_buff *skb, u8 ev,
			    const struct ndp_note *n)
{
	struct nlattr *nest;
	int type, addr;

	switch (ev) {
	case NDPV6_EVENT_ADDR_ADD:
	case NDPV6_EVENT_ADDR_DEPRECATED:
	case NDPV6_EVENT_ADDR_DEL:
	case NDPV6_EVENT_DAD_FAILED:
		type = NDPV6_A_ADDR;
		addr = NDPV6_ADDR_A_ADDRESS;
		break;
	case NDPV6_EVENT_ROUTER_ADD:
	case NDPV6_EVENT_ROUTER_DEL:
		type = NDPV6_A_ROUTER;
		addr = NDPV6_ROUTER_A_ADDRESS;
		break;
	case NDPV6_EVENT_PREFIX_ADD:
	case NDPV6_EVENT_PREFIX_DEL:
		type = NDPV6_A_PREFIX;
		addr = NDPV6_PREFIX_A_ADDRESS;
		break;
	default:
		type = NDPV6_A_NEIGH;
		addr = NDPV6_NEIGH_A_ADDRESS;
		break;
	}
	nest = nla_nest_start(skb, type);
	if (!nest || nla_put(skb, addr, 16, n->addr.b))
		return -EMSGSIZE;
	switch (ev) {
	case NDPV6_EVENT_ADDR_ADD:
		if (nla_put_u32(skb, NDPV6_ADDR_A_VALID_LFT, n->valid_s) ||
		    nla_put_u32(skb, NDPV6_ADDR_A_PREFERRED_LFT,
				n->preferred_s))
			return -EMSGSIZE;
		fallthrough;
	case NDPV6_EVENT_ADDR_DEL:
		if (n->plen && nla_put_u8(skb, NDPV6_ADDR_A_PREFIX_LEN, n->plen))
			return -EMSGSIZE;
		break;
	case NDPV6_EVENT_ROUTER_ADD:
		if (nla_put_u32(skb, NDPV6_ROUTER_A_LIFETIME, n->valid_s))
			return -EMSGSIZE;
		break;
	case NDPV6_EVENT_PREFIX_ADD:
		if (nla_put_u32(skb, NDPV6_PREFIX_A_VALID_LFT, n->valid_s) ||
		    nla_put_u32(skb, NDPV6_PREFIX_A_PREFERRED_LFT,
				n->preferred_s))
			return -EMSGSIZE;
		fallthrough;
	case NDPV6_EVENT_PREFIX_DEL:
		if (nla_put_u8(skb, NDPV6_PREFIX_A_LEN, n->plen))
			return -EMSGSIZE;
		break;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static void notify(struct net_device *dev, u8 ev, const struct ndp_note *n)
{
	struct net *net = dev_net(dev);
	struct sk_buff *skb;
	void *hdr;

	if (!genl_has_listeners(&ndpv6_genl_family, net, 0))
		return;
	skb = genlmsg_new(EVENT_SIZE, GFP_ATOMIC);
	if (!skb)
		return;
	hdr = genlmsg_put(skb, 0, 0, &ndpv6_genl_family, 0, NDPV6_CMD_EVENT);
	if (!hdr ||
	    nla_put_u32(skb, NDPV6_A_IFINDEX, dev->ifindex) ||
	    nla_put_string(skb, NDPV6_A_IFNAME, dev->name) ||
	    nla_put_u8(skb, NDPV6_A_EVENT, ev) ||
	    (n && put_event_object(skb, ev, n))) {
		nlmsg_free(skb);
		return;
	}
	genlmsg_end(skb, hdr);
	genlmsg_multicast_netns(&ndpv6_genl_family, net, skb, 0, 0,
				GFP_ATOMIC);
}

/**
 * ndpv6_nl_notify() - tell the events group about a core note.
 * @dev: the ndpv6 device whose core made the note
 * @note: the note
 *
 * Addresses added (DAD passed), deprecated and removed, DAD failures,
 * routers and prefixes added or refreshed and removed or expired, and
 * unreachable neighbours become an NDPV6_CMD_EVENT message in @dev's
 * network namespace; the other notes (lifetime updates, MTU, hop limit,
 * groups) are not events.
 *
 * Context: any; does not sleep (GFP_ATOMIC) and takes no device lock.
 */
void ndpv6_nl_notify(struct net_device *dev, const struct ndp_note *note)
{
	if (note->kind >= ARRAY_SIZE(note_events) || !note_events[note->kind])
		return;
	notify(dev, note_events[note->kind], note);
}

/**
 * ndpv6_nl_notify_lost() - tell the events group that notes were lost.
 * @dev: the ndpv6 device
 *
 * Listeners should read @dev's tables again.
 *
 * Context: any; does not sleep (GFP_ATOMIC) and takes no device lock.
 */
void ndpv6_nl_notify_lost(struct net_device *dev)
{
	notify(dev, NDPV6_EVENT_LOST, NULL);
}

/* --------------------------------------------------------------- family */

static const struct genl_ops ndpv6_genl_ops[] = {
	{
		.cmd = NDPV6_CMD_GET_ROUTER,
		.doit = nl_get_router,
		.start = dump_start,
		.dumpit = dump_routers,
		.policy = router_cmd_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_NEW_ROUTER,
		.doit = nl_new_router,
		.policy = router_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_DEL_ROUTER,
		.doit = nl_del_router,
		.policy = router_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_GET_PREFIX,
		.doit = nl_get_prefix,
		.start = dump_start,
		.dumpit = dump_prefixes,
		.policy = prefix_cmd_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_NEW_PREFIX,
		.doit = nl_new_prefix,
		.policy = prefix_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_DEL_PREFIX,
		.doit = nl_del_prefix,
		.policy = prefix_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_GET_ADDR,
		.doit = nl_get_addr,
		.start = dump_start,
		.dumpit = dump_addrs,
		.policy = addr_cmd_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_NEW_ADDR,
		.doit = nl_new_addr,
		.policy = addr_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_DEL_ADDR,
		.doit = nl_del_addr,
		.policy = addr_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	}, {
		.cmd = NDPV6_CMD_GET_NEIGH,
		.doit = nl_get_neigh,
		.start = dump_start,
		.dumpit = dump_neighs,
		.policy = neigh_cmd_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_GET_STATS,
		.doit = nl_get_stats,
		.policy = dev_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_GET_PARAMS,
		.doit = nl_get_params,
		.policy = dev_policy,
		.maxattr = NDPV6_A_MAX,
	}, {
		.cmd = NDPV6_CMD_SET_PARAMS,
		.doit = nl_set_params,
		.policy = params_cmd_policy,
		.maxattr = NDPV6_A_MAX,
		.internal_flags = NDPV6_NL_ADMIN,
	},
};

static const struct genl_multicast_group ndpv6_genl_mcgrps[] = {
	{ .name = NDPV6_MCGRP_EVENTS },
};

static struct genl_family ndpv6_genl_family __ro_after_init = {
	.name = NDPV6_GENL_NAME,
	.version = NDPV6_GENL_VERSION,
	.maxattr = NDPV6_A_MAX,
	.netnsok = true,
	.parallel_ops = true,
	.pre_doit = ndpv6_nl_pre_doit,
	.post_doit = ndpv6_nl_post_doit,
	.ops = ndpv6_genl_ops,
	.n_ops = ARRAY_SIZE(ndpv6_genl_ops),
	.mcgrps = ndpv6_genl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(ndpv6_genl_mcgrps),
	.module = THIS_MODULE,
};

/**
 * ndpv6_netlink_init() - register the "ndpv6" generic netlink family.
 *
 * Context: module init, before the link type (no device exists yet).
 * Return: 0 or the error of genl_register_family().
 */
int __init ndpv6_netlink_init(void)
{
	return genl_register_family(&ndpv6_genl_family);
}

/**
 * ndpv6_netlink_uninit() - unregister the family.
 *
 * Context: module exit, after the link type (every device is gone).
 */
void ndpv6_netlink_uninit(void)
{
	genl_unregister_family(&ndpv6_genl_family);
}
