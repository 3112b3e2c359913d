// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_slaac: stateless address autoconfiguration from the
 * Prefix Information of Router Advertisements (RFC 4862 5.5.3), lifetimes
 * and the two-hour rule included.  Frames in are built byte by byte;
 * frames out are checked byte by byte, with the counters that moved. *
 * The fixture's MAC is 02:00:00:00:00:01, so the link-local address is
 * fe80::ff:fe00:1 (ndp_kt_ll) and its solicited-node group ff02::1:ff00:1
 * (ndp_kt_ll_sn).  Unless a case needs router discovery, RS are turned
 * off (ndp_kt_init_host()) so that only this file's frames leave.
 */
#include "ndp_kunit.h"

/* The router of the PIOs fed to ndp_addr_slaac() directly. */
static const struct ndp_ip6 kt_rtr = { .b = { 0xfe, 0x80, [15] = 1 } };

/* Optimistic DAD off: the address is only ours once DAD has passed. */
static void address_from_ra(struct kunit *test)
{
	struct ndp_ip6 pfx = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:1::ff:fe00:1");
	struct ndp_addr_info ai;
	struct ndp_kt t;
	s64 t_ra, t_ns;
	int i;

	ndp_kt_init_host(test, &t, 1);
	ndp_set_optimistic_dad(t.ctx, false);
	ndp_kt_settle(&t);
	t_ra = t.now;
	ndp_kt_handle(&t, ndp_kt_ra_pio(&t, &pfx, 64, 86400, 14400));
	KUNIT_ASSERT_TRUE(test, ndp_kt_addr_info(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_EQ(test, ai.origin, NDP_ORIGIN_SLAAC);
	KUNIT_EXPECT_EQ(test, ai.plen, 64);
	KUNIT_EXPECT_EQ(test, ai.valid_s, 86400U);
	KUNIT_EXPECT_EQ(test, ai.preferred_s, 14400U);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &want));

	/* same solicited-node group as fe80::ff:fe00:1: already reported */
	i = ndp_kt_step_until_tx(&t, NDP_ICMP_NS, t_ra + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	t_ns = t.now;
	ndp_kt_expect_dad_ns(&t, i, &want);
	KUNIT_EXPECT_EQ(test, ndp_kt_find_tx(&t, NDP_ICMP_MLD2_REPORT), -1);
	ndp_kt_run_until(&t, t_ns + SEC(1) - 1);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want), NDP_ADDR_TENTATIVE);
	ndp_kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.now, t_ns + SEC(1));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want), NDP_ADDR_PREFERRED);
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &want);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].plen, 64);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].valid_s,
			86400U - (u32)((t.now - t_ra) / NDP_NSEC_PER_SEC));
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &want));
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &ndp_kt_ll));
}

/*
 * RFC 4429, on by default: a new SLAAC address is ours at once, announced
 * (ADDR_ADD, its lifetimes) and shown OPTIMISTIC while its DAD runs.
 * Meanwhile a unicast NS for it gets an NA without Override (3.3), and a
 * packet from it to a new neighbour has its NS sent from the link-local
 * address, never from it (3.2).  When DAD passes it is PREFERRED and its
 * lifetimes apply in full (ADDR_UPDATE), with no second ADDR_ADD.
 */
