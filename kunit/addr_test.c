// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_addr: our addresses and DAD (RFC 4862 5.4, RFC 7527),
 * the address table, and what a link that goes down and comes back does to
 * them (RFC 4862 5.4 on re-attachment).  Frames in are built byte by byte;
 * frames out are checked byte by byte, with the counters that moved. *
 * The fixture's MAC is 02:00:00:00:00:01, so the link-local address is
 * fe80::ff:fe00:1 (ndp_kt_ll) and its solicited-node group ff02::1:ff00:1
 * (ndp_kt_ll_sn).  Unless a case needs router discovery, RS are turned
 * off (ndp_kt_init_host()) so that only this file's frames leave.
 */
#include "ndp_kunit.h"

static const u8 peer_mac[NDP_ETH_ALEN] = { 0x02, 0xbb, 0, 0, 0, 0x02 };

/* As ndp_kt_count_records(), only the Reports from @src. */
static u32 kt_count_records_from(struct ndp_kt *t, const struct ndp_ip6 *grp,
				 int type, const struct ndp_ip6 *src)
{
	u32 i, n = 0;
	const u8 *m;

	for (i = 0; i < t->out->n_tx; i++) {
		m = ndp_kt_tx_icmp(t, i, NULL);
		if (m && m[0] == NDP_ICMP_MLD2_REPORT &&
		    ndp_kt_record(m, grp) == type &&
		    !memcmp(ndp_kt_tx_ip6(t, i) + 8, src->b, 16))
			n++;
	}
	return n;
}

/* An unsolicited NA to ff02::1 for @target with TLLA @mac. */
static u32 kt_na(struct ndp_kt *t, const struct ndp_ip6 *src,
		 const struct ndp_ip6 *target, const u8 *mac)
{
	u8 m[32];
	u32 len;

	len = nf_na(m, NDP_NA_FLAG_O, target);
	len += nf_opt_lla(m + len, NDP_OPT_TLLA, mac);
	return ndp_kt_build_icmp(t, src, &ndp_all_nodes, 255, m, len);
}

/* ------------------------------------------------------------ link-local */

/* fe80::ff:fe00:1 from 02:00:00:00:00:01: U/L bit flipped, ff:fe inserted */
static void ndpv6_addr_linklocal_eui64(struct kunit *test)
{
	static const u8 want[16] = { 0xfe, 0x80, 0, 0, 0, 0, 0, 0,
				     0x00, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x00,
				     0x01 };
	static const u8 mac2[6] = { 0x00, 0x1b, 0x21, 0x0a, 0x0b, 0x0c };
	static const u8 want2[16] = { 0xfe, 0x80, 0, 0, 0, 0, 0, 0,
				      0x02, 0x1b, 0x21, 0xff, 0xfe, 0x0a, 0x0b,
				      0x0c };
	struct ndp_addr_info ai;
	struct ndp_ctx *ctx2;
	struct ndp_kt t;
	u32 pos = 0;
	void *mem;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_TRUE(test, ndp_addr_next(t.ctx, t.now, &pos, &ai));
	KUNIT_EXPECT_EQ(test, memcmp(ai.addr.b, want, 16), 0);
	KUNIT_EXPECT_EQ(test, ai.plen, 64);
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_EQ(test, ai.origin, NDP_ORIGIN_LINKLOCAL);
	KUNIT_EXPECT_EQ(test, ai.valid_s, NDP_INFINITE);
	KUNIT_EXPECT_EQ(test, ai.preferred_s, NDP_INFINITE);
	KUNIT_EXPECT_FALSE(test, ndp_addr_next(t.ctx, t.now, &pos, &ai));

	/* a universal MAC: the U/L bit goes from 0 to 1 */
	mem = kunit_kzalloc(test, ndp_ctx_size(&t.cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, mem);
	ndp_out_reset(t.out);
	ctx2 = ndp_local(mem, ndp_ctx_size(&t.cfg), &t.cfg, mac2, t.now,
			 ndp_kt_random, &t, t.out);
	KUNIT_ASSERT_NOT_NULL(test, ctx2);
	pos = 0;
	KUNIT_ASSERT_TRUE(test, ndp_addr_next(ctx2, t.now, &pos, &ai));
	KUNIT_EXPECT_EQ(test, memcmp(ai.addr.b, want2, 16), 0);
}

/* local: no frame, notes for ff02::1 and the solicited-node group only */
static void ndpv6_addr_local_emits_nothing(struct kunit *test)
{
	struct ndp_ip6 ips[4];
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 2U);
	KUNIT_EXPECT_EQ(test, t.out->notes[0].kind, NDP_NOTE_GROUP_JOIN);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&t.out->notes[0].addr,
					   &ndp_all_nodes));
	KUNIT_EXPECT_EQ(test, t.out->notes[1].kind, NDP_NOTE_GROUP_JOIN);
	KUNIT_EXPECT_TRUE(test,
			  ndp_ip6_eq(&t.out->notes[1].addr, &ndp_kt_ll_sn));
	KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, ips, 4), 0);
	KUNIT_EXPECT_TRUE(test, ndp_group_is_joined(t.ctx, &ndp_all_nodes));
	KUNIT_EXPECT_TRUE(test, ndp_group_is_joined(t.ctx, &ndp_kt_ll_sn));
	/* the Report and the NS: within MAX_RTR_SOLICITATION_DELAY */
	KUNIT_EXPECT_GE(test, ndp_next_deadline(t.ctx), t.now);
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t.now + SEC(1));
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
}

/*
 * The first tick, after one random delay in [0, 1 s) (RFC 4862 5.4.2),
 * sends exactly two frames: the MLD Report for ff02::1:ff00:1 (from ::,
 * TO_EX {}), then the DAD NS (from ::, to the group, nonce, no SLLA, hop
 * limit 255); the Report's repeat follows within 1 s.
 */
static void ndpv6_addr_first_frames_report_then_dad_ns(struct kunit *test)
{
	struct ndp_kt t;
	const u8 *m;
	s64 t0;

	ndp_kt_init_host(test, &t, 1);
	t0 = t.now;
	ndp_kt_step(&t);
	KUNIT_EXPECT_GE(test, t.now, t0);
	KUNIT_EXPECT_LT(test, t.now, t0 + SEC(1));
	KUNIT_ASSERT_EQ(test, t.out->n_tx, 2U);
	m = ndp_kt_expect_report(&t, 0, &ndp_unspecified, 1);
	KUNIT_EXPECT_EQ(test, ndp_kt_record(m, &ndp_kt_ll_sn), 4);
	/* ff02::1 is never reported */
	KUNIT_EXPECT_EQ(test, ndp_kt_record(m, &ndp_all_nodes), -1);
	ndp_kt_expect_dad_ns(&t, 1, &ndp_kt_ll);
	KUNIT_EXPECT_EQ(test, t.out->tx[1].len, 86U);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, ndp_kt_run_count_records(&t, t.now + SEC(1),
						       &ndp_kt_ll_sn, 4), 1U);
}

