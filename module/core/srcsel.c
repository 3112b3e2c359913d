// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: source address selection (RFC 6724 section 5) among our
 * usable addresses.
 */
#include "ndp_private.h"

/*
 * The default policy table of RFC 6724 2.1, longest prefix first so that
 * the first match is the longest: only the labels (rule 6); precedence is
 * for destination address selection, which is the caller's.
 */
static const struct {
	struct ndp_ip6 pfx;
	u8 plen;
	u8 label;
} policy_table[] = {
	{ { .b = { [15] = 1 } }, 128, 0 },			/* ::1 */
	{ { .b = { [10] = 0xff, [11] = 0xff } }, 96, 4 },	/* ::ffff:0:0 */
	{ { .b = { 0 } }, 96, 3 },				/* :: (v4-compat) */
	{ { .b = { 0x20, 0x01 } }, 32, 5 },			/* Teredo */
	{ { .b = { 0x20, 0x02 } }, 16, 2 },			/* 6to4 */
	{ { .b = { 0x3f, 0xfe } }, 16, 12 },			/* 6bone */
	{ { .b = { 0xfe, 0xc0 } }, 10, 11 },			/* site-local */
	{ { .b = { 0xfc } }, 7, 13 },				/* ULA */
	{ { .b = { 0 } }, 0, 1 },				/* ::/0 */
};

static u8 policy_label(const struct ndp_ip6 *a)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(policy_table) - 1; i++)
		if (ndp_prefix_match(a, &policy_table[i].pfx,
				     policy_table[i].plen))
			return policy_table[i].label;
	return policy_table[ARRAY_SIZE(policy_table) - 1].label;
}

/*
 * Is @a a better source than @b for @dst (whose label is @dst_label)?
 * RFC 6724 section 5's rules 1, 2, 3, 6 and 8 in order; why not the
 * others: core.rst, "Source address selection".
 */
static bool better_source(const struct ndp_addr *a, const struct ndp_addr *b,
			  const struct ndp_ip6 *dst, u8 dst_label)
{
	unsigned int sa = ndp_ip6_scope(&a->ip), sb = ndp_ip6_scope(&b->ip);
	unsigned int sd = ndp_ip6_scope(dst);
	unsigned int pa = a->plen, pb = b->plen;
	/* an optimistic address counts as deprecated (RFC 4429 3.1) */
	bool prefa = a->state == NDP_ADDR_PREFERRED;
	bool prefb = b->state == NDP_ADDR_PREFERRED;
	bool la, lb;
	unsigned int ca, cb;

	/* rule 1: the destination itself */
	if (ndp_ip6_eq(&a->ip, dst))
		return true;
	if (ndp_ip6_eq(&b->ip, dst))
		return false;
	/* rule 2: appropriate scope */
	if (sa < sb)
		return sa >= sd;
	if (sb < sa)
		return sb < sd;
	/* rule 3: avoid deprecated */
	if (prefa != prefb)
		return prefa;
	/* rule 6: the label of the destination (RFC 6724 2.1 table) */
	la = policy_label(&a->ip) == dst_label;
	lb = policy_label(&b->ip) == dst_label;
	if (la != lb)
		return la;
	/* rule 8: longest matching prefix, up to the source's prefix */
	ca = min(ndp_common_prefix_len(&a->ip, dst), pa);
	cb = min(ndp_common_prefix_len(&b->ip, dst), pb);
	return ca > cb;
}

/**
 * ndp_select_source() - Mirage's select_source (RFC 6724 section 5).
 * @ctx: the context
 * @dst: the destination
 * @src: the chosen source
 *
 * Rules 1 (same address), 2 (appropriate scope), 3 (avoid deprecated), 6
 * (matching label, with the default policy table of RFC 6724 2.1: a Teredo
 * 2001::/32 or 6to4 2002::/16 source only for a destination of its kind)
 * and 8 (longest matching prefix), in that order; the others cannot apply
 * (see better_source()).  Tentative and duplicate addresses are never
 * chosen; ties go to the older table slot.
 *
 * Context: the caller serialises calls on @ctx.
 * Return: 0, or -ENOENT if no address is usable.
 */
int ndp_select_source(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
		      struct ndp_ip6 *src)
{
	const struct ndp_addr *best = NULL;
	u8 dst_label = policy_label(dst);
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		const struct ndp_addr *a = &ctx->addrs[i];

		if (!ndp_addr_usable(a))
			continue;
		if (!best || better_source(a, best, dst, dst_label))
			best = a;
	}
	if (!best)
		return -ENOENT;
	*src = best->ip;
	return 0;
}
