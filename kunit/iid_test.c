// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_iid: interface identifiers (module/core/iid.c;
 * Documentation/ndpv6/core.rst, "Interface identifiers"): SipHash-2-4 as
 * its reference and the kernel's siphash() compute it, RFC 5453's reserved
 * identifiers, RFC 7217 stable identifiers for the link-local and SLAAC
 * addresses, and the next identifier after a duplicate.
 */
#include <linux/siphash.h>
#include "ndp_kunit.h"

static const u8 sip_key[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
				14, 15 };

/* The reference vectors: key 00..0f, message 00, 01, ... of each length. */
static void siphash_reference_vectors(struct kunit *test)
{
	static const struct { u32 len; u64 h; } v[] = {
		{ 0, 0x726fdb47dd0e0e31ULL }, { 8, 0x93f5f5799a932462ULL },
		{ 15, 0xa129ca6149be45e5ULL }, { 63, 0x958a324ceb064572ULL },
	};
	u8 msg[64];
	u32 i;

	for (i = 0; i < sizeof(msg); i++)
		msg[i] = i;
	for (i = 0; i < ARRAY_SIZE(v); i++)
		KUNIT_EXPECT_EQ_MSG(test, ndp_siphash24(sip_key, msg, v[i].len),
				    v[i].h, "length %u", v[i].len);
}

/* The same function as the kernel's siphash(), at every length to 64. */
static void siphash_as_the_kernel(struct kunit *test)
{
	siphash_key_t key;
	u8 msg[64];
	u32 i;

	key.key[0] = 0;
	key.key[1] = 0;
	for (i = 0; i < 8; i++) {	/* the key's bytes, little-endian */
		key.key[0] |= (u64)sip_key[i] << (8 * i);
		key.key[1] |= (u64)sip_key[8 + i] << (8 * i);
	}
	for (i = 0; i < sizeof(msg); i++)
		msg[i] = (u8)(i * 37 + 11);
	for (i = 0; i <= sizeof(msg); i++)
		KUNIT_EXPECT_EQ_MSG(test, ndp_siphash24(sip_key, msg, i),
				    siphash(msg, i, &key), "length %u", i);
}

static void reserved_identifiers(struct kunit *test)
{
	static const struct { u8 iid[8]; bool reserved; } v[] = {
		{ { 0 }, true },			/* Subnet-Router */
		{ { 0, 0, 0, 0, 0, 0, 0, 1 }, false },
		{ { 0x02, 0, 0x5e, 0xff, 0xfe, 0, 0, 0 }, true },
		{ { 0x02, 0, 0x5e, 0xff, 0xfe, 0x52, 0x12, 0 }, true },
		{ { 0x02, 0, 0x5e, 0xff, 0xfe, 0x52, 0x12, 1 }, false },
		{ { 0xfd, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x80 }, true },
		{ { 0xfd, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, true },
		{ { 0xfd, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f }, false },
	};
	u32 i;

	for (i = 0; i < ARRAY_SIZE(v); i++)
		KUNIT_EXPECT_EQ_MSG(test, ndp_iid_reserved(v[i].iid),
				    v[i].reserved, "case %u", i);
}

/*
 * A host with RS off, DAD on, stable identifiers from @secret; with
 * @settle, 3 s later: its link-local address passed DAD.
 */
static void stable_host(struct kunit *test, struct ndp_kt *t, u8 secret,
			bool settle)
{
	struct ndp_config cfg;

	ndp_config_default(&cfg);
	cfg.rtr_solicits = 0;
	cfg.addr_gen = NDP_ADDR_GEN_STABLE_PRIVACY;
	cfg.stable_secret_set = true;
	memset(cfg.stable_secret, secret, sizeof(cfg.stable_secret));
	ndp_kt_init(test, t, &cfg);
	if (settle)
		ndp_kt_run_until(t, t->now + SEC(3));
}

/* Our identifier in @prefix with @counter, computed as RFC 7217 5 says. */
static struct ndp_ip6 expected(struct ndp_kt *t, u8 secret,
			       const char *prefix, u8 counter)
{
	struct ndp_ip6 ip = ndp_kt_ip(t->test, prefix);
	u8 in[8 + NDP_ETH_ALEN + 1], key[16];
	u64 h;
	int i;

	memset(key, secret, sizeof(key));
	memcpy(in, ip.b, 8);
	memcpy(in + 8, t->mac, NDP_ETH_ALEN);
	in[8 + NDP_ETH_ALEN] = counter;
	h = ndp_siphash24(key, in, sizeof(in));
	for (i = 0; i < 8; i++)
		ip.b[8 + i] = (u8)(h >> (8 * i));
	return ip;
}

/* The link-local address: stable, not the MAC's, the secret's own. */
static void stable_linklocal(struct kunit *test)
{
	struct ndp_kt t, u, w;
	struct ndp_ip6 ll;

	stable_host(test, &t, 0x5a, true);
	ll = expected(&t, 0x5a, "fe80::", 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ll), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ndp_kt_ll), -1);

	stable_host(test, &u, 0x5a, true);	/* same secret and MAC */
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&u, &ll), NDP_ADDR_PREFERRED);
	stable_host(test, &w, 0x5b, true);	/* another secret */
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&w, &ll), -1);
	ll = expected(&w, 0x5b, "fe80::", 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&w, &ll), NDP_ADDR_PREFERRED);
}

