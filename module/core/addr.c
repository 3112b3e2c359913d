// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: our addresses (RFC 4862) and Duplicate Address Detection with
 * RFC 7527 nonces; ndp_addr_tick() also runs mld.c's timers.  States,
 * timers and the rules after the link comes back:
 * Documentation/ndpv6/core.rst.
 */
#include "ndp_private.h"

/* The state the tables show: an optimistic address keeps its own. */
static u8 addr_shown_state(const struct ndp_addr *a)
{
	return a->optimistic ? a->held : a->state;
}

/* A note about @a with its remaining lifetimes. */
void ndp_addr_note(struct ndp_out *out, enum ndp_note_kind kind,
		   const struct ndp_addr *a, s64 now)
{
	ndp_out_note(out, kind, &a->ip, a->plen,
		     ndp_remaining_s(now, a->valid_until),
		     ndp_remaining_s(now, a->preferred_until), 0);
}

/**
 * ndp_addr_find() - our address entry for @ip, whatever its state.
 * @ctx: the context
 * @ip: the address
 *
 * Return: the entry, or NULL.
 */
struct ndp_addr *ndp_addr_find(const struct ndp_ctx *ctx,
			       const struct ndp_ip6 *ip)
{
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_addrs; i++)
		if (ctx->addrs[i].used && ndp_ip6_eq(&ctx->addrs[i].ip, ip))
			return &ctx->addrs[i];
	return NULL;
}

/**
 * ndp_addr_is_ours() - is @ip one of our addresses, DAD passed?
 * @ctx: the context
 * @ip: the address
 *
 * Return: true if @ip is PREFERRED or DEPRECATED.
 */
bool ndp_addr_is_ours(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip)
{
	const struct ndp_addr *a = ndp_addr_find(ctx, ip);

	return a && ndp_addr_usable(a);
}

/**
 * ndp_addr_linklocal() - our valid link-local address.
 * @ctx: the context
 *
 * Return: the EUI-64 link-local address if it is valid, else another valid
 * link-local address, else NULL (e.g. while DAD runs).
 */
const struct ndp_addr *ndp_addr_linklocal(const struct ndp_ctx *ctx)
{
	const struct ndp_addr *any = NULL;
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		const struct ndp_addr *a = &ctx->addrs[i];

		if (!ndp_addr_usable(a) || !ndp_ip6_is_linklocal(&a->ip))
			continue;
		if (a->origin == NDP_ORIGIN_LINKLOCAL)
			return a;
		if (!any)
			any = a;
	}
	return any;
}

/*
 * DAD done (or not wanted): the address is ours.  An optimistic one was
 * never taken back: a new one's lifetimes now apply in full (UPDATE), a
 * re-checked one's deprecation its shown state missed is noted.
 * A link-local one makes the Reports sent from :: go again (RFC 3590 4).
 */
static void addr_valid(struct ndp_ctx *ctx, s64 now, struct ndp_addr *a,
		       struct ndp_out *out)
{
	a->state = a->preferred_until > now ? NDP_ADDR_PREFERRED :
					      NDP_ADDR_DEPRECATED;
	ndp_due(ctx, a->preferred_until);	/* no longer skipped */
	a->timer = NDP_TIME_NEVER;
	a->dad_left = 0;
	if (!a->optimistic)
		ndp_addr_note(out, NDP_NOTE_ADDR_ADD, a, now);
	else if (a->held == NDP_ADDR_OPTIMISTIC)
		ndp_addr_note(out, NDP_NOTE_ADDR_UPDATE, a, now);
	else if (a->held != a->state)
		ndp_addr_note(out, NDP_NOTE_ADDR_DEPRECATED, a, now);
	a->optimistic = false;
	ndp_changed(ctx);
	if (ndp_ip6_is_linklocal(&a->ip))
		ndp_mld_rereport(ctx, now);
}

/*
 * RFC 4862 5.4.5: our EUI-64 link-local address is a duplicate: no more
 * RS, no SLAAC; what exists stays (core.rst, "Addresses and DAD").
 */
