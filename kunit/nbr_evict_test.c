// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_nbr_evict: the bounds of RFC 6583 (INCOMPLETE quota
 * and rate, eviction order, floods of NS, NA and RA) and the tables behind
 * them: the keyed hash, the timer heap, ticks bounded by the output,
 * 100,000 entries.  White-box checks read the private tables; the fixture
 * is in ndp_kunit_nbr.h.
 */
#include <linux/ktime.h>
#include "ndp_kunit_nbr.h"

/*
 * The context of the 100,000-entry case (about 9 MB).  kmalloc stops at
 * 4 MB on 6.1, and a vmalloc freed during the run makes kmemleak on the
 * UML test kernel report vmalloc's own bookkeeping as leaked (objects it
 * lost track of when they were freed): module memory has neither problem.
 */
#define NT_BIG_NBRS	100000

#define NT_BIG_SIZE	(10U << 20)

static u8 nt_big_mem[NT_BIG_SIZE] __aligned(8);

/* Neighbour address fe80::1:0:<hi>:<lo> for a flood of @i. */
static struct ndp_ip6 nt_nb(u32 i)
{
	struct ndp_ip6 a = { .b = { 0xfe, 0x80, [9] = 1 } };

	ndp_put32(a.b + 12, i);
	return a;
}

/* Longest hash chain. */
static u32 nt_max_chain(const struct ndp_ctx *ctx)
{
	u32 b, i, len, worst = 0;

	for (b = 0; b <= ctx->hash_mask; b++) {
		len = 0;
		for (i = ctx->buckets[b]; i != NDP_NIL; i = ctx->nbrs[i].hnext)
			len++;
		worst = max(worst, len);
	}
	return worst;
}

/* Bucket holding @ip, or NDP_NIL. */
static u32 nt_bucket(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip)
{
	u32 b, i;

	for (b = 0; b <= ctx->hash_mask; b++)
		for (i = ctx->buckets[b]; i != NDP_NIL; i = ctx->nbrs[i].hnext)
			if (ndp_ip6_eq(&ctx->nbrs[i].ip, ip))
				return b;
	return NDP_NIL;
}

/* --------------------------------------------------- RFC 6583 bounds */

/* At most incomplete_quota INCOMPLETE entries at once. */
static void nbr_incomplete_quota(struct kunit *test)
{
	struct ndp_config cfg;
	struct nt *t;

	ndp_config_default(&cfg);
	cfg.incomplete_quota = 2;
	t = nt_up(test, &cfg);
	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->b);
	nt_send(t, 2, &t->c);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 2), NDP_DONE_NO_NEIGHBOUR);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_INCOMPLETE_QUOTA), 1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_NONE);
	/* once one resolves there is room again (and a token, 1 s later) */
	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, nt_mac_a);
	t->k.now += SEC(1);
	nt_send(t, 3, &t->c);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_INCOMPLETE);
}

/* New INCOMPLETE entries: a token bucket of incomplete_rate per second. */
static void nbr_incomplete_rate_limited(struct kunit *test)
{
	struct ndp_config cfg;
	struct ndp_ip6 ip;
	struct nt *t;
	int i;

	ndp_config_default(&cfg);
	cfg.incomplete_quota = 4;	/* also the burst */
	cfg.incomplete_rate = 2;
	t = nt_up(test, &cfg);
	for (i = 0; i < 4; i++) {
		ip = nt_nb(i);
		nt_make_incomplete(t, &ip);
		nt_na_in(t, &ip, NDP_NA_FLAG_S | NDP_NA_FLAG_O, nt_mac_a);
	}
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_incomplete, 0U);
	nt_send(t, 0, &t->a);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 0), NDP_DONE_NO_NEIGHBOUR);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_RATE_LIMITED), 1ULL);
	t->k.now += MSEC(499);
	nt_send(t, 1, &t->a);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_RATE_LIMITED), 1ULL);
	t->k.now += MSEC(1);
	nt_send(t, 2, &t->a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_RATE_LIMITED), 0ULL);
	nt_send(t, 3, &t->b);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_RATE_LIMITED), 1ULL);
}

