// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_rtr: router solicitation, RA processing, the default
 * router and prefix lists, static configuration and next hop (module/core/
 * rtr.c), driven through ndp_local()/ndp_handle()/ndp_tick()/ndp_send()
 * with raw frames and explicit times.  Each case asserts the bytes, notes
 * and counters that come out.
 */
#include "ndp_kunit.h"

#define YEARS(x) (SEC(x) * 365 * 24 * 3600)

static const u8 rtr1_mac[NDP_ETH_ALEN] = { 0x02, 0xaa, 0, 0, 0, 0x01 };
static const u8 rtr2_mac[NDP_ETH_ALEN] = { 0x02, 0xaa, 0, 0, 0, 0x02 };

/* ------------------------------------------------------------ helpers */

struct kt_ra {
	u8 m[160];
	u32 len;
};

static void ra_begin(struct kt_ra *r, u8 hop_limit, u16 lifetime_s,
		     u32 reachable_ms, u32 retrans_ms)
{
	r->len = nf_ra(r->m, hop_limit, 0, lifetime_s, reachable_ms,
		       retrans_ms);
}

static void ra_pio(struct kt_ra *r, const struct ndp_ip6 *pfx, u8 plen,
		   u8 flags, u32 valid_s, u32 preferred_s)
{
	r->len += nf_opt_pio(r->m + r->len, pfx, plen, flags, valid_s,
			     preferred_s);
}

static void ra_slla(struct kt_ra *r, const u8 *mac)
{
	r->len += nf_opt_lla(r->m + r->len, NDP_OPT_SLLA, mac);
}

static void ra_mtu(struct kt_ra *r, u32 mtu)
{
	r->len += nf_opt_mtu(r->m + r->len, mtu);
}

/* Feed the RA from @src to ff02::1; it must be consumed, not dropped. */
static void ra_send(struct ndp_kt *t, struct kt_ra *r,
		    const struct ndp_ip6 *src)
{
	u32 len = ndp_kt_build_icmp(t, src, &ndp_all_nodes, 255, r->m,
				    r->len);

	ndp_kt_handle(t, len);
	KUNIT_EXPECT_EQ(t->test, t->out->n_done, 1U);
	KUNIT_EXPECT_PTR_EQ(t->test, t->out->done[0].handle, (void *)t);
	KUNIT_EXPECT_EQ(t->test, t->out->done[0].reason, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(t->test, ndp_kt_stat_delta(t, NDP_STAT_RX_ND), 1ULL);
}

/* A plain RA: @lifetime_s, no options. */
static void ra_simple(struct ndp_kt *t, const struct ndp_ip6 *src,
		      u16 lifetime_s, const u8 *slla)
{
	struct kt_ra r;

	ra_begin(&r, 0, lifetime_s, 0, 0);
	if (slla)
		ra_slla(&r, slla);
	ra_send(t, &r, src);
}

static u32 count_notes(struct ndp_kt *t, enum ndp_note_kind kind)
{
	u32 i, n = 0;

	for (i = 0; i < t->out->n_notes; i++)
		n += t->out->notes[i].kind == kind;
	return n;
}

static bool router_info(struct ndp_kt *t, const struct ndp_ip6 *ip,
			struct ndp_router_info *ri)
{
	u32 pos = 0;

	while (ndp_router_next(t->ctx, t->now, &pos, ri))
		if (ndp_ip6_eq(&ri->addr, ip))
			return true;
	return false;
}

static bool prefix_info(struct ndp_kt *t, const struct ndp_ip6 *pfx,
			struct ndp_prefix_info *pi)
{
	u32 pos = 0;

	while (ndp_prefix_next(t->ctx, t->now, &pos, pi))
		if (ndp_ip6_eq(&pi->pfx.addr, pfx))
			return true;
	return false;
}

/* The link-local address ndpv6 makes from the fixture's MAC (EUI-64). */
static struct ndp_ip6 our_ll(struct kunit *test)
{
	return ndp_kt_ip(test, "fe80::ff:fe00:1");
}

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
	struct ndp_ip6 ll = our_ll(test);
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
	struct ndp_ip6 ll = our_ll(test);
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
}

