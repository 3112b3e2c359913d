// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_rtr: router solicitation and RA processing (module/
 * core/rtr.c), driven through ndp_local()/ndp_handle()/ndp_tick() with raw
 * frames and explicit times.  Each case asserts the bytes, notes and
 * counters that come out; the fixture is in ndp_kunit_rtr.h, the lists
 * an RA fills are tested in rtr_lists_test.c.
 */
#include "ndp_kunit_rtr.h"

/* ------------------------------------------------------------ helpers */

struct rs_seen {
	s64 at;
	u32 len;
	u8 frame[NDP_ETH_HLEN + NDP_IP6_HLEN + 16];
};

static struct rs_seen *rs_alloc(struct kunit *test, int n)
{
	struct rs_seen *rs = kunit_kzalloc(test, n * sizeof(*rs), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, rs);
	return rs;
}

/* The RS sent during a run: the first @max kept, @n counted. */
struct rs_log {
	struct rs_seen *rs;
	int max, n;
};

static void rs_record(struct ndp_kt *t, void *arg)
{
	struct rs_log *log = arg;
	const struct ndp_tx *tx;
	struct rs_seen *rs;
	u32 i;

	for (i = 0; i < t->out->n_tx; i++) {
		if (ndp_kt_tx_icmp_type(t, i) != NDP_ICMP_RS)
			continue;
		tx = &t->out->tx[i];
		if (log->n < log->max) {
			rs = &log->rs[log->n];
			rs->at = t->now;
			rs->len = min_t(u32, tx->len, sizeof(rs->frame));
			memcpy(rs->frame, tx->frame, rs->len);
		}
		log->n++;
	}
}

/*
 * Tick at every deadline up to @until (ndp_kt_run_until()) and keep the
 * time and bytes of every RS sent.  Returns how many were sent.
 */
static int run_rs(struct ndp_kt *t, s64 until, struct rs_seen *rs, int max)
{
	struct rs_log log = { .rs = rs, .max = max };

	ndp_kt_run_until_each(t, until, rs_record, &log);
	return log.n;
}

/* An RS frame, byte for byte: from @src, with SLLA or not. */
static void expect_rs(struct ndp_kt *t, const struct rs_seen *rs,
		      const struct ndp_ip6 *src, bool slla)
{
	u8 want[NDP_ETH_HLEN + NDP_IP6_HLEN + 16] = {
		0x33, 0x33, 0, 0, 0, 0x02,		/* ff02::2 */
		0x02, 0, 0, 0, 0, 0x01, 0x86, 0xdd,
		0x60, 0, 0, 0, 0, 8, NDP_NH_ICMPV6, 255,
	};
	u32 len = sizeof(want) - (slla ? 0 : 8);
	u8 *ip6 = want + NDP_ETH_HLEN, *icmp = ip6 + NDP_IP6_HLEN;
	struct ndp_ip6 dst;

	memcpy(ip6 + 8, src->b, 16);
	memcpy(ip6 + 24, ndp_all_routers.b, 16);
	icmp[0] = NDP_ICMP_RS;
	if (slla) {
		ip6[5] = 16;
		icmp[8] = NDP_OPT_SLLA;
		icmp[9] = 1;
		memcpy(icmp + 10, t->mac, NDP_ETH_ALEN);
	}
	ndp_put16(icmp + 2, ndp_icmp_csum(src, &ndp_all_routers, icmp,
					  len - NDP_ETH_HLEN - NDP_IP6_HLEN));
	KUNIT_ASSERT_EQ(t->test, rs->len, len);
	KUNIT_EXPECT_EQ(t->test, memcmp(rs->frame, want, len), 0);
	ndp_ipaddr_of_cstruct(rs->frame + NDP_ETH_HLEN + 24, &dst);
	KUNIT_EXPECT_TRUE(t->test, ndp_ip6_eq(&dst, &ndp_all_routers));
}

/* ------------------------------------------------- router solicitation */

