// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: the neighbour cache's storage: hash table, timer heap,
 * eviction lists, the per-neighbour packet queues and the give-back FIFO,
 * set-up and the table walk.  nbr.c has the states and the protocol; the
 * layout and its rules: Documentation/ndpv6/core.rst, "Tables and eviction".
 */
#include "ndp_private.h"

/* ------------------------------------------------------------- hash */

/*
 * Multiplicative hash of the four 32-bit words with secret odd 64-bit
 * multipliers derived from ctx->hash_seed, keeping the high half of the
 * sum (where every input bit counts): the construction of Linux's
 * ndisc_hashfn(), about 20 instructions.  Not knowing the seed, an
 * attacker on the link cannot aim its sources at one bucket; the table's
 * bounds (RFC 6583) cap what a chain can cost anyway.
 */
u32 ndp_nbr_hash(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip)
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

	for (i = ctx->buckets[ndp_nbr_hash(ctx, ip)]; i != NDP_NIL;
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

void ndp_nbr_heap_remove(struct ndp_ctx *ctx, struct ndp_nbr *n)
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
void ndp_nbr_set_timer(struct ndp_ctx *ctx, struct ndp_nbr *n, s64 when)
{
	n->timer = when;
	if (when == NDP_TIME_NEVER) {
		ndp_nbr_heap_remove(ctx, n);
		return;
	}
	if (n->heap_pos == NDP_NIL) {
		n->heap_pos = ctx->heap_len++;
		ctx->heap[n->heap_pos] = ndp_nbr_idx(ctx, n);
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
	if (n->state == NDP_NUD_UNREACHABLE) {
		*tail = &ctx->evict_unreach_tail;
		return &ctx->evict_unreach_head;
	}
	return NULL;
}

void ndp_nbr_lru_unlink(struct ndp_ctx *ctx, struct ndp_nbr *n)
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

void ndp_nbr_lru_append(struct ndp_ctx *ctx, struct ndp_nbr *n)
{
	u32 *head, *tail, i = ndp_nbr_idx(ctx, n);

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

u32 ndp_nbr_q_pop(struct ndp_ctx *ctx, struct ndp_nbr *n)
{
	u32 s = n->qhead;

	n->qhead = ctx->qslots[s].next;
	if (n->qhead == NDP_NIL)
		n->qtail = NDP_NIL;
	n->qlen--;
	return s;
}

void ndp_nbr_slot_free(struct ndp_ctx *ctx, u32 s)
{
	ctx->qslots[s].next = ctx->free_qslot;
	ctx->free_qslot = s;
	ctx->n_queued--;
}

/*
 * Give back the packet of slot @s (off its queue), dropped for @reason.
 * Without room in @out the slot waits, with its reason, on the give-back
 * FIFO for the next call that has room (ndp_nbr_give_back_pending()).
 */
static void give_back(struct ndp_ctx *ctx, u32 s, struct ndp_out *out,
		      enum ndp_done_reason reason)
{
	struct ndp_qslot *q = &ctx->qslots[s];

	if (out && ndp_out_done(out, q->pkt.handle, reason)) {
		ndp_nbr_slot_free(ctx, s);
		return;
	}
	q->reason = reason;
	q->next = NDP_NIL;
	if (ctx->gb_tail == NDP_NIL)
		ctx->gb_head = s;
	else
		ctx->qslots[ctx->gb_tail].next = s;
	ctx->gb_tail = s;
	ctx->n_gb++;
	ndp_count(ctx, NDP_STAT_OUT_GIVE_BACK_LATER);
}

/**
 * ndp_nbr_give_back_pending() - give back what waited for room, in order.
 * @ctx: context
 * @out: output
 *
 * Return: true when nothing waits any more.
 */
bool ndp_nbr_give_back_pending(struct ndp_ctx *ctx, struct ndp_out *out)
{
	struct ndp_qslot *q;
	u32 s;

	while ((s = ctx->gb_head) != NDP_NIL) {
		q = &ctx->qslots[s];
		if (!ndp_out_done(out, q->pkt.handle, q->reason))
			return false;
		ctx->gb_head = q->next;
		if (ctx->gb_head == NDP_NIL)
			ctx->gb_tail = NDP_NIL;
		ctx->n_gb--;
		ndp_nbr_slot_free(ctx, s);
	}
	return true;
}

/*
 * Give back every packet queued on @n, dropped for @reason, counting @why
 * for each.
 */
void ndp_nbr_drop_queue(struct ndp_ctx *ctx, struct ndp_nbr *n,
			struct ndp_out *out, enum ndp_stat why,
			enum ndp_done_reason reason)
{
	while (n->qlen) {
		ndp_count(ctx, why);
		give_back(ctx, ndp_nbr_q_pop(ctx, n), out, reason);
	}
}

/*
 * Queue @pkt, the packet of this ndp_send(), on @n (RFC 4861 7.2.2).  On
 * overflow the OLDEST packet of @n goes (its slot takes the new packet at
 * the tail, so order is kept); when the global pool is empty, the oldest
 * of @n if it has one, else @pkt.  With no room in @out for the oldest,
 * @pkt goes instead (it has the call's own place).
 */
void ndp_nbr_enqueue(struct ndp_ctx *ctx, struct ndp_nbr *n,
		     const struct ndp_pkt *pkt, struct ndp_out *out)
{
	enum ndp_stat why = NDP_STAT_QUEUE_OVERFLOW;
	u32 s;

	if (n->qlen >= ctx->cfg.nbr_queue_len ||
	    ctx->free_qslot == NDP_NIL) {
		if (n->qlen < ctx->cfg.nbr_queue_len)
			why = NDP_STAT_QUEUE_TOTAL_OVERFLOW;
		ndp_count(ctx, why);
		if (!n->qlen || !ndp_out_room(out, 0, 1, 0)) {
			ndp_out_own_done(out, pkt->handle,
					 NDP_DONE_QUEUE_FULL);
			return;
		}
		s = ndp_nbr_q_pop(ctx, n);
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

/* Transmit @pkt to @n's MAC; false (nothing done) when @out is full. */
bool ndp_nbr_xmit(struct ndp_ctx *ctx, const struct ndp_nbr *n,
		  const struct ndp_pkt *pkt, struct ndp_out *out)
{
	if (!ndp_out_room(out, 1, 0, 0))
		return false;
	ndp_write_eth(ctx, pkt->data - NDP_ETH_HLEN, n->mac);
	ndp_out_tx_handle(out, pkt);
	ndp_count(ctx, NDP_STAT_TX_PACKETS);
	return true;
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
	ctx->gb_head = NDP_NIL;
	ctx->gb_tail = NDP_NIL;
	ctx->n_gb = 0;
	ctx->heap_len = 0;
	ctx->evict_inc_head = NDP_NIL;
	ctx->evict_inc_tail = NDP_NIL;
	ctx->evict_stale_head = NDP_NIL;
	ctx->evict_stale_tail = NDP_NIL;
	ctx->evict_unreach_head = NDP_NIL;
	ctx->evict_unreach_tail = NDP_NIL;
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
