/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared fixture of the core's KUnit suites, every name ndp_kt_*.  Every
 * suite drives the core with explicit times and deterministic randomness,
 * feeds it raw frames (bytes, built with ndp_frames.h) and asserts the
 * exact frames, events and counters that come out.  ndp_kunit.c: a
 * context, its input and output, counters; ndp_kunit_addr.c: addresses,
 * DAD and MLD; ndp_kunit_peer.c: a context and its neighbour, frames
 * described field by field.  What the files of one subsystem's suites
 * share beyond this has a header of its own: ndp_kunit_nbr.h,
 * ndp_kunit_rtr.h, ndp_kunit_rx.h.
 */
#ifndef _NDP_KUNIT_H
#define _NDP_KUNIT_H

#include <kunit/test.h>
#include "../module/core/ndp_private.h"
#include "ndp_frames.h"

#define NDP_KT_HEADROOM	64

/* Times in the core's unit (ns). */
#define SEC(x)		((s64)(x) * NDP_NSEC_PER_SEC)
#define MSEC(x)		((s64)(x) * NDP_NSEC_PER_MSEC)

struct ndp_kt {
	struct kunit *test;
	struct ndp_config cfg;
	struct ndp_ctx *ctx;
	struct ndp_out *out;
	u64 rng;
	s64 now;
	u8 mac[NDP_ETH_ALEN];
	u8 *buf;		/* NDP_KT_HEADROOM + 2048: rx/tx scratch */
	u64 *stats0;		/* [NDP_STAT_MAX]: snapshot for stat_delta */
	u32 *seen;		/* [256]: ICMPv6 types sent in run_until */
	u32 seen_frames;
	const char *label;	/* NULL, or a prefix for counter messages */
};

/*
 * Set up a context with @cfg (NULL: defaults) and MAC 02:00:00:00:00:01 at
 * time 1 s; memory is test-managed.  Fails the test on error.
 */
void ndp_kt_init(struct kunit *test, struct ndp_kt *t,
		 const struct ndp_config *cfg);
/*
 * ndp_kt_init() with the context in @mem (@size bytes) from the caller
 * (NULL: test-managed): for tables beyond what kmalloc gives (4 MB), e.g.
 * 100,000 neighbours.
 */
void ndp_kt_init_mem(struct kunit *test, struct ndp_kt *t,
		     const struct ndp_config *cfg, void *mem, size_t size);
/*
 * ndp_kt_init() as context number @me of a link (1, 2, ...): MAC
 * 02:00:00:00:00:0@me and a random stream of its own.
 */
void ndp_kt_init_as(struct kunit *test, struct ndp_kt *t,
		    const struct ndp_config *cfg, u8 me);
/* Deterministic random callback (xorshift64 on t->rng). */
void ndp_kt_random(void *opaque, void *buf, u32 len);

/* "fe80::1" -> address (fails the test on a bad string). */
struct ndp_ip6 ndp_kt_ip(struct kunit *test, const char *s);

/*
 * Build IPv6 + ICMPv6 into t->buf + NDP_KT_HEADROOM with nf_icmp(): @icmp
 * (@len bytes, checksum filled in).  Returns the IPv6 packet length.
 */
u32 ndp_kt_build_icmp(struct ndp_kt *t, const struct ndp_ip6 *src,
		      const struct ndp_ip6 *dst, u8 hop_limit,
		      const u8 *icmp, u32 len);
/*
 * Build from @src to @dst a Destination Options header and nothing after
 * it, with an unknown option of action 10: a Parameter Problem is due.
 */
u32 ndp_kt_bad_dstopts(struct ndp_kt *t, const struct ndp_ip6 *src,
		       const struct ndp_ip6 *dst);
/* The packet built last (t->buf + NDP_KT_HEADROOM). */
static inline u8 *ndp_kt_pkt(struct ndp_kt *t)
{
	return t->buf + NDP_KT_HEADROOM;
}

/* Reset t->out, snapshot counters, then ndp_handle() the built packet. */
void ndp_kt_handle(struct ndp_kt *t, u32 len);
/* Same with an explicit packet (handle = @handle). */
void ndp_kt_handle_pkt(struct ndp_kt *t, u8 *ip6, u32 len, void *handle);
/* Reset t->out, snapshot counters, then ndp_send() @pkt (its return). */
int ndp_kt_send_pkt(struct ndp_kt *t, const struct ndp_ip6 *dst,
		    struct ndp_pkt *pkt, u32 flags);
