// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: the multicast groups we listen to, MLDv2 as a host (RFC 3810)
 * with MLDv1 compatibility (RFC 3810 8.2.1, RFC 2710).  Its timers, its
 * simplifications and why it never suppresses a Report:
 * Documentation/ndpv6/core.rst, "MLD".
 */
#include "ndp_private.h"

#define MLD_REC_TO_IN		3	/* CHANGE_TO_INCLUDE_MODE */
#define MLD_REC_TO_EX		4	/* CHANGE_TO_EXCLUDE_MODE */
#define MLD_REC_IS_EX		2	/* MODE_IS_EXCLUDE */
#define MLD_REC_LEN		20	/* record with no sources */
#define MLD_REPORT_HLEN		8
#define MLD_HBH_LEN		8
#define MLD1_QUERY_LEN		24
#define MLD2_QUERY_LEN		28
#define MLD1_MSG_LEN		24	/* MLDv1 Report and Done (RFC 2710 3) */
#define MLD_QUERY_IVL_MS	125000	/* Query Interval (RFC 3810 9.2) */
#define MLD1_UNSOL_IVL_MS	10000	/* RFC 2710 7.10 */

/* Groups MLD never reports: all-nodes, scope 0 (reserved), 1 (interface). */
static bool group_reportable(const struct ndp_ip6 *g)
{
	return !ndp_ip6_eq(g, &ndp_all_nodes) && ndp_ip6_scope(g) >= 2;
}

/* The group table's entry for @ip, joined or being left, or NULL. */
struct ndp_group *ndp_mld_find(const struct ndp_ctx *ctx,
			       const struct ndp_ip6 *ip)
{
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_groups; i++)
		if (ctx->groups[i].used && ndp_ip6_eq(&ctx->groups[i].ip, ip))
			return &ctx->groups[i];
	return NULL;
}

static bool group_joined(const struct ndp_group *g)
{
	return g->used && !g->leaving && (g->users || g->upper);
}

/*
 * A Report about joined group @g went from @src: remember whether that
 * was :: (RFC 3590 4), for ndp_mld_rereport().
 */
static void group_reported_from(struct ndp_group *g, const struct ndp_ip6 *src)
{
	g->from_unspec = ndp_ip6_is_unspec(src);
	g->again = false;
}

/* MLDv1 compatibility mode: the Older Version Querier Present timer runs */
static bool mld_v1(const struct ndp_ctx *ctx)
{
	return ctx->mld_v1_until != NDP_TIME_NEVER;
}

/* The next unsolicited Report: within the Unsolicited Report Interval. */
static s64 mld_repeat_at(struct ndp_ctx *ctx, s64 now)
{
	u32 ivl = mld_v1(ctx) ? MLD1_UNSOL_IVL_MS : NDP_MLD_UNSOL_IVL_MS;
	s64 d = ndp_random_delay(ctx, ndp_ms(ivl));

	return now + (d ? d : 1);
}

/*
 * The compatibility mode changes (RFC 3810 8.2.1): the pending query
 * responses and leave messages are cancelled, a join's Reports go on
 * (core.rst, "MLD").  Bounded by the group table.
 */
static void mld_mode_change(struct ndp_ctx *ctx)
{
	unsigned int i;

	ctx->mld_general_timer = NDP_TIME_NEVER;
	for (i = 0; i < ctx->cfg.max_groups; i++) {
		struct ndp_group *g = &ctx->groups[i];

		if (!g->used)
			continue;
		if (g->leaving) {
			g->used = false;
			ndp_changed(ctx);
		} else if (!g->reports_left) {
			g->timer = NDP_TIME_NEVER;
		}
	}
}

/* The Older Version Querier Present timer ran out: MLDv2 again. */
void ndp_mld_v1_expire(struct ndp_ctx *ctx, s64 now)
{
	if (!mld_v1(ctx) || ctx->mld_v1_until > now)
		return;
	ctx->mld_v1_until = NDP_TIME_NEVER;
	ndp_count(ctx, NDP_STAT_MLD_V1_EXPIRED);
	mld_mode_change(ctx);
	ndp_changed(ctx);
}