/* Valid exactly RetransTimer after the DAD NS; only then in get_ip. */
static void ndpv6_addr_valid_after_retrans_timer(struct kunit *test)
{
	struct ndp_addr_info ai;
	struct ndp_ip6 src;
	struct ndp_kt t;
	s64 t_ns;
	int i;

	ndp_kt_init_host(test, &t, 1);
	i = ndp_kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	t_ns = t.now;
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx) <= t_ns + SEC(1), true);

	ndp_kt_tick(&t, t_ns + SEC(1) - 1);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &ndp_kt_ll));
	KUNIT_EXPECT_EQ(test, ndp_select_source(t.ctx, &ndp_kt_ll_sn, &src),
			-ENOENT);
	KUNIT_EXPECT_FALSE(test, ndp_addr_is_ours(t.ctx, &ndp_kt_ll));
	KUNIT_EXPECT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_ADD, NULL));

	ndp_kt_tick(&t, t_ns + SEC(1));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &ndp_kt_ll));
	KUNIT_EXPECT_TRUE(test, ndp_addr_is_ours(t.ctx, &ndp_kt_ll));
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &ndp_kt_ll);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].plen, 64);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].valid_s, NDP_INFINITE);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].preferred_s, NDP_INFINITE);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_ASSERT_TRUE(test, ndp_kt_addr_info(&t, &ndp_kt_ll, &ai));
	KUNIT_EXPECT_EQ(test, ndp_select_source(t.ctx, &ndp_kt_ll_sn, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &ndp_kt_ll));
	/*
	 * then only the group's Reports again, from the link-local address
	 * (RFC 3590 4), and the 2 h ReachableTime redraw
	 */
	ndp_kt_run_until(&t, t.now + SEC(3600));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_NS], 0U);
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 2U);
}

/* DupAddrDetectTransmits 2: two NS, RetransTimer apart, fresh nonces. */
static void ndpv6_addr_dad_transmits_two(struct kunit *test)
{
	u8 nonce1[NDP_NONCE_LEN];
	s64 t1, t2;
	struct ndp_kt t;
	int i;

	ndp_kt_init_host(test, &t, 2);
	i = ndp_kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	t1 = t.now;
	memcpy(nonce1, ndp_kt_expect_dad_ns(&t, i, &ndp_kt_ll), NDP_NONCE_LEN);
	i = ndp_kt_step_until_tx(&t, NDP_ICMP_NS, t1 + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	t2 = t.now;
	KUNIT_EXPECT_EQ(test, t2, t1 + SEC(1));
	KUNIT_EXPECT_NE(test,
			memcmp(ndp_kt_expect_dad_ns(&t, i, &ndp_kt_ll), nonce1,
			       NDP_NONCE_LEN),
			0);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_TENTATIVE);
	ndp_kt_tick(&t, t2 + SEC(1) - 1);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_TENTATIVE);
	ndp_kt_tick(&t, t2 + SEC(1));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_ADD,
						     &ndp_kt_ll));
	ndp_kt_run_until(&t, t.now + SEC(10));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_NS], 0U);
}

/* DupAddrDetectTransmits 0: valid at once, no NS ever. */
static void ndpv6_addr_dad_transmits_zero(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::10");
	struct ndp_kt t;
	int i;

	ndp_kt_init_host(test, &t, 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_ADD,
						     &ndp_kt_ll));
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &ndp_kt_ll));
	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &g);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].plen, 64);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &g));
	ndp_kt_run_until(&t, t.now + SEC(10));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_NS], 0U);
	/* the groups are still reported: TO_EX for both, twice each */
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT] >= 2, true);
}

/* An NA for the tentative address: duplicate (RFC 4862 5.4.4). */
static void ndpv6_addr_dad_dup_by_na(struct kunit *test)
{
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::99");
	struct ndp_addr_info ai;
	struct ndp_kt t;
	int i;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_GE(test, ndp_kt_step_until_tx(&t, NDP_ICMP_NS,
						   t.now + SEC(1)), 0);
	t.now += MSEC(300);
	ndp_kt_handle(&t, kt_na(&t, &peer, &ndp_kt_ll, peer_mac));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t.out->n_done, 1U);
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_CONSUMED);
	i = ndp_kt_note(&t, NDP_NOTE_DAD_FAILED, &ndp_kt_ll);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].plen, 64);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE,
						     &ndp_kt_ll_sn));
	/* the EUI-64 link-local: IP operation disabled too (5.4.5) */
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_IP_DISABLED),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_DAD_FAILED, NDP_STAT_IP_DISABLED);
	KUNIT_ASSERT_TRUE(test, ndp_kt_addr_info(&t, &ndp_kt_ll, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_DUPLICATE);

	/* never valid, never listed; the group is left with TO_IN reports */
	KUNIT_EXPECT_EQ(test, ndp_kt_run_count_records(&t, t.now + SEC(5),
						       &ndp_kt_ll_sn, 3), 2U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &ndp_kt_ll));
	KUNIT_EXPECT_FALSE(test, ndp_addr_is_ours(t.ctx, &ndp_kt_ll));
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &ndp_kt_ll_sn));
	KUNIT_EXPECT_NULL(test, ndp_addr_linklocal(t.ctx));
	/* removal by the owner */
	KUNIT_EXPECT_EQ(test, ndp_del_ip(t.ctx, t.now, &ndp_kt_ll, t.out), 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll), -1);
}

/*
 * A DAD NS from another node (from ::, another nonce or none) for our
 * tentative address: duplicate (RFC 4862 5.4.3; Mirage's Ndpv6 missed it).
 */
