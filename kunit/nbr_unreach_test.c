// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_nbr_unreach: the UNREACHABLE state of RFC 7048.  NUD
 * that fails keeps the entry and its MAC; packets still leave to the
 * cached MAC, and only while they go on multicast NS follow with
 * exponential back-off (BACKOFF_MULTIPLE 3, MAX_RETRANS_TIMER 60 s, a
 * random factor in [0.5, 1.5)); any word from the neighbour brings it
 * back; the entry is the first evicted and goes after 10 minutes with no
 * packet.  The fixture is in ndp_kunit_nbr.h.
 */
#include "ndp_kunit_nbr.h"

#define NU_CAP		SEC(60)		/* MAX_RETRANS_TIMER */
#define NU_IDLE		SEC(600)	/* UNREACH_IDLE_MS */

/* Solicited-node group of @ip and its Ethernet address. */
static void nu_sn(const struct ndp_ip6 *ip, struct ndp_ip6 *sn, u8 *mac)
{
	ndp_solicited_node(ip, sn);
	ndp_kt_mcast_mac(sn, mac);
}

/* Output frame @k is our multicast NS for @ip (RFC 7048 3). */
static void nu_expect_mcast_ns(struct nt *t, int k, const struct ndp_ip6 *ip)
{
	struct ndp_ip6 sn;
	u8 mac[NDP_ETH_ALEN];

	nu_sn(ip, &sn, mac);
	nt_expect_ns(t, k, &t->ll, &sn, mac, ip);
}

/*
 * PROBE's three unicast NS RetransTimer apart go unanswered: at the next
 * timeout @ip is UNREACHABLE, waiting for a packet.  Returns the time.
 */
static s64 nu_make_unreachable(struct nt *t, const struct ndp_ip6 *ip,
			       const u8 *mac)
{
	s64 rt = MSEC(nt_ctx(t)->retrans_ms), t1;
	int i;

	nt_make_probe(t, ip, mac);
	t1 = t->k.now;
	for (i = 1; i < 3; i++) {
		nt_tick(t, t1 + i * rt);
		KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_PROBE);
	}
	nt_tick(t, t1 + 3 * rt);
	KUNIT_ASSERT_EQ(t->test, nt_state(t, ip), NDP_NUD_UNREACHABLE);
	return t->k.now;
}

/*
 * A packet to UNREACHABLE @ip at @when: it leaves to the cached MAC and,
 * if the entry was waiting, a multicast NS with it (@ns).
 */
static void nu_send(struct nt *t, s64 when, const struct ndp_ip6 *ip,
		    const u8 *mac, bool ns)
{
	t->k.now = when;
	nt_send(t, 0, ip);
	nt_expect_txd(t, 0, mac);
	KUNIT_EXPECT_EQ(t->test, nt_delta(t, NDP_STAT_TX_UNREACHABLE), 1ULL);
	KUNIT_ASSERT_EQ(t->test, t->k.out->n_tx, ns ? 2U : 1U);
	KUNIT_EXPECT_EQ(t->test, nt_delta(t, NDP_STAT_NBR_BACKOFF_NS),
			ns ? 1ULL : 0ULL);
	if (ns)
		nu_expect_mcast_ns(t, nt_nth(t, NDP_ICMP_NS, 0), ip);
}

/* The MAC of @ip's entry is @mac. */
static void nu_expect_mac(struct nt *t, const struct ndp_ip6 *ip,
			  const u8 *mac)
{
	struct ndp_nbr_info ni;

	KUNIT_ASSERT_EQ(t->test, ndp_nbr_lookup(nt_ctx(t), ip, &ni), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ni.mac, mac, NDP_ETH_ALEN), 0);
}

/*
 * PROBE -> UNREACHABLE: the entry stays with its MAC, sends nothing (no
 * packet yet), the failure noted and counted as before (NBR_FAILED) and as
 * UNREACHABLE_ENTERED; its timer is the idle deadline; router selection
 * skips it.
 */