/**
 * ndp_mld_join() - listen to @grp.
 * @ctx: the context
 * @now: current time (ns)
 * @grp: a multicast address
 * @upper: true for the upper layers' join, false for one more address of
 *	ours using this solicited-node group (refcounted)
 * @out: output; a GROUP_JOIN note when the group becomes joined
 *
 * A newly joined group that MLD reports gets NDP_MLD_ROBUSTNESS
 * state-change Reports (CHANGE_TO_EXCLUDE {}; in MLDv1 mode MLDv1
 * Reports), the first due at once.
 *
 * Return: 0, -EINVAL if @grp is not multicast, -ENOSPC if the table is full.
 */
int ndp_mld_join(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *grp,
		 bool upper, struct ndp_out *out)
{
	struct ndp_group *g;
	unsigned int i;

	if (!ndp_ip6_is_mcast(grp))
		return -EINVAL;
	g = ndp_mld_find(ctx, grp);
	if (g && group_joined(g)) {
		if (upper)
			g->upper = true;
		else
			g->users++;
		return 0;
	}
	if (!g) {
		for (i = 0; i < ctx->cfg.max_groups; i++) {
			if (!ctx->groups[i].used) {
				g = &ctx->groups[i];
				break;
			}
		}
		if (!g) {
			ndp_count(ctx, NDP_STAT_GROUP_TABLE_FULL);
			return -ENOSPC;
		}
		memset(g, 0, sizeof(*g));
		g->ip = *grp;
		g->used = true;
	}
	/* new, or joined again while its leave was being reported */
	g->leaving = false;
	g->from_unspec = false;
	g->again = false;
	g->upper = upper;
	g->users = upper ? 0 : 1;
	if (group_reportable(grp)) {
		g->reports_left = NDP_MLD_ROBUSTNESS;
		g->timer = now;
		ndp_due(ctx, now);
	} else {
		g->reports_left = 0;
		g->timer = NDP_TIME_NEVER;
	}
	ndp_out_note(out, NDP_NOTE_GROUP_JOIN, grp, 128, 0, 0, 0);
	ndp_changed(ctx);
	return 0;
}

/**
 * ndp_mld_leave() - stop listening to @grp for one user.
 * @ctx: the context
 * @now: current time (ns)
 * @grp: the group
 * @upper: true for the upper layers' leave, false for an address of ours
 * @out: output; a GROUP_LEAVE note when no user is left
 *
 * When the last user goes, a group that was reported gets
 * NDP_MLD_ROBUSTNESS CHANGE_TO_INCLUDE {} Reports (in MLDv1 mode one
 * Done), the first due at once; a group never reported is forgotten at
 * once.  ff02::1 is never left.
 *
 * Return: 0, or -ENOENT if @grp is not joined by that kind of user.
 */
int ndp_mld_leave(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *grp,
		  bool upper, struct ndp_out *out)
{
	struct ndp_group *g = ndp_mld_find(ctx, grp);

	ndp_mld_v1_expire(ctx, now);	/* a due mode change cancels leaves */
	if (!g || !group_joined(g))
		return -ENOENT;
	if (ndp_ip6_eq(grp, &ndp_all_nodes))
		return upper ? 0 : -ENOENT;
	if (upper) {
		if (!g->upper)
			return -ENOENT;
		g->upper = false;
	} else {
		if (!g->users)
			return -ENOENT;
		g->users--;
	}
	if (g->users || g->upper)
		return 0;
	ndp_out_note(out, NDP_NOTE_GROUP_LEAVE, grp, 128, 0, 0, 0);
	ndp_changed(ctx);
	if (!group_reportable(grp) || ndp_group_unreported(g) || ctx->link_down) {
		/* never reported, or no one to hear it: nothing to take back */
		g->used = false;
		return 0;
	}
	g->leaving = true;
	g->reports_left = NDP_MLD_ROBUSTNESS;
	g->timer = now;
	ndp_due(ctx, now);
	return 0;
}

/**
 * ndp_group_is_joined() - do we receive frames sent to @ip?
 * @ctx: the context
 * @ip: a multicast address
 *
 * Return: true for ff02::1 and every group joined by an address of ours or
 * the upper layers.
 */
bool ndp_group_is_joined(const struct ndp_ctx *ctx, const struct ndp_ip6 *ip)
{
	const struct ndp_group *g;

	if (ndp_ip6_eq(ip, &ndp_all_nodes))
		return true;
	g = ndp_mld_find(ctx, ip);
	return g && group_joined(g);
}

