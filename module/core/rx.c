// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: Mirage's `handle`.  IPv6 header and extension-header chain
 * (RFC 8200), ICMPv6 (RFC 4443) checksum and dispatch, ND validation
 * (RFC 4861 6.1, 7.1, 8.1; RFC 6980), echo, ICMPv6 errors.  Every input
 * handle leaves exactly once (Documentation/ndpv6/core.rst, "Receiving").
 */
#include "ndp_private.h"

#ifdef NDP_FUZZ_NO_CSUM
#define csum_checked(x) (true)
#else
#define csum_checked(x) (x)
#endif

#define ICMP_ERR_MAX_QUOTE	(NDP_MIN_MTU - NDP_IP6_HLEN - 8)

static void drop(struct ndp_ctx *ctx, const struct ndp_pkt *pkt,
		 struct ndp_out *out, enum ndp_stat why)
{
	ndp_count(ctx, why);
	ndp_out_own_done(out, pkt->handle, NDP_DONE_RX_DROPPED);
}

static void consume(const struct ndp_pkt *pkt, struct ndp_out *out)
{
	ndp_out_own_done(out, pkt->handle, NDP_DONE_CONSUMED);
}

static void deliver(struct ndp_ctx *ctx, const struct ndp_rx *rx,
		    struct ndp_out *out)
{
	struct ndp_event *ev = &out->ev;

	switch (rx->proto) {
	case NDP_NH_TCP:
		ev->kind = NDP_EV_TCP;
		break;
	case NDP_NH_UDP:
		ev->kind = NDP_EV_UDP;
		break;
	default:
		ev->kind = NDP_EV_DEFAULT;
		break;
	}
	ev->proto = rx->proto;
	ev->handle = rx->pkt->handle;
	ev->l3_off = 0;
	ev->l4_off = rx->l4_off;
	ev->src = rx->src;
	ev->dst = rx->dst;
	out->has_event = true;
	ndp_count(ctx, NDP_STAT_RX_DELIVERED);
}

/* Token bucket: icmp_rate per second, icmp_burst deep (RFC 4443 2.4 f). */
static bool icmp_rate_ok(struct ndp_ctx *ctx, s64 now)
{
	return ndp_bucket_take(&ctx->icmp_bucket, now, ctx->cfg.icmp_rate,
			       ctx->cfg.icmp_burst);
}

/*
 * A tentative address of ours takes ND only (RFC 4862 5.4).  An optimistic
 * one, checked again after the link came back (ndp_link_change()), stays
 * in use meanwhile and receives like a valid one: RFC 4429 lets an
 * Optimistic Address carry traffic while DAD runs, only its ND is
 * restricted (what the DAD inputs of addr.c and nbr_send_ns() do).
 */
static bool addr_tentative_only(const struct ndp_addr *a)
{
	return a && a->state == NDP_ADDR_TENTATIVE && !a->optimistic;
}

static bool is_nd_type(u8 type)
{
	return (type >= NDP_ICMP_MLD_QUERY && type <= NDP_ICMP_REDIRECT) ||
	       type == NDP_ICMP_MLD2_REPORT;
}

/*
 * Walk the extension headers from @off (whose type is @nh) to the upper
 * layer without acting on them.  Returns its protocol with *@l4_off set, or
 * NDP_NH_NONE when the chain leaves the first @len bytes, is too long or
 * reaches a fragment other than the first.
 */
static u8 peek_upper(const u8 *ip6, u32 len, u8 nh, u32 off, u32 *l4_off)
{
	unsigned int n;

	for (n = 0; n <= NDP_MAX_EXT_HDRS; n++) {
		switch (nh) {
		case NDP_NH_HOPOPTS:
		case NDP_NH_DSTOPTS:
		case NDP_NH_ROUTING:
			if (off + 8 > len)
				return NDP_NH_NONE;
			nh = ip6[off];
			off += ((u32)ip6[off + 1] + 1) * 8;
			break;
		case NDP_NH_FRAGMENT:
			if (off + 8 > len || (ndp_get16(ip6 + off + 2) & 0xfff8))
				return NDP_NH_NONE;
			nh = ip6[off];
			off += 8;
			break;
		default:
			*l4_off = off;
			return nh;
		}
	}
	return NDP_NH_NONE;
}