/* The DAD NS for @target in this output, or -1. */
static int dad_ns_for(struct ndp_kt *t, const struct ndp_ip6 *target)
{
	const u8 *m;
	u32 i, len;

	for (i = 0; i < t->out->n_tx; i++) {
		m = ndp_kt_tx_icmp(t, i, &len);
		if (m && m[0] == NDP_ICMP_NS && len >= 24 &&
		    !memcmp(m + 8, target->b, 16))
			return i;
	}
	return -1;
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
	unsigned int guard;
	struct ndp_params p;
	struct ndp_kt t;
	struct kt_ra r;
	s64 sent = 0;

	ndp_kt_init(test, &t, NULL);
	ndp_kt_run_until(&t, t.now + SEC(3));
	ra_begin(&r, 0, 0, 0, 1);
	ra_send(&t, &r, &rtr);
	ndp_get_params(t.ctx, &p);
	KUNIT_EXPECT_EQ(test, p.retrans_ms, 10U);

	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &ip, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	for (guard = 0; guard < 100 && !sent; guard++) {
		ndp_kt_tick(&t, max(t.now, ndp_next_deadline(t.ctx)));
		if (dad_ns_for(&t, &ip) >= 0)
			sent = t.now;
	}
	KUNIT_ASSERT_NE(test, sent, 0LL);
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
	KUNIT_ASSERT_TRUE(test, router_info(&t, &rtr, &ri));
	KUNIT_EXPECT_EQ(test, ri.origin, NDP_ORIGIN_RA);
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, 1800U);
	KUNIT_EXPECT_EQ(test, ndp_rtr_deadline(t.ctx), t0 + SEC(1800));
	ndp_kt_run_until(&t, t0 + SEC(1799));
	KUNIT_ASSERT_TRUE(test, router_info(&t, &rtr, &ri));
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
	KUNIT_ASSERT_TRUE(test, router_info(&t, &rtr, &ri));
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, 600U);
	ra_simple(&t, &rtr, 0, NULL);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_EQ(test, count_notes(&t, NDP_NOTE_ROUTER_DEL), 1U);
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
	u8 m[64];
	u32 len;

	ndp_kt_init(test, &t, NULL);
	ra_simple(&t, &rtr, 1800, rtr1_mac);
	KUNIT_ASSERT_TRUE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(t.ctx, &rtr, &ni), 0);
	KUNIT_EXPECT_TRUE(test, ni.is_router);
	/* unsolicited NA, O=1, R=0, same link-layer address */
	len = nf_na(m, NDP_NA_FLAG_O, &rtr);
	len += nf_opt_lla(m + len, NDP_OPT_TLLA, rtr1_mac);
	len = ndp_kt_build_icmp(&t, &rtr, &ndp_all_nodes, 255, m, len);
	ndp_kt_handle(&t, len);
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
	KUNIT_ASSERT_TRUE(test, router_info(&t, &rtr, &ri));
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
	KUNIT_EXPECT_EQ(test, count_notes(&t, NDP_NOTE_HOPLIMIT), 0U);
	ra_begin(&r, 200, 0, 0, 0);
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_EQ(test, count_notes(&t, NDP_NOTE_HOPLIMIT), 0U);
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

/* ----------------------------------------------------------------- PIO */

struct plen_case {
	const char *pfx;	/* as sent, host bits may be set */
	u8 plen;
	const char *stored;	/* after masking */
	const char *inside;
	const char *outside;
};

static const struct plen_case plen_cases[] = {
	{ "2001:db8:1::", 64, "2001:db8:1::", "2001:db8:1::ffff",
	  "2001:db8:1:1::1" },
	{ "2001:db8:2::", 48, "2001:db8:2::", "2001:db8:2:ffff::1",
	  "2001:db8:3::1" },
	{ "2001:db8:3:ff::1", 56, "2001:db8:3::", "2001:db8:3:ff::9",
	  "2001:db8:3:100::1" },
	{ "2001:db8:4::1", 128, "2001:db8:4::1", "2001:db8:4::1",
	  "2001:db8:4::2" },
};

static void plen_desc(const struct plen_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s/%u", c->pfx, c->plen);
}

KUNIT_ARRAY_PARAM(plen, plen_cases, plen_desc);

/*
 * Unlike Mirage's Ndpv6, the prefix length is the option's Prefix Length
 * byte (offset 2), not its Length byte (always 4); host bits are masked.
 */
static void pio_prefix_length_from_its_byte(struct kunit *test)
{
	const struct plen_case *c = test->param_value;
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 pfx = ndp_kt_ip(test, c->pfx);
	struct ndp_ip6 stored = ndp_kt_ip(test, c->stored);
	struct ndp_ip6 in = ndp_kt_ip(test, c->inside);
	struct ndp_ip6 outside = ndp_kt_ip(test, c->outside);
	const struct ndp_note *n;
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	ra_begin(&r, 0, 0, 0, 0);
	ra_pio(&r, &pfx, c->plen, NDP_PIO_FLAG_L, 3600, 1800);
	KUNIT_ASSERT_EQ(test, r.m[16 + 1], 4);	/* Length byte: 4 units */
	ra_send(&t, &r, &rtr);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &stored), (int)c->plen);
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t.ctx, NULL, 0), 1);
	n = ndp_kt_find_note(&t, NDP_NOTE_PREFIX_ADD, &stored);
	KUNIT_ASSERT_NOT_NULL(test, n);
	KUNIT_EXPECT_EQ(test, n->plen, c->plen);
	KUNIT_EXPECT_EQ(test, n->valid_s, 3600U);
	KUNIT_EXPECT_EQ(test, n->preferred_s, 1800U);
	KUNIT_EXPECT_TRUE(test, ndp_is_onlink(t.ctx, &in));
	KUNIT_EXPECT_FALSE(test, ndp_is_onlink(t.ctx, &outside));
}

