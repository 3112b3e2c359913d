// SPDX-License-Identifier: GPL-2.0
/*
 * Shared by the fuzz targets and the other userspace tools: see
 * fuzz_common.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "fuzz_common.h"

const u8 fz_mac[NDP_ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };
struct ndp_ip6 fz_pool[FZ_NPOOL];
struct ndp_ip6 fz_pfx[FZ_NPFX];
static struct ndp_ip6 all_routers;

/* ---------------------------------------------------------------- world */

void fz_nbr_mac(unsigned int i, bool alt, u8 *mac)
{
	mac[0] = 0x02;
	mac[1] = 0;
	mac[2] = 0;
	mac[3] = 0;
	mac[4] = alt ? 3 : (i < FZ_NNBR ? 1 : 2);
	mac[5] = (u8)(i < FZ_NNBR ? i : i - FZ_NNBR);
}

void fz_world_init(void)
{
	static bool done;
	static const char *const pfx[FZ_NPFX] = {
		"2001:db8:1::", "2001:db8:2::", "2001:db8:3::",
		"2001:db8:4::", "fe80::", "2001:db8:99::", "2001:db8:5::",
		"ff02::",
	};
	struct ndp_ip6 ll = nf_ip("fe80::");
	unsigned int i;
	char s[64];

	if (done)
		return;
	done = true;
	for (i = 0; i < FZ_NPFX; i++)
		fz_pfx[i] = nf_ip(pfx[i]);
	for (i = 0; i < FZ_NNBR; i++) {
		snprintf(s, sizeof(s), "fe80::%x", 0x10 + i);
		fz_pool[FZ_P_NBR_LL + i] = nf_ip(s);
		snprintf(s, sizeof(s), "2001:db8:1::%x", 0x10 + i);
		fz_pool[FZ_P_NBR_GUA + i] = nf_ip(s);
	}
	all_routers = nf_ip("ff02::2");
	fz_pool[FZ_P_RTR] = nf_ip("fe80::1");
	fz_pool[FZ_P_RTR + 1] = nf_ip("fe80::2");
	fz_pool[FZ_P_OFFLINK] = nf_ip("2001:db8:99::1");
	fz_pool[FZ_P_OUR_LL] = nf_eui64(&ll, fz_mac);
	fz_pool[FZ_P_OUR_GUA] = nf_ip("2001:db8:1::1");
	fz_pool[FZ_P_OUR_SLAAC] = nf_eui64(&fz_pfx[1], fz_mac);
	fz_pool[FZ_P_PFX3] = nf_ip("2001:db8:3::5");
	fz_pool[FZ_P_ALLNODES] = nf_ip("ff02::1");
	fz_pool[FZ_P_MDNS] = nf_ip("ff02::fb");
	fz_pool[FZ_P_OUR_SNM] = nf_snm(&fz_pool[FZ_P_OUR_LL]);
	fz_pool[FZ_P_UNSPEC] = nf_ip("::");
	fz_pool[FZ_P_LOOPBACK] = nf_ip("::1");
	/* same solicited-node group as ours, not ours */
	fz_pool[28] = nf_ip("fe80::aaaa:bbff:fe00:1");
	fz_pool[29] = nf_ip("2001:db8:2::99");
	fz_pool[30] = nf_ip("ff05::2");
	fz_pool[31] = nf_ip("2001:db8:4::1");
}

void fz_random(void *opaque, void *buf, u32 len)
{
	u64 *s = opaque;
	u8 *p = buf;
	u32 i;

	for (i = 0; i < len; i++) {
		*s ^= *s << 13;
		*s ^= *s >> 7;
		*s ^= *s << 17;
		p[i] = (u8)(*s >> 24);
	}
}

u8 fz_plen(u8 b)
{
	static const u8 plens[16] = {
		64, 64, 64, 48, 56, 0, 128, 129, 1, 127, 65, 63, 255, 96, 80,
		64,
	};

	return plens[b & 15];
}

u32 fz_lifetime(u8 b)
{
	static const u32 lts[16] = {
		NDP_INFINITE, 0, 1, 2, 5, 30, 60, 3600, 7200, 7201, 86400,
		0xfffffffeU, 0x7fffffffU, 10, 100, 1800,
	};

	return lts[b & 15];
}

/* -------------------------------------------------------- the harness */

