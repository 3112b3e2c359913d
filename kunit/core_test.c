// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_core: whole scenarios through the public API only (a
 * host's first seconds on a link with a router, a router that dies, a
 * duplicate address), and one case per known defect of Mirage's Ndpv6,
 * proving ndpv6 does not have it.
 */
#include "ndp_kunit_rtr.h"

static const u8 peer_mac[NDP_ETH_ALEN] = { 0x02, 0xbb, 0, 0, 0, 0x01 };

/* Feed an RA from @src: router lifetime, one PIO (plen/flags), SLLA. */
static void kt_ra(struct ndp_kt *t, const struct ndp_ip6 *src, const u8 *mac,
		  u16 lifetime_s, const struct ndp_ip6 *pfx, u8 plen, u8 flags,
		  u32 valid_s, u32 preferred_s)
{
	struct kt_ra r;

	ra_begin(&r, 64, lifetime_s, 0, 0);
	if (mac)
		ra_slla(&r, mac);
	if (pfx)
		ra_pio(&r, pfx, plen, flags, valid_s, preferred_s);
	ndp_kt_handle(t, ra_build(t, &r, src));
}

/* An NA from @src for itself with flags and TLLA @mac. */
static void kt_na(struct ndp_kt *t, const struct ndp_ip6 *src,
		  const struct ndp_ip6 *dst, const u8 *mac, u8 flags)
{
	ndp_kt_handle(t, ndp_kt_na(t, src, dst, src, flags, mac));
}

/* Bring the fixture's link-local address through DAD. */
static void kt_up(struct ndp_kt *t)
{
	struct ndp_ip6 ll = ndp_kt_ip(t->test, "fe80::ff:fe00:1");

	ndp_kt_run_until(t, t->now + SEC(3));
	KUNIT_ASSERT_TRUE(t->test, ndp_kt_has_ip(t, &ll));
}

/* -------------------------------------------------------- scenarios */

/* A host's first ten seconds on a link with a router. */
static void first_ten_seconds(struct kunit *test)
{
	struct ndp_kt t;
	struct ndp_ip6 ll, rtr, pfx, slaac, far;
	struct ndp_kt_cpkt p;
	const struct ndp_tx *tx;
	u32 mld, ns, rs;

	ndp_kt_init(test, &t, NULL);
	ll = ndp_kt_ip(test, "fe80::ff:fe00:1");
	rtr = ndp_kt_ip(test, "fe80::1");
	pfx = ndp_kt_ip(test, "2001:db8:1::");
	slaac = ndp_kt_ip(test, "2001:db8:1::ff:fe00:1");
	far = ndp_kt_ip(test, "2001:db8:2::5");

	/* local: nothing leaves yet, everything is due within the delay */
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(t.ctx), t.now + SEC(1));
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &ll));

	ndp_kt_run_until(&t, SEC(3));
	mld = t.seen[NDP_ICMP_MLD2_REPORT];
	ns = t.seen[NDP_ICMP_NS];
	rs = t.seen[NDP_ICMP_RS];
	KUNIT_EXPECT_GE(test, mld, 1U);
	KUNIT_EXPECT_EQ(test, ns, 1U);		/* one DAD NS */
	KUNIT_EXPECT_EQ(test, rs, 1U);		/* first RS; next at +4 s */
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &ll));

	kt_ra(&t, &rtr, rtr1_mac, 1800, &pfx, 64,
	      NDP_PIO_FLAG_L | NDP_PIO_FLAG_A, 86400, 14400);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RX_ND), 1ULL);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &pfx), 64);

	ndp_kt_run_until(&t, SEC(10));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_RS], 0U);	/* RA stopped RS */
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &slaac));

	/* off-link traffic leaves at once via the router's known MAC */
	ndp_kt_send(&t, ndp_kt_cpkt(&t, &p, &far, NULL, 0));
	tx = ndp_kt_txd(&t, &p);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, memcmp(tx->frame, rtr1_mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, memcmp(tx->frame + 6, t.mac, NDP_ETH_ALEN), 0);
	/* and from the SLAAC address (RFC 6724 rule 2/8) */
	KUNIT_EXPECT_EQ(test, memcmp(tx->frame + NDP_ETH_HLEN + 8, slaac.b, 16),
			0);
}

