// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 link type: `ip link add link <eth> name ndp0 type ndpv6`: newlink
 * and its refusals, the netdev ops, the lower's netdevice notifier,
 * debugfs.  Design choices and their reasons, and the context of each
 * entry point: Documentation/ndpv6/glue.rst, "The link type".
 */
#include <linux/debugfs.h>
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/ipv6.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/stringify.h>
#include <net/addrconf.h>
#include <net/if_inet6.h>
#include <net/ipv6.h>
#include <net/net_namespace.h>
#include <net/rtnetlink.h>

#include "compat.h"
#include "device.h"
#include "ethtool.h"

/* What ndp0 may offload, when its lower can (vlan's set). */
#define NDPV6_FEATURES	(NETIF_F_HW_CSUM | NETIF_F_SG | NETIF_F_FRAGLIST | \
			 NETIF_F_GSO_SOFTWARE | NETIF_F_GSO_ENCAP_ALL | \
			 NETIF_F_HIGHDMA)
#define NDPV6_ALWAYS_ON	(NDPV6_F_FIXED | NETIF_F_VLAN_CHALLENGED)

/* Every ndpv6 device, for debugfs (RTNL). */
static LIST_HEAD(ndpv6_devices);
static struct dentry *ndpv6_debugfs;

static const char *const ndpv6_glue_names[NDPV6_GLUE_MAX] = {
#define NDPV6_GLUE(name, desc) __stringify(name),
#include "glue_stats.h"
#undef NDPV6_GLUE
};

/**
 * ndpv6_glue_name() - the name of a glue counter.
 * @i: enum ndpv6_glue_stat
 *
 * Context: any.
 * Return: the name, or NULL past the last counter.
 */
const char *ndpv6_glue_name(unsigned int i)
{
	return i < NDPV6_GLUE_MAX ? ndpv6_glue_names[i] : NULL;
}

static const char *const ndpv6_pcpu_names[NDPV6_PCPU_MAX] = {
#define NDPV6_GLUE_PCPU(name, desc) __stringify(name),
#include "glue_pcpu_stats.h"
#undef NDPV6_GLUE_PCPU
};

/**
 * ndpv6_pcpu_name() - the name of a per-CPU glue counter.
 * @i: enum ndpv6_glue_pcpu_stat
 *
 * Context: any.
 * Return: the name, or NULL past the last counter.
 */
const char *ndpv6_pcpu_name(unsigned int i)
{
	return i < NDPV6_PCPU_MAX ? ndpv6_pcpu_names[i] : NULL;
}

/**
 * ndpv6_pcpu_read() - a per-CPU glue counter, summed over the CPUs.
 * @priv: the device
 * @i: enum ndpv6_glue_pcpu_stat
 *
 * Not a snapshot: CPUs may count while it sums.
 *
 * Context: any, between ndo_init and the destructor.
 * Return: the sum.
 */
unsigned long ndpv6_pcpu_read(const struct ndpv6_dev *priv, unsigned int i)
{
	unsigned long sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += READ_ONCE(per_cpu_ptr(priv->glue_pcpu, cpu)->v[i]);
	return sum;
}

static const struct net_device_ops ndpv6_netdev_ops;

/**
 * netif_is_ndpv6() - is @dev an ndpv6 device?
 * @dev: any network device
 *
 * Context: any.
 * Return: true if @dev is an ndpv6 device.
 */
bool netif_is_ndpv6(const struct net_device *dev)
{
	return dev->netdev_ops == &ndpv6_netdev_ops;
}

/* The ndpv6 device stacked on @lower, if any. */
static struct ndpv6_dev *ndpv6_port_get_rtnl(const struct net_device *lower)
{
	if (rtnl_dereference(lower->rx_handler) != ndpv6_handle_frame)
		return NULL;
	return rtnl_dereference(lower->rx_handler_data);
}

/* ---------------------------------------------------------- netdev ops */

