// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_mld: MLDv2 as a host (RFC 3810), its MLDv1
 * compatibility mode (RFC 3810 8.2.1, RFC 2710) and the Reports sent again
 * once the link-local address is valid (RFC 3590 4).  Frames in are built
 * byte by byte; frames out are checked byte by byte, with the counters
 * that moved. *
 * The fixture's MAC is 02:00:00:00:00:01, so the link-local address is
 * fe80::ff:fe00:1 (ndp_kt_ll) and its solicited-node group ff02::1:ff00:1
 * (ndp_kt_ll_sn).  Unless a case needs router discovery, RS are turned
 * off (ndp_kt_init_host()) so that only this file's frames leave.
 */
#include "ndp_kunit.h"

/*
 * Check MLDv1 frame @i (RFC 2710 3): a Report (to @grp) or a Done (to
 * ff02::2) about @grp, from @src, hop limit 1, a Hop-by-Hop Router Alert,
 * 24 bytes: type, code 0, Maximum Response Delay 0, reserved 0, @grp.
 */
static void kt_expect_mld1(struct ndp_kt *t, int i, u8 type,
			   const struct ndp_ip6 *src, const struct ndp_ip6 *grp)
{
	static const u8 hbh[8] = { NDP_NH_ICMPV6, 0, 5, 2, 0, 0, 1, 0 };
	const struct ndp_ip6 *dst = type == NDP_ICMP_MLD1_DONE ?
				    &ndp_all_routers : grp;
	const struct ndp_tx *tx;
	const u8 *ip6, *m;
	u8 mac[NDP_ETH_ALEN];
	u32 len = 0;

	KUNIT_ASSERT_GE(t->test, i, 0);
	tx = &t->out->tx[i];
	ip6 = ndp_kt_tx_ip6(t, i);
	KUNIT_ASSERT_NOT_NULL(t->test, ip6);
	ndp_mcast_mac(dst, mac);
	KUNIT_EXPECT_EQ(t->test, memcmp(tx->frame, mac, 6), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(tx->frame + 6, t->mac, 6), 0);
	KUNIT_EXPECT_EQ(t->test, ip6[6], NDP_NH_HOPOPTS);
	KUNIT_EXPECT_EQ(t->test, ip6[7], 1);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 8, src->b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 24, dst->b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + NDP_IP6_HLEN, hbh, 8), 0);
	m = ndp_kt_tx_icmp(t, i, &len);
	KUNIT_ASSERT_NOT_NULL(t->test, m);
	KUNIT_EXPECT_EQ(t->test, len, 24U);
	KUNIT_EXPECT_EQ(t->test, tx->len,
			(u32)(NDP_ETH_HLEN + NDP_IP6_HLEN + 8 + 24));
	KUNIT_EXPECT_EQ(t->test, m[0], type);
	KUNIT_EXPECT_EQ(t->test, m[1], 0);
	KUNIT_EXPECT_EQ(t->test, ndp_get32(m + 4), 0U);
	KUNIT_EXPECT_EQ(t->test, memcmp(m + 8, grp->b, 16), 0);
}

/* Index of the MLDv1 message @type about @grp in t->out, or -1. */
static int kt_find_mld1(struct ndp_kt *t, u8 type, const struct ndp_ip6 *grp)
{
	const u8 *m;
	u32 i;

	for (i = 0; i < t->out->n_tx; i++) {
		m = ndp_kt_tx_icmp(t, i, NULL);
		if (m && m[0] == type && !memcmp(m + 8, grp->b, 16))
			return i;
	}
	return -1;
}

/* Is the core in MLDv1 compatibility mode (ndp_get_params())? */
static bool kt_mld_v1(struct ndp_kt *t)
{
	struct ndp_params par;

	ndp_get_params(t->ctx, &par);
	return par.mld_v1;
}

