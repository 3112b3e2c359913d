// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_addr: our addresses, DAD (RFC 4862 5.4, RFC 7527),
 * MLDv2 as a host (RFC 3810) and its MLDv1 compatibility mode (RFC 3810
 * 8.2.1, RFC 2710), SLAAC (RFC 4862 5.5.3) and source selection
 * (RFC 6724).  Frames in are built byte by byte; frames out are checked
 * byte by byte, with the counters that moved.
 *
 * The fixture's MAC is 02:00:00:00:00:01, so the link-local address is
 * fe80::ff:fe00:1 and its solicited-node group ff02::1:ff00:1.  Unless a
 * case needs router discovery, RS are turned off (rtr_solicits 0) so that
 * only this file's frames leave.
 */
#include "ndp_kunit.h"


static const u8 peer_mac[NDP_ETH_ALEN] = { 0x02, 0xbb, 0, 0, 0, 0x02 };
static const u8 rtr_mac[NDP_ETH_ALEN] = { 0x02, 0xaa, 0, 0, 0, 0x01 };

/* fe80::ff:fe00:1, from 02:00:00:00:00:01 */
static const struct ndp_ip6 kt_ll = {
	.b = { 0xfe, 0x80, [11] = 0xff, [12] = 0xfe, [15] = 0x01 }
};

/* ff02::1:ff00:1 */
static const struct ndp_ip6 kt_ll_sn = {
	.b = { 0xff, 0x02, [11] = 0x01, [12] = 0xff, [15] = 0x01 }
};

static void kt_init(struct kunit *test, struct ndp_kt *t, u8 dad_transmits)
{
	struct ndp_config cfg;

	ndp_config_default(&cfg);
	cfg.rtr_solicits = 0;
	cfg.dad_transmits = dad_transmits;
	ndp_kt_init(test, t, &cfg);
}

/* Tick at the next deadline (never before t->now); returns that time. */
static s64 kt_step(struct ndp_kt *t)
{
	s64 next = ndp_next_deadline(t->ctx);

	if (next < t->now)
		next = t->now;
	ndp_kt_tick(t, next);
	return next;
}

/*
 * Step until a tick sends a frame of ICMPv6 @type, no later than @until.
 * Returns its index in t->out (t->now is the tick's time), or -1.
 */
static int kt_step_until_tx(struct ndp_kt *t, int type, s64 until)
{
	int guard, i;

	for (guard = 0; guard < 1000; guard++) {
		if (ndp_next_deadline(t->ctx) > until)
			return -1;
		kt_step(t);
		i = ndp_kt_find_tx(t, type);
		if (i >= 0)
			return i;
	}
	return -1;
}

/* The table entry for @ip; false if absent. */
static bool kt_addr(struct ndp_kt *t, const struct ndp_ip6 *ip,
		    struct ndp_addr_info *ai)
{
	u32 pos = 0;

	while (ndp_addr_next(t->ctx, t->now, &pos, ai))
		if (ndp_ip6_eq(&ai->addr, ip))
			return true;
	return false;
}

static int kt_state(struct ndp_kt *t, const struct ndp_ip6 *ip)
{
	struct ndp_addr_info ai;

	return kt_addr(t, ip, &ai) ? ai.state : -1;
}

/* Let the link-local address pass DAD and every Report go out. */
static void kt_settle(struct ndp_kt *t)
{
	ndp_kt_run_until(t, t->now + SEC(5));
	KUNIT_ASSERT_EQ(t->test, kt_state(t, &kt_ll), NDP_ADDR_PREFERRED);
}

/*
 * Check MLDv2 Report frame @i: Ethernet to 33:33:00:00:00:16 from our MAC,
 * IPv6 from @src to ff02::16 with hop limit 1, a Hop-by-Hop Router Alert,
 * @nrec records.  Returns the ICMPv6 message.
 */
static const u8 *kt_expect_report(struct ndp_kt *t, int i,
				  const struct ndp_ip6 *src, u16 nrec)
{
	static const u8 eth_dst[NDP_ETH_ALEN] = { 0x33, 0x33, 0, 0, 0, 0x16 };
	static const u8 hbh[8] = { NDP_NH_ICMPV6, 0, 5, 2, 0, 0, 1, 0 };
	const struct ndp_tx *tx;
	const u8 *ip6, *m;
	u32 len = 0;

	KUNIT_ASSERT_GE(t->test, i, 0);
	tx = &t->out->tx[i];
	ip6 = ndp_kt_tx_ip6(t, i);
	KUNIT_ASSERT_NOT_NULL(t->test, ip6);
	KUNIT_EXPECT_EQ(t->test, memcmp(tx->frame, eth_dst, 6), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(tx->frame + 6, t->mac, 6), 0);
	KUNIT_EXPECT_EQ(t->test, ip6[6], NDP_NH_HOPOPTS);
	KUNIT_EXPECT_EQ(t->test, ip6[7], 1);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 8, src->b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 24, ndp_all_mldv2_routers.b, 16),
			0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + NDP_IP6_HLEN, hbh, 8), 0);
	m = ndp_kt_tx_icmp(t, i, &len);
	KUNIT_ASSERT_NOT_NULL(t->test, m);
	KUNIT_EXPECT_EQ(t->test, m[0], NDP_ICMP_MLD2_REPORT);
	KUNIT_EXPECT_EQ(t->test, m[1], 0);
	KUNIT_EXPECT_EQ(t->test, ndp_get16(m + 6), nrec);
	KUNIT_EXPECT_EQ(t->test, len, 8U + 20U * nrec);
	KUNIT_EXPECT_EQ(t->test, tx->len,
			(u32)(NDP_ETH_HLEN + NDP_IP6_HLEN + 8 + 8 + 20 * nrec));
	return m;
}

/* Record type for @grp in Report @m, or -1 (records: no sources). */
static int kt_record(const u8 *m, const struct ndp_ip6 *grp)
{
	u16 i, n = ndp_get16(m + 6);
	const u8 *r = m + 8;

	for (i = 0; i < n; i++, r += 20) {
		if (!memcmp(r + 4, grp->b, 16)) {
			if (r[1] || ndp_get16(r + 2))
				return -2;	/* aux data or sources */
			return r[0];
		}
	}
	return -1;
}

/* Count the Reports in t->out carrying a record of @type for @grp. */
static u32 kt_count_records(struct ndp_kt *t, const struct ndp_ip6 *grp,
			    int type)
{
	u32 i, n = 0;
	const u8 *m;

	for (i = 0; i < t->out->n_tx; i++) {
		m = ndp_kt_tx_icmp(t, i, NULL);
		if (m && m[0] == NDP_ICMP_MLD2_REPORT &&
		    kt_record(m, grp) == type)
			n++;
	}
	return n;
}

/* As kt_count_records(), only the Reports from @src. */
static u32 kt_count_records_from(struct ndp_kt *t, const struct ndp_ip6 *grp,
				 int type, const struct ndp_ip6 *src)
{
	u32 i, n = 0;
	const u8 *m;

	for (i = 0; i < t->out->n_tx; i++) {
		m = ndp_kt_tx_icmp(t, i, NULL);
		if (m && m[0] == NDP_ICMP_MLD2_REPORT &&
		    kt_record(m, grp) == type &&
		    !memcmp(ndp_kt_tx_ip6(t, i) + 8, src->b, 16))
			n++;
	}
	return n;
}

/* Run to @until, counting records of @type for @grp in every tick. */
static u32 kt_run_count_records(struct ndp_kt *t, s64 until,
				const struct ndp_ip6 *grp, int type)
{
	u32 n = 0;
	int guard;

	for (guard = 0; guard < 1000; guard++) {
		if (ndp_next_deadline(t->ctx) > until)
			break;
		kt_step(t);
		n += kt_count_records(t, grp, type);
	}
	t->now = until;
	return n;
}

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

/* A DAD NS (from ::, to the solicited-node group) for @target. */
static u32 kt_dad_ns(struct ndp_kt *t, const struct ndp_ip6 *target,
		     const u8 *nonce)
{
	struct ndp_ip6 sn;
	u8 m[40];
	u32 len;

	ndp_solicited_node(target, &sn);
	len = nf_ns(m, target);
	if (nonce)
		len += nf_opt_nonce(m + len, nonce);
	return ndp_kt_build_icmp(t, &ndp_unspecified, &sn, 255, m, len);
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

/* The DAD NS frame @i for @target: returns its nonce. */
static const u8 *kt_expect_dad_ns(struct ndp_kt *t, int i,
				  const struct ndp_ip6 *target)
{
	struct ndp_ip6 sn;
	const u8 *ip6, *m;
	u8 mac[6];
	u32 len = 0;

	KUNIT_ASSERT_GE(t->test, i, 0);
	ndp_solicited_node(target, &sn);
	ndp_mcast_mac(&sn, mac);
	ip6 = ndp_kt_tx_ip6(t, i);
	KUNIT_ASSERT_NOT_NULL(t->test, ip6);
	KUNIT_EXPECT_EQ(t->test, memcmp(t->out->tx[i].frame, mac, 6), 0);
	KUNIT_EXPECT_EQ(t->test, ip6[6], NDP_NH_ICMPV6);
	KUNIT_EXPECT_EQ(t->test, ip6[7], 255);
	KUNIT_EXPECT_TRUE(t->test, ndp_ip6_is_unspec((const void *)(ip6 + 8)));
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 24, sn.b, 16), 0);
	m = ndp_kt_tx_icmp(t, i, &len);
	KUNIT_ASSERT_NOT_NULL(t->test, m);
	/* NS, code 0, reserved, target, then only the nonce: no SLLA */
	KUNIT_EXPECT_EQ(t->test, len, 32U);
	KUNIT_EXPECT_EQ(t->test, m[0], NDP_ICMP_NS);
	KUNIT_EXPECT_EQ(t->test, m[1], 0);
	KUNIT_EXPECT_EQ(t->test, ndp_get32(m + 4), 0U);
	KUNIT_EXPECT_EQ(t->test, memcmp(m + 8, target->b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, m[24], NDP_OPT_NONCE);
	KUNIT_EXPECT_EQ(t->test, m[25], 1);
	return m + 26;
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

	kt_init(test, &t, 1);
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

	kt_init(test, &t, 1);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 2U);
	KUNIT_EXPECT_EQ(test, t.out->notes[0].kind, NDP_NOTE_GROUP_JOIN);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&t.out->notes[0].addr,
					   &ndp_all_nodes));
	KUNIT_EXPECT_EQ(test, t.out->notes[1].kind, NDP_NOTE_GROUP_JOIN);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&t.out->notes[1].addr, &kt_ll_sn));
	KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, ips, 4), 0);
	KUNIT_EXPECT_TRUE(test, ndp_group_is_joined(t.ctx, &ndp_all_nodes));
	KUNIT_EXPECT_TRUE(test, ndp_group_is_joined(t.ctx, &kt_ll_sn));
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

	kt_init(test, &t, 1);
	t0 = t.now;
	kt_step(&t);
	KUNIT_EXPECT_GE(test, t.now, t0);
	KUNIT_EXPECT_LT(test, t.now, t0 + SEC(1));
	KUNIT_ASSERT_EQ(test, t.out->n_tx, 2U);
	m = kt_expect_report(&t, 0, &ndp_unspecified, 1);
	KUNIT_EXPECT_EQ(test, kt_record(m, &kt_ll_sn), 4);
	/* ff02::1 is never reported */
	KUNIT_EXPECT_EQ(test, kt_record(m, &ndp_all_nodes), -1);
	kt_expect_dad_ns(&t, 1, &kt_ll);
	KUNIT_EXPECT_EQ(test, t.out->tx[1].len, 86U);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, kt_run_count_records(&t, t.now + SEC(1),
						   &kt_ll_sn, 4), 1U);
}

