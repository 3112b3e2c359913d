# SPDX-License-Identifier: GPL-2.0
#
# Probes of the target kernel's headers, for module/compat.h; included by
# Kbuild.  A kernel version cannot tell these: Debian's 6.12 carries the
# netns_local -> netns_immutable rename through a stable backport, and the
# 6.1 stable series took GENL_MCAST_CAP_NET_ADMIN (compat.h tests that one
# with #ifdef).  Each probe is a fixed-string grep of $(srctree)'s headers:
# no compiler run, so it costs nothing on a rebuild.

ndpv6_hdr := $(srctree)/include
ifeq ($(wildcard $(ndpv6_hdr)/linux/netdevice.h),)
$(error ndpv6: no $(ndpv6_hdr)/linux/netdevice.h: cannot probe the kernel)
endif

# $(call ndpv6_probe,header,fixed string,macro): -Dmacro if header has it.
ndpv6_probe = $(shell grep -qsF '$(2)' '$(ndpv6_hdr)/$(1)' && echo -D$(3))

# 6.12: NETIF_F_LLTX and NETIF_F_NETNS_LOCAL became struct net_device bits;
# netns_local was later renamed netns_immutable (6.13, and 6.12.y).
ndpv6_p_lltx := lltx:1;
ndpv6_p_netns_local := netns_local:1;
ndpv6_p_netns_immutable := netns_immutable:1;
# 6.2: pre_doit/post_doit take the split op; dumps get a struct genl_info.
ndpv6_p_split_ops := pre_doit)(const struct genl_split_ops
ndpv6_p_info_dump := genl_info_dump(struct netlink_callback
# 6.8: ethtool_puts() for a string as it is.
ndpv6_p_ethtool_puts := void ethtool_puts(

ccflags-y += \
	$(call ndpv6_probe,linux/netdevice.h,$(ndpv6_p_lltx),NDPV6_HAVE_DEV_LLTX) \
	$(call ndpv6_probe,linux/netdevice.h,$(ndpv6_p_netns_local),NDPV6_HAVE_DEV_NETNS_LOCAL) \
	$(call ndpv6_probe,linux/netdevice.h,$(ndpv6_p_netns_immutable),NDPV6_HAVE_DEV_NETNS_IMMUTABLE) \
	$(call ndpv6_probe,net/genetlink.h,$(ndpv6_p_split_ops),NDPV6_HAVE_GENL_SPLIT_OPS) \
	$(call ndpv6_probe,net/genetlink.h,$(ndpv6_p_info_dump),NDPV6_HAVE_GENL_INFO_DUMP) \
	$(call ndpv6_probe,linux/ethtool.h,$(ndpv6_p_ethtool_puts),NDPV6_HAVE_ETHTOOL_PUTS)
