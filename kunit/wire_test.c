// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_wire: the core's wire format (module/core/wire.c):
 * checksum known answers, the option parser, the frame builders,
 * allocate_frame and send (in core.c); frames from one context to another are
 * in wire_roundtrip_test.c.
 *
 * The contexts are the fixture's (ndp_kt_peer_setup()): MAC
 * 02:00:00:00:00:01, fe80::ff:fe00:1 and 2001:db8::1/64 valid after DAD,
 * the neighbour fe80::ff:fe00:2 in the cache.
 */
#include "ndp_kunit.h"

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

/* ndp_checksum() as in Mirage's Ndpv6: any buffer may have an odd length. */
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
	KUNIT_EXPECT_EQ(test, nf_l4_csum(&a, &b, NDP_NH_ICMPV6, echo, 11),
			0xac1d);
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
	{ "the first SLLA counts", { 1, 1, 2, 0, 0, 0, 0, 8, 1, 1, 2, 0, 0, 0,
	  0, 9 }, 16, 0, .slla = AT(2), .counted = NDP_STAT_ND_OPT_DUPLICATE },
	{ "the first MTU counts", { 5, 1, 0, 0, 0, 0, 5, 0xdc, 5, 1, 0, 0, 0, 0,
	  5, 0x14 }, 16, 0, .mtu = AT(0), .counted = NDP_STAT_ND_OPT_DUPLICATE },
	{ "the first nonce counts", { 14, 1, 1, 2, 3, 4, 5, 6, 14, 1, 9, 9, 9,
	  9, 9, 9 }, 16, 0, .nonce = AT(2), .nonce_len = 6,
	  .counted = NDP_STAT_ND_OPT_DUPLICATE },
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

/*
 * The Router Alert builder: an MLD Report from @ll about @sn leaves with a
 * Hop-by-Hop header with Router Alert (RFC 2711) first, hop limit 1.
 */
static void wire_router_alert(struct ndp_kt_peer *w, const struct ndp_ip6 *ll,
			      const struct ndp_ip6 *sn)
{
	u8 body[28] = { NDP_ICMP_MLD2_REPORT, 0, 0, 0, 0, 0, 0, 1, 4 };
	struct ndp_ip6 mld = ndp_kt_ip(w->kt.test, "ff02::16");
	struct kunit *test = w->kt.test;
	u8 mac[NDP_ETH_ALEN];
	const u8 *m, *ip6;
	u32 len = 0;

	memcpy(body + 12, sn->b, 16);
	ndp_kt_mcast_mac(&mld, mac);
	ndp_out_reset(w->kt.out);
	KUNIT_ASSERT_TRUE(test, ndp_emit_icmp_ra(w->kt.ctx, w->kt.out, mac,
						 ll, &mld, body,
						 sizeof(body)));
	m = ndp_kt_expect_frame(w, 0, mac, ll, &mld, 1, &len);
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
}

