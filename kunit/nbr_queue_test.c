// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_nbr_queue: packets waiting for address resolution
 * (RFC 4861 7.2.2): the queue of a neighbour and of all of them, its
 * release in order, and the reason every handle comes back with, core
 * replies included.  The fixture is in ndp_kunit_nbr.h.
 */
#include "ndp_kunit_nbr.h"

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
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_CREATED), 1ULL);
	ndp_get_fill(nt_ctx(t), &f);
	KUNIT_EXPECT_EQ(test, f.queued, 1U);
	KUNIT_EXPECT_EQ(test, f.incomplete, 1U);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)),
			t->k.now + MSEC(nt_ctx(t)->retrans_ms));
	ndp_kt_expect_only(&t->k, NDP_STAT_NBR_CREATED);
}

/*
 * INCOMPLETE: an NS every RetransTimer, three in all, then failure: the
 * queued packets come back dropped, counted, with a note.
 */
static void nbr_incomplete_retransmits_then_fails(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t0 = t->k.now, rt = MSEC(nt_ctx(t)->retrans_ms);
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
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_QUEUE_RESOLUTION_FAILED),
			2ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_FAILED), 1ULL);
	KUNIT_EXPECT_TRUE(test, nt_note(t, NDP_NOTE_NBR_UNREACHABLE, &t->a));
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_queued, 0U);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_incomplete, 0U);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), NDP_TIME_NEVER);
}

/* A solicited NA resolves: the queue leaves in order, to the TLLA. */
static void nbr_na_releases_queue_in_order(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	int ids[NT_PKTS], i;

	for (i = 0; i < 3; i++)
		nt_send(t, i, &t->a);
	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, nt_mac_a);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 3U);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, ids[i], i);
		nt_expect_txd(t, i, nt_mac_a);
	}
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_TX_PACKETS), 3ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_queued, 0U);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)),
			t->k.now + MSEC(nt_ctx(t)->reachable_ms));
	ndp_kt_expect_only(&t->k, NDP_STAT_MAX);

	/* now known: the next packet leaves at once */
	nt_send(t, 5, &t->a);
	nt_expect_txd(t, 5, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_TX_PACKETS), 1ULL);
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
		KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_QUEUE_OVERFLOW),
				1ULL);
	}
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_queued, 3U);
	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, nt_mac_a);
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
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_queued, 4U);
	nt_send(t, 4, &t->b);		/* b drops its own oldest */
	KUNIT_EXPECT_EQ(test, nt_reason(t, 3), NDP_DONE_QUEUE_FULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_QUEUE_TOTAL_OVERFLOW), 1ULL);
	nt_send(t, 5, &t->c);		/* c has none: the new one goes */
	KUNIT_EXPECT_EQ(test, nt_reason(t, 5), NDP_DONE_QUEUE_FULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_QUEUE_TOTAL_OVERFLOW), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_queued, 4U);
	nt_na_in(t, &t->b, NDP_NA_FLAG_S | NDP_NA_FLAG_O, nt_mac_b);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 1U);
	KUNIT_EXPECT_EQ(test, ids[0], 4);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_queued, 3U);
}

/* The NA for @target (S=1 O=1, TLLA @mac) with room for @room frames. */
static void nt_na_squeezed(struct nt *t, const struct ndp_ip6 *target,
			   const u8 *mac, u32 room)
{
	struct ndp_pkt pkt = { .handle = t, .headroom = NDP_ETH_HLEN };
	u32 len = ndp_kt_na(&t->k, target, &t->ll, target,
			    NDP_NA_FLAG_S | NDP_NA_FLAG_O, mac);

	pkt.data = ndp_kt_pkt(&t->k);
	pkt.len = len;
	pkt.tot_len = len;
	nt_reset(t);
	memset(t->k.out->tx, 0, sizeof(t->k.out->tx));
	t->k.out->n_tx = NDP_OUT_TX - room;
	ndp_handle(nt_ctx(t), t->k.now, &pkt, t->k.out);
}

/*
 * A resolved queue leaves as far as the output has room; the rest leaves
 * first thing later (a send, or the tick that is due at once), in order.
 */
