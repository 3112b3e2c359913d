// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6_wire: the core's wire format and receive validation, on real bytes.
 *
 * Every receive rule (RFC 8200 header chain, RFC 4443 checksum and errors,
 * RFC 4861 ND validation, RFC 6980) is a row of a table: the valid frame is
 * accepted (consumed, answered or passed up as an event) and the same frame
 * with exactly one field broken is dropped, with the rule's counter moved by
 * one and no other drop counter moved.  Frames are built byte by byte here,
 * with this file's own checksum, and every frame the core emits is parsed
 * back (and, where it means something, fed into a second context).
 *
 * The context of each half of a row is fresh: MAC 02:00:00:00:00:01,
 * fe80::ff:fe00:1 and 2001:db8::1/64 valid after DAD, and the neighbour
 * fe80::ff:fe00:2 (02:00:00:00:00:02) in the cache, learned from its NS.
 */
#include "ndp_kunit.h"

#define WT_BUF		2048
#define WT_MAX_EXT	12
#define WT_HANDLE(w)	((void *)(w))
#define WT_SEC		NDP_NSEC_PER_SEC
#define WT_MS		NDP_NSEC_PER_MSEC

struct wt {
	struct ndp_kt kt;
	const char *label;		/* "valid" or "broken", for messages */
	u8 peer_mac[NDP_ETH_ALEN];
	struct ndp_ip6 ll;		/* ours, from the MAC (EUI-64) */
	struct ndp_ip6 glob;		/* ours, added with ndp_add_ip() */
	struct ndp_ip6 sn;		/* solicited-node group of both */
	struct ndp_ip6 peer;		/* the neighbour's link-local */
	struct ndp_ip6 peer_glob;
	struct ndp_ip6 all_nodes;
	u32 pkt_flags;			/* ndp_pkt.flags of what is handed in */
};

/* One frame, described field by field and rendered by wt_render(). */
struct wt_frame {
	u8 version;
	u8 hop_limit;
	struct ndp_ip6 src, dst;
	u8 ext[512];			/* extension headers, in order */
	u32 ext_len;
	u8 ext_type[WT_MAX_EXT];
	u32 ext_off[WT_MAX_EXT];	/* from the IPv6 header */
	u32 n_ext;
	u8 proto;			/* upper-layer protocol */
	u8 l4[1400];
	u32 l4_len;
	int plen_adj;			/* added to the Payload Length field */
	u32 trailing;			/* bytes beyond the payload length */
	u32 cut;			/* the packet is only this long */
	u32 linear;			/* only this much of it is linear */
	bool bad_csum;
	bool ev_set;			/* the event's protocol/offset below */
	u8 ev_proto;
	u32 ev_l4_off;
	u32 len;			/* rendered length */
};

/* ------------------------------------------------------------ helpers */

static struct ndp_ip6 wt_ip(struct wt *w, const char *s)
{
	return ndp_kt_ip(w->kt.test, s);
}

static bool wt_ip_eq(const u8 *p, const struct ndp_ip6 *ip)
{
	return !memcmp(p, ip->b, 16);
}

/* RFC 4291 appendix A: modified EUI-64 link-local address of @mac. */
static struct ndp_ip6 wt_ll_of(const u8 *mac)
{
	struct ndp_ip6 a = { .b = { 0xfe, 0x80 } };

	a.b[8] = mac[0] ^ 0x02;
	a.b[9] = mac[1];
	a.b[10] = mac[2];
	a.b[11] = 0xff;
	a.b[12] = 0xfe;
	a.b[13] = mac[3];
	a.b[14] = mac[4];
	a.b[15] = mac[5];
	return a;
}

/* This file's own ICMPv6 checksum (RFC 4443 2.3), independent of the core. */
static u16 wt_csum(const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
		   const u8 *m, u32 len)
{
	u32 sum = 0, i;

	for (i = 0; i < 16; i += 2)
		sum += (src->b[i] << 8 | src->b[i + 1]) +
		       (dst->b[i] << 8 | dst->b[i + 1]);
	sum += (len >> 16) + (len & 0xffff) + NDP_NH_ICMPV6;
	for (i = 0; i + 1 < len; i += 2)
		sum += m[i] << 8 | m[i + 1];
	if (len & 1)
		sum += m[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (u16)~sum;
}

static void wt_put_ip6(u8 *p, u8 version, u16 plen, u8 nh, u8 hop,
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
static void wt_handle_len(struct wt *w, u32 len, u32 tot_len)
{
	struct ndp_pkt pkt = {
		.handle = WT_HANDLE(w),
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

/* No counter moved but @a, @b and the fixture's usual ones. */
static void wt_expect_only2(struct wt *w, enum ndp_stat a, enum ndp_stat b)
{
	unsigned int i;

	for (i = 0; i < NDP_STAT_MAX; i++) {
		if (i == a || i == b || i == NDP_STAT_RX_PACKETS ||
		    i == NDP_STAT_RX_ND || i == NDP_STAT_RX_DELIVERED ||
		    i == NDP_STAT_RX_ECHO || i == NDP_STAT_TX_PACKETS)
			continue;
		KUNIT_EXPECT_EQ_MSG(w->kt.test, ndp_kt_stat_delta(&w->kt, i),
				    0ULL, "%s: counter %s moved", w->label,
				    ndp_stat_name(i));
	}
}

/* ICMPv6 message of output frame @i, its checksum checked twice. */
static const u8 *wt_tx_icmp(struct wt *w, u32 i, u32 *len)
{
	const u8 *ip6 = ndp_kt_tx_ip6(&w->kt, i);
	struct ndp_ip6 s, d;
	const u8 *m;

	m = ndp_kt_tx_icmp(&w->kt, i, len);
	if (!ip6 || !m)
		return NULL;
	memcpy(s.b, ip6 + 8, 16);
	memcpy(d.b, ip6 + 24, 16);
	KUNIT_EXPECT_EQ_MSG(w->kt.test, wt_csum(&s, &d, m, *len), 0,
			    "%s: frame %u checksum", w->label, i);
	return m;
}

/* The handle came back exactly once: in the done list, for @reason. */
static void wt_expect_done(struct wt *w, enum ndp_done_reason reason)
{
	struct kunit *test = w->kt.test;
	struct ndp_out *out = w->kt.out;

	KUNIT_EXPECT_FALSE_MSG(test, out->has_event, "%s: event", w->label);
	KUNIT_ASSERT_EQ_MSG(test, out->n_done, 1U, "%s: done", w->label);
	KUNIT_EXPECT_PTR_EQ_MSG(test, out->done[0].handle, WT_HANDLE(w),
				"%s: done handle", w->label);
	KUNIT_EXPECT_EQ_MSG(test, out->done[0].reason, (u8)reason,
			    "%s: reason %s", w->label,
			    ndp_done_reason_name(out->done[0].reason));
}

static u8 wt_ev_kind(u8 proto)
{
	if (proto == NDP_NH_TCP)
		return NDP_EV_TCP;
	if (proto == NDP_NH_UDP)
		return NDP_EV_UDP;
	return NDP_EV_DEFAULT;
}

/* The handle went up as the event, which describes @f exactly. */
static void wt_expect_event(struct wt *w, const struct wt_frame *f)
{
	const struct ndp_event *ev = &w->kt.out->ev;
	struct kunit *test = w->kt.test;
	u8 proto = f->ev_set ? f->ev_proto : f->proto;
	u32 l4_off = f->ev_set ? f->ev_l4_off : NDP_IP6_HLEN + f->ext_len;

	KUNIT_ASSERT_TRUE_MSG(test, w->kt.out->has_event, "%s: no event",
			      w->label);
	KUNIT_EXPECT_EQ(test, w->kt.out->n_done, 0U);
	KUNIT_EXPECT_PTR_EQ(test, ev->handle, WT_HANDLE(w));
	KUNIT_EXPECT_EQ(test, ev->kind, wt_ev_kind(proto));
	KUNIT_EXPECT_EQ(test, ev->proto, proto);
	KUNIT_EXPECT_EQ(test, ev->l3_off, 0U);
	KUNIT_EXPECT_EQ(test, ev->l4_off, l4_off);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ev->src, &f->src));
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ev->dst, &f->dst));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_RX_DELIVERED),
			1ULL);
}

/* --------------------------------------------------------- the context */

static void wt_learn_peer(struct wt *w);

/*
 * Context number @me (1 or 2): MAC 02:00:00:00:00:0@me, 2001:db8::@me; its
 * peer is the other one.  @learn: the peer's NS puts it in the cache.
 */
static struct wt *wt_setup_as(struct kunit *test, const struct ndp_config *cfg,
			      u8 me, bool learn)
{
	u8 other = me == 1 ? 2 : 1;
	struct ndp_ip6 ips[4];
	struct ndp_kt *t;
	struct wt *w;
	int n, i;

	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	t = &w->kt;
	ndp_kt_init(test, t, cfg);
	if (me != 1) {
		/* same memory, another MAC and another random stream */
		t->mac[5] = me;
		t->rng ^= 0x5deece66dULL * me;
		t->ctx = ndp_local(t->ctx, ndp_ctx_size(&t->cfg), &t->cfg,
				   t->mac, t->now, ndp_kt_random, t, t->out);
		KUNIT_ASSERT_NOT_NULL(test, t->ctx);
	}
	w->label = "setup";
	memcpy(w->peer_mac, t->mac, NDP_ETH_ALEN);
	w->peer_mac[5] = other;
	w->ll = wt_ll_of(t->mac);
	w->peer = wt_ll_of(w->peer_mac);
	w->glob = wt_ip(w, "2001:db8::");
	w->glob.b[15] = me;
	w->peer_glob = w->glob;
	w->peer_glob.b[15] = other;
	ndp_solicited_node(&w->ll, &w->sn);
	w->all_nodes = wt_ip(w, "ff02::1");

	KUNIT_ASSERT_EQ(test, ndp_add_ip(t->ctx, t->now, &w->glob, 64,
					 NDP_INFINITE, NDP_INFINITE, t->out),
			0);
	ndp_kt_run_until(t, t->now + 5 * WT_SEC);
	n = ndp_get_ip(t->ctx, ips, ARRAY_SIZE(ips));
	KUNIT_ASSERT_EQ_MSG(test, n, 2, "link-local and global valid");
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ips[i], &w->ll) ||
				  ndp_ip6_eq(&ips[i], &w->glob));
	if (learn)
		wt_learn_peer(w);
	return w;
}

static struct wt *wt_setup(struct kunit *test, const struct ndp_config *cfg)
{
	return wt_setup_as(test, cfg, 1, true);
}

static struct wt_frame *wt_frame_new(struct wt *w)
{
	struct wt_frame *f;

	f = kunit_kzalloc(w->kt.test, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(w->kt.test, f);
	f->version = 6;
	f->hop_limit = 64;
	f->src = w->peer;
	f->dst = w->ll;
	return f;
}

/* Append an extension header of @len bytes (Hdr Ext Len filled in). */
static u8 *wt_ext(struct wt *w, struct wt_frame *f, u8 type, u32 len)
{
	u8 *h = f->ext + f->ext_len;

	KUNIT_ASSERT_LT(w->kt.test, f->n_ext, (u32)WT_MAX_EXT);
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

/* Hop-by-Hop or Destination Options with @opts, padded with PadN/Pad1. */
static u8 *wt_ext_opts(struct wt *w, struct wt_frame *f, u8 type,
		       const u8 *opts, u32 olen)
{
	u32 len = (2 + olen + 7) & ~7U;
	u32 pad = len - 2 - olen;
	u8 *h = wt_ext(w, f, type, len);

	if (olen)
		memcpy(h + 2, opts, olen);
	if (pad == 1) {
		h[2 + olen] = 0;
	} else if (pad >= 2) {
		h[2 + olen] = 1;
		h[3 + olen] = pad - 2;
	}
	return h;
}

static u8 *wt_ext_routing(struct wt *w, struct wt_frame *f, u8 rtype,
			  u8 segs_left)
{
	u8 *h = wt_ext(w, f, NDP_NH_ROUTING, 8);

	h[2] = rtype;
	h[3] = segs_left;
	return h;
}

static u8 *wt_ext_frag(struct wt *w, struct wt_frame *f, u16 offset, bool more)
{
	u8 *h = wt_ext(w, f, NDP_NH_FRAGMENT, 8);

	ndp_put16(h + 2, offset << 3 | more);
	ndp_put32(h + 4, 0x6e647036);
	return h;
}

/* Write @f into the fixture's buffer: header chain linked, checksum set. */
static u32 wt_render(struct wt *w, struct wt_frame *f)
{
	u8 *p = ndp_kt_pkt(&w->kt), *l4;
	u32 i, total, plen;
	u16 csum;

	total = NDP_IP6_HLEN + f->ext_len + f->l4_len + f->trailing;
	KUNIT_ASSERT_LE(w->kt.test, total, (u32)WT_BUF);
	plen = f->ext_len + f->l4_len + f->plen_adj;
	wt_put_ip6(p, f->version, (u16)plen,
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
		csum = wt_csum(&f->src, &f->dst, l4, f->l4_len);
		if (f->bad_csum)
			csum ^= 0x0100;
		ndp_put16(l4 + 2, csum);
	}
	memset(l4 + f->l4_len, 0xa5, f->trailing);
	f->len = f->cut ? f->cut : total;
	return f->len;
}

static void wt_send_frame(struct wt *w, struct wt_frame *f)
{
	wt_render(w, f);
	wt_handle_len(w, f->linear ? f->linear : f->len, f->len);
}

/* Upper-layer bodies. */
static void wt_udp(struct wt_frame *f)
{
	static const u8 udp[12] = { 0x04, 0xd2, 0x16, 0x2e, 0, 12, 0, 0,
				    'n', 'd', 'p', '6' };

	f->proto = NDP_NH_UDP;
	memcpy(f->l4, udp, sizeof(udp));
	f->l4_len = sizeof(udp);
}

static void wt_tcp(struct wt_frame *f)
{
	static const u8 tcp[20] = { 0x9c, 0x40, 0x00, 0x50, 0, 0, 0, 1,
				    0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff };

	f->proto = NDP_NH_TCP;
	memcpy(f->l4, tcp, sizeof(tcp));
	f->l4_len = sizeof(tcp);
}

/* ICMPv6 @type, code 0, a 4-byte field then 17 bytes (odd length). */
static void wt_icmp(struct wt_frame *f, u8 type)
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
static u32 wt_ns_from_peer(struct wt *w, struct wt_frame *f,
			   const struct ndp_ip6 *target)
{
	f->proto = NDP_NH_ICMPV6;
	f->hop_limit = 255;
	f->l4_len = ndp_kt_ns(f->l4, target);
	f->l4_len += ndp_kt_opt_lla(f->l4 + f->l4_len, NDP_OPT_SLLA,
				    w->peer_mac);
	return f->l4_len;
}

static void wt_learn_peer(struct wt *w)
{
	struct kunit *test = w->kt.test;
	struct ndp_nbr_info ni;
	struct wt_frame *f;

	f = wt_frame_new(w);
	f->dst = w->sn;
	wt_ns_from_peer(w, f, &w->ll);
	wt_send_frame(w, f);
	wt_expect_done(w, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&w->kt, NDP_ICMP_NA), 1U);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(w->kt.ctx, &w->peer, &ni), 0);
	KUNIT_EXPECT_EQ(test, memcmp(ni.mac, w->peer_mac, NDP_ETH_ALEN), 0);
}