/* A router that dies: probes fail, traffic moves to the other router. */
static void router_dies(struct kunit *test)
{
	struct ndp_ip6 r1, r2, far;
	u8 first_mac[NDP_ETH_ALEN];
	struct ndp_kt_cpkt p1, p2;
	const struct ndp_tx *tx;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	r1 = ndp_kt_ip(test, "fe80::1");
	r2 = ndp_kt_ip(test, "fe80::2");
	far = ndp_kt_ip(test, "2001:db8:2::5");
	kt_up(&t);
	kt_ra(&t, &r1, rtr1_mac, 1800, NULL, 0, 0, 0, 0);
	/* r1 confirmed reachable */
	kt_na(&t, &r1, &ndp_all_nodes, rtr1_mac, NDP_NA_FLAG_R | NDP_NA_FLAG_O);
	kt_ra(&t, &r2, rtr2_mac, 1800, NULL, 0, 0, 0, 0);

	/* traffic goes somewhere; make r1 the one in use */
	ndp_kt_send(&t, ndp_kt_cpkt(&t, &p1, &far, NULL, 0));
	tx = ndp_kt_txd(&t, &p1);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	memcpy(first_mac, tx->frame, NDP_ETH_ALEN);

	/* nobody answers probes for 60 s: NUD fails for whichever was used */
	ndp_kt_run_until(&t, t.now + SEC(60));
	KUNIT_EXPECT_GE(test, t.seen[NDP_ICMP_NS], 3U);
	KUNIT_EXPECT_GE(test, ndp_stats(t.ctx)[NDP_STAT_NBR_FAILED], 1ULL);

	/* both still listed (lifetimes) but traffic still finds a way out */
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_router(&t, &r1));
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_router(&t, &r2));
	ndp_kt_send(&t, ndp_kt_cpkt(&t, &p2, &far, NULL, 0));
	/* ... at once, through the router not known to be unreachable */
	tx = ndp_kt_txd(&t, &p2);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_NE(test, memcmp(tx->frame, first_mac, NDP_ETH_ALEN), 0);
}

/* A duplicate address: add_ip, another node answers, the caller is told. */
static void duplicate_address(struct kunit *test)
{
	struct ndp_ip6 a, sn, peer;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	a = ndp_kt_ip(test, "2001:db8::1");
	peer = ndp_kt_ip(test, "fe80::bb");
	kt_up(&t);
	ndp_out_reset(t.out);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &a, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &a));
	t.now += MSEC(10);
	/* the other owner answers our DAD NS */
	kt_na(&t, &a, &ndp_all_nodes, peer_mac, NDP_NA_FLAG_O);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_DAD_FAILED, &a));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &a));

	/* an NS for it is not answered */
	ndp_solicited_node(&a, &sn);
	ndp_kt_handle(&t, ndp_kt_ns(&t, &peer, &sn, &a, peer_mac));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_NA), 0U);
}

/*
 * The cable pulled and plugged back: nothing leaves while the link is
 * down (the RS and Report repeats that fall due wait), a REACHABLE
 * neighbour becomes STALE when it is back (it may be gone: the next
 * packet to it starts NUD, RFC 4861 7.3.3), and the link-local address
 * runs DAD again while staying usable.
 */
static void link_lost_and_back(struct kunit *test)
{
	struct ndp_ip6 ll, peer;
	struct ndp_nbr_info ni;
	struct ndp_kt_cpkt p;
	const struct ndp_tx *tx;
	struct ndp_kt t;
	s64 t_up;

	ndp_kt_init(test, &t, NULL);
	ll = ndp_kt_ip(test, "fe80::ff:fe00:1");
	peer = ndp_kt_ip(test, "fe80::bb");
	kt_up(&t);
	ndp_kt_send(&t, ndp_kt_cpkt(&t, &p, &peer, NULL, 0));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_NS), 1U);
	kt_na(&t, &peer, &ll, peer_mac, NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	KUNIT_ASSERT_NOT_NULL(test, ndp_kt_txd(&t, &p));
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(t.ctx, &peer, &ni), 0);
	KUNIT_ASSERT_EQ(test, ni.state, NDP_NUD_REACHABLE);

	ndp_out_reset(t.out);
	ndp_link_change(t.ctx, t.now, false, t.out);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	/* the second RS (due about 4 s after start) does not leave */
	ndp_kt_run_until(&t, t.now + SEC(3));
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &ll));
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(t.ctx, &peer, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_REACHABLE);

	t_up = t.now;
	ndp_out_reset(t.out);
	ndp_link_change(t.ctx, t.now, true, t.out);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(t.ctx, &peer, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, memcmp(ni.mac, peer_mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &ll));
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t_up + SEC(1));

	/* traffic to it leaves at once, and NUD checks it (DELAY, PROBE) */
	ndp_kt_send(&t, ndp_kt_cpkt(&t, &p, &peer, NULL, 0));
	tx = ndp_kt_txd(&t, &p);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, memcmp(tx->frame, peer_mac, NDP_ETH_ALEN), 0);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(t.ctx, &peer, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_DELAY);
	ndp_kt_run_until(&t, t.now + SEC(6));
	KUNIT_EXPECT_GE(test, t.seen[NDP_ICMP_RS], 1U);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(t.ctx, &peer, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_PROBE);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &ll));
}