/*
 * A full table makes room for a new INCOMPLETE entry with the oldest
 * INCOMPLETE one (its packets back, dropped), else the oldest STALE one;
 * for a new STALE entry (an NS from a new source) with the oldest STALE
 * one only.  REACHABLE/DELAY/PROBE entries and routers are never taken.
 * With nothing to take, creation fails and the NS is still answered.
 */
static void nbr_eviction_order(struct kunit *test)
{
	struct ndp_ip6 x = nt_nb(100), y = nt_nb(101), z = nt_nb(102);
	struct ndp_ip6 w = nt_nb(103), v = nt_nb(104);
	struct ndp_ip6 r = ndp_kt_ip(test, "fe80::1");
	struct ndp_config cfg;
	struct nt *t;

	ndp_config_default(&cfg);
	cfg.max_nbrs = 5;
	t = nt_up(test, &cfg);
	nt_make_stale(t, &t->a, nt_mac_a);		/* oldest STALE */
	nt_make_stale(t, &t->b, nt_mac_a);
	nt_send(t, 0, &t->c);				/* INCOMPLETE */
	/* a default router (static): its entry is pinned when made */
	KUNIT_ASSERT_EQ(test, ndp_add_routers(nt_ctx(t), t->k.now, &r, 1,
					      1800, t->k.out), 0);
	ndp_nbr_learn(nt_ctx(t), t->k.now, &r, nt_mac_r, true);
	nt_make_stale(t, &x, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_nbrs, 5U);

	/* an NS from a new source: the oldest STALE, never the INCOMPLETE */
	nt_make_stale(t, &y, nt_mac_b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_EVICTED), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_QUEUE_EVICTED), 0ULL);

	/* a new INCOMPLETE entry: the oldest INCOMPLETE, packets back */
	nt_send(t, 1, &z);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 0), NDP_DONE_EVICTED);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_QUEUE_EVICTED), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_EVICTED), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &r), NDP_NUD_STALE);

	/* z resolved: the next INCOMPLETE entry takes the oldest STALE */
	nt_na_in(t, &z, NDP_NA_FLAG_S | NDP_NA_FLAG_O, nt_mac_b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &z), NDP_NUD_REACHABLE);
	nt_send(t, 2, &w);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &w), NDP_NUD_INCOMPLETE);

	/* only INCOMPLETE left to take: an NS from a new source is answered
	 * but makes no entry, and w keeps its place
	 */
	nt_make_delay(t, &x, nt_mac_a);
	nt_make_probe(t, &y, nt_mac_b);
	nt_ns_in(t, &v, &t->ll, &t->ll, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_TABLE_FULL), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &v), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &w), NDP_NUD_INCOMPLETE);
	nt_expect_na(t, nt_nth(t, NDP_ICMP_NA, 0), &v, nt_mac_a,
		     NDP_NA_FLAG_S | NDP_NA_FLAG_O);

	/* nothing to take at all: creation fails for a send too */
	nt_na_in(t, &w, NDP_NA_FLAG_S | NDP_NA_FLAG_O, nt_mac_b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &w), NDP_NUD_REACHABLE);
	t->k.now += SEC(1);
	nt_send(t, 3, &v);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 3), NDP_DONE_NO_NEIGHBOUR);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_TABLE_FULL), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_nbrs, 5U);
}

/*
 * A context of 16 entries whose default router fe80::1 (Router Lifetime
 * 9000 s) is in the cache.
 */
static struct nt *nt_up_with_router(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1"), ips[2];
	struct ndp_config cfg;
	struct nt *t;

	ndp_config_default(&cfg);
	cfg.max_nbrs = 16;
	cfg.incomplete_quota = 4;
	t = nt_up(test, &cfg);
	nt_ra_in(t, &rtr, 9000, nt_mac_r);
	KUNIT_ASSERT_EQ(test, ndp_get_routers(nt_ctx(t), ips, 2), 1);
	KUNIT_ASSERT_EQ(test, nt_state(t, &rtr), NDP_NUD_STALE);
	return t;
}