/* Output frame @i is a Parameter Problem about the packet @f. */
static void wt_expect_param_prob(struct wt *w, const struct wt_frame *f,
				 u32 i, u8 code, u32 pointer,
				 const struct ndp_ip6 *src)
{
	struct kunit *test = w->kt.test;
	struct ndp_params params;
	const u8 *ip6, *m, *frame;
	u32 len, quote;

	ndp_get_params(w->kt.ctx, &params);
	ip6 = ndp_kt_tx_ip6(&w->kt, i);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	m = wt_tx_icmp(w, i, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	frame = w->kt.out->tx[i].frame;
	KUNIT_EXPECT_EQ(test, memcmp(frame, w->peer_mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, memcmp(frame + 6, w->kt.mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 8, src));
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 24, &f->src));
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

/* ------------------------------------------------------- rule tables */

enum wt_valid {
	WT_CONSUMED,		/* the handle comes back done, not dropped */
	WT_EVENT,		/* the handle goes up as the event */
	WT_NO_VALID,		/* only the broken frame is checked */
};

enum wt_var {
	V_BASE,
	V_MCAST,
	V_TRAIL,
	V_FRAG_UDP,
	/* extension headers */
	V_HBH, V_PAD, V_PAD_RUN, V_PADN_DATA, V_OPT_COUNT, V_OPT, V_OPT_MCAST,
	V_RT, V_TRUNC, V_LINEAR, V_CHAIN,
	V_FRAG, V_FRAG_ATOMIC, V_FRAG_DST, V_FRAG_SHORT,
	/* ND */
	V_DAD, V_SOLICITED, V_UNSPEC, V_UNKOPT, V_PIO, V_MTU, V_NEWMAC,
	V_REDIR_ONLINK,
	/* events */
	EV_UDP, EV_TCP_CHAIN, EV_UNKNOWN, EV_ESP, EV_RT0_UDP, EV_FRAG_UDP,
	EV_FRAG_LATER, EV_DST_FRAG, EV_ECHO_REPLY, EV_DST_UNREACH,
	EV_ICMP_UNKNOWN, EV_ECHO_OFF, EV_ALL_NODES, EV_UPPER_GROUP,
	EV_GLOBAL, EV_PARAM_PROB, EV_NO_NEXT,
	/* ICMPv6 errors */
	ER_RT_UDP, ER_RT_ICMP_ERR, ER_RT_REDIRECT, ER_RT_ECHO, ER_RT_MCAST,
	ER_OPT10_MCAST, ER_OPT11_MCAST, ER_RT_UNSPEC, ER_OPT10_ICMP_ERR,
	ER_HBH_UNSPEC, ER_RT_TENTATIVE, ER_HBH_LATE, ER_RT_BIG, ER_RT_TRAIL,
	ER_L2_RT, ER_L2_OPT10, ER_L2_OPT11, ER_L2_HBH_LATE,
};

enum wt_brk {
	B_NONE,
	B_CUT, B_PLEN, B_VERSION, B_SRC_MCAST, B_DST_OTHER, B_DST_GROUP,
	B_DST_TENTATIVE, B_SRC_LOOPBACK, B_DST_LOOPBACK, B_DST_IFLOCAL,
	B_DST_SCOPE0,
	B_CSUM, B_ICMP_SHORT, B_NONLINEAR, B_PLEN_TRAIL,
	B_HBH_LATE, B_PADN_LONG, B_PAD_RUN, B_PADN_DATA, B_OPT_COUNT,
	B_OPT_01, B_OPT_10, B_OPT_11, B_SEGLEFT,
	B_HDRLEN, B_LINEAR, B_CHAIN, B_ND_TYPE, B_FRAG_SHORT,
	B_HOPLIMIT, B_CODE, B_SHORT, B_OPT_ZERO, B_OPT_OVERRUN, B_LLA_SIZE,
	B_OPT_TAIL, B_TARGET_MCAST, B_DAD_DST, B_DAD_SLLA, B_SOL_MCAST,
	B_SRC_GLOBAL, B_UNKOPT_ZERO, B_ZERO_OPT_AFTER, B_REDIR_DST_MCAST,
	B_REDIR_TARGET, B_REDIR_NOT_ROUTER, B_REDIR_DST_ONLINK,
	B_ND_SRC_LOOPBACK,
};

struct wt_rule;
typedef void (*wt_make_fn)(struct wt *w, struct wt_frame *f,
			   const struct wt_rule *r, bool broken);
typedef void (*wt_check_fn)(struct wt *w, const struct wt_frame *f,
			    bool broken);

struct wt_rule {
	const char *name;
	wt_make_fn make;
	u8 var;			/* enum wt_var: which valid frame */
	u8 brk;			/* enum wt_brk: which field is broken */
	u8 valid;		/* enum wt_valid */
	u8 msg;			/* ND: the message type */
	s16 valid_tx;		/* ICMPv6 type of the one answer; 0: none */
	u8 also;		/* a counter the valid frame may move too */
	bool valid_only;	/* no broken frame */
	u8 drop;		/* enum ndp_stat of the broken frame */
	u8 drop_also;		/* ... and one it may move too */
	bool pp;		/* broken: Parameter Problem sent */
	u8 pp_code;
	u32 pp_ptr;
	wt_check_fn check;
};

static void wt_rule_desc(const struct wt_rule *r, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", r->name);
}

static void wt_run_half(struct kunit *test, const struct wt_rule *r,
			bool broken)
{
	struct wt *w = wt_setup(test, NULL);
	struct wt_frame *f = wt_frame_new(w);

	w->label = broken ? "broken" : "valid";
	r->make(w, f, r, broken);
	wt_send_frame(w, f);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_RX_PACKETS),
			1ULL);
	if (!broken) {
		if (r->valid == WT_EVENT)
			wt_expect_event(w, f);
		else
			wt_expect_done(w, NDP_DONE_CONSUMED);
		ndp_kt_expect_only(&w->kt, r->also);
		if (r->valid_tx > 0) {
			KUNIT_EXPECT_EQ_MSG(test, w->kt.out->n_tx, 1U,
					    "valid: one answer");
			KUNIT_EXPECT_EQ(test,
					ndp_kt_count_tx(&w->kt, r->valid_tx),
					1U);
		} else if (r->valid_tx == 0) {
			KUNIT_EXPECT_EQ_MSG(test, w->kt.out->n_tx, 0U,
					    "valid: nothing sent");
		}
	} else {
		wt_expect_done(w, NDP_DONE_RX_DROPPED);
		KUNIT_EXPECT_EQ_MSG(test, ndp_kt_stat_delta(&w->kt, r->drop),
				    1ULL, "broken: counter %s",
				    ndp_stat_name(r->drop));
		if (r->drop_also)
			wt_expect_only2(w, r->drop, r->drop_also);
		else
			ndp_kt_expect_only(&w->kt, r->drop);
		if (r->pp) {
			KUNIT_EXPECT_EQ_MSG(test, w->kt.out->n_tx, 1U,
					    "broken: one Parameter Problem");
			if (w->kt.out->n_tx == 1)
				wt_expect_param_prob(w, f, 0, r->pp_code,
						     r->pp_ptr, &w->ll);
		} else {
			KUNIT_EXPECT_EQ_MSG(test, w->kt.out->n_tx, 0U,
					    "broken: nothing sent");
		}
	}
	if (r->check)
		r->check(w, f, broken);
}

static void wt_run(struct kunit *test)
{
	const struct wt_rule *r = test->param_value;

	if (r->valid != WT_NO_VALID)
		wt_run_half(test, r, false);
	if (!r->valid_only)
		wt_run_half(test, r, true);
}

/* ------------------------------------------------------ IPv6 header */

/* 2001:db8::7 added, still tentative (no tick), as @f's destination. */
static void wt_dst_tentative(struct wt *w, struct wt_frame *f)
{
	struct ndp_ip6 tentative = wt_ip(w, "2001:db8::7");

	KUNIT_ASSERT_EQ(w->kt.test,
			ndp_add_ip(w->kt.ctx, w->kt.now, &tentative, 64,
				   NDP_INFINITE, NDP_INFINITE, w->kt.out), 0);
	f->dst = tentative;
}

static void mk_ip6(struct wt *w, struct wt_frame *f, const struct wt_rule *r,
		   bool broken)
{
	wt_udp(f);
	if (r->var == V_MCAST)
		f->dst = w->all_nodes;
	if (r->var == V_FRAG_UDP) {
		wt_ext_frag(w, f, 0, true);
		f->ev_set = true;
		f->ev_proto = NDP_NH_FRAGMENT;
		f->ev_l4_off = NDP_IP6_HLEN;
	}
	if (!broken)
		return;
	switch (r->brk) {
	case B_DST_TENTATIVE:
		wt_dst_tentative(w, f);
		break;
	case B_CUT:
		f->cut = NDP_IP6_HLEN - 1;
		break;
	case B_PLEN:
		f->plen_adj = 1;
		break;
	case B_VERSION:
		f->version = 4;
		break;
	case B_SRC_MCAST:
		f->src = w->all_nodes;
		break;
	case B_DST_OTHER:
		f->dst = wt_ip(w, "2001:db8::99");
		break;
	case B_DST_GROUP:
		f->dst = wt_ip(w, "ff02::1:3");
		break;
	case B_SRC_LOOPBACK:
		f->src = wt_ip(w, "::1");
		break;
	case B_DST_LOOPBACK:
		f->dst = wt_ip(w, "::1");
		break;
	case B_DST_IFLOCAL:
	case B_DST_SCOPE0:
		/* joined by the upper layer: dropped all the same */
		f->dst = wt_ip(w, r->brk == B_DST_IFLOCAL ? "ff01::1" :
			       "ff00::1:3");
		KUNIT_ASSERT_EQ(w->kt.test, ndp_join_group(w->kt.ctx, w->kt.now,
							   &f->dst, w->kt.out),
				0);
		break;
	}
}

static void mk_echo(struct wt *w, struct wt_frame *f, const struct wt_rule *r,
		    bool broken)
{
	wt_icmp(f, NDP_ICMP_ECHO_REQUEST);
	if (r->var == V_TRAIL)
		f->trailing = 7;
	if (!broken)
		return;
	switch (r->brk) {
	case B_CSUM:
		f->bad_csum = true;
		break;
	case B_ICMP_SHORT:
		f->l4_len = 3;
		break;
	case B_NONLINEAR:
		f->linear = NDP_IP6_HLEN + 2;
		break;
	case B_PLEN_TRAIL:
		/* the trailing bytes counted in: the checksum no longer is */
		f->plen_adj = f->trailing;
		break;
	case B_DST_TENTATIVE:
		wt_dst_tentative(w, f);
		break;
	}
}

/* The echo reply quotes exactly the payload, not the trailing bytes. */
static void chk_echo_len(struct wt *w, const struct wt_frame *f, bool broken)
{
	const u8 *m;
	u32 len = 0;

	if (broken)
		return;
	m = wt_tx_icmp(w, 0, &len);
	KUNIT_ASSERT_NOT_NULL(w->kt.test, m);
	KUNIT_EXPECT_EQ(w->kt.test, len, f->l4_len);
	KUNIT_EXPECT_EQ(w->kt.test, memcmp(m + 4, f->l4 + 4, f->l4_len - 4),
			0);
}

static const struct wt_rule wt_ip6_rules[] = {
	{ "IPv6: shorter than its header", mk_ip6, .brk = B_CUT,
	  .valid = WT_EVENT, .drop = NDP_STAT_IP6_TRUNCATED },
	{ "IPv6: payload length beyond the frame", mk_ip6, .brk = B_PLEN,
	  .valid = WT_EVENT, .drop = NDP_STAT_IP6_TRUNCATED },
	{ "IPv6: version 4", mk_ip6, .brk = B_VERSION,
	  .valid = WT_EVENT, .drop = NDP_STAT_IP6_VERSION },
	{ "IPv6: multicast source", mk_ip6, .brk = B_SRC_MCAST,
	  .valid = WT_EVENT, .drop = NDP_STAT_IP6_SRC_MCAST },
	{ "IPv6: destination not ours", mk_ip6, .brk = B_DST_OTHER,
	  .valid = WT_EVENT, .drop = NDP_STAT_IP6_NOT_FOR_US },
	{ "IPv6: group not joined", mk_ip6, V_MCAST, B_DST_GROUP,
	  .valid = WT_EVENT, .drop = NDP_STAT_IP6_NOT_FOR_US },
	{ "IPv6: loopback source (RFC 4291 2.5.3)", mk_ip6,
	  .brk = B_SRC_LOOPBACK, .valid = WT_EVENT,
	  .drop = NDP_STAT_IP6_LOOPBACK },
	{ "IPv6: loopback destination (RFC 4291 2.5.3)", mk_ip6,
	  .brk = B_DST_LOOPBACK, .valid = WT_EVENT,
	  .drop = NDP_STAT_IP6_LOOPBACK },
	{ "IPv6: to interface-local ff01::1, joined (RFC 4291 2.7)", mk_ip6,
	  V_MCAST, B_DST_IFLOCAL, .valid = WT_EVENT,
	  .drop = NDP_STAT_IP6_MCAST_SCOPE },
	{ "IPv6: to a group of scope 0, joined (RFC 4291 2.7)", mk_ip6,
	  V_MCAST, B_DST_SCOPE0, .valid = WT_EVENT,
	  .drop = NDP_STAT_IP6_MCAST_SCOPE },
	{ "IPv6: to a tentative address (RFC 4862 5.4)", mk_ip6,
	  .brk = B_DST_TENTATIVE, .valid = WT_EVENT,
	  .drop = NDP_STAT_IP6_NOT_FOR_US },
	{ "IPv6: fragment to a tentative address", mk_ip6, V_FRAG_UDP,
	  B_DST_TENTATIVE, .valid = WT_EVENT,
	  .drop = NDP_STAT_IP6_NOT_FOR_US },
	{ "IPv6: echo request to a tentative address", mk_echo,
	  .brk = B_DST_TENTATIVE, .valid_tx = NDP_ICMP_ECHO_REPLY,
	  .drop = NDP_STAT_IP6_NOT_FOR_US },
	{ "IPv6: trailing bytes trimmed (payload length counts)", mk_echo,
	  V_TRAIL, B_PLEN_TRAIL, .valid_tx = NDP_ICMP_ECHO_REPLY,
	  .drop = NDP_STAT_ICMP_CSUM, .check = chk_echo_len },
};

/* ------------------------------------------------- extension headers */