/* Valid exactly RetransTimer after the DAD NS; only then in get_ip. */
static void ndpv6_addr_valid_after_retrans_timer(struct kunit *test)
{
	struct ndp_addr_info ai;
	struct ndp_ip6 src;
	struct ndp_kt t;
	s64 t_ns;
	int i;

	kt_init(test, &t, 1);
	i = kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	t_ns = t.now;
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx) <= t_ns + SEC(1), true);

	ndp_kt_tick(&t, t_ns + SEC(1) - 1);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &kt_ll));
	KUNIT_EXPECT_EQ(test, ndp_select_source(t.ctx, &kt_ll_sn, &src),
			-ENOENT);
	KUNIT_EXPECT_FALSE(test, ndp_addr_is_ours(t.ctx, &kt_ll));
	KUNIT_EXPECT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_ADD, NULL));

	ndp_kt_tick(&t, t_ns + SEC(1));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &kt_ll));
	KUNIT_EXPECT_TRUE(test, ndp_addr_is_ours(t.ctx, &kt_ll));
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &kt_ll);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].plen, 64);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].valid_s, NDP_INFINITE);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].preferred_s, NDP_INFINITE);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_ASSERT_TRUE(test, kt_addr(&t, &kt_ll, &ai));
	KUNIT_EXPECT_EQ(test, ndp_select_source(t.ctx, &kt_ll_sn, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &kt_ll));
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

	kt_init(test, &t, 2);
	i = kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	t1 = t.now;
	memcpy(nonce1, kt_expect_dad_ns(&t, i, &kt_ll), NDP_NONCE_LEN);
	i = kt_step_until_tx(&t, NDP_ICMP_NS, t1 + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	t2 = t.now;
	KUNIT_EXPECT_EQ(test, t2, t1 + SEC(1));
	KUNIT_EXPECT_NE(test, memcmp(kt_expect_dad_ns(&t, i, &kt_ll), nonce1,
				     NDP_NONCE_LEN), 0);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_TENTATIVE);
	ndp_kt_tick(&t, t2 + SEC(1) - 1);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_TENTATIVE);
	ndp_kt_tick(&t, t2 + SEC(1));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_ADD, &kt_ll));
	ndp_kt_run_until(&t, t.now + SEC(10));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_NS], 0U);
}

/* DupAddrDetectTransmits 0: valid at once, no NS ever. */
static void ndpv6_addr_dad_transmits_zero(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::10");
	struct ndp_kt t;
	int i;

	kt_init(test, &t, 0);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_ADD, &kt_ll));
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &kt_ll));
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

	kt_init(test, &t, 1);
	KUNIT_ASSERT_GE(test, kt_step_until_tx(&t, NDP_ICMP_NS,
					       t.now + SEC(1)), 0);
	t.now += MSEC(300);
	ndp_kt_handle(&t, kt_na(&t, &peer, &kt_ll, peer_mac));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t.out->n_done, 1U);
	KUNIT_EXPECT_EQ(test, t.out->done[0].reason, NDP_DONE_CONSUMED);
	i = ndp_kt_note(&t, NDP_NOTE_DAD_FAILED, &kt_ll);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].plen, 64);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE, &kt_ll_sn));
	/* the EUI-64 link-local: IP operation disabled too (5.4.5) */
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_IP_DISABLED), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_DAD_FAILED, NDP_STAT_IP_DISABLED);
	KUNIT_ASSERT_TRUE(test, kt_addr(&t, &kt_ll, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_DUPLICATE);

	/* never valid, never listed; the group is left with TO_IN reports */
	KUNIT_EXPECT_EQ(test, kt_run_count_records(&t, t.now + SEC(5),
						   &kt_ll_sn, 3), 2U);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &kt_ll));
	KUNIT_EXPECT_FALSE(test, ndp_addr_is_ours(t.ctx, &kt_ll));
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &kt_ll_sn));
	KUNIT_EXPECT_NULL(test, ndp_addr_linklocal(t.ctx));
	/* removal by the owner */
	KUNIT_EXPECT_EQ(test, ndp_del_ip(t.ctx, t.now, &kt_ll, t.out), 0);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), -1);
}

/*
 * A DAD NS from another node (from ::, another nonce or none) for our
 * tentative address: duplicate (RFC 4862 5.4.3; defect 8 of the model).
 */
static void ndpv6_addr_dad_dup_by_foreign_ns(struct kunit *test)
{
	static const u8 other[NDP_NONCE_LEN] = { 1, 2, 3, 4, 5, 6 };
	struct ndp_kt t;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		kt_init(test, &t, 1);
		KUNIT_ASSERT_GE(test, kt_step_until_tx(&t, NDP_ICMP_NS,
						       t.now + SEC(1)), 0);
		t.now += MSEC(10);
		ndp_kt_handle(&t, kt_dad_ns(&t, &kt_ll, pass ? NULL : other));
		KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t,
							NDP_STAT_DAD_FAILED),
				1ULL);
		KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t,
							NDP_STAT_DAD_NS_LOOPED),
				0ULL);
		/* no answer: the address was never ours */
		KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
		KUNIT_EXPECT_GE(test, ndp_kt_note(&t, NDP_NOTE_DAD_FAILED, &kt_ll),
				0);
		KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_DUPLICATE);
		ndp_kt_run_until(&t, t.now + SEC(5));
		KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_DUPLICATE);
	}
}

/* Before our first NS too: another node's DAD NS makes it a duplicate. */
static void ndpv6_addr_dad_dup_before_first_ns(struct kunit *test)
{
	struct ndp_kt t;

	kt_init(test, &t, 1);
	ndp_kt_handle(&t, kt_dad_ns(&t, &kt_ll, NULL));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_NS], 0U);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_DUPLICATE);
}

/* Our own DAD NS looped back (same nonce, RFC 7527): not a duplicate. */
static void ndpv6_addr_dad_own_ns_looped(struct kunit *test)
{
	u8 nonce[NDP_NONCE_LEN];
	struct ndp_kt t;
	s64 t_ns;
	int i;

	kt_init(test, &t, 1);
	i = kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	t_ns = t.now;
	memcpy(nonce, kt_expect_dad_ns(&t, i, &kt_ll), NDP_NONCE_LEN);
	ndp_kt_handle(&t, kt_dad_ns(&t, &kt_ll, nonce));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_NS_LOOPED),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_DAD_NS_LOOPED);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_TENTATIVE);
	ndp_kt_tick(&t, t_ns + SEC(1));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);

	/* a nonce that differs in its last byte is someone else's */
	kt_init(test, &t, 1);
	i = kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	memcpy(nonce, kt_expect_dad_ns(&t, i, &kt_ll), NDP_NONCE_LEN);
	nonce[5] ^= 1;
	ndp_kt_handle(&t, kt_dad_ns(&t, &kt_ll, nonce));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
}

/*
 * Our own NA for a valid address, looped back (multicast, our TLLA): the
 * address stays (a published mistake of other stacks is to kill it).
 */
static void ndpv6_addr_own_na_keeps_valid_address(struct kunit *test)
{
	struct ndp_kt t;

	kt_init(test, &t, 1);
	kt_settle(&t);
	ndp_kt_handle(&t, kt_na(&t, &kt_ll, &kt_ll, t.mac));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_NA_FOR_OWN_ADDR),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_NA_FOR_OWN_ADDR);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);
	/* another node's NA for it changes nothing either */
	ndp_kt_handle(&t, kt_na(&t, &kt_ll, &kt_ll, peer_mac));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &kt_ll));
}