static void ip_disable(struct ndp_ctx *ctx, const struct ndp_addr *ll,
		       struct ndp_out *out)
{
	if (ctx->ip_disabled)
		return;
	ctx->ip_disabled = true;
	ctx->rs_timer = NDP_TIME_NEVER;
	ndp_count(ctx, NDP_STAT_IP_DISABLED);
	ndp_out_note(out, NDP_NOTE_IP_DISABLED, &ll->ip, ll->plen, 0, 0, 0);
}

/* RFC 4862 5.4.5: a duplicate; never used, its group left. */
static void addr_duplicate(struct ndp_ctx *ctx, s64 now, struct ndp_addr *a,
			   struct ndp_out *out)
{
	struct ndp_ip6 sn;

	if (a->optimistic)	/* it was announced: take it back first */
		ndp_out_note(out, NDP_NOTE_ADDR_DEL, &a->ip, a->plen, 0, 0, 0);
	a->optimistic = false;
	a->state = NDP_ADDR_DUPLICATE;
	a->timer = NDP_TIME_NEVER;
	a->dad_left = 0;
	ndp_count(ctx, NDP_STAT_DAD_FAILED);
	ndp_out_note(out, NDP_NOTE_DAD_FAILED, &a->ip, a->plen, 0, 0, 0);
	ndp_solicited_node(&a->ip, &sn);
	ndp_mld_leave(ctx, now, &sn, false, out);
	if (a->stable && a->dad_counter < NDP_IDGEN_RETRIES) {
		/* RFC 7217 6: another identifier, IDGEN_DELAY later */
		a->regen = true;
		a->timer = now + ndp_ms(NDP_IDGEN_DELAY_MS);
		ndp_due(ctx, a->timer);
	} else if (a->stable) {
		ndp_count(ctx, NDP_STAT_IDGEN_GAVE_UP);
	} else if (a->origin == NDP_ORIGIN_LINKLOCAL) {
		ip_disable(ctx, a, out);	/* the MAC's own identifier */
	}
	ndp_changed(ctx);
}

/*
 * Room for a new address in a full table: the SLAAC address of an
 * untrusted router that expires first goes (ADDR_DISPLACED).  NULL if
 * there is none.
 */
static struct ndp_addr *addr_displace(struct ndp_ctx *ctx, s64 now,
				      struct ndp_out *out)
{
	struct ndp_addr *a, *v = NULL;
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		a = &ctx->addrs[i];
		if (a->used && a->origin == NDP_ORIGIN_SLAAC &&
		    !ndp_rtr_trusted(ctx, &a->rtr) &&
		    (!v || a->valid_until < v->valid_until))
			v = a;
	}
	if (v) {
		ndp_addr_del(ctx, now, v, out);
		ndp_count(ctx, NDP_STAT_ADDR_DISPLACED);
	}
	return v;
}

/**
 * ndp_addr_add() - add an address, tentative until DAD passes.
 * @ctx: the context
 * @now: current time (ns)
 * @ip: the address (unicast)
 * @plen: its prefix length, 1..128
 * @origin: enum ndp_origin
 * @rtr: SLAAC: the router whose PIO made it; else NULL
 * @valid_s: valid lifetime in seconds (NDP_INFINITE: for ever), not 0
 * @preferred_s: preferred lifetime in seconds, not above @valid_s
 * @out: output (notes; DAD leaves from ndp_tick())
 *
 * The solicited-node group is joined first.  Its first MLD Report and the
 * first DAD NS are due after one random delay, below
 * MAX_RTR_SOLICITATION_DELAY, the Report first.  With DupAddrDetectTransmits
 * 0 the address is valid at once (note ADDR_ADD), its Report due at once.
 * A full table makes room for any address but one of an untrusted router's
 * SLAAC (core.rst, "Routers and prefixes"): the caller's own addresses
 * are never displaced.
 *
 * Return: 0, -EINVAL, -EEXIST or -ENOSPC (address or group table full).
 */
