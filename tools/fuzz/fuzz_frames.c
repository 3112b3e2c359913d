// SPDX-License-Identifier: GPL-2.0
/*
 * What the tools feed the core: a context filled through the public API
 * (fz_populate()) and the frames of FZ_OP_FRAME, built from a few
 * argument bytes (fz_build_frame()).
 */
#include <string.h>

#include "fuzz_common.h"

/* ---------------------------------------------------------- populate */

static void handle_icmp(struct fz *f, const struct ndp_ip6 *src,
			const struct ndp_ip6 *dst, const u8 *m, u32 n)
{
	u8 p[NF_MAX];
	u32 len = nf_icmp(p, src, dst, 255, m, n);

	fz_handle(f, p, len, len, 0);
}

void fz_populate(struct fz *f)
{
	const struct ndp_ip6 *ll = &fz_pool[FZ_P_OUR_LL];
	struct ndp_prefix pfx = { .addr = fz_pfx[2], .len = 64 };
	u8 m[NF_MAX], mac[NDP_ETH_ALEN];
	struct ndp_ip6 snm = nf_snm(ll);
	unsigned int i;
	u32 n;

	fz_run_until(f, f->now + 3 * NDP_NSEC_PER_SEC);
	fz_pre(f, "add_ip");
	ndp_add_ip(f->ctx, f->now, &fz_pool[FZ_P_OUR_GUA], 64, NDP_INFINITE,
		   NDP_INFINITE, f->out);
	fz_check_out(f);
	fz_pre(f, "add_routers");
	ndp_add_routers(f->ctx, f->now, &fz_pool[FZ_P_RTR], 1, 1800, f->out);
	fz_check_out(f);

	/* RA from fe80::2: SLLA, MTU, a SLAAC prefix and an on-link one */
	n = nf_ra(m, 64, 0, 1800, 0, 0);
	fz_nbr_mac(FZ_NNBR + 1, false, mac);
	n += nf_opt_lla(m + n, 1, mac);
	n += nf_opt_mtu(m + n, 1480);
	n += nf_opt_pio(m + n, &fz_pfx[1], 64, 0xc0, 86400, 14400);
	n += nf_opt_pio(m + n, &fz_pfx[6], 64, 0x80, 86400, 14400);
	handle_icmp(f, &fz_pool[FZ_P_RTR + 1], &fz_pool[FZ_P_ALLNODES], m, n);
	fz_run_until(f, f->now + 3 * NDP_NSEC_PER_SEC);

	fz_pre(f, "add_prefix");
	ndp_add_prefix(f->ctx, f->now, &pfx, 3600, f->out);
	fz_check_out(f);

	/* neighbours 0-3 by NS for our link-local: STALE */
	for (i = 0; i < 4; i++) {
		n = nf_ns(m, ll);
		fz_nbr_mac(i, false, mac);
		n += nf_opt_lla(m + n, 1, mac);
		handle_icmp(f, &fz_pool[FZ_P_NBR_LL + i], &snm, m, n);
	}
	/* 0-1 REACHABLE by a solicited NA */
	for (i = 0; i < 2; i++) {
		n = nf_na(m, 0x60, &fz_pool[FZ_P_NBR_LL + i]);
		fz_nbr_mac(i, false, mac);
		n += nf_opt_lla(m + n, 2, mac);
		handle_icmp(f, &fz_pool[FZ_P_NBR_LL + i], ll, m, n);
	}
	/* 4: INCOMPLETE, one packet waiting */
	fz_send(f, &fz_pool[FZ_P_NBR_LL + 4], NULL, 0, 16, false);
	fz_pre(f, "join_group");
	ndp_join_group(f->ctx, f->now, &fz_pool[FZ_P_MDNS], f->out);
	fz_check_out(f);
	f->now += NDP_NSEC_PER_MSEC;
	fz_check_tables(f);
}

/* ------------------------------------------------------ built frames */

/* Source by selector: neighbour LL, neighbour global, router, ::. */
static struct ndp_ip6 pick_src(u8 a, unsigned int *mac_idx)
{
	*mac_idx = a & 7;
	switch ((a >> 3) & 3) {
	case 0:
		return fz_pool[FZ_P_NBR_LL + (a & 7)];
	case 1:
		return fz_pool[FZ_P_NBR_GUA + (a & 7)];
	case 2:
		*mac_idx = FZ_NNBR + (a & 1);
		return fz_pool[FZ_P_RTR + (a & 1)];
	default:
		return fz_pool[FZ_P_UNSPEC];
	}
}