/* A unicast-sourced NS for a tentative address is not answered. */
static void ndpv6_addr_tentative_ns_not_answered(struct kunit *test)
{
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::99");
	struct ndp_nbr_info ni;
	struct ndp_kt t;
	u8 m[32];
	u32 len;

	kt_init(test, &t, 1);
	KUNIT_ASSERT_GE(test, kt_step_until_tx(&t, NDP_ICMP_NS,
					       t.now + SEC(1)), 0);
	len = nf_ns(m, &kt_ll);
	len += nf_opt_lla(m + len, NDP_OPT_SLLA, peer_mac);
	/* to the solicited-node group, then to the address itself */
	ndp_kt_handle(&t, ndp_kt_build_icmp(&t, &peer, &kt_ll_sn, 255, m,
					    len));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_NS_NOT_OURS),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_NS_NOT_OURS);
	ndp_kt_handle(&t, ndp_kt_build_icmp(&t, &peer, &kt_ll, 255, m, len));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_NS_NOT_OURS),
			1ULL);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_TENTATIVE);
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

	kt_init(test, &t, 1);
	kt_settle(&t);
	t_add = t.now;
	ndp_out_reset(t.out);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_GROUP_JOIN, &sn));
	KUNIT_EXPECT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_ADD, NULL));
	KUNIT_ASSERT_TRUE(test, kt_addr(&t, &g, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_EQ(test, ai.origin, NDP_ORIGIN_MANUAL);
	for (guard = 0; guard < 10 && ns < 0; guard++) {
		kt_step(&t);
		if (rep < 0) {
			rep = ndp_kt_find_tx(&t, NDP_ICMP_MLD2_REPORT);
			if (rep >= 0)
				m = kt_expect_report(&t, rep, &kt_ll, 1);
			if (rep >= 0)
				KUNIT_EXPECT_EQ(test, kt_record(m, &sn), 4);
		}
		ns = ndp_kt_find_tx(&t, NDP_ICMP_NS);
	}
	KUNIT_ASSERT_GE(test, ns, 0);
	KUNIT_EXPECT_GE(test, rep, 0);
	kt_expect_dad_ns(&t, ns, &g);
	KUNIT_EXPECT_LT(test, t.now, t_add + SEC(1));
	ndp_kt_run_until(&t, t.now + SEC(1));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_PREFERRED);
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
		kt_init(test, &t, 1);
		t.rng += seeds * 0x9e3779b9ULL;
		t.now += MSEC(100);
		KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64,
						 NDP_INFINITE, NDP_INFINITE,
						 t.out), 0);
		reported = false;
		ns = 0;
		for (guard = 0; guard < 20 && ns < 2; guard++) {
			before = ndp_next_deadline(t.ctx);
			kt_step(&t);
			KUNIT_EXPECT_TRUE(test, t.out->n_tx > 0 ||
					  ndp_next_deadline(t.ctx) > before);
			for (i = 0; i < t.out->n_tx; i++) {
				m = ndp_kt_tx_icmp(&t, i, NULL);
				if (m && m[0] == NDP_ICMP_MLD2_REPORT &&
				    kt_record(m, &kt_ll_sn) == 4)
					reported = true;
				if (m && m[0] == NDP_ICMP_NS) {
					KUNIT_EXPECT_TRUE(test, reported);
					ns++;
				}
			}
		}
		KUNIT_EXPECT_EQ(test, ns, 2);
		ndp_kt_run_until(&t, t.now + SEC(3));
		KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_PREFERRED);
		KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);
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
	s64 t0;
	int i;

	kt_init(test, &t, 1);
	kt_settle(&t);
	t0 = t.now;
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t0, &g, 64, 100, 40, t.out),
			0);
	ndp_kt_run_until(&t, t0 + SEC(40) - 1);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_PREFERRED);
	KUNIT_ASSERT_EQ(test, ndp_select_source(t.ctx, &dst, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &g));

	/* the deadline is the preferred lifetime's end, to the ns */
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t0 + SEC(40));
	kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.now, t0 + SEC(40));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_DEPRECATED);
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_DEPRECATED, &g);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].valid_s, 60U);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].preferred_s, 0U);
	/* still ours, still a source when nothing better exists */
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &g));
	KUNIT_ASSERT_EQ(test, ndp_select_source(t.ctx, &dst, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &g));

	ndp_kt_run_until(&t, t0 + SEC(100) - 1);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_DEPRECATED);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t0 + SEC(100));
	kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.now, t0 + SEC(100));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), -1);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_DEL, &g));
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE, &sn));
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &g));
	/* the first leave Report went out in the same tick, from fe80:: */
	i = ndp_kt_find_tx(&t, NDP_ICMP_MLD2_REPORT);
	KUNIT_EXPECT_EQ(test, kt_record(kt_expect_report(&t, i, &kt_ll, 1),
					&sn), 3);
	KUNIT_EXPECT_EQ(test, kt_run_count_records(&t, t.now + SEC(2), &sn, 3),
			1U);
	KUNIT_EXPECT_EQ(test, ndp_select_source(t.ctx, &dst, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &kt_ll));
}

/* An RA frame with a /64 PIO, A=1: a SLAAC address, DAD, then valid */
static u32 kt_ra_pio(struct ndp_kt *t, const struct ndp_ip6 *prefix, u8 plen,
		     u32 valid_s, u32 preferred_s)
{
	struct ndp_ip6 rtr = ndp_kt_ip(t->test, "fe80::1");
	u8 m[16 + 8 + 32];
	u32 len;

	len = nf_ra(m, 64, 0, 1800, 0, 0);
	len += nf_opt_lla(m + len, NDP_OPT_SLLA, rtr_mac);
	len += nf_opt_pio(m + len, prefix, plen,
			      NDP_PIO_FLAG_L | NDP_PIO_FLAG_A, valid_s,
			      preferred_s);
	return ndp_kt_build_icmp(t, &rtr, &ndp_all_nodes, 255, m, len);
}

static void ndpv6_addr_slaac_from_ra(struct kunit *test)
{
	struct ndp_ip6 pfx = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:1::ff:fe00:1");
	struct ndp_addr_info ai;
	struct ndp_kt t;
	s64 t_ra, t_ns;
	int i;

	kt_init(test, &t, 1);
	kt_settle(&t);
	t_ra = t.now;
	ndp_kt_handle(&t, kt_ra_pio(&t, &pfx, 64, 86400, 14400));
	KUNIT_ASSERT_TRUE(test, kt_addr(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_EQ(test, ai.origin, NDP_ORIGIN_SLAAC);
	KUNIT_EXPECT_EQ(test, ai.plen, 64);
	KUNIT_EXPECT_EQ(test, ai.valid_s, 86400U);
	KUNIT_EXPECT_EQ(test, ai.preferred_s, 14400U);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &want));

	/* same solicited-node group as fe80::ff:fe00:1: already reported */
	i = kt_step_until_tx(&t, NDP_ICMP_NS, t_ra + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	t_ns = t.now;
	kt_expect_dad_ns(&t, i, &want);
	KUNIT_EXPECT_EQ(test, ndp_kt_find_tx(&t, NDP_ICMP_MLD2_REPORT), -1);
	ndp_kt_run_until(&t, t_ns + SEC(1) - 1);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &want), NDP_ADDR_TENTATIVE);
	kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.now, t_ns + SEC(1));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &want), NDP_ADDR_PREFERRED);
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &want);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].plen, 64);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].valid_s,
			86400U - (u32)((t.now - t_ra) / NDP_NSEC_PER_SEC));
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &want));
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &kt_ll));
}

/*
 * Real-size lifetimes (checklist defect 1: seconds, not nanoseconds): valid
 * 86400 s, preferred 14400 s; there an hour later, deprecated at 4 h,
 * removed at 24 h.
 */
static void ndpv6_addr_slaac_real_size_lifetimes(struct kunit *test)
{
	struct ndp_ip6 pfx = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:1::ff:fe00:1");
	struct ndp_addr_info ai;
	struct ndp_kt t;
	s64 t_ra;

	kt_init(test, &t, 1);
	kt_settle(&t);
	t_ra = t.now;
	ndp_kt_handle(&t, kt_ra_pio(&t, &pfx, 64, 86400, 14400));
	ndp_kt_run_until(&t, t_ra + SEC(3600));
	KUNIT_ASSERT_TRUE(test, kt_addr(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, ai.valid_s, 82800U);
	KUNIT_EXPECT_EQ(test, ai.preferred_s, 10800U);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &want));

	ndp_kt_run_until(&t, t_ra + SEC(14400) - 1);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &want), NDP_ADDR_PREFERRED);
	ndp_kt_run_until(&t, t_ra + SEC(14400));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &want), NDP_ADDR_DEPRECATED);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_DEPRECATED, &want));
	ndp_kt_run_until(&t, t_ra + SEC(86400) - 1);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &want), NDP_ADDR_DEPRECATED);
	ndp_kt_run_until(&t, t_ra + SEC(86400));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &want), -1);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_DEL, &want));
	/* the group is shared with the link-local address: still joined */
	KUNIT_EXPECT_TRUE(test, ndp_group_is_joined(t.ctx, &kt_ll_sn));
	KUNIT_EXPECT_EQ(test, kt_count_records(&t, &kt_ll_sn, 3), 0U);
}

/* Prefix lengths other than 64 make no address on Ethernet */
static void ndpv6_addr_slaac_bad_plen(struct kunit *test)
{
	struct ndp_ip6 pfx = ndp_kt_ip(test, "2001:db8:1::");
	static const u8 plens[] = { 48, 56, 63, 65, 96 };
	struct ndp_ip6 ips[4];
	struct ndp_kt t;
	unsigned int i;

	kt_init(test, &t, 0);
	for (i = 0; i < ARRAY_SIZE(plens); i++) {
		ndp_kt_handle(&t, kt_ra_pio(&t, &pfx, plens[i], 86400, 14400));
		KUNIT_EXPECT_EQ_MSG(test,
				    ndp_kt_stat_delta(&t, NDP_STAT_PIO_BAD_PLEN),
				    1ULL, "plen %u", plens[i]);
		KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, ips, 4), 1);
	}
	/* valid lifetime 0 for an unknown prefix makes nothing either */
	ndp_out_reset(t.out);
	ndp_addr_slaac(t.ctx, t.now, &(struct ndp_prefix){ pfx, 64 }, 0, 0,
		       t.out);
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