/**
 * ndp_join_group() - the upper layers listen to @group (ndo_set_rx_mode).
 * @ctx: the context
 * @now: current time (ns)
 * @group: a multicast address
 * @out: output (notes; the MLD Reports leave from ndp_tick())
 *
 * Context: the caller serialises calls on @ctx.
 * Return: 0 (also if already joined), -EINVAL or -ENOSPC.
 */
int ndp_join_group(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *group,
		   struct ndp_out *out)
{
	return ndp_mld_join(ctx, now, group, true, out);
}

/**
 * ndp_leave_group() - the upper layers no longer listen to @group.
 * @ctx: the context
 * @now: current time (ns)
 * @group: a multicast address
 * @out: output (notes; the MLD Reports leave from ndp_tick())
 *
 * Context: the caller serialises calls on @ctx.
 * Return: 0 or -ENOENT if the upper layers had not joined @group.
 */
int ndp_leave_group(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *group,
		    struct ndp_out *out)
{
	return ndp_mld_leave(ctx, now, group, true, out);
}

/* Records of one Report that fit the link MTU (RFC 3810 5.2.15). */
static u32 mld_max_records(const struct ndp_ctx *ctx)
{
	u32 room = ctx->mtu - NDP_IP6_HLEN - MLD_HBH_LEN - MLD_REPORT_HLEN;

	return min(room / MLD_REC_LEN, 0xffffU);
}

static u32 mld_count_due(const struct ndp_ctx *ctx, s64 now)
{
	unsigned int i;
	u32 n = 0;

	for (i = 0; i < ctx->cfg.max_groups; i++)
		n += ctx->groups[i].used && ctx->groups[i].timer <= now;
	return n;
}

/* Record type for @g, and its timer advanced past this Report from @src. */
static u8 mld_record_sent(struct ndp_ctx *ctx, struct ndp_group *g, s64 now,
			  const struct ndp_ip6 *src)
{
	u8 type;

	if (g->leaving) {
		type = MLD_REC_TO_IN;
		if (!--g->reports_left) {
			g->used = false;
			ndp_changed(ctx);
			return type;
		}
		g->timer = mld_repeat_at(ctx, now);
		ndp_due(ctx, g->timer);
		return type;
	}
	group_reported_from(g, src);
	if (g->reports_left) {
		type = MLD_REC_TO_EX;
		g->reports_left--;
		g->timer = g->reports_left ? mld_repeat_at(ctx, now) :
					     NDP_TIME_NEVER;
		ndp_due(ctx, g->timer);
		return type;
	}
	g->timer = NDP_TIME_NEVER;	/* a query response */
	return MLD_REC_IS_EX;
}

/* One Report (RFC 3810 5.2) with up to @n of the due groups. */
static bool mld_send_report(struct ndp_ctx *ctx, s64 now, u32 n,
			    struct ndp_out *out)
{
	static const u8 hbh_ra[MLD_HBH_LEN] = {
		NDP_NH_ICMPV6, 0, 5, 2, 0, 0, 1, 0	/* Router Alert: MLD */
	};
	u32 len = MLD_REPORT_HLEN + n * MLD_REC_LEN;
	const struct ndp_addr *ll = ndp_addr_linklocal(ctx);
	const struct ndp_ip6 *src = ll ? &ll->ip : &ndp_unspecified;
	const struct ndp_ip6 *dst = &ndp_all_mldv2_routers;
	u8 *f, *ip6, *m, *rec;
	u8 mac[NDP_ETH_ALEN];
	unsigned int i;
	u32 done = 0;

