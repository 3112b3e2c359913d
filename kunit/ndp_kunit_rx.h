/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixture of the receive suites, rx_test.c (the IPv6 header, extension
 * headers, ICMPv6, echo), rx_nd_test.c (ND validation) and
 * rx_event_test.c (what goes up as an event, ICMPv6 errors sent back).
 *
 * Every receive rule (RFC 8200 header chain, RFC 4443 checksum and errors,
 * RFC 4861 ND validation, RFC 6980) is a row of a table: the valid frame is
 * accepted (consumed, answered or passed up as an event) and the same frame
 * with exactly one field broken is dropped, with the rule's counter moved by
 * one and no other drop counter moved.  Frames are described field by
 * field and rendered by the fixture (ndp_kt_render(), its own checksum).
 *
 * The context of each half of a row is fresh: MAC 02:00:00:00:00:01,
 * fe80::ff:fe00:1 and 2001:db8::1/64 valid after DAD, and the neighbour
 * fe80::ff:fe00:2 (02:00:00:00:00:02) in the cache, learned from its NS
 * (ndp_kt_peer_setup()).
 */
#ifndef _NDP_KUNIT_RX_H
#define _NDP_KUNIT_RX_H

#include "ndp_kunit.h"

/* The handle went up as the event, which describes @f exactly. */
void rx_expect_event(struct ndp_kt_peer *w, const struct ndp_kt_frame *f);

/* Hop-by-Hop or Destination Options with @opts, padded with PadN/Pad1. */
u8 *rx_ext_opts(struct ndp_kt_peer *w, struct ndp_kt_frame *f, u8 type,
		const u8 *opts, u32 olen);

/* A Fragment header at @offset (8-byte units), M flag @more. */
u8 *rx_ext_frag(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
		u16 offset, bool more);

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
	u8 also2;		/* ... and a second one (0: none) */
	bool valid_only;	/* no broken frame */
	u8 drop;		/* enum ndp_stat of the broken frame */
	u8 drop_also;		/* ... and one it may move too */
	bool pp;		/* broken: Parameter Problem sent */
	u8 pp_code;
	u32 pp_ptr;
	rx_check_fn check;
};

/* KUNIT_ARRAY_PARAM() description of a row: its name. */
void rx_rule_desc(const struct rx_rule *r, char *desc);

/* Run the row test->param_value: its valid half, then its broken half. */
void rx_run(struct kunit *test);

/* 2001:db8::7 added, still tentative (no tick), as @f's destination. */
void rx_dst_tentative(struct ndp_kt_peer *w, struct ndp_kt_frame *f);

#endif
