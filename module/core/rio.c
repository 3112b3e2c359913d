// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: more-specific routes (RFC 4191): the Route Information
 * options of the RAs the core acts on, kept per prefix and router in a
 * table of cfg.max_routes, their lifetimes a timer of the tables, and
 * the route lookup of next-hop determination (rtr.c).  Policy:
 * Documentation/ndpv6/core.rst, "Router preferences and routes".
 */
#include "ndp_private.h"

#define RIO_HDR_LEN	8	/* type, length, prefix length, Prf, lifetime */

static struct ndp_route *route_find(const struct ndp_ctx *ctx,
				    const struct ndp_prefix *p,
				    const struct ndp_ip6 *rtr)
{
	struct ndp_route *rt;
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_routes; i++) {
		rt = &ctx->routes[i];
		if (rt->used && rt->pfx.len == p->len &&
		    ndp_ip6_eq(&rt->pfx.addr, &p->addr) &&
		    ndp_ip6_eq(&rt->rtr, rtr))
			return rt;
	}
	return NULL;
}

static void route_del(struct ndp_ctx *ctx, struct ndp_route *rt,
		      struct ndp_out *out)
{
	rt->used = false;
	ndp_table_changed(ctx, NDP_TABLE_ROUTES);
	ndp_out_note(out, NDP_NOTE_ROUTE_DEL, &rt->pfx.addr, rt->pfx.len, 0, 0,
		     rt->pref);
}

/* The routes @rtr's RIOs hold. */
static unsigned int routes_of(const struct ndp_ctx *ctx,
			      const struct ndp_ip6 *rtr)
{
	unsigned int i, n = 0;

	for (i = 0; i < ctx->cfg.max_routes; i++)
		n += ctx->routes[i].used && ndp_ip6_eq(&ctx->routes[i].rtr, rtr);
	return n;
}

/*
 * A free entry for a new route of @rtr: none when @rtr has its share
 * (ROUTE_ROUTER_SHARE) or the table is full (ROUTE_TABLE_FULL).  Routes
 * displace nothing: a RIO only adds detail to what the default routers
 * already reach.
 */
static struct ndp_route *route_alloc(struct ndp_ctx *ctx,
				     const struct ndp_ip6 *rtr)
{
	unsigned int i;

	if (ndp_rtr_has_share(routes_of(ctx, rtr), ctx->cfg.max_routes)) {
		ndp_count(ctx, NDP_STAT_ROUTE_ROUTER_SHARE);
		return NULL;
	}
	for (i = 0; i < ctx->cfg.max_routes; i++)
		if (!ctx->routes[i].used)
			return &ctx->routes[i];
	ndp_count(ctx, NDP_STAT_ROUTE_TABLE_FULL);
	return NULL;
}

/*
 * Is a RIO of @units 8-byte units with prefix length @plen well formed
 * (RFC 4191 2.3)?  Length 3 for a prefix over 64 bits, 2 or 3 for one of
 * 1 to 64, any of 1 to 3 for ::/0.
 */
static bool rio_len_ok(u8 units, u8 plen)
{
	if (units < 1 || units > 3 || plen > 128)
		return false;
	if (plen > 64)
		return units == 3;
	return !plen || units >= 2;
}

/* One Route Information option of @units units from router @rtr. */
static void rio_one(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		    const u8 *opt, u8 units, struct ndp_out *out)
{
	u8 prf = (opt[3] >> NDP_PRF_SHIFT) & NDP_PRF_MASK;
	u32 lifetime_s = ndp_get32(opt + 4);
	struct ndp_prefix p = { .len = opt[2] };
	struct ndp_route *rt;

	if (!rio_len_ok(units, p.len)) {
		ndp_count(ctx, NDP_STAT_RIO_INVALID);
		return;
	}
	/* RFC 4191 2.3: the reserved value makes the whole option void */
	if (prf == NDP_PRF_RESERVED) {
		ndp_count(ctx, NDP_STAT_RIO_PREF_RESERVED);
		return;
	}
	memcpy(p.addr.b, opt + RIO_HDR_LEN, (units - 1) * 8u);
	ndp_prefix_mask(&p);
	/* never used: link-local and multicast destinations are on-link */
	if ((p.len >= 10 && ndp_ip6_is_linklocal(&p.addr)) ||
	    (p.len >= 8 && ndp_ip6_is_mcast(&p.addr))) {
		ndp_count(ctx, NDP_STAT_RIO_INVALID);
		return;
	}
	rt = route_find(ctx, &p, rtr);
	if (!lifetime_s) {
		if (rt)
			route_del(ctx, rt, out);
		return;
	}
	if (!rt) {
		rt = route_alloc(ctx, rtr);
		if (!rt)
			return;
		memset(rt, 0, sizeof(*rt));
		rt->used = true;
		rt->pfx = p;
		rt->rtr = *rtr;
		ndp_table_changed(ctx, NDP_TABLE_ROUTES);
	}
	rt->pref = prf == 1 ? NDP_PREF_HIGH :
		   prf == 3 ? NDP_PREF_LOW : NDP_PREF_MEDIUM;
	rt->expires = ndp_expiry(now, lifetime_s);
	ndp_due(ctx, rt->expires);
	ndp_changed(ctx);
	ndp_out_note(out, NDP_NOTE_ROUTE_ADD, &rt->pfx.addr, rt->pfx.len,
		     lifetime_s, 0, rt->pref);
}