/* A published mistake of other stacks: only the last PIO kept. */
static void pio_every_one_of_several_kept(struct kunit *test)
{
	static const char *const pfxs[] = {
		"2001:db8:a::", "2001:db8:b::", "2001:db8:c::"
	};
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 p[3];
	struct ndp_kt t;
	struct kt_ra r;
	int i;

	ndp_kt_init(test, &t, NULL);
	ra_begin(&r, 0, 1800, 0, 0);
	for (i = 0; i < 3; i++) {
		p[i] = ndp_kt_ip(test, pfxs[i]);
		ra_pio(&r, &p[i], 64, NDP_PIO_FLAG_L, 3600, 3600);
	}
	ra_mtu(&r, 1480);
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t.ctx, NULL, 0), 3);
	KUNIT_EXPECT_EQ(test, count_notes(&t, NDP_NOTE_PREFIX_ADD), 3U);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p[i]), 64);
		KUNIT_EXPECT_GE(test, ndp_kt_note(&t, NDP_NOTE_PREFIX_ADD,
						  &p[i]), 0);
	}
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_MTU, NULL));
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
}

/* L=1 alone makes a prefix on-link; L=0 says nothing (unlike Mirage's). */
static void pio_onlink_flag_only(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 p1 = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 p2 = ndp_kt_ip(test, "2001:db8:2::");
	struct ndp_ip6 d1 = ndp_kt_ip(test, "2001:db8:1::5");
	struct ndp_ip6 d2 = ndp_kt_ip(test, "2001:db8:2::5");
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	/* L=0: not added */
	ra_begin(&r, 0, 0, 0, 0);
	ra_pio(&r, &p2, 64, 0, 3600, 3600);
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t.ctx, NULL, 0), 0);
	KUNIT_EXPECT_FALSE(test, ndp_is_onlink(t.ctx, &d2));
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	/* L=1 adds; a later L=0 (even valid 0) does not remove it */
	ra_begin(&r, 0, 0, 0, 0);
	ra_pio(&r, &p1, 64, NDP_PIO_FLAG_L, 3600, 3600);
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_TRUE(test, ndp_is_onlink(t.ctx, &d1));
	ra_begin(&r, 0, 0, 0, 0);
	ra_pio(&r, &p1, 64, 0, 0, 0);
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p1), 64);
	KUNIT_EXPECT_TRUE(test, ndp_is_onlink(t.ctx, &d1));
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
}

/* L=1 with valid lifetime 0 times the prefix out at once. */
static void pio_valid_zero_removes(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 p1 = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 p9 = ndp_kt_ip(test, "2001:db8:9::");
	const struct ndp_note *n;
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	ra_begin(&r, 0, 0, 0, 0);
	ra_pio(&r, &p1, 64, NDP_PIO_FLAG_L, 3600, 3600);
	ra_send(&t, &r, &rtr);
	ra_begin(&r, 0, 0, 0, 0);
	ra_pio(&r, &p1, 64, NDP_PIO_FLAG_L, 0, 0);
	ra_pio(&r, &p9, 64, NDP_PIO_FLAG_L, 0, 0);	/* unknown: ignored */
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p1), -1);
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t.ctx, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 1U);
	n = ndp_kt_find_note(&t, NDP_NOTE_PREFIX_DEL, &p1);
	KUNIT_ASSERT_NOT_NULL(test, n);
	KUNIT_EXPECT_EQ(test, n->plen, 64);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
}

/* A PIO for the link-local prefix is ignored, on-link and SLAAC alike. */
static void pio_linklocal_ignored(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 ll = ndp_kt_ip(test, "fe80::");
	struct ndp_kt t;
	struct kt_ra r;
	int ips;

	ndp_kt_init(test, &t, NULL);
	ndp_kt_run_until(&t, t.now + SEC(3));
	ips = ndp_get_ip(t.ctx, NULL, 0);
	ra_begin(&r, 0, 0, 0, 0);
	ra_pio(&r, &ll, 64, NDP_PIO_FLAG_L | NDP_PIO_FLAG_A, 3600, 3600);
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_PIO_LINKLOCAL),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_PIO_LINKLOCAL);
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t.ctx, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, NULL, 0), ips);
}

/*
 * Preferred > valid: no SLAAC (RFC 4862 5.5.3 c), counted; the on-link
 * information (RFC 4861) still holds.
 */
static void pio_preferred_gt_valid_no_slaac(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 p = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 a = ndp_kt_ip(test, "2001:db8:1::ff:fe00:1");
	struct ndp_prefix_info pi;
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	ra_begin(&r, 0, 0, 0, 0);
	ra_pio(&r, &p, 64, NDP_PIO_FLAG_L | NDP_PIO_FLAG_A, 1000, 2000);
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&t, NDP_STAT_PIO_PREF_GT_VALID),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_PIO_PREF_GT_VALID);
	KUNIT_ASSERT_TRUE(test, prefix_info(&t, &p, &pi));
	KUNIT_EXPECT_EQ(test, pi.pfx.len, 64);
	KUNIT_EXPECT_FALSE(test, pi.autonomous);
	KUNIT_EXPECT_EQ(test, pi.valid_s, 1000U);
	KUNIT_EXPECT_EQ(test, pi.preferred_s, 1000U);
	ndp_kt_run_until(&t, t.now + SEC(10));
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &a));
	KUNIT_EXPECT_NULL(test, ndp_addr_find(t.ctx, &a));
}

