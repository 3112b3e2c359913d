// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: router discovery (RFC 4861 6.3), the default router list and
 * the prefix list, on-link determination and next hop (RFC 4861 5.2,
 * 6.3.6, RFC 5942), Mirage's static configuration (add_routers,
 * add_prefix).  Timers and policy: Documentation/ndpv6/core.rst.
 */
#include "ndp_private.h"

#define NDP_MAX_REACHABLE_MS	3600000U	/* RFC 4861 6.2.1 */
/*
 * The least RetransTimer an RA may set (Linux: HZ/100).  DAD waits that
 * long after its last NS (RFC 4862 5.4): 1 ms would pass before any answer.
 */
#define NDP_MIN_RETRANS_MS	10U

/* ------------------------------------------------------------- tables */

static struct ndp_router *router_find(const struct ndp_ctx *ctx,
				      const struct ndp_ip6 *ip)
{
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_routers; i++)
		if (ctx->routers[i].used && ndp_ip6_eq(&ctx->routers[i].ip, ip))
			return &ctx->routers[i];
	return NULL;
}

static void router_del(struct ndp_ctx *ctx, struct ndp_router *r,
		       struct ndp_out *out);

/* An entry an RA made whose router never proved itself: can make room. */
static bool router_displaceable(const struct ndp_ctx *ctx,
				const struct ndp_router *r)
{
	return r->used && r->origin == NDP_ORIGIN_RA &&
	       !ndp_nbr_proven(ctx, &r->ip);
}

/*
 * A free entry, or else, for a static router or a proven one, the place of
 * the displaceable router that expires first (core.rst, "Routers and
 * prefixes").  NULL (ROUTER_TABLE_FULL) when neither.
 */
static struct ndp_router *router_alloc(struct ndp_ctx *ctx,
				       const struct ndp_ip6 *ip, u8 origin,
				       struct ndp_out *out)
{
	struct ndp_router *r = NULL, *v;
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_routers && !r; i++)
		if (!ctx->routers[i].used)
			r = &ctx->routers[i];
	if (!r && (origin == NDP_ORIGIN_STATIC || ndp_nbr_proven(ctx, ip))) {
		for (i = 0; i < ctx->cfg.max_routers; i++) {
			v = &ctx->routers[i];
			if (router_displaceable(ctx, v) &&
			    (!r || v->expires < r->expires))
				r = v;
		}
		if (r) {
			router_del(ctx, r, out);
			ndp_count(ctx, NDP_STAT_ROUTER_DISPLACED);
		}
	}
	if (!r) {
		ndp_count(ctx, NDP_STAT_ROUTER_TABLE_FULL);
		return NULL;
	}
	memset(r, 0, sizeof(*r));
	r->used = true;
	r->ip = *ip;
	r->origin = origin;
	r->expires = NDP_TIME_NEVER;
	/* its cache entry is kept while it is here (RFC 6583 7.1) */
	ndp_nbr_set_pinned(ctx, ip, true);
	ndp_table_changed(ctx, NDP_TABLE_ROUTERS);
	return r;
}

static bool ip_in(const struct ndp_ip6 *ip, const struct ndp_ip6 *ips,
		  int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (ndp_ip6_eq(&ips[i], ip))
			return true;
	return false;
}

/* Places for new static routers: free or displaceable, but not @ips'. */
static unsigned int routers_room(const struct ndp_ctx *ctx,
				 const struct ndp_ip6 *ips, int n)
{
	const struct ndp_router *r;
	unsigned int i, room = 0;

	for (i = 0; i < ctx->cfg.max_routers; i++) {
		r = &ctx->routers[i];
		room += !r->used || (router_displaceable(ctx, r) &&
				     !ip_in(&r->ip, ips, n));
	}
	return room;
}

static void router_set(struct ndp_ctx *ctx, s64 now, struct ndp_router *r,
		       u32 lifetime_s, struct ndp_out *out)
{
	if (r->origin == NDP_ORIGIN_STATIC)
		r->expires = ndp_expiry(now, lifetime_s);
	else
		r->expires = now + ndp_sec(lifetime_s);
	ndp_changed(ctx);
	ndp_out_note(out, NDP_NOTE_ROUTER_ADD, &r->ip, 0, lifetime_s, 0, 0);
}