/* The first RS leaves within the random delay, from :: without SLLA. */
static void rs_first_within_random_delay(struct kunit *test)
{
	struct rs_seen *rs = rs_alloc(test, 4);
	struct ndp_kt t;
	s64 due;

	ndp_kt_init(test, &t, NULL);
	due = t.ctx->rs_timer;
	KUNIT_EXPECT_GE(test, due, t.now);
	KUNIT_EXPECT_LT(test, due, t.now + MSEC(t.cfg.rtr_solicit_delay_ms));
	KUNIT_EXPECT_EQ(test, run_rs(&t, due - 1, rs, 4), 0);
	KUNIT_ASSERT_EQ(test, run_rs(&t, due, rs, 4), 1);
	KUNIT_EXPECT_EQ(test, rs[0].at, due);
	KUNIT_EXPECT_NULL(test, ndp_addr_linklocal(t.ctx));
	expect_rs(&t, &rs[0], &ndp_unspecified, false);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	/* nothing else until the second, 4 s later */
	KUNIT_EXPECT_EQ(test, t.ctx->rs_timer, due + SEC(4));
	KUNIT_EXPECT_EQ(test, t.ctx->rs_sent, 1);
}

/* MAX_RTR_SOLICITATIONS (3) RS, RTR_SOLICITATION_INTERVAL (4 s) apart. */
static void rs_three_four_seconds_apart(struct kunit *test)
{
	struct rs_seen *rs = rs_alloc(test, 8);
	struct ndp_kt t;
	s64 start;

	ndp_kt_init(test, &t, NULL);
	start = t.now;
	KUNIT_ASSERT_EQ(test, run_rs(&t, start + SEC(60), rs, 8), 3);
	KUNIT_EXPECT_LT(test, rs[0].at, start + SEC(1));
	KUNIT_EXPECT_EQ(test, rs[1].at - rs[0].at, SEC(4));
	KUNIT_EXPECT_EQ(test, rs[2].at - rs[1].at, SEC(4));
	KUNIT_EXPECT_EQ(test, t.ctx->rs_timer, NDP_TIME_NEVER);
	KUNIT_EXPECT_EQ(test, ndp_rtr_deadline(t.ctx), NDP_TIME_NEVER);
}

/*
 * RFC 4861 6.3.7: an RS sent before the link-local address is valid
 * comes from :: without SLLA; once it is valid, from it with SLLA.
 */
static void rs_source_follows_linklocal(struct kunit *test)
{
	struct ndp_ip6 ll = ndp_kt_ll;
	const struct ndp_addr *a;
	struct rs_seen *rs = rs_alloc(test, 4);
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	KUNIT_ASSERT_EQ(test, run_rs(&t, t.now + SEC(6), rs, 4), 2);
	expect_rs(&t, &rs[0], &ndp_unspecified, false);
	a = ndp_addr_linklocal(t.ctx);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&a->ip, &ll));
	expect_rs(&t, &rs[1], &ll, true);
}

/* An RA with a non-zero Router Lifetime ends solicitation. */
static void rs_none_after_ra(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct rs_seen *rs = rs_alloc(test, 4);
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	KUNIT_ASSERT_EQ(test, run_rs(&t, t.ctx->rs_timer, rs, 4), 1);
	t.now += SEC(1);
	ra_simple(&t, &rtr, 1800, NULL);
	KUNIT_EXPECT_TRUE(test, t.ctx->rs_done);
	KUNIT_EXPECT_EQ(test, t.ctx->rs_timer, NDP_TIME_NEVER);
	KUNIT_EXPECT_EQ(test, run_rs(&t, t.now + SEC(60), rs, 4), 0);
	KUNIT_EXPECT_EQ(test, t.ctx->rs_sent, 1);
}

/*
 * RFC 4861 6.3.7: only an RA with a non-zero Router Lifetime stops the
 * RS; one from a router that is no default router does not.
 */
static void rs_continue_after_zero_lifetime_ra(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct rs_seen *rs = rs_alloc(test, 4);
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	KUNIT_ASSERT_EQ(test, run_rs(&t, t.ctx->rs_timer, rs, 4), 1);
	ra_simple(&t, &rtr, 0, NULL);
	KUNIT_EXPECT_FALSE(test, t.ctx->rs_done);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_EQ(test, run_rs(&t, t.now + SEC(60), rs, 4), 2);
}