static int ndpv6_dev_init(struct net_device *dev)
{
	struct ndpv6_dev *priv = netdev_priv(dev);
	struct net_device *lower = priv->lower;

	/* carrier comes from the lower at newlink (a change, so operstate) */
	netif_carrier_off(dev);
	dev->tstats = netdev_alloc_pcpu_stats(struct pcpu_sw_netstats);
	if (!dev->tstats)
		return -ENOMEM;
	priv->glue_pcpu = alloc_percpu(struct ndpv6_glue_pcpu);
	if (!priv->glue_pcpu)
		goto err_tstats;
	ndp_config_default(&priv->next_cfg);
	priv->ctx_size = ndp_ctx_size(&priv->next_cfg);
	priv->ctx_mem = kvzalloc(priv->ctx_size, GFP_KERNEL);
	if (!priv->ctx_mem)
		goto err_pcpu;

	dev->hw_features = NDPV6_FEATURES;
	dev->features = NDPV6_FEATURES | NDPV6_ALWAYS_ON;
	ndpv6_set_fixed(dev);	/* lockless xmit, no netns change */
	netif_inherit_tso_max(dev, lower);
	dev->needed_headroom = max_t(unsigned short, lower->hard_header_len,
				     ETH_HLEN) + lower->needed_headroom;
	dev->needed_tailroom = lower->needed_tailroom;
	netdev_lockdep_set_classes(dev);

	netdev_hold(lower, &priv->lower_tracker, GFP_KERNEL);
	return 0;

err_pcpu:
	free_percpu(priv->glue_pcpu);
	priv->glue_pcpu = NULL;
err_tstats:
	free_percpu(dev->tstats);
	dev->tstats = NULL;
	return -ENOMEM;
}

/*
 * ndpv6_detach() - let go of the lower: rx handler, upper link, the list.
 *
 * From ndp0's uninit, or from the notifier when the lower is unregistered
 * in the same batch as ndp0 but ahead of it (`ip link del group`, two
 * namespaces freed by one cleanup): the kernel warns about a lower that
 * still has an upper once its own uninit has run, and the upper link's
 * sysfs entries must go while the lower's directory is still there.  The
 * reference on the lower stays until ndpv6_destruct().
 *
 * Context: process, RTNL held.
 */
static void ndpv6_detach(struct ndpv6_dev *priv)
{
	ASSERT_RTNL();
	if (!priv->attached)
		return;
	/* waits for rx handlers in flight (synchronize_net) */
	netdev_rx_handler_unregister(priv->lower);
	netdev_upper_dev_unlink(priv->lower, priv->dev);
	list_del(&priv->node);
	priv->attached = false;
}

static void ndpv6_dev_uninit(struct net_device *dev)
{
	struct ndpv6_dev *priv = netdev_priv(dev);

	ASSERT_RTNL();
	ndpv6_detach(priv);
	cancel_delayed_work_sync(&priv->tick);
	ndpv6_mirror_stop(priv);
}

/*
 * After the last reference: nothing can reach @priv any more.
 * Context: process, no lock (netdev_run_todo(), after RTNL is dropped).
 */
static void ndpv6_destruct(struct net_device *dev)
{
	struct ndpv6_dev *priv = netdev_priv(dev);

	ndpv6_rt_release(priv);
	kvfree(priv->lower_groups);
	kvfree(priv->ctx_mem);
	free_percpu(priv->glue_pcpu);
	free_percpu(dev->tstats);
	netdev_put(priv->lower, &priv->lower_tracker);
}

/* Does the lower carry frames (addrconf_link_ready() of the lower)? */
static bool lower_link_ready(const struct net_device *lower)
{
	return netif_running(lower) && netif_oper_up(lower);
}

/* The link's state for core_link(): up, and lost since the last look. */
struct link_view {
	bool up;
	bool flapped;
};

/* ndpv6_core_fn: tell the core the link's state (a struct link_view). */
static int core_link(struct ndp_ctx *ctx, s64 now, const void *arg,
		     struct ndp_out *out)
{
	const struct link_view *v = arg;

	if (v->flapped)
		ndp_link_change(ctx, now, false, out);
	ndp_link_change(ctx, now, v->up, out);
	return 0;
}

/*
 * The core's view of the link from the lower's state now; a core that
 * already has that view changes nothing.  The link watch may report a
 * carrier lost and back as one change, with the carrier on: the lower's
 * carrier-up count then tells the core it was re-attached.  @fresh: a
 * core just started, which assumes a link (nothing to re-attach).
 * Context: RTNL (the notifier, ndo_open); the core lock is taken inside.
 */
static void core_link_sync(struct ndpv6_dev *priv, bool fresh)
{
	unsigned int ups = atomic_read(&priv->lower->carrier_up_count);
	struct link_view v = { .up = lower_link_ready(priv->lower) };

	ASSERT_RTNL();
	v.flapped = v.up && !fresh && ups != priv->lower_ups;
	priv->lower_ups = ups;
	/* -ENETDOWN while ndp0 is down: its next start reads the lower */
	ndpv6_core_call(priv, core_link, &v);
}

