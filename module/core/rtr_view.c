// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: reading the default router list and the prefix list (rtr.c
 * keeps them): Mirage's get_routers and get_prefix, and the walks the
 * kernel glue's netlink dumps use.
 */
#include "ndp_private.h"

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
		ri->pref = r->pref;
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