static void ndpv6_addr_dad_dup_by_foreign_ns(struct kunit *test)
{
	static const u8 other[NDP_NONCE_LEN] = { 1, 2, 3, 4, 5, 6 };
	struct ndp_kt t;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		ndp_kt_init_host(test, &t, 1);
		KUNIT_ASSERT_GE(test, ndp_kt_step_until_tx(&t, NDP_ICMP_NS,
							   t.now + SEC(1)), 0);
		t.now += MSEC(10);
		ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &ndp_kt_ll,
						pass ? NULL : other));
		KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t,
							NDP_STAT_DAD_FAILED),
				1ULL);
		KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t,
							NDP_STAT_DAD_NS_LOOPED),
				0ULL);
		/* no answer: the address was never ours */
		KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
		KUNIT_EXPECT_GE(test, ndp_kt_note(&t, NDP_NOTE_DAD_FAILED,
						  &ndp_kt_ll), 0);
		KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
				NDP_ADDR_DUPLICATE);
		ndp_kt_run_until(&t, t.now + SEC(5));
		KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
				NDP_ADDR_DUPLICATE);
	}
}

/* Before our first NS too: another node's DAD NS makes it a duplicate. */
static void ndpv6_addr_dad_dup_before_first_ns(struct kunit *test)
{
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &ndp_kt_ll, NULL));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_NS], 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_DUPLICATE);
}

/* Our own DAD NS looped back (same nonce, RFC 7527): not a duplicate. */
static void ndpv6_addr_dad_own_ns_looped(struct kunit *test)
{
	u8 nonce[NDP_NONCE_LEN];
	struct ndp_kt t;
	s64 t_ns;
	int i;

	ndp_kt_init_host(test, &t, 1);
	i = ndp_kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	t_ns = t.now;
	memcpy(nonce, ndp_kt_expect_dad_ns(&t, i, &ndp_kt_ll), NDP_NONCE_LEN);
	ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &ndp_kt_ll, nonce));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_NS_LOOPED),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_DAD_NS_LOOPED);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_TENTATIVE);
	ndp_kt_tick(&t, t_ns + SEC(1));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);

	/* a nonce that differs in its last byte is someone else's */
	ndp_kt_init_host(test, &t, 1);
	i = ndp_kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	memcpy(nonce, ndp_kt_expect_dad_ns(&t, i, &ndp_kt_ll), NDP_NONCE_LEN);
	nonce[5] ^= 1;
	ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &ndp_kt_ll, nonce));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
}

/*
 * Our own NA for a valid address, looped back (multicast, our TLLA): the
 * address stays (a published mistake of other stacks is to kill it).
 */
static void ndpv6_addr_own_na_keeps_valid_address(struct kunit *test)
{
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	ndp_kt_handle(&t, kt_na(&t, &ndp_kt_ll, &ndp_kt_ll, t.mac));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_NA_FOR_OWN_ADDR),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_NA_FOR_OWN_ADDR);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	/* another node's NA for it changes nothing either */
	ndp_kt_handle(&t, kt_na(&t, &ndp_kt_ll, &ndp_kt_ll, peer_mac));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &ndp_kt_ll));
}

/* A unicast-sourced NS for a tentative address is not answered. */
static void ndpv6_addr_tentative_ns_not_answered(struct kunit *test)
{
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::99");
	struct ndp_nbr_info ni;
	struct ndp_kt t;
	u8 m[32];
	u32 len;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_GE(test, ndp_kt_step_until_tx(&t, NDP_ICMP_NS,
						   t.now + SEC(1)), 0);
	len = nf_ns(m, &ndp_kt_ll);
	len += nf_opt_lla(m + len, NDP_OPT_SLLA, peer_mac);
	/* to the solicited-node group, then to the address itself */
	ndp_kt_handle(&t, ndp_kt_build_icmp(&t, &peer, &ndp_kt_ll_sn, 255, m,
					    len));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_NS_NOT_OURS),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_NS_NOT_OURS);
	ndp_kt_handle(&t,
		      ndp_kt_build_icmp(&t, &peer, &ndp_kt_ll, 255, m, len));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_NS_NOT_OURS),
			1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_TENTATIVE);
	/* and no neighbour entry was made from it */
	KUNIT_EXPECT_NE(test, ndp_nbr_lookup(t.ctx, &peer, &ni), 0);
}

/* An address added later: its group's Report (from fe80::) before its NS */
static void ndpv6_addr_add_ip_report_before_ns(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::abcd");
	struct ndp_ip6 sn = ndp_kt_ip(test, "ff02::1:ff00:abcd");
	int rep = -1, ns = -1, guard;
	struct ndp_addr_info ai;
	const u8 *m = NULL;
	struct ndp_kt t;
	s64 t_add;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	t_add = t.now;
	ndp_out_reset(t.out);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_GROUP_JOIN, &sn));
	KUNIT_EXPECT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_ADD, NULL));
	KUNIT_ASSERT_TRUE(test, ndp_kt_addr_info(&t, &g, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_EQ(test, ai.origin, NDP_ORIGIN_MANUAL);
	for (guard = 0; guard < 10 && ns < 0; guard++) {
		ndp_kt_step(&t);
		if (rep < 0) {
			rep = ndp_kt_find_tx(&t, NDP_ICMP_MLD2_REPORT);
			if (rep >= 0)
				m = ndp_kt_expect_report(&t, rep, &ndp_kt_ll,
							 1);
			if (rep >= 0)
				KUNIT_EXPECT_EQ(test, ndp_kt_record(m, &sn), 4);
		}
		ns = ndp_kt_find_tx(&t, NDP_ICMP_NS);
	}
	KUNIT_ASSERT_GE(test, ns, 0);
	KUNIT_EXPECT_GE(test, rep, 0);
	ndp_kt_expect_dad_ns(&t, ns, &g);
	KUNIT_EXPECT_LT(test, t.now, t_add + SEC(1));
	ndp_kt_run_until(&t, t.now + SEC(1));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &g));
}

/*
 * Two tentative addresses sharing ff02::1:ff00:1, each with its own random
 * delay: neither NS leaves before the group's Report, and no deadline
 * stalls waiting for it.
 */
