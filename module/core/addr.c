// SPDX-License-Identifier: GPL-2.0
/*
 * ndpv6 core: our addresses (RFC 4862), Duplicate Address Detection with
 * RFC 7527 nonces, the multicast groups we listen to and MLDv2 as a host
 * (RFC 3810) with MLDv1 compatibility (RFC 3810 8.2.1, RFC 2710), and
 * source address selection (RFC 6724 section 5).
 *
 * Timers of this file (absolute ns, NDP_TIME_NEVER when idle), all run by
 * ndp_addr_tick() and reported by ndp_addr_deadline():
 *   addr->timer            TENTATIVE only: first DAD NS (after a random
 *                          delay), next NS (RetransTimer later), success
 *                          (RetransTimer after the last NS)
 *   addr->preferred_until  PREFERRED -> DEPRECATED
 *   addr->valid_until      the address is removed
 *   grp->timer             next MLD message for the group: state-change
 *                          repeats (join: TO_EX {}, leave: TO_IN {}) or a
 *                          query response (IS_EX {}); in MLDv1 mode a
 *                          Report, or a Done when leaving
 *   ctx->mld_general_timer response to a General Query: when it fires every
 *                          joined group becomes due and the due groups go
 *                          out together, as few Reports as fit (MLDv2 only)
 *   ctx->mld_v1_until      the Older Version Querier Present timer: MLDv1
 *                          mode ends, back to MLDv2.  Not held while the
 *                          link is down.
 *
 * While the link is down (ctx->link_down, ndp_link_change()) the DAD and
 * MLD timers are held: neither run nor reported as deadlines; lifetimes
 * run on.  A group left meanwhile is forgotten at once (no Report could be
 * heard).  When the link comes back, every group due a Report gets
 * NDP_MLD_ROBUSTNESS state-change Reports again and every address but a
 * DUPLICATE one runs DAD again (RFC 4862 5.4: the interface re-attached),
 * after a random delay below MAX_RTR_SOLICITATION_DELAY, each Report of a
 * solicited-node group no later than its address's first NS.  An address
 * that was valid stays usable while it is checked, in the manner of an
 * Optimistic Address (RFC 4429): its entry is TENTATIVE and `optimistic`,
 * so DAD inputs treat it as tentative (an NA or another node's DAD NS
 * makes it a duplicate; an NS from a unicast source gets an NA without the
 * Override flag, RFC 4429 3.3), but
 * it is still ours for the upper layers (ndp_get_ip(), ndp_addr_is_ours(),
 * a source address, RFC 6724 rule 3 ranking it as deprecated) and the
 * tables show the state it had (`held`): no note, and no remove/add in
 * the kernel's view, when it passes again; ADDR_DEL then DAD_FAILED when
 * it does not.
 *
 * Address states: TENTATIVE -> PREFERRED -> DEPRECATED -> removed when the
 * valid lifetime ends; TENTATIVE -> DUPLICATE when DAD fails.  A DUPLICATE
 * entry is never used (not ours, never a source, no NS answered), has left
 * its solicited-node group, and stays in the table so that the caller sees
 * the state and SLAAC does not make it again at the next RA; it goes with
 * ndp_del_ip() or when its valid lifetime ends.
 *
 * Every address in another state holds one user of its solicited-node
 * group (ndp_group_join(.., upper = false)); the upper layers' groups are
 * flagged `upper`.  ff02::1 is always joined and never reported, and so are
 * groups of scope 0 and 1 (RFC 3810 6).
 *
 * MLDv2 simplifications: a Multicast-Address-and-Source Specific Query is
 * answered as a group-specific one; a group whose state-change Reports are
 * still being repeated answers no MLDv2 query (those Reports carry the
 * same news).
 *
 * MLDv1 compatibility (RFC 3810 8.2.1, a MUST): an MLDv1 Query (24 bytes)
 * sets the Older Version Querier Present timer to its timeout (RFC 3810
 * 9.12: Robustness Variable x Query Interval + Query Response Interval;
 * MLDv1 gives only the last, its Maximum Response Delay, so 2 x 125 s +
 * that), and every MLDv1 Query restarts it.  While it runs the host speaks
 * only MLDv1 (RFC 2710): a Query, MLDv2 ones included, gives each queried
 * group a Report after its own random delay up to the Maximum Response
 * Delay (a running timer is only ever brought forward); a join gets
 * NDP_MLD_ROBUSTNESS Reports, the repeat within the Unsolicited Report
 * Interval (10 s); a leave one Done to ff02::2.  A Report goes to its
 * group address, every message with hop limit 1 and a Router Alert, from
 * the link-local address or, before it is valid, from :: (RFC 3590 4).
 *
 * RFC 3590 4, both versions: when a link-local address becomes valid
 * (DAD passed, at start or after the link came back), every joined group
 * whose last Report went from :: gets its NDP_MLD_ROBUSTNESS Reports
 * again from the link-local source (mld_rereport()); one whose Reports
 * already went from the link-local address does not.
 * When the mode changes either way, pending query responses (the General
 * Query one, the per-group ones) and pending leave messages are cancelled
 * (RFC 3810 8.2.1); a join's Reports go on in the new version: they carry
 * the same news, and cancelling them would leave a new solicited-node
 * group unknown to a snooping switch until the next General Query.  Link
 * changes leave the mode as it is: MLDv2 routers accept MLDv1 Reports
 * (RFC 3810 8.3.2), MLDv1 ones ignore MLDv2 Reports.
 *
 * MLDv1 Report suppression (RFC 2710 4: a host that hears another's
 * Report for a group whose timer runs cancels its own Report, and then
 * need send no Done) is optional for an MLDv2 host, and the core does not
 * do it: it always sends its own Reports, and a Done when it leaves.  A
 * snooping switch that forwards Reports to other hosts (RFC 4541 2.1.1
 * says it should not; some do) would otherwise never learn this host's
 * port, and stop forwarding to it the solicited-node groups that address
 * resolution and DAD need, which is what MLDv1 mode is for.  The cost is
 * one Report per group and Query, which the querier handles anyway.
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

/* ------------------------------------------------------------- helpers */

