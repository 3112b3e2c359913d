// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_wire_roundtrip: round trips in which every frame one
 * context emits is parsed back and fed into a second context, the
 * neighbour of the first (ndp_kt_peer_setup_as(): contexts 1 and 2, MACs
 * 02:00:00:00:00:01 and :02).
 */
#include "ndp_kunit.h"

/* -------------------------------------------------------- round trips */

/* Feed output frame @i of @from into @to (its IPv6 packet). */
static void wt_feed(struct ndp_kt_peer *to, struct ndp_kt_peer *from, u32 i)
{
	const struct ndp_tx *tx = &from->kt.out->tx[i];
	u32 len = tx->len - NDP_ETH_HLEN;

	KUNIT_ASSERT_LE(to->kt.test, len, (u32)NDP_KT_BUF);
	memcpy(ndp_kt_pkt(&to->kt), tx->frame + NDP_ETH_HLEN, len);
	ndp_kt_handle_len(to, len, len);
}

/*
 * The DAD NS: from ::, to the solicited-node group, with a nonce and no
 * SLLA.  Looped back to its sender it is recognised (RFC 7527); another
 * node with the same tentative address takes it as a duplicate.
 */
static void wire_roundtrip_dad_ns(struct kunit *test)
{
	struct ndp_ip6 addr = ndp_kt_ip(test, "2001:db8::77"), sn;
	struct ndp_kt_peer *a, *b;
	const u8 *m;
	u8 mac[NDP_ETH_ALEN];
	struct ndp_ip6 ips[4];
	u32 len = 0, i;
	int n, k;

	a = ndp_kt_peer_setup_as(test, NULL, 1, false);
	b = ndp_kt_peer_setup_as(test, NULL, 2, false);
	a->kt.label = "A";
	b->kt.label = "B";
	ndp_solicited_node(&addr, &sn);
	ndp_kt_mcast_mac(&sn, mac);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(a->kt.ctx, a->kt.now, &addr, 64,
					 NDP_INFINITE, NDP_INFINITE,
					 a->kt.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(b->kt.ctx, b->kt.now, &addr, 64,
					 NDP_INFINITE, NDP_INFINITE,
					 b->kt.out), 0);
	k = ndp_kt_step_until_tx(&a->kt, NDP_ICMP_NS, a->kt.now + 3 * SEC(1));
	KUNIT_ASSERT_GE(test, k, 0);
	m = ndp_kt_expect_frame(a, k, mac, &ndp_unspecified, &sn, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, m[1], 0);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(m + 8, &addr));
	KUNIT_ASSERT_GE(test, len, 32U);
	/* options: a nonce, never an SLLA */
	for (i = 24; i + 8 <= len; i += m[i + 1] * 8) {
		KUNIT_ASSERT_NE(test, m[i + 1], 0);
		KUNIT_EXPECT_NE(test, m[i], NDP_OPT_SLLA);
		if (m[i] == NDP_OPT_NONCE)
			break;
	}
	KUNIT_ASSERT_LT(test, i, len);
	KUNIT_EXPECT_EQ(test, m[i], NDP_OPT_NONCE);

	/* B, tentative on the same address: a duplicate */
	wt_feed(b, a, k);
	ndp_kt_expect_done(b, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&b->kt, NDP_STAT_DAD_FAILED),
			1ULL);
	ndp_kt_run_until(&b->kt, b->kt.now + 5 * SEC(1));
	n = ndp_get_ip(b->kt.ctx, ips, ARRAY_SIZE(ips));
	for (k = 0; k < n && k < (int)ARRAY_SIZE(ips); k++)
		KUNIT_EXPECT_FALSE(test, ndp_ip6_eq(&ips[k], &addr));

	/* A hears its own NS: looped back, not a duplicate */
	k = 0;
	wt_feed(a, a, ndp_kt_find_tx(&a->kt, NDP_ICMP_NS));
	ndp_kt_expect_done(a, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&a->kt, NDP_STAT_DAD_FAILED),
			0ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&a->kt,
						NDP_STAT_DAD_NS_LOOPED), 1ULL);
	ndp_kt_run_until(&a->kt, a->kt.now + 5 * SEC(1));
	n = ndp_get_ip(a->kt.ctx, ips, ARRAY_SIZE(ips));
	for (i = 0; i < (u32)n && i < ARRAY_SIZE(ips); i++)
		k += ndp_ip6_eq(&ips[i], &addr);
	KUNIT_EXPECT_EQ(test, k, 1);
}

