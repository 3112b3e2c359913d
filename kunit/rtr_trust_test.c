// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_rtr_trust: what routers that never proved two-way
 * reachability may hold when the tables are full (module/core/rtr.c,
 * addr.c, slaac.c, nbr.c; Documentation/ndpv6/core.rst, "Routers and
 * prefixes").  A router that answered our NS, or that the caller
 * confirmed, takes the place of the entries of routers that did not; a
 * router whose RA did not fit is asked, by a unicast NS; a router holds at
 * most half of each table; what the caller configured is never displaced.
 */
#include "ndp_kunit_rtr.h"
#include "ndp_kunit_nbr.h"

/* Router @i: fe80::@i, MAC 02:aa:00:00:00:@i. */
static struct ndp_ip6 rtr(int i)
{
	struct ndp_ip6 ip = { .b = { 0xfe, 0x80 } };

	ip.b[15] = i;
	return ip;
}

static void rmac(int i, u8 *mac)
{
	static const u8 base[NDP_ETH_ALEN] = { 0x02, 0xaa };

	memcpy(mac, base, NDP_ETH_ALEN);
	mac[5] = i;
}

/* Prefix @k: 2001:db8:0:@k::/64. */
static struct ndp_ip6 pfx(int k)
{
	struct ndp_ip6 ip = { .b = { 0x20, 0x01, 0x0d, 0xb8 } };

	ip.b[7] = k;
	return ip;
}

/* Our SLAAC address in prefix @k. */
static struct ndp_ip6 slaac_ip(int k)
{
	static const u8 mac[NDP_ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };
	struct ndp_ip6 ip = pfx(k);

	ndp_eui64_iid(mac, ip.b + 8);
	return ip;
}

/* A host with RS and DAD off (addresses valid at once), tables as given. */
static void tr_init(struct kunit *test, struct ndp_kt *t, u16 routers,
		    u16 prefixes, u16 addrs)
{
	struct ndp_config cfg;

	ndp_config_default(&cfg);
	cfg.rtr_solicits = 0;
	cfg.dad_transmits = 0;
	cfg.max_routers = routers;
	cfg.max_prefixes = prefixes;
	cfg.max_addrs = addrs;
	ndp_kt_init(test, t, &cfg);
	ndp_kt_settle(t);
}

/*
 * An RA from router @i (Router Lifetime @life, SLLA) with @n PIOs of
 * prefixes @k0, @k0 + 1, ... (flags @flags, valid lifetime @valid_s).
 */
static void tr_ra(struct ndp_kt *t, int i, u16 life, int k0, int n, u8 flags,
		  u32 valid_s)
{
	struct ndp_ip6 src = rtr(i), p;
	u8 mac[NDP_ETH_ALEN];
	struct kt_ra r;
	int k;

	rmac(i, mac);
	ra_begin(&r, 0, life, 0, 0);
	ra_slla(&r, mac);
	for (k = k0; k < k0 + n; k++) {
		p = pfx(k);
		ra_pio(&r, &p, 64, flags, valid_s, valid_s);
	}
	ra_send(t, &r, &src);
}

/* Router @i answers our NS: NA S=1, O=1, R=1 to our link-local address. */
static void tr_na(struct ndp_kt *t, int i)
{
	struct ndp_ip6 target = rtr(i);
	u8 mac[NDP_ETH_ALEN];

	rmac(i, mac);
	ndp_kt_handle(t, ndp_kt_na(t, &target, &ndp_kt_ll, &target,
				   NDP_NA_FLAG_S | NDP_NA_FLAG_O |
				   NDP_NA_FLAG_R, mac));
}

/* Router @i is proven by the caller's confirmation (its entry has a MAC). */
static void tr_confirm(struct ndp_kt *t, int i)
{
	struct ndp_ip6 ip = rtr(i);

	ndp_confirm(t->ctx, t->now, &ip);
	KUNIT_ASSERT_TRUE(t->test, ndp_rtr_trusted(t->ctx, &ip));
}

static bool tr_has_router(struct ndp_kt *t, int i)
{
	struct ndp_ip6 ip = rtr(i);

	return ndp_kt_has_router(t, &ip);
}

/* Output frame @k is our unicast NS to router @i, for router @i. */
static void tr_expect_probe(struct ndp_kt *t, int k, int i)
{
	struct ndp_ip6 target = rtr(i);
	const u8 *ip6, *m;
	u8 mac[NDP_ETH_ALEN];
	u32 len = 0;

	KUNIT_ASSERT_GE(t->test, k, 0);
	rmac(i, mac);
	ip6 = ndp_kt_tx_ip6(t, k);
	KUNIT_ASSERT_NOT_NULL(t->test, ip6);
	KUNIT_EXPECT_EQ(t->test, memcmp(t->out->tx[k].frame, mac, 6), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 8, ndp_kt_ll.b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 24, target.b, 16), 0);
	m = ndp_kt_tx_icmp(t, k, &len);
	KUNIT_ASSERT_NOT_NULL(t->test, m);
	KUNIT_EXPECT_EQ(t->test, m[0], NDP_ICMP_NS);
	KUNIT_EXPECT_EQ(t->test, memcmp(m + 8, target.b, 16), 0);
}

