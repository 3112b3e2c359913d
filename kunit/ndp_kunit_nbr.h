/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixture of the neighbour cache's suites: nbr_test.c (the NUD state
 * machine), nbr_queue_test.c (packets waiting for resolution and why each
 * handle comes back), nbr_evict_test.c (RFC 6583 bounds, eviction, floods
 * and the tables behind them), nbr_unreach_test.c (RFC 7048's UNREACHABLE
 * and its back-off).  A context with three neighbours, caller
 * packets from a pool, NS and NA in and out checked byte by byte, entries
 * driven into each NUD state.
 */
#ifndef _NDP_KUNIT_NBR_H
#define _NDP_KUNIT_NBR_H

#include "ndp_kunit_rtr.h"

#define NT_PKTS		16

/* Link-layer addresses of neighbours a and b, and of a router. */
extern const u8 nt_mac_a[NDP_ETH_ALEN];
extern const u8 nt_mac_b[NDP_ETH_ALEN];
extern const u8 nt_mac_r[NDP_ETH_ALEN];

struct nt {
	struct ndp_kt k;
	struct kunit *test;
	struct ndp_ip6 ll;		/* ours: fe80::ff:fe00:1 */
	struct ndp_ip6 a, b, c;		/* neighbours fe80::2, ::3, ::4 */
	struct ndp_kt_cpkt pkt[NT_PKTS];	/* handle of packet i: &pkt[i] */
};

/* The addresses only, no context yet. */
struct nt *nt_alloc(struct kunit *test);

/* A context with @cfg (NULL: defaults) whose link-local address is valid. */
struct nt *nt_up(struct kunit *test, const struct ndp_config *cfg);

static inline struct ndp_ctx *nt_ctx(struct nt *t)
{
	return t->k.ctx;
}

/* An empty output, counters snapshot for nt_delta(). */
void nt_reset(struct nt *t);

static inline u64 nt_delta(struct nt *t, enum ndp_stat s)
{
	return ndp_kt_stat_delta(&t->k, s);
}

/* Build caller packet @i (ndp_kt_cpkt()) from @src (NULL: selected). */
struct ndp_pkt *nt_pkt(struct nt *t, int i, const struct ndp_ip6 *dst,
		       const struct ndp_ip6 *src);

/* ndp_send() packet @i to @dst in a fresh output. */
void nt_send(struct nt *t, int i, const struct ndp_ip6 *dst);

/* Output index of packet @i as transmitted, or -1. */
int nt_txd(struct nt *t, int i);

/* Why packet @i was given back in this output, or -1 if it was not. */
static inline int nt_reason(struct nt *t, int i)
{
	return ndp_kt_done_reason(&t->k, &t->pkt[i]);
}

/* Is there a note @kind about @ip in this output? */
static inline bool nt_note(struct nt *t, enum ndp_note_kind kind,
			   const struct ndp_ip6 *ip)
{
	return ndp_kt_find_note(&t->k, kind, ip);
}

/* Caller packets transmitted in this output, in order, into @ids. */
u32 nt_txd_ids(struct nt *t, int *ids, u32 max);

/* Packet @i left with an Ethernet header to @mac in its headroom. */
void nt_expect_txd(struct nt *t, int i, const u8 *mac);

/* An NS from @src to @dst for @target, with SLLA @slla (NULL: none). */
void nt_ns_in(struct nt *t, const struct ndp_ip6 *src,
	      const struct ndp_ip6 *dst, const struct ndp_ip6 *target,
	      const u8 *slla);

/* An NA from @target to our link-local address with @flags and @tlla. */
void nt_na_in(struct nt *t, const struct ndp_ip6 *target, u8 flags,
	      const u8 *tlla);

/* An RA from @src, Router Lifetime @lifetime_s, SLLA @slla: consumed. */
void nt_ra_in(struct nt *t, const struct ndp_ip6 *src, u16 lifetime_s,
	      const u8 *slla);

/* Index of the @nth (0-based) output frame of ICMPv6 @type, or -1. */
int nt_nth(struct nt *t, int type, u32 nth);

/*
 * Output frame @k is an NS from @src to @dst (Ethernet @eth) for @target
 * with our SLLA: every byte that matters.
 */
void nt_expect_ns(struct nt *t, int k, const struct ndp_ip6 *src,
		  const struct ndp_ip6 *dst, const u8 *eth,
		  const struct ndp_ip6 *target);

/* Output frame @k is our NA to @dst (Ethernet @eth) with @flags. */
void nt_expect_na(struct nt *t, int k, const struct ndp_ip6 *dst,
		  const u8 *eth, u8 flags);

/* NUD state of the entry for @ip, NDP_NUD_NONE if there is none. */
u8 nt_state(struct nt *t, const struct ndp_ip6 *ip);

static inline void nt_tick(struct nt *t, s64 when)
{
	ndp_kt_tick(&t->k, when);
}

/* Entries in each state, by ndp_resolve() (INCOMPLETE, nothing queued). */
void nt_make_incomplete(struct nt *t, const struct ndp_ip6 *ip);
void nt_make_reachable(struct nt *t, const struct ndp_ip6 *ip,
		       const u8 *mac);
void nt_make_stale(struct nt *t, const struct ndp_ip6 *ip,
		   const u8 *mac);
void nt_make_delay(struct nt *t, const struct ndp_ip6 *ip,
		   const u8 *mac);
void nt_make_probe(struct nt *t, const struct ndp_ip6 *ip,
		   const u8 *mac);

/*
 * The heap holds exactly the entries with a timer, in heap order, with
 * consistent back-pointers; the deadline is the earliest timer.
 */
void nt_check_heap(struct kunit *test, const struct ndp_ctx *ctx);

/* Reply @k of the output is of ICMPv6 @type, waits for resolution. */
void nt_expect_pending(struct nt *t, int k, int type);

#endif