int ndp_addr_add(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		 u8 plen, u8 origin, const struct ndp_ip6 *rtr, u32 valid_s,
		 u32 preferred_s, struct ndp_out *out)
{
	struct ndp_addr *a = NULL;
	struct ndp_group *g;
	struct ndp_ip6 sn;
	unsigned int i;
	bool fresh;
	s64 due;
	int err;

	if (ndp_ip6_is_mcast(ip) || ndp_ip6_is_unspec(ip) ||
	    ndp_ip6_is_loopback(ip) || plen < 1 || plen > 128 ||
	    !valid_s || preferred_s > valid_s)
		return -EINVAL;
	if (ndp_addr_find(ctx, ip))
		return -EEXIST;
	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		if (!ctx->addrs[i].used) {
			a = &ctx->addrs[i];
			break;
		}
	}
	if (!a && (origin != NDP_ORIGIN_SLAAC ||
		   (rtr && ndp_rtr_trusted(ctx, rtr))))
		a = addr_displace(ctx, now, out);
	if (!a) {
		ndp_count(ctx, NDP_STAT_ADDR_TABLE_FULL);
		return -ENOSPC;
	}
	ndp_solicited_node(ip, &sn);
	fresh = !ndp_group_is_joined(ctx, &sn);
	due = ctx->tables_due;
	err = ndp_mld_join(ctx, now, &sn, false, out);
	if (err)
		return err;
	memset(a, 0, sizeof(*a));
	a->ip = *ip;
	a->plen = plen;
	a->origin = origin;
	a->used = true;
	a->state = NDP_ADDR_TENTATIVE;
	a->valid_until = ndp_expiry(now, valid_s);
	a->preferred_until = ndp_expiry(now, preferred_s);
	ndp_due(ctx, a->valid_until);
	a->dad_left = ctx->cfg.dad_transmits;
	if (rtr)
		a->rtr = *rtr;
	ndp_table_changed(ctx, NDP_TABLE_ADDRS);
	if (!a->dad_left) {
		addr_valid(ctx, now, a, out);
		return 0;
	}
	if (origin == NDP_ORIGIN_SLAAC && ctx->cfg.optimistic_dad) {
		/* RFC 4429 3.1: usable now, announced, avoided as a source */
		a->optimistic = true;
		a->held = NDP_ADDR_OPTIMISTIC;
		ndp_count(ctx, NDP_STAT_ADDR_OPTIMISTIC);
		ndp_addr_note(out, NDP_NOTE_ADDR_ADD, a, now);
	}
	a->timer = now + ndp_random_delay(ctx,
					  ndp_ms(ctx->cfg.rtr_solicit_delay_ms));
	/*
	 * RFC 4862 5.4.2: the join (its first Report) is delayed with the
	 * NS, and goes out first in the same tick; a first Report still
	 * pending for a group shared with another address is pulled in so
	 * the NS never waits past its own time.
	 */
	g = ndp_mld_find(ctx, &sn);
	if (g && ndp_group_unreported(g) && !g->leaving &&
	    g->timer != NDP_TIME_NEVER) {
		if (fresh)	/* the join's "now" put off: no idle tick */
			ctx->tables_due = due;
		g->timer = fresh ? a->timer : min(g->timer, a->timer);
	}
	ndp_due(ctx, min(a->valid_until, a->timer));
	return 0;
}

/**
 * ndp_addr_add_iid() - a link-local or SLAAC address with our identifier.
 * @ctx: the context
 * @now: current time (ns)
 * @ip: the prefix in its first 8 bytes (a /64); the address on return
 * @origin: NDP_ORIGIN_LINKLOCAL or NDP_ORIGIN_SLAAC
 * @rtr: SLAAC: the router of the PIO
 * @dad_counter: RFC 7217's DAD_Counter (0, then one more per duplicate)
 * @valid_s: valid lifetime (s)
 * @preferred_s: preferred lifetime (s)
 * @out: output
 *
 * Return: as ndp_addr_add().
 */
