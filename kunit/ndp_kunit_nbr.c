// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture of the neighbour cache's suites: see ndp_kunit_nbr.h.
 */
#include "ndp_kunit_nbr.h"

const u8 nt_mac_a[NDP_ETH_ALEN] = { 0x02, 0xbb, 0, 0, 0, 0x02 };
const u8 nt_mac_b[NDP_ETH_ALEN] = { 0x02, 0xbb, 0, 0, 0, 0x99 };
const u8 nt_mac_r[NDP_ETH_ALEN] = { 0x02, 0xaa, 0, 0, 0, 0x01 };

struct nt *nt_alloc(struct kunit *test)
{
	struct nt *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	t->test = test;
	t->ll = ndp_kt_ip(test, "fe80::ff:fe00:1");
	t->a = ndp_kt_ip(test, "fe80::2");
	t->b = ndp_kt_ip(test, "fe80::3");
	t->c = ndp_kt_ip(test, "fe80::4");
	return t;
}

struct nt *nt_up(struct kunit *test, const struct ndp_config *cfg)
{
	struct nt *t = nt_alloc(test);

	ndp_kt_init(test, &t->k, cfg);
	ndp_kt_run_until(&t->k, t->k.now + SEC(3));
	KUNIT_ASSERT_TRUE(test, ndp_addr_is_ours(t->k.ctx, &t->ll));
	return t;
}

void nt_reset(struct nt *t)
{
	ndp_out_reset(t->k.out);
	ndp_kt_snap(&t->k);
}

struct ndp_pkt *nt_pkt(struct nt *t, int i, const struct ndp_ip6 *dst,
		       const struct ndp_ip6 *src)
{
	return ndp_kt_cpkt(&t->k, &t->pkt[i], dst, src, i);
}

void nt_send(struct nt *t, int i, const struct ndp_ip6 *dst)
{
	ndp_kt_send(&t->k, nt_pkt(t, i, dst, NULL));
}

int nt_txd(struct nt *t, int i)
{
	const struct ndp_tx *tx = ndp_kt_txd(&t->k, &t->pkt[i]);

	return tx ? tx - t->k.out->tx : -1;
}

u32 nt_txd_ids(struct nt *t, int *ids, u32 max)
{
	u32 k, n = 0;
	int i;

	for (k = 0; k < t->k.out->n_tx && n < max; k++)
		for (i = 0; i < NT_PKTS; i++)
			if (t->k.out->tx[k].handle == &t->pkt[i])
				ids[n++] = i;
	return n;
}