/**
 * ndp_route_ra() - the Route Information options of a valid RA.
 * @ctx: the context
 * @now: current time
 * @rtr: the RA's source, the routes' next hop
 * @opts: its options, validated by rx.c (every length non-zero, inside)
 * @len: their length
 * @out: notes (ROUTE_ADD, ROUTE_DEL)
 *
 * RFC 4191 3.1: each RIO adds or refreshes the route to its prefix via
 * @rtr with its preference and lifetime (0 removes it, 0xffffffff never
 * expires); a malformed one or one with the reserved preference is
 * ignored and counted.  A ::/0 RIO is a route like the others, apart
 * from the Default Router List.
 */
void ndp_route_ra(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		  const u8 *opts, u32 len, struct ndp_out *out)
{
	u32 olen;

	while (len >= 2) {
		olen = (u32)opts[1] * 8;
		if (!olen || olen > len)
			return;		/* rx.c let none through */
		if (opts[0] == NDP_OPT_RIO)
			rio_one(ctx, now, rtr, opts, opts[1], out);
		opts += olen;
		len -= olen;
	}
}

/**
 * ndp_route_del_rtr() - remove the routes of a router.
 * @ctx: the context
 * @rtr: a neighbour that said it is no router (NA with R=0)
 * @out: notes (ROUTE_DEL)
 */
void ndp_route_del_rtr(struct ndp_ctx *ctx, const struct ndp_ip6 *rtr,
		       struct ndp_out *out)
{
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_routes; i++)
		if (ctx->routes[i].used && ndp_ip6_eq(&ctx->routes[i].rtr, rtr))
			route_del(ctx, &ctx->routes[i], out);
}

/**
 * ndp_route_lookup() - the RIO route for a destination (RFC 4191 3.2).
 * @ctx: the context
 * @dst: an off-link destination
 *
 * Of the routes whose prefix holds @dst and whose router is not known to
 * be unreachable (ndp_nbr_probably_unreachable(): those are passed over,
 * the next best taken), the longest prefix, then the highest preference,
 * then the first in the table.
 *
 * Return: the route, or NULL.
 */
const struct ndp_route *ndp_route_lookup(const struct ndp_ctx *ctx,
					 const struct ndp_ip6 *dst)
{
	const struct ndp_route *rt, *best = NULL;
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_routes; i++) {
		rt = &ctx->routes[i];
		if (!rt->used || !ndp_prefix_match(dst, &rt->pfx.addr,
						   rt->pfx.len))
			continue;
		if (best && (rt->pfx.len < best->pfx.len ||
			     (rt->pfx.len == best->pfx.len &&
			      rt->pref <= best->pref)))
			continue;
		if (!ndp_nbr_probably_unreachable(ctx, &rt->rtr))
			best = rt;
	}
	return best;
}

/**
 * ndp_route_tick() - time out the routes whose lifetime ran out.
 * @ctx: the context
 * @now: current time
 * @out: notes (ROUTE_DEL)
 */
void ndp_route_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
{
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_routes; i++)
		if (ctx->routes[i].used && ctx->routes[i].expires <= now)
			route_del(ctx, &ctx->routes[i], out);
}

/**
 * ndp_route_deadline() - when ndp_route_tick() must run next.
 * @ctx: the context
 *
 * Return: the earliest route expiry (absolute), or NDP_TIME_NEVER.
 */
s64 ndp_route_deadline(const struct ndp_ctx *ctx)
{
	s64 t = NDP_TIME_NEVER;
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_routes; i++)
		if (ctx->routes[i].used)
			t = min(t, ctx->routes[i].expires);
	return t;
}

/**
 * ndp_route_next() - walk the RIO routes.
 * @ctx: the context
 * @now: current time (for the remaining lifetime)
 * @pos: cursor, 0 to start
 * @ri: the entry, on success
 *
 * Return: true with @ri filled and @pos advanced, false at the end.
 */
bool ndp_route_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		    struct ndp_route_info *ri)
{
	const struct ndp_route *rt;
	u32 i;

	for (i = *pos; i < ctx->cfg.max_routes; i++) {
		rt = &ctx->routes[i];
		if (!rt->used)
			continue;
		memset(ri, 0, sizeof(*ri));
		ri->pfx = rt->pfx;
		ri->rtr = rt->rtr;
		ri->pref = rt->pref;
		ri->lifetime_s = ndp_remaining_s(now, rt->expires);
		*pos = i + 1;
		return true;
	}
	*pos = i;
	return false;
}
