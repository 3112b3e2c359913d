// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_nbr: the neighbour cache (RFC 4861 7.2, 7.3, appendix
 * C; RFC 6583).  Every case drives the core with explicit times, feeds it
 * NS/NA frames built byte by byte and asserts the exact frames, handles,
 * notes and counters that come out; white-box checks (heap, hash chains)
 * read the private tables.
 */
#include <linux/ktime.h>
#include "ndp_kunit.h"

#define NT_PKTS		16
#define NT_PKT_LEN	(NDP_IP6_HLEN + 8)

/*
 * The context of the 100,000-entry case (about 9 MB).  kmalloc stops at
 * 4 MB on 6.1, and a vmalloc freed during the run makes kmemleak on the
 * UML test kernel report vmalloc's own bookkeeping as leaked (objects it
 * lost track of when they were freed): module memory has neither problem.
 */
#define NT_BIG_NBRS	100000
#define NT_BIG_SIZE	(10U << 20)
static u8 nt_big_mem[NT_BIG_SIZE] __aligned(8);

static const u8 mac_a[NDP_ETH_ALEN] = { 0x02, 0xbb, 0, 0, 0, 0x02 };
static const u8 mac_b[NDP_ETH_ALEN] = { 0x02, 0xbb, 0, 0, 0, 0x99 };
static const u8 mac_r[NDP_ETH_ALEN] = { 0x02, 0xaa, 0, 0, 0, 0x01 };

struct nt {
	struct ndp_kt k;
	struct kunit *test;
	struct ndp_ip6 ll;		/* ours: fe80::ff:fe00:1 */
	struct ndp_ip6 a, b, c;		/* neighbours fe80::2, ::3, ::4 */
	u8 pool[NT_PKTS][NDP_KT_HEADROOM + NT_PKT_LEN];
	struct ndp_pkt pkt[NT_PKTS];
};

static struct nt *nt_alloc(struct kunit *test)
{
	struct nt *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	t->test = test;
	t->ll = ndp_kt_ip(test, "fe80::ff:fe00:1");
	t->a = ndp_kt_ip(test, "fe80::2");
	t->b = ndp_kt_ip(test, "fe80::3");
	t->c = ndp_kt_ip(test, "fe80::4");
	return t;
}

/* A context with @cfg (NULL: defaults) whose link-local address is valid. */
static struct nt *nt_up(struct kunit *test, const struct ndp_config *cfg)
{
	struct nt *t = nt_alloc(test);

	ndp_kt_init(test, &t->k, cfg);
	ndp_kt_run_until(&t->k, t->k.now + SEC(3));
	KUNIT_ASSERT_TRUE(test, ndp_addr_is_ours(t->k.ctx, &t->ll));
	return t;
}

static struct ndp_ctx *ctx_of(struct nt *t)
{
	return t->k.ctx;
}

static void nt_reset(struct nt *t)
{
	ndp_out_reset(t->k.out);
	ndp_kt_snap(&t->k);
}

static u64 delta(struct nt *t, enum ndp_stat s)
{
	return ndp_kt_stat_delta(&t->k, s);
}

/* Neighbour address fe80::1:0:<hi>:<lo> for a flood of @i. */
static struct ndp_ip6 nt_nb(u32 i)
{
	struct ndp_ip6 a = { .b = { 0xfe, 0x80, [9] = 1 } };

	ndp_put32(a.b + 12, i);
	return a;
}

/* Build caller packet @i (UDP, 8 bytes) from @src (NULL: selected). */
static struct ndp_pkt *nt_pkt(struct nt *t, int i, const struct ndp_ip6 *dst,
			      const struct ndp_ip6 *src)
{
	u8 *ip6 = t->pool[i] + NDP_KT_HEADROOM;
	struct ndp_pkt *p = &t->pkt[i];
	struct ndp_ip6 s;

	if (src)
		s = *src;
	else if (ndp_select_source(ctx_of(t), dst, &s))
		s = ndp_unspecified;
	memset(t->pool[i], 0, sizeof(t->pool[i]));
	ndp_write_ip6(ip6, &s, dst, NDP_NH_UDP, 64, 8);
	ip6[NDP_IP6_HLEN + 7] = (u8)i;
	p->handle = &t->pkt[i];
	p->data = ip6;
	p->len = NT_PKT_LEN;
	p->tot_len = NT_PKT_LEN;
	p->headroom = NDP_KT_HEADROOM;
	return p;
}

/* ndp_send() packet @i to @dst in a fresh output. */
static void nt_send(struct nt *t, int i, const struct ndp_ip6 *dst)
{
	nt_reset(t);
	ndp_send(ctx_of(t), t->k.now, NULL, nt_pkt(t, i, dst, NULL), 0,
		 t->k.out);
}

/* Output index of packet @i as transmitted, or -1. */
static int nt_txd(struct nt *t, int i)
{
	u32 k;

	for (k = 0; k < t->k.out->n_tx; k++)
		if (t->k.out->tx[k].handle == &t->pkt[i])
			return k;
	return -1;
}

/* Why packet @i was given back in this output, or -1 if it was not. */
static int nt_reason(struct nt *t, int i)
{
	return ndp_kt_done_reason(&t->k, &t->pkt[i]);
}

/* Is there a note @kind about @ip in this output? */
static bool nt_note(struct nt *t, enum ndp_note_kind kind,
		    const struct ndp_ip6 *ip)
{
	return ndp_kt_find_note(&t->k, kind, ip);
}

/* Caller packets transmitted in this output, in order, into @ids. */
static u32 nt_txd_ids(struct nt *t, int *ids, u32 max)
{
	u32 k, n = 0;
	int i;

	for (k = 0; k < t->k.out->n_tx && n < max; k++)
		for (i = 0; i < NT_PKTS; i++)
			if (t->k.out->tx[k].handle == &t->pkt[i])
				ids[n++] = i;
	return n;
}

/* Packet @i left with an Ethernet header to @mac in its headroom. */
static void nt_expect_txd(struct nt *t, int i, const u8 *mac)
{
	int k = nt_txd(t, i);
	const struct ndp_tx *tx;

	KUNIT_ASSERT_GE_MSG(t->test, k, 0, "packet %d not sent", i);
	tx = &t->k.out->tx[k];
	KUNIT_EXPECT_PTR_EQ(t->test, tx->frame,
			    t->pkt[i].data - NDP_ETH_HLEN);
	KUNIT_EXPECT_EQ(t->test, tx->len, (u32)(NT_PKT_LEN + NDP_ETH_HLEN));
	KUNIT_EXPECT_EQ(t->test, memcmp(tx->frame, mac, NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(tx->frame + 6, t->k.mac,
					NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(t->test, ndp_get16(tx->frame + 12), 0x86dd);
}

/* An NS from @src to @dst for @target, with SLLA @slla (NULL: none). */
static void nt_ns_in(struct nt *t, const struct ndp_ip6 *src,
		     const struct ndp_ip6 *dst, const struct ndp_ip6 *target,
		     const u8 *slla)
{
	u8 m[64];
	u32 len = nf_ns(m, target);

	if (slla)
		len += nf_opt_lla(m + len, NDP_OPT_SLLA, slla);
	len = ndp_kt_build_icmp(&t->k, src, dst, 255, m, len);
	ndp_kt_handle(&t->k, len);
}

/* An NA from @target to our link-local address with @flags and @tlla. */
static void nt_na_in(struct nt *t, const struct ndp_ip6 *target, u8 flags,
		     const u8 *tlla)
{
	u8 m[64];
	u32 len = nf_na(m, flags, target);

	if (tlla)
		len += nf_opt_lla(m + len, NDP_OPT_TLLA, tlla);
	len = ndp_kt_build_icmp(&t->k, target, &t->ll, 255, m, len);
	ndp_kt_handle(&t->k, len);
}

/* Index of the @nth (0-based) output frame of ICMPv6 @type, or -1. */
static int nt_nth(struct nt *t, int type, u32 nth)
{
	u32 k;

	for (k = 0; k < t->k.out->n_tx; k++)
		if (ndp_kt_tx_icmp_type(&t->k, k) == type && !nth--)
			return k;
	return -1;
}

/*
 * Output frame @k is an NS from @src to @dst (Ethernet @eth) for @target
 * with our SLLA: every byte that matters.
 */
static void nt_expect_ns(struct nt *t, int k, const struct ndp_ip6 *src,
			 const struct ndp_ip6 *dst, const u8 *eth,
			 const struct ndp_ip6 *target)
{
	const u8 *ip6, *m;
	u32 len;

	KUNIT_ASSERT_GE(t->test, k, 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(t->k.out->tx[k].frame, eth, 6), 0);
	ip6 = ndp_kt_tx_ip6(&t->k, k);
	m = ndp_kt_tx_icmp(&t->k, k, &len);
	KUNIT_ASSERT_NOT_NULL(t->test, m);
	KUNIT_EXPECT_EQ(t->test, ip6[7], 255);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 8, src->b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 24, dst->b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, len, 32U);
	KUNIT_EXPECT_EQ(t->test, m[0], NDP_ICMP_NS);
	KUNIT_EXPECT_EQ(t->test, m[1], 0);
	KUNIT_EXPECT_EQ(t->test, ndp_get32(m + 4), 0U);
	KUNIT_EXPECT_EQ(t->test, memcmp(m + 8, target->b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, m[24], NDP_OPT_SLLA);
	KUNIT_EXPECT_EQ(t->test, m[25], 1);
	KUNIT_EXPECT_EQ(t->test, memcmp(m + 26, t->k.mac, 6), 0);
}

/* Output frame @k is our NA to @dst (Ethernet @eth) with @flags. */
static void nt_expect_na(struct nt *t, int k, const struct ndp_ip6 *dst,
			 const u8 *eth, u8 flags)
{
	const u8 *ip6, *m;
	u32 len;

	KUNIT_ASSERT_GE(t->test, k, 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(t->k.out->tx[k].frame, eth, 6), 0);
	ip6 = ndp_kt_tx_ip6(&t->k, k);
	m = ndp_kt_tx_icmp(&t->k, k, &len);
	KUNIT_ASSERT_NOT_NULL(t->test, m);
	KUNIT_EXPECT_EQ(t->test, ip6[7], 255);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 8, t->ll.b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ip6 + 24, dst->b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, len, 32U);
	KUNIT_EXPECT_EQ(t->test, m[0], NDP_ICMP_NA);
	KUNIT_EXPECT_EQ(t->test, m[1], 0);
	KUNIT_EXPECT_EQ(t->test, m[4], flags);
	KUNIT_EXPECT_EQ(t->test, memcmp(m + 8, t->ll.b, 16), 0);
	KUNIT_EXPECT_EQ(t->test, m[24], NDP_OPT_TLLA);
	KUNIT_EXPECT_EQ(t->test, m[25], 1);
	KUNIT_EXPECT_EQ(t->test, memcmp(m + 26, t->k.mac, 6), 0);
}

static u8 nt_state(struct nt *t, const struct ndp_ip6 *ip)
{
	struct ndp_nbr_info ni;

	if (ndp_nbr_lookup(ctx_of(t), ip, &ni))
		return NDP_NUD_NONE;
	return ni.state;
}

static void nt_expect_mac(struct nt *t, const struct ndp_ip6 *ip,
			  const u8 *mac)
{
	struct ndp_nbr_info ni;

	KUNIT_ASSERT_EQ(t->test, ndp_nbr_lookup(ctx_of(t), ip, &ni), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ni.mac, mac, NDP_ETH_ALEN), 0);
}

static void nt_tick(struct nt *t, s64 when)
{
	ndp_kt_tick(&t->k, when);
}

/* Entries in each state, by ndp_resolve() (INCOMPLETE, nothing queued). */
static void nt_make_incomplete(struct nt *t, const struct ndp_ip6 *ip)
{
	u8 mac[NDP_ETH_ALEN];

	nt_reset(t);
	KUNIT_ASSERT_EQ(t->test, ndp_resolve(ctx_of(t), t->k.now, ip, mac,
					     t->k.out), -EAGAIN);
	KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_INCOMPLETE);
}

static void nt_make_reachable(struct nt *t, const struct ndp_ip6 *ip,
			      const u8 *mac)
{
	nt_make_incomplete(t, ip);
	nt_na_in(t, ip, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac);
	KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_REACHABLE);
}

static void nt_make_stale(struct nt *t, const struct ndp_ip6 *ip,
			  const u8 *mac)
{
	nt_ns_in(t, ip, &t->ll, &t->ll, mac);
	KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_STALE);
}

static void nt_make_delay(struct nt *t, const struct ndp_ip6 *ip,
			  const u8 *mac)
{
	nt_make_stale(t, ip, mac);
	nt_send(t, NT_PKTS - 1, ip);
	KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_DELAY);
}

static void nt_make_probe(struct nt *t, const struct ndp_ip6 *ip,
			  const u8 *mac)
{
	nt_make_delay(t, ip, mac);
	nt_tick(t, t->k.now + MSEC(t->k.cfg.delay_first_probe_ms));
	KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_PROBE);
}

/*
 * The heap holds exactly the entries with a timer, in heap order, with
 * consistent back-pointers; the deadline is the earliest timer.
 */