static void ndpv6_addr_shared_group_report_first(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::ff:fe00:1");
	bool reported = false;
	int guard, seeds, ns;
	struct ndp_kt t;
	const u8 *m;
	s64 before;
	u32 i;

	for (seeds = 0; seeds < 6; seeds++) {
		ndp_kt_init_host(test, &t, 1);
		t.rng += seeds * 0x9e3779b9ULL;
		t.now += MSEC(100);
		KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64,
						 NDP_INFINITE, NDP_INFINITE,
						 t.out), 0);
		reported = false;
		ns = 0;
		for (guard = 0; guard < 20 && ns < 2; guard++) {
			before = ndp_next_deadline(t.ctx);
			ndp_kt_step(&t);
			KUNIT_EXPECT_TRUE(test, t.out->n_tx > 0 ||
					  ndp_next_deadline(t.ctx) > before);
			for (i = 0; i < t.out->n_tx; i++) {
				m = ndp_kt_tx_icmp(&t, i, NULL);
				if (m && m[0] == NDP_ICMP_MLD2_REPORT &&
				    ndp_kt_record(m, &ndp_kt_ll_sn) == 4)
					reported = true;
				if (m && m[0] == NDP_ICMP_NS) {
					KUNIT_EXPECT_TRUE(test, reported);
					ns++;
				}
			}
		}
		KUNIT_EXPECT_EQ(test, ns, 2);
		ndp_kt_run_until(&t, t.now + SEC(3));
		KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g),
				NDP_ADDR_PREFERRED);
		KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
				NDP_ADDR_PREFERRED);
	}
}

/* ------------------------------------------------------------ lifetimes */

/* preferred 40 s, valid 100 s: DEPRECATED at 40 s, removed at 100 s */
static void ndpv6_addr_deprecate_then_remove(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::abcd");
	struct ndp_ip6 sn = ndp_kt_ip(test, "ff02::1:ff00:abcd");
	struct ndp_ip6 dst = ndp_kt_ip(test, "2001:db8::1");
	struct ndp_ip6 src;
	struct ndp_kt t;
	const u8 *m;
	s64 t0;
	int i;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	t0 = t.now;
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t0, &g, 64, 100, 40, t.out),
			0);
	ndp_kt_run_until(&t, t0 + SEC(40) - 1);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_PREFERRED);
	KUNIT_ASSERT_EQ(test, ndp_select_source(t.ctx, &dst, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &g));

	/* the deadline is the preferred lifetime's end, to the ns */
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t0 + SEC(40));
	ndp_kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.now, t0 + SEC(40));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_DEPRECATED);
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_DEPRECATED, &g);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].valid_s, 60U);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].preferred_s, 0U);
	/* still ours, still a source when nothing better exists */
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &g));
	KUNIT_ASSERT_EQ(test, ndp_select_source(t.ctx, &dst, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &g));

	ndp_kt_run_until(&t, t0 + SEC(100) - 1);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_DEPRECATED);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t0 + SEC(100));
	ndp_kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.now, t0 + SEC(100));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), -1);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_ADDR_DEL, &g));
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE, &sn));
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &g));
	/* the first leave Report went out in the same tick, from fe80:: */
	i = ndp_kt_find_tx(&t, NDP_ICMP_MLD2_REPORT);
	m = ndp_kt_expect_report(&t, i, &ndp_kt_ll, 1);
	KUNIT_EXPECT_EQ(test, ndp_kt_record(m, &sn), 3);
	KUNIT_EXPECT_EQ(test, ndp_kt_run_count_records(&t, t.now + SEC(2),
						       &sn, 3), 1U);
	KUNIT_EXPECT_EQ(test, ndp_select_source(t.ctx, &dst, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &ndp_kt_ll));
}

/* ------------------------------------------------------------ table */

/* 16 addresses by default (the link-local one included), then -ENOSPC */
static void ndpv6_addr_cap_16(struct kunit *test)
{
	struct ndp_ip6 ip = ndp_kt_ip(test, "2001:db8::ab:0");
	struct ndp_fill fill;
	struct ndp_kt t;
	int i;

	ndp_kt_init_host(test, &t, 1);
	for (i = 1; i <= 15; i++) {
		ip.b[15] = i;
		KUNIT_EXPECT_EQ(test, ndp_add_ip(t.ctx, t.now, &ip, 64,
						 NDP_INFINITE, NDP_INFINITE,
						 t.out), 0);
	}
	ndp_kt_snap(&t);
	ip.b[15] = 16;
	KUNIT_EXPECT_EQ(test, ndp_add_ip(t.ctx, t.now, &ip, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_ADDR_TABLE_FULL),
			1ULL);
	ndp_get_fill(t.ctx, &fill);
	KUNIT_EXPECT_EQ(test, fill.addrs, 16);
	KUNIT_EXPECT_EQ(test, fill.max_addrs, 16);
	/* ff02::1, the link-local's group and 15 more */
	KUNIT_EXPECT_EQ(test, fill.groups, 17);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ip), -1);
	/* room again after a delete */
	ip.b[15] = 3;
	KUNIT_EXPECT_EQ(test, ndp_del_ip(t.ctx, t.now, &ip, t.out), 0);
	KUNIT_EXPECT_EQ(test, ndp_del_ip(t.ctx, t.now, &ip, t.out), -ENOENT);
	ip.b[15] = 16;
	KUNIT_EXPECT_EQ(test, ndp_add_ip(t.ctx, t.now, &ip, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, NULL, 0), 16);
}

/* add_ip argument checks */
struct kt_bad_add {
	const char *name;
	const char *ip;
	u8 plen;
	u32 valid_s, preferred_s;
	int err;
};

static const struct kt_bad_add kt_bad_add_rows[] = {
	{ "multicast", "ff02::5", 64, NDP_INFINITE, NDP_INFINITE, -EINVAL },
	{ "unspecified", "::", 64, NDP_INFINITE, NDP_INFINITE, -EINVAL },
	{ "loopback", "::1", 128, NDP_INFINITE, NDP_INFINITE, -EINVAL },
	{ "prefix length 0", "2001:db8::1", 0, 100, 100, -EINVAL },
	{ "prefix length 129", "2001:db8::1", 129, 100, 100, -EINVAL },
	{ "valid lifetime 0", "2001:db8::1", 64, 0, 0, -EINVAL },
	{ "preferred above valid", "2001:db8::1", 64, 100, 200, -EINVAL },
	{ "already there", "fe80::ff:fe00:1", 64, 100, 100, -EEXIST },
	{ "a /128", "2001:db8::1", 128, 100, 100, 0 },
	{ "a /1", "2001:db8::1", 1, 100, 100, 0 },
};

