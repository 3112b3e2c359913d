// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: wire format.  Checksums, address helpers, ND option walk and
 * the builders of every frame the core emits.  Parsers never trust a length.
 */
#include "ndp_private.h"

/* ------------------------------------------------------------ checksum */

u32 ndp_csum_add(u32 sum, const void *data, u32 len)
{
	const u8 *p = data;
	u64 acc = 0;
	u32 w;

	/*
	 * Whole 32-bit words in the CPU's byte order (one load each): the
	 * ones'-complement sum does not care about byte order but for a
	 * final swap of its 16-bit result (RFC 1071 2B).
	 */
	while (len >= 4) {
		memcpy(&w, p, 4);
		acc += w;
		p += 4;
		len -= 4;
	}
	acc = (acc & 0xffffffff) + (acc >> 32);
	acc = (acc & 0xffffffff) + (acc >> 32);
	w = (u32)acc;
	w = (w & 0xffff) + (w >> 16);
	w = (w & 0xffff) + (w >> 16);
	acc = (u64)sum + ndp_sum16_to_be(w);
	if (len >= 2) {
		acc += ndp_get16(p);
		p += 2;
		len -= 2;
	}
	if (len)
		acc += (u32)p[0] << 8;
	acc = (acc & 0xffffffff) + (acc >> 32);
	acc = (acc & 0xffffffff) + (acc >> 32);
	return (u32)acc;
}

u16 ndp_csum_fold(u32 sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (u16)~sum;
}

/**
 * ndp_checksum() - Mirage's checksum: the Internet checksum (RFC 1071).
 * @pseudo: the pseudo-header (RFC 8200 8.1), @pseudo_len bytes
 * @pseudo_len: its length
 * @bufs: the message, in @nbufs buffers of any length
 * @nbufs: how many
 *
 * After an odd total so far, the next buffer's bytes sit in the low half of
 * their 16-bit words: the sum of byte-swapped words is the swapped sum.
 *
 * Return: the checksum as a number: its high byte goes first on the wire;
 * 0 over a message that carries its right checksum.
 */
u16 ndp_checksum(const void *pseudo, u32 pseudo_len,
		 const struct ndp_buf *bufs, int nbufs)
{
	u32 sum = ndp_csum_add(0, pseudo, pseudo_len);
	bool odd = pseudo_len & 1;
	u64 acc = sum;
	u32 part;
	int i;

	for (i = 0; i < nbufs; i++) {
		part = ndp_csum_add(0, bufs[i].p, bufs[i].len);
		if (odd) {
			part = (part & 0xffff) + (part >> 16);
			part = (part & 0xffff) + (part >> 16);
			part = ((part & 0xff) << 8) | (part >> 8);
		}
		acc += part;
		odd ^= bufs[i].len & 1;
	}
	acc = (acc & 0xffffffff) + (acc >> 32);
	acc = (acc & 0xffffffff) + (acc >> 32);
	return ndp_csum_fold((u32)acc);
}

/* Add 8-byte words in the CPU's byte order, with end-around carry. */
static u64 sum64(u64 acc, const u8 *p, u32 words)
{
	u64 w;

	while (words--) {
		memcpy(&w, p, 8);
		acc += w;
		acc += acc < w;
		p += 8;
	}
	return acc;
}

/*
 * The pseudo-header and the message are summed as one stream of 8-byte
 * words in the CPU's byte order (the pseudo-header is 40 bytes, so the
 * message starts on a word boundary; its last partial word is padded with
 * zeros), folded, and swapped once into network order (RFC 1071 2B).
 */
u16 ndp_icmp_csum(const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
		  const u8 *icmp, u32 len)
{
	u8 tail[8] = { 0 };
	u64 acc;
	u32 s;

	acc = sum64(0, src->b, 2);
	acc = sum64(acc, dst->b, 2);
	ndp_put32(tail, len);
	tail[7] = NDP_NH_ICMPV6;
	acc = sum64(acc, tail, 1);
	acc = sum64(acc, icmp, len / 8);
	if (len % 8) {
		memset(tail, 0, sizeof(tail));
		memcpy(tail, icmp + (len & ~7U), len % 8);
		acc = sum64(acc, tail, 1);
	}
	s = (u32)(acc & 0xffffffff);
	s += (u32)(acc >> 32);
	s += s < (u32)(acc >> 32);
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return (u16)~ndp_sum16_to_be(s);
}

/* ------------------------------------------------------------ addresses */

/**
 * ndp_ipaddr_of_cstruct() - Mirage's Ipaddr.of_cstruct: read an address.
 * @buf: 16 bytes, network order
 * @ip: filled in
 */
void ndp_ipaddr_of_cstruct(const u8 *buf, struct ndp_ip6 *ip)
{
	memcpy(ip->b, buf, 16);
}