int ndp_addr_add_iid(struct ndp_ctx *ctx, s64 now, struct ndp_ip6 *ip,
		     u8 origin, const struct ndp_ip6 *rtr, u8 dad_counter,
		     u32 valid_s, u32 preferred_s, struct ndp_out *out)
{
	bool stable = ndp_iid_make(ctx, ip, &dad_counter);
	struct ndp_addr *a;
	int err;

	err = ndp_addr_add(ctx, now, ip, 64, origin, rtr, valid_s, preferred_s,
			   out);
	a = err ? NULL : ndp_addr_find(ctx, ip);
	if (a) {
		a->stable = stable;
		a->dad_counter = dad_counter;
	}
	return err;
}

/* RFC 7217 6: a duplicate stable address makes way for the next one. */
static void addr_regen(struct ndp_ctx *ctx, s64 now, struct ndp_addr *a,
		       struct ndp_out *out)
{
	struct ndp_addr old = *a;

	ndp_addr_del(ctx, now, a, out);
	ndp_count(ctx, NDP_STAT_IDGEN_RETRY);
	ndp_addr_add_iid(ctx, now, &old.ip, old.origin,
			 old.origin == NDP_ORIGIN_SLAAC ? &old.rtr : NULL,
			 old.dad_counter + 1,
			 ndp_remaining_s(now, old.valid_until),
			 ndp_remaining_s(now, old.preferred_until), out);
}

/**
 * ndp_addr_del() - remove one of our addresses.
 * @ctx: the context
 * @now: current time (ns)
 * @a: its entry
 * @out: output: ADDR_DEL if it had been announced; the solicited-node
 *	group is left (its MLD leave Reports go out from ndp_tick())
 *
 * Return: 0.
 */
int ndp_addr_del(struct ndp_ctx *ctx, s64 now, struct ndp_addr *a,
		 struct ndp_out *out)
{
	struct ndp_ip6 sn;

	if (ndp_addr_usable(a))
		ndp_out_note(out, NDP_NOTE_ADDR_DEL, &a->ip, a->plen, 0, 0, 0);
	if (a->state != NDP_ADDR_DUPLICATE) {
		ndp_solicited_node(&a->ip, &sn);
		ndp_mld_leave(ctx, now, &sn, false, out);
	}
	a->used = false;
	ndp_table_changed(ctx, NDP_TABLE_ADDRS);
	return 0;
}

/**
 * ndp_addr_init() - the addresses and groups of a new context.
 * @ctx: the context (ndp_local())
 * @now: current time (ns)
 * @out: output: notes only; no frame leaves before ndp_tick()
 *
 * Joins ff02::1 and adds the link-local address fe80::/64 with our
 * interface identifier (iid.c), tentative, lifetimes infinite.
 */
void ndp_addr_init(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
{
	struct ndp_ip6 ll = { .b = { 0xfe, 0x80 } };

	ndp_mld_init(ctx, now, out);
	ndp_addr_add_iid(ctx, now, &ll, NDP_ORIGIN_LINKLOCAL, NULL, 0,
			 NDP_INFINITE, NDP_INFINITE, out);
}

/**
 * ndp_add_ip() - Mirage's add_ip: a manual address.
 * @ctx: the context
 * @now: current time (ns)
 * @ip: the address
 * @plen: prefix length, 1..128
 * @valid_s: valid lifetime (s), NDP_INFINITE for ever
 * @preferred_s: preferred lifetime (s), not above @valid_s
 * @out: output
 *
 * Context: the caller serialises calls on @ctx.
 * Return: 0, -EINVAL (multicast, unspecified, loopback, bad prefix length
 * or lifetimes), -EEXIST or -ENOSPC (the table holds no address that
 * may make room: see ndp_addr_add()).
 */
int ndp_add_ip(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
	       u8 plen, u32 valid_s, u32 preferred_s, struct ndp_out *out)
{
	return ndp_addr_add(ctx, now, ip, plen, NDP_ORIGIN_MANUAL, NULL, valid_s,
			    preferred_s, out);
}

/**
 * ndp_del_ip() - remove an address, whatever its state or origin.
 * @ctx: the context
 * @now: current time (ns)
 * @ip: the address
 * @out: output
 *
 * Context: the caller serialises calls on @ctx.
 * Return: 0 or -ENOENT.
 */
int ndp_del_ip(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
	       struct ndp_out *out)
{
	struct ndp_addr *a = ndp_addr_find(ctx, ip);

	if (!a)
		return -ENOENT;
	return ndp_addr_del(ctx, now, a, out);
}

/**
 * ndp_get_ip() - Mirage's get_ip: our usable addresses.
 * @ctx: the context
 * @ips: room for @max addresses
 * @max: how many fit in @ips
 *
 * Tentative and duplicate addresses are never listed.
 *
 * Context: the caller serialises calls on @ctx.
 * Return: how many usable addresses there are (may exceed @max).
 */
int ndp_get_ip(const struct ndp_ctx *ctx, struct ndp_ip6 *ips, int max)
{
	unsigned int i;
	int n = 0;

	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		if (!ndp_addr_usable(&ctx->addrs[i]))
			continue;
		if (n < max)
			ips[n] = ctx->addrs[i].ip;
		n++;
	}
	return n;
}