static void ndpv6_addr_slaac_two_hour_rule(struct kunit *test)
{
	const struct kt_two_hour *r = test->param_value;
	struct ndp_prefix pfx = { ndp_kt_ip(test, "2001:db8:7::"), 64 };
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:7::ff:fe00:1");
	struct ndp_addr_info ai;
	struct ndp_kt t;
	int i;

	kt_init(test, &t, 0);
	ndp_addr_slaac(t.ctx, t.now, &pfx, r->initial_s, 0, t.out);
	KUNIT_ASSERT_TRUE(test, kt_addr(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.valid_s, r->initial_s);
	ndp_kt_tick(&t, t.now + SEC(r->elapsed_s));
	ndp_out_reset(t.out);
	ndp_addr_slaac(t.ctx, t.now, &pfx, r->received_s,
		       min(r->received_s, 600U), t.out);
	KUNIT_ASSERT_TRUE(test, kt_addr(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.valid_s, r->want_s);
	KUNIT_EXPECT_EQ(test, ai.origin, NDP_ORIGIN_SLAAC);
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_UPDATE, &want);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].valid_s, r->want_s);
	/* the address lives exactly that long */
	if (r->want_s != NDP_INFINITE) {
		ndp_kt_tick(&t, t.now + SEC(r->want_s) - 1);
		KUNIT_EXPECT_NE(test, kt_state(&t, &want), -1);
		ndp_kt_tick(&t, t.now + 1);
		KUNIT_EXPECT_EQ(test, kt_state(&t, &want), -1);
	}
}

/* A deprecated SLAAC address is preferred again by a PIO that says so */
static void ndpv6_addr_slaac_preferred_again(struct kunit *test)
{
	struct ndp_prefix pfx = { ndp_kt_ip(test, "2001:db8:7::"), 64 };
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:7::ff:fe00:1");
	struct ndp_kt t;
	s64 t1;
	int i;

	kt_init(test, &t, 0);
	ndp_addr_slaac(t.ctx, t.now, &pfx, 3600, 60, t.out);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &want), NDP_ADDR_PREFERRED);
	ndp_kt_run_until(&t, t.now + SEC(60));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &want), NDP_ADDR_DEPRECATED);
	t1 = t.now + SEC(10);
	ndp_kt_tick(&t, t1);
	ndp_out_reset(t.out);
	ndp_addr_slaac(t.ctx, t1, &pfx, 3600, 600, t.out);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &want), NDP_ADDR_PREFERRED);
	i = ndp_kt_note(&t, NDP_NOTE_ADDR_UPDATE, &want);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].preferred_s, 600U);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].valid_s, 3600U);
	ndp_kt_run_until(&t, t1 + SEC(600) - 1);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &want), NDP_ADDR_PREFERRED);
	ndp_kt_run_until(&t, t1 + SEC(600));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &want), NDP_ADDR_DEPRECATED);
}

/* 0xffffffff is infinite: never deprecated, never removed */
static void ndpv6_addr_slaac_infinite(struct kunit *test)
{
	struct ndp_prefix pfx = { ndp_kt_ip(test, "2001:db8:8::"), 64 };
	struct ndp_ip6 want = ndp_kt_ip(test, "2001:db8:8::ff:fe00:1");
	struct ndp_addr_info ai;
	struct ndp_kt t;

	kt_init(test, &t, 0);
	ndp_addr_slaac(t.ctx, t.now, &pfx, NDP_INFINITE, NDP_INFINITE, t.out);
	KUNIT_ASSERT_TRUE(test, kt_addr(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, ai.valid_s, NDP_INFINITE);
	KUNIT_EXPECT_EQ(test, ai.preferred_s, NDP_INFINITE);
	/* ten years on (one late tick) */
	ndp_kt_tick(&t, t.now + SEC(10U * 365 * 86400));
	KUNIT_ASSERT_TRUE(test, kt_addr(&t, &want, &ai));
	KUNIT_EXPECT_EQ(test, ai.state, NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, ai.valid_s, NDP_INFINITE);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
}

/* ------------------------------------------------------------ table */

/* 16 addresses by default (the link-local one included), then -ENOSPC */
static void ndpv6_addr_cap_16(struct kunit *test)
{
	struct ndp_ip6 ip = ndp_kt_ip(test, "2001:db8::ab:0");
	struct ndp_fill fill;
	struct ndp_kt t;
	int i;

	kt_init(test, &t, 1);
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
	KUNIT_EXPECT_EQ(test, kt_state(&t, &ip), -1);
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

	kt_init(test, &t, 1);
	KUNIT_EXPECT_EQ(test, ndp_add_ip(t.ctx, t.now, &ip, r->plen,
					 r->valid_s, r->preferred_s, t.out),
			r->err);
	ndp_get_fill(t.ctx, &fill);
	KUNIT_EXPECT_EQ(test, fill.addrs, r->err ? 1 : 2);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
}

/* The group table full: the address is refused, the shared group is not */
static void ndpv6_addr_group_table_full(struct kunit *test)
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
	KUNIT_EXPECT_EQ(test, kt_state(&t, &own), -1);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &grp, t.out),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, ndp_add_ip(t.ctx, t.now, &shared, 64,
					 NDP_INFINITE, NDP_INFINITE, t.out), 0);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &shared), NDP_ADDR_PREFERRED);
	/* removing one user of the shared group keeps it joined, unreported */
	KUNIT_EXPECT_EQ(test, ndp_del_ip(t.ctx, t.now, &shared, t.out), 0);
	KUNIT_EXPECT_TRUE(test, ndp_group_is_joined(t.ctx, &kt_ll_sn));
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
}

/* ------------------------------------------------------------ MLDv2 */

/* The upper layers' groups: TO_EX twice, TO_IN twice, from fe80:: */
static void ndpv6_addr_mld_upper_join_leave(struct kunit *test)
{
	struct ndp_ip6 grp = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_ip6 node_local = ndp_kt_ip(test, "ff01::5");
	struct ndp_ip6 uni = ndp_kt_ip(test, "2001:db8::1");
	struct ndp_kt t;
	int i;

	kt_init(test, &t, 1);
	kt_settle(&t);
	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &grp, t.out), 0);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_GROUP_JOIN, &grp));
	KUNIT_EXPECT_TRUE(test, ndp_group_is_joined(t.ctx, &grp));
	/* the first Report at once (RFC 3810 6.1), the repeat within 1 s */
	kt_step(&t);
	i = ndp_kt_find_tx(&t, NDP_ICMP_MLD2_REPORT);
	KUNIT_EXPECT_EQ(test, kt_record(kt_expect_report(&t, i, &kt_ll, 1),
					&grp), 4);
	KUNIT_EXPECT_EQ(test, kt_run_count_records(&t, t.now + SEC(1), &grp,
						   4), 1U);
	KUNIT_EXPECT_EQ(test, kt_run_count_records(&t, t.now + SEC(10), &grp,
						   4), 0U);
	/* joining again is harmless and reports nothing */
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &grp, t.out), 0);
	KUNIT_EXPECT_EQ(test, kt_run_count_records(&t, t.now + SEC(2), &grp,
						   4), 0U);

	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_leave_group(t.ctx, t.now, &grp, t.out), 0);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE, &grp));
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &grp));
	KUNIT_EXPECT_EQ(test, kt_run_count_records(&t, t.now + SEC(3), &grp,
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
static void ndpv6_addr_mld_general_query(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_ip6 g2 = ndp_kt_ip(test, "ff0e::1234");
	struct ndp_kt t;
	const u8 *m;
	s64 t_q;
	int i;

	kt_init(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g1, t.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g2, t.out), 0);
	kt_settle(&t);
	t_q = t.now;
	/* MLDv2, Maximum Response Code 10000 ms */
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 10000, 28, 0));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_RX_ND), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t.ctx), t_q);
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t_q + SEC(10));

	i = kt_step_until_tx(&t, NDP_ICMP_MLD2_REPORT, t_q + SEC(10));
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_LT(test, t.now, t_q + SEC(10));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD2_REPORT), 1U);
	m = kt_expect_report(&t, i, &kt_ll, 3);
	KUNIT_EXPECT_EQ(test, kt_record(m, &kt_ll_sn), 2);
	KUNIT_EXPECT_EQ(test, kt_record(m, &g1), 2);
	KUNIT_EXPECT_EQ(test, kt_record(m, &g2), 2);
	KUNIT_EXPECT_EQ(test, kt_record(m, &ndp_all_nodes), -1);
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

static void ndpv6_addr_mld_query_delay(struct kunit *test)
{
	const struct kt_mrd *r = test->param_value;
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_kt t;
	int i, runs;
	s64 t_q;

	for (runs = 0; runs < 8; runs++) {
		kt_init(test, &t, 1);
		t.rng += runs * 0x1234567ULL;
		kt_settle(&t);
		t_q = t.now;
		ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
					   &ndp_unspecified, r->code, r->len,
					   (r->len - 28) / 16));
		KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t,
							NDP_STAT_MLD_INVALID),
				0ULL);
		/* an MLDv1 Query is answered in MLDv1 (RFC 3810 8.2.1) */
		i = kt_step_until_tx(&t, r->len == 24 ? NDP_ICMP_MLD1_REPORT :
					 NDP_ICMP_MLD2_REPORT,
				     t_q + MSEC(r->max_ms));
		KUNIT_ASSERT_GE(test, i, 0);
		KUNIT_EXPECT_LE(test, t.now, t_q + MSEC(r->max_ms));
		if (r->max_ms)
			KUNIT_EXPECT_LT(test, t.now, t_q + MSEC(r->max_ms));
		if (r->len == 24)
			kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT, &kt_ll,
				       &kt_ll_sn);
		else
			KUNIT_EXPECT_EQ(test,
					kt_record(kt_expect_report(&t, i,
								   &kt_ll, 1),
						  &kt_ll_sn), 2);
	}
}

