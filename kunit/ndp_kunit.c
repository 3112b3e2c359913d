// SPDX-License-Identifier: GPL-2.0
/*
 * Shared fixture and frame builders for the core's KUnit suites.
 */
#include <linux/inet.h>
#include "ndp_kunit.h"

void ndp_kt_random(void *opaque, void *buf, u32 len)
{
	struct ndp_kt *t = opaque;
	u8 *p = buf;
	u32 i;

	for (i = 0; i < len; i++) {
		t->rng ^= t->rng << 13;
		t->rng ^= t->rng >> 7;
		t->rng ^= t->rng << 17;
		p[i] = (u8)(t->rng >> 24);
	}
}

void ndp_kt_init(struct kunit *test, struct ndp_kt *t,
		 const struct ndp_config *cfg)
{
	static const u8 mac[NDP_ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };
	size_t size;
	void *mem;

	memset(t, 0, sizeof(*t));
	t->test = test;
	t->rng = 0x9e3779b97f4a7c15ULL;
	t->now = NDP_NSEC_PER_SEC;
	memcpy(t->mac, mac, sizeof(mac));
	if (cfg)
		t->cfg = *cfg;
	else
		ndp_config_default(&t->cfg);
	size = ndp_ctx_size(&t->cfg);
	KUNIT_ASSERT_GT(test, size, (size_t)0);
	mem = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, mem);
	t->out = kunit_kzalloc(test, sizeof(*t->out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->out);
	t->buf = kunit_kzalloc(test, NDP_KT_HEADROOM + 2048, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->buf);
	t->stats0 = kunit_kcalloc(test, NDP_STAT_MAX, sizeof(u64), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->stats0);
	t->seen = kunit_kcalloc(test, 256, sizeof(u32), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->seen);
	ndp_out_reset(t->out);
	t->ctx = ndp_local(mem, size, &t->cfg, t->mac, t->now, ndp_kt_random,
			   t, t->out);
	KUNIT_ASSERT_NOT_NULL(test, t->ctx);
	ndp_kt_snap(t);
}