static bool addr_usable(const struct ndp_addr *a)
{
	return a->used && (a->state == NDP_ADDR_PREFERRED ||
			   a->state == NDP_ADDR_DEPRECATED || a->optimistic);
}

/* The state the tables show: an optimistic address keeps its own. */
static u8 addr_shown_state(const struct ndp_addr *a)
{
	return a->optimistic ? a->held : a->state;
}

/* Modified EUI-64 interface identifier (RFC 4291 app. A, RFC 2464 4). */
static void eui64_iid(const u8 *mac, u8 *iid)
{
	iid[0] = mac[0] ^ 0x02;
	iid[1] = mac[1];
	iid[2] = mac[2];
	iid[3] = 0xff;
	iid[4] = 0xfe;
	iid[5] = mac[3];
	iid[6] = mac[4];
	iid[7] = mac[5];
}

static void note_addr(struct ndp_out *out, enum ndp_note_kind kind,
		      const struct ndp_addr *a, s64 now)
{
	ndp_out_note(out, kind, &a->ip, a->plen,
		     ndp_remaining_s(now, a->valid_until),
		     ndp_remaining_s(now, a->preferred_until), 0);
}

/* Multicast scope (RFC 4291 2.7); 2 for link-local unicast, 14 else. */
static unsigned int ip6_scope(const struct ndp_ip6 *a)
{
	if (ndp_ip6_is_mcast(a))
		return a->b[1] & 0x0f;
	if (ndp_ip6_is_linklocal(a) || ndp_ip6_is_loopback(a))
		return 2;
	return 14;
}

