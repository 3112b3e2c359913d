// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_rx: receive validation (module/core/rx.c) on real
 * bytes: the rows of the IPv6 header, extension header and ICMPv6 rules
 * (the method is in ndp_kunit_rx.h), then echo and the ICMPv6 error rate
 * limit.
 */
#include "ndp_kunit_rx.h"

/* ------------------------------------------------------------ helpers */

/* --------------------------------------------------------- the context */

/* ------------------------------------------------------- rule tables */

/* ------------------------------------------------------ IPv6 header */

static void mk_ip6(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
		   const struct rx_rule *r, bool broken)
{
	ndp_kt_frame_udp(f);
	if (r->var == V_MCAST)
		f->dst = w->all_nodes;
	if (r->var == V_FRAG_UDP) {
		rx_ext_frag(w, f, 0, true);
		f->ev_set = true;
		f->ev_proto = NDP_NH_FRAGMENT;
		f->ev_l4_off = NDP_IP6_HLEN;
	}
	if (!broken)
		return;
	switch (r->brk) {
	case B_DST_TENTATIVE:
		rx_dst_tentative(w, f);
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
		f->dst = ndp_kt_peer_ip(w, "2001:db8::99");
		break;
	case B_DST_GROUP:
		f->dst = ndp_kt_peer_ip(w, "ff02::1:3");
		break;
	case B_SRC_LOOPBACK:
		f->src = ndp_kt_peer_ip(w, "::1");
		break;
	case B_DST_LOOPBACK:
		f->dst = ndp_kt_peer_ip(w, "::1");
		break;
	case B_DST_IFLOCAL:
	case B_DST_SCOPE0:
		/* joined by the upper layer: dropped all the same */
		f->dst = ndp_kt_peer_ip(w, r->brk == B_DST_IFLOCAL ? "ff01::1" :
					"ff00::1:3");
		KUNIT_ASSERT_EQ(w->kt.test, ndp_join_group(w->kt.ctx, w->kt.now,
							   &f->dst, w->kt.out),
				0);
		break;
	}
}

static void mk_echo(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
		    const struct rx_rule *r, bool broken)
{
	ndp_kt_frame_icmp(f, NDP_ICMP_ECHO_REQUEST);
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
		rx_dst_tentative(w, f);
		break;
	}
}

/* The echo reply quotes exactly the payload, not the trailing bytes. */
static void chk_echo_len(struct ndp_kt_peer *w, const struct ndp_kt_frame *f,
			 bool broken)
{
	const u8 *m;
	u32 len = 0;

	if (broken)
		return;
	m = ndp_kt_tx_icmp_checked(w, 0, &len);
	KUNIT_ASSERT_NOT_NULL(w->kt.test, m);
	KUNIT_EXPECT_EQ(w->kt.test, len, f->l4_len);
	KUNIT_EXPECT_EQ(w->kt.test, memcmp(m + 4, f->l4 + 4, f->l4_len - 4),
			0);
}

