// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_mld: MLDv2 as a host (RFC 3810) and the Reports sent
 * again once the link-local address is valid (RFC 3590 4); the MLDv1
 * compatibility mode is in mld_v1_test.c.  Frames in are built byte by
 * byte; frames out are checked byte by byte, with the counters that moved.
 *
 * The fixture's MAC is 02:00:00:00:00:01, so the link-local address is
 * fe80::ff:fe00:1 (ndp_kt_ll) and its solicited-node group ff02::1:ff00:1
 * (ndp_kt_ll_sn).  Unless a case needs router discovery, RS are turned
 * off (ndp_kt_init_host()) so that only this file's frames leave.
 */
#include "ndp_kunit.h"

/* The group table full: the address is refused, the shared group is not */
static void group_table_full(struct kunit *test)
{
	struct ndp_ip6 own = ndp_kt_ip(test, "2001:db8::abcd");
	struct ndp_ip6 shared = ndp_kt_ip(test, "2001:db8::ff:fe00:1");
	struct ndp_ip6 grp = ndp_kt_ip(test, "ff05::3");
	struct ndp_config cfg;
	struct ndp_kt t;

	ndp_config_default(&cfg);
	cfg.rtr_solicits = 0;
	cfg.max_groups = 2;		/* ff02::1 and ff02::1:ff00:1 */
	ndp_kt_init(test, &t, &cfg);
	KUNIT_EXPECT_EQ(test, ndp_add_ip(t.ctx, t.now, &own, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_GROUP_TABLE_FULL),
			1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &own), -1);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &grp, t.out),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, ndp_add_ip(t.ctx, t.now, &shared, 64,
					 NDP_INFINITE, NDP_INFINITE, t.out), 0);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &shared),
			NDP_ADDR_PREFERRED);
	/* removing one user of the shared group keeps it joined, unreported */
	KUNIT_EXPECT_EQ(test, ndp_del_ip(t.ctx, t.now, &shared, t.out), 0);
	KUNIT_EXPECT_TRUE(test, ndp_group_is_joined(t.ctx, &ndp_kt_ll_sn));
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
}

/* ------------------------------------------------------------ MLDv2 */

/* The upper layers' groups: TO_EX twice, TO_IN twice, from fe80:: */
static void upper_join_leave(struct kunit *test)
{
	struct ndp_ip6 grp = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_ip6 node_local = ndp_kt_ip(test, "ff01::5");
	struct ndp_ip6 uni = ndp_kt_ip(test, "2001:db8::1");
	struct ndp_kt t;
	int i;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &grp, t.out), 0);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_GROUP_JOIN, &grp));
	KUNIT_EXPECT_TRUE(test, ndp_group_is_joined(t.ctx, &grp));
	/* the first Report at once (RFC 3810 6.1), the repeat within 1 s */
	ndp_kt_step(&t);
	i = ndp_kt_find_tx(&t, NDP_ICMP_MLD2_REPORT);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_record(ndp_kt_expect_report(&t, i, &ndp_kt_ll,
							   1), &grp), 4);
	KUNIT_EXPECT_EQ(test, ndp_kt_run_count_records(&t, t.now + SEC(1), &grp,
						       4), 1U);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_run_count_records(&t, t.now + SEC(10), &grp, 4),
			0U);
	/* joining again is harmless and reports nothing */
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &grp, t.out), 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_run_count_records(&t, t.now + SEC(2), &grp,
						       4), 0U);

	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_leave_group(t.ctx, t.now, &grp, t.out), 0);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE, &grp));
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &grp));
	KUNIT_EXPECT_EQ(test, ndp_kt_run_count_records(&t, t.now + SEC(3), &grp,
						       3), 2U);
	KUNIT_EXPECT_EQ(test, ndp_leave_group(t.ctx, t.now, &grp, t.out),
			-ENOENT);

	/* ff02::1 and interface-local groups are never reported */
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &ndp_all_nodes,
					     t.out), 0);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &node_local,
					     t.out), 0);
	KUNIT_EXPECT_TRUE(test, ndp_group_is_joined(t.ctx, &node_local));
	ndp_kt_run_until(&t, t.now + SEC(3));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &uni, t.out),
			-EINVAL);
}