/* How many cache entries are in @state. */
static u32 kt_count_nud(struct ndp_kt *t, u8 state)
{
	struct ndp_nbr_info ni;
	u32 pos = 0, n = 0;

	while (ndp_nbr_next(t->ctx, &pos, &ni))
		n += ni.state == state;
	return n;
}

/* Neighbour @k of kt_up_nbrs(): fe80::1:<k>, MAC 02:cc:00:00:<k>. */
static void kt_nbr_k(struct kunit *test, u32 k, struct ndp_ip6 *ip, u8 *mac)
{
	static const u8 base[NDP_ETH_ALEN] = { 0x02, 0xcc };

	*ip = ndp_kt_ip(test, "fe80::1:0");
	ip->b[14] = (u8)(k >> 8);
	ip->b[15] = (u8)k;
	memcpy(mac, base, NDP_ETH_ALEN);
	mac[4] = (u8)(k >> 8);
	mac[5] = (u8)k;
}

/*
 * A context of 4096 neighbour slots, RS off, its link-local address valid,
 * and neighbours 0..@n-1 learned from their NS (STALE in slots 0..@n-1);
 * those from @reachable_from on confirmed by a solicited NA (REACHABLE).
 */
static void kt_up_nbrs(struct kunit *test, struct ndp_kt *t, u32 n,
		       u32 reachable_from)
{
	struct ndp_ip6 sn, ip;
	struct ndp_config cfg;
	u8 mac[NDP_ETH_ALEN];
	u32 k;

	ndp_config_default(&cfg);
	cfg.max_nbrs = 4096;
	cfg.rtr_solicits = 0;
	ndp_kt_init(test, t, &cfg);
	ndp_solicited_node(&ndp_kt_ll, &sn);
	kt_up(t);
	for (k = 0; k < n; k++) {
		kt_nbr_k(test, k, &ip, mac);
		ndp_kt_handle(t, ndp_kt_ns(t, &ip, &sn, &ndp_kt_ll, mac));
		if (k >= reachable_from)
			kt_na(t, &ip, &ndp_kt_ll, mac,
			      NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	}
}

/*
 * Many REACHABLE neighbours when the link comes back: a call visits at
 * most 1024 slots (here all REACHABLE, so 1024 become STALE), the rest in
 * ticks that are due at once; one confirmed after the link came back
 * stays REACHABLE.
 */
static void link_back_many_neighbours(struct kunit *test)
{
	u8 mac[NDP_ETH_ALEN];
	struct ndp_kt t;
	struct ndp_ip6 ip;
	s64 t_up;

	kt_up_nbrs(test, &t, 3000, 0);
	KUNIT_ASSERT_EQ(test, kt_count_nud(&t, NDP_NUD_REACHABLE), 3000U);

	ndp_out_reset(t.out);
	ndp_link_change(t.ctx, t.now, false, t.out);
	t.now += SEC(1);
	t_up = t.now;
	ndp_link_change(t.ctx, t.now, true, t.out);
	KUNIT_EXPECT_EQ(test, kt_count_nud(&t, NDP_NUD_STALE), 1024U);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t_up);
	/* the last one answers after the link came back */
	t.now += 1;
	kt_nbr_k(test, 2999, &ip, mac);
	kt_na(&t, &ip, &ndp_kt_ll, mac, NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	ndp_kt_tick(&t, t.now);
	KUNIT_EXPECT_EQ(test, kt_count_nud(&t, NDP_NUD_STALE), 2048U);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(t.ctx), t.now);
	ndp_kt_tick(&t, t.now);
	KUNIT_EXPECT_EQ(test, kt_count_nud(&t, NDP_NUD_STALE), 2999U);
	KUNIT_EXPECT_EQ(test, kt_count_nud(&t, NDP_NUD_REACHABLE), 1U);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	/* slots 3072..4095, empty: 1024 slots a call, changed or not */
	KUNIT_EXPECT_LE(test, ndp_next_deadline(t.ctx), t.now);
	ndp_kt_tick(&t, t.now);
	/* the walk is over: nothing of it is due any more */
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t.ctx), t.now);
	ndp_kt_run_until(&t, t.now + SEC(2));
}

