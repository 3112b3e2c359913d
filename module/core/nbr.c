// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: the neighbour cache (RFC 4861 7.2, 7.3 and appendix C),
 * bounded (RFC 6583): entry states and NUD, solicitation, NS and NA,
 * resolution for sends, the timers; its storage is in nbr_table.c.  Its
 * timers, eviction and the source of its NS: Documentation/ndpv6/core.rst.
 */
#include "ndp_private.h"

#define MAX_MULTICAST_SOLICIT	3	/* RFC 4861 10 */
#define MAX_UNICAST_SOLICIT	3
#define BACKOFF_MULTIPLE	3	/* RFC 7048 3 */
#define MAX_RETRANS_TIMER_MS	60000
/* an UNREACHABLE entry nothing was sent to for this long is removed */
#define UNREACH_IDLE_MS		(10 * MAX_RETRANS_TIMER_MS)
#define NS_FRAME_LEN		(NDP_ETH_HLEN + NDP_IP6_HLEN + 24 + 8)
#define TICK_BUDGET		1024	/* entries handled per tick */

/* ------------------------------------------------------ entry states */

/*
 * Move @n to @st: eviction lists, INCOMPLETE count and the timer that the
 * state implies (INCOMPLETE, PROBE, UNREACHABLE: the caller sends and arms
 * it).  Leaving UNREACHABLE for a better state is counted.
 * Entering the same state again refreshes the entry's place in its list.
 * While packets wait on an entry that has a MAC, its timer is "now": the
 * queue leaves at the next tick, before anything else happens to it.
 */
