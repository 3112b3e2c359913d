// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: router discovery (RFC 4861 6.3): the default router list and
 * the prefix list as RAs fill them, who may displace whom in a full table,
 * on-link determination and next hop (RFC 4861 5.2, 6.3.6, RFC 5942),
 * Mirage's static configuration (add_routers, add_prefix).  Soliciting is
 * rs.c's, reading the lists rtr_view.c's.  Timers and policy:
 * Documentation/ndpv6/core.rst.
 */
#include "ndp_private.h"

#define NDP_MAX_REACHABLE_MS	3600000U	/* RFC 4861 6.2.1 */
/*
 * The least RetransTimer an RA may set (Linux: HZ/100).  DAD waits that
 * long after its last NS (RFC 4862 5.4): 1 ms would pass before any answer.
 */
#define NDP_MIN_RETRANS_MS	10U
/* an RA's ReachableTime below 100 ms counts as 100 ms, as in Linux (HZ/10) */
#define NDP_MIN_REACHABLE_MS	100U

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

static void router_remove(struct ndp_ctx *ctx, struct ndp_router *r,
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
			router_remove(ctx, r, out);
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
	r->pref = NDP_PREF_MEDIUM;
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
	ndp_due(ctx, r->expires);
	ndp_changed(ctx);
	ndp_out_note(out, NDP_NOTE_ROUTER_ADD, &r->ip, 0, lifetime_s, 0, 0);
}

static void router_remove(struct ndp_ctx *ctx, struct ndp_router *r,
			  struct ndp_out *out)
{
	r->used = false;
	/*
	 * Its cache entry becomes evictable again (RFC 6583); IsRouter stays
	 * as the last RA or NA said (a router with Router Lifetime 0 is
	 * still a router, RFC 4861 6.3.4).
	 */
	ndp_nbr_set_pinned(ctx, &r->ip, false);
	ndp_redirect_forget(ctx, &r->ip, false);
	ndp_table_changed(ctx, NDP_TABLE_ROUTERS);
	ndp_out_note(out, NDP_NOTE_ROUTER_DEL, &r->ip, 0, 0, 0, 0);
}

/**
 * ndp_prefix_mask() - zero the bits of a prefix beyond its length.
 * @p: the prefix, @p->len <= 128
 */
void ndp_prefix_mask(struct ndp_prefix *p)
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
	ndp_due(ctx, pf->valid_until);
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

/* ------------------------------------------------------------- receive */

/*
 * The Default Router Preference of an RA's flags byte (RFC 4191 2.2): the
 * reserved value 10 is medium.
 */
static u8 ra_pref(struct ndp_ctx *ctx, u8 flags)
{
	switch ((flags >> NDP_PRF_SHIFT) & NDP_PRF_MASK) {
	case 1:
		return NDP_PREF_HIGH;
	case 3:
		return NDP_PREF_LOW;
	case NDP_PRF_RESERVED:
		ndp_count(ctx, NDP_STAT_RA_PREF_RESERVED);
		return NDP_PREF_MEDIUM;
	default:
		return NDP_PREF_MEDIUM;
	}
}

/*
 * Router Lifetime in seconds (RFC 4861 6.3.4); 0: not a default router
 * (its preference then means nothing, RFC 4191 2.2).  Returns false when
 * the router found no place in the list.
 */
static bool ra_router(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		      u16 lifetime_s, u8 flags, struct ndp_out *out)
{
	struct ndp_router *r = router_find(ctx, ip);

	if (r && r->origin == NDP_ORIGIN_STATIC)
		return true;
	if (!lifetime_s) {
		if (r)
			router_remove(ctx, r, out);
		return true;
	}
	if (!r)
		r = router_alloc(ctx, ip, NDP_ORIGIN_RA, out);
	if (!r)
		return false;
	r->pref = ra_pref(ctx, flags);
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
	ndp_prefix_mask(&p);
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
 * neighbour cache, with the Default Router Preference (RFC 4191 2.2); the
 * MTU option is taken within [1280, link MTU]; every PIO is handled: L=1
 * updates the on-link prefix list, A=1 goes to SLAAC; every Route
 * Information option updates the more-specific routes (rio.c).
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
				       max(min(reachable_ms, NDP_MAX_REACHABLE_MS),
					   NDP_MIN_REACHABLE_MS));
	if (retrans_ms)
		ctx->retrans_ms = max(retrans_ms, NDP_MIN_RETRANS_MS);
	if (o->slla)
		ndp_nbr_learn(ctx, now, &rx->src, o->slla, true);
	/* the sender is a router, default router or not (6.3.4) */
	ndp_nbr_set_router(ctx, &rx->src, true);
	fit = ra_router(ctx, now, &rx->src, lifetime_s, m[5], out);
	if (o->mtu)
		ra_mtu(ctx, ndp_get32(o->mtu + 4), out);
	fit &= ra_pios(ctx, now, &rx->src, m + 16, rx->l4_len - 16, out);
	ndp_route_ra(ctx, now, &rx->src, m + 16, rx->l4_len - 16, out);
	ndp_dns_ra(ctx, now, &rx->src, lifetime_s, m + 16, rx->l4_len - 16,
		   out);
	if (!fit && !ndp_rtr_trusted(ctx, &rx->src))
		ndp_nbr_probe(ctx, now, &rx->src, out);
}

