// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: the neighbour cache (RFC 4861 7.2, 7.3 and appendix C) with a
 * bounded table (RFC 6583) and the per-neighbour queue used while resolving.
 *
 * Storage (all carved by ndp_local(), nothing allocated here):
 *   ctx->nbrs[max_nbrs]      entries; state NDP_NUD_NONE means free.  Free
 *                            entries are chained through hnext from
 *                            ctx->free_nbr.
 *   ctx->buckets[]           hash heads (keyed by ctx->hash_seed, so that a
 *                            flood of chosen source addresses cannot pick
 *                            buckets), chains through hnext.
 *   ctx->heap[]              min-heap of entry indices by nbr->timer; only
 *                            entries with a timer are in it.  The next
 *                            deadline is heap[0], O(1); a tick with nothing
 *                            due costs O(1) whatever the table size.
 *   ctx->evict_inc_*         INCOMPLETE entries, oldest first  } eviction
 *   ctx->evict_stale_*       STALE entries, oldest first       } candidates
 *                            (pinned entries are in neither list: those
 *                            of the default routers, see below).
 *   ctx->qslots[queue_total] packets waiting for resolution: one FIFO per
 *                            neighbour (qhead/qtail/qlen), free slots
 *                            chained from ctx->free_qslot.
 *
 * Timers (nbr->timer, absolute ns, one per entry; NDP_TIME_NEVER if none):
 *   INCOMPLETE  next multicast NS, RetransTimer apart; after
 *               MAX_MULTICAST_SOLICIT of them, failure: queued packets are
 *               given back dropped, NDP_NOTE_NBR_UNREACHABLE, entry removed.
 *   REACHABLE   ReachableTime after the last confirmation -> STALE.  The
 *               timer is lazy: a confirmation only moves nbr->confirmed, and
 *               an early expiry re-arms to confirmed + ReachableTime.
 *   STALE       none (the entry waits for traffic or eviction).
 *   DELAY       DELAY_FIRST_PROBE_TIME after the first send -> PROBE.
 *   PROBE       next unicast NS, RetransTimer apart; after
 *               MAX_UNICAST_SOLICIT of them the entry is removed.
 *   any state   with a MAC and packets still queued (resolved where there
 *               was no output, or more than the output held): "now", so
 *               the next tick sends them first (see release_queue()).
 * A tick handles at most TICK_BUDGET due entries and stops early when the
 * output cannot take the next one's frames or handles; the deadline then
 * stays due.
 *
 * Solicitations come from an address of ours whose DAD is done: the source
 * of the first queued packet when it is such (RFC 4861 7.2.2), else
 * ndp_select_source(), else any, never an optimistic one (RFC 4429 3.2,
 * see ns_source()).  With no such address at all (the link-local address
 * is still tentative, or optimistic after the link came back), the NS is
 * not sent (NS_NO_SOURCE) but counts as a transmission, so resolution
 * still ends after the usual number of RetransTimers: an NS from :: would
 * be a DAD probe for the target.
 *
 * Eviction (RFC 6583 7.1) spares the entries of the Default Router List,
 * those RAs made and the static ones of ndp_add_routers(): nbr->pinned,
 * set when the router list takes an address (ndp_nbr_set_pinned() from
 * rtr.c, or nbr_create() for an address already on it) and cleared when
 * it leaves the list.  There are at most max_routers of them.  IsRouter
 * (nbr->is_router) pins nothing: any RA, Router Lifetime 0 included, and
 * any NA with R=1 sets it, so a host on the link that sent them from many
 * sources could otherwise fill the table with entries no one can evict.
 *
 * Every handle given back says why (enum ndp_done_reason).  Packets queued
 * for a neighbour whose resolution (or NUD) fails come back as
 * NDP_DONE_UNREACHABLE (QUEUE_RESOLUTION_FAILED), with the note
 * NDP_NOTE_NBR_UNREACHABLE for its address.  The core does not build the
 * ICMPv6 Destination Unreachable, code 3, of RFC 4861 7.2.2 itself: the
 * packets are the caller's, sent or forwarded by its host, whose IPv6 stack
 * knows where their senders are (usually a socket of its own) and rate-
 * limits its errors; the reason tells the caller which packets to report
 * (the kernel glue: icmpv6_ndo_send()).  Queued packets dropped for other
 * reasons (queue overflow, eviction, flush) are reported to no one, as in
 * Linux, where only a failed resolution (neigh_invalidate()) does.
 */
#include "ndp_private.h"

#define MAX_MULTICAST_SOLICIT	3	/* RFC 4861 10 */
#define MAX_UNICAST_SOLICIT	3
#define NS_FRAME_LEN		(NDP_ETH_HLEN + NDP_IP6_HLEN + 24 + 8)
#define EVICT_SCAN		8	/* candidates looked at per list */
#define TICK_BUDGET		1024	/* entries handled per tick */

/* ------------------------------------------------------------- hash */

/*
 * Multiplicative hash of the four 32-bit words with secret odd 64-bit
 * multipliers derived from ctx->hash_seed, keeping the high half of the
 * sum (where every input bit counts): the construction of Linux's
 * ndisc_hashfn(), about 20 instructions.  Without the seed an attacker on
 * the link cannot aim its sources at one bucket; the table's bounds
 * (RFC 6583) cap what a chain can cost anyway.
 */
static u32 nbr_hash(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip)
{
	u64 k = ((u64)ctx->hash_seed | 0x100000000ULL) * 0x9e3779b97f4a7c15ULL;
	u32 w[4];
	u64 h;

	memcpy(w, ip->b, sizeof(w));
	h = (u64)w[0] * (k | 1) +
	    (u64)w[1] * ((k ^ 0x5851f42d4c957f2dULL) | 1) +
	    (u64)w[2] * ((k ^ 0x14057b7ef767814fULL) | 1) +
	    (u64)w[3] * ((k ^ 0xd1b54a32d192ed03ULL) | 1);
	return (u32)(h >> 32) & ctx->hash_mask;
}

static inline u32 nbr_idx(const struct ndp_ctx *ctx, const struct ndp_nbr *n)
{
	return (u32)(n - ctx->nbrs);
}