/* The ICMPv6 type behind the extension headers, or -1 if not ICMPv6. */
static int peek_icmp_type(const u8 *ip6, u32 len, u8 nh, u32 off)
{
	u32 l4 = 0;

	if (peek_upper(ip6, len, nh, off, &l4) != NDP_NH_ICMPV6 || l4 >= len)
		return -1;
	return ip6[l4];
}

/* RFC 4443 2.4 (e.1, e.2): never about an error or a Redirect. */
static bool is_icmp_error_or_redirect(const struct ndp_rx *rx)
{
	int type = peek_icmp_type(rx->ip6, rx->pkt->len, rx->ip6[6],
				  NDP_IP6_HLEN);

	return type >= 0 && (type < 128 || type == NDP_ICMP_REDIRECT);
}

/*
 * RFC 4443 2.4 (e.3, e.4, e.5): the errors that may answer a packet sent
 * to a multicast address, or as a link-layer multicast or broadcast:
 * Packet Too Big, and Parameter Problem code 2 about an option whose type
 * starts with the bits 10 (one starting 11 asks for an error only when
 * the destination is not multicast, RFC 8200 4.2).  Linux's icmp6_send()
 * with opt_unrec() reads it the same way.
 */
static bool icmp_error_mcast_ok(const struct ndp_rx *rx, u8 type, u8 code,
				u32 pointer)
{
	if (type == NDP_ICMP_PKT_TOO_BIG)
		return true;
	return type == NDP_ICMP_PARAM_PROB && code == 2 &&
	       pointer < rx->pkt->len && (rx->ip6[pointer] & 0xc0) == 0x80;
}

void ndp_icmp_error(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
		    u8 type, u8 code, u32 pointer, struct ndp_out *out)
{
	u32 quote = min_t(u32, rx->pkt->len, ICMP_ERR_MAX_QUOTE);
	u32 plen = NDP_IP6_HLEN + ndp_get16(rx->ip6 + 4);
	bool mcast = ndp_ip6_is_mcast(&rx->dst) ||
		     (rx->pkt->flags & NDP_PKT_L2_MCAST);
	u8 mac[NDP_ETH_ALEN];
	struct ndp_ip6 src;
	int pending;
	u8 *f, *icmp;
	u32 len;

	quote = min(quote, plen);
	/*
	 * RFC 4443 2.4 (e): not about errors (e.1, e.2), not to :: or a
	 * multicast source (e.6), and about a packet to a group or in a
	 * link-layer multicast or broadcast frame only the exceptions
	 */
	if (is_icmp_error_or_redirect(rx) || ndp_ip6_is_unspec(&rx->src) ||
	    ndp_ip6_is_mcast(&rx->src) ||
	    (mcast && !icmp_error_mcast_ok(rx, type, code, pointer))) {
		ndp_count(ctx, NDP_STAT_ICMP_ERR_SUPPRESSED);
		return;
	}
	/* not about packets to a tentative address: they are not ours yet */
	if (!ndp_ip6_is_mcast(&rx->dst) && !ndp_addr_is_ours(ctx, &rx->dst)) {
		ndp_count(ctx, NDP_STAT_ICMP_ERR_SUPPRESSED);
		return;
	}
	if (ndp_ip6_is_mcast(&rx->dst)) {
		if (ndp_select_source(ctx, &rx->src, &src)) {
			ndp_count(ctx, NDP_STAT_ICMP_ERR_SUPPRESSED);
			return;
		}
	} else {
		src = rx->dst;
	}
	if (!icmp_rate_ok(ctx, now)) {
		ndp_count(ctx, NDP_STAT_ICMP_ERR_RATELIMITED);
		return;
	}
	pending = ndp_resolve(ctx, now, &rx->src, mac, out);
	if (pending == -EHOSTUNREACH)
		return;
	len = 8 + quote;
	f = ndp_out_frame(out, NDP_ETH_HLEN + NDP_IP6_HLEN + len);
	if (!f) {
		ndp_count(ctx, NDP_STAT_TX_OUT_FULL);
		return;
	}
	icmp = f + NDP_ETH_HLEN + NDP_IP6_HLEN;
	icmp[0] = type;
	icmp[1] = code;
	ndp_put32(icmp + 4, pointer);
	memcpy(icmp + 8, rx->ip6, quote);
	ndp_finish_icmp(ctx, f, mac, &src, &rx->src, ctx->cur_hop_limit, len);
	if (pending)
		ndp_out_resolve_last(out);
}