/* accept_ra off (Mirage's handle_ra false): no RS, RAs ignored. */
static void rs_none_with_accept_ra_off(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_config cfg;
	struct rs_seen *rs = rs_alloc(test, 4);
	struct ndp_kt t;
	struct kt_ra r;
	u32 len;

	ndp_config_default(&cfg);
	cfg.accept_ra = false;
	ndp_kt_init(test, &t, &cfg);
	KUNIT_EXPECT_EQ(test, t.ctx->rs_timer, NDP_TIME_NEVER);
	KUNIT_EXPECT_EQ(test, run_rs(&t, t.now + SEC(60), rs, 4), 0);
	ra_begin(&r, 0, 1800, 0, 0);
	len = ndp_kt_build_icmp(&t, &rtr, &ndp_all_nodes, 255, r.m, r.len);
	ndp_kt_handle(&t, len);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RA_IGNORED), 1ULL);
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_RX_DROPPED);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
}

/* Turned off before the first RS is due: the timer fires and stops. */
static void rs_stops_when_accept_ra_turned_off(struct kunit *test)
{
	struct rs_seen *rs = rs_alloc(test, 4);
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	KUNIT_ASSERT_NE(test, t.ctx->rs_timer, NDP_TIME_NEVER);
	ndp_set_accept_ra(t.ctx, false);
	KUNIT_EXPECT_EQ(test, run_rs(&t, t.now + SEC(60), rs, 4), 0);
	KUNIT_EXPECT_EQ(test, t.ctx->rs_timer, NDP_TIME_NEVER);
}

/* No room in the output: TX_OUT_FULL, and the RS stays due. */
static void rs_output_full_stays_due(struct kunit *test)
{
	struct rs_seen *rs = rs_alloc(test, 4);
	struct ndp_kt t;
	s64 due;

	ndp_kt_init(test, &t, NULL);
	due = t.ctx->rs_timer;
	run_rs(&t, due - 1, rs, 4);
	ndp_out_reset(t.out);
	t.out->n_tx = NDP_OUT_TX;
	ndp_kt_snap(&t);
	ndp_tick(t.ctx, due, t.out);
	KUNIT_EXPECT_GE(test, ndp_kt_stat_delta(&t, NDP_STAT_TX_OUT_FULL),
			1ULL);
	KUNIT_EXPECT_EQ(test, t.ctx->rs_sent, 0);
	KUNIT_EXPECT_EQ(test, t.ctx->rs_timer, due);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(t.ctx), due);
	t.now = due;
	KUNIT_ASSERT_EQ(test, run_rs(&t, due, rs, 4), 1);
	expect_rs(&t, &rs[0], &ndp_unspecified, false);
	KUNIT_EXPECT_EQ(test, t.ctx->rs_sent, 1);
}

/*
 * RFC 7559 backoff (configured): no limit, each interval 1.9 to 2.1
 * times the last from 4 s +-10 %, capped at the maximum +-10 %.
 */
