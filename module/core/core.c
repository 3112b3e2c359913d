// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: context set-up (Mirage's `local`), configuration, output
 * helpers, tick dispatch and next deadline, send, counters and getters.
 */
#include "ndp_private.h"

const struct ndp_ip6 ndp_all_nodes = { .b = { 0xff, 0x02, [15] = 0x01 } };
const struct ndp_ip6 ndp_all_routers = { .b = { 0xff, 0x02, [15] = 0x02 } };
const struct ndp_ip6 ndp_all_mldv2_routers = {
	.b = { 0xff, 0x02, [15] = 0x16 }
};

const struct ndp_ip6 ndp_unspecified;

static const char *const ndp_stat_names[NDP_STAT_MAX] = {
#define NDP_STAT(name, desc) __stringify(name),
#include "../../include/ndpv6_stats.h"
#undef NDP_STAT
};

/**
 * ndp_config_default() - the default configuration.
 * @cfg: filled with the defaults struct ndp_config lists
 */
void ndp_config_default(struct ndp_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->max_addrs = 16;
	cfg->max_nbrs = 256;
	cfg->max_routers = 16;
	cfg->max_prefixes = 64;
	cfg->max_routes = 16;
	cfg->max_groups = 32;
	cfg->nbr_queue_len = 3;
	cfg->queue_total = 64;
	cfg->incomplete_quota = 64;
	cfg->incomplete_rate = 100;
	cfg->icmp_rate = 10;
	cfg->icmp_burst = 10;
	cfg->dad_transmits = 1;
	cfg->rtr_solicits = 3;
	cfg->rtr_solicit_interval_ms = 4000;
	cfg->rtr_solicit_delay_ms = 1000;
	cfg->retrans_ms = 1000;
	cfg->base_reachable_ms = 30000;
	cfg->delay_first_probe_ms = 5000;
	cfg->link_mtu = 1500;
	cfg->accept_ra = true;
	cfg->reply_echo = true;
	cfg->optimistic_dad = true;
}

static bool config_valid(const struct ndp_config *c)
{
	return c->max_addrs >= 1 && c->max_nbrs >= 1 &&
	       c->max_nbrs <= NDP_MAX_NBRS && c->max_routers >= 1 &&
	       c->max_prefixes >= 1 && c->max_groups >= 2 &&
	       c->queue_total <= NDP_MAX_QUEUE_SLOTS &&
	       c->nbr_queue_len <= c->queue_total &&
	       c->nbr_queue_len < NDP_OUT_TX / 2 &&
	       c->incomplete_quota >= 1 && c->incomplete_rate >= 1 &&
	       c->icmp_burst >= 1 && c->retrans_ms >= 1 &&
	       c->dad_transmits <= NDP_MAX_DAD_TRANSMITS &&
	       c->base_reachable_ms >= 1 &&
	       c->link_mtu >= NDP_MIN_MTU &&
	       c->addr_gen <= NDP_ADDR_GEN_STABLE_PRIVACY;
}

static u32 hash_buckets(const struct ndp_config *c)
{
	u32 n = 16;

	while (n < c->max_nbrs)
		n <<= 1;
	return n;
}

#define NDP_ALIGN(x) (((x) + 7) & ~(size_t)7)

/* @bytes at *@off in @ctx (NULL when only measuring); *@off moves on. */
static void *carve(struct ndp_ctx *ctx, size_t *off, size_t bytes)
{
	void *p = ctx ? (u8 *)ctx + *off : NULL;

	*off = NDP_ALIGN(*off + bytes);
	return p;
}