/* PadN bytes are zero (RFC 4942 2.1.9.5 asks receivers to check). */
static bool padn_zero(const u8 *opt, u32 olen)
{
	u32 i;

	for (i = 2; i < olen; i++)
		if (opt[i])
			return false;
	return true;
}

/*
 * Options of a Hop-by-Hop or Destination Options header at @off, @hlen
 * bytes.  Returns 0 to go on, or the stat that drops the packet.  Padding
 * only aligns, so more than 7 bytes of it in a row, PadN carrying data,
 * or more than NDP_MAX_EXT_OPTS other options are a covert channel or an
 * evasion attempt: dropped, as Linux does with its default limits.
 */
static int walk_options(struct ndp_ctx *ctx, s64 now, struct ndp_rx *rx,
			u32 off, u32 hlen, struct ndp_out *out)
{
	u32 i = off + 2, end = off + hlen, pad = 0, nopts = 0;
	const u8 *p = rx->ip6;

	while (i < end) {
		u8 type = p[i];
		u32 olen;

		if (type == 0) {		/* Pad1 */
			if (++pad > NDP_MAX_PAD_RUN)
				return NDP_STAT_EXT_PAD_TOO_LONG;
			i++;
			continue;
		}
		if (i + 2 > end)
			return NDP_STAT_EXT_TRUNCATED;
		olen = 2 + p[i + 1];
		if (i + olen > end)
			return NDP_STAT_EXT_TRUNCATED;
		if (type == 1) {		/* PadN */
			pad += olen;
			if (pad > NDP_MAX_PAD_RUN)
				return NDP_STAT_EXT_PAD_TOO_LONG;
			if (!padn_zero(p + i, olen))
				return NDP_STAT_EXT_PADN_NOT_ZERO;
			i += olen;
			continue;
		}
		pad = 0;
		if (++nopts > NDP_MAX_EXT_OPTS)
			return NDP_STAT_EXT_OPTS_TOO_MANY;
		switch (type) {
		case 5:				/* Router Alert */
			break;
		default:
			switch (type >> 6) {
			case 0:
				break;
			case 1:
				return NDP_STAT_EXT_OPT_DISCARD;
			case 3:
				if (ndp_ip6_is_mcast(&rx->dst))
					return NDP_STAT_EXT_OPT_PARAMPROB;
				fallthrough;
			case 2:
				ndp_icmp_error(ctx, now, rx,
					       NDP_ICMP_PARAM_PROB, 2, i, out);
				return NDP_STAT_EXT_OPT_PARAMPROB;
			}
		}
		i += olen;
	}
	return 0;
}

static bool nd_valid(struct ndp_ctx *ctx, const struct ndp_rx *rx,
		     u32 fixed, struct ndp_opts *o)
{
	const u8 *m = rx->l4;

	if (rx->fragmented) {
		ndp_count(ctx, NDP_STAT_ND_IN_FRAGMENT);
		return false;
	}
	if (rx->hop_limit != 255) {
		ndp_count(ctx, NDP_STAT_ND_HOPLIMIT);
		return false;
	}
	if (m[1] != 0) {
		ndp_count(ctx, NDP_STAT_ND_CODE);
		return false;
	}
	if (rx->l4_len < fixed) {
		ndp_count(ctx, NDP_STAT_ND_LEN);
		return false;
	}
	return ndp_opts_parse(ctx, m + fixed, rx->l4_len - fixed, o) == 0;
}

static void echo_reply(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
		       struct ndp_out *out)
{
	u32 need = NDP_ETH_HLEN + NDP_IP6_HLEN + rx->l4_len;
	u8 mac[NDP_ETH_ALEN];
	struct ndp_ip6 src;
	u8 *f, *icmp;
	int pending;