static void router_del(struct ndp_ctx *ctx, struct ndp_router *r,
		       struct ndp_out *out)
{
	r->used = false;
	/*
	 * Its cache entry becomes evictable again (RFC 6583); IsRouter stays
	 * as the last RA or NA said (a router with Router Lifetime 0 is
	 * still a router, RFC 4861 6.3.4).
	 */
	ndp_nbr_set_pinned(ctx, &r->ip, false);
	ndp_table_changed(ctx, NDP_TABLE_ROUTERS);
	ndp_out_note(out, NDP_NOTE_ROUTER_DEL, &r->ip, 0, 0, 0, 0);
}

/* Zero the bits of @p beyond its length (@p->len <= 128). */
static void prefix_mask(struct ndp_prefix *p)
{
	unsigned int i;

	for (i = 0; i < 16; i++) {
		if (p->len >= (i + 1) * 8)
			continue;
		if (p->len > i * 8)
			p->addr.b[i] &= (u8)(0xff00 >> (p->len - i * 8));
		else
			p->addr.b[i] = 0;
	}
}

static struct ndp_pfx *pfx_find(const struct ndp_ctx *ctx,
				const struct ndp_prefix *p)
{
	struct ndp_pfx *pf;
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_prefixes; i++) {
		pf = &ctx->pfxs[i];
		if (pf->used && pf->pfx.len == p->len &&
		    ndp_ip6_eq(&pf->pfx.addr, &p->addr))
			return pf;
	}
	return NULL;
}

static void pfx_del(struct ndp_ctx *ctx, struct ndp_pfx *pf,
		    struct ndp_out *out);

/*
 * A free entry, or else, for a static prefix or one from a trusted
 * router (@rtr), the place of the prefix of an untrusted router that
 * expires first.  NULL (PREFIX_TABLE_FULL) when neither.
 */
static struct ndp_pfx *pfx_alloc(struct ndp_ctx *ctx,
				 const struct ndp_prefix *p, u8 origin,
				 const struct ndp_ip6 *rtr, struct ndp_out *out)
{
	struct ndp_pfx *pf = NULL, *v;
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_prefixes && !pf; i++)
		if (!ctx->pfxs[i].used)
			pf = &ctx->pfxs[i];
	if (!pf && (origin == NDP_ORIGIN_STATIC || ndp_rtr_trusted(ctx, rtr))) {
		for (i = 0; i < ctx->cfg.max_prefixes; i++) {
			v = &ctx->pfxs[i];
			if (v->used && v->origin == NDP_ORIGIN_RA &&
			    !ndp_rtr_trusted(ctx, &v->rtr) &&
			    (!pf || v->valid_until < pf->valid_until))
				pf = v;
		}
		if (pf) {
			pfx_del(ctx, pf, out);
			ndp_count(ctx, NDP_STAT_PREFIX_DISPLACED);
		}
	}
	if (!pf) {
		ndp_count(ctx, NDP_STAT_PREFIX_TABLE_FULL);
		return NULL;
	}
	memset(pf, 0, sizeof(*pf));
	pf->used = true;
	pf->pfx = *p;
	pf->origin = origin;
	pf->rtr = *rtr;
	ndp_table_changed(ctx, NDP_TABLE_PREFIXES);
	return pf;
}

/* The prefixes @rtr's RAs hold. */
static unsigned int pfx_count_of(const struct ndp_ctx *ctx,
				 const struct ndp_ip6 *rtr)
{
	const struct ndp_pfx *pf;
	unsigned int i, n = 0;

	for (i = 0; i < ctx->cfg.max_prefixes; i++) {
		pf = &ctx->pfxs[i];
		n += pf->used && pf->origin == NDP_ORIGIN_RA &&
		     ndp_ip6_eq(&pf->rtr, rtr);
	}
	return n;
}

static void pfx_set(struct ndp_ctx *ctx, s64 now, struct ndp_pfx *pf,
		    u32 valid_s, u32 preferred_s, struct ndp_out *out)
{
	preferred_s = min(preferred_s, valid_s);
	pf->valid_until = ndp_expiry(now, valid_s);
	pf->preferred_until = ndp_expiry(now, preferred_s);
	ndp_changed(ctx);
	ndp_out_note(out, NDP_NOTE_PREFIX_ADD, &pf->pfx.addr, pf->pfx.len,
		     valid_s, preferred_s, 0);
}

