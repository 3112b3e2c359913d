// SPDX-License-Identifier: GPL-2.0
/*
 * Writes the seed corpus of both fuzz targets and the replay test's pcap,
 * so that every committed file can be regenerated (make fuzz-corpus):
 *
 *   gen_corpus --handle DIR --ops DIR --pcap FILE
 *
 * The fuzz_handle seeds are IPv6 packets addressed to the context of
 * fz_populate() (checksums correct, so they also pass a build that
 * verifies them); the fuzz_ops seeds are operation sequences (enum fz_op);
 * the pcap is a short Ethernet capture for tools/replay.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static const char *handle_dir, *ops_dir;
static unsigned int n_written;

static void write_file(const char *dir, const char *name, const u8 *p,
		       u32 len)
{
	char path[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "wb");
	if (!fp || fwrite(p, 1, len, fp) != len || fclose(fp)) {
		perror(path);
		exit(1);
	}
	n_written++;
}

#define P(i)	(&fz_pool[i])

static u8 m[NF_MAX], pkt[NF_MAX], mac[6];

static void seed(const char *name, u32 len)
{
	write_file(handle_dir, name, pkt, len);
}

static u32 icmp(const struct ndp_ip6 *src, const struct ndp_ip6 *dst,
		u8 hop, u32 n)
{
	return nf_icmp(pkt, src, dst, hop, m, n);
}

/* ------------------------------------------------- fuzz_handle seeds */

static u32 ra_full(void)
{
	static const u8 nonce[6] = { 1, 2, 3, 4, 5, 6 };
	u32 n;

	n = nf_ra(m, 64, 0xc0, 1800, 30000, 1000);
	fz_nbr_mac(FZ_NNBR + 1, false, mac);
	n += nf_opt_lla(m + n, 1, mac);
	n += nf_opt_mtu(m + n, 1400);
	n += nf_opt_pio(m + n, &fz_pfx[1], 64, 0xc0, 86400, 14400);
	n += nf_opt_pio(m + n, &fz_pfx[3], 64, 0xc0, 3600, 1800);
	n += nf_opt_pio(m + n, &fz_pfx[6], 48, 0x80, 7200, 3600);
	n += nf_opt_pio(m + n, &fz_pfx[4], 64, 0x40, 7200, 3600);
	n += nf_opt_raw(m + n, 253, 2);
	n += nf_opt_nonce(m + n, nonce);
	n += nf_opt_raw(m + n, 25, 3);
	return n;
}

static void nd_seeds(void)
{
	struct ndp_ip6 snm_ll = nf_snm(P(FZ_P_OUR_LL));
	struct ndp_ip6 snm_gua = nf_snm(P(FZ_P_OUR_GUA));
	static const u8 nonce[6] = { 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };
	u32 n;

	/* NS */
	n = nf_ns(m, P(FZ_P_OUR_LL));
	fz_nbr_mac(5, false, mac);
	n += nf_opt_lla(m + n, 1, mac);
	seed("ns_ll_snm", icmp(P(FZ_P_NBR_LL + 5), &snm_ll, 255, n));
	n = nf_ns(m, P(FZ_P_OUR_LL));
	fz_nbr_mac(0, false, mac);
	n += nf_opt_lla(m + n, 1, mac);
	seed("ns_unicast_nud", icmp(P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 255, n));
	n = nf_ns(m, P(FZ_P_OUR_GUA));
	fz_nbr_mac(1, false, mac);
	n += nf_opt_lla(m + n, 1, mac);
	seed("ns_gua", icmp(P(FZ_P_NBR_GUA + 1), &snm_gua, 255, n));
	n = nf_ns(m, P(FZ_P_OUR_GUA));
	n += nf_opt_nonce(m + n, nonce);
	seed("ns_dad_for_ours", icmp(P(FZ_P_UNSPEC), &snm_gua, 255, n));
	n = nf_ns(m, P(28));
	seed("ns_not_ours", icmp(P(FZ_P_NBR_LL + 2), &snm_ll, 255, n));
	n = nf_ns(m, P(FZ_P_OUR_LL));
	n += nf_opt_raw(m + n, 200, 1);
	seed("ns_unknown_opt", icmp(P(FZ_P_NBR_LL + 3), &snm_ll, 255, n));

	/* NA */
	n = nf_na(m, 0x60, P(FZ_P_NBR_LL + 4));
	fz_nbr_mac(4, false, mac);
	n += nf_opt_lla(m + n, 2, mac);
	seed("na_solicited_incomplete",
	     icmp(P(FZ_P_NBR_LL + 4), P(FZ_P_OUR_LL), 255, n));
	n = nf_na(m, 0x20, P(FZ_P_NBR_LL));
	fz_nbr_mac(0, true, mac);
	n += nf_opt_lla(m + n, 2, mac);
	seed("na_unsolicited_override",
	     icmp(P(FZ_P_NBR_LL), P(FZ_P_ALLNODES), 255, n));
	n = nf_na(m, 0x40, P(FZ_P_RTR + 1));
	seed("na_router_r0", icmp(P(FZ_P_RTR + 1), P(FZ_P_OUR_LL), 255, n));
	n = nf_na(m, 0xe0, P(FZ_P_RTR));
	fz_nbr_mac(FZ_NNBR, false, mac);
	n += nf_opt_lla(m + n, 2, mac);
	seed("na_router_r1", icmp(P(FZ_P_RTR), P(FZ_P_OUR_LL), 255, n));
	n = nf_na(m, 0x20, P(FZ_P_OUR_GUA));
	seed("na_for_our_address",
	     icmp(P(FZ_P_NBR_LL + 6), P(FZ_P_ALLNODES), 255, n));
}