/* A General Query: one Report, IS_EX for every group but ff02::1 */
static void general_query(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_ip6 g2 = ndp_kt_ip(test, "ff0e::1234");
	struct ndp_kt t;
	const u8 *m;
	s64 t_q;
	int i;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g1, t.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g2, t.out), 0);
	ndp_kt_settle(&t);
	t_q = t.now;
	/* MLDv2, Maximum Response Code 10000 ms */
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
				       &ndp_unspecified, 10000, 28, 0));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RX_ND), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t.ctx), t_q);
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t_q + SEC(10));

	i = ndp_kt_step_until_tx(&t, NDP_ICMP_MLD2_REPORT, t_q + SEC(10));
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_LT(test, t.now, t_q + SEC(10));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD2_REPORT), 1U);
	m = ndp_kt_expect_report(&t, i, &ndp_kt_ll, 3);
	KUNIT_EXPECT_EQ(test, ndp_kt_record(m, &ndp_kt_ll_sn), 2);
	KUNIT_EXPECT_EQ(test, ndp_kt_record(m, &g1), 2);
	KUNIT_EXPECT_EQ(test, ndp_kt_record(m, &g2), 2);
	KUNIT_EXPECT_EQ(test, ndp_kt_record(m, &ndp_all_nodes), -1);
	/* answered once */
	ndp_kt_run_until(&t, t.now + SEC(30));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
}

/*
 * Maximum Response Delay of each kind of Query: MLDv1 (16-bit ms), MLDv2
 * linear and floating-point codes (RFC 3810 5.1.3).
 */
struct kt_mrd {
	const char *name;
	u32 len;
	u16 code;
	u32 max_ms;
};

static const struct kt_mrd kt_mrd_rows[] = {
	{ "MLDv1, 1 s", 24, 1000, 1000 },
	{ "MLDv1, 0: at once", 24, 0, 0 },
	{ "MLDv2, 500 ms", 28, 500, 500 },
	{ "MLDv2, 0x8010 = 32896 ms", 28, 0x8010, 32896 },
	{ "MLDv2 with one source, 2 s", 44, 2000, 2000 },
};

static void kt_mrd_desc(const struct kt_mrd *r, char *desc)
{
	strscpy(desc, r->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kt_mrd, kt_mrd_rows, kt_mrd_desc);

static void query_delay(struct kunit *test)
{
	const struct kt_mrd *r = test->param_value;
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_kt t;
	int i, runs;
	const u8 *m;
	s64 t_q;

	for (runs = 0; runs < 8; runs++) {
		ndp_kt_init_host(test, &t, 1);
		t.rng += runs * 0x1234567ULL;
		ndp_kt_settle(&t);
		t_q = t.now;
		ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
					       &ndp_unspecified, r->code,
					       r->len, (r->len - 28) / 16));
		KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t,
							NDP_STAT_MLD_INVALID),
				0ULL);
		/* an MLDv1 Query is answered in MLDv1 (RFC 3810 8.2.1) */
		i = ndp_kt_step_until_tx(&t,
					 r->len == 24 ? NDP_ICMP_MLD1_REPORT :
							NDP_ICMP_MLD2_REPORT,
					 t_q + MSEC(r->max_ms));
		KUNIT_ASSERT_GE(test, i, 0);
		KUNIT_EXPECT_LE(test, t.now, t_q + MSEC(r->max_ms));
		if (r->max_ms)
			KUNIT_EXPECT_LT(test, t.now, t_q + MSEC(r->max_ms));
		if (r->len == 24) {
			ndp_kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT,
					   &ndp_kt_ll, &ndp_kt_ll_sn);
		} else {
			m = ndp_kt_expect_report(&t, i, &ndp_kt_ll, 1);
			KUNIT_EXPECT_EQ(test, ndp_kt_record(m, &ndp_kt_ll_sn),
					2);
		}
	}
}