static void rs_rfc7559_backoff(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 ll = ndp_kt_ll;
	struct ndp_config cfg;
	struct rs_seen *rs = rs_alloc(test, 32);
	struct ndp_kt t;
	s64 ivl, prev;
	int n, i;

	ndp_config_default(&cfg);
	cfg.rtr_solicits = NDP_RS_UNLIMITED;
	cfg.rtr_solicit_max_interval_ms = 60000;
	ndp_kt_init(test, &t, &cfg);
	n = run_rs(&t, t.now + SEC(600), rs, 32);
	/* 4 + 8 + 16 + 32 = 60 s, then about every 60 s: 12 to 15 in all */
	KUNIT_EXPECT_GE(test, n, 12);
	KUNIT_ASSERT_LE(test, n, 15);
	ivl = rs[1].at - rs[0].at;
	KUNIT_EXPECT_GE(test, ivl, MSEC(3600));
	KUNIT_EXPECT_LE(test, ivl, MSEC(4400));
	for (i = 2; i < n; i++) {
		prev = ivl;
		ivl = rs[i].at - rs[i - 1].at;
		if (ivl >= SEC(54)) {
			KUNIT_EXPECT_LE(test, ivl, SEC(66));
			continue;
		}
		KUNIT_EXPECT_GE(test, ivl, prev * 19 / 10);
		KUNIT_EXPECT_LE(test, ivl, prev * 21 / 10 + 1);
	}
	KUNIT_EXPECT_GE(test, ivl, SEC(54));
	/* every one byte-exact; an RA stops them */
	expect_rs(&t, &rs[n - 1], &ll, true);
	ra_simple(&t, &rtr, 600, NULL);
	KUNIT_EXPECT_EQ(test, run_rs(&t, t.now + SEC(600), rs, 4), 0);
}

/* ------------------------------------------------------------------ RA */

/* ReachableTime and RetransTimer are milliseconds (Mirage's Ndpv6: not). */
static void ra_reachable_and_retrans_in_ms(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_params p;
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	ra_begin(&r, 0, 0, 45000, 1500);
	ra_send(&t, &r, &rtr);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.base_reachable_ms, 45000U);
	KUNIT_EXPECT_GE(test, p.reachable_ms, 22500U);
	KUNIT_EXPECT_LT(test, p.reachable_ms, 67500U);
	KUNIT_EXPECT_EQ(test, p.retrans_ms, 1500U);
	/* zero means unspecified: kept */
	ra_begin(&r, 0, 0, 0, 0);
	ra_send(&t, &r, &rtr);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.base_reachable_ms, 45000U);
	KUNIT_EXPECT_EQ(test, p.retrans_ms, 1500U);
	/* an absurd ReachableTime is capped at one hour (RFC 4861 6.2.1) */
	ra_begin(&r, 0, 0, 0xffffffff, 0);
	ra_send(&t, &r, &rtr);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.base_reachable_ms, 3600000U);
	KUNIT_EXPECT_LT(test, p.reachable_ms, 5400000U);
	/* one below 100 ms counts as 100 ms, as in Linux (HZ/10) */
	ra_begin(&r, 0, 0, 1, 0);
	ra_send(&t, &r, &rtr);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.base_reachable_ms, 100U);
	KUNIT_EXPECT_GE(test, p.reachable_ms, 50U);
	ra_begin(&r, 0, 0, 100, 0);
	ra_send(&t, &r, &rtr);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.base_reachable_ms, 100U);
}

/*
 * An option given twice (SLLA, MTU): the first counts, as in Linux's
 * ndisc_parse_options(), and each repeat is counted.
 */
static void ra_duplicate_options_first_counts(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_nbr_info ni;
	struct ndp_params p;
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	ra_begin(&r, 0, 1800, 0, 0);
	ra_slla(&r, rtr1_mac);
	ra_slla(&r, rtr2_mac);
	ra_mtu(&r, 1400);
	ra_mtu(&r, 1300);
	ra_send(&t, &r, &rtr);
	ndp_kt_expect_only(&t, NDP_STAT_ND_OPT_DUPLICATE, NDP_STAT_NBR_CREATED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ND_OPT_DUPLICATE),
			2ULL);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(t.ctx, &rtr, &ni), 0);
	KUNIT_EXPECT_EQ(test, memcmp(ni.mac, rtr1_mac, NDP_ETH_ALEN), 0);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.mtu, 1400U);
}

/*
 * RetransTimer from an RA is at least 10 ms, as in Linux (HZ/100): with an
 * RA saying 1 ms, a new address still waits 10 ms after its DAD NS for an
 * answer before it is valid.  From 10 ms up the RA's value is taken.
 */