/* Groups MLD never reports: all-nodes, scope 0 (reserved), 1 (interface). */
static bool group_reportable(const struct ndp_ip6 *g)
{
	return !ndp_ip6_eq(g, &ndp_all_nodes) && ip6_scope(g) >= 2;
}

static struct ndp_group *group_find(const struct ndp_ctx *ctx,
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
 * No Report of this join has gone out yet.  The RFC 3590 repeats (again)
 * do not count: the group was reported, from ::.
 */
static bool group_unreported(const struct ndp_group *g)
{
	return g->reports_left == NDP_MLD_ROBUSTNESS && !g->again;
}

/*
 * A Report about joined group @g went from @src: remember whether that
 * was :: (RFC 3590 4), for mld_rereport().
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
 * responses and leave messages are cancelled, a join's Reports go on (see
 * the top of this file).  Bounded by the group table.
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
static void mld_v1_expire(struct ndp_ctx *ctx, s64 now)
{
	if (!mld_v1(ctx) || ctx->mld_v1_until > now)
		return;
	ctx->mld_v1_until = NDP_TIME_NEVER;
	ndp_count(ctx, NDP_STAT_MLD_V1_EXPIRED);
	mld_mode_change(ctx);
	ndp_changed(ctx);
}

/* ------------------------------------------------------------- groups */

/**
 * ndp_group_join() - listen to @grp.
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
int ndp_group_join(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *grp,
		   bool upper, struct ndp_out *out)
{
	struct ndp_group *g;
	unsigned int i;

	if (!ndp_ip6_is_mcast(grp))
		return -EINVAL;
	g = group_find(ctx, grp);
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
	} else {
		g->reports_left = 0;
		g->timer = NDP_TIME_NEVER;
	}
	ndp_out_note(out, NDP_NOTE_GROUP_JOIN, grp, 128, 0, 0, 0);
	ndp_changed(ctx);
	return 0;
}

/**
 * ndp_group_leave() - stop listening to @grp for one user.
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
int ndp_group_leave(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *grp,
		    bool upper, struct ndp_out *out)
{
	struct ndp_group *g = group_find(ctx, grp);

	mld_v1_expire(ctx, now);	/* a due mode change cancels leaves */
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
	if (!group_reportable(grp) || group_unreported(g) || ctx->link_down) {
		/* never reported, or no one to hear it: nothing to take back */
		g->used = false;
		return 0;
	}
	g->leaving = true;
	g->reports_left = NDP_MLD_ROBUSTNESS;
	g->timer = now;
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
	g = group_find(ctx, ip);
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
	return ndp_group_join(ctx, now, group, true, out);
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
	return ndp_group_leave(ctx, now, group, true, out);
}

/* ------------------------------------------------------------- MLDv2 */

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
		return type;
	}
	group_reported_from(g, src);
	if (g->reports_left) {
		type = MLD_REC_TO_EX;
		g->reports_left--;
		g->timer = g->reports_left ? mld_repeat_at(ctx, now) :
					     NDP_TIME_NEVER;
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
	} else {
		g->timer = NDP_TIME_NEVER;
	}
	return true;
}

/* Send every due group's record, as few Reports as fit. */
static void mld_tick(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
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
		if (g->timer > now + span)
			g->timer = now + ndp_random_delay(ctx, span);
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
 * see the top of this file).  In MLDv2 mode a General Query schedules one
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
	mld_v1_expire(ctx, now);
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
	if (ndp_ip6_is_unspec(&mca)) {
		ctx->mld_general_timer = at;
		return;
	}
	g = group_find(ctx, &mca);
	if (!g || !group_joined(g) || !group_reportable(&mca) ||
	    g->reports_left)
		return;
	g->timer = min(g->timer, at);
}

/* ------------------------------------------------------------- addresses */

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

	return a && addr_usable(a);
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

		if (!addr_usable(a) || !ndp_ip6_is_linklocal(&a->ip))
			continue;
		if (a->origin == NDP_ORIGIN_LINKLOCAL)
			return a;
		if (!any)
			any = a;
	}
	return any;
}