/* A group-specific Query: that group's record only */
static void group_query(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_ip6 other = ndp_kt_ip(test, "ff05::9");
	struct ndp_kt t;
	s64 t_q;
	int i;

	ndp_kt_init_joined(test, &t, &g1);
	t_q = t.now;
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &g1, 1, true, &g1, 2000, 28, 0));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	i = ndp_kt_step_until_tx(&t, NDP_ICMP_MLD2_REPORT, t_q + SEC(2));
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_LT(test, t.now, t_q + SEC(2));
	KUNIT_EXPECT_EQ(test,
			ndp_kt_record(ndp_kt_expect_report(&t, i, &ndp_kt_ll,
							   1), &g1), 2);
	ndp_kt_run_until(&t, t.now + SEC(10));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);

	/* a query for a group we are not in: nothing */
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true, &other,
				       1000, 28, 0));
	ndp_kt_run_until(&t, t.now + SEC(10));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
}

/*
 * RFC 3810 6.2 rule 1: a pending General Query response that is sooner
 * stands; a later Query (general or group-specific) adds nothing.
 */
static void pending_response_kept(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_kt t;
	s64 t_q;
	int i;

	ndp_kt_init_joined(test, &t, &g1);
	t_q = t.now;
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
				       &ndp_unspecified, 1000, 28, 0));
	t.now += MSEC(1);
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
				       &ndp_unspecified, 60000, 28, 0));
	ndp_kt_handle(&t,
		      ndp_kt_query(&t, &q, &g1, 1, true, &g1, 60000, 28, 0));
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t_q + SEC(1));
	i = ndp_kt_step_until_tx(&t, NDP_ICMP_MLD2_REPORT, t_q + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD2_REPORT), 1U);
	ndp_kt_expect_report(&t, i, &ndp_kt_ll, 2);
	ndp_kt_run_until(&t, t.now + SEC(120));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
}

/* Invalid Queries are counted and answered by nothing */
struct kt_bad_query {
	const char *name;
	const char *src;
	u8 hop_limit;
	bool router_alert;
	const char *mca;
	u32 len;
	u16 nsrc;
};

static const struct kt_bad_query kt_bad_query_rows[] = {
	{ "hop limit 255", "fe80::1", 255, true, "::", 28, 0 },
	{ "global source", "2001:db8::1", 1, true, "::", 28, 0 },
	{ "unspecified source", "::", 1, true, "::", 28, 0 },
	{ "no Router Alert", "fe80::1", 1, false, "::", 28, 0 },
	{ "length 26", "fe80::1", 1, true, "::", 26, 0 },
	{ "length 20", "fe80::1", 1, true, "::", 20, 0 },
	{ "sources overrun", "fe80::1", 1, true, "::", 28, 1 },
	{ "unicast group", "fe80::1", 1, true, "2001:db8::1", 28, 0 },
};

static void kt_bad_query_desc(const struct kt_bad_query *r, char *desc)
{
	strscpy(desc, r->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kt_bad_query, kt_bad_query_rows, kt_bad_query_desc);

static void invalid_query(struct kunit *test)
{
	const struct kt_bad_query *r = test->param_value;
	struct ndp_ip6 src = ndp_kt_ip(test, r->src);
	struct ndp_ip6 mca = ndp_kt_ip(test, r->mca);
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	ndp_kt_handle(&t, ndp_kt_query(&t, &src, &ndp_all_nodes, r->hop_limit,
				       r->router_alert, &mca, 1000, r->len,
				   r->nsrc));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_INVALID),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_MLD_INVALID);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
}

/* An address removed by its owner: its group is left with TO_IN twice */
static void leave_on_removal(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::abcd");
	struct ndp_ip6 sn = ndp_kt_ip(test, "ff02::1:ff00:abcd");
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	ndp_kt_settle(&t);
	KUNIT_ASSERT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_PREFERRED);
	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_del_ip(t.ctx, t.now, &g, t.out), 0);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_ADDR_DEL, &g));
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE, &sn));
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &sn));
	KUNIT_EXPECT_EQ(test, ndp_kt_run_count_records(&t, t.now + SEC(3),
						       &sn, 3), 2U);
	/* frames to the group are no longer for us */
	ndp_kt_handle(&t, ndp_kt_ns(&t, &ndp_unspecified, &sn, &g, NULL));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_IP6_NOT_FOR_US),
			1ULL);
}