/* Carve the tables out of @ctx's memory (or only measure, with @ctx NULL). */
static size_t layout(const struct ndp_config *c, struct ndp_ctx *ctx)
{
	size_t off = NDP_ALIGN(sizeof(struct ndp_ctx));
	u32 *buckets, *heap;
	struct ndp_router *routers;
	struct ndp_group *groups;
	struct ndp_qslot *qslots;
	struct ndp_addr *addrs;
	struct ndp_nbr *nbrs;
	struct ndp_route *routes;
	struct ndp_pfx *pfxs;

	buckets = carve(ctx, &off, sizeof(u32) * (size_t)hash_buckets(c));
	nbrs = carve(ctx, &off, sizeof(*nbrs) * (size_t)c->max_nbrs);
	heap = carve(ctx, &off, sizeof(u32) * (size_t)c->max_nbrs);
	qslots = carve(ctx, &off,
		       sizeof(*qslots) * (size_t)max_t(u32, c->queue_total, 1));
	addrs = carve(ctx, &off, sizeof(*addrs) * (size_t)c->max_addrs);
	groups = carve(ctx, &off, sizeof(*groups) * (size_t)c->max_groups);
	routers = carve(ctx, &off, sizeof(*routers) * (size_t)c->max_routers);
	pfxs = carve(ctx, &off, sizeof(*pfxs) * (size_t)c->max_prefixes);
	routes = carve(ctx, &off, sizeof(*routes) * (size_t)c->max_routes);
	if (ctx) {
		ctx->buckets = buckets;
		ctx->nbrs = nbrs;
		ctx->heap = heap;
		ctx->qslots = qslots;
		ctx->addrs = addrs;
		ctx->groups = groups;
		ctx->routers = routers;
		ctx->pfxs = pfxs;
		ctx->routes = routes;
	}
	return off;
}

/**
 * ndp_ctx_size() - how much memory a context needs.
 * @cfg: the configuration
 *
 * Return: bytes for ndp_local(), or 0 if @cfg is invalid.
 */
size_t ndp_ctx_size(const struct ndp_config *cfg)
{
	if (!config_valid(cfg))
		return 0;
	return layout(cfg, NULL);
}

s64 ndp_random_delay(struct ndp_ctx *ctx, s64 span_ns)
{
	u64 r = 0;

	if (span_ns <= 0)
		return 0;
	ctx->random(ctx->random_opaque, &r, sizeof(r));
	return (s64)(r % (u64)span_ns);
}

void ndp_bucket_init(struct ndp_bucket *b, s64 now, u32 burst)
{
	b->tokens = (s64)burst * NDP_NSEC_PER_SEC;
	b->last = now;
}

bool ndp_bucket_ready(struct ndp_bucket *b, s64 now, u32 rate, u32 burst)
{
	s64 cap = (s64)burst * NDP_NSEC_PER_SEC;
	s64 dt;

	if (now > b->last) {
		dt = now - b->last;
		/* dt * rate, saturating: past @cap ns any rate fills it */
		if (dt > cap && rate)
			b->tokens = cap;
		else
			b->tokens = min(cap, b->tokens + dt * rate);
		b->last = now;
	}
	return b->tokens >= NDP_NSEC_PER_SEC;
}

bool ndp_bucket_take(struct ndp_bucket *b, s64 now, u32 rate, u32 burst)
{
	if (!ndp_bucket_ready(b, now, rate, burst))
		return false;
	b->tokens -= NDP_NSEC_PER_SEC;
	return true;
}

/* ReachableTime = BaseReachableTime * uniform(0.5, 1.5) (RFC 4861 6.3.2) */
static void redraw_reachable(struct ndp_ctx *ctx, s64 now)
{
	u32 base = ctx->base_reachable_ms;

	ctx->reachable_ms = base / 2 + (u32)ndp_random_delay(ctx, base);
	if (!ctx->reachable_ms)
		ctx->reachable_ms = 1;
	ctx->reachable_redraw = now + NDP_REACHABLE_REDRAW_NS;
}

void ndp_set_base_reachable(struct ndp_ctx *ctx, s64 now, u32 ms)
{
	if (ms && ms != ctx->base_reachable_ms) {
		ctx->base_reachable_ms = ms;
		redraw_reachable(ctx, now);
	}
}

/**
 * ndp_prepare() - the first half of ndp_local(): clear and lay out.
 * @mem: memory for the context, @size bytes
 * @size: at least ndp_ctx_size(@cfg)
 * @cfg: the configuration; table capacities are fixed from here on
 *
 * Work in proportion to @size (the caller may do it where it can wait),
 * no randomness, no output.
 *
 * Return: the context, not started (ndp_start()), or NULL if @size is too
 * small or @cfg invalid.
 */