/**
 * ndp_nbr_find() - the cache entry of @ip.
 * @ctx: context
 * @ip: neighbour address
 *
 * Return: the entry, or NULL if there is none.
 */
struct ndp_nbr *ndp_nbr_find(const struct ndp_ctx *ctx,
			     const struct ndp_ip6 *ip)
{
	u32 i;

	for (i = ctx->buckets[nbr_hash(ctx, ip)]; i != NDP_NIL;
	     i = ctx->nbrs[i].hnext)
		if (ndp_ip6_eq(&ctx->nbrs[i].ip, ip))
			return &ctx->nbrs[i];
	return NULL;
}

/* ------------------------------------------------------------- heap */

static inline s64 heap_key(const struct ndp_ctx *ctx, u32 pos)
{
	return ctx->nbrs[ctx->heap[pos]].timer;
}

static void heap_swap(struct ndp_ctx *ctx, u32 a, u32 b)
{
	u32 t = ctx->heap[a];

	ctx->heap[a] = ctx->heap[b];
	ctx->heap[b] = t;
	ctx->nbrs[ctx->heap[a]].heap_pos = a;
	ctx->nbrs[ctx->heap[b]].heap_pos = b;
}

static u32 heap_up(struct ndp_ctx *ctx, u32 pos)
{
	u32 parent;

	while (pos) {
		parent = (pos - 1) / 2;
		if (heap_key(ctx, parent) <= heap_key(ctx, pos))
			break;
		heap_swap(ctx, parent, pos);
		pos = parent;
	}
	return pos;
}

static void heap_down(struct ndp_ctx *ctx, u32 pos)
{
	u32 l, m;

	for (;;) {
		l = 2 * pos + 1;
		if (l >= ctx->heap_len)
			break;
		m = l;
		if (l + 1 < ctx->heap_len &&
		    heap_key(ctx, l + 1) < heap_key(ctx, l))
			m = l + 1;
		if (heap_key(ctx, pos) <= heap_key(ctx, m))
			break;
		heap_swap(ctx, pos, m);
		pos = m;
	}
}

static void heap_remove(struct ndp_ctx *ctx, struct ndp_nbr *n)
{
	u32 pos = n->heap_pos, last;

	if (pos == NDP_NIL)
		return;
	last = --ctx->heap_len;
	n->heap_pos = NDP_NIL;
	if (pos == last)
		return;
	ctx->heap[pos] = ctx->heap[last];
	ctx->nbrs[ctx->heap[pos]].heap_pos = pos;
	heap_down(ctx, heap_up(ctx, pos));
}

/* Set @n's timer (NDP_TIME_NEVER: none) and its place in the heap. */
static void nbr_set_timer(struct ndp_ctx *ctx, struct ndp_nbr *n, s64 when)
{
	n->timer = when;
	if (when == NDP_TIME_NEVER) {
		heap_remove(ctx, n);
		return;
	}
	if (n->heap_pos == NDP_NIL) {
		n->heap_pos = ctx->heap_len++;
		ctx->heap[n->heap_pos] = nbr_idx(ctx, n);
	}
	heap_down(ctx, heap_up(ctx, n->heap_pos));
}

/* ------------------------------------------------------ eviction lists */

/* The eviction list @n belongs in, from its state; NULL: none. */
static u32 *lru_list(struct ndp_ctx *ctx, const struct ndp_nbr *n,
		     u32 **tail)
{
	if (n->pinned)
		return NULL;
	if (n->state == NDP_NUD_INCOMPLETE) {
		*tail = &ctx->evict_inc_tail;
		return &ctx->evict_inc_head;
	}
	if (n->state == NDP_NUD_STALE) {
		*tail = &ctx->evict_stale_tail;
		return &ctx->evict_stale_head;
	}
	return NULL;
}

static void lru_unlink(struct ndp_ctx *ctx, struct ndp_nbr *n)
{
	u32 *head, *tail;

	head = lru_list(ctx, n, &tail);
	if (!head)
		return;
	if (n->lru_prev != NDP_NIL)
		ctx->nbrs[n->lru_prev].lru_next = n->lru_next;
	else
		*head = n->lru_next;
	if (n->lru_next != NDP_NIL)
		ctx->nbrs[n->lru_next].lru_prev = n->lru_prev;
	else
		*tail = n->lru_prev;
	n->lru_prev = NDP_NIL;
	n->lru_next = NDP_NIL;
}

static void lru_append(struct ndp_ctx *ctx, struct ndp_nbr *n)
{
	u32 *head, *tail, i = nbr_idx(ctx, n);

	head = lru_list(ctx, n, &tail);
	if (!head)
		return;
	n->lru_next = NDP_NIL;
	n->lru_prev = *tail;
	if (*tail != NDP_NIL)
		ctx->nbrs[*tail].lru_next = i;
	else
		*head = i;
	*tail = i;
}

/* ---------------------------------------------------------- the queue */

static void q_push(struct ndp_ctx *ctx, struct ndp_nbr *n, u32 s)
{
	ctx->qslots[s].next = NDP_NIL;
	if (n->qtail != NDP_NIL)
		ctx->qslots[n->qtail].next = s;
	else
		n->qhead = s;
	n->qtail = s;
	n->qlen++;
}

static u32 q_pop(struct ndp_ctx *ctx, struct ndp_nbr *n)
{
	u32 s = n->qhead;

	n->qhead = ctx->qslots[s].next;
	if (n->qhead == NDP_NIL)
		n->qtail = NDP_NIL;
	n->qlen--;
	return s;
}

static void slot_free(struct ndp_ctx *ctx, u32 s)
{
	ctx->qslots[s].next = ctx->free_qslot;
	ctx->free_qslot = s;
	ctx->n_queued--;
}

/*
 * Give back every packet queued on @n, dropped for @reason, counting @why
 * for each.
 */
static void drop_queue(struct ndp_ctx *ctx, struct ndp_nbr *n,
		       struct ndp_out *out, enum ndp_stat why,
		       enum ndp_done_reason reason)
{
	u32 s;

