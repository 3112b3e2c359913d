// SPDX-License-Identifier: GPL-2.0
/*
 * Shared fixture, addresses: what the suites of our addresses, DAD, MLD,
 * SLAAC and source selection (addr, mld, slaac, srcsel) have in common.
 * See ndp_kunit.h.
 */
#include "ndp_kunit_rtr.h"

/* fe80::ff:fe00:1, from 02:00:00:00:00:01 */
const struct ndp_ip6 ndp_kt_ll = {
	.b = { 0xfe, 0x80, [11] = 0xff, [12] = 0xfe, [15] = 0x01 }
};

/* ff02::1:ff00:1 */
const struct ndp_ip6 ndp_kt_ll_sn = {
	.b = { 0xff, 0x02, [11] = 0x01, [12] = 0xff, [15] = 0x01 }
};

const u8 ndp_kt_nbr_mac[NDP_ETH_ALEN] = { 0x02, 0xbb, 0, 0, 0, 0x02 };

void ndp_kt_init_host(struct kunit *test, struct ndp_kt *t,
		      u8 dad_transmits)
{
	struct ndp_config cfg;

	ndp_config_default(&cfg);
	cfg.rtr_solicits = 0;
	cfg.dad_transmits = dad_transmits;
	ndp_kt_init(test, t, &cfg);
}

void ndp_kt_init_joined(struct kunit *test, struct ndp_kt *t,
			const struct ndp_ip6 *grp)
{
	ndp_kt_init_host(test, t, 1);
	KUNIT_ASSERT_EQ(test, ndp_join_group(t->ctx, t->now, grp, t->out), 0);
	ndp_kt_settle(t);
}

/* Tick at the next deadline (never before t->now); returns that time. */
s64 ndp_kt_step(struct ndp_kt *t)
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
int ndp_kt_step_until_tx(struct ndp_kt *t, int type, s64 until)
{
	int guard, i;

	for (guard = 0; guard < 1000; guard++) {
		if (ndp_next_deadline(t->ctx) > until)
			return -1;
		ndp_kt_step(t);
		i = ndp_kt_find_tx(t, type);
		if (i >= 0)
			return i;
	}
	return -1;
}

/* The table entry for @ip; false if absent. */
bool ndp_kt_addr_info(struct ndp_kt *t, const struct ndp_ip6 *ip,
		      struct ndp_addr_info *ai)
{
	u32 pos = 0;

	while (ndp_addr_next(t->ctx, t->now, &pos, ai))
		if (ndp_ip6_eq(&ai->addr, ip))
			return true;
	return false;
}

int ndp_kt_addr_state(struct ndp_kt *t, const struct ndp_ip6 *ip)
{
	struct ndp_addr_info ai;

	return ndp_kt_addr_info(t, ip, &ai) ? ai.state : -1;
}

