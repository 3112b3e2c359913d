// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 datapath: the rx handler on the lower device, ndp0's xmit, the
 * tick, and the conversion of the core's output into skbs.
 *
 * Contexts and locking
 * --------------------
 * priv->lock is the core lock.  Every call into the core (module/core/) for
 * a device is made under it with BH disabled:
 *   - the lower's rx handler (softirq),
 *   - ndp0's ndo_start_xmit (BH disabled by dev_queue_xmit; ndp0 is LLTX
 *     and has no qdisc, so several CPUs may be in it at once),
 *   - the tick work (local_bh_disable),
 *   - process context: ndo_open/ndo_stop, the mirror work, the notifier
 *     (local_bh_disable or spin_lock_bh).
 * Nothing sleeps under it and allocations here are GFP_ATOMIC.  The only
 * locks taken inside it are the workqueue and timer locks of
 * mod_delayed_work(), to move the tick earlier, and of queue_work(), to
 * kick the mirror.
 *
 * The core writes its output into a per-CPU struct ndp_out (ndpv6_pcpu,
 * about 20 KB), used only with BH disabled, so nothing else on this CPU can
 * use it at the same time.  One core call goes: take the output (reset),
 * lock, call, append the notes to the device's note ring and move the tick
 * earlier if needed, unlock; then turn the output into skbs on a local list
 * (frames from the arena are copied into new skbs; the caller's packets get
 * the Ethernet header the core wrote into their headroom pushed), free the
 * handles given back, release the output, and only then dev_queue_xmit()
 * the list on the lower and send the ICMPv6 errors due.  So nothing is
 * transmitted under the lock, and a lower that loops a frame back
 * synchronously into an ndpv6 device on this CPU, or an ICMPv6 error that
 * leaves through ndp0 itself, finds the per-CPU output free.
 *
 * Every handle given to the core comes back once: as the event (rx: the
 * same skb goes up on ndp0 with RX_HANDLER_ANOTHER), as a transmission, or
 * given back with a reason (enum ndp_done_reason): consume_skb() when
 * consumed; when dropped, rx_dropped or tx_dropped of ndp0 and
 * kfree_skb_reason() with the kernel's nearest drop reason.  A packet that
 * waited for a neighbour that never answered (NDP_DONE_UNREACHABLE) is
 * first reported to its sender: ICMPv6 Destination Unreachable, address
 * unreachable (report_unreachable()).
 *
 * ndp0's tx_packets and tx_bytes count its packets when the lower took
 * them (dev_queue_xmit() returned NET_XMIT_SUCCESS or NET_XMIT_CN);
 * refused (NET_XMIT_DROP, a negative errno), they count once in ndp0's
 * tx_dropped instead, as a VLAN device does.  Every refused frame, the
 * core's own included, also counts in GLUE_TX_LOWER_ERROR; the lower keeps
 * its own counters.
 *
 * The tick (a delayed work per device) runs ndp_tick() at the core's next
 * deadline, and at least every second.  priv->tick_at is when it is queued
 * to run; after every core call, under the lock, the core's new deadline
 * moves it earlier with mod_delayed_work() when it became sooner, so a
 * timer the call armed (a retransmission, DAD) is never late.  Jiffies are
 * rounded up; the timer wheel may add its usual slack (under 1/8 of the
 * delay).
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
#include <linux/random.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <net/ipv6.h>
#include <net/ndisc.h>

#include "device.h"

/* The core drops longer extension header chains (EXT_TOO_MANY). */
#define NDPV6_RX_MAX_EXT	9
/* ndp_flush() rounds at down: the largest queue, NDP_OUT_DONE at a time */
#define NDPV6_FLUSH_ROUNDS	(65536 / NDP_OUT_DONE)