/*
 * The walk after the link came back visits at most 1024 slots a call, not
 * 1024 changed entries: with the REACHABLE entries behind 1200 STALE ones
 * the first call changes none of them (it used to walk the whole table).
 */
static void link_back_walk_bounded_by_slots(struct kunit *test)
{
	unsigned int calls;
	struct ndp_kt t;

	/* slots 0..1199 STALE (NS only), 1200..1299 REACHABLE (NS, NA) */
	kt_up_nbrs(test, &t, 1300, 1200);
	KUNIT_ASSERT_EQ(test, kt_count_nud(&t, NDP_NUD_REACHABLE), 100U);
	KUNIT_ASSERT_EQ(test, kt_count_nud(&t, NDP_NUD_STALE), 1200U);

	ndp_out_reset(t.out);
	ndp_link_change(t.ctx, t.now, false, t.out);
	t.now += SEC(1);
	ndp_link_change(t.ctx, t.now, true, t.out);
	KUNIT_EXPECT_EQ(test, t.ctx->stale_next, 1024U);
	KUNIT_EXPECT_EQ(test, kt_count_nud(&t, NDP_NUD_REACHABLE), 100U);
	/* 4096 slots: three more calls, each due at once */
	for (calls = 1; calls < 10 && ndp_next_deadline(t.ctx) <= t.now;
	     calls++) {
		ndp_kt_tick(&t, t.now);
		KUNIT_EXPECT_LE(test, t.ctx->stale_next, 1024U * (calls + 1));
	}
	KUNIT_EXPECT_EQ(test, calls, 4U);
	KUNIT_EXPECT_EQ(test, kt_count_nud(&t, NDP_NUD_REACHABLE), 0U);
	KUNIT_EXPECT_EQ(test, kt_count_nud(&t, NDP_NUD_STALE), 1300U);
}

/*
 * ndp_prepare() on memory full of junk, then ndp_start(), makes the same
 * context as ndp_local(): the same frames, byte for byte, for the same
 * randomness and times.  (The glue clears the context with the first
 * before it takes its lock, and starts it under the lock.)
 */
static void prepare_then_start_is_local(struct kunit *test)
{
	static const u8 mcast_mac[NDP_ETH_ALEN] = { 0x03, 0, 0, 0, 0, 1 };
	struct ndp_kt a, b;
	size_t size;
	u64 rng0;
	u32 i, la, lb, frames = 0;
	s64 t, end;

	ndp_kt_init(test, &a, NULL);
	ndp_kt_init(test, &b, NULL);
	size = ndp_ctx_size(&b.cfg);
	KUNIT_EXPECT_NULL(test, ndp_prepare(b.ctx, size - 1, &b.cfg));
	memset(b.ctx, 0xa5, size);
	KUNIT_ASSERT_PTR_EQ(test, ndp_prepare(b.ctx, size, &b.cfg), b.ctx);
	KUNIT_EXPECT_NULL(test, ndp_start(b.ctx, mcast_mac, b.now,
					  ndp_kt_random, &b, b.out));
	KUNIT_EXPECT_NULL(test, ndp_start(b.ctx, b.mac, b.now, NULL, &b,
					  b.out));
	/* the same randomness as a's ndp_local() had */
	rng0 = 0x9e3779b97f4a7c15ULL;
	b.rng = rng0;
	ndp_out_reset(b.out);
	KUNIT_ASSERT_PTR_EQ(test, ndp_start(b.ctx, b.mac, b.now, ndp_kt_random,
					    &b, b.out), b.ctx);
	KUNIT_EXPECT_EQ(test, a.rng, b.rng);
	KUNIT_EXPECT_EQ(test, b.out->n_notes, a.out->n_notes);
	for (t = a.now, end = a.now + SEC(10); t < end; t += MSEC(50)) {
		ndp_kt_tick(&a, t);
		ndp_kt_tick(&b, t);
		KUNIT_ASSERT_EQ(test, a.out->n_tx, b.out->n_tx);
		for (i = 0; i < a.out->n_tx; i++) {
			la = a.out->tx[i].len;
			lb = b.out->tx[i].len;
			KUNIT_ASSERT_EQ(test, la, lb);
			KUNIT_EXPECT_EQ(test, memcmp(a.out->tx[i].frame,
						     b.out->tx[i].frame, la),
					0);
			frames++;
		}
	}
	/* DAD NS, RS, MLD reports at least */
	KUNIT_EXPECT_GE(test, frames, 3U);
	KUNIT_EXPECT_EQ(test, memcmp(ndp_stats(a.ctx), ndp_stats(b.ctx),
				     sizeof(u64) * NDP_STAT_MAX), 0);
}

