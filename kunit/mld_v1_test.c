// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_mld_v1: the MLDv1 compatibility mode of an MLDv2 host
 * (RFC 3810 8.2.1, RFC 2710): entered on an MLDv1 Query, left when its
 * timer runs out, and the MLDv1 Reports and Dones sent meanwhile.  Frames
 * are built and checked byte by byte as in mld_test.c.
 */
#include "ndp_kunit.h"

/* ------------------------------------------------------------ MLDv1 */

/* An MLDv1 Report or Done from @src about @grp, to @dst, as a host sends. */
static u32 kt_mld1_msg(struct ndp_kt *t, const struct ndp_ip6 *src,
		       const struct ndp_ip6 *dst, u8 type,
		       const struct ndp_ip6 *grp)
{
	static const u8 hbh[8] = { NDP_NH_ICMPV6, 0, 5, 2, 0, 0, 1, 0 };
	u8 *ip6 = ndp_kt_pkt(t);
	u8 *m = ip6 + NDP_IP6_HLEN + 8;

	ndp_write_ip6(ip6, src, dst, NDP_NH_HOPOPTS, 1, 8 + 24);
	memcpy(ip6 + NDP_IP6_HLEN, hbh, sizeof(hbh));
	memset(m, 0, 24);
	m[0] = type;
	memcpy(m + 8, grp->b, 16);
	ndp_put16(m + 2, ndp_icmp_csum(src, dst, m, 24));
	return NDP_IP6_HLEN + 8 + 24;
}

/*
 * RFC 3810 8.2.1: an MLDv1 General Query (24 bytes) puts the host in
 * MLDv1 compatibility mode (ndp_get_params()), and every joined group but
 * ff02::1 gets one MLDv1 Report (type 131, to the group address) after
 * its own random delay within the Maximum Response Delay; no MLDv2
 * Report.
 */
static void general_query(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	u32 rep_sn = 0, rep_g1 = 0, other = 0, i;
	struct ndp_kt t;
	int guard;
	const u8 *m;
	s64 t_q;

	ndp_kt_init_joined(test, &t, &g1);
	KUNIT_EXPECT_FALSE(test, ndp_kt_mld_v1(&t));
	t_q = t.now;
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
				       &ndp_unspecified, 10000, 24, 0));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_V1_QUERY),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_MLD_V1_QUERY);
	KUNIT_EXPECT_TRUE(test, ndp_kt_mld_v1(&t));
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t_q + SEC(10));
	for (guard = 0; guard < 50 && ndp_kt_step_before(&t, t_q + SEC(10));
	     guard++) {
		for (i = 0; i < t.out->n_tx; i++) {
			m = ndp_kt_tx_icmp(&t, i, NULL);
			KUNIT_ASSERT_NOT_NULL(test, m);
			if (m[0] == NDP_ICMP_MLD1_REPORT &&
			    !memcmp(m + 8, ndp_kt_ll_sn.b, 16)) {
				ndp_kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT,
						   &ndp_kt_ll, &ndp_kt_ll_sn);
				rep_sn++;
			} else if (m[0] == NDP_ICMP_MLD1_REPORT &&
				   !memcmp(m + 8, g1.b, 16)) {
				ndp_kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT,
						   &ndp_kt_ll, &g1);
				rep_g1++;
			} else {
				other++;
			}
		}
	}
	KUNIT_EXPECT_LT(test, t.now, t_q + SEC(10));
	KUNIT_EXPECT_EQ(test, rep_sn, 1U);
	KUNIT_EXPECT_EQ(test, rep_g1, 1U);
	KUNIT_EXPECT_EQ(test, other, 0U);
	/* answered once, and never in MLDv2 */
	ndp_kt_run_until(&t, t.now + SEC(60));
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);
	KUNIT_EXPECT_TRUE(test, ndp_kt_mld_v1(&t));
}

/*
 * The 2 s after a Query in MLDv1 mode: one MLDv1 Report, no MLDv2 one, and
 * the mode's timer runs out at @until.
 */
static void kt_expect_v1_answer(struct ndp_kt *t, s64 until)
{
	ndp_kt_run_until(t, t->now + SEC(2));
	KUNIT_EXPECT_EQ(t->test, t->seen[NDP_ICMP_MLD1_REPORT], 1U);
	KUNIT_EXPECT_EQ(t->test, t->seen[NDP_ICMP_MLD2_REPORT], 0U);
	KUNIT_EXPECT_EQ(t->test, ndp_next_deadline(t->ctx), until);
}