/* A group-specific Query: that group's record only */
static void ndpv6_addr_mld_group_query(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_ip6 other = ndp_kt_ip(test, "ff05::9");
	struct ndp_kt t;
	s64 t_q;
	int i;

	kt_init(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g1, t.out), 0);
	kt_settle(&t);
	t_q = t.now;
	ndp_kt_handle(&t, kt_query(&t, &q, &g1, 1, true, &g1, 2000, 28, 0));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	i = kt_step_until_tx(&t, NDP_ICMP_MLD2_REPORT, t_q + SEC(2));
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_LT(test, t.now, t_q + SEC(2));
	KUNIT_EXPECT_EQ(test, kt_record(kt_expect_report(&t, i, &kt_ll, 1),
					&g1), 2);
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
static void ndpv6_addr_mld_pending_response_kept(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_kt t;
	s64 t_q;
	int i;

	kt_init(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g1, t.out), 0);
	kt_settle(&t);
	t_q = t.now;
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 1000, 28, 0));
	t.now += MSEC(1);
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 60000, 28, 0));
	ndp_kt_handle(&t, kt_query(&t, &q, &g1, 1, true, &g1, 60000, 28, 0));
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t_q + SEC(1));
	i = kt_step_until_tx(&t, NDP_ICMP_MLD2_REPORT, t_q + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD2_REPORT), 1U);
	kt_expect_report(&t, i, &kt_ll, 2);
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

static void ndpv6_addr_mld_invalid_query(struct kunit *test)
{
	const struct kt_bad_query *r = test->param_value;
	struct ndp_ip6 src = ndp_kt_ip(test, r->src);
	struct ndp_ip6 mca = ndp_kt_ip(test, r->mca);
	struct ndp_kt t;

	kt_init(test, &t, 1);
	kt_settle(&t);
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
static void ndpv6_addr_mld_leave_on_removal(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::abcd");
	struct ndp_ip6 sn = ndp_kt_ip(test, "ff02::1:ff00:abcd");
	struct ndp_kt t;
	u8 m[24];

	kt_init(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	kt_settle(&t);
	KUNIT_ASSERT_EQ(test, kt_state(&t, &g), NDP_ADDR_PREFERRED);
	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_del_ip(t.ctx, t.now, &g, t.out), 0);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ADDR_DEL, &g));
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE, &sn));
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &sn));
	KUNIT_EXPECT_EQ(test, kt_run_count_records(&t, t.now + SEC(3), &sn, 3),
			2U);
	/* frames to the group are no longer for us */
	ndp_kt_handle(&t, ndp_kt_build_icmp(&t, &ndp_unspecified, &sn, 255, m,
					    nf_ns(m, &g)));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_IP6_NOT_FOR_US),
			1ULL);
}

/* Output full: nothing lost, the Report and NS leave at the next tick */
static void ndpv6_addr_out_full_retried(struct kunit *test)
{
	struct ndp_kt t;
	s64 due;
	int rep, ns;

	kt_init(test, &t, 1);
	due = ndp_next_deadline(t.ctx);
	ndp_out_reset(t.out);
	ndp_kt_snap(&t);
	t.out->n_tx = NDP_OUT_TX;		/* no room */
	ndp_tick(t.ctx, t.now + SEC(1), t.out);
	KUNIT_EXPECT_GE(test, ndp_kt_stat_delta(&t, NDP_STAT_TX_OUT_FULL),
			1ULL);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(t.ctx), due);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_TENTATIVE);
	ndp_kt_tick(&t, t.now + SEC(1));
	rep = ndp_kt_find_tx(&t, NDP_ICMP_MLD2_REPORT);
	ns = ndp_kt_find_tx(&t, NDP_ICMP_NS);
	KUNIT_ASSERT_GE(test, rep, 0);
	KUNIT_ASSERT_GE(test, ns, 0);
	KUNIT_EXPECT_LT(test, rep, ns);
	kt_expect_dad_ns(&t, ns, &kt_ll);
	ndp_kt_run_until(&t, t.now + SEC(2));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);

	/*
	 * Room for the 86-byte NS but not the 90-byte Report: the NS waits
	 * for the Report it needs (RFC 4862 5.4.2).
	 */
	kt_init(test, &t, 1);
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

/* ------------------------------------------------------------ source */

static void kt_expect_source(struct kunit *test, struct ndp_kt *t,
			     const char *dst, const char *want)
{
	struct ndp_ip6 d = ndp_kt_ip(test, dst), w, s;

	if (!want) {
		KUNIT_EXPECT_EQ_MSG(test, ndp_select_source(t->ctx, &d, &s),
				    -ENOENT, "dst %s", dst);
		return;
	}
	w = ndp_kt_ip(test, want);
	KUNIT_ASSERT_EQ_MSG(test, ndp_select_source(t->ctx, &d, &s), 0,
			    "dst %s", dst);
	KUNIT_EXPECT_TRUE_MSG(test, ndp_ip6_eq(&s, &w), "dst %s: want %s",
			      dst, want);
}

static void kt_add(struct kunit *test, struct ndp_kt *t, const char *ip,
		   u8 plen, u32 preferred_s)
{
	struct ndp_ip6 a = ndp_kt_ip(test, ip);

	KUNIT_ASSERT_EQ(test, ndp_add_ip(t->ctx, t->now, &a, plen,
					 NDP_INFINITE, preferred_s, t->out),
			0);
}

/* RFC 6724 rules 1 (same), 2 (scope), 3 (deprecated), 8 (longest match) */
static void ndpv6_addr_select_source_rules(struct kunit *test)
{
	struct ndp_ip6 dep;
	struct ndp_kt t;

	kt_init(test, &t, 0);
	kt_add(test, &t, "2001:db8:1::1", 64, NDP_INFINITE);
	kt_add(test, &t, "2001:db8:2::1", 64, NDP_INFINITE);
	kt_add(test, &t, "2001:db8:9::3", 128, 0);	/* deprecated */
	kt_add(test, &t, "2001:db8:9::8", 128, NDP_INFINITE);
	dep = ndp_kt_ip(test, "2001:db8:9::3");
	KUNIT_ASSERT_EQ(test, kt_state(&t, &dep), NDP_ADDR_DEPRECATED);

	/* rule 1: the destination itself, even deprecated */
	kt_expect_source(test, &t, "2001:db8:2::1", "2001:db8:2::1");
	kt_expect_source(test, &t, "2001:db8:9::3", "2001:db8:9::3");
	kt_expect_source(test, &t, "fe80::ff:fe00:1", "fe80::ff:fe00:1");
	/* rule 2: link-local scope for link-local and ff02:: destinations */
	kt_expect_source(test, &t, "fe80::99", "fe80::ff:fe00:1");
	kt_expect_source(test, &t, "ff02::1", "fe80::ff:fe00:1");
	kt_expect_source(test, &t, "ff02::1:ff00:99", "fe80::ff:fe00:1");
	/* ... global for global ones */
	kt_expect_source(test, &t, "2001:db8:2::99", "2001:db8:2::1");
	/* rule 8: longest matching prefix */
	kt_expect_source(test, &t, "2001:db8:1:0:1::1", "2001:db8:1::1");
	/* rule 3 before rule 8: ::3 matches longer but is deprecated */
	kt_expect_source(test, &t, "2001:db8:9::2", "2001:db8:9::8");
}

static void ndpv6_addr_select_source_global_scope(struct kunit *test)
{
	struct ndp_ip6 d = ndp_kt_ip(test, "ff0e::1"), s;
	struct ndp_kt t;

	kt_init(test, &t, 0);
	kt_add(test, &t, "2001:db8:1::1", 64, NDP_INFINITE);
	KUNIT_ASSERT_EQ(test, ndp_select_source(t.ctx, &d, &s), 0);
	KUNIT_EXPECT_FALSE(test, ndp_ip6_is_linklocal(&s));
	kt_expect_source(test, &t, "2001:db8:5::1", "2001:db8:1::1");
	kt_expect_source(test, &t, "ff05::2", "2001:db8:1::1");
	kt_expect_source(test, &t, "ff02::2", "fe80::ff:fe00:1");
}

/* Never a tentative (or duplicate) address */
static void ndpv6_addr_select_source_never_tentative(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::1");
	struct ndp_kt t;

	kt_init(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	kt_expect_source(test, &t, "fe80::99", NULL);
	kt_expect_source(test, &t, "2001:db8::1", NULL);
	kt_expect_source(test, &t, "2001:db8::99", NULL);
	/* the link-local passes DAD; the global is then found a duplicate */
	ndp_kt_run_until(&t, t.now + SEC(1) - 1);
	KUNIT_ASSERT_EQ(test, kt_state(&t, &g), NDP_ADDR_TENTATIVE);
	ndp_kt_handle(&t, kt_dad_ns(&t, &g, NULL));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_DUPLICATE);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);
	kt_expect_source(test, &t, "2001:db8::99", "fe80::ff:fe00:1");
	kt_expect_source(test, &t, "2001:db8::1", "fe80::ff:fe00:1");
}

/*
 * RFC 6724 source selection on one interface with the default policy
 * table (2.1): the examples of section 10.2 that apply to a host with one
 * interface and no home or temporary addresses (the other two need rules
 * 4 and 7), then rule 6 (matching label) ahead of rule 8 for Teredo
 * (2001::/32, label 5) and 6to4 (2002::/16, label 2) sources, and behind
 * rules 2 and 3.  Only the candidates are in the table: the EUI-64
 * link-local address is removed first.
 */
struct kt_src_row {
	const char *name;
	const char *dst;
	const char *cand[2];
	bool deprecated[2];
	const char *want;
};

