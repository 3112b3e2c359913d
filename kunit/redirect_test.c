// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_redirect: the destination cache of Redirects (RFC
 * 4861 8.3).  A default router fe80::1 (from an RA) redirects traffic for
 * 2001:db8:99::1 to a better router fe80::5, or to the destination itself
 * (on-link); packets then leave to the new first hop (their Ethernet
 * destination checked), until the entry's time runs out, its router
 * leaves or its first hop fails NUD.  Validation (RFC 4861 8.1) is
 * rx_nd_test.c's.
 */
#include "ndp_kunit_rtr.h"
#include "ndp_frames.h"

static const u8 peer_mac[NDP_ETH_ALEN] = { 0x02, 0xbb, 0, 0, 0, 5 };

struct rd {
	struct ndp_kt t;
	struct ndp_ip6 rtr, peer, dst;
};

/* A host with fe80::1 as its default router, DAD done. */
static struct rd *rd_setup(struct kunit *test)
{
	struct rd *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	r->rtr = ndp_kt_ip(test, "fe80::1");
	r->peer = ndp_kt_ip(test, "fe80::5");
	r->dst = ndp_kt_ip(test, "2001:db8:99::1");
	ndp_kt_init(test, &r->t, NULL);
	ndp_kt_run_until(&r->t, r->t.now + SEC(3));
	ra_simple(&r->t, &r->rtr, 1800, rtr1_mac);
	ndp_kt_expect_next_hop(&r->t, &r->dst, &r->rtr);
	return r;
}

/* A Redirect from @src: @target for the destination, TLLA @tlla (or none). */
static void rd_in(struct rd *r, const struct ndp_ip6 *src,
		  const struct ndp_ip6 *target, const u8 *tlla)
{
	u8 m[48];
	u32 len = 40;

	memset(m, 0, sizeof(m));
	m[0] = NDP_ICMP_REDIRECT;
	memcpy(m + 8, target->b, 16);
	memcpy(m + 24, r->dst.b, 16);
	if (tlla)
		len += nf_opt_lla(m + 40, NDP_OPT_TLLA, tlla);
	ndp_kt_handle(&r->t, ndp_kt_build_icmp(&r->t, src, &ndp_kt_ll, 255,
					       m, len));
	KUNIT_EXPECT_EQ(r->t.test, r->t.out->done[0].reason,
			NDP_DONE_CONSUMED);
}

/* The destination cache lists exactly @n entries; the last in @ri. */
static void rd_expect_entries(struct rd *r, u32 n,
			      struct ndp_redirect_info *ri)
{
	u32 pos = 0, seen = 0;

	while (ndp_redirect_next(r->t.ctx, r->t.now, &pos, ri))
		seen++;
	KUNIT_EXPECT_EQ(r->t.test, seen, n);
}

/* A packet to the destination leaves to Ethernet @mac (or NS for it). */
static void rd_expect_sent_to(struct rd *r, const u8 *mac)
{
	struct ndp_kt_cpkt p;

	KUNIT_ASSERT_EQ(r->t.test,
			ndp_kt_send(&r->t, ndp_kt_cpkt(&r->t, &p, &r->dst,
						       NULL, 1)), 0);
	KUNIT_ASSERT_EQ(r->t.test, r->t.out->n_tx, 1U);
	KUNIT_EXPECT_EQ(r->t.test, memcmp(r->t.out->tx[0].frame, mac, 6), 0);
}

/*
 * To a better router, with its TLLA: the next hop and the packets move to
 * it, its entry is STALE with that MAC and marked a router; the entry is
 * listed with its router and 300 s.
 */
static void redirect_to_router(struct kunit *test)
{
	struct rd *r = rd_setup(test);
	struct ndp_redirect_info ri;
	struct ndp_nbr_info ni;
	u32 gen = ndp_table_generation(r->t.ctx, NDP_TABLE_DESTS);

	rd_expect_sent_to(r, rtr1_mac);
	rd_in(r, &r->rtr, &r->peer, peer_mac);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&r->t,
						NDP_STAT_REDIRECT_ROUTER), 1ULL);
	ndp_kt_expect_next_hop(&r->t, &r->dst, &r->peer);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(r->t.ctx, &r->peer, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_STALE);
	KUNIT_EXPECT_TRUE(test, ni.is_router);
	KUNIT_EXPECT_EQ(test, memcmp(ni.mac, peer_mac, 6), 0);
	rd_expect_sent_to(r, peer_mac);
	rd_expect_entries(r, 1, &ri);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ri.dst, &r->dst));
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ri.nh, &r->peer));
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ri.rtr, &r->rtr));
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, 300U);
	KUNIT_EXPECT_NE(test, ndp_table_generation(r->t.ctx, NDP_TABLE_DESTS),
			gen);

	/* now fe80::5 is the first hop: the old router may not redirect */
	rd_in(r, &r->rtr, &r->rtr, NULL);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&r->t, NDP_STAT_REDIRECT_NOT_FIRST_HOP),
			1ULL);
	ndp_kt_expect_next_hop(&r->t, &r->dst, &r->peer);
}

/*
 * To the destination itself, without TLLA: it is on-link, resolved by a
 * multicast NS to its solicited-node group; a host saying it is no
 * router keeps it so.
 */
