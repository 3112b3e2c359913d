// SPDX-License-Identifier: GPL-2.0
/*
 * The invariants checked around every call into the core: frames
 * well-formed, each handle back exactly once, tables within capacity and
 * consistent.  A violation is fz_fail(), which aborts.
 */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

#include "fuzz_common.h"

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

/* Long on purpose: one rule per block, read as the RFCs' list of them. */
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
	if (ndp_get16(frame + 12) != 0x86dd)
		return "Ethernet type is not IPv6";
	if (memcmp(frame + 6, f->ctx->mac, NDP_ETH_ALEN))
		return "Ethernet source is not our MAC";
	ip6 = frame + NDP_ETH_HLEN;
	if (ip6[0] >> 4 != 6)
		return "IP version is not 6";
	plen = ndp_get16(ip6 + 4);
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
	if (nh == NDP_NH_HOPOPTS) {
		u32 hl = ((u32)ip6[off + 1] + 1) * 8;

		if (off + hl + 4 > NDP_IP6_HLEN + plen)
			return "Hop-by-Hop header overruns the frame";
		nh = ip6[off];
		off += hl;
		has_hbh = true;
	}
	if (nh != NDP_NH_ICMPV6)
		return "core-built frame is not ICMPv6";
	m = ip6 + off;
	mlen = NDP_IP6_HLEN + plen - off;
	if (nf_l4_csum(&src, &dst, NDP_NH_ICMPV6, m, mlen)) {
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
		if (fr[NDP_ETH_HLEN + 6] == NDP_NH_HOPOPTS)
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

/* Long on purpose: one invariant per block, in struct ndp_out's order. */
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
			if (ndp_get16(tx->frame + 12) != 0x86dd ||
			    memcmp(tx->frame + 6, f->ctx->mac, NDP_ETH_ALEN))
				fz_fail(f, "tx %u: Ethernet header not written",
					i);
			bad = eth_dst_problem(tx->frame, p->route.b);
			if (bad)
				fz_fail(f, "tx %u (caller's): %s", i, bad);
			if (p->pkt.data[0] >> 4 != 6 ||
			    ndp_get16(p->pkt.data + 4) !=
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
		if (ev->kind != (ev->proto == NDP_NH_TCP ? NDP_EV_TCP :
				 ev->proto == NDP_NH_UDP ? NDP_EV_UDP :
				 NDP_EV_DEFAULT))
			fz_fail(f, "event kind %u for protocol %u", ev->kind,
				ev->proto);
	}
	if (f->rx && !f->rx_back)
		fz_fail(f, "received handle did not come back");
	if (f->verbose)
		trace_out(f);
	for (i = f->notes0; i < out->n_notes; i++)
		if (out->notes[i].kind > NDP_NOTE_ROUTE_DEL)
			fz_fail(f, "note kind %u", out->notes[i].kind);
}

/* Long on purpose: one invariant per block, a table at a time. */
void fz_check_tables(struct fz *f)
{
	struct ndp_prefix pfxs[256];
	struct ndp_ip6 ips[64], tmp[256];
	struct ndp_router_info ri;
	struct ndp_prefix_info pi;
	struct ndp_addr_info ai;
	struct ndp_nbr_info ni;
	struct ndp_route_info rti;
	struct ndp_dns_info di;
	u32 pos, n, usable = 0, queued = 0;
	struct ndp_fill fl;
	int n_ips, i;

	for (pos = 0, n = 0; ndp_dns_next(f->ctx, f->now, &pos, &di); n++) {
		if (n >= NDP_MAX_DNS || di.kind > NDP_DNS_PREF64 ||
		    !di.lifetime_s ||
		    strnlen(di.name, sizeof(di.name)) == sizeof(di.name) ||
		    ((di.kind == NDP_DNS_DOMAIN ||
		      di.kind == NDP_DNS_CAPTIVE_PORTAL) && !di.name[0]) ||
		    (di.kind == NDP_DNS_PREF64 &&
		     (di.plen < 32 || di.plen > 96 || di.plen % 8)))
			fz_fail(f, "DNS entry %u: kind %u, lifetime %u", n,
				di.kind, di.lifetime_s);
	}
	if (ndp_next_deadline(f->ctx) > ndp_deadline_walk(f->ctx))
		fz_fail(f, "next deadline %lld is later than the timers' %lld",
			(long long)ndp_next_deadline(f->ctx),
			(long long)ndp_deadline_walk(f->ctx));
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
		    ai.state == NDP_ADDR_DEPRECATED ||
		    ai.state == NDP_ADDR_OPTIMISTIC) {
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
		if (ni.state < NDP_NUD_INCOMPLETE || ni.state > NDP_NUD_UNREACHABLE)
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
	if (fl.max_routes != f->cfg.max_routes || fl.routes > fl.max_routes)
		fz_fail(f, "RIO routes %u of %u (capacity %u)", fl.routes,
			fl.max_routes, f->cfg.max_routes);
	for (pos = 0, n = 0; ndp_route_next(f->ctx, f->now, &pos, &rti); n++) {
		if (n > fl.max_routes)
			fz_fail(f, "ndp_route_next does not end");
		if (rti.pfx.len > 128 || rti.pref > NDP_PREF_HIGH ||
		    !rti.lifetime_s || !ndp_ip6_is_linklocal(&rti.rtr))
			fz_fail(f, "RIO route /%u pref %u lifetime %u",
				rti.pfx.len, rti.pref, rti.lifetime_s);
	}
	if (n != fl.routes)
		fz_fail(f, "ndp_route_next: %u, fill says %u", n, fl.routes);
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