/* Real-size lifetimes: /64 valid 86400 s, still there an hour later. */
static void pio_real_size_lifetimes(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 p = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 a = ndp_kt_ip(test, "2001:db8:1::ff:fe00:1");
	struct ndp_ip6 d = ndp_kt_ip(test, "2001:db8:1::77");
	struct ndp_prefix_info pi;
	struct ndp_kt t;
	struct kt_ra r;
	s64 t0;

	ndp_kt_init(test, &t, NULL);
	ndp_kt_run_until(&t, t.now + SEC(3));
	t0 = t.now;
	ra_begin(&r, 64, 1800, 30000, 1000);
	ra_slla(&r, rtr1_mac);
	ra_pio(&r, &p, 64, NDP_PIO_FLAG_L | NDP_PIO_FLAG_A, 86400, 14400);
	ra_send(&t, &r, &rtr);
	ndp_kt_run_until(&t, t0 + SEC(3600));
	KUNIT_ASSERT_TRUE(test, prefix_info(&t, &p, &pi));
	KUNIT_EXPECT_EQ(test, pi.pfx.len, 64);
	KUNIT_EXPECT_EQ(test, pi.origin, NDP_ORIGIN_RA);
	KUNIT_EXPECT_TRUE(test, pi.onlink);
	KUNIT_EXPECT_TRUE(test, pi.autonomous);
	KUNIT_EXPECT_EQ(test, pi.valid_s, 86400U - 3600U);
	KUNIT_EXPECT_EQ(test, pi.preferred_s, 14400U - 3600U);
	KUNIT_EXPECT_TRUE(test, ndp_is_onlink(t.ctx, &d));
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &a));
	/* the router (1800 s) is gone by now, the prefix is not */
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_EQ(test, ndp_rtr_deadline(t.ctx), t0 + SEC(86400));
	ndp_kt_run_until(&t, t0 + SEC(86400) - 1);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p), 64);
	ndp_kt_tick(&t, t0 + SEC(86400));
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p), -1);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_PREFIX_DEL, &p));
}

/* ---------------------------------------------------------------- caps */

/* cfg.max_routers / max_prefixes: the rest is counted, never stored. */
static void caps_exceeded_counted(struct kunit *test)
{
	struct ndp_ip6 r1 = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 r2 = ndp_kt_ip(test, "fe80::2");
	struct ndp_ip6 r3 = ndp_kt_ip(test, "fe80::3");
	struct ndp_ip6 p[3];
	struct ndp_prefix sp;
	struct ndp_config cfg;
	struct ndp_kt t;
	struct kt_ra r;
	int i;

	ndp_config_default(&cfg);
	cfg.max_routers = 2;
	cfg.max_prefixes = 2;
	ndp_kt_init(test, &t, &cfg);
	ra_simple(&t, &r1, 600, NULL);
	ra_simple(&t, &r2, 600, NULL);
	ra_simple(&t, &r3, 600, NULL);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&t, NDP_STAT_ROUTER_TABLE_FULL),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_ROUTER_TABLE_FULL);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_get_routers(t.ctx, NULL, 0), 2);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &r3));
	/* a known one is refreshed, full or not */
	ra_simple(&t, &r1, 900, NULL);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, count_notes(&t, NDP_NOTE_ROUTER_ADD), 1U);
	/* static configuration: all or nothing */
	ndp_kt_snap(&t);
	KUNIT_EXPECT_EQ(test, ndp_add_routers(t.ctx, t.now, &r3, 1, 60,
					      t.out), -ENOSPC);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&t, NDP_STAT_ROUTER_TABLE_FULL),
			1ULL);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &r3));

	ra_begin(&r, 0, 0, 0, 0);
	for (i = 0; i < 3; i++) {
		p[i] = ndp_kt_ip(test, "2001:db8::");
		p[i].b[5] = i + 1;
		ra_pio(&r, &p[i], 64, NDP_PIO_FLAG_L, 600, 600);
	}
	ra_send(&t, &r, &r1);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&t, NDP_STAT_PREFIX_TABLE_FULL),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_PREFIX_TABLE_FULL);
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t.ctx, NULL, 0), 2);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p[0]), 64);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p[1]), 64);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &p[2]), -1);
	KUNIT_EXPECT_EQ(test, count_notes(&t, NDP_NOTE_PREFIX_ADD), 2U);
	sp.addr = p[2];
	sp.len = 64;
	ndp_kt_snap(&t);
	KUNIT_EXPECT_EQ(test, ndp_add_prefix(t.ctx, t.now, &sp, 60, t.out),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&t, NDP_STAT_PREFIX_TABLE_FULL),
			1ULL);
}

/* ---------------------------------------------------- static entries */

/*
 * Unlike Mirage's Ndpv6, static routers and prefixes with an infinite
 * lifetime never expire (no "one year since boot").
 */