static void redirect_onlink(struct kunit *test)
{
	static const u8 sn_mac[6] = { 0x33, 0x33, 0xff, 0x00, 0x00, 0x01 };
	struct rd *r = rd_setup(test);
	struct ndp_redirect_info ri;
	u8 m[32];
	u32 len;

	rd_in(r, &r->rtr, &r->dst, NULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&r->t,
						NDP_STAT_REDIRECT_ONLINK), 1ULL);
	ndp_kt_expect_next_hop(&r->t, &r->dst, &r->dst);
	rd_expect_sent_to(r, sn_mac);
	KUNIT_EXPECT_EQ(test, ndp_kt_tx_icmp_type(&r->t, 0), NDP_ICMP_NS);

	len = nf_na(m, NDP_NA_FLAG_S | NDP_NA_FLAG_O, &r->dst);
	len += nf_opt_lla(m + len, NDP_OPT_TLLA, peer_mac);
	ndp_kt_handle(&r->t, ndp_kt_build_icmp(&r->t, &r->dst, &ndp_kt_ll,
					       255, m, len));
	rd_expect_entries(r, 1, &ri);
	ndp_kt_expect_next_hop(&r->t, &r->dst, &r->dst);
}

/* The entry ends: after 300 s; when its router leaves. */
static void redirect_expires_or_router_leaves(struct kunit *test)
{
	struct rd *r = rd_setup(test);
	struct ndp_redirect_info ri;
	s64 t0 = r->t.now;

	rd_in(r, &r->rtr, &r->dst, NULL);
	ndp_kt_run_until(&r->t, t0 + SEC(299));
	rd_expect_entries(r, 1, &ri);
	ndp_kt_run_until(&r->t, t0 + SEC(301));
	rd_expect_entries(r, 0, &ri);
	KUNIT_EXPECT_EQ(test, ndp_stats(r->t.ctx)[NDP_STAT_REDIRECT_EXPIRED],
			1ULL);
	ndp_kt_expect_next_hop(&r->t, &r->dst, &r->rtr);

	rd_in(r, &r->rtr, &r->dst, NULL);
	rd_expect_entries(r, 1, &ri);
	ra_simple(&r->t, &r->rtr, 0, rtr1_mac);		/* it leaves */
	rd_expect_entries(r, 0, &ri);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&r->t, NDP_STAT_REDIRECT_FORGOTTEN),
			1ULL);
}

/*
 * The better router fails NUD, or says it is none: the entry goes and
 * the default router is the first hop again.
 */
static void redirect_first_hop_fails(struct kunit *test)
{
	struct rd *r = rd_setup(test);
	struct ndp_redirect_info ri;
	u8 m[32];
	u32 len;

	rd_in(r, &r->rtr, &r->peer, peer_mac);
	rd_expect_sent_to(r, peer_mac);		/* STALE -> DELAY */
	ndp_kt_run_until(&r->t, r->t.now + SEC(10));	/* probes unanswered */
	rd_expect_entries(r, 0, &ri);
	KUNIT_EXPECT_EQ(test, ndp_stats(r->t.ctx)[NDP_STAT_REDIRECT_FORGOTTEN],
			1ULL);
	ndp_kt_expect_next_hop(&r->t, &r->dst, &r->rtr);

	rd_in(r, &r->rtr, &r->peer, peer_mac);
	rd_expect_entries(r, 1, &ri);
	len = nf_na(m, NDP_NA_FLAG_O, &r->peer);	/* R = 0 */
	len += nf_opt_lla(m + len, NDP_OPT_TLLA, peer_mac);
	ndp_kt_handle(&r->t, ndp_kt_build_icmp(&r->t, &r->peer, &ndp_kt_ll,
					       255, m, len));
	rd_expect_entries(r, 0, &ri);
	ndp_kt_expect_next_hop(&r->t, &r->dst, &r->rtr);
}

/* A full cache: the entry that ends first makes room, counted. */
static void redirect_cache_full(struct kunit *test)
{
	struct rd *r = rd_setup(test);
	struct ndp_redirect_info ri;
	unsigned int i;

	for (i = 0; i <= 32; i++) {
		r->dst.b[15] = (u8)(i + 1);
		r->t.now += SEC(1);
		rd_in(r, &r->rtr, &r->dst, NULL);
	}
	rd_expect_entries(r, 32, &ri);
	KUNIT_EXPECT_EQ(test, ndp_stats(r->t.ctx)[NDP_STAT_REDIRECT_EVICTED],
			1ULL);
	r->dst.b[15] = 1;				/* the first one went */
	ndp_kt_expect_next_hop(&r->t, &r->dst, &r->rtr);
	r->dst.b[15] = 33;
	ndp_kt_expect_next_hop(&r->t, &r->dst, &r->dst);
}

static struct kunit_case redirect_cases[] = {
	KUNIT_CASE(redirect_to_router),
	KUNIT_CASE(redirect_onlink),
	KUNIT_CASE(redirect_expires_or_router_leaves),
	KUNIT_CASE(redirect_first_hop_fails),
	KUNIT_CASE(redirect_cache_full),
	{}
};

static struct kunit_suite redirect_suite = {
	.name = "ndpv6_redirect",
	.test_cases = redirect_cases,
};

kunit_test_suites(&redirect_suite);