/*
 * RFC 3590 4: a link-local address is valid now.  Every joined group whose
 * last Report went from :: (its solicited-node group's, sent before DAD as
 * RFC 4862 5.4.2 asks, or any other sent while no link-local address was
 * valid) gets its NDP_MLD_ROBUSTNESS Reports again, from the link-local
 * source: a snooping switch may ignore Reports from ::.  The first goes
 * after a random delay below MAX_RTR_SOLICITATION_DELAY, as a join's in
 * ndp_addr_add() (sooner if one was due sooner), the repeat within the
 * Unsolicited Report Interval; MLDv2 or MLDv1, whichever mode is on when
 * each leaves.  The group counts as reported (again): a leave meanwhile
 * is reported, and a DAD NS does not wait for these.  Bounded by the
 * group table.
 */
static void mld_rereport(struct ndp_ctx *ctx, s64 now)
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
		ndp_changed(ctx);
	}
}

/*
 * DAD done (or not wanted): the address is ours.  An optimistic one was
 * never taken back: only a deprecation its shown state missed is noted.
 * A link-local one makes the Reports sent from :: go again (RFC 3590 4).
 */
static void addr_valid(struct ndp_ctx *ctx, s64 now, struct ndp_addr *a,
		       struct ndp_out *out)
{
	a->state = a->preferred_until > now ? NDP_ADDR_PREFERRED :
					      NDP_ADDR_DEPRECATED;
	a->timer = NDP_TIME_NEVER;
	a->dad_left = 0;
	if (!a->optimistic)
		note_addr(out, NDP_NOTE_ADDR_ADD, a, now);
	else if (a->held != a->state)
		note_addr(out, NDP_NOTE_ADDR_DEPRECATED, a, now);
	a->optimistic = false;
	ndp_changed(ctx);
	if (ndp_ip6_is_linklocal(&a->ip))
		mld_rereport(ctx, now);
}

/*
 * RFC 4862 5.4.5: the link-local address made from the hardware address
 * (modified EUI-64, origin NDP_ORIGIN_LINKLOCAL) is a duplicate: another
 * node on the link has our interface identifier, most likely our MAC
 * address, and IP operation on the interface SHOULD be disabled.  The core
 * stops what would configure the interface with that identifier or make
 * it known: no Router Solicitation from now on (the pending ones
 * cancelled; rtr.c's rs_tick() checks ctx->ip_disabled), and no SLAAC
 * (every address would carry the same identifier: PIOs with A=1 are
 * counted SLAAC_IP_DISABLED, and make or extend no address).  It does not
 * tear down what exists: addresses added by hand, and SLAAC ones that
 * passed their own DAD until their lifetimes end, stay (each runs DAD
 * again when the link comes back), RAs still update the routers and
 * prefixes, and the core still answers for its valid addresses.
 * Linux has two answers: by default (accept_dad 1) it only sends no RS
 * (it solicits once the link-local address is valid); with accept_dad > 1
 * it sets disable_ipv6 and every address goes.  This is in between.  It
 * lasts as long as the context: a new one (ndp0 down and up) runs DAD
 * again, as Linux's disable_ipv6 lasts until an administrator clears it.
 * Counted IP_DISABLED once, and NDP_NOTE_IP_DISABLED (the link-local
 * address) tells the caller, whose log should say so.
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
	ndp_group_leave(ctx, now, &sn, false, out);
	if (a->origin == NDP_ORIGIN_LINKLOCAL)
		ip_disable(ctx, a, out);
	ndp_changed(ctx);
}

/**
 * ndp_addr_add() - add an address, tentative until DAD passes.
 * @ctx: the context
 * @now: current time (ns)
 * @ip: the address (unicast)
 * @plen: its prefix length, 1..128
 * @origin: enum ndp_origin
 * @valid_s: valid lifetime in seconds (NDP_INFINITE: for ever), not 0
 * @preferred_s: preferred lifetime in seconds, not above @valid_s
 * @out: output (notes; DAD leaves from ndp_tick())
 *
 * The solicited-node group is joined first.  Its first MLD Report and the
 * first DAD NS are due after one random delay, below
 * MAX_RTR_SOLICITATION_DELAY, the Report first.  With DupAddrDetectTransmits
 * 0 the address is valid at once (note ADDR_ADD), its Report due at once.
 *
 * Return: 0, -EINVAL, -EEXIST or -ENOSPC (address or group table full).
 */
