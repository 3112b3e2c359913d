// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: the destination cache of Redirects (RFC 4861 8.3).  A valid
 * Redirect (rx.c checks RFC 4861 8.1) makes its Target the first hop for
 * its Destination: a better router, or the Destination itself, on-link.
 * Only redirected destinations have an entry: every other next hop is
 * worked out per packet (rtr.c), which is what an entry would cache.
 * Policy: Documentation/ndpv6/core.rst, "Redirects".
 */
#include "ndp_private.h"

/*
 * RFC 4861 leaves an entry's life open.  Linux forgets a redirected route
 * after it has gone unused for net.ipv6.route.gc_timeout (60 s); a fixed
 * span from the Redirect needs no write per packet: once it ends, one
 * packet goes through the router again, which redirects it again.
 */
#define REDIRECT_LIFETIME_S	300

static struct ndp_dest *dest_find(struct ndp_ctx *ctx,
				  const struct ndp_ip6 *dst)
{
	unsigned int i;

	for (i = 0; i < NDP_MAX_DESTS; i++)
		if (ctx->dests[i].used && ndp_ip6_eq(&ctx->dests[i].dst, dst))
			return &ctx->dests[i];
	return NULL;
}

/* A free entry, else the one that ends first (counted). */
static struct ndp_dest *dest_alloc(struct ndp_ctx *ctx)
{
	struct ndp_dest *d, *old = &ctx->dests[0];
	unsigned int i;

	for (i = 0; i < NDP_MAX_DESTS; i++) {
		d = &ctx->dests[i];
		if (!d->used)
			return d;
		if (d->until < old->until)
			old = d;
	}
	ndp_count(ctx, NDP_STAT_REDIRECT_EVICTED);
	return old;
}

static void dest_forget(struct ndp_ctx *ctx, struct ndp_dest *d)
{
	d->used = false;
	ndp_table_changed(ctx, NDP_TABLE_DESTS);
}

/**
 * ndp_rx_redirect() - act on a valid Redirect (RFC 4861 8.3).
 * @ctx: the context
 * @now: current time
 * @rx: the message, valid by every rule of RFC 4861 8.1 (rx.c): from
 *	the current first hop for its Destination, Target link-local or the
 *	Destination
 * @o: its options
 * @out: unused
 *
 * The Destination's first hop becomes the Target for REDIRECT_LIFETIME_S.
 * A Target Link-Layer Address option creates or updates the Target's
 * neighbour entry (STALE when new or changed, 7.3.3); a Target other than
 * the Destination is a router (IsRouter set).
 */
void ndp_rx_redirect(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
		     const struct ndp_opts *o, struct ndp_out *out)
{
	struct ndp_ip6 target, dst;
	struct ndp_dest *d;

	ndp_ipaddr_of_cstruct(rx->l4 + 8, &target);
	ndp_ipaddr_of_cstruct(rx->l4 + 24, &dst);
	d = dest_find(ctx, &dst);
	if (!d) {
		d = dest_alloc(ctx);
		ndp_table_changed(ctx, NDP_TABLE_DESTS);
	}
	d->used = true;
	d->dst = dst;
	d->nh = target;
	d->rtr = rx->src;
	d->until = ndp_expiry(now, REDIRECT_LIFETIME_S);
	ndp_due(ctx, d->until);
	ndp_changed(ctx);
	ndp_count(ctx, ndp_ip6_eq(&target, &dst) ? NDP_STAT_REDIRECT_ONLINK :
						   NDP_STAT_REDIRECT_ROUTER);
	if (o->tlla)
		ndp_nbr_learn(ctx, now, &target, o->tlla,
			      !ndp_ip6_eq(&target, &dst));
}

/**
 * ndp_redirect_lookup() - the first hop a Redirect set for @dst.
 * @ctx: the context
 * @dst: the destination
 * @nh: the first hop, when there is one
 *
 * An entry past its time is used until the tick due then forgets it.
 *
 * Return: true with @nh set.
 */
bool ndp_redirect_lookup(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
			 struct ndp_ip6 *nh)
{
	unsigned int i;

	for (i = 0; i < NDP_MAX_DESTS; i++) {
		const struct ndp_dest *d = &ctx->dests[i];

		if (d->used && ndp_ip6_eq(&d->dst, dst)) {
			*nh = d->nh;
			return true;
		}
	}
	return false;
}

/**
 * ndp_redirect_forget() - forget what @ip no longer vouches for.
 * @ctx: the context
 * @ip: a neighbour whose reachability failed (@unreachable), or one that
 *	is no longer a router
 * @unreachable: which of the two
 *
 * A first hop that fails NUD takes its entries with it (RFC 4861 7.3.3:
 * the next packet picks a first hop again).  A router that leaves takes
 * the entries it redirected, and those that made it a better router; a
 * host that says it is none keeps the entries that have it on-link.
 */
void ndp_redirect_forget(struct ndp_ctx *ctx, const struct ndp_ip6 *ip,
			 bool unreachable)
{
	unsigned int i;
	bool gone;

	for (i = 0; i < NDP_MAX_DESTS; i++) {
		struct ndp_dest *d = &ctx->dests[i];

		if (!d->used)
			continue;
		if (unreachable)
			gone = ndp_ip6_eq(&d->nh, ip);
		else
			gone = ndp_ip6_eq(&d->rtr, ip) ||
			       (ndp_ip6_eq(&d->nh, ip) &&
				!ndp_ip6_eq(&d->nh, &d->dst));
		if (gone) {
			dest_forget(ctx, d);
			ndp_count(ctx, NDP_STAT_REDIRECT_FORGOTTEN);
		}
	}
}

/**
 * ndp_redirect_tick() - forget the entries whose time is over.
 * @ctx: the context
 * @now: current time
 */
void ndp_redirect_tick(struct ndp_ctx *ctx, s64 now)
{
	unsigned int i;

	for (i = 0; i < NDP_MAX_DESTS; i++) {
		if (ctx->dests[i].used && ctx->dests[i].until <= now) {
			dest_forget(ctx, &ctx->dests[i]);
			ndp_count(ctx, NDP_STAT_REDIRECT_EXPIRED);
		}
	}
}

/**
 * ndp_redirect_deadline() - the first end of an entry.
 * @ctx: the context
 *
 * Return: absolute time, NDP_TIME_NEVER if none.
 */
s64 ndp_redirect_deadline(const struct ndp_ctx *ctx)
{
	s64 t = NDP_TIME_NEVER;
	unsigned int i;

	for (i = 0; i < NDP_MAX_DESTS; i++)
		if (ctx->dests[i].used)
			t = min(t, ctx->dests[i].until);
	return t;
}

/**
 * ndp_redirect_next() - read the destination cache, one entry per call.
 * @ctx: the context
 * @now: current time (ns), for the remaining lifetimes
 * @pos: the cursor, 0 to begin; advanced
 * @ri: filled in
 *
 * Context: the caller serialises calls on @ctx.
 * Return: true with @ri filled, false past the last entry.
 */
bool ndp_redirect_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		       struct ndp_redirect_info *ri)
{
	const struct ndp_dest *d;

	for (; *pos < NDP_MAX_DESTS; (*pos)++) {
		d = &ctx->dests[*pos];
		if (!d->used)
			continue;
		memset(ri, 0, sizeof(*ri));
		ri->dst = d->dst;
		ri->nh = d->nh;
		ri->rtr = d->rtr;
		ri->lifetime_s = ndp_remaining_s(now, d->until);
		(*pos)++;
		return true;
	}
	return false;
}
