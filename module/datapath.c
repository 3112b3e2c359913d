// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 datapath: the rx handler on the lower, ndp0's xmit, the tick, and
 * the conversion of the core's output into skbs (ndpv6_out_*).  The core
 * lock, the per-CPU output, what is sent when and how handles come back:
 * Documentation/ndpv6/glue.rst, "Contexts and locks".
 */
#include <linux/etherdevice.h>
#include <linux/icmpv6.h>
#include <linux/if_vlan.h>
#include <linux/ipv6.h>
#include <linux/jiffies.h>
#include <linux/lockdep.h>
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/timekeeping.h>
#include <net/ipv6.h>
#include <net/ndisc.h>

#include "compat.h"
#include "device.h"

/* The core drops longer extension header chains (EXT_TOO_MANY). */
#define NDPV6_RX_MAX_EXT	9

struct ndpv6_pcpu {
	local_lock_t bh_lock;	/* the CPU's output, on PREEMPT_RT */
	struct ndp_out out;
	bool busy;
};

static struct ndpv6_pcpu __percpu *ndpv6_pcpu;

/**
 * ndpv6_datapath_init() - allocate the per-CPU core outputs.
 *
 * Context: module init.
 * Return: 0 or -ENOMEM.
 */
int ndpv6_datapath_init(void)
{
	int cpu;

	ndpv6_pcpu = alloc_percpu(struct ndpv6_pcpu);
	if (!ndpv6_pcpu)
		return -ENOMEM;
	for_each_possible_cpu(cpu)
		local_lock_init(&per_cpu_ptr(ndpv6_pcpu, cpu)->bh_lock);
	return 0;
}

/**
 * ndpv6_datapath_uninit() - free the per-CPU core outputs.
 *
 * Context: module exit, after every ndpv6 device is gone.
 */
void ndpv6_datapath_uninit(void)
{
	free_percpu(ndpv6_pcpu);
}

/**
 * ndpv6_out_get() - this CPU's core output, reset, for one core call.
 *
 * Context: BH disabled; released by ndpv6_out_finish() or ndpv6_out_put().
 * Return: the output.
 */
struct ndp_out *ndpv6_out_get(void)
{
	struct ndpv6_pcpu *p;

	lockdep_assert_in_softirq();
	local_lock_nested_bh(&ndpv6_pcpu->bh_lock);
	p = this_cpu_ptr(ndpv6_pcpu);
	WARN_ON_ONCE(p->busy);
	p->busy = true;
	ndp_out_reset(&p->out);
	return &p->out;
}

/**
 * ndpv6_out_put() - release this CPU's output unused.
 * @out: from ndpv6_out_get()
 *
 * Context: BH disabled.
 */
void ndpv6_out_put(struct ndp_out *out)
{
	container_of(out, struct ndpv6_pcpu, out)->busy = false;
	local_unlock_nested_bh(&ndpv6_pcpu->bh_lock);
}

/* Delay in jiffies, rounded up, for a deadline @ns from now. */
static unsigned long ns_to_delay(s64 ns)
{
	if (ns <= 0)
		return 0;
	return nsecs_to_jiffies((u64)ns + TICK_NSEC - 1);
}

/* Append the notes of @out to the device's ring, in order. */
static void notes_queue_locked(struct ndpv6_dev *priv,
			       const struct ndp_out *out)
{
	u32 i, slot;

	for (i = 0; i < out->n_notes; i++) {
		if (priv->note_len == NDPV6_NOTE_RING) {
			priv->notes_lost = true;
			ndpv6_glue_inc(priv, NDPV6_GLUE_NOTES_LOST);
			break;
		}
		slot = (priv->note_head + priv->note_len) % NDPV6_NOTE_RING;
		priv->notes[slot] = out->notes[i];
		priv->note_len++;
	}
	if (out->notes_lost) {
		priv->notes_lost = true;
		ndpv6_glue_inc(priv, NDPV6_GLUE_NOTES_LOST);
	}
	ndpv6_mirror_kick(priv);
}

/**
 * ndpv6_out_after_locked() - after a core call: notes to the ring, the
 *	tick moved earlier if the core's deadline became sooner.
 * @priv: the device
 * @out: the call's output
 * @now: the time the call was given
 *
 * Context: priv->lock held, BH disabled.
 */