static void nbr_release_bounded_by_output(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 reach = MSEC(nt_ctx(t)->reachable_ms);
	int ids[NT_PKTS];

	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->a);
	nt_send(t, 2, &t->a);
	nt_na_squeezed(t, &t->a, nt_mac_a, 1);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 1U);
	KUNIT_EXPECT_EQ(test, ids[0], 0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	KUNIT_EXPECT_LE(test, ndp_nbr_deadline(nt_ctx(t)), t->k.now);
	/* a send now: what waited goes first */
	nt_send(t, 3, &t->a);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 3U);
	KUNIT_EXPECT_EQ(test, ids[0], 1);
	KUNIT_EXPECT_EQ(test, ids[1], 2);
	KUNIT_EXPECT_EQ(test, ids[2], 3);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), t->k.now + reach);

	/* the same with the tick doing it */
	nt_send(t, 4, &t->b);
	nt_send(t, 5, &t->b);
	t->k.now += MSEC(10);
	nt_na_squeezed(t, &t->b, nt_mac_b, 0);
	KUNIT_EXPECT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_REACHABLE);
	KUNIT_EXPECT_LE(test, ndp_nbr_deadline(nt_ctx(t)), t->k.now);
	nt_tick(t, t->k.now);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 2U);
	KUNIT_EXPECT_EQ(test, ids[0], 4);
	KUNIT_EXPECT_EQ(test, ids[1], 5);
	nt_expect_txd(t, 5, nt_mac_b);
	KUNIT_EXPECT_EQ(test, ndp_nbr_find(nt_ctx(t), &t->b)->timer,
			t->k.now + reach);
	nt_check_heap(test, nt_ctx(t));
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
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_QUEUE_OVERFLOW), 1ULL);
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
	ndp_flush(nt_ctx(t), t->k.out);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, 3U);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 0), NDP_DONE_FLUSHED);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 1), NDP_DONE_FLUSHED);
	KUNIT_EXPECT_EQ(test, nt_reason(t, 2), NDP_DONE_FLUSHED);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_QUEUE_FLUSHED), 3ULL);
	ndp_get_fill(nt_ctx(t), &f);
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

	nt_ns_in(t, &t->a, &t->ll, &t->ll, nt_mac_a);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NA), 1U);
	return NT_RX;
}

static void *dc_rx_nd_invalid(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);
	u32 len = ndp_kt_ns(&t->k, &t->a, &t->ll, &t->ll, nt_mac_a);

	ndp_kt_pkt(&t->k)[7] = 254;	/* hop limit: not from on-link */
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
	ndp_kt_send(&t->k, p);
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

	nt_make_reachable(t, &t->a, nt_mac_a);
	nt_make_reachable(t, &t->b, nt_mac_b);
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
	s64 t0 = t->k.now, rt = MSEC(nt_ctx(t)->retrans_ms);

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
	nt_make_stale(t, &t->b, nt_mac_b);
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
	ndp_flush(nt_ctx(t), t->k.out);
	return &t->pkt[0];
}

static void *dc_no_room_unicast(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);
	struct ndp_pkt *p;

	nt_make_reachable(t, &t->a, nt_mac_a);
	p = nt_pkt(t, 0, &t->a, NULL);
	nt_reset(t);
	t->k.out->n_tx = NDP_OUT_TX;
	ndp_send(nt_ctx(t), t->k.now, NULL, p, 0, t->k.out);
	return p->handle;
}

static void *dc_no_room_mcast(struct kunit *test, struct nt **tp)
{
	struct nt *t = dc_up(test, tp, NULL);
	struct ndp_pkt *p = nt_pkt(t, 0, &ndp_all_nodes, NULL);

	nt_reset(t);
	t->k.out->n_tx = NDP_OUT_TX;
	ndp_send(nt_ctx(t), t->k.now, NULL, p, 0, t->k.out);
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
	KUNIT_EXPECT_EQ(test, nt_delta(t, c->stat), 1ULL);
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
	KUNIT_ASSERT_EQ(t->test, ndp_kt_send(&t->k, &p), 0);
	KUNIT_EXPECT_EQ(t->test, t->k.out->n_tx, 0U);
	KUNIT_EXPECT_EQ(t->test, t->k.out->n_done, 0U);
}

/* The counters a reply to a neighbour not resolved yet may move. */
static const enum ndp_stat nt_unresolved_ok[] = {
	NDP_STAT_TX_CORE_UNRESOLVED, NDP_STAT_NBR_CREATED,
	NDP_STAT_EXT_OPT_PARAMPROB
};

/* An Echo Request from neighbour a (fe80::2) to us, sequence @seq. */
static void nt_echo_in(struct nt *t, u8 seq)
{
	u8 m[16] = { NDP_ICMP_ECHO_REQUEST };

	m[7] = seq;
	ndp_kt_handle(&t->k, ndp_kt_build_icmp(&t->k, &t->a, &t->ll, 64, m,
					       sizeof(m)));
}

/*
 * Two Echo Requests from fe80::2, nothing known of it: the replies come out
 * marked, the first with an NS, and given back (the first into @buf) wait;
 * the NA sends the queued one to fe80::2's MAC.
 */