static void router_seeds(void)
{
	struct ndp_ip6 offlink = fz_ip("2001:db8:99::7");
	struct ndp_ip6 rtr3 = fz_ip("fe80::3");
	u8 l4[256], q[128];
	u32 n, l;

	/* RS, RA, Redirect */
	n = nf_rs(m);
	fz_nbr_mac(2, false, mac);
	n += nf_opt_lla(m + n, 1, mac);
	seed("rs", icmp(P(FZ_P_NBR_LL + 2), P(FZ_P_ALLNODES), 255, n));
	n = ra_full();
	seed("ra_all_options", icmp(P(FZ_P_RTR + 1), P(FZ_P_ALLNODES), 255,
				    n));
	n = nf_ra(m, 0, 0, 0, 0, 0);
	seed("ra_lifetime0", icmp(P(FZ_P_RTR), P(FZ_P_ALLNODES), 255, n));
	n = nf_ra(m, 64, 0, 600, 0, 0);
	fz_nbr_mac(7, false, mac);
	n += nf_opt_lla(m + n, 1, mac);
	n += nf_opt_pio(m + n, &fz_pfx[3], 64, 0xc0, NDP_INFINITE,
			NDP_INFINITE);
	seed("ra_new_router", icmp(&rtr3, P(FZ_P_ALLNODES), 255, n));
	n = nf_redirect(m, P(FZ_P_NBR_LL), &offlink);
	fz_nbr_mac(0, false, mac);
	n += nf_opt_lla(m + n, 2, mac);
	l = nf_udp(l4, 40000, 53, 8);
	l = nf_packet(q, P(FZ_P_OUR_SLAAC), &offlink, 64, NDP_NH_UDP, NULL, 0,
		      NDP_NH_UDP, l4, l);
	n += nf_opt_redir_hdr(m + n, q, l);
	seed("redirect", icmp(P(FZ_P_RTR + 1), P(FZ_P_OUR_LL), 255, n));
}

static void mld_echo_seeds(void)
{
	struct ndp_ip6 snm_ll = nf_snm(P(FZ_P_OUR_LL));
	struct ndp_ip6 offlink = fz_ip("2001:db8:99::7");
	struct ndp_ip6 srcs[2] = { *P(FZ_P_NBR_LL), *P(FZ_P_NBR_LL + 1) };
	u32 n;

	/* MLD queries (Hop-by-Hop Router Alert, hop limit 1) */
	n = nf_mld1_query(m, 10000, P(FZ_P_UNSPEC));
	seed("mld1_query", nf_mld_packet(pkt, P(FZ_P_RTR), P(FZ_P_ALLNODES),
					 m, n));
	n = nf_mld2_query(m, 10000, P(FZ_P_UNSPEC), NULL, 0);
	seed("mld2_query_general",
	     nf_mld_packet(pkt, P(FZ_P_RTR), P(FZ_P_ALLNODES), m, n));
	n = nf_mld2_query(m, 1000, &snm_ll, srcs, 2);
	seed("mld2_query_specific",
	     nf_mld_packet(pkt, P(FZ_P_RTR), &snm_ll, m, n));

	/* echo */
	n = nf_echo(m, 128, 0x4242, 1, 56);
	seed("echo_ll", icmp(P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64, n));
	seed("echo_gua", icmp(P(FZ_P_NBR_GUA + 2), P(FZ_P_OUR_GUA), 64, n));
	seed("echo_mcast", icmp(P(FZ_P_NBR_LL + 1), P(FZ_P_ALLNODES), 64, n));
	seed("echo_offlink", icmp(&offlink, P(FZ_P_OUR_SLAAC), 60, n));
	n = nf_echo(m, 128, 1, 2, 1200);
	seed("echo_big", icmp(P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64, n));
}