static void static_infinite_never_expire(struct kunit *test)
{
	struct ndp_ip6 ips[2] = { ndp_kt_ip(test, "fe80::1"),
				  ndp_kt_ip(test, "fe80::2") };
	struct ndp_ip6 d = ndp_kt_ip(test, "2001:db8:5::42");
	struct ndp_prefix sp = { .addr = ndp_kt_ip(test, "2001:db8:5::"),
				 .len = 64 };
	struct ndp_router_info ri;
	struct ndp_prefix_info pi;
	const struct ndp_note *n;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ndp_out_reset(t.out);
	KUNIT_ASSERT_EQ(test, ndp_add_routers(t.ctx, t.now, ips, 2,
					      NDP_INFINITE, t.out), 0);
	KUNIT_EXPECT_EQ(test, count_notes(&t, NDP_NOTE_ROUTER_ADD), 2U);
	n = ndp_kt_find_note(&t, NDP_NOTE_ROUTER_ADD, &ips[1]);
	KUNIT_ASSERT_NOT_NULL(test, n);
	KUNIT_EXPECT_EQ(test, n->valid_s, NDP_INFINITE);
	ndp_out_reset(t.out);
	KUNIT_ASSERT_EQ(test, ndp_add_prefix(t.ctx, t.now, &sp, NDP_INFINITE,
					     t.out), 0);
	n = ndp_kt_find_note(&t, NDP_NOTE_PREFIX_ADD, &sp.addr);
	KUNIT_ASSERT_NOT_NULL(test, n);
	KUNIT_EXPECT_EQ(test, n->plen, 64);
	KUNIT_EXPECT_EQ(test, n->valid_s, NDP_INFINITE);
	/* three years later */
	ndp_kt_run_until(&t, t.now + YEARS(3));
	KUNIT_EXPECT_EQ(test, ndp_get_routers(t.ctx, NULL, 0), 2);
	KUNIT_ASSERT_TRUE(test, router_info(&t, &ips[0], &ri));
	KUNIT_EXPECT_EQ(test, ri.origin, NDP_ORIGIN_STATIC);
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, NDP_INFINITE);
	KUNIT_ASSERT_TRUE(test, prefix_info(&t, &sp.addr, &pi));
	KUNIT_EXPECT_EQ(test, pi.origin, NDP_ORIGIN_STATIC);
	KUNIT_EXPECT_EQ(test, pi.valid_s, NDP_INFINITE);
	KUNIT_EXPECT_TRUE(test, ndp_is_onlink(t.ctx, &d));
	KUNIT_EXPECT_EQ(test, ndp_rtr_deadline(t.ctx), NDP_TIME_NEVER);
}

/* A finite static lifetime is seconds from now, and runs out. */
static void static_router_finite_lifetime(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_router_info ri;
	struct ndp_kt t;
	s64 t0;

	ndp_kt_init(test, &t, NULL);
	t0 = t.now;
	KUNIT_ASSERT_EQ(test, ndp_add_routers(t.ctx, t0, &rtr, 1, 60, t.out),
			0);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(t.ctx), t0 + SEC(60));
	ndp_kt_run_until(&t, t0 + SEC(59));
	KUNIT_ASSERT_TRUE(test, router_info(&t, &rtr, &ri));
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, 1U);
	KUNIT_EXPECT_EQ(test, ndp_rtr_deadline(t.ctx), t0 + SEC(60));
	ndp_kt_tick(&t, t0 + SEC(60));
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &rtr));
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_ROUTER_DEL, &rtr));
}

/* Static configuration is checked, and all or nothing. */
static void static_config_rejects_bad_input(struct kunit *test)
{
	struct ndp_ip6 mixed[2] = { ndp_kt_ip(test, "fe80::1"),
				    ndp_kt_ip(test, "2001:db8::1") };
	struct ndp_ip6 mc = ndp_kt_ip(test, "ff02::2");
	struct ndp_ip6 un = ndp_kt_ip(test, "::");
	struct ndp_prefix p129 = { .addr = ndp_kt_ip(test, "2001:db8::"),
				   .len = 129 };
	struct ndp_prefix pmc = { .addr = ndp_kt_ip(test, "ff00::"),
				  .len = 8 };
	struct ndp_prefix p64 = { .addr = ndp_kt_ip(test, "2001:db8::"),
				  .len = 64 };
	struct ndp_kt t;
	u32 gen;

	ndp_kt_init(test, &t, NULL);
	gen = ndp_generation(t.ctx);
	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_add_routers(t.ctx, t.now, mixed, 2, 600,
					      t.out), -EINVAL);
	KUNIT_EXPECT_EQ(test, ndp_add_routers(t.ctx, t.now, &mc, 1, 600,
					      t.out), -EINVAL);
	KUNIT_EXPECT_EQ(test, ndp_add_routers(t.ctx, t.now, &un, 1, 600,
					      t.out), -EINVAL);
	KUNIT_EXPECT_EQ(test, ndp_add_routers(t.ctx, t.now, mixed, -1, 600,
					      t.out), -EINVAL);
	KUNIT_EXPECT_EQ(test, ndp_add_routers(t.ctx, t.now, mixed, 1, 0,
					      t.out), -EINVAL);
	KUNIT_EXPECT_EQ(test, ndp_add_prefix(t.ctx, t.now, &p129, 600, t.out),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ndp_add_prefix(t.ctx, t.now, &pmc, 600, t.out),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ndp_add_prefix(t.ctx, t.now, &p64, 0, t.out),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ndp_del_router(t.ctx, t.now, &mixed[0], t.out),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, ndp_del_prefix(t.ctx, t.now, &p64, t.out),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, ndp_del_prefix(t.ctx, t.now, &p129, t.out),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ndp_get_routers(t.ctx, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t.ctx, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_generation(t.ctx), gen);
}