static void mk_ext(struct wt *w, struct wt_frame *f, const struct wt_rule *r,
		   bool broken)
{
	/* Pad1, PadN(0), then an option of type 0x1e (action 00) at +5 */
	u8 opts[6] = { 0, 1, 0, 0x1e, 1, 0 };
	u8 pads[6] = { 0, 1, 3, 0, 0, 0 };
	/* 7 bytes of padding, an option, 5 of padding; broken: 8, 4 */
	static const u8 run_ok[14] = { 1, 5, 0, 0, 0, 0, 0, 0x1e, 0,
				       1, 3, 0, 0, 0 };
	static const u8 run_bad[14] = { 0, 1, 5, 0, 0, 0, 0, 0, 0x1e, 0,
					1, 2, 0, 0 };
	/* PadN(4); broken: one of its bytes is not zero */
	u8 padn[6] = { 1, 4, 0, 0, 0, 0 };
	/* 8 options of type 0x1e, empty; broken: 9 */
	static const u8 eight[18] = { 0x1e, 0, 0x1e, 0, 0x1e, 0, 0x1e, 0,
				      0x1e, 0, 0x1e, 0, 0x1e, 0, 0x1e, 0,
				      0x1e, 0 };
	/* linearity only: an option behind PadN(5), 14 bytes */
	static const u8 lin[14] = { 1, 5, 0, 0, 0, 0, 0, 0x1e, 5 };
	u32 i;
	u8 *h;

	wt_udp(f);
	switch (r->var) {
	case V_HBH:
		/* valid: HBH, Routing, DstOpts; broken: HBH last */
		if (!broken)
			wt_ext_opts(w, f, NDP_NH_HOPOPTS, NULL, 0);
		wt_ext_routing(w, f, 4, 0);
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		if (broken)
			wt_ext_opts(w, f, NDP_NH_HOPOPTS, NULL, 0);
		break;
	case V_PAD:
		/* Pad1, PadN(3) fill the header; PadN(4) overruns it */
		if (broken)
			pads[2] = 4;
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, pads, sizeof(pads));
		break;
	case V_PAD_RUN:
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, broken ? run_bad : run_ok,
			    sizeof(run_ok));
		break;
	case V_PADN_DATA:
		if (broken)
			padn[4] = 0x55;
		wt_ext_opts(w, f, NDP_NH_HOPOPTS, padn, sizeof(padn));
		break;
	case V_OPT_COUNT:
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, eight,
			    broken ? sizeof(eight) : sizeof(eight) - 2);
		break;
	case V_OPT_MCAST:
		f->dst = w->all_nodes;
		fallthrough;
	case V_OPT:
		if (broken)
			opts[3] = r->brk == B_OPT_01 ? 0x5e :
				  r->brk == B_OPT_10 ? 0x9e : 0xde;
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, opts, sizeof(opts));
		break;
	case V_RT:
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		wt_ext_routing(w, f, 4, broken ? 1 : 0);
		break;
	case V_TRUNC:
		h = wt_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		if (broken)
			h[1] = 3;	/* 32 bytes: beyond the payload */
		break;
	case V_LINEAR:
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, lin, sizeof(lin));
		f->linear = NDP_IP6_HLEN + (broken ? 8 : 16);
		break;
	case V_CHAIN:
		for (i = 0; i < NDP_MAX_EXT_HDRS + broken; i++)
			wt_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		break;
	case V_FRAG:
	case V_FRAG_ATOMIC:
	case V_FRAG_DST:
		wt_ext_frag(w, f, 0, r->var != V_FRAG_ATOMIC);
		if (r->var == V_FRAG_DST)
			wt_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		wt_icmp(f, broken ? NDP_ICMP_NS : NDP_ICMP_ECHO_REQUEST);
		f->ev_set = true;
		f->ev_proto = NDP_NH_FRAGMENT;
		f->ev_l4_off = NDP_IP6_HLEN;
		break;
	case V_FRAG_SHORT:
		wt_ext_frag(w, f, 0, true);
		f->ev_set = true;
		f->ev_proto = NDP_NH_FRAGMENT;
		f->ev_l4_off = NDP_IP6_HLEN;
		if (broken) {
			/* 4 bytes of the Fragment header, nothing after */
			f->plen_adj = -(int)(4 + f->l4_len);
			f->cut = NDP_IP6_HLEN + 4;
		}
		break;
	}
}

static const struct wt_rule wt_ext_rules[] = {
	{ "Hop-by-Hop first only: not first is Parameter Problem 1", mk_ext,
	  V_HBH, B_HBH_LATE, WT_EVENT, .drop = NDP_STAT_EXT_HBH_NOT_FIRST,
	  .pp = true, .pp_code = 1, .pp_ptr = 48 },
	{ "Destination Options: Pad1/PadN skipped, overrun dropped", mk_ext,
	  V_PAD, B_PADN_LONG, WT_EVENT, .drop = NDP_STAT_EXT_TRUNCATED },
	{ "padding: 7 bytes in a row taken, 8 dropped (as Linux)", mk_ext,
	  V_PAD_RUN, B_PAD_RUN, WT_EVENT,
	  .drop = NDP_STAT_EXT_PAD_TOO_LONG },
	{ "Hop-by-Hop PadN: zero bytes taken, data dropped (RFC 4942)",
	  mk_ext, V_PADN_DATA, B_PADN_DATA, WT_EVENT,
	  .drop = NDP_STAT_EXT_PADN_NOT_ZERO },
	{ "options: 8 in one header taken, 9 dropped (as Linux)", mk_ext,
	  V_OPT_COUNT, B_OPT_COUNT, WT_EVENT,
	  .drop = NDP_STAT_EXT_OPTS_TOO_MANY },
	{ "option type 00: skipped; 01: discarded silently", mk_ext,
	  V_OPT, B_OPT_01, WT_EVENT, .drop = NDP_STAT_EXT_OPT_DISCARD },
	{ "option type 10: discarded + Parameter Problem 2", mk_ext,
	  V_OPT, B_OPT_10, WT_EVENT, .drop = NDP_STAT_EXT_OPT_PARAMPROB,
	  .pp = true, .pp_code = 2, .pp_ptr = 45 },
	{ "option type 11, unicast: discarded + Parameter Problem 2", mk_ext,
	  V_OPT, B_OPT_11, WT_EVENT, .drop = NDP_STAT_EXT_OPT_PARAMPROB,
	  .pp = true, .pp_code = 2, .pp_ptr = 45 },
	{ "option type 10, to a group: Parameter Problem 2 still", mk_ext,
	  V_OPT_MCAST, B_OPT_10, WT_EVENT,
	  .drop = NDP_STAT_EXT_OPT_PARAMPROB,
	  .pp = true, .pp_code = 2, .pp_ptr = 45 },
	{ "option type 11, to a group: discarded silently", mk_ext,
	  V_OPT_MCAST, B_OPT_11, WT_EVENT,
	  .drop = NDP_STAT_EXT_OPT_PARAMPROB },
	{ "Routing: Segments Left 0 ignored, > 0 Parameter Problem 0",
	  mk_ext, V_RT, B_SEGLEFT, WT_EVENT, .drop = NDP_STAT_EXT_ROUTING,
	  .pp = true, .pp_code = 0, .pp_ptr = 50 },
	{ "extension header length beyond the payload", mk_ext,
	  V_TRUNC, B_HDRLEN, WT_EVENT, .drop = NDP_STAT_EXT_TRUNCATED },
	{ "extension header beyond the linear part", mk_ext,
	  V_LINEAR, B_LINEAR, WT_EVENT, .drop = NDP_STAT_EXT_TRUNCATED },
	{ "chain of NDP_MAX_EXT_HDRS accepted, one more dropped", mk_ext,
	  V_CHAIN, B_CHAIN, WT_EVENT, .drop = NDP_STAT_EXT_TOO_MANY },
	{ "first fragment: goes up; carrying ND: dropped (RFC 6980)",
	  mk_ext, V_FRAG, B_ND_TYPE, WT_EVENT,
	  .drop = NDP_STAT_ND_IN_FRAGMENT },
	{ "atomic fragment: goes up; carrying ND: dropped (RFC 6980)",
	  mk_ext, V_FRAG_ATOMIC, B_ND_TYPE, WT_EVENT,
	  .drop = NDP_STAT_ND_IN_FRAGMENT },
	{ "first fragment, ND after Destination Options: dropped", mk_ext,
	  V_FRAG_DST, B_ND_TYPE, WT_EVENT,
	  .drop = NDP_STAT_ND_IN_FRAGMENT },
	{ "Fragment header truncated", mk_ext, V_FRAG_SHORT, B_FRAG_SHORT,
	  WT_EVENT, .drop = NDP_STAT_EXT_TRUNCATED },
};

/* ------------------------------------------------------------ ICMPv6 */

static const struct wt_rule wt_icmp_rules[] = {
	{ "ICMPv6: checksum wrong", mk_echo, .brk = B_CSUM,
	  .valid_tx = NDP_ICMP_ECHO_REPLY, .drop = NDP_STAT_ICMP_CSUM },
	{ "ICMPv6: shorter than its header", mk_echo, .brk = B_ICMP_SHORT,
	  .valid_tx = NDP_ICMP_ECHO_REPLY, .drop = NDP_STAT_ICMP_TRUNCATED },
	{ "ICMPv6: message beyond the linear part", mk_echo,
	  .brk = B_NONLINEAR, .valid_tx = NDP_ICMP_ECHO_REPLY,
	  .drop = NDP_STAT_ICMP_TRUNCATED },
};

/* ---------------------------------------------------- ND validation */

static const u8 wt_new_mac[NDP_ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x99 };

static void mk_nd(struct wt *w, struct wt_frame *f, const struct wt_rule *r,
		  bool broken)
{
	u32 len = 0, fixed, last = 0, unk = 0;
	struct ndp_ip6 pfx;
	u8 lla = NDP_OPT_SLLA;
	bool with_lla = true;
	u8 *m = f->l4;

	f->proto = NDP_NH_ICMPV6;
	f->hop_limit = 255;
	switch (r->msg) {
	case NDP_ICMP_NS:
		f->dst = w->sn;
		len = ndp_kt_ns(m, &w->ll);
		break;
	case NDP_ICMP_NA:
		f->dst = w->all_nodes;
		len = ndp_kt_na(m, NDP_NA_FLAG_O, &w->peer);
		lla = NDP_OPT_TLLA;
		break;
	case NDP_ICMP_RS:
		len = ndp_kt_rs(m);
		break;
	case NDP_ICMP_RA:
		f->dst = w->all_nodes;
		len = ndp_kt_ra(m, 0, 0, 0, 0, 0);
		break;
	case NDP_ICMP_REDIRECT:
		/* from the peer, our default router: the first hop off-link */
		KUNIT_ASSERT_EQ(w->kt.test,
				ndp_add_routers(w->kt.ctx, w->kt.now, &w->peer,
						1, 1800, w->kt.out), 0);
		memset(m, 0, 40);
		m[0] = NDP_ICMP_REDIRECT;
		pfx = wt_ip(w, r->var == V_REDIR_ONLINK ? "2001:db8:5::5" :
			    "fe80::3");		/* target: a router, or dst */
		memcpy(m + 8, pfx.b, 16);
		pfx = wt_ip(w, "2001:db8:5::5");	/* destination */
		memcpy(m + 24, pfx.b, 16);
		len = 40;
		lla = NDP_OPT_TLLA;
		break;
	}
	fixed = len;
	switch (r->var) {
	case V_DAD:
		f->src = ndp_unspecified;
		with_lla = false;
		break;
	case V_SOLICITED:
		f->dst = w->ll;
		m[4] = NDP_NA_FLAG_S | NDP_NA_FLAG_O;
		break;
	case V_UNSPEC:
		f->src = ndp_unspecified;
		with_lla = false;
		break;
	case V_UNKOPT:
		unk = len;
		m[len] = 200;
		m[len + 1] = 1;
		memset(m + len + 2, 0x77, 6);
		len += 8;
		break;
	}
	if (with_lla) {
		last = len;
		len += ndp_kt_opt_lla(m + len, lla, r->var == V_NEWMAC ?
				      wt_new_mac : w->peer_mac);
	}
	if (r->var == V_PIO) {
		pfx = wt_ip(w, "2001:db8:1::");
		last = len;
		len += ndp_kt_opt_pio(m + len, &pfx, 64, NDP_PIO_FLAG_L, 3600,
				      1800);
	}
	if (r->var == V_MTU) {
		last = len;
		len += ndp_kt_opt_mtu(m + len, 1400);
	}
	if (broken) {
		switch (r->brk) {
		case B_HOPLIMIT:
			f->hop_limit = 254;
			break;
		case B_CODE:
			m[1] = 1;
			break;
		case B_SHORT:
			len = fixed - 1;
			break;
		case B_OPT_ZERO:
			m[last + 1] = 0;
			break;
		case B_OPT_OVERRUN:
			m[last + 1] = 2;
			break;
		case B_LLA_SIZE:
			m[last + 1] = 2;
			memset(m + len, 0, 8);
			len += 8;
			break;
		case B_OPT_TAIL:
			m[len++] = 0;
			break;
		case B_TARGET_MCAST:
			memcpy(m + 8, r->msg == NDP_ICMP_NS ? w->sn.b :
			       w->all_nodes.b, 16);
			break;
		case B_DAD_DST:
			f->dst = w->all_nodes;
			break;
		case B_DAD_SLLA:
			len += ndp_kt_opt_lla(m + len, NDP_OPT_SLLA,
					      w->peer_mac);
			break;
		case B_SOL_MCAST:
			f->dst = w->all_nodes;
			break;
		case B_SRC_GLOBAL:
			f->src = w->peer_glob;
			break;
		case B_UNKOPT_ZERO:
			m[unk + 1] = 0;
			break;
		case B_ZERO_OPT_AFTER:
			memset(m + len, 0, 8);
			m[len] = 200;
			len += 8;
			break;
		case B_REDIR_DST_MCAST:
			memcpy(m + 24, w->all_nodes.b, 16);
			break;
		case B_REDIR_TARGET:
			/* global, not the destination (RFC 4861 8.1) */
			pfx = wt_ip(w, "2001:db8:7::7");
			memcpy(m + 8, pfx.b, 16);
			break;
		case B_REDIR_NOT_ROUTER:
			/* link-local, but not the first hop we use */
			f->src = wt_ip(w, "fe80::99");
			break;
		case B_ND_SRC_LOOPBACK:
			f->src = wt_ip(w, "::1");
			break;
		case B_REDIR_DST_ONLINK:
			/* an on-link destination is its own first hop */
			pfx = wt_ip(w, "fe80::4");
			memcpy(m + 24, pfx.b, 16);
			break;
		}
	}
	f->l4_len = len;
}

/* An RA with a bad option is dropped whole: its PIO is not applied. */
static void chk_pio(struct wt *w, const struct wt_frame *f, bool broken)
{
	struct ndp_prefix pfx[8];
	struct ndp_ip6 want = wt_ip(w, "2001:db8:1::");
	int n, i, found = 0;

	n = ndp_get_prefix(w->kt.ctx, pfx, ARRAY_SIZE(pfx));
	for (i = 0; i < n && i < (int)ARRAY_SIZE(pfx); i++)
		found += ndp_ip6_eq(&pfx[i].addr, &want) && pfx[i].len == 64;
	KUNIT_EXPECT_EQ_MSG(w->kt.test, found, broken ? 0 : 1,
			    "%s: 2001:db8:1::/64 on the prefix list",
			    w->label);
}

/* ... nor its MTU option. */
static void chk_mtu(struct wt *w, const struct wt_frame *f, bool broken)
{
	struct ndp_params p;

	ndp_get_params(w->kt.ctx, &p);
	KUNIT_EXPECT_EQ_MSG(w->kt.test, p.mtu, broken ? 1500U : 1400U,
			    "%s: link MTU", w->label);
}

/* An NS with a bad option is dropped whole: its SLLA is not learned. */
static void chk_newmac(struct wt *w, const struct wt_frame *f, bool broken)
{
	struct ndp_nbr_info ni;

	KUNIT_ASSERT_EQ(w->kt.test,
			ndp_nbr_lookup(w->kt.ctx, &w->peer, &ni), 0);
	KUNIT_EXPECT_EQ_MSG(w->kt.test,
			    memcmp(ni.mac, broken ? w->peer_mac : wt_new_mac,
				   NDP_ETH_ALEN), 0,
			    "%s: cached MAC", w->label);
}

