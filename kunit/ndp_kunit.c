// SPDX-License-Identifier: GPL-2.0
/*
 * Shared fixture of the core's KUnit suites: see ndp_kunit.h.
 */
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

/* Every init: context number @me of the link, in @mem or test-managed. */
static void kt_init(struct kunit *test, struct ndp_kt *t,
		    const struct ndp_config *cfg, void *mem, size_t size, u8 me)
{
	static const u8 mac[NDP_ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };

	memset(t, 0, sizeof(*t));
	t->test = test;
	t->rng = 0x9e3779b97f4a7c15ULL;
	t->now = NDP_NSEC_PER_SEC;
	memcpy(t->mac, mac, sizeof(mac));
	if (me != 1) {
		/* another MAC and another random stream */
		t->mac[5] = me;
		t->rng ^= 0x5deece66dULL * me;
	}
	if (cfg)
		t->cfg = *cfg;
	else
		ndp_config_default(&t->cfg);
	KUNIT_ASSERT_GT(test, ndp_ctx_size(&t->cfg), (size_t)0);
	if (!mem) {
		size = ndp_ctx_size(&t->cfg);
		mem = kunit_kzalloc(test, size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, mem);
	}
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

void ndp_kt_init_mem(struct kunit *test, struct ndp_kt *t,
		     const struct ndp_config *cfg, void *mem, size_t size)
{
	kt_init(test, t, cfg, mem, size, 1);
}

void ndp_kt_init(struct kunit *test, struct ndp_kt *t,
		 const struct ndp_config *cfg)
{
	kt_init(test, t, cfg, NULL, 0, 1);
}

void ndp_kt_init_as(struct kunit *test, struct ndp_kt *t,
		    const struct ndp_config *cfg, u8 me)
{
	kt_init(test, t, cfg, NULL, 0, me);
}

struct ndp_ip6 ndp_kt_ip(struct kunit *test, const char *s)
{
	struct ndp_ip6 a;

	KUNIT_ASSERT_EQ_MSG(test, nf_pton(s, &a), 0, "bad address %s", s);
	return a;
}

u32 ndp_kt_build_icmp(struct ndp_kt *t, const struct ndp_ip6 *src,
		      const struct ndp_ip6 *dst, u8 hop_limit,
		      const u8 *icmp, u32 len)
{
	KUNIT_ASSERT_LE(t->test, len, 2048U - NDP_IP6_HLEN);
	return nf_icmp(ndp_kt_pkt(t), src, dst, hop_limit, icmp, len);
}

u32 ndp_kt_bad_dstopts(struct ndp_kt *t, const struct ndp_ip6 *src,
		       const struct ndp_ip6 *dst)
{
	u8 *ip6 = ndp_kt_pkt(t);

	ndp_write_ip6(ip6, src, dst, NDP_NH_DSTOPTS, 64, 8);
	memset(ip6 + NDP_IP6_HLEN, 0, 8);
	ip6[NDP_IP6_HLEN] = NDP_NH_NONE;
	ip6[NDP_IP6_HLEN + 2] = 0x80;	/* unknown, action 10 */
	ip6[NDP_IP6_HLEN + 3] = 4;
	return NDP_IP6_HLEN + 8;
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

int ndp_kt_send_pkt(struct ndp_kt *t, const struct ndp_ip6 *dst,
		    struct ndp_pkt *pkt, u32 flags)
{
	ndp_out_reset(t->out);
	ndp_kt_snap(t);
	return ndp_send(t->ctx, t->now, dst, pkt, flags, t->out);
}

struct ndp_pkt *ndp_kt_cpkt(struct ndp_kt *t, struct ndp_kt_cpkt *p,
			    const struct ndp_ip6 *dst,
			    const struct ndp_ip6 *src, u8 id)
{
	u8 *ip6 = p->buf + NDP_KT_HEADROOM;
	struct ndp_ip6 s;

	if (src)
		s = *src;
	else if (ndp_select_source(t->ctx, dst, &s))
		s = ndp_unspecified;
	memset(p->buf, 0, sizeof(p->buf));
	ndp_write_ip6(ip6, &s, dst, NDP_NH_UDP, 64, 8);
	ip6[NDP_KT_CPKT_LEN - 1] = id;
	p->pkt = (struct ndp_pkt){ .handle = p, .data = ip6,
				   .len = NDP_KT_CPKT_LEN,
				   .tot_len = NDP_KT_CPKT_LEN,
				   .headroom = NDP_KT_HEADROOM };
	return &p->pkt;
}

const struct ndp_tx *ndp_kt_txd(struct ndp_kt *t, const void *handle)
{
	u32 i;

	for (i = 0; i < t->out->n_tx; i++)
		if (t->out->tx[i].handle == handle)
			return &t->out->tx[i];
	return NULL;
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

void ndp_kt_expect_only_n(struct ndp_kt *t, const enum ndp_stat *ok, u32 n)
{
	unsigned int i;
	u32 k;

	for (i = 0; i < NDP_STAT_MAX; i++) {
		if (i == NDP_STAT_RX_PACKETS || i == NDP_STAT_RX_ND ||
		    i == NDP_STAT_RX_ECHO || i == NDP_STAT_TX_PACKETS ||
		    i == NDP_STAT_RA_USEROPT)
			continue;
		for (k = 0; k < n && ok[k] != i; k++)
			;
		if (k < n)
			continue;
		KUNIT_EXPECT_EQ_MSG(t->test, ndp_kt_stat_delta(t, i), 0ULL,
				    "%s%scounter %s moved",
				    t->label ? t->label : "",
				    t->label ? ": " : "", ndp_stat_name(i));
	}
}

/* Is @ip among the (at most 32) addresses @get returns? */
static bool ndp_kt_in(struct ndp_kt *t, const struct ndp_ip6 *ip,
		      int (*get)(const struct ndp_ctx *ctx,
				 struct ndp_ip6 *ips, int max))
{
	struct ndp_ip6 ips[32];
	int i, n = get(t->ctx, ips, ARRAY_SIZE(ips));

	for (i = 0; i < n && i < (int)ARRAY_SIZE(ips); i++)
		if (ndp_ip6_eq(&ips[i], ip))
			return true;
	return false;
}

bool ndp_kt_has_ip(struct ndp_kt *t, const struct ndp_ip6 *ip)
{
	return ndp_kt_in(t, ip, ndp_get_ip);
}

bool ndp_kt_has_router(struct ndp_kt *t, const struct ndp_ip6 *ip)
{
	return ndp_kt_in(t, ip, ndp_get_routers);
}

u32 ndp_kt_count_notes(struct ndp_kt *t, enum ndp_note_kind kind)
{
	u32 i, n = 0;

	for (i = 0; i < t->out->n_notes; i++)
		n += t->out->notes[i].kind == kind;
	return n;
}

bool ndp_kt_router_info(struct ndp_kt *t, const struct ndp_ip6 *ip,
			struct ndp_router_info *ri)
{
	u32 pos = 0;

	while (ndp_router_next(t->ctx, t->now, &pos, ri))
		if (ndp_ip6_eq(&ri->addr, ip))
			return true;
	return false;
}

void ndp_kt_expect_next_hop(struct ndp_kt *t, const struct ndp_ip6 *dst,
			    const struct ndp_ip6 *want)
{
	struct ndp_ip6 nh;

	KUNIT_ASSERT_EQ(t->test, ndp_next_hop(t->ctx, dst, &nh), 0);
	KUNIT_EXPECT_TRUE(t->test, ndp_ip6_eq(&nh, want));
}

int ndp_kt_prefix_len(struct ndp_kt *t, const struct ndp_ip6 *pfx)
{
	struct ndp_prefix_info pi;
	u32 pos = 0;

	while (ndp_prefix_next(t->ctx, t->now, &pos, &pi))
		if (ndp_ip6_eq(&pi.pfx.addr, pfx))
			return pi.pfx.len;
	return -1;
}

int ndp_kt_note(struct ndp_kt *t, enum ndp_note_kind kind,
		const struct ndp_ip6 *addr)
{
	const struct ndp_note *n;
	u32 i;

	for (i = 0; i < t->out->n_notes; i++) {
		n = &t->out->notes[i];
		if (n->kind == kind && (!addr || ndp_ip6_eq(&n->addr, addr)))
			return i;
	}
	return -1;
}

const struct ndp_note *ndp_kt_find_note(struct ndp_kt *t,
					enum ndp_note_kind kind,
					const struct ndp_ip6 *addr)
{
	int i = ndp_kt_note(t, kind, addr);

	return i < 0 ? NULL : &t->out->notes[i];
}

int ndp_kt_done_reason(struct ndp_kt *t, const void *handle)
{
	u32 i;

	for (i = 0; i < t->out->n_done; i++)
		if (t->out->done[i].handle == handle)
			return t->out->done[i].reason;
	return -1;
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

void ndp_kt_run_until_each(struct ndp_kt *t, s64 until,
			   void (*each)(struct ndp_kt *t, void *arg), void *arg)
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
		if (each)
			each(t, arg);
		if (ndp_next_deadline(t->ctx) <= next && t->out->n_tx == 0) {
			KUNIT_FAIL(t->test, "deadline %lld not cleared by tick",
				   next);
			break;	/* would spin: a deadline that tick ignores */
		}
	}
	KUNIT_EXPECT_LT_MSG(t->test, guard, 100000U,
			    "tick loop did not settle");
	t->now = until;
}

void ndp_kt_run_until(struct ndp_kt *t, s64 until)
{
	ndp_kt_run_until_each(t, until, NULL, NULL);
}