/* The same, the next hop the core's, no flags. */
static inline int ndp_kt_send(struct ndp_kt *t, struct ndp_pkt *pkt)
{
	return ndp_kt_send_pkt(t, NULL, pkt, 0);
}

/* A caller packet: 8 bytes of UDP behind the headroom (ndp_kt_cpkt()). */
#define NDP_KT_CPKT_LEN	(NDP_IP6_HLEN + 8)

struct ndp_kt_cpkt {
	u8 buf[NDP_KT_HEADROOM + NDP_KT_CPKT_LEN];
	struct ndp_pkt pkt;
};

/*
 * Make @p a caller packet to @dst from @src (NULL: the source the core
 * selects, :: if none), @id its last byte; its handle is @p.
 */
struct ndp_pkt *ndp_kt_cpkt(struct ndp_kt *t, struct ndp_kt_cpkt *p,
			    const struct ndp_ip6 *dst,
			    const struct ndp_ip6 *src, u8 id);
/* The frame t->out transmits for @handle, or NULL. */
const struct ndp_tx *ndp_kt_txd(struct ndp_kt *t, const void *handle);

/* Reset t->out and tick at @now (also sets t->now). */
void ndp_kt_tick(struct ndp_kt *t, s64 now);

/* Counter @s moved by how much since the last ndp_kt_handle/_tick/_snap. */
u64 ndp_kt_stat_delta(const struct ndp_kt *t, enum ndp_stat s);
void ndp_kt_snap(struct ndp_kt *t);
/*
 * Expect that no counter moved but the totals (RX_PACKETS, RX_ND, RX_ECHO,
 * TX_PACKETS, RA_USEROPT) and @ok[0..@n).  ndp_kt_expect_only(t, A, B, ...) lists
 * them inline; NDP_STAT_MAX stands for none.
 */
void ndp_kt_expect_only_n(struct ndp_kt *t, const enum ndp_stat *ok, u32 n);
#define ndp_kt_expect_only(t, ...)                           \
	ndp_kt_expect_only_n(                                \
		(t), (const enum ndp_stat[]){ __VA_ARGS__ }, \
		ARRAY_SIZE(((const enum ndp_stat[]){ __VA_ARGS__ })))

/* Is @ip among ndp_get_ip() / ndp_get_routers() (32 at most)? */
bool ndp_kt_has_ip(struct ndp_kt *t, const struct ndp_ip6 *ip);
bool ndp_kt_has_router(struct ndp_kt *t, const struct ndp_ip6 *ip);
/* The default router list's entry for @ip; false if absent. */
bool ndp_kt_router_info(struct ndp_kt *t, const struct ndp_ip6 *ip,
			struct ndp_router_info *ri);
/* The next hop to @dst is @want (ndp_next_hop()). */
void ndp_kt_expect_next_hop(struct ndp_kt *t, const struct ndp_ip6 *dst,
			    const struct ndp_ip6 *want);
/* Length of the on-link prefix @pfx in the prefix list, or -1. */
int ndp_kt_prefix_len(struct ndp_kt *t, const struct ndp_ip6 *pfx);
/* Index of the first note @kind about @addr (NULL: any) in t->out, or -1. */
int ndp_kt_note(struct ndp_kt *t, enum ndp_note_kind kind,
		const struct ndp_ip6 *addr);
/* How many notes of @kind t->out holds. */
u32 ndp_kt_count_notes(struct ndp_kt *t, enum ndp_note_kind kind);
/* The same note, or NULL. */
const struct ndp_note *ndp_kt_find_note(struct ndp_kt *t,
					enum ndp_note_kind kind,
					const struct ndp_ip6 *addr);
/* Why @handle was given back in t->out, or -1 if it was not. */
int ndp_kt_done_reason(struct ndp_kt *t, const void *handle);

/*
 * Output frame @i: checks Ethernet type IPv6, returns a pointer to its IPv6
 * header (NULL if out of range), and for ICMPv6 frames checks the checksum.
 */