static void ra_retrans_timer_floor(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 ip = ndp_kt_ip(test, "2001:db8::5");
	struct ndp_params p;
	struct ndp_kt t;
	struct kt_ra r;
	s64 sent;

	ndp_kt_init(test, &t, NULL);
	ndp_kt_run_until(&t, t.now + SEC(3));
	ra_begin(&r, 0, 0, 0, 1);
	ra_send(&t, &r, &rtr);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.retrans_ms, 10U);

	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &ip, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	ndp_kt_expect_dad_ns(&t, ndp_kt_step_until_tx(&t, NDP_ICMP_NS,
						      t.now + SEC(2)), &ip);
	sent = t.now;
	ndp_kt_tick(&t, sent + 9 * NDP_NSEC_PER_MSEC);
	KUNIT_EXPECT_FALSE(test, ndp_addr_is_ours(t.ctx, &ip));
	ndp_kt_tick(&t, sent + 10 * NDP_NSEC_PER_MSEC);
	KUNIT_EXPECT_TRUE(test, ndp_addr_is_ours(t.ctx, &ip));

	ra_begin(&r, 0, 0, 0, 11);
	ra_send(&t, &r, &rtr);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.retrans_ms, 11U);
}

/* Router Lifetime is seconds: 1800 s is there at 1799 s, gone at 1801 s. */
static void ra_router_lifetime_in_seconds(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_router_info ri;
	const struct ndp_note *n;
	struct ndp_kt t;
	s64 t0;

	ndp_kt_init(test, &t, NULL);
	t0 = t.now;
	ra_simple(&t, &rtr, 1800, NULL);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	n = ndp_kt_find_note(&t, NDP_NOTE_ROUTER_ADD, &rtr);
	KUNIT_ASSERT_NOT_NULL(test, n);
	KUNIT_EXPECT_EQ(test, n->valid_s, 1800U);
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &rtr, &ri));
	KUNIT_EXPECT_EQ(test, ri.origin, NDP_ORIGIN_RA);
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, 1800U);
	KUNIT_EXPECT_EQ(test, ndp_rtr_deadline(t.ctx), t0 + SEC(1800));
	ndp_kt_run_until(&t, t0 + SEC(1799));
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &rtr, &ri));
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, 1U);
	ndp_kt_tick(&t, t0 + SEC(1800));
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_ROUTER_DEL, &rtr));
	ndp_kt_run_until(&t, t0 + SEC(1801));
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_EQ(test, ndp_get_routers(t.ctx, NULL, 0), 0);
}

/* A refresh moves the expiry; Router Lifetime 0 removes at once. */
static void ra_router_lifetime_zero_removes(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 other = ndp_kt_ip(test, "fe80::9");
	struct ndp_router_info ri;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_simple(&t, &rtr, 600, NULL);
	t.now += SEC(500);
	ra_simple(&t, &rtr, 600, NULL);
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &rtr, &ri));
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, 600U);
	ra_simple(&t, &rtr, 0, NULL);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(&t, NDP_NOTE_ROUTER_DEL), 1U);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_ROUTER_DEL, &rtr));
	/* lifetime 0 from a router we never had: nothing to say */
	ra_simple(&t, &other, 0, NULL);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_get_routers(t.ctx, NULL, 0), 0);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
}

/* An NA with R=0 from a router removes it (Mirage's Ndpv6 kept it). */
static void na_r0_removes_router(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_nbr_info ni;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_simple(&t, &rtr, 1800, rtr1_mac);
	KUNIT_ASSERT_TRUE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(t.ctx, &rtr, &ni), 0);
	KUNIT_EXPECT_TRUE(test, ni.is_router);
	/* unsolicited NA, O=1, R=0, same link-layer address */
	ndp_kt_handle(&t, ndp_kt_na(&t, &rtr, &ndp_all_nodes, &rtr,
				    NDP_NA_FLAG_O, rtr1_mac));
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_ROUTER_DEL, &rtr));
	KUNIT_EXPECT_FALSE(test, ndp_rtr_is_router(t.ctx, &rtr));
}