/*
 * After a flood that left the table full: an hour later a send to a new
 * neighbour still gets an entry (one evicted for it), and the default
 * router fe80::1 is still there.
 */
static void nt_expect_room_after_flood(struct nt *t, u32 host)
{
	struct ndp_ip6 rtr = ndp_kt_ip(t->test, "fe80::1");
	struct ndp_ip6 dst = nt_nb(host), ips[2];

	KUNIT_EXPECT_EQ(t->test, nt_ctx(t)->n_nbrs, 16U);
	nt_tick(t, t->k.now + SEC(3600));
	nt_send(t, 0, &dst);
	KUNIT_EXPECT_EQ(t->test, nt_reason(t, 0), -1);
	KUNIT_EXPECT_EQ(t->test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	KUNIT_EXPECT_EQ(t->test, nt_state(t, &dst), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(t->test, nt_delta(t, NDP_STAT_NBR_EVICTED), 1ULL);
	KUNIT_EXPECT_EQ(t->test, nt_delta(t, NDP_STAT_NBR_TABLE_FULL), 0ULL);
	KUNIT_EXPECT_EQ(t->test, ndp_get_routers(nt_ctx(t), ips, 2), 1);
	KUNIT_EXPECT_NE(t->test, nt_state(t, &rtr), NDP_NUD_NONE);
}

/*
 * RFC 6583 7.1 keeps the routers, not every entry with IsRouter: RAs with
 * Router Lifetime 0 (not default routers) and an SLLA from as many
 * link-local sources as the table holds leave their entries evictable;
 * the default router's entry is the one kept.  When that router leaves the
 * list (its own Router Lifetime 0), its entry is evictable too.
 */
static void nbr_ra_lifetime0_flood_evictable(struct kunit *test)
{
	struct nt *t = nt_up_with_router(test);
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1"), src, ips[2];
	struct ndp_nbr_info ni;
	u32 i;

	for (i = 0; i < 16; i++) {
		u8 mac[NDP_ETH_ALEN] = { 0x02, 0xcc, 0, 0, 0, (u8)i };

		src = nt_nb(i);
		nt_ra_in(t, &src, 0, mac);
		KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(nt_ctx(t), &src, &ni), 0);
		KUNIT_EXPECT_TRUE(test, ni.is_router);
	}
	KUNIT_EXPECT_EQ(test, ndp_get_routers(nt_ctx(t), ips, 2), 1);
	src = nt_nb(0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &src), NDP_NUD_NONE);
	nt_expect_room_after_flood(t, 1000);

	/* the router says it is no default router any more: evictable */
	nt_ra_in(t, &rtr, 0, nt_mac_r);
	KUNIT_EXPECT_EQ(test, ndp_get_routers(nt_ctx(t), ips, 2), 0);
	for (i = 16; i < 32; i++) {
		u8 mac[NDP_ETH_ALEN] = { 0x02, 0xcc, 0, 0, 0, (u8)i };

		src = nt_nb(i);
		nt_ra_in(t, &src, 0, mac);
	}
	KUNIT_EXPECT_EQ(test, nt_state(t, &rtr), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_nbrs, 16U);
	KUNIT_EXPECT_EQ(test, ndp_stats(nt_ctx(t))[NDP_STAT_NBR_TABLE_FULL],
			0ULL);
}

/*
 * The same with NS (SLLA) then NA with R=1, O=1 from as many hosts: IsRouter
 * set on every entry, none of them pinned.
 */
static void nbr_na_router_flood_evictable(struct kunit *test)
{
	struct nt *t = nt_up_with_router(test);
	struct ndp_nbr_info ni;
	struct ndp_ip6 src;
	u32 i;

	for (i = 0; i < 16; i++) {
		u8 mac[NDP_ETH_ALEN] = { 0x02, 0xdd, 0, 0, 0, (u8)i };

		src = nt_nb(i);
		nt_ns_in(t, &src, &t->ll, &t->ll, mac);
		nt_na_in(t, &src, NDP_NA_FLAG_R | NDP_NA_FLAG_O, mac);
		KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(nt_ctx(t), &src, &ni), 0);
		KUNIT_EXPECT_TRUE(test, ni.is_router);
		KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_STALE);
	}
	src = nt_nb(0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &src), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, ndp_stats(nt_ctx(t))[NDP_STAT_NBR_TABLE_FULL],
			0ULL);
	nt_expect_room_after_flood(t, 1000);
}