/* ::1 got no neighbour entry (RFC 4291 2.5.3). */
static void chk_no_loopback(struct wt *w, const struct wt_frame *f,
			    bool broken)
{
	struct ndp_ip6 lo = wt_ip(w, "::1");
	struct ndp_nbr_info ni;

	KUNIT_EXPECT_EQ(w->kt.test, ndp_nbr_lookup(w->kt.ctx, &lo, &ni),
			-ENOENT);
}

#define ND_RULE(_name, _msg, _var, _brk, _drop, _tx, _also, _check)	\
	{ .name = _name, .make = mk_nd, .var = _var, .brk = _brk,	\
	  .valid = WT_CONSUMED, .msg = _msg, .valid_tx = _tx,		\
	  .also = _also, .drop = _drop, .check = _check }

/* One macro per message: its type, its answer, what it may count. */
#define NS_RULE(_name, _var, _brk, _drop, _check)			\
	ND_RULE("NS: " _name, NDP_ICMP_NS, _var, _brk, _drop,		\
		NDP_ICMP_NA, 0, _check)
#define NA_RULE(_name, _var, _brk, _drop, _check)			\
	ND_RULE("NA: " _name, NDP_ICMP_NA, _var, _brk, _drop, 0, 0,	\
		_check)
#define RS_RULE(_name, _var, _brk, _drop, _check)			\
	ND_RULE("RS: " _name, NDP_ICMP_RS, _var, _brk, _drop, 0,	\
		NDP_STAT_RS_IGNORED, _check)
#define RA_RULE(_name, _var, _brk, _drop, _check)			\
	ND_RULE("RA: " _name, NDP_ICMP_RA, _var, _brk, _drop, 0, 0,	\
		_check)
#define RD_RULE(_name, _var, _brk, _drop, _check)			\
	ND_RULE("Redirect: " _name, NDP_ICMP_REDIRECT, _var, _brk,	\
		_drop, 0, NDP_STAT_REDIRECT_IGNORED, _check)

static const struct wt_rule wt_nd_rules[] = {
	NS_RULE("hop limit 254, code 0 (no && mistake)", V_BASE,
		B_HOPLIMIT, NDP_STAT_ND_HOPLIMIT, NULL),
	NS_RULE("code 1, hop limit 255 (no && mistake)", V_BASE,
		B_CODE, NDP_STAT_ND_CODE, NULL),
	NS_RULE("shorter than its fixed part", V_BASE,
		B_SHORT, NDP_STAT_ND_LEN, NULL),
	NS_RULE("option length 0 (defect 5)", V_BASE,
		B_OPT_ZERO, NDP_STAT_ND_OPT_ZERO_LEN, NULL),
	NS_RULE("option overruns the message", V_BASE,
		B_OPT_OVERRUN, NDP_STAT_ND_OPT_OVERRUN, NULL),
	NS_RULE("link-layer option of 16 bytes", V_BASE,
		B_LLA_SIZE, NDP_STAT_ND_OPT_BAD, NULL),
	NS_RULE("one stray byte after the options", V_BASE,
		B_OPT_TAIL, NDP_STAT_ND_OPT_OVERRUN, NULL),
	NS_RULE("target multicast", V_BASE,
		B_TARGET_MCAST, NDP_STAT_NS_TARGET_MCAST, NULL),
	NS_RULE("from :: to a group not solicited-node", V_DAD,
		B_DAD_DST, NDP_STAT_NS_DAD_BAD_DST, NULL),
	NS_RULE("from :: with an SLLA", V_DAD,
		B_DAD_SLLA, NDP_STAT_NS_DAD_SLLA, NULL),
	NS_RULE("unknown option skipped; of length 0 dropped", V_UNKOPT,
		B_UNKOPT_ZERO, NDP_STAT_ND_OPT_ZERO_LEN, NULL),
	NS_RULE("dropped whole on a bad option: SLLA not learned", V_NEWMAC,
		B_ZERO_OPT_AFTER, NDP_STAT_ND_OPT_ZERO_LEN, chk_newmac),
	NS_RULE("from ::1 with an SLLA: no entry, no NA", V_BASE,
		B_ND_SRC_LOOPBACK, NDP_STAT_IP6_LOOPBACK, chk_no_loopback),
	NA_RULE("hop limit 254, code 0 (no && mistake)", V_BASE,
		B_HOPLIMIT, NDP_STAT_ND_HOPLIMIT, NULL),
	NA_RULE("code 1, hop limit 255 (no && mistake)", V_BASE,
		B_CODE, NDP_STAT_ND_CODE, NULL),
	NA_RULE("shorter than its fixed part", V_BASE,
		B_SHORT, NDP_STAT_ND_LEN, NULL),
	NA_RULE("option length 0 (defect 5)", V_BASE,
		B_OPT_ZERO, NDP_STAT_ND_OPT_ZERO_LEN, NULL),
	NA_RULE("option overruns the message", V_BASE,
		B_OPT_OVERRUN, NDP_STAT_ND_OPT_OVERRUN, NULL),
	NA_RULE("link-layer option of 16 bytes", V_BASE,
		B_LLA_SIZE, NDP_STAT_ND_OPT_BAD, NULL),
	NA_RULE("one stray byte after the options", V_BASE,
		B_OPT_TAIL, NDP_STAT_ND_OPT_OVERRUN, NULL),
	NA_RULE("target multicast", V_BASE,
		B_TARGET_MCAST, NDP_STAT_NA_TARGET_MCAST, NULL),
	NA_RULE("solicited, to a multicast destination", V_SOLICITED,
		B_SOL_MCAST, NDP_STAT_NA_SOLICITED_MCAST, NULL),
	RS_RULE("hop limit 254, code 0 (no && mistake)", V_BASE,
		B_HOPLIMIT, NDP_STAT_ND_HOPLIMIT, NULL),
	RS_RULE("code 1, hop limit 255 (no && mistake)", V_BASE,
		B_CODE, NDP_STAT_ND_CODE, NULL),
	RS_RULE("shorter than its fixed part", V_BASE,
		B_SHORT, NDP_STAT_ND_LEN, NULL),
	RS_RULE("option length 0 (defect 5)", V_BASE,
		B_OPT_ZERO, NDP_STAT_ND_OPT_ZERO_LEN, NULL),
	RS_RULE("option overruns the message", V_BASE,
		B_OPT_OVERRUN, NDP_STAT_ND_OPT_OVERRUN, NULL),
	RS_RULE("link-layer option of 16 bytes", V_BASE,
		B_LLA_SIZE, NDP_STAT_ND_OPT_BAD, NULL),
	RS_RULE("one stray byte after the options", V_BASE,
		B_OPT_TAIL, NDP_STAT_ND_OPT_OVERRUN, NULL),
	RS_RULE("from :: with an SLLA", V_UNSPEC,
		B_DAD_SLLA, NDP_STAT_RS_UNSPEC_SLLA, NULL),
	RA_RULE("hop limit 254, code 0 (no && mistake)", V_BASE,
		B_HOPLIMIT, NDP_STAT_ND_HOPLIMIT, NULL),
	RA_RULE("code 1, hop limit 255 (no && mistake)", V_BASE,
		B_CODE, NDP_STAT_ND_CODE, NULL),
	RA_RULE("shorter than its fixed part", V_BASE,
		B_SHORT, NDP_STAT_ND_LEN, NULL),
	RA_RULE("option length 0 (defect 5)", V_BASE,
		B_OPT_ZERO, NDP_STAT_ND_OPT_ZERO_LEN, NULL),
	RA_RULE("option overruns the message", V_BASE,
		B_OPT_OVERRUN, NDP_STAT_ND_OPT_OVERRUN, NULL),
	RA_RULE("link-layer option of 16 bytes", V_BASE,
		B_LLA_SIZE, NDP_STAT_ND_OPT_BAD, NULL),
	RA_RULE("one stray byte after the options", V_BASE,
		B_OPT_TAIL, NDP_STAT_ND_OPT_OVERRUN, NULL),
	RA_RULE("from a global source", V_BASE,
		B_SRC_GLOBAL, NDP_STAT_RA_SRC_NOT_LL, NULL),
	RA_RULE("valid PIO then a zero-length option: no prefix", V_PIO,
		B_ZERO_OPT_AFTER, NDP_STAT_ND_OPT_ZERO_LEN, chk_pio),
	RA_RULE("MTU then a zero-length option: MTU kept", V_MTU,
		B_ZERO_OPT_AFTER, NDP_STAT_ND_OPT_ZERO_LEN, chk_mtu),
	RD_RULE("hop limit 254, code 0 (no && mistake)", V_BASE,
		B_HOPLIMIT, NDP_STAT_ND_HOPLIMIT, NULL),
	RD_RULE("code 1, hop limit 255 (no && mistake)", V_BASE,
		B_CODE, NDP_STAT_ND_CODE, NULL),
	RD_RULE("shorter than its fixed part", V_BASE,
		B_SHORT, NDP_STAT_ND_LEN, NULL),
	RD_RULE("option length 0 (defect 5)", V_BASE,
		B_OPT_ZERO, NDP_STAT_ND_OPT_ZERO_LEN, NULL),
	RD_RULE("option overruns the message", V_BASE,
		B_OPT_OVERRUN, NDP_STAT_ND_OPT_OVERRUN, NULL),
	RD_RULE("link-layer option of 16 bytes", V_BASE,
		B_LLA_SIZE, NDP_STAT_ND_OPT_BAD, NULL),
	RD_RULE("one stray byte after the options", V_BASE,
		B_OPT_TAIL, NDP_STAT_ND_OPT_OVERRUN, NULL),
	RD_RULE("from a global source", V_BASE,
		B_SRC_GLOBAL, NDP_STAT_REDIRECT_SRC_NOT_LL, NULL),
	RD_RULE("destination multicast", V_BASE,
		B_REDIR_DST_MCAST, NDP_STAT_REDIRECT_DST_MCAST, NULL),
	RD_RULE("target global, not the destination", V_BASE,
		B_REDIR_TARGET, NDP_STAT_REDIRECT_BAD_TARGET, NULL),
	RD_RULE("target = destination (on-link); from a non-router",
		V_REDIR_ONLINK, B_REDIR_NOT_ROUTER,
		NDP_STAT_REDIRECT_NOT_FIRST_HOP, NULL),
	RD_RULE("from a link-local address that is not the first hop",
		V_BASE, B_REDIR_NOT_ROUTER, NDP_STAT_REDIRECT_NOT_FIRST_HOP,
		NULL),
	RD_RULE("from the router, for an on-link destination", V_BASE,
		B_REDIR_DST_ONLINK, NDP_STAT_REDIRECT_NOT_FIRST_HOP, NULL),
};

/* ------------------------------------------ what goes up as an event */

static void mk_ev(struct wt *w, struct wt_frame *f, const struct wt_rule *r,
		  bool broken)
{
	struct ndp_ip6 grp;

	wt_udp(f);
	switch (r->var) {
	case EV_UDP:
		break;
	case EV_TCP_CHAIN:
		wt_ext_opts(w, f, NDP_NH_HOPOPTS, NULL, 0);
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		wt_tcp(f);
		break;
	case EV_UNKNOWN:
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		f->proto = 253;
		break;
	case EV_ESP:
		f->proto = 50;
		break;
	case EV_RT0_UDP:
		wt_ext_routing(w, f, 0, 0);
		break;
	case EV_FRAG_UDP:
		wt_ext_frag(w, f, 0, true);
		f->ev_set = true;
		f->ev_proto = NDP_NH_FRAGMENT;
		f->ev_l4_off = NDP_IP6_HLEN;
		break;
	case EV_FRAG_LATER:
		/* a later fragment: its first byte is no ICMPv6 type */
		wt_ext_frag(w, f, 185, false);
		wt_icmp(f, NDP_ICMP_NS);
		f->ev_set = true;
		f->ev_proto = NDP_NH_FRAGMENT;
		f->ev_l4_off = NDP_IP6_HLEN;
		break;
	case EV_DST_FRAG:
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		wt_ext_frag(w, f, 0, true);
		f->ev_set = true;
		f->ev_proto = NDP_NH_FRAGMENT;
		f->ev_l4_off = NDP_IP6_HLEN + 8;
		break;
	case EV_ECHO_REPLY:
		wt_icmp(f, NDP_ICMP_ECHO_REPLY);
		break;
	case EV_DST_UNREACH:
		wt_icmp(f, NDP_ICMP_DST_UNREACH);
		break;
	case EV_PARAM_PROB:
		wt_icmp(f, NDP_ICMP_PARAM_PROB);
		break;
	case EV_ICMP_UNKNOWN:
		wt_icmp(f, 200);
		break;
	case EV_ECHO_OFF:
		ndp_set_reply_echo(w->kt.ctx, false);
		wt_icmp(f, NDP_ICMP_ECHO_REQUEST);
		break;
	case EV_ALL_NODES:
		f->dst = w->all_nodes;
		break;
	case EV_UPPER_GROUP:
		grp = wt_ip(w, "ff05::1:3");
		KUNIT_ASSERT_EQ(w->kt.test, ndp_join_group(w->kt.ctx,
							   w->kt.now, &grp,
							   w->kt.out), 0);
		f->dst = grp;
		break;
	case EV_GLOBAL:
		f->src = w->peer_glob;
		f->dst = w->glob;
		break;
	case EV_NO_NEXT:
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		f->proto = NDP_NH_NONE;
		f->l4_len = 0;
		break;
	}
}

#define EV_RULE(_name, _var)						\
	{ .name = _name, .make = mk_ev, .var = _var, .valid = WT_EVENT, \
	  .valid_only = true }

static const struct wt_rule wt_event_rules[] = {
	EV_RULE("UDP: event UDP", EV_UDP),
	EV_RULE("TCP after Hop-by-Hop and Destination Options", EV_TCP_CHAIN),
	EV_RULE("unknown upper layer (253) after an option header: no error",
		EV_UNKNOWN),
	EV_RULE("ESP: event Default 50", EV_ESP),
	EV_RULE("UDP after a Routing header with Segments Left 0",
		EV_RT0_UDP),
	EV_RULE("first fragment of UDP: Default 44", EV_FRAG_UDP),
	EV_RULE("later fragment: Default 44, never ND", EV_FRAG_LATER),
	EV_RULE("fragment after Destination Options: l4_off at the Fragment",
		EV_DST_FRAG),
	EV_RULE("echo reply goes up", EV_ECHO_REPLY),
	EV_RULE("Destination Unreachable goes up", EV_DST_UNREACH),
	EV_RULE("Parameter Problem goes up", EV_PARAM_PROB),
	EV_RULE("unknown ICMPv6 type goes up", EV_ICMP_UNKNOWN),
	EV_RULE("echo request with reply_echo off goes up", EV_ECHO_OFF),
	EV_RULE("UDP to all-nodes", EV_ALL_NODES),
	EV_RULE("UDP to a group the upper layer joined", EV_UPPER_GROUP),
	EV_RULE("UDP between global addresses", EV_GLOBAL),
	{ .name = "No Next Header: consumed, no event", .make = mk_ev,
	  .var = EV_NO_NEXT, .valid = WT_CONSUMED, .valid_only = true },
};

/* ------------------------------------- ICMPv6 errors: RFC 4443 2.4 */

