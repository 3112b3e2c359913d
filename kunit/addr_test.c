// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_addr: our addresses and DAD (RFC 4862 5.4, RFC 7527),
 * their lifetimes and the address table; what the link going down and
 * coming back does to them is in addr_link_test.c.  Frames in are built
 * byte by byte; frames out are checked byte by byte, with the counters
 * that moved.
 *
 * The fixture's MAC is 02:00:00:00:00:01, so the link-local address is
 * fe80::ff:fe00:1 (ndp_kt_ll) and its solicited-node group ff02::1:ff00:1
 * (ndp_kt_ll_sn).  Unless a case needs router discovery, RS are turned
 * off (ndp_kt_init_host()) so that only this file's frames leave.
 */
#include "ndp_kunit.h"

/*
 * A host with DupAddrDetectTransmits @dad_transmits whose first DAD NS for
 * its link-local address just left: returns its index in t->out, and
 * t->now is when it left.
 */
static int kt_host_first_ns(struct kunit *test, struct ndp_kt *t,
			    u8 dad_transmits)
{
	int i;

	ndp_kt_init_host(test, t, dad_transmits);
	i = ndp_kt_step_until_tx(t, NDP_ICMP_NS, t->now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	return i;
}

/* ------------------------------------------------------------ link-local */

/* fe80::ff:fe00:1 from 02:00:00:00:00:01: U/L bit flipped, ff:fe inserted */
static void linklocal_eui64(struct kunit *test)
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
static void local_emits_nothing(struct kunit *test)
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
static void first_frames_report_then_dad_ns(struct kunit *test)
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
static void valid_after_retrans_timer(struct kunit *test)
{
	struct ndp_addr_info ai;
	struct ndp_ip6 src;
	struct ndp_kt t;
	s64 t_ns;
	int i;

	i = kt_host_first_ns(test, &t, 1);
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
static void dad_transmits_two(struct kunit *test)
{
	u8 nonce1[NDP_NONCE_LEN];
	s64 t1, t2;
	struct ndp_kt t;
	int i;

	i = kt_host_first_ns(test, &t, 2);
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
static void dad_transmits_zero(struct kunit *test)
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
static void dad_dup_by_na(struct kunit *test)
{
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::99");
	struct ndp_addr_info ai;
	struct ndp_kt t;
	int i;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_GE(test, ndp_kt_step_until_tx(&t, NDP_ICMP_NS,
						   t.now + SEC(1)), 0);
	t.now += MSEC(300);
	ndp_kt_handle(&t, ndp_kt_na(&t, &peer, &ndp_all_nodes, &ndp_kt_ll,
				    NDP_NA_FLAG_O, ndp_kt_nbr_mac));
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
static void dad_dup_by_foreign_ns(struct kunit *test)
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
static void dad_dup_before_first_ns(struct kunit *test)
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

/*
 * Our DAD NS for the link-local address comes back with @nonce: counted as
 * looped back, and nothing else happens.
 */
static void kt_expect_ns_looped(struct ndp_kt *t, const u8 *nonce)
{
	ndp_kt_handle(t, ndp_kt_dad_ns(t, &ndp_kt_ll, nonce));
	KUNIT_EXPECT_EQ(t->test, ndp_kt_stat_delta(t, NDP_STAT_DAD_NS_LOOPED),
			1ULL);
	ndp_kt_expect_only(t, NDP_STAT_DAD_NS_LOOPED);
	KUNIT_EXPECT_EQ(t->test, t->out->n_tx, 0U);
	KUNIT_EXPECT_EQ(t->test, t->out->n_notes, 0U);
}

/* The link-local address is tentative until @when, then preferred. */
static void kt_expect_valid_at(struct ndp_kt *t, s64 when)
{
	KUNIT_EXPECT_EQ(t->test, ndp_kt_addr_state(t, &ndp_kt_ll),
			NDP_ADDR_TENTATIVE);
	ndp_kt_tick(t, when);
	KUNIT_EXPECT_EQ(t->test, ndp_kt_addr_state(t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
}

/* Our own DAD NS looped back (same nonce, RFC 7527): not a duplicate. */
static void dad_own_ns_looped(struct kunit *test)
{
	u8 nonce[NDP_NONCE_LEN];
	struct ndp_kt t;
	s64 t_ns;
	int i;

	i = kt_host_first_ns(test, &t, 1);
	t_ns = t.now;
	memcpy(nonce, ndp_kt_expect_dad_ns(&t, i, &ndp_kt_ll), NDP_NONCE_LEN);
	kt_expect_ns_looped(&t, nonce);
	kt_expect_valid_at(&t, t_ns + SEC(1));

	/* a nonce that differs in its last byte is someone else's */
	i = kt_host_first_ns(test, &t, 1);
	memcpy(nonce, ndp_kt_expect_dad_ns(&t, i, &ndp_kt_ll), NDP_NONCE_LEN);
	nonce[5] ^= 1;
	ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &ndp_kt_ll, nonce));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
}

/*
 * Our own NA for a valid address, looped back (multicast, our TLLA): the
 * address stays (a published mistake of other stacks is to kill it).
 */
static void own_na_keeps_valid_address(struct kunit *test)
{
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 1);
	ndp_kt_settle(&t);
	ndp_kt_handle(&t, ndp_kt_na(&t, &ndp_kt_ll, &ndp_all_nodes, &ndp_kt_ll,
				    NDP_NA_FLAG_O, t.mac));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_NA_FOR_OWN_ADDR),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_NA_FOR_OWN_ADDR);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	/* another node's NA for it changes nothing either */
	ndp_kt_handle(&t, ndp_kt_na(&t, &ndp_kt_ll, &ndp_all_nodes, &ndp_kt_ll,
				    NDP_NA_FLAG_O, ndp_kt_nbr_mac));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &ndp_kt_ll));
}