/* An MLD Query into the fixture's buffer; returns the IPv6 length. */
static u32 kt_query(struct ndp_kt *t, const struct ndp_ip6 *src,
		    const struct ndp_ip6 *dst, u8 hop_limit, bool router_alert,
		    const struct ndp_ip6 *mca, u16 max_resp_code, u32 len,
		    u16 nsrc)
{
	static const u8 hbh[8] = { NDP_NH_ICMPV6, 0, 5, 2, 0, 0, 1, 0 };
	u8 *ip6 = ndp_kt_pkt(t);
	u32 ext = router_alert ? 8 : 0;
	u8 *m = ip6 + NDP_IP6_HLEN + ext;

	ndp_write_ip6(ip6, src, dst,
		      router_alert ? NDP_NH_HOPOPTS : NDP_NH_ICMPV6,
		      hop_limit, (u16)(ext + len));
	if (router_alert)
		memcpy(ip6 + NDP_IP6_HLEN, hbh, sizeof(hbh));
	memset(m, 0, len);
	m[0] = NDP_ICMP_MLD_QUERY;
	ndp_put16(m + 4, max_resp_code);
	if (len >= 24)
		memcpy(m + 8, mca->b, 16);
	if (len >= 28) {
		m[25] = 125;		/* QQIC */
		ndp_put16(m + 26, nsrc);
	}
	ndp_put16(m + 2, ndp_icmp_csum(src, dst, m, len));
	return NDP_IP6_HLEN + ext + len;
}

/* The group table full: the address is refused, the shared group is not */
static void ndpv6_mld_group_table_full(struct kunit *test)
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
static void ndpv6_mld_upper_join_leave(struct kunit *test)
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
static void ndpv6_mld_general_query(struct kunit *test)
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
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
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

static void ndpv6_mld_query_delay(struct kunit *test)
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
		ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
					   &ndp_unspecified, r->code, r->len,
					   (r->len - 28) / 16));
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
			kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT, &ndp_kt_ll,
				       &ndp_kt_ll_sn);
		} else {
			m = ndp_kt_expect_report(&t, i, &ndp_kt_ll, 1);
			KUNIT_EXPECT_EQ(test, ndp_kt_record(m, &ndp_kt_ll_sn),
					2);
		}
	}
}

/* A group-specific Query: that group's record only */
static void ndpv6_mld_group_query(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_ip6 other = ndp_kt_ip(test, "ff05::9");
	struct ndp_kt t;
	s64 t_q;
	int i;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g1, t.out), 0);
	ndp_kt_settle(&t);
	t_q = t.now;
	ndp_kt_handle(&t, kt_query(&t, &q, &g1, 1, true, &g1, 2000, 28, 0));
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
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true, &other,
				   1000, 28, 0));
	ndp_kt_run_until(&t, t.now + SEC(10));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
}

/*
 * RFC 3810 6.2 rule 1: a pending General Query response that is sooner
 * stands; a later Query (general or group-specific) adds nothing.
 */
static void ndpv6_mld_pending_response_kept(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_kt t;
	s64 t_q;
	int i;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g1, t.out), 0);
	ndp_kt_settle(&t);
	t_q = t.now;
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 1000, 28, 0));
	t.now += MSEC(1);
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 60000, 28, 0));
	ndp_kt_handle(&t, kt_query(&t, &q, &g1, 1, true, &g1, 60000, 28, 0));
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

static void ndpv6_mld_invalid_query(struct kunit *test)
{
	const struct kt_bad_query *r = test->param_value;
	struct ndp_ip6 src = ndp_kt_ip(test, r->src);
	struct ndp_ip6 mca = ndp_kt_ip(test, r->mca);
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	ndp_kt_handle(&t, kt_query(&t, &src, &ndp_all_nodes, r->hop_limit,
				   r->router_alert, &mca, 1000, r->len,
				   r->nsrc));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_INVALID),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_MLD_INVALID);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
}

