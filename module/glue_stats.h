/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The glue's counters (the core counts its own, include/ndpv6_stats.h): a
 * list of NDPV6_GLUE(name, description) for the includer to define (an
 * "X-include": no include guard).  It makes enum ndpv6_glue_stat
 * (NDPV6_GLUE_<name>, module/device.h) and the names of ndpv6_glue_name()
 * (ethtool -S shows them as GLUE_<name>, debugfs as they are).  Append
 * only: user tools key on the names.
 */
NDPV6_GLUE(KERNEL_ND_SUPPRESSED, "ND/MLD the kernel sent on ndp0: dropped")
/* frames the core built, sent on the lower, by kind */
NDPV6_GLUE(TX_CORE_NS, "NS the core built, sent on the lower")
NDPV6_GLUE(TX_CORE_NA, "NA the core built, sent on the lower")
NDPV6_GLUE(TX_CORE_RS, "RS the core built, sent on the lower")
NDPV6_GLUE(TX_CORE_MLD, "MLD messages the core built")
NDPV6_GLUE(TX_CORE_ECHO, "echo replies the core built")
NDPV6_GLUE(TX_CORE_OTHER, "any other frame the core built")
NDPV6_GLUE(TX_ALLOC_FAILED, "core frame not sent: no memory")
NDPV6_GLUE(TX_LOWER_ERROR, "the lower refused a frame")
NDPV6_GLUE(TX_NOT_IPV6, "ndp0 xmit: not an IPv6 packet")
NDPV6_GLUE(TX_DOWN, "ndp0 xmit: core not running")
NDPV6_GLUE(TX_NO_HEADROOM, "ndp0 xmit: no memory for headroom")
NDPV6_GLUE(RX_PULL_FAILED, "rx: no memory to linearise")
NDPV6_GLUE(NOTES_LOST, "core notes lost: ring or output full")
NDPV6_GLUE(NOTES_DEFERRED, "notes not mirrored (NBR_UNREACHABLE)")
NDPV6_GLUE(LL_MIRRORED, "link-local address given to the kernel")
NDPV6_GLUE(LOWER_GROUPS_FULL, "group not put on the lower: table full")
NDPV6_GLUE(LOWER_GROUP_ERROR, "dev_mc_add() on the lower failed")
NDPV6_GLUE(UPPER_GROUPS_FULL, "group of ndp0 not given to the core: full")
NDPV6_GLUE(UPPER_GROUP_ERROR, "the core refused a group of ndp0")
NDPV6_GLUE(RT_MSGS, "rtnetlink messages the kernel took")
NDPV6_GLUE(RT_ERROR, "rtnetlink messages refused, or not sent")
NDPV6_GLUE(USER_ADDRS, "addresses of ndp0 given to the core")
NDPV6_GLUE(ADDR_REFUSED, "user's address the core refused: removed")
NDPV6_GLUE(RT_ADDR_REFUSED, "core's address the kernel refused")
NDPV6_GLUE(RT_ROUTE_REFUSED, "core's route the kernel refused")
NDPV6_GLUE(USEROPT_SENT, "RA options passed to userspace (ND_USEROPT)")
NDPV6_GLUE(USEROPT_ERROR, "RA option not passed to userspace: no memory")
NDPV6_GLUE(EVENT_ERROR, "event not sent: no memory (listeners: ENOBUFS)")
NDPV6_GLUE(LL_ERROR, "link-local address not given to the kernel (retried)")