/*
 * The Older Version Querier Present timer (RFC 3810 9.12): 2 x 125 s plus
 * the MLDv1 Query's Maximum Response Delay (1 s here), restarted by every
 * MLDv1 Query, general or group-specific, but not by an MLDv2 one, which
 * MLDv1 mode answers in MLDv1.  It is a deadline of its own and runs on
 * while the link is down; when it runs out (MLD_V1_EXPIRED) the host
 * speaks MLDv2 again: the Reports after the link came back, the answer
 * to an MLDv2 Query.
 */
static void mode_timeout(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_kt t;
	s64 t_q;
	int i;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	t_q = t.now;
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
				       &ndp_unspecified, 1000, 24, 0));
	kt_expect_v1_answer(&t, t_q + SEC(251));

	/* an MLDv2 Query: answered in MLDv1, the timer unchanged */
	t.now = t_q + SEC(100);
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
				       &ndp_unspecified, 1000, 28, 0));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_V1_QUERY),
			0ULL);
	kt_expect_v1_answer(&t, t_q + SEC(251));

	/* an MLDv1 group-specific Query restarts it */
	t.now = t_q + SEC(200);
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_kt_ll_sn, 1, true,
				       &ndp_kt_ll_sn, 1000, 24, 0));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_V1_QUERY),
			1ULL);
	kt_expect_v1_answer(&t, t_q + SEC(451));

	/* not held while the link is down */
	t.now = t_q + SEC(300);
	ndp_kt_link(&t, false);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t_q + SEC(451));
	ndp_kt_run_until(&t, t_q + SEC(451) - 1);
	KUNIT_EXPECT_TRUE(test, ndp_kt_mld_v1(&t));
	ndp_kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.now, t_q + SEC(451));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_V1_EXPIRED),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_MLD_V1_EXPIRED);
	KUNIT_EXPECT_FALSE(test, ndp_kt_mld_v1(&t));
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t.ctx), t.now + SEC(3600));

	/* MLDv2 again */
	ndp_kt_link(&t, true);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD1_REPORT], 0U);
	KUNIT_EXPECT_GE(test, t.seen[NDP_ICMP_MLD2_REPORT], 1U);
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
				       &ndp_unspecified, 1000, 28, 0));
	i = ndp_kt_step_until_tx(&t, NDP_ICMP_MLD2_REPORT, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_record(ndp_kt_expect_report(&t, i, &ndp_kt_ll,
							   1), &ndp_kt_ll_sn),
			2);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD1_REPORT), 0U);
}

/*
 * In MLDv1 mode a join is two MLDv1 Reports, the repeat within the
 * Unsolicited Report Interval (10 s, RFC 2710 7.10); a leave is one Done
 * to ff02::2 (RFC 2710 4); a new address's solicited-node group has its
 * MLDv1 Report before the DAD NS.  No Report suppression: another host's
 * Report for our group while our timer runs changes nothing.
 */
static void join_leave(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::99");
	struct ndp_ip6 g = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_ip6 a = ndp_kt_ip(test, "2001:db8::abcd");
	struct ndp_ip6 a_sn = ndp_kt_ip(test, "ff02::1:ff00:abcd");
	struct ndp_kt t;
	int i, ns;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
				       &ndp_unspecified, 0, 24, 0));
	ndp_kt_run_until(&t, t.now + SEC(1));
	KUNIT_ASSERT_TRUE(test, ndp_kt_mld_v1(&t));

	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &g, t.out), 0);
	ndp_kt_step(&t);
	i = ndp_kt_find_record(&t, &g, NDP_ICMP_MLD1_REPORT);
	ndp_kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT, &ndp_kt_ll, &g);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 1U);
	KUNIT_EXPECT_EQ(test, ndp_kt_run_count_records(&t, t.now + SEC(10), &g,
						       NDP_ICMP_MLD1_REPORT), 1U);
	KUNIT_EXPECT_EQ(test, ndp_kt_run_count_records(&t, t.now + SEC(60), &g,
						       NDP_ICMP_MLD1_REPORT), 0U);

	/* a Query, then another host's Report for g: ours still goes */
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &g, 1, true, &g, 5000, 24, 0));
	t.now += MSEC(1);
	ndp_kt_handle(&t, kt_mld1_msg(&t, &peer, &g, NDP_ICMP_MLD1_REPORT,
				      &g));
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_CONSUMED);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, ndp_kt_run_count_records(&t, t.now + SEC(5), &g,
						       NDP_ICMP_MLD1_REPORT), 1U);

	/* leave: one Done to ff02::2, nothing after */
	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_leave_group(t.ctx, t.now, &g, t.out), 0);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE, &g));
	ndp_kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 1U);
	ndp_kt_expect_mld1(&t, ndp_kt_find_record(&t, &g, NDP_ICMP_MLD1_DONE),
			   NDP_ICMP_MLD1_DONE, &ndp_kt_ll, &g);
	ndp_kt_run_until(&t, t.now + SEC(30));
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &g));

	/* a new address: its group's MLDv1 Report, then its DAD NS */
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &a, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	ns = ndp_kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, ns, 0);
	i = ndp_kt_find_record(&t, &a_sn, NDP_ICMP_MLD1_REPORT);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_LT(test, i, ns);
	ndp_kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT, &ndp_kt_ll, &a_sn);
	ndp_kt_expect_dad_ns(&t, ns, &a);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD2_REPORT), 0U);
}