/*
 * 10,000 NS from distinct sources into a table of 256: a REACHABLE router
 * and a recently confirmed neighbour survive and keep working.
 */
static void nbr_flood_keeps_router_and_confirmed(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1"), src, ips[4];
	struct nt *t = nt_up(test, NULL);
	u64 created, evicted, na = 0;
	struct ndp_nbr_info ni;
	u32 i;

	nt_ra_in(t, &rtr, 1800, nt_mac_r);
	nt_na_in(t, &rtr, NDP_NA_FLAG_R | NDP_NA_FLAG_S | NDP_NA_FLAG_O,
		 nt_mac_r);
	KUNIT_ASSERT_EQ(test, nt_state(t, &rtr), NDP_NUD_REACHABLE);
	nt_make_reachable(t, &t->a, nt_mac_a);
	created = ndp_stats(nt_ctx(t))[NDP_STAT_NBR_CREATED];
	evicted = ndp_stats(nt_ctx(t))[NDP_STAT_NBR_EVICTED];

	for (i = 0; i < 10000; i++) {
		u8 mac[NDP_ETH_ALEN] = { 0x02, 0xcc, 0, 0, (u8)(i >> 8), (u8)i };

		if (i % 100 == 0) {
			t->k.now += MSEC(10);
			ndp_confirm(nt_ctx(t), t->k.now, &t->a);
		}
		src = nt_nb(i);
		nt_ns_in(t, &src, &t->ll, &t->ll, mac);
		na += ndp_kt_count_tx(&t->k, NDP_ICMP_NA);
	}
	KUNIT_EXPECT_EQ(test, na, 10000ULL);
	KUNIT_EXPECT_EQ(test, ndp_stats(nt_ctx(t))[NDP_STAT_NBR_CREATED] -
			created, 10000ULL);
	KUNIT_EXPECT_EQ(test, ndp_stats(nt_ctx(t))[NDP_STAT_NBR_EVICTED] -
			evicted, 10000ULL - 254);
	KUNIT_EXPECT_EQ(test, ndp_stats(nt_ctx(t))[NDP_STAT_NBR_TABLE_FULL],
			0ULL);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_nbrs, 256U);
	/* the newest 254 are there, the older ones went oldest first */
	src = nt_nb(9999 - 253);
	KUNIT_EXPECT_EQ(test, nt_state(t, &src), NDP_NUD_STALE);
	src = nt_nb(9999 - 254);
	KUNIT_EXPECT_EQ(test, nt_state(t, &src), NDP_NUD_NONE);

	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(nt_ctx(t), &rtr, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_REACHABLE);
	KUNIT_EXPECT_TRUE(test, ni.is_router);
	KUNIT_EXPECT_EQ(test, ndp_get_routers(nt_ctx(t), ips, 4), 1);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	nt_send(t, 0, &t->a);
	nt_expect_txd(t, 0, nt_mac_a);
	nt_send(t, 1, &rtr);
	nt_expect_txd(t, 1, nt_mac_r);
	KUNIT_EXPECT_LE(test, nt_max_chain(nt_ctx(t)), 8U);
	nt_check_heap(test, nt_ctx(t));
}

/* ------------------------------------------------ hash, heap, scale */

