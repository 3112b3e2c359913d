// SPDX-License-Identifier: GPL-2.0
/* STUB: replaced by the address/DAD/MLD implementation (issue 5). */
#include "ndp_private.h"

void ndp_addr_init(struct ndp_ctx *ctx, s64 now, struct ndp_out *out) {}
struct ndp_addr *ndp_addr_find(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip) { return NULL; }
bool ndp_addr_is_ours(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip) { return false; }
bool ndp_group_is_joined(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip) { return false; }
const struct ndp_addr *ndp_addr_linklocal(const struct ndp_ctx *ctx) { return NULL; }
int ndp_addr_add(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip, u8 plen, u8 origin, u32 valid_s, u32 preferred_s, struct ndp_out *out) { return -ENOSPC; }
int ndp_addr_del(struct ndp_ctx *ctx, s64 now, struct ndp_addr *a, struct ndp_out *out) { return 0; }
void ndp_addr_slaac(struct ndp_ctx *ctx, s64 now, const struct ndp_prefix *pfx, u32 valid_s, u32 preferred_s, struct ndp_out *out) {}
bool ndp_addr_dad_ns(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx, const struct ndp_ip6 *target, const struct ndp_opts *o, struct ndp_out *out) { return false; }
bool ndp_addr_dad_na(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *target, struct ndp_out *out) { return false; }
void ndp_rx_mld_query(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx, struct ndp_out *out) {}
int ndp_group_join(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *grp, bool upper, struct ndp_out *out) { return 0; }
int ndp_group_leave(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *grp, bool upper, struct ndp_out *out) { return 0; }
void ndp_addr_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out) {}
s64 ndp_addr_deadline(const struct ndp_ctx *ctx) { return NDP_TIME_NEVER; }
int ndp_add_ip(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip, u8 plen, u32 valid_s, u32 preferred_s, struct ndp_out *out) { return -ENOSPC; }
int ndp_del_ip(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip, struct ndp_out *out) { return -ENOENT; }
int ndp_get_ip(const struct ndp_ctx *ctx, struct ndp_ip6 *ips, int max) { return 0; }
int ndp_select_source(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst, struct ndp_ip6 *src) { return -ENOENT; }
int ndp_join_group(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *group, struct ndp_out *out) { return 0; }
int ndp_leave_group(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *group, struct ndp_out *out) { return 0; }
bool ndp_addr_next(const struct ndp_ctx *ctx, s64 now, u32 *pos, struct ndp_addr_info *ai) { return false; }