	f = ndp_out_frame(out, NDP_ETH_HLEN + NDP_IP6_HLEN + MLD_HBH_LEN + len);
	if (!f) {
		ndp_count(ctx, NDP_STAT_TX_OUT_FULL);
		return false;
	}
	ip6 = f + NDP_ETH_HLEN;
	m = ip6 + NDP_IP6_HLEN + MLD_HBH_LEN;
	memset(m, 0, MLD_REPORT_HLEN);
	m[0] = NDP_ICMP_MLD2_REPORT;
	rec = m + MLD_REPORT_HLEN;
	for (i = 0; i < ctx->cfg.max_groups && done < n; i++) {
		struct ndp_group *g = &ctx->groups[i];

		if (!g->used || g->timer > now)
			continue;
		memset(rec, 0, MLD_REC_LEN);
		memcpy(rec + 4, g->ip.b, 16);
		rec[0] = mld_record_sent(ctx, g, now, src);
		rec += MLD_REC_LEN;
		done++;
	}
	ndp_put16(m + 6, (u16)done);
	ndp_mcast_mac(dst, mac);
	ndp_write_eth(ctx, f, mac);
	ndp_write_ip6(ip6, src, dst, NDP_NH_HOPOPTS, 1,
		      (u16)(MLD_HBH_LEN + len));
	memcpy(ip6 + NDP_IP6_HLEN, hbh_ra, MLD_HBH_LEN);
	ndp_put16(m + 2, ndp_icmp_csum(src, dst, m, len));
	return true;
}

/*
 * One MLDv1 message for due group @g (RFC 2710 3, 4): a Done to ff02::2
 * when it is being left (then it is forgotten), else a Report to the group
 * itself; the group's timer moves past it.  False when @out is full.
 */
static bool mld1_send(struct ndp_ctx *ctx, s64 now, struct ndp_group *g,
		      struct ndp_out *out)
{
	const struct ndp_addr *ll = ndp_addr_linklocal(ctx);
	const struct ndp_ip6 *src = ll ? &ll->ip : &ndp_unspecified;
	const struct ndp_ip6 *dst = g->leaving ? &ndp_all_routers : &g->ip;
	u8 m[MLD1_MSG_LEN] = { 0 };
	u8 mac[NDP_ETH_ALEN];

	m[0] = g->leaving ? NDP_ICMP_MLD1_DONE : NDP_ICMP_MLD1_REPORT;
	memcpy(m + 8, g->ip.b, 16);
	ndp_mcast_mac(dst, mac);
	if (!ndp_emit_icmp_ra(ctx, out, mac, src, dst, m, sizeof(m)))
		return false;		/* TX_OUT_FULL counted: stays due */
	if (!g->leaving)
		group_reported_from(g, src);
	if (g->leaving) {
		g->used = false;
		ndp_changed(ctx);
	} else if (g->reports_left && --g->reports_left) {
		g->timer = mld_repeat_at(ctx, now);
		ndp_due(ctx, g->timer);
	} else {
		g->timer = NDP_TIME_NEVER;
	}
	return true;
}

/* Send every due group's record, as few Reports as fit. */
void ndp_mld_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
{
	u32 per = mld_max_records(ctx);
	unsigned int i;
	u32 due;

	if (mld_v1(ctx)) {
		/* MLDv1: a message per due group (bounded by the table) */
		for (i = 0; i < ctx->cfg.max_groups; i++) {
			struct ndp_group *g = &ctx->groups[i];

			if (g->used && g->timer <= now &&
			    !mld1_send(ctx, now, g, out))
				return;
		}
		return;
	}
	if (ctx->mld_general_timer <= now) {
		/* General Query response: every joined group, once */
		for (i = 0; i < ctx->cfg.max_groups; i++) {
			struct ndp_group *g = &ctx->groups[i];

			if (group_joined(g) && group_reportable(&g->ip) &&
			    !g->reports_left)
				g->timer = now;
		}
		ctx->mld_general_timer = NDP_TIME_NEVER;
		ndp_due(ctx, now);
	}
	/* each Report clears at least one due group: bounded */
	while ((due = mld_count_due(ctx, now)) != 0)
		if (!mld_send_report(ctx, now, min(due, per), out))
			return;
}

/* The Hop-by-Hop header carries a Router Alert option (RFC 3810 6.2). */
static bool has_router_alert(const struct ndp_rx *rx)
{
	const u8 *p = rx->ip6;
	u32 i, end;

	if (p[6] != NDP_NH_HOPOPTS || rx->l4_off < NDP_IP6_HLEN + 8)
		return false;
	end = NDP_IP6_HLEN + ((u32)p[NDP_IP6_HLEN + 1] + 1) * 8;
	if (end > rx->l4_off)
		return false;
	i = NDP_IP6_HLEN + 2;
	while (i + 2 <= end) {
		if (p[i] == 0) {
			i++;
			continue;
		}
		if (p[i] == 5 && p[i + 1] == 2 && i + 4 <= end)
			return true;
		i += 2 + p[i + 1];
	}
	return false;
}