int ndp_addr_add(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
		 u8 plen, u8 origin, u32 valid_s, u32 preferred_s,
		 struct ndp_out *out)
{
	struct ndp_addr *a = NULL;
	struct ndp_group *g;
	struct ndp_ip6 sn;
	unsigned int i;
	bool fresh;
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
	if (!a) {
		ndp_count(ctx, NDP_STAT_ADDR_TABLE_FULL);
		return -ENOSPC;
	}
	ndp_solicited_node(ip, &sn);
	fresh = !ndp_group_is_joined(ctx, &sn);
	err = ndp_group_join(ctx, now, &sn, false, out);
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
	a->dad_left = ctx->cfg.dad_transmits;
	ndp_table_changed(ctx, NDP_TABLE_ADDRS);
	if (!a->dad_left) {
		addr_valid(ctx, now, a, out);
		return 0;
	}
	a->timer = now + ndp_random_delay(ctx,
					  ndp_ms(ctx->cfg.rtr_solicit_delay_ms));
	/*
	 * RFC 4862 5.4.2: the join (its first Report) is delayed with the
	 * NS, and goes out first in the same tick; a first Report still
	 * pending for a group shared with another address is pulled in so
	 * the NS never waits past its own time.
	 */
	g = group_find(ctx, &sn);
	if (g && group_unreported(g) && !g->leaving &&
	    g->timer != NDP_TIME_NEVER)
		g->timer = fresh ? a->timer : min(g->timer, a->timer);
	return 0;
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