struct ndp_ctx *ndp_prepare(void *mem, size_t size,
			    const struct ndp_config *cfg)
{
	struct ndp_ctx *ctx = mem;
	size_t need = ndp_ctx_size(cfg);

	if (!need || size < need)
		return NULL;
	memset(mem, 0, need);
	layout(cfg, ctx);
	ctx->cfg = *cfg;
	ctx->hash_mask = hash_buckets(cfg) - 1;
	ctx->stale_next = cfg->max_nbrs;
	ndp_nbr_init(ctx);
	return ctx;
}

/* The earliest timer of the tables, walked: ctx->tables_due made exact. */
static s64 tables_deadline(const struct ndp_ctx *ctx)
{
	s64 t = min(ndp_addr_deadline(ctx), ndp_rtr_deadline(ctx));

	t = min(t, ndp_dns_deadline(ctx));
	t = min(t, ndp_redirect_deadline(ctx));
	return min(t, ndp_route_deadline(ctx));
}

/**
 * ndp_start() - the second half of ndp_local(): start a prepared context.
 * @ctx: a context from ndp_prepare(), not started yet
 * @mac: the interface's hardware address (unicast)
 * @now: current time (ns)
 * @random: the randomness callback
 * @random_opaque: passed to @random
 * @out: output: notes only
 *
 * No walk of the neighbour cache: no more work than any other call.
 *
 * Return: @ctx, or NULL (@ctx unchanged) if @random is missing or @mac
 * multicast.
 */
struct ndp_ctx *ndp_start(struct ndp_ctx *ctx, const u8 mac[NDP_ETH_ALEN],
			  s64 now, ndp_random_fn random, void *random_opaque,
			  struct ndp_out *out)
{
	const struct ndp_config *cfg = &ctx->cfg;

	if (!random || (mac[0] & 1))
		return NULL;
	memcpy(ctx->mac, mac, NDP_ETH_ALEN);
	ctx->random = random;
	ctx->random_opaque = random_opaque;
	ctx->cur_hop_limit = NDP_HOPLIMIT_DEFAULT;
	ctx->mtu = cfg->link_mtu;
	ctx->base_reachable_ms = cfg->base_reachable_ms;
	ctx->retrans_ms = cfg->retrans_ms;
	ctx->hash_seed = ndp_random_u32(ctx);
	if (cfg->stable_secret_set)
		memcpy(ctx->stable_secret, cfg->stable_secret,
		       sizeof(ctx->stable_secret));
	else if (cfg->addr_gen == NDP_ADDR_GEN_STABLE_PRIVACY)
		random(random_opaque, ctx->stable_secret,
		       sizeof(ctx->stable_secret));
	ndp_bucket_init(&ctx->icmp_bucket, now, cfg->icmp_burst);
	ndp_bucket_init(&ctx->inc_bucket, now, cfg->incomplete_quota);
	ndp_bucket_init(&ctx->probe_bucket, now, NDP_RTR_PROBE_BURST);
	ctx->mld_general_timer = NDP_TIME_NEVER;
	ctx->tables_due = NDP_TIME_NEVER;
	redraw_reachable(ctx, now);
	ndp_rtr_init(ctx, now);
	ndp_addr_init(ctx, now, out);
	ctx->tables_due = tables_deadline(ctx);
	return ctx;
}

/**
 * ndp_local() - Mirage's local: a context for one interface.
 * @mem: memory for the context, @size bytes, the caller's until it stops
 *	calling the core
 * @size: at least ndp_ctx_size(@cfg)
 * @cfg: the configuration; table capacities are fixed from here on
 * @mac: the interface's hardware address (unicast)
 * @now: current time (ns)
 * @random: the randomness callback, @random_opaque its argument
 * @random_opaque: passed to @random
 * @out: output: notes only; the link-local address starts tentative and
 *	its DAD and the first RS leave from ndp_tick() after their delays
 *
 * ndp_prepare() then ndp_start().
 *
 * Return: the context (at @mem), or NULL if @size is too small, @cfg
 * invalid, @random missing or @mac multicast.
 */
struct ndp_ctx *ndp_local(void *mem, size_t size, const struct ndp_config *cfg,
			  const u8 mac[NDP_ETH_ALEN], s64 now,
			  ndp_random_fn random, void *random_opaque,
			  struct ndp_out *out)
{
	struct ndp_ctx *ctx;