static void optimistic_address_from_ra(struct kunit *test)
{
	struct ndp_ip6 pfx = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:1::ff:fe00:1");
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::99");
	struct ndp_ip6 nbr = ndp_kt_ip(test, "2001:db8:1::77");
	struct ndp_kt_cpkt p;
	struct ndp_addr_info ai;
	struct ndp_kt t;
	const u8 *m;
	u32 len;
	s64 end;
	int i;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	ndp_kt_handle(&t, ndp_kt_ra_pio(&t, &pfx, 64, 86400, 14400));
	KUNIT_ASSERT_TRUE(test, ndp_kt_addr_info(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_OPTIMISTIC);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &want));
	KUNIT_EXPECT_TRUE(test, ndp_addr_is_ours(t.ctx, &want));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ADDR_OPTIMISTIC),
			1ULL);
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &want);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].valid_s, 86400U);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].preferred_s, 14400U);

	/* a unicast NS for it, with SLLA: NA without Override */
	ndp_kt_handle(&t, ndp_kt_ns(&t, &peer, &want, &want, ndp_kt_nbr_mac));
	i = ndp_kt_find_tx(&t, NDP_ICMP_NA);
	KUNIT_ASSERT_GE(test, i, 0);
	m = ndp_kt_tx_icmp(&t, i, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, m[4], NDP_NA_FLAG_S);

	/* a packet from it to a new neighbour: the NS is the link-local's */
	ndp_kt_send(&t, ndp_kt_cpkt(&t, &p, &nbr, &want, 1));
	i = ndp_kt_find_tx(&t, NDP_ICMP_NS);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ndp_kt_tx_ip6(&t, i) + 8,
					     &ndp_kt_ll));

	/* DAD passes: PREFERRED, lifetimes in full, not announced twice */
	end = t.now + SEC(3);
	while (ndp_kt_addr_state(&t, &want) == NDP_ADDR_OPTIMISTIC &&
	       ndp_kt_step_before(&t, end))
		KUNIT_EXPECT_LT(test,
				ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &want), 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want),
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_GE(test, ndp_kt_note(&t, NDP_NOTE_ADDR_UPDATE, &want), 0);
	KUNIT_EXPECT_LT(test, ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &want), 0);
}

/*
 * An optimistic address another node already has: its DAD NS, or the
 * owner's NA, makes it a duplicate, taken back (ADDR_DEL, then
 * DAD_FAILED) and no longer ours.
 */
static void optimistic_address_duplicate(struct kunit *test)
{
	struct ndp_ip6 pfx = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:1::ff:fe00:1");
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	ndp_kt_handle(&t, ndp_kt_ra_pio(&t, &pfx, 64, 86400, 14400));
	KUNIT_ASSERT_EQ(test, ndp_kt_addr_state(&t, &want),
			NDP_ADDR_OPTIMISTIC);
	ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &want, NULL));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want),
			NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_GE(test, ndp_kt_note(&t, NDP_NOTE_ADDR_DEL, &want), 0);
	KUNIT_EXPECT_GE(test, ndp_kt_note(&t, NDP_NOTE_DAD_FAILED, &want), 0);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &want));
}

/*
 * Real-size lifetimes (seconds, not the nanoseconds of Mirage's Ndpv6): valid
 * 86400 s, preferred 14400 s; there an hour later, deprecated at 4 h,
 * removed at 24 h.
 */
static void real_size_lifetimes(struct kunit *test)
{
	struct ndp_ip6 pfx = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:1::ff:fe00:1");
	struct ndp_addr_info ai;
	struct ndp_kt t;
	s64 t_ra;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	t_ra = t.now;
	ndp_kt_handle(&t, ndp_kt_ra_pio(&t, &pfx, 64, 86400, 14400));
	ndp_kt_run_until(&t, t_ra + SEC(3600));
	KUNIT_ASSERT_TRUE(test, ndp_kt_addr_info(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, ai.valid_s, 82800U);
	KUNIT_EXPECT_EQ(test, ai.preferred_s, 10800U);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &want));

	ndp_kt_run_until(&t, t_ra + SEC(14400) - 1);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want), NDP_ADDR_PREFERRED);
	ndp_kt_run_until(&t, t_ra + SEC(14400));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want),
			NDP_ADDR_DEPRECATED);
	KUNIT_EXPECT_GE(test, ndp_kt_note(&t, NDP_NOTE_ADDR_DEPRECATED,
					  &want), 0);
	ndp_kt_run_until(&t, t_ra + SEC(86400) - 1);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want),
			NDP_ADDR_DEPRECATED);
	ndp_kt_run_until(&t, t_ra + SEC(86400));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want), -1);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_ADDR_DEL, &want));
	/* the group is shared with the link-local address: still joined */
	KUNIT_EXPECT_TRUE(test, ndp_group_is_joined(t.ctx, &ndp_kt_ll_sn));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_records(&t, &ndp_kt_ll_sn, 3, NULL),
			0U);
}

