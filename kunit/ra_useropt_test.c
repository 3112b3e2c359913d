// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_ra_useropt: the options of a valid RA that userspace
 * reads (module/core/rtr.c ndp_ra_useropts(); the glue sends each as
 * RTM_NEWNDUSEROPT): Prefix Information, RDNSS, DNSSL, Captive Portal and
 * PREF64, as Linux's ndisc_is_useropt() picks them.
 */
#include "ndp_kunit_rtr.h"

/* Option @i of the output is the RA's bytes at @at (from the ICMPv6 start). */
static void expect_opt(struct ndp_kt *t, u32 i, u32 at, u32 len)
{
	const struct ndp_useropt *u = &t->out->useropts[i];

	KUNIT_ASSERT_LT(t->test, i, t->out->n_useropts);
	KUNIT_EXPECT_EQ(t->test, u->off, NDP_IP6_HLEN + at);
	KUNIT_EXPECT_EQ(t->test, u->len, len);
}

static void host(struct kunit *test, struct ndp_kt *t, bool accept_ra)
{
	ndp_kt_init_host(test, t, 0);
	ndp_kt_settle(t);
	ndp_set_accept_ra(t->ctx, accept_ra);
}

/* RDNSS, DNSSL, a PIO, PREF64, Captive Portal: in order; SLLA, MTU not. */
static void dns_and_more_listed_in_order(struct kunit *test)
{
	static const u8 mac[NDP_ETH_ALEN] = { 0x02, 0xaa, 0, 0, 0, 1 };
	struct ndp_ip6 pfx = ndp_kt_ip(test, "2001:db8:1::");
	u32 rdnss, dnssl, pio, pref64, portal;
	struct kt_rawra *r;
	struct ndp_kt t;

	host(test, &t, true);
	r = rawra_new(test);
	r->len += nf_opt_lla(r->m + r->len, NDP_OPT_SLLA, mac);
	rdnss = rawra_opt(r, NDP_OPT_RDNSS, 3, 0x11);
	r->m[rdnss + 2] = 0;	/* reserved */
	rawra_opt(r, NDP_OPT_MTU, 1, 0);
	dnssl = rawra_opt(r, NDP_OPT_DNSSL, 2, 0x22);
	pio = r->len;
	r->len += nf_opt_pio(r->m + r->len, &pfx, 64, NDP_PIO_FLAG_L, 600, 300);
	pref64 = rawra_opt(r, NDP_OPT_PREF64, 2, 0x33);
	rawra_opt(r, 200, 1, 0x44);	/* unknown: skipped (RFC 4861 4.6) */
	portal = rawra_opt(r, NDP_OPT_CAPTIVE_PORTAL, 3, 0x55);
	rawra_send(&t, r, 255);

	KUNIT_EXPECT_EQ(test, t.out->n_useropts, 5U);
	expect_opt(&t, 0, rdnss, 24);
	expect_opt(&t, 1, dnssl, 16);
	expect_opt(&t, 2, pio, 32);
	expect_opt(&t, 3, pref64, 16);
	expect_opt(&t, 4, portal, 24);
	/* the bytes are the RA's own */
	KUNIT_EXPECT_EQ(test, ndp_kt_pkt(&t)[t.out->useropts[1].off], 31);
	KUNIT_EXPECT_EQ(test, ndp_kt_pkt(&t)[t.out->useropts[1].off + 5],
			0x22);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RA_USEROPT), 5ULL);
	/* the RA was acted on as well */
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &pfx), 64);
}

/* accept_ra off: the kernel still passes them up, and so does the core. */
static void listed_with_accept_ra_off(struct kunit *test)
{
	struct ndp_kt t;
	struct kt_rawra *r;
	u32 rdnss;

	host(test, &t, false);
	r = rawra_new(test);
	rdnss = rawra_opt(r, NDP_OPT_RDNSS, 3, 0x11);
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_EQ(test, t.out->n_useropts, 1U);
	expect_opt(&t, 0, rdnss, 24);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RA_IGNORED), 1ULL);
}

/* An RA that fails validation passes nothing up. */
static void none_from_an_invalid_ra(struct kunit *test)
{
	struct ndp_kt t;
	struct kt_rawra *r;

	host(test, &t, true);
	r = rawra_new(test);
	rawra_opt(r, NDP_OPT_RDNSS, 3, 0x11);
	rawra_send(&t, r, 254);		/* hop limit not 255 */
	KUNIT_EXPECT_EQ(test, t.out->n_useropts, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RA_USEROPT), 0ULL);

	r = rawra_new(test);
	rawra_opt(r, NDP_OPT_RDNSS, 3, 0x11);
	r->m[rawra_opt(r, NDP_OPT_DNSSL, 1, 0) + 1] = 0;	/* length 0 */
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_EQ(test, t.out->n_useropts, 0U);
}

/* More than the output holds: the rest are counted, not written past it. */
static void overflow_counted(struct kunit *test)
{
	struct ndp_kt t;
	struct kt_rawra *r;
	u32 i;

	host(test, &t, true);
	r = rawra_new(test);
	for (i = 0; i < NDP_OUT_USEROPTS + 6; i++)
		rawra_opt(r, NDP_OPT_DNSSL, 2, (u8)i);
	KUNIT_ASSERT_LE(test, r->len, (u32)KT_RAWRA_MAX);
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_EQ(test, t.out->n_useropts, (u32)NDP_OUT_USEROPTS);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RA_USEROPT),
			(u64)NDP_OUT_USEROPTS);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RA_USEROPT_LOST),
			6ULL);
	expect_opt(&t, NDP_OUT_USEROPTS - 1, 16 + 16 * (NDP_OUT_USEROPTS - 1),
		   16);
}

static struct kunit_case ra_useropt_cases[] = {
	KUNIT_CASE(dns_and_more_listed_in_order),
	KUNIT_CASE(listed_with_accept_ra_off),
	KUNIT_CASE(none_from_an_invalid_ra),
	KUNIT_CASE(overflow_counted),
	{}
};

static struct kunit_suite ra_useropt_suite = {
	.name = "ndpv6_ra_useropt",
	.test_cases = ra_useropt_cases,
};

kunit_test_suites(&ra_useropt_suite);
