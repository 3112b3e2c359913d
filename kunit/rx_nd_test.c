// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_rx_nd: validation of received Neighbor Discovery
 * messages (RFC 4861 6.1, 7.1, 8.1; RFC 6980) as rows of rules (the method
 * is in ndp_kunit_rx.h), RA option lengths, and what an optimistic address
 * (RFC 4429) receives.
 */
#include "ndp_kunit_rx.h"

static const u8 rx_new_mac[NDP_ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x99 };

/* A table as code: a case for each variant of rx_nd_rules[], hence long. */
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

/*
 * A valid Redirect is applied (@_also: to a router, or on-link) and its
 * TLLA makes the Target's neighbour entry.
 */
#define RD_RULE_ALSO(_name, _var, _also, _brk, _drop, _check)		\
	{ .name = "Redirect: " _name, .make = mk_nd, .var = _var,	\
	  .brk = _brk, .valid = RX_CONSUMED, .msg = NDP_ICMP_REDIRECT,	\
	  .also = _also, .also2 = NDP_STAT_NBR_CREATED, .drop = _drop,	\
	  .check = _check }

#define RD_RULE(_name, _var, _brk, _drop, _check)			\
	RD_RULE_ALSO(_name, _var, NDP_STAT_REDIRECT_ROUTER, _brk, _drop,	\
		     _check)

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
	RD_RULE_ALSO("target = destination (on-link); from a non-router",
		     V_REDIR_ONLINK, NDP_STAT_REDIRECT_ONLINK,
		     B_REDIR_NOT_ROUTER, NDP_STAT_REDIRECT_NOT_FIRST_HOP, NULL),
	RD_RULE("from a link-local address that is not the first hop",
		V_BASE, B_REDIR_NOT_ROUTER, NDP_STAT_REDIRECT_NOT_FIRST_HOP,
		NULL),
	RD_RULE("from the router, for an on-link destination", V_BASE,
		B_REDIR_DST_ONLINK, NDP_STAT_REDIRECT_NOT_FIRST_HOP, NULL),
};

KUNIT_ARRAY_PARAM(rx_nd, rx_nd_rules, rx_rule_desc);

static void rx_nd_validation(struct kunit *test)
{
	rx_run(test);
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

static struct kunit_case rx_nd_cases[] = {
	KUNIT_CASE_PARAM(rx_nd_validation, rx_nd_gen_params),
	KUNIT_CASE(rx_optimistic_address_receives),
	KUNIT_CASE(rx_ra_option_lengths),
	{}
};

static struct kunit_suite rx_nd_suite = {
	.name = "ndpv6_rx_nd",
	.test_cases = rx_nd_cases,
};

kunit_test_suites(&rx_nd_suite);
