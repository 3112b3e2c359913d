// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ndpv6_dns: DNS servers and search domains (RFC 8106), the
 * captive portal (RFC 8910) and NAT64 prefixes (RFC 8781) from RAs
 * (module/core/dns.c): kept with their lifetimes, withdrawn by a lifetime
 * of 0, expired, a malformed option ignored whole, the table bounded.
 */
#include "ndp_kunit_rtr.h"

/* An RDNSS option: servers 2001:db8::53:<i>, @first to @first + @n - 1. */
static void rdnss(struct kt_rawra *r, int first, int n, u32 lifetime_s)
{
	u32 at = rawra_opt(r, NDP_OPT_RDNSS, 1 + 2 * n, 0);
	int i;

	ndp_put32(r->m + at + 4, lifetime_s);
	for (i = 0; i < n; i++) {
		u8 *a = r->m + at + 8 + 16 * i;

		a[0] = 0x20;
		a[1] = 0x01;
		a[2] = 0x0d;
		a[3] = 0xb8;
		a[13] = 0x53;
		a[15] = first + i;
	}
}

/* A DNSSL option of @wire (names in DNS form, @len bytes), @lifetime_s. */
static void dnssl(struct kt_rawra *r, const char *wire, u32 len,
		  u32 lifetime_s)
{
	u32 at = rawra_opt(r, NDP_OPT_DNSSL, 1 + (len + 7) / 8, 0);

	ndp_put32(r->m + at + 4, lifetime_s);
	memcpy(r->m + at + 8, wire, len);
}

static struct ndp_ip6 server(int i)
{
	struct ndp_ip6 ip = { .b = { 0x20, 0x01, 0x0d, 0xb8 } };

	ip.b[13] = 0x53;
	ip.b[15] = i;
	return ip;
}

/* Server @i or domain @name is in the table, with @lft seconds left. */
static bool has_dns(struct ndp_kt *t, u8 kind, int i, const char *name,
		    u32 *lft)
{
	struct ndp_ip6 ip = server(i);
	struct ndp_dns_info di;
	u32 pos = 0;

	while (ndp_dns_next(t->ctx, t->now, &pos, &di)) {
		if (di.kind != kind)
			continue;
		if (kind == NDP_DNS_SERVER ? !ndp_ip6_eq(&di.server, &ip) :
					     strcmp(di.name, name))
			continue;
		if (lft)
			*lft = di.lifetime_s;
		return true;
	}
	return false;
}

static u32 dns_count(struct ndp_kt *t)
{
	struct ndp_dns_info di;
	u32 pos = 0, n = 0;

	while (ndp_dns_next(t->ctx, t->now, &pos, &di))
		n++;
	return n;
}

static const char two_domains[] = "\007example\003org\000\003lan\000";

static void servers_and_domains_kept(struct kunit *test)
{
	struct kt_rawra *r;
	struct ndp_kt t;
	u32 lft = 0;

	ndp_kt_init_host(test, &t, 0);
	r = rawra_new(test);
	rdnss(r, 0, 2, 600);
	dnssl(r, two_domains, sizeof(two_domains) - 1, 300);
	rawra_send(&t, r, 255);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	KUNIT_EXPECT_EQ(test, dns_count(&t), 4U);
	KUNIT_EXPECT_TRUE(test, has_dns(&t, NDP_DNS_SERVER, 0, NULL, &lft));
	KUNIT_EXPECT_EQ(test, lft, 600U);
	KUNIT_EXPECT_TRUE(test, has_dns(&t, NDP_DNS_SERVER, 1, NULL, NULL));
	KUNIT_EXPECT_TRUE(test, has_dns(&t, NDP_DNS_DOMAIN, 0, "example.org",
					&lft));
	KUNIT_EXPECT_EQ(test, lft, 300U);
	KUNIT_EXPECT_TRUE(test, has_dns(&t, NDP_DNS_DOMAIN, 0, "lan", NULL));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(&t, NDP_NOTE_DNS), 4U);
	KUNIT_EXPECT_LE(test, ndp_next_deadline(t.ctx), t.now + SEC(300));

	/* the same again: lifetimes refreshed, no note */
	t.now += SEC(100);
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(&t, NDP_NOTE_DNS), 0U);
	KUNIT_EXPECT_TRUE(test, has_dns(&t, NDP_DNS_DOMAIN, 0, "lan", &lft));
	KUNIT_EXPECT_EQ(test, lft, 300U);
}

