// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_nbr: the neighbour cache's state machine (RFC 4861
 * 7.2, 7.3, appendix C): NUD timers, the NA table of 7.2.5, NS in and out
 * and the source of every NS.  Every case drives the core with explicit
 * times, feeds it NS/NA frames built byte by byte and asserts the exact
 * frames, handles, notes and counters that come out; the fixture is in
 * ndp_kunit_nbr.h.
 */
#include "ndp_kunit_nbr.h"

static void nt_expect_mac(struct nt *t, const struct ndp_ip6 *ip,
			  const u8 *mac)
{
	struct ndp_nbr_info ni;

	KUNIT_ASSERT_EQ(t->test, ndp_nbr_lookup(nt_ctx(t), ip, &ni), 0);
	KUNIT_EXPECT_EQ(t->test, memcmp(ni.mac, mac, NDP_ETH_ALEN), 0);
}

/* -------------------------------------------------------- NUD timers */

/* REACHABLE for ReachableTime, then STALE without any frame. */
static void nbr_reachable_expires_to_stale(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t1, rt;
	u32 gen;

	nt_make_reachable(t, &t->a, nt_mac_a);
	t1 = t->k.now;
	rt = MSEC(nt_ctx(t)->reachable_ms);
	KUNIT_EXPECT_GE(test, rt, MSEC(nt_ctx(t)->base_reachable_ms / 2));
	KUNIT_EXPECT_LT(test, rt, MSEC(nt_ctx(t)->base_reachable_ms * 3 / 2));
	nt_tick(t, t1 + rt - 1);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	gen = ndp_generation(nt_ctx(t));
	nt_tick(t, t1 + rt);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	KUNIT_EXPECT_NE(test, ndp_generation(nt_ctx(t)), gen);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), NDP_TIME_NEVER);
	nt_expect_mac(t, &t->a, nt_mac_a);
}

/*
 * STALE -> DELAY on a send (the packet leaves) -> PROBE after
 * DELAY_FIRST_PROBE_TIME with a unicast NS, two more RetransTimer apart,
 * then UNREACHABLE with its MAC, sending nothing until the next packet
 * (RFC 7048; what follows is nbr_unreach_test.c's).
 */
static void nbr_stale_delay_probe_unreachable(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t1, dly, rt = MSEC(nt_ctx(t)->retrans_ms);
	int i;

	nt_make_stale(t, &t->a, nt_mac_a);
	nt_send(t, 0, &t->a);
	nt_expect_txd(t, 0, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	t1 = t->k.now;
	dly = MSEC(t->k.cfg.delay_first_probe_ms);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), t1 + dly);
	nt_tick(t, t1 + dly - 1);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	for (i = 0; i < 3; i++) {
		nt_tick(t, t1 + dly + i * rt);
		KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_PROBE);
		KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
		nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &t->ll, &t->a,
			     nt_mac_a, &t->a);
	}
	nt_tick(t, t1 + dly + 3 * rt - 1);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_PROBE);
	nt_tick(t, t1 + dly + 3 * rt);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_UNREACHABLE);
	nt_expect_mac(t, &t->a, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_FAILED), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_UNREACHABLE_ENTERED),
			1ULL);
	KUNIT_EXPECT_TRUE(test, nt_note(t, NDP_NOTE_NBR_UNREACHABLE, &t->a));
}

