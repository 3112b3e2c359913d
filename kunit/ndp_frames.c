// SPDX-License-Identifier: GPL-2.0
/*
 * Frame builders for the KUnit suites and the userspace tools: see
 * ndp_frames.h.  Only nf_pton() differs between the two builds.
 */
#ifdef __KERNEL__
#include <linux/inet.h>
#else
#include <arpa/inet.h>
#endif

#include "ndp_frames.h"

int nf_pton(const char *s, struct ndp_ip6 *a)
{
	memset(a, 0, sizeof(*a));
#ifdef __KERNEL__
	if (in6_pton(s, -1, a->b, -1, NULL) != 1)
		return -EINVAL;
#else
	if (inet_pton(AF_INET6, s, a->b) != 1)
		return -EINVAL;
#endif
	return 0;
}

struct ndp_ip6 nf_eui64(const struct ndp_ip6 *prefix, const u8 *mac)
{
	struct ndp_ip6 a = *prefix;

	a.b[8] = mac[0] ^ 0x02;
	a.b[9] = mac[1];
	a.b[10] = mac[2];
	a.b[11] = 0xff;
	a.b[12] = 0xfe;
	a.b[13] = mac[3];
	a.b[14] = mac[4];
	a.b[15] = mac[5];
	return a;
}

struct ndp_ip6 nf_snm(const struct ndp_ip6 *a)
{
	struct ndp_ip6 s;

	memset(&s, 0, sizeof(s));
	s.b[0] = 0xff;
	s.b[1] = 0x02;
	s.b[11] = 0x01;
	s.b[12] = 0xff;
	s.b[13] = a->b[13];
	s.b[14] = a->b[14];
	s.b[15] = a->b[15];
	return s;
}

static u32 sum16(u32 sum, const u8 *p, u32 len)
{
	u32 i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (u32)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (u32)p[len - 1] << 8;
	return sum;
}

u16 nf_l4_csum(const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
	       u8 proto, const u8 *l4, u32 len)
{
	u8 tail[8] = { 0 };
	u32 sum = 0;

	ndp_put32(tail, len);
	tail[7] = proto;
	sum = sum16(sum, src->b, 16);
	sum = sum16(sum, dst->b, 16);
	sum = sum16(sum, tail, 8);
	sum = sum16(sum, l4, len);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (u16)~sum;
}

u32 nf_packet(u8 *p, const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
	      u8 hop_limit, u8 first, const u8 *ext, u32 ext_len, u8 proto,
	      const u8 *l4, u32 l4_len)
{
	u8 *q = p + 40 + ext_len;
	int coff = -1;
	u16 c;

	memset(p, 0, 40);
	p[0] = 0x60;
	ndp_put16(p + 4, (u16)(ext_len + l4_len));
	p[6] = first;
	p[7] = hop_limit;
	memcpy(p + 8, src->b, 16);
	memcpy(p + 24, dst->b, 16);
	if (ext_len)
		memmove(p + 40, ext, ext_len);
	memmove(q, l4, l4_len);
	if (proto == NDP_NH_ICMPV6 && l4_len >= 4)
		coff = 2;
	else if (proto == NDP_NH_UDP && l4_len >= 8)
		coff = 6;
	else if (proto == NDP_NH_TCP && l4_len >= 20)
		coff = 16;
	if (coff >= 0) {
		q[coff] = 0;
		q[coff + 1] = 0;
		c = nf_l4_csum(src, dst, proto, q, l4_len);
		if (proto == NDP_NH_UDP && !c)
			c = 0xffff;
		ndp_put16(q + coff, c);
	}
	return 40 + ext_len + l4_len;
}

u32 nf_icmp(u8 *p, const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
	    u8 hop_limit, const u8 *icmp, u32 len)
{
	return nf_packet(p, src, dst, hop_limit, NDP_NH_ICMPV6, NULL, 0,
			 NDP_NH_ICMPV6, icmp, len);
}

u32 nf_ns(u8 *m, const struct ndp_ip6 *target)
{
	memset(m, 0, 24);
	m[0] = 135;
	memcpy(m + 8, target->b, 16);
	return 24;
}

u32 nf_na(u8 *m, u8 flags, const struct ndp_ip6 *target)
{
	memset(m, 0, 24);
	m[0] = 136;
	m[4] = flags;
	memcpy(m + 8, target->b, 16);
	return 24;
}

u32 nf_rs(u8 *m)
{
	memset(m, 0, 8);
	m[0] = 133;
	return 8;
}

u32 nf_ra(u8 *m, u8 hop_limit, u8 flags, u16 lifetime_s, u32 reachable_ms,
	  u32 retrans_ms)
{
	memset(m, 0, 16);
	m[0] = 134;
	m[4] = hop_limit;
	m[5] = flags;
	ndp_put16(m + 6, lifetime_s);
	ndp_put32(m + 8, reachable_ms);
	ndp_put32(m + 12, retrans_ms);
	return 16;
}

u32 nf_redirect(u8 *m, const struct ndp_ip6 *target,
		const struct ndp_ip6 *dst)
{
	memset(m, 0, 40);
	m[0] = 137;
	memcpy(m + 8, target->b, 16);
	memcpy(m + 24, dst->b, 16);
	return 40;
}

u32 nf_opt_lla(u8 *p, u8 type, const u8 *mac)
{
	p[0] = type;
	p[1] = 1;
	memcpy(p + 2, mac, 6);
	return 8;
}