	while (n->qlen) {
		s = q_pop(ctx, n);
		ndp_out_done(out, ctx->qslots[s].pkt.handle, reason);
		ndp_count(ctx, why);
		slot_free(ctx, s);
	}
}

/*
 * Queue @pkt on @n (RFC 4861 7.2.2).  On overflow the OLDEST packet of @n
 * goes (its slot takes the new packet at the tail, so order is kept); when
 * the global pool is empty, the oldest of @n if it has one, else @pkt.
 */
static void enqueue(struct ndp_ctx *ctx, struct ndp_nbr *n,
		    const struct ndp_pkt *pkt, struct ndp_out *out)
{
	enum ndp_stat why = NDP_STAT_QUEUE_OVERFLOW;
	u32 s;

	if (n->qlen >= ctx->cfg.nbr_queue_len ||
	    ctx->free_qslot == NDP_NIL) {
		if (n->qlen < ctx->cfg.nbr_queue_len)
			why = NDP_STAT_QUEUE_TOTAL_OVERFLOW;
		if (!n->qlen) {
			ndp_count(ctx, why);
			ndp_out_done(out, pkt->handle, NDP_DONE_QUEUE_FULL);
			return;
		}
		s = q_pop(ctx, n);
		ndp_count(ctx, why);
		ndp_out_done(out, ctx->qslots[s].pkt.handle,
			     NDP_DONE_QUEUE_FULL);
	} else {
		s = ctx->free_qslot;
		ctx->free_qslot = ctx->qslots[s].next;
		ctx->n_queued++;
	}
	ctx->qslots[s].pkt = *pkt;
	q_push(ctx, n, s);
}

static void xmit(struct ndp_ctx *ctx, const struct ndp_nbr *n,
		 const struct ndp_pkt *pkt, struct ndp_out *out)
{
	ndp_write_eth(ctx, pkt->data - NDP_ETH_HLEN, n->mac);
	ndp_out_tx_handle(out, pkt);
	ndp_count(ctx, NDP_STAT_TX_PACKETS);
}

/* ------------------------------------------------------ entry states */

/*
 * Move @n to @st: eviction lists, INCOMPLETE count and the timer that the
 * state implies (INCOMPLETE and PROBE: the caller sends and arms it).
 * Entering the same state again refreshes the entry's place in its list.
 * While packets wait on an entry that has a MAC, its timer is "now": the
 * queue leaves at the next tick, before anything else happens to it.
 */
static void nbr_enter(struct ndp_ctx *ctx, struct ndp_nbr *n, u8 st, s64 now)
{
	bool pending = n->qlen && n->has_mac;
	u8 old = n->state;

	lru_unlink(ctx, n);
	if (old == NDP_NUD_INCOMPLETE)
		ctx->n_incomplete--;
	if (st == NDP_NUD_INCOMPLETE)
		ctx->n_incomplete++;
	n->state = st;
	n->probes = 0;
	lru_append(ctx, n);
	switch (st) {
	case NDP_NUD_REACHABLE:
		n->confirmed = now;
		if (pending)
			nbr_set_timer(ctx, n, now);
		else if (old != NDP_NUD_REACHABLE ||
			 n->timer == NDP_TIME_NEVER)
			nbr_set_timer(ctx, n, now + ndp_ms(ctx->reachable_ms));
		break;
	case NDP_NUD_STALE:
		nbr_set_timer(ctx, n, pending ? now : NDP_TIME_NEVER);
		break;
	case NDP_NUD_DELAY:
		nbr_set_timer(ctx, n, pending ? now :
			      now + ndp_ms(ctx->cfg.delay_first_probe_ms));
		break;
	default:
		break;
	}
	if (old != st)
		ndp_changed(ctx);
}

static void nbr_set_is_router(struct ndp_ctx *ctx, struct ndp_nbr *n,
			      bool is_router)
{
	if (n->is_router == is_router)
		return;
	n->is_router = is_router;
	ndp_changed(ctx);
}

/* Pinned entries are on no eviction list (see the top of this file). */
static void nbr_set_pinned(struct ndp_ctx *ctx, struct ndp_nbr *n,
			   bool pinned)
{
	if (n->pinned == pinned)
		return;
	lru_unlink(ctx, n);
	n->pinned = pinned;
	lru_append(ctx, n);
}

static void nbr_set_mac(struct ndp_ctx *ctx, struct ndp_nbr *n, const u8 *mac)
{
	memcpy(n->mac, mac, NDP_ETH_ALEN);
	n->has_mac = true;
	ndp_changed(ctx);
}

/* Unlink @n from everything and put it on the free list (queue empty). */
static void nbr_remove(struct ndp_ctx *ctx, struct ndp_nbr *n)
{
	u32 i = nbr_idx(ctx, n), *p;

	lru_unlink(ctx, n);
	heap_remove(ctx, n);
	for (p = &ctx->buckets[nbr_hash(ctx, &n->ip)]; *p != NDP_NIL;
	     p = &ctx->nbrs[*p].hnext) {
		if (*p == i) {
			*p = n->hnext;
			break;
		}
	}
	if (n->state == NDP_NUD_INCOMPLETE)
		ctx->n_incomplete--;
	n->state = NDP_NUD_NONE;
	n->has_mac = false;
	n->is_router = false;
	n->pinned = false;
	n->hnext = ctx->free_nbr;
	ctx->free_nbr = i;
	ctx->n_nbrs--;
	ndp_table_changed(ctx, NDP_TABLE_NBRS);
}

/*
 * Make room (RFC 6583 7.1): the oldest INCOMPLETE entry, else the oldest
 * STALE one; default routers (pinned) and REACHABLE/DELAY/PROBE entries are
 * never on these lists.  An entry holding packets is taken only if @out
 * has room to give them back; a few candidates of each list are looked
 * at, no more.
 */