static void pfx_del(struct ndp_ctx *ctx, struct ndp_pfx *pf,
		    struct ndp_out *out)
{
	pf->used = false;
	ndp_table_changed(ctx, NDP_TABLE_PREFIXES);
	ndp_out_note(out, NDP_NOTE_PREFIX_DEL, &pf->pfx.addr, pf->pfx.len,
		     0, 0, 0);
}

/* ------------------------------------------------- router solicitation */

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

static void rs_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
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
}

/**
 * ndp_rtr_init() - start router discovery on a new context.
 * @ctx: the context, its tables zeroed
 * @now: current time
 *
 * Schedules the first RS after a random delay in [0, rtr_solicit_delay_ms)
 * (RFC 4861 6.3.7), unless accept_ra is off or rtr_solicits is 0.
 */
void ndp_rtr_init(struct ndp_ctx *ctx, s64 now)
{
	ctx->rr_next = 0;
	ndp_rtr_link_up(ctx, now);
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
}

/* ------------------------------------------------------------- receive */

/*
 * Router Lifetime in seconds (RFC 4861 6.3.4); 0: not a default router.
 * Returns false when the router found no place in the list.
 */
static bool ra_router(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		      u16 lifetime_s, struct ndp_out *out)
{
	struct ndp_router *r = router_find(ctx, ip);

	if (r && r->origin == NDP_ORIGIN_STATIC)
		return true;
	if (!lifetime_s) {
		if (r)
			router_del(ctx, r, out);
		return true;
	}
	if (!r)
		r = router_alloc(ctx, ip, NDP_ORIGIN_RA, out);
	if (!r)
		return false;
	router_set(ctx, now, r, lifetime_s, out);
	return true;
}

/* MTU option (RFC 4861 4.6.4, 6.3.4): only within [1280, link MTU]. */
static void ra_mtu(struct ndp_ctx *ctx, u32 mtu, struct ndp_out *out)
{
	if (mtu < NDP_MIN_MTU || mtu > ctx->cfg.link_mtu) {
		ndp_count(ctx, NDP_STAT_RA_MTU_INVALID);
		return;
	}
	if (mtu == ctx->mtu)
		return;
	ctx->mtu = mtu;
	ndp_changed(ctx);
	ndp_out_note(out, NDP_NOTE_MTU, NULL, 0, 0, 0, mtu);
}

/*
 * L=1: the on-link prefix list (RFC 4861 6.3.4), from router @rtr, within
 * its share of the list.  Returns false when the prefix found no place.
 */
static bool pio_onlink(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		       const struct ndp_prefix *p, u32 valid_s,
		       u32 preferred_s, bool autonomous, struct ndp_out *out)
{
	struct ndp_pfx *pf = pfx_find(ctx, p);

	if (pf && pf->origin == NDP_ORIGIN_STATIC)
		return true;
	if (!valid_s) {
		/* time it out now; an unknown prefix is ignored */
		if (pf)
			pfx_del(ctx, pf, out);
		return true;
	}
	if (!pf) {
		if (ndp_rtr_has_share(pfx_count_of(ctx, rtr),
				      ctx->cfg.max_prefixes)) {
			ndp_count(ctx, NDP_STAT_PREFIX_ROUTER_SHARE);
			return true;
		}
		pf = pfx_alloc(ctx, p, NDP_ORIGIN_RA, rtr, out);
		if (!pf)
			return false;
	} else if (!ndp_rtr_trusted(ctx, &pf->rtr) &&
		   ndp_rtr_trusted(ctx, rtr)) {
		pf->rtr = *rtr;		/* it holds its place from now on */
	}
	pf->autonomous = autonomous;
	pfx_set(ctx, now, pf, valid_s, preferred_s, out);
	return true;
}

/*
 * One Prefix Information option (its first 32 bytes, RFC 4861 4.6.2) from
 * router @rtr.  Returns false when its prefix or address found no place.
 */
