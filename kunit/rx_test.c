// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_rx: receive validation (module/core/rx.c), on real
 * bytes.
 *
 * Every receive rule (RFC 8200 header chain, RFC 4443 checksum and errors,
 * RFC 4861 ND validation, RFC 6980) is a row of a table: the valid frame is
 * accepted (consumed, answered or passed up as an event) and the same frame
 * with exactly one field broken is dropped, with the rule's counter moved by
 * one and no other drop counter moved.  Frames are described field by
 * field and rendered by the fixture (ndp_kt_render(), its own checksum);
 * echo, the ICMPv6 error rate limit, RA option lengths and optimistic
 * addresses follow.
 *
 * The context of each half of a row is fresh: MAC 02:00:00:00:00:01,
 * fe80::ff:fe00:1 and 2001:db8::1/64 valid after DAD, and the neighbour
 * fe80::ff:fe00:2 (02:00:00:00:00:02) in the cache, learned from its NS
 * (ndp_kt_peer_setup()).
 */
#include "ndp_kunit.h"

/* ------------------------------------------------------------ helpers */

static u8 rx_ev_kind(u8 proto)
{
	if (proto == NDP_NH_TCP)
		return NDP_EV_TCP;
	if (proto == NDP_NH_UDP)
		return NDP_EV_UDP;
	return NDP_EV_DEFAULT;
}

/* The handle went up as the event, which describes @f exactly. */
static void rx_expect_event(struct ndp_kt_peer *w, const struct ndp_kt_frame *f)
{
	const struct ndp_event *ev = &w->kt.out->ev;
	struct kunit *test = w->kt.test;
	u8 proto = f->ev_set ? f->ev_proto : f->proto;
	u32 l4_off = f->ev_set ? f->ev_l4_off : NDP_IP6_HLEN + f->ext_len;

	KUNIT_ASSERT_TRUE_MSG(test, w->kt.out->has_event, "%s: no event",
			      w->kt.label);
	KUNIT_EXPECT_EQ(test, w->kt.out->n_done, 0U);
	KUNIT_EXPECT_PTR_EQ(test, ev->handle, NDP_KT_HANDLE(w));
	KUNIT_EXPECT_EQ(test, ev->kind, rx_ev_kind(proto));
	KUNIT_EXPECT_EQ(test, ev->proto, proto);
	KUNIT_EXPECT_EQ(test, ev->l3_off, 0U);
	KUNIT_EXPECT_EQ(test, ev->l4_off, l4_off);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ev->src, &f->src));
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&ev->dst, &f->dst));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_RX_DELIVERED),
			1ULL);
}

/* --------------------------------------------------------- the context */