void fz_fail(const struct fz *f, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "INVARIANT VIOLATED (step %u, %s, now %lld): ",
		f->step, f->what ? f->what : "-", (long long)f->now);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void fz_init(struct fz *f, const struct ndp_config *cfg)
{
	fz_world_init();
	memset(f, 0, sizeof(*f));
	if (cfg)
		f->cfg = *cfg;
	else
		ndp_config_default(&f->cfg);
	f->size = ndp_ctx_size(&f->cfg);
	if (!f->size) {
		fprintf(stderr, "%s: invalid configuration\n", __func__);
		abort();
	}
	f->mem = calloc(1, f->size);
	f->out = calloc(1, sizeof(*f->out));
	f->pkts = calloc(FZ_NPKT, sizeof(*f->pkts));
	if (!f->mem || !f->out || !f->pkts)
		abort();
	f->rng = 0x9e3779b97f4a7c15ULL;
	f->now = NDP_NSEC_PER_SEC;
	ndp_out_reset(f->out);
	f->what = "ndp_local";
	f->ctx = ndp_local(f->mem, f->size, &f->cfg, fz_mac, f->now,
			   fz_random, &f->rng, f->out);
	if (!f->ctx) {
		fprintf(stderr, "%s: ndp_local failed\n", __func__);
		abort();
	}
	fz_check_out(f);
}

void fz_free(struct fz *f)
{
	free(f->mem);
	free(f->out);
	free(f->pkts);
	memset(f, 0, sizeof(*f));
}

void fz_pre(struct fz *f, const char *what)
{
	struct ndp_out *out = f->out;

	ndp_out_reset(out);
	f->tx0 = 0;
	f->done0 = 0;
	f->notes0 = 0;
	f->arena0 = 0;
	if (f->squeeze) {
		/* may leave no room at all, even for a call's own handle */
		f->squeeze = false;
		out->n_tx = NDP_OUT_TX - f->free_tx;
		out->n_done = NDP_OUT_DONE - f->free_done;
		out->n_notes = NDP_OUT_NOTES - 2;
		out->arena_used = NDP_OUT_ARENA - f->free_arena;
		f->tx0 = out->n_tx;
		f->done0 = out->n_done;
		f->notes0 = out->n_notes;
		f->arena0 = out->arena_used;
	}
	f->what = what;
	f->n_ips_before = ndp_get_ip(f->ctx, f->ips_before,
				     ARRAY_SIZE(f->ips_before));
	if (f->n_ips_before < 0 ||
	    f->n_ips_before > (int)ARRAY_SIZE(f->ips_before))
		fz_fail(f, "ndp_get_ip returned %d", f->n_ips_before);
}

static struct fz_pkt *find_pkt(const struct fz *f, const void *handle)
{
	const u8 *h = handle, *base = (const u8 *)f->pkts;
	size_t off;

	if (h < base || h >= base + FZ_NPKT * sizeof(struct fz_pkt))
		return NULL;
	off = (size_t)(h - base);
	if (off % sizeof(struct fz_pkt))
		return NULL;
	return &f->pkts[off / sizeof(struct fz_pkt)];
}

static bool ip_in(const struct ndp_ip6 *ip, const struct ndp_ip6 *set,
		  int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!memcmp(ip, &set[i], sizeof(*ip)))
			return true;
	return false;
}