static int ndpv6_dev_open(struct net_device *dev)
{
	struct ndpv6_dev *priv = netdev_priv(dev);
	int err;

	err = ndpv6_core_start(priv);
	if (err)
		return err;
	/*
	 * A new core assumes a link; without one it holds its DAD, MLD and
	 * RS from here on.  They are due after random delays, so the tick
	 * has hardly ever sent one yet; one that left anyway is sent again
	 * when the link comes.
	 */
	core_link_sync(priv, true);
	ndpv6_mirror_kick(priv);
	ndpv6_rt_open(priv);
	return 0;
}

static int ndpv6_dev_stop(struct net_device *dev)
{
	struct ndpv6_dev *priv = netdev_priv(dev);

	ndpv6_core_stop(priv);
	ndpv6_mirror_stop(priv);
	ndpv6_rt_reset(priv);
	return 0;
}

/*
 * ndp0's groups changed, maybe: the mirror gives them to the core.
 * Context: BHs off, dev->addr_list_lock held; RTNL not always.
 */
static void ndpv6_set_rx_mode(struct net_device *dev)
{
	lockdep_assert_held(&dev->addr_list_lock);
	if (netif_running(dev))
		ndpv6_mirror_kick(netdev_priv(dev));
}

/* Context: any, no lock (sysfs iflink, rtnetlink dumps). */
static int ndpv6_get_iflink(const struct net_device *dev)
{
	const struct ndpv6_dev *priv = netdev_priv(dev);

	return READ_ONCE(priv->lower->ifindex);
}

static netdev_features_t ndpv6_fix_features(struct net_device *dev,
					    netdev_features_t features)
{
	struct ndpv6_dev *priv = netdev_priv(dev);
	netdev_features_t lower_features = priv->lower->features;
	netdev_features_t wanted = features;

	if (lower_features & (NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM))
		lower_features |= NETIF_F_HW_CSUM;
	features = netdev_intersect_features(features, lower_features);
	features |= wanted & (NETIF_F_SOFT_FEATURES | NETIF_F_GSO_SOFTWARE);
	features |= NDPV6_ALWAYS_ON;
	return features;
}

static const struct net_device_ops ndpv6_netdev_ops = {
	.ndo_init		= ndpv6_dev_init,
	.ndo_uninit		= ndpv6_dev_uninit,
	.ndo_open		= ndpv6_dev_open,
	.ndo_stop		= ndpv6_dev_stop,
	.ndo_start_xmit		= ndpv6_start_xmit,
	.ndo_set_rx_mode	= ndpv6_set_rx_mode,
	.ndo_get_stats64	= dev_get_tstats64,
	.ndo_get_iflink		= ndpv6_get_iflink,
	.ndo_fix_features	= ndpv6_fix_features,
};

/* ------------------------------------------------------------ link ops */

static void ndpv6_setup(struct net_device *dev)
{
	struct ndpv6_dev *priv = netdev_priv(dev);

	dev->netdev_ops = &ndpv6_netdev_ops;
	dev->ethtool_ops = &ndpv6_ethtool_ops;
	dev->needs_free_netdev = true;
	dev->priv_destructor = ndpv6_destruct;
	dev->type = ARPHRD_NONE;
	dev->header_ops = NULL;
	dev->hard_header_len = 0;
	dev->addr_len = 0;
	dev->flags = IFF_NOARP | IFF_MULTICAST;
	dev->priv_flags |= IFF_NO_QUEUE | IFF_DISABLE_NETPOLL;
	dev->min_mtu = IPV6_MIN_MTU;
	dev->max_mtu = ETH_MAX_MTU;	/* the lower's, from newlink on */
	dev->mtu = ETH_DATA_LEN;

	priv->dev = dev;
	spin_lock_init(&priv->lock);
	priv->tick_at = NDP_TIME_NEVER;
	INIT_DELAYED_WORK(&priv->tick, ndpv6_tick_work);
	INIT_WORK(&priv->mirror, ndpv6_mirror_work);
	ndpv6_rt_setup(priv);
}

static bool lower_ipv6_enabled(struct net_device *lower)
{
	struct inet6_dev *idev = __in6_dev_get(lower);

	return idev && !READ_ONCE(idev->cnf.disable_ipv6);
}