static void unreach_probe_keeps_entry_and_mac(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 rt = MSEC(nt_ctx(t)->retrans_ms), t1;
	struct ndp_nbr *n;
	int i;

	nt_make_probe(t, &t->a, nt_mac_a);
	t1 = t->k.now;
	for (i = 1; i < 3; i++)
		nt_tick(t, t1 + i * rt);
	nt_tick(t, t1 + 3 * rt - 1);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_PROBE);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 0U);

	nt_tick(t, t1 + 3 * rt);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_UNREACHABLE);
	nu_expect_mac(t, &t->a, nt_mac_a);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 0U);
	KUNIT_EXPECT_TRUE(test, nt_note(t, NDP_NOTE_NBR_UNREACHABLE, &t->a));
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_FAILED), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_UNREACHABLE_ENTERED),
			1ULL);
	ndp_kt_expect_only(&t->k, NDP_STAT_NBR_FAILED,
			   NDP_STAT_NBR_UNREACHABLE_ENTERED);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), t->k.now + NU_IDLE);
	KUNIT_EXPECT_TRUE(test, ndp_nbr_probably_unreachable(nt_ctx(t),
							     &t->a));
	n = ndp_nbr_find(nt_ctx(t), &t->a);
	KUNIT_EXPECT_FALSE(test, n->proven);
	nt_check_heap(test, nt_ctx(t));
}

/*
 * Nothing sent to it: no NS at all, and NU_IDLE after NUD failed the
 * entry goes (UNREACHABLE_GC), without a note.
 */
static void unreach_idle_no_ns_then_gc(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 at;

	at = nu_make_unreachable(t, &t->a, nt_mac_a);
	/* other timers of the host (MLD, RS) may send other frames */
	ndp_kt_run_until(&t->k, at + NU_IDLE - 1);
	KUNIT_EXPECT_EQ(test, t->k.seen[NDP_ICMP_NS], 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_UNREACHABLE);
	nt_tick(t, at + NU_IDLE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_FALSE(test, nt_note(t, NDP_NOTE_NBR_UNREACHABLE, &t->a));
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_UNREACHABLE_GC), 1ULL);
	ndp_kt_expect_only(&t->k, NDP_STAT_NBR_UNREACHABLE_GC);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), NDP_TIME_NEVER);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_nbrs, 0U);
	nt_check_heap(test, nt_ctx(t));
}

/*
 * While packets go on (one just after each NS): the first multicast NS
 * leaves with the first packet, the next ones RetransTimer * 3^k later
 * (3 s, 9 s, 27 s, then 60 s capped), each times a random factor in
 * [0.5, 1.5), exactly at the deadline and not before; a packet meanwhile
 * sends no NS and moves no deadline.  Then the packets stop: the next
 * deadline sends nothing and probing stops; NU_IDLE after the last packet
 * the entry goes.
 */
static void unreach_backoff_with_traffic(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 rt = MSEC(nt_ctx(t)->retrans_ms), base = rt, at, d, gap, last = 0;
	u32 ns = 1, capped = 0, jittered = 0;

	at = nu_make_unreachable(t, &t->a, nt_mac_a) + SEC(1);
	nu_send(t, at, &t->a, nt_mac_a, true);
	for (;;) {
		base = min(base * 3, NU_CAP);
		d = ndp_nbr_deadline(nt_ctx(t));
		gap = d - at;
		KUNIT_EXPECT_GE(test, gap, base / 2);
		KUNIT_EXPECT_LT(test, gap, base + base / 2);
		if (gap != base)
			jittered++;
		if (base == NU_CAP && ++capped == 3)
			break;
		last = at + MSEC(1);
		nu_send(t, last, &t->a, nt_mac_a, false);
		KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), d);
		nt_tick(t, d - 1);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
		nt_tick(t, d);
		at = d;
		KUNIT_ASSERT_EQ(test, nt_state(t, &t->a), NDP_NUD_UNREACHABLE);
		KUNIT_ASSERT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
		nu_expect_mcast_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &t->a);
		KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_BACKOFF_NS),
				1ULL);
		ns++;
		KUNIT_ASSERT_LT(test, ns, 20U);
	}
	/* with RetransTimer 1 s: NS at the first packet, 3, 9, 27, 60, 60 s */
	KUNIT_EXPECT_EQ(test, ns, 6U);
	KUNIT_EXPECT_GT(test, jittered, 0U);

	/* no packet in this wait: nothing sent, probing stops */
	nt_tick(t, d);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_UNREACHABLE);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), last + NU_IDLE);
	ndp_kt_run_until(&t->k, last + NU_IDLE - 1);
	KUNIT_EXPECT_EQ(test, t->k.seen[NDP_ICMP_NS], 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_UNREACHABLE);
	nt_tick(t, last + NU_IDLE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_UNREACHABLE_GC), 1ULL);
	nt_check_heap(test, nt_ctx(t));
}