static void nt_check_heap(struct kunit *test, const struct ndp_ctx *ctx)
{
	s64 earliest = NDP_TIME_NEVER;
	u32 i, timers = 0, p;

	for (i = 0; i < ctx->cfg.max_nbrs; i++) {
		const struct ndp_nbr *n = &ctx->nbrs[i];

		if (n->state == NDP_NUD_NONE)
			continue;
		if (n->timer == NDP_TIME_NEVER) {
			KUNIT_EXPECT_EQ(test, n->heap_pos, NDP_NIL);
			continue;
		}
		timers++;
		earliest = min(earliest, n->timer);
		KUNIT_ASSERT_LT(test, n->heap_pos, ctx->heap_len);
		KUNIT_EXPECT_EQ(test, ctx->heap[n->heap_pos], i);
	}
	KUNIT_EXPECT_EQ(test, ctx->heap_len, timers);
	for (p = 1; p < ctx->heap_len; p++)
		KUNIT_EXPECT_LE(test, ctx->nbrs[ctx->heap[(p - 1) / 2]].timer,
				ctx->nbrs[ctx->heap[p]].timer);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(ctx), earliest);
}

/* Longest hash chain. */
static u32 nt_max_chain(const struct ndp_ctx *ctx)
{
	u32 b, i, len, worst = 0;

	for (b = 0; b <= ctx->hash_mask; b++) {
		len = 0;
		for (i = ctx->buckets[b]; i != NDP_NIL; i = ctx->nbrs[i].hnext)
			len++;
		worst = max(worst, len);
	}
	return worst;
}

/* Bucket holding @ip, or NDP_NIL. */
static u32 nt_bucket(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip)
{
	u32 b, i;

	for (b = 0; b <= ctx->hash_mask; b++)
		for (i = ctx->buckets[b]; i != NDP_NIL; i = ctx->nbrs[i].hnext)
			if (ndp_ip6_eq(&ctx->nbrs[i].ip, ip))
				return b;
	return NDP_NIL;
}

/* ------------------------------------------------------- resolution */

/* A send to an unknown neighbour queues the packet and multicasts an NS. */
static void nbr_send_unknown_sends_multicast_ns(struct kunit *test)
{
	static const u8 sn_mac[6] = { 0x33, 0x33, 0xff, 0x00, 0x00, 0x02 };
	struct nt *t = nt_up(test, NULL);
	struct ndp_ip6 sn = ndp_kt_ip(test, "ff02::1:ff00:2");
	struct ndp_fill f;

	nt_send(t, 0, &t->a);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &t->ll, &sn, sn_mac,
		     &t->a);
	KUNIT_EXPECT_LT(test, nt_txd(t, 0), 0);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_CREATED), 1ULL);
	ndp_get_fill(ctx_of(t), &f);
	KUNIT_EXPECT_EQ(test, f.queued, 1U);
	KUNIT_EXPECT_EQ(test, f.incomplete, 1U);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(ctx_of(t)),
			t->k.now + MSEC(ctx_of(t)->retrans_ms));
	ndp_kt_expect_only(&t->k, NDP_STAT_NBR_CREATED);
}

/*
 * INCOMPLETE: an NS every RetransTimer, three in all, then failure: the
 * queued packets come back dropped, counted, with a note.
 */
static void nbr_incomplete_retransmits_then_fails(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t0 = t->k.now, rt = MSEC(ctx_of(t)->retrans_ms);
	int i;

	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->a);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	for (i = 1; i <= 2; i++) {
		nt_tick(t, t0 + i * rt - 1);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
		nt_tick(t, t0 + i * rt);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
		KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_INCOMPLETE);
	}
	nt_tick(t, t0 + 3 * rt - 1);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, 0U);
	nt_tick(t, t0 + 3 * rt);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, 2U);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 0), NDP_DONE_UNREACHABLE);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 1), NDP_DONE_UNREACHABLE);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_QUEUE_RESOLUTION_FAILED), 2ULL);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_FAILED), 1ULL);
	KUNIT_EXPECT_TRUE(test, nt_note(t, NDP_NOTE_NBR_UNREACHABLE, &t->a));
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_queued, 0U);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_incomplete, 0U);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(ctx_of(t)), NDP_TIME_NEVER);
}

/* A solicited NA resolves: the queue leaves in order, to the TLLA. */
static void nbr_na_releases_queue_in_order(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	int ids[NT_PKTS], i;

	for (i = 0; i < 3; i++)
		nt_send(t, i, &t->a);
	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac_a);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 3U);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, ids[i], i);
		nt_expect_txd(t, i, mac_a);
	}
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_TX_PACKETS), 3ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_queued, 0U);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(ctx_of(t)),
			t->k.now + MSEC(ctx_of(t)->reachable_ms));
	ndp_kt_expect_only(&t->k, NDP_STAT_MAX);

	/* now known: the next packet leaves at once */
	nt_send(t, 5, &t->a);
	nt_expect_txd(t, 5, mac_a);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_TX_PACKETS), 1ULL);
}

/* Per-neighbour overflow drops the OLDEST packet; the rest keep order. */
static void nbr_queue_overflow_drops_oldest(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	int ids[NT_PKTS], i;

	for (i = 0; i < 6; i++) {
		nt_send(t, i, &t->a);
		if (i < 3) {
			KUNIT_EXPECT_EQ(test, t->k.out->n_done, 0U);
			continue;
		}
		/* packet i - 3 is the oldest: it goes, counted */
		KUNIT_EXPECT_EQ(test, t->k.out->n_done, 1U);
		KUNIT_EXPECT_EQ(test, nt_reason(t, i - 3), NDP_DONE_QUEUE_FULL);
		KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_QUEUE_OVERFLOW), 1ULL);
	}
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_queued, 3U);
	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac_a);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 3U);
	KUNIT_EXPECT_EQ(test, ids[0], 3);
	KUNIT_EXPECT_EQ(test, ids[1], 4);
	KUNIT_EXPECT_EQ(test, ids[2], 5);
}

/*
 * The global pool: when it is empty a neighbour with packets loses its
 * oldest, one without loses the new packet (QUEUE_TOTAL_OVERFLOW).
 */
static void nbr_queue_total_overflow(struct kunit *test)
{
	struct ndp_config cfg;
	struct nt *t;
	int ids[NT_PKTS];

	ndp_config_default(&cfg);
	cfg.nbr_queue_len = 3;
	cfg.queue_total = 4;
	t = nt_up(test, &cfg);
	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->a);
	nt_send(t, 2, &t->a);
	nt_send(t, 3, &t->b);		/* pool now empty */
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_queued, 4U);
	nt_send(t, 4, &t->b);		/* b drops its own oldest */
	KUNIT_EXPECT_EQ(test, nt_reason(t, 3), NDP_DONE_QUEUE_FULL);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_QUEUE_TOTAL_OVERFLOW), 1ULL);
	nt_send(t, 5, &t->c);		/* c has none: the new one goes */
	KUNIT_EXPECT_EQ(test, nt_reason(t, 5), NDP_DONE_QUEUE_FULL);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_QUEUE_TOTAL_OVERFLOW), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_queued, 4U);
	nt_na_in(t, &t->b, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac_b);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 1U);
	KUNIT_EXPECT_EQ(test, ids[0], 4);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_queued, 3U);
}

/* The NA for @target (S=1 O=1, TLLA @mac) with room for @room frames. */
static void nt_na_squeezed(struct nt *t, const struct ndp_ip6 *target,
			   const u8 *mac, u32 room)
{
	struct ndp_pkt pkt = { .handle = t, .headroom = NDP_ETH_HLEN };
	u8 m[64];
	u32 len = nf_na(m, NDP_NA_FLAG_S | NDP_NA_FLAG_O, target);

	len += nf_opt_lla(m + len, NDP_OPT_TLLA, mac);
	len = ndp_kt_build_icmp(&t->k, target, &t->ll, 255, m, len);
	pkt.data = ndp_kt_pkt(&t->k);
	pkt.len = len;
	pkt.tot_len = len;
	nt_reset(t);
	memset(t->k.out->tx, 0, sizeof(t->k.out->tx));
	t->k.out->n_tx = NDP_OUT_TX - room;
	ndp_handle(ctx_of(t), t->k.now, &pkt, t->k.out);
}

/*
 * A resolved queue leaves as far as the output has room; the rest leaves
 * first thing later (a send, or the tick that is due at once), in order.
 */
static void nbr_release_bounded_by_output(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 reach = MSEC(ctx_of(t)->reachable_ms);
	int ids[NT_PKTS];

	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->a);
	nt_send(t, 2, &t->a);
	nt_na_squeezed(t, &t->a, mac_a, 1);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 1U);
	KUNIT_EXPECT_EQ(test, ids[0], 0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	KUNIT_EXPECT_LE(test, ndp_nbr_deadline(ctx_of(t)), t->k.now);
	/* a send now: what waited goes first */
	nt_send(t, 3, &t->a);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 3U);
	KUNIT_EXPECT_EQ(test, ids[0], 1);
	KUNIT_EXPECT_EQ(test, ids[1], 2);
	KUNIT_EXPECT_EQ(test, ids[2], 3);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(ctx_of(t)), t->k.now + reach);

	/* the same with the tick doing it */
	nt_send(t, 4, &t->b);
	nt_send(t, 5, &t->b);
	t->k.now += MSEC(10);
	nt_na_squeezed(t, &t->b, mac_b, 0);
	KUNIT_EXPECT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_REACHABLE);
	KUNIT_EXPECT_LE(test, ndp_nbr_deadline(ctx_of(t)), t->k.now);
	nt_tick(t, t->k.now);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 2U);
	KUNIT_EXPECT_EQ(test, ids[0], 4);
	KUNIT_EXPECT_EQ(test, ids[1], 5);
	nt_expect_txd(t, 5, mac_b);
	KUNIT_EXPECT_EQ(test, ndp_nbr_find(ctx_of(t), &t->b)->timer,
			t->k.now + reach);
	nt_check_heap(test, ctx_of(t));
}

/* A queue of 0 drops every packet for an unresolved neighbour. */
static void nbr_queue_len_zero(struct kunit *test)
{
	struct ndp_config cfg;
	struct nt *t;

	ndp_config_default(&cfg);
	cfg.nbr_queue_len = 0;
	t = nt_up(test, &cfg);
	nt_send(t, 0, &t->a);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 0), NDP_DONE_QUEUE_FULL);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_QUEUE_OVERFLOW), 1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
}

/* ndp_flush() gives back every queued handle, dropped and counted. */
static void nbr_flush_gives_back_queued(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	struct ndp_fill f;

	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->a);
	nt_send(t, 2, &t->b);
	nt_reset(t);
	ndp_flush(ctx_of(t), t->k.out);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, 3U);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 0), NDP_DONE_FLUSHED);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 1), NDP_DONE_FLUSHED);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 2), NDP_DONE_FLUSHED);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_QUEUE_FLUSHED), 3ULL);
	ndp_get_fill(ctx_of(t), &f);
	KUNIT_EXPECT_EQ(test, f.queued, 0U);
	KUNIT_EXPECT_EQ(test, f.nbrs, 2U);
}

/* ------------------------------------------------ handles given back */

/*
 * Every place that gives a handle back, one case each: dc_*() sets up a
 * context and makes the one call under test (its output is in t->k.out and
 * the counters were snapshot just before it), and returns the handle that
 * must come back.  NT_RX is the frame given to ndp_handle() (the fixture's
 * handle is the struct ndp_kt).
 */
#define NT_RX	((void *)-1)

struct nt_done_case {
	const char *name;
	void *(*run)(struct kunit *test, struct nt **tp);
	u8 reason;		/* enum ndp_done_reason */
	enum ndp_stat stat;	/* moves by exactly 1 */
	enum ndp_stat also[2];	/* may move too (NDP_STAT_MAX: none) */
};

static struct nt *dc_up(struct kunit *test, struct nt **tp,
			void (*tweak)(struct ndp_config *cfg))
{
	struct ndp_config cfg;

	ndp_config_default(&cfg);
	if (tweak)
		tweak(&cfg);
	*tp = nt_up(test, &cfg);
	return *tp;
}

static void *dc_consumed(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);

	nt_ns_in(t, &t->a, &t->ll, &t->ll, mac_a);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NA), 1U);
	return NT_RX;
}

static void *dc_rx_nd_invalid(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);
	u8 m[64];
	u32 len = nf_ns(m, &t->ll);

	len += nf_opt_lla(m + len, NDP_OPT_SLLA, mac_a);
	len = ndp_kt_build_icmp(&t->k, &t->a, &t->ll, 254, m, len);
	ndp_kt_handle(&t->k, len);
	return NT_RX;
}

static void *dc_rx_not_for_us(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);
	struct ndp_pkt *p = nt_pkt(t, 0, &t->b, &t->a);

	ndp_kt_handle_pkt(&t->k, p->data, p->len, &t->k);
	return NT_RX;
}

static void *dc_bad_packet(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);
	struct ndp_pkt *p = nt_pkt(t, 0, &t->a, NULL);

	p->data[0] = 0x40;		/* IPv4 */
	nt_reset(t);
	ndp_send(ctx_of(t), t->k.now, NULL, p, 0, t->k.out);
	return p->handle;
}