static const struct kt_src_row kt_src_rows[] = {
	{ "10.2 scope: global destination", "2001:db8:1::1",
	  { "2001:db8:3::1", "fe80::1" }, {}, "2001:db8:3::1" },
	{ "10.2 scope: ff05::1", "ff05::1",
	  { "2001:db8:3::1", "fe80::1" }, {}, "2001:db8:3::1" },
	{ "10.2 same address, deprecated", "2001:db8:1::1",
	  { "2001:db8:1::1", "2001:db8:2::1" }, { true, false },
	  "2001:db8:1::1" },
	{ "10.2 scope: deprecated link-local", "fe80::1",
	  { "fe80::2", "2001:db8:2::1" }, { true, false }, "fe80::2" },
	{ "10.2 longest matching prefix", "2001:db8:1::1",
	  { "2001:db8:1::2", "2001:db8:3::2" }, {}, "2001:db8:1::2" },
	{ "10.2 matching label: 6to4", "2002:c633:6401::1",
	  { "2002:c633:6401::d5e3:7953:13eb:22e8", "2001:db8:1::2" }, {},
	  "2002:c633:6401::d5e3:7953:13eb:22e8" },
	{ "rule 6: no Teredo source for a native destination", "2001:1::1",
	  { "2001:0:4136:e378::1", "2001:db8::1" }, {}, "2001:db8::1" },
	{ "rule 6: no 6to4 source for a native destination", "2003::1",
	  { "2002:c000:204::1", "2001:db8::1" }, {}, "2001:db8::1" },
	{ "rule 6: 6to4 source for a 6to4 destination", "2002:c000:204:1::1",
	  { "2001:db8::1", "2002:c000:204::1" }, {}, "2002:c000:204::1" },
	{ "rule 6: Teredo source for a Teredo destination", "2001:0:1::1",
	  { "2001:db8::1", "2001:0:4136:e378::1" }, {},
	  "2001:0:4136:e378::1" },
	{ "rule 3 before rule 6", "2001:1::1",
	  { "2001:db8::1", "2001:0:4136:e378::1" }, { true, false },
	  "2001:0:4136:e378::1" },
	{ "rule 2 before rule 6", "ff0e::1",
	  { "fe80::1", "2002:c000:204::1" }, {}, "2002:c000:204::1" },
};

static void kt_src_desc(const struct kt_src_row *r, char *desc)
{
	strscpy(desc, r->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kt_src, kt_src_rows, kt_src_desc);

static void ndpv6_addr_select_source_rfc6724(struct kunit *test)
{
	const struct kt_src_row *r = test->param_value;
	struct ndp_ip6 a;
	struct ndp_kt t;
	int i;

	kt_init(test, &t, 0);
	KUNIT_ASSERT_EQ(test, ndp_del_ip(t.ctx, t.now, &kt_ll, t.out), 0);
	for (i = 0; i < 2; i++) {
		kt_add(test, &t, r->cand[i], 64,
		       r->deprecated[i] ? 0 : NDP_INFINITE);
		a = ndp_kt_ip(test, r->cand[i]);
		KUNIT_ASSERT_EQ(test, kt_state(&t, &a),
				r->deprecated[i] ? NDP_ADDR_DEPRECATED :
						   NDP_ADDR_PREFERRED);
	}
	kt_expect_source(test, &t, r->dst, r->want);
}

/* ------------------------------------------------------ the link (again) */

/* Tick at the next deadline if it is no later than @until. */
static bool kt_step_before(struct ndp_kt *t, s64 until)
{
	if (ndp_next_deadline(t->ctx) > until)
		return false;
	kt_step(t);
	return true;
}

/* Tell the core the link went down or came back: no frame from the call. */
static void kt_link(struct ndp_kt *t, bool up)
{
	ndp_out_reset(t->out);
	ndp_kt_snap(t);
	ndp_link_change(t->ctx, t->now, up, t->out);
	KUNIT_EXPECT_EQ(t->test, t->out->n_tx, 0U);
}

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
	struct ndp_ip6 src;
	struct ndp_kt t;
	int guard, i;
	const u8 *m;
	s64 t_up;

	kt_init(test, &t, 1);
	i = kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	memcpy(nonce1, kt_expect_dad_ns(&t, i, &kt_ll), NDP_NONCE_LEN);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	kt_settle(&t);
	KUNIT_ASSERT_EQ(test, kt_state(&t, &g), NDP_ADDR_PREFERRED);

	/* down: nothing leaves, nothing changes, nothing of ours is due */
	kt_link(&t, false);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_LINK_DOWN), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_LINK_DOWN);
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t.ctx), t.now + SEC(3600));
	ndp_kt_run_until(&t, t.now + SEC(30));
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &g));
	kt_link(&t, false);		/* no change: nothing */
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_LINK_DOWN), 0ULL);

	/* up: no frame, no note yet; both checked again, still usable */
	t_up = t.now;
	kt_link(&t, true);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_LINK_UP), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_LINK_UP);
	KUNIT_EXPECT_GE(test, ndp_next_deadline(t.ctx), t_up);
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t_up + SEC(1));
	KUNIT_EXPECT_EQ(test, ndp_addr_find(t.ctx, &kt_ll)->state,
			NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_EQ(test, ndp_addr_find(t.ctx, &g)->state,
			NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_ip(&t, &g));
	KUNIT_EXPECT_TRUE(test, ndp_addr_is_ours(t.ctx, &kt_ll));
	KUNIT_EXPECT_EQ(test, ndp_select_source(t.ctx, &g, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &g));

	/* Reports, then each address's DAD NS, all within the delay */
	for (guard = 0; guard < 50 && (!ns_ll || !ns_g); guard++) {
		kt_step(&t);
		KUNIT_EXPECT_LT(test, t.now, t_up + SEC(1));
		for (i = 0; i < (int)t.out->n_tx; i++) {
			m = ndp_kt_tx_icmp(&t, i, NULL);
			KUNIT_ASSERT_NOT_NULL(test, m);
			if (m[0] == NDP_ICMP_MLD2_REPORT) {
				rep_ll += kt_record(m, &kt_ll_sn) == 4;
				rep_g += kt_record(m, &g_sn) == 4;
				continue;
			}
			KUNIT_ASSERT_EQ(test, m[0], NDP_ICMP_NS);
			if (!memcmp(m + 8, kt_ll.b, 16)) {
				KUNIT_EXPECT_GE(test, rep_ll, 1U);
				KUNIT_EXPECT_NE(test,
						memcmp(kt_expect_dad_ns(&t, i,
									&kt_ll),
						       nonce1, NDP_NONCE_LEN), 0);
				ns_ll++;
			} else {
				KUNIT_EXPECT_GE(test, rep_g, 1U);
				kt_expect_dad_ns(&t, i, &g);
				ns_g++;
			}
		}
		KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	}
	KUNIT_EXPECT_EQ(test, ns_ll, 1U);
	KUNIT_EXPECT_EQ(test, ns_g, 1U);

	/* RetransTimer later both are valid again, silently; Reports twice */
	for (guard = 0; guard < 50 && kt_step_before(&t, t_up + SEC(4));
	     guard++) {
		rep_ll += kt_count_records(&t, &kt_ll_sn, 4);
		rep_g += kt_count_records(&t, &g_sn, 4);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_NS), 0U);
		KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	}
	KUNIT_EXPECT_EQ(test, rep_ll, 2U);
	KUNIT_EXPECT_EQ(test, rep_g, 2U);
	KUNIT_EXPECT_EQ(test, ndp_addr_find(t.ctx, &kt_ll)->state,
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, ndp_addr_find(t.ctx, &g)->state,
			NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_FALSE(test, ndp_addr_find(t.ctx, &g)->optimistic);
	kt_link(&t, true);		/* no change: nothing */
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

	kt_init(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	kt_settle(&t);
	kt_link(&t, false);
	t.now += SEC(2);
	kt_link(&t, true);
	KUNIT_ASSERT_GE(test, kt_step_until_tx(&t, NDP_ICMP_NS,
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
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE, &g_sn));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_ip(&t, &g));
	KUNIT_EXPECT_FALSE(test, ndp_addr_is_ours(t.ctx, &g));

	/* another node's DAD for our link-local address, still checked */
	KUNIT_ASSERT_EQ(test, ndp_addr_find(t.ctx, &kt_ll)->state,
			NDP_ADDR_TENTATIVE);
	ndp_kt_handle(&t, kt_dad_ns(&t, &kt_ll, other));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	del = ndp_kt_note(&t, NDP_NOTE_ADDR_DEL, &kt_ll);
	KUNIT_ASSERT_GE(test, del, 0);
	KUNIT_EXPECT_GT(test, ndp_kt_note(&t, NDP_NOTE_DAD_FAILED, &kt_ll), del);
	KUNIT_EXPECT_NULL(test, ndp_addr_linklocal(t.ctx));
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_NS], 0U);
	/* a duplicate stays one when the link comes back again */
	kt_link(&t, false);
	kt_link(&t, true);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_NS], 0U);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_DUPLICATE);
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

	kt_init(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	kt_settle(&t);
	kt_link(&t, false);
	t.now += SEC(2);
	kt_link(&t, true);
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
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_TX_CORE_UNRESOLVED),
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

	kt_init(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &ssdp, t.out), 0);
	kt_link(&t, false);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &mdns, t.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_leave_group(t.ctx, t.now, &ssdp, t.out), 0);
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &ssdp));
	ndp_kt_run_until(&t, t.now + SEC(10));
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_TENTATIVE);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_TENTATIVE);

	kt_link(&t, true);
	KUNIT_EXPECT_LT(test, ndp_next_deadline(t.ctx), t.now + SEC(1));
	for (guard = 0; guard < 50 && kt_step_before(&t, SEC(15)); guard++) {
		to_ex += kt_count_records_from(&t, &mdns, 4, &kt_ll);
		to_ex_unspec += kt_count_records_from(&t, &mdns, 4,
						      &ndp_unspecified);
		to_in += kt_count_records(&t, &ssdp, 3);
		to_in += kt_count_records(&t, &ssdp, 4);
		added_ll |= ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &kt_ll) >= 0;
		added_g |= ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, &g) >= 0;
	}
	KUNIT_EXPECT_TRUE(test, added_ll);
	KUNIT_EXPECT_TRUE(test, added_g);
	/* from :: before DAD passes, then twice again (RFC 3590 4) */
	KUNIT_EXPECT_GE(test, to_ex_unspec, 1U);
	KUNIT_EXPECT_EQ(test, to_ex, 2U);
	KUNIT_EXPECT_EQ(test, to_in, 0U);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &g), NDP_ADDR_PREFERRED);
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

	kt_init(test, &t, 1);
	t_add = t.now;
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, 600, 20,
					 t.out), 0);
	kt_settle(&t);
	kt_link(&t, false);
	ndp_kt_run_until(&t, t_add + SEC(20) - MSEC(500));
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);
	kt_link(&t, true);
	for (guard = 0; guard < 50 && kt_step_before(&t, t_add + SEC(23));
	     guard++) {
		for (i = 0; i < t.out->n_notes; i++) {
			if (t.out->notes[i].kind == NDP_NOTE_ADDR_DEPRECATED &&
			    ndp_ip6_eq(&t.out->notes[i].addr, &g)) {
				deprecated++;
				KUNIT_EXPECT_EQ(test, t.now, t_add + SEC(20));
				KUNIT_EXPECT_EQ(test,
						ndp_addr_find(t.ctx, &g)->state,
						NDP_ADDR_TENTATIVE);
				KUNIT_EXPECT_EQ(test, kt_state(&t, &g),
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

	kt_init(test, &t, 3);
	for (k = 0; k < 3; k++) {
		i = kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(2));
		KUNIT_ASSERT_GE(test, i, 0);
		memcpy(nonce[k], kt_expect_dad_ns(&t, i, &kt_ll),
		       NDP_NONCE_LEN);
		t3 = t.now;
	}
	KUNIT_EXPECT_NE(test, memcmp(nonce[0], nonce[2], NDP_NONCE_LEN), 0);
	for (k = 0; k < 3; k++) {
		t.now += MSEC(100);
		ndp_kt_handle(&t, kt_dad_ns(&t, &kt_ll, nonce[k]));
		KUNIT_EXPECT_EQ(test,
				ndp_kt_stat_delta(&t, NDP_STAT_DAD_NS_LOOPED),
				1ULL);
		ndp_kt_expect_only(&t, NDP_STAT_DAD_NS_LOOPED);
		KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
		KUNIT_EXPECT_EQ(test, t.out->n_notes, 0U);
	}
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_TENTATIVE);
	ndp_kt_tick(&t, t3 + SEC(1));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);

	/* the same run, another node's nonce: a duplicate */
	kt_init(test, &t, 3);
	for (k = 0; k < 3; k++)
		KUNIT_ASSERT_GE(test, kt_step_until_tx(&t, NDP_ICMP_NS,
						       t.now + SEC(2)), 0);
	ndp_kt_handle(&t, kt_dad_ns(&t, &kt_ll, foreign));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_DUPLICATE);

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
	ndp_kt_handle(&t, kt_dad_ns(&t, &kt_ll, NULL));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_IP_DISABLED), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_DAD_FAILED, NDP_STAT_IP_DISABLED);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	i = ndp_kt_note(&t, NDP_NOTE_IP_DISABLED, &kt_ll);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t.out->notes[i].plen, 64);
	KUNIT_EXPECT_GT(test, i, ndp_kt_note(&t, NDP_NOTE_DAD_FAILED, &kt_ll));
	ndp_get_params(t.ctx, &par);
	KUNIT_EXPECT_TRUE(test, par.ip_disabled);
	ndp_kt_run_until(&t, t.now + SEC(15));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_RS], 0U);
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);

	/* an RA: its router and prefix, no address of our identifier */
	ndp_kt_handle(&t, kt_ra_pio(&t, &pfx, 64, 86400, 14400));
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&t, NDP_STAT_SLAAC_IP_DISABLED),
			1ULL);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_ROUTER_ADD, &rtr));
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_PREFIX_ADD, &pfx));
	KUNIT_EXPECT_LT(test, ndp_kt_note(&t, NDP_NOTE_ADDR_ADD, NULL), 0);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &slaac), -1);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &slaac), -1);
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);

	/* re-attached; accept_ra set again: still no RS */
	kt_link(&t, false);
	kt_link(&t, true);
	ndp_kt_run_until(&t, t.now + SEC(15));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_RS], 0U);
	ndp_set_accept_ra(t.ctx, false);
	ndp_set_accept_ra(t.ctx, true);
	ndp_kt_run_until(&t, t.now + SEC(15));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_RS], 0U);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_EQ(test, ndp_stats(t.ctx)[NDP_STAT_IP_DISABLED], 1ULL);

	/* a link-local address added by hand: only that one is lost */
	ndp_kt_init(test, &t, &cfg);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &manual, 64,
					 NDP_INFINITE, NDP_INFINITE, t.out),
			0);
	ndp_kt_handle(&t, kt_dad_ns(&t, &manual, NULL));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &manual), NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DAD_FAILED), 1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_DAD_FAILED);
	KUNIT_EXPECT_LT(test, ndp_kt_note(&t, NDP_NOTE_IP_DISABLED, NULL), 0);
	ndp_get_params(t.ctx, &par);
	KUNIT_EXPECT_FALSE(test, par.ip_disabled);
	ndp_kt_run_until(&t, t.now + SEC(10));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_RS], 3U);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);
	ndp_kt_handle(&t, kt_ra_pio(&t, &pfx, 64, 86400, 14400));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &slaac), NDP_ADDR_TENTATIVE);
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

	for (guard = 0; guard < 1000 && kt_step_before(t, until); guard++)
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
static void ndpv6_addr_mld1_general_query(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	u32 rep_sn = 0, rep_g1 = 0, other = 0, i;
	struct ndp_kt t;
	int guard;
	const u8 *m;
	s64 t_q;

	kt_init(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g1, t.out), 0);
	kt_settle(&t);
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
	for (guard = 0; guard < 50 && kt_step_before(&t, t_q + SEC(10));
	     guard++) {
		for (i = 0; i < t.out->n_tx; i++) {
			m = ndp_kt_tx_icmp(&t, i, NULL);
			KUNIT_ASSERT_NOT_NULL(test, m);
			if (m[0] == NDP_ICMP_MLD1_REPORT &&
			    !memcmp(m + 8, kt_ll_sn.b, 16)) {
				kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT,
					       &kt_ll, &kt_ll_sn);
				rep_sn++;
			} else if (m[0] == NDP_ICMP_MLD1_REPORT &&
				   !memcmp(m + 8, g1.b, 16)) {
				kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT,
					       &kt_ll, &g1);
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
static void ndpv6_addr_mld1_mode_timeout(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_kt t;
	s64 t_q;
	int i;

	kt_init(test, &t, 1);
	kt_settle(&t);
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
	ndp_kt_handle(&t, kt_query(&t, &q, &kt_ll_sn, 1, true, &kt_ll_sn,
				   1000, 24, 0));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_V1_QUERY),
			1ULL);
	ndp_kt_run_until(&t, t.now + SEC(2));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD1_REPORT], 1U);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t_q + SEC(451));

	/* not held while the link is down */
	t.now = t_q + SEC(300);
	kt_link(&t, false);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t_q + SEC(451));
	ndp_kt_run_until(&t, t_q + SEC(451) - 1);
	KUNIT_EXPECT_TRUE(test, kt_mld_v1(&t));
	kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.now, t_q + SEC(451));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_MLD_V1_EXPIRED),
			1ULL);
	ndp_kt_expect_only(&t, NDP_STAT_MLD_V1_EXPIRED);
	KUNIT_EXPECT_FALSE(test, kt_mld_v1(&t));
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t.ctx), t.now + SEC(3600));

	/* MLDv2 again */
	kt_link(&t, true);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD1_REPORT], 0U);
	KUNIT_EXPECT_GE(test, t.seen[NDP_ICMP_MLD2_REPORT], 1U);
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 1000, 28, 0));
	i = kt_step_until_tx(&t, NDP_ICMP_MLD2_REPORT, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, kt_record(kt_expect_report(&t, i, &kt_ll, 1),
					&kt_ll_sn), 2);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD1_REPORT), 0U);
}