/*
 * A wait with no packet stops probing; the next packet starts it again
 * from the first step: an NS at once, the next after 3 s (times the
 * factor), and the idle deadline counts from that packet.
 */
static void unreach_probing_stops_and_restarts(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 at, d;

	at = nu_make_unreachable(t, &t->a, nt_mac_a) + SEC(1);
	nu_send(t, at, &t->a, nt_mac_a, true);
	nu_send(t, at + MSEC(1), &t->a, nt_mac_a, false);
	d = ndp_nbr_deadline(nt_ctx(t));
	nt_tick(t, d);
	KUNIT_ASSERT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	/* second wait (9 s base) without a packet: probing stops */
	d = ndp_nbr_deadline(nt_ctx(t));
	KUNIT_EXPECT_GE(test, d - t->k.now, SEC(9) / 2);
	nt_tick(t, d);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)),
			at + MSEC(1) + NU_IDLE);
	ndp_kt_run_until(&t->k, d + SEC(120));
	KUNIT_EXPECT_EQ(test, t->k.seen[NDP_ICMP_NS], 0U);

	at = t->k.now;
	nu_send(t, at, &t->a, nt_mac_a, true);
	d = ndp_nbr_deadline(nt_ctx(t));
	KUNIT_EXPECT_GE(test, d - at, MSEC(1500));
	KUNIT_EXPECT_LT(test, d - at, MSEC(4500));
	nt_tick(t, d);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), at + NU_IDLE);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_UNREACHABLE_GC), 0ULL);
	nt_check_heap(test, nt_ctx(t));
}

/*
 * The random factor spans [0.5, 1.5): over many seeds the first wait (3 s
 * base, after the NS of the first packet) comes near both ends and never
 * outside.
 */
static void unreach_backoff_random_bounds(struct kunit *test)
{
	s64 lo = NDP_TIME_NEVER, hi = 0, gap, at;
	struct nt *t;
	int seed;

	for (seed = 1; seed <= 40; seed++) {
		t = nt_up(test, NULL);
		t->k.rng = 0x9e3779b97f4a7c15ULL * seed;
		at = nu_make_unreachable(t, &t->a, nt_mac_a);
		nu_send(t, at, &t->a, nt_mac_a, true);
		gap = ndp_nbr_deadline(nt_ctx(t)) - at;
		KUNIT_EXPECT_GE(test, gap, MSEC(1500));
		KUNIT_EXPECT_LT(test, gap, MSEC(4500));
		lo = min(lo, gap);
		hi = max(hi, gap);
	}
	KUNIT_EXPECT_LT(test, lo, MSEC(2000));
	KUNIT_EXPECT_GT(test, hi, MSEC(4000));
}

/*
 * A larger RetransTimer reaches the cap at once; with packets going on
 * every wait is at the cap, within [30, 90) s (core.rst).
 */
