// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_rio: RFC 4191 in the core.  The Default Router
 * Preference of RAs orders router selection; Route Information options
 * become more-specific routes (module/core/rio.c) that next-hop
 * determination takes first (longest prefix, then preference, routers
 * known unreachable passed over), with their lifetimes, their validation
 * and a bounded table.
 */
#include "ndp_kunit_rtr.h"

/* Prf on the wire (RFC 4191 2.1) */
#define PRF_HIGH	1
#define PRF_MEDIUM	0
#define PRF_LOW		3
#define PRF_RESERVED	2

/* An RA from @src: Router Lifetime @lifetime_s, Prf @prf, SLLA @mac. */
static void ra_pref(struct ndp_kt *t, const struct ndp_ip6 *src,
		    u16 lifetime_s, u8 prf, const u8 *mac)
{
	struct kt_ra r;

	ra_begin(&r, 0, lifetime_s, 0, 0);
	ra_prf(&r, prf);
	if (mac)
		ra_slla(&r, mac);
	ra_send(t, &r, src);
}

/* An RA from @src (SLLA @mac, Router Lifetime @lifetime_s) with one RIO. */
static void ra_one_rio(struct ndp_kt *t, const struct ndp_ip6 *src,
		       const u8 *mac, u16 lifetime_s, const char *pfx,
		       u8 plen, u8 prf, u32 route_lifetime_s)
{
	struct ndp_ip6 p = ndp_kt_ip(t->test, pfx);
	struct kt_ra r;

	ra_begin(&r, 0, lifetime_s, 0, 0);
	if (mac)
		ra_slla(&r, mac);
	ra_rio(&r, &p, plen, plen > 64 ? 3 : plen ? 2 : 1, prf,
	       route_lifetime_s);
	ra_send(t, &r, src);
}

/* The route to @pfx/@plen via @rtr; false if there is none. */
static bool route_of(struct ndp_kt *t, const char *pfx, u8 plen,
		     const struct ndp_ip6 *rtr, struct ndp_route_info *ri)
{
	struct ndp_ip6 p = ndp_kt_ip(t->test, pfx);
	u32 pos = 0;

	while (ndp_route_next(t->ctx, t->now, &pos, ri))
		if (ri->pfx.len == plen && ndp_ip6_eq(&ri->pfx.addr, &p) &&
		    ndp_ip6_eq(&ri->rtr, rtr))
			return true;
	return false;
}

static u32 n_routes(struct ndp_kt *t)
{
	struct ndp_route_info ri;
	u32 pos = 0, n = 0;

	while (ndp_route_next(t->ctx, t->now, &pos, &ri))
		n++;
	return n;
}

/* The next hop to @dst is @want (NULL: @dst itself, on-link). */
static void expect_nh(struct ndp_kt *t, const char *dst,
		      const struct ndp_ip6 *want)
{
	struct ndp_ip6 d = ndp_kt_ip(t->test, dst);

	ndp_kt_expect_next_hop(t, &d, want ? want : &d);
}

/* RFC 4191 3.2: of the routers not known unreachable, the most preferred. */
static void router_pref_orders_selection(struct kunit *test)
{
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::a");
	struct ndp_ip6 b = ndp_kt_ip(test, "fe80::b");
	struct ndp_ip6 c = ndp_kt_ip(test, "fe80::c");
	struct ndp_router_info ri;
	struct ndp_kt t;
	int i;

	ndp_kt_init(test, &t, NULL);
	ra_pref(&t, &a, 1800, PRF_LOW, rtr1_mac);
	ra_pref(&t, &b, 1800, PRF_HIGH, rtr2_mac);
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &a, &ri));
	KUNIT_EXPECT_EQ(test, ri.pref, (u8)NDP_PREF_LOW);
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &b, &ri));
	KUNIT_EXPECT_EQ(test, ri.pref, (u8)NDP_PREF_HIGH);
	/* b is later in the table: preference, not order, picks it */
	for (i = 0; i < 3; i++)
		expect_nh(&t, "2001:db8:99::1", &b);
	/* a high one without a cache entry is not known reachable */
	ra_pref(&t, &c, 1800, PRF_HIGH, NULL);
	expect_nh(&t, "2001:db8:99::1", &b);
	/* b drops to medium: still above a */
	ra_pref(&t, &b, 1800, PRF_MEDIUM, rtr2_mac);
	expect_nh(&t, "2001:db8:99::1", &b);
	/* a rises to high: it goes there */
	ra_pref(&t, &a, 1800, PRF_HIGH, rtr1_mac);
	expect_nh(&t, "2001:db8:99::1", &a);
	/* the preferred router leaves: the traffic moves */
	ra_pref(&t, &a, 0, PRF_MEDIUM, rtr1_mac);
	expect_nh(&t, "2001:db8:99::1", &b);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
}

