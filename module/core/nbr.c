// SPDX-License-Identifier: GPL-2.0
/* STUB: replaced by the neighbour-cache implementation (issue 4). */
#include "ndp_private.h"

int ndp_nbr_init(struct ndp_ctx *ctx) { return 0; }
struct ndp_nbr *ndp_nbr_find(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip) { return NULL; }
void ndp_rx_ns(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx, const struct ndp_opts *o, struct ndp_out *out) {}
void ndp_rx_na(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx, const struct ndp_opts *o, struct ndp_out *out) {}
void ndp_nbr_learn(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip, const u8 *mac, bool is_router) {}
void ndp_nbr_set_router(struct ndp_ctx *ctx, const struct ndp_ip6 *ip, bool is_router) {}
bool ndp_nbr_probably_unreachable(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip) { return false; }
int ndp_resolve(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *dst, u8 *mac, struct ndp_out *out) { return -EAGAIN; }
void ndp_nbr_output(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *nh, const struct ndp_pkt *pkt, struct ndp_out *out) { ndp_out_done(out, pkt->handle, true); }
void ndp_nbr_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out) {}
s64 ndp_nbr_deadline(const struct ndp_ctx *ctx) { return NDP_TIME_NEVER; }
void ndp_nbr_flush(struct ndp_ctx *ctx, struct ndp_out *out) {}
void ndp_nbr_confirm(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip) {}
void ndp_confirm(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip) {}
bool ndp_nbr_next(const struct ndp_ctx *ctx, u32 *pos, struct ndp_nbr_info *ni) { return false; }
int ndp_nbr_lookup(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip, struct ndp_nbr_info *ni) { return -ENOENT; }