static const struct rx_rule rx_ip6_rules[] = {
	{ "IPv6: shorter than its header", mk_ip6, .brk = B_CUT,
	  .valid = RX_EVENT, .drop = NDP_STAT_IP6_TRUNCATED },
	{ "IPv6: payload length beyond the frame", mk_ip6, .brk = B_PLEN,
	  .valid = RX_EVENT, .drop = NDP_STAT_IP6_TRUNCATED },
	{ "IPv6: version 4", mk_ip6, .brk = B_VERSION,
	  .valid = RX_EVENT, .drop = NDP_STAT_IP6_VERSION },
	{ "IPv6: multicast source", mk_ip6, .brk = B_SRC_MCAST,
	  .valid = RX_EVENT, .drop = NDP_STAT_IP6_SRC_MCAST },
	{ "IPv6: destination not ours", mk_ip6, .brk = B_DST_OTHER,
	  .valid = RX_EVENT, .drop = NDP_STAT_IP6_NOT_FOR_US },
	{ "IPv6: group not joined", mk_ip6, V_MCAST, B_DST_GROUP,
	  .valid = RX_EVENT, .drop = NDP_STAT_IP6_NOT_FOR_US },
	{ "IPv6: loopback source (RFC 4291 2.5.3)", mk_ip6,
	  .brk = B_SRC_LOOPBACK, .valid = RX_EVENT,
	  .drop = NDP_STAT_IP6_LOOPBACK },
	{ "IPv6: loopback destination (RFC 4291 2.5.3)", mk_ip6,
	  .brk = B_DST_LOOPBACK, .valid = RX_EVENT,
	  .drop = NDP_STAT_IP6_LOOPBACK },
	{ "IPv6: to interface-local ff01::1, joined (RFC 4291 2.7)", mk_ip6,
	  V_MCAST, B_DST_IFLOCAL, .valid = RX_EVENT,
	  .drop = NDP_STAT_IP6_MCAST_SCOPE },
	{ "IPv6: to a group of scope 0, joined (RFC 4291 2.7)", mk_ip6,
	  V_MCAST, B_DST_SCOPE0, .valid = RX_EVENT,
	  .drop = NDP_STAT_IP6_MCAST_SCOPE },
	{ "IPv6: to a tentative address (RFC 4862 5.4)", mk_ip6,
	  .brk = B_DST_TENTATIVE, .valid = RX_EVENT,
	  .drop = NDP_STAT_IP6_NOT_FOR_US },
	{ "IPv6: fragment to a tentative address", mk_ip6, V_FRAG_UDP,
	  B_DST_TENTATIVE, .valid = RX_EVENT,
	  .drop = NDP_STAT_IP6_NOT_FOR_US },
	{ "IPv6: echo request to a tentative address", mk_echo,
	  .brk = B_DST_TENTATIVE, .valid_tx = NDP_ICMP_ECHO_REPLY,
	  .drop = NDP_STAT_IP6_NOT_FOR_US },
	{ "IPv6: trailing bytes trimmed (payload length counts)", mk_echo,
	  V_TRAIL, B_PLEN_TRAIL, .valid_tx = NDP_ICMP_ECHO_REPLY,
	  .drop = NDP_STAT_ICMP_CSUM, .check = chk_echo_len },
};

/* ------------------------------------------------- extension headers */

/* A table as code: a case for each variant of rx_ext_rules[], hence long. */
static void mk_ext(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
		   const struct rx_rule *r, bool broken)
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

	ndp_kt_frame_udp(f);
	switch (r->var) {
	case V_HBH:
		/* valid: HBH, Routing, DstOpts; broken: HBH last */
		if (!broken)
			rx_ext_opts(w, f, NDP_NH_HOPOPTS, NULL, 0);
		ndp_kt_ext_routing(w, f, 4, 0);
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		if (broken)
			rx_ext_opts(w, f, NDP_NH_HOPOPTS, NULL, 0);
		break;
	case V_PAD:
		/* Pad1, PadN(3) fill the header; PadN(4) overruns it */
		if (broken)
			pads[2] = 4;
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, pads, sizeof(pads));
		break;
	case V_PAD_RUN:
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, broken ? run_bad : run_ok,
			    sizeof(run_ok));
		break;
	case V_PADN_DATA:
		if (broken)
			padn[4] = 0x55;
		rx_ext_opts(w, f, NDP_NH_HOPOPTS, padn, sizeof(padn));
		break;
	case V_OPT_COUNT:
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, eight,
			    broken ? sizeof(eight) : sizeof(eight) - 2);
		break;
	case V_OPT_MCAST:
		f->dst = w->all_nodes;
		fallthrough;
	case V_OPT:
		if (broken)
			opts[3] = r->brk == B_OPT_01 ? 0x5e :
				  r->brk == B_OPT_10 ? 0x9e : 0xde;
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, opts, sizeof(opts));
		break;
	case V_RT:
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		ndp_kt_ext_routing(w, f, 4, broken ? 1 : 0);
		break;
	case V_TRUNC:
		h = rx_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		if (broken)
			h[1] = 3;	/* 32 bytes: beyond the payload */
		break;
	case V_LINEAR:
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, lin, sizeof(lin));
		f->linear = NDP_IP6_HLEN + (broken ? 8 : 16);
		break;
	case V_CHAIN:
		for (i = 0; i < NDP_MAX_EXT_HDRS + broken; i++)
			rx_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		break;
	case V_FRAG:
	case V_FRAG_ATOMIC:
	case V_FRAG_DST:
		rx_ext_frag(w, f, 0, r->var != V_FRAG_ATOMIC);
		if (r->var == V_FRAG_DST)
			rx_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		ndp_kt_frame_icmp(f,
				  broken ? NDP_ICMP_NS : NDP_ICMP_ECHO_REQUEST);
		f->ev_set = true;
		f->ev_proto = NDP_NH_FRAGMENT;
		f->ev_l4_off = NDP_IP6_HLEN;
		break;
	case V_FRAG_SHORT:
		rx_ext_frag(w, f, 0, true);
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