/* ----------------------------------------------------------- RFC 3590 */

/*
 * RFC 3590 4: step to @until, counting the join Reports (an MLDv2 TO_EX
 * record or an MLDv1 Report) about @g[0] and @g[1] sent from :: (n[k][0])
 * and from the link-local address (n[k][1]), each checked byte by byte,
 * its checksum included.  Once the link-local address is valid before a
 * tick, nothing is reported from ::, and every Report from it leaves
 * within @span of the tick that made it valid.
 */
static void kt_count_sources(struct ndp_kt *t, s64 until, s64 span,
			     const struct ndp_ip6 *g[2], u32 n[2][2])
{
	s64 t_valid = NDP_TIME_NEVER;
	struct ndp_ip6 src;
	const u8 *m;
	int guard, k;
	bool valid;
	u32 i;

	memset(n, 0, sizeof(u32[2][2]));
	if (ndp_kt_addr_state(t, &ndp_kt_ll) == NDP_ADDR_PREFERRED)
		t_valid = t->now;
	for (guard = 0; guard < 200; guard++) {
		valid = ndp_kt_addr_state(t, &ndp_kt_ll) == NDP_ADDR_PREFERRED;
		if (!ndp_kt_step_before(t, until))
			break;
		for (i = 0; i < t->out->n_tx; i++) {
			m = ndp_kt_tx_icmp(t, i, NULL);
			KUNIT_ASSERT_NOT_NULL(t->test, m);
			ndp_ipaddr_of_cstruct(ndp_kt_tx_ip6(t, i) + 8, &src);
			for (k = 0; k < 2; k++) {
				if (m[0] == NDP_ICMP_MLD2_REPORT &&
				    ndp_kt_record(m, g[k]) == 4)
					ndp_kt_expect_report(t, i, &src,
							     ndp_get16(m + 6));
				else if (m[0] == NDP_ICMP_MLD1_REPORT &&
					 !memcmp(m + 8, g[k]->b, 16))
					ndp_kt_expect_mld1(t, i, m[0], &src,
							   g[k]);
				else
					continue;
				if (ndp_ip6_is_unspec(&src)) {
					KUNIT_EXPECT_FALSE(t->test, valid);
					n[k][0]++;
					continue;
				}
				KUNIT_EXPECT_TRUE(t->test,
						  ndp_ip6_eq(&src, &ndp_kt_ll));
				KUNIT_ASSERT_TRUE(t->test, valid);
				KUNIT_EXPECT_LE(t->test, t->now,
						t_valid + span);
				n[k][1]++;
			}
		}
		if (t_valid == NDP_TIME_NEVER &&
		    ndp_kt_addr_state(t, &ndp_kt_ll) == NDP_ADDR_PREFERRED)
			t_valid = t->now;
	}
	KUNIT_EXPECT_NE(t->test, t_valid, NDP_TIME_NEVER);
}

/*
 * RFC 3590 4, MLDv2: the solicited-node group's first Report and an upper
 * layer group's go from :: while the link-local address is tentative;
 * once DAD passes, both groups get their two Reports again, from
 * fe80::ff:fe00:1, the first within 1 s, the repeat within 1 s more.
 */
static void rfc3590_report_again(struct kunit *test)
{
	struct ndp_ip6 up = ndp_kt_ip(test, "ff05::1:3");
	const struct ndp_ip6 *g[2] = { &ndp_kt_ll_sn, &up };
	struct ndp_kt t;
	u32 n[2][2];

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &up, t.out), 0);
	kt_count_sources(&t, t.now + SEC(10), SEC(2), g, n);
	KUNIT_EXPECT_GE(test, n[0][0], 1U);
	KUNIT_EXPECT_EQ(test, n[0][1], 2U);
	KUNIT_EXPECT_GE(test, n[1][0], 1U);
	KUNIT_EXPECT_EQ(test, n[1][1], 2U);
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t.ctx), t.now + SEC(3600));
}