/* The same rule called directly: static routers are configuration. */
static void not_router_spares_static(struct kunit *test)
{
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 b = ndp_kt_ip(test, "fe80::2");
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_simple(&t, &a, 1800, NULL);
	KUNIT_ASSERT_EQ(test, ndp_add_routers(t.ctx, t.now, &b, 1, NDP_INFINITE,
					      t.out), 0);
	ndp_out_reset(t.out);
	ndp_rtr_not_router(t.ctx, t.now, &a, t.out);
	ndp_rtr_not_router(t.ctx, t.now, &b, t.out);
	KUNIT_EXPECT_FALSE(test, ndp_rtr_is_router(t.ctx, &a));
	KUNIT_EXPECT_TRUE(test, ndp_rtr_is_router(t.ctx, &b));
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 1U);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_ROUTER_DEL, &a));
}

/* SLLA: the router's entry in the neighbour cache, STALE, IsRouter. */
static void ra_slla_learned_stale(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_router_info ri;
	struct ndp_nbr_info ni;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_simple(&t, &rtr, 1800, rtr1_mac);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(t.ctx, &rtr, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, memcmp(ni.mac, rtr1_mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_TRUE(test, ni.is_router);
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &rtr, &ri));
	KUNIT_EXPECT_EQ(test, ri.nud, NDP_NUD_STALE);
	/* a new address: updated, STALE again */
	ra_simple(&t, &rtr, 1800, rtr2_mac);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(t.ctx, &rtr, &ni), 0);
	KUNIT_EXPECT_EQ(test, memcmp(ni.mac, rtr2_mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_STALE);
}

/* CurHopLimit: taken when non-zero, noted, used in frames built. */
static void ra_cur_hop_limit(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 dst = ndp_kt_ip(test, "2001:db8::1");
	const struct ndp_note *n;
	struct ndp_params p;
	struct ndp_kt t;
	struct kt_ra r;
	u8 frame[64];

	ndp_kt_init(test, &t, NULL);
	ra_begin(&r, 200, 0, 0, 0);
	ra_send(&t, &r, &rtr);
	n = ndp_kt_find_note(&t, NDP_NOTE_HOPLIMIT, NULL);
	KUNIT_ASSERT_NOT_NULL(test, n);
	KUNIT_EXPECT_EQ(test, n->value, 200U);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.cur_hop_limit, 200);
	KUNIT_ASSERT_EQ(test, ndp_allocate_frame(t.ctx, &dst, NDP_NH_UDP,
						 frame, sizeof(frame)),
			(u32)(NDP_ETH_HLEN + NDP_IP6_HLEN));
	KUNIT_EXPECT_EQ(test, frame[NDP_ETH_HLEN + 7], 200);
	/* 0: unspecified, kept, no note; the same value: no note */
	ra_begin(&r, 0, 0, 0, 0);
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(&t, NDP_NOTE_HOPLIMIT), 0U);
	ra_begin(&r, 200, 0, 0, 0);
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(&t, NDP_NOTE_HOPLIMIT), 0U);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.cur_hop_limit, 200);
}

struct mtu_case {
	u32 mtu;
	bool ok;
	const char *name;
};

static const struct mtu_case mtu_cases[] = {
	{ 1280, true, "1280 (minimum)" },
	{ 1400, true, "1400" },
	{ 1500, true, "1500 (link MTU, unchanged)" },
	{ 1279, false, "1279 (below IPv6 minimum)" },
	{ 1501, false, "1501 (above link MTU)" },
	{ 9000, false, "9000 (jumbo on a 1500 link)" },
	{ 0, false, "0" },
};

static void mtu_desc(const struct mtu_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(mtu, mtu_cases, mtu_desc);

/* MTU option accepted only within [1280, link MTU]. */
static void ra_mtu_option_range(struct kunit *test)
{
	const struct mtu_case *c = test->param_value;
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	const struct ndp_note *n;
	struct ndp_params p;
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	ra_begin(&r, 0, 0, 0, 0);
	ra_mtu(&r, c->mtu);
	ra_send(&t, &r, &rtr);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.mtu, c->ok ? c->mtu : 1500U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RA_MTU_INVALID),
			c->ok ? 0ULL : 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_RA_MTU_INVALID);
	n = ndp_kt_find_note(&t, NDP_NOTE_MTU, NULL);
	if (c->ok && c->mtu != 1500) {
		KUNIT_ASSERT_NOT_NULL(test, n);
		KUNIT_EXPECT_EQ(test, n->value, c->mtu);
	} else {
		KUNIT_EXPECT_NULL(test, n);
	}
}