static const struct rx_rule rx_ext_rules[] = {
	{ "Hop-by-Hop first only: not first is Parameter Problem 1", mk_ext,
	  V_HBH, B_HBH_LATE, RX_EVENT, .drop = NDP_STAT_EXT_HBH_NOT_FIRST,
	  .pp = true, .pp_code = 1, .pp_ptr = 48 },
	{ "Destination Options: Pad1/PadN skipped, overrun dropped", mk_ext,
	  V_PAD, B_PADN_LONG, RX_EVENT, .drop = NDP_STAT_EXT_TRUNCATED },
	{ "padding: 7 bytes in a row taken, 8 dropped (as Linux)", mk_ext,
	  V_PAD_RUN, B_PAD_RUN, RX_EVENT,
	  .drop = NDP_STAT_EXT_PAD_TOO_LONG },
	{ "Hop-by-Hop PadN: zero bytes taken, data dropped (RFC 4942)",
	  mk_ext, V_PADN_DATA, B_PADN_DATA, RX_EVENT,
	  .drop = NDP_STAT_EXT_PADN_NOT_ZERO },
	{ "options: 8 in one header taken, 9 dropped (as Linux)", mk_ext,
	  V_OPT_COUNT, B_OPT_COUNT, RX_EVENT,
	  .drop = NDP_STAT_EXT_OPTS_TOO_MANY },
	{ "option type 00: skipped; 01: discarded silently", mk_ext,
	  V_OPT, B_OPT_01, RX_EVENT, .drop = NDP_STAT_EXT_OPT_DISCARD },
	{ "option type 10: discarded + Parameter Problem 2", mk_ext,
	  V_OPT, B_OPT_10, RX_EVENT, .drop = NDP_STAT_EXT_OPT_PARAMPROB,
	  .pp = true, .pp_code = 2, .pp_ptr = 45 },
	{ "option type 11, unicast: discarded + Parameter Problem 2", mk_ext,
	  V_OPT, B_OPT_11, RX_EVENT, .drop = NDP_STAT_EXT_OPT_PARAMPROB,
	  .pp = true, .pp_code = 2, .pp_ptr = 45 },
	{ "option type 10, to a group: Parameter Problem 2 still", mk_ext,
	  V_OPT_MCAST, B_OPT_10, RX_EVENT,
	  .drop = NDP_STAT_EXT_OPT_PARAMPROB,
	  .pp = true, .pp_code = 2, .pp_ptr = 45 },
	{ "option type 11, to a group: discarded silently", mk_ext,
	  V_OPT_MCAST, B_OPT_11, RX_EVENT,
	  .drop = NDP_STAT_EXT_OPT_PARAMPROB },
	{ "Routing: Segments Left 0 ignored, > 0 Parameter Problem 0",
	  mk_ext, V_RT, B_SEGLEFT, RX_EVENT, .drop = NDP_STAT_EXT_ROUTING,
	  .pp = true, .pp_code = 0, .pp_ptr = 50 },
	{ "extension header length beyond the payload", mk_ext,
	  V_TRUNC, B_HDRLEN, RX_EVENT, .drop = NDP_STAT_EXT_TRUNCATED },
	{ "extension header beyond the linear part", mk_ext,
	  V_LINEAR, B_LINEAR, RX_EVENT, .drop = NDP_STAT_EXT_TRUNCATED },
	{ "chain of NDP_MAX_EXT_HDRS accepted, one more dropped", mk_ext,
	  V_CHAIN, B_CHAIN, RX_EVENT, .drop = NDP_STAT_EXT_TOO_MANY },
	{ "first fragment: goes up; carrying ND: dropped (RFC 6980)",
	  mk_ext, V_FRAG, B_ND_TYPE, RX_EVENT,
	  .drop = NDP_STAT_ND_IN_FRAGMENT },
	{ "atomic fragment: goes up; carrying ND: dropped (RFC 6980)",
	  mk_ext, V_FRAG_ATOMIC, B_ND_TYPE, RX_EVENT,
	  .drop = NDP_STAT_ND_IN_FRAGMENT },
	{ "first fragment, ND after Destination Options: dropped", mk_ext,
	  V_FRAG_DST, B_ND_TYPE, RX_EVENT,
	  .drop = NDP_STAT_ND_IN_FRAGMENT },
	{ "Fragment header truncated", mk_ext, V_FRAG_SHORT, B_FRAG_SHORT,
	  RX_EVENT, .drop = NDP_STAT_EXT_TRUNCATED },
};