/*
 * Address resolution end to end: A sends to B, A's NS goes to B, B's NA
 * comes back, and A transmits the packet it held, to B's MAC.
 */
static void wire_roundtrip_ns_na_send(struct kunit *test)
{
	struct ndp_kt_peer *a = ndp_kt_peer_setup_as(test, NULL, 1, false);
	struct ndp_kt_peer *b = ndp_kt_peer_setup_as(test, NULL, 2, false);
	u8 *pkt_buf, *data;
	struct ndp_ip6 sn;
	struct ndp_pkt pkt;
	u8 mac[NDP_ETH_ALEN];
	const u8 *m;
	u32 len = 0;
	int k;

	a->kt.label = "A";
	b->kt.label = "B";
	pkt_buf = kunit_kzalloc(test, NDP_KT_HEADROOM + 100, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pkt_buf);
	data = pkt_buf + NDP_KT_HEADROOM;
	ndp_kt_put_ip6(data, 6, 60, NDP_NH_UDP, 64, &a->ll, &b->ll);
	memset(data + NDP_IP6_HLEN, 0x33, 60);
	pkt = (struct ndp_pkt){ .handle = pkt_buf, .data = data,
				.len = 100, .tot_len = 100,
				.headroom = NDP_KT_HEADROOM };
	ndp_kt_send(&a->kt, &pkt);
	KUNIT_EXPECT_EQ(test, ndp_kt_handle_seen(a->kt.out, pkt_buf), 0U);

	/* A's NS: multicast to B's solicited-node group, with A's SLLA */
	k = ndp_kt_find_tx(&a->kt, NDP_ICMP_NS);
	KUNIT_ASSERT_GE(test, k, 0);
	ndp_solicited_node(&b->ll, &sn);
	ndp_kt_mcast_mac(&sn, mac);
	m = ndp_kt_expect_frame(a, k, mac, &a->ll, &sn, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, len, 32U);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(m + 8, &b->ll));
	KUNIT_EXPECT_EQ(test, m[24], NDP_OPT_SLLA);
	KUNIT_EXPECT_EQ(test, memcmp(m + 26, a->kt.mac, NDP_ETH_ALEN), 0);

	/* B answers: solicited, override, to A's MAC learned from the SLLA */
	wt_feed(b, a, k);
	ndp_kt_expect_done(b, NDP_DONE_CONSUMED);
	k = ndp_kt_find_tx(&b->kt, NDP_ICMP_NA);
	KUNIT_ASSERT_GE(test, k, 0);
	KUNIT_EXPECT_EQ(test, b->kt.out->n_tx, 1U);
	m = ndp_kt_expect_frame(b, k, a->kt.mac, &b->ll, &a->ll, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, len, 32U);
	KUNIT_EXPECT_EQ(test, m[4], NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(m + 8, &b->ll));
	KUNIT_EXPECT_EQ(test, m[24], NDP_OPT_TLLA);
	KUNIT_EXPECT_EQ(test, memcmp(m + 26, b->kt.mac, NDP_ETH_ALEN), 0);

	/* A: the held packet leaves, to B's MAC, exactly once */
	wt_feed(a, b, k);
	KUNIT_EXPECT_EQ(test, ndp_kt_handle_seen(a->kt.out, pkt_buf), 1U);
	KUNIT_ASSERT_EQ(test, a->kt.out->n_tx, 1U);
	KUNIT_EXPECT_PTR_EQ(test, a->kt.out->tx[0].handle, (void *)pkt_buf);
	KUNIT_EXPECT_EQ(test, memcmp(a->kt.out->tx[0].frame, b->kt.mac,
				     NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, a->kt.out->tx[0].len, 100U + NDP_ETH_HLEN);
}