/* Each table's generation now, in @g[NDP_TABLE_MAX]. */
static void kt_gens(struct ndp_kt *t, u32 *g)
{
	int i;

	for (i = 0; i < NDP_TABLE_MAX; i++)
		g[i] = ndp_table_generation(t->ctx, i);
}

/* How many tables' generations moved since @g; which one in *@which. */
static int kt_gens_moved(struct ndp_kt *t, const u32 *g, int *which)
{
	int i, n = 0;

	for (i = 0; i < NDP_TABLE_MAX; i++) {
		if (ndp_table_generation(t->ctx, i) == g[i])
			continue;
		n++;
		*which = i;
	}
	return n;
}

/*
 * One generation per table, moved by entries entering or leaving it only:
 * a router's NUD going REACHABLE then STALE, refreshed lifetimes and a
 * new link-layer address leave every table's generation alone (a dump of
 * many messages on a busy link is no longer interrupted by them), while
 * ndp_generation() still moves.
 */
static void table_generations(struct kunit *test)
{
	struct ndp_ip6 ll, rtr, pfx, peer, sn;
	u32 g[NDP_TABLE_MAX], any;
	struct ndp_kt t;
	int which = -1;

	ndp_kt_init(test, &t, NULL);
	ll = ndp_kt_ip(test, "fe80::ff:fe00:1");
	rtr = ndp_kt_ip(test, "fe80::1");
	pfx = ndp_kt_ip(test, "2001:db8:1::");
	peer = ndp_kt_ip(test, "fe80::2");
	kt_up(&t);

	/* a router: the router list and its cache entry */
	kt_gens(&t, g);
	kt_ra(&t, &rtr, rtr1_mac, 1800, NULL, 0, 0, 0, 0);
	KUNIT_ASSERT_TRUE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_NE(test, ndp_table_generation(t.ctx, NDP_TABLE_ROUTERS),
			g[NDP_TABLE_ROUTERS]);
	KUNIT_EXPECT_NE(test, ndp_table_generation(t.ctx, NDP_TABLE_NBRS),
			g[NDP_TABLE_NBRS]);
	KUNIT_EXPECT_EQ(test, ndp_table_generation(t.ctx, NDP_TABLE_ADDRS),
			g[NDP_TABLE_ADDRS]);
	KUNIT_EXPECT_EQ(test, ndp_table_generation(t.ctx, NDP_TABLE_PREFIXES),
			g[NDP_TABLE_PREFIXES]);

	/* the same RA again, and its NUD to REACHABLE: no table moves */
	kt_gens(&t, g);
	any = ndp_generation(t.ctx);
	t.now += SEC(1);
	kt_ra(&t, &rtr, rtr1_mac, 1800, NULL, 0, 0, 0, 0);
	kt_na(&t, &rtr, &ll, rtr1_mac,
	      NDP_NA_FLAG_R | NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	/* a new link-layer address for it, then STALE after ReachableTime */
	kt_na(&t, &rtr, &ll, rtr2_mac, NDP_NA_FLAG_R | NDP_NA_FLAG_O);
	ndp_kt_run_until(&t, t.now + SEC(60));
	KUNIT_EXPECT_NE(test, ndp_generation(t.ctx), any);
	KUNIT_EXPECT_EQ(test, kt_gens_moved(&t, g, &which), 0);

	/* a prefix: that table alone */
	kt_gens(&t, g);
	kt_ra(&t, &rtr, rtr1_mac, 1800, &pfx, 64, NDP_PIO_FLAG_L, 3600, 3600);
	KUNIT_EXPECT_EQ(test, kt_gens_moved(&t, g, &which), 1);
	KUNIT_EXPECT_EQ(test, which, NDP_TABLE_PREFIXES);

	/* a neighbour (NS for our address): that table alone */
	kt_gens(&t, g);
	ndp_solicited_node(&ll, &sn);
	ndp_kt_handle(&t, ndp_kt_ns(&t, &peer, &sn, &ll, peer_mac));
	KUNIT_EXPECT_EQ(test, kt_gens_moved(&t, g, &which), 1);
	KUNIT_EXPECT_EQ(test, which, NDP_TABLE_NBRS);

	/* an address, and its DAD passing: one move, at the add */
	kt_gens(&t, g);
	ndp_out_reset(t.out);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now,
					 &(struct ndp_ip6){ .b = { 0x20, 0x01,
						0x0d, 0xb8, 9, [15] = 1 } },
					 64, NDP_INFINITE, NDP_INFINITE, t.out),
			0);
	KUNIT_EXPECT_EQ(test, kt_gens_moved(&t, g, &which), 1);
	KUNIT_EXPECT_EQ(test, which, NDP_TABLE_ADDRS);
	kt_gens(&t, g);
	ndp_kt_run_until(&t, t.now + SEC(3));
	KUNIT_EXPECT_EQ(test, kt_gens_moved(&t, g, &which), 0);

	/* the router leaves (lifetime 0): routers, not its cache entry */
	kt_gens(&t, g);
	kt_ra(&t, &rtr, rtr1_mac, 0, NULL, 0, 0, 0, 0);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_EQ(test, kt_gens_moved(&t, g, &which), 1);
	KUNIT_EXPECT_EQ(test, which, NDP_TABLE_ROUTERS);
	KUNIT_EXPECT_EQ(test, ndp_table_generation(t.ctx, NDP_TABLE_MAX), 0U);
}