/* The hash is keyed: another seed puts the same addresses elsewhere. */
static void nbr_hash_seed_keys_buckets(struct kunit *test)
{
	struct nt *t1 = nt_up(test, NULL), *t2 = nt_alloc(test);
	struct ndp_ip6 ip;
	u32 i, same = 0;

	ndp_kt_init(test, &t2->k, NULL);
	KUNIT_ASSERT_EQ(test, nt_ctx(t2)->n_nbrs, 0U);
	nt_ctx(t2)->hash_seed = nt_ctx(t1)->hash_seed ^ 0x5bd1e995U;
	for (i = 0; i < 128; i++) {
		ip = nt_nb(i << 20);	/* only high bits differ */
		ndp_nbr_learn(nt_ctx(t1), t1->k.now, &ip, nt_mac_a, false);
		ndp_nbr_learn(nt_ctx(t2), t2->k.now, &ip, nt_mac_a, false);
	}
	for (i = 0; i < 128; i++) {
		ip = nt_nb(i << 20);
		KUNIT_ASSERT_NE(test, nt_bucket(nt_ctx(t1), &ip), NDP_NIL);
		same += nt_bucket(nt_ctx(t1), &ip) ==
			nt_bucket(nt_ctx(t2), &ip);
		KUNIT_EXPECT_NOT_NULL(test, ndp_nbr_find(nt_ctx(t2), &ip));
	}
	/* 256 buckets: about 128 / 256 collide by chance */
	KUNIT_EXPECT_LT(test, same, 16U);
	KUNIT_EXPECT_LE(test, nt_max_chain(nt_ctx(t1)), 6U);
	KUNIT_EXPECT_LE(test, nt_max_chain(nt_ctx(t2)), 6U);
}

/*
 * The heap: the deadline is the earliest timer through every kind of
 * change; a tick with nothing due changes nothing at all.
 */
static void nbr_heap_deadline_and_idle_tick(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	struct ndp_ctx *ctx = nt_ctx(t);
	struct ndp_nbr *copy;
	struct ndp_ip6 ip;
	u64 *stats;
	s64 d;
	u32 i, gen;

	for (i = 0; i < 40; i++) {
		ip = nt_nb(i);
		t->k.now += MSEC(37);
		switch (i % 4) {
		case 0:
			nt_make_incomplete(t, &ip);
			break;
		case 1:
			nt_make_reachable(t, &ip, nt_mac_a);
			break;
		case 2:
			nt_make_delay(t, &ip, nt_mac_a);
			break;
		case 3:
			nt_make_stale(t, &ip, nt_mac_a);
			break;
		}
		nt_check_heap(test, ctx);
	}
	for (i = 0; i < 40; i += 3) {
		ip = nt_nb(i);
		ndp_confirm(ctx, t->k.now, &ip);
		nt_check_heap(test, ctx);
	}
	/* run some timers: heap stays consistent as entries move and go */
	for (i = 0; i < 12; i++) {
		nt_tick(t, max(ndp_nbr_deadline(ctx), t->k.now));
		nt_check_heap(test, ctx);
	}

	/*
	 * Entries leave the heap from anywhere (INCOMPLETE, REACHABLE, DELAY
	 * -> STALE): the last one takes their place and sifts either way.
	 */
	for (i = 0; i < 40; i++) {
		ip = nt_nb(i);
		if (!ndp_nbr_find(ctx, &ip) || i % 4 == 3)
			continue;
		nt_na_in(t, &ip, NDP_NA_FLAG_O, nt_mac_b);
		KUNIT_EXPECT_EQ(test, nt_state(t, &ip), NDP_NUD_STALE);
		nt_check_heap(test, ctx);
	}
	d = ndp_next_deadline(ctx);
	KUNIT_ASSERT_GT(test, d, t->k.now);
	copy = kunit_kzalloc(test, sizeof(*copy) * ctx->cfg.max_nbrs,
			     GFP_KERNEL);
	stats = kunit_kzalloc(test, sizeof(u64) * NDP_STAT_MAX, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	KUNIT_ASSERT_NOT_NULL(test, stats);
	memcpy(copy, ctx->nbrs, sizeof(*copy) * ctx->cfg.max_nbrs);
	memcpy(stats, ndp_stats(ctx), sizeof(u64) * NDP_STAT_MAX);
	gen = ndp_generation(ctx);
	nt_tick(t, d - 1);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, 0U);
	KUNIT_EXPECT_EQ(test, t->k.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_generation(ctx), gen);
	KUNIT_EXPECT_EQ(test, memcmp(copy, ctx->nbrs,
				     sizeof(*copy) * ctx->cfg.max_nbrs), 0);
	KUNIT_EXPECT_EQ(test, memcmp(stats, ndp_stats(ctx),
				     sizeof(u64) * NDP_STAT_MAX), 0);
}