/* ------------------------------------------------------------- routers */

/*
 * A full list of routers that never answered: a new router's RA does not
 * fit, and it is asked (unicast NS, its entry PROBE).  Once it answered,
 * its next RA takes the place of the unproven router that expires first.
 */
static void router_probed_then_displaces(struct kunit *test)
{
	struct ndp_ip6 r1 = rtr(1), r3 = rtr(3);
	struct ndp_nbr_info ni;
	struct ndp_kt t;

	tr_init(test, &t, 2, 8, 8);
	tr_ra(&t, 1, 600, 0, 0, 0, 0);
	tr_ra(&t, 2, 1800, 0, 0, 0, 0);
	tr_ra(&t, 3, 1800, 0, 0, 0, 0);
	ndp_kt_expect_only(&t, NDP_STAT_ROUTER_TABLE_FULL,
			   NDP_STAT_NBR_CREATED, NDP_STAT_NBR_ROUTER_PROBED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_NBR_ROUTER_PROBED),
			1ULL);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 1U);
	tr_expect_probe(&t, 0, 3);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(t.ctx, &r3, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_PROBE);
	KUNIT_EXPECT_FALSE(test, tr_has_router(&t, 3));
	/* its NS under way: a second RA does not ask again */
	tr_ra(&t, 3, 1800, 0, 0, 0, 0);
	ndp_kt_expect_only(&t, NDP_STAT_ROUTER_TABLE_FULL);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);

	tr_na(&t, 3);
	KUNIT_EXPECT_TRUE(test, ndp_nbr_proven(t.ctx, &r3));
	t.now += SEC(1);
	tr_ra(&t, 3, 1800, 0, 0, 0, 0);
	ndp_kt_expect_only(&t, NDP_STAT_ROUTER_DISPLACED);
	KUNIT_EXPECT_TRUE(test, tr_has_router(&t, 3));
	KUNIT_EXPECT_TRUE(test, tr_has_router(&t, 2));
	KUNIT_EXPECT_FALSE(test, tr_has_router(&t, 1));
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ROUTER_DEL,
						     &r1));
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ROUTER_ADD,
						     &r3));
	/* the entry of the router that left is evictable again */
	KUNIT_ASSERT_NOT_NULL(test, ndp_nbr_find(t.ctx, &r1));
	KUNIT_EXPECT_FALSE(test, ndp_nbr_find(t.ctx, &r1)->pinned);
}

/*
 * Proven routers are never displaced, and an unproven router never
 * displaces anything: a proven newcomer takes an unproven router's place
 * even when a proven one expires sooner; with every router proven, the
 * table is simply full.
 */
static void proven_routers_hold(struct kunit *test)
{
	struct ndp_kt t;

	tr_init(test, &t, 2, 8, 8);
	tr_ra(&t, 1, 60, 0, 0, 0, 0);
	tr_ra(&t, 2, 1800, 0, 0, 0, 0);
	tr_confirm(&t, 1);
	tr_ra(&t, 3, 1800, 0, 0, 0, 0);	/* unproven: asked, not taken */
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ROUTER_DISPLACED),
			0ULL);
	tr_na(&t, 3);
	tr_ra(&t, 3, 1800, 0, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ROUTER_DISPLACED),
			1ULL);
	KUNIT_EXPECT_TRUE(test, tr_has_router(&t, 1));
	KUNIT_EXPECT_FALSE(test, tr_has_router(&t, 2));
	KUNIT_EXPECT_TRUE(test, tr_has_router(&t, 3));

	tr_ra(&t, 4, 1800, 0, 0, 0, 0);
	tr_confirm(&t, 4);
	tr_ra(&t, 4, 1800, 0, 0, 0, 0);
	ndp_kt_expect_only(&t, NDP_STAT_ROUTER_TABLE_FULL);
	KUNIT_EXPECT_TRUE(test, tr_has_router(&t, 1));
	KUNIT_EXPECT_TRUE(test, tr_has_router(&t, 3));
	KUNIT_EXPECT_FALSE(test, tr_has_router(&t, 4));
}