	if (!random || (mac[0] & 1))
		return NULL;
	ctx = ndp_prepare(mem, size, cfg);
	return ctx ? ndp_start(ctx, mac, now, random, random_opaque, out) :
		     NULL;
}

/* ------------------------------------------------------------- output */

/**
 * ndp_out_reset() - empty @out before a call that takes it.
 * @out: the output
 */
void ndp_out_reset(struct ndp_out *out)
{
	out->n_tx = 0;
	out->n_done = 0;
	out->n_notes = 0;
	out->arena_used = 0;
	out->own_reserved = 0;
	out->has_event = false;
	out->notes_lost = false;
	out->n_useropts = 0;
}

/*
 * Every append to @out is checked here: the counts can never pass the
 * arrays, whatever a caller or a producer assumed.  A @done entry kept
 * for the call's own packet (ndp_out_own()) is not room for anyone else.
 */
bool ndp_out_room(const struct ndp_out *out, u32 ntx, u32 ndone, u32 bytes)
{
	return out->n_tx + ntx <= NDP_OUT_TX &&
	       out->n_done + ndone + out->own_reserved <= NDP_OUT_DONE &&
	       out->arena_used + bytes <= NDP_OUT_ARENA;
}

u8 *ndp_out_frame(struct ndp_out *out, u32 len)
{
	struct ndp_tx *tx;
	u32 used;
	u8 *p;

	used = (len + 7) & ~7U;
	if (len > NDP_OUT_ARENA || !ndp_out_room(out, 1, 0, len))
		return NULL;
	p = out->arena + out->arena_used;
	out->arena_used = min_t(u32, out->arena_used + used, NDP_OUT_ARENA);
	tx = &out->tx[out->n_tx++];
	tx->handle = NULL;
	tx->frame = p;
	tx->len = len;
	tx->flags = 0;
	return p;
}

void ndp_out_resolve_last(struct ndp_out *out)
{
	if (out->n_tx && !out->tx[out->n_tx - 1].handle)
		out->tx[out->n_tx - 1].flags |= NDP_TX_RESOLVE;
}

void ndp_out_trim(struct ndp_out *out, u32 len)
{
	struct ndp_tx *tx;

	if (!out->n_tx)
		return;
	tx = &out->tx[out->n_tx - 1];
	if (len < tx->len)
		tx->len = len;
}

bool ndp_out_tx_handle(struct ndp_out *out, const struct ndp_pkt *pkt)
{
	struct ndp_tx *tx;

	if (!ndp_out_room(out, 1, 0, 0))
		return false;
	tx = &out->tx[out->n_tx++];
	tx->handle = pkt->handle;
	tx->frame = pkt->data - NDP_ETH_HLEN;
	tx->len = pkt->len + NDP_ETH_HLEN;
	tx->flags = 0;
	return true;
}

bool ndp_out_done(struct ndp_out *out, void *handle,
		  enum ndp_done_reason reason)
{
	struct ndp_done *d;

	if (!ndp_out_room(out, 0, 1, 0))
		return false;
	d = &out->done[out->n_done++];
	d->handle = handle;
	d->reason = reason;
	return true;
}

/*
 * Keep a @done entry for the packet of this ndp_handle() or ndp_send():
 * whatever else the call gives back, its own packet has a place.
 */
bool ndp_out_own_begin(struct ndp_out *out)
{
	if (out->n_done + out->own_reserved >= NDP_OUT_DONE)
		return false;
	out->own_reserved = 1;
	return true;
}

void ndp_out_own_end(struct ndp_out *out)
{
	out->own_reserved = 0;
}

void ndp_out_own_done(struct ndp_out *out, void *handle,
		      enum ndp_done_reason reason)
{
	out->own_reserved = 0;
	ndp_out_done(out, handle, reason);	/* the kept entry: always room */
}

void ndp_out_note(struct ndp_out *out, enum ndp_note_kind kind,
		  const struct ndp_ip6 *addr, u8 plen, u32 valid_s,
		  u32 preferred_s, u32 value)
{
	struct ndp_note *n;

	if (!out)
		return;
	if (out->n_notes >= NDP_OUT_NOTES) {
		out->notes_lost = true;
		return;
	}
	n = &out->notes[out->n_notes++];
	n->kind = kind;
	n->plen = plen;
	if (addr)
		n->addr = *addr;
	else
		memset(&n->addr, 0, sizeof(n->addr));
	n->valid_s = valid_s;
	n->preferred_s = preferred_s;
	n->value = value;
}