/* Prefix lengths other than 64 make no address on Ethernet */
static void bad_plen(struct kunit *test)
{
	struct ndp_ip6 pfx = ndp_kt_ip(test, "2001:db8:1::");
	static const u8 plens[] = { 48, 56, 63, 65, 96 };
	struct ndp_ip6 ips[4];
	struct ndp_kt t;
	unsigned int i;

	ndp_kt_init_host(test, &t, 0);
	for (i = 0; i < ARRAY_SIZE(plens); i++) {
		ndp_kt_handle(&t,
			      ndp_kt_ra_pio(&t, &pfx, plens[i], 86400, 14400));
		KUNIT_EXPECT_EQ_MSG(test,
				    ndp_kt_stat_delta(&t, NDP_STAT_PIO_BAD_PLEN),
				    1ULL, "plen %u", plens[i]);
		KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, ips, 4), 1);
	}
	/* valid lifetime 0 for an unknown prefix makes nothing either */
	ndp_out_reset(t.out);
	ndp_addr_slaac(t.ctx, t.now, &kt_rtr, &(struct ndp_prefix){ pfx, 64 },
		       0, 0, t.out);
	KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, ips, 4), 1);
}

/* RFC 4862 5.5.3 e, the two-hour rule, row by row */
struct kt_two_hour {
	const char *name;
	u32 initial_s;		/* valid lifetime the address got */
	u32 elapsed_s;		/* time since */
	u32 received_s;		/* valid lifetime in the new PIO */
	u32 want_s;		/* remaining valid lifetime after it */
};

static const struct kt_two_hour kt_two_hour_rows[] = {
	{ "3h left, 1h received: 2h", 14400, 3600, 3600, 7200 },
	{ "1h left, 30min received: ignored", 7200, 3600, 1800, 3600 },
	{ "1h left, 3h received: 3h", 7200, 3600, 10800, 10800 },
	{ "30min left, 1h received: 1h", 3600, 1800, 3600, 3600 },
	{ "3h left, 0 received: 2h", 14400, 3600, 0, 7200 },
	{ "1h left, 0 received: ignored", 7200, 3600, 0, 3600 },
	{ "2h left exactly, 1h received: ignored", 10800, 3600, 3600, 7200 },
	{ "3h left, 2h received: 2h", 14400, 3600, 7200, 7200 },
	{ "1h left, 2h received: 2h", 7200, 3600, 7200, 7200 },
	{ "infinite, 1h received: 2h", NDP_INFINITE, 3600, 3600, 7200 },
	{ "3h left, infinite received: infinite", 14400, 3600, NDP_INFINITE,
	  NDP_INFINITE },
	{ "infinite, infinite received: infinite", NDP_INFINITE, 3600,
	  NDP_INFINITE, NDP_INFINITE },
};