static void kt_bad_add_desc(const struct kt_bad_add *r, char *desc)
{
	strscpy(desc, r->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kt_bad_add, kt_bad_add_rows, kt_bad_add_desc);

static void ndpv6_addr_add_ip_checks(struct kunit *test)
{
	const struct kt_bad_add *r = test->param_value;
	struct ndp_ip6 ip = ndp_kt_ip(test, r->ip);
	struct ndp_fill fill;
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_EXPECT_EQ(test, ndp_add_ip(t.ctx, t.now, &ip, r->plen,
					 r->valid_s, r->preferred_s, t.out),
			r->err);
	ndp_get_fill(t.ctx, &fill);
	KUNIT_EXPECT_EQ(test, fill.addrs, r->err ? 1 : 2);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
}

/* Output full: nothing lost, the Report and NS leave at the next tick */
static void ndpv6_addr_out_full_retried(struct kunit *test)
{
	struct ndp_kt t;
	s64 due;
	int rep, ns;

	ndp_kt_init_host(test, &t, 1);
	due = ndp_next_deadline(t.ctx);
	ndp_out_reset(t.out);
	ndp_kt_snap(&t);
	t.out->n_tx = NDP_OUT_TX;		/* no room */
	ndp_tick(t.ctx, t.now + SEC(1), t.out);
	KUNIT_EXPECT_GE(test, ndp_kt_stat_delta(&t, NDP_STAT_TX_OUT_FULL),
			1ULL);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(t.ctx), due);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_TENTATIVE);
	ndp_kt_tick(&t, t.now + SEC(1));
	rep = ndp_kt_find_tx(&t, NDP_ICMP_MLD2_REPORT);
	ns = ndp_kt_find_tx(&t, NDP_ICMP_NS);
	KUNIT_ASSERT_GE(test, rep, 0);
	KUNIT_ASSERT_GE(test, ns, 0);
	KUNIT_EXPECT_LT(test, rep, ns);
	ndp_kt_expect_dad_ns(&t, ns, &ndp_kt_ll);
	ndp_kt_run_until(&t, t.now + SEC(2));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);

	/*
	 * Room for the 86-byte NS but not the 90-byte Report: the NS waits
	 * for the Report it needs (RFC 4862 5.4.2).
	 */
	ndp_kt_init_host(test, &t, 1);
	ndp_out_reset(t.out);
	ndp_kt_snap(&t);
	t.out->arena_used = NDP_OUT_ARENA - 88;
	ndp_tick(t.ctx, t.now + SEC(1), t.out);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_TX_OUT_FULL),
			1ULL);
	ndp_kt_tick(&t, t.now + SEC(1));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 2U);
	KUNIT_EXPECT_EQ(test, ndp_kt_tx_icmp_type(&t, 0), NDP_ICMP_MLD2_REPORT);
	KUNIT_EXPECT_EQ(test, ndp_kt_tx_icmp_type(&t, 1), NDP_ICMP_NS);
}

/* ------------------------------------------------------ the link (again) */

/*
 * RFC 4862 5.4 on re-attachment: while the link is down nothing leaves and
 * nothing of DAD or MLD is due; when it comes back every address runs DAD
 * again, after a random delay below 1 s, with a fresh nonce, the Report
 * of its solicited-node group first.  Valid addresses stay valid all
 * along (RFC 4429 style): usable, shown PREFERRED, no note either way.
 */
static void ndpv6_addr_link_up_dad_again(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::10");
	struct ndp_ip6 g_sn = ndp_kt_ip(test, "ff02::1:ff00:10");
	u32 rep_ll = 0, rep_g = 0, ns_ll = 0, ns_g = 0;
	u8 nonce1[NDP_NONCE_LEN];
	const u8 *m, *nonce;
	struct ndp_ip6 src;
	struct ndp_kt t;
	int guard, i;
	s64 t_up;

	ndp_kt_init_host(test, &t, 1);
	i = ndp_kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	memcpy(nonce1, ndp_kt_expect_dad_ns(&t, i, &ndp_kt_ll), NDP_NONCE_LEN);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	ndp_kt_settle(&t);
	KUNIT_ASSERT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_PREFERRED);

	/* down: nothing leaves, nothing changes, nothing of ours is due */
	ndp_kt_link(&t, false);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_LINK_DOWN), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_LINK_DOWN);
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t.ctx), t.now + SEC(3600));
	ndp_kt_run_until(&t, t.now + SEC(30));
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &g));
	ndp_kt_link(&t, false);		/* no change: nothing */
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_LINK_DOWN), 0ULL);

	/* up: no frame, no note yet; both checked again, still usable */
	t_up = t.now;
	ndp_kt_link(&t, true);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_LINK_UP), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_LINK_UP);
	KUNIT_EXPECT_GE(test, ndp_next_deadline(t.ctx), t_up);
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t_up + SEC(1));
	KUNIT_EXPECT_EQ(test, ndp_addr_find(t.ctx, &ndp_kt_ll)->state,
			NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_EQ(test, ndp_addr_find(t.ctx, &g)->state,
			NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &g));
	KUNIT_EXPECT_TRUE(test, ndp_addr_is_ours(t.ctx, &ndp_kt_ll));
	KUNIT_EXPECT_EQ(test, ndp_select_source(t.ctx, &g, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &g));

	/* Reports, then each address's DAD NS, all within the delay */
	for (guard = 0; guard < 50 && (!ns_ll || !ns_g); guard++) {
		ndp_kt_step(&t);
		KUNIT_EXPECT_LT(test, t.now, t_up + SEC(1));
		for (i = 0; i < (int)t.out->n_tx; i++) {
			m = ndp_kt_tx_icmp(&t, i, NULL);
			KUNIT_ASSERT_NOT_NULL(test, m);
			if (m[0] == NDP_ICMP_MLD2_REPORT) {
				rep_ll += ndp_kt_record(m, &ndp_kt_ll_sn) == 4;
				rep_g += ndp_kt_record(m, &g_sn) == 4;
				continue;
			}
			KUNIT_ASSERT_EQ(test, m[0], NDP_ICMP_NS);
			if (!memcmp(m + 8, ndp_kt_ll.b, 16)) {
				KUNIT_EXPECT_GE(test, rep_ll, 1U);
				nonce = ndp_kt_expect_dad_ns(&t, i, &ndp_kt_ll);
				KUNIT_EXPECT_NE(test, memcmp(nonce, nonce1,
							     NDP_NONCE_LEN), 0);
				ns_ll++;
			} else {
				KUNIT_EXPECT_GE(test, rep_g, 1U);
				ndp_kt_expect_dad_ns(&t, i, &g);
				ns_g++;
			}
		}
		KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	}
	KUNIT_EXPECT_EQ(test, ns_ll, 1U);
	KUNIT_EXPECT_EQ(test, ns_g, 1U);

	/* RetransTimer later both are valid again, silently; Reports twice */
	for (guard = 0; guard < 50 && ndp_kt_step_before(&t, t_up + SEC(4));
	     guard++) {
		rep_ll += ndp_kt_count_records(&t, &ndp_kt_ll_sn, 4);
		rep_g += ndp_kt_count_records(&t, &g_sn, 4);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_NS), 0U);
		KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	}
	KUNIT_EXPECT_EQ(test, rep_ll, 2U);
	KUNIT_EXPECT_EQ(test, rep_g, 2U);
	KUNIT_EXPECT_EQ(test, ndp_addr_find(t.ctx, &ndp_kt_ll)->state,
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, ndp_addr_find(t.ctx, &g)->state,
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_FALSE(test, ndp_addr_find(t.ctx, &g)->optimistic);
	ndp_kt_link(&t, true);		/* no change: nothing */
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_LINK_UP), 0ULL);
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t.ctx), t.now + SEC(3600));
}