	if (addr_usable(a))
		ndp_out_note(out, NDP_NOTE_ADDR_DEL, &a->ip, a->plen, 0, 0, 0);
	if (a->state != NDP_ADDR_DUPLICATE) {
		ndp_solicited_node(&a->ip, &sn);
		ndp_group_leave(ctx, now, &sn, false, out);
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
 * Joins ff02::1 and adds the link-local address fe80::/64 with the modified
 * EUI-64 interface identifier of the MAC, tentative, lifetimes infinite.
 */
void ndp_addr_init(struct ndp_ctx *ctx, s64 now, struct ndp_out *out)
{
	struct ndp_ip6 ll = { .b = { 0xfe, 0x80 } };

	ctx->mld_v1_until = NDP_TIME_NEVER;	/* MLDv2 until a v1 Query */
	ndp_group_join(ctx, now, &ndp_all_nodes, false, out);
	eui64_iid(ctx->mac, ll.b + 8);
	ndp_addr_add(ctx, now, &ll, 64, NDP_ORIGIN_LINKLOCAL, NDP_INFINITE,
		     NDP_INFINITE, out);
}

/**
 * ndp_add_ip() - the seed's add_ip: a manual address.
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
 * or lifetimes), -EEXIST or -ENOSPC.
 */
int ndp_add_ip(struct ndp_ctx *ctx, s64 now, const struct ndp_ip6 *ip,
	       u8 plen, u32 valid_s, u32 preferred_s, struct ndp_out *out)
{
	return ndp_addr_add(ctx, now, ip, plen, NDP_ORIGIN_MANUAL, valid_s,
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
 * ndp_get_ip() - the seed's get_ip: our usable addresses.
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
		if (!addr_usable(&ctx->addrs[i]))
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

/* ------------------------------------------------------------- DAD */

/*
 * An NS from a unicast source for an address checked again after the link
 * came back (optimistic): it is in use, so it is answered as RFC 4429 3.3
 * (and Linux) answer for an Optimistic Address: a solicited NA with the
 * Override flag clear, so that a cache entry of the address's real owner,
 * if there is one, is not replaced.  The sender's entry is learned from
 * its SLLA (RFC 4861 7.2.3); without one the answer needs a cached
 * link-layer address, else it is not sent (TX_CORE_UNRESOLVED: the sender
 * asks again).
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
 * it carries the nonce of one of the DAD NS of this run (RFC 7527: ours,
 * looped back, maybe late: with DupAddrDetectTransmits > 1 the copy of an
 * earlier NS may arrive after a later one was sent).  From a unicast
 * source it is someone resolving an address that is not ours yet: not
 * answered (counted NS_NOT_OURS); for an optimistic one see
 * optimistic_answer().
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
	g = group_find(ctx, &sn);
	return !g || g->leaving || !group_unreported(g);
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
}

/* ------------------------------------------------------------- SLAAC */

/**
 * ndp_addr_slaac() - a PIO with A=1 (RFC 4862 5.5.3 d, e).
 * @ctx: the context
 * @now: current time (ns)
 * @pfx: the prefix (rtr.c checked: not link-local)
 * @valid_s: valid lifetime (s)
 * @preferred_s: preferred lifetime (s), not above @valid_s
 * @out: output
 *
 * The prefix must be a /64 (Ethernet interface identifiers are 64 bits).
 * A new prefix makes a tentative address of prefix + modified EUI-64; a
 * known one updates its lifetimes by the two-hour rule.  Nothing at all
 * once IP operation is disabled (the EUI-64 link-local address was a
 * duplicate, see ip_disable()).
 */
void ndp_addr_slaac(struct ndp_ctx *ctx, s64 now,
		    const struct ndp_prefix *pfx, u32 valid_s,
		    u32 preferred_s, struct ndp_out *out)
{
	struct ndp_ip6 ip = pfx->addr;
	s64 valid_until, preferred_until;
	struct ndp_addr *a;
	u32 remaining;

	if (pfx->len != 64) {
		ndp_count(ctx, NDP_STAT_PIO_BAD_PLEN);
		return;
	}
	if (ctx->ip_disabled) {		/* our identifier is someone else's */
		ndp_count(ctx, NDP_STAT_SLAAC_IP_DISABLED);
		return;
	}
	eui64_iid(ctx->mac, ip.b + 8);
	a = ndp_addr_find(ctx, &ip);
	if (!a) {
		if (valid_s)
			ndp_addr_add(ctx, now, &ip, 64, NDP_ORIGIN_SLAAC,
				     valid_s, preferred_s, out);
		return;
	}
	if (a->origin != NDP_ORIGIN_SLAAC || a->state == NDP_ADDR_DUPLICATE)
		return;
	/* e) the two-hour rule guards the valid lifetime */
	valid_until = a->valid_until;
	remaining = ndp_remaining_s(now, a->valid_until);
	if (valid_s > NDP_TWO_HOURS_S || valid_s > remaining)
		valid_until = ndp_expiry(now, valid_s);
	else if (remaining > NDP_TWO_HOURS_S)
		valid_until = ndp_expiry(now, NDP_TWO_HOURS_S);
	preferred_until = min(ndp_expiry(now, preferred_s), valid_until);
	if (valid_until == a->valid_until &&
	    preferred_until == a->preferred_until)
		return;
	a->valid_until = valid_until;
	a->preferred_until = preferred_until;
	if (preferred_until > now) {
		if (a->state == NDP_ADDR_DEPRECATED)
			a->state = NDP_ADDR_PREFERRED;
		if (a->optimistic)
			a->held = NDP_ADDR_PREFERRED;
	}
	if (addr_usable(a))
		note_addr(out, NDP_NOTE_ADDR_UPDATE, a, now);
	ndp_changed(ctx);
}

/* ------------------------------------------------------------- source */

/*
 * The default policy table of RFC 6724 2.1, longest prefix first so that
 * the first match is the longest: only the labels (rule 6); precedence is
 * for destination address selection, which is the caller's.
 */
static const struct {
	struct ndp_ip6 pfx;
	u8 plen;
	u8 label;
} policy_table[] = {
	{ { .b = { [15] = 1 } }, 128, 0 },			/* ::1 */
	{ { .b = { [10] = 0xff, [11] = 0xff } }, 96, 4 },	/* ::ffff:0:0 */
	{ { .b = { 0 } }, 96, 3 },				/* :: (v4-compat) */
	{ { .b = { 0x20, 0x01 } }, 32, 5 },			/* Teredo */
	{ { .b = { 0x20, 0x02 } }, 16, 2 },			/* 6to4 */
	{ { .b = { 0x3f, 0xfe } }, 16, 12 },			/* 6bone */
	{ { .b = { 0xfe, 0xc0 } }, 10, 11 },			/* site-local */
	{ { .b = { 0xfc } }, 7, 13 },				/* ULA */
	{ { .b = { 0 } }, 0, 1 },				/* ::/0 */
};

static u8 policy_label(const struct ndp_ip6 *a)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(policy_table) - 1; i++)
		if (ndp_prefix_match(a, &policy_table[i].pfx,
				     policy_table[i].plen))
			return policy_table[i].label;
	return policy_table[ARRAY_SIZE(policy_table) - 1].label;
}

/*
 * Is @a a better source than @b for @dst (whose label is @dst_label)?
 * RFC 6724 section 5's rules in their order, those that can tell two
 * addresses of one interface apart: 1, 2, 3, 6, 8.  Rule 4 (home
 * addresses) needs Mobile IPv6, rule 5 (the outgoing interface) a second
 * interface, rule 7 (temporary addresses) RFC 8981 addresses, none of which
 * the core has; rule 5.5 (a prefix the next hop advertised) applies only to
 * a node that records which router advertised which prefix, and the core
 * does not.
 */
static bool better_source(const struct ndp_addr *a, const struct ndp_addr *b,
			  const struct ndp_ip6 *dst, u8 dst_label)
{
	unsigned int sa = ip6_scope(&a->ip), sb = ip6_scope(&b->ip);
	unsigned int sd = ip6_scope(dst);
	unsigned int pa = a->plen, pb = b->plen;
	/* an optimistic address counts as deprecated (RFC 4429 3.1) */
	bool prefa = a->state == NDP_ADDR_PREFERRED;
	bool prefb = b->state == NDP_ADDR_PREFERRED;
	bool la, lb;
	unsigned int ca, cb;

	/* rule 1: the destination itself */
	if (ndp_ip6_eq(&a->ip, dst))
		return true;
	if (ndp_ip6_eq(&b->ip, dst))
		return false;
	/* rule 2: appropriate scope */
	if (sa < sb)
		return sa >= sd;
	if (sb < sa)
		return sb < sd;
	/* rule 3: avoid deprecated */
	if (prefa != prefb)
		return prefa;
	/* rule 6: the label of the destination (RFC 6724 2.1 table) */
	la = policy_label(&a->ip) == dst_label;
	lb = policy_label(&b->ip) == dst_label;
	if (la != lb)
		return la;
	/* rule 8: longest matching prefix, up to the source's prefix */
	ca = min(ndp_common_prefix_len(&a->ip, dst), pa);
	cb = min(ndp_common_prefix_len(&b->ip, dst), pb);
	return ca > cb;
}

/**
 * ndp_select_source() - the seed's select_source (RFC 6724 section 5).
 * @ctx: the context
 * @dst: the destination
 * @src: the chosen source
 *
 * Rules 1 (same address), 2 (appropriate scope), 3 (avoid deprecated), 6
 * (matching label, with the default policy table of RFC 6724 2.1: a Teredo
 * 2001::/32 or 6to4 2002::/16 source only for a destination of its kind)
 * and 8 (longest matching prefix), in that order; the others cannot apply
 * (see better_source()).  Tentative and duplicate addresses are never
 * chosen; ties go to the older table slot.
 *
 * Context: the caller serialises calls on @ctx.
 * Return: 0, or -ENOENT if no address is usable.
 */
int ndp_select_source(const struct ndp_ctx *ctx, const struct ndp_ip6 *dst,
		      struct ndp_ip6 *src)
{
	const struct ndp_addr *best = NULL;
	u8 dst_label = policy_label(dst);
	unsigned int i;

	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		const struct ndp_addr *a = &ctx->addrs[i];

		if (!addr_usable(a))
			continue;
		if (!best || better_source(a, best, dst, dst_label))
			best = a;
	}
	if (!best)
		return -ENOENT;
	*src = best->ip;
	return 0;
}

/* ------------------------------------------------------------- timers */

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

