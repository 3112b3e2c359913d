// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: stateless address autoconfiguration (RFC 4862 5.5.3): the
 * address a Prefix Information Option with A=1 makes or updates.
 */
#include "ndp_private.h"

/* The SLAAC addresses @rtr's RAs made. */
static unsigned int slaac_count_of(const struct ndp_ctx *ctx,
				   const struct ndp_ip6 *rtr)
{
	const struct ndp_addr *a;
	unsigned int i, n = 0;

	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		a = &ctx->addrs[i];
		n += a->used && a->origin == NDP_ORIGIN_SLAAC &&
		     ndp_ip6_eq(&a->rtr, rtr);
	}
	return n;
}

/* The SLAAC address in the /64 @pfx, whatever identifier it was given. */
static struct ndp_addr *slaac_find(struct ndp_ctx *ctx,
				   const struct ndp_ip6 *pfx)
{
	struct ndp_addr *a;
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		a = &ctx->addrs[i];
		if (a->used && a->origin == NDP_ORIGIN_SLAAC &&
		    !memcmp(a->ip.b, pfx->b, 8))
			return a;
	}
	return NULL;
}

/**
 * ndp_addr_slaac() - a PIO with A=1 (RFC 4862 5.5.3 d, e).
 * @ctx: the context
 * @now: current time (ns)
 * @rtr: the router whose RA it came in
 * @pfx: the prefix (rtr.c checked: not link-local)
 * @valid_s: valid lifetime (s)
 * @preferred_s: preferred lifetime (s), not above @valid_s
 * @out: output
 *
 * The prefix must be a /64 (Ethernet interface identifiers are 64 bits).
 * A new prefix makes a tentative address of prefix + our interface
 * identifier (iid.c); a known one updates its lifetimes by the two-hour
 * rule.  Nothing at all
 * once IP operation is disabled (the EUI-64 link-local address was a
 * duplicate, see addr.c's ip_disable()).  A router makes at most its
 * share of the table (SLAAC_ROUTER_SHARE); a full table makes room only
 * for a trusted router (ndp_addr_add()).
 *
 * Return: 0, or the error of ndp_addr_add() for a new address (-ENOSPC:
 * no room).
 */
int ndp_addr_slaac(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *rtr,
		   const struct ndp_prefix *pfx, u32 valid_s, u32 preferred_s,
		   struct ndp_out *out)
{
	struct ndp_ip6 ip = pfx->addr;
	s64 valid_until, preferred_until;
	struct ndp_addr *a;
	u32 remaining;

	if (pfx->len != 64) {
		ndp_count(ctx, NDP_STAT_PIO_BAD_PLEN);
		return 0;
	}
	if (ctx->ip_disabled) {		/* our identifier is someone else's */
		ndp_count(ctx, NDP_STAT_SLAAC_IP_DISABLED);
		return 0;
	}
	a = slaac_find(ctx, &ip);
	if (!a) {
		u8 counter = 0;

		if (!valid_s)
			return 0;
		/* one of ours (a manual one) has the address: nothing to do */
		ndp_iid_make(ctx, &ip, &counter);
		if (ndp_addr_find(ctx, &ip))
			return 0;
		if (ndp_rtr_has_share(slaac_count_of(ctx, rtr),
				      ctx->cfg.max_addrs)) {
			ndp_count(ctx, NDP_STAT_SLAAC_ROUTER_SHARE);
			return 0;
		}
		return ndp_addr_add_iid(ctx, now, &ip, NDP_ORIGIN_SLAAC, rtr,
					0, valid_s, preferred_s, out);
	}
	if (a->origin != NDP_ORIGIN_SLAAC || a->state == NDP_ADDR_DUPLICATE)
		return 0;
	if (!ndp_rtr_trusted(ctx, &a->rtr) && ndp_rtr_trusted(ctx, rtr))
		a->rtr = *rtr;		/* it holds its place from now on */
	/* e) the two-hour rule guards the valid lifetime */
	valid_until = a->valid_until;
	remaining = ndp_remaining_s(now, a->valid_until);
	if (valid_s > NDP_TWO_HOURS_S || valid_s > remaining)
		valid_until = ndp_expiry(now, valid_s);
	else if (remaining > NDP_TWO_HOURS_S)
		valid_until = ndp_expiry(now, NDP_TWO_HOURS_S);
	preferred_until = min(ndp_expiry(now, preferred_s), valid_until);
	if (valid_until == a->valid_until &&
	    preferred_until == a->preferred_until)
		return 0;
	a->valid_until = valid_until;
	a->preferred_until = preferred_until;
	ndp_due(ctx, preferred_until);	/* <= valid_until */
	if (preferred_until > now) {
		if (a->state == NDP_ADDR_DEPRECATED)
			a->state = NDP_ADDR_PREFERRED;
		if (a->optimistic && a->held == NDP_ADDR_DEPRECATED)
			a->held = NDP_ADDR_PREFERRED;
	}
	if (ndp_addr_usable(a))
		ndp_addr_note(out, NDP_NOTE_ADDR_UPDATE, a, now);
	ndp_changed(ctx);
	return 0;
}
