// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture of the router suites: see ndp_kunit_rtr.h.
 */
#include "ndp_kunit_rtr.h"

const u8 rtr1_mac[NDP_ETH_ALEN] = { 0x02, 0xaa, 0, 0, 0, 0x01 };
const u8 rtr2_mac[NDP_ETH_ALEN] = { 0x02, 0xaa, 0, 0, 0, 0x02 };

void ra_begin(struct kt_ra *r, u8 hop_limit, u16 lifetime_s,
	      u32 reachable_ms, u32 retrans_ms)
{
	r->len = nf_ra(r->m, hop_limit, 0, lifetime_s, reachable_ms,
		       retrans_ms);
}

void ra_slla(struct kt_ra *r, const u8 *mac)
{
	r->len += nf_opt_lla(r->m + r->len, NDP_OPT_SLLA, mac);
}

void ra_mtu(struct kt_ra *r, u32 mtu)
{
	r->len += nf_opt_mtu(r->m + r->len, mtu);
}

void ra_pio(struct kt_ra *r, const struct ndp_ip6 *pfx, u8 plen, u8 flags,
	    u32 valid_s, u32 preferred_s)
{
	r->len += nf_opt_pio(r->m + r->len, pfx, plen, flags, valid_s,
			     preferred_s);
}

void ra_prf(struct kt_ra *r, u8 prf)
{
	r->m[5] = (r->m[5] & ~(NDP_PRF_MASK << NDP_PRF_SHIFT)) |
		  (prf & NDP_PRF_MASK) << NDP_PRF_SHIFT;
}

void ra_rio(struct kt_ra *r, const struct ndp_ip6 *pfx, u8 plen, u8 units,
	    u8 prf, u32 lifetime_s)
{
	u8 *o = r->m + r->len;

	memset(o, 0, units * 8);
	o[0] = NDP_OPT_RIO;
	o[1] = units;
	o[2] = plen;
	o[3] = (prf & NDP_PRF_MASK) << NDP_PRF_SHIFT;
	ndp_put32(o + 4, lifetime_s);
	if (units > 1)
		memcpy(o + 8, pfx->b, min_t(u32, (units - 1) * 8, 16));
	r->len += units * 8;
}

u32 ra_build(struct ndp_kt *t, const struct kt_ra *r,
	     const struct ndp_ip6 *src)
{
	return ndp_kt_build_icmp(t, src, &ndp_all_nodes, 255, r->m, r->len);
}

void ra_send(struct ndp_kt *t, struct kt_ra *r,
	     const struct ndp_ip6 *src)
{
	ndp_kt_handle(t, ra_build(t, r, src));
	KUNIT_EXPECT_EQ(t->test, t->out->n_done, 1U);
	KUNIT_EXPECT_PTR_EQ(t->test, t->out->done[0].handle, (void *)t);
	KUNIT_EXPECT_EQ(t->test, t->out->done[0].reason, NDP_DONE_CONSUMED);
	KUNIT_EXPECT_EQ(t->test, ndp_kt_stat_delta(t, NDP_STAT_RX_ND), 1ULL);
}

void ra_simple(struct ndp_kt *t, const struct ndp_ip6 *src,
	       u16 lifetime_s, const u8 *slla)
{
	struct kt_ra r;

	ra_begin(&r, 0, lifetime_s, 0, 0);
	if (slla)
		ra_slla(&r, slla);
	ra_send(t, &r, src);
}

struct kt_rawra *rawra_new(struct kunit *test)
{
	struct kt_rawra *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	r->len = nf_ra(r->m, 64, 0, 1800, 0, 0);
	return r;
}

u32 rawra_opt(struct kt_rawra *r, u8 type, u8 units, u8 fill)
{
	u8 *o = r->m + r->len;

	memset(o, fill, units * 8);
	o[0] = type;
	o[1] = units;
	r->len += units * 8;
	return (u32)(o - r->m);
}

void rawra_send(struct ndp_kt *t, struct kt_rawra *r, u8 hop_limit)
{
	struct ndp_ip6 src = ndp_kt_ip(t->test, "fe80::1");

	ndp_kt_handle(t, ndp_kt_build_icmp(t, &src, &ndp_all_nodes, hop_limit,
					   r->m, r->len));
}
