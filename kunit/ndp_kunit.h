/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared fixture of the core's KUnit suites.  Every suite drives the core
 * with explicit times and deterministic randomness, feeds it raw frames
 * (bytes, built with ndp_frames.h) and asserts the exact frames, events
 * and counters that come out.
 */
#ifndef _NDP_KUNIT_H
#define _NDP_KUNIT_H

#include <kunit/test.h>
#include "../module/core/ndp_private.h"
#include "ndp_frames.h"

#define NDP_KT_HEADROOM	64

/* Times in the core's unit (ns). */
#define SEC(x)		((s64)(x) * NDP_NSEC_PER_SEC)
#define MSEC(x)		((s64)(x) * NDP_NSEC_PER_MSEC)

struct ndp_kt {
	struct kunit *test;
	struct ndp_config cfg;
	struct ndp_ctx *ctx;
	struct ndp_out *out;
	u64 rng;
	s64 now;
	u8 mac[NDP_ETH_ALEN];
	u8 *buf;		/* NDP_KT_HEADROOM + 2048: rx/tx scratch */
	u64 *stats0;		/* [NDP_STAT_MAX]: snapshot for stat_delta */
	u32 *seen;		/* [256]: ICMPv6 types sent in run_until */
	u32 seen_frames;
	const char *label;	/* NULL, or a prefix for counter messages */
};

/*
 * Set up a context with @cfg (NULL: defaults) and MAC 02:00:00:00:00:01 at
 * time 1 s; memory is test-managed.  Fails the test on error.
 */
void ndp_kt_init(struct kunit *test, struct ndp_kt *t,
		 const struct ndp_config *cfg);
/*
 * ndp_kt_init() with the context in @mem (@size bytes) from the caller
 * (NULL: test-managed): for tables beyond what kmalloc gives (4 MB), e.g.
 * 100,000 neighbours.
 */
void ndp_kt_init_mem(struct kunit *test, struct ndp_kt *t,
		     const struct ndp_config *cfg, void *mem, size_t size);
/* Deterministic random callback (xorshift64 on t->rng). */
void ndp_kt_random(void *opaque, void *buf, u32 len);

/* "fe80::1" -> address (fails the test on a bad string). */
struct ndp_ip6 ndp_kt_ip(struct kunit *test, const char *s);

/*
 * Build IPv6 + ICMPv6 into t->buf + NDP_KT_HEADROOM with nf_icmp(): @icmp
 * (@len bytes, checksum filled in).  Returns the IPv6 packet length.
 */
u32 ndp_kt_build_icmp(struct ndp_kt *t, const struct ndp_ip6 *src,
		      const struct ndp_ip6 *dst, u8 hop_limit,
		      const u8 *icmp, u32 len);
/* The packet built last (t->buf + NDP_KT_HEADROOM). */
static inline u8 *ndp_kt_pkt(struct ndp_kt *t)
{
	return t->buf + NDP_KT_HEADROOM;
}

/* Reset t->out, snapshot counters, then ndp_handle() the built packet. */
void ndp_kt_handle(struct ndp_kt *t, u32 len);
/* Same with an explicit packet (handle = @handle). */
void ndp_kt_handle_pkt(struct ndp_kt *t, u8 *ip6, u32 len, void *handle);
/* Reset t->out and tick at @now (also sets t->now). */
void ndp_kt_tick(struct ndp_kt *t, s64 now);

/* Counter @s moved by how much since the last ndp_kt_handle/_tick/_snap. */
u64 ndp_kt_stat_delta(const struct ndp_kt *t, enum ndp_stat s);
void ndp_kt_snap(struct ndp_kt *t);
/*
 * Expect that no counter moved but the totals (RX_PACKETS, RX_ND, RX_ECHO,
 * TX_PACKETS) and @ok[0..@n).  ndp_kt_expect_only(t, A, B, ...) lists
 * them inline; NDP_STAT_MAX stands for none.
 */
void ndp_kt_expect_only_n(struct ndp_kt *t, const enum ndp_stat *ok, u32 n);
#define ndp_kt_expect_only(t, ...)					\
	ndp_kt_expect_only_n((t), (const enum ndp_stat[]){ __VA_ARGS__ },	\
			     ARRAY_SIZE(((const enum ndp_stat[]){ __VA_ARGS__ })))

/* Is @ip among ndp_get_ip() / ndp_get_routers() (32 at most)? */
bool ndp_kt_has_ip(struct ndp_kt *t, const struct ndp_ip6 *ip);
bool ndp_kt_has_router(struct ndp_kt *t, const struct ndp_ip6 *ip);
/* Length of the on-link prefix @pfx in the prefix list, or -1. */
int ndp_kt_prefix_len(struct ndp_kt *t, const struct ndp_ip6 *pfx);
/* Index of the first note @kind about @addr (NULL: any) in t->out, or -1. */
int ndp_kt_note(struct ndp_kt *t, enum ndp_note_kind kind,
		const struct ndp_ip6 *addr);
/* The same note, or NULL. */
const struct ndp_note *ndp_kt_find_note(struct ndp_kt *t,
					enum ndp_note_kind kind,
					const struct ndp_ip6 *addr);
/* Why @handle was given back in t->out, or -1 if it was not. */
int ndp_kt_done_reason(struct ndp_kt *t, const void *handle);

/*
 * Output frame @i: checks Ethernet type IPv6, returns a pointer to its IPv6
 * header (NULL if out of range), and for ICMPv6 frames checks the checksum.
 */
const u8 *ndp_kt_tx_ip6(struct ndp_kt *t, u32 i);
/* ICMPv6 type of output frame @i (skipping a Hop-by-Hop header), or -1. */
int ndp_kt_tx_icmp_type(struct ndp_kt *t, u32 i);
/* ICMPv6 message of output frame @i, its length in @len. */
const u8 *ndp_kt_tx_icmp(struct ndp_kt *t, u32 i, u32 *len);
/* Index of the first output frame with ICMPv6 @type, or -1. */
int ndp_kt_find_tx(struct ndp_kt *t, int type);
/* Count output frames of ICMPv6 @type. */
u32 ndp_kt_count_tx(struct ndp_kt *t, int type);

/*
 * Run ndp_tick() at every deadline up to @until (bounded loop), adding the
 * ICMPv6 type of every frame sent to t->seen[] (cleared first); t->out
 * holds the last tick's output.
 */
void ndp_kt_run_until(struct ndp_kt *t, s64 until);

#endif