/* Neighbour a is REACHABLE, and still at @until, no NS sent meanwhile. */
static void nt_expect_reachable_until(struct nt *t, s64 until)
{
	KUNIT_EXPECT_EQ(t->test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	ndp_kt_run_until(&t->k, until);
	KUNIT_EXPECT_EQ(t->test, t->k.seen[NDP_ICMP_NS], 0U);
	KUNIT_EXPECT_EQ(t->test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
}

/* DELAY confirmed by a solicited NA: REACHABLE, no probe. */
static void nbr_delay_confirmed_goes_reachable(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t1;

	nt_make_delay(t, &t->a, nt_mac_a);
	t1 = t->k.now;
	t->k.now = t1 + SEC(2);
	nt_na_in(t, &t->a, NDP_NA_FLAG_S, NULL);
	nt_expect_reachable_until(t, t1 + SEC(6));
}

/* PROBE answered: REACHABLE, probes stop. */
static void nbr_probe_answered_goes_reachable(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t1;

	nt_make_probe(t, &t->a, nt_mac_a);
	t1 = t->k.now;
	nt_na_in(t, &t->a, NDP_NA_FLAG_S, nt_mac_a);
	nt_expect_reachable_until(t, t1 + SEC(10));
}

/* Upper-layer hints keep an entry REACHABLE for ever without a probe. */
static void nbr_confirm_keeps_reachable(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	s64 t1, rt, last = 0;
	u32 ns = 0;
	int k;

	nt_make_reachable(t, &t->a, nt_mac_a);
	t1 = t->k.now;
	rt = MSEC(nt_ctx(t)->reachable_ms);
	for (k = 1; k <= 6; k++) {
		ndp_kt_run_until(&t->k, t1 + k * rt / 2);
		ns += t->k.seen[NDP_ICMP_NS];
		KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
		last = t->k.now;
		ndp_confirm(nt_ctx(t), last, &t->a);
	}
	KUNIT_EXPECT_EQ(test, ns, 0U);
	nt_check_heap(test, nt_ctx(t));
	ndp_kt_run_until(&t->k, last + rt - 1);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	ndp_kt_run_until(&t->k, last + rt);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, t->k.seen[NDP_ICMP_NS], 0U);

	/* STALE confirmed: REACHABLE again; no entry: none made */
	ndp_confirm(nt_ctx(t), t->k.now, &t->a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	ndp_confirm(nt_ctx(t), t->k.now, &t->b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_NONE);
	/* INCOMPLETE cannot be confirmed: there is no MAC */
	nt_make_incomplete(t, &t->c);
	ndp_confirm(nt_ctx(t), t->k.now, &t->c);
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
	const u8 *tlla = r->tlla == 0 ? NULL :
			 r->tlla == 1 ? nt_mac_a : nt_mac_b;
	struct ndp_nbr_info ni;
	struct ndp_nbr *n;

	switch (r->from) {
	case INC:
		nt_make_incomplete(t, &t->a);
		break;
	case REA:
		nt_make_reachable(t, &t->a, nt_mac_a);
		break;
	case STA:
		nt_make_stale(t, &t->a, nt_mac_a);
		break;
	case DLY:
		nt_make_delay(t, &t->a, nt_mac_a);
		break;
	case PRB:
		nt_make_probe(t, &t->a, nt_mac_a);
		break;
	}
	t->k.now += MSEC(100);
	nt_na_in(t, &t->a, r->flags, tlla);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(nt_ctx(t), &t->a, &ni), 0);
	KUNIT_EXPECT_EQ(test, ni.state, r->want);
	if (r->want != INC)
		KUNIT_EXPECT_EQ(test,
				memcmp(ni.mac, r->new_mac ? nt_mac_b : nt_mac_a,
				       NDP_ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, ni.is_router, r->router);
	if (r->stat >= 0)
		KUNIT_EXPECT_EQ(test, nt_delta(t, r->stat), 1ULL);
	ndp_kt_expect_only(&t->k, r->stat >= 0 ? r->stat : NDP_STAT_MAX);
	n = ndp_nbr_find(nt_ctx(t), &t->a);
	if (r->want == REA && r->from != REA) {
		KUNIT_EXPECT_EQ(test, n->confirmed, t->k.now);
		KUNIT_EXPECT_EQ(test, n->timer,
				t->k.now + MSEC(nt_ctx(t)->reachable_ms));
	}
	if (r->want == STA)
		KUNIT_EXPECT_EQ(test, n->timer, NDP_TIME_NEVER);
	nt_check_heap(test, nt_ctx(t));
	/* no frame comes out of an NA */
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 0U);
}

/* An NA with R=0 from a router takes it off the default router list. */
static void nbr_na_r0_removes_router(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1"), ips[4];
	struct ndp_nbr_info ni;

	nt_ra_in(t, &rtr, 1800, nt_mac_r);
	KUNIT_ASSERT_EQ(test, ndp_get_routers(nt_ctx(t), ips, 4), 1);
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(nt_ctx(t), &rtr, &ni), 0);
	KUNIT_EXPECT_TRUE(test, ni.is_router);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_STALE);

	nt_na_in(t, &rtr, NDP_NA_FLAG_S | NDP_NA_FLAG_O, nt_mac_r);
	KUNIT_EXPECT_EQ(test, ndp_get_routers(nt_ctx(t), ips, 4), 0);
	KUNIT_EXPECT_NOT_NULL(test, ndp_kt_find_note(&t->k, NDP_NOTE_ROUTER_DEL,
						     &rtr));
	KUNIT_ASSERT_EQ(test, ndp_nbr_lookup(nt_ctx(t), &rtr, &ni), 0);
	KUNIT_EXPECT_FALSE(test, ni.is_router);
	KUNIT_EXPECT_EQ(test, ni.state, NDP_NUD_REACHABLE);
}