/* ndp_send_ns(), ndp_send_na() and the Router Alert builder, byte by byte. */
static void wire_builders(struct kunit *test)
{
	static const u8 nonce[NDP_NONCE_LEN] = { 1, 2, 3, 4, 5, 6 };
	struct ndp_ip6 ll, target, sn;
	const u8 *m;
	u8 mac[NDP_ETH_ALEN];
	struct ndp_kt_peer *w;
	u32 len = 0;

	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	ndp_kt_init(test, &w->kt, NULL);
	w->kt.label = "builders";
	ll = nf_eui64(&ndp_kt_fe80, w->kt.mac);
	target = ndp_kt_ip(test, "fe80::ff:fe00:2");
	ndp_solicited_node(&target, &sn);
	ndp_kt_mcast_mac(&sn, mac);

	/* NS: SLLA with our MAC */
	ndp_out_reset(w->kt.out);
	KUNIT_ASSERT_TRUE(test, ndp_send_ns(w->kt.ctx, w->kt.out, &ll, &sn,
					    mac, &target, NULL));
	m = ndp_kt_expect_frame(w, 0, mac, &ll, &sn, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, len, 32U);
	KUNIT_EXPECT_EQ(test, m[0], NDP_ICMP_NS);
	KUNIT_EXPECT_EQ(test, m[1] | m[4] | m[5] | m[6] | m[7], 0);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(m + 8, &target));
	KUNIT_EXPECT_EQ(test, m[24], NDP_OPT_SLLA);
	KUNIT_EXPECT_EQ(test, m[25], 1);
	KUNIT_EXPECT_EQ(test, memcmp(m + 26, w->kt.mac, NDP_ETH_ALEN), 0);

	/* DAD NS: from ::, no SLLA, a nonce */
	ndp_out_reset(w->kt.out);
	KUNIT_ASSERT_TRUE(test, ndp_send_ns(w->kt.ctx, w->kt.out, NULL, &sn,
					    mac, &target, nonce));
	m = ndp_kt_expect_frame(w, 0, mac, &ndp_unspecified, &sn, 255, &len);
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
	m = ndp_kt_expect_frame(w, 0, mac, &ll, &target, 255, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, len, 32U);
	KUNIT_EXPECT_EQ(test, m[0], NDP_ICMP_NA);
	KUNIT_EXPECT_EQ(test, m[4], 0x60);
	KUNIT_EXPECT_EQ(test, m[5] | m[6] | m[7], 0);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(m + 8, &ll));
	KUNIT_EXPECT_EQ(test, m[24], NDP_OPT_TLLA);
	KUNIT_EXPECT_EQ(test, memcmp(m + 26, w->kt.mac, NDP_ETH_ALEN), 0);

	wire_router_alert(w, &ll, &sn);

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
	struct ndp_kt_peer *w = ndp_kt_peer_setup(test, NULL);
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
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 8, &w->ll));
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 24, &w->peer));
	KUNIT_EXPECT_EQ(test, buf[sizeof(buf) - 1], 0xee);
	/* a global destination gets the global source, UDP */
	KUNIT_ASSERT_EQ(test, ndp_allocate_frame(w->kt.ctx, &w->peer_glob,
						 NDP_NH_UDP, buf,
						 sizeof(buf)),
			(u32)(NDP_ETH_HLEN + NDP_IP6_HLEN));
	KUNIT_EXPECT_EQ(test, ip6[6], NDP_NH_UDP);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 8, &w->glob));
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 24, &w->peer_glob));
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

static void wire_send(struct kunit *test)
{
	const struct wt_send_case *c = test->param_value;
	struct ndp_kt_peer *w = ndp_kt_peer_setup(test, NULL);
	struct ndp_ip6 hdr_dst, dst;
	const struct ndp_tx *tx;
	struct ndp_pkt pkt;
	u8 *p;

	w->kt.label = c->name;
	hdr_dst = c->hdr_dst ? ndp_kt_peer_ip(w, c->hdr_dst) : w->peer;
	if (c->dst)
		dst = ndp_kt_peer_ip(w, c->dst);
	p = w->kt.buf + NDP_KT_HEADROOM;
	memset(p, 0x5a, NDP_KT_BUF);
	ndp_kt_put_ip6(p, c->version, c->plen, NDP_NH_UDP, 64, &w->ll,
		       &hdr_dst);
	pkt = (struct ndp_pkt){ .handle = NDP_KT_HANDLE(w), .data = p,
				.len = c->len, .tot_len = c->tot_len,
				.headroom = c->headroom };
	ndp_kt_send_pkt(&w->kt, c->dst ? &dst : NULL, &pkt, c->flags);
	KUNIT_EXPECT_EQ(test, ndp_kt_handle_seen(w->kt.out, NDP_KT_HANDLE(w)),
			1U);
	KUNIT_EXPECT_FALSE(test, w->kt.out->has_event);
	if (c->drop) {
		KUNIT_EXPECT_EQ(test, w->kt.out->n_tx, 0U);
		ndp_kt_expect_done(w, c->reason);
		KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, c->drop), 1ULL);
		ndp_kt_expect_only(&w->kt, c->drop);
		return;
	}
	ndp_kt_expect_only(&w->kt, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_TX_PACKETS),
			1ULL);
	KUNIT_ASSERT_EQ(test, w->kt.out->n_tx, 1U);
	tx = &w->kt.out->tx[0];
	KUNIT_EXPECT_PTR_EQ(test, tx->handle, NDP_KT_HANDLE(w));
	KUNIT_EXPECT_PTR_EQ(test, tx->frame, p - NDP_ETH_HLEN);
	KUNIT_EXPECT_EQ(test, tx->len, c->len + NDP_ETH_HLEN);
	KUNIT_EXPECT_EQ(test, memcmp(tx->frame, c->mac[0] ? c->mac :
				     w->peer_mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, memcmp(tx->frame + 6, w->kt.mac, NDP_ETH_ALEN),
			0);
	KUNIT_EXPECT_EQ(test, ndp_get16(tx->frame + 12), 0x86dd);
	KUNIT_EXPECT_EQ(test, ndp_get16(p + 4), c->want_plen);
	/* the rest of the packet untouched */
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(p + 24, &hdr_dst));
	KUNIT_EXPECT_EQ(test, p[NDP_IP6_HLEN], 0x5a);
}