static void ext_seeds(void)
{
	struct ndp_ip6 snm_ll = nf_snm(P(FZ_P_OUR_LL));
	u8 ext[64], l4[256];
	u32 n, e, l;

	/* extension headers */
	n = nf_echo(m, 128, 7, 7, 8);
	e = nf_ext_opts(ext, NDP_NH_ICMPV6, 1, 4);
	seed("hbh_echo", nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64,
				   NDP_NH_HOPOPTS, ext, e, NDP_NH_ICMPV6, m,
				   n));
	e = nf_ext_routing(ext, NDP_NH_ICMPV6, 0, 0);
	seed("routing_sl0_echo",
	     nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64,
		       NDP_NH_ROUTING, ext, e, NDP_NH_ICMPV6, m, n));
	l = nf_udp(l4, 5353, 5353, 16);
	e = nf_ext_opts(ext, NDP_NH_UDP, 0x1e, 2);
	seed("dstopts_skip_udp",
	     nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64,
		       NDP_NH_DSTOPTS, ext, e, NDP_NH_UDP, l4, l));
	e = nf_ext_opts(ext, NDP_NH_UDP, 0x9e, 2);
	seed("dstopts_paramprob",
	     nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64,
		       NDP_NH_DSTOPTS, ext, e, NDP_NH_UDP, l4, l));
	e = nf_ext_opts(ext, NDP_NH_UDP, 0x5e, 2);
	seed("dstopts_discard",
	     nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64,
		       NDP_NH_DSTOPTS, ext, e, NDP_NH_UDP, l4, l));
	e = nf_ext_routing(ext, NDP_NH_UDP, 2, 1);
	seed("routing_sl1", nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL),
				      64, NDP_NH_ROUTING, ext, e, NDP_NH_UDP,
				      l4, l));
	e = nf_ext_frag(ext, NDP_NH_UDP, 0, true, 0x11);
	seed("frag_first_udp",
	     nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64,
		       NDP_NH_FRAGMENT, ext, e, NDP_NH_UDP, l4, l));
	e = nf_ext_frag(ext, NDP_NH_UDP, 185, false, 0x11);
	seed("frag_last", nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64,
				    NDP_NH_FRAGMENT, ext, e, NDP_NH_UDP, l4,
				    l));
	n = nf_ns(m, P(FZ_P_OUR_LL));
	e = nf_ext_frag(ext, NDP_NH_ICMPV6, 0, true, 0x12);
	seed("frag_ns_rfc6980",
	     nf_packet(pkt, P(FZ_P_NBR_LL), &snm_ll, 255, NDP_NH_FRAGMENT,
		       ext, e, NDP_NH_ICMPV6, m, n));
	e = nf_ext_opts(ext, NDP_NH_DSTOPTS, 1, 4);
	e += nf_ext_opts(ext + e, NDP_NH_ROUTING, 1, 0);
	e += nf_ext_routing(ext + e, NDP_NH_FRAGMENT, 0, 0);
	e += nf_ext_frag(ext + e, NDP_NH_UDP, 0, false, 0x13);
	seed("ext_chain_udp", nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL),
					64, NDP_NH_HOPOPTS, ext, e, NDP_NH_UDP,
					l4, l));
	e = nf_ext_opts(ext, NDP_NH_HOPOPTS, 1, 0);
	e += nf_ext_opts(ext + e, NDP_NH_UDP, 1, 0);
	seed("hbh_not_first", nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL),
					64, NDP_NH_DSTOPTS, ext, e, NDP_NH_UDP,
					l4, l));
}

static void upper_seeds(void)
{
	u8 l4[256], q[128];
	u32 l;

	/* upper layers */
	l = nf_tcp_syn(l4, 40000, 22);
	seed("tcp_syn", nf_packet(pkt, P(FZ_P_NBR_GUA), P(FZ_P_OUR_GUA), 64,
				  NDP_NH_TCP, NULL, 0, NDP_NH_TCP, l4, l));
	l = nf_udp(l4, 40000, 53, 32);
	seed("udp_ll", nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64,
				 NDP_NH_UDP, NULL, 0, NDP_NH_UDP, l4, l));
	seed("udp_mdns_group",
	     nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_MDNS), 255, NDP_NH_UDP,
		       NULL, 0, NDP_NH_UDP, l4, l));
	seed("no_next_header",
	     nf_packet(pkt, P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64, NDP_NH_NONE,
		       NULL, 0, NDP_NH_NONE, NULL, 0));

	/* ICMPv6 error about a packet of ours; an unknown type */
	l = nf_udp(l4, 40000, 53, 8);
	l = nf_packet(q, P(FZ_P_OUR_LL), P(FZ_P_NBR_LL + 3), 64, NDP_NH_UDP,
		      NULL, 0, NDP_NH_UDP, l4, l);
	memset(m, 0, 8);
	m[0] = 1;
	m[1] = 4;
	memcpy(m + 8, q, l);
	seed("icmp_dst_unreach", icmp(P(FZ_P_NBR_LL + 3), P(FZ_P_OUR_LL),
				      64, 8 + l));
	memset(m, 0, 8);
	m[0] = 200;
	seed("icmp_unknown_type", icmp(P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64,
				       8));
}

static void handle_seeds(void)
{
	nd_seeds();
	router_seeds();
	mld_echo_seeds();
	ext_seeds();
	upper_seeds();
}

/* --------------------------------------------------- fuzz_ops seeds */

struct ob {
	u8 b[4096];
	u32 n;
};

static void ob_bytes(struct ob *o, const u8 *p, u32 n)
{
	if (o->n + n > sizeof(o->b))
		abort();
	memcpy(o->b + o->n, p, n);
	o->n += n;
}

static void ob_u8(struct ob *o, u8 v)
{
	ob_bytes(o, &v, 1);
}

static void ob_u16(struct ob *o, u16 v)
{
	ob_u8(o, v >> 8);
	ob_u8(o, (u8)v);
}

static void op_frame(struct ob *o, u8 kind, u8 a, u8 b, u8 c, u8 d, u8 e,
		     u8 f)
{
	const u8 x[7] = { kind, a, b, c, d, e, f };

	ob_u8(o, FZ_OP_FRAME);
	ob_bytes(o, x, sizeof(x));
}