/* Hop-by-Hop or Destination Options with @opts, padded with PadN/Pad1. */
static u8 *rx_ext_opts(struct ndp_kt_peer *w, struct ndp_kt_frame *f, u8 type,
		       const u8 *opts, u32 olen)
{
	u32 len = (2 + olen + 7) & ~7U;
	u32 pad = len - 2 - olen;
	u8 *h = ndp_kt_ext(w, f, type, len);

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

static u8 *rx_ext_frag(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
		       u16 offset, bool more)
{
	u8 *h = ndp_kt_ext(w, f, NDP_NH_FRAGMENT, 8);

	ndp_put16(h + 2, offset << 3 | more);
	ndp_put32(h + 4, 0x6e647036);
	return h;
}

static void rx_tcp(struct ndp_kt_frame *f)
{
	static const u8 tcp[20] = { 0x9c, 0x40, 0x00, 0x50, 0, 0, 0, 1,
				    0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff };

	f->proto = NDP_NH_TCP;
	memcpy(f->l4, tcp, sizeof(tcp));
	f->l4_len = sizeof(tcp);
}

/* ------------------------------------------------------- rule tables */

enum rx_valid {
	RX_CONSUMED,		/* the handle comes back done, not dropped */
	RX_EVENT,		/* the handle goes up as the event */
	RX_NO_VALID,		/* only the broken frame is checked */
};

enum rx_var {
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

enum rx_brk {
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

struct rx_rule;
typedef void (*rx_make_fn)(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
			   const struct rx_rule *r, bool broken);
typedef void (*rx_check_fn)(struct ndp_kt_peer *w, const struct ndp_kt_frame *f,
			    bool broken);

struct rx_rule {
	const char *name;
	rx_make_fn make;
	u8 var;			/* enum rx_var: which valid frame */
	u8 brk;			/* enum rx_brk: which field is broken */
	u8 valid;		/* enum rx_valid */
	u8 msg;			/* ND: the message type */
	s16 valid_tx;		/* ICMPv6 type of the one answer; 0: none */
	u8 also;		/* a counter the valid frame may move too */
	bool valid_only;	/* no broken frame */
	u8 drop;		/* enum ndp_stat of the broken frame */
	u8 drop_also;		/* ... and one it may move too */
	bool pp;		/* broken: Parameter Problem sent */
	u8 pp_code;
	u32 pp_ptr;
	rx_check_fn check;
};

static void rx_rule_desc(const struct rx_rule *r, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", r->name);
}

static void rx_run_half(struct kunit *test, const struct rx_rule *r,
			bool broken)
{
	struct ndp_kt_peer *w = ndp_kt_peer_setup(test, NULL);
	struct ndp_kt_frame *f = ndp_kt_frame_new(w);

	w->kt.label = broken ? "broken" : "valid";
	r->make(w, f, r, broken);
	ndp_kt_send_frame(w, f);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt, NDP_STAT_RX_PACKETS),
			1ULL);
	if (!broken) {
		if (r->valid == RX_EVENT)
			rx_expect_event(w, f);
		else
			ndp_kt_expect_done(w, NDP_DONE_CONSUMED);
		ndp_kt_expect_only(&w->kt, r->also, NDP_STAT_RX_DELIVERED);
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
		ndp_kt_expect_done(w, NDP_DONE_RX_DROPPED);
		KUNIT_EXPECT_EQ_MSG(test, ndp_kt_stat_delta(&w->kt, r->drop),
				    1ULL, "broken: counter %s",
				    ndp_stat_name(r->drop));
		if (r->drop_also)
			ndp_kt_expect_only(&w->kt, r->drop, r->drop_also);
		else
			ndp_kt_expect_only(&w->kt, r->drop);
		if (r->pp) {
			KUNIT_EXPECT_EQ_MSG(test, w->kt.out->n_tx, 1U,
					    "broken: one Parameter Problem");
			if (w->kt.out->n_tx == 1)
				ndp_kt_expect_param_prob(w, f, 0, r->pp_code,
							 r->pp_ptr, &w->ll);
		} else {
			KUNIT_EXPECT_EQ_MSG(test, w->kt.out->n_tx, 0U,
					    "broken: nothing sent");
		}
	}
	if (r->check)
		r->check(w, f, broken);
}

static void rx_run(struct kunit *test)
{
	const struct rx_rule *r = test->param_value;

	if (r->valid != RX_NO_VALID)
		rx_run_half(test, r, false);
	if (!r->valid_only)
		rx_run_half(test, r, true);
}

/* ------------------------------------------------------ IPv6 header */

/* 2001:db8::7 added, still tentative (no tick), as @f's destination. */
static void rx_dst_tentative(struct ndp_kt_peer *w, struct ndp_kt_frame *f)
{
	struct ndp_ip6 tentative = ndp_kt_peer_ip(w, "2001:db8::7");

	KUNIT_ASSERT_EQ(w->kt.test,
			ndp_add_ip(w->kt.ctx, w->kt.now, &tentative, 64,
				   NDP_INFINITE, NDP_INFINITE, w->kt.out), 0);
	f->dst = tentative;
}

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

static const u8 rx_new_mac[NDP_ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x99 };

static void mk_nd(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
		  const struct rx_rule *r, bool broken)
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
		len = nf_ns(m, &w->ll);
		break;
	case NDP_ICMP_NA:
		f->dst = w->all_nodes;
		len = nf_na(m, NDP_NA_FLAG_O, &w->peer);
		lla = NDP_OPT_TLLA;
		break;
	case NDP_ICMP_RS:
		len = nf_rs(m);
		break;
	case NDP_ICMP_RA:
		f->dst = w->all_nodes;
		len = nf_ra(m, 0, 0, 0, 0, 0);
		break;
	case NDP_ICMP_REDIRECT:
		/* from the peer, our default router: the first hop off-link */
		KUNIT_ASSERT_EQ(w->kt.test,
				ndp_add_routers(w->kt.ctx, w->kt.now, &w->peer,
						1, 1800, w->kt.out), 0);
		memset(m, 0, 40);
		m[0] = NDP_ICMP_REDIRECT;
		pfx = ndp_kt_peer_ip(w,
				     r->var == V_REDIR_ONLINK ?
				     "2001:db8:5::5" :
				     "fe80::3"); /* target: a router, or dst */
		memcpy(m + 8, pfx.b, 16);
		pfx = ndp_kt_peer_ip(w, "2001:db8:5::5"); /* destination */
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
		len += nf_opt_lla(m + len, lla, r->var == V_NEWMAC ?
				  rx_new_mac : w->peer_mac);
	}
	if (r->var == V_PIO) {
		pfx = ndp_kt_peer_ip(w, "2001:db8:1::");
		last = len;
		len += nf_opt_pio(m + len, &pfx, 64, NDP_PIO_FLAG_L, 3600,
				  1800);
	}
	if (r->var == V_MTU) {
		last = len;
		len += nf_opt_mtu(m + len, 1400);
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
			len += nf_opt_lla(m + len, NDP_OPT_SLLA,
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
			pfx = ndp_kt_peer_ip(w, "2001:db8:7::7");
			memcpy(m + 8, pfx.b, 16);
			break;
		case B_REDIR_NOT_ROUTER:
			/* link-local, but not the first hop we use */
			f->src = ndp_kt_peer_ip(w, "fe80::99");
			break;
		case B_ND_SRC_LOOPBACK:
			f->src = ndp_kt_peer_ip(w, "::1");
			break;
		case B_REDIR_DST_ONLINK:
			/* an on-link destination is its own first hop */
			pfx = ndp_kt_peer_ip(w, "fe80::4");
			memcpy(m + 24, pfx.b, 16);
			break;
		}
	}
	f->l4_len = len;
}