void ndpv6_out_after_locked(struct ndpv6_dev *priv, const struct ndp_out *out,
			    s64 now)
{
	s64 next;

	lockdep_assert_held(&priv->lock);
	if (out->n_notes || out->notes_lost)
		notes_queue_locked(priv, out);
	next = min_t(s64, ndp_next_deadline(priv->ctx), now + NSEC_PER_SEC);
	if (next < priv->tick_at) {
		priv->tick_at = next;
		mod_delayed_work(system_wq, &priv->tick,
				 ns_to_delay(next - now));
	}
}

/* Count a frame the core built, by what it is (wire ownership tests). */
static void count_core_frame(struct ndpv6_dev *priv, const u8 *f, u32 len)
{
	u32 off = ETH_HLEN + sizeof(struct ipv6hdr);
	enum ndpv6_glue_stat s = NDPV6_GLUE_TX_CORE_OTHER;
	u8 nh;

	if (len < off + 2)
		goto out;
	nh = f[ETH_HLEN + offsetof(struct ipv6hdr, nexthdr)];
	if (nh == NEXTHDR_HOP) {
		nh = f[off];
		off += (f[off + 1] + 1) * 8;
		if (len < off + 1)
			goto out;
	}
	if (nh != NEXTHDR_ICMP)
		goto out;
	switch (f[off]) {
	case NDISC_NEIGHBOUR_SOLICITATION:
		s = NDPV6_GLUE_TX_CORE_NS;
		break;
	case NDISC_NEIGHBOUR_ADVERTISEMENT:
		s = NDPV6_GLUE_TX_CORE_NA;
		break;
	case NDISC_ROUTER_SOLICITATION:
		s = NDPV6_GLUE_TX_CORE_RS;
		break;
	case ICMPV6_MGM_QUERY:
	case ICMPV6_MGM_REPORT:
	case ICMPV6_MGM_REDUCTION:
	case ICMPV6_MLD2_REPORT:
		s = NDPV6_GLUE_TX_CORE_MLD;
		break;
	case ICMPV6_ECHO_REPLY:
		s = NDPV6_GLUE_TX_CORE_ECHO;
		break;
	}
out:
	ndpv6_glue_inc(priv, s);
}

/* A frame built by the core in the arena, copied into a new skb. */
/*
 * skb->cb of a packet from ndpv6_start_xmit() or core_frame() on: while
 * it waits in the core, and from out_collect() to its dev_queue_xmit() on
 * the lower (ndp0 is done with its own cb; the lower's starts afresh).
 */
struct ndpv6_tx_cb {
	unsigned int len;	/* ndp0's packet: its IPv6 length; 0: core's */
	bool core;		/* a reply the core built, queued to resolve */
};

#define NDPV6_TX_CB(skb)	((struct ndpv6_tx_cb *)(skb)->cb)

/*
 * An skb for a frame the core built.  One marked NDP_TX_RESOLVE waits for
 * its next hop: it becomes a bare IPv6 packet, with the headroom for the
 * Ethernet header the core writes when it leaves (tx_resolve()).
 */
static struct sk_buff *core_frame(struct ndpv6_dev *priv,
				  const struct ndp_tx *tx)
{
	struct net_device *lower = priv->lower;
	unsigned int hr = LL_RESERVED_SPACE(lower);
	struct sk_buff *skb;

	skb = alloc_skb(hr + tx->len + lower->needed_tailroom, GFP_ATOMIC);
	if (unlikely(!skb)) {
		ndpv6_glue_inc(priv, NDPV6_GLUE_TX_ALLOC_FAILED);
		return NULL;
	}
	skb_reserve(skb, hr);
	skb_put_data(skb, tx->frame, tx->len);
	skb->protocol = htons(ETH_P_IPV6);
	skb->priority = TC_PRIO_CONTROL;
	skb_set_network_header(skb, ETH_HLEN);
	count_core_frame(priv, tx->frame, tx->len);
	if (tx->flags & NDP_TX_RESOLVE) {
		skb_pull(skb, ETH_HLEN);
		NDPV6_TX_CB(skb)->core = true;
	}
	return skb;
}