void nt_expect_txd(struct nt *t, int i, const u8 *mac)
{
	int k = nt_txd(t, i);
	const struct ndp_tx *tx;

	KUNIT_ASSERT_GE_MSG(t->test, k, 0, "packet %d not sent", i);
	tx = &t->k.out->tx[k];
	KUNIT_EXPECT_PTR_EQ(t->test, tx->frame,
			    t->pkt[i].pkt.data - NDP_ETH_HLEN);
	KUNIT_EXPECT_EQ(t->test, tx->len,
			(u32)(NDP_KT_CPKT_LEN + NDP_ETH_HLEN));
	KUNIT_EXPECT_EQ(t->test, memcmp(tx->frame, mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(tx->frame + 6, t->k.mac,
					NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(t->test, ndp_get16(tx->frame + 12), 0x86dd);
}

void nt_ns_in(struct nt *t, const struct ndp_ip6 *src,
	      const struct ndp_ip6 *dst, const struct ndp_ip6 *target,
	      const u8 *slla)
{
	ndp_kt_handle(&t->k, ndp_kt_ns(&t->k, src, dst, target, slla));
}

void nt_na_in(struct nt *t, const struct ndp_ip6 *target, u8 flags,
	      const u8 *tlla)
{
	ndp_kt_handle(&t->k, ndp_kt_na(&t->k, target, &t->ll, target, flags,
				       tlla));
}

void nt_ra_in(struct nt *t, const struct ndp_ip6 *src, u16 lifetime_s,
	      const u8 *slla)
{
	struct kt_ra r;

	ra_begin(&r, 64, lifetime_s, 0, 0);
	ra_slla(&r, slla);
	ndp_kt_handle(&t->k, ra_build(&t->k, &r, src));
	/* last: a packet of an entry evicted for it may come back first */
	KUNIT_ASSERT_GT(t->test, t->k.out->n_done, 0U);
	KUNIT_EXPECT_EQ(t->test, t->k.out->done[t->k.out->n_done - 1].reason,
			NDP_DONE_CONSUMED);
}

int nt_nth(struct nt *t, int type, u32 nth)
{
	u32 k;

	for (k = 0; k < t->k.out->n_tx; k++)
		if (ndp_kt_tx_icmp_type(&t->k, k) == type && !nth--)
			return k;
	return -1;
}

/*
 * Output frame @k is an ND message @type from @src to @dst (Ethernet @eth)
 * about @target, 32 bytes with our link-layer address in option @opt:
 * every byte but the 4 after the checksum, which the caller checks in the
 * message returned.
 */
static const u8 *nt_expect_nd(struct nt *t, int k, const struct ndp_ip6 *src,
			      const struct ndp_ip6 *dst, const u8 *eth,
			      u8 type, const struct ndp_ip6 *target, u8 opt)
{
	const u8 *ip6, *m;
	u32 len;

	KUNIT_ASSERT_GE(t->test, k, 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(t->k.out->tx[k].frame, eth, 6), 0);
	ip6 = ndp_kt_tx_ip6(&t->k, k);
	m = ndp_kt_tx_icmp(&t->k, k, &len);
	KUNIT_ASSERT_NOT_NULL(t->test, m);
	KUNIT_EXPECT_EQ(t->test, ip6[7], 255);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 8, src->b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 24, dst->b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, len, 32U);
	KUNIT_EXPECT_EQ(t->test, m[0], type);
	KUNIT_EXPECT_EQ(t->test, m[1], 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(m + 8, target->b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, m[24], opt);
	KUNIT_EXPECT_EQ(t->test, m[25], 1);
	KUNIT_EXPECT_EQ(t->test, memcmp(m + 26, t->k.mac, 6), 0);
	return m;
}

void nt_expect_ns(struct nt *t, int k, const struct ndp_ip6 *src,
		  const struct ndp_ip6 *dst, const u8 *eth,
		  const struct ndp_ip6 *target)
{
	const u8 *m = nt_expect_nd(t, k, src, dst, eth, NDP_ICMP_NS, target,
				   NDP_OPT_SLLA);

	KUNIT_EXPECT_EQ(t->test, ndp_get32(m + 4), 0U);
}

void nt_expect_na(struct nt *t, int k, const struct ndp_ip6 *dst,
		  const u8 *eth, u8 flags)
{
	const u8 *m = nt_expect_nd(t, k, &t->ll, dst, eth, NDP_ICMP_NA,
				   &t->ll, NDP_OPT_TLLA);

	KUNIT_EXPECT_EQ(t->test, m[4], flags);
}

u8 nt_state(struct nt *t, const struct ndp_ip6 *ip)
{
	struct ndp_nbr_info ni;

	if (ndp_nbr_lookup(nt_ctx(t), ip, &ni))
		return NDP_NUD_NONE;
	return ni.state;
}

void nt_make_incomplete(struct nt *t, const struct ndp_ip6 *ip)
{
	u8 mac[NDP_ETH_ALEN];

	nt_reset(t);
	KUNIT_ASSERT_EQ(t->test, ndp_resolve(nt_ctx(t), t->k.now, ip, mac,
					     t->k.out), -EAGAIN);
	KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_INCOMPLETE);
}

void nt_make_reachable(struct nt *t, const struct ndp_ip6 *ip,
		       const u8 *mac)
{
	nt_make_incomplete(t, ip);
	nt_na_in(t, ip, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac);
	KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_REACHABLE);
}

void nt_make_stale(struct nt *t, const struct ndp_ip6 *ip,
		   const u8 *mac)
{
	nt_ns_in(t, ip, &t->ll, &t->ll, mac);
	KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_STALE);
}

void nt_make_delay(struct nt *t, const struct ndp_ip6 *ip,
		   const u8 *mac)
{
	nt_make_stale(t, ip, mac);
	nt_send(t, NT_PKTS - 1, ip);
	KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_DELAY);
}

void nt_make_probe(struct nt *t, const struct ndp_ip6 *ip,
		   const u8 *mac)
{
	nt_make_delay(t, ip, mac);
	nt_tick(t, t->k.now + MSEC(t->k.cfg.delay_first_probe_ms));
	KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_PROBE);
}

void nt_check_heap(struct kunit *test, const struct ndp_ctx *ctx)
{
	s64 earliest = NDP_TIME_NEVER;
	u32 i, timers = 0, p;

	for (i = 0; i < ctx->cfg.max_nbrs; i++) {
		const struct ndp_nbr *n = &ctx->nbrs[i];

		if (n->state == NDP_NUD_NONE)
			continue;
		if (n->timer == NDP_TIME_NEVER) {
			KUNIT_EXPECT_EQ(test, n->heap_pos, NDP_NIL);
			continue;
		}
		timers++;
		earliest = min(earliest, n->timer);
		KUNIT_ASSERT_LT(test, n->heap_pos, ctx->heap_len);
		KUNIT_EXPECT_EQ(test, ctx->heap[n->heap_pos], i);
	}
	KUNIT_EXPECT_EQ(test, ctx->heap_len, timers);
	for (p = 1; p < ctx->heap_len; p++)
		KUNIT_EXPECT_LE(test, ctx->nbrs[ctx->heap[(p - 1) / 2]].timer,
				ctx->nbrs[ctx->heap[p]].timer);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(ctx), earliest);
}

void nt_expect_pending(struct nt *t, int k, int type)
{
	static const u8 zero[NDP_ETH_ALEN];

	KUNIT_ASSERT_GE(t->test, k, 0);
	KUNIT_EXPECT_EQ(t->test, ndp_kt_tx_icmp_type(&t->k, k), type);
	KUNIT_EXPECT_EQ(t->test, t->k.out->tx[k].flags, (u32)NDP_TX_RESOLVE);
	KUNIT_EXPECT_PTR_EQ(t->test, t->k.out->tx[k].handle, NULL);
	KUNIT_EXPECT_EQ(t->test, memcmp(t->k.out->tx[k].frame, zero, 6), 0);
}