static bool nbr_evict(struct ndp_ctx *ctx, struct ndp_out *out)
{
	u32 heads[2] = { ctx->evict_inc_head, ctx->evict_stale_head };
	unsigned int l, k;
	struct ndp_nbr *n;
	u32 i;

	for (l = 0; l < ARRAY_SIZE(heads); l++) {
		for (i = heads[l], k = 0; i != NDP_NIL && k < EVICT_SCAN;
		     i = n->lru_next, k++) {
			n = &ctx->nbrs[i];
			if (n->qlen && (!out || !ndp_out_room(out, 0, n->qlen, 0)))
				continue;
			drop_queue(ctx, n, out, NDP_STAT_QUEUE_EVICTED,
				   NDP_DONE_EVICTED);
			nbr_remove(ctx, n);
			ndp_count(ctx, NDP_STAT_NBR_EVICTED);
			return true;
		}
	}
	return false;
}

/* Token bucket for new INCOMPLETE entries: incomplete_rate per second. */
static bool inc_rate_ok(struct ndp_ctx *ctx, s64 now)
{
	s64 cap = (s64)ctx->cfg.incomplete_quota * NDP_NSEC_PER_SEC;
	s64 dt;

	if (now > ctx->inc_last) {
		dt = now - ctx->inc_last;
		if (dt > cap)
			ctx->inc_tokens = cap;
		else
			ctx->inc_tokens = min(cap, ctx->inc_tokens +
					      dt * ctx->cfg.incomplete_rate);
		ctx->inc_last = now;
	}
	return ctx->inc_tokens >= NDP_NSEC_PER_SEC;
}

/*
 * A new entry for @ip in state @st (INCOMPLETE or STALE), subject to the
 * INCOMPLETE quota and rate limit, evicting if the table is full.  Returns
 * NULL (counted) when it cannot be made.  The caller sets the timer of an
 * INCOMPLETE entry and the MAC of a STALE one.
 */
static struct ndp_nbr *nbr_create(struct ndp_ctx *ctx, s64 now,
				  const struct ndp_ip6 *ip, u8 st,
				  struct ndp_out *out)
{
	struct ndp_nbr *n;
	u32 i, h;

	if (st == NDP_NUD_INCOMPLETE) {
		if (ctx->n_incomplete >= ctx->cfg.incomplete_quota) {
			ndp_count(ctx, NDP_STAT_NBR_INCOMPLETE_QUOTA);
			return NULL;
		}
		if (!inc_rate_ok(ctx, now)) {
			ndp_count(ctx, NDP_STAT_NBR_RATE_LIMITED);
			return NULL;
		}
	}
	if (ctx->free_nbr == NDP_NIL && !nbr_evict(ctx, out)) {
		ndp_count(ctx, NDP_STAT_NBR_TABLE_FULL);
		return NULL;
	}
	if (st == NDP_NUD_INCOMPLETE)
		ctx->inc_tokens -= NDP_NSEC_PER_SEC;
	i = ctx->free_nbr;
	n = &ctx->nbrs[i];
	ctx->free_nbr = n->hnext;
	memset(n, 0, sizeof(*n));
	n->ip = *ip;
	n->state = NDP_NUD_NONE;
	/* a default router's entry: IsRouter, and pinned while it is one */
	n->pinned = ndp_rtr_is_router(ctx, ip);
	n->is_router = n->pinned;
	n->qhead = NDP_NIL;
	n->qtail = NDP_NIL;
	n->heap_pos = NDP_NIL;
	n->lru_prev = NDP_NIL;
	n->lru_next = NDP_NIL;
	n->timer = NDP_TIME_NEVER;
	n->created = now;
	h = nbr_hash(ctx, ip);
	n->hnext = ctx->buckets[h];
	ctx->buckets[h] = i;
	ctx->n_nbrs++;
	ndp_table_changed(ctx, NDP_TABLE_NBRS);
	ndp_count(ctx, NDP_STAT_NBR_CREATED);
	nbr_enter(ctx, n, st, now);
	return n;
}

/* ------------------------------------------------------- solicitation */

/* DAD done: PREFERRED or DEPRECATED (an optimistic one is TENTATIVE). */
static bool addr_dad_done(const struct ndp_addr *a)
{
	return a && a->used && (a->state == NDP_ADDR_PREFERRED ||
				a->state == NDP_ADDR_DEPRECATED);
}

/*
 * The source of an NS for @n (RFC 4861 7.2.2): the source of the first
 * packet queued on it if that is ours, else the one ndp_select_source()
 * picks for the target, else any address of ours, a link-local one first.
 * Never an optimistic address (one in use while DAD checks it again after
 * the link came back): RFC 4429 3.2 forbids address resolution from an
 * Optimistic Address, whose SLLA would write a maybe duplicate address
 * into the target's cache, and an NS from it without the SLLA would get no
 * answer (the target would have to resolve an address that does not
 * answer NS yet).  Linux does the same (ndisc_solicit() and
 * ndisc_send_ns() skip IFA_F_OPTIMISTIC).  Returns false when no address
 * qualifies, e.g. just after the link came back, when every address is
 * optimistic: the NS is not sent and counts as sent, as in Linux, so
 * resolution takes its usual time (DAD ends within about two seconds,
 * the later NS go out).
 */
static bool ns_source(const struct ndp_ctx *ctx, const struct ndp_nbr *n,
		      struct ndp_ip6 *src)
{
	const struct ndp_addr *a, *any = NULL;
	unsigned int i;

	if (n->qlen) {
		ndp_ipaddr_of_cstruct(ctx->qslots[n->qhead].pkt.data + 8, src);
		if (addr_dad_done(ndp_addr_find(ctx, src)))
			return true;
	}
	if (!ndp_select_source(ctx, &n->ip, src) &&
	    addr_dad_done(ndp_addr_find(ctx, src)))
		return true;
	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		a = &ctx->addrs[i];
		if (!addr_dad_done(a))
			continue;
		if (ndp_ip6_is_linklocal(&a->ip)) {
			*src = a->ip;
			return true;
		}
		if (!any)
			any = a;
	}
	if (any)
		*src = any->ip;
	return any;
}

/*
 * Send the next NS for @n: multicast to the solicited-node group while
 * INCOMPLETE, unicast while PROBE.  Returns false when @out is full (the
 * attempt is retried at the next tick); a missing source counts as sent.
 */