static bool ra_pio(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		   const u8 *opt, struct ndp_out *out)
{
	u32 preferred_s = ndp_get32(opt + 8);
	u32 valid_s = ndp_get32(opt + 4);
	bool slaac = opt[3] & NDP_PIO_FLAG_A;
	struct ndp_prefix p;
	bool fit = true;

	/* the Prefix Length byte, not the option's Length (defect 2) */
	p.len = opt[2];
	if (p.len > 128) {
		ndp_count(ctx, NDP_STAT_ND_OPT_BAD);
		return true;
	}
	memcpy(p.addr.b, opt + 16, 16);
	prefix_mask(&p);
	if (ndp_ip6_is_linklocal(&p.addr)) {
		ndp_count(ctx, NDP_STAT_PIO_LINKLOCAL);
		return true;
	}
	if (p.len >= 8 && ndp_ip6_is_mcast(&p.addr)) {
		ndp_count(ctx, NDP_STAT_ND_OPT_BAD);
		return true;
	}
	if (slaac && preferred_s > valid_s) {
		/* RFC 4862 5.5.3 c: no SLAAC; on-link-ness still holds */
		ndp_count(ctx, NDP_STAT_PIO_PREF_GT_VALID);
		slaac = false;
	}
	if (opt[3] & NDP_PIO_FLAG_L)
		fit = pio_onlink(ctx, now, rtr, &p, valid_s, preferred_s,
				 slaac, out);
	/* L=0 says nothing about on-link-ness: the list is left alone */
	if (slaac && ndp_addr_slaac(ctx, now, rtr, &p, valid_s, preferred_s,
				    out) == -ENOSPC)
		fit = false;
	return fit;
}

/* Every PIO of the RA, not only the last one; false if one did not fit. */
static bool ra_pios(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		    const u8 *p, u32 len, struct ndp_out *out)
{
	bool fit = true;
	u32 olen;

	while (len >= 2) {
		olen = (u32)p[1] * 8;
		if (!olen || olen > len)
			break;	/* rx.c validated them: cannot happen */
		/* one under 32 bytes: skipped by ndp_opts_parse() */
		if (p[0] == NDP_OPT_PIO && olen >= 32)
			fit &= ra_pio(ctx, now, rtr, p, out);
		p += olen;
		len -= olen;
	}
	return fit;
}

/**
 * ndp_rx_ra() - act on a valid Router Advertisement (RFC 4861 6.3.4).
 * @ctx: the context
 * @now: current time
 * @rx: the message, validated by rx.c (hop limit 255, code 0, length,
 *	options, link-local source) with accept_ra on
 * @o: its parsed options
 * @out: notes and frames
 *
 * A non-zero Router Lifetime ends router solicitation (6.3.7).  CurHopLimit,
 * ReachableTime (ms, at most an hour) and RetransTimer (ms, at least
 * NDP_MIN_RETRANS_MS) are taken when non-zero; the Router Lifetime (s)
 * adds, refreshes or (0) removes the default router; SLLA goes to the
 * neighbour cache; the MTU option is taken within [1280, link MTU]; every
 * PIO is handled: L=1 updates the on-link prefix list, A=1 goes to SLAAC.
 * When the router, a prefix or an address found no place and the router
 * has not proved itself, it is asked to (ndp_nbr_probe()): once it has,
 * its next RA takes the place of what untrusted routers hold.
 */
void ndp_rx_ra(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
	       const struct ndp_opts *o, struct ndp_out *out)
{
	const u8 *m = rx->l4;
	u16 lifetime_s = ndp_get16(m + 6);
	u32 reachable_ms = ndp_get32(m + 8);
	u32 retrans_ms = ndp_get32(m + 12);
	bool fit;

	if (lifetime_s) {
		ctx->rs_done = true;
		ctx->rs_timer = NDP_TIME_NEVER;
	}
	if (m[4] && m[4] != ctx->cur_hop_limit) {
		ctx->cur_hop_limit = m[4];
		ndp_changed(ctx);
		ndp_out_note(out, NDP_NOTE_HOPLIMIT, NULL, 0, 0, 0, m[4]);
	}
	if (reachable_ms)
		ndp_set_base_reachable(ctx, now,
				       min(reachable_ms, NDP_MAX_REACHABLE_MS));
	if (retrans_ms)
		ctx->retrans_ms = max(retrans_ms, NDP_MIN_RETRANS_MS);
	if (o->slla)
		ndp_nbr_learn(ctx, now, &rx->src, o->slla, true);
	/* the sender is a router, default router or not (6.3.4) */
	ndp_nbr_set_router(ctx, &rx->src, true);
	fit = ra_router(ctx, now, &rx->src, lifetime_s, out);
	if (o->mtu)
		ra_mtu(ctx, ndp_get32(o->mtu + 4), out);
	fit &= ra_pios(ctx, now, &rx->src, m + 16, rx->l4_len - 16, out);
	if (!fit && !ndp_rtr_trusted(ctx, &rx->src))
		ndp_nbr_probe(ctx, now, &rx->src, out);
}