/*
 * RFC 3590 4 in MLDv1 mode: the Reports answered from :: to an MLDv1
 * Query before DAD go again as MLDv1 Reports from the link-local address
 * (the repeat within the 10 s Unsolicited Report Interval of RFC 2710).
 */
static void rfc3590_report_again_mld1(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	const struct ndp_ip6 *g[2] = { &ndp_kt_ll_sn, &ndp_kt_ll_sn };
	struct ndp_kt t;
	u32 n[2][2];

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_handle(&t, ndp_kt_query(&t, &q, &ndp_all_nodes, 1, true,
				       &ndp_unspecified, 0, 24, 0));
	kt_count_sources(&t, t.now + SEC(30), SEC(11), g, n);
	KUNIT_EXPECT_TRUE(test, ndp_kt_mld_v1(&t));
	KUNIT_EXPECT_GE(test, n[0][0], 1U);
	KUNIT_EXPECT_EQ(test, n[0][1], 2U);
}

/*
 * RFC 3590 4 after the link comes back while the link-local address was
 * still tentative: the Reports of the new DAD go from :: again, and again
 * from the link-local address once it passes.
 */
static void rfc3590_link_up(struct kunit *test)
{
	const struct ndp_ip6 *g[2] = { &ndp_kt_ll_sn, &ndp_kt_ll_sn };
	struct ndp_kt t;
	u32 n[2][2];

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_GE(test, ndp_kt_step_until_tx(&t, NDP_ICMP_NS,
						   t.now + SEC(1)), 0);
	ndp_kt_link(&t, false);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_TENTATIVE);
	ndp_kt_link(&t, true);
	kt_count_sources(&t, t.now + SEC(10), SEC(2), g, n);
	KUNIT_EXPECT_GE(test, n[0][0], 1U);
	KUNIT_EXPECT_EQ(test, n[0][1], 2U);
}

/*
 * No second round when the Reports went from the link-local address: a
 * second link-local address added once fe80::ff:fe00:1 is valid has its
 * group reported twice, from fe80::ff:fe00:1, and its DAD passing
 * reports nothing more, for its group or the first one.
 */
static void rfc3590_no_report_again(struct kunit *test)
{
	struct ndp_ip6 ll2 = ndp_kt_ip(test, "fe80::2");
	struct ndp_ip6 sn2 = ndp_kt_ip(test, "ff02::1:ff00:2");
	const struct ndp_ip6 *g[2] = { &sn2, &ndp_kt_ll_sn };
	struct ndp_kt t;
	u32 n[2][2];

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &ll2, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	kt_count_sources(&t, t.now + SEC(10), SEC(10), g, n);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ll2), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, n[0][0], 0U);
	KUNIT_EXPECT_EQ(test, n[0][1], 2U);
	KUNIT_EXPECT_EQ(test, n[1][0], 0U);
	KUNIT_EXPECT_EQ(test, n[1][1], 0U);
}

static struct kunit_case mld_cases[] = {
	KUNIT_CASE(group_table_full),
	KUNIT_CASE(upper_join_leave),
	KUNIT_CASE(general_query),
	KUNIT_CASE_PARAM(query_delay, kt_mrd_gen_params),
	KUNIT_CASE(group_query),
	KUNIT_CASE(pending_response_kept),
	KUNIT_CASE_PARAM(invalid_query,
			 kt_bad_query_gen_params),
	KUNIT_CASE(leave_on_removal),
	KUNIT_CASE(rfc3590_report_again),
	KUNIT_CASE(rfc3590_report_again_mld1),
	KUNIT_CASE(rfc3590_link_up),
	KUNIT_CASE(rfc3590_no_report_again),
	{}
};

static struct kunit_suite mld_suite = {
	.name = "ndpv6_mld",
	.test_cases = mld_cases,
};

kunit_test_suites(&mld_suite);
