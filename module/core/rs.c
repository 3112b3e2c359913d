// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: router solicitation (RFC 4861 6.3.7), with the exponential
 * backoff of RFC 7559 when rtr_solicit_max_interval_ms is set.  The lists
 * the RAs fill are rtr.c's.
 */
#include "ndp_private.h"

/* @v scaled by a random factor in [@lo_ppm, @lo_ppm + 0.2e6] ppm. */
static s64 rs_scale(struct ndp_ctx *ctx, s64 v, s64 lo_ppm)
{
	s64 f = lo_ppm + ndp_random_delay(ctx, 200001);

	return v / 1000000 * f + v % 1000000 * f / 1000000;
}

/* The wait after RS number ctx->rs_sent (RFC 4861 6.3.7, RFC 7559). */
static s64 rs_next_interval(struct ndp_ctx *ctx)
{
	s64 irt = ndp_ms(max(ctx->cfg.rtr_solicit_interval_ms, 1U));
	s64 mrt = ndp_ms(ctx->cfg.rtr_solicit_max_interval_ms);
	s64 rt;

	if (!mrt)
		return irt;
	/* RFC 3315 14 as RFC 7559 2 asks: RT = 2 RTprev + RAND RTprev */
	if (ctx->rs_sent <= 1)
		return rs_scale(ctx, irt, 900000);
	rt = rs_scale(ctx, ctx->rs_interval, 1900000);
	if (rt > mrt)
		rt = rs_scale(ctx, mrt, 900000);
	return rt < NDP_NSEC_PER_MSEC ? NDP_NSEC_PER_MSEC : rt;
}

/*
 * RS to ff02::2 (RFC 4861 4.1, 6.3.7): from the link-local address with
 * SLLA once it is valid, before that from :: without SLLA.  While the
 * link-local address is checked again after the link came back (usable,
 * but optimistic) it is the source, without SLLA (RFC 4429 3.2: the
 * routers' caches must not learn an address that may be a duplicate).
 */
static bool rs_send(struct ndp_ctx *ctx, struct ndp_out *out)
{
	const struct ndp_addr *ll = ndp_addr_linklocal(ctx);
	u8 body[8 + 8] = { NDP_ICMP_RS };
	u8 mac[NDP_ETH_ALEN];
	u32 len = 8;

	if (!ndp_out_room(out, 1, 0,
			  NDP_ETH_HLEN + NDP_IP6_HLEN + sizeof(body))) {
		ndp_count(ctx, NDP_STAT_TX_OUT_FULL);
		return false;
	}
	if (ll && !ll->optimistic) {
		body[len] = NDP_OPT_SLLA;
		body[len + 1] = 1;
		memcpy(body + len + 2, ctx->mac, NDP_ETH_ALEN);
		len += 8;
	}
	ndp_mcast_mac(&ndp_all_routers, mac);
	return ndp_emit_icmp(ctx, out, mac, ll ? &ll->ip : &ndp_unspecified,
			     &ndp_all_routers, 255, body, len);
}

/**
 * ndp_rs_tick() - send the RS that is due, and schedule the next one.
 * @ctx: the context
 * @now: current time
 * @out: the RS (kept due if @out is full)
 *
 * Solicitation stops after rtr_solicits RSes, at the first RA with a
 * non-zero Router Lifetime (ctx->rs_done), with accept_ra off, or once IP
 * operation is disabled.
 */
void ndp_rs_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
{
	const struct ndp_config *c = &ctx->cfg;

	if (ctx->rs_timer > now || ctx->link_down)
		return;
	/* ip_disabled: our EUI-64 link-local is a duplicate (addr.c) */
	if (!c->accept_ra || ctx->rs_done || !c->rtr_solicits ||
	    ctx->ip_disabled) {
		ctx->rs_timer = NDP_TIME_NEVER;
		return;
	}
	if (!rs_send(ctx, out))
		return;		/* output full: stays due */
	if (ctx->rs_sent < 0xff)
		ctx->rs_sent++;
	if (c->rtr_solicits != NDP_RS_UNLIMITED &&
	    ctx->rs_sent >= c->rtr_solicits) {
		ctx->rs_timer = NDP_TIME_NEVER;
		return;
	}
	ctx->rs_interval = rs_next_interval(ctx);
	ctx->rs_timer = now + ctx->rs_interval;
	ndp_due(ctx, ctx->rs_timer);
}

/**
 * ndp_rtr_link_up() - (re)start router solicitation.
 * @ctx: the context; at set-up, or the link just came back
 * @now: current time
 *
 * The first RS after a random delay in [0, rtr_solicit_delay_ms) (RFC 4861
 * 6.3.7), then the usual retransmissions, unless accept_ra is off or
 * rtr_solicits is 0.  The default router and prefix lists stay: their
 * lifetimes run on, and the RAs of the link we are on now update them.
 */
void ndp_rtr_link_up(struct ndp_ctx *ctx, s64 now)
{
	ctx->rs_sent = 0;
	ctx->rs_done = false;
	ctx->rs_interval = 0;
	ctx->rs_timer = NDP_TIME_NEVER;
	if (ctx->cfg.accept_ra && ctx->cfg.rtr_solicits)
		ctx->rs_timer = now +
			ndp_random_delay(ctx,
					 ndp_ms(ctx->cfg.rtr_solicit_delay_ms));
	ndp_due(ctx, ctx->rs_timer);
}