static void withdrawn_and_expired(struct kunit *test)
{
	struct kt_rawra *r;
	struct ndp_kt t;
	s64 t0;

	ndp_kt_init_host(test, &t, 0);
	r = rawra_new(test);
	rdnss(r, 0, 2, 600);
	dnssl(r, two_domains, sizeof(two_domains) - 1, 30);
	rawra_send(&t, r, 255);
	t0 = t.now;

	r = rawra_new(test);
	rdnss(r, 0, 1, 0);			/* server 0 withdrawn */
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_FALSE(test, has_dns(&t, NDP_DNS_SERVER, 0, NULL, NULL));
	KUNIT_EXPECT_TRUE(test, has_dns(&t, NDP_DNS_SERVER, 1, NULL, NULL));
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(&t, NDP_NOTE_DNS), 1U);

	ndp_kt_run_until(&t, t0 + SEC(31));
	KUNIT_EXPECT_EQ(test, dns_count(&t), 1U);
	KUNIT_EXPECT_EQ(test, ndp_stats(t.ctx)[NDP_STAT_DNS_EXPIRED], 2ULL);
}

/* Malformed: counted, nothing of the option kept; the RA still counts. */
static void malformed_ignored_whole(struct kunit *test)
{
	static const struct {
		const char *wire;
		u32 len;
	} bad[] = {
		{ "\040abc", 4 },			/* label past the end */
		{ "\007exa mle\003org\000", 13 },	/* a space */
		{ "\100aaaa", 5 },			/* label over 63 */
		{ "\003lan\000\000\001", 7 },		/* padding not zero */
	};
	struct ndp_ip6 rtr = ndp_kt_ip(test, "fe80::1");
	struct kt_rawra *r;
	struct ndp_kt t;
	u32 i;

	ndp_kt_init_host(test, &t, 0);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		r = rawra_new(test);
		dnssl(r, "\002ok\000", 4, 60);	/* a good one before */
		dnssl(r, bad[i].wire, bad[i].len, 60);
		rawra_send(&t, r, 255);
		KUNIT_EXPECT_EQ_MSG(test,
				    ndp_kt_stat_delta(&t, NDP_STAT_DNSSL_INVALID),
				    1ULL, "case %u", i);
	}
	KUNIT_EXPECT_EQ(test, dns_count(&t), 1U);	/* "ok" only */
	r = rawra_new(test);
	rawra_opt(r, NDP_OPT_RDNSS, 2, 0);	/* even length: invalid */
	rawra_send(&t, r, 255);
	ndp_kt_expect_only(&t, NDP_STAT_RDNSS_INVALID);
	KUNIT_EXPECT_TRUE(test, ndp_kt_has_router(&t, &rtr));
}

/* 16 entries at most; one expiring sooner makes way for a longer one. */
static void table_bounded(struct kunit *test)
{
	struct kt_rawra *r;
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 0);
	r = rawra_new(test);
	rdnss(r, 0, 20, 60);
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_EQ(test, dns_count(&t), (u32)NDP_MAX_DNS);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DNS_TABLE_FULL),
			4ULL);
	r = rawra_new(test);
	dnssl(r, "\003lan\000", 5, 600);
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DNS_DISPLACED),
			0ULL);		/* another kind: no place taken */
	KUNIT_EXPECT_FALSE(test, has_dns(&t, NDP_DNS_DOMAIN, 0, "lan", NULL));
	r = rawra_new(test);
	rdnss(r, 16, 1, 600);		/* server 16, longer-lived */
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_TRUE(test, has_dns(&t, NDP_DNS_SERVER, 16, NULL, NULL));
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_DNS_DISPLACED),
			1ULL);
	KUNIT_EXPECT_EQ(test, dns_count(&t), (u32)NDP_MAX_DNS);
}

/* accept_ra off: the core keeps none (the options still go up raw). */
static void none_with_accept_ra_off(struct kunit *test)
{
	struct kt_rawra *r;
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 0);
	ndp_set_accept_ra(t.ctx, false);
	r = rawra_new(test);
	rdnss(r, 0, 1, 600);
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_EQ(test, dns_count(&t), 0U);
	KUNIT_EXPECT_EQ(test, t.out->n_useropts, 1U);
}

/* A captive portal option with @uri, zero-padded. */
static void portal(struct kt_rawra *r, const char *uri)
{
	u32 len = strlen(uri), at;

	at = rawra_opt(r, NDP_OPT_CAPTIVE_PORTAL, (2 + len + 7) / 8, 0);
	memcpy(r->m + at + 2, uri, len);
}

/* A PREF64 option: 64:ff9b:<b4>::/@plc's length, @scaled * 8 s. */
static void pref64(struct kt_rawra *r, u16 scaled, u8 plc, u8 b4)
{
	u32 at = rawra_opt(r, NDP_OPT_PREF64, 2, 0);

	ndp_put16(r->m + at + 2, (u16)(scaled << 3 | plc));
	r->m[at + 5] = 0x64;
	r->m[at + 6] = 0xff;
	r->m[at + 7] = 0x9b;
	r->m[at + 8] = b4;
}