/* ------------------------------------------------------------- timers */

/*
 * After a re-attachment no REACHABLE entry is known to be reachable any
 * more: each one confirmed before the link came back becomes STALE, which
 * keeps its link-layer address while the next packet to it starts NUD
 * (RFC 4861 7.3.3).  The neighbour cache turns an entry STALE when its
 * link-layer address changes (ndp_nbr_learn(), 7.2.3), so the address is
 * changed and put back within this call: nothing else sees the other one.
 * At most LINK_STALE_BUDGET slots a call, changed or not (the table may
 * hold 100,000 entries, and the caller may hold a lock with BHs off):
 * ndp_link_change() does the first ones, ndp_tick() the rest, due at once
 * (ctx->link_up_at) until the walk is done.
 */
#define LINK_STALE_BUDGET	1024

static void nbrs_stale_step(struct ndp_ctx *ctx, s64 now)
{
	u8 mac[NDP_ETH_ALEN], other[NDP_ETH_ALEN];
	u32 i, end = ctx->cfg.max_nbrs;
	struct ndp_nbr *n;

	if (end - ctx->stale_next > LINK_STALE_BUDGET)
		end = ctx->stale_next + LINK_STALE_BUDGET;
	for (i = ctx->stale_next; i < end; i++) {
		n = &ctx->nbrs[i];
		if (n->state != NDP_NUD_REACHABLE || !n->has_mac ||
		    n->confirmed >= ctx->link_up_at)
			continue;
		memcpy(mac, n->mac, NDP_ETH_ALEN);
		memcpy(other, mac, NDP_ETH_ALEN);
		other[5] ^= 1;
		ndp_nbr_learn(ctx, now, &n->ip, other, false);
		ndp_nbr_learn(ctx, now, &n->ip, mac, false);
	}
	ctx->stale_next = i;
}

static bool nbrs_stale_pending(const struct ndp_ctx *ctx)
{
	return ctx->stale_next < ctx->cfg.max_nbrs;
}

static s64 next_deadline(const struct ndp_ctx *ctx, s64 tables)
{
	s64 t = min(ctx->reachable_redraw, tables);

	t = min(t, ndp_nbr_deadline(ctx));
	if (nbrs_stale_pending(ctx))
		t = min(t, ctx->link_up_at);
	return t;
}

s64 ndp_deadline_walk(const struct ndp_ctx *ctx)
{
	return next_deadline(ctx, tables_deadline(ctx));
}

/**
 * ndp_tick() - Mirage's tick: run every timer that is due.
 * @ctx: the context
 * @now: current time (ns)
 * @out: output: the frames, handles and notes the timers produce
 *
 * Work per call is bounded (by @out's room, and 1,024 neighbour entries);
 * what remains keeps ndp_next_deadline() at @now.  The tables are walked
 * only when their lower bound is reached (core.rst, "Deadlines").
 *
 * Context: the caller serialises calls on @ctx.
 */
void ndp_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
{
	if (now >= ctx->reachable_redraw)
		redraw_reachable(ctx, now);
	if (now >= ctx->tables_due) {
		ndp_addr_tick(ctx, now, out);
		ndp_rtr_tick(ctx, now, out);
		ndp_dns_tick(ctx, now, out);
		ndp_redirect_tick(ctx, now);
		ndp_route_tick(ctx, now, out);
		ctx->tables_due = tables_deadline(ctx);
	}
	if (nbrs_stale_pending(ctx))
		nbrs_stale_step(ctx, now);
	ndp_nbr_tick(ctx, now, out);
}

/**
 * ndp_next_deadline() - when ndp_tick() must run next.
 * @ctx: the context
 *
 * O(1): the neighbour timers are a heap, the other tables' earliest timer
 * a lower bound kept as they are set; a tick at a bound that proves early
 * finds nothing to do and makes it exact.
 *
 * Return: the earliest timer (absolute ns), NDP_TIME_NEVER if none; never
 * later than the true one.
 */
s64 ndp_next_deadline(const struct ndp_ctx *ctx)
{
	return next_deadline(ctx, ctx->tables_due);
}