/* ---------------------------------------------------------------- misc */

/* Hosts ignore RS (Redirects: redirect_test.c). */
static void rs_ignored(struct kunit *test)
{
	static const u8 peer_mac[NDP_ETH_ALEN] = { 0x02, 0xbb, 0, 0, 0, 1 };
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::5");
	struct ndp_ip6 ll = ndp_kt_ll;
	struct ndp_kt t;
	u8 m[64];
	u32 len;

	ndp_kt_init(test, &t, NULL);
	ndp_kt_run_until(&t, t.now + SEC(3));
	ra_simple(&t, &rtr, 1800, rtr1_mac);
	len = nf_rs(m);
	len += nf_opt_lla(m + len, NDP_OPT_SLLA, peer_mac);
	/* a host does not even listen to ff02::2 */
	len = ndp_kt_build_icmp(&t, &peer, &ndp_all_routers, 255, m, len);
	ndp_kt_handle(&t, len);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_IP6_NOT_FOR_US),
			1ULL);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	/* and one sent to its own address is not answered */
	len = nf_rs(m);
	len += nf_opt_lla(m + len, NDP_OPT_SLLA, peer_mac);
	len = ndp_kt_build_icmp(&t, &peer, &ll, 255, m, len);
	ndp_kt_handle(&t, len);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RS_IGNORED), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_RS_IGNORED);
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
}

/* Table changes move the generation; quiet ticks do not. */
static void generation_follows_tables(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_kt t;
	u32 gen;

	ndp_kt_init(test, &t, NULL);
	ndp_kt_run_until(&t, t.now + SEC(20));
	gen = ndp_generation(t.ctx);
	ndp_kt_tick(&t, t.now + SEC(1));
	KUNIT_EXPECT_EQ(test, ndp_generation(t.ctx), gen);
	ra_simple(&t, &rtr, 30, NULL);
	KUNIT_EXPECT_NE(test, ndp_generation(t.ctx), gen);
	gen = ndp_generation(t.ctx);
	ndp_kt_run_until(&t, t.now + SEC(31));
	KUNIT_EXPECT_NE(test, ndp_generation(t.ctx), gen);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
}

/*
 * RFC 4861 6.3.7 on re-attachment: the link lost, solicitation is held,
 * even after an RA had ended it; the link back, it starts over (random
 * delay, MAX_RTR_SOLICITATIONS, 4 s apart).  The first RS leaves while the
 * link-local address is being checked again: from it, but without SLLA
 * (RFC 4429 3.2); the next ones, once it passed, with SLLA.
 */
static void rs_again_when_link_comes_back(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 ll = ndp_kt_ll;
	struct rs_seen *rs = rs_alloc(test, 4);
	struct ndp_kt t;
	s64 t_up;

	ndp_kt_init(test, &t, NULL);
	KUNIT_ASSERT_EQ(test, run_rs(&t, t.now + SEC(3), rs, 4), 1);
	ra_simple(&t, &rtr, 1800, rtr1_mac);
	KUNIT_ASSERT_TRUE(test, t.ctx->rs_done);

	ndp_out_reset(t.out);
	ndp_link_change(t.ctx, t.now, false, t.out);
	/* turned off and on while down: still nothing */
	ndp_set_accept_ra(t.ctx, false);
	ndp_set_accept_ra(t.ctx, true);
	KUNIT_EXPECT_EQ(test, run_rs(&t, t.now + SEC(20), rs, 4), 0);

	t_up = t.now;
	ndp_out_reset(t.out);
	ndp_link_change(t.ctx, t.now, true, t.out);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_FALSE(test, t.ctx->rs_done);
	KUNIT_EXPECT_EQ(test, t.ctx->rs_sent, 0);
	KUNIT_EXPECT_GE(test, t.ctx->rs_timer, t_up);
	KUNIT_EXPECT_LT(test, t.ctx->rs_timer,
			t_up + MSEC(t.cfg.rtr_solicit_delay_ms));
	KUNIT_ASSERT_EQ(test, run_rs(&t, t_up + SEC(20), rs, 4), 3);
	KUNIT_EXPECT_LT(test, rs[0].at, t_up + SEC(1));
	KUNIT_EXPECT_EQ(test, rs[1].at - rs[0].at, SEC(4));
	KUNIT_EXPECT_EQ(test, rs[2].at - rs[1].at, SEC(4));
	expect_rs(&t, &rs[0], &ll, false);
	expect_rs(&t, &rs[1], &ll, true);
	/* routers stay: the RAs of the link decide */
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_EQ(test, ndp_stats(t.ctx)[NDP_STAT_LINK_UP], 1ULL);
}