/* The kernel's nearest drop reason (skb:kfree_skb) for a core drop. */
static enum skb_drop_reason drop_reason(u8 reason)
{
	switch (reason) {
	case NDP_DONE_NO_ROUTE:
		return SKB_DROP_REASON_IP_OUTNOROUTES;
	case NDP_DONE_NO_NEIGHBOUR:
		return SKB_DROP_REASON_NEIGH_CREATEFAIL;
	case NDP_DONE_QUEUE_FULL:
		return SKB_DROP_REASON_NEIGH_QUEUEFULL;
	case NDP_DONE_UNREACHABLE:
		return SKB_DROP_REASON_NEIGH_FAILED;
	case NDP_DONE_EVICTED:
	case NDP_DONE_FLUSHED:
		return SKB_DROP_REASON_NEIGH_DEAD;
	default:
		return SKB_DROP_REASON_NOT_SPECIFIED;
	}
}

/* One of ndp0's packets given back dropped: GLUE_TX_DROP_<reason>. */
static void count_tx_drop(struct ndpv6_dev *priv, u8 reason)
{
	BUILD_BUG_ON(NDPV6_PCPU_TX_DROP_NO_ROOM - NDPV6_PCPU_TX_DROP_BAD_PACKET !=
		     NDP_DONE_NO_ROOM - NDP_DONE_BAD_PACKET);
	BUILD_BUG_ON(NDP_DONE_NO_ROOM + 1 != NDP_DONE_MAX);
	/* never RX_DROPPED (ndp_handle()'s alone): counted as a bad packet */
	if (unlikely(reason < NDP_DONE_BAD_PACKET || reason >= NDP_DONE_MAX)) {
		DEBUG_NET_WARN_ON_ONCE(1);
		reason = NDP_DONE_BAD_PACKET;
	}
	ndpv6_pcpu_inc(priv, NDPV6_PCPU_TX_DROP_BAD_PACKET +
			     (reason - NDP_DONE_BAD_PACKET));
}

/*
 * Turn @out into skbs on @txq and free the handles given back, but for
 * those that need an ICMPv6 error first: they go to @unreach.  @rx_skb is
 * the packet given to ndp_handle(), NULL for other calls: any other handle
 * is one of ndp0's packets.
 */
static void out_collect(struct ndpv6_dev *priv, const struct ndp_out *out,
			const struct sk_buff *rx_skb, struct sk_buff_head *txq,
			struct sk_buff_head *unreach,
			struct sk_buff_head *resolveq)
{
	struct sk_buff *skb;
	unsigned int len;
	u32 i;

	for (i = 0; i < out->n_tx; i++) {
		const struct ndp_tx *tx = &out->tx[i];

		if (tx->handle) {
			skb = tx->handle;
			DEBUG_NET_WARN_ON_ONCE(tx->frame !=
					       skb->data - ETH_HLEN);
			skb_reset_network_header(skb);
			len = NDPV6_TX_CB(skb)->core ? 0 : skb->len;
			skb_push(skb, ETH_HLEN);
		} else {
			skb = core_frame(priv, tx);
			if (!skb)
				continue;
			if (tx->flags & NDP_TX_RESOLVE) {
				__skb_queue_tail(resolveq, skb);
				continue;
			}
			len = 0;
		}
		skb_reset_mac_header(skb);
		skb->dev = priv->lower;
		NDPV6_TX_CB(skb)->len = len;
		__skb_queue_tail(txq, skb);
	}
	for (i = 0; i < out->n_done; i++) {
		const struct ndp_done *d = &out->done[i];

		skb = d->handle;
		if (skb == rx_skb) {
			if (d->reason == NDP_DONE_CONSUMED) {
				ndpv6_pcpu_inc(priv, NDPV6_PCPU_RX_CONSUMED);
				consume_skb(skb);
				continue;
			}
			DEBUG_NET_WARN_ON_ONCE(d->reason != NDP_DONE_RX_DROPPED);
			ndpv6_pcpu_inc(priv, NDPV6_PCPU_RX_CORE_DROPPED);
			dev_core_stats_rx_dropped_inc(priv->dev);
			kfree_skb(skb);
			continue;
		}
		if (d->reason == NDP_DONE_CONSUMED) {
			consume_skb(skb);
			continue;
		}
		if (NDPV6_TX_CB(skb)->core) {	/* the core counted it */
			kfree_skb_reason(skb, drop_reason(d->reason));
			continue;
		}
		count_tx_drop(priv, d->reason);
		dev_core_stats_tx_dropped_inc(priv->dev);
		if (d->reason == NDP_DONE_UNREACHABLE) {
			__skb_queue_tail(unreach, skb);
			continue;
		}
		kfree_skb_reason(skb, drop_reason(d->reason));
	}
}