static void *dc_no_route(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);
	struct ndp_ip6 off = ndp_kt_ip(test, "2001:db9::1");

	nt_send(t, 0, &off);
	return &t->pkt[0];
}

static void dc_quota_1(struct ndp_config *cfg)
{
	cfg->incomplete_quota = 1;
}

static void *dc_no_nbr_quota(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, dc_quota_1);

	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_NONE);
	return &t->pkt[1];
}

static void dc_two_nbrs(struct ndp_config *cfg)
{
	cfg->max_nbrs = 2;
	cfg->incomplete_quota = 2;
}

static void *dc_no_nbr_table_full(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, dc_two_nbrs);

	nt_make_reachable(t, &t->a, mac_a);
	nt_make_reachable(t, &t->b, mac_b);
	t->k.now += SEC(1);		/* a token for a new entry */
	nt_send(t, 0, &t->c);
	return &t->pkt[0];
}

static void dc_queue_1(struct ndp_config *cfg)
{
	cfg->nbr_queue_len = 1;
	cfg->queue_total = 1;
}

static void *dc_queue_nbr(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, dc_queue_1);

	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->a);		/* the oldest goes: 0 */
	return &t->pkt[0];
}

static void *dc_queue_total(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, dc_queue_1);

	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->b);		/* b has nothing queued: 1 goes */
	return &t->pkt[1];
}

static void *dc_unreachable(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);
	s64 t0 = t->k.now, rt = MSEC(ctx_of(t)->retrans_ms);

	nt_send(t, 0, &t->a);
	nt_tick(t, t0 + rt);
	nt_tick(t, t0 + 2 * rt);
	nt_tick(t, t0 + 3 * rt);
	KUNIT_EXPECT_TRUE(test, nt_note(t, NDP_NOTE_NBR_UNREACHABLE, &t->a));
	return &t->pkt[0];
}

static void *dc_evicted(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, dc_two_nbrs);

	nt_send(t, 0, &t->a);		/* INCOMPLETE, holds 0 */
	nt_make_stale(t, &t->b, mac_b);
	nt_send(t, 1, &t->c);		/* INCOMPLETE, evicts a */
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_STALE);
	return &t->pkt[0];
}

static void *dc_flushed(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);

	nt_send(t, 0, &t->a);
	nt_reset(t);
	ndp_flush(ctx_of(t), t->k.out);
	return &t->pkt[0];
}

static void *dc_no_room_unicast(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);
	struct ndp_pkt *p;

	nt_make_reachable(t, &t->a, mac_a);
	p = nt_pkt(t, 0, &t->a, NULL);
	nt_reset(t);
	t->k.out->n_tx = NDP_OUT_TX;
	ndp_send(ctx_of(t), t->k.now, NULL, p, 0, t->k.out);
	return p->handle;
}

static void *dc_no_room_mcast(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);
	struct ndp_pkt *p = nt_pkt(t, 0, &ndp_all_nodes, NULL);

	nt_reset(t);
	t->k.out->n_tx = NDP_OUT_TX;
	ndp_send(ctx_of(t), t->k.now, NULL, p, 0, t->k.out);
	return p->handle;
}

#define DC_NONE	{ NDP_STAT_MAX, NDP_STAT_MAX }

static const struct nt_done_case nt_done_cases[] = {
	{ "consumed: an NS for us, answered", dc_consumed,
	  NDP_DONE_CONSUMED, NDP_STAT_RX_ND, { NDP_STAT_NBR_CREATED,
					       NDP_STAT_MAX } },
	{ "rx-dropped: an ND rule (hop limit 254)", dc_rx_nd_invalid,
	  NDP_DONE_RX_DROPPED, NDP_STAT_ND_HOPLIMIT, DC_NONE },
	{ "rx-dropped: an IPv6 rule (not for us)", dc_rx_not_for_us,
	  NDP_DONE_RX_DROPPED, NDP_STAT_IP6_NOT_FOR_US, DC_NONE },
	{ "bad-packet: send of an IPv4 packet", dc_bad_packet,
	  NDP_DONE_BAD_PACKET, NDP_STAT_TX_BAD_PACKET, DC_NONE },
	{ "no-route: off-link, no router", dc_no_route,
	  NDP_DONE_NO_ROUTE, NDP_STAT_TX_NO_ROUTE, DC_NONE },
	{ "no-neighbour: INCOMPLETE quota", dc_no_nbr_quota,
	  NDP_DONE_NO_NEIGHBOUR, NDP_STAT_NBR_INCOMPLETE_QUOTA, DC_NONE },
	{ "no-neighbour: table full, nothing evictable", dc_no_nbr_table_full,
	  NDP_DONE_NO_NEIGHBOUR, NDP_STAT_NBR_TABLE_FULL, DC_NONE },
	{ "queue-full: the neighbour's queue, oldest out", dc_queue_nbr,
	  NDP_DONE_QUEUE_FULL, NDP_STAT_QUEUE_OVERFLOW, DC_NONE },
	{ "queue-full: the global pool, the new one out", dc_queue_total,
	  NDP_DONE_QUEUE_FULL, NDP_STAT_QUEUE_TOTAL_OVERFLOW,
	  { NDP_STAT_NBR_CREATED, NDP_STAT_MAX } },
	{ "unreachable: three NS unanswered", dc_unreachable,
	  NDP_DONE_UNREACHABLE, NDP_STAT_QUEUE_RESOLUTION_FAILED,
	  { NDP_STAT_NBR_FAILED, NDP_STAT_MAX } },
	{ "evicted: its INCOMPLETE entry made room", dc_evicted,
	  NDP_DONE_EVICTED, NDP_STAT_QUEUE_EVICTED,
	  { NDP_STAT_NBR_EVICTED, NDP_STAT_NBR_CREATED } },
	{ "flushed: ndp_flush()", dc_flushed,
	  NDP_DONE_FLUSHED, NDP_STAT_QUEUE_FLUSHED, DC_NONE },
	{ "no-room: output full, neighbour known", dc_no_room_unicast,
	  NDP_DONE_NO_ROOM, NDP_STAT_TX_OUT_FULL, DC_NONE },
	{ "no-room: output full, multicast", dc_no_room_mcast,
	  NDP_DONE_NO_ROOM, NDP_STAT_TX_OUT_FULL, DC_NONE },
};

static void nt_done_desc(const struct nt_done_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->name);
}

KUNIT_ARRAY_PARAM(nt_done, nt_done_cases, nt_done_desc);

/*
 * The handle comes back once, with its reason; it is the call's only drop;
 * the reason's counter moved by one and nothing else but the totals and
 * what comes with it (an entry made, evicted or failed).
 */
static void nbr_done_reason_every_path(struct kunit *test)
{
	const struct nt_done_case *c = test->param_value;
	const enum ndp_stat ok[3] = { c->stat, c->also[0], c->also[1] };
	u32 k, seen = 0, drops = 0;
	struct nt *t = NULL;
	void *h;

	h = c->run(test, &t);
	KUNIT_ASSERT_NOT_NULL(test, t);
	if (h == NT_RX)
		h = &t->k;
	for (k = 0; k < t->k.out->n_done; k++) {
		const struct ndp_done *d = &t->k.out->done[k];

		drops += ndp_done_dropped(d);
		if (d->handle != h)
			continue;
		seen++;
		KUNIT_EXPECT_STREQ(test, ndp_done_reason_name(d->reason),
				   ndp_done_reason_name(c->reason));
		KUNIT_EXPECT_EQ(test, ndp_done_dropped(d),
				c->reason != NDP_DONE_CONSUMED);
	}
	KUNIT_EXPECT_EQ(test, seen, 1U);
	KUNIT_EXPECT_EQ(test, drops, c->reason != NDP_DONE_CONSUMED ? 1U : 0U);
	for (k = 0; k < t->k.out->n_tx; k++)
		KUNIT_EXPECT_PTR_NE(test, t->k.out->tx[k].handle, h);
	KUNIT_EXPECT_EQ(test, delta(t, c->stat), 1ULL);
	ndp_kt_expect_only_n(&t->k, ok, ARRAY_SIZE(ok));
}

/*
 * Reply @k of the output (marked NDP_TX_RESOLVE: no MAC yet) given back to
 * the core with ndp_send(), as the glue does: it waits on its neighbour.
 */
static void nt_send_reply(struct nt *t, int k, u8 *buf, u32 cap)
{
	const struct ndp_tx *tx = &t->k.out->tx[k];
	u32 len = tx->len - NDP_ETH_HLEN;
	struct ndp_pkt p = {
		.handle = buf,
		.data = buf + NDP_KT_HEADROOM,
		.len = len,
		.tot_len = len,
		.headroom = NDP_KT_HEADROOM,
	};

	KUNIT_ASSERT_EQ(t->test, tx->flags, (u32)NDP_TX_RESOLVE);
	KUNIT_ASSERT_LE(t->test, NDP_KT_HEADROOM + len, cap);
	memcpy(p.data, tx->frame + NDP_ETH_HLEN, len);
	nt_reset(t);
	KUNIT_ASSERT_EQ(t->test, ndp_send(ctx_of(t), t->k.now, NULL, &p, 0,
					  t->k.out), 0);
	KUNIT_EXPECT_EQ(t->test, t->k.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(t->test, t->k.out->n_done, 0U);
}

/* Reply @k of the output is of ICMPv6 @type, waits for resolution. */
static void nt_expect_pending(struct nt *t, int k, int type)
{
	static const u8 zero[NDP_ETH_ALEN];

	KUNIT_ASSERT_GE(t->test, k, 0);
	KUNIT_EXPECT_EQ(t->test, ndp_kt_tx_icmp_type(&t->k, k), type);
	KUNIT_EXPECT_EQ(t->test, t->k.out->tx[k].flags, (u32)NDP_TX_RESOLVE);
	KUNIT_EXPECT_PTR_EQ(t->test, t->k.out->tx[k].handle, NULL);
	KUNIT_EXPECT_EQ(t->test, memcmp(t->k.out->tx[k].frame, zero, 6), 0);
}

/*
 * The core's own replies to a neighbour not resolved yet (an echo reply, the
 * NA to a unicast NS without SLLA, an ICMPv6 error) come out marked
 * NDP_TX_RESOLVE, without a MAC, for the caller to queue through
 * ndp_send() (counted TX_CORE_UNRESOLVED); the first one starts the
 * resolution, and the queued reply leaves when it completes: a ping from a
 * neighbour we do not know yet is answered the first time.
 */
static void nbr_core_reply_waits_for_resolution(struct kunit *test)
{
	static const u8 sn_a[6] = { 0x33, 0x33, 0xff, 0x00, 0x00, 0x02 };
	static const u8 sn_b[6] = { 0x33, 0x33, 0xff, 0x00, 0x00, 0x03 };
	static const enum ndp_stat ok[] = { NDP_STAT_TX_CORE_UNRESOLVED,
					    NDP_STAT_NBR_CREATED,
					    NDP_STAT_EXT_OPT_PARAMPROB };
	struct nt *t = nt_up(test, NULL);
	struct ndp_ip6 sn = ndp_kt_ip(test, "ff02::1:ff00:2");
	u8 *buf = kunit_kzalloc(test, NDP_KT_HEADROOM + 256, GFP_KERNEL);
	u8 m[64], *ip6;
	struct ndp_fill f;
	u32 len;
	int k;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	/* echo request from fe80::2, nothing known of it */
	memset(m, 0, 16);
	m[0] = NDP_ICMP_ECHO_REQUEST;
	m[7] = 1;
	len = ndp_kt_build_icmp(&t->k, &t->a, &t->ll, 64, m, 16);
	ndp_kt_handle(&t->k, len);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_TX_CORE_UNRESOLVED), 1ULL);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_RX_ECHO), 1ULL);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 2U);
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &t->ll, &sn, sn_a, &t->a);
	k = ndp_kt_find_tx(&t->k, NDP_ICMP_ECHO_REPLY);
	nt_expect_pending(t, k, NDP_ICMP_ECHO_REPLY);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, 1U);
	KUNIT_EXPECT_EQ(test, t->k.out->done[0].reason, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_CREATED), 1ULL);
	ndp_kt_expect_only_n(&t->k, ok, 2);
	nt_send_reply(t, k, buf, NDP_KT_HEADROOM + 256);
	ndp_get_fill(ctx_of(t), &f);
	KUNIT_EXPECT_EQ(test, f.queued, 1U);

	/* again while INCOMPLETE: marked too, no second NS */
	m[7] = 2;
	len = ndp_kt_build_icmp(&t->k, &t->a, &t->ll, 64, m, 16);
	ndp_kt_handle(&t->k, len);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_TX_CORE_UNRESOLVED), 1ULL);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 1U);
	nt_expect_pending(t, 0, NDP_ICMP_ECHO_REPLY);
	ndp_kt_expect_only(&t->k, NDP_STAT_TX_CORE_UNRESOLVED);

	/* resolved: the queued reply leaves to fe80::2's MAC */
	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac_a);
	if (t->k.out->n_tx == 0)
		nt_tick(t, t->k.now);
	KUNIT_ASSERT_EQ(test, t->k.out->n_tx, 1U);
	KUNIT_EXPECT_PTR_EQ(test, t->k.out->tx[0].handle, (void *)buf);
	KUNIT_EXPECT_EQ(test, memcmp(t->k.out->tx[0].frame, mac_a, 6), 0);
	KUNIT_EXPECT_EQ(test, t->k.out->tx[0].frame[NDP_ETH_HLEN + NDP_IP6_HLEN],
			NDP_ICMP_ECHO_REPLY);
	KUNIT_EXPECT_EQ(test, t->k.out->tx[0].frame[NDP_ETH_HLEN + NDP_IP6_HLEN +
						     7], 1);

	/* known now: the next one is answered directly, nothing counted */
	len = ndp_kt_build_icmp(&t->k, &t->a, &t->ll, 64, m, 16);
	ndp_kt_handle(&t->k, len);
	k = ndp_kt_find_tx(&t->k, NDP_ICMP_ECHO_REPLY);
	KUNIT_ASSERT_GE(test, k, 0);
	KUNIT_EXPECT_EQ(test, t->k.out->tx[k].flags, 0U);
	KUNIT_EXPECT_EQ(test, memcmp(t->k.out->tx[k].frame, mac_a, 6), 0);
	ndp_kt_expect_only(&t->k, NDP_STAT_MAX);

	/* a unicast NS without SLLA from fe80::3: NS, then the NA marked */
	nt_ns_in(t, &t->b, &t->ll, &t->ll, NULL);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_TX_CORE_UNRESOLVED), 1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	KUNIT_EXPECT_EQ(test, memcmp(t->k.out->tx[0].frame, sn_b, 6), 0);
	nt_expect_pending(t, ndp_kt_find_tx(&t->k, NDP_ICMP_NA), NDP_ICMP_NA);
	KUNIT_EXPECT_EQ(test, t->k.out->done[0].reason, NDP_DONE_CONSUMED);
	ndp_kt_expect_only_n(&t->k, ok, 2);

	/*
	 * A Parameter Problem for fe80::4 (Destination Options with an
	 * unknown option of action 10): marked too.
	 */
	ip6 = ndp_kt_pkt(&t->k);
	memset(ip6, 0, NDP_IP6_HLEN + 8);
	ndp_write_ip6(ip6, &t->c, &t->ll, NDP_NH_DSTOPTS, 64, 8);
	ip6[NDP_IP6_HLEN] = NDP_NH_NONE;
	ip6[NDP_IP6_HLEN + 2] = 0x80;		/* action 10 */
	ip6[NDP_IP6_HLEN + 3] = 4;
	ndp_kt_handle(&t->k, NDP_IP6_HLEN + 8);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_EXT_OPT_PARAMPROB), 1ULL);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_TX_CORE_UNRESOLVED), 1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	nt_expect_pending(t, ndp_kt_find_tx(&t->k, NDP_ICMP_PARAM_PROB),
			  NDP_ICMP_PARAM_PROB);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, t->k.out->done[0].reason, NDP_DONE_RX_DROPPED);
	ndp_kt_expect_only_n(&t->k, ok, ARRAY_SIZE(ok));
}