/*
 * An unsolicited NA with S=1 proves nothing (anyone can send one); nor
 * does an answer from a router whose MAC then changes.
 */
static void proof_needs_our_ns(struct kunit *test)
{
	struct ndp_ip6 r1 = rtr(1);
	struct ndp_kt t;
	struct kt_ra r;
	u8 other[NDP_ETH_ALEN] = { 0x02, 0xcc, 0, 0, 0, 1 };

	tr_init(test, &t, 2, 8, 8);
	tr_ra(&t, 1, 1800, 0, 0, 0, 0);		/* STALE, nothing asked */
	tr_na(&t, 1);
	KUNIT_EXPECT_FALSE(test, ndp_nbr_proven(t.ctx, &r1));
	KUNIT_EXPECT_FALSE(test, ndp_rtr_trusted(t.ctx, &r1));
	tr_confirm(&t, 1);
	ra_begin(&r, 0, 1800, 0, 0);
	ra_slla(&r, other);
	ra_send(&t, &r, &r1);
	KUNIT_EXPECT_FALSE(test, ndp_nbr_proven(t.ctx, &r1));
}

/*
 * A flood of RAs from new routers asks at most NDP_RTR_PROBE_BURST of them
 * at once and NDP_RTR_PROBE_RATE a second after that.
 */
static void probes_rate_limited(struct kunit *test)
{
	struct ndp_kt t;
	int i;

	tr_init(test, &t, 1, 8, 8);
	tr_ra(&t, 1, 1800, 0, 0, 0, 0);
	for (i = 0; i < NDP_RTR_PROBE_BURST + 5; i++)
		tr_ra(&t, 10 + i, 1800, 0, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, ndp_stats(t.ctx)[NDP_STAT_NBR_ROUTER_PROBED],
			(u64)NDP_RTR_PROBE_BURST);
	KUNIT_EXPECT_EQ(test, ndp_stats(t.ctx)[NDP_STAT_NBR_PROBE_RATE_LIMITED],
			5ULL);
	t.now += SEC(1) / NDP_RTR_PROBE_RATE;
	tr_ra(&t, 10 + i, 1800, 0, 0, 0, 0);
	ndp_kt_expect_only(&t, NDP_STAT_ROUTER_TABLE_FULL,
			   NDP_STAT_NBR_CREATED, NDP_STAT_NBR_ROUTER_PROBED);
	tr_expect_probe(&t, 0, 10 + i);
	tr_ra(&t, 11 + i, 1800, 0, 0, 0, 0);
	ndp_kt_expect_only(&t, NDP_STAT_ROUTER_TABLE_FULL,
			   NDP_STAT_NBR_CREATED,
			   NDP_STAT_NBR_PROBE_RATE_LIMITED);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
}

/*
 * An RA that brings the MAC an INCOMPLETE entry with packets waited for
 * asks nothing: the packets leave at the next tick, as they would with
 * any SLLA, and NUD follows from them (a probe now held them back a
 * RetransTimer; found by fuzz_ops).
 */
static void no_probe_while_packets_wait(struct kunit *test)
{
	struct ndp_ip6 r3 = rtr(3);
	struct ndp_config cfg;
	struct nt *t;

	ndp_config_default(&cfg);
	cfg.max_routers = 1;
	cfg.rtr_solicits = 0;
	t = nt_up(test, &cfg);
	tr_ra(&t->k, 1, 1800, 0, 0, 0, 0);
	nt_send(t, 0, &r3);
	KUNIT_ASSERT_EQ(test, nt_state(t, &r3), NDP_NUD_INCOMPLETE);
	tr_ra(&t->k, 3, 1800, 0, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_ROUTER_TABLE_FULL), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_ROUTER_PROBED), 0ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &r3), NDP_NUD_STALE);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(nt_ctx(t)), t->k.now);
	nt_tick(t, t->k.now);
	KUNIT_EXPECT_GE(test, nt_txd(t, 0), 0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &r3), NDP_NUD_DELAY);
}

/*
 * Static routers (ndp_add_routers()) take the places of unproven RA
 * routers, but never those of routers listed in the same call, and the
 * call stays all or nothing.
 */