static void op_raw(struct ob *o, const u8 *p, u32 n)
{
	ob_u8(o, FZ_OP_FRAME_RAW);
	ob_u16(o, (u16)n);
	ob_bytes(o, p, n);
}

static void op_time(struct ob *o, enum fz_op op, u16 v)
{
	ob_u8(o, op);
	ob_u16(o, v);
}

static void op_n(struct ob *o, enum fz_op op, int n, u8 a, u8 b, u8 c,
		 u8 d)
{
	const u8 x[4] = { a, b, c, d };

	ob_u8(o, op);
	ob_bytes(o, x, n);
}

static void ops_file(const char *name, struct ob *o)
{
	write_file(ops_dir, name, o->b, o->n);
	o->n = 0;
}

/* the index of @b in fz_pool */
enum {
	NBR0 = FZ_P_NBR_LL, GUA0 = FZ_P_NBR_GUA, RTR0 = FZ_P_RTR,
	OFFL = FZ_P_OFFLINK, OLL = FZ_P_OUR_LL, OGUA = FZ_P_OUR_GUA,
	OSLAAC = FZ_P_OUR_SLAAC, PFX3 = FZ_P_PFX3, MDNS = FZ_P_MDNS,
};

/* lifetimes by fz_lifetime() index */
enum { LT_INF = 0, LT_0 = 1, LT_5 = 4, LT_30 = 5, LT_3600 = 7,
	LT_86400 = 10 };

/* resolution, DAD, NUD */
static void ops_seeds_nd(struct ob *o)
{
	u32 i;

	/* boot, RA with one SLAAC prefix, off-link send via the router */
	ob_u8(o, 0);
	op_time(o, FZ_OP_RUN_MS, 3000);
	/* RA from fe80::2, lifetime 1800, SLLA, MTU 1500, PIO pfx1 LA */
	op_frame(o, FZ_F_RA, 0x09, 64, 0x10 | 0x20 | 0x40, 0x05, 0x00,
		 0xa0 | 0);
	op_time(o, FZ_OP_RUN_MS, 3000);
	op_n(o, FZ_OP_SEND, 4, OFFL, 0, 16, 0);
	op_n(o, FZ_OP_SEND, 4, OFFL, 1, 100, 0);
	/* NA S=1 from the router */
	op_frame(o, FZ_F_NA, 0x11, 0xc0, 0x02, 0, 0, 0);
	op_n(o, FZ_OP_SEND, 4, OFFL, 2, 8, 0);
	op_n(o, FZ_OP_QUERY, 2, OFFL, 0, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 60000);
	ops_file("boot_ra_send_offlink", o);

	/* DAD: a global address, then another node claims it */
	ob_u8(o, 0);
	op_time(o, FZ_OP_RUN_MS, 3000);
	op_n(o, FZ_OP_ADD_IP, 4, OGUA, 0, LT_INF, LT_INF);
	op_time(o, FZ_OP_TICK_MS, 100);
	/* NS from :: for 2001:db8:1::1 to its solicited-node group */
	op_frame(o, FZ_F_NS, 0x18, OGUA, 0x01 | 0x08, 9, 9, 0);
	op_time(o, FZ_OP_RUN_MS, 3000);
	/* a DUPLICATE stays until deleted */
	op_n(o, FZ_OP_ADD_IP, 4, OGUA, 0, LT_INF, LT_INF);
	op_n(o, FZ_OP_DEL_IP, 1, OGUA, 0, 0, 0);
	op_n(o, FZ_OP_ADD_IP, 4, OGUA, 0, LT_INF, LT_INF);
	op_time(o, FZ_OP_RUN_MS, 3000);
	op_n(o, FZ_OP_ADD_IP, 4, 29, 0, LT_INF, LT_INF);
	op_time(o, FZ_OP_TICK_MS, 300);
	/* an NA for the tentative 2001:db8:2::99 */
	op_frame(o, FZ_F_NA, 0x03, 0x20, 0x01 | 0x02 | 0x08, 29, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 3000);
	op_n(o, FZ_OP_QUERY, 2, OGUA, 1, 0, 0);
	ops_file("dad_conflicts", o);

	/* resolution with small tables: queue overflow, failure */
	ob_u8(o, FZ_CFG_SMALL | FZ_CFG_NO_DAD);
	op_time(o, FZ_OP_RUN_MS, 2000);
	for (i = 0; i < 6; i++)
		op_n(o, FZ_OP_SEND, 4, NBR0 + 3, 0, (u8)i, 0);
	for (i = 0; i < 4; i++)
		op_n(o, FZ_OP_SEND, 4, NBR0 + i, 0, 4, 0);
	op_time(o, FZ_OP_RUN_MS, 1500);
	op_frame(o, FZ_F_NA, 0x03, 0x60, 0x02, 0, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 5000);
	ops_file("small_queue_overflow", o);

	/* populated: NUD, REACHABLE -> STALE -> DELAY -> PROBE -> gone */
	ob_u8(o, FZ_CFG_POPULATE);
	op_n(o, FZ_OP_SEND, 4, NBR0, 0, 10, 0);
	op_time(o, FZ_OP_TICK_S, 50);
	op_n(o, FZ_OP_SEND, 4, NBR0, 0, 10, 0);
	op_time(o, FZ_OP_RUN_MS, 5500);
	op_n(o, FZ_OP_SEND, 4, NBR0 + 1, 0, 10, 0);
	op_n(o, FZ_OP_CONFIRM, 1, NBR0 + 1, 0, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 10000);
	op_frame(o, FZ_F_NA, 0x04, 0x60, 0x02, 0, 0, 0);
	op_n(o, FZ_OP_SEND, 4, NBR0 + 4, 0, 10, 0);
	ob_u8(o, FZ_OP_FLUSH);
	op_time(o, FZ_OP_RUN_MS, 20000);
	ops_file("populated_nud", o);
}