/* Deleting, the getters' count, and host bits in a prefix argument. */
static void static_del_and_get(struct kunit *test)
{
	struct ndp_ip6 ips[3] = { ndp_kt_ip(test, "fe80::1"),
				  ndp_kt_ip(test, "fe80::2"),
				  ndp_kt_ip(test, "fe80::3") };
	struct ndp_prefix sp = { .addr = ndp_kt_ip(test, "2001:db8:7::9"),
				 .len = 64 };
	struct ndp_ip6 masked = ndp_kt_ip(test, "2001:db8:7::");
	struct ndp_prefix got[2] = {};
	struct ndp_ip6 out[2] = {};
	struct ndp_kt t;
	u32 gen;

	ndp_kt_init(test, &t, NULL);
	KUNIT_ASSERT_EQ(test, ndp_add_routers(t.ctx, t.now, ips, 3, 600,
					      t.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_add_prefix(t.ctx, t.now, &sp, 600, t.out),
			0);
	/* how many there are; only as many as fit are written */
	KUNIT_EXPECT_EQ(test, ndp_get_routers(t.ctx, out, 1), 3);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&out[0], &ips[0]));
	KUNIT_EXPECT_TRUE(test, ndp_ip6_is_unspec(&out[1]));
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t.ctx, got, 2), 1);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&got[0].addr, &masked));
	KUNIT_EXPECT_EQ(test, got[0].len, 64);
	gen = ndp_generation(t.ctx);
	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_del_router(t.ctx, t.now, &ips[1], t.out), 0);
	KUNIT_EXPECT_EQ(test, ndp_del_prefix(t.ctx, t.now, &sp, t.out), 0);
	KUNIT_EXPECT_NE(test, ndp_generation(t.ctx), gen);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ROUTER_DEL,
						     &ips[1]));
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_PREFIX_DEL,
						     &got[0].addr));
	KUNIT_EXPECT_EQ(test, ndp_get_routers(t.ctx, NULL, 0), 2);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &ips[1]));
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t.ctx, NULL, 0), 0);
}

/* RAs do not change or remove what the configuration says. */
static void static_entries_beat_ra(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_prefix sp = { .addr = ndp_kt_ip(test, "2001:db8:1::"),
				 .len = 64 };
	struct ndp_router_info ri;
	struct ndp_prefix_info pi;
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	KUNIT_ASSERT_EQ(test, ndp_add_routers(t.ctx, t.now, &rtr, 1,
					      NDP_INFINITE, t.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_add_prefix(t.ctx, t.now, &sp, NDP_INFINITE,
					     t.out), 0);
	ra_begin(&r, 0, 0, 0, 0);
	ra_pio(&r, &sp.addr, 64, NDP_PIO_FLAG_L, 0, 0);
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	ra_begin(&r, 0, 600, 0, 0);
	ra_pio(&r, &sp.addr, 64, NDP_PIO_FLAG_L, 600, 600);
	ra_send(&t, &r, &rtr);
	KUNIT_ASSERT_TRUE(test, router_info(&t, &rtr, &ri));
	KUNIT_EXPECT_EQ(test, ri.origin, NDP_ORIGIN_STATIC);
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, NDP_INFINITE);
	KUNIT_ASSERT_TRUE(test, prefix_info(&t, &sp.addr, &pi));
	KUNIT_EXPECT_EQ(test, pi.origin, NDP_ORIGIN_STATIC);
	KUNIT_EXPECT_EQ(test, pi.valid_s, NDP_INFINITE);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
}

/* ------------------------------------------------------------ next hop */

/* A caller packet: UDP to @dst with headroom, handle = @buf. */
#define RT_PKT_SIZE	(NDP_KT_HEADROOM + NDP_IP6_HLEN + 8)
static void make_pkt(struct ndp_kt *t, u8 *buf, struct ndp_pkt *pkt,
		     const struct ndp_ip6 *dst)
{
	u8 *ip6 = buf + NDP_KT_HEADROOM;

	ndp_write_ip6(ip6, &ndp_unspecified, dst, NDP_NH_UDP, 64, 8);
	memset(ip6 + NDP_IP6_HLEN, 0x5a, 8);
	pkt->handle = buf;
	pkt->data = ip6;
	pkt->len = NDP_IP6_HLEN + 8;
	pkt->tot_len = pkt->len;
	pkt->headroom = NDP_KT_HEADROOM;
}

static void send_pkt(struct ndp_kt *t, struct ndp_pkt *pkt)
{
	ndp_out_reset(t->out);
	ndp_kt_snap(t);
	ndp_send(t->ctx, t->now, NULL, pkt, 0, t->out);
}

/* On-link destinations (link-local, on-link prefix) are the next hop. */
static void next_hop_onlink_direct(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 p = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 d1 = ndp_kt_ip(test, "2001:db8:1::5");
	struct ndp_ip6 ll = ndp_kt_ip(test, "fe80::99");
	struct ndp_ip6 mc = ndp_kt_ip(test, "ff02::1:2");
	u8 buf[RT_PKT_SIZE];
	struct ndp_pkt pkt;
	struct ndp_ip6 nh;
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	ra_begin(&r, 0, 1800, 0, 0);
	ra_slla(&r, rtr1_mac);
	ra_pio(&r, &p, 64, NDP_PIO_FLAG_L, 3600, 3600);
	ra_send(&t, &r, &rtr);
	KUNIT_ASSERT_EQ(test, ndp_next_hop(t.ctx, &d1, &nh), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&nh, &d1));
	KUNIT_ASSERT_EQ(test, ndp_next_hop(t.ctx, &ll, &nh), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&nh, &ll));
	KUNIT_ASSERT_EQ(test, ndp_next_hop(t.ctx, &mc, &nh), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&nh, &mc));
	/* through send: resolved as a neighbour, not via the router */
	make_pkt(&t, buf, &pkt, &d1);
	send_pkt(&t, &pkt);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_TX_NO_ROUTE),
			0ULL);
	KUNIT_EXPECT_NE(test, memcmp(buf + NDP_KT_HEADROOM - NDP_ETH_HLEN,
				     rtr1_mac, NDP_ETH_ALEN), 0);
}