const u8 *ndp_kt_tx_ip6(struct ndp_kt *t, u32 i);
/* ICMPv6 type of output frame @i (skipping a Hop-by-Hop header), or -1. */
int ndp_kt_tx_icmp_type(struct ndp_kt *t, u32 i);
/* ICMPv6 message of output frame @i, its length in @len. */
const u8 *ndp_kt_tx_icmp(struct ndp_kt *t, u32 i, u32 *len);
/* Index of the first output frame with ICMPv6 @type, or -1. */
int ndp_kt_find_tx(struct ndp_kt *t, int type);
/* Count output frames of ICMPv6 @type. */
u32 ndp_kt_count_tx(struct ndp_kt *t, int type);

/*
 * Run ndp_tick() at every deadline up to @until (bounded loop), adding the
 * ICMPv6 type of every frame sent to t->seen[] (cleared first); t->out
 * holds the last tick's output.
 */
void ndp_kt_run_until(struct ndp_kt *t, s64 until);
/* The same, calling @each(t, @arg) after every tick (t->now: its time). */
void ndp_kt_run_until_each(struct ndp_kt *t, s64 until,
			   void (*each)(struct ndp_kt *t, void *arg),
			   void *arg);

/* Addresses, DAD and MLD (ndp_kunit_addr.c) */

/* fe80::ff:fe00:1 (from the fixture's MAC) and ff02::1:ff00:1 */
extern const struct ndp_ip6 ndp_kt_ll, ndp_kt_ll_sn;
/* A neighbour's MAC, 02:bb:00:00:00:02. */
extern const u8 ndp_kt_nbr_mac[NDP_ETH_ALEN];

/* ndp_kt_init() with RS off and DupAddrDetectTransmits @dad_transmits. */
void ndp_kt_init_host(struct kunit *test, struct ndp_kt *t,
		      u8 dad_transmits);
/* ndp_kt_init_host(.., 1) in group @grp, DAD passed, every Report out. */
void ndp_kt_init_joined(struct kunit *test, struct ndp_kt *t,
			const struct ndp_ip6 *grp);
/* Tick at the next deadline (never before t->now); returns that time. */
s64 ndp_kt_step(struct ndp_kt *t);
/*
 * Step until a tick sends a frame of ICMPv6 @type, no later than @until.
 * Returns its index in t->out (t->now is the tick's time), or -1.
 */
int ndp_kt_step_until_tx(struct ndp_kt *t, int type, s64 until);
/* The table entry for @ip; false if absent. */
bool ndp_kt_addr_info(struct ndp_kt *t, const struct ndp_ip6 *ip,
		      struct ndp_addr_info *ai);
/* State of our address @ip, or -1 if absent. */
int ndp_kt_addr_state(struct ndp_kt *t, const struct ndp_ip6 *ip);
/* Let the link-local address pass DAD and every Report go out. */
void ndp_kt_settle(struct ndp_kt *t);
/*
 * Check MLDv2 Report frame @i: Ethernet to 33:33:00:00:00:16 from our MAC,
 * IPv6 from @src to ff02::16 with hop limit 1, a Hop-by-Hop Router Alert,
 * @nrec records.  Returns the ICMPv6 message.
 */
const u8 *ndp_kt_expect_report(struct ndp_kt *t, int i,
			       const struct ndp_ip6 *src, u16 nrec);
/* Record type for @grp in Report @m, or -1 (records: no sources). */
int ndp_kt_record(const u8 *m, const struct ndp_ip6 *grp);
/*
 * Records in t->out: an MLDv2 Report's record of @type for @grp, or an
 * MLDv1 Report or Done about @grp, @type its ICMPv6 type (131, 132).
 * The index of the first frame with one, or -1; how many frames have
 * one, only those from @src (NULL: any).
 */
int ndp_kt_find_record(struct ndp_kt *t, const struct ndp_ip6 *grp, int type);
u32 ndp_kt_count_records(struct ndp_kt *t, const struct ndp_ip6 *grp,
			 int type, const struct ndp_ip6 *src);
/* Run to @until, counting records of @type for @grp in every tick. */
u32 ndp_kt_run_count_records(struct ndp_kt *t, s64 until,
			     const struct ndp_ip6 *grp, int type);
/*
 * Check MLDv1 frame @i (RFC 2710 3): a Report (to @grp) or a Done (to
 * ff02::2) about @grp, from @src, hop limit 1, a Hop-by-Hop Router Alert,
 * 24 bytes: type, code 0, Maximum Response Delay 0, reserved 0, @grp.
 */