struct ndpv6_pcpu {
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
	ndpv6_pcpu = alloc_percpu(struct ndpv6_pcpu);
	return ndpv6_pcpu ? 0 : -ENOMEM;
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

static s64 ndpv6_now(void)
{
	return (s64)ktime_get_ns();
}

static void ndpv6_random(void *opaque, void *buf, u32 len)
{
	get_random_bytes(buf, len);
}

/* This CPU's output, reset.  Must be called with BH disabled. */
static struct ndp_out *out_get(void)
{
	struct ndpv6_pcpu *p;

	lockdep_assert_in_softirq();
	p = this_cpu_ptr(ndpv6_pcpu);
	WARN_ON_ONCE(p->busy);
	p->busy = true;
	ndp_out_reset(&p->out);
	return &p->out;
}

static void out_put(struct ndp_out *out)
{
	container_of(out, struct ndpv6_pcpu, out)->busy = false;
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

/* After a core call: notes to the ring, the tick moved earlier if due. */
static void core_after_locked(struct ndpv6_dev *priv,
			      const struct ndp_out *out, s64 now)
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
	return skb;
}

/*
 * skb->cb of a frame between out_collect() and its dev_queue_xmit() on the
 * lower (ndp0 is done with its own cb; the lower's starts afresh).
 */
struct ndpv6_tx_cb {
	unsigned int len;	/* ndp0's packet: its IPv6 length; 0: core's */
};

#define NDPV6_TX_CB(skb)	((struct ndpv6_tx_cb *)(skb)->cb)

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

/*
 * Turn @out into skbs on @txq and free the handles given back, but for
 * those that need an ICMPv6 error first: they go to @unreach.  @rx_skb is
 * the packet given to ndp_handle(), NULL for other calls: any other handle
 * is one of ndp0's packets.
 */
static void out_collect(struct ndpv6_dev *priv, const struct ndp_out *out,
			const struct sk_buff *rx_skb, struct sk_buff_head *txq,
			struct sk_buff_head *unreach)
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
			len = skb->len;
			skb_push(skb, ETH_HLEN);
		} else {
			skb = core_frame(priv, tx);
			if (!skb)
				continue;
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
		if (d->reason == NDP_DONE_CONSUMED) {
			consume_skb(skb);
			continue;
		}
		if (skb == rx_skb) {
			DEBUG_NET_WARN_ON_ONCE(d->reason != NDP_DONE_RX_DROPPED);
			dev_core_stats_rx_dropped_inc(priv->dev);
			kfree_skb(skb);
			continue;
		}
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

/*
 * Convert, release the per-CPU output, then transmit, then report.
 * Context: BH disabled, priv->lock not held.
 */
static void out_finish(struct ndpv6_dev *priv, struct ndp_out *out,
		       const struct sk_buff *rx_skb)
{
	struct sk_buff_head txq, unreach;
	struct sk_buff *skb;
	unsigned int len;
	int rc;

	lockdep_assert_in_softirq();
	lockdep_assert_not_held(&priv->lock);
	__skb_queue_head_init(&txq);
	__skb_queue_head_init(&unreach);
	out_collect(priv, out, rx_skb, &txq, &unreach);
	out_put(out);
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
		if (len)
			dev_core_stats_tx_dropped_inc(priv->dev);
	}
	while ((skb = __skb_dequeue(&unreach))) {
		report_unreachable(skb);
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
	}
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

	out = out_get();
	spin_lock(&priv->lock);
	if (likely(priv->ctx)) {
		now = ndpv6_now();
		ndp_handle(priv->ctx, now, &pkt, out);
		core_after_locked(priv, out, now);
		up = true;
	}
	spin_unlock(&priv->lock);
	if (unlikely(!up)) {
		out_put(out);
		return RX_HANDLER_PASS;
	}
	deliver = out->has_event;
	DEBUG_NET_WARN_ON_ONCE(deliver && out->ev.handle != skb);
	out_finish(priv, out, skb);
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

	out = out_get();
	spin_lock(&priv->lock);
	if (likely(priv->ctx)) {
		now = ndpv6_now();
		ndp_send(priv->ctx, now, NULL, &pkt, 0, out);
		core_after_locked(priv, out, now);
		up = true;
	}
	spin_unlock(&priv->lock);
	if (likely(up)) {
		out_finish(priv, out, NULL);
		return;
	}
	out_put(out);
	ndpv6_glue_inc(priv, NDPV6_GLUE_TX_DOWN);
	dev_core_stats_tx_dropped_inc(priv->dev);
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
	out = out_get();
	spin_lock(&priv->lock);
	priv->tick_at = NDP_TIME_NEVER;
	if (priv->ctx) {
		now = ndpv6_now();
		ndp_tick(priv->ctx, now, out);
		core_after_locked(priv, out, now);
		up = true;
	}
	spin_unlock(&priv->lock);
	if (up)
		out_finish(priv, out, NULL);
	else
		out_put(out);
	local_bh_enable();
}