/*
 * @skb, one of ndp0's packets, waited for a neighbour that never answered
 * (RFC 4861 7.2.2): ICMPv6 Destination Unreachable, code 3 (address
 * unreachable), to its sender, as Linux's own ndisc_error_report() does
 * (dst_link_failure(), ip6_link_failure(), icmpv6_send()).  The kernel's
 * icmp6_send() chooses the source, routes the error (over loopback to a
 * sender on this host), applies the same rate limits as to Linux's own ND
 * (the global net.ipv4.icmp_msgs_per_sec always, the per-destination
 * net.ipv6.icmp.ratelimit unless the error goes over loopback), and sends
 * nothing about an ICMPv6 error or to a multicast or unspecified source.
 * It is icmpv6_ndo_send() because skb->cb is no longer IP6CB:
 * dev_queue_xmit() on ndp0 wrote its qdisc_skb_cb over it.  It sends with
 * no IPv6 options, and undoes a NAT of the source (with CONFIG_NF_NAT) so
 * that the error reaches the real sender.
 *
 * No error for a fragment other than the first: it quotes no upper-layer
 * header, so it would reach no socket (icmp6_send() does not check this);
 * the first fragment's error tells the sender about the datagram.
 *
 * The core left skb->data at the IPv6 header (its Ethernet header, if it
 * ever wrote one, is in the headroom, not pushed).
 *
 * Context: BH disabled, priv->lock not held, the per-CPU output released:
 * the error may leave through ndp0 and enter ndpv6_start_xmit() on this
 * CPU (a forwarded packet's sender behind ndp0).
 */
static void report_unreachable(struct sk_buff *skb)
{
	__be16 frag_off = 0;
	u8 nh;

	skb_reset_network_header(skb);
	nh = ipv6_hdr(skb)->nexthdr;
	if (ipv6_skip_exthdr(skb, sizeof(struct ipv6hdr), &nh,
			     &frag_off) >= 0 &&
	    (ntohs(frag_off) & IP6_OFFSET))
		return;
	icmpv6_ndo_send(skb, ICMPV6_DEST_UNREACH, ICMPV6_ADDR_UNREACH, 0);
}

static void tx_core(struct ndpv6_dev *priv, struct sk_buff *skb);

/**
 * ndpv6_out_finish() - turn a core call's output into skbs, release the
 *	output, then transmit and report.
 * @priv: the device
 * @out: from ndpv6_out_get()
 * @rx_skb: the received skb the call was given, or NULL
 *
 * Context: BH disabled, priv->lock not held.
 */
void ndpv6_out_finish(struct ndpv6_dev *priv, struct ndp_out *out,
		      const struct sk_buff *rx_skb)
{
	struct sk_buff_head txq, unreach, resolveq;
	struct sk_buff *skb;
	unsigned int len;
	int rc;

	lockdep_assert_in_softirq();
	lockdep_assert_not_held(&priv->lock);
	__skb_queue_head_init(&txq);
	__skb_queue_head_init(&unreach);
	__skb_queue_head_init(&resolveq);
	/* before out_collect(), which frees @rx_skb the options point into */
	if (rx_skb && out->n_useropts)
		ndpv6_useropts_send(priv, out, rx_skb);
	out_collect(priv, out, rx_skb, &txq, &unreach, &resolveq);
	ndpv6_out_put(out);
	while ((skb = __skb_dequeue(&txq))) {
		len = NDPV6_TX_CB(skb)->len;
		rc = dev_queue_xmit(skb);
		/* net_xmit_eval() evaluates its argument twice */
		if (likely(!net_xmit_eval(rc))) {
			if (len)
				dev_sw_netstats_tx_add(priv->dev, 1, len);
			continue;
		}
		ndpv6_glue_inc(priv, NDPV6_GLUE_TX_LOWER_ERROR);
		if (len) {
			ndpv6_pcpu_inc(priv, NDPV6_PCPU_TX_LOWER_REFUSED);
			dev_core_stats_tx_dropped_inc(priv->dev);
		}
	}
	while ((skb = __skb_dequeue(&unreach))) {
		report_unreachable(skb);
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
	}
	/* replies whose next hop is resolving wait like ndp0's packets */
	while ((skb = __skb_dequeue(&resolveq)))
		tx_core(priv, skb);
}