	if (ndp_ip6_is_unspec(&rx->src)) {
		ndp_count(ctx, NDP_STAT_ECHO_NO_SOURCE);
		return;
	}
	if (ndp_ip6_is_mcast(&rx->dst)) {
		if (ndp_select_source(ctx, &rx->src, &src)) {
			ndp_count(ctx, NDP_STAT_ECHO_NO_SOURCE);
			return;
		}
	} else {
		src = rx->dst;
	}
	if (!ndp_out_room(out, 1, 0, need)) {
		ndp_count(ctx, NDP_STAT_ECHO_TOO_BIG);
		return;
	}
	pending = ndp_resolve(ctx, now, &rx->src, mac, out);
	if (pending == -EHOSTUNREACH)
		return;
	f = ndp_out_frame(out, need);
	if (!f) {
		ndp_count(ctx, NDP_STAT_ECHO_TOO_BIG);
		return;
	}
	icmp = f + NDP_ETH_HLEN + NDP_IP6_HLEN;
	memcpy(icmp, rx->l4, rx->l4_len);
	icmp[0] = NDP_ICMP_ECHO_REPLY;
	ndp_finish_icmp(ctx, f, mac, &src, &rx->src, ctx->cur_hop_limit,
			rx->l4_len);
	if (pending)
		ndp_out_resolve_last(out);
	ndp_count(ctx, NDP_STAT_RX_ECHO);
}

/*
 * The rest of RFC 4861 8.1 for a Redirect (hop limit, code, length and
 * options checked): from a link-local source, the Destination not
 * multicast, the Target link-local (a better router) or the Destination
 * itself (on-link), and the source the current first hop for the
 * Destination: what this host would send to it through now (a
 * side-effect-free ndp_next_hop()).  An invalid Redirect is silently
 * discarded, counted by rule.  Returns the stat that dropped it, or 0.
 */
static int rx_redirect_valid(struct ndp_ctx *ctx, s64 now,
			     const struct ndp_rx *rx, const struct ndp_opts *o,
			     struct ndp_out *out)
{
	struct ndp_ip6 target, dest, first_hop;

	if (!ndp_ip6_is_linklocal(&rx->src))
		return NDP_STAT_REDIRECT_SRC_NOT_LL;
	ndp_ipaddr_of_cstruct(rx->l4 + 8, &target);
	ndp_ipaddr_of_cstruct(rx->l4 + 24, &dest);
	if (ndp_ip6_is_mcast(&dest))
		return NDP_STAT_REDIRECT_DST_MCAST;
	if (!ndp_ip6_is_linklocal(&target) && !ndp_ip6_eq(&target, &dest))
		return NDP_STAT_REDIRECT_BAD_TARGET;
	if (ndp_next_hop_peek(ctx, &dest, &first_hop) ||
	    !ndp_ip6_eq(&first_hop, &rx->src))
		return NDP_STAT_REDIRECT_NOT_FIRST_HOP;
	ndp_rx_redirect(ctx, now, rx, o, out);
	return 0;
}