static void nbr_enter(struct ndp_ctx *ctx, struct ndp_nbr *n, u8 st, s64 now)
{
	bool pending = n->qlen && n->has_mac;
	u8 old = n->state;

	ndp_nbr_lru_unlink(ctx, n);
	if (old == NDP_NUD_INCOMPLETE)
		ctx->n_incomplete--;
	if (st == NDP_NUD_INCOMPLETE)
		ctx->n_incomplete++;
	n->state = st;
	n->probes = 0;
	n->tx_since_ns = false;
	ndp_nbr_lru_append(ctx, n);
	switch (st) {
	case NDP_NUD_REACHABLE:
		n->confirmed = now;
		if (pending)
			ndp_nbr_set_timer(ctx, n, now);
		else if (old != NDP_NUD_REACHABLE ||
			 n->timer == NDP_TIME_NEVER)
			ndp_nbr_set_timer(ctx, n, now + ndp_ms(ctx->reachable_ms));
		break;
	case NDP_NUD_STALE:
		ndp_nbr_set_timer(ctx, n, pending ? now : NDP_TIME_NEVER);
		break;
	case NDP_NUD_DELAY:
		ndp_nbr_set_timer(ctx, n, pending ? now :
			      now + ndp_ms(ctx->cfg.delay_first_probe_ms));
		break;
	default:
		break;
	}
	if (old == NDP_NUD_UNREACHABLE && (st == NDP_NUD_REACHABLE ||
					   st == NDP_NUD_STALE))
		ndp_count(ctx, NDP_STAT_NBR_UNREACHABLE_RECOVERED);
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

/* Pinned entries are on no eviction list (core.rst, "Tables and eviction") */
static void nbr_pin_update(struct ndp_ctx *ctx, struct ndp_nbr *n,
			   bool pinned)
{
	if (n->pinned == pinned)
		return;
	ndp_nbr_lru_unlink(ctx, n);
	n->pinned = pinned;
	ndp_nbr_lru_append(ctx, n);
}

/* A new or different MAC: whatever it proved was about the old one. */
static void nbr_set_mac(struct ndp_ctx *ctx, struct ndp_nbr *n, const u8 *mac)
{
	memcpy(n->mac, mac, NDP_ETH_ALEN);
	n->has_mac = true;
	n->proven = false;
	ndp_changed(ctx);
}

/* Unlink @n from everything and put it on the free list (queue empty). */
static void nbr_remove(struct ndp_ctx *ctx, struct ndp_nbr *n)
{
	u32 i = ndp_nbr_idx(ctx, n), *p;

	ndp_nbr_lru_unlink(ctx, n);
	ndp_nbr_heap_remove(ctx, n);
	for (p = &ctx->buckets[ndp_nbr_hash(ctx, &n->ip)]; *p != NDP_NIL;
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
 * Make room for a new entry in state @st (RFC 6583 7.1): the least
 * recently used UNREACHABLE entry first (NUD gave up on it); then for an
 * INCOMPLETE one the oldest INCOMPLETE entry, else the oldest STALE one;
 * for a STALE one (unsolicited input) only the oldest STALE one, so that a
 * flood of NS from new sources cannot stop our own resolutions (core.rst,
 * "Tables and eviction").  Default routers (pinned) and
 * REACHABLE/DELAY/PROBE entries are never on these lists.  The packets of
 * the entry taken come back dropped (in a later call's output if @out is
 * full).
 */
static bool nbr_evict(struct ndp_ctx *ctx, u8 st, struct ndp_out *out)
{
	u32 i = ctx->evict_unreach_head;
	struct ndp_nbr *n;

	if (i == NDP_NIL && st == NDP_NUD_INCOMPLETE)
		i = ctx->evict_inc_head;
	if (i == NDP_NIL)
		i = ctx->evict_stale_head;
	if (i == NDP_NIL)
		return false;
	n = &ctx->nbrs[i];
	ndp_nbr_drop_queue(ctx, n, out, NDP_STAT_QUEUE_EVICTED, NDP_DONE_EVICTED);
	nbr_remove(ctx, n);
	ndp_count(ctx, NDP_STAT_NBR_EVICTED);
	return true;
}

/* Token bucket for new INCOMPLETE entries: incomplete_rate per second. */
static bool inc_rate_ok(struct ndp_ctx *ctx, s64 now)
{
	return ndp_bucket_ready(&ctx->inc_bucket, now, ctx->cfg.incomplete_rate,
				ctx->cfg.incomplete_quota);
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
	if (ctx->free_nbr == NDP_NIL && !nbr_evict(ctx, st, out)) {
		ndp_count(ctx, NDP_STAT_NBR_TABLE_FULL);
		return NULL;
	}
	if (st == NDP_NUD_INCOMPLETE)
		ctx->inc_bucket.tokens -= NDP_NSEC_PER_SEC;
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
	n->used = NDP_TIME_NEVER;
	n->created = now;
	h = ndp_nbr_hash(ctx, ip);
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
 * The source of an NS for @n (RFC 4861 7.2.2), never an optimistic
 * address (RFC 4429 3.2); false when none qualifies: the NS then waits for
 * a DAD, or counts as sent without leaving (core.rst, "Neighbour
 * resolution").
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
 * No address of ours may be an NS's source while its DAD runs (RFC 4429
 * 3.2).  When that is every one (the link just came back), the NS waits
 * for the next DAD step rather than count as sent: the resolution keeps
 * all its attempts.  Returns when to try again, NDP_TIME_NEVER when no
 * DAD runs (nothing to wait for).
 */
static s64 ns_source_due(const struct ndp_ctx *ctx, s64 now)
{
	s64 t = NDP_TIME_NEVER;
	unsigned int i;

	if (ctx->link_down)		/* DAD held: the NS is lost anyway */
		return t;
	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		const struct ndp_addr *a = &ctx->addrs[i];

		if (a->used && a->state == NDP_ADDR_TENTATIVE)
			t = min(t, a->timer);
	}
	/* a DAD step held back (its Report first) is retried a tick on */
	return t == NDP_TIME_NEVER ? t : max(t, now + ndp_ms(1));
}

enum ns_sent {
	NS_FULL,	/* @out full: retried at the next tick */
	NS_SENT,	/* sent, or counted as sent: no source at all */
	NS_WAIT,	/* no source until a DAD step: retried then */
};

/*
 * Send the next NS for @n: multicast to the solicited-node group while
 * INCOMPLETE or UNREACHABLE (RFC 7048 3: the neighbour may have a new
 * MAC), unicast while PROBE.  NS_WAIT sets *@wait.
 */
static enum ns_sent nbr_send_ns(struct ndp_ctx *ctx, struct ndp_nbr *n,
				s64 now, s64 *wait, struct ndp_out *out)
{
	struct ndp_ip6 src, dst;
	u8 mac[NDP_ETH_ALEN];

	if (!ns_source(ctx, n, &src)) {
		*wait = ns_source_due(ctx, now);
		if (*wait != NDP_TIME_NEVER) {
			ndp_count(ctx, NDP_STAT_NS_WAIT_SOURCE);
			return NS_WAIT;
		}
		ndp_count(ctx, NDP_STAT_NS_NO_SOURCE);
		return NS_SENT;
	}
	if (n->state == NDP_NUD_INCOMPLETE ||
	    n->state == NDP_NUD_UNREACHABLE) {
		ndp_solicited_node(&n->ip, &dst);
		ndp_mcast_mac(&dst, mac);
	} else {
		dst = n->ip;
		memcpy(mac, n->mac, NDP_ETH_ALEN);
	}
	if (!ndp_send_ns(ctx, out, &src, &dst, mac, &n->ip, NULL))
		return NS_FULL;
	return NS_SENT;
}

/* One solicitation now; the timer for the next one (or a retry). */
static void nbr_solicit(struct ndp_ctx *ctx, struct ndp_nbr *n, s64 now,
			struct ndp_out *out)
{
	s64 wait = now;

	switch (nbr_send_ns(ctx, n, now, &wait, out)) {
	case NS_SENT:
		n->probes++;
		ndp_nbr_set_timer(ctx, n, now + ndp_ms(ctx->retrans_ms));
		break;
	case NS_FULL:
	case NS_WAIT:
		ndp_nbr_set_timer(ctx, n, wait);
		break;
	}
}

/* RetransTimer * BACKOFF_MULTIPLE^@k in ms, at most MAX_RETRANS_TIMER. */
static u32 backoff_ms(const struct ndp_ctx *ctx, u32 k)
{
	u32 ms = max(ctx->retrans_ms, 1U);

	while (k-- && ms < MAX_RETRANS_TIMER_MS)
		ms *= BACKOFF_MULTIPLE;
	return min_t(u32, ms, MAX_RETRANS_TIMER_MS);
}

/*
 * The next multicast NS of UNREACHABLE @n now; the wait before the one
 * after is backoff_ms() times a random factor in [MIN_RANDOM_FACTOR,
 * MAX_RANDOM_FACTOR) (0.5, 1.5 as for ReachableTime) so that hosts that
 * lost the same neighbour do not probe in step (core.rst, "Timers").
 */
static void nbr_backoff_solicit(struct ndp_ctx *ctx, struct ndp_nbr *n,
				s64 now, struct ndp_out *out)
{
	s64 base, wait = now;

	if (nbr_send_ns(ctx, n, now, &wait, out) != NS_SENT) {
		ndp_nbr_set_timer(ctx, n, wait);
		return;
	}
	n->tx_since_ns = false;
	/* past the cap the step no longer matters: saturate, never wrap */
	if (n->probes < 0xff)
		n->probes++;
	ndp_count(ctx, NDP_STAT_NBR_BACKOFF_NS);
	base = ndp_ms(backoff_ms(ctx, n->probes));
	ndp_nbr_set_timer(ctx, n, now + base / 2 + ndp_random_delay(ctx, base));
}

/*
 * A packet went to @n.  UNREACHABLE is probed only while packets go on
 * (RFC 7048 3): a waiting entry sends its first multicast NS now, a
 * probing one at its next deadline; it goes to the back of its eviction
 * list.
 */
static void nbr_touch(struct ndp_ctx *ctx, struct ndp_nbr *n, s64 now,
		      struct ndp_out *out)
{
	n->used = now;
	if (n->state != NDP_NUD_UNREACHABLE)
		return;
	ndp_nbr_lru_unlink(ctx, n);
	ndp_nbr_lru_append(ctx, n);
	ndp_count(ctx, NDP_STAT_TX_UNREACHABLE);
	n->tx_since_ns = true;
	if (!n->probes)
		nbr_backoff_solicit(ctx, n, now, out);
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

	while (n->qlen && out &&
	       ndp_nbr_xmit(ctx, n, &ctx->qslots[n->qhead].pkt, out)) {
		s = ndp_nbr_q_pop(ctx, n);
		ndp_nbr_slot_free(ctx, s);
		nbr_touch(ctx, n, now, out);
		sent = true;
	}
	if (n->qlen && n->timer > now)
		ndp_nbr_set_timer(ctx, n, now);
	if (!sent)
		return;
	switch (n->state) {
	case NDP_NUD_STALE:
		nbr_enter(ctx, n, NDP_NUD_DELAY, now);
		break;
	case NDP_NUD_REACHABLE:
		if (!n->qlen && n->timer <= now)
			ndp_nbr_set_timer(ctx, n, n->confirmed +
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

/* Resolution failed: packets back, note, entry gone. */
static void nbr_fail(struct ndp_ctx *ctx, struct ndp_nbr *n,
		     struct ndp_out *out)
{
	ndp_nbr_drop_queue(ctx, n, out, NDP_STAT_QUEUE_RESOLUTION_FAILED,
			   NDP_DONE_UNREACHABLE);
	ndp_count(ctx, NDP_STAT_NBR_FAILED);
	ndp_out_note(out, NDP_NOTE_NBR_UNREACHABLE, &n->ip, 0, 0, 0, 0);
	ndp_redirect_forget(ctx, &n->ip, true);
	nbr_remove(ctx, n);
}

/*
 * NUD failed (RFC 7048 3): instead of going, @n keeps its MAC as
 * UNREACHABLE; packets still leave to that MAC, and the next one starts
 * multicast NS with back-off.  Until then it waits, its timer the idle
 * deadline.  Reported as resolution failure was (NBR_FAILED, note).
 */
static void nbr_unreachable(struct ndp_ctx *ctx, struct ndp_nbr *n, s64 now,
			    struct ndp_out *out)
{
	nbr_enter(ctx, n, NDP_NUD_UNREACHABLE, now);
	n->proven = false;
	ndp_count(ctx, NDP_STAT_NBR_FAILED);
	ndp_count(ctx, NDP_STAT_NBR_UNREACHABLE_ENTERED);
	ndp_out_note(out, NDP_NOTE_NBR_UNREACHABLE, &n->ip, 0, 0, 0, 0);
	ndp_redirect_forget(ctx, &n->ip, true);
	/* packets still queued leave first (nbr_expire()) and start probing */
	ndp_nbr_set_timer(ctx, n, n->qlen ? now :
			  now + ndp_ms(UNREACH_IDLE_MS));
}

/*
 * The timer of UNREACHABLE @n is due.  A packet went since the last NS:
 * the next NS, one back-off step on.  None: probing stops until the next
 * packet, and UNREACH_IDLE_MS after the last one (or after NUD failed)
 * the entry goes, so that one nobody uses costs nothing for long
 * (core.rst, "Neighbour resolution").  Returns false when @out is full.
 */
static bool nbr_unreach_expire(struct ndp_ctx *ctx, struct ndp_nbr *n,
			       s64 now, struct ndp_out *out)
{
	s64 idle_end;

	if (n->tx_since_ns) {
		if (!ndp_out_room(out, 1, 0, NS_FRAME_LEN))
			return false;
		nbr_backoff_solicit(ctx, n, now, out);
		return true;
	}
	if (n->probes) {
		/* a probe run only starts at a packet: @used is set */
		n->probes = 0;
		idle_end = n->used + ndp_ms(UNREACH_IDLE_MS);
		if (idle_end > now) {
			ndp_nbr_set_timer(ctx, n, idle_end);
			return true;
		}
	}
	ndp_nbr_drop_queue(ctx, n, out, NDP_STAT_QUEUE_RESOLUTION_FAILED,
			   NDP_DONE_UNREACHABLE);
	ndp_count(ctx, NDP_STAT_NBR_UNREACHABLE_GC);
	nbr_remove(ctx, n);
	return true;
}

/* ---------------------------------------------------------- updates */

/*
 * A link-layer address for @ip from an SLLA (RFC 4861 7.2.3, 6.3.4; also
 * RS and Redirect): a new entry is STALE; an INCOMPLETE one takes the MAC,
 * goes STALE and sends its queue; a different MAC replaces the cached one
 * and the entry goes STALE; the same MAC changes nothing, but for an
 * UNREACHABLE entry: the neighbour is back, STALE checks it on next use.
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
	} else if (n->state == NDP_NUD_UNREACHABLE) {
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
		nbr_pin_update(ctx, n, pinned);
}

/**
 * ndp_nbr_probably_unreachable() - for router selection (RFC 4861 6.3.6).
 * @ctx: context
 * @ip: the router
 *
 * Return: true if @ip has no entry, an INCOMPLETE one or an UNREACHABLE
 * one (NUD gave up on it, RFC 7048).
 */
bool ndp_nbr_probably_unreachable(const struct ndp_ctx *ctx,
				  const struct ndp_ip6 *ip)
{
	const struct ndp_nbr *n = ndp_nbr_find(ctx, ip);

	return !n || n->state == NDP_NUD_INCOMPLETE ||
	       n->state == NDP_NUD_UNREACHABLE;
}

/**
 * ndp_nbr_proven() - has @ip shown two-way reachability?
 * @ctx: context
 * @ip: the neighbour
 *
 * Return: true if, with the link-layer address its entry has now, it
 * answered an NS of ours (S=1 while INCOMPLETE or PROBE) or the caller
 * confirmed it (ndp_confirm()).
 */
bool ndp_nbr_proven(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip)
{
	const struct ndp_nbr *n = ndp_nbr_find(ctx, ip);

	return n && n->proven;
}

/**
 * ndp_nbr_probe() - ask a router to prove two-way reachability.
 * @ctx: context
 * @now: current time
 * @ip: the router, whose RA did not fit in a full table
 * @out: output (the NS)
 *
 * A STALE entry goes to PROBE with a unicast NS now; without an entry,
 * resolution starts (INCOMPLETE, subject to its own limits).  An entry
 * that is proven, whose NUD is under way, or with packets waiting (they
 * leave at the next tick, and DELAY then PROBE follow) is left alone.  At most
 * NDP_RTR_PROBE_RATE a second (NBR_PROBE_RATE_LIMITED): a flood of RAs
 * from new sources must not become a flood of NS.
 */
void ndp_nbr_probe(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		   struct ndp_out *out)
{
	struct ndp_nbr *n = ndp_nbr_find(ctx, ip);

	/* packets waiting on it leave at the next tick and start NUD */
	if (n && (n->proven || n->state != NDP_NUD_STALE || n->qlen))
		return;
	if (!ndp_bucket_take(&ctx->probe_bucket, now, NDP_RTR_PROBE_RATE,
			     NDP_RTR_PROBE_BURST)) {
		ndp_count(ctx, NDP_STAT_NBR_PROBE_RATE_LIMITED);
		return;
	}
	ndp_count(ctx, NDP_STAT_NBR_ROUTER_PROBED);
	if (!n) {
		n = nbr_create(ctx, now, ip, NDP_NUD_INCOMPLETE, out);
		if (n)
			nbr_solicit(ctx, n, now, out);
		return;
	}
	nbr_enter(ctx, n, NDP_NUD_PROBE, now);
	nbr_solicit(ctx, n, now, out);
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

	if (n && n->has_mac && n->state != NDP_NUD_INCOMPLETE) {
		nbr_enter(ctx, n, NDP_NUD_REACHABLE, now);
		n->proven = true;
	}
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
 * resolution is under way or has just been started (@mac zeroed): the
 * frame then goes out marked NDP_TX_RESOLVE, for the caller to queue it
 * through ndp_send() (counted TX_CORE_UNRESOLVED).
 */
static int resolve_onlink(struct ndp_ctx *ctx, s64 now,
			  const struct ndp_ip6 *nh, u8 *mac,
			  struct ndp_out *out)
{
	struct ndp_nbr *n = ndp_nbr_find(ctx, nh);

	if (n && n->state != NDP_NUD_INCOMPLETE) {
		memcpy(mac, n->mac, NDP_ETH_ALEN);
		nbr_touch(ctx, n, now, out);
		if (n->state == NDP_NUD_STALE)
			nbr_enter(ctx, n, NDP_NUD_DELAY, now);
		return 0;
	}
	ndp_count(ctx, NDP_STAT_TX_CORE_UNRESOLVED);
	memset(mac, 0, NDP_ETH_ALEN);
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
	int pending = 0;
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
		} else {
			/* no SLLA: a unicast NUD probe, the sender may be new */
			pending = resolve_onlink(ctx, now, &rx->src, mac, out);
		}
	}
	if (ndp_send_na(ctx, out, &target, &dst, mac, &target, flags) &&
	    pending)
		ndp_out_resolve_last(out);
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
	bool r = flags & NDP_NA_FLAG_R, was_router, changed, asked;
	struct ndp_ip6 target;
	struct ndp_nbr *n;

	ndp_ipaddr_of_cstruct(rx->l4 + 8, &target);
	n = ndp_nbr_find(ctx, &target);
	if (!n) {
		ndp_count(ctx, NDP_STAT_NA_NO_ENTRY);
		return;
	}
	asked = n->state == NDP_NUD_INCOMPLETE || n->state == NDP_NUD_PROBE ||
		n->state == NDP_NUD_UNREACHABLE;
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
		/* any NA from an UNREACHABLE neighbour: it is back (STALE) */
		if (s)
			nbr_enter(ctx, n, NDP_NUD_REACHABLE, now);
		else if (changed || n->state == NDP_NUD_UNREACHABLE)
			nbr_enter(ctx, n, NDP_NUD_STALE, now);
	}
	/* an answer to our NS proves two-way reachability, unsolicited S=1 not */
	if (asked && n->state == NDP_NUD_REACHABLE)
		n->proven = true;
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
 * Return: 0 with @mac set; -EAGAIN when resolution is under way: @mac is
 * zero and the caller marks its frame with ndp_out_resolve_last() (counted
 * TX_CORE_UNRESOLVED); -EHOSTUNREACH (no route, counted TX_NO_ROUTE): the
 * caller drops its frame.
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
 * the packet leaves (a STALE entry moves to DELAY; an UNREACHABLE one stays
 * so, and is probed while packets go on: RFC 7048 3).  Otherwise it waits in the
 * neighbour's queue, a new INCOMPLETE entry sending its first NS now.  A
 * packet that can neither leave nor wait is given back dropped.
 */
void ndp_nbr_output(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *nh,
		    const struct ndp_pkt *pkt, struct ndp_out *out)
{
	struct ndp_nbr *n = ndp_nbr_find(ctx, nh);

	if (!n) {
		n = nbr_create(ctx, now, nh, NDP_NUD_INCOMPLETE, out);
		if (!n) {
			/* counted by nbr_create() (NBR_TABLE_FULL, ...) */
			ndp_out_own_done(out, pkt->handle,
					 NDP_DONE_NO_NEIGHBOUR);
			return;
		}
		ndp_nbr_enqueue(ctx, n, pkt, out);
		nbr_solicit(ctx, n, now, out);
		return;
	}
	if (n->state == NDP_NUD_INCOMPLETE) {
		ndp_nbr_enqueue(ctx, n, pkt, out);
		return;
	}
	if (n->qlen) {
		release_queue(ctx, n, now, out);
		if (n->qlen) {
			ndp_nbr_enqueue(ctx, n, pkt, out);
			return;
		}
	}
	if (!ndp_nbr_xmit(ctx, n, pkt, out)) {
		ndp_count(ctx, NDP_STAT_TX_OUT_FULL);
		ndp_out_own_done(out, pkt->handle, NDP_DONE_NO_ROOM);
		return;
	}
	nbr_touch(ctx, n, now, out);
	if (n->state == NDP_NUD_STALE)
		nbr_enter(ctx, n, NDP_NUD_DELAY, now);
}

/* ------------------------------------------------------------- timers */

/*
 * @n carried a packet within DELAY_FIRST_PROBE_TIME: when its REACHABLE
 * time ends it goes straight to DELAY, as the next packet would move it
 * (Linux does the same), instead of waiting in STALE where eviction could
 * take an entry still in use (RFC 6583 7.1: keep entries in use).
 */
static bool nbr_in_use(const struct ndp_ctx *ctx, const struct ndp_nbr *n,
		       s64 now)
{
	return n->used != NDP_TIME_NEVER &&
	       now - n->used < ndp_ms(ctx->cfg.delay_first_probe_ms);
}

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
			ndp_nbr_set_timer(ctx, n, until);
		else if (nbr_in_use(ctx, n, now))
			nbr_enter(ctx, n, NDP_NUD_DELAY, now);
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
		if (!ndp_out_room(out, 1, 0, NS_FRAME_LEN))
			return false;
		if (n->probes >= MAX_UNICAST_SOLICIT)
			nbr_unreachable(ctx, n, now, out);
		else
			nbr_solicit(ctx, n, now, out);
		return true;
	case NDP_NUD_UNREACHABLE:
		return nbr_unreach_expire(ctx, n, now, out);
	default:
		ndp_nbr_set_timer(ctx, n, NDP_TIME_NEVER);
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

	if (!ndp_nbr_give_back_pending(ctx, out))
		return;
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
	if (ctx->gb_head != NDP_NIL)
		return 0;	/* handles wait to be given back: due now */
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

	if (!ndp_nbr_give_back_pending(ctx, out))
		return;
	for (i = 0; i < ctx->cfg.max_nbrs && ctx->n_queued; i++) {
		n = &ctx->nbrs[i];
		while (n->qlen) {
			s = n->qhead;
			if (!ndp_out_done(out, ctx->qslots[s].pkt.handle,
					  NDP_DONE_FLUSHED))
				return;
			ndp_nbr_q_pop(ctx, n);
			ndp_count(ctx, NDP_STAT_QUEUE_FLUSHED);
			ndp_nbr_slot_free(ctx, s);
		}
	}
}