static void unreach_backoff_capped_retrans(struct kunit *test)
{
	struct nt *t;
	s64 at, gap;
	int i;

	t = nt_up(test, NULL);
	/* as an RA's RetransTimer sets it, after DAD */
	nt_ctx(t)->retrans_ms = 25000;
	at = nu_make_unreachable(t, &t->a, nt_mac_a);
	nu_send(t, at, &t->a, nt_mac_a, true);
	for (i = 0; i < 5; i++) {
		gap = ndp_nbr_deadline(nt_ctx(t)) - at;
		KUNIT_EXPECT_GE(test, gap, NU_CAP / 2);
		KUNIT_EXPECT_LT(test, gap, NU_CAP + NU_CAP / 2);
		nu_send(t, at + SEC(1), &t->a, nt_mac_a, false);
		nt_tick(t, at + gap);
		at = t->k.now;
		KUNIT_ASSERT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	}
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_UNREACHABLE);
}

/* ------------------------------------------------------ coming back */

enum nu_word { NU_NA, NU_NS, NU_RA, NU_CONFIRM };

struct nu_row {
	const char *name;
	enum nu_word word;
	u8 flags;		/* NA: R S O */
	u8 mac;			/* 0: none, 1: the cached MAC, 2: another */
	u8 want;		/* state after */
	bool recovered;		/* NBR_UNREACHABLE_RECOVERED moved */
};

static const struct nu_row nu_rows[] = {
	{ "NA S=1 O=1 same: REACHABLE", NU_NA, NDP_NA_FLAG_S | NDP_NA_FLAG_O,
	  1, NDP_NUD_REACHABLE, true },
	{ "NA S=1 no TLLA: REACHABLE", NU_NA, NDP_NA_FLAG_S, 0,
	  NDP_NUD_REACHABLE, true },
	{ "NA S=1 O=1 other: REACHABLE, new MAC", NU_NA,
	  NDP_NA_FLAG_S | NDP_NA_FLAG_O, 2, NDP_NUD_REACHABLE, true },
	{ "NA S=0 O=1 other: STALE, new MAC", NU_NA, NDP_NA_FLAG_O, 2,
	  NDP_NUD_STALE, true },
	{ "NA S=0 O=1 same: STALE", NU_NA, NDP_NA_FLAG_O, 1, NDP_NUD_STALE,
	  true },
	{ "NA S=0 no TLLA: STALE", NU_NA, 0, 0, NDP_NUD_STALE, true },
	{ "NA O=0 other: ignored", NU_NA, NDP_NA_FLAG_S, 2,
	  NDP_NUD_UNREACHABLE, false },
	{ "NS same SLLA: STALE", NU_NS, 0, 1, NDP_NUD_STALE, true },
	{ "NS other SLLA: STALE, new MAC", NU_NS, 0, 2, NDP_NUD_STALE, true },
	{ "RA same SLLA: STALE", NU_RA, 0, 1, NDP_NUD_STALE, true },
	{ "upper-layer confirmation: REACHABLE", NU_CONFIRM, 0, 1,
	  NDP_NUD_REACHABLE, true },
};