/* ------------------------------------------------------------------ rx */

/*
 * Make what the core reads linear: the IPv6 header, every extension header,
 * and an ICMPv6 message entirely (TCP, UDP and fragments stay as they are:
 * the core reads only their headers' chain).  A packet too short for a
 * header is left for the core to count.  Returns 0 or -ENOMEM.
 */
static int rx_pull(struct sk_buff *skb)
{
	unsigned int off = sizeof(struct ipv6hdr), hlen, n;
	u8 nh;

	if (skb->len < off)
		return 0;
	if (!pskb_may_pull(skb, off))
		return -ENOMEM;
	nh = skb->data[offsetof(struct ipv6hdr, nexthdr)];
	for (n = 0; n < NDPV6_RX_MAX_EXT; n++) {
		switch (nh) {
		case NEXTHDR_HOP:
		case NEXTHDR_DEST:
		case NEXTHDR_ROUTING:
			if (skb->len < off + 8)
				return 0;
			if (!pskb_may_pull(skb, off + 8))
				return -ENOMEM;
			hlen = ipv6_optlen((struct ipv6_opt_hdr *)
					   (skb->data + off));
			if (skb->len < off + hlen)
				return 0;
			if (!pskb_may_pull(skb, off + hlen))
				return -ENOMEM;
			nh = skb->data[off];
			off += hlen;
			break;
		case NEXTHDR_FRAGMENT:
			/* the header and the first byte after it */
			hlen = min(skb->len, off + 9);
			return pskb_may_pull(skb, hlen) ? 0 : -ENOMEM;
		case NEXTHDR_ICMP:
			return skb_linearize(skb);
		default:
			return 0;
		}
	}
	return 0;
}

static rx_handler_result_t rx_core(struct ndpv6_dev *priv,
				   struct sk_buff *skb)
{
	struct net_device *dev = priv->dev;
	const struct ndp_pkt pkt = {
		.handle = skb,
		.data = skb->data,
		.len = skb_headlen(skb),
		.tot_len = skb->len,
		.headroom = skb_headroom(skb),
		/* PACKET_MULTICAST or _BROADCAST: no ICMPv6 errors for it */
		.flags = skb->pkt_type != PACKET_HOST ? NDP_PKT_L2_MCAST : 0,
	};
	struct ndp_out *out;
	bool up = false, deliver;
	s64 now;

	out = ndpv6_out_get();
	spin_lock(&priv->lock);
	if (likely(priv->ctx)) {
		now = ndpv6_now();
		/* ndpv6_out_get() gave an empty output: the core takes the skb */
		up = !WARN_ON_ONCE(ndp_handle(priv->ctx, now, &pkt, out));
		ndpv6_out_after_locked(priv, out, now);
	}
	spin_unlock(&priv->lock);
	if (unlikely(!up)) {
		ndpv6_out_put(out);
		return RX_HANDLER_PASS;
	}
	ndpv6_pcpu_inc(priv, NDPV6_PCPU_RX_TO_CORE);
	deliver = out->has_event;
	DEBUG_NET_WARN_ON_ONCE(deliver && out->ev.handle != skb);
	ndpv6_out_finish(priv, out, skb);
	if (!deliver)
		return RX_HANDLER_CONSUMED;