static bool nbr_send_ns(struct ndp_ctx *ctx, struct ndp_nbr *n,
			struct ndp_out *out)
{
	struct ndp_ip6 src, dst;
	u8 mac[NDP_ETH_ALEN];

	if (!ns_source(ctx, n, &src)) {
		ndp_count(ctx, NDP_STAT_NS_NO_SOURCE);
		return true;
	}
	if (n->state == NDP_NUD_INCOMPLETE) {
		ndp_solicited_node(&n->ip, &dst);
		ndp_mcast_mac(&dst, mac);
	} else {
		dst = n->ip;
		memcpy(mac, n->mac, NDP_ETH_ALEN);
	}
	return ndp_send_ns(ctx, out, &src, &dst, mac, &n->ip, NULL);
}

/* One solicitation now; the timer for the next one (or a retry). */
static void nbr_solicit(struct ndp_ctx *ctx, struct ndp_nbr *n, s64 now,
			struct ndp_out *out)
{
	if (nbr_send_ns(ctx, n, out)) {
		n->probes++;
		nbr_set_timer(ctx, n, now + ndp_ms(ctx->retrans_ms));
	} else {
		nbr_set_timer(ctx, n, now);
	}
}

/*
 * Send what waits on @n now that it has a MAC, as far as @out has room
 * (FIFO order).  What does not fit stays queued, ahead of anything sent
 * later, and the entry's timer becomes @now so the next tick goes on.
 * Sending to a STALE entry moves it to DELAY; once the queue is gone, a
 * timer that stood for it goes back to what the state says (a DELAY
 * restarts).
 */
static void release_queue(struct ndp_ctx *ctx, struct ndp_nbr *n, s64 now,
			  struct ndp_out *out)
{
	bool sent = false;
	u32 s;

	while (n->qlen && out && ndp_out_room(out, 1, 0, 0)) {
		s = q_pop(ctx, n);
		xmit(ctx, n, &ctx->qslots[s].pkt, out);
		slot_free(ctx, s);
		sent = true;
	}
	if (n->qlen && n->timer > now)
		nbr_set_timer(ctx, n, now);
	if (!sent)
		return;
	switch (n->state) {
	case NDP_NUD_STALE:
		nbr_enter(ctx, n, NDP_NUD_DELAY, now);
		break;
	case NDP_NUD_REACHABLE:
		if (!n->qlen && n->timer <= now)
			nbr_set_timer(ctx, n, n->confirmed +
				      ndp_ms(ctx->reachable_ms));
		break;
	case NDP_NUD_DELAY:
		if (!n->qlen && n->timer <= now)
			nbr_enter(ctx, n, NDP_NUD_DELAY, now);
		break;
	default:
		break;
	}
}

/* Resolution or NUD failed: packets back, note, entry gone. */
static void nbr_fail(struct ndp_ctx *ctx, struct ndp_nbr *n,
		     struct ndp_out *out)
{
	drop_queue(ctx, n, out, NDP_STAT_QUEUE_RESOLUTION_FAILED,
		   NDP_DONE_UNREACHABLE);
	ndp_count(ctx, NDP_STAT_NBR_FAILED);
	ndp_out_note(out, NDP_NOTE_NBR_UNREACHABLE, &n->ip, 0, 0, 0, 0);
	nbr_remove(ctx, n);
}

/* ---------------------------------------------------------- updates */

/*
 * A link-layer address for @ip from an SLLA (RFC 4861 7.2.3, 6.3.4; also
 * RS and Redirect): a new entry is STALE; an INCOMPLETE one takes the MAC,
 * goes STALE and sends its queue; a different MAC replaces the cached one
 * and the entry goes STALE; the same MAC changes nothing.
 */
static void nbr_lla(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		    const u8 *mac, bool is_router, struct ndp_out *out)
{
	struct ndp_nbr *n = ndp_nbr_find(ctx, ip);

	if (!n) {
		n = nbr_create(ctx, now, ip, NDP_NUD_STALE, out);
		if (!n)
			return;
		nbr_set_mac(ctx, n, mac);
	} else if (n->state == NDP_NUD_INCOMPLETE) {
		nbr_set_mac(ctx, n, mac);
		nbr_enter(ctx, n, NDP_NUD_STALE, now);
		release_queue(ctx, n, now, out);
	} else if (memcmp(n->mac, mac, NDP_ETH_ALEN)) {
		nbr_set_mac(ctx, n, mac);
		nbr_enter(ctx, n, NDP_NUD_STALE, now);
	}
	if (is_router)
		nbr_set_is_router(ctx, n, true);
}

/**
 * ndp_nbr_learn() - a link-layer address learned from an RS, RA or
 * Redirect option (RFC 4861 6.3.4, 7.2.3 rules).
 * @ctx: context
 * @now: current time
 * @ip: the neighbour
 * @mac: its link-layer address
 * @is_router: true marks the entry as a router's; false leaves an existing
 *	entry's flag alone (a new entry is a router's only if the router
 *	list knows it)
 *
 * Creates the entry STALE or updates it to STALE if the address changed.
 * There is no output here: packets that waited on an INCOMPLETE entry leave
 * at the next tick (the entry's timer is set to @now).
 */
void ndp_nbr_learn(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		   const u8 *mac, bool is_router)
{
	if (ndp_ip6_is_unspec(ip) || ndp_ip6_is_mcast(ip))
		return;
	nbr_lla(ctx, now, ip, mac, is_router, NULL);
}

/**
 * ndp_nbr_set_router() - mark or unmark the cache entry of a router.
 * @ctx: context
 * @ip: the router
 * @is_router: new IsRouter flag
 *
 * IsRouter alone does not protect the entry from eviction (see
 * ndp_nbr_set_pinned()).  Nothing happens if there is no entry.
 */
void ndp_nbr_set_router(struct ndp_ctx *ctx, const struct ndp_ip6 *ip,
			bool is_router)
{
	struct ndp_nbr *n = ndp_nbr_find(ctx, ip);

	if (n)
		nbr_set_is_router(ctx, n, is_router);
}