/* -------------------------------------------------------- NUD timers */

/* REACHABLE for ReachableTime, then STALE without any frame. */
static void nbr_reachable_expires_to_stale(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t1, rt;
	u32 gen;

	nt_make_reachable(t, &t->a, mac_a);
	t1 = t->k.now;
	rt = MSEC(ctx_of(t)->reachable_ms);
	KUNIT_EXPECT_GE(test, rt, MSEC(ctx_of(t)->base_reachable_ms / 2));
	KUNIT_EXPECT_LT(test, rt, MSEC(ctx_of(t)->base_reachable_ms * 3 / 2));
	nt_tick(t, t1 + rt - 1);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	gen = ndp_generation(ctx_of(t));
	nt_tick(t, t1 + rt);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	KUNIT_EXPECT_NE(test, ndp_generation(ctx_of(t)), gen);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(ctx_of(t)), NDP_TIME_NEVER);
	nt_expect_mac(t, &t->a, mac_a);
}

/*
 * STALE -> DELAY on a send (the packet leaves) -> PROBE after
 * DELAY_FIRST_PROBE_TIME with a unicast NS, two more RetransTimer apart,
 * then the entry is removed.
 */
static void nbr_stale_delay_probe_fail(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t1, dly, rt = MSEC(ctx_of(t)->retrans_ms);
	int i;

	nt_make_stale(t, &t->a, mac_a);
	nt_send(t, 0, &t->a);
	nt_expect_txd(t, 0, mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	t1 = t->k.now;
	dly = MSEC(t->k.cfg.delay_first_probe_ms);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(ctx_of(t)), t1 + dly);
	nt_tick(t, t1 + dly - 1);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	for (i = 0; i < 3; i++) {
		nt_tick(t, t1 + dly + i * rt);
		KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_PROBE);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
		nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &t->ll, &t->a,
			     mac_a, &t->a);
	}
	nt_tick(t, t1 + dly + 3 * rt - 1);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_PROBE);
	nt_tick(t, t1 + dly + 3 * rt);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_FAILED), 1ULL);
	KUNIT_EXPECT_TRUE(test, nt_note(t, NDP_NOTE_NBR_UNREACHABLE, &t->a));
}

/* DELAY confirmed by a solicited NA: REACHABLE, no probe. */
static void nbr_delay_confirmed_goes_reachable(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t1;

	nt_make_delay(t, &t->a, mac_a);
	t1 = t->k.now;
	t->k.now = t1 + SEC(2);
	nt_na_in(t, &t->a, NDP_NA_FLAG_S, NULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	ndp_kt_run_until(&t->k, t1 + SEC(6));
	KUNIT_EXPECT_EQ(test, t->k.seen[NDP_ICMP_NS], 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
}

/* PROBE answered: REACHABLE, probes stop. */
static void nbr_probe_answered_goes_reachable(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t1;

	nt_make_probe(t, &t->a, mac_a);
	t1 = t->k.now;
	nt_na_in(t, &t->a, NDP_NA_FLAG_S, mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	ndp_kt_run_until(&t->k, t1 + SEC(10));
	KUNIT_EXPECT_EQ(test, t->k.seen[NDP_ICMP_NS], 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
}

/* Upper-layer hints keep an entry REACHABLE for ever without a probe. */
static void nbr_confirm_keeps_reachable(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t1, rt, last = 0;
	u32 ns = 0;
	int k;

	nt_make_reachable(t, &t->a, mac_a);
	t1 = t->k.now;
	rt = MSEC(ctx_of(t)->reachable_ms);
	for (k = 1; k <= 6; k++) {
		ndp_kt_run_until(&t->k, t1 + k * rt / 2);
		ns += t->k.seen[NDP_ICMP_NS];
		KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
		last = t->k.now;
		ndp_confirm(ctx_of(t), last, &t->a);
	}
	KUNIT_EXPECT_EQ(test, ns, 0U);
	nt_check_heap(test, ctx_of(t));
	ndp_kt_run_until(&t->k, last + rt - 1);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	ndp_kt_run_until(&t->k, last + rt);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, t->k.seen[NDP_ICMP_NS], 0U);

	/* STALE confirmed: REACHABLE again; no entry: none made */
	ndp_confirm(ctx_of(t), t->k.now, &t->a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	ndp_confirm(ctx_of(t), t->k.now, &t->b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_NONE);
	/* INCOMPLETE cannot be confirmed: there is no MAC */
	nt_make_incomplete(t, &t->c);
	ndp_confirm(ctx_of(t), t->k.now, &t->c);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_INCOMPLETE);
}

/* ------------------------------------------------------ RFC 4861 7.2.5 */

struct na_row {
	const char *name;
	u8 from;		/* state before */
	u8 flags;		/* R S O */
	u8 tlla;		/* 0: none, 1: the cached MAC, 2: another */
	u8 want;		/* state after */
	bool new_mac;		/* the cached MAC is now the other one */
	bool router;		/* IsRouter after */
	int stat;		/* counter moved by one, or -1 */
};

#define S_ NDP_NA_FLAG_S
#define O_ NDP_NA_FLAG_O
#define R_ NDP_NA_FLAG_R
#define INC NDP_NUD_INCOMPLETE
#define REA NDP_NUD_REACHABLE
#define STA NDP_NUD_STALE
#define DLY NDP_NUD_DELAY
#define PRB NDP_NUD_PROBE

static const struct na_row na_rows[] = {
	{ "incomplete no TLLA: ignored", INC, S_ | O_, 0, INC, false, false,
	  NDP_STAT_NA_NO_TLLA },
	{ "incomplete S=1: REACHABLE", INC, S_ | O_, 2, REA, true, false, -1 },
	{ "incomplete S=1 O=0: REACHABLE", INC, S_, 2, REA, true, false, -1 },
	{ "incomplete S=0: STALE", INC, O_, 2, STA, true, false, -1 },
	{ "incomplete S=0 O=0: STALE", INC, 0, 2, STA, true, false, -1 },
	{ "incomplete R=1: router", INC, R_ | S_, 2, REA, true, true, -1 },
	{ "reachable O=0 other: STALE, MAC kept", REA, S_, 2, STA, false,
	  false, NDP_STAT_NA_NO_OVERRIDE },
	{ "reachable O=0 S=0 other: STALE, MAC kept", REA, 0, 2, STA, false,
	  false, NDP_STAT_NA_NO_OVERRIDE },
	{ "stale O=0 other: ignored", STA, S_, 2, STA, false, false,
	  NDP_STAT_NA_NO_OVERRIDE },
	{ "delay O=0 other: ignored", DLY, S_, 2, DLY, false, false,
	  NDP_STAT_NA_NO_OVERRIDE },
	{ "probe O=0 other: ignored", PRB, 0, 2, PRB, false, false,
	  NDP_STAT_NA_NO_OVERRIDE },
	{ "reachable O=0 same S=1: REACHABLE", REA, S_, 1, REA, false, false,
	  -1 },
	{ "stale O=0 same S=1: REACHABLE", STA, S_, 1, REA, false, false, -1 },
	{ "stale O=0 none S=1: REACHABLE", STA, S_, 0, REA, false, false, -1 },
	{ "stale O=0 none S=0: unchanged", STA, 0, 0, STA, false, false, -1 },
	{ "stale O=0 same S=0: unchanged", STA, 0, 1, STA, false, false, -1 },
	{ "reachable O=0 none S=0: unchanged", REA, 0, 0, REA, false, false,
	  -1 },
	{ "delay none S=1: REACHABLE", DLY, S_, 0, REA, false, false, -1 },
	{ "delay same S=0: unchanged", DLY, 0, 1, DLY, false, false, -1 },
	{ "probe same S=1: REACHABLE", PRB, S_ | O_, 1, REA, false, false,
	  -1 },
	{ "probe none O=1 S=0: unchanged", PRB, O_, 0, PRB, false, false, -1 },
	{ "stale O=1 other S=1: REACHABLE, new MAC", STA, S_ | O_, 2, REA,
	  true, false, -1 },
	{ "reachable O=1 other S=0: STALE, new MAC", REA, O_, 2, STA, true,
	  false, -1 },
	{ "delay O=1 other S=0: STALE, new MAC", DLY, O_, 2, STA, true, false,
	  -1 },
	{ "probe O=1 other S=1: REACHABLE, new MAC", PRB, S_ | O_, 2, REA,
	  true, false, -1 },
	{ "reachable O=1 same S=0: unchanged", REA, O_, 1, REA, false, false,
	  -1 },
	{ "reachable O=1 none S=0: unchanged", REA, O_, 0, REA, false, false,
	  -1 },
	{ "stale R=1 same S=1: REACHABLE router", STA, R_ | S_ | O_, 1, REA,
	  false, true, -1 },
	{ "stale R=1 O=0 other: ignored, not router", STA, R_, 2, STA, false,
	  false, NDP_STAT_NA_NO_OVERRIDE },
};

static void na_row_desc(const struct na_row *r, char *desc)
{
	strscpy(desc, r->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(na_table, na_rows, na_row_desc);

/* One row of the RFC 4861 7.2.5 table: state, MAC, IsRouter, counter. */
static void nbr_na_table(struct kunit *test)
{
	const struct na_row *r = test->param_value;
	struct nt *t = nt_up(test, NULL);
	const u8 *tlla = r->tlla == 0 ? NULL : r->tlla == 1 ? mac_a : mac_b;
	struct ndp_nbr_info ni;
	struct ndp_nbr *n;

	switch (r->from) {
	case INC:
		nt_make_incomplete(t, &t->a);
		break;
	case REA:
		nt_make_reachable(t, &t->a, mac_a);
		break;
	case STA:
		nt_make_stale(t, &t->a, mac_a);
		break;
	case DLY:
		nt_make_delay(t, &t->a, mac_a);
		break;
	case PRB:
		nt_make_probe(t, &t->a, mac_a);
		break;
	}
	t->k.now += MSEC(100);
	nt_na_in(t, &t->a, r->flags, tlla);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(ctx_of(t), &t->a, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, r->want);
	if (r->want != INC)
		KUNIT_EXPECT_EQ(test, memcmp(ni.mac, r->new_mac ? mac_b : mac_a,
					     NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, ni.is_router, r->router);
	if (r->stat >= 0)
		KUNIT_EXPECT_EQ(test, delta(t, r->stat), 1ULL);
	ndp_kt_expect_only(&t->k, r->stat >= 0 ? r->stat : NDP_STAT_MAX);
	n = ndp_nbr_find(ctx_of(t), &t->a);
	if (r->want == REA && r->from != REA) {
		KUNIT_EXPECT_EQ(test, n->confirmed, t->k.now);
		KUNIT_EXPECT_EQ(test, n->timer,
				t->k.now + MSEC(ctx_of(t)->reachable_ms));
	}
	if (r->want == STA)
		KUNIT_EXPECT_EQ(test, n->timer, NDP_TIME_NEVER);
	nt_check_heap(test, ctx_of(t));
	/* no frame comes out of an NA */
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 0U);
}

/* An NA with R=0 from a router takes it off the default router list. */
static void nbr_na_r0_removes_router(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1"), ips[4];
	struct ndp_nbr_info ni;
	u8 m[64];
	u32 len;

	len = nf_ra(m, 64, 0, 1800, 0, 0);
	len += nf_opt_lla(m + len, NDP_OPT_SLLA, mac_r);
	len = ndp_kt_build_icmp(&t->k, &rtr, &ndp_all_nodes, 255, m, len);
	ndp_kt_handle(&t->k, len);
	KUNIT_ASSERT_EQ(test, ndp_get_routers(ctx_of(t), ips, 4), 1);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(ctx_of(t), &rtr, &ni), 0);
	KUNIT_EXPECT_TRUE(test, ni.is_router);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_STALE);

	nt_na_in(t, &rtr, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac_r);
	KUNIT_EXPECT_EQ(test, ndp_get_routers(ctx_of(t), ips, 4), 0);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t->k, NDP_NOTE_ROUTER_DEL,
						     &rtr));
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(ctx_of(t), &rtr, &ni), 0);
	KUNIT_EXPECT_FALSE(test, ni.is_router);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_REACHABLE);
}