/*
 * In MLDv1 mode a join is two MLDv1 Reports, the repeat within the
 * Unsolicited Report Interval (10 s, RFC 2710 7.10); a leave is one Done
 * to ff02::2 (RFC 2710 4); a new address's solicited-node group has its
 * MLDv1 Report before the DAD NS.  No Report suppression: another host's
 * Report for our group while our timer runs changes nothing.
 */
static void ndpv6_addr_mld1_join_leave(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 peer = ndp_kt_ip(test, "fe80::99");
	struct ndp_ip6 g = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_ip6 a = ndp_kt_ip(test, "2001:db8::abcd");
	struct ndp_ip6 a_sn = ndp_kt_ip(test, "ff02::1:ff00:abcd");
	struct ndp_kt t;
	int i, ns;

	kt_init(test, &t, 1);
	kt_settle(&t);
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 0, 24, 0));
	ndp_kt_run_until(&t, t.now + SEC(1));
	KUNIT_ASSERT_TRUE(test, kt_mld_v1(&t));

	ndp_out_reset(t.out);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &g, t.out), 0);
	kt_step(&t);
	i = kt_find_mld1(&t, NDP_ICMP_MLD1_REPORT, &g);
	kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT, &kt_ll, &g);
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
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t, NDP_NOTE_GROUP_LEAVE, &g));
	kt_step(&t);
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 1U);
	kt_expect_mld1(&t, kt_find_mld1(&t, NDP_ICMP_MLD1_DONE, &g),
		       NDP_ICMP_MLD1_DONE, &kt_ll, &g);
	ndp_kt_run_until(&t, t.now + SEC(30));
	KUNIT_EXPECT_EQ(test, t.seen_frames, 0U);
	KUNIT_EXPECT_FALSE(test, ndp_group_is_joined(t.ctx, &g));

	/* a new address: its group's MLDv1 Report, then its DAD NS */
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &a, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	ns = kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	KUNIT_ASSERT_GE(test, ns, 0);
	i = kt_find_mld1(&t, NDP_ICMP_MLD1_REPORT, &a_sn);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_LT(test, i, ns);
	kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT, &kt_ll, &a_sn);
	kt_expect_dad_ns(&t, ns, &a);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD2_REPORT), 0U);
}