/**
 * ndp_nbr_set_pinned() - @ip joined or left the Default Router List.
 * @ctx: context
 * @ip: the router
 * @pinned: true while it is on the list
 *
 * A pinned entry is never evicted to make room (RFC 6583 7.1: keep the
 * routers); an entry made later for an address on the list is pinned by
 * nbr_create().  Nothing happens if there is no entry.
 */
void ndp_nbr_set_pinned(struct ndp_ctx *ctx, const struct ndp_ip6 *ip,
			bool pinned)
{
	struct ndp_nbr *n = ndp_nbr_find(ctx, ip);

	if (n)
		nbr_set_pinned(ctx, n, pinned);
}

/**
 * ndp_nbr_probably_unreachable() - for router selection (RFC 4861 6.3.6).
 * @ctx: context
 * @ip: the router
 *
 * Return: true if @ip has no entry or an INCOMPLETE one.
 */
bool ndp_nbr_probably_unreachable(const struct ndp_ctx *ctx,
				  const struct ndp_ip6 *ip)
{
	const struct ndp_nbr *n = ndp_nbr_find(ctx, ip);

	return !n || n->state == NDP_NUD_INCOMPLETE;
}

/**
 * ndp_nbr_confirm() - upper-layer reachability confirmation (7.3.1).
 * @ctx: context
 * @now: current time
 * @ip: the neighbour
 *
 * An entry with a link-layer address becomes (or stays) REACHABLE from
 * @now, with no probe; an absent or INCOMPLETE entry is left alone.
 */
void ndp_nbr_confirm(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip)
{
	struct ndp_nbr *n = ndp_nbr_find(ctx, ip);

	if (n && n->has_mac && n->state != NDP_NUD_INCOMPLETE)
		nbr_enter(ctx, n, NDP_NUD_REACHABLE, now);
}

/**
 * ndp_confirm() - the caller's reachability hint, e.g. from TCP.
 * @ctx: context
 * @now: current time
 * @ip: the neighbour
 *
 * See ndp_nbr_confirm().
 */
void ndp_confirm(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip)
{
	ndp_nbr_confirm(ctx, now, ip);
}

/* ---------------------------------------------------------- receive */

/*
 * Link-layer destination of on-link neighbour @nh for a frame the core
 * builds: 0 with @mac set (a STALE entry moves to DELAY), or -EAGAIN when
 * resolution is under way or has just been started (a new INCOMPLETE entry
 * sends its first NS now).
 *
 * On -EAGAIN the frame is not sent, and that drop is counted here
 * (TX_CORE_UNRESOLVED): only the caller's packets wait in a neighbour's
 * queue.  Keeping the core's own frames (echo replies, NAs, ICMPv6 errors)
 * would need room for copies of up to a link MTU each in the context, as
 * they live in the call's output arena, and each of them is one that the
 * other end recovers from by itself: ping sends its next echo request, a
 * peer's NUD probe is retransmitted (and the NS that started here lets the
 * retransmission find the address), and ICMPv6 errors are best effort
 * (RFC 4443 2.4 f).  The one unlucky frame is lost; nothing waits.
 */
static int resolve_onlink(struct ndp_ctx *ctx, s64 now,
			  const struct ndp_ip6 *nh, u8 *mac,
			  struct ndp_out *out)
{
	struct ndp_nbr *n = ndp_nbr_find(ctx, nh);

	if (n && n->state != NDP_NUD_INCOMPLETE) {
		memcpy(mac, n->mac, NDP_ETH_ALEN);
		if (n->state == NDP_NUD_STALE)
			nbr_enter(ctx, n, NDP_NUD_DELAY, now);
		return 0;
	}
	ndp_count(ctx, NDP_STAT_TX_CORE_UNRESOLVED);
	if (n)
		return -EAGAIN;
	n = nbr_create(ctx, now, nh, NDP_NUD_INCOMPLETE, out);
	if (n)
		nbr_solicit(ctx, n, now, out);
	return -EAGAIN;
}

/**
 * ndp_rx_ns() - a valid NS whose target is not tentative (RFC 4861 7.2.3).
 * @ctx: context
 * @now: current time
 * @rx: the message
 * @o: its options
 * @out: output
 *
 * Only an NS for one of our addresses is acted on: the sender's entry is
 * created or updated from its SLLA, and a solicited NA answers (to
 * all-nodes with S=0 when the NS came from ::).  Unicast NUD probes are
 * answered like any other NS.
 */
void ndp_rx_ns(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
	       const struct ndp_opts *o, struct ndp_out *out)
{
	struct ndp_ip6 target, dst;
	u8 mac[NDP_ETH_ALEN];
	u8 flags;

	ndp_ipaddr_of_cstruct(rx->l4 + 8, &target);
	if (!ndp_addr_is_ours(ctx, &target)) {
		ndp_count(ctx, NDP_STAT_NS_NOT_OURS);
		return;
	}
	if (ndp_ip6_is_unspec(&rx->src)) {
		dst = ndp_all_nodes;
		ndp_mcast_mac(&dst, mac);
		flags = NDP_NA_FLAG_O;
	} else {
		dst = rx->src;
		flags = NDP_NA_FLAG_S | NDP_NA_FLAG_O;
		if (o->slla) {
			nbr_lla(ctx, now, &rx->src, o->slla, false, out);
			memcpy(mac, o->slla, NDP_ETH_ALEN);
		} else if (resolve_onlink(ctx, now, &rx->src, mac, out)) {
			/* counted; the peer's NUD retries */
			return;
		}
	}
	ndp_send_na(ctx, out, &target, &dst, mac, &target, flags);
}

/**
 * ndp_rx_na() - a valid NA not about DAD: RFC 4861 7.2.5, the whole table.
 * @ctx: context
 * @now: current time
 * @rx: the message
 * @o: its options
 * @out: output
 */