/* Maximum Response Delay in ms (RFC 3810 5.1.3; RFC 2710 3.4). */
static u32 mld_max_resp_ms(const u8 *m, u32 len)
{
	u32 code = ndp_get16(m + 4);

	if (len == MLD1_QUERY_LEN || code < 32768)
		return code;
	return ((code & 0x0fff) | 0x1000) << (((code >> 12) & 0x7) + 3);
}

/*
 * An MLDv1 Query with Maximum Response Delay @mrd_ms (RFC 3810 8.2.1,
 * 9.12): the Older Version Querier Present timer (re)starts, MLDv1 mode
 * begins if it was off.
 */
static void mld_v1_heard(struct ndp_ctx *ctx, s64 now, u32 mrd_ms)
{
	bool was = mld_v1(ctx);

	ctx->mld_v1_until = now + NDP_MLD_ROBUSTNESS * ndp_ms(MLD_QUERY_IVL_MS) +
			    ndp_ms(mrd_ms);
	ndp_due(ctx, ctx->mld_v1_until);
	ndp_count(ctx, NDP_STAT_MLD_V1_QUERY);
	if (!was) {
		mld_mode_change(ctx);
		ndp_changed(ctx);
	}
}

/*
 * A Query in MLDv1 mode (RFC 2710 4): each queried group, all of them for
 * a General Query (@mca ::), a Report after a random delay up to
 * @mrd_ms, unless its timer runs out sooner already.  A group being left
 * answers nothing.  Bounded by the group table.
 */
static void mld1_query(struct ndp_ctx *ctx, s64 now,
		       const struct ndp_ip6 *mca, u32 mrd_ms)
{
	bool general = ndp_ip6_is_unspec(mca);
	s64 span = ndp_ms(mrd_ms);
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_groups; i++) {
		struct ndp_group *g = &ctx->groups[i];

		if (!group_joined(g) || !group_reportable(&g->ip) ||
		    (!general && !ndp_ip6_eq(&g->ip, mca)))
			continue;
		if (g->timer > now + span) {
			g->timer = now + ndp_random_delay(ctx, span);
			ndp_due(ctx, g->timer);
		}
	}
}

/**
 * ndp_rx_mld_query() - an MLD Query (RFC 3810 5.1, 6.2; RFC 2710).
 * @ctx: the context
 * @now: current time (ns)
 * @rx: the received message (ICMPv6 type 130, checksum verified)
 * @out: output (nothing now: the response leaves from ndp_tick())
 *
 * Queries not from a link-local source, with a hop limit other than 1,
 * without a Router Alert or of a wrong length are counted MLD_INVALID.
 * An MLDv1 Query (24 bytes) starts or restarts MLDv1 mode (MLD_V1_QUERY;
 * core.rst, "MLD").  In MLDv2 mode a General Query schedules one
 * Current-State Report for every joined group after a random delay within
 * its Maximum Response Delay; a group-specific one, that group's record.
 * In MLDv1 mode every queried group gets its own random delay.
 */
void ndp_rx_mld_query(struct ndp_ctx *ctx, s64 now, const struct ndp_rx *rx,
		      struct ndp_out *out)
{
	const u8 *m = rx->l4;
	u32 len = rx->l4_len;
	struct ndp_group *g;
	struct ndp_ip6 mca;
	s64 at;

