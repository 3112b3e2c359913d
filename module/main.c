// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 module init and exit.
 *
 * Everything the module registers is set up here, in one goto ladder whose
 * labels say what they undo; ndpv6_exit() is its mirror.  The netdev glue
 * (link type "ndpv6", its netdevice notifier and the generic netlink family)
 * registers from here.  The core (module/core/) registers nothing: it is
 * driven by the glue.
 */

#include <linux/init.h>
#include <linux/module.h>
#include <net/genetlink.h>
#include <uapi/linux/ndpv6.h>

#include "device.h"
#include "netlink.h"
#include "version.h"

static int __init ndpv6_init(void)
{
	int ret;

	/*
	 * The netdev glue registers from here (rtnl link ops, netdevice
	 * notifier, generic netlink family), each step as
	 *	ret = <step>();
	 *	if (ret)
	 *		goto err_<previous step>;
	 * with its undo label below, in reverse order.
	 */
	ret = ndpv6_datapath_init();
	if (ret)
		goto err_out;
	ret = ndpv6_nl_init();
	if (ret)
		goto err_datapath;
	ret = ndpv6_device_init();
	if (ret)
		goto err_netlink;

	return 0;

err_netlink:
	ndpv6_nl_uninit();
err_datapath:
	ndpv6_datapath_uninit();
err_out:
	return ret;
}

static void __exit ndpv6_exit(void)
{
	/* Undo ndpv6_init(), last step first. */
	ndpv6_device_uninit();
	ndpv6_nl_uninit();
	ndpv6_datapath_uninit();
}

module_init(ndpv6_init);
module_exit(ndpv6_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("IPv6 Neighbor Discovery engine (link type ndpv6)");
MODULE_VERSION(NDPV6_VERSION);
/* ndpv6ctl's family lookup loads the module (genetlink's request_module) */
MODULE_ALIAS_GENL_FAMILY(NDPV6_GENL_NAME);