/* ND and MLD: returns the stat that dropped it, or 0 when consumed. */
static int rx_nd(struct ndp_ctx *ctx, s64 now, struct ndp_rx *rx,
		 const struct ndp_addr *dst_addr, struct ndp_out *out)
{
	const u8 *m = rx->l4;
	struct ndp_ip6 target;
	struct ndp_addr *ta;
	struct ndp_opts o;

	switch (m[0]) {
	case NDP_ICMP_NS:
		if (!nd_valid(ctx, rx, 24, &o))
			return NDP_STAT_MAX;
		ndp_ipaddr_of_cstruct(m + 8, &target);
		if (ndp_ip6_is_mcast(&target))
			return NDP_STAT_NS_TARGET_MCAST;
		if (ndp_ip6_is_unspec(&rx->src)) {
			if (!ndp_ip6_is_solicited_node(&rx->dst))
				return NDP_STAT_NS_DAD_BAD_DST;
			if (o.slla)
				return NDP_STAT_NS_DAD_SLLA;
		}
		ta = ndp_addr_find(ctx, &target);
		if (ta && ta->state == NDP_ADDR_TENTATIVE) {
			ndp_addr_dad_ns(ctx, now, rx, &target, &o, out);
			return 0;
		}
		ndp_rx_ns(ctx, now, rx, &o, out);
		return 0;
	case NDP_ICMP_NA:
		if (!nd_valid(ctx, rx, 24, &o))
			return NDP_STAT_MAX;
		ndp_ipaddr_of_cstruct(m + 8, &target);
		if (ndp_ip6_is_mcast(&target))
			return NDP_STAT_NA_TARGET_MCAST;
		if ((m[4] & NDP_NA_FLAG_S) && ndp_ip6_is_mcast(&rx->dst))
			return NDP_STAT_NA_SOLICITED_MCAST;
		if (ndp_addr_dad_na(ctx, now, &target, out))
			return 0;
		ndp_rx_na(ctx, now, rx, &o, out);
		return 0;
	case NDP_ICMP_RS:
		if (!nd_valid(ctx, rx, 8, &o))
			return NDP_STAT_MAX;
		if (ndp_ip6_is_unspec(&rx->src) && o.slla)
			return NDP_STAT_RS_UNSPEC_SLLA;
		ndp_rx_rs(ctx, now, rx, &o, out);
		return 0;
	case NDP_ICMP_RA:
		if (!nd_valid(ctx, rx, 16, &o))
			return NDP_STAT_MAX;
		if (!ndp_ip6_is_linklocal(&rx->src))
			return NDP_STAT_RA_SRC_NOT_LL;
		ndp_ra_useropts(ctx, rx, out);
		if (!ctx->cfg.accept_ra)
			return NDP_STAT_RA_IGNORED;
		ndp_rx_ra(ctx, now, rx, &o, out);
		return 0;
	case NDP_ICMP_REDIRECT:
		if (!nd_valid(ctx, rx, 40, &o))
			return NDP_STAT_MAX;
		return rx_redirect_valid(ctx, now, rx, &o, out);
	case NDP_ICMP_MLD_QUERY:
		if (rx->fragmented)
			return NDP_STAT_ND_IN_FRAGMENT;
		ndp_rx_mld_query(ctx, now, rx, out);
		return 0;
	}
	return 0;	/* MLD reports of others: nothing for a host to do */
}

static void rx_icmp(struct ndp_ctx *ctx, s64 now, struct ndp_rx *rx,
		    const struct ndp_addr *dst_addr, struct ndp_out *out)
{
	const struct ndp_pkt *pkt = rx->pkt;
	int why;

	if (rx->l4_len < 4 || rx->l4_off + rx->l4_len > pkt->len) {
		drop(ctx, pkt, out, NDP_STAT_ICMP_TRUNCATED);
		return;
	}
	rx->l4 = rx->ip6 + rx->l4_off;
	if (!csum_checked(ndp_icmp_csum(&rx->src, &rx->dst, rx->l4,
					rx->l4_len) == 0)) {
		drop(ctx, pkt, out, NDP_STAT_ICMP_CSUM);
		return;
	}
	/* a tentative address takes ND only (RFC 4862 5.4) */
	if (addr_tentative_only(dst_addr) &&
	    rx->l4[0] != NDP_ICMP_NS && rx->l4[0] != NDP_ICMP_NA) {
		drop(ctx, pkt, out, NDP_STAT_IP6_NOT_FOR_US);
		return;
	}
	if (is_nd_type(rx->l4[0])) {
		why = rx_nd(ctx, now, rx, dst_addr, out);
		if (why) {
			/* NDP_STAT_MAX: nd_valid() counted already */
			if (why != NDP_STAT_MAX)
				ndp_count(ctx, why);
			ndp_out_own_done(out, pkt->handle,
					 NDP_DONE_RX_DROPPED);
			return;
		}
		ndp_count(ctx, NDP_STAT_RX_ND);
		consume(pkt, out);
		return;
	}
	if (rx->l4[0] == NDP_ICMP_ECHO_REQUEST && ctx->cfg.reply_echo &&
	    !rx->fragmented) {
		echo_reply(ctx, now, rx, out);
		consume(pkt, out);
		return;
	}
	deliver(ctx, rx, out);
}

/*
 * The fixed header (RFC 8200 3): fills @rx, sets *@end to the end of the
 * payload and *@dst_addr to our unicast destination (NULL for a group).
 * Returns 0, or the stat that drops the packet.
 */