/* ------------------------------------------------- process-context calls */

/**
 * ndpv6_core_start() - (re)create the core for the lower's MAC address.
 * @priv: the device, down
 *
 * The core gets priv->next_cfg with the lower's MTU; its memory grows when
 * that configuration needs more and is cleared before the core lock is
 * taken (only ndp_start(), bounded, runs under it).  The link-local
 * address starts tentative;
 * its DAD and the first RS leave from the tick after their random delays.
 *
 * Context: process, RTNL held (ndo_open).
 * Return: 0, -ENOMEM, -EINVAL (configuration) or -EADDRNOTAVAIL (the core
 * refuses the MAC address).
 */
int ndpv6_core_start(struct ndpv6_dev *priv)
{
	struct net_device *lower = priv->lower;
	struct ndp_config cfg;
	struct ndp_ctx *ctx;
	struct ndp_out *out;
	size_t size;
	void *mem;
	s64 now;

	ASSERT_RTNL();
	spin_lock_bh(&priv->lock);
	ndpv6_next_config(priv, &cfg);
	spin_unlock_bh(&priv->lock);
	cfg.link_mtu = max_t(u32, READ_ONCE(lower->mtu), IPV6_MIN_MTU);
	size = ndp_ctx_size(&cfg);
	if (!size)
		return -EINVAL;
	if (size > priv->ctx_size) {
		/* priv->ctx is NULL: nothing else uses the old memory */
		mem = kvzalloc(size, GFP_KERNEL);
		if (!mem)
			return -ENOMEM;
		kvfree(priv->ctx_mem);
		priv->ctx_mem = mem;
		priv->ctx_size = size;
	}
	DEBUG_NET_WARN_ON_ONCE(priv->ctx);
	ether_addr_copy(priv->core_mac, lower->dev_addr);
	/*
	 * Cleared and laid out here, preemptible and unlocked (8.9 MB at
	 * 100,000 neighbours): priv->ctx is NULL, so nothing else reads this
	 * memory until the locked section below publishes it.
	 */
	ctx = ndp_prepare(priv->ctx_mem, priv->ctx_size, &cfg);
	if (!ctx)
		return -EINVAL;

	local_bh_disable();
	out = out_get();
	spin_lock(&priv->lock);
	now = ndpv6_now();
	ctx = ndp_start(ctx, priv->core_mac, now, ndpv6_random, priv, out);
	if (ctx) {
		WRITE_ONCE(priv->ctx, ctx);
		priv->tick_at = NDP_TIME_NEVER;
		core_after_locked(priv, out, now);
		priv->open_ns = now;
		priv->ll_ns = 0;
	}
	spin_unlock(&priv->lock);
	out_finish(priv, out, NULL);
	local_bh_enable();
	return ctx ? 0 : -EADDRNOTAVAIL;
}