u32 nf_opt_pio(u8 *p, const struct ndp_ip6 *prefix, u8 plen, u8 flags,
	       u32 valid_s, u32 preferred_s)
{
	memset(p, 0, 32);
	p[0] = 3;
	p[1] = 4;
	p[2] = plen;
	p[3] = flags;
	ndp_put32(p + 4, valid_s);
	ndp_put32(p + 8, preferred_s);
	memcpy(p + 16, prefix->b, 16);
	return 32;
}

u32 nf_opt_mtu(u8 *p, u32 mtu)
{
	memset(p, 0, 8);
	p[0] = 5;
	p[1] = 1;
	ndp_put32(p + 4, mtu);
	return 8;
}

u32 nf_opt_nonce(u8 *p, const u8 *nonce6)
{
	p[0] = 14;
	p[1] = 1;
	memcpy(p + 2, nonce6, 6);
	return 8;
}

u32 nf_opt_raw(u8 *p, u8 type, u8 units)
{
	memset(p, 0, (u32)units * 8);
	p[0] = type;
	p[1] = units;
	return (u32)units * 8;
}

u32 nf_opt_redir_hdr(u8 *p, const u8 *pkt, u32 len)
{
	u32 total = (8 + len + 7) & ~7U;

	memset(p, 0, total);
	p[0] = 4;
	p[1] = (u8)(total / 8);
	memcpy(p + 8, pkt, len);
	return total;
}

u32 nf_echo(u8 *m, u8 type, u16 id, u16 seq, u32 data_len)
{
	u32 i;

	memset(m, 0, 8);
	m[0] = type;
	ndp_put16(m + 4, id);
	ndp_put16(m + 6, seq);
	for (i = 0; i < data_len; i++)
		m[8 + i] = (u8)(0x20 + i % 64);
	return 8 + data_len;
}

u32 nf_mld1_query(u8 *m, u16 max_resp_ms, const struct ndp_ip6 *group)
{
	memset(m, 0, 24);
	m[0] = 130;
	ndp_put16(m + 4, max_resp_ms);
	memcpy(m + 8, group->b, 16);
	return 24;
}

u32 nf_mld2_query(u8 *m, u16 max_resp_code, const struct ndp_ip6 *group,
		  const struct ndp_ip6 *srcs, u16 nsrc)
{
	u16 i;

	memset(m, 0, 28);
	m[0] = 130;
	ndp_put16(m + 4, max_resp_code);
	memcpy(m + 8, group->b, 16);
	m[24] = 2;		/* S=0, QRV 2 */
	m[25] = 125;		/* QQIC */
	ndp_put16(m + 26, nsrc);
	for (i = 0; i < nsrc; i++)
		memcpy(m + 28 + 16 * i, srcs[i].b, 16);
	return 28 + 16 * (u32)nsrc;
}

u32 nf_hbh_ra(u8 *p, u8 nh)
{
	static const u8 hbh[8] = { 0, 0, 5, 2, 0, 0, 1, 0 };

	memcpy(p, hbh, sizeof(hbh));
	p[0] = nh;
	return 8;
}

u32 nf_ext_opts(u8 *p, u8 nh, u8 type, u8 len)
{
	memset(p, 0, 8);
	p[0] = nh;
	p[1] = 0;
	if (len > 4)
		len = 4;
	p[2] = type;
	p[3] = len;
	memset(p + 4, 0xa5, len);
	if (len < 3) {		/* PadN for the rest */
		p[4 + len] = 1;
		p[5 + len] = (u8)(2 - len);
	} else if (len == 3) {
		p[7] = 0;	/* Pad1 */
	}
	return 8;
}

u32 nf_ext_routing(u8 *p, u8 nh, u8 type, u8 segleft)
{
	memset(p, 0, 8);
	p[0] = nh;
	p[2] = type;
	p[3] = segleft;
	return 8;
}

u32 nf_ext_frag(u8 *p, u8 nh, u16 offset, bool more, u32 id)
{
	memset(p, 0, 8);
	p[0] = nh;
	ndp_put16(p + 2, (u16)(offset << 3 | (more ? 1 : 0)));
	ndp_put32(p + 4, id);
	return 8;
}

u32 nf_udp(u8 *l4, u16 sport, u16 dport, u32 data_len)
{
	u32 i;

	memset(l4, 0, 8);
	ndp_put16(l4, sport);
	ndp_put16(l4 + 2, dport);
	ndp_put16(l4 + 4, (u16)(8 + data_len));
	for (i = 0; i < data_len; i++)
		l4[8 + i] = (u8)('a' + i % 26);
	return 8 + data_len;
}

u32 nf_tcp_syn(u8 *l4, u16 sport, u16 dport)
{
	memset(l4, 0, 20);
	ndp_put16(l4, sport);
	ndp_put16(l4 + 2, dport);
	ndp_put32(l4 + 4, 0x01020304);
	l4[12] = 5 << 4;
	l4[13] = 0x02;		/* SYN */
	ndp_put16(l4 + 14, 64240);
	return 20;
}

u32 nf_mld_packet(u8 *p, const struct ndp_ip6 *src,
		  const struct ndp_ip6 *dst, const u8 *m, u32 len)
{
	u8 hbh[8];

	nf_hbh_ra(hbh, NDP_NH_ICMPV6);
	return nf_packet(p, src, dst, 1, NDP_NH_HOPOPTS, hbh, sizeof(hbh),
			 NDP_NH_ICMPV6, m, len);
}