/* An address removed by its owner: its group is left with TO_IN twice */
static void ndpv6_mld_leave_on_removal(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::abcd");
	struct ndp_ip6 sn = ndp_kt_ip(test, "ff02::1:ff00:abcd");
	struct ndp_kt t;
	u8 m[24];

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
	ndp_kt_handle(&t, ndp_kt_build_icmp(&t, &ndp_unspecified, &sn, 255, m,
					    nf_ns(m, &g)));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_IP6_NOT_FOR_US),
			1ULL);
}

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

/* MLDv1 messages of @type about @grp in t->out. */
static u32 kt_count_mld1(struct ndp_kt *t, u8 type, const struct ndp_ip6 *grp)
{
	const u8 *m;
	u32 i, n = 0;

	for (i = 0; i < t->out->n_tx; i++) {
		m = ndp_kt_tx_icmp(t, i, NULL);
		n += m && m[0] == type && !memcmp(m + 8, grp->b, 16);
	}
	return n;
}

/* Run to @until, counting MLDv1 messages of @type about @grp. */
static u32 kt_run_count_mld1(struct ndp_kt *t, s64 until, u8 type,
			     const struct ndp_ip6 *grp)
{
	u32 n = 0;
	int guard;

	for (guard = 0; guard < 1000 && ndp_kt_step_before(t, until); guard++)
		n += kt_count_mld1(t, type, grp);
	t->now = until;
	return n;
}

/*
 * RFC 3810 8.2.1: an MLDv1 General Query (24 bytes) puts the host in
 * MLDv1 compatibility mode (ndp_get_params()), and every joined group but
 * ff02::1 gets one MLDv1 Report (type 131, to the group address) after
 * its own random delay within the Maximum Response Delay; no MLDv2
 * Report.
 */