/* Off-link via the default router: Ethernet to the router's MAC. */
static void next_hop_offlink_via_router(struct kunit *test)
{
	static const u8 eth[NDP_ETH_HLEN] = {
		0x02, 0xaa, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0x01, 0x86, 0xdd
	};
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 d = ndp_kt_ip(test, "2001:db8:99::1");
	u8 buf[RT_PKT_SIZE];
	struct ndp_pkt pkt;
	struct ndp_ip6 nh;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_simple(&t, &rtr, 1800, rtr1_mac);
	KUNIT_ASSERT_EQ(test, ndp_next_hop(t.ctx, &d, &nh), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&nh, &rtr));
	make_pkt(&t, buf, &pkt, &d);
	send_pkt(&t, &pkt);
	KUNIT_ASSERT_EQ(test, t.out->n_tx, 1U);
	KUNIT_EXPECT_EQ(test, t.out->n_done, 0U);
	KUNIT_EXPECT_PTR_EQ(test, t.out->tx[0].handle, (void *)buf);
	KUNIT_EXPECT_EQ(test, t.out->tx[0].len, NDP_ETH_HLEN + pkt.len);
	KUNIT_EXPECT_EQ(test, memcmp(t.out->tx[0].frame, eth, sizeof(eth)), 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_TX_PACKETS), 1ULL);
}

/*
 * RFC 5942, unlike Mirage's Ndpv6: with no router an off-link
 * destination is unreachable, never assumed on-link; send gives the
 * packet back.
 */
static void next_hop_no_router_unreachable(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 p = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 d = ndp_kt_ip(test, "2001:db8:2::1");
	struct ndp_ip6 lo = ndp_kt_ip(test, "::1");
	u8 buf[RT_PKT_SIZE];
	struct ndp_pkt pkt;
	struct ndp_ip6 nh;
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	KUNIT_EXPECT_EQ(test, ndp_next_hop(t.ctx, &d, &nh), -EHOSTUNREACH);
	KUNIT_EXPECT_EQ(test, ndp_next_hop(t.ctx, &lo, &nh), -EHOSTUNREACH);
	KUNIT_EXPECT_EQ(test, ndp_next_hop(t.ctx, &ndp_unspecified, &nh),
			-EHOSTUNREACH);
	/* an on-link prefix does not make other prefixes on-link */
	ra_begin(&r, 0, 0, 0, 0);
	ra_pio(&r, &p, 64, NDP_PIO_FLAG_L, 3600, 3600);
	ra_send(&t, &r, &rtr);
	KUNIT_EXPECT_EQ(test, ndp_next_hop(t.ctx, &d, &nh), -EHOSTUNREACH);
	make_pkt(&t, buf, &pkt, &d);
	send_pkt(&t, &pkt);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_ASSERT_EQ(test, t.out->n_done, 1U);
	KUNIT_EXPECT_PTR_EQ(test, t.out->done[0].handle, (void *)buf);
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_NO_ROUTE);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_TX_NO_ROUTE),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_TX_NO_ROUTE);
	/* a router that dies takes the route with it */
	ra_simple(&t, &rtr, 10, rtr1_mac);
	KUNIT_EXPECT_EQ(test, ndp_next_hop(t.ctx, &d, &nh), 0);
	ndp_kt_run_until(&t, t.now + SEC(11));
	KUNIT_EXPECT_EQ(test, ndp_next_hop(t.ctx, &d, &nh), -EHOSTUNREACH);
}

/* RFC 4861 6.3.6: a router not known unreachable is preferred, stably. */
static void next_hop_prefers_reachable_router(struct kunit *test)
{
	struct ndp_ip6 a = ndp_kt_ip(test, "fe80::a");
	struct ndp_ip6 b = ndp_kt_ip(test, "fe80::b");
	struct ndp_ip6 d = ndp_kt_ip(test, "2001:db8:99::1");
	struct ndp_ip6 nh;
	struct ndp_kt t;
	int i;

	ndp_kt_init(test, &t, NULL);
	ra_simple(&t, &a, 1800, NULL);		/* no SLLA: no entry */
	ra_simple(&t, &b, 1800, rtr2_mac);	/* STALE: probably reachable */
	KUNIT_EXPECT_TRUE(test, ndp_nbr_probably_unreachable(t.ctx, &a));
	KUNIT_EXPECT_FALSE(test, ndp_nbr_probably_unreachable(t.ctx, &b));
	for (i = 0; i < 3; i++) {
		KUNIT_ASSERT_EQ(test, ndp_next_hop(t.ctx, &d, &nh), 0);
		KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&nh, &b));
	}
}