/* RFC 4191 2.2: the reserved Prf is medium, counted. */
static void router_pref_reserved_is_medium(struct kunit *test)
{
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::a");
	struct ndp_ip6 b = ndp_kt_ip(test, "fe80::b");
	struct ndp_router_info ri;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_pref(&t, &a, 1800, PRF_LOW, rtr1_mac);
	ra_pref(&t, &b, 1800, PRF_RESERVED, rtr2_mac);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RA_PREF_RESERVED),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_RA_PREF_RESERVED, NDP_STAT_NBR_CREATED);
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &b, &ri));
	KUNIT_EXPECT_EQ(test, ri.pref, (u8)NDP_PREF_MEDIUM);
	expect_nh(&t, "2001:db8:99::1", &b);
	/* static routers are medium */
	KUNIT_ASSERT_EQ(test, ndp_add_routers(t.ctx, t.now, &a, 1, 600, t.out),
			0);
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &a, &ri));
	KUNIT_EXPECT_EQ(test, ri.pref, (u8)NDP_PREF_MEDIUM);
}

/* RFC 4191 3.2: longest match first, then the route's preference. */
static void rio_longest_then_pref(struct kunit *test)
{
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::a");
	struct ndp_ip6 b = ndp_kt_ip(test, "fe80::b");
	struct ndp_route_info ri;
	const struct ndp_note *n;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_pref(&t, &b, 1800, PRF_HIGH, rtr2_mac);
	ra_one_rio(&t, &a, rtr1_mac, 1800, "2001:db8:77::", 48, PRF_HIGH, 600);
	n = ndp_kt_find_note(&t, NDP_NOTE_ROUTE_ADD, NULL);
	KUNIT_ASSERT_NOT_NULL(test, n);
	KUNIT_EXPECT_EQ(test, n->plen, 48);
	KUNIT_EXPECT_EQ(test, n->valid_s, 600U);
	KUNIT_EXPECT_EQ(test, n->value, (u32)NDP_PREF_HIGH);
	KUNIT_ASSERT_TRUE(test, route_of(&t, "2001:db8:77::", 48, &a, &ri));
	KUNIT_EXPECT_EQ(test, ri.pref, (u8)NDP_PREF_HIGH);
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, 600U);
	/* the route beats the high default router b; elsewhere b */
	expect_nh(&t, "2001:db8:77::1", &a);
	expect_nh(&t, "2001:db8:99::1", &b);
	/* the same prefix from b, low: a's high route stays the choice */
	ra_one_rio(&t, &b, rtr2_mac, 1800, "2001:db8:77::", 48, PRF_LOW, 600);
	KUNIT_EXPECT_EQ(test, n_routes(&t), 2U);
	expect_nh(&t, "2001:db8:77::1", &a);
	/* ... and b's low /64 inside it beats it for its part */
	ra_one_rio(&t, &b, rtr2_mac, 1800, "2001:db8:77:1::", 64, PRF_LOW,
		   600);
	KUNIT_EXPECT_EQ(test, n_routes(&t), 3U);
	expect_nh(&t, "2001:db8:77:1::1", &b);
	expect_nh(&t, "2001:db8:77:2::1", &a);
	/* a's /48 drops to low: equals, the first in the table stays */
	ra_one_rio(&t, &a, rtr1_mac, 1800, "2001:db8:77::", 48, PRF_LOW, 600);
	expect_nh(&t, "2001:db8:77:2::1", &a);
	/* b's rises to medium: b */
	ra_one_rio(&t, &b, rtr2_mac, 1800, "2001:db8:77::", 48, PRF_MEDIUM,
		   600);
	expect_nh(&t, "2001:db8:77:2::1", &b);
	/* on-link destinations stay on-link */
	expect_nh(&t, "fe80::77", NULL);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
}