/* An RA with a bad option is dropped whole: its PIO is not applied. */
static void chk_pio(struct ndp_kt_peer *w, const struct ndp_kt_frame *f,
		    bool broken)
{
	struct ndp_prefix pfx[8];
	struct ndp_ip6 want = ndp_kt_peer_ip(w, "2001:db8:1::");
	int n, i, found = 0;

	n = ndp_get_prefix(w->kt.ctx, pfx, ARRAY_SIZE(pfx));
	for (i = 0; i < n && i < (int)ARRAY_SIZE(pfx); i++)
		found += ndp_ip6_eq(&pfx[i].addr, &want) && pfx[i].len == 64;
	KUNIT_EXPECT_EQ_MSG(w->kt.test, found, broken ? 0 : 1,
			    "%s: 2001:db8:1::/64 on the prefix list",
			    w->kt.label);
}

/* ... nor its MTU option. */
static void chk_mtu(struct ndp_kt_peer *w, const struct ndp_kt_frame *f,
		    bool broken)
{
	struct ndp_params p;

	ndp_get_params(w->kt.ctx, &p);
	KUNIT_EXPECT_EQ_MSG(w->kt.test, p.mtu, broken ? 1500U : 1400U,
			    "%s: link MTU", w->kt.label);
}

/* An NS with a bad option is dropped whole: its SLLA is not learned. */
static void chk_newmac(struct ndp_kt_peer *w, const struct ndp_kt_frame *f,
		       bool broken)
{
	struct ndp_nbr_info ni;

	KUNIT_ASSERT_EQ(w->kt.test,
			ndp_nbr_lookup(w->kt.ctx, &w->peer, &ni), 0);
	KUNIT_EXPECT_EQ_MSG(w->kt.test,
			    memcmp(ni.mac, broken ? w->peer_mac : rx_new_mac,
				   NDP_ETH_ALEN), 0,
			    "%s: cached MAC", w->kt.label);
}