	mld_v1_expire(ctx, now);
	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		struct ndp_addr *a = &ctx->addrs[i];

		if (!a->used)
			continue;
		if (a->valid_until <= now) {
			ndp_addr_del(ctx, now, a, out);
		} else if (addr_shown_state(a) == NDP_ADDR_PREFERRED &&
			   a->preferred_until <= now) {
			if (a->optimistic)
				a->held = NDP_ADDR_DEPRECATED;
			else
				a->state = NDP_ADDR_DEPRECATED;
			note_addr(out, NDP_NOTE_ADDR_DEPRECATED, a, now);
			ndp_changed(ctx);
		}
	}
	if (ctx->link_down)
		return;
	mld_tick(ctx, now, out);
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
 * Return: the earliest timer of this file, NDP_TIME_NEVER if none.
 */
s64 ndp_addr_deadline(const struct ndp_ctx *ctx)
{
	bool held = ctx->link_down;
	s64 t = held ? NDP_TIME_NEVER : ctx->mld_general_timer;
	unsigned int i;

	t = min(t, ctx->mld_v1_until);	/* never held */

	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		const struct ndp_addr *a = &ctx->addrs[i];

		if (!a->used)
			continue;
		t = min(t, a->valid_until);
		if (a->state == NDP_ADDR_TENTATIVE && !held)
			t = min(t, a->timer);
		if (addr_shown_state(a) == NDP_ADDR_PREFERRED)
			t = min(t, a->preferred_until);
	}
	for (i = 0; !held && i < ctx->cfg.max_groups; i++)
		if (ctx->groups[i].used)
			t = min(t, ctx->groups[i].timer);
	return t;
}

/* ------------------------------------------------------------- link */

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
	ndp_solicited_node(&a->ip, &sn);
	g = group_find(ctx, &sn);
	if (g && group_unreported(g) && !g->leaving)
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
 * Down: groups being left are forgotten (their Reports would be lost), a
 * pending query response is dropped; the other timers are held by
 * ndp_addr_tick() and ndp_addr_deadline().  Up: every group MLD reports
 * gets NDP_MLD_ROBUSTNESS state-change Reports, the first after a random
 * delay below MAX_RTR_SOLICITATION_DELAY, and every address but a
 * DUPLICATE one runs DAD from the start (see the top of this file).
 */
void ndp_addr_link_change(struct ndp_ctx *ctx, s64 now, bool up,
			  struct ndp_out *out)
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
		}
	}
	if (!up)
		return;
	for (i = 0; i < ctx->cfg.max_addrs; i++) {
		struct ndp_addr *a = &ctx->addrs[i];

		if (a->used && a->state != NDP_ADDR_DUPLICATE)
			addr_recheck(ctx, now, a, out);
	}
}