/* Down from the start: no RS at all until the link comes, then from ::. */
static void rs_waits_for_the_link(struct kunit *test)
{
	struct rs_seen *rs = rs_alloc(test, 4);
	struct ndp_params par;
	struct ndp_kt t;
	s64 t_up;

	ndp_kt_init(test, &t, NULL);
	ndp_link_change(t.ctx, t.now, false, t.out);
	ndp_get_params(t.ctx, &par);
	KUNIT_EXPECT_FALSE(test, par.link_up);
	KUNIT_EXPECT_EQ(test, ndp_rtr_deadline(t.ctx), NDP_TIME_NEVER);
	KUNIT_EXPECT_EQ(test, run_rs(&t, t.now + SEC(30), rs, 4), 0);
	t_up = t.now;
	ndp_link_change(t.ctx, t.now, true, t.out);
	ndp_get_params(t.ctx, &par);
	KUNIT_EXPECT_TRUE(test, par.link_up);
	KUNIT_ASSERT_EQ(test, run_rs(&t, t_up + SEC(1), rs, 4), 1);
	/* the link-local address is tentative (not optimistic): from :: */
	KUNIT_EXPECT_NULL(test, ndp_addr_linklocal(t.ctx));
	expect_rs(&t, &rs[0], &ndp_unspecified, false);
}

static struct kunit_case rtr_cases[] = {
	KUNIT_CASE(rs_first_within_random_delay),
	KUNIT_CASE(rs_three_four_seconds_apart),
	KUNIT_CASE(rs_source_follows_linklocal),
	KUNIT_CASE(rs_none_after_ra),
	KUNIT_CASE(rs_continue_after_zero_lifetime_ra),
	KUNIT_CASE(rs_none_with_accept_ra_off),
	KUNIT_CASE(rs_stops_when_accept_ra_turned_off),
	KUNIT_CASE(rs_output_full_stays_due),
	KUNIT_CASE(rs_rfc7559_backoff),
	KUNIT_CASE(ra_reachable_and_retrans_in_ms),
	KUNIT_CASE(ra_duplicate_options_first_counts),
	KUNIT_CASE(ra_retrans_timer_floor),
	KUNIT_CASE(ra_router_lifetime_in_seconds),
	KUNIT_CASE(ra_router_lifetime_zero_removes),
	KUNIT_CASE(na_r0_removes_router),
	KUNIT_CASE(not_router_spares_static),
	KUNIT_CASE(ra_slla_learned_stale),
	KUNIT_CASE(ra_cur_hop_limit),
	KUNIT_CASE_PARAM(ra_mtu_option_range, mtu_gen_params),
	KUNIT_CASE(rs_ignored),
	KUNIT_CASE(generation_follows_tables),
	KUNIT_CASE(rs_again_when_link_comes_back),
	KUNIT_CASE(rs_waits_for_the_link),
	{}
};

static struct kunit_suite rtr_suite = {
	.name = "ndpv6_rtr",
	.test_cases = rtr_cases,
};

kunit_test_suites(&rtr_suite);