/*
 * A duplicate that appeared while we were away answers the DAD NS of the
 * re-check (an NA), or runs its own DAD (an NS from :: with its nonce):
 * the address is taken back (ADDR_DEL, it had been announced) and is a
 * duplicate (DAD_FAILED), its group left.
 */
static void ndpv6_addr_link_up_duplicate(struct kunit *test)
{
	static const u8 other[NDP_NONCE_LEN] = { 6, 5, 4, 3, 2, 1 };
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::10");
	struct ndp_ip6 g_sn = ndp_kt_ip(test, "ff02::1:ff00:10");
	struct ndp_kt t;
	int del, failed;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	ndp_kt_settle(&t);
	ndp_kt_link(&t, false);
	t.now += SEC(2);
	ndp_kt_link(&t, true);
	KUNIT_ASSERT_GE(test, ndp_kt_step_until_tx(&t, NDP_ICMP_NS,
						   t.now + SEC(1)), 0);

	/* the other owner of g answers */
	t.now += MSEC(10);
	ndp_kt_handle(&t, kt_na(&t, &g, &g, peer_mac));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_DAD_FAILED);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	del = ndp_kt_note(&t, NDP_NOTE_ADDR_DEL, &g);
	failed = ndp_kt_note(&t, NDP_NOTE_DAD_FAILED, &g);
	KUNIT_ASSERT_GE(test, del, 0);
	KUNIT_EXPECT_GT(test, failed, del);
	KUNIT_EXPECT_EQ(test, t.out->notes[failed].plen, 64);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE,
						     &g_sn));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &g));
	KUNIT_EXPECT_FALSE(test, ndp_addr_is_ours(t.ctx, &g));

	/* another node's DAD for our link-local address, still checked */
	KUNIT_ASSERT_EQ(test, ndp_addr_find(t.ctx, &ndp_kt_ll)->state,
			NDP_ADDR_TENTATIVE);
	ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &ndp_kt_ll, other));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	del = ndp_kt_note(&t, NDP_NOTE_ADDR_DEL, &ndp_kt_ll);
	KUNIT_ASSERT_GE(test, del, 0);
	KUNIT_EXPECT_GT(test, ndp_kt_note(&t, NDP_NOTE_DAD_FAILED, &ndp_kt_ll),
			del);
	KUNIT_EXPECT_NULL(test, ndp_addr_linklocal(t.ctx));
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_NS], 0U);
	/* a duplicate stays one when the link comes back again */
	ndp_kt_link(&t, false);
	ndp_kt_link(&t, true);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_NS], 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_DUPLICATE);
}

/*
 * While an address is checked again it answers an NS from a unicast
 * source as an RFC 4429 Optimistic Address does: a solicited NA without
 * the Override flag (the cache of a host that knows the real owner keeps
 * it); without an SLLA only to a neighbour whose MAC is known.
 */
static void ndpv6_addr_link_up_ns_answered_no_override(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::10");
	struct ndp_ip6 g_sn = ndp_kt_ip(test, "ff02::1:ff00:10");
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::99");
	struct ndp_ip6 other = ndp_kt_ip(test, "fe80::98");
	const u8 *ip6, *m;
	struct ndp_kt t;
	u8 ns[32];
	u32 len;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	ndp_kt_settle(&t);
	ndp_kt_link(&t, false);
	t.now += SEC(2);
	ndp_kt_link(&t, true);
	KUNIT_ASSERT_TRUE(test, ndp_addr_find(t.ctx, &g)->optimistic);

	/* with SLLA, to the solicited-node group */
	len = nf_ns(ns, &g);
	len += nf_opt_lla(ns + len, NDP_OPT_SLLA, peer_mac);
	ndp_kt_handle(&t, ndp_kt_build_icmp(&t, &peer, &g_sn, 255, ns, len));
	KUNIT_ASSERT_EQ(test, t.out->n_tx, 1U);
	ndp_kt_expect_only(&t, NDP_STAT_NBR_CREATED);
	KUNIT_EXPECT_EQ(test, memcmp(t.out->tx[0].frame, peer_mac, 6), 0);
	ip6 = ndp_kt_tx_ip6(&t, 0);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	KUNIT_EXPECT_EQ(test, memcmp(ip6 + 8, g.b, 16), 0);
	KUNIT_EXPECT_EQ(test, memcmp(ip6 + 24, peer.b, 16), 0);
	m = ndp_kt_tx_icmp(&t, 0, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, m[0], NDP_ICMP_NA);
	KUNIT_EXPECT_EQ(test, m[4], NDP_NA_FLAG_S);	/* no O, no R */
	KUNIT_EXPECT_EQ(test, memcmp(m + 8, g.b, 16), 0);
	KUNIT_EXPECT_EQ(test, len, 32U);
	KUNIT_EXPECT_EQ(test, m[24], NDP_OPT_TLLA);
	KUNIT_EXPECT_EQ(test, memcmp(m + 26, t.mac, 6), 0);
	KUNIT_EXPECT_EQ(test, ndp_addr_find(t.ctx, &g)->state,
			NDP_ADDR_TENTATIVE);

	/* unicast, no SLLA: the peer is known now, another host is not */
	len = nf_ns(ns, &g);
	ndp_kt_handle(&t, ndp_kt_build_icmp(&t, &peer, &g, 255, ns, len));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_NA), 1U);
	ndp_kt_handle(&t, ndp_kt_build_icmp(&t, &other, &g, 255, ns, len));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&t, NDP_STAT_TX_CORE_UNRESOLVED),
			1ULL);

	/* and the check passes */
	ndp_kt_run_until(&t, t.now + SEC(3));
	KUNIT_EXPECT_EQ(test, ndp_addr_find(t.ctx, &g)->state,
			NDP_ADDR_PREFERRED);
}