/*
 * A tick's work is bounded by the output: 60 NS due at once leave over
 * two ticks, the deadline staying due in between.
 */
static void nbr_tick_bounded_by_output(struct kunit *test)
{
	struct ndp_config cfg;
	struct ndp_ip6 ip;
	struct nt *t;
	u32 i, first;
	s64 due;

	ndp_config_default(&cfg);
	cfg.incomplete_quota = 64;
	t = nt_up(test, &cfg);
	for (i = 0; i < 60; i++) {
		ip = nt_nb(i);
		nt_make_incomplete(t, &ip);
	}
	due = t->k.now + MSEC(nt_ctx(t)->retrans_ms);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), due);
	nt_tick(t, due);
	first = ndp_kt_count_tx(&t->k, NDP_ICMP_NS);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, (u32)NDP_OUT_TX);
	KUNIT_EXPECT_LT(test, first, 60U);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(nt_ctx(t)), due);
	nt_tick(t, due);
	KUNIT_EXPECT_EQ(test, first + ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 60U);
	KUNIT_EXPECT_GT(test, ndp_nbr_deadline(nt_ctx(t)), due);
	KUNIT_EXPECT_EQ(test, ndp_stats(nt_ctx(t))[NDP_STAT_TX_OUT_FULL], 0ULL);
	nt_check_heap(test, nt_ctx(t));
}

/*
 * A tick handles at most 1024 entries, even with no output at all: 1500
 * REACHABLE entries expiring together go STALE over two ticks.
 */
static void nbr_tick_bounded_work(struct kunit *test)
{
	struct ndp_config cfg;
	struct ndp_ip6 ip;
	struct nt *t;
	u32 i, stale;
	s64 due;

	ndp_config_default(&cfg);
	cfg.max_nbrs = 2048;
	t = nt_up(test, &cfg);
	for (i = 0; i < 1500; i++) {
		ip = nt_nb(i);
		ndp_nbr_learn(nt_ctx(t), t->k.now, &ip, nt_mac_a, false);
		ndp_confirm(nt_ctx(t), t->k.now, &ip);
	}
	due = t->k.now + MSEC(nt_ctx(t)->reachable_ms);
	KUNIT_ASSERT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), due);
	nt_tick(t, due);
	for (i = 0, stale = 0; i < 1500; i++) {
		ip = nt_nb(i);
		stale += nt_state(t, &ip) == NDP_NUD_STALE;
	}
	KUNIT_EXPECT_EQ(test, stale, 1024U);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(nt_ctx(t)), due);
	nt_tick(t, due);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), NDP_TIME_NEVER);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->heap_len, 0U);
}

/* The entry of a known router is marked as such when it is created. */
static void nbr_router_entry_marked(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 far = ndp_kt_ip(test, "2001:db8:9::1");
	struct nt *t = nt_up(test, NULL);
	struct ndp_nbr_info ni;

	nt_reset(t);
	KUNIT_ASSERT_EQ(test, ndp_add_routers(nt_ctx(t), t->k.now, &rtr, 1,
					      1800, t->k.out), 0);
	nt_send(t, 0, &far);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(nt_ctx(t), &rtr, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_TRUE(test, ni.is_router);
	KUNIT_EXPECT_EQ(test, ni.queued, 1);
	/* routers are on no eviction list */
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->evict_inc_head, NDP_NIL);
	nt_na_in(t, &rtr, NDP_NA_FLAG_R | NDP_NA_FLAG_S | NDP_NA_FLAG_O,
		 nt_mac_r);
	nt_expect_txd(t, 0, nt_mac_r);
}