/* ------------------------------------------------------------ ICMPv6 */

static const struct rx_rule rx_icmp_rules[] = {
	{ "ICMPv6: checksum wrong", mk_echo, .brk = B_CSUM,
	  .valid_tx = NDP_ICMP_ECHO_REPLY, .drop = NDP_STAT_ICMP_CSUM },
	{ "ICMPv6: shorter than its header", mk_echo, .brk = B_ICMP_SHORT,
	  .valid_tx = NDP_ICMP_ECHO_REPLY, .drop = NDP_STAT_ICMP_TRUNCATED },
	{ "ICMPv6: message beyond the linear part", mk_echo,
	  .brk = B_NONLINEAR, .valid_tx = NDP_ICMP_ECHO_REPLY,
	  .drop = NDP_STAT_ICMP_TRUNCATED },
};

/* ---------------------------------------------------- ND validation */

/* ------------------------------------------ what goes up as an event */

/* ------------------------------------- ICMPv6 errors: RFC 4443 2.4 */

KUNIT_ARRAY_PARAM(rx_ip6, rx_ip6_rules, rx_rule_desc);

KUNIT_ARRAY_PARAM(rx_ext, rx_ext_rules, rx_rule_desc);

KUNIT_ARRAY_PARAM(rx_icmp, rx_icmp_rules, rx_rule_desc);

static void rx_ip6_header(struct kunit *test)
{
	rx_run(test);
}

static void rx_ext_headers(struct kunit *test)
{
	rx_run(test);
}

static void rx_icmp(struct kunit *test)
{
	rx_run(test);
}

/* --------------------------------------------------------------- echo */

struct rx_echo_case {
	const char *name;
	const char *dst;	/* NULL: our link-local */
	const char *src;	/* NULL: the peer */
	const char *reply_src;	/* NULL: no reply */
};

