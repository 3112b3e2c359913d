// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: interface identifiers of the link-local and SLAAC addresses:
 * modified EUI-64 (RFC 4291 app. A), or stable and opaque (RFC 7217) from
 * SipHash-2-4 keyed with the interface's secret.  The choice and the
 * retries after a duplicate: Documentation/ndpv6/core.rst, "Interface
 * identifiers".
 */
#include "ndp_private.h"

/* Modified EUI-64 interface identifier (RFC 4291 app. A, RFC 2464 4). */
void ndp_eui64_iid(const u8 *mac, u8 *iid)
{
	iid[0] = mac[0] ^ 0x02;
	iid[1] = mac[1];
	iid[2] = mac[2];
	iid[3] = 0xff;
	iid[4] = 0xfe;
	iid[5] = mac[3];
	iid[6] = mac[4];
	iid[7] = mac[5];
}

static u64 get_le64(const u8 *p)
{
	u64 v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static u64 sip_rol(u64 v, unsigned int n)
{
	return v << n | v >> (64 - n);
}

static void sip_round(u64 *v)
{
	v[0] += v[1];
	v[1] = sip_rol(v[1], 13) ^ v[0];
	v[0] = sip_rol(v[0], 32);
	v[2] += v[3];
	v[3] = sip_rol(v[3], 16) ^ v[2];
	v[0] += v[3];
	v[3] = sip_rol(v[3], 21) ^ v[0];
	v[2] += v[1];
	v[1] = sip_rol(v[1], 17) ^ v[2];
	v[2] = sip_rol(v[2], 32);
}

/**
 * ndp_siphash24() - SipHash-2-4 of @len bytes at @data under @key.
 * @key: 16 bytes
 * @data: the message
 * @len: its length
 *
 * A keyed pseudorandom function (Aumasson and Bernstein, 2012): RFC 7217's
 * F() here, whose output an observer cannot predict without the key.
 *
 * Return: the 64-bit hash (the reference's byte order, little-endian).
 */
u64 ndp_siphash24(const u8 key[16], const u8 *data, u32 len)
{
	u64 k0 = get_le64(key), k1 = get_le64(key + 8);
	u64 v[4] = { k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL,
		     k0 ^ 0x6c7967656e657261ULL, k1 ^ 0x7465646279746573ULL };
	u64 m, last = (u64)len << 56;
	u32 i;

	for (i = 0; i + 8 <= len; i += 8) {
		m = get_le64(data + i);
		v[3] ^= m;
		sip_round(v);
		sip_round(v);
		v[0] ^= m;
	}
	for (; i < len; i++)
		last |= (u64)data[i] << (8 * (i & 7));
	v[3] ^= last;
	sip_round(v);
	sip_round(v);
	v[0] ^= last;
	v[2] ^= 0xff;
	for (i = 0; i < 4; i++)
		sip_round(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

/*
 * RFC 5453 reserved interface identifiers (with RFC 7136's reading): the
 * Subnet-Router anycast (all zero), the proxy-MIP range
 * 0200:5EFF:FE00:0000-5212, the subnet anycast FDFF:FFFF:FFFF:FF80-FFFF.
 */
bool ndp_iid_reserved(const u8 *iid)
{
	static const u8 zero[8], pmip[5] = { 0x02, 0x00, 0x5e, 0xff, 0xfe },
			 any[7] = { 0xfd, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	if (!memcmp(iid, zero, 8))
		return true;
	if (!memcmp(iid, pmip, 5) && (iid[5] < 0x52 ||
				      (iid[5] == 0x52 && iid[6] < 0x12) ||
				      (iid[5] == 0x52 && iid[6] == 0x12 &&
				       iid[7] == 0)))
		return true;
	return !memcmp(iid, any, 7) && iid[7] >= 0x80;
}

/**
 * ndp_iid_make() - the interface identifier of an address in a /64.
 * @ctx: the context (its MAC, cfg.addr_gen, its secret)
 * @ip: the prefix in its first 8 bytes; the identifier goes in the last 8
 * @dad_counter: RFC 7217's DAD_Counter, raised past reserved identifiers
 *
 * Stable privacy: F(Prefix, Net_Iface, DAD_Counter, secret_key) with the
 * MAC as Net_Iface and no Network_ID (RFC 7217 5).
 *
 * Return: true if the identifier is the stable kind (it may then be made
 * again with the next @dad_counter after a duplicate).
 */
bool ndp_iid_make(const struct ndp_ctx *ctx, struct ndp_ip6 *ip,
		  u8 *dad_counter)
{
	u8 in[8 + NDP_ETH_ALEN + 1];
	u64 h;
	int i;

	if (ctx->cfg.addr_gen != NDP_ADDR_GEN_STABLE_PRIVACY) {
		ndp_eui64_iid(ctx->mac, ip->b + 8);
		return false;
	}
	memcpy(in, ip->b, 8);
	memcpy(in + 8, ctx->mac, NDP_ETH_ALEN);
	do {
		in[8 + NDP_ETH_ALEN] = *dad_counter;
		h = ndp_siphash24(ctx->stable_secret, in, sizeof(in));
		for (i = 0; i < 8; i++)
			ip->b[8 + i] = (u8)(h >> (8 * i));
	} while (ndp_iid_reserved(ip->b + 8) && ++*dad_counter);
	return true;
}
