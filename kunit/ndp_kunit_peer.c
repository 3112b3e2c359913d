// SPDX-License-Identifier: GPL-2.0
/*
 * Shared fixture, a context and its neighbour: frames described field by
 * field and rendered byte by byte, for the rx and wire suites.  See
 * ndp_kunit.h.
 */
#include "ndp_kunit.h"

const struct ndp_ip6 ndp_kt_fe80 = { .b = { 0xfe, 0x80 } };

struct ndp_ip6 ndp_kt_peer_ip(struct ndp_kt_peer *w, const char *s)
{
	return ndp_kt_ip(w->kt.test, s);
}

bool ndp_kt_ip_eq(const u8 *p, const struct ndp_ip6 *ip)
{
	return !memcmp(p, ip->b, 16);
}

void ndp_kt_put_ip6(u8 *p, u8 version, u16 plen, u8 nh, u8 hop,
		    const struct ndp_ip6 *src, const struct ndp_ip6 *dst)
{
	p[0] = version << 4;
	p[1] = 0;
	p[2] = 0;
	p[3] = 0;
	p[4] = plen >> 8;
	p[5] = plen & 0xff;
	p[6] = nh;
	p[7] = hop;
	memcpy(p + 8, src->b, 16);
	memcpy(p + 24, dst->b, 16);
}

/* Hand the packet at the fixture's buffer to the core, handle = @w. */
void ndp_kt_handle_len(struct ndp_kt_peer *w, u32 len, u32 tot_len)
{
	struct ndp_pkt pkt = {
		.handle = NDP_KT_HANDLE(w),
		.data = ndp_kt_pkt(&w->kt),
		.len = len,
		.tot_len = tot_len,
		.headroom = NDP_KT_HEADROOM,
		.flags = w->pkt_flags,
	};

	ndp_out_reset(w->kt.out);
	ndp_kt_snap(&w->kt);
	ndp_handle(w->kt.ctx, w->kt.now, &pkt, w->kt.out);
}

/* ICMPv6 message of output frame @i, its checksum checked twice. */
const u8 *ndp_kt_tx_icmp_checked(struct ndp_kt_peer *w, u32 i, u32 *len)
{
	const u8 *ip6 = ndp_kt_tx_ip6(&w->kt, i);
	struct ndp_ip6 s, d;
	const u8 *m;

	m = ndp_kt_tx_icmp(&w->kt, i, len);
	if (!ip6 || !m)
		return NULL;
	memcpy(s.b, ip6 + 8, 16);
	memcpy(d.b, ip6 + 24, 16);
	KUNIT_EXPECT_EQ_MSG(w->kt.test,
			    nf_l4_csum(&s, &d, NDP_NH_ICMPV6, m, *len), 0,
			    "%s: frame %u checksum", w->kt.label, i);
	return m;
}

/* The handle came back exactly once: in the done list, for @reason. */
void ndp_kt_expect_done(struct ndp_kt_peer *w, enum ndp_done_reason reason)
{
	struct kunit *test = w->kt.test;
	struct ndp_out *out = w->kt.out;

	KUNIT_EXPECT_FALSE_MSG(test, out->has_event, "%s: event", w->kt.label);
	KUNIT_ASSERT_EQ_MSG(test, out->n_done, 1U, "%s: done", w->kt.label);
	KUNIT_EXPECT_PTR_EQ_MSG(test, out->done[0].handle, NDP_KT_HANDLE(w),
				"%s: done handle", w->kt.label);
	KUNIT_EXPECT_EQ_MSG(test, out->done[0].reason, (u8)reason,
			    "%s: reason %s", w->kt.label,
			    ndp_done_reason_name(out->done[0].reason));
}

/*
 * Context number @me (1 or 2): MAC 02:00:00:00:00:0@me, 2001:db8::@me; its
 * peer is the other one.  @learn: the peer's NS puts it in the cache.
 */
struct ndp_kt_peer *ndp_kt_peer_setup_as(struct kunit *test,
					 const struct ndp_config *cfg, u8 me,
					 bool learn)
{
	u8 other = me == 1 ? 2 : 1;
	struct ndp_ip6 ips[4];
	struct ndp_kt *t;
	struct ndp_kt_peer *w;
	int n, i;

	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	t = &w->kt;
	ndp_kt_init_as(test, t, cfg, me);
	w->kt.label = "setup";
	memcpy(w->peer_mac, t->mac, NDP_ETH_ALEN);
	w->peer_mac[5] = other;
	w->ll = nf_eui64(&ndp_kt_fe80, t->mac);
	w->peer = nf_eui64(&ndp_kt_fe80, w->peer_mac);
	w->glob = ndp_kt_peer_ip(w, "2001:db8::");
	w->glob.b[15] = me;
	w->peer_glob = w->glob;
	w->peer_glob.b[15] = other;
	ndp_solicited_node(&w->ll, &w->sn);
	w->all_nodes = ndp_kt_peer_ip(w, "ff02::1");

	KUNIT_ASSERT_EQ(test, ndp_add_ip(t->ctx, t->now, &w->glob, 64,
					 NDP_INFINITE, NDP_INFINITE, t->out),
			0);
	ndp_kt_run_until(t, t->now + 5 * SEC(1));
	n = ndp_get_ip(t->ctx, ips, ARRAY_SIZE(ips));
	KUNIT_ASSERT_EQ_MSG(test, n, 2, "link-local and global valid");
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ips[i], &w->ll) ||
				  ndp_ip6_eq(&ips[i], &w->glob));
	if (learn)
		ndp_kt_learn_peer(w);
	return w;
}