/* What allocate_frame builds, send transmits to the neighbour's MAC. */
static void wire_allocate_then_send(struct kunit *test)
{
	struct ndp_kt_peer *w = ndp_kt_peer_setup(test, NULL);
	u8 *f = w->kt.buf + NDP_KT_HEADROOM - NDP_ETH_HLEN;
	struct ndp_pkt pkt;
	u32 hl;

	hl = ndp_allocate_frame(w->kt.ctx, &w->peer, NDP_NH_UDP, f,
				NDP_ETH_HLEN + NDP_KT_BUF);
	KUNIT_ASSERT_EQ(test, hl, (u32)(NDP_ETH_HLEN + NDP_IP6_HLEN));
	memset(f + hl, 0x42, 100);
	pkt = (struct ndp_pkt){ .handle = NDP_KT_HANDLE(w),
				.data = f + NDP_ETH_HLEN,
				.len = NDP_IP6_HLEN + 100,
				.tot_len = NDP_IP6_HLEN + 100,
				.headroom = NDP_KT_HEADROOM };
	ndp_kt_send_pkt(&w->kt, NULL, &pkt, NDP_SEND_FILL_LEN);
	KUNIT_ASSERT_EQ(test, w->kt.out->n_tx, 1U);
	KUNIT_EXPECT_EQ(test, w->kt.out->n_done, 0U);
	KUNIT_EXPECT_PTR_EQ(test, w->kt.out->tx[0].handle, NDP_KT_HANDLE(w));
	KUNIT_EXPECT_EQ(test, memcmp(f, w->peer_mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, ndp_get16(f + NDP_ETH_HLEN + 4), 100);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(f + NDP_ETH_HLEN + 8, &w->ll));
	ndp_kt_expect_only(&w->kt, NDP_STAT_MAX);
}

static struct kunit_case wire_cases[] = {
	KUNIT_CASE_PARAM(wire_checksum_known_answers, wt_csum_kat_gen_params),
	KUNIT_CASE(wire_checksum_long),
	KUNIT_CASE(wire_icmp_csum_known_answers),
	KUNIT_CASE(wire_ipaddr_cstruct),
	KUNIT_CASE_PARAM(wire_opts_parse, wt_opt_gen_params),
	KUNIT_CASE(wire_builders),
	KUNIT_CASE(wire_allocate_frame),
	KUNIT_CASE_PARAM(wire_send, wt_send_gen_params),
	KUNIT_CASE(wire_allocate_then_send),
	{}
};

static struct kunit_suite wire_suite = {
	.name = "ndpv6_wire",
	.test_cases = wire_cases,
};

kunit_test_suites(&wire_suite);