static const struct rx_echo_case rx_echo_cases[] = {
	{ "to our link-local", NULL, NULL, "fe80::ff:fe00:1" },
	{ "to our global", "2001:db8::1", NULL, "2001:db8::1" },
	{ "to all-nodes: from a selected unicast source", "ff02::1", NULL,
	  "fe80::ff:fe00:1" },
	{ "to our solicited-node group", "ff02::1:ff00:1", NULL,
	  "fe80::ff:fe00:1" },
	{ "from ::, no reply", NULL, "::", NULL },
};

static void rx_echo_desc(const struct rx_echo_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->name);
}

KUNIT_ARRAY_PARAM(rx_echo, rx_echo_cases, rx_echo_desc);

/* Exactly one echo reply, to the requester's MAC, with its id/seq/data. */
static void rx_echo_reply(struct kunit *test)
{
	const struct rx_echo_case *c = test->param_value;
	struct ndp_kt_peer *w = ndp_kt_peer_setup(test, NULL);
	struct ndp_kt_frame *f = ndp_kt_frame_new(w);
	struct ndp_ip6 want;
	struct ndp_params p;
	const u8 *ip6, *m;
	u32 len = 0;

	w->kt.label = c->name;
	if (c->dst)
		f->dst = ndp_kt_peer_ip(w, c->dst);
	if (c->src)
		f->src = ndp_kt_peer_ip(w, c->src);
	ndp_kt_frame_icmp(f, NDP_ICMP_ECHO_REQUEST);
	ndp_kt_send_frame(w, f);
	ndp_kt_expect_done(w, NDP_DONE_CONSUMED);
	if (!c->reply_src) {
		KUNIT_EXPECT_EQ(test, w->kt.out->n_tx, 0U);
		KUNIT_EXPECT_EQ(test,
				ndp_kt_stat_delta(&w->kt,
						  NDP_STAT_ECHO_NO_SOURCE),
				1ULL);
		ndp_kt_expect_only(&w->kt, NDP_STAT_ECHO_NO_SOURCE);
		return;
	}
	ndp_kt_expect_only(&w->kt, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_RX_ECHO),
			1ULL);
	KUNIT_ASSERT_EQ(test, w->kt.out->n_tx, 1U);
	KUNIT_EXPECT_PTR_EQ(test, w->kt.out->tx[0].handle, NULL);
	/* Ethernet: to the requester's MAC from the cache, from ours */
	KUNIT_EXPECT_EQ(test, memcmp(w->kt.out->tx[0].frame, w->peer_mac,
				     NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, memcmp(w->kt.out->tx[0].frame + 6, w->kt.mac,
				     NDP_ETH_ALEN), 0);
	ip6 = ndp_kt_tx_ip6(&w->kt, 0);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	want = ndp_kt_peer_ip(w, c->reply_src);
	ndp_get_params(w->kt.ctx, &p);
	KUNIT_EXPECT_EQ(test, ip6[0] >> 4, 6);
	KUNIT_EXPECT_EQ(test, ip6[6], NDP_NH_ICMPV6);
	KUNIT_EXPECT_EQ(test, ip6[7], p.cur_hop_limit);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 8, &want));
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 24, &f->src));
	m = ndp_kt_tx_icmp_checked(w, 0, &len);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, m[0], NDP_ICMP_ECHO_REPLY);
	KUNIT_EXPECT_EQ(test, m[1], 0);
	KUNIT_ASSERT_EQ(test, len, f->l4_len);
	KUNIT_EXPECT_EQ(test, memcmp(m + 4, f->l4 + 4, len - 4), 0);
}