/**
 * ndp_addr_next() - walk the address table (netlink dumps).
 * @ctx: the context
 * @now: current time (ns), for the remaining lifetimes
 * @pos: cursor, 0 to start
 * @ai: filled with the next entry
 *
 * Context: the caller serialises calls on @ctx.
 * Return: true with @ai filled, false at the end.
 */
bool ndp_addr_next(const struct ndp_ctx *ctx, s64 now, u32 *pos,
		   struct ndp_addr_info *ai)
{
	u32 i;

	for (i = *pos; i < ctx->cfg.max_addrs; i++) {
		const struct ndp_addr *a = &ctx->addrs[i];

		if (!a->used)
			continue;
		memset(ai, 0, sizeof(*ai));
		ai->addr = a->ip;
		ai->plen = a->plen;
		ai->state = addr_shown_state(a);
		ai->origin = a->origin;
		ai->valid_s = ndp_remaining_s(now, a->valid_until);
		ai->preferred_s = ndp_remaining_s(now, a->preferred_until);
		*pos = i + 1;
		return true;
	}
	*pos = ctx->cfg.max_addrs;
	return false;
}

/*
 * A unicast NS for an optimistic address: a solicited NA without the
 * Override flag (RFC 4429 3.3), so the real owner's cache entry, if any,
 * stays; not sent without a link-layer address for the sender.
 */
static void optimistic_answer(struct ndp_ctx *ctx, s64 now,
			      const struct ndp_rx *rx, const struct ndp_addr *a,
			      const struct ndp_opts *o, struct ndp_out *out)
{
	const struct ndp_nbr *n;
	const u8 *mac = o->slla;

	if (mac) {
		ndp_nbr_learn(ctx, now, &rx->src, mac, false);
	} else {
		n = ndp_nbr_find(ctx, &rx->src);
		if (!n || !n->has_mac) {
			ndp_count(ctx, NDP_STAT_TX_CORE_UNRESOLVED);
			return;
		}
		mac = n->mac;
	}
	ndp_send_na(ctx, out, &a->ip, &rx->src, mac, &a->ip, NDP_NA_FLAG_S);
}

/* Does the NS of @o carry the nonce of one of @a's DAD NS of this run? */
static bool dad_nonce_ours(const struct ndp_addr *a, const struct ndp_opts *o)
{
	unsigned int i;

	if (!o->nonce || o->nonce_len != NDP_NONCE_LEN)
		return false;
	for (i = 0; i < a->n_nonces; i++)
		if (!memcmp(o->nonce, a->nonces[i], NDP_NONCE_LEN))
			return true;
	return false;
}

/**
 * ndp_addr_dad_ns() - an NS whose target is one of our TENTATIVE addresses.
 * @ctx: the context
 * @now: current time (ns)
 * @rx: the NS (validated by rx.c)
 * @target: its target
 * @o: its options
 * @out: output
 *
 * From :: it is another node's DAD (RFC 4862 5.4.3): a duplicate, unless
 * it carries the nonce of one of this run's NS (RFC 7527: ours, looped
 * back, maybe late).  From a unicast source: not answered (NS_NOT_OURS),
 * but for an optimistic address (optimistic_answer()).
 *
 * Return: true (the message was about DAD), false if @target is not
 * tentative.
 */