static void ndpv6_mld_v1_general_query(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	u32 rep_sn = 0, rep_g1 = 0, other = 0, i;
	struct ndp_kt t;
	int guard;
	const u8 *m;
	s64 t_q;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g1, t.out), 0);
	ndp_kt_settle(&t);
	KUNIT_EXPECT_FALSE(test, kt_mld_v1(&t));
	t_q = t.now;
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 10000, 24, 0));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_V1_QUERY),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_MLD_V1_QUERY);
	KUNIT_EXPECT_TRUE(test, kt_mld_v1(&t));
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t_q + SEC(10));
	for (guard = 0; guard < 50 && ndp_kt_step_before(&t, t_q + SEC(10));
	     guard++) {
		for (i = 0; i < t.out->n_tx; i++) {
			m = ndp_kt_tx_icmp(&t, i, NULL);
			KUNIT_ASSERT_NOT_NULL(test, m);
			if (m[0] == NDP_ICMP_MLD1_REPORT &&
			    !memcmp(m + 8, ndp_kt_ll_sn.b, 16)) {
				kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT,
					       &ndp_kt_ll, &ndp_kt_ll_sn);
				rep_sn++;
			} else if (m[0] == NDP_ICMP_MLD1_REPORT &&
				   !memcmp(m + 8, g1.b, 16)) {
				kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT,
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
	KUNIT_EXPECT_TRUE(test, kt_mld_v1(&t));
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
static void ndpv6_mld_v1_mode_timeout(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_kt t;
	s64 t_q;
	int i;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	t_q = t.now;
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 1000, 24, 0));
	ndp_kt_run_until(&t, t_q + SEC(2));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD1_REPORT], 1U);
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t_q + SEC(251));

	/* an MLDv2 Query: answered in MLDv1, the timer unchanged */
	t.now = t_q + SEC(100);
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 1000, 28, 0));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_V1_QUERY),
			0ULL);
	ndp_kt_run_until(&t, t.now + SEC(2));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD1_REPORT], 1U);
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t_q + SEC(251));

	/* an MLDv1 group-specific Query restarts it */
	t.now = t_q + SEC(200);
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_kt_ll_sn, 1, true,
				   &ndp_kt_ll_sn, 1000, 24, 0));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_V1_QUERY),
			1ULL);
	ndp_kt_run_until(&t, t.now + SEC(2));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD1_REPORT], 1U);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t_q + SEC(451));

	/* not held while the link is down */
	t.now = t_q + SEC(300);
	ndp_kt_link(&t, false);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t_q + SEC(451));
	ndp_kt_run_until(&t, t_q + SEC(451) - 1);
	KUNIT_EXPECT_TRUE(test, kt_mld_v1(&t));
	ndp_kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.now, t_q + SEC(451));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_V1_EXPIRED),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_MLD_V1_EXPIRED);
	KUNIT_EXPECT_FALSE(test, kt_mld_v1(&t));
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t.ctx), t.now + SEC(3600));

	/* MLDv2 again */
	ndp_kt_link(&t, true);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD1_REPORT], 0U);
	KUNIT_EXPECT_GE(test, t.seen[NDP_ICMP_MLD2_REPORT], 1U);
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
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
static void ndpv6_mld_v1_join_leave(struct kunit *test)
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
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 0, 24, 0));
	ndp_kt_run_until(&t, t.now + SEC(1));
	KUNIT_ASSERT_TRUE(test, kt_mld_v1(&t));

	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &g, t.out), 0);
	ndp_kt_step(&t);
	i = kt_find_mld1(&t, NDP_ICMP_MLD1_REPORT, &g);
	kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT, &ndp_kt_ll, &g);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 1U);
	KUNIT_EXPECT_EQ(test, kt_run_count_mld1(&t, t.now + SEC(10),
						NDP_ICMP_MLD1_REPORT, &g), 1U);
	KUNIT_EXPECT_EQ(test, kt_run_count_mld1(&t, t.now + SEC(60),
						NDP_ICMP_MLD1_REPORT, &g), 0U);

	/* a Query, then another host's Report for g: ours still goes */
	ndp_kt_handle(&t, kt_query(&t, &q, &g, 1, true, &g, 5000, 24, 0));
	t.now += MSEC(1);
	ndp_kt_handle(&t, kt_mld1_msg(&t, &peer, &g, NDP_ICMP_MLD1_REPORT,
				      &g));
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_CONSUMED);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, kt_run_count_mld1(&t, t.now + SEC(5),
						NDP_ICMP_MLD1_REPORT, &g), 1U);

	/* leave: one Done to ff02::2, nothing after */
	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_leave_group(t.ctx, t.now, &g, t.out), 0);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE, &g));
	ndp_kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 1U);
	kt_expect_mld1(&t, kt_find_mld1(&t, NDP_ICMP_MLD1_DONE, &g),
		       NDP_ICMP_MLD1_DONE, &ndp_kt_ll, &g);
	ndp_kt_run_until(&t, t.now + SEC(30));
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &g));

	/* a new address: its group's MLDv1 Report, then its DAD NS */
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &a, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	ns = ndp_kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, ns, 0);
	i = kt_find_mld1(&t, NDP_ICMP_MLD1_REPORT, &a_sn);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_LT(test, i, ns);
	kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT, &ndp_kt_ll, &a_sn);
	ndp_kt_expect_dad_ns(&t, ns, &a);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD2_REPORT), 0U);
}

/*
 * Before the link-local address is valid MLDv1 Reports leave from ::
 * (RFC 3590 4): an MLDv1 Query at start-up gets the link-local address's
 * group reported, then its DAD NS goes.
 */