static u32 build_upper(u8 *p, const u8 *x)
{
	struct ndp_ip6 src = fz_pool[(x[0] & 8 ? FZ_P_NBR_GUA : FZ_P_NBR_LL) +
				     (x[0] & 7)];
	const struct ndp_ip6 *dst = &fz_pool[x[1] % FZ_NPOOL];
	u8 proto = x[2] & 1 ? NDP_NH_TCP : NDP_NH_UDP;
	u8 l4[64], ext[32];
	u32 n, e = 0;
	u8 first = proto;

	n = proto == NDP_NH_TCP ? nf_tcp_syn(l4, 40000, 80) :
				 nf_udp(l4, 40000, 53, x[4] & 31);
	switch ((x[2] >> 1) % 6) {
	case 1:
		first = NDP_NH_HOPOPTS;
		e = nf_ext_opts(ext, proto, 1, 4);
		break;
	case 2:
		first = NDP_NH_DSTOPTS;
		e = nf_ext_opts(ext, proto, x[3], 2);
		break;
	case 3:
		first = NDP_NH_ROUTING;
		e = nf_ext_routing(ext, proto, x[3] & 3, x[3] >> 7);
		break;
	case 4:
		first = NDP_NH_FRAGMENT;
		e = nf_ext_frag(ext, proto, x[4] & 7, x[3] & 1, 0x1234);
		break;
	case 5:
		first = NDP_NH_HOPOPTS;
		e = nf_ext_opts(ext, NDP_NH_DSTOPTS, 1, 4);
		e += nf_ext_opts(ext + e, NDP_NH_ROUTING, 1, 0);
		e += nf_ext_routing(ext + e, NDP_NH_FRAGMENT, 0, 0);
		e += nf_ext_frag(ext + e, proto, 0, x[3] & 1, 7);
		break;
	}
	return nf_packet(p, &src, dst, 64, first, ext, e, proto, l4, n);
}

static u32 build_ns(u8 *p, const u8 *x)
{
	struct ndp_ip6 src, dst, tgt;
	u8 m[NF_MAX], mac[NDP_ETH_ALEN];
	unsigned int mi;
	u8 nonce[6], hop;
	u32 n;

	src = pick_src(x[0], &mi);
	tgt = fz_pool[x[1] % FZ_NPOOL];
	dst = x[2] & 1 ? nf_snm(&tgt) : tgt;
	n = nf_ns(m, &tgt);
	if (x[2] & 2) {
		fz_nbr_mac(mi, x[2] & 4, mac);
		n += nf_opt_lla(m + n, 1, mac);
	}
	if (x[2] & 8) {
		memcpy(nonce, x + 3, 3);
		memcpy(nonce + 3, x + 3, 3);
		n += nf_opt_nonce(m + n, nonce);
	}
	if (x[2] & 16)
		n += nf_opt_raw(m + n, 200 + (x[3] & 7), 1 + (x[4] & 1));
	hop = x[2] & 64 ? 254 : 255;
	return nf_icmp(p, &src, &dst, hop, m, n);
}

static u32 build_na(u8 *p, const u8 *x)
{
	struct ndp_ip6 src, dst, tgt;
	u8 m[NF_MAX], mac[NDP_ETH_ALEN];
	unsigned int mi;
	u8 hop;
	u32 n;

	src = pick_src(x[0], &mi);
	if (((x[0] >> 3) & 3) == 3) {	/* our own, looped back */
		src = fz_pool[FZ_P_OUR_LL];
		mi = FZ_NNBR + FZ_NRTR;
	}
	tgt = x[2] & 1 ? fz_pool[x[3] % FZ_NPOOL] : src;
	n = nf_na(m, x[1] & 0xe0, &tgt);
	if (x[2] & 2) {
		if (mi == FZ_NNBR + FZ_NRTR)
			memcpy(mac, fz_mac, NDP_ETH_ALEN);
		else
			fz_nbr_mac(mi, x[2] & 4, mac);
		n += nf_opt_lla(m + n, 2, mac);
	}
	dst = fz_pool[x[2] & 8 ? FZ_P_ALLNODES :
		      x[2] & 16 ? FZ_P_OUR_GUA : FZ_P_OUR_LL];
	hop = x[2] & 64 ? 64 : 255;
	return nf_icmp(p, &src, &dst, hop, m, n);
}

/*
 * A Route Information option (RFC 4191 2.3): 1 to 4 units (4 is invalid)
 * whatever the prefix length, any Prf, a prefix of the pool.
 */