bool ndp_addr_dad_ns(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
		     const struct ndp_ip6 *target, const struct ndp_opts *o,
		     struct ndp_out *out)
{
	struct ndp_addr *a = ndp_addr_find(ctx, target);

	if (!a || a->state != NDP_ADDR_TENTATIVE)
		return false;
	if (!ndp_ip6_is_unspec(&rx->src)) {
		if (a->optimistic)
			optimistic_answer(ctx, now, rx, a, o, out);
		else
			ndp_count(ctx, NDP_STAT_NS_NOT_OURS);
		return true;
	}
	if (dad_nonce_ours(a, o)) {
		ndp_count(ctx, NDP_STAT_DAD_NS_LOOPED);
		return true;
	}
	addr_duplicate(ctx, now, a, out);
	return true;
}

/**
 * ndp_addr_dad_na() - every valid NA comes here first.
 * @ctx: the context
 * @now: current time (ns)
 * @target: the NA's target
 * @out: output
 *
 * An NA for a TENTATIVE address of ours, optimistic ones included: a
 * duplicate (RFC 4862 5.4.4; no NA of ours names a tentative address).  An
 * NA for one of our valid addresses is consumed and changes nothing: it
 * may be our own, looped back, and must not kill the address.
 *
 * Return: true if consumed here, false if the neighbour cache should see it.
 */
bool ndp_addr_dad_na(struct ndp_ctx *ctx, s64 now,
		     const struct ndp_ip6 *target, struct ndp_out *out)
{
	struct ndp_addr *a = ndp_addr_find(ctx, target);

	if (!a || a->state == NDP_ADDR_DUPLICATE)
		return false;
	if (a->state == NDP_ADDR_TENTATIVE) {
		addr_duplicate(ctx, now, a, out);
		return true;
	}
	ndp_count(ctx, NDP_STAT_NA_FOR_OWN_ADDR);
	return true;
}

/* The first NS leaves only after the group's first Report (5.4.2). */
static bool dad_group_reported(const struct ndp_ctx *ctx,
			       const struct ndp_addr *a)
{
	const struct ndp_group *g;
	struct ndp_ip6 sn;

	ndp_solicited_node(&a->ip, &sn);
	g = ndp_mld_find(ctx, &sn);
	return !g || g->leaving || !ndp_group_unreported(g);
}

static void dad_step(struct ndp_ctx *ctx, s64 now, struct ndp_addr *a,
		     struct ndp_out *out)
{
	u8 nonce[NDP_NONCE_LEN];
	u8 mac[NDP_ETH_ALEN];
	struct ndp_ip6 sn;

	if (!a->dad_left) {
		addr_valid(ctx, now, a, out);	/* RetransTimer, no answer */
		return;
	}
	if (!dad_group_reported(ctx, a))
		return;				/* stays due */
	ndp_solicited_node(&a->ip, &sn);
	ndp_mcast_mac(&sn, mac);
	ctx->random(ctx->random_opaque, nonce, sizeof(nonce));
	if (!ndp_send_ns(ctx, out, NULL, &sn, mac, &a->ip, nonce))
		return;				/* out full: retried */
	/* dad_left <= dad_transmits <= NDP_MAX_DAD_TRANSMITS: room */
	if (a->n_nonces < NDP_MAX_DAD_TRANSMITS)
		a->n_nonces++;
	memcpy(a->nonces[a->n_nonces - 1], nonce, sizeof(nonce));
	a->dad_started = true;
	a->dad_left--;
	a->timer = now + ndp_ms(ctx->retrans_ms);
	ndp_due(ctx, a->timer);
}

/**
 * ndp_addr_tick() - run the timers of addresses, DAD and MLD.
 * @ctx: the context
 * @now: current time (ns)
 * @out: output
 *
 * Order: lifetimes first (a removal's leave Report goes out in this tick),
 * then MLD Reports, then DAD (so a solicited-node group's Report precedes
 * the DAD NS that needs it).  A frame that does not fit leaves its timer
 * due for the next tick.  While the link is down only lifetimes and the
 * end of MLDv1 mode run.
 */
