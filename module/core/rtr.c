// SPDX-License-Identifier: GPL-2.0
/* STUB: replaced by the router/prefix implementation (issue 5). */
#include "ndp_private.h"

void ndp_rtr_init(struct ndp_ctx *ctx, s64 now) {}
void ndp_rx_ra(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx, const struct ndp_opts *o, struct ndp_out *out) {}
void ndp_rx_rs(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx, const struct ndp_opts *o, struct ndp_out *out) {}
void ndp_rx_redirect(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx, const struct ndp_opts *o, struct ndp_out *out) {}
void ndp_rtr_not_router(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip, struct ndp_out *out) {}
bool ndp_rtr_is_router(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip) { return false; }
bool ndp_is_onlink(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst) { return ndp_ip6_is_linklocal(dst); }
int ndp_next_hop(struct ndp_ctx *ctx, const struct ndp_ip6 *dst, struct ndp_ip6 *nh) { *nh = *dst; return 0; }
void ndp_rtr_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out) {}
s64 ndp_rtr_deadline(const struct ndp_ctx *ctx) { return NDP_TIME_NEVER; }
int ndp_add_prefix(struct ndp_ctx *ctx, s64 now, const struct ndp_prefix *pfx, u32 valid_s, struct ndp_out *out) { return -ENOSPC; }
int ndp_del_prefix(struct ndp_ctx *ctx, s64 now, const struct ndp_prefix *pfx, struct ndp_out *out) { return -ENOENT; }
int ndp_get_prefix(const struct ndp_ctx *ctx, struct ndp_prefix *pfx, int max) { return 0; }
int ndp_add_routers(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ips, int n, u32 lifetime_s, struct ndp_out *out) { return -ENOSPC; }
int ndp_del_router(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip, struct ndp_out *out) { return -ENOENT; }
int ndp_get_routers(const struct ndp_ctx *ctx, struct ndp_ip6 *ips, int max) { return 0; }
bool ndp_router_next(const struct ndp_ctx *ctx, s64 now, u32 *pos, struct ndp_router_info *ri) { return false; }
bool ndp_prefix_next(const struct ndp_ctx *ctx, s64 now, u32 *pos, struct ndp_prefix_info *pi) { return false; }