/*
 * Before the link-local address is valid MLDv1 Reports leave from ::
 * (RFC 3590 4): an MLDv1 Query at start-up gets the link-local address's
 * group reported, then its DAD NS goes.
 */
static void report_from_unspecified(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_kt t;
	int i, ns;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
				       &ndp_unspecified, 0, 24, 0));
	ndp_kt_step(&t);
	i = ndp_kt_find_record(&t, &ndp_kt_ll_sn, NDP_ICMP_MLD1_REPORT);
	ndp_kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT, &ndp_unspecified,
			   &ndp_kt_ll_sn);
	ns = ndp_kt_find_tx(&t, NDP_ICMP_NS);
	if (ns < 0)
		ns = ndp_kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	ndp_kt_expect_dad_ns(&t, ns, &ndp_kt_ll);
	ndp_kt_run_until(&t, t.now + SEC(2));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
}

/*
 * RFC 3810 8.2.1: the mode changes, the pending responses go.  An MLDv2
 * General Query response pending for up to 60 s and a leave not yet
 * reported are dropped by an MLDv1 Query for one group, answered for that
 * group only; a join being reported goes on, in MLDv1.
 */
static void mode_change_cancels(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_ip6 g2 = ndp_kt_ip(test, "ff05::1:4");
	struct ndp_ip6 g3 = ndp_kt_ip(test, "ff05::1:5");
	struct ndp_kt t;
	u32 g3_reports = 0, g1_reports = 0;
	int guard;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g1, t.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g2, t.out), 0);
	ndp_kt_settle(&t);
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
				       &ndp_unspecified, 60000, 28, 0));
	KUNIT_EXPECT_EQ(test, ndp_leave_group(t.ctx, t.now, &g2, t.out), 0);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &g3, t.out), 0);
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &g1, 1, true, &g1, 1000, 24, 0));
	KUNIT_EXPECT_TRUE(test, ndp_kt_mld_v1(&t));
	for (guard = 0; guard < 50 && ndp_kt_step_before(&t, t.now + SEC(60));
	     guard++) {
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD2_REPORT),
				0U);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD1_DONE),
				0U);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_records(&t, &ndp_kt_ll_sn,
							   NDP_ICMP_MLD1_REPORT,
							   NULL), 0U);
		g1_reports += ndp_kt_count_records(&t, &g1,
						   NDP_ICMP_MLD1_REPORT, NULL);
		g3_reports += ndp_kt_count_records(&t, &g3,
						   NDP_ICMP_MLD1_REPORT, NULL);
	}
	KUNIT_EXPECT_EQ(test, g1_reports, 1U);
	KUNIT_EXPECT_EQ(test, g3_reports, 2U);
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &g2));
}

static struct kunit_case mld_v1_cases[] = {
	KUNIT_CASE(general_query),
	KUNIT_CASE(mode_timeout),
	KUNIT_CASE(join_leave),
	KUNIT_CASE(report_from_unspecified),
	KUNIT_CASE(mode_change_cancels),
	{}
};

static struct kunit_suite mld_v1_suite = {
	.name = "ndpv6_mld_v1",
	.test_cases = mld_v1_cases,
};

kunit_test_suites(&mld_v1_suite);