	/* Up the kernel's stack as received on ndp0: same skb, no copy. */
	if (unlikely(!net_eq(dev_net(priv->lower), dev_net(dev)))) {
		/*
		 * The scrub makes every packet PACKET_HOST; one that came in
		 * a group or broadcast frame must stay so in ndp0's namespace
		 * too: icmp6_send() answers no error about it (RFC 4443 2.4
		 * e.3), drop_unicast_in_l2_multicast sees it.
		 */
		u8 pkt_type = skb->pkt_type;

		skb_scrub_packet(skb, true);
		skb->pkt_type = pkt_type;
	}
	skb->dev = dev;
	dev_sw_netstats_rx_add(dev, skb->len);
	return RX_HANDLER_ANOTHER;
}

/**
 * ndpv6_handle_frame() - the rx handler on the lower device.
 * @pskb: the received frame; replaced when it had to be unshared
 *
 * IPv6 frames for this host (our MAC or a multicast group) go to the core
 * while ndp0 is up; what the core passes up continues on ndp0.  Everything
 * else (IPv4, ARP, other hosts' frames, VLAN-tagged frames) passes.
 *
 * Context: softirq, rcu_read_lock held.
 * Return: RX_HANDLER_PASS, RX_HANDLER_CONSUMED (consumed or dropped by the
 * core) or RX_HANDLER_ANOTHER (*@pskb now belongs to ndp0).
 */
rx_handler_result_t ndpv6_handle_frame(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct ndpv6_dev *priv;

	if (skb->protocol != htons(ETH_P_IPV6) ||
	    skb->pkt_type == PACKET_OTHERHOST ||
	    skb->pkt_type == PACKET_LOOPBACK)
		return RX_HANDLER_PASS;
	if (skb_vlan_tag_present(skb) && skb_vlan_tag_get_id(skb))
		return RX_HANDLER_PASS;
	priv = rcu_dereference(skb->dev->rx_handler_data);
	if (!READ_ONCE(priv->ctx))
		return RX_HANDLER_PASS;

	skb = skb_share_check(skb, GFP_ATOMIC);
	if (unlikely(!skb)) {
		ndpv6_pcpu_inc(priv, NDPV6_PCPU_RX_UNSHARE_FAILED);
		dev_core_stats_rx_dropped_inc(priv->dev);
		return RX_HANDLER_CONSUMED;
	}
	*pskb = skb;
	if (unlikely(rx_pull(skb))) {
		ndpv6_glue_inc(priv, NDPV6_GLUE_RX_PULL_FAILED);
		dev_core_stats_rx_dropped_inc(priv->dev);
		kfree_skb(skb);
		return RX_HANDLER_CONSUMED;
	}
	return rx_core(priv, skb);
}

/* ------------------------------------------------------------------ tx */

/*
 * Is this an ICMPv6 ND or MLD message (types 130-143), possibly behind a
 * Hop-by-Hop header?  ND and MLD on ndp0 are the core's alone.
 */
static bool is_nd(const struct sk_buff *skb)
{
	unsigned int off = sizeof(struct ipv6hdr);
	u8 nh = skb->data[offsetof(struct ipv6hdr, nexthdr)];
	const u8 *p;
	u8 buf[2];

	if (nh == NEXTHDR_HOP) {
		p = skb_header_pointer(skb, off, sizeof(buf), buf);
		if (!p)
			return false;
		nh = p[0];
		off += (p[1] + 1) * 8;
	}
	if (nh != NEXTHDR_ICMP)
		return false;
	p = skb_header_pointer(skb, off, 1, buf);
	return p && *p >= ICMPV6_MGM_QUERY && *p <= ICMPV6_MLD2_REPORT;
}

