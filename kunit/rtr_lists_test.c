// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_rtr_lists: the prefix list and the default router list
 * (module/core/rtr.c): Prefix Information options, the caps on both lists,
 * static entries, and next-hop determination through ndp_send().  Each
 * case asserts the bytes, notes and counters that come out; the fixture is
 * in ndp_kunit_rtr.h.
 */
#include "ndp_kunit_rtr.h"

#define YEARS(x) (SEC(x) * 365 * 24 * 3600)

static bool prefix_info(struct ndp_kt *t, const struct ndp_ip6 *pfx,
			struct ndp_prefix_info *pi)
{
	u32 pos = 0;

	while (ndp_prefix_next(t->ctx, t->now, &pos, pi))
		if (ndp_ip6_eq(&pi->pfx.addr, pfx))
			return true;
	return false;
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
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(&t, NDP_NOTE_PREFIX_ADD), 3U);
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

/* An RA from @rtr with three PIOs @p for a list of two: one too many. */
static void caps_prefixes_full(struct ndp_kt *t, const struct ndp_ip6 *rtr,
			       struct ndp_ip6 p[3])
{
	/* off the stack: the case's frame stays under 1024 bytes */
	struct kt_ra *r = kunit_kzalloc(t->test, sizeof(*r), GFP_KERNEL);
	struct kunit *test = t->test;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, r);
	ra_begin(r, 0, 900, 0, 0);
	for (i = 0; i < 3; i++) {
		p[i] = ndp_kt_ip(test, "2001:db8::");
		p[i].b[5] = i + 1;
		ra_pio(r, &p[i], 64, NDP_PIO_FLAG_L, 600, 600);
	}
	ra_send(t, r, rtr);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(t, NDP_STAT_PREFIX_TABLE_FULL),
			1ULL);
	ndp_kt_expect_only(t, NDP_STAT_PREFIX_TABLE_FULL,
			   NDP_STAT_NBR_CREATED, NDP_STAT_NBR_ROUTER_PROBED);
	KUNIT_EXPECT_EQ(test, ndp_get_prefix(t->ctx, NULL, 0), 2);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(t, &p[0]), 64);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(t, &p[1]), 64);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(t, &p[2]), -1);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(t, NDP_NOTE_PREFIX_ADD), 2U);
}

/*
 * Static configuration in the places of the RA entries (routers @r[0] and
 * @r[1], prefixes @p[0] and @p[1]), all or nothing: with only static
 * entries left, router @r[2] and a third prefix are refused.
 */
static void caps_static_displace(struct ndp_kt *t, const struct ndp_ip6 *r,
				 const struct ndp_ip6 *p)
{
	struct ndp_ip6 stat[2] = { ndp_kt_ip(t->test, "fe80::4"),
				   ndp_kt_ip(t->test, "fe80::5") };
	struct kunit *test = t->test;
	struct ndp_prefix sp;
	int i;

	ndp_kt_snap(t);
	KUNIT_EXPECT_EQ(test, ndp_add_routers(t->ctx, t->now, stat, 2, 60,
					      t->out), 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(t, NDP_STAT_ROUTER_DISPLACED),
			2ULL);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(t, &r[0]));
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(t, &r[1]));
	ndp_kt_snap(t);
	KUNIT_EXPECT_EQ(test, ndp_add_routers(t->ctx, t->now, &r[2], 1, 60,
					      t->out), -ENOSPC);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(t, NDP_STAT_ROUTER_TABLE_FULL),
			1ULL);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(t, &r[2]));
	sp.len = 64;
	for (i = 0; i < 3; i++) {
		sp.addr = p[2];
		sp.addr.b[6] = i;
		ndp_kt_snap(t);
		KUNIT_EXPECT_EQ(test, ndp_add_prefix(t->ctx, t->now, &sp, 60,
						     t->out),
				i < 2 ? 0 : -ENOSPC);
		KUNIT_EXPECT_EQ(test,
				ndp_kt_stat_delta(t, i < 2 ?
						  NDP_STAT_PREFIX_DISPLACED :
						  NDP_STAT_PREFIX_TABLE_FULL),
				1ULL);
	}
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(t, &p[0]), -1);
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(t, &p[1]), -1);
}

/*
 * cfg.max_routers / max_prefixes: the rest is counted, never stored, and
 * its router is asked to prove itself (the places it may then take:
 * rtr_trust_test.c).  Static entries take the places of RA entries whose
 * routers never did; with only static entries left, a full table refuses.
 */