struct ndp_kt_peer *ndp_kt_peer_setup(struct kunit *test,
				      const struct ndp_config *cfg)
{
	return ndp_kt_peer_setup_as(test, cfg, 1, true);
}

struct ndp_kt_frame *ndp_kt_frame_new(struct ndp_kt_peer *w)
{
	struct ndp_kt_frame *f;

	f = kunit_kzalloc(w->kt.test, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(w->kt.test, f);
	f->version = 6;
	f->hop_limit = 64;
	f->src = w->peer;
	f->dst = w->ll;
	return f;
}

/* Append an extension header of @len bytes (Hdr Ext Len filled in). */
u8 *ndp_kt_ext(struct ndp_kt_peer *w, struct ndp_kt_frame *f, u8 type, u32 len)
{
	u8 *h = f->ext + f->ext_len;

	KUNIT_ASSERT_LT(w->kt.test, f->n_ext, (u32)NDP_KT_MAX_EXT);
	KUNIT_ASSERT_LE(w->kt.test, f->ext_len + len, (u32)sizeof(f->ext));
	memset(h, 0, len);
	if (type != NDP_NH_FRAGMENT)
		h[1] = len / 8 - 1;
	f->ext_type[f->n_ext] = type;
	f->ext_off[f->n_ext] = NDP_IP6_HLEN + f->ext_len;
	f->n_ext++;
	f->ext_len += len;
	return h;
}

u8 *ndp_kt_ext_routing(struct ndp_kt_peer *w, struct ndp_kt_frame *f, u8 rtype,
		       u8 segs_left)
{
	u8 *h = ndp_kt_ext(w, f, NDP_NH_ROUTING, 8);

	h[2] = rtype;
	h[3] = segs_left;
	return h;
}

/* Write @f into the fixture's buffer: header chain linked, checksum set. */
u32 ndp_kt_render(struct ndp_kt_peer *w, struct ndp_kt_frame *f)
{
	u8 *p = ndp_kt_pkt(&w->kt), *l4;
	u32 i, total, plen;
	u16 csum;

	total = NDP_IP6_HLEN + f->ext_len + f->l4_len + f->trailing;
	KUNIT_ASSERT_LE(w->kt.test, total, (u32)NDP_KT_BUF);
	plen = f->ext_len + f->l4_len + f->plen_adj;
	ndp_kt_put_ip6(p, f->version, (u16)plen,
		       f->n_ext ? f->ext_type[0] : f->proto, f->hop_limit,
		       &f->src, &f->dst);
	memcpy(p + NDP_IP6_HLEN, f->ext, f->ext_len);
	for (i = 0; i < f->n_ext; i++)
		p[f->ext_off[i]] = i + 1 < f->n_ext ? f->ext_type[i + 1] :
			f->proto;
	l4 = p + NDP_IP6_HLEN + f->ext_len;
	memcpy(l4, f->l4, f->l4_len);
	if (f->proto == NDP_NH_ICMPV6 && f->l4_len >= 4) {
		l4[2] = 0;
		l4[3] = 0;
		csum = nf_l4_csum(&f->src, &f->dst, NDP_NH_ICMPV6, l4,
				  f->l4_len);
		if (f->bad_csum)
			csum ^= 0x0100;
		ndp_put16(l4 + 2, csum);
	}
	memset(l4 + f->l4_len, 0xa5, f->trailing);
	f->len = f->cut ? f->cut : total;
	return f->len;
}

void ndp_kt_send_frame(struct ndp_kt_peer *w, struct ndp_kt_frame *f)
{
	ndp_kt_render(w, f);
	ndp_kt_handle_len(w, f->linear ? f->linear : f->len, f->len);
}

/* Upper-layer bodies. */
void ndp_kt_frame_udp(struct ndp_kt_frame *f)
{
	static const u8 udp[12] = { 0x04, 0xd2, 0x16, 0x2e, 0, 12, 0, 0,
				    'n', 'd', 'p', '6' };

	f->proto = NDP_NH_UDP;
	memcpy(f->l4, udp, sizeof(udp));
	f->l4_len = sizeof(udp);
}

/* ICMPv6 @type, code 0, a 4-byte field then 17 bytes (odd length). */
void ndp_kt_frame_icmp(struct ndp_kt_frame *f, u8 type)
{
	static const u8 body[25] = { 0, 0, 0, 0, 0x12, 0x34, 0x00, 0x07,
				     'n', 'd', 'p', 'v', '6', ' ', 'w', 'i',
				     'r', 'e', ' ', 'e', 'c', 'h', 'o', '!',
				     '?' };

	f->proto = NDP_NH_ICMPV6;
	memcpy(f->l4, body, sizeof(body));
	f->l4[0] = type;
	f->l4_len = sizeof(body);
}

/* An NS from the peer for @target, with its SLLA. */
u32 ndp_kt_ns_from_peer(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
			const struct ndp_ip6 *target)
{
	f->proto = NDP_NH_ICMPV6;
	f->hop_limit = 255;
	f->l4_len = nf_ns(f->l4, target);
	f->l4_len += nf_opt_lla(f->l4 + f->l4_len, NDP_OPT_SLLA,
				w->peer_mac);
	return f->l4_len;
}

void ndp_kt_learn_peer(struct ndp_kt_peer *w)
{
	struct kunit *test = w->kt.test;
	struct ndp_nbr_info ni;
	struct ndp_kt_frame *f;

	f = ndp_kt_frame_new(w);
	f->dst = w->sn;
	ndp_kt_ns_from_peer(w, f, &w->ll);
	ndp_kt_send_frame(w, f);
	ndp_kt_expect_done(w, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&w->kt, NDP_ICMP_NA), 1U);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(w->kt.ctx, &w->peer, &ni), 0);
	KUNIT_EXPECT_EQ(test, memcmp(ni.mac, w->peer_mac, NDP_ETH_ALEN), 0);
}