/* The entry of @kind; false if none. */
static bool dns_of(struct ndp_kt *t, u8 kind, struct ndp_dns_info *di)
{
	u32 pos = 0;

	while (ndp_dns_next(t->ctx, t->now, &pos, di))
		if (di->kind == kind)
			return true;
	return false;
}

/*
 * RFC 8910's URI lives with the router (a new one replaces it, Router
 * Lifetime 0 withdraws it); RFC 8781's prefix with its own lifetime.
 */
static void captive_portal_and_pref64(struct kunit *test)
{
	static const char uri[] = "https://portal.example/api";
	struct ndp_ip6 nat64 = ndp_kt_ip(test, "64:ff9b::");
	struct ndp_dns_info di;
	struct kt_rawra *r;
	struct ndp_kt t;

	ndp_kt_init_host(test, &t, 0);
	r = rawra_new(test);
	portal(r, uri);
	pref64(r, 75, 0, 0);
	rawra_send(&t, r, 255);
	ndp_kt_expect_only(&t, NDP_STAT_MAX);
	KUNIT_ASSERT_TRUE(test, dns_of(&t, NDP_DNS_CAPTIVE_PORTAL, &di));
	KUNIT_EXPECT_STREQ(test, di.name, uri);
	KUNIT_EXPECT_EQ(test, di.lifetime_s, 1800U);
	KUNIT_ASSERT_TRUE(test, dns_of(&t, NDP_DNS_PREF64, &di));
	KUNIT_EXPECT_TRUE(test, ndp_ip6_eq(&di.server, &nat64));
	KUNIT_EXPECT_EQ(test, di.plen, 96);
	KUNIT_EXPECT_EQ(test, di.lifetime_s, 600U);

	r = rawra_new(test);
	portal(r, "https://other.example/");
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_EQ(test, ndp_kt_count_notes(&t, NDP_NOTE_DNS), 1U);
	KUNIT_ASSERT_TRUE(test, dns_of(&t, NDP_DNS_CAPTIVE_PORTAL, &di));
	KUNIT_EXPECT_STREQ(test, di.name, "https://other.example/");
	KUNIT_EXPECT_EQ(test, dns_count(&t), 2U);

	r = rawra_new(test);
	ndp_put16(r->m + 6, 0);		/* Router Lifetime 0 */
	portal(r, "https://other.example/");
	pref64(r, 0, 0, 0);		/* lifetime 0: withdrawn */
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_EQ(test, dns_count(&t), 0U);
}

/* Each kind's malformed option, counted and ignored. */
static void portal_pref64_malformed(struct kunit *test)
{
	struct kt_rawra *r;
	struct ndp_kt t;
	u32 at;

	ndp_kt_init_host(test, &t, 0);
	r = rawra_new(test);
	pref64(r, 75, 6, 0);		/* no such Prefix Length Code */
	at = rawra_opt(r, NDP_OPT_PREF64, 3, 0);	/* 24 bytes */
	r->m[at + 2] = 0x02;
	portal(r, "https://a b/");	/* a space */
	at = rawra_opt(r, NDP_OPT_CAPTIVE_PORTAL, 1, 0);	/* empty */
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_EQ(test, ndp_kt_stat_delta(&t, NDP_STAT_PREF64_INVALID),
			2ULL);
	KUNIT_EXPECT_EQ(test,
			ndp_kt_stat_delta(&t, NDP_STAT_CAPTIVE_PORTAL_INVALID),
			2ULL);
	KUNIT_EXPECT_EQ(test, dns_count(&t), 0U);

	r = rawra_new(test);
	pref64(r, 75, 5, 0xaa);		/* a /32: the bits past it cleared */
	rawra_send(&t, r, 255);
	KUNIT_EXPECT_EQ(test, dns_count(&t), 1U);
	KUNIT_EXPECT_EQ(test, t.ctx->dns[0].server.b[4], 0);
	KUNIT_EXPECT_EQ(test, t.ctx->dns[0].plen, 32);
}

static struct kunit_case dns_cases[] = {
	KUNIT_CASE(servers_and_domains_kept),
	KUNIT_CASE(withdrawn_and_expired),
	KUNIT_CASE(malformed_ignored_whole),
	KUNIT_CASE(table_bounded),
	KUNIT_CASE(none_with_accept_ra_off),
	KUNIT_CASE(captive_portal_and_pref64),
	KUNIT_CASE(portal_pref64_malformed),
	{}
};

static struct kunit_suite dns_suite = {
	.name = "ndpv6_dns",
	.test_cases = dns_cases,
};

kunit_test_suites(&dns_suite);