/* The kernel's IPv6 on ndp0 must not make addresses or solicit routers. */
static int quiet_addrconf(struct net_device *dev)
{
	struct inet6_dev *idev = __in6_dev_get(dev);

	if (!idev)
		return -EAFNOSUPPORT;
	WRITE_ONCE(idev->cnf.addr_gen_mode, IN6_ADDR_GEN_MODE_NONE);
	WRITE_ONCE(idev->cnf.rtr_solicits, 0);
	WRITE_ONCE(idev->cnf.accept_ra, 0);
	WRITE_ONCE(idev->cnf.dad_transmits, 0);
	return 0;
}

/*
 * newlink's refusals of @lower, in the order glue.rst lists them, each
 * with its extack message.
 */
static int lower_check(struct net_device *dev, struct net_device *lower,
		       struct nlattr *tb[], struct netlink_ext_ack *extack)
{
	if (netif_is_ndpv6(lower)) {
		NL_SET_ERR_MSG_MOD(extack, "lower device is an ndpv6 device");
		return -EINVAL;
	}
	if (lower->flags & IFF_LOOPBACK) {
		NL_SET_ERR_MSG_MOD(extack, "lower device is a loopback device");
		return -EINVAL;
	}
	if (lower->type != ARPHRD_ETHER || lower->addr_len != ETH_ALEN) {
		NL_SET_ERR_MSG_MOD(extack, "lower device is not Ethernet");
		return -EINVAL;
	}
	if (lower->mtu < IPV6_MIN_MTU) {
		NL_SET_ERR_MSG_MOD(extack, "lower device MTU is below 1280");
		return -EINVAL;
	}
	if (lower_ipv6_enabled(lower)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "IPv6 is enabled on the lower device: set net.ipv6.conf.<lower>.disable_ipv6=1 first");
		return -EINVAL;
	}
	if (netdev_is_rx_handler_busy(lower)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "lower device already has an rx handler (bridge port, macvlan, ndpv6, ...)");
		return -EBUSY;
	}
	if (tb[IFLA_MTU] && dev->mtu > lower->mtu) {
		NL_SET_ERR_MSG_MOD(extack,
				   "MTU is above the lower device's MTU");
		return -EINVAL;
	}
	return 0;
}

static int ndpv6_newlink(struct net *src_net, struct net_device *dev,
			 struct nlattr *tb[], struct nlattr *data[],
			 struct netlink_ext_ack *extack)
{
	struct ndpv6_dev *priv = netdev_priv(dev);
	struct net_device *lower;
	int err;

	if (!tb[IFLA_LINK]) {
		NL_SET_ERR_MSG_MOD(extack,
				   "a lower device is needed: ip link add link <dev> ... type ndpv6");
		return -EINVAL;
	}
	lower = __dev_get_by_index(src_net, nla_get_u32(tb[IFLA_LINK]));
	if (!lower) {
		NL_SET_ERR_MSG_MOD(extack, "lower device not found");
		return -ENODEV;
	}
	err = lower_check(dev, lower, tb, extack);
	if (err)
		return err;

	priv->lower = lower;
	if (!tb[IFLA_MTU])
		dev->mtu = lower->mtu;
	dev->max_mtu = lower->mtu;

	err = register_netdevice(dev);
	if (err)
		return err;
	err = quiet_addrconf(dev);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "IPv6 is not available on the new device");
		goto err_unregister;
	}
	err = netdev_upper_dev_link(lower, dev, extack);
	if (err)
		goto err_unregister;
	err = netdev_rx_handler_register(lower, ndpv6_handle_frame, priv);
	if (err)
		goto err_unlink;

	priv->attached = true;
	list_add_tail(&priv->node, &ndpv6_devices);
	netif_stacked_transfer_operstate(lower, dev);
	return 0;

err_unlink:
	netdev_upper_dev_unlink(lower, dev);
err_unregister:
	unregister_netdevice(dev);
	return err;
}

static void ndpv6_dellink(struct net_device *dev, struct list_head *head)
{
	unregister_netdevice_queue(dev, head);
}

static struct net *ndpv6_get_link_net(const struct net_device *dev)
{
	const struct ndpv6_dev *priv = netdev_priv(dev);

	return dev_net(priv->lower);
}