/* prefix and router lists, MLD */
static void ops_seeds_lists_mld(struct ob *o)
{
	u32 i;

	/* manual prefixes and routers, lifetimes running out */
	ob_u8(o, FZ_CFG_NO_DAD);
	op_n(o, FZ_OP_ADD_PREFIX, 3, 0, 0, LT_3600, 0);
	op_n(o, FZ_OP_ADD_PREFIX, 3, 2, 0, LT_30, 0);
	op_n(o, FZ_OP_ADD_PREFIX, 3, 4, 0, LT_INF, 0);
	ob_u8(o, FZ_OP_ADD_ROUTERS);
	ob_u8(o, 2);
	ob_u8(o, RTR0);
	ob_u8(o, RTR0 + 1);
	ob_u8(o, 0);
	ob_u8(o, LT_3600);
	op_time(o, FZ_OP_RUN_MS, 2000);
	op_n(o, FZ_OP_SEND, 4, OFFL, 0, 4, 0);
	op_n(o, FZ_OP_SEND, 4, PFX3, 0, 4, 0);
	op_n(o, FZ_OP_DEL_ROUTER, 1, RTR0, 0, 0, 0);
	op_n(o, FZ_OP_SEND, 4, OFFL, 0, 4, 0);
	op_n(o, FZ_OP_DEL_PREFIX, 2, 0, 0, 0, 0);
	op_time(o, FZ_OP_TICK_S, 4000);
	op_n(o, FZ_OP_SEND, 4, OFFL, 0, 4, 0);
	op_time(o, FZ_OP_RUN_MS, 10000);
	ops_file("prefixes_routers_expire", o);

	/* MLD */
	ob_u8(o, 0);
	op_time(o, FZ_OP_RUN_MS, 3000);
	op_n(o, FZ_OP_GROUP, 2, MDNS, 1, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 3000);
	op_frame(o, FZ_F_MLD_QUERY, 0, 0, 0x01, 100, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 12000);
	op_frame(o, FZ_F_MLD_QUERY, 1, 0, 0x01 | 0x10 | 0x04, 10, 0, 0);
	op_frame(o, FZ_F_MLD_QUERY, 3, 0, 0x00, 50, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 12000);
	op_n(o, FZ_OP_GROUP, 2, MDNS, 0, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 5000);
	ops_file("mld_queries", o);

	/*
	 * MLDv1 compatibility mode (RFC 3810 8.2.1): an MLDv1 General Query,
	 * a join and an MLDv2 Query answered in MLDv1, an MLDv1 Query for our
	 * solicited-node group, a leave (a Done), the Older Version Querier
	 * Present timer running out (251 s after that Query), MLDv2 again.
	 */
	ob_u8(o, 0);
	op_time(o, FZ_OP_RUN_MS, 3000);
	op_frame(o, FZ_F_MLD_QUERY, 0, 0, 0x00, 25, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 2000);
	op_n(o, FZ_OP_GROUP, 2, MDNS, 1, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 12000);
	op_frame(o, FZ_F_MLD_QUERY, 0, 0, 0x01, 100, 0, 0);
	op_frame(o, FZ_F_MLD_QUERY, 1, 0, 0x10, 25, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 5000);
	op_n(o, FZ_OP_GROUP, 2, MDNS, 0, 0, 0);
	for (i = 0; i < 5; i++)
		op_time(o, FZ_OP_RUN_MS, 60000);
	op_frame(o, FZ_F_MLD_QUERY, 0, 0, 0x01, 100, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 12000);
	ops_file("mld1_mode", o);
}