static void tx_core(struct ndpv6_dev *priv, struct sk_buff *skb)
{
	/* read now: once the core has it, another CPU may send and free it */
	bool own = !NDPV6_TX_CB(skb)->core;
	const struct ndp_pkt pkt = {
		.handle = skb,
		.data = skb->data,
		.len = skb_headlen(skb),
		.tot_len = skb->len,
		.headroom = skb_headroom(skb),
	};
	struct ndp_out *out;
	bool up = false;
	s64 now;

	out = ndpv6_out_get();
	spin_lock(&priv->lock);
	if (likely(priv->ctx)) {
		now = ndpv6_now();
		up = !WARN_ON_ONCE(ndp_send(priv->ctx, now, NULL, &pkt, 0,
					    out));
		ndpv6_out_after_locked(priv, out, now);
	}
	spin_unlock(&priv->lock);
	if (likely(up)) {
		if (own)
			ndpv6_pcpu_inc(priv, NDPV6_PCPU_TX_TO_CORE);
		ndpv6_out_finish(priv, out, NULL);
		return;
	}
	ndpv6_out_put(out);
	/* a reply of the core's that the core stopped under is not ndp0's */
	if (own) {
		ndpv6_glue_inc(priv, NDPV6_GLUE_TX_DOWN);
		dev_core_stats_tx_dropped_inc(priv->dev);
	}
	kfree_skb(skb);
}

/**
 * ndpv6_start_xmit() - ndp0's ndo_start_xmit.
 * @skb: an IPv6 packet from the kernel, network header first
 * @dev: ndp0
 *
 * The core routes it: it leaves on the lower now, waits in the core while
 * the next hop is resolved, or comes back dropped.  ND and MLD messages
 * the kernel itself tries to send on ndp0 are dropped and counted.
 *
 * Context: BH disabled (dev_queue_xmit); ndp0 is LLTX.
 * Return: NETDEV_TX_OK (the skb is always taken).
 */
netdev_tx_t ndpv6_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct ndpv6_dev *priv = netdev_priv(dev);

	if (unlikely(skb->protocol != htons(ETH_P_IPV6) ||
		     !pskb_may_pull(skb, sizeof(struct ipv6hdr)) ||
		     (skb->data[0] >> 4) != 6)) {
		ndpv6_glue_inc(priv, NDPV6_GLUE_TX_NOT_IPV6);
		goto drop;
	}
	if (unlikely(is_nd(skb))) {
		/*
		 * The kernel's MLD reports when ndp0's groups change: have the
		 * mirror give the core ndp0's groups again.
		 */
		ndpv6_glue_inc(priv, NDPV6_GLUE_KERNEL_ND_SUPPRESSED);
		spin_lock(&priv->lock);
		if (priv->ctx)
			ndpv6_mirror_kick(priv);
		spin_unlock(&priv->lock);
		consume_skb(skb);
		return NETDEV_TX_OK;
	}
	if (unlikely(skb_cow_head(skb, dev->needed_headroom))) {
		ndpv6_glue_inc(priv, NDPV6_GLUE_TX_NO_HEADROOM);
		goto drop;
	}
	if (unlikely(!net_eq(dev_net(dev), dev_net(priv->lower))))
		skb_scrub_packet(skb, true);
	NDPV6_TX_CB(skb)->core = false;
	tx_core(priv, skb);
	return NETDEV_TX_OK;

drop:
	dev_core_stats_tx_dropped_inc(dev);
	kfree_skb(skb);
	return NETDEV_TX_OK;
}

/* ---------------------------------------------------------------- tick */

/**
 * ndpv6_tick_work() - run the core's timers; re-arms itself.
 * @work: priv->tick
 *
 * Context: process (workqueue); takes the core lock with BH disabled.
 */
void ndpv6_tick_work(struct work_struct *work)
{
	struct ndpv6_dev *priv = container_of(to_delayed_work(work),
					      struct ndpv6_dev, tick);
	struct ndp_out *out;
	bool up = false;
	s64 now;

	local_bh_disable();
	out = ndpv6_out_get();
	spin_lock(&priv->lock);
	priv->tick_at = NDP_TIME_NEVER;
	if (priv->ctx) {
		now = ndpv6_now();
		ndp_tick(priv->ctx, now, out);
		ndpv6_out_after_locked(priv, out, now);
		/* the mirror tries again what it found no memory for */
		if (priv->mirror_retry)
			ndpv6_mirror_kick(priv);
		up = true;
	}
	spin_unlock(&priv->lock);
	if (up)
		ndpv6_out_finish(priv, out, NULL);
	else
		ndpv6_out_put(out);
	local_bh_enable();
}