/* No router known reachable: round robin over all of them. */
static void next_hop_round_robin(struct kunit *test)
{
	struct ndp_ip6 r[3] = { ndp_kt_ip(test, "fe80::a"),
				ndp_kt_ip(test, "fe80::b"),
				ndp_kt_ip(test, "fe80::c") };
	struct ndp_ip6 d = ndp_kt_ip(test, "2001:db8:99::1");
	struct ndp_ip6 nh, peek;
	struct ndp_kt t;
	int i;

	ndp_kt_init(test, &t, NULL);
	for (i = 0; i < 3; i++)
		ra_simple(&t, &r[i], 1800, NULL);
	for (i = 0; i < 7; i++) {
		/* a peek says the next pick and does not move the rotation */
		KUNIT_ASSERT_EQ(test, ndp_next_hop_peek(t.ctx, &d, &peek), 0);
		KUNIT_ASSERT_EQ(test, ndp_next_hop_peek(t.ctx, &d, &peek), 0);
		KUNIT_ASSERT_EQ(test, ndp_next_hop(t.ctx, &d, &nh), 0);
		KUNIT_EXPECT_TRUE_MSG(test, ndp_ip6_eq(&nh, &r[i % 3]),
				      "pick %d", i);
		KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&peek, &nh));
	}
	/* one that goes away leaves the rotation */
	ra_simple(&t, &r[1], 0, NULL);
	for (i = 0; i < 4; i++) {
		KUNIT_ASSERT_EQ(test, ndp_next_hop(t.ctx, &d, &nh), 0);
		KUNIT_EXPECT_FALSE(test, ndp_ip6_eq(&nh, &r[1]));
	}
}

/* ---------------------------------------------------------------- misc */

/* Hosts ignore RS; Redirect is counted and changes no next hop. */
static void rs_and_redirect_ignored(struct kunit *test)
{
	static const u8 peer_mac[NDP_ETH_ALEN] = { 0x02, 0xbb, 0, 0, 0, 1 };
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::5");
	struct ndp_ip6 d = ndp_kt_ip(test, "2001:db8:99::1");
	struct ndp_ip6 ll = our_ll(test);
	struct ndp_ip6 nh;
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
	/* Redirect: better first hop fe80::5 for d, with its TLLA */
	memset(m, 0, 48);
	m[0] = NDP_ICMP_REDIRECT;
	memcpy(m + 8, peer.b, 16);
	memcpy(m + 24, d.b, 16);
	len = 40 + nf_opt_lla(m + 40, NDP_OPT_TLLA, peer_mac);
	len = ndp_kt_build_icmp(&t, &rtr, &ll, 255, m, len);
	ndp_kt_handle(&t, len);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_REDIRECT_IGNORED),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_REDIRECT_IGNORED);
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_CONSUMED);
	KUNIT_ASSERT_EQ(test, ndp_next_hop(t.ctx, &d, &nh), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&nh, &rtr));
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
	struct ndp_ip6 ll = our_ll(test);
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

static struct kunit_case ndpv6_rtr_cases[] = {
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
	KUNIT_CASE(ra_retrans_timer_floor),
	KUNIT_CASE(ra_router_lifetime_in_seconds),
	KUNIT_CASE(ra_router_lifetime_zero_removes),
	KUNIT_CASE(na_r0_removes_router),
	KUNIT_CASE(not_router_spares_static),
	KUNIT_CASE(ra_slla_learned_stale),
	KUNIT_CASE(ra_cur_hop_limit),
	KUNIT_CASE_PARAM(ra_mtu_option_range, mtu_gen_params),
	KUNIT_CASE_PARAM(pio_prefix_length_from_its_byte, plen_gen_params),
	KUNIT_CASE(pio_every_one_of_several_kept),
	KUNIT_CASE(pio_onlink_flag_only),
	KUNIT_CASE(pio_valid_zero_removes),
	KUNIT_CASE(pio_linklocal_ignored),
	KUNIT_CASE(pio_preferred_gt_valid_no_slaac),
	KUNIT_CASE(pio_real_size_lifetimes),
	KUNIT_CASE(caps_exceeded_counted),
	KUNIT_CASE(static_infinite_never_expire),
	KUNIT_CASE(static_router_finite_lifetime),
	KUNIT_CASE(static_config_rejects_bad_input),
	KUNIT_CASE(static_del_and_get),
	KUNIT_CASE(static_entries_beat_ra),
	KUNIT_CASE(next_hop_onlink_direct),
	KUNIT_CASE(next_hop_offlink_via_router),
	KUNIT_CASE(next_hop_no_router_unreachable),
	KUNIT_CASE(next_hop_prefers_reachable_router),
	KUNIT_CASE(next_hop_round_robin),
	KUNIT_CASE(rs_and_redirect_ignored),
	KUNIT_CASE(generation_follows_tables),
	KUNIT_CASE(rs_again_when_link_comes_back),
	KUNIT_CASE(rs_waits_for_the_link),
	{}
};

static struct kunit_suite ndpv6_rtr_suite = {
	.name = "ndpv6_rtr",
	.test_cases = ndpv6_rtr_cases,
};

kunit_test_suites(&ndpv6_rtr_suite);
