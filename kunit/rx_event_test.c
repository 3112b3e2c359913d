// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_rx_event: what a received packet that is not ours to
 * answer becomes, as rows of rules (the method is in ndp_kunit_rx.h): an
 * event for the stack above, with its protocol and offsets, or an ICMPv6
 * error sent back (RFC 4443 2.4).
 */
#include "ndp_kunit_rx.h"

static void rx_tcp(struct ndp_kt_frame *f)
{
	static const u8 tcp[20] = { 0x9c, 0x40, 0x00, 0x50, 0, 0, 0, 1,
				    0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff };

	f->proto = NDP_NH_TCP;
	memcpy(f->l4, tcp, sizeof(tcp));
	f->l4_len = sizeof(tcp);
}

/* A table as code: a case for each variant of rx_event_rules[]: long. */
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

KUNIT_ARRAY_PARAM(rx_event, rx_event_rules, rx_rule_desc);

KUNIT_ARRAY_PARAM(rx_err, rx_err_rules, rx_rule_desc);

static void rx_upper_layer_events(struct kunit *test)
{
	rx_run(test);
}

static void rx_icmp_error_rules(struct kunit *test)
{
	rx_run(test);
}

static struct kunit_case rx_event_cases[] = {
	KUNIT_CASE_PARAM(rx_upper_layer_events, rx_event_gen_params),
	KUNIT_CASE_PARAM(rx_icmp_error_rules, rx_err_gen_params),
	{}
};

static struct kunit_suite rx_event_suite = {
	.name = "ndpv6_rx_event",
	.test_cases = rx_event_cases,
};

kunit_test_suites(&rx_event_suite);