static struct rtnl_link_ops ndpv6_link_ops __read_mostly = {
	.kind		= "ndpv6",
	.priv_size	= sizeof(struct ndpv6_dev),
	.setup		= ndpv6_setup,
	.newlink	= ndpv6_newlink,
	.dellink	= ndpv6_dellink,
	.get_link_net	= ndpv6_get_link_net,
};

/* ------------------------------------------------------- lower events */

static void lower_mtu_changed(struct ndpv6_dev *priv)
{
	struct net_device *dev = priv->dev, *lower = priv->lower;
	unsigned int mtu = READ_ONCE(lower->mtu);

	if (mtu < IPV6_MIN_MTU) {
		netdev_warn(dev, "lower device %s MTU %u is below 1280\n",
			    lower->name, mtu);
		return;
	}
	dev->max_mtu = mtu;
	if (dev->mtu > mtu)
		dev_set_mtu(dev, mtu);
	ndpv6_core_set_mtu(priv, mtu);
}

/* A new MAC address means a new core: every address derives from it. */
static void lower_addr_changed(struct ndpv6_dev *priv)
{
	struct net_device *dev = priv->dev;
	int err;

	if (!netif_running(dev) ||
	    ether_addr_equal(priv->core_mac, priv->lower->dev_addr))
		return;
	dev_close(dev);
	err = dev_open(dev, NULL);
	if (err)
		netdev_warn(dev, "reopen after the lower's MAC change: %d\n",
			    err);
}

/*
 * The lower's events.  Context: process, RTNL held (netdev notifier
 * chain); only events of a lower with an ndpv6 device on it matter.
 */
static int ndpv6_device_event(struct notifier_block *nb,
			      unsigned long event, void *ptr)
{
	struct net_device *lower = netdev_notifier_info_to_dev(ptr);
	struct ndpv6_dev *priv;
	LIST_HEAD(kill);

	priv = ndpv6_port_get_rtnl(lower);
	if (!priv)
		return NOTIFY_DONE;

	switch (event) {
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
		netif_stacked_transfer_operstate(lower, priv->dev);
		core_link_sync(priv, false);
		break;
	case NETDEV_CHANGEMTU:
		lower_mtu_changed(priv);
		break;
	case NETDEV_CHANGEADDR:
		lower_addr_changed(priv);
		break;
	case NETDEV_FEAT_CHANGE:
		netif_inherit_tso_max(priv->dev, lower);
		netdev_update_features(priv->dev);
		break;
	case NETDEV_UNREGISTER:
		/* deleted, or leaving its namespace; ndp0 may be going too */
		if (priv->dev->reg_state != NETREG_REGISTERED) {
			/* in the same batch, after the lower */
			ndpv6_detach(priv);
			break;
		}
		ndpv6_dellink(priv->dev, &kill);
		unregister_netdevice_many(&kill);
		break;
	case NETDEV_PRE_TYPE_CHANGE:
		return notifier_from_errno(-EOPNOTSUPP);
	}
	return NOTIFY_DONE;
}

static struct notifier_block ndpv6_notifier = {
	.notifier_call = ndpv6_device_event,
};

/* ------------------------------------------------------------- debugfs */

static const char *const addr_states[] = {
	[NDP_ADDR_TENTATIVE] = "tentative",
	[NDP_ADDR_PREFERRED] = "preferred",
	[NDP_ADDR_DEPRECATED] = "deprecated",
	[NDP_ADDR_DUPLICATE] = "duplicate",
	[NDP_ADDR_OPTIMISTIC] = "optimistic",
};

/*
 * The tables' fill, read with the core's counters, named as ethtool -S
 * names it without TABLE_.  @f by value: checkpatch refuses f->field.
 */
static void show_tables(struct seq_file *s, struct ndp_fill f)
{
	static const char *const names[] = {
#define NDPV6_TABLE(name, field) __stringify(name),
#include "table_stats.h"
#undef NDPV6_TABLE
	};
	const u32 v[] = {
#define NDPV6_TABLE(name, field) (f.field),
#include "table_stats.h"
#undef NDPV6_TABLE
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(v); i++)
		seq_printf(s, "  table %s %u\n", names[i], v[i]);
}