/* An NA nobody asked for creates nothing. */
static void nbr_na_without_entry_ignored(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	u32 gen = ndp_generation(ctx_of(t));

	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac_a);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NA_NO_ENTRY), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_nbrs, 0U);
	KUNIT_EXPECT_EQ(test, ndp_generation(ctx_of(t)), gen);
}

/* --------------------------------------------------- RFC 4861 7.2.3-4 */

/*
 * An NS for an address that is not ours (same solicited-node group)
 * creates no entry and gets no answer (Mirage's Ndpv6 made one).
 */
static void nbr_ns_not_ours_creates_nothing(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	struct ndp_ip6 sn = ndp_kt_ip(test, "ff02::1:ff00:1");
	struct ndp_ip6 other = ndp_kt_ip(test, "fe80::abcd:ff:fe00:1");
	u32 gen = ndp_generation(ctx_of(t));

	nt_ns_in(t, &t->a, &sn, &other, mac_a);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NS_NOT_OURS), 1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NA), 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_nbrs, 0U);
	KUNIT_EXPECT_EQ(test, ndp_generation(ctx_of(t)), gen);
	ndp_kt_expect_only(&t->k, NDP_STAT_NS_NOT_OURS);
}

/*
 * An NS for our address to the solicited-node group: the sender's entry
 * is created STALE, a solicited NA (S=1 O=1 R=0, TLLA) goes to it.
 */
static void nbr_ns_creates_stale_and_answers(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	struct ndp_ip6 sn = ndp_kt_ip(test, "ff02::1:ff00:1");

	nt_ns_in(t, &t->a, &sn, &t->ll, mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	nt_expect_mac(t, &t->a, mac_a);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_CREATED), 1ULL);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 1U);
	nt_expect_na(t, nt_nth(t, NDP_ICMP_NA, 0), &t->a, mac_a,
		     NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	ndp_kt_expect_only(&t->k, NDP_STAT_NBR_CREATED);

	/* same SLLA again: nothing changes; another SLLA: STALE, new MAC */
	ndp_confirm(ctx_of(t), t->k.now, &t->a);
	nt_ns_in(t, &t->a, &sn, &t->ll, mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	nt_ns_in(t, &t->a, &sn, &t->ll, mac_b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	nt_expect_mac(t, &t->a, mac_b);
	nt_expect_na(t, nt_nth(t, NDP_ICMP_NA, 0), &t->a, mac_b,
		     NDP_NA_FLAG_S | NDP_NA_FLAG_O);
}

/*
 * A unicast NS (a NUD probe) is answered too, without SLLA through the
 * cache; with no entry at all resolution starts and the NA waits for it.
 */
static void nbr_unicast_ns_answered(struct kunit *test)
{
	static const u8 sn3_mac[6] = { 0x33, 0x33, 0xff, 0x00, 0x00, 0x03 };
	struct nt *t = nt_up(test, NULL);
	struct ndp_ip6 sn3 = ndp_kt_ip(test, "ff02::1:ff00:3");

	nt_make_reachable(t, &t->a, mac_a);
	nt_ns_in(t, &t->a, &t->ll, &t->ll, NULL);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 1U);
	nt_expect_na(t, 0, &t->a, mac_a, NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);

	nt_ns_in(t, &t->a, &t->ll, &t->ll, mac_a);
	nt_expect_na(t, nt_nth(t, NDP_ICMP_NA, 0), &t->a, mac_a,
		     NDP_NA_FLAG_S | NDP_NA_FLAG_O);

	/* unknown sender, no SLLA: we resolve it, the NA waits for that */
	nt_ns_in(t, &t->b, &t->ll, &t->ll, NULL);
	nt_expect_pending(t, ndp_kt_find_tx(&t->k, NDP_ICMP_NA), NDP_ICMP_NA);
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &t->ll, &sn3, sn3_mac,
		     &t->b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_INCOMPLETE);
}

/* An NS from :: for our valid address: NA to all-nodes, S=0, no entry. */
static void nbr_ns_from_unspecified_to_all_nodes(struct kunit *test)
{
	static const u8 all_mac[6] = { 0x33, 0x33, 0, 0, 0, 0x01 };
	struct nt *t = nt_up(test, NULL);
	struct ndp_ip6 sn = ndp_kt_ip(test, "ff02::1:ff00:1");

	nt_ns_in(t, &ndp_unspecified, &sn, &t->ll, NULL);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 1U);
	nt_expect_na(t, 0, &ndp_all_nodes, all_mac, NDP_NA_FLAG_O);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_nbrs, 0U);
	ndp_kt_expect_only(&t->k, NDP_STAT_MAX);
}

/* An NS with SLLA resolves an INCOMPLETE entry: its queue leaves. */
static void nbr_ns_resolves_incomplete(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	int ids[NT_PKTS];

	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->a);
	nt_ns_in(t, &t->a, &t->ll, &t->ll, mac_a);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 2U);
	KUNIT_EXPECT_EQ(test, ids[0], 0);
	KUNIT_EXPECT_EQ(test, ids[1], 1);
	nt_expect_txd(t, 0, mac_a);
	nt_expect_na(t, nt_nth(t, NDP_ICMP_NA, 0), &t->a, mac_a,
		     NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	/* packets went to a STALE entry: DELAY (7.3.3) */
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_queued, 0U);
}

/*
 * An SLLA from an RA (no output there) releases the queue at the next
 * tick, whatever happens to the entry before it: a confirmation, or a
 * frame of the core's own to it (STALE -> DELAY).
 */
static void nbr_learn_releases_at_tick(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 dly = MSEC(t->k.cfg.delay_first_probe_ms);
	u8 mac[NDP_ETH_ALEN];

	nt_send(t, 0, &t->a);
	ndp_nbr_learn(ctx_of(t), t->k.now, &t->a, mac_a, true);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(ctx_of(t)), t->k.now);
	nt_tick(t, t->k.now);
	nt_expect_txd(t, 0, mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(ctx_of(t)), t->k.now + dly);

	/* confirmed before the tick: REACHABLE, and the queue still leaves */
	nt_send(t, 1, &t->b);
	ndp_nbr_learn(ctx_of(t), t->k.now, &t->b, mac_b, false);
	ndp_confirm(ctx_of(t), t->k.now, &t->b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_REACHABLE);
	KUNIT_EXPECT_LE(test, ndp_nbr_deadline(ctx_of(t)), t->k.now);
	nt_tick(t, t->k.now);
	nt_expect_txd(t, 1, mac_b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_REACHABLE);

	/* a core frame to it first (DELAY): the queue leaves, then the delay */
	nt_send(t, 2, &t->c);
	ndp_nbr_learn(ctx_of(t), t->k.now, &t->c, mac_a, false);
	nt_reset(t);
	KUNIT_EXPECT_EQ(test, ndp_resolve(ctx_of(t), t->k.now, &t->c, mac,
					  t->k.out), 0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_DELAY);
	KUNIT_EXPECT_LE(test, ndp_nbr_deadline(ctx_of(t)), t->k.now);
	nt_tick(t, t->k.now);
	nt_expect_txd(t, 2, mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_DELAY);
	KUNIT_EXPECT_EQ(test, ndp_nbr_find(ctx_of(t), &t->c)->timer,
			t->k.now + dly);
	nt_check_heap(test, ctx_of(t));
}

/* ---------------------------------------------------------- sources */

/*
 * The NS takes the source of the packet that prompted it when that is
 * ours (7.2.2), else a selected one; with no valid address, none leaves.
 */
static void nbr_ns_source_rules(struct kunit *test)
{
	static const u8 sn5_mac[6] = { 0x33, 0x33, 0xff, 0x00, 0x00, 0x05 };
	static const u8 sn6_mac[6] = { 0x33, 0x33, 0xff, 0x00, 0x00, 0x06 };
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::1");
	struct ndp_ip6 gb = ndp_kt_ip(test, "2001:db8::5");
	struct ndp_ip6 gc = ndp_kt_ip(test, "2001:db8::6");
	struct ndp_ip6 sn5 = ndp_kt_ip(test, "ff02::1:ff00:5");
	struct ndp_ip6 sn6 = ndp_kt_ip(test, "ff02::1:ff00:6");
	struct ndp_prefix pfx = { .addr = ndp_kt_ip(test, "2001:db8::"),
				  .len = 64 };
	struct ndp_ip6 src;
	struct nt *t = nt_alloc(test);

	ndp_kt_init(test, &t->k, NULL);
	/* link-local still tentative: no source, no NS, still INCOMPLETE */
	nt_send(t, 0, &t->a);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NS_NO_SOURCE), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_INCOMPLETE);

	nt_reset(t);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(ctx_of(t), t->k.now, &g, 64,
					 NDP_INFINITE, NDP_INFINITE, t->k.out),
			0);
	KUNIT_ASSERT_EQ(test, ndp_add_prefix(ctx_of(t), t->k.now, &pfx,
					     NDP_INFINITE, t->k.out), 0);
	ndp_kt_run_until(&t->k, t->k.now + SEC(4));
	KUNIT_ASSERT_TRUE(test, ndp_addr_is_ours(ctx_of(t), &g));
	KUNIT_ASSERT_TRUE(test, ndp_addr_is_ours(ctx_of(t), &t->ll));
	KUNIT_ASSERT_EQ(test, ndp_select_source(ctx_of(t), &gb, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &g));

	/* a packet from our link-local to a global neighbour: NS from ll */
	nt_reset(t);
	ndp_send(ctx_of(t), t->k.now, NULL, nt_pkt(t, 1, &gb, &t->ll), 0,
		 t->k.out);
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &t->ll, &sn5, sn5_mac,
		     &gb);
	/* the retransmission also uses the queued packet's source */
	nt_tick(t, ndp_nbr_deadline(ctx_of(t)));
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &t->ll, &sn5, sn5_mac,
		     &gb);
	/* a packet whose source is not ours: the selected source */
	nt_reset(t);
	ndp_send(ctx_of(t), t->k.now, NULL,
		 nt_pkt(t, 2, &gc, &ndp_unspecified), 0, t->k.out);
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &g, &sn6, sn6_mac, &gc);
}

/* Is every NS of this output (but DAD's) from an address past DAD? */
static void nt_expect_ns_not_optimistic(struct nt *t)
{
	const struct ndp_addr *a;
	struct ndp_ip6 src;
	const u8 *ip6;
	u32 k;

	for (k = 0; k < t->k.out->n_tx; k++) {
		if (ndp_kt_tx_icmp_type(&t->k, k) != NDP_ICMP_NS)
			continue;
		ip6 = ndp_kt_tx_ip6(&t->k, k);
		ndp_ipaddr_of_cstruct(ip6 + 8, &src);
		if (ndp_ip6_is_unspec(&src))
			continue;
		a = ndp_addr_find(ctx_of(t), &src);
		KUNIT_ASSERT_NOT_NULL(t->test, a);
		KUNIT_EXPECT_FALSE_MSG(t->test, a->optimistic,
				       "NS from an optimistic address");
		KUNIT_EXPECT_EQ(t->test, a->state, NDP_ADDR_PREFERRED);
	}
}