static void caps_exceeded_counted(struct kunit *test)
{
	struct ndp_ip6 r[3] = { ndp_kt_ip(test, "fe80::1"),
				ndp_kt_ip(test, "fe80::2"),
				ndp_kt_ip(test, "fe80::3") };
	struct ndp_ip6 p[3];
	struct ndp_config cfg;
	struct ndp_kt t;

	ndp_config_default(&cfg);
	cfg.max_routers = 2;
	cfg.max_prefixes = 2;
	cfg.rtr_solicits = 0;
	ndp_kt_init(test, &t, &cfg);
	ndp_kt_settle(&t);
	ra_simple(&t, &r[0], 600, NULL);
	ra_simple(&t, &r[1], 600, NULL);
	ra_simple(&t, &r[2], 600, NULL);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&t, NDP_STAT_ROUTER_TABLE_FULL),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_ROUTER_TABLE_FULL,
			   NDP_STAT_NBR_CREATED, NDP_STAT_NBR_ROUTER_PROBED);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_NS), 1U);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_get_routers(t.ctx, NULL, 0), 2);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &r[2]));
	/* a known one is refreshed, full or not */
	ra_simple(&t, &r[0], 900, NULL);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(&t, NDP_NOTE_ROUTER_ADD), 1U);

	caps_prefixes_full(&t, &r[0], p);
	caps_static_displace(&t, r, p);
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
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(&t, NDP_NOTE_ROUTER_ADD), 2U);
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
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &ips[0], &ri));
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
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &rtr, &ri));
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
	KUNIT_ASSERT_TRUE(test, ndp_kt_router_info(&t, &rtr, &ri));
	KUNIT_EXPECT_EQ(test, ri.origin, NDP_ORIGIN_STATIC);
	KUNIT_EXPECT_EQ(test, ri.lifetime_s, NDP_INFINITE);
	KUNIT_ASSERT_TRUE(test, prefix_info(&t, &sp.addr, &pi));
	KUNIT_EXPECT_EQ(test, pi.origin, NDP_ORIGIN_STATIC);
	KUNIT_EXPECT_EQ(test, pi.valid_s, NDP_INFINITE);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
}

/* ------------------------------------------------------------ next hop */

/* On-link destinations (link-local, on-link prefix) are the next hop. */
static void next_hop_onlink_direct(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 p = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 d1 = ndp_kt_ip(test, "2001:db8:1::5");
	struct ndp_ip6 ll = ndp_kt_ip(test, "fe80::99");
	struct ndp_ip6 mc = ndp_kt_ip(test, "ff02::1:2");
	struct ndp_kt_cpkt pk;
	struct ndp_kt t;
	struct kt_ra r;

	ndp_kt_init(test, &t, NULL);
	ra_begin(&r, 0, 1800, 0, 0);
	ra_slla(&r, rtr1_mac);
	ra_pio(&r, &p, 64, NDP_PIO_FLAG_L, 3600, 3600);
	ra_send(&t, &r, &rtr);
	ndp_kt_expect_next_hop(&t, &d1, &d1);
	ndp_kt_expect_next_hop(&t, &ll, &ll);
	ndp_kt_expect_next_hop(&t, &mc, &mc);
	/* through send: resolved as a neighbour, not via the router */
	ndp_kt_send(&t, ndp_kt_cpkt(&t, &pk, &d1, &ndp_unspecified, 0));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_TX_NO_ROUTE),
			0ULL);
	KUNIT_EXPECT_NE(test, memcmp(pk.buf + NDP_KT_HEADROOM - NDP_ETH_HLEN,
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
	struct ndp_kt_cpkt pk;
	struct ndp_kt t;

	ndp_kt_init(test, &t, NULL);
	ra_simple(&t, &rtr, 1800, rtr1_mac);
	ndp_kt_expect_next_hop(&t, &d, &rtr);
	ndp_kt_send(&t, ndp_kt_cpkt(&t, &pk, &d, &ndp_unspecified, 0));
	KUNIT_ASSERT_EQ(test, t.out->n_tx, 1U);
	KUNIT_EXPECT_EQ(test, t.out->n_done, 0U);
	KUNIT_EXPECT_PTR_EQ(test, t.out->tx[0].handle, (void *)&pk);
	KUNIT_EXPECT_EQ(test, t.out->tx[0].len, NDP_ETH_HLEN + pk.pkt.len);
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
	struct ndp_kt_cpkt pk;
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
	ndp_kt_send(&t, ndp_kt_cpkt(&t, &pk, &d, &ndp_unspecified, 0));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_ASSERT_EQ(test, t.out->n_done, 1U);
	KUNIT_EXPECT_PTR_EQ(test, t.out->done[0].handle, (void *)&pk);
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
	struct ndp_kt t;
	int i;

	ndp_kt_init(test, &t, NULL);
	ra_simple(&t, &a, 1800, NULL);		/* no SLLA: no entry */
	ra_simple(&t, &b, 1800, rtr2_mac);	/* STALE: probably reachable */
	KUNIT_EXPECT_TRUE(test, ndp_nbr_probably_unreachable(t.ctx, &a));
	KUNIT_EXPECT_FALSE(test, ndp_nbr_probably_unreachable(t.ctx, &b));
	for (i = 0; i < 3; i++)
		ndp_kt_expect_next_hop(&t, &d, &b);
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

static struct kunit_case rtr_lists_cases[] = {
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
	{}
};

static struct kunit_suite rtr_lists_suite = {
	.name = "ndpv6_rtr_lists",
	.test_cases = rtr_lists_cases,
};

kunit_test_suites(&rtr_lists_suite);