/**
 * ndpv6_core_stop() - stop the core: give back what it holds, stop the tick.
 * @priv: the device
 *
 * After the first locked section no other path calls the core (they all
 * find priv->ctx NULL), so the packets it still queues are flushed with no
 * one adding more.  Pending notes are dropped.
 *
 * Context: process, RTNL held (ndo_stop).
 */
void ndpv6_core_stop(struct ndpv6_dev *priv)
{
	struct ndp_fill fill = {};
	struct ndp_ctx *ctx;
	struct ndp_out *out;
	unsigned int i;

	ASSERT_RTNL();
	spin_lock_bh(&priv->lock);
	ctx = priv->ctx;
	WRITE_ONCE(priv->ctx, NULL);
	priv->tick_at = NDP_TIME_NEVER;
	priv->note_head = 0;
	priv->note_len = 0;
	priv->notes_lost = false;
	spin_unlock_bh(&priv->lock);

	/* each round gives back up to NDP_OUT_DONE packets */
	for (i = 0; ctx && i <= NDPV6_FLUSH_ROUNDS; i++) {
		local_bh_disable();
		out = out_get();
		spin_lock(&priv->lock);
		ndp_flush(ctx, out);
		ndp_get_fill(ctx, &fill);
		spin_unlock(&priv->lock);
		out_finish(priv, out, NULL);
		local_bh_enable();
		if (!fill.queued)
			break;
	}
	WARN_ON_ONCE(ctx && fill.queued);
	cancel_delayed_work_sync(&priv->tick);
}

/**
 * ndpv6_core_call() - call the core from process context.
 * @priv: the device
 * @fn: what to call, under the core lock with BH disabled
 * @arg: passed to @fn
 *
 * The output of @fn is processed as the datapath's is: notes to the note
 * ring (the mirror takes them on), the tick moved to the new deadline,
 * frames transmitted on the lower and handles given back freed, all after
 * the lock is released.
 *
 * Context: process or BH; takes the core lock with BH disabled.
 * Return: @fn's result, or -ENETDOWN when the core is not running.
 */
int ndpv6_core_call(struct ndpv6_dev *priv, ndpv6_core_fn fn, const void *arg)
{
	struct ndp_out *out;
	int err = -ENETDOWN;
	s64 now;

	local_bh_disable();
	out = out_get();
	spin_lock(&priv->lock);
	if (priv->ctx) {
		now = ndpv6_now();
		err = fn(priv->ctx, now, arg, out);
		core_after_locked(priv, out, now);
	}
	spin_unlock(&priv->lock);
	out_finish(priv, out, NULL);
	local_bh_enable();
	return err;
}

static int core_join(struct ndp_ctx *ctx, s64 now, const void *arg,
		     struct ndp_out *out)
{
	return ndp_join_group(ctx, now, arg, out);
}

static int core_leave(struct ndp_ctx *ctx, s64 now, const void *arg,
		      struct ndp_out *out)
{
	return ndp_leave_group(ctx, now, arg, out);
}

/**
 * ndpv6_core_group() - have the core join or leave a group of ndp0's.
 * @priv: the device
 * @grp: an IPv6 multicast group
 * @join: join, or leave
 *
 * Context: process; takes the core lock with BH disabled.
 * Return: 0, -ENETDOWN when the core is not running, or the core's error.
 */
int ndpv6_core_group(struct ndpv6_dev *priv, const struct in6_addr *grp,
		     bool join)
{
	struct ndp_ip6 g;

	memcpy(g.b, grp->s6_addr, sizeof(g.b));
	return ndpv6_core_call(priv, join ? core_join : core_leave, &g);
}

/**
 * ndpv6_next_config() - the configuration the next start of the core uses.
 * @priv: the device
 * @cfg: filled in
 *
 * Context: priv->lock held.
 */
void ndpv6_next_config(struct ndpv6_dev *priv, struct ndp_config *cfg)
{
	lockdep_assert_held(&priv->lock);
	*cfg = priv->next_cfg;
}