/* An NA nobody asked for creates nothing. */
static void nbr_na_without_entry_ignored(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	u32 gen = ndp_generation(nt_ctx(t));

	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NA_NO_ENTRY), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_nbrs, 0U);
	KUNIT_EXPECT_EQ(test, ndp_generation(nt_ctx(t)), gen);
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
	u32 gen = ndp_generation(nt_ctx(t));

	nt_ns_in(t, &t->a, &sn, &other, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NS_NOT_OURS), 1ULL);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NA), 0U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_nbrs, 0U);
	KUNIT_EXPECT_EQ(test, ndp_generation(nt_ctx(t)), gen);
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

	nt_ns_in(t, &t->a, &sn, &t->ll, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	nt_expect_mac(t, &t->a, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NBR_CREATED), 1ULL);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 1U);
	nt_expect_na(t, nt_nth(t, NDP_ICMP_NA, 0), &t->a, nt_mac_a,
		     NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	ndp_kt_expect_only(&t->k, NDP_STAT_NBR_CREATED);

	/* same SLLA again: nothing changes; another SLLA: STALE, new MAC */
	ndp_confirm(nt_ctx(t), t->k.now, &t->a);
	nt_ns_in(t, &t->a, &sn, &t->ll, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	nt_ns_in(t, &t->a, &sn, &t->ll, nt_mac_b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	nt_expect_mac(t, &t->a, nt_mac_b);
	nt_expect_na(t, nt_nth(t, NDP_ICMP_NA, 0), &t->a, nt_mac_b,
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

	nt_make_reachable(t, &t->a, nt_mac_a);
	nt_ns_in(t, &t->a, &t->ll, &t->ll, NULL);
	KUNIT_EXPECT_EQ(test, t->k.out->n_tx, 1U);
	nt_expect_na(t, 0, &t->a, nt_mac_a, NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);

	nt_ns_in(t, &t->a, &t->ll, &t->ll, nt_mac_a);
	nt_expect_na(t, nt_nth(t, NDP_ICMP_NA, 0), &t->a, nt_mac_a,
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
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_nbrs, 0U);
	ndp_kt_expect_only(&t->k, NDP_STAT_MAX);
}

/* An NS with SLLA resolves an INCOMPLETE entry: its queue leaves. */
static void nbr_ns_resolves_incomplete(struct kunit *test)
{
	struct nt *t = nt_up(test, NULL);
	int ids[NT_PKTS];

	nt_send(t, 0, &t->a);
	nt_send(t, 1, &t->a);
	nt_ns_in(t, &t->a, &t->ll, &t->ll, nt_mac_a);
	KUNIT_ASSERT_EQ(test, nt_txd_ids(t, ids, NT_PKTS), 2U);
	KUNIT_EXPECT_EQ(test, ids[0], 0);
	KUNIT_EXPECT_EQ(test, ids[1], 1);
	nt_expect_txd(t, 0, nt_mac_a);
	nt_expect_na(t, nt_nth(t, NDP_ICMP_NA, 0), &t->a, nt_mac_a,
		     NDP_NA_FLAG_S | NDP_NA_FLAG_O);
	/* packets went to a STALE entry: DELAY (7.3.3) */
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->n_queued, 0U);
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
	ndp_nbr_learn(nt_ctx(t), t->k.now, &t->a, nt_mac_a, true);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(nt_ctx(t)), t->k.now);
	nt_tick(t, t->k.now);
	nt_expect_txd(t, 0, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	KUNIT_EXPECT_EQ(test, ndp_nbr_deadline(nt_ctx(t)), t->k.now + dly);

	/* confirmed before the tick: REACHABLE, and the queue still leaves */
	nt_send(t, 1, &t->b);
	ndp_nbr_learn(nt_ctx(t), t->k.now, &t->b, nt_mac_b, false);
	ndp_confirm(nt_ctx(t), t->k.now, &t->b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_REACHABLE);
	KUNIT_EXPECT_LE(test, ndp_nbr_deadline(nt_ctx(t)), t->k.now);
	nt_tick(t, t->k.now);
	nt_expect_txd(t, 1, nt_mac_b);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_REACHABLE);

	/* a core frame to it first (DELAY): the queue leaves, then the delay */
	nt_send(t, 2, &t->c);
	ndp_nbr_learn(nt_ctx(t), t->k.now, &t->c, nt_mac_a, false);
	nt_reset(t);
	KUNIT_EXPECT_EQ(test, ndp_resolve(nt_ctx(t), t->k.now, &t->c, mac,
					  t->k.out), 0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_DELAY);
	KUNIT_EXPECT_LE(test, ndp_nbr_deadline(nt_ctx(t)), t->k.now);
	nt_tick(t, t->k.now);
	nt_expect_txd(t, 2, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->c), NDP_NUD_DELAY);
	KUNIT_EXPECT_EQ(test, ndp_nbr_find(nt_ctx(t), &t->c)->timer,
			t->k.now + dly);
	nt_check_heap(test, nt_ctx(t));
}

