// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6_harness: the test harness's own suite.  It proves that the module's
 * objects link into the test build and that a KUnit failure reaches
 * `make check`.
 */

#include <kunit/test.h>
#include <linux/in6.h>
#include <net/ip6_checksum.h>

#include <ndpv6.h>

/* The core's defaults are a valid configuration of a sane size. */
static void config_default_sized(struct kunit *test)
{
	struct ndp_config cfg;
	size_t size, bigger;

	ndp_config_default(&cfg);
	KUNIT_EXPECT_EQ(test, cfg.link_mtu, 1500U);
	KUNIT_EXPECT_GE(test, cfg.max_nbrs, 1);

	size = ndp_ctx_size(&cfg);
	KUNIT_EXPECT_GT(test, size, (size_t)0);
	KUNIT_EXPECT_LT(test, size, (size_t)(4 << 20));

	cfg.max_nbrs *= 2;
	bigger = ndp_ctx_size(&cfg);
	KUNIT_EXPECT_GT(test, bigger, size);

	cfg.max_addrs = 0;
	KUNIT_EXPECT_EQ(test, ndp_ctx_size(&cfg), (size_t)0);
}

/*
 * RFC 1071 section 3: 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2, so the
 * checksum (its complement) is 0x220d, whether the bytes come as the pseudo
 * header alone or split between it and a buffer.
 */
static void checksum_rfc1071(struct kunit *test)
{
	static const u8 data[] = { 0x00, 0x01, 0xf2, 0x03,
				   0xf4, 0xf5, 0xf6, 0xf7 };
	struct ndp_buf tail = { .p = data + 4, .len = 4 };

	KUNIT_EXPECT_EQ(test, ndp_checksum(data, sizeof(data), NULL, 0),
			0x220d);
	KUNIT_EXPECT_EQ(test, ndp_checksum(data, 4, &tail, 1), 0x220d);
}

/*
 * An ICMPv6 echo request with an odd length: the core's checksum agrees
 * with the kernel's csum_ipv6_magic(), and a message carrying it sums to 0.
 */
static void checksum_matches_kernel(struct kunit *test)
{
	struct in6_addr src = { .s6_addr = { 0xfe, 0x80, [15] = 1 } };
	struct in6_addr dst = { .s6_addr = { 0xfe, 0x80, [15] = 2 } };
	u8 icmp[21] = { 128, 0, 0, 0, 0x12, 0x34, 0x00, 0x01,
			'n', 'd', 'p', 'v', '6', ' ', 'h', 'a', 'r', 'n',
			'e', 's', 's' };
	struct ndp_buf body = { .p = icmp, .len = sizeof(icmp) };
	u8 pseudo[40] = { 0 };
	__sum16 kernel;
	u16 ours;

	memcpy(pseudo, &src, 16);
	memcpy(pseudo + 16, &dst, 16);
	pseudo[35] = sizeof(icmp);
	pseudo[39] = IPPROTO_ICMPV6;

	kernel = csum_ipv6_magic(&src, &dst, sizeof(icmp), IPPROTO_ICMPV6,
				 csum_partial(icmp, sizeof(icmp), 0));
	ours = ndp_checksum(pseudo, sizeof(pseudo), &body, 1);
	KUNIT_EXPECT_EQ(test, ours, be16_to_cpu((__force __be16)kernel));

	icmp[2] = ours >> 8;
	icmp[3] = ours & 0xff;
	KUNIT_EXPECT_EQ(test, ndp_checksum(pseudo, sizeof(pseudo), &body, 1),
			0);
}

static struct kunit_case ndpv6_harness_cases[] = {
	KUNIT_CASE(config_default_sized),
	KUNIT_CASE(checksum_rfc1071),
	KUNIT_CASE(checksum_matches_kernel),
	{}
};

static struct kunit_suite ndpv6_harness_suite = {
	.name = "ndpv6_harness",
	.test_cases = ndpv6_harness_cases,
};

kunit_test_suites(&ndpv6_harness_suite);