/* A unicast-sourced NS for a tentative address is not answered. */
static void tentative_ns_not_answered(struct kunit *test)
{
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::99");
	struct ndp_nbr_info ni;
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_GE(test, ndp_kt_step_until_tx(&t, NDP_ICMP_NS,
						   t.now + SEC(1)), 0);
	/* to the solicited-node group, then to the address itself */
	ndp_kt_handle(&t, ndp_kt_ns(&t, &peer, &ndp_kt_ll_sn, &ndp_kt_ll,
				    ndp_kt_nbr_mac));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_NS_NOT_OURS),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_NS_NOT_OURS);
	ndp_kt_handle(&t, ndp_kt_ns(&t, &peer, &ndp_kt_ll, &ndp_kt_ll,
				    ndp_kt_nbr_mac));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_NS_NOT_OURS),
			1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_TENTATIVE);
	/* and no neighbour entry was made from it */
	KUNIT_EXPECT_NE(test, ndp_nbr_lookup(t.ctx, &peer, &ni), 0);
}

/* An address added later: its group's Report (from fe80::) before its NS */
static void add_ip_report_before_ns(struct kunit *test)
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
static void shared_group_report_first(struct kunit *test)
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
static void deprecate_then_remove(struct kunit *test)
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
static void table_of_16(struct kunit *test)
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

static void add_ip_checks(struct kunit *test)
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
static void out_full_retried(struct kunit *test)
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

/*
 * RFC 7527 with DupAddrDetectTransmits 3: the nonces of all three DAD NS
 * are kept, so a copy of the first one looped back after the third left
 * is ours, not a duplicate; a nonce of no NS of ours is someone else's.
 */
static void dad_nonces_of_the_run(struct kunit *test)
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
		kt_expect_ns_looped(&t, nonce[k]);
	}
	kt_expect_valid_at(&t, t3 + SEC(1));

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

static struct kunit_case addr_cases[] = {
	KUNIT_CASE(linklocal_eui64),
	KUNIT_CASE(local_emits_nothing),
	KUNIT_CASE(first_frames_report_then_dad_ns),
	KUNIT_CASE(valid_after_retrans_timer),
	KUNIT_CASE(dad_transmits_two),
	KUNIT_CASE(dad_transmits_zero),
	KUNIT_CASE(dad_dup_by_na),
	KUNIT_CASE(dad_dup_by_foreign_ns),
	KUNIT_CASE(dad_dup_before_first_ns),
	KUNIT_CASE(dad_own_ns_looped),
	KUNIT_CASE(own_na_keeps_valid_address),
	KUNIT_CASE(tentative_ns_not_answered),
	KUNIT_CASE(add_ip_report_before_ns),
	KUNIT_CASE(shared_group_report_first),
	KUNIT_CASE(deprecate_then_remove),
	KUNIT_CASE(table_of_16),
	KUNIT_CASE_PARAM(add_ip_checks, kt_bad_add_gen_params),
	KUNIT_CASE(out_full_retried),
	KUNIT_CASE(dad_nonces_of_the_run),
	{}
};

static struct kunit_suite addr_suite = {
	.name = "ndpv6_addr",
	.test_cases = addr_cases,
};

kunit_test_suites(&addr_suite);