/* full tables and outputs, RA lifetimes, frames of every kind */
static void ops_seeds_limits(struct ob *o)
{
	static const u8 ns_args[6] = { 2, OLL, 3, 0, 0, 0 };
	u32 n, i;

	/* small tables filled by NS, evictions */
	ob_u8(o, FZ_CFG_SMALL | FZ_CFG_NO_DAD);
	op_time(o, FZ_OP_TICK_MS, 10);
	for (i = 0; i < 16; i++)
		op_frame(o, FZ_F_NS, (u8)((i & 7) | ((i & 8) ? 8 : 0)), OLL,
			 0x01 | 0x02, 0, 0, 0);
	for (i = 0; i < 6; i++)
		op_n(o, FZ_OP_SEND, 4, (u8)(NBR0 + i), 0, 4, 0);
	op_time(o, FZ_OP_RUN_MS, 30000);
	ops_file("small_eviction", o);

	/* RAs: every option, lifetime changes, two-hour rule, withdrawal */
	ob_u8(o, 0);
	op_time(o, FZ_OP_RUN_MS, 3000);
	op_frame(o, FZ_F_RA, 0x09, 64, 0x3e, 0xe7, 0x04, 0x2a);
	op_time(o, FZ_OP_RUN_MS, 3000);
	op_frame(o, FZ_F_RA, 0x09, 64, 0x3e, 0xe5, 0x00, 0x11);
	op_time(o, FZ_OP_TICK_S, 7300);
	op_frame(o, FZ_F_RA, 0x01, 0, 0, 0x05, 0, 0x11);
	op_time(o, FZ_OP_RUN_MS, 20000);
	op_n(o, FZ_OP_QUERY, 2, OSLAAC, 2, 0, 0);
	ops_file("ra_lifetimes", o);

	/* echo, errors, extension headers against a populated context */
	ob_u8(o, FZ_CFG_POPULATE);
	op_frame(o, FZ_F_ECHO, 0x00, OLL, 1, 14, 0, 0);
	op_frame(o, FZ_F_ECHO, 0x01, FZ_P_ALLNODES, 2, 14, 0, 0);
	op_frame(o, FZ_F_ECHO, 0x18, OLL, 3, 14, 0, 0);
	for (i = 0; i < 6; i++)
		op_frame(o, FZ_F_UPPER, 0, OLL, (u8)(i << 1), 0x9e, 3, 0);
	op_frame(o, FZ_F_UPPER, 0, OLL, 3 << 1, 0x81, 0, 0);
	op_frame(o, FZ_F_ICMP_ERROR, 0, 0, 0, 4, 0, 0);
	op_frame(o, FZ_F_REDIRECT, 1, NBR0, OFFL, 3, 0, 0);
	op_frame(o, FZ_F_RS, 0, 1, 0, 0, 0, 0);
	n = fz_build_frame(pkt, FZ_F_NS, ns_args);
	op_raw(o, pkt, n);
	op_time(o, FZ_OP_RUN_MS, 5000);
	ops_file("populated_echo_ext", o);

	/* an output with no room left: TX_OUT_FULL paths, state kept */
	ob_u8(o, FZ_CFG_POPULATE);
	op_n(o, FZ_OP_SEND, 4, NBR0 + 4, 0, 10, 0);
	op_n(o, FZ_OP_SQUEEZE, 1, 0x00, 0, 0, 0);
	op_frame(o, FZ_F_NA, 0x04, 0x60, 0x02, 0, 0, 0);
	op_n(o, FZ_OP_SQUEEZE, 1, 0x00, 0, 0, 0);
	op_time(o, FZ_OP_TICK_MS, 0);
	op_time(o, FZ_OP_RUN_MS, 100);
	op_n(o, FZ_OP_SQUEEZE, 1, 0x01, 0, 0, 0);
	op_frame(o, FZ_F_ECHO, 0x00, OLL, 1, 250, 0, 0);
	op_n(o, FZ_OP_SQUEEZE, 1, 0x0c, 0, 0, 0);
	op_n(o, FZ_OP_SEND, 4, NBR0 + 6, 0, 10, 0);
	op_n(o, FZ_OP_SQUEEZE, 1, 0x00, 0, 0, 0);
	op_time(o, FZ_OP_TICK_S, 60);
	op_time(o, FZ_OP_RUN_MS, 10000);
	op_n(o, FZ_OP_SQUEEZE, 1, 0x00, 0, 0, 0);
	op_frame(o, FZ_F_MLD_QUERY, 0, 0, 0x01, 1, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 3000);
	ops_file("squeezed_output", o);
}

/* the link, regressions, parameters */
static void ops_seeds_link_regress(struct ob *o)
{
	/*
	 * The link lost and regained (ndp_link_change()): an address added
	 * and a group joined while it is down, DAD of every address again
	 * when it comes back, an NA during that DAD.
	 */
	ob_u8(o, FZ_CFG_POPULATE);
	op_n(o, FZ_OP_PARAM, 2, 3, 3, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 3000);
	op_n(o, FZ_OP_LINK, 1, 0, 0, 0, 0);
	op_n(o, FZ_OP_ADD_IP, 4, PFX3, 0, LT_INF, LT_INF);
	op_n(o, FZ_OP_GROUP, 2, MDNS, 1, 0, 0);
	op_n(o, FZ_OP_SEND, 4, NBR0 + 5, 0, 10, 0);
	op_time(o, FZ_OP_RUN_MS, 5000);
	op_n(o, FZ_OP_LINK, 1, 1, 0, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 1200);
	op_frame(o, FZ_F_NA, 0x00, 0x20, 0x09, OLL, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 10000);
	ops_file("link_down_up", o);

	/*
	 * Regression: an RA's SLLA resolves an INCOMPLETE entry (STALE, its
	 * queue to leave at the next tick); a confirmation then made it
	 * REACHABLE and pushed its timer, the queue waiting ~30 s more.
	 */
	ob_u8(o, FZ_CFG_NO_DAD);
	op_time(o, FZ_OP_RUN_MS, 1500);
	op_n(o, FZ_OP_SEND, 4, NBR0, 0, 4, 0);
	op_frame(o, FZ_F_RA, 0x02, 64, 0x10, 0, 0, 0);
	op_n(o, FZ_OP_CONFIRM, 1, NBR0, 0, 0, 0);
	op_time(o, FZ_OP_TICK_MS, 0);
	ops_file("regress_confirm_keeps_queue", o);

	/*
	 * Regression: a send routed to a multicast group with no tx room
	 * left in the output wrote tx[NDP_OUT_TX] (past the array).
	 */
	ob_u8(o, FZ_CFG_NO_DAD);
	op_n(o, FZ_OP_SQUEEZE, 1, 0x00, 0, 0, 0);
	op_n(o, FZ_OP_SEND, 4, NBR0, 0x05, 11, MDNS);
	op_n(o, FZ_OP_SQUEEZE, 1, 0x00, 0, 0, 0);
	op_n(o, FZ_OP_SEND, 4, FZ_P_ALLNODES, 0, 11, 0);
	ops_file("regress_mcast_send_out_full", o);

	/* parameters */
	ob_u8(o, FZ_CFG_NO_RA);
	op_n(o, FZ_OP_PARAM, 2, 0, 1, 0, 0);
	op_n(o, FZ_OP_PARAM, 2, 3, 2, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 5000);
	op_frame(o, FZ_F_RA, 0x09, 64, 0x30, 0x05, 0, 0);
	op_n(o, FZ_OP_PARAM, 2, 1, 1, 0, 0);
	op_frame(o, FZ_F_RA, 0x09, 64, 0xf0, 0x05, 0, 0);
	op_n(o, FZ_OP_PARAM, 2, 2, 0, 0, 0);
	op_frame(o, FZ_F_ECHO, 0x00, OLL, 1, 14, 0, 0);
	op_n(o, FZ_OP_QUERY, 2, OFFL, 0, 0, 0);
	op_time(o, FZ_OP_RUN_MS, 5000);
	ops_file("params", o);
}