static int rx_ip6_header(const struct ndp_ctx *ctx, const struct ndp_pkt *pkt,
			 struct ndp_rx *rx, u32 *end,
			 const struct ndp_addr **dst_addr)
{
	const struct ndp_addr *a;

	if (pkt->len < NDP_IP6_HLEN || pkt->tot_len < pkt->len)
		return NDP_STAT_IP6_TRUNCATED;
	memset(rx, 0, sizeof(*rx));
	rx->pkt = pkt;
	rx->ip6 = pkt->data;
	if ((rx->ip6[0] >> 4) != 6)
		return NDP_STAT_IP6_VERSION;
	*end = NDP_IP6_HLEN + ndp_get16(rx->ip6 + 4);
	if (*end > pkt->tot_len)
		return NDP_STAT_IP6_TRUNCATED;
	ndp_ipaddr_of_cstruct(rx->ip6 + 8, &rx->src);
	ndp_ipaddr_of_cstruct(rx->ip6 + 24, &rx->dst);
	rx->hop_limit = rx->ip6[7];
	if (ndp_ip6_is_mcast(&rx->src))
		return NDP_STAT_IP6_SRC_MCAST;
	/* RFC 4291 2.5.3: ::1 never comes from the wire, either way */
	if (ndp_ip6_is_loopback(&rx->src) || ndp_ip6_is_loopback(&rx->dst))
		return NDP_STAT_IP6_LOOPBACK;
	/*
	 * RFC 4291 2.7: a group of the reserved scope 0 is dropped, and one
	 * of interface-local scope (1) only loops back inside a node
	 * (erratum 3480): neither is received from the link, whoever joined
	 * it.  Linux's ip6_rcv_core() drops all three (and ::1) the same way.
	 */
	if (ndp_ip6_is_mcast(&rx->dst) && (rx->dst.b[1] & 0x0f) <= 1)
		return NDP_STAT_IP6_MCAST_SCOPE;
	*dst_addr = NULL;
	if (ndp_ip6_is_mcast(&rx->dst))
		return ndp_group_is_joined(ctx, &rx->dst) ? 0 :
		       NDP_STAT_IP6_NOT_FOR_US;
	a = ndp_addr_find(ctx, &rx->dst);
	if (!a || a->state == NDP_ADDR_DUPLICATE)
		return NDP_STAT_IP6_NOT_FOR_US;
	*dst_addr = a;
	return 0;
}

/*
 * One Hop-by-Hop, Destination Options or Routing header @nh at @off, the
 * @n-th of the chain; its Next Header field is at @nh_field.  Sets *@hlen
 * to its length.  Returns 0 to go on, or the stat that drops the packet
 * (after a Parameter Problem where RFC 8200 asks for one).
 */
static int rx_ext_header(struct ndp_ctx *ctx, s64 now, struct ndp_rx *rx,
			 u32 end, u8 nh, unsigned int n, u32 nh_field,
			 u32 off, u32 *hlen, struct ndp_out *out)
{
	u32 len = rx->pkt->len;

	if (nh == NDP_NH_HOPOPTS && n) {
		/* pointer: the Next Header field naming it */
		rx->proto = nh;
		ndp_icmp_error(ctx, now, rx, NDP_ICMP_PARAM_PROB, 1, nh_field,
			       out);
		return NDP_STAT_EXT_HBH_NOT_FIRST;
	}
	if (off + 8 > end || off + 8 > len)
		return NDP_STAT_EXT_TRUNCATED;
	*hlen = ((u32)rx->ip6[off + 1] + 1) * 8;
	if (off + *hlen > end || off + *hlen > len)
		return NDP_STAT_EXT_TRUNCATED;
	if (nh != NDP_NH_ROUTING)
		return walk_options(ctx, now, rx, off, *hlen, out);
	if (rx->ip6[off + 3]) {
		/* no routing type is known to a host */
		rx->proto = nh;
		ndp_icmp_error(ctx, now, rx, NDP_ICMP_PARAM_PROB, 0, off + 2,
			       out);
		return NDP_STAT_EXT_ROUTING;
	}
	return 0;
}

/*
 * The extension header chain (RFC 8200 4.1), bounded, no recursion: stops
 * at the upper-layer header, a Fragment header or No Next Header, with
 * @rx->proto and @rx->l4_off/l4_len set.  Returns 0, or the stat that
 * drops the packet.
 */