/**
 * ndp_rx_rs() - a Router Solicitation: hosts do not answer (RFC 4861 6.2.6).
 * @ctx: the context
 * @now: current time
 * @rx: the message
 * @o: its options
 * @out: unused
 */
void ndp_rx_rs(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
	       const struct ndp_opts *o, struct ndp_out *out)
{
	ndp_count(ctx, NDP_STAT_RS_IGNORED);
}

/**
 * ndp_rx_redirect() - a valid Redirect: counted, not acted on.
 * @ctx: the context
 * @now: current time
 * @rx: the message, valid by every rule of RFC 4861 8.1 (rx.c): from
 *	the current first hop for its Destination, Target link-local or the
 *	Destination
 * @o: its options
 * @out: unused
 *
 * Redirects change the destination cache, which the core does not have
 * yet; the next hop stays what ndp_next_hop() says (core.rst, "Routers").
 */
void ndp_rx_redirect(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
		     const struct ndp_opts *o, struct ndp_out *out)
{
	ndp_count(ctx, NDP_STAT_REDIRECT_IGNORED);
}

/**
 * ndp_rtr_not_router() - a neighbour says it is no router (NA with R=0).
 * @ctx: the context
 * @now: current time
 * @ip: the neighbour
 * @out: notes
 *
 * Removes @ip from the default router list if an RA put it there (RFC 4861
 * 7.2.5); static entries stay.
 */
void ndp_rtr_not_router(struct ndp_ctx *ctx, s64 now,
			const struct ndp_ip6 *ip, struct ndp_out *out)
{
	struct ndp_router *r = router_find(ctx, ip);

	if (r && r->origin == NDP_ORIGIN_RA)
		router_del(ctx, r, out);
}

/**
 * ndp_rtr_is_router() - is @ip in the default router list?
 * @ctx: the context
 * @ip: the address
 *
 * Return: true if it is, whatever its origin.
 */
bool ndp_rtr_is_router(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip)
{
	return router_find(ctx, ip);
}

/**
 * ndp_rtr_trusted() - does what @ip advertised hold its place?
 * @ctx: the context
 * @ip: a router's address (:: for none: never trusted)
 *
 * Return: true for a static router of ndp_add_routers() and for a
 * neighbour that proved two-way reachability (ndp_nbr_proven()).
 */
bool ndp_rtr_trusted(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip)
{
	const struct ndp_router *r = router_find(ctx, ip);

	return (r && r->origin == NDP_ORIGIN_STATIC) || ndp_nbr_proven(ctx, ip);
}

/* ------------------------------------------------------------ next hop */

/**
 * ndp_is_onlink() - on-link determination (RFC 4861 5.2, RFC 5942).
 * @ctx: the context
 * @dst: a unicast destination
 *
 * Return: true for link-local destinations and those inside an on-link
 * prefix; an address we have (with its prefix length) says nothing.
 */
bool ndp_is_onlink(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst)
{
	const struct ndp_pfx *pf;
	unsigned int i;

	if (ndp_ip6_is_linklocal(dst))
		return true;
	for (i = 0; i < ctx->cfg.max_prefixes; i++) {
		pf = &ctx->pfxs[i];
		if (pf->used && ndp_prefix_match(dst, &pf->pfx.addr,
						 pf->pfx.len))
			return true;
	}
	return false;
}

/*
 * The next hop for @dst, without side effects: round-robin starts at
 * *@rr and *@rr is where the next round-robin pick would start.
 */
