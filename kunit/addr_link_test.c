// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_addr_link: what a link that goes down and comes back
 * does to our addresses (RFC 4862 5.4 on re-attachment: DAD again, a
 * duplicate found then, Reports again), and a duplicate link-local address
 * disabling IP (RFC 4862 5.4.5).  Frames in are built byte by byte; frames
 * out are checked byte by byte, with the counters that moved.  The
 * fixture's addresses are those of addr_test.c.
 */
#include "ndp_kunit.h"

/*
 * A host with @g/64 added by hand and its addresses valid, whose link went
 * down for 2 s and came back just now.
 */
static void kt_host_link_bounce(struct kunit *test, struct ndp_kt *t,
				const struct ndp_ip6 *g)
{
	ndp_kt_init_host(test, t, 1);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t->ctx, t->now, g, 64, NDP_INFINITE,
					 NDP_INFINITE, t->out), 0);
	ndp_kt_settle(t);
	ndp_kt_link(t, false);
	t->now += SEC(2);
	ndp_kt_link(t, true);
}

/* ------------------------------------------------------ the link (again) */

/* Down: nothing leaves, nothing changes, nothing of ours is due. */
static void kt_expect_down_quiet(struct ndp_kt *t, const struct ndp_ip6 *g)
{
	struct kunit *test = t->test;

	ndp_kt_link(t, false);
	KUNIT_EXPECT_EQ(test, t->out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(t, NDP_STAT_LINK_DOWN), 1ULL);
	ndp_kt_expect_only(t, NDP_STAT_LINK_DOWN);
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t->ctx), t->now + SEC(3600));
	ndp_kt_run_until(t, t->now + SEC(30));
	KUNIT_EXPECT_EQ(test, t->seen_frames, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(t, g));
	ndp_kt_link(t, false);		/* no change: nothing */
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(t, NDP_STAT_LINK_DOWN), 0ULL);
}

/*
 * Up since @t_up: the Reports of both solicited-node groups (counted in
 * @rep, link-local first), then each address's DAD NS, the link-local
 * one's with a nonce other than @nonce1, all within 1 s; no note.
 */
static void kt_expect_dad_again(struct ndp_kt *t, const struct ndp_ip6 *g,
				const struct ndp_ip6 *g_sn, const u8 *nonce1,
				s64 t_up, u32 rep[2])
{
	struct kunit *test = t->test;
	u32 ns_ll = 0, ns_g = 0;
	const u8 *m, *nonce;
	int guard, i;

	for (guard = 0; guard < 50 && (!ns_ll || !ns_g); guard++) {
		ndp_kt_step(t);
		KUNIT_EXPECT_LT(test, t->now, t_up + SEC(1));
		for (i = 0; i < (int)t->out->n_tx; i++) {
			m = ndp_kt_tx_icmp(t, i, NULL);
			KUNIT_ASSERT_NOT_NULL(test, m);
			if (m[0] == NDP_ICMP_MLD2_REPORT) {
				rep[0] += ndp_kt_record(m, &ndp_kt_ll_sn) == 4;
				rep[1] += ndp_kt_record(m, g_sn) == 4;
				continue;
			}
			KUNIT_ASSERT_EQ(test, m[0], NDP_ICMP_NS);
			if (!memcmp(m + 8, ndp_kt_ll.b, 16)) {
				KUNIT_EXPECT_GE(test, rep[0], 1U);
				nonce = ndp_kt_expect_dad_ns(t, i, &ndp_kt_ll);
				KUNIT_EXPECT_NE(test, memcmp(nonce, nonce1,
							     NDP_NONCE_LEN), 0);
				ns_ll++;
			} else {
				KUNIT_EXPECT_GE(test, rep[1], 1U);
				ndp_kt_expect_dad_ns(t, i, g);
				ns_g++;
			}
		}
		KUNIT_EXPECT_EQ(test, t->out->n_notes, 0U);
	}
	KUNIT_EXPECT_EQ(test, ns_ll, 1U);
	KUNIT_EXPECT_EQ(test, ns_g, 1U);
}

/*
 * RFC 4862 5.4 on re-attachment: while the link is down nothing leaves and
 * nothing of DAD or MLD is due; when it comes back every address runs DAD
 * again, after a random delay below 1 s, with a fresh nonce, the Report
 * of its solicited-node group first.  Valid addresses stay valid all
 * along (RFC 4429 style): usable, shown PREFERRED, no note either way.
 */