static void ndpv6_mld_v1_report_from_unspecified(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_kt t;
	int i, ns;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 0, 24, 0));
	ndp_kt_step(&t);
	i = kt_find_mld1(&t, NDP_ICMP_MLD1_REPORT, &ndp_kt_ll_sn);
	kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT, &ndp_unspecified,
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
static void ndpv6_mld_v1_mode_change_cancels(struct kunit *test)
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
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 60000, 28, 0));
	KUNIT_EXPECT_EQ(test, ndp_leave_group(t.ctx, t.now, &g2, t.out), 0);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &g3, t.out), 0);
	ndp_kt_handle(&t, kt_query(&t, &q, &g1, 1, true, &g1, 1000, 24, 0));
	KUNIT_EXPECT_TRUE(test, kt_mld_v1(&t));
	for (guard = 0; guard < 50 && ndp_kt_step_before(&t, t.now + SEC(60));
	     guard++) {
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD2_REPORT),
				0U);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD1_DONE),
				0U);
		KUNIT_EXPECT_EQ(test, kt_count_mld1(&t, NDP_ICMP_MLD1_REPORT,
						    &ndp_kt_ll_sn), 0U);
		g1_reports += kt_count_mld1(&t, NDP_ICMP_MLD1_REPORT, &g1);
		g3_reports += kt_count_mld1(&t, NDP_ICMP_MLD1_REPORT, &g3);
	}
	KUNIT_EXPECT_EQ(test, g1_reports, 1U);
	KUNIT_EXPECT_EQ(test, g3_reports, 2U);
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &g2));
}

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
					kt_expect_mld1(t, i, m[0], &src, g[k]);
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
static void ndpv6_mld_rfc3590_report_again(struct kunit *test)
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
static void ndpv6_mld_rfc3590_report_again_mld1(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	const struct ndp_ip6 *g[2] = { &ndp_kt_ll_sn, &ndp_kt_ll_sn };
	struct ndp_kt t;
	u32 n[2][2];

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 0, 24, 0));
	kt_count_sources(&t, t.now + SEC(30), SEC(11), g, n);
	KUNIT_EXPECT_TRUE(test, kt_mld_v1(&t));
	KUNIT_EXPECT_GE(test, n[0][0], 1U);
	KUNIT_EXPECT_EQ(test, n[0][1], 2U);
}

/*
 * RFC 3590 4 after the link comes back while the link-local address was
 * still tentative: the Reports of the new DAD go from :: again, and again
 * from the link-local address once it passes.
 */
static void ndpv6_mld_rfc3590_link_up(struct kunit *test)
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
static void ndpv6_mld_rfc3590_no_report_again(struct kunit *test)
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

static struct kunit_case ndpv6_mld_cases[] = {
	KUNIT_CASE(ndpv6_mld_group_table_full),
	KUNIT_CASE(ndpv6_mld_upper_join_leave),
	KUNIT_CASE(ndpv6_mld_general_query),
	KUNIT_CASE_PARAM(ndpv6_mld_query_delay, kt_mrd_gen_params),
	KUNIT_CASE(ndpv6_mld_group_query),
	KUNIT_CASE(ndpv6_mld_pending_response_kept),
	KUNIT_CASE_PARAM(ndpv6_mld_invalid_query,
			 kt_bad_query_gen_params),
	KUNIT_CASE(ndpv6_mld_leave_on_removal),
	KUNIT_CASE(ndpv6_mld_v1_general_query),
	KUNIT_CASE(ndpv6_mld_v1_mode_timeout),
	KUNIT_CASE(ndpv6_mld_v1_join_leave),
	KUNIT_CASE(ndpv6_mld_v1_report_from_unspecified),
	KUNIT_CASE(ndpv6_mld_v1_mode_change_cancels),
	KUNIT_CASE(ndpv6_mld_rfc3590_report_again),
	KUNIT_CASE(ndpv6_mld_rfc3590_report_again_mld1),
	KUNIT_CASE(ndpv6_mld_rfc3590_link_up),
	KUNIT_CASE(ndpv6_mld_rfc3590_no_report_again),
	{}
};

static struct kunit_suite ndpv6_mld_suite = {
	.name = "ndpv6_mld",
	.test_cases = ndpv6_mld_cases,
};

kunit_test_suites(&ndpv6_mld_suite);