static int next_hop(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
		    struct ndp_ip6 *nh, u32 *rr)
{
	unsigned int i, n = ctx->cfg.max_routers;
	const struct ndp_router *r;

	if (ndp_ip6_is_unspec(dst) || ndp_ip6_is_loopback(dst))
		return -EHOSTUNREACH;
	if (ndp_ip6_is_mcast(dst) || ndp_is_onlink(ctx, dst)) {
		*nh = *dst;
		return 0;
	}
	for (i = 0; i < n; i++) {
		r = &ctx->routers[i];
		if (r->used && !ndp_nbr_probably_unreachable(ctx, &r->ip)) {
			*nh = r->ip;
			return 0;
		}
	}
	for (i = 0; i < n; i++) {
		r = &ctx->routers[(*rr + i) % n];
		if (r->used) {
			*rr = (*rr + i + 1) % n;
			*nh = r->ip;
			return 0;
		}
	}
	return -EHOSTUNREACH;
}

/**
 * ndp_next_hop() - the next hop for @dst (RFC 4861 5.2, 6.3.6).
 * @ctx: the context
 * @dst: the destination
 * @nh: the next hop, on success
 *
 * On-link (and multicast) destinations are their own next hop.  Otherwise
 * a default router: the first one not known to be unreachable (so the
 * choice stays put while it works), or, when every one is suspect, the
 * next in round-robin order (ctx->rr_next, which this advances).  There
 * is no "all on-link" fallback (RFC 5942 4).
 *
 * Return: 0, or -EHOSTUNREACH with no router (or for :: and ::1).
 */
int ndp_next_hop(struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
		 struct ndp_ip6 *nh)
{
	u32 rr = ctx->rr_next;
	int err = next_hop(ctx, dst, nh, &rr);

	ctx->rr_next = rr;
	return err;
}

/**
 * ndp_next_hop_peek() - what ndp_next_hop() would answer now.
 * @ctx: the context, unchanged (the round robin does not move)
 * @dst: the destination
 * @nh: the next hop, on success
 *
 * For checks such as a Redirect's "current first-hop router" (RFC 4861
 * 8.1).  While a router works it is the one packets go to; when every one
 * is suspect, it is the round robin's next pick.
 *
 * Return: 0, or -EHOSTUNREACH as ndp_next_hop().
 */
int ndp_next_hop_peek(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
		      struct ndp_ip6 *nh)
{
	u32 rr = ctx->rr_next;

	return next_hop(ctx, dst, nh, &rr);
}

/* ------------------------------------------------------------- timers */

/**
 * ndp_rtr_tick() - run the timers of router discovery that are due.
 * @ctx: the context
 * @now: current time
 * @out: frames (RS) and notes (ROUTER_DEL, PREFIX_DEL)
 *
 * Sends the RS that is due (kept due if @out is full), and times out
 * default routers and on-link prefixes whose lifetime ran out.
 */
void ndp_rtr_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
{
	unsigned int i;

	rs_tick(ctx, now, out);
	for (i = 0; i < ctx->cfg.max_routers; i++)
		if (ctx->routers[i].used && ctx->routers[i].expires <= now)
			router_del(ctx, &ctx->routers[i], out);
	for (i = 0; i < ctx->cfg.max_prefixes; i++)
		if (ctx->pfxs[i].used && ctx->pfxs[i].valid_until <= now)
			pfx_del(ctx, &ctx->pfxs[i], out);
}

/**
 * ndp_rtr_deadline() - when ndp_rtr_tick() must run next.
 * @ctx: the context
 *
 * Return: the earliest of the RS timer, router expiries and prefix
 * expiries (absolute), or NDP_TIME_NEVER.
 */
s64 ndp_rtr_deadline(const struct ndp_ctx *ctx)
{
	s64 t = ctx->link_down ? NDP_TIME_NEVER : ctx->rs_timer;
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_routers; i++)
		if (ctx->routers[i].used)
			t = min(t, ctx->routers[i].expires);
	for (i = 0; i < ctx->cfg.max_prefixes; i++)
		if (ctx->pfxs[i].used)
			t = min(t, ctx->pfxs[i].valid_until);
	return t;
}

/* ------------------------------------------------- static configuration */