/**
 * ndp_ipaddr_to_cstruct_raw() - Mirage's Ipaddr.to_cstruct_raw: write one.
 * @ip: the address
 * @buf: the buffer
 * @off: where in @buf the 16 bytes go
 */
void ndp_ipaddr_to_cstruct_raw(const struct ndp_ip6 *ip, u8 *buf, u32 off)
{
	memcpy(buf + off, ip->b, 16);
}

bool ndp_prefix_match(const struct ndp_ip6 *a, const struct ndp_ip6 *b,
		      unsigned int plen)
{
	unsigned int bytes = plen / 8, bits = plen % 8;

	if (plen > 128)
		return false;
	if (memcmp(a->b, b->b, bytes))
		return false;
	if (!bits)
		return true;
	return !((a->b[bytes] ^ b->b[bytes]) & (0xff00 >> bits));
}

unsigned int ndp_common_prefix_len(const struct ndp_ip6 *a,
				   const struct ndp_ip6 *b)
{
	unsigned int i, n = 0;
	u8 x;

	for (i = 0; i < 16; i++) {
		x = a->b[i] ^ b->b[i];
		if (x) {
			while (!(x & 0x80)) {
				x <<= 1;
				n++;
			}
			return n;
		}
		n += 8;
	}
	return n;
}

/* ------------------------------------------------------------ builders */

void ndp_write_eth(const struct ndp_ctx *ctx, u8 *frame, const u8 *dst_mac)
{
	memcpy(frame, dst_mac, NDP_ETH_ALEN);
	memcpy(frame + NDP_ETH_ALEN, ctx->mac, NDP_ETH_ALEN);
	frame[12] = 0x86;
	frame[13] = 0xdd;
}

void ndp_write_ip6(u8 *ip6, const struct ndp_ip6 *src,
		   const struct ndp_ip6 *dst, u8 nh, u8 hop_limit,
		   u16 payload_len)
{
	ip6[0] = 0x60;
	ip6[1] = 0;
	ip6[2] = 0;
	ip6[3] = 0;
	ndp_put16(ip6 + 4, payload_len);
	ip6[6] = nh;
	ip6[7] = hop_limit;
	memcpy(ip6 + 8, src->b, 16);
	memcpy(ip6 + 24, dst->b, 16);
}

void ndp_finish_icmp(const struct ndp_ctx *ctx, u8 *f, const u8 *dst_mac,
		     const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
		     u8 hop_limit, u32 len)
{
	u8 *icmp = f + NDP_ETH_HLEN + NDP_IP6_HLEN;

	ndp_write_eth(ctx, f, dst_mac);
	ndp_write_ip6(f + NDP_ETH_HLEN, src, dst, NDP_NH_ICMPV6, hop_limit,
		      (u16)len);
	icmp[2] = 0;
	icmp[3] = 0;
	ndp_put16(icmp + 2, ndp_icmp_csum(src, dst, icmp, len));
}

static bool emit(struct ndp_ctx *ctx, struct ndp_out *out, const u8 *dst_mac,
		 const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
		 u8 hop_limit, const u8 *body, u32 len, bool router_alert)
{
	/* Hop-by-Hop: next header, length 0, Router Alert (MLD), PadN */
	static const u8 hbh_ra[8] = { NDP_NH_ICMPV6, 0, 5, 2, 0, 0, 1, 0 };
	u32 ext = router_alert ? sizeof(hbh_ra) : 0;
	u8 *f, *icmp;

	if (len < 4 || ext + len > 0xffff)
		return false;
	f = ndp_out_frame(out, NDP_ETH_HLEN + NDP_IP6_HLEN + ext + len);
	if (!f) {
		ndp_count(ctx, NDP_STAT_TX_OUT_FULL);
		return false;
	}
	icmp = f + NDP_ETH_HLEN + NDP_IP6_HLEN + ext;
	memcpy(icmp, body, len);
	if (!router_alert) {
		ndp_finish_icmp(ctx, f, dst_mac, src, dst, hop_limit, len);
		return true;
	}
	ndp_write_eth(ctx, f, dst_mac);
	ndp_write_ip6(f + NDP_ETH_HLEN, src, dst, NDP_NH_HOPOPTS, hop_limit,
		      (u16)(ext + len));
	memcpy(f + NDP_ETH_HLEN + NDP_IP6_HLEN, hbh_ra, ext);
	icmp[2] = 0;
	icmp[3] = 0;
	ndp_put16(icmp + 2, ndp_icmp_csum(src, dst, icmp, len));
	return true;
}