/* ---------------------------------------------------------- sources */

/* Our address @g, its prefix @pfx on-link, 4 s for DAD to run. */
static void nt_add_global(struct nt *t, const struct ndp_ip6 *g,
			  const struct ndp_prefix *pfx)
{
	KUNIT_ASSERT_EQ(t->test, ndp_add_ip(nt_ctx(t), t->k.now, g, 64,
					    NDP_INFINITE, NDP_INFINITE,
					    t->k.out), 0);
	KUNIT_ASSERT_EQ(t->test, ndp_add_prefix(nt_ctx(t), t->k.now, pfx,
						NDP_INFINITE, t->k.out), 0);
	ndp_kt_run_until(&t->k, t->k.now + SEC(4));
}

/*
 * The first NS for @dst (INCOMPLETE, its NS put off while every address
 * was in DAD) leaves from @src in the tick where @src passes DAD: no
 * attempt was spent meanwhile.
 */
static void nt_ns_after_dad(struct nt *t, const struct ndp_ip6 *src,
			    const struct ndp_ip6 *dst)
{
	struct ndp_ip6 sn;
	u8 mac[6];
	int k;

	ndp_solicited_node(dst, &sn);
	ndp_mcast_mac(&sn, mac);
	k = ndp_kt_step_until_tx(&t->k, NDP_ICMP_NS, t->k.now + SEC(3));
	/* DAD's own NS (from ::) first: the next NS is the neighbour's */
	while (k >= 0 && ndp_ip6_is_unspec((const struct ndp_ip6 *)
					   (ndp_kt_tx_ip6(&t->k, k) + 8)))
		k = ndp_kt_step_until_tx(&t->k, NDP_ICMP_NS,
					 t->k.now + SEC(3));
	KUNIT_ASSERT_TRUE(t->test, ndp_addr_is_ours(nt_ctx(t), src));
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), src, &sn, mac, dst);
	KUNIT_EXPECT_EQ(t->test, nt_state(t, dst), NDP_NUD_INCOMPLETE);
}