/* ------------------------------------------------------------- send */

/**
 * ndp_allocate_frame() - Mirage's allocate_frame: an Ethernet + IPv6 header.
 * @ctx: the context
 * @dst: the destination
 * @proto: the upper-layer protocol (IPPROTO_ICMPV6, _TCP, _UDP)
 * @buf: where the headers go, @cap bytes
 * @cap: room at @buf
 *
 * The source is ndp_select_source()'s (:: if none), the Ethernet
 * destination zero until ndp_send() resolves it, the payload length 0.
 *
 * Return: the header length (NDP_ETH_HLEN + NDP_IP6_HLEN), or 0 if @cap
 * is too small.
 */
u32 ndp_allocate_frame(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
		       u8 proto, u8 *buf, u32 cap)
{
	static const u8 zero_mac[NDP_ETH_ALEN];
	struct ndp_ip6 src;

	if (cap < NDP_ETH_HLEN + NDP_IP6_HLEN)
		return 0;
	if (ndp_select_source(ctx, dst, &src))
		src = ndp_unspecified;
	ndp_write_eth(ctx, buf, zero_mac);
	ndp_write_ip6(buf + NDP_ETH_HLEN, &src, dst, proto,
		      ctx->cur_hop_limit, 0);
	return NDP_ETH_HLEN + NDP_IP6_HLEN;
}

static void send_one(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *dst,
		     const struct ndp_pkt *pkt, u32 flags, struct ndp_out *out)
{
	struct ndp_ip6 d, nh;
	u8 mac[NDP_ETH_ALEN];

	if (pkt->len < NDP_IP6_HLEN || pkt->tot_len < pkt->len ||
	    pkt->headroom < NDP_ETH_HLEN || (pkt->data[0] >> 4) != 6) {
		ndp_count(ctx, NDP_STAT_TX_BAD_PACKET);
		ndp_out_own_done(out, pkt->handle, NDP_DONE_BAD_PACKET);
		return;
	}
	if (dst)
		d = *dst;
	else
		ndp_ipaddr_of_cstruct(pkt->data + 24, &d);
	if (flags & NDP_SEND_FILL_LEN) {
		u32 pl = pkt->tot_len - NDP_IP6_HLEN;

		ndp_put16(pkt->data + 4, pl > 0xffff ? 0 : (u16)pl);
	}
	if (ndp_ip6_is_mcast(&d)) {
		ndp_mcast_mac(&d, mac);
		ndp_write_eth(ctx, pkt->data - NDP_ETH_HLEN, mac);
		if (!ndp_out_tx_handle(out, pkt)) {
			ndp_count(ctx, NDP_STAT_TX_OUT_FULL);
			ndp_out_own_done(out, pkt->handle, NDP_DONE_NO_ROOM);
			return;
		}
		ndp_count(ctx, NDP_STAT_TX_PACKETS);
		return;
	}
	if (ndp_next_hop(ctx, &d, &nh)) {
		ndp_count(ctx, NDP_STAT_TX_NO_ROUTE);
		ndp_out_own_done(out, pkt->handle, NDP_DONE_NO_ROUTE);
		return;
	}
	ndp_nbr_output(ctx, now, &nh, pkt, out);
}

/**
 * ndp_send() - route and transmit one IPv6 packet (Mirage's send).
 * @ctx: context
 * @now: current time, ns
 * @dst: destination to route to; NULL: the IPv6 header's destination
 * @pkt: the packet, IPv6 header at @pkt->data, NDP_ETH_HLEN of headroom
 * @flags: NDP_SEND_FILL_LEN or 0
 * @out: output, with at least one free @done entry
 *
 * Resolves the next hop and writes the Ethernet header: the packet leaves
 * in @out->tx, waits in the neighbour's queue (it comes back in a later
 * call's @out), or comes back dropped in @out->done.
 *
 * Return: 0; -ENOBUFS if @out had no free @done entry: the packet was not
 * taken and still belongs to the caller.
 */
int ndp_send(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *dst,
	     const struct ndp_pkt *pkt, u32 flags, struct ndp_out *out)
{
	if (!ndp_out_own_begin(out)) {
		ndp_count(ctx, NDP_STAT_OUT_NO_ROOM);
		return -ENOBUFS;
	}
	send_one(ctx, now, dst, pkt, flags, out);
	ndp_out_own_end(out);
	return 0;
}