static void mk_err(struct wt *w, struct wt_frame *f, const struct wt_rule *r,
		   bool broken)
{
	/* Pad1, PadN(0), then an option with action 10 or 11 at +5 */
	u8 opts[6] = { 0, 1, 0, 0x9e, 1, 0 };

	wt_udp(f);
	/* to our unicast address, in a link-layer multicast frame */
	if (r->var == ER_L2_RT || r->var == ER_L2_OPT10 ||
	    r->var == ER_L2_OPT11 || r->var == ER_L2_HBH_LATE)
		w->pkt_flags = NDP_PKT_L2_MCAST;
	switch (r->var) {
	case ER_L2_RT:
	case ER_RT_UDP:
	case ER_RT_ICMP_ERR:
	case ER_RT_REDIRECT:
	case ER_RT_ECHO:
	case ER_RT_MCAST:
	case ER_RT_UNSPEC:
	case ER_RT_TENTATIVE:
	case ER_RT_BIG:
	case ER_RT_TRAIL:
		wt_ext_routing(w, f, 4, 1);
		break;
	case ER_OPT11_MCAST:
	case ER_L2_OPT11:
		opts[3] = 0xde;
		fallthrough;
	case ER_OPT10_MCAST:
	case ER_OPT10_ICMP_ERR:
	case ER_L2_OPT10:
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, opts, sizeof(opts));
		break;
	case ER_HBH_UNSPEC:
	case ER_HBH_LATE:
	case ER_L2_HBH_LATE:
		wt_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		wt_ext_opts(w, f, NDP_NH_HOPOPTS, NULL, 0);
		break;
	}
	switch (r->var) {
	case ER_RT_ICMP_ERR:
		wt_icmp(f, NDP_ICMP_DST_UNREACH);
		break;
	case ER_OPT10_ICMP_ERR:
		wt_icmp(f, NDP_ICMP_PKT_TOO_BIG);
		break;
	case ER_RT_REDIRECT:
		wt_icmp(f, NDP_ICMP_REDIRECT);
		break;
	case ER_RT_ECHO:
		wt_icmp(f, NDP_ICMP_ECHO_REQUEST);
		break;
	case ER_RT_MCAST:
	case ER_OPT10_MCAST:
	case ER_OPT11_MCAST:
		f->dst = w->all_nodes;
		break;
	case ER_RT_UNSPEC:
	case ER_HBH_UNSPEC:
		f->src = ndp_unspecified;
		break;
	case ER_RT_TENTATIVE:
		wt_dst_tentative(w, f);
		break;
	case ER_RT_BIG:
		/* 1440 bytes: the quote stops at the minimum MTU */
		memset(f->l4 + f->l4_len, 0x3c, 1392 - f->l4_len);
		f->l4_len = 1392;
		break;
	case ER_RT_TRAIL:
		f->trailing = 16;
		break;
	}
}

#define ERR_RULE(_name, _var, _drop, _pp, _code, _ptr)			\
	{ .name = _name, .make = mk_err, .var = _var,			\
	  .valid = WT_NO_VALID, .drop = _drop,				\
	  .drop_also = NDP_STAT_ICMP_ERR_SUPPRESSED, .pp = _pp,		\
	  .pp_code = _code, .pp_ptr = _ptr }

/* An error not sent for the rule RFC 4443 2.4 e: counted so. */
static void chk_suppressed(struct wt *w, const struct wt_frame *f,
			   bool broken)
{
	KUNIT_EXPECT_EQ(w->kt.test,
			ndp_kt_stat_delta(&w->kt, NDP_STAT_ICMP_ERR_SUPPRESSED),
			w->kt.out->n_tx ? 0ULL : 1ULL);
}

#define ERR_RULE_L2(_name, _var, _drop, _pp, _code, _ptr)		\
	{ .name = _name, .make = mk_err, .var = _var,			\
	  .valid = WT_NO_VALID, .drop = _drop,				\
	  .drop_also = NDP_STAT_ICMP_ERR_SUPPRESSED, .pp = _pp,		\
	  .pp_code = _code, .pp_ptr = _ptr, .check = chk_suppressed }

static const struct wt_rule wt_err_rules[] = {
	ERR_RULE("about UDP: sent", ER_RT_UDP, NDP_STAT_EXT_ROUTING,
		 true, 0, 42),
	ERR_RULE("about an echo request: sent", ER_RT_ECHO,
		 NDP_STAT_EXT_ROUTING, true, 0, 42),
	ERR_RULE("about a 1440-byte packet: the quote fills 1280 bytes",
		 ER_RT_BIG, NDP_STAT_EXT_ROUTING, true, 0, 42),
	ERR_RULE("the quote stops at the payload length", ER_RT_TRAIL,
		 NDP_STAT_EXT_ROUTING, true, 0, 42),
	ERR_RULE("about a packet to a tentative address: not sent",
		 ER_RT_TENTATIVE, NDP_STAT_EXT_ROUTING, false, 0, 0),
	ERR_RULE("about an ICMPv6 error (Routing): not sent", ER_RT_ICMP_ERR,
		 NDP_STAT_EXT_ROUTING, false, 0, 0),
	ERR_RULE("about an ICMPv6 error (option 10): not sent",
		 ER_OPT10_ICMP_ERR, NDP_STAT_EXT_OPT_PARAMPROB, false, 0, 0),
	ERR_RULE("about a Redirect: not sent", ER_RT_REDIRECT,
		 NDP_STAT_EXT_ROUTING, false, 0, 0),
	ERR_RULE("code 0 to a multicast destination: not sent", ER_RT_MCAST,
		 NDP_STAT_EXT_ROUTING, false, 0, 0),
	ERR_RULE("code 2 (option 10) to a multicast destination: sent",
		 ER_OPT10_MCAST, NDP_STAT_EXT_OPT_PARAMPROB, true, 2, 45),
	ERR_RULE("code 2 (option 11) to a multicast destination: not sent",
		 ER_OPT11_MCAST, NDP_STAT_EXT_OPT_PARAMPROB, false, 0, 0),
	ERR_RULE("to the unspecified source (Routing): not sent",
		 ER_RT_UNSPEC, NDP_STAT_EXT_ROUTING, false, 0, 0),
	ERR_RULE("to the unspecified source (Hop-by-Hop late): not sent",
		 ER_HBH_UNSPEC, NDP_STAT_EXT_HBH_NOT_FIRST, false, 0, 0),
	ERR_RULE("Hop-by-Hop after Destination Options: code 1 at 40",
		 ER_HBH_LATE, NDP_STAT_EXT_HBH_NOT_FIRST, true, 1, 40),
	/* RFC 4443 2.4 e.4, e.5: came as a link-layer multicast/broadcast */
	ERR_RULE_L2("link-layer multicast, code 0: not sent", ER_L2_RT,
		    NDP_STAT_EXT_ROUTING, false, 0, 0),
	ERR_RULE_L2("link-layer multicast, code 2 (option 10): sent",
		    ER_L2_OPT10, NDP_STAT_EXT_OPT_PARAMPROB, true, 2, 45),
	ERR_RULE_L2("link-layer multicast, code 2 (option 11): not sent",
		    ER_L2_OPT11, NDP_STAT_EXT_OPT_PARAMPROB, false, 0, 0),
	ERR_RULE_L2("link-layer multicast, code 1: not sent", ER_L2_HBH_LATE,
		    NDP_STAT_EXT_HBH_NOT_FIRST, false, 0, 0),
};

KUNIT_ARRAY_PARAM(wt_ip6, wt_ip6_rules, wt_rule_desc);
KUNIT_ARRAY_PARAM(wt_ext, wt_ext_rules, wt_rule_desc);
KUNIT_ARRAY_PARAM(wt_icmp, wt_icmp_rules, wt_rule_desc);
KUNIT_ARRAY_PARAM(wt_nd, wt_nd_rules, wt_rule_desc);
KUNIT_ARRAY_PARAM(wt_event, wt_event_rules, wt_rule_desc);
KUNIT_ARRAY_PARAM(wt_err, wt_err_rules, wt_rule_desc);

static void wire_ip6_header(struct kunit *test)
{
	wt_run(test);
}

static void wire_ext_headers(struct kunit *test)
{
	wt_run(test);
}

static void wire_icmp(struct kunit *test)
{
	wt_run(test);
}

static void wire_nd_validation(struct kunit *test)
{
	wt_run(test);
}

static void wire_upper_layer_events(struct kunit *test)
{
	wt_run(test);
}

static void wire_icmp_error_rules(struct kunit *test)
{
	wt_run(test);
}

/* --------------------------------------------------------------- echo */

struct wt_echo_case {
	const char *name;
	const char *dst;	/* NULL: our link-local */
	const char *src;	/* NULL: the peer */
	const char *reply_src;	/* NULL: no reply */
};

static const struct wt_echo_case wt_echo_cases[] = {
	{ "to our link-local", NULL, NULL, "fe80::ff:fe00:1" },
	{ "to our global", "2001:db8::1", NULL, "2001:db8::1" },
	{ "to all-nodes: from a selected unicast source", "ff02::1", NULL,
	  "fe80::ff:fe00:1" },
	{ "to our solicited-node group", "ff02::1:ff00:1", NULL,
	  "fe80::ff:fe00:1" },
	{ "from ::, no reply", NULL, "::", NULL },
};

static void wt_echo_desc(const struct wt_echo_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->name);
}

KUNIT_ARRAY_PARAM(wt_echo, wt_echo_cases, wt_echo_desc);

/* Exactly one echo reply, to the requester's MAC, with its id/seq/data. */
static void wire_echo_reply(struct kunit *test)
{
	const struct wt_echo_case *c = test->param_value;
	struct wt *w = wt_setup(test, NULL);
	struct wt_frame *f = wt_frame_new(w);
	struct ndp_ip6 want;
	struct ndp_params p;
	const u8 *ip6, *m;
	u32 len = 0;

	w->label = c->name;
	if (c->dst)
		f->dst = wt_ip(w, c->dst);
	if (c->src)
		f->src = wt_ip(w, c->src);
	wt_icmp(f, NDP_ICMP_ECHO_REQUEST);
	wt_send_frame(w, f);
	wt_expect_done(w, NDP_DONE_CONSUMED);
	if (!c->reply_src) {
		KUNIT_EXPECT_EQ(test, w->kt.out->n_tx, 0U);
		KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt,
							NDP_STAT_ECHO_NO_SOURCE),
				1ULL);
		ndp_kt_expect_only(&w->kt, NDP_STAT_ECHO_NO_SOURCE);
		return;
	}
	ndp_kt_expect_only(&w->kt, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_RX_ECHO), 1ULL);
	KUNIT_ASSERT_EQ(test, w->kt.out->n_tx, 1U);
	KUNIT_EXPECT_PTR_EQ(test, w->kt.out->tx[0].handle, NULL);
	/* Ethernet: to the requester's MAC from the cache, from ours */
	KUNIT_EXPECT_EQ(test, memcmp(w->kt.out->tx[0].frame, w->peer_mac,
				     NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, memcmp(w->kt.out->tx[0].frame + 6, w->kt.mac,
				     NDP_ETH_ALEN), 0);
	ip6 = ndp_kt_tx_ip6(&w->kt, 0);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	want = wt_ip(w, c->reply_src);
	ndp_get_params(w->kt.ctx, &p);
	KUNIT_EXPECT_EQ(test, ip6[0] >> 4, 6);
	KUNIT_EXPECT_EQ(test, ip6[6], NDP_NH_ICMPV6);
	KUNIT_EXPECT_EQ(test, ip6[7], p.cur_hop_limit);
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 8, &want));
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 24, &f->src));
	m = wt_tx_icmp(w, 0, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, m[0], NDP_ICMP_ECHO_REPLY);
	KUNIT_EXPECT_EQ(test, m[1], 0);
	KUNIT_ASSERT_EQ(test, len, f->l4_len);
	KUNIT_EXPECT_EQ(test, memcmp(m + 4, f->l4 + 4, len - 4), 0);
}

/* No room in the output for the reply: counted, the request consumed. */
static void wire_echo_reply_no_room(struct kunit *test)
{
	struct wt *w = wt_setup(test, NULL);
	struct wt_frame *f = wt_frame_new(w);
	struct ndp_pkt pkt;

	w->label = "echo, output full";
	wt_icmp(f, NDP_ICMP_ECHO_REQUEST);
	wt_render(w, f);
	pkt = (struct ndp_pkt){ .handle = WT_HANDLE(w),
				.data = ndp_kt_pkt(&w->kt), .len = f->len,
				.tot_len = f->len,
				.headroom = NDP_KT_HEADROOM };
	ndp_out_reset(w->kt.out);
	w->kt.out->arena_used = NDP_OUT_ARENA - 32;
	ndp_kt_snap(&w->kt);
	ndp_handle(w->kt.ctx, w->kt.now, &pkt, w->kt.out);
	wt_expect_done(w, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, w->kt.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_ECHO_TOO_BIG),
			1ULL);
	ndp_kt_expect_only(&w->kt, NDP_STAT_ECHO_TOO_BIG);
}

/* ------------------------------------------ ND option lengths */

/*
 * RFC 4861 4.6 leaves room for options to grow: a PIO of 40 bytes and an
 * MTU option of 16 are taken (their standard part), as Linux takes them; a
 * PIO of 24 bytes is too short for its fields and is skipped (counted),
 * and the rest of the RA applies all the same.
 */
static void wire_ra_option_lengths(struct kunit *test)
{
	struct wt *w = wt_setup(test, NULL);
	struct wt_frame *f = wt_frame_new(w);
	struct ndp_ip6 p1 = wt_ip(w, "2001:db8:1::");
	struct ndp_ip6 p2 = wt_ip(w, "2001:db8:2::");
	struct ndp_prefix pfx[4];
	struct ndp_ip6 rtrs[2];
	struct ndp_params par;
	u8 *m = f->l4;
	u32 len;
	int n;

	w->label = "RA, option lengths";
	f->proto = NDP_NH_ICMPV6;
	f->hop_limit = 255;
	f->dst = w->all_nodes;
	len = ndp_kt_ra(m, 0, 0, 1800, 0, 0);
	/* PIO of 5 units: the 32 standard bytes and 8 more */
	ndp_kt_opt_pio(m + len, &p1, 64, NDP_PIO_FLAG_L, 3600, 1800);
	m[len + 1] = 5;
	memset(m + len + 32, 0xab, 8);
	len += 40;
	/* MTU option of 2 units */
	ndp_kt_opt_mtu(m + len, 1400);
	m[len + 1] = 2;
	memset(m + len + 8, 0, 8);
	len += 16;
	/* PIO of 3 units: too short, skipped */
	ndp_kt_opt_pio(m + len, &p2, 64, NDP_PIO_FLAG_L, 3600, 1800);
	m[len + 1] = 3;
	len += 24;
	len += ndp_kt_opt_lla(m + len, NDP_OPT_SLLA, w->peer_mac);
	f->l4_len = len;
	wt_send_frame(w, f);
	wt_expect_done(w, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_ND_OPT_SHORT),
			1ULL);
	ndp_kt_expect_only(&w->kt, NDP_STAT_ND_OPT_SHORT);
	n = ndp_get_prefix(w->kt.ctx, pfx, ARRAY_SIZE(pfx));
	KUNIT_ASSERT_EQ(test, n, 1);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&pfx[0].addr, &p1));
	KUNIT_EXPECT_EQ(test, pfx[0].len, 64);
	ndp_get_params(w->kt.ctx, &par);
	KUNIT_EXPECT_EQ(test, par.mtu, 1400U);
	KUNIT_ASSERT_EQ(test, ndp_get_routers(w->kt.ctx, rtrs, 2), 1);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&rtrs[0], &w->peer));
}