/* ndp_nbr_next() walks every entry once; lookups agree. */
static void nbr_next_walks_table(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	struct ndp_nbr_info ni, nl;
	u32 pos = 0, n = 0;

	nt_make_incomplete(t, &t->a);
	nt_make_stale(t, &t->b, nt_mac_b);
	nt_make_reachable(t, &t->c, nt_mac_a);
	nt_send(t, 0, &t->a);
	while (ndp_nbr_next(nt_ctx(t), &pos, &ni)) {
		n++;
		KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(nt_ctx(t), &ni.addr, &nl),
				0);
		KUNIT_EXPECT_EQ(test, memcmp(&ni, &nl, sizeof(ni)), 0);
		if (ndp_ip6_eq(&ni.addr, &t->a))
			KUNIT_EXPECT_EQ(test, ni.queued, 1);
	}
	KUNIT_EXPECT_EQ(test, n, 3U);
	KUNIT_EXPECT_FALSE(test, ndp_nbr_next(nt_ctx(t), &pos, &ni));
}

/*
 * 100,000 entries: every one found, a send goes straight out, a full table
 * still takes new entries by evicting the oldest STALE one.
 */
static void nbr_lookup_at_100000(struct kunit *test)
{
	struct ndp_config cfg;
	struct ndp_nbr_info ni;
	struct ndp_ip6 ip;
	u64 t0, ns_per_lookup;
	struct nt *t;
	u32 i, found = 0;

	ndp_config_default(&cfg);
	cfg.max_nbrs = NT_BIG_NBRS;
	t = nt_alloc(test);
	ndp_kt_init_mem(test, &t->k, &cfg, nt_big_mem, sizeof(nt_big_mem));
	ndp_kt_run_until(&t->k, t->k.now + SEC(3));
	for (i = 0; i < NT_BIG_NBRS; i++) {
		ip = nt_nb(i);
		ndp_nbr_learn(nt_ctx(t), t->k.now, &ip, nt_mac_a, false);
	}
	KUNIT_ASSERT_EQ(test, nt_ctx(t)->n_nbrs, (u32)NT_BIG_NBRS);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->hash_mask + 1, 131072U);
	t0 = ktime_get_ns();
	for (i = 0; i < NT_BIG_NBRS; i++) {
		ip = nt_nb(i);
		found += !ndp_nbr_lookup(nt_ctx(t), &ip, &ni);
	}
	ns_per_lookup = (ktime_get_ns() - t0) / NT_BIG_NBRS;
	KUNIT_EXPECT_EQ(test, found, (u32)NT_BIG_NBRS);
	kunit_info(test,
		   "100000 entries: %llu ns per lookup, longest chain %u\n",
		   ns_per_lookup, nt_max_chain(nt_ctx(t)));
	KUNIT_EXPECT_LE(test, nt_max_chain(nt_ctx(t)), 12U);
	ip = nt_nb(NT_BIG_NBRS);
	KUNIT_EXPECT_NE(test, ndp_nbr_lookup(nt_ctx(t), &ip, &ni), 0);

	ip = nt_nb(77777);
	nt_send(t, 0, &ip);
	nt_expect_txd(t, 0, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &ip), NDP_NUD_DELAY);

	ip = nt_nb(NT_BIG_NBRS);
	nt_reset(t);
	ndp_nbr_learn(nt_ctx(t), t->k.now, &ip, nt_mac_b, false);
	KUNIT_EXPECT_EQ(test, nt_state(t, &ip), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_EVICTED), 1ULL);
	ip = nt_nb(0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &ip), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_nbrs, (u32)NT_BIG_NBRS);
}

/*
 * An output with @free_done handle entries and no frame room left: what a
 * caller gets that did not reset it, or a tick after a burst.
 */
static void nt_squeeze(struct nt *t, u32 free_done)
{
	nt_reset(t);
	t->k.out->n_tx = NDP_OUT_TX;
	t->k.out->n_done = NDP_OUT_DONE - free_done;
}