/* The first RS: to all-routers; from :: without SLLA, or with one. */
static void wire_roundtrip_rs(struct kunit *test)
{
	static const u8 mac[NDP_ETH_ALEN] = { 0x33, 0x33, 0, 0, 0, 2 };
	struct ndp_ip6 rtrs, src;
	struct ndp_kt *t;
	const u8 *m, *ip6;
	struct ndp_kt_peer *w;
	u32 len = 0;
	int k;

	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	t = &w->kt;
	ndp_kt_init(test, t, NULL);
	w->kt.label = "RS";
	w->ll = nf_eui64(&ndp_kt_fe80, t->mac);
	rtrs = ndp_kt_ip(test, "ff02::2");
	k = ndp_kt_step_until_tx(t, NDP_ICMP_RS, t->now + 3 * SEC(1));
	KUNIT_ASSERT_GE(test, k, 0);
	ip6 = ndp_kt_tx_ip6(t, k);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	memcpy(src.b, ip6 + 8, 16);
	m = ndp_kt_expect_frame(w, k, mac, &src, &rtrs, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, m[1], 0);
	KUNIT_EXPECT_EQ(test, ndp_get32(m + 4), 0U);
	if (ndp_ip6_is_unspec(&src)) {
		KUNIT_EXPECT_EQ(test, len, 8U);
	} else {
		KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &w->ll));
		KUNIT_ASSERT_EQ(test, len, 16U);
		KUNIT_EXPECT_EQ(test, m[8], NDP_OPT_SLLA);
		KUNIT_EXPECT_EQ(test, m[9], 1);
		KUNIT_EXPECT_EQ(test, memcmp(m + 10, t->mac, NDP_ETH_ALEN), 0);
	}
}

/*
 * The MLDv2 Report for our solicited-node group: Hop-by-Hop Router Alert,
 * hop limit 1, to ff02::16.  A node listening to ff02::16 takes it.
 */
static void wire_roundtrip_mld_report(struct kunit *test)
{
	static const u8 mac[NDP_ETH_ALEN] = { 0x33, 0x33, 0, 0, 0, 0x16 };
	struct ndp_ip6 mld, src, sn, ll;
	const u8 *m, *ip6, *rec;
	struct ndp_kt_peer *w, *b;
	u32 len = 0, i, n, found = 0;
	int k;

	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	ndp_kt_init(test, &w->kt, NULL);
	w->kt.label = "MLD";
	mld = ndp_kt_ip(test, "ff02::16");
	ll = nf_eui64(&ndp_kt_fe80, w->kt.mac);
	ndp_solicited_node(&ll, &sn);
	k = ndp_kt_step_until_tx(&w->kt, NDP_ICMP_MLD2_REPORT,
				 w->kt.now + 3 * SEC(1));
	KUNIT_ASSERT_GE(test, k, 0);
	ip6 = ndp_kt_tx_ip6(&w->kt, k);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	memcpy(src.b, ip6 + 8, 16);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_is_unspec(&src) ||
			  ndp_ip6_eq(&src, &ll));
	m = ndp_kt_expect_frame(w, k, mac, &src, &mld, 1, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, ip6[6], NDP_NH_HOPOPTS);
	KUNIT_EXPECT_EQ(test, ip6[40], NDP_NH_ICMPV6);
	/* Router Alert somewhere in the Hop-by-Hop options */
	for (i = 42; i < 40 + (ip6[41] + 1) * 8U; i += ip6[i] ? ip6[i + 1] + 2
						 : 1)
		if (ip6[i] == 5 && ip6[i + 1] == 2)
			break;
	KUNIT_EXPECT_LT(test, i, 40 + (ip6[41] + 1) * 8U);
	KUNIT_EXPECT_EQ(test, m[1], 0);
	KUNIT_ASSERT_GE(test, len, 28U);
	n = ndp_get16(m + 6);
	KUNIT_EXPECT_GE(test, n, 1U);
	rec = m + 8;
	for (i = 0; i < n && rec + 20 <= m + len; i++) {
		if (ndp_kt_ip_eq(rec + 4, &sn)) {
			/* a join: CHANGE_TO_EXCLUDE_MODE, no sources */
			KUNIT_EXPECT_EQ(test, rec[0], 4);
			KUNIT_EXPECT_EQ(test, ndp_get16(rec + 2), 0U);
			found++;
		}
		rec += 20 + rec[1] * 4 + ndp_get16(rec + 2) * 16;
	}
	KUNIT_EXPECT_EQ(test, found, 1U);

	/* B listens to ff02::16: the report is parsed and consumed */
	b = ndp_kt_peer_setup_as(test, NULL, 2, false);
	b->kt.label = "B";
	KUNIT_ASSERT_EQ(test, ndp_join_group(b->kt.ctx, b->kt.now, &mld,
					     b->kt.out), 0);
	wt_feed(b, w, k);
	ndp_kt_expect_done(b, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&b->kt, NDP_STAT_RX_ND), 1ULL);
	ndp_kt_expect_only(&b->kt, NDP_STAT_MAX);
}

