/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fill and capacity of the core's tables that ethtool -S shows after
 * the core's counters: a list of NDPV6_TABLE(name, field) for the includer
 * to define (an "X-include": no include guard), @field being struct
 * ndp_fill's.  module/ethtool.c makes of it enum ndpv6_table_stat
 * (TABLE_<name>), the names TABLE_<name> and their values, in this order.
 */
NDPV6_TABLE(ADDRS, addrs)
NDPV6_TABLE(ADDRS_MAX, max_addrs)
NDPV6_TABLE(NBRS, nbrs)
NDPV6_TABLE(NBRS_MAX, max_nbrs)
NDPV6_TABLE(INCOMPLETE, incomplete)
NDPV6_TABLE(ROUTERS, routers)
NDPV6_TABLE(ROUTERS_MAX, max_routers)
NDPV6_TABLE(PREFIXES, prefixes)
NDPV6_TABLE(PREFIXES_MAX, max_prefixes)
NDPV6_TABLE(GROUPS, groups)
NDPV6_TABLE(GROUPS_MAX, max_groups)
NDPV6_TABLE(QUEUED, queued)
NDPV6_TABLE(QUEUED_MAX, max_queued)
NDPV6_TABLE(ROUTES, routes)
NDPV6_TABLE(ROUTES_MAX, max_routes)