/* Output frame @i is a Parameter Problem about the packet @f. */
void ndp_kt_expect_param_prob(struct ndp_kt_peer *w,
			      const struct ndp_kt_frame *f, u32 i, u8 code,
			      u32 pointer, const struct ndp_ip6 *src)
{
	struct kunit *test = w->kt.test;
	struct ndp_params params;
	const u8 *ip6, *m, *frame;
	u32 len, quote;

	ndp_get_params(w->kt.ctx, &params);
	ip6 = ndp_kt_tx_ip6(&w->kt, i);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	m = ndp_kt_tx_icmp_checked(w, i, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	frame = w->kt.out->tx[i].frame;
	KUNIT_EXPECT_EQ(test, memcmp(frame, w->peer_mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, memcmp(frame + 6, w->kt.mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 8, src));
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 24, &f->src));
	KUNIT_EXPECT_EQ(test, ip6[6], NDP_NH_ICMPV6);
	KUNIT_EXPECT_EQ(test, ip6[7], params.cur_hop_limit);
	KUNIT_EXPECT_EQ(test, m[0], NDP_ICMP_PARAM_PROB);
	KUNIT_EXPECT_EQ(test, m[1], code);
	KUNIT_EXPECT_EQ(test, ndp_get32(m + 4), pointer);
	/*
	 * As much of the invoking packet as fits in the minimum MTU, and
	 * nothing beyond its payload length.
	 */
	quote = NDP_IP6_HLEN + f->ext_len + f->l4_len + f->plen_adj;
	quote = min(quote, f->len);
	quote = min(quote, (u32)(NDP_MIN_MTU - NDP_IP6_HLEN - 8));
	KUNIT_ASSERT_EQ(test, len, 8 + quote);
	KUNIT_EXPECT_EQ(test, memcmp(m + 8, ndp_kt_pkt(&w->kt), quote), 0);
}

const u8 *ndp_kt_expect_frame(struct ndp_kt_peer *w, u32 i,
			      const u8 *eth_dst, const struct ndp_ip6 *src,
			      const struct ndp_ip6 *dst, u8 hop, u32 *len)
{
	struct kunit *test = w->kt.test;
	const u8 *frame, *ip6;

	KUNIT_ASSERT_LT(test, i, w->kt.out->n_tx);
	frame = w->kt.out->tx[i].frame;
	ip6 = ndp_kt_tx_ip6(&w->kt, i);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	KUNIT_EXPECT_EQ(test, memcmp(frame, eth_dst, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, memcmp(frame + 6, w->kt.mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, ip6[0], 0x60);
	KUNIT_EXPECT_EQ(test, ip6[1] | ip6[2] | ip6[3], 0);
	KUNIT_EXPECT_EQ(test, ip6[7], hop);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 8, src));
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 24, dst));
	return ndp_kt_tx_icmp_checked(w, i, len);
}

void ndp_kt_mcast_mac(const struct ndp_ip6 *g, u8 *mac)
{
	mac[0] = 0x33;
	mac[1] = 0x33;
	memcpy(mac + 2, g->b + 12, 4);
}

u32 ndp_kt_handle_seen(const struct ndp_out *out, void *h)
{
	u32 i, n = 0;

	for (i = 0; i < out->n_tx; i++)
		n += out->tx[i].handle == h;
	for (i = 0; i < out->n_done; i++)
		n += out->done[i].handle == h;
	return n + (out->has_event && out->ev.handle == h);
}