/*
 * The NS takes the source of the packet that prompted it when that is
 * ours (7.2.2), else a selected one; while every address is still in DAD,
 * it waits for the first to pass, its attempts kept (NS_WAIT_SOURCE).
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
	/* link-local still tentative: no source, no NS yet, INCOMPLETE */
	nt_send(t, 0, &t->a);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NS_WAIT_SOURCE), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NS_NO_SOURCE), 0ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_INCOMPLETE);
	/* its first NS leaves from the link-local address once it passed */
	nt_ns_after_dad(t, &t->ll, &t->a);
	/* three attempts, all of them sent, then resolution fails */
	ndp_kt_run_until(&t->k, t->k.now + SEC(3));
	KUNIT_EXPECT_EQ(test, t->k.seen[NDP_ICMP_NS], 2U);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_NONE);

	nt_reset(t);
	nt_add_global(t, &g, &pfx);
	KUNIT_ASSERT_TRUE(test, ndp_addr_is_ours(nt_ctx(t), &g));
	KUNIT_ASSERT_TRUE(test, ndp_addr_is_ours(nt_ctx(t), &t->ll));
	KUNIT_ASSERT_EQ(test, ndp_select_source(nt_ctx(t), &gb, &src), 0);
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&src, &g));

	/* a packet from our link-local to a global neighbour: NS from ll */
	ndp_kt_send(&t->k, nt_pkt(t, 1, &gb, &t->ll));
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &t->ll, &sn5, sn5_mac,
		     &gb);
	/* the retransmission also uses the queued packet's source */
	nt_tick(t, ndp_nbr_deadline(nt_ctx(t)));
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &t->ll, &sn5, sn5_mac,
		     &gb);
	/* a packet whose source is not ours: the selected source */
	ndp_kt_send(&t->k, nt_pkt(t, 2, &gc, &ndp_unspecified));
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &g, &sn6, sn6_mac, &gc);
}