/* Let the link-local address pass DAD and every Report go out. */
void ndp_kt_settle(struct ndp_kt *t)
{
	ndp_kt_run_until(t, t->now + SEC(5));
	KUNIT_ASSERT_EQ(t->test, ndp_kt_addr_state(t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
}

/*
 * Check MLDv2 Report frame @i: Ethernet to 33:33:00:00:00:16 from our MAC,
 * IPv6 from @src to ff02::16 with hop limit 1, a Hop-by-Hop Router Alert,
 * @nrec records.  Returns the ICMPv6 message.
 */
const u8 *ndp_kt_expect_report(struct ndp_kt *t, int i,
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
int ndp_kt_record(const u8 *m, const struct ndp_ip6 *grp)
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

/*
 * Does output frame @i speak of @grp as @type, from @src (NULL: any)?  An
 * MLDv1 message is a record of its own ICMPv6 type: never an MLDv2 one.
 */
static bool kt_has_record(struct ndp_kt *t, u32 i, const struct ndp_ip6 *grp,
			  int type, const struct ndp_ip6 *src)
{
	const u8 *m = ndp_kt_tx_icmp(t, i, NULL);

	if (!m || (src && !ndp_kt_ip_eq(ndp_kt_tx_ip6(t, i) + 8, src)))
		return false;
	if (m[0] == NDP_ICMP_MLD2_REPORT)
		return ndp_kt_record(m, grp) == type;
	return (m[0] == NDP_ICMP_MLD1_REPORT || m[0] == NDP_ICMP_MLD1_DONE) &&
	       m[0] == type && ndp_kt_ip_eq(m + 8, grp);
}

int ndp_kt_find_record(struct ndp_kt *t, const struct ndp_ip6 *grp, int type)
{
	u32 i;

	for (i = 0; i < t->out->n_tx; i++)
		if (kt_has_record(t, i, grp, type, NULL))
			return i;
	return -1;
}

u32 ndp_kt_count_records(struct ndp_kt *t, const struct ndp_ip6 *grp,
			 int type, const struct ndp_ip6 *src)
{
	u32 i, n = 0;

	for (i = 0; i < t->out->n_tx; i++)
		n += kt_has_record(t, i, grp, type, src);
	return n;
}

u32 ndp_kt_run_count_records(struct ndp_kt *t, s64 until,
			     const struct ndp_ip6 *grp, int type)
{
	u32 n = 0;
	int guard;

	for (guard = 0; guard < 1000 && ndp_kt_step_before(t, until); guard++)
		n += ndp_kt_count_records(t, grp, type, NULL);
	t->now = until;
	return n;
}

/* A DAD NS (from ::, to the solicited-node group) for @target. */
u32 ndp_kt_dad_ns(struct ndp_kt *t, const struct ndp_ip6 *target,
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

u32 ndp_kt_ns(struct ndp_kt *t, const struct ndp_ip6 *src,
	      const struct ndp_ip6 *dst, const struct ndp_ip6 *target,
	      const u8 *slla)
{
	u8 m[32];
	u32 len = nf_ns(m, target);

	if (slla)
		len += nf_opt_lla(m + len, NDP_OPT_SLLA, slla);
	return ndp_kt_build_icmp(t, src, dst, 255, m, len);
}

u32 ndp_kt_na(struct ndp_kt *t, const struct ndp_ip6 *src,
	      const struct ndp_ip6 *dst, const struct ndp_ip6 *target,
	      u8 flags, const u8 *tlla)
{
	u8 m[32];
	u32 len = nf_na(m, flags, target);

	if (tlla)
		len += nf_opt_lla(m + len, NDP_OPT_TLLA, tlla);
	return ndp_kt_build_icmp(t, src, dst, 255, m, len);
}

/* The DAD NS frame @i for @target: returns its nonce. */
const u8 *ndp_kt_expect_dad_ns(struct ndp_kt *t, int i,
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

/* An RA frame with a /64 PIO, A=1: a SLAAC address, DAD, then valid */
u32 ndp_kt_ra_pio(struct ndp_kt *t, const struct ndp_ip6 *prefix, u8 plen,
		  u32 valid_s, u32 preferred_s)
{
	struct ndp_ip6 rtr = ndp_kt_ip(t->test, "fe80::1");
	struct kt_ra r;

	ra_begin(&r, 64, 1800, 0, 0);
	ra_slla(&r, rtr1_mac);
	ra_pio(&r, prefix, plen, NDP_PIO_FLAG_L | NDP_PIO_FLAG_A, valid_s,
	       preferred_s);
	return ra_build(t, &r, &rtr);
}

/* Tick at the next deadline if it is no later than @until. */
bool ndp_kt_step_before(struct ndp_kt *t, s64 until)
{
	if (ndp_next_deadline(t->ctx) > until)
		return false;
	ndp_kt_step(t);
	return true;
}

/* Tell the core the link went down or came back: no frame from the call. */
void ndp_kt_link(struct ndp_kt *t, bool up)
{
	ndp_out_reset(t->out);
	ndp_kt_snap(t);
	ndp_link_change(t->ctx, t->now, up, t->out);
	KUNIT_EXPECT_EQ(t->test, t->out->n_tx, 0U);
}

void ndp_kt_expect_mld1(struct ndp_kt *t, int i, u8 type,
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

bool ndp_kt_mld_v1(struct ndp_kt *t)
{
	struct ndp_params par;

	ndp_get_params(t->ctx, &par);
	return par.mld_v1;
}

u32 ndp_kt_query(struct ndp_kt *t, const struct ndp_ip6 *src,
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