/* ::1 got no neighbour entry (RFC 4291 2.5.3). */
static void chk_no_loopback(struct ndp_kt_peer *w, const struct ndp_kt_frame *f,
			    bool broken)
{
	struct ndp_ip6 lo = ndp_kt_peer_ip(w, "::1");
	struct ndp_nbr_info ni;

	KUNIT_EXPECT_EQ(w->kt.test, ndp_nbr_lookup(w->kt.ctx, &lo, &ni),
			-ENOENT);
}

#define ND_RULE(_name, _msg, _var, _brk, _drop, _tx, _also, _check)	\
	{ .name = _name, .make = mk_nd, .var = _var, .brk = _brk,	\
	  .valid = RX_CONSUMED, .msg = _msg, .valid_tx = _tx,		\
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

static const struct rx_rule rx_nd_rules[] = {
	NS_RULE("hop limit 254, code 0 (no && mistake)", V_BASE,
		B_HOPLIMIT, NDP_STAT_ND_HOPLIMIT, NULL),
	NS_RULE("code 1, hop limit 255 (no && mistake)", V_BASE,
		B_CODE, NDP_STAT_ND_CODE, NULL),
	NS_RULE("shorter than its fixed part", V_BASE,
		B_SHORT, NDP_STAT_ND_LEN, NULL),
	NS_RULE("option length 0", V_BASE,
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
	NA_RULE("option length 0", V_BASE,
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
	RS_RULE("option length 0", V_BASE,
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
	RA_RULE("option length 0", V_BASE,
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
	RD_RULE("option length 0", V_BASE,
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

static void mk_ev(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
		  const struct rx_rule *r, bool broken)
{
	struct ndp_ip6 grp;

	ndp_kt_frame_udp(f);
	switch (r->var) {
	case EV_UDP:
		break;
	case EV_TCP_CHAIN:
		rx_ext_opts(w, f, NDP_NH_HOPOPTS, NULL, 0);
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		rx_tcp(f);
		break;
	case EV_UNKNOWN:
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		f->proto = 253;
		break;
	case EV_ESP:
		f->proto = 50;
		break;
	case EV_RT0_UDP:
		ndp_kt_ext_routing(w, f, 0, 0);
		break;
	case EV_FRAG_UDP:
		rx_ext_frag(w, f, 0, true);
		f->ev_set = true;
		f->ev_proto = NDP_NH_FRAGMENT;
		f->ev_l4_off = NDP_IP6_HLEN;
		break;
	case EV_FRAG_LATER:
		/* a later fragment: its first byte is no ICMPv6 type */
		rx_ext_frag(w, f, 185, false);
		ndp_kt_frame_icmp(f, NDP_ICMP_NS);
		f->ev_set = true;
		f->ev_proto = NDP_NH_FRAGMENT;
		f->ev_l4_off = NDP_IP6_HLEN;
		break;
	case EV_DST_FRAG:
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		rx_ext_frag(w, f, 0, true);
		f->ev_set = true;
		f->ev_proto = NDP_NH_FRAGMENT;
		f->ev_l4_off = NDP_IP6_HLEN + 8;
		break;
	case EV_ECHO_REPLY:
		ndp_kt_frame_icmp(f, NDP_ICMP_ECHO_REPLY);
		break;
	case EV_DST_UNREACH:
		ndp_kt_frame_icmp(f, NDP_ICMP_DST_UNREACH);
		break;
	case EV_PARAM_PROB:
		ndp_kt_frame_icmp(f, NDP_ICMP_PARAM_PROB);
		break;
	case EV_ICMP_UNKNOWN:
		ndp_kt_frame_icmp(f, 200);
		break;
	case EV_ECHO_OFF:
		ndp_set_reply_echo(w->kt.ctx, false);
		ndp_kt_frame_icmp(f, NDP_ICMP_ECHO_REQUEST);
		break;
	case EV_ALL_NODES:
		f->dst = w->all_nodes;
		break;
	case EV_UPPER_GROUP:
		grp = ndp_kt_peer_ip(w, "ff05::1:3");
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
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		f->proto = NDP_NH_NONE;
		f->l4_len = 0;
		break;
	}
}

#define EV_RULE(_name, _var)						\
	{ .name = _name, .make = mk_ev, .var = _var, .valid = RX_EVENT, \
	  .valid_only = true }

static const struct rx_rule rx_event_rules[] = {
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
	  .var = EV_NO_NEXT, .valid = RX_CONSUMED, .valid_only = true },
};

/* ------------------------------------- ICMPv6 errors: RFC 4443 2.4 */

static void mk_err(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
		   const struct rx_rule *r, bool broken)
{
	/* Pad1, PadN(0), then an option with action 10 or 11 at +5 */
	u8 opts[6] = { 0, 1, 0, 0x9e, 1, 0 };

	ndp_kt_frame_udp(f);
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
		ndp_kt_ext_routing(w, f, 4, 1);
		break;
	case ER_OPT11_MCAST:
	case ER_L2_OPT11:
		opts[3] = 0xde;
		fallthrough;
	case ER_OPT10_MCAST:
	case ER_OPT10_ICMP_ERR:
	case ER_L2_OPT10:
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, opts, sizeof(opts));
		break;
	case ER_HBH_UNSPEC:
	case ER_HBH_LATE:
	case ER_L2_HBH_LATE:
		rx_ext_opts(w, f, NDP_NH_DSTOPTS, NULL, 0);
		rx_ext_opts(w, f, NDP_NH_HOPOPTS, NULL, 0);
		break;
	}
	switch (r->var) {
	case ER_RT_ICMP_ERR:
		ndp_kt_frame_icmp(f, NDP_ICMP_DST_UNREACH);
		break;
	case ER_OPT10_ICMP_ERR:
		ndp_kt_frame_icmp(f, NDP_ICMP_PKT_TOO_BIG);
		break;
	case ER_RT_REDIRECT:
		ndp_kt_frame_icmp(f, NDP_ICMP_REDIRECT);
		break;
	case ER_RT_ECHO:
		ndp_kt_frame_icmp(f, NDP_ICMP_ECHO_REQUEST);
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
		rx_dst_tentative(w, f);
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
	  .valid = RX_NO_VALID, .drop = _drop,				\
	  .drop_also = NDP_STAT_ICMP_ERR_SUPPRESSED, .pp = _pp,		\
	  .pp_code = _code, .pp_ptr = _ptr }

/* An error not sent for the rule RFC 4443 2.4 e: counted so. */
static void chk_suppressed(struct ndp_kt_peer *w, const struct ndp_kt_frame *f,
			   bool broken)
{
	KUNIT_EXPECT_EQ(w->kt.test,
			ndp_kt_stat_delta(&w->kt, NDP_STAT_ICMP_ERR_SUPPRESSED),
			w->kt.out->n_tx ? 0ULL : 1ULL);
}

#define ERR_RULE_L2(_name, _var, _drop, _pp, _code, _ptr)		\
	{ .name = _name, .make = mk_err, .var = _var,			\
	  .valid = RX_NO_VALID, .drop = _drop,				\
	  .drop_also = NDP_STAT_ICMP_ERR_SUPPRESSED, .pp = _pp,		\
	  .pp_code = _code, .pp_ptr = _ptr, .check = chk_suppressed }

static const struct rx_rule rx_err_rules[] = {
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

KUNIT_ARRAY_PARAM(rx_ip6, rx_ip6_rules, rx_rule_desc);
KUNIT_ARRAY_PARAM(rx_ext, rx_ext_rules, rx_rule_desc);
KUNIT_ARRAY_PARAM(rx_icmp, rx_icmp_rules, rx_rule_desc);
KUNIT_ARRAY_PARAM(rx_nd, rx_nd_rules, rx_rule_desc);
KUNIT_ARRAY_PARAM(rx_event, rx_event_rules, rx_rule_desc);
KUNIT_ARRAY_PARAM(rx_err, rx_err_rules, rx_rule_desc);

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

static void rx_nd_validation(struct kunit *test)
{
	rx_run(test);
}

static void rx_upper_layer_events(struct kunit *test)
{
	rx_run(test);
}

static void rx_icmp_error_rules(struct kunit *test)
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

/* ------------------------------------------ ND option lengths */

/*
 * RFC 4861 4.6 leaves room for options to grow: a PIO of 40 bytes and an
 * MTU option of 16 are taken (their standard part), as Linux takes them; a
 * PIO of 24 bytes is too short for its fields and is skipped (counted),
 * and the rest of the RA applies all the same.
 */
static void rx_ra_option_lengths(struct kunit *test)
{
	struct ndp_kt_peer *w = ndp_kt_peer_setup(test, NULL);
	struct ndp_kt_frame *f = ndp_kt_frame_new(w);
	struct ndp_ip6 p1 = ndp_kt_peer_ip(w, "2001:db8:1::");
	struct ndp_ip6 p2 = ndp_kt_peer_ip(w, "2001:db8:2::");
	struct ndp_prefix pfx[4];
	struct ndp_ip6 rtrs[2];
	struct ndp_params par;
	u8 *m = f->l4;
	u32 len;
	int n;

	w->kt.label = "RA, option lengths";
	f->proto = NDP_NH_ICMPV6;
	f->hop_limit = 255;
	f->dst = w->all_nodes;
	len = nf_ra(m, 0, 0, 1800, 0, 0);
	/* PIO of 5 units: the 32 standard bytes and 8 more */
	nf_opt_pio(m + len, &p1, 64, NDP_PIO_FLAG_L, 3600, 1800);
	m[len + 1] = 5;
	memset(m + len + 32, 0xab, 8);
	len += 40;
	/* MTU option of 2 units */
	nf_opt_mtu(m + len, 1400);
	m[len + 1] = 2;
	memset(m + len + 8, 0, 8);
	len += 16;
	/* PIO of 3 units: too short, skipped */
	nf_opt_pio(m + len, &p2, 64, NDP_PIO_FLAG_L, 3600, 1800);
	m[len + 1] = 3;
	len += 24;
	len += nf_opt_lla(m + len, NDP_OPT_SLLA, w->peer_mac);
	f->l4_len = len;
	ndp_kt_send_frame(w, f);
	ndp_kt_expect_done(w, NDP_DONE_CONSUMED);
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
static void rx_optimistic_address_receives(struct kunit *test)
{
	struct ndp_ip6 tentative;
	struct ndp_kt_peer *w = ndp_kt_peer_setup(test, NULL);
	const struct ndp_addr *a;
	struct ndp_kt_frame *f;
	const u8 *ip6;

	ndp_link_change(w->kt.ctx, w->kt.now, false, w->kt.out);
	w->kt.now += SEC(1);
	ndp_out_reset(w->kt.out);
	ndp_link_change(w->kt.ctx, w->kt.now, true, w->kt.out);
	a = ndp_addr_find(w->kt.ctx, &w->ll);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_TRUE(test, a->state == NDP_ADDR_TENTATIVE &&
			  a->optimistic);
	a = ndp_addr_find(w->kt.ctx, &w->glob);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_TRUE(test, a->optimistic);
	w->kt.label = "optimistic";

	f = ndp_kt_frame_new(w);
	ndp_kt_frame_udp(f);
	ndp_kt_send_frame(w, f);
	rx_expect_event(w, f);
	ndp_kt_expect_only(&w->kt, NDP_STAT_RX_DELIVERED);

	f = ndp_kt_frame_new(w);
	ndp_kt_frame_udp(f);
	f->src = w->peer_glob;
	f->dst = w->glob;
	rx_ext_frag(w, f, 0, true);
	f->ev_set = true;
	f->ev_proto = NDP_NH_FRAGMENT;
	f->ev_l4_off = NDP_IP6_HLEN;
	ndp_kt_send_frame(w, f);
	rx_expect_event(w, f);
	ndp_kt_expect_only(&w->kt, NDP_STAT_RX_DELIVERED);

	f = ndp_kt_frame_new(w);
	ndp_kt_frame_icmp(f, NDP_ICMP_ECHO_REQUEST);
	ndp_kt_send_frame(w, f);
	ndp_kt_expect_done(w, NDP_DONE_CONSUMED);
	ndp_kt_expect_only(&w->kt, NDP_STAT_MAX);
	KUNIT_ASSERT_EQ(test, w->kt.out->n_tx, 1U);
	KUNIT_EXPECT_EQ(test, ndp_kt_tx_icmp_type(&w->kt, 0),
			NDP_ICMP_ECHO_REPLY);
	ip6 = ndp_kt_tx_ip6(&w->kt, 0);
	KUNIT_ASSERT_NOT_NULL(test, ip6);
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 8, &w->ll));
	KUNIT_EXPECT_TRUE(test, ndp_kt_ip_eq(ip6 + 24, &w->peer));

	/* tentative (not optimistic): still not ours */
	f = ndp_kt_frame_new(w);
	ndp_kt_frame_udp(f);
	rx_dst_tentative(w, f);
	tentative = f->dst;
	a = ndp_addr_find(w->kt.ctx, &tentative);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_FALSE(test, a->optimistic);
	ndp_kt_send_frame(w, f);
	ndp_kt_expect_done(w, NDP_DONE_RX_DROPPED);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&w->kt,
						NDP_STAT_IP6_NOT_FOR_US), 1ULL);
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

static struct kunit_case ndpv6_rx_cases[] = {
	KUNIT_CASE_PARAM(rx_ip6_header, rx_ip6_gen_params),
	KUNIT_CASE_PARAM(rx_ext_headers, rx_ext_gen_params),
	KUNIT_CASE_PARAM(rx_icmp, rx_icmp_gen_params),
	KUNIT_CASE_PARAM(rx_nd_validation, rx_nd_gen_params),
	KUNIT_CASE_PARAM(rx_upper_layer_events, rx_event_gen_params),
	KUNIT_CASE_PARAM(rx_icmp_error_rules, rx_err_gen_params),
	KUNIT_CASE(rx_icmp_error_rate_limit),
	KUNIT_CASE_PARAM(rx_echo_reply, rx_echo_gen_params),
	KUNIT_CASE(rx_echo_reply_no_room),
	KUNIT_CASE(rx_optimistic_address_receives),
	KUNIT_CASE(rx_ra_option_lengths),
	{}
};

static struct kunit_suite ndpv6_rx_suite = {
	.name = "ndpv6_rx",
	.test_cases = ndpv6_rx_cases,
};

kunit_test_suites(&ndpv6_rx_suite);