static u32 rio(u8 *o, const u8 *x)
{
	u8 units = ((x[1] >> 5) & 3) + 1;

	memset(o, 0, units * 8);
	o[0] = 24;
	o[1] = units;
	o[2] = x[5] & 0x80 ? fz_plen(x[5]) : x[5] & 0x40 ? 0 : 48;
	o[3] = x[1] & 0x18;
	ndp_put32(o + 4, fz_lifetime(x[5] >> 2));
	memcpy(o + 8, fz_pfx[(x[3] >> 2) & 7].b, min(units - 1, 2) * 8);
	return units * 8;
}

static u32 build_ra(u8 *p, const u8 *x)
{
	static const u16 rtr_lft[4] = { 0, 1800, 9000, 65535 };
	static const u32 reach[4] = { 0, 1000, 30000, 0xffffffff };
	static const u32 retrans[4] = { 0, 1, 1000, 0xffffffff };
	static const u32 mtus[4] = { 1280, 1500, 1279, 9000 };
	static const u8 pio_flags[4] = { 0xc0, 0x80, 0x40, 0x00 };
	struct ndp_ip6 src, dst;
	u8 m[NF_MAX], mac[NDP_ETH_ALEN];
	unsigned int mi, i;
	u8 nonce[6];
	u32 n;

	mi = FZ_NNBR + (x[0] & 1);
	src = fz_pool[FZ_P_RTR + (x[0] & 1)];
	if (x[0] & 2) {
		mi = (x[0] >> 5) & 7;
		src = fz_pool[FZ_P_NBR_LL + mi];
	}
	if (x[0] & 4)
		src = fz_pool[FZ_P_NBR_GUA];
	/* Prf (RFC 4191) from the hop limit's bits: 10 (reserved) too */
	n = nf_ra(m, x[1], (x[4] & 0xc0) | (x[1] & 0x18),
		  rtr_lft[(x[0] >> 3) & 3], reach[x[2] & 3],
		  retrans[(x[2] >> 2) & 3]);
	if (x[2] & 16) {
		fz_nbr_mac(mi, x[4] & 0x20, mac);
		n += nf_opt_lla(m + n, 1, mac);
	}
	if (x[2] & 32)
		n += nf_opt_mtu(m + n, mtus[(x[2] >> 6) & 3]);
	for (i = 0; i < (x[3] & 3u); i++) {
		u8 plen = x[5] & 0x80 ? fz_plen(x[5]) : 64;

		n += nf_opt_pio(m + n, &fz_pfx[((x[3] >> 2) + i) & 7],
				plen, pio_flags[(x[4] >> (2 * i)) & 3],
				fz_lifetime(x[5] + i),
				fz_lifetime((x[5] >> 4) + i));
	}
	if ((x[3] & 0x21) == 0x21)
		n += rio(m + n, x);
	else if (x[3] & 0x20)
		n += nf_opt_raw(m + n, 253, 2);
	if (x[3] & 0x40) {
		memset(nonce, x[1], sizeof(nonce));
		n += nf_opt_nonce(m + n, nonce);
	}
	if (x[3] & 0x80)
		n += nf_opt_raw(m + n, 25, 3);	/* RDNSS */
	dst = fz_pool[x[0] & 0x80 ? FZ_P_OUR_LL : FZ_P_ALLNODES];
	return nf_icmp(p, &src, &dst, 255, m, n);
}

static u32 build_echo(u8 *p, const u8 *x)
{
	struct ndp_ip6 src, dst;
	u8 m[NF_MAX];
	unsigned int mi;
	u32 n;

	src = pick_src(x[0], &mi);
	dst = fz_pool[x[1] % FZ_NPOOL];
	n = nf_echo(m, 128, 0x1234, x[2], (u32)x[3] * 4);
	return nf_icmp(p, &src, &dst, 64, m, n);
}