static void kt_two_hour_desc(const struct kt_two_hour *r, char *desc)
{
	strscpy(desc, r->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kt_two_hour, kt_two_hour_rows, kt_two_hour_desc);

static void two_hour_rule(struct kunit *test)
{
	const struct kt_two_hour *r = test->param_value;
	struct ndp_prefix pfx = { ndp_kt_ip(test, "2001:db8:7::"), 64 };
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:7::ff:fe00:1");
	struct ndp_addr_info ai;
	struct ndp_kt t;
	int i;

	ndp_kt_init_host(test, &t, 0);
	ndp_addr_slaac(t.ctx, t.now, &kt_rtr, &pfx, r->initial_s, 0, t.out);
	KUNIT_ASSERT_TRUE(test, ndp_kt_addr_info(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.valid_s, r->initial_s);
	ndp_kt_tick(&t, t.now + SEC(r->elapsed_s));
	ndp_out_reset(t.out);
	ndp_addr_slaac(t.ctx, t.now, &kt_rtr, &pfx, r->received_s,
		       min(r->received_s, 600U), t.out);
	KUNIT_ASSERT_TRUE(test, ndp_kt_addr_info(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.valid_s, r->want_s);
	KUNIT_EXPECT_EQ(test, ai.origin, NDP_ORIGIN_SLAAC);
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_UPDATE, &want);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].valid_s, r->want_s);
	/* the address lives exactly that long */
	if (r->want_s != NDP_INFINITE) {
		ndp_kt_tick(&t, t.now + SEC(r->want_s) - 1);
		KUNIT_EXPECT_NE(test, ndp_kt_addr_state(&t, &want), -1);
		ndp_kt_tick(&t, t.now + 1);
		KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want), -1);
	}
}

/* A deprecated SLAAC address is preferred again by a PIO that says so */
static void preferred_again(struct kunit *test)
{
	struct ndp_prefix pfx = { ndp_kt_ip(test, "2001:db8:7::"), 64 };
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:7::ff:fe00:1");
	struct ndp_kt t;
	s64 t1;
	int i;

	ndp_kt_init_host(test, &t, 0);
	ndp_addr_slaac(t.ctx, t.now, &kt_rtr, &pfx, 3600, 60, t.out);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want), NDP_ADDR_PREFERRED);
	ndp_kt_run_until(&t, t.now + SEC(60));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want),
			NDP_ADDR_DEPRECATED);
	t1 = t.now + SEC(10);
	ndp_kt_tick(&t, t1);
	ndp_out_reset(t.out);
	ndp_addr_slaac(t.ctx, t1, &kt_rtr, &pfx, 3600, 600, t.out);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want), NDP_ADDR_PREFERRED);
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_UPDATE, &want);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].preferred_s, 600U);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].valid_s, 3600U);
	ndp_kt_run_until(&t, t1 + SEC(600) - 1);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want), NDP_ADDR_PREFERRED);
	ndp_kt_run_until(&t, t1 + SEC(600));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &want),
			NDP_ADDR_DEPRECATED);
}

/* 0xffffffff is infinite: never deprecated, never removed */
static void infinite_lifetimes(struct kunit *test)
{
	struct ndp_prefix pfx = { ndp_kt_ip(test, "2001:db8:8::"), 64 };
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:8::ff:fe00:1");
	struct ndp_addr_info ai;
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 0);
	ndp_addr_slaac(t.ctx, t.now, &kt_rtr, &pfx, NDP_INFINITE, NDP_INFINITE,
		       t.out);
	KUNIT_ASSERT_TRUE(test, ndp_kt_addr_info(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, ai.valid_s, NDP_INFINITE);
	KUNIT_EXPECT_EQ(test, ai.preferred_s, NDP_INFINITE);
	/* ten years on (one late tick) */
	ndp_kt_tick(&t, t.now + SEC(10U * 365 * 86400));
	KUNIT_ASSERT_TRUE(test, ndp_kt_addr_info(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, ai.valid_s, NDP_INFINITE);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
}

static struct kunit_case ndpv6_slaac_cases[] = {
	KUNIT_CASE(address_from_ra),
	KUNIT_CASE(optimistic_address_from_ra),
	KUNIT_CASE(optimistic_address_duplicate),
	KUNIT_CASE(real_size_lifetimes),
	KUNIT_CASE(bad_plen),
	KUNIT_CASE_PARAM(two_hour_rule,
			 kt_two_hour_gen_params),
	KUNIT_CASE(preferred_again),
	KUNIT_CASE(infinite_lifetimes),
	{}
};

static struct kunit_suite ndpv6_slaac_suite = {
	.name = "ndpv6_slaac",
	.test_cases = ndpv6_slaac_cases,
};

kunit_test_suites(&ndpv6_slaac_suite);