static int rx_ext_headers(struct ndp_ctx *ctx, s64 now, struct ndp_rx *rx,
			  u32 end, struct ndp_out *out)
{
	u32 off = NDP_IP6_HLEN, nh_field = 6, hlen = 0;
	u8 nh = rx->ip6[6];
	unsigned int n;
	int why;

	for (n = 0; ; n++) {
		if (n > NDP_MAX_EXT_HDRS)
			return NDP_STAT_EXT_TOO_MANY;
		if (nh != NDP_NH_HOPOPTS && nh != NDP_NH_DSTOPTS &&
		    nh != NDP_NH_ROUTING)
			break;
		why = rx_ext_header(ctx, now, rx, end, nh, n, nh_field, off,
				    &hlen, out);
		if (why)
			return why;
		nh = rx->ip6[off];
		nh_field = off;
		off += hlen;
	}
	if (nh == NDP_NH_FRAGMENT &&
	    (off + 8 > end || off + 8 > rx->pkt->len))
		return NDP_STAT_EXT_TRUNCATED;
	rx->proto = nh;
	rx->l4_off = off;
	rx->l4_len = end - off;
	return 0;
}

/*
 * A fragment: the caller reassembles.  A first fragment that carries ND
 * is dropped here (RFC 6980), so the reassembled message never gets acted
 * on.
 */
static void rx_fragment(struct ndp_ctx *ctx, struct ndp_rx *rx, u32 end,
			const struct ndp_addr *dst_addr, struct ndp_out *out)
{
	const struct ndp_pkt *pkt = rx->pkt;
	int type;

	rx->fragmented = true;
	type = peek_icmp_type(rx->ip6, min(pkt->len, end), NDP_NH_FRAGMENT,
			      rx->l4_off);
	if (type >= 0 && is_nd_type((u8)type)) {
		drop(ctx, pkt, out, NDP_STAT_ND_IN_FRAGMENT);
		return;
	}
	if (addr_tentative_only(dst_addr)) {
		drop(ctx, pkt, out, NDP_STAT_IP6_NOT_FOR_US);
		return;
	}
	deliver(ctx, rx, out);
}

/* The checks of one packet, in order, then its dispatch. */
static void handle_one(struct ndp_ctx *ctx, s64 now,
		       const struct ndp_pkt *pkt, struct ndp_out *out)
{
	const struct ndp_addr *dst_addr = NULL;
	struct ndp_rx rx;
	u32 end = 0;
	int why;

	ndp_count(ctx, NDP_STAT_RX_PACKETS);
	why = rx_ip6_header(ctx, pkt, &rx, &end, &dst_addr);
	if (!why)
		why = rx_ext_headers(ctx, now, &rx, end, out);
	if (why) {
		drop(ctx, pkt, out, why);
		return;
	}
	switch (rx.proto) {
	case NDP_NH_NONE:
		consume(pkt, out);
		return;
	case NDP_NH_FRAGMENT:
		rx_fragment(ctx, &rx, end, dst_addr, out);
		return;
	case NDP_NH_ICMPV6:
		rx_icmp(ctx, now, &rx, dst_addr, out);
		return;
	}
	if (addr_tentative_only(dst_addr)) {
		drop(ctx, pkt, out, NDP_STAT_IP6_NOT_FOR_US);
		return;
	}
	deliver(ctx, &rx, out);
}

/**
 * ndp_handle() - process one received IPv6 packet (Mirage's handle).
 * @ctx: context
 * @now: current time, ns
 * @pkt: the packet, IPv6 header at @pkt->data
 * @out: output, with at least one free @done entry
 *
 * The packet comes back in @out->done (consumed or dropped, with its
 * reason) or in @out->ev (to pass up), never both.
 *
 * Return: 0; -ENOBUFS if @out had no free @done entry: the packet was not
 * taken and still belongs to the caller.
 */
int ndp_handle(struct ndp_ctx *ctx, s64 now, const struct ndp_pkt *pkt,
	       struct ndp_out *out)
{
	if (!ndp_out_own_begin(out)) {
		ndp_count(ctx, NDP_STAT_OUT_NO_ROOM);
		return -ENOBUFS;
	}
	handle_one(ctx, now, pkt, out);
	ndp_out_own_end(out);
	return 0;
}