static void nt_echo_replies_wait(struct nt *t, u8 *buf)
{
	static const u8 sn_a[6] = { 0x33, 0x33, 0xff, 0x00, 0x00, 0x02 };
	struct ndp_ip6 sn = ndp_kt_ip(t->test, "ff02::1:ff00:2");
	struct kunit *test = t->test;
	const struct ndp_tx *tx;
	struct ndp_fill f;
	int k;

	nt_echo_in(t, 1);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_TX_CORE_UNRESOLVED), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_RX_ECHO), 1ULL);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 2U);
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &t->ll, &sn, sn_a, &t->a);
	k = ndp_kt_find_tx(&t->k, NDP_ICMP_ECHO_REPLY);
	nt_expect_pending(t, k, NDP_ICMP_ECHO_REPLY);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, 1U);
	KUNIT_EXPECT_EQ(test, t->k.out->done[0].reason, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_CREATED), 1ULL);
	ndp_kt_expect_only_n(&t->k, nt_unresolved_ok, 2);
	nt_send_reply(t, k, buf, NDP_KT_HEADROOM + 256);
	ndp_get_fill(nt_ctx(t), &f);
	KUNIT_EXPECT_EQ(test, f.queued, 1U);

	/* again while INCOMPLETE: marked too, no second NS */
	nt_echo_in(t, 2);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_TX_CORE_UNRESOLVED), 1ULL);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 1U);
	nt_expect_pending(t, 0, NDP_ICMP_ECHO_REPLY);
	ndp_kt_expect_only(&t->k, NDP_STAT_TX_CORE_UNRESOLVED);

	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, nt_mac_a);
	if (t->k.out->n_tx == 0)
		nt_tick(t, t->k.now);
	KUNIT_ASSERT_EQ(test, t->k.out->n_tx, 1U);
	tx = &t->k.out->tx[0];
	KUNIT_EXPECT_PTR_EQ(test, tx->handle, (void *)buf);
	KUNIT_EXPECT_EQ(test, memcmp(tx->frame, nt_mac_a, 6), 0);
	KUNIT_EXPECT_EQ(test, tx->frame[NDP_ETH_HLEN + NDP_IP6_HLEN],
			NDP_ICMP_ECHO_REPLY);
	KUNIT_EXPECT_EQ(test, tx->frame[NDP_ETH_HLEN + NDP_IP6_HLEN + 7], 1);
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
	static const u8 sn_b[6] = { 0x33, 0x33, 0xff, 0x00, 0x00, 0x03 };
	struct nt *t = nt_up(test, NULL);
	u8 *buf = kunit_kzalloc(test, NDP_KT_HEADROOM + 256, GFP_KERNEL);
	int k;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	nt_echo_replies_wait(t, buf);

	/* known now: the next one is answered directly, nothing counted */
	nt_echo_in(t, 2);
	k = ndp_kt_find_tx(&t->k, NDP_ICMP_ECHO_REPLY);
	KUNIT_ASSERT_GE(test, k, 0);
	KUNIT_EXPECT_EQ(test, t->k.out->tx[k].flags, 0U);
	KUNIT_EXPECT_EQ(test, memcmp(t->k.out->tx[k].frame, nt_mac_a, 6), 0);
	ndp_kt_expect_only(&t->k, NDP_STAT_MAX);

	/* a unicast NS without SLLA from fe80::3: NS, then the NA marked */
	nt_ns_in(t, &t->b, &t->ll, &t->ll, NULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_TX_CORE_UNRESOLVED), 1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	KUNIT_EXPECT_EQ(test, memcmp(t->k.out->tx[0].frame, sn_b, 6), 0);
	nt_expect_pending(t, ndp_kt_find_tx(&t->k, NDP_ICMP_NA), NDP_ICMP_NA);
	KUNIT_EXPECT_EQ(test, t->k.out->done[0].reason, NDP_DONE_CONSUMED);
	ndp_kt_expect_only_n(&t->k, nt_unresolved_ok, 2);

	/* a Parameter Problem for fe80::4: marked too */
	ndp_kt_handle(&t->k, ndp_kt_bad_dstopts(&t->k, &t->c, &t->ll));
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_EXT_OPT_PARAMPROB), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_TX_CORE_UNRESOLVED), 1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	nt_expect_pending(t, ndp_kt_find_tx(&t->k, NDP_ICMP_PARAM_PROB),
			  NDP_ICMP_PARAM_PROB);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, t->k.out->done[0].reason, NDP_DONE_RX_DROPPED);
	ndp_kt_expect_only_n(&t->k, nt_unresolved_ok,
			     ARRAY_SIZE(nt_unresolved_ok));
}

static struct kunit_case nbr_queue_cases[] = {
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
	{}
};

static struct kunit_suite nbr_queue_suite = {
	.name = "ndpv6_nbr_queue",
	.test_cases = nbr_queue_cases,
};

kunit_test_suites(&nbr_queue_suite);