/* The NS of neighbour c for our link-local address into a squeezed @out. */
static int nt_ns_in_squeezed(struct nt *t, u32 free_done)
{
	struct ndp_pkt pkt = { .handle = t, .headroom = NDP_ETH_HLEN };

	pkt.len = ndp_kt_ns(&t->k, &t->c, &t->ll, &t->ll, nt_mac_b);
	pkt.tot_len = pkt.len;
	pkt.data = ndp_kt_pkt(&t->k);
	nt_squeeze(t, free_done);
	return ndp_handle(nt_ctx(t), t->k.now, &pkt, t->k.out);
}

/*
 * A received NS that evicts a STALE entry holding a packet, with one handle
 * entry free: the NS itself comes back in it, and the evicted packet
 * waits in the core and comes back at the next tick (it used to take the
 * last entry and the NS was written one past done[]).  With no entry
 * free at all, ndp_handle() refuses the packet and changes nothing.
 */
static void nbr_evicted_packet_given_back_when_output_full(struct kunit *test)
{
	struct ndp_config cfg;
	struct ndp_fill f;
	struct nt *t;

	ndp_config_default(&cfg);
	cfg.max_nbrs = 2;
	t = nt_up(test, &cfg);
	nt_send(t, 0, &t->a);		/* INCOMPLETE, packet 0 queued */
	nt_send(t, 1, &t->b);		/* INCOMPLETE, packet 1 queued */
	/* a learns its MAC with no output: STALE, packet 0 waits for a tick */
	ndp_nbr_learn(nt_ctx(t), t->k.now, &t->a, nt_mac_a, false);
	KUNIT_ASSERT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	KUNIT_ASSERT_EQ(test, nt_ctx(t)->n_nbrs, 2U);

	KUNIT_EXPECT_EQ(test, nt_ns_in_squeezed(t, 0), -ENOBUFS);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, (u32)NDP_OUT_DONE);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_OUT_NO_ROOM), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_RX_PACKETS), 0ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);

	KUNIT_EXPECT_EQ(test, nt_ns_in_squeezed(t, 1), 0);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, (u32)NDP_OUT_DONE);
	KUNIT_EXPECT_PTR_EQ(test, t->k.out->done[NDP_OUT_DONE - 1].handle,
			    (void *)t);
	KUNIT_EXPECT_EQ(test, t->k.out->done[NDP_OUT_DONE - 1].reason,
			NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_EVICTED), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_OUT_GIVE_BACK_LATER), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_STALE);
	ndp_get_fill(nt_ctx(t), &f);
	KUNIT_EXPECT_EQ(test, f.queued, 2U);
	KUNIT_EXPECT_EQ(test, f.giving_back, 1U);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(nt_ctx(t)), t->k.now);

	nt_tick(t, t->k.now);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 0), NDP_DONE_EVICTED);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 1), -1);
	ndp_get_fill(nt_ctx(t), &f);
	KUNIT_EXPECT_EQ(test, f.queued, 1U);
	KUNIT_EXPECT_EQ(test, f.giving_back, 0U);
}

static struct kunit_case nbr_evict_cases[] = {
	KUNIT_CASE(nbr_incomplete_quota),
	KUNIT_CASE(nbr_incomplete_rate_limited),
	KUNIT_CASE(nbr_eviction_order),
	KUNIT_CASE(nbr_evicted_packet_given_back_when_output_full),
	KUNIT_CASE(nbr_ra_lifetime0_flood_evictable),
	KUNIT_CASE(nbr_na_router_flood_evictable),
	KUNIT_CASE(nbr_flood_keeps_router_and_confirmed),
	KUNIT_CASE(nbr_hash_seed_keys_buckets),
	KUNIT_CASE(nbr_heap_deadline_and_idle_tick),
	KUNIT_CASE(nbr_tick_bounded_by_output),
	KUNIT_CASE(nbr_tick_bounded_work),
	KUNIT_CASE(nbr_router_entry_marked),
	KUNIT_CASE(nbr_next_walks_table),
	KUNIT_CASE(nbr_lookup_at_100000),
	{}
};

static struct kunit_suite nbr_evict_suite = {
	.name = "ndpv6_nbr_evict",
	.test_cases = nbr_evict_cases,
};

kunit_test_suites(&nbr_evict_suite);
