// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_deadline: ndp_next_deadline() without walking the
 * tables (module/core/core.c; Documentation/ndpv6/core.rst, "Deadlines").
 * It is never later than the timers (ndp_deadline_walk() walks them all),
 * follows a timer moved earlier at once, and a bound left early by a
 * removal costs one tick that does nothing.
 */
#include "ndp_kunit_rtr.h"

static void expect_not_late(struct ndp_kt *t)
{
	KUNIT_EXPECT_LE(t->test, ndp_next_deadline(t->ctx),
			ndp_deadline_walk(t->ctx));
}

static void expect_exact(struct ndp_kt *t)
{
	KUNIT_EXPECT_EQ(t->test, ndp_next_deadline(t->ctx),
			ndp_deadline_walk(t->ctx));
}

/* An RA that shortens a router's lifetime brings the deadline in at once. */
static void shorter_lifetime_pulls_deadline_in(struct kunit *test)
{
	struct ndp_ip6 r = ndp_kt_ip(test, "fe80::9");
	struct ndp_kt t;
	s64 t0;

	ndp_kt_init_host(test, &t, 0);
	ndp_kt_settle(&t);
	ra_simple(&t, &r, 1800, rtr1_mac);
	expect_exact(&t);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(t.ctx), t.now + SEC(1800));

	t0 = t.now;
	ra_simple(&t, &r, 10, rtr1_mac);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t0 + SEC(10));
	expect_exact(&t);

	KUNIT_EXPECT_EQ(test, ndp_kt_step(&t), t0 + SEC(10));
	KUNIT_EXPECT_GE(test, ndp_kt_note(&t, NDP_NOTE_ROUTER_DEL, &r), 0);
	KUNIT_EXPECT_FALSE(test, ndp_kt_has_router(&t, &r));
	expect_exact(&t);
}

/* A prefix removed before it expires: one idle tick, then exact again. */
static void removal_costs_one_idle_tick(struct kunit *test)
{
	struct ndp_prefix p = { .addr = ndp_kt_ip(test, "2001:db8:5::"),
				.len = 64 };
	struct ndp_kt t;
	s64 t0;

	ndp_kt_init_host(test, &t, 0);
	ndp_kt_settle(&t);
	t0 = t.now;
	KUNIT_ASSERT_EQ(test, ndp_add_prefix(t.ctx, t.now, &p, 100, t.out),
			0);
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t0 + SEC(100));
	KUNIT_ASSERT_EQ(test, ndp_del_prefix(t.ctx, t.now, &p, t.out), 0);
	expect_not_late(&t);
	/* the bound stays: finding the next timer would walk every table */
	KUNIT_EXPECT_EQ(test, ndp_next_deadline(t.ctx), t0 + SEC(100));
	KUNIT_EXPECT_GT(test, ndp_deadline_walk(t.ctx), t0 + SEC(100));

	ndp_kt_tick(&t, t0 + SEC(100));
	KUNIT_EXPECT_EQ(test, t.out->n_tx, 0);
	KUNIT_EXPECT_EQ(test, t.out->n_notes, 0);
	expect_exact(&t);
	KUNIT_EXPECT_GT(test, ndp_next_deadline(t.ctx), t0 + SEC(100));
}

/* Tick from deadline to deadline for @span, never late, never idle twice. */
static void run_checked(struct ndp_kt *t, s64 span)
{
	s64 until = t->now + span, prev = -1;

	expect_not_late(t);
	while (ndp_kt_step_before(t, until)) {
		expect_not_late(t);
		/* a tick at an early bound makes it exact: no second one */
		if (t->now == prev)
			KUNIT_EXPECT_TRUE(t->test, t->out->n_tx ||
					  t->out->n_notes);
		prev = t->now;
	}
}

/*
 * RS, DAD, an RA with a prefix (SLAAC, DAD), a General Query, the link
 * down and back: the deadline is never later than the walk of the tables.
 */
static void never_late_through_a_life(struct kunit *test)
{
	struct ndp_ip6 r = ndp_kt_ip(test, "fe80::9");
	struct ndp_ip6 pfx = ndp_kt_ip(test, "2001:db8:7::");
	struct ndp_ip6 all = ndp_kt_ip(test, "ff02::1");
	struct ndp_ip6 any = ndp_kt_ip(test, "::");
	struct ndp_kt t;
	u32 len;

	ndp_kt_init(test, &t, NULL);
	run_checked(&t, SEC(10));
	len = ndp_kt_ra_pio(&t, &pfx, 64, 600, 300);
	ndp_kt_handle(&t, len);
	expect_not_late(&t);
	run_checked(&t, SEC(5));
	len = ndp_kt_query(&t, &r, &all, 1, true, &any, 1000, 28, 0);
	ndp_kt_handle(&t, len);
	expect_not_late(&t);
	run_checked(&t, SEC(5));
	ndp_kt_link(&t, false);
	expect_exact(&t);
	run_checked(&t, SEC(20));
	ndp_kt_link(&t, true);
	expect_exact(&t);
	run_checked(&t, SEC(700));
	KUNIT_EXPECT_EQ(test, ndp_kt_prefix_len(&t, &pfx), -1);
}

static struct kunit_case deadline_cases[] = {
	KUNIT_CASE(shorter_lifetime_pulls_deadline_in),
	KUNIT_CASE(removal_costs_one_idle_tick),
	KUNIT_CASE(never_late_through_a_life),
	{}
};

static struct kunit_suite deadline_suite = {
	.name = "ndpv6_deadline",
	.test_cases = deadline_cases,
};

kunit_test_suites(&deadline_suite);