/**
 * ndp_add_routers() - Mirage's add_routers: static default routers.
 * @ctx: the context
 * @now: current time
 * @ips: @n link-local unicast addresses
 * @n: how many
 * @lifetime_s: lifetime in seconds, NDP_INFINITE for ever
 * @out: notes (ROUTER_ADD for each)
 *
 * Known routers become static with the new lifetime.  New ones take free
 * places, else those of routers that never proved themselves (core.rst,
 * "Routers and prefixes").  All or nothing.
 *
 * Return: 0; -EINVAL if an address is not link-local unicast, @n < 0 or
 * @lifetime_s is 0; -ENOSPC (ROUTER_TABLE_FULL counted for each router
 * that does not fit) if the table has no room for the new ones.
 */
int ndp_add_routers(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ips,
		    int n, u32 lifetime_s, struct ndp_out *out)
{
	unsigned int need = 0, room;
	struct ndp_router *r;
	int i;

	if (n < 0 || (n && !ips) || !lifetime_s)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (!ndp_ip6_is_linklocal(&ips[i]))
			return -EINVAL;
		need += !router_find(ctx, &ips[i]) && !ip_in(&ips[i], ips, i);
	}
	room = routers_room(ctx, ips, n);
	if (need > room) {
		for (; need > room; need--)
			ndp_count(ctx, NDP_STAT_ROUTER_TABLE_FULL);
		return -ENOSPC;
	}
	/* the known ones first: static, the new ones cannot displace them */
	for (i = 0; i < n; i++) {
		r = router_find(ctx, &ips[i]);
		if (r)
			r->origin = NDP_ORIGIN_STATIC;
	}
	for (i = 0; i < n; i++) {
		r = router_find(ctx, &ips[i]);
		if (!r)
			r = router_alloc(ctx, &ips[i], NDP_ORIGIN_STATIC, out);
		if (!r)
			return -ENOSPC;	/* cannot happen: room counted */
		r->origin = NDP_ORIGIN_STATIC;
		router_set(ctx, now, r, lifetime_s, out);
		ndp_nbr_set_router(ctx, &ips[i], true);
	}
	return 0;
}

/**
 * ndp_del_router() - remove a default router, whatever its origin.
 * @ctx: the context
 * @now: current time
 * @ip: the router
 * @out: notes (ROUTER_DEL)
 *
 * Return: 0, or -ENOENT if @ip is not in the list.
 */
int ndp_del_router(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		   struct ndp_out *out)
{
	struct ndp_router *r = router_find(ctx, ip);

	if (!r)
		return -ENOENT;
	router_del(ctx, r, out);
	return 0;
}

/**
 * ndp_get_routers() - Mirage's get_routers.
 * @ctx: the context
 * @ips: room for @max addresses (may be NULL if @max is 0)
 * @max: how many fit
 *
 * Return: how many routers there are (may exceed @max: only @max filled).
 */
int ndp_get_routers(const struct ndp_ctx *ctx, struct ndp_ip6 *ips, int max)
{
	unsigned int i;
	int n = 0;

	for (i = 0; i < ctx->cfg.max_routers; i++) {
		if (!ctx->routers[i].used)
			continue;
		if (n < max)
			ips[n] = ctx->routers[i].ip;
		n++;
	}
	return n;
}

/**
 * ndp_add_prefix() - Mirage's add_prefix: a static on-link prefix.
 * @ctx: the context
 * @now: current time
 * @pfx: the prefix (bits beyond its length are ignored)
 * @valid_s: lifetime in seconds, NDP_INFINITE for ever
 * @out: notes (PREFIX_ADD)
 *
 * A known prefix becomes static with the new lifetime.  A new one takes a
 * free place, else that of a prefix from a router that never proved itself
 * (core.rst, "Routers and prefixes").
 *
 * Return: 0; -EINVAL for a length over 128, a multicast prefix or a zero
 * lifetime; -ENOSPC (PREFIX_TABLE_FULL counted) if the table is full.
 */