/* ----------------------------- defects of Mirage's Ndpv6, absent here */

/* 1: lifetimes in seconds, ReachableTime/RetransTimer in milliseconds */
static void lifetimes_in_seconds_timers_in_ms(struct kunit *test)
{
	struct ndp_ip6 rtr;
	struct ndp_params pr;
	struct ndp_kt t;
	struct kt_ra r;
	s64 t0;

	ndp_kt_init(test, &t, NULL);
	rtr = ndp_kt_ip(test, "fe80::1");
	kt_up(&t);
	ra_begin(&r, 64, 1800, 10000, 500);
	ndp_kt_handle(&t, ra_build(&t, &r, &rtr));
	t0 = t.now;
	ndp_get_params(t.ctx, &pr);
	KUNIT_EXPECT_EQ(test, pr.retrans_ms, 500U);
	KUNIT_EXPECT_EQ(test, pr.base_reachable_ms, 10000U);
	KUNIT_EXPECT_GE(test, pr.reachable_ms, 5000U);
	KUNIT_EXPECT_LE(test, pr.reachable_ms, 15000U);
	ndp_kt_run_until(&t, t0 + SEC(1799));
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_router(&t, &rtr));
	ndp_kt_run_until(&t, t0 + SEC(1801));
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
}

/* 2: the PIO prefix length is the Prefix Length byte, not Length (4) */
static void pio_prefix_length_from_its_field(struct kunit *test)
{
	struct ndp_ip6 rtr, p64, p48;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	rtr = ndp_kt_ip(test, "fe80::1");
	p64 = ndp_kt_ip(test, "2001:db8:1::");
	p48 = ndp_kt_ip(test, "2001:db8:ab::");
	kt_up(&t);
	kt_ra(&t, &rtr, NULL, 1800, &p64, 64, NDP_PIO_FLAG_L, 3600, 1800);
	kt_ra(&t, &rtr, NULL, 1800, &p48, 48, NDP_PIO_FLAG_L, 3600, 1800);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p64), 64);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p48), 48);
}

/* 3: L=0 says nothing about on-link; no router: off-link unreachable */
static void onlink_by_l_flag_offlink_needs_router(struct kunit *test)
{
	struct ndp_ip6 rtr, pfx, dst;
	struct ndp_kt_cpkt p;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	rtr = ndp_kt_ip(test, "fe80::1");
	pfx = ndp_kt_ip(test, "2001:db8:1::");
	dst = ndp_kt_ip(test, "2001:db8:1::99");
	kt_up(&t);
	/* a router lifetime of 0: not a default router; PIO with A only */
	kt_ra(&t, &rtr, NULL, 0, &pfx, 64, NDP_PIO_FLAG_A, 3600, 1800);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &pfx), -1);
	ndp_kt_send(&t, ndp_kt_cpkt(&t, &p, &dst, NULL, 0));
	KUNIT_EXPECT_EQ(test, ndp_kt_done_reason(&t, &p), NDP_DONE_NO_ROUTE);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_TX_NO_ROUTE),
			1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_NS), 0U);
}