/*
 * Contexts A (1) and B (2), each with the other in its cache, and a frame
 * from A's peer (B) to A to fill in.
 */
static struct ndp_kt_frame *wt_pair(struct kunit *test,
				    struct ndp_kt_peer **a,
				    struct ndp_kt_peer **b)
{
	*a = ndp_kt_peer_setup_as(test, NULL, 1, true);
	*b = ndp_kt_peer_setup_as(test, NULL, 2, true);
	(*a)->kt.label = "A";
	(*b)->kt.label = "B";
	return ndp_kt_frame_new(*a);
}

/* B pings A; A's reply reaches B as an event. */
static void wire_roundtrip_echo(struct kunit *test)
{
	struct ndp_kt_peer *a, *b;
	const struct ndp_event *ev;
	struct ndp_kt_frame *f;

	f = wt_pair(test, &a, &b);
	ndp_kt_frame_icmp(f, NDP_ICMP_ECHO_REQUEST);
	ndp_kt_send_frame(a, f);
	KUNIT_ASSERT_EQ(test, a->kt.out->n_tx, 1U);
	wt_feed(b, a, 0);
	ev = &b->kt.out->ev;
	KUNIT_ASSERT_TRUE(test, b->kt.out->has_event);
	KUNIT_EXPECT_EQ(test, b->kt.out->n_done, 0U);
	KUNIT_EXPECT_EQ(test, ev->kind, NDP_EV_DEFAULT);
	KUNIT_EXPECT_EQ(test, ev->proto, NDP_NH_ICMPV6);
	KUNIT_EXPECT_EQ(test, ev->l4_off, (u32)NDP_IP6_HLEN);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ev->src, &a->ll));
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ev->dst, &b->ll));
	KUNIT_EXPECT_EQ(test, ndp_kt_pkt(&b->kt)[NDP_IP6_HLEN],
			NDP_ICMP_ECHO_REPLY);
	ndp_kt_expect_only(&b->kt, NDP_STAT_RX_DELIVERED);
}

/* A's Parameter Problem reaches B, the sender, as an event. */
static void wire_roundtrip_param_problem(struct kunit *test)
{
	struct ndp_kt_peer *a, *b;
	const struct ndp_event *ev;
	struct ndp_kt_frame *f;

	f = wt_pair(test, &a, &b);
	ndp_kt_frame_udp(f);
	ndp_kt_ext_routing(a, f, 4, 1);
	ndp_kt_send_frame(a, f);
	KUNIT_ASSERT_EQ(test, a->kt.out->n_tx, 1U);
	ndp_kt_expect_param_prob(a, f, 0, 0, 42, &a->ll);
	wt_feed(b, a, 0);
	ev = &b->kt.out->ev;
	KUNIT_ASSERT_TRUE(test, b->kt.out->has_event);
	KUNIT_EXPECT_EQ(test, ev->kind, NDP_EV_DEFAULT);
	KUNIT_EXPECT_EQ(test, ev->proto, NDP_NH_ICMPV6);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ev->src, &a->ll));
	KUNIT_EXPECT_EQ(test, ndp_kt_pkt(&b->kt)[NDP_IP6_HLEN],
			NDP_ICMP_PARAM_PROB);
	ndp_kt_expect_only(&b->kt, NDP_STAT_RX_DELIVERED);
}

static struct kunit_case wire_roundtrip_cases[] = {
	KUNIT_CASE(wire_roundtrip_dad_ns),
	KUNIT_CASE(wire_roundtrip_ns_na_send),
	KUNIT_CASE(wire_roundtrip_rs),
	KUNIT_CASE(wire_roundtrip_mld_report),
	KUNIT_CASE(wire_roundtrip_echo),
	KUNIT_CASE(wire_roundtrip_param_problem),
	{}
};

static struct kunit_suite wire_roundtrip_suite = {
	.name = "ndpv6_wire_roundtrip",
	.test_cases = wire_roundtrip_cases,
};

kunit_test_suites(&wire_roundtrip_suite);
