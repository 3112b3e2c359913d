// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 generic netlink family "ndpv6": the family, its policies, device
 * lookup and permissions, and the events; netlink_get.c has the reading
 * commands, netlink_set.c the writing ones (netlink_cmds.h is what the
 * three share).  The interface is include/uapi/linux/ndpv6.h and
 * Documentation/netlink/specs/ndpv6.yaml; devices, permissions and locks:
 * Documentation/ndpv6/glue.rst, "Netlink".
 */
#include <linux/capability.h>
#include <linux/netdevice.h>
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>
#include <uapi/linux/ndpv6.h>

#include "compat.h"
#include "device.h"
#include "netlink.h"
#include "netlink_cmds.h"

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
static_assert((int)NDPV6_ADDR_STATE_OPTIMISTIC == (int)NDP_ADDR_OPTIMISTIC);
static_assert((int)NDPV6_NUD_NONE == (int)NDP_NUD_NONE);
static_assert((int)NDPV6_NUD_INCOMPLETE == (int)NDP_NUD_INCOMPLETE);
static_assert((int)NDPV6_NUD_REACHABLE == (int)NDP_NUD_REACHABLE);
static_assert((int)NDPV6_NUD_STALE == (int)NDP_NUD_STALE);
static_assert((int)NDPV6_NUD_DELAY == (int)NDP_NUD_DELAY);
static_assert((int)NDPV6_NUD_PROBE == (int)NDP_NUD_PROBE);
static_assert((int)NDPV6_NUD_UNREACHABLE == (int)NDP_NUD_UNREACHABLE);
static_assert((int)NDPV6_INFINITE == (int)NDP_INFINITE);
static_assert(sizeof(struct ndp_ip6) == 16);

#define EVENT_SIZE		256

/* ------------------------------------------------------------ policies */

const struct nla_policy ndpv6_nl_router_policy[NDPV6_ROUTER_A_MAX + 1] = {
	[NDPV6_ROUTER_A_ADDRESS] = NLA_POLICY_EXACT_LEN(16),
	[NDPV6_ROUTER_A_LIFETIME] = NLA_POLICY_MIN(NLA_U32, 1),
	[NDPV6_ROUTER_A_ORIGIN] = { .type = NLA_REJECT,
				    .reject_message = "read-only attribute" },
	[NDPV6_ROUTER_A_NUD] = { .type = NLA_REJECT,
				 .reject_message = "read-only attribute" },
	[NDPV6_ROUTER_A_PREF] = { .type = NLA_REJECT,
				  .reject_message = "read-only attribute" },
};