/*
 * Before the link-local address is valid MLDv1 Reports leave from ::
 * (RFC 3590 4): an MLDv1 Query at start-up gets the link-local address's
 * group reported, then its DAD NS goes.
 */
static void ndpv6_addr_mld1_report_from_unspecified(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_kt t;
	int i, ns;

	kt_init(test, &t, 1);
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 0, 24, 0));
	kt_step(&t);
	i = kt_find_mld1(&t, NDP_ICMP_MLD1_REPORT, &kt_ll_sn);
	kt_expect_mld1(&t, i, NDP_ICMP_MLD1_REPORT, &ndp_unspecified,
		       &kt_ll_sn);
	ns = ndp_kt_find_tx(&t, NDP_ICMP_NS);
	if (ns < 0)
		ns = kt_step_until_tx(&t, NDP_ICMP_NS, t.now + SEC(1));
	kt_expect_dad_ns(&t, ns, &kt_ll);
	ndp_kt_run_until(&t, t.now + SEC(2));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, t.seen[NDP_ICMP_MLD2_REPORT], 0U);
}

/*
 * RFC 3810 8.2.1: the mode changes, the pending responses go.  An MLDv2
 * General Query response pending for up to 60 s and a leave not yet
 * reported are dropped by an MLDv1 Query for one group, answered for that
 * group only; a join being reported goes on, in MLDv1.
 */
static void ndpv6_addr_mld1_mode_change_cancels(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 g1 = ndp_kt_ip(test, "ff05::1:3");
	struct ndp_ip6 g2 = ndp_kt_ip(test, "ff05::1:4");
	struct ndp_ip6 g3 = ndp_kt_ip(test, "ff05::1:5");
	struct ndp_kt t;
	u32 g3_reports = 0, g1_reports = 0;
	int guard;

	kt_init(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g1, t.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t.ctx, t.now, &g2, t.out), 0);
	kt_settle(&t);
	ndp_kt_handle(&t, kt_query(&t, &q, &ndp_all_nodes, 1, true,
				   &ndp_unspecified, 60000, 28, 0));
	KUNIT_EXPECT_EQ(test, ndp_leave_group(t.ctx, t.now, &g2, t.out), 0);
	KUNIT_EXPECT_EQ(test, ndp_join_group(t.ctx, t.now, &g3, t.out), 0);
	ndp_kt_handle(&t, kt_query(&t, &q, &g1, 1, true, &g1, 1000, 24, 0));
	KUNIT_EXPECT_TRUE(test, kt_mld_v1(&t));
	for (guard = 0; guard < 50 && kt_step_before(&t, t.now + SEC(60));
	     guard++) {
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD2_REPORT),
				0U);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t, NDP_ICMP_MLD1_DONE),
				0U);
		KUNIT_EXPECT_EQ(test, kt_count_mld1(&t, NDP_ICMP_MLD1_REPORT,
						    &kt_ll_sn), 0U);
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
	if (kt_state(t, &kt_ll) == NDP_ADDR_PREFERRED)
		t_valid = t->now;
	for (guard = 0; guard < 200; guard++) {
		valid = kt_state(t, &kt_ll) == NDP_ADDR_PREFERRED;
		if (!kt_step_before(t, until))
			break;
		for (i = 0; i < t->out->n_tx; i++) {
			m = ndp_kt_tx_icmp(t, i, NULL);
			KUNIT_ASSERT_NOT_NULL(t->test, m);
			ndp_ipaddr_of_cstruct(ndp_kt_tx_ip6(t, i) + 8, &src);
			for (k = 0; k < 2; k++) {
				if (m[0] == NDP_ICMP_MLD2_REPORT &&
				    kt_record(m, g[k]) == 4)
					kt_expect_report(t, i, &src,
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
						  ndp_ip6_eq(&src, &kt_ll));
				KUNIT_ASSERT_TRUE(t->test, valid);
				KUNIT_EXPECT_LE(t->test, t->now, t_valid + span);
				n[k][1]++;
			}
		}
		if (t_valid == NDP_TIME_NEVER &&
		    kt_state(t, &kt_ll) == NDP_ADDR_PREFERRED)
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
static void ndpv6_addr_rfc3590_report_again(struct kunit *test)
{
	struct ndp_ip6 up = ndp_kt_ip(test, "ff05::1:3");
	const struct ndp_ip6 *g[2] = { &kt_ll_sn, &up };
	struct ndp_kt t;
	u32 n[2][2];

	kt_init(test, &t, 1);
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
static void ndpv6_addr_rfc3590_report_again_mld1(struct kunit *test)
{
	struct ndp_ip6 q = ndp_kt_ip(test, "fe80::1");
	const struct ndp_ip6 *g[2] = { &kt_ll_sn, &kt_ll_sn };
	struct ndp_kt t;
	u32 n[2][2];

	kt_init(test, &t, 1);
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
static void ndpv6_addr_rfc3590_link_up(struct kunit *test)
{
	const struct ndp_ip6 *g[2] = { &kt_ll_sn, &kt_ll_sn };
	struct ndp_kt t;
	u32 n[2][2];

	kt_init(test, &t, 1);
	KUNIT_ASSERT_GE(test, kt_step_until_tx(&t, NDP_ICMP_NS,
					       t.now + SEC(1)), 0);
	kt_link(&t, false);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, kt_state(&t, &kt_ll), NDP_ADDR_TENTATIVE);
	kt_link(&t, true);
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
static void ndpv6_addr_rfc3590_no_report_again(struct kunit *test)
{
	struct ndp_ip6 ll2 = ndp_kt_ip(test, "fe80::2");
	struct ndp_ip6 sn2 = ndp_kt_ip(test, "ff02::1:ff00:2");
	const struct ndp_ip6 *g[2] = { &sn2, &kt_ll_sn };
	struct ndp_kt t;
	u32 n[2][2];

	kt_init(test, &t, 1);
	kt_settle(&t);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &ll2, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	kt_count_sources(&t, t.now + SEC(10), SEC(10), g, n);
	KUNIT_EXPECT_EQ(test, kt_state(&t, &ll2), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, n[0][0], 0U);
	KUNIT_EXPECT_EQ(test, n[0][1], 2U);
	KUNIT_EXPECT_EQ(test, n[1][0], 0U);
	KUNIT_EXPECT_EQ(test, n[1][1], 0U);
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
	KUNIT_CASE(ndpv6_addr_slaac_from_ra),
	KUNIT_CASE(ndpv6_addr_slaac_real_size_lifetimes),
	KUNIT_CASE(ndpv6_addr_slaac_bad_plen),
	KUNIT_CASE_PARAM(ndpv6_addr_slaac_two_hour_rule,
			 kt_two_hour_gen_params),
	KUNIT_CASE(ndpv6_addr_slaac_preferred_again),
	KUNIT_CASE(ndpv6_addr_slaac_infinite),
	KUNIT_CASE(ndpv6_addr_cap_16),
	KUNIT_CASE_PARAM(ndpv6_addr_add_ip_checks, kt_bad_add_gen_params),
	KUNIT_CASE(ndpv6_addr_group_table_full),
	KUNIT_CASE(ndpv6_addr_mld_upper_join_leave),
	KUNIT_CASE(ndpv6_addr_mld_general_query),
	KUNIT_CASE_PARAM(ndpv6_addr_mld_query_delay, kt_mrd_gen_params),
	KUNIT_CASE(ndpv6_addr_mld_group_query),
	KUNIT_CASE(ndpv6_addr_mld_pending_response_kept),
	KUNIT_CASE_PARAM(ndpv6_addr_mld_invalid_query,
			 kt_bad_query_gen_params),
	KUNIT_CASE(ndpv6_addr_mld_leave_on_removal),
	KUNIT_CASE(ndpv6_addr_out_full_retried),
	KUNIT_CASE(ndpv6_addr_select_source_rules),
	KUNIT_CASE(ndpv6_addr_select_source_global_scope),
	KUNIT_CASE(ndpv6_addr_select_source_never_tentative),
	KUNIT_CASE_PARAM(ndpv6_addr_select_source_rfc6724,
			 kt_src_gen_params),
	KUNIT_CASE(ndpv6_addr_link_up_dad_again),
	KUNIT_CASE(ndpv6_addr_link_up_duplicate),
	KUNIT_CASE(ndpv6_addr_link_up_ns_answered_no_override),
	KUNIT_CASE(ndpv6_addr_link_down_from_start),
	KUNIT_CASE(ndpv6_addr_link_up_deprecated_while_checked),
	KUNIT_CASE(ndpv6_addr_dad_nonces_of_the_run),
	KUNIT_CASE(ndpv6_addr_linklocal_dup_disables_ip),
	KUNIT_CASE(ndpv6_addr_mld1_general_query),
	KUNIT_CASE(ndpv6_addr_mld1_mode_timeout),
	KUNIT_CASE(ndpv6_addr_mld1_join_leave),
	KUNIT_CASE(ndpv6_addr_mld1_report_from_unspecified),
	KUNIT_CASE(ndpv6_addr_mld1_mode_change_cancels),
	KUNIT_CASE(ndpv6_addr_rfc3590_report_again),
	KUNIT_CASE(ndpv6_addr_rfc3590_report_again_mld1),
	KUNIT_CASE(ndpv6_addr_rfc3590_link_up),
	KUNIT_CASE(ndpv6_addr_rfc3590_no_report_again),
	{}
};

static struct kunit_suite ndpv6_addr_suite = {
	.name = "ndpv6_addr",
	.test_cases = ndpv6_addr_cases,
};

kunit_test_suites(&ndpv6_addr_suite);