/*
 * After the link came back every address is optimistic while DAD checks it
 * again (usable, RFC 4429).  No NS leaves from one (RFC 4429 3.2, as in
 * Linux): right after the link came back there is no source at all, the
 * NS is skipped (NS_NO_SOURCE) and counts; once one address has passed
 * DAD, a packet from the other, still optimistic, is solicited for from
 * the one that passed, with its SLLA.
 */
static void nbr_ns_never_from_optimistic(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::1");
	struct ndp_ip6 gb = ndp_kt_ip(test, "2001:db8::5");
	struct ndp_prefix pfx = { .addr = ndp_kt_ip(test, "2001:db8::"),
				  .len = 64 };
	const struct ndp_addr *ll, *ga;
	struct ndp_ip6 sn, dst, done;
	struct nt *t = nt_up(test, NULL);
	unsigned int guard;
	u8 sn_mac[6];

	KUNIT_ASSERT_EQ(test, ndp_add_ip(ctx_of(t), t->k.now, &g, 64,
					 NDP_INFINITE, NDP_INFINITE, t->k.out),
			0);
	KUNIT_ASSERT_EQ(test, ndp_add_prefix(ctx_of(t), t->k.now, &pfx,
					     NDP_INFINITE, t->k.out), 0);
	ndp_kt_run_until(&t->k, t->k.now + SEC(4));
	ll = ndp_addr_find(ctx_of(t), &t->ll);
	ga = ndp_addr_find(ctx_of(t), &g);
	KUNIT_ASSERT_TRUE(test, ll && ga);
	KUNIT_ASSERT_EQ(test, ga->state, NDP_ADDR_PREFERRED);

	nt_reset(t);
	ndp_link_change(ctx_of(t), t->k.now, false, t->k.out);
	t->k.now += SEC(1);
	nt_reset(t);
	ndp_link_change(ctx_of(t), t->k.now, true, t->k.out);
	KUNIT_ASSERT_TRUE(test, ll->optimistic && ga->optimistic);
	KUNIT_ASSERT_TRUE(test, ndp_addr_is_ours(ctx_of(t), &t->ll));

	nt_send(t, 0, &t->a);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NS_NO_SOURCE), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_INCOMPLETE);

	/* to the first end of DAD: no NS from an optimistic address */
	for (guard = 0; ll->optimistic && ga->optimistic && guard < 100;
	     guard++) {
		nt_tick(t, max(t->k.now, ndp_next_deadline(ctx_of(t))));
		nt_expect_ns_not_optimistic(t);
	}
	KUNIT_ASSERT_NE_MSG(test, ll->optimistic, ga->optimistic,
			    "both passed DAD in one tick");

	/* a packet from the optimistic one: NS from the other */
	if (ll->optimistic) {
		dst = t->b;
		done = g;
	} else {
		dst = gb;
		done = t->ll;
	}
	ndp_solicited_node(&dst, &sn);
	ndp_mcast_mac(&sn, sn_mac);
	nt_reset(t);
	ndp_send(ctx_of(t), t->k.now, NULL,
		 nt_pkt(t, 1, &dst, ll->optimistic ? &t->ll : &g), 0,
		 t->k.out);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &done, &sn, sn_mac, &dst);
	nt_expect_ns_not_optimistic(t);

	/* and the rest of the run, to the end of both DAD */
	for (guard = 0; (ll->optimistic || ga->optimistic) && guard < 100;
	     guard++) {
		nt_tick(t, max(t->k.now, ndp_next_deadline(ctx_of(t))));
		nt_expect_ns_not_optimistic(t);
	}
	KUNIT_EXPECT_FALSE(test, ll->optimistic || ga->optimistic);
}

/* ndp_resolve(): multicast mapping, resolution, STALE -> DELAY, no route. */
static void nbr_resolve_for_core_frames(struct kunit *test)
{
	static const u8 mc_mac[6] = { 0x33, 0x33, 0x00, 0x00, 0x00, 0x02 };
	struct nt *t = nt_up(test, NULL);
	struct ndp_ip6 far = ndp_kt_ip(test, "2001:db8:9::1");
	u8 mac[NDP_ETH_ALEN];

	nt_reset(t);
	KUNIT_EXPECT_EQ(test, ndp_resolve(ctx_of(t), t->k.now,
					  &ndp_all_routers, mac, t->k.out), 0);
	KUNIT_EXPECT_EQ(test, memcmp(mac, mc_mac, 6), 0);
	KUNIT_EXPECT_EQ(test, ndp_resolve(ctx_of(t), t->k.now, &t->a, mac,
					  t->k.out), -EAGAIN);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	KUNIT_EXPECT_EQ(test, ndp_resolve(ctx_of(t), t->k.now, &t->a, mac,
					  t->k.out), -EAGAIN);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	nt_na_in(t, &t->a, NDP_NA_FLAG_O, mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, ndp_resolve(ctx_of(t), t->k.now, &t->a, mac,
					  t->k.out), 0);
	KUNIT_EXPECT_EQ(test, memcmp(mac, mac_a, 6), 0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	nt_reset(t);
	KUNIT_EXPECT_EQ(test, ndp_resolve(ctx_of(t), t->k.now, &far, mac,
					  t->k.out), -EHOSTUNREACH);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_TX_NO_ROUTE), 1ULL);
}

/* --------------------------------------------------- RFC 6583 bounds */

/* At most incomplete_quota INCOMPLETE entries at once. */
static void nbr_incomplete_quota(struct kunit *test)
{
	struct ndp_config cfg;
	struct nt *t;

	ndp_config_default(&cfg);
	cfg.incomplete_quota = 2;
	t = nt_up(test, &cfg);
	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->b);
	nt_send(t, 2, &t->c);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 2), NDP_DONE_NO_NEIGHBOUR);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_INCOMPLETE_QUOTA), 1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_NONE);
	/* once one resolves there is room again (and a token, 1 s later) */
	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac_a);
	t->k.now += SEC(1);
	nt_send(t, 3, &t->c);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_INCOMPLETE);
}

/* New INCOMPLETE entries: a token bucket of incomplete_rate per second. */
static void nbr_incomplete_rate_limited(struct kunit *test)
{
	struct ndp_config cfg;
	struct ndp_ip6 ip;
	struct nt *t;
	int i;

	ndp_config_default(&cfg);
	cfg.incomplete_quota = 4;	/* also the burst */
	cfg.incomplete_rate = 2;
	t = nt_up(test, &cfg);
	for (i = 0; i < 4; i++) {
		ip = nt_nb(i);
		nt_make_incomplete(t, &ip);
		nt_na_in(t, &ip, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac_a);
	}
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_incomplete, 0U);
	nt_send(t, 0, &t->a);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 0), NDP_DONE_NO_NEIGHBOUR);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_RATE_LIMITED), 1ULL);
	t->k.now += MSEC(499);
	nt_send(t, 1, &t->a);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_RATE_LIMITED), 1ULL);
	t->k.now += MSEC(1);
	nt_send(t, 2, &t->a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_RATE_LIMITED), 0ULL);
	nt_send(t, 3, &t->b);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_RATE_LIMITED), 1ULL);
}

/*
 * A full table makes room for a new INCOMPLETE entry with the oldest
 * INCOMPLETE one (its packets back, dropped), else the oldest STALE one;
 * for a new STALE entry (an NS from a new source) with the oldest STALE
 * one only.  REACHABLE/DELAY/PROBE entries and routers are never taken.
 * With nothing to take, creation fails and the NS is still answered.
 */
static void nbr_eviction_order(struct kunit *test)
{
	struct ndp_ip6 x = nt_nb(100), y = nt_nb(101), z = nt_nb(102);
	struct ndp_ip6 w = nt_nb(103), v = nt_nb(104);
	struct ndp_ip6 r = ndp_kt_ip(test, "fe80::1");
	struct ndp_config cfg;
	struct nt *t;

	ndp_config_default(&cfg);
	cfg.max_nbrs = 5;
	t = nt_up(test, &cfg);
	nt_make_stale(t, &t->a, mac_a);			/* oldest STALE */
	nt_make_stale(t, &t->b, mac_a);
	nt_send(t, 0, &t->c);				/* INCOMPLETE */
	/* a default router (static): its entry is pinned when made */
	KUNIT_ASSERT_EQ(test, ndp_add_routers(ctx_of(t), t->k.now, &r, 1,
					      1800, t->k.out), 0);
	ndp_nbr_learn(ctx_of(t), t->k.now, &r, mac_r, true);
	nt_make_stale(t, &x, mac_a);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_nbrs, 5U);

	/* an NS from a new source: the oldest STALE, never the INCOMPLETE */
	nt_make_stale(t, &y, mac_b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_EVICTED), 1ULL);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_QUEUE_EVICTED), 0ULL);

	/* a new INCOMPLETE entry: the oldest INCOMPLETE, packets back */
	nt_send(t, 1, &z);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 0), NDP_DONE_EVICTED);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_QUEUE_EVICTED), 1ULL);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_EVICTED), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &r), NDP_NUD_STALE);

	/* z resolved: the next INCOMPLETE entry takes the oldest STALE */
	nt_na_in(t, &z, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac_b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &z), NDP_NUD_REACHABLE);
	nt_send(t, 2, &w);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &w), NDP_NUD_INCOMPLETE);

	/* only INCOMPLETE left to take: an NS from a new source is answered
	 * but makes no entry, and w keeps its place
	 */
	nt_make_delay(t, &x, mac_a);
	nt_make_probe(t, &y, mac_b);
	nt_ns_in(t, &v, &t->ll, &t->ll, mac_a);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_TABLE_FULL), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &v), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &w), NDP_NUD_INCOMPLETE);
	nt_expect_na(t, nt_nth(t, NDP_ICMP_NA, 0), &v, mac_a,
		     NDP_NA_FLAG_S | NDP_NA_FLAG_O);

	/* nothing to take at all: creation fails for a send too */
	nt_na_in(t, &w, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac_b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &w), NDP_NUD_REACHABLE);
	t->k.now += SEC(1);
	nt_send(t, 3, &v);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 3), NDP_DONE_NO_NEIGHBOUR);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_TABLE_FULL), 1ULL);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_nbrs, 5U);
}

/*
 * An entry that carried a packet within DELAY_FIRST_PROBE_TIME goes from
 * REACHABLE straight to DELAY when its time ends, never resting in STALE
 * where a flood of NS from new sources would evict it; an idle one goes
 * STALE (RFC 4861 7.3.3).
 */
static void nbr_reachable_in_use_goes_delay(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 rt = MSEC(ctx_of(t)->reachable_ms);
	s64 dfp = MSEC(t->k.cfg.delay_first_probe_ms);
	s64 t0;

	nt_make_reachable(t, &t->a, mac_a);
	nt_make_reachable(t, &t->b, mac_b);
	t0 = t->k.now;
	t->k.now = t0 + rt - dfp / 2;
	nt_send(t, 0, &t->a);
	KUNIT_ASSERT_GE(test, nt_txd(t, 0), 0);
	nt_tick(t, t0 + rt);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->evict_stale_head,
			ndp_nbr_idx(ctx_of(t), ndp_nbr_find(ctx_of(t), &t->b)));
	/* DELAY as usual: PROBE after DELAY_FIRST_PROBE_TIME, a unicast NS */
	nt_tick(t, t0 + rt + dfp);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_PROBE);
	KUNIT_EXPECT_GE(test, nt_nth(t, NDP_ICMP_NS, 0), 0);

	/* used longer ago than DELAY_FIRST_PROBE_TIME: STALE */
	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac_a);
	KUNIT_ASSERT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	t0 = t->k.now;
	nt_send(t, 1, &t->a);
	nt_tick(t, t0 + rt);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
}

/* An RA from @src with Router Lifetime @lifetime_s and SLLA @slla. */
static void nt_ra_in(struct nt *t, const struct ndp_ip6 *src,
		     u16 lifetime_s, const u8 *slla)
{
	u8 m[64];
	u32 len = nf_ra(m, 64, 0, lifetime_s, 0, 0);

	len += nf_opt_lla(m + len, NDP_OPT_SLLA, slla);
	len = ndp_kt_build_icmp(&t->k, src, &ndp_all_nodes, 255, m, len);
	ndp_kt_handle(&t->k, len);
	/* last: a packet of an entry evicted for it may come back first */
	KUNIT_ASSERT_GT(t->test, t->k.out->n_done, 0U);
	KUNIT_EXPECT_EQ(t->test, t->k.out->done[t->k.out->n_done - 1].reason,
			NDP_DONE_CONSUMED);
}

/*
 * A context of 16 entries whose default router fe80::1 (Router Lifetime
 * 9000 s) is in the cache.
 */
static struct nt *nt_up_with_router(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1"), ips[2];
	struct ndp_config cfg;
	struct nt *t;

	ndp_config_default(&cfg);
	cfg.max_nbrs = 16;
	cfg.incomplete_quota = 4;
	t = nt_up(test, &cfg);
	nt_ra_in(t, &rtr, 9000, mac_r);
	KUNIT_ASSERT_EQ(test, ndp_get_routers(ctx_of(t), ips, 2), 1);
	KUNIT_ASSERT_EQ(test, nt_state(t, &rtr), NDP_NUD_STALE);
	return t;
}