/*
 * Down from the start (ndp0 up on a lower without carrier): the first
 * DAD waits for the link, and so do an address added and a group joined
 * meanwhile; a group left meanwhile is forgotten without a Report.  When
 * the link comes, DAD runs and the addresses become valid (ADDR_ADD).
 */
static void ndpv6_addr_link_down_from_start(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::10");
	struct ndp_ip6 mdns = ndp_kt_ip(test, "ff02::fb");
	struct ndp_ip6 ssdp = ndp_kt_ip(test, "ff02::c");
	bool added_ll = false, added_g = false;
	u32 to_ex = 0, to_ex_unspec = 0, to_in = 0;
	struct ndp_kt t;
	int guard;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &ssdp, t.out), 0);
	ndp_kt_link(&t, false);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &mdns, t.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_leave_group(t.ctx, t.now, &ssdp, t.out), 0);
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &ssdp));
	ndp_kt_run_until(&t, t.now + SEC(10));
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_TENTATIVE);

	ndp_kt_link(&t, true);
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t.now + SEC(1));
	for (guard = 0; guard < 50 && ndp_kt_step_before(&t, SEC(15));
	     guard++) {
		to_ex += kt_count_records_from(&t, &mdns, 4, &ndp_kt_ll);
		to_ex_unspec += kt_count_records_from(&t, &mdns, 4,
						      &ndp_unspecified);
		to_in += ndp_kt_count_records(&t, &ssdp, 3);
		to_in += ndp_kt_count_records(&t, &ssdp, 4);
		added_ll |= ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &ndp_kt_ll) >= 0;
		added_g |= ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &g) >= 0;
	}
	KUNIT_EXPECT_TRUE(test, added_ll);
	KUNIT_EXPECT_TRUE(test, added_g);
	/* from :: before DAD passes, then twice again (RFC 3590 4) */
	KUNIT_EXPECT_GE(test, to_ex_unspec, 1U);
	KUNIT_EXPECT_EQ(test, to_ex, 2U);
	KUNIT_EXPECT_EQ(test, to_in, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_PREFERRED);
}

/*
 * The preferred lifetime of an address that is being checked again runs
 * out: ADDR_DEPRECATED then, and nothing more when the check passes.
 */
static void ndpv6_addr_link_up_deprecated_while_checked(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::10");
	u32 deprecated = 0, other = 0, i;
	struct ndp_kt t;
	s64 t_add;
	int guard;

	ndp_kt_init_host(test, &t, 1);
	t_add = t.now;
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, 600, 20,
					 t.out), 0);
	ndp_kt_settle(&t);
	ndp_kt_link(&t, false);
	ndp_kt_run_until(&t, t_add + SEC(20) - MSEC(500));
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);
	ndp_kt_link(&t, true);
	for (guard = 0; guard < 50 && ndp_kt_step_before(&t, t_add + SEC(23));
	     guard++) {
		for (i = 0; i < t.out->n_notes; i++) {
			if (t.out->notes[i].kind == NDP_NOTE_ADDR_DEPRECATED &&
			    ndp_ip6_eq(&t.out->notes[i].addr, &g)) {
				deprecated++;
				KUNIT_EXPECT_EQ(test, t.now, t_add + SEC(20));
				KUNIT_EXPECT_EQ(test,
						ndp_addr_find(t.ctx, &g)->state,
						NDP_ADDR_TENTATIVE);
				KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g),
						NDP_ADDR_DEPRECATED);
			} else {
				other++;
			}
		}
	}
	KUNIT_EXPECT_EQ(test, deprecated, 1U);
	KUNIT_EXPECT_EQ(test, other, 0U);
	KUNIT_EXPECT_EQ(test, ndp_addr_find(t.ctx, &g)->state,
			NDP_ADDR_DEPRECATED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &g));
}

/*
 * RFC 7527 with DupAddrDetectTransmits 3: the nonces of all three DAD NS
 * are kept, so a copy of the first one looped back after the third left
 * is ours, not a duplicate; a nonce of no NS of ours is someone else's.
 */
static void ndpv6_addr_dad_nonces_of_the_run(struct kunit *test)
{
	static const u8 foreign[NDP_NONCE_LEN] = { 0xaa, 1, 2, 3, 4, 5 };
	u8 nonce[3][NDP_NONCE_LEN];
	struct ndp_params par;
	struct ndp_config cfg;
	struct ndp_kt t;
	s64 t3 = 0;
	int i, k;

	ndp_kt_init_host(test, &t, 3);
	for (k = 0; k < 3; k++) {
		i = ndp_kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(2));
		KUNIT_ASSERT_GE(test, i, 0);
		memcpy(nonce[k], ndp_kt_expect_dad_ns(&t, i, &ndp_kt_ll),
		       NDP_NONCE_LEN);
		t3 = t.now;
	}
	KUNIT_EXPECT_NE(test, memcmp(nonce[0], nonce[2], NDP_NONCE_LEN), 0);
	for (k = 0; k < 3; k++) {
		t.now += MSEC(100);
		ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &ndp_kt_ll, nonce[k]));
		KUNIT_EXPECT_EQ(test,
				ndp_kt_stat_delta(&t, NDP_STAT_DAD_NS_LOOPED),
				1ULL);
		ndp_kt_expect_only(&t, NDP_STAT_DAD_NS_LOOPED);
		KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
		KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	}
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_TENTATIVE);
	ndp_kt_tick(&t, t3 + SEC(1));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);

	/* the same run, another node's nonce: a duplicate */
	ndp_kt_init_host(test, &t, 3);
	for (k = 0; k < 3; k++)
		KUNIT_ASSERT_GE(test, ndp_kt_step_until_tx(&t, NDP_ICMP_NS,
							   t.now + SEC(2)), 0);
	ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &ndp_kt_ll, foreign));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_DUPLICATE);

	/* DupAddrDetectTransmits is capped: room for every nonce */
	ndp_config_default(&cfg);
	cfg.dad_transmits = NDP_MAX_DAD_TRANSMITS + 1;
	KUNIT_EXPECT_EQ(test, ndp_ctx_size(&cfg), (size_t)0);
	cfg.dad_transmits = NDP_MAX_DAD_TRANSMITS;
	KUNIT_EXPECT_GT(test, ndp_ctx_size(&cfg), (size_t)0);
	ndp_set_dad_transmits(t.ctx, 200);
	ndp_get_params(t.ctx, &par);
	KUNIT_EXPECT_EQ(test, par.dad_transmits, NDP_MAX_DAD_TRANSMITS);
	KUNIT_EXPECT_EQ(test, ARRAY_SIZE(t.ctx->addrs[0].nonces),
			(size_t)NDP_MAX_DAD_TRANSMITS);
}