/* ---------------------------------- optimistic addresses receive */

/*
 * After the link came back every address runs DAD again but stays in use,
 * optimistic (ndp_link_change(), RFC 4429): what is sent to it is
 * received as before DAD started again.  UDP to the link-local address and
 * a fragment to the global one go up, an echo request is answered from
 * the address it was sent to; an address added now is tentative and still
 * receives nothing but ND.
 */
static void wire_optimistic_address_receives(struct kunit *test)
{
	struct ndp_ip6 tentative;
	struct wt *w = wt_setup(test, NULL);
	const struct ndp_addr *a;
	struct wt_frame *f;
	const u8 *ip6;

	ndp_link_change(w->kt.ctx, w->kt.now, false, w->kt.out);
	w->kt.now += WT_SEC;
	ndp_out_reset(w->kt.out);
	ndp_link_change(w->kt.ctx, w->kt.now, true, w->kt.out);
	a = ndp_addr_find(w->kt.ctx, &w->ll);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_TRUE(test, a->state == NDP_ADDR_TENTATIVE &&
			  a->optimistic);
	a = ndp_addr_find(w->kt.ctx, &w->glob);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_TRUE(test, a->optimistic);
	w->label = "optimistic";

	f = wt_frame_new(w);
	wt_udp(f);
	wt_send_frame(w, f);
	wt_expect_event(w, f);
	ndp_kt_expect_only(&w->kt, NDP_STAT_MAX);

	f = wt_frame_new(w);
	wt_udp(f);
	f->src = w->peer_glob;
	f->dst = w->glob;
	wt_ext_frag(w, f, 0, true);
	f->ev_set = true;
	f->ev_proto = NDP_NH_FRAGMENT;
	f->ev_l4_off = NDP_IP6_HLEN;
	wt_send_frame(w, f);
	wt_expect_event(w, f);
	ndp_kt_expect_only(&w->kt, NDP_STAT_MAX);

	f = wt_frame_new(w);
	wt_icmp(f, NDP_ICMP_ECHO_REQUEST);
	wt_send_frame(w, f);
	wt_expect_done(w, NDP_DONE_CONSUMED);
	ndp_kt_expect_only(&w->kt, NDP_STAT_MAX);
	KUNIT_ASSERT_EQ(test, w->kt.out->n_tx, 1U);
	KUNIT_EXPECT_EQ(test, ndp_kt_tx_icmp_type(&w->kt, 0),
			NDP_ICMP_ECHO_REPLY);
	ip6 = ndp_kt_tx_ip6(&w->kt, 0);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 8, &w->ll));
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 24, &w->peer));

	/* tentative (not optimistic): still not ours */
	f = wt_frame_new(w);
	wt_udp(f);
	wt_dst_tentative(w, f);
	tentative = f->dst;
	a = ndp_addr_find(w->kt.ctx, &tentative);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_FALSE(test, a->optimistic);
	wt_send_frame(w, f);
	wt_expect_done(w, NDP_DONE_RX_DROPPED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt,
						NDP_STAT_IP6_NOT_FOR_US), 1ULL);
}

/* ------------------------------------------- ICMPv6 error rate limit */

/* A packet with Segments Left 1: one Parameter Problem if allowed. */
static u32 wt_rt_error(struct wt *w)
{
	struct wt_frame *f = wt_frame_new(w);

	wt_udp(f);
	wt_ext_routing(w, f, 4, 1);
	wt_send_frame(w, f);
	wt_expect_done(w, NDP_DONE_RX_DROPPED);
	KUNIT_EXPECT_EQ(w->kt.test,
			ndp_kt_stat_delta(&w->kt, NDP_STAT_EXT_ROUTING), 1ULL);
	return w->kt.out->n_tx ?
		(u32)(ndp_kt_tx_icmp_type(&w->kt, 0) == NDP_ICMP_PARAM_PROB) :
		0;
}

static void wire_icmp_error_rate_limit(struct kunit *test)
{
	struct ndp_config cfg;
	struct wt *w;
	s64 t0;
	int i;

	ndp_config_default(&cfg);
	cfg.icmp_burst = 3;
	cfg.icmp_rate = 2;
	w = wt_setup(test, &cfg);
	w->label = "rate limit";
	t0 = w->kt.now;
	/* the burst, then nothing */
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ_MSG(test, wt_rt_error(w), 1U, "burst %d", i);
	KUNIT_EXPECT_EQ(test, wt_rt_error(w), 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt,
						NDP_STAT_ICMP_ERR_RATELIMITED),
			1ULL);
	wt_expect_only2(w, NDP_STAT_EXT_ROUTING, NDP_STAT_ICMP_ERR_RATELIMITED);
	/* 2 per second: one more token after 500 ms, not before */
	w->kt.now = t0 + 499 * WT_MS;
	KUNIT_EXPECT_EQ(test, wt_rt_error(w), 0U);
	w->kt.now = t0 + 500 * WT_MS;
	KUNIT_EXPECT_EQ(test, wt_rt_error(w), 1U);
	KUNIT_EXPECT_EQ(test, wt_rt_error(w), 0U);
	/* a long pause refills the bucket to the burst, not beyond */
	w->kt.now = t0 + 3600 * WT_SEC;
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ_MSG(test, wt_rt_error(w), 1U, "refill %d", i);
	KUNIT_EXPECT_EQ(test, wt_rt_error(w), 0U);
}

/* ----------------------------------------------- checksum known answers */

struct wt_csum_case {
	const char *name;
	u8 data[24];
	u32 len;
	u32 split[3];		/* the buffer boundaries after the pseudo */
	u32 n_split;
	u32 pseudo_len;		/* first @pseudo_len bytes as the pseudo */
	u16 want;
};

static const struct wt_csum_case wt_csum_cases[] = {
	{ "IPv4 header example", { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40,
	  0x00, 0x40, 0x11, 0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8,
	  0x00, 0xc7 }, 20, .pseudo_len = 20, .want = 0xb861 },
	{ "RFC 1071 in three buffers", { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5,
	  0xf6, 0xf7 }, 8, { 6 }, 1, 4, 0x220d },
	{ "one odd byte", { 0x01 }, 1, .pseudo_len = 0, .want = 0xfeff },
	{ "three bytes", { 0x01, 0x02, 0x03 }, 3, .pseudo_len = 2,
	  .want = 0xfbfd },
	{ "zeros", { 0 }, 10, .pseudo_len = 4, .want = 0xffff },
	{ "ffff sums to zero", { 0xff, 0xff }, 2, .pseudo_len = 2,
	  .want = 0x0000 },
	{ "end-around carry", { 0xff, 0xff, 0xff, 0xff, 0x00, 0x01 }, 6,
	  .pseudo_len = 2, .want = 0xfffe },
	{ "odd buffer in the middle", { 1, 2, 3, 4, 5 }, 5, { 3 }, 1, 0,
	  0xf6f9 },
	{ "odd pseudo-header", { 1, 2, 3, 4, 5 }, 5, { 4 }, 1, 1, 0xf6f9 },
	{ "empty buffers between", { 1, 2, 3, 4, 5 }, 5, { 2, 2, 2 }, 3, 2,
	  0xf6f9 },
};

static void wt_csum_desc(const struct wt_csum_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->name);
}

KUNIT_ARRAY_PARAM(wt_csum_kat, wt_csum_cases, wt_csum_desc);

/* ndp_checksum() is the seed's: any buffer may have an odd length. */
static void wire_checksum_known_answers(struct kunit *test)
{
	const struct wt_csum_case *c = test->param_value;
	struct ndp_buf bufs[4];
	u32 i, at = c->pseudo_len;
	int n = 0;

	for (i = 0; i < c->n_split; i++) {
		bufs[n].p = c->data + at;
		bufs[n].len = c->split[i] - at;
		at = c->split[i];
		n++;
	}
	bufs[n].p = c->data + at;
	bufs[n].len = c->len - at;
	n++;
	KUNIT_EXPECT_EQ(test, ndp_checksum(c->data, c->pseudo_len, bufs, n),
			c->want);
	/* in one buffer, and with no pseudo-header, the same */
	bufs[0].p = c->data;
	bufs[0].len = c->len;
	KUNIT_EXPECT_EQ(test, ndp_checksum(NULL, 0, bufs, 1), c->want);
}

/* 64 KiB of 0xff: the sum must fold its carries, however many. */
static void wire_checksum_long(struct kunit *test)
{
	struct ndp_buf b;
	u8 *p;

	p = kunit_kzalloc(test, 65536, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 65536);
	b.p = p;
	b.len = 65536;
	KUNIT_EXPECT_EQ(test, ndp_checksum(NULL, 0, &b, 1), 0);
	p[65535] = 0xfe;	/* one less: ~0xfffe */
	KUNIT_EXPECT_EQ(test, ndp_checksum(NULL, 0, &b, 1), 1);
	memset(p, 0, 65536);
	KUNIT_EXPECT_EQ(test, ndp_checksum(NULL, 0, &b, 1), 0xffff);
}

/* ndp_icmp_csum() against values computed by hand (RFC 4443 2.3). */
static void wire_icmp_csum_known_answers(struct kunit *test)
{
	u8 echo[11] = { 0x80, 0, 0, 0, 0x12, 0x34, 0, 1, 'a', 'b', 'c' };
	u8 ns[32] = { NDP_ICMP_NS };
	struct ndp_ip6 a, b, t;
	struct kunit *k = test;

	a = ndp_kt_ip(k, "fe80::1");
	b = ndp_kt_ip(k, "fe80::2");
	KUNIT_EXPECT_EQ(test, ndp_icmp_csum(&a, &b, echo, 8), 0x7083);
	KUNIT_EXPECT_EQ(test, ndp_icmp_csum(&a, &b, echo, 11), 0xac1d);
	KUNIT_EXPECT_EQ(test, wt_csum(&a, &b, echo, 11), 0xac1d);
	/* swapping source and destination does not change the sum */
	KUNIT_EXPECT_EQ(test, ndp_icmp_csum(&b, &a, echo, 11), 0xac1d);

	a = ndp_kt_ip(k, "fe80::ff:fe00:2");
	b = ndp_kt_ip(k, "ff02::1:ff00:1");
	t = ndp_kt_ip(k, "2001:db8::1");
	memcpy(ns + 8, t.b, 16);
	ns[24] = NDP_OPT_SLLA;
	ns[25] = 1;
	ns[26] = 0x02;
	ns[31] = 0x02;
	KUNIT_EXPECT_EQ(test, ndp_icmp_csum(&a, &b, ns, 32), 0x4c5f);
	/* a message carrying its checksum sums to zero */
	ndp_put16(ns + 2, 0x4c5f);
	KUNIT_EXPECT_EQ(test, ndp_icmp_csum(&a, &b, ns, 32), 0);
}

static void wire_ipaddr_cstruct(struct kunit *test)
{
	u8 buf[40];
	struct ndp_ip6 a = ndp_kt_ip(test, "2001:db8:0:1:2:3:4:5"), b;
	u32 i;

	memset(buf, 0xee, sizeof(buf));
	ndp_ipaddr_to_cstruct_raw(&a, buf, 7);
	for (i = 0; i < 7; i++)
		KUNIT_EXPECT_EQ(test, buf[i], 0xee);
	for (i = 23; i < sizeof(buf); i++)
		KUNIT_EXPECT_EQ(test, buf[i], 0xee);
	KUNIT_EXPECT_EQ(test, buf[7], 0x20);
	KUNIT_EXPECT_EQ(test, buf[8], 0x01);
	KUNIT_EXPECT_EQ(test, buf[22], 0x05);
	ndp_ipaddr_of_cstruct(buf + 7, &b);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&a, &b));
	ndp_ipaddr_to_cstruct_raw(&a, buf, 0);
	ndp_ipaddr_of_cstruct(buf, &b);
	KUNIT_EXPECT_EQ(test, memcmp(b.b, a.b, 16), 0);
}

/* ----------------------------------------------------- option parser */

struct wt_opt_case {
	const char *name;
	u8 opts[64];
	u32 len;
	int ret;		/* enum ndp_stat, or 0 */
	u8 counted;		/* with ret 0: a counter that moves by one */
	/* 1 + the offset of what is indexed, 0 for nothing */
	u8 slla, tlla, mtu, nonce;
	u8 nonce_len;
	u16 n_pio;
};

#define AT(off)	((off) + 1)

static const struct wt_opt_case wt_opt_cases[] = {
	{ "no options", { 0 }, 0, 0 },
	{ "SLLA", { 1, 1, 2, 0, 0, 0, 0, 9 }, 8, 0, .slla = AT(2) },
	{ "TLLA then SLLA", { 2, 1, 2, 0, 0, 0, 0, 8, 1, 1, 2, 0, 0, 0, 0, 9 },
	  16, 0, .tlla = AT(2), .slla = AT(10) },
	{ "the last SLLA wins", { 1, 1, 2, 0, 0, 0, 0, 8, 1, 1, 2, 0, 0, 0, 0,
	  9 }, 16, 0, .slla = AT(10) },
	{ "two PIOs counted", { 3, 4, [32] = 3, 4 }, 64, 0, .n_pio = 2 },
	{ "MTU", { 5, 1, 0, 0, 0, 0, 5, 0xdc }, 8, 0, .mtu = AT(0) },
	{ "nonce of 6 bytes", { 14, 1, 1, 2, 3, 4, 5, 6 }, 8, 0,
	  .nonce = AT(2), .nonce_len = 6 },
	{ "nonce of 14 bytes", { 14, 2, 1 }, 16, 0, .nonce = AT(2),
	  .nonce_len = 14 },
	{ "unknown option skipped", { 200, 1, 0, 0, 0, 0, 0, 0, 1, 1, 2, 0, 0,
	  0, 0, 9 }, 16, 0, .slla = AT(10) },
	{ "length 0", { 200, 0, 0, 0, 0, 0, 0, 0 }, 8,
	  NDP_STAT_ND_OPT_ZERO_LEN },
	{ "length 0 after a good one", { 1, 1, 2, 0, 0, 0, 0, 9, 1, 0 }, 16,
	  NDP_STAT_ND_OPT_ZERO_LEN },
	{ "length 255", { 200, 255 }, 16, NDP_STAT_ND_OPT_OVERRUN },
	{ "overrun by one unit", { 1, 2, 2, 0, 0, 0, 0, 9 }, 8,
	  NDP_STAT_ND_OPT_OVERRUN },
	{ "one stray byte", { 1, 1, 2, 0, 0, 0, 0, 9, 1 }, 9,
	  NDP_STAT_ND_OPT_OVERRUN },
	{ "SLLA of 16 bytes", { 1, 2 }, 16, NDP_STAT_ND_OPT_BAD },
	{ "TLLA of 16 bytes", { 2, 2 }, 16, NDP_STAT_ND_OPT_BAD },
	/* longer than standard: taken; shorter: skipped, counted (Linux) */
	{ "PIO of 24 bytes skipped, the SLLA after it kept",
	  { 3, 3, [24] = 1, 1, 2, 0, 0, 0, 0, 9 }, 32, 0,
	  .counted = NDP_STAT_ND_OPT_SHORT, .slla = AT(26) },
	{ "PIO of 40 bytes", { 3, 5 }, 40, 0, .n_pio = 1 },
	{ "MTU of 16 bytes", { 5, 2, 0, 0, 0, 0, 5, 0xdc }, 16, 0,
	  .mtu = AT(0) },
};