/* A route via a router known unreachable is passed over (RFC 4191 3.2). */
static void rio_unreachable_router_passed_over(struct kunit *test)
{
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::a");
	struct ndp_ip6 b = ndp_kt_ip(test, "fe80::b");
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_pref(&t, &b, 1800, PRF_LOW, rtr2_mac);
	/* no SLLA: a has no cache entry */
	ra_one_rio(&t, &a, NULL, 0, "2001:db8:77::", 48, PRF_HIGH, 600);
	KUNIT_EXPECT_EQ(test, n_routes(&t), 1U);
	expect_nh(&t, "2001:db8:77::1", &b);
	/* heard from with its address: probably reachable, taken */
	ra_one_rio(&t, &a, rtr1_mac, 0, "2001:db8:77::", 48, PRF_HIGH, 600);
	expect_nh(&t, "2001:db8:77::1", &a);
	/* a Router Lifetime of 0 did not make a a default router */
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &a));
	expect_nh(&t, "2001:db8:99::1", &b);
}

/* A ::/0 RIO is a route: it beats default routers of lower preference. */
static void rio_default_route_by_pref(struct kunit *test)
{
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::a");
	struct ndp_ip6 b = ndp_kt_ip(test, "fe80::b");
	struct ndp_route_info ri;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_pref(&t, &b, 1800, PRF_MEDIUM, rtr2_mac);
	ra_one_rio(&t, &a, rtr1_mac, 1800, "::", 0, PRF_MEDIUM, 600);
	KUNIT_ASSERT_TRUE(test, route_of(&t, "::", 0, &a, &ri));
	/* a tie goes to the Default Router List, where b is first */
	expect_nh(&t, "2001:db8:99::1", &b);
	ra_one_rio(&t, &a, rtr1_mac, 1800, "::", 0, PRF_HIGH, 600);
	expect_nh(&t, "2001:db8:99::1", &a);
	/* the default router's own preference is not the route's */
	KUNIT_ASSERT_TRUE(test, ndp_kt_has_router(&t, &a));
	ra_pref(&t, &b, 1800, PRF_HIGH, rtr2_mac);
	expect_nh(&t, "2001:db8:99::1", &b);
}

/* Route Lifetime: 0 removes, 0xffffffff is for ever, others run out. */
static void rio_lifetimes(struct kunit *test)
{
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::a");
	struct ndp_ip6 b = ndp_kt_ip(test, "fe80::b");
	struct ndp_route_info ri;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_pref(&t, &b, 9000, PRF_MEDIUM, rtr2_mac);
	ra_one_rio(&t, &a, rtr1_mac, 0, "2001:db8:77::", 48, PRF_HIGH, 30);
	ra_one_rio(&t, &a, rtr1_mac, 0, "2001:db8:88::", 48, PRF_HIGH,
		   NDP_INFINITE);
	ra_one_rio(&t, &a, rtr1_mac, 0, "2001:db8:99::", 48, PRF_HIGH, 600);
	KUNIT_EXPECT_EQ(test, n_routes(&t), 3U);
	ra_one_rio(&t, &a, rtr1_mac, 0, "2001:db8:99::", 48, PRF_HIGH, 0);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ROUTE_DEL,
						     NULL));
	KUNIT_EXPECT_FALSE(test, route_of(&t, "2001:db8:99::", 48, &a, &ri));
	expect_nh(&t, "2001:db8:99::1", &b);
	/* a lifetime of 0 for a route it does not have: nothing */
	ra_one_rio(&t, &a, rtr1_mac, 0, "2001:db8:aa::", 48, PRF_HIGH, 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(&t, NDP_NOTE_ROUTE_DEL), 0U);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx) <= t.now + SEC(30),
			true);
	ndp_kt_run_until(&t, t.now + SEC(31));
	KUNIT_EXPECT_FALSE(test, route_of(&t, "2001:db8:77::", 48, &a, &ri));
	expect_nh(&t, "2001:db8:77::1", &b);
	ndp_kt_run_until(&t, t.now + SEC(8000));
	KUNIT_ASSERT_TRUE(test, route_of(&t, "2001:db8:88::", 48, &a, &ri));
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, NDP_INFINITE);
}