/*
 * After a flood that left the table full: an hour later a send to a new
 * neighbour still gets an entry (one evicted for it), and the default
 * router fe80::1 is still there.
 */
static void nt_expect_room_after_flood(struct nt *t, u32 host)
{
	struct ndp_ip6 rtr = ndp_kt_ip(t->test, "fe80::1");
	struct ndp_ip6 dst = nt_nb(host), ips[2];

	KUNIT_EXPECT_EQ(t->test, ctx_of(t)->n_nbrs, 16U);
	nt_tick(t, t->k.now + SEC(3600));
	nt_send(t, 0, &dst);
	KUNIT_EXPECT_EQ(t->test, nt_reason(t, 0), -1);
	KUNIT_EXPECT_EQ(t->test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	KUNIT_EXPECT_EQ(t->test, nt_state(t, &dst), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(t->test, delta(t, NDP_STAT_NBR_EVICTED), 1ULL);
	KUNIT_EXPECT_EQ(t->test, delta(t, NDP_STAT_NBR_TABLE_FULL), 0ULL);
	KUNIT_EXPECT_EQ(t->test, ndp_get_routers(ctx_of(t), ips, 2), 1);
	KUNIT_EXPECT_NE(t->test, nt_state(t, &rtr), NDP_NUD_NONE);
}

/*
 * RFC 6583 7.1 keeps the routers, not every entry with IsRouter: RAs with
 * Router Lifetime 0 (not default routers) and an SLLA from as many
 * link-local sources as the table holds leave their entries evictable;
 * the default router's entry is the one kept.  When that router leaves the
 * list (its own Router Lifetime 0), its entry is evictable too.
 */
static void nbr_ra_lifetime0_flood_evictable(struct kunit *test)
{
	struct nt *t = nt_up_with_router(test);
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1"), src, ips[2];
	struct ndp_nbr_info ni;
	u32 i;

	for (i = 0; i < 16; i++) {
		u8 mac[NDP_ETH_ALEN] = { 0x02, 0xcc, 0, 0, 0, (u8)i };

		src = nt_nb(i);
		nt_ra_in(t, &src, 0, mac);
		KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(ctx_of(t), &src, &ni), 0);
		KUNIT_EXPECT_TRUE(test, ni.is_router);
	}
	KUNIT_EXPECT_EQ(test, ndp_get_routers(ctx_of(t), ips, 2), 1);
	src = nt_nb(0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &src), NDP_NUD_NONE);
	nt_expect_room_after_flood(t, 1000);

	/* the router says it is no default router any more: evictable */
	nt_ra_in(t, &rtr, 0, mac_r);
	KUNIT_EXPECT_EQ(test, ndp_get_routers(ctx_of(t), ips, 2), 0);
	for (i = 16; i < 32; i++) {
		u8 mac[NDP_ETH_ALEN] = { 0x02, 0xcc, 0, 0, 0, (u8)i };

		src = nt_nb(i);
		nt_ra_in(t, &src, 0, mac);
	}
	KUNIT_EXPECT_EQ(test, nt_state(t, &rtr), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_nbrs, 16U);
	KUNIT_EXPECT_EQ(test, ndp_stats(ctx_of(t))[NDP_STAT_NBR_TABLE_FULL],
			0ULL);
}

/*
 * The same with NS (SLLA) then NA with R=1, O=1 from as many hosts: IsRouter
 * set on every entry, none of them pinned.
 */
static void nbr_na_router_flood_evictable(struct kunit *test)
{
	struct nt *t = nt_up_with_router(test);
	struct ndp_nbr_info ni;
	struct ndp_ip6 src;
	u32 i;

	for (i = 0; i < 16; i++) {
		u8 mac[NDP_ETH_ALEN] = { 0x02, 0xdd, 0, 0, 0, (u8)i };

		src = nt_nb(i);
		nt_ns_in(t, &src, &t->ll, &t->ll, mac);
		nt_na_in(t, &src, NDP_NA_FLAG_R | NDP_NA_FLAG_O, mac);
		KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(ctx_of(t), &src, &ni), 0);
		KUNIT_EXPECT_TRUE(test, ni.is_router);
		KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_STALE);
	}
	src = nt_nb(0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &src), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, ndp_stats(ctx_of(t))[NDP_STAT_NBR_TABLE_FULL],
			0ULL);
	nt_expect_room_after_flood(t, 1000);
}

/*
 * 10,000 NS from distinct sources into a table of 256: a REACHABLE router
 * and a recently confirmed neighbour survive and keep working.
 */
static void nbr_flood_keeps_router_and_confirmed(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1"), src, ips[4];
	struct nt *t = nt_up(test, NULL);
	u64 created, evicted, na = 0;
	struct ndp_nbr_info ni;
	u8 m[64];
	u32 i, len;

	len = nf_ra(m, 64, 0, 1800, 0, 0);
	len += nf_opt_lla(m + len, NDP_OPT_SLLA, mac_r);
	len = ndp_kt_build_icmp(&t->k, &rtr, &ndp_all_nodes, 255, m, len);
	ndp_kt_handle(&t->k, len);
	nt_na_in(t, &rtr, NDP_NA_FLAG_R | NDP_NA_FLAG_S | NDP_NA_FLAG_O,
		 mac_r);
	KUNIT_ASSERT_EQ(test, nt_state(t, &rtr), NDP_NUD_REACHABLE);
	nt_make_reachable(t, &t->a, mac_a);
	created = ndp_stats(ctx_of(t))[NDP_STAT_NBR_CREATED];
	evicted = ndp_stats(ctx_of(t))[NDP_STAT_NBR_EVICTED];

	for (i = 0; i < 10000; i++) {
		u8 mac[NDP_ETH_ALEN] = { 0x02, 0xcc, 0, 0, (u8)(i >> 8), (u8)i };

		if (i % 100 == 0) {
			t->k.now += MSEC(10);
			ndp_confirm(ctx_of(t), t->k.now, &t->a);
		}
		src = nt_nb(i);
		nt_ns_in(t, &src, &t->ll, &t->ll, mac);
		na += ndp_kt_count_tx(&t->k, NDP_ICMP_NA);
	}
	KUNIT_EXPECT_EQ(test, na, 10000ULL);
	KUNIT_EXPECT_EQ(test, ndp_stats(ctx_of(t))[NDP_STAT_NBR_CREATED] -
			created, 10000ULL);
	KUNIT_EXPECT_EQ(test, ndp_stats(ctx_of(t))[NDP_STAT_NBR_EVICTED] -
			evicted, 10000ULL - 254);
	KUNIT_EXPECT_EQ(test, ndp_stats(ctx_of(t))[NDP_STAT_NBR_TABLE_FULL],
			0ULL);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_nbrs, 256U);
	/* the newest 254 are there, the older ones went oldest first */
	src = nt_nb(9999 - 253);
	KUNIT_EXPECT_EQ(test, nt_state(t, &src), NDP_NUD_STALE);
	src = nt_nb(9999 - 254);
	KUNIT_EXPECT_EQ(test, nt_state(t, &src), NDP_NUD_NONE);

	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(ctx_of(t), &rtr, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_REACHABLE);
	KUNIT_EXPECT_TRUE(test, ni.is_router);
	KUNIT_EXPECT_EQ(test, ndp_get_routers(ctx_of(t), ips, 4), 1);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	nt_send(t, 0, &t->a);
	nt_expect_txd(t, 0, mac_a);
	nt_send(t, 1, &rtr);
	nt_expect_txd(t, 1, mac_r);
	KUNIT_EXPECT_LE(test, nt_max_chain(ctx_of(t)), 8U);
	nt_check_heap(test, ctx_of(t));
}

/* ------------------------------------------------ hash, heap, scale */

/* The hash is keyed: another seed puts the same addresses elsewhere. */
static void nbr_hash_seed_keys_buckets(struct kunit *test)
{
	struct nt *t1 = nt_up(test, NULL), *t2 = nt_alloc(test);
	struct ndp_ip6 ip;
	u32 i, same = 0;

	ndp_kt_init(test, &t2->k, NULL);
	KUNIT_ASSERT_EQ(test, ctx_of(t2)->n_nbrs, 0U);
	ctx_of(t2)->hash_seed = ctx_of(t1)->hash_seed ^ 0x5bd1e995U;
	for (i = 0; i < 128; i++) {
		ip = nt_nb(i << 20);	/* only high bits differ */
		ndp_nbr_learn(ctx_of(t1), t1->k.now, &ip, mac_a, false);
		ndp_nbr_learn(ctx_of(t2), t2->k.now, &ip, mac_a, false);
	}
	for (i = 0; i < 128; i++) {
		ip = nt_nb(i << 20);
		KUNIT_ASSERT_NE(test, nt_bucket(ctx_of(t1), &ip), NDP_NIL);
		same += nt_bucket(ctx_of(t1), &ip) ==
			nt_bucket(ctx_of(t2), &ip);
		KUNIT_EXPECT_NOT_NULL(test, ndp_nbr_find(ctx_of(t2), &ip));
	}
	/* 256 buckets: about 128 / 256 collide by chance */
	KUNIT_EXPECT_LT(test, same, 16U);
	KUNIT_EXPECT_LE(test, nt_max_chain(ctx_of(t1)), 6U);
	KUNIT_EXPECT_LE(test, nt_max_chain(ctx_of(t2)), 6U);
}

/*
 * The heap: the deadline is the earliest timer through every kind of
 * change; a tick with nothing due changes nothing at all.
 */
static void nbr_heap_deadline_and_idle_tick(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	struct ndp_ctx *ctx = ctx_of(t);
	struct ndp_nbr *copy;
	struct ndp_ip6 ip;
	u64 *stats;
	s64 d;
	u32 i, gen;

	for (i = 0; i < 40; i++) {
		ip = nt_nb(i);
		t->k.now += MSEC(37);
		switch (i % 4) {
		case 0:
			nt_make_incomplete(t, &ip);
			break;
		case 1:
			nt_make_reachable(t, &ip, mac_a);
			break;
		case 2:
			nt_make_delay(t, &ip, mac_a);
			break;
		case 3:
			nt_make_stale(t, &ip, mac_a);
			break;
		}
		nt_check_heap(test, ctx);
	}
	for (i = 0; i < 40; i += 3) {
		ip = nt_nb(i);
		ndp_confirm(ctx, t->k.now, &ip);
		nt_check_heap(test, ctx);
	}
	/* run some timers: heap stays consistent as entries move and go */
	for (i = 0; i < 12; i++) {
		nt_tick(t, max(ndp_nbr_deadline(ctx), t->k.now));
		nt_check_heap(test, ctx);
	}

	/*
	 * Entries leave the heap from anywhere (INCOMPLETE, REACHABLE, DELAY
	 * -> STALE): the last one takes their place and sifts either way.
	 */
	for (i = 0; i < 40; i++) {
		ip = nt_nb(i);
		if (!ndp_nbr_find(ctx, &ip) || i % 4 == 3)
			continue;
		nt_na_in(t, &ip, NDP_NA_FLAG_O, mac_b);
		KUNIT_EXPECT_EQ(test, nt_state(t, &ip), NDP_NUD_STALE);
		nt_check_heap(test, ctx);
	}
	d = ndp_next_deadline(ctx);
	KUNIT_ASSERT_GT(test, d, t->k.now);
	copy = kunit_kzalloc(test, sizeof(*copy) * ctx->cfg.max_nbrs,
			     GFP_KERNEL);
	stats = kunit_kzalloc(test, sizeof(u64) * NDP_STAT_MAX, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	KUNIT_ASSERT_NOT_NULL(test, stats);
	memcpy(copy, ctx->nbrs, sizeof(*copy) * ctx->cfg.max_nbrs);
	memcpy(stats, ndp_stats(ctx), sizeof(u64) * NDP_STAT_MAX);
	gen = ndp_generation(ctx);
	nt_tick(t, d - 1);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, 0U);
	KUNIT_EXPECT_EQ(test, t->k.out->n_notes, 0U);
	KUNIT_EXPECT_EQ(test, ndp_generation(ctx), gen);
	KUNIT_EXPECT_EQ(test, memcmp(copy, ctx->nbrs,
				     sizeof(*copy) * ctx->cfg.max_nbrs), 0);
	KUNIT_EXPECT_EQ(test, memcmp(stats, ndp_stats(ctx),
				     sizeof(u64) * NDP_STAT_MAX), 0);
}

/*
 * A tick's work is bounded by the output: 60 NS due at once leave over
 * two ticks, the deadline staying due in between.
 */
static void nbr_tick_bounded_by_output(struct kunit *test)
{
	struct ndp_config cfg;
	struct ndp_ip6 ip;
	struct nt *t;
	u32 i, first;
	s64 due;

	ndp_config_default(&cfg);
	cfg.incomplete_quota = 64;
	t = nt_up(test, &cfg);
	for (i = 0; i < 60; i++) {
		ip = nt_nb(i);
		nt_make_incomplete(t, &ip);
	}
	due = t->k.now + MSEC(ctx_of(t)->retrans_ms);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(ctx_of(t)), due);
	nt_tick(t, due);
	first = ndp_kt_count_tx(&t->k, NDP_ICMP_NS);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, (u32)NDP_OUT_TX);
	KUNIT_EXPECT_LT(test, first, 60U);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(ctx_of(t)), due);
	nt_tick(t, due);
	KUNIT_EXPECT_EQ(test, first + ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 60U);
	KUNIT_EXPECT_GT(test, ndp_nbr_deadline(ctx_of(t)), due);
	KUNIT_EXPECT_EQ(test, ndp_stats(ctx_of(t))[NDP_STAT_TX_OUT_FULL], 0ULL);
	nt_check_heap(test, ctx_of(t));
}