/**
 * ndp_flush() - give back the packets the core holds, dropped (FLUSHED).
 * @ctx: the context
 * @out: output; what does not fit waits for the next call
 */
void ndp_flush(struct ndp_ctx *ctx, struct ndp_out *out)
{
	ndp_nbr_flush(ctx, out);
}

/* ------------------------------------------------------------- link */

/**
 * ndp_link_change() - the lower link went down or came back.
 * @ctx: the context
 * @now: current time (ns)
 * @up: true when the link is back (carrier), false when it is lost
 * @out: output: notes only; frames leave from ndp_tick()
 *
 * See include/ndpv6.h.  Down holds the timers of DAD, MLD and RS (addr.c,
 * rtr.c); up runs DAD again for every address, reports every group,
 * restarts router solicitation and makes REACHABLE neighbours STALE (a
 * large table over several ticks, due at once).  The
 * neighbour cache otherwise goes on as it is: a packet sent while the link
 * is down still starts resolution, whose NS are lost and which then fails
 * as on any silent link (its packets are given back dropped).
 *
 * Context: the caller serialises calls on @ctx.
 */
void ndp_link_change(struct ndp_ctx *ctx, s64 now, bool up,
		     struct ndp_out *out)
{
	if (up != ctx->link_down)
		return;			/* no change */
	ctx->link_down = !up;
	ctx->stale_next = ctx->cfg.max_nbrs;
	ndp_count(ctx, up ? NDP_STAT_LINK_UP : NDP_STAT_LINK_DOWN);
	ndp_changed(ctx);
	ndp_addr_link_change(ctx, now, up, out);
	if (up) {
		ndp_rtr_link_up(ctx, now);
		ctx->link_up_at = now;
		ctx->stale_next = 0;
		nbrs_stale_step(ctx, now);
	}
	/* timers held or counting again: a walk, rare as the link changes */
	ctx->tables_due = tables_deadline(ctx);
}

/* ------------------------------------------------------------- getters */

/**
 * ndp_get_mac() - the hardware address the context was made with.
 * @ctx: the context
 * @mac: filled in
 */
void ndp_get_mac(const struct ndp_ctx *ctx, u8 mac[NDP_ETH_ALEN])
{
	memcpy(mac, ctx->mac, NDP_ETH_ALEN);
}

/**
 * ndp_get_params() - the current link parameters and state.
 * @ctx: the context
 * @p: filled in
 */
void ndp_get_params(const struct ndp_ctx *ctx, struct ndp_params *p)
{
	p->cur_hop_limit = ctx->cur_hop_limit;
	p->dad_transmits = ctx->cfg.dad_transmits;
	p->accept_ra = ctx->cfg.accept_ra;
	p->reply_echo = ctx->cfg.reply_echo;
	p->optimistic_dad = ctx->cfg.optimistic_dad;
	p->mtu = ctx->mtu;
	p->base_reachable_ms = ctx->base_reachable_ms;
	p->reachable_ms = ctx->reachable_ms;
	p->retrans_ms = ctx->retrans_ms;
	p->link_up = !ctx->link_down;
	p->ip_disabled = ctx->ip_disabled;
	p->addr_gen = ctx->cfg.addr_gen;
	p->mld_v1 = ctx->mld_v1_until != NDP_TIME_NEVER;
}

/**
 * ndp_set_link_mtu() - the lower link's MTU changed.
 * @ctx: the context
 * @mtu: the new link MTU
 *
 * The MTU in use (an RA's MTU option may have lowered it) never exceeds
 * the link's.
 *
 * Return: 0, or -EINVAL below 1280.
 */
int ndp_set_link_mtu(struct ndp_ctx *ctx, u32 mtu)
{
	if (mtu < NDP_MIN_MTU)
		return -EINVAL;
	ctx->cfg.link_mtu = mtu;
	if (ctx->mtu > mtu || ctx->mtu == 0)
		ctx->mtu = mtu;
	ndp_changed(ctx);
	return 0;
}

/**
 * ndp_set_accept_ra() - act on Router Advertisements, or not.
 * @ctx: the context
 * @on: act on them; turned on before any RA came, solicitation resumes
 */