void ndp_kt_expect_mld1(struct ndp_kt *t, int i, u8 type,
			const struct ndp_ip6 *src, const struct ndp_ip6 *grp);
/* Is the core in MLDv1 compatibility mode (ndp_get_params())? */
bool ndp_kt_mld_v1(struct ndp_kt *t);
/* An MLD Query into the fixture's buffer; returns the IPv6 length. */
u32 ndp_kt_query(struct ndp_kt *t, const struct ndp_ip6 *src,
		 const struct ndp_ip6 *dst, u8 hop_limit, bool router_alert,
		 const struct ndp_ip6 *mca, u16 max_resp_code, u32 len,
		 u16 nsrc);
/* A DAD NS (from ::, to the solicited-node group) for @target. */
u32 ndp_kt_dad_ns(struct ndp_kt *t, const struct ndp_ip6 *target,
		  const u8 *nonce);
/*
 * Into the fixture's buffer, hop limit 255, returning the IPv6 length: an
 * NS from @src to @dst for @target with SLLA @slla, an NA from @src to
 * @dst for @target with @flags and TLLA @tlla (NULL: no option).
 */
u32 ndp_kt_ns(struct ndp_kt *t, const struct ndp_ip6 *src,
	      const struct ndp_ip6 *dst, const struct ndp_ip6 *target,
	      const u8 *slla);
u32 ndp_kt_na(struct ndp_kt *t, const struct ndp_ip6 *src,
	      const struct ndp_ip6 *dst, const struct ndp_ip6 *target,
	      u8 flags, const u8 *tlla);
/* The DAD NS frame @i for @target: returns its nonce. */
const u8 *ndp_kt_expect_dad_ns(struct ndp_kt *t, int i,
			       const struct ndp_ip6 *target);
/* An RA frame with a /64 PIO, A=1: a SLAAC address, DAD, then valid */
u32 ndp_kt_ra_pio(struct ndp_kt *t, const struct ndp_ip6 *prefix, u8 plen,
		  u32 valid_s, u32 preferred_s);
/* Tick at the next deadline if it is no later than @until. */
bool ndp_kt_step_before(struct ndp_kt *t, s64 until);
/* Tell the core the link went down or came back: no frame from the call. */
void ndp_kt_link(struct ndp_kt *t, bool up);

/*
 * A context and its neighbour (ndp_kunit_peer.c), for the rx and wire
 * suites: frames described field by field (struct ndp_kt_frame) and
 * rendered byte by byte with ndp_frames.c's checksum.
 */

#define NDP_KT_BUF		2048
#define NDP_KT_MAX_EXT	12
#define NDP_KT_HANDLE(w)	((void *)(w))

struct ndp_kt_peer {
	struct ndp_kt kt;
	u8 peer_mac[NDP_ETH_ALEN];
	struct ndp_ip6 ll;		/* ours, from the MAC (EUI-64) */
	struct ndp_ip6 glob;		/* ours, added with ndp_add_ip() */
	struct ndp_ip6 sn;		/* solicited-node group of both */
	struct ndp_ip6 peer;		/* the neighbour's link-local */
	struct ndp_ip6 peer_glob;
	struct ndp_ip6 all_nodes;
	u32 pkt_flags;			/* ndp_pkt.flags of what is handed in */
};

/* One frame, described field by field and rendered by ndp_kt_render(). */
struct ndp_kt_frame {
	u8 version;
	u8 hop_limit;
	struct ndp_ip6 src, dst;
	u8 ext[512];			/* extension headers, in order */
	u32 ext_len;
	u8 ext_type[NDP_KT_MAX_EXT];
	u32 ext_off[NDP_KT_MAX_EXT];	/* from the IPv6 header */
	u32 n_ext;
	u8 proto;			/* upper-layer protocol */
	u8 l4[1400];
	u32 l4_len;
	int plen_adj;			/* added to the Payload Length field */
	u32 trailing;			/* bytes beyond the payload length */
	u32 cut;			/* the packet is only this long */
	u32 linear;			/* only this much of it is linear */
	bool bad_csum;
	bool ev_set;			/* the event's protocol/offset below */
	u8 ev_proto;
	u32 ev_l4_off;
	u32 len;			/* rendered length */
};