/* 4: NS creates an entry only for our target; the cache is bounded */
static void ns_entry_only_for_our_target_bounded_cache(struct kunit *test)
{
	struct ndp_ip6 ll, other, src, sn;
	struct ndp_nbr_info ni;
	struct ndp_config cfg;
	struct ndp_fill f;
	struct ndp_kt t;
	u8 mac[NDP_ETH_ALEN] = { 0x02, 0xcc };
	unsigned int i;
	u32 len;

	ndp_config_default(&cfg);
	cfg.max_nbrs = 64;
	ndp_kt_init(test, &t, &cfg);
	ll = ndp_kt_ip(test, "fe80::ff:fe00:1");
	other = ndp_kt_ip(test, "fe80::77");
	src = ndp_kt_ip(test, "fe80::bb");
	kt_up(&t);
	/* NS for somebody else's address */
	ndp_solicited_node(&other, &sn);
	ndp_kt_handle(&t, ndp_kt_ns(&t, &src, &sn, &other, peer_mac));
	KUNIT_EXPECT_EQ(test, ndp_nbr_lookup(t.ctx, &src, &ni), -ENOENT);
	/* 1000 distinct sources asking for us: the table stays within 64 */
	ndp_solicited_node(&ll, &sn);
	for (i = 0; i < 1000; i++) {
		src.b[14] = i >> 8;
		src.b[15] = i;
		mac[4] = i >> 8;
		mac[5] = i;
		len = ndp_kt_ns(&t, &src, &sn, &ll, mac);
		t.now += MSEC(1);
		ndp_kt_handle(&t, len);
	}
	ndp_get_fill(t.ctx, &f);
	KUNIT_EXPECT_LE(test, f.nbrs, (u16)64);
	KUNIT_EXPECT_GT(test, ndp_stats(t.ctx)[NDP_STAT_NBR_EVICTED], 0ULL);
}

/* 5: zero-length and overrunning options are dropped, not a crash */
static void bad_option_lengths_dropped(struct kunit *test)
{
	struct ndp_ip6 rtr;
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	rtr = ndp_kt_ip(test, "fe80::1");
	kt_up(&t);
	ra_begin(&r, 64, 1800, 0, 0);
	ra_slla(&r, rtr1_mac);
	r.m[r.len - 7] = 0;		/* its length 0 */
	ndp_kt_handle(&t, ra_build(&t, &r, &rtr));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ND_OPT_ZERO_LEN),
			1ULL);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));

	ra_begin(&r, 64, 1800, 0, 0);
	ra_slla(&r, rtr1_mac);
	r.m[r.len - 7] = 4;		/* 32 bytes, only 8 present */
	ndp_kt_handle(&t, ra_build(&t, &r, &rtr));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ND_OPT_OVERRUN),
			1ULL);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
}

/* 6: queue overflow drops the oldest and keeps the order */
static void queue_overflow_drops_oldest_keeps_order(struct kunit *test)
{
	struct ndp_ip6 dst, ll;
	struct ndp_kt_cpkt *p;
	struct ndp_kt t;
	unsigned int i;

	ndp_kt_init(test, &t, NULL);	/* nbr_queue_len 3 */
	dst = ndp_kt_ip(test, "fe80::bb");
	ll = ndp_kt_ip(test, "fe80::ff:fe00:1");
	kt_up(&t);
	p = kunit_kcalloc(test, 5, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 5; i++) {
		ndp_kt_send(&t, ndp_kt_cpkt(&t, &p[i], &dst, NULL, i));
		if (i >= 3)	/* the oldest queued one goes */
			KUNIT_EXPECT_EQ(test, ndp_kt_done_reason(&t, &p[i - 3]),
					NDP_DONE_QUEUE_FULL);
	}
	kt_na(&t, &dst, &ll, peer_mac, NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	KUNIT_ASSERT_EQ(test, t.out->n_tx, 3U);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_PTR_EQ(test, t.out->tx[i].handle,
				    (void *)&p[i + 2]);
		KUNIT_EXPECT_EQ(test, memcmp(t.out->tx[i].frame, peer_mac,
					     NDP_ETH_ALEN), 0);
	}
}

/* 7: static routers have a real (here infinite) lifetime */
static void static_router_never_expires(struct kunit *test)
{
	struct ndp_ip6 rtr;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	rtr = ndp_kt_ip(test, "fe80::1");
	KUNIT_ASSERT_EQ(test, ndp_add_routers(t.ctx, t.now, &rtr, 1,
					      NDP_INFINITE, t.out), 0);
	t.now += SEC(400LL * 24 * 3600);	/* 400 days */
	ndp_kt_tick(&t, t.now);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_router(&t, &rtr));
}