static bool is_zero(const u8 *p, u32 n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

/* Ethernet destination fits the IPv6 destination @dst. */
static const char *eth_dst_problem(const u8 *frame, const u8 *dst)
{
	if (dst[0] == 0xff) {
		if (frame[0] != 0x33 || frame[1] != 0x33 ||
		    memcmp(frame + 2, dst + 12, 4))
			return "multicast IPv6 destination, wrong MAC";
	}
	/*
	 * A unicast destination's MAC is whatever SLLA/TLLA said, group
	 * bit or zeros included (as Linux and the BSDs accept): not checked.
	 */
	return NULL;
}

static char why[160];

const char *fz_frame_problem(const struct fz *f, const u8 *frame, u32 len)
{
	struct ndp_ip6 src, dst, ips[64];
	u32 off = NDP_IP6_HLEN, plen, mlen;
	const u8 *ip6, *m;
	bool has_hbh = false;
	int n_ips;
	u8 nh;

	if (len < NDP_ETH_HLEN + NDP_IP6_HLEN + 4)
		return "frame shorter than Ethernet + IPv6 + ICMPv6";
	if (nf_get16(frame + 12) != 0x86dd)
		return "Ethernet type is not IPv6";
	if (memcmp(frame + 6, f->ctx->mac, NDP_ETH_ALEN))
		return "Ethernet source is not our MAC";
	ip6 = frame + NDP_ETH_HLEN;
	if (ip6[0] >> 4 != 6)
		return "IP version is not 6";
	plen = nf_get16(ip6 + 4);
	if (plen != len - NDP_ETH_HLEN - NDP_IP6_HLEN) {
		snprintf(why, sizeof(why),
			 "payload length %u, frame length %u - 54", plen, len);
		return why;
	}
	memcpy(src.b, ip6 + 8, 16);
	memcpy(dst.b, ip6 + 24, 16);
	if (eth_dst_problem(frame, dst.b))
		return eth_dst_problem(frame, dst.b);
	nh = ip6[6];
	if (nh == NF_NH_HOPOPTS) {
		u32 hl = ((u32)ip6[off + 1] + 1) * 8;

		if (off + hl + 4 > NDP_IP6_HLEN + plen)
			return "Hop-by-Hop header overruns the frame";
		nh = ip6[off];
		off += hl;
		has_hbh = true;
	}
	if (nh != NF_NH_ICMPV6)
		return "core-built frame is not ICMPv6";
	m = ip6 + off;
	mlen = NDP_IP6_HLEN + plen - off;
	if (nf_l4_csum(&src, &dst, NF_NH_ICMPV6, m, mlen)) {
		snprintf(why, sizeof(why), "ICMPv6 type %u: bad checksum",
			 m[0]);
		return why;
	}
	/* what a host may send, and how */
	switch (m[0]) {
	case 1: case 2: case 3: case 4:
		if (dst.b[0] == 0xff || is_zero(dst.b, 16))
			return "ICMPv6 error to a multicast or :: destination";
		if (mlen < 8)
			return "ICMPv6 error shorter than 8";
		if (mlen > NDP_MIN_MTU - NDP_IP6_HLEN)
			return "ICMPv6 error larger than the minimum MTU";
		break;
	case 129:
		if (dst.b[0] == 0xff)
			return "echo reply to a multicast destination";
		break;
	case 133: case 135: case 136:
		if (ip6[7] != 255 || has_hbh)
			return "ND message without hop limit 255";
		if (m[0] == 136 && (m[4] & 0x40) && dst.b[0] == 0xff)
			return "solicited NA to a multicast destination";
		if (m[0] == 135 && mlen < 24)
			return "NS shorter than 24";
		if (m[0] == 136 && mlen < 24)
			return "NA shorter than 24";
		break;
	case 131: case 132: case 143:
		if (ip6[7] != 1 || !has_hbh)
			return "MLD message without hop limit 1 and Router Alert";
		break;
	default:
		snprintf(why, sizeof(why), "a host does not send ICMPv6 type %u",
			 m[0]);
		return why;
	}
	/* source: ::, or an address usable before or after the call */
	if (is_zero(src.b, 16)) {
		u32 o;

		if (m[0] != 135 && m[0] != 133 && m[0] != 143 && m[0] != 131 &&
		    m[0] != 132)
			return "source :: on a message that may not have it";
		/* no SLLA from :: (RFC 4861 4.1, 4.3) */
		for (o = m[0] == 135 ? 24 : 8; m[0] != 143 && o + 2 <= mlen;
		     o += m[o + 1] * 8) {
			if (!m[o + 1])
				return "zero-length option in our own frame";
			if (m[o] == 1)
				return "SLLA option from ::";
		}
		return NULL;
	}
	if (ip_in(&src, f->ips_before, f->n_ips_before))
		return NULL;
	n_ips = ndp_get_ip(f->ctx, ips, ARRAY_SIZE(ips));
	if (ip_in(&src, ips, n_ips))
		return NULL;
	{
		char a[INET6_ADDRSTRLEN];

		inet_ntop(AF_INET6, src.b, a, sizeof(a));
		snprintf(why, sizeof(why),
			 "ICMPv6 type %u from %s: not a usable address",
			 m[0], a);
	}
	return why;
}

static void back(struct fz *f, const void *handle, const char *how)
{
	struct fz_pkt *p;

	if (f->rx && handle == f->rx->handle) {
		if (f->rx_back)
			fz_fail(f, "received handle came back twice (%s)", how);
		f->rx_back = true;
		return;
	}
	p = find_pkt(f, handle);
	if (!p)
		fz_fail(f, "unknown handle %p (%s)", handle, how);
	if (!p->held)
		fz_fail(f, "handle %p (%s) is not at the core: twice?",
			handle, how);
	p->held = false;
	f->n_held--;
}

/* One line to stderr: ICMPv6 types sent, handles, event, notes. */
static void trace_out(const struct fz *f)
{
	const struct ndp_out *out = f->out;
	u32 i, off;

	if (out->n_tx == f->tx0 && out->n_done == f->done0 &&
	    out->n_notes == f->notes0 && !out->has_event)
		return;
	fprintf(stderr, "   %s:", f->what);
	for (i = f->tx0; i < out->n_tx; i++) {
		const u8 *fr = out->tx[i].frame;

		if (out->tx[i].handle) {
			fprintf(stderr, " tx(pkt)");
			continue;
		}
		off = NDP_ETH_HLEN + NDP_IP6_HLEN;
		if (fr[NDP_ETH_HLEN + 6] == NF_NH_HOPOPTS)
			off += 8;
		fprintf(stderr, " tx(%u)", fr[off]);
	}
	for (i = f->done0; i < out->n_done; i++)
		fprintf(stderr, " done(%s)",
			ndp_done_reason_name(out->done[i].reason));
	if (out->has_event)
		fprintf(stderr, " event(%u)", out->ev.proto);
	for (i = f->notes0; i < out->n_notes; i++)
		fprintf(stderr, " note(%u)", out->notes[i].kind);
	fputc('\n', stderr);
}

void fz_check_out(struct fz *f)
{
	const struct ndp_out *out = f->out;
	const u8 *arena_end;
	const char *bad;
	u32 i;

	if (out->n_tx > NDP_OUT_TX || out->n_done > NDP_OUT_DONE ||
	    out->n_notes > NDP_OUT_NOTES || out->arena_used > NDP_OUT_ARENA)
		fz_fail(f, "output counts out of range");
	if (out->n_tx < f->tx0 || out->n_done < f->done0 ||
	    out->n_notes < f->notes0)
		fz_fail(f, "output counts went down");
	if (out->arena_used < f->arena0)
		fz_fail(f, "arena use went down");
	arena_end = out->arena + f->arena0;
	for (i = f->tx0; i < out->n_tx; i++) {
		const struct ndp_tx *tx = &out->tx[i];

		if (tx->handle) {
			struct fz_pkt *p = find_pkt(f, tx->handle);

			if (f->rx && tx->handle == f->rx->handle)
				fz_fail(f, "the received packet was transmitted");
			if (tx->flags)
				fz_fail(f, "tx %u (caller's): flags %#x", i,
					tx->flags);
			back(f, tx->handle, "tx");
			if (tx->frame != p->pkt.data - NDP_ETH_HLEN ||
			    tx->len != p->pkt.len + NDP_ETH_HLEN)
				fz_fail(f, "tx %u: frame/len do not match the packet",
					i);
			if (nf_get16(tx->frame + 12) != 0x86dd ||
			    memcmp(tx->frame + 6, f->ctx->mac, NDP_ETH_ALEN))
				fz_fail(f, "tx %u: Ethernet header not written",
					i);
			bad = eth_dst_problem(tx->frame, p->route.b);
			if (bad)
				fz_fail(f, "tx %u (caller's): %s", i, bad);
			if (p->pkt.data[0] >> 4 != 6 ||
			    nf_get16(p->pkt.data + 4) !=
			    p->pkt.tot_len - NDP_IP6_HLEN)
				fz_fail(f, "tx %u (caller's): not IPv6 or wrong payload length",
					i);
			continue;
		}
		/* after the frames before it, within what the call used */
		if (tx->frame < arena_end ||
		    tx->frame + tx->len > out->arena + out->arena_used)
			fz_fail(f, "tx %u: frame outside the arena the call used",
				i);
		arena_end = tx->frame + tx->len;
		bad = fz_frame_problem(f, tx->frame, tx->len);
		if (bad)
			fz_fail(f, "tx %u: %s", i, bad);
		/* waits for resolution: a unicast reply, no MAC yet */
		if ((tx->flags & NDP_TX_RESOLVE) &&
		    (tx->frame[NDP_ETH_HLEN + 24] == 0xff ||
		     memcmp(tx->frame, "\0\0\0\0\0\0", NDP_ETH_ALEN)))
			fz_fail(f, "tx %u: to resolve, but multicast or with a MAC",
				i);
		if (tx->flags & ~NDP_TX_RESOLVE)
			fz_fail(f, "tx %u: flags %#x", i, tx->flags);
	}
	for (i = f->done0; i < out->n_done; i++) {
		const struct ndp_done *d = &out->done[i];
		bool rx = f->rx && d->handle == f->rx->handle;

		back(f, d->handle, "done");
		/* the received packet: consumed or a receive rule's drop */
		if (d->reason >= NDP_DONE_MAX ||
		    rx != (d->reason == NDP_DONE_CONSUMED ||
			   d->reason == NDP_DONE_RX_DROPPED))
			fz_fail(f, "done %u: reason %u (%s) for %s packet", i,
				d->reason, ndp_done_reason_name(d->reason),
				rx ? "the received" : "a sent");
	}
	if (out->has_event) {
		const struct ndp_event *ev = &out->ev;

		if (!f->rx || ev->handle != f->rx->handle)
			fz_fail(f, "event for a handle that is not the packet");
		back(f, ev->handle, "event");
		if (ev->l4_off > f->rx->tot_len || ev->l4_off < NDP_IP6_HLEN)
			fz_fail(f, "event l4_off %u out of the packet",
				ev->l4_off);
		if (memcmp(ev->src.b, f->rx->data + 8, 16) ||
		    memcmp(ev->dst.b, f->rx->data + 24, 16))
			fz_fail(f, "event addresses differ from the header");
		if (ev->kind != (ev->proto == NF_NH_TCP ? NDP_EV_TCP :
				 ev->proto == NF_NH_UDP ? NDP_EV_UDP :
				 NDP_EV_DEFAULT))
			fz_fail(f, "event kind %u for protocol %u", ev->kind,
				ev->proto);
	}
	if (f->rx && !f->rx_back)
		fz_fail(f, "received handle did not come back");
	if (f->verbose)
		trace_out(f);
	for (i = f->notes0; i < out->n_notes; i++)
		if (out->notes[i].kind > NDP_NOTE_IP_DISABLED)
			fz_fail(f, "note kind %u", out->notes[i].kind);
}

void fz_check_tables(struct fz *f)
{
	struct ndp_prefix pfxs[256];
	struct ndp_ip6 ips[64], tmp[256];
	struct ndp_router_info ri;
	struct ndp_prefix_info pi;
	struct ndp_addr_info ai;
	struct ndp_nbr_info ni;
	u32 pos, n, usable = 0, queued = 0;
	struct ndp_fill fl;
	int n_ips, i;

	ndp_get_fill(f->ctx, &fl);
	if (fl.max_addrs != f->cfg.max_addrs ||
	    fl.max_nbrs != f->cfg.max_nbrs ||
	    fl.max_routers != f->cfg.max_routers ||
	    fl.max_prefixes != f->cfg.max_prefixes ||
	    fl.max_groups != f->cfg.max_groups)
		fz_fail(f, "ndp_get_fill: capacities changed");
	if (fl.addrs > fl.max_addrs || fl.nbrs > fl.max_nbrs ||
	    fl.routers > fl.max_routers || fl.prefixes > fl.max_prefixes ||
	    fl.groups > fl.max_groups || fl.queued > fl.max_queued)
		fz_fail(f, "table over capacity: a%u/%u n%u/%u r%u/%u p%u/%u g%u/%u q%u/%u",
			fl.addrs, fl.max_addrs, fl.nbrs, fl.max_nbrs,
			fl.routers, fl.max_routers, fl.prefixes,
			fl.max_prefixes, fl.groups, fl.max_groups, fl.queued,
			fl.max_queued);
	if (fl.incomplete > fl.nbrs ||
	    fl.incomplete > f->cfg.incomplete_quota)
		fz_fail(f, "%u INCOMPLETE entries (nbrs %u, quota %u)",
			fl.incomplete, fl.nbrs, f->cfg.incomplete_quota);

	n_ips = ndp_get_ip(f->ctx, ips, ARRAY_SIZE(ips));
	if (n_ips < 0 || n_ips > fl.max_addrs)
		fz_fail(f, "ndp_get_ip: %d addresses", n_ips);
	for (pos = 0, n = 0; ndp_addr_next(f->ctx, f->now, &pos, &ai); n++) {
		bool listed = ip_in(&ai.addr, ips, n_ips);

		if (n > fl.max_addrs)
			fz_fail(f, "ndp_addr_next does not end");
		if (ai.state == NDP_ADDR_PREFERRED ||
		    ai.state == NDP_ADDR_DEPRECATED) {
			usable++;
			if (!listed)
				fz_fail(f, "usable address missing in get_ip");
		} else if (listed) {
			fz_fail(f, "address in state %u (tentative/duplicate) in get_ip",
				ai.state);
		}
	}
	if (n != fl.addrs)
		fz_fail(f, "ndp_addr_next: %u entries, fill says %u", n,
			fl.addrs);
	if ((int)usable != n_ips)
		fz_fail(f, "get_ip has %d addresses, %u are usable", n_ips,
			usable);

	for (pos = 0, n = 0; ndp_nbr_next(f->ctx, &pos, &ni); n++) {
		if (n > fl.max_nbrs)
			fz_fail(f, "ndp_nbr_next does not end");
		if (ni.state < NDP_NUD_INCOMPLETE || ni.state > NDP_NUD_PROBE)
			fz_fail(f, "neighbour in state %u", ni.state);
		/*
		 * Packets wait only while INCOMPLETE, except those of an
		 * entry resolved without an output (an RA's SLLA): they
		 * leave at the next tick, which must then be due now.
		 */
		if (ni.queued && ni.state != NDP_NUD_INCOMPLETE &&
		    ndp_next_deadline(f->ctx) > f->now)
			fz_fail(f, "%u packets queued on a neighbour in state %u%s",
				ni.queued, ni.state, ", next tick not due");
		queued += ni.queued;
	}
	if (n != fl.nbrs)
		fz_fail(f, "ndp_nbr_next: %u entries, fill says %u", n,
			fl.nbrs);
	if (queued + fl.giving_back != fl.queued)
		fz_fail(f, "neighbours hold %u packets, %u to give back, fill says %u",
			queued, fl.giving_back, fl.queued);
	if (f->n_held != fl.queued)
		fz_fail(f, "the core holds %u of our packets, fill says %u queued",
			f->n_held, fl.queued);

	for (pos = 0, n = 0; ndp_router_next(f->ctx, f->now, &pos, &ri); n++)
		if (n > fl.max_routers)
			fz_fail(f, "ndp_router_next does not end");
	if (n != fl.routers)
		fz_fail(f, "ndp_router_next: %u, fill says %u", n, fl.routers);
	i = ndp_get_routers(f->ctx, tmp, ARRAY_SIZE(tmp));
	if (i < 0 || i > fl.max_routers)
		fz_fail(f, "ndp_get_routers: %d", i);
	for (pos = 0, n = 0; ndp_prefix_next(f->ctx, f->now, &pos, &pi); n++)
		if (n > fl.max_prefixes)
			fz_fail(f, "ndp_prefix_next does not end");
	if (n != fl.prefixes)
		fz_fail(f, "ndp_prefix_next: %u, fill says %u", n,
			fl.prefixes);
	i = ndp_get_prefix(f->ctx, pfxs, ARRAY_SIZE(pfxs));
	if (i < 0 || i > fl.max_prefixes)
		fz_fail(f, "ndp_get_prefix: %d", i);
}

void fz_check_all_back(struct fz *f)
{
	unsigned int i;

	for (i = 0; i < FZ_NPKT; i++)
		if (f->pkts[i].held)
			fz_fail(f, "packet %u still at the core after ndp_flush",
				i);
	if (f->n_held)
		fz_fail(f, "n_held %u after ndp_flush", f->n_held);
}

/* ----------------------------------------------------------- wrappers */

void fz_handle(struct fz *f, const u8 *ip6, u32 len, u32 tot_len,
	       u32 pkt_flags)
{
	/* exactly @len bytes, so that ASan sees any read past them */
	u8 *buf = malloc(len ? len : 1);
	bool room;
	int rc;
	struct ndp_pkt pkt = {
		.data = buf,
		.len = len,
		.tot_len = tot_len,
		.headroom = 0,
		.flags = pkt_flags,
	};

	if (!buf)
		abort();
	memcpy(buf, ip6, len);
	pkt.handle = buf;
	fz_pre(f, "handle");
	f->rx = &pkt;
	f->rx_back = false;
	room = f->out->n_done < NDP_OUT_DONE;
	rc = ndp_handle(f->ctx, f->now, &pkt, f->out);
	if (rc != (room ? 0 : -ENOBUFS))
		fz_fail(f, "ndp_handle returned %d with%s room for its handle",
			rc, room ? "" : "out");
	if (rc)
		f->rx_back = true;	/* refused: the packet is still ours */
	fz_check_out(f);
	if (rc && f->out->n_done != f->done0)
		fz_fail(f, "ndp_handle refused its packet but gave handles");
	f->rx = NULL;
	free(buf);
}

void fz_send(struct fz *f, const struct ndp_ip6 *dst,
	     const struct ndp_ip6 *route, u32 flags, u32 data_len,
	     bool bad)
{
	struct fz_pkt *p = NULL;
	struct ndp_ip6 src;
	u8 l4[NF_MAX];
	unsigned int i;
	bool room;
	int rc;
	u32 n;

	for (i = 0; i < FZ_NPKT && !p; i++)
		if (!f->pkts[i].held)
			p = &f->pkts[i];
	if (!p)
		return;
	if (data_len > 1400)
		data_len = 1400;
	if (ndp_select_source(f->ctx, dst, &src))
		memset(&src, 0, sizeof(src));
	n = nf_udp(l4, 40000, 53, data_len);
	n = nf_packet(p->buf + FZ_HEADROOM, &src, dst, 64, NF_NH_UDP, NULL, 0,
		      NF_NH_UDP, l4, n);
	if (flags & NDP_SEND_FILL_LEN)
		nf_put16(p->buf + FZ_HEADROOM + 4, 0xdead);
	if (bad)
		p->buf[FZ_HEADROOM] = 0x45;
	memset(p->buf, 0xee, FZ_HEADROOM);
	p->pkt.handle = p;
	p->pkt.data = p->buf + FZ_HEADROOM;
	p->pkt.len = n;
	p->pkt.tot_len = n;
	p->pkt.headroom = FZ_HEADROOM;
	p->route = route ? *route : *dst;
	p->held = true;
	f->n_held++;
	fz_pre(f, "send");
	room = f->out->n_done < NDP_OUT_DONE;
	rc = ndp_send(f->ctx, f->now, route, &p->pkt, flags, f->out);
	if (rc != (room ? 0 : -ENOBUFS))
		fz_fail(f, "ndp_send returned %d with%s room for its handle",
			rc, room ? "" : "out");
	if (rc) {
		/* refused: the packet is still ours, and nothing else moved */
		p->held = false;
		f->n_held--;
	}
	fz_check_out(f);
	if (rc && (f->out->n_done != f->done0 || f->out->n_tx != f->tx0))
		fz_fail(f, "ndp_send refused its packet but gave output");
}

static bool out_empty(const struct fz *f)
{
	const struct ndp_out *out = f->out;

	return out->n_tx == f->tx0 && out->n_done == f->done0 &&
	       out->n_notes == f->notes0 && !out->has_event;
}

void fz_tick(struct fz *f, s64 t)
{
	s64 d = ndp_next_deadline(f->ctx), d2;
	u32 gen = ndp_generation(f->ctx);
	bool squeezed = f->squeeze;

	if (t < f->now)
		t = f->now;
	f->now = t;
	fz_pre(f, "tick");
	ndp_tick(f->ctx, t, f->out);
	fz_check_out(f);
	if (t < d && !out_empty(f))
		fz_fail(f, "tick at %lld before the deadline %lld had work: the deadline was late",
			(long long)t, (long long)d);
	d2 = ndp_next_deadline(f->ctx);
	if (!squeezed && d <= t && d2 <= t && out_empty(f) &&
	    gen == ndp_generation(f->ctx))
		fz_fail(f, "tick at %lld (deadline %lld) made no progress, deadline now %lld",
			(long long)t, (long long)d, (long long)d2);
}

/* ndp_flush() is bounded by the output's room: call until all is back. */
void fz_flush(struct fz *f)
{
	unsigned int i;

	for (i = 0; i < 1 + NDP_MAX_QUEUE_SLOTS / NDP_OUT_DONE; i++) {
		fz_pre(f, "flush");
		ndp_flush(f->ctx, f->out);
		fz_check_out(f);
		if (!f->n_held)
			break;
		if (!f->out->n_done)
			fz_fail(f, "ndp_flush gave nothing back, %u held",
				f->n_held);
	}
	fz_check_all_back(f);
}

void fz_run_until(struct fz *f, s64 until)
{
	unsigned int guard;
	s64 d;

	for (guard = 0; guard < 100000; guard++) {
		d = ndp_next_deadline(f->ctx);
		if (d < f->now)
			d = f->now;
		if (d > until)
			break;
		fz_tick(f, d);
	}
	if (guard == 100000)
		fz_fail(f, "100000 ticks up to %lld: the tick loop does not settle",
			(long long)until);
	if (until > f->now)
		f->now = until;
}

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
	u8 proto = x[2] & 1 ? NF_NH_TCP : NF_NH_UDP;
	u8 l4[64], ext[32];
	u32 n, e = 0;
	u8 first = proto;

	n = proto == NF_NH_TCP ? nf_tcp_syn(l4, 40000, 80) :
				 nf_udp(l4, 40000, 53, x[4] & 31);
	switch ((x[2] >> 1) % 6) {
	case 1:
		first = NF_NH_HOPOPTS;
		e = nf_ext_opts(ext, proto, 1, 4);
		break;
	case 2:
		first = NF_NH_DSTOPTS;
		e = nf_ext_opts(ext, proto, x[3], 2);
		break;
	case 3:
		first = NF_NH_ROUTING;
		e = nf_ext_routing(ext, proto, x[3] & 3, x[3] >> 7);
		break;
	case 4:
		first = NF_NH_FRAGMENT;
		e = nf_ext_frag(ext, proto, x[4] & 7, x[3] & 1, 0x1234);
		break;
	case 5:
		first = NF_NH_HOPOPTS;
		e = nf_ext_opts(ext, NF_NH_DSTOPTS, 1, 4);
		e += nf_ext_opts(ext + e, NF_NH_ROUTING, 1, 0);
		e += nf_ext_routing(ext + e, NF_NH_FRAGMENT, 0, 0);
		e += nf_ext_frag(ext + e, proto, 0, x[3] & 1, 7);
		break;
	}
	return nf_packet(p, &src, dst, 64, first, ext, e, proto, l4, n);
}