void ndp_rx_na(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
	       const struct ndp_opts *o, struct ndp_out *out)
{
	u8 flags = rx->l4[4];
	bool s = flags & NDP_NA_FLAG_S, ov = flags & NDP_NA_FLAG_O;
	bool r = flags & NDP_NA_FLAG_R, was_router, changed;
	struct ndp_ip6 target;
	struct ndp_nbr *n;

	ndp_ipaddr_of_cstruct(rx->l4 + 8, &target);
	n = ndp_nbr_find(ctx, &target);
	if (!n) {
		ndp_count(ctx, NDP_STAT_NA_NO_ENTRY);
		return;
	}
	if (n->state == NDP_NUD_INCOMPLETE) {
		if (!o->tlla) {
			ndp_count(ctx, NDP_STAT_NA_NO_TLLA);
			return;
		}
		nbr_set_mac(ctx, n, o->tlla);
		nbr_enter(ctx, n, s ? NDP_NUD_REACHABLE : NDP_NUD_STALE, now);
	} else {
		changed = o->tlla && memcmp(o->tlla, n->mac, NDP_ETH_ALEN);
		if (!ov && changed) {
			if (n->state == NDP_NUD_REACHABLE)
				nbr_enter(ctx, n, NDP_NUD_STALE, now);
			ndp_count(ctx, NDP_STAT_NA_NO_OVERRIDE);
			return;
		}
		if (changed)
			nbr_set_mac(ctx, n, o->tlla);
		if (s)
			nbr_enter(ctx, n, NDP_NUD_REACHABLE, now);
		else if (changed)
			nbr_enter(ctx, n, NDP_NUD_STALE, now);
	}
	was_router = n->is_router;
	nbr_set_is_router(ctx, n, r);
	release_queue(ctx, n, now, out);
	if (was_router && !r)
		ndp_rtr_not_router(ctx, now, &target, out);
}

/* ------------------------------------------------------------- send */

/**
 * ndp_resolve() - link-layer destination for a frame the core builds.
 * @ctx: context
 * @now: current time
 * @dst: IPv6 destination
 * @mac: the answer
 * @out: output
 *
 * Return: 0 with @mac set, -EAGAIN when resolution is under way (the frame
 * is not queued: counted TX_CORE_UNRESOLVED) or -EHOSTUNREACH (no route,
 * counted TX_NO_ROUTE).  Either way the caller drops its frame.
 */
int ndp_resolve(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *dst,
		u8 *mac, struct ndp_out *out)
{
	struct ndp_ip6 nh;

	if (ndp_ip6_is_mcast(dst)) {
		ndp_mcast_mac(dst, mac);
		return 0;
	}
	if (ndp_next_hop(ctx, dst, &nh)) {
		ndp_count(ctx, NDP_STAT_TX_NO_ROUTE);
		return -EHOSTUNREACH;
	}
	return resolve_onlink(ctx, now, &nh, mac, out);
}

/**
 * ndp_nbr_output() - transmit the caller's @pkt to on-link next hop @nh.
 * @ctx: context
 * @now: current time
 * @nh: next hop (unicast, on-link)
 * @pkt: the packet, IPv6 header at data, NDP_ETH_HLEN of headroom
 * @out: output
 *
 * With a link-layer address the Ethernet header goes into the headroom and
 * the packet leaves (a STALE entry moves to DELAY).  Otherwise it waits in
 * the neighbour's queue, a new INCOMPLETE entry sending its first NS now.
 * A packet that can neither leave nor wait is given back dropped.
 */
void ndp_nbr_output(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *nh,
		    const struct ndp_pkt *pkt, struct ndp_out *out)
{
	struct ndp_nbr *n = ndp_nbr_find(ctx, nh);

	if (!n) {
		n = nbr_create(ctx, now, nh, NDP_NUD_INCOMPLETE, out);
		if (!n) {
			/* counted by nbr_create() (NBR_TABLE_FULL, ...) */
			ndp_out_done(out, pkt->handle, NDP_DONE_NO_NEIGHBOUR);
			return;
		}
		enqueue(ctx, n, pkt, out);
		nbr_solicit(ctx, n, now, out);
		return;
	}
	if (n->state == NDP_NUD_INCOMPLETE) {
		enqueue(ctx, n, pkt, out);
		return;
	}
	if (n->qlen) {
		release_queue(ctx, n, now, out);
		if (n->qlen) {
			enqueue(ctx, n, pkt, out);
			return;
		}
	}
	if (!ndp_out_room(out, 1, 0, 0)) {
		ndp_count(ctx, NDP_STAT_TX_OUT_FULL);
		ndp_out_done(out, pkt->handle, NDP_DONE_NO_ROOM);
		return;
	}
	xmit(ctx, n, pkt, out);
	if (n->state == NDP_NUD_STALE)
		nbr_enter(ctx, n, NDP_NUD_DELAY, now);
}

/* ------------------------------------------------------------- timers */

/* The timer of @n is due.  Returns false when @out has no room for it. */
static bool nbr_expire(struct ndp_ctx *ctx, struct ndp_nbr *n, s64 now,
		       struct ndp_out *out)
{
	s64 until;

	if (n->has_mac && n->qlen) {
		release_queue(ctx, n, now, out);
		if (n->qlen)
			return false;
		if (n->timer > now)
			return true;	/* the state's own timer is back */
	}
	switch (n->state) {
	case NDP_NUD_INCOMPLETE:
		if (n->probes >= MAX_MULTICAST_SOLICIT) {
			if (!ndp_out_room(out, 0, n->qlen, 0))
				return false;
			nbr_fail(ctx, n, out);
			return true;
		}
		if (!ndp_out_room(out, 1, 0, NS_FRAME_LEN))
			return false;
		nbr_solicit(ctx, n, now, out);
		return true;
	case NDP_NUD_REACHABLE:
		until = n->confirmed + ndp_ms(ctx->reachable_ms);
		if (until > now)
			nbr_set_timer(ctx, n, until);
		else
			nbr_enter(ctx, n, NDP_NUD_STALE, now);
		return true;
	case NDP_NUD_DELAY:
		if (!ndp_out_room(out, 1, 0, NS_FRAME_LEN))
			return false;
		nbr_enter(ctx, n, NDP_NUD_PROBE, now);
		nbr_solicit(ctx, n, now, out);
		return true;
	case NDP_NUD_PROBE:
		if (n->probes >= MAX_UNICAST_SOLICIT) {
			if (!ndp_out_room(out, 0, n->qlen, 0))
				return false;
			nbr_fail(ctx, n, out);
			return true;
		}
		if (!ndp_out_room(out, 1, 0, NS_FRAME_LEN))
			return false;
		nbr_solicit(ctx, n, now, out);
		return true;
	default:
		nbr_set_timer(ctx, n, NDP_TIME_NEVER);
		return true;
	}
}