const struct nla_policy ndpv6_nl_prefix_policy[NDPV6_PREFIX_A_MAX + 1] = {
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

const struct nla_policy ndpv6_nl_addr_policy[NDPV6_ADDR_A_MAX + 1] = {
	[NDPV6_ADDR_A_ADDRESS] = NLA_POLICY_EXACT_LEN(16),
	[NDPV6_ADDR_A_PREFIX_LEN] = NLA_POLICY_RANGE(NLA_U8, 1, 128),
	[NDPV6_ADDR_A_STATE] = { .type = NLA_REJECT,
				 .reject_message = "read-only attribute" },
	[NDPV6_ADDR_A_ORIGIN] = { .type = NLA_REJECT,
				  .reject_message = "read-only attribute" },
	[NDPV6_ADDR_A_VALID_LFT] = NLA_POLICY_MIN(NLA_U32, 1),
	[NDPV6_ADDR_A_PREFERRED_LFT] = { .type = NLA_U32 },
	[NDPV6_ADDR_A_ERROR] = { .type = NLA_REJECT,
				 .reject_message = "read-only attribute" },
};

const struct nla_policy ndpv6_nl_neigh_policy[NDPV6_NEIGH_A_MAX + 1] = {
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

const struct nla_policy ndpv6_nl_params_policy[NDPV6_PARAMS_A_MAX + 1] = {
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
	[NDPV6_PARAMS_A_ADDR_GEN_MODE] =
		NLA_POLICY_MAX(NLA_U8, NDPV6_ADDR_GEN_MAX),
	[NDPV6_PARAMS_A_STABLE_SECRET] =
		NLA_POLICY_EXACT_LEN(NDPV6_STABLE_SECRET_LEN),
	[NDPV6_PARAMS_A_MAX_ADDRS] =
		NLA_POLICY_RANGE(NLA_U32, 1, NDPV6_MAX_ADDRS),
	[NDPV6_PARAMS_A_MAX_NBRS] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &max_nbrs_range),
	[NDPV6_PARAMS_A_MAX_ROUTERS] =
		NLA_POLICY_RANGE(NLA_U32, 1, NDPV6_MAX_ROUTERS),
	[NDPV6_PARAMS_A_MAX_PREFIXES] =
		NLA_POLICY_RANGE(NLA_U32, 1, NDPV6_MAX_PREFIXES),
	[NDPV6_PARAMS_A_MAX_ROUTES] = NLA_POLICY_MAX(NLA_U32, NDPV6_MAX_ROUTES),
	[NDPV6_PARAMS_A_NUM_ROUTES] = { .type = NLA_REJECT,
					.reject_message =
						"read-only attribute" },
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
	[NDPV6_PARAMS_A_REPLY_ECHO] = NLA_POLICY_MAX(NLA_U8, 1),
	[NDPV6_PARAMS_A_OPTIMISTIC_DAD] = NLA_POLICY_MAX(NLA_U8, 1),
	[NDPV6_PARAMS_A_LINK_UP] = { .type = NLA_REJECT,
				     .reject_message = "read-only attribute" },
	[NDPV6_PARAMS_A_MLD_V1] = { .type = NLA_REJECT,
				    .reject_message = "read-only attribute" },
	[NDPV6_PARAMS_A_IP_DISABLED] = { .type = NLA_REJECT,
					 .reject_message =
						"read-only attribute" },
};

/* Per command: the device, and the nest of its object. */
const struct nla_policy ndpv6_nl_dev_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
};

const struct nla_policy ndpv6_nl_router_cmd_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[NDPV6_A_ROUTER] = NLA_POLICY_NESTED(ndpv6_nl_router_policy),
};

const struct nla_policy ndpv6_nl_prefix_cmd_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[NDPV6_A_PREFIX] = NLA_POLICY_NESTED(ndpv6_nl_prefix_policy),
};

const struct nla_policy ndpv6_nl_addr_cmd_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[NDPV6_A_ADDR] = NLA_POLICY_NESTED(ndpv6_nl_addr_policy),
};

const struct nla_policy ndpv6_nl_neigh_cmd_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[NDPV6_A_NEIGH] = NLA_POLICY_NESTED(ndpv6_nl_neigh_policy),
};