static void nu_row_desc(const struct nu_row *r, char *desc)
{
	strscpy(desc, r->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(nu_back, nu_rows, nu_row_desc);

/*
 * Any word from an UNREACHABLE neighbour (probing: a packet went to it)
 * brings it back by the rules of RFC 4861 7.2.5 and 7.2.3 (an NA with O=0
 * and another MAC is ignored as for PROBE); once back the back-off NS
 * stop: STALE has no timer, REACHABLE its ReachableTime.
 */
static void unreach_heard_from_again(struct kunit *test)
{
	const struct nu_row *r = test->param_value;
	struct nt *t = nt_up(test, NULL);
	const u8 *mac = r->mac == 0 ? NULL : r->mac == 1 ? nt_mac_a : nt_mac_b;
	bool new_mac = r->mac == 2 && r->want != NDP_NUD_UNREACHABLE;
	struct ndp_nbr *n;

	nu_make_unreachable(t, &t->a, nt_mac_a);
	nu_send(t, t->k.now + SEC(1), &t->a, nt_mac_a, true);
	t->k.now += SEC(1);
	switch (r->word) {
	case NU_NA:
		nt_na_in(t, &t->a, r->flags, mac);
		break;
	case NU_NS:
		nt_ns_in(t, &t->a, &t->ll, &t->ll, mac);
		break;
	case NU_RA:
		nt_ra_in(t, &t->a, 0, mac);
		break;
	case NU_CONFIRM:
		nt_reset(t);
		ndp_confirm(nt_ctx(t), t->k.now, &t->a);
		break;
	}
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), r->want);
	nu_expect_mac(t, &t->a, new_mac ? nt_mac_b : nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_UNREACHABLE_RECOVERED),
			r->recovered ? 1ULL : 0ULL);
	n = ndp_nbr_find(nt_ctx(t), &t->a);
	if (r->want == NDP_NUD_STALE)
		KUNIT_EXPECT_EQ(test, n->timer, NDP_TIME_NEVER);
	if (r->want == NDP_NUD_REACHABLE) {
		KUNIT_EXPECT_EQ(test, n->timer,
				t->k.now + MSEC(nt_ctx(t)->reachable_ms));
		/* the answer to our NS proves two-way reachability */
		KUNIT_EXPECT_TRUE(test, n->proven);
		KUNIT_EXPECT_FALSE(test,
				   ndp_nbr_probably_unreachable(nt_ctx(t),
								&t->a));
	}
	nt_check_heap(test, nt_ctx(t));
	/* no more back-off NS once back */
	if (r->want != NDP_NUD_UNREACHABLE) {
		ndp_kt_run_until(&t->k, t->k.now + SEC(20));
		KUNIT_EXPECT_EQ(test, t->k.seen[NDP_ICMP_NS], 0U);
	}
}

/* ----------------------------------------------------- sending to it */

/*
 * A packet to an UNREACHABLE neighbour that waits leaves at once to the
 * cached MAC (RFC 7048 3), followed by a multicast NS; the entry stays
 * UNREACHABLE.  A second packet while the back-off runs only marks the
 * entry: no NS, the same deadline.
 */
static void unreach_packet_goes_to_cached_mac(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 d;

	nu_make_unreachable(t, &t->a, nt_mac_a);
	t->k.now += SEC(1);
	nt_send(t, 0, &t->a);
	nt_expect_txd(t, 0, nt_mac_a);
	KUNIT_ASSERT_EQ(test, t->k.out->n_tx, 2U);
	KUNIT_EXPECT_EQ(test, nt_txd(t, 0), 0);
	nu_expect_mcast_ns(t, 1, &t->a);
	KUNIT_EXPECT_EQ(test, t->k.out->n_done, 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_UNREACHABLE);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_TX_UNREACHABLE), 1ULL);
	ndp_kt_expect_only(&t->k, NDP_STAT_TX_UNREACHABLE,
			   NDP_STAT_NBR_BACKOFF_NS);
	KUNIT_EXPECT_EQ(test, ndp_nbr_find(nt_ctx(t), &t->a)->qlen, 0U);

	d = ndp_nbr_deadline(nt_ctx(t));
	t->k.now += MSEC(100);
	nt_send(t, 1, &t->a);
	nt_expect_txd(t, 1, nt_mac_a);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 1U);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), d);
	ndp_kt_expect_only(&t->k, NDP_STAT_TX_UNREACHABLE);
	KUNIT_EXPECT_TRUE(test, ndp_nbr_find(nt_ctx(t), &t->a)->tx_since_ns);
}

/* --------------------------------------------------------- eviction */

/*
 * A full table takes the least recently used UNREACHABLE entry first, for
 * a new INCOMPLETE entry (before an older INCOMPLETE or STALE one) and for
 * a new STALE one; a packet sent to an UNREACHABLE entry moves it back.
 */