/* fe80:: (the link-local prefix) */
extern const struct ndp_ip6 ndp_kt_fe80;

/* ndp_kt_ip() for @w's test. */
struct ndp_ip6 ndp_kt_peer_ip(struct ndp_kt_peer *w, const char *s);
/* Are the 16 bytes at @p the address @ip? */
bool ndp_kt_ip_eq(const u8 *p, const struct ndp_ip6 *ip);
/* An IPv6 header at @p, any @version (0 to 15). */
void ndp_kt_put_ip6(u8 *p, u8 version, u16 plen, u8 nh, u8 hop,
		    const struct ndp_ip6 *src, const struct ndp_ip6 *dst);
/* Hand the packet at the fixture's buffer to the core, handle = @w. */
void ndp_kt_handle_len(struct ndp_kt_peer *w, u32 len, u32 tot_len);
/* ICMPv6 message of output frame @i, its checksum checked twice. */
const u8 *ndp_kt_tx_icmp_checked(struct ndp_kt_peer *w, u32 i, u32 *len);
/* The handle came back exactly once: in the done list, for @reason. */
void ndp_kt_expect_done(struct ndp_kt_peer *w, enum ndp_done_reason reason);
/*
 * Context number @me (1 or 2): MAC 02:00:00:00:00:0@me, 2001:db8::@me; its
 * peer is the other one.  @learn: the peer's NS puts it in the cache.
 */
struct ndp_kt_peer *ndp_kt_peer_setup_as(struct kunit *test,
					 const struct ndp_config *cfg, u8 me,
					 bool learn);
/* Context 1, its peer learned. */
struct ndp_kt_peer *ndp_kt_peer_setup(struct kunit *test,
				      const struct ndp_config *cfg);
/* A frame from the peer to our link-local address, IPv6 hop limit 64. */
struct ndp_kt_frame *ndp_kt_frame_new(struct ndp_kt_peer *w);
/* Append an extension header of @len bytes (Hdr Ext Len filled in). */
u8 *ndp_kt_ext(struct ndp_kt_peer *w, struct ndp_kt_frame *f, u8 type, u32 len);
/* Append a Routing header of type @rtype, @segs_left. */
u8 *ndp_kt_ext_routing(struct ndp_kt_peer *w, struct ndp_kt_frame *f, u8 rtype,
		       u8 segs_left);
/* Write @f into the fixture's buffer: header chain linked, checksum set. */
u32 ndp_kt_render(struct ndp_kt_peer *w, struct ndp_kt_frame *f);
/* Render @f and hand it to the core (linear part: f->linear if set). */
void ndp_kt_send_frame(struct ndp_kt_peer *w, struct ndp_kt_frame *f);
/* A 12-byte UDP datagram as @f's upper layer. */
void ndp_kt_frame_udp(struct ndp_kt_frame *f);
/* ICMPv6 @type, code 0, a 4-byte field then 17 bytes (odd length). */
void ndp_kt_frame_icmp(struct ndp_kt_frame *f, u8 type);
/* An NS from the peer for @target, with its SLLA. */
u32 ndp_kt_ns_from_peer(struct ndp_kt_peer *w, struct ndp_kt_frame *f,
			const struct ndp_ip6 *target);
/* The peer's NS puts it in our neighbour cache. */
void ndp_kt_learn_peer(struct ndp_kt_peer *w);
/*
 * Check output frame @i's Ethernet and IPv6 headers (to @eth_dst, from
 * @src to @dst, hop limit @hop); returns its ICMPv6 message.
 */
const u8 *ndp_kt_expect_frame(struct ndp_kt_peer *w, u32 i,
			      const u8 *eth_dst, const struct ndp_ip6 *src,
			      const struct ndp_ip6 *dst, u8 hop, u32 *len);
/* The Ethernet group address of @g (33:33 and its last 4 bytes). */
void ndp_kt_mcast_mac(const struct ndp_ip6 *g, u8 *mac);
/* Count where handle @h came out: transmitted, done, or as the event. */
u32 ndp_kt_handle_seen(const struct ndp_out *out, void *h);
/* Output frame @i is a Parameter Problem about the packet @f. */
void ndp_kt_expect_param_prob(struct ndp_kt_peer *w,
			      const struct ndp_kt_frame *f, u32 i, u8 code,
			      u32 pointer, const struct ndp_ip6 *src);

#endif