/* SLAAC: each prefix its own identifier; an RA again finds the same one. */
static void stable_slaac_per_prefix(struct kunit *test)
{
	struct ndp_ip6 p1 = ndp_kt_ip(test, "2001:db8:1::");
	struct ndp_ip6 p2 = ndp_kt_ip(test, "2001:db8:2::");
	struct ndp_ip6 a1, a2, ips[8];
	struct ndp_addr_info ai;
	struct ndp_kt t;

	stable_host(test, &t, 0x5a, true);
	ndp_kt_handle(&t, ndp_kt_ra_pio(&t, &p1, 64, 600, 300));
	ndp_kt_handle(&t, ndp_kt_ra_pio(&t, &p2, 64, 600, 300));
	ndp_kt_run_until(&t, t.now + SEC(3));
	a1 = expected(&t, 0x5a, "2001:db8:1::", 0);
	a2 = expected(&t, 0x5a, "2001:db8:2::", 0);
	KUNIT_EXPECT_NE(test, memcmp(a1.b + 8, a2.b + 8, 8), 0);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &a1), NDP_ADDR_PREFERRED);
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &a2), NDP_ADDR_PREFERRED);

	ndp_kt_handle(&t, ndp_kt_ra_pio(&t, &p1, 64, 900, 300));
	KUNIT_ASSERT_TRUE(test, ndp_kt_addr_info(&t, &a1, &ai));
	KUNIT_EXPECT_GT(test, ai.valid_s, 600U);
	KUNIT_EXPECT_EQ(test, ndp_get_ip(t.ctx, ips, ARRAY_SIZE(ips)), 3);
}

/*
 * Someone has our tentative stable link-local address: a new identifier
 * (DAD_Counter 1) a second later, IP still on; after IDGEN_RETRIES
 * duplicates, no more.
 */
static void duplicate_makes_the_next(struct kunit *test)
{
	static const u8 other[NDP_ETH_ALEN] = { 0x02, 0xcc, 0, 0, 0, 9 };
	struct ndp_ip6 ll;
	struct ndp_params par;
	struct ndp_kt t;
	int i;

	stable_host(test, &t, 0x5a, false);
	for (i = 0; i <= NDP_IDGEN_RETRIES; i++) {
		ll = expected(&t, 0x5a, "fe80::", i);
		KUNIT_ASSERT_EQ_MSG(test, ndp_kt_addr_state(&t, &ll),
				    NDP_ADDR_TENTATIVE, "counter %d", i);
		ndp_kt_handle(&t, ndp_kt_na(&t, &ll, &ndp_all_nodes, &ll,
					    NDP_NA_FLAG_O, other));
		KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ll),
				NDP_ADDR_DUPLICATE);
		ndp_kt_run_until(&t, t.now + MSEC(1100));
		if (i < NDP_IDGEN_RETRIES) {
			KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ll), -1);
			KUNIT_EXPECT_EQ(test,
					ndp_stats(t.ctx)[NDP_STAT_IDGEN_RETRY],
					(u64)i + 1);
		}
	}
	/* the last stays a duplicate; no fifth identifier */
	KUNIT_EXPECT_EQ(test, ndp_kt_addr_state(&t, &ll), NDP_ADDR_DUPLICATE);
	KUNIT_EXPECT_EQ(test, ndp_stats(t.ctx)[NDP_STAT_IDGEN_GAVE_UP], 1ULL);
	KUNIT_EXPECT_EQ(test, ndp_stats(t.ctx)[NDP_STAT_IDGEN_RETRY],
			(u64)NDP_IDGEN_RETRIES);
	ndp_get_params(t.ctx, &par);
	KUNIT_EXPECT_FALSE(test, par.ip_disabled);
}

static struct kunit_case iid_cases[] = {
	KUNIT_CASE(siphash_reference_vectors),
	KUNIT_CASE(siphash_as_the_kernel),
	KUNIT_CASE(reserved_identifiers),
	KUNIT_CASE(stable_linklocal),
	KUNIT_CASE(stable_slaac_per_prefix),
	KUNIT_CASE(duplicate_makes_the_next),
	{}
};

static struct kunit_suite iid_suite = {
	.name = "ndpv6_iid",
	.test_cases = iid_cases,
};

kunit_test_suites(&iid_suite);