int ndp_add_prefix(struct ndp_ctx *ctx, s64 now, const struct ndp_prefix *pfx,
		   u32 valid_s, struct ndp_out *out)
{
	struct ndp_prefix p = *pfx;
	struct ndp_pfx *pf;

	if (p.len > 128 || !valid_s)
		return -EINVAL;
	prefix_mask(&p);
	if (p.len >= 8 && ndp_ip6_is_mcast(&p.addr))
		return -EINVAL;
	pf = pfx_find(ctx, &p);
	if (!pf)
		pf = pfx_alloc(ctx, &p, NDP_ORIGIN_STATIC, &ndp_unspecified, out);
	if (!pf)
		return -ENOSPC;
	pf->origin = NDP_ORIGIN_STATIC;
	pf->autonomous = false;
	pfx_set(ctx, now, pf, valid_s, valid_s, out);
	return 0;
}

/**
 * ndp_del_prefix() - remove an on-link prefix, whatever its origin.
 * @ctx: the context
 * @now: current time
 * @pfx: the prefix (bits beyond its length are ignored)
 * @out: notes (PREFIX_DEL)
 *
 * Return: 0, -EINVAL for a length over 128, or -ENOENT.
 */
int ndp_del_prefix(struct ndp_ctx *ctx, s64 now, const struct ndp_prefix *pfx,
		   struct ndp_out *out)
{
	struct ndp_prefix p = *pfx;
	struct ndp_pfx *pf;

	if (p.len > 128)
		return -EINVAL;
	prefix_mask(&p);
	pf = pfx_find(ctx, &p);
	if (!pf)
		return -ENOENT;
	pfx_del(ctx, pf, out);
	return 0;
}

/**
 * ndp_get_prefix() - Mirage's get_prefix: the on-link prefixes.
 * @ctx: the context
 * @pfx: room for @max prefixes (may be NULL if @max is 0)
 * @max: how many fit
 *
 * Return: how many prefixes there are (may exceed @max: only @max filled).
 */
int ndp_get_prefix(const struct ndp_ctx *ctx, struct ndp_prefix *pfx, int max)
{
	unsigned int i;
	int n = 0;

	for (i = 0; i < ctx->cfg.max_prefixes; i++) {
		if (!ctx->pfxs[i].used)
			continue;
		if (n < max)
			pfx[n] = ctx->pfxs[i].pfx;
		n++;
	}
	return n;
}

/**
 * ndp_router_next() - walk the default router list.
 * @ctx: the context
 * @now: current time (for the remaining lifetime)
 * @pos: cursor, 0 to start
 * @ri: the entry, on success
 *
 * Return: true with @ri filled and @pos advanced, false at the end.
 */
bool ndp_router_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		     struct ndp_router_info *ri)
{
	const struct ndp_router *r;
	struct ndp_nbr_info ni;
	u32 i;

	for (i = *pos; i < ctx->cfg.max_routers; i++) {
		r = &ctx->routers[i];
		if (!r->used)
			continue;
		memset(ri, 0, sizeof(*ri));
		ri->addr = r->ip;
		ri->origin = r->origin;
		ri->nud = NDP_NUD_NONE;
		if (!ndp_nbr_lookup(ctx, &r->ip, &ni))
			ri->nud = ni.state;
		ri->lifetime_s = ndp_remaining_s(now, r->expires);
		*pos = i + 1;
		return true;
	}
	*pos = i;
	return false;
}

/**
 * ndp_prefix_next() - walk the on-link prefix list.
 * @ctx: the context
 * @now: current time (for the remaining lifetimes)
 * @pos: cursor, 0 to start
 * @pi: the entry, on success
 *
 * Return: true with @pi filled and @pos advanced, false at the end.
 */
bool ndp_prefix_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		     struct ndp_prefix_info *pi)
{
	const struct ndp_pfx *pf;
	u32 i;

	for (i = *pos; i < ctx->cfg.max_prefixes; i++) {
		pf = &ctx->pfxs[i];
		if (!pf->used)
			continue;
		memset(pi, 0, sizeof(*pi));
		pi->pfx = pf->pfx;
		pi->origin = pf->origin;
		pi->onlink = true;
		pi->autonomous = pf->autonomous;
		pi->valid_s = ndp_remaining_s(now, pf->valid_until);
		pi->preferred_s = ndp_remaining_s(now, pf->preferred_until);
		*pos = i + 1;
		return true;
	}
	*pos = i;
	return false;
}