static void unreach_evicted_first(struct kunit *test)
{
	struct ndp_ip6 x = ndp_kt_ip(test, "fe80::10");
	struct ndp_ip6 y = ndp_kt_ip(test, "fe80::11");
	struct ndp_ip6 z = ndp_kt_ip(test, "fe80::12");
	struct ndp_config cfg;
	struct nt *t;

	ndp_config_default(&cfg);
	cfg.max_nbrs = 4;
	cfg.incomplete_quota = 2;
	t = nt_up(test, &cfg);
	nu_make_unreachable(t, &t->a, nt_mac_a);
	nu_make_unreachable(t, &t->b, nt_mac_b);
	nt_make_stale(t, &t->c, nt_mac_a);		/* oldest STALE */
	nt_send(t, 0, &x);				/* INCOMPLETE */
	KUNIT_ASSERT_EQ(test, nt_ctx(t)->n_nbrs, 4U);
	KUNIT_ASSERT_EQ(test, nt_state(t, &t->a), NDP_NUD_UNREACHABLE);

	/* a used: b is now the least recently used UNREACHABLE entry */
	nt_send(t, 1, &t->a);
	nt_expect_txd(t, 1, nt_mac_a);

	/* new INCOMPLETE: b, not the older INCOMPLETE x nor STALE c */
	nt_send(t, 2, &y);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &x), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &y), NDP_NUD_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_EVICTED), 1ULL);

	/* new STALE (an NS from a new source): a, before STALE c */
	nt_ns_in(t, &z, &t->ll, &t->ll, nt_mac_b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, nt_state(t, &z), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_EVICTED), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->evict_unreach_head, NDP_NIL);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->evict_unreach_tail, NDP_NIL);
	nt_check_heap(test, nt_ctx(t));
}

/* ---------------------------------------------------------- routers */

/*
 * RFC 4861 6.3.6: a default router whose entry is UNREACHABLE is not
 * "probably reachable": the next hop is the other router; the first one is
 * chosen again once it is heard from (an RA with its SLLA).
 */
static void unreach_router_not_selected(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	struct ndp_ip6 r1 = ndp_kt_ip(test, "fe80::1");
	struct ndp_ip6 r2 = ndp_kt_ip(test, "fe80::5");
	struct ndp_ip6 far = ndp_kt_ip(test, "2001:db8:9::1");

	nt_ra_in(t, &r1, 1800, nt_mac_r);
	nt_ra_in(t, &r2, 1800, nt_mac_b);
	ndp_kt_expect_next_hop(&t->k, &far, &r1);
	nu_make_unreachable(t, &r1, nt_mac_r);
	ndp_kt_expect_next_hop(&t->k, &far, &r2);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_router(&t->k, &r1));
	nt_ra_in(t, &r1, 1800, nt_mac_r);
	KUNIT_EXPECT_EQ(test, nt_state(t, &r1), NDP_NUD_STALE);
	ndp_kt_expect_next_hop(&t->k, &far, &r1);
}

static struct kunit_case nbr_unreach_cases[] = {
	KUNIT_CASE(unreach_probe_keeps_entry_and_mac),
	KUNIT_CASE(unreach_idle_no_ns_then_gc),
	KUNIT_CASE(unreach_backoff_with_traffic),
	KUNIT_CASE(unreach_probing_stops_and_restarts),
	KUNIT_CASE(unreach_backoff_random_bounds),
	KUNIT_CASE(unreach_backoff_capped_retrans),
	KUNIT_CASE_PARAM(unreach_heard_from_again, nu_back_gen_params),
	KUNIT_CASE(unreach_packet_goes_to_cached_mac),
	KUNIT_CASE(unreach_evicted_first),
	KUNIT_CASE(unreach_router_not_selected),
	{}
};

static struct kunit_suite nbr_unreach_suite = {
	.name = "ndpv6_nbr_unreach",
	.test_cases = nbr_unreach_cases,
};

kunit_test_suite(nbr_unreach_suite);