/**
 * ndp_nbr_tick() - run the neighbour timers that are due.
 * @ctx: context
 * @now: current time
 * @out: output
 *
 * Pops due entries off the heap only: O(1) when nothing is due.  Stops when
 * @out has no room for the next one's frames or handles, or after
 * TICK_BUDGET entries; the deadline then stays at or before @now.
 */
void ndp_nbr_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
{
	unsigned int budget = TICK_BUDGET;
	struct ndp_nbr *n;

	while (ctx->heap_len && budget--) {
		n = &ctx->nbrs[ctx->heap[0]];
		if (n->timer > now)
			break;
		if (!nbr_expire(ctx, n, now, out))
			break;
	}
}

/**
 * ndp_nbr_deadline() - the earliest neighbour timer.
 * @ctx: context
 *
 * Return: absolute time, or NDP_TIME_NEVER.
 */
s64 ndp_nbr_deadline(const struct ndp_ctx *ctx)
{
	return ctx->heap_len ? ctx->nbrs[ctx->heap[0]].timer : NDP_TIME_NEVER;
}

/**
 * ndp_nbr_flush() - give back every queued packet, dropped (QUEUE_FLUSHED).
 * @ctx: context
 * @out: output
 *
 * Bounded by @out's room for handles: while ndp_get_fill() still reports
 * queued packets, call again with a fresh @out.  Entries stay as they are.
 */
void ndp_nbr_flush(struct ndp_ctx *ctx, struct ndp_out *out)
{
	struct ndp_nbr *n;
	u32 i, s;

	for (i = 0; i < ctx->cfg.max_nbrs && ctx->n_queued; i++) {
		n = &ctx->nbrs[i];
		while (n->qlen) {
			if (!ndp_out_room(out, 0, 1, 0))
				return;
			s = q_pop(ctx, n);
			ndp_out_done(out, ctx->qslots[s].pkt.handle,
				     NDP_DONE_FLUSHED);
			ndp_count(ctx, NDP_STAT_QUEUE_FLUSHED);
			slot_free(ctx, s);
		}
	}
}

/* ------------------------------------------------------------- setup */

/**
 * ndp_nbr_init() - empty cache: free lists, hash heads, heap.
 * @ctx: context, tables carved and zeroed by ndp_local()
 *
 * Return: 0.
 */
int ndp_nbr_init(struct ndp_ctx *ctx)
{
	u32 i, n = ctx->cfg.max_nbrs, q = ctx->cfg.queue_total;

	for (i = 0; i <= ctx->hash_mask; i++)
		ctx->buckets[i] = NDP_NIL;
	for (i = 0; i < n; i++) {
		ctx->nbrs[i].state = NDP_NUD_NONE;
		ctx->nbrs[i].hnext = i + 1 < n ? i + 1 : NDP_NIL;
		ctx->nbrs[i].heap_pos = NDP_NIL;
		ctx->nbrs[i].lru_prev = NDP_NIL;
		ctx->nbrs[i].lru_next = NDP_NIL;
		ctx->nbrs[i].qhead = NDP_NIL;
		ctx->nbrs[i].qtail = NDP_NIL;
		ctx->nbrs[i].timer = NDP_TIME_NEVER;
	}
	for (i = 0; i < q; i++)
		ctx->qslots[i].next = i + 1 < q ? i + 1 : NDP_NIL;
	ctx->free_nbr = n ? 0 : NDP_NIL;
	ctx->free_qslot = q ? 0 : NDP_NIL;
	ctx->n_nbrs = 0;
	ctx->n_incomplete = 0;
	ctx->n_queued = 0;
	ctx->heap_len = 0;
	ctx->evict_inc_head = NDP_NIL;
	ctx->evict_inc_tail = NDP_NIL;
	ctx->evict_stale_head = NDP_NIL;
	ctx->evict_stale_tail = NDP_NIL;
	return 0;
}

/* ------------------------------------------------------------- tables */

static void nbr_info(const struct ndp_nbr *n, struct ndp_nbr_info *ni)
{
	memset(ni, 0, sizeof(*ni));
	ni->addr = n->ip;
	if (n->has_mac)
		memcpy(ni->mac, n->mac, NDP_ETH_ALEN);
	ni->state = n->state;
	ni->is_router = n->is_router;
	ni->queued = n->qlen;
}

/**
 * ndp_nbr_next() - walk the neighbour cache (netlink dumps).
 * @ctx: context
 * @pos: cursor, 0 to start
 * @ni: filled with the next entry
 *
 * Return: true with @ni filled and @pos advanced, false at the end.
 */
bool ndp_nbr_next(const struct ndp_ctx *ctx, u32 *pos,
		  struct ndp_nbr_info *ni)
{
	u32 i;

	for (i = *pos; i < ctx->cfg.max_nbrs; i++) {
		if (ctx->nbrs[i].state == NDP_NUD_NONE)
			continue;
		nbr_info(&ctx->nbrs[i], ni);
		*pos = i + 1;
		return true;
	}
	*pos = i;
	return false;
}

/**
 * ndp_nbr_lookup() - one neighbour cache entry.
 * @ctx: context
 * @ip: the neighbour
 * @ni: filled in
 *
 * Return: 0, or -ENOENT.
 */
int ndp_nbr_lookup(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip,
		   struct ndp_nbr_info *ni)
{
	const struct ndp_nbr *n = ndp_nbr_find(ctx, ip);

	if (!n)
		return -ENOENT;
	nbr_info(n, ni);
	return 0;
}