void ndp_set_accept_ra(struct ndp_ctx *ctx, bool on)
{
	/* turned on before any RA came: solicit now (the next tick) */
	if (on && !ctx->cfg.accept_ra && !ctx->rs_done &&
	    ctx->rs_sent < ctx->cfg.rtr_solicits) {
		ctx->rs_timer = 0;
		ndp_due(ctx, 0);
	}
	ctx->cfg.accept_ra = on;
}

/**
 * ndp_set_reply_echo() - answer echo requests in the core, or deliver them.
 * @ctx: the context
 * @on: answer them (else they are delivered up as any packet)
 */
void ndp_set_reply_echo(struct ndp_ctx *ctx, bool on)
{
	ctx->cfg.reply_echo = on;
}

/**
 * ndp_set_dad_transmits() - DupAddrDetectTransmits for the DAD runs to come.
 * @ctx: the context
 * @n: NS per run, at most NDP_MAX_DAD_TRANSMITS (0: no DAD)
 */
void ndp_set_dad_transmits(struct ndp_ctx *ctx, u8 n)
{
	ctx->cfg.dad_transmits = min_t(u8, n, NDP_MAX_DAD_TRANSMITS);
}

/**
 * ndp_set_optimistic_dad() - RFC 4429 for the SLAAC addresses to come.
 * @ctx: the context
 * @on: a new SLAAC address is usable while its DAD runs
 */
void ndp_set_optimistic_dad(struct ndp_ctx *ctx, bool on)
{
	ctx->cfg.optimistic_dad = on;
}

/**
 * ndp_stats() - the counters.
 * @ctx: the context
 *
 * Return: NDP_STAT_MAX counters, indexed by enum ndp_stat.
 */
const u64 *ndp_stats(const struct ndp_ctx *ctx)
{
	return ctx->stats;
}

/**
 * ndp_stat_name() - the name of a counter.
 * @i: enum ndp_stat
 *
 * Return: its name as in include/ndpv6_stats.h, or NULL past the last.
 */
const char *ndp_stat_name(unsigned int i)
{
	return i < NDP_STAT_MAX ? ndp_stat_names[i] : NULL;
}

/**
 * ndp_generation() - changes whenever any table or parameter changes.
 * @ctx: the context
 *
 * Return: a number that moves at every change (tests, fuzzers); dumps use
 * ndp_table_generation().
 */
u32 ndp_generation(const struct ndp_ctx *ctx)
{
	return ctx->generation;
}

/**
 * ndp_table_generation() - changes when an entry enters or leaves a table.
 * @ctx: the context
 * @t: the table
 *
 * Return: a number that a dump of @t that misses or repeats no entry sees
 * unchanged from start to end (0 for an unknown @t).
 */
u32 ndp_table_generation(const struct ndp_ctx *ctx, enum ndp_table t)
{
	return t < NDP_TABLE_MAX ? ctx->table_gen[t] : 0;
}

/**
 * ndp_get_fill() - how full the tables are.
 * @ctx: the context
 * @f: filled with the entries in use and the capacities
 */
void ndp_get_fill(const struct ndp_ctx *ctx, struct ndp_fill *f)
{
	const struct ndp_config *c = &ctx->cfg;
	unsigned int i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < c->max_addrs; i++)
		f->addrs += ctx->addrs[i].used;
	for (i = 0; i < c->max_routers; i++)
		f->routers += ctx->routers[i].used;
	for (i = 0; i < c->max_prefixes; i++)
		f->prefixes += ctx->pfxs[i].used;
	for (i = 0; i < c->max_groups; i++)
		f->groups += ctx->groups[i].used;
	for (i = 0; i < c->max_routes; i++)
		f->routes += ctx->routes[i].used;
	f->max_routes = c->max_routes;
	f->max_addrs = c->max_addrs;
	f->max_routers = c->max_routers;
	f->max_prefixes = c->max_prefixes;
	f->max_groups = c->max_groups;
	f->nbrs = ctx->n_nbrs;
	f->max_nbrs = c->max_nbrs;
	f->queued = ctx->n_queued;
	f->giving_back = ctx->n_gb;
	f->max_queued = c->queue_total;
	f->incomplete = ctx->n_incomplete;
}