u32 fz_build_frame(u8 *p, u8 kind, const u8 *x)
{
	static const u16 rtr_lft[4] = { 0, 1800, 9000, 65535 };
	static const u32 reach[4] = { 0, 1000, 30000, 0xffffffff };
	static const u32 retrans[4] = { 0, 1, 1000, 0xffffffff };
	static const u32 mtus[4] = { 1280, 1500, 1279, 9000 };
	static const u8 pio_flags[4] = { 0xc0, 0x80, 0x40, 0x00 };
	struct ndp_ip6 src, dst, tgt, grp, srcs[3];
	u8 m[NF_MAX], mac[NDP_ETH_ALEN], ext[8];
	unsigned int mi, i;
	u8 nonce[6], hop;
	u32 n;

	fz_world_init();
	switch (kind % FZ_F_MAX) {
	case FZ_F_NS:
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
	case FZ_F_NA:
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
	case FZ_F_RA:
		mi = FZ_NNBR + (x[0] & 1);
		src = fz_pool[FZ_P_RTR + (x[0] & 1)];
		if (x[0] & 2) {
			mi = (x[0] >> 5) & 7;
			src = fz_pool[FZ_P_NBR_LL + mi];
		}
		if (x[0] & 4)
			src = fz_pool[FZ_P_NBR_GUA];
		n = nf_ra(m, x[1], x[4] & 0xc0, rtr_lft[(x[0] >> 3) & 3],
			  reach[x[2] & 3], retrans[(x[2] >> 2) & 3]);
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
		if (x[3] & 0x20)
			n += nf_opt_raw(m + n, 253, 2);
		if (x[3] & 0x40) {
			memset(nonce, x[1], sizeof(nonce));
			n += nf_opt_nonce(m + n, nonce);
		}
		if (x[3] & 0x80)
			n += nf_opt_raw(m + n, 25, 3);	/* RDNSS */
		dst = fz_pool[x[0] & 0x80 ? FZ_P_OUR_LL : FZ_P_ALLNODES];
		return nf_icmp(p, &src, &dst, 255, m, n);
	case FZ_F_ECHO:
		src = pick_src(x[0], &mi);
		dst = fz_pool[x[1] % FZ_NPOOL];
		n = nf_echo(m, 128, 0x1234, x[2], (u32)x[3] * 4);
		return nf_icmp(p, &src, &dst, 64, m, n);
	case FZ_F_MLD_QUERY:
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
		nf_hbh_ra(ext, NF_NH_ICMPV6);
		return nf_packet(p, &src, &dst, hop, NF_NH_HOPOPTS, ext, 8,
				 NF_NH_ICMPV6, m, n);
	case FZ_F_REDIRECT:
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
				       NF_NH_UDP, NULL, 0, NF_NH_UDP, l4, ql);
			n += nf_opt_redir_hdr(m + n, q, ql);
		}
		return nf_icmp(p, &src, &fz_pool[FZ_P_OUR_LL], 255, m, n);
	case FZ_F_RS:
		src = x[0] & 1 ? fz_pool[FZ_P_UNSPEC] :
				 fz_pool[FZ_P_NBR_LL + ((x[0] >> 1) & 7)];
		n = nf_rs(m);
		if (x[1] & 1) {
			fz_nbr_mac((x[0] >> 1) & 7, false, mac);
			n += nf_opt_lla(m + n, 1, mac);
		}
		return nf_icmp(p, &src, &all_routers, 255, m, n);
	case FZ_F_UPPER:
		return build_upper(p, x);
	case FZ_F_ICMP_ERROR:
	default: {
		static const u8 types[4] = { 1, 2, 3, 4 };
		u8 q[128], l4[32];
		u32 ql;

		src = fz_pool[FZ_P_NBR_LL + (x[0] & 7)];
		dst = fz_pool[x[1] & 1 ? FZ_P_OUR_GUA : FZ_P_OUR_LL];
		ql = nf_udp(l4, 40000, 53, 4);
		ql = nf_packet(q, &dst, &src, 64, NF_NH_UDP, NULL, 0,
			       NF_NH_UDP, l4, ql);
		memset(m, 0, 8);
		m[0] = types[x[2] & 3];
		m[1] = x[3] & 7;
		if (m[0] == 2)
			nf_put32(m + 4, 1280);
		memcpy(m + 8, q, ql);
		return nf_icmp(p, &src, &dst, 64, m, 8 + ql);
	}
	}
}