static void static_routers_displace_unproven(struct kunit *test)
{
	struct ndp_ip6 ips[2] = { rtr(3), rtr(1) };
	struct ndp_router_info ri;
	struct ndp_kt t;

	tr_init(test, &t, 2, 8, 8);
	tr_ra(&t, 1, 60, 0, 0, 0, 0);		/* expires first */
	tr_ra(&t, 2, 1800, 0, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, ndp_add_routers(t.ctx, t.now, ips, 2, 600,
					      t.out), 0);
	KUNIT_EXPECT_TRUE(test, tr_has_router(&t, 1));
	KUNIT_EXPECT_FALSE(test, tr_has_router(&t, 2));
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &ips[0], &ri));
	KUNIT_EXPECT_EQ(test, ri.origin, NDP_ORIGIN_STATIC);
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &ips[1], &ri));
	KUNIT_EXPECT_EQ(test, ri.origin, NDP_ORIGIN_STATIC);
	/* static routers are trusted: nothing left to displace */
	ips[0] = rtr(4);
	ndp_kt_snap(&t);
	KUNIT_EXPECT_EQ(test, ndp_add_routers(t.ctx, t.now, ips, 1, 600,
					      t.out), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ROUTER_TABLE_FULL),
			1ULL);
}

/* ------------------------------------------------------------ prefixes */

/*
 * The on-link prefix list full of unproven routers' prefixes: a proven
 * router's new prefix takes the place of the one that expires first, and
 * a prefix a proven router advertises too is its own from then on.
 */
static void prefix_displaced_by_proven(struct kunit *test)
{
	struct ndp_ip6 p;
	struct ndp_kt t;
	int k;

	tr_init(test, &t, 4, 8, 8);
	tr_ra(&t, 1, 1800, 1, 4, NDP_PIO_FLAG_L, 600);	/* 1..4 */
	tr_ra(&t, 2, 1800, 5, 4, NDP_PIO_FLAG_L, 3600);	/* 5..8 */
	tr_ra(&t, 3, 1800, 9, 1, NDP_PIO_FLAG_L, 3600);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_PREFIX_TABLE_FULL),
			1ULL);
	tr_expect_probe(&t, ndp_kt_find_tx(&t, NDP_ICMP_NS), 3);
	tr_na(&t, 3);
	/* router 3 also advertises prefix 5: it holds it from now on */
	tr_ra(&t, 3, 1800, 5, 1, NDP_PIO_FLAG_L, 3600);
	tr_ra(&t, 3, 1800, 9, 1, NDP_PIO_FLAG_L, 3600);
	ndp_kt_expect_only(&t, NDP_STAT_PREFIX_DISPLACED);
	p = pfx(1);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_PREFIX_DEL,
						     &p));
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p), -1);
	p = pfx(9);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p), 64);

	/* a second proven router: 2, 3, 4 go (600 s), then 6, never 5 */
	tr_ra(&t, 4, 1800, 0, 0, 0, 0);
	tr_confirm(&t, 4);
	tr_ra(&t, 4, 1800, 10, 4, NDP_PIO_FLAG_L, 3600);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_PREFIX_DISPLACED),
			4ULL);
	for (k = 2; k <= 13; k++) {
		p = pfx(k);
		KUNIT_EXPECT_EQ_MSG(test, ndp_kt_prefix_len(&t, &p),
				    k <= 4 || k == 6 ? -1 : 64, "prefix %d", k);
	}
}

/*
 * A router holds at most half of the prefix list, proven or not, so one
 * that answers NS cannot take the whole list either.
 */
static void prefix_share(struct kunit *test)
{
	struct ndp_ip6 p;
	struct ndp_kt t;

	tr_init(test, &t, 4, 8, 8);
	tr_ra(&t, 1, 1800, 0, 0, 0, 0);
	tr_confirm(&t, 1);
	tr_ra(&t, 1, 1800, 1, 4, NDP_PIO_FLAG_L, 3600);
	tr_ra(&t, 1, 1800, 5, 2, NDP_PIO_FLAG_L, 3600);
	ndp_kt_expect_only(&t, NDP_STAT_PREFIX_ROUTER_SHARE);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&t, NDP_STAT_PREFIX_ROUTER_SHARE),
			2ULL);
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t.ctx, NULL, 0), 4);
	/* known prefixes are still refreshed */
	tr_ra(&t, 1, 1800, 4, 1, NDP_PIO_FLAG_L, 7200);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	p = pfx(4);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_PREFIX_ADD,
						     &p));
	/* another router has room */
	tr_ra(&t, 2, 1800, 5, 4, NDP_PIO_FLAG_L, 3600);
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t.ctx, NULL, 0), 8);
}

/* ----------------------------------------------------------- addresses */

/*
 * The address table full of unproven routers' SLAAC addresses: a proven
 * router's new prefix makes its address in the place of the one that
 * expires first; the link-local address is never a candidate.
 */