/*
 * A tick handles at most 1024 entries, even with no output at all: 1500
 * REACHABLE entries expiring together go STALE over two ticks.
 */
static void nbr_tick_bounded_work(struct kunit *test)
{
	struct ndp_config cfg;
	struct ndp_ip6 ip;
	struct nt *t;
	u32 i, stale;
	s64 due;

	ndp_config_default(&cfg);
	cfg.max_nbrs = 2048;
	t = nt_up(test, &cfg);
	for (i = 0; i < 1500; i++) {
		ip = nt_nb(i);
		ndp_nbr_learn(ctx_of(t), t->k.now, &ip, mac_a, false);
		ndp_confirm(ctx_of(t), t->k.now, &ip);
	}
	due = t->k.now + MSEC(ctx_of(t)->reachable_ms);
	KUNIT_ASSERT_EQ(test, ndp_nbr_deadline(ctx_of(t)), due);
	nt_tick(t, due);
	for (i = 0, stale = 0; i < 1500; i++) {
		ip = nt_nb(i);
		stale += nt_state(t, &ip) == NDP_NUD_STALE;
	}
	KUNIT_EXPECT_EQ(test, stale, 1024U);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(ctx_of(t)), due);
	nt_tick(t, due);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(ctx_of(t)), NDP_TIME_NEVER);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->heap_len, 0U);
}

/* The entry of a known router is marked as such when it is created. */
static void nbr_router_entry_marked(struct kunit *test)
{
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 far = ndp_kt_ip(test, "2001:db8:9::1");
	struct nt *t = nt_up(test, NULL);
	struct ndp_nbr_info ni;

	nt_reset(t);
	KUNIT_ASSERT_EQ(test, ndp_add_routers(ctx_of(t), t->k.now, &rtr, 1,
					      1800, t->k.out), 0);
	nt_send(t, 0, &far);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(ctx_of(t), &rtr, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_TRUE(test, ni.is_router);
	KUNIT_EXPECT_EQ(test, ni.queued, 1);
	/* routers are on no eviction list */
	KUNIT_EXPECT_EQ(test, ctx_of(t)->evict_inc_head, NDP_NIL);
	nt_na_in(t, &rtr, NDP_NA_FLAG_R | NDP_NA_FLAG_S | NDP_NA_FLAG_O,
		 mac_r);
	nt_expect_txd(t, 0, mac_r);
}

/* ndp_nbr_next() walks every entry once; lookups agree. */
static void nbr_next_walks_table(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	struct ndp_nbr_info ni, nl;
	u32 pos = 0, n = 0;

	nt_make_incomplete(t, &t->a);
	nt_make_stale(t, &t->b, mac_b);
	nt_make_reachable(t, &t->c, mac_a);
	nt_send(t, 0, &t->a);
	while (ndp_nbr_next(ctx_of(t), &pos, &ni)) {
		n++;
		KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(ctx_of(t), &ni.addr, &nl),
				0);
		KUNIT_EXPECT_EQ(test, memcmp(&ni, &nl, sizeof(ni)), 0);
		if (ndp_ip6_eq(&ni.addr, &t->a))
			KUNIT_EXPECT_EQ(test, ni.queued, 1);
	}
	KUNIT_EXPECT_EQ(test, n, 3U);
	KUNIT_EXPECT_FALSE(test, ndp_nbr_next(ctx_of(t), &pos, &ni));
}

/*
 * 100,000 entries: every one found, a send goes straight out, a full table
 * still takes new entries by evicting the oldest STALE one.
 */
static void nbr_lookup_at_100000(struct kunit *test)
{
	struct ndp_config cfg;
	struct ndp_nbr_info ni;
	struct ndp_ip6 ip;
	u64 t0, ns_per_lookup;
	struct nt *t;
	u32 i, found = 0;

	ndp_config_default(&cfg);
	cfg.max_nbrs = NT_BIG_NBRS;
	t = nt_alloc(test);
	ndp_kt_init_mem(test, &t->k, &cfg, nt_big_mem, sizeof(nt_big_mem));
	ndp_kt_run_until(&t->k, t->k.now + SEC(3));
	for (i = 0; i < NT_BIG_NBRS; i++) {
		ip = nt_nb(i);
		ndp_nbr_learn(ctx_of(t), t->k.now, &ip, mac_a, false);
	}
	KUNIT_ASSERT_EQ(test, ctx_of(t)->n_nbrs, (u32)NT_BIG_NBRS);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->hash_mask + 1, 131072U);
	t0 = ktime_get_ns();
	for (i = 0; i < NT_BIG_NBRS; i++) {
		ip = nt_nb(i);
		found += !ndp_nbr_lookup(ctx_of(t), &ip, &ni);
	}
	ns_per_lookup = (ktime_get_ns() - t0) / NT_BIG_NBRS;
	KUNIT_EXPECT_EQ(test, found, (u32)NT_BIG_NBRS);
	kunit_info(test,
		   "100000 entries: %llu ns per lookup, longest chain %u\n",
		   ns_per_lookup, nt_max_chain(ctx_of(t)));
	KUNIT_EXPECT_LE(test, nt_max_chain(ctx_of(t)), 12U);
	ip = nt_nb(NT_BIG_NBRS);
	KUNIT_EXPECT_NE(test, ndp_nbr_lookup(ctx_of(t), &ip, &ni), 0);

	ip = nt_nb(77777);
	nt_send(t, 0, &ip);
	nt_expect_txd(t, 0, mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &ip), NDP_NUD_DELAY);

	ip = nt_nb(NT_BIG_NBRS);
	nt_reset(t);
	ndp_nbr_learn(ctx_of(t), t->k.now, &ip, mac_b, false);
	KUNIT_EXPECT_EQ(test, nt_state(t, &ip), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_EVICTED), 1ULL);
	ip = nt_nb(0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &ip), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, ctx_of(t)->n_nbrs, (u32)NT_BIG_NBRS);
}

/*
 * An output with @free_done handle entries and no frame room left: what a
 * caller gets that did not reset it, or a tick after a burst.
 */
static void nt_squeeze(struct nt *t, u32 free_done)
{
	nt_reset(t);
	t->k.out->n_tx = NDP_OUT_TX;
	t->k.out->n_done = NDP_OUT_DONE - free_done;
}

/* The NS of neighbour c for our link-local address into a squeezed @out. */
static int nt_ns_in_squeezed(struct nt *t, u32 free_done)
{
	struct ndp_pkt pkt = { .handle = t, .headroom = NDP_ETH_HLEN };
	u8 m[64];
	u32 len = nf_ns(m, &t->ll);

	len += nf_opt_lla(m + len, NDP_OPT_SLLA, mac_b);
	pkt.len = ndp_kt_build_icmp(&t->k, &t->c, &t->ll, 255, m, len);
	pkt.tot_len = pkt.len;
	pkt.data = ndp_kt_pkt(&t->k);
	nt_squeeze(t, free_done);
	return ndp_handle(ctx_of(t), t->k.now, &pkt, t->k.out);
}

/*
 * A received NS that evicts a STALE entry holding a packet, with one handle
 * entry free: the NS itself comes back in it, and the evicted packet
 * waits in the core and comes back at the next tick (it used to take the
 * last entry and the NS was written one past done[]).  With no entry
 * free at all, ndp_handle() refuses the packet and changes nothing.
 */
static void nbr_evicted_packet_given_back_when_output_full(struct kunit *test)
{
	struct ndp_config cfg;
	struct ndp_fill f;
	struct nt *t;

	ndp_config_default(&cfg);
	cfg.max_nbrs = 2;
	t = nt_up(test, &cfg);
	nt_send(t, 0, &t->a);		/* INCOMPLETE, packet 0 queued */
	nt_send(t, 1, &t->b);		/* INCOMPLETE, packet 1 queued */
	/* a learns its MAC with no output: STALE, packet 0 waits for a tick */
	ndp_nbr_learn(ctx_of(t), t->k.now, &t->a, mac_a, false);
	KUNIT_ASSERT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	KUNIT_ASSERT_EQ(test, ctx_of(t)->n_nbrs, 2U);

	KUNIT_EXPECT_EQ(test, nt_ns_in_squeezed(t, 0), -ENOBUFS);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, (u32)NDP_OUT_DONE);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_OUT_NO_ROOM), 1ULL);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_RX_PACKETS), 0ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);

	KUNIT_EXPECT_EQ(test, nt_ns_in_squeezed(t, 1), 0);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, (u32)NDP_OUT_DONE);
	KUNIT_EXPECT_PTR_EQ(test, t->k.out->done[NDP_OUT_DONE - 1].handle,
			    (void *)t);
	KUNIT_EXPECT_EQ(test, t->k.out->done[NDP_OUT_DONE - 1].reason,
			NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_NBR_EVICTED), 1ULL);
	KUNIT_EXPECT_EQ(test, delta(t, NDP_STAT_OUT_GIVE_BACK_LATER), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_STALE);
	ndp_get_fill(ctx_of(t), &f);
	KUNIT_EXPECT_EQ(test, f.queued, 2U);
	KUNIT_EXPECT_EQ(test, f.giving_back, 1U);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(ctx_of(t)), t->k.now);

	nt_tick(t, t->k.now);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 0), NDP_DONE_EVICTED);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 1), -1);
	ndp_get_fill(ctx_of(t), &f);
	KUNIT_EXPECT_EQ(test, f.queued, 1U);
	KUNIT_EXPECT_EQ(test, f.giving_back, 0U);
}

static struct kunit_case nbr_cases[] = {
	KUNIT_CASE(nbr_send_unknown_sends_multicast_ns),
	KUNIT_CASE(nbr_incomplete_retransmits_then_fails),
	KUNIT_CASE(nbr_na_releases_queue_in_order),
	KUNIT_CASE(nbr_queue_overflow_drops_oldest),
	KUNIT_CASE(nbr_queue_total_overflow),
	KUNIT_CASE(nbr_queue_len_zero),
	KUNIT_CASE(nbr_release_bounded_by_output),
	KUNIT_CASE(nbr_flush_gives_back_queued),
	KUNIT_CASE_PARAM(nbr_done_reason_every_path, nt_done_gen_params),
	KUNIT_CASE(nbr_core_reply_waits_for_resolution),
	KUNIT_CASE(nbr_reachable_expires_to_stale),
	KUNIT_CASE(nbr_reachable_in_use_goes_delay),
	KUNIT_CASE(nbr_stale_delay_probe_fail),
	KUNIT_CASE(nbr_delay_confirmed_goes_reachable),
	KUNIT_CASE(nbr_probe_answered_goes_reachable),
	KUNIT_CASE(nbr_confirm_keeps_reachable),
	KUNIT_CASE_PARAM(nbr_na_table, na_table_gen_params),
	KUNIT_CASE(nbr_na_r0_removes_router),
	KUNIT_CASE(nbr_na_without_entry_ignored),
	KUNIT_CASE(nbr_ns_not_ours_creates_nothing),
	KUNIT_CASE(nbr_ns_creates_stale_and_answers),
	KUNIT_CASE(nbr_unicast_ns_answered),
	KUNIT_CASE(nbr_ns_from_unspecified_to_all_nodes),
	KUNIT_CASE(nbr_ns_resolves_incomplete),
	KUNIT_CASE(nbr_learn_releases_at_tick),
	KUNIT_CASE(nbr_ns_source_rules),
	KUNIT_CASE(nbr_ns_never_from_optimistic),
	KUNIT_CASE(nbr_resolve_for_core_frames),
	KUNIT_CASE(nbr_incomplete_quota),
	KUNIT_CASE(nbr_incomplete_rate_limited),
	KUNIT_CASE(nbr_eviction_order),
	KUNIT_CASE(nbr_evicted_packet_given_back_when_output_full),
	KUNIT_CASE(nbr_ra_lifetime0_flood_evictable),
	KUNIT_CASE(nbr_na_router_flood_evictable),
	KUNIT_CASE(nbr_flood_keeps_router_and_confirmed),
	KUNIT_CASE(nbr_hash_seed_keys_buckets),
	KUNIT_CASE(nbr_heap_deadline_and_idle_tick),
	KUNIT_CASE(nbr_tick_bounded_by_output),
	KUNIT_CASE(nbr_tick_bounded_work),
	KUNIT_CASE(nbr_router_entry_marked),
	KUNIT_CASE(nbr_next_walks_table),
	KUNIT_CASE(nbr_lookup_at_100000),
	{}
};

static struct kunit_suite nbr_suite = {
	.name = "ndpv6_nbr",
	.test_cases = nbr_cases,
};

kunit_test_suites(&nbr_suite);