static bool is_useropt(u8 type)
{
	return type == NDP_OPT_PIO || type == NDP_OPT_RDNSS ||
	       type == NDP_OPT_DNSSL || type == NDP_OPT_CAPTIVE_PORTAL ||
	       type == NDP_OPT_PREF64;
}

/**
 * ndp_ra_useropts() - list the options of a valid RA for userspace.
 * @ctx: the context
 * @rx: the RA, its options validated (every length non-zero and inside)
 * @out: output: out->useropts
 *
 * Those Linux passes up as RTM_NEWNDUSEROPT (core.rst, "RA options for
 * userspace"); one that does not fit is counted, RA_USEROPT_LOST.
 */
void ndp_ra_useropts(struct ndp_ctx *ctx, const struct ndp_rx *rx,
		     struct ndp_out *out)
{
	u32 base = (u32)(rx->l4 - (const u8 *)rx->pkt->data);
	u32 pos = 16, len;

	for (; pos + 2 <= rx->l4_len; pos += len) {
		len = rx->l4[pos + 1] * 8u;
		if (!len || pos + len > rx->l4_len)
			return;		/* ndp_opts_parse() let none through */
		if (!is_useropt(rx->l4[pos]))
			continue;
		if (out->n_useropts >= NDP_OUT_USEROPTS) {
			ndp_count(ctx, NDP_STAT_RA_USEROPT_LOST);
			continue;
		}
		out->useropts[out->n_useropts].off = base + pos;
		out->useropts[out->n_useropts].len = len;
		out->n_useropts++;
		ndp_count(ctx, NDP_STAT_RA_USEROPT);
	}
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
 * ndp_rtr_not_router() - a neighbour says it is no router (NA with R=0).
 * @ctx: the context
 * @now: current time
 * @ip: the neighbour
 * @out: notes
 *
 * Removes @ip from the default router list if an RA put it there (RFC 4861
 * 7.2.5), and the routes of its RIOs; static entries stay.
 */
void ndp_rtr_not_router(struct ndp_ctx *ctx, s64 now,
			const struct ndp_ip6 *ip, struct ndp_out *out)
{
	struct ndp_router *r = router_find(ctx, ip);

	if (r && r->origin == NDP_ORIGIN_RA)
		router_remove(ctx, r, out);
	else
		ndp_redirect_forget(ctx, ip, false);	/* no better router */
	ndp_route_del_rtr(ctx, ip, out);
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
static int next_hop_lookup(const struct ndp_ctx *ctx,
			   const struct ndp_ip6 *dst, struct ndp_ip6 *nh,
			   u32 *rr)
{
	const struct ndp_router *r, *best = NULL;
	unsigned int i, n = ctx->cfg.max_routers;
	const struct ndp_route *rt;

	if (ndp_ip6_is_unspec(dst) || ndp_ip6_is_loopback(dst))
		return -EHOSTUNREACH;
	if (ndp_redirect_lookup(ctx, dst, nh))	/* RFC 4861 5.2: first */
		return 0;
	if (ndp_ip6_is_mcast(dst) || ndp_is_onlink(ctx, dst)) {
		*nh = *dst;
		return 0;
	}
	rt = ndp_route_lookup(ctx, dst);
	if (rt && rt->pfx.len) {
		*nh = rt->rtr;
		return 0;
	}
	/* the first of the most preferred: the choice stays put */
	for (i = 0; i < n; i++) {
		r = &ctx->routers[i];
		if (r->used && (!best || r->pref > best->pref) &&
		    !ndp_nbr_probably_unreachable(ctx, &r->ip))
			best = r;
	}
	/* a ::/0 RIO route competes with the default routers by preference */
	if (rt && (!best || rt->pref > best->pref)) {
		*nh = rt->rtr;
		return 0;
	}
	if (best) {
		*nh = best->ip;
		return 0;
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
 * the router of the longest, then most preferred, RIO route (RFC 4191 3.2)
 * whose router is not known to be unreachable; else a default router: of
 * those not known to be unreachable, the first of the highest preference
 * (so the choice stays put while it works; a ::/0 RIO route of a higher
 * preference beats it), or, when every one is suspect, the next in
 * round-robin order (ctx->rr_next, which this advances).  There is no
 * "all on-link" fallback (RFC 5942 4).
 *
 * Return: 0, or -EHOSTUNREACH with no router (or for :: and ::1).
 */
int ndp_next_hop(struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
		 struct ndp_ip6 *nh)
{
	u32 rr = ctx->rr_next;
	int err = next_hop_lookup(ctx, dst, nh, &rr);

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

	return next_hop_lookup(ctx, dst, nh, &rr);
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

	ndp_rs_tick(ctx, now, out);
	for (i = 0; i < ctx->cfg.max_routers; i++)
		if (ctx->routers[i].used && ctx->routers[i].expires <= now)
			router_remove(ctx, &ctx->routers[i], out);
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
		if (r) {
			r->origin = NDP_ORIGIN_STATIC;
			r->pref = NDP_PREF_MEDIUM;	/* no RA speaks for it */
		}
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
	router_remove(ctx, r, out);
	return 0;
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
	ndp_prefix_mask(&p);
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
	ndp_prefix_mask(&p);
	pf = pfx_find(ctx, &p);
	if (!pf)
		return -ENOENT;
	pfx_del(ctx, pf, out);
	return 0;
}