	if (rx->hop_limit != 1 || !ndp_ip6_is_linklocal(&rx->src) ||
	    !has_router_alert(rx) ||
	    (len != MLD1_QUERY_LEN && len < MLD2_QUERY_LEN) ||
	    (len >= MLD2_QUERY_LEN &&
	     MLD2_QUERY_LEN + 16 * (u32)ndp_get16(m + 26) > len)) {
		ndp_count(ctx, NDP_STAT_MLD_INVALID);
		return;
	}
	ndp_ipaddr_of_cstruct(m + 8, &mca);
	if (!ndp_ip6_is_unspec(&mca) && !ndp_ip6_is_mcast(&mca)) {
		ndp_count(ctx, NDP_STAT_MLD_INVALID);
		return;
	}
	ndp_mld_v1_expire(ctx, now);
	if (len == MLD1_QUERY_LEN)
		mld_v1_heard(ctx, now, mld_max_resp_ms(m, len));
	if (mld_v1(ctx)) {
		mld1_query(ctx, now, &mca, mld_max_resp_ms(m, len));
		return;
	}
	at = now + ndp_random_delay(ctx, ndp_ms(mld_max_resp_ms(m, len)));
	/* a pending General Query response that is sooner covers it all */
	if (ctx->mld_general_timer <= at)
		return;
	ndp_due(ctx, at);	/* all that is set below is no earlier */
	if (ndp_ip6_is_unspec(&mca)) {
		ctx->mld_general_timer = at;
		return;
	}
	g = ndp_mld_find(ctx, &mca);
	if (!g || !group_joined(g) || !group_reportable(&mca) ||
	    g->reports_left)
		return;
	g->timer = min(g->timer, at);
}

/*
 * RFC 3590 4: a link-local address is valid now; every joined group last
 * reported from :: gets its Reports again from it, the first after a
 * random delay (core.rst, "MLD").  Bounded by the group table.
 */
void ndp_mld_rereport(struct ndp_ctx *ctx, s64 now)
{
	s64 span = ndp_ms(ctx->cfg.rtr_solicit_delay_ms);
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_groups; i++) {
		struct ndp_group *g = &ctx->groups[i];

		if (!group_joined(g) || !g->from_unspec ||
		    !group_reportable(&g->ip))
			continue;
		g->from_unspec = false;
		g->again = true;
		g->reports_left = NDP_MLD_ROBUSTNESS;
		g->timer = min(g->timer, now + ndp_random_delay(ctx, span));
		ndp_due(ctx, g->timer);
		ndp_changed(ctx);
	}
}

/**
 * ndp_mld_init() - the groups of a new context: ff02::1, MLDv2.
 * @ctx: the context (ndp_local())
 * @now: current time (ns)
 * @out: output: notes only
 */
void ndp_mld_init(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
{
	ctx->mld_v1_until = NDP_TIME_NEVER;	/* MLDv2 until a v1 Query */
	ndp_mld_join(ctx, now, &ndp_all_nodes, false, out);
}

/**
 * ndp_mld_deadline() - when ndp_mld_tick() must run next.
 * @ctx: the context
 *
 * Return: the earliest timer of this file, NDP_TIME_NEVER if none; only
 * the end of MLDv1 mode while the link is down.
 */
s64 ndp_mld_deadline(const struct ndp_ctx *ctx)
{
	bool held = ctx->link_down;
	s64 t = held ? NDP_TIME_NEVER : ctx->mld_general_timer;
	unsigned int i;

	t = min(t, ctx->mld_v1_until);	/* never held */
	for (i = 0; !held && i < ctx->cfg.max_groups; i++)
		if (ctx->groups[i].used)
			t = min(t, ctx->groups[i].timer);
	return t;
}

/**
 * ndp_mld_link_change() - the link went down or came back.
 * @ctx: the context, ctx->link_down already set to !@up
 * @now: current time (ns)
 * @up: the link is back
 *
 * Down: groups being left are forgotten (their Reports would be lost), a
 * pending query response is dropped; the other timers are held.  Up: every
 * group MLD reports gets NDP_MLD_ROBUSTNESS state-change Reports, the
 * first after a random delay below MAX_RTR_SOLICITATION_DELAY.
 */
void ndp_mld_link_change(struct ndp_ctx *ctx, s64 now, bool up)
{
	s64 span = ndp_ms(ctx->cfg.rtr_solicit_delay_ms);
	unsigned int i;

	ctx->mld_general_timer = NDP_TIME_NEVER;
	for (i = 0; i < ctx->cfg.max_groups; i++) {
		struct ndp_group *g = &ctx->groups[i];

		if (!g->used)
			continue;
		if (g->leaving) {
			g->used = false;
			ndp_changed(ctx);
		} else if (up && group_reportable(&g->ip)) {
			g->reports_left = NDP_MLD_ROBUSTNESS;
			g->again = false;
			g->timer = now + ndp_random_delay(ctx, span);
			ndp_due(ctx, g->timer);
		}
	}
}