static void show_dev(struct seq_file *s, struct ndpv6_dev *priv, u64 *stats)
{
	struct net_device *dev = priv->dev;
	struct ndp_addr_info *ai;
	struct ndp_fill fill;
	bool up;
	int i, n;

	up = ndpv6_core_stats(priv, stats, &fill);
	seq_printf(s, "%s ifindex %d netns %u lower %s core %s\n", dev->name,
		   dev->ifindex, dev_net(dev)->ns.inum, priv->lower->name,
		   up ? "up" : "down");
	for (i = 0; up && i < NDP_STAT_MAX; i++)
		seq_printf(s, "  core %s %llu\n", ndp_stat_name(i), stats[i]);
	if (up)
		show_tables(s, fill);
	for (i = 0; i < NDPV6_GLUE_MAX; i++)
		seq_printf(s, "  glue %s %lu\n", ndpv6_glue_name(i),
			   atomic_long_read(&priv->glue[i]));
	for (i = 0; i < NDPV6_PCPU_MAX; i++)
		seq_printf(s, "  glue %s %lu\n", ndpv6_pcpu_name(i),
			   ndpv6_pcpu_read(priv, i));
	if (up && priv->ll_ns)
		seq_printf(s, "  time linklocal_ms %lld\n",
			   div_s64(priv->ll_ns - priv->open_ns, NSEC_PER_MSEC));
	ai = ndpv6_core_addrs_all(priv, &n);
	if (!ai) {
		seq_puts(s, "  addr (no memory)\n");
		return;
	}
	for (i = 0; i < n; i++)
		seq_printf(s, "  addr %pI6c/%u %s\n", ai[i].addr.b, ai[i].plen,
			   ai[i].state < ARRAY_SIZE(addr_states) ?
			   addr_states[ai[i].state] : "?");
	kvfree(ai);
}

static int ndpv6_devices_show(struct seq_file *s, void *unused)
{
	struct ndpv6_dev *priv;
	u64 *stats;

	stats = kcalloc(NDP_STAT_MAX, sizeof(*stats), GFP_KERNEL);
	if (!stats)
		return -ENOMEM;
	rtnl_lock();
	list_for_each_entry(priv, &ndpv6_devices, node)
		show_dev(s, priv, stats);
	rtnl_unlock();
	kfree(stats);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ndpv6_devices);

/* ---------------------------------------------------------- init, exit */

/* The mirror's and the rtnetlink works of every device, in one order. */
static struct workqueue_struct *ndpv6_wq;

/**
 * ndpv6_queue_work() - queue work on the module's ordered workqueue.
 * @work: a work item of a device that holds a reference on it while queued
 *
 * Nothing waits for this workqueue under RTNL (its works may take it);
 * module exit drains it after the last device is gone.
 *
 * Context: any.
 * Return: false if @work was already queued.
 */
bool ndpv6_queue_work(struct work_struct *work)
{
	return queue_work(ndpv6_wq, work);
}

/**
 * ndpv6_device_init() - make the workqueue, register the inet6addr and
 *	netdevice notifiers, the link type and the debugfs file.
 *
 * Context: module init.
 * Return: 0 or a negative errno.
 */
int ndpv6_device_init(void)
{
	int err;

	/* named when only rt.c used it; kept, as kworkers' names show it */
	ndpv6_wq = alloc_ordered_workqueue("ndpv6_rt", 0);
	if (!ndpv6_wq)
		return -ENOMEM;
	err = ndpv6_rt_init();
	if (err)
		goto err_wq;
	err = register_netdevice_notifier(&ndpv6_notifier);
	if (err)
		goto err_rt;
	err = rtnl_link_register(&ndpv6_link_ops);
	if (err)
		goto err_notifier;
	ndpv6_debugfs = debugfs_create_dir("ndpv6", NULL);
	debugfs_create_file("devices", 0400, ndpv6_debugfs, NULL,
			    &ndpv6_devices_fops);
	return 0;

err_notifier:
	unregister_netdevice_notifier(&ndpv6_notifier);
err_rt:
	ndpv6_rt_uninit();
err_wq:
	destroy_workqueue(ndpv6_wq);
	return err;
}

/**
 * ndpv6_device_uninit() - undo ndpv6_device_init(); deletes every ndpv6
 *	device.
 *
 * Context: module exit.
 */
void ndpv6_device_uninit(void)
{
	debugfs_remove_recursive(ndpv6_debugfs);
	rtnl_link_unregister(&ndpv6_link_ops);
	unregister_netdevice_notifier(&ndpv6_notifier);
	ndpv6_rt_uninit();
	destroy_workqueue(ndpv6_wq);
}

MODULE_ALIAS_RTNL_LINK("ndpv6");