static void wt_opt_desc(const struct wt_opt_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->name);
}

KUNIT_ARRAY_PARAM(wt_opt, wt_opt_cases, wt_opt_desc);

static const u8 *wt_at(const u8 *base, u8 at)
{
	return at ? base + at - 1 : NULL;
}

static void wire_opts_parse(struct kunit *test)
{
	const struct wt_opt_case *c = test->param_value;
	struct ndp_opts o;
	struct ndp_kt t;
	u8 *p;
	int ret;

	ndp_kt_init(test, &t, NULL);
	/* a copy with no slack after it: the parser reads no further */
	p = kunit_kzalloc(test, c->len + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memcpy(p, c->opts, c->len);
	ndp_kt_snap(&t);
	ret = ndp_opts_parse(t.ctx, p, c->len, &o);
	KUNIT_EXPECT_EQ(test, ret, c->ret);
	if (c->ret) {
		KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, c->ret), 1ULL);
		ndp_kt_expect_only(&t, c->ret);
		return;
	}
	if (c->counted)
		KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, c->counted), 1ULL);
	ndp_kt_expect_only(&t, c->counted ? c->counted : NDP_STAT_MAX);
	KUNIT_EXPECT_PTR_EQ(test, o.slla, wt_at(p, c->slla));
	KUNIT_EXPECT_PTR_EQ(test, o.tlla, wt_at(p, c->tlla));
	KUNIT_EXPECT_PTR_EQ(test, o.mtu, wt_at(p, c->mtu));
	KUNIT_EXPECT_PTR_EQ(test, o.nonce, wt_at(p, c->nonce));
	KUNIT_EXPECT_EQ(test, o.nonce_len, c->nonce_len);
	KUNIT_EXPECT_EQ(test, o.n_pio, c->n_pio);
}

/* ------------------------------------------------------------ builders */

/* Check output frame @i's Ethernet and IPv6 headers; its ICMPv6 body. */
static const u8 *wt_expect_frame(struct wt *w, u32 i, const u8 *eth_dst,
				 const struct ndp_ip6 *src,
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
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 8, src));
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 24, dst));
	return wt_tx_icmp(w, i, len);
}

static void wt_mcast_mac(const struct ndp_ip6 *g, u8 *mac)
{
	mac[0] = 0x33;
	mac[1] = 0x33;
	memcpy(mac + 2, g->b + 12, 4);
}

/* ndp_send_ns(), ndp_send_na() and the Router Alert builder, byte by byte. */
static void wire_builders(struct kunit *test)
{
	static const u8 nonce[NDP_NONCE_LEN] = { 1, 2, 3, 4, 5, 6 };
	u8 body[28] = { NDP_ICMP_MLD2_REPORT, 0, 0, 0, 0, 0, 0, 1, 4 };
	struct ndp_ip6 ll, target, sn, mld;
	const u8 *m, *ip6;
	u8 mac[NDP_ETH_ALEN];
	struct wt *w;
	u32 len = 0;

	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	ndp_kt_init(test, &w->kt, NULL);
	w->label = "builders";
	ll = wt_ll_of(w->kt.mac);
	target = ndp_kt_ip(test, "fe80::ff:fe00:2");
	ndp_solicited_node(&target, &sn);
	wt_mcast_mac(&sn, mac);

	/* NS: SLLA with our MAC */
	ndp_out_reset(w->kt.out);
	KUNIT_ASSERT_TRUE(test, ndp_send_ns(w->kt.ctx, w->kt.out, &ll, &sn,
					    mac, &target, NULL));
	m = wt_expect_frame(w, 0, mac, &ll, &sn, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, len, 32U);
	KUNIT_EXPECT_EQ(test, m[0], NDP_ICMP_NS);
	KUNIT_EXPECT_EQ(test, m[1] | m[4] | m[5] | m[6] | m[7], 0);
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(m + 8, &target));
	KUNIT_EXPECT_EQ(test, m[24], NDP_OPT_SLLA);
	KUNIT_EXPECT_EQ(test, m[25], 1);
	KUNIT_EXPECT_EQ(test, memcmp(m + 26, w->kt.mac, NDP_ETH_ALEN), 0);

	/* DAD NS: from ::, no SLLA, a nonce */
	ndp_out_reset(w->kt.out);
	KUNIT_ASSERT_TRUE(test, ndp_send_ns(w->kt.ctx, w->kt.out, NULL, &sn,
					    mac, &target, nonce));
	m = wt_expect_frame(w, 0, mac, &ndp_unspecified, &sn, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, len, 32U);
	KUNIT_EXPECT_EQ(test, m[24], NDP_OPT_NONCE);
	KUNIT_EXPECT_EQ(test, m[25], 1);
	KUNIT_EXPECT_EQ(test, memcmp(m + 26, nonce, NDP_NONCE_LEN), 0);

	/* NA: flags byte, target, TLLA */
	ndp_out_reset(w->kt.out);
	KUNIT_ASSERT_TRUE(test, ndp_send_na(w->kt.ctx, w->kt.out, &ll,
					    &target, mac, &ll,
					    NDP_NA_FLAG_S | NDP_NA_FLAG_O));
	m = wt_expect_frame(w, 0, mac, &ll, &target, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, len, 32U);
	KUNIT_EXPECT_EQ(test, m[0], NDP_ICMP_NA);
	KUNIT_EXPECT_EQ(test, m[4], 0x60);
	KUNIT_EXPECT_EQ(test, m[5] | m[6] | m[7], 0);
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(m + 8, &ll));
	KUNIT_EXPECT_EQ(test, m[24], NDP_OPT_TLLA);
	KUNIT_EXPECT_EQ(test, memcmp(m + 26, w->kt.mac, NDP_ETH_ALEN), 0);

	/* MLD: Hop-by-Hop with Router Alert (RFC 2711) first, hop limit 1 */
	mld = ndp_kt_ip(test, "ff02::16");
	memcpy(body + 12, sn.b, 16);
	wt_mcast_mac(&mld, mac);
	ndp_out_reset(w->kt.out);
	KUNIT_ASSERT_TRUE(test, ndp_emit_icmp_ra(w->kt.ctx, w->kt.out, mac,
						 &ll, &mld, body,
						 sizeof(body)));
	m = wt_expect_frame(w, 0, mac, &ll, &mld, 1, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	ip6 = ndp_kt_tx_ip6(&w->kt, 0);
	KUNIT_EXPECT_EQ(test, ip6[6], NDP_NH_HOPOPTS);
	KUNIT_EXPECT_EQ(test, ndp_get16(ip6 + 4), 8U + sizeof(body));
	KUNIT_EXPECT_EQ(test, ip6[40], NDP_NH_ICMPV6);
	KUNIT_EXPECT_EQ(test, ip6[41], 0);
	KUNIT_EXPECT_EQ(test, ip6[42], 5);	/* Router Alert */
	KUNIT_EXPECT_EQ(test, ip6[43], 2);
	KUNIT_EXPECT_EQ(test, ip6[44] | ip6[45], 0);	/* MLD */
	KUNIT_EXPECT_EQ(test, len, (u32)sizeof(body));
	KUNIT_EXPECT_EQ(test, memcmp(m + 4, body + 4, sizeof(body) - 4), 0);

	/* no room: nothing built, counted */
	ndp_out_reset(w->kt.out);
	w->kt.out->arena_used = NDP_OUT_ARENA - 16;
	ndp_kt_snap(&w->kt);
	KUNIT_EXPECT_FALSE(test, ndp_send_na(w->kt.ctx, w->kt.out, &ll,
					     &target, mac, &ll, 0));
	KUNIT_EXPECT_EQ(test, w->kt.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_TX_OUT_FULL),
			1ULL);
}

/* ----------------------------------------------- allocate_frame, send */

static void wire_allocate_frame(struct kunit *test)
{
	struct wt *w = wt_setup(test, NULL);
	struct ndp_params p;
	u8 buf[NDP_ETH_HLEN + NDP_IP6_HLEN + 4];
	u8 *ip6 = buf + NDP_ETH_HLEN;

	ndp_get_params(w->kt.ctx, &p);
	memset(buf, 0xee, sizeof(buf));
	KUNIT_EXPECT_EQ(test, ndp_allocate_frame(w->kt.ctx, &w->peer,
						 NDP_NH_ICMPV6, buf,
						 NDP_ETH_HLEN +
						 NDP_IP6_HLEN - 1), 0U);
	KUNIT_EXPECT_EQ(test, buf[0], 0xee);
	KUNIT_ASSERT_EQ(test, ndp_allocate_frame(w->kt.ctx, &w->peer,
						 NDP_NH_ICMPV6, buf,
						 sizeof(buf)),
			(u32)(NDP_ETH_HLEN + NDP_IP6_HLEN));
	KUNIT_EXPECT_EQ(test, memcmp(buf + 6, w->kt.mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, ndp_get16(buf + 12), 0x86dd);
	KUNIT_EXPECT_EQ(test, ip6[0], 0x60);
	KUNIT_EXPECT_EQ(test, ip6[1] | ip6[2] | ip6[3] | ip6[4] | ip6[5], 0);
	KUNIT_EXPECT_EQ(test, ip6[6], NDP_NH_ICMPV6);
	KUNIT_EXPECT_EQ(test, ip6[7], p.cur_hop_limit);
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 8, &w->ll));
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 24, &w->peer));
	KUNIT_EXPECT_EQ(test, buf[sizeof(buf) - 1], 0xee);
	/* a global destination gets the global source, UDP */
	KUNIT_ASSERT_EQ(test, ndp_allocate_frame(w->kt.ctx, &w->peer_glob,
						 NDP_NH_UDP, buf,
						 sizeof(buf)),
			(u32)(NDP_ETH_HLEN + NDP_IP6_HLEN));
	KUNIT_EXPECT_EQ(test, ip6[6], NDP_NH_UDP);
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 8, &w->glob));
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(ip6 + 24, &w->peer_glob));
}

struct wt_send_case {
	const char *name;
	u8 version;
	u32 headroom;
	u32 len;		/* linear */
	u32 tot_len;
	const char *hdr_dst;	/* NULL: the peer */
	const char *dst;	/* the dst argument; NULL: none */
	u32 flags;
	u16 plen;		/* in the header as given */
	int drop;		/* enum ndp_stat, or 0: transmitted */
	u8 reason;		/* enum ndp_done_reason when dropped */
	u8 mac[NDP_ETH_ALEN];	/* 0: the peer's */
	u16 want_plen;
};

static const struct wt_send_case wt_send_cases[] = {
	{ "not IPv6", 4, 64, 60, 60, .plen = 20,
	  .drop = NDP_STAT_TX_BAD_PACKET, .reason = NDP_DONE_BAD_PACKET },
	{ "no headroom for Ethernet", 6, 13, 60, 60, .plen = 20,
	  .drop = NDP_STAT_TX_BAD_PACKET, .reason = NDP_DONE_BAD_PACKET },
	{ "shorter than an IPv6 header", 6, 64, 39, 39,
	  .drop = NDP_STAT_TX_BAD_PACKET, .reason = NDP_DONE_BAD_PACKET },
	{ "tot_len below len", 6, 64, 60, 50, .plen = 20,
	  .drop = NDP_STAT_TX_BAD_PACKET, .reason = NDP_DONE_BAD_PACKET },
	{ "to a cached neighbour: its MAC", 6, 64, 60, 60, .plen = 20,
	  .want_plen = 20 },
	{ "to all-nodes: 33:33:00:00:00:01", 6, 64, 60, 60, "ff02::1",
	  .plen = 20, .mac = { 0x33, 0x33, 0, 0, 0, 1 }, .want_plen = 20 },
	{ "dst argument over the header: 33:33:ff:00:00:02", 6, 64, 60, 60,
	  NULL, "ff02::1:ff00:2", .plen = 20,
	  .mac = { 0x33, 0x33, 0xff, 0, 0, 2 }, .want_plen = 20 },
	{ "NDP_SEND_FILL_LEN sets the payload length", 6, 64, 60, 1000,
	  "ff02::1", NULL, NDP_SEND_FILL_LEN, 0,
	  .mac = { 0x33, 0x33, 0, 0, 0, 1 }, .want_plen = 960 },
	{ "without NDP_SEND_FILL_LEN it is left alone", 6, 64, 60, 1000,
	  "ff02::1", NULL, 0, 7, .mac = { 0x33, 0x33, 0, 0, 0, 1 },
	  .want_plen = 7 },
	{ "off-link, no router: no route (RFC 5942)", 6, 64, 60, 60,
	  "2001:db9::1", .plen = 20, .drop = NDP_STAT_TX_NO_ROUTE,
	  .reason = NDP_DONE_NO_ROUTE },
};

static void wt_send_desc(const struct wt_send_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->name);
}

KUNIT_ARRAY_PARAM(wt_send, wt_send_cases, wt_send_desc);

/* Count where handle @h came out: transmitted, done, or as the event. */
static u32 wt_handle_seen(const struct ndp_out *out, void *h)
{
	u32 i, n = 0;

	for (i = 0; i < out->n_tx; i++)
		n += out->tx[i].handle == h;
	for (i = 0; i < out->n_done; i++)
		n += out->done[i].handle == h;
	return n + (out->has_event && out->ev.handle == h);
}

static void wire_send(struct kunit *test)
{
	const struct wt_send_case *c = test->param_value;
	struct wt *w = wt_setup(test, NULL);
	struct ndp_ip6 hdr_dst, dst;
	const struct ndp_tx *tx;
	struct ndp_pkt pkt;
	u8 *p;

	w->label = c->name;
	hdr_dst = c->hdr_dst ? wt_ip(w, c->hdr_dst) : w->peer;
	if (c->dst)
		dst = wt_ip(w, c->dst);
	p = w->kt.buf + NDP_KT_HEADROOM;
	memset(p, 0x5a, WT_BUF);
	wt_put_ip6(p, c->version, c->plen, NDP_NH_UDP, 64, &w->ll, &hdr_dst);
	pkt = (struct ndp_pkt){ .handle = WT_HANDLE(w), .data = p,
				.len = c->len, .tot_len = c->tot_len,
				.headroom = c->headroom };
	ndp_out_reset(w->kt.out);
	ndp_kt_snap(&w->kt);
	ndp_send(w->kt.ctx, w->kt.now, c->dst ? &dst : NULL, &pkt, c->flags,
		 w->kt.out);
	KUNIT_EXPECT_EQ(test, wt_handle_seen(w->kt.out, WT_HANDLE(w)), 1U);
	KUNIT_EXPECT_FALSE(test, w->kt.out->has_event);
	if (c->drop) {
		KUNIT_EXPECT_EQ(test, w->kt.out->n_tx, 0U);
		wt_expect_done(w, c->reason);
		KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, c->drop), 1ULL);
		ndp_kt_expect_only(&w->kt, c->drop);
		return;
	}
	ndp_kt_expect_only(&w->kt, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_TX_PACKETS),
			1ULL);
	KUNIT_ASSERT_EQ(test, w->kt.out->n_tx, 1U);
	tx = &w->kt.out->tx[0];
	KUNIT_EXPECT_PTR_EQ(test, tx->handle, WT_HANDLE(w));
	KUNIT_EXPECT_PTR_EQ(test, tx->frame, p - NDP_ETH_HLEN);
	KUNIT_EXPECT_EQ(test, tx->len, c->len + NDP_ETH_HLEN);
	KUNIT_EXPECT_EQ(test, memcmp(tx->frame, c->mac[0] ? c->mac :
				     w->peer_mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, memcmp(tx->frame + 6, w->kt.mac, NDP_ETH_ALEN),
			0);
	KUNIT_EXPECT_EQ(test, ndp_get16(tx->frame + 12), 0x86dd);
	KUNIT_EXPECT_EQ(test, ndp_get16(p + 4), c->want_plen);
	/* the rest of the packet untouched */
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(p + 24, &hdr_dst));
	KUNIT_EXPECT_EQ(test, p[NDP_IP6_HLEN], 0x5a);
}

