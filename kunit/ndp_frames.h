/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Frame builders shared by the KUnit suites (built into the test module)
 * and the userspace tools (fuzz targets, corpus generator, replay,
 * benchmarks): one portable file, compiled in both worlds as the core is.
 * Independent of the core's own builders and checksum on purpose: a
 * checksum or layout bug in wire.c must not hide itself by being used on
 * both sides (only the byte accessors, ndp_get16() & co, are the core's).
 *
 * Every packet builder writes an IPv6 packet (no Ethernet header) into @p
 * and returns its length; the caller gives at least NF_MAX bytes.
 */
#ifndef _NDP_FRAMES_H
#define _NDP_FRAMES_H

#include "../module/core/ndp_private.h"	/* NDP_NH_*, types, string.h */

#define NF_MAX		2048

/* Text "fe80::1" -> @a; 0, or -EINVAL on a bad string. */
int nf_pton(const char *s, struct ndp_ip6 *a);
/* Modified EUI-64 interface identifier of @mac under @prefix (/64). */
struct ndp_ip6 nf_eui64(const struct ndp_ip6 *prefix, const u8 *mac);
/* ff02::1:ffXX:XXXX of @a. */
struct ndp_ip6 nf_snm(const struct ndp_ip6 *a);

/* Ones'-complement sum over the pseudo-header and @len bytes at @l4. */
u16 nf_l4_csum(const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
	       u8 proto, const u8 *l4, u32 len);

/*
 * IPv6 header, then @ext (@ext_len bytes of extension headers, already
 * chained: the last one's Next Header must be @proto), then @l4.  @first is
 * the IPv6 Next Header (@proto when @ext_len is 0).  The ICMPv6, UDP or TCP
 * checksum is filled in.
 */
u32 nf_packet(u8 *p, const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
	      u8 hop_limit, u8 first, const u8 *ext, u32 ext_len, u8 proto,
	      const u8 *l4, u32 l4_len);
/* Plain IPv6 + ICMPv6. */
u32 nf_icmp(u8 *p, const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
	    u8 hop_limit, const u8 *icmp, u32 len);

/* ND message bodies; options are appended by the nf_opt_* helpers. */
u32 nf_ns(u8 *m, const struct ndp_ip6 *target);
u32 nf_na(u8 *m, u8 flags, const struct ndp_ip6 *target);
u32 nf_rs(u8 *m);
u32 nf_ra(u8 *m, u8 hop_limit, u8 flags, u16 lifetime_s, u32 reachable_ms,
	  u32 retrans_ms);
u32 nf_redirect(u8 *m, const struct ndp_ip6 *target,
		const struct ndp_ip6 *dst);
u32 nf_opt_lla(u8 *p, u8 type, const u8 *mac);
u32 nf_opt_pio(u8 *p, const struct ndp_ip6 *prefix, u8 plen, u8 flags,
	       u32 valid_s, u32 preferred_s);
u32 nf_opt_mtu(u8 *p, u32 mtu);
u32 nf_opt_nonce(u8 *p, const u8 *nonce6);
/* An option of @type with @units * 8 bytes of zeroed body. */
u32 nf_opt_raw(u8 *p, u8 type, u8 units);
/* Redirected Header option quoting @len bytes of @pkt (padded). */
u32 nf_opt_redir_hdr(u8 *p, const u8 *pkt, u32 len);

/* Echo request/reply body with @data_len bytes of pattern. */
u32 nf_echo(u8 *m, u8 type, u16 id, u16 seq, u32 data_len);
/* MLDv1 Query (24 bytes) / MLDv2 Query with @nsrc sources. */
u32 nf_mld1_query(u8 *m, u16 max_resp_ms, const struct ndp_ip6 *group);
u32 nf_mld2_query(u8 *m, u16 max_resp_code, const struct ndp_ip6 *group,
		  const struct ndp_ip6 *srcs, u16 nsrc);
/* Hop-by-Hop header with a Router Alert (MLD), 8 bytes, next @nh. */
u32 nf_hbh_ra(u8 *p, u8 nh);

/*
 * Extension headers (8 bytes each), next header @nh.  nf_ext_opts: a
 * Hop-by-Hop or Destination Options header with one option @type of
 * @len (<= 4) data bytes, padded; nf_ext_routing: type @type, @segleft;
 * nf_ext_frag: offset in 8-byte units, M flag, identification.
 */
u32 nf_ext_opts(u8 *p, u8 nh, u8 type, u8 len);
u32 nf_ext_routing(u8 *p, u8 nh, u8 type, u8 segleft);
u32 nf_ext_frag(u8 *p, u8 nh, u16 offset, bool more, u32 id);

/* UDP / TCP SYN with a small payload. */
u32 nf_udp(u8 *l4, u16 sport, u16 dport, u32 data_len);
u32 nf_tcp_syn(u8 *l4, u16 sport, u16 dport);

/* MLD packets carry a Hop-by-Hop Router Alert and hop limit 1. */
u32 nf_mld_packet(u8 *p, const struct ndp_ip6 *src,
		  const struct ndp_ip6 *dst, const u8 *m, u32 len);

#endif /* _NDP_FRAMES_H */