const struct nla_policy ndpv6_nl_params_cmd_policy[NDPV6_A_MAX + 1] = {
	[NDPV6_A_IFINDEX] = { .type = NLA_U32 },
	[NDPV6_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[NDPV6_A_PARAMS] = NLA_POLICY_NESTED(ndpv6_nl_params_policy),
};

/* ------------------------------------------------------------- devices */

/**
 * ndpv6_nl_dev_get() - the ndpv6 device a request names.
 * @net: the request's network namespace
 * @attrs: its attributes (NDPV6_A_IFINDEX or NDPV6_A_IFNAME)
 * @extack: for the reason of a refusal
 *
 * Context: process.
 * Return: the device, held (dev_put() it); ERR_PTR(-EINVAL) when the
 * request names no device or two, -ENODEV when @net has no such device,
 * -EOPNOTSUPP when it is not an ndpv6 device.
 */
struct net_device *ndpv6_nl_dev_get(struct net *net, struct nlattr **attrs,
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

static int ndpv6_nl_pre_doit(const struct ndpv6_genl_hook_ops *ops,
			     struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev;

	dev = ndpv6_nl_dev_get(genl_info_net(info), info->attrs, info->extack);
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

static void ndpv6_nl_post_doit(const struct ndpv6_genl_hook_ops *ops,
			       struct sk_buff *skb, struct genl_info *info)
{
	dev_put(info->user_ptr[0]);
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
	[NDP_NOTE_IP_DISABLED] = NDPV6_EVENT_IP_DISABLED,
	[NDP_NOTE_DNS] = NDPV6_EVENT_DNS,
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
	case NDPV6_EVENT_IP_DISABLED:
	case NDPV6_EVENT_ADDR_REFUSED:
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
	case NDPV6_EVENT_IP_DISABLED:
		if (n->plen && nla_put_u8(skb, NDPV6_ADDR_A_PREFIX_LEN, n->plen))
			return -EMSGSIZE;
		break;
	case NDPV6_EVENT_ADDR_REFUSED:
		if (nla_put_u32(skb, NDPV6_ADDR_A_ERROR, n->value))
			return -EMSGSIZE;
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

/*
 * An event that could not be made (no memory): its listeners must not
 * miss it unaware, so their sockets get ENOBUFS, as rtnetlink's do, and
 * they read the tables again.
 */
static void event_lost(struct net_device *dev, struct sk_buff *skb)
{
	nlmsg_free(skb);
	genl_set_err(&ndpv6_genl_family, dev_net(dev), 0, 0, -ENOBUFS);
	ndpv6_glue_inc(netdev_priv(dev), NDPV6_GLUE_EVENT_ERROR);
}

/* An event message for @dev with its header; NULL if nobody listens. */
static struct sk_buff *event_start(struct net_device *dev, u8 ev, void **hdr)
{
	struct sk_buff *skb;

	if (!genl_has_listeners(&ndpv6_genl_family, dev_net(dev), 0))
		return NULL;
	skb = genlmsg_new(EVENT_SIZE, GFP_ATOMIC);
	if (!skb) {
		event_lost(dev, NULL);
		return NULL;
	}
	*hdr = genlmsg_put(skb, 0, 0, &ndpv6_genl_family, 0, NDPV6_CMD_EVENT);
	if (!*hdr ||
	    nla_put_u32(skb, NDPV6_A_IFINDEX, dev->ifindex) ||
	    nla_put_string(skb, NDPV6_A_IFNAME, dev->name) ||
	    nla_put_u8(skb, NDPV6_A_EVENT, ev)) {
		event_lost(dev, skb);
		return NULL;
	}
	return skb;
}

static void event_send(struct net_device *dev, struct sk_buff *skb, void *hdr)
{
	genlmsg_end(skb, hdr);
	genlmsg_multicast_netns(&ndpv6_genl_family, dev_net(dev), skb, 0, 0,
				GFP_ATOMIC);
}

static void notify(struct net_device *dev, u8 ev, const struct ndp_note *n)
{
	struct sk_buff *skb;
	void *hdr;

	skb = event_start(dev, ev, &hdr);
	if (!skb)
		return;
	if (n && put_event_object(skb, ev, n)) {
		event_lost(dev, skb);
		return;
	}
	event_send(dev, skb, hdr);
}

/**
 * ndpv6_nl_notify() - tell the events group about a core note.
 * @dev: the ndpv6 device whose core made the note
 * @note: the note
 *
 * Addresses added (DAD passed), deprecated and removed, DAD failures,
 * routers and prefixes added or refreshed and removed or expired,
 * unreachable neighbours and IP operation disabled (a duplicate EUI-64
 * link-local address) become an NDPV6_CMD_EVENT message in @dev's
 * network namespace; the other notes (lifetime updates, MTU, hop limit,
 * groups) are not events.
 *
 * Context: any; does not sleep (GFP_ATOMIC) and takes no device lock.
 */
void ndpv6_nl_notify(struct net_device *dev, const struct ndp_note *note)
{
	if (note->kind >= ARRAY_SIZE(note_events) || !note_events[note->kind])
		return;
	/* DNS: no object; the listener reads the table again */
	notify(dev, note_events[note->kind],
	       note->kind == NDP_NOTE_DNS ? NULL : note);
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

/**
 * ndpv6_nl_notify_refused() - tell the events group that a user's address
 *	was refused by the core (and removed from the device).
 * @dev: the ndpv6 device
 * @addr: the address
 * @plen: its prefix length
 * @err: the core's negative errno
 *
 * Context: any; does not sleep (GFP_ATOMIC) and takes no device lock.
 */
void ndpv6_nl_notify_refused(struct net_device *dev,
			     const struct in6_addr *addr, u8 plen, int err)
{
	struct ndp_note n = { .plen = plen, .value = -err };

	memcpy(n.addr.b, addr->s6_addr, sizeof(n.addr.b));
	notify(dev, NDPV6_EVENT_ADDR_REFUSED, &n);
}

/**
 * ndpv6_nl_notify_kernel_refused() - tell the events group that the kernel
 *	refused an address or a route of the core's.
 * @dev: the ndpv6 device
 * @what: NDPV6_A_ADDR (an address), NDPV6_A_PREFIX (an on-link prefix's
 *	route) or NDPV6_A_ROUTER (the default route via @addr)
 * @addr: the address, prefix or router
 * @plen: its prefix length (not sent for NDPV6_A_ROUTER)
 * @err: the kernel's negative errno
 *
 * Context: any; does not sleep (GFP_ATOMIC) and takes no device lock.
 */
void ndpv6_nl_notify_kernel_refused(struct net_device *dev, int what,
				    const struct in6_addr *addr, u8 plen,
				    int err)
{
	int a_addr = NDPV6_ROUTER_A_ADDRESS, a_len = 0;
	struct nlattr *nest;
	struct sk_buff *skb;
	void *hdr;

	if (what == NDPV6_A_ADDR) {
		a_addr = NDPV6_ADDR_A_ADDRESS;
		a_len = NDPV6_ADDR_A_PREFIX_LEN;
	} else if (what == NDPV6_A_PREFIX) {
		a_addr = NDPV6_PREFIX_A_ADDRESS;
		a_len = NDPV6_PREFIX_A_LEN;
	} else {
		what = NDPV6_A_ROUTER;
	}
	skb = event_start(dev, NDPV6_EVENT_KERNEL_REFUSED, &hdr);
	if (!skb)
		return;
	nest = nla_nest_start(skb, what);
	if (!nest || nla_put(skb, a_addr, 16, addr->s6_addr) ||
	    (a_len && nla_put_u8(skb, a_len, plen)))
		goto fail;
	nla_nest_end(skb, nest);
	if (nla_put_u32(skb, NDPV6_A_ERROR, -err))
		goto fail;
	event_send(dev, skb, hdr);
	return;
fail:
	event_lost(dev, skb);
}

/* --------------------------------------------------------------- family */

/* Both command tables, side by side (ndpv6_nl_init()). */
static struct genl_ops ndpv6_genl_ops[NDPV6_NL_N_GET_OPS + NDPV6_NL_N_SET_OPS]
	__ro_after_init;

static const struct genl_multicast_group ndpv6_genl_mcgrps[] = {
	{ .name = NDPV6_MCGRP_EVENTS, .flags = NDPV6_MCGRP_FLAGS },
};

struct genl_family ndpv6_genl_family __ro_after_init = {
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
 * ndpv6_nl_init() - register the "ndpv6" generic netlink family.
 *
 * Context: module init, before the link type (no device exists yet).
 * Return: 0 or the error of genl_register_family().
 */
int __init ndpv6_nl_init(void)
{
	memcpy(ndpv6_genl_ops, ndpv6_nl_get_ops, sizeof(ndpv6_nl_get_ops));
	memcpy(ndpv6_genl_ops + NDPV6_NL_N_GET_OPS, ndpv6_nl_set_ops,
	       sizeof(ndpv6_nl_set_ops));
	return genl_register_family(&ndpv6_genl_family);
}

/**
 * ndpv6_nl_uninit() - unregister the family.
 *
 * Context: module exit, after the link type (every device is gone).
 */
void ndpv6_nl_uninit(void)
{
	genl_unregister_family(&ndpv6_genl_family);
}