/**
 * ndpv6_set_next_config() - the configuration for the next start of the
 *	core (table capacities and defaults; it takes effect at the next up).
 * @priv: the device
 * @cfg: the configuration; its link_mtu is ignored (the lower's is used)
 *
 * Context: process or BH; takes the core lock with BH disabled.
 * Return: 0, or -EINVAL if the core would refuse @cfg.
 */
int ndpv6_set_next_config(struct ndpv6_dev *priv, const struct ndp_config *cfg)
{
	struct ndp_config c = *cfg;

	c.link_mtu = max_t(u32, c.link_mtu, IPV6_MIN_MTU);
	if (!ndp_ctx_size(&c))
		return -EINVAL;
	spin_lock_bh(&priv->lock);
	priv->next_cfg = c;
	spin_unlock_bh(&priv->lock);
	return 0;
}

/**
 * ndpv6_core_set_mtu() - the lower's MTU changed.
 * @priv: the device
 * @mtu: the lower's new MTU
 *
 * Context: process, RTNL held.
 */
void ndpv6_core_set_mtu(struct ndpv6_dev *priv, u32 mtu)
{
	spin_lock_bh(&priv->lock);
	if (priv->ctx && mtu >= IPV6_MIN_MTU)
		ndp_set_link_mtu(priv->ctx, mtu);
	spin_unlock_bh(&priv->lock);
}

/**
 * ndpv6_core_addrs() - a snapshot of the core's addresses.
 * @priv: the device
 * @ai: room for @max entries
 * @max: size of @ai
 *
 * The walk is bounded by the core's max_addrs (at most NDPV6_MAX_ADDRS).
 *
 * Context: process; takes the core lock with BH disabled.
 * Return: how many addresses the core has (0 while it is not running);
 * the first @max of them are in @ai.
 */
int ndpv6_core_addrs(struct ndpv6_dev *priv, struct ndp_addr_info *ai,
		     int max)
{
	struct ndp_addr_info more;
	u32 pos = 0;
	int n = 0;

	spin_lock_bh(&priv->lock);
	if (priv->ctx) {
		s64 now = ndpv6_now();

		while (ndp_addr_next(priv->ctx, now, &pos,
				     n < max ? &ai[n] : &more))
			n++;
	}
	spin_unlock_bh(&priv->lock);
	return n;
}

/**
 * ndpv6_core_addrs_all() - every address of the core, however many.
 * @priv: the device
 * @n: set to how many there are
 *
 * Sized from what the core has (up to its max_addrs), not a fixed room:
 * an address added between the count and the copy makes it try again.
 *
 * Context: process; sleeps (GFP_KERNEL); takes the core lock with BH
 * disabled.
 * Return: the addresses (kvfree() them; room for at least one), or NULL
 * when there is no memory.
 */
struct ndp_addr_info *ndpv6_core_addrs_all(struct ndpv6_dev *priv, int *n)
{
	struct ndp_addr_info *ai;
	int room = 16;

	might_sleep();
	for (;;) {
		ai = kvmalloc_array(room, sizeof(*ai), GFP_KERNEL);
		if (!ai)
			return NULL;
		*n = ndpv6_core_addrs(priv, ai, room);
		if (*n <= room)
			return ai;
		kvfree(ai);
		room = *n + 8;
	}
}

/**
 * ndpv6_core_stats() - a snapshot of the core's counters.
 * @priv: the device
 * @stats: room for NDP_STAT_MAX counters
 *
 * Context: process; takes the core lock with BH disabled.
 * Return: true if the core is running (@stats filled), else false.
 */
bool ndpv6_core_stats(struct ndpv6_dev *priv, u64 *stats)
{
	bool up;

	spin_lock_bh(&priv->lock);
	up = priv->ctx;
	if (up)
		memcpy(stats, ndp_stats(priv->ctx),
		       NDP_STAT_MAX * sizeof(*stats));
	spin_unlock_bh(&priv->lock);
	return up;
}