/* 8: a DAD NS from another node for our tentative address is a duplicate */
static void dad_ns_from_other_node_is_duplicate(struct kunit *test)
{
	u8 nonce[NDP_NONCE_LEN] = { 1, 2, 3, 4, 5, 6 };
	struct ndp_ip6 a;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	a = ndp_kt_ip(test, "2001:db8::1");
	kt_up(&t);
	ndp_out_reset(t.out);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &a, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &a, nonce));
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_DAD_FAILED, &a));
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &a));
}

/* 9: NA R=0 removes the router; code checked; RA source link-local */
static void na_r0_removes_router_code_ra_source_checked(struct kunit *test)
{
	struct ndp_ip6 rtr, glob, ll;
	struct ndp_kt t;
	u8 m[64];
	u32 len;

	ndp_kt_init(test, &t, NULL);
	rtr = ndp_kt_ip(test, "fe80::1");
	glob = ndp_kt_ip(test, "2001:db8::1");
	ll = ndp_kt_ip(test, "fe80::ff:fe00:1");
	kt_up(&t);
	/* RA from a global source: dropped */
	kt_ra(&t, &glob, NULL, 1800, NULL, 0, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RA_SRC_NOT_LL),
			1ULL);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &glob));
	kt_ra(&t, &rtr, rtr1_mac, 1800, NULL, 0, 0, 0, 0);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_router(&t, &rtr));
	/* an NS with code 1: dropped */
	len = nf_ns(m, &ll);
	m[1] = 1;
	len += nf_opt_lla(m + len, NDP_OPT_SLLA, peer_mac);
	len = ndp_kt_build_icmp(&t, &rtr, &ll, 255, m, len);
	ndp_kt_handle(&t, len);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ND_CODE), 1ULL);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	/* the router says it no longer is one */
	kt_na(&t, &rtr, &ll, rtr1_mac, NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
}

/* 10: several RS, ICMPv6 errors and MLD exist */
static void rs_retries_icmp_errors_mld_present(struct kunit *test)
{
	struct ndp_ip6 ll, peer;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ll = ndp_kt_ip(test, "fe80::ff:fe00:1");
	peer = ndp_kt_ip(test, "fe80::bb");
	ndp_kt_run_until(&t, SEC(15));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_RS], 3U);
	KUNIT_EXPECT_GE(test, t.seen[NDP_ICMP_MLD2_REPORT], 1U);
	/* the peer resolves us (we learn its MAC from the SLLA) ... */
	ndp_kt_handle(&t, ndp_kt_ns(&t, &peer, &ll, &ll, peer_mac));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_NA), 1U);
	/* ... then sends us a bad Destination Options header */
	ndp_kt_handle(&t, ndp_kt_bad_dstopts(&t, &peer, &ll));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_PARAM_PROB), 1U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_EXT_OPT_PARAMPROB),
			1ULL);
}

static struct kunit_case ndpv6_core_cases[] = {
	KUNIT_CASE(first_ten_seconds),
	KUNIT_CASE(router_dies),
	KUNIT_CASE(duplicate_address),
	KUNIT_CASE(link_lost_and_back),
	KUNIT_CASE(link_back_many_neighbours),
	KUNIT_CASE(link_back_walk_bounded_by_slots),
	KUNIT_CASE(prepare_then_start_is_local),
	KUNIT_CASE(table_generations),
	KUNIT_CASE(lifetimes_in_seconds_timers_in_ms),
	KUNIT_CASE(pio_prefix_length_from_its_field),
	KUNIT_CASE(onlink_by_l_flag_offlink_needs_router),
	KUNIT_CASE(ns_entry_only_for_our_target_bounded_cache),
	KUNIT_CASE(bad_option_lengths_dropped),
	KUNIT_CASE(queue_overflow_drops_oldest_keeps_order),
	KUNIT_CASE(static_router_never_expires),
	KUNIT_CASE(dad_ns_from_other_node_is_duplicate),
	KUNIT_CASE(na_r0_removes_router_code_ra_source_checked),
	KUNIT_CASE(rs_retries_icmp_errors_mld_present),
	{}
};

static struct kunit_suite ndpv6_core_suite = {
	.name = "ndpv6_core",
	.test_cases = ndpv6_core_cases,
};

kunit_test_suites(&ndpv6_core_suite);