void ndp_addr_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
{
	unsigned int i;

	ndp_mld_v1_expire(ctx, now);
	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		struct ndp_addr *a = &ctx->addrs[i];

		if (!a->used)
			continue;
		if (a->valid_until <= now) {
			ndp_addr_del(ctx, now, a, out);
		} else if (a->regen && a->timer <= now) {
			addr_regen(ctx, now, a, out);
		} else if (addr_shown_state(a) == NDP_ADDR_PREFERRED &&
			   a->preferred_until <= now) {
			if (a->optimistic)
				a->held = NDP_ADDR_DEPRECATED;
			else
				a->state = NDP_ADDR_DEPRECATED;
			ndp_addr_note(out, NDP_NOTE_ADDR_DEPRECATED, a, now);
			ndp_changed(ctx);
		}
	}
	if (ctx->link_down)
		return;
	ndp_mld_tick(ctx, now, out);
	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		struct ndp_addr *a = &ctx->addrs[i];

		if (a->used && a->state == NDP_ADDR_TENTATIVE &&
		    a->timer <= now)
			dad_step(ctx, now, a, out);
	}
}

/**
 * ndp_addr_deadline() - when ndp_addr_tick() must run next.
 * @ctx: the context
 *
 * Return: the earliest timer of this file and mld.c, NDP_TIME_NEVER if
 * none.
 */
s64 ndp_addr_deadline(const struct ndp_ctx *ctx)
{
	bool held = ctx->link_down;
	s64 t = ndp_mld_deadline(ctx);
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		const struct ndp_addr *a = &ctx->addrs[i];

		if (!a->used)
			continue;
		t = min(t, a->valid_until);
		if ((a->state == NDP_ADDR_TENTATIVE && !held) || a->regen)
			t = min(t, a->timer);
		if (addr_shown_state(a) == NDP_ADDR_PREFERRED)
			t = min(t, a->preferred_until);
	}
	return t;
}

/* The link is back: DAD again for @a (its group's Report first). */
static void addr_recheck(struct ndp_ctx *ctx, s64 now, struct ndp_addr *a,
			 struct ndp_out *out)
{
	struct ndp_group *g;
	struct ndp_ip6 sn;

	if (!ctx->cfg.dad_transmits) {
		if (a->state == NDP_ADDR_TENTATIVE)
			addr_valid(ctx, now, a, out);
		return;
	}
	if (a->state != NDP_ADDR_TENTATIVE) {
		a->held = a->state;
		a->optimistic = true;
		a->state = NDP_ADDR_TENTATIVE;
	}
	a->dad_left = ctx->cfg.dad_transmits;
	a->dad_started = false;
	a->n_nonces = 0;
	a->timer = now + ndp_random_delay(ctx,
					  ndp_ms(ctx->cfg.rtr_solicit_delay_ms));
	ndp_due(ctx, a->timer);	/* the group's, pulled in, is no earlier */
	ndp_solicited_node(&a->ip, &sn);
	g = ndp_mld_find(ctx, &sn);
	if (g && ndp_group_unreported(g) && !g->leaving)
		g->timer = min(g->timer, a->timer);
	ndp_changed(ctx);
}

/**
 * ndp_addr_link_change() - the link went down or came back.
 * @ctx: the context, ctx->link_down already set to !@up
 * @now: current time (ns)
 * @up: the link is back
 * @out: output: notes only (an address valid at once with
 *	DupAddrDetectTransmits 0)
 *
 * The groups first (ndp_mld_link_change()); the DAD timers are held by
 * ndp_addr_tick() and ndp_addr_deadline() while the link is down.  Up:
 * every address but a DUPLICATE one runs DAD from the start (core.rst,
 * "The link down and back").
 */
void ndp_addr_link_change(struct ndp_ctx *ctx, s64 now, bool up,
			  struct ndp_out *out)
{
	unsigned int i;

	ndp_mld_link_change(ctx, now, up);
	if (!up)
		return;
	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		struct ndp_addr *a = &ctx->addrs[i];

		if (a->used && a->state != NDP_ADDR_DUPLICATE)
			addr_recheck(ctx, now, a, out);
	}
}