/* One buffer for every file: ops_file() writes it and empties it. */
static void ops_seeds(void)
{
	struct ob o = { .n = 0 };

	ops_seeds_nd(&o);
	ops_seeds_lists_mld(&o);
	ops_seeds_limits(&o);
	ops_seeds_link_regress(&o);
}

/* ---------------------------------------------------------- the pcap */

static FILE *pcap;
static const u32 pcap_base = 1700000000;

static void pcap_frame(u32 ms, const u8 *dst_mac, const u8 *src_mac,
		       u16 type, const u8 *ip6, u32 len)
{
	u8 hdr[16], eth[14];

	ndp_put32(hdr, 0);
	/* little-endian record header */
	hdr[0] = (u8)(pcap_base + ms / 1000);
	hdr[1] = (u8)((pcap_base + ms / 1000) >> 8);
	hdr[2] = (u8)((pcap_base + ms / 1000) >> 16);
	hdr[3] = (u8)((pcap_base + ms / 1000) >> 24);
	hdr[4] = (u8)(ms % 1000 * 1000);
	hdr[5] = (u8)((ms % 1000 * 1000) >> 8);
	hdr[6] = (u8)((ms % 1000 * 1000) >> 16);
	hdr[7] = 0;
	hdr[8] = (u8)(len + 14);
	hdr[9] = (u8)((len + 14) >> 8);
	hdr[10] = 0;
	hdr[11] = 0;
	memcpy(hdr + 12, hdr + 8, 4);
	memcpy(eth, dst_mac, 6);
	memcpy(eth + 6, src_mac, 6);
	ndp_put16(eth + 12, type);
	fwrite(hdr, 1, 16, pcap);
	fwrite(eth, 1, 14, pcap);
	fwrite(ip6, 1, len, pcap);
}

/* IPv6 multicast MAC of the packet's destination, or @unicast. */
static const u8 *l2dst(const u8 *ip6, const u8 *unicast)
{
	static u8 mm[6];

	if (ip6[24] != 0xff)
		return unicast;
	mm[0] = 0x33;
	mm[1] = 0x33;
	memcpy(mm + 2, ip6 + 36, 4);
	return mm;
}

