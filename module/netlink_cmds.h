/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the ndpv6 generic netlink family: what netlink.c (the family, its
 * policies, device lookup, events), netlink_get.c (reading) and
 * netlink_set.c (writing) share.  The rest of the module uses netlink.h.
 */
#ifndef _NDPV6_NETLINK_CMDS_H
#define _NDPV6_NETLINK_CMDS_H

#include <linux/netdevice.h>
#include <linux/timekeeping.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <uapi/linux/ndpv6.h>

#include "device.h"

/* genl_ops.internal_flags: the command changes the device (pre_doit). */
#define NDPV6_NL_ADMIN		BIT(0)

#define NDPV6_NL_N_GET_OPS	9
#define NDPV6_NL_N_SET_OPS	7

extern struct genl_family ndpv6_genl_family;
extern const struct genl_ops ndpv6_nl_get_ops[NDPV6_NL_N_GET_OPS];
extern const struct genl_ops ndpv6_nl_set_ops[NDPV6_NL_N_SET_OPS];

/* Policies (netlink.c): of the nests, for nla_parse_nested(), ... */
extern const struct nla_policy ndpv6_nl_router_policy[NDPV6_ROUTER_A_MAX + 1];
extern const struct nla_policy ndpv6_nl_prefix_policy[NDPV6_PREFIX_A_MAX + 1];
extern const struct nla_policy ndpv6_nl_addr_policy[NDPV6_ADDR_A_MAX + 1];
extern const struct nla_policy ndpv6_nl_neigh_policy[NDPV6_NEIGH_A_MAX + 1];
extern const struct nla_policy ndpv6_nl_params_policy[NDPV6_PARAMS_A_MAX + 1];
/* ... and of the commands. */
extern const struct nla_policy ndpv6_nl_dev_policy[NDPV6_A_MAX + 1];
extern const struct nla_policy ndpv6_nl_router_cmd_policy[NDPV6_A_MAX + 1];
extern const struct nla_policy ndpv6_nl_prefix_cmd_policy[NDPV6_A_MAX + 1];
extern const struct nla_policy ndpv6_nl_addr_cmd_policy[NDPV6_A_MAX + 1];
extern const struct nla_policy ndpv6_nl_neigh_cmd_policy[NDPV6_A_MAX + 1];
extern const struct nla_policy ndpv6_nl_params_cmd_policy[NDPV6_A_MAX + 1];

/* netlink.c */
struct net_device *ndpv6_nl_dev_get(struct net *net, struct nlattr **attrs,
				    struct netlink_ext_ack *extack);

/* netlink_get.c */
int ndpv6_nl_parse_prefix(struct genl_info *info, struct nlattr **tb,
			  struct ndp_prefix *p);
struct sk_buff *ndpv6_nl_params_new(struct genl_info *info, u8 cmd,
				    void **hdr);
int ndpv6_nl_params_reply(struct genl_info *info, u8 cmd,
			  struct sk_buff *reply, void *hdr);

/* The device of a doit command (held by pre_doit). */
static inline struct ndpv6_dev *ndpv6_nl_priv(struct genl_info *info)
{
	return netdev_priv((struct net_device *)info->user_ptr[0]);
}

/* The core's clock (the datapath's: monotonic ns). */
static inline s64 ndpv6_nl_now(void)
{
	return (s64)ktime_get_ns();
}

/*
 * Parse the nest @type of the request with @policy into @tb; -EINVAL with
 * the literal @msg when the request lacks it.
 */
#define ndpv6_nl_nest_parse(info, type, tb, max, policy, msg) ({	\
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

/* The address attribute @type of the nest @nest (parsed into @tb). */
static inline int ndpv6_nl_get_ip(struct genl_info *info, struct nlattr **tb,
				  int type, struct nlattr *nest,
				  struct ndp_ip6 *ip)
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

#endif /* _NDPV6_NETLINK_CMDS_H */