/* RFC 4191 2.3: malformed RIOs and the reserved Prf are ignored. */
static void rio_malformed_ignored(struct kunit *test)
{
	static const struct {
		u8 plen, units, prf;
		const char *pfx;
		enum ndp_stat why;	/* NDP_STAT_MAX: kept */
	} c[] = {
		{ 48, 1, PRF_HIGH, "2001:db8:1::", NDP_STAT_RIO_INVALID },
		{ 65, 2, PRF_HIGH, "2001:db8:2::", NDP_STAT_RIO_INVALID },
		{ 48, 4, PRF_HIGH, "2001:db8:3::", NDP_STAT_RIO_INVALID },
		{ 129, 3, PRF_HIGH, "2001:db8:4::", NDP_STAT_RIO_INVALID },
		{ 48, 2, PRF_RESERVED, "2001:db8:5::",
		  NDP_STAT_RIO_PREF_RESERVED },
		{ 64, 2, PRF_HIGH, "fe80::", NDP_STAT_RIO_INVALID },
		{ 8, 2, PRF_HIGH, "ff00::", NDP_STAT_RIO_INVALID },
		{ 0, 1, PRF_LOW, "::", NDP_STAT_MAX },
		{ 48, 3, PRF_LOW, "2001:db8:7::", NDP_STAT_MAX },
		{ 64, 2, PRF_LOW, "2001:db8:8::", NDP_STAT_MAX },
		{ 128, 3, PRF_LOW, "2001:db8:9::1", NDP_STAT_MAX },
	};
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::a");
	struct ndp_ip6 p;
	struct ndp_kt t;
	struct kt_ra r;
	u32 i, kept = 0;

	ndp_kt_init(test, &t, NULL);
	for (i = 0; i < ARRAY_SIZE(c); i++) {
		p = ndp_kt_ip(test, c[i].pfx);
		ra_begin(&r, 0, 1800, 0, 0);
		ra_rio(&r, &p, c[i].plen, c[i].units, c[i].prf, 600);
		ra_send(&t, &r, &a);
		kept += c[i].why == NDP_STAT_MAX;
		KUNIT_EXPECT_EQ_MSG(test, n_routes(&t), kept, "case %u", i);
		if (c[i].why != NDP_STAT_MAX) {
			KUNIT_EXPECT_EQ_MSG(test,
					    ndp_kt_stat_delta(&t, c[i].why),
					    1ULL, "case %u", i);
			ndp_kt_expect_only(&t, c[i].why);
		}
		/* the rest of the RA counts: a is a default router */
		KUNIT_EXPECT_TRUE(test, ndp_kt_has_router(&t, &a));
	}
}

/* The bits past the prefix length are ignored (RFC 4191 2.3). */
static void rio_prefix_bits_cleared(struct kunit *test)
{
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::a");
	struct ndp_route_info ri;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_one_rio(&t, &a, rtr1_mac, 0, "2001:db8:77:ffff::1", 52, PRF_HIGH,
		   600);
	KUNIT_EXPECT_TRUE(test, route_of(&t, "2001:db8:77:f000::", 52, &a,
					 &ri));
	/* the same prefix with other trailing bits is the same route */
	ra_one_rio(&t, &a, rtr1_mac, 0, "2001:db8:77:f00f::", 52, PRF_LOW,
		   600);
	KUNIT_EXPECT_EQ(test, n_routes(&t), 1U);
	KUNIT_ASSERT_TRUE(test, route_of(&t, "2001:db8:77:f000::", 52, &a,
					 &ri));
	KUNIT_EXPECT_EQ(test, ri.pref, (u8)NDP_PREF_LOW);
}