static u32 build_mld_query(u8 *p, const u8 *x)
{
	struct ndp_ip6 src, dst, grp, srcs[3];
	u8 m[NF_MAX], ext[8];
	unsigned int i;
	u8 hop;
	u32 n;

	switch (x[0] % 5) {
	case 0:
		grp = fz_pool[FZ_P_UNSPEC];
		break;
	case 1:
		grp = fz_pool[FZ_P_OUR_SNM];
		break;
	case 2:
		grp = fz_pool[FZ_P_MDNS];
		break;
	case 3:
		grp = fz_pool[FZ_P_ALLNODES];
		break;
	default:
		grp = fz_pool[x[1] % FZ_NPOOL];
		break;
	}
	for (i = 0; i < 3; i++)
		srcs[i] = fz_pool[FZ_P_NBR_LL + i];
	n = x[2] & 1 ? nf_mld2_query(m, (u16)x[3] << 4, &grp, srcs,
				     (x[2] >> 1) & 3) :
		       nf_mld1_query(m, (u16)x[3] * 40, &grp);
	src = x[2] & 8 ? fz_pool[FZ_P_UNSPEC] :
			 fz_pool[FZ_P_RTR + (x[0] & 1)];
	dst = x[2] & 16 && grp.b[0] == 0xff ? grp :
		fz_pool[FZ_P_ALLNODES];
	hop = x[2] & 32 ? 255 : 1;
	if (x[2] & 64)
		return nf_icmp(p, &src, &dst, hop, m, n);
	nf_hbh_ra(ext, NDP_NH_ICMPV6);
	return nf_packet(p, &src, &dst, hop, NDP_NH_HOPOPTS, ext, 8,
			 NDP_NH_ICMPV6, m, n);
}

static u32 build_redirect(u8 *p, const u8 *x)
{
	struct ndp_ip6 src, dst, tgt;
	u8 m[NF_MAX], mac[NDP_ETH_ALEN];
	u32 n;

	src = fz_pool[x[0] & 2 ? FZ_P_NBR_GUA : FZ_P_RTR + (x[0] & 1)];
	tgt = fz_pool[x[1] % FZ_NPOOL];
	dst = fz_pool[x[2] % FZ_NPOOL];
	n = nf_redirect(m, &tgt, &dst);
	if (x[3] & 1) {
		fz_nbr_mac(x[1] & 7, x[3] & 4, mac);
		n += nf_opt_lla(m + n, 2, mac);
	}
	if (x[3] & 2) {
		u8 q[128], l4[32];
		u32 ql = nf_udp(l4, 53, 40000, 4);

		ql = nf_packet(q, &fz_pool[FZ_P_OUR_GUA], &dst, 64,
			       NDP_NH_UDP, NULL, 0, NDP_NH_UDP, l4, ql);
		n += nf_opt_redir_hdr(m + n, q, ql);
	}
	return nf_icmp(p, &src, &fz_pool[FZ_P_OUR_LL], 255, m, n);
}

static u32 build_rs(u8 *p, const u8 *x)
{
	u8 m[NF_MAX], mac[NDP_ETH_ALEN];
	struct ndp_ip6 src;
	u32 n;

	src = x[0] & 1 ? fz_pool[FZ_P_UNSPEC] :
			 fz_pool[FZ_P_NBR_LL + ((x[0] >> 1) & 7)];
	n = nf_rs(m);
	if (x[1] & 1) {
		fz_nbr_mac((x[0] >> 1) & 7, false, mac);
		n += nf_opt_lla(m + n, 1, mac);
	}
	return nf_icmp(p, &src, &ndp_all_routers, 255, m, n);
}

static u32 build_icmp_error(u8 *p, const u8 *x)
{
	static const u8 types[4] = { 1, 2, 3, 4 };
	u8 m[NF_MAX], q[128], l4[32];
	struct ndp_ip6 src, dst;
	u32 ql;

	src = fz_pool[FZ_P_NBR_LL + (x[0] & 7)];
	dst = fz_pool[x[1] & 1 ? FZ_P_OUR_GUA : FZ_P_OUR_LL];
	ql = nf_udp(l4, 40000, 53, 4);
	ql = nf_packet(q, &dst, &src, 64, NDP_NH_UDP, NULL, 0,
		       NDP_NH_UDP, l4, ql);
	memset(m, 0, 8);
	m[0] = types[x[2] & 3];
	m[1] = x[3] & 7;
	if (m[0] == 2)
		ndp_put32(m + 4, 1280);
	memcpy(m + 8, q, ql);
	return nf_icmp(p, &src, &dst, 64, m, 8 + ql);
}

u32 fz_build_frame(u8 *p, u8 kind, const u8 *x)
{
	fz_world_init();
	switch (kind % FZ_F_MAX) {
	case FZ_F_NS:
		return build_ns(p, x);
	case FZ_F_NA:
		return build_na(p, x);
	case FZ_F_RA:
		return build_ra(p, x);
	case FZ_F_ECHO:
		return build_echo(p, x);
	case FZ_F_MLD_QUERY:
		return build_mld_query(p, x);
	case FZ_F_REDIRECT:
		return build_redirect(p, x);
	case FZ_F_RS:
		return build_rs(p, x);
	case FZ_F_UPPER:
		return build_upper(p, x);
	case FZ_F_ICMP_ERROR:
	default:
		return build_icmp_error(p, x);
	}
}