static void dad_again_after_link_up(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::10");
	struct ndp_ip6 g_sn = ndp_kt_ip(test, "ff02::1:ff00:10");
	u8 nonce1[NDP_NONCE_LEN];
	u32 rep[2] = { 0, 0 };
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

	kt_expect_down_quiet(&t, &g);

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

	kt_expect_dad_again(&t, &g, &g_sn, nonce1, t_up, rep);

	/* RetransTimer later both are valid again, silently; Reports twice */
	for (guard = 0; guard < 50 && ndp_kt_step_before(&t, t_up + SEC(4));
	     guard++) {
		rep[0] += ndp_kt_count_records(&t, &ndp_kt_ll_sn, 4, NULL);
		rep[1] += ndp_kt_count_records(&t, &g_sn, 4, NULL);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_NS), 0U);
		KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	}
	KUNIT_EXPECT_EQ(test, rep[0], 2U);
	KUNIT_EXPECT_EQ(test, rep[1], 2U);
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
static void duplicate_found_after_link_up(struct kunit *test)
{
	static const u8 other[NDP_NONCE_LEN] = { 6, 5, 4, 3, 2, 1 };
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::10");
	struct ndp_ip6 g_sn = ndp_kt_ip(test, "ff02::1:ff00:10");
	struct ndp_kt t;
	int del, failed;

	kt_host_link_bounce(test, &t, &g);
	KUNIT_ASSERT_GE(test, ndp_kt_step_until_tx(&t, NDP_ICMP_NS,
						   t.now + SEC(1)), 0);

	/* the other owner of g answers */
	t.now += MSEC(10);
	ndp_kt_handle(&t, ndp_kt_na(&t, &g, &ndp_all_nodes, &g, NDP_NA_FLAG_O,
				    ndp_kt_nbr_mac));
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
static void ns_answered_no_override_after_link_up(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::10");
	struct ndp_ip6 g_sn = ndp_kt_ip(test, "ff02::1:ff00:10");
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::99");
	struct ndp_ip6 other = ndp_kt_ip(test, "fe80::98");
	const u8 *ip6, *m;
	struct ndp_kt t;
	u32 len;

	kt_host_link_bounce(test, &t, &g);
	KUNIT_ASSERT_TRUE(test, ndp_addr_find(t.ctx, &g)->optimistic);

	/* with SLLA, to the solicited-node group */
	ndp_kt_handle(&t, ndp_kt_ns(&t, &peer, &g_sn, &g, ndp_kt_nbr_mac));
	KUNIT_ASSERT_EQ(test, t.out->n_tx, 1U);
	ndp_kt_expect_only(&t, NDP_STAT_NBR_CREATED);
	KUNIT_EXPECT_EQ(test, memcmp(t.out->tx[0].frame, ndp_kt_nbr_mac, 6),
			0);
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
	ndp_kt_handle(&t, ndp_kt_ns(&t, &peer, &g, &g, NULL));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_NA), 1U);
	ndp_kt_handle(&t, ndp_kt_ns(&t, &other, &g, &g, NULL));
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
static void link_down_from_start(struct kunit *test)
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
		to_ex += ndp_kt_count_records(&t, &mdns, 4, &ndp_kt_ll);
		to_ex_unspec += ndp_kt_count_records(&t, &mdns, 4,
						     &ndp_unspecified);
		to_in += ndp_kt_count_records(&t, &ssdp, 3, NULL);
		to_in += ndp_kt_count_records(&t, &ssdp, 4, NULL);
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
static void deprecated_while_checked_after_link_up(struct kunit *test)
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
 * RFC 4862 5.4.5: our EUI-64 link-local address is a duplicate, so IP
 * operation is disabled: IP_DISABLED and its note after DAD_FAILED, then
 * no RS (three were due within 9 s), not after the link came back nor
 * after accept_ra was set again, and no SLAAC address (the identifier is
 * someone else's) from an RA whose router and prefix are still learned.
 * A duplicate of a link-local address added by hand disables nothing.
 */
static void linklocal_dup_disables_ip(struct kunit *test)
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
			NDP_ADDR_OPTIMISTIC);
}

static struct kunit_case addr_link_cases[] = {
	KUNIT_CASE(dad_again_after_link_up),
	KUNIT_CASE(duplicate_found_after_link_up),
	KUNIT_CASE(ns_answered_no_override_after_link_up),
	KUNIT_CASE(link_down_from_start),
	KUNIT_CASE(deprecated_while_checked_after_link_up),
	KUNIT_CASE(linklocal_dup_disables_ip),
	{}
};

static struct kunit_suite addr_link_suite = {
	.name = "ndpv6_addr_link",
	.test_cases = addr_link_cases,
};

kunit_test_suites(&addr_link_suite);