/*
 * RFC 4862 5.4.5: our EUI-64 link-local address is a duplicate, so IP
 * operation is disabled: IP_DISABLED and its note after DAD_FAILED, then
 * no RS (three were due within 9 s), not after the link came back nor
 * after accept_ra was set again, and no SLAAC address (the identifier is
 * someone else's) from an RA whose router and prefix are still learned.
 * A duplicate of a link-local address added by hand disables nothing.
 */
static void ndpv6_addr_linklocal_dup_disables_ip(struct kunit *test)
{
	struct ndp_ip6 pfx = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 slaac = ndp_kt_ip(test, "2001:db8:1::ff:fe00:1");
	struct ndp_ip6 manual = ndp_kt_ip(test, "fe80::5");
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_params par;
	struct ndp_config cfg;
	struct ndp_kt t;
	int i;

	ndp_config_default(&cfg);	/* RS: 3, 4 s apart */
	ndp_kt_init(test, &t, &cfg);
	ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &ndp_kt_ll, NULL));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_IP_DISABLED),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_DAD_FAILED, NDP_STAT_IP_DISABLED);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	i = ndp_kt_note(&t, NDP_NOTE_IP_DISABLED, &ndp_kt_ll);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].plen, 64);
	KUNIT_EXPECT_GT(test, i,
			ndp_kt_note(&t, NDP_NOTE_DAD_FAILED, &ndp_kt_ll));
	ndp_get_params(t.ctx, &par);
	KUNIT_EXPECT_TRUE(test, par.ip_disabled);
	ndp_kt_run_until(&t, t.now + SEC(15));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_RS], 0U);
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);

	/* an RA: its router and prefix, no address of our identifier */
	ndp_kt_handle(&t, ndp_kt_ra_pio(&t, &pfx, 64, 86400, 14400));
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&t, NDP_STAT_SLAAC_IP_DISABLED),
			1ULL);
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_ROUTER_ADD, &rtr));
	KUNIT_EXPECT_NOT_NULL(test,
			      ndp_kt_find_note(&t, NDP_NOTE_PREFIX_ADD, &pfx));
	KUNIT_EXPECT_LT(test, ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, NULL), 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &slaac), -1);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &slaac), -1);
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);

	/* re-attached; accept_ra set again: still no RS */
	ndp_kt_link(&t, false);
	ndp_kt_link(&t, true);
	ndp_kt_run_until(&t, t.now + SEC(15));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_RS], 0U);
	ndp_set_accept_ra(t.ctx, false);
	ndp_set_accept_ra(t.ctx, true);
	ndp_kt_run_until(&t, t.now + SEC(15));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_RS], 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_EQ(test, ndp_stats(t.ctx)[NDP_STAT_IP_DISABLED], 1ULL);

	/* a link-local address added by hand: only that one is lost */
	ndp_kt_init(test, &t, &cfg);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &manual, 64,
					 NDP_INFINITE, NDP_INFINITE, t.out),
			0);
	ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &manual, NULL));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &manual),
			NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_DAD_FAILED);
	KUNIT_EXPECT_LT(test, ndp_kt_note(&t, NDP_NOTE_IP_DISABLED, NULL), 0);
	ndp_get_params(t.ctx, &par);
	KUNIT_EXPECT_FALSE(test, par.ip_disabled);
	ndp_kt_run_until(&t, t.now + SEC(10));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_RS], 3U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	ndp_kt_handle(&t, ndp_kt_ra_pio(&t, &pfx, 64, 86400, 14400));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &slaac),
			NDP_ADDR_TENTATIVE);
}

static struct kunit_case ndpv6_addr_cases[] = {
	KUNIT_CASE(ndpv6_addr_linklocal_eui64),
	KUNIT_CASE(ndpv6_addr_local_emits_nothing),
	KUNIT_CASE(ndpv6_addr_first_frames_report_then_dad_ns),
	KUNIT_CASE(ndpv6_addr_valid_after_retrans_timer),
	KUNIT_CASE(ndpv6_addr_dad_transmits_two),
	KUNIT_CASE(ndpv6_addr_dad_transmits_zero),
	KUNIT_CASE(ndpv6_addr_dad_dup_by_na),
	KUNIT_CASE(ndpv6_addr_dad_dup_by_foreign_ns),
	KUNIT_CASE(ndpv6_addr_dad_dup_before_first_ns),
	KUNIT_CASE(ndpv6_addr_dad_own_ns_looped),
	KUNIT_CASE(ndpv6_addr_own_na_keeps_valid_address),
	KUNIT_CASE(ndpv6_addr_tentative_ns_not_answered),
	KUNIT_CASE(ndpv6_addr_add_ip_report_before_ns),
	KUNIT_CASE(ndpv6_addr_shared_group_report_first),
	KUNIT_CASE(ndpv6_addr_deprecate_then_remove),
	KUNIT_CASE(ndpv6_addr_cap_16),
	KUNIT_CASE_PARAM(ndpv6_addr_add_ip_checks, kt_bad_add_gen_params),
	KUNIT_CASE(ndpv6_addr_out_full_retried),
	KUNIT_CASE(ndpv6_addr_link_up_dad_again),
	KUNIT_CASE(ndpv6_addr_link_up_duplicate),
	KUNIT_CASE(ndpv6_addr_link_up_ns_answered_no_override),
	KUNIT_CASE(ndpv6_addr_link_down_from_start),
	KUNIT_CASE(ndpv6_addr_link_up_deprecated_while_checked),
	KUNIT_CASE(ndpv6_addr_dad_nonces_of_the_run),
	KUNIT_CASE(ndpv6_addr_linklocal_dup_disables_ip),
	{}
};

static struct kunit_suite ndpv6_addr_suite = {
	.name = "ndpv6_addr",
	.test_cases = ndpv6_addr_cases,
};

kunit_test_suites(&ndpv6_addr_suite);
