// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_srcsel: source address selection (RFC 6724 5) among
 * our addresses, as ndp_select_source() and ndp_send() make it. *
 * The fixture's MAC is 02:00:00:00:00:01, so the link-local address is
 * fe80::ff:fe00:1 (ndp_kt_ll) and its solicited-node group ff02::1:ff00:1
 * (ndp_kt_ll_sn).  Unless a case needs router discovery, RS are turned
 * off (ndp_kt_init_host()) so that only this file's frames leave.
 */
#include "ndp_kunit.h"

/* ------------------------------------------------------------ source */

static void kt_expect_source(struct kunit *test, struct ndp_kt *t,
			     const char *dst, const char *want)
{
	struct ndp_ip6 d = ndp_kt_ip(test, dst), w, s;

	if (!want) {
		KUNIT_EXPECT_EQ_MSG(test, ndp_select_source(t->ctx, &d, &s),
				    -ENOENT, "dst %s", dst);
		return;
	}
	w = ndp_kt_ip(test, want);
	KUNIT_ASSERT_EQ_MSG(test, ndp_select_source(t->ctx, &d, &s), 0,
			    "dst %s", dst);
	KUNIT_EXPECT_TRUE_MSG(test, ndp_ip6_eq(&s, &w), "dst %s: want %s",
			      dst, want);
}

static void kt_add(struct kunit *test, struct ndp_kt *t, const char *ip,
		   u8 plen, u32 preferred_s)
{
	struct ndp_ip6 a = ndp_kt_ip(test, ip);

	KUNIT_ASSERT_EQ(test, ndp_add_ip(t->ctx, t->now, &a, plen,
					 NDP_INFINITE, preferred_s, t->out),
			0);
}

/* RFC 6724 rules 1 (same), 2 (scope), 3 (deprecated), 8 (longest match) */
static void rules_1_2_3_8(struct kunit *test)
{
	struct ndp_ip6 dep;
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 0);
	kt_add(test, &t, "2001:db8:1::1", 64, NDP_INFINITE);
	kt_add(test, &t, "2001:db8:2::1", 64, NDP_INFINITE);
	kt_add(test, &t, "2001:db8:9::3", 128, 0);	/* deprecated */
	kt_add(test, &t, "2001:db8:9::8", 128, NDP_INFINITE);
	dep = ndp_kt_ip(test, "2001:db8:9::3");
	KUNIT_ASSERT_EQ(test, ndp_kt_addr_state(&t, &dep), NDP_ADDR_DEPRECATED);

	/* rule 1: the destination itself, even deprecated */
	kt_expect_source(test, &t, "2001:db8:2::1", "2001:db8:2::1");
	kt_expect_source(test, &t, "2001:db8:9::3", "2001:db8:9::3");
	kt_expect_source(test, &t, "fe80::ff:fe00:1", "fe80::ff:fe00:1");
	/* rule 2: link-local scope for link-local and ff02:: destinations */
	kt_expect_source(test, &t, "fe80::99", "fe80::ff:fe00:1");
	kt_expect_source(test, &t, "ff02::1", "fe80::ff:fe00:1");
	kt_expect_source(test, &t, "ff02::1:ff00:99", "fe80::ff:fe00:1");
	/* ... global for global ones */
	kt_expect_source(test, &t, "2001:db8:2::99", "2001:db8:2::1");
	/* rule 8: longest matching prefix */
	kt_expect_source(test, &t, "2001:db8:1:0:1::1", "2001:db8:1::1");
	/* rule 3 before rule 8: ::3 matches longer but is deprecated */
	kt_expect_source(test, &t, "2001:db8:9::2", "2001:db8:9::8");
}

static void global_scope(struct kunit *test)
{
	struct ndp_ip6 d = ndp_kt_ip(test, "ff0e::1"), s;
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 0);
	kt_add(test, &t, "2001:db8:1::1", 64, NDP_INFINITE);
	KUNIT_ASSERT_EQ(test, ndp_select_source(t.ctx, &d, &s), 0);
	KUNIT_EXPECT_FALSE(test, ndp_ip6_is_linklocal(&s));
	kt_expect_source(test, &t, "2001:db8:5::1", "2001:db8:1::1");
	kt_expect_source(test, &t, "ff05::2", "2001:db8:1::1");
	kt_expect_source(test, &t, "ff02::2", "fe80::ff:fe00:1");
}

/* Never a tentative (or duplicate) address */
static void never_tentative(struct kunit *test)
{
	struct ndp_ip6 g = ndp_kt_ip(test, "2001:db8::1");
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 1);
	KUNIT_ASSERT_EQ(test, ndp_add_ip(t.ctx, t.now, &g, 64, NDP_INFINITE,
					 NDP_INFINITE, t.out), 0);
	kt_expect_source(test, &t, "fe80::99", NULL);
	kt_expect_source(test, &t, "2001:db8::1", NULL);
	kt_expect_source(test, &t, "2001:db8::99", NULL);
	/* the link-local passes DAD; the global is then found a duplicate */
	ndp_kt_run_until(&t, t.now + SEC(1) - 1);
	KUNIT_ASSERT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_TENTATIVE);
	ndp_kt_handle(&t, ndp_kt_dad_ns(&t, &g, NULL));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &g), NDP_ADDR_DUPLICATE);
	ndp_kt_run_until(&t, t.now + SEC(5));
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll),
			NDP_ADDR_PREFERRED);
	kt_expect_source(test, &t, "2001:db8::99", "fe80::ff:fe00:1");
	kt_expect_source(test, &t, "2001:db8::1", "fe80::ff:fe00:1");
}