static void slaac_displaced_by_proven(struct kunit *test)
{
	struct ndp_ip6 a;
	struct ndp_kt t;

	tr_init(test, &t, 4, 8, 4);		/* link-local + 3 */
	tr_ra(&t, 1, 1800, 1, 2, NDP_PIO_FLAG_A, 600);
	tr_ra(&t, 2, 1800, 3, 1, NDP_PIO_FLAG_A, 3600);
	KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, NULL, 0), 4);
	tr_ra(&t, 3, 1800, 4, 1, NDP_PIO_FLAG_A, 3600);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ADDR_TABLE_FULL),
			1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_NBR_ROUTER_PROBED),
			1ULL);
	tr_na(&t, 3);
	tr_ra(&t, 3, 1800, 4, 1, NDP_PIO_FLAG_A, 3600);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ADDR_DISPLACED),
			1ULL);
	a = slaac_ip(1);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &a));
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_DEL,
						     &a));
	a = slaac_ip(4);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &a));
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &ndp_kt_ll));
	KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, NULL, 0), 4);
}

/* A router makes at most half of the address table by SLAAC. */
static void slaac_share(struct kunit *test)
{
	struct ndp_kt t;

	tr_init(test, &t, 4, 8, 8);
	tr_ra(&t, 1, 1800, 0, 0, 0, 0);
	tr_confirm(&t, 1);
	tr_ra(&t, 1, 1800, 1, 4, NDP_PIO_FLAG_A, 3600);
	KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, NULL, 0), 5);
	tr_ra(&t, 1, 1800, 5, 1, NDP_PIO_FLAG_A, 3600);
	ndp_kt_expect_only(&t, NDP_STAT_SLAAC_ROUTER_SHARE);
	KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, NULL, 0), 5);
	tr_ra(&t, 2, 1800, 5, 1, NDP_PIO_FLAG_A, 3600);
	KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, NULL, 0), 6);
}

/*
 * The caller's own address always finds room while an unproven router
 * holds a SLAAC address; the caller's addresses are never displaced.
 */
static void user_address_makes_room(struct kunit *test)
{
	struct ndp_ip6 ip = { .b = { 0x20, 0x01, 0x0d, 0xb8, 0, 0x77 } };
	struct ndp_ip6 a;
	struct ndp_kt t;
	int i;

	tr_init(test, &t, 4, 8, 4);
	tr_ra(&t, 1, 1800, 1, 2, NDP_PIO_FLAG_A, 600);
	tr_ra(&t, 2, 1800, 3, 1, NDP_PIO_FLAG_A, 3600);
	for (i = 1; i <= 3; i++) {
		ip.b[15] = i;
		ndp_kt_snap(&t);
		KUNIT_EXPECT_EQ(test, ndp_add_ip(t.ctx, t.now, &ip, 64, 3600,
						 3600, t.out), 0);
		KUNIT_EXPECT_EQ(test,
				ndp_kt_stat_delta(&t, NDP_STAT_ADDR_DISPLACED),
				1ULL);
		a = slaac_ip(i);
		KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &a));
	}
	ip.b[15] = 4;
	ndp_kt_snap(&t);
	KUNIT_EXPECT_EQ(test, ndp_add_ip(t.ctx, t.now, &ip, 64, 3600, 3600,
					 t.out), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ADDR_TABLE_FULL),
			1ULL);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &ndp_kt_ll));
	/* nor does a proven router displace them */
	tr_ra(&t, 3, 1800, 0, 0, 0, 0);
	tr_confirm(&t, 3);
	tr_ra(&t, 3, 1800, 5, 1, NDP_PIO_FLAG_A, 3600);
	ndp_kt_expect_only(&t, NDP_STAT_ADDR_TABLE_FULL);
}

static struct kunit_case rtr_trust_cases[] = {
	KUNIT_CASE(router_probed_then_displaces),
	KUNIT_CASE(proven_routers_hold),
	KUNIT_CASE(proof_needs_our_ns),
	KUNIT_CASE(probes_rate_limited),
	KUNIT_CASE(no_probe_while_packets_wait),
	KUNIT_CASE(static_routers_displace_unproven),
	KUNIT_CASE(prefix_displaced_by_proven),
	KUNIT_CASE(prefix_share),
	KUNIT_CASE(slaac_displaced_by_proven),
	KUNIT_CASE(slaac_share),
	KUNIT_CASE(user_address_makes_room),
	{}
};

static struct kunit_suite rtr_trust_suite = {
	.name = "ndpv6_rtr_trust",
	.test_cases = rtr_trust_cases,
};

kunit_test_suites(&rtr_trust_suite);