/* The output's NS about @target, -1 if none. */
static int nt_ns_for(struct nt *t, const struct ndp_ip6 *target)
{
	const u8 *m;
	u32 k, len;

	for (k = 0; k < t->k.out->n_tx; k++) {
		m = ndp_kt_tx_icmp(&t->k, k, &len);
		if (m && len >= 24 && m[0] == NDP_ICMP_NS &&
		    !memcmp(m + 8, target->b, 16))
			return k;
	}
	return -1;
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
		a = ndp_addr_find(nt_ctx(t), &src);
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
 * NS waits for the first DAD to end (NS_WAIT_SOURCE) and spends no
 * attempt; once one address has passed DAD, a packet from the other,
 * still optimistic, is solicited for from the one that passed, with its
 * SLLA.
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

	nt_add_global(t, &g, &pfx);
	ll = ndp_addr_find(nt_ctx(t), &t->ll);
	ga = ndp_addr_find(nt_ctx(t), &g);
	KUNIT_ASSERT_TRUE(test, ll && ga);
	KUNIT_ASSERT_EQ(test, ga->state, NDP_ADDR_PREFERRED);

	nt_reset(t);
	ndp_link_change(nt_ctx(t), t->k.now, false, t->k.out);
	t->k.now += SEC(1);
	nt_reset(t);
	ndp_link_change(nt_ctx(t), t->k.now, true, t->k.out);
	KUNIT_ASSERT_TRUE(test, ll->optimistic && ga->optimistic);
	KUNIT_ASSERT_TRUE(test, ndp_addr_is_ours(nt_ctx(t), &t->ll));

	nt_send(t, 0, &t->a);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 0U);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NS_WAIT_SOURCE), 1ULL);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_NS_NO_SOURCE), 0ULL);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_INCOMPLETE);

	/* to the first end of DAD: no NS from an optimistic address */
	for (guard = 0; ll->optimistic && ga->optimistic && guard < 100;
	     guard++) {
		nt_tick(t, max(t->k.now, ndp_next_deadline(nt_ctx(t))));
		nt_expect_ns_not_optimistic(t);
	}
	KUNIT_ASSERT_NE_MSG(test, ll->optimistic, ga->optimistic,
			    "both passed DAD in one tick");
	/* the NS put off left in that tick, from the one that passed */
	ndp_solicited_node(&t->a, &sn);
	ndp_mcast_mac(&sn, sn_mac);
	nt_expect_ns(t, nt_ns_for(t, &t->a), ll->optimistic ? &g : &t->ll,
		     &sn, sn_mac, &t->a);

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
	ndp_kt_send(&t->k, nt_pkt(t, 1, &dst, ll->optimistic ? &t->ll : &g));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	nt_expect_ns(t, nt_nth(t, NDP_ICMP_NS, 0), &done, &sn, sn_mac, &dst);
	nt_expect_ns_not_optimistic(t);

	/* and the rest of the run, to the end of both DAD */
	for (guard = 0; (ll->optimistic || ga->optimistic) && guard < 100;
	     guard++) {
		nt_tick(t, max(t->k.now, ndp_next_deadline(nt_ctx(t))));
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
	KUNIT_EXPECT_EQ(test, ndp_resolve(nt_ctx(t), t->k.now,
					  &ndp_all_routers, mac, t->k.out), 0);
	KUNIT_EXPECT_EQ(test, memcmp(mac, mc_mac, 6), 0);
	KUNIT_EXPECT_EQ(test, ndp_resolve(nt_ctx(t), t->k.now, &t->a, mac,
					  t->k.out), -EAGAIN);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	KUNIT_EXPECT_EQ(test, ndp_resolve(nt_ctx(t), t->k.now, &t->a, mac,
					  t->k.out), -EAGAIN);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_tx(&t->k, NDP_ICMP_NS), 1U);
	nt_na_in(t, &t->a, NDP_NA_FLAG_O, nt_mac_a);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, ndp_resolve(nt_ctx(t), t->k.now, &t->a, mac,
					  t->k.out), 0);
	KUNIT_EXPECT_EQ(test, memcmp(mac, nt_mac_a, 6), 0);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	nt_reset(t);
	KUNIT_EXPECT_EQ(test, ndp_resolve(nt_ctx(t), t->k.now, &far, mac,
					  t->k.out), -EHOSTUNREACH);
	KUNIT_EXPECT_EQ(test, nt_delta(t, NDP_STAT_TX_NO_ROUTE), 1ULL);
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
	s64 rt = MSEC(nt_ctx(t)->reachable_ms);
	s64 dfp = MSEC(t->k.cfg.delay_first_probe_ms);
	s64 t0;

	nt_make_reachable(t, &t->a, nt_mac_a);
	nt_make_reachable(t, &t->b, nt_mac_b);
	t0 = t->k.now;
	t->k.now = t0 + rt - dfp / 2;
	nt_send(t, 0, &t->a);
	KUNIT_ASSERT_GE(test, nt_txd(t, 0), 0);
	nt_tick(t, t0 + rt);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_DELAY);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->b), NDP_NUD_STALE);
	KUNIT_EXPECT_EQ(test, nt_ctx(t)->evict_stale_head,
			ndp_nbr_idx(nt_ctx(t), ndp_nbr_find(nt_ctx(t), &t->b)));
	/* DELAY as usual: PROBE after DELAY_FIRST_PROBE_TIME, a unicast NS */
	nt_tick(t, t0 + rt + dfp);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_PROBE);
	KUNIT_EXPECT_GE(test, nt_nth(t, NDP_ICMP_NS, 0), 0);

	/* used longer ago than DELAY_FIRST_PROBE_TIME: STALE */
	nt_na_in(t, &t->a, NDP_NA_FLAG_S | NDP_NA_FLAG_O, nt_mac_a);
	KUNIT_ASSERT_EQ(test, nt_state(t, &t->a), NDP_NUD_REACHABLE);
	t0 = t->k.now;
	nt_send(t, 1, &t->a);
	nt_tick(t, t0 + rt);
	KUNIT_EXPECT_EQ(test, nt_state(t, &t->a), NDP_NUD_STALE);
}

static struct kunit_case nbr_cases[] = {
	KUNIT_CASE(nbr_reachable_expires_to_stale),
	KUNIT_CASE(nbr_reachable_in_use_goes_delay),
	KUNIT_CASE(nbr_stale_delay_probe_unreachable),
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
	{}
};

static struct kunit_suite nbr_suite = {
	.name = "ndpv6_nbr",
	.test_cases = nbr_cases,
};

kunit_test_suites(&nbr_suite);
