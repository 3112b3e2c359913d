// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 ethtool operations: -i names the driver, ndp0 shows the lower's
 * link, -S the core's counters, its tables' fill and the glue's counters,
 * in that order, one snapshot under the core lock.  The names are stable
 * (Documentation/ndpv6/glue.rst, "Counters").
 */
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "compat.h"
#include "device.h"
#include "ethtool.h"

/* The fill and capacity of the core's tables (module/table_stats.h). */
enum ndpv6_table_stat {
#define NDPV6_TABLE(name, field) TABLE_##name,
#include "table_stats.h"
#undef NDPV6_TABLE
	NDPV6_TABLE_MAX
};

static const char *const table_names[NDPV6_TABLE_MAX] = {
#define NDPV6_TABLE(name, field) "TABLE_" #name,
#include "table_stats.h"
#undef NDPV6_TABLE
};

#define NDPV6_ETHTOOL_STATS	(NDP_STAT_MAX + NDPV6_TABLE_MAX + \
				 NDPV6_GLUE_MAX + NDPV6_PCPU_MAX)

/* @f by value: a macro may read (f.field), checkpatch refuses f->field. */
static void table_put(struct ndp_fill f, u64 *d)
{
	const u64 v[NDPV6_TABLE_MAX] = {
#define NDPV6_TABLE(name, field) (f.field),
#include "table_stats.h"
#undef NDPV6_TABLE
	};

	memcpy(d, v, sizeof(v));
}

static void ndpv6_get_drvinfo(struct net_device *dev,
			      struct ethtool_drvinfo *info)
{
	strscpy(info->driver, "ndpv6", sizeof(info->driver));
	strscpy(info->fw_version, "N/A", sizeof(info->fw_version));
}

static int ndpv6_get_link_ksettings(struct net_device *dev,
				    struct ethtool_link_ksettings *cmd)
{
	struct ndpv6_dev *priv = netdev_priv(dev);

	return __ethtool_get_link_ksettings(priv->lower, cmd);
}

static int ndpv6_get_sset_count(struct net_device *dev, int sset)
{
	switch (sset) {
	case ETH_SS_STATS:
		return NDPV6_ETHTOOL_STATS;
	default:
		return -EOPNOTSUPP;
	}
}

static void ndpv6_get_strings(struct net_device *dev, u32 sset, u8 *data)
{
	unsigned int i;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < NDP_STAT_MAX; i++)
		ethtool_puts(&data, ndp_stat_name(i));
	for (i = 0; i < NDPV6_TABLE_MAX; i++)
		ethtool_puts(&data, table_names[i]);
	for (i = 0; i < NDPV6_GLUE_MAX; i++)
		ethtool_sprintf(&data, "GLUE_%s", ndpv6_glue_name(i));
	for (i = 0; i < NDPV6_PCPU_MAX; i++)
		ethtool_sprintf(&data, "GLUE_%s", ndpv6_pcpu_name(i));
}

/*
 * @data has room for NDPV6_ETHTOOL_STATS counters (the ethtool core sized
 * it from get_sset_count()); it is kernel memory, so the core's counters
 * and fill are copied straight into it under the core lock.
 */
static void ndpv6_get_ethtool_stats(struct net_device *dev,
				    struct ethtool_stats *stats, u64 *data)
{
	struct ndpv6_dev *priv = netdev_priv(dev);
	u64 *glue = data + NDP_STAT_MAX + NDPV6_TABLE_MAX;
	struct ndp_fill fill;
	unsigned int i;
	bool up;

	spin_lock_bh(&priv->lock);
	up = priv->ctx;
	if (up) {
		memcpy(data, ndp_stats(priv->ctx), NDP_STAT_MAX * sizeof(*data));
		ndp_get_fill(priv->ctx, &fill);
	}
	spin_unlock_bh(&priv->lock);

	if (up) {
		table_put(fill, data + NDP_STAT_MAX);
	} else {
		memset(data, 0,
		       (NDP_STAT_MAX + NDPV6_TABLE_MAX) * sizeof(*data));
	}
	for (i = 0; i < NDPV6_GLUE_MAX; i++)
		glue[i] = atomic_long_read(&priv->glue[i]);
	glue += NDPV6_GLUE_MAX;
	for (i = 0; i < NDPV6_PCPU_MAX; i++)
		glue[i] = ndpv6_pcpu_read(priv, i);
}

const struct ethtool_ops ndpv6_ethtool_ops = {
	.get_drvinfo		= ndpv6_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= ndpv6_get_link_ksettings,
	.get_ts_info		= ethtool_op_get_ts_info,
	.get_sset_count		= ndpv6_get_sset_count,
	.get_strings		= ndpv6_get_strings,
	.get_ethtool_stats	= ndpv6_get_ethtool_stats,
};