/* What allocate_frame builds, send transmits to the neighbour's MAC. */
static void wire_allocate_then_send(struct kunit *test)
{
	struct wt *w = wt_setup(test, NULL);
	u8 *f = w->kt.buf + NDP_KT_HEADROOM - NDP_ETH_HLEN;
	struct ndp_pkt pkt;
	u32 hl;

	hl = ndp_allocate_frame(w->kt.ctx, &w->peer, NDP_NH_UDP, f,
				NDP_ETH_HLEN + WT_BUF);
	KUNIT_ASSERT_EQ(test, hl, (u32)(NDP_ETH_HLEN + NDP_IP6_HLEN));
	memset(f + hl, 0x42, 100);
	pkt = (struct ndp_pkt){ .handle = WT_HANDLE(w),
				.data = f + NDP_ETH_HLEN,
				.len = NDP_IP6_HLEN + 100,
				.tot_len = NDP_IP6_HLEN + 100,
				.headroom = NDP_KT_HEADROOM };
	ndp_out_reset(w->kt.out);
	ndp_kt_snap(&w->kt);
	ndp_send(w->kt.ctx, w->kt.now, NULL, &pkt, NDP_SEND_FILL_LEN,
		 w->kt.out);
	KUNIT_ASSERT_EQ(test, w->kt.out->n_tx, 1U);
	KUNIT_EXPECT_EQ(test, w->kt.out->n_done, 0U);
	KUNIT_EXPECT_PTR_EQ(test, w->kt.out->tx[0].handle, WT_HANDLE(w));
	KUNIT_EXPECT_EQ(test, memcmp(f, w->peer_mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, ndp_get16(f + NDP_ETH_HLEN + 4), 100);
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(f + NDP_ETH_HLEN + 8, &w->ll));
	ndp_kt_expect_only(&w->kt, NDP_STAT_MAX);
}

/* -------------------------------------------------------- round trips */

/* Tick @t at its deadlines until a frame of ICMPv6 @type is out. */
static int wt_tick_for(struct ndp_kt *t, int type, s64 until)
{
	unsigned int guard;
	s64 next;
	int i;

	for (guard = 0; guard < 1000; guard++) {
		next = max(ndp_next_deadline(t->ctx), t->now);
		if (next > until)
			break;
		ndp_kt_tick(t, next);
		i = ndp_kt_find_tx(t, type);
		if (i >= 0)
			return i;
	}
	return -1;
}

/* Feed output frame @i of @from into @to (its IPv6 packet). */
static void wt_feed(struct wt *to, struct wt *from, u32 i)
{
	const struct ndp_tx *tx = &from->kt.out->tx[i];
	u32 len = tx->len - NDP_ETH_HLEN;

	KUNIT_ASSERT_LE(to->kt.test, len, (u32)WT_BUF);
	memcpy(ndp_kt_pkt(&to->kt), tx->frame + NDP_ETH_HLEN, len);
	wt_handle_len(to, len, len);
}

/*
 * The DAD NS: from ::, to the solicited-node group, with a nonce and no
 * SLLA.  Looped back to its sender it is recognised (RFC 7527); another
 * node with the same tentative address takes it as a duplicate.
 */
static void wire_roundtrip_dad_ns(struct kunit *test)
{
	struct ndp_ip6 addr = ndp_kt_ip(test, "2001:db8::77"), sn;
	struct wt *a, *b;
	const u8 *m;
	u8 mac[NDP_ETH_ALEN];
	struct ndp_ip6 ips[4];
	u32 len = 0, i;
	int n, k;

	a = wt_setup_as(test, NULL, 1, false);
	b = wt_setup_as(test, NULL, 2, false);
	a->label = "A";
	b->label = "B";
	ndp_solicited_node(&addr, &sn);
	wt_mcast_mac(&sn, mac);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(a->kt.ctx, a->kt.now, &addr, 64,
					 NDP_INFINITE, NDP_INFINITE,
					 a->kt.out), 0);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(b->kt.ctx, b->kt.now, &addr, 64,
					 NDP_INFINITE, NDP_INFINITE,
					 b->kt.out), 0);
	k = wt_tick_for(&a->kt, NDP_ICMP_NS, a->kt.now + 3 * WT_SEC);
	KUNIT_ASSERT_GE(test, k, 0);
	m = wt_expect_frame(a, k, mac, &ndp_unspecified, &sn, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, m[1], 0);
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(m + 8, &addr));
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
	wt_expect_done(b, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&b->kt, NDP_STAT_DAD_FAILED),
			1ULL);
	ndp_kt_run_until(&b->kt, b->kt.now + 5 * WT_SEC);
	n = ndp_get_ip(b->kt.ctx, ips, ARRAY_SIZE(ips));
	for (k = 0; k < n && k < (int)ARRAY_SIZE(ips); k++)
		KUNIT_EXPECT_FALSE(test, ndp_ip6_eq(&ips[k], &addr));

	/* A hears its own NS: looped back, not a duplicate */
	k = 0;
	wt_feed(a, a, ndp_kt_find_tx(&a->kt, NDP_ICMP_NS));
	wt_expect_done(a, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&a->kt, NDP_STAT_DAD_FAILED),
			0ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&a->kt,
						NDP_STAT_DAD_NS_LOOPED), 1ULL);
	ndp_kt_run_until(&a->kt, a->kt.now + 5 * WT_SEC);
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
	struct wt *a = wt_setup_as(test, NULL, 1, false);
	struct wt *b = wt_setup_as(test, NULL, 2, false);
	u8 *pkt_buf, *data;
	struct ndp_ip6 sn;
	struct ndp_pkt pkt;
	u8 mac[NDP_ETH_ALEN];
	const u8 *m;
	u32 len = 0;
	int k;

	a->label = "A";
	b->label = "B";
	pkt_buf = kunit_kzalloc(test, NDP_KT_HEADROOM + 100, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pkt_buf);
	data = pkt_buf + NDP_KT_HEADROOM;
	wt_put_ip6(data, 6, 60, NDP_NH_UDP, 64, &a->ll, &b->ll);
	memset(data + NDP_IP6_HLEN, 0x33, 60);
	pkt = (struct ndp_pkt){ .handle = pkt_buf, .data = data,
				.len = 100, .tot_len = 100,
				.headroom = NDP_KT_HEADROOM };
	ndp_out_reset(a->kt.out);
	ndp_kt_snap(&a->kt);
	ndp_send(a->kt.ctx, a->kt.now, NULL, &pkt, 0, a->kt.out);
	KUNIT_EXPECT_EQ(test, wt_handle_seen(a->kt.out, pkt_buf), 0U);

	/* A's NS: multicast to B's solicited-node group, with A's SLLA */
	k = ndp_kt_find_tx(&a->kt, NDP_ICMP_NS);
	KUNIT_ASSERT_GE(test, k, 0);
	ndp_solicited_node(&b->ll, &sn);
	wt_mcast_mac(&sn, mac);
	m = wt_expect_frame(a, k, mac, &a->ll, &sn, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, len, 32U);
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(m + 8, &b->ll));
	KUNIT_EXPECT_EQ(test, m[24], NDP_OPT_SLLA);
	KUNIT_EXPECT_EQ(test, memcmp(m + 26, a->kt.mac, NDP_ETH_ALEN), 0);

	/* B answers: solicited, override, to A's MAC learned from the SLLA */
	wt_feed(b, a, k);
	wt_expect_done(b, NDP_DONE_CONSUMED);
	k = ndp_kt_find_tx(&b->kt, NDP_ICMP_NA);
	KUNIT_ASSERT_GE(test, k, 0);
	KUNIT_EXPECT_EQ(test, b->kt.out->n_tx, 1U);
	m = wt_expect_frame(b, k, a->kt.mac, &b->ll, &a->ll, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, len, 32U);
	KUNIT_EXPECT_EQ(test, m[4], NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	KUNIT_EXPECT_TRUE(test, wt_ip_eq(m + 8, &b->ll));
	KUNIT_EXPECT_EQ(test, m[24], NDP_OPT_TLLA);
	KUNIT_EXPECT_EQ(test, memcmp(m + 26, b->kt.mac, NDP_ETH_ALEN), 0);

	/* A: the held packet leaves, to B's MAC, exactly once */
	wt_feed(a, b, k);
	KUNIT_EXPECT_EQ(test, wt_handle_seen(a->kt.out, pkt_buf), 1U);
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
	struct wt *w;
	u32 len = 0;
	int k;

	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	t = &w->kt;
	ndp_kt_init(test, t, NULL);
	w->label = "RS";
	w->ll = wt_ll_of(t->mac);
	rtrs = ndp_kt_ip(test, "ff02::2");
	k = wt_tick_for(t, NDP_ICMP_RS, t->now + 3 * WT_SEC);
	KUNIT_ASSERT_GE(test, k, 0);
	ip6 = ndp_kt_tx_ip6(t, k);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	memcpy(src.b, ip6 + 8, 16);
	m = wt_expect_frame(w, k, mac, &src, &rtrs, 255, &len);
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
	struct wt *w, *b;
	u32 len = 0, i, n, found = 0;
	int k;

	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	ndp_kt_init(test, &w->kt, NULL);
	w->label = "MLD";
	mld = ndp_kt_ip(test, "ff02::16");
	ll = wt_ll_of(w->kt.mac);
	ndp_solicited_node(&ll, &sn);
	k = wt_tick_for(&w->kt, NDP_ICMP_MLD2_REPORT, w->kt.now + 3 * WT_SEC);
	KUNIT_ASSERT_GE(test, k, 0);
	ip6 = ndp_kt_tx_ip6(&w->kt, k);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	memcpy(src.b, ip6 + 8, 16);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_is_unspec(&src) ||
			  ndp_ip6_eq(&src, &ll));
	m = wt_expect_frame(w, k, mac, &src, &mld, 1, &len);
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
		if (wt_ip_eq(rec + 4, &sn)) {
			/* a join: CHANGE_TO_EXCLUDE_MODE, no sources */
			KUNIT_EXPECT_EQ(test, rec[0], 4);
			KUNIT_EXPECT_EQ(test, ndp_get16(rec + 2), 0U);
			found++;
		}
		rec += 20 + rec[1] * 4 + ndp_get16(rec + 2) * 16;
	}
	KUNIT_EXPECT_EQ(test, found, 1U);

	/* B listens to ff02::16: the report is parsed and consumed */
	b = wt_setup_as(test, NULL, 2, false);
	b->label = "B";
	KUNIT_ASSERT_EQ(test, ndp_join_group(b->kt.ctx, b->kt.now, &mld,
					     b->kt.out), 0);
	wt_feed(b, w, k);
	wt_expect_done(b, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&b->kt, NDP_STAT_RX_ND), 1ULL);
	ndp_kt_expect_only(&b->kt, NDP_STAT_MAX);
}

/* B pings A; A's reply reaches B as an event. */
static void wire_roundtrip_echo(struct kunit *test)
{
	struct wt *a = wt_setup_as(test, NULL, 1, true);
	struct wt *b = wt_setup_as(test, NULL, 2, true);
	struct wt_frame *f = wt_frame_new(a);
	const struct ndp_event *ev;

	a->label = "A";
	b->label = "B";
	wt_icmp(f, NDP_ICMP_ECHO_REQUEST);
	wt_send_frame(a, f);
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
	ndp_kt_expect_only(&b->kt, NDP_STAT_MAX);
}

/* A's Parameter Problem reaches B, the sender, as an event. */
static void wire_roundtrip_param_problem(struct kunit *test)
{
	struct wt *a = wt_setup_as(test, NULL, 1, true);
	struct wt *b = wt_setup_as(test, NULL, 2, true);
	struct wt_frame *f = wt_frame_new(a);
	const struct ndp_event *ev;

	a->label = "A";
	b->label = "B";
	wt_udp(f);
	wt_ext_routing(a, f, 4, 1);
	wt_send_frame(a, f);
	KUNIT_ASSERT_EQ(test, a->kt.out->n_tx, 1U);
	wt_expect_param_prob(a, f, 0, 0, 42, &a->ll);
	wt_feed(b, a, 0);
	ev = &b->kt.out->ev;
	KUNIT_ASSERT_TRUE(test, b->kt.out->has_event);
	KUNIT_EXPECT_EQ(test, ev->kind, NDP_EV_DEFAULT);
	KUNIT_EXPECT_EQ(test, ev->proto, NDP_NH_ICMPV6);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ev->src, &a->ll));
	KUNIT_EXPECT_EQ(test, ndp_kt_pkt(&b->kt)[NDP_IP6_HLEN],
			NDP_ICMP_PARAM_PROB);
	ndp_kt_expect_only(&b->kt, NDP_STAT_MAX);
}

static struct kunit_case ndpv6_wire_cases[] = {
	KUNIT_CASE_PARAM(wire_ip6_header, wt_ip6_gen_params),
	KUNIT_CASE_PARAM(wire_ext_headers, wt_ext_gen_params),
	KUNIT_CASE_PARAM(wire_icmp, wt_icmp_gen_params),
	KUNIT_CASE_PARAM(wire_nd_validation, wt_nd_gen_params),
	KUNIT_CASE_PARAM(wire_upper_layer_events, wt_event_gen_params),
	KUNIT_CASE_PARAM(wire_icmp_error_rules, wt_err_gen_params),
	KUNIT_CASE(wire_icmp_error_rate_limit),
	KUNIT_CASE_PARAM(wire_echo_reply, wt_echo_gen_params),
	KUNIT_CASE(wire_echo_reply_no_room),
	KUNIT_CASE(wire_optimistic_address_receives),
	KUNIT_CASE(wire_ra_option_lengths),
	KUNIT_CASE_PARAM(wire_checksum_known_answers, wt_csum_kat_gen_params),
	KUNIT_CASE(wire_checksum_long),
	KUNIT_CASE(wire_icmp_csum_known_answers),
	KUNIT_CASE(wire_ipaddr_cstruct),
	KUNIT_CASE_PARAM(wire_opts_parse, wt_opt_gen_params),
	KUNIT_CASE(wire_builders),
	KUNIT_CASE(wire_allocate_frame),
	KUNIT_CASE_PARAM(wire_send, wt_send_gen_params),
	KUNIT_CASE(wire_allocate_then_send),
	KUNIT_CASE(wire_roundtrip_dad_ns),
	KUNIT_CASE(wire_roundtrip_ns_na_send),
	KUNIT_CASE(wire_roundtrip_rs),
	KUNIT_CASE(wire_roundtrip_mld_report),
	KUNIT_CASE(wire_roundtrip_echo),
	KUNIT_CASE(wire_roundtrip_param_problem),
	{}
};

static struct kunit_suite ndpv6_wire_suite = {
	.name = "ndpv6_wire",
	.test_cases = ndpv6_wire_cases,
};

kunit_test_suites(&ndpv6_wire_suite);