/*
 * RFC 6724 source selection on one interface with the default policy
 * table (2.1): the examples of section 10.2 that apply to a host with one
 * interface and no home or temporary addresses (the other two need rules
 * 4 and 7), then rule 6 (matching label) ahead of rule 8 for Teredo
 * (2001::/32, label 5) and 6to4 (2002::/16, label 2) sources, and behind
 * rules 2 and 3.  Only the candidates are in the table: the EUI-64
 * link-local address is removed first.
 */
struct kt_src_row {
	const char *name;
	const char *dst;
	const char *cand[2];
	bool deprecated[2];
	const char *want;
};

static const struct kt_src_row kt_src_rows[] = {
	{ "10.2 scope: global destination", "2001:db8:1::1",
	  { "2001:db8:3::1", "fe80::1" }, {}, "2001:db8:3::1" },
	{ "10.2 scope: ff05::1", "ff05::1",
	  { "2001:db8:3::1", "fe80::1" }, {}, "2001:db8:3::1" },
	{ "10.2 same address, deprecated", "2001:db8:1::1",
	  { "2001:db8:1::1", "2001:db8:2::1" }, { true, false },
	  "2001:db8:1::1" },
	{ "10.2 scope: deprecated link-local", "fe80::1",
	  { "fe80::2", "2001:db8:2::1" }, { true, false }, "fe80::2" },
	{ "10.2 longest matching prefix", "2001:db8:1::1",
	  { "2001:db8:1::2", "2001:db8:3::2" }, {}, "2001:db8:1::2" },
	{ "10.2 matching label: 6to4", "2002:c633:6401::1",
	  { "2002:c633:6401::d5e3:7953:13eb:22e8", "2001:db8:1::2" }, {},
	  "2002:c633:6401::d5e3:7953:13eb:22e8" },
	{ "rule 6: no Teredo source for a native destination", "2001:1::1",
	  { "2001:0:4136:e378::1", "2001:db8::1" }, {}, "2001:db8::1" },
	{ "rule 6: no 6to4 source for a native destination", "2003::1",
	  { "2002:c000:204::1", "2001:db8::1" }, {}, "2001:db8::1" },
	{ "rule 6: 6to4 source for a 6to4 destination", "2002:c000:204:1::1",
	  { "2001:db8::1", "2002:c000:204::1" }, {}, "2002:c000:204::1" },
	{ "rule 6: Teredo source for a Teredo destination", "2001:0:1::1",
	  { "2001:db8::1", "2001:0:4136:e378::1" }, {},
	  "2001:0:4136:e378::1" },
	{ "rule 3 before rule 6", "2001:1::1",
	  { "2001:db8::1", "2001:0:4136:e378::1" }, { true, false },
	  "2001:0:4136:e378::1" },
	{ "rule 2 before rule 6", "ff0e::1",
	  { "fe80::1", "2002:c000:204::1" }, {}, "2002:c000:204::1" },
};

static void kt_src_desc(const struct kt_src_row *r, char *desc)
{
	strscpy(desc, r->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(kt_src, kt_src_rows, kt_src_desc);

static void rfc6724_examples(struct kunit *test)
{
	const struct kt_src_row *r = test->param_value;
	struct ndp_ip6 a;
	struct ndp_kt t;
	int i;

	ndp_kt_init_host(test, &t, 0);
	KUNIT_ASSERT_EQ(test, ndp_del_ip(t.ctx, t.now, &ndp_kt_ll, t.out), 0);
	for (i = 0; i < 2; i++) {
		kt_add(test, &t, r->cand[i], 64,
		       r->deprecated[i] ? 0 : NDP_INFINITE);
		a = ndp_kt_ip(test, r->cand[i]);
		KUNIT_ASSERT_EQ(test, ndp_kt_addr_state(&t, &a),
				r->deprecated[i] ? NDP_ADDR_DEPRECATED :
						   NDP_ADDR_PREFERRED);
	}
	kt_expect_source(test, &t, r->dst, r->want);
}

static struct kunit_case ndpv6_srcsel_cases[] = {
	KUNIT_CASE(rules_1_2_3_8),
	KUNIT_CASE(global_scope),
	KUNIT_CASE(never_tentative),
	KUNIT_CASE_PARAM(rfc6724_examples,
			 kt_src_gen_params),
	{}
};

static struct kunit_suite ndpv6_srcsel_suite = {
	.name = "ndpv6_srcsel",
	.test_cases = ndpv6_srcsel_cases,
};

kunit_test_suites(&ndpv6_srcsel_suite);