bool ndp_emit_icmp(struct ndp_ctx *ctx, struct ndp_out *out,
		   const u8 *dst_mac, const struct ndp_ip6 *src,
		   const struct ndp_ip6 *dst, u8 hop_limit,
		   const u8 *body, u32 len)
{
	return emit(ctx, out, dst_mac, src, dst, hop_limit, body, len, false);
}

bool ndp_emit_icmp_ra(struct ndp_ctx *ctx, struct ndp_out *out,
		      const u8 *dst_mac, const struct ndp_ip6 *src,
		      const struct ndp_ip6 *dst, const u8 *body, u32 len)
{
	return emit(ctx, out, dst_mac, src, dst, 1, body, len, true);
}

bool ndp_send_ns(struct ndp_ctx *ctx, struct ndp_out *out,
		 const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
		 const u8 *dst_mac, const struct ndp_ip6 *target,
		 const u8 *nonce)
{
	u8 body[24 + 8 + 8] = { NDP_ICMP_NS };
	u32 len = 24;

	memcpy(body + 8, target->b, 16);
	if (src) {
		/* SLLA: never with an unspecified source (7.2.2) */
		body[len] = NDP_OPT_SLLA;
		body[len + 1] = 1;
		memcpy(body + len + 2, ctx->mac, NDP_ETH_ALEN);
		len += 8;
	}
	if (nonce) {
		body[len] = NDP_OPT_NONCE;
		body[len + 1] = 1;
		memcpy(body + len + 2, nonce, NDP_NONCE_LEN);
		len += 8;
	}
	return ndp_emit_icmp(ctx, out, dst_mac, src ? src : &ndp_unspecified,
			     dst, 255, body, len);
}

bool ndp_send_na(struct ndp_ctx *ctx, struct ndp_out *out,
		 const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
		 const u8 *dst_mac, const struct ndp_ip6 *target, u8 flags)
{
	u8 body[24 + 8] = { NDP_ICMP_NA };

	body[4] = flags;
	memcpy(body + 8, target->b, 16);
	body[24] = NDP_OPT_TLLA;
	body[25] = 1;
	memcpy(body + 26, ctx->mac, NDP_ETH_ALEN);
	return ndp_emit_icmp(ctx, out, dst_mac, src, dst, 255, body,
			     sizeof(body));
}

/* ------------------------------------------------------------ options */

int ndp_opts_parse(struct ndp_ctx *ctx, const u8 *p, u32 len,
		   struct ndp_opts *o)
{
	enum ndp_stat bad = NDP_STAT_MAX;
	u32 olen;

	memset(o, 0, sizeof(*o));
	while (len) {
		if (len < 2) {
			bad = NDP_STAT_ND_OPT_OVERRUN;
			break;
		}
		olen = (u32)p[1] * 8;
		if (!olen) {
			bad = NDP_STAT_ND_OPT_ZERO_LEN;
			break;
		}
		if (olen > len) {
			bad = NDP_STAT_ND_OPT_OVERRUN;
			break;
		}
		switch (p[0]) {
		case NDP_OPT_SLLA:
		case NDP_OPT_TLLA:
			/* Ethernet: exactly one 8-byte unit (RFC 2464 8) */
			if (olen != 8) {
				bad = NDP_STAT_ND_OPT_BAD;
				break;
			}
			if (p[0] == NDP_OPT_SLLA && !o->slla)
				o->slla = p + 2;
			else if (p[0] == NDP_OPT_TLLA && !o->tlla)
				o->tlla = p + 2;
			else	/* the first counts, as in Linux */
				ndp_count(ctx, NDP_STAT_ND_OPT_DUPLICATE);
			break;
		case NDP_OPT_PIO:
			/*
			 * A longer one is taken (its first 32 bytes: room
			 * for extensions, RFC 4861 4.6), a shorter one is
			 * skipped, the rest of the message kept: Linux's
			 * addrconf_prefix_rcv() does both.
			 */
			if (olen < 32) {
				ndp_count(ctx, NDP_STAT_ND_OPT_SHORT);
				break;
			}
			o->n_pio++;
			break;
		case NDP_OPT_MTU:
			/* any length: one unit holds it, more is extension */
			if (o->mtu)
				ndp_count(ctx, NDP_STAT_ND_OPT_DUPLICATE);
			else
				o->mtu = p;
			break;
		case NDP_OPT_NONCE:
			if (o->nonce) {
				ndp_count(ctx, NDP_STAT_ND_OPT_DUPLICATE);
				break;
			}
			o->nonce = p + 2;
			o->nonce_len = (u8)min(olen - 2, 255U);
			break;
		default:
			/* unknown options are skipped (RFC 4861 4.6) */
			break;
		}
		if (bad != NDP_STAT_MAX)
			break;
		p += olen;
		len -= olen;
	}
	if (bad != NDP_STAT_MAX) {
		ndp_count(ctx, bad);
		return bad;
	}
	return 0;
}