void ndp_kt_init_mem(struct kunit *test, struct ndp_kt *t,
		     const struct ndp_config *cfg, void *mem, size_t size)
{
	static const u8 mac[NDP_ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };

	memset(t, 0, sizeof(*t));
	t->test = test;
	t->rng = 0x9e3779b97f4a7c15ULL;
	t->now = NDP_NSEC_PER_SEC;
	memcpy(t->mac, mac, sizeof(mac));
	t->cfg = *cfg;
	KUNIT_ASSERT_GT(test, ndp_ctx_size(&t->cfg), (size_t)0);
	KUNIT_ASSERT_GE(test, size, ndp_ctx_size(&t->cfg));
	t->out = kunit_kzalloc(test, sizeof(*t->out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->out);
	t->buf = kunit_kzalloc(test, NDP_KT_HEADROOM + 2048, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->buf);
	t->stats0 = kunit_kcalloc(test, NDP_STAT_MAX, sizeof(u64), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->stats0);
	t->seen = kunit_kcalloc(test, 256, sizeof(u32), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->seen);
	ndp_out_reset(t->out);
	t->ctx = ndp_local(mem, size, &t->cfg, t->mac, t->now, ndp_kt_random,
			   t, t->out);
	KUNIT_ASSERT_NOT_NULL(test, t->ctx);
	ndp_kt_snap(t);
}

struct ndp_ip6 ndp_kt_ip(struct kunit *test, const char *s)
{
	struct ndp_ip6 a = {};

	KUNIT_ASSERT_EQ_MSG(test, in6_pton(s, -1, a.b, -1, NULL), 1,
			    "bad address %s", s);
	return a;
}

u32 ndp_kt_build_icmp(struct ndp_kt *t, const struct ndp_ip6 *src,
		      const struct ndp_ip6 *dst, u8 hop_limit,
		      const u8 *icmp, u32 len)
{
	u8 *ip6 = ndp_kt_pkt(t);
	u8 *m = ip6 + NDP_IP6_HLEN;

	KUNIT_ASSERT_LE(t->test, len, 2048U - NDP_IP6_HLEN);
	ndp_write_ip6(ip6, src, dst, NDP_NH_ICMPV6, hop_limit, (u16)len);
	memmove(m, icmp, len);
	m[2] = 0;
	m[3] = 0;
	ndp_put16(m + 2, ndp_icmp_csum(src, dst, m, len));
	return NDP_IP6_HLEN + len;
}

u32 ndp_kt_ns(u8 *m, const struct ndp_ip6 *target)
{
	memset(m, 0, 24);
	m[0] = NDP_ICMP_NS;
	memcpy(m + 8, target->b, 16);
	return 24;
}

u32 ndp_kt_na(u8 *m, u8 flags, const struct ndp_ip6 *target)
{
	memset(m, 0, 24);
	m[0] = NDP_ICMP_NA;
	m[4] = flags;
	memcpy(m + 8, target->b, 16);
	return 24;
}

u32 ndp_kt_rs(u8 *m)
{
	memset(m, 0, 8);
	m[0] = NDP_ICMP_RS;
	return 8;
}

u32 ndp_kt_ra(u8 *m, u8 hop_limit, u8 flags, u16 router_lifetime_s,
	      u32 reachable_ms, u32 retrans_ms)
{
	memset(m, 0, 16);
	m[0] = NDP_ICMP_RA;
	m[4] = hop_limit;
	m[5] = flags;
	ndp_put16(m + 6, router_lifetime_s);
	ndp_put32(m + 8, reachable_ms);
	ndp_put32(m + 12, retrans_ms);
	return 16;
}

u32 ndp_kt_opt_lla(u8 *p, u8 type, const u8 *mac)
{
	p[0] = type;
	p[1] = 1;
	memcpy(p + 2, mac, NDP_ETH_ALEN);
	return 8;
}

u32 ndp_kt_opt_pio(u8 *p, const struct ndp_ip6 *prefix, u8 plen, u8 flags,
		   u32 valid_s, u32 preferred_s)
{
	memset(p, 0, 32);
	p[0] = NDP_OPT_PIO;
	p[1] = 4;
	p[2] = plen;
	p[3] = flags;
	ndp_put32(p + 4, valid_s);
	ndp_put32(p + 8, preferred_s);
	memcpy(p + 16, prefix->b, 16);
	return 32;
}

u32 ndp_kt_opt_mtu(u8 *p, u32 mtu)
{
	memset(p, 0, 8);
	p[0] = NDP_OPT_MTU;
	p[1] = 1;
	ndp_put32(p + 4, mtu);
	return 8;
}

u32 ndp_kt_opt_nonce(u8 *p, const u8 *nonce6)
{
	p[0] = NDP_OPT_NONCE;
	p[1] = 1;
	memcpy(p + 2, nonce6, NDP_NONCE_LEN);
	return 8;
}

void ndp_kt_snap(struct ndp_kt *t)
{
	memcpy(t->stats0, ndp_stats(t->ctx), NDP_STAT_MAX * sizeof(u64));
}

void ndp_kt_handle_pkt(struct ndp_kt *t, u8 *ip6, u32 len, void *handle)
{
	struct ndp_pkt pkt = {
		.handle = handle,
		.data = ip6,
		.len = len,
		.tot_len = len,
		.headroom = NDP_ETH_HLEN,
	};

	ndp_out_reset(t->out);
	ndp_kt_snap(t);
	ndp_handle(t->ctx, t->now, &pkt, t->out);
}

void ndp_kt_handle(struct ndp_kt *t, u32 len)
{
	ndp_kt_handle_pkt(t, ndp_kt_pkt(t), len, t);
}

void ndp_kt_tick(struct ndp_kt *t, s64 now)
{
	t->now = now;
	ndp_out_reset(t->out);
	ndp_kt_snap(t);
	ndp_tick(t->ctx, now, t->out);
}

u64 ndp_kt_stat_delta(const struct ndp_kt *t, enum ndp_stat s)
{
	return ndp_stats(t->ctx)[s] - t->stats0[s];
}

void ndp_kt_expect_only(struct ndp_kt *t, enum ndp_stat except)
{
	unsigned int i;

	for (i = 0; i < NDP_STAT_MAX; i++) {
		if (i == except || i == NDP_STAT_RX_PACKETS ||
		    i == NDP_STAT_RX_ND || i == NDP_STAT_RX_DELIVERED ||
		    i == NDP_STAT_RX_ECHO || i == NDP_STAT_TX_PACKETS)
			continue;
		KUNIT_EXPECT_EQ_MSG(t->test, ndp_kt_stat_delta(t, i), 0ULL,
				    "counter %s moved", ndp_stat_name(i));
	}
}

const u8 *ndp_kt_tx_ip6(struct ndp_kt *t, u32 i)
{
	const struct ndp_tx *tx;
	const u8 *ip6;
	u32 len, off, plen;

	if (i >= t->out->n_tx)
		return NULL;
	tx = &t->out->tx[i];
	KUNIT_EXPECT_GE(t->test, tx->len, (u32)(NDP_ETH_HLEN + NDP_IP6_HLEN));
	KUNIT_EXPECT_EQ(t->test, ndp_get16(tx->frame + 12), 0x86dd);
	ip6 = tx->frame + NDP_ETH_HLEN;
	len = tx->len - NDP_ETH_HLEN;
	plen = ndp_get16(ip6 + 4);
	KUNIT_EXPECT_EQ(t->test, NDP_IP6_HLEN + plen, len);
	off = NDP_IP6_HLEN;
	if (ip6[6] == NDP_NH_HOPOPTS)
		off += (ip6[off + 1] + 1) * 8;
	if ((ip6[6] == NDP_NH_ICMPV6 || ip6[off - 8] == NDP_NH_ICMPV6) &&
	    !tx->handle) {
		struct ndp_ip6 s, d;

		ndp_ipaddr_of_cstruct(ip6 + 8, &s);
		ndp_ipaddr_of_cstruct(ip6 + 24, &d);
		KUNIT_EXPECT_EQ_MSG(t->test,
				    ndp_icmp_csum(&s, &d, ip6 + off, len - off),
				    0, "bad ICMPv6 checksum in frame %u", i);
	}
	return ip6;
}

const u8 *ndp_kt_tx_icmp(struct ndp_kt *t, u32 i, u32 *len)
{
	const u8 *ip6 = ndp_kt_tx_ip6(t, i);
	u32 off = NDP_IP6_HLEN;
	u8 nh;

	if (!ip6)
		return NULL;
	nh = ip6[6];
	if (nh == NDP_NH_HOPOPTS) {
		nh = ip6[off];
		off += (ip6[off + 1] + 1) * 8;
	}
	if (nh != NDP_NH_ICMPV6)
		return NULL;
	if (len)
		*len = NDP_IP6_HLEN + ndp_get16(ip6 + 4) - off;
	return ip6 + off;
}

int ndp_kt_tx_icmp_type(struct ndp_kt *t, u32 i)
{
	const u8 *m = ndp_kt_tx_icmp(t, i, NULL);

	return m ? m[0] : -1;
}

int ndp_kt_find_tx(struct ndp_kt *t, int type)
{
	u32 i;

	for (i = 0; i < t->out->n_tx; i++)
		if (ndp_kt_tx_icmp_type(t, i) == type)
			return i;
	return -1;
}

u32 ndp_kt_count_tx(struct ndp_kt *t, int type)
{
	u32 i, n = 0;

	for (i = 0; i < t->out->n_tx; i++)
		n += ndp_kt_tx_icmp_type(t, i) == type;
	return n;
}

void ndp_kt_run_until(struct ndp_kt *t, s64 until)
{
	unsigned int guard;
	s64 next;
	u32 i;
	int ty;

	memset(t->seen, 0, 256 * sizeof(u32));
	t->seen_frames = 0;
	for (guard = 0; guard < 100000; guard++) {
		next = ndp_next_deadline(t->ctx);
		if (next < t->now)
			next = t->now;
		if (next > until)
			break;
		ndp_kt_tick(t, next);
		for (i = 0; i < t->out->n_tx; i++) {
			ty = ndp_kt_tx_icmp_type(t, i);
			if (ty >= 0)
				t->seen[ty]++;
			t->seen_frames++;
		}
		if (ndp_next_deadline(t->ctx) <= next && t->out->n_tx == 0) {
			KUNIT_FAIL(t->test, "deadline %lld not cleared by tick",
				   next);
			break;	/* would spin: a deadline that tick ignores */
		}
	}
	KUNIT_EXPECT_LT_MSG(t->test, guard, 100000U, "tick loop did not settle");
	t->now = until;
}