/* The table is bounded: a router's share, then full; 0 keeps none. */
static void rio_table_bounded(struct kunit *test)
{
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::a");
	struct ndp_ip6 b = ndp_kt_ip(test, "fe80::b");
	static const char * const pfx[] = {
		"2001:db8:1::", "2001:db8:2::", "2001:db8:3::", "2001:db8:4::",
	};
	struct ndp_config cfg;
	struct ndp_fill f;
	struct ndp_kt t;
	u32 i;

	ndp_config_default(&cfg);
	cfg.max_routes = 4;
	ndp_kt_init(test, &t, &cfg);
	for (i = 0; i < 3; i++)
		ra_one_rio(&t, &a, rtr1_mac, 0, pfx[i], 48, PRF_HIGH, 600);
	/* the third was over a's share, half the table */
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ROUTE_ROUTER_SHARE),
			1ULL);
	KUNIT_EXPECT_EQ(test, n_routes(&t), 2U);
	for (i = 0; i < 3; i++)
		ra_one_rio(&t, &b, rtr2_mac, 0, pfx[i], 48, PRF_HIGH, 600);
	KUNIT_EXPECT_EQ(test, n_routes(&t), 4U);
	ndp_get_fill(t.ctx, &f);
	KUNIT_EXPECT_EQ(test, f.routes, 4);
	KUNIT_EXPECT_EQ(test, f.max_routes, 4);

	cfg.max_routes = 3;	/* under 4: no shares, only the capacity */
	ndp_kt_init(test, &t, &cfg);
	for (i = 0; i < 4; i++)
		ra_one_rio(&t, &a, rtr1_mac, 0, pfx[i], 48, PRF_HIGH, 600);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ROUTE_TABLE_FULL),
			1ULL);
	KUNIT_EXPECT_EQ(test, n_routes(&t), 3U);
	/* a refresh of one it has still fits */
	ra_one_rio(&t, &a, rtr1_mac, 0, pfx[0], 48, PRF_LOW, 600);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);

	cfg.max_routes = 0;
	ndp_kt_init(test, &t, &cfg);
	ra_one_rio(&t, &a, rtr1_mac, 0, pfx[0], 48, PRF_HIGH, 600);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ROUTE_TABLE_FULL),
			1ULL);
	KUNIT_EXPECT_EQ(test, n_routes(&t), 0U);
}

/* A neighbour that says it is no router (NA R=0) takes its routes along. */
static void rio_na_r0_removes_routes(struct kunit *test)
{
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::a");
	struct ndp_ip6 b = ndp_kt_ip(test, "fe80::b");
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_pref(&t, &b, 1800, PRF_LOW, rtr2_mac);
	ra_one_rio(&t, &a, rtr1_mac, 1800, "2001:db8:77::", 48, PRF_HIGH, 600);
	expect_nh(&t, "2001:db8:77::1", &a);
	ndp_kt_handle(&t, ndp_kt_na(&t, &a, &ndp_all_nodes, &a,
				    NDP_NA_FLAG_O, rtr1_mac));
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ROUTE_DEL,
						     NULL));
	KUNIT_EXPECT_EQ(test, n_routes(&t), 0U);
	expect_nh(&t, "2001:db8:77::1", &b);
}

static struct kunit_case rio_cases[] = {
	KUNIT_CASE(router_pref_orders_selection),
	KUNIT_CASE(router_pref_reserved_is_medium),
	KUNIT_CASE(rio_longest_then_pref),
	KUNIT_CASE(rio_unreachable_router_passed_over),
	KUNIT_CASE(rio_default_route_by_pref),
	KUNIT_CASE(rio_lifetimes),
	KUNIT_CASE(rio_malformed_ignored),
	KUNIT_CASE(rio_prefix_bits_cleared),
	KUNIT_CASE(rio_table_bounded),
	KUNIT_CASE(rio_na_r0_removes_routes),
	{}
};

static struct kunit_suite rio_suite = {
	.name = "ndpv6_rio",
	.test_cases = rio_cases,
};

kunit_test_suites(&rio_suite);