/* The capture's frames, at their times: what tools/replay/tests expect. */
static void pcap_frames(void)
{
	struct ndp_ip6 snm_ll = nf_snm(P(FZ_P_OUR_LL));
	struct ndp_ip6 offlink = fz_ip("2001:db8:99::7");
	struct ndp_ip6 other = fz_ip("2001:db8:2::abcd"), snm_other;
	static const u8 bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	u8 rmac[6], nmac[6], xmac[6] = { 2, 0, 0, 0, 9, 9 };
	u8 l4[64];
	u32 n, l;

	fz_nbr_mac(FZ_NNBR + 1, false, rmac);
	fz_nbr_mac(0, false, nmac);

	/* 0 ms: RA from fe80::2 with a SLAAC prefix */
	n = nf_ra(m, 64, 0, 1800, 0, 0);
	n += nf_opt_lla(m + n, 1, rmac);
	n += nf_opt_mtu(m + n, 1500);
	n += nf_opt_pio(m + n, &fz_pfx[1], 64, 0xc0, 86400, 14400);
	n = icmp(P(FZ_P_RTR + 1), P(FZ_P_ALLNODES), 255, n);
	pcap_frame(0, l2dst(pkt, NULL), rmac, 0x86dd, pkt, n);
	/* 100 ms: NS for our link-local from fe80::10 */
	n = nf_ns(m, P(FZ_P_OUR_LL));
	n += nf_opt_lla(m + n, 1, nmac);
	n = icmp(P(FZ_P_NBR_LL), &snm_ll, 255, n);
	pcap_frame(100, l2dst(pkt, NULL), nmac, 0x86dd, pkt, n);
	/* 200 ms: echo request from fe80::10 */
	n = nf_echo(m, 128, 0x77, 1, 16);
	n = icmp(P(FZ_P_NBR_LL), P(FZ_P_OUR_LL), 64, n);
	pcap_frame(200, fz_mac, nmac, 0x86dd, pkt, n);
	/* 300 ms: our own NA, captured on the way out: skipped */
	n = nf_na(m, 0x60, P(FZ_P_OUR_LL));
	n = icmp(P(FZ_P_OUR_LL), P(FZ_P_NBR_LL), 255, n);
	pcap_frame(300, nmac, fz_mac, 0x86dd, pkt, n);
	/* 400 ms: an ARP frame and a frame for another host: skipped */
	memset(m, 0, 28);
	pcap_frame(400, bcast, nmac, 0x0806, m, 28);
	n = nf_echo(m, 128, 0x78, 1, 8);
	n = icmp(P(FZ_P_NBR_LL), P(FZ_P_NBR_LL + 1), 64, n);
	pcap_frame(450, xmac, nmac, 0x86dd, pkt, n);
	/* 1500 ms: a DAD probe of another node: nothing to say */
	n = nf_ns(m, &other);
	snm_other = nf_snm(&other);
	n = icmp(P(FZ_P_UNSPEC), &snm_other, 255, n);
	pcap_frame(1500, l2dst(pkt, NULL), xmac, 0x86dd, pkt, n);
	/* 4000 ms: echo from off-link to our SLAAC address, via fe80::2 */
	n = nf_echo(m, 128, 0x79, 1, 16);
	n = icmp(&offlink, P(FZ_P_OUR_SLAAC), 60, n);
	pcap_frame(4000, fz_mac, rmac, 0x86dd, pkt, n);
	/* 4100 ms: UDP from off-link */
	l = nf_udp(l4, 53, 40000, 12);
	n = nf_packet(pkt, &offlink, P(FZ_P_OUR_SLAAC), 60, NDP_NH_UDP, NULL,
		      0, NDP_NH_UDP, l4, l);
	pcap_frame(4100, fz_mac, rmac, 0x86dd, pkt, n);
	/* 5000 ms: MLDv2 General Query */
	n = nf_mld2_query(m, 10000, P(FZ_P_UNSPEC), NULL, 0);
	n = nf_mld_packet(pkt, P(FZ_P_RTR + 1), P(FZ_P_ALLNODES), m, n);
	pcap_frame(5000, l2dst(pkt, NULL), rmac, 0x86dd, pkt, n);
	/* 9000 ms: NA from the router, solicited */
	n = nf_na(m, 0xc0, P(FZ_P_RTR + 1));
	n += nf_opt_lla(m + n, 2, rmac);
	n = icmp(P(FZ_P_RTR + 1), P(FZ_P_OUR_LL), 255, n);
	pcap_frame(9000, fz_mac, rmac, 0x86dd, pkt, n);
	/* 12000 ms: the router withdraws: lifetime 0 */
	n = nf_ra(m, 64, 0, 0, 0, 0);
	n += nf_opt_lla(m + n, 1, rmac);
	n = icmp(P(FZ_P_RTR + 1), P(FZ_P_ALLNODES), 255, n);
	pcap_frame(12000, l2dst(pkt, NULL), rmac, 0x86dd, pkt, n);
	/* 12500 ms: echo from off-link again: no route now */
	n = nf_echo(m, 128, 0x79, 2, 16);
	n = icmp(&offlink, P(FZ_P_OUR_SLAAC), 60, n);
	pcap_frame(12500, fz_mac, rmac, 0x86dd, pkt, n);
}

static void write_pcap(const char *path)
{
	static const u8 ghdr[24] = {
		0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0xff, 0xff, 0, 0, 1, 0, 0, 0,
	};

	pcap = fopen(path, "wb");
	if (!pcap) {
		perror(path);
		exit(1);
	}
	fwrite(ghdr, 1, sizeof(ghdr), pcap);
	pcap_frames();
	if (fclose(pcap)) {
		perror(path);
		exit(1);
	}
	n_written++;
}

int main(int argc, char **argv)
{
	const char *pcap_path = NULL;
	int i;

	for (i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--handle"))
			handle_dir = argv[i + 1];
		else if (!strcmp(argv[i], "--ops"))
			ops_dir = argv[i + 1];
		else if (!strcmp(argv[i], "--pcap"))
			pcap_path = argv[i + 1];
	}
	if (!handle_dir && !ops_dir && !pcap_path) {
		fprintf(stderr,
			"usage: %s [--handle DIR] [--ops DIR] [--pcap FILE]\n",
			argv[0]);
		return 2;
	}
	fz_world_init();
	if (handle_dir)
		handle_seeds();
	if (ops_dir)
		ops_seeds();
	if (pcap_path)
		write_pcap(pcap_path);
	printf("gen_corpus: %u files written\n", n_written);
	return 0;
}
