/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixture of the router suites, rtr_test.c (router solicitation, RA
 * processing) and rtr_lists_test.c (the prefix and default router lists,
 * static entries, next hop): Router Advertisements built option by option
 * and fed to the core, for the other suites too.
 */
#ifndef _NDP_KUNIT_RTR_H
#define _NDP_KUNIT_RTR_H

#include "ndp_kunit.h"

/* Link-layer addresses of two routers. */
extern const u8 rtr1_mac[NDP_ETH_ALEN];
extern const u8 rtr2_mac[NDP_ETH_ALEN];

struct kt_ra {
	u8 m[160];
	u32 len;
};

/* An RA in @r with these header fields, then options appended one by one. */
void ra_begin(struct kt_ra *r, u8 hop_limit, u16 lifetime_s,
	      u32 reachable_ms, u32 retrans_ms);
void ra_slla(struct kt_ra *r, const u8 *mac);
void ra_mtu(struct kt_ra *r, u32 mtu);
void ra_pio(struct kt_ra *r, const struct ndp_ip6 *pfx, u8 plen, u8 flags,
	    u32 valid_s, u32 preferred_s);
/* The RA's Default Router Preference: @prf the 2 wire bits (RFC 4191). */
void ra_prf(struct kt_ra *r, u8 prf);
/*
 * A Route Information option (RFC 4191 2.3) of @units 8-byte units: the
 * first (@units - 1) * 8 bytes of @pfx, Prf bits @prf, @lifetime_s.
 */
void ra_rio(struct kt_ra *r, const struct ndp_ip6 *pfx, u8 plen, u8 units,
	    u8 prf, u32 lifetime_s);

/* The RA from @src to ff02::1 into the fixture's buffer: its IPv6 length. */
u32 ra_build(struct ndp_kt *t, const struct kt_ra *r,
	     const struct ndp_ip6 *src);

/* Feed the RA from @src to ff02::1; it must be consumed, not dropped. */
void ra_send(struct ndp_kt *t, struct kt_ra *r,
	     const struct ndp_ip6 *src);

/*
 * An RA with room for 2000 bytes of options of any kind, test-allocated:
 * header hop limit 64, Router Lifetime 1800 s; rawra_opt() appends an
 * option of @type, @units * 8 bytes, its body @fill, and returns where it
 * begins in the ICMPv6 message; rawra_send() feeds it from fe80::1 with
 * @hop_limit (must be 255 to be valid).
 */
#define KT_RAWRA_MAX	2000
struct kt_rawra {
	u8 m[KT_RAWRA_MAX];
	u32 len;
};

struct kt_rawra *rawra_new(struct kunit *test);
u32 rawra_opt(struct kt_rawra *r, u8 type, u8 units, u8 fill);
void rawra_send(struct ndp_kt *t, struct kt_rawra *r, u8 hop_limit);

/* A plain RA: @lifetime_s, no options. */
void ra_simple(struct ndp_kt *t, const struct ndp_ip6 *src,
	       u16 lifetime_s, const u8 *slla);

#endif