/* No room in the output for the reply: counted, the request consumed. */
static void rx_echo_reply_no_room(struct kunit *test)
{
	struct ndp_kt_peer *w = ndp_kt_peer_setup(test, NULL);
	struct ndp_kt_frame *f = ndp_kt_frame_new(w);
	struct ndp_pkt pkt;

	w->kt.label = "echo, output full";
	ndp_kt_frame_icmp(f, NDP_ICMP_ECHO_REQUEST);
	ndp_kt_render(w, f);
	pkt = (struct ndp_pkt){ .handle = NDP_KT_HANDLE(w),
				.data = ndp_kt_pkt(&w->kt), .len = f->len,
				.tot_len = f->len,
				.headroom = NDP_KT_HEADROOM };
	ndp_out_reset(w->kt.out);
	w->kt.out->arena_used = NDP_OUT_ARENA - 32;
	ndp_kt_snap(&w->kt);
	ndp_handle(w->kt.ctx, w->kt.now, &pkt, w->kt.out);
	ndp_kt_expect_done(w, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, w->kt.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_ECHO_TOO_BIG),
			1ULL);
	ndp_kt_expect_only(&w->kt, NDP_STAT_ECHO_TOO_BIG);
}

/* ------------------------------------------- ICMPv6 error rate limit */

/* A packet with Segments Left 1: one Parameter Problem if allowed. */
static u32 rx_rt_error(struct ndp_kt_peer *w)
{
	struct ndp_kt_frame *f = ndp_kt_frame_new(w);

	ndp_kt_frame_udp(f);
	ndp_kt_ext_routing(w, f, 4, 1);
	ndp_kt_send_frame(w, f);
	ndp_kt_expect_done(w, NDP_DONE_RX_DROPPED);
	KUNIT_EXPECT_EQ(w->kt.test,
			ndp_kt_stat_delta(&w->kt, NDP_STAT_EXT_ROUTING), 1ULL);
	return w->kt.out->n_tx ?
		(u32)(ndp_kt_tx_icmp_type(&w->kt, 0) == NDP_ICMP_PARAM_PROB) :
		0;
}

static void rx_icmp_error_rate_limit(struct kunit *test)
{
	struct ndp_config cfg;
	struct ndp_kt_peer *w;
	s64 t0;
	int i;

	ndp_config_default(&cfg);
	cfg.icmp_burst = 3;
	cfg.icmp_rate = 2;
	w = ndp_kt_peer_setup(test, &cfg);
	w->kt.label = "rate limit";
	t0 = w->kt.now;
	/* the burst, then nothing */
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ_MSG(test, rx_rt_error(w), 1U, "burst %d", i);
	KUNIT_EXPECT_EQ(test, rx_rt_error(w), 0U);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt,
						NDP_STAT_ICMP_ERR_RATELIMITED),
			1ULL);
	ndp_kt_expect_only(&w->kt, NDP_STAT_EXT_ROUTING,
			   NDP_STAT_ICMP_ERR_RATELIMITED);
	/* 2 per second: one more token after 500 ms, not before */
	w->kt.now = t0 + 499 * MSEC(1);
	KUNIT_EXPECT_EQ(test, rx_rt_error(w), 0U);
	w->kt.now = t0 + 500 * MSEC(1);
	KUNIT_EXPECT_EQ(test, rx_rt_error(w), 1U);
	KUNIT_EXPECT_EQ(test, rx_rt_error(w), 0U);
	/* a long pause refills the bucket to the burst, not beyond */
	w->kt.now = t0 + 3600 * SEC(1);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ_MSG(test, rx_rt_error(w), 1U, "refill %d", i);
	KUNIT_EXPECT_EQ(test, rx_rt_error(w), 0U);
}

static struct kunit_case rx_cases[] = {
	KUNIT_CASE_PARAM(rx_ip6_header, rx_ip6_gen_params),
	KUNIT_CASE_PARAM(rx_ext_headers, rx_ext_gen_params),
	KUNIT_CASE_PARAM(rx_icmp, rx_icmp_gen_params),
	KUNIT_CASE(rx_icmp_error_rate_limit),
	KUNIT_CASE_PARAM(rx_echo_reply, rx_echo_gen_params),
	KUNIT_CASE(rx_echo_reply_no_room),
	{}
};

static struct kunit_suite rx_suite = {
	.name = "ndpv6_rx",
	.test_cases = rx_cases,
};

kunit_test_suites(&rx_suite);
